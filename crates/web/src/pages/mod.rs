//! Server-rendered pages. Every visible word comes from the translation files
//! through [`Page::t`]; templates hold structure only.

pub mod public;

use crate::AppState;
use askama::Template;
use axum::extract::FromRequestParts;
use axum::http::header::{ACCEPT_LANGUAGE, COOKIE};
use axum::http::request::Parts;
use axum::http::{StatusCode, Uri};
use axum::response::{Html, IntoResponse, Response};
use chrono::NaiveDate;
use domain::model::Language;
use std::convert::Infallible;

pub const LANGUAGE_COOKIE: &str = "traject_lang";

/// One entry of the main navigation.
pub struct NavLink {
    pub href: &'static str,
    pub label_key: &'static str,
    pub current: bool,
}

/// What every page needs: the language, where we are, the navigation.
pub struct Page {
    pub lang: Language,
    pub path: String,
    pub demo: bool,
    pub nav: Vec<NavLink>,
}

impl Page {
    pub fn t(&self, key: &str) -> String {
        i18n::t(self.lang, key)
    }

    pub fn t_count(&self, key: &str, count: &i64) -> String {
        i18n::t_args(self.lang, key, &[("count", i18n::Arg::Num(*count))])
    }

    pub fn t_str(&self, key: &str, name: &str, value: &str) -> String {
        i18n::t_args(self.lang, key, &[(name, i18n::Arg::Str(value))])
    }

    pub fn date(&self, date: &NaiveDate) -> String {
        i18n::format_date(self.lang, *date)
    }

    pub fn lang_code(&self) -> &'static str {
        i18n::html_lang(self.lang)
    }

    pub fn version(&self) -> &'static str {
        env!("CARGO_PKG_VERSION")
    }

    /// The languages for the switcher: (code, own name, selected).
    pub fn languages(&self) -> Vec<(&'static str, String, bool)> {
        Language::ALL
            .iter()
            .map(|l| {
                (
                    l.code(),
                    i18n::t(*l, &format!("language-name-{}", l.code())),
                    *l == self.lang,
                )
            })
            .collect()
    }

    fn build(lang: Language, path: String, demo: bool) -> Self {
        let links: &[(&'static str, &'static str)] = &[("/", "nav-home")];
        let nav = links
            .iter()
            .map(|(href, label_key)| NavLink {
                href,
                label_key,
                current: path == *href,
            })
            .collect();
        Self {
            lang,
            path,
            demo,
            nav,
        }
    }
}

fn cookie<'a>(parts: &'a Parts, name: &str) -> Option<&'a str> {
    parts
        .headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|pair| {
            let (k, v) = pair.trim().split_once('=')?;
            (k == name).then_some(v)
        })
}

impl FromRequestParts<AppState> for Page {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Infallible> {
        let chosen = cookie(parts, LANGUAGE_COOKIE).and_then(|c| c.parse::<Language>().ok());
        let accept = parts
            .headers
            .get(ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok());
        let lang = i18n::negotiate(chosen, accept, None);
        Ok(Page::build(lang, parts.uri.path().to_owned(), state.demo))
    }
}

/// Renders a template; a rendering failure is logged and answered with the error page.
pub fn render(template: &impl Template) -> Response {
    match template.render() {
        Ok(html) => Html(html).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "template rendering failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorPage {
    pub page: Page,
    pub title_key: &'static str,
    pub text_key: &'static str,
}

/// The answer for any path no route matches.
pub async fn not_found(page: Page, _uri: Uri) -> Response {
    let body = ErrorPage {
        page,
        title_key: "error-not-found-title",
        text_key: "error-not-found-text",
    };
    (StatusCode::NOT_FOUND, render(&body)).into_response()
}
