//! Sessions of a group: a series planned around holidays and school hours
//! (previewed before saving), conflicts, cancellation, the week of a
//! facilitator.

use super::{GroupError, invalid, open_to_manage};
use crate::audit::{self, Event};
use crate::backend::write_tx;
use crate::error::DbResult;
use crate::models::*;
use crate::participants::Origin;
use crate::pool::DbConn;
use crate::schema::*;
use chrono::{Duration, NaiveDate, NaiveTime};
use diesel::prelude::*;
use domain::groups::{
    ChildCounts, Conflict, Planned, RoomFacts, SeriesRequest, SessionKind, Slot, child_counts,
    plan_series, session_conflicts,
};
use domain::participant::FieldError;
use domain::policy::Actor;

/// What every session of a series shares.
#[derive(Debug, Clone)]
pub struct SessionDetails {
    pub kind: SessionKind,
    pub theme: String,
    pub room_id: Option<String>,
    pub facilitator_ids: Vec<String>,
    pub interpreter_needed: bool,
    pub guest_partner: String,
    pub practice_id: Option<String>,
    pub notes: String,
}

fn series_error(e: domain::groups::SeriesError) -> GroupError {
    use domain::groups::SeriesError::*;
    match e {
        Backwards | TooLong => invalid("last", "date-out-of-range"),
        Times => invalid("end", "invalid-time-range"),
        Rhythm => invalid("rhythm", "invalid-choice"),
    }
}

/// The dates a series would have, planned or skipped with the reason; saves
/// nothing (recorded as a read of the group).
pub fn preview(
    conn: &mut DbConn,
    actor: &Actor,
    group_id: &str,
    request: &SeriesRequest,
    origin: Origin<'_>,
) -> Result<Vec<Planned>, GroupError> {
    let opened = open_to_manage(conn, actor, "session.plan", group_id, origin);
    let opened = opened?;
    let (calendar, hours) = super::calendar::of_organisation(conn, &opened.group.organisation_id)?;
    plan_series(request, &calendar, &hours).map_err(series_error)
}

fn check_details(conn: &mut DbConn, org: &str, details: &SessionDetails) -> Result<(), GroupError> {
    let mut errors = Vec::new();
    if details.theme.chars().count() > 200 {
        errors.push(FieldError {
            field: "theme",
            code: "too-long",
        });
    }
    if details.notes.chars().count() > 4000 {
        errors.push(FieldError {
            field: "notes",
            code: "too-long",
        });
    }
    if let Some(room) = &details.room_id {
        let n: i64 = rooms::table
            .filter(rooms::organisation_id.eq(org))
            .filter(rooms::id.eq(room))
            .count()
            .get_result(conn)?;
        if n == 0 {
            errors.push(FieldError {
                field: "room_id",
                code: "invalid-choice",
            });
        }
    }
    let staff = super::possible_facilitators(conn, org)?;
    if details
        .facilitator_ids
        .iter()
        .any(|f| !staff.iter().any(|(id, _)| id == f))
    {
        errors.push(FieldError {
            field: "facilitators",
            code: "invalid-choice",
        });
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(GroupError::Invalid(errors))
    }
}

/// Saves the planned (not skipped) dates of a series as sessions; returns
/// their ids. The whole series is one transaction.
pub fn save_series(
    conn: &mut DbConn,
    actor: &Actor,
    group_id: &str,
    request: &SeriesRequest,
    details: &SessionDetails,
    origin: Origin<'_>,
) -> Result<Vec<String>, GroupError> {
    write_tx(conn, |conn| -> Result<Vec<String>, GroupError> {
        let opened = open_to_manage(conn, actor, "session.plan", group_id, origin)?;
        let org = opened.group.organisation_id.clone();
        check_details(conn, &org, details)?;
        let (calendar, hours) = super::calendar::of_organisation(conn, &org)?;
        let planned = plan_series(request, &calendar, &hours).map_err(series_error)?;
        let series_id = new_id();
        let facilitators = if details.facilitator_ids.is_empty() {
            opened.facilitator_ids.clone()
        } else {
            details.facilitator_ids.clone()
        };
        let room = details.room_id.clone().or(opened.group.room_id.clone());
        let rows: Vec<GroupSession> = planned
            .iter()
            .filter(|p| p.skipped.is_none())
            .map(|p| GroupSession {
                id: new_id(),
                organisation_id: org.clone(),
                group_id: group_id.to_owned(),
                series_id: Some(series_id.clone()),
                held_on: p.date,
                starts_at: request.start,
                ends_at: request.end,
                room_id: room.clone(),
                kind: details.kind.code().to_owned(),
                theme: details.theme.trim().to_owned(),
                practice_id: details.practice_id.clone(),
                guest_partner: details.guest_partner.trim().to_owned(),
                interpreter_needed: details.interpreter_needed,
                notes: details.notes.trim().to_owned(),
                cancelled: false,
                cancel_reason: String::new(),
                version: 1,
                created_at: origin.at,
                updated_at: origin.at,
            })
            .collect();
        if rows.is_empty() {
            return Err(invalid("first", "no-dates-left"));
        }
        crate::batch_insert!(conn, group_sessions::table, &rows);
        let links: Vec<(String, String, String)> = rows
            .iter()
            .flat_map(|s| {
                facilitators
                    .iter()
                    .map(|f| (org.clone(), s.id.clone(), f.clone()))
            })
            .collect();
        let values: Vec<_> = links
            .iter()
            .map(|(o, s, u)| {
                (
                    session_facilitators::organisation_id.eq(o),
                    session_facilitators::session_id.eq(s),
                    session_facilitators::user_id.eq(u),
                )
            })
            .collect();
        crate::batch_insert!(conn, session_facilitators::table, &values);
        audit::record(
            conn,
            &Event::by(actor, "session.plan", origin.ip, origin.at)
                .about("group", group_id)
                .detail(&format!("{} sessions", rows.len())),
        )?;
        Ok(rows.into_iter().map(|s| s.id).collect())
    })
}

/// A session as the conflict check sees it.
#[derive(Debug, Clone, Copy)]
pub struct Booking<'a> {
    pub slot: Slot,
    pub room_id: Option<&'a str>,
    pub facilitator_ids: &'a [String],
    pub people: i32,
    pub needs_childcare: bool,
    /// The session itself, when it is being moved.
    pub except_session: Option<&'a str>,
}

/// Room and facilitator double bookings of a slot, plus the calendar and
/// room conflicts from `domain`.
pub fn conflicts(conn: &mut DbConn, org: &str, booking: Booking<'_>) -> DbResult<Vec<Conflict>> {
    let Booking {
        slot,
        room_id,
        facilitator_ids,
        people,
        needs_childcare,
        except_session,
    } = booking;
    let (calendar, hours) = super::calendar::of_organisation(conn, org)?;
    let room = match room_id {
        Some(r) => rooms::table
            .filter(rooms::organisation_id.eq(org))
            .filter(rooms::id.eq(r))
            .select((rooms::capacity, rooms::childcare_room))
            .first::<(i32, bool)>(conn)
            .optional()?
            .map(|(capacity, childcare_room)| RoomFacts {
                capacity,
                childcare_room,
            }),
        None => None,
    };
    let mut out = session_conflicts(slot, &calendar, &hours, room, people, needs_childcare);
    let same_day: Vec<GroupSession> = group_sessions::table
        .filter(group_sessions::organisation_id.eq(org))
        .filter(group_sessions::held_on.eq(slot.date))
        .filter(group_sessions::cancelled.eq(false))
        .select(GroupSession::as_select())
        .load(conn)?;
    let overlapping: Vec<&GroupSession> = same_day
        .iter()
        .filter(|s| Some(s.id.as_str()) != except_session)
        .filter(|s| s.starts_at < slot.end && slot.start < s.ends_at)
        .collect();
    if room_id.is_some() && overlapping.iter().any(|s| s.room_id.as_deref() == room_id) {
        out.push(Conflict::RoomTaken);
    }
    if !overlapping.is_empty() && !facilitator_ids.is_empty() {
        let ids: Vec<String> = overlapping.iter().map(|s| s.id.clone()).collect();
        let busy: Vec<String> = session_facilitators::table
            .filter(session_facilitators::organisation_id.eq(org))
            .filter(session_facilitators::session_id.eq_any(&ids))
            .filter(session_facilitators::user_id.eq_any(facilitator_ids))
            .select(session_facilitators::user_id)
            .distinct()
            .load(conn)?;
        out.extend(
            busy.into_iter()
                .map(|user_id| Conflict::FacilitatorTaken { user_id }),
        );
    }
    Ok(out)
}

/// Adds one session. Conflicts are answered (and nothing saved) unless
/// `keep_conflicts`; with it, the session is saved despite them.
#[allow(clippy::too_many_arguments)]
pub fn add(
    conn: &mut DbConn,
    actor: &Actor,
    group_id: &str,
    slot: Slot,
    details: &SessionDetails,
    keep_conflicts: bool,
    origin: Origin<'_>,
) -> Result<Result<String, Vec<Conflict>>, GroupError> {
    write_tx(conn, |conn| {
        let opened = open_to_manage(conn, actor, "session.add", group_id, origin)?;
        let org = opened.group.organisation_id.clone();
        check_details(conn, &org, details)?;
        if slot.end <= slot.start {
            return Err(invalid("end", "invalid-time-range"));
        }
        let facilitators = if details.facilitator_ids.is_empty() {
            opened.facilitator_ids.clone()
        } else {
            details.facilitator_ids.clone()
        };
        let room = details.room_id.clone().or(opened.group.room_id.clone());
        let people =
            super::active_members(conn, &org, group_id)? as i32 + facilitators.len() as i32;
        let found = conflicts(
            conn,
            &org,
            Booking {
                slot,
                room_id: room.as_deref(),
                facilitator_ids: &facilitators,
                people,
                needs_childcare: opened.group.kind == "childcare",
                except_session: None,
            },
        )?;
        if !found.is_empty() && !keep_conflicts {
            return Ok(Err(found));
        }
        let id = new_id();
        diesel::insert_into(group_sessions::table)
            .values(&GroupSession {
                id: id.clone(),
                organisation_id: org.clone(),
                group_id: group_id.to_owned(),
                series_id: None,
                held_on: slot.date,
                starts_at: slot.start,
                ends_at: slot.end,
                room_id: room,
                kind: details.kind.code().to_owned(),
                theme: details.theme.trim().to_owned(),
                practice_id: details.practice_id.clone(),
                guest_partner: details.guest_partner.trim().to_owned(),
                interpreter_needed: details.interpreter_needed,
                notes: details.notes.trim().to_owned(),
                cancelled: false,
                cancel_reason: String::new(),
                version: 1,
                created_at: origin.at,
                updated_at: origin.at,
            })
            .execute(conn)?;
        for f in &facilitators {
            diesel::insert_into(session_facilitators::table)
                .values((
                    session_facilitators::organisation_id.eq(&org),
                    session_facilitators::session_id.eq(&id),
                    session_facilitators::user_id.eq(f),
                ))
                .execute(conn)?;
        }
        let kept: Vec<&str> = found.iter().map(Conflict::code).collect();
        audit::record(
            conn,
            &Event::by(actor, "session.add", origin.ip, origin.at)
                .about("group", group_id)
                .detail(&kept.join(",")),
        )?;
        Ok(Ok(id))
    })
}

/// Cancels a session with a reason (members are told by the reminders).
pub fn cancel(
    conn: &mut DbConn,
    actor: &Actor,
    session_id: &str,
    reason: &str,
    origin: Origin<'_>,
) -> Result<(), GroupError> {
    write_tx(conn, |conn| -> Result<(), GroupError> {
        let session = session_of_org(conn, actor, session_id)?;
        open_to_manage(conn, actor, "session.cancel", &session.group_id, origin)?;
        let reason = reason.trim();
        if reason.chars().count() < 3 || reason.chars().count() > 500 {
            return Err(invalid("reason", "required"));
        }
        if session.cancelled {
            return Ok(());
        }
        diesel::update(group_sessions::table.find(session_id))
            .set((
                group_sessions::cancelled.eq(true),
                group_sessions::cancel_reason.eq(reason),
                group_sessions::version.eq(session.version + 1),
                group_sessions::updated_at.eq(origin.at),
            ))
            .execute(conn)?;
        audit::record(
            conn,
            &Event::by(actor, "session.cancel", origin.ip, origin.at)
                .about("group", &session.group_id),
        )?;
        Ok(())
    })
}

pub(crate) fn session_of_org(
    conn: &mut DbConn,
    actor: &Actor,
    session_id: &str,
) -> Result<GroupSession, GroupError> {
    let org = actor.organisation_id().unwrap_or_default();
    group_sessions::table
        .filter(group_sessions::organisation_id.eq(org))
        .filter(group_sessions::id.eq(session_id))
        .select(GroupSession::as_select())
        .first(conn)
        .optional()?
        .ok_or(GroupError::Access(crate::participants::AccessError::Db(
            crate::error::DbError::NotFound("session"),
        )))
}

/// The sessions of a group from `from` on (and the last few before it).
pub fn of_group(
    conn: &mut DbConn,
    org: &str,
    group_id: &str,
    from: NaiveDate,
    until: NaiveDate,
) -> DbResult<Vec<GroupSession>> {
    Ok(group_sessions::table
        .filter(group_sessions::organisation_id.eq(org))
        .filter(group_sessions::group_id.eq(group_id))
        .filter(group_sessions::held_on.ge(from))
        .filter(group_sessions::held_on.le(until))
        .order((group_sessions::held_on, group_sessions::starts_at))
        .select(GroupSession::as_select())
        .load(conn)?)
}

/// Members of a group on a date (joined by then, not yet left), by name:
/// (participant id, first name, last name).
pub fn members_on(
    conn: &mut DbConn,
    org: &str,
    group_id: &str,
    on: NaiveDate,
) -> DbResult<Vec<(String, String, String)>> {
    Ok(group_members::table
        .inner_join(participants::table)
        .filter(group_members::organisation_id.eq(org))
        .filter(group_members::group_id.eq(group_id))
        .filter(group_members::status.eq("member"))
        .filter(group_members::joined_on.le(on))
        .filter(
            group_members::left_on
                .is_null()
                .or(group_members::left_on.ge(on)),
        )
        .order((participants::first_name, participants::last_name))
        .select((
            participants::id,
            participants::first_name,
            participants::last_name,
        ))
        .load(conn)?)
}

/// Children's counts of a group's members for a session on `date`.
pub fn children_for(
    conn: &mut DbConn,
    org: &str,
    participant_ids: &[String],
    date: NaiveDate,
) -> DbResult<ChildCounts> {
    let born: Vec<Option<NaiveDate>> = children::table
        .filter(children::organisation_id.eq(org))
        .filter(children::participant_id.eq_any(participant_ids))
        .select(children::birth_date)
        .load(conn)?;
    Ok(child_counts(&born, date))
}

/// A session on a facilitator's week.
#[derive(Debug, Clone)]
pub struct WeekSession {
    pub session: GroupSession,
    pub group: String,
    pub room: Option<String>,
    pub members: usize,
    pub children: ChildCounts,
    pub marked: i64,
}

/// The actor's sessions in the seven days from `from`: those she leads, or
/// for a coordinator all of the organisation's.
pub fn my_week(conn: &mut DbConn, actor: &Actor, from: NaiveDate) -> DbResult<Vec<WeekSession>> {
    let org = actor.organisation_id().unwrap_or_default().to_owned();
    let until = from + Duration::days(6);
    let mut q = group_sessions::table
        .inner_join(groups::table)
        .filter(group_sessions::organisation_id.eq(&org))
        .filter(group_sessions::held_on.ge(from))
        .filter(group_sessions::held_on.le(until))
        .into_boxed();
    if actor.role() != Some(domain::model::Role::Coordinator) {
        let mine = session_facilitators::table
            .filter(session_facilitators::organisation_id.eq(org.clone()))
            .filter(session_facilitators::user_id.eq(actor.user_id().to_owned()))
            .select(session_facilitators::session_id);
        q = q.filter(group_sessions::id.eq_any(mine));
    }
    let rows: Vec<(GroupSession, String)> = q
        .order((group_sessions::held_on, group_sessions::starts_at))
        .select((GroupSession::as_select(), groups::name))
        .load(conn)?;
    let mut out = Vec::with_capacity(rows.len());
    for (session, group) in rows {
        let members = members_on(conn, &org, &session.group_id, session.held_on)?;
        let ids: Vec<String> = members.iter().map(|m| m.0.clone()).collect();
        let children = children_for(conn, &org, &ids, session.held_on)?;
        let room = match &session.room_id {
            Some(r) => rooms::table
                .find(r)
                .select(rooms::name)
                .first(conn)
                .optional()?,
            None => None,
        };
        let marked: i64 = attendance::table
            .filter(attendance::organisation_id.eq(&org))
            .filter(attendance::session_id.eq(&session.id))
            .count()
            .get_result(conn)?;
        out.push(WeekSession {
            session,
            group,
            room,
            members: members.len(),
            children,
            marked,
        });
    }
    Ok(out)
}

/// A default start and end for forms: the organisation's school morning.
pub fn default_times() -> (NaiveTime, NaiveTime) {
    (
        NaiveTime::from_hms_opt(9, 30, 0).unwrap_or_default(),
        NaiveTime::from_hms_opt(12, 0, 0).unwrap_or_default(),
    )
}

/// The request a series form describes, for previews and tests.
pub fn request(
    first: NaiveDate,
    last: NaiveDate,
    rhythm: domain::groups::Rhythm,
    start: NaiveTime,
    end: NaiveTime,
    outside_school_hours: bool,
) -> SeriesRequest {
    SeriesRequest {
        first,
        last,
        rhythm,
        start,
        end,
        outside_school_hours,
    }
}
