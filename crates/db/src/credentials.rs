//! Second factor (TOTP and recovery codes), API tokens, and the organisation's
//! rule that makes the second factor compulsory. Every change is audited in
//! its own transaction.

use crate::access::secret_hash;
use crate::audit::{self, Event, Outcome};
use crate::backend::write_tx;
use crate::error::{DbError, DbResult};
use crate::models::*;
use crate::pool::DbConn;
use crate::schema::*;
use chrono::NaiveDateTime;
use diesel::prelude::*;
use domain::policy::{Action, Actor, Grant};
use domain::sealed::{self, SealingKey};

/// Where and when, for the trail.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    pub actor: &'a Actor,
    pub ip: Option<&'a str>,
    pub at: NaiveDateTime,
}

fn record(
    conn: &mut DbConn,
    ctx: Context<'_>,
    action: &str,
    subject_type: &str,
    subject_id: &str,
    detail: &str,
    outcome: Outcome,
) -> DbResult<()> {
    audit::record(
        conn,
        &Event::by(ctx.actor, action, ctx.ip, ctx.at)
            .about(subject_type, subject_id)
            .detail(detail)
            .outcome(outcome),
    )
}

/// Seals every two-step secret still stored as text (installations from
/// before `secret_key`, or after it was first set), in one transaction with
/// one entry in the global audit chain. Returns how many were sealed.
pub fn seal_plain_secrets(
    conn: &mut DbConn,
    key: &SealingKey,
    now: NaiveDateTime,
) -> DbResult<usize> {
    write_tx(conn, |conn| {
        let plain: Vec<(String, String)> = users::table
            .filter(users::totp_secret.is_not_null())
            .filter(users::totp_secret.not_like(format!("{}%", sealed::PREFIX)))
            .select((users::id, users::totp_secret.assume_not_null()))
            .load(conn)?;
        for (id, secret) in &plain {
            diesel::update(users::table.find(id))
                .set(users::totp_secret.eq(key.seal(secret)))
                .execute(conn)?;
        }
        if !plain.is_empty() {
            let detail = format!("fields: totp_secret; accounts: {}", plain.len());
            audit::record(
                conn,
                &Event {
                    organisation_id: None,
                    actor_user_id: None,
                    actor_label: "traject",
                    action: "secrets.seal",
                    subject_type: None,
                    subject_id: None,
                    detail: &detail,
                    outcome: Outcome::Success,
                    ip: None,
                    at: now,
                },
            )?;
        }
        Ok(plain.len())
    })
}

/// The stored two-step secrets, sealed or not (for `traject check`).
pub fn stored_secrets(conn: &mut DbConn) -> DbResult<Vec<String>> {
    Ok(users::table
        .filter(users::totp_secret.is_not_null())
        .select(users::totp_secret.assume_not_null())
        .load(conn)?)
}

/// Stores a new, not yet confirmed secret (replacing an unconfirmed one),
/// sealed when the installation has a key.
pub fn start_totp(
    conn: &mut DbConn,
    user_id: &str,
    secret: &str,
    key: Option<&SealingKey>,
) -> DbResult<()> {
    let stored = key.map_or_else(|| secret.to_owned(), |k| k.seal(secret));
    let n = diesel::update(
        users::table
            .find(user_id)
            .filter(users::totp_enabled.eq(false)),
    )
    .set(users::totp_secret.eq(stored))
    .execute(conn)?;
    if n == 0 {
        return Err(DbError::Conflict(
            "two-step verification is already on".into(),
        ));
    }
    Ok(())
}

/// Turns the second factor on after a correct first code; stores the hashes
/// of fresh recovery codes (the codes themselves are shown once).
pub fn enable_totp(
    conn: &mut DbConn,
    ctx: Context<'_>,
    step: i64,
    recovery_codes: &[String],
) -> DbResult<()> {
    let user_id = ctx.actor.user_id().to_owned();
    write_tx(conn, |conn| {
        diesel::update(users::table.find(&user_id))
            .set((
                users::totp_enabled.eq(true),
                users::totp_last_step.eq(Some(step)),
            ))
            .execute(conn)?;
        diesel::delete(recovery_codes::table.filter(recovery_codes::user_id.eq(&user_id)))
            .execute(conn)?;
        for code in recovery_codes {
            diesel::insert_into(recovery_codes::table)
                .values((
                    recovery_codes::id.eq(new_id()),
                    recovery_codes::user_id.eq(&user_id),
                    recovery_codes::code_hash.eq(secret_hash(&normalise_recovery(code))),
                ))
                .execute(conn)?;
        }
        record(
            conn,
            ctx,
            "totp.enable",
            "user",
            &user_id,
            "fields: totp_enabled, recovery_codes",
            Outcome::Success,
        )
    })
}

/// Removes a person's second factor: secret, replay guard, recovery codes.
pub(crate) fn clear_totp(conn: &mut DbConn, user_id: &str) -> DbResult<()> {
    diesel::update(users::table.find(user_id))
        .set((
            users::totp_enabled.eq(false),
            users::totp_secret.eq(None::<String>),
            users::totp_last_step.eq(None::<i64>),
        ))
        .execute(conn)?;
    diesel::delete(recovery_codes::table.filter(recovery_codes::user_id.eq(user_id)))
        .execute(conn)?;
    Ok(())
}

pub fn disable_totp(conn: &mut DbConn, ctx: Context<'_>) -> DbResult<()> {
    let user_id = ctx.actor.user_id().to_owned();
    write_tx(conn, |conn| {
        clear_totp(conn, &user_id)?;
        record(
            conn,
            ctx,
            "totp.disable",
            "user",
            &user_id,
            "fields: totp_enabled, recovery_codes",
            Outcome::Success,
        )
    })
}

/// Remembers the step of an accepted code, so it cannot be used again.
pub fn accept_totp_step(conn: &mut DbConn, user_id: &str, step: i64) -> DbResult<()> {
    diesel::update(users::table.find(user_id))
        .set(users::totp_last_step.eq(Some(step)))
        .execute(conn)?;
    Ok(())
}

fn normalise_recovery(code: &str) -> String {
    code.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_uppercase()
}

/// Uses up a recovery code; true if it was valid and unused.
pub fn use_recovery_code(
    conn: &mut DbConn,
    user_id: &str,
    code: &str,
    now: NaiveDateTime,
) -> DbResult<bool> {
    let hash = secret_hash(&normalise_recovery(code));
    let n = diesel::update(
        recovery_codes::table
            .filter(recovery_codes::user_id.eq(user_id))
            .filter(recovery_codes::code_hash.eq(hash))
            .filter(recovery_codes::used_at.is_null()),
    )
    .set(recovery_codes::used_at.eq(Some(now)))
    .execute(conn)?;
    Ok(n == 1)
}

pub fn unused_recovery_codes(conn: &mut DbConn, user_id: &str) -> DbResult<i64> {
    Ok(recovery_codes::table
        .filter(recovery_codes::user_id.eq(user_id))
        .filter(recovery_codes::used_at.is_null())
        .count()
        .get_result(conn)?)
}

/// Makes the second factor compulsory (or not) for the grant's organisation.
pub fn set_require_totp(
    conn: &mut DbConn,
    grant: &Grant,
    ctx: Context<'_>,
    required: bool,
) -> DbResult<()> {
    let Some(org) = grant
        .organisation_id()
        .filter(|_| grant.action() == Action::ManageUsers)
    else {
        return Err(DbError::Conflict("grant does not cover this action".into()));
    };
    let org = org.to_owned();
    write_tx(conn, |conn| {
        diesel::update(organisations::table.find(&org))
            .set(organisations::require_totp.eq(required))
            .execute(conn)?;
        record(
            conn,
            ctx,
            "organisation.require_totp",
            "organisation",
            &org,
            if required { "on" } else { "off" },
            Outcome::Success,
        )
    })
}

/// The prefix marks a traject token in logs and secret scanners.
pub const TOKEN_PREFIX: &str = "trj_";

/// Creates a personal token for the actor in her organisation. Returns the
/// token row and the secret, which is shown once and stored only hashed.
pub fn create_token(
    conn: &mut DbConn,
    ctx: Context<'_>,
    name: &str,
) -> DbResult<(ApiToken, String)> {
    let Some(org) = ctx.actor.organisation_id() else {
        return Err(DbError::Conflict("tokens belong to an organisation".into()));
    };
    let secret = format!("{TOKEN_PREFIX}{}", domain::secret::random_hex(32));
    let token = ApiToken {
        id: new_id(),
        organisation_id: org.to_owned(),
        user_id: ctx.actor.user_id().to_owned(),
        name: name.trim().to_owned(),
        token_hash: secret_hash(&secret),
        created_at: ctx.at,
        last_used_at: None,
        revoked_at: None,
    };
    write_tx(conn, |conn| {
        diesel::insert_into(api_tokens::table)
            .values(&token)
            .execute(conn)?;
        record(
            conn,
            ctx,
            "token.create",
            "token",
            &token.id,
            "fields: name",
            Outcome::Success,
        )
    })?;
    Ok((token, secret))
}

/// The actor's own tokens in her current organisation.
pub fn list_tokens(conn: &mut DbConn, actor: &Actor) -> DbResult<Vec<ApiToken>> {
    Ok(api_tokens::table
        .filter(api_tokens::user_id.eq(actor.user_id()))
        .filter(api_tokens::organisation_id.eq(actor.organisation_id().unwrap_or_default()))
        .order(api_tokens::created_at.desc())
        .select(ApiToken::as_select())
        .load(conn)?)
}

/// Revokes one of the actor's own tokens.
pub fn revoke_token(conn: &mut DbConn, ctx: Context<'_>, token_id: &str) -> DbResult<()> {
    write_tx(conn, |conn| {
        let n = diesel::update(
            api_tokens::table
                .filter(api_tokens::id.eq(token_id))
                .filter(api_tokens::user_id.eq(ctx.actor.user_id()))
                .filter(api_tokens::revoked_at.is_null()),
        )
        .set(api_tokens::revoked_at.eq(Some(ctx.at)))
        .execute(conn)?;
        if n == 0 {
            return Err(DbError::NotFound("token"));
        }
        record(
            conn,
            ctx,
            "token.revoke",
            "token",
            token_id,
            "fields: revoked_at",
            Outcome::Success,
        )
    })
}

/// The live token behind a bearer secret, with its owner.
pub fn token_with_user(conn: &mut DbConn, secret: &str) -> DbResult<Option<(ApiToken, User)>> {
    Ok(api_tokens::table
        .inner_join(users::table)
        .filter(api_tokens::token_hash.eq(secret_hash(secret)))
        .filter(api_tokens::revoked_at.is_null())
        .select((ApiToken::as_select(), User::as_select()))
        .first(conn)
        .optional()?)
}

pub fn touch_token(conn: &mut DbConn, token_id: &str, now: NaiveDateTime) -> DbResult<()> {
    diesel::update(api_tokens::table.find(token_id))
        .set(api_tokens::last_used_at.eq(Some(now)))
        .execute(conn)?;
    Ok(())
}

/// Sets a new password for the actor and ends her other sessions, audited.
/// A temporary password from an administrator is thereby replaced.
pub fn change_own_password(
    conn: &mut DbConn,
    ctx: Context<'_>,
    keep_session: &str,
    password_hash: &str,
) -> DbResult<usize> {
    let user_id = ctx.actor.user_id().to_owned();
    write_tx(conn, |conn| {
        diesel::update(users::table.find(&user_id))
            .set((
                users::password_hash.eq(password_hash),
                users::must_change_password.eq(false),
                users::password_expires_at.eq(None::<NaiveDateTime>),
                users::updated_at.eq(ctx.at),
            ))
            .execute(conn)?;
        let ended = diesel::delete(
            sessions::table
                .filter(sessions::user_id.eq(&user_id))
                .filter(sessions::id.ne(keep_session)),
        )
        .execute(conn)?;
        record(
            conn,
            ctx,
            "user.password",
            "user",
            &user_id,
            &format!("fields: password_hash; other sessions ended: {ended}"),
            Outcome::Success,
        )?;
        Ok(ended)
    })
}
