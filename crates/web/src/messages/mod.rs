//! Messages to participants, as the web sees them: the gateway's delivery
//! callback (the outbox and the worker are in `db::messages` and
//! `messaging`).

pub mod admin;
pub mod api;
pub mod feeds;
pub mod links;
pub mod own;

use crate::AppState;
use crate::error::{ApiError, ErrorBody};
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use utoipa::{OpenApi, ToSchema};

/// When a message went (or is to go), in Brussels time, for the delivery
/// views (her file, a session's page).
pub(crate) fn sent_when(page: &crate::pages::Page, m: &db::messages::Message) -> String {
    let at = domain::clock::brussels_local(m.sent_at.unwrap_or(m.due_at));
    format!("{} {}", page.date(&at.date()), at.format("%H:%M"))
}

#[derive(OpenApi)]
#[openapi(
    paths(
        delivery,
        api::participant_messages,
        api::session_messages,
        api::create_link
    ),
    components(schemas(DeliveryReport, api::MessageLine, api::NewLink, api::LinkCreated))
)]
pub struct Doc;

/// What the gateway reports about a message it accepted.
#[derive(Deserialize, ToSchema)]
pub struct DeliveryReport {
    /// The id the gateway answered when it accepted the message.
    pub id: String,
    /// `delivered` or `failed`.
    pub status: String,
    #[serde(default)]
    pub error: String,
}

/// The SMS/WhatsApp gateway's delivery callback, authenticated by the
/// shared secret in `X-Traject-Secret` (no session). An unknown id changes
/// nothing and still answers 204, so that the gateway stops retrying.
#[utoipa::path(post, path = "/api/v1/messages/delivery", tag = "messages",
    request_body = DeliveryReport,
    params(("X-Traject-Secret" = String, Header, description = "The gateway's shared secret")),
    responses((status = 204, description = "Recorded"),
        (status = 401, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn delivery(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Response {
    let offered = headers
        .get("x-traject-secret")
        .and_then(|v| v.to_str().ok())
        .map(db::access::secret_hash);
    let authentic = match (&state.gateway_secret_hash, offered) {
        (Some(expected), Some(offered)) => **expected == offered,
        _ => false,
    };
    if !authentic {
        return (
            StatusCode::UNAUTHORIZED,
            axum::Json(ErrorBody {
                error: "unauthenticated",
            }),
        )
            .into_response();
    }
    // Read only once the caller is known.
    let Ok(report) = serde_json::from_slice::<DeliveryReport>(&body) else {
        return ApiError::Invalid("body").into_response();
    };
    let delivered = match report.status.as_str() {
        "delivered" => true,
        "failed" => false,
        _ => return ApiError::Invalid("status").into_response(),
    };
    if report.id.is_empty() || report.id.len() > 200 {
        return ApiError::Invalid("id").into_response();
    }
    let now = state.clock.now().naive_utc();
    let done = state
        .db
        .run(move |conn| {
            db::messages::delivery_report(conn, &report.id, delivered, &report.error, now)
        })
        .await;
    match done {
        Ok(_) => StatusCode::NO_CONTENT.into_response(),
        Err(e) => ApiError::from(e).into_response(),
    }
}
