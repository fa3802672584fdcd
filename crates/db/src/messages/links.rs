//! Personal links: her own page (expiring) and calendar feeds (hers or a
//! staff member's), each behind an unguessable token of which only the
//! SHA-256 is stored. Creating and revoking a participant's link is a change
//! to her file, authorised and recorded like one.

use crate::access::secret_hash;
use crate::audit::{self, Event};
use crate::backend::write_tx;
use crate::error::{DbError, DbResult};
use crate::models::new_id;
use crate::participants::Origin;
use crate::participants::file::{EditError, authorize_on};
use crate::pool::DbConn;
use crate::schema::*;
use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;
use domain::messages::{LinkKind, PAGE_LINK_DAYS};
use domain::policy::{Action, Actor};

/// One personal link (without its token).
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable, serde::Deserialize)]
#[diesel(table_name = access_links)]
pub struct AccessLink {
    pub id: String,
    pub organisation_id: String,
    pub kind: String,
    pub participant_id: Option<String>,
    pub user_id: Option<String>,
    pub token_hash: String,
    pub created_by: Option<String>,
    pub created_at: NaiveDateTime,
    pub expires_at: Option<NaiveDateTime>,
    pub revoked_at: Option<NaiveDateTime>,
    pub last_used_at: Option<NaiveDateTime>,
}

impl AccessLink {
    /// Whether the link opens anything at `now`.
    pub fn works(&self, now: NaiveDateTime) -> bool {
        self.revoked_at.is_none() && self.expires_at.is_none_or(|e| e > now)
    }
}

/// 256 random bits, in hex: never guessable, fits a QR code.
fn new_token() -> String {
    domain::secret::random_hex(32)
}

fn link(
    org: &str,
    kind: LinkKind,
    participant_id: Option<&str>,
    user_id: Option<&str>,
    created_by: &str,
    at: NaiveDateTime,
) -> (AccessLink, String) {
    let token = new_token();
    let expires_at = (kind == LinkKind::Page).then(|| at + Duration::days(PAGE_LINK_DAYS));
    (
        AccessLink {
            id: new_id(),
            organisation_id: org.to_owned(),
            kind: kind.code().to_owned(),
            participant_id: participant_id.map(str::to_owned),
            user_id: user_id.map(str::to_owned),
            token_hash: secret_hash(&token),
            created_by: Some(created_by.to_owned()),
            created_at: at,
            expires_at,
            revoked_at: None,
            last_used_at: None,
        },
        token,
    )
}

/// Makes a link for a participant: her page (which replaces the page link
/// she had: one works at a time) or a calendar feed (`None`: a kind that
/// did not parse, refused after the authorisation). Returns the link and
/// its token, which is shown once.
pub fn create_for_participant(
    conn: &mut DbConn,
    actor: &Actor,
    participant_id: &str,
    kind: Option<LinkKind>,
    origin: Origin<'_>,
) -> Result<(AccessLink, String), EditError> {
    write_tx(conn, |conn| {
        let (org, _) = authorize_on(
            conn,
            actor,
            Action::EditParticipant,
            "link.create",
            participant_id,
            origin,
        )?;
        let Some(kind) = kind else {
            return Err(EditError::Invalid(vec![domain::participant::FieldError {
                field: "kind",
                code: "required",
            }]));
        };
        if kind == LinkKind::Page {
            diesel::update(
                access_links::table
                    .filter(access_links::organisation_id.eq(&org))
                    .filter(access_links::participant_id.eq(participant_id))
                    .filter(access_links::kind.eq(LinkKind::Page.code()))
                    .filter(access_links::revoked_at.is_null()),
            )
            .set(access_links::revoked_at.eq(origin.at))
            .execute(conn)?;
        }
        let (row, token) = link(
            &org,
            kind,
            Some(participant_id),
            None,
            actor.user_id(),
            origin.at,
        );
        diesel::insert_into(access_links::table)
            .values(&row)
            .execute(conn)?;
        audit::record(
            conn,
            &Event::by(actor, "link.create", origin.ip, origin.at)
                .about("participant", participant_id)
                .detail(&format!("{} link {}", row.kind, row.id)),
        )?;
        Ok((row, token))
    })
}

/// A participant's links that still work at `now`, newest first.
pub fn of_participant(
    conn: &mut DbConn,
    org: &str,
    participant_id: &str,
    now: NaiveDateTime,
) -> DbResult<Vec<AccessLink>> {
    let all: Vec<AccessLink> = crate::direct!(conn, |c| access_links::table
        .filter(access_links::organisation_id.eq(org))
        .filter(access_links::participant_id.eq(participant_id))
        .filter(access_links::revoked_at.is_null())
        .order(access_links::created_at.desc())
        .select(AccessLink::as_select())
        .load(c))?;
    Ok(all.into_iter().filter(|l| l.works(now)).collect())
}

/// Revokes one of a participant's links.
pub fn revoke_for_participant(
    conn: &mut DbConn,
    actor: &Actor,
    participant_id: &str,
    link_id: &str,
    origin: Origin<'_>,
) -> Result<(), EditError> {
    write_tx(conn, |conn| {
        let (org, _) = authorize_on(
            conn,
            actor,
            Action::EditParticipant,
            "link.revoke",
            participant_id,
            origin,
        )?;
        let n = diesel::update(
            access_links::table
                .filter(access_links::organisation_id.eq(&org))
                .filter(access_links::participant_id.eq(participant_id))
                .filter(access_links::id.eq(link_id))
                .filter(access_links::revoked_at.is_null()),
        )
        .set(access_links::revoked_at.eq(origin.at))
        .execute(conn)?;
        if n == 0 {
            return Err(DbError::NotFound("link").into());
        }
        audit::record(
            conn,
            &Event::by(actor, "link.revoke", origin.ip, origin.at)
                .about("participant", participant_id)
                .detail(&format!("link {link_id}")),
        )?;
        Ok(())
    })
}

/// A new calendar feed for the staff member herself in her organisation;
/// the one she had stops working.
pub fn renew_own_feed(
    conn: &mut DbConn,
    actor: &Actor,
    origin: Origin<'_>,
) -> DbResult<(AccessLink, String)> {
    let Some(org) = actor.organisation_id().map(str::to_owned) else {
        return Err(DbError::Conflict("feeds belong to an organisation".into()));
    };
    write_tx(conn, |conn| {
        revoke_own(conn, &org, actor.user_id(), origin.at)?;
        let (row, token) = link(
            &org,
            LinkKind::Feed,
            None,
            Some(actor.user_id()),
            actor.user_id(),
            origin.at,
        );
        diesel::insert_into(access_links::table)
            .values(&row)
            .execute(conn)?;
        audit::record(
            conn,
            &Event::by(actor, "link.create", origin.ip, origin.at)
                .about("user", actor.user_id())
                .detail(&format!("feed link {}", row.id)),
        )?;
        Ok((row, token))
    })
}

fn revoke_own(conn: &mut DbConn, org: &str, user_id: &str, at: NaiveDateTime) -> DbResult<usize> {
    Ok(diesel::update(
        access_links::table
            .filter(access_links::organisation_id.eq(org))
            .filter(access_links::user_id.eq(user_id))
            .filter(access_links::revoked_at.is_null()),
    )
    .set(access_links::revoked_at.eq(at))
    .execute(conn)?)
}

/// Stops the staff member's own feed.
pub fn revoke_own_feed(conn: &mut DbConn, actor: &Actor, origin: Origin<'_>) -> DbResult<()> {
    let Some(org) = actor.organisation_id().map(str::to_owned) else {
        return Ok(());
    };
    write_tx(conn, |conn| {
        if revoke_own(conn, &org, actor.user_id(), origin.at)? > 0 {
            audit::record(
                conn,
                &Event::by(actor, "link.revoke", origin.ip, origin.at)
                    .about("user", actor.user_id())
                    .detail("feed link"),
            )?;
        }
        Ok(())
    })
}

/// The staff member's working feed in her organisation, if any.
pub fn own_feed(
    conn: &mut DbConn,
    actor: &Actor,
    now: NaiveDateTime,
) -> DbResult<Option<AccessLink>> {
    let Some(org) = actor.organisation_id() else {
        return Ok(None);
    };
    let found: Option<AccessLink> = access_links::table
        .filter(access_links::organisation_id.eq(org))
        .filter(access_links::user_id.eq(actor.user_id()))
        .filter(access_links::revoked_at.is_null())
        .select(AccessLink::as_select())
        .first(conn)
        .optional()?;
    Ok(found.filter(|l| l.works(now)))
}

/// Whose a working token is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Holder {
    Participant {
        organisation_id: String,
        participant_id: String,
        link_id: String,
        kind: LinkKind,
    },
    Staff {
        organisation_id: String,
        user_id: String,
        link_id: String,
    },
}

/// The holder of `token` if it works at `now`; notes its use at most once
/// an hour (a calendar app polls often; a write per poll would be waste).
pub fn resolve(conn: &mut DbConn, token: &str, now: NaiveDateTime) -> DbResult<Option<Holder>> {
    if token.len() != 64 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Ok(None);
    }
    let found: Option<AccessLink> = access_links::table
        .filter(access_links::token_hash.eq(secret_hash(token)))
        .select(AccessLink::as_select())
        .first(conn)
        .optional()?;
    let Some(link) = found.filter(|l| l.works(now)) else {
        return Ok(None);
    };
    if link
        .last_used_at
        .is_none_or(|t| now - t >= Duration::hours(1))
    {
        write_tx(conn, |conn| {
            diesel::update(access_links::table.find(&link.id))
                .set(access_links::last_used_at.eq(now))
                .execute(conn)
        })?;
    }
    let kind = link.kind.parse::<LinkKind>().unwrap_or(LinkKind::Feed);
    Ok(Some(match (link.participant_id, link.user_id) {
        (Some(participant_id), _) => Holder::Participant {
            organisation_id: link.organisation_id,
            participant_id,
            link_id: link.id,
            kind,
        },
        (None, Some(user_id)) => Holder::Staff {
            organisation_id: link.organisation_id,
            user_id,
            link_id: link.id,
        },
        (None, None) => return Ok(None),
    }))
}

/// Queues the message carrying her page's `link` to her own channel, when
/// she has one she agreed to (as for reminders). Returns whether it was
/// queued; with no such channel the link is printed instead.
pub fn send_link(
    conn: &mut DbConn,
    org: &str,
    participant_id: &str,
    link: &str,
    now: NaiveDateTime,
) -> DbResult<bool> {
    use domain::messages::{LinkFacts, MessageKind, MessageStatus};
    use domain::participant::{Channel, ConsentScope};
    type Row = (
        String,
        String,
        Option<String>,
        String,
        Option<String>,
        Option<String>,
    );
    let found: Option<Row> = participants::table
        .filter(participants::organisation_id.eq(org))
        .filter(participants::id.eq(participant_id))
        .select((
            participants::first_name,
            participants::language,
            participants::message_language,
            participants::channel,
            participants::phone,
            participants::email,
        ))
        .first(conn)
        .optional()?;
    let Some((first_name, language, own, channel, phone, email)) = found else {
        return Ok(false);
    };
    let Ok(channel) = channel.parse::<Channel>() else {
        return Ok(false);
    };
    let today = domain::clock::brussels_local(now).date();
    let consents = super::Consents::load(conn, org, &[participant_id], today)?;
    let agreed = |s: ConsentScope| consents.agreed(participant_id, s);
    let Some(address) = super::send_address(channel, phone, email, agreed) else {
        return Ok(false);
    };
    let facts = LinkFacts {
        first_name,
        link: link.to_owned(),
    };
    let message = super::Message {
        id: new_id(),
        organisation_id: org.to_owned(),
        participant_id: Some(participant_id.to_owned()),
        user_id: None,
        session_id: None,
        kind: MessageKind::PersonalLink.code().to_owned(),
        channel: channel.code().to_owned(),
        language: own.unwrap_or(language),
        address,
        facts: serde_json::to_string(&facts).unwrap_or_default(),
        body: String::new(),
        due_at: now,
        status: MessageStatus::Queued.code().to_owned(),
        attempts: 0,
        next_attempt_at: now,
        claimed_until: None,
        last_error: String::new(),
        provider_id: None,
        dedupe_key: format!("link:{}", new_id()),
        sent_at: None,
        created_at: now,
        updated_at: now,
    };
    write_tx(conn, |conn| super::insert_new(conn, vec![message]))?;
    Ok(true)
}

/// Sets the language of her messages and page: a code such as "ar", or
/// none for her preferred language of the four.
pub fn set_message_language(
    conn: &mut DbConn,
    actor: &Actor,
    participant_id: &str,
    language: Option<&str>,
    origin: Origin<'_>,
) -> Result<(), EditError> {
    let code = match language.map(str::trim).filter(|l| !l.is_empty()) {
        None => None,
        Some(l) => match domain::messages::language_code(l) {
            Some(c) => Some(c),
            None => {
                return Err(EditError::Invalid(vec![domain::participant::FieldError {
                    field: "message_language",
                    code: "invalid-language",
                }]));
            }
        },
    };
    write_tx(conn, |conn| {
        let (org, _) = authorize_on(
            conn,
            actor,
            Action::EditParticipant,
            "participant.update",
            participant_id,
            origin,
        )?;
        diesel::update(
            participants::table
                .filter(participants::organisation_id.eq(&org))
                .filter(participants::id.eq(participant_id)),
        )
        .set(participants::message_language.eq(&code))
        .execute(conn)?;
        audit::record(
            conn,
            &Event::by(actor, "participant.update", origin.ip, origin.at)
                .about("participant", participant_id)
                .detail("fields: message_language"),
        )?;
        Ok(())
    })
}

/// What her file shows about reaching her: her latest messages, her links
/// that work, the language of her messages, and the further languages the
/// organisation has texts in.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Reach {
    pub messages: Vec<super::Message>,
    pub links: Vec<AccessLink>,
    pub message_language: Option<String>,
    pub languages: Vec<String>,
}

/// Her [`Reach`], with the organisation's `languages` (see
/// `participants::OrgChoices`).
pub fn reach_of(
    conn: &mut DbConn,
    participant: &crate::models::Participant,
    now: NaiveDateTime,
    languages: &[String],
) -> DbResult<Reach> {
    let (org, id) = (&participant.organisation_id, &participant.id);
    Ok(Reach {
        messages: super::of_participant(conn, org, id, REACH_MESSAGES)?,
        links: of_participant(conn, org, id, now)?,
        message_language: participant.message_language.clone(),
        languages: languages.to_vec(),
    })
}

/// How many of her latest messages her file shows.
pub const REACH_MESSAGES: i64 = 20;
