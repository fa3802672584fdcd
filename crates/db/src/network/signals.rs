//! Signals of structural obstacles: what many women meet (a waiting list,
//! a service out of reach, a rule) counted instead of told as anecdotes.
//! A signal holds no personal data; the participants it affects are linked
//! inside the organisation only, and what leaves the organisation (the
//! analysts' pooled counts) is counts per category and life domain.

use crate::audit::{self, Event};
use crate::backend::write_tx;
use crate::error::{DbError, DbResult};
use crate::models::new_id;
use crate::participants::{AccessError, Origin};
use crate::pool::DbConn;
use crate::schema::*;
use chrono::NaiveDate;
use diesel::dsl::{count_star, sum};
use diesel::prelude::*;
use domain::network::{SignalCategory, SignalStatus};
use domain::participant::{FieldError, LifeDomain};
use domain::policy::{Action, Actor, Resource, authorize};

/// A signal as typed in.
#[derive(Debug, Clone, Default)]
pub struct SignalInput {
    pub category: String,
    pub domain: String,
    /// The institution or rule concerned.
    pub concerns: String,
    pub description: String,
    /// Participants affected beyond those linked ("" for none).
    pub affected: String,
    /// Her participants the actor links (replacing the actor's earlier
    /// links; others' links stay).
    pub participant_ids: Vec<String>,
    pub status: String,
    pub noted_on: Option<NaiveDate>,
    pub raised_with: String,
    pub raised_on: Option<NaiveDate>,
    pub answer: String,
    pub answered_on: Option<NaiveDate>,
    pub resolved_on: Option<NaiveDate>,
}

#[derive(Debug, thiserror::Error)]
pub enum SignalError {
    #[error(transparent)]
    Access(#[from] AccessError),
    #[error("invalid input")]
    Invalid(Vec<FieldError>),
    #[error("changed by someone else")]
    Conflict,
}

from_storage_errors!(SignalError);

/// Whether a text looks like it holds a way to reach or identify someone:
/// an email address, a phone or national number (a run of eight digits or
/// more, spaces and separators ignored).
pub fn looks_personal(text: &str) -> bool {
    if text.contains('@') {
        return true;
    }
    let mut run = 0;
    for c in text.chars() {
        if c.is_ascii_digit() {
            run += 1;
            if run >= 8 {
                return true;
            }
        } else if !matches!(c, ' ' | '.' | '-' | '/' | '+') {
            run = 0;
        }
    }
    false
}

struct Checked {
    category: SignalCategory,
    domain: LifeDomain,
    status: SignalStatus,
    noted_on: NaiveDate,
    affected: i32,
}

fn check(
    input: &SignalInput,
    names: &[String],
    today: NaiveDate,
) -> Result<Checked, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut err = |field, code| errors.push(FieldError { field, code });
    let category = input.category.parse::<SignalCategory>();
    if category.is_err() {
        err("category", "invalid-choice");
    }
    let domain = input.domain.parse::<LifeDomain>();
    if domain.is_err() {
        err("domain", "invalid-choice");
    }
    let status = input.status.parse::<SignalStatus>();
    if status.is_err() {
        err("status", "invalid-choice");
    }
    if input.concerns.trim().is_empty() {
        err("concerns", "required");
    }
    let description = input.description.trim();
    if description.is_empty() {
        err("description", "required");
    } else if description.chars().count() > 4000 {
        err("description", "too-long");
    } else {
        // No personal data: nothing to reach her by, none of the linked
        // participants' names.
        let lower = description.to_lowercase();
        let named = names.iter().any(|n| {
            let n = n.trim().to_lowercase();
            n.chars().count() >= 3
                && lower
                    .split(|c: char| !c.is_alphanumeric() && c != '-')
                    .any(|w| w == n)
        });
        if named || looks_personal(description) || looks_personal(&input.concerns) {
            err("description", "personal-data");
        }
    }
    let affected = match input.affected.trim() {
        "" => 0,
        raw => match raw.parse::<i32>() {
            Ok(n) if (0..=100_000).contains(&n) => n,
            _ => {
                err("affected", "out-of-range");
                0
            }
        },
    };
    let noted_on = input.noted_on.unwrap_or(today);
    let in_range = |d: Option<NaiveDate>| d.is_none_or(|d| d >= noted_on && d <= today);
    if noted_on > today {
        err("noted_on", "date-out-of-range");
    }
    if let Ok(s) = status {
        // Each step has its facts: raised with whom and when, answered or
        // resolved on a day.
        if s != SignalStatus::Noted {
            if input.raised_with.trim().is_empty() {
                err("raised_with", "required");
            }
            if input.raised_on.is_none() {
                err("raised_on", "required");
            }
        }
        if s == SignalStatus::Answered && input.answered_on.is_none() {
            err("answered_on", "required");
        }
        if s == SignalStatus::Resolved && input.resolved_on.is_none() {
            err("resolved_on", "required");
        }
    }
    if !in_range(input.raised_on) {
        err("raised_on", "date-out-of-range");
    }
    if !in_range(input.answered_on) {
        err("answered_on", "date-out-of-range");
    }
    if !in_range(input.resolved_on) {
        err("resolved_on", "date-out-of-range");
    }
    match (category, domain, status) {
        (Ok(category), Ok(domain), Ok(status)) if errors.is_empty() => Ok(Checked {
            category,
            domain,
            status,
            noted_on,
            affected,
        }),
        _ => Err(errors),
    }
}

/// The participants the actor may link: a coordinator any of the
/// organisation's, a casemanager those she follows; others none.
pub fn linkable(conn: &mut DbConn, actor: &Actor) -> DbResult<Vec<(String, String)>> {
    let org = actor.organisation_id().unwrap_or_default().to_owned();
    let mut q = participants::table
        .filter(participants::organisation_id.eq(org.clone()))
        .order((participants::last_name, participants::first_name))
        .select((
            participants::id,
            participants::first_name,
            participants::last_name,
        ))
        .into_boxed();
    match actor.role() {
        Some(domain::model::Role::Coordinator) => {}
        Some(domain::model::Role::Casemanager) => {
            let mine: Vec<String> = trajectories::table
                .filter(trajectories::organisation_id.eq(&org))
                .filter(trajectories::casemanager_id.eq(actor.user_id()))
                .select(trajectories::participant_id)
                .distinct()
                .load(conn)?;
            q = q.filter(participants::id.eq_any(mine));
        }
        _ => return Ok(Vec::new()),
    }
    Ok(q.load::<(String, String, String)>(conn)?
        .into_iter()
        .map(|(id, f, l)| (id, format!("{f} {l}")))
        .collect())
}

/// What a save writes, the same for a new signal and a change.
#[derive(Insertable, AsChangeset)]
#[diesel(table_name = signals, treat_none_as_null = true)]
struct SignalFacts<'a> {
    category: &'a str,
    domain: &'a str,
    concerns: &'a str,
    description: &'a str,
    status: &'a str,
    noted_on: NaiveDate,
    raised_with: &'a str,
    raised_on: Option<NaiveDate>,
    answer: &'a str,
    answered_on: Option<NaiveDate>,
    resolved_on: Option<NaiveDate>,
}

/// Records a signal (`id` None) or changes one, if nobody saved it since
/// `version`. Returns its id.
pub fn save(
    conn: &mut DbConn,
    actor: &Actor,
    id: Option<&str>,
    version: i32,
    input: &SignalInput,
    origin: Origin<'_>,
) -> Result<String, SignalError> {
    let org = crate::groups::require(conn, actor, Action::RecordSignals, "signal.save", origin)?;
    let today = domain::clock::brussels_date(origin.at.and_utc());
    let allowed = linkable(conn, actor)?;
    let mut errors = Vec::new();
    let mut names = Vec::new();
    for p in &input.participant_ids {
        match allowed.iter().find(|(id, _)| id == p) {
            Some((_, name)) => names.extend(name.split_whitespace().map(str::to_owned)),
            None => errors.push(FieldError {
                field: "participant_ids",
                code: "invalid-choice",
            }),
        }
    }
    // A change that leaves the day it was noted out keeps it.
    let mut input = input.clone();
    if let (Some(sid), None) = (id, input.noted_on) {
        input.noted_on = signals::table
            .filter(signals::organisation_id.eq(&org))
            .filter(signals::id.eq(sid))
            .select(signals::noted_on)
            .first(conn)
            .optional()
            .map_err(DbError::from)?;
    }
    let input = &input;
    let c = match check(input, &names, today) {
        Ok(c) if errors.is_empty() => c,
        Ok(_) => return Err(SignalError::Invalid(errors)),
        Err(more) => {
            errors.extend(more);
            return Err(SignalError::Invalid(errors));
        }
    };
    let allowed_ids: Vec<&String> = allowed.iter().map(|(id, _)| id).collect();
    let facts = SignalFacts {
        category: c.category.code(),
        domain: c.domain.code(),
        concerns: input.concerns.trim(),
        description: input.description.trim(),
        status: c.status.code(),
        noted_on: c.noted_on,
        raised_with: input.raised_with.trim(),
        raised_on: input.raised_on,
        answer: input.answer.trim(),
        answered_on: input.answered_on,
        resolved_on: input.resolved_on,
    };
    write_tx(conn, |conn| -> Result<String, SignalError> {
        let sid = match id {
            Some(sid) => {
                let n = diesel::update(
                    signals::table
                        .filter(signals::organisation_id.eq(&org))
                        .filter(signals::id.eq(sid))
                        .filter(signals::version.eq(version)),
                )
                .set((
                    &facts,
                    signals::version.eq(version + 1),
                    signals::updated_at.eq(origin.at),
                ))
                .execute(conn)?;
                if n == 0 {
                    let exists: i64 = signals::table
                        .filter(signals::organisation_id.eq(&org))
                        .filter(signals::id.eq(sid))
                        .count()
                        .get_result(conn)?;
                    return Err(if exists == 0 {
                        DbError::NotFound("signal").into()
                    } else {
                        SignalError::Conflict
                    });
                }
                // The actor's links are replaced; those she cannot see stay.
                diesel::delete(
                    signal_participants::table
                        .filter(signal_participants::organisation_id.eq(&org))
                        .filter(signal_participants::signal_id.eq(sid))
                        .filter(signal_participants::participant_id.eq_any(&allowed_ids)),
                )
                .execute(conn)?;
                sid.to_owned()
            }
            None => {
                let sid = new_id();
                diesel::insert_into(signals::table)
                    .values((
                        &facts,
                        signals::id.eq(&sid),
                        signals::organisation_id.eq(&org),
                        signals::affected.eq(0),
                        signals::recorded_by.eq(Some(actor.user_id())),
                        signals::version.eq(1),
                        signals::created_at.eq(origin.at),
                        signals::updated_at.eq(origin.at),
                    ))
                    .execute(conn)?;
                sid
            }
        };
        let mut linked = input.participant_ids.clone();
        linked.sort();
        linked.dedup();
        for p in &linked {
            diesel::insert_into(signal_participants::table)
                .values((
                    signal_participants::signal_id.eq(&sid),
                    signal_participants::participant_id.eq(p),
                    signal_participants::organisation_id.eq(&org),
                ))
                .execute(conn)?;
        }
        let total_linked: i64 = signal_participants::table
            .filter(signal_participants::organisation_id.eq(&org))
            .filter(signal_participants::signal_id.eq(&sid))
            .count()
            .get_result(conn)?;
        // The count that leaves the organisation: those linked, or more
        // when more were met than linked.
        let affected = c
            .affected
            .max(i32::try_from(total_linked).unwrap_or(i32::MAX));
        diesel::update(signals::table.find(&sid))
            .set(signals::affected.eq(affected))
            .execute(conn)?;
        audit::record(
            conn,
            &Event::by(actor, "signal.save", origin.ip, origin.at)
                .about("signal", &sid)
                .detail(&format!("{} linked", linked.len())),
        )?;
        Ok(sid)
    })
}

/// A signal as the organisation's overview shows it: no one named.
#[derive(Debug, Clone)]
pub struct SignalLine {
    pub id: String,
    pub category: String,
    pub domain: String,
    pub concerns: String,
    pub description: String,
    pub status: String,
    pub noted_on: NaiveDate,
    pub raised_with: String,
    pub raised_on: Option<NaiveDate>,
    pub answer: String,
    pub answered_on: Option<NaiveDate>,
    pub resolved_on: Option<NaiveDate>,
    pub affected: i32,
    pub version: i32,
}

type SignalRow = (
    String,
    String,
    String,
    String,
    String,
    String,
    NaiveDate,
    String,
    Option<NaiveDate>,
    String,
    Option<NaiveDate>,
    Option<NaiveDate>,
    i32,
    i32,
);

fn line(r: SignalRow) -> SignalLine {
    SignalLine {
        id: r.0,
        category: r.1,
        domain: r.2,
        concerns: r.3,
        description: r.4,
        status: r.5,
        noted_on: r.6,
        raised_with: r.7,
        raised_on: r.8,
        answer: r.9,
        answered_on: r.10,
        resolved_on: r.11,
        affected: r.12,
        version: r.13,
    }
}

/// The organisation's signals, newest first (of one, when `id` is given).
pub fn overview(
    conn: &mut DbConn,
    actor: &Actor,
    id: Option<&str>,
    origin: Origin<'_>,
) -> Result<Vec<SignalLine>, AccessError> {
    let org = crate::groups::require(conn, actor, Action::RecordSignals, "signal.read", origin)?;
    let mut q = signals::table
        .filter(signals::organisation_id.eq(org))
        .order((signals::noted_on.desc(), signals::created_at.desc()))
        .select((
            signals::id,
            signals::category,
            signals::domain,
            signals::concerns,
            signals::description,
            signals::status,
            signals::noted_on,
            signals::raised_with,
            signals::raised_on,
            signals::answer,
            signals::answered_on,
            signals::resolved_on,
            signals::affected,
            signals::version,
        ))
        .into_boxed();
    if let Some(id) = id {
        q = q.filter(signals::id.eq(id.to_owned()));
    }
    Ok(q.load::<SignalRow>(conn)
        .map_err(DbError::from)?
        .into_iter()
        .map(line)
        .collect())
}

/// The participants of a signal the actor linked or may link (her own).
pub fn linked_by_me(conn: &mut DbConn, actor: &Actor, signal_id: &str) -> DbResult<Vec<String>> {
    let org = actor.organisation_id().unwrap_or_default();
    let mine: Vec<String> = linkable(conn, actor)?
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    Ok(signal_participants::table
        .filter(signal_participants::organisation_id.eq(org))
        .filter(signal_participants::signal_id.eq(signal_id))
        .filter(signal_participants::participant_id.eq_any(&mine))
        .select(signal_participants::participant_id)
        .load(conn)?)
}

/// Counts per category and life domain, pooled over every organisation on
/// the instance: how many signals and how many participants they affect.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pooled {
    pub category: String,
    pub domain: String,
    pub signals: i64,
    pub affected: i64,
    pub organisations: i64,
}

/// The pooled counts, for those who may read aggregates (analysts,
/// coordinators, administrators). No id, no text, no organisation.
pub fn pooled(
    conn: &mut DbConn,
    actor: &Actor,
    origin: Origin<'_>,
) -> Result<Vec<Pooled>, AccessError> {
    if let Err(why) = authorize(actor, Action::ReadAggregates, Resource::Aggregates, None) {
        origin.record(
            conn,
            &[crate::participants::refusal(
                actor,
                "signal.pooled",
                None,
                why,
                origin,
            )],
        )?;
        return Err(AccessError::Denied(why));
    }
    let rows: Vec<(String, String, i64, Option<i64>)> = signals::table
        .group_by((signals::category, signals::domain))
        .select((
            signals::category,
            signals::domain,
            count_star(),
            sum(signals::affected),
        ))
        .order((signals::category, signals::domain))
        .load(conn)
        .map_err(DbError::from)?;
    let orgs: Vec<(String, String, String)> = signals::table
        .select((signals::category, signals::domain, signals::organisation_id))
        .distinct()
        .load(conn)
        .map_err(DbError::from)?;
    Ok(rows
        .into_iter()
        .map(|(category, domain, signals, affected)| Pooled {
            organisations: orgs
                .iter()
                .filter(|(c, d, _)| *c == category && *d == domain)
                .count() as i64,
            category,
            domain,
            signals,
            affected: affected.unwrap_or(0),
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::looks_personal;

    #[test]
    fn ways_to_reach_someone_are_personal() {
        assert!(looks_personal("call her at 0470 12 34 56"));
        assert!(looks_personal("mail x@y.example"));
        assert!(looks_personal("RR 85.07.30-033.61"));
        assert!(!looks_personal("waiting list of 14 months since 2025"));
    }
}
