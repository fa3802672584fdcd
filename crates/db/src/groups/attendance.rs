//! Attendance: marks sent from the attendance screen (also after being
//! offline), each with an idempotency key, so that a replay or a double tap
//! changes nothing twice; rates, hours, and the members to call.

use super::{GroupError, invalid, open};
use crate::audit::{self, Event};
use crate::backend::write_tx;
use crate::error::DbResult;
use crate::models::*;
use crate::participants::Origin;
use crate::pool::DbConn;
use crate::schema::*;
use chrono::{Datelike, NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use domain::groups::{
    ChildCounts, ExcuseReason, Mark, SessionKind, hours, two_unexplained_in_a_row,
};
use domain::policy::{Action, Actor};
use std::collections::{HashMap, HashSet};

/// One mark as the screen sends it.
#[derive(Debug, Clone)]
pub struct MarkInput {
    pub participant_id: String,
    pub mark: Mark,
    pub reason: Option<ExcuseReason>,
    /// When it was tapped (the phone's clock, kept no later than now).
    pub marked_at: NaiveDateTime,
    /// Unique per tap; a mark with a key already seen is ignored.
    pub key: String,
}

/// What a save did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Saved {
    pub applied: usize,
    /// Keys seen before: nothing changed.
    pub replayed: usize,
    /// Older than the mark already stored (another device was later).
    pub superseded: usize,
}

fn valid_key(key: &str) -> bool {
    (8..=100).contains(&key.len())
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// Saves marks for one session in one transaction. Only members of the group
/// on the session's date can be marked; an excuse needs a reason.
pub fn save(
    conn: &mut DbConn,
    actor: &Actor,
    session_id: &str,
    marks: &[MarkInput],
    origin: Origin<'_>,
) -> Result<Saved, GroupError> {
    if marks.is_empty() || marks.len() > 200 {
        return Err(invalid("marks", "required"));
    }
    for m in marks {
        if !valid_key(&m.key) {
            return Err(invalid("key", "invalid-key"));
        }
        if (m.mark == Mark::Excused) != m.reason.is_some() {
            return Err(invalid("reason", "required"));
        }
    }
    write_tx(conn, |conn| -> Result<Saved, GroupError> {
        let session = super::sessions::session_of_org(conn, actor, session_id)?;
        let opened = open(
            conn,
            actor,
            Action::TakeAttendance,
            "attendance.save",
            &session.group_id,
            origin,
        )?;
        let org = opened.group.organisation_id;
        let members = super::sessions::members_on(conn, &org, &session.group_id, session.held_on)?;
        if marks
            .iter()
            .any(|m| !members.iter().any(|(id, _, _)| *id == m.participant_id))
        {
            return Err(invalid("participant_id", "not-a-member"));
        }
        // Saves of one session queue up: the same key or member sent twice at
        // once must not both find "nothing yet". Taken only now, for the
        // reads and writes it guards: the checks above need no lock, and
        // every round trip under it is one the next save of this session
        // waits for (on PostgreSQL).
        crate::backend::lock_row(conn, "group_sessions", session_id)?;
        // Set-based: a handful of statements whatever the group's size. The
        // marks are replayed in memory in the order sent, as if one by one.
        let keys: Vec<&str> = marks.iter().map(|m| m.key.as_str()).collect();
        let mut seen: HashSet<String> = crate::direct!(conn, |c| attendance_keys::table
            .filter(attendance_keys::idempotency_key.eq_any(&keys))
            .select(attendance_keys::idempotency_key)
            .load::<String>(c))?
        .into_iter()
        .collect();
        let stored: HashMap<String, NaiveDateTime> = crate::direct!(conn, |c| attendance::table
            .filter(attendance::organisation_id.eq(&org))
            .filter(attendance::session_id.eq(session_id))
            .select((attendance::participant_id, attendance::marked_at))
            .load::<(String, NaiveDateTime)>(c))?
        .into_iter()
        .collect();
        let mut saved = Saved::default();
        let mut new_keys = Vec::new();
        // participant -> the row she ends with, and whether she had one.
        let mut latest: HashMap<String, NaiveDateTime> = stored.clone();
        let mut rows: Vec<AttendanceRow> = Vec::new();
        for m in marks {
            if !seen.insert(m.key.clone()) {
                saved.replayed += 1;
                continue;
            }
            new_keys.push((
                attendance_keys::idempotency_key.eq(m.key.clone()),
                attendance_keys::organisation_id.eq(org.clone()),
                attendance_keys::session_id.eq(session_id.to_owned()),
                attendance_keys::received_at.eq(origin.at),
            ));
            let marked_at = m.marked_at.min(origin.at);
            if latest
                .get(&m.participant_id)
                .is_some_and(|at| *at > marked_at)
            {
                saved.superseded += 1;
                continue;
            }
            latest.insert(m.participant_id.clone(), marked_at);
            rows.retain(|r| r.participant_id != m.participant_id);
            rows.push(AttendanceRow {
                organisation_id: org.clone(),
                session_id: session_id.to_owned(),
                participant_id: m.participant_id.clone(),
                mark: m.mark.code().to_owned(),
                reason: m.reason.map(|r| r.code().to_owned()),
                marked_by: Some(actor.user_id().to_owned()),
                marked_at,
            });
            saved.applied += 1;
        }
        crate::batch_insert!(conn, attendance_keys::table, &new_keys);
        // A changed mark replaces the row: one delete and one insert for the
        // whole group rather than an update per member.
        let replaced: Vec<&str> = rows
            .iter()
            .filter(|r| stored.contains_key(&r.participant_id))
            .map(|r| r.participant_id.as_str())
            .collect();
        if !replaced.is_empty() {
            crate::direct!(conn, |c| diesel::delete(
                attendance::table
                    .filter(attendance::organisation_id.eq(&org))
                    .filter(attendance::session_id.eq(session_id))
                    .filter(attendance::participant_id.eq_any(&replaced)),
            )
            .execute(c))?;
        }
        crate::batch_insert!(conn, attendance::table, &rows);
        if saved.applied > 0 {
            audit::record(
                conn,
                &Event::by(actor, "attendance.save", origin.ip, origin.at)
                    .about("group", &session.group_id)
                    .detail(&format!("session {session_id}: {} marks", saved.applied)),
            )?;
        }
        Ok(saved)
    })
}

/// One line of the attendance screen.
#[derive(Debug, Clone)]
pub struct Line {
    pub participant_id: String,
    pub first_name: String,
    pub last_name: String,
    pub mark: Option<Mark>,
    pub reason: Option<ExcuseReason>,
}

/// The attendance screen of a session: its members with their marks.
#[derive(Debug, Clone)]
pub struct Sheet {
    pub session: GroupSession,
    pub group: Group,
    pub lines: Vec<Line>,
    pub children: ChildCounts,
}

/// Opens a session's attendance sheet (recorded as a read of the group).
pub fn sheet(
    conn: &mut DbConn,
    actor: &Actor,
    session_id: &str,
    origin: Origin<'_>,
) -> Result<Sheet, GroupError> {
    let session = super::sessions::session_of_org(conn, actor, session_id)?;
    let opened = open(
        conn,
        actor,
        Action::TakeAttendance,
        "attendance.read",
        &session.group_id,
        origin,
    )?;
    let org = opened.group.organisation_id.clone();
    let members = super::sessions::members_on(conn, &org, &session.group_id, session.held_on)?;
    let marks: Vec<(String, String, Option<String>)> = crate::direct!(conn, |c| attendance::table
        .filter(attendance::organisation_id.eq(&org))
        .filter(attendance::session_id.eq(session_id))
        .select((
            attendance::participant_id,
            attendance::mark,
            attendance::reason,
        ))
        .load(c))?;
    let ids: Vec<String> = members.iter().map(|m| m.0.clone()).collect();
    let children = super::sessions::children_for(conn, &org, &ids, session.held_on)?;
    let lines = members
        .into_iter()
        .map(|(participant_id, first_name, last_name)| {
            let found = marks.iter().find(|(p, _, _)| *p == participant_id);
            Line {
                mark: found.and_then(|(_, m, _)| m.parse().ok()),
                reason: found.and_then(|(_, _, r)| r.as_deref().and_then(|r| r.parse().ok())),
                participant_id,
                first_name,
                last_name,
            }
        })
        .collect();
    origin.record(
        conn,
        &[Event::by(actor, "attendance.read", origin.ip, origin.at)
            .about("group", &session.group_id)
            .detail(&format!("session {session_id}"))],
    )?;
    Ok(Sheet {
        session,
        group: opened.group,
        lines,
        children,
    })
}

/// Attendance of a member over the group's marked sessions.
#[derive(Debug, Clone, PartialEq)]
pub struct Rate {
    pub participant_id: String,
    pub marked: i64,
    pub attended: i64,
}

impl Rate {
    /// Percentage attended, rounded; `None` before any mark.
    pub fn percent(&self) -> Option<i64> {
        (self.marked > 0).then(|| (self.attended * 100 + self.marked / 2) / self.marked)
    }
}

/// Per-member attendance of a group (for its page).
pub fn rates(conn: &mut DbConn, org: &str, group_id: &str) -> DbResult<Vec<Rate>> {
    let rows: Vec<(String, String)> = crate::direct!(conn, |c| attendance::table
        .inner_join(group_sessions::table)
        .filter(attendance::organisation_id.eq(org))
        .filter(group_sessions::group_id.eq(group_id))
        .select((attendance::participant_id, attendance::mark))
        .load(c))?;
    let mut out: Vec<Rate> = Vec::new();
    for (p, mark) in rows {
        let attended = mark.parse::<Mark>().is_ok_and(Mark::attended);
        match out.iter_mut().find(|r| r.participant_id == p) {
            Some(r) => {
                r.marked += 1;
                r.attended += attended as i64;
            }
            None => out.push(Rate {
                participant_id: p,
                marked: 1,
                attended: attended as i64,
            }),
        }
    }
    Ok(out)
}

/// A participant to call: her last two marked sessions were absences
/// without a reason.
#[derive(Debug, Clone)]
pub struct ToCall {
    pub participant_id: String,
    pub first_name: String,
    pub last_name: String,
    pub group: String,
    pub last_absence: NaiveDate,
}

/// The casemanager's participants with two unexplained absences in a row
/// (a coordinator: the whole organisation's).
pub fn to_call(conn: &mut DbConn, actor: &Actor) -> DbResult<Vec<ToCall>> {
    let org = actor.organisation_id().unwrap_or_default().to_owned();
    let mut q = attendance::table
        .inner_join(group_sessions::table)
        .inner_join(participants::table)
        .filter(attendance::organisation_id.eq(&org))
        .filter(attendance::mark.eq(Mark::Absent.code()))
        // Aftercare is hers to come to or not: staying away is no problem.
        .filter(group_sessions::kind.ne(SessionKind::Aftercare.code()))
        .select(attendance::participant_id)
        .distinct()
        .into_boxed();
    if actor.role() != Some(domain::model::Role::Coordinator) {
        let mine = trajectories::table
            .filter(trajectories::organisation_id.eq(org.clone()))
            .filter(trajectories::casemanager_id.eq(actor.user_id().to_owned()))
            .select(trajectories::participant_id);
        q = q.filter(attendance::participant_id.eq_any(mine));
    }
    let absent: Vec<String> = q.load(conn)?;
    let mut out = Vec::new();
    for p in absent {
        let recent: Vec<(String, NaiveDate, String, String, String)> =
            crate::direct!(conn, |c| attendance::table
                .inner_join(group_sessions::table.inner_join(groups::table))
                .inner_join(participants::table)
                .filter(attendance::organisation_id.eq(&org))
                .filter(attendance::participant_id.eq(&p))
                .filter(group_sessions::kind.ne(SessionKind::Aftercare.code()))
                .order((
                    group_sessions::held_on.desc(),
                    group_sessions::starts_at.desc(),
                ))
                .select((
                    attendance::mark,
                    group_sessions::held_on,
                    groups::name,
                    participants::first_name,
                    participants::last_name,
                ))
                .limit(2)
                .load(c))?;
        let marks: Vec<Mark> = recent
            .iter()
            .rev()
            .filter_map(|r| r.0.parse().ok())
            .collect();
        if two_unexplained_in_a_row(&marks)
            && let Some((_, day, group, first, last)) = recent.into_iter().next()
        {
            out.push(ToCall {
                participant_id: p,
                first_name: first,
                last_name: last,
                group,
                last_absence: day,
            });
        }
    }
    out.sort_by_key(|c| std::cmp::Reverse(c.last_absence));
    Ok(out)
}

/// Hours attended by one participant, per month and session kind.
#[derive(Debug, Clone, PartialEq)]
pub struct HoursLine {
    pub year: i32,
    pub month: u32,
    pub kind: String,
    pub sessions: u32,
    pub hours: f64,
}

/// The dates she attended with their hours, for an attestation.
pub type Attended = Vec<(NaiveDate, f64)>;

/// The hours she attended (present or late), per month and session kind,
/// with the dates for an attestation.
pub fn hours_of(
    conn: &mut DbConn,
    org: &str,
    participant_id: &str,
) -> DbResult<(Vec<HoursLine>, Attended)> {
    let rows: Vec<(
        String,
        NaiveDate,
        chrono::NaiveTime,
        chrono::NaiveTime,
        String,
    )> = crate::direct!(conn, |c| attendance::table
        .inner_join(group_sessions::table)
        .filter(attendance::organisation_id.eq(org))
        .filter(attendance::participant_id.eq(participant_id))
        .filter(group_sessions::cancelled.eq(false))
        .order(group_sessions::held_on)
        .select((
            attendance::mark,
            group_sessions::held_on,
            group_sessions::starts_at,
            group_sessions::ends_at,
            group_sessions::kind,
        ))
        .load(c))?;
    let mut lines: Vec<HoursLine> = Vec::new();
    let mut dates = Vec::new();
    for (mark, day, start, end, kind) in rows {
        if !mark.parse::<Mark>().is_ok_and(Mark::attended) {
            continue;
        }
        let h = hours(start, end);
        dates.push((day, h));
        match lines
            .iter_mut()
            .find(|l| l.year == day.year() && l.month == day.month() && l.kind == kind)
        {
            Some(l) => {
                l.sessions += 1;
                l.hours += h;
            }
            None => lines.push(HoursLine {
                year: day.year(),
                month: day.month(),
                kind,
                sessions: 1,
                hours: h,
            }),
        }
    }
    Ok((lines, dates))
}

/// Her attendance for the hours page and attestation: name, language,
/// hours per month and kind, and the dates attended.
#[derive(Debug, Clone)]
pub struct HoursSheet {
    pub first_name: String,
    pub last_name: String,
    /// Her language for messages (the attestation is printed in it).
    pub language: String,
    pub lines: Vec<HoursLine>,
    pub dates: Attended,
}

/// Reads a participant's attended hours, for those who may open her file;
/// the read is recorded.
pub fn hours_sheet(
    conn: &mut DbConn,
    actor: &Actor,
    participant_id: &str,
    origin: Origin<'_>,
) -> Result<HoursSheet, crate::participants::AccessError> {
    crate::participants::require_participant(
        conn,
        actor,
        domain::policy::Action::ReadParticipantFile,
        "participant.hours",
        participant_id,
        origin,
    )?;
    let org = actor.organisation_id().unwrap_or_default().to_owned();
    let (first_name, last_name, language): (String, String, String) =
        crate::direct!(conn, |c| participants::table
            .filter(participants::organisation_id.eq(&org))
            .filter(participants::id.eq(participant_id))
            .select((
                participants::first_name,
                participants::last_name,
                participants::language,
            ))
            .first(c))?;
    let (lines, dates) = hours_of(conn, &org, participant_id)?;
    origin.record(
        conn,
        &[Event::by(actor, "participant.hours", origin.ip, origin.at)
            .about("participant", participant_id)],
    )?;
    Ok(HoursSheet {
        first_name,
        last_name,
        language,
        lines,
        dates,
    })
}

/// One child on the childcare list of a month.
#[derive(Debug, Clone)]
pub struct ChildLine {
    pub first_name: String,
    pub birth_date: Option<NaiveDate>,
    /// Notes for childcare such as allergies.
    pub care_notes: String,
    /// Her mother's first name and languages, to speak with the child.
    pub mother: String,
    pub languages: String,
}

/// The childcare planning of a group for one month: its sessions, and the
/// members' children (first name, age, languages, care notes only).
#[derive(Debug, Clone)]
pub struct ChildcareMonth {
    pub group: Group,
    pub sessions: Vec<GroupSession>,
    pub children: Vec<ChildLine>,
}

pub fn childcare_month(
    conn: &mut DbConn,
    actor: &Actor,
    group_id: &str,
    month_start: NaiveDate,
    origin: Origin<'_>,
) -> Result<ChildcareMonth, GroupError> {
    let opened = open(
        conn,
        actor,
        Action::ReadGroup,
        "group.childcare",
        group_id,
        origin,
    )?;
    let org = opened.group.organisation_id.clone();
    let month_end = month_start
        .checked_add_months(chrono::Months::new(1))
        .unwrap_or(month_start);
    let sessions: Vec<GroupSession> = crate::direct!(conn, |c| group_sessions::table
        .filter(group_sessions::organisation_id.eq(&org))
        .filter(group_sessions::group_id.eq(group_id))
        .filter(group_sessions::held_on.ge(month_start))
        .filter(group_sessions::held_on.lt(month_end))
        .filter(group_sessions::cancelled.eq(false))
        .order((group_sessions::held_on, group_sessions::starts_at))
        .select(GroupSession::as_select())
        .load(c))?;
    let members = super::sessions::members_on(conn, &org, group_id, month_start)?;
    let mut children = Vec::new();
    for (pid, first, _) in &members {
        let kids: Vec<(String, Option<NaiveDate>, String)> = crate::schema::children::table
            .filter(crate::schema::children::organisation_id.eq(&org))
            .filter(crate::schema::children::participant_id.eq(pid))
            .order(crate::schema::children::birth_date)
            .select((
                crate::schema::children::first_name,
                crate::schema::children::birth_date,
                crate::schema::children::care_notes,
            ))
            .load(conn)?;
        let languages: Vec<String> = crate::direct!(conn, |c| participant_languages::table
            .filter(participant_languages::organisation_id.eq(&org))
            .filter(participant_languages::participant_id.eq(pid))
            .select(participant_languages::language)
            .load(c))?;
        for (name, born, notes) in kids {
            children.push(ChildLine {
                first_name: name,
                birth_date: born,
                care_notes: notes,
                mother: first.clone(),
                languages: languages.join(", "),
            });
        }
    }
    origin.record(
        conn,
        &[Event::by(actor, "group.childcare", origin.ip, origin.at).about("group", group_id)],
    )?;
    Ok(ChildcareMonth {
        group: opened.group,
        sessions,
        children,
    })
}
