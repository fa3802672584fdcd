//! Reaching her: her personal page behind an unguessable link (expired,
//! revoked, guessed and rate-limited links open nothing), "I can't come"
//! ending as an excused absence her casemanager is told about, calendar
//! feeds that parse as RFC 5545 and follow a cancelled session, and a
//! further language written right to left.

use diesel::prelude::*;
use test_support::{As, TestApp};

/// A participant of casemanager 1 with a coming session she has no mark
/// for, that session, and a session of a group she is not in.
async fn her_and_a_session(app: &TestApp) -> (String, String, String, String, String) {
    app.with_db(|conn| {
        use db::schema::{group_sessions, participants, trajectories, users};
        let cm: String = users::table
            .filter(users::email.eq(As::Casemanager.email()))
            .select(users::id)
            .first(conn)
            .unwrap();
        let mine: Vec<(String, String)> = trajectories::table
            .inner_join(participants::table)
            .filter(trajectories::casemanager_id.eq(&cm))
            .select((participants::id, participants::organisation_id))
            .load(conn)
            .unwrap();
        let now = test_support::test_now().naive_utc();
        for (pid, org) in mine {
            let page = db::messages::page::her_page(conn, &org, &pid, now)
                .unwrap()
                .unwrap();
            let Some(s) = page
                .sessions
                .iter()
                .find(|s| !s.cancelled && s.mark.is_none())
            else {
                continue;
            };
            let theirs: Vec<&String> = page.sessions.iter().map(|s| &s.id).collect();
            let other: String = group_sessions::table
                .filter(group_sessions::organisation_id.eq(&org))
                .filter(group_sessions::id.ne_all(theirs))
                .filter(group_sessions::held_on.gt(now.date()))
                .select(group_sessions::id)
                .first(conn)
                .unwrap();
            let last: String = participants::table
                .find(&pid)
                .select(participants::last_name)
                .first(conn)
                .unwrap();
            return (pid, org, s.id.clone(), other, last);
        }
        panic!("the demo has a participant of casemanager 1 with a coming session");
    })
    .await
}

/// Makes a link on her file as her casemanager; returns its address.
async fn make_link(app: &TestApp, cm: &reqwest::Client, pid: &str, kind: &str) -> String {
    let csrf = app.csrf(cm).await;
    let page = cm
        .post(app.url(&format!("/participants/{pid}/links")))
        .form(&[("csrf", csrf.as_str()), ("kind", kind), ("send", "1")])
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(html.contains("<svg"), "a QR code to print");
    let start = html.find("id=\"link-url\"").unwrap();
    let value = &html[start..];
    let value = &value[value.find("value=\"").unwrap() + 7..];
    value[..value.find('"').unwrap()].to_owned()
}

fn path_of(url: &str) -> String {
    let rest = url.split_once("://").unwrap().1;
    rest[rest.find('/').unwrap()..].to_owned()
}

#[tokio::test]
async fn her_page_lets_her_say_she_cannot_come_and_her_casemanager_is_told() {
    let app = TestApp::builder().with_demo().spawn().await;
    let (pid, _org, session, other, last_name) = her_and_a_session(&app).await;
    let cm = app.client_as(As::Casemanager).await;
    let link = make_link(&app, &cm, &pid, "page").await;
    let page_path = path_of(&link);
    assert!(page_path.starts_with("/p/") && page_path.len() == 3 + 64);
    let visitor = app.new_client();

    let page = visitor.get(app.url(&page_path)).send().await.unwrap();
    assert_eq!(page.status(), 200);
    assert_eq!(page.headers()["cache-control"], "no-store");
    let html = page.text().await.unwrap();
    assert!(html.contains(&format!("/absence/{session}")), "{html}");
    assert!(!html.contains(&last_name), "no surname on her page");
    assert!(html.contains("own-speak"), "the read-aloud button");

    // Another group's session cannot be excused through her link.
    let refused = visitor
        .post(app.url(&format!("{page_path}/absence/{other}")))
        .form(&[("reason", "transport")])
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 200);
    let other_marks: i64 = app
        .with_db(move |conn| {
            use db::schema::attendance;
            attendance::table
                .filter(attendance::session_id.eq(&other))
                .filter(attendance::marked_by.is_null())
                .count()
                .get_result(conn)
                .unwrap()
        })
        .await;
    assert_eq!(other_marks, 0);

    // The reasons, one tap each; then twice the same tap.
    let form = visitor
        .get(app.url(&format!("{page_path}/absence/{session}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(form.contains("value=\"sick_child\""), "{form}");
    for _ in 0..2 {
        let done = visitor
            .post(app.url(&format!("{page_path}/absence/{session}")))
            .form(&[("reason", "sick_child")])
            .send()
            .await
            .unwrap();
        assert_eq!(done.status(), 200);
        let html = done.text().await.unwrap();
        assert!(html.contains("own-notice"), "{html}");
        assert!(
            !html.contains(&format!("/absence/{session}\"")),
            "no second button"
        );
    }
    let (s, p) = (session.clone(), pid.clone());
    let (mark, reason, by, notices, audited) = app
        .with_db(move |conn| {
            use db::schema::{attendance, audit_log, messages};
            let (mark, reason, by): (String, Option<String>, Option<String>) = attendance::table
                .filter(attendance::session_id.eq(&s))
                .filter(attendance::participant_id.eq(&p))
                .select((attendance::mark, attendance::reason, attendance::marked_by))
                .first(conn)
                .unwrap();
            let notices: Vec<(String, String)> = messages::table
                .filter(messages::kind.eq("absence_reported"))
                .filter(messages::dedupe_key.like(format!("absence:{s}:{p}:%")))
                .select((messages::channel, messages::facts))
                .load(conn)
                .unwrap();
            let audited: i64 = audit_log::table
                .filter(audit_log::action.eq("attendance.self_excuse"))
                .filter(audit_log::subject_id.eq(&p))
                .count()
                .get_result(conn)
                .unwrap();
            (mark, reason, by, notices, audited)
        })
        .await;
    assert_eq!(
        (mark.as_str(), reason.as_deref()),
        ("excused", Some("sick_child"))
    );
    assert_eq!(by, None, "marked by her, not by staff");
    assert_eq!(notices.len(), 1, "her casemanager is told once");
    assert_eq!(notices[0].0, "email");
    assert!(!notices[0].1.contains(&last_name));
    assert_eq!(audited, 1);

    // Her casemanager sees it on her dashboard, with the reason.
    let dashboard = cm
        .get(app.url("/dashboard"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let card = &dashboard[dashboard
        .find("id=\"reported-absences\"")
        .expect("the card")..];
    assert!(card.contains(&format!("/participants/{pid}")), "{card}");
    assert!(
        domain::model::Language::ALL
            .iter()
            .any(|l| card.contains(&i18n::t(*l, "coded-excuse-sick_child")))
    );

    // Revoked: the page no longer opens.
    let link_id: String = {
        let p = pid.clone();
        app.with_db(move |conn| {
            use db::schema::access_links;
            access_links::table
                .filter(access_links::participant_id.eq(&p))
                .filter(access_links::revoked_at.is_null())
                .select(access_links::id)
                .first(conn)
                .unwrap()
        })
        .await
    };
    let csrf = app.csrf(&cm).await;
    let revoked = cm
        .post(app.url(&format!("/participants/{pid}/links/{link_id}/revoke")))
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert!(revoked.status().is_success() || revoked.status().is_redirection());
    let gone = visitor.get(app.url(&page_path)).send().await.unwrap();
    assert_eq!(gone.status(), 404);
}

#[tokio::test]
async fn a_page_link_expires_a_new_one_replaces_it_and_guessing_is_stopped() {
    let app = TestApp::builder().with_demo().spawn().await;
    let (pid, ..) = her_and_a_session(&app).await;
    let cm = app.client_as(As::Casemanager).await;
    let first = path_of(&make_link(&app, &cm, &pid, "page").await);
    let second = path_of(&make_link(&app, &cm, &pid, "page").await);
    let visitor = app.new_client();
    assert_eq!(
        visitor.get(app.url(&first)).send().await.unwrap().status(),
        404
    );
    assert_eq!(
        visitor.get(app.url(&second)).send().await.unwrap().status(),
        200
    );

    // Guessing: twenty links that did not open from one address (the old
    // one above and nineteen guesses), then even hers waits ten minutes.
    for i in 0..19 {
        let guess = format!("/p/{:064x}", i + 1);
        assert_eq!(
            visitor.get(app.url(&guess)).send().await.unwrap().status(),
            404
        );
    }
    assert_eq!(
        visitor.get(app.url(&second)).send().await.unwrap().status(),
        429
    );
    app.clock.advance(chrono::Duration::minutes(11));
    assert_eq!(
        visitor.get(app.url(&second)).send().await.unwrap().status(),
        200
    );

    // Ninety days on, it no longer opens.
    app.clock.advance(chrono::Duration::days(91));
    assert_eq!(
        visitor.get(app.url(&second)).send().await.unwrap().status(),
        404
    );
}

#[tokio::test]
async fn calendar_feeds_are_rfc_5545_and_follow_a_cancelled_session() {
    let app = TestApp::builder().with_demo().spawn().await;
    let (pid, org, session, _, last_name) = her_and_a_session(&app).await;
    let cm = app.client_as(As::Casemanager).await;
    let feed = make_link(&app, &cm, &pid, "feed").await;
    let path = path_of(&feed);
    assert!(path.starts_with("/calendar/"));
    let visitor = app.new_client();
    let got = visitor.get(app.url(&path)).send().await.unwrap();
    assert_eq!(got.status(), 200);
    assert!(
        got.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/calendar")
    );
    let text = got.text().await.unwrap();
    let unfolded = icalendar::parser::unfold(&text);
    let parsed = icalendar::parser::read_calendar(&unfolded).unwrap();
    let events: Vec<_> = parsed
        .components
        .iter()
        .filter(|c| c.name == "VEVENT")
        .collect();
    assert!(!events.is_empty());
    for e in &events {
        for required in ["UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"] {
            assert!(e.find_prop(required).is_some(), "{required} in {text}");
        }
    }
    assert!(text.contains(&format!("UID:{session}@traject")));
    assert!(!text.contains(&last_name), "no surname in her feed");

    // Cancelled: the same UID, STATUS:CANCELLED and a higher SEQUENCE.
    let before = text
        .split("BEGIN:VEVENT")
        .find(|e| e.contains(&format!("UID:{session}@traject")))
        .unwrap()
        .to_owned();
    let s = session.clone();
    app.with_db(move |conn| {
        use db::schema::group_sessions;
        diesel::update(group_sessions::table.find(&s))
            .set((
                group_sessions::cancelled.eq(true),
                group_sessions::version.eq(group_sessions::version + 1),
            ))
            .execute(conn)
            .unwrap();
    })
    .await;
    let text = visitor
        .get(app.url(&path))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let after = text
        .split("BEGIN:VEVENT")
        .find(|e| e.contains(&format!("UID:{session}@traject")))
        .unwrap()
        .to_owned();
    assert!(after.contains("STATUS:CANCELLED"), "{after}");
    let seq = |e: &str| -> u32 {
        e.lines()
            .find_map(|l| l.trim().strip_prefix("SEQUENCE:"))
            .unwrap()
            .parse()
            .unwrap()
    };
    assert_eq!(seq(&after), seq(&before) + 1);

    // A staff member's feed: the facilitator's sessions.
    let fac_feed = app
        .with_db(move |conn| {
            use db::schema::users;
            let fac: String = users::table
                .filter(users::email.eq(As::Facilitator.email()))
                .select(users::id)
                .first(conn)
                .unwrap();
            let actor = domain::policy::Actor::Staff {
                user_id: fac,
                organisation_id: org,
                role: domain::model::Role::Facilitator,
            };
            let origin = db::participants::Origin::new(None, test_support::test_now().naive_utc());
            db::messages::links::renew_own_feed(conn, &actor, origin)
                .unwrap()
                .1
        })
        .await;
    let text = visitor
        .get(app.url(&format!("/calendar/{fac_feed}.ics")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let unfolded = icalendar::parser::unfold(&text);
    let parsed = icalendar::parser::read_calendar(&unfolded).unwrap();
    assert!(
        parsed.components.iter().any(|c| c.name == "VEVENT"),
        "{text}"
    );
}

#[tokio::test]
async fn a_further_language_reads_right_to_left_and_falls_back_to_pictograms() {
    let app = TestApp::builder().with_demo().spawn().await;
    let (pid, org, ..) = her_and_a_session(&app).await;
    let cm = app.client_as(As::Casemanager).await;
    // Tigrinya without texts: pictograms with her preferred language's words.
    let csrf = app.csrf(&cm).await;
    let set = cm
        .post(app.url(&format!("/participants/{pid}/message-language")))
        .form(&[("csrf", csrf.as_str()), ("message_language", "ti")])
        .send()
        .await
        .unwrap();
    assert_eq!(set.status(), 303);
    let link = path_of(&make_link(&app, &cm, &pid, "page").await);
    let visitor = app.new_client();
    let html = visitor
        .get(app.url(&link))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("dir=\"ltr\""), "{html}");
    assert!(html.contains("🙋"));

    // Arabic with an administrator's texts: right to left.
    let admin_org = org.clone();
    app.with_db(move |conn| {
        use db::schema::users;
        let admin: String = users::table
            .filter(users::email.eq(As::Administrator.email()))
            .select(users::id)
            .first(conn)
            .unwrap();
        let actor = domain::policy::Actor::Staff {
            user_id: admin,
            organisation_id: admin_org,
            role: domain::model::Role::Administrator,
        };
        db::messages::texts::save(
            conn,
            &actor,
            "ar",
            &[
                ("page-hello".into(), "مرحبا {name}".into()),
                ("page-cant-come".into(), "لا أستطيع الحضور".into()),
            ],
            db::participants::Origin::new(None, test_support::test_now().naive_utc()),
        )
        .unwrap();
    })
    .await;
    let csrf = app.csrf(&cm).await;
    cm.post(app.url(&format!("/participants/{pid}/message-language")))
        .form(&[("csrf", csrf.as_str()), ("message_language", "ar")])
        .send()
        .await
        .unwrap();
    let html = visitor
        .get(app.url(&link))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("lang=\"ar\" dir=\"rtl\""), "{html}");
    assert!(html.contains("لا أستطيع الحضور"));
    // Bad input: a field error, nothing changed.
    let csrf = app.csrf(&cm).await;
    let bad = cm
        .post(app.url(&format!("/participants/{pid}/message-language")))
        .form(&[("csrf", csrf.as_str()), ("message_language", "arabic")])
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), 422);
    let html = visitor
        .get(app.url(&link))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("lang=\"ar\""));
}

#[tokio::test]
async fn an_administrator_sets_the_reminder_times_and_writes_texts_in_a_further_language() {
    let app = TestApp::builder().with_demo().spawn().await;
    let admin = app.client_as(As::Administrator).await;
    let csrf = app.csrf(&admin).await;
    let offsets = || async {
        app.with_db(|conn| {
            use db::schema::organisations;
            organisations::table
                .select(organisations::reminder_offsets)
                .load::<String>(conn)
                .unwrap()
        })
        .await
    };
    let before = offsets().await;
    // Bad input: every field's error, nothing changed.
    let bad = admin
        .post(app.url("/admin/messages"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("reminder_offsets", "soon"),
            ("quiet_from", "21:00"),
            ("quiet_until", "8 o'clock"),
            ("digest_at", "07:30"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), 422);
    let html = bad.text().await.unwrap();
    assert!(html.contains("id=\"e-reminder_offsets\"") && html.contains("id=\"e-quiet_until\""));
    assert_eq!(offsets().await, before);
    let good = admin
        .post(app.url("/admin/messages"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("reminder_offsets", "2d@18:00, 3h"),
            ("quiet_from", "21:30"),
            ("quiet_until", "08:00"),
            ("digest_at", "07:00"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(good.status(), 303);
    assert!(offsets().await.contains(&"2d@18:00,3h".to_owned()));

    // Texts: a placeholder the text cannot fill is refused with its field.
    let bad = admin
        .post(app.url("/admin/messages/texts"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("language", "ar"),
            ("msg-cancelled", "{name} {place}"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), 422);
    assert!(bad.text().await.unwrap().contains("id=\"e-msg-cancelled\""));
    let good = admin
        .post(app.url("/admin/messages/texts"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("language", "ar"),
            ("msg-reminder", "مرحبا {name} {day} {time} {place}"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(good.status(), 303);
    let page = admin
        .get(app.url("/admin/messages?language=ar"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("مرحبا {name}") && page.contains("dir=\"rtl\""));
    // traject's own four come from its translation files.
    let own = admin
        .post(app.url("/admin/messages/texts"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("language", "nl"),
            ("page-map", "Kaart"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(own.status(), 422);
    // A casemanager may not.
    let cm = app.client_as(As::Casemanager).await;
    let csrf = app.csrf(&cm).await;
    let refused = cm
        .post(app.url("/admin/messages/texts"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("language", "ar"),
            ("page-map", "x"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 403);
}

#[tokio::test]
async fn a_staff_member_subscribes_to_her_own_calendar_and_stops_it() {
    let app = TestApp::builder().with_demo().spawn().await;
    let fac = app.client_as(As::Facilitator).await;
    let csrf = app.csrf(&fac).await;
    let made = fac
        .post(app.url("/account/calendar-feed"))
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(made.contains("webcal://"), "{made}");
    let start = made.find("id=\"link-url\"").unwrap();
    let value = &made[start..];
    let value = &value[value.find("value=\"").unwrap() + 7..];
    let path = path_of(&value[..value.find('"').unwrap()]);
    let visitor = app.new_client();
    let feed = visitor.get(app.url(&path)).send().await.unwrap();
    assert_eq!(feed.status(), 200);
    assert!(feed.text().await.unwrap().contains("BEGIN:VEVENT"));
    let account = fac
        .get(app.url("/account"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(account.contains("/account/calendar-feed/revoke"));
    fac.post(app.url("/account/calendar-feed/revoke"))
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(
        visitor.get(app.url(&path)).send().await.unwrap().status(),
        404
    );
}

#[tokio::test]
async fn the_api_lists_messages_per_participant_and_session_and_makes_links() {
    let app = TestApp::builder().with_demo().spawn().await;
    // A session with messages, and one of its members.
    let (session, pid) = app
        .with_db(|conn| {
            use db::schema::messages;
            messages::table
                .filter(messages::session_id.is_not_null())
                .filter(messages::participant_id.is_not_null())
                .select((
                    messages::session_id.assume_not_null(),
                    messages::participant_id.assume_not_null(),
                ))
                .first::<(String, String)>(conn)
                .unwrap()
        })
        .await;
    let cm = app.client_as(As::Coordinator).await;
    let csrf = app.csrf(&cm).await;
    let hers: serde_json::Value = cm
        .get(app.url(&format!("/api/v1/participants/{pid}/messages")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let hers = hers.as_array().unwrap();
    assert!(!hers.is_empty());
    assert!(
        hers.iter()
            .all(|m| m.get("address").is_none() && m.get("body").is_none())
    );
    let of_session: serde_json::Value = cm
        .get(app.url(&format!("/api/v1/sessions/{session}/messages")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let of_session = of_session.as_array().unwrap();
    assert!(
        of_session
            .iter()
            .any(|m| m["participant_id"] == pid.as_str())
    );
    assert!(
        of_session
            .iter()
            .all(|m| m["session_id"] == session.as_str())
    );
    // The session's page shows the same, per member.
    let page = cm
        .get(app.url(&format!("/sessions/{session}/edit")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("id=\"delivery\"") && page.contains(&format!("/participants/{pid}#messages"))
    );

    let made = cm
        .post(app.url(&format!("/api/v1/participants/{pid}/links")))
        .header("X-CSRF-Token", &csrf)
        .json(&serde_json::json!({"kind": "feed"}))
        .send()
        .await
        .unwrap();
    assert_eq!(made.status(), 201);
    let made: serde_json::Value = made.json().await.unwrap();
    let url = made["url"].as_str().unwrap();
    assert!(url.contains("/calendar/") && made["expires_at"].is_null());
    let feed = app
        .new_client()
        .get(app.url(&path_of(url)))
        .send()
        .await
        .unwrap();
    assert_eq!(feed.status(), 200);
    let bad = cm
        .post(app.url(&format!("/api/v1/participants/{pid}/links")))
        .header("X-CSRF-Token", &csrf)
        .json(&serde_json::json!({"kind": "forever"}))
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), 422);
}

#[tokio::test]
async fn her_printed_plan_and_attestation_carry_a_qr_code_for_her_calendar() {
    let app = TestApp::builder().with_demo().spawn().await;
    let (trajectory, pid) = app
        .with_db(|conn| {
            use db::schema::{plans, trajectories};
            plans::table
                .inner_join(trajectories::table.on(trajectories::id.eq(plans::trajectory_id)))
                .select((trajectories::id, trajectories::participant_id))
                .first::<(String, String)>(conn)
                .unwrap()
        })
        .await;
    let coordinator = app.client_as(As::Coordinator).await;
    let csrf = app.csrf(&coordinator).await;
    let app = &app;
    let feeds = |pid: String| async move {
        app.with_db(move |conn| {
            use db::schema::access_links;
            access_links::table
                .filter(access_links::participant_id.eq(&pid))
                .filter(access_links::kind.eq("feed"))
                .count()
                .get_result::<i64>(conn)
                .unwrap()
        })
        .await
    };
    let plain = coordinator
        .get(app.url(&format!("/trajectories/{trajectory}/plan/print")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        !plain.contains("calendar-qr-caption"),
        "no link made by just looking"
    );
    assert_eq!(feeds(pid.clone()).await, 0);
    let with = coordinator
        .post(app.url(&format!("/trajectories/{trajectory}/plan/print")))
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(with.status(), 200);
    let html = with.text().await.unwrap();
    assert!(html.contains("calendar-qr-caption") && html.contains("<svg"));
    assert_eq!(feeds(pid.clone()).await, 1);
    let hours = coordinator
        .post(app.url(&format!("/participants/{pid}/hours")))
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(hours.status(), 200);
    assert!(hours.text().await.unwrap().contains("calendar-qr-caption"));
    assert_eq!(feeds(pid).await, 2);
}
