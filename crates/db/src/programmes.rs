//! Programmes as configuration: the organisation's programmes with their
//! phases, adapted by an administrator or coordinator from the built-in
//! templates; a new one starts from the template of its kind. Changes are
//! authorised by the policy and recorded by field name.

use crate::audit::{self, Event};
use crate::backend::write_tx;
use crate::error::{DbError, DbResult};
use crate::models::*;
use crate::participants::{AccessError, Origin, refusal};
use crate::pool::DbConn;
use crate::schema::*;
use diesel::prelude::*;
use domain::model::ProgrammeKind;
use domain::policy::{Action, Actor, Resource, authorize};
use domain::programme::Config;

fn allowed(
    conn: &mut DbConn,
    actor: &Actor,
    what: &str,
    origin: Origin<'_>,
) -> Result<String, AccessError> {
    let org = actor.organisation_id().unwrap_or_default().to_owned();
    match authorize(
        actor,
        Action::ManageProgrammes,
        Resource::Organisation { id: &org },
        None,
    ) {
        Ok(_) => Ok(org),
        Err(why) => {
            origin.record(conn, &[refusal(actor, what, None, why, origin)])?;
            Err(AccessError::Denied(why))
        }
    }
}

/// The organisation's programmes with their phases, by name.
pub fn list(
    conn: &mut DbConn,
    actor: &Actor,
    origin: Origin<'_>,
) -> Result<Vec<(Programme, Vec<ProgrammePhase>)>, AccessError> {
    let org = allowed(conn, actor, "programme.list", origin)?;
    Ok(conn.transaction(|conn| -> DbResult<_> {
        let programmes = crate::repo::list_programmes(conn, &org)?;
        let phases: Vec<ProgrammePhase> = crate::direct!(conn, |c| programme_phases::table
            .filter(programme_phases::organisation_id.eq(&org))
            .order(programme_phases::position)
            .select(ProgrammePhase::as_select())
            .load(c))?;
        Ok(programmes
            .into_iter()
            .map(|p| {
                let mine = phases
                    .iter()
                    .filter(|ph| ph.programme_id == p.id)
                    .cloned()
                    .collect();
                (p, mine)
            })
            .collect())
    })?)
}

/// A new programme from the template of its kind; returns its id.
pub fn add(
    conn: &mut DbConn,
    actor: &Actor,
    kind: ProgrammeKind,
    name: &str,
    origin: Origin<'_>,
) -> Result<String, AccessError> {
    let org = allowed(conn, actor, "programme.create", origin)?;
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 200 {
        return Err(AccessError::Db(DbError::Invalid("name")));
    }
    Ok(write_tx(conn, |conn| -> DbResult<String> {
        let p = crate::repo::add_programme(conn, &org, name, "", kind, origin.at)?;
        audit::record(
            conn,
            &Event::by(actor, "programme.create", origin.ip, origin.at)
                .about("programme", &p.id)
                .detail(kind.code()),
        )?;
        Ok(p.id)
    })?)
}

/// Adapts a programme, if nobody changed it since version `seen_version`
/// was read; a later change answers a conflict.
pub fn update(
    conn: &mut DbConn,
    actor: &Actor,
    id: &str,
    seen_version: &str,
    config: &Config,
    origin: Origin<'_>,
) -> Result<(), AccessError> {
    let org = allowed(conn, actor, "programme.update", origin)?;
    Ok(write_tx(conn, |conn| -> DbResult<()> {
        let current: Programme = crate::direct!(conn, |c| programmes::table
            .filter(programmes::organisation_id.eq(&org))
            .filter(programmes::id.eq(id))
            .select(Programme::as_select())
            .first(c))
        .optional()?
        .ok_or(DbError::NotFound("programme"))?;
        if current.version.to_string() != seen_version {
            return Err(DbError::Conflict("programme changed".into()));
        }
        let domains: Vec<&str> = config.life_domains.iter().map(|d| d.code()).collect();
        let next = Programme {
            name: config.name.clone(),
            description: config.description.clone(),
            active: config.active,
            pooled: config.pooled,
            min_group_size: config.min_group_size,
            group_capacity: config.group_capacity,
            session_rhythm: config.session_rhythm.code().into(),
            session_minutes: config.session_minutes,
            duration_months: config.duration_months,
            life_domains: domains.join(","),
            funders: config.funders.clone(),
            report_strands: config.report_strands.clone(),
            eligibility: domain::eligibility::rules_json(&config.rules),
            updated_at: origin.at,
            version: current.version + 1,
            ..current.clone()
        };
        let mut fields = Vec::new();
        macro_rules! cmp {
            ($($f:ident),*) => { $( if current.$f != next.$f { fields.push(stringify!($f)); } )* };
        }
        cmp!(
            name,
            description,
            active,
            pooled,
            min_group_size,
            group_capacity,
            session_rhythm,
            session_minutes,
            duration_months,
            life_domains,
            funders,
            report_strands,
            eligibility
        );
        crate::direct!(conn, |c| diesel::update(programmes::table.find(id))
            .set((
                programmes::name.eq(&next.name),
                programmes::description.eq(&next.description),
                programmes::active.eq(next.active),
                programmes::pooled.eq(next.pooled),
                programmes::min_group_size.eq(next.min_group_size),
                programmes::group_capacity.eq(next.group_capacity),
                programmes::session_rhythm.eq(&next.session_rhythm),
                programmes::session_minutes.eq(next.session_minutes),
                programmes::duration_months.eq(next.duration_months),
                programmes::life_domains.eq(&next.life_domains),
                programmes::funders.eq(&next.funders),
                programmes::report_strands.eq(&next.report_strands),
                programmes::eligibility.eq(&next.eligibility),
                programmes::updated_at.eq(next.updated_at),
                programmes::version.eq(next.version),
            ))
            .execute(c))?;
        let phases: Vec<ProgrammePhase> = crate::direct!(conn, |c| programme_phases::table
            .filter(programme_phases::organisation_id.eq(&org))
            .filter(programme_phases::programme_id.eq(id))
            .order(programme_phases::position)
            .select(ProgrammePhase::as_select())
            .load(c))?;
        for (phase, weeks) in phases.iter().zip(&config.phase_weeks) {
            if phase.typical_weeks != *weeks {
                crate::direct!(conn, |c| diesel::update(
                    programme_phases::table.find(&phase.id)
                )
                .set(programme_phases::typical_weeks.eq(weeks))
                .execute(c))?;
                if !fields.contains(&"phases") {
                    fields.push("phases");
                }
            }
        }
        audit::record(
            conn,
            &Event::by(actor, "programme.update", origin.ip, origin.at)
                .about("programme", id)
                .detail(&fields.join(",")),
        )?;
        Ok(())
    })?)
}

/// The version token of a programme, as the edit form carries it.
pub fn version_of(p: &Programme) -> String {
    p.version.to_string()
}
