//! `/outcomes/instruments`: the instruments the organisation can use
//! (traject's own, its own, those others share), adding or adapting one as
//! data (a new version each time), and the printable paper form of each in
//! any of the four languages.

use super::{ItemView, item_view, name_of};
use crate::AppState;
use crate::auth::CurrentUser;
use crate::client::ClientIp;
use crate::forms::Pairs;
use crate::pages::{Page, internal, render, see_other};
use crate::participants::{access_failure, origin_parts};
use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use db::outcomes::instruments::{self, SaveError, Source};
use db::participants::{AccessError, Origin};
use domain::instruments::InstrumentError;
use domain::model::Language;
use domain::policy::{Action, Resource, authorize};
use serde::Deserialize;

/// One line of the list.
pub struct Line {
    pub key: String,
    pub name: String,
    pub version: u32,
    pub source: String,
    pub respondent: String,
    pub anonymous: bool,
    pub items: usize,
    pub own: bool,
}

#[derive(Template)]
#[template(path = "outcomes/instruments.html")]
struct ListPage {
    page: Page,
    lines: Vec<Line>,
    may_manage: bool,
    json: String,
    shared: bool,
    error: String,
    saved: String,
}

#[derive(Deserialize)]
pub struct Shown {
    #[serde(default)]
    adapt: String,
    #[serde(default)]
    saved: String,
}

fn may_manage(me: &crate::auth::Signed) -> bool {
    let org = me.actor.organisation_id().unwrap_or_default();
    authorize(
        &me.actor,
        Action::ManageInstruments,
        Resource::Organisation { id: org },
        None,
    )
    .is_ok()
}

fn save_error_key(e: &SaveError) -> String {
    match e {
        SaveError::ReservedKey => "instrument-error-reserved".into(),
        SaveError::Invalid(InstrumentError::Format(_)) => "instrument-error-format".into(),
        SaveError::Invalid(InstrumentError::Incomplete) => "instrument-error-incomplete".into(),
        SaveError::Invalid(InstrumentError::DuplicateItem(_)) => {
            "instrument-error-duplicate".into()
        }
        SaveError::Invalid(InstrumentError::NoText(_)) => "instrument-error-no-text".into(),
        SaveError::Invalid(InstrumentError::BadRange(_)) => "instrument-error-range".into(),
        SaveError::Invalid(InstrumentError::BadOptions(_)) => "instrument-error-options".into(),
        SaveError::Access(_) => "form-has-errors".into(),
    }
}

fn item_of(e: &SaveError) -> &str {
    match e {
        SaveError::Invalid(
            InstrumentError::DuplicateItem(k)
            | InstrumentError::NoText(k)
            | InstrumentError::BadRange(k)
            | InstrumentError::BadOptions(k),
        ) => k,
        _ => "",
    }
}

#[allow(clippy::too_many_arguments)]
async fn show(
    state: &AppState,
    page: Page,
    me: &crate::auth::Signed,
    json: String,
    shared: bool,
    error: String,
    saved: String,
    adapt: String,
    status: StatusCode,
) -> Response {
    if me.actor.organisation_id().is_none() {
        return page.error(StatusCode::FORBIDDEN);
    }
    let org = me.actor.organisation_id().unwrap_or_default().to_owned();
    let loaded = state
        .db
        .run(move |conn| instruments::available(conn, &org))
        .await;
    let all = match loaded {
        Ok(a) => a,
        Err(e) => return internal(page, e),
    };
    let lang = page.lang.code();
    let mut json = json;
    if json.is_empty()
        && let Some(a) = all.iter().find(|a| a.instrument.key == adapt)
    {
        json = serde_json::to_string_pretty(&a.instrument).unwrap_or_default();
    }
    let lines = all
        .iter()
        .map(|a| Line {
            key: a.instrument.key.clone(),
            name: name_of(&a.instrument, lang),
            version: a.instrument.version,
            source: match &a.source {
                Source::BuiltIn => page.t("instrument-source-built-in"),
                Source::Own => page.t("instrument-source-own"),
                Source::Shared { .. } => page.t("instrument-source-shared"),
            },
            respondent: page.t(&format!(
                "coded-respondent-{}",
                a.instrument.respondent.code()
            )),
            anonymous: a.instrument.anonymous,
            items: a.instrument.items.len(),
            own: a.source == Source::Own,
        })
        .collect();
    let view = ListPage {
        may_manage: may_manage(me),
        lines,
        json,
        shared,
        error,
        saved,
        page,
    };
    (status, render(&view)).into_response()
}

/// `GET /outcomes/instruments`.
pub async fn list(
    State(state): State<AppState>,
    page: Page,
    CurrentUser(me): CurrentUser,
    Query(shown): Query<Shown>,
) -> Response {
    show(
        &state,
        page,
        &me,
        String::new(),
        false,
        String::new(),
        shown.saved,
        shown.adapt,
        StatusCode::OK,
    )
    .await
}

/// `POST /outcomes/instruments`: a new instrument or a new version.
pub async fn save(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let pairs = Pairs(pairs);
    let json = pairs.get("definition").to_owned();
    let shared = pairs.get("shared") == "yes";
    let (at, writer) = origin_parts(&state);
    let actor = me.actor.clone();
    let body = json.clone();
    let saved = state
        .db
        .run(move |conn| {
            Ok(instruments::save(
                conn,
                &actor,
                &body,
                shared,
                Origin::new(Some(&address), at).via(&writer),
            ))
        })
        .await;
    match saved {
        Ok(Ok(_)) => {
            let key = domain::instruments::Instrument::from_json(&json)
                .map(|i| i.key)
                .unwrap_or_default();
            see_other(&format!("/outcomes/instruments?saved={key}"))
        }
        Ok(Err(SaveError::Access(e))) => access_failure(page, e),
        Ok(Err(e)) => {
            let item = item_of(&e).to_owned();
            let mut error = page.t(&save_error_key(&e));
            if !item.is_empty() {
                error = format!("{error} ({item})");
            }
            show(
                &state,
                page,
                &me,
                json,
                shared,
                error,
                String::new(),
                String::new(),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => internal(page, e),
    }
}

#[derive(Deserialize)]
pub struct PaperLang {
    #[serde(default)]
    lang: String,
    #[serde(default)]
    version: String,
}

#[derive(Template)]
#[template(path = "outcomes/paper.html")]
struct PaperPage {
    page: Page,
    /// The form's own language (its labels and questions).
    her: Page,
    name: String,
    items: Vec<ItemView>,
    anonymous: bool,
}

/// `GET /outcomes/instruments/{key}/paper`: the printable form in a
/// language (`?lang=`), to fill in by hand and type in later.
pub async fn paper(
    State(state): State<AppState>,
    page: Page,
    CurrentUser(me): CurrentUser,
    Path(key): Path<String>,
    Query(q): Query<PaperLang>,
) -> Response {
    let Some(org) = me.actor.organisation_id().map(str::to_owned) else {
        return access_failure(
            page,
            AccessError::Denied(domain::policy::Denied::AnalystNoRecords),
        );
    };
    let version: Option<u32> = q.version.parse().ok();
    let k = key.clone();
    let found = state
        .db
        .run(move |conn| match version {
            Some(v) => instruments::version_of(conn, &org, &k, v),
            None => db::outcomes::measurements::latest(conn, &org, &k),
        })
        .await;
    let instrument = match found {
        Ok(Some(i)) => i,
        Ok(None) => return page.error(StatusCode::NOT_FOUND),
        Err(e) => return internal(page, e),
    };
    let her_lang: Language = q.lang.parse().unwrap_or(page.lang);
    let her = page.in_language(her_lang);
    let (yes, no) = (her.t("answer-yes"), her.t("answer-no"));
    let items = instrument
        .items
        .iter()
        .map(|i| item_view(i, her_lang.code(), (&yes, &no)))
        .collect();
    render(&PaperPage {
        name: name_of(&instrument, her_lang.code()),
        anonymous: instrument.anonymous,
        items,
        her,
        page,
    })
}
