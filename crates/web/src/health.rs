//! Liveness and readiness for load balancers and orchestrators.

use crate::AppState;
use axum::extract::State;
use axum::http::StatusCode;

/// The process is up.
pub async fn healthz() -> &'static str {
    "ok"
}

/// The database answers and carries every migration this binary knows.
pub async fn readyz(State(state): State<AppState>) -> (StatusCode, &'static str) {
    match state.db.run(db::migrate::pending_count).await {
        Ok(0) => (StatusCode::OK, "ready"),
        Ok(_) => (StatusCode::SERVICE_UNAVAILABLE, "migrations pending"),
        Err(e) => {
            tracing::warn!(error = %e, "readiness check failed");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
        }
    }
}
