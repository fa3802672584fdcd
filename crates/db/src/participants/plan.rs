//! The guidance plan of a trajectory (GPMI/PIIS content): needs assessment,
//! goals per life domain in her words, commitments of each party, steps with
//! an owner and a due date, the dates offered and signed, and evaluations
//! scheduled from the plan's rhythm. Reads are recorded; every change is
//! authorised as an edit of her file and recorded by field, never by value.

use super::file::{EditError, authorize_on, invalid};
use super::trajectory::trajectory_in;
use super::{AccessError, Origin, casemanagers_of, refusal};
use crate::audit::{self, Event};
use crate::backend::write_tx;
use crate::error::{DbError, DbResult};
use crate::models::*;
use crate::pool::DbConn;
use crate::schema::*;
use chrono::NaiveDate;
use diesel::prelude::*;
use domain::participant::LifeDomain;
use domain::plan::{CommitmentParty, Progress, StepOwner, StepStatus};
use domain::policy::{Action, Actor, Resource, authorize};
use std::collections::BTreeMap;

/// A plan as its page shows it, with what the rules say about it.
#[derive(Debug, Clone)]
pub struct PlanView {
    pub trajectory: Trajectory,
    pub participant: Participant,
    pub programme: String,
    pub plan: Option<Plan>,
    pub goals: Vec<PlanGoal>,
    pub commitments: Vec<PlanCommitment>,
    pub steps: Vec<PlanStep>,
    pub evaluations: Vec<PlanEvaluation>,
    /// Scheduled evaluation dates (moved off weekends and holidays).
    pub schedule: Vec<NaiveDate>,
    /// Signed before the five days of reflection were over.
    pub signed_early: bool,
    /// The plan ends within a month.
    pub ends_soon: bool,
    /// In the last year: (evaluations, of which in person), and whether the
    /// GPMI minimum (3, of which 2 in person) is met.
    pub last_year: (usize, usize, bool),
}

fn plan_of(conn: &mut DbConn, org: &str, trajectory_id: &str) -> DbResult<Option<Plan>> {
    Ok(crate::direct!(conn, |c| plans::table
        .filter(plans::organisation_id.eq(org))
        .filter(plans::trajectory_id.eq(trajectory_id))
        .order(plans::created_at.desc())
        .select(Plan::as_select())
        .first(c))
    .optional()?)
}

/// Opens the plan of a trajectory (or what is needed to draw one up).
pub fn view(
    conn: &mut DbConn,
    actor: &Actor,
    trajectory_id: &str,
    today: NaiveDate,
    origin: Origin<'_>,
) -> Result<PlanView, EditError> {
    let org = actor.organisation_id().unwrap_or_default().to_owned();
    let read = conn.transaction(|conn| -> Result<Result<PlanView, EditError>, EditError> {
        let t = trajectory_in(conn, &org, trajectory_id)?;
        let cms = casemanagers_of(conn, &org, &t.participant_id)?;
        if let Err(why) = authorize(
            actor,
            Action::ReadParticipantFile,
            Resource::Participant {
                organisation_id: &org,
                casemanager_ids: &cms,
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
        let programme: String = crate::direct!(conn, |c| programmes::table
            .filter(programmes::id.eq(&t.programme_id))
            .select(programmes::name)
            .first(c))?;
        let plan = plan_of(conn, &org, &t.id)?;
        let (goals, commitments, steps, evaluations) = match &plan {
            Some(p) => (
                crate::direct!(conn, |c| plan_goals::table
                    .filter(plan_goals::organisation_id.eq(&org))
                    .filter(plan_goals::plan_id.eq(&p.id))
                    .order(plan_goals::position)
                    .select(PlanGoal::as_select())
                    .load(c))?,
                crate::direct!(conn, |c| plan_commitments::table
                    .filter(plan_commitments::organisation_id.eq(&org))
                    .filter(plan_commitments::plan_id.eq(&p.id))
                    .select(PlanCommitment::as_select())
                    .load(c))?,
                crate::direct!(conn, |c| plan_steps::table
                    .filter(plan_steps::organisation_id.eq(&org))
                    .filter(plan_steps::plan_id.eq(&p.id))
                    .order((plan_steps::due_on, plan_steps::created_at))
                    .select(PlanStep::as_select())
                    .load(c))?,
                crate::direct!(conn, |c| plan_evaluations::table
                    .filter(plan_evaluations::organisation_id.eq(&org))
                    .filter(plan_evaluations::plan_id.eq(&p.id))
                    .order(plan_evaluations::held_on)
                    .select(PlanEvaluation::as_select())
                    .load(c))?,
            ),
            None => Default::default(),
        };
        let (schedule, signed_early, ends_soon) = match &plan {
            Some(p) => (
                domain::plan::evaluation_schedule(
                    p.starts_on,
                    p.ends_on,
                    p.rhythm_months.clamp(1, 12) as u32,
                ),
                matches!((p.offered_on, p.signed_on), (Some(o), Some(s)) if domain::plan::signed_within_reflection(o, s)),
                domain::plan::end_reminder_due(p.ends_on, today),
            ),
            None => (Vec::new(), false, false),
        };
        let held: Vec<(NaiveDate, bool)> =
            evaluations.iter().map(|e| (e.held_on, e.in_person)).collect();
        let minimum =
            domain::plan::Minimum::of(&held, today - chrono::Duration::days(365), today);
        Ok(Ok(PlanView {
            trajectory: t,
            participant,
            programme,
            plan,
            goals,
            commitments,
            steps,
            evaluations,
            schedule,
            signed_early,
            ends_soon,
            last_year: (minimum.evaluations, minimum.in_person, minimum.met()),
        }))
    })?;
    match read {
        Ok(v) => {
            origin.record(
                conn,
                &[Event::by(actor, "plan.read", origin.ip, origin.at)
                    .about("participant", &v.participant.id)
                    .detail(trajectory_id)],
            )?;
            Ok(v)
        }
        Err(EditError::Access(AccessError::Denied(why))) => {
            origin.record(conn, &[refusal(actor, "plan.read", None, why, origin)])?;
            Err(AccessError::Denied(why).into())
        }
        Err(e) => Err(e),
    }
}

/// The plan's header as typed.
#[derive(Debug, Clone)]
pub struct Header {
    pub is_gpmi: bool,
    pub needs_assessment: String,
    pub offered_on: Option<NaiveDate>,
    pub signed_on: Option<NaiveDate>,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub rhythm_months: i32,
}

/// One change of a plan.
#[derive(Debug, Clone)]
pub enum Change {
    /// Create the plan or change its header, made on `version` (0: new).
    Header {
        header: Header,
        version: i32,
    },
    Goal {
        domain: LifeDomain,
        wording: String,
    },
    Commitment {
        party: CommitmentParty,
        party_name: String,
        wording: String,
    },
    Step {
        goal_id: Option<String>,
        owner: StepOwner,
        partner_name: String,
        description: String,
        due_on: Option<NaiveDate>,
    },
    StepStatus {
        step_id: String,
        status: StepStatus,
    },
    Evaluation {
        held_on: NaiveDate,
        in_person: bool,
        note: String,
        progress: BTreeMap<String, Progress>,
    },
}

fn text(field: &'static str, t: &str, max: usize, required: bool) -> Result<String, EditError> {
    let t = t.trim();
    if required && t.is_empty() {
        return Err(invalid(field, "required"));
    }
    if t.chars().count() > max {
        return Err(invalid(field, "too-long"));
    }
    Ok(t.to_owned())
}

/// Applies one change; returns what the trail records (field names).
pub fn change(
    conn: &mut DbConn,
    actor: &Actor,
    trajectory_id: &str,
    change: &Change,
    origin: Origin<'_>,
) -> Result<(), EditError> {
    let org = actor.organisation_id().unwrap_or_default().to_owned();
    let today = domain::clock::brussels_date(origin.at.and_utc());
    write_tx(conn, |conn| -> Result<Result<(), EditError>, EditError> {
        let t = trajectory_in(conn, &org, trajectory_id)?;
        if let Err(e) = authorize_on(
            conn,
            actor,
            Action::EditParticipant,
            "plan.update",
            &t.participant_id,
            origin,
        ) {
            return Ok(Err(e.into()));
        }
        let plan = plan_of(conn, &org, &t.id)?;
        let need_plan = || invalid("plan", "plan-missing");
        let outcome: Result<String, EditError> = (|| match change {
            Change::Header { header, version } => {
                let h = header;
                if h.ends_on < h.starts_on {
                    return Err(invalid("ends_on", "date-out-of-range"));
                }
                if h.signed_on.is_some_and(|s| s > today)
                    || h.offered_on
                        .is_some_and(|o| Some(o) > h.signed_on && h.signed_on.is_some())
                {
                    return Err(invalid("signed_on", "date-out-of-range"));
                }
                if !(1..=12).contains(&h.rhythm_months) {
                    return Err(invalid("rhythm_months", "invalid-choice"));
                }
                let needs = text("needs_assessment", &h.needs_assessment, 8000, false)?;
                match &plan {
                    None => {
                        crate::direct!(conn, |c| diesel::insert_into(plans::table)
                            .values(&Plan {
                                id: new_id(),
                                organisation_id: org.clone(),
                                trajectory_id: t.id.clone(),
                                is_gpmi: h.is_gpmi,
                                needs_assessment: needs,
                                offered_on: h.offered_on,
                                signed_on: h.signed_on,
                                starts_on: h.starts_on,
                                ends_on: h.ends_on,
                                rhythm_months: h.rhythm_months,
                                version: 1,
                                created_at: origin.at,
                                updated_at: origin.at,
                            })
                            .execute(c))?;
                        Ok("plan created".into())
                    }
                    Some(p) => {
                        if p.version != *version {
                            return Err(EditError::Access(AccessError::Db(DbError::Conflict(
                                "plan changed".into(),
                            ))));
                        }
                        crate::direct!(conn, |c| diesel::update(plans::table.find(&p.id))
                            .set((
                                plans::is_gpmi.eq(h.is_gpmi),
                                plans::needs_assessment.eq(needs),
                                plans::offered_on.eq(h.offered_on),
                                plans::signed_on.eq(h.signed_on),
                                plans::starts_on.eq(h.starts_on),
                                plans::ends_on.eq(h.ends_on),
                                plans::rhythm_months.eq(h.rhythm_months),
                                plans::version.eq(p.version + 1),
                                plans::updated_at.eq(origin.at),
                            ))
                            .execute(c))?;
                        Ok("plan header".into())
                    }
                }
            }
            Change::Goal { domain, wording } => {
                let p = plan.as_ref().ok_or_else(need_plan)?;
                let wording = text("goal_wording", wording, 2000, true)?;
                let position: i64 = crate::direct!(conn, |c| plan_goals::table
                    .filter(plan_goals::plan_id.eq(&p.id))
                    .count()
                    .get_result(c))?;
                crate::direct!(conn, |c| diesel::insert_into(plan_goals::table)
                    .values(&PlanGoal {
                        id: new_id(),
                        organisation_id: org.clone(),
                        plan_id: p.id.clone(),
                        domain: domain.code().into(),
                        wording,
                        position: position as i32 + 1,
                    })
                    .execute(c))?;
                Ok(format!("goal {}", domain.code()))
            }
            Change::Commitment {
                party,
                party_name,
                wording,
            } => {
                let p = plan.as_ref().ok_or_else(need_plan)?;
                let wording = text("commitment_wording", wording, 2000, true)?;
                let party_name = text(
                    "party_name",
                    party_name,
                    200,
                    *party == CommitmentParty::ThirdParty,
                )?;
                crate::direct!(conn, |c| diesel::insert_into(plan_commitments::table)
                    .values(&PlanCommitment {
                        id: new_id(),
                        organisation_id: org.clone(),
                        plan_id: p.id.clone(),
                        party: party.code().into(),
                        party_name,
                        wording,
                    })
                    .execute(c))?;
                Ok(format!("commitment {}", party.code()))
            }
            Change::Step {
                goal_id,
                owner,
                partner_name,
                description,
                due_on,
            } => {
                let p = plan.as_ref().ok_or_else(need_plan)?;
                let description = text("step_description", description, 2000, true)?;
                let partner_name = text(
                    "partner_name",
                    partner_name,
                    200,
                    *owner == StepOwner::Partner,
                )?;
                if let Some(g) = goal_id {
                    let ok: i64 = crate::direct!(conn, |c| plan_goals::table
                        .filter(plan_goals::plan_id.eq(&p.id))
                        .filter(plan_goals::id.eq(g))
                        .count()
                        .get_result(c))?;
                    if ok == 0 {
                        return Err(invalid("goal_id", "invalid-choice"));
                    }
                }
                crate::direct!(conn, |c| diesel::insert_into(plan_steps::table)
                    .values(&PlanStep {
                        id: new_id(),
                        organisation_id: org.clone(),
                        plan_id: p.id.clone(),
                        goal_id: goal_id.clone(),
                        owner: owner.code().into(),
                        assignee_id: if *owner == StepOwner::Casemanager {
                            t.casemanager_id.clone()
                        } else {
                            None
                        },
                        partner_name,
                        description,
                        due_on: *due_on,
                        status: StepStatus::Open.code().into(),
                        created_at: origin.at,
                        updated_at: origin.at,
                    })
                    .execute(c))?;
                Ok(format!("step {}", owner.code()))
            }
            Change::StepStatus { step_id, status } => {
                let p = plan.as_ref().ok_or_else(need_plan)?;
                let n = crate::direct!(conn, |c| diesel::update(
                    plan_steps::table
                        .filter(plan_steps::plan_id.eq(&p.id))
                        .filter(plan_steps::id.eq(step_id)),
                )
                .set((
                    plan_steps::status.eq(status.code()),
                    plan_steps::updated_at.eq(origin.at),
                ))
                .execute(c))?;
                if n == 0 {
                    return Err(EditError::Access(AccessError::Db(DbError::NotFound(
                        "step",
                    ))));
                }
                Ok(format!("step {}", status.code()))
            }
            Change::Evaluation {
                held_on,
                in_person,
                note,
                progress,
            } => {
                let p = plan.as_ref().ok_or_else(need_plan)?;
                if *held_on > today || *held_on < p.starts_on {
                    return Err(invalid("held_on", "date-out-of-range"));
                }
                let note = text("evaluation_note", note, 8000, false)?;
                let progress: BTreeMap<&String, &'static str> =
                    progress.iter().map(|(g, v)| (g, v.code())).collect();
                crate::direct!(conn, |c| diesel::insert_into(plan_evaluations::table)
                    .values(&PlanEvaluation {
                        id: new_id(),
                        organisation_id: org.clone(),
                        plan_id: p.id.clone(),
                        held_on: *held_on,
                        in_person: *in_person,
                        progress: serde_json::to_string(&progress).unwrap_or_default(),
                        note,
                        author_id: Some(actor.user_id().to_owned()),
                        created_at: origin.at,
                    })
                    .execute(c))?;
                Ok(format!(
                    "evaluation {}",
                    if *in_person { "in person" } else { "remote" }
                ))
            }
        })();
        let detail = match outcome {
            Ok(d) => d,
            Err(EditError::Access(AccessError::Db(e))) => return Err(e.into()),
            Err(e) => return Ok(Err(e)),
        };
        audit::record(
            conn,
            &Event::by(actor, "plan.update", origin.ip, origin.at)
                .about("participant", &t.participant_id)
                .detail(&detail),
        )?;
        Ok(Ok(()))
    })?
}

/// The content of the federal PIIS forms (contract and evaluations) as
/// data: what an OCMW transmits, built from the plan.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Piis {
    pub contract: PiisContract,
    pub evaluations: Vec<PiisEvaluation>,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct PiisContract {
    pub national_number: Option<String>,
    pub first_name: String,
    pub last_name: String,
    pub offered_on: Option<NaiveDate>,
    pub signed_on: Option<NaiveDate>,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub needs_assessment: String,
    /// Areas of action: the life domains of the goals, with her goals.
    pub areas: Vec<PiisArea>,
    pub commitments_person: Vec<String>,
    pub commitments_ocmw: Vec<String>,
    pub commitments_third_parties: Vec<(String, String)>,
    pub external_partners: Vec<String>,
    pub evaluation_rhythm_months: i32,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct PiisArea {
    pub domain: String,
    pub goals: Vec<String>,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct PiisEvaluation {
    pub held_on: NaiveDate,
    pub in_person: bool,
    pub progress: BTreeMap<String, String>,
    pub note: String,
}

/// The PIIS export of a plan: its reader must be allowed the sensitive
/// facts (it carries the national number); recorded.
pub fn piis(
    conn: &mut DbConn,
    actor: &Actor,
    trajectory_id: &str,
    today: NaiveDate,
    origin: Origin<'_>,
) -> Result<Piis, EditError> {
    let v = view(conn, actor, trajectory_id, today, origin)?;
    let org = actor.organisation_id().unwrap_or_default().to_owned();
    let cms = casemanagers_of(conn, &org, &v.participant.id)?;
    if let Err(why) = authorize(
        actor,
        Action::ReadSensitive,
        Resource::Participant {
            organisation_id: &org,
            casemanager_ids: &cms,
            facilitator_ids: &[],
        },
        None,
    ) {
        origin.record(conn, &[refusal(actor, "plan.export", None, why, origin)])?;
        return Err(AccessError::Denied(why).into());
    }
    let Some(plan) = v.plan else {
        return Err(EditError::Access(AccessError::Db(DbError::NotFound(
            "plan",
        ))));
    };
    let national_number: Option<String> = crate::direct!(conn, |c| participant_sensitive::table
        .find(&v.participant.id)
        .select(participant_sensitive::national_number)
        .first::<Option<String>>(c))
    .optional()?
    .flatten();
    let mut areas: Vec<PiisArea> = Vec::new();
    for g in &v.goals {
        match areas.iter_mut().find(|a| a.domain == g.domain) {
            Some(a) => a.goals.push(g.wording.clone()),
            None => areas.push(PiisArea {
                domain: g.domain.clone(),
                goals: vec![g.wording.clone()],
            }),
        }
    }
    let by = |party: &str| -> Vec<String> {
        v.commitments
            .iter()
            .filter(|c| c.party == party)
            .map(|c| c.wording.clone())
            .collect()
    };
    let mut partners: Vec<String> = v
        .commitments
        .iter()
        .filter(|c| c.party == "third_party")
        .map(|c| c.party_name.clone())
        .chain(
            v.steps
                .iter()
                .filter(|s| s.owner == "partner")
                .map(|s| s.partner_name.clone()),
        )
        .filter(|p| !p.is_empty())
        .collect();
    partners.sort();
    partners.dedup();
    let out = Piis {
        contract: PiisContract {
            national_number,
            first_name: v.participant.first_name,
            last_name: v.participant.last_name,
            offered_on: plan.offered_on,
            signed_on: plan.signed_on,
            starts_on: plan.starts_on,
            ends_on: plan.ends_on,
            needs_assessment: plan.needs_assessment,
            areas,
            commitments_person: by("participant"),
            commitments_ocmw: by("ocmw"),
            commitments_third_parties: v
                .commitments
                .iter()
                .filter(|c| c.party == "third_party")
                .map(|c| (c.party_name.clone(), c.wording.clone()))
                .collect(),
            external_partners: partners,
            evaluation_rhythm_months: plan.rhythm_months,
        },
        evaluations: v
            .evaluations
            .iter()
            .map(|e| PiisEvaluation {
                held_on: e.held_on,
                in_person: e.in_person,
                progress: serde_json::from_str(&e.progress).unwrap_or_default(),
                note: e.note.clone(),
            })
            .collect(),
    };
    origin.record(
        conn,
        &[Event::by(actor, "plan.export", origin.ip, origin.at)
            .about("participant", &v.participant.id)
            .detail("piis")],
    )?;
    Ok(out)
}
