//! Budgets and cost allocation (issue 16): a programme's budget lines per
//! year, the costs actually booked, and the keys by which a funder pays a
//! share of each line (a fixed percentage, or the share of non-EU
//! participants in the period, as Ghent's AMIF project does). Amounts are
//! whole cents; shares are exact fractions, rounded once, per line.

use serde::{Deserialize, Serialize};

/// The budget lines: those of seed 001 first, then staff, outings, rent
/// and overhead. `staff` is reported separately (federal social activation).
pub const LINES: [&str; 14] = [
    "facilitation_childcare",
    "pedagogical_material",
    "children_activities_care",
    "communication_promotion",
    "catering",
    "staff_transport",
    "information_documents",
    "interpreting_translation",
    "technical_equipment",
    "insurance",
    "staff",
    "outings",
    "rent",
    "overhead",
];

/// Whether a line is a staff cost.
pub fn is_staff(line: &str) -> bool {
    line == "staff"
}

crate::coded_enum! {
    /// How a funder's share of a line is computed.
    KeyKind: "allocation key" {
        /// A fixed percentage (in basis points).
        Fixed = "fixed",
        /// The share of non-EU participants among the programme's
        /// participants in the period.
        NonEuShare = "non_eu_share",
    }
}

/// A funder's key, for the whole budget or for one line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct AllocationKey {
    pub kind: KeyKind,
    /// For `Fixed`: 10000 = 100 %.
    pub basis_points: u32,
}

/// A share as an exact fraction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Share {
    pub num: i64,
    pub den: i64,
}

impl Share {
    pub fn percent(self) -> f64 {
        if self.den == 0 {
            0.0
        } else {
            self.num as f64 * 100.0 / self.den as f64
        }
    }

    /// This share of an amount in cents, rounded half away from zero.
    pub fn of(self, cents: i64) -> i64 {
        if self.den == 0 {
            return 0;
        }
        let n = i128::from(cents) * i128::from(self.num);
        let d = i128::from(self.den);
        let rounded = if n >= 0 {
            (2 * n + d) / (2 * d)
        } else {
            -((-2 * n + d) / (2 * d))
        };
        i64::try_from(rounded).unwrap_or(0)
    }
}

/// Who was in the programme in the period, as the keys need it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Population {
    pub participants: i64,
    /// Of whom not EU nationals (unknown nationality counts as EU: the fund
    /// pays only for what is shown).
    pub non_eu: i64,
}

impl AllocationKey {
    pub fn share(self, population: Population) -> Share {
        match self.kind {
            KeyKind::Fixed => Share {
                num: i64::from(self.basis_points.min(10_000)),
                den: 10_000,
            },
            KeyKind::NonEuShare => Share {
                num: population.non_eu,
                den: population.participants,
            },
        }
    }
}

/// One line of a budget with its costs and a funder's share.
#[derive(Debug, Clone, PartialEq)]
pub struct LineResult {
    pub line: String,
    pub budget_cents: i64,
    pub actual_cents: i64,
    /// The key used: the line's own, else the funder's.
    pub key: Option<AllocationKey>,
    pub share: Share,
    pub fund_cents: i64,
}

/// The whole allocation of a programme's year for one funder.
#[derive(Debug, Clone, PartialEq)]
pub struct Allocation {
    pub lines: Vec<LineResult>,
    pub budget_cents: i64,
    pub actual_cents: i64,
    pub fund_cents: i64,
    pub staff_cents: i64,
}

/// Applies a funder's keys to a budget: each line's share is computed on
/// its actual costs with the line's own key, else the funder's default,
/// else nothing (the funder pays none of it).
pub fn allocate(
    lines: &[(String, i64, i64)],
    default_key: Option<AllocationKey>,
    line_keys: &[(String, AllocationKey)],
    population: Population,
) -> Allocation {
    let mut out = Allocation {
        lines: Vec::new(),
        budget_cents: 0,
        actual_cents: 0,
        fund_cents: 0,
        staff_cents: 0,
    };
    for (line, budget, actual) in lines {
        let key = line_keys
            .iter()
            .find(|(l, _)| l == line)
            .map(|(_, k)| *k)
            .or(default_key);
        let share = key.map_or(Share { num: 0, den: 1 }, |k| k.share(population));
        let fund = share.of(*actual);
        out.budget_cents += budget;
        out.actual_cents += actual;
        out.fund_cents += fund;
        if is_staff(line) {
            out.staff_cents += actual;
        }
        out.lines.push(LineResult {
            line: line.clone(),
            budget_cents: *budget,
            actual_cents: *actual,
            key,
            share,
            fund_cents: fund,
        });
    }
    out
}

/// One billion euros, in cents: more is a typing error.
const MAX_CENTS: i64 = 100_000_000_000;

/// Why an amount was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AmountError {
    #[error("not an amount in euros")]
    Invalid,
    #[error("the amount is too large")]
    TooLarge,
}

/// Parses an amount in euros as accounting systems and people write it:
/// "1234.56", "1234,56", "1.234,56", "1 234,56", "€ 12", "-3,5".
pub fn parse_euros(raw: &str) -> Result<i64, AmountError> {
    let s: String = raw
        .trim()
        .trim_start_matches('€')
        .trim_end_matches('€')
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}' && *c != '\u{202f}')
        .collect();
    let (negative, s) = match s.strip_prefix('-') {
        Some(rest) => (true, rest.to_owned()),
        None => (false, s),
    };
    if s.is_empty()
        || !s
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return Err(AmountError::Invalid);
    }
    // The last separator followed by one or two digits is the decimal one;
    // every other separator groups thousands.
    let last = s.rfind(['.', ',']);
    let (whole, fraction) = match last {
        Some(i) if s.len() - i - 1 <= 2 && s.len() - i > 1 => (&s[..i], &s[i + 1..]),
        Some(i) if s.len() - i - 1 == 3 => (&s[..], ""),
        Some(_) => return Err(AmountError::Invalid),
        None => (&s[..], ""),
    };
    let digits: String = whole.chars().filter(char::is_ascii_digit).collect();
    if digits.is_empty() && fraction.is_empty() {
        return Err(AmountError::Invalid);
    }
    // Grouping separators must group by three.
    if whole.contains(['.', ',']) {
        let groups: Vec<&str> = whole.split(['.', ',']).collect();
        if groups[1..].iter().any(|g| g.len() != 3) || groups[0].is_empty() || groups[0].len() > 3 {
            return Err(AmountError::Invalid);
        }
    }
    let euros: i64 = if digits.is_empty() {
        0
    } else {
        digits.parse().map_err(|_| AmountError::TooLarge)?
    };
    let cents: i64 = match fraction.len() {
        0 => 0,
        1 => fraction.parse::<i64>().map_err(|_| AmountError::Invalid)? * 10,
        _ => fraction.parse().map_err(|_| AmountError::Invalid)?,
    };
    let total = euros
        .checked_mul(100)
        .and_then(|e| e.checked_add(cents))
        .filter(|t| *t <= MAX_CENTS)
        .ok_or(AmountError::TooLarge)?;
    Ok(if negative { -total } else { total })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_as_people_write_them() {
        assert_eq!(parse_euros("1234.56"), Ok(123_456));
        assert_eq!(parse_euros("1234,56"), Ok(123_456));
        assert_eq!(parse_euros("1.234,56"), Ok(123_456));
        assert_eq!(parse_euros("1,234.56"), Ok(123_456));
        assert_eq!(parse_euros("1 234,5"), Ok(123_450));
        assert_eq!(parse_euros("€ 12"), Ok(1_200));
        assert_eq!(parse_euros("1.234"), Ok(123_400), "a thousands separator");
        assert_eq!(parse_euros("-3,5"), Ok(-350));
        assert_eq!(parse_euros("0,99"), Ok(99));
        for bad in ["", "abc", "1,2,3", "12.3456", "1.23.45", ",", "1e5", "--1"] {
            assert!(parse_euros(bad).is_err(), "{bad}");
        }
        assert_eq!(parse_euros("99999999999999"), Err(AmountError::TooLarge));
    }

    #[test]
    fn shares_round_once_per_line() {
        let third = Share { num: 1, den: 3 };
        assert_eq!(third.of(100), 33);
        assert_eq!(third.of(200), 67);
        assert_eq!(Share { num: 1, den: 2 }.of(1), 1, "half rounds up");
        assert_eq!(Share { num: 1, den: 2 }.of(-1), -1, "a credit too");
        assert_eq!(Share { num: 0, den: 0 }.of(500), 0, "nobody, nothing");
    }

    #[test]
    fn the_fund_pays_the_non_eu_share_and_a_line_may_have_its_own_key() {
        let lines = vec![
            ("catering".to_owned(), 100_000, 90_000),
            ("staff".to_owned(), 2_000_000, 2_100_000),
            ("rent".to_owned(), 50_000, 60_000),
            ("insurance".to_owned(), 10_000, 9_999),
        ];
        let non_eu = AllocationKey {
            kind: KeyKind::NonEuShare,
            basis_points: 0,
        };
        let half = AllocationKey {
            kind: KeyKind::Fixed,
            basis_points: 5_000,
        };
        // 12 participants of whom 9 non-EU: 75 %.
        let population = Population {
            participants: 12,
            non_eu: 9,
        };
        let a = allocate(
            &lines,
            Some(non_eu),
            &[("rent".to_owned(), half)],
            population,
        );
        let fund = |l: &str| a.lines.iter().find(|x| x.line == l).unwrap().fund_cents;
        assert_eq!(fund("catering"), 67_500);
        assert_eq!(fund("staff"), 1_575_000);
        assert_eq!(fund("rent"), 30_000, "the line's own key wins");
        assert_eq!(fund("insurance"), 7_499, "7499.25 rounds down");
        assert_eq!(a.fund_cents, 67_500 + 1_575_000 + 30_000 + 7_499);
        assert_eq!(a.actual_cents, 90_000 + 2_100_000 + 60_000 + 9_999);
        assert_eq!(a.budget_cents, 2_160_000);
        assert_eq!(a.staff_cents, 2_100_000);
        // Without a default key, only keyed lines are paid.
        let b = allocate(&lines, None, &[("rent".to_owned(), half)], population);
        assert_eq!(b.fund_cents, 30_000);
        // Nobody in the period: the non-EU share is nothing, not a division by zero.
        let c = allocate(&lines, Some(non_eu), &[], Population::default());
        assert_eq!(c.fund_cents, 0);
    }
}
