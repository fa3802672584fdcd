//! Instruments as data, stored on both backends: each save is a new version
//! and old versions stay readable; built-in keys are reserved; sharing is
//! opt-in; only those the policy allows may add instruments.

use db::outcomes::instruments::{self, SaveError, Source};
use db::participants::Origin;
use db::{DbConn, access, demo, repo};
use domain::policy::{Actor, Denied};
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

const OWN: &str = r#"{
  "key": "demostad-parenting-check", "version": 7,
  "names": {"nl": "Opvoedingscheck (fictief)", "en": "Parenting check (fictional)"},
  "respondent": "participant",
  "items": [
    {"key": "calm", "type": "scale", "min": 1, "max": 5,
     "texts": {"nl": "Ik blijf rustig", "en": "I stay calm"}, "domain": "parenting", "required": true}
  ]
}"#;

#[test]
fn each_save_is_a_new_version_and_old_ones_stay_readable() {
    let database = TestDatabase::new();
    let db = database.open();
    let mut conn = db.get().unwrap();
    demo::seed(&mut conn, test_now(), None).unwrap();
    let admin = actor_for(&mut conn, "beheerder@demostad.example");
    let org = admin.organisation_id().unwrap().to_owned();
    assert_eq!(
        instruments::save(&mut conn, &admin, OWN, false, origin()).unwrap(),
        1
    );
    let reworded = OWN.replace("Ik blijf rustig", "Ik blijf kalm");
    assert_eq!(
        instruments::save(&mut conn, &admin, &reworded, false, origin()).unwrap(),
        2
    );
    let v1 = instruments::version_of(&mut conn, &org, "demostad-parenting-check", 1)
        .unwrap()
        .unwrap();
    let v2 = instruments::version_of(&mut conn, &org, "demostad-parenting-check", 2)
        .unwrap()
        .unwrap();
    assert_eq!(v1.items[0].texts["nl"], "Ik blijf rustig");
    assert_eq!(v2.items[0].texts["nl"], "Ik blijf kalm");
    assert_eq!(v2.comparable_with(&v1), vec!["calm"]);
    // The list offers the latest version, beside the built-in ones.
    let all = instruments::available(&mut conn, &org).unwrap();
    let own: Vec<_> = all.iter().filter(|a| a.source == Source::Own).collect();
    assert_eq!(own.len(), 1);
    assert_eq!(own[0].instrument.version, 2);
    assert!(
        all.iter()
            .any(|a| a.source == Source::BuiltIn && a.instrument.key == "traject-life-domains")
    );
    let life = instruments::version_of(&mut conn, &org, "traject-life-domains", 1).unwrap();
    assert!(life.is_some(), "built-in versions are found too");
}

#[test]
fn reserved_keys_broken_data_and_other_roles_are_refused() {
    let database = TestDatabase::new();
    let db = database.open();
    let mut conn = db.get().unwrap();
    demo::seed(&mut conn, test_now(), None).unwrap();
    let admin = actor_for(&mut conn, "beheerder@demostad.example");
    let cm = actor_for(&mut conn, "casemanager1@demostad.example");
    let ours = OWN.replace("demostad-parenting-check", "traject-life-domains");
    assert!(matches!(
        instruments::save(&mut conn, &admin, &ours, false, origin()),
        Err(SaveError::ReservedKey)
    ));
    let broken = OWN.replace("\"max\": 5", "\"max\": 0");
    assert!(matches!(
        instruments::save(&mut conn, &admin, &broken, false, origin()),
        Err(SaveError::Invalid(_))
    ));
    assert!(matches!(
        instruments::save(&mut conn, &cm, OWN, false, origin()),
        Err(SaveError::Access(db::participants::AccessError::Denied(
            Denied::Role
        )))
    ));
    // The refusal stays in the trail.
    {
        use db::schema::audit_log;
        use diesel::prelude::*;
        let refused: i64 = audit_log::table
            .filter(audit_log::action.eq("instrument.save"))
            .filter(audit_log::actor_user_id.eq(cm.user_id()))
            .count()
            .get_result(&mut conn)
            .unwrap();
        assert_eq!(refused, 1);
    }
    let org = admin.organisation_id().unwrap().to_owned();
    let own = instruments::available(&mut conn, &org)
        .unwrap()
        .into_iter()
        .filter(|a| a.source == Source::Own)
        .count();
    assert_eq!(own, 0, "nothing refused was kept");
}

#[test]
fn sharing_is_opt_in() {
    let database = TestDatabase::new();
    let db = database.open();
    let mut conn = db.get().unwrap();
    demo::seed(&mut conn, test_now(), None).unwrap();
    let admin = actor_for(&mut conn, "beheerder@demostad.example");
    let other = repo::new_organisation(
        "andere-gemeente",
        "OCMW Anderegemeente (fictief)",
        domain::model::Language::Nl,
        true,
        test_now().naive_utc(),
    );
    repo::insert_organisation(&mut conn, &other).unwrap();
    instruments::save(&mut conn, &admin, OWN, false, origin()).unwrap();
    let elsewhere = |conn: &mut DbConn| {
        instruments::available(conn, &other.id)
            .unwrap()
            .into_iter()
            .filter(|a| a.source != Source::BuiltIn)
            .count()
    };
    assert_eq!(elsewhere(&mut conn), 0, "not shared: not seen elsewhere");
    assert!(
        instruments::version_of(&mut conn, &other.id, "demostad-parenting-check", 1)
            .unwrap()
            .is_none()
    );
    instruments::save(&mut conn, &admin, OWN, true, origin()).unwrap();
    assert_eq!(elsewhere(&mut conn), 1);
    let seen = instruments::available(&mut conn, &other.id).unwrap();
    assert!(
        seen.iter()
            .any(|a| matches!(&a.source, Source::Shared { .. }))
    );
}
