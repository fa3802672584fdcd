//! Errors as HTTP answers: typed, logged once, never a panic.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error(transparent)]
    Db(#[from] db::DbError),
    #[error("not found")]
    NotFound,
    #[error("forbidden")]
    Forbidden,
    #[error("invalid input: {0}")]
    Invalid(&'static str),
    /// A request the API cannot read (query, parameters).
    #[error("bad request: {0}")]
    BadRequest(&'static str),
    /// Work off the runtime (hashing) that did not finish.
    #[error("internal: {0}")]
    Internal(String),
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    /// A stable machine-readable code.
    pub error: &'static str,
}

impl From<db::participants::AccessError> for ApiError {
    fn from(e: db::participants::AccessError) -> Self {
        match e {
            db::participants::AccessError::Denied(_) => ApiError::Forbidden,
            db::participants::AccessError::Db(e) => ApiError::Db(e),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, code) = match &self {
            ApiError::NotFound | ApiError::Db(db::DbError::NotFound(_)) => {
                (StatusCode::NOT_FOUND, "not_found")
            }
            ApiError::Forbidden => (StatusCode::FORBIDDEN, "forbidden"),
            ApiError::Invalid(code) => (StatusCode::UNPROCESSABLE_ENTITY, *code),
            ApiError::BadRequest(code) => (StatusCode::BAD_REQUEST, *code),
            ApiError::Db(db::DbError::Conflict(_)) => (StatusCode::CONFLICT, "conflict"),
            ApiError::Db(db::DbError::Invalid(_)) => (StatusCode::UNPROCESSABLE_ENTITY, "invalid"),
            ApiError::Db(db::DbError::Pool(_)) => (StatusCode::SERVICE_UNAVAILABLE, "unavailable"),
            ApiError::Db(_) | ApiError::Internal(_) => {
                (StatusCode::INTERNAL_SERVER_ERROR, "internal")
            }
        };
        if status.is_server_error() {
            tracing::error!(error = %self, "request failed");
        }
        (status, Json(ErrorBody { error: code })).into_response()
    }
}

/// A panic in a handler is a bug: answer 500, log it, keep serving.
pub(crate) fn panic_response(_payload: Box<dyn std::any::Any + Send + 'static>) -> Response {
    tracing::error!("handler panicked");
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        Json(ErrorBody { error: "internal" }),
    )
        .into_response()
}

/// A JSON body whose rejections answer in the API's own shape (an
/// `ErrorBody`): 415 without a JSON content type, 400 for malformed JSON, 422
/// for JSON of the wrong shape.
pub struct ApiJson<T>(pub T);

impl<T, S> axum::extract::FromRequest<S> for ApiJson<T>
where
    T: serde::de::DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = Response;

    async fn from_request(req: axum::extract::Request, state: &S) -> Result<Self, Response> {
        use axum::extract::rejection::JsonRejection;
        match Json::<T>::from_request(req, state).await {
            Ok(Json(v)) => Ok(ApiJson(v)),
            Err(e) => {
                let (status, code) = match e {
                    JsonRejection::MissingJsonContentType(_) => {
                        (StatusCode::UNSUPPORTED_MEDIA_TYPE, "json_required")
                    }
                    JsonRejection::JsonSyntaxError(_) => {
                        (StatusCode::BAD_REQUEST, "malformed_json")
                    }
                    JsonRejection::JsonDataError(_) => {
                        (StatusCode::UNPROCESSABLE_ENTITY, "invalid_body")
                    }
                    _ => (StatusCode::BAD_REQUEST, "bad_request"),
                };
                Err(rejection(status, code))
            }
        }
    }
}

/// A rejected request in the API's shape: the code, and (empty) field errors
/// so that it also fits where a 422 documents them.
fn rejection(status: StatusCode, code: &'static str) -> Response {
    (
        status,
        Json(serde_json::json!({ "error": code, "fields": [] })),
    )
        .into_response()
}

/// Query parameters whose rejection answers in the API's shape (400).
pub struct ApiQuery<T>(pub T);

impl<T, S> axum::extract::FromRequestParts<S> for ApiQuery<T>
where
    T: serde::de::DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &S,
    ) -> Result<Self, Response> {
        match axum::extract::Query::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Query(v)) => Ok(ApiQuery(v)),
            Err(_) => Err(rejection(StatusCode::BAD_REQUEST, "invalid_query")),
        }
    }
}
