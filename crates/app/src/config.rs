//! Configuration: built-in defaults < `traject.toml` < `TRAJECT_*` environment.

use db::DatabaseUrl;
use domain::Secret;
use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
use serde::{Deserialize, Serialize};
use std::net::SocketAddr;
use std::path::Path;

pub const DEFAULT_DATABASE_URL: &str = "sqlite://./data/traject.db";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    Text,
    Json,
}

/// The raw configuration as read; `database_url` is a secret (it may hold a password).
#[derive(Debug, Deserialize)]
struct Raw {
    database_url: Secret<String>,
    bind: SocketAddr,
    log_format: LogFormat,
    log_level: String,
    db_pool_size: Option<u32>,
    session_idle_minutes: i64,
    session_lifetime_hours: i64,
    secure_cookies: Option<bool>,
    #[serde(default)]
    trusted_proxies: OneOrMany,
    metrics_token: Option<Secret<String>>,
    accessibility_contact: Option<String>,
    secret_key: Option<Secret<String>>,
    smtp_url: Option<Secret<String>>,
    smtp_from: Option<String>,
    gateway_url: Option<String>,
    gateway_secret: Option<Secret<String>>,
    message_attempts: Option<i32>,
    worker: Option<bool>,
    public_url: Option<String>,
}

/// A list in `traject.toml`, or one comma-separated string (as an environment
/// variable must be).
#[derive(Debug, Default, Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    #[default]
    None,
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    fn into_vec(self) -> Vec<String> {
        match self {
            OneOrMany::None => Vec::new(),
            OneOrMany::One(s) => s
                .split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect(),
            OneOrMany::Many(v) => v,
        }
    }
}

#[derive(Serialize)]
struct Defaults {
    database_url: &'static str,
    bind: &'static str,
    log_format: LogFormat,
    log_level: &'static str,
    session_idle_minutes: i64,
    session_lifetime_hours: i64,
}

#[derive(Debug, Clone)]
pub struct Config {
    pub database_url: DatabaseUrl,
    pub bind: SocketAddr,
    pub log_format: LogFormat,
    pub log_level: String,
    pub db_pool_size: Option<u32>,
    pub session_idle_minutes: i64,
    pub session_lifetime_hours: i64,
    /// `None`: secure, except that `serve --demo` on a loopback address turns it off.
    pub secure_cookies: Option<bool>,
    /// Reverse proxies whose `X-Forwarded-For` names the client.
    pub trusted_proxies: web::client::TrustedProxies,
    /// When set, `/metrics` requires it as a bearer token.
    pub metrics_token: Option<Secret<String>>,
    /// Shown on the accessibility statement, e.g. an email address and a phone number.
    pub accessibility_contact: Option<String>,
    /// Seals two-step secrets at rest; the same on every app server.
    pub sealing_key: Option<domain::sealed::SealingKey>,
    /// Email over SMTP (URL with credentials, a secret) and its sender.
    pub smtp: Option<messaging::SmtpSettings>,
    /// SMS and WhatsApp through an HTTP gateway.
    pub gateway: Option<messaging::GatewaySettings>,
    pub message_attempts: i32,
    /// Whether `traject serve` runs the outbox worker (default yes).
    pub worker: bool,
    /// traject's address as participants and staff reach it (links in
    /// messages, QR codes, calendar subscriptions), e.g.
    /// `https://traject.ocmw.example`; none: the request's host over http.
    pub public_url: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("configuration: {0}")]
    Invalid(String),
    #[error("configuration: {0}")]
    Database(#[from] db::DbError),
}

impl Config {
    /// Loads the layers. `file` is read only if it exists, unless named explicitly.
    pub fn load(file: Option<&Path>) -> Result<Self, ConfigError> {
        let defaults = Defaults {
            database_url: DEFAULT_DATABASE_URL,
            bind: "127.0.0.1:8080",
            log_format: LogFormat::Text,
            log_level: "info",
            session_idle_minutes: 30,
            session_lifetime_hours: 12,
        };
        let mut figment = Figment::from(Serialized::defaults(defaults));
        match file {
            Some(path) => {
                if !path.exists() {
                    return Err(ConfigError::Invalid(format!(
                        "configuration file {} does not exist",
                        path.display()
                    )));
                }
                figment = figment.merge(Toml::file(path));
            }
            None => figment = figment.merge(Toml::file("traject.toml")),
        }
        let raw: Raw = figment
            .merge(Env::prefixed("TRAJECT_").ignore(&["test_database_url"]))
            .extract()
            .map_err(|e| ConfigError::Invalid(one_line(&e.to_string())))?;
        if let Some(0) = raw.db_pool_size {
            return Err(ConfigError::Invalid(
                "db_pool_size must be at least 1".into(),
            ));
        }
        let trusted_proxies = web::client::TrustedProxies::parse(&raw.trusted_proxies.into_vec())
            .map_err(|e| ConfigError::Invalid(e.to_string()))?;
        let sealing_key = match raw.secret_key.as_ref().map(|k| k.expose().trim()) {
            None | Some("") => None,
            Some(hex) => Some(
                domain::sealed::SealingKey::from_hex(hex)
                    .map_err(|e| ConfigError::Invalid(e.to_string()))?,
            ),
        };
        let smtp = match (raw.smtp_url, raw.smtp_from) {
            (Some(url), Some(from)) if !url.expose().is_empty() => Some(messaging::SmtpSettings {
                url: url.expose().clone(),
                from,
            }),
            (Some(url), None) if !url.expose().is_empty() => {
                return Err(ConfigError::Invalid(
                    "smtp_url needs smtp_from (the sender, e.g. traject <no-reply@ocmw.example>)"
                        .into(),
                ));
            }
            _ => None,
        };
        let gateway = match (raw.gateway_url, raw.gateway_secret) {
            (Some(url), Some(secret)) if !url.is_empty() && !secret.expose().is_empty() => {
                Some(messaging::GatewaySettings {
                    url,
                    secret: secret.expose().clone(),
                })
            }
            (Some(url), _) if !url.is_empty() => {
                return Err(ConfigError::Invalid(
                    "gateway_url needs gateway_secret (sent as X-Traject-Secret)".into(),
                ));
            }
            _ => None,
        };
        let message_attempts = raw.message_attempts.unwrap_or(5);
        if !(1..=20).contains(&message_attempts) {
            return Err(ConfigError::Invalid(
                "message_attempts must be between 1 and 20".into(),
            ));
        }
        let public_url = match raw
            .public_url
            .map(|u| u.trim().trim_end_matches('/').to_owned())
        {
            Some(u) if u.is_empty() => None,
            Some(u) if u.starts_with("https://") || u.starts_with("http://") => Some(u),
            Some(_) => {
                return Err(ConfigError::Invalid(
                    "public_url must start with https:// (or http://)".into(),
                ));
            }
            None => None,
        };
        Ok(Config {
            public_url,
            smtp,
            gateway,
            message_attempts,
            worker: raw.worker.unwrap_or(true),
            database_url: DatabaseUrl::parse(raw.database_url.expose())?,
            bind: raw.bind,
            log_format: raw.log_format,
            log_level: raw.log_level,
            db_pool_size: raw.db_pool_size,
            session_idle_minutes: raw.session_idle_minutes,
            session_lifetime_hours: raw.session_lifetime_hours,
            secure_cookies: raw.secure_cookies,
            trusted_proxies,
            metrics_token: raw.metrics_token.filter(|t| !t.expose().is_empty()),
            accessibility_contact: raw
                .accessibility_contact
                .map(|c| c.trim().to_owned())
                .filter(|c| !c.is_empty()),
            sealing_key,
        })
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
