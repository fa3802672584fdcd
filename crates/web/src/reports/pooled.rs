//! Pooled, anonymised figures across organisations (analysts, and the
//! coordinators and administrators who compare): per organisation and in
//! total, with small cells suppressed the same way on the page, in the
//! files and in the API.

use super::{Format, number, year_bounds};
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
use db::reports::pooled::{GENDERS, Line, PoolFilter, Pooled, REGIONS};
use domain::model::ProgrammeKind;
use domain::suppression::Shown;
use exports::{Cell, Document, Section, Table};
use serde::Deserialize;

#[derive(Deserialize, Default)]
pub struct Params {
    #[serde(default, alias = "kind")]
    pub programme_kind: String,
    #[serde(default)]
    pub region: String,
    #[serde(default)]
    pub year: Option<i32>,
}

/// The filter a request asks for (unknown kinds and regions: every one).
pub fn filter_of(q: &Params, this_year: i32) -> PoolFilter {
    let year = q
        .year
        .filter(|y| year_bounds(*y).is_some())
        .unwrap_or(this_year);
    let (from, to) = year_bounds(year).unwrap_or_default();
    PoolFilter {
        kind: ProgrammeKind::ALL
            .iter()
            .find(|k| k.code() == q.programme_kind)
            .map(|k| k.code().to_owned()),
        region: REGIONS
            .iter()
            .find(|r| **r == q.region)
            .map(|r| (*r).to_owned()),
        from,
        to,
    }
}

/// A published count as the reader sees it.
pub fn shown(page: &Page, s: Shown) -> String {
    match s {
        Shown::Count(n) => number(page.lang, n as f64, 0),
        Shown::Small => "<5".to_owned(),
        Shown::Hidden => page.t("pooled-hidden-mark"),
    }
}

fn cell(page: &Page, s: Shown) -> Cell {
    match s {
        Shown::Count(n) => Cell::Number {
            value: n as f64,
            shown: shown(page, s),
        },
        _ => Cell::text(shown(page, s)),
    }
}

/// The table of a pooled result: a line per organisation, then the total.
pub fn table(p: &Pooled, page: &Page) -> Table {
    let mut columns = vec![page.t("reports-organisation"), page.t("field-region")];
    columns.extend(GENDERS.iter().map(|g| page.t(&format!("coded-gender-{g}"))));
    columns.extend(
        [
            "pooled-participants",
            "pooled-entrants",
            "pooled-dropouts",
            "pooled-sessions",
            "pooled-hours",
            "pooled-attendance",
        ]
        .iter()
        .map(|k| page.t(k)),
    );
    let row = |l: &Line| {
        let mut r = vec![
            Cell::text(
                l.organisation
                    .clone()
                    .unwrap_or_else(|| page.t("pooled-total")),
            ),
            Cell::text(
                l.region
                    .as_ref()
                    .map(|r| page.t(&format!("coded-region-{r}")))
                    .unwrap_or_default(),
            ),
        ];
        r.extend(l.participants.iter().map(|s| cell(page, *s)));
        r.push(cell(page, l.entrants));
        r.push(cell(page, l.dropouts));
        r.push(Cell::Number {
            value: l.sessions as f64,
            shown: number(page.lang, l.sessions as f64, 0),
        });
        let hours = (l.hours * 10.0).round() / 10.0;
        r.push(Cell::Number {
            value: hours,
            shown: number(page.lang, hours, 1),
        });
        r.push(match l.attendance_rate {
            Some(v) => Cell::Number {
                value: v,
                shown: format!("{}\u{a0}%", number(page.lang, v, 1)),
            },
            None => Cell::text("—"),
        });
        r
    };
    Table {
        columns,
        rows: p
            .lines
            .iter()
            .chain(std::iter::once(&p.total))
            .map(row)
            .collect(),
    }
}

fn describe(p: &Pooled, page: &Page) -> Vec<(String, String)> {
    vec![
        (
            page.t("field-programme_kind"),
            p.filter
                .kind
                .as_ref()
                .map(|k| page.t(&format!("programme-kind-{k}")))
                .unwrap_or_else(|| page.t("pooled-every-kind")),
        ),
        (
            page.t("field-region"),
            p.filter
                .region
                .as_ref()
                .map(|r| page.t(&format!("coded-region-{r}")))
                .unwrap_or_else(|| page.t("pooled-every-region")),
        ),
        (
            page.t("reports-period"),
            format!(
                "{} – {}",
                page.date(&p.filter.from),
                page.date(&p.filter.to)
            ),
        ),
    ]
}

#[derive(Template)]
#[template(path = "reports/pooled.html")]
pub struct PooledPage {
    pub page: Page,
    pub form: FormState,
    pub kinds: Vec<Choice>,
    pub regions: Vec<Choice>,
    pub pooled: Pooled,
}

impl PooledPage {
    pub fn table(&self) -> Table {
        table(&self.pooled, &self.page)
    }

    pub fn facts(&self) -> Vec<(String, String)> {
        describe(&self.pooled, &self.page)
    }

    pub fn query(&self) -> String {
        format!(
            "programme_kind={}&region={}&year={}",
            self.form.v("programme_kind"),
            self.form.v("region"),
            self.form.v("year")
        )
    }

    pub fn formats(&self) -> Vec<(&'static str, String)> {
        super::downloads()
    }
}

async fn load(
    state: &AppState,
    address: String,
    me: &crate::auth::Signed,
    filter: PoolFilter,
) -> Result<Result<Pooled, db::participants::AccessError>, db::DbError> {
    let actor = me.actor.clone();
    run(state, address, move |conn, origin| {
        db::reports::pooled::pooled(conn, &actor, filter, origin)
    })
    .await
}

/// `GET /reports/pooled?kind=&region=&year=`.
pub async fn page(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Query(q): Query<Params>,
) -> Response {
    let filter = filter_of(&q, state.clock.today().year());
    let mut form = FormState::default();
    form.set("programme_kind", filter.kind.clone().unwrap_or_default());
    form.set("region", filter.region.clone().unwrap_or_default());
    form.set("year", filter.from.year().to_string());
    let pooled = match load(&state, address, &me, filter).await {
        Ok(Ok(p)) => p,
        Ok(Err(e)) => return access_failure(page, e),
        Err(e) => return internal(page, e),
    };
    render(&PooledPage {
        form,
        kinds: ProgrammeKind::ALL
            .iter()
            .map(|k| Choice {
                value: k.code().to_owned(),
                label_key: format!("programme-kind-{}", k.code()),
                literal: false,
            })
            .collect(),
        regions: REGIONS
            .iter()
            .map(|r| Choice {
                value: (*r).to_owned(),
                label_key: format!("coded-region-{r}"),
                literal: false,
            })
            .collect(),
        pooled,
        page,
    })
}

/// The pooled table as a file (the same suppression).
pub(super) async fn export(
    state: AppState,
    address: String,
    page: Page,
    me: crate::auth::Signed,
    q: Params,
    format: Format,
) -> Response {
    let filter = filter_of(&q, state.clock.today().year());
    let pooled = match load(&state, address, &me, filter).await {
        Ok(Ok(p)) => p,
        Ok(Err(e)) => return access_failure(page, e),
        Err(e) => return internal(page, e),
    };
    let mut facts = describe(&pooled, &page);
    facts.push((page.t("reports-made-on"), page.date(&state.clock.today())));
    let doc = Document {
        title: page.t("pooled-title"),
        language: page.lang.code().to_owned(),
        facts,
        sections: vec![Section {
            heading: page.t("pooled-title"),
            chart: None,
            table: table(&pooled, &page),
            notes: vec![page.t("pooled-hint")],
        }],
    };
    let name = format!("pooled-{}", pooled.filter.from.year());
    super::send(doc, format, &name, page)
}
