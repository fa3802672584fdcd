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
    plan_series, room_conflicts, session_conflicts,
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

/// What a series would give before it is saved: every date, planned or
/// skipped with the reason, and the double bookings and room problems of
/// the planned ones.
#[derive(Debug, Clone, Default)]
pub struct SeriesPreview {
    pub planned: Vec<Planned>,
    /// Double bookings, date by date.
    pub conflicts: Vec<(NaiveDate, Vec<Conflict>)>,
    /// The room's problems, the same on every date (too small, no childcare).
    pub room: Vec<Conflict>,
    /// School years of the planned dates whose holidays are not known yet
    /// (not skipped: an administrator imports them).
    pub unknown_years: Vec<String>,
}

impl SeriesPreview {
    /// Whether saving needs the planner to keep conflicts on purpose.
    pub fn has_conflicts(&self) -> bool {
        !self.conflicts.is_empty() || !self.room.is_empty()
    }

    pub fn conflicts_on(&self, date: NaiveDate) -> &[Conflict] {
        self.conflicts
            .iter()
            .find(|(d, _)| *d == date)
            .map(|(_, c)| c.as_slice())
            .unwrap_or(&[])
    }
}

/// The room and facilitators a series would book, with the group's as the
/// default.
fn booked(opened: &super::Opened, details: &SessionDetails) -> (Option<String>, Vec<String>) {
    let facilitators = if details.facilitator_ids.is_empty() {
        opened.facilitator_ids.clone()
    } else {
        details.facilitator_ids.clone()
    };
    (
        details.room_id.clone().or(opened.group.room_id.clone()),
        facilitators,
    )
}

fn plan_with_conflicts(
    conn: &mut DbConn,
    opened: &super::Opened,
    request: &SeriesRequest,
    details: &SessionDetails,
) -> Result<SeriesPreview, GroupError> {
    let org = &opened.group.organisation_id;
    let (calendar, hours) = super::calendar::of_organisation(conn, org)?;
    let planned = plan_series(request, &calendar, &hours).map_err(series_error)?;
    let (room, facilitators) = booked(opened, details);
    let people =
        super::active_members(conn, org, &opened.group.id)? as i32 + facilitators.len() as i32;
    let dates: Vec<NaiveDate> = planned
        .iter()
        .filter(|p| p.skipped.is_none())
        .map(|p| p.date)
        .collect();
    let busy = Busy::on(conn, org, &dates, &facilitators)?;
    let room_facts = room_facts(conn, org, room.as_deref())?;
    let room_problems = room_conflicts(room_facts, people, opened.group.kind == "childcare");
    let mut conflicts = Vec::new();
    for p in planned.iter().filter(|p| p.skipped.is_none()) {
        let slot = Slot {
            date: p.date,
            start: request.start,
            end: request.end,
        };
        // The calendar was applied by the planner: double bookings are what
        // is left to warn about per date.
        let found = busy.double_bookings(slot, room.as_deref(), &facilitators, None);
        if !found.is_empty() {
            conflicts.push((p.date, found));
        }
    }
    let planned_any = planned.iter().any(|p| p.skipped.is_none());
    let unknown_years = calendar.unknown_years(
        planned
            .iter()
            .filter(|p| p.skipped.is_none())
            .map(|p| p.date),
    );
    Ok(SeriesPreview {
        planned,
        conflicts,
        room: if planned_any {
            room_problems
        } else {
            Vec::new()
        },
        unknown_years,
    })
}

/// The dates a series would have, planned or skipped with the reason, and
/// their conflicts; saves nothing (recorded as a read of the group).
pub fn preview(
    conn: &mut DbConn,
    actor: &Actor,
    group_id: &str,
    request: &SeriesRequest,
    details: &SessionDetails,
    origin: Origin<'_>,
) -> Result<SeriesPreview, GroupError> {
    let opened = open_to_manage(conn, actor, "session.plan", group_id, origin)?;
    check_details(conn, &opened.group.organisation_id, details)?;
    plan_with_conflicts(conn, &opened, request, details)
}

/// Checks what a form gave for a session; answers the theme to save (the
/// practice's title when the theme is left empty).
fn check_details(
    conn: &mut DbConn,
    org: &str,
    details: &SessionDetails,
) -> Result<String, GroupError> {
    let mut errors = Vec::new();
    let mut theme = details.theme.trim().to_owned();
    if let Some(practice) = &details.practice_id {
        match super::practices::usable(conn, org, practice)? {
            Some(p) if theme.is_empty() => theme = p.title,
            Some(_) => {}
            None => errors.push(FieldError {
                field: "practice_id",
                code: "invalid-choice",
            }),
        }
    }
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
        let n: i64 = crate::direct!(conn, |c| rooms::table
            .filter(rooms::organisation_id.eq(org))
            .filter(rooms::id.eq(room))
            .count()
            .get_result(c))?;
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
        Ok(theme)
    } else {
        Err(GroupError::Invalid(errors))
    }
}

/// Saves the planned (not skipped) dates of a series as sessions; returns
/// their ids. The whole series is one transaction. Double bookings and room
/// problems are answered (and nothing saved) unless `keep_conflicts`.
#[allow(clippy::too_many_arguments)]
pub fn save_series(
    conn: &mut DbConn,
    actor: &Actor,
    group_id: &str,
    request: &SeriesRequest,
    details: &SessionDetails,
    keep_conflicts: bool,
    origin: Origin<'_>,
) -> Result<Result<Vec<String>, SeriesPreview>, GroupError> {
    write_tx(conn, |conn| {
        let opened = open_to_manage(conn, actor, "session.plan", group_id, origin)?;
        let org = opened.group.organisation_id.clone();
        let theme = check_details(conn, &org, details)?;
        let preview = plan_with_conflicts(conn, &opened, request, details)?;
        if preview.has_conflicts() && !keep_conflicts {
            return Ok(Err(preview));
        }
        let series_id = new_id();
        let (room, facilitators) = booked(&opened, details);
        let rows: Vec<GroupSession> = preview
            .planned
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
                theme: theme.clone(),
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
        let mut kept = String::new();
        if !preview.conflicts.is_empty() {
            kept.push_str(&format!(", {} double-booked kept", preview.conflicts.len()));
        }
        for c in &preview.room {
            kept.push_str(&format!(", {} kept", c.code()));
        }
        audit::record(
            conn,
            &Event::by(actor, "session.plan", origin.ip, origin.at)
                .about("group", group_id)
                .detail(&format!("{} sessions{kept}", rows.len())),
        )?;
        Ok(Ok(rows.into_iter().map(|s| s.id).collect()))
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

/// The sessions (not cancelled) on the given dates, with the booking's
/// facilitators among theirs: what a new booking must not collide with.
/// Only the series' own dates are read, so the cost follows the series, not
/// the size of the organisation's calendar (a school year of a city's groups
/// is thousands of sessions). Filtering on the room or the people in SQL as
/// well was slower on PostgreSQL: the OR over a facilitator's sessions reads
/// all of them, of every year.
struct Busy {
    sessions: Vec<GroupSession>,
    facilitators: Vec<(String, String)>,
}

impl Busy {
    fn on(
        conn: &mut DbConn,
        org: &str,
        dates: &[NaiveDate],
        facilitator_ids: &[String],
    ) -> DbResult<Busy> {
        if dates.is_empty() {
            return Ok(Busy {
                sessions: Vec::new(),
                facilitators: Vec::new(),
            });
        }
        let sessions: Vec<GroupSession> = crate::direct!(conn, |c| group_sessions::table
            .filter(group_sessions::organisation_id.eq(org))
            .filter(group_sessions::held_on.eq_any(dates))
            .filter(group_sessions::cancelled.eq(false))
            .select(GroupSession::as_select())
            .load(c))?;
        let ids: Vec<&str> = sessions.iter().map(|s| s.id.as_str()).collect();
        let facilitators: Vec<(String, String)> = if ids.is_empty() || facilitator_ids.is_empty() {
            Vec::new()
        } else {
            crate::direct!(conn, |c| session_facilitators::table
                .filter(session_facilitators::organisation_id.eq(org))
                .filter(session_facilitators::session_id.eq_any(&ids))
                .filter(session_facilitators::user_id.eq_any(facilitator_ids))
                .select((
                    session_facilitators::session_id,
                    session_facilitators::user_id,
                ))
                .load(c))?
        };
        Ok(Busy {
            sessions,
            facilitators,
        })
    }

    /// The room and facilitators of `slot` already taken by another session.
    fn double_bookings(
        &self,
        slot: Slot,
        room_id: Option<&str>,
        facilitator_ids: &[String],
        except_session: Option<&str>,
    ) -> Vec<Conflict> {
        let overlapping: Vec<&GroupSession> = self
            .sessions
            .iter()
            .filter(|s| s.held_on == slot.date)
            .filter(|s| Some(s.id.as_str()) != except_session)
            .filter(|s| s.starts_at < slot.end && slot.start < s.ends_at)
            .collect();
        let mut out = Vec::new();
        if room_id.is_some() && overlapping.iter().any(|s| s.room_id.as_deref() == room_id) {
            out.push(Conflict::RoomTaken);
        }
        let mut busy: Vec<&String> = self
            .facilitators
            .iter()
            .filter(|(session, user)| {
                facilitator_ids.contains(user) && overlapping.iter().any(|s| &s.id == session)
            })
            .map(|(_, user)| user)
            .collect();
        busy.sort();
        busy.dedup();
        out.extend(busy.into_iter().map(|user_id| Conflict::FacilitatorTaken {
            user_id: user_id.clone(),
        }));
        out
    }
}

fn room_facts(conn: &mut DbConn, org: &str, room_id: Option<&str>) -> DbResult<Option<RoomFacts>> {
    Ok(match room_id {
        Some(r) => crate::direct!(conn, |c| rooms::table
            .filter(rooms::organisation_id.eq(org))
            .filter(rooms::id.eq(r))
            .select((rooms::capacity, rooms::childcare_room))
            .first::<(i32, bool)>(c))
        .optional()?
        .map(|(capacity, childcare_room)| RoomFacts {
            capacity,
            childcare_room,
        }),
        None => None,
    })
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
    let room = room_facts(conn, org, room_id)?;
    let mut out = session_conflicts(slot, &calendar, &hours, room, people, needs_childcare);
    let busy = Busy::on(conn, org, &[slot.date], facilitator_ids)?;
    out.extend(busy.double_bookings(slot, room_id, facilitator_ids, except_session));
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
        let theme = check_details(conn, &org, details)?;
        if slot.end <= slot.start {
            return Err(invalid("end", "invalid-time-range"));
        }
        let (room, facilitators) = booked(&opened, details);
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
        crate::direct!(conn, |c| diesel::insert_into(group_sessions::table)
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
                theme,
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
            .execute(c))?;
        for f in &facilitators {
            crate::direct!(conn, |c| diesel::insert_into(session_facilitators::table)
                .values((
                    session_facilitators::organisation_id.eq(&org),
                    session_facilitators::session_id.eq(&id),
                    session_facilitators::user_id.eq(f),
                ))
                .execute(c))?;
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

/// A session with what its edit form needs.
#[derive(Debug, Clone)]
pub struct Editable {
    pub session: GroupSession,
    pub group_name: String,
    pub facilitator_ids: Vec<String>,
    pub rooms: Vec<(String, String)>,
    pub staff: Vec<(String, String)>,
    pub practices: Vec<(String, String)>,
    /// What was sent to its members about it (the delivery view).
    pub delivery: Vec<crate::messages::DeliveryLine>,
}

/// Opens a session to change it (recorded as a read of its group).
pub fn editable(
    conn: &mut DbConn,
    actor: &Actor,
    session_id: &str,
    origin: Origin<'_>,
) -> Result<Editable, GroupError> {
    let session = session_of_org(conn, actor, session_id)?;
    let opened = open_to_manage(conn, actor, "session.edit", &session.group_id, origin)?;
    let org = opened.group.organisation_id.clone();
    let facilitator_ids = crate::direct!(conn, |c| session_facilitators::table
        .filter(session_facilitators::organisation_id.eq(&org))
        .filter(session_facilitators::session_id.eq(session_id))
        .select(session_facilitators::user_id)
        .load(c))?;
    let rooms = crate::direct!(conn, |c| rooms::table
        .filter(rooms::organisation_id.eq(&org))
        .order(rooms::name.asc())
        .select((rooms::id, rooms::name))
        .load(c))?;
    Ok(Editable {
        session,
        group_name: opened.group.name.clone(),
        facilitator_ids,
        rooms,
        staff: super::possible_facilitators(conn, &org)?,
        practices: super::practices::choices(conn, &org)?,
        delivery: crate::messages::of_session(conn, actor, &org, session_id)?,
    })
}

/// What a saved change did: whether the session moved (another day, time or
/// room), which the reminders tell the members.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Changed {
    pub moved: bool,
}

/// Changes a session: day, times, room, facilitators and the rest. `version`
/// is the one the form was opened at (a change made meanwhile answers
/// `Stale`). A new day, time, room or facilitator is checked for conflicts
/// like a new session; they are answered (nothing saved) unless kept.
#[allow(clippy::too_many_arguments)]
pub fn update(
    conn: &mut DbConn,
    actor: &Actor,
    session_id: &str,
    version: i32,
    slot: Slot,
    details: &SessionDetails,
    keep_conflicts: bool,
    origin: Origin<'_>,
) -> Result<Result<Changed, Vec<Conflict>>, GroupError> {
    write_tx(conn, |conn| {
        let session = session_of_org(conn, actor, session_id)?;
        let opened = open_to_manage(conn, actor, "session.update", &session.group_id, origin)?;
        let org = opened.group.organisation_id.clone();
        let theme = check_details(conn, &org, details)?;
        if slot.end <= slot.start {
            return Err(invalid("session_end", "invalid-time-range"));
        }
        lock_session(conn, session_id)?;
        let current = session_of_org(conn, actor, session_id)?;
        if current.version != version || current.cancelled {
            return Err(GroupError::Stale);
        }
        let (room, facilitators) = booked(&opened, details);
        let mut before: Vec<String> = crate::direct!(conn, |c| session_facilitators::table
            .filter(session_facilitators::organisation_id.eq(&org))
            .filter(session_facilitators::session_id.eq(session_id))
            .select(session_facilitators::user_id)
            .load(c))?;
        before.sort();
        let mut after = facilitators.clone();
        after.sort();
        after.dedup();
        let moved = current.held_on != slot.date
            || current.starts_at != slot.start
            || current.ends_at != slot.end
            || current.room_id != room;
        if moved || before != after {
            let people =
                super::active_members(conn, &org, &current.group_id)? as i32 + after.len() as i32;
            let found = conflicts(
                conn,
                &org,
                Booking {
                    slot,
                    room_id: room.as_deref(),
                    facilitator_ids: &after,
                    people,
                    needs_childcare: opened.group.kind == "childcare",
                    except_session: Some(session_id),
                },
            )?;
            if !found.is_empty() && !keep_conflicts {
                return Ok(Err(found));
            }
        }
        crate::direct!(conn, |c| diesel::update(
            group_sessions::table.find(session_id)
        )
        .set((
            group_sessions::held_on.eq(slot.date),
            group_sessions::starts_at.eq(slot.start),
            group_sessions::ends_at.eq(slot.end),
            group_sessions::room_id.eq(&room),
            group_sessions::kind.eq(details.kind.code()),
            group_sessions::theme.eq(&theme),
            group_sessions::practice_id.eq(&details.practice_id),
            group_sessions::guest_partner.eq(details.guest_partner.trim()),
            group_sessions::interpreter_needed.eq(details.interpreter_needed),
            group_sessions::notes.eq(details.notes.trim()),
            group_sessions::version.eq(version + 1),
            group_sessions::updated_at.eq(origin.at),
        ))
        .execute(c))?;
        if before != after {
            crate::direct!(conn, |c| diesel::delete(
                session_facilitators::table
                    .filter(session_facilitators::organisation_id.eq(&org))
                    .filter(session_facilitators::session_id.eq(session_id)),
            )
            .execute(c))?;
            let values: Vec<_> = after
                .iter()
                .map(|u| {
                    (
                        session_facilitators::organisation_id.eq(&org),
                        session_facilitators::session_id.eq(session_id),
                        session_facilitators::user_id.eq(u),
                    )
                })
                .collect();
            crate::batch_insert!(conn, session_facilitators::table, &values);
        }
        if moved {
            // Old reminders withdrawn, members told, new reminders queued:
            // in this transaction, so a move is never half-announced.
            let now_row = session_of_org(conn, actor, session_id)?;
            crate::messages::session_changed(
                conn,
                &org,
                &now_row,
                Some((current.held_on, current.starts_at)),
                domain::messages::MessageKind::SessionMoved,
                origin.at,
            )?;
        }
        audit::record(
            conn,
            &Event::by(actor, "session.update", origin.ip, origin.at)
                .about("group", &current.group_id)
                .detail(if moved { "moved" } else { "details" }),
        )?;
        Ok(Ok(Changed { moved }))
    })
}

/// Two edits of one session queue here so that the version check holds on
/// PostgreSQL too (SQLite writers already take turns).
fn lock_session(conn: &mut DbConn, session_id: &str) -> DbResult<()> {
    crate::backend::lock_row(conn, "group_sessions", session_id)
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
        crate::direct!(conn, |c| diesel::update(
            group_sessions::table.find(session_id)
        )
        .set((
            group_sessions::cancelled.eq(true),
            group_sessions::cancel_reason.eq(reason),
            group_sessions::version.eq(session.version + 1),
            group_sessions::updated_at.eq(origin.at),
        ))
        .execute(c))?;
        // Members are told (the reason stays inside: it may be personal).
        if session.held_on.and_time(session.starts_at) > domain::clock::brussels_local(origin.at) {
            let now_row = session_of_org(conn, actor, session_id)?;
            crate::messages::session_changed(
                conn,
                &session.organisation_id,
                &now_row,
                None,
                domain::messages::MessageKind::SessionCancelled,
                origin.at,
            )?;
        }
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
    crate::direct!(conn, |c| group_sessions::table
        .filter(group_sessions::organisation_id.eq(org))
        .filter(group_sessions::id.eq(session_id))
        .select(GroupSession::as_select())
        .first(c))
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
    Ok(crate::direct!(conn, |c| group_sessions::table
        .filter(group_sessions::organisation_id.eq(org))
        .filter(group_sessions::group_id.eq(group_id))
        .filter(group_sessions::held_on.ge(from))
        .filter(group_sessions::held_on.le(until))
        .order((group_sessions::held_on, group_sessions::starts_at))
        .select(GroupSession::as_select())
        .load(c))?)
}

/// Members of a group on a date (joined by then, not yet left), by name:
/// (participant id, first name, last name).
pub fn members_on(
    conn: &mut DbConn,
    org: &str,
    group_id: &str,
    on: NaiveDate,
) -> DbResult<Vec<(String, String, String)>> {
    Ok(crate::direct!(conn, |c| group_members::table
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
        .load(c))?)
}

/// Children's counts of a group's members for a session on `date`.
pub fn children_for(
    conn: &mut DbConn,
    org: &str,
    participant_ids: &[String],
    date: NaiveDate,
) -> DbResult<ChildCounts> {
    let born: Vec<Option<NaiveDate>> = crate::direct!(conn, |c| children::table
        .filter(children::organisation_id.eq(org))
        .filter(children::participant_id.eq_any(participant_ids))
        .select(children::birth_date)
        .load(c))?;
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
            Some(r) => crate::direct!(conn, |c| rooms::table.find(r).select(rooms::name).first(c))
                .optional()?,
            None => None,
        };
        let marked: i64 = crate::direct!(conn, |c| attendance::table
            .filter(attendance::organisation_id.eq(&org))
            .filter(attendance::session_id.eq(&session.id))
            .count()
            .get_result(c))?;
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
