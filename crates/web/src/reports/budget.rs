//! A programme's budget for a year: lines with their budget and actual
//! costs, each funder's allocation keys and share, costs booked one by one
//! or imported from the accounting system's CSV, the budget against actual
//! as a chart, and the whole as a document (ODS, XLSX, CSV, PDF).

use super::{ALL, Format, number, year_bounds};
use crate::AppState;
use crate::auth::CurrentUser;
use crate::client::ClientIp;
use crate::forms::{Choice, FormState, Pairs};
use crate::network::{form_with, refused_if, run};
use crate::pages::{Page, internal, render, see_other};
use crate::participants::access_failure;
use askama::Template;
use axum::extract::{Form, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use chrono::{Datelike, NaiveDate};
use db::reports::budgets::{self, Budget, BudgetError, BudgetInput, CostInput, CostLine};
use domain::budget::{KeyKind, LINES};
use domain::participant::FieldError;
use exports::{Cell, Chart, Document, Section, Table};
use serde::Deserialize;

/// How many line keys a funder's form offers beyond those saved.
const SPARE_KEYS: usize = 2;

#[derive(Deserialize, Default)]
pub struct Params {
    #[serde(default)]
    pub programme: String,
    #[serde(default)]
    pub year: Option<i32>,
    #[serde(default)]
    pub saved: Option<String>,
}

/// Euros as the reader writes them.
pub fn euros(page: &Page, cents: i64) -> String {
    format!(
        "€\u{a0}{}",
        i18n::format_number(page.lang, cents as f64 / 100.0, 2)
    )
}

/// Cents however deep a template's loop variable holds them.
pub trait AsCents {
    fn cents(&self) -> i64;
}

impl AsCents for i64 {
    fn cents(&self) -> i64 {
        *self
    }
}

impl<T: AsCents> AsCents for &T {
    fn cents(&self) -> i64 {
        (**self).cents()
    }
}

fn funder_words(page: &Page, funder: &str) -> String {
    let key = format!("coded-funder-{funder}");
    let words = page.t(&key);
    if words == key {
        funder.to_owned()
    } else {
        words
    }
}

/// One line of a funder's key form: (line, kind, percentage).
pub struct KeySlot {
    pub index: usize,
    pub line: String,
    pub kind: String,
    pub percent: String,
}

#[derive(Template)]
#[template(path = "reports/budget.html")]
pub struct BudgetPage {
    pub page: Page,
    pub form: FormState,
    pub programmes: Vec<Choice>,
    pub budget: Option<Budget>,
    pub costs: Vec<CostLine>,
    pub can_manage: bool,
    pub saved: Option<String>,
    /// Rows of an import that did not parse: (row, field, code).
    pub import_errors: Vec<(usize, &'static str, &'static str)>,
}

impl BudgetPage {
    pub fn euros<T: AsCents>(&self, cents: T) -> String {
        euros(&self.page, cents.cents())
    }

    pub fn line_words(&self, line: &str) -> String {
        self.page.t(&format!("coded-line-{line}"))
    }

    pub fn funder(&self, funder: &str) -> String {
        funder_words(&self.page, funder)
    }

    pub fn line_choices(&self) -> Vec<Choice> {
        LINES
            .iter()
            .map(|l| Choice {
                value: (*l).to_owned(),
                label_key: format!("coded-line-{l}"),
                literal: false,
            })
            .collect()
    }

    pub fn key_choices(&self) -> Vec<Choice> {
        KeyKind::ALL
            .iter()
            .map(|k| Choice {
                value: k.code().to_owned(),
                label_key: format!("budget-key-{}", k.code()),
                literal: false,
            })
            .collect()
    }

    /// A funder's share of a line, shown.
    pub fn fund(&self, funder: &str, line: &str) -> String {
        self.budget
            .as_ref()
            .and_then(|b| b.allocations.iter().find(|a| a.0 == funder))
            .and_then(|a| a.1.lines.iter().find(|l| l.line == line))
            .map(|l| {
                format!(
                    "{} ({}\u{a0}%)",
                    euros(&self.page, l.fund_cents),
                    number(self.page.lang, l.share.percent(), 1)
                )
            })
            .unwrap_or_default()
    }

    pub fn fund_total(&self, funder: &str) -> String {
        self.budget
            .as_ref()
            .and_then(|b| b.allocations.iter().find(|a| a.0 == funder))
            .map(|a| euros(&self.page, a.1.fund_cents))
            .unwrap_or_default()
    }

    /// The key slots of a funder: its saved line keys and spare ones.
    pub fn slots(&self, funder: &str) -> Vec<KeySlot> {
        let mut out: Vec<KeySlot> = self
            .budget
            .as_ref()
            .map(|b| {
                b.keys
                    .iter()
                    .filter(|k| k.funder == funder && k.line.is_some())
                    .map(|k| (k.line.clone().unwrap_or_default(), k.key))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
            .into_iter()
            .enumerate()
            .map(|(index, (line, key))| KeySlot {
                index,
                line,
                kind: key.kind.code().to_owned(),
                percent: percent_text(&self.page, key.basis_points, key.kind),
            })
            .collect();
        let saved = out.len();
        for index in saved..saved + SPARE_KEYS {
            out.push(KeySlot {
                index,
                line: String::new(),
                kind: String::new(),
                percent: String::new(),
            });
        }
        out
    }

    pub fn field(&self, name: &str) -> String {
        self.form.v(name).to_owned()
    }

    pub fn error(&self, name: &str) -> Option<String> {
        self.form.err(name).map(|e| self.page.t(&e))
    }

    pub fn chart(&self) -> String {
        self.budget
            .as_ref()
            .map(|b| exports::svg(&chart(b, &self.page), "budget-chart"))
            .unwrap_or_default()
    }

    pub fn import_error_text(&self) -> Vec<String> {
        self.import_errors
            .iter()
            .map(|(row, field, code)| {
                format!(
                    "{} {row}: {} — {}",
                    self.page.t("budget-row"),
                    self.page.t(&format!("field-cost-{field}")),
                    self.page.t(&format!("error-{code}"))
                )
            })
            .collect()
    }

    pub fn query(&self) -> String {
        format!(
            "programme={}&year={}",
            self.form.v("programme"),
            self.form.v("year")
        )
    }

    pub fn formats(&self) -> Vec<(&'static str, String)> {
        super::downloads()
    }

    pub fn per_participant(&self) -> String {
        self.budget
            .as_ref()
            .and_then(Budget::per_participant)
            .map_or_else(|| "—".to_owned(), |c| euros(&self.page, c))
    }

    pub fn per_hour(&self) -> String {
        self.budget
            .as_ref()
            .and_then(Budget::per_hour)
            .map_or_else(|| "—".to_owned(), |c| euros(&self.page, c))
    }
}

fn percent_text(page: &Page, basis_points: u32, kind: KeyKind) -> String {
    match kind {
        KeyKind::Fixed => number(page.lang, f64::from(basis_points) / 100.0, 2),
        KeyKind::NonEuShare => String::new(),
    }
}

/// The budget against the actual costs, line by line (lines with neither
/// left out).
pub fn chart(b: &Budget, page: &Page) -> Chart {
    Chart {
        title: page.t("budget-chart"),
        series: vec![page.t("budget-planned"), page.t("budget-actual")],
        bars: b
            .lines
            .iter()
            .filter(|l| l.1 != 0 || l.2 != 0)
            .map(|(line, planned, actual)| {
                let v = |c: i64| (c as f64 / 100.0, euros(page, c));
                (
                    page.t(&format!("coded-line-{line}")),
                    vec![v(*planned), v(*actual)],
                )
            })
            .collect(),
    }
}

/// The budget as a document: the lines with each funder's share, and per
/// funder its keys.
pub fn document(b: &Budget, page: &Page, organisation: &str, today: NaiveDate) -> Document {
    let money = |c: i64| Cell::Number {
        value: c as f64 / 100.0,
        shown: euros(page, c),
    };
    let mut columns = vec![
        page.t("budget-line"),
        page.t("budget-planned"),
        page.t("budget-actual"),
    ];
    columns.extend(
        b.funders
            .iter()
            .map(|f| format!("{}: {}", page.t("budget-fund-share"), funder_words(page, f))),
    );
    let mut rows: Vec<Vec<Cell>> = b
        .lines
        .iter()
        .map(|(line, planned, actual)| {
            let mut row = vec![
                Cell::text(page.t(&format!("coded-line-{line}"))),
                money(*planned),
                money(*actual),
            ];
            for (_, a) in &b.allocations {
                row.push(
                    a.lines
                        .iter()
                        .find(|l| &l.line == line)
                        .map_or(Cell::Empty, |l| money(l.fund_cents)),
                );
            }
            row
        })
        .collect();
    let mut total = vec![
        Cell::text(page.t("budget-total")),
        money(b.budget_cents()),
        money(b.actual_cents()),
    ];
    total.extend(b.allocations.iter().map(|(_, a)| money(a.fund_cents)));
    rows.push(total);
    let mut sections = vec![Section {
        heading: page.t("budget-lines"),
        chart: Some(chart(b, page)),
        table: Table { columns, rows },
        notes: vec![page.t("budget-key-note")],
    }];
    for (funder, a) in &b.allocations {
        sections.push(Section {
            heading: format!("{}: {}", page.t("budget-keys"), funder_words(page, funder)),
            chart: None,
            table: Table {
                columns: vec![
                    page.t("budget-line"),
                    page.t("budget-key"),
                    page.t("budget-share"),
                    page.t("budget-actual"),
                    page.t("budget-fund-share"),
                ],
                rows: a
                    .lines
                    .iter()
                    .map(|l| {
                        let key = l.key.map_or_else(
                            || page.t("budget-key-none"),
                            |k| page.t(&format!("budget-key-{}", k.kind.code())),
                        );
                        let pct = (l.share.percent() * 100.0).round() / 100.0;
                        vec![
                            Cell::text(page.t(&format!("coded-line-{}", l.line))),
                            Cell::text(key),
                            Cell::Number {
                                value: pct,
                                shown: format!("{}\u{a0}%", number(page.lang, pct, 2)),
                            },
                            money(l.actual_cents),
                            money(l.fund_cents),
                        ]
                    })
                    .collect(),
            },
            notes: Vec::new(),
        });
    }
    let count = |n: i64| number(page.lang, n as f64, 0);
    let or_dash = |c: Option<i64>| c.map_or_else(|| "—".to_owned(), |c| euros(page, c));
    Document {
        title: format!("{}: {} {}", page.t("budget-title"), b.programme, b.year),
        language: page.lang.code().to_owned(),
        facts: vec![
            (page.t("reports-organisation"), organisation.to_owned()),
            (page.t("field-programme"), b.programme.clone()),
            (page.t("reports-period"), b.year.to_string()),
            (
                page.t("budget-participants"),
                format!(
                    "{} ({} {})",
                    count(b.population.participants),
                    count(b.population.non_eu),
                    page.t("budget-non-eu")
                ),
            ),
            (
                page.t("budget-per-participant"),
                or_dash(b.per_participant()),
            ),
            (page.t("budget-per-hour"), or_dash(b.per_hour())),
            (page.t("reports-made-on"), page.date(&today)),
        ],
        sections,
    }
}

/// The budget a request asks for, with what the page needs.
type Loaded = (
    i32,
    Vec<db::models::Programme>,
    Option<(Budget, Vec<CostLine>, String)>,
);

async fn load(
    state: &AppState,
    address: String,
    me: &crate::auth::Signed,
    programme: String,
    year: Option<i32>,
) -> Result<Result<Loaded, db::participants::AccessError>, db::DbError> {
    let today = state.clock.today();
    let year = year
        .filter(|y| year_bounds(*y).is_some())
        .unwrap_or(today.year());
    let actor = me.actor.clone();
    run(state, address, move |conn, origin| {
        let org = db::groups::require(
            conn,
            &actor,
            domain::policy::Action::ReadReports,
            "budget.read",
            origin,
        )?;
        let programmes = db::repo::list_programmes(conn, &org)?;
        if programme.is_empty() || programme == ALL {
            return Ok((year, programmes, None));
        }
        let budget = budgets::read(conn, &actor, &programme, year, origin)?;
        let costs = budgets::costs_of(conn, &org, &programme, year)?;
        let organisation = db::repo::organisation_name(conn, &org)?;
        Ok((year, programmes, Some((budget, costs, organisation))))
    })
    .await
}

/// The budget page for a request: shown fresh, or again with what was sent.
struct View<'a> {
    state: &'a AppState,
    address: String,
    page: Page,
    me: &'a crate::auth::Signed,
    programme: String,
    year: Option<i32>,
}

impl View<'_> {
    /// The page again with the form as sent and its errors.
    async fn refused(self, form: FormState) -> Response {
        self.show(Some(form), Vec::new(), None).await
    }

    async fn show(
        self,
        form: Option<FormState>,
        import_errors: Vec<(usize, &'static str, &'static str)>,
        saved: Option<String>,
    ) -> Response {
        let View {
            state,
            address,
            page,
            me,
            programme,
            year,
        } = self;
        let (year, programmes, loaded) =
            match load(state, address, me, programme.clone(), year).await {
                Ok(Ok(x)) => x,
                Ok(Err(e)) => return access_failure(page, e),
                Err(e) => return internal(page, e),
            };
        let has_errors =
            form.as_ref().is_some_and(FormState::has_errors) || !import_errors.is_empty();
        let mut form = form.unwrap_or_else(|| {
            let mut f = FormState::default();
            if let Some((b, _, _)) = &loaded {
                for (line, planned, _) in &b.lines {
                    if *planned != 0 {
                        f.set(
                            &format!("budget-{line}"),
                            number(page.lang, *planned as f64 / 100.0, 2),
                        );
                    }
                }
                for k in b.keys.iter().filter(|k| k.line.is_none()) {
                    f.set(&format!("key-{}", k.funder), k.key.kind.code().to_owned());
                    f.set(
                        &format!("pct-{}", k.funder),
                        percent_text(&page, k.key.basis_points, k.key.kind),
                    );
                }
            }
            f
        });
        form.set("programme", programme);
        form.set("year", year.to_string());
        let can_manage = domain::policy::authorize(
            &me.actor,
            domain::policy::Action::ManageBudgets,
            domain::policy::Resource::Organisation {
                id: me.actor.organisation_id().unwrap_or_default(),
            },
            None,
        )
        .is_ok();
        let (budget, costs) = match loaded {
            Some((b, c, _)) => (Some(b), c),
            None => (None, Vec::new()),
        };
        refused_if(
            has_errors,
            render(&BudgetPage {
                form,
                programmes: crate::participants::programme_choices(&programmes),
                budget,
                costs,
                can_manage,
                saved,
                import_errors,
                page,
            }),
        )
    }
}

/// `GET /reports/budget?programme=&year=`.
pub async fn page(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Query(q): Query<Params>,
) -> Response {
    let saved = q
        .saved
        .filter(|s| matches!(s.as_str(), "budget" | "cost" | "import"));
    View {
        state: &state,
        address,
        page,
        me: &me,
        programme: q.programme,
        year: q.year,
    }
    .show(None, Vec::new(), saved)
    .await
}

fn back(programme: &str, year: i32, saved: &str) -> Response {
    see_other(&format!(
        "/reports/budget?programme={programme}&year={year}&saved={saved}"
    ))
}

/// The policy's answer before the form is looked at.
async fn may_manage(
    state: &AppState,
    address: &str,
    me: &crate::auth::Signed,
    audit: &'static str,
    page: Page,
) -> Result<Page, Response> {
    crate::participants::allowed_page(
        state,
        address,
        &me.actor,
        crate::participants::Check::Org(domain::policy::Action::ManageBudgets, audit),
        page,
    )
    .await
}

fn year_of(p: &Pairs) -> Option<i32> {
    p.get("year")
        .trim()
        .parse()
        .ok()
        .filter(|y| year_bounds(*y).is_some())
}

/// `POST /reports/budget`: the lines and keys, on the version read.
pub async fn save(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let page = match may_manage(&state, &address, &me, "budget.save", page).await {
        Ok(page) => page,
        Err(refused) => return refused,
    };
    let p = Pairs(pairs);
    let programme = p.get("programme").to_owned();
    let Some(year) = year_of(&p) else {
        return page.error(StatusCode::UNPROCESSABLE_ENTITY);
    };
    let version: i32 = p.get("version").parse().unwrap_or(0);
    let funders: Vec<String> =
        p.0.iter()
            .filter(|(k, _)| k == "funder")
            .map(|(_, v)| v.clone())
            .collect();
    let mut input = BudgetInput {
        lines: LINES
            .iter()
            .map(|l| ((*l).to_owned(), p.get(&format!("budget-{l}")).to_owned()))
            .collect(),
        keys: Vec::new(),
    };
    for f in &funders {
        input.keys.push((
            f.clone(),
            String::new(),
            p.get(&format!("key-{f}")).to_owned(),
            p.get(&format!("pct-{f}")).to_owned(),
        ));
        for i in 0..20 {
            let line = p.get(&format!("lkey-{f}-{i}-line"));
            let kind = p.get(&format!("lkey-{f}-{i}-kind"));
            if !line.is_empty() && !kind.is_empty() {
                input.keys.push((
                    f.clone(),
                    line.to_owned(),
                    kind.to_owned(),
                    p.get(&format!("lkey-{f}-{i}-pct")).to_owned(),
                ));
            }
        }
    }
    let actor = me.actor.clone();
    let pid = programme.clone();
    let saved = run(&state, address.clone(), move |conn, origin| {
        budgets::save(conn, &actor, &pid, year, version, &input, origin)
    })
    .await;
    match saved {
        Ok(Ok(())) => back(&programme, year, "budget"),
        Ok(Err(BudgetError::Invalid(errors))) => {
            // A line's amount is shown at its own field.
            let errors = errors
                .into_iter()
                .map(|e| FieldError {
                    field: LINES
                        .iter()
                        .find(|l| **l == e.field)
                        .map_or(e.field, |l| budget_field(l)),
                    code: e.code,
                })
                .collect();
            View {
                state: &state,
                address,
                page,
                me: &me,
                programme,
                year: Some(year),
            }
            .refused(form_with(&p, errors))
            .await
        }
        Ok(Err(BudgetError::Conflict)) => page.error(StatusCode::CONFLICT),
        Ok(Err(BudgetError::Rows(_))) => page.error(StatusCode::UNPROCESSABLE_ENTITY),
        Ok(Err(BudgetError::Access(e))) => access_failure(page, e),
        Err(e) => internal(page, e),
    }
}

/// The form field of a line's budget.
fn budget_field(line: &'static str) -> &'static str {
    const FIELDS: [&str; 14] = [
        "budget-facilitation_childcare",
        "budget-pedagogical_material",
        "budget-children_activities_care",
        "budget-communication_promotion",
        "budget-catering",
        "budget-staff_transport",
        "budget-information_documents",
        "budget-interpreting_translation",
        "budget-technical_equipment",
        "budget-insurance",
        "budget-staff",
        "budget-outings",
        "budget-rent",
        "budget-overhead",
    ];
    LINES
        .iter()
        .position(|l| *l == line)
        .map_or("line", |i| FIELDS[i])
}

/// `POST /reports/budget/costs`: one cost booked.
pub async fn add_cost(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let page = match may_manage(&state, &address, &me, "cost.add", page).await {
        Ok(page) => page,
        Err(refused) => return refused,
    };
    let p = Pairs(pairs);
    let programme = p.get("programme").to_owned();
    let Some(year) = year_of(&p) else {
        return page.error(StatusCode::UNPROCESSABLE_ENTITY);
    };
    let input = CostInput {
        booked_on: p.get("cost-booked_on").to_owned(),
        line: p.get("cost-line").to_owned(),
        amount: p.get("cost-amount").to_owned(),
        description: p.get("cost-description").to_owned(),
        reference: String::new(),
    };
    let actor = me.actor.clone();
    let pid = programme.clone();
    let done = run(&state, address.clone(), move |conn, origin| {
        budgets::add_cost(conn, &actor, &pid, &input, origin)
    })
    .await;
    match done {
        Ok(Ok(_)) => back(&programme, year, "cost"),
        Ok(Err(BudgetError::Invalid(errors))) => {
            let errors = errors
                .into_iter()
                .map(|e| FieldError {
                    field: match e.field {
                        "booked_on" => "cost-booked_on",
                        "line" => "cost-line",
                        "amount" => "cost-amount",
                        _ => "cost-description",
                    },
                    code: e.code,
                })
                .collect();
            View {
                state: &state,
                address,
                page,
                me: &me,
                programme,
                year: Some(year),
            }
            .refused(form_with(&p, errors))
            .await
        }
        Ok(Err(BudgetError::Conflict | BudgetError::Rows(_))) => {
            page.error(StatusCode::UNPROCESSABLE_ENTITY)
        }
        Ok(Err(BudgetError::Access(e))) => access_failure(page, e),
        Err(e) => internal(page, e),
    }
}

/// The rows of an accounting export: a header naming date, line, amount,
/// description and optionally reference, in any order, separated by
/// semicolons or commas.
pub fn parse_rows(text: &str) -> Result<Vec<CostInput>, &'static str> {
    let text = text.trim_start_matches('\u{feff}');
    let first = text.lines().next().unwrap_or("");
    let delimiter = if first.matches(';').count() >= first.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = reader.headers().map_err(|_| "invalid-file")?.clone();
    let column = |names: &[&str]| {
        headers
            .iter()
            .position(|h| names.contains(&h.trim().to_lowercase().as_str()))
    };
    let date = column(&["date", "datum", "booked_on", "boekdatum"]).ok_or("missing-columns")?;
    let line =
        column(&["line", "lijn", "budgetlijn", "ligne", "posten"]).ok_or("missing-columns")?;
    let amount = column(&["amount", "bedrag", "montant", "betrag"]).ok_or("missing-columns")?;
    let description = column(&["description", "omschrijving", "libellé", "beschreibung"]);
    let reference = column(&["reference", "referentie", "référence", "referenz", "ref"]);
    let mut out = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|_| "invalid-file")?;
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let get = |i: Option<usize>| {
            i.and_then(|i| record.get(i))
                .unwrap_or("")
                .trim()
                .to_owned()
        };
        out.push(CostInput {
            booked_on: get(Some(date)),
            line: get(Some(line)),
            amount: get(Some(amount)),
            description: get(description),
            reference: get(reference),
        });
    }
    if out.is_empty() {
        return Err("invalid-file");
    }
    Ok(out)
}

/// `POST /reports/budget/import`: costs from the accounting system; every
/// row parses or nothing is booked; the same rows again add nothing.
pub async fn import(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let page = match may_manage(&state, &address, &me, "cost.import", page).await {
        Ok(page) => page,
        Err(refused) => return refused,
    };
    let p = Pairs(pairs);
    let programme = p.get("programme").to_owned();
    let Some(year) = year_of(&p) else {
        return page.error(StatusCode::UNPROCESSABLE_ENTITY);
    };
    let rows = match parse_rows(p.get("rows")) {
        Ok(rows) => rows,
        Err(code) => {
            let form = form_with(
                &p,
                vec![FieldError {
                    field: "rows",
                    code,
                }],
            );
            return View {
                state: &state,
                address,
                page,
                me: &me,
                programme,
                year: Some(year),
            }
            .refused(form)
            .await;
        }
    };
    let actor = me.actor.clone();
    let pid = programme.clone();
    let done = run(&state, address.clone(), move |conn, origin| {
        budgets::import_costs(conn, &actor, &pid, &rows, origin)
    })
    .await;
    match done {
        Ok(Ok(_)) => back(&programme, year, "import"),
        Ok(Err(BudgetError::Rows(bad))) => {
            View {
                state: &state,
                address,
                page,
                me: &me,
                programme,
                year: Some(year),
            }
            .show(Some(form_with(&p, Vec::new())), bad, None)
            .await
        }
        Ok(Err(BudgetError::Invalid(_) | BudgetError::Conflict)) => {
            page.error(StatusCode::UNPROCESSABLE_ENTITY)
        }
        Ok(Err(BudgetError::Access(e))) => access_failure(page, e),
        Err(e) => internal(page, e),
    }
}

/// The budget as a file.
pub(super) async fn export(
    state: AppState,
    address: String,
    page: Page,
    me: crate::auth::Signed,
    q: Params,
    format: Format,
) -> Response {
    let (_, _, loaded) = match load(&state, address, &me, q.programme, q.year).await {
        Ok(Ok(x)) => x,
        Ok(Err(e)) => return access_failure(page, e),
        Err(e) => return internal(page, e),
    };
    let Some((budget, _, organisation)) = loaded else {
        return page.error(StatusCode::NOT_FOUND);
    };
    let doc = document(&budget, &page, &organisation, state.clock.today());
    super::send(doc, format, &format!("budget-{}", budget.year), page)
}

#[cfg(test)]
mod tests {
    use super::parse_rows;

    #[test]
    fn accounting_exports_in_either_separator_and_any_column_order() {
        let rows = parse_rows(
            "\u{feff}Datum;Omschrijving;Bedrag;Budgetlijn;Referentie\n31/03/2026;Broodjes;1.234,56;catering;B-1\n\n",
        )
        .unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].booked_on, "31/03/2026");
        assert_eq!(rows[0].amount, "1.234,56");
        assert_eq!(rows[0].line, "catering");
        assert_eq!(rows[0].reference, "B-1");
        let rows = parse_rows("date,line,amount\n2026-01-02,rent,600\n").unwrap();
        assert_eq!(rows[0].description, "");
        assert_eq!(
            parse_rows("what,ever\n1,2\n").err(),
            Some("missing-columns")
        );
        assert_eq!(parse_rows("date;line;amount\n").err(), Some("invalid-file"));
    }
}
