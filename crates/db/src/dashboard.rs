//! The dashboards: a casemanager's day (her people, what is due or overdue,
//! new intakes given to her, children's birthdays) and a coordinator's team
//! (caseloads, the waiting list, overdue evaluations, unassigned intakes).
//! Scoped by the same rule as the participant list.

use crate::backend::read_tx;
use crate::error::DbResult;
use crate::participants::trajectory::{Load, casemanager_loads};
use crate::participants::{AccessError, Origin, refusal};
use crate::pool::DbConn;
use crate::schema::*;
use chrono::{Datelike, Duration, NaiveDate};
use diesel::prelude::*;
use domain::model::Role;
use domain::policy::{Action, Actor, Resource, authorize};
use std::collections::HashMap;

/// A participant with where she stands.
#[derive(Debug, Clone)]
pub struct PersonLine {
    pub id: String,
    pub name: String,
    pub programme: String,
    pub status: String,
    pub phase_code: Option<String>,
    pub next_contact: Option<NaiveDate>,
}

/// Something due on a date for a participant (an evaluation, a step).
#[derive(Debug, Clone)]
pub struct DueLine {
    pub participant_id: String,
    pub name: String,
    pub what: String,
    pub due: NaiveDate,
    pub casemanager: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Birthday {
    pub participant_id: String,
    pub child: String,
    pub on: NaiveDate,
    pub age: i32,
}

#[derive(Debug, Clone)]
pub struct IntakeLine {
    pub trajectory_id: String,
    pub participant_id: String,
    pub name: String,
    pub programme: String,
    pub referred_on: NaiveDate,
}

#[derive(Debug, Clone, Default)]
pub struct CasemanagerDay {
    pub caseload: i64,
    pub new_intakes: Vec<IntakeLine>,
    pub people: Vec<PersonLine>,
    pub overdue_evaluations: Vec<DueLine>,
    pub steps_due: Vec<DueLine>,
    pub birthdays: Vec<Birthday>,
}

#[derive(Debug, Clone, Default)]
pub struct TeamView {
    pub loads: Vec<Load>,
    pub waiting: Vec<IntakeLine>,
    pub overdue_evaluations: Vec<DueLine>,
    pub unassigned: Vec<IntakeLine>,
}

type Row = (
    String,
    String,
    Option<String>,
    String,
    Option<i32>,
    String,
    String,
    String,
    NaiveDate,
    Option<String>,
);

/// A casemanager's open trajectories, with the participant's name and the
/// programme's.
fn open_trajectories(conn: &mut DbConn, org: &str, casemanager: &str) -> DbResult<Vec<Row>> {
    Ok(crate::direct!(conn, |c| trajectories::table
        .inner_join(participants::table.on(participants::id.eq(trajectories::participant_id)))
        .inner_join(programmes::table.on(programmes::id.eq(trajectories::programme_id)))
        .filter(trajectories::organisation_id.eq(org))
        .filter(crate::participants::trajectory::open())
        .filter(trajectories::casemanager_id.eq(casemanager))
        .select((
            trajectories::id,
            trajectories::programme_id,
            trajectories::casemanager_id,
            trajectories::status,
            trajectories::phase,
            participants::id,
            participants::first_name,
            participants::last_name,
            trajectories::referred_on,
            programmes::name.nullable(),
        ))
        .order((participants::last_name, participants::first_name))
        .load(c))?)
}

fn phase_codes(conn: &mut DbConn, org: &str) -> DbResult<HashMap<(String, i32), String>> {
    Ok(crate::direct!(conn, |c| programme_phases::table
        .filter(programme_phases::organisation_id.eq(org))
        .select((
            programme_phases::programme_id,
            programme_phases::position,
            programme_phases::code,
        ))
        .load::<(String, i32, String)>(c))?
    .into_iter()
    .map(|(p, n, c)| ((p, n), c))
    .collect())
}

/// The next evaluation each plan owes, for the open trajectories given:
/// the plan's rhythm after its last evaluation (or its start), moved off
/// weekends and holidays, within the plan's dates.
fn next_evaluations(
    conn: &mut DbConn,
    org: &str,
    trajectory_ids: &[String],
) -> DbResult<Vec<(String, NaiveDate)>> {
    let plans: Vec<(String, String, NaiveDate, NaiveDate, i32)> =
        crate::direct!(conn, |c| plans::table
            .filter(plans::organisation_id.eq(org))
            .filter(plans::trajectory_id.eq_any(trajectory_ids))
            .select((
                plans::id,
                plans::trajectory_id,
                plans::starts_on,
                plans::ends_on,
                plans::rhythm_months,
            ))
            .load(c))?;
    let plan_ids: Vec<&String> = plans.iter().map(|p| &p.0).collect();
    let last: HashMap<String, NaiveDate> = crate::direct!(conn, |c| plan_evaluations::table
        .filter(plan_evaluations::organisation_id.eq(org))
        .filter(plan_evaluations::plan_id.eq_any(plan_ids))
        .group_by(plan_evaluations::plan_id)
        .select((
            plan_evaluations::plan_id,
            diesel::dsl::max(plan_evaluations::held_on),
        ))
        .load::<(String, Option<NaiveDate>)>(c))?
    .into_iter()
    .filter_map(|(p, d)| d.map(|d| (p, d)))
    .collect();
    Ok(plans
        .into_iter()
        .filter_map(|(id, trajectory, starts, ends, rhythm)| {
            next_due(last.get(&id).copied(), starts, ends, rhythm).map(|due| (trajectory, due))
        })
        .collect())
}

/// A plan's next evaluation: its rhythm after the last one (or its start),
/// moved off weekends and holidays; none past the plan's end.
fn next_due(
    last: Option<NaiveDate>,
    starts: NaiveDate,
    ends: NaiveDate,
    rhythm_months: i32,
) -> Option<NaiveDate> {
    let due = domain::calendar::next_working_day(domain::calendar::add_months(
        last.unwrap_or(starts),
        rhythm_months.clamp(1, 12) as u32,
    ));
    (due <= ends).then_some(due)
}

fn grant(
    conn: &mut DbConn,
    actor: &Actor,
    origin: Origin<'_>,
) -> Result<(String, Role), AccessError> {
    let org = actor.organisation_id().unwrap_or_default().to_owned();
    match authorize(
        actor,
        Action::ListParticipants,
        Resource::Organisation { id: &org },
        None,
    ) {
        Ok(g) => Ok((org, g.actor().role().unwrap_or(Role::Casemanager))),
        Err(why) => {
            origin.record(conn, &[refusal(actor, "dashboard.read", None, why, origin)])?;
            Err(AccessError::Denied(why))
        }
    }
}

/// A casemanager's day.
pub fn casemanager_day(
    conn: &mut DbConn,
    actor: &Actor,
    today: NaiveDate,
    origin: Origin<'_>,
) -> Result<CasemanagerDay, AccessError> {
    let (org, _) = grant(conn, actor, origin)?;
    let me = actor.user_id().to_owned();
    Ok(read_tx(conn, |conn| -> DbResult<CasemanagerDay> {
        let rows = open_trajectories(conn, &org, &me)?;
        let phases = phase_codes(conn, &org)?;
        let participant_ids: Vec<String> = rows.iter().map(|r| r.5.clone()).collect();
        let next_contacts: HashMap<String, NaiveDate> =
            crate::direct!(conn, |c| journal_entries::table
                .filter(journal_entries::organisation_id.eq(&org))
                .filter(journal_entries::participant_id.eq_any(&participant_ids))
                .filter(journal_entries::next_contact_on.ge(today))
                .group_by(journal_entries::participant_id)
                .select((
                    journal_entries::participant_id,
                    diesel::dsl::min(journal_entries::next_contact_on),
                ))
                .load::<(String, Option<NaiveDate>)>(c))?
            .into_iter()
            .filter_map(|(p, d)| d.map(|d| (p, d)))
            .collect();
        let new_seen: Vec<String> = crate::direct!(conn, |c| trajectories::table
            .filter(trajectories::organisation_id.eq(&org))
            .filter(trajectories::casemanager_id.eq(&me))
            .filter(trajectories::seen_by_casemanager.eq(false))
            .select(trajectories::id)
            .load(c))?;
        let mut day = CasemanagerDay {
            caseload: rows
                .iter()
                .map(|r| &r.5)
                .collect::<std::collections::BTreeSet<_>>()
                .len() as i64,
            ..Default::default()
        };
        let name_of = |r: &Row| format!("{} {}", r.6, r.7);
        for r in &rows {
            if new_seen.contains(&r.0) {
                day.new_intakes.push(IntakeLine {
                    trajectory_id: r.0.clone(),
                    participant_id: r.5.clone(),
                    name: name_of(r),
                    programme: r.9.clone().unwrap_or_default(),
                    referred_on: r.8,
                });
            }
            day.people.push(PersonLine {
                id: r.5.clone(),
                name: name_of(r),
                programme: r.9.clone().unwrap_or_default(),
                status: r.3.clone(),
                phase_code: r.4.and_then(|p| phases.get(&(r.1.clone(), p)).cloned()),
                next_contact: next_contacts.get(&r.5).copied(),
            });
        }
        let ids: Vec<String> = rows.iter().map(|r| r.0.clone()).collect();
        for (trajectory, due) in next_evaluations(conn, &org, &ids)? {
            if due < today
                && let Some(r) = rows.iter().find(|r| r.0 == trajectory)
            {
                day.overdue_evaluations.push(DueLine {
                    participant_id: r.5.clone(),
                    name: name_of(r),
                    what: String::new(),
                    due,
                    casemanager: None,
                });
            }
        }
        day.overdue_evaluations.sort_by_key(|d| d.due);
        // Her open steps due within a week or overdue.
        let steps: Vec<(String, String, Option<NaiveDate>)> =
            crate::direct!(conn, |c| plan_steps::table
                .inner_join(plans::table.on(plans::id.eq(plan_steps::plan_id)))
                .filter(plan_steps::organisation_id.eq(&org))
                .filter(plan_steps::assignee_id.eq(&me))
                .filter(plan_steps::status.eq("open"))
                .filter(plan_steps::due_on.le(today + Duration::days(7)))
                .filter(plans::trajectory_id.eq_any(&ids))
                .select((
                    plans::trajectory_id,
                    plan_steps::description,
                    plan_steps::due_on,
                ))
                .load(c))?;
        for (trajectory, what, due) in steps {
            if let (Some(r), Some(due)) = (rows.iter().find(|r| r.0 == trajectory), due) {
                day.steps_due.push(DueLine {
                    participant_id: r.5.clone(),
                    name: name_of(r),
                    what,
                    due,
                    casemanager: None,
                });
            }
        }
        day.steps_due.sort_by_key(|d| d.due);
        // Children's birthdays in the coming seven days.
        let kids: Vec<(String, String, Option<NaiveDate>)> =
            crate::direct!(conn, |c| children::table
                .filter(children::organisation_id.eq(&org))
                .filter(children::participant_id.eq_any(&participant_ids))
                .select((
                    children::participant_id,
                    children::first_name,
                    children::birth_date,
                ))
                .load(c))?;
        for (pid, child, born) in kids {
            let Some(born) = born else { continue };
            for offset in 0..7 {
                let d = today + Duration::days(offset);
                if d.month() == born.month() && d.day() == born.day() {
                    day.birthdays.push(Birthday {
                        participant_id: pid.clone(),
                        child: child.clone(),
                        on: d,
                        age: d.year() - born.year(),
                    });
                }
            }
        }
        day.birthdays.sort_by_key(|b| b.on);
        Ok(day)
    })?)
}

/// A coordinator's view of her team.
pub fn team(
    conn: &mut DbConn,
    actor: &Actor,
    today: NaiveDate,
    origin: Origin<'_>,
) -> Result<TeamView, AccessError> {
    let (org, role) = grant(conn, actor, origin)?;
    if role != Role::Coordinator {
        return Ok(TeamView::default());
    }
    Ok(read_tx(conn, |conn| -> DbResult<TeamView> {
        let loads = casemanager_loads(conn, &org)?;
        let names: HashMap<&str, &str> = loads
            .iter()
            .map(|l| (l.user_id.as_str(), l.name.as_str()))
            .collect();
        let mut view = TeamView::default();
        // The waiting list and the unassigned intakes: few rows, found
        // through the (organisation, status, casemanager) index rather than
        // among all open trajectories.
        type Intake = (
            String,
            String,
            String,
            String,
            String,
            NaiveDate,
            Option<String>,
            Option<chrono::NaiveDateTime>,
        );
        let mut intakes: Vec<Intake> = crate::direct!(conn, |c| trajectories::table
            .inner_join(participants::table.on(participants::id.eq(trajectories::participant_id)))
            .inner_join(programmes::table.on(programmes::id.eq(trajectories::programme_id)))
            .filter(trajectories::organisation_id.eq(&org))
            .filter(
                trajectories::status
                    .eq("waiting_list")
                    .or(trajectories::casemanager_id.is_null().and(
                        trajectories::status
                            .eq("referred")
                            .or(trajectories::status.eq("intake")),
                    )),
            )
            .order((participants::last_name, participants::first_name))
            .select((
                trajectories::id,
                trajectories::status,
                participants::id,
                participants::first_name,
                participants::last_name,
                trajectories::referred_on,
                programmes::name.nullable(),
                trajectories::waiting_since,
            ))
            .load(c))?;
        // Longest waiting first; stable, so names break ties.
        intakes.sort_by_key(|i| (i.1 != "waiting_list", i.7));
        for (trajectory_id, status, participant_id, first, last, referred_on, programme, _) in
            intakes
        {
            let line = IntakeLine {
                trajectory_id,
                participant_id,
                name: format!("{first} {last}"),
                programme: programme.unwrap_or_default(),
                referred_on,
            };
            if status == "waiting_list" {
                view.waiting.push(line);
            } else {
                view.unassigned.push(line);
            }
        }
        // Every plan of an open trajectory with its last evaluation, in one
        // statement (a correlated subquery on the (organisation, plan,
        // held_on) index): no list of ids to bind. Names are read afterwards
        // for the overdue ones only, a tenth of the open plans in a city's
        // OCMW: joining every open plan to its participant was half the
        // statement's cost.
        let last = plan_evaluations::table
            .filter(plan_evaluations::organisation_id.eq(plans::organisation_id))
            .filter(plan_evaluations::plan_id.eq(plans::id))
            .select(diesel::dsl::max(plan_evaluations::held_on))
            .single_value();
        type PlanRow = (
            String,
            Option<String>,
            NaiveDate,
            NaiveDate,
            i32,
            Option<NaiveDate>,
        );
        let plans: Vec<PlanRow> = crate::direct!(conn, |c| plans::table
            .inner_join(trajectories::table.on(trajectories::id.eq(plans::trajectory_id)))
            .filter(plans::organisation_id.eq(&org))
            .filter(trajectories::organisation_id.eq(&org))
            .filter(crate::participants::trajectory::open())
            .select((
                trajectories::participant_id,
                trajectories::casemanager_id,
                plans::starts_on,
                plans::ends_on,
                plans::rhythm_months,
                last,
            ))
            .load(c))?;
        let overdue: Vec<(String, Option<String>, NaiveDate)> = plans
            .into_iter()
            .filter_map(
                |(participant_id, casemanager, starts, ends, rhythm, evaluated)| {
                    next_due(evaluated, starts, ends, rhythm)
                        .filter(|due| *due < today)
                        .map(|due| (participant_id, casemanager, due))
                },
            )
            .collect();
        let ids: Vec<&str> = overdue.iter().map(|o| o.0.as_str()).collect();
        let people: HashMap<String, (String, String)> = if ids.is_empty() {
            HashMap::new()
        } else {
            crate::direct!(conn, |c| participants::table
                .filter(participants::organisation_id.eq(&org))
                .filter(participants::id.eq_any(&ids))
                .select((
                    participants::id,
                    participants::first_name,
                    participants::last_name,
                ))
                .load::<(String, String, String)>(c))?
            .into_iter()
            .map(|(id, first, last)| (id, (first, last)))
            .collect()
        };
        let mut lines: Vec<(NaiveDate, &str, &str, DueLine)> = Vec::new();
        for (participant_id, casemanager, due) in &overdue {
            let Some((first, last)) = people.get(participant_id) else {
                continue;
            };
            lines.push((
                *due,
                last.as_str(),
                first.as_str(),
                DueLine {
                    participant_id: participant_id.clone(),
                    name: format!("{first} {last}"),
                    what: String::new(),
                    due: *due,
                    casemanager: casemanager
                        .as_deref()
                        .and_then(|id| names.get(id))
                        .map(|n| (*n).to_owned()),
                },
            ));
        }
        // Longest overdue first, then by name as before.
        lines.sort_by(|a, b| (a.0, a.1, a.2).cmp(&(b.0, b.1, b.2)));
        view.overdue_evaluations = lines.into_iter().map(|l| l.3).collect();
        view.loads = loads;
        Ok(view)
    })?)
}
