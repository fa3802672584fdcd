//! The practice bank: themes and work forms an organisation reuses across
//! its groups, and shares with the other organisations of the instance when
//! it opts in (per practice). Others' shared practices are read-only.

use super::{GroupError, require};
use crate::audit::{self, Event};
use crate::backend::write_tx;
use crate::error::DbResult;
use crate::models::*;
use crate::participants::Origin;
use crate::pool::DbConn;
use crate::schema::*;
use diesel::prelude::*;
use domain::participant::{FieldError, LifeDomain};
use domain::policy::{Action, Actor};

/// A practice as a form gives it.
#[derive(Debug, Clone, Default)]
pub struct PracticeInput {
    pub title: String,
    pub life_domain: String,
    pub method: String,
    pub materials: String,
    pub minutes: String,
    pub language_notes: String,
    pub shared: bool,
}

/// One practice of the bank with whose it is.
#[derive(Debug, Clone)]
pub struct PracticeLine {
    pub practice: Practice,
    pub organisation: String,
    /// The actor's organisation's own (editable) practice.
    pub own: bool,
}

struct Checked {
    title: String,
    life_domain: Option<String>,
    minutes: Option<i32>,
}

fn check(input: &PracticeInput) -> Result<Checked, GroupError> {
    let mut errors = Vec::new();
    let mut limit = |field: &'static str, value: &str, max: usize| {
        if value.trim().chars().count() > max {
            errors.push(FieldError {
                field,
                code: "too-long",
            });
        }
    };
    limit("method", &input.method, 4000);
    limit("materials", &input.materials, 2000);
    limit("language_notes", &input.language_notes, 1000);
    let title = input.title.trim();
    if title.chars().count() < 2 || title.chars().count() > 200 {
        errors.push(FieldError {
            field: "title",
            code: "required",
        });
    }
    let life_domain = match input.life_domain.trim() {
        "" => None,
        code => match code.parse::<LifeDomain>() {
            Ok(d) => Some(d.code().to_owned()),
            Err(_) => {
                errors.push(FieldError {
                    field: "life_domain",
                    code: "invalid-choice",
                });
                None
            }
        },
    };
    let minutes = match input.minutes.trim() {
        "" => None,
        text => match text.parse::<i32>() {
            Ok(m) if (1..=1440).contains(&m) => Some(m),
            _ => {
                errors.push(FieldError {
                    field: "minutes",
                    code: "out-of-range",
                });
                None
            }
        },
    };
    if errors.is_empty() {
        Ok(Checked {
            title: title.to_owned(),
            life_domain,
            minutes,
        })
    } else {
        Err(GroupError::Invalid(errors))
    }
}

/// The practices an organisation may use: its own and those shared.
fn usable_by(
    org: &str,
) -> diesel::dsl::Or<
    diesel::dsl::Eq<practices::organisation_id, &str>,
    diesel::dsl::Eq<practices::shared, bool>,
> {
    practices::organisation_id
        .eq(org)
        .or(practices::shared.eq(true))
}

/// The bank as the actor sees it: her organisation's practices and those
/// other organisations share, by title.
pub fn list(
    conn: &mut DbConn,
    actor: &Actor,
    origin: Origin<'_>,
) -> Result<Vec<PracticeLine>, GroupError> {
    let org = require(
        conn,
        actor,
        Action::ManagePractices,
        "practice.list",
        origin,
    )?;
    let rows: Vec<(Practice, String)> = crate::direct!(conn, |c| practices::table
        .inner_join(organisations::table)
        .filter(usable_by(&org))
        .order((practices::title.asc(), practices::id.asc()))
        .select((Practice::as_select(), organisations::name))
        .load(c))?;
    Ok(rows
        .into_iter()
        .map(|(practice, organisation)| PracticeLine {
            own: practice.organisation_id == org,
            practice,
            organisation,
        })
        .collect())
}

/// The practices a session of `org` may name, as (id, title) for a choice.
pub fn choices(conn: &mut DbConn, org: &str) -> DbResult<Vec<(String, String)>> {
    Ok(crate::direct!(conn, |c| practices::table
        .filter(usable_by(org))
        .order(practices::title.asc())
        .select((practices::id, practices::title))
        .load(c))?)
}

/// A practice `org` may use (its own or shared), or `None`.
pub fn usable(conn: &mut DbConn, org: &str, id: &str) -> DbResult<Option<Practice>> {
    Ok(crate::direct!(conn, |c| practices::table
        .filter(practices::id.eq(id))
        .filter(usable_by(org))
        .select(Practice::as_select())
        .first(c))
    .optional()?)
}

/// Adds a practice to the actor's organisation's bank.
pub fn create(
    conn: &mut DbConn,
    actor: &Actor,
    input: &PracticeInput,
    origin: Origin<'_>,
) -> Result<String, GroupError> {
    write_tx(conn, |conn| -> Result<String, GroupError> {
        let org = require(
            conn,
            actor,
            Action::ManagePractices,
            "practice.create",
            origin,
        )?;
        let checked = check(input)?;
        let id = new_id();
        crate::direct!(conn, |c| diesel::insert_into(practices::table)
            .values(&Practice {
                id: id.clone(),
                organisation_id: org,
                title: checked.title,
                life_domain: checked.life_domain,
                method: input.method.trim().to_owned(),
                materials: input.materials.trim().to_owned(),
                minutes: checked.minutes,
                language_notes: input.language_notes.trim().to_owned(),
                shared: input.shared,
                created_at: origin.at,
                version: 1,
            })
            .execute(c))?;
        audit::record(
            conn,
            &Event::by(actor, "practice.create", origin.ip, origin.at).about("practice", &id),
        )?;
        Ok(id)
    })
}

/// One practice to show or edit: its own organisation's, or one shared.
pub fn get(
    conn: &mut DbConn,
    actor: &Actor,
    id: &str,
    origin: Origin<'_>,
) -> Result<PracticeLine, GroupError> {
    let org = require(
        conn,
        actor,
        Action::ManagePractices,
        "practice.read",
        origin,
    )?;
    let found: Option<(Practice, String)> = crate::direct!(conn, |c| practices::table
        .inner_join(organisations::table)
        .filter(practices::id.eq(id))
        .filter(usable_by(&org))
        .select((Practice::as_select(), organisations::name))
        .first(c))
    .optional()?;
    let (practice, organisation) = found.ok_or_else(not_found)?;
    Ok(PracticeLine {
        own: practice.organisation_id == org,
        practice,
        organisation,
    })
}

fn not_found() -> GroupError {
    GroupError::Access(crate::participants::AccessError::Db(
        crate::error::DbError::NotFound("practice"),
    ))
}

/// Changes one of the organisation's own practices; `version` is the one
/// the form was opened at (an edit made meanwhile answers `Stale`).
pub fn update(
    conn: &mut DbConn,
    actor: &Actor,
    id: &str,
    version: i32,
    input: &PracticeInput,
    origin: Origin<'_>,
) -> Result<(), GroupError> {
    write_tx(conn, |conn| -> Result<(), GroupError> {
        let org = require(
            conn,
            actor,
            Action::ManagePractices,
            "practice.update",
            origin,
        )?;
        let current: Practice = crate::direct!(conn, |c| practices::table
            .filter(practices::organisation_id.eq(&org))
            .filter(practices::id.eq(id))
            .select(Practice::as_select())
            .first(c))
        .optional()?
        .ok_or_else(not_found)?;
        let checked = check(input)?;
        if current.version != version {
            return Err(GroupError::Stale);
        }
        crate::direct!(conn, |c| diesel::update(practices::table.find(id))
            .set((
                practices::title.eq(checked.title),
                practices::life_domain.eq(checked.life_domain),
                practices::method.eq(input.method.trim()),
                practices::materials.eq(input.materials.trim()),
                practices::minutes.eq(checked.minutes),
                practices::language_notes.eq(input.language_notes.trim()),
                practices::shared.eq(input.shared),
                practices::version.eq(version + 1),
            ))
            .execute(c))?;
        audit::record(
            conn,
            &Event::by(actor, "practice.update", origin.ip, origin.at).about("practice", id),
        )?;
        Ok(())
    })
}
