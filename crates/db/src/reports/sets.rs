//! Indicator sets an organisation adds (issue 16): when a funder changes
//! its annex, an administrator or coordinator uploads the new set as data,
//! checked exactly as the built-in ones are. The organisation's latest
//! version of a key is used in place of a built-in set with the same key
//! when its version is higher.

use crate::audit::{self, Event};
use crate::backend::write_tx;
use crate::error::{DbError, DbResult};
use crate::models::new_id;
use crate::participants::{AccessError, Origin};
use crate::pool::DbConn;
use crate::schema::*;
use diesel::prelude::*;
use domain::indicators::{IndicatorSet, SetError, built_in};
use domain::policy::{Action, Actor};

/// Why a set was not added.
#[derive(Debug, thiserror::Error)]
pub enum AddError {
    #[error(transparent)]
    Access(#[from] AccessError),
    #[error(transparent)]
    Invalid(#[from] SetError),
    /// This organisation already has this key in this version, or a
    /// built-in set has it in this version or a later one.
    #[error("version {1} of {0} exists")]
    VersionExists(String, u32),
}

crate::network::from_storage_errors!(AddError);

/// The organisation's own sets, each key at its latest version.
pub fn own(conn: &mut DbConn, org: &str) -> DbResult<Vec<IndicatorSet>> {
    let rows: Vec<(String, i32, String)> = indicator_sets::table
        .filter(indicator_sets::organisation_id.eq(org))
        .order((indicator_sets::key, indicator_sets::version.desc()))
        .select((
            indicator_sets::key,
            indicator_sets::version,
            indicator_sets::definition,
        ))
        .load(conn)?;
    let mut out: Vec<IndicatorSet> = Vec::new();
    for (key, _, json) in rows {
        if out.iter().any(|s| s.key == key) {
            continue;
        }
        // Checked on the way in; a set that no longer parses (the engine
        // changed) is left out rather than failing every report.
        if let Ok(set) = IndicatorSet::from_json(&json) {
            out.push(set);
        }
    }
    Ok(out)
}

/// The sets an organisation reports on: built-in ones, replaced by its own
/// newer versions, then its own other sets.
pub fn available(conn: &mut DbConn, org: &str) -> DbResult<Vec<IndicatorSet>> {
    let own = own(conn, org)?;
    let mut out: Vec<IndicatorSet> = built_in()
        .iter()
        .map(|b| {
            own.iter()
                .find(|o| o.key == b.key && o.version > b.version)
                .unwrap_or(b)
                .clone()
        })
        .collect();
    out.extend(
        own.into_iter()
            .filter(|o| !built_in().iter().any(|b| b.key == o.key)),
    );
    Ok(out)
}

/// The set a report asks for.
pub fn find(conn: &mut DbConn, org: &str, key: &str) -> DbResult<IndicatorSet> {
    available(conn, org)?
        .into_iter()
        .find(|s| s.key == key)
        .ok_or(DbError::NotFound("indicator set"))
}

/// Adds a set to the organisation, checked first.
pub fn add(
    conn: &mut DbConn,
    actor: &Actor,
    json: &str,
    origin: Origin<'_>,
) -> Result<IndicatorSet, AddError> {
    let org = crate::groups::require(
        conn,
        actor,
        Action::ManageProgrammes,
        "indicator_set.add",
        origin,
    )?;
    let set = IndicatorSet::from_json(json)?;
    if built_in()
        .iter()
        .any(|b| b.key == set.key && b.version >= set.version)
    {
        return Err(AddError::VersionExists(set.key, set.version));
    }
    let version = i32::try_from(set.version).unwrap_or(i32::MAX);
    write_tx(conn, |conn| {
        let inserted = diesel::insert_into(indicator_sets::table)
            .values((
                indicator_sets::id.eq(new_id()),
                indicator_sets::organisation_id.eq(&org),
                indicator_sets::key.eq(&set.key),
                indicator_sets::version.eq(version),
                indicator_sets::definition.eq(json),
                indicator_sets::added_by.eq(Some(actor.user_id())),
                indicator_sets::created_at.eq(origin.at),
            ))
            .execute(conn)
            .map_err(DbError::from);
        match inserted {
            Ok(_) => {}
            Err(e) if e.is_unique_violation() => {
                return Err(AddError::VersionExists(set.key.clone(), set.version));
            }
            Err(e) => return Err(e.into()),
        }
        audit::record(
            conn,
            &Event::by(actor, "indicator_set.add", origin.ip, origin.at)
                .about("indicator_set", &set.key),
        )?;
        Ok(())
    })?;
    Ok(set)
}
