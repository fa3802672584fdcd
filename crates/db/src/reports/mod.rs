//! Reports (issue 16, first part): the facts of a programme's participants
//! who entered it in a period, as the indicator engine in
//! `domain::indicators` reads them. Each participant appears once, with her
//! facts at her first entry in the period.

use crate::error::DbResult;
use crate::pool::DbConn;
use crate::schema::*;
use chrono::{Datelike, NaiveDate};
use diesel::prelude::*;
use domain::indicators::{Fact, Facts, Value};
use domain::participant::Nationality;
use std::collections::HashMap;

/// Full years from `born` to `on`.
fn age_on(born: NaiveDate, on: NaiveDate) -> i64 {
    let mut years = i64::from(on.year() - born.year());
    if (on.month(), on.day()) < (born.month(), born.day()) {
        years -= 1;
    }
    years
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

/// The participants of the organisation's programme who entered it (the
/// day the trajectory started) between `from` and `to`, inclusive. For a
/// caller that has authorised the report.
pub fn entrants(
    conn: &mut DbConn,
    org: &str,
    programme_id: &str,
    from: NaiveDate,
    to: NaiveDate,
) -> DbResult<Vec<Facts>> {
    let entries: Vec<(String, Option<NaiveDate>)> = trajectories::table
        .filter(trajectories::organisation_id.eq(org))
        .filter(trajectories::programme_id.eq(programme_id))
        .filter(trajectories::started_on.between(from, to))
        .order(trajectories::started_on)
        .select((trajectories::participant_id, trajectories::started_on))
        .load(conn)?;
    // Her first entry in the period.
    let mut entered: HashMap<String, NaiveDate> = HashMap::new();
    for (p, on) in entries {
        if let Some(on) = on {
            entered.entry(p).or_insert(on);
        }
    }
    let ids: Vec<&String> = entered.keys().collect();
    let mut people: Vec<Person> = Vec::with_capacity(ids.len());
    let mut sensitive: HashMap<String, Sensitive> = HashMap::new();
    for chunk in ids.chunks(500) {
        people.extend(
            participants::table
                .filter(participants::organisation_id.eq(org))
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
        for s in participant_sensitive::table
            .filter(participant_sensitive::organisation_id.eq(org))
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
            sensitive.insert(s.0.clone(), s);
        }
    }
    people.sort_by(|a, b| a.0.cmp(&b.0));
    let code = |c: Option<String>| c.filter(|c| !c.is_empty()).map(Value::Code);
    Ok(people
        .into_iter()
        .map(|(id, gender, born, nationality, labour, education)| {
            let on = entered.get(&id).copied();
            let s = sensitive.remove(&id);
            // "Not given" is no gender fact: she is counted in the total only.
            let gender = Some(gender).filter(|g| !g.is_empty() && g != "not_given");
            let third_country = nationality
                .as_deref()
                .and_then(|n| Nationality::parse(n).ok())
                .map(|n| Value::Flag(!n.is_eu()));
            Facts::of(id)
                .with(Fact::Gender, code(gender))
                .with(
                    Fact::AgeAtEntry,
                    born.zip(on).map(|(b, on)| Value::Number(age_on(b, on))),
                )
                .with(Fact::LabourStatus, code(labour))
                .with(Fact::Education, code(education))
                .with(Fact::ThirdCountry, third_country)
                .with(Fact::Disability, s.as_ref().and_then(|s| code(s.1.clone())))
                .with(Fact::Minority, s.as_ref().and_then(|s| code(s.2.clone())))
                .with(
                    Fact::ForeignBackground,
                    s.as_ref().and_then(|s| s.3).map(Value::Flag),
                )
                .with(
                    Fact::Homeless,
                    s.as_ref().and_then(|s| s.4).map(Value::Flag),
                )
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::age_on;
    use chrono::NaiveDate;

    #[test]
    fn age_in_full_years() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(age_on(d(2008, 3, 1), d(2026, 2, 28)), 17);
        assert_eq!(age_on(d(2008, 3, 1), d(2026, 3, 1)), 18);
    }
}

/// A programme's report on one indicator set for a period.
#[derive(Debug, Clone)]
pub struct Report {
    pub programme: String,
    pub set: &'static domain::indicators::IndicatorSet,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub figures: Vec<domain::indicators::Figure>,
    /// Names of the participants counted, for the drill-down: id → name.
    pub names: HashMap<String, String>,
}

/// Evaluates a built-in indicator set over a programme's entrants in a
/// period, for those who may read reports.
pub fn programme_report(
    conn: &mut DbConn,
    actor: &domain::policy::Actor,
    programme_id: &str,
    set_key: &str,
    from: NaiveDate,
    to: NaiveDate,
    origin: crate::participants::Origin<'_>,
) -> Result<Report, crate::participants::AccessError> {
    let org = crate::groups::require(
        conn,
        actor,
        domain::policy::Action::ReadReports,
        "report.read",
        origin,
    )?;
    let set = domain::indicators::built_in()
        .iter()
        .find(|s| s.key == set_key)
        .ok_or(crate::error::DbError::NotFound("indicator set"))?;
    let programme = crate::outcomes::results::programme_name(conn, &org, programme_id)?
        .ok_or(crate::error::DbError::NotFound("programme"))?;
    let facts = conn.transaction(|conn| entrants(conn, &org, programme_id, from, to))?;
    let figures = domain::indicators::evaluate(set, &facts);
    let ids: Vec<&String> = facts.iter().map(|f| &f.participant_id).collect();
    let mut names = HashMap::new();
    for chunk in ids.chunks(500) {
        for (id, first, last) in participants::table
            .filter(participants::organisation_id.eq(&org))
            .filter(participants::id.eq_any(chunk))
            .select((
                participants::id,
                participants::first_name,
                participants::last_name,
            ))
            .load::<(String, String, String)>(conn)
            .map_err(crate::error::DbError::from)?
        {
            names.insert(id, format!("{first} {last}"));
        }
    }
    Ok(Report {
        programme,
        set,
        from,
        to,
        figures,
        names,
    })
}
