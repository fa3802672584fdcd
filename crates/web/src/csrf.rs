//! Cross-site request forgery: every state-changing request must come from our
//! own pages (Fetch Metadata, else Origin), and a signed-in browser must also
//! echo its session's token (form field `csrf`, or header `X-CSRF-Token`).
//! GET requests never change state, so they need neither.

use crate::auth::Signed;
use axum::body::{Body, to_bytes};
use axum::extract::Request;
use axum::http::header::{CONTENT_TYPE, HOST, ORIGIN};
use axum::http::{Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

const MAX_FORM_BYTES: usize = 2 * 1024 * 1024;

fn refuse(why: &'static str) -> Response {
    tracing::warn!(reason = why, "cross-site request refused");
    (StatusCode::FORBIDDEN, why).into_response()
}

/// Constant-time comparison: the token must not leak through timing.
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0_u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

pub async fn protect(req: Request, next: Next) -> Response {
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return next.run(req).await;
    }
    let headers = req.headers();
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        if site != "same-origin" && site != "none" {
            return refuse("cross-site request");
        }
    } else if let Some(origin) = headers.get(ORIGIN).and_then(|v| v.to_str().ok()) {
        let host = headers
            .get(HOST)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        let from_here = origin
            .strip_prefix("https://")
            .or_else(|| origin.strip_prefix("http://"))
            .is_some_and(|o| o == host);
        if !from_here {
            return refuse("foreign origin");
        }
    }
    // Only a cookie session needs the token: an API token sends no cookie, so a
    // forged cross-site request has nothing to ride on.
    let Some(expected) = req
        .extensions()
        .get::<Signed>()
        .filter(|s| !s.via_token)
        .map(|s| s.csrf_token.clone())
    else {
        // No session cookie: nothing a forged request could ride on.
        return next.run(req).await;
    };
    if let Some(token) = req
        .headers()
        .get("x-csrf-token")
        .and_then(|v| v.to_str().ok())
    {
        return if same(token, &expected) {
            next.run(req).await
        } else {
            refuse("bad token")
        };
    }
    let is_form = req
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.starts_with("application/x-www-form-urlencoded"));
    if !is_form {
        return refuse("missing token");
    }
    let (parts, body) = req.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_FORM_BYTES).await else {
        return (StatusCode::PAYLOAD_TOO_LARGE).into_response();
    };
    let token = form_urlencoded_value(&bytes, "csrf");
    if !token.is_some_and(|t| same(&t, &expected)) {
        return refuse("bad token");
    }
    next.run(Request::from_parts(parts, Body::from(bytes)))
        .await
}

fn form_urlencoded_value(body: &[u8], key: &str) -> Option<String> {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_bytes(body).ok()?;
    pairs.into_iter().find(|(k, _)| k == key).map(|(_, v)| v)
}
