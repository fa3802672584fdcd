//! The learning log: intervision, supervision and training per staff
//! member, the intervision rhythm of each programme, who is overdue, and
//! hours per person and year for the funder.

use super::{date_of, form_with, run, sections};
use crate::AppState;
use crate::auth::CurrentUser;
use crate::client::ClientIp;
use crate::forms::{Choice, FormState, Pairs, codes};
use crate::pages::{Page, internal, render, see_other};
use crate::participants::access_failure;
use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use chrono::Datelike;
use db::network::learning::{self, Hours, LearningError, LearningInput, Overview};
use domain::network::LearningKind;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "network/learning.html")]
pub struct LearningPage {
    pub page: Page,
    pub sections: Vec<(&'static str, &'static str)>,
    pub o: Overview,
    pub form: FormState,
    pub kinds: Vec<Choice>,
    pub staff: Vec<(String, String)>,
    pub rhythms: Vec<(String, String, Option<i32>)>,
    pub saved: bool,
}

impl LearningPage {
    /// Minutes as hours and minutes (2:30).
    pub fn hours(&self, minutes: &i64) -> String {
        format!("{}:{:02}", minutes / 60, minutes % 60)
    }

    pub fn total(&self, h: &Hours) -> String {
        self.hours(&h.total())
    }

    pub fn entry_hours(&self, e: &db::network::learning::Entry) -> String {
        self.hours(&i64::from(e.minutes))
    }
}

#[derive(Deserialize, Default)]
pub struct Year {
    #[serde(default)]
    pub year: Option<i32>,
    #[serde(default)]
    pub saved: Option<String>,
}

async fn learning_page(
    state: &AppState,
    address: String,
    page: Page,
    me: &crate::auth::Signed,
    year: i32,
    saved: bool,
    form: FormState,
) -> Response {
    let today = state.clock.today();
    let actor = me.actor.clone();
    let found = run(state, address, move |conn, origin| {
        let o = learning::overview(conn, &actor, year, today, origin)?;
        let org = actor.organisation_id().unwrap_or_default();
        let (staff, rhythms) = if o.team {
            (
                db::network::meetings::staff(conn, org)?,
                learning::rhythms(conn, org)?,
            )
        } else {
            (Vec::new(), Vec::new())
        };
        Ok::<_, db::participants::AccessError>((o, staff, rhythms))
    })
    .await;
    let (o, staff, rhythms) = match found {
        Ok(Ok(x)) => x,
        Ok(Err(e)) => return access_failure(page, e),
        Err(e) => return internal(page, e),
    };
    let has_errors = form.has_errors();
    let body = render(&LearningPage {
        sections: sections(me.actor.role()),
        page,
        o,
        form,
        kinds: Choice::coded("learning", codes(LearningKind::ALL, LearningKind::code)),
        staff,
        rhythms,
        saved,
    });
    super::refused_if(has_errors, body)
}

/// `GET /network/learning?year=`.
pub async fn page(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Query(q): Query<Year>,
) -> Response {
    let this_year = state.clock.today().year();
    let year = q
        .year
        .filter(|y| (2000..=this_year + 1).contains(y))
        .unwrap_or(this_year);
    let mut form = FormState::default();
    form.set("learning_kind", "intervision");
    form.set("held_on", state.clock.today().to_string());
    learning_page(&state, address, page, &me, year, q.saved.is_some(), form).await
}

/// `POST /network/learning`.
pub async fn log(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let p = Pairs(pairs);
    let input = LearningInput {
        kind: p.get("learning_kind").to_owned(),
        held_on: date_of(p.get("held_on")),
        hours: p.get("hours").to_owned(),
        topic: p.get("topic").to_owned(),
        with_whom: p.get("with_whom").to_owned(),
        user_ids: p.all("user_ids").into_iter().map(str::to_owned).collect(),
    };
    let actor = me.actor.clone();
    let saved = run(&state, address.clone(), move |conn, origin| {
        learning::log(conn, &actor, &input, origin)
    })
    .await;
    match saved {
        Ok(Ok(_)) => see_other("/network/learning?saved=1"),
        Ok(Err(LearningError::Invalid(errors))) => {
            let year = state.clock.today().year();
            learning_page(
                &state,
                address,
                page,
                &me,
                year,
                false,
                form_with(&p, errors),
            )
            .await
        }
        Ok(Err(LearningError::Access(e))) => access_failure(page, e),
        Err(e) => internal(page, e),
    }
}

/// `POST /network/learning/rhythm`: a programme's intervision rhythm.
pub async fn rhythm(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let p = Pairs(pairs);
    let programme = p.get("programme_id").to_owned();
    let weeks = match p.get("weeks").trim() {
        "" => None,
        raw => match raw.parse::<i32>() {
            Ok(w) => Some(w),
            Err(_) => return page.error(StatusCode::UNPROCESSABLE_ENTITY),
        },
    };
    let actor = me.actor.clone();
    let saved = run(&state, address, move |conn, origin| {
        learning::set_rhythm(conn, &actor, &programme, weeks, origin)
    })
    .await;
    match saved {
        Ok(Ok(())) => see_other("/network/learning?saved=1#rhythms"),
        Ok(Err(LearningError::Invalid(_))) => page.error(StatusCode::UNPROCESSABLE_ENTITY),
        Ok(Err(LearningError::Access(e))) => access_failure(page, e),
        Err(e) => internal(page, e),
    }
}
