//! Answering on her own page (`/p/{token}/answers/...`): one question per
//! screen, large pictogram buttons that answer with one tap, progress shown,
//! "read aloud", and every answer kept at once so that she can stop and come
//! back. Only what her programme asks of her now can be started, and only
//! her own measurements opened.

use super::{ItemView, item_view, name_of};
use crate::AppState;
use crate::client::ClientIp;
use crate::forms::Pairs;
use crate::messages::own::{Words, gone, her, no_store, words_for};
use crate::pages::render;
use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use db::outcomes::measurements::{self, By, Draft, MeasureError, Open, Taking};
use domain::instruments::{Instrument, Respondent};
use domain::model::Language;
use domain::outcomes::{Channel, Moment, Planned};
use serde::Deserialize;

/// One question screen (her page and the shared tablet).
#[derive(Template)]
#[template(path = "outcomes/ask.html")]
pub struct AskPage {
    pub w: Words,
    pub demo: bool,
    /// The instrument's name.
    pub title: String,
    pub item: ItemView,
    /// Where the answer goes.
    pub action: String,
    /// Where "back" goes ("" on the first question).
    pub back: String,
    /// Question n of total (1-based).
    pub n: usize,
    pub total: usize,
    pub error: String,
    /// The language of the instrument's texts, when not the page's.
    pub item_lang: String,
}

/// The last screen: hand the answers in.
#[derive(Template)]
#[template(path = "outcomes/ask_done.html")]
pub struct DonePage {
    pub w: Words,
    pub demo: bool,
    pub title: String,
    pub action: String,
    pub back: String,
    pub error: String,
}

/// The language the instrument's texts are shown in: the page's when the
/// instrument has it, else her language of the four.
pub(crate) fn texts_lang(instrument: &Instrument, w: &Words, base: &str) -> String {
    if instrument.names.contains_key(&w.code) {
        w.code.clone()
    } else {
        base.to_owned()
    }
}

/// The screen for question `q` (0-based) of an open measurement.
#[allow(clippy::too_many_arguments)]
pub(crate) fn ask_screen(
    state: &AppState,
    w: Words,
    base: &str,
    instrument: &Instrument,
    draft: &Draft,
    q: usize,
    action: String,
    back: String,
    error: String,
) -> Response {
    let lang = texts_lang(instrument, &w, base);
    let Some(item) = instrument.items.get(q) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let yes = w.t("answer-yes");
    let no = w.t("answer-no");
    let mut view = item_view(item, &lang, (&yes, &no));
    if let Some(a) = draft.get(&item.key) {
        view.given = a.values();
    }
    let page = AskPage {
        title: name_of(instrument, &lang),
        item_lang: if lang == w.code { String::new() } else { lang },
        item: view,
        action,
        back,
        n: q + 1,
        total: instrument.items.len(),
        error,
        demo: state.demo,
        w,
    };
    no_store(render(&page))
}

async fn open_hers(
    state: &AppState,
    org: &str,
    pid: &str,
    mid: &str,
) -> Result<Option<(Open, String, String)>, MeasureError> {
    let (o, p, m) = (org.to_owned(), pid.to_owned(), mid.to_owned());
    state
        .db
        .run(move |conn| {
            let Some(open) = (match measurements::open(conn, &o, &m) {
                Ok(x) => x,
                Err(e) => return Ok(Err(e)),
            }) else {
                return Ok(Ok(None));
            };
            // Only her own, and only what she answers herself.
            if open.row.participant_id != p || open.row.respondent != Respondent::Participant.code()
            {
                return Ok(Ok(None));
            }
            let langs = db::messages::page::her_languages(conn, &o, &p)?.unwrap_or_default();
            Ok(Ok(Some((open, langs.0, langs.1))))
        })
        .await
        .map_err(MeasureError::from)?
}

#[derive(Deserialize)]
pub struct Start {
    #[serde(default)]
    trajectory: String,
    #[serde(default)]
    instrument: String,
    #[serde(default)]
    moment: String,
}

/// `POST /p/{token}/answers`: start (or go on with) a questionnaire that is
/// due for her.
pub async fn start(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: crate::pages::Page,
    Path(token): Path<String>,
    Form(form): Form<Start>,
) -> Response {
    let (org, pid, link) = match her(&state, &address, &token, page.lang).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let Ok(moment) = form.moment.parse::<Moment>() else {
        return gone(
            &state,
            page.lang,
            StatusCode::NOT_FOUND,
            "page-link-gone-text",
        );
    };
    let planned = Planned {
        instrument_key: form.instrument.clone(),
        moment,
        respondent: Respondent::Participant,
    };
    let taking = Taking {
        participant_id: pid.clone(),
        trajectory_id: Some(form.trajectory.clone()),
        instrument_key: form.instrument.clone(),
        moment,
        respondent: Respondent::Participant,
        channel: Channel::Page,
    };
    let today = state.clock.today();
    let now = state.clock.now().naive_utc();
    let started = state
        .db
        .run(move |conn| {
            if !measurements::is_due_for(conn, &org, &pid, &form.trajectory, &planned, today)? {
                return Ok(None);
            }
            Ok(measurements::start(conn, &org, &taking, By::Link(&link), now).ok())
        })
        .await;
    match started {
        Ok(Some(id)) => Redirect::to(&format!("/p/{token}/answers/{id}")).into_response(),
        Ok(None) => gone(
            &state,
            page.lang,
            StatusCode::NOT_FOUND,
            "page-link-gone-text",
        ),
        Err(e) => {
            tracing::error!(error = %e, "a questionnaire could not be started");
            gone(
                &state,
                page.lang,
                StatusCode::INTERNAL_SERVER_ERROR,
                "page-link-gone-text",
            )
        }
    }
}

#[derive(Deserialize)]
pub struct Which {
    #[serde(default)]
    q: Option<usize>,
}

/// `GET /p/{token}/answers/{id}`: the next question (or `?q=`), or the
/// last screen when every question has an answer.
pub async fn question(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: crate::pages::Page,
    Path((token, mid)): Path<(String, String)>,
    Query(which): Query<Which>,
) -> Response {
    show(
        &state,
        &address,
        page.lang,
        &token,
        &mid,
        which.q,
        String::new(),
    )
    .await
}

async fn show(
    state: &AppState,
    address: &str,
    lang: Language,
    token: &str,
    mid: &str,
    q: Option<usize>,
    error_key: String,
) -> Response {
    let (org, pid, _) = match her(state, address, token, lang).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let (open, language, base) = match open_hers(state, &org, &pid, mid).await {
        Ok(Some(x)) => x,
        Ok(None) => return gone(state, lang, StatusCode::NOT_FOUND, "page-link-gone-text"),
        Err(e) => {
            tracing::error!(error = %e, "a questionnaire could not be read");
            return gone(
                state,
                lang,
                StatusCode::INTERNAL_SERVER_ERROR,
                "page-link-gone-text",
            );
        }
    };
    if open.row.complete() {
        return Redirect::to(&format!("/p/{token}")).into_response();
    }
    let w = words_for(state, &org, &language, &base).await;
    let base_url = format!("/p/{token}/answers/{mid}");
    let error = if error_key.is_empty() {
        String::new()
    } else {
        w.t(&error_key)
    };
    let total = open.instrument.items.len();
    let q = q.filter(|q| *q < total).or_else(|| open.next_unanswered());
    match q {
        Some(q) => {
            let back = if q == 0 {
                format!("/p/{token}")
            } else {
                format!("{base_url}?q={}", q - 1)
            };
            ask_screen(
                state,
                w,
                &base,
                &open.instrument,
                &open.draft,
                q,
                format!("{base_url}?q={q}"),
                back,
                error,
            )
        }
        None => {
            let lang_of = texts_lang(&open.instrument, &w, &base);
            let page = DonePage {
                title: name_of(&open.instrument, &lang_of),
                action: format!("{base_url}/done"),
                back: format!("{base_url}?q={}", total.saturating_sub(1)),
                error,
                demo: state.demo,
                w,
            };
            no_store(render(&page))
        }
    }
}

/// `POST /p/{token}/answers/{id}?q=`: one answer (`value`, several for a
/// multiple choice; `skip` for an optional question).
pub async fn answer(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: crate::pages::Page,
    Path((token, mid)): Path<(String, String)>,
    Query(which): Query<Which>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let pairs = Pairs(pairs);
    let (org, pid, _) = match her(&state, &address, &token, page.lang).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let (open, _, _) = match open_hers(&state, &org, &pid, &mid).await {
        Ok(Some(x)) => x,
        _ => {
            return gone(
                &state,
                page.lang,
                StatusCode::NOT_FOUND,
                "page-link-gone-text",
            );
        }
    };
    let Some(q) = which.q.filter(|q| *q < open.instrument.items.len()) else {
        return gone(
            &state,
            page.lang,
            StatusCode::NOT_FOUND,
            "page-link-gone-text",
        );
    };
    let item = open.instrument.items[q].key.clone();
    let values: Vec<String> = if pairs.has("skip") {
        Vec::new()
    } else {
        pairs.all("value").into_iter().map(str::to_owned).collect()
    };
    let now = state.clock.now().naive_utc();
    let (o, m) = (org.clone(), mid.clone());
    let saved = state
        .db
        .run(move |conn| {
            let v: Vec<&str> = values.iter().map(String::as_str).collect();
            Ok(measurements::answer_item(conn, &o, &m, &item, &v, now))
        })
        .await;
    match saved {
        Ok(Ok(())) => {
            let next = q + 1;
            let to = if next < open.instrument.items.len() {
                format!("/p/{token}/answers/{mid}?q={next}")
            } else {
                format!("/p/{token}/answers/{mid}")
            };
            Redirect::to(&to).into_response()
        }
        Ok(Err(MeasureError::Complete)) => Redirect::to(&format!("/p/{token}")).into_response(),
        Ok(Err(MeasureError::Answer(_, e))) => {
            let r = show(
                &state,
                &address,
                page.lang,
                &token,
                &mid,
                Some(q),
                format!("error-{}", e.code()),
            )
            .await;
            (StatusCode::UNPROCESSABLE_ENTITY, r).into_response()
        }
        Ok(Err(e)) => {
            tracing::error!(error = %e, "an answer could not be kept");
            gone(
                &state,
                page.lang,
                StatusCode::INTERNAL_SERVER_ERROR,
                "page-link-gone-text",
            )
        }
        Err(e) => {
            tracing::error!(error = %e, "an answer could not be kept");
            gone(
                &state,
                page.lang,
                StatusCode::INTERNAL_SERVER_ERROR,
                "page-link-gone-text",
            )
        }
    }
}

/// `POST /p/{token}/answers/{id}/done`: hand the answers in.
pub async fn done(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: crate::pages::Page,
    Path((token, mid)): Path<(String, String)>,
) -> Response {
    let (org, pid, link) = match her(&state, &address, &token, page.lang).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    match open_hers(&state, &org, &pid, &mid).await {
        Ok(Some(_)) => {}
        _ => {
            return gone(
                &state,
                page.lang,
                StatusCode::NOT_FOUND,
                "page-link-gone-text",
            );
        }
    }
    let now = state.clock.now().naive_utc();
    let (o, m, ip) = (org.clone(), mid.clone(), address.clone());
    let handed = state
        .db
        .run(move |conn| {
            Ok(measurements::complete(
                conn,
                &o,
                &m,
                By::Link(&link),
                Some(&ip),
                now,
            ))
        })
        .await;
    match handed {
        Ok(Ok(())) => Redirect::to(&format!("/p/{token}?done=1")).into_response(),
        Ok(Err(MeasureError::Answer(_, _))) => {
            // A required question is still open: back to it.
            Redirect::to(&format!("/p/{token}/answers/{mid}")).into_response()
        }
        other => {
            if let Ok(Err(e)) = &other {
                tracing::error!(error = %e, "answers could not be handed in");
            }
            gone(
                &state,
                page.lang,
                StatusCode::INTERNAL_SERVER_ERROR,
                "page-link-gone-text",
            )
        }
    }
}
