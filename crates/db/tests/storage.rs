//! Storage contract, run on SQLite by default and on PostgreSQL when
//! TRAJECT_TEST_DATABASE_URL names a server.

use db::backend::{live_columns, write_tx};
use db::demo::{self, DemoState};
use db::models::*;
use db::schema::*;
use db::{DbError, repo};
use diesel::prelude::*;
use domain::model::{Language, ProgrammeKind, Role};
use test_support::{TestDatabase, test_now};

/// Both backends must end with exactly the tables and columns listed in the
/// committed snapshot: so they match each other and `schema.rs`.
#[test]
fn schema_matches_the_committed_snapshot() {
    let database = TestDatabase::new();
    let db = database.open();
    let mut conn = db.get().unwrap();
    let live: Vec<String> = live_columns(&mut conn)
        .unwrap()
        .into_iter()
        .map(|c| {
            format!(
                "{}.{} {}{}",
                c.table,
                c.column,
                c.kind,
                if c.nullable { " null" } else { "" }
            )
        })
        .collect();
    // After a deliberate schema change: TRAJECT_UPDATE_SNAPSHOT=1 cargo test -p db schema
    if std::env::var_os("TRAJECT_UPDATE_SNAPSHOT").is_some() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/schema_columns.txt");
        std::fs::write(path, live.join("\n") + "\n").unwrap();
    }
    let expected: Vec<String> = include_str!("schema_columns.txt")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(str::to_owned)
        .collect();
    assert_eq!(
        live,
        expected,
        "live schema on {} differs from tests/schema_columns.txt:\n{}",
        database.backend().name(),
        live.join("\n")
    );
}

#[test]
fn every_organisation_table_carries_organisation_id() {
    let database = TestDatabase::new();
    let db = database.open();
    let mut conn = db.get().unwrap();
    let cols = live_columns(&mut conn).unwrap();
    let mut tables: Vec<&str> = cols.iter().map(|c| c.table.as_str()).collect();
    tables.dedup();
    // Global tables: the tenants themselves; people, who may work for several;
    // their sessions and recovery codes; the audit trail, whose "global" chain
    // holds events without an organisation (a failed login for an unknown name);
    // the school years of the Communities, the same for every organisation.
    let global = [
        "school_years",
        "organisations",
        "users",
        "sessions",
        "recovery_codes",
        "audit_chains",
        "audit_log",
    ];
    for t in tables.into_iter().filter(|t| !global.contains(t)) {
        assert!(
            cols.iter()
                .any(|c| c.table == t && c.column == "organisation_id" && !c.nullable),
            "{t} lacks a NOT NULL organisation_id"
        );
    }
}

#[test]
fn write_tx_commits_on_ok_and_rolls_back_on_error() {
    let database = TestDatabase::new();
    let db = database.open();
    let mut conn = db.get().unwrap();
    let now = test_now().naive_utc();

    let kept = repo::new_organisation("kept", "Kept (test)", Language::Nl, false, now);
    write_tx(&mut conn, |c| repo::insert_organisation(c, &kept)).unwrap();

    let lost = repo::new_organisation("lost", "Lost (test)", Language::Fr, false, now);
    let result: Result<(), DbError> = write_tx(&mut conn, |c| {
        repo::insert_organisation(c, &lost)?;
        Err(DbError::Conflict("fails halfway".into()))
    });
    assert!(result.is_err());

    let slugs: Vec<String> = repo::list_organisations(&mut conn)
        .unwrap()
        .into_iter()
        .map(|o| o.slug)
        .collect();
    assert_eq!(slugs, vec!["kept".to_owned()]);

    // Nested: the inner failure is a savepoint; the outer work survives.
    let nested = repo::new_organisation("outer", "Outer (test)", Language::De, false, now);
    write_tx(&mut conn, |c| {
        repo::insert_organisation(c, &nested)?;
        let inner: Result<(), DbError> = write_tx(c, |c| {
            repo::insert_organisation(
                c,
                &repo::new_organisation("inner", "Inner (test)", Language::En, false, now),
            )?;
            Err(DbError::Conflict("inner fails".into()))
        });
        assert!(inner.is_err());
        Ok::<_, DbError>(())
    })
    .unwrap();
    let mut slugs: Vec<String> = repo::list_organisations(&mut conn)
        .unwrap()
        .into_iter()
        .map(|o| o.slug)
        .collect();
    slugs.sort();
    assert_eq!(slugs, vec!["kept".to_owned(), "outer".to_owned()]);
}

/// A child row can never point at a parent of another organisation: the
/// composite foreign keys refuse it in the database itself.
#[test]
fn rows_cannot_point_into_another_organisation() {
    let database = TestDatabase::new();
    let db = database.open();
    let mut conn = db.get().unwrap();
    let now = test_now().naive_utc();
    let a = repo::new_organisation("a", "Org A (test)", Language::Nl, false, now);
    let b = repo::new_organisation("b", "Org B (test)", Language::Nl, false, now);
    repo::insert_organisation(&mut conn, &a).unwrap();
    repo::insert_organisation(&mut conn, &b).unwrap();
    let programme_of_a =
        repo::add_programme(&mut conn, &a.id, "P", "", ProgrammeKind::Miriam, now).unwrap();
    let participant_of_b = Participant {
        id: new_id(),
        organisation_id: b.id.clone(),
        first_name: "Test".into(),
        last_name: "Persoon".into(),
        birth_date: None,
        language: "nl".into(),
        version: 1,
        created_at: now,
        updated_at: now,
        ..Default::default()
    };
    diesel::insert_into(participants::table)
        .values(&participant_of_b)
        .execute(&mut conn)
        .unwrap();

    let crossing = Trajectory {
        id: new_id(),
        organisation_id: b.id.clone(),
        participant_id: participant_of_b.id.clone(),
        programme_id: programme_of_a.id.clone(),
        casemanager_id: None,
        status: "active".into(),
        referred_on: now.date(),
        started_on: None,
        ended_on: None,
        version: 1,
        created_at: now,
        updated_at: now,
        ..Default::default()
    };
    let err = diesel::insert_into(trajectories::table)
        .values(&crossing)
        .execute(&mut conn)
        .unwrap_err();
    assert!(
        matches!(
            err,
            diesel::result::Error::DatabaseError(
                diesel::result::DatabaseErrorKind::ForeignKeyViolation,
                _
            )
        ),
        "expected a foreign key violation, got {err:?}"
    );
}

#[test]
fn demo_seeds_once_into_an_empty_database() {
    let database = TestDatabase::new();
    let db = database.open();
    let mut conn = db.get().unwrap();
    assert_eq!(demo::state(&mut conn).unwrap(), DemoState::Empty);

    let counts = demo::seed(&mut conn, test_now(), None).unwrap();
    assert_eq!(counts.sites, 2);
    assert_eq!(counts.staff, 5);
    assert_eq!(counts.programmes as usize, ProgrammeKind::ALL.len());
    assert_eq!(counts.participants as usize, demo::DEMO_PARTICIPANTS);
    assert!(
        counts.children >= counts.participants,
        "every demo mother has children"
    );
    assert_eq!(counts.trajectories, counts.participants);
    assert_eq!(demo::state(&mut conn).unwrap(), DemoState::Seeded);

    // Each seed programme kind is there once, with its phases.
    let org = repo::organisation_by_slug(&mut conn, demo::DEMO_SLUG).unwrap();
    let mut kinds: Vec<String> = repo::list_programmes(&mut conn, &org.id)
        .unwrap()
        .into_iter()
        .map(|p| p.kind)
        .collect();
    kinds.sort();
    let mut expected: Vec<String> = ProgrammeKind::ALL
        .iter()
        .map(|k| k.code().to_owned())
        .collect();
    expected.sort();
    assert_eq!(kinds, expected);
    let phases: i64 = programme_phases::table
        .filter(programme_phases::organisation_id.eq(&org.id))
        .count()
        .get_result(&mut conn)
        .unwrap();
    let expected_phases: usize = ProgrammeKind::ALL
        .iter()
        .map(|k| k.template().phases.len())
        .sum();
    assert_eq!(phases as usize, expected_phases);

    // Demo children are minors and born after their mother (a few have no
    // known birth date: the data-problems list shows them).
    let rows: Vec<(Option<chrono::NaiveDate>, Option<chrono::NaiveDate>)> = children::table
        .inner_join(participants::table.on(participants::id.eq(children::participant_id)))
        .select((participants::birth_date, children::birth_date))
        .load(&mut conn)
        .unwrap();
    assert!(rows.iter().any(|(_, child)| child.is_none()));
    for (mother, child) in rows {
        let (mother, Some(child)) = (mother.unwrap(), child) else {
            continue;
        };
        assert!(
            child > mother + chrono::Duration::days(365 * 16),
            "child born too early: {mother} / {child}"
        );
        assert!(child <= test_now().date_naive());
    }

    // A second seed is refused and changes nothing.
    assert!(matches!(
        demo::seed(&mut conn, test_now(), None),
        Err(DbError::Conflict(_))
    ));
    assert_eq!(repo::counts(&mut conn, &org.id).unwrap(), counts);
}

#[test]
fn demo_is_refused_next_to_real_data() {
    let database = TestDatabase::new();
    let db = database.open();
    let mut conn = db.get().unwrap();
    let now = test_now().naive_utc();
    let org = repo::new_organisation("real", "Real OCMW (test)", Language::Fr, false, now);
    repo::insert_organisation(&mut conn, &org).unwrap();
    assert_eq!(demo::state(&mut conn).unwrap(), DemoState::OtherData);
    assert!(demo::seed(&mut conn, test_now(), None).is_err());
    assert_eq!(repo::list_organisations(&mut conn).unwrap().len(), 1);
}

#[test]
fn users_are_unique_by_email_whatever_the_case() {
    let database = TestDatabase::new();
    let db = database.open();
    let mut conn = db.get().unwrap();
    let now = test_now().naive_utc();
    let org = repo::new_organisation("o", "O (test)", Language::Nl, false, now);
    repo::insert_organisation(&mut conn, &org).unwrap();
    let new = |email| repo::NewUser {
        email,
        username: None,
        display_name: "Test Gebruiker",
        preferred_language: None,
        grammatical_gender: None,
        password_hash: "x".into(),
    };
    repo::add_user(
        &mut conn,
        new("Ann@Example.test"),
        &org.id,
        Role::Casemanager,
        now,
    )
    .unwrap();
    let err = repo::add_user(
        &mut conn,
        new("ann@example.TEST"),
        &org.id,
        Role::Casemanager,
        now,
    )
    .unwrap_err();
    assert!(matches!(err, DbError::Conflict(_)), "{err:?}");
    assert_eq!(
        repo::list_users(&mut conn).unwrap().len(),
        1,
        "the failed add left nothing behind"
    );
    assert_eq!(
        repo::user_by_email(&mut conn, "ANN@example.test")
            .unwrap()
            .email,
        "ann@example.test"
    );
}

#[test]
fn check_reports_a_sound_database() {
    let database = TestDatabase::new();
    let db = database.open();
    let mut conn = db.get().unwrap();
    let findings = db::check::run(&mut conn, None).unwrap();
    assert!(findings.iter().all(|f| f.ok), "{findings:?}");
    assert!(findings.iter().any(|f| f.check == "migrations"));
}

/// `traject check`'s integrity finding sees damage on each backend: on SQLite
/// a row whose parent is missing (written with foreign keys switched off), on
/// PostgreSQL a constraint that was added without checking the old rows.
#[test]
fn the_integrity_check_reports_damage() {
    use diesel::connection::SimpleConnection;
    let database = TestDatabase::new();
    let db = database.open();
    let mut conn = db.get().unwrap();
    demo::seed(&mut conn, test_now(), None).unwrap();
    let clean = db::check::run(&mut conn, None).unwrap();
    assert!(clean.iter().all(|f| f.ok), "{clean:?}");
    let damage = match &mut *conn {
        db::DbConn::Sqlite(c) => c.batch_execute(
            "PRAGMA foreign_keys = OFF;
             UPDATE rooms SET site_id = 'no-such-site' WHERE id = (SELECT MIN(id) FROM rooms);
             PRAGMA foreign_keys = ON;",
        ),
        db::DbConn::Postgres(c) => c.batch_execute(
            "ALTER TABLE rooms ADD CONSTRAINT rooms_test_unchecked CHECK (capacity < 1000) NOT VALID;",
        ),
    };
    damage.unwrap();
    let findings = db::check::run(&mut conn, None).unwrap();
    let integrity = findings.iter().find(|f| f.check == "integrity").unwrap();
    assert!(!integrity.ok, "{integrity:?}");
    let expected = match conn.backend() {
        db::Backend::Sqlite => "foreign key violation: rooms",
        db::Backend::Postgres => "constraint not validated: rooms.rooms_test_unchecked",
    };
    assert!(integrity.detail.contains(expected), "{integrity:?}");
}

/// On shutdown the server empties SQLite's WAL into the database, so that
/// the file does not stay on disk at whatever size load made it.
#[test]
fn the_final_checkpoint_empties_the_wal_and_keeps_the_data() {
    let database = TestDatabase::new();
    let db = database.open();
    let org = repo::new_organisation(
        "wal-test",
        "Walstad (fictional)",
        Language::Nl,
        false,
        test_now().naive_utc(),
    );
    write_tx(&mut db.get().unwrap(), |c| {
        repo::insert_organisation(c, &org)
    })
    .unwrap();
    let wal = database
        .url_text()
        .strip_prefix("sqlite://")
        .map(|path| std::path::PathBuf::from(format!("{path}-wal")));
    if let Some(wal) = &wal {
        assert!(
            std::fs::metadata(wal).unwrap().len() > 0,
            "the write went to the WAL"
        );
    }
    db.final_checkpoint().unwrap();
    if let Some(wal) = &wal {
        assert_eq!(std::fs::metadata(wal).map(|m| m.len()).unwrap_or(0), 0);
    }
    let found: i64 = organisations::table
        .filter(organisations::slug.eq("wal-test"))
        .count()
        .get_result(&mut *db.get().unwrap())
        .unwrap();
    assert_eq!(found, 1);
}
