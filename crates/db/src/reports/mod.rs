//! Reports (issue 16, first part): the facts of a programme's participants
//! who entered it in a period, as the indicator engine in
//! `domain::indicators` reads them. Each participant appears once, with her
//! facts at her first entry in the period.

pub mod budgets;
pub mod fiction;
pub mod pooled;
pub mod records;
pub mod sets;

use crate::pool::DbConn;
use crate::schema::*;
use chrono::NaiveDate;
use diesel::prelude::*;
use records::Scope;
use std::collections::HashMap;

/// The facts of the programme's participants who entered it between
/// `from` and `to` (inclusive), each once at her first entry. For a caller
/// that has authorised the report.
pub fn entrants(
    conn: &mut DbConn,
    org: &str,
    programme_id: &str,
    from: NaiveDate,
    to: NaiveDate,
) -> crate::error::DbResult<Vec<domain::indicators::Facts>> {
    let units = [domain::indicators::Unit::Entrants].into_iter().collect();
    let scope = Scope {
        org,
        programme: Some(programme_id),
        from,
        to,
    };
    Ok(records::load(conn, scope, &units)?
        .by_unit
        .remove(&domain::indicators::Unit::Entrants)
        .unwrap_or_default())
}

/// A programme's report on one indicator set for a period.
#[derive(Debug, Clone)]
pub struct Report {
    pub programme: String,
    pub set: domain::indicators::IndicatorSet,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub figures: Vec<domain::indicators::Figure>,
    /// Names of the participants counted, for the drill-down: id → name.
    pub names: HashMap<String, String>,
    /// The organisation's name, for the documents.
    pub organisation: String,
    /// Per month ("2026-03"): marks and attended, when the set asks.
    pub months: Vec<(String, i64, i64)>,
    /// Per life domain: measured twice and progressed, when the set asks.
    pub domains: Vec<(String, i64, i64)>,
}

/// Evaluates a built-in indicator set over a programme's records in a
/// period (all the organisation's programmes when `programme_id` is None),
/// for those who may read reports.
pub fn programme_report(
    conn: &mut DbConn,
    actor: &domain::policy::Actor,
    programme_id: Option<&str>,
    set_key: &str,
    from: NaiveDate,
    to: NaiveDate,
    origin: crate::participants::Origin<'_>,
) -> Result<Report, crate::participants::AccessError> {
    let org = crate::groups::require(
        conn,
        actor,
        domain::policy::Action::ReadReports,
        "report.read",
        origin,
    )?;
    let set = sets::find(conn, &org, set_key)?;
    let programme = match programme_id {
        Some(id) => crate::outcomes::results::programme_name(conn, &org, id)?
            .ok_or(crate::error::DbError::NotFound("programme"))?,
        None => String::new(),
    };
    let scope = Scope {
        org: &org,
        programme: programme_id,
        from,
        to,
    };
    let (records, extras) =
        conn.transaction(|conn| records::load_all(conn, scope, &set.units(), &set.charts))?;
    let organisation = crate::repo::organisation_name(conn, &org)?;
    let figures = domain::indicators::evaluate(&set, &records);
    let ids: std::collections::BTreeSet<&String> =
        figures.iter().flat_map(|f| f.participants.iter()).collect();
    let ids: Vec<&String> = ids.into_iter().collect();
    let mut names = HashMap::new();
    for chunk in ids.chunks(500) {
        for (id, first, last) in participants::table
            .filter(participants::organisation_id.eq(&org))
            .filter(participants::id.eq_any(chunk))
            .select((
                participants::id,
                participants::first_name,
                participants::last_name,
            ))
            .load::<(String, String, String)>(conn)
            .map_err(crate::error::DbError::from)?
        {
            names.insert(id, format!("{first} {last}"));
        }
    }
    Ok(Report {
        programme,
        set,
        from,
        to,
        figures,
        names,
        organisation,
        months: extras.months,
        domains: extras.domains,
    })
}
