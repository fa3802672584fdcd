//! The JSON API under `/api/v1` and its OpenAPI document, generated from the
//! code. Callers authenticate with a personal token (`Authorization: Bearer`)
//! or a browser session (then `X-CSRF-Token` on changes); the same policy and
//! audit trail apply as in the web interface.

use crate::AppState;
use crate::auth::CurrentUser;
use crate::error::{ApiError, ErrorBody};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use chrono::NaiveDateTime;
use domain::policy::{Action, Actor, Grant};
use serde::Serialize;
use utoipa::{OpenApi, ToSchema};

#[derive(OpenApi)]
#[openapi(
    info(title = "traject API", description = "Support trajectories for OCMW/CPAS programmes."),
    paths(status, me),
    components(schemas(Status, ErrorBody, Me)),
    modifiers(&BearerAuth)
)]
pub struct ApiDoc;

struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "token",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// Answers every operation can give besides its own: 401 without a valid
/// token or session, 400 for a query it cannot read, 400/415/422 for a body
/// that is not JSON or not of the operation's shape. Declared once here so
/// that no route forgets them.
fn declare_common_answers(doc: &mut utoipa::openapi::OpenApi) {
    use utoipa::openapi::{ContentBuilder, Ref, RefOr, ResponseBuilder};
    let error = |text: &str| {
        RefOr::T(
            ResponseBuilder::new()
                .description(text)
                .content(
                    "application/json",
                    ContentBuilder::new()
                        .schema(Some(Ref::from_schema_name("ErrorBody")))
                        .build(),
                )
                .build(),
        )
    };
    for item in doc.paths.paths.values_mut() {
        let ops = [
            item.get.as_mut(),
            item.put.as_mut(),
            item.post.as_mut(),
            item.delete.as_mut(),
            item.patch.as_mut(),
        ];
        for op in ops.into_iter().flatten() {
            let answers = &mut op.responses.responses;
            let secured = op.security.as_ref().is_some_and(|s| !s.is_empty());
            if secured && !answers.contains_key("401") {
                answers.insert(
                    "401".into(),
                    error("Not signed in: no valid token or session"),
                );
            }
            let has_query = op.parameters.as_ref().is_some_and(|ps| {
                ps.iter()
                    .any(|p| matches!(p.parameter_in, utoipa::openapi::path::ParameterIn::Query))
            });
            if has_query && !answers.contains_key("400") {
                answers.insert("400".into(), error("A query parameter that cannot be read"));
            }
            if op.request_body.is_some() {
                for (code, text) in [
                    ("400", "The body is not valid JSON"),
                    ("415", "The body is not sent as application/json"),
                    ("422", "The body does not have the expected shape"),
                ] {
                    answers.entry(code.into()).or_insert_with(|| error(text));
                }
            }
        }
    }
}

/// The whole document: the shared routes here and each capability's own.
pub fn document() -> utoipa::openapi::OpenApi {
    let mut doc = ApiDoc::openapi();
    doc.merge(crate::participants::api::Doc::openapi());
    doc.merge(crate::access::api::Doc::openapi());
    doc.merge(crate::quality::Doc::openapi());
    doc.merge(crate::programmes::Doc::openapi());
    doc.merge(crate::groups::Doc::openapi());
    doc.merge(crate::messages::Doc::openapi());
    doc.merge(crate::outcomes::api::Doc::openapi());
    doc.merge(crate::network::api::Doc::openapi());
    doc.merge(crate::reports::api::Doc::openapi());
    doc.merge(crate::participants::plan::Doc::openapi());
    declare_common_answers(&mut doc);
    doc
}

/// The OpenAPI 3.1 document of every `/api/v1` route.
pub async fn openapi_json() -> Json<utoipa::openapi::OpenApi> {
    let mut doc = document();
    doc.info.version = env!("CARGO_PKG_VERSION").to_owned();
    Json(doc)
}

#[derive(Serialize, ToSchema)]
pub struct Status {
    /// traject's version.
    pub version: &'static str,
    /// The newest database migration applied.
    pub schema_version: Option<String>,
}

/// Service status for API clients.
#[utoipa::path(get, path = "/api/v1/status", tag = "service",
    responses((status = 200, body = Status), (status = 503, body = ErrorBody)))]
pub async fn status(State(state): State<AppState>) -> Result<Json<Status>, ApiError> {
    let schema_version = state.db.run(db::migrate::current_version).await?;
    Ok(Json(Status {
        version: env!("CARGO_PKG_VERSION"),
        schema_version,
    }))
}

pub(crate) async fn grant(
    state: &AppState,
    actor: &Actor,
    action: Action,
    ip: &str,
) -> Result<Grant, ApiError> {
    crate::access::pages::grant_for(state, actor, action, ip)
        .await
        .map_err(|(_, e)| e.map(ApiError::Db).unwrap_or(ApiError::Forbidden))
}

/// An administrative change over the API, the twin of the pages'
/// `admin_change`: the policy's grant, the change (which writes its own audit
/// entry), then 204.
pub(crate) async fn admin_change<F>(
    state: &AppState,
    actor: &Actor,
    action: Action,
    ip: String,
    change: F,
) -> Result<StatusCode, ApiError>
where
    F: FnOnce(&mut db::DbConn, &Grant, &str, NaiveDateTime) -> db::DbResult<()> + Send + 'static,
{
    let g = grant(state, actor, action, &ip).await?;
    let at = state.clock.now().naive_utc();
    state.db.run(move |conn| change(conn, &g, &ip, at)).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Serialize, ToSchema)]
pub struct Me {
    pub user_id: String,
    pub email: String,
    pub display_name: String,
    pub organisation_id: Option<String>,
    /// administrator, coordinator, casemanager or facilitator; absent for an analyst.
    pub role: Option<String>,
    pub analyst: bool,
}

/// Who the caller is.
#[utoipa::path(get, path = "/api/v1/me", tag = "access", security(("token" = [])),
    responses((status = 200, body = Me), (status = 401, body = ErrorBody)))]
pub async fn me(CurrentUser(me): CurrentUser) -> Json<Me> {
    Json(Me {
        user_id: me.user.id.clone(),
        email: me.user.email.clone(),
        display_name: me.user.display_name.clone(),
        organisation_id: me.actor.organisation_id().map(str::to_owned),
        role: me.actor.role().map(|r| r.code().to_owned()),
        analyst: me.actor.role().is_none(),
    })
}
