//! `/admin/indicator-sets`: the indicator sets an organisation reports on,
//! each indicator's wording beside its definition so it can be checked
//! against the funder's text, and a new set (or a new version of a
//! built-in one, when a funder changes its annex) added as data.

use super::describe_unit;
use crate::AppState;
use crate::auth::CurrentUser;
use crate::client::ClientIp;
use crate::forms::Pairs;
use crate::network::run;
use crate::pages::{Page, internal, render, see_other};
use crate::participants::access_failure;
use askama::Template;
use axum::extract::{Form, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use db::reports::sets::AddError;
use domain::indicators::{IndicatorSet, SetError, built_in};
use serde::Deserialize;

#[derive(Template)]
#[template(path = "reports/sets.html")]
pub struct SetsPage {
    pub page: Page,
    pub sets: Vec<IndicatorSet>,
    /// The text typed, shown again with its error.
    pub definition: String,
    pub error: Option<String>,
    pub added: Option<String>,
}

impl SetsPage {
    pub fn title(&self, s: &IndicatorSet) -> String {
        domain::instruments::text_in(&s.title, self.page.lang.code())
            .unwrap_or(&s.key)
            .to_owned()
    }

    /// Whether the set is traject's own (not added by the organisation).
    pub fn is_built_in(&self, s: &IndicatorSet) -> bool {
        built_in()
            .iter()
            .any(|b| b.key == s.key && b.version == s.version)
    }

    /// Each indicator: (code, wording in the reader's language, what it counts).
    pub fn lines(&self, s: &IndicatorSet) -> Vec<(String, String, String)> {
        s.indicators
            .iter()
            .map(|i| {
                (
                    i.code.clone(),
                    domain::instruments::text_in(&i.wording, self.page.lang.code())
                        .unwrap_or(&i.key)
                        .to_owned(),
                    describe_unit(s, i, &self.page),
                )
            })
            .collect()
    }
}

#[derive(Deserialize, Default)]
pub struct Params {
    #[serde(default)]
    pub added: Option<String>,
}

async fn show(
    state: &AppState,
    address: String,
    page: Page,
    me: &crate::auth::Signed,
    definition: String,
    error: Option<String>,
    added: Option<String>,
) -> Response {
    let actor = me.actor.clone();
    let found = run(state, address, move |conn, origin| {
        let org = db::groups::require(
            conn,
            &actor,
            domain::policy::Action::ManageProgrammes,
            "indicator_set.read",
            origin,
        )?;
        Ok::<_, db::participants::AccessError>(db::reports::sets::available(conn, &org)?)
    })
    .await;
    let sets = match found {
        Ok(Ok(s)) => s,
        Ok(Err(e)) => return access_failure(page, e),
        Err(e) => return internal(page, e),
    };
    let status = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let added = added.filter(|k| sets.iter().any(|s| &s.key == k));
    (
        status,
        render(&SetsPage {
            page,
            sets,
            definition,
            error,
            added,
        }),
    )
        .into_response()
}

/// `GET /admin/indicator-sets`.
pub async fn page(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Query(q): Query<Params>,
) -> Response {
    show(&state, address, page, &me, String::new(), None, q.added).await
}

/// A refused set in the reader's words.
fn refusal(page: &Page, e: &AddError) -> String {
    let about = |key: &str, k: &str| page.t_str(key, "indicator", k);
    match e {
        AddError::Invalid(SetError::Format(detail)) => {
            format!("{} ({detail})", page.t("error-set-format"))
        }
        AddError::Invalid(SetError::Incomplete) => page.t("error-set-incomplete"),
        AddError::Invalid(SetError::BadKey(k)) => about("error-set-key", k),
        AddError::Invalid(SetError::Duplicate(k)) => about("error-set-duplicate", k),
        AddError::Invalid(SetError::NoWording(k)) => about("error-set-no-wording", k),
        AddError::Invalid(SetError::BadCondition(k)) => about("error-set-condition", k),
        AddError::Invalid(SetError::BadMeasure(k)) => about("error-set-measure", k),
        AddError::Invalid(SetError::BadRatio(k)) => about("error-set-ratio", k),
        AddError::VersionExists(k, _) => about("error-set-version", k),
        AddError::Access(_) => page.t("error-forbidden-title"),
    }
}

/// `POST /admin/indicator-sets`: a set as JSON, checked, then added.
pub async fn add(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let definition = Pairs(pairs).get("definition").to_owned();
    let actor = me.actor.clone();
    let json = definition.clone();
    let done = run(&state, address.clone(), move |conn, origin| {
        db::reports::sets::add(conn, &actor, &json, origin)
    })
    .await;
    match done {
        Ok(Ok(set)) => see_other(&format!("/admin/indicator-sets?added={}", set.key)),
        Ok(Err(AddError::Access(e))) => access_failure(page, e),
        Ok(Err(e)) => {
            let error = refusal(&page, &e);
            show(&state, address, page, &me, definition, Some(error), None).await
        }
        Err(e) => internal(page, e),
    }
}
