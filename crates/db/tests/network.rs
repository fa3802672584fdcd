//! The social map on both backends: partners found by domain and language,
//! own and shared ones (another organisation's unshared ones never), a
//! change on an old version refused, bad input changing nothing, a partner
//! unverified for a year found stale, and who may keep the map.

use chrono::NaiveDate;
use db::network::partners::{self, PartnerError, PartnerInput};
use db::participants::Origin;
use db::{DbConn, access, demo, repo};
use domain::participant::LifeDomain;
use domain::policy::Actor;
use test_support::{TestDatabase, test_now};

fn origin() -> Origin<'static> {
    Origin::new(Some("192.0.2.9"), test_now().naive_utc())
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

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn partner(name: &str, domains: &[&str], languages: &[&str], shared: bool) -> PartnerInput {
    PartnerInput {
        name: name.into(),
        service: "Onthaal (fictief)".into(),
        domains: domains.iter().map(|s| (*s).to_owned()).collect(),
        languages: languages.iter().map(|s| (*s).to_owned()).collect(),
        city: "Demostad".into(),
        how_to_refer: "Bellen in de voormiddag".into(),
        waiting_days: "14".into(),
        shared,
        ..PartnerInput::default()
    }
}

/// A second organisation with a coordinator of its own.
fn other_organisation(conn: &mut DbConn) -> Actor {
    let org = repo::new_organisation(
        "buurstad",
        "OCMW Buurstad (fictief)",
        domain::model::Language::Nl,
        true,
        test_now().naive_utc(),
    );
    repo::insert_organisation(conn, &org).unwrap();
    let user = repo::add_user(
        conn,
        repo::NewUser {
            email: "coordinator@buurstad.example",
            username: None,
            display_name: "Coördinator Buurstad (fictief)",
            preferred_language: None,
            grammatical_gender: None,
            password_hash: "x".into(),
        },
        &org.id,
        domain::model::Role::Coordinator,
        test_now().naive_utc(),
    )
    .unwrap();
    Actor::Staff {
        user_id: user.id,
        organisation_id: org.id,
        role: domain::model::Role::Coordinator,
    }
}

#[test]
fn the_map_is_searched_by_domain_and_language_across_shared_partners() {
    let database = TestDatabase::new();
    let db = database.open();
    let mut conn = db.get().unwrap();
    demo::seed(&mut conn, test_now(), None).unwrap();
    let cm = actor_for(&mut conn, "casemanager1@demostad.example");
    let today = d(2026, 11, 24);
    let housing = partners::save(
        &mut conn,
        &cm,
        None,
        0,
        &partner("Woonwinkel (fictief)", &["housing"], &["nl", "fr"], false),
        today,
        origin(),
    )
    .unwrap();
    partners::save(
        &mut conn,
        &cm,
        None,
        0,
        &partner(
            "Schuldhulp (fictief)",
            &["income_debt"],
            &["nl", "ar"],
            false,
        ),
        today,
        origin(),
    )
    .unwrap();
    let other = other_organisation(&mut conn);
    partners::save(
        &mut conn,
        &other,
        None,
        0,
        &partner("Huurdersbond (fictief)", &["housing"], &["fr", "ar"], true),
        today,
        origin(),
    )
    .unwrap();
    partners::save(
        &mut conn,
        &other,
        None,
        0,
        &partner(
            "Eigen kaart Buurstad (fictief)",
            &["housing"],
            &["fr"],
            false,
        ),
        today,
        origin(),
    )
    .unwrap();
    let names = |lines: Vec<partners::PartnerLine>| -> Vec<String> {
        lines.into_iter().map(|l| l.name).collect()
    };
    let found = partners::search(
        &mut conn,
        &cm,
        Some(LifeDomain::Housing),
        Some("fr"),
        today,
        origin(),
    )
    .unwrap();
    assert_eq!(
        names(found.clone()),
        vec!["Huurdersbond (fictief)", "Woonwinkel (fictief)"],
        "own and shared, never another's unshared"
    );
    assert!(found.iter().any(|l| l.id == housing && l.own));
    assert!(found.iter().any(|l| !l.own));
    let arabic = partners::search(&mut conn, &cm, None, Some("AR"), today, origin()).unwrap();
    assert_eq!(
        names(arabic),
        vec!["Huurdersbond (fictief)", "Schuldhulp (fictief)"]
    );
    let debt = partners::search(
        &mut conn,
        &cm,
        Some(LifeDomain::IncomeDebt),
        None,
        today,
        origin(),
    )
    .unwrap();
    assert_eq!(debt.len(), 1);
    assert_eq!(debt[0].waiting_days, Some(14));
    // Everyone looks the map up, a facilitator too.
    let fac = actor_for(&mut conn, "facilitator@demostad.example");
    assert_eq!(
        partners::search(
            &mut conn,
            &fac,
            Some(LifeDomain::Housing),
            None,
            today,
            origin()
        )
        .unwrap()
        .len(),
        2
    );
}

#[test]
fn changes_are_checked_and_stale_partners_found() {
    let database = TestDatabase::new();
    let db = database.open();
    let mut conn = db.get().unwrap();
    demo::seed(&mut conn, test_now(), None).unwrap();
    let coordinator = actor_for(&mut conn, "coordinator@demostad.example");
    let org = coordinator.organisation_id().unwrap().to_owned();
    let last_year = d(2025, 11, 1);
    let id = partners::save(
        &mut conn,
        &coordinator,
        None,
        0,
        &partner("Gezondheidshuis (fictief)", &["health"], &["nl"], false),
        last_year,
        origin(),
    )
    .unwrap();
    let today = d(2026, 11, 24);
    let stale = partners::stale(&mut conn, &org, today).unwrap();
    assert_eq!(stale.len(), 1);
    assert_eq!(stale[0].id, id);
    partners::verify(&mut conn, &coordinator, &id, today, origin()).unwrap();
    assert!(partners::stale(&mut conn, &org, today).unwrap().is_empty());
    // A change on version 1 goes through once; the same version again is a conflict.
    let mut changed = partner(
        "Gezondheidshuis (fictief)",
        &["health", "parenting"],
        &["nl"],
        true,
    );
    partners::save(
        &mut conn,
        &coordinator,
        Some(&id),
        1,
        &changed,
        today,
        origin(),
    )
    .unwrap();
    changed.name = "Overschreven (fictief)".into();
    assert!(matches!(
        partners::save(
            &mut conn,
            &coordinator,
            Some(&id),
            1,
            &changed,
            today,
            origin()
        ),
        Err(PartnerError::Conflict)
    ));
    // Bad input: every field named, nothing changed.
    let bad = PartnerInput {
        domains: vec!["moon".into()],
        languages: vec!["nederlands".into()],
        waiting_days: "-3".into(),
        ..PartnerInput::default()
    };
    match partners::save(&mut conn, &coordinator, Some(&id), 2, &bad, today, origin()) {
        Err(PartnerError::Invalid(errors)) => {
            let fields: Vec<&str> = errors.iter().map(|e| e.field).collect();
            assert_eq!(fields, vec!["name", "domains", "languages", "waiting_days"]);
        }
        other => panic!("expected field errors, got {other:?}"),
    }
    let parenting = partners::search(
        &mut conn,
        &coordinator,
        Some(LifeDomain::Parenting),
        None,
        today,
        origin(),
    )
    .unwrap();
    assert_eq!(parenting.len(), 1);
    assert_eq!(parenting[0].name, "Gezondheidshuis (fictief)");
    // A facilitator looks up but does not keep the map; nor may another
    // organisation change this one's partner.
    let fac = actor_for(&mut conn, "facilitator@demostad.example");
    assert!(matches!(
        partners::save(
            &mut conn,
            &fac,
            None,
            0,
            &partner("X (fictief)", &["health"], &[], false),
            today,
            origin()
        ),
        Err(PartnerError::Access(_))
    ));
    let other = other_organisation(&mut conn);
    assert!(matches!(
        partners::save(&mut conn, &other, Some(&id), 3, &changed, today, origin()),
        Err(PartnerError::Access(db::participants::AccessError::Db(
            db::DbError::NotFound(_)
        )))
    ));
    assert!(partners::verify(&mut conn, &other, &id, today, origin()).is_err());
}
