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
    // The demo's own map is there too: this test looks at its own partners.
    let demo: std::collections::HashSet<String> =
        partners::search(&mut conn, &cm, None, None, today, origin())
            .unwrap()
            .into_iter()
            .map(|l| l.id)
            .collect();
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
        lines
            .into_iter()
            .filter(|l| !demo.contains(&l.id))
            .map(|l| l.name)
            .collect()
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
    let debt: Vec<_> = debt.into_iter().filter(|l| !demo.contains(&l.id)).collect();
    assert_eq!(debt.len(), 1);
    assert_eq!(debt[0].waiting_days, Some(14));
    // Everyone looks the map up, a facilitator too.
    let fac = actor_for(&mut conn, "facilitator@demostad.example");
    assert_eq!(
        names(
            partners::search(
                &mut conn,
                &fac,
                Some(LifeDomain::Housing),
                None,
                today,
                origin()
            )
            .unwrap()
        )
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
    assert!(stale.iter().any(|p| p.id == id));
    assert_eq!(
        partners::stale_count(&mut conn, &org, today).unwrap(),
        stale.len(),
        "the dashboard's count is the list's length"
    );
    assert!(stale.iter().all(|p| p.own));
    partners::verify(&mut conn, &coordinator, &id, today, origin()).unwrap();
    assert!(
        !partners::stale(&mut conn, &org, today)
            .unwrap()
            .iter()
            .any(|p| p.id == id)
    );
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
    assert!(
        parenting
            .iter()
            .any(|p| p.name == "Gezondheidshuis (fictief)")
    );
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

/// One of the casemanager's participants with a step in her plan: (participant, step).
fn her_step(conn: &mut DbConn, cm: &Actor) -> (String, String) {
    use db::schema::*;
    use diesel::prelude::*;
    plan_steps::table
        .inner_join(plans::table.inner_join(trajectories::table))
        .filter(trajectories::casemanager_id.eq(cm.user_id()))
        .order(plan_steps::id)
        .select((trajectories::participant_id, plan_steps::id))
        .first(conn)
        .unwrap()
}

fn trail_count(conn: &mut DbConn, action: &str) -> i64 {
    use db::schema::audit_log;
    use diesel::prelude::*;
    audit_log::table
        .filter(audit_log::action.eq(action))
        .count()
        .get_result(conn)
        .unwrap()
}

#[test]
fn referrals_move_forward_measure_the_wait_and_share_only_under_consent() {
    use db::network::referrals::{self, Move, NewReferral, ReferralError};
    use domain::network::ReferralStatus;
    let database = TestDatabase::new();
    let db = database.open();
    let mut conn = db.get().unwrap();
    demo::seed(&mut conn, test_now(), None).unwrap();
    let cm = actor_for(&mut conn, "casemanager1@demostad.example");
    let today = d(2026, 11, 22);
    let partner_id = partners::save(
        &mut conn,
        &cm,
        None,
        0,
        &partner("Woonwinkel Test (fictief)", &["housing"], &["nl"], false),
        today,
        origin(),
    )
    .unwrap();
    let (her, step) = her_step(&mut conn, &cm);
    let input = NewReferral {
        partner_id: partner_id.clone(),
        service: "Sociale huur".into(),
        reason: "Zoekt een betaalbare woning".into(),
        referred_on: d(2026, 9, 1),
        sent: true,
        plan_step_id: Some(step.clone()),
        journal_entry_id: None,
    };
    let id = referrals::create(&mut conn, &cm, &her, &input, origin()).unwrap();
    let step_for = |to, on| Move {
        to,
        on,
        outcome: String::new(),
        note: String::new(),
    };
    referrals::move_to(
        &mut conn,
        &cm,
        &id,
        1,
        &step_for(ReferralStatus::WaitingList, d(2026, 9, 10)),
        origin(),
    )
    .unwrap();
    // A double tap of the same move changes nothing twice.
    referrals::move_to(
        &mut conn,
        &cm,
        &id,
        1,
        &step_for(ReferralStatus::WaitingList, d(2026, 9, 10)),
        origin(),
    )
    .unwrap();
    // Backwards is refused; so is a day before the last change; so is an old version.
    assert!(matches!(
        referrals::move_to(
            &mut conn,
            &cm,
            &id,
            2,
            &step_for(ReferralStatus::Proposed, today),
            origin()
        ),
        Err(ReferralError::Invalid(_))
    ));
    assert!(matches!(
        referrals::move_to(
            &mut conn,
            &cm,
            &id,
            2,
            &step_for(ReferralStatus::FirstAppointment, d(2026, 9, 5)),
            origin()
        ),
        Err(ReferralError::Invalid(_))
    ));
    assert!(matches!(
        referrals::move_to(
            &mut conn,
            &cm,
            &id,
            1,
            &step_for(ReferralStatus::FirstAppointment, d(2026, 10, 13)),
            origin()
        ),
        Err(ReferralError::Conflict)
    ));
    referrals::move_to(
        &mut conn,
        &cm,
        &id,
        2,
        &step_for(ReferralStatus::FirstAppointment, d(2026, 10, 13)),
        origin(),
    )
    .unwrap();
    let seen = referrals::of_participant(&mut conn, &cm, &her, today, origin()).unwrap();
    let r = seen.iter().find(|r| r.id == id).unwrap();
    assert_eq!(r.status, ReferralStatus::FirstAppointment);
    assert_eq!(r.waiting_days, Some(42), "1 September to 13 October");
    assert_eq!(
        r.history.len(),
        4,
        "proposed, sent, waiting list, appointment"
    );
    assert!(r.from_plan);
    assert!(r.follow_up, "unchanged for 40 days, more than 21");
    // The follow-up: an open referral unchanged for 21 days or more.
    let late = referrals::follow_ups(
        &mut conn,
        cm.organisation_id().unwrap(),
        Some(cm.user_id()),
        today,
        None,
    )
    .unwrap();
    let this_one = |f: &referrals::FollowUp| {
        f.participant_id == her && f.partner == "Woonwinkel Test (fictief)"
    };
    assert_eq!(late.iter().filter(|f| this_one(f)).count(), 1);
    // The organisation's own time: set by a coordinator, not a casemanager.
    assert!(referrals::set_follow_up_days(&mut conn, &cm, 60, origin()).is_err());
    let coordinator = actor_for(&mut conn, "coordinator@demostad.example");
    assert!(matches!(
        referrals::set_follow_up_days(&mut conn, &coordinator, 0, origin()),
        Err(ReferralError::Invalid(_))
    ));
    referrals::set_follow_up_days(&mut conn, &coordinator, 60, origin()).unwrap();
    assert!(
        !referrals::follow_ups(
            &mut conn,
            cm.organisation_id().unwrap(),
            Some(cm.user_id()),
            today,
            None,
        )
        .unwrap()
        .iter()
        .any(this_one)
    );
    // Sharing without her consent: refused, nothing shared, the refusal kept.
    let before = trail_count(&mut conn, "referral.share");
    match referrals::share(&mut conn, &cm, &id, origin()) {
        Err(ReferralError::NoConsent(p)) => assert_eq!(p, "Woonwinkel Test (fictief)"),
        other => panic!("expected no consent, got {other:?}"),
    }
    assert_eq!(trail_count(&mut conn, "referral.share"), before + 1);
    // A consent for another partner does not count; one for this partner does.
    use domain::participant::ConsentScope;
    db::participants::file::give_consent(
        &mut conn,
        &cm,
        &her,
        ConsentScope::SharingWithPartner,
        "Iemand anders (fictief)",
        d(2026, 9, 1),
        origin(),
    )
    .unwrap();
    assert!(referrals::share(&mut conn, &cm, &id, origin()).is_err());
    db::participants::file::give_consent(
        &mut conn,
        &cm,
        &her,
        ConsentScope::SharingWithPartner,
        " woonwinkel test (FICTIEF) ",
        d(2026, 9, 1),
        origin(),
    )
    .unwrap();
    let shared = referrals::share(&mut conn, &cm, &id, origin()).unwrap();
    assert_eq!(shared.partner, "Woonwinkel Test (fictief)");
    let seen = referrals::of_participant(&mut conn, &cm, &her, today, origin()).unwrap();
    let r = seen.iter().find(|r| r.id == id).unwrap();
    assert_eq!(r.shares, 1);
    assert!(r.consent);
    {
        use db::schema::data_shares;
        use diesel::prelude::*;
        let n: i64 = data_shares::table.count().get_result(&mut conn).unwrap();
        assert_eq!(n, 1, "recorded once, with its consent");
    }
    // Another casemanager's participant: refused; a facilitator: refused.
    let fac = actor_for(&mut conn, "facilitator@demostad.example");
    assert!(referrals::create(&mut conn, &fac, &her, &input, origin()).is_err());
    assert!(referrals::of_participant(&mut conn, &fac, &her, today, origin()).is_err());
    // A partner of another organisation that is not shared cannot be chosen.
    let other = other_organisation(&mut conn);
    let theirs = partners::save(
        &mut conn,
        &other,
        None,
        0,
        &partner("Alleen Buurstad (fictief)", &["housing"], &["nl"], false),
        today,
        origin(),
    )
    .unwrap();
    match referrals::create(
        &mut conn,
        &cm,
        &her,
        &NewReferral {
            partner_id: theirs,
            ..input.clone()
        },
        origin(),
    ) {
        Err(ReferralError::Invalid(e)) => assert_eq!(e[0].field, "partner_id"),
        other => panic!("expected a field error, got {other:?}"),
    }
}

#[test]
fn signals_count_without_names_and_pool_without_ids() {
    use db::network::signals::{self, SignalError, SignalInput};
    let database = TestDatabase::new();
    let db = database.open();
    let mut conn = db.get().unwrap();
    demo::seed(&mut conn, test_now(), None).unwrap();
    let cm = actor_for(&mut conn, "casemanager1@demostad.example");
    let mine = signals::linkable(&mut conn, &cm).unwrap();
    assert!(mine.len() >= 2);
    let input = SignalInput {
        category: "waiting_list".into(),
        domain: "parenting".into(),
        concerns: "Kinderopvang De Fictieve Eik".into(),
        description: "Wachtlijst van acht maanden voor opvang van baby's".into(),
        affected: String::new(),
        participant_ids: vec![mine[0].0.clone(), mine[1].0.clone()],
        status: "noted".into(),
        noted_on: Some(d(2026, 10, 1)),
        ..SignalInput::default()
    };
    let id = signals::save(&mut conn, &cm, None, 0, &input, origin()).unwrap();
    // Her name or a phone number in the description is refused.
    let first = mine[0].1.split_whitespace().next().unwrap().to_owned();
    let named = SignalInput {
        description: format!("{first} wacht al lang"),
        ..input.clone()
    };
    assert!(matches!(
        signals::save(&mut conn, &cm, None, 0, &named, origin()),
        Err(SignalError::Invalid(e)) if e.iter().any(|f| f.code == "personal-data")
    ));
    // Raised needs with whom and when.
    let raised = SignalInput {
        status: "raised".into(),
        ..input.clone()
    };
    match signals::save(&mut conn, &cm, Some(&id), 1, &raised, origin()) {
        Err(SignalError::Invalid(e)) => {
            let fields: Vec<&str> = e.iter().map(|f| f.field).collect();
            assert_eq!(fields, vec!["raised_with", "raised_on"]);
        }
        other => panic!("{other:?}"),
    }
    let raised = SignalInput {
        raised_with: "Schepen van welzijn".into(),
        raised_on: Some(d(2026, 11, 2)),
        affected: "5".into(),
        ..raised
    };
    signals::save(&mut conn, &cm, Some(&id), 1, &raised, origin()).unwrap();
    assert!(matches!(
        signals::save(&mut conn, &cm, Some(&id), 1, &raised, origin()),
        Err(SignalError::Conflict)
    ));
    let other = other_organisation(&mut conn);
    // The other organisation sees none of this organisation's signals.
    assert!(
        signals::overview(&mut conn, &other, None, origin())
            .unwrap()
            .is_empty()
    );
    let lines = signals::overview(&mut conn, &cm, Some(&id), origin()).unwrap();
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0].affected, 5, "more met than linked");
    // Pooled for analysts: counts only; the other organisation's signal
    // of the same kind adds to the same line.
    let analyst = Actor::Analyst {
        user_id: "analyst".into(),
    };
    let line_of = |pooled: &[signals::Pooled]| {
        pooled
            .iter()
            .find(|p| p.category == "waiting_list" && p.domain == "parenting")
            .cloned()
            .unwrap()
    };
    let before = line_of(&signals::pooled(&mut conn, &analyst, origin()).unwrap());
    signals::save(
        &mut conn,
        &other,
        None,
        0,
        &SignalInput {
            participant_ids: vec![],
            affected: "3".into(),
            ..input.clone()
        },
        origin(),
    )
    .unwrap();
    let pooled = signals::pooled(&mut conn, &analyst, origin()).unwrap();
    let after = line_of(&pooled);
    assert_eq!(after.signals, before.signals + 1);
    assert_eq!(after.affected, before.affected + 3);
    assert_eq!(after.organisations, 2);
    assert!(
        signals::pooled(&mut conn, &cm, origin()).is_err(),
        "a casemanager reads no aggregates"
    );
    let ids = mine.iter().map(|m| m.0.clone()).collect::<Vec<_>>();
    let printed = format!("{pooled:?}");
    assert!(!ids.iter().any(|i| printed.contains(i)));
    assert!(!printed.contains(&id));
}

#[test]
fn meetings_put_decisions_on_dashboards_and_file_reviews_in_journals() {
    use db::network::meetings::{self, DecisionInput, MeetingInput};
    use db::schema::*;
    use diesel::prelude::*;
    let database = TestDatabase::new();
    let db = database.open();
    let mut conn = db.get().unwrap();
    demo::seed(&mut conn, test_now(), None).unwrap();
    let coordinator = actor_for(&mut conn, "coordinator@demostad.example");
    let cm = actor_for(&mut conn, "casemanager1@demostad.example");
    let org = coordinator.organisation_id().unwrap().to_owned();
    let group: String = groups::table
        .inner_join(group_members::table)
        .filter(groups::organisation_id.eq(&org))
        .filter(group_members::status.eq("member"))
        .select(groups::id)
        .first(&mut conn)
        .unwrap();
    let id = meetings::create(
        &mut conn,
        &coordinator,
        &MeetingInput {
            kind: "team".into(),
            held_on: d(2026, 11, 20),
            title: "Teamoverleg groep".into(),
            agenda: "1. Deelnemers overlopen".into(),
            staff_ids: vec![cm.user_id().to_owned()],
            partner_ids: vec![],
            others: "Tolk (fictief)".into(),
            group_id: Some(group.clone()),
            decisions: vec![DecisionInput {
                decision: "Crècheplaatsen navragen".into(),
                owner_id: Some(cm.user_id().to_owned()),
                due_on: Some(d(2026, 12, 1)),
            }],
        },
        origin(),
    )
    .unwrap();
    let open: Vec<_> = meetings::open_decisions_of(&mut conn, &org, cm.user_id())
        .unwrap()
        .into_iter()
        .filter(|d| d.meeting_id == id)
        .collect();
    assert_eq!(open.len(), 1);
    assert_eq!(open[0].decision, "Crècheplaatsen navragen");
    let shown = meetings::show(&mut conn, &cm, &id, origin()).unwrap();
    assert_eq!(shown.attendees.len(), 2);
    // The review: every member, with her facts for the coordinator.
    let review = meetings::review(&mut conn, &coordinator, &id, origin()).unwrap();
    assert!(!review.is_empty());
    assert!(review.iter().all(|l| l.allowed));
    let her = review[0].participant_id.clone();
    let entry = meetings::file_review(
        &mut conn,
        &coordinator,
        &id,
        &her,
        "Gaat goed, meer rust.",
        origin(),
    )
    .unwrap();
    // Filed again: replaced, not doubled.
    let again =
        meetings::file_review(&mut conn, &coordinator, &id, &her, "Gaat goed.", origin()).unwrap();
    assert_eq!(entry, again);
    let (body, mode): (String, String) = journal_entries::table
        .find(&entry)
        .select((journal_entries::body, journal_entries::mode))
        .first(&mut conn)
        .unwrap();
    assert_eq!(
        (body.as_str(), mode.as_str()),
        ("Gaat goed.", "team_review")
    );
    let review = meetings::review(&mut conn, &coordinator, &id, origin()).unwrap();
    assert_eq!(review[0].note.as_deref(), Some("Gaat goed."));
    // The owner marks it done; it leaves her dashboard.
    meetings::decision_done(&mut conn, &cm, &open[0].id, d(2026, 11, 22), origin()).unwrap();
    assert!(
        !meetings::open_decisions_of(&mut conn, &org, cm.user_id())
            .unwrap()
            .iter()
            .any(|d| d.meeting_id == id)
    );
    // A facilitator reads meetings but records none; an administrator neither.
    let fac = actor_for(&mut conn, "facilitator@demostad.example");
    assert!(meetings::list(&mut conn, &fac, origin()).is_ok());
    let admin = actor_for(&mut conn, "beheerder@demostad.example");
    assert!(meetings::list(&mut conn, &admin, origin()).is_err());
}

#[test]
fn intervision_overdue_and_hours_per_person() {
    use db::network::learning::{self, LearningInput};
    use db::schema::*;
    use diesel::prelude::*;
    let database = TestDatabase::new();
    let db = database.open();
    let mut conn = db.get().unwrap();
    demo::seed(&mut conn, test_now(), None).unwrap();
    let coordinator = actor_for(&mut conn, "coordinator@demostad.example");
    let cm = actor_for(&mut conn, "casemanager1@demostad.example");
    let org = coordinator.organisation_id().unwrap().to_owned();
    let today = d(2026, 11, 22);
    // Her own log starts empty here (the demo's is cleared).
    diesel::delete(learning_log::table.filter(learning_log::user_id.eq(cm.user_id())))
        .execute(&mut conn)
        .unwrap();
    // Her programme asks for intervision every six weeks.
    let programme: String = trajectories::table
        .filter(trajectories::casemanager_id.eq(cm.user_id()))
        .filter(trajectories::status.eq("active"))
        .select(trajectories::programme_id)
        .first(&mut conn)
        .unwrap();
    learning::set_rhythm(&mut conn, &coordinator, &programme, Some(6), origin()).unwrap();
    learning::log(
        &mut conn,
        &cm,
        &LearningInput {
            kind: "intervision".into(),
            held_on: Some(d(2026, 9, 1)),
            hours: "2,5".into(),
            topic: "Casusbespreking".into(),
            with_whom: "Team".into(),
            user_ids: vec![],
        },
        origin(),
    )
    .unwrap();
    let late = learning::overdue(&mut conn, &org, today).unwrap();
    assert!(
        late.iter()
            .any(|o| o.user_id == cm.user_id() && o.due == d(2026, 10, 13))
    );
    // The coordinator logs one intervision for her; it is no longer overdue.
    learning::log(
        &mut conn,
        &coordinator,
        &LearningInput {
            kind: "intervision".into(),
            held_on: Some(d(2026, 11, 17)),
            hours: "2".into(),
            topic: "Intervisie".into(),
            with_whom: "Externe begeleider (fictief)".into(),
            user_ids: vec![cm.user_id().to_owned()],
        },
        origin(),
    )
    .unwrap();
    assert!(
        !learning::overdue(&mut conn, &org, today)
            .unwrap()
            .iter()
            .any(|o| o.user_id == cm.user_id())
    );
    // A casemanager may not log for others.
    assert!(
        learning::log(
            &mut conn,
            &cm,
            &LearningInput {
                kind: "training".into(),
                hours: "1".into(),
                topic: "x".into(),
                user_ids: vec![coordinator.user_id().to_owned()],
                ..LearningInput::default()
            },
            origin()
        )
        .is_err()
    );
    let hours = learning::hours_in(&mut conn, &org, 2026, None).unwrap();
    let hers = hours.iter().find(|h| h.user_id == cm.user_id()).unwrap();
    assert_eq!((hers.intervision, hers.total()), (270, 270));
    // Her own page shows only her; the coordinator's everyone.
    let own = learning::overview(&mut conn, &cm, 2026, today, origin()).unwrap();
    assert!(!own.team);
    assert!(own.entries.iter().all(|e| e.user_id == cm.user_id()));
    let team = learning::overview(&mut conn, &coordinator, 2026, today, origin()).unwrap();
    assert!(team.team);
}

#[test]
fn an_aftercare_chat_needs_her_consent() {
    use db::network::aftercare;
    use db::participants::file::EditError;
    use domain::participant::ConsentScope;
    let database = TestDatabase::new();
    let db = database.open();
    let mut conn = db.get().unwrap();
    demo::seed(&mut conn, test_now(), None).unwrap();
    let cm = actor_for(&mut conn, "casemanager1@demostad.example");
    let (her, _) = her_step(&mut conn, &cm);
    let org = cm.organisation_id().unwrap().to_owned();
    let had = aftercare::chats_of(&mut conn, &org, &her).unwrap().len();
    // Withdraw any WhatsApp consent she has, then try.
    {
        use db::schema::consents;
        use diesel::prelude::*;
        diesel::delete(
            consents::table
                .filter(consents::participant_id.eq(&her))
                .filter(consents::scope.eq("whatsapp_contact")),
        )
        .execute(&mut conn)
        .unwrap();
    }
    match aftercare::join_chat(
        &mut conn,
        &cm,
        &her,
        "Babbelcafé nazorg",
        d(2026, 11, 1),
        origin(),
    ) {
        Err(EditError::Invalid(e)) => assert_eq!(e[0].code, "no-consent"),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        aftercare::chats_of(&mut conn, &org, &her).unwrap().len(),
        had
    );
    db::participants::file::give_consent(
        &mut conn,
        &cm,
        &her,
        ConsentScope::WhatsappContact,
        "",
        d(2026, 10, 1),
        origin(),
    )
    .unwrap();
    let id = aftercare::join_chat(
        &mut conn,
        &cm,
        &her,
        "Babbelcafé nazorg",
        d(2026, 11, 1),
        origin(),
    )
    .unwrap();
    let again = aftercare::join_chat(
        &mut conn,
        &cm,
        &her,
        "Babbelcafé nazorg",
        d(2026, 11, 1),
        origin(),
    )
    .unwrap();
    assert_eq!(id, again, "a replay records nothing new");
    aftercare::leave_chat(&mut conn, &cm, &her, &id, d(2026, 11, 20), origin()).unwrap();
    let chats = aftercare::chats_of(&mut conn, &org, &her).unwrap();
    assert_eq!(chats.len(), had + 1);
    assert_eq!(chats[0].3, Some(d(2026, 11, 20)));
}

#[test]
fn the_dashboard_shows_the_oldest_follow_ups_and_the_list_shows_them_all_to_whom_may_see_them() {
    use db::network::referrals::{self, NewReferral};
    use db::participants::AccessError;
    let database = TestDatabase::new();
    let db = database.open_with_demo(test_now());
    let mut conn = db.get().unwrap();
    let cm = actor_for(&mut conn, "casemanager1@demostad.example");
    let coordinator = actor_for(&mut conn, "coordinator@demostad.example");
    let fac = actor_for(&mut conn, "facilitator@demostad.example");
    let today = d(2026, 11, 22);
    let partner_id = partners::save(
        &mut conn,
        &cm,
        None,
        0,
        &partner("Taalhuis Test (fictief)", &["language"], &["nl"], false),
        today,
        origin(),
    )
    .unwrap();
    let (her, _) = her_step(&mut conn, &cm);
    // Twelve referrals sent in September, unchanged since: more than a
    // dashboard lists.
    for day in 1..=12 {
        let input = NewReferral {
            partner_id: partner_id.clone(),
            service: format!("Cursus {day}"),
            reason: "Wil Nederlands leren".into(),
            referred_on: d(2026, 9, day),
            sent: true,
            plan_step_id: None,
            journal_entry_id: None,
        };
        referrals::create(&mut conn, &cm, &her, &input, origin()).unwrap();
    }
    let due = db::network::due(&mut conn, &cm, today).unwrap();
    assert_eq!(due.follow_ups.len(), db::network::DASHBOARD_FOLLOW_UPS);
    assert!(due.more_follow_ups, "the dashboard says there are more");
    let hers = referrals::follow_up_list(&mut conn, &cm, today, origin()).unwrap();
    assert!(hers.lines.len() >= 12, "all of them on the list");
    assert_eq!(hers.after_days, domain::network::FOLLOW_UP_AFTER_DAYS);
    // Oldest first, and the dashboard's are the list's first.
    let since: Vec<NaiveDate> = hers.lines.iter().map(|l| l.since).collect();
    assert!(since.windows(2).all(|w| w[0] <= w[1]), "{since:?}");
    let shown: Vec<NaiveDate> = due.follow_ups.iter().map(|l| l.since).collect();
    assert_eq!(shown, since[..shown.len()]);
    // Hers are her own people: she may open each one's file.
    assert!(
        hers.lines
            .iter()
            .all(|l| hers.openable.contains(&l.participant_id))
    );
    // The coordinator sees the organisation's, hers among them.
    let all = referrals::follow_up_list(&mut conn, &coordinator, today, origin()).unwrap();
    assert!(all.lines.len() >= hers.lines.len());
    assert_eq!(
        all.lines.iter().filter(|l| l.participant_id == her).count(),
        hers.lines
            .iter()
            .filter(|l| l.participant_id == her)
            .count()
    );
    // A casemanager sees only her own: another's list does not name her.
    let other = actor_for(&mut conn, "casemanager2@demostad.example");
    let theirs = referrals::follow_up_list(&mut conn, &other, today, origin()).unwrap();
    assert!(theirs.lines.iter().all(|l| l.participant_id != her));
    // A facilitator may not list participants: refused, and recorded.
    let before = trail_count(&mut conn, "referral.follow_ups");
    assert!(matches!(
        referrals::follow_up_list(&mut conn, &fac, today, origin()),
        Err(AccessError::Denied(_))
    ));
    assert_eq!(trail_count(&mut conn, "referral.follow_ups"), before + 1);
}
