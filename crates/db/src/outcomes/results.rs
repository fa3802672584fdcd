//! Results: one participant's answers over time (a read of her file), and
//! the figures of a programme or group (no person in them). The figures are
//! computed here and in `domain::outcomes` only, so that the reports reuse
//! the same numbers.

use super::instruments::version_of;
use super::measurements::{DueLine, due_of_participant};
use crate::audit::Event;
use crate::error::{DbError, DbResult};
use crate::participants::{AccessError, Origin};
use crate::pool::DbConn;
use crate::schema::*;
use chrono::NaiveDate;
use diesel::dsl::count_star;
use diesel::prelude::*;
use domain::instruments::{Answer, Instrument, ItemKind, Respondent};
use domain::outcomes::{Change, Course, Moment, Pair, may_show_anonymous};
use domain::policy::{Action, Actor};
use std::collections::{BTreeMap, HashMap};

/// An item key with its number and text columns.
type Stored = (String, Option<i64>, Option<String>);
/// A trajectory's id, status, referral, start and end.
type Dates = (
    String,
    String,
    NaiveDate,
    Option<NaiveDate>,
    Option<NaiveDate>,
);
/// Participant, moment, item, number, day taken.
type Score = (String, String, String, Option<i64>, NaiveDate);

/// One complete measurement with its answers (none for an anonymous one).
#[derive(Debug, Clone)]
pub struct Taken {
    pub id: String,
    pub instrument_key: String,
    pub instrument_version: u32,
    pub moment: String,
    pub respondent: String,
    pub channel: String,
    pub taken_on: Option<NaiveDate>,
    pub answers: BTreeMap<String, Answer>,
}

/// Her results: what was taken, in order, with the instruments in the
/// versions they were given in; what is due; what is under way.
#[derive(Debug, Clone)]
pub struct PersonResults {
    pub first_name: String,
    pub last_name: String,
    pub taken: Vec<Taken>,
    /// By (key, version).
    pub instruments: BTreeMap<(String, u32), Instrument>,
    pub due: Vec<DueLine>,
    /// Started and not handed in: (id, instrument key, moment).
    pub open: Vec<(String, String, String)>,
    /// Her trajectories: (id, programme name).
    pub trajectories: Vec<(String, String)>,
    /// The programmes of her trajectories: (id, name).
    pub programmes: Vec<(String, String)>,
    /// Her testimonials (not withdrawn), as staff see them.
    pub testimonials: Vec<super::testimonials::Shown>,
}

impl PersonResults {
    pub fn instrument(&self, t: &Taken) -> Option<&Instrument> {
        self.instruments
            .get(&(t.instrument_key.clone(), t.instrument_version))
    }
}

/// Her results, for someone who may open her file; the read is recorded.
pub fn of_participant(
    conn: &mut DbConn,
    actor: &Actor,
    participant_id: &str,
    today: NaiveDate,
    origin: Origin<'_>,
) -> Result<PersonResults, AccessError> {
    crate::participants::require_participant(
        conn,
        actor,
        Action::ReadParticipantFile,
        "outcomes.read",
        participant_id,
        origin,
    )?;
    origin.record(
        conn,
        &[Event::by(actor, "outcomes.read", origin.ip, origin.at)
            .about("participant", participant_id)],
    )?;
    let org = actor.organisation_id().unwrap_or_default().to_owned();
    let found = conn.transaction(|conn| -> DbResult<PersonResults> {
        let (first_name, last_name) = participant_name(conn, &org, participant_id)?
            .ok_or(DbError::NotFound("participant"))?;
        type Row = (
            String,
            String,
            i32,
            String,
            String,
            String,
            String,
            Option<NaiveDate>,
        );
        let rows: Vec<Row> = measurements::table
            .filter(measurements::organisation_id.eq(&org))
            .filter(measurements::participant_id.eq(participant_id))
            .order((
                measurements::taken_on,
                measurements::created_at,
                measurements::instrument_version,
            ))
            .select((
                measurements::id,
                measurements::instrument_key,
                measurements::instrument_version,
                measurements::moment,
                measurements::respondent,
                measurements::channel,
                measurements::status,
                measurements::taken_on,
            ))
            .load(conn)?;
        let ids: Vec<&String> = rows
            .iter()
            .filter(|r| r.6 == "complete")
            .map(|r| &r.0)
            .collect();
        let answer_rows: Vec<(String, String, Option<i64>, Option<String>)> =
            measurement_answers::table
                .filter(measurement_answers::organisation_id.eq(&org))
                .filter(measurement_answers::measurement_id.eq_any(ids))
                .select((
                    measurement_answers::measurement_id,
                    measurement_answers::item_key,
                    measurement_answers::value_num,
                    measurement_answers::value_text,
                ))
                .load(conn)?;
        let mut instruments = BTreeMap::new();
        for r in &rows {
            let v = u32::try_from(r.2).unwrap_or(1);
            if let std::collections::btree_map::Entry::Vacant(e) =
                instruments.entry((r.1.clone(), v))
                && let Some(i) = version_of(conn, &org, &r.1, v)?
            {
                e.insert(i);
            }
        }
        let mut by_measurement: HashMap<String, Vec<Stored>> = HashMap::new();
        for (m, item, num, text) in answer_rows {
            by_measurement.entry(m).or_default().push((item, num, text));
        }
        let mut taken = Vec::new();
        let mut open = Vec::new();
        for (id, key, version, moment, respondent, channel, status, taken_on) in rows {
            if status != "complete" {
                open.push((id, key, moment));
                continue;
            }
            let v = u32::try_from(version).unwrap_or(1);
            let instrument = instruments.get(&(key.clone(), v));
            let answers = by_measurement
                .remove(&id)
                .unwrap_or_default()
                .into_iter()
                .filter_map(|(item, num, text)| {
                    let kind = &instrument?.item(&item)?.kind;
                    Some((item, Answer::from_columns(kind, num, text.as_deref())?))
                })
                .collect();
            taken.push(Taken {
                id,
                instrument_key: key,
                instrument_version: v,
                moment,
                respondent,
                channel,
                taken_on,
                answers,
            });
        }
        let rows: Vec<(String, String, String)> = trajectories::table
            .inner_join(programmes::table)
            .filter(trajectories::organisation_id.eq(&org))
            .filter(trajectories::participant_id.eq(participant_id))
            .order(trajectories::referred_on.desc())
            .select((trajectories::id, programmes::name, programmes::id))
            .load(conn)?;
        let trajectories = rows.iter().map(|r| (r.0.clone(), r.1.clone())).collect();
        let mut programmes: Vec<(String, String)> = rows.into_iter().map(|r| (r.2, r.1)).collect();
        programmes.dedup();
        let due = due_of_participant(conn, &org, participant_id, today)?;
        let testimonials = super::testimonials::of_participant(conn, &org, participant_id)?;
        Ok(PersonResults {
            first_name,
            last_name,
            taken,
            instruments,
            due,
            open,
            trajectories,
            programmes,
            testimonials,
        })
    })?;
    Ok(found)
}

/// The life-domain scores of one measurement, for the radar chart: the
/// items with a domain, in the instrument's order.
pub fn domain_scores(instrument: &Instrument, taken: &Taken) -> Vec<(String, Option<i64>)> {
    instrument
        .items
        .iter()
        .filter(|i| i.domain.is_some() && matches!(i.kind, ItemKind::Scale { .. }))
        .map(|i| {
            let v = match taken.answers.get(&i.key) {
                Some(Answer::Number(n)) => Some(*n),
                _ => None,
            };
            (i.key.clone(), v)
        })
        .collect()
}

/// What the programme figures are asked over.
#[derive(Debug, Clone)]
pub struct Filter {
    pub programme_id: String,
    pub group_id: Option<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub instrument_key: String,
    pub respondent: Respondent,
    pub before: Moment,
    pub after: Moment,
}

/// How many reached a moment and how many of them answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rate {
    pub moment: Moment,
    pub expected: usize,
    pub answered: usize,
}

/// How the answers to one item spread at one moment.
#[derive(Debug, Clone, PartialEq)]
pub struct Spread {
    pub item_key: String,
    pub moment: String,
    /// Value (number, or choice key) -> answers.
    pub counts: BTreeMap<String, usize>,
}

/// Anonymous answers over the filter: shown only from five responses.
#[derive(Debug, Clone, PartialEq)]
pub struct Anonymous {
    pub responses: usize,
    pub shown: bool,
    pub spreads: Vec<Spread>,
    /// Free texts, sorted (not in the order they came in).
    pub texts: Vec<(String, String)>,
}

/// A programme's (or group's) figures for one instrument.
#[derive(Debug, Clone)]
pub struct ProgrammeResults {
    pub instrument: Instrument,
    pub rates: Vec<Rate>,
    pub change: Change,
    pub spreads: Vec<Spread>,
    pub anonymous: Option<Anonymous>,
}

/// Participants in the group (ever), when the filter names one.
fn group_participants(conn: &mut DbConn, org: &str, group: &str) -> DbResult<Vec<String>> {
    Ok(group_members::table
        .filter(group_members::organisation_id.eq(org))
        .filter(group_members::group_id.eq(group))
        .filter(group_members::joined_on.is_not_null())
        .select(group_members::participant_id)
        .load(conn)?)
}

/// The figures of a programme (or one of its groups) for one instrument.
pub fn programme_results(
    conn: &mut DbConn,
    actor: &Actor,
    filter: &Filter,
    today: NaiveDate,
    origin: Origin<'_>,
) -> Result<ProgrammeResults, AccessError> {
    let org = crate::groups::require(
        conn,
        actor,
        Action::ReadOutcomes,
        "outcomes.results",
        origin,
    )?;
    Ok(conn.transaction(|conn| figures(conn, &org, filter, today))?)
}

/// The figures, for an organisation (the reports use this too).
pub fn figures(
    conn: &mut DbConn,
    org: &str,
    filter: &Filter,
    today: NaiveDate,
) -> DbResult<ProgrammeResults> {
    let duration: i32 = programmes::table
        .filter(programmes::organisation_id.eq(org))
        .filter(programmes::id.eq(&filter.programme_id))
        .select(programmes::duration_months)
        .first(conn)
        .optional()?
        .ok_or(DbError::NotFound("programme"))?;
    let instrument = super::measurements::latest(conn, org, &filter.instrument_key)?
        .ok_or(DbError::NotFound("instrument"))?;
    let members = match &filter.group_id {
        Some(g) => Some(group_participants(conn, org, g)?),
        None => None,
    };
    // Who reached each moment.
    let mut tq = trajectories::table
        .filter(trajectories::organisation_id.eq(org))
        .filter(trajectories::programme_id.eq(&filter.programme_id))
        .into_boxed();
    if let Some(m) = &members {
        tq = tq.filter(trajectories::participant_id.eq_any(m.clone()));
    }
    let courses: Vec<Dates> = tq
        .select((
            trajectories::id,
            trajectories::status,
            trajectories::referred_on,
            trajectories::started_on,
            trajectories::ended_on,
        ))
        .load(conn)?;
    let in_period = |d: NaiveDate| {
        d <= today && filter.from.is_none_or(|f| d >= f) && filter.to.is_none_or(|t| d <= t)
    };
    let mut expected: BTreeMap<Moment, usize> = BTreeMap::new();
    for (_, status, referred, started, ended) in &courses {
        let Ok(status) = status.parse() else { continue };
        let c = Course {
            status,
            referred_on: *referred,
            started_on: *started,
            ended_on: *ended,
            duration_months: duration.max(0) as u32,
        };
        for m in domain::outcomes::PLANNED_MOMENTS {
            if c.day_of(m).is_some_and(in_period) {
                *expected.entry(m).or_default() += 1;
            }
        }
    }
    // Who answered, per moment.
    let mut mq = measurements::table
        .filter(measurements::organisation_id.eq(org))
        .filter(measurements::programme_id.eq(&filter.programme_id))
        .filter(measurements::instrument_key.eq(&filter.instrument_key))
        .filter(measurements::respondent.eq(filter.respondent.code()))
        .filter(measurements::status.eq("complete"))
        .group_by(measurements::moment)
        .select((measurements::moment, count_star()))
        .into_boxed();
    if let Some(m) = &members {
        mq = mq.filter(measurements::participant_id.eq_any(m.clone()));
    }
    if let Some(f) = filter.from {
        mq = mq.filter(measurements::taken_on.ge(f));
    }
    if let Some(t) = filter.to {
        mq = mq.filter(measurements::taken_on.le(t));
    }
    let answered: Vec<(String, i64)> = mq.load(conn)?;
    let answered: BTreeMap<String, usize> = answered
        .into_iter()
        .map(|(m, n)| (m, usize::try_from(n).unwrap_or(0)))
        .collect();
    let rates = domain::outcomes::PLANNED_MOMENTS
        .iter()
        .filter_map(|m| {
            let e = expected.get(m).copied().unwrap_or(0);
            let a = answered.get(m.code()).copied().unwrap_or(0);
            (e > 0 || a > 0).then_some(Rate {
                moment: *m,
                expected: e,
                answered: a,
            })
        })
        .collect();
    if instrument.anonymous {
        let anonymous = anonymous_figures(conn, org, filter, &instrument)?;
        return Ok(ProgrammeResults {
            instrument,
            rates,
            change: Change::default(),
            spreads: Vec::new(),
            anonymous: Some(anonymous),
        });
    }
    // The numbers at the two moments compared, per participant and item,
    // from the answers' own copy of what they are about (one index).
    let mut aq = measurement_answers::table
        .filter(measurement_answers::organisation_id.eq(org))
        .filter(measurement_answers::programme_id.eq(&filter.programme_id))
        .filter(measurement_answers::instrument_key.eq(&filter.instrument_key))
        .filter(measurement_answers::respondent.eq(filter.respondent.code()))
        .filter(measurement_answers::moment.eq_any([filter.before.code(), filter.after.code()]))
        .filter(measurement_answers::value_num.is_not_null())
        .into_boxed();
    if let Some(m) = &members {
        aq = aq.filter(measurement_answers::participant_id.eq_any(m.clone()));
    }
    if let Some(t) = filter.to {
        aq = aq.filter(measurement_answers::taken_on.le(t));
    }
    let scores: Vec<Score> = aq
        .select((
            measurement_answers::participant_id,
            measurement_answers::moment,
            measurement_answers::item_key,
            measurement_answers::value_num,
            measurement_answers::taken_on,
        ))
        .load(conn)?;
    let before_code = filter.before.code();
    let mut before: HashMap<(String, String), i64> = HashMap::new();
    let mut after: Vec<(String, String, i64, NaiveDate)> = Vec::new();
    for (pid, moment, item, value, taken_on) in scores {
        let Some(v) = value else { continue };
        if moment == before_code {
            before.insert((pid, item), v);
        } else {
            after.push((pid, item, v, taken_on));
        }
    }
    let pairs: Vec<Pair> = after
        .into_iter()
        // The period counts by the day of the "after".
        .filter(|(_, _, _, d)| filter.from.is_none_or(|f| *d >= f))
        .filter_map(|(pid, item, v, _)| {
            let key = (pid, item);
            let b = *before.get(&key)?;
            Some(Pair {
                participant_id: key.0,
                item_key: key.1,
                before: b,
                after: v,
            })
        })
        .collect();
    let numeric: Vec<&str> = instrument
        .items
        .iter()
        .filter(|i| matches!(i.kind, ItemKind::Scale { .. } | ItemKind::Number { .. }))
        .map(|i| i.key.as_str())
        .collect();
    let life: Vec<&str> = instrument
        .items
        .iter()
        .filter(|i| {
            i.domain
                .as_deref()
                .is_some_and(|d| d.parse::<domain::participant::LifeDomain>().is_ok())
        })
        .map(|i| i.key.as_str())
        .collect();
    let change = domain::outcomes::change(&pairs, &numeric, &life);
    // The spread of every item at every moment.
    let mut sq = measurement_answers::table
        .filter(measurement_answers::organisation_id.eq(org))
        .filter(measurement_answers::programme_id.eq(&filter.programme_id))
        .filter(measurement_answers::instrument_key.eq(&filter.instrument_key))
        .filter(measurement_answers::respondent.eq(filter.respondent.code()))
        .filter(measurement_answers::value_num.is_not_null())
        .group_by((
            measurement_answers::moment,
            measurement_answers::item_key,
            measurement_answers::value_num,
        ))
        .select((
            measurement_answers::moment,
            measurement_answers::item_key,
            measurement_answers::value_num,
            count_star(),
        ))
        .into_boxed();
    if let Some(m) = &members {
        sq = sq.filter(measurement_answers::participant_id.eq_any(m.clone()));
    }
    if let Some(f) = filter.from {
        sq = sq.filter(measurement_answers::taken_on.ge(f));
    }
    if let Some(t) = filter.to {
        sq = sq.filter(measurement_answers::taken_on.le(t));
    }
    let counted: Vec<(String, String, Option<i64>, i64)> = sq.load(conn)?;
    let spreads = spreads_of(
        counted
            .into_iter()
            .map(|(m, i, v, n)| (m, i, v.map(|v| v.to_string()).unwrap_or_default(), n)),
    );
    Ok(ProgrammeResults {
        instrument,
        rates,
        change,
        spreads,
        anonymous: None,
    })
}

fn spreads_of(rows: impl Iterator<Item = (String, String, String, i64)>) -> Vec<Spread> {
    let mut map: BTreeMap<(String, String), BTreeMap<String, usize>> = BTreeMap::new();
    for (moment, item, value, n) in rows {
        *map.entry((item, moment))
            .or_default()
            .entry(value)
            .or_default() += usize::try_from(n).unwrap_or(0);
    }
    map.into_iter()
        .map(|((item_key, moment), counts)| Spread {
            item_key,
            moment,
            counts,
        })
        .collect()
}

/// Anonymous answers over the filter (the group and the months).
fn anonymous_figures(
    conn: &mut DbConn,
    org: &str,
    filter: &Filter,
    instrument: &Instrument,
) -> DbResult<Anonymous> {
    let month = |d: NaiveDate| d.format("%Y-%m").to_string();
    let mut rq = anonymous_responses::table
        .filter(anonymous_responses::organisation_id.eq(org))
        .filter(anonymous_responses::instrument_key.eq(&instrument.key))
        .filter(anonymous_responses::programme_id.eq(&filter.programme_id))
        .into_boxed();
    if let Some(g) = &filter.group_id {
        rq = rq.filter(anonymous_responses::group_id.eq(g.clone()));
    }
    if let Some(f) = filter.from {
        rq = rq.filter(anonymous_responses::month.ge(month(f)));
    }
    if let Some(t) = filter.to {
        rq = rq.filter(anonymous_responses::month.le(month(t)));
    }
    let ids: Vec<String> = rq.select(anonymous_responses::id).load(conn)?;
    let responses = ids.len();
    if !may_show_anonymous(responses) {
        return Ok(Anonymous {
            responses,
            shown: false,
            spreads: Vec::new(),
            texts: Vec::new(),
        });
    }
    let rows: Vec<(String, Option<i64>, Option<String>)> = anonymous_answers::table
        .filter(anonymous_answers::organisation_id.eq(org))
        .filter(anonymous_answers::response_id.eq_any(&ids))
        .select((
            anonymous_answers::item_key,
            anonymous_answers::value_num,
            anonymous_answers::value_text,
        ))
        .load(conn)?;
    let mut counted: Vec<(String, String, String, i64)> = Vec::new();
    let mut texts: Vec<(String, String)> = Vec::new();
    for (item, num, text) in rows {
        let kind = instrument.item(&item).map(|i| &i.kind);
        match (kind, num, text) {
            (Some(ItemKind::Text { .. } | ItemKind::Date), _, Some(t)) => texts.push((item, t)),
            (Some(_), Some(n), _) => counted.push(("all".into(), item, n.to_string(), 1)),
            (Some(_), None, Some(keys)) => {
                for k in keys.split(',').filter(|k| !k.is_empty()) {
                    counted.push(("all".into(), item.clone(), k.to_owned(), 1));
                }
            }
            _ => {}
        }
    }
    texts.sort();
    Ok(Anonymous {
        responses,
        shown: true,
        spreads: spreads_of(counted.into_iter()),
        texts,
    })
}

/// What the results page filters by: the organisation's programmes (id,
/// name) and groups (id, programme id, name).
pub type Choices = (Vec<(String, String)>, Vec<(String, String, String)>);

/// The programmes and groups to filter by, for those who may read figures.
pub fn choices(conn: &mut DbConn, org: &str) -> DbResult<Choices> {
    let programmes = programmes::table
        .filter(programmes::organisation_id.eq(org))
        .order(programmes::name)
        .select((programmes::id, programmes::name))
        .load(conn)?;
    let groups = groups::table
        .filter(groups::organisation_id.eq(org))
        .order(groups::name)
        .select((groups::id, groups::programme_id, groups::name))
        .load(conn)?;
    Ok((programmes, groups))
}

/// A participant's names in the organisation, for a page that has
/// authorised the access.
pub fn participant_name(
    conn: &mut DbConn,
    org: &str,
    participant_id: &str,
) -> DbResult<Option<(String, String)>> {
    Ok(participants::table
        .filter(participants::organisation_id.eq(org))
        .filter(participants::id.eq(participant_id))
        .select((participants::first_name, participants::last_name))
        .first(conn)
        .optional()?)
}

/// A programme's name in the organisation.
pub fn programme_name(conn: &mut DbConn, org: &str, id: &str) -> DbResult<Option<String>> {
    Ok(programmes::table
        .filter(programmes::organisation_id.eq(org))
        .filter(programmes::id.eq(id))
        .select(programmes::name)
        .first(conn)
        .optional()?)
}
