//! `/api/v1` for reaching participants: her messages, a session's delivery
//! view, and a new personal link (page or calendar).

use crate::AppState;
use crate::auth::CurrentUser;
use crate::client::ClientIp;
use crate::error::{ApiError, ErrorBody};
use crate::participants::origin_parts;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use db::participants::Origin;
use domain::messages::LinkKind;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// One message as the API shows it: never its address or text.
#[derive(Serialize, ToSchema)]
pub struct MessageLine {
    pub id: String,
    /// `reminder`, `session_moved`, `session_cancelled`, `personal_link`.
    pub kind: String,
    /// `sms`, `whatsapp`, `email`, `phone_call`.
    pub channel: String,
    /// `queued`, `sending`, `sent`, `delivered`, `failed`, `gave_up`,
    /// `withdrawn`, `to_call`.
    pub status: String,
    pub session_id: Option<String>,
    /// Participant id (in a session's view).
    pub participant_id: Option<String>,
    /// When it is or was due (UTC).
    pub due_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
    pub attempts: i32,
    pub last_error: String,
}

fn line(m: db::messages::Message) -> MessageLine {
    MessageLine {
        id: m.id,
        kind: m.kind,
        channel: m.channel,
        status: m.status,
        session_id: m.session_id,
        participant_id: m.participant_id,
        due_at: m.due_at.and_utc(),
        sent_at: m.sent_at.map(|t| t.and_utc()),
        attempts: m.attempts,
        last_error: m.last_error,
    }
}

/// What was sent to her, when, how, and what failed (times in UTC).
#[utoipa::path(get, path = "/api/v1/participants/{id}/messages", tag = "messages",
    security(("token" = [])),
    params(("id" = String, Path, description = "Participant id")),
    responses((status = 200, body = Vec<MessageLine>), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn participant_messages(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
) -> Result<Json<Vec<MessageLine>>, ApiError> {
    let (at, writer) = origin_parts(&state);
    let actor = me.actor;
    let found = state
        .db
        .run(move |conn| {
            Ok(db::messages::messages_read(
                conn,
                &actor,
                &id,
                Origin::new(Some(&address), at).via(&writer),
            ))
        })
        .await??;
    Ok(Json(found.into_iter().map(line).collect()))
}

/// What was sent to a session's members about it.
#[utoipa::path(get, path = "/api/v1/sessions/{id}/messages", tag = "messages",
    security(("token" = [])),
    params(("id" = String, Path, description = "Session id")),
    responses((status = 200, body = Vec<MessageLine>), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn session_messages(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
) -> Result<Json<Vec<MessageLine>>, ApiError> {
    let (at, writer) = origin_parts(&state);
    let actor = me.actor;
    let found = state
        .db
        .run(move |conn| {
            Ok(db::messages::session_delivery_read(
                conn,
                &actor,
                &id,
                Origin::new(Some(&address), at).via(&writer),
            ))
        })
        .await??;
    Ok(Json(found.into_iter().map(|d| line(d.message)).collect()))
}

/// A new personal link for her.
#[derive(Deserialize, ToSchema)]
pub struct NewLink {
    /// `page` (her own page, works 90 days, replaces the one she had) or
    /// `feed` (her calendar, until revoked).
    pub kind: String,
    /// For a page link: send it to her own channel (when she agreed to one).
    #[serde(default)]
    pub send: bool,
}

#[derive(Serialize, ToSchema)]
pub struct LinkCreated {
    pub id: String,
    pub kind: String,
    /// The link, shown only now.
    pub url: String,
    pub expires_at: Option<DateTime<Utc>>,
    /// Whether it was queued to her phone or email.
    pub sent: bool,
}

/// Makes her page link or calendar link; the address is in this answer only.
#[utoipa::path(post, path = "/api/v1/participants/{id}/links", tag = "messages",
    security(("token" = [])),
    params(("id" = String, Path, description = "Participant id")),
    request_body = NewLink,
    responses((status = 201, body = LinkCreated), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
pub async fn create_link(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    CurrentUser(me): CurrentUser,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: axum::body::Bytes,
) -> Response {
    // The policy first: a refused caller learns nothing from validation.
    if let Err(refused) = crate::participants::allowed_api(
        &state,
        &address,
        &me.actor,
        crate::participants::Check::Participant(
            domain::policy::Action::EditParticipant,
            "link.create",
            id.clone(),
        ),
    )
    .await
    {
        return refused;
    }
    let Ok(body) = serde_json::from_slice::<NewLink>(&body) else {
        return ApiError::Invalid("body").into_response();
    };
    let kind = body.kind.parse::<LinkKind>().ok();
    let base = state.base_url(&headers);
    let (at, _) = origin_parts(&state);
    let actor = me.actor;
    let made = state
        .db
        .run(move |conn| {
            let made = db::messages::links::create_for_participant(
                conn,
                &actor,
                &id,
                kind,
                Origin::new(Some(&address), at),
            );
            let (link, token) = match made {
                Ok(x) => x,
                Err(e) => return Ok(Err(e)),
            };
            let url = match kind {
                Some(LinkKind::Feed) => format!("{base}/calendar/{token}"),
                _ => format!("{base}/p/{token}"),
            };
            let sent = body.send
                && kind == Some(LinkKind::Page)
                && db::messages::links::send_link(conn, &link.organisation_id, &id, &url, at)?;
            Ok(Ok(LinkCreated {
                id: link.id,
                kind: link.kind,
                url,
                expires_at: link.expires_at.map(|t| t.and_utc()),
                sent,
            }))
        })
        .await;
    match made {
        Ok(Ok(created)) => (StatusCode::CREATED, Json(created)).into_response(),
        Ok(Err(e)) => crate::participants::api::edit_error(e),
        Err(e) => ApiError::from(e).into_response(),
    }
}
