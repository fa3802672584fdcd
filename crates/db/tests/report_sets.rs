//! Every built-in indicator set on both backends over one small hand-made
//! programme year whose expected figures are written here: sessions held
//! and cancelled, hours, attendance and absences, children in childcare
//! and children's groups, intakes, closures, referrals, signals, plan
//! evaluations on time, language levels, life-domain progress, the ESF+
//! results within four weeks of leaving, anonymous satisfaction answers and
//! costs per strand; then budgets with allocation keys, and cost imports
//! that add nothing twice and nothing at all when a row is wrong.

use chrono::{NaiveDate, NaiveTime};
use db::models::*;
use db::participants::Origin;
use db::reports::budgets::{self, BudgetError, BudgetInput, CostInput};
use db::reports::records::{Scope, load};
use db::schema::*;
use db::{DbConn, repo};
use diesel::prelude::*;
use domain::indicators::{Figure, built_in, evaluate};
use domain::policy::Actor;
use test_support::{TestDatabase, test_now};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn t(h: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, 0, 0).unwrap()
}

fn origin() -> Origin<'static> {
    Origin::new(Some("192.0.2.9"), test_now().naive_utc())
}

struct Year {
    org: String,
    programme: String,
    coordinator: Actor,
}

/// A woman (or man) with her trajectory in the programme.
#[allow(clippy::too_many_arguments)]
fn person(
    conn: &mut DbConn,
    y: &Year,
    id: &str,
    gender: &str,
    nationality: &str,
    started: NaiveDate,
    ended: Option<(NaiveDate, &str, Option<&str>)>,
) {
    let now = test_now().naive_utc();
    diesel::insert_into(participants::table)
        .values(&Participant {
            id: id.into(),
            organisation_id: y.org.clone(),
            first_name: "Test".into(),
            last_name: format!("Sets {id} (fictief)"),
            birth_date: Some(d(1990, 1, 1)),
            language: "nl".into(),
            version: 1,
            created_at: now,
            updated_at: now,
            gender: gender.into(),
            nationality: Some(nationality.into()),
            channel: "none".into(),
            labour_status: Some("unemployed".into()),
            education: Some("isced_0_2".into()),
            ..Participant::default()
        })
        .execute(conn)
        .unwrap();
    diesel::insert_into(trajectories::table)
        .values(&Trajectory {
            id: format!("{id}-t"),
            organisation_id: y.org.clone(),
            participant_id: id.into(),
            programme_id: y.programme.clone(),
            status: ended.map_or("active", |e| e.1).into(),
            referred_on: started,
            started_on: Some(started),
            ended_on: ended.map(|e| e.0),
            stop_reason: ended.and_then(|e| e.2).map(Into::into),
            version: 1,
            created_at: now,
            updated_at: now,
            ..Trajectory::default()
        })
        .execute(conn)
        .unwrap();
}

fn group(conn: &mut DbConn, y: &Year, id: &str, kind: &str, parent: Option<&str>, level: &str) {
    let now = test_now().naive_utc();
    diesel::insert_into(groups::table)
        .values(&Group {
            id: id.into(),
            organisation_id: y.org.clone(),
            programme_id: y.programme.clone(),
            kind: kind.into(),
            parent_id: parent.map(Into::into),
            name: format!("Groep {id} (test)"),
            languages: "nl".into(),
            level: level.into(),
            room_id: None,
            min_size: 1,
            max_size: 15,
            active: true,
            version: 1,
            created_at: now,
            updated_at: now,
        })
        .execute(conn)
        .unwrap();
}

#[allow(clippy::too_many_arguments)]
fn session(
    conn: &mut DbConn,
    y: &Year,
    id: &str,
    group: &str,
    on: NaiveDate,
    hours: (u32, u32),
    kind: &str,
    cancelled: bool,
) {
    let now = test_now().naive_utc();
    diesel::insert_into(group_sessions::table)
        .values(&GroupSession {
            id: id.into(),
            organisation_id: y.org.clone(),
            group_id: group.into(),
            series_id: None,
            held_on: on,
            starts_at: t(hours.0),
            ends_at: t(hours.1),
            room_id: None,
            kind: kind.into(),
            theme: String::new(),
            practice_id: None,
            guest_partner: String::new(),
            interpreter_needed: false,
            notes: String::new(),
            cancelled,
            cancel_reason: String::new(),
            version: 1,
            created_at: now,
            updated_at: now,
        })
        .execute(conn)
        .unwrap();
}

fn mark(conn: &mut DbConn, y: &Year, session: &str, who: &str, mark: &str, reason: Option<&str>) {
    diesel::insert_into(attendance::table)
        .values(&AttendanceRow {
            organisation_id: y.org.clone(),
            session_id: session.into(),
            participant_id: who.into(),
            mark: mark.into(),
            reason: reason.map(Into::into),
            marked_by: None,
            marked_at: test_now().naive_utc(),
        })
        .execute(conn)
        .unwrap();
}

fn child(conn: &mut DbConn, y: &Year, id: &str, mother: &str, born: NaiveDate) {
    diesel::insert_into(children::table)
        .values(&Child {
            id: id.into(),
            organisation_id: y.org.clone(),
            participant_id: mother.into(),
            first_name: "Kind".into(),
            birth_date: Some(born),
            created_at: test_now().naive_utc(),
            ..Child::default()
        })
        .execute(conn)
        .unwrap();
}

/// A measurement with its answers: (item, number, text).
fn measured(
    conn: &mut DbConn,
    y: &Year,
    who: &str,
    instrument: &str,
    on: NaiveDate,
    answers: &[(&str, Option<i64>, Option<&str>)],
) {
    let id = db::models::new_id();
    let now = test_now().naive_utc();
    diesel::insert_into(measurements::table)
        .values((
            measurements::id.eq(&id),
            measurements::organisation_id.eq(&y.org),
            measurements::participant_id.eq(who),
            measurements::programme_id.eq(Some(&y.programme)),
            measurements::instrument_key.eq(instrument),
            measurements::instrument_version.eq(1),
            measurements::moment.eq("extra"),
            measurements::respondent.eq("staff"),
            measurements::channel.eq("staff"),
            measurements::status.eq("done"),
            measurements::draft.eq(""),
            measurements::taken_on.eq(Some(on)),
            measurements::created_at.eq(now),
            measurements::updated_at.eq(now),
        ))
        .execute(conn)
        .unwrap();
    for (item, num, text) in answers {
        diesel::insert_into(measurement_answers::table)
            .values((
                measurement_answers::measurement_id.eq(&id),
                measurement_answers::item_key.eq(item),
                measurement_answers::organisation_id.eq(&y.org),
                measurement_answers::value_num.eq(num),
                measurement_answers::value_text.eq(text),
                measurement_answers::participant_id.eq(who),
                measurement_answers::programme_id.eq(Some(&y.programme)),
                measurement_answers::instrument_key.eq(instrument),
                measurement_answers::moment.eq("extra"),
                measurement_answers::respondent.eq("staff"),
                measurement_answers::taken_on.eq(on),
            ))
            .execute(conn)
            .unwrap();
    }
}

fn answered(conn: &mut DbConn, y: &Year, month: &str, helpful: bool) {
    let id = db::models::new_id();
    diesel::insert_into(anonymous_responses::table)
        .values((
            anonymous_responses::id.eq(&id),
            anonymous_responses::organisation_id.eq(&y.org),
            anonymous_responses::programme_id.eq(Some(&y.programme)),
            anonymous_responses::instrument_key.eq("traject-satisfaction"),
            anonymous_responses::instrument_version.eq(1),
            anonymous_responses::moment.eq("end"),
            anonymous_responses::month.eq(month),
        ))
        .execute(conn)
        .unwrap();
    diesel::insert_into(anonymous_answers::table)
        .values((
            anonymous_answers::response_id.eq(&id),
            anonymous_answers::item_key.eq("helpful_for_integration"),
            anonymous_answers::organisation_id.eq(&y.org),
            anonymous_answers::value_num.eq(Some(i64::from(helpful))),
        ))
        .execute(conn)
        .unwrap();
}

/// The programme year of the test (see each line for what it adds).
fn build(conn: &mut DbConn) -> Year {
    let now = test_now().naive_utc();
    let org = repo::new_organisation(
        "setstad",
        "OCMW Setstad (fictief)",
        domain::model::Language::Nl,
        true,
        now,
    );
    repo::insert_organisation(conn, &org).unwrap();
    let programme = repo::add_programme(
        conn,
        &org.id,
        "Alle sets (test)",
        "Test",
        domain::model::ProgrammeKind::SocialActivation,
        now,
    )
    .unwrap()
    .id;
    diesel::update(programmes::table.filter(programmes::id.eq(&programme)))
        .set((
            programmes::report_strands.eq("collective_modules,child_poverty"),
            programmes::funders.eq("amif,municipality"),
        ))
        .execute(conn)
        .unwrap();
    let user = repo::add_user(
        conn,
        repo::NewUser {
            email: "coordinator@setstad.example",
            username: None,
            display_name: "Coördinator Setstad (fictief)",
            preferred_language: None,
            grammatical_gender: None,
            password_hash: "x".into(),
        },
        &org.id,
        domain::model::Role::Coordinator,
        now,
    )
    .unwrap();
    let y = Year {
        org: org.id.clone(),
        programme: programme.clone(),
        coordinator: Actor::Staff {
            user_id: user.id,
            organisation_id: org.id,
            role: domain::model::Role::Coordinator,
        },
    };
    // a: Syrian woman, entered this year, still in.
    person(conn, &y, "a", "woman", "SY", d(2026, 2, 1), None);
    // b: Belgian woman, entered last year, stopped (lost contact) on 30 April.
    person(
        conn,
        &y,
        "b",
        "woman",
        "BE",
        d(2025, 10, 1),
        Some((d(2026, 4, 30), "stopped", Some("lost_contact"))),
    );
    // c: Moroccan man, entered this year, completed on 30 November.
    person(
        conn,
        &y,
        "c",
        "man",
        "MA",
        d(2026, 3, 1),
        Some((d(2026, 11, 30), "completed", None)),
    );
    // d: enters next year: in no figure.
    person(conn, &y, "d", "woman", "SY", d(2027, 1, 5), None);

    // G: adults' group at level A1 with childcare and a children's group;
    // H: adults' group without a level.
    group(conn, &y, "G", "adults", None, "A1");
    group(conn, &y, "G-care", "childcare", Some("G"), "");
    group(conn, &y, "G-kids", "childrens_group", Some("G"), "");
    group(conn, &y, "H", "adults", None, "");
    session(
        conn,
        &y,
        "s1",
        "G",
        d(2026, 3, 4),
        (9, 12),
        "psychosocial",
        false,
    );
    session(
        conn,
        &y,
        "s2",
        "H",
        d(2026, 4, 1),
        (9, 13),
        "informative",
        false,
    );
    session(conn, &y, "s3", "G", d(2026, 5, 6), (9, 12), "outing", false);
    session(
        conn,
        &y,
        "s4",
        "G",
        d(2026, 6, 3),
        (9, 12),
        "psychosocial",
        true,
    );
    session(
        conn,
        &y,
        "s5",
        "G",
        d(2025, 12, 10),
        (9, 12),
        "psychosocial",
        false,
    );
    mark(conn, &y, "s1", "a", "present", None);
    mark(conn, &y, "s1", "b", "present", None);
    mark(conn, &y, "s2", "a", "late", None);
    mark(conn, &y, "s2", "c", "present", None);
    mark(conn, &y, "s3", "a", "absent", None);
    mark(conn, &y, "s3", "b", "excused", Some("sick_child"));
    mark(conn, &y, "s5", "a", "present", None);
    // a's children: 4 and 10 at s1; one born after the sessions she came to.
    child(conn, &y, "a-k1", "a", d(2022, 1, 1));
    child(conn, &y, "a-k2", "a", d(2015, 6, 1));
    child(conn, &y, "a-k3", "a", d(2026, 5, 1));
    // b's son of 16.
    child(conn, &y, "b-k1", "b", d(2010, 1, 1));

    // Intakes: a admitted, c on the waiting list, b's last year.
    for (trajectory, on, outcome) in [
        ("a-t", d(2026, 1, 20), "admitted"),
        ("c-t", d(2026, 2, 20), "waiting_list"),
        ("b-t", d(2025, 9, 20), "admitted"),
    ] {
        diesel::insert_into(intakes::table)
            .values(&Intake {
                trajectory_id: trajectory.into(),
                organisation_id: y.org.clone(),
                eligibility: "[]".into(),
                outcome: Some(outcome.into()),
                decided_on: Some(on),
                updated_at: now,
                ..Intake::default()
            })
            .execute(conn)
            .unwrap();
    }
    // Journal: a seen in person; c only discussed in a team review.
    for (who, mode) in [("a", "office"), ("c", "team_review")] {
        diesel::insert_into(journal_entries::table)
            .values(&JournalEntry {
                id: db::models::new_id(),
                organisation_id: y.org.clone(),
                participant_id: who.into(),
                body: "Gesprek (test)".into(),
                written_on: d(2026, 3, 1),
                created_at: now,
                mode: mode.into(),
                domains: String::new(),
                ..JournalEntry::default()
            })
            .execute(conn)
            .unwrap();
    }
    // Referrals: a's done, c's refused, b's last year.
    diesel::insert_into(partners::table)
        .values((
            partners::id.eq("partner"),
            partners::organisation_id.eq(&y.org),
            partners::name.eq("Partner (fictief)"),
            partners::service.eq(""),
            partners::target_groups.eq(""),
            partners::street.eq(""),
            partners::postal_code.eq(""),
            partners::city.eq(""),
            partners::accessibility.eq(""),
            partners::opening_hours.eq(""),
            partners::how_to_refer.eq(""),
            partners::shared.eq(false),
            partners::active.eq(true),
            partners::version.eq(1),
            partners::created_at.eq(now),
            partners::updated_at.eq(now),
        ))
        .execute(conn)
        .unwrap();
    for (id, who, on, status) in [
        ("r1", "a", d(2026, 3, 10), "done"),
        ("r2", "c", d(2026, 4, 10), "refused"),
        ("r3", "b", d(2025, 11, 1), "done"),
    ] {
        diesel::insert_into(referrals::table)
            .values((
                referrals::id.eq(id),
                referrals::organisation_id.eq(&y.org),
                referrals::participant_id.eq(who),
                referrals::partner_id.eq("partner"),
                referrals::service.eq(""),
                referrals::reason.eq(""),
                referrals::referred_on.eq(on),
                referrals::status.eq(status),
                referrals::status_on.eq(on),
                referrals::outcome.eq(""),
                referrals::note.eq(""),
                referrals::version.eq(1),
                referrals::created_at.eq(now),
                referrals::updated_at.eq(now),
            ))
            .execute(conn)
            .unwrap();
    }
    // Signals: one about a and b (counted once), one about d only.
    for (id, on, category, who) in [
        ("sig1", d(2026, 5, 1), "cost", vec!["a", "b"]),
        ("sig2", d(2026, 6, 1), "language_barrier", vec!["d"]),
    ] {
        diesel::insert_into(signals::table)
            .values((
                signals::id.eq(id),
                signals::organisation_id.eq(&y.org),
                signals::category.eq(category),
                signals::domain.eq("rights"),
                signals::concerns.eq(""),
                signals::description.eq("Signaal (test)"),
                signals::status.eq("noted"),
                signals::noted_on.eq(on),
                signals::raised_with.eq(""),
                signals::answer.eq(""),
                signals::affected.eq(who.len() as i32),
                signals::version.eq(1),
                signals::created_at.eq(now),
                signals::updated_at.eq(now),
            ))
            .execute(conn)
            .unwrap();
        for p in who {
            diesel::insert_into(signal_participants::table)
                .values((
                    signal_participants::signal_id.eq(id),
                    signal_participants::participant_id.eq(p),
                    signal_participants::organisation_id.eq(&y.org),
                ))
                .execute(conn)
                .unwrap();
        }
    }
    // a's plan from 1 February, every four months: evaluated on 15 May (on
    // time) and on 1 November (due 15 September: late).
    diesel::insert_into(plans::table)
        .values(&Plan {
            id: "plan-a".into(),
            organisation_id: y.org.clone(),
            trajectory_id: "a-t".into(),
            starts_on: d(2026, 2, 1),
            ends_on: d(2027, 1, 31),
            rhythm_months: 4,
            version: 1,
            created_at: now,
            updated_at: now,
            ..Plan::default()
        })
        .execute(conn)
        .unwrap();
    for (id, on) in [("e1", d(2026, 5, 15)), ("e2", d(2026, 11, 1))] {
        diesel::insert_into(plan_evaluations::table)
            .values(&PlanEvaluation {
                id: id.into(),
                organisation_id: y.org.clone(),
                plan_id: "plan-a".into(),
                held_on: on,
                in_person: true,
                progress: "progressing".into(),
                created_at: now,
                ..PlanEvaluation::default()
            })
            .execute(conn)
            .unwrap();
    }
    // Language: a from A1 to A2.
    measured(
        conn,
        &y,
        "a",
        "traject-language-level",
        d(2026, 2, 1),
        &[("cefr", None, Some("a1"))],
    );
    measured(
        conn,
        &y,
        "a",
        "traject-language-level",
        d(2026, 6, 1),
        &[("cefr", None, Some("a2"))],
    );
    // Life domains: a better on two, b on one.
    let life = "traject-life-domains";
    measured(
        conn,
        &y,
        "a",
        life,
        d(2026, 2, 1),
        &[
            ("housing", Some(2), None),
            ("work", Some(3), None),
            ("social", Some(3), None),
        ],
    );
    measured(
        conn,
        &y,
        "a",
        life,
        d(2026, 9, 1),
        &[
            ("housing", Some(4), None),
            ("work", Some(5), None),
            ("social", Some(3), None),
        ],
    );
    measured(
        conn,
        &y,
        "b",
        life,
        d(2025, 11, 1),
        &[("housing", Some(2), None), ("work", Some(3), None)],
    );
    measured(
        conn,
        &y,
        "b",
        life,
        d(2026, 4, 1),
        &[("housing", Some(3), None), ("work", Some(3), None)],
    );
    // Exit situations: b's ten days after leaving (searching a job); c's
    // 46 days after (too late to count).
    let exit = "traject-exit-situation";
    measured(
        conn,
        &y,
        "b",
        exit,
        d(2026, 5, 10),
        &[
            ("job_searching", Some(1), None),
            ("in_employment", Some(0), None),
        ],
    );
    measured(
        conn,
        &y,
        "c",
        exit,
        d(2027, 1, 15),
        &[("in_employment", Some(1), None)],
    );
    // Satisfaction: helpful in March and July, not in April; December last year.
    answered(conn, &y, "2026-03", true);
    answered(conn, &y, "2026-04", false);
    answered(conn, &y, "2026-07", true);
    answered(conn, &y, "2025-12", true);
    y
}

fn figures_of(conn: &mut DbConn, y: &Year, set: &str) -> Vec<Figure> {
    let set = built_in().iter().find(|s| s.key == set).unwrap();
    let scope = Scope {
        org: &y.org,
        programme: Some(&y.programme),
        from: d(2026, 1, 1),
        to: d(2026, 12, 31),
    };
    evaluate(set, &load(conn, scope, &set.units()).unwrap())
}

fn check(figures: &[Figure], set: &str, expected: &[(&str, i64, Option<i64>)]) {
    let keys: Vec<&str> = built_in()
        .iter()
        .find(|s| s.key == set)
        .unwrap()
        .indicators
        .iter()
        .map(|i| i.key.as_str())
        .collect();
    let written: Vec<&str> = expected.iter().map(|e| e.0).collect();
    assert_eq!(keys, written, "{set}: every indicator is checked");
    for (key, value, per) in expected {
        let f = figures.iter().find(|f| f.key == *key).unwrap();
        assert_eq!((f.value, f.per), (*value, *per), "{set}: {key}");
    }
}

fn by(figures: &[Figure], key: &str, fact: domain::indicators::Fact) -> Vec<(String, i64)> {
    figures
        .iter()
        .find(|f| f.key == key)
        .unwrap()
        .by
        .get(&fact)
        .map(|m| m.iter().map(|(k, v)| (k.clone(), *v)).collect())
        .unwrap_or_default()
}

#[test]
fn every_built_in_set_over_a_hand_made_year() {
    use domain::indicators::Fact;
    let database = TestDatabase::new();
    let db = database.open();
    let mut conn = db.get().unwrap();
    let y = build(&mut conn);
    // Costs: catering and staff this year, catering next year.
    for (on, line, amount) in [
        ("2026-02-01", "catering", "100,00"),
        ("01/03/2026", "staff", "1.000,00"),
        ("2027-01-02", "catering", "50"),
    ] {
        budgets::add_cost(
            &mut conn,
            &y.coordinator,
            &y.programme,
            &CostInput {
                booked_on: on.into(),
                line: line.into(),
                amount: amount.into(),
                description: "Factuur (test)".into(),
                reference: String::new(),
            },
            origin(),
        )
        .unwrap();
    }

    let f = figures_of(&mut conn, &y, "programme-activity");
    check(
        &f,
        "programme-activity",
        &[
            ("participants", 3, None),
            ("entrants", 2, None),
            ("sessions_planned", 4, None),
            ("sessions_held", 3, None),
            ("sessions_cancelled", 1, None),
            ("hours", 600, None),
            ("marks", 6, None),
            ("attended", 4, None),
            ("attendance_rate", 4, Some(6)),
            ("absences", 2, None),
            ("children_childcare", 1, None),
            ("children_group", 2, None),
            ("intakes", 2, None),
            ("waiting_list", 1, None),
            ("closures", 2, None),
            ("referrals", 2, None),
            ("signals", 1, None),
            ("evaluations", 2, None),
            ("evaluations_on_time", 1, None),
            ("evaluations_on_time_share", 1, Some(2)),
        ],
    );
    assert_eq!(
        by(&f, "hours", Fact::SessionKind),
        [
            ("informative".into(), 240),
            ("outing".into(), 180),
            ("psychosocial".into(), 180)
        ]
    );
    assert_eq!(
        by(&f, "absences", Fact::ExcuseReason),
        [("sick_child".into(), 1), ("unknown".into(), 1)]
    );
    assert_eq!(
        by(&f, "closures", Fact::StopReason),
        [("lost_contact".into(), 1), ("unknown".into(), 1)]
    );
    assert_eq!(
        by(&f, "referrals", Fact::ReferralStatus),
        [("done".into(), 1), ("refused".into(), 1)]
    );
    assert_eq!(
        by(&f, "participants", Fact::Gender),
        [("man".into(), 1), ("woman".into(), 2)]
    );

    let f = figures_of(&mut conn, &y, "miriam");
    check(
        &f,
        "miriam",
        &[
            ("women_reached", 2, None),
            ("participants", 3, None),
            ("group_sessions_held", 3, None),
            ("attendances", 4, None),
            ("average_attendance", 4, Some(3)),
            ("leavers", 2, None),
            ("dropout", 1, None),
            ("measured_twice", 2, None),
            ("progress_two_domains", 1, None),
            ("progress_share", 1, Some(2)),
        ],
    );
    assert_eq!(
        by(&f, "dropout", Fact::StopReason),
        [("lost_contact".into(), 1)]
    );

    let f = figures_of(&mut conn, &y, "amif-integration");
    check(
        &f,
        "amif-integration",
        &[
            ("supported", 3, None),
            ("language_course", 2, None),
            ("civic_orientation", 2, None),
            ("personal_guidance", 1, None),
            ("language_improved", 1, None),
            ("helpful", 2, None),
            ("helpful_answers", 3, None),
            ("helpful_share", 2, Some(3)),
        ],
    );

    let f = figures_of(&mut conn, &y, "federal-social-activation");
    check(
        &f,
        "federal-social-activation",
        &[
            ("participants_social_participation", 0, None),
            ("costs_social_participation", 0, None),
            ("staff_social_participation", 0, None),
            ("all_costs_social_participation", 0, None),
            ("cost_per_participant_social_participation", 0, Some(0)),
            ("participants_collective_modules", 3, None),
            ("costs_collective_modules", 10_000, None),
            ("staff_collective_modules", 100_000, None),
            ("all_costs_collective_modules", 110_000, None),
            ("cost_per_participant_collective_modules", 110_000, Some(3)),
            ("participants_child_poverty", 3, None),
            ("costs_child_poverty", 10_000, None),
            ("staff_child_poverty", 100_000, None),
            ("all_costs_child_poverty", 110_000, None),
            ("cost_per_participant_child_poverty", 110_000, Some(3)),
            ("participants_total", 3, None),
            ("costs_total", 10_000, None),
            ("staff_total", 100_000, None),
            ("all_costs_total", 110_000, None),
            ("cost_per_participant_total", 110_000, Some(3)),
        ],
    );
    // € 1,100 over three participants; none in a strand shows no figure.
    let each = |k: &str| {
        f.iter()
            .find(|x| x.key == k)
            .unwrap()
            .number(domain::indicators::Show::EurosEach)
    };
    assert_eq!(
        each("cost_per_participant_total").map(|v| (v * 100.0).round()),
        Some(36_667.0)
    );
    assert_eq!(each("cost_per_participant_social_participation"), None);
    assert_eq!(
        by(&f, "costs_total", Fact::CostLine),
        [("catering".into(), 10_000)]
    );

    // The ESF+ results: b searching a job within four weeks of leaving;
    // c's answer came too late. The outputs count entrants a and c.
    let f = figures_of(&mut conn, &y, "esf-plus-participants");
    let value = |k: &str| f.iter().find(|x| x.key == k).unwrap().value;
    assert_eq!(value("job_searching"), 1);
    assert_eq!(value("employment"), 0);
    assert_eq!(value("education_training"), 0);
    assert_eq!(value("qualification"), 0);
    assert_eq!(value("total"), 2);
    assert_eq!(value("third_country_nationals"), 2);
}

#[test]
fn budgets_allocation_keys_and_cost_imports() {
    use domain::budget::KeyKind;
    let database = TestDatabase::new();
    let db = database.open();
    let mut conn = db.get().unwrap();
    let y = build(&mut conn);
    let rows = |list: &[(&str, &str, &str, &str)]| -> Vec<CostInput> {
        list.iter()
            .map(|(on, line, amount, reference)| CostInput {
                booked_on: (*on).into(),
                line: (*line).into(),
                amount: (*amount).into(),
                description: "Boeking (test)".into(),
                reference: (*reference).into(),
            })
            .collect()
    };
    // A file with one wrong row books nothing.
    let bad = rows(&[
        ("2026-02-01", "catering", "100,00", ""),
        ("2026-02-30", "catering", "12", ""),
        ("2026-03-01", "yachts", "x", ""),
    ]);
    match budgets::import_costs(&mut conn, &y.coordinator, &y.programme, &bad, origin()) {
        Err(BudgetError::Rows(r)) => assert_eq!(
            r,
            [
                (3, "booked_on", "invalid-date"),
                (4, "line", "invalid-choice"),
                (4, "amount", "invalid-amount")
            ]
        ),
        other => panic!("{other:?}"),
    }
    let count = |conn: &mut DbConn| costs::table.count().get_result::<i64>(conn).unwrap();
    assert_eq!(count(&mut conn), 0);
    // Two identical rows are two costs; importing the file again adds none.
    let good = rows(&[
        ("2026-02-01", "catering", "100,00", ""),
        ("2026-02-01", "catering", "100,00", ""),
        ("2026-03-01", "staff", "1000", "BOEK-7"),
        ("2026-04-01", "rent", "600", "BOEK-8"),
    ]);
    let first =
        budgets::import_costs(&mut conn, &y.coordinator, &y.programme, &good, origin()).unwrap();
    assert_eq!((first.added, first.already), (4, 0));
    let again =
        budgets::import_costs(&mut conn, &y.coordinator, &y.programme, &good, origin()).unwrap();
    assert_eq!((again.added, again.already), (0, 4));
    assert_eq!(count(&mut conn), 4);

    // The AMIF fund pays the non-EU share (a and c of a, b, c: 2/3), and
    // half of the rent; the municipality has no key and pays nothing.
    let input = BudgetInput {
        lines: vec![
            ("catering".into(), "250".into()),
            ("staff".into(), "1.500,00".into()),
            ("rent".into(), "600".into()),
        ],
        keys: vec![
            (
                "amif".into(),
                String::new(),
                "non_eu_share".into(),
                String::new(),
            ),
            ("amif".into(), "rent".into(), "fixed".into(), "50".into()),
        ],
    };
    budgets::save(
        &mut conn,
        &y.coordinator,
        &y.programme,
        2026,
        0,
        &input,
        origin(),
    )
    .unwrap();
    // A second save on the version first read is a conflict, and changes nothing.
    let stale = BudgetInput {
        lines: vec![("catering".into(), "1".into())],
        keys: Vec::new(),
    };
    assert!(matches!(
        budgets::save(
            &mut conn,
            &y.coordinator,
            &y.programme,
            2026,
            0,
            &stale,
            origin()
        ),
        Err(BudgetError::Conflict)
    ));
    // A wrong amount or percentage is refused field by field.
    let wrong = BudgetInput {
        lines: vec![("catering".into(), "veel".into())],
        keys: vec![("amif".into(), String::new(), "fixed".into(), "150".into())],
    };
    match budgets::save(
        &mut conn,
        &y.coordinator,
        &y.programme,
        2026,
        1,
        &wrong,
        origin(),
    ) {
        Err(BudgetError::Invalid(e)) => {
            let fields: Vec<&str> = e.iter().map(|e| e.field).collect();
            assert_eq!(fields, ["catering", "percentage"]);
        }
        other => panic!("{other:?}"),
    }
    let b = budgets::load(&mut conn, &y.org, &y.programme, 2026).unwrap();
    assert_eq!(b.version, 1);
    assert_eq!((b.population.participants, b.population.non_eu), (3, 2));
    let line = |l: &str| b.lines.iter().find(|x| x.0 == l).cloned().unwrap();
    assert_eq!(line("catering"), ("catering".into(), 25_000, 20_000));
    assert_eq!(line("staff"), ("staff".into(), 150_000, 100_000));
    assert_eq!(line("rent"), ("rent".into(), 60_000, 60_000));
    let amif = &b.allocations.iter().find(|a| a.0 == "amif").unwrap().1;
    let fund = |l: &str| amif.lines.iter().find(|x| x.line == l).unwrap().fund_cents;
    assert_eq!(fund("catering"), 13_333);
    assert_eq!(fund("staff"), 66_667);
    assert_eq!(fund("rent"), 30_000);
    assert_eq!(amif.fund_cents, 13_333 + 66_667 + 30_000);
    assert_eq!(
        amif.lines
            .iter()
            .find(|x| x.line == "rent")
            .unwrap()
            .key
            .unwrap()
            .kind,
        KeyKind::Fixed
    );
    let municipality = &b
        .allocations
        .iter()
        .find(|a| a.0 == "municipality")
        .unwrap()
        .1;
    assert_eq!(municipality.fund_cents, 0);
    // Per participant: 1 800 euros over 3; per hour: over 10 hours held.
    assert_eq!(b.actual_cents(), 180_000);
    assert_eq!(b.per_participant(), Some(60_000));
    assert_eq!(b.per_hour(), Some(18_000));

    // A casemanager may not touch the budget.
    let cm = Actor::Staff {
        user_id: "nobody".into(),
        organisation_id: y.org.clone(),
        role: domain::model::Role::Casemanager,
    };
    assert!(matches!(
        budgets::save(&mut conn, &cm, &y.programme, 2026, 1, &input, origin()),
        Err(BudgetError::Access(_))
    ));
}

#[test]
fn pooled_figures_count_only_programmes_that_opted_in() {
    use db::reports::pooled::{PoolFilter, pooled, raw};
    use domain::suppression::Shown;
    let database = TestDatabase::new();
    let db = database.open();
    let mut conn = db.get().unwrap();
    let y = build(&mut conn);
    let filter = PoolFilter {
        kind: None,
        region: None,
        from: d(2026, 1, 1),
        to: d(2026, 12, 31),
    };
    assert!(raw(&mut conn, &filter).unwrap().is_empty(), "not opted in");
    diesel::update(programmes::table.filter(programmes::id.eq(&y.programme)))
        .set(programmes::pooled.eq(true))
        .execute(&mut conn)
        .unwrap();
    // The region is chosen with the Community and school hours; an unknown
    // one is refused.
    let hours = domain::groups::SchoolHours::default();
    let community = domain::school::Community::Flemish;
    assert!(
        db::groups::calendar::configure(
            &mut conn,
            &y.coordinator,
            community,
            hours,
            Some("atlantis"),
            origin()
        )
        .is_err()
    );
    db::groups::calendar::configure(
        &mut conn,
        &y.coordinator,
        community,
        hours,
        Some("brussels"),
        origin(),
    )
    .unwrap();
    assert_eq!(
        db::groups::calendar::region(&mut conn, &y.org)
            .unwrap()
            .as_deref(),
        Some("brussels")
    );
    let r = raw(&mut conn, &filter).unwrap();
    assert_eq!(r.len(), 1);
    let r = &r[0];
    assert_eq!(r.organisation, "OCMW Setstad (fictief)");
    assert_eq!(r.participants, [2, 1, 0, 0], "a and b; c");
    assert_eq!((r.entrants, r.dropouts), (2, 1));
    assert_eq!((r.sessions, r.minutes), (3, 600));
    assert_eq!((r.marks, r.attended), (6, 4));
    // Another region or kind: nothing.
    let elsewhere = PoolFilter {
        region: Some("wallonia".into()),
        ..filter.clone()
    };
    assert!(raw(&mut conn, &elsewhere).unwrap().is_empty());
    let other_kind = PoolFilter {
        kind: Some("miriam".into()),
        ..filter.clone()
    };
    assert!(raw(&mut conn, &other_kind).unwrap().is_empty());
    // Published: every count of people here is small.
    let analyst = Actor::Analyst {
        user_id: "analyst".into(),
    };
    let p = pooled(&mut conn, &analyst, filter.clone(), origin()).unwrap();
    assert_eq!(p.lines[0].participants[0], Shown::Small);
    assert_eq!(p.lines[0].sessions, 3);
    assert_eq!(p.lines[0].attendance_rate, Some(66.7));
    // A casemanager gets no aggregates.
    let cm = Actor::Staff {
        user_id: "x".into(),
        organisation_id: y.org.clone(),
        role: domain::model::Role::Casemanager,
    };
    assert!(pooled(&mut conn, &cm, filter, origin()).is_err());
}

#[test]
fn an_organisation_adds_a_set_or_a_newer_version_of_a_built_in_one() {
    use db::reports::sets::{AddError, add, available};
    let database = TestDatabase::new();
    let db = database.open();
    let mut conn = db.get().unwrap();
    let y = build(&mut conn);
    // A municipality's own set: women reached and sessions held.
    let own = r#"{"key":"stad-welzijn","version":1,"funder":"Stad (fictief)","source":"Convenant 2026 (fictief)",
      "title":{"nl":"Stadsconvenant","en":"City agreement"},
      "indicators":[
        {"key":"vrouwen","code":"S1","unit":"participants","wording":{"nl":"bereikte vrouwen"},"when":{"fact":"gender","in":["woman"]}},
        {"key":"sessies","code":"S2","unit":"sessions","wording":{"nl":"gehouden sessies"},"when":{"fact":"cancelled","in":["false"]}}
      ]}"#;
    let set = add(&mut conn, &y.coordinator, own, origin()).unwrap();
    assert_eq!(set.key, "stad-welzijn");
    assert!(matches!(
        add(&mut conn, &y.coordinator, own, origin()),
        Err(AddError::VersionExists(..))
    ));
    // A wrong set is refused and says which indicator.
    let wrong = own.replace(r#""in":["woman"]"#, r#""in":["vrouw"]"#);
    assert!(matches!(
        add(&mut conn, &y.coordinator, &wrong, origin()),
        Err(AddError::Invalid(domain::indicators::SetError::BadCondition(k))) if k == "vrouwen"
    ));
    // A built-in key needs a higher version; then it replaces the built-in set.
    let esf = include_str!("../../domain/indicators/esf_plus.json");
    assert!(matches!(
        add(&mut conn, &y.coordinator, esf, origin()),
        Err(AddError::VersionExists(..))
    ));
    let mut newer: serde_json::Value = serde_json::from_str(esf).unwrap();
    newer["version"] = 3.into();
    add(&mut conn, &y.coordinator, &newer.to_string(), origin()).unwrap();
    let sets = available(&mut conn, &y.org).unwrap();
    let esf = sets
        .iter()
        .find(|s| s.key == "esf-plus-participants")
        .unwrap();
    assert_eq!(esf.version, 3);
    assert!(sets.iter().any(|s| s.key == "stad-welzijn"));
    // The report counts on the organisation's set.
    let report = db::reports::programme_report(
        &mut conn,
        &y.coordinator,
        Some(&y.programme),
        "stad-welzijn",
        d(2026, 1, 1),
        d(2026, 12, 31),
        origin(),
    )
    .unwrap();
    let value = |k: &str| report.figures.iter().find(|f| f.key == k).unwrap().value;
    assert_eq!((value("vrouwen"), value("sessies")), (2, 3));
    // Another organisation does not see it; a casemanager may not add one.
    let elsewhere = available(&mut conn, "another-organisation").unwrap();
    assert!(!elsewhere.iter().any(|s| s.key == "stad-welzijn"));
    assert_eq!(
        elsewhere
            .iter()
            .find(|s| s.key == "esf-plus-participants")
            .unwrap()
            .version,
        2
    );
    let cm = Actor::Staff {
        user_id: "x".into(),
        organisation_id: y.org.clone(),
        role: domain::model::Role::Casemanager,
    };
    assert!(matches!(
        add(&mut conn, &cm, own, origin()),
        Err(AddError::Access(_))
    ));
}
