//! Administration from the command line (`traject org|user ...`). Nobody is
//! signed in there, so entries name "traject command line" as the actor; each
//! change is written with its audit entry in one transaction, like the web's.
//! An entry about a person goes into the chain of every organisation she works
//! for, so that each organisation's own audit page shows it; a person with no
//! organisation (an analyst) is recorded in the global chain.

use crate::access::{clear_failures, delete_sessions_of};
use crate::audit::{self, Event, Outcome};
use crate::backend::write_tx;
use crate::error::DbResult;
use crate::models::{Organisation, User};
use crate::pool::DbConn;
use crate::repo::{self, NewUser, normalise_email, user_by_email};
use crate::schema::{memberships, users};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use domain::model::{Language, Role};

/// The actor label of every command-line entry.
pub const COMMAND_LINE: &str = "traject command line";

fn event<'a>(
    organisation_id: Option<&'a str>,
    action: &'a str,
    subject: (&'a str, &'a str),
    detail: &'a str,
    at: NaiveDateTime,
) -> Event<'a> {
    Event {
        organisation_id,
        actor_user_id: None,
        actor_label: COMMAND_LINE,
        action,
        subject_type: Some(subject.0),
        subject_id: Some(subject.1),
        detail,
        outcome: Outcome::Success,
        ip: None,
        at,
    }
}

/// Records one event about a person in each of her organisations' chains.
fn record_about_user(
    conn: &mut DbConn,
    user_id: &str,
    action: &str,
    detail: &str,
    at: NaiveDateTime,
) -> DbResult<()> {
    let organisations: Vec<String> = memberships::table
        .filter(memberships::user_id.eq(user_id))
        .select(memberships::organisation_id)
        .order(memberships::organisation_id)
        .load(conn)?;
    if organisations.is_empty() {
        return audit::record(conn, &event(None, action, ("user", user_id), detail, at));
    }
    for org in &organisations {
        audit::record(
            conn,
            &event(Some(org), action, ("user", user_id), detail, at),
        )?;
    }
    Ok(())
}

/// `traject org add`: the organisation, its audit chain and the chain's first entry.
pub fn create_organisation(
    conn: &mut DbConn,
    slug: &str,
    name: &str,
    language: Language,
    now: NaiveDateTime,
) -> DbResult<Organisation> {
    let org = repo::new_organisation(slug, name, language, false, now);
    write_tx(conn, |conn| {
        repo::insert_organisation(conn, &org)?;
        audit::record(
            conn,
            &event(
                Some(&org.id),
                "organisation.create",
                ("organisation", &org.id),
                "fields: slug, name, default_language",
                now,
            ),
        )?;
        Ok(org.clone())
    })
}

/// `traject user add`: a staff member of one organisation (`Some(org, role)`)
/// or a cross-organisation analyst (`None`).
pub fn create_user(
    conn: &mut DbConn,
    new: NewUser<'_>,
    membership: Option<(&Organisation, Role)>,
    now: NaiveDateTime,
) -> DbResult<User> {
    write_tx(conn, |conn| {
        let (user, detail) = match membership {
            Some((org, role)) => (
                repo::add_user(conn, new, &org.id, role, now)?,
                "fields: email, display_name, role",
            ),
            None => (
                repo::add_analyst(conn, new, now)?,
                "fields: email, display_name, is_analyst",
            ),
        };
        record_about_user(conn, &user.id, "user.create", detail, now)?;
        Ok(user)
    })
}

/// `traject user passwd`: a new password set by an operator. Whoever held the
/// old one is signed out everywhere, and a lockout is lifted (the usual reason
/// for an operator to reset a password).
pub fn reset_password(
    conn: &mut DbConn,
    email: &str,
    password_hash: &str,
    now: NaiveDateTime,
) -> DbResult<usize> {
    let email = normalise_email(email);
    write_tx(conn, |conn| {
        let user = user_by_email(conn, &email)?;
        diesel::update(users::table.find(&user.id))
            .set((
                users::password_hash.eq(password_hash),
                users::must_change_password.eq(false),
                users::password_expires_at.eq(None::<NaiveDateTime>),
                users::updated_at.eq(now),
            ))
            .execute(conn)?;
        clear_failures(conn, &user.id)?;
        let ended = delete_sessions_of(conn, &user.id)?;
        let detail = format!("fields: password_hash, lockout; sessions ended: {ended}");
        record_about_user(conn, &user.id, "user.password_reset", &detail, now)?;
        Ok(ended)
    })
}

/// `traject user reset-two-step`: for someone (often the only administrator)
/// who lost both her phone and her recovery codes.
pub fn reset_second_factor(conn: &mut DbConn, email: &str, now: NaiveDateTime) -> DbResult<usize> {
    let email = normalise_email(email);
    write_tx(conn, |conn| {
        let user = user_by_email(conn, &email)?;
        crate::credentials::clear_totp(conn, &user.id)?;
        let ended = delete_sessions_of(conn, &user.id)?;
        let detail =
            format!("fields: totp_enabled, totp_secret, recovery_codes; sessions ended: {ended}");
        record_about_user(conn, &user.id, "totp.reset", &detail, now)?;
        Ok(ended)
    })
}

/// `traject user disable|enable`. Disabling ends all of the person's sessions
/// in the same transaction.
pub fn set_active(
    conn: &mut DbConn,
    email: &str,
    active: bool,
    now: NaiveDateTime,
) -> DbResult<usize> {
    let email = normalise_email(email);
    write_tx(conn, |conn| {
        let user = user_by_email(conn, &email)?;
        diesel::update(users::table.find(&user.id))
            .set((users::active.eq(active), users::updated_at.eq(now)))
            .execute(conn)?;
        let ended = if active {
            0
        } else {
            delete_sessions_of(conn, &user.id)?
        };
        let detail = format!("fields: active; sessions ended: {ended}");
        let action = if active {
            "user.enable"
        } else {
            "user.disable"
        };
        record_about_user(conn, &user.id, action, &detail, now)?;
        Ok(ended)
    })
}
