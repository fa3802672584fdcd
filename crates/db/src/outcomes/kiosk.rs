//! A shared tablet in a session ("kiosk"): a facilitator starts it for one
//! instrument at one moment; participants answer one after another, each in
//! a turn of her own. Starting a turn ends the one before (an anonymous
//! turn's answers are dropped unless handed in), so nobody sees another's
//! answers; the pages keep nothing on the device. Only the token's hash is
//! stored; a kiosk works until the end of the day or until it is closed.

use super::measurements::{self, By, Draft, MeasureError, Open, Taking};
use crate::access::secret_hash;
use crate::audit::{self, Event};
use crate::backend::write_tx;
use crate::error::{DbError, DbResult};
use crate::models::new_id;
use crate::participants::{AccessError, Origin};
use crate::pool::DbConn;
use crate::schema::*;
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use domain::instruments::{Instrument, Respondent};
use domain::outcomes::{Channel, Moment};
use domain::policy::{Action, Actor};

/// How long a kiosk works at most.
pub const KIOSK_HOURS: i64 = 10;

/// A working kiosk.
#[derive(Debug, Clone)]
pub struct Kiosk {
    pub id: String,
    pub organisation_id: String,
    pub session_id: String,
    pub group_id: String,
    pub programme_id: String,
    pub session_date: NaiveDate,
    pub instrument: Instrument,
    pub moment: Moment,
}

/// Starts a kiosk for a session; returns its token (shown once).
pub fn start(
    conn: &mut DbConn,
    actor: &Actor,
    session_id: &str,
    instrument_key: &str,
    moment: Moment,
    origin: Origin<'_>,
) -> Result<String, MeasureError> {
    let org = actor.organisation_id().unwrap_or_default().to_owned();
    let group = crate::groups::group_of_session(conn, &org, session_id)?
        .ok_or(DbError::NotFound("session"))?;
    crate::groups::open(conn, actor, Action::RunKiosk, "kiosk.start", &group, origin)?;
    let instrument =
        measurements::latest(conn, &org, instrument_key)?.ok_or(MeasureError::UnknownInstrument)?;
    if instrument.respondent != Respondent::Participant {
        return Err(MeasureError::UnknownInstrument);
    }
    let token = domain::secret::random_hex(32);
    write_tx(conn, |conn| {
        diesel::insert_into(kiosks::table)
            .values((
                kiosks::id.eq(new_id()),
                kiosks::organisation_id.eq(&org),
                kiosks::session_id.eq(session_id),
                kiosks::instrument_key.eq(&instrument.key),
                kiosks::instrument_version.eq(i32::try_from(instrument.version).unwrap_or(1)),
                kiosks::moment.eq(moment.code()),
                kiosks::token_hash.eq(secret_hash(&token)),
                kiosks::started_by.eq(actor.user_id()),
                kiosks::started_at.eq(origin.at),
                kiosks::expires_at.eq(origin.at + chrono::Duration::hours(KIOSK_HOURS)),
            ))
            .execute(conn)?;
        let detail = format!("{} {}", instrument.key, moment.code());
        audit::record(
            conn,
            &Event::by(actor, "kiosk.start", origin.ip, origin.at)
                .about("session", session_id)
                .detail(&detail),
        )?;
        Ok::<_, MeasureError>(())
    })?;
    Ok(token)
}

/// Closes the session's kiosks (the facilitator is done).
pub fn close(
    conn: &mut DbConn,
    actor: &Actor,
    session_id: &str,
    origin: Origin<'_>,
) -> Result<usize, AccessError> {
    let org = actor.organisation_id().unwrap_or_default().to_owned();
    let group = crate::groups::group_of_session(conn, &org, session_id)?
        .ok_or(AccessError::Db(DbError::NotFound("session")))?;
    crate::groups::open(conn, actor, Action::RunKiosk, "kiosk.close", &group, origin)?;
    write_tx(conn, |conn| {
        let ids: Vec<String> = kiosks::table
            .filter(kiosks::organisation_id.eq(&org))
            .filter(kiosks::session_id.eq(session_id))
            .filter(kiosks::closed_at.is_null())
            .select(kiosks::id)
            .load(conn)?;
        end_turns(conn, &org, &ids)?;
        let n = diesel::update(kiosks::table.filter(kiosks::id.eq_any(&ids)))
            .set(kiosks::closed_at.eq(origin.at))
            .execute(conn)?;
        audit::record(
            conn,
            &Event::by(actor, "kiosk.close", origin.ip, origin.at).about("session", session_id),
        )?;
        Ok(n)
    })
}

/// The working kiosk of a token, if any.
pub fn resolve(conn: &mut DbConn, token: &str, now: NaiveDateTime) -> DbResult<Option<Kiosk>> {
    if token.len() != 64 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Ok(None);
    }
    let found: Option<(String, String, String, String, i32, String)> = kiosks::table
        .filter(kiosks::token_hash.eq(secret_hash(token)))
        .filter(kiosks::closed_at.is_null())
        .filter(kiosks::expires_at.gt(now))
        .select((
            kiosks::id,
            kiosks::organisation_id,
            kiosks::session_id,
            kiosks::instrument_key,
            kiosks::instrument_version,
            kiosks::moment,
        ))
        .first(conn)
        .optional()?;
    let Some((id, org, session_id, key, version, moment)) = found else {
        return Ok(None);
    };
    let (group_id, session_date, programme_id): (String, NaiveDate, String) = group_sessions::table
        .inner_join(groups::table.on(groups::id.eq(group_sessions::group_id)))
        .filter(group_sessions::organisation_id.eq(&org))
        .filter(group_sessions::id.eq(&session_id))
        .select((groups::id, group_sessions::held_on, groups::programme_id))
        .first(conn)?;
    let Some(instrument) =
        super::instruments::version_of(conn, &org, &key, u32::try_from(version).unwrap_or(1))?
    else {
        return Ok(None);
    };
    Ok(Some(Kiosk {
        id,
        organisation_id: org,
        session_id,
        group_id,
        programme_id,
        session_date,
        instrument,
        moment: moment.parse().unwrap_or(Moment::Extra),
    }))
}

/// The group's members on the session's day: (participant id, first name),
/// by first name; only for an instrument that is not anonymous.
pub fn members(conn: &mut DbConn, k: &Kiosk) -> DbResult<Vec<(String, String)>> {
    if k.instrument.anonymous {
        return Ok(Vec::new());
    }
    Ok(group_members::table
        .inner_join(participants::table.on(participants::id.eq(group_members::participant_id)))
        .filter(group_members::organisation_id.eq(&k.organisation_id))
        .filter(group_members::group_id.eq(&k.group_id))
        .filter(group_members::joined_on.le(k.session_date))
        .filter(
            group_members::left_on
                .is_null()
                .or(group_members::left_on.ge(k.session_date)),
        )
        .order(participants::first_name)
        .select((participants::id, participants::first_name))
        .load(conn)?)
}

fn end_turns(conn: &mut DbConn, org: &str, kiosk_ids: &[String]) -> DbResult<()> {
    diesel::update(
        kiosk_turns::table
            .filter(kiosk_turns::organisation_id.eq(org))
            .filter(kiosk_turns::kiosk_id.eq_any(kiosk_ids))
            .filter(kiosk_turns::done.eq(false)),
    )
    .set((kiosk_turns::done.eq(true), kiosk_turns::draft.eq("{}")))
    .execute(conn)?;
    Ok(())
}

/// Why a turn could not begin.
#[derive(Debug, thiserror::Error)]
pub enum TurnError {
    #[error(transparent)]
    Measure(#[from] MeasureError),
    /// She answered this already for this moment.
    #[error("already answered")]
    AlreadyAnswered,
    /// Not a member of the group on the session's day.
    #[error("not in the group")]
    NotInGroup,
}

impl From<DbError> for TurnError {
    fn from(e: DbError) -> Self {
        TurnError::Measure(e.into())
    }
}

impl From<diesel::result::Error> for TurnError {
    fn from(e: diesel::result::Error) -> Self {
        TurnError::Measure(e.into())
    }
}

/// Begins the next person's turn (ending the one before); for an
/// identified instrument, `participant` is who tapped her name.
pub fn begin_turn(
    conn: &mut DbConn,
    k: &Kiosk,
    participant: Option<&str>,
    now: NaiveDateTime,
) -> Result<String, TurnError> {
    let members = members(conn, k)?;
    write_tx(conn, |conn| {
        crate::backend::lock_row(conn, "kiosks", &k.id)?;
        end_turns(conn, &k.organisation_id, std::slice::from_ref(&k.id))?;
        let measurement = match (k.instrument.anonymous, participant) {
            (true, _) => None,
            (false, None) => return Err(TurnError::NotInGroup),
            (false, Some(p)) => {
                if !members.iter().any(|(id, _)| id == p) {
                    return Err(TurnError::NotInGroup);
                }
                let trajectory: Option<String> = trajectories::table
                    .filter(trajectories::organisation_id.eq(&k.organisation_id))
                    .filter(trajectories::participant_id.eq(p))
                    .filter(trajectories::programme_id.eq(&k.programme_id))
                    .order(trajectories::referred_on.desc())
                    .select(trajectories::id)
                    .first(conn)
                    .optional()?;
                let taking = Taking {
                    participant_id: p.to_owned(),
                    trajectory_id: trajectory,
                    instrument_key: k.instrument.key.clone(),
                    moment: k.moment,
                    respondent: Respondent::Participant,
                    channel: Channel::Kiosk,
                };
                let id = measurements::open_or_start(
                    conn,
                    &k.organisation_id,
                    &taking,
                    By::Kiosk(&k.id),
                    now,
                )?;
                let status: String = crate::schema::measurements::table
                    .filter(crate::schema::measurements::id.eq(&id))
                    .select(crate::schema::measurements::status)
                    .first(conn)?;
                if status == "complete" {
                    return Err(TurnError::AlreadyAnswered);
                }
                Some(id)
            }
        };
        let id = new_id();
        diesel::insert_into(kiosk_turns::table)
            .values((
                kiosk_turns::id.eq(&id),
                kiosk_turns::organisation_id.eq(&k.organisation_id),
                kiosk_turns::kiosk_id.eq(&k.id),
                kiosk_turns::measurement_id.eq(measurement),
                kiosk_turns::draft.eq("{}"),
                kiosk_turns::done.eq(false),
                kiosk_turns::created_at.eq(now),
            ))
            .execute(conn)?;
        Ok(id)
    })
}

/// A turn under way: its answers so far (for an identified instrument, its
/// measurement's).
pub struct Turn {
    pub id: String,
    pub measurement: Option<Open>,
    pub draft: Draft,
}

/// The kiosk's turn `turn_id`, if it is still under way.
pub fn turn(conn: &mut DbConn, k: &Kiosk, turn_id: &str) -> Result<Option<Turn>, MeasureError> {
    let found: Option<(Option<String>, String)> = kiosk_turns::table
        .filter(kiosk_turns::organisation_id.eq(&k.organisation_id))
        .filter(kiosk_turns::kiosk_id.eq(&k.id))
        .filter(kiosk_turns::id.eq(turn_id))
        .filter(kiosk_turns::done.eq(false))
        .select((kiosk_turns::measurement_id, kiosk_turns::draft))
        .first(conn)
        .optional()?;
    let Some((measurement, draft)) = found else {
        return Ok(None);
    };
    match measurement {
        Some(m) => {
            let open = measurements::open(conn, &k.organisation_id, &m)?;
            Ok(open.map(|o| Turn {
                id: turn_id.to_owned(),
                draft: o.draft.clone(),
                measurement: Some(o),
            }))
        }
        None => Ok(Some(Turn {
            id: turn_id.to_owned(),
            measurement: None,
            draft: serde_json::from_str(&draft).unwrap_or_default(),
        })),
    }
}

/// One answer in a turn.
pub fn answer(
    conn: &mut DbConn,
    k: &Kiosk,
    turn_id: &str,
    item_key: &str,
    values: &[&str],
    now: NaiveDateTime,
) -> Result<(), MeasureError> {
    let t = turn(conn, k, turn_id)?.ok_or(DbError::NotFound("turn"))?;
    if let Some(m) = &t.measurement {
        return measurements::answer_item(
            conn,
            &k.organisation_id,
            &m.row.id,
            item_key,
            values,
            now,
        );
    }
    let mut draft = t.draft;
    measurements::take(&k.instrument, &mut draft, item_key, values)?;
    let json = serde_json::to_string(&draft).map_err(|e| DbError::Conflict(e.to_string()))?;
    write_tx(conn, |conn| {
        diesel::update(
            kiosk_turns::table
                .filter(kiosk_turns::id.eq(turn_id))
                .filter(kiosk_turns::done.eq(false)),
        )
        .set(kiosk_turns::draft.eq(json))
        .execute(conn)?;
        Ok(())
    })
}

/// Hands a turn's answers in and ends the turn.
pub fn finish(
    conn: &mut DbConn,
    k: &Kiosk,
    turn_id: &str,
    ip: Option<&str>,
    now: NaiveDateTime,
) -> Result<(), MeasureError> {
    let t = turn(conn, k, turn_id)?.ok_or(DbError::NotFound("turn"))?;
    write_tx(conn, |conn| {
        match &t.measurement {
            Some(m) => measurements::complete_in(
                conn,
                &k.organisation_id,
                &m.row.id,
                By::Kiosk(&k.id),
                ip,
                now,
            )?,
            None => {
                let answers = measurements::to_hand_in(&k.instrument, &t.draft)?;
                measurements::store_anonymous(
                    conn,
                    &k.organisation_id,
                    &k.instrument,
                    Some(&k.programme_id),
                    Some(&k.group_id),
                    Some(&k.session_id),
                    k.moment.code(),
                    k.session_date,
                    &answers,
                )?;
            }
        }
        diesel::update(kiosk_turns::table.filter(kiosk_turns::id.eq(turn_id)))
            .set((kiosk_turns::done.eq(true), kiosk_turns::draft.eq("{}")))
            .execute(conn)?;
        Ok(())
    })
}
