//! The JSON API under `/api/v1` and its OpenAPI document, generated from the code.

use crate::AppState;
use crate::error::{ApiError, ErrorBody};
use axum::Json;
use axum::extract::State;
use serde::Serialize;
use utoipa::OpenApi;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "traject API",
        description = "Support trajectories for OCMW/CPAS programmes."
    ),
    paths(status),
    components(schemas(Status, ErrorBody))
)]
pub struct ApiDoc;

/// The OpenAPI 3.1 document of every `/api/v1` route.
pub async fn openapi_json() -> Json<utoipa::openapi::OpenApi> {
    let mut doc = ApiDoc::openapi();
    doc.info.version = env!("CARGO_PKG_VERSION").to_owned();
    Json(doc)
}

#[derive(Serialize, utoipa::ToSchema)]
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
