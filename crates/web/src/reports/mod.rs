//! Reports (issue 16, first part): a programme's figures on a built-in
//! indicator set for a year, each with the funder's code and wording, its
//! definition in words, the breakdown by gender, and the drill-down to the
//! participants counted; and the same figures in the API.

pub mod api;

use crate::AppState;
use crate::auth::CurrentUser;
use crate::client::ClientIp;
use crate::forms::{Choice, FormState};
use crate::network::run;
use crate::pages::{Page, internal, render};
use crate::participants::access_failure;
use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use chrono::{Datelike, NaiveDate};
use db::reports::Report;
use domain::indicators::{Condition, Fact, Figure, Indicator, built_in};
use serde::Deserialize;

/// A condition in the reader's words.
pub fn describe(c: &Condition, page: &Page) -> String {
    let fact = |f: &Fact| page.t(&format!("indicator-fact-{}", f.code()));
    match c {
        Condition::All { all } => all
            .iter()
            .map(|c| describe(c, page))
            .collect::<Vec<_>>()
            .join(&format!(" {} ", page.t("indicator-and"))),
        Condition::Any { any } => any
            .iter()
            .map(|c| describe(c, page))
            .collect::<Vec<_>>()
            .join(&format!(" {} ", page.t("indicator-or"))),
        Condition::Not { not } => format!("{} ({})", page.t("indicator-not"), describe(not, page)),
        Condition::In { fact: f, values } => format!(
            "{}: {}",
            fact(f),
            values
                .iter()
                .map(|v| page.t(&value_key(*f, v)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Condition::Range { fact: f, from, to } => {
            let range = match (from, to) {
                (Some(a), Some(b)) => format!("{a}–{b}"),
                (Some(a), None) => format!("≥ {a}"),
                (None, Some(b)) => format!("≤ {b}"),
                (None, None) => String::new(),
            };
            format!("{}: {range}", fact(f))
        }
    }
}

/// The translation key of a fact's value.
fn value_key(fact: Fact, value: &str) -> String {
    match fact {
        Fact::Gender => format!("coded-gender-{value}"),
        Fact::LabourStatus => format!("coded-labour-{value}"),
        Fact::Education => format!("coded-education-{value}"),
        Fact::Disability | Fact::Minority => format!("coded-answer-{value}"),
        Fact::ThirdCountry | Fact::ForeignBackground | Fact::Homeless => {
            format!(
                "coded-answer-{}",
                if value == "true" { "yes" } else { "no" }
            )
        }
        Fact::AgeAtEntry => value.to_owned(),
    }
}

#[derive(Template)]
#[template(path = "reports/report.html")]
pub struct ReportPage {
    pub page: Page,
    pub form: FormState,
    pub programmes: Vec<Choice>,
    pub sets: Vec<Choice>,
    pub report: Option<Report>,
    /// The indicator whose participants are listed.
    pub drill: Option<String>,
}

/// One line of the table.
pub struct Line<'a> {
    pub indicator: &'a Indicator,
    pub figure: &'a Figure,
}

impl ReportPage {
    pub fn lines(&self) -> Vec<Line<'_>> {
        let Some(r) = &self.report else {
            return Vec::new();
        };
        r.set
            .indicators
            .iter()
            .filter_map(|i| {
                r.figures
                    .iter()
                    .find(|f| f.key == i.key)
                    .map(|figure| Line {
                        indicator: i,
                        figure,
                    })
            })
            .collect()
    }

    pub fn wording(&self, i: &Indicator) -> String {
        domain::instruments::text_in(&i.wording, self.page.lang.code())
            .unwrap_or(&i.key)
            .to_owned()
    }

    pub fn title(&self) -> String {
        self.report
            .as_ref()
            .and_then(|r| domain::instruments::text_in(&r.set.title, self.page.lang.code()))
            .unwrap_or("")
            .to_owned()
    }

    pub fn definition(&self, i: &Indicator) -> String {
        let mut text = match &i.when {
            Some(c) => describe(c, &self.page),
            None => self.page.t("indicator-everyone"),
        };
        if !i.counts_incomplete {
            text.push_str(&format!(" · {}", self.page.t("indicator-complete-only")));
        }
        text
    }

    /// The count of one gender in a figure.
    pub fn gender(&self, f: &Figure, gender: &str) -> usize {
        f.by.get(&Fact::Gender)
            .and_then(|m| m.get(gender))
            .copied()
            .unwrap_or(0)
    }

    /// The participants of the drilled-down indicator: (id, name).
    pub fn drilled(&self) -> Vec<(String, String)> {
        let (Some(r), Some(key)) = (&self.report, &self.drill) else {
            return Vec::new();
        };
        let mut out: Vec<(String, String)> = r
            .figures
            .iter()
            .find(|f| &f.key == key)
            .map(|f| {
                f.participants
                    .iter()
                    .map(|p| (p.clone(), r.names.get(p).cloned().unwrap_or_default()))
                    .collect()
            })
            .unwrap_or_default();
        out.sort_by(|a, b| a.1.cmp(&b.1));
        out
    }

    pub fn drilled_wording(&self) -> String {
        let Some(r) = &self.report else {
            return String::new();
        };
        r.set
            .indicators
            .iter()
            .find(|i| Some(&i.key) == self.drill.as_ref())
            .map(|i| self.wording(i))
            .unwrap_or_default()
    }

    pub fn query(&self) -> String {
        format!(
            "programme={}&set={}&year={}",
            self.form.v("programme"),
            self.form.v("set"),
            self.form.v("year")
        )
    }
}

#[derive(Deserialize, Default)]
pub struct Params {
    #[serde(default)]
    pub programme: String,
    #[serde(default)]
    pub set: String,
    #[serde(default)]
    pub year: Option<i32>,
    #[serde(default)]
    pub drill: Option<String>,
}

/// The first and last day of a year, if it is one traject can report on.
pub fn year_bounds(year: i32) -> Option<(NaiveDate, NaiveDate)> {
    (2000..=2100)
        .contains(&year)
        .then(|| NaiveDate::from_ymd_opt(year, 1, 1).zip(NaiveDate::from_ymd_opt(year, 12, 31)))
        .flatten()
}

/// The report a request asks for: (year, set key, programmes, report).
type Loaded = (i32, String, Vec<db::models::Programme>, Option<Report>);

async fn load(
    state: &AppState,
    address: String,
    me: &crate::auth::Signed,
    q: &Params,
) -> Result<Result<Loaded, db::participants::AccessError>, db::DbError> {
    let today = state.clock.today();
    let year = q
        .year
        .filter(|y| year_bounds(*y).is_some())
        .unwrap_or(today.year());
    let (from, to) = year_bounds(year).unwrap_or((today, today));
    let set = if built_in().iter().any(|s| s.key == q.set) {
        q.set.clone()
    } else {
        built_in()
            .first()
            .map(|s| s.key.clone())
            .unwrap_or_default()
    };
    let actor = me.actor.clone();
    let (programme, set_key) = (q.programme.clone(), set.clone());
    run(state, address, move |conn, origin| {
        // Refused callers learn nothing, not even the programme list.
        let org = db::groups::require(
            conn,
            &actor,
            domain::policy::Action::ReadReports,
            "report.read",
            origin,
        )?;
        let programmes = db::repo::list_programmes(conn, &org)?;
        let report = if programme.is_empty() {
            None
        } else {
            Some(db::reports::programme_report(
                conn, &actor, &programme, &set_key, from, to, origin,
            )?)
        };
        Ok((year, set, programmes, report))
    })
    .await
}

/// `GET /reports?programme=&set=&year=&drill=`.
pub async fn page(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Query(q): Query<Params>,
) -> Response {
    let (year, set, programmes, report) = match load(&state, address, &me, &q).await {
        Ok(Ok(x)) => x,
        Ok(Err(e)) => return access_failure(page, e),
        Err(e) => return internal(page, e),
    };
    let mut form = FormState::default();
    form.set("programme", q.programme.clone());
    form.set("set", set);
    form.set("year", year.to_string());
    let lang = page.lang.code();
    render(&ReportPage {
        form,
        programmes: crate::participants::programme_choices(&programmes),
        sets: built_in()
            .iter()
            .map(|s| {
                Choice::literal(
                    s.key.clone(),
                    domain::instruments::text_in(&s.title, lang).unwrap_or(&s.key),
                )
            })
            .collect(),
        drill: q.drill.filter(|d| {
            report
                .as_ref()
                .is_some_and(|r| r.figures.iter().any(|f| &f.key == d))
        }),
        report,
        page,
    })
}

/// `GET /reports/export.csv?programme=&set=&year=`: the figures on screen,
/// in the reader's language, no person in them.
pub async fn export_csv(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Query(q): Query<Params>,
) -> Response {
    let report = match load(&state, address, &me, &q).await {
        Ok(Ok((_, _, _, Some(r)))) => r,
        Ok(Ok(_)) => return page.error(axum::http::StatusCode::NOT_FOUND),
        Ok(Err(e)) => return access_failure(page, e),
        Err(e) => return internal(page, e),
    };
    let view = ReportPage {
        form: FormState::default(),
        programmes: Vec::new(),
        sets: Vec::new(),
        drill: None,
        report: Some(report),
        page,
    };
    let mut w = csv::Writer::from_writer(Vec::new());
    let head = [
        "reports-code",
        "reports-indicator",
        "reports-definition",
        "reports-count",
        "coded-gender-woman",
        "coded-gender-man",
        "coded-gender-non_binary",
    ]
    .map(|k| view.page.t(k));
    let mut ok = w.write_record(&head).is_ok();
    for l in view.lines() {
        ok &= w
            .write_record([
                l.indicator.code.clone(),
                view.wording(l.indicator),
                view.definition(l.indicator),
                l.figure.count.to_string(),
                view.gender(l.figure, "woman").to_string(),
                view.gender(l.figure, "man").to_string(),
                view.gender(l.figure, "non_binary").to_string(),
            ])
            .is_ok();
    }
    let bytes = match (ok, w.into_inner()) {
        (true, Ok(b)) => b,
        _ => return internal(view.page, "csv export failed"),
    };
    use axum::http::header;
    use axum::response::IntoResponse;
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"report.csv\"",
            ),
        ],
        bytes,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use domain::indicators::built_in;
    use domain::model::Language;

    #[test]
    fn every_fact_and_value_of_the_built_in_sets_has_words() {
        let mut keys = vec![
            "indicator-and".to_owned(),
            "indicator-or".to_owned(),
            "indicator-not".to_owned(),
        ];
        fn walk(c: &domain::indicators::Condition, keys: &mut Vec<String>) {
            use domain::indicators::Condition::*;
            match c {
                All { all: cs } | Any { any: cs } => cs.iter().for_each(|c| walk(c, keys)),
                Not { not } => walk(not, keys),
                In { fact, values } => {
                    keys.push(format!("indicator-fact-{}", fact.code()));
                    keys.extend(values.iter().map(|v| super::value_key(*fact, v)));
                }
                Range { fact, .. } => keys.push(format!("indicator-fact-{}", fact.code())),
            }
        }
        for set in built_in() {
            for i in &set.indicators {
                if let Some(c) = &i.when {
                    walk(c, &mut keys);
                }
            }
        }
        for lang in Language::ALL {
            for key in &keys {
                let text = i18n::t(*lang, key);
                assert!(!text.is_empty() && text != *key, "{lang:?}: {key}");
            }
        }
    }
}
