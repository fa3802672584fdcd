//! The records an indicator set counts, per unit, for an organisation's
//! programme (or all its programmes) in a period. Each loader is one or two
//! queries over indexed columns; only the units a set needs are loaded.
//!
//! Decisions where the funders' texts leave room (see the issue note):
//! - a participant is in the programme in the period when a trajectory of
//!   hers started on or before its last day and did not end before its first;
//! - "in a language course": she attended a session of an adults' group that
//!   has a language level; "civic orientation": she attended an informative
//!   session; "personal guidance": a journal entry other than a team review;
//! - language levels gained: CEFR levels between her first and her last
//!   language assessment up to the period's end;
//! - life domains progressed: items of the life-domain instrument scored
//!   higher at her last measurement than at her first (two or more needed);
//! - the ESF+ results: the exit-situation form taken within four weeks
//!   (28 days) after the day she left.

use crate::error::DbResult;
use crate::pool::DbConn;
use crate::schema::*;
use chrono::{Duration, NaiveDate};
use diesel::prelude::*;
use domain::indicators::{ChartKind, Fact, Facts, Records, Unit, Value};
use domain::participant::Nationality;
use std::collections::{BTreeSet, HashMap, HashSet};

/// The instruments reports read.
pub const LANGUAGE_LEVEL: &str = "traject-language-level";
pub const EXIT_SITUATION: &str = "traject-exit-situation";
pub const LIFE_DOMAINS: &str = "traject-life-domains";
pub const SATISFACTION: &str = "traject-satisfaction";
/// Days after leaving within which the ESF+ results are measured.
pub const RESULT_DAYS: i64 = 28;
const CEFR: [&str; 7] = ["pre_a1", "a1", "a2", "b1", "b2", "c1", "c2"];

/// What a report is over.
#[derive(Debug, Clone, Copy)]
pub struct Scope<'a> {
    pub org: &'a str,
    /// None: every programme of the organisation.
    pub programme: Option<&'a str>,
    pub from: NaiveDate,
    pub to: NaiveDate,
}

type Trajectory = (
    String,
    String,
    String,
    String,
    Option<NaiveDate>,
    Option<NaiveDate>,
    Option<String>,
);

/// The trajectories in scope: in the programme during the period.
/// A trajectory in the period: started on or before its last day and not
/// ended before its first (what "in the programme in the period" means
/// for every report).
pub(crate) type During = diesel::dsl::And<
    diesel::dsl::LtEq<trajectories::started_on, NaiveDate>,
    diesel::dsl::Or<
        diesel::dsl::IsNull<trajectories::ended_on>,
        diesel::dsl::GtEq<trajectories::ended_on, NaiveDate>,
    >,
>;

pub(crate) fn during(from: NaiveDate, to: NaiveDate) -> During {
    trajectories::started_on.le(to).and(
        trajectories::ended_on
            .is_null()
            .or(trajectories::ended_on.ge(from)),
    )
}

fn trajectories_in(conn: &mut DbConn, s: Scope<'_>) -> DbResult<Vec<Trajectory>> {
    let mut q = trajectories::table
        .filter(trajectories::organisation_id.eq(s.org))
        .filter(during(s.from, s.to))
        .select((
            trajectories::id,
            trajectories::participant_id,
            trajectories::programme_id,
            trajectories::status,
            trajectories::started_on,
            trajectories::ended_on,
            trajectories::stop_reason,
        ))
        .order((trajectories::started_on, trajectories::id))
        .into_boxed();
    if let Some(p) = s.programme {
        q = q.filter(trajectories::programme_id.eq(p));
    }
    Ok(q.load(conn)?)
}

type Person = (
    String,
    String,
    Option<NaiveDate>,
    Option<String>,
    Option<String>,
    Option<String>,
);
type Sensitive = (
    String,
    Option<String>,
    Option<String>,
    Option<bool>,
    Option<bool>,
);

/// Per life domain: (domain, measured twice, progressed).
type PerDomain = Vec<(String, i64, i64)>;

/// A measurement answer: participant, instrument, item, day, number, text.
type Answer = (
    String,
    String,
    String,
    NaiveDate,
    Option<i64>,
    Option<String>,
);

/// What the charts a set asks for need beside its records.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extras {
    /// Per month ("2026-03"): marks and attended.
    pub months: Vec<(String, i64, i64)>,
    /// Per life domain: measured twice and progressed.
    pub domains: Vec<(String, i64, i64)>,
}

/// Loads every unit the set needs.
pub fn load(conn: &mut DbConn, s: Scope<'_>, units: &BTreeSet<Unit>) -> DbResult<Records> {
    Ok(load_all(conn, s, units, &[])?.0)
}

/// Loads every unit the set needs and what its charts need, from the same
/// rows (nothing read twice).
pub fn load_all(
    conn: &mut DbConn,
    s: Scope<'_>,
    units: &BTreeSet<Unit>,
    charts: &[ChartKind],
) -> DbResult<(Records, Extras)> {
    let mut records = Records::default();
    let mut extras = Extras::default();
    let trajectories = trajectories_in(conn, s)?;
    let people: BTreeSet<String> = trajectories.iter().map(|t| t.1.clone()).collect();
    let wants_months = charts.contains(&ChartKind::AttendanceByMonth);
    let wants_domains = charts.contains(&ChartKind::DomainProgress);
    let needs_people = units.iter().any(|u| u.is_person()) || wants_domains;
    let needs_sessions = needs_people
        || wants_months
        || units.contains(&Unit::Sessions)
        || units.contains(&Unit::Attendances)
        || units.contains(&Unit::Children);
    let sessions = if needs_sessions {
        sessions_in(conn, s)?
    } else {
        Vec::new()
    };
    let marks = if needs_people
        || wants_months
        || units.contains(&Unit::Attendances)
        || units.contains(&Unit::Children)
    {
        marks_at(conn, s.org, &sessions)?
    } else {
        Vec::new()
    };
    if wants_months {
        extras.months = by_month(s, &sessions, &marks);
    }
    if needs_people {
        let (persons, domains) = person_facts(conn, s, &trajectories, &people, &sessions, &marks)?;
        if wants_domains {
            extras.domains = domains;
        }
        for unit in [Unit::Entrants, Unit::Participants, Unit::Leavers] {
            if units.contains(&unit) {
                records = records.with(unit, population(unit, s, &trajectories, &persons));
            }
        }
    }
    if units.contains(&Unit::Sessions) {
        records = records.with(
            Unit::Sessions,
            sessions
                .iter()
                .map(|x| {
                    Facts::record(x.id.clone(), None)
                        .with(Fact::SessionKind, Some(Value::Code(x.kind.clone())))
                        .with(Fact::Cancelled, Some(Value::Flag(x.cancelled)))
                        .with(Fact::Minutes, Some(Value::Number(x.minutes)))
                })
                .collect(),
        );
    }
    if units.contains(&Unit::Attendances) {
        let kinds: HashMap<&str, &str> = sessions
            .iter()
            .map(|x| (x.id.as_str(), x.kind.as_str()))
            .collect();
        records = records.with(
            Unit::Attendances,
            marks
                .iter()
                .map(|m| {
                    Facts::record(
                        format!("{}:{}", m.session, m.participant),
                        Some(m.participant.clone()),
                    )
                    .with(Fact::Mark, Some(Value::Code(m.mark.clone())))
                    .with(Fact::ExcuseReason, m.reason.clone().map(Value::Code))
                    .with(
                        Fact::SessionKind,
                        kinds
                            .get(m.session.as_str())
                            .map(|k| Value::Code((*k).to_owned())),
                    )
                })
                .collect(),
        );
    }
    if units.contains(&Unit::Children) {
        records = records.with(Unit::Children, children_cared(conn, s, &sessions, &marks)?);
    }
    if units.contains(&Unit::Intakes) {
        records = records.with(Unit::Intakes, intakes_decided(conn, s)?);
    }
    if units.contains(&Unit::Referrals) {
        records = records.with(Unit::Referrals, referrals_made(conn, s, &people)?);
    }
    if units.contains(&Unit::Signals) {
        records = records.with(Unit::Signals, signals_raised(conn, s, &people)?);
    }
    if units.contains(&Unit::Evaluations) {
        records = records.with(Unit::Evaluations, evaluations_held(conn, s)?);
    }
    if units.contains(&Unit::Responses) {
        records = records.with(Unit::Responses, responses_given(conn, s)?);
    }
    if units.contains(&Unit::Costs) {
        records = records.with(Unit::Costs, super::budgets::cost_records(conn, s)?);
    }
    Ok((records, extras))
}

/// The person records of one unit: entrants at their first entry in the
/// period, participants once, leavers at their last leaving in the period.
fn population(
    unit: Unit,
    s: Scope<'_>,
    trajectories: &[Trajectory],
    persons: &HashMap<String, Facts>,
) -> Vec<Facts> {
    let in_period = |d: Option<NaiveDate>| d.is_some_and(|d| d >= s.from && d <= s.to);
    let mut out: Vec<Facts> = Vec::new();
    let mut seen = HashSet::new();
    let mut rows: Vec<&Trajectory> = trajectories.iter().collect();
    if unit == Unit::Leavers {
        // Her last leaving counts.
        rows.sort_by_key(|t| std::cmp::Reverse(t.5));
    }
    for t in rows {
        let keep = match unit {
            Unit::Entrants => in_period(t.4),
            Unit::Leavers => in_period(t.5) && matches!(t.3.as_str(), "completed" | "stopped"),
            _ => true,
        };
        if !keep || !seen.insert(t.1.clone()) {
            continue;
        }
        let Some(p) = persons.get(&t.1) else {
            continue;
        };
        let mut facts = p.clone();
        if unit == Unit::Leavers {
            facts.set(Fact::Ending, Some(Value::Code(t.3.clone())));
            facts.set(Fact::StopReason, t.6.clone().map(Value::Code));
        }
        out.push(facts);
    }
    out.sort_by(|a, b| a.id.cmp(&b.id));
    out
}

/// A session of the programme's groups in the period.
pub(crate) struct SessionRow {
    pub id: String,
    pub group: String,
    pub held_on: NaiveDate,
    pub kind: String,
    pub cancelled: bool,
    pub minutes: i64,
    /// An adults' group with a language level.
    pub language: bool,
}

fn sessions_in(conn: &mut DbConn, s: Scope<'_>) -> DbResult<Vec<SessionRow>> {
    let mut q = group_sessions::table
        .inner_join(groups::table)
        .filter(group_sessions::organisation_id.eq(s.org))
        .filter(groups::organisation_id.eq(s.org))
        .filter(group_sessions::held_on.between(s.from, s.to))
        .select((
            group_sessions::id,
            group_sessions::group_id,
            group_sessions::held_on,
            group_sessions::kind,
            group_sessions::cancelled,
            group_sessions::starts_at,
            group_sessions::ends_at,
            groups::kind,
            groups::level,
        ))
        .into_boxed();
    if let Some(p) = s.programme {
        q = q.filter(groups::programme_id.eq(p));
    }
    type Row = (
        String,
        String,
        NaiveDate,
        String,
        bool,
        chrono::NaiveTime,
        chrono::NaiveTime,
        String,
        String,
    );
    let rows: Vec<Row> = q.load(conn)?;
    Ok(rows
        .into_iter()
        .map(
            |(id, group, held_on, kind, cancelled, start, end, group_kind, level)| SessionRow {
                id,
                group,
                held_on,
                kind,
                cancelled,
                minutes: (end - start).num_minutes().max(0),
                language: group_kind == "adults" && !level.trim().is_empty(),
            },
        )
        .collect())
}

/// A mark at a held session.
pub(crate) struct MarkRow {
    pub session: String,
    pub participant: String,
    pub mark: String,
    pub reason: Option<String>,
    pub attended: bool,
}

fn marks_at(conn: &mut DbConn, org: &str, sessions: &[SessionRow]) -> DbResult<Vec<MarkRow>> {
    let held: Vec<&String> = sessions
        .iter()
        .filter(|x| !x.cancelled)
        .map(|x| &x.id)
        .collect();
    let mut out = Vec::new();
    for chunk in held.chunks(500) {
        let rows: Vec<(String, String, String, Option<String>)> = attendance::table
            .filter(attendance::organisation_id.eq(org))
            .filter(attendance::session_id.eq_any(chunk))
            .select((
                attendance::session_id,
                attendance::participant_id,
                attendance::mark,
                attendance::reason,
            ))
            .load(conn)?;
        out.extend(
            rows.into_iter()
                .map(|(session, participant, mark, reason)| {
                    let attended = matches!(mark.as_str(), "present" | "late");
                    MarkRow {
                        session,
                        participant,
                        mark,
                        reason,
                        attended,
                    }
                }),
        );
    }
    out.sort_by(|a, b| (&a.session, &a.participant).cmp(&(&b.session, &b.participant)));
    Ok(out)
}

/// Each programme's report strands.
pub(crate) fn strands(conn: &mut DbConn, org: &str) -> DbResult<HashMap<String, Vec<String>>> {
    Ok(programmes::table
        .filter(programmes::organisation_id.eq(org))
        .select((programmes::id, programmes::report_strands))
        .load::<(String, String)>(conn)?
        .into_iter()
        .map(|(id, strands)| {
            (
                id,
                strands
                    .split(',')
                    .map(str::trim)
                    .filter(|x| !x.is_empty())
                    .map(str::to_owned)
                    .collect(),
            )
        })
        .collect())
}

/// Every participant's facts: at entry, her activity in the period, and
/// her measurements.
fn person_facts(
    conn: &mut DbConn,
    s: Scope<'_>,
    trajectories: &[Trajectory],
    ids: &BTreeSet<String>,
    sessions: &[SessionRow],
    marks: &[MarkRow],
) -> DbResult<(HashMap<String, Facts>, PerDomain)> {
    let ids: Vec<&String> = ids.iter().collect();
    // Her first start in scope: the day her age at entry is taken.
    let mut entered: HashMap<&str, NaiveDate> = HashMap::new();
    let mut programmes: HashMap<&str, BTreeSet<&str>> = HashMap::new();
    for t in trajectories {
        if let Some(on) = t.4 {
            let in_period = on >= s.from && on <= s.to;
            let e = entered.entry(t.1.as_str()).or_insert(on);
            // An entry in the period wins over an earlier one.
            if in_period && (*e < s.from) {
                *e = on;
            }
        }
        programmes
            .entry(t.1.as_str())
            .or_default()
            .insert(t.2.as_str());
    }
    let strands_of = strands(conn, s.org)?;
    let mut people: Vec<Person> = Vec::with_capacity(ids.len());
    let mut sensitive: HashMap<String, Sensitive> = HashMap::new();
    let mut guided: HashSet<String> = HashSet::new();
    let mut answers: Vec<Answer> = Vec::new();
    for chunk in ids.chunks(500) {
        people.extend(
            participants::table
                .filter(participants::organisation_id.eq(s.org))
                .filter(participants::id.eq_any(chunk))
                .select((
                    participants::id,
                    participants::gender,
                    participants::birth_date,
                    participants::nationality,
                    participants::labour_status,
                    participants::education,
                ))
                .load::<Person>(conn)?,
        );
        for x in participant_sensitive::table
            .filter(participant_sensitive::organisation_id.eq(s.org))
            .filter(participant_sensitive::participant_id.eq_any(chunk))
            .select((
                participant_sensitive::participant_id,
                participant_sensitive::disability,
                participant_sensitive::minority,
                participant_sensitive::foreign_background,
                participant_sensitive::homeless,
            ))
            .load::<Sensitive>(conn)?
        {
            sensitive.insert(x.0.clone(), x);
        }
        guided.extend(
            journal_entries::table
                .filter(journal_entries::organisation_id.eq(s.org))
                .filter(journal_entries::participant_id.eq_any(chunk))
                .filter(journal_entries::written_on.between(s.from, s.to))
                .filter(journal_entries::mode.ne("team_review"))
                .select(journal_entries::participant_id)
                .distinct()
                .load::<String>(conn)?,
        );
        answers.extend(
            measurement_answers::table
                .filter(measurement_answers::organisation_id.eq(s.org))
                .filter(measurement_answers::participant_id.eq_any(chunk))
                .filter(measurement_answers::instrument_key.eq_any([
                    LANGUAGE_LEVEL,
                    LIFE_DOMAINS,
                    EXIT_SITUATION,
                ]))
                .filter(measurement_answers::taken_on.le(s.to + Duration::days(RESULT_DAYS)))
                .order((
                    measurement_answers::taken_on,
                    measurement_answers::measurement_id,
                ))
                .select((
                    measurement_answers::participant_id,
                    measurement_answers::instrument_key,
                    measurement_answers::item_key,
                    measurement_answers::taken_on,
                    measurement_answers::value_num,
                    measurement_answers::value_text,
                ))
                .load(conn)?,
        );
    }
    // Activity in the period from the marks.
    let by_id: HashMap<&str, &SessionRow> = sessions.iter().map(|x| (x.id.as_str(), x)).collect();
    let mut attended: HashMap<&str, i64> = HashMap::new();
    let mut language: HashSet<&str> = HashSet::new();
    let mut civic: HashSet<&str> = HashSet::new();
    for m in marks.iter().filter(|m| m.attended) {
        *attended.entry(m.participant.as_str()).or_default() += 1;
        if let Some(x) = by_id.get(m.session.as_str()) {
            if x.language {
                language.insert(m.participant.as_str());
            }
            if x.kind == "informative" {
                civic.insert(m.participant.as_str());
            }
        }
    }
    // Measurements: first and last per item (answers come in date order).
    let mut levels: HashMap<&str, Vec<(NaiveDate, usize)>> = HashMap::new();
    let mut domains: HashMap<(&str, &str), Vec<i64>> = HashMap::new();
    let mut exits: HashMap<&str, Vec<(NaiveDate, &str, bool)>> = HashMap::new();
    for (pid, instrument, item, on, num, text) in &answers {
        match instrument.as_str() {
            LANGUAGE_LEVEL if *on <= s.to => {
                if let Some(level) = text
                    .as_deref()
                    .and_then(|t| CEFR.iter().position(|c| *c == t))
                {
                    levels.entry(pid.as_str()).or_default().push((*on, level));
                }
            }
            LIFE_DOMAINS if *on <= s.to => {
                if let Some(n) = num {
                    domains
                        .entry((pid.as_str(), item.as_str()))
                        .or_default()
                        .push(*n);
                }
            }
            EXIT_SITUATION => {
                if let Some(n) = num {
                    exits
                        .entry(pid.as_str())
                        .or_default()
                        .push((*on, item.as_str(), *n != 0));
                }
            }
            _ => {}
        }
    }
    // Measured twice: a count (maybe 0); else unknown. Per domain too.
    let mut progressed: HashMap<&str, i64> = HashMap::new();
    let mut per_domain: std::collections::BTreeMap<String, (i64, i64)> =
        std::collections::BTreeMap::new();
    for ((pid, item), scores) in &domains {
        if scores.len() >= 2 {
            let better = i64::from(scores.last() > scores.first());
            *progressed.entry(pid).or_default() += better;
            let e = per_domain.entry((*item).to_owned()).or_default();
            e.0 += 1;
            e.1 += better;
        }
    }
    let per_domain: PerDomain = per_domain
        .into_iter()
        .map(|(k, (a, b))| (k, a, b))
        .collect();
    // The day she left (her last leaving in the period), for the results.
    let mut left: HashMap<&str, NaiveDate> = HashMap::new();
    for t in trajectories {
        if let Some(end) = t.5.filter(|e| *e >= s.from && *e <= s.to) {
            let e = left.entry(t.1.as_str()).or_insert(end);
            if end > *e {
                *e = end;
            }
        }
    }
    let code = |c: Option<String>| c.filter(|c| !c.is_empty()).map(Value::Code);
    let mut out = HashMap::new();
    for (id, gender, born, nationality, labour, education) in people {
        let pid = id.as_str();
        let on = entered.get(pid).copied();
        let x = sensitive.remove(&id);
        // "Not given" is no gender fact: she is counted in the total only.
        let gender = Some(gender).filter(|g| !g.is_empty() && g != "not_given");
        let third_country = nationality
            .as_deref()
            .and_then(|n| Nationality::parse(n).ok())
            .map(|n| Value::Flag(!n.is_eu()));
        let strands: BTreeSet<String> = programmes
            .get(pid)
            .into_iter()
            .flatten()
            .flat_map(|p| strands_of.get(*p).cloned().unwrap_or_default())
            .collect();
        let gained = levels.get(pid).and_then(|l| {
            (l.len() >= 2).then(|| {
                let first = l.first().map_or(0, |x| x.1) as i64;
                let last = l.last().map_or(0, |x| x.1) as i64;
                last - first
            })
        });
        let mut facts = Facts::of(id.clone())
            .with(Fact::Gender, code(gender))
            .with(
                Fact::AgeAtEntry,
                born.zip(on)
                    .map(|(b, on)| Value::Number(i64::from(domain::identity::age_on(b, on)))),
            )
            .with(Fact::LabourStatus, code(labour))
            .with(Fact::Education, code(education))
            .with(Fact::ThirdCountry, third_country)
            .with(Fact::Disability, x.as_ref().and_then(|x| code(x.1.clone())))
            .with(Fact::Minority, x.as_ref().and_then(|x| code(x.2.clone())))
            .with(
                Fact::ForeignBackground,
                x.as_ref().and_then(|x| x.3).map(Value::Flag),
            )
            .with(
                Fact::Homeless,
                x.as_ref().and_then(|x| x.4).map(Value::Flag),
            )
            .with(
                Fact::Strands,
                Some(Value::Codes(strands.into_iter().collect())),
            )
            .with(
                Fact::SessionsAttended,
                Some(Value::Number(attended.get(pid).copied().unwrap_or(0))),
            )
            .with(
                Fact::LanguageCourse,
                Some(Value::Flag(language.contains(pid))),
            )
            .with(
                Fact::CivicOrientation,
                Some(Value::Flag(civic.contains(pid))),
            )
            .with(
                Fact::PersonalGuidance,
                Some(Value::Flag(guided.contains(&id))),
            )
            .with(Fact::LanguageLevelsGained, gained.map(Value::Number))
            .with(
                Fact::DomainsProgressed,
                progressed.get(pid).copied().map(Value::Number),
            );
        if let Some(end) = left.get(pid) {
            let window = |d: &NaiveDate| *d >= *end && *d <= *end + Duration::days(RESULT_DAYS);
            for (item, fact) in [
                ("in_education_or_training", Fact::ExitEducation),
                ("gained_qualification", Fact::ExitQualification),
                ("in_employment", Fact::ExitEmployed),
                ("job_searching", Fact::ExitJobSearching),
            ] {
                // The last answer in the window counts.
                let answer = exits
                    .get(pid)
                    .into_iter()
                    .flatten()
                    .filter(|(d, i, _)| window(d) && *i == item)
                    .map(|(_, _, yes)| *yes)
                    .next_back();
                facts.set(fact, answer.map(Value::Flag));
            }
        }
        out.insert(id, facts);
    }
    Ok((out, per_domain))
}

/// Children of mothers who attended a held session of a group with a
/// linked childcare (under 7 that day) or children's group (7 to 17).
fn children_cared(
    conn: &mut DbConn,
    s: Scope<'_>,
    sessions: &[SessionRow],
    marks: &[MarkRow],
) -> DbResult<Vec<Facts>> {
    let linked: Vec<(Option<String>, String)> = groups::table
        .filter(groups::organisation_id.eq(s.org))
        .filter(groups::parent_id.is_not_null())
        .select((groups::parent_id, groups::kind))
        .load(conn)?;
    let mut care_of: HashMap<String, HashSet<String>> = HashMap::new();
    for (parent, kind) in linked {
        if let Some(p) = parent {
            care_of.entry(p).or_default().insert(kind);
        }
    }
    let by_id: HashMap<&str, &SessionRow> = sessions.iter().map(|x| (x.id.as_str(), x)).collect();
    // Per mother, the days she attended with the care her group offers.
    let mut days: HashMap<&str, Vec<(NaiveDate, &HashSet<String>)>> = HashMap::new();
    for m in marks.iter().filter(|m| m.attended) {
        if let Some(x) = by_id.get(m.session.as_str())
            && let Some(care) = care_of.get(&x.group)
        {
            days.entry(m.participant.as_str())
                .or_default()
                .push((x.held_on, care));
        }
    }
    let mothers: Vec<&str> = days.keys().copied().collect();
    let mut out = Vec::new();
    for chunk in mothers.chunks(500) {
        let kids: Vec<(String, String, Option<NaiveDate>)> = children::table
            .filter(children::organisation_id.eq(s.org))
            .filter(children::participant_id.eq_any(chunk))
            .select((children::id, children::participant_id, children::birth_date))
            .load(conn)?;
        for (id, mother, born) in kids {
            let Some(born) = born else { continue };
            let mut list = days.get(mother.as_str()).cloned().unwrap_or_default();
            list.sort_by_key(|d| d.0);
            // The first day she came with a place for this child decides.
            let care = list.iter().find_map(|(day, care)| {
                if born > *day {
                    return None;
                }
                let age = domain::identity::age_on(born, *day);
                if age < 7 && care.contains("childcare") {
                    Some("childcare")
                } else if (7..18).contains(&age) && care.contains("childrens_group") {
                    Some("childrens_group")
                } else {
                    None
                }
            });
            if let Some(care) = care {
                out.push(
                    Facts::record(id, Some(mother.clone()))
                        .with(Fact::Care, Some(Value::Code(care.to_owned()))),
                );
            }
        }
    }
    out.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(out)
}

fn intakes_decided(conn: &mut DbConn, s: Scope<'_>) -> DbResult<Vec<Facts>> {
    let mut q = intakes::table
        .inner_join(trajectories::table)
        .filter(intakes::organisation_id.eq(s.org))
        .filter(trajectories::organisation_id.eq(s.org))
        .filter(intakes::decided_on.between(s.from, s.to))
        .select((
            intakes::trajectory_id,
            trajectories::participant_id,
            intakes::outcome,
        ))
        .into_boxed();
    if let Some(p) = s.programme {
        q = q.filter(trajectories::programme_id.eq(p));
    }
    let rows: Vec<(String, String, Option<String>)> = q.load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, p, outcome)| {
            Facts::record(id, Some(p)).with(Fact::IntakeOutcome, outcome.map(Value::Code))
        })
        .collect())
}

fn referrals_made(
    conn: &mut DbConn,
    s: Scope<'_>,
    people: &BTreeSet<String>,
) -> DbResult<Vec<Facts>> {
    let rows: Vec<(String, String, String)> = referrals::table
        .filter(referrals::organisation_id.eq(s.org))
        .filter(referrals::referred_on.between(s.from, s.to))
        .select((referrals::id, referrals::participant_id, referrals::status))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter(|r| people.contains(&r.1))
        .map(|(id, p, status)| {
            Facts::record(id, Some(p)).with(Fact::ReferralStatus, Some(Value::Code(status)))
        })
        .collect())
}

fn signals_raised(
    conn: &mut DbConn,
    s: Scope<'_>,
    people: &BTreeSet<String>,
) -> DbResult<Vec<Facts>> {
    let rows: Vec<(String, String, String)> = signals::table
        .inner_join(signal_participants::table)
        .filter(signals::organisation_id.eq(s.org))
        .filter(signal_participants::organisation_id.eq(s.org))
        .filter(signals::noted_on.between(s.from, s.to))
        .select((
            signals::id,
            signal_participants::participant_id,
            signals::category,
        ))
        .load(conn)?;
    // A signal counts once, for the first of its participants in scope.
    Ok(rows
        .into_iter()
        .filter(|r| people.contains(&r.1))
        .map(|(id, p, category)| {
            Facts::record(id, Some(p)).with(Fact::SignalCategory, Some(Value::Code(category)))
        })
        .collect())
}

fn evaluations_held(conn: &mut DbConn, s: Scope<'_>) -> DbResult<Vec<Facts>> {
    let mut q = plan_evaluations::table
        .inner_join(plans::table.inner_join(trajectories::table))
        .filter(plan_evaluations::organisation_id.eq(s.org))
        .filter(trajectories::organisation_id.eq(s.org))
        .filter(plan_evaluations::held_on.le(s.to))
        .select((
            plan_evaluations::id,
            plan_evaluations::plan_id,
            trajectories::participant_id,
            plan_evaluations::held_on,
            plans::starts_on,
            plans::rhythm_months,
        ))
        .order((plan_evaluations::plan_id, plan_evaluations::held_on))
        .into_boxed();
    if let Some(p) = s.programme {
        q = q.filter(trajectories::programme_id.eq(p));
    }
    let rows: Vec<(String, String, String, NaiveDate, NaiveDate, i32)> = q.load(conn)?;
    let mut out = Vec::new();
    let mut previous: Option<(String, NaiveDate)> = None;
    for (id, plan, p, held, starts, rhythm) in rows {
        let since = match &previous {
            Some((last_plan, last)) if *last_plan == plan => *last,
            _ => starts,
        };
        previous = Some((plan, held));
        if held < s.from {
            continue;
        }
        let due = since
            .checked_add_months(chrono::Months::new(u32::try_from(rhythm).unwrap_or(0)))
            .unwrap_or(since);
        out.push(Facts::record(id, Some(p)).with(Fact::OnTime, Some(Value::Flag(held <= due))));
    }
    Ok(out)
}

fn responses_given(conn: &mut DbConn, s: Scope<'_>) -> DbResult<Vec<Facts>> {
    let first = s.from.format("%Y-%m").to_string();
    let last = s.to.format("%Y-%m").to_string();
    let mut q = anonymous_answers::table
        .inner_join(anonymous_responses::table)
        .filter(anonymous_responses::organisation_id.eq(s.org))
        .filter(anonymous_answers::organisation_id.eq(s.org))
        .filter(anonymous_responses::instrument_key.eq(SATISFACTION))
        .filter(anonymous_responses::month.between(first, last))
        .filter(anonymous_answers::item_key.eq("helpful_for_integration"))
        .select((anonymous_responses::id, anonymous_answers::value_num))
        .into_boxed();
    if let Some(p) = s.programme {
        q = q.filter(anonymous_responses::programme_id.eq(p));
    }
    let rows: Vec<(String, Option<i64>)> = q.load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, helpful)| {
            Facts::record(id, None).with(Fact::Helpful, helpful.map(|n| Value::Flag(n != 0)))
        })
        .collect())
}

/// Per month of the period ("2026-03"): attendance marks at held sessions
/// and how many were present or late.
fn by_month(s: Scope<'_>, sessions: &[SessionRow], marks: &[MarkRow]) -> Vec<(String, i64, i64)> {
    let month: HashMap<&str, String> = sessions
        .iter()
        .map(|x| (x.id.as_str(), x.held_on.format("%Y-%m").to_string()))
        .collect();
    let mut out: std::collections::BTreeMap<String, (i64, i64)> = std::collections::BTreeMap::new();
    // Every month of the period shows, those without sessions too.
    let mut day = s.from;
    while day <= s.to {
        out.entry(day.format("%Y-%m").to_string()).or_default();
        day = day
            .checked_add_months(chrono::Months::new(1))
            .unwrap_or(s.to + Duration::days(1));
    }
    for m in marks {
        if let Some(key) = month.get(m.session.as_str()) {
            let e = out.entry(key.clone()).or_default();
            e.0 += 1;
            e.1 += i64::from(m.attended);
        }
    }
    out.into_iter().map(|(k, (a, b))| (k, a, b)).collect()
}
