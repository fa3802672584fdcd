//! What the calendar feeds hold. Hers: her group sessions (day, time, place,
//! childcare), never another member's name. A staff member's: the sessions
//! she facilitates and the contacts she planned, with first names only.

use super::page::{HerSession, her_sessions};
use crate::error::DbResult;
use crate::pool::DbConn;
use crate::schema::*;
use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};
use diesel::prelude::*;
use std::collections::HashMap;

/// A participant's feed: her preferred language of traject's four (the
/// feed's words) and her sessions from three months back to a year ahead
/// (cancelled ones stay, marked so, for the phone to update).
pub fn participant_feed(
    conn: &mut DbConn,
    org: &str,
    participant_id: &str,
    today: NaiveDate,
) -> DbResult<Option<(String, Vec<HerSession>)>> {
    let found: Option<(String, Option<String>)> = participants::table
        .filter(participants::organisation_id.eq(org))
        .filter(participants::id.eq(participant_id))
        .select((participants::language, participants::message_language))
        .first(conn)
        .optional()?;
    let Some((language, own)) = found else {
        return Ok(None);
    };
    // Her message language when it is one of the four, else her preferred.
    let language = own
        .filter(|l| l.parse::<domain::model::Language>().is_ok())
        .unwrap_or(language);
    let sessions = her_sessions(
        conn,
        org,
        participant_id,
        today - Duration::days(92),
        today + Duration::days(366),
        2_000,
        None,
    )?;
    Ok(Some((language, sessions)))
}

/// A session in a staff member's feed.
#[derive(Debug, Clone, PartialEq)]
pub struct StaffSession {
    pub id: String,
    pub group: String,
    pub kind: String,
    pub theme: String,
    pub date: NaiveDate,
    pub start: NaiveTime,
    pub end: NaiveTime,
    pub place: String,
    pub cancelled: bool,
    pub version: i32,
    pub updated_at: NaiveDateTime,
}

/// A contact she planned with a participant (first name only).
#[derive(Debug, Clone, PartialEq)]
pub struct PlannedContact {
    pub participant_id: String,
    pub first_name: String,
    pub on: NaiveDate,
}

/// A staff member's feed.
#[derive(Debug, Clone, PartialEq)]
pub struct StaffFeed {
    pub language: String,
    pub sessions: Vec<StaffSession>,
    pub contacts: Vec<PlannedContact>,
}

/// The feed of a staff member who still works in `org` (none otherwise).
pub fn staff_feed(
    conn: &mut DbConn,
    org: &str,
    user_id: &str,
    today: NaiveDate,
) -> DbResult<Option<StaffFeed>> {
    let found: Option<Option<String>> = users::table
        .inner_join(memberships::table)
        .filter(users::id.eq(user_id))
        .filter(users::active.eq(true))
        .filter(memberships::organisation_id.eq(org))
        .select(users::preferred_language)
        .first(conn)
        .optional()?;
    let Some(language) = found else {
        return Ok(None);
    };
    let (from, until) = (today - Duration::days(92), today + Duration::days(366));
    let mine = session_facilitators::table
        .filter(session_facilitators::organisation_id.eq(org))
        .filter(session_facilitators::user_id.eq(user_id))
        .select(session_facilitators::session_id);
    type Row = (
        String,
        String,
        String,
        String,
        NaiveDate,
        NaiveTime,
        NaiveTime,
        Option<String>,
        bool,
        i32,
        NaiveDateTime,
    );
    let rows: Vec<Row> = group_sessions::table
        .inner_join(groups::table)
        .filter(group_sessions::organisation_id.eq(org))
        .filter(group_sessions::id.eq_any(mine))
        .filter(group_sessions::held_on.ge(from))
        .filter(group_sessions::held_on.le(until))
        .order((group_sessions::held_on, group_sessions::starts_at))
        .select((
            group_sessions::id,
            groups::name,
            group_sessions::kind,
            group_sessions::theme,
            group_sessions::held_on,
            group_sessions::starts_at,
            group_sessions::ends_at,
            group_sessions::room_id,
            group_sessions::cancelled,
            group_sessions::version,
            group_sessions::updated_at,
        ))
        .limit(5_000)
        .load(conn)?;
    let mut places: HashMap<Option<String>, String> = HashMap::new();
    let mut sessions = Vec::with_capacity(rows.len());
    for (id, group, kind, theme, date, start, end, room, cancelled, version, updated_at) in rows {
        let place = match places.get(&room) {
            Some(p) => p.clone(),
            None => {
                let p = super::place_of(conn, org, room.as_deref())?;
                places.insert(room, p.clone());
                p
            }
        };
        sessions.push(StaffSession {
            id,
            group,
            kind,
            theme,
            date,
            start,
            end,
            place,
            cancelled,
            version,
            updated_at,
        });
    }
    // Her participants' next contact: the one planned in the latest entry
    // of each one's journal that planned one.
    let hers = trajectories::table
        .filter(trajectories::organisation_id.eq(org))
        .filter(trajectories::casemanager_id.eq(user_id))
        .select(trajectories::participant_id);
    let planned: Vec<(String, String, NaiveDate, NaiveDateTime, Option<NaiveDate>)> =
        journal_entries::table
            .inner_join(
                participants::table.on(participants::id.eq(journal_entries::participant_id)),
            )
            .filter(journal_entries::organisation_id.eq(org))
            .filter(journal_entries::participant_id.eq_any(hers))
            .filter(journal_entries::next_contact_on.is_not_null())
            .filter(journal_entries::written_on.ge(today - Duration::days(400)))
            .select((
                journal_entries::participant_id,
                participants::first_name,
                journal_entries::written_on,
                journal_entries::created_at,
                journal_entries::next_contact_on,
            ))
            .load(conn)?;
    let mut latest: HashMap<String, (NaiveDate, NaiveDateTime, String, NaiveDate)> = HashMap::new();
    for (p, first, written, created, next) in planned {
        let Some(next) = next else { continue };
        let newer = latest
            .get(&p)
            .is_none_or(|(w, c, _, _)| (written, created) > (*w, *c));
        if newer {
            latest.insert(p, (written, created, first, next));
        }
    }
    let mut contacts: Vec<PlannedContact> = latest
        .into_iter()
        .filter(|(_, (_, _, _, on))| *on >= from && *on <= until)
        .map(|(participant_id, (_, _, first_name, on))| PlannedContact {
            participant_id,
            first_name,
            on,
        })
        .collect();
    contacts.sort_by(|a, b| (a.on, &a.participant_id).cmp(&(b.on, &b.participant_id)));
    Ok(Some(StaffFeed {
        language: language.unwrap_or_else(|| "nl".to_owned()),
        sessions,
        contacts,
    }))
}
