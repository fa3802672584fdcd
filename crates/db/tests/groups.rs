//! Group work as storage enforces it, on both backends: capacity and the
//! waiting list, series saved around holidays, conflicts, idempotent
//! attendance from several devices, the members to call, hours, and a
//! facilitator who sees her group but never a file.

use chrono::{Duration, NaiveDate, NaiveTime};
use db::groups::attendance::{self, MarkInput};
use db::groups::sessions::{self, SessionDetails};
use db::groups::{self, GroupError, NewGroup, Placed};
use db::participants::{self as files, AccessError, Origin};
use db::schema::{self, audit_log, group_sessions, programmes, session_facilitators};
use db::{DbConn, access, demo, repo};
use diesel::prelude::*;
use domain::groups::{ExcuseReason, Mark, Rhythm, SessionKind, Slot};
use domain::policy::{Actor, Denied};
use test_support::{TestDatabase, test_now};

fn origin() -> Origin<'static> {
    Origin::new(Some("192.0.2.9"), test_now().naive_utc())
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
    facilitator: Actor,
    cm1: Actor,
    programme_id: String,
    participants: Vec<String>,
}

fn setup() -> Setup {
    let database = TestDatabase::new();
    let db = database.open();
    let mut conn = db.get().unwrap();
    demo::seed(&mut conn, test_now(), None).unwrap();
    let coordinator = actor_for(&mut conn, "coordinator@demostad.example");
    let facilitator = actor_for(&mut conn, "facilitator@demostad.example");
    let cm1 = actor_for(&mut conn, "casemanager1@demostad.example");
    let programme_id: String = programmes::table
        .filter(programmes::kind.eq("social_activation"))
        .select(programmes::id)
        .first(&mut conn)
        .unwrap();
    let participants: Vec<String> = schema::participants::table
        .filter(schema::participants::organisation_id.eq(coordinator.organisation_id().unwrap()))
        .order(schema::participants::id)
        .select(schema::participants::id)
        .limit(6)
        .load(&mut conn)
        .unwrap();
    drop(conn);
    Setup {
        _database: database,
        db,
        coordinator,
        facilitator,
        cm1,
        programme_id,
        participants,
    }
}

fn group(s: &Setup, conn: &mut DbConn, max: i32) -> String {
    groups::create(
        conn,
        &s.coordinator,
        &NewGroup {
            programme_id: s.programme_id.clone(),
            kind: "adults".into(),
            name: "Testgroep maandag".into(),
            languages: vec!["nl".into()],
            facilitator_ids: vec![s.facilitator.user_id().to_owned()],
            min_size: Some(2),
            max_size: Some(max),
            ..Default::default()
        },
        origin(),
    )
    .unwrap()
}

/// A group with the first three participants from 2 November 2026, and one
/// session on `day` from 09:30 to 12:00.
fn three_members_and_a_session(s: &Setup, conn: &mut DbConn, day: NaiveDate) -> (String, String) {
    let g = group(s, conn, 12);
    for p in &s.participants[..3] {
        groups::place(conn, &s.coordinator, &g, p, d(2026, 11, 2), false, origin()).unwrap();
    }
    let slot = Slot {
        date: day,
        start: t(9, 30),
        end: t(12, 0),
    };
    let session = sessions::add(conn, &s.coordinator, &g, slot, &details(), false, origin())
        .unwrap()
        .unwrap();
    (g, session)
}

fn details() -> SessionDetails {
    SessionDetails {
        kind: SessionKind::Psychosocial,
        theme: "Kennismaking".into(),
        room_id: None,
        facilitator_ids: Vec::new(),
        interpreter_needed: false,
        guest_partner: String::new(),
        practice_id: None,
        notes: String::new(),
    }
}

#[test]
fn a_full_group_refuses_and_the_waiting_list_keeps_order() {
    let s = setup();
    let mut conn = s.db.get().unwrap();
    let g = group(&s, &mut conn, 2);
    let on = d(2026, 11, 23);
    let place = |conn: &mut DbConn, p: &str, wait: bool| {
        groups::place(conn, &s.coordinator, &g, p, on, wait, origin())
    };
    let p = &s.participants;
    assert_eq!(place(&mut conn, &p[0], false).unwrap(), Placed::Member);
    assert_eq!(place(&mut conn, &p[1], false).unwrap(), Placed::Member);
    // Placing her twice changes nothing.
    assert_eq!(place(&mut conn, &p[1], false).unwrap(), Placed::Member);
    match place(&mut conn, &p[2], false) {
        Err(GroupError::Full { max: 2 }) => {}
        other => panic!("expected a full group, got {other:?}"),
    }
    assert_eq!(place(&mut conn, &p[2], true).unwrap(), Placed::Waiting(1));
    assert_eq!(place(&mut conn, &p[3], true).unwrap(), Placed::Waiting(2));
    let view = groups::view(&mut conn, &s.coordinator, &g, origin()).unwrap();
    assert_eq!(view.members.len(), 2);
    let queue: Vec<&str> = view
        .waiting
        .iter()
        .map(|w| w.member.participant_id.as_str())
        .collect();
    assert_eq!(queue, vec![p[2].as_str(), p[3].as_str()]);
    // A member leaves: the first on the waiting list takes her place.
    let leaving = view
        .members
        .iter()
        .find(|m| m.member.participant_id == p[0])
        .unwrap();
    let promoted = groups::leave(
        &mut conn,
        &s.coordinator,
        &g,
        &leaving.member.id,
        on,
        origin(),
    )
    .unwrap();
    assert_eq!(promoted.as_deref(), Some(p[2].as_str()));
    let view = groups::view(&mut conn, &s.coordinator, &g, origin()).unwrap();
    assert_eq!(view.waiting.len(), 1);
    assert!(view.members.iter().any(|m| m.member.participant_id == p[2]));
}

#[test]
fn a_series_skips_the_holidays_and_is_saved_whole() {
    let s = setup();
    let mut conn = s.db.get().unwrap();
    let g = group(&s, &mut conn, 12);
    // Mondays from 14 December 2026 to 22 February 2027 (Flemish calendar).
    let request = sessions::request(
        d(2026, 12, 14),
        d(2027, 2, 22),
        Rhythm::Weekly,
        t(9, 30),
        t(12, 0),
        false,
    );
    let preview = sessions::preview(
        &mut conn,
        &s.coordinator,
        &g,
        &request,
        &details(),
        origin(),
    )
    .unwrap();
    // (The demo's own groups may share the facilitator's mornings: kept.)
    let preview = preview.planned;
    let skipped: Vec<NaiveDate> = preview
        .iter()
        .filter(|p| p.skipped.is_some())
        .map(|p| p.date)
        .collect();
    assert_eq!(
        skipped,
        vec![d(2026, 12, 21), d(2026, 12, 28), d(2027, 2, 8)]
    );
    let before: i64 = group_sessions::table
        .filter(group_sessions::group_id.eq(&g))
        .count()
        .get_result(&mut conn)
        .unwrap();
    assert_eq!(before, 0, "a preview saves nothing");
    let ids = sessions::save_series(
        &mut conn,
        &s.coordinator,
        &g,
        &request,
        &details(),
        true,
        origin(),
    )
    .unwrap()
    .unwrap();
    assert_eq!(ids.len(), preview.len() - 3);
    let dates: Vec<NaiveDate> = group_sessions::table
        .filter(group_sessions::group_id.eq(&g))
        .order(group_sessions::held_on)
        .select(group_sessions::held_on)
        .load(&mut conn)
        .unwrap();
    assert!(dates.iter().all(|day| !skipped.contains(day)));
    // The group's facilitator leads every session of the series.
    let led: i64 = session_facilitators::table
        .filter(session_facilitators::session_id.eq_any(&ids))
        .filter(session_facilitators::user_id.eq(s.facilitator.user_id()))
        .count()
        .get_result(&mut conn)
        .unwrap();
    assert_eq!(led as usize, ids.len());
    // A facilitator cannot plan.
    let refused = sessions::save_series(
        &mut conn,
        &s.facilitator,
        &g,
        &request,
        &details(),
        false,
        origin(),
    );
    assert!(matches!(
        refused,
        Err(GroupError::Access(AccessError::Denied(Denied::Role)))
    ));
}

#[test]
fn conflicts_are_found_and_can_be_kept() {
    let s = setup();
    let mut conn = s.db.get().unwrap();
    let a = group(&s, &mut conn, 12);
    let b = group(&s, &mut conn, 12);
    // After the demo's own sessions (which end two months from now).
    let slot = Slot {
        date: d(2027, 3, 2),
        start: t(9, 30),
        end: t(12, 0),
    };
    let first = sessions::add(
        &mut conn,
        &s.coordinator,
        &a,
        slot,
        &details(),
        false,
        origin(),
    )
    .unwrap();
    assert!(first.is_ok());
    // Same facilitator, overlapping time, another group.
    let overlapping = Slot {
        start: t(11, 0),
        end: t(13, 0),
        ..slot
    };
    let second = sessions::add(
        &mut conn,
        &s.coordinator,
        &b,
        overlapping,
        &details(),
        false,
        origin(),
    )
    .unwrap();
    let codes: Vec<&str> = second
        .as_ref()
        .unwrap_err()
        .iter()
        .map(|c| c.code())
        .collect();
    assert_eq!(codes, vec!["facilitator_taken"]);
    // On a holiday and in the evening.
    let holiday = Slot {
        date: d(2027, 3, 29),
        ..slot
    };
    let evening = Slot {
        date: d(2027, 3, 4),
        start: t(18, 0),
        end: t(20, 0),
    };
    let on_holiday = sessions::add(
        &mut conn,
        &s.coordinator,
        &b,
        holiday,
        &details(),
        false,
        origin(),
    )
    .unwrap();
    assert_eq!(on_holiday.unwrap_err()[0].code(), "closed");
    let late = sessions::add(
        &mut conn,
        &s.coordinator,
        &b,
        evening,
        &details(),
        false,
        origin(),
    )
    .unwrap();
    assert_eq!(late.unwrap_err()[0].code(), "outside_school_hours");
    // Kept anyway on purpose.
    let kept = sessions::add(
        &mut conn,
        &s.coordinator,
        &b,
        evening,
        &details(),
        true,
        origin(),
    )
    .unwrap();
    assert!(kept.is_ok());
    let count: i64 = group_sessions::table
        .filter(group_sessions::group_id.eq_any([&a, &b]))
        .count()
        .get_result(&mut conn)
        .unwrap();
    assert_eq!(count, 2);
}

fn mark(p: &str, m: Mark, at: chrono::NaiveDateTime, key: &str) -> MarkInput {
    MarkInput {
        participant_id: p.to_owned(),
        mark: m,
        reason: (m == Mark::Excused).then_some(ExcuseReason::SickChild),
        marked_at: at,
        key: key.to_owned(),
    }
}

#[test]
fn attendance_is_idempotent_across_replays_and_devices() {
    let s = setup();
    let mut conn = s.db.get().unwrap();
    let (_, session) = three_members_and_a_session(&s, &mut conn, d(2026, 11, 17));
    let now = test_now().naive_utc();
    let p = &s.participants;
    let batch = vec![
        mark(
            &p[0],
            Mark::Present,
            now - Duration::minutes(10),
            "key-aaaa-0001",
        ),
        mark(
            &p[1],
            Mark::Absent,
            now - Duration::minutes(10),
            "key-aaaa-0002",
        ),
        mark(
            &p[2],
            Mark::Excused,
            now - Duration::minutes(10),
            "key-aaaa-0003",
        ),
    ];
    let first = attendance::save(&mut conn, &s.facilitator, &session, &batch, origin()).unwrap();
    assert_eq!(first.applied, 3);
    let entries = |conn: &mut DbConn| -> i64 {
        audit_log::table
            .filter(audit_log::action.eq("attendance.save"))
            .count()
            .get_result(conn)
            .unwrap()
    };
    let trail = entries(&mut conn);
    // The same marks replayed (a double tap, a resend after reconnecting).
    let again = attendance::save(&mut conn, &s.facilitator, &session, &batch, origin()).unwrap();
    assert_eq!((again.applied, again.replayed), (0, 3));
    assert_eq!(
        entries(&mut conn),
        trail,
        "a replay writes nothing, not even to the trail"
    );
    // A second phone, offline since earlier, marked p[1] late before the
    // first phone marked her absent: the later mark stays.
    let older = vec![mark(
        &p[1],
        Mark::Late,
        now - Duration::minutes(20),
        "key-bbbb-0001",
    )];
    let stale = attendance::save(&mut conn, &s.coordinator, &session, &older, origin()).unwrap();
    assert_eq!(stale.superseded, 1);
    // A newer correction from the second phone wins.
    let newer = vec![mark(
        &p[1],
        Mark::Late,
        now - Duration::minutes(5),
        "key-bbbb-0002",
    )];
    assert_eq!(
        attendance::save(&mut conn, &s.coordinator, &session, &newer, origin())
            .unwrap()
            .applied,
        1
    );
    let sheet = attendance::sheet(&mut conn, &s.facilitator, &session, origin()).unwrap();
    let marks: Vec<Option<Mark>> = sheet.lines.iter().map(|l| l.mark).collect();
    assert_eq!(marks.iter().filter(|m| **m == Some(Mark::Late)).count(), 1);
    assert_eq!(marks.len(), 3);
    // Someone who is not a member cannot be marked; nothing of the batch is kept.
    let outsider = vec![
        mark(&p[0], Mark::Absent, now, "key-cccc-0001"),
        mark(&p[5], Mark::Present, now, "key-cccc-0002"),
    ];
    assert!(matches!(
        attendance::save(&mut conn, &s.facilitator, &session, &outsider, origin()),
        Err(GroupError::Invalid(_))
    ));
    let kept: String = schema::attendance::table
        .filter(schema::attendance::participant_id.eq(&p[0]))
        .select(schema::attendance::mark)
        .first(&mut conn)
        .unwrap();
    assert_eq!(kept, "present");
    // An excuse needs its reason.
    let mut no_reason = mark(&p[0], Mark::Excused, now, "key-dddd-0001");
    no_reason.reason = None;
    assert!(attendance::save(&mut conn, &s.facilitator, &session, &[no_reason], origin()).is_err());
    // A casemanager who does not lead the group cannot mark.
    assert!(matches!(
        attendance::save(
            &mut conn,
            &s.cm1,
            &session,
            &[mark(&p[0], Mark::Present, now, "key-eeee-0001")],
            origin()
        ),
        Err(GroupError::Access(AccessError::Denied(Denied::NotAssigned)))
    ));
}

#[test]
fn two_unexplained_absences_put_her_on_the_call_list_and_hours_add_up() {
    let s = setup();
    let mut conn = s.db.get().unwrap();
    let g = group(&s, &mut conn, 12);
    let p = s.participants[0].clone();
    groups::place(
        &mut conn,
        &s.coordinator,
        &g,
        &p,
        d(2026, 10, 1),
        false,
        origin(),
    )
    .unwrap();
    let now = test_now().naive_utc();
    let mut ids = Vec::new();
    for (i, day) in [
        d(2026, 10, 6),
        d(2026, 10, 13),
        d(2026, 11, 10),
        d(2026, 11, 17),
    ]
    .into_iter()
    .enumerate()
    {
        let slot = Slot {
            date: day,
            start: t(9, 30),
            end: t(12, 15),
        };
        let id = sessions::add(
            &mut conn,
            &s.coordinator,
            &g,
            slot,
            &details(),
            false,
            origin(),
        )
        .unwrap()
        .unwrap();
        let m = if i < 2 { Mark::Present } else { Mark::Absent };
        attendance::save(
            &mut conn,
            &s.facilitator,
            &id,
            &[mark(&p, m, now, &format!("key-call-000{i}"))],
            origin(),
        )
        .unwrap();
        ids.push(id);
    }
    let calls = attendance::to_call(&mut conn, &s.coordinator).unwrap();
    assert_eq!(calls.len(), 1);
    assert_eq!(calls[0].participant_id, p);
    assert_eq!(calls[0].last_absence, d(2026, 11, 17));
    let org = s.coordinator.organisation_id().unwrap().to_owned();
    let (lines, dates) = attendance::hours_of(&mut conn, &org, &p).unwrap();
    assert_eq!(dates.len(), 2);
    assert_eq!(lines.len(), 1);
    assert_eq!((lines[0].month, lines[0].hours), (10, 5.5));
    let rates = attendance::rates(&mut conn, &org, &g).unwrap();
    assert_eq!(rates[0].percent(), Some(50));
    // An excuse after the absences takes her off the list.
    attendance::save(
        &mut conn,
        &s.facilitator,
        &ids[3],
        &[mark(&p, Mark::Excused, now, "key-call-0009")],
        origin(),
    )
    .unwrap();
    assert!(
        attendance::to_call(&mut conn, &s.coordinator)
            .unwrap()
            .is_empty()
    );
}

#[test]
fn staying_away_from_aftercare_is_not_a_problem() {
    let s = setup();
    let mut conn = s.db.get().unwrap();
    let g = group(&s, &mut conn, 12);
    let p = s.participants[0].clone();
    groups::place(
        &mut conn,
        &s.coordinator,
        &g,
        &p,
        d(2026, 10, 1),
        false,
        origin(),
    )
    .unwrap();
    let now = test_now().naive_utc();
    // Two babbelcafés she did not come to, without a word.
    for (i, day) in [d(2026, 10, 13), d(2026, 11, 17)].into_iter().enumerate() {
        let slot = Slot {
            date: day,
            start: t(9, 30),
            end: t(11, 0),
        };
        let id = sessions::add(
            &mut conn,
            &s.coordinator,
            &g,
            slot,
            &SessionDetails {
                kind: SessionKind::Aftercare,
                theme: "Babbelcafé".into(),
                ..details()
            },
            false,
            origin(),
        )
        .unwrap()
        .unwrap();
        attendance::save(
            &mut conn,
            &s.facilitator,
            &id,
            &[mark(&p, Mark::Absent, now, &format!("key-aftercare-{i}"))],
            origin(),
        )
        .unwrap();
    }
    assert!(
        !attendance::to_call(&mut conn, &s.coordinator)
            .unwrap()
            .iter()
            .any(|c| c.participant_id == p),
        "aftercare absences flag no one"
    );
}

#[test]
fn a_facilitator_sees_her_group_but_never_a_file() {
    let s = setup();
    let mut conn = s.db.get().unwrap();
    let g = group(&s, &mut conn, 12);
    let p = s.participants[0].clone();
    groups::place(
        &mut conn,
        &s.coordinator,
        &g,
        &p,
        d(2026, 11, 2),
        false,
        origin(),
    )
    .unwrap();
    let view = groups::view(&mut conn, &s.facilitator, &g, origin()).unwrap();
    assert_eq!(view.members.len(), 1);
    let file = files::read_file(&mut conn, &s.facilitator, &p, origin());
    assert!(matches!(file, Err(AccessError::Denied(Denied::Role))));
    // Not her group: refused, and the refusal is in the trail.
    let other = groups::create(
        &mut conn,
        &s.coordinator,
        &NewGroup {
            programme_id: s.programme_id.clone(),
            kind: "adults".into(),
            name: "Andere groep".into(),
            ..Default::default()
        },
        origin(),
    )
    .unwrap();
    assert!(matches!(
        groups::view(&mut conn, &s.facilitator, &other, origin()),
        Err(AccessError::Denied(Denied::NotAssigned))
    ));
    let refusals: i64 = audit_log::table
        .filter(audit_log::action.eq("group.read"))
        .filter(audit_log::subject_id.eq(&other))
        .filter(audit_log::outcome.eq("denied"))
        .count()
        .get_result(&mut conn)
        .unwrap();
    assert_eq!(refusals, 1);
    // Her list holds her own groups only; the coordinator's all of them.
    let today = d(2026, 11, 22);
    let ids =
        |list: Vec<groups::GroupLine>| list.into_iter().map(|l| l.group.id).collect::<Vec<_>>();
    let hers = ids(groups::list(&mut conn, &s.facilitator, today, origin()).unwrap());
    assert!(hers.contains(&g) && !hers.contains(&other));
    let all = ids(groups::list(&mut conn, &s.coordinator, today, origin()).unwrap());
    assert!(all.contains(&g) && all.contains(&other));
}

#[test]
fn bad_group_input_changes_nothing() {
    let s = setup();
    let mut conn = s.db.get().unwrap();
    let before: i64 = schema::groups::table.count().get_result(&mut conn).unwrap();
    let bad = groups::create(
        &mut conn,
        &s.coordinator,
        &NewGroup {
            programme_id: "no-such-programme".into(),
            kind: "adults".into(),
            name: " ".into(),
            ..Default::default()
        },
        origin(),
    );
    match bad {
        Err(GroupError::Invalid(errors)) => {
            let fields: Vec<&str> = errors.iter().map(|e| e.field).collect();
            assert_eq!(fields, vec!["name", "programme_id"]);
        }
        other => panic!("expected field errors, got {other:?}"),
    }
    let count: i64 = schema::groups::table.count().get_result(&mut conn).unwrap();
    assert_eq!(count, before);
}

#[test]
fn two_devices_sending_at_the_same_moment_both_succeed_once() {
    let s = setup();
    let mut conn = s.db.get().unwrap();
    let (_, session) = three_members_and_a_session(&s, &mut conn, d(2026, 11, 18));
    drop(conn);
    let now = test_now().naive_utc();
    // The same marks (same keys) from two threads at once: a replay racing
    // the original. Each must answer, and the marks count once.
    let batch: Vec<MarkInput> = s.participants[..3]
        .iter()
        .enumerate()
        .map(|(i, p)| mark(p, Mark::Present, now, &format!("key-race-000{i}")))
        .collect();
    let results: Vec<attendance::Saved> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..2)
            .map(|_| {
                let (db, batch, session, who) = (&s.db, &batch, &session, &s.facilitator);
                scope.spawn(move || {
                    let mut c = db.get().unwrap();
                    attendance::save(&mut c, who, session, batch, origin()).unwrap()
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert_eq!(results.iter().map(|r| r.applied).sum::<usize>(), 3);
    assert_eq!(results.iter().map(|r| r.replayed).sum::<usize>(), 3);
    // Two placements racing for the last place: one member, one refused.
    let mut conn = s.db.get().unwrap();
    let small = group(&s, &mut conn, 2);
    groups::place(
        &mut conn,
        &s.coordinator,
        &small,
        &s.participants[5],
        d(2026, 11, 2),
        false,
        origin(),
    )
    .unwrap();
    drop(conn);
    let outcomes: Vec<bool> = std::thread::scope(|scope| {
        let handles: Vec<_> = s.participants[3..5]
            .iter()
            .map(|p| {
                let (db, who, small) = (&s.db, &s.coordinator, &small);
                scope.spawn(move || {
                    let mut c = db.get().unwrap();
                    match groups::place(&mut c, who, small, p, d(2026, 11, 2), false, origin()) {
                        Ok(Placed::Member) => true,
                        Err(GroupError::Full { .. }) => false,
                        other => panic!("unexpected {other:?}"),
                    }
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert_eq!(outcomes.iter().filter(|m| **m).count(), 1);
}

#[test]
fn a_series_warns_of_double_bookings_and_saves_only_when_kept() {
    let s = setup();
    let mut conn = s.db.get().unwrap();
    let a = group(&s, &mut conn, 12);
    let b = group(&s, &mut conn, 12);
    // Group A meets on Tuesday 2 March 2027; group B plans Tuesdays in March
    // with the same facilitator at an overlapping time.
    let slot = Slot {
        date: d(2027, 3, 2),
        start: t(9, 30),
        end: t(12, 0),
    };
    sessions::add(
        &mut conn,
        &s.coordinator,
        &a,
        slot,
        &details(),
        false,
        origin(),
    )
    .unwrap()
    .unwrap();
    let request = sessions::request(
        d(2027, 3, 2),
        d(2027, 3, 23),
        Rhythm::Weekly,
        t(10, 0),
        t(12, 0),
        false,
    );
    let preview = sessions::preview(
        &mut conn,
        &s.coordinator,
        &b,
        &request,
        &details(),
        origin(),
    )
    .unwrap();
    assert_eq!(preview.conflicts.len(), 1);
    assert_eq!(preview.conflicts[0].0, d(2027, 3, 2));
    assert_eq!(
        preview.conflicts_on(d(2027, 3, 2))[0].code(),
        "facilitator_taken"
    );
    assert!(preview.conflicts_on(d(2027, 3, 9)).is_empty());
    let count = |conn: &mut DbConn| -> i64 {
        group_sessions::table
            .filter(group_sessions::group_id.eq(&b))
            .count()
            .get_result(conn)
            .unwrap()
    };
    let answered = sessions::save_series(
        &mut conn,
        &s.coordinator,
        &b,
        &request,
        &details(),
        false,
        origin(),
    )
    .unwrap();
    assert!(answered.is_err(), "conflicts are answered, not saved");
    assert_eq!(count(&mut conn), 0);
    let kept = sessions::save_series(
        &mut conn,
        &s.coordinator,
        &b,
        &request,
        &details(),
        true,
        origin(),
    )
    .unwrap()
    .unwrap();
    assert_eq!(kept.len(), 4);
    assert_eq!(count(&mut conn), 4);
}

/// A room taken at an overlapping time is a conflict whoever facilitates;
/// the same room at another time, or another room and other people at the
/// same time, is not; and only the series' own dates are looked at.
#[test]
fn a_series_warns_of_a_room_taken_and_of_nothing_else() {
    let s = setup();
    let mut conn = s.db.get().unwrap();
    let org = s.coordinator.organisation_id().unwrap().to_owned();
    let rooms: Vec<String> = schema::rooms::table
        .filter(schema::rooms::organisation_id.eq(&org))
        .order(schema::rooms::id)
        .select(schema::rooms::id)
        .load(&mut conn)
        .unwrap();
    assert!(rooms.len() >= 2, "the demo organisation has rooms");
    let a = group(&s, &mut conn, 12);
    let b = group(&s, &mut conn, 12);
    let in_room = |room: &str, who: &Actor| SessionDetails {
        room_id: Some(room.to_owned()),
        facilitator_ids: vec![who.user_id().to_owned()],
        ..details()
    };
    // Group A: room 0 on 2 March, 09:30-12:00, and on 16 March in the
    // afternoon; room 1 on 9 March; and room 0 on 30 March, after the series.
    for (day, start, end, room) in [
        (d(2027, 3, 2), t(9, 30), t(12, 0), &rooms[0]),
        (d(2027, 3, 16), t(13, 0), t(14, 30), &rooms[0]),
        (d(2027, 3, 9), t(9, 30), t(12, 0), &rooms[1]),
        (d(2027, 3, 30), t(9, 30), t(12, 0), &rooms[0]),
    ] {
        sessions::add(
            &mut conn,
            &s.coordinator,
            &a,
            Slot {
                date: day,
                start,
                end,
            },
            &in_room(room, &s.coordinator),
            true,
            origin(),
        )
        .unwrap()
        .unwrap();
    }
    // Group B plans Tuesdays 2-23 March in room 0 with another facilitator.
    let request = sessions::request(
        d(2027, 3, 2),
        d(2027, 3, 23),
        Rhythm::Weekly,
        t(10, 0),
        t(12, 0),
        false,
    );
    let preview = sessions::preview(
        &mut conn,
        &s.coordinator,
        &b,
        &request,
        &in_room(&rooms[0], &s.facilitator),
        origin(),
    )
    .unwrap();
    let found: Vec<(NaiveDate, Vec<&str>)> = preview
        .conflicts
        .iter()
        .map(|(day, c)| (*day, c.iter().map(|c| c.code()).collect()))
        .collect();
    assert_eq!(found, vec![(d(2027, 3, 2), vec!["room_taken"])]);
}

#[test]
fn a_session_moves_with_its_conflicts_and_a_stale_form_changes_nothing() {
    let s = setup();
    let mut conn = s.db.get().unwrap();
    let a = group(&s, &mut conn, 12);
    let b = group(&s, &mut conn, 12);
    let slot = Slot {
        date: d(2027, 3, 2),
        start: t(9, 30),
        end: t(12, 0),
    };
    sessions::add(
        &mut conn,
        &s.coordinator,
        &a,
        slot,
        &details(),
        false,
        origin(),
    )
    .unwrap()
    .unwrap();
    let other_day = Slot {
        date: d(2027, 3, 3),
        ..slot
    };
    let id = sessions::add(
        &mut conn,
        &s.coordinator,
        &b,
        other_day,
        &details(),
        false,
        origin(),
    )
    .unwrap()
    .unwrap();
    // A new theme only: saved, not a move.
    let mut changed = details();
    changed.theme = "Nieuw thema".into();
    let first = sessions::update(
        &mut conn,
        &s.coordinator,
        &id,
        1,
        other_day,
        &changed,
        false,
        origin(),
    )
    .unwrap()
    .unwrap();
    assert!(!first.moved);
    // The form still at version 1 is stale now.
    let stale = sessions::update(
        &mut conn,
        &s.coordinator,
        &id,
        1,
        slot,
        &changed,
        false,
        origin(),
    );
    assert!(matches!(stale, Err(GroupError::Stale)));
    // Moving onto group A's morning: the facilitator is taken; not saved.
    let clash = sessions::update(
        &mut conn,
        &s.coordinator,
        &id,
        2,
        slot,
        &changed,
        false,
        origin(),
    )
    .unwrap();
    let codes: Vec<&str> = clash
        .as_ref()
        .unwrap_err()
        .iter()
        .map(|c| c.code())
        .collect();
    assert_eq!(codes, vec!["facilitator_taken"]);
    let held_on: NaiveDate = group_sessions::table
        .find(&id)
        .select(group_sessions::held_on)
        .first(&mut conn)
        .unwrap();
    assert_eq!(held_on, d(2027, 3, 3));
    // To the afternoon: no conflict, and it is a move.
    let afternoon = Slot {
        start: t(13, 0),
        end: t(14, 30),
        ..slot
    };
    let moved = sessions::update(
        &mut conn,
        &s.coordinator,
        &id,
        2,
        afternoon,
        &changed,
        false,
        origin(),
    )
    .unwrap()
    .unwrap();
    assert!(moved.moved);
    let (on, start, theme): (NaiveDate, NaiveTime, String) = group_sessions::table
        .find(&id)
        .select((
            group_sessions::held_on,
            group_sessions::starts_at,
            group_sessions::theme,
        ))
        .first(&mut conn)
        .unwrap();
    assert_eq!(
        (on, start, theme.as_str()),
        (d(2027, 3, 2), t(13, 0), "Nieuw thema")
    );
    // A facilitator cannot move sessions.
    assert!(matches!(
        sessions::update(
            &mut conn,
            &s.facilitator,
            &id,
            3,
            slot,
            &changed,
            true,
            origin()
        ),
        Err(GroupError::Access(AccessError::Denied(Denied::Role)))
    ));
}

#[test]
fn the_practice_bank_is_shared_only_on_purpose() {
    use db::groups::practices::{self, PracticeInput};
    let s = setup();
    let mut conn = s.db.get().unwrap();
    let input = |title: &str, shared: bool| PracticeInput {
        title: title.into(),
        life_domain: "social".into(),
        minutes: "60".into(),
        shared,
        ..Default::default()
    };
    // Bad input is refused field by field and saves nothing.
    let bad = practices::create(
        &mut conn,
        &s.facilitator,
        &PracticeInput {
            title: "x".into(),
            life_domain: "astrology".into(),
            minutes: "0".into(),
            ..Default::default()
        },
        origin(),
    );
    match bad {
        Err(GroupError::Invalid(errors)) => {
            let fields: Vec<&str> = errors.iter().map(|e| e.field).collect();
            assert_eq!(fields, vec!["title", "life_domain", "minutes"]);
        }
        other => panic!("expected field errors, got {other:?}"),
    }
    // A facilitator keeps the bank too.
    let private = practices::create(
        &mut conn,
        &s.facilitator,
        &input("Demo: eigen werkvorm", false),
        origin(),
    )
    .unwrap();
    let shared = practices::create(
        &mut conn,
        &s.coordinator,
        &input("Demo: gedeelde werkvorm", true),
        origin(),
    )
    .unwrap();
    // Another organisation on the instance.
    let other = repo::new_organisation(
        "andere-test",
        "Andere Teststad",
        domain::model::Language::Nl,
        true,
        test_now().naive_utc(),
    );
    repo::insert_organisation(&mut conn, &other).unwrap();
    let elsewhere = Actor::Staff {
        user_id: s.cm1.user_id().to_owned(),
        organisation_id: other.id.clone(),
        role: domain::model::Role::Casemanager,
    };
    let seen = practices::list(&mut conn, &elsewhere, origin()).unwrap();
    let ids: Vec<&str> = seen.iter().map(|l| l.practice.id.as_str()).collect();
    assert!(ids.contains(&shared.as_str()));
    assert!(!ids.contains(&private.as_str()));
    assert!(seen.iter().all(|l| !l.own));
    // Shared means read-only elsewhere, and never someone's private one.
    assert!(
        practices::update(
            &mut conn,
            &elsewhere,
            &shared,
            1,
            &input("Overgenomen", true),
            origin()
        )
        .is_err()
    );
    assert!(practices::get(&mut conn, &elsewhere, &private, origin()).is_err());
    // Usable in a session there; the theme defaults to its title.
    assert!(
        practices::usable(&mut conn, &other.id, &shared)
            .unwrap()
            .is_some()
    );
    assert!(
        practices::usable(&mut conn, &other.id, &private)
            .unwrap()
            .is_none()
    );
    let g = group(&s, &mut conn, 12);
    let mut with_practice = details();
    with_practice.theme = String::new();
    with_practice.practice_id = Some(private.clone());
    let slot = Slot {
        date: d(2027, 3, 9),
        start: t(9, 30),
        end: t(12, 0),
    };
    let id = sessions::add(
        &mut conn,
        &s.coordinator,
        &g,
        slot,
        &with_practice,
        false,
        origin(),
    )
    .unwrap()
    .unwrap();
    let theme: String = group_sessions::table
        .find(&id)
        .select(group_sessions::theme)
        .first(&mut conn)
        .unwrap();
    assert_eq!(theme, "Demo: eigen werkvorm");
    // A stale edit changes nothing; the owner's edit goes through.
    practices::update(
        &mut conn,
        &s.coordinator,
        &private,
        1,
        &input("Demo: herwerkt", false),
        origin(),
    )
    .unwrap();
    assert!(matches!(
        practices::update(
            &mut conn,
            &s.coordinator,
            &private,
            1,
            &input("Demo: te laat", false),
            origin()
        ),
        Err(GroupError::Stale)
    ));
    let title = practices::get(&mut conn, &s.coordinator, &private, origin())
        .unwrap()
        .practice
        .title;
    assert_eq!(title, "Demo: herwerkt");
    // An administrator has no business in the bank.
    let admin = actor_for(&mut conn, "beheerder@demostad.example");
    assert!(matches!(
        practices::list(&mut conn, &admin, origin()),
        Err(GroupError::Access(AccessError::Denied(Denied::Role)))
    ));
}

#[test]
fn a_series_in_a_year_without_a_known_calendar_says_so() {
    let s = setup();
    let mut conn = s.db.get().unwrap();
    let g = group(&s, &mut conn, 12);
    let request = sessions::request(
        d(2027, 1, 4),
        d(2027, 2, 22),
        Rhythm::Weekly,
        t(9, 30),
        t(12, 0),
        false,
    );
    let flemish = sessions::preview(
        &mut conn,
        &s.coordinator,
        &g,
        &request,
        &details(),
        origin(),
    )
    .unwrap();
    assert!(
        flemish.unknown_years.is_empty(),
        "the Flemish rule knows every year"
    );
    // The German-speaking Community ships no year: nothing is skipped for
    // school holidays there, and the planner is told which year is missing.
    diesel::update(schema::organisations::table.find(s.coordinator.organisation_id().unwrap()))
        .set(schema::organisations::community.eq("german"))
        .execute(&mut conn)
        .unwrap();
    let german = sessions::preview(
        &mut conn,
        &s.coordinator,
        &g,
        &request,
        &details(),
        origin(),
    )
    .unwrap();
    assert_eq!(german.unknown_years, vec!["2026-2027".to_owned()]);
    let krokus = d(2027, 2, 8);
    let skipped_in_flanders = flemish
        .planned
        .iter()
        .any(|p| p.date == krokus && p.skipped.is_some());
    let planned_in_german = german
        .planned
        .iter()
        .any(|p| p.date == krokus && p.skipped.is_none());
    assert!(skipped_in_flanders && planned_in_german);
}

/// The demo is seeded on whatever day someone tries it, school holidays
/// too (all of July and August): the facilitator's coming week still has
/// sessions with members, and the casemanager's people a coming session on
/// their page.
#[test]
fn the_demo_has_sessions_in_the_coming_week_even_in_school_holidays() {
    // Christmas, summer and autumn holidays of Flemish schools.
    for at in [
        "2026-12-23T09:00:00Z",
        "2027-07-15T14:00:00Z",
        "2026-11-04T18:00:00Z",
    ] {
        let now: chrono::DateTime<chrono::Utc> = at.parse().unwrap();
        let today = domain::clock::brussels_date(now);
        let database = TestDatabase::new();
        let db = database.open_with_demo(now);
        let mut conn = db.get().unwrap();
        let facilitator = actor_for(&mut conn, "facilitator@demostad.example");
        let week = sessions::my_week(&mut conn, &facilitator, today).unwrap();
        assert!(
            week.iter()
                .any(|w| w.session.held_on > today && !w.session.cancelled && w.members > 0),
            "no coming session with members for the facilitator, seeded at {at}"
        );
        let cm1 = actor_for(&mut conn, "casemanager1@demostad.example");
        let org = cm1.organisation_id().unwrap().to_owned();
        let hers: Vec<String> = schema::trajectories::table
            .filter(schema::trajectories::casemanager_id.eq(cm1.user_id()))
            .filter(schema::trajectories::status.eq("active"))
            .select(schema::trajectories::participant_id)
            .load(&mut conn)
            .unwrap();
        let with_session = hers
            .iter()
            .filter(|p| {
                db::messages::page::her_page(&mut conn, &org, p, now.naive_utc())
                    .unwrap()
                    .is_some_and(|page| page.sessions.iter().any(|s| !s.cancelled))
            })
            .count();
        assert!(
            with_session > 0,
            "none of the casemanager's people has a coming session, seeded at {at}"
        );
    }
}

#[test]
fn a_file_page_shows_her_groups_messages_and_links_as_the_separate_reads_do() {
    // PostgreSQL reads what the file's page shows beside the file in one
    // statement, SQLite in several: the answer must be that of the reads
    // one by one, for every participant of the demo organisation.
    use db::messages::links;
    use domain::messages::LinkKind;
    let now = test_now();
    let database = TestDatabase::new();
    let db = database.open_with_demo(now);
    let mut conn = db.get().unwrap();
    let coordinator = actor_for(&mut conn, "coordinator@demostad.example");
    let org = coordinator.organisation_id().unwrap().to_owned();
    let people: Vec<db::models::Participant> = schema::participants::table
        .filter(schema::participants::organisation_id.eq(&org))
        .select(db::models::Participant::as_select())
        .load(&mut conn)
        .unwrap();
    // Her links: a page link replaced by a newer one, and a feed.
    let first = &people[0].id;
    let at = now.naive_utc();
    for (kind, seconds) in [
        (LinkKind::Page, 0),
        (LinkKind::Page, 1),
        (LinkKind::Feed, 2),
    ] {
        let when = Origin::new(None, at + Duration::seconds(seconds));
        links::create_for_participant(&mut conn, &coordinator, first, Some(kind), when).unwrap();
    }
    let (mut in_groups, mut placeable, mut messaged) = (0, 0, 0);
    let (mut reassignable, mut closed) = (0, 0);
    let wants = |casemanagers| files::PageWants {
        casemanagers,
        now: at,
        choices: None,
    };
    let choices = std::sync::Arc::new(files::org_choices(&mut conn, &org).unwrap());
    assert!(!choices.casemanagers.is_empty() && !choices.languages.is_empty());
    // Choices kept from an earlier page are used as given, not read again.
    let kept = std::sync::Arc::new(files::OrgChoices {
        casemanagers: vec![("kept-id".into(), "Kept Fictief".into())],
        languages: vec!["ti".into()],
    });
    let (mut used_kept, mut reassignable_kept) = (0, 0);
    for p in &people {
        let (file, extras) =
            files::read_file_page(&mut conn, &coordinator, &p.id, origin(), wants(true)).unwrap();
        // The file is the one `read_file` gives.
        let alone = files::read_file(&mut conn, &coordinator, &p.id, origin()).unwrap();
        assert_eq!(format!("{file:?}"), format!("{alone:?}"));
        // The casemanagers are listed only to reassign an open trajectory.
        let open = file
            .trajectories
            .iter()
            .any(|t| files::trajectory::OPEN.contains(&t.trajectory.status.as_str()));
        let one_by_one = files::PageExtras {
            casemanagers: if open {
                files::trajectory::casemanagers(&mut conn, &org).unwrap()
            } else {
                Vec::new()
            },
            placement: groups::placement(&mut conn, &org, &p.id).unwrap(),
            reach: links::reach_of(&mut conn, p, at, &choices.languages).unwrap(),
            choices: choices.clone(),
        };
        assert_eq!(extras, one_by_one, "{}", p.first_name);
        let given = files::PageWants {
            choices: Some(kept.clone()),
            ..wants(true)
        };
        let (_, with_kept) =
            files::read_file_page(&mut conn, &coordinator, &p.id, origin(), given).unwrap();
        assert!(std::sync::Arc::ptr_eq(&with_kept.choices, &kept));
        assert_eq!(with_kept.reach.languages, ["ti"]);
        assert_eq!(with_kept.placement, extras.placement);
        used_kept += 1;
        if open {
            assert_eq!(with_kept.casemanagers, kept.casemanagers);
            reassignable_kept += 1;
        } else {
            assert!(with_kept.casemanagers.is_empty());
        }
        in_groups += usize::from(!extras.placement.1.is_empty());
        placeable += usize::from(!extras.placement.0.is_empty());
        messaged += usize::from(!extras.reach.messages.is_empty());
        reassignable += usize::from(!extras.casemanagers.is_empty());
        closed += usize::from(!open);
        assert!(!extras.reach.languages.is_empty());
        let (_, without) =
            files::read_file_page(&mut conn, &coordinator, &p.id, origin(), wants(false)).unwrap();
        assert!(without.casemanagers.is_empty());
        assert_eq!(without.placement, extras.placement);
    }
    // Not a comparison of empty lists.
    assert!(in_groups > 0 && placeable > 0 && messaged > 0);
    assert!(reassignable > 0 && closed > 0, "{reassignable} {closed}");
    assert!(used_kept > 0 && reassignable_kept == reassignable);
    let (_, hers) = files::read_file_page(
        &mut conn,
        &coordinator,
        &people[0].id,
        origin(),
        wants(true),
    )
    .unwrap();
    let kinds: Vec<&str> = hers.reach.links.iter().map(|l| l.kind.as_str()).collect();
    assert_eq!(
        kinds,
        ["feed", "page"],
        "newest first, the replaced page link gone"
    );
}
