//! The shared tablet ("kiosk"): a facilitator starts it from a session's
//! attendance screen and opens its link on a tablet that nobody is signed in
//! on. Each participant taps her language (and, for a questionnaire that is
//! not anonymous, her first name), answers one question per screen, hands
//! in, and the tablet is back at the start for the next person. Answers
//! carry `Cache-Control: no-store`; nothing is kept in the browser.

use super::answer::{DonePage, ask_screen};
use super::name_of;
use crate::AppState;
use crate::auth::CurrentUser;
use crate::client::ClientIp;
use crate::forms::Pairs;
use crate::messages::own::{gone, no_store, words_for};
use crate::pages::{Page, internal, render};
use crate::participants::{access_failure, origin_parts};
use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use db::outcomes::kiosk::{self, Kiosk, TurnError};
use db::outcomes::measurements::MeasureError;
use db::participants::Origin;
use domain::model::Language;
use domain::outcomes::Moment;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "outcomes/kiosk_started.html")]
struct StartedPage {
    page: Page,
    session: String,
    link: String,
    qr: String,
}

/// `POST /sessions/{id}/kiosk`: start a tablet for the session.
pub async fn start(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Path(session): Path<String>,
    headers: axum::http::HeaderMap,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let pairs = Pairs(pairs);
    let moment: Moment = pairs.get("moment").parse().unwrap_or(Moment::Extra);
    let instrument = pairs.get("instrument").to_owned();
    let (at, writer) = origin_parts(&state);
    let actor = me.actor.clone();
    let s = session.clone();
    let started = state
        .db
        .run(move |conn| {
            Ok(kiosk::start(
                conn,
                &actor,
                &s,
                &instrument,
                moment,
                Origin::new(Some(&address), at).via(&writer),
            ))
        })
        .await;
    match started {
        Ok(Ok(token)) => {
            let link = format!("{}/k/{token}", state.base_url(&headers));
            let qr = crate::pages::account::qr_svg(&link, "kiosk-qr-caption");
            let mut r = render(&StartedPage {
                page,
                session,
                link,
                qr,
            });
            // The link is shown once: not kept in any cache.
            r.headers_mut().insert(
                axum::http::header::CACHE_CONTROL,
                axum::http::HeaderValue::from_static("no-store"),
            );
            r
        }
        Ok(Err(MeasureError::Access(e))) => access_failure(page, e),
        Ok(Err(MeasureError::UnknownInstrument)) => page.error(StatusCode::UNPROCESSABLE_ENTITY),
        Ok(Err(e)) => {
            tracing::error!(error = %e, "a kiosk could not be started");
            page.error(StatusCode::INTERNAL_SERVER_ERROR)
        }
        Err(e) => internal(page, e),
    }
}

/// `POST /sessions/{id}/kiosk/close`: the session's tablets stop working.
pub async fn close(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Path(session): Path<String>,
) -> Response {
    let (at, writer) = origin_parts(&state);
    let actor = me.actor.clone();
    let s = session.clone();
    let closed = state
        .db
        .run(move |conn| {
            Ok(kiosk::close(
                conn,
                &actor,
                &s,
                Origin::new(Some(&address), at).via(&writer),
            ))
        })
        .await;
    match closed {
        Ok(Ok(_)) => Redirect::to(&format!("/sessions/{session}/attendance")).into_response(),
        Ok(Err(e)) => access_failure(page, e),
        Err(e) => internal(page, e),
    }
}

/// The kiosk of a token, or the page for one that does not work (the same
/// for a guessed, closed or expired one); failures are counted per address
/// like her page link's.
async fn kiosk_of(
    state: &AppState,
    address: &str,
    token: &str,
    lang: Language,
) -> Result<Kiosk, Response> {
    let now = state.clock.now();
    if !state.link_limiter.allows(address, now) {
        return Err(gone(
            state,
            lang,
            StatusCode::TOO_MANY_REQUESTS,
            "page-too-many",
        ));
    }
    let t = token.to_owned();
    let at = now.naive_utc();
    match state.db.run(move |conn| kiosk::resolve(conn, &t, at)).await {
        Ok(Some(k)) => Ok(k),
        Ok(None) => {
            state.link_limiter.failed(address, now);
            Err(gone(
                state,
                lang,
                StatusCode::NOT_FOUND,
                "page-link-gone-text",
            ))
        }
        Err(e) => {
            tracing::error!(error = %e, "a kiosk could not be read");
            Err(gone(
                state,
                lang,
                StatusCode::INTERNAL_SERVER_ERROR,
                "page-link-gone-text",
            ))
        }
    }
}

#[derive(Template)]
#[template(path = "outcomes/kiosk.html")]
struct KioskPage {
    w: crate::messages::own::Words,
    demo: bool,
    token: String,
    title: String,
    language: String,
    anonymous: bool,
    members: Vec<(String, String)>,
    notice: String,
    languages: Vec<(&'static str, String)>,
}

#[derive(Deserialize)]
pub struct KioskQuery {
    #[serde(default)]
    lang: String,
    #[serde(default)]
    notice: String,
    #[serde(default)]
    q: Option<usize>,
}

fn lang_of(q: &str, fallback: Language) -> Language {
    q.parse().unwrap_or(fallback)
}

/// `GET /k/{token}`: the start screen: her language, then her name (or
/// "start" for an anonymous questionnaire).
pub async fn home(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    Path(token): Path<String>,
    Query(query): Query<KioskQuery>,
) -> Response {
    let lang = lang_of(&query.lang, page.lang);
    let k = match kiosk_of(&state, &address, &token, lang).await {
        Ok(k) => k,
        Err(r) => return r,
    };
    let k2 = k.clone();
    let members = match state.db.run(move |conn| kiosk::members(conn, &k2)).await {
        Ok(m) => m,
        Err(e) => {
            tracing::error!(error = %e, "a kiosk's group could not be read");
            return gone(
                &state,
                lang,
                StatusCode::INTERNAL_SERVER_ERROR,
                "page-link-gone-text",
            );
        }
    };
    let w = words_for(&state, &k.organisation_id, lang.code(), lang.code()).await;
    let notice = match query.notice.as_str() {
        "thanks" => w.t("kiosk-thanks"),
        "answered" => w.t("kiosk-already-answered"),
        _ => String::new(),
    };
    let view = KioskPage {
        title: name_of(&k.instrument, lang.code()),
        language: lang.code().to_owned(),
        anonymous: k.instrument.anonymous,
        members,
        notice,
        languages: Language::ALL
            .iter()
            .map(|l| {
                (
                    l.code(),
                    i18n::t(*l, &format!("language-name-{}", l.code())),
                )
            })
            .collect(),
        token,
        demo: state.demo,
        w,
    };
    no_store(render(&view))
}

/// `POST /k/{token}/turns`: the next person begins (`participant`: her
/// name's button, for a questionnaire that is not anonymous).
pub async fn begin(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    Path(token): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let pairs = Pairs(pairs);
    let lang = lang_of(pairs.get("lang"), page.lang);
    let k = match kiosk_of(&state, &address, &token, lang).await {
        Ok(k) => k,
        Err(r) => return r,
    };
    let participant = pairs.get("participant").to_owned();
    let now = state.clock.now().naive_utc();
    let begun = state
        .db
        .run(move |conn| {
            let p = (!participant.is_empty()).then_some(participant.as_str());
            Ok(kiosk::begin_turn(conn, &k, p, now))
        })
        .await;
    let code = lang.code();
    match begun {
        Ok(Ok(turn)) => {
            Redirect::to(&format!("/k/{token}/turns/{turn}?lang={code}")).into_response()
        }
        Ok(Err(TurnError::AlreadyAnswered)) => {
            Redirect::to(&format!("/k/{token}?lang={code}&notice=answered")).into_response()
        }
        Ok(Err(TurnError::NotInGroup)) => {
            Redirect::to(&format!("/k/{token}?lang={code}")).into_response()
        }
        Ok(Err(e)) => {
            tracing::error!(error = %e, "a kiosk turn could not begin");
            gone(
                &state,
                lang,
                StatusCode::INTERNAL_SERVER_ERROR,
                "page-link-gone-text",
            )
        }
        Err(e) => {
            tracing::error!(error = %e, "a kiosk turn could not begin");
            gone(
                &state,
                lang,
                StatusCode::INTERNAL_SERVER_ERROR,
                "page-link-gone-text",
            )
        }
    }
}

async fn screen(
    state: &AppState,
    k: Kiosk,
    token: &str,
    turn_id: &str,
    lang: Language,
    q: Option<usize>,
    error_key: String,
) -> Response {
    let (k2, t2) = (k.clone(), turn_id.to_owned());
    let found = state
        .db
        .run(move |conn| Ok(kiosk::turn(conn, &k2, &t2)))
        .await;
    let turn = match found {
        Ok(Ok(Some(t))) => t,
        // Over (handed in, or the next person began): back to the start.
        Ok(Ok(None)) => {
            return Redirect::to(&format!("/k/{token}?lang={}", lang.code())).into_response();
        }
        _ => {
            return gone(
                state,
                lang,
                StatusCode::INTERNAL_SERVER_ERROR,
                "page-link-gone-text",
            );
        }
    };
    let w = words_for(state, &k.organisation_id, lang.code(), lang.code()).await;
    let error = if error_key.is_empty() {
        String::new()
    } else {
        w.t(&error_key)
    };
    let code = lang.code();
    let base = format!("/k/{token}/turns/{turn_id}");
    let total = k.instrument.items.len();
    let next = q
        .filter(|q| *q < total)
        .or_else(|| db::outcomes::measurements::next_unanswered(&k.instrument, &turn.draft));
    match next {
        Some(q) => {
            let back = if q == 0 {
                String::new()
            } else {
                format!("{base}?lang={code}&q={}", q - 1)
            };
            ask_screen(
                state,
                w,
                code,
                &k.instrument,
                &turn.draft,
                q,
                format!("{base}?lang={code}&q={q}"),
                back,
                error,
            )
        }
        None => no_store(render(&DonePage {
            title: name_of(&k.instrument, code),
            action: format!("{base}/done?lang={code}"),
            back: format!("{base}?lang={code}&q={}", total.saturating_sub(1)),
            error,
            demo: state.demo,
            w,
        })),
    }
}

/// `GET /k/{token}/turns/{turn}`: a question of the turn.
pub async fn question(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    Path((token, turn)): Path<(String, String)>,
    Query(query): Query<KioskQuery>,
) -> Response {
    let lang = lang_of(&query.lang, page.lang);
    let k = match kiosk_of(&state, &address, &token, lang).await {
        Ok(k) => k,
        Err(r) => return r,
    };
    screen(&state, k, &token, &turn, lang, query.q, String::new()).await
}

/// `POST /k/{token}/turns/{turn}?q=`: one answer.
pub async fn answer(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    Path((token, turn)): Path<(String, String)>,
    Query(query): Query<KioskQuery>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let pairs = Pairs(pairs);
    let lang = lang_of(&query.lang, page.lang);
    let k = match kiosk_of(&state, &address, &token, lang).await {
        Ok(k) => k,
        Err(r) => return r,
    };
    let Some(q) = query.q.filter(|q| *q < k.instrument.items.len()) else {
        return gone(&state, lang, StatusCode::NOT_FOUND, "page-link-gone-text");
    };
    let item = k.instrument.items[q].key.clone();
    let values: Vec<String> = if pairs.has("skip") {
        Vec::new()
    } else {
        pairs.all("value").into_iter().map(str::to_owned).collect()
    };
    let now = state.clock.now().naive_utc();
    let (k2, t2) = (k.clone(), turn.clone());
    let saved = state
        .db
        .run(move |conn| {
            let v: Vec<&str> = values.iter().map(String::as_str).collect();
            Ok(kiosk::answer(conn, &k2, &t2, &item, &v, now))
        })
        .await;
    let code = lang.code();
    match saved {
        Ok(Ok(())) => {
            let next = q + 1;
            let to = if next < k.instrument.items.len() {
                format!("/k/{token}/turns/{turn}?lang={code}&q={next}")
            } else {
                format!("/k/{token}/turns/{turn}?lang={code}")
            };
            Redirect::to(&to).into_response()
        }
        Ok(Err(MeasureError::Answer(_, e))) => {
            let r = screen(
                &state,
                k,
                &token,
                &turn,
                lang,
                Some(q),
                format!("error-{}", e.code()),
            )
            .await;
            (StatusCode::UNPROCESSABLE_ENTITY, r).into_response()
        }
        // The turn is over: back to the start.
        _ => Redirect::to(&format!("/k/{token}?lang={code}")).into_response(),
    }
}

/// `POST /k/{token}/turns/{turn}/done`: hand in; the tablet is ready for
/// the next person.
pub async fn done(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    Path((token, turn)): Path<(String, String)>,
    Query(query): Query<KioskQuery>,
) -> Response {
    let lang = lang_of(&query.lang, page.lang);
    let k = match kiosk_of(&state, &address, &token, lang).await {
        Ok(k) => k,
        Err(r) => return r,
    };
    let now = state.clock.now().naive_utc();
    let (k2, t2, ip) = (k.clone(), turn.clone(), address.clone());
    let handed = state
        .db
        .run(move |conn| Ok(kiosk::finish(conn, &k2, &t2, Some(&ip), now)))
        .await;
    let code = lang.code();
    match handed {
        Ok(Ok(())) => Redirect::to(&format!("/k/{token}?notice=thanks")).into_response(),
        Ok(Err(MeasureError::Answer(_, _))) => {
            Redirect::to(&format!("/k/{token}/turns/{turn}?lang={code}")).into_response()
        }
        _ => Redirect::to(&format!("/k/{token}?lang={code}")).into_response(),
    }
}
