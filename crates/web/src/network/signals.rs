//! Signals of structural obstacles: the organisation's overview (and its
//! export for the steering group), recording and updating a signal with
//! the participants it affects linked inside the organisation, and the
//! counts pooled over every organisation for analysts.

use super::{date_of, domain_choices, form_with, run, sections};
use crate::AppState;
use crate::auth::CurrentUser;
use crate::client::ClientIp;
use crate::forms::{Choice, FormState, Pairs, codes};
use crate::pages::{Page, internal, render, see_other};
use crate::participants::access_failure;
use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use db::network::signals::{self, Pooled, SignalError, SignalInput, SignalLine};
use domain::network::{SignalCategory, SignalStatus};
use serde::Deserialize;

#[derive(Template)]
#[template(path = "network/signals.html")]
pub struct OverviewPage {
    pub page: Page,
    pub sections: Vec<(&'static str, &'static str)>,
    pub lines: Vec<SignalLine>,
    pub saved: bool,
}

impl OverviewPage {
    pub fn affected(&self, l: &SignalLine) -> String {
        self.page.t_count("signal-affected", i64::from(l.affected))
    }
}

#[derive(Deserialize, Default)]
pub struct Saved {
    #[serde(default)]
    pub saved: Option<String>,
}

/// `GET /network/signals`.
pub async fn overview(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Query(q): Query<Saved>,
) -> Response {
    let actor = me.actor.clone();
    let found = run(&state, address, move |conn, origin| {
        signals::overview(conn, &actor, None, origin)
    })
    .await;
    match found {
        Ok(Ok(lines)) => render(&OverviewPage {
            sections: sections(me.actor.role()),
            page,
            lines,
            saved: q.saved.is_some(),
        }),
        Ok(Err(e)) => access_failure(page, e),
        Err(e) => internal(page, e),
    }
}

/// `GET /network/signals/export.csv`: the overview for the steering group,
/// in the reader's language; no one named.
pub async fn export(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
) -> Response {
    let actor = me.actor.clone();
    let found = run(&state, address, move |conn, origin| {
        signals::overview(conn, &actor, None, origin)
    })
    .await;
    let lines = match found {
        Ok(Ok(lines)) => lines,
        Ok(Err(e)) => return access_failure(page, e),
        Err(e) => return internal(page, e),
    };
    let t = |k: &str| page.t(k);
    // A spreadsheet takes a cell starting with = + - @ for a formula.
    let cell = |v: &str| -> String {
        if v.starts_with(['=', '+', '-', '@']) {
            format!("'{v}")
        } else {
            v.to_owned()
        }
    };
    let mut w = csv::Writer::from_writer(Vec::new());
    let head = [
        "field-noted_on",
        "field-category",
        "field-domain",
        "field-concerns",
        "field-description",
        "field-affected",
        "field-status",
        "field-raised_with",
        "field-raised_on",
        "field-answer",
        "field-answered_on",
        "field-resolved_on",
    ]
    .map(t);
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let mut ok = w.write_record(&head).is_ok();
    for l in &lines {
        ok &= w
            .write_record([
                l.noted_on.to_string(),
                t(&format!("coded-signal-{}", l.category)),
                t(&format!("coded-domain-{}", l.domain)),
                cell(&l.concerns),
                cell(&l.description),
                l.affected.to_string(),
                t(&format!("coded-signal-status-{}", l.status)),
                cell(&l.raised_with),
                date(l.raised_on),
                cell(&l.answer),
                date(l.answered_on),
                date(l.resolved_on),
            ])
            .is_ok();
    }
    let bytes = match (ok, w.into_inner()) {
        (true, Ok(b)) => b,
        _ => return internal(page, "csv export failed"),
    };
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"signals.csv\"",
            ),
        ],
        bytes,
    )
        .into_response()
}

#[derive(Template)]
#[template(path = "network/signal.html")]
pub struct SignalPage {
    pub page: Page,
    pub sections: Vec<(&'static str, &'static str)>,
    pub id: Option<String>,
    pub form: FormState,
    pub categories: Vec<Choice>,
    pub domains: Vec<Choice>,
    pub statuses: Vec<Choice>,
    /// Her participants the actor may link: (id, name).
    pub people: Vec<(String, String)>,
}

async fn signal_page(
    state: &AppState,
    address: String,
    page: Page,
    me: &crate::auth::Signed,
    id: Option<String>,
    form: Option<FormState>,
) -> Response {
    let actor = me.actor.clone();
    let sid = id.clone();
    let found = run(state, address, move |conn, origin| {
        let people = signals::linkable(conn, &actor)?;
        let current = match &sid {
            Some(sid) => {
                let line = signals::overview(conn, &actor, Some(sid), origin)?
                    .into_iter()
                    .next()
                    .ok_or(db::DbError::NotFound("signal"))?;
                let linked = signals::linked_by_me(conn, &actor, sid)?;
                Some((line, linked))
            }
            None => {
                // Refused callers learn nothing from the form either.
                db::groups::require(
                    conn,
                    &actor,
                    domain::policy::Action::RecordSignals,
                    "signal.form",
                    origin,
                )?;
                None
            }
        };
        Ok::<_, db::participants::AccessError>((people, current))
    })
    .await;
    let (people, current) = match found {
        Ok(Ok(x)) => x,
        Ok(Err(e)) => return access_failure(page, e),
        Err(e) => return internal(page, e),
    };
    let has_errors = form.is_some();
    let form = form.unwrap_or_else(|| {
        let mut f = FormState::default();
        let today = state.clock.today();
        f.set("noted_on", today.to_string());
        f.set("status", "noted");
        if let Some((l, linked)) = &current {
            let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
            for (k, v) in [
                ("category", l.category.clone()),
                ("domain", l.domain.clone()),
                ("concerns", l.concerns.clone()),
                ("description", l.description.clone()),
                ("affected", l.affected.to_string()),
                ("status", l.status.clone()),
                ("noted_on", l.noted_on.to_string()),
                ("raised_with", l.raised_with.clone()),
                ("raised_on", date(l.raised_on)),
                ("answer", l.answer.clone()),
                ("answered_on", date(l.answered_on)),
                ("resolved_on", date(l.resolved_on)),
                ("version", l.version.to_string()),
            ] {
                f.set(k, v);
            }
            for p in linked {
                f.set(&format!("participant_ids:{p}"), "yes");
            }
        }
        f
    });
    let body = render(&SignalPage {
        sections: sections(me.actor.role()),
        page,
        id,
        form,
        categories: Choice::coded("signal", codes(SignalCategory::ALL, SignalCategory::code)),
        domains: domain_choices(),
        statuses: Choice::coded(
            "signal-status",
            codes(SignalStatus::ALL, SignalStatus::code),
        ),
        people,
    });
    super::refused_if(has_errors, body)
}

/// `GET /network/signals/new`.
pub async fn new_form(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
) -> Response {
    signal_page(&state, address, page, &me, None, None).await
}

/// `GET /network/signals/{id}`.
pub async fn edit_form(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
) -> Response {
    signal_page(&state, address, page, &me, Some(id), None).await
}

fn input_of(p: &Pairs) -> SignalInput {
    SignalInput {
        category: p.get("category").to_owned(),
        domain: p.get("domain").to_owned(),
        concerns: p.get("concerns").to_owned(),
        description: p.get("description").to_owned(),
        affected: p.get("affected").to_owned(),
        participant_ids: p
            .all("participant_ids")
            .into_iter()
            .map(str::to_owned)
            .collect(),
        status: p.get("status").to_owned(),
        noted_on: date_of(p.get("noted_on")),
        raised_with: p.get("raised_with").to_owned(),
        raised_on: date_of(p.get("raised_on")),
        answer: p.get("answer").to_owned(),
        answered_on: date_of(p.get("answered_on")),
        resolved_on: date_of(p.get("resolved_on")),
    }
}

async fn save_with(
    state: AppState,
    address: String,
    page: Page,
    me: crate::auth::Signed,
    id: Option<String>,
    pairs: Vec<(String, String)>,
) -> Response {
    let p = Pairs(pairs);
    let input = input_of(&p);
    let version: i32 = p.get("version").parse().unwrap_or(0);
    let actor = me.actor.clone();
    let sid = id.clone();
    let saved = run(&state, address.clone(), move |conn, origin| {
        signals::save(conn, &actor, sid.as_deref(), version, &input, origin)
    })
    .await;
    match saved {
        Ok(Ok(_)) => see_other("/network/signals?saved=1"),
        Ok(Err(SignalError::Invalid(errors))) => {
            signal_page(&state, address, page, &me, id, Some(form_with(&p, errors))).await
        }
        Ok(Err(SignalError::Conflict)) => page.error(StatusCode::CONFLICT),
        Ok(Err(SignalError::Access(e))) => access_failure(page, e),
        Err(e) => internal(page, e),
    }
}

/// `POST /network/signals`.
pub async fn create(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    save_with(state, address, page, me, None, pairs).await
}

/// `POST /network/signals/{id}`.
pub async fn update(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    save_with(state, address, page, me, Some(id), pairs).await
}

#[derive(Template)]
#[template(path = "network/pooled.html")]
pub struct PooledPage {
    pub page: Page,
    pub lines: Vec<Pooled>,
}

/// `GET /network/signals/pooled`: counts over every organisation.
pub async fn pooled(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
) -> Response {
    let actor = me.actor.clone();
    let found = run(&state, address, move |conn, origin| {
        signals::pooled(conn, &actor, origin)
    })
    .await;
    match found {
        Ok(Ok(lines)) => render(&PooledPage { page, lines }),
        Ok(Err(e)) => access_failure(page, e),
        Err(e) => internal(page, e),
    }
}
