//! Measurements: one taking of an instrument by (or about) one participant,
//! at a moment of her trajectory. Answers gather in a draft so that she can
//! stop and come back; completing checks every required item and then
//! stores the answers, for an anonymous instrument apart from her: the
//! measurement keeps only that she answered.

use super::instruments::version_of;
use crate::audit::{self, Event, Outcome};
use crate::backend::write_tx;
use crate::error::{DbError, DbResult};
use crate::models::new_id;
use crate::participants::{AccessError, Origin};
use crate::pool::DbConn;
use crate::schema::*;
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use domain::instruments::{Answer, AnswerError, Instrument, Respondent};
use domain::outcomes::{Channel, Course, Due, Moment, Planned};
use domain::policy::{Action, Actor};
use std::collections::BTreeMap;

/// An answer in its two columns (number, text), by item key.
pub(crate) type Columns<'a> = (&'a String, (Option<i64>, Option<String>));

/// The answers so far, by item key.
pub type Draft = BTreeMap<String, Answer>;

/// Why answers were not taken.
#[derive(Debug, thiserror::Error)]
pub enum MeasureError {
    #[error(transparent)]
    Access(#[from] AccessError),
    /// An item's answer is refused: the item and the error's code.
    #[error("item {0}: {1:?}")]
    Answer(String, AnswerError),
    /// The measurement is complete: its answers no longer change.
    #[error("the answers were already handed in")]
    Complete,
    #[error("the instrument is not known here")]
    UnknownInstrument,
}

impl From<DbError> for MeasureError {
    fn from(e: DbError) -> Self {
        MeasureError::Access(AccessError::Db(e))
    }
}

impl From<diesel::result::Error> for MeasureError {
    fn from(e: diesel::result::Error) -> Self {
        MeasureError::Access(AccessError::Db(e.into()))
    }
}

/// Who hands answers in, for the trail.
#[derive(Clone, Copy)]
pub enum By<'a> {
    Staff(&'a Actor),
    /// She, through her page link (its id).
    Link(&'a str),
    /// She, at a shared tablet (the kiosk's id).
    Kiosk(&'a str),
}

impl By<'_> {
    fn event<'e>(
        &'e self,
        org: &'e str,
        action: &'e str,
        ip: Option<&'e str>,
        at: NaiveDateTime,
    ) -> Event<'e> {
        match self {
            By::Staff(actor) => Event::by(actor, action, ip, at),
            By::Link(_) | By::Kiosk(_) => Event {
                organisation_id: Some(org),
                actor_user_id: None,
                actor_label: if matches!(self, By::Link(_)) {
                    "participant link"
                } else {
                    "kiosk"
                },
                action,
                subject_type: None,
                subject_id: None,
                detail: "",
                outcome: Outcome::Success,
                ip,
                at,
            },
        }
    }

    fn user(&self) -> Option<&str> {
        match self {
            By::Staff(a) => Some(a.user_id()),
            _ => None,
        }
    }
}

/// What is taken: an instrument at a moment of her trajectory.
#[derive(Debug, Clone)]
pub struct Taking {
    pub participant_id: String,
    pub trajectory_id: Option<String>,
    pub instrument_key: String,
    pub moment: Moment,
    pub respondent: Respondent,
    pub channel: Channel,
}

/// A measurement as stored.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = measurements)]
pub struct MeasurementRow {
    pub id: String,
    pub organisation_id: String,
    pub participant_id: String,
    pub trajectory_id: Option<String>,
    pub programme_id: Option<String>,
    pub instrument_key: String,
    pub instrument_version: i32,
    pub moment: String,
    pub respondent: String,
    pub channel: String,
    pub status: String,
    pub draft: String,
    pub taken_on: Option<NaiveDate>,
    pub updated_at: NaiveDateTime,
}

impl MeasurementRow {
    pub fn draft(&self) -> Draft {
        serde_json::from_str(&self.draft).unwrap_or_default()
    }
    pub fn complete(&self) -> bool {
        self.status == "complete"
    }
}

/// A measurement under way, with its instrument.
#[derive(Debug, Clone)]
pub struct Open {
    pub row: MeasurementRow,
    pub instrument: Instrument,
    pub draft: Draft,
}

impl Open {
    /// The first item not answered yet (its index), if any.
    pub fn next_unanswered(&self) -> Option<usize> {
        next_unanswered(&self.instrument, &self.draft)
    }
}

/// The first item of `instrument` the draft has no answer for (its index).
pub fn next_unanswered(instrument: &Instrument, draft: &Draft) -> Option<usize> {
    instrument
        .items
        .iter()
        .position(|i| !draft.contains_key(&i.key))
}

/// The programme planned for a trajectory and the latest version of the
/// instrument, for a new measurement.
fn programme_of(
    conn: &mut DbConn,
    org: &str,
    trajectory_id: Option<&str>,
) -> DbResult<Option<String>> {
    let Some(t) = trajectory_id else {
        return Ok(None);
    };
    Ok(trajectories::table
        .filter(trajectories::organisation_id.eq(org))
        .filter(trajectories::id.eq(t))
        .select(trajectories::programme_id)
        .first(conn)
        .optional()?)
}

/// The latest version of an instrument the organisation can use.
pub fn latest(conn: &mut DbConn, org: &str, key: &str) -> DbResult<Option<Instrument>> {
    if key.starts_with("traject-") {
        return Ok(domain::instruments::built_in()
            .iter()
            .filter(|i| i.key == key)
            .max_by_key(|i| i.version)
            .cloned());
    }
    Ok(super::instruments::available(conn, org)?
        .into_iter()
        .map(|a| a.instrument)
        .find(|i| i.key == key))
}

/// The measurement for `taking` (the one planned for that moment, if one
/// was started), else a new one; inside the caller's write transaction.
pub(crate) fn open_or_start(
    conn: &mut DbConn,
    org: &str,
    taking: &Taking,
    by: By<'_>,
    now: NaiveDateTime,
) -> Result<String, MeasureError> {
    if taking.moment != Moment::Extra {
        let existing: Option<String> = measurements::table
            .filter(measurements::organisation_id.eq(org))
            .filter(measurements::participant_id.eq(&taking.participant_id))
            .filter(measurements::trajectory_id.eq(taking.trajectory_id.as_deref()))
            .filter(measurements::instrument_key.eq(&taking.instrument_key))
            .filter(measurements::moment.eq(taking.moment.code()))
            .filter(measurements::respondent.eq(taking.respondent.code()))
            .select(measurements::id)
            .first(conn)
            .optional()?;
        if let Some(id) = existing {
            return Ok(id);
        }
    }
    let instrument =
        latest(conn, org, &taking.instrument_key)?.ok_or(MeasureError::UnknownInstrument)?;
    let programme = programme_of(conn, org, taking.trajectory_id.as_deref())?;
    let id = new_id();
    diesel::insert_into(measurements::table)
        .values((
            measurements::id.eq(&id),
            measurements::organisation_id.eq(org),
            measurements::participant_id.eq(&taking.participant_id),
            measurements::trajectory_id.eq(taking.trajectory_id.as_deref()),
            measurements::programme_id.eq(programme),
            measurements::instrument_key.eq(&instrument.key),
            measurements::instrument_version.eq(i32::try_from(instrument.version).unwrap_or(1)),
            measurements::moment.eq(taking.moment.code()),
            measurements::respondent.eq(taking.respondent.code()),
            measurements::channel.eq(taking.channel.code()),
            measurements::status.eq("open"),
            measurements::draft.eq("{}"),
            measurements::entered_by.eq(by.user()),
            measurements::created_at.eq(now),
            measurements::updated_at.eq(now),
        ))
        .execute(conn)?;
    Ok(id)
}

/// Starts (or reopens) a measurement; returns its id.
pub fn start(
    conn: &mut DbConn,
    org: &str,
    taking: &Taking,
    by: By<'_>,
    now: NaiveDateTime,
) -> Result<String, MeasureError> {
    write_tx(conn, |conn| open_or_start(conn, org, taking, by, now))
}

/// A measurement of the organisation with its instrument (in the version it
/// was given in).
pub fn open(conn: &mut DbConn, org: &str, id: &str) -> Result<Option<Open>, MeasureError> {
    let Some(row) = measurements::table
        .filter(measurements::organisation_id.eq(org))
        .filter(measurements::id.eq(id))
        .select(MeasurementRow::as_select())
        .first(conn)
        .optional()?
    else {
        return Ok(None);
    };
    let version = u32::try_from(row.instrument_version).unwrap_or(1);
    let instrument = version_of(conn, org, &row.instrument_key, version)?
        .ok_or(MeasureError::UnknownInstrument)?;
    let draft = row.draft();
    Ok(Some(Open {
        row,
        instrument,
        draft,
    }))
}

/// Takes one item's answer into the draft (an empty answer to an optional
/// item is kept as skipped, so the next question comes).
pub fn answer_item(
    conn: &mut DbConn,
    org: &str,
    id: &str,
    item_key: &str,
    values: &[&str],
    now: NaiveDateTime,
) -> Result<(), MeasureError> {
    write_tx(conn, |conn| {
        crate::backend::lock_row(conn, "measurements", id)?;
        let open = open(conn, org, id)?.ok_or(DbError::NotFound("measurement"))?;
        if open.row.complete() {
            return Err(MeasureError::Complete);
        }
        let mut draft = open.draft;
        take(&open.instrument, &mut draft, item_key, values)?;
        save_draft(conn, id, &draft, now)?;
        Ok(())
    })
}

fn save_draft(conn: &mut DbConn, id: &str, draft: &Draft, now: NaiveDateTime) -> DbResult<()> {
    let json = serde_json::to_string(draft).map_err(|e| DbError::Conflict(e.to_string()))?;
    diesel::update(measurements::table.filter(measurements::id.eq(id)))
        .set((
            measurements::draft.eq(json),
            measurements::updated_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}

/// Takes one item's answer into a draft; an empty answer to an optional
/// item is kept as an empty text (seen and skipped, so the next one comes).
pub(crate) fn take(
    instrument: &Instrument,
    draft: &mut Draft,
    item_key: &str,
    values: &[&str],
) -> Result<(), MeasureError> {
    let item = instrument.item(item_key).ok_or(DbError::NotFound("item"))?;
    let answer = item
        .answer(values)
        .map_err(|e| MeasureError::Answer(item_key.to_owned(), e))?
        .unwrap_or_else(|| Answer::Text(String::new()));
    draft.insert(item_key.to_owned(), answer);
    Ok(())
}

/// The answers to store from a draft, once every required item has one
/// (a skipped item is kept in the draft as an empty text, and not stored).
pub(crate) fn to_hand_in<'a>(
    instrument: &Instrument,
    draft: &'a Draft,
) -> Result<Vec<Columns<'a>>, MeasureError> {
    let skipped = Answer::Text(String::new());
    if let Some(item) = instrument
        .items
        .iter()
        .find(|i| i.required && draft.get(&i.key).is_none_or(|a| *a == skipped))
    {
        return Err(MeasureError::Answer(
            item.key.clone(),
            AnswerError::Required,
        ));
    }
    Ok(draft
        .iter()
        .filter(|(k, a)| instrument.item(k).is_some() && **a != skipped)
        .map(|(k, a)| (k, a.to_columns()))
        .collect())
}

/// Hands the answers in: every required item must have one. Identified
/// answers go to `measurement_answers`; anonymous ones to a response with
/// only the programme, the group and the month, and the draft is emptied.
/// A second hand-in changes nothing.
pub fn complete(
    conn: &mut DbConn,
    org: &str,
    id: &str,
    by: By<'_>,
    ip: Option<&str>,
    now: NaiveDateTime,
) -> Result<(), MeasureError> {
    write_tx(conn, |conn| complete_in(conn, org, id, by, ip, now))
}

pub(crate) fn complete_in(
    conn: &mut DbConn,
    org: &str,
    id: &str,
    by: By<'_>,
    ip: Option<&str>,
    now: NaiveDateTime,
) -> Result<(), MeasureError> {
    crate::backend::lock_row(conn, "measurements", id)?;
    let open = open(conn, org, id)?.ok_or(DbError::NotFound("measurement"))?;
    if open.row.complete() {
        return Ok(());
    }
    let answers = to_hand_in(&open.instrument, &open.draft)?;
    let today = domain::clock::brussels_local(now).date();
    if open.instrument.anonymous {
        let group = group_of(
            conn,
            org,
            &open.row.participant_id,
            open.row.programme_id.as_deref(),
            today,
        )?;
        store_anonymous(
            conn,
            org,
            &open.instrument,
            open.row.programme_id.as_deref(),
            group.as_deref(),
            None,
            &open.row.moment,
            today,
            &answers,
        )?;
    } else {
        for (key, (num, text)) in &answers {
            diesel::insert_into(measurement_answers::table)
                .values((
                    measurement_answers::measurement_id.eq(id),
                    measurement_answers::item_key.eq(*key),
                    measurement_answers::organisation_id.eq(org),
                    measurement_answers::value_num.eq(num),
                    measurement_answers::value_text.eq(text.as_deref()),
                    measurement_answers::participant_id.eq(&open.row.participant_id),
                    measurement_answers::programme_id.eq(open.row.programme_id.as_deref()),
                    measurement_answers::instrument_key.eq(&open.row.instrument_key),
                    measurement_answers::moment.eq(&open.row.moment),
                    measurement_answers::respondent.eq(&open.row.respondent),
                    measurement_answers::taken_on.eq(today),
                ))
                .execute(conn)?;
        }
    }
    diesel::update(measurements::table.filter(measurements::id.eq(id)))
        .set((
            measurements::status.eq("complete"),
            measurements::draft.eq("{}"),
            measurements::taken_on.eq(today),
            measurements::updated_at.eq(now),
        ))
        .execute(conn)?;
    let detail = format!(
        "{} v{} {} ({})",
        open.row.instrument_key, open.row.instrument_version, open.row.moment, open.row.channel
    );
    let event = by
        .event(org, "measurement.complete", ip, now)
        .about("participant", &open.row.participant_id)
        .detail(&detail);
    audit::record(conn, &event)?;
    Ok(())
}

/// The group she is in on `day` within the programme (for anonymous
/// results per group).
fn group_of(
    conn: &mut DbConn,
    org: &str,
    participant_id: &str,
    programme_id: Option<&str>,
    day: NaiveDate,
) -> DbResult<Option<String>> {
    let Some(programme) = programme_id else {
        return Ok(None);
    };
    Ok(group_members::table
        .inner_join(groups::table)
        .filter(group_members::organisation_id.eq(org))
        .filter(group_members::participant_id.eq(participant_id))
        .filter(groups::programme_id.eq(programme))
        .filter(group_members::joined_on.le(day))
        .order(group_members::joined_on.desc())
        .select(group_members::group_id)
        .first(conn)
        .optional()?)
}

/// Stores one anonymous response: nothing in it leads to a person.
#[allow(clippy::too_many_arguments)]
pub(crate) fn store_anonymous(
    conn: &mut DbConn,
    org: &str,
    instrument: &Instrument,
    programme_id: Option<&str>,
    group_id: Option<&str>,
    session_id: Option<&str>,
    moment: &str,
    day: NaiveDate,
    answers: &[Columns<'_>],
) -> DbResult<()> {
    let response = new_id();
    diesel::insert_into(anonymous_responses::table)
        .values((
            anonymous_responses::id.eq(&response),
            anonymous_responses::organisation_id.eq(org),
            anonymous_responses::programme_id.eq(programme_id),
            anonymous_responses::group_id.eq(group_id),
            anonymous_responses::session_id.eq(session_id),
            anonymous_responses::instrument_key.eq(&instrument.key),
            anonymous_responses::instrument_version
                .eq(i32::try_from(instrument.version).unwrap_or(1)),
            anonymous_responses::moment.eq(moment),
            anonymous_responses::month.eq(day.format("%Y-%m").to_string()),
        ))
        .execute(conn)?;
    for (key, (num, text)) in answers {
        diesel::insert_into(anonymous_answers::table)
            .values((
                anonymous_answers::response_id.eq(&response),
                anonymous_answers::item_key.eq(*key),
                anonymous_answers::organisation_id.eq(org),
                anonymous_answers::value_num.eq(num),
                anonymous_answers::value_text.eq(text.as_deref()),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Staff type in a whole form at once (from her paper form, or their own
/// rating): taken, checked and handed in in one transaction, or nothing.
/// `answers`: form values per item key.
pub fn enter(
    conn: &mut DbConn,
    actor: &Actor,
    taking: &Taking,
    answers: &BTreeMap<String, Vec<String>>,
    origin: Origin<'_>,
) -> Result<String, MeasureError> {
    crate::participants::require_participant(
        conn,
        actor,
        Action::EditParticipant,
        "measurement.enter",
        &taking.participant_id,
        origin,
    )?;
    let org = actor.organisation_id().unwrap_or_default().to_owned();
    if let Some(t) = &taking.trajectory_id {
        let of = crate::participants::participant_of_trajectory(conn, actor, t)?;
        if of != taking.participant_id {
            return Err(DbError::NotFound("trajectory").into());
        }
    }
    write_tx(conn, |conn| {
        let id = open_or_start(conn, &org, taking, By::Staff(actor), origin.at)?;
        let open = open(conn, &org, &id)?.ok_or(DbError::NotFound("measurement"))?;
        if open.row.complete() {
            return Err(MeasureError::Complete);
        }
        let mut draft = Draft::new();
        for item in &open.instrument.items {
            let values: Vec<&str> = answers
                .get(&item.key)
                .map(|v| v.iter().map(String::as_str).collect())
                .unwrap_or_default();
            match item.answer(&values) {
                Ok(Some(a)) => {
                    draft.insert(item.key.clone(), a);
                }
                Ok(None) => {}
                Err(e) => return Err(MeasureError::Answer(item.key.clone(), e)),
            }
        }
        save_draft(conn, &id, &draft, origin.at)?;
        complete_in(conn, &org, &id, By::Staff(actor), origin.ip, origin.at)?;
        Ok(id)
    })
}

/// The programme's plan of instruments and moments.
pub fn plan_of(conn: &mut DbConn, org: &str, programme_id: &str) -> DbResult<Vec<Planned>> {
    let rows: Vec<(String, String, String)> = measurement_moments::table
        .filter(measurement_moments::organisation_id.eq(org))
        .filter(measurement_moments::programme_id.eq(programme_id))
        .select((
            measurement_moments::instrument_key,
            measurement_moments::moment,
            measurement_moments::respondent,
        ))
        .load(conn)?;
    Ok(rows.into_iter().filter_map(planned).collect())
}

fn planned((key, moment, respondent): (String, String, String)) -> Option<Planned> {
    Some(Planned {
        instrument_key: key,
        moment: moment.parse().ok()?,
        respondent: respondent.parse().ok()?,
    })
}

/// Replaces a programme's plan of measurements.
pub fn set_plan(
    conn: &mut DbConn,
    actor: &Actor,
    programme_id: &str,
    plan: &[Planned],
    origin: Origin<'_>,
) -> Result<(), AccessError> {
    let org = crate::groups::require(
        conn,
        actor,
        Action::ManageProgrammes,
        "programme.measurements",
        origin,
    )?;
    write_tx(conn, |conn| {
        let exists: i64 = programmes::table
            .filter(programmes::organisation_id.eq(&org))
            .filter(programmes::id.eq(programme_id))
            .count()
            .get_result(conn)?;
        if exists == 0 {
            return Err(AccessError::Db(DbError::NotFound("programme")));
        }
        diesel::delete(
            measurement_moments::table
                .filter(measurement_moments::organisation_id.eq(&org))
                .filter(measurement_moments::programme_id.eq(programme_id)),
        )
        .execute(conn)?;
        for p in plan {
            diesel::insert_into(measurement_moments::table)
                .values((
                    measurement_moments::id.eq(new_id()),
                    measurement_moments::organisation_id.eq(&org),
                    measurement_moments::programme_id.eq(programme_id),
                    measurement_moments::instrument_key.eq(&p.instrument_key),
                    measurement_moments::moment.eq(p.moment.code()),
                    measurement_moments::respondent.eq(p.respondent.code()),
                ))
                .execute(conn)?;
        }
        let detail = format!("{} measurements", plan.len());
        audit::record(
            conn,
            &Event::by(actor, "programme.measurements", origin.ip, origin.at)
                .about("programme", programme_id)
                .detail(&detail),
        )?;
        Ok(())
    })
}

/// A measurement to take for one of a casemanager's participants (or, on
/// her page, for her).
#[derive(Debug, Clone)]
pub struct DueLine {
    pub participant_id: String,
    pub first_name: String,
    pub last_name: String,
    pub trajectory_id: String,
    pub due: Due,
}

type TrajectoryDates = (
    String,
    String,
    String,
    String,
    NaiveDate,
    Option<NaiveDate>,
    Option<NaiveDate>,
);

/// The measurements due on `today` for the given trajectories (their id,
/// participant, programme, status and dates), after what is complete.
fn due_for(
    conn: &mut DbConn,
    org: &str,
    rows: Vec<TrajectoryDates>,
    today: NaiveDate,
    only: Option<Respondent>,
) -> DbResult<Vec<(String, String, Due)>> {
    let programmes: Vec<String> = {
        let mut p: Vec<String> = rows.iter().map(|r| r.2.clone()).collect();
        p.sort();
        p.dedup();
        p
    };
    if programmes.is_empty() {
        return Ok(Vec::new());
    }
    let plans: Vec<(String, String, String, String)> = measurement_moments::table
        .filter(measurement_moments::organisation_id.eq(org))
        .filter(measurement_moments::programme_id.eq_any(&programmes))
        .select((
            measurement_moments::programme_id,
            measurement_moments::instrument_key,
            measurement_moments::moment,
            measurement_moments::respondent,
        ))
        .load(conn)?;
    if plans.is_empty() {
        return Ok(Vec::new());
    }
    let durations: BTreeMap<String, i32> = programmes::table
        .filter(programmes::organisation_id.eq(org))
        .filter(programmes::id.eq_any(&programmes))
        .select((programmes::id, programmes::duration_months))
        .load::<(String, i32)>(conn)?
        .into_iter()
        .collect();
    let ids: Vec<&String> = rows.iter().map(|r| &r.0).collect();
    let mut done_q = measurements::table
        .filter(measurements::organisation_id.eq(org))
        .filter(measurements::status.eq("complete"))
        .into_boxed();
    // A few trajectories: by id; a whole organisation: all of it (no list
    // of thousands of ids in one statement).
    if ids.len() <= 500 {
        done_q = done_q.filter(measurements::trajectory_id.eq_any(ids));
    }
    let done: Vec<(Option<String>, String, String, String)> = done_q
        .select((
            measurements::trajectory_id,
            measurements::instrument_key,
            measurements::moment,
            measurements::respondent,
        ))
        .load(conn)?;
    let mut done_by: BTreeMap<String, Vec<Planned>> = BTreeMap::new();
    for (t, key, moment, respondent) in done {
        if let (Some(t), Some(p)) = (t, planned((key, moment, respondent))) {
            done_by.entry(t).or_default().push(p);
        }
    }
    let mut out = Vec::new();
    for (tid, pid, programme, status, referred, started, ended) in rows {
        let Ok(status) = status.parse() else { continue };
        let plan: Vec<Planned> = plans
            .iter()
            .filter(|p| p.0 == programme)
            .filter_map(|p| planned((p.1.clone(), p.2.clone(), p.3.clone())))
            .filter(|p| only.is_none_or(|r| p.respondent == r))
            .collect();
        let course = Course {
            status,
            referred_on: referred,
            started_on: started,
            ended_on: ended,
            duration_months: durations.get(&programme).copied().unwrap_or(0).max(0) as u32,
        };
        let done = done_by.get(&tid).map(Vec::as_slice).unwrap_or(&[]);
        for d in domain::outcomes::due(&plan, &course, done, today) {
            out.push((tid.clone(), pid.clone(), d));
        }
    }
    Ok(out)
}

fn dates_select() -> (
    trajectories::id,
    trajectories::participant_id,
    trajectories::programme_id,
    trajectories::status,
    trajectories::referred_on,
    trajectories::started_on,
    trajectories::ended_on,
) {
    (
        trajectories::id,
        trajectories::participant_id,
        trajectories::programme_id,
        trajectories::status,
        trajectories::referred_on,
        trajectories::started_on,
        trajectories::ended_on,
    )
}

/// Due lines with names, by day.
fn due_lines(
    conn: &mut DbConn,
    org: &str,
    rows: Vec<TrajectoryDates>,
    today: NaiveDate,
) -> DbResult<Vec<DueLine>> {
    let due = due_for(conn, org, rows, today, None)?;
    let pids: Vec<&String> = due.iter().map(|d| &d.1).collect();
    let names: BTreeMap<String, (String, String)> = participants::table
        .filter(participants::organisation_id.eq(org))
        .filter(participants::id.eq_any(pids))
        .select((
            participants::id,
            participants::first_name,
            participants::last_name,
        ))
        .load::<(String, String, String)>(conn)?
        .into_iter()
        .map(|(id, f, l)| (id, (f, l)))
        .collect();
    let mut out: Vec<DueLine> = due
        .into_iter()
        .map(|(tid, pid, due)| {
            let (first_name, last_name) = names.get(&pid).cloned().unwrap_or_default();
            DueLine {
                participant_id: pid,
                first_name,
                last_name,
                trajectory_id: tid,
                due,
            }
        })
        .collect();
    out.sort_by(|a, b| (a.due.day, &a.last_name).cmp(&(b.due.day, &b.last_name)));
    Ok(out)
}

/// The measurements due for a casemanager's own participants (her
/// dashboard), by day.
pub fn due_for_casemanager(
    conn: &mut DbConn,
    actor: &Actor,
    today: NaiveDate,
) -> DbResult<Vec<DueLine>> {
    let org = actor.organisation_id().unwrap_or_default().to_owned();
    let rows: Vec<TrajectoryDates> = trajectories::table
        .filter(trajectories::organisation_id.eq(&org))
        .filter(trajectories::casemanager_id.eq(actor.user_id()))
        .filter(trajectories::status.ne_all(["referred", "not_admitted"]))
        .select(dates_select())
        .load(conn)?;
    due_lines(conn, &org, rows, today)
}

/// Everything due for one participant (her results page); the caller has
/// authorised the read.
pub(crate) fn due_of_participant(
    conn: &mut DbConn,
    org: &str,
    participant_id: &str,
    today: NaiveDate,
) -> DbResult<Vec<DueLine>> {
    let rows: Vec<TrajectoryDates> = trajectories::table
        .filter(trajectories::organisation_id.eq(org))
        .filter(trajectories::participant_id.eq(participant_id))
        .select(dates_select())
        .load(conn)?;
    due_lines(conn, org, rows, today)
}

/// What she answers herself and is due now (not those only coming soon),
/// for her page.
pub fn due_for_participant(
    conn: &mut DbConn,
    org: &str,
    participant_id: &str,
    today: NaiveDate,
) -> DbResult<Vec<(String, Due)>> {
    let rows: Vec<TrajectoryDates> = trajectories::table
        .filter(trajectories::organisation_id.eq(org))
        .filter(trajectories::participant_id.eq(participant_id))
        .select(dates_select())
        .load(conn)?;
    Ok(
        due_for(conn, org, rows, today, Some(Respondent::Participant))?
            .into_iter()
            .filter(|(_, _, d)| d.urgency != domain::outcomes::Urgency::Soon)
            .map(|(t, _, d)| (t, d))
            .collect(),
    )
}

/// What participants of the organisation answer themselves and is due now
/// (not only coming): (trajectory, participant, due), for the reminders.
pub fn due_for_organisation(
    conn: &mut DbConn,
    org: &str,
    today: NaiveDate,
) -> DbResult<Vec<(String, String, Due)>> {
    let rows: Vec<TrajectoryDates> = trajectories::table
        .filter(trajectories::organisation_id.eq(org))
        .filter(trajectories::status.ne_all(["referred", "not_admitted"]))
        .select(dates_select())
        .load(conn)?;
    Ok(
        due_for(conn, org, rows, today, Some(Respondent::Participant))?
            .into_iter()
            .filter(|(_, _, d)| d.urgency != domain::outcomes::Urgency::Soon)
            .collect(),
    )
}

/// Whether `trajectory_id` is hers and the programme plans `planned` for
/// it now (her page may only start what is due).
pub fn is_due_for(
    conn: &mut DbConn,
    org: &str,
    participant_id: &str,
    trajectory_id: &str,
    planned: &Planned,
    today: NaiveDate,
) -> DbResult<bool> {
    Ok(due_for_participant(conn, org, participant_id, today)?
        .iter()
        .any(|(t, d)| t == trajectory_id && &d.planned == planned))
}
