//! One harness for every database and HTTP test: a fresh database per test on
//! the backend the environment names (SQLite by default, PostgreSQL when
//! `TRAJECT_TEST_DATABASE_URL` points at a server), and the app on port 0.

use chrono::{DateTime, Utc};
use db::{Backend, DatabaseUrl, Db, PoolOptions};
use domain::ManualClock;
use std::sync::Arc;

pub const TEST_DATABASE_ENV: &str = "TRAJECT_TEST_DATABASE_URL";

/// The instant every test starts at, unless it sets the clock itself.
pub fn test_now() -> DateTime<Utc> {
    "2026-11-22T10:00:00Z".parse().unwrap_or_default()
}

pub fn test_clock() -> ManualClock {
    ManualClock::new(test_now())
}

/// A database that exists for one test and is removed afterwards.
pub struct TestDatabase {
    pub url: DatabaseUrl,
    url_text: String,
    cleanup: Cleanup,
}

enum Cleanup {
    Sqlite(#[allow(dead_code)] tempfile::TempDir),
    Postgres { admin_url: String, name: String },
}

impl TestDatabase {
    pub fn new() -> Self {
        match std::env::var(TEST_DATABASE_ENV) {
            Ok(admin_url) if !admin_url.trim().is_empty() => Self::postgres(admin_url.trim()),
            _ => Self::sqlite(),
        }
    }

    fn sqlite() -> Self {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temporary folder: {e}"));
        let url_text = format!("sqlite://{}", dir.path().join("traject.db").display());
        Self {
            url: DatabaseUrl::parse(&url_text).unwrap_or_else(|e| panic!("{e}")),
            url_text,
            cleanup: Cleanup::Sqlite(dir),
        }
    }

    fn postgres(admin_url: &str) -> Self {
        let name = format!("traject_test_{}", uuid::Uuid::new_v4().simple());
        db::backend::create_postgres_database(admin_url, &name)
            .unwrap_or_else(|e| panic!("cannot create test database on {TEST_DATABASE_ENV}: {e}"));
        let url_text = with_database_name(admin_url, &name);
        Self {
            url: DatabaseUrl::parse(&url_text).unwrap_or_else(|e| panic!("{e}")),
            url_text,
            cleanup: Cleanup::Postgres {
                admin_url: admin_url.to_owned(),
                name,
            },
        }
    }

    pub fn backend(&self) -> Backend {
        self.url.backend()
    }

    /// The URL as text, for handing to the `traject` binary.
    pub fn url_text(&self) -> &str {
        &self.url_text
    }

    /// Opens the pool, migrated.
    pub fn open(&self) -> Db {
        Db::open(&self.url, PoolOptions::for_this_machine())
            .unwrap_or_else(|e| panic!("opening test database: {e}"))
    }

    /// Opens the pool with the demo seeded as on the instant `now`.
    pub fn open_with_demo(&self, now: DateTime<Utc>) -> Db {
        let db = self.open();
        let mut conn = db.get().unwrap_or_else(|e| panic!("a connection: {e}"));
        db::demo::seed(&mut conn, now, None).unwrap_or_else(|e| panic!("seeding the demo: {e}"));
        db
    }
}

/// For a crate whose integration tests are one binary (`autotests` off):
/// panics on a file in its `tests/` that `main_rs` (that binary's source)
/// does not declare as a module, since such a file is never built nor run,
/// silently.
pub fn assert_every_test_file_is_a_module(manifest_dir: &str, main_rs: &str) {
    let dir = std::path::Path::new(manifest_dir).join("tests");
    let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("reading {dir:?}: {e}"));
    for entry in entries {
        let path = entry
            .unwrap_or_else(|e| panic!("reading {dir:?}: {e}"))
            .path();
        let Some(stem) = path.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        if path.extension().is_some_and(|e| e == "rs") && stem != "main" {
            assert!(
                main_rs.lines().any(|l| l == format!("mod {stem};")),
                "tests/{stem}.rs is not declared in tests/main.rs: add `mod {stem};`"
            );
        }
    }
}

impl Default for TestDatabase {
    fn default() -> Self {
        Self::new()
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        if let Cleanup::Postgres { admin_url, name } = &self.cleanup
            && let Err(e) = db::backend::drop_postgres_database(admin_url, name)
        {
            eprintln!("warning: could not drop test database {name}: {e}");
        }
    }
}

/// Replaces the database name in a PostgreSQL URL, keeping any query string.
fn with_database_name(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let scheme_end = base.find("://").map(|i| i + 3).unwrap_or(0);
    let base = match base[scheme_end..].find('/') {
        Some(slash) => &base[..scheme_end + slash],
        None => base,
    };
    match query {
        Some(q) => format!("{base}/{name}?{q}"),
        None => format!("{base}/{name}"),
    }
}

/// A running traject on port 0 with its own database and clock.
pub struct TestApp {
    pub base_url: String,
    pub client: reqwest::Client,
    pub db: Db,
    pub clock: ManualClock,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    server: Option<tokio::task::JoinHandle<()>>,
    // Dropped last: the server and pool go first.
    _database: TestDatabase,
}

pub struct TestAppBuilder {
    demo: bool,
    trusted_proxies: Vec<&'static str>,
    metrics_token: Option<&'static str>,
    configure: Option<Box<dyn FnOnce(web::AppState) -> web::AppState + Send>>,
}

/// The staff of the fixtures, by the role a test wants.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum As {
    Administrator,
    Coordinator,
    Casemanager,
    Facilitator,
    /// The cross-organisation analyst.
    Analyst,
    /// The administrator of another organisation.
    OtherOrganisation,
}

impl As {
    pub const ALL: [As; 6] = [
        As::Administrator,
        As::Coordinator,
        As::Casemanager,
        As::Facilitator,
        As::Analyst,
        As::OtherOrganisation,
    ];

    pub fn email(self) -> &'static str {
        match self {
            As::Administrator => "beheerder@demostad.example",
            As::Coordinator => "coordinator@demostad.example",
            As::Casemanager => "casemanager1@demostad.example",
            As::Facilitator => "facilitator@demostad.example",
            As::Analyst => "analyst@federal.example",
            As::OtherOrganisation => "beheerder@elders.example",
        }
    }
}

/// Every fixture account has the demo password.
pub const PASSWORD: &str = db::demo::DEMO_PASSWORD;

impl TestApp {
    pub fn builder() -> TestAppBuilder {
        TestAppBuilder {
            demo: false,
            trusted_proxies: Vec::new(),
            metrics_token: None,
            configure: None,
        }
    }

    /// An empty, migrated app.
    pub async fn spawn() -> Self {
        Self::builder().spawn().await
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base_url, path)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .send()
            .await
            .unwrap_or_else(|e| panic!("GET {path}: {e}"))
    }

    pub fn backend(&self) -> Backend {
        self.db.backend()
    }

    /// A client with its own cookie jar, not signed in.
    pub fn new_client(&self) -> reqwest::Client {
        reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap_or_else(|e| panic!("{e}"))
    }

    /// Signs in with a login and password; returns the login response.
    pub async fn post_login(
        &self,
        client: &reqwest::Client,
        login: &str,
        password: &str,
    ) -> reqwest::Response {
        client
            .post(self.url("/login"))
            .form(&[("login", login), ("password", password)])
            .send()
            .await
            .unwrap_or_else(|e| panic!("POST /login: {e}"))
    }

    /// A client signed in as one of the fixture accounts.
    pub async fn client_as(&self, who: As) -> reqwest::Client {
        let client = self.new_client();
        let r = self.post_login(&client, who.email(), PASSWORD).await;
        assert_eq!(r.status(), 303, "login as {who:?} failed");
        client
    }

    /// The form token of a signed-in client, read from a page as a browser would.
    pub async fn csrf(&self, client: &reqwest::Client) -> String {
        let body = client
            .get(self.url("/dashboard"))
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e}"))
            .text()
            .await
            .unwrap_or_default();
        let marker = "name=\"csrf\" value=\"";
        body.find(marker)
            .map(|i| {
                body[i + marker.len()..]
                    .chars()
                    .take_while(|c| *c != '"')
                    .collect()
            })
            .unwrap_or_default()
    }

    /// `GET path` with a client, answered 200, as JSON.
    pub async fn json(&self, client: &reqwest::Client, path: &str) -> serde_json::Value {
        let r = client
            .get(self.url(path))
            .send()
            .await
            .unwrap_or_else(|e| panic!("GET {path}: {e}"));
        assert_eq!(r.status(), 200, "GET {path}");
        r.json()
            .await
            .unwrap_or_else(|e| panic!("GET {path}: not JSON: {e}"))
    }

    /// `GET path` with a client, answered 200, as text.
    pub async fn text(&self, client: &reqwest::Client, path: &str) -> String {
        let r = client
            .get(self.url(path))
            .send()
            .await
            .unwrap_or_else(|e| panic!("GET {path}: {e}"));
        assert_eq!(r.status(), 200, "GET {path}");
        r.text().await.unwrap_or_else(|e| panic!("GET {path}: {e}"))
    }

    /// Runs blocking database work against the app's database.
    pub async fn with_db<R: Send + 'static>(
        &self,
        work: impl FnOnce(&mut db::DbConn) -> R + Send + 'static,
    ) -> R {
        self.db
            .run(move |conn| Ok(work(conn)))
            .await
            .unwrap_or_else(|e| panic!("{e}"))
    }

    /// Stops the server gracefully and waits for it.
    pub async fn stop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(server) = self.server.take() {
            let _ = server.await;
        }
    }
}

impl TestAppBuilder {
    /// Seeds the demo organisation before the server starts.
    pub fn with_demo(mut self) -> Self {
        self.demo = true;
        self
    }

    /// Believes `X-Forwarded-For` from these addresses or networks.
    pub fn with_trusted_proxies(mut self, proxies: &[&'static str]) -> Self {
        self.trusted_proxies = proxies.to_vec();
        self
    }

    /// Any other setting of the application state, e.g. `|s| s.with_accessibility_contact(..)`.
    pub fn configure(
        mut self,
        f: impl FnOnce(web::AppState) -> web::AppState + Send + 'static,
    ) -> Self {
        self.configure = Some(Box::new(f));
        self
    }

    /// `/metrics` only with this bearer token.
    pub fn with_metrics_token(mut self, token: &'static str) -> Self {
        self.metrics_token = Some(token);
        self
    }

    pub async fn spawn(self) -> TestApp {
        let database = TestDatabase::new();
        let clock = test_clock();
        let db = {
            let database_url = database.url.clone();
            let demo = self.demo;
            let now = clock_now(&clock);
            tokio::task::spawn_blocking(move || {
                let db = Db::open(&database_url, PoolOptions::for_this_machine())
                    .unwrap_or_else(|e| panic!("opening test database: {e}"));
                if demo {
                    let mut conn = db.get().unwrap_or_else(|e| panic!("{e}"));
                    db::demo::seed(&mut conn, now, None)
                        .unwrap_or_else(|e| panic!("demo seed: {e}"));
                    add_fixtures(&mut conn, now);
                }
                db
            })
            .await
            .unwrap_or_else(|e| panic!("{e}"))
        };
        // Plain http on loopback: cookies without Secure, as `serve --demo` does.
        let auth = web::auth::AuthSettings {
            secure_cookies: false,
            ..Default::default()
        };
        let state = web::AppState::new(db.clone(), Arc::new(clock.clone()))
            .with_demo(self.demo)
            .with_auth(auth)
            .with_trusted_proxies(
                web::client::TrustedProxies::parse(&self.trusted_proxies)
                    .unwrap_or_else(|e| panic!("{e}")),
            )
            .with_metrics_token(
                self.metrics_token
                    .map(|t| domain::Secret::new(t.to_owned()))
                    .as_ref(),
            );
        let state = match self.configure {
            Some(f) => f(state),
            None => state,
        };
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .unwrap_or_else(|e| panic!("bind: {e}"));
        let addr = listener.local_addr().unwrap_or_else(|e| panic!("{e}"));
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        let server = tokio::spawn(async move {
            let _ = web::serve(listener, web::router(state), async {
                let _ = rx.await;
            })
            .await;
        });
        let client = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap_or_else(|e| panic!("{e}"));
        TestApp {
            base_url: format!("http://{addr}"),
            client,
            db,
            clock,
            shutdown: Some(tx),
            server: Some(server),
            _database: database,
        }
    }
}

/// Beside the demo: another organisation with its administrator, and an analyst.
fn add_fixtures(conn: &mut db::DbConn, now: DateTime<Utc>) {
    use diesel::prelude::*;
    let ts = now.naive_utc();
    let hash = domain::password::NewPassword::parse(PASSWORD)
        .unwrap_or_else(|e| panic!("{e}"))
        .hash();
    let other = db::repo::new_organisation(
        "elders",
        "OCMW Elders (test)",
        domain::model::Language::Fr,
        false,
        ts,
    );
    db::repo::insert_organisation(conn, &other).unwrap_or_else(|e| panic!("{e}"));
    let user = |email, name, hash: &str| db::repo::NewUser {
        email,
        username: None,
        display_name: name,
        preferred_language: None,
        grammatical_gender: None,
        password_hash: hash.to_owned(),
    };
    db::repo::add_user(
        conn,
        user(
            As::OtherOrganisation.email(),
            "Other Administrator (test)",
            &hash,
        ),
        &other.id,
        domain::model::Role::Administrator,
        ts,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    // The analyst belongs to no organisation: made in "elders", then detached.
    let analyst = db::repo::add_user(
        conn,
        user(As::Analyst.email(), "Federal Analyst (test)", &hash),
        &other.id,
        domain::model::Role::Facilitator,
        ts,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    diesel::delete(
        db::schema::memberships::table.filter(db::schema::memberships::user_id.eq(&analyst.id)),
    )
    .execute(conn)
    .unwrap_or_else(|e| panic!("{e}"));
    diesel::update(db::schema::users::table.find(&analyst.id))
        .set(db::schema::users::is_analyst.eq(true))
        .execute(conn)
        .unwrap_or_else(|e| panic!("{e}"));
}

fn clock_now(clock: &ManualClock) -> DateTime<Utc> {
    use domain::Clock;
    clock.now()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_database_name() {
        assert_eq!(
            with_database_name("postgres://u@127.0.0.1:5433/postgres", "t1"),
            "postgres://u@127.0.0.1:5433/t1"
        );
        assert_eq!(
            with_database_name("postgres://u@h/postgres?sslmode=disable", "t1"),
            "postgres://u@h/t1?sslmode=disable"
        );
        assert_eq!(
            with_database_name("postgres://u@h", "t1"),
            "postgres://u@h/t1"
        );
    }
}
