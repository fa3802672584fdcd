//! Who is asking: sessions (cookie) resolved once per request, the identity
//! extractors handlers use, and the settings that govern sessions.

use crate::AppState;
use axum::extract::{FromRequestParts, Request, State};
use axum::http::header::{
    AUTHORIZATION, CACHE_CONTROL, COOKIE, LOCATION, STRICT_TRANSPORT_SECURITY,
};
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use chrono::Duration;
use db::models::{Organisation, User};
use domain::policy::Actor;

#[derive(Debug, Clone, Copy)]
pub struct AuthSettings {
    pub idle_timeout: Duration,
    pub absolute_lifetime: Duration,
    /// Secure cookies with the `__Host-` prefix, and HSTS. Off only for plain
    /// http on localhost (the demo, tests).
    pub secure_cookies: bool,
}

impl Default for AuthSettings {
    fn default() -> Self {
        Self {
            idle_timeout: Duration::minutes(30),
            absolute_lifetime: Duration::hours(12),
            secure_cookies: true,
        }
    }
}

impl AuthSettings {
    pub fn cookie_name(&self) -> &'static str {
        if self.secure_cookies {
            "__Host-traject_session"
        } else {
            "traject_session"
        }
    }

    pub fn session_cookie(&self, value: &str) -> String {
        let secure = if self.secure_cookies { "; Secure" } else { "" };
        format!(
            "{}={value}; Path=/; HttpOnly; SameSite=Lax{secure}",
            self.cookie_name()
        )
    }

    pub fn clear_cookie(&self) -> String {
        let secure = if self.secure_cookies { "; Secure" } else { "" };
        format!(
            "{}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{secure}",
            self.cookie_name()
        )
    }
}

/// A signed-in person, as resolved from the session.
#[derive(Debug, Clone)]
pub struct Signed {
    pub session_id: String,
    pub csrf_token: String,
    pub user: User,
    pub organisation: Option<Organisation>,
    pub actor: Actor,
    pub second_factor_pending: bool,
    /// Authenticated by an API token (no cookie: nothing for CSRF to ride on).
    pub via_token: bool,
}

pub fn cookie_value<'a>(headers: &'a axum::http::HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|pair| {
            let (k, v) = pair.trim().split_once('=')?;
            (k == name && !v.is_empty()).then_some(v)
        })
}

/// Resolves the session once, checks its timeouts, and marks authenticated
/// answers `no-store`. Expired sessions are deleted on sight.
pub async fn resolve(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let cookie = cookie_value(req.headers(), state.auth.cookie_name()).map(str::to_owned);
    let bearer = req
        .headers()
        .get(AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(|t| t.trim().to_owned());
    if let Some(secret) = &bearer {
        match load_token(&state, secret).await {
            Ok(Some(signed)) => {
                req.extensions_mut().insert(signed);
            }
            // A wrong or revoked token is simply not signed in: 401 from the extractor.
            Ok(None) => {}
            Err(e) => {
                tracing::error!(error = %e, "token lookup failed");
                return StatusCode::SERVICE_UNAVAILABLE.into_response();
            }
        }
    } else if let Some(token) = cookie {
        match load(&state, &token).await {
            Ok(Some(signed)) => {
                req.extensions_mut().insert(signed);
            }
            Ok(None) => {}
            Err(e) => {
                tracing::error!(error = %e, "session lookup failed");
                return StatusCode::SERVICE_UNAVAILABLE.into_response();
            }
        }
    }
    let authenticated = req.extensions().get::<Signed>().is_some() || bearer.is_some();
    let mut response = next.run(req).await;
    let h = response.headers_mut();
    if authenticated {
        h.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    if state.auth.secure_cookies {
        h.insert(
            STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000"),
        );
    }
    response
}

async fn load(state: &AppState, token: &str) -> Result<Option<Signed>, db::DbError> {
    let id = db::access::secret_hash(token);
    let now = state.clock.now().naive_utc();
    let settings = state.auth;
    state
        .db
        .run(move |conn| {
            let Some((session, user, membership)) = db::access::session_with_membership(conn, &id)?
            else {
                return Ok(None);
            };
            let idle = now - session.last_seen_at > settings.idle_timeout;
            let too_old = now - session.created_at > settings.absolute_lifetime;
            if idle || too_old || !user.active {
                db::access::delete_session(conn, &id)?;
                return Ok(None);
            }
            // Touch at most every 30 seconds: idle timeouts are minutes long.
            if now - session.last_seen_at > Duration::seconds(30) {
                db::access::touch_session(conn, &id, now)?;
            }
            let (actor, organisation) = match &session.organisation_id {
                Some(org_id) => {
                    let Some((role, organisation)) = membership else {
                        // The membership was removed: the session ends with it.
                        db::access::delete_session(conn, &id)?;
                        return Ok(None);
                    };
                    (
                        Actor::Staff {
                            user_id: user.id.clone(),
                            organisation_id: org_id.clone(),
                            role,
                        },
                        Some(organisation),
                    )
                }
                None if user.is_analyst => (
                    Actor::Analyst {
                        user_id: user.id.clone(),
                    },
                    None,
                ),
                None => {
                    db::access::delete_session(conn, &id)?;
                    return Ok(None);
                }
            };
            Ok(Some(Signed {
                session_id: id,
                csrf_token: session.csrf_token,
                user,
                organisation,
                actor,
                second_factor_pending: session.second_factor_pending,
                via_token: false,
            }))
        })
        .await
}

async fn load_token(state: &AppState, secret: &str) -> Result<Option<Signed>, db::DbError> {
    let secret = secret.to_owned();
    let now = state.clock.now().naive_utc();
    state
        .db
        .run(move |conn| {
            let Some((token, user)) = db::credentials::token_with_user(conn, &secret)? else {
                return Ok(None);
            };
            if !user.active {
                return Ok(None);
            }
            // The token carries the owner's current rights, never more.
            let Some((role, organisation)) =
                db::access::membership(conn, &user.id, &token.organisation_id)?
            else {
                return Ok(None);
            };
            if token
                .last_used_at
                .is_none_or(|t| now - t > Duration::minutes(1))
            {
                db::credentials::touch_token(conn, &token.id, now)?;
            }
            Ok(Some(Signed {
                session_id: String::new(),
                csrf_token: String::new(),
                actor: Actor::Staff {
                    user_id: user.id.clone(),
                    organisation_id: token.organisation_id.clone(),
                    role,
                },
                user,
                organisation: Some(organisation),
                second_factor_pending: false,
                via_token: true,
            }))
        })
        .await
}

/// The signed-in person, second factor done. Pages without one redirect to
/// the login page; API calls get 401.
#[derive(Debug, Clone)]
pub struct CurrentUser(pub Signed);

/// A session that still owes its second factor (the second-factor page only).
#[derive(Debug, Clone)]
pub struct PendingUser(pub Signed);

/// Someone who may or may not be signed in (public pages).
#[derive(Debug, Clone)]
pub struct MaybeUser(pub Option<Signed>);

pub struct AuthRedirect(Response);

impl IntoResponse for AuthRedirect {
    fn into_response(self) -> Response {
        self.0
    }
}

fn unauthenticated(parts: &Parts, to: &str) -> AuthRedirect {
    refused(parts, to, StatusCode::UNAUTHORIZED, "unauthenticated")
}

/// Pages are sent on to `to`; the API answers `status` with `error`.
fn refused(parts: &Parts, to: &str, status: StatusCode, error: &'static str) -> AuthRedirect {
    if parts.uri.path().starts_with("/api/") {
        return AuthRedirect(
            (status, axum::Json(crate::error::ErrorBody { error })).into_response(),
        );
    }
    let mut r = StatusCode::SEE_OTHER.into_response();
    if let Ok(v) = HeaderValue::from_str(to) {
        r.headers_mut().insert(LOCATION, v);
    }
    AuthRedirect(r)
}

impl<S: Send + Sync> FromRequestParts<S> for CurrentUser {
    type Rejection = AuthRedirect;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, AuthRedirect> {
        match parts.extensions.get::<Signed>() {
            Some(s) if s.second_factor_pending => {
                Err(unauthenticated(parts, "/login/second-factor"))
            }
            // A temporary password from an administrator: her own comes first.
            Some(s) if s.user.must_change_password => Err(refused(
                parts,
                "/account/new-password",
                StatusCode::FORBIDDEN,
                "password_change_required",
            )),
            Some(s) => Ok(CurrentUser(s.clone())),
            None => Err(unauthenticated(parts, "/login")),
        }
    }
}

impl<S: Send + Sync> FromRequestParts<S> for PendingUser {
    type Rejection = AuthRedirect;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, AuthRedirect> {
        match parts.extensions.get::<Signed>() {
            Some(s) if s.second_factor_pending => Ok(PendingUser(s.clone())),
            Some(_) => Err(unauthenticated(parts, "/dashboard")),
            None => Err(unauthenticated(parts, "/login")),
        }
    }
}

/// Any session, finished or not: logging out must work at every step.
#[derive(Debug, Clone)]
pub struct AnySession(pub Signed);

impl<S: Send + Sync> FromRequestParts<S> for AnySession {
    type Rejection = AuthRedirect;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, AuthRedirect> {
        match parts.extensions.get::<Signed>() {
            Some(s) => Ok(AnySession(s.clone())),
            None => Err(unauthenticated(parts, "/login")),
        }
    }
}

/// A signed-in person who must replace a temporary password (that page only).
#[derive(Debug, Clone)]
pub struct PasswordDueUser(pub Signed);

impl<S: Send + Sync> FromRequestParts<S> for PasswordDueUser {
    type Rejection = AuthRedirect;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, AuthRedirect> {
        match parts.extensions.get::<Signed>() {
            Some(s) if s.second_factor_pending => {
                Err(unauthenticated(parts, "/login/second-factor"))
            }
            Some(s) if s.user.must_change_password && !s.via_token => {
                Ok(PasswordDueUser(s.clone()))
            }
            Some(_) => Err(unauthenticated(parts, "/dashboard")),
            None => Err(unauthenticated(parts, "/login")),
        }
    }
}

impl<S: Send + Sync> FromRequestParts<S> for MaybeUser {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(MaybeUser(
            parts
                .extensions
                .get::<Signed>()
                .filter(|s| !s.second_factor_pending && !s.user.must_change_password)
                .cloned(),
        ))
    }
}
