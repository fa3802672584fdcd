//! What her own page shows (her next sessions: day, time, place, whether
//! childcare is there for her) and the one thing it changes: "I can't come",
//! which records an excused absence and tells her casemanager. Nothing on it
//! comes from the file beyond her first name.

use super::{Childcare, Message};
use crate::audit::{self, Event};
use crate::backend::write_tx;
use crate::error::DbResult;
use crate::models::{AttendanceRow, new_id};
use crate::pool::DbConn;
use crate::schema::*;
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use diesel::prelude::*;
use domain::clock::brussels_local;
use domain::groups::{ExcuseReason, Mark};
use domain::messages::{MessageKind, MessageStatus, StaffFacts};
use std::collections::{HashMap, HashSet};

/// One of her sessions as her page and her calendar show it.
#[derive(Debug, Clone, PartialEq)]
pub struct HerSession {
    pub id: String,
    pub date: NaiveDate,
    pub start: NaiveTime,
    pub end: NaiveTime,
    /// Room, street, postcode and town.
    pub place: String,
    /// Street, postcode and town, for a map.
    pub address: String,
    pub childcare: bool,
    pub cancelled: bool,
    pub version: i32,
    pub updated_at: NaiveDateTime,
    /// Her mark, once there is one (her own "I can't come" included).
    pub mark: Option<String>,
    pub reason: Option<String>,
}

/// Her page: her first name, her language, her next sessions.
#[derive(Debug, Clone, PartialEq)]
pub struct HerPage {
    pub first_name: String,
    /// The language of her page: her message language, else her preferred.
    pub language: String,
    /// Her preferred language of traject's four.
    pub base_language: String,
    pub sessions: Vec<HerSession>,
    /// Questionnaires she is asked to answer now.
    pub surveys: Vec<HerSurvey>,
}

/// A questionnaire due for her: the trajectory, the instrument (its latest
/// version) and the moment.
#[derive(Debug, Clone, PartialEq)]
pub struct HerSurvey {
    pub trajectory_id: String,
    pub instrument: domain::instruments::Instrument,
    pub moment: domain::outcomes::Moment,
}

/// Her page's language (her message language, else her preferred one) and
/// her preferred one.
pub fn her_languages(
    conn: &mut DbConn,
    org: &str,
    participant_id: &str,
) -> DbResult<Option<(String, String)>> {
    let found: Option<(String, Option<String>)> = participants::table
        .filter(participants::organisation_id.eq(org))
        .filter(participants::id.eq(participant_id))
        .select((participants::language, participants::message_language))
        .first(conn)
        .optional()?;
    Ok(found.map(|(language, own)| (own.unwrap_or_else(|| language.clone()), language)))
}

/// Her sessions from `from` to `until` (both days included), in the groups
/// she is a member of on each session's day, in order; at most `limit`;
/// `only`: just that session, if it is one of hers.
pub(crate) fn her_sessions(
    conn: &mut DbConn,
    org: &str,
    participant_id: &str,
    from: NaiveDate,
    until: NaiveDate,
    limit: usize,
    only: Option<&str>,
) -> DbResult<Vec<HerSession>> {
    let memberships: Vec<(String, Option<NaiveDate>, Option<NaiveDate>)> = group_members::table
        .filter(group_members::organisation_id.eq(org))
        .filter(group_members::participant_id.eq(participant_id))
        .filter(group_members::status.eq("member"))
        .select((
            group_members::group_id,
            group_members::joined_on,
            group_members::left_on,
        ))
        .load(conn)?;
    if memberships.is_empty() {
        return Ok(Vec::new());
    }
    let group_ids: Vec<&String> = memberships.iter().map(|m| &m.0).collect();
    let mut query = group_sessions::table
        .filter(group_sessions::organisation_id.eq(org))
        .filter(group_sessions::group_id.eq_any(&group_ids))
        .filter(group_sessions::held_on.ge(from))
        .filter(group_sessions::held_on.le(until))
        .into_boxed();
    if let Some(id) = only {
        query = query.filter(group_sessions::id.eq(id.to_owned()));
    }
    let sessions: Vec<crate::models::GroupSession> = query
        .order((group_sessions::held_on, group_sessions::starts_at))
        .select(crate::models::GroupSession::as_select())
        .load(conn)?;
    let sessions: Vec<crate::models::GroupSession> = sessions
        .into_iter()
        .filter(|s| {
            memberships.iter().any(|(g, joined, left)| {
                *g == s.group_id
                    && joined.is_none_or(|j| j <= s.held_on)
                    && left.is_none_or(|l| l >= s.held_on)
            })
        })
        .take(limit)
        .collect();
    let rooms: HashSet<&str> = sessions
        .iter()
        .filter_map(|s| s.room_id.as_deref())
        .collect();
    let places: HashMap<String, (String, String)> = rooms::table
        .inner_join(sites::table)
        .filter(rooms::organisation_id.eq(org))
        .filter(rooms::id.eq_any(rooms.iter().copied().collect::<Vec<_>>()))
        .select((
            rooms::id,
            rooms::name,
            sites::street,
            sites::postal_code,
            sites::city,
        ))
        .load::<(String, String, String, String, String)>(conn)?
        .into_iter()
        .map(|(id, room, street, postal, city)| {
            let address = format!("{street}, {postal} {city}");
            (id, (format!("{room}, {address}"), address))
        })
        .collect();
    let ids: Vec<&String> = sessions.iter().map(|s| &s.id).collect();
    let marks: HashMap<String, (String, Option<String>)> = attendance::table
        .filter(attendance::organisation_id.eq(org))
        .filter(attendance::participant_id.eq(participant_id))
        .filter(attendance::session_id.eq_any(&ids))
        .select((attendance::session_id, attendance::mark, attendance::reason))
        .load::<(String, String, Option<String>)>(conn)?
        .into_iter()
        .map(|(s, m, r)| (s, (m, r)))
        .collect();
    let care = Childcare::load(conn, org, &group_ids, &[participant_id])?;
    let mut out = Vec::with_capacity(sessions.len());
    for s in sessions {
        let childcare = care.for_member(&s.group_id, participant_id, s.held_on);
        let (place, address) = s
            .room_id
            .as_ref()
            .and_then(|r| places.get(r))
            .cloned()
            .unwrap_or_default();
        let (mark, reason) = marks.get(&s.id).cloned().unzip();
        out.push(HerSession {
            date: s.held_on,
            start: s.starts_at,
            end: s.ends_at,
            place,
            address,
            childcare,
            cancelled: s.cancelled,
            version: s.version,
            updated_at: s.updated_at,
            mark,
            reason: reason.flatten(),
            id: s.id,
        });
    }
    Ok(out)
}

/// Her page at `now` (UTC): her next eight sessions within two months.
pub fn her_page(
    conn: &mut DbConn,
    org: &str,
    participant_id: &str,
    now: NaiveDateTime,
) -> DbResult<Option<HerPage>> {
    let found: Option<(String, String, Option<String>)> = participants::table
        .filter(participants::organisation_id.eq(org))
        .filter(participants::id.eq(participant_id))
        .select((
            participants::first_name,
            participants::language,
            participants::message_language,
        ))
        .first(conn)
        .optional()?;
    let Some((first_name, language, own)) = found else {
        return Ok(None);
    };
    let local = brussels_local(now);
    let today = local.date();
    let sessions = her_sessions(
        conn,
        org,
        participant_id,
        today,
        today + chrono::Duration::days(62),
        9,
        None,
    )?
    .into_iter()
    .filter(|s| s.date > today || s.end > local.time())
    .take(8)
    .collect();
    let mut surveys = Vec::new();
    for (trajectory_id, due) in
        crate::outcomes::measurements::due_for_participant(conn, org, participant_id, today)?
    {
        if let Some(instrument) =
            crate::outcomes::measurements::latest(conn, org, &due.planned.instrument_key)?
        {
            surveys.push(HerSurvey {
                trajectory_id,
                instrument,
                moment: due.planned.moment,
            });
        }
    }
    Ok(Some(HerPage {
        first_name,
        language: own.unwrap_or_else(|| language.clone()),
        base_language: language,
        sessions,
        surveys,
    }))
}

/// What "I can't come" did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reported {
    /// Recorded as an excused absence; her casemanager is told.
    Recorded,
    /// She had said so already (a double tap changes nothing twice).
    AlreadyReported,
    /// Not one of her coming sessions (past, cancelled, or another group's).
    NotHers,
    /// Staff marked her already (present, late or absent).
    AlreadyMarked,
}

/// She says she cannot come to `session_id`, for `reason`: an excused
/// absence, an audit entry (the actor is her link, not a staff member), and
/// a notice to each casemanager of hers, in one transaction.
/// Whose page link is used.
#[derive(Debug, Clone, Copy)]
pub struct Her<'a> {
    pub org: &'a str,
    pub participant_id: &'a str,
    pub link_id: &'a str,
}

pub fn report_absence(
    conn: &mut DbConn,
    her: Her<'_>,
    session_id: &str,
    reason: ExcuseReason,
    ip: Option<&str>,
    now: NaiveDateTime,
) -> DbResult<Reported> {
    let Her {
        org,
        participant_id,
        link_id,
    } = her;
    write_tx(conn, |conn| {
        crate::backend::lock_row(conn, "group_sessions", session_id)?;
        let local = brussels_local(now);
        let today = local.date();
        let Some(session) = her_sessions(
            conn,
            org,
            participant_id,
            today,
            today + chrono::Duration::days(400),
            1,
            Some(session_id),
        )?
        .into_iter()
        .find(|s| s.id == session_id) else {
            return Ok(Reported::NotHers);
        };
        if session.cancelled || (session.date == today && session.end <= local.time()) {
            return Ok(Reported::NotHers);
        }
        match session.mark.as_deref().and_then(|m| m.parse::<Mark>().ok()) {
            Some(Mark::Excused) => return Ok(Reported::AlreadyReported),
            Some(_) => return Ok(Reported::AlreadyMarked),
            None => {}
        }
        diesel::insert_into(attendance::table)
            .values(&AttendanceRow {
                organisation_id: org.to_owned(),
                session_id: session_id.to_owned(),
                participant_id: participant_id.to_owned(),
                mark: Mark::Excused.code().to_owned(),
                reason: Some(reason.code().to_owned()),
                marked_by: None,
                marked_at: now,
            })
            .execute(conn)?;
        audit::record(
            conn,
            &Event {
                organisation_id: Some(org),
                actor_user_id: None,
                actor_label: "participant link",
                action: "attendance.self_excuse",
                subject_type: Some("participant"),
                subject_id: Some(participant_id),
                detail: &format!("session {session_id}: {} (link {link_id})", reason.code()),
                outcome: audit::Outcome::Success,
                ip,
                at: now,
            },
        )?;
        let casemanagers = crate::participants::casemanagers_of(conn, org, participant_id)?;
        let staff: Vec<(String, String, Option<String>)> = users::table
            .filter(users::id.eq_any(&casemanagers))
            .filter(users::active.eq(true))
            .select((users::id, users::email, users::preferred_language))
            .load(conn)?;
        let facts = StaffFacts {
            session: Some((session.date, session.start)),
            link: format!("/participants/{participant_id}"),
            ..StaffFacts::default()
        };
        let rows: Vec<Message> = staff
            .into_iter()
            .map(|(user_id, email, language)| {
                staff_message(
                    org,
                    &user_id,
                    email,
                    language,
                    MessageKind::AbsenceReported,
                    &facts,
                    format!("absence:{session_id}:{participant_id}:{user_id}"),
                    now,
                )
            })
            .collect();
        super::insert_new(conn, rows)?;
        Ok(Reported::Recorded)
    })
}

/// An email to a staff member, due now.
#[allow(clippy::too_many_arguments)]
pub(crate) fn staff_message(
    org: &str,
    user_id: &str,
    email: String,
    language: Option<String>,
    kind: MessageKind,
    facts: &StaffFacts,
    dedupe_key: String,
    now: NaiveDateTime,
) -> Message {
    Message {
        id: new_id(),
        organisation_id: org.to_owned(),
        participant_id: None,
        user_id: Some(user_id.to_owned()),
        session_id: None,
        kind: kind.code().to_owned(),
        channel: domain::participant::Channel::Email.code().to_owned(),
        language: language.unwrap_or_else(|| "nl".to_owned()),
        address: email,
        facts: serde_json::to_string(facts).unwrap_or_default(),
        body: String::new(),
        due_at: now,
        status: MessageStatus::Queued.code().to_owned(),
        attempts: 0,
        next_attempt_at: now,
        claimed_until: None,
        last_error: String::new(),
        provider_id: None,
        dedupe_key,
        sent_at: None,
        created_at: now,
        updated_at: now,
    }
}
