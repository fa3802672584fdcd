//! Small-cell suppression for figures that leave an organisation (issue
//! 16): in a table of counts published with its row and column totals, a
//! count from 1 to 4 is shown as "<5", and further cells are hidden
//! (secondary suppression) so that no suppressed cell can be computed back
//! from the totals and the other cells. The table includes its margins:
//! row `r` and column `c` (the last ones) hold the totals, and every row
//! and every column must add up.

/// How a count is published.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    Count(u64),
    /// From 1 to 4: shown as "<5".
    Small,
    /// Hidden so that a small one cannot be computed back.
    Hidden,
}

/// Below this a non-zero count is small.
pub const MINIMUM: u64 = 5;

fn is_small(n: u64) -> bool {
    (1..MINIMUM).contains(&n)
}

/// Suppresses a table of counts whose last row and last column are the
/// totals (the corner the grand total). Returns how each entry is shown.
pub fn suppress(table: &[Vec<u64>]) -> Vec<Vec<Shown>> {
    let rows = table.len();
    let cols = table.first().map_or(0, Vec::len);
    let mut hidden: Vec<Vec<bool>> = table
        .iter()
        .map(|r| r.iter().map(|n| is_small(*n)).collect())
        .collect();
    // Every line (a row or a column, its total included) must hide either
    // nothing or at least two entries: one alone is its total minus the rest.
    loop {
        let mut changed = false;
        let mut lines: Vec<Vec<(usize, usize)>> = Vec::new();
        for r in 0..rows {
            lines.push((0..cols).map(|c| (r, c)).collect());
        }
        for c in 0..cols {
            lines.push((0..rows).map(|r| (r, c)).collect());
        }
        for line in lines {
            let count = line.iter().filter(|(r, c)| hidden[*r][*c]).count();
            if count != 1 {
                continue;
            }
            // The smallest other entry, preferring a non-zero inner cell (a
            // hidden zero beside a small count would still give it away
            // when the line's total is small).
            let pick = line
                .iter()
                .filter(|(r, c)| !hidden[*r][*c])
                .min_by_key(|(r, c)| {
                    let n = table[*r][*c];
                    let total = *r == rows - 1 || *c == cols - 1;
                    (n == 0, total, n)
                })
                .copied();
            if let Some((r, c)) = pick {
                hidden[r][c] = true;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    table
        .iter()
        .zip(hidden)
        .map(|(row, hide)| {
            row.iter()
                .zip(hide)
                .map(|(n, h)| match (h, is_small(*n)) {
                    (false, _) => Shown::Count(*n),
                    (true, true) => Shown::Small,
                    (true, false) => Shown::Hidden,
                })
                .collect()
        })
        .collect()
}

/// A table of counts with its totals added: a last column of row totals
/// and a last row of column totals and the grand total.
pub fn with_totals(inner: &[Vec<u64>]) -> Vec<Vec<u64>> {
    let cols = inner.first().map_or(0, Vec::len);
    let mut out: Vec<Vec<u64>> = inner
        .iter()
        .map(|r| {
            let mut r = r.clone();
            r.push(r.iter().sum());
            r
        })
        .collect();
    let totals: Vec<u64> = (0..=cols).map(|c| out.iter().map(|r| r[c]).sum()).collect();
    out.push(totals);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    // Indices are the clearest way to walk rows and columns at once.
    #[allow(clippy::needless_range_loop)]
    /// What an attacker can compute back: every line with exactly one
    /// unknown entry gives it away; repeated until nothing more is learnt.
    fn recover(table: &[Vec<u64>], shown: &[Vec<Shown>]) -> Vec<Vec<Option<u64>>> {
        let mut known: Vec<Vec<Option<u64>>> = shown
            .iter()
            .map(|r| {
                r.iter()
                    .map(|s| match s {
                        Shown::Count(n) => Some(*n),
                        _ => None,
                    })
                    .collect()
            })
            .collect();
        let rows = table.len();
        let cols = table[0].len();
        loop {
            let mut learnt = false;
            for r in 0..rows {
                let unknown: Vec<usize> = (0..cols).filter(|c| known[r][*c].is_none()).collect();
                if unknown.len() == 1 {
                    let c = unknown[0];
                    let v = if c == cols - 1 {
                        (0..cols - 1).map(|c| known[r][c].unwrap_or(0)).sum()
                    } else {
                        known[r][cols - 1].unwrap_or(0)
                            - (0..cols - 1)
                                .filter(|x| *x != c)
                                .map(|x| known[r][x].unwrap_or(0))
                                .sum::<u64>()
                    };
                    known[r][c] = Some(v);
                    learnt = true;
                }
            }
            for c in 0..cols {
                let unknown: Vec<usize> = (0..rows).filter(|r| known[*r][c].is_none()).collect();
                if unknown.len() == 1 {
                    let r = unknown[0];
                    let v = if r == rows - 1 {
                        (0..rows - 1).map(|r| known[r][c].unwrap_or(0)).sum()
                    } else {
                        known[rows - 1][c].unwrap_or(0)
                            - (0..rows - 1)
                                .filter(|x| *x != r)
                                .map(|x| known[x][c].unwrap_or(0))
                                .sum::<u64>()
                    };
                    known[r][c] = Some(v);
                    learnt = true;
                }
            }
            if !learnt {
                return known;
            }
        }
    }

    /// The rank of a matrix (Gaussian elimination; the entries are small
    /// integers, so a tolerance is safe).
    fn rank(mut m: Vec<Vec<f64>>) -> usize {
        let mut rank = 0;
        let cols = m.first().map_or(0, Vec::len);
        for c in 0..cols {
            let Some(p) = (rank..m.len()).find(|r| m[*r][c].abs() > 1e-9) else {
                continue;
            };
            m.swap(rank, p);
            for r in 0..m.len() {
                if r != rank && m[r][c].abs() > 1e-9 {
                    let f = m[r][c] / m[rank][c];
                    let pivot = m[rank].clone();
                    for (x, p) in m[r].iter_mut().zip(pivot) {
                        *x -= f * p;
                    }
                }
            }
            rank += 1;
        }
        rank
    }

    /// The suppressed entries that the totals' equations pin down exactly,
    /// by any combination of them (not only one line at a time): an entry
    /// is determined when its unit vector lies in the equations' row space.
    fn determined(table: &[Vec<u64>], shown: &[Vec<Shown>]) -> Vec<(usize, usize)> {
        let rows = table.len();
        let cols = table[0].len();
        let unknowns: Vec<(usize, usize)> = (0..rows)
            .flat_map(|r| (0..cols).map(move |c| (r, c)))
            .filter(|(r, c)| !matches!(shown[*r][*c], Shown::Count(_)))
            .collect();
        let index = |rc: (usize, usize)| unknowns.iter().position(|u| *u == rc);
        let mut equations: Vec<Vec<f64>> = Vec::new();
        // Each row: its cells minus its total; each column likewise.
        for r in 0..rows {
            let mut e = vec![0.0; unknowns.len()];
            for c in 0..cols {
                if let Some(i) = index((r, c)) {
                    e[i] = if c == cols - 1 { -1.0 } else { 1.0 };
                }
            }
            equations.push(e);
        }
        for c in 0..cols {
            let mut e = vec![0.0; unknowns.len()];
            for r in 0..rows {
                if let Some(i) = index((r, c)) {
                    e[i] = if r == rows - 1 { -1.0 } else { 1.0 };
                }
            }
            equations.push(e);
        }
        let base = rank(equations.clone());
        (0..unknowns.len())
            .filter(|i| {
                let mut with = equations.clone();
                let mut unit = vec![0.0; unknowns.len()];
                unit[*i] = 1.0;
                with.push(unit);
                rank(with) == base
            })
            .map(|i| unknowns[i])
            .collect()
    }

    fn check(inner: Vec<Vec<u64>>) {
        let table = with_totals(&inner);
        let shown = suppress(&table);
        assert_eq!(determined(&table, &shown), vec![], "{table:?} as {shown:?}");
        let known = recover(&table, &shown);
        for (r, row) in table.iter().enumerate() {
            for (c, n) in row.iter().enumerate() {
                match shown[r][c] {
                    Shown::Count(v) => assert_eq!(v, *n),
                    Shown::Small => {
                        assert!(is_small(*n));
                        assert_eq!(known[r][c], None, "({r},{c}) = {n} computed back");
                    }
                    Shown::Hidden => assert_eq!(known[r][c], None, "({r},{c}) computed back"),
                }
                if is_small(*n) {
                    assert_eq!(shown[r][c], Shown::Small, "({r},{c}) = {n} shown");
                }
            }
        }
    }

    #[test]
    fn a_small_cell_cannot_be_computed_back_from_the_totals() {
        // Women, men, non-binary per organisation: one non-binary person.
        check(vec![vec![40, 12, 1], vec![35, 20, 0], vec![28, 9, 0]]);
        // Small counts in several lines at once.
        check(vec![vec![3, 12, 30], vec![7, 2, 15], vec![22, 18, 4]]);
        // A row whose total is small itself.
        check(vec![vec![2, 1, 0], vec![50, 60, 70]]);
        // Nothing small: nothing hidden.
        let table = with_totals(&[vec![10, 20], vec![30, 40]]);
        assert!(
            suppress(&table)
                .iter()
                .flatten()
                .all(|s| matches!(s, Shown::Count(_)))
        );
    }

    #[test]
    fn without_secondary_suppression_the_attack_succeeds() {
        // The attack is real: hiding only the small count gives it away.
        let table = with_totals(&[vec![40, 12, 1], vec![35, 20, 0]]);
        let primary: Vec<Vec<Shown>> = table
            .iter()
            .map(|r| {
                r.iter()
                    .map(|n| {
                        if is_small(*n) {
                            Shown::Small
                        } else {
                            Shown::Count(*n)
                        }
                    })
                    .collect()
            })
            .collect();
        // The cell and its column's total (itself small).
        assert_eq!(determined(&table, &primary), vec![(0, 2), (2, 2)]);
        assert_eq!(recover(&table, &primary)[0][2], Some(1));
    }

    #[test]
    fn every_pattern_of_a_small_table_holds() {
        // All 3x2 tables with counts from 0 to 6: no suppressed entry is
        // ever computed back.
        let values = [0, 1, 2, 4, 5, 6];
        for a in values {
            for b in values {
                for c in values {
                    for d in values {
                        for e in values {
                            for f in values {
                                check(vec![vec![a, b], vec![c, d], vec![e, f]]);
                            }
                        }
                    }
                }
            }
        }
    }
}
