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

/// htmx from npm (see build.rs); empty when the build had no npm.
const HTMX: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/htmx.min.js"));

/// Whether this build carries htmx (pages then load it).
pub fn has_htmx() -> bool {
    !HTMX.is_empty()
}

pub async fn htmx() -> impl IntoResponse {
    (
        [
            (CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (CACHE_CONTROL, "public, max-age=86400"),
        ],
        HTMX,
    )
}

const ATTENDANCE_JS: &str = include_str!("../static/attendance.js");

/// The attendance screen's offline queue (progressive: the form works without it).
pub async fn attendance_js() -> impl IntoResponse {
    (
        [
            (CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (CACHE_CONTROL, "public, max-age=86400"),
        ],
        ATTENDANCE_JS,
    )
}

const SPEAK_JS: &str = include_str!("../static/speak.js");

/// "Read aloud" on the participant's own page (the browser's speech synthesis).
pub async fn speak_js() -> impl IntoResponse {
    (
        [
            (CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (CACHE_CONTROL, "public, max-age=86400"),
        ],
        SPEAK_JS,
    )
}

const FILL_JS: &str = include_str!("../static/fill.js");

/// Reads a chosen file into a text area (the cost import; progressive).
pub async fn fill_js() -> impl IntoResponse {
    (
        [
            (CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (CACHE_CONTROL, "public, max-age=86400"),
        ],
        FILL_JS,
    )
}
