//! The participant file as storage enforces it, on both backends: creation
//! with duplicates, safe edits, sensitive facts, search, intake and lifecycle.

use chrono::NaiveDate;
use db::participants::file::{self, EditError};
use db::participants::search::{self, SearchQuery};
use db::participants::trajectory::{self, Decision, IntakeNotes, NewTrajectory};
use db::participants::{self, AccessError, Origin};
use db::schema::*;
use db::{DbConn, access, demo, repo};
use diesel::prelude::*;
use domain::lifecycle::{IntakeOutcome, StopReason, Transition};
use domain::participant::FileInput;
use domain::policy::{Actor, Denied};
use test_support::{TestDatabase, test_now};

fn origin() -> Origin<'static> {
    Origin::new(Some("192.0.2.9"), test_now().naive_utc())
}

fn today() -> NaiveDate {
    domain::clock::brussels_date(test_now())
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

/// A fictional national number agreeing with 15 March 1990.
fn national_number() -> String {
    let first9 = "900315124";
    let check = 97 - first9.parse::<u64>().unwrap() % 97;
    format!("{first9}{check:02}")
}

fn input() -> FileInput {
    FileInput {
        first_name: "Testa".into(),
        last_name: "El Idrissi".into(),
        birth_date: "1990-03-15".into(),
        phone: "0470 99 88 77".into(),
        channel: "sms".into(),
        nationality: "MA".into(),
        postal_code: "9000".into(),
        income: "integration_income".into(),
        partner_in_household: "no".into(),
        in_article_60: "no".into(),
        small_social_network: "yes".into(),
        languages: "ar:native,nl:basic".into(),
        national_number: national_number(),
        residence_status: "recognised_refugee".into(),
        vulnerability_note: "Fictional test note about health.".into(),
        ..Default::default()
    }
}

fn audit_details(conn: &mut DbConn, action: &str) -> Vec<String> {
    audit_log::table
        .filter(audit_log::action.eq(action))
        .filter(audit_log::outcome.eq("success"))
        .order(audit_log::seq)
        .select(audit_log::detail)
        .load(conn)
        .unwrap()
}

struct Setup {
    _database: TestDatabase,
    db: db::Db,
    cm1: Actor,
    cm2: Actor,
    coordinator: Actor,
    facilitator: Actor,
    programme_id: String,
}

fn setup() -> Setup {
    let database = TestDatabase::new();
    let db = database.open();
    let mut conn = db.get().unwrap();
    demo::seed(&mut conn, test_now(), None).unwrap();
    let cm1 = actor_for(&mut conn, "casemanager1@demostad.example");
    let cm2 = actor_for(&mut conn, "casemanager2@demostad.example");
    let coordinator = actor_for(&mut conn, "coordinator@demostad.example");
    let facilitator = actor_for(&mut conn, "facilitator@demostad.example");
    let programme_id: String = programmes::table
        .filter(programmes::kind.eq("social_activation"))
        .select(programmes::id)
        .first(&mut conn)
        .unwrap();
    drop(conn);
    Setup {
        _database: database,
        db,
        cm1,
        cm2,
        coordinator,
        facilitator,
        programme_id,
    }
}

fn create_for(s: &Setup, conn: &mut DbConn, who: &Actor, f: &FileInput) -> (String, String) {
    let facts = f.parse(today()).unwrap();
    let (id, t) = file::create(
        conn,
        who,
        &facts,
        Some(&NewTrajectory {
            programme_id: s.programme_id.clone(),
            casemanager_id: Some(who.user_id().to_owned()),
            referred_on: today(),
        }),
        origin(),
    )
    .unwrap();
    (id, t.unwrap())
}

#[test]
fn a_new_file_with_its_trajectory_and_sensitive_facts() {
    let s = setup();
    let mut conn = s.db.get().unwrap();
    let (id, tid) = create_for(&s, &mut conn, &s.cm1, &input());
    let f = participants::read_file(&mut conn, &s.cm1, &id, origin()).unwrap();
    assert_eq!(f.participant.phone.as_deref(), Some("+32470998877"));
    assert_eq!(f.languages.len(), 2);
    let sensitive = f
        .sensitive
        .expect("her casemanager sees the sensitive facts");
    assert_eq!(
        sensitive.national_number.as_deref(),
        Some(national_number().as_str())
    );
    assert_eq!(
        sensitive.residence_status.as_deref(),
        Some("recognised_refugee")
    );
    assert_eq!(f.trajectories.len(), 1);
    assert_eq!(f.trajectories[0].trajectory.id, tid);
    assert_eq!(f.trajectories[0].trajectory.status, "intake");
    // The coordinator sees them too; a casemanager of another participant
    // and the facilitator do not even open the file.
    let f = participants::read_file(&mut conn, &s.coordinator, &id, origin()).unwrap();
    assert!(f.sensitive.is_some());
    assert!(matches!(
        participants::read_file(&mut conn, &s.cm2, &id, origin()),
        Err(AccessError::Denied(Denied::NotAssigned))
    ));
    assert!(matches!(
        participants::read_file(&mut conn, &s.facilitator, &id, origin()),
        Err(AccessError::Denied(Denied::Role))
    ));
    // The trail names fields, never values.
    let created = audit_details(&mut conn, "participant.create");
    let detail = created.last().unwrap();
    assert!(detail.contains("national_number") && detail.contains("phone"));
    for value in [
        national_number().as_str(),
        "+32470998877",
        "Fictional",
        "refugee",
    ] {
        let leaked: i64 = audit_log::table
            .filter(audit_log::detail.like(format!("%{value}%")))
            .count()
            .get_result(&mut conn)
            .unwrap();
        assert_eq!(leaked, 0, "{value} in the trail");
    }
    let reads = audit_details(&mut conn, "participant.read");
    assert_eq!(reads.last().map(String::as_str), Some("sensitive"));
}

#[test]
fn bad_input_changes_nothing() {
    let s = setup();
    let mut conn = s.db.get().unwrap();
    let before: i64 = db::schema::participants::table
        .count()
        .get_result(&mut conn)
        .unwrap();
    let bad = FileInput {
        national_number: "90031512400".into(),
        ..input()
    };
    let errors = bad.parse(today()).unwrap_err();
    assert_eq!(errors[0].field, "national_number");
    // A programme of another organisation (or none) is refused in the same transaction.
    let facts = input().parse(today()).unwrap();
    let refused = file::create(
        &mut conn,
        &s.cm1,
        &facts,
        Some(&NewTrajectory {
            programme_id: "no-such-programme".into(),
            casemanager_id: None,
            referred_on: today(),
        }),
        origin(),
    );
    assert!(matches!(refused, Err(EditError::Invalid(_))));
    let after: i64 = db::schema::participants::table
        .count()
        .get_result(&mut conn)
        .unwrap();
    assert_eq!(before, after, "nothing half-done");
}

#[test]
fn a_second_editor_gets_a_conflict_not_an_overwrite() {
    let s = setup();
    let mut conn = s.db.get().unwrap();
    let (id, _) = create_for(&s, &mut conn, &s.cm1, &input());
    let first = FileInput {
        phone: "0470 11 22 33".into(),
        ..input()
    };
    let v2 = file::update(
        &mut conn,
        &s.cm1,
        &id,
        1,
        &first.parse(today()).unwrap(),
        true,
        origin(),
    )
    .unwrap();
    assert_eq!(v2, 2);
    // The coordinator opened version 1 and changes the municipality.
    let second = FileInput {
        municipality: "Demostad".into(),
        ..input()
    };
    match file::update(
        &mut conn,
        &s.coordinator,
        &id,
        1,
        &second.parse(today()).unwrap(),
        true,
        origin(),
    ) {
        Err(EditError::Conflict(c)) => {
            assert_eq!(c.current.phone.as_deref(), Some("+32470112233"));
            assert!(c.fields.contains(&"phone"), "{:?}", c.fields);
            assert!(c.fields.contains(&"municipality"));
        }
        other => panic!("expected a conflict, got {other:?}"),
    }
    let f = participants::read_file(&mut conn, &s.cm1, &id, origin()).unwrap();
    assert_eq!(f.participant.municipality, "");
    assert_eq!(f.participant.version, 2);
    // The same change replayed on the new version saves once; again, nothing changes.
    let v3 = file::update(
        &mut conn,
        &s.coordinator,
        &id,
        2,
        &second.parse(today()).unwrap(),
        true,
        origin(),
    )
    .unwrap();
    assert_eq!(v3, 3);
    let updates = audit_details(&mut conn, "participant.update");
    assert_eq!(updates.last().unwrap(), "phone,municipality");
}

#[test]
fn only_allowed_people_change_sensitive_facts() {
    let s = setup();
    let mut conn = s.db.get().unwrap();
    let (id, _) = create_for(&s, &mut conn, &s.cm1, &input());
    let facts = input().parse(today()).unwrap();
    for who in [&s.cm2, &s.facilitator] {
        let e = file::update(&mut conn, who, &id, 1, &facts, true, origin()).unwrap_err();
        assert!(file::is_denied(&e), "{e:?}");
    }
    let denied: i64 = audit_log::table
        .filter(audit_log::action.eq("participant.update"))
        .filter(audit_log::outcome.eq("denied"))
        .count()
        .get_result(&mut conn)
        .unwrap();
    assert_eq!(denied, 2);
}

#[test]
fn duplicates_are_found_by_number_phone_and_sounding_name() {
    let s = setup();
    let mut conn = s.db.get().unwrap();
    let (id, _) = create_for(&s, &mut conn, &s.cm1, &input());
    // The same woman typed by someone else: another spelling, no phone, no number.
    let probe = FileInput {
        first_name: "Testa".into(),
        last_name: "Elidrissi".into(),
        birth_date: "1990-04-01".into(),
        phone: String::new(),
        channel: "none".into(),
        national_number: String::new(),
        ..input()
    };
    let found = search::duplicates(
        &mut conn,
        &s.cm2,
        &probe.parse(today()).unwrap(),
        None,
        origin(),
    )
    .unwrap();
    let hit = found.iter().find(|c| c.id == id).expect("found by name");
    assert_eq!(hit.reasons, vec!["name"]);
    assert!(!hit.may_open, "cm2 is not assigned: no link");
    let found = search::duplicates(
        &mut conn,
        &s.coordinator,
        &input().parse(today()).unwrap(),
        None,
        origin(),
    )
    .unwrap();
    let hit = found.iter().find(|c| c.id == id).unwrap();
    assert_eq!(hit.reasons, vec!["national_number", "phone", "name"]);
    assert!(hit.may_open);
    // Names alike but born far apart, or another name: not the same person.
    for other in [
        FileInput {
            birth_date: "1970-01-01".into(),
            ..probe.clone()
        },
        FileInput {
            last_name: "Peeters".into(),
            ..probe.clone()
        },
    ] {
        let found = search::duplicates(
            &mut conn,
            &s.coordinator,
            &other.parse(today()).unwrap(),
            None,
            origin(),
        )
        .unwrap();
        assert!(found.iter().all(|c| c.id != id), "{other:?}");
    }
    assert!(matches!(
        search::duplicates(
            &mut conn,
            &s.facilitator,
            &probe.parse(today()).unwrap(),
            None,
            origin()
        ),
        Err(AccessError::Denied(Denied::Role))
    ));
}

#[test]
fn search_by_any_spelling_phone_and_number_within_what_one_may_see() {
    let s = setup();
    let mut conn = s.db.get().unwrap();
    let (id, _) = create_for(&s, &mut conn, &s.cm1, &input());
    let find = |conn: &mut DbConn, who: &Actor, text: &str| -> Vec<String> {
        search::search(
            conn,
            who,
            &SearchQuery {
                text: text.into(),
                page: 1,
                ..Default::default()
            },
            origin(),
        )
        .unwrap()
        .lines
        .into_iter()
        .map(|l| l.id)
        .collect()
    };
    for text in [
        "elidrissi",
        "Idris",
        "testa el-idrissi",
        "0470 99 88 77",
        "+32470998877",
        &national_number(),
    ] {
        assert!(find(&mut conn, &s.cm1, text).contains(&id), "{text}");
        assert!(
            find(&mut conn, &s.coordinator, text).contains(&id),
            "{text}"
        );
        assert!(!find(&mut conn, &s.cm2, text).contains(&id), "{text}");
    }
    assert!(!find(&mut conn, &s.coordinator, "Peeters").contains(&id));
    // The list pages, and filters by programme and status.
    let page = search::search(
        &mut conn,
        &s.coordinator,
        &SearchQuery {
            programme_id: Some(s.programme_id.clone()),
            status: Some("intake".into()),
            page: 1,
            ..Default::default()
        },
        origin(),
    )
    .unwrap();
    assert!(page.lines.iter().any(|l| l.id == id));
    assert!(
        page.lines
            .iter()
            .all(|l| l.status.as_deref() == Some("intake"))
    );
    let all = search::search(
        &mut conn,
        &s.coordinator,
        &SearchQuery {
            page: 99,
            ..Default::default()
        },
        origin(),
    )
    .unwrap();
    assert_eq!(all.page, all.pages, "a page past the end shows the last");
    assert!(all.lines.len() as i64 <= search::PER_PAGE);
    // Searches are recorded by kind, never by what was typed.
    let kinds = audit_details(&mut conn, "participant.search");
    assert!(kinds.contains(&"national_number".to_owned()));
    assert!(kinds.iter().all(|k| !k.contains("9003")));
}

#[test]
fn a_search_counts_every_match_and_pages_through_them() {
    let s = setup();
    let mut conn = s.db.get().unwrap();
    // Thirty fictional namesakes: more than a page.
    let mut made = std::collections::BTreeSet::new();
    for _ in 0..30 {
        let f = FileInput {
            last_name: "Voorbeeldpagina".into(),
            national_number: String::new(),
            ..input()
        };
        made.insert(create_for(&s, &mut conn, &s.cm1, &f).0);
    }
    let mut find = |text: &str, page: i64| {
        search::search(
            &mut conn,
            &s.coordinator,
            &SearchQuery {
                text: text.into(),
                page,
                ..Default::default()
            },
            origin(),
        )
        .unwrap()
    };
    let first = find("voorbeeldpagina", 1);
    assert_eq!((first.total, first.pages, first.page), (30, 2, 1));
    assert_eq!(first.lines.len() as i64, search::PER_PAGE);
    let second = find("voorbeeldpagina", 2);
    assert_eq!((second.total, second.pages, second.page), (30, 2, 2));
    assert_eq!(second.lines.len(), 5);
    let shown: std::collections::BTreeSet<String> = first
        .lines
        .iter()
        .chain(&second.lines)
        .map(|l| l.id.clone())
        .collect();
    assert_eq!(shown, made, "the two pages show each match once");
    // A page past the end shows the last one, with the same count.
    let past = find("voorbeeldpagina", 7);
    assert_eq!((past.total, past.pages, past.page), (30, 2, 2));
    assert_eq!(
        past.lines.iter().map(|l| &l.id).collect::<Vec<_>>(),
        second.lines.iter().map(|l| &l.id).collect::<Vec<_>>()
    );
    for page in [1, 3] {
        let none = find("onbestaandenaam", page);
        assert_eq!((none.total, none.pages, none.page), (0, 1, 1));
        assert!(none.lines.is_empty());
    }
    // Without text: the organisation's whole list, counted.
    let all = find("", 1);
    let org = s.coordinator.organisation_id().unwrap();
    let everyone: i64 = db::schema::participants::table
        .filter(db::schema::participants::organisation_id.eq(org))
        .count()
        .get_result(&mut conn)
        .unwrap();
    assert_eq!(all.total, everyone);
    assert_eq!(
        all.pages,
        (everyone + search::PER_PAGE - 1) / search::PER_PAGE
    );
}

#[test]
fn intake_eligibility_override_and_the_lifecycle() {
    let s = setup();
    let mut conn = s.db.get().unwrap();
    let (id, tid) = create_for(&s, &mut conn, &s.cm1, &input());
    let view = trajectory::intake(&mut conn, &s.cm1, &tid, today(), origin()).unwrap();
    // Social activation: 18+, non-EU, protection, integration income, not
    // article 60, small network: all known and met from the file.
    assert_eq!(
        view.assessment.overall(),
        domain::eligibility::Verdict::Met,
        "{:?}",
        view.assessment
    );
    // A Belgian citizen does not meet the protection rule: admitting her needs a justification.
    let belgian = FileInput {
        nationality: "BE".into(),
        residence_status: "belgian".into(),
        ..input()
    };
    file::update(
        &mut conn,
        &s.cm1,
        &id,
        1,
        &belgian.parse(today()).unwrap(),
        true,
        origin(),
    )
    .unwrap();
    let notes = IntakeNotes {
        motivation: "Wants to meet people (fictional).".into(),
        ..Default::default()
    };
    let admit = |justification: &str| Decision {
        outcome: IntakeOutcome::Admitted,
        referred_to: String::new(),
        decline_reason: String::new(),
        justification: justification.into(),
        on: today(),
    };
    match trajectory::save_intake(&mut conn, &s.cm1, &tid, &notes, Some(&admit("")), origin()) {
        Err(EditError::Invalid(e)) => assert_eq!(e[0].field, "justification"),
        other => panic!("{other:?}"),
    }
    let status: String = trajectories::table
        .find(&tid)
        .select(trajectories::status)
        .first(&mut conn)
        .unwrap();
    assert_eq!(status, "intake", "a refused decision changes nothing");
    trajectory::save_intake(
        &mut conn,
        &s.cm1,
        &tid,
        &notes,
        Some(&admit("Team decided: isolated, fits the group.")),
        origin(),
    )
    .unwrap();
    let view = trajectory::intake(&mut conn, &s.cm1, &tid, today(), origin()).unwrap();
    assert_eq!(view.trajectory.status, "active");
    assert_eq!(view.trajectory.phase, Some(1));
    assert!(!view.intake.override_justification.is_empty());
    assert!(view.intake.eligibility.contains("not_met"));
    // Phases, then an invalid move refused, then stopping with a reason.
    let v = view.trajectory.version;
    trajectory::transition(
        &mut conn,
        &s.cm1,
        &tid,
        v,
        &Transition::MoveToPhase(2),
        today(),
        origin(),
    )
    .unwrap();
    // The same tap again (the old version): refused, nothing changes twice.
    assert!(
        trajectory::transition(
            &mut conn,
            &s.cm1,
            &tid,
            v,
            &Transition::MoveToPhase(2),
            today(),
            origin()
        )
        .is_err()
    );
    let refused = trajectory::transition(
        &mut conn,
        &s.cm1,
        &tid,
        v + 1,
        &Transition::StartIntake,
        today(),
        origin(),
    );
    assert!(matches!(refused, Err(EditError::Invalid(_))));
    trajectory::transition(
        &mut conn,
        &s.cm1,
        &tid,
        v + 1,
        &Transition::Stop {
            reason: StopReason::FoundWork,
            success: true,
        },
        today(),
        origin(),
    )
    .unwrap();
    let f = participants::read_file(&mut conn, &s.cm1, &id, origin()).unwrap();
    let t = &f.trajectories[0];
    assert_eq!(t.trajectory.status, "stopped");
    assert_eq!(t.trajectory.stop_reason.as_deref(), Some("found_work"));
    assert_eq!(t.trajectory.success, Some(true));
    assert_eq!(t.trajectory.ended_on, Some(today()));
    let path: Vec<String> = t.events.iter().rev().map(|e| e.to_status.clone()).collect();
    assert_eq!(path, ["intake", "active", "active", "stopped"]);
    assert!(
        t.events
            .iter()
            .all(|e| e.author_id.as_deref() == Some(s.cm1.user_id()))
    );
}

#[test]
fn reassigning_moves_open_steps_and_tells_the_new_casemanager() {
    let s = setup();
    let mut conn = s.db.get().unwrap();
    let (_, tid) = create_for(&s, &mut conn, &s.cm1, &input());
    assert!(matches!(
        trajectory::reassign(&mut conn, &s.cm1, &tid, s.cm2.user_id(), origin()),
        Err(EditError::Access(AccessError::Denied(Denied::Role)))
    ));
    trajectory::reassign(&mut conn, &s.coordinator, &tid, s.cm2.user_id(), origin()).unwrap();
    let (cm, seen): (Option<String>, bool) = trajectories::table
        .find(&tid)
        .select((
            trajectories::casemanager_id,
            trajectories::seen_by_casemanager,
        ))
        .first(&mut conn)
        .unwrap();
    assert_eq!(cm.as_deref(), Some(s.cm2.user_id()));
    assert!(!seen, "a new intake for her dashboard");
    trajectory::intake(&mut conn, &s.cm2, &tid, today(), origin()).unwrap();
    let seen: bool = trajectories::table
        .find(&tid)
        .select(trajectories::seen_by_casemanager)
        .first(&mut conn)
        .unwrap();
    assert!(seen);
    let loads = trajectory::casemanager_loads(&mut conn, s.cm1.organisation_id().unwrap()).unwrap();
    assert_eq!(loads.len(), 2);
    assert!(loads[0].open <= loads[1].open, "lightest first");
}

#[test]
fn the_plan_its_schedule_evaluations_and_piis_export() {
    use db::participants::plan::{self, Change, Header};
    use domain::plan::{CommitmentParty, Progress, StepOwner};
    let s = setup();
    let mut conn = s.db.get().unwrap();
    let (_, tid) = create_for(&s, &mut conn, &s.cm1, &input());
    let starts = today() - chrono::Duration::days(200);
    let header = Header {
        is_gpmi: true,
        needs_assessment: "Fictional needs.".into(),
        offered_on: Some(starts - chrono::Duration::days(2)),
        signed_on: Some(starts),
        starts_on: starts,
        ends_on: starts + chrono::Duration::days(365),
        rhythm_months: 4,
    };
    // Ends before it starts: refused, nothing saved.
    let bad = Header {
        ends_on: starts - chrono::Duration::days(1),
        ..header.clone()
    };
    assert!(matches!(
        plan::change(
            &mut conn,
            &s.cm1,
            &tid,
            &Change::Header {
                header: bad,
                version: 0
            },
            origin()
        ),
        Err(EditError::Invalid(_))
    ));
    assert!(
        plan::view(&mut conn, &s.cm1, &tid, today(), origin())
            .unwrap()
            .plan
            .is_none()
    );
    plan::change(
        &mut conn,
        &s.cm1,
        &tid,
        &Change::Header { header, version: 0 },
        origin(),
    )
    .unwrap();
    for change in [
        Change::Goal {
            domain: domain::participant::LifeDomain::Housing,
            wording: "Een grotere woning (fictief).".into(),
        },
        Change::Commitment {
            party: CommitmentParty::ThirdParty,
            party_name: "Fictief Sociaal Verhuurkantoor".into(),
            wording: "Zoekt mee naar een woning.".into(),
        },
        Change::Step {
            goal_id: None,
            owner: StepOwner::Casemanager,
            partner_name: String::new(),
            description: "Afspraak maken (fictief).".into(),
            due_on: Some(today()),
        },
    ] {
        plan::change(&mut conn, &s.cm1, &tid, &change, origin()).unwrap();
    }
    let v = plan::view(&mut conn, &s.cm1, &tid, today(), origin()).unwrap();
    assert!(v.signed_early, "signed two days after it was offered");
    assert_eq!(v.schedule.len(), 3, "every four months over a year");
    assert!(
        v.schedule
            .iter()
            .all(|d| domain::calendar::is_working_day(*d))
    );
    assert_eq!(v.last_year, (0, 0, false));
    let goal = v.goals[0].id.clone();
    let mut progress = std::collections::BTreeMap::new();
    progress.insert(goal, Progress::Progressing);
    plan::change(
        &mut conn,
        &s.cm1,
        &tid,
        &Change::Evaluation {
            held_on: starts + chrono::Duration::days(120),
            in_person: true,
            note: "Eerste evaluatie (fictief).".into(),
            progress,
        },
        origin(),
    )
    .unwrap();
    // An evaluation in the future is refused.
    assert!(matches!(
        plan::change(
            &mut conn,
            &s.cm1,
            &tid,
            &Change::Evaluation {
                held_on: today() + chrono::Duration::days(1),
                in_person: true,
                note: String::new(),
                progress: Default::default(),
            },
            origin()
        ),
        Err(EditError::Invalid(_))
    ));
    let v = plan::view(&mut conn, &s.cm1, &tid, today(), origin()).unwrap();
    assert_eq!(v.last_year, (1, 1, false));
    // The PIIS export carries the number: her casemanager yes, a facilitator no.
    let piis = plan::piis(&mut conn, &s.cm1, &tid, today(), origin()).unwrap();
    assert_eq!(
        piis.contract.national_number.as_deref(),
        Some(national_number().as_str())
    );
    assert_eq!(piis.contract.areas[0].domain, "housing");
    assert_eq!(
        piis.contract.external_partners,
        vec!["Fictief Sociaal Verhuurkantoor"]
    );
    assert_eq!(piis.evaluations.len(), 1);
    assert!(plan::piis(&mut conn, &s.facilitator, &tid, today(), origin()).is_err());
    assert!(plan::view(&mut conn, &s.cm2, &tid, today(), origin()).is_err());
    // Reassigning moves her open steps to the new casemanager.
    trajectory::reassign(&mut conn, &s.coordinator, &tid, s.cm2.user_id(), origin()).unwrap();
    let assignee: Option<String> = plan_steps::table
        .select(plan_steps::assignee_id)
        .filter(plan_steps::description.eq("Afspraak maken (fictief)."))
        .first(&mut conn)
        .unwrap();
    assert_eq!(assignee.as_deref(), Some(s.cm2.user_id()));
}

#[test]
fn the_team_dashboard_shows_the_waiting_the_unassigned_and_overdue_evaluations() {
    use db::dashboard;
    use db::participants::plan::{self, Change, Header};
    let s = setup();
    let mut conn = s.db.get().unwrap();
    let person = |first: &str, phone: &str| FileInput {
        first_name: first.into(),
        last_name: format!("Fictief{first}"),
        phone: phone.into(),
        national_number: String::new(),
        ..input()
    };
    // On the waiting list after her intake.
    let (waiting, waiting_tid) =
        create_for(&s, &mut conn, &s.cm1, &person("Wachta", "0470 11 22 01"));
    trajectory::save_intake(
        &mut conn,
        &s.cm1,
        &waiting_tid,
        &IntakeNotes::default(),
        Some(&Decision {
            outcome: IntakeOutcome::WaitingList,
            referred_to: String::new(),
            decline_reason: String::new(),
            justification: String::new(),
            on: today(),
        }),
        origin(),
    )
    .unwrap();
    // Referred without a casemanager.
    let facts = person("Zondera", "0470 11 22 02").parse(today()).unwrap();
    let (unassigned, _) = file::create(
        &mut conn,
        &s.coordinator,
        &facts,
        Some(&NewTrajectory {
            programme_id: s.programme_id.clone(),
            casemanager_id: None,
            referred_on: today(),
        }),
        origin(),
    )
    .unwrap();
    // A plan that started 200 days ago and was never evaluated: its first
    // evaluation (after four months) is overdue.
    let (late, late_tid) = create_for(&s, &mut conn, &s.cm1, &person("Latea", "0470 11 22 03"));
    let starts = today() - chrono::Duration::days(200);
    plan::change(
        &mut conn,
        &s.cm1,
        &late_tid,
        &Change::Header {
            header: Header {
                is_gpmi: false,
                needs_assessment: "Fictional needs.".into(),
                offered_on: None,
                signed_on: None,
                starts_on: starts,
                ends_on: starts + chrono::Duration::days(365),
                rhythm_months: 4,
            },
            version: 0,
        },
        origin(),
    )
    .unwrap();
    let cm1_name = repo::user_by_email(&mut conn, "casemanager1@demostad.example")
        .unwrap()
        .display_name;
    let team = dashboard::team(&mut conn, &s.coordinator, today(), origin()).unwrap();
    assert!(team.waiting.iter().any(|l| l.participant_id == waiting));
    assert!(!team.unassigned.iter().any(|l| l.participant_id == waiting));
    assert!(
        team.unassigned
            .iter()
            .any(|l| l.participant_id == unassigned)
    );
    assert!(!team.waiting.iter().any(|l| l.participant_id == unassigned));
    let overdue: Vec<_> = team
        .overdue_evaluations
        .iter()
        .filter(|d| d.participant_id == late)
        .collect();
    assert_eq!(overdue.len(), 1, "{:?}", team.overdue_evaluations);
    assert_eq!(
        overdue[0].due,
        domain::calendar::next_working_day(domain::calendar::add_months(starts, 4))
    );
    assert_eq!(overdue[0].casemanager.as_deref(), Some(cm1_name.as_str()));
    assert_eq!(overdue[0].name, "Latea FictiefLatea");
    assert!(
        team.overdue_evaluations
            .windows(2)
            .all(|w| w[0].due <= w[1].due),
        "the longest overdue first"
    );
    // Evaluated 120 days in: the next one is four months later, not yet due.
    plan::change(
        &mut conn,
        &s.cm1,
        &late_tid,
        &Change::Evaluation {
            held_on: starts + chrono::Duration::days(120),
            in_person: true,
            note: "Fictional evaluation.".into(),
            progress: Default::default(),
        },
        origin(),
    )
    .unwrap();
    let team = dashboard::team(&mut conn, &s.coordinator, today(), origin()).unwrap();
    assert!(
        !team
            .overdue_evaluations
            .iter()
            .any(|d| d.participant_id == late)
    );
    // A casemanager sees no team view.
    let theirs = dashboard::team(&mut conn, &s.cm1, today(), origin()).unwrap();
    assert!(theirs.waiting.is_empty() && theirs.overdue_evaluations.is_empty());
}

#[test]
fn the_file_lists_every_household_consent_and_journal_line_in_order() {
    // PostgreSQL reads the lists in one statement and SQLite a query each:
    // the same file must come back from both.
    use chrono::Datelike;
    use db::participants::journal::{self, NewContact};
    use domain::participant::{ConsentScope, ContactMode, LifeDomain};
    let s = setup();
    let mut conn = s.db.get().unwrap();
    let (id, _) = create_for(&s, &mut conn, &s.cm1, &input());
    let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
    for (name, born) in [
        ("Younger (fictional)", day(3, 2)),
        ("Elder (fictional)", day(1, 9)),
    ] {
        let born = born.with_year(2016).unwrap();
        file::add_child(
            &mut conn,
            &s.cm1,
            &id,
            name,
            Some(born),
            "Peanuts",
            origin(),
        )
        .unwrap();
    }
    file::add_adult(
        &mut conn,
        &s.cm1,
        &id,
        "Aunt (fictional)",
        "other",
        origin(),
    )
    .unwrap();
    let photos = file::give_consent(
        &mut conn,
        &s.cm1,
        &id,
        ConsentScope::Photos,
        "",
        day(2, 1),
        origin(),
    )
    .unwrap();
    file::give_consent(
        &mut conn,
        &s.cm1,
        &id,
        ConsentScope::DataProcessing,
        "",
        day(3, 1),
        origin(),
    )
    .unwrap();
    file::withdraw_consent(&mut conn, &s.cm1, &id, &photos, day(4, 1), origin()).unwrap();
    for (on, confidential, body) in [
        (day(5, 4), false, "Second contact (fictional)"),
        (day(6, 8), true, "Confidential contact (fictional)"),
        (day(4, 2), false, "First contact (fictional)"),
    ] {
        let contact = NewContact {
            written_on: on,
            duration_minutes: Some(45),
            mode: ContactMode::HomeVisit,
            domains: vec![LifeDomain::Housing, LifeDomain::Parenting],
            interpreter: true,
            mediator: false,
            confidential,
            body: body.into(),
            follow_up: String::new(),
            follow_up_on: None,
        };
        journal::add(&mut conn, &s.cm1, &id, &contact, origin()).unwrap();
    }

    let f = participants::read_file(&mut conn, &s.cm1, &id, origin()).unwrap();
    let children: Vec<_> = f
        .children
        .iter()
        .map(|c| (c.first_name.as_str(), c.birth_date))
        .collect();
    assert_eq!(
        children,
        [
            (
                "Elder (fictional)",
                Some(day(1, 9).with_year(2016).unwrap())
            ),
            (
                "Younger (fictional)",
                Some(day(3, 2).with_year(2016).unwrap())
            ),
        ]
    );
    assert!(f.children.iter().all(|c| c.care_notes == "Peanuts"));
    assert_eq!(f.adults.len(), 1);
    assert_eq!(
        (
            f.adults[0].first_name.as_str(),
            f.adults[0].relation.as_str()
        ),
        ("Aunt (fictional)", "other")
    );
    // Newest consent first, the withdrawal with its date.
    let consents: Vec<_> = f
        .consents
        .iter()
        .map(|c| (c.scope.as_str(), c.given_on, c.withdrawn_on))
        .collect();
    assert_eq!(
        consents,
        [
            ("data_processing", day(3, 1), None),
            ("photos", day(2, 1), Some(day(4, 1)))
        ]
    );
    let languages: Vec<_> = f
        .languages
        .iter()
        .map(|l| (l.language.as_str(), l.level.as_str()))
        .collect();
    assert_eq!(languages, [("ar", "native"), ("nl", "basic")]);
    // Her casemanager sees every line, newest first, with all it records.
    let bodies: Vec<_> = f.journal.iter().map(|j| j.body.as_str()).collect();
    assert_eq!(
        bodies,
        [
            "Confidential contact (fictional)",
            "Second contact (fictional)",
            "First contact (fictional)"
        ]
    );
    let line = &f.journal[1];
    assert_eq!(
        (
            line.written_on,
            line.duration_minutes,
            line.mode.as_str(),
            line.domains.as_str(),
            line.interpreter,
            line.mediator
        ),
        (
            day(5, 4),
            Some(45),
            "home_visit",
            "housing,parenting",
            true,
            false
        )
    );
    assert_eq!(line.author_id.as_deref(), Some(s.cm1.user_id()));
    assert_eq!(f.confidential_withheld, 0);
    let sensitive = f
        .sensitive
        .expect("her casemanager sees the sensitive facts");
    assert_eq!(
        sensitive.residence_status.as_deref(),
        Some("recognised_refugee")
    );
    assert!(f.glass_breaks.is_empty());
}
