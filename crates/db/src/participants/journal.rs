//! The contact journal: individual contacts wherever they happen, with the
//! life domains touched, an interpreter or mediator, a note that may be
//! confidential, and a follow-up that lands on the plan or the dashboard.

use super::Origin;
use super::file::{EditError, authorize_on};
use crate::audit::{self, Event};
use crate::backend::write_tx;
use crate::models::*;
use crate::pool::DbConn;
use crate::schema::*;
use chrono::NaiveDate;
use diesel::prelude::*;
use domain::participant::{ContactMode, FieldError, LifeDomain};
use domain::policy::{Action, Actor};

/// A contact to record.
#[derive(Debug, Clone)]
pub struct NewContact {
    pub written_on: NaiveDate,
    pub duration_minutes: Option<i32>,
    pub mode: ContactMode,
    pub domains: Vec<LifeDomain>,
    pub interpreter: bool,
    pub mediator: bool,
    pub confidential: bool,
    pub body: String,
    /// A follow-up action: becomes a step of her current plan when she has
    /// one, else the next contact on the casemanager's dashboard.
    pub follow_up: String,
    pub follow_up_on: Option<NaiveDate>,
}

impl NewContact {
    pub fn check(&self, today: NaiveDate) -> Result<(), EditError> {
        let mut errors = Vec::new();
        if self.mode == ContactMode::TeamReview {
            // Filed by a team meeting, never typed as a contact.
            errors.push(FieldError {
                field: "mode",
                code: "invalid-choice",
            });
        }
        if self.written_on > today {
            errors.push(FieldError {
                field: "written_on",
                code: "date-out-of-range",
            });
        }
        if self
            .duration_minutes
            .is_some_and(|m| !(1..=720).contains(&m))
        {
            errors.push(FieldError {
                field: "duration_minutes",
                code: "invalid-duration",
            });
        }
        let body = self.body.trim();
        if body.is_empty() {
            errors.push(FieldError {
                field: "body",
                code: "required",
            });
        } else if body.chars().count() > 8000 {
            errors.push(FieldError {
                field: "body",
                code: "too-long",
            });
        }
        if self.follow_up_on.is_some_and(|d| d < self.written_on) {
            errors.push(FieldError {
                field: "follow_up_on",
                code: "date-out-of-range",
            });
        }
        if !self.follow_up.trim().is_empty() && self.follow_up_on.is_none() {
            errors.push(FieldError {
                field: "follow_up_on",
                code: "required",
            });
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(EditError::Invalid(errors))
        }
    }
}

/// Records a contact; returns its id.
pub fn add(
    conn: &mut DbConn,
    actor: &Actor,
    participant_id: &str,
    contact: &NewContact,
    origin: Origin<'_>,
) -> Result<String, EditError> {
    let today = domain::clock::brussels_date(origin.at.and_utc());
    contact.check(today)?;
    write_tx(
        conn,
        |conn| -> Result<Result<String, EditError>, EditError> {
            let (org, _) = match authorize_on(
                conn,
                actor,
                Action::EditParticipant,
                "journal.add",
                participant_id,
                origin,
            ) {
                Ok(x) => x,
                Err(e) => return Ok(Err(e.into())),
            };
            let id = new_id();
            let follow_up = contact.follow_up.trim();
            // The newest plan of an open trajectory takes the follow-up as a step.
            let plan: Option<String> = if follow_up.is_empty() {
                None
            } else {
                crate::direct!(conn, |c| plans::table
                    .inner_join(trajectories::table.on(trajectories::id.eq(plans::trajectory_id)))
                    .filter(plans::organisation_id.eq(&org))
                    .filter(trajectories::participant_id.eq(participant_id))
                    .filter(crate::participants::trajectory::open())
                    .order(plans::starts_on.desc())
                    .select(plans::id)
                    .first(c))
                .optional()?
            };
            crate::direct!(conn, |c| diesel::insert_into(journal_entries::table)
                .values(&JournalEntry {
                    id: id.clone(),
                    organisation_id: org.clone(),
                    participant_id: participant_id.to_owned(),
                    author_id: Some(actor.user_id().to_owned()),
                    confidential: contact.confidential,
                    body: contact.body.trim().to_owned(),
                    written_on: contact.written_on,
                    created_at: origin.at,
                    duration_minutes: contact.duration_minutes,
                    mode: contact.mode.code().to_owned(),
                    domains: contact
                        .domains
                        .iter()
                        .map(|d| d.code())
                        .collect::<Vec<_>>()
                        .join(","),
                    interpreter: contact.interpreter,
                    mediator: contact.mediator,
                    next_contact_on: if plan.is_none() {
                        contact.follow_up_on
                    } else {
                        None
                    },
                })
                .execute(c))?;
            if let Some(plan_id) = &plan {
                crate::direct!(conn, |c| diesel::insert_into(plan_steps::table)
                    .values(&PlanStep {
                        id: new_id(),
                        organisation_id: org.clone(),
                        plan_id: plan_id.clone(),
                        goal_id: None,
                        owner: "casemanager".into(),
                        assignee_id: Some(actor.user_id().to_owned()),
                        partner_name: String::new(),
                        description: follow_up.to_owned(),
                        due_on: contact.follow_up_on,
                        status: "open".into(),
                        created_at: origin.at,
                        updated_at: origin.at,
                    })
                    .execute(c))?;
            }
            audit::record(
                conn,
                &Event::by(actor, "journal.add", origin.ip, origin.at)
                    .about("participant", participant_id)
                    .detail(&format!(
                        "{}{}{}",
                        contact.mode.code(),
                        if contact.confidential {
                            " confidential"
                        } else {
                            ""
                        },
                        if plan.is_some() { " +plan step" } else { "" }
                    )),
            )?;
            Ok(Ok(id))
        },
    )?
}
