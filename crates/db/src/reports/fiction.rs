//! Fictional budgets and costs for the demo and `traject synth`: per
//! programme and year, a budget on the seed lines, each funder's key (the
//! EU funds pay the non-EU share, others a fixed share, the municipality
//! nothing), and monthly costs as an accounting system would book them.

use crate::error::DbResult;
use crate::fiction::Dice;
use crate::models::new_id;
use crate::pool::DbConn;
use crate::schema::*;
use chrono::{Datelike, NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use domain::budget::LINES;

/// What was written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Made {
    pub budgets: usize,
    pub costs: usize,
}

/// The key a funder gets: (kind, basis points).
fn key_of(funder: &str) -> Option<(&'static str, i32)> {
    match funder {
        "amif" | "esf_plus" => Some(("non_eu_share", 0)),
        "pod_mi" => Some(("fixed", 8_000)),
        "region" => Some(("fixed", 5_000)),
        _ => None,
    }
}

/// Budgets for the years up to this one, with costs booked until today.
/// Inside the caller's transaction.
pub fn seed(
    conn: &mut DbConn,
    dice: &mut Dice,
    org: &str,
    years: u32,
    today: NaiveDate,
    now: NaiveDateTime,
) -> DbResult<Made> {
    let programmes: Vec<(String, String)> = programmes::table
        .filter(programmes::organisation_id.eq(org))
        .select((programmes::id, programmes::funders))
        .load(conn)?;
    let mut made = Made::default();
    {
        for (programme, funders) in &programmes {
            for back in 0..years.max(1) {
                let year = today.year() - i32::try_from(back).unwrap_or(0);
                let budget = new_id();
                diesel::insert_into(budgets::table)
                    .values((
                        budgets::id.eq(&budget),
                        budgets::organisation_id.eq(org),
                        budgets::programme_id.eq(programme),
                        budgets::year.eq(year),
                        budgets::version.eq(1),
                        budgets::created_at.eq(now),
                        budgets::updated_at.eq(now),
                    ))
                    .execute(conn)?;
                made.budgets += 1;
                // Staff is most of it; about half of the other lines are used.
                let mut planned: Vec<(&str, i64)> =
                    vec![("staff", 3_000_000 + 100_000 * dice.below(20) as i64)];
                for line in LINES.iter().filter(|l| **l != "staff") {
                    if dice.chance(55) {
                        planned.push((line, 50_000 + 10_000 * dice.below(40) as i64));
                    }
                }
                for (line, cents) in &planned {
                    diesel::insert_into(budget_lines::table)
                        .values((
                            budget_lines::organisation_id.eq(org),
                            budget_lines::budget_id.eq(&budget),
                            budget_lines::line.eq(line),
                            budget_lines::amount_cents.eq(cents),
                        ))
                        .execute(conn)?;
                }
                for funder in funders.split(',').map(str::trim).filter(|f| !f.is_empty()) {
                    if let Some((kind, bp)) = key_of(funder) {
                        diesel::insert_into(allocation_keys::table)
                            .values((
                                allocation_keys::organisation_id.eq(org),
                                allocation_keys::budget_id.eq(&budget),
                                allocation_keys::funder.eq(funder),
                                allocation_keys::line.eq(""),
                                allocation_keys::kind.eq(kind),
                                allocation_keys::basis_points.eq(bp),
                            ))
                            .execute(conn)?;
                    }
                }
                // Monthly bookings near a twelfth of each line, until today.
                for month in 1..=12u32 {
                    let Some(day) = NaiveDate::from_ymd_opt(year, month, 1 + dice.below(27) as u32)
                    else {
                        continue;
                    };
                    if day > today {
                        break;
                    }
                    for (line, cents) in &planned {
                        let amount = cents / 12 * (90 + dice.below(21) as i64) / 100;
                        diesel::insert_into(costs::table)
                            .values((
                                costs::id.eq(new_id()),
                                costs::organisation_id.eq(org),
                                costs::programme_id.eq(programme),
                                costs::booked_on.eq(day),
                                costs::line.eq(line),
                                costs::amount_cents.eq(amount),
                                costs::description.eq("Booking (fictional)"),
                                costs::import_key.eq(Some(format!("fiction:{}", new_id()))),
                                costs::created_at.eq(now),
                            ))
                            .execute(conn)?;
                        made.costs += 1;
                    }
                }
            }
        }
    }
    Ok(made)
}
