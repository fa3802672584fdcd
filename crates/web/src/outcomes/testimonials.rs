//! Testimonials: kept from her results page (with her consent's scope),
//! withdrawn there; `/outcomes/testimonials` lists them for one audience at
//! a time (staff, a funder's report, public), showing only what her consent
//! allows for that audience.

use crate::AppState;
use crate::auth::CurrentUser;
use crate::client::ClientIp;
use crate::forms::Pairs;
use crate::pages::{Page, internal, render, see_other};
use crate::participants::{access_failure, origin_parts};
use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use db::outcomes::testimonials::{self, NewTestimonial, Shown, TestimonialError};
use db::participants::Origin;
use domain::outcomes::TestimonialScope;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "outcomes/testimonials.html")]
struct ListPage {
    page: Page,
    audience: String,
    lines: Vec<Shown>,
}

#[derive(Deserialize)]
pub struct Audience {
    #[serde(default)]
    audience: String,
}

/// `GET /outcomes/testimonials?audience=`.
pub async fn list(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Query(q): Query<Audience>,
) -> Response {
    let audience: TestimonialScope = q.audience.parse().unwrap_or(TestimonialScope::Internal);
    let (at, writer) = origin_parts(&state);
    let actor = me.actor.clone();
    let loaded = state
        .db
        .run(move |conn| {
            Ok(testimonials::list(
                conn,
                &actor,
                audience,
                None,
                Origin::new(Some(&address), at).via(&writer),
            ))
        })
        .await;
    match loaded {
        Ok(Ok(lines)) => render(&ListPage {
            page,
            audience: audience.code().to_owned(),
            lines,
        }),
        Ok(Err(e)) => access_failure(page, e),
        Err(e) => internal(page, e),
    }
}

/// `POST /participants/{id}/testimonials`: keep her words.
pub async fn add(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let p = Pairs(pairs);
    let input = NewTestimonial {
        programme_id: p.get("programme").to_owned(),
        period_from: p.get("period_from").to_owned(),
        period_to: p.get("period_to").to_owned(),
        quote: p.get("quote").to_owned(),
        language: p.get("language").to_owned(),
        scope: p.get("scope").to_owned(),
        anonymised: p.get("anonymised") == "yes",
        consent_on: p.get("consent_on").to_owned(),
    };
    let (at, writer) = origin_parts(&state);
    let actor = me.actor.clone();
    let pid = id.clone();
    let saved = state
        .db
        .run(move |conn| {
            Ok(testimonials::add(
                conn,
                &actor,
                &pid,
                &input,
                Origin::new(Some(&address), at).via(&writer),
            ))
        })
        .await;
    match saved {
        Ok(Ok(_)) => see_other(&format!("/participants/{id}/outcomes?saved=1#testimonials")),
        Ok(Err(TestimonialError::Access(e))) => access_failure(page, e),
        Ok(Err(TestimonialError::Invalid(errors))) => {
            // Back to her page with the errors named, nothing kept.
            let fields: Vec<String> = errors
                .iter()
                .map(|e| format!("{}:{}", e.field, e.code))
                .collect();
            see_other(&format!(
                "/participants/{id}/outcomes?invalid={}#testimonials",
                fields.join(",")
            ))
        }
        Err(e) => internal(page, e),
    }
}

/// `POST /participants/{id}/testimonials/{testimonial}/withdraw`.
pub async fn withdraw(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Path((id, testimonial)): Path<(String, String)>,
) -> Response {
    let (at, writer) = origin_parts(&state);
    let actor = me.actor.clone();
    let pid = id.clone();
    let done = state
        .db
        .run(move |conn| {
            Ok(testimonials::withdraw(
                conn,
                &actor,
                &pid,
                &testimonial,
                Origin::new(Some(&address), at).via(&writer),
            ))
        })
        .await;
    match done {
        Ok(Ok(())) => see_other(&format!("/participants/{id}/outcomes?saved=1#testimonials")),
        Ok(Err(e)) => access_failure(page, e),
        Err(e) => internal(page, e),
    }
    .into_response()
}

/// For the person page: field errors passed back as `field:code,...`.
pub fn errors_of(raw: &str) -> Vec<(String, String)> {
    raw.split(',')
        .filter_map(|p| {
            let (f, c) = p.split_once(':')?;
            let ok = |s: &str| {
                s.chars()
                    .all(|c| c.is_ascii_lowercase() || c == '_' || c == '-')
            };
            (ok(f) && ok(c) && !f.is_empty()).then(|| (f.to_owned(), format!("error-{c}")))
        })
        .collect()
}
