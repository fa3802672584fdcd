//! Accounts, login bookkeeping and sessions.

use crate::audit::{self, Event, Outcome};
use crate::backend::write_tx;
use crate::error::{DbError, DbResult};
use crate::models::*;
use crate::pool::DbConn;
use crate::schema::*;
use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;
use domain::model::Role;
use domain::policy::{Action, Actor, Grant};

/// Lockout: this many failures within `LOCKOUT_WINDOW` lock the account.
pub const LOCKOUT_FAILURES: i32 = 6;
pub const LOCKOUT_WINDOW: Duration = Duration::minutes(15);
pub const LOCKOUT_DURATION: Duration = Duration::minutes(30);

/// What is stored of a bearer secret (session cookie, API token): its SHA-256,
/// so a copy of the database opens no session.
pub fn secret_hash(secret: &str) -> String {
    use sha2::{Digest, Sha256};
    crate::audit::hex(&Sha256::digest(secret.as_bytes()))
}

/// The role a person has in one organisation now (roles can change mid-session).
pub fn role_in(conn: &mut DbConn, user_id: &str, organisation_id: &str) -> DbResult<Option<Role>> {
    let role: Option<String> = crate::direct!(conn, |c| memberships::table
        .filter(memberships::user_id.eq(user_id))
        .filter(memberships::organisation_id.eq(organisation_id))
        .select(memberships::role)
        .first(c))
    .optional()?;
    Ok(role.and_then(|r| r.parse().ok()))
}

/// Her role in an organisation now, with the organisation: one query for
/// what every signed-in request needs. None when she is no member.
pub fn membership(
    conn: &mut DbConn,
    user_id: &str,
    organisation_id: &str,
) -> DbResult<Option<(Role, Organisation)>> {
    let row: Option<(String, Organisation)> = crate::direct!(conn, |c| memberships::table
        .inner_join(organisations::table)
        .filter(memberships::user_id.eq(user_id))
        .filter(memberships::organisation_id.eq(organisation_id))
        .select((memberships::role, Organisation::as_select()))
        .first(c))
    .optional()?;
    Ok(row.and_then(|(r, o)| r.parse().ok().map(|r| (r, o))))
}

/// Finds an account by email or username.
pub fn user_by_login(conn: &mut DbConn, login: &str) -> DbResult<Option<User>> {
    let login = login.trim();
    Ok(crate::direct!(conn, |c| users::table
        .filter(
            users::email
                .eq(crate::repo::normalise_email(login))
                .or(users::username.eq(login)),
        )
        .select(User::as_select())
        .first(c))
    .optional()?)
}

pub fn user_by_id(conn: &mut DbConn, id: &str) -> DbResult<User> {
    crate::direct!(conn, |c| users::table
        .find(id)
        .select(User::as_select())
        .first(c))
    .optional()?
    .ok_or(DbError::NotFound("user"))
}

/// A person's roles: (organisation, role), sorted by organisation name.
pub fn memberships_of(conn: &mut DbConn, user_id: &str) -> DbResult<Vec<(Organisation, Role)>> {
    let rows: Vec<(Organisation, String)> = crate::direct!(conn, |c| memberships::table
        .inner_join(organisations::table)
        .filter(memberships::user_id.eq(user_id))
        .order(organisations::name)
        .select((Organisation::as_select(), memberships::role))
        .load(c))?;
    Ok(rows
        .into_iter()
        .filter_map(|(o, r)| r.parse().ok().map(|r| (o, r)))
        .collect())
}

pub fn organisation(conn: &mut DbConn, id: &str) -> DbResult<Organisation> {
    crate::direct!(conn, |c| organisations::table
        .find(id)
        .select(Organisation::as_select())
        .first(c))
    .optional()?
    .ok_or(DbError::NotFound("organisation"))
}

/// A temporary password that was not replaced in time no longer signs in.
pub fn temporary_password_expired(user: &User, now: NaiveDateTime) -> bool {
    user.password_expires_at.is_some_and(|t| t <= now)
}

/// Whether the account is locked at `now`.
pub fn is_locked(user: &User, now: NaiveDateTime) -> bool {
    user.locked_until.is_some_and(|until| until > now)
}

/// Counts a failed attempt; locks the account on the sixth within the window.
/// Returns whether the account is now locked.
pub fn register_failure(conn: &mut DbConn, user: &User, now: NaiveDateTime) -> DbResult<bool> {
    let in_window = user
        .first_failed_at
        .is_some_and(|first| now - first <= LOCKOUT_WINDOW);
    let (count, first) = if in_window {
        (user.failed_logins + 1, user.first_failed_at)
    } else {
        (1, Some(now))
    };
    let locked = count >= LOCKOUT_FAILURES;
    crate::direct!(conn, |c| diesel::update(users::table.find(&user.id))
        .set((
            users::failed_logins.eq(if locked { 0 } else { count }),
            users::first_failed_at.eq(if locked { None } else { first }),
            users::locked_until.eq(if locked {
                Some(now + LOCKOUT_DURATION)
            } else {
                user.locked_until
            }),
        ))
        .execute(c))?;
    Ok(locked)
}

/// Lifts a lockout and forgets earlier failed attempts.
pub fn clear_failures(conn: &mut DbConn, user_id: &str) -> DbResult<()> {
    crate::direct!(conn, |c| diesel::update(users::table.find(user_id))
        .set((
            users::failed_logins.eq(0),
            users::first_failed_at.eq(None::<NaiveDateTime>),
            users::locked_until.eq(None::<NaiveDateTime>),
        ))
        .execute(c))?;
    Ok(())
}

pub fn create_session(conn: &mut DbConn, row: &SessionRow) -> DbResult<()> {
    crate::direct!(conn, |c| diesel::insert_into(sessions::table)
        .values(row)
        .execute(c))?;
    Ok(())
}

/// A session with its account and, for a session in an organisation, her
/// role and that organisation: one query for what every request needs. The
/// membership is `None` when it was removed (or the session has no
/// organisation).
pub type SessionWithMembership = (SessionRow, User, Option<(Role, Organisation)>);

pub fn session_with_membership(
    conn: &mut DbConn,
    id: &str,
) -> DbResult<Option<SessionWithMembership>> {
    // The organisation's columns in the order of `Organisation`'s fields:
    // `Selectable` has no nullable form, a column tuple does.
    let row: Option<(SessionRow, User, Option<String>, Option<Organisation>)> =
        crate::direct!(conn, |c| sessions::table
            .inner_join(users::table)
            .left_join(
                memberships::table.on(memberships::user_id
                    .eq(sessions::user_id)
                    .and(sessions::organisation_id.eq(memberships::organisation_id.nullable()))),
            )
            .left_join(organisations::table.on(organisations::id.eq(memberships::organisation_id)))
            .filter(sessions::id.eq(id))
            .select((
                SessionRow::as_select(),
                User::as_select(),
                memberships::role.nullable(),
                (
                    organisations::id,
                    organisations::slug,
                    organisations::name,
                    organisations::default_language,
                    organisations::is_demo,
                    organisations::created_at,
                    organisations::require_totp,
                    organisations::synthetic,
                )
                    .nullable(),
            ))
            .first(c))
        .optional()?;
    Ok(row.map(|(session, user, role, organisation)| {
        let membership = role.and_then(|r| r.parse().ok()).zip(organisation);
        (session, user, membership)
    }))
}

pub fn touch_session(conn: &mut DbConn, id: &str, now: NaiveDateTime) -> DbResult<()> {
    crate::direct!(conn, |c| diesel::update(sessions::table.find(id))
        .set(sessions::last_seen_at.eq(now))
        .execute(c))?;
    Ok(())
}

pub fn complete_second_factor(conn: &mut DbConn, id: &str) -> DbResult<()> {
    crate::direct!(conn, |c| diesel::update(sessions::table.find(id))
        .set(sessions::second_factor_pending.eq(false))
        .execute(c))?;
    Ok(())
}

pub fn delete_session(conn: &mut DbConn, id: &str) -> DbResult<()> {
    crate::direct!(conn, |c| diesel::delete(sessions::table.find(id))
        .execute(c))?;
    Ok(())
}

pub fn delete_sessions_of(conn: &mut DbConn, user_id: &str) -> DbResult<usize> {
    Ok(crate::direct!(conn, |c| diesel::delete(
        sessions::table.filter(sessions::user_id.eq(user_id))
    )
    .execute(c))?)
}

/// A session as an administrator sees it: never its secret parts.
#[derive(Debug, Clone)]
pub struct SessionInfo {
    pub id: String,
    pub user_id: String,
    pub user_name: String,
    pub email: String,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    pub created_at: NaiveDateTime,
    pub last_seen_at: NaiveDateTime,
}

fn require(grant: &Grant, action: Action) -> DbResult<&str> {
    match grant.organisation_id() {
        Some(org) if grant.action() == action => Ok(org),
        _ => Err(DbError::Conflict("grant does not cover this action".into())),
    }
}

/// Sessions of the grant's organisation (ManageSessions).
pub fn list_sessions(conn: &mut DbConn, grant: &Grant) -> DbResult<Vec<SessionInfo>> {
    let org = require(grant, Action::ManageSessions)?;
    let rows: Vec<(SessionRow, User)> = crate::direct!(conn, |c| sessions::table
        .inner_join(users::table)
        .filter(sessions::organisation_id.eq(org))
        .order(sessions::last_seen_at.desc())
        .select((SessionRow::as_select(), User::as_select()))
        .load(c))?;
    Ok(rows
        .into_iter()
        .map(|(s, u)| SessionInfo {
            // The id column is a hash of the cookie: safe to show, useless to steal.
            id: s.id,
            user_id: u.id,
            user_name: u.display_name,
            email: u.email,
            ip: s.ip,
            user_agent: s.user_agent,
            created_at: s.created_at,
            last_seen_at: s.last_seen_at,
        })
        .collect())
}

/// Ends one session of the grant's organisation, recorded in the trail.
pub fn end_session(
    conn: &mut DbConn,
    grant: &Grant,
    session_id: &str,
    ip: Option<&str>,
    now: NaiveDateTime,
) -> DbResult<()> {
    let org = require(grant, Action::ManageSessions)?.to_owned();
    write_tx(conn, |conn| {
        let n = crate::direct!(conn, |c| diesel::delete(
            sessions::table
                .filter(sessions::id.eq(session_id))
                .filter(sessions::organisation_id.eq(&org)),
        )
        .execute(c))?;
        if n == 0 {
            return Err(DbError::NotFound("session"));
        }
        audit::record(
            conn,
            &Event::by(grant.actor(), "session.end", ip, now).about("session", session_id),
        )
    })
}

/// Staff of the grant's organisation with their role (ManageUsers).
pub fn list_staff(conn: &mut DbConn, grant: &Grant) -> DbResult<Vec<(User, Role)>> {
    let org = require(grant, Action::ManageUsers)?;
    let rows: Vec<(User, String)> = crate::direct!(conn, |c| memberships::table
        .inner_join(users::table)
        .filter(memberships::organisation_id.eq(org))
        .order(users::display_name)
        .select((User::as_select(), memberships::role))
        .load(c))?;
    Ok(rows
        .into_iter()
        .filter_map(|(u, r)| r.parse().ok().map(|r| (u, r)))
        .collect())
}

/// One staff member of the grant's organisation (ManageUsers); someone
/// outside it is "not found".
pub fn staff_member(conn: &mut DbConn, grant: &Grant, user_id: &str) -> DbResult<User> {
    let org = require(grant, Action::ManageUsers)?;
    require_member(conn, org, user_id)?;
    user_by_id(conn, user_id)
}

/// Disables a staff member of the grant's organisation and ends all her
/// sessions, in one transaction with its audit entry.
pub fn disable_staff(
    conn: &mut DbConn,
    grant: &Grant,
    user_id: &str,
    ip: Option<&str>,
    now: NaiveDateTime,
) -> DbResult<()> {
    if user_id == grant.actor().user_id() {
        // An administrator disabling herself could leave no one to manage accounts.
        return Err(DbError::Conflict(
            "an administrator cannot disable her own account".into(),
        ));
    }
    set_staff_active(conn, grant, user_id, false, ip, now)
}

/// Re-enables a disabled staff member of the grant's organisation. The
/// account is one for all her organisations, so she can sign in again to each.
pub fn enable_staff(
    conn: &mut DbConn,
    grant: &Grant,
    user_id: &str,
    ip: Option<&str>,
    now: NaiveDateTime,
) -> DbResult<()> {
    set_staff_active(conn, grant, user_id, true, ip, now)
}

/// Someone outside the organisation is "not found", as if she did not exist.
fn require_member(conn: &mut DbConn, organisation_id: &str, user_id: &str) -> DbResult<()> {
    let member: i64 = crate::direct!(conn, |c| memberships::table
        .filter(memberships::organisation_id.eq(organisation_id))
        .filter(memberships::user_id.eq(user_id))
        .count()
        .get_result(c))?;
    if member == 0 {
        return Err(DbError::NotFound("user"));
    }
    Ok(())
}

fn set_staff_active(
    conn: &mut DbConn,
    grant: &Grant,
    user_id: &str,
    active: bool,
    ip: Option<&str>,
    now: NaiveDateTime,
) -> DbResult<()> {
    let org = require(grant, Action::ManageUsers)?.to_owned();
    write_tx(conn, |conn| {
        require_member(conn, &org, user_id)?;
        crate::direct!(conn, |c| diesel::update(users::table.find(user_id))
            .set((users::active.eq(active), users::updated_at.eq(now)))
            .execute(c))?;
        let (action, ended) = if active {
            ("user.enable", 0)
        } else {
            ("user.disable", delete_sessions_of(conn, user_id)?)
        };
        audit::record(
            conn,
            &Event::by(grant.actor(), action, ip, now)
                .about("user", user_id)
                .detail(&format!("fields: active; sessions ended: {ended}")),
        )
    })
}

/// Gives a staff member of the grant's organisation a temporary password
/// (for a forgotten one): she must choose her own at her next login. Her
/// sessions end and a lockout is lifted, in one transaction with the entry.
pub fn reset_staff_password(
    conn: &mut DbConn,
    grant: &Grant,
    user_id: &str,
    temporary_hash: &str,
    ip: Option<&str>,
    now: NaiveDateTime,
) -> DbResult<()> {
    let org = require(grant, Action::ManageUsers)?.to_owned();
    if user_id == grant.actor().user_id() {
        // Her own password changes on the account page, with the current one.
        return Err(DbError::Conflict(
            "administrators change their own password on the account page".into(),
        ));
    }
    write_tx(conn, |conn| {
        require_member(conn, &org, user_id)?;
        crate::direct!(conn, |c| diesel::update(users::table.find(user_id))
            .set((
                users::password_hash.eq(temporary_hash),
                users::must_change_password.eq(true),
                users::password_expires_at.eq(Some(
                    now + chrono::Duration::days(domain::password::TEMPORARY_VALID_DAYS),
                )),
                users::updated_at.eq(now),
            ))
            .execute(c))?;
        clear_failures(conn, user_id)?;
        let ended = delete_sessions_of(conn, user_id)?;
        audit::record(
            conn,
            &Event::by(grant.actor(), "user.password_reset", ip, now)
                .about("user", user_id)
                .detail(&format!(
                    "fields: password_hash, must_change_password, lockout; sessions ended: {ended}"
                )),
        )
    })
}

/// Turns off a staff member's second factor when she lost her phone and her
/// recovery codes. Her sessions end; if the organisation requires a second
/// factor she sets up a new one at her next login.
pub fn reset_staff_second_factor(
    conn: &mut DbConn,
    grant: &Grant,
    user_id: &str,
    ip: Option<&str>,
    now: NaiveDateTime,
) -> DbResult<()> {
    let org = require(grant, Action::ManageUsers)?.to_owned();
    if user_id == grant.actor().user_id() {
        // Her own second factor is turned off on the account page, with a code.
        return Err(DbError::Conflict(
            "administrators turn off their own second factor on the account page".into(),
        ));
    }
    write_tx(conn, |conn| {
        require_member(conn, &org, user_id)?;
        crate::credentials::clear_totp(conn, user_id)?;
        let ended = delete_sessions_of(conn, user_id)?;
        audit::record(
            conn,
            &Event::by(grant.actor(), "totp.reset", ip, now)
                .about("user", user_id)
                .detail(&format!(
                    "fields: totp_enabled, totp_secret, recovery_codes; sessions ended: {ended}"
                )),
        )
    })
}

/// Adds a staff member to the grant's organisation (ManageUsers).
pub fn add_staff(
    conn: &mut DbConn,
    grant: &Grant,
    new: crate::repo::NewUser<'_>,
    role: Role,
    ip: Option<&str>,
    now: NaiveDateTime,
) -> DbResult<User> {
    let org = require(grant, Action::ManageUsers)?.to_owned();
    write_tx(conn, |conn| {
        let user = crate::repo::add_user(conn, new, &org, role, now)?;
        audit::record(
            conn,
            &Event::by(grant.actor(), "user.create", ip, now)
                .about("user", &user.id)
                .detail("fields: email, display_name, role"),
        )?;
        Ok(user)
    })
}

/// Changes a staff member's role in the grant's organisation (ManageUsers).
/// Her sessions pick the new role up on their next request.
pub fn change_role(
    conn: &mut DbConn,
    grant: &Grant,
    user_id: &str,
    role: Role,
    ip: Option<&str>,
    now: NaiveDateTime,
) -> DbResult<()> {
    let org = require(grant, Action::ManageUsers)?.to_owned();
    if user_id == grant.actor().user_id() {
        // Demoting oneself could leave the organisation without an administrator.
        return Err(DbError::Conflict(
            "an administrator cannot change her own role".into(),
        ));
    }
    write_tx(conn, |conn| {
        let n = crate::direct!(conn, |c| diesel::update(
            memberships::table
                .filter(memberships::organisation_id.eq(&org))
                .filter(memberships::user_id.eq(user_id)),
        )
        .set(memberships::role.eq(role.code()))
        .execute(c))?;
        if n == 0 {
            return Err(DbError::NotFound("user"));
        }
        audit::record(
            conn,
            &Event::by(grant.actor(), "user.role", ip, now)
                .about("user", user_id)
                .detail(&format!("fields: role; now {}", role.code())),
        )
    })
}

/// Moves a session to another organisation the person works for.
pub fn switch_organisation(
    conn: &mut DbConn,
    session_id: &str,
    user_id: &str,
    organisation_id: &str,
    ip: Option<&str>,
    now: NaiveDateTime,
) -> DbResult<()> {
    write_tx(conn, |conn| {
        if role_in(conn, user_id, organisation_id)?.is_none() {
            return Err(DbError::NotFound("membership"));
        }
        crate::direct!(conn, |c| diesel::update(sessions::table.find(session_id))
            .set(sessions::organisation_id.eq(Some(organisation_id)))
            .execute(c))?;
        audit::record(
            conn,
            &Event {
                organisation_id: Some(organisation_id),
                actor_user_id: Some(user_id),
                actor_label: user_id,
                action: "session.switch_organisation",
                subject_type: Some("organisation"),
                subject_id: Some(organisation_id),
                detail: "",
                outcome: Outcome::Success,
                ip,
                at: now,
            },
        )
    })
}

/// Saves a person's interface language, audited.
pub fn set_language(
    conn: &mut DbConn,
    actor: &Actor,
    language: domain::model::Language,
    now: NaiveDateTime,
) -> DbResult<()> {
    write_tx(conn, |conn| {
        crate::direct!(conn, |c| diesel::update(users::table.find(actor.user_id()))
            .set((
                users::preferred_language.eq(Some(language.code())),
                users::updated_at.eq(now),
            ))
            .execute(c))?;
        audit::record(
            conn,
            &Event::by(actor, "user.language", None, now)
                .about("user", actor.user_id())
                .detail("fields: preferred_language"),
        )
    })
}

/// Saves the form of a person's job title, audited.
pub fn set_grammatical_gender(
    conn: &mut DbConn,
    actor: &Actor,
    gender: domain::model::GrammaticalGender,
    ip: Option<&str>,
    now: NaiveDateTime,
) -> DbResult<()> {
    write_tx(conn, |conn| {
        crate::direct!(conn, |c| diesel::update(users::table.find(actor.user_id()))
            .set((
                users::grammatical_gender.eq(gender.code()),
                users::updated_at.eq(now),
            ))
            .execute(c))?;
        audit::record(
            conn,
            &Event::by(actor, "user.grammatical_gender", ip, now)
                .about("user", actor.user_id())
                .detail("fields: grammatical_gender"),
        )
    })
}

/// Display names for a set of user ids, in one query (for lists such as the trail).
pub fn display_names(
    conn: &mut DbConn,
    ids: &[String],
) -> DbResult<std::collections::HashMap<String, String>> {
    Ok(crate::direct!(conn, |c| users::table
        .filter(users::id.eq_any(ids))
        .select((users::id, users::display_name))
        .load::<(String, String)>(c))?
    .into_iter()
    .collect())
}
