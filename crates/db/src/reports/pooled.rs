//! Anonymised figures pooled across organisations, for federal analysts:
//! only programmes whose organisation opted in, per organisation and in
//! total, for a programme kind, a region and a period. Every figure is an
//! aggregate computed in SQL (GROUP BY organisation); counts of people are
//! published through small-cell suppression with secondary suppression
//! (`domain::suppression`), so that no suppressed cell can be computed back
//! from the totals. No participant id, name or record leaves this module.

use crate::error::{DbError, DbResult};
use crate::participants::{AccessError, Origin};
use crate::pool::DbConn;
use crate::schema::*;
use chrono::{NaiveDate, NaiveTime};
use diesel::dsl::{count, count_star};
use diesel::prelude::*;
use domain::policy::{Action, Actor, Resource, authorize};
use domain::suppression::{Shown, suppress, with_totals};
use std::collections::BTreeMap;

/// The regions analysts compare by.
pub const REGIONS: [&str; 3] = ["flanders", "brussels", "wallonia"];
/// The genders of the breakdown, "not given" last.
pub const GENDERS: [&str; 4] = ["woman", "man", "non_binary", "not_given"];

/// What the analyst asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PoolFilter {
    /// A programme kind, or every kind.
    pub kind: Option<String>,
    /// A region, or every region.
    pub region: Option<String>,
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// One organisation's raw figures (before suppression; never shown as such).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Raw {
    pub organisation_id: String,
    pub organisation: String,
    pub region: Option<String>,
    /// Per gender (see [`GENDERS`]): participants in a pooled programme in
    /// the period, each once per organisation.
    pub participants: [u64; 4],
    pub entrants: u64,
    /// Participants whose trajectory was stopped in the period.
    pub dropouts: u64,
    pub sessions: u64,
    pub minutes: u64,
    pub marks: u64,
    pub attended: u64,
}

/// The organisations' raw figures, computed in SQL. For the pooled page
/// (after suppression) and the benchmark; not for display.
pub fn raw(conn: &mut DbConn, f: &PoolFilter) -> DbResult<Vec<Raw>> {
    let mut orgs = organisations::table
        .select((
            organisations::id,
            organisations::name,
            organisations::region,
        ))
        .into_boxed();
    if let Some(r) = &f.region {
        orgs = orgs.filter(organisations::region.eq(r));
    }
    let orgs: Vec<(String, String, Option<String>)> = orgs.load(conn)?;
    let org_ids: Vec<&String> = orgs.iter().map(|o| &o.0).collect();
    let mut programmes = programmes::table
        .filter(programmes::pooled.eq(true))
        .filter(programmes::organisation_id.eq_any(&org_ids))
        .select(programmes::id)
        .into_boxed();
    if let Some(k) = &f.kind {
        programmes = programmes.filter(programmes::kind.eq(k));
    }
    let ids: Vec<String> = programmes.load(conn)?;
    let mut out: BTreeMap<String, Raw> = BTreeMap::new();
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let by_gender: Vec<(String, String, i64)> = trajectories::table
        .inner_join(participants::table)
        .filter(trajectories::programme_id.eq_any(&ids))
        .filter(super::records::during(f.from, f.to))
        .group_by((trajectories::organisation_id, participants::gender))
        .select((
            trajectories::organisation_id,
            participants::gender,
            count(participants::id).aggregate_distinct(),
        ))
        .load(conn)?;
    for (org, gender, n) in by_gender {
        let i = GENDERS
            .iter()
            .position(|g| *g == gender)
            .unwrap_or(GENDERS.len() - 1);
        out.entry(org).or_default().participants[i] += n as u64;
    }
    let entrants: Vec<(String, i64)> = trajectories::table
        .filter(trajectories::programme_id.eq_any(&ids))
        .filter(trajectories::started_on.between(f.from, f.to))
        .group_by(trajectories::organisation_id)
        .select((
            trajectories::organisation_id,
            count(trajectories::participant_id).aggregate_distinct(),
        ))
        .load(conn)?;
    for (org, n) in entrants {
        out.entry(org).or_default().entrants = n as u64;
    }
    let dropouts: Vec<(String, i64)> = trajectories::table
        .filter(trajectories::programme_id.eq_any(&ids))
        .filter(trajectories::status.eq("stopped"))
        .filter(trajectories::ended_on.between(f.from, f.to))
        .group_by(trajectories::organisation_id)
        .select((
            trajectories::organisation_id,
            count(trajectories::participant_id).aggregate_distinct(),
        ))
        .load(conn)?;
    for (org, n) in dropouts {
        out.entry(org).or_default().dropouts = n as u64;
    }
    // Sessions share their hours: grouped by start and end, few rows come back.
    let sessions: Vec<(String, NaiveTime, NaiveTime, i64)> = group_sessions::table
        .inner_join(groups::table)
        .filter(groups::programme_id.eq_any(&ids))
        .filter(group_sessions::held_on.between(f.from, f.to))
        .filter(group_sessions::cancelled.eq(false))
        .group_by((
            group_sessions::organisation_id,
            group_sessions::starts_at,
            group_sessions::ends_at,
        ))
        .select((
            group_sessions::organisation_id,
            group_sessions::starts_at,
            group_sessions::ends_at,
            count_star(),
        ))
        .load(conn)?;
    for (org, start, end, n) in sessions {
        let e = out.entry(org).or_default();
        e.sessions += n as u64;
        e.minutes += (end - start).num_minutes().max(0) as u64 * n as u64;
    }
    let marks: Vec<(String, String, i64)> = attendance::table
        .inner_join(group_sessions::table.inner_join(groups::table))
        .filter(groups::programme_id.eq_any(&ids))
        .filter(group_sessions::held_on.between(f.from, f.to))
        .filter(group_sessions::cancelled.eq(false))
        .group_by((attendance::organisation_id, attendance::mark))
        .select((attendance::organisation_id, attendance::mark, count_star()))
        .load(conn)?;
    for (org, mark, n) in marks {
        let e = out.entry(org).or_default();
        e.marks += n as u64;
        if matches!(mark.as_str(), "present" | "late") {
            e.attended += n as u64;
        }
    }
    Ok(out
        .into_iter()
        .filter_map(|(id, mut r)| {
            let (_, name, region) = orgs.iter().find(|o| o.0 == id)?;
            r.organisation_id = id;
            r.organisation = name.clone();
            r.region = region.clone();
            Some(r)
        })
        .collect())
}

/// One line of the pooled table as published.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// The organisation's name; None for the pooled total.
    pub organisation: Option<String>,
    pub region: Option<String>,
    /// Per gender (see [`GENDERS`]) and the total.
    pub participants: [Shown; 5],
    pub entrants: Shown,
    pub dropouts: Shown,
    pub sessions: u64,
    pub hours: f64,
    /// Present or late among the marks, in per cent; None when there are
    /// fewer than five marks (a rate over so few says something of someone).
    pub attendance_rate: Option<f64>,
}

/// The published table: a line per organisation, then the pooled total.
#[derive(Debug, Clone, PartialEq)]
pub struct Pooled {
    pub filter: PoolFilter,
    pub lines: Vec<Line>,
    pub total: Line,
}

/// A column of counts with its total, suppressed.
fn column(values: &[u64]) -> Vec<Shown> {
    let inner: Vec<Vec<u64>> = values.iter().map(|v| vec![*v]).collect();
    suppress(&with_totals(&inner))
        .into_iter()
        .map(|row| row[0])
        .collect()
}

fn rate(marks: u64, attended: u64) -> Option<f64> {
    (marks >= domain::suppression::MINIMUM)
        .then(|| (attended as f64 * 1000.0 / marks as f64).round() / 10.0)
}

/// Publishes raw figures: suppression over the organisations and the total.
pub fn publish(filter: PoolFilter, raw: &[Raw]) -> Pooled {
    let inner: Vec<Vec<u64>> = raw.iter().map(|r| r.participants.to_vec()).collect();
    let shown = if raw.is_empty() {
        vec![vec![Shown::Count(0); 5]]
    } else {
        suppress(&with_totals(&inner))
    };
    let entrants = column(&raw.iter().map(|r| r.entrants).collect::<Vec<_>>());
    let dropouts = column(&raw.iter().map(|r| r.dropouts).collect::<Vec<_>>());
    let five = |row: &[Shown]| -> [Shown; 5] {
        let mut a = [Shown::Count(0); 5];
        for (i, s) in row.iter().take(5).enumerate() {
            a[i] = *s;
        }
        a
    };
    let lines: Vec<Line> = raw
        .iter()
        .enumerate()
        .map(|(i, r)| Line {
            organisation: Some(r.organisation.clone()),
            region: r.region.clone(),
            participants: five(&shown[i]),
            entrants: entrants[i],
            dropouts: dropouts[i],
            sessions: r.sessions,
            hours: r.minutes as f64 / 60.0,
            attendance_rate: rate(r.marks, r.attended),
        })
        .collect();
    let n = raw.len();
    let sum = |f: fn(&Raw) -> u64| raw.iter().map(f).sum::<u64>();
    let total = Line {
        organisation: None,
        region: filter.region.clone(),
        participants: five(&shown[n.min(shown.len() - 1)]),
        entrants: entrants.get(n).copied().unwrap_or(Shown::Count(0)),
        dropouts: dropouts.get(n).copied().unwrap_or(Shown::Count(0)),
        sessions: sum(|r| r.sessions),
        hours: sum(|r| r.minutes) as f64 / 60.0,
        attendance_rate: rate(sum(|r| r.marks), sum(|r| r.attended)),
    };
    Pooled {
        filter,
        lines,
        total,
    }
}

/// The pooled table, for those who may read aggregates (analysts,
/// coordinators and administrators of any organisation).
pub fn pooled(
    conn: &mut DbConn,
    actor: &Actor,
    filter: PoolFilter,
    origin: Origin<'_>,
) -> Result<Pooled, AccessError> {
    if let Err(why) = authorize(actor, Action::ReadAggregates, Resource::Aggregates, None) {
        origin.record(
            conn,
            &[crate::participants::refusal(
                actor,
                "report.pooled",
                None,
                why,
                origin,
            )],
        )?;
        return Err(AccessError::Denied(why));
    }
    let raw = conn
        .transaction(|conn| raw(conn, &filter))
        .map_err(|e: DbError| AccessError::Db(e))?;
    Ok(publish(filter, &raw))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn org(name: &str, participants: [u64; 4], entrants: u64) -> Raw {
        Raw {
            organisation: name.into(),
            participants,
            entrants,
            marks: 4,
            attended: 3,
            ..Raw::default()
        }
    }

    #[test]
    fn small_counts_are_hidden_and_cannot_be_computed_back() {
        let raw = vec![
            org("A", [12, 3, 0, 0], 9),
            org("B", [20, 6, 1, 0], 2),
            org("C", [7, 0, 0, 0], 8),
        ];
        let filter = PoolFilter {
            kind: None,
            region: None,
            from: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            to: NaiveDate::from_ymd_opt(2026, 12, 31).unwrap(),
        };
        let p = publish(filter, &raw);
        assert_eq!(p.lines[0].participants[1], Shown::Small, "3 men");
        assert_eq!(p.lines[1].participants[2], Shown::Small, "1 non-binary");
        // Each line with a hidden cell hides at least two.
        for line in &p.lines {
            let hidden = line
                .participants
                .iter()
                .filter(|s| !matches!(s, Shown::Count(_)))
                .count();
            assert_ne!(hidden, 1, "{line:?}");
        }
        assert_eq!(p.lines[1].entrants, Shown::Small);
        assert_eq!(
            p.lines[2].entrants,
            Shown::Hidden,
            "C's 8 hidden too, else B's 2 is the total minus the rest"
        );
        assert_eq!(p.total.entrants, Shown::Count(19));
        assert_eq!(p.lines[0].attendance_rate, None, "fewer than five marks");
        assert_eq!(p.total.attendance_rate, Some(75.0));
        assert_eq!(p.total.participants[0], Shown::Count(39));
    }
}
