//! Static files, compiled into the binary: no CDN, nothing fetched elsewhere.

use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::response::IntoResponse;

const APP_CSS: &str = include_str!("../static/app.css");

pub async fn app_css() -> impl IntoResponse {
    (
        [
            (CONTENT_TYPE, "text/css; charset=utf-8"),
            // The URL carries the version, so a new release is fetched anew.
            (CACHE_CONTROL, "public, max-age=86400"),
        ],
        APP_CSS,
    )
}
