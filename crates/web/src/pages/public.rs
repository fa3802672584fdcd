//! Pages anyone may see: home, accessibility statement, language choice.

use super::{LANGUAGE_COOKIE, Page, render};
use crate::AppState;
use crate::auth::MaybeUser;
use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::http::header::{LOCATION, SET_COOKIE};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use domain::model::{Language, ProgrammeKind};
use serde::Deserialize;

#[derive(Template)]
#[template(path = "home.html")]
pub struct Home {
    pub page: Page,
    pub today: NaiveDate,
    pub programme_kinds: Vec<&'static str>,
}

pub async fn home(State(state): State<AppState>, page: Page) -> Response {
    render(&Home {
        today: state.clock.today(),
        programme_kinds: ProgrammeKind::ALL.iter().map(|k| k.code()).collect(),
        page,
    })
}

#[derive(Template)]
#[template(path = "accessibility.html")]
pub struct Accessibility {
    pub page: Page,
    pub reviewed: NaiveDate,
    /// Where to report a barrier, as the operator configured it.
    pub contact: Option<String>,
}

/// The date the accessibility statement was last reviewed (a fact, not the clock).
const STATEMENT_REVIEWED: (i32, u32, u32) = (2026, 11, 23);

pub async fn accessibility(State(state): State<AppState>, page: Page) -> Response {
    let (y, m, d) = STATEMENT_REVIEWED;
    render(&Accessibility {
        page,
        reviewed: NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default(),
        contact: state.accessibility_contact.as_deref().map(str::to_owned),
    })
}

#[derive(Deserialize)]
pub struct LanguageChoice {
    lang: String,
    #[serde(default)]
    next: String,
}

/// Stores the chosen language in a cookie and returns to the page it came from.
/// For a signed-in person the choice is also saved with her account, so it
/// follows her to every device (her saved preference outranks the cookie).
pub async fn choose_language(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Form(choice): Form<LanguageChoice>,
) -> Response {
    let Ok(lang) = choice.lang.parse::<Language>() else {
        return StatusCode::UNPROCESSABLE_ENTITY.into_response();
    };
    if let Some(me) = user.filter(|u| !u.via_token) {
        let at = state.clock.now().naive_utc();
        let saved = state
            .db
            .run(move |conn| db::access::set_language(conn, &me.actor, lang, at))
            .await;
        if let Err(e) = saved {
            tracing::error!(error = %e, "saving the language preference failed");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    }
    let cookie = format!(
        "{LANGUAGE_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly",
        lang.code()
    );
    let next = local_path(&choice.next);
    let mut response = StatusCode::SEE_OTHER.into_response();
    let headers = response.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&cookie) {
        headers.insert(SET_COOKIE, v);
    }
    if let Ok(v) = HeaderValue::from_str(next) {
        headers.insert(LOCATION, v);
    }
    response
}

/// Only same-site paths are followed after a form: never an open redirect.
pub fn local_path(next: &str) -> &str {
    let ok = next.starts_with('/')
        && !next.starts_with("//")
        && !next.contains('\\')
        && !next.contains("://");
    if ok { next } else { "/" }
}

#[cfg(test)]
mod tests {
    use super::local_path;

    #[test]
    fn redirects_stay_on_site() {
        assert_eq!(local_path("/accessibility"), "/accessibility");
        assert_eq!(local_path("//evil.example/x"), "/");
        assert_eq!(local_path("https://evil.example"), "/");
        assert_eq!(local_path("/\\evil.example"), "/");
        assert_eq!(local_path(""), "/");
    }
}
