//! How an organisation reaches participants: reminder offsets, quiet hours,
//! the hour of the staff digest, and its texts in further languages. Read
//! and changed by those the policy lets manage messages.

use crate::audit::{self, Event};
use crate::backend::write_tx;
use crate::groups::require;
use crate::participants::file::EditError;
use crate::participants::{AccessError, Origin};
use crate::pool::DbConn;
use crate::schema::*;
use chrono::NaiveTime;
use diesel::prelude::*;
use domain::messages::parse_offsets;
use domain::participant::FieldError;
use domain::policy::{Action, Actor};

/// The settings as the form shows them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MessageSettings {
    pub reminder_offsets: String,
    pub quiet_from: NaiveTime,
    pub quiet_until: NaiveTime,
    pub digest_at: NaiveTime,
    /// Further languages with texts, and how many texts each has.
    pub languages: Vec<(String, i64)>,
}

/// The settings, for someone allowed to manage them.
pub fn for_manager(
    conn: &mut DbConn,
    actor: &Actor,
    origin: Origin<'_>,
) -> Result<MessageSettings, AccessError> {
    let org = require(
        conn,
        actor,
        Action::ManageMessages,
        "messages.settings.read",
        origin,
    )?;
    let (reminder_offsets, quiet_from, quiet_until, digest_at) = organisations::table
        .find(&org)
        .select((
            organisations::reminder_offsets,
            organisations::quiet_from,
            organisations::quiet_until,
            organisations::digest_at,
        ))
        .first(conn)
        .map_err(crate::DbError::from)?;
    Ok(MessageSettings {
        reminder_offsets,
        quiet_from,
        quiet_until,
        digest_at,
        languages: super::texts::languages(conn, &org)?,
    })
}

fn time(raw: &str, field: &'static str, errors: &mut Vec<FieldError>) -> Option<NaiveTime> {
    let t = NaiveTime::parse_from_str(raw.trim(), "%H:%M").ok();
    if t.is_none() {
        errors.push(FieldError {
            field,
            code: "invalid-time",
        });
    }
    t
}

/// Saves the reminder offsets ("1d@10:00,2h"), the quiet hours and the
/// digest's hour: all of them, or none with every field's error.
pub fn save(
    conn: &mut DbConn,
    actor: &Actor,
    offsets: &str,
    quiet_from: &str,
    quiet_until: &str,
    digest_at: &str,
    origin: Origin<'_>,
) -> Result<(), EditError> {
    // Asked before the transaction: a refusal's audit entry must stay.
    let org = require(
        conn,
        actor,
        Action::ManageMessages,
        "messages.settings",
        origin,
    )
    .map_err(EditError::from)?;
    write_tx(conn, |conn| {
        let mut errors = Vec::new();
        let parsed = parse_offsets(offsets);
        if parsed.is_none() {
            errors.push(FieldError {
                field: "reminder_offsets",
                code: "invalid-offsets",
            });
        }
        let from = time(quiet_from, "quiet_from", &mut errors);
        let until = time(quiet_until, "quiet_until", &mut errors);
        let digest = time(digest_at, "digest_at", &mut errors);
        let (Some(parsed), Some(from), Some(until), Some(digest)) = (parsed, from, until, digest)
        else {
            return Err(EditError::Invalid(errors));
        };
        let canonical: Vec<String> = parsed.iter().map(|o| o.code()).collect();
        diesel::update(organisations::table.find(&org))
            .set((
                organisations::reminder_offsets.eq(canonical.join(",")),
                organisations::quiet_from.eq(from),
                organisations::quiet_until.eq(until),
                organisations::digest_at.eq(digest),
            ))
            .execute(conn)?;
        audit::record(
            conn,
            &Event::by(actor, "messages.settings", origin.ip, origin.at)
                .about("organisation", &org)
                .detail("fields: reminder_offsets, quiet_from, quiet_until, digest_at"),
        )?;
        Ok(())
    })
}
