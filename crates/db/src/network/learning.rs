//! Intervision, supervision and training: a log per staff member, the
//! rhythm a programme asks for (Miriam: intervision every six weeks), who
//! is overdue, and hours per person and year for the funder.

use crate::audit::{self, Event};
use crate::backend::write_tx;
use crate::error::{DbError, DbResult};
use crate::models::new_id;
use crate::participants::{AccessError, Origin};
use crate::pool::DbConn;
use crate::schema::*;
use chrono::NaiveDate;
use diesel::prelude::*;
use domain::network::{LearningKind, intervision_due};
use domain::participant::FieldError;
use domain::policy::{Action, Actor, Resource, authorize};
use std::collections::{BTreeMap, HashMap};

/// An entry as typed in.
#[derive(Debug, Clone, Default)]
pub struct LearningInput {
    pub kind: String,
    pub held_on: Option<NaiveDate>,
    /// Hours, with a decimal point or comma ("1,5").
    pub hours: String,
    pub topic: String,
    pub with_whom: String,
    /// Staff it is logged for; empty: the actor herself. Logging for others
    /// (one intervision for the whole team) is for coordinators.
    pub user_ids: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum LearningError {
    #[error(transparent)]
    Access(#[from] AccessError),
    #[error("invalid input")]
    Invalid(Vec<FieldError>),
}

from_storage_errors!(LearningError);

/// Minutes from hours typed with a point or a comma, in quarters of an hour
/// at most; 15 minutes to 40 hours.
pub fn parse_hours(raw: &str) -> Option<i32> {
    let h: f64 = raw.trim().replace(',', ".").parse().ok()?;
    let minutes = (h * 60.0).round();
    (15.0..=2400.0).contains(&minutes).then_some(minutes as i32)
}

/// Logs an entry for the actor, or for several staff members at once.
/// Returns how many entries were written.
pub fn log(
    conn: &mut DbConn,
    actor: &Actor,
    input: &LearningInput,
    origin: Origin<'_>,
) -> Result<usize, LearningError> {
    let org = crate::groups::require(conn, actor, Action::KeepLearningLog, "learning.log", origin)?;
    let today = domain::clock::brussels_date(origin.at.and_utc());
    let for_others = input.user_ids.iter().any(|u| u != actor.user_id());
    if for_others {
        crate::groups::require(
            conn,
            actor,
            Action::ReadTeamLearning,
            "learning.log",
            origin,
        )?;
    }
    let mut errors = Vec::new();
    let kind = input.kind.parse::<LearningKind>();
    if kind.is_err() {
        errors.push(FieldError {
            field: "learning_kind",
            code: "invalid-choice",
        });
    }
    let held_on = input.held_on.unwrap_or(today);
    if held_on > today || held_on < today - chrono::Duration::days(3 * 366) {
        errors.push(FieldError {
            field: "held_on",
            code: "date-out-of-range",
        });
    }
    let minutes = parse_hours(&input.hours);
    if minutes.is_none() {
        errors.push(FieldError {
            field: "hours",
            code: "out-of-range",
        });
    }
    if input.topic.trim().is_empty() {
        errors.push(FieldError {
            field: "topic",
            code: "required",
        });
    }
    let staff = super::meetings::staff(conn, &org)?;
    let users: Vec<String> = if input.user_ids.is_empty() {
        vec![actor.user_id().to_owned()]
    } else {
        let mut u = input.user_ids.clone();
        u.sort();
        u.dedup();
        u
    };
    if !users.iter().all(|u| staff.iter().any(|(s, _)| s == u)) {
        errors.push(FieldError {
            field: "user_ids",
            code: "invalid-choice",
        });
    }
    let (Ok(kind), Some(minutes), true) = (kind, minutes, errors.is_empty()) else {
        return Err(LearningError::Invalid(errors));
    };
    write_tx(conn, |conn| -> Result<usize, LearningError> {
        for u in &users {
            crate::direct!(conn, |c| diesel::insert_into(learning_log::table)
                .values((
                    learning_log::id.eq(new_id()),
                    learning_log::organisation_id.eq(&org),
                    learning_log::user_id.eq(u),
                    learning_log::kind.eq(kind.code()),
                    learning_log::held_on.eq(held_on),
                    learning_log::minutes.eq(minutes),
                    learning_log::topic.eq(input.topic.trim()),
                    learning_log::with_whom.eq(input.with_whom.trim()),
                    learning_log::recorded_by.eq(Some(actor.user_id())),
                    learning_log::created_at.eq(origin.at),
                ))
                .execute(c))?;
        }
        audit::record(
            conn,
            &Event::by(actor, "learning.log", origin.ip, origin.at).detail(&format!(
                "{} for {}",
                kind.code(),
                users.len()
            )),
        )?;
        Ok(users.len())
    })
}

/// One entry of a log.
#[derive(Debug, Clone)]
pub struct Entry {
    pub user_id: String,
    pub name: String,
    pub kind: String,
    pub held_on: NaiveDate,
    pub minutes: i32,
    pub topic: String,
    pub with_whom: String,
}

/// Someone whose intervision is overdue for a programme's rhythm.
#[derive(Debug, Clone, PartialEq)]
pub struct Overdue {
    pub user_id: String,
    pub name: String,
    pub programme: String,
    pub last: Option<NaiveDate>,
    pub due: NaiveDate,
}

/// Hours per person in a year, by kind.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Hours {
    pub user_id: String,
    pub name: String,
    pub intervision: i64,
    pub supervision: i64,
    pub training: i64,
}

impl Hours {
    pub fn total(&self) -> i64 {
        self.intervision + self.supervision + self.training
    }
}

/// What the learning page shows: the log (the actor's own, or everyone's
/// for a coordinator or administrator), the year's hours, who is overdue.
#[derive(Debug, Clone, Default)]
pub struct Overview {
    pub team: bool,
    pub entries: Vec<Entry>,
    /// Minutes per person and kind in `year`.
    pub hours: Vec<Hours>,
    pub year: i32,
    pub overdue: Vec<Overdue>,
}

pub fn overview(
    conn: &mut DbConn,
    actor: &Actor,
    year: i32,
    today: NaiveDate,
    origin: Origin<'_>,
) -> Result<Overview, AccessError> {
    let org = crate::groups::require(
        conn,
        actor,
        Action::KeepLearningLog,
        "learning.read",
        origin,
    )?;
    let team = authorize(
        actor,
        Action::ReadTeamLearning,
        Resource::Organisation { id: &org },
        None,
    )
    .is_ok();
    let me = actor.user_id().to_owned();
    Ok(conn.transaction(|conn| -> DbResult<Overview> {
        let mut q = learning_log::table
            .inner_join(users::table)
            .filter(learning_log::organisation_id.eq(org.clone()))
            .order((learning_log::held_on.desc(), users::display_name))
            .select((
                learning_log::user_id,
                users::display_name,
                learning_log::kind,
                learning_log::held_on,
                learning_log::minutes,
                learning_log::topic,
                learning_log::with_whom,
            ))
            .into_boxed();
        if !team {
            q = q.filter(learning_log::user_id.eq(me.clone()));
        }
        let entries: Vec<Entry> = q
            .limit(1000)
            .load::<(String, String, String, NaiveDate, i32, String, String)>(conn)?
            .into_iter()
            .map(|r| Entry {
                user_id: r.0,
                name: r.1,
                kind: r.2,
                held_on: r.3,
                minutes: r.4,
                topic: r.5,
                with_whom: r.6,
            })
            .collect();
        let hours = hours_in(conn, &org, year, (!team).then_some(me.as_str()))?;
        let mut overdue = overdue(conn, &org, today)?;
        if !team {
            overdue.retain(|o| o.user_id == me);
        }
        Ok(Overview {
            team,
            entries,
            hours,
            year,
            overdue,
        })
    })?)
}

/// Minutes per person and kind in a year (of one person when given).
pub fn hours_in(
    conn: &mut DbConn,
    org: &str,
    year: i32,
    user: Option<&str>,
) -> DbResult<Vec<Hours>> {
    let (Some(from), Some(to)) = (
        NaiveDate::from_ymd_opt(year, 1, 1),
        NaiveDate::from_ymd_opt(year, 12, 31),
    ) else {
        return Ok(Vec::new());
    };
    let mut q = learning_log::table
        .inner_join(users::table)
        .filter(learning_log::organisation_id.eq(org.to_owned()))
        .filter(learning_log::held_on.between(from, to))
        .select((
            learning_log::user_id,
            users::display_name,
            learning_log::kind,
            learning_log::minutes,
        ))
        .into_boxed();
    if let Some(u) = user {
        q = q.filter(learning_log::user_id.eq(u.to_owned()));
    }
    let mut by: BTreeMap<(String, String), Hours> = BTreeMap::new();
    for (id, name, kind, minutes) in q.load::<(String, String, String, i32)>(conn)? {
        let h = by
            .entry((name.clone(), id.clone()))
            .or_insert_with(|| Hours {
                user_id: id,
                name,
                ..Default::default()
            });
        let m = i64::from(minutes);
        match kind.parse::<LearningKind>() {
            Ok(LearningKind::Intervision) => h.intervision += m,
            Ok(LearningKind::Supervision) => h.supervision += m,
            Ok(LearningKind::Training) => h.training += m,
            Err(_) => {}
        }
    }
    Ok(by.into_values().collect())
}

/// Staff whose intervision is overdue: for each programme with a rhythm,
/// those who work in it (casemanager of an open trajectory, facilitator of
/// an active group), measured from their last intervision, or from the
/// day they joined the organisation.
pub fn overdue(conn: &mut DbConn, org: &str, today: NaiveDate) -> DbResult<Vec<Overdue>> {
    // The organisation's active programmes with an intervision rhythm.
    let rhythmic = programmes::table
        .filter(programmes::organisation_id.eq(org))
        .filter(programmes::active.eq(true))
        .filter(programmes::intervision_weeks.is_not_null());
    let programmes: Vec<(String, String, Option<i32>)> = crate::direct!(conn, |c| rhythmic
        .order(programmes::name)
        .select((
            programmes::id,
            programmes::name,
            programmes::intervision_weeks,
        ))
        .load(c))?;
    if programmes.is_empty() {
        return Ok(Vec::new());
    }
    // The same programmes as a subquery, not a list of ids: a statement
    // with a list of binds is prepared anew on every call (SQLite), and this
    // runs on every dashboard.
    let with_rhythm = rhythmic.select(programmes::id);
    let mut workers: Vec<(String, String)> = crate::direct!(conn, |c| trajectories::table
        .filter(trajectories::organisation_id.eq(org))
        .filter(trajectories::programme_id.eq_any(with_rhythm))
        .filter(crate::participants::trajectory::open())
        .filter(trajectories::casemanager_id.is_not_null())
        .select((trajectories::programme_id, trajectories::casemanager_id))
        .distinct()
        .load::<(String, Option<String>)>(c))?
    .into_iter()
    .filter_map(|(p, u)| u.map(|u| (p, u)))
    .collect();
    workers.extend(crate::direct!(conn, |c| group_facilitators::table
        .inner_join(groups::table)
        .filter(groups::organisation_id.eq(org))
        .filter(groups::active.eq(true))
        .filter(groups::programme_id.eq_any(with_rhythm))
        .select((groups::programme_id, group_facilitators::user_id))
        .distinct()
        .load::<(String, String)>(c))?);
    workers.sort();
    workers.dedup();
    let people: HashMap<String, (String, NaiveDate)> =
        crate::direct!(conn, |c| memberships::table
            .inner_join(users::table)
            .filter(memberships::organisation_id.eq(org))
            .filter(users::active.eq(true))
            .select((users::id, users::display_name, memberships::created_at))
            .load::<(String, String, chrono::NaiveDateTime)>(c))?
        .into_iter()
        .map(|(id, name, at)| (id, (name, at.date())))
        .collect();
    let last: HashMap<String, NaiveDate> = crate::direct!(conn, |c| learning_log::table
        .filter(learning_log::organisation_id.eq(org))
        .filter(learning_log::kind.eq(LearningKind::Intervision.code()))
        .filter(learning_log::held_on.le(today))
        .group_by(learning_log::user_id)
        .select((
            learning_log::user_id,
            diesel::dsl::max(learning_log::held_on),
        ))
        .load::<(String, Option<NaiveDate>)>(c))?
    .into_iter()
    .filter_map(|(u, d)| d.map(|d| (u, d)))
    .collect();
    let mut out = Vec::new();
    for (pid, name, weeks) in &programmes {
        let Some(weeks) = weeks.and_then(|w| u32::try_from(w).ok()) else {
            continue;
        };
        for (_, user) in workers.iter().filter(|(p, _)| p == pid) {
            let Some((who, since)) = people.get(user) else {
                continue;
            };
            let l = last.get(user).copied();
            let (due, late) = intervision_due(l, *since, weeks, today);
            if late {
                out.push(Overdue {
                    user_id: user.clone(),
                    name: who.clone(),
                    programme: name.clone(),
                    last: l,
                    due,
                });
            }
        }
    }
    out.sort_by(|a, b| a.due.cmp(&b.due).then(a.name.cmp(&b.name)));
    Ok(out)
}

/// Sets a programme's intervision rhythm in weeks (None: no rhythm).
pub fn set_rhythm(
    conn: &mut DbConn,
    actor: &Actor,
    programme_id: &str,
    weeks: Option<i32>,
    origin: Origin<'_>,
) -> Result<(), LearningError> {
    let org = crate::groups::require(
        conn,
        actor,
        Action::ManageProgrammes,
        "learning.rhythm",
        origin,
    )?;
    if weeks.is_some_and(|w| !(1..=52).contains(&w)) {
        return Err(LearningError::Invalid(vec![FieldError {
            field: "intervision_weeks",
            code: "out-of-range",
        }]));
    }
    write_tx(conn, |conn| -> Result<(), LearningError> {
        let n = diesel::update(
            programmes::table
                .filter(programmes::organisation_id.eq(&org))
                .filter(programmes::id.eq(programme_id)),
        )
        .set(programmes::intervision_weeks.eq(weeks))
        .execute(conn)?;
        if n == 0 {
            return Err(DbError::NotFound("programme").into());
        }
        audit::record(
            conn,
            &Event::by(actor, "learning.rhythm", origin.ip, origin.at)
                .about("programme", programme_id)
                .detail(&weeks.map_or("none".to_owned(), |w| w.to_string())),
        )?;
        Ok(())
    })
}

/// A programme's intervision rhythm in weeks.
pub fn rhythm_of(conn: &mut DbConn, org: &str, programme_id: &str) -> DbResult<Option<i32>> {
    Ok(crate::direct!(conn, |c| programmes::table
        .filter(programmes::organisation_id.eq(org))
        .filter(programmes::id.eq(programme_id))
        .select(programmes::intervision_weeks)
        .first::<Option<i32>>(c))
    .optional()?
    .flatten())
}

/// The organisation's active programmes with their intervision rhythm.
pub fn rhythms(conn: &mut DbConn, org: &str) -> DbResult<Vec<(String, String, Option<i32>)>> {
    Ok(crate::direct!(conn, |c| programmes::table
        .filter(programmes::organisation_id.eq(org))
        .filter(programmes::active.eq(true))
        .order(programmes::name)
        .select((
            programmes::id,
            programmes::name,
            programmes::intervision_weeks,
        ))
        .load(c))?)
}

#[cfg(test)]
mod tests {
    use super::parse_hours;

    #[test]
    fn hours_with_a_comma_or_a_point() {
        assert_eq!(parse_hours("1,5"), Some(90));
        assert_eq!(parse_hours("2"), Some(120));
        assert_eq!(parse_hours("0.1"), None);
        assert_eq!(parse_hours("x"), None);
    }
}
