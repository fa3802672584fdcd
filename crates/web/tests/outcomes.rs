//! Outcomes over HTTP, on both databases: she answers on her own page and an
//! anonymous questionnaire leaves nothing that leads to her on any page or
//! API; only what is due for her can be started, only her own opened; two
//! people in a row on a shared tablet; testimonials only as far as her
//! consent goes, in every view.

use diesel::prelude::*;
use test_support::{As, TestApp};

fn path_of(url: &str) -> String {
    let rest = url.split_once("://").unwrap().1;
    rest[rest.find('/').unwrap()..].to_owned()
}

async fn make_link(app: &TestApp, cm: &reqwest::Client, pid: &str) -> String {
    let csrf = app.csrf(cm).await;
    let page = cm
        .post(app.url(&format!("/participants/{pid}/links")))
        .form(&[("csrf", csrf.as_str()), ("kind", "page")])
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    let start = html.find("id=\"link-url\"").unwrap();
    let value = &html[start..];
    let value = &value[value.find("value=\"").unwrap() + 7..];
    path_of(&value[..value.find('"').unwrap()])
}

fn location(r: &reqwest::Response) -> String {
    r.headers()
        .get("location")
        .unwrap()
        .to_str()
        .unwrap()
        .to_owned()
}

/// A participant of casemanager 1 in an active trajectory, with the
/// satisfaction questionnaire planned for now (at intake of her programme):
/// (participant, trajectory, programme).
async fn her_with_a_survey_due(app: &TestApp, key: &'static str) -> (String, String, String) {
    app.with_db(move |conn| {
        use db::schema::{measurement_moments, measurements, trajectories, users};
        let cm: String = users::table
            .filter(users::email.eq(As::Casemanager.email()))
            .select(users::id)
            .first(conn)
            .unwrap();
        let (tid, pid, programme, org): (String, String, String, String) = trajectories::table
            .filter(trajectories::casemanager_id.eq(&cm))
            .filter(trajectories::status.eq("active"))
            .order(trajectories::started_on.desc())
            .select((
                trajectories::id,
                trajectories::participant_id,
                trajectories::programme_id,
                trajectories::organisation_id,
            ))
            .first(conn)
            .unwrap();
        // Her programme asks for it at intake; nothing of it taken yet.
        let planned: i64 = measurement_moments::table
            .filter(measurement_moments::programme_id.eq(&programme))
            .filter(measurement_moments::instrument_key.eq(key))
            .filter(measurement_moments::moment.eq("intake"))
            .filter(measurement_moments::respondent.eq("participant"))
            .count()
            .get_result(conn)
            .unwrap();
        if planned == 0 {
            diesel::insert_into(measurement_moments::table)
                .values((
                    measurement_moments::id.eq(db::models::new_id()),
                    measurement_moments::organisation_id.eq(&org),
                    measurement_moments::programme_id.eq(&programme),
                    measurement_moments::instrument_key.eq(key),
                    measurement_moments::moment.eq("intake"),
                    measurement_moments::respondent.eq("participant"),
                ))
                .execute(conn)
                .unwrap();
        }
        diesel::delete(
            measurements::table
                .filter(measurements::trajectory_id.eq(&tid))
                .filter(measurements::instrument_key.eq(key)),
        )
        .execute(conn)
        .unwrap();
        // Her intake was last week, so the questionnaire is due now.
        let day = test_support::test_now().date_naive() - chrono::Duration::days(7);
        diesel::update(trajectories::table.filter(trajectories::id.eq(&tid)))
            .set((
                trajectories::started_on.eq(Some(day)),
                trajectories::referred_on.eq(day),
            ))
            .execute(conn)
            .unwrap();
        (pid, tid, programme)
    })
    .await
}

#[tokio::test]
async fn an_anonymous_answer_on_her_page_leads_to_no_one() {
    let app = TestApp::builder().with_demo().spawn().await;
    let cm = app.client_as(As::Casemanager).await;
    let (pid, tid, programme) = her_with_a_survey_due(&app, "traject-satisfaction").await;
    let link = make_link(&app, &cm, &pid).await;
    let her = app.new_client();
    let page = her.get(app.url(&link)).send().await.unwrap();
    assert_eq!(page.status(), 200);
    assert!(page.text().await.unwrap().contains("traject-satisfaction"));
    // Something not due for her cannot be started.
    let refused = her
        .post(app.url(&format!("{link}/answers")))
        .form(&[
            ("trajectory", tid.as_str()),
            ("instrument", "traject-follow-up"),
            ("moment", "intake"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 404);
    let started = her
        .post(app.url(&format!("{link}/answers")))
        .form(&[
            ("trajectory", tid.as_str()),
            ("instrument", "traject-satisfaction"),
            ("moment", "intake"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(started.status(), 303);
    let question = location(&started);
    // A double tap: the same measurement, not a second one.
    let again = her
        .post(app.url(&format!("{link}/answers")))
        .form(&[
            ("trajectory", tid.as_str()),
            ("instrument", "traject-satisfaction"),
            ("moment", "intake"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(location(&again), question);
    // Answers, one screen each; a wrong value is refused with its error.
    let bad = her
        .post(app.url(&format!("{question}?q=0")))
        .form(&[("value", "99")])
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), 422);
    let words = "Het onthaal was warm (fictief antwoord 4711)";
    for (q, value) in [
        ("0", "5"),
        ("1", "yes"),
        ("2", "yes"),
        ("3", words),
        ("4", ""),
    ] {
        let form: Vec<(&str, &str)> = if value.is_empty() {
            vec![("skip", "1")]
        } else {
            vec![("value", value)]
        };
        let r = her
            .post(app.url(&format!("{question}?q={q}")))
            .form(&form)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 303, "question {q}");
    }
    let done = her
        .post(app.url(&format!("{question}/done")))
        .send()
        .await
        .unwrap();
    assert_eq!(done.status(), 303);
    assert!(location(&done).ends_with("?done=1"));
    // Nothing leads from her to her answer: not her results, not the API,
    // not the trail.
    let file = cm
        .get(app.url(&format!("/participants/{pid}/outcomes")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!file.contains("4711"));
    let api: serde_json::Value = cm
        .get(app.url(&format!("/api/v1/participants/{pid}/measurements")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let taken = api
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["instrument_key"] == "traject-satisfaction" && m["moment"] == "intake")
        .expect("she answered");
    assert_eq!(taken["answers"], serde_json::json!({}));
    assert!(!api.to_string().contains("4711"));
    let (trail, kept, draft) = app
        .with_db(move |conn| {
            use db::schema::{anonymous_answers, audit_log, measurements};
            let trail: Vec<String> = audit_log::table
                .select(audit_log::detail)
                .load(conn)
                .unwrap();
            let kept: Vec<Option<String>> = anonymous_answers::table
                .select(anonymous_answers::value_text)
                .load(conn)
                .unwrap();
            let draft: String = measurements::table
                .filter(measurements::trajectory_id.eq(&tid))
                .filter(measurements::instrument_key.eq("traject-satisfaction"))
                .select(measurements::draft)
                .first(conn)
                .unwrap();
            (trail, kept, draft)
        })
        .await;
    assert!(!trail.iter().any(|d| d.contains("4711")));
    assert!(
        kept.iter().flatten().any(|t| t.contains("4711")),
        "stored apart"
    );
    assert_eq!(draft, "{}");
    // The programme's figures count her answer but show none below five.
    let figures: serde_json::Value = cm
        .get(app.url(&format!(
            "/api/v1/programmes/{programme}/outcomes?instrument=traject-satisfaction"
        )))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let n = figures["anonymous_responses"].as_u64().unwrap();
    assert!(n >= 1);
    if n < 5 {
        assert_eq!(figures["spreads"], serde_json::json!([]));
        let page = cm
            .get(app.url(&format!(
                "/outcomes?programme={programme}&instrument=traject-satisfaction"
            )))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(!page.contains("4711"));
    }
    // Handed in: her page no longer offers it; the link goes back to it.
    let page = her
        .get(app.url(&link))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!page.contains("value=\"traject-satisfaction\""));
    let reopened = her.get(app.url(&question)).send().await.unwrap();
    assert_eq!(reopened.status(), 303);
}

#[tokio::test]
async fn her_link_opens_only_her_own_answers() {
    let app = TestApp::builder().with_demo().spawn().await;
    let cm = app.client_as(As::Casemanager).await;
    let (pid, _, _) = her_with_a_survey_due(&app, "traject-self-confidence").await;
    // Someone else's measurement, of the same organisation.
    let other: String = app
        .with_db(move |conn| {
            use db::schema::measurements;
            measurements::table
                .filter(measurements::participant_id.ne(&pid))
                .filter(measurements::respondent.eq("participant"))
                .select(measurements::id)
                .first(conn)
                .unwrap()
        })
        .await;
    let (pid, _, _) = her_with_a_survey_due(&app, "traject-self-confidence").await;
    let link = make_link(&app, &cm, &pid).await;
    let her = app.new_client();
    for r in [
        her.get(app.url(&format!("{link}/answers/{other}")))
            .send()
            .await
            .unwrap(),
        her.post(app.url(&format!("{link}/answers/{other}?q=0")))
            .form(&[("value", "3")])
            .send()
            .await
            .unwrap(),
        her.post(app.url(&format!("{link}/answers/{other}/done")))
            .send()
            .await
            .unwrap(),
    ] {
        assert_eq!(r.status(), 404);
    }
}

#[tokio::test]
async fn two_people_in_a_row_on_a_shared_tablet() {
    let app = TestApp::builder().with_demo().spawn().await;
    let fac = app.client_as(As::Facilitator).await;
    let session: String = app
        .with_db(|conn| {
            use db::schema::{group_facilitators, group_sessions, users};
            let me: String = users::table
                .filter(users::email.eq(As::Facilitator.email()))
                .select(users::id)
                .first(conn)
                .unwrap();
            let group: String = group_facilitators::table
                .filter(group_facilitators::user_id.eq(&me))
                .select(group_facilitators::group_id)
                .first(conn)
                .unwrap();
            group_sessions::table
                .filter(group_sessions::group_id.eq(&group))
                .select(group_sessions::id)
                .first(conn)
                .unwrap()
        })
        .await;
    let csrf = app.csrf(&fac).await;
    let started = fac
        .post(app.url(&format!("/sessions/{session}/kiosk")))
        .form(&[
            ("csrf", csrf.as_str()),
            ("instrument", "traject-session-feedback"),
            ("moment", "extra"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(started.status(), 200);
    assert_eq!(started.headers().get("cache-control").unwrap(), "no-store");
    let html = started.text().await.unwrap();
    let at = html.find("/k/").unwrap();
    let kiosk = html[at..at + 3 + 64].to_owned();
    let tablet = app.new_client();
    let mut turns = Vec::new();
    for (person, face) in [(1, "1"), (2, "3")] {
        let home = tablet.get(app.url(&kiosk)).send().await.unwrap();
        assert_eq!(home.status(), 200);
        assert_eq!(home.headers().get("cache-control").unwrap(), "no-store");
        let begun = tablet
            .post(app.url(&format!("{kiosk}/turns")))
            .form(&[("lang", "nl")])
            .send()
            .await
            .unwrap();
        assert_eq!(begun.status(), 303);
        let turn = location(&begun);
        let turn = turn.split('?').next().unwrap().to_owned();
        // The second person sees nothing of the first one's answers.
        let first = tablet
            .get(app.url(&format!("{turn}?lang=nl&q=0")))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(!first.contains("aria-pressed=\"true\""), "person {person}");
        for (q, form) in [("0", vec![("value", face)]), ("1", vec![("skip", "1")])] {
            let r = tablet
                .post(app.url(&format!("{turn}?lang=nl&q={q}")))
                .form(&form)
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), 303);
        }
        let done = tablet
            .post(app.url(&format!("{turn}/done?lang=nl")))
            .send()
            .await
            .unwrap();
        assert_eq!(done.status(), 303);
        assert!(location(&done).ends_with("notice=thanks"));
        turns.push(turn);
    }
    // The first turn is over: its address leads back to the start.
    let back = tablet
        .get(app.url(&format!("{}?lang=nl&q=0", turns[0])))
        .send()
        .await
        .unwrap();
    assert_eq!(back.status(), 303);
    let of_session = session.clone();
    let (responses, faces) = app
        .with_db(move |conn| {
            let session = of_session;
            use db::schema::{anonymous_answers, anonymous_responses};
            let responses: i64 = anonymous_responses::table
                .filter(anonymous_responses::session_id.eq(&session))
                .count()
                .get_result(conn)
                .unwrap();
            let mut faces: Vec<Option<i64>> = anonymous_answers::table
                .inner_join(anonymous_responses::table)
                .filter(anonymous_responses::session_id.eq(&session))
                .select(anonymous_answers::value_num)
                .load(conn)
                .unwrap();
            faces.sort();
            (responses, faces)
        })
        .await;
    assert_eq!(responses, 2);
    assert_eq!(faces, vec![Some(1), Some(3)]);
    // Closed: the tablet's link opens nothing any more.
    let csrf = app.csrf(&fac).await;
    let closed = fac
        .post(app.url(&format!("/sessions/{session}/kiosk/close")))
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(closed.status(), 303);
    let gone = tablet.get(app.url(&kiosk)).send().await.unwrap();
    assert_eq!(gone.status(), 404);
}

#[tokio::test]
async fn testimonials_go_no_further_than_her_consent_in_every_view() {
    let app = TestApp::builder().with_demo().spawn().await;
    let cm = app.client_as(As::Casemanager).await;
    let coordinator = app.client_as(As::Coordinator).await;
    let (pid, _, programme) = her_with_a_survey_due(&app, "traject-self-confidence").await;
    let csrf = app.csrf(&cm).await;
    for (scope, quote, anonymised) in [
        ("internal", "Alleen voor het team (fictief TEAMONLY)", "no"),
        (
            "funders",
            "Voor de subsidiegever (fictief FUNDERSTOO)",
            "yes",
        ),
        ("public", "Voor iedereen (fictief EVERYONE)", "no"),
    ] {
        let r = cm
            .post(app.url(&format!("/participants/{pid}/testimonials")))
            .form(&[
                ("csrf", csrf.as_str()),
                ("programme", programme.as_str()),
                ("period_from", "2026-01-01"),
                ("period_to", "2026-06-30"),
                ("quote", quote),
                ("language", "nl"),
                ("scope", scope),
                ("anonymised", anonymised),
                ("consent_on", "2026-06-30"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 303);
        assert!(!location(&r).contains("invalid"), "{scope} kept");
    }
    // A bad one changes nothing and names its fields.
    let bad = cm
        .post(app.url(&format!("/participants/{pid}/testimonials")))
        .form(&[
            ("csrf", csrf.as_str()),
            ("programme", programme.as_str()),
            ("period_from", "2026-06-30"),
            ("period_to", "2026-01-01"),
            ("quote", " "),
            ("scope", "everyone"),
            ("consent_on", ""),
        ])
        .send()
        .await
        .unwrap();
    let to = location(&bad);
    for field in [
        "quote:required",
        "scope:invalid-choice",
        "period_to:date-out-of-range",
    ] {
        assert!(to.contains(field), "{to}");
    }
    let api = |audience: &'static str| {
        let c = coordinator.clone();
        let url = app.url(&format!("/api/v1/testimonials?audience={audience}"));
        async move {
            c.get(url)
                .send()
                .await
                .unwrap()
                .json::<serde_json::Value>()
                .await
                .unwrap()
                .to_string()
        }
    };
    let internal = api("internal").await;
    let funders = api("funders").await;
    let public = api("public").await;
    for n in ["TEAMONLY", "FUNDERSTOO", "EVERYONE"] {
        assert!(internal.contains(n));
    }
    assert!(
        !funders.contains("TEAMONLY")
            && funders.contains("FUNDERSTOO")
            && funders.contains("EVERYONE")
    );
    assert!(
        !public.contains("TEAMONLY")
            && !public.contains("FUNDERSTOO")
            && public.contains("EVERYONE")
    );
    // Outside the organisation: no participant id, no last name.
    let last: String = app
        .with_db({
            let pid = pid.clone();
            move |conn| {
                use db::schema::participants;
                participants::table
                    .find(&pid)
                    .select(participants::last_name)
                    .first(conn)
                    .unwrap()
            }
        })
        .await;
    assert!(!public.contains(&last) && !public.contains(&pid));
    assert!(internal.contains(&last));
    let page = coordinator
        .get(app.url("/outcomes/testimonials?audience=public"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("EVERYONE") && !page.contains("TEAMONLY") && !page.contains("FUNDERSTOO")
    );
    // Withdrawn: shown nowhere.
    let id: String = app
        .with_db(|conn| {
            use db::schema::testimonials;
            testimonials::table
                .filter(testimonials::quote.like("%EVERYONE%"))
                .select(testimonials::id)
                .first(conn)
                .unwrap()
        })
        .await;
    let r = cm
        .post(app.url(&format!("/participants/{pid}/testimonials/{id}/withdraw")))
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    assert!(!api("public").await.contains("EVERYONE"));
    assert!(!api("internal").await.contains("EVERYONE"));
    let file = cm
        .get(app.url(&format!("/participants/{pid}/outcomes")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!file.contains("EVERYONE") && file.contains("TEAMONLY"));
    // A facilitator reads no testimonials.
    let fac = app.client_as(As::Facilitator).await;
    let r = fac
        .get(app.url("/api/v1/testimonials"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
}
