//! Trajectories: the intake with its eligibility assessment and decision,
//! every lifecycle transition (recorded with date and author), and the
//! assignment of a casemanager, suggested from current caseloads.

use super::file::{EditError, authorize_on};
use super::{AccessError, Origin};
use crate::audit::{self, Event};
use crate::backend::write_tx;
use crate::error::{DbError, DbResult};
use crate::models::*;
use crate::pool::DbConn;
use crate::schema::*;
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use domain::eligibility::{Applicant, Assessment};
use domain::lifecycle::{IntakeOutcome, State, Transition};
use domain::model::{Role, TrajectoryStatus};
use domain::participant::FieldError;
use domain::policy::{Action, Actor, Resource, authorize};
use std::collections::BTreeMap;

/// The statuses of a trajectory that is still running (the caseload).
pub const OPEN: [&str; 5] = ["referred", "intake", "waiting_list", "active", "aftercare"];

type StatusIs = diesel::dsl::Eq<trajectories::status, &'static str>;
/// See [`open`].
pub type Open = diesel::dsl::Or<
    diesel::dsl::Or<diesel::dsl::Or<diesel::dsl::Or<StatusIs, StatusIs>, StatusIs>, StatusIs>,
    StatusIs,
>;

/// "The trajectory is open" as a filter. Written out rather than as
/// `status IN (...)`: a statement with a list of binds is prepared again on
/// every call (SQLite), and this filter sits on the busiest pages. SQLite and
/// PostgreSQL both read an OR of equalities on one column as an IN, through
/// the same index.
pub fn open() -> Open {
    let [a, b, c, d, e] = OPEN;
    trajectories::status
        .eq(a)
        .or(trajectories::status.eq(b))
        .or(trajectories::status.eq(c))
        .or(trajectories::status.eq(d))
        .or(trajectories::status.eq(e))
}

/// A casemanager and how many open trajectories she carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Load {
    pub user_id: String,
    pub name: String,
    pub open: i64,
}

/// The active casemanagers of an organisation by name, as (id, name): for
/// a filter or a reassignment, where counting every open trajectory of the
/// organisation on each page view would cost more than the page itself.
pub fn casemanagers(conn: &mut DbConn, org: &str) -> DbResult<Vec<(String, String)>> {
    Ok(crate::direct!(conn, |c| memberships::table
        .inner_join(users::table)
        .filter(memberships::organisation_id.eq(org))
        .filter(memberships::role.eq(Role::Casemanager.code()))
        .filter(users::active.eq(true))
        .order((users::display_name, users::id))
        .select((users::id, users::display_name))
        .load(c))?)
}

/// The active casemanagers of an organisation with their caseloads, the
/// lightest first (the suggestion for a new intake).
pub fn casemanager_loads(conn: &mut DbConn, org: &str) -> DbResult<Vec<Load>> {
    let people: Vec<(String, String)> = crate::direct!(conn, |c| memberships::table
        .inner_join(users::table)
        .filter(memberships::organisation_id.eq(org))
        .filter(memberships::role.eq(Role::Casemanager.code()))
        .filter(users::active.eq(true))
        .select((users::id, users::display_name))
        .load(c))?;
    let counts: Vec<(Option<String>, i64)> = crate::direct!(conn, |c| trajectories::table
        .filter(trajectories::organisation_id.eq(org))
        .filter(crate::participants::trajectory::open())
        .group_by(trajectories::casemanager_id)
        .select((trajectories::casemanager_id, diesel::dsl::count_star()))
        .load(c))?;
    let mut loads: Vec<Load> = people
        .into_iter()
        .map(|(user_id, name)| {
            let open = counts
                .iter()
                .find(|(id, _)| id.as_deref() == Some(user_id.as_str()))
                .map(|(_, n)| *n)
                .unwrap_or(0);
            Load {
                user_id,
                name,
                open,
            }
        })
        .collect();
    loads.sort_by(|a, b| a.open.cmp(&b.open).then(a.name.cmp(&b.name)));
    Ok(loads)
}

/// A trajectory to open together with a new file.
#[derive(Debug, Clone)]
pub struct NewTrajectory {
    pub programme_id: String,
    pub casemanager_id: Option<String>,
    pub referred_on: NaiveDate,
}

/// Inserts a trajectory in intake (inside the caller's transaction); checks
/// that the programme and the casemanager belong to the organisation.
pub(crate) fn insert(
    conn: &mut DbConn,
    actor: &Actor,
    org: &str,
    participant_id: &str,
    new: &NewTrajectory,
    at: NaiveDateTime,
) -> Result<String, EditError> {
    let programme: i64 = crate::direct!(conn, |c| programmes::table
        .filter(programmes::organisation_id.eq(org))
        .filter(programmes::id.eq(&new.programme_id))
        .filter(programmes::active.eq(true))
        .count()
        .get_result(c))?;
    if programme == 0 {
        return Err(EditError::Invalid(vec![FieldError {
            field: "programme_id",
            code: "invalid-choice",
        }]));
    }
    if let Some(cm) = &new.casemanager_id
        && !casemanager_loads(conn, org)?
            .iter()
            .any(|l| &l.user_id == cm)
    {
        return Err(EditError::Invalid(vec![FieldError {
            field: "casemanager_id",
            code: "invalid-choice",
        }]));
    }
    let id = new_id();
    crate::direct!(conn, |c| diesel::insert_into(trajectories::table)
        .values(&Trajectory {
            id: id.clone(),
            organisation_id: org.to_owned(),
            participant_id: participant_id.to_owned(),
            programme_id: new.programme_id.clone(),
            casemanager_id: new.casemanager_id.clone(),
            status: TrajectoryStatus::Intake.code().to_owned(),
            referred_on: new.referred_on,
            version: 1,
            created_at: at,
            updated_at: at,
            assigned_at: new.casemanager_id.as_ref().map(|_| at),
            // She is told on her dashboard unless she opened it herself.
            seen_by_casemanager: new.casemanager_id.as_deref() == Some(actor.user_id())
                || new.casemanager_id.is_none(),
            ..Default::default()
        })
        .execute(c))?;
    crate::direct!(conn, |c| diesel::insert_into(trajectory_events::table)
        .values(&TrajectoryEvent {
            id: new_id(),
            organisation_id: org.to_owned(),
            trajectory_id: id.clone(),
            from_status: None,
            to_status: TrajectoryStatus::Intake.code().to_owned(),
            phase: None,
            detail: String::new(),
            happened_on: new.referred_on,
            author_id: Some(actor.user_id().to_owned()),
            created_at: at,
        })
        .execute(c))?;
    crate::direct!(conn, |c| diesel::insert_into(intakes::table)
        .values(&Intake {
            trajectory_id: id.clone(),
            organisation_id: org.to_owned(),
            updated_at: at,
            ..Default::default()
        })
        .execute(c))?;
    Ok(id)
}

/// A trajectory of the organisation, or "not found".
pub(crate) fn trajectory_in(
    conn: &mut DbConn,
    org: &str,
    id: &str,
) -> Result<Trajectory, EditError> {
    crate::direct!(conn, |c| trajectories::table
        .filter(trajectories::organisation_id.eq(org))
        .filter(trajectories::id.eq(id))
        .select(Trajectory::as_select())
        .first(c))
    .optional()?
    .ok_or(EditError::Access(AccessError::Db(DbError::NotFound(
        "trajectory",
    ))))
}

fn phase_count(conn: &mut DbConn, org: &str, programme_id: &str) -> DbResult<i32> {
    let n: i64 = crate::direct!(conn, |c| programme_phases::table
        .filter(programme_phases::organisation_id.eq(org))
        .filter(programme_phases::programme_id.eq(programme_id))
        .count()
        .get_result(c))?;
    Ok(n as i32)
}

/// What the file knows of her, for the eligibility rules.
pub(crate) fn applicant(conn: &mut DbConn, org: &str, participant_id: &str) -> DbResult<Applicant> {
    let p: Participant = crate::direct!(conn, |c| participants::table
        .filter(participants::organisation_id.eq(org))
        .filter(participants::id.eq(participant_id))
        .select(Participant::as_select())
        .first(c))?;
    let residence: Option<String> = crate::direct!(conn, |c| participant_sensitive::table
        .find(participant_id)
        .select(participant_sensitive::residence_status)
        .first::<Option<String>>(c))
    .optional()?
    .flatten();
    let children: Vec<Option<NaiveDate>> = crate::direct!(conn, |c| children::table
        .filter(children::organisation_id.eq(org))
        .filter(children::participant_id.eq(participant_id))
        .select(children::birth_date)
        .load(c))?;
    let languages: Vec<(String, String)> = crate::direct!(conn, |c| participant_languages::table
        .filter(participant_languages::organisation_id.eq(org))
        .filter(participant_languages::participant_id.eq(participant_id))
        .select((
            participant_languages::language,
            participant_languages::level,
        ))
        .load(c))?;
    let adults_partner: i64 = crate::direct!(conn, |c| household_adults::table
        .filter(household_adults::organisation_id.eq(org))
        .filter(household_adults::participant_id.eq(participant_id))
        .filter(household_adults::relation.eq("partner"))
        .count()
        .get_result(c))?;
    Ok(Applicant {
        birth_date: p.birth_date,
        income: p.income.and_then(|c| c.parse().ok()),
        postal_code: Some(p.postal_code).filter(|s| !s.is_empty()),
        nationality: p
            .nationality
            .and_then(|n| domain::participant::Nationality::parse(&n).ok()),
        residence: residence.and_then(|r| r.parse().ok()),
        // A partner on the household list settles it; else what the file says.
        has_partner_in_household: if adults_partner > 0 {
            Some(true)
        } else {
            p.partner_in_household
        },
        children_birth_dates: children,
        in_article_60: p.in_article_60,
        small_social_network: p.small_social_network,
        languages: languages
            .into_iter()
            .filter_map(|(l, v)| v.parse().ok().map(|v| (l, v)))
            .collect(),
    })
}

/// The intake as its page shows it.
#[derive(Debug, Clone)]
pub struct IntakeView {
    pub trajectory: Trajectory,
    pub participant: Participant,
    pub programme: Programme,
    pub intake: Intake,
    pub assessment: Assessment,
    /// Needs per life-domain code.
    pub needs: BTreeMap<String, String>,
    /// Place on the programme's waiting list (1 = next).
    pub waiting_position: Option<i64>,
    pub casemanager: Option<String>,
}

/// Opens the intake of a trajectory: authorised as a read of the file and recorded.
pub fn intake(
    conn: &mut DbConn,
    actor: &Actor,
    trajectory_id: &str,
    today: NaiveDate,
    origin: Origin<'_>,
) -> Result<IntakeView, EditError> {
    let org = actor.organisation_id().unwrap_or_default().to_owned();
    let found = conn.transaction(|conn| -> Result<Result<IntakeView, EditError>, EditError> {
        let t = trajectory_in(conn, &org, trajectory_id)?;
        let all_cms = super::casemanagers_of(conn, &org, &t.participant_id)?;
        if let Err(why) = authorize(
            actor,
            Action::ReadSensitive,
            Resource::Participant {
                organisation_id: &org,
                casemanager_ids: &all_cms,
                facilitator_ids: &[],
            },
            None,
        ) {
            return Ok(Err(AccessError::Denied(why).into()));
        }
        let participant: Participant = crate::direct!(conn, |c| participants::table
            .filter(participants::organisation_id.eq(&org))
            .filter(participants::id.eq(&t.participant_id))
            .select(Participant::as_select())
            .first(c))?;
        let programme: Programme = crate::direct!(conn, |c| programmes::table
            .filter(programmes::organisation_id.eq(&org))
            .filter(programmes::id.eq(&t.programme_id))
            .select(Programme::as_select())
            .first(c))?;
        let intake: Intake = crate::direct!(conn, |c| intakes::table
            .find(&t.id)
            .select(Intake::as_select())
            .first(c))
        .optional()?
        .unwrap_or_else(|| Intake {
            trajectory_id: t.id.clone(),
            organisation_id: org.clone(),
            ..Default::default()
        });
        let rules = domain::eligibility::parse_rules(&programme.eligibility).unwrap_or_default();
        let who = applicant(conn, &org, &t.participant_id)?;
        let assessment = Assessment::of(&rules, &who, today);
        let needs: BTreeMap<String, String> =
            serde_json::from_str(&intake.needs).unwrap_or_default();
        let waiting_position = match (&t.waiting_since, t.status.as_str()) {
            (Some(since), "waiting_list") => {
                let ahead: i64 = crate::direct!(conn, |c| trajectories::table
                    .filter(trajectories::organisation_id.eq(&org))
                    .filter(trajectories::programme_id.eq(&t.programme_id))
                    .filter(trajectories::status.eq("waiting_list"))
                    .filter(trajectories::waiting_since.lt(since))
                    .count()
                    .get_result(c))?;
                Some(ahead + 1)
            }
            _ => None,
        };
        let casemanager = match &t.casemanager_id {
            Some(id) => crate::direct!(conn, |c| users::table
                .find(id)
                .select(users::display_name)
                .first(c))
            .optional()?,
            None => None,
        };
        Ok(Ok(IntakeView {
            trajectory: t,
            participant,
            programme,
            intake,
            assessment,
            needs,
            waiting_position,
            casemanager,
        }))
    })?;
    match found {
        Ok(view) => {
            let read = Event::by(actor, "intake.read", origin.ip, origin.at)
                .about("participant", &view.participant.id)
                .detail(trajectory_id);
            // Opening a new intake assigned to her is how she acknowledges it.
            let acknowledges = !view.trajectory.seen_by_casemanager
                && view.trajectory.casemanager_id.as_deref() == Some(actor.user_id());
            if acknowledges {
                write_tx(conn, |conn| -> DbResult<()> {
                    crate::direct!(conn, |c| diesel::update(
                        trajectories::table.find(trajectory_id)
                    )
                    .set(trajectories::seen_by_casemanager.eq(true))
                    .execute(c))?;
                    audit::record(conn, &read)
                })?;
            } else {
                origin.record(conn, &[read])?;
            }
            Ok(view)
        }
        Err(EditError::Access(AccessError::Denied(why))) => {
            origin.record(
                conn,
                &[super::refusal(actor, "intake.read", None, why, origin)],
            )?;
            Err(AccessError::Denied(why).into())
        }
        Err(e) => Err(e),
    }
}

/// The intake conversation's notes.
#[derive(Debug, Clone, Default)]
pub struct IntakeNotes {
    pub motivation: String,
    pub request_for_help: String,
    pub strengths: String,
    pub dreams: String,
    /// Needs per life-domain code.
    pub needs: BTreeMap<String, String>,
}

/// The intake's decision.
#[derive(Debug, Clone)]
pub struct Decision {
    pub outcome: IntakeOutcome,
    pub referred_to: String,
    pub decline_reason: String,
    /// Needed to admit someone who does not meet every rule.
    pub justification: String,
    pub on: NaiveDate,
}

fn check_notes(notes: &IntakeNotes) -> Result<(), EditError> {
    let mut errors = Vec::new();
    for (field, text) in [
        ("motivation", &notes.motivation),
        ("request_for_help", &notes.request_for_help),
        ("strengths", &notes.strengths),
        ("dreams", &notes.dreams),
    ] {
        if text.chars().count() > 4000 {
            errors.push(FieldError {
                field,
                code: "too-long",
            });
        }
    }
    for (domain, text) in &notes.needs {
        if domain.parse::<domain::participant::LifeDomain>().is_err() || text.chars().count() > 2000
        {
            errors.push(FieldError {
                field: "needs",
                code: "too-long",
            });
            break;
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(EditError::Invalid(errors))
    }
}

/// Saves the intake's notes, and its decision if one is given (which moves
/// the trajectory on). Admitting against the rules needs a justification,
/// recorded with the assessment as it stood.
pub fn save_intake(
    conn: &mut DbConn,
    actor: &Actor,
    trajectory_id: &str,
    notes: &IntakeNotes,
    decision: Option<&Decision>,
    origin: Origin<'_>,
) -> Result<(), EditError> {
    check_notes(notes)?;
    let org = actor.organisation_id().unwrap_or_default().to_owned();
    write_tx(conn, |conn| -> Result<Result<(), EditError>, EditError> {
        let t = trajectory_in(conn, &org, trajectory_id)?;
        if let Err(e) = authorize_on(
            conn,
            actor,
            Action::EditParticipant,
            "intake.update",
            &t.participant_id,
            origin,
        ) {
            return Ok(Err(e.into()));
        }
        let mut intake: Intake = crate::direct!(conn, |c| intakes::table
            .find(trajectory_id)
            .select(Intake::as_select())
            .first(c))
        .optional()?
        .unwrap_or_else(|| Intake {
            trajectory_id: trajectory_id.to_owned(),
            organisation_id: org.clone(),
            ..Default::default()
        });
        intake.motivation = notes.motivation.trim().to_owned();
        intake.request_for_help = notes.request_for_help.trim().to_owned();
        intake.strengths = notes.strengths.trim().to_owned();
        intake.dreams = notes.dreams.trim().to_owned();
        let needs: BTreeMap<&String, &str> = notes
            .needs
            .iter()
            .map(|(k, v)| (k, v.trim()))
            .filter(|(_, v)| !v.is_empty())
            .collect();
        intake.needs = serde_json::to_string(&needs).unwrap_or_default();
        intake.updated_at = origin.at;
        let mut detail = String::from("notes");
        if let Some(d) = decision {
            let programme: Programme = crate::direct!(conn, |c| programmes::table
                .filter(programmes::organisation_id.eq(&org))
                .filter(programmes::id.eq(&t.programme_id))
                .select(Programme::as_select())
                .first(c))?;
            let rules =
                domain::eligibility::parse_rules(&programme.eligibility).unwrap_or_default();
            let who = applicant(conn, &org, &t.participant_id)?;
            let assessment = Assessment::of(&rules, &who, d.on);
            let mut errors = Vec::new();
            let justification = d.justification.trim();
            if d.outcome == IntakeOutcome::Admitted
                && assessment.needs_justification()
                && justification.chars().count() < 10
            {
                errors.push(FieldError {
                    field: "justification",
                    code: "justification-required",
                });
            }
            if d.outcome == IntakeOutcome::ReferredElsewhere && d.referred_to.trim().is_empty() {
                errors.push(FieldError {
                    field: "referred_to",
                    code: "required",
                });
            }
            if d.outcome == IntakeOutcome::Declined && d.decline_reason.trim().is_empty() {
                errors.push(FieldError {
                    field: "decline_reason",
                    code: "required",
                });
            }
            if !errors.is_empty() {
                return Ok(Err(EditError::Invalid(errors)));
            }
            let from = State {
                status: t.status.parse().map_err(|_| DbError::Invalid("status"))?,
                phase: t.phase,
            };
            let count = phase_count(conn, &org, &t.programme_id)?;
            let to = match domain::lifecycle::apply(from, &Transition::Decide(d.outcome), count) {
                Ok(s) => s,
                Err(_) => {
                    return Ok(Err(EditError::Invalid(vec![FieldError {
                        field: "outcome",
                        code: "transition-not-allowed",
                    }])));
                }
            };
            intake.outcome = Some(d.outcome.code().to_owned());
            intake.referred_to = d.referred_to.trim().to_owned();
            intake.decline_reason = d.decline_reason.trim().to_owned();
            intake.override_justification = if assessment.needs_justification() {
                justification.to_owned()
            } else {
                String::new()
            };
            intake.eligibility = serde_json::to_string(&assessment).unwrap_or_default();
            intake.decided_on = Some(d.on);
            intake.decided_by = Some(actor.user_id().to_owned());
            move_to(conn, actor, &org, &t, to, d.outcome.code(), d.on, origin.at)?;
            detail = format!(
                "decision {}{}",
                d.outcome.code(),
                if intake.override_justification.is_empty() {
                    ""
                } else {
                    " (eligibility overridden)"
                }
            );
        }
        crate::direct!(conn, |c| diesel::delete(intakes::table.find(trajectory_id))
            .execute(c))?;
        crate::direct!(conn, |c| diesel::insert_into(intakes::table)
            .values(&intake)
            .execute(c))?;
        audit::record(
            conn,
            &Event::by(actor, "intake.update", origin.ip, origin.at)
                .about("participant", &t.participant_id)
                .detail(&detail),
        )?;
        Ok(Ok(()))
    })?
}

/// Writes a new state on a trajectory and its event (inside a transaction).
#[allow(clippy::too_many_arguments)]
fn move_to(
    conn: &mut DbConn,
    actor: &Actor,
    org: &str,
    t: &Trajectory,
    to: State,
    detail: &str,
    on: NaiveDate,
    at: NaiveDateTime,
) -> DbResult<()> {
    let closed = !to.status.is_open();
    let becomes_active = to.status == TrajectoryStatus::Active && t.started_on.is_none();
    crate::direct!(conn, |c| diesel::update(
        trajectories::table
            .filter(trajectories::organisation_id.eq(org))
            .filter(trajectories::id.eq(&t.id)),
    )
    .set((
        trajectories::status.eq(to.status.code()),
        trajectories::phase.eq(to.phase),
        trajectories::started_on.eq(if becomes_active {
            Some(on)
        } else {
            t.started_on
        }),
        trajectories::ended_on.eq(if closed { Some(on) } else { None }),
        trajectories::waiting_since.eq(if to.status == TrajectoryStatus::WaitingList {
            Some(at)
        } else {
            None
        }),
        trajectories::version.eq(t.version + 1),
        trajectories::updated_at.eq(at),
    ))
    .execute(c))?;
    crate::direct!(conn, |c| diesel::insert_into(trajectory_events::table)
        .values(&TrajectoryEvent {
            id: new_id(),
            organisation_id: org.to_owned(),
            trajectory_id: t.id.clone(),
            from_status: Some(t.status.clone()),
            to_status: to.status.code().to_owned(),
            phase: to.phase,
            detail: detail.to_owned(),
            happened_on: on,
            author_id: Some(actor.user_id().to_owned()),
            created_at: at,
        })
        .execute(c))?;
    Ok(())
}

/// Moves a trajectory on (a phase, aftercare, completion, stopping, admission
/// from the waiting list). `expected_version` guards against two people
/// moving it at once; invalid transitions are refused and change nothing.
pub fn transition(
    conn: &mut DbConn,
    actor: &Actor,
    trajectory_id: &str,
    expected_version: i32,
    change: &Transition,
    on: NaiveDate,
    origin: Origin<'_>,
) -> Result<(), EditError> {
    let org = actor.organisation_id().unwrap_or_default().to_owned();
    write_tx(conn, |conn| -> Result<Result<(), EditError>, EditError> {
        let t = trajectory_in(conn, &org, trajectory_id)?;
        if let Err(e) = authorize_on(
            conn,
            actor,
            Action::EditParticipant,
            "trajectory.transition",
            &t.participant_id,
            origin,
        ) {
            return Ok(Err(e.into()));
        }
        if t.version != expected_version {
            return Ok(Err(EditError::Access(AccessError::Db(DbError::Conflict(
                "trajectory changed".into(),
            )))));
        }
        if on < t.referred_on {
            return Ok(Err(EditError::Invalid(vec![FieldError {
                field: "on",
                code: "date-out-of-range",
            }])));
        }
        let from = State {
            status: t.status.parse().map_err(|_| DbError::Invalid("status"))?,
            phase: t.phase,
        };
        let count = phase_count(conn, &org, &t.programme_id)?;
        let to = match domain::lifecycle::apply(from, change, count) {
            Ok(s) => s,
            Err(e) => {
                return Ok(Err(EditError::Invalid(vec![FieldError {
                    field: "transition",
                    code: e.code(),
                }])));
            }
        };
        let detail = match change {
            Transition::Stop { reason, success } => {
                crate::direct!(conn, |c| diesel::update(trajectories::table.find(&t.id))
                    .set((
                        trajectories::stop_reason.eq(Some(reason.code())),
                        trajectories::success.eq(Some(*success)),
                    ))
                    .execute(c))?;
                format!(
                    "{} {}",
                    reason.code(),
                    if *success { "success" } else { "" }
                )
                .trim()
                .to_owned()
            }
            Transition::Complete => {
                crate::direct!(conn, |c| diesel::update(trajectories::table.find(&t.id))
                    .set(trajectories::success.eq(Some(true)))
                    .execute(c))?;
                String::new()
            }
            _ => String::new(),
        };
        move_to(conn, actor, &org, &t, to, &detail, on, origin.at)?;
        audit::record(
            conn,
            &Event::by(actor, "trajectory.transition", origin.ip, origin.at)
                .about("participant", &t.participant_id)
                .detail(&format!("{} -> {}", t.status, to.status.code())),
        )?;
        Ok(Ok(()))
    })?
}

/// Gives a trajectory to another casemanager; her open plan steps go with it.
pub fn reassign(
    conn: &mut DbConn,
    actor: &Actor,
    trajectory_id: &str,
    casemanager_id: &str,
    origin: Origin<'_>,
) -> Result<(), EditError> {
    let org = actor.organisation_id().unwrap_or_default().to_owned();
    write_tx(conn, |conn| -> Result<Result<(), EditError>, EditError> {
        if let Err(why) = authorize(
            actor,
            Action::AssignCasemanager,
            Resource::Organisation { id: &org },
            None,
        ) {
            audit::record(
                conn,
                &super::refusal(actor, "trajectory.assign", None, why, origin),
            )?;
            return Ok(Err(AccessError::Denied(why).into()));
        }
        let t = trajectory_in(conn, &org, trajectory_id)?;
        if !casemanager_loads(conn, &org)?
            .iter()
            .any(|l| l.user_id == casemanager_id)
        {
            return Ok(Err(EditError::Invalid(vec![FieldError {
                field: "casemanager_id",
                code: "invalid-choice",
            }])));
        }
        if t.casemanager_id.as_deref() == Some(casemanager_id) {
            return Ok(Ok(()));
        }
        crate::direct!(conn, |c| diesel::update(trajectories::table.find(&t.id))
            .set((
                trajectories::casemanager_id.eq(Some(casemanager_id)),
                trajectories::seen_by_casemanager.eq(false),
                trajectories::assigned_at.eq(Some(origin.at)),
                trajectories::version.eq(t.version + 1),
                trajectories::updated_at.eq(origin.at),
            ))
            .execute(c))?;
        let plan_ids: Vec<String> = crate::direct!(conn, |c| plans::table
            .filter(plans::organisation_id.eq(&org))
            .filter(plans::trajectory_id.eq(&t.id))
            .select(plans::id)
            .load(c))?;
        let moved = crate::direct!(conn, |c| diesel::update(
            plan_steps::table
                .filter(plan_steps::organisation_id.eq(&org))
                .filter(plan_steps::plan_id.eq_any(&plan_ids))
                .filter(plan_steps::status.eq("open"))
                .filter(plan_steps::owner.eq("casemanager")),
        )
        .set((
            plan_steps::assignee_id.eq(Some(casemanager_id)),
            plan_steps::updated_at.eq(origin.at),
        ))
        .execute(c))?;
        audit::record(
            conn,
            &Event::by(actor, "trajectory.assign", origin.ip, origin.at)
                .about("participant", &t.participant_id)
                .detail(&format!(
                    "casemanager {casemanager_id}; {moved} open steps moved"
                )),
        )?;
        Ok(Ok(()))
    })?
}
