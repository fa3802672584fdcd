//! Reports (issue 16, first part): a programme's figures on a built-in
//! indicator set for a year, each with the funder's code and wording, its
//! definition in words, the breakdown by gender, and the drill-down to the
//! participants counted; and the same figures in the API.

pub mod api;
pub mod budget;
pub mod documents;
pub mod pooled;
pub mod sets;

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
use chrono::Datelike;
use db::reports::Report;
use domain::indicators::{Condition, Fact, Figure, Indicator, Show};
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
    if value == "unknown" {
        return "indicator-unknown".to_owned();
    }
    match fact {
        Fact::Gender => format!("coded-gender-{value}"),
        Fact::LabourStatus => format!("coded-labour-{value}"),
        Fact::Education => format!("coded-education-{value}"),
        Fact::Disability | Fact::Minority => format!("coded-answer-{value}"),
        Fact::SessionKind => format!("coded-session-{value}"),
        Fact::Mark => format!("mark-{value}"),
        Fact::ExcuseReason => format!("coded-excuse-{value}"),
        Fact::StopReason => format!("coded-stop-{value}"),
        Fact::IntakeOutcome => format!("coded-outcome-{value}"),
        Fact::ReferralStatus => format!("coded-referral-status-{value}"),
        Fact::SignalCategory => format!("coded-signal-{value}"),
        Fact::Ending => format!("status-{value}"),
        Fact::Care => format!("indicator-care-{value}"),
        Fact::CostLine => format!("coded-line-{value}"),
        Fact::Strands => format!("coded-strand-{value}"),
        Fact::ThirdCountry
        | Fact::ForeignBackground
        | Fact::Homeless
        | Fact::LanguageCourse
        | Fact::CivicOrientation
        | Fact::PersonalGuidance
        | Fact::ExitEducation
        | Fact::ExitQualification
        | Fact::ExitEmployed
        | Fact::ExitJobSearching
        | Fact::Cancelled
        | Fact::OnTime
        | Fact::Helpful
        | Fact::StaffCost => {
            format!(
                "coded-answer-{}",
                if value == "true" { "yes" } else { "no" }
            )
        }
        Fact::AgeAtEntry
        | Fact::SessionsAttended
        | Fact::LanguageLevelsGained
        | Fact::DomainsProgressed
        | Fact::Minutes
        | Fact::Cents => value.to_owned(),
    }
}

/// A value's words; open codes without words show as they are.
fn value_words(page: &Page, fact: Fact, value: &str) -> String {
    let key = value_key(fact, value);
    let text = page.t(&key);
    if text == key { value.to_owned() } else { text }
}

/// A number as the reader writes it (decimal comma but in English).
pub fn number(lang: domain::model::Language, value: f64, decimals: usize) -> String {
    let text = format!("{value:.decimals$}");
    match lang {
        domain::model::Language::En => text,
        _ => text.replace('.', ","),
    }
}

/// How many decimals a figure shows.
fn decimals(show: Show) -> usize {
    match show {
        Show::Count => 0,
        Show::Euros | Show::EurosEach => 2,
        Show::Hours | Show::Percent | Show::Average => 1,
    }
}

/// A figure's number in its unit, rounded as shown.
pub fn value_of(i: &Indicator, f: &Figure) -> Option<f64> {
    f.number(i.show).map(|v| round(v, decimals(i.show)))
}

/// How a breakdown's amounts read (a ratio's parts are counts).
fn breakdown_show(show: Show) -> Show {
    match show {
        Show::Percent | Show::Average | Show::EurosEach => Show::Count,
        other => other,
    }
}

/// A figure's breakdowns in its unit, rounded as shown: (fact, value
/// code, amount).
pub fn amounts(i: &Indicator, f: &Figure) -> Vec<(Fact, String, f64)> {
    let show = breakdown_show(i.show);
    f.by.iter()
        .flat_map(|(fact, m)| {
            m.iter().map(move |(v, amount)| {
                let n = match show {
                    Show::Hours => *amount as f64 / 60.0,
                    Show::Euros => *amount as f64 / 100.0,
                    _ => *amount as f64,
                };
                (*fact, v.clone(), round(n, decimals(show)))
            })
        })
        .collect()
}

/// Rounded as shown, so that exports hold the numbers on screen.
fn round(v: f64, decimals: usize) -> f64 {
    let f = 10f64.powi(i32::try_from(decimals).unwrap_or(0));
    (v * f).round() / f
}

/// A figure as the reader sees it ("—" for a ratio over nothing).
pub fn shown(page: &Page, show: Show, value: Option<f64>) -> String {
    match value {
        None => "—".to_owned(),
        Some(v) => {
            let n = i18n::format_number(page.lang, v, decimals(show));
            match show {
                // No break between a number and its unit.
                Show::Percent => format!("{n}\u{a0}%"),
                Show::Euros | Show::EurosEach => format!("€\u{a0}{n}"),
                Show::Hours => format!("{n}\u{a0}{}", page.t("reports-hours")),
                Show::Count | Show::Average => n,
            }
        }
    }
}

/// One line of a report as shown, exported and sent by the API: the same
/// numbers everywhere.
pub struct Row {
    pub key: String,
    pub code: String,
    pub wording: String,
    pub definition: String,
    pub show: Show,
    /// The figure as a number in its unit (hours, euros, %); None for a
    /// ratio over nothing.
    pub value: Option<f64>,
    pub shown: String,
    /// Per gender (woman, man, non-binary) when the indicator breaks down
    /// by gender.
    pub genders: Option<[f64; 3]>,
    /// Other breakdowns: (words, number, shown).
    pub breakdown: Vec<(String, f64, String)>,
    /// Participants were counted: the drill-down may list them.
    pub drillable: bool,
}

impl Row {
    pub fn breakdown_text(&self) -> String {
        self.breakdown
            .iter()
            .map(|(w, _, s)| format!("{w}: {s}"))
            .collect::<Vec<_>>()
            .join(" · ")
    }

    pub fn gender(&self, i: usize) -> String {
        self.genders.map(|g| g[i].to_string()).unwrap_or_default()
    }
}

/// The rows of a report in a language.
pub fn rows(report: &Report, page: &Page) -> Vec<Row> {
    let lang = page.lang.code();
    report
        .set
        .indicators
        .iter()
        .filter_map(|i| {
            let f = report.figures.iter().find(|f| f.key == i.key)?;
            let genders = f.by.get(&Fact::Gender).map(|_| {
                ["woman", "man", "non_binary"].map(|g| {
                    amounts(i, f)
                        .into_iter()
                        .find(|(fact, v, _)| *fact == Fact::Gender && v == g)
                        .map_or(0.0, |a| a.2)
                })
            });
            let by_show = breakdown_show(i.show);
            let breakdown = amounts(i, f)
                .into_iter()
                .filter(|(fact, _, _)| *fact != Fact::Gender)
                .map(|(fact, v, n)| {
                    (
                        value_words(page, fact, &v),
                        n,
                        shown(page, by_show, Some(n)),
                    )
                })
                .collect();
            let value = value_of(i, f);
            Some(Row {
                key: i.key.clone(),
                code: i.code.clone(),
                wording: domain::instruments::text_in(&i.wording, lang)
                    .unwrap_or(&i.key)
                    .to_owned(),
                definition: definition(report, i, page),
                show: i.show,
                value,
                shown: shown(page, i.show, value),
                genders,
                breakdown,
                drillable: !f.participants.is_empty(),
            })
        })
        .collect()
}

/// What an indicator counts, in the reader's words.
pub fn definition(report: &Report, i: &Indicator, page: &Page) -> String {
    describe_unit(&report.set, i, page)
}

/// What an indicator of a set counts, in the reader's words.
pub fn describe_unit(set: &domain::indicators::IndicatorSet, i: &Indicator, page: &Page) -> String {
    if let Some(r) = &i.ratio {
        let words = |k: &str| {
            set.indicators
                .iter()
                .find(|j| j.key == k)
                .and_then(|j| domain::instruments::text_in(&j.wording, page.lang.code()))
                .unwrap_or(k)
                .to_owned()
        };
        return format!("{} ÷ {}", words(&r.of), words(&r.per));
    }
    let mut parts = vec![page.t(&format!("indicator-unit-{}", i.unit.code()))];
    if let Some(c) = &i.when {
        parts.push(describe(c, page));
    }
    if let Some(f) = i.sum {
        parts.push(format!(
            "{}: {}",
            page.t("indicator-sum"),
            page.t(&format!("indicator-fact-{}", f.code()))
        ));
    }
    if i.unit.is_person() && !i.counts_incomplete && !set.required.is_empty() {
        parts.push(page.t("indicator-complete-only"));
    }
    parts.join(" · ")
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

impl ReportPage {
    pub fn rows(&self) -> Vec<Row> {
        self.report
            .as_ref()
            .map(|r| rows(r, &self.page))
            .unwrap_or_default()
    }

    /// The download formats: (extension, label).
    pub fn formats(&self) -> Vec<(&'static str, String)> {
        downloads()
    }

    /// The charts with their tables: (SVG, title, table).
    pub fn charts(&self) -> Vec<(String, String, exports::Table)> {
        let Some(r) = &self.report else {
            return Vec::new();
        };
        documents::charts(r, &self.page, &self.rows())
            .iter()
            .enumerate()
            .map(|(i, c)| {
                (
                    exports::svg(c, &format!("chart-{i}")),
                    c.title.clone(),
                    documents::chart_table(c, self.page.t("reports-chart-label")),
                )
            })
            .collect()
    }

    pub fn title(&self) -> String {
        self.report
            .as_ref()
            .and_then(|r| domain::instruments::text_in(&r.set.title, self.page.lang.code()))
            .unwrap_or("")
            .to_owned()
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
        self.rows()
            .into_iter()
            .find(|r| Some(&r.key) == self.drill.as_ref())
            .map(|r| r.wording)
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

pub use domain::indicators::year_bounds;

/// The programme choice for every programme of the organisation.
pub const ALL: &str = "all";

/// The report a request asks for.
pub struct Loaded {
    pub year: i32,
    /// The set shown (the one asked for, else the first).
    pub set: String,
    /// The sets the organisation reports on.
    pub sets: Vec<domain::indicators::IndicatorSet>,
    pub programmes: Vec<db::models::Programme>,
    pub report: Option<Report>,
}

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
    let actor = me.actor.clone();
    let (programme, wanted) = (q.programme.clone(), q.set.clone());
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
        let sets = db::reports::sets::available(conn, &org)?;
        let set = if sets.iter().any(|s| s.key == wanted) {
            wanted
        } else {
            sets.first().map(|s| s.key.clone()).unwrap_or_default()
        };
        let report = if programme.is_empty() {
            None
        } else {
            let scope = (programme != ALL).then_some(programme.as_str());
            Some(db::reports::programme_report(
                conn, &actor, scope, &set, from, to, origin,
            )?)
        };
        Ok(Loaded {
            year,
            set,
            sets,
            programmes,
            report,
        })
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
    let Loaded {
        year,
        set,
        sets,
        programmes,
        report,
    } = match load(&state, address, &me, &q).await {
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
        programmes: std::iter::once(Choice {
            value: ALL.to_owned(),
            label_key: "reports-all-programmes".to_owned(),
            literal: false,
        })
        .chain(crate::participants::programme_choices(&programmes))
        .collect(),
        sets: sets
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

/// A format a report downloads in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Xlsx,
    Ods,
    Pdf,
}

/// The download links of a report page, PDF first: (extension, label).
pub fn downloads() -> Vec<(&'static str, String)> {
    [Format::Pdf, Format::Ods, Format::Xlsx, Format::Csv]
        .into_iter()
        .map(|f| (f.extension(), f.extension().to_uppercase()))
        .collect()
}

impl Format {
    fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
            Format::Ods => "ods",
            Format::Pdf => "pdf",
        }
    }

    fn content_type(self) -> &'static str {
        match self {
            Format::Csv => "text/csv; charset=utf-8",
            Format::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Format::Ods => "application/vnd.oasis.opendocument.spreadsheet",
            Format::Pdf => "application/pdf",
        }
    }
}

/// The report on screen as a file: the same rows, in the reader's language,
/// no person in it.
async fn export(
    state: AppState,
    address: String,
    page: Page,
    me: crate::auth::Signed,
    q: Params,
    format: Format,
) -> Response {
    let report = match load(&state, address, &me, &q).await {
        Ok(Ok(Loaded {
            report: Some(r), ..
        })) => r,
        Ok(Ok(_)) => return page.error(axum::http::StatusCode::NOT_FOUND),
        Ok(Err(e)) => return access_failure(page, e),
        Err(e) => return internal(page, e),
    };
    let doc = documents::document(&report, &page, state.clock.today());
    let name = format!("{}-{}", report.set.key, report.from.format("%Y"));
    send(doc, format, &name, page)
}

/// A document as a download.
pub(crate) fn send(doc: exports::Document, format: Format, name: &str, page: Page) -> Response {
    let bytes = match format {
        Format::Csv => doc.to_csv(0),
        Format::Xlsx => doc.to_xlsx(),
        Format::Ods => doc.to_ods(),
        Format::Pdf => Ok(doc.to_pdf()),
    };
    let bytes = match bytes {
        Ok(b) => b,
        Err(e) => return internal(page, e),
    };
    use axum::http::header;
    use axum::response::IntoResponse;
    let disposition = format!("attachment; filename=\"{name}.{}\"", format.extension());
    (
        [
            (header::CONTENT_TYPE, format.content_type().to_owned()),
            (header::CONTENT_DISPOSITION, disposition),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        bytes,
    )
        .into_response()
}

macro_rules! export_route {
    ($name:ident, $format:expr, $path:literal) => {
        export_route!($name, $format, $path, export, Params);
    };
    ($name:ident, $format:expr, $path:literal, $export:path, $params:ty) => {
        #[doc = concat!("`GET ", $path, "?programme=&set=&year=`.")]
        pub async fn $name(
            State(state): State<AppState>,
            ClientIp(address): ClientIp,
            page: Page,
            CurrentUser(me): CurrentUser,
            Query(q): Query<$params>,
        ) -> Response {
            $export(state, address, page, me, q, $format).await
        }
    };
}

export_route!(export_csv, Format::Csv, "/reports/export.csv");
export_route!(export_xlsx, Format::Xlsx, "/reports/export.xlsx");
export_route!(export_ods, Format::Ods, "/reports/export.ods");
export_route!(export_pdf, Format::Pdf, "/reports/export.pdf");
export_route!(
    pooled_csv,
    Format::Csv,
    "/reports/pooled/export.csv",
    pooled::export,
    pooled::Params
);
export_route!(
    pooled_xlsx,
    Format::Xlsx,
    "/reports/pooled/export.xlsx",
    pooled::export,
    pooled::Params
);
export_route!(
    pooled_ods,
    Format::Ods,
    "/reports/pooled/export.ods",
    pooled::export,
    pooled::Params
);
export_route!(
    pooled_pdf,
    Format::Pdf,
    "/reports/pooled/export.pdf",
    pooled::export,
    pooled::Params
);
export_route!(
    budget_csv,
    Format::Csv,
    "/reports/budget/export.csv",
    budget::export,
    budget::Params
);
export_route!(
    budget_xlsx,
    Format::Xlsx,
    "/reports/budget/export.xlsx",
    budget::export,
    budget::Params
);
export_route!(
    budget_ods,
    Format::Ods,
    "/reports/budget/export.ods",
    budget::export,
    budget::Params
);
export_route!(
    budget_pdf,
    Format::Pdf,
    "/reports/budget/export.pdf",
    budget::export,
    budget::Params
);

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
                keys.push(format!("indicator-unit-{}", i.unit.code()));
                for f in i.by.iter().chain(i.sum.iter()) {
                    keys.push(format!("indicator-fact-{}", f.code()));
                    for v in f.values().unwrap_or_default() {
                        keys.push(super::value_key(*f, v));
                    }
                }
            }
        }
        keys.push("indicator-unknown".to_owned());
        keys.extend(
            domain::budget::LINES
                .iter()
                .map(|l| format!("coded-line-{l}")),
        );
        for lang in Language::ALL {
            for key in &keys {
                let text = i18n::t(*lang, key);
                assert!(!text.is_empty() && text != *key, "{lang:?}: {key}");
            }
        }
    }
}
