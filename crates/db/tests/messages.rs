//! The outbox as storage keeps it, on both backends: reminders only for
//! members on the day who agreed to their channel, never in the night, once
//! each; a moved or cancelled session withdraws its reminders and tells the
//! members; two workers never claim the same message; failures back off and
//! give up; the gateway's delivery callback.

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};
use db::groups::sessions::{self, SessionDetails};
use db::groups::{self, NewGroup};
use db::messages::{self, Message, Outcome, SendChannel};

const ALL: [SendChannel; 3] = SendChannel::ALL;
use db::participants::Origin;
use db::schema::{self, consents, messages as outbox, participants, programmes};
use db::{DbConn, access, demo, repo};
use diesel::prelude::*;
use domain::groups::{SessionKind, Slot};
use domain::messages::{MessageKind, SessionFacts};
use domain::policy::Actor;
use test_support::{TestDatabase, test_now};

fn now() -> NaiveDateTime {
    test_now().naive_utc()
}

fn origin() -> Origin<'static> {
    Origin::new(Some("192.0.2.9"), now())
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn t(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

fn actor_for(conn: &mut DbConn, email: &str) -> Actor {
    let user = repo::user_by_email(conn, email).unwrap();
    let (org, role) = access::memberships_of(conn, &user.id).unwrap().remove(0);
    Actor::Staff {
        user_id: user.id,
        organisation_id: org.id,
        role,
    }
}

struct Setup {
    _database: TestDatabase,
    db: db::Db,
    coordinator: Actor,
    org: String,
    group: String,
    /// sms+consent, email+consent, whatsapp without its consent, sms without
    /// consent, phone call, and one who joins only after the session.
    people: Vec<String>,
}

fn set_channel(conn: &mut DbConn, id: &str, channel: &str) {
    diesel::update(participants::table.find(id))
        .set((
            participants::channel.eq(channel),
            participants::phone.eq(Some("+32470000000")),
            participants::email.eq(Some("fictional@example.org")),
        ))
        .execute(conn)
        .unwrap();
}

fn consent(conn: &mut DbConn, org: &str, id: &str, scope: &str) {
    diesel::insert_into(consents::table)
        .values((
            consents::id.eq(db::models::new_id()),
            consents::organisation_id.eq(org),
            consents::participant_id.eq(id),
            consents::scope.eq(scope),
            consents::partner_name.eq(""),
            consents::given_on.eq(d(2026, 1, 5)),
            consents::created_at.eq(now()),
        ))
        .execute(conn)
        .unwrap();
}

/// The session day: Tuesday 1 December 2026, 09:30-12:00 (Brussels).
const DAY: (i32, u32, u32) = (2026, 12, 1);

fn setup() -> Setup {
    let database = TestDatabase::new();
    let db = database.open();
    let mut conn = db.get().unwrap();
    demo::seed(&mut conn, test_now(), None).unwrap();
    let coordinator = actor_for(&mut conn, "coordinator@demostad.example");
    let facilitator = actor_for(&mut conn, "facilitator@demostad.example");
    let org = coordinator.organisation_id().unwrap().to_owned();
    let programme_id: String = programmes::table
        .filter(programmes::kind.eq("social_activation"))
        .select(programmes::id)
        .first(&mut conn)
        .unwrap();
    let group = groups::create(
        &mut conn,
        &coordinator,
        &NewGroup {
            programme_id,
            kind: "adults".into(),
            name: "Testgroep berichten".into(),
            languages: vec!["nl".into()],
            facilitator_ids: vec![facilitator.user_id().to_owned()],
            min_size: Some(2),
            max_size: Some(12),
            ..Default::default()
        },
        origin(),
    )
    .unwrap();
    // People not in any demo group, so that only this group reminds them.
    let people: Vec<String> = participants::table
        .filter(participants::organisation_id.eq(&org))
        .filter(
            participants::id
                .ne_all(schema::group_members::table.select(schema::group_members::participant_id)),
        )
        .order(participants::id)
        .select(participants::id)
        .limit(6)
        .load(&mut conn)
        .unwrap();
    assert_eq!(people.len(), 6);
    for (i, p) in people.iter().enumerate() {
        let joined = if i == 5 {
            d(2026, 12, 2)
        } else {
            d(2026, 11, 2)
        };
        groups::place(&mut conn, &coordinator, &group, p, joined, false, origin()).unwrap();
    }
    diesel::delete(consents::table.filter(consents::participant_id.eq_any(&people)))
        .execute(&mut conn)
        .unwrap();
    for (p, channel) in people
        .iter()
        .zip(["sms", "email", "whatsapp", "sms", "phone_call", "sms"])
    {
        set_channel(&mut conn, p, channel);
    }
    for i in [0, 1, 2, 5] {
        consent(&mut conn, &org, &people[i], "reminders");
    }
    drop(conn);
    Setup {
        _database: database,
        db,
        coordinator,
        org,
        group,
        people,
    }
}

fn details() -> SessionDetails {
    SessionDetails {
        kind: SessionKind::Psychosocial,
        theme: "Vertrouwelijk thema".into(),
        room_id: None,
        facilitator_ids: Vec::new(),
        interpreter_needed: false,
        guest_partner: String::new(),
        practice_id: None,
        notes: "Niet voor berichten".into(),
    }
}

fn add_session(s: &Setup, conn: &mut DbConn) -> String {
    let slot = Slot {
        date: d(DAY.0, DAY.1, DAY.2),
        start: t(9, 30),
        end: t(12, 0),
    };
    sessions::add(
        conn,
        &s.coordinator,
        &s.group,
        slot,
        &details(),
        true,
        origin(),
    )
    .unwrap()
    .unwrap()
}

fn of_session(conn: &mut DbConn, session: &str) -> Vec<Message> {
    outbox::table
        .filter(outbox::session_id.eq(session))
        .order((outbox::participant_id, outbox::due_at))
        .select(Message::as_select())
        .load(conn)
        .unwrap()
}

#[test]
fn reminders_follow_membership_consent_and_quiet_hours_once() {
    let s = setup();
    let mut conn = s.db.get().unwrap();
    let session = add_session(&s, &mut conn);
    let added = messages::queue_session_reminders(&mut conn, &s.org, &session, now()).unwrap();
    let rows = of_session(&mut conn, &session);
    assert_eq!(added, rows.len());
    let to = |p: &str| -> Vec<&Message> {
        rows.iter()
            .filter(|m| m.participant_id.as_deref() == Some(p))
            .collect()
    };
    // SMS and email with consent: the day before at 10:00 and two hours
    // before (07:30 is in the quiet hours: 08:00). Brussels is UTC+1 then.
    for p in [&s.people[0], &s.people[1]] {
        let due: Vec<NaiveDateTime> = to(p).iter().map(|m| m.due_at).collect();
        assert_eq!(
            due,
            vec![
                d(2026, 11, 30).and_time(t(9, 0)),
                d(2026, 12, 1).and_time(t(7, 0))
            ]
        );
        assert!(to(p).iter().all(|m| m.status == "queued"));
    }
    // WhatsApp without its own consent, SMS without consent: nothing.
    assert!(to(&s.people[2]).is_empty());
    assert!(to(&s.people[3]).is_empty());
    // "Phone call": one line on the call list, sending nothing.
    let call = to(&s.people[4]);
    assert_eq!(call.len(), 1);
    assert_eq!(call[0].status, "to_call");
    // Not a member yet on the day: nothing.
    assert!(to(&s.people[5]).is_empty());
    // Only her first name, the day, the time and the place: no surname, no
    // theme, no notes, no programme.
    let last_name: String = participants::table
        .find(&s.people[0])
        .select(participants::last_name)
        .first(&mut conn)
        .unwrap();
    for m in &rows {
        assert!(!m.facts.contains(&last_name), "{}", m.facts);
        assert!(!m.facts.contains("Vertrouwelijk") && !m.facts.contains("Niet voor"));
        let facts: SessionFacts = m.session_facts().unwrap();
        assert_eq!(facts.start, t(9, 30));
    }
    // Queued again (the scheduler runs every minute): nothing new.
    assert_eq!(
        messages::queue_session_reminders(&mut conn, &s.org, &session, now()).unwrap(),
        0
    );
    assert_eq!(of_session(&mut conn, &session).len(), rows.len());
}

/// The worker's minute, over every session of the coming weeks at once:
/// the same people as one session at a time, each on her session's day
/// (she joined on 2 December: the 8 December session reminds her, the 1
/// December one does not), and nothing twice on the next minute.
#[test]
fn the_scheduler_reminds_the_members_of_each_session_on_its_day() {
    let s = setup();
    let mut conn = s.db.get().unwrap();
    let first = add_session(&s, &mut conn);
    let later = sessions::add(
        &mut conn,
        &s.coordinator,
        &s.group,
        Slot {
            date: d(2026, 12, 8),
            start: t(9, 30),
            end: t(12, 0),
        },
        &details(),
        true,
        origin(),
    )
    .unwrap()
    .unwrap();
    let (_, added) = messages::queue_due_reminders(&mut conn, now(), Duration::days(21)).unwrap();
    assert!(added > 0);
    let people = |session: &str, conn: &mut DbConn| -> Vec<(String, String)> {
        let mut p: Vec<(String, String)> = of_session(conn, session)
            .into_iter()
            .map(|m| (m.participant_id.unwrap_or_default(), m.status))
            .collect();
        p.dedup();
        p
    };
    let expect = |with_late_joiner: bool| {
        let mut e = vec![
            (s.people[0].clone(), "queued".to_owned()),
            (s.people[1].clone(), "queued".to_owned()),
            (s.people[4].clone(), "to_call".to_owned()),
        ];
        if with_late_joiner {
            e.push((s.people[5].clone(), "queued".to_owned()));
        }
        e.sort();
        e
    };
    assert_eq!(people(&first, &mut conn), expect(false));
    assert_eq!(people(&later, &mut conn), expect(true));
    assert_eq!(
        messages::queue_due_reminders(&mut conn, now(), Duration::days(21))
            .unwrap()
            .1,
        0
    );
}

#[test]
fn a_moved_or_cancelled_session_withdraws_its_reminders_and_tells_the_members() {
    let s = setup();
    let mut conn = s.db.get().unwrap();
    let session = add_session(&s, &mut conn);
    messages::queue_session_reminders(&mut conn, &s.org, &session, now()).unwrap();
    let before = of_session(&mut conn, &session);
    // Moved to Thursday 3 December.
    let moved = Slot {
        date: d(2026, 12, 3),
        start: t(13, 0),
        end: t(15, 0),
    };
    sessions::update(
        &mut conn,
        &s.coordinator,
        &session,
        1,
        moved,
        &details(),
        true,
        origin(),
    )
    .unwrap()
    .unwrap();
    let after = of_session(&mut conn, &session);
    for old in &before {
        let now_row = after.iter().find(|m| m.id == old.id).unwrap();
        assert_eq!(now_row.status, "withdrawn", "{}", old.dedupe_key);
    }
    let notices: Vec<&Message> = after
        .iter()
        .filter(|m| m.kind == MessageKind::SessionMoved.code())
        .collect();
    assert_eq!(notices.len(), 3, "sms, email and the call list");
    let facts = notices[0].session_facts().unwrap();
    assert_eq!(facts.date, d(2026, 12, 3));
    assert_eq!(facts.was, Some((d(2026, 12, 1), t(9, 30))));
    // Sunday 10:00 UTC is 11:00 in Brussels: not quiet, due at once.
    assert!(notices.iter().all(|m| m.due_at == now()));
    let fresh: Vec<&Message> = after
        .iter()
        .filter(|m| m.kind == "reminder" && m.status == "queued")
        .collect();
    // For the new day, also the member who joined on 2 December.
    assert_eq!(fresh.len(), 6, "new reminders for the new day");
    assert_eq!(
        fresh
            .iter()
            .filter(|m| m.participant_id.as_deref() == Some(s.people[5].as_str()))
            .count(),
        2
    );
    assert!(fresh.iter().all(|m| m.due_at.date() >= d(2026, 12, 2)));
    // Cancelled: every reminder withdrawn, the members told.
    sessions::cancel(
        &mut conn,
        &s.coordinator,
        &session,
        "Zaal onbeschikbaar",
        origin(),
    )
    .unwrap();
    let last = of_session(&mut conn, &session);
    assert!(
        last.iter()
            .filter(|m| m.kind == "reminder")
            .all(|m| m.status == "withdrawn")
    );
    let cancelled: Vec<&Message> = last
        .iter()
        .filter(|m| m.kind == MessageKind::SessionCancelled.code())
        .collect();
    assert_eq!(cancelled.len(), 4, "the members of its (new) day");
    // The reason may be personal: it stays inside.
    assert!(cancelled.iter().all(|m| !m.facts.contains("onbeschikbaar")));
}

fn queue_plain(conn: &mut DbConn, org: &str, n: usize) {
    for i in 0..n {
        let m = Message {
            id: db::models::new_id(),
            organisation_id: org.to_owned(),
            participant_id: None,
            user_id: None,
            session_id: None,
            kind: "reminder".into(),
            channel: "sms".into(),
            language: "nl".into(),
            address: "+32470000000".into(),
            facts: "{}".into(),
            body: String::new(),
            due_at: now(),
            status: "queued".into(),
            attempts: 0,
            next_attempt_at: now() - Duration::seconds(i as i64),
            claimed_until: None,
            last_error: String::new(),
            provider_id: None,
            dedupe_key: format!("test:{i}"),
            sent_at: None,
            created_at: now(),
            updated_at: now(),
        };
        diesel::insert_into(outbox::table)
            .values(&m)
            .execute(conn)
            .unwrap();
    }
}

#[test]
fn two_workers_never_claim_the_same_message() {
    let s = setup();
    let mut conn = s.db.get().unwrap();
    queue_plain(&mut conn, &s.org, 200);
    drop(conn);
    let workers: Vec<_> = (0..2)
        .map(|_| {
            let db = s.db.clone();
            std::thread::spawn(move || {
                let mut conn = db.get().unwrap();
                let mut mine = Vec::new();
                loop {
                    let batch =
                        messages::claim(&mut conn, now(), Duration::minutes(5), 7, &ALL).unwrap();
                    if batch.is_empty() {
                        break mine;
                    }
                    mine.extend(batch.into_iter().map(|m| m.id));
                }
            })
        })
        .collect();
    let claimed: Vec<Vec<String>> = workers.into_iter().map(|w| w.join().unwrap()).collect();
    let mut all: Vec<&String> = claimed.iter().flatten().collect();
    let total = all.len();
    all.sort();
    all.dedup();
    assert_eq!(total, 200, "every message claimed");
    assert_eq!(all.len(), 200, "none claimed twice");
}

#[test]
fn failures_back_off_give_up_and_delivery_reports_arrive() {
    let s = setup();
    let mut conn = s.db.get().unwrap();
    queue_plain(&mut conn, &s.org, 2);
    let mut at = now();
    let failed = |body: &str| Outcome::Failed {
        body: body.into(),
        error: "gateway answered 503".into(),
    };
    // The first message fails three times, with 1 and 2 minutes between.
    for attempt in 1..=3 {
        let batch = messages::claim(&mut conn, at, Duration::minutes(5), 1, &ALL).unwrap();
        assert_eq!(batch.len(), 1, "attempt {attempt}");
        assert_eq!(batch[0].attempts, attempt);
        messages::finish(&mut conn, &batch[0], failed("tekst"), 3, at).unwrap();
        if attempt < 3 {
            // Not due again right away.
            let early: Vec<Message> = messages::claim(&mut conn, at, Duration::minutes(5), 5, &ALL)
                .unwrap()
                .into_iter()
                .filter(|m| m.id == batch[0].id)
                .collect();
            assert!(early.is_empty());
            at += domain::messages::retry_after(attempt as u32);
        }
    }
    let gave_up: i64 = outbox::table
        .filter(outbox::dedupe_key.like("test:%"))
        .filter(outbox::status.eq("gave_up"))
        .count()
        .get_result(&mut conn)
        .unwrap();
    assert_eq!(gave_up, 1);
    // The second was claimed in between and is "sending": finish it as sent.
    let second: Message = outbox::table
        .filter(outbox::status.eq("sending"))
        .select(Message::as_select())
        .first(&mut conn)
        .unwrap();
    messages::finish(
        &mut conn,
        &second,
        Outcome::Sent {
            body: "tekst".into(),
            provider_id: Some("gw-42".into()),
        },
        3,
        at,
    )
    .unwrap();
    assert!(messages::delivery_report(&mut conn, "gw-42", true, "", at).unwrap());
    assert!(!messages::delivery_report(&mut conn, "gw-unknown", true, "", at).unwrap());
    let status: String = outbox::table
        .find(&second.id)
        .select(outbox::status)
        .first(&mut conn)
        .unwrap();
    assert_eq!(status, "delivered");
}
