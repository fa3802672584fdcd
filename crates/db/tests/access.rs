//! Access rules as the storage layer enforces them, on both backends.

use db::access;
use db::audit::{self, Event, Outcome};
use db::participants::{self, AccessError, Origin};
use db::schema::*;
use db::{DbConn, DbError, demo, repo};
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use domain::model::Role;
use domain::policy::{Actor, Denied};
use test_support::{TestDatabase, test_now};

fn origin() -> Origin<'static> {
    Origin::new(Some("192.0.2.7"), test_now().naive_utc())
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

fn audit_rows(conn: &mut DbConn, action: &str, outcome: &str) -> i64 {
    audit_log::table
        .filter(audit_log::action.eq(action))
        .filter(audit_log::outcome.eq(outcome))
        .count()
        .get_result(conn)
        .unwrap()
}

#[test]
fn the_chain_verifies_and_detects_tampering() {
    let database = TestDatabase::new();
    let db = database.open();
    let mut conn = db.get().unwrap();
    demo::seed(&mut conn, test_now(), None).unwrap();
    let org = repo::organisation_by_slug(&mut conn, demo::DEMO_SLUG).unwrap();
    for i in 0..5 {
        audit::record(
            &mut conn,
            &Event {
                organisation_id: if i % 2 == 0 { Some(&org.id) } else { None },
                actor_user_id: None,
                actor_label: "test",
                action: "test.event",
                subject_type: None,
                subject_id: None,
                detail: "",
                outcome: Outcome::Success,
                ip: None,
                at: test_now().naive_utc(),
            },
        )
        .unwrap();
    }
    assert_eq!(audit::verify(&mut conn).unwrap(), Vec::<String>::new());

    // The application cannot change the trail: the database refuses.
    let refused = diesel::update(audit_log::table.filter(audit_log::action.eq("test.event")))
        .set(audit_log::detail.eq("changed"))
        .execute(&mut conn);
    assert!(refused.is_err(), "an UPDATE on audit_log must be refused");
    assert!(diesel::delete(audit_log::table).execute(&mut conn).is_err());

    // Someone with direct database access removes the guard and edits a row:
    // the hash chain shows it. (Per-backend SQL, test-only: it plays the attacker.)
    match &mut *conn {
        DbConn::Sqlite(c) => c.batch_execute("DROP TRIGGER audit_log_no_update").unwrap(),
        DbConn::Postgres(c) => c
            .batch_execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update")
            .unwrap(),
    }
    diesel::update(audit_log::table.filter(audit_log::action.eq("demo.seed")))
        .set(audit_log::actor_label.eq("someone else"))
        .execute(&mut conn)
        .unwrap();
    let problems = audit::verify(&mut conn).unwrap();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].contains("entry 1 was altered"), "{problems:?}");
}

#[test]
fn file_reads_are_authorised_and_recorded() {
    let database = TestDatabase::new();
    let db = database.open();
    let mut conn = db.get().unwrap();
    demo::seed(&mut conn, test_now(), None).unwrap();
    let cm1 = actor_for(&mut conn, "casemanager1@demostad.example");
    let cm2 = actor_for(&mut conn, "casemanager2@demostad.example");
    let coordinator = actor_for(&mut conn, "coordinator@demostad.example");
    let facilitator = actor_for(&mut conn, "facilitator@demostad.example");

    // Each casemanager lists exactly her own participants; together, everyone.
    let mine = participants::list(&mut conn, &cm1, origin()).unwrap();
    let theirs = participants::list(&mut conn, &cm2, origin()).unwrap();
    let all = participants::list(&mut conn, &coordinator, origin()).unwrap();
    assert!(!mine.is_empty() && !theirs.is_empty());
    assert_eq!(mine.len() + theirs.len(), all.len());
    assert!(mine.iter().all(|p| theirs.iter().all(|q| q.id != p.id)));
    assert!(matches!(
        participants::list(&mut conn, &facilitator, origin()),
        Err(AccessError::Denied(Denied::Role))
    ));
    // The dashboard's count follows the same rule.
    assert_eq!(
        participants::count(&mut conn, &cm1, origin()).unwrap(),
        mine.len() as i64
    );
    assert_eq!(
        participants::count(&mut conn, &coordinator, origin()).unwrap(),
        all.len() as i64
    );
    assert!(matches!(
        participants::count(&mut conn, &facilitator, origin()),
        Err(AccessError::Denied(Denied::Role))
    ));

    let before = audit_rows(&mut conn, "participant.read", "success");
    let file = participants::read_file(&mut conn, &cm1, &mine[0].id, origin()).unwrap();
    assert_eq!(file.participant.id, mine[0].id);
    assert!(!file.children.is_empty());
    assert_eq!(
        audit_rows(&mut conn, "participant.read", "success"),
        before + 1,
        "one entry per read"
    );
    participants::read_file(&mut conn, &coordinator, &mine[0].id, origin()).unwrap();
    assert_eq!(
        audit_rows(&mut conn, "participant.read", "success"),
        before + 2
    );

    // Refused reads are refused and recorded (the entry survives the refusal).
    let denied_before = audit_rows(&mut conn, "participant.read", "denied");
    assert!(matches!(
        participants::read_file(&mut conn, &cm2, &mine[0].id, origin()),
        Err(AccessError::Denied(Denied::NotAssigned))
    ));
    assert!(matches!(
        participants::read_file(&mut conn, &facilitator, &mine[0].id, origin()),
        Err(AccessError::Denied(Denied::Role))
    ));
    let analyst = Actor::Analyst {
        user_id: cm1.user_id().to_owned(),
    };
    assert!(matches!(
        participants::read_file(&mut conn, &analyst, &mine[0].id, origin()),
        Err(AccessError::Denied(Denied::AnalystNoRecords))
    ));
    assert_eq!(
        audit_rows(&mut conn, "participant.read", "denied"),
        denied_before + 3
    );
    assert_eq!(audit::verify(&mut conn).unwrap(), Vec::<String>::new());
}

#[test]
fn another_organisation_sees_nothing() {
    let database = TestDatabase::new();
    let db = database.open();
    let mut conn = db.get().unwrap();
    demo::seed(&mut conn, test_now(), None).unwrap();
    let now = test_now().naive_utc();
    let other = repo::new_organisation(
        "other",
        "OCMW Elders (test)",
        domain::model::Language::Fr,
        false,
        now,
    );
    repo::insert_organisation(&mut conn, &other).unwrap();
    let new = repo::NewUser {
        email: "coord@elders.example",
        username: None,
        display_name: "Other Coordinator",
        preferred_language: None,
        grammatical_gender: None,
        password_hash: "x".into(),
    };
    let user = repo::add_user(&mut conn, new, &other.id, Role::Coordinator, now).unwrap();
    let outsider = Actor::Staff {
        user_id: user.id,
        organisation_id: other.id.clone(),
        role: Role::Coordinator,
    };
    let insider = actor_for(&mut conn, "coordinator@demostad.example");
    let demo_people = participants::list(&mut conn, &insider, origin()).unwrap();
    assert!(
        participants::list(&mut conn, &outsider, origin())
            .unwrap()
            .is_empty()
    );
    let err =
        participants::read_file(&mut conn, &outsider, &demo_people[0].id, origin()).unwrap_err();
    assert!(
        matches!(err, AccessError::Db(DbError::NotFound(_))),
        "{err:?}"
    );
    // The probe is on the prober's own organisation's trail, not the demo's.
    let probe: i64 = audit_log::table
        .filter(audit_log::organisation_id.eq(&other.id))
        .filter(audit_log::outcome.eq("denied"))
        .count()
        .get_result(&mut conn)
        .unwrap();
    assert_eq!(probe, 1);
}

#[test]
fn six_failures_in_fifteen_minutes_lock_for_thirty() {
    let database = TestDatabase::new();
    let db = database.open();
    let mut conn = db.get().unwrap();
    demo::seed(&mut conn, test_now(), None).unwrap();
    let email = "casemanager1@demostad.example";
    let mut now = test_now().naive_utc();
    for i in 1..=6 {
        let user = repo::user_by_email(&mut conn, email).unwrap();
        assert!(!access::is_locked(&user, now));
        let locked = access::register_failure(&mut conn, &user, now).unwrap();
        assert_eq!(locked, i == 6, "attempt {i}");
        now += chrono::Duration::minutes(2);
    }
    let user = repo::user_by_email(&mut conn, email).unwrap();
    assert!(access::is_locked(&user, now));
    assert!(access::is_locked(
        &user,
        now + chrono::Duration::minutes(17)
    ));
    assert!(!access::is_locked(
        &user,
        now + chrono::Duration::minutes(31)
    ));

    // Failures spread over more than the window do not lock.
    let email = "casemanager2@demostad.example";
    let mut now = test_now().naive_utc();
    for _ in 0..10 {
        let user = repo::user_by_email(&mut conn, email).unwrap();
        assert!(!access::register_failure(&mut conn, &user, now).unwrap());
        now += chrono::Duration::minutes(4);
    }
}

#[test]
fn disabling_a_user_ends_her_sessions() {
    let database = TestDatabase::new();
    let db = database.open();
    let mut conn = db.get().unwrap();
    demo::seed(&mut conn, test_now(), None).unwrap();
    let now = test_now().naive_utc();
    let admin = actor_for(&mut conn, "beheerder@demostad.example");
    let target = repo::user_by_email(&mut conn, "facilitator@demostad.example").unwrap();
    for n in 0..2 {
        access::create_session(
            &mut conn,
            &db::models::SessionRow {
                id: format!("s{n}"),
                user_id: target.id.clone(),
                organisation_id: admin.organisation_id().map(str::to_owned),
                csrf_token: "t".into(),
                second_factor_pending: false,
                ip: None,
                user_agent: None,
                created_at: now,
                last_seen_at: now,
            },
        )
        .unwrap();
    }
    let grant = domain::policy::authorize(
        &admin,
        domain::policy::Action::ManageUsers,
        domain::policy::Resource::Organisation {
            id: admin.organisation_id().unwrap(),
        },
        None,
    )
    .unwrap();
    access::disable_staff(&mut conn, &grant, &target.id, None, now).unwrap();
    let left: i64 = sessions::table
        .filter(sessions::user_id.eq(&target.id))
        .count()
        .get_result(&mut conn)
        .unwrap();
    assert_eq!(left, 0);
    assert!(
        !repo::user_by_email(&mut conn, "facilitator@demostad.example")
            .unwrap()
            .active
    );
    assert_eq!(audit_rows(&mut conn, "user.disable", "success"), 1);
    // Nobody locks herself out.
    assert!(matches!(
        access::disable_staff(&mut conn, &grant, admin.user_id(), None, now),
        Err(DbError::Conflict(_))
    ));
    // A grant for another action does not open this door.
    let wrong = domain::policy::authorize(
        &admin,
        domain::policy::Action::ManageSessions,
        domain::policy::Resource::Organisation {
            id: admin.organisation_id().unwrap(),
        },
        None,
    )
    .unwrap();
    assert!(access::disable_staff(&mut conn, &wrong, &target.id, None, now).is_err());
}

#[test]
fn breaking_the_glass_needs_a_reason_and_is_shown_on_the_file() {
    let database = TestDatabase::new();
    let db = database.open();
    let mut conn = db.get().unwrap();
    demo::seed(&mut conn, test_now(), None).unwrap();
    let cm1 = actor_for(&mut conn, "casemanager1@demostad.example");
    let cm2 = actor_for(&mut conn, "casemanager2@demostad.example");
    let coordinator = actor_for(&mut conn, "coordinator@demostad.example");
    // A participant of casemanager1 with a confidential line.
    let target = participants::list(&mut conn, &cm1, origin())
        .unwrap()
        .into_iter()
        .find(|p| {
            let f = participants::read_file(&mut conn, &cm1, &p.id, origin()).unwrap();
            f.journal.iter().any(|j| j.confidential)
        })
        .expect("a demo participant with a confidential line");

    // The coordinator reads the file: confidential lines withheld.
    let file = participants::read_file(&mut conn, &coordinator, &target.id, origin()).unwrap();
    assert!(file.confidential_withheld > 0);
    assert!(file.journal.iter().all(|j| !j.confidential));

    // Without a (real) reason: refused, and the refusal recorded.
    assert!(matches!(
        participants::break_glass(&mut conn, &coordinator, &target.id, "  curious ", origin()),
        Err(AccessError::Denied(Denied::BreakGlassReasonRequired))
    ));
    assert_eq!(
        audit_rows(&mut conn, participants::BREAK_GLASS, "denied"),
        1
    );
    // Another casemanager cannot break the glass at all.
    assert!(matches!(
        participants::break_glass(
            &mut conn,
            &cm2,
            &target.id,
            "I am covering for a colleague today",
            origin()
        ),
        Err(AccessError::Denied(Denied::NotAssigned))
    ));

    let reason = "Casemanager ill; safety question from the school";
    let lines =
        participants::break_glass(&mut conn, &coordinator, &target.id, reason, origin()).unwrap();
    assert!(!lines.is_empty() && lines.iter().all(|j| j.confidential));
    // The casemanager sees who broke the glass, and why, on her file.
    let file = participants::read_file(&mut conn, &cm1, &target.id, origin()).unwrap();
    assert_eq!(file.glass_breaks.len(), 1);
    assert_eq!(file.glass_breaks[0].detail, reason);
    assert_eq!(file.glass_breaks[0].actor_label, "Cora Coördinator (demo)");
    assert!(
        file.journal.iter().any(|j| j.confidential),
        "the assigned casemanager sees confidential lines"
    );
    assert_eq!(audit::verify(&mut conn).unwrap(), Vec::<String>::new());
}

#[test]
fn disabling_from_the_command_line_ends_sessions_and_is_audited() {
    let database = TestDatabase::new();
    let db = database.open();
    let mut conn = db.get().unwrap();
    demo::seed(&mut conn, test_now(), None).unwrap();
    let now = test_now().naive_utc();
    let target = repo::user_by_email(&mut conn, "facilitator@demostad.example").unwrap();
    access::create_session(
        &mut conn,
        &db::models::SessionRow {
            id: "s-cli".into(),
            user_id: target.id.clone(),
            organisation_id: None,
            csrf_token: "t".into(),
            second_factor_pending: false,
            ip: None,
            user_agent: None,
            created_at: now,
            last_seen_at: now,
        },
    )
    .unwrap();
    db::admin::set_active(&mut conn, "Facilitator@demostad.example", false, now).unwrap();
    let left: i64 = sessions::table
        .filter(sessions::user_id.eq(&target.id))
        .count()
        .get_result(&mut conn)
        .unwrap();
    assert_eq!(left, 0);
    assert_eq!(audit_rows(&mut conn, "user.disable", "success"), 1);
    assert!(matches!(
        db::admin::set_active(&mut conn, "nobody@demostad.example", false, now),
        Err(DbError::NotFound(_))
    ));
    assert_eq!(audit::verify(&mut conn).unwrap(), Vec::<String>::new());
}

/// (organisation_id, actor_label) of every entry with this action.
fn audit_of(conn: &mut DbConn, action: &str) -> Vec<(Option<String>, String, String)> {
    audit_log::table
        .filter(audit_log::action.eq(action))
        .select((
            audit_log::organisation_id,
            audit_log::actor_label,
            audit_log::detail,
        ))
        .order(audit_log::id)
        .load(conn)
        .unwrap()
}

#[test]
fn every_command_line_change_is_audited_in_the_organisations_chain() {
    let database = TestDatabase::new();
    let db = database.open();
    let mut conn = db.get().unwrap();
    let now = test_now().naive_utc();
    let org = db::admin::create_organisation(
        &mut conn,
        "clitest",
        "OCMW Testgem (test)",
        domain::model::Language::Nl,
        now,
    )
    .unwrap();
    assert_eq!(
        audit_of(&mut conn, "organisation.create"),
        vec![(
            Some(org.id.clone()),
            db::admin::COMMAND_LINE.to_owned(),
            "fields: slug, name, default_language".to_owned()
        )]
    );

    let hash = domain::password::NewPassword::parse("a long enough test passphrase")
        .unwrap()
        .hash();
    let new = |email: &'static str, hash: &str| repo::NewUser {
        email,
        username: None,
        display_name: "Test Person",
        preferred_language: None,
        grammatical_gender: None,
        password_hash: hash.to_owned(),
    };
    let ann = db::admin::create_user(
        &mut conn,
        new("ann@testgem.example", &hash),
        Some((&org, Role::Casemanager)),
        now,
    )
    .unwrap();
    let analyst =
        db::admin::create_user(&mut conn, new("stat@federal.example", &hash), None, now).unwrap();
    let created = audit_of(&mut conn, "user.create");
    assert_eq!(created.len(), 2);
    assert_eq!(created[0].0.as_deref(), Some(org.id.as_str()));
    assert_eq!(
        created[1].0, None,
        "an analyst has no organisation: global chain"
    );
    assert!(analyst.is_analyst);

    // A locked-out casemanager with two open sessions gets a new password.
    diesel::update(users::table.find(&ann.id))
        .set((
            users::failed_logins.eq(6),
            users::locked_until.eq(Some(now + chrono::Duration::minutes(30))),
        ))
        .execute(&mut conn)
        .unwrap();
    for id in ["s-ann-1", "s-ann-2"] {
        access::create_session(
            &mut conn,
            &db::models::SessionRow {
                id: id.into(),
                user_id: ann.id.clone(),
                organisation_id: Some(org.id.clone()),
                csrf_token: "t".into(),
                second_factor_pending: false,
                ip: None,
                user_agent: None,
                created_at: now,
                last_seen_at: now,
            },
        )
        .unwrap();
    }
    let new_hash = domain::password::NewPassword::parse("another long test passphrase")
        .unwrap()
        .hash();
    let ended =
        db::admin::reset_password(&mut conn, "ANN@testgem.example", &new_hash, now).unwrap();
    assert_eq!(ended, 2);
    let after = repo::user_by_email(&mut conn, "ann@testgem.example").unwrap();
    assert_eq!(after.password_hash, new_hash);
    assert_eq!(after.failed_logins, 0);
    assert!(
        !access::is_locked(&after, now),
        "the reset lifts the lockout"
    );
    let sessions_left: i64 = sessions::table
        .filter(sessions::user_id.eq(&ann.id))
        .count()
        .get_result(&mut conn)
        .unwrap();
    assert_eq!(sessions_left, 0);
    let reset = audit_of(&mut conn, "user.password_reset");
    assert_eq!(reset.len(), 1);
    assert_eq!(reset[0].0.as_deref(), Some(org.id.as_str()));
    assert!(
        !reset[0].2.contains(&new_hash),
        "field names only, never the hash"
    );

    // A person unknown to the database changes nothing and records nothing.
    let before: i64 = audit_log::table.count().get_result(&mut conn).unwrap();
    assert!(matches!(
        db::admin::reset_password(&mut conn, "nobody@testgem.example", &new_hash, now),
        Err(DbError::NotFound(_))
    ));
    let after_count: i64 = audit_log::table.count().get_result(&mut conn).unwrap();
    assert_eq!(before, after_count);
    assert_eq!(audit::verify(&mut conn).unwrap(), Vec::<String>::new());
}

#[test]
fn concurrent_reads_commit_their_entries_together_and_the_chain_holds() {
    let database = TestDatabase::new();
    let db = database.open();
    let mut conn = db.get().unwrap();
    demo::seed(&mut conn, test_now(), None).unwrap();
    let coordinator = actor_for(&mut conn, "coordinator@demostad.example");
    let people = participants::list(&mut conn, &coordinator, origin()).unwrap();
    let before = audit_rows(&mut conn, "participant.read", "success");
    drop(conn);
    let threads = 4;
    let reads_each = 10;
    std::thread::scope(|s| {
        for t in 0..threads {
            let (db, coordinator, people) = (db.clone(), coordinator.clone(), &people);
            s.spawn(move || {
                let mut conn = db.get().unwrap();
                for i in 0..reads_each {
                    let p = &people[(t * reads_each + i) % people.len()];
                    let origin = origin().via(db.audit_writer());
                    let file =
                        participants::read_file(&mut conn, &coordinator, &p.id, origin).unwrap();
                    assert_eq!(file.participant.id, p.id);
                    // Durable before the read returns: the writer's own
                    // connection committed it, and this one sees it.
                    let mine: i64 = audit_log::table
                        .filter(audit_log::action.eq("participant.read"))
                        .filter(audit_log::subject_id.eq(&p.id))
                        .count()
                        .get_result(&mut conn)
                        .unwrap();
                    assert!(mine >= 1);
                }
            });
        }
    });
    let mut conn = db.get().unwrap();
    assert_eq!(
        audit_rows(&mut conn, "participant.read", "success"),
        before + (threads * reads_each) as i64
    );
    assert_eq!(audit::verify(&mut conn).unwrap(), Vec::<String>::new());
    // A refusal goes through the writer too, and is durable when it returns.
    let facilitator = actor_for(&mut conn, "facilitator@demostad.example");
    let denied_before = audit_rows(&mut conn, "participant.list", "denied");
    assert!(participants::list(&mut conn, &facilitator, origin().via(db.audit_writer())).is_err());
    assert_eq!(
        audit_rows(&mut conn, "participant.list", "denied"),
        denied_before + 1
    );
}

#[test]
fn openable_answers_as_the_file_read_would() {
    let database = TestDatabase::new();
    let db = database.open_with_demo(test_now());
    let mut conn = db.get().unwrap();
    let cm1 = actor_for(&mut conn, "casemanager1@demostad.example");
    let coordinator = actor_for(&mut conn, "coordinator@demostad.example");
    let facilitator = actor_for(&mut conn, "facilitator@demostad.example");
    let org = coordinator.organisation_id().unwrap().to_owned();
    let all: Vec<String> = participants::list(&mut conn, &coordinator, origin())
        .unwrap()
        .into_iter()
        .map(|p| p.id)
        .collect();
    let mine: std::collections::HashSet<String> = participants::list(&mut conn, &cm1, origin())
        .unwrap()
        .into_iter()
        .map(|p| p.id)
        .collect();
    assert!(!mine.is_empty() && mine.len() < all.len());
    // Asked twice about the same person, answered once.
    let mut asked = all.clone();
    asked.extend(all.iter().take(3).cloned());
    assert_eq!(
        participants::openable(&mut conn, &cm1, &org, &asked).unwrap(),
        mine
    );
    assert_eq!(
        participants::openable(&mut conn, &coordinator, &org, &asked)
            .unwrap()
            .len(),
        all.len()
    );
    assert!(
        participants::openable(&mut conn, &facilitator, &org, &asked)
            .unwrap()
            .is_empty()
    );
    assert!(
        participants::openable(&mut conn, &coordinator, &org, &[])
            .unwrap()
            .is_empty()
    );
    // Each answer agrees with an actual file read.
    for id in all.iter().take(12) {
        let read = participants::read_file(&mut conn, &cm1, id, origin()).is_ok();
        assert_eq!(read, mine.contains(id), "{id}");
    }
}
