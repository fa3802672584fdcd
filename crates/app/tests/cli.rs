//! The `traject` binary as an operator uses it: real processes, real databases
//! (SQLite by default, PostgreSQL when TRAJECT_TEST_DATABASE_URL is set).

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};
use test_support::TestDatabase;

const BIN: &str = env!("CARGO_BIN_EXE_traject");

/// A command with a clean environment: only the variables a test sets.
fn traject(dir: &std::path::Path) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.current_dir(dir)
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("TRAJECT_LOG_LEVEL", "warn")
        .stdin(Stdio::null());
    cmd
}

fn with_db(dir: &std::path::Path, database: &TestDatabase) -> Command {
    let mut cmd = traject(dir);
    cmd.env("TRAJECT_DATABASE_URL", database.url_text());
    cmd
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

fn assert_one_line_exit_2(out: &Output, must_mention: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{}", text(out));
    assert_eq!(
        stderr.trim_end().lines().count(),
        1,
        "one readable line expected, got:\n{stderr}"
    );
    assert!(stderr.contains(must_mention), "{stderr}");
    assert!(
        !stderr.contains("panicked") && !stderr.contains("backtrace"),
        "{stderr}"
    );
}

#[test]
fn help_lists_the_subcommands() {
    let dir = tempfile::tempdir().unwrap();
    let out = traject(dir.path()).arg("--help").output().unwrap();
    assert!(out.status.success());
    let help = text(&out);
    for sub in ["serve", "migrate", "user", "demo", "check"] {
        assert!(help.contains(sub), "--help lacks {sub}: {help}");
    }
}

#[test]
fn malformed_database_url_exits_2_with_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let out = traject(dir.path())
        .env(
            "TRAJECT_DATABASE_URL",
            "mysql://root:hunter2secret@localhost/x",
        )
        .arg("serve")
        .output()
        .unwrap();
    assert_one_line_exit_2(&out, "unsupported database URL");
    assert!(
        !text(&out).contains("hunter2secret"),
        "a password leaked: {}",
        text(&out)
    );
}

#[test]
fn unreachable_database_exits_2_with_one_line() {
    let dir = tempfile::tempdir().unwrap();
    // Port 9 (discard) has no PostgreSQL; the connection is refused at once.
    let out = traject(dir.path())
        .env(
            "TRAJECT_DATABASE_URL",
            "postgres://app:hunter2secret@127.0.0.1:9/traject",
        )
        .arg("serve")
        .output()
        .unwrap();
    assert_one_line_exit_2(&out, "cannot connect to the database");
    assert!(
        !text(&out).contains("hunter2secret"),
        "a password leaked: {}",
        text(&out)
    );
}

#[test]
fn unwritable_data_folder_exits_2_with_one_line() {
    let dir = tempfile::tempdir().unwrap();
    // A regular file where the data folder should be: creating it fails even for root.
    std::fs::write(dir.path().join("data"), "not a folder").unwrap();
    let out = traject(dir.path())
        .env("TRAJECT_DATABASE_URL", "sqlite://./data/traject.db")
        .arg("serve")
        .output()
        .unwrap();
    assert_one_line_exit_2(&out, "data folder");
}

#[test]
fn bad_configuration_exits_2_with_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let out = traject(dir.path())
        .env("TRAJECT_LOG_FORMAT", "xml")
        .arg("check")
        .output()
        .unwrap();
    assert_one_line_exit_2(&out, "configuration");
    let out = traject(dir.path())
        .env("TRAJECT_BIND", "not-an-address")
        .arg("serve")
        .output()
        .unwrap();
    assert_one_line_exit_2(&out, "configuration");
    let out = traject(dir.path())
        .env("TRAJECT_TRUSTED_PROXIES", "10.0.0.0/8, proxy.example")
        .arg("check")
        .output()
        .unwrap();
    assert_one_line_exit_2(&out, "proxy.example");
    let out = traject(dir.path())
        .env("TRAJECT_SECRET_KEY", "not-hex-and-too-short")
        .arg("check")
        .output()
        .unwrap();
    assert_one_line_exit_2(&out, "secret_key must be 64 hexadecimal characters");
    assert!(
        !text(&out).contains("not-hex-and-too-short"),
        "the key is never printed"
    );
    std::fs::write(dir.path().join("traject.toml"), "bind = [unclosed").unwrap();
    let out = traject(dir.path()).arg("check").output().unwrap();
    assert_one_line_exit_2(&out, "configuration");
    // Both spellings of a good list: an array in the file, a comma-separated string in the environment.
    std::fs::write(
        dir.path().join("traject.toml"),
        "trusted_proxies = [\"10.0.0.0/8\", \"192.0.2.1\"]\ndatabase_url = \"sqlite://./t.db\"\n",
    )
    .unwrap();
    let out = traject(dir.path()).arg("migrate").output().unwrap();
    assert!(out.status.success(), "{}", text(&out));
    let out = traject(dir.path())
        .env("TRAJECT_TRUSTED_PROXIES", "10.0.0.1, fd00::/8")
        .arg("check")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
}

#[test]
fn configuration_layers_file_then_environment() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("traject.toml"),
        "database_url = \"sqlite://./from-file/t.db\"\n",
    )
    .unwrap();
    let out = traject(dir.path()).arg("migrate").output().unwrap();
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        dir.path().join("from-file/t.db").exists(),
        "traject.toml was not read"
    );
    let out = traject(dir.path())
        .env("TRAJECT_DATABASE_URL", "sqlite://./from-env/t.db")
        .arg("migrate")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        dir.path().join("from-env/t.db").exists(),
        "the environment must win over the file"
    );
}

#[test]
fn migrate_prints_the_schema_version_and_check_passes() {
    let dir = tempfile::tempdir().unwrap();
    let database = TestDatabase::new();
    // Before any migration: a readable report and exit 1, not a query error.
    let out = with_db(dir.path(), &database)
        .arg("check")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        text(&out).contains("pending: run `traject migrate`") && text(&out).contains("not checked"),
        "{}",
        text(&out)
    );
    let out = with_db(dir.path(), &database)
        .arg("migrate")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("schema version 2026"), "{}", text(&out));
    let out = with_db(dir.path(), &database)
        .arg("check")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("ok    integrity"), "{}", text(&out));
}

#[test]
fn user_commands_read_the_password_from_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let database = TestDatabase::new();
    let run = |args: &[&str], stdin: Option<&str>| {
        let mut child = with_db(dir.path(), &database)
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut input = child.stdin.take().unwrap();
        if let Some(s) = stdin {
            input.write_all(s.as_bytes()).unwrap();
        }
        drop(input);
        child.wait_with_output().unwrap()
    };
    let out = run(
        &["org", "add", "testocmw", "--name", "OCMW Testgem (test)"],
        None,
    );
    assert!(out.status.success(), "{}", text(&out));

    let out = run(
        &[
            "user",
            "add",
            "ann@testgem.example",
            "--name",
            "Ann Test",
            "--organisation",
            "testocmw",
            "--role",
            "coordinator",
        ],
        Some("short\n"),
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "a short password is refused: {}",
        text(&out)
    );
    assert!(text(&out).contains("at least 12"), "{}", text(&out));

    let out = run(
        &[
            "user",
            "add",
            "ann@testgem.example",
            "--name",
            "Ann Test",
            "--organisation",
            "testocmw",
            "--role",
            "coordinator",
        ],
        Some("a long enough test passphrase\n"),
    );
    assert!(out.status.success(), "{}", text(&out));

    let out = run(&["user", "list"], None);
    let list = text(&out);
    assert!(
        list.contains("ann@testgem.example")
            && list.contains("active")
            && list.contains("testocmw:coordinator"),
        "{list}"
    );

    let out = run(
        &["user", "passwd", "ann@testgem.example"],
        Some("another long test passphrase\n"),
    );
    assert!(out.status.success(), "{}", text(&out));
    let out = run(&["user", "reset-two-step", "ann@testgem.example"], None);
    assert!(
        out.status.success() && text(&out).contains("two-step verification turned off"),
        "{}",
        text(&out)
    );
    let out = run(&["user", "disable", "ann@testgem.example"], None);
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&run(&["user", "list"], None)).contains("disabled"));
    let out = run(
        &["user", "passwd", "nobody@testgem.example"],
        Some("another long test passphrase\n"),
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
}

#[test]
fn serve_demo_refuses_a_database_with_other_data() {
    let dir = tempfile::tempdir().unwrap();
    let database = TestDatabase::new();
    let out = with_db(dir.path(), &database)
        .args(["org", "add", "real", "--name", "Real (test)"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    let out = with_db(dir.path(), &database)
        .env("TRAJECT_BIND", "127.0.0.1:0")
        .args(["serve", "--demo"])
        .output()
        .unwrap();
    assert_one_line_exit_2(&out, "refusing --demo");
    let out = with_db(dir.path(), &database).arg("demo").output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
}

/// Total rows in the four main tables, read through the library.
fn total_rows(database: &TestDatabase) -> i64 {
    let db = database.open();
    let mut conn = db.get().unwrap();
    db::repo::total_rows(&mut conn).unwrap()
}

#[test]
fn killing_the_demo_seed_leaves_all_or_nothing() {
    let dir = tempfile::tempdir().unwrap();

    // Killed inside the transaction: nothing may remain.
    let database = TestDatabase::new();
    let out = with_db(dir.path(), &database)
        .arg("migrate")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    let mut child = with_db(dir.path(), &database)
        .args(["demo", "--pause-before-commit-ms", "60000"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Wait until the seed has written (and is paused inside its transaction).
    std::thread::sleep(Duration::from_millis(1500));
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    let check = with_db(dir.path(), &database)
        .arg("check")
        .output()
        .unwrap();
    assert!(check.status.success(), "check after kill: {}", text(&check));
    assert_eq!(total_rows(&database), 0, "a killed seed left rows behind");

    // Killed at arbitrary moments: each time either empty or fully seeded.
    let full = {
        let database = TestDatabase::new();
        assert!(
            with_db(dir.path(), &database)
                .arg("demo")
                .output()
                .unwrap()
                .status
                .success()
        );
        total_rows(&database)
    };
    assert!(full > 40);
    for delay_ms in [5_u64, 40, 120, 250] {
        let database = TestDatabase::new();
        assert!(
            with_db(dir.path(), &database)
                .arg("migrate")
                .output()
                .unwrap()
                .status
                .success()
        );
        let mut child = with_db(dir.path(), &database)
            .arg("demo")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        let _ = child.kill();
        child.wait().unwrap();
        let rows = total_rows(&database);
        assert!(
            rows == 0 || rows == full,
            "after a kill at {delay_ms} ms: {rows} rows, expected 0 or {full}"
        );
        let check = with_db(dir.path(), &database)
            .arg("check")
            .output()
            .unwrap();
        assert!(check.status.success(), "{}", text(&check));
    }
}

struct Server {
    child: Child,
    addr: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn start_server(dir: &std::path::Path, database: &TestDatabase, demo: bool) -> Server {
    let port = free_port();
    let mut cmd = with_db(dir, database);
    cmd.env("TRAJECT_BIND", format!("127.0.0.1:{port}"))
        .arg("serve")
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    if demo {
        cmd.arg("--demo");
    }
    let child = cmd.spawn().unwrap();
    let server = Server {
        child,
        addr: format!("127.0.0.1:{port}"),
    };
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(30) {
        if http_get(&server.addr, "/readyz").is_ok_and(|r| r.starts_with("HTTP/1.1 200")) {
            return server;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("server did not become ready");
}

fn http_get(addr: &str, path: &str) -> std::io::Result<String> {
    let mut s = TcpStream::connect(addr)?;
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n"
    )?;
    let mut out = String::new();
    s.read_to_string(&mut out)?;
    Ok(out)
}

#[test]
fn serve_demo_is_ready_and_prints_the_demo_logins() {
    let dir = tempfile::tempdir().unwrap();
    let database = TestDatabase::new();
    let mut server = start_server(dir.path(), &database, true);
    let status = http_get(&server.addr, "/api/v1/status").unwrap();
    assert!(status.starts_with("HTTP/1.1 200"), "{status}");
    let _ = std::process::Command::new("kill")
        .args(["-TERM", &server.child.id().to_string()])
        .status();
    let out = server.child.wait().unwrap();
    assert!(out.success(), "SIGTERM must stop the server cleanly");
    let mut stderr = String::new();
    server
        .child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    assert!(stderr.contains("DEMO"), "{stderr}");
    assert!(stderr.contains("beheerder@demostad.example"), "{stderr}");
    assert!(stderr.contains(db::demo::DEMO_PASSWORD), "{stderr}");
}

/// A request that is under way when SIGTERM arrives still gets its answer.
#[test]
fn sigterm_lets_the_request_in_flight_complete() {
    let dir = tempfile::tempdir().unwrap();
    let database = TestDatabase::new();
    let mut server = start_server(dir.path(), &database, false);
    let mut s = TcpStream::connect(&server.addr).unwrap();
    // Half a request: the connection is busy when the signal comes.
    write!(s, "GET /api/v1/status HTTP/1.1\r\nHost: test\r\n").unwrap();
    s.flush().unwrap();
    std::thread::sleep(Duration::from_millis(200));
    let _ = std::process::Command::new("kill")
        .args(["-TERM", &server.child.id().to_string()])
        .status();
    std::thread::sleep(Duration::from_millis(300));
    write!(s, "Connection: close\r\n\r\n").unwrap();
    let mut answer = String::new();
    s.read_to_string(&mut answer).unwrap();
    assert!(
        answer.starts_with("HTTP/1.1 200"),
        "in-flight request was cut: {answer:?}"
    );
    let status = server.child.wait().unwrap();
    assert!(status.success());
    // And new connections are no longer accepted.
    assert!(http_get(&server.addr, "/healthz").is_err());
}

#[test]
fn check_detects_a_tampered_audit_row() {
    use diesel::connection::SimpleConnection;
    let dir = tempfile::tempdir().unwrap();
    let database = TestDatabase::new();
    let out = with_db(dir.path(), &database).arg("demo").output().unwrap();
    assert!(out.status.success(), "{}", text(&out));
    let out = with_db(dir.path(), &database)
        .arg("check")
        .output()
        .unwrap();
    assert!(
        out.status.success() && text(&out).contains("ok    audit trail"),
        "{}",
        text(&out)
    );

    // Someone with database access lifts the guard and edits the trail
    // (per-backend SQL: this test plays the attacker).
    {
        let db = database.open();
        let mut conn = db.get().unwrap();
        let sql = match &mut *conn {
            db::DbConn::Sqlite(_) => {
                "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET detail = 'nothing happened'"
            }
            db::DbConn::Postgres(_) => {
                "ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update; UPDATE audit_log SET detail = 'nothing happened'"
            }
        };
        match &mut *conn {
            db::DbConn::Sqlite(c) => c.batch_execute(sql).unwrap(),
            db::DbConn::Postgres(c) => c.batch_execute(sql).unwrap(),
        }
    }
    let out = with_db(dir.path(), &database)
        .arg("check")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        text(&out).contains("FAIL  audit trail") && text(&out).contains("was altered"),
        "{}",
        text(&out)
    );
}

#[test]
fn an_analyst_is_added_without_an_organisation() {
    let dir = tempfile::tempdir().unwrap();
    let database = TestDatabase::new();
    let mut child = with_db(dir.path(), &database)
        .args([
            "user",
            "add",
            "analyst@federal.example",
            "--name",
            "Federal Analyst (test)",
            "--analyst",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"violet tram cupboard seven\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", text(&out));
    let db = database.open();
    let mut conn = db.get().unwrap();
    let user = db::repo::user_by_email(&mut conn, "analyst@federal.example").unwrap();
    assert!(user.is_analyst);
    assert!(
        db::access::memberships_of(&mut conn, &user.id)
            .unwrap()
            .is_empty()
    );
}
