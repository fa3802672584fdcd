//! Finding people: search while typing (any spelling of a name, a phone
//! number, a national number), the filtered list, and the possible duplicates
//! shown at intake before a new file is created.

use super::{AccessError, Origin, ParticipantQuery, casemanagers_of, scope, visible};
use crate::audit::Event;
use crate::error::{DbError, DbResult};
use crate::models::*;
use crate::pool::DbConn;
use crate::schema::*;
use chrono::NaiveDate;
use diesel::IntoSql;
use diesel::prelude::*;
use domain::identity::{NationalNumber, PhoneNumber};
use domain::participant::FileFacts;
use domain::policy::{Action, Actor, Resource, authorize};
use std::collections::{BTreeSet, HashMap};

/// Lines per page of the list.
pub const PER_PAGE: i64 = 25;

/// Pages for `total` matches: at least one, which then says "nothing found".
fn pages_for(total: i64) -> i64 {
    ((total + PER_PAGE - 1) / PER_PAGE).max(1)
}

#[derive(Debug, Clone, Default)]
pub struct SearchQuery {
    /// A name in any spelling (words match from their start), a phone number,
    /// an email address or a national number.
    pub text: String,
    pub programme_id: Option<String>,
    pub status: Option<String>,
    pub phase: Option<i32>,
    pub casemanager_id: Option<String>,
    /// 1-based.
    pub page: i64,
}

/// One line of the list: nothing sensitive.
#[derive(Debug, Clone)]
pub struct SearchLine {
    pub id: String,
    pub first_name: String,
    pub last_name: String,
    pub birth_date: Option<NaiveDate>,
    pub language: String,
    pub programme: Option<String>,
    pub status: Option<String>,
    pub phase_code: Option<String>,
    pub casemanager: Option<String>,
}

#[derive(Debug, Clone)]
pub struct SearchPage {
    pub lines: Vec<SearchLine>,
    pub total: i64,
    pub page: i64,
    pub pages: i64,
}

/// What kind of text was searched, for the trail (never the text itself:
/// it may be a national number).
fn kind_of(text: &str) -> (&'static str, Option<String>) {
    let t = text.trim();
    if t.is_empty() {
        return ("all", None);
    }
    let digits: String = t.chars().filter(char::is_ascii_digit).collect();
    let only_number_chars = t
        .chars()
        .all(|c| c.is_ascii_digit() || " .-/+()".contains(c));
    if only_number_chars
        && digits.len() == 11
        && let Ok(n) = NationalNumber::parse(t)
    {
        return ("national_number", Some(n.digits().to_owned()));
    }
    if only_number_chars && digits.len() >= 8 {
        if let Ok(p) = PhoneNumber::parse(t) {
            return ("phone", Some(p.e164().to_owned()));
        }
        return ("number", Some(digits));
    }
    if t.contains('@') {
        return ("email", Some(t.to_lowercase()));
    }
    ("name", None)
}

/// The end of a key range: every key that starts with `prefix` sorts before it.
fn prefix_end(prefix: &str) -> String {
    format!("{prefix}~")
}

/// Narrows a query to what was asked.
struct Filters {
    org: String,
    kind: &'static str,
    value: Option<String>,
    /// Phonetic keys of the words typed: each must start one of her name keys.
    words: Vec<String>,
    query: SearchQuery,
}

impl Filters {
    fn new(org: &str, query: &SearchQuery) -> Self {
        let (kind, value) = kind_of(&query.text);
        let words = if kind == "name" {
            query
                .text
                .split(|c: char| c.is_whitespace() || c == ',')
                .map(domain::phonetic::key)
                .filter(|k| !k.is_empty())
                .collect()
        } else {
            Vec::new()
        };
        Self {
            org: org.to_owned(),
            kind,
            value,
            words,
            query: query.clone(),
        }
    }

    fn apply(&self, mut q: ParticipantQuery) -> ParticipantQuery {
        let org = || self.org.clone();
        match (self.kind, &self.value) {
            ("national_number", Some(n)) => {
                q = q.filter(
                    participants::id.eq_any(
                        participant_sensitive::table
                            .filter(participant_sensitive::organisation_id.eq(org()))
                            .filter(participant_sensitive::national_number.eq(n.clone()))
                            .select(participant_sensitive::participant_id),
                    ),
                )
            }
            ("phone", Some(p)) => q = q.filter(participants::phone.eq(p.clone())),
            ("email", Some(m)) => q = q.filter(participants::email.eq(m.clone())),
            // A number that is neither: nobody.
            ("number", _) => q = q.filter(participants::id.eq("")),
            _ => {}
        }
        for k in &self.words {
            q = q.filter(
                participants::id.eq_any(
                    participant_name_keys::table
                        .filter(participant_name_keys::organisation_id.eq(org()))
                        .filter(participant_name_keys::name_key.ge(k.clone()))
                        .filter(participant_name_keys::name_key.lt(prefix_end(k)))
                        .select(participant_name_keys::participant_id),
                ),
            );
        }
        let f = &self.query;
        if f.programme_id.is_some()
            || f.status.is_some()
            || f.phase.is_some()
            || f.casemanager_id.is_some()
        {
            // One trajectory must match every filter given; a filter not
            // given is a constant true (a boxed subquery cannot span backends).
            let any = |given: bool| (!given).into_sql::<diesel::sql_types::Bool>();
            let t = trajectories::table
                .filter(trajectories::organisation_id.eq(org()))
                .filter(
                    trajectories::programme_id
                        .eq(f.programme_id.clone().unwrap_or_default())
                        .or(any(f.programme_id.is_some())),
                )
                .filter(
                    trajectories::status
                        .eq(f.status.clone().unwrap_or_default())
                        .or(any(f.status.is_some())),
                )
                .filter(
                    trajectories::phase
                        .eq(f.phase.unwrap_or_default())
                        .or(any(f.phase.is_some()))
                        .assume_not_null(),
                )
                .filter(
                    trajectories::casemanager_id
                        .eq(f.casemanager_id.clone().unwrap_or_default())
                        .or(any(f.casemanager_id.is_some()))
                        .assume_not_null(),
                )
                .select(trajectories::participant_id);
            q = q.filter(participants::id.eq_any(t));
        }
        q
    }
}

/// Finds participants the actor may list, a page at a time. Searches by
/// name, phone or number are recorded (by kind, never the text).
pub fn search(
    conn: &mut DbConn,
    actor: &Actor,
    query: &SearchQuery,
    origin: Origin<'_>,
) -> Result<SearchPage, AccessError> {
    let org = actor.organisation_id().unwrap_or_default().to_owned();
    let filters = Filters::new(&org, query);
    let kind = filters.kind;
    let actor2 = actor.clone();
    let (rows, total, page, pages) = visible(conn, actor, origin, move |conn, base| {
        let order = (
            participants::last_name,
            participants::first_name,
            participants::id,
        );
        // Text typed (a name's keys, a number): the page asked for carries
        // the number of matches, a window over all of them before LIMIT, so
        // the name keys are evaluated once instead of for a count and again
        // for the page (a two-word name on a city's instance: 9.7 ms of
        // statements, 1.6 ms this way). Not for the plain list, whose page
        // comes in the name index's order without visiting all of the
        // organisation's rows, while a window would (0.8 ms against 3.1 ms).
        let typed = !filters.words.is_empty() || filters.value.is_some();
        let asked = filters.query.page.max(1);
        let base = if typed {
            let found: Vec<(Participant, i64)> = filters
                .apply(base)
                .order(order)
                .limit(PER_PAGE)
                .offset((asked - 1) * PER_PAGE)
                .select((
                    Participant::as_select(),
                    diesel::dsl::sql::<diesel::sql_types::BigInt>("COUNT(*) OVER ()"),
                ))
                .load(conn)?;
            if let Some((_, total)) = found.first() {
                let total = *total;
                let pages = pages_for(total);
                let rows = found.into_iter().map(|(p, _)| p).collect();
                return Ok((rows, total, asked, pages));
            }
            if asked == 1 {
                return Ok((Vec::new(), 0, 1, 1));
            }
            // A page past the end: count, and show the last page instead.
            scope(&actor2).map_err(|_| DbError::Invalid("scope"))?
        } else {
            base
        };
        let total: i64 = filters.apply(base).count().get_result(conn)?;
        let pages = pages_for(total);
        let page = asked.min(pages);
        let again = scope(&actor2).map_err(|_| DbError::Invalid("scope"))?;
        let rows: Vec<Participant> = filters
            .apply(again)
            .order(order)
            .limit(PER_PAGE)
            .offset((page - 1) * PER_PAGE)
            .select(Participant::as_select())
            .load(conn)?;
        Ok((rows, total, page, pages))
    })?;
    let lines = crate::backend::read_tx(conn, |conn| lines_for(conn, &org, rows))?;
    if kind != "all" {
        origin.record(
            conn,
            &[Event::by(actor, "participant.search", origin.ip, origin.at).detail(kind)],
        )?;
    }
    Ok(SearchPage {
        lines,
        total,
        page,
        pages,
    })
}

/// The list lines of a page of participants, with the trajectory that
/// matters most (the open one, else the latest).
fn lines_for(conn: &mut DbConn, org: &str, rows: Vec<Participant>) -> DbResult<Vec<SearchLine>> {
    let ids: Vec<String> = rows.iter().map(|p| p.id.clone()).collect();
    let trajectories: Vec<(Trajectory, String)> = crate::direct!(conn, |c| trajectories::table
        .inner_join(programmes::table.on(programmes::id.eq(trajectories::programme_id)))
        .filter(trajectories::organisation_id.eq(org))
        .filter(trajectories::participant_id.eq_any(&ids))
        .order(trajectories::referred_on.desc())
        .select((Trajectory::as_select(), programmes::name))
        .load(c))?;
    let programme_ids: BTreeSet<&str> = trajectories
        .iter()
        .map(|(t, _)| t.programme_id.as_str())
        .collect();
    let phases: Vec<(String, i32, String)> = crate::direct!(conn, |c| programme_phases::table
        .filter(programme_phases::organisation_id.eq(org))
        .filter(programme_phases::programme_id.eq_any(programme_ids))
        .select((
            programme_phases::programme_id,
            programme_phases::position,
            programme_phases::code,
        ))
        .load(c))?;
    let cm_ids: BTreeSet<&str> = trajectories
        .iter()
        .filter_map(|(t, _)| t.casemanager_id.as_deref())
        .collect();
    let names: HashMap<String, String> = crate::direct!(conn, |c| users::table
        .filter(users::id.eq_any(cm_ids))
        .select((users::id, users::display_name))
        .load::<(String, String)>(c))?
    .into_iter()
    .collect();
    let status_of = |s: &str| s.parse::<domain::model::TrajectoryStatus>().ok();
    Ok(rows
        .into_iter()
        .map(|p| {
            let mine: Vec<&(Trajectory, String)> = trajectories
                .iter()
                .filter(|(t, _)| t.participant_id == p.id)
                .collect();
            let main = mine
                .iter()
                .find(|(t, _)| status_of(&t.status).is_some_and(|s| s.is_open()))
                .or(mine.first())
                .copied();
            SearchLine {
                programme: main.map(|(_, n)| n.clone()),
                status: main.map(|(t, _)| t.status.clone()),
                phase_code: main.and_then(|(t, _)| {
                    phases
                        .iter()
                        .find(|(prog, pos, _)| *prog == t.programme_id && Some(*pos) == t.phase)
                        .map(|(_, _, c)| c.clone())
                }),
                casemanager: main
                    .and_then(|(t, _)| t.casemanager_id.as_ref())
                    .and_then(|id| names.get(id).cloned()),
                id: p.id,
                first_name: p.first_name,
                last_name: p.last_name,
                birth_date: p.birth_date,
                language: p.language,
            }
        })
        .collect())
}

/// A file that may be the same person as the one about to be created.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub id: String,
    pub first_name: String,
    pub last_name: String,
    pub birth_date: Option<NaiveDate>,
    /// What matched: `national_number`, `phone`, `email`, `name`.
    pub reasons: Vec<&'static str>,
    /// Whether the policy lets the actor open that file.
    pub may_open: bool,
}

/// Birth dates this close count as "close" for a name that sounds alike.
const CLOSE_BIRTH_DAYS: i64 = 2 * 366;

fn ids_with_keys(conn: &mut DbConn, org: &str, keys: &[String]) -> DbResult<BTreeSet<String>> {
    if keys.is_empty() {
        return Ok(BTreeSet::new());
    }
    Ok(crate::direct!(conn, |c| participant_name_keys::table
        .filter(participant_name_keys::organisation_id.eq(org))
        .filter(participant_name_keys::name_key.eq_any(keys))
        .select(participant_name_keys::participant_id)
        .distinct()
        .load::<String>(c))?
    .into_iter()
    .collect())
}

/// People of the organisation who may be the person described: the same
/// national number, phone or email, or a first and last name that sound
/// alike (either way round) with a close or unknown birth date.
pub fn duplicates(
    conn: &mut DbConn,
    actor: &Actor,
    facts: &FileFacts,
    exclude: Option<&str>,
    origin: Origin<'_>,
) -> Result<Vec<Candidate>, AccessError> {
    let org = actor.organisation_id().unwrap_or_default().to_owned();
    if let Err(why) = authorize(
        actor,
        Action::CreateParticipant,
        Resource::Organisation { id: &org },
        None,
    ) {
        origin.record(
            conn,
            &[super::refusal(
                actor,
                "participant.duplicates",
                None,
                why,
                origin,
            )],
        )?;
        return Err(AccessError::Denied(why));
    }
    let candidates = conn.transaction(|conn| -> DbResult<Vec<Candidate>> {
        let mut reasons: HashMap<String, Vec<&'static str>> = HashMap::new();
        if let Some(n) = &facts.sensitive.national_number {
            for id in participant_sensitive::table
                .filter(participant_sensitive::organisation_id.eq(&org))
                .filter(participant_sensitive::national_number.eq(n.digits()))
                .select(participant_sensitive::participant_id)
                .load::<String>(conn)?
            {
                reasons.entry(id).or_default().push("national_number");
            }
        }
        if let Some(p) = &facts.phone {
            for id in participants::table
                .filter(participants::organisation_id.eq(&org))
                .filter(participants::phone.eq(p.e164()))
                .select(participants::id)
                .load::<String>(conn)?
            {
                reasons.entry(id).or_default().push("phone");
            }
        }
        if let Some(m) = &facts.email {
            for id in participants::table
                .filter(participants::organisation_id.eq(&org))
                .filter(participants::email.eq(m.as_str()))
                .select(participants::id)
                .load::<String>(conn)?
            {
                reasons.entry(id).or_default().push("email");
            }
        }
        let first = domain::participant::name_keys(std::iter::once(facts.first_name.as_str()));
        let last = domain::participant::name_keys(
            std::iter::once(facts.last_name.as_str())
                .chain(facts.other_names.iter().map(String::as_str)),
        );
        let with_first = ids_with_keys(conn, &org, &first)?;
        let with_last = ids_with_keys(conn, &org, &last)?;
        // Keys are not tied to a field, so names written the other way
        // round (family name first) meet too.
        let by_name: BTreeSet<String> = with_first.intersection(&with_last).cloned().collect();
        let mut ids: BTreeSet<String> = reasons.keys().cloned().collect();
        ids.extend(by_name.iter().cloned());
        if let Some(x) = exclude {
            ids.remove(x);
        }
        let rows: Vec<Participant> = crate::direct!(conn, |c| participants::table
            .filter(participants::organisation_id.eq(&org))
            .filter(participants::id.eq_any(&ids))
            .order((participants::last_name, participants::first_name))
            .select(Participant::as_select())
            .load(c))?;
        let mut out = Vec::new();
        for p in rows {
            let mut why = reasons.remove(&p.id).unwrap_or_default();
            if by_name.contains(&p.id) {
                let close = match (p.birth_date, facts.birth_date) {
                    (Some(a), Some(b)) => (a - b).num_days().abs() <= CLOSE_BIRTH_DAYS,
                    _ => true,
                };
                if close {
                    why.push("name");
                }
            }
            if why.is_empty() {
                continue;
            }
            let casemanagers = casemanagers_of(conn, &org, &p.id)?;
            let may_open = authorize(
                actor,
                Action::ReadParticipantFile,
                Resource::Participant {
                    organisation_id: &org,
                    casemanager_ids: &casemanagers,
                    facilitator_ids: &[],
                },
                None,
            )
            .is_ok();
            out.push(Candidate {
                id: p.id,
                first_name: p.first_name,
                last_name: p.last_name,
                birth_date: p.birth_date,
                reasons: why,
                may_open,
            });
        }
        Ok(out)
    })?;
    if !candidates.is_empty() {
        let ids: Vec<&str> = candidates.iter().map(|c| c.id.as_str()).collect();
        origin.record(
            conn,
            &[
                Event::by(actor, "participant.duplicates", origin.ip, origin.at)
                    .detail(&ids.join(",")),
            ],
        )?;
    }
    Ok(candidates)
}
