//! A programme's budget per year: its lines, the costs actually booked
//! (entered one by one or imported from the accounting system's CSV), and
//! each funder's allocation keys with the share computed per line.

use super::records::Scope;
use crate::audit::{self, Event};
use crate::backend::write_tx;
use crate::error::{DbError, DbResult};
use crate::models::new_id;
use crate::participants::{AccessError, Origin};
use crate::pool::DbConn;
use crate::schema::*;
use chrono::{Datelike, NaiveDate};
use diesel::prelude::*;
use domain::budget::{
    Allocation, AllocationKey, KeyKind, LINES, Population, allocate, parse_euros,
};
use domain::indicators::{Fact, Facts, Value};
use domain::participant::{FieldError, Nationality};
use domain::policy::{Action, Actor};

/// Why a budget change was refused.
#[derive(Debug, thiserror::Error)]
pub enum BudgetError {
    #[error(transparent)]
    Access(#[from] AccessError),
    #[error("invalid input")]
    Invalid(Vec<FieldError>),
    /// Someone saved the budget since `version` was read.
    #[error("changed by someone else")]
    Conflict,
    /// Rows of an imported file that do not parse: (row number, field, code).
    #[error("the file has rows that do not parse")]
    Rows(Vec<(usize, &'static str, &'static str)>),
}

crate::network::from_storage_errors!(BudgetError);

/// A funder's key as stored: for the whole budget (line None) or a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyRow {
    pub funder: String,
    pub line: Option<String>,
    pub key: AllocationKey,
}

/// A programme's budget for a year, its costs and every funder's share.
#[derive(Debug, Clone)]
pub struct Budget {
    pub programme_id: String,
    pub programme: String,
    pub funders: Vec<String>,
    pub year: i32,
    /// 0 when no budget was saved yet.
    pub version: i32,
    /// Every line, with its budget and actual costs in cents.
    pub lines: Vec<(String, i64, i64)>,
    pub keys: Vec<KeyRow>,
    pub population: Population,
    /// Per funder, the allocation.
    pub allocations: Vec<(String, Allocation)>,
    /// Hours of group sessions held in the year, for the cost per hour.
    pub hours: f64,
}

impl Budget {
    pub fn actual_cents(&self) -> i64 {
        self.lines.iter().map(|l| l.2).sum()
    }

    pub fn budget_cents(&self) -> i64 {
        self.lines.iter().map(|l| l.1).sum()
    }

    /// Cents per participant in the year (None when nobody took part).
    pub fn per_participant(&self) -> Option<i64> {
        (self.population.participants > 0)
            .then(|| self.actual_cents() / self.population.participants)
    }

    /// Cents per hour of group sessions held (None without sessions).
    pub fn per_hour(&self) -> Option<i64> {
        (self.hours > 0.0).then(|| (self.actual_cents() as f64 / self.hours).round() as i64)
    }
}

/// A year's first and last day; nothing falls in a year outside those
/// traject reports on.
fn year_bounds(year: i32) -> (NaiveDate, NaiveDate) {
    domain::indicators::year_bounds(year).unwrap_or_default()
}

/// Participants in the programme in the period, and how many are not EU
/// nationals (the non-EU share key).
pub fn population(conn: &mut DbConn, s: Scope<'_>) -> DbResult<Population> {
    let mut q = trajectories::table
        .inner_join(participants::table)
        .filter(trajectories::organisation_id.eq(s.org))
        .filter(super::records::during(s.from, s.to))
        .filter(participants::organisation_id.eq(s.org))
        .select((participants::id, participants::nationality))
        .distinct()
        .into_boxed();
    if let Some(p) = s.programme {
        q = q.filter(trajectories::programme_id.eq(p));
    }
    let rows: Vec<(String, Option<String>)> = q.load(conn)?;
    let non_eu = rows
        .iter()
        .filter(|(_, n)| {
            n.as_deref()
                .and_then(|n| Nationality::parse(n).ok())
                .is_some_and(|n| !n.is_eu())
        })
        .count();
    Ok(Population {
        participants: rows.len() as i64,
        non_eu: non_eu as i64,
    })
}

/// The costs booked in a scope, as records for the indicator engine.
pub fn cost_records(conn: &mut DbConn, s: Scope<'_>) -> DbResult<Vec<Facts>> {
    let mut q = costs::table
        .filter(costs::organisation_id.eq(s.org))
        .filter(costs::booked_on.between(s.from, s.to))
        .select((
            costs::id,
            costs::programme_id,
            costs::line,
            costs::amount_cents,
        ))
        .into_boxed();
    if let Some(p) = s.programme {
        q = q.filter(costs::programme_id.eq(p));
    }
    let rows: Vec<(String, String, String, i64)> = q.load(conn)?;
    let strands = super::records::strands(conn, s.org)?;
    Ok(rows
        .into_iter()
        .map(|(id, programme, line, cents)| {
            let staff = domain::budget::is_staff(&line);
            Facts::record(id, None)
                .with(
                    Fact::Strands,
                    Some(Value::Codes(
                        strands.get(&programme).cloned().unwrap_or_default(),
                    )),
                )
                .with(Fact::CostLine, Some(Value::Code(line)))
                .with(Fact::StaffCost, Some(Value::Flag(staff)))
                .with(Fact::Cents, Some(Value::Number(cents)))
        })
        .collect())
}

fn programme_of(conn: &mut DbConn, org: &str, id: &str) -> DbResult<(String, Vec<String>)> {
    let (name, funders): (String, String) = programmes::table
        .filter(programmes::organisation_id.eq(org))
        .filter(programmes::id.eq(id))
        .select((programmes::name, programmes::funders))
        .first(conn)
        .optional()?
        .ok_or(DbError::NotFound("programme"))?;
    let funders = funders
        .split(',')
        .map(str::trim)
        .filter(|f| !f.is_empty())
        .map(str::to_owned)
        .collect();
    Ok((name, funders))
}

/// Reads a programme's budget for a year with its costs and allocations.
pub fn read(
    conn: &mut DbConn,
    actor: &Actor,
    programme_id: &str,
    year: i32,
    origin: Origin<'_>,
) -> Result<Budget, AccessError> {
    let org = crate::groups::require(conn, actor, Action::ReadReports, "budget.read", origin)?;
    Ok(conn.transaction(|conn| load(conn, &org, programme_id, year))?)
}

/// The budget as stored, for a caller that has authorised it.
pub fn load(conn: &mut DbConn, org: &str, programme_id: &str, year: i32) -> DbResult<Budget> {
    let (programme, funders) = programme_of(conn, org, programme_id)?;
    let (from, to) = year_bounds(year);
    let budget: Option<(String, i32)> = budgets::table
        .filter(budgets::organisation_id.eq(org))
        .filter(budgets::programme_id.eq(programme_id))
        .filter(budgets::year.eq(year))
        .select((budgets::id, budgets::version))
        .first(conn)
        .optional()?;
    let (planned, keys): (Vec<(String, i64)>, Vec<KeyRow>) = match &budget {
        Some((id, _)) => {
            let planned = budget_lines::table
                .filter(budget_lines::organisation_id.eq(org))
                .filter(budget_lines::budget_id.eq(id))
                .select((budget_lines::line, budget_lines::amount_cents))
                .load(conn)?;
            let keys: Vec<(String, String, String, i32)> = allocation_keys::table
                .filter(allocation_keys::organisation_id.eq(org))
                .filter(allocation_keys::budget_id.eq(id))
                .order((allocation_keys::funder, allocation_keys::line))
                .select((
                    allocation_keys::funder,
                    allocation_keys::line,
                    allocation_keys::kind,
                    allocation_keys::basis_points,
                ))
                .load(conn)?;
            let keys = keys
                .into_iter()
                .filter_map(|(funder, line, kind, bp)| {
                    let kind = kind.parse::<KeyKind>().ok()?;
                    Some(KeyRow {
                        funder,
                        line: Some(line).filter(|l| !l.is_empty()),
                        key: AllocationKey {
                            kind,
                            basis_points: u32::try_from(bp).unwrap_or(0),
                        },
                    })
                })
                .collect();
            (planned, keys)
        }
        None => (Vec::new(), Vec::new()),
    };
    let actual: Vec<(String, i64)> = costs::table
        .filter(costs::organisation_id.eq(org))
        .filter(costs::programme_id.eq(programme_id))
        .filter(costs::booked_on.between(from, to))
        .select((costs::line, costs::amount_cents))
        .load(conn)?;
    // Every known line, in the standard order, then any other line costs
    // were booked on.
    let mut lines: Vec<(String, i64, i64)> =
        LINES.iter().map(|l| ((*l).to_owned(), 0, 0)).collect();
    for (line, cents) in planned {
        match lines.iter_mut().find(|x| x.0 == line) {
            Some(x) => x.1 += cents,
            None => lines.push((line, cents, 0)),
        }
    }
    for (line, cents) in actual {
        match lines.iter_mut().find(|x| x.0 == line) {
            Some(x) => x.2 += cents,
            None => lines.push((line, 0, cents)),
        }
    }
    let scope = Scope {
        org,
        programme: Some(programme_id),
        from,
        to,
    };
    let population = population(conn, scope)?;
    let allocations = funders
        .iter()
        .map(|f| {
            let default_key = keys
                .iter()
                .find(|k| &k.funder == f && k.line.is_none())
                .map(|k| k.key);
            let line_keys: Vec<(String, AllocationKey)> = keys
                .iter()
                .filter(|k| &k.funder == f)
                .filter_map(|k| k.line.clone().map(|l| (l, k.key)))
                .collect();
            (
                f.clone(),
                allocate(&lines, default_key, &line_keys, population),
            )
        })
        .collect();
    let minutes: Vec<(chrono::NaiveTime, chrono::NaiveTime)> = group_sessions::table
        .inner_join(groups::table)
        .filter(group_sessions::organisation_id.eq(org))
        .filter(groups::programme_id.eq(programme_id))
        .filter(group_sessions::cancelled.eq(false))
        .filter(group_sessions::held_on.between(from, to))
        .select((group_sessions::starts_at, group_sessions::ends_at))
        .load(conn)?;
    let hours = minutes
        .iter()
        .map(|(a, b)| domain::groups::hours(*a, *b))
        .sum();
    Ok(Budget {
        programme_id: programme_id.to_owned(),
        programme,
        funders,
        year,
        version: budget.map_or(0, |b| b.1),
        lines,
        keys,
        population,
        allocations,
        hours,
    })
}

/// A budget as typed: amounts per line as text, and keys per funder.
#[derive(Debug, Clone, Default)]
pub struct BudgetInput {
    pub lines: Vec<(String, String)>,
    /// (funder, line or "" for the whole budget, kind or "" for none,
    /// percentage as text for a fixed key).
    pub keys: Vec<(String, String, String, String)>,
}

/// Parses a percentage such as "75", "62,5" or "33.33" into basis points.
fn basis_points(raw: &str) -> Option<u32> {
    let cents = parse_euros(raw).ok()?;
    (0..=10_000).contains(&cents).then_some(cents as u32)
}

/// Saves a programme's budget lines and keys for a year, on the version
/// read (0: none yet).
pub fn save(
    conn: &mut DbConn,
    actor: &Actor,
    programme_id: &str,
    year: i32,
    version: i32,
    input: &BudgetInput,
    origin: Origin<'_>,
) -> Result<(), BudgetError> {
    let org = crate::groups::require(conn, actor, Action::ManageBudgets, "budget.save", origin)?;
    let (_, funders) = programme_of(conn, &org, programme_id)?;
    let mut errors = Vec::new();
    if !(2000..=2100).contains(&year) {
        errors.push(FieldError {
            field: "year",
            code: "invalid-year",
        });
    }
    let mut lines: Vec<(String, i64)> = Vec::new();
    for (line, raw) in &input.lines {
        if !LINES.contains(&line.as_str()) {
            errors.push(FieldError {
                field: "line",
                code: "invalid-choice",
            });
            continue;
        }
        if raw.trim().is_empty() {
            continue;
        }
        match parse_euros(raw) {
            Ok(c) if c >= 0 => lines.push((line.clone(), c)),
            _ => errors.push(FieldError {
                field: leak_line(line),
                code: "invalid-amount",
            }),
        }
    }
    let mut keys: Vec<(String, String, KeyKind, u32)> = Vec::new();
    for (funder, line, kind, pct) in &input.keys {
        if kind.trim().is_empty() {
            continue;
        }
        if !funders.contains(funder) || (!line.is_empty() && !LINES.contains(&line.as_str())) {
            errors.push(FieldError {
                field: "key",
                code: "invalid-choice",
            });
            continue;
        }
        let Ok(kind) = kind.parse::<KeyKind>() else {
            errors.push(FieldError {
                field: "key",
                code: "invalid-choice",
            });
            continue;
        };
        let bp = match kind {
            KeyKind::Fixed => match basis_points(pct) {
                Some(bp) => bp,
                None => {
                    errors.push(FieldError {
                        field: "percentage",
                        code: "invalid-percentage",
                    });
                    continue;
                }
            },
            KeyKind::NonEuShare => 0,
        };
        keys.push((funder.clone(), line.clone(), kind, bp));
    }
    if !errors.is_empty() {
        return Err(BudgetError::Invalid(errors));
    }
    write_tx(conn, |conn| {
        let existing: Option<(String, i32)> = budgets::table
            .filter(budgets::organisation_id.eq(&org))
            .filter(budgets::programme_id.eq(programme_id))
            .filter(budgets::year.eq(year))
            .select((budgets::id, budgets::version))
            .first(conn)
            .optional()?;
        let id = match existing {
            Some((id, v)) => {
                let changed = diesel::update(
                    budgets::table
                        .filter(budgets::id.eq(&id))
                        .filter(budgets::version.eq(version)),
                )
                .set((
                    budgets::version.eq(v + 1),
                    budgets::updated_at.eq(origin.at),
                ))
                .execute(conn)?;
                if changed == 0 || v != version {
                    return Err(BudgetError::Conflict);
                }
                diesel::delete(budget_lines::table.filter(budget_lines::budget_id.eq(&id)))
                    .execute(conn)?;
                diesel::delete(allocation_keys::table.filter(allocation_keys::budget_id.eq(&id)))
                    .execute(conn)?;
                id
            }
            None if version != 0 => return Err(BudgetError::Conflict),
            None => {
                let id = new_id();
                let inserted = diesel::insert_into(budgets::table)
                    .values((
                        budgets::id.eq(&id),
                        budgets::organisation_id.eq(&org),
                        budgets::programme_id.eq(programme_id),
                        budgets::year.eq(year),
                        budgets::version.eq(1),
                        budgets::created_at.eq(origin.at),
                        budgets::updated_at.eq(origin.at),
                    ))
                    .execute(conn);
                match inserted.map_err(DbError::from) {
                    Ok(_) => id,
                    // Someone created it at the same moment.
                    Err(e) if e.is_unique_violation() => return Err(BudgetError::Conflict),
                    Err(e) => return Err(e.into()),
                }
            }
        };
        for (line, cents) in &lines {
            diesel::insert_into(budget_lines::table)
                .values((
                    budget_lines::organisation_id.eq(&org),
                    budget_lines::budget_id.eq(&id),
                    budget_lines::line.eq(line),
                    budget_lines::amount_cents.eq(cents),
                ))
                .execute(conn)?;
        }
        let mut seen = std::collections::HashSet::new();
        for (funder, line, kind, bp) in &keys {
            // The last key typed for a funder and line wins.
            if !seen.insert((funder.clone(), line.clone())) {
                continue;
            }
            diesel::insert_into(allocation_keys::table)
                .values((
                    allocation_keys::organisation_id.eq(&org),
                    allocation_keys::budget_id.eq(&id),
                    allocation_keys::funder.eq(funder),
                    allocation_keys::line.eq(line),
                    allocation_keys::kind.eq(kind.code()),
                    allocation_keys::basis_points.eq(i32::try_from(*bp).unwrap_or(0)),
                ))
                .execute(conn)?;
        }
        audit::record(
            conn,
            &Event::by(actor, "budget.save", origin.ip, origin.at).about("programme", programme_id),
        )?;
        Ok(())
    })
}

/// The field name of a line's amount in the form.
fn leak_line(line: &str) -> &'static str {
    LINES
        .iter()
        .find(|l| **l == line)
        .copied()
        .unwrap_or("line")
}

/// A day as people and accounting systems write it: 2026-03-31, 31/03/2026
/// or 31.03.2026.
fn date_of(raw: &str) -> Option<NaiveDate> {
    let raw = raw.trim();
    ["%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y"]
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(raw, f).ok())
}

/// One cost as typed or read from a file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CostInput {
    pub booked_on: String,
    pub line: String,
    pub amount: String,
    pub description: String,
    /// The accounting system's own reference, when the file has one.
    pub reference: String,
}

struct Cost {
    booked_on: NaiveDate,
    line: String,
    cents: i64,
    description: String,
}

fn check_cost(c: &CostInput) -> Result<Cost, Vec<(&'static str, &'static str)>> {
    let mut e = Vec::new();
    let booked_on = date_of(&c.booked_on);
    if booked_on.is_none() {
        e.push(("booked_on", "invalid-date"));
    }
    let line = c.line.trim().to_owned();
    if !LINES.contains(&line.as_str()) {
        e.push(("line", "invalid-choice"));
    }
    let cents = parse_euros(&c.amount);
    if cents.is_err() {
        e.push(("amount", "invalid-amount"));
    }
    if c.description.chars().count() > 500 {
        e.push(("description", "too-long"));
    }
    match (booked_on, cents) {
        (Some(booked_on), Ok(cents)) if e.is_empty() => Ok(Cost {
            booked_on,
            line,
            cents,
            description: c.description.trim().to_owned(),
        }),
        _ => Err(e),
    }
}

/// Books one cost on a programme.
pub fn add_cost(
    conn: &mut DbConn,
    actor: &Actor,
    programme_id: &str,
    input: &CostInput,
    origin: Origin<'_>,
) -> Result<String, BudgetError> {
    let org = crate::groups::require(conn, actor, Action::ManageBudgets, "cost.add", origin)?;
    programme_of(conn, &org, programme_id)?;
    let cost = check_cost(input).map_err(|e| {
        BudgetError::Invalid(
            e.into_iter()
                .map(|(field, code)| FieldError { field, code })
                .collect(),
        )
    })?;
    let id = new_id();
    write_tx(conn, |conn| {
        insert_cost(conn, &org, programme_id, &id, &cost, None, actor, origin)?;
        audit::record(
            conn,
            &Event::by(actor, "cost.add", origin.ip, origin.at).about("programme", programme_id),
        )?;
        Ok::<_, BudgetError>(())
    })?;
    Ok(id)
}

#[allow(clippy::too_many_arguments)]
fn insert_cost(
    conn: &mut DbConn,
    org: &str,
    programme_id: &str,
    id: &str,
    cost: &Cost,
    import_key: Option<&str>,
    actor: &Actor,
    origin: Origin<'_>,
) -> DbResult<usize> {
    Ok(diesel::insert_into(costs::table)
        .values((
            costs::id.eq(id),
            costs::organisation_id.eq(org),
            costs::programme_id.eq(programme_id),
            costs::booked_on.eq(cost.booked_on),
            costs::line.eq(&cost.line),
            costs::amount_cents.eq(cost.cents),
            costs::description.eq(&cost.description),
            costs::import_key.eq(import_key),
            costs::recorded_by.eq(Some(actor.user_id())),
            costs::created_at.eq(origin.at),
        ))
        .execute(conn)?)
}

/// What an import did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Imported {
    pub added: usize,
    /// Rows already imported before (the same file twice adds nothing).
    pub already: usize,
}

/// Imports costs read from the accounting system's file: every row parses
/// or nothing is booked. A row is known by the accounting reference when
/// the file has one, else by its date, line, amount, description and its
/// place among identical rows.
pub fn import_costs(
    conn: &mut DbConn,
    actor: &Actor,
    programme_id: &str,
    rows: &[CostInput],
    origin: Origin<'_>,
) -> Result<Imported, BudgetError> {
    use sha2::{Digest, Sha256};
    let org = crate::groups::require(conn, actor, Action::ManageBudgets, "cost.import", origin)?;
    programme_of(conn, &org, programme_id)?;
    let mut bad = Vec::new();
    let mut good = Vec::new();
    let mut twins: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (i, r) in rows.iter().enumerate() {
        match check_cost(r) {
            Ok(c) => {
                let natural = format!(
                    "{}\u{1f}{}\u{1f}{}\u{1f}{}",
                    c.booked_on, c.line, c.cents, c.description
                );
                let basis = if r.reference.trim().is_empty() {
                    let n = twins.entry(natural.clone()).or_default();
                    *n += 1;
                    format!("row\u{1f}{natural}\u{1f}{n}")
                } else {
                    format!("ref\u{1f}{}", r.reference.trim())
                };
                let key = format!("{programme_id}:{:x}", Sha256::digest(basis.as_bytes()));
                good.push((c, key));
            }
            // Row numbers as a spreadsheet shows them: the header is row 1.
            Err(e) => bad.extend(e.into_iter().map(|(f, c)| (i + 2, f, c))),
        }
    }
    if !bad.is_empty() {
        return Err(BudgetError::Rows(bad));
    }
    write_tx(conn, |conn| {
        let mut done = Imported::default();
        for (cost, key) in &good {
            let known = costs::table
                .filter(costs::organisation_id.eq(&org))
                .filter(costs::import_key.eq(key))
                .count()
                .get_result::<i64>(conn)?;
            if known > 0 {
                done.already += 1;
                continue;
            }
            insert_cost(
                conn,
                &org,
                programme_id,
                &new_id(),
                cost,
                Some(key),
                actor,
                origin,
            )?;
            done.added += 1;
        }
        audit::record(
            conn,
            &Event::by(actor, "cost.import", origin.ip, origin.at).about("programme", programme_id),
        )?;
        Ok::<_, BudgetError>(done)
    })
}

/// One booked cost.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CostLine {
    pub id: String,
    pub booked_on: NaiveDate,
    pub line: String,
    pub cents: i64,
    pub description: String,
    pub imported: bool,
}

/// The costs of a programme in a year, newest first.
pub fn costs_of(
    conn: &mut DbConn,
    org: &str,
    programme_id: &str,
    year: i32,
) -> DbResult<Vec<CostLine>> {
    let (from, to) = year_bounds(year);
    let rows: Vec<(String, NaiveDate, String, i64, String, Option<String>)> = costs::table
        .filter(costs::organisation_id.eq(org))
        .filter(costs::programme_id.eq(programme_id))
        .filter(costs::booked_on.between(from, to))
        .order((costs::booked_on.desc(), costs::id.desc()))
        .select((
            costs::id,
            costs::booked_on,
            costs::line,
            costs::amount_cents,
            costs::description,
            costs::import_key,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, booked_on, line, cents, description, key)| CostLine {
            id,
            booked_on,
            line,
            cents,
            description,
            imported: key.is_some(),
        })
        .collect())
}

/// The current year of a day, for defaults.
pub fn year_of(day: NaiveDate) -> i32 {
    day.year()
}
