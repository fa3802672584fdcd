//! Staff access over `/api/v1`: users, sessions, tokens, the audit trail.

use crate::AppState;
use crate::api::{admin_change, grant};
use crate::auth::CurrentUser;
use crate::client::ClientIp;
use crate::error::{ApiError, ApiJson, ApiQuery, ErrorBody};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use db::credentials::Context;
use domain::policy::Action;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, OpenApi, ToSchema};

#[derive(OpenApi)]
#[openapi(
    paths(
        audit,
        users,
        disable_user,
        enable_user,
        reset_password,
        reset_second_factor,
        sessions,
        end_session,
        tokens,
        create_token,
        revoke_token
    ),
    components(schemas(
        AuditLine,
        StaffLine,
        TemporaryPassword,
        SessionLine,
        TokenLine,
        NewToken,
        CreatedToken
    ))
)]
pub struct Doc;

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AuditQuery {
    /// Only entries about this record (e.g. a participant id).
    pub subject: Option<String>,
    /// Only entries of this action (e.g. participant.read).
    pub action: Option<String>,
    /// At most this many, newest first (default 200).
    #[param(minimum = 1, maximum = 1000, nullable = false)]
    pub limit: Option<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct AuditLine {
    pub seq: i64,
    pub at: DateTime<Utc>,
    pub actor_user_id: Option<String>,
    pub actor_label: String,
    pub action: String,
    pub subject_type: Option<String>,
    pub subject_id: Option<String>,
    pub detail: String,
    pub outcome: String,
    pub ip: Option<String>,
}

/// The organisation's audit trail ("who read this file?").
#[utoipa::path(get, path = "/api/v1/audit", tag = "access", security(("token" = [])), params(AuditQuery),
    responses((status = 200, body = [AuditLine]), (status = 403, body = ErrorBody)))]
pub async fn audit(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    CurrentUser(me): CurrentUser,
    ApiQuery(q): ApiQuery<AuditQuery>,
) -> Result<Json<Vec<AuditLine>>, ApiError> {
    if q.limit.is_some_and(|n| !(1..=1000).contains(&n)) {
        return Err(ApiError::BadRequest("invalid_query"));
    }
    let g = grant(&state, &me.actor, Action::ReadAuditTrail, &address).await?;
    let org = g.organisation_id().unwrap_or_default().to_owned();
    let filter = db::audit::Filter {
        subject_id: q.subject,
        actor_user_id: None,
        action: q.action,
        limit: q.limit.unwrap_or(200).clamp(1, 1000),
    };
    let entries = state
        .db
        .run(move |conn| db::audit::list(conn, &org, &filter))
        .await?;
    Ok(Json(
        entries
            .into_iter()
            .map(|e| AuditLine {
                seq: e.seq,
                at: e.at.and_utc(),
                actor_user_id: e.actor_user_id,
                actor_label: e.actor_label,
                action: e.action,
                subject_type: e.subject_type,
                subject_id: e.subject_id,
                detail: e.detail,
                outcome: e.outcome,
                ip: e.ip,
            })
            .collect(),
    ))
}

#[derive(Serialize, ToSchema)]
pub struct StaffLine {
    pub id: String,
    pub email: String,
    pub display_name: String,
    pub role: String,
    pub active: bool,
    pub totp_enabled: bool,
}

/// Staff of the organisation (administrators).
#[utoipa::path(get, path = "/api/v1/users", tag = "access", security(("token" = [])),
    responses((status = 200, body = [StaffLine]), (status = 403, body = ErrorBody)))]
pub async fn users(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    CurrentUser(me): CurrentUser,
) -> Result<Json<Vec<StaffLine>>, ApiError> {
    let g = grant(&state, &me.actor, Action::ManageUsers, &address).await?;
    let staff = state
        .db
        .run(move |conn| db::access::list_staff(conn, &g))
        .await?;
    Ok(Json(
        staff
            .into_iter()
            .map(|(u, r)| StaffLine {
                id: u.id,
                email: u.email,
                display_name: u.display_name,
                role: r.code().to_owned(),
                active: u.active,
                totp_enabled: u.totp_enabled,
            })
            .collect(),
    ))
}

/// Disables an account and ends all its sessions (administrators).
#[utoipa::path(post, path = "/api/v1/users/{id}/disable", tag = "access", security(("token" = [])),
    params(("id" = String, Path, description = "User id")),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn disable_user(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    admin_change(
        &state,
        &me.actor,
        Action::ManageUsers,
        ip,
        move |conn, g, ip, at| db::access::disable_staff(conn, g, &id, Some(ip), at),
    )
    .await
}

/// Re-enables a disabled account (administrators).
#[utoipa::path(post, path = "/api/v1/users/{id}/enable", tag = "access", security(("token" = [])),
    params(("id" = String, Path, description = "User id")),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn enable_user(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    admin_change(
        &state,
        &me.actor,
        Action::ManageUsers,
        ip,
        move |conn, g, ip, at| db::access::enable_staff(conn, g, &id, Some(ip), at),
    )
    .await
}

#[derive(Serialize, ToSchema)]
pub struct TemporaryPassword {
    /// Shown only in this answer; the person must replace it at her next login.
    pub temporary_password: String,
}

/// Gives an account a temporary password, ends its sessions and lifts a
/// lockout (administrators).
#[utoipa::path(post, path = "/api/v1/users/{id}/reset-password", tag = "access", security(("token" = [])),
    params(("id" = String, Path, description = "User id")),
    responses((status = 201, body = TemporaryPassword), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn reset_password(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
) -> Result<(StatusCode, Json<TemporaryPassword>), ApiError> {
    let g = grant(&state, &me.actor, Action::ManageUsers, &ip).await?;
    let temporary = domain::password::temporary();
    let hash = crate::pages::hash_password(&temporary)
        .await
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    let at = state.clock.now().naive_utc();
    state
        .db
        .run(move |conn| db::access::reset_staff_password(conn, &g, &id, &hash, Some(&ip), at))
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(TemporaryPassword {
            temporary_password: temporary.expose().to_owned(),
        }),
    ))
}

/// Turns off an account's second factor when its owner lost her phone and
/// recovery codes; ends its sessions (administrators).
#[utoipa::path(post, path = "/api/v1/users/{id}/reset-two-step", tag = "access", security(("token" = [])),
    params(("id" = String, Path, description = "User id")),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn reset_second_factor(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    admin_change(
        &state,
        &me.actor,
        Action::ManageUsers,
        ip,
        move |conn, g, ip, at| db::access::reset_staff_second_factor(conn, g, &id, Some(ip), at),
    )
    .await
}

#[derive(Serialize, ToSchema)]
pub struct SessionLine {
    pub id: String,
    pub user_id: String,
    pub email: String,
    pub ip: Option<String>,
    pub created_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
}

/// Open sessions of the organisation's staff (administrators).
#[utoipa::path(get, path = "/api/v1/sessions", tag = "access", security(("token" = [])),
    responses((status = 200, body = [SessionLine]), (status = 403, body = ErrorBody)))]
pub async fn sessions(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    CurrentUser(me): CurrentUser,
) -> Result<Json<Vec<SessionLine>>, ApiError> {
    let g = grant(&state, &me.actor, Action::ManageSessions, &address).await?;
    let list = state
        .db
        .run(move |conn| db::access::list_sessions(conn, &g))
        .await?;
    Ok(Json(
        list.into_iter()
            .map(|s| SessionLine {
                id: s.id,
                user_id: s.user_id,
                email: s.email,
                ip: s.ip,
                created_at: s.created_at.and_utc(),
                last_seen_at: s.last_seen_at.and_utc(),
            })
            .collect(),
    ))
}

/// Ends a session (administrators).
#[utoipa::path(delete, path = "/api/v1/sessions/{id}", tag = "access", security(("token" = [])),
    params(("id" = String, Path, description = "Session id as listed")),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn end_session(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    admin_change(
        &state,
        &me.actor,
        Action::ManageSessions,
        ip,
        move |conn, g, ip, at| db::access::end_session(conn, g, &id, Some(ip), at),
    )
    .await
}

#[derive(Serialize, ToSchema)]
pub struct TokenLine {
    pub id: String,
    pub name: String,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

/// The caller's own tokens.
#[utoipa::path(get, path = "/api/v1/tokens", tag = "access", security(("token" = [])),
    responses((status = 200, body = [TokenLine]), (status = 401, body = ErrorBody)))]
pub async fn tokens(
    State(state): State<AppState>,
    CurrentUser(me): CurrentUser,
) -> Result<Json<Vec<TokenLine>>, ApiError> {
    let actor = me.actor;
    let list = state
        .db
        .run(move |conn| db::credentials::list_tokens(conn, &actor))
        .await?;
    Ok(Json(
        list.into_iter()
            .map(|t| TokenLine {
                id: t.id,
                name: t.name,
                created_at: t.created_at.and_utc(),
                last_used_at: t.last_used_at.map(|d| d.and_utc()),
                revoked_at: t.revoked_at.map(|d| d.and_utc()),
            })
            .collect(),
    ))
}

#[derive(Deserialize, ToSchema)]
pub struct NewToken {
    pub name: String,
}

#[derive(Serialize, ToSchema)]
pub struct CreatedToken {
    pub id: String,
    /// The secret: returned once, stored only hashed.
    pub token: String,
}

/// Creates a personal token with the caller's rights.
#[utoipa::path(post, path = "/api/v1/tokens", tag = "access", security(("token" = [])), request_body = NewToken,
    responses((status = 201, body = CreatedToken), (status = 422, body = ErrorBody)))]
pub async fn create_token(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    CurrentUser(me): CurrentUser,
    ApiJson(body): ApiJson<NewToken>,
) -> Result<(StatusCode, Json<CreatedToken>), ApiError> {
    let name = body.name.trim().chars().take(100).collect::<String>();
    if name.is_empty() {
        return Err(ApiError::Invalid("name_required"));
    }
    let (actor, ip, at) = (me.actor, address, state.clock.now().naive_utc());
    let (token, secret) = state
        .db
        .run(move |conn| {
            db::credentials::create_token(
                conn,
                Context {
                    actor: &actor,
                    ip: Some(&ip),
                    at,
                },
                &name,
            )
        })
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(CreatedToken {
            id: token.id,
            token: secret,
        }),
    ))
}

/// Revokes one of the caller's tokens; it stops working at once.
#[utoipa::path(delete, path = "/api/v1/tokens/{id}", tag = "access", security(("token" = [])),
    params(("id" = String, Path, description = "Token id")),
    responses((status = 204), (status = 404, body = ErrorBody)))]
pub async fn revoke_token(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    let (actor, ip, at) = (me.actor, address, state.clock.now().naive_utc());
    state
        .db
        .run(move |conn| {
            db::credentials::revoke_token(
                conn,
                Context {
                    actor: &actor,
                    ip: Some(&ip),
                    at,
                },
                &id,
            )
        })
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
