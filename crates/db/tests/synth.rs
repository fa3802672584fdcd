//! `traject synth` on both backends: deterministic counts, every trajectory
//! state, verifiable hash chains, and never next to real data.

use db::schema::*;
use db::synth::{self, Options};
use diesel::prelude::*;
use test_support::{TestDatabase, test_now};

fn options() -> Options {
    Options {
        organisations: 3,
        participants: 120,
        years: 2,
        trail: 3000,
        seed: 42,
    }
}

#[test]
fn synth_fills_an_empty_database_and_the_chains_verify() {
    let database = TestDatabase::new();
    // Migrated through the pool, then loaded on a connection of its own (as the CLI does).
    drop(database.open());
    let mut conn = db::DbConn::open(&database.url).unwrap();
    let summary = synth::run(
        &mut conn,
        &options(),
        "not-a-real-hash",
        test_now().naive_utc(),
        &mut |_, _, _| {},
    )
    .unwrap();
    assert_eq!(summary.organisations, 3);
    assert_eq!(summary.participants, 360);
    assert_eq!(summary.trail, 3000);
    let trail: i64 = audit_log::table.count().get_result(&mut conn).unwrap();
    assert_eq!(trail, 3000);
    // Four in five entries in the first (largest) organisation.
    let first: String = organisations::table
        .filter(organisations::slug.eq("synth-000"))
        .select(organisations::id)
        .first(&mut conn)
        .unwrap();
    let in_first: i64 = audit_log::table
        .filter(audit_log::organisation_id.eq(&first))
        .count()
        .get_result(&mut conn)
        .unwrap();
    assert_eq!(in_first, 2400);
    assert_eq!(db::audit::verify(&mut conn).unwrap(), Vec::<String>::new());
    // Every state of the lifecycle appears.
    let statuses: Vec<String> = trajectories::table
        .select(trajectories::status)
        .distinct()
        .load(&mut conn)
        .unwrap();
    for s in domain::model::TrajectoryStatus::ALL {
        assert!(statuses.contains(&s.code().to_owned()), "{s} missing");
    }
    let synthetic: Vec<bool> = organisations::table
        .select(organisations::synthetic)
        .load(&mut conn)
        .unwrap();
    assert!(synthetic.iter().all(|s| *s));
    // Never on top of existing data, synthetic or real.
    assert!(
        synth::run(
            &mut conn,
            &options(),
            "x",
            test_now().naive_utc(),
            &mut |_, _, _| {}
        )
        .is_err()
    );
}

#[test]
fn the_same_seed_gives_the_same_people() {
    let names = |seed| {
        let database = TestDatabase::new();
        drop(database.open());
        let mut conn = db::DbConn::open(&database.url).unwrap();
        synth::run(
            &mut conn,
            &Options {
                seed,
                trail: 0,
                ..options()
            },
            "x",
            test_now().naive_utc(),
            &mut |_, _, _| {},
        )
        .unwrap();
        participants::table
            .order((
                participants::last_name,
                participants::first_name,
                participants::birth_date,
            ))
            .select((
                participants::first_name,
                participants::birth_date,
                participants::phone,
            ))
            .load::<(String, Option<chrono::NaiveDate>, Option<String>)>(&mut conn)
            .unwrap()
    };
    assert_eq!(names(7), names(7));
    assert_ne!(names(7), names(8));
}
