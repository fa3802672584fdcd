//! Team, steering and partner meetings: who came (staff and partners), the
//! agenda, decisions with an owner and a due day that land on the owner's
//! dashboard, and, for a team meeting about a group, the review of its
//! participants one by one with a note filed in each one's journal.

use crate::audit::{self, Event};
use crate::backend::write_tx;
use crate::error::{DbError, DbResult};
use crate::models::{JournalEntry, new_id};
use crate::participants::file::authorize_on;
use crate::participants::{AccessError, Origin};
use crate::pool::DbConn;
use crate::schema::*;
use chrono::NaiveDate;
use diesel::prelude::*;
use domain::network::MeetingKind;
use domain::participant::{ContactMode, FieldError};
use domain::policy::{Action, Actor, Resource, authorize};
use std::collections::HashMap;

/// A decision as typed in.
#[derive(Debug, Clone, Default)]
pub struct DecisionInput {
    pub decision: String,
    pub owner_id: Option<String>,
    pub due_on: Option<NaiveDate>,
}

/// A meeting as typed in.
#[derive(Debug, Clone)]
pub struct MeetingInput {
    pub kind: String,
    pub held_on: NaiveDate,
    pub title: String,
    pub agenda: String,
    pub staff_ids: Vec<String>,
    pub partner_ids: Vec<String>,
    /// Other attendees by name, one per line.
    pub others: String,
    /// A team meeting that reviews this group's participants.
    pub group_id: Option<String>,
    pub decisions: Vec<DecisionInput>,
}

#[derive(Debug, thiserror::Error)]
pub enum MeetingError {
    #[error(transparent)]
    Access(#[from] AccessError),
    #[error("invalid input")]
    Invalid(Vec<FieldError>),
}

from_storage_errors!(MeetingError);

fn fe(field: &'static str, code: &'static str) -> FieldError {
    FieldError { field, code }
}

/// The organisation's active staff: (id, name).
pub fn staff(conn: &mut DbConn, org: &str) -> DbResult<Vec<(String, String)>> {
    Ok(memberships::table
        .inner_join(users::table)
        .filter(memberships::organisation_id.eq(org))
        .filter(users::active.eq(true))
        .order(users::display_name)
        .select((users::id, users::display_name))
        .distinct()
        .load(conn)?)
}

/// Records a meeting with its attendees and decisions; returns its id.
pub fn create(
    conn: &mut DbConn,
    actor: &Actor,
    input: &MeetingInput,
    origin: Origin<'_>,
) -> Result<String, MeetingError> {
    let org = crate::groups::require(
        conn,
        actor,
        Action::ManageMeetings,
        "meeting.create",
        origin,
    )?;
    let today = domain::clock::brussels_date(origin.at.and_utc());
    let mut errors = Vec::new();
    let kind = input.kind.parse::<MeetingKind>();
    if kind.is_err() {
        errors.push(fe("meeting_kind", "invalid-choice"));
    }
    if input.title.trim().is_empty() {
        errors.push(fe("title", "required"));
    }
    if input.held_on > today + chrono::Duration::days(366)
        || input.held_on < today - chrono::Duration::days(3 * 366)
    {
        errors.push(fe("held_on", "date-out-of-range"));
    }
    let people = staff(conn, &org)?;
    let is_staff = |id: &String| people.iter().any(|(p, _)| p == id);
    if !input.staff_ids.iter().all(is_staff) {
        errors.push(fe("staff_ids", "invalid-choice"));
    }
    let mut partner_names = Vec::new();
    for p in &input.partner_ids {
        let name: Option<String> = partners::table
            .filter(partners::id.eq(p))
            .filter(
                partners::organisation_id
                    .eq(&org)
                    .or(partners::shared.eq(true)),
            )
            .select(partners::name)
            .first(conn)
            .optional()?;
        match name {
            Some(n) => partner_names.push((p.clone(), n)),
            None => errors.push(fe("partner_ids", "invalid-choice")),
        }
    }
    if let Some(g) = &input.group_id {
        let ok: i64 = groups::table
            .filter(groups::organisation_id.eq(&org))
            .filter(groups::id.eq(g))
            .count()
            .get_result(conn)?;
        if ok == 0 || kind != Ok(MeetingKind::Team) {
            errors.push(fe("group_id", "invalid-choice"));
        }
    }
    for d in &input.decisions {
        if d.decision.trim().is_empty() {
            continue;
        }
        if d.owner_id.as_ref().is_some_and(|o| !is_staff(o)) {
            errors.push(fe("decisions", "invalid-choice"));
        }
    }
    let Ok(kind) = kind else {
        return Err(MeetingError::Invalid(errors));
    };
    if !errors.is_empty() {
        return Err(MeetingError::Invalid(errors));
    }
    write_tx(conn, |conn| -> Result<String, MeetingError> {
        let id = new_id();
        diesel::insert_into(meetings::table)
            .values((
                meetings::id.eq(&id),
                meetings::organisation_id.eq(&org),
                meetings::kind.eq(kind.code()),
                meetings::held_on.eq(input.held_on),
                meetings::title.eq(input.title.trim()),
                meetings::agenda.eq(input.agenda.trim()),
                meetings::group_id.eq(&input.group_id),
                meetings::created_by.eq(Some(actor.user_id())),
                meetings::created_at.eq(origin.at),
            ))
            .execute(conn)?;
        let mut attendees: Vec<(Option<String>, Option<String>, String)> = Vec::new();
        for s in &input.staff_ids {
            if let Some((_, name)) = people.iter().find(|(p, _)| p == s)
                && !attendees.iter().any(|a| a.0.as_ref() == Some(s))
            {
                attendees.push((Some(s.clone()), None, name.clone()));
            }
        }
        for (p, name) in &partner_names {
            attendees.push((None, Some(p.clone()), name.clone()));
        }
        for other in input
            .others
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
        {
            attendees.push((None, None, other.to_owned()));
        }
        for (user, partner, name) in attendees {
            diesel::insert_into(meeting_attendees::table)
                .values((
                    meeting_attendees::id.eq(new_id()),
                    meeting_attendees::organisation_id.eq(&org),
                    meeting_attendees::meeting_id.eq(&id),
                    meeting_attendees::user_id.eq(user),
                    meeting_attendees::partner_id.eq(partner),
                    meeting_attendees::name.eq(name),
                ))
                .execute(conn)?;
        }
        for d in input
            .decisions
            .iter()
            .filter(|d| !d.decision.trim().is_empty())
        {
            insert_decision(conn, &org, &id, d, origin)?;
        }
        audit::record(
            conn,
            &Event::by(actor, "meeting.create", origin.ip, origin.at).about("meeting", &id),
        )?;
        Ok(id)
    })
}

fn insert_decision(
    conn: &mut DbConn,
    org: &str,
    meeting_id: &str,
    d: &DecisionInput,
    origin: Origin<'_>,
) -> DbResult<String> {
    let id = new_id();
    diesel::insert_into(meeting_decisions::table)
        .values((
            meeting_decisions::id.eq(&id),
            meeting_decisions::organisation_id.eq(org),
            meeting_decisions::meeting_id.eq(meeting_id),
            meeting_decisions::decision.eq(d.decision.trim()),
            meeting_decisions::owner_id.eq(&d.owner_id),
            meeting_decisions::due_on.eq(d.due_on),
            meeting_decisions::created_at.eq(origin.at),
        ))
        .execute(conn)?;
    Ok(id)
}

/// Adds a decision to a meeting after the fact.
pub fn add_decision(
    conn: &mut DbConn,
    actor: &Actor,
    meeting_id: &str,
    d: &DecisionInput,
    origin: Origin<'_>,
) -> Result<String, MeetingError> {
    let org = crate::groups::require(
        conn,
        actor,
        Action::ManageMeetings,
        "meeting.decide",
        origin,
    )?;
    if d.decision.trim().is_empty() {
        return Err(MeetingError::Invalid(vec![fe("decision", "required")]));
    }
    let people = staff(conn, &org)?;
    if d.owner_id
        .as_ref()
        .is_some_and(|o| !people.iter().any(|(p, _)| p == o))
    {
        return Err(MeetingError::Invalid(vec![fe(
            "owner_id",
            "invalid-choice",
        )]));
    }
    write_tx(conn, |conn| -> Result<String, MeetingError> {
        let exists: i64 = meetings::table
            .filter(meetings::organisation_id.eq(&org))
            .filter(meetings::id.eq(meeting_id))
            .count()
            .get_result(conn)?;
        if exists == 0 {
            return Err(DbError::NotFound("meeting").into());
        }
        let id = insert_decision(conn, &org, meeting_id, d, origin)?;
        audit::record(
            conn,
            &Event::by(actor, "meeting.decide", origin.ip, origin.at).about("meeting", meeting_id),
        )?;
        Ok(id)
    })
}

/// Marks a decision done: by its owner (whatever her role: an
/// administrator may own one) or by those who keep meetings. Done twice is
/// done once; a refusal is recorded.
pub fn decision_done(
    conn: &mut DbConn,
    actor: &Actor,
    decision_id: &str,
    on: NaiveDate,
    origin: Origin<'_>,
) -> Result<(), AccessError> {
    let Some(org) = actor.organisation_id().map(str::to_owned) else {
        return crate::groups::require(conn, actor, Action::ReadMeetings, "meeting.done", origin)
            .map(|_| ());
    };
    let found: Option<(Option<String>, Option<NaiveDate>, String)> = meeting_decisions::table
        .filter(meeting_decisions::organisation_id.eq(&org))
        .filter(meeting_decisions::id.eq(decision_id))
        .select((
            meeting_decisions::owner_id,
            meeting_decisions::done_on,
            meeting_decisions::meeting_id,
        ))
        .first(conn)
        .optional()
        .map_err(DbError::from)?;
    let Some((owner, done, meeting)) = found else {
        return Err(DbError::NotFound("decision").into());
    };
    if owner.as_deref() != Some(actor.user_id()) {
        crate::groups::require(conn, actor, Action::ManageMeetings, "meeting.done", origin)?;
    }
    if done.is_some() {
        return Ok(());
    }
    write_tx(conn, |conn| -> Result<(), AccessError> {
        diesel::update(
            meeting_decisions::table
                .filter(meeting_decisions::id.eq(decision_id))
                .filter(meeting_decisions::done_on.is_null()),
        )
        .set(meeting_decisions::done_on.eq(Some(on)))
        .execute(conn)?;
        audit::record(
            conn,
            &Event::by(actor, "meeting.done", origin.ip, origin.at)
                .about("meeting", &meeting)
                .detail(decision_id),
        )?;
        Ok(())
    })
}

/// One line of the meetings list.
#[derive(Debug, Clone)]
pub struct MeetingLine {
    pub id: String,
    pub kind: String,
    pub held_on: NaiveDate,
    pub title: String,
    pub open_decisions: i64,
}

/// The organisation's meetings, newest first.
pub fn list(
    conn: &mut DbConn,
    actor: &Actor,
    origin: Origin<'_>,
) -> Result<Vec<MeetingLine>, AccessError> {
    let org = crate::groups::require(conn, actor, Action::ReadMeetings, "meeting.list", origin)?;
    Ok(conn.transaction(|conn| -> DbResult<Vec<MeetingLine>> {
        let rows: Vec<(String, String, NaiveDate, String)> = meetings::table
            .filter(meetings::organisation_id.eq(&org))
            .order((meetings::held_on.desc(), meetings::created_at.desc()))
            .select((
                meetings::id,
                meetings::kind,
                meetings::held_on,
                meetings::title,
            ))
            .limit(500)
            .load(conn)?;
        let open: HashMap<String, i64> = meeting_decisions::table
            .filter(meeting_decisions::organisation_id.eq(&org))
            .filter(meeting_decisions::done_on.is_null())
            .group_by(meeting_decisions::meeting_id)
            .select((meeting_decisions::meeting_id, diesel::dsl::count_star()))
            .load::<(String, i64)>(conn)?
            .into_iter()
            .collect();
        Ok(rows
            .into_iter()
            .map(|(id, kind, held_on, title)| MeetingLine {
                open_decisions: open.get(&id).copied().unwrap_or(0),
                id,
                kind,
                held_on,
                title,
            })
            .collect())
    })?)
}

/// A decision with its owner's name.
#[derive(Debug, Clone)]
pub struct Decision {
    pub id: String,
    pub meeting_id: String,
    pub meeting: String,
    pub decision: String,
    pub owner_id: Option<String>,
    pub owner: Option<String>,
    pub due_on: Option<NaiveDate>,
    pub done_on: Option<NaiveDate>,
}

/// A meeting with its attendees and decisions.
#[derive(Debug, Clone)]
pub struct Meeting {
    pub id: String,
    pub kind: String,
    pub held_on: NaiveDate,
    pub title: String,
    pub agenda: String,
    pub group_id: Option<String>,
    pub group: Option<String>,
    /// (name, is a partner).
    pub attendees: Vec<(String, bool)>,
    pub decisions: Vec<Decision>,
}

type DecisionRow = (
    String,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    Option<NaiveDate>,
    Option<NaiveDate>,
);

fn decisions(
    conn: &mut DbConn,
    org: &str,
    meeting: Option<&str>,
    owner: Option<&str>,
) -> DbResult<Vec<Decision>> {
    let mut q = meeting_decisions::table
        .inner_join(meetings::table)
        .left_join(users::table.on(users::id.nullable().eq(meeting_decisions::owner_id)))
        .filter(meeting_decisions::organisation_id.eq(org.to_owned()))
        .order((meeting_decisions::due_on, meeting_decisions::created_at))
        .select((
            meeting_decisions::id,
            meeting_decisions::meeting_id,
            meetings::title,
            meeting_decisions::decision,
            meeting_decisions::owner_id,
            users::display_name.nullable(),
            meeting_decisions::due_on,
            meeting_decisions::done_on,
        ))
        .into_boxed();
    if let Some(m) = meeting {
        q = q.filter(meeting_decisions::meeting_id.eq(m.to_owned()));
    }
    if let Some(o) = owner {
        q = q
            .filter(meeting_decisions::owner_id.eq(o.to_owned()))
            .filter(meeting_decisions::done_on.is_null());
    }
    Ok(q.load::<DecisionRow>(conn)?
        .into_iter()
        .map(|r| Decision {
            id: r.0,
            meeting_id: r.1,
            meeting: r.2,
            decision: r.3,
            owner_id: r.4,
            owner: r.5,
            due_on: r.6,
            done_on: r.7,
        })
        .collect())
}

/// One meeting of the organisation.
pub fn show(
    conn: &mut DbConn,
    actor: &Actor,
    id: &str,
    origin: Origin<'_>,
) -> Result<Meeting, AccessError> {
    let org = crate::groups::require(conn, actor, Action::ReadMeetings, "meeting.read", origin)?;
    Ok(conn.transaction(|conn| -> DbResult<Meeting> {
        let (kind, held_on, title, agenda, group_id): (
            String,
            NaiveDate,
            String,
            String,
            Option<String>,
        ) = meetings::table
            .filter(meetings::organisation_id.eq(&org))
            .filter(meetings::id.eq(id))
            .select((
                meetings::kind,
                meetings::held_on,
                meetings::title,
                meetings::agenda,
                meetings::group_id,
            ))
            .first(conn)
            .optional()?
            .ok_or(DbError::NotFound("meeting"))?;
        let group = match &group_id {
            Some(g) => groups::table
                .filter(groups::organisation_id.eq(&org))
                .filter(groups::id.eq(g))
                .select(groups::name)
                .first(conn)
                .optional()?,
            None => None,
        };
        let attendees = meeting_attendees::table
            .filter(meeting_attendees::organisation_id.eq(&org))
            .filter(meeting_attendees::meeting_id.eq(id))
            .order(meeting_attendees::name)
            .select((meeting_attendees::name, meeting_attendees::partner_id))
            .load::<(String, Option<String>)>(conn)?
            .into_iter()
            .map(|(n, p)| (n, p.is_some()))
            .collect();
        Ok(Meeting {
            decisions: decisions(conn, &org, Some(id), None)?,
            id: id.to_owned(),
            kind,
            held_on,
            title,
            agenda,
            group_id,
            group,
            attendees,
        })
    })?)
}

/// A staff member's open decisions, for the dashboard.
pub fn open_decisions_of(conn: &mut DbConn, org: &str, owner: &str) -> DbResult<Vec<Decision>> {
    decisions(conn, org, None, Some(owner))
}

/// One participant of the reviewed group, as the team sees her.
#[derive(Debug, Clone)]
pub struct ReviewLine {
    pub participant_id: String,
    pub name: String,
    /// Whether the actor may see her file (else only her name).
    pub allowed: bool,
    pub status: Option<String>,
    pub phase_code: Option<String>,
    /// Percentage of marked sessions attended.
    pub attendance: Option<i64>,
    pub open_steps: i64,
    /// The note already filed for her at this meeting.
    pub note: Option<String>,
}

/// The team review of a meeting's group: each member with her phase,
/// attendance and open plan steps, for those who may read her file (every
/// participant shown is recorded as read).
pub fn review(
    conn: &mut DbConn,
    actor: &Actor,
    meeting_id: &str,
    origin: Origin<'_>,
) -> Result<Vec<ReviewLine>, AccessError> {
    let org = crate::groups::require(conn, actor, Action::ReadMeetings, "meeting.review", origin)?;
    let found = conn.transaction(|conn| -> DbResult<_> {
        let (group, held_on): (Option<String>, NaiveDate) = meetings::table
            .filter(meetings::organisation_id.eq(&org))
            .filter(meetings::id.eq(meeting_id))
            .select((meetings::group_id, meetings::held_on))
            .first(conn)
            .optional()?
            .ok_or(DbError::NotFound("meeting"))?;
        let Some(group) = group else {
            return Ok(None);
        };
        let programme: String = groups::table
            .filter(groups::organisation_id.eq(&org))
            .filter(groups::id.eq(&group))
            .select(groups::programme_id)
            .first(conn)?;
        // Members on the meeting's day.
        let members: Vec<(String, String, String)> = group_members::table
            .inner_join(participants::table)
            .filter(group_members::organisation_id.eq(&org))
            .filter(group_members::group_id.eq(&group))
            .filter(group_members::status.eq("member"))
            .filter(
                group_members::left_on
                    .is_null()
                    .or(group_members::left_on.ge(held_on)),
            )
            .order((participants::last_name, participants::first_name))
            .select((
                participants::id,
                participants::first_name,
                participants::last_name,
            ))
            .load(conn)?;
        let ids: Vec<&String> = members.iter().map(|m| &m.0).collect();
        // Participant, status, phase, casemanager, trajectory.
        type Held = (String, String, Option<i32>, Option<String>, String);
        let trajectories: Vec<Held> = trajectories::table
            .filter(trajectories::organisation_id.eq(&org))
            .filter(trajectories::programme_id.eq(&programme))
            .filter(trajectories::participant_id.eq_any(&ids))
            .order(trajectories::referred_on)
            .select((
                trajectories::participant_id,
                trajectories::status,
                trajectories::phase,
                trajectories::casemanager_id,
                trajectories::id,
            ))
            .load(conn)?;
        let phases: HashMap<i32, String> = programme_phases::table
            .filter(programme_phases::organisation_id.eq(&org))
            .filter(programme_phases::programme_id.eq(&programme))
            .select((programme_phases::position, programme_phases::code))
            .load::<(i32, String)>(conn)?
            .into_iter()
            .collect();
        let rates = crate::groups::attendance::rates(conn, &org, &group)?;
        let trajectory_ids: Vec<&String> = trajectories.iter().map(|t| &t.4).collect();
        let steps: Vec<String> = plan_steps::table
            .inner_join(plans::table)
            .filter(plan_steps::organisation_id.eq(&org))
            .filter(plan_steps::status.eq("open"))
            .filter(plans::trajectory_id.eq_any(&trajectory_ids))
            .select(plans::trajectory_id)
            .load(conn)?;
        let notes: HashMap<String, String> = meeting_reviews::table
            .inner_join(
                journal_entries::table
                    .on(journal_entries::id.eq(meeting_reviews::journal_entry_id)),
            )
            .filter(meeting_reviews::organisation_id.eq(&org))
            .filter(meeting_reviews::meeting_id.eq(meeting_id))
            .select((meeting_reviews::participant_id, journal_entries::body))
            .load::<(String, String)>(conn)?
            .into_iter()
            .collect();
        Ok(Some((members, trajectories, phases, rates, steps, notes)))
    })?;
    let Some((members, trajectories, phases, rates, steps, mut notes)) = found else {
        return Ok(Vec::new());
    };
    let mut out = Vec::with_capacity(members.len());
    let mut reads = Vec::new();
    for (pid, first, last) in members {
        let hers: Vec<_> = trajectories.iter().filter(|t| t.0 == pid).collect();
        let casemanagers: Vec<String> = hers.iter().filter_map(|t| t.3.clone()).collect();
        let allowed = authorize(
            actor,
            Action::ReadParticipantFile,
            Resource::Participant {
                organisation_id: &org,
                casemanager_ids: &casemanagers,
                facilitator_ids: &[],
            },
            None,
        )
        .is_ok();
        let current = hers.last();
        let line = if allowed {
            reads.push(pid.clone());
            ReviewLine {
                status: current.map(|t| t.1.clone()),
                phase_code: current
                    .and_then(|t| t.2)
                    .and_then(|p| phases.get(&p).cloned()),
                attendance: rates
                    .iter()
                    .find(|r| r.participant_id == pid)
                    .and_then(|r| r.percent()),
                open_steps: steps
                    .iter()
                    .filter(|s| hers.iter().any(|t| &t.4 == *s))
                    .count() as i64,
                note: notes.remove(&pid),
                participant_id: pid,
                name: format!("{first} {last}"),
                allowed,
            }
        } else {
            ReviewLine {
                participant_id: pid,
                name: format!("{first} {last}"),
                allowed,
                status: None,
                phase_code: None,
                attendance: None,
                open_steps: 0,
                note: None,
            }
        };
        out.push(line);
    }
    let events: Vec<Event<'_>> = reads
        .iter()
        .map(|p| {
            Event::by(actor, "meeting.review", origin.ip, origin.at)
                .about("participant", p)
                .detail(meeting_id)
        })
        .collect();
    origin.record(conn, &events)?;
    Ok(out)
}

/// Files the team's note on one participant of the reviewed group in her
/// journal (once per meeting: a second note replaces the first).
pub fn file_review(
    conn: &mut DbConn,
    actor: &Actor,
    meeting_id: &str,
    participant_id: &str,
    note: &str,
    origin: Origin<'_>,
) -> Result<String, MeetingError> {
    let org = crate::groups::require(conn, actor, Action::ManageMeetings, "meeting.note", origin)?;
    let note = note.trim();
    if note.is_empty() {
        return Err(MeetingError::Invalid(vec![fe("note", "required")]));
    }
    if note.chars().count() > 4000 {
        return Err(MeetingError::Invalid(vec![fe("note", "too-long")]));
    }
    write_tx(
        conn,
        |conn| -> Result<Result<String, MeetingError>, MeetingError> {
            let (group, held_on): (Option<String>, NaiveDate) = meetings::table
                .filter(meetings::organisation_id.eq(&org))
                .filter(meetings::id.eq(meeting_id))
                .select((meetings::group_id, meetings::held_on))
                .first(conn)
                .optional()?
                .ok_or(DbError::NotFound("meeting"))?;
            let member: i64 = group_members::table
                .filter(group_members::organisation_id.eq(&org))
                .filter(group_members::group_id.eq(group.unwrap_or_default()))
                .filter(group_members::participant_id.eq(participant_id))
                .count()
                .get_result(conn)?;
            if member == 0 {
                return Err(DbError::NotFound("participant").into());
            }
            if let Err(e) = authorize_on(
                conn,
                actor,
                Action::EditParticipant,
                "meeting.note",
                participant_id,
                origin,
            ) {
                return Ok(Err(e.into()));
            }
            let existing: Option<String> = meeting_reviews::table
                .filter(meeting_reviews::organisation_id.eq(&org))
                .filter(meeting_reviews::meeting_id.eq(meeting_id))
                .filter(meeting_reviews::participant_id.eq(participant_id))
                .select(meeting_reviews::journal_entry_id)
                .first(conn)
                .optional()?;
            let entry = match existing {
                Some(entry) => {
                    diesel::update(journal_entries::table.find(&entry))
                        .set(journal_entries::body.eq(note))
                        .execute(conn)?;
                    entry
                }
                None => {
                    let entry = new_id();
                    diesel::insert_into(journal_entries::table)
                        .values(&JournalEntry {
                            id: entry.clone(),
                            organisation_id: org.clone(),
                            participant_id: participant_id.to_owned(),
                            author_id: Some(actor.user_id().to_owned()),
                            confidential: false,
                            body: note.to_owned(),
                            written_on: held_on,
                            created_at: origin.at,
                            duration_minutes: None,
                            mode: ContactMode::TeamReview.code().to_owned(),
                            domains: String::new(),
                            interpreter: false,
                            mediator: false,
                            next_contact_on: None,
                        })
                        .execute(conn)?;
                    diesel::insert_into(meeting_reviews::table)
                        .values((
                            meeting_reviews::meeting_id.eq(meeting_id),
                            meeting_reviews::participant_id.eq(participant_id),
                            meeting_reviews::organisation_id.eq(&org),
                            meeting_reviews::journal_entry_id.eq(&entry),
                        ))
                        .execute(conn)?;
                    entry
                }
            };
            audit::record(
                conn,
                &Event::by(actor, "meeting.note", origin.ip, origin.at)
                    .about("participant", participant_id)
                    .detail(meeting_id),
            )?;
            Ok(Ok(entry))
        },
    )?
}

/// The organisation's active groups a team meeting may review: (id, name).
pub fn group_choices(conn: &mut DbConn, org: &str) -> DbResult<Vec<(String, String)>> {
    Ok(groups::table
        .filter(groups::organisation_id.eq(org))
        .filter(groups::active.eq(true))
        .order(groups::name)
        .select((groups::id, groups::name))
        .load(conn)?)
}
