//! School calendars of Belgium's three Communities: when schools close, and
//! so when mothers with school-age children cannot come to a group.
//!
//! Flemish holidays follow a fixed rule and are computed. The French and the
//! German-speaking Communities fix theirs by government decision, so they are
//! data: the years published so far ship in `data/school-holidays/*.json`, and
//! an administrator imports later ones (validated by [`parse_years`]).

use crate::calendar::{easter_sunday, is_public_holiday};
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

/// The Community whose schools an organisation's participants' children attend.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Community {
    Flemish,
    French,
    German,
}

impl Community {
    pub const ALL: [Community; 3] = [Community::Flemish, Community::French, Community::German];

    pub fn code(self) -> &'static str {
        match self {
            Community::Flemish => "flemish",
            Community::French => "french",
            Community::German => "german",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.code() == code)
    }

    /// The Community's own holiday, on which its schools close: 27 September
    /// (French Community), 15 November (German-speaking Community).
    pub fn own_holiday(self, year: i32) -> Option<NaiveDate> {
        match self {
            Community::Flemish => None,
            Community::French => NaiveDate::from_ymd_opt(year, 9, 27),
            Community::German => NaiveDate::from_ymd_opt(year, 11, 15),
        }
    }
}

/// One school holiday period, both ends included.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    /// A code: autumn, christmas, winter, carnival, easter, spring, summer, day_off.
    pub name: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
}

impl Period {
    pub fn contains(&self, day: NaiveDate) -> bool {
        self.start <= day && day <= self.end
    }
}

/// The holidays of one school year ("2025-2026").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SchoolYear {
    pub school_year: String,
    /// The first school day; the year runs until the day before the same
    /// date a year later at the latest.
    pub first_day: NaiveDate,
    pub periods: Vec<Period>,
}

impl SchoolYear {
    /// The calendar year in which the school year starts.
    pub fn start_year(&self) -> Option<i32> {
        parse_label(&self.school_year)
    }
}

/// "2025-2026" gives 2025; anything else (also "2025-2027") nothing.
pub fn parse_label(label: &str) -> Option<i32> {
    let (a, b) = label.trim().split_once('-')?;
    let (a, b): (i32, i32) = (a.parse().ok()?, b.parse().ok()?);
    (b == a + 1 && (1990..=2200).contains(&a)).then_some(a)
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    // Only called with valid month and day numbers.
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

fn monday_of(day: NaiveDate) -> NaiveDate {
    day - Duration::days(day.weekday().num_days_from_monday() as i64)
}

fn period(name: &str, start: NaiveDate, end: NaiveDate) -> Period {
    Period {
        name: name.to_owned(),
        start,
        end,
    }
}

/// The Flemish school holidays of the school year starting in `year`, by the
/// fixed rule of the Flemish government (decisions of 17 April 1991 and 31
/// August 2001). `None` for a year Easter cannot be computed for.
pub fn flemish_year(year: i32) -> Option<SchoolYear> {
    // Autumn: the week holding 1 November; from 2 November when that is a Sunday.
    let all_saints = date(year, 11, 1);
    let autumn_start = if all_saints.weekday() == Weekday::Sun {
        all_saints + Duration::days(1)
    } else {
        monday_of(all_saints)
    };
    // Christmas: two weeks from the Monday of the week holding 25 December,
    // or from the Monday after when 25 December is on a weekend.
    let christmas = date(year, 12, 25);
    let christmas_start = match christmas.weekday() {
        Weekday::Sat | Weekday::Sun => monday_of(christmas) + Duration::days(7),
        _ => monday_of(christmas),
    };
    let easter = easter_sunday(year + 1)?;
    // Carnival: the week from the seventh Monday before Easter.
    let carnival_start = easter - Duration::days(6) - Duration::weeks(6);
    // Easter holidays: two weeks from the first Monday of April; from Easter
    // Monday when Easter is in March; from the second Monday before Easter up
    // to Easter Monday when Easter is after 15 April.
    let (easter_start, easter_end) = if easter.month() == 3 {
        let start = easter + Duration::days(1);
        (start, start + Duration::days(13))
    } else if easter > date(year + 1, 4, 15) {
        (easter - Duration::days(13), easter + Duration::days(1))
    } else {
        let first_of_april = date(year + 1, 4, 1);
        let offset = (7 - first_of_april.weekday().num_days_from_monday()) % 7;
        let start = first_of_april + Duration::days(offset as i64);
        (start, start + Duration::days(13))
    };
    Some(SchoolYear {
        school_year: format!("{year}-{}", year + 1),
        first_day: date(year, 9, 1),
        periods: vec![
            period("autumn", autumn_start, autumn_start + Duration::days(6)),
            period(
                "christmas",
                christmas_start,
                christmas_start + Duration::days(13),
            ),
            period(
                "carnival",
                carnival_start,
                carnival_start + Duration::days(6),
            ),
            period("easter", easter_start, easter_end),
            period("summer", date(year + 1, 7, 1), date(year + 1, 8, 31)),
        ],
    })
}

/// Why a calendar file was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CalendarError {
    #[error("the file is not a school calendar: {0}")]
    Format(String),
    #[error("school year {0}: the label must look like 2026-2027")]
    Label(String),
    #[error("school year {0}: its first day is not in its first calendar year")]
    FirstDay(String),
    #[error("school year {year}: period {name} ends before it starts")]
    Backwards { year: String, name: String },
    #[error("school year {year}: period {name} lies outside the school year")]
    Outside { year: String, name: String },
    #[error("school year {year}: periods {first} and {second} overlap")]
    Overlap {
        year: String,
        first: String,
        second: String,
    },
    #[error("school year {0} appears twice")]
    Duplicate(String),
    #[error("the file is for the {found} Community, not the {expected}")]
    Community { expected: String, found: String },
}

#[derive(Deserialize)]
struct File {
    community: Community,
    #[serde(default)]
    years: Vec<SchoolYear>,
}

/// Reads and checks a calendar file (the shipped ones and imports): each
/// year's label, first day, periods in order, inside the year, none overlapping.
pub fn parse_years(json: &str) -> Result<(Community, Vec<SchoolYear>), CalendarError> {
    let file: File =
        serde_json::from_str(json).map_err(|e| CalendarError::Format(e.to_string()))?;
    let mut seen: Vec<&str> = Vec::new();
    for year in &file.years {
        validate(year)?;
        if seen.contains(&year.school_year.as_str()) {
            return Err(CalendarError::Duplicate(year.school_year.clone()));
        }
        seen.push(&year.school_year);
    }
    Ok((file.community, file.years))
}

/// Checks one school year (see [`parse_years`]).
pub fn validate(year: &SchoolYear) -> Result<(), CalendarError> {
    let label = year.school_year.clone();
    let start_year = year
        .start_year()
        .ok_or_else(|| CalendarError::Label(label.clone()))?;
    if year.first_day.year() != start_year {
        return Err(CalendarError::FirstDay(label));
    }
    let year_end = year
        .first_day
        .checked_add_months(chrono::Months::new(12))
        .unwrap_or(year.first_day)
        - Duration::days(1);
    let mut periods: Vec<&Period> = year.periods.iter().collect();
    periods.sort_by_key(|p| p.start);
    for p in &periods {
        if p.end < p.start {
            return Err(CalendarError::Backwards {
                year: label,
                name: p.name.clone(),
            });
        }
        if p.start < year.first_day || p.end > year_end {
            return Err(CalendarError::Outside {
                year: label,
                name: p.name.clone(),
            });
        }
    }
    for pair in periods.windows(2) {
        if pair[1].start <= pair[0].end {
            return Err(CalendarError::Overlap {
                year: label,
                first: pair[0].name.clone(),
                second: pair[1].name.clone(),
            });
        }
    }
    Ok(())
}

/// The school years that ship with traject for a Community. Flemish years
/// are computed (2015-2016 to 2049-2050); the others come from the data files.
pub fn shipped(community: Community) -> Vec<SchoolYear> {
    let data = match community {
        Community::Flemish => return (2015..2050).filter_map(flemish_year).collect(),
        Community::French => include_str!("../data/school-holidays/french.json"),
        Community::German => include_str!("../data/school-holidays/german.json"),
    };
    // The shipped files are checked by a test; a broken one ships no years.
    parse_years(data)
        .map(|(_, years)| years)
        .unwrap_or_default()
}

/// Why schools or the office are closed on a day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Closure {
    Weekend,
    PublicHoliday,
    /// The Community's own holiday (27 September, 15 November).
    CommunityHoliday,
    /// A school holiday period, by its name code.
    SchoolHoliday(String),
}

impl Closure {
    /// A code for messages and the API.
    pub fn code(&self) -> &str {
        match self {
            Closure::Weekend => "weekend",
            Closure::PublicHoliday => "public_holiday",
            Closure::CommunityHoliday => "community_holiday",
            Closure::SchoolHoliday(_) => "school_holiday",
        }
    }
}

/// The closures an organisation plans around: public holidays, its
/// Community's holiday and school holidays (shipped years plus imported ones;
/// an imported year replaces a shipped one of the same label).
#[derive(Debug, Clone)]
pub struct Calendar {
    pub community: Community,
    pub years: Vec<SchoolYear>,
}

impl Calendar {
    pub fn new(community: Community, imported: Vec<SchoolYear>) -> Self {
        let mut years: Vec<SchoolYear> = shipped(community)
            .into_iter()
            .filter(|s| !imported.iter().any(|i| i.school_year == s.school_year))
            .collect();
        years.extend(imported);
        years.sort_by_key(|y| y.first_day);
        Self { community, years }
    }

    /// The school year labelled "2026-2027", if known.
    pub fn year(&self, label: &str) -> Option<&SchoolYear> {
        self.years.iter().find(|y| y.school_year == label)
    }

    /// Why the day is closed, if it is; weekends first, then public holidays.
    pub fn closure(&self, day: NaiveDate) -> Option<Closure> {
        if matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
            return Some(Closure::Weekend);
        }
        if is_public_holiday(day) {
            return Some(Closure::PublicHoliday);
        }
        if self.community.own_holiday(day.year()) == Some(day) {
            return Some(Closure::CommunityHoliday);
        }
        self.years
            .iter()
            .flat_map(|y| y.periods.iter())
            .find(|p| p.contains(day))
            .map(|p| Closure::SchoolHoliday(p.name.clone()))
    }

    /// The school years (as "2027-2028") among `days` whose holidays are not
    /// known: a series planned there cannot skip them, so the planner is told.
    pub fn unknown_years(&self, days: impl IntoIterator<Item = NaiveDate>) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for day in days {
            if self.knows(day) {
                continue;
            }
            // School years start in late August or on 1 September.
            let start = if day.month() >= 8 {
                day.year()
            } else {
                day.year() - 1
            };
            let label = format!("{start}-{}", start + 1);
            if !out.contains(&label) {
                out.push(label);
            }
        }
        out
    }

    /// Whether the school calendar of the day's school year is known: a
    /// series planned beyond it cannot know the school holidays yet.
    pub fn knows(&self, day: NaiveDate) -> bool {
        self.years.iter().any(|y| {
            let end = y
                .first_day
                .checked_add_months(chrono::Months::new(12))
                .unwrap_or(y.first_day);
            y.first_day <= day && day < end
        }) || self.community == Community::Flemish
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn years_without_a_calendar_are_named() {
        let flemish = Calendar::new(Community::Flemish, Vec::new());
        assert!(flemish.unknown_years([d(2031, 3, 3)]).is_empty());
        let german = Calendar::new(Community::German, Vec::new());
        assert_eq!(
            german.unknown_years([d(2026, 10, 5), d(2027, 3, 1), d(2027, 9, 6)]),
            vec!["2026-2027".to_owned(), "2027-2028".to_owned()]
        );
        let french = Calendar::new(Community::French, shipped(Community::French));
        assert!(french.unknown_years([d(2025, 10, 6)]).is_empty());
        assert_eq!(
            french.unknown_years([d(2040, 1, 9)]),
            vec!["2039-2040".to_owned()]
        );
    }

    fn named<'a>(year: &'a SchoolYear, name: &str) -> &'a Period {
        year.periods.iter().find(|p| p.name == name).unwrap()
    }

    #[test]
    fn flemish_2025_2026_as_published() {
        let y = flemish_year(2025).unwrap();
        assert_eq!(
            named(&y, "autumn"),
            &period("autumn", d(2025, 10, 27), d(2025, 11, 2))
        );
        assert_eq!(
            named(&y, "christmas"),
            &period("christmas", d(2025, 12, 22), d(2026, 1, 4))
        );
        assert_eq!(
            named(&y, "carnival"),
            &period("carnival", d(2026, 2, 16), d(2026, 2, 22))
        );
        assert_eq!(
            named(&y, "easter"),
            &period("easter", d(2026, 4, 6), d(2026, 4, 19))
        );
        assert_eq!(
            named(&y, "summer"),
            &period("summer", d(2026, 7, 1), d(2026, 8, 31))
        );
    }

    /// Every year from 2018-2019 to 2030-2031 against the rule, checked
    /// property by property rather than by recomputing it the same way.
    #[test]
    fn flemish_years_follow_the_rule() {
        for year in 2018..=2030 {
            let y = flemish_year(year).unwrap();
            let easter = easter_sunday(year + 1).unwrap();
            let autumn = named(&y, "autumn");
            assert_eq!(autumn.end - autumn.start, Duration::days(6));
            assert!(autumn.contains(d(year, 11, 1)) || d(year, 11, 1).weekday() == Weekday::Sun);
            assert!(autumn.start.weekday() == Weekday::Mon);
            let christmas = named(&y, "christmas");
            assert_eq!(christmas.start.weekday(), Weekday::Mon);
            assert_eq!(christmas.end - christmas.start, Duration::days(13));
            assert!(
                christmas.contains(d(year + 1, 1, 1)),
                "{year}: New Year in the break"
            );
            let xmas_day = d(year, 12, 25);
            assert_eq!(
                christmas.contains(xmas_day),
                !matches!(xmas_day.weekday(), Weekday::Sat | Weekday::Sun),
                "{year}"
            );
            let carnival = named(&y, "carnival");
            assert_eq!(carnival.start.weekday(), Weekday::Mon);
            assert_eq!((easter - carnival.start).num_days(), 48, "{year}");
            let easter_break = named(&y, "easter");
            assert_eq!(easter_break.start.weekday(), Weekday::Mon);
            assert!(
                easter_break.contains(easter + Duration::days(1)),
                "{year}: Easter Monday inside"
            );
            if easter.month() == 3 {
                assert_eq!(easter_break.start, easter + Duration::days(1));
            } else if easter > d(year + 1, 4, 15) {
                assert_eq!(easter_break.end, easter + Duration::days(1));
            } else {
                assert_eq!(easter_break.start.month(), 4);
                assert!(easter_break.start.day() <= 7);
            }
            assert!(validate(&y).is_ok());
        }
    }

    #[test]
    fn flemish_special_cases() {
        // 1 November 2026 is a Sunday: autumn break from 2 November.
        assert_eq!(
            named(&flemish_year(2026).unwrap(), "autumn").start,
            d(2026, 11, 2)
        );
        // 25 December 2021 is a Saturday: Christmas break from 27 December.
        assert_eq!(
            named(&flemish_year(2021).unwrap(), "christmas").start,
            d(2021, 12, 27)
        );
        // Easter 2024 is 31 March: break from Easter Monday 1 April.
        assert_eq!(
            named(&flemish_year(2023).unwrap(), "easter").start,
            d(2024, 4, 1)
        );
        // Easter 2025 is 20 April: from 7 April up to Easter Monday 21 April.
        let y = flemish_year(2024).unwrap();
        let e = named(&y, "easter");
        assert_eq!((e.start, e.end), (d(2025, 4, 7), d(2025, 4, 21)));
    }

    #[test]
    fn french_2025_2026_comes_from_its_data_file() {
        let years = shipped(Community::French);
        let y = years.iter().find(|y| y.school_year == "2025-2026").unwrap();
        assert_eq!(y.first_day, d(2025, 8, 25));
        assert_eq!(named(y, "autumn").start, d(2025, 10, 20));
        assert_eq!(named(y, "autumn").end, d(2025, 10, 31));
        assert_eq!(named(y, "winter").end, d(2026, 1, 2));
        assert_eq!(named(y, "carnival").start, d(2026, 2, 16));
        assert_eq!(named(y, "spring").start, d(2026, 4, 27));
        assert_eq!(named(y, "summer").start, d(2026, 7, 4));
        // Both shipped files pass their own validation.
        for data in [
            include_str!("../data/school-holidays/french.json"),
            include_str!("../data/school-holidays/german.json"),
        ] {
            assert!(parse_years(data).is_ok());
        }
    }

    #[test]
    fn closures_name_their_reason() {
        let fr = Calendar::new(Community::French, Vec::new());
        assert_eq!(fr.closure(d(2025, 9, 27)), Some(Closure::Weekend));
        assert_eq!(fr.closure(d(2027, 9, 27)), Some(Closure::CommunityHoliday));
        assert_eq!(fr.closure(d(2025, 11, 11)), Some(Closure::PublicHoliday));
        assert_eq!(
            fr.closure(d(2025, 10, 22)),
            Some(Closure::SchoolHoliday("autumn".into()))
        );
        assert_eq!(fr.closure(d(2025, 11, 3)), None);
        let de = Calendar::new(Community::German, Vec::new());
        assert_eq!(de.closure(d(2027, 11, 15)), Some(Closure::CommunityHoliday));
        let vl = Calendar::new(Community::Flemish, Vec::new());
        assert_eq!(vl.closure(d(2027, 11, 15)), None);
        assert_eq!(
            vl.closure(d(2025, 10, 28)),
            Some(Closure::SchoolHoliday("autumn".into()))
        );
    }

    #[test]
    fn imports_are_validated_and_replace_shipped_years() {
        let ok = r#"{"community":"french","years":[{"school_year":"2026-2027","first_day":"2026-08-31",
            "periods":[{"name":"autumn","start":"2026-10-19","end":"2026-10-30"}]}]}"#;
        let (community, years) = parse_years(ok).unwrap();
        assert_eq!(community, Community::French);
        let cal = Calendar::new(Community::French, years);
        assert!(cal.year("2025-2026").is_some() && cal.year("2026-2027").is_some());
        let overlap = r#"{"community":"french","years":[{"school_year":"2026-2027","first_day":"2026-08-31",
            "periods":[{"name":"autumn","start":"2026-10-19","end":"2026-10-30"},
                       {"name":"day_off","start":"2026-10-30","end":"2026-10-30"}]}]}"#;
        assert!(matches!(
            parse_years(overlap),
            Err(CalendarError::Overlap { .. })
        ));
        let outside = r#"{"community":"german","years":[{"school_year":"2026-2027","first_day":"2026-08-31",
            "periods":[{"name":"summer","start":"2027-07-03","end":"2027-09-10"}]}]}"#;
        assert!(matches!(
            parse_years(outside),
            Err(CalendarError::Outside { .. })
        ));
        let label = r#"{"community":"german","years":[{"school_year":"2026","first_day":"2026-08-31","periods":[]}]}"#;
        assert!(matches!(parse_years(label), Err(CalendarError::Label(_))));
        assert!(matches!(parse_years("{"), Err(CalendarError::Format(_))));
    }
}
