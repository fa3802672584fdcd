//! traject's HTTP layer. Handlers stay thin: extract, call `db` through the
//! domain's rules, render. Every route is registered in [`routes`], so the full
//! route table can be enumerated (OpenAPI coverage, permission tests).

#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod access;
pub mod api;
pub mod assets;
pub mod auth;
pub mod client;
mod csrf;
mod dashboard;
pub mod error;
pub mod forms;
pub mod groups;
pub mod health;
pub mod messages;
pub mod metrics;
pub mod network;
pub mod outcomes;
pub mod pages;
pub mod participants;
pub mod programmes;
pub mod quality;
pub mod ratelimit;
pub mod reports;
pub mod routes;
mod security;

use axum::Router;
use db::Db;
use domain::Clock;
use std::net::SocketAddr;
use std::sync::Arc;

/// What every handler may reach: one `Arc`, so the copy each extractor and
/// middleware takes is one count, not one per field (the clones and drops
/// were 2-3% of the server's time per file read).
#[derive(Clone)]
pub struct AppState(Arc<Shared>);

impl std::ops::Deref for AppState {
    type Target = Shared;
    fn deref(&self) -> &Shared {
        &self.0
    }
}

/// The fields of [`AppState`]; set through its `with_` methods before serving.
#[derive(Clone)]
pub struct Shared {
    pub db: Db,
    pub clock: Arc<dyn Clock>,
    pub metrics: Arc<metrics::Metrics>,
    /// The database holds the fictional demo: every page says so.
    pub demo: bool,
    pub auth: auth::AuthSettings,
    /// Login attempts per address.
    pub login_limiter: Arc<ratelimit::RateLimiter>,
    /// Whose `X-Forwarded-For` names the client.
    pub trusted_proxies: Arc<client::TrustedProxies>,
    /// When set, `/metrics` answers only `Authorization: Bearer <this>`;
    /// kept as its SHA-256 so the comparison takes the same time for every guess.
    pub metrics_token_hash: Option<Arc<String>>,
    /// Shown on the accessibility statement: where to report a barrier.
    pub accessibility_contact: Option<Arc<str>>,
    /// Seals two-step secrets at rest (`secret_key`); none: stored as text.
    pub sealing_key: Option<Arc<domain::sealed::SealingKey>>,
    /// The SMS/WhatsApp gateway's shared secret (its SHA-256), which its
    /// delivery callback must present; none: the callback is refused.
    pub gateway_secret_hash: Option<Arc<String>>,
    /// Personal links that did not open, per address (guessing).
    pub link_limiter: Arc<ratelimit::RateLimiter>,
    /// Uses per personal link (a leaked link scraped).
    pub link_use_limiter: Arc<ratelimit::RateLimiter>,
    /// traject's public address (`public_url`), for links that leave the
    /// page (calendar subscriptions, QR codes, messages); none: the
    /// request's own host.
    pub public_url: Option<Arc<str>>,
    /// What every file page of an organisation offers alike, kept a moment.
    pub choices: Arc<participants::choices::Choices>,
}

impl AppState {
    pub fn new(db: Db, clock: Arc<dyn Clock>) -> Self {
        Self(Arc::new(Shared {
            db,
            clock,
            metrics: Arc::new(metrics::Metrics::new()),
            demo: false,
            auth: auth::AuthSettings::default(),
            login_limiter: Arc::new(ratelimit::RateLimiter::new(
                30,
                chrono::Duration::minutes(10),
            )),
            trusted_proxies: Arc::new(client::TrustedProxies::default()),
            metrics_token_hash: None,
            accessibility_contact: None,
            sealing_key: None,
            gateway_secret_hash: None,
            link_limiter: Arc::new(ratelimit::RateLimiter::new(
                20,
                chrono::Duration::minutes(10),
            )),
            link_use_limiter: Arc::new(ratelimit::RateLimiter::new(
                300,
                chrono::Duration::minutes(10),
            )),
            public_url: None,
            choices: Arc::default(),
        }))
    }

    /// The fields, to set before serving (a copy if already shared).
    fn fields(&mut self) -> &mut Shared {
        Arc::make_mut(&mut self.0)
    }

    /// Personal links: failures allowed per address and uses per link, in
    /// ten minutes.
    pub fn with_link_limits(mut self, failures: usize, uses: usize) -> Self {
        self.fields().link_limiter = Arc::new(ratelimit::RateLimiter::new(
            failures,
            chrono::Duration::minutes(10),
        ));
        self.fields().link_use_limiter = Arc::new(ratelimit::RateLimiter::new(
            uses,
            chrono::Duration::minutes(10),
        ));
        self
    }

    pub fn with_public_url(mut self, url: Option<&str>) -> Self {
        self.fields().public_url = url.map(|u| Arc::from(u.trim_end_matches('/')));
        self
    }

    /// The address links to traject start with: `public_url`, else the
    /// request's host (over http: set `public_url` behind a TLS proxy).
    pub fn base_url(&self, headers: &axum::http::HeaderMap) -> String {
        if let Some(u) = &self.public_url {
            return u.to_string();
        }
        let host = headers
            .get(axum::http::header::HOST)
            .and_then(|h| h.to_str().ok())
            .unwrap_or("localhost");
        format!("http://{host}")
    }

    pub fn with_gateway_secret(mut self, secret: Option<&str>) -> Self {
        self.fields().gateway_secret_hash = secret.map(|s| Arc::new(db::access::secret_hash(s)));
        self
    }

    pub fn with_auth(mut self, auth: auth::AuthSettings) -> Self {
        self.fields().auth = auth;
        self
    }

    pub fn with_trusted_proxies(mut self, proxies: client::TrustedProxies) -> Self {
        self.fields().trusted_proxies = Arc::new(proxies);
        self
    }

    pub fn with_metrics_token(mut self, token: Option<&domain::Secret<String>>) -> Self {
        self.fields().metrics_token_hash =
            token.map(|t| Arc::new(db::access::secret_hash(t.expose())));
        self
    }

    pub fn with_accessibility_contact(mut self, contact: Option<&str>) -> Self {
        self.fields().accessibility_contact = contact.map(Arc::from);
        self
    }

    pub fn with_sealing_key(mut self, key: Option<domain::sealed::SealingKey>) -> Self {
        self.fields().sealing_key = key.map(Arc::new);
        self
    }

    pub fn with_demo(mut self, demo: bool) -> Self {
        self.fields().demo = demo;
        self
    }
}

pub use routes::router;

/// Serves until `shutdown` resolves, then lets in-flight requests complete.
pub async fn serve(
    listener: tokio::net::TcpListener,
    router: Router,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(
        listener,
        router.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown)
    .await
}
