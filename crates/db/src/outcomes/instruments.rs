//! Instruments an organisation adds or adapts. Each save is a new version
//! (old versions stay, so old answers stay readable); sharing with the other
//! organisations on the instance is opt-in. traject's built-in instruments
//! (keys starting with `traject-`) come from `domain::instruments`.

use crate::audit::{self, Event};
use crate::backend::write_tx;
use crate::error::{DbError, DbResult};
use crate::groups::require;
use crate::models::new_id;
use crate::participants::{AccessError, Origin};
use crate::pool::DbConn;
use crate::schema::*;
use diesel::prelude::*;
use domain::instruments::{Instrument, InstrumentError, built_in};
use domain::policy::{Action, Actor};

/// Where an instrument comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    BuiltIn,
    Own,
    /// Shared by another organisation (read-only here).
    Shared {
        organisation: String,
    },
}

/// An instrument in one version, with its source.
#[derive(Debug, Clone, PartialEq)]
pub struct Available {
    pub instrument: Instrument,
    pub source: Source,
}

/// Why an instrument was not saved.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error(transparent)]
    Access(#[from] AccessError),
    #[error(transparent)]
    Invalid(#[from] InstrumentError),
    /// `traject-...` keys belong to the built-in instruments.
    #[error("the key is reserved for traject's own instruments")]
    ReservedKey,
}

impl From<DbError> for SaveError {
    fn from(e: DbError) -> Self {
        SaveError::Access(AccessError::Db(e))
    }
}

impl From<diesel::result::Error> for SaveError {
    fn from(e: diesel::result::Error) -> Self {
        SaveError::Access(AccessError::Db(e.into()))
    }
}

/// Saves `json` as the next version of the organisation's instrument with
/// its key (the version in the JSON is replaced). Returns the version.
pub fn save(
    conn: &mut DbConn,
    actor: &Actor,
    json: &str,
    shared: bool,
    origin: Origin<'_>,
) -> Result<u32, SaveError> {
    // Asked before the transaction: a refusal's audit entry must stay.
    let org = require(
        conn,
        actor,
        Action::ManageInstruments,
        "instrument.save",
        origin,
    )?;
    write_tx(conn, |conn| {
        let mut instrument = Instrument::from_json(json)?;
        if instrument.key.starts_with("traject-") {
            return Err(SaveError::ReservedKey);
        }
        let latest: Option<i32> = instruments::table
            .filter(instruments::organisation_id.eq(&org))
            .filter(instruments::instrument_key.eq(&instrument.key))
            .select(diesel::dsl::max(instruments::version))
            .first(conn)?;
        let version = latest.unwrap_or(0) + 1;
        instrument.version = u32::try_from(version).unwrap_or(1);
        let definition =
            serde_json::to_string(&instrument).map_err(|e| DbError::Conflict(e.to_string()))?;
        diesel::insert_into(instruments::table)
            .values((
                instruments::id.eq(new_id()),
                instruments::organisation_id.eq(&org),
                instruments::instrument_key.eq(&instrument.key),
                instruments::version.eq(version),
                instruments::definition.eq(definition),
                instruments::shared.eq(shared),
                instruments::created_by.eq(actor.user_id()),
                instruments::created_at.eq(origin.at),
            ))
            .execute(conn)?;
        audit::record(
            conn,
            &Event::by(actor, "instrument.save", origin.ip, origin.at)
                .about("instrument", &instrument.key)
                .detail(&format!(
                    "version {version}{}",
                    if shared { ", shared" } else { "" }
                )),
        )?;
        Ok(instrument.version)
    })
}

fn parse(definition: &str) -> Option<Instrument> {
    serde_json::from_str(definition).ok()
}

/// The instruments an organisation can use, each in its latest version:
/// built-in, its own, and those others share.
pub fn available(conn: &mut DbConn, org: &str) -> DbResult<Vec<Available>> {
    let mut out: Vec<Available> = built_in()
        .iter()
        .map(|instrument| Available {
            instrument: instrument.clone(),
            source: Source::BuiltIn,
        })
        .collect();
    let rows: Vec<(String, String, i32, String)> = instruments::table
        .filter(
            instruments::organisation_id
                .eq(org)
                .or(instruments::shared.eq(true)),
        )
        .order((
            instruments::organisation_id,
            instruments::instrument_key,
            instruments::version.desc(),
        ))
        .select((
            instruments::organisation_id,
            instruments::instrument_key,
            instruments::version,
            instruments::definition,
        ))
        .load(conn)?;
    let mut last: Option<(String, String)> = None;
    for (owner, key, _, definition) in rows {
        let this = (owner.clone(), key);
        if last.as_ref() == Some(&this) {
            continue; // an older version of the same instrument
        }
        last = Some(this);
        if let Some(instrument) = parse(&definition) {
            let source = if owner == org {
                Source::Own
            } else {
                Source::Shared {
                    organisation: owner,
                }
            };
            out.push(Available { instrument, source });
        }
    }
    Ok(out)
}

/// One version of an instrument the organisation can use (answers name the
/// version they were given in, so an old one must stay readable).
pub fn version_of(
    conn: &mut DbConn,
    org: &str,
    key: &str,
    version: u32,
) -> DbResult<Option<Instrument>> {
    if let Some(b) = built_in()
        .iter()
        .find(|i| i.key == key && i.version == version)
    {
        return Ok(Some(b.clone()));
    }
    let v = i32::try_from(version).unwrap_or(i32::MAX);
    let rows: Vec<(String, String)> = instruments::table
        .filter(instruments::instrument_key.eq(key))
        .filter(instruments::version.eq(v))
        .filter(
            instruments::organisation_id
                .eq(org)
                .or(instruments::shared.eq(true)),
        )
        .select((instruments::organisation_id, instruments::definition))
        .load(conn)?;
    // Her own first, should another organisation share the same key.
    let own = rows.iter().find(|(o, _)| o == org).or(rows.first());
    Ok(own.and_then(|(_, d)| parse(d)))
}
