//! The outbox: every message to a participant is a row, written in the same
//! transaction as the change that caused it (a session moved or cancelled)
//! or by the reminder scheduler, and sent by the worker (`messaging`). A row
//! is claimed before it is sent, so that two workers (two app servers on one
//! PostgreSQL database) never send it twice; a failed send is retried with
//! backoff until the attempts run out.

use crate::backend::write_tx;
use crate::error::DbResult;
use crate::models::new_id;
use crate::pool::DbConn;
use crate::schema::*;
use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};
use diesel::prelude::*;
use domain::clock::{brussels_local, from_brussels};
use domain::messages::{
    MessageKind, MessageStatus, Offset, QuietHours, SessionFacts, parse_offsets, reminder_time,
    retry_after,
};
use domain::participant::{Channel, ConsentScope};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

pub mod digest;
pub mod feeds;
pub mod links;
pub mod page;
pub mod settings;
pub mod texts;

/// One message of the outbox.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable, serde::Deserialize)]
#[diesel(table_name = messages)]
pub struct Message {
    pub id: String,
    pub organisation_id: String,
    pub participant_id: Option<String>,
    pub user_id: Option<String>,
    pub session_id: Option<String>,
    pub kind: String,
    pub channel: String,
    pub language: String,
    pub address: String,
    pub facts: String,
    pub body: String,
    pub due_at: NaiveDateTime,
    pub status: String,
    pub attempts: i32,
    pub next_attempt_at: NaiveDateTime,
    pub claimed_until: Option<NaiveDateTime>,
    pub last_error: String,
    pub provider_id: Option<String>,
    pub dedupe_key: String,
    pub sent_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl Message {
    pub fn session_facts(&self) -> Option<SessionFacts> {
        serde_json::from_str(&self.facts).ok()
    }
}

/// How reminders go out for one organisation.
#[derive(Debug, Clone)]
pub struct ReminderSettings {
    pub offsets: Vec<Offset>,
    pub quiet: QuietHours,
}

pub fn settings(conn: &mut DbConn, org: &str) -> DbResult<ReminderSettings> {
    let (offsets, from, until): (String, NaiveTime, NaiveTime) = organisations::table
        .find(org)
        .select((
            organisations::reminder_offsets,
            organisations::quiet_from,
            organisations::quiet_until,
        ))
        .first(conn)?;
    Ok(ReminderSettings {
        offsets: parse_offsets(&offsets).unwrap_or_default(),
        quiet: QuietHours { from, until },
    })
}

/// A member as a message needs her: where to reach her, in which language,
/// and whether she agreed to it.
struct Recipient {
    participant_id: String,
    first_name: String,
    language: String,
    channel: Channel,
    address: String,
    childcare: bool,
}

/// The members of a session's group on its day whom a message may reach:
/// an SMS, WhatsApp or email channel with its address, and her consent to
/// reminders (and to WhatsApp for WhatsApp); "phone call" members are kept
/// too (they go on the call list).
fn recipients(
    conn: &mut DbConn,
    org: &str,
    group_id: &str,
    on: NaiveDate,
    today: NaiveDate,
) -> DbResult<Vec<Recipient>> {
    Ok(Rosters::load(conn, org, &[group_id], today)?.recipients(group_id, on))
}

/// A membership as a message needs it.
struct MemberRow {
    joined_on: Option<NaiveDate>,
    left_on: Option<NaiveDate>,
    participant_id: String,
    first_name: String,
    language: String,
    channel: String,
    phone: Option<String>,
    email: Option<String>,
    own_language: Option<String>,
}

/// The members of some of an organisation's groups with their consents
/// and childcare, read at once (three statements) and then asked per
/// session and day in memory: the scheduler's minute over a city's
/// fortnight of sessions was three statements a session.
struct Rosters {
    members: HashMap<String, Vec<MemberRow>>,
    consents: Consents,
    care: Childcare,
}

impl Rosters {
    fn load(conn: &mut DbConn, org: &str, group_ids: &[&str], today: NaiveDate) -> DbResult<Self> {
        type Row = (
            String,
            Option<NaiveDate>,
            Option<NaiveDate>,
            String,
            String,
            String,
            String,
            Option<String>,
            Option<String>,
            Option<String>,
        );
        let rows: Vec<Row> = group_members::table
            .inner_join(participants::table)
            .filter(group_members::organisation_id.eq(org))
            .filter(group_members::group_id.eq_any(group_ids))
            .filter(group_members::status.eq("member"))
            .select((
                group_members::group_id,
                group_members::joined_on,
                group_members::left_on,
                participants::id,
                participants::first_name,
                participants::language,
                participants::channel,
                participants::phone,
                participants::email,
                participants::message_language,
            ))
            .load(conn)?;
        let mut ids: Vec<&str> = rows.iter().map(|r| r.3.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        let consents = Consents::load(conn, org, &ids, today)?;
        let care = Childcare::load(conn, org, group_ids, &ids)?;
        let mut members: HashMap<String, Vec<MemberRow>> = HashMap::new();
        for (group_id, joined_on, left_on, id, first_name, language, channel, phone, email, own) in
            rows
        {
            members.entry(group_id).or_default().push(MemberRow {
                joined_on,
                left_on,
                participant_id: id,
                first_name,
                language,
                channel,
                phone,
                email,
                own_language: own,
            });
        }
        Ok(Self {
            members,
            consents,
            care,
        })
    }

    /// The group's members on `on` whom a message may reach.
    fn recipients(&self, group_id: &str, on: NaiveDate) -> Vec<Recipient> {
        let Some(rows) = self.members.get(group_id) else {
            return Vec::new();
        };
        rows.iter()
            .filter(|m| m.joined_on.is_some_and(|j| j <= on) && m.left_on.is_none_or(|l| l >= on))
            .filter_map(|m| {
                let channel: Channel = m.channel.parse().ok()?;
                let id = &m.participant_id;
                // "Phone call" members go on the call list, agreed or not.
                let address = match channel {
                    Channel::PhoneCall => m.phone.clone().unwrap_or_default(),
                    _ => send_address(channel, m.phone.clone(), m.email.clone(), |scope| {
                        self.consents.agreed(id, scope)
                    })?,
                };
                Some(Recipient {
                    childcare: self.care.for_member(group_id, id, on),
                    participant_id: id.clone(),
                    first_name: m.first_name.clone(),
                    language: m.own_language.clone().unwrap_or_else(|| m.language.clone()),
                    channel,
                    address,
                })
            })
            .collect()
    }
}

/// The consents in force on `today` for some of an organisation's
/// participants, read once, then asked per person and scope.
pub(crate) struct Consents(HashSet<(String, String)>);

impl Consents {
    pub(crate) fn load<P: AsRef<str>>(
        conn: &mut DbConn,
        org: &str,
        participant_ids: &[P],
        today: NaiveDate,
    ) -> DbResult<Self> {
        let ids: Vec<&str> = participant_ids.iter().map(AsRef::as_ref).collect();
        Ok(Self(
            consents::table
                .filter(consents::organisation_id.eq(org))
                .filter(consents::participant_id.eq_any(&ids))
                .filter(consents::given_on.le(today))
                .filter(
                    consents::withdrawn_on
                        .is_null()
                        .or(consents::withdrawn_on.gt(today)),
                )
                .select((consents::participant_id, consents::scope))
                .load::<(String, String)>(conn)?
                .into_iter()
                .collect(),
        ))
    }

    pub(crate) fn agreed(&self, participant_id: &str, scope: ConsentScope) -> bool {
        self.0
            .contains(&(participant_id.to_owned(), scope.code().to_owned()))
    }
}

/// Her address on a channel that sends (SMS, WhatsApp, email), when she
/// has one there and agreed to reminders (and, for WhatsApp, to WhatsApp).
pub(crate) fn send_address(
    channel: Channel,
    phone: Option<String>,
    email: Option<String>,
    agreed: impl Fn(ConsentScope) -> bool,
) -> Option<String> {
    let address = match channel {
        Channel::Sms | Channel::Whatsapp => phone?,
        Channel::Email => email?,
        Channel::PhoneCall | Channel::NoChannel => return None,
    };
    let consented = agreed(ConsentScope::Reminders)
        && (channel != Channel::Whatsapp || agreed(ConsentScope::WhatsappContact));
    consented.then_some(address)
}

/// Whether childcare is there for a member on a day: her group has a
/// childcare group and she has a child under 7 on the day. Read once for
/// many groups and members, then asked per session in memory.
pub(crate) struct Childcare {
    groups_with_care: HashSet<String>,
    births: HashMap<String, Vec<Option<NaiveDate>>>,
}

impl Childcare {
    pub(crate) fn load<G: AsRef<str>, P: AsRef<str>>(
        conn: &mut DbConn,
        org: &str,
        group_ids: &[G],
        participant_ids: &[P],
    ) -> DbResult<Self> {
        let group_ids: Vec<&str> = group_ids.iter().map(AsRef::as_ref).collect();
        let groups_with_care: HashSet<String> = groups::table
            .filter(groups::organisation_id.eq(org))
            .filter(groups::parent_id.eq_any(&group_ids))
            .filter(groups::kind.eq("childcare"))
            .select(groups::parent_id)
            .load::<Option<String>>(conn)?
            .into_iter()
            .flatten()
            .collect();
        let mut births: HashMap<String, Vec<Option<NaiveDate>>> = HashMap::new();
        if !groups_with_care.is_empty() {
            let ids: Vec<&str> = participant_ids.iter().map(AsRef::as_ref).collect();
            let born: Vec<(String, Option<NaiveDate>)> = children::table
                .filter(children::organisation_id.eq(org))
                .filter(children::participant_id.eq_any(&ids))
                .select((children::participant_id, children::birth_date))
                .load(conn)?;
            for (p, b) in born {
                births.entry(p).or_default().push(b);
            }
        }
        Ok(Self {
            groups_with_care,
            births,
        })
    }

    pub(crate) fn for_member(&self, group_id: &str, participant_id: &str, on: NaiveDate) -> bool {
        self.groups_with_care.contains(group_id)
            && self
                .births
                .get(participant_id)
                .is_some_and(|b| domain::groups::child_counts(b, on).childcare > 0)
    }
}

/// The place of a session as a message names it: room and address.
pub(crate) fn place_of(conn: &mut DbConn, org: &str, room_id: Option<&str>) -> DbResult<String> {
    let Some(room) = room_id else {
        return Ok(String::new());
    };
    let found: Option<(String, String, String, String)> = rooms::table
        .inner_join(sites::table)
        .filter(rooms::organisation_id.eq(org))
        .filter(rooms::id.eq(room))
        .select((rooms::name, sites::street, sites::postal_code, sites::city))
        .first(conn)
        .optional()?;
    Ok(found
        .map(|(room, street, postal, city)| format!("{room}, {street}, {postal} {city}"))
        .unwrap_or_default())
}

/// What one message is about: its session, why, when, and its dedupe key.
struct About<'a> {
    session_id: &'a str,
    kind: MessageKind,
    due: NaiveDateTime,
    key: String,
}

fn row(
    org: &str,
    r: &Recipient,
    about: About<'_>,
    facts: &SessionFacts,
    now: NaiveDateTime,
) -> Message {
    let About {
        session_id,
        kind,
        due,
        key,
    } = about;
    let status = if r.channel == Channel::PhoneCall {
        MessageStatus::ToCall
    } else {
        MessageStatus::Queued
    };
    Message {
        id: new_id(),
        organisation_id: org.to_owned(),
        participant_id: Some(r.participant_id.clone()),
        user_id: None,
        session_id: Some(session_id.to_owned()),
        kind: kind.code().to_owned(),
        channel: r.channel.code().to_owned(),
        language: r.language.clone(),
        address: r.address.clone(),
        facts: serde_json::to_string(facts).unwrap_or_default(),
        body: String::new(),
        due_at: due,
        status: status.code().to_owned(),
        attempts: 0,
        next_attempt_at: due,
        claimed_until: None,
        last_error: String::new(),
        provider_id: None,
        dedupe_key: key,
        sent_at: None,
        created_at: now,
        updated_at: now,
    }
}

fn facts_for(r: &Recipient, s: &crate::models::GroupSession, place: &str) -> SessionFacts {
    SessionFacts {
        first_name: r.first_name.clone(),
        date: s.held_on,
        start: s.starts_at,
        end: s.ends_at,
        place: place.to_owned(),
        childcare: r.childcare,
        was: None,
    }
}

/// Queues the reminders of one session (each member, each offset) that are
/// still ahead at `now` (UTC, like every stored instant; sessions and quiet
/// hours are in Brussels time). Idempotent: a reminder already queued for
/// the same member, offset, day and time is not queued again. Returns how
/// many were added.
pub fn queue_session_reminders(
    conn: &mut DbConn,
    org: &str,
    session_id: &str,
    now: NaiveDateTime,
) -> DbResult<usize> {
    let session: Option<crate::models::GroupSession> = group_sessions::table
        .filter(group_sessions::organisation_id.eq(org))
        .filter(group_sessions::id.eq(session_id))
        .select(crate::models::GroupSession::as_select())
        .first(conn)
        .optional()?;
    match session {
        Some(s) => {
            let rows = reminders_for(conn, &s, now, &mut Known::default())?;
            insert_new(conn, rows)
        }
        None => Ok(0),
    }
}

/// Settings and places already read while queueing many sessions.
#[derive(Default)]
struct Known {
    settings: HashMap<String, ReminderSettings>,
    places: HashMap<Option<String>, String>,
    /// The members of the organisation whose sessions are being queued
    /// (its id, and them), read ahead for all its sessions.
    rosters: Option<(String, Rosters)>,
}

/// The reminders one session should have (reads only).
fn reminders_for(
    conn: &mut DbConn,
    s: &crate::models::GroupSession,
    now: NaiveDateTime,
    known: &mut Known,
) -> DbResult<Vec<Message>> {
    let org = s.organisation_id.as_str();
    let session_id = s.id.as_str();
    if s.cancelled {
        return Ok(Vec::new());
    }
    let start = s.held_on.and_time(s.starts_at);
    let local_now = brussels_local(now);
    if start <= local_now {
        return Ok(Vec::new());
    }
    if !known.settings.contains_key(org) {
        let read = settings(conn, org)?;
        known.settings.insert(org.to_owned(), read);
    }
    let settings = known.settings[org].clone();
    let members = match &known.rosters {
        Some((of, r)) if of == org => r.recipients(&s.group_id, s.held_on),
        _ => recipients(conn, org, &s.group_id, s.held_on, local_now.date())?,
    };
    if members.is_empty() {
        return Ok(Vec::new());
    }
    let place = match known.places.get(&s.room_id) {
        Some(p) => p.clone(),
        None => {
            let p = place_of(conn, org, s.room_id.as_deref())?;
            known.places.insert(s.room_id.clone(), p.clone());
            p
        }
    };
    let mut rows = Vec::new();
    for r in &members {
        let facts = facts_for(r, s, &place);
        if r.channel == Channel::PhoneCall {
            // One line on the call list, from the first reminder's moment.
            let first = settings
                .offsets
                .iter()
                .filter_map(|o| reminder_time(*o, start, &settings.quiet, local_now))
                .min()
                .map(from_brussels);
            if let Some(due) = first {
                let key = format!("call:{session_id}:{}:{start}", r.participant_id);
                rows.push(row(
                    org,
                    r,
                    About {
                        session_id,
                        kind: MessageKind::Reminder,
                        due,
                        key,
                    },
                    &facts,
                    now,
                ));
            }
            continue;
        }
        for offset in &settings.offsets {
            if let Some(due) = reminder_time(*offset, start, &settings.quiet, local_now) {
                let due = from_brussels(due);
                let key = format!(
                    "reminder:{session_id}:{}:{}:{start}",
                    r.participant_id,
                    offset.code()
                );
                rows.push(row(
                    org,
                    r,
                    About {
                        session_id,
                        kind: MessageKind::Reminder,
                        due,
                        key,
                    },
                    &facts,
                    now,
                ));
            }
        }
    }
    Ok(rows)
}

/// Inserts the rows whose dedupe key is not there yet.
pub(crate) fn insert_new(conn: &mut DbConn, rows: Vec<Message>) -> DbResult<usize> {
    if rows.is_empty() {
        return Ok(0);
    }
    // The unique index on the key decides: a reminder queued before, or by
    // another scheduler (another app server) at the same moment, is skipped.
    crate::backend::insert_ignoring_duplicates(conn, &rows)
}

/// A session moved (or was cancelled): its reminders not sent yet are
/// withdrawn, and its members get a notice now (after the quiet hours);
/// for a move, the new reminders are queued. Runs in the transaction of the
/// change.
pub fn session_changed(
    conn: &mut DbConn,
    org: &str,
    session: &crate::models::GroupSession,
    was: Option<(NaiveDate, NaiveTime)>,
    kind: MessageKind,
    now: NaiveDateTime,
) -> DbResult<usize> {
    diesel::update(
        messages::table
            .filter(messages::organisation_id.eq(org))
            .filter(messages::session_id.eq(&session.id))
            .filter(messages::kind.eq(MessageKind::Reminder.code()))
            .filter(
                messages::status
                    .eq_any([MessageStatus::Queued.code(), MessageStatus::ToCall.code()]),
            ),
    )
    .set((
        messages::status.eq(MessageStatus::Withdrawn.code()),
        messages::updated_at.eq(now),
    ))
    .execute(conn)?;
    let start = session.held_on.and_time(session.starts_at);
    let local_now = brussels_local(now);
    // Who was to come: for a move, the members of the old day.
    let settings = settings(conn, org)?;
    let on = was.map(|(d, _)| d).unwrap_or(session.held_on);
    let members = recipients(conn, org, &session.group_id, on, local_now.date())?;
    let place = place_of(conn, org, session.room_id.as_deref())?;
    let due = from_brussels(settings.quiet.respect(local_now));
    let rows: Vec<Message> = members
        .iter()
        .map(|r| {
            let mut facts = facts_for(r, session, &place);
            facts.was = was;
            let key = format!(
                "{}:{}:{}:{}",
                kind.code(),
                session.id,
                r.participant_id,
                session.version
            );
            let about = About {
                session_id: &session.id,
                kind,
                due,
                key,
            };
            row(org, r, about, &facts, now)
        })
        .collect();
    let mut added = insert_new(conn, rows)?;
    if kind == MessageKind::SessionMoved && start > local_now {
        added += queue_session_reminders(conn, org, &session.id, now)?;
    }
    Ok(added)
}

/// Queues the reminders of every session starting within `horizon` of
/// `now`, all organisations (the worker runs this every minute). Returns
/// how many sessions were looked at and how many reminders were added.
pub fn queue_due_reminders(
    conn: &mut DbConn,
    now: NaiveDateTime,
    horizon: Duration,
) -> DbResult<(usize, usize)> {
    let local_now = brussels_local(now);
    let until = local_now + horizon;
    let sessions: Vec<crate::models::GroupSession> = group_sessions::table
        .filter(group_sessions::held_on.between(local_now.date(), until.date()))
        .filter(group_sessions::cancelled.eq(false))
        .order((group_sessions::organisation_id, group_sessions::held_on))
        .select(crate::models::GroupSession::as_select())
        .load(conn)?;
    let mut added = 0;
    let mut known = Known::default();
    let mut groups: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for s in &sessions {
        groups
            .entry(s.organisation_id.as_str())
            .or_default()
            .insert(s.group_id.as_str());
    }
    for chunk in sessions.chunks(50) {
        // Read without the write lock; write only what may be new (the
        // unique key skips what was queued before), so that the scheduler's
        // minute costs other writers nothing when nothing changed.
        let mut rows = Vec::new();
        for s in chunk {
            let org = s.organisation_id.as_str();
            if known.rosters.as_ref().is_none_or(|(of, _)| of != org) {
                // Sessions come ordered by organisation: one organisation's
                // members in memory at a time (all of a city's instance at
                // once was 14 MB more at the peak).
                known.rosters = None;
                let ids: Vec<&str> = groups
                    .get(org)
                    .map(|g| g.iter().copied().collect())
                    .unwrap_or_default();
                let rosters = Rosters::load(conn, org, &ids, local_now.date())?;
                known.rosters = Some((org.to_owned(), rosters));
            }
            rows.extend(reminders_for(conn, s, now, &mut known)?);
        }
        if rows.is_empty() {
            continue;
        }
        let keys: Vec<&str> = rows.iter().map(|r| r.dedupe_key.as_str()).collect();
        let queued: HashSet<String> = messages::table
            .filter(messages::dedupe_key.eq_any(&keys))
            .select(messages::dedupe_key)
            .load::<String>(conn)?
            .into_iter()
            .collect();
        rows.retain(|r| !queued.contains(&r.dedupe_key));
        if !rows.is_empty() {
            added += write_tx(conn, |conn| insert_new(conn, rows))?;
        }
    }
    Ok((sessions.len(), added))
}

/// A channel a worker can send through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SendChannel {
    Email,
    Sms,
    Whatsapp,
}

impl SendChannel {
    pub fn code(self) -> &'static str {
        match self {
            SendChannel::Email => "email",
            SendChannel::Sms => "sms",
            SendChannel::Whatsapp => "whatsapp",
        }
    }

    pub const ALL: [SendChannel; 3] = [SendChannel::Email, SendChannel::Sms, SendChannel::Whatsapp];
}

/// Claims up to `limit` messages due at `now` on `channels` (those the
/// worker has; the others wait in the outbox) for sending until `lease`
/// ends (a worker that dies mid-send leaves them to be claimed again after
/// it). Each claim counts as an attempt.
pub fn claim(
    conn: &mut DbConn,
    now: NaiveDateTime,
    lease: Duration,
    limit: i64,
    channels: &[SendChannel],
) -> DbResult<Vec<Message>> {
    write_tx(conn, |conn| {
        let ids = crate::backend::claimable(conn, now, limit, channels)?;
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        diesel::update(messages::table.filter(messages::id.eq_any(&ids)))
            .set((
                messages::status.eq(MessageStatus::Sending.code()),
                messages::claimed_until.eq(Some(now + lease)),
                messages::attempts.eq(messages::attempts + 1),
                messages::updated_at.eq(now),
            ))
            .execute(conn)?;
        Ok(messages::table
            .filter(messages::id.eq_any(&ids))
            .order(messages::next_attempt_at.asc())
            .select(Message::as_select())
            .load(conn)?)
    })
}

/// What a send gave.
#[derive(Debug, Clone)]
pub enum Outcome {
    /// Accepted by the server or gateway (with its id for the callback).
    Sent {
        body: String,
        provider_id: Option<String>,
    },
    /// Refused or unreachable: retried later, or given up.
    Failed { body: String, error: String },
}

/// Records the outcome of a claimed message.
pub fn finish(
    conn: &mut DbConn,
    message: &Message,
    outcome: Outcome,
    max_attempts: i32,
    now: NaiveDateTime,
) -> DbResult<()> {
    write_tx(conn, |conn| {
        let target = messages::table
            .filter(messages::id.eq(&message.id))
            .filter(messages::status.eq(MessageStatus::Sending.code()));
        match outcome {
            Outcome::Sent { body, provider_id } => diesel::update(target)
                .set((
                    messages::status.eq(MessageStatus::Sent.code()),
                    messages::body.eq(body),
                    messages::provider_id.eq(provider_id),
                    messages::sent_at.eq(Some(now)),
                    messages::claimed_until.eq(None::<NaiveDateTime>),
                    messages::last_error.eq(""),
                    messages::updated_at.eq(now),
                ))
                .execute(conn)?,
            Outcome::Failed { body, error } => {
                let gave_up = message.attempts >= max_attempts;
                let status = if gave_up {
                    MessageStatus::GaveUp
                } else {
                    MessageStatus::Failed
                };
                let error: String = error.chars().take(500).collect();
                diesel::update(target)
                    .set((
                        messages::status.eq(status.code()),
                        messages::body.eq(body),
                        messages::last_error.eq(error),
                        messages::next_attempt_at
                            .eq(now + retry_after(message.attempts.max(1) as u32)),
                        messages::claimed_until.eq(None::<NaiveDateTime>),
                        messages::updated_at.eq(now),
                    ))
                    .execute(conn)?
            }
        };
        Ok(())
    })
}

/// The gateway's delivery callback: `delivered` or `failed` for the message
/// it knows by its own id. Unknown ids change nothing. Returns whether a
/// message was found.
pub fn delivery_report(
    conn: &mut DbConn,
    provider_id: &str,
    delivered: bool,
    error: &str,
    now: NaiveDateTime,
) -> DbResult<bool> {
    let status = if delivered {
        MessageStatus::Delivered
    } else {
        MessageStatus::GaveUp
    };
    let error: String = error.chars().take(500).collect();
    let n = diesel::update(
        messages::table
            .filter(messages::provider_id.eq(provider_id))
            .filter(
                messages::status
                    .eq_any([MessageStatus::Sent.code(), MessageStatus::Delivered.code()]),
            ),
    )
    .set((
        messages::status.eq(status.code()),
        messages::last_error.eq(error),
        messages::updated_at.eq(now),
    ))
    .execute(conn)?;
    Ok(n > 0)
}

/// A participant's messages, newest first (her file's delivery view; the
/// caller has opened the file).
pub fn of_participant(
    conn: &mut DbConn,
    org: &str,
    participant_id: &str,
    limit: i64,
) -> DbResult<Vec<Message>> {
    Ok(crate::direct!(conn, |c| messages::table
        .filter(messages::organisation_id.eq(org))
        .filter(messages::participant_id.eq(participant_id))
        .order(messages::due_at.desc())
        .limit(limit)
        .select(Message::as_select())
        .load(c))?)
}

/// One message of a session's delivery view: to whom (her name, for staff
/// who may see the group), what, how, when and with what outcome.
#[derive(Debug, Clone, PartialEq)]
pub struct DeliveryLine {
    pub participant_id: String,
    pub name: String,
    pub message: Message,
    /// Whether the reader may open her file (and so gets a link to it).
    pub may_open: bool,
}

/// What was sent about a session, newest first (at most 500), as `actor`
/// sees it.
pub fn of_session(
    conn: &mut DbConn,
    actor: &domain::policy::Actor,
    org: &str,
    session_id: &str,
) -> DbResult<Vec<DeliveryLine>> {
    let rows: Vec<(Message, String, String)> = messages::table
        .inner_join(
            participants::table.on(participants::id.nullable().eq(messages::participant_id)),
        )
        .filter(messages::organisation_id.eq(org))
        .filter(messages::session_id.eq(session_id))
        .order(messages::due_at.desc())
        .limit(500)
        .select((
            Message::as_select(),
            participants::first_name,
            participants::last_name,
        ))
        .load(conn)?;
    let people: Vec<String> = rows
        .iter()
        .filter_map(|(m, _, _)| m.participant_id.clone())
        .collect();
    let openable = crate::participants::openable(conn, actor, org, &people)?;
    Ok(rows
        .into_iter()
        .map(|(message, first, last)| {
            let participant_id = message.participant_id.clone().unwrap_or_default();
            DeliveryLine {
                may_open: openable.contains(&participant_id),
                participant_id,
                name: format!("{first} {last}"),
                message,
            }
        })
        .collect())
}

/// One line of a casemanager's message worries.
#[derive(Debug, Clone)]
pub struct AttentionLine {
    pub participant_id: String,
    pub name: String,
    pub channel: String,
    pub due_at: NaiveDateTime,
    pub last_error: String,
    /// The session's day and start, when the message is about one.
    pub session: Option<(NaiveDate, NaiveTime)>,
    /// Her reason, when she said she cannot come.
    pub reason: Option<String>,
}

/// What needs a casemanager about reaching her participants.
#[derive(Debug, Clone, Default)]
pub struct Attention {
    /// To call before their session (the "phone call" channel).
    pub calls: Vec<AttentionLine>,
    /// Messages given up.
    pub failed: Vec<AttentionLine>,
    /// Said on their own page that they cannot come (coming sessions and
    /// the last week's).
    pub reported: Vec<AttentionLine>,
}

/// What needs a casemanager: her participants to call before a session
/// (the "phone call" channel, due within a day), messages given up in the
/// last two weeks, and absences they reported themselves. A coordinator
/// sees the organisation's.
pub fn attention(
    conn: &mut DbConn,
    actor: &domain::policy::Actor,
    now: NaiveDateTime,
) -> DbResult<Attention> {
    let org = actor.organisation_id().unwrap_or_default().to_owned();
    let lines =
        |conn: &mut DbConn, status: MessageStatus, from: NaiveDateTime, until: NaiveDateTime| {
            let mut q = messages::table
                .inner_join(
                    participants::table
                        .on(participants::id.nullable().eq(messages::participant_id)),
                )
                .filter(messages::organisation_id.eq(org.clone()))
                .filter(messages::status.eq(status.code()))
                .filter(messages::due_at.between(from, until))
                .order(messages::due_at.asc())
                .limit(50)
                .select((
                    participants::id,
                    participants::first_name,
                    participants::last_name,
                    messages::channel,
                    messages::due_at,
                    messages::last_error,
                    messages::facts,
                ))
                .into_boxed();
            if actor.role() != Some(domain::model::Role::Coordinator) {
                let mine = trajectories::table
                    .filter(trajectories::organisation_id.eq(org.clone()))
                    .filter(trajectories::casemanager_id.eq(actor.user_id().to_owned()))
                    .select(trajectories::participant_id);
                q = q.filter(participants::id.eq_any(mine));
            }
            type Row = (
                String,
                String,
                String,
                String,
                NaiveDateTime,
                String,
                String,
            );
            let rows: Vec<Row> = q.load(conn)?;
            Ok::<_, crate::error::DbError>(
                rows.into_iter()
                    .map(
                        |(participant_id, first, last, channel, due_at, last_error, facts)| {
                            AttentionLine {
                                participant_id,
                                name: format!("{first} {last}"),
                                channel,
                                due_at,
                                last_error,
                                session: serde_json::from_str::<SessionFacts>(&facts)
                                    .ok()
                                    .map(|f| (f.date, f.start)),
                                reason: None,
                            }
                        },
                    )
                    .collect(),
            )
        };
    let calls = lines(
        conn,
        MessageStatus::ToCall,
        now - Duration::days(1),
        now + Duration::days(1),
    )?;
    let failed = lines(conn, MessageStatus::GaveUp, now - Duration::days(14), now)?;
    let today = brussels_local(now).date();
    let mut q = attendance::table
        .inner_join(group_sessions::table)
        .inner_join(participants::table)
        .filter(attendance::organisation_id.eq(org.clone()))
        .filter(attendance::marked_by.is_null())
        .filter(attendance::mark.eq(domain::groups::Mark::Excused.code()))
        .filter(
            group_sessions::held_on.between(today - Duration::days(7), today + Duration::days(62)),
        )
        .order((
            group_sessions::held_on.asc(),
            group_sessions::starts_at.asc(),
        ))
        .limit(50)
        .select((
            participants::id,
            participants::first_name,
            participants::last_name,
            attendance::marked_at,
            attendance::reason,
            group_sessions::held_on,
            group_sessions::starts_at,
        ))
        .into_boxed();
    if actor.role() != Some(domain::model::Role::Coordinator) {
        let mine = trajectories::table
            .filter(trajectories::organisation_id.eq(org.clone()))
            .filter(trajectories::casemanager_id.eq(actor.user_id().to_owned()))
            .select(trajectories::participant_id);
        q = q.filter(participants::id.eq_any(mine));
    }
    type Reported = (
        String,
        String,
        String,
        NaiveDateTime,
        Option<String>,
        NaiveDate,
        NaiveTime,
    );
    let reported = q
        .load::<Reported>(conn)?
        .into_iter()
        .map(
            |(participant_id, first, last, at, reason, day, start)| AttentionLine {
                participant_id,
                name: format!("{first} {last}"),
                channel: String::new(),
                due_at: at,
                last_error: String::new(),
                session: Some((day, start)),
                reason,
            },
        )
        .collect();
    Ok(Attention {
        calls,
        failed,
        reported,
    })
}

/// Fictional message history for the demo: the reminders of the last two
/// weeks' sessions, delivered, sent or (one in twelve) not delivered, and
/// the reminders of the coming two weeks queued as the worker would.
pub fn fiction(conn: &mut DbConn, org: &str, now: NaiveDateTime) -> DbResult<usize> {
    let local_now = brussels_local(now);
    let past: Vec<crate::models::GroupSession> = group_sessions::table
        .filter(group_sessions::organisation_id.eq(org))
        .filter(group_sessions::held_on.between(
            local_now.date() - Duration::days(14),
            local_now.date() - Duration::days(1),
        ))
        .filter(group_sessions::cancelled.eq(false))
        .order(group_sessions::held_on.asc())
        .select(crate::models::GroupSession::as_select())
        .load(conn)?;
    let mut rows = Vec::new();
    for (si, s) in past.iter().enumerate() {
        let members = recipients(conn, org, &s.group_id, s.held_on, s.held_on)?;
        let place = place_of(conn, org, s.room_id.as_deref())?;
        let due = from_brussels(
            (s.held_on - Duration::days(1))
                .and_time(NaiveTime::from_hms_opt(10, 0, 0).unwrap_or_default()),
        );
        for (mi, r) in members
            .iter()
            .enumerate()
            .filter(|(_, r)| r.channel != Channel::PhoneCall)
        {
            let facts = facts_for(r, s, &place);
            let key = format!("demo:{}:{}", s.id, r.participant_id);
            let about = About {
                session_id: &s.id,
                kind: MessageKind::Reminder,
                due,
                key,
            };
            let mut m = row(org, r, about, &facts, now);
            m.attempts = 1;
            m.sent_at = Some(due);
            m.status = if (si + mi) % 12 == 5 {
                m.attempts = 5;
                m.sent_at = None;
                m.last_error = "Demo: nummer niet bereikbaar".into();
                MessageStatus::GaveUp
            } else if r.channel == Channel::Email {
                MessageStatus::Sent
            } else {
                MessageStatus::Delivered
            }
            .code()
            .to_owned();
            rows.push(m);
        }
    }
    let mut added = insert_new(conn, rows)?;
    let coming: Vec<String> = group_sessions::table
        .filter(group_sessions::organisation_id.eq(org))
        .filter(
            group_sessions::held_on
                .between(local_now.date(), local_now.date() + Duration::days(14)),
        )
        .filter(group_sessions::cancelled.eq(false))
        .select(group_sessions::id)
        .load(conn)?;
    for id in coming {
        added += queue_session_reminders(conn, org, &id, now)?;
    }
    Ok(added)
}

/// Her messages (newest first, at most 200), for someone who may read her
/// file; the read is recorded like a read of the file.
pub fn messages_read(
    conn: &mut DbConn,
    actor: &domain::policy::Actor,
    participant_id: &str,
    origin: crate::participants::Origin<'_>,
) -> Result<Vec<Message>, crate::participants::AccessError> {
    let (org, _) = crate::participants::file::authorize_on(
        conn,
        actor,
        domain::policy::Action::ReadParticipantFile,
        "messages.read",
        participant_id,
        origin,
    )?;
    origin.record(
        conn,
        &[
            crate::audit::Event::by(actor, "messages.read", origin.ip, origin.at)
                .about("participant", participant_id),
        ],
    )?;
    Ok(of_participant(conn, &org, participant_id, 200)?)
}

/// What was sent about a session, for someone who may see its group; the
/// read is recorded as a read of the group.
pub fn session_delivery_read(
    conn: &mut DbConn,
    actor: &domain::policy::Actor,
    session_id: &str,
    origin: crate::participants::Origin<'_>,
) -> Result<Vec<DeliveryLine>, crate::participants::AccessError> {
    let org = actor.organisation_id().unwrap_or_default().to_owned();
    let Some(group) = crate::groups::group_of_session(conn, &org, session_id)? else {
        return Err(crate::error::DbError::NotFound("session").into());
    };
    crate::groups::open(
        conn,
        actor,
        domain::policy::Action::ReadGroup,
        "session.messages.read",
        &group,
        origin,
    )?;
    origin.record(
        conn,
        &[
            crate::audit::Event::by(actor, "session.messages.read", origin.ip, origin.at)
                .about("group", &group)
                .detail(&format!("session {session_id}")),
        ],
    )?;
    Ok(of_session(conn, actor, &org, session_id)?)
}

/// Tells each participant once per questionnaire and moment that questions
/// wait on her page: for what her programme asks of her now (due, not only
/// coming), on her own channel when she agreed to reminders, after the
/// quiet hours. The message names no questionnaire. Idempotent (the key).
/// Returns how many were added.
pub fn queue_questions(conn: &mut DbConn, now: NaiveDateTime) -> DbResult<usize> {
    let local_now = brussels_local(now);
    let today = local_now.date();
    let orgs: Vec<String> = measurement_moments::table
        .filter(measurement_moments::respondent.eq("participant"))
        .select(measurement_moments::organisation_id)
        .distinct()
        .load(conn)?;
    let mut added = 0;
    for org in orgs {
        let due = crate::outcomes::measurements::due_for_organisation(conn, &org, today)?;
        if due.is_empty() {
            continue;
        }
        let settings = settings(conn, &org)?;
        let at = from_brussels(settings.quiet.respect(local_now));
        let ids: Vec<&String> = due.iter().map(|d| &d.1).collect();
        type Row = (
            String,
            String,
            String,
            Option<String>,
            String,
            Option<String>,
            Option<String>,
        );
        let people: HashMap<String, Row> = participants::table
            .filter(participants::organisation_id.eq(&org))
            .filter(participants::id.eq_any(&ids))
            .select((
                participants::id,
                participants::first_name,
                participants::language,
                participants::message_language,
                participants::channel,
                participants::phone,
                participants::email,
            ))
            .load::<Row>(conn)?
            .into_iter()
            .map(|r| (r.0.clone(), r))
            .collect();
        let consents = Consents::load(conn, &org, &ids, today)?;
        let mut rows = Vec::new();
        for (trajectory, pid, d) in &due {
            let Some((_, first_name, language, own, channel, phone, email)) = people.get(pid)
            else {
                continue;
            };
            let Ok(channel) = channel.parse::<Channel>() else {
                continue;
            };
            let agreed = |scope: ConsentScope| consents.agreed(pid, scope);
            let Some(address) = send_address(channel, phone.clone(), email.clone(), agreed) else {
                continue;
            };
            let facts = domain::messages::LinkFacts {
                first_name: first_name.clone(),
                link: String::new(),
            };
            rows.push(Message {
                id: new_id(),
                organisation_id: org.clone(),
                participant_id: Some(pid.clone()),
                user_id: None,
                session_id: None,
                kind: MessageKind::QuestionsWaiting.code().to_owned(),
                channel: channel.code().to_owned(),
                language: own.clone().unwrap_or_else(|| language.clone()),
                address,
                facts: serde_json::to_string(&facts).unwrap_or_default(),
                body: String::new(),
                due_at: at,
                status: MessageStatus::Queued.code().to_owned(),
                attempts: 0,
                next_attempt_at: at,
                claimed_until: None,
                last_error: String::new(),
                provider_id: None,
                dedupe_key: format!(
                    "questions:{trajectory}:{}:{}",
                    d.planned.instrument_key,
                    d.planned.moment.code()
                ),
                sent_at: None,
                created_at: now,
                updated_at: now,
            });
        }
        added += insert_new(conn, rows)?;
    }
    Ok(added)
}
