//! The worker against real parts on this machine: an SMTP server speaking
//! SMTP over TCP (started by the test), an HTTP gateway receiver, and the
//! database of the test harness (SQLite or PostgreSQL). Failures are retried
//! with backoff and given up; texts carry the first name, the time and the
//! place and nothing else.

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use axum::{Json, Router};
use chrono::{Duration, NaiveDate, NaiveTime};
use db::messages::Message;
use db::schema::messages as outbox;
use diesel::prelude::*;
use domain::clock::ManualClock;
use domain::messages::SessionFacts;
use messaging::{Channels, GatewaySettings, SmtpSettings, Worker, WorkerSettings};
use std::sync::{Arc, Mutex};
use test_support::{TestDatabase, test_now};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

/// A minimal SMTP server: accepts every mail (or refuses recipients when
/// `refuse` is set) and keeps what it received.
async fn smtp_server(refuse: bool) -> (u16, Arc<Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let received = Arc::new(Mutex::new(Vec::new()));
    let store = Arc::clone(&received);
    tokio::spawn(async move {
        loop {
            let Ok((socket, _)) = listener.accept().await else {
                return;
            };
            let store = Arc::clone(&store);
            tokio::spawn(async move {
                let (read, mut write) = socket.into_split();
                let mut lines = BufReader::new(read).lines();
                write.write_all(b"220 test.example ESMTP\r\n").await.ok();
                let mut data = false;
                let mut mail = String::new();
                while let Ok(Some(line)) = lines.next_line().await {
                    if data {
                        if line == "." {
                            data = false;
                            store.lock().unwrap().push(std::mem::take(&mut mail));
                            write.write_all(b"250 2.0.0 queued\r\n").await.ok();
                        } else {
                            mail.push_str(&line);
                            mail.push('\n');
                        }
                        continue;
                    }
                    let verb = line.to_ascii_uppercase();
                    let answer: &[u8] = if verb.starts_with("EHLO") || verb.starts_with("HELO") {
                        b"250 test.example\r\n"
                    } else if verb.starts_with("RCPT") && refuse {
                        b"550 5.1.1 no such mailbox\r\n"
                    } else if verb.starts_with("DATA") {
                        data = true;
                        b"354 go on\r\n"
                    } else if verb.starts_with("QUIT") {
                        write.write_all(b"221 bye\r\n").await.ok();
                        return;
                    } else {
                        b"250 ok\r\n"
                    };
                    write.write_all(answer).await.ok();
                }
            });
        }
    });
    (port, received)
}

#[derive(Clone, Default)]
struct Gateway {
    received: Arc<Mutex<Vec<serde_json::Value>>>,
    failing: Arc<Mutex<bool>>,
}

async fn gateway_receive(
    State(g): State<Gateway>,
    headers: HeaderMap,
    Json(body): Json<serde_json::Value>,
) -> (StatusCode, Json<serde_json::Value>) {
    if headers
        .get("x-traject-secret")
        .and_then(|v| v.to_str().ok())
        != Some("gw-secret")
    {
        return (StatusCode::UNAUTHORIZED, Json(serde_json::json!({})));
    }
    if *g.failing.lock().unwrap() {
        return (StatusCode::SERVICE_UNAVAILABLE, Json(serde_json::json!({})));
    }
    let n = {
        let mut r = g.received.lock().unwrap();
        r.push(body);
        r.len()
    };
    (
        StatusCode::OK,
        Json(serde_json::json!({ "id": format!("gw-{n}") })),
    )
}

async fn gateway_server() -> (String, Gateway) {
    let g = Gateway::default();
    let app = Router::new()
        .route("/send", post(gateway_receive))
        .with_state(g.clone());
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/send", listener.local_addr().unwrap());
    tokio::spawn(async move {
        axum::serve(listener, app).await.ok();
    });
    (url, g)
}

fn facts() -> SessionFacts {
    SessionFacts {
        first_name: "Fictieve Amina".into(),
        date: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
        start: NaiveTime::from_hms_opt(9, 30, 0).unwrap(),
        end: NaiveTime::from_hms_opt(12, 0, 0).unwrap(),
        place: "Zaal De Linde, Voorbeeldstraat 1, 9999 Demostad".into(),
        childcare: true,
        was: None,
    }
}

fn queue(db: &db::Db, org: &str, channel: &str, language: &str, address: &str, key: &str) {
    let mut conn = db.get().unwrap();
    let now = test_now().naive_utc();
    let m = Message {
        id: db::models::new_id(),
        organisation_id: org.to_owned(),
        participant_id: None,
        user_id: None,
        session_id: None,
        kind: "reminder".into(),
        channel: channel.into(),
        language: language.into(),
        address: address.into(),
        facts: serde_json::to_string(&facts()).unwrap(),
        body: String::new(),
        due_at: now,
        status: "queued".into(),
        attempts: 0,
        next_attempt_at: now,
        claimed_until: None,
        last_error: String::new(),
        provider_id: None,
        dedupe_key: key.into(),
        sent_at: None,
        created_at: now,
        updated_at: now,
    };
    diesel::insert_into(outbox::table)
        .values(&m)
        .execute(&mut conn)
        .unwrap();
}

fn organisation(db: &db::Db) -> String {
    let mut conn = db.get().unwrap();
    let org = db::repo::new_organisation(
        "berichten-test",
        "OCMW Berichtentest (fictief)",
        domain::model::Language::Nl,
        true,
        test_now().naive_utc(),
    );
    db::repo::insert_organisation(&mut conn, &org).unwrap();
    org.id
}

fn rows(db: &db::Db) -> Vec<Message> {
    let mut conn = db.get().unwrap();
    outbox::table
        .order(outbox::dedupe_key)
        .select(Message::as_select())
        .load(&mut conn)
        .unwrap()
}

fn worker(db: &db::Db, clock: &Arc<ManualClock>, smtp: u16, gateway: &str) -> Worker {
    worker_at(db, clock, smtp, gateway, "")
}

fn worker_at(
    db: &db::Db,
    clock: &Arc<ManualClock>,
    smtp: u16,
    gateway: &str,
    public_url: &str,
) -> Worker {
    let channels = Channels::new(
        Some(SmtpSettings {
            url: format!("smtp://127.0.0.1:{smtp}"),
            from: "traject demo <no-reply@demostad.example>".into(),
        }),
        Some(GatewaySettings {
            url: gateway.to_owned(),
            secret: "gw-secret".into(),
        }),
    )
    .unwrap();
    let clock: Arc<dyn domain::clock::Clock> = clock.clone();
    Worker::new(
        db.clone(),
        channels,
        clock,
        WorkerSettings {
            max_attempts: 3,
            public_url: public_url.to_owned(),
            ..WorkerSettings::default()
        },
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn email_and_sms_go_out_once_in_her_language() {
    let database = TestDatabase::new();
    let db = database.open();
    let org = organisation(&db);
    let (smtp, mails) = smtp_server(false).await;
    let (gateway, g) = gateway_server().await;
    queue(&db, &org, "email", "nl", "fictief@example.org", "a-email");
    queue(&db, &org, "sms", "fr", "+32470000001", "b-sms");
    queue(&db, &org, "whatsapp", "ti", "+32470000002", "c-whatsapp");
    let clock = Arc::new(ManualClock::new(test_now()));
    let w = worker(&db, &clock, smtp, &gateway);
    let round = w.send_due().await.unwrap();
    assert_eq!((round.sent, round.failed), (3, 0));
    // A second round sends nothing again.
    assert_eq!(w.send_due().await.unwrap().sent, 0);
    let mails = mails.lock().unwrap().clone();
    assert_eq!(mails.len(), 1);
    assert!(mails[0].contains("Fictieve Amina"), "{}", mails[0]);
    let gw = g.received.lock().unwrap().clone();
    assert_eq!(gw.len(), 2);
    let sms = gw.iter().find(|b| b["channel"] == "sms").unwrap();
    let text = sms["text"].as_str().unwrap();
    assert!(text.starts_with("Bonjour Fictieve Amina"), "{text}");
    assert!(text.contains("09:30") && text.contains('👶'));
    assert_eq!(sms["to"], "+32470000001");
    // Tigrinya has no text yet: pictograms and numbers.
    let wa = gw.iter().find(|b| b["channel"] == "whatsapp").unwrap();
    assert!(
        wa["text"]
            .as_str()
            .unwrap()
            .starts_with("👋 Fictieve Amina 📅 01/12")
    );
    let stored = rows(&db);
    assert!(stored.iter().all(|m| m.status == "sent" && m.attempts == 1));
    assert!(stored.iter().all(|m| !m.body.is_empty()));
    assert_eq!(
        stored.iter().filter(|m| m.provider_id.is_some()).count(),
        2,
        "the gateway's ids are kept for its callback"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn failures_are_retried_with_backoff_then_given_up() {
    let database = TestDatabase::new();
    let db = database.open();
    let org = organisation(&db);
    let (smtp, _) = smtp_server(true).await;
    let (gateway, g) = gateway_server().await;
    *g.failing.lock().unwrap() = true;
    queue(&db, &org, "email", "en", "nobody@example.org", "a-email");
    queue(&db, &org, "sms", "nl", "+32470000001", "b-sms");
    let clock = Arc::new(ManualClock::new(test_now()));
    let w = worker(&db, &clock, smtp, &gateway);
    assert_eq!(w.send_due().await.unwrap().failed, 2);
    let stored = rows(&db);
    assert!(stored.iter().all(|m| m.status == "failed"));
    assert!(
        stored[0].last_error.contains("550"),
        "{}",
        stored[0].last_error
    );
    assert!(
        stored[1].last_error.contains("503"),
        "{}",
        stored[1].last_error
    );
    // Not again before the backoff.
    assert_eq!(
        w.send_due().await.unwrap(),
        messaging::worker::Round::default()
    );
    // The gateway is back: the SMS goes on its second attempt.
    *g.failing.lock().unwrap() = false;
    clock.advance(Duration::minutes(1));
    let round = w.send_due().await.unwrap();
    assert_eq!((round.sent, round.failed), (1, 1));
    // The refused email is given up after its third attempt.
    clock.advance(Duration::minutes(2));
    w.send_due().await.unwrap();
    let stored = rows(&db);
    assert_eq!(stored[0].status, "gave_up");
    assert_eq!(stored[0].attempts, 3);
    assert_eq!(stored[1].status, "sent");
    assert_eq!(stored[1].attempts, 2);
    assert_eq!(g.received.lock().unwrap().len(), 1, "sent exactly once");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_workers_on_one_database_send_each_message_once() {
    let database = TestDatabase::new();
    let db = database.open();
    let org = organisation(&db);
    let (smtp, _) = smtp_server(false).await;
    let (gateway, g) = gateway_server().await;
    for i in 0..300 {
        queue(&db, &org, "sms", "nl", "+32470000001", &format!("k-{i:03}"));
    }
    // Two app servers: each its own pool on the same database.
    let other = database.open();
    let clock = Arc::new(ManualClock::new(test_now()));
    let (a, b) = (
        worker(&db, &clock, smtp, &gateway),
        worker(&other, &clock, smtp, &gateway),
    );
    let (ra, rb) = tokio::join!(a.send_due(), b.send_due());
    let (ra, rb) = (ra.unwrap(), rb.unwrap());
    assert_eq!(ra.sent + rb.sent, 300);
    let received = g.received.lock().unwrap().clone();
    let mut ids: Vec<&str> = received.iter().map(|b| b["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), 300);
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 300, "no message sent twice");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_channel_without_settings_waits_in_the_outbox() {
    let database = TestDatabase::new();
    let db = database.open();
    let org = organisation(&db);
    let (gateway, _) = gateway_server().await;
    queue(&db, &org, "email", "nl", "fictief@example.org", "a-email");
    queue(&db, &org, "sms", "nl", "+32470000001", "b-sms");
    let channels = Channels::new(
        None,
        Some(GatewaySettings {
            url: gateway,
            secret: "gw-secret".into(),
        }),
    )
    .unwrap();
    let clock: Arc<dyn domain::clock::Clock> = Arc::new(ManualClock::new(test_now()));
    let w = Worker::new(db.clone(), channels, clock, WorkerSettings::default());
    assert_eq!(w.send_due().await.unwrap().sent, 1);
    let stored = rows(&db);
    assert_eq!(
        (stored[0].status.as_str(), stored[0].attempts),
        ("queued", 0)
    );
    assert_eq!(stored[1].status, "sent");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_staff_digest_goes_out_once_a_day_with_counts_and_no_names() {
    let database = TestDatabase::new();
    let db = database.open();
    {
        let mut conn = db.get().unwrap();
        db::demo::seed(&mut conn, test_now(), None).unwrap();
    }
    let (smtp, mails) = smtp_server(false).await;
    let (gateway, _g) = gateway_server().await;
    // 06:00 in Brussels: before the digest hour (07:30), nothing.
    let clock = Arc::new(ManualClock::new("2026-11-23T05:00:00Z".parse().unwrap()));
    let w = worker_at(
        &db,
        &clock,
        smtp,
        &gateway,
        "https://traject.demostad.example",
    );
    let digests = |db: &db::Db| -> Vec<Message> {
        let mut conn = db.get().unwrap();
        outbox::table
            .filter(outbox::kind.eq("digest"))
            .select(Message::as_select())
            .load(&mut conn)
            .unwrap()
    };
    w.schedule().await.unwrap();
    assert!(digests(&db).is_empty());
    // 08:00: one per casemanager and coordinator, none for others.
    clock.set("2026-11-23T07:00:00Z".parse().unwrap());
    w.schedule().await.unwrap();
    let made = digests(&db);
    let cm = {
        let mut conn = db.get().unwrap();
        db::repo::user_by_email(&mut conn, "casemanager1@demostad.example").unwrap()
    };
    let fac = {
        let mut conn = db.get().unwrap();
        db::repo::user_by_email(&mut conn, "facilitator@demostad.example").unwrap()
    };
    let hers = made
        .iter()
        .find(|m| m.user_id.as_deref() == Some(cm.id.as_str()))
        .expect("casemanager 1 has a digest");
    assert_eq!(hers.status, "queued", "the demo gives her something to do");
    assert!(
        made.iter()
            .all(|m| m.user_id.as_deref() != Some(fac.id.as_str()))
    );
    // Again the same day: nothing new.
    let before = made.len();
    w.schedule().await.unwrap();
    assert_eq!(digests(&db).len(), before);
    // Sent by email over SMTP, with a whole link and without names.
    w.send_due().await.unwrap();
    let mails = mails.lock().unwrap().clone();
    let mail = mails
        .iter()
        .find(|m| m.contains("casemanager1@demostad.example"))
        .expect("her digest");
    assert!(
        mail.contains("https://traject.demostad.example/dashboard"),
        "{mail}"
    );
    let surnames: Vec<String> = {
        let mut conn = db.get().unwrap();
        db::schema::participants::table
            .select(db::schema::participants::last_name)
            .load(&mut conn)
            .unwrap()
    };
    assert!(surnames.iter().all(|s| !mail.contains(s.as_str())));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn questions_waiting_on_her_page_are_announced_once_without_naming_them() {
    let database = TestDatabase::new();
    let db = database.open();
    {
        let mut conn = db.get().unwrap();
        db::demo::seed(&mut conn, test_now(), None).unwrap();
    }
    let (smtp, _mails) = smtp_server(false).await;
    let (gateway, _g) = gateway_server().await;
    let clock = Arc::new(ManualClock::new(test_now()));
    let w = worker(&db, &clock, smtp, &gateway);
    let announced = |db: &db::Db| -> Vec<Message> {
        let mut conn = db.get().unwrap();
        outbox::table
            .filter(outbox::kind.eq("questions_waiting"))
            .select(Message::as_select())
            .load(&mut conn)
            .unwrap()
    };
    // What is due for the demo's participants, as her page would show it.
    let due = {
        let mut conn = db.get().unwrap();
        let org: String = db::schema::organisations::table
            .select(db::schema::organisations::id)
            .first(&mut conn)
            .unwrap();
        db::outcomes::measurements::due_for_organisation(&mut conn, &org, test_now().date_naive())
            .unwrap()
    };
    assert!(!due.is_empty(), "the demo leaves questionnaires due");
    let added = w.schedule_questions().await.unwrap();
    let made = announced(&db);
    assert_eq!(added, made.len());
    assert!(!made.is_empty(), "some of them agreed to reminders");
    assert!(made.len() <= due.len());
    for m in &made {
        assert!(
            due.iter()
                .any(|(_, p, _)| m.participant_id.as_deref() == Some(p.as_str())),
            "only those with something due"
        );
        let text = messaging::worker::text_of(m, None, "");
        assert!(!text.body.is_empty());
        for name in [
            "Levensdomeinen",
            "Life domains",
            "Domaines",
            "Zelfvertrouwen",
            "confidence",
        ] {
            assert!(
                !text.body.contains(name),
                "no questionnaire named: {}",
                text.body
            );
        }
    }
    // Again: nothing new.
    assert_eq!(w.schedule_questions().await.unwrap(), 0);
    assert_eq!(announced(&db).len(), made.len());
}
