//! Aftercare beyond the group sessions: membership of an aftercare chat
//! group (run outside traject, e.g. on WhatsApp), recorded only with her
//! consent to be contacted that way. Follow-up contacts go in her journal,
//! follow-up measurements come from the outcomes module, and aftercare
//! sessions from group work; leaving aftercare is her choice, not a problem
//! to flag.

use crate::audit::{self, Event};
use crate::backend::write_tx;
use crate::error::DbResult;
use crate::models::new_id;
use crate::participants::Origin;
use crate::participants::file::{EditError, authorize_on};
use crate::pool::DbConn;
use crate::schema::*;
use chrono::NaiveDate;
use diesel::prelude::*;
use domain::participant::{ConsentScope, FieldError};
use domain::policy::{Action, Actor};

fn invalid(field: &'static str, code: &'static str) -> EditError {
    EditError::Invalid(vec![FieldError { field, code }])
}

/// Records that she joined an aftercare chat; without her consent to
/// WhatsApp contact in force that day, nothing is recorded.
pub fn join_chat(
    conn: &mut DbConn,
    actor: &Actor,
    participant_id: &str,
    chat: &str,
    joined_on: NaiveDate,
    origin: Origin<'_>,
) -> Result<String, EditError> {
    let today = domain::clock::brussels_date(origin.at.and_utc());
    let chat = chat.trim().to_owned();
    write_tx(
        conn,
        |conn| -> Result<Result<String, EditError>, EditError> {
            let (org, _) = match authorize_on(
                conn,
                actor,
                Action::EditParticipant,
                "aftercare.chat",
                participant_id,
                origin,
            ) {
                Ok(x) => x,
                Err(e) => return Ok(Err(e.into())),
            };
            if chat.is_empty() {
                return Ok(Err(invalid("chat", "required")));
            }
            if joined_on > today {
                return Ok(Err(invalid("joined_on", "date-out-of-range")));
            }
            let consent: Option<String> = consents::table
                .filter(consents::organisation_id.eq(&org))
                .filter(consents::participant_id.eq(participant_id))
                .filter(consents::scope.eq(ConsentScope::WhatsappContact.code()))
                .filter(consents::given_on.le(joined_on))
                .filter(
                    consents::withdrawn_on
                        .is_null()
                        .or(consents::withdrawn_on.gt(joined_on)),
                )
                .select(consents::id)
                .first(conn)
                .optional()?;
            let Some(consent) = consent else {
                return Ok(Err(invalid("chat", "no-consent")));
            };
            // Already in this chat: a replay records nothing new.
            let already: Option<String> = aftercare_chats::table
                .filter(aftercare_chats::organisation_id.eq(&org))
                .filter(aftercare_chats::participant_id.eq(participant_id))
                .filter(aftercare_chats::chat.eq(&chat))
                .filter(aftercare_chats::left_on.is_null())
                .select(aftercare_chats::id)
                .first(conn)
                .optional()?;
            if let Some(id) = already {
                return Ok(Ok(id));
            }
            let id = new_id();
            diesel::insert_into(aftercare_chats::table)
                .values((
                    aftercare_chats::id.eq(&id),
                    aftercare_chats::organisation_id.eq(&org),
                    aftercare_chats::participant_id.eq(participant_id),
                    aftercare_chats::chat.eq(&chat),
                    aftercare_chats::consent_id.eq(&consent),
                    aftercare_chats::joined_on.eq(joined_on),
                    aftercare_chats::recorded_by.eq(Some(actor.user_id())),
                    aftercare_chats::created_at.eq(origin.at),
                ))
                .execute(conn)?;
            audit::record(
                conn,
                &Event::by(actor, "aftercare.chat", origin.ip, origin.at)
                    .about("participant", participant_id)
                    .detail(&format!("joined under consent {consent}")),
            )?;
            Ok(Ok(id))
        },
    )?
}

/// Records that she left an aftercare chat (leaving twice is leaving once).
pub fn leave_chat(
    conn: &mut DbConn,
    actor: &Actor,
    participant_id: &str,
    membership_id: &str,
    left_on: NaiveDate,
    origin: Origin<'_>,
) -> Result<(), EditError> {
    write_tx(conn, |conn| -> Result<Result<(), EditError>, EditError> {
        let (org, _) = match authorize_on(
            conn,
            actor,
            Action::EditParticipant,
            "aftercare.leave",
            participant_id,
            origin,
        ) {
            Ok(x) => x,
            Err(e) => return Ok(Err(e.into())),
        };
        let joined: Option<NaiveDate> = aftercare_chats::table
            .filter(aftercare_chats::organisation_id.eq(&org))
            .filter(aftercare_chats::participant_id.eq(participant_id))
            .filter(aftercare_chats::id.eq(membership_id))
            .select(aftercare_chats::joined_on)
            .first(conn)
            .optional()?;
        let Some(joined) = joined else {
            return Err(crate::error::DbError::NotFound("chat").into());
        };
        if left_on < joined {
            return Ok(Err(invalid("left_on", "date-out-of-range")));
        }
        diesel::update(
            aftercare_chats::table
                .filter(aftercare_chats::id.eq(membership_id))
                .filter(aftercare_chats::left_on.is_null()),
        )
        .set(aftercare_chats::left_on.eq(Some(left_on)))
        .execute(conn)?;
        audit::record(
            conn,
            &Event::by(actor, "aftercare.leave", origin.ip, origin.at)
                .about("participant", participant_id),
        )?;
        Ok(Ok(()))
    })?
}

/// A chat membership: id, chat, joined, left.
pub type Chat = (String, String, NaiveDate, Option<NaiveDate>);

/// Her aftercare chats, for a page that has authorised the read of her file.
pub fn chats_of(conn: &mut DbConn, org: &str, participant_id: &str) -> DbResult<Vec<Chat>> {
    Ok(aftercare_chats::table
        .filter(aftercare_chats::organisation_id.eq(org))
        .filter(aftercare_chats::participant_id.eq(participant_id))
        .order(aftercare_chats::joined_on.desc())
        .select((
            aftercare_chats::id,
            aftercare_chats::chat,
            aftercare_chats::joined_on,
            aftercare_chats::left_on,
        ))
        .load(conn)?)
}
