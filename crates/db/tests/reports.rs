//! Reports on both backends: the ESF+ indicators over a small hand-made
//! programme whose expected figures are written here — the completeness
//! rule, non-binary gender, one participant counted once over two
//! trajectories, the period's edges, special-category answers declined,
//! third-country nationals derived from the nationality.

use chrono::NaiveDate;
use db::models::{Participant, ParticipantSensitive, Trajectory};
use db::schema::*;
use db::{DbConn, repo};
use diesel::prelude::*;
use domain::indicators::{Fact, Records, Unit, built_in, evaluate};
use test_support::{TestDatabase, test_now};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

struct Person<'a> {
    id: &'a str,
    gender: &'a str,
    born: NaiveDate,
    nationality: &'a str,
    labour: Option<&'a str>,
    education: Option<&'a str>,
    disability: Option<&'a str>,
    minority: Option<&'a str>,
    homeless: bool,
    /// Days her trajectories started.
    started: &'a [NaiveDate],
}

fn add(conn: &mut DbConn, org: &str, programme: &str, p: &Person<'_>) {
    let now = test_now().naive_utc();
    diesel::insert_into(participants::table)
        .values(&Participant {
            id: p.id.into(),
            organisation_id: org.into(),
            first_name: "Test".into(),
            last_name: format!("Rapport {} (fictief)", p.id),
            birth_date: Some(p.born),
            language: "nl".into(),
            version: 1,
            created_at: now,
            updated_at: now,
            gender: p.gender.into(),
            nationality: Some(p.nationality.into()),
            channel: "none".into(),
            labour_status: p.labour.map(Into::into),
            education: p.education.map(Into::into),
            ..Participant::default()
        })
        .execute(conn)
        .unwrap();
    diesel::insert_into(participant_sensitive::table)
        .values(&ParticipantSensitive {
            participant_id: p.id.into(),
            organisation_id: org.into(),
            disability: p.disability.map(Into::into),
            minority: p.minority.map(Into::into),
            foreign_background: Some(false),
            homeless: Some(p.homeless),
            updated_at: now,
            ..ParticipantSensitive::default()
        })
        .execute(conn)
        .unwrap();
    for (n, on) in p.started.iter().enumerate() {
        diesel::insert_into(trajectories::table)
            .values(&Trajectory {
                id: format!("{}-t{n}", p.id),
                organisation_id: org.into(),
                participant_id: p.id.into(),
                programme_id: programme.into(),
                status: "active".into(),
                referred_on: *on,
                started_on: Some(*on),
                version: 1,
                created_at: now,
                updated_at: now,
                ..Trajectory::default()
            })
            .execute(conn)
            .unwrap();
    }
}

#[test]
fn the_esf_plus_indicators_of_a_hand_made_programme() {
    let database = TestDatabase::new();
    let db = database.open();
    let mut conn = db.get().unwrap();
    let org = repo::new_organisation(
        "rapportstad",
        "OCMW Rapportstad (fictief)",
        domain::model::Language::Nl,
        true,
        test_now().naive_utc(),
    );
    repo::insert_organisation(&mut conn, &org).unwrap();
    let programme = repo::add_programme(
        &mut conn,
        &org.id,
        "Sleutel (test)",
        "Test",
        domain::model::ProgrammeKind::KeyToWork,
        test_now().naive_utc(),
    )
    .unwrap()
    .id;
    let year = (d(2026, 1, 1), d(2026, 12, 31));
    let people = [
        // 17 on the day she entered (18 a month later), long-term unemployed, Syrian.
        Person {
            id: "p1",
            gender: "woman",
            born: d(2008, 3, 1),
            nationality: "SY",
            labour: Some("long_term_unemployed"),
            education: Some("isced_0_2"),
            disability: Some("no"),
            minority: Some("no"),
            homeless: false,
            // Entered on the period's first day, and again later: counted once.
            started: &[d(2026, 1, 1), d(2026, 6, 1)],
        },
        // Non-binary, 29 on entry, unemployed, Belgian, with a disability.
        Person {
            id: "p2",
            gender: "non_binary",
            born: d(1997, 1, 10),
            nationality: "BE",
            labour: Some("unemployed"),
            education: Some("isced_3_4"),
            disability: Some("yes"),
            minority: Some("prefers_not_to_say"),
            homeless: false,
            started: &[d(2026, 12, 31)],
        },
        // Homeless man of 55, inactive, Dutch (EU).
        Person {
            id: "p3",
            gender: "man",
            born: d(1970, 5, 5),
            nationality: "NL",
            labour: Some("inactive"),
            education: Some("isced_5_8"),
            disability: Some("prefers_not_to_say"),
            minority: Some("no"),
            homeless: true,
            started: &[d(2026, 5, 6)],
        },
        // No education given: counts in the total only.
        Person {
            id: "p4",
            gender: "woman",
            born: d(1990, 1, 1),
            nationality: "MA",
            labour: Some("employed"),
            education: None,
            disability: None,
            minority: None,
            homeless: false,
            started: &[d(2026, 3, 3)],
        },
        // Entered before the period: not counted.
        Person {
            id: "p5",
            gender: "woman",
            born: d(1990, 1, 1),
            nationality: "BE",
            labour: Some("unemployed"),
            education: Some("isced_0_2"),
            disability: Some("no"),
            minority: Some("no"),
            homeless: false,
            started: &[d(2025, 12, 31)],
        },
        // Entered after the period: not counted.
        Person {
            id: "p6",
            gender: "woman",
            born: d(1990, 1, 1),
            nationality: "BE",
            labour: Some("unemployed"),
            education: Some("isced_0_2"),
            disability: Some("no"),
            minority: Some("no"),
            homeless: false,
            started: &[d(2027, 1, 1)],
        },
    ];
    for p in &people {
        add(&mut conn, &org.id, &programme, p);
    }
    let facts = db::reports::entrants(&mut conn, &org.id, &programme, year.0, year.1).unwrap();
    assert_eq!(facts.len(), 4, "p1 once, p2 on the last day, p3, p4");
    let esf = built_in()
        .iter()
        .find(|s| s.key == "esf-plus-participants")
        .unwrap();
    let figures = evaluate(esf, &Records::default().with(Unit::Entrants, facts));
    let count = |k: &str| figures.iter().find(|f| f.key == k).unwrap().value;
    let expected = [
        ("total", 4),
        ("unemployed", 2),
        ("long_term_unemployed", 1),
        ("inactive", 1),
        ("employed", 0),
        ("below_18", 1),
        ("aged_18_29", 1),
        ("aged_55_and_over", 1),
        ("isced_0_2", 1),
        ("isced_3_4", 1),
        ("isced_5_8", 1),
        ("disabilities", 1),
        ("disabilities_declined", 1),
        ("third_country_nationals", 1),
        ("foreign_background", 0),
        ("minorities", 0),
        ("minorities_declined", 1),
        ("homeless", 1),
    ];
    for (key, n) in expected {
        assert_eq!(count(key), n, "{key}");
    }
    let total = figures.iter().find(|f| f.key == "total").unwrap();
    assert_eq!(total.by[&Fact::Gender]["woman"], 2);
    assert_eq!(total.by[&Fact::Gender]["non_binary"], 1);
    assert_eq!(total.by[&Fact::Gender]["man"], 1);
}
