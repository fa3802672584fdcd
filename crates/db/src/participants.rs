//! Participant files. Every read goes through the policy and leaves an audit
//! entry in the same transaction; a refusal is recorded too.

use crate::audit::{self, Event, Outcome};
use crate::backend::write_tx;
use crate::error::{DbError, DbResult};
use crate::models::*;
use crate::pool::DbConn;
use crate::schema::*;
use chrono::NaiveDateTime;
use diesel::prelude::*;
use domain::model::Role;
use domain::policy::{Action, Actor, Denied, Resource, authorize};

#[derive(Debug, thiserror::Error)]
pub enum AccessError {
    #[error(transparent)]
    Db(#[from] DbError),
    #[error("refused: {0}")]
    Denied(Denied),
}

/// Where a request comes from, for the trail.
#[derive(Debug, Clone, Copy)]
pub struct Origin<'a> {
    pub ip: Option<&'a str>,
    pub at: NaiveDateTime,
}

/// One line of a participant list.
#[derive(Debug, Clone)]
pub struct ParticipantSummary {
    pub id: String,
    pub first_name: String,
    pub last_name: String,
    pub language: String,
}

/// A participant file as the reader may see it.
#[derive(Debug, Clone)]
pub struct ParticipantFile {
    pub participant: Participant,
    pub children: Vec<Child>,
    pub trajectories: Vec<(Trajectory, String)>,
    /// Journal lines the reader may see, newest first.
    pub journal: Vec<JournalEntry>,
    /// Confidential lines withheld from this reader.
    pub confidential_withheld: usize,
    /// Every time a coordinator broke the glass on this file: shown to all who
    /// read it, the casemanager first.
    pub glass_breaks: Vec<AuditEntry>,
}

fn record_refusal(
    conn: &mut DbConn,
    actor: &Actor,
    action: &str,
    subject: Option<&str>,
    why: Denied,
    origin: Origin<'_>,
) -> DbResult<()> {
    let event = Event::by(actor, action, origin.ip, origin.at)
        .detail(why.code())
        .outcome(Outcome::Denied);
    let event = match subject {
        Some(id) => event.about("participant", id),
        None => event,
    };
    audit::record(conn, &event)
}

type ParticipantQuery = participants::BoxedQuery<'static, <DbConn as Connection>::Backend>;

/// The participants the actor may list, as a query: a coordinator all of her
/// organisation's, a casemanager her own. The transaction commits a refusal's
/// audit entry too; the refusal is returned as a value and turned into an
/// error after the commit.
fn visible<R>(
    conn: &mut DbConn,
    actor: &Actor,
    origin: Origin<'_>,
    run: impl FnOnce(&mut DbConn, ParticipantQuery) -> DbResult<R>,
) -> Result<R, AccessError> {
    let org = actor.organisation_id().unwrap_or_default().to_owned();
    let outcome = write_tx(conn, |conn| -> DbResult<Result<R, Denied>> {
        let grant = match authorize(
            actor,
            Action::ListParticipants,
            Resource::Organisation { id: &org },
            None,
        ) {
            Ok(g) => g,
            Err(why) => {
                record_refusal(conn, actor, "participant.list", None, why, origin)?;
                return Ok(Err(why));
            }
        };
        let mut q = participants::table
            .filter(participants::organisation_id.eq(org.clone()))
            .into_boxed();
        if grant.actor().role() == Some(Role::Casemanager) {
            let mine = trajectories::table
                .filter(trajectories::organisation_id.eq(org.clone()))
                .filter(trajectories::casemanager_id.eq(actor.user_id().to_owned()))
                .select(trajectories::participant_id);
            q = q.filter(participants::id.eq_any(mine));
        }
        run(conn, q).map(Ok)
    })?;
    outcome.map_err(AccessError::Denied)
}

/// The participants the actor may list, by name.
pub fn list(
    conn: &mut DbConn,
    actor: &Actor,
    origin: Origin<'_>,
) -> Result<Vec<ParticipantSummary>, AccessError> {
    visible(conn, actor, origin, |conn, q| {
        let rows: Vec<Participant> = q
            .order((participants::last_name, participants::first_name))
            .select(Participant::as_select())
            .load(conn)?;
        Ok(rows
            .into_iter()
            .map(|p| ParticipantSummary {
                id: p.id,
                first_name: p.first_name,
                last_name: p.last_name,
                language: p.language,
            })
            .collect())
    })
}

/// How many participants the actor may list (the dashboard's caseload),
/// counted by the database.
pub fn count(conn: &mut DbConn, actor: &Actor, origin: Origin<'_>) -> Result<i64, AccessError> {
    visible(conn, actor, origin, |conn, q| {
        Ok(q.count().get_result(conn)?)
    })
}

/// Opens a file: authorised by the policy, recorded in the trail. A
/// participant of another organisation is "not found", never "forbidden", so
/// that no one learns which ids exist elsewhere.
pub fn read_file(
    conn: &mut DbConn,
    actor: &Actor,
    participant_id: &str,
    origin: Origin<'_>,
) -> Result<ParticipantFile, AccessError> {
    let org = actor.organisation_id().map(str::to_owned);
    write_tx(
        conn,
        |conn| -> DbResult<Result<ParticipantFile, AccessError>> {
            let Some(org) = org else {
                record_refusal(
                    conn,
                    actor,
                    "participant.read",
                    Some(participant_id),
                    Denied::AnalystNoRecords,
                    origin,
                )?;
                return Ok(Err(AccessError::Denied(Denied::AnalystNoRecords)));
            };
            let found = participants::table
                .filter(participants::organisation_id.eq(&org))
                .filter(participants::id.eq(participant_id))
                .select(Participant::as_select())
                .first(conn)
                .optional()?;
            let Some(participant) = found else {
                // Possibly probing another organisation's ids: worth a line in the trail.
                record_refusal(
                    conn,
                    actor,
                    "participant.read",
                    Some(participant_id),
                    Denied::OtherOrganisation,
                    origin,
                )?;
                return Ok(Err(AccessError::Db(DbError::NotFound("participant"))));
            };
            let trajectories: Vec<(Trajectory, String)> = trajectories::table
                .inner_join(programmes::table.on(programmes::id.eq(trajectories::programme_id)))
                .filter(trajectories::organisation_id.eq(&org))
                .filter(trajectories::participant_id.eq(participant_id))
                .select((Trajectory::as_select(), programmes::name))
                .load(conn)?;
            let casemanagers: Vec<String> = trajectories
                .iter()
                .filter_map(|(t, _)| t.casemanager_id.clone())
                .collect();
            let resource = Resource::Participant {
                organisation_id: &org,
                casemanager_ids: &casemanagers,
                facilitator_ids: &[],
            };
            if let Err(why) = authorize(actor, Action::ReadParticipantFile, resource, None) {
                record_refusal(
                    conn,
                    actor,
                    "participant.read",
                    Some(participant_id),
                    why,
                    origin,
                )?;
                return Ok(Err(AccessError::Denied(why)));
            }
            let journal: Vec<JournalEntry> = journal_entries::table
                .filter(journal_entries::organisation_id.eq(&org))
                .filter(journal_entries::participant_id.eq(participant_id))
                .order((
                    journal_entries::written_on.desc(),
                    journal_entries::created_at.desc(),
                ))
                .select(JournalEntry::as_select())
                .load(conn)?;
            let confidential = Resource::Confidential {
                organisation_id: &org,
                casemanager_ids: &casemanagers,
            };
            let sees_confidential =
                authorize(actor, Action::ReadConfidential, confidential, None).is_ok();
            let withheld = if sees_confidential {
                0
            } else {
                journal.iter().filter(|j| j.confidential).count()
            };
            let shown_confidential = sees_confidential && journal.iter().any(|j| j.confidential);
            let journal: Vec<JournalEntry> = journal
                .into_iter()
                .filter(|j| sees_confidential || !j.confidential)
                .collect();
            let glass_breaks: Vec<AuditEntry> = audit_log::table
                .filter(audit_log::organisation_id.eq(&org))
                .filter(audit_log::subject_id.eq(participant_id))
                .filter(audit_log::action.eq(BREAK_GLASS))
                .filter(audit_log::outcome.eq(Outcome::Success.code()))
                .order(audit_log::seq.desc())
                .select(AuditEntry::as_select())
                .load(conn)?;
            if shown_confidential {
                audit::record(
                    conn,
                    &Event::by(actor, "confidential.read", origin.ip, origin.at)
                        .about("participant", participant_id)
                        .detail("journal"),
                )?;
            }
            let children: Vec<Child> = children::table
                .filter(children::organisation_id.eq(&org))
                .filter(children::participant_id.eq(participant_id))
                .order(children::birth_date)
                .select(Child::as_select())
                .load(conn)?;
            audit::record(
                conn,
                &Event::by(actor, "participant.read", origin.ip, origin.at)
                    .about("participant", participant_id),
            )?;
            Ok(Ok(ParticipantFile {
                participant,
                children,
                trajectories,
                journal,
                confidential_withheld: withheld,
                glass_breaks,
            }))
        },
    )?
}

/// The audit action of a coordinator breaking the glass.
pub const BREAK_GLASS: &str = "confidential.break_glass";

/// A coordinator reads confidential journal lines she is not assigned to,
/// giving a reason. The policy decides; the reason goes into the trail, where
/// the file shows it to everyone who reads it, the casemanager first.
pub fn break_glass(
    conn: &mut DbConn,
    actor: &Actor,
    participant_id: &str,
    reason: &str,
    origin: Origin<'_>,
) -> Result<Vec<JournalEntry>, AccessError> {
    let Some(org) = actor.organisation_id().map(str::to_owned) else {
        return Err(AccessError::Denied(Denied::AnalystNoRecords));
    };
    write_tx(
        conn,
        |conn| -> DbResult<Result<Vec<JournalEntry>, AccessError>> {
            let exists: i64 = participants::table
                .filter(participants::organisation_id.eq(&org))
                .filter(participants::id.eq(participant_id))
                .count()
                .get_result(conn)?;
            if exists == 0 {
                return Ok(Err(AccessError::Db(DbError::NotFound("participant"))));
            }
            let casemanagers: Vec<String> = trajectories::table
                .filter(trajectories::organisation_id.eq(&org))
                .filter(trajectories::participant_id.eq(participant_id))
                .select(trajectories::casemanager_id)
                .load::<Option<String>>(conn)?
                .into_iter()
                .flatten()
                .collect();
            let resource = Resource::Confidential {
                organisation_id: &org,
                casemanager_ids: &casemanagers,
            };
            let grant = match authorize(actor, Action::ReadConfidential, resource, Some(reason)) {
                Ok(g) => g,
                Err(why) => {
                    record_refusal(conn, actor, BREAK_GLASS, Some(participant_id), why, origin)?;
                    return Ok(Err(AccessError::Denied(why)));
                }
            };
            let entries: Vec<JournalEntry> = journal_entries::table
                .filter(journal_entries::organisation_id.eq(&org))
                .filter(journal_entries::participant_id.eq(participant_id))
                .filter(journal_entries::confidential.eq(true))
                .order(journal_entries::written_on.desc())
                .select(JournalEntry::as_select())
                .load(conn)?;
            // The file shows this entry to the casemanager: record a name, not an id.
            let name = crate::access::user_by_id(conn, actor.user_id())?.display_name;
            audit::record(
                conn,
                &Event {
                    organisation_id: Some(&org),
                    actor_user_id: Some(actor.user_id()),
                    actor_label: &name,
                    action: if grant.break_glass().is_some() {
                        BREAK_GLASS
                    } else {
                        "confidential.read"
                    },
                    subject_type: Some("participant"),
                    subject_id: Some(participant_id),
                    detail: grant.break_glass().unwrap_or("journal"),
                    outcome: Outcome::Success,
                    ip: origin.ip,
                    at: origin.at,
                },
            )?;
            Ok(Ok(entries))
        },
    )?
}
