//! Queries over the core records. Every organisation-owned read filters on
//! `organisation_id`: tenant scoping is one filter, always the first.

use crate::backend::write_tx;
use crate::error::{DbError, DbResult};
use crate::models::*;
use crate::pool::DbConn;
use crate::schema::*;
use chrono::NaiveDateTime;
use diesel::prelude::*;
use domain::model::{GrammaticalGender, Language, ProgrammeKind, Role};

pub fn organisation_by_slug(conn: &mut DbConn, slug: &str) -> DbResult<Organisation> {
    crate::direct!(conn, |c| organisations::table
        .filter(organisations::slug.eq(slug))
        .select(Organisation::as_select())
        .first(c))
    .optional()?
    .ok_or(DbError::NotFound("organisation"))
}

/// An organisation's name.
pub fn organisation_name(conn: &mut DbConn, id: &str) -> DbResult<String> {
    Ok(crate::direct!(conn, |c| organisations::table
        .filter(organisations::id.eq(id))
        .select(organisations::name)
        .first(c))?)
}

pub fn list_organisations(conn: &mut DbConn) -> DbResult<Vec<Organisation>> {
    Ok(crate::direct!(conn, |c| organisations::table
        .order(organisations::name)
        .select(Organisation::as_select())
        .load(c))?)
}

/// Creates an organisation with its own audit chain, in one transaction.
pub fn insert_organisation(conn: &mut DbConn, org: &Organisation) -> DbResult<()> {
    write_tx(conn, |conn| {
        crate::direct!(conn, |c| diesel::insert_into(organisations::table)
            .values(org)
            .execute(c))?;
        crate::direct!(conn, |c| diesel::insert_into(audit_chains::table)
            .values((
                audit_chains::chain.eq(&org.id),
                audit_chains::seq.eq(0_i64),
                audit_chains::head_hash.eq(""),
            ))
            .execute(c))?;
        Ok(())
    })
}

pub fn new_organisation(
    slug: &str,
    name: &str,
    language: Language,
    is_demo: bool,
    now: NaiveDateTime,
) -> Organisation {
    Organisation {
        id: new_id(),
        slug: slug.to_owned(),
        name: name.to_owned(),
        default_language: language.code().to_owned(),
        is_demo,
        created_at: now,
        require_totp: false,
        synthetic: false,
    }
}

/// Emails are compared case-insensitively: stored lower-case.
pub fn normalise_email(email: &str) -> String {
    email.trim().to_lowercase()
}

pub fn user_by_email(conn: &mut DbConn, email: &str) -> DbResult<User> {
    crate::direct!(conn, |c| users::table
        .filter(users::email.eq(normalise_email(email)))
        .select(User::as_select())
        .first(c))
    .optional()?
    .ok_or(DbError::NotFound("user"))
}

pub struct NewUser<'a> {
    pub email: &'a str,
    pub username: Option<&'a str>,
    pub display_name: &'a str,
    pub preferred_language: Option<Language>,
    /// Neutral when not given.
    pub grammatical_gender: Option<GrammaticalGender>,
    pub password_hash: String,
}

/// Creates a cross-organisation analyst: no membership, aggregated figures only.
pub fn add_analyst(conn: &mut DbConn, new: NewUser<'_>, now: NaiveDateTime) -> DbResult<User> {
    let mut user = new_user(new, now);
    user.is_analyst = true;
    crate::direct!(conn, |c| diesel::insert_into(users::table)
        .values(&user)
        .execute(c))
    .map_err(|e| match DbError::from(e) {
        e if e.is_unique_violation() => {
            DbError::Conflict(format!("a user with email {} already exists", user.email))
        }
        e => e,
    })?;
    Ok(user)
}

fn new_user(new: NewUser<'_>, now: NaiveDateTime) -> User {
    User {
        id: new_id(),
        email: normalise_email(new.email),
        username: new.username.map(str::to_owned),
        display_name: new.display_name.trim().to_owned(),
        preferred_language: new.preferred_language.map(|l| l.code().to_owned()),
        password_hash: new.password_hash,
        active: true,
        created_at: now,
        updated_at: now,
        totp_secret: None,
        totp_enabled: false,
        failed_logins: 0,
        first_failed_at: None,
        locked_until: None,
        is_analyst: false,
        totp_last_step: None,
        grammatical_gender: new
            .grammatical_gender
            .unwrap_or(GrammaticalGender::Neutral)
            .code()
            .to_owned(),
        must_change_password: false,
        password_expires_at: None,
    }
}

/// Creates a user with a role in one organisation, in one transaction.
pub fn add_user(
    conn: &mut DbConn,
    new: NewUser<'_>,
    organisation_id: &str,
    role: Role,
    now: NaiveDateTime,
) -> DbResult<User> {
    let user = new_user(new, now);
    write_tx(conn, |conn| {
        crate::direct!(conn, |c| diesel::insert_into(users::table)
            .values(&user)
            .execute(c))
        .map_err(|e| match DbError::from(e) {
            e if e.is_unique_violation() => DbError::Conflict(format!(
                "a user with email {} or that username already exists",
                user.email
            )),
            e => e,
        })?;
        crate::direct!(conn, |c| diesel::insert_into(memberships::table)
            .values(&Membership {
                id: new_id(),
                organisation_id: organisation_id.to_owned(),
                user_id: user.id.clone(),
                role: role.code().to_owned(),
                created_at: now,
            })
            .execute(c))?;
        Ok(user.clone())
    })
}

/// A user with their memberships as (organisation slug, role).
pub type UserWithRoles = (User, Vec<(String, String)>);

pub fn list_users(conn: &mut DbConn) -> DbResult<Vec<UserWithRoles>> {
    let users: Vec<User> = crate::direct!(conn, |c| users::table
        .order(users::email)
        .select(User::as_select())
        .load(c))?;
    let links: Vec<(String, String, String)> = crate::direct!(conn, |c| memberships::table
        .inner_join(organisations::table)
        .select((memberships::user_id, organisations::slug, memberships::role))
        .order((organisations::slug, memberships::role))
        .load(c))?;
    Ok(users
        .into_iter()
        .map(|u| {
            let mine = links
                .iter()
                .filter(|(uid, _, _)| *uid == u.id)
                .map(|(_, slug, role)| (slug.clone(), role.clone()))
                .collect();
            (u, mine)
        })
        .collect())
}

/// Creates a programme of a seed kind with that kind's default phases.
pub fn add_programme(
    conn: &mut DbConn,
    organisation_id: &str,
    name: &str,
    description: &str,
    kind: ProgrammeKind,
    now: NaiveDateTime,
) -> DbResult<Programme> {
    let t = kind.template();
    let join = |codes: &[&str]| codes.join(",");
    let programme = Programme {
        id: new_id(),
        organisation_id: organisation_id.to_owned(),
        name: name.to_owned(),
        description: description.to_owned(),
        kind: kind.code().to_owned(),
        group_capacity: t.max_group_size,
        session_rhythm: t.rhythm.code().to_owned(),
        active: true,
        created_at: now,
        updated_at: now,
        min_group_size: t.min_group_size,
        session_minutes: t.session_minutes,
        duration_months: t.duration_months,
        eligibility: domain::eligibility::rules_json(&t.eligibility),
        life_domains: join(&t.life_domains.iter().map(|d| d.code()).collect::<Vec<_>>()),
        funders: join(t.funders),
        report_strands: join(t.report_strands),
        version: 1,
        pooled: false,
    };
    write_tx(conn, |conn| {
        crate::direct!(conn, |c| diesel::insert_into(programmes::table)
            .values(&programme)
            .execute(c))?;
        for (position, (code, weeks)) in (1..).zip(&t.phases) {
            crate::direct!(conn, |c| diesel::insert_into(programme_phases::table)
                .values(&ProgrammePhase {
                    id: new_id(),
                    organisation_id: organisation_id.to_owned(),
                    programme_id: programme.id.clone(),
                    position,
                    code: (*code).to_owned(),
                    typical_weeks: *weeks,
                })
                .execute(c))?;
        }
        Ok(programme.clone())
    })
}

pub fn list_programmes(conn: &mut DbConn, organisation_id: &str) -> DbResult<Vec<Programme>> {
    Ok(crate::direct!(conn, |c| programmes::table
        .filter(programmes::organisation_id.eq(organisation_id))
        .order(programmes::name)
        .select(Programme::as_select())
        .load(c))?)
}

/// Row counts of the core tables for one organisation (reports, demo checks).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub sites: i64,
    pub rooms: i64,
    pub staff: i64,
    pub programmes: i64,
    pub participants: i64,
    pub children: i64,
    pub trajectories: i64,
}

pub fn counts(conn: &mut DbConn, organisation_id: &str) -> DbResult<Counts> {
    Ok(Counts {
        sites: sites::table
            .filter(sites::organisation_id.eq(organisation_id))
            .count()
            .get_result(conn)?,
        rooms: rooms::table
            .filter(rooms::organisation_id.eq(organisation_id))
            .count()
            .get_result(conn)?,
        staff: memberships::table
            .filter(memberships::organisation_id.eq(organisation_id))
            .count()
            .get_result(conn)?,
        programmes: programmes::table
            .filter(programmes::organisation_id.eq(organisation_id))
            .count()
            .get_result(conn)?,
        participants: participants::table
            .filter(participants::organisation_id.eq(organisation_id))
            .count()
            .get_result(conn)?,
        children: children::table
            .filter(children::organisation_id.eq(organisation_id))
            .count()
            .get_result(conn)?,
        trajectories: trajectories::table
            .filter(trajectories::organisation_id.eq(organisation_id))
            .count()
            .get_result(conn)?,
    })
}

/// Whole-database row counts, for checks that must see every tenant.
pub fn total_rows(conn: &mut DbConn) -> DbResult<i64> {
    let mut total = 0;
    total += crate::direct!(conn, |c| organisations::table.count().get_result::<i64>(c))?;
    total += crate::direct!(conn, |c| users::table.count().get_result::<i64>(c))?;
    total += crate::direct!(conn, |c| participants::table.count().get_result::<i64>(c))?;
    total += crate::direct!(conn, |c| trajectories::table.count().get_result::<i64>(c))?;
    Ok(total)
}
