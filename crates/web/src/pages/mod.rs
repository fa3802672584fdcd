//! Server-rendered pages. Every visible word comes from the translation files
//! through [`Page::t`]; templates hold structure only.

pub mod account;
pub mod public;

use crate::AppState;
use crate::auth::Signed;
use askama::Template;
use axum::extract::FromRequestParts;
use axum::http::header::ACCEPT_LANGUAGE;
use axum::http::request::Parts;
use axum::http::{StatusCode, Uri};
use axum::response::{Html, IntoResponse, Response};
use chrono::NaiveDate;
use domain::model::{GrammaticalGender, Language};
use std::convert::Infallible;

pub const LANGUAGE_COOKIE: &str = "traject_lang";

/// One entry of the main navigation.
pub struct NavLink {
    pub href: &'static str,
    pub label_key: &'static str,
    pub current: bool,
}

/// The form of a person's job title; rows from before the setting are neutral.
pub fn gender_of(user: &db::models::User) -> GrammaticalGender {
    user.grammatical_gender
        .parse()
        .unwrap_or(GrammaticalGender::Neutral)
}

/// The signed-in person as the header shows her.
pub struct UserBar {
    pub name: String,
    /// Her job title, in the form she chose.
    pub title: String,
    pub organisation: String,
}

/// A number for a plural message; templates hand over references.
pub trait Count {
    fn count(&self) -> i64;
}

impl Count for i64 {
    fn count(&self) -> i64 {
        *self
    }
}

impl Count for i32 {
    fn count(&self) -> i64 {
        i64::from(*self)
    }
}

impl Count for usize {
    fn count(&self) -> i64 {
        i64::try_from(*self).unwrap_or(i64::MAX)
    }
}

impl<T: Count> Count for &T {
    fn count(&self) -> i64 {
        (**self).count()
    }
}

/// What every page needs: the language, where we are, who is signed in, the
/// navigation for her role, and the form token.
pub struct Page {
    pub lang: Language,
    pub path: String,
    pub demo: bool,
    pub nav: Vec<NavLink>,
    pub user: Option<UserBar>,
    pub csrf: String,
}

impl Page {
    pub fn t(&self, key: &str) -> String {
        i18n::t(self.lang, key)
    }

    /// The same page's texts in another language (an attestation printed in
    /// the participant's language): texts and dates only, no navigation.
    pub fn in_language(&self, lang: Language) -> Page {
        Page {
            lang,
            path: self.path.clone(),
            demo: self.demo,
            nav: Vec::new(),
            user: None,
            csrf: String::new(),
        }
    }

    /// A role's title for a person whose grammatical gender is `gender`
    /// (a code; anything unknown gives the neutral form).
    pub fn job_title(&self, role: &str, gender: &str) -> String {
        let gender = gender.parse().unwrap_or(GrammaticalGender::Neutral);
        i18n::job_title(self.lang, role.parse().ok(), gender)
    }

    pub fn t_count(&self, key: &str, count: impl Count) -> String {
        i18n::t_args(self.lang, key, &[("count", i18n::Arg::Num(count.count()))])
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

    /// Whether to load htmx: only when this build has it (progressive enhancement).
    pub fn htmx(&self) -> bool {
        crate::assets::has_htmx()
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

    fn build(
        lang: Language,
        path: String,
        demo: bool,
        signed: Option<&Signed>,
        csrf: String,
    ) -> Self {
        use domain::model::Role::*;
        let role = signed.and_then(|s| s.actor.role());
        let mut links: Vec<(&'static str, &'static str)> = Vec::new();
        match signed {
            None => links.extend([("/", "nav-home"), ("/login", "nav-login")]),
            Some(_) => {
                links.push(("/dashboard", "nav-dashboard"));
                if matches!(role, Some(Coordinator | Casemanager)) {
                    links.push(("/participants", "nav-participants"));
                }
                if matches!(role, Some(Coordinator | Casemanager | Facilitator)) {
                    links.push(("/groups", "nav-groups"));
                    links.push(("/week", "nav-week"));
                }
                if matches!(role, Some(Coordinator | Casemanager)) {
                    links.push(("/data-problems", "nav-problems"));
                    links.push(("/outcomes", "nav-outcomes"));
                }
                if role.is_some() {
                    links.push(("/network/partners", "nav-network"));
                } else {
                    // Analysts: figures pooled over every organisation.
                    links.push(("/reports/pooled", "nav-pooled"));
                    links.push(("/network/signals/pooled", "nav-signals-pooled"));
                }
                if role == Some(Administrator) {
                    links.extend([
                        ("/admin/users", "nav-users"),
                        ("/admin/sessions", "nav-sessions"),
                        ("/outcomes/instruments", "nav-instruments"),
                    ]);
                }
                if role == Some(Coordinator) {
                    links.push(("/reports", "nav-reports"));
                }
                if matches!(role, Some(Administrator | Coordinator)) {
                    links.push(("/admin/programmes", "nav-programmes"));
                    links.push(("/admin/indicator-sets", "nav-indicator-sets"));
                    links.push(("/admin/calendar", "nav-calendar"));
                    links.push(("/admin/messages", "nav-messages"));
                    links.push(("/audit", "nav-audit"));
                }
                links.push(("/account", "nav-account"));
            }
        }
        let nav = links
            .into_iter()
            .map(|(href, label_key)| NavLink {
                href,
                label_key,
                current: path == href || (href != "/" && path.starts_with(&format!("{href}/"))),
            })
            .collect();
        let user = signed.map(|s| UserBar {
            name: s.user.display_name.clone(),
            title: i18n::job_title(lang, role, gender_of(&s.user)),
            organisation: s
                .organisation
                .as_ref()
                .map(|o| o.name.clone())
                .unwrap_or_default(),
        });
        Self {
            lang,
            path,
            demo,
            nav,
            user,
            csrf,
        }
    }

    /// A translated error page with its status.
    pub fn error(self, status: StatusCode) -> Response {
        let (title_key, text_key) = match status {
            StatusCode::NOT_FOUND => ("error-not-found-title", "error-not-found-text"),
            StatusCode::FORBIDDEN => ("error-forbidden-title", "error-forbidden-text"),
            StatusCode::TOO_MANY_REQUESTS => ("error-too-many-title", "error-too-many-text"),
            _ => ("error-internal-title", "error-internal-text"),
        };
        (
            status,
            render(&ErrorPage {
                page: self,
                title_key,
                text_key,
            }),
        )
            .into_response()
    }
}

impl FromRequestParts<AppState> for Page {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Infallible> {
        let session = parts.extensions.get::<Signed>();
        // Navigation only once the login is complete (second factor given,
        // own password chosen); the pages before that speak her language too.
        let signed = session.filter(|s| !s.second_factor_pending && !s.user.must_change_password);
        // The person's saved preference, else this browser's explicit choice,
        // else what the browser asks for, else the organisation's language.
        let saved = session
            .and_then(|s| s.user.preferred_language.as_deref())
            .and_then(|l| l.parse().ok());
        let chosen = crate::auth::cookie_value(&parts.headers, LANGUAGE_COOKIE)
            .and_then(|c| c.parse::<Language>().ok());
        let accept = parts
            .headers
            .get(ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok());
        let organisation_default = session
            .and_then(|s| s.organisation.as_ref())
            .and_then(|o| o.default_language.parse().ok());
        let lang = i18n::negotiate(saved.or(chosen), accept, organisation_default);
        // A session still owing its second factor has forms too: it gets the token.
        let csrf = session.map(|s| s.csrf_token.clone()).unwrap_or_default();
        Ok(Page::build(
            lang,
            parts.uri.path().to_owned(),
            state.demo,
            signed,
            csrf,
        ))
    }
}

/// Whether `attempt` matches the stored hash. Argon2 is slow on purpose, so
/// it runs on a blocking thread; an unreadable hash or a lost thread is "no".
pub(crate) async fn password_matches(attempt: &str, stored: &str) -> bool {
    let (attempt, stored) = (attempt.to_owned(), stored.to_owned());
    tokio::task::spawn_blocking(move || {
        domain::password::verify(&attempt, &stored).unwrap_or(false)
    })
    .await
    .unwrap_or(false)
}

/// The Argon2 hash of a new password, computed on a blocking thread.
pub(crate) async fn hash_password(
    password: &domain::password::NewPassword,
) -> Result<String, tokio::task::JoinError> {
    let password = password.clone();
    tokio::task::spawn_blocking(move || password.hash()).await
}

/// 303 to a same-site path (after a form).
pub(crate) fn see_other(to: &str) -> Response {
    let mut r = StatusCode::SEE_OTHER.into_response();
    if let Ok(v) = axum::http::HeaderValue::from_str(to) {
        r.headers_mut().insert(axum::http::header::LOCATION, v);
    }
    r
}

/// A failure that is ours: logged, and answered with the translated error page.
pub(crate) fn internal(page: Page, e: impl std::fmt::Display) -> Response {
    tracing::error!(error = %e, "request failed");
    page.error(StatusCode::INTERNAL_SERVER_ERROR)
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
    page.error(StatusCode::NOT_FOUND)
}
