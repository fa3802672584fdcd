//! Data problems: the standing list of records that need attention, each
//! with what is wrong and where to fix it. Scoped like the participant list
//! (a coordinator: the organisation; a casemanager: her own people).

use crate::error::DbResult;
use crate::participants::{AccessError, Origin, visible};
use crate::pool::DbConn;
use crate::schema::*;
use chrono::NaiveDate;
use diesel::prelude::*;
use domain::policy::Actor;
use std::collections::{BTreeMap, HashMap};

/// The kinds of problem, as stable codes (translated for display).
pub const KINDS: &[&str] = &[
    "no_data_consent",
    "evaluation_overdue",
    "gpmi_without_national_number",
    "child_without_birth_date",
    "past_programme_duration",
];

/// One record that needs attention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub kind: &'static str,
    pub participant_id: String,
    pub name: String,
    /// Where the fix is made, a path of the web interface.
    pub fix: String,
    /// A date that explains it (last evaluation, start of the trajectory), if any.
    pub since: Option<NaiveDate>,
}

/// At most this many problems of one kind are listed (the count is exact).
pub const SHOWN_PER_KIND: usize = 100;

#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Per kind: how many, and the first ones.
    pub kinds: Vec<(&'static str, usize, Vec<Problem>)>,
}

impl Report {
    pub fn total(&self) -> usize {
        self.kinds.iter().map(|(_, n, _)| n).sum()
    }
}

/// Evaluations are due every four months at least (GPMI: three a year).
const EVALUATION_MONTHS: u32 = 4;

pub fn report(
    conn: &mut DbConn,
    actor: &Actor,
    today: NaiveDate,
    origin: Origin<'_>,
) -> Result<Report, AccessError> {
    let org = actor.organisation_id().unwrap_or_default().to_owned();
    let people: Vec<(String, String, String)> = visible(conn, actor, origin, |conn, q| {
        Ok(q.order((participants::last_name, participants::first_name))
            .select((
                participants::id,
                participants::first_name,
                participants::last_name,
            ))
            .load(conn)?)
    })?;
    Ok(conn.transaction(|conn| -> DbResult<Report> {
        let names: HashMap<&str, String> = people
            .iter()
            .map(|(id, f, l)| (id.as_str(), format!("{f} {l}")))
            .collect();
        let ids: Vec<&str> = people.iter().map(|(id, _, _)| id.as_str()).collect();
        let mut found: BTreeMap<&'static str, Vec<Problem>> = BTreeMap::new();
        let mut add = |kind: &'static str, id: &str, fix: String, since: Option<NaiveDate>| {
            if let Some(name) = names.get(id) {
                found.entry(kind).or_default().push(Problem {
                    kind,
                    participant_id: id.to_owned(),
                    name: name.clone(),
                    fix,
                    since,
                });
            }
        };
        // Chunks keep every statement under SQLite's limit of bound values.
        for chunk in ids.chunks(5000) {
            let consenting: Vec<String> = consents::table
                .filter(consents::organisation_id.eq(&org))
                .filter(consents::participant_id.eq_any(chunk))
                .filter(consents::scope.eq("data_processing"))
                .filter(consents::withdrawn_on.is_null())
                .select(consents::participant_id)
                .load(conn)?;
            for id in chunk {
                if !consenting.iter().any(|c| c == id) {
                    add(
                        "no_data_consent",
                        id,
                        format!("/participants/{id}#consents"),
                        None,
                    );
                }
            }
            let undated: Vec<String> = children::table
                .filter(children::organisation_id.eq(&org))
                .filter(children::participant_id.eq_any(chunk))
                .filter(children::birth_date.is_null())
                .select(children::participant_id)
                .distinct()
                .load(conn)?;
            for id in undated {
                add(
                    "child_without_birth_date",
                    &id,
                    format!("/participants/{id}#household"),
                    None,
                );
            }
            // Open trajectories with their programme's length and their plan.
            let running: Vec<(String, String, Option<NaiveDate>, i32)> = trajectories::table
                .inner_join(programmes::table.on(programmes::id.eq(trajectories::programme_id)))
                .filter(trajectories::organisation_id.eq(&org))
                .filter(trajectories::participant_id.eq_any(chunk))
                .filter(crate::participants::trajectory::open())
                .select((
                    trajectories::id,
                    trajectories::participant_id,
                    trajectories::started_on,
                    programmes::duration_months,
                ))
                .load(conn)?;
            for (_, pid, started, months) in &running {
                if let Some(started) = started
                    && domain::calendar::add_months(*started, (*months).max(1) as u32) < today
                {
                    add(
                        "past_programme_duration",
                        pid,
                        format!("/participants/{pid}#trajectories"),
                        Some(*started),
                    );
                }
            }
            let trajectory_ids: Vec<&String> = running.iter().map(|r| &r.0).collect();
            let plans: Vec<(String, String, bool, NaiveDate, NaiveDate)> = plans::table
                .filter(plans::organisation_id.eq(&org))
                .filter(plans::trajectory_id.eq_any(&trajectory_ids))
                .select((
                    plans::id,
                    plans::trajectory_id,
                    plans::is_gpmi,
                    plans::starts_on,
                    plans::ends_on,
                ))
                .load(conn)?;
            let plan_ids: Vec<&String> = plans.iter().map(|p| &p.0).collect();
            let last: HashMap<String, NaiveDate> = plan_evaluations::table
                .filter(plan_evaluations::organisation_id.eq(&org))
                .filter(plan_evaluations::plan_id.eq_any(&plan_ids))
                .group_by(plan_evaluations::plan_id)
                .select((
                    plan_evaluations::plan_id,
                    diesel::dsl::max(plan_evaluations::held_on),
                ))
                .load::<(String, Option<NaiveDate>)>(conn)?
                .into_iter()
                .filter_map(|(p, d)| d.map(|d| (p, d)))
                .collect();
            let participant_of: HashMap<&str, &str> = running
                .iter()
                .map(|(t, p, _, _)| (t.as_str(), p.as_str()))
                .collect();
            let mut gpmi_people = Vec::new();
            for (plan, trajectory, gpmi, starts, ends) in &plans {
                let Some(pid) = participant_of.get(trajectory.as_str()) else {
                    continue;
                };
                let since = last.get(plan).copied().unwrap_or(*starts);
                if domain::calendar::add_months(since, EVALUATION_MONTHS) < today.min(*ends) {
                    add(
                        "evaluation_overdue",
                        pid,
                        format!("/participants/{pid}#trajectories"),
                        Some(since),
                    );
                }
                if *gpmi {
                    gpmi_people.push(*pid);
                }
            }
            let without_number: Vec<String> = participant_sensitive::table
                .filter(participant_sensitive::organisation_id.eq(&org))
                .filter(participant_sensitive::participant_id.eq_any(&gpmi_people))
                .filter(participant_sensitive::national_number.is_null())
                .select(participant_sensitive::participant_id)
                .load(conn)?;
            for id in without_number {
                add(
                    "gpmi_without_national_number",
                    &id,
                    format!("/participants/{id}/edit"),
                    None,
                );
            }
        }
        let mut report = Report::default();
        for kind in KINDS {
            let mut list = found.remove(kind).unwrap_or_default();
            list.dedup_by(|a, b| a.participant_id == b.participant_id);
            let n = list.len();
            list.truncate(SHOWN_PER_KIND);
            report.kinds.push((kind, n, list));
        }
        Ok(report)
    })?)
}
