//! The participant file over HTTP, as a person and an API client use it, on
//! the backend the environment names: field errors that change nothing,
//! duplicates at intake, a conflict between two editors, sensitive facts
//! kept from those who may not see them, dashboards and data problems.

use test_support::{As, TestApp};

async fn demo() -> TestApp {
    TestApp::builder().with_demo().spawn().await
}

fn location(r: &reqwest::Response) -> String {
    r.headers()
        .get("location")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default()
}

async fn text(r: reqwest::Response) -> String {
    r.text().await.unwrap()
}

/// The first file the client's list links to.
async fn first_file(app: &TestApp, client: &reqwest::Client) -> String {
    let list = text(client.get(app.url("/participants")).send().await.unwrap()).await;
    list.split("href=\"/participants/")
        .skip(1)
        .map(|rest| rest.chars().take_while(|c| *c != '"').collect::<String>())
        .find(|id| id != "new" && !id.contains('#'))
        .unwrap()
}

async fn count_participants(app: &TestApp) -> i64 {
    app.with_db(|conn| {
        use diesel::prelude::*;
        db::schema::participants::table
            .count()
            .get_result::<i64>(conn)
            .unwrap()
    })
    .await
}

/// The keys of translations must never reach a page.
fn assert_translated(html: &str) {
    for prefix in [
        "coded-",
        "field-",
        "status-",
        "phase-",
        "error-",
        "eligibility-",
        "spoken-",
        "dashboard-",
        "problem-",
    ] {
        assert!(
            !html.contains(&format!(">{prefix}")) && !html.contains(&format!(" {prefix}")),
            "untranslated {prefix}… in the page"
        );
    }
}

#[tokio::test]
async fn a_new_file_refuses_bad_input_warns_of_duplicates_and_opens_the_intake() {
    let app = demo().await;
    let cm = app.client_as(As::Casemanager).await;
    let csrf = app.csrf(&cm).await;
    let form = text(cm.get(app.url("/participants/new")).send().await.unwrap()).await;
    assert_translated(&form);
    let programme: String = {
        let i = form.find("name=\"programme_id\"").unwrap();
        let rest = &form[i..];
        let v = rest.find("<option value=\"").unwrap();
        let rest = &rest[v + 15..];
        // Skip the empty "not given" option.
        let next = rest.find("<option value=\"").unwrap();
        rest[next + 15..]
            .chars()
            .take_while(|c| *c != '"')
            .collect()
    };
    let before = count_participants(&app).await;
    let r = cm
        .post(app.url("/participants/new"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("first_name", "Amina"),
            ("last_name", ""),
            ("phone", "12"),
            ("programme_id", programme.as_str()),
            ("referred_on", "2026-11-20"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 422);
    let page = text(r).await;
    assert!(page.contains(
        "id=\"f-last_name\" name=\"last_name\" type=\"text\" value=\"\" aria-invalid=\"true\""
    ));
    assert!(page.contains("aria-describedby=\"e-phone\""));
    assert_eq!(count_participants(&app).await, before, "nothing saved");

    // "Amina Voorbeelt" sounds like the demo's Amina Voorbeeld.
    let fields = [
        ("csrf", csrf.as_str()),
        ("first_name", "Amina"),
        ("last_name", "Voorbeelt"),
        ("programme_id", programme.as_str()),
        ("referred_on", "2026-11-20"),
    ];
    let r = cm
        .post(app.url("/participants/new"))
        .form(&fields)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 409);
    let page = text(r).await;
    assert!(page.contains("id=\"dup-heading\""));
    assert!(page.contains("Voorbeeld"));
    assert_eq!(count_participants(&app).await, before);
    let mut confirmed = fields.to_vec();
    confirmed.push(("distinct", "yes"));
    let r = cm
        .post(app.url("/participants/new"))
        .form(&confirmed)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    let intake = location(&r);
    assert!(
        intake.starts_with("/trajectories/") && intake.ends_with("/intake"),
        "{intake}"
    );
    assert_eq!(count_participants(&app).await, before + 1);
    let page = text(cm.get(app.url(&intake)).send().await.unwrap()).await;
    assert!(page.contains("class=\"finding unknown\""));
    assert_translated(&page);
}

#[tokio::test]
async fn two_editors_one_conflict_and_nothing_overwritten() {
    let app = demo().await;
    let cm = app.client_as(As::Casemanager).await;
    let coordinator = app.client_as(As::Coordinator).await;
    let id = first_file(&app, &cm).await;
    let api: serde_json::Value = cm
        .get(app.url(&format!("/api/v1/participants/{id}")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let version = api["version"].as_i64().unwrap();
    let file = serde_json::json!({
        "first_name": api["first_name"],
        "last_name": api["last_name"],
        "municipality": "Eerste",
    });
    let csrf_cm = app.csrf(&cm).await;
    let r = cm
        .put(app.url(&format!("/api/v1/participants/{id}")))
        .header("x-csrf-token", &csrf_cm)
        .json(&serde_json::json!({"version": version, "file": file}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    // The coordinator's form still holds the old version.
    let csrf = app.csrf(&coordinator).await;
    let r = coordinator
        .post(app.url(&format!("/participants/{id}/edit")))
        .form(&[
            ("csrf", csrf.as_str()),
            ("version", version.to_string().as_str()),
            ("first_name", api["first_name"].as_str().unwrap()),
            ("last_name", api["last_name"].as_str().unwrap()),
            ("municipality", "Tweede"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 409);
    let page = text(r).await;
    assert!(page.contains("id=\"conflict-heading\""));
    assert!(
        page.contains("value=\"Tweede\""),
        "her change stays in the form"
    );
    let now: serde_json::Value = cm
        .get(app.url(&format!("/api/v1/participants/{id}")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(now["municipality"], "Eerste", "no silent overwrite");
    // The API answers the same conflict as data.
    let r = cm
        .put(app.url(&format!("/api/v1/participants/{id}")))
        .header("x-csrf-token", &csrf_cm)
        .json(&serde_json::json!({"version": version, "file": file}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 409);
    let body: serde_json::Value = r.json().await.unwrap();
    assert_eq!(body["current_version"], version + 1);
}

#[tokio::test]
async fn sensitive_facts_stay_with_those_who_may_see_them() {
    let app = demo().await;
    let cm = app.client_as(As::Casemanager).await;
    let id = first_file(&app, &cm).await;
    let file: serde_json::Value = cm
        .get(app.url(&format!("/api/v1/participants/{id}")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(file["sensitive"].is_object(), "her casemanager sees them");
    let page = text(
        cm.get(app.url(&format!("/participants/{id}")))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(page.contains("id=\"sensitive-heading\""));
    assert_translated(&page);
    // Never in a list, even for those who may see them.
    let list = text(cm.get(app.url("/participants")).send().await.unwrap()).await;
    let residence = file["sensitive"]["residence_status"].as_str().unwrap_or("");
    assert!(!list.contains("sensitive-heading"));
    if let Some(n) = file["sensitive"]["national_number"].as_str() {
        assert!(!list.contains(n) && !list.contains(&n[..6]));
        // Searching by the number finds her, without the number in the address bar of a link.
        let found = text(
            cm.get(app.url(&format!("/participants?q={n}")))
                .send()
                .await
                .unwrap(),
        )
        .await;
        assert!(found.contains(&format!("/participants/{id}")));
    }
    assert!(residence.is_empty() || !list.contains(&format!("coded-residence-{residence}")));
    // A facilitator and the other casemanager do not open the file at all.
    for who in [As::Facilitator, As::OtherOrganisation] {
        let c = app.client_as(who).await;
        let r = c
            .get(app.url(&format!("/participants/{id}")))
            .send()
            .await
            .unwrap();
        assert!(matches!(r.status().as_u16(), 403 | 404), "{who:?}");
        let r = c
            .get(app.url(&format!("/api/v1/participants/{id}")))
            .send()
            .await
            .unwrap();
        assert!(matches!(r.status().as_u16(), 403 | 404), "{who:?}");
    }
}

#[tokio::test]
async fn dashboards_and_data_problems() {
    let app = demo().await;
    let cm = app.client_as(As::Casemanager).await;
    let page = text(cm.get(app.url("/dashboard")).send().await.unwrap()).await;
    assert!(page.contains("id=\"my-people\""));
    assert!(page.contains("id=\"overdue-evaluations\""));
    assert_translated(&page);
    let coordinator = app.client_as(As::Coordinator).await;
    let page = text(coordinator.get(app.url("/dashboard")).send().await.unwrap()).await;
    assert!(page.contains("id=\"caseloads\"") && page.contains("id=\"waiting\""));
    assert_translated(&page);
    // The demo has children without a birth date and GPMIs without a number.
    let r = coordinator
        .get(app.url("/data-problems"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let page = text(r).await;
    assert_translated(&page);
    let problems: serde_json::Value = coordinator
        .get(app.url("/api/v1/data-problems"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let kinds = problems.as_array().unwrap();
    assert_eq!(kinds.len(), 5);
    let undated = kinds
        .iter()
        .find(|k| k["kind"] == "child_without_birth_date")
        .unwrap();
    assert!(undated["count"].as_u64().unwrap() > 0);
    let fix = undated["problems"][0]["fix"].as_str().unwrap();
    assert!(fix.ends_with("#household"));
    // The fix is on the file: the child's birth date, set in place.
    let before = undated["count"].as_u64().unwrap();
    let file_path = fix.trim_end_matches("#household").to_owned();
    let file = text(coordinator.get(app.url(&file_path)).send().await.unwrap()).await;
    let action: String = {
        let i = file.find("/birth-date\"").unwrap();
        let start = file[..i].rfind("action=\"").unwrap() + 8;
        file[start..i + 11].to_owned()
    };
    let csrf = app.csrf(&coordinator).await;
    let r = coordinator
        .post(app.url(&action))
        .form(&[("csrf", csrf.as_str()), ("child_birth_date", "2030-01-01")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 422, "a birth date in the future is refused");
    let r = coordinator
        .post(app.url(&action))
        .form(&[("csrf", csrf.as_str()), ("child_birth_date", "2019-05-04")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    // What childcare staff need to know, on the same child: too long is
    // refused and changes nothing; then saved and shown on the file.
    let notes_action = action.replace("/birth-date", "/care-notes");
    let r = coordinator
        .post(app.url(&notes_action))
        .form(&[
            ("csrf", csrf.as_str()),
            ("child_care_notes", &"x".repeat(501)),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 422);
    let r = coordinator
        .post(app.url(&notes_action))
        .form(&[
            ("csrf", csrf.as_str()),
            ("child_care_notes", "Fictional: allergic to peanuts"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    let file = text(coordinator.get(app.url(&file_path)).send().await.unwrap()).await;
    assert!(file.contains("Fictional: allergic to peanuts"));
    assert!(!file.contains(&"x".repeat(501)));
    // Her other children without a birth date, if any, get one too.
    let mut rest = file.as_str();
    while let Some(i) = rest.find("/birth-date\"") {
        let start = rest[..i].rfind("action=\"").unwrap() + 8;
        let other = rest[start..i + 11].to_owned();
        rest = &rest[i + 12..];
        let r = coordinator
            .post(app.url(&other))
            .form(&[("csrf", csrf.as_str()), ("child_birth_date", "2020-02-02")])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 303);
    }
    let problems: serde_json::Value = coordinator
        .get(app.url("/api/v1/data-problems"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let after = problems
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["kind"] == "child_without_birth_date")
        .unwrap()["count"]
        .as_u64()
        .unwrap();
    assert!(after < before, "{after} < {before}");
    // A facilitator has no such list.
    let f = app.client_as(As::Facilitator).await;
    assert_eq!(
        f.get(app.url("/data-problems"))
            .send()
            .await
            .unwrap()
            .status(),
        403
    );
}

#[tokio::test]
async fn programmes_are_adapted_from_their_template() {
    let app = demo().await;
    let coordinator = app.client_as(As::Coordinator).await;
    let list = text(
        coordinator
            .get(app.url("/admin/programmes"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_translated(&list);
    let id: String = list
        .split("href=\"/admin/programmes/")
        .nth(1)
        .unwrap()
        .chars()
        .take_while(|c| *c != '"')
        .collect();
    let form = text(
        coordinator
            .get(app.url(&format!("/admin/programmes/{id}")))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_translated(&form);
    let version: String = {
        let i = form.find("name=\"version\" value=\"").unwrap() + 22;
        form[i..].chars().take_while(|c| *c != '"').collect()
    };
    let csrf = app.csrf(&coordinator).await;
    let fields = |version: &str, min: &'static str| {
        vec![
            ("csrf".to_owned(), csrf.clone()),
            ("version".to_owned(), version.to_owned()),
            (
                "name".to_owned(),
                "Aangepast programma (fictief)".to_owned(),
            ),
            ("active".to_owned(), "yes".to_owned()),
            ("min_group_size".to_owned(), min.to_owned()),
            ("group_capacity".to_owned(), "12".to_owned()),
            ("session_rhythm".to_owned(), "weekly".to_owned()),
            ("session_minutes".to_owned(), "120".to_owned()),
            ("duration_months".to_owned(), "9".to_owned()),
            ("life_domains".to_owned(), "housing".to_owned()),
            ("life_domains".to_owned(), "social".to_owned()),
            ("rule_min_age".to_owned(), "18".to_owned()),
            ("rule_lives_in".to_owned(), "9999".to_owned()),
            ("weeks_1".to_owned(), "6".to_owned()),
        ]
    };
    // The smallest group above the largest: refused field by field, nothing saved.
    let r = coordinator
        .post(app.url(&format!("/admin/programmes/{id}")))
        .form(&fields(&version, "20"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 422);
    assert!(
        text(r)
            .await
            .contains("aria-describedby=\"e-min_group_size\"")
    );
    let r = coordinator
        .post(app.url(&format!("/admin/programmes/{id}")))
        .form(&fields(&version, "6"))
        .send()
        .await
        .unwrap();
    let status = r.status();
    assert_eq!(status, 303, "version {version}: {}", text(r).await);
    // The same form again, on the old version: a conflict, not an overwrite.
    let r = coordinator
        .post(app.url(&format!("/admin/programmes/{id}")))
        .form(&fields(&version, "7"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 409);
    let programmes: serde_json::Value = coordinator
        .get(app.url("/api/v1/programmes"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let p = programmes
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == id.as_str())
        .unwrap();
    assert_eq!(p["min_group_size"], 6);
    assert_eq!(p["duration_months"], 9);
    assert_eq!(p["phases"][0][1], 6);
    let rules = p["eligibility"].as_array().unwrap();
    assert!(rules.iter().any(|r| r["rule"] == "lives_in"));
    // A casemanager does not configure programmes.
    let cm = app.client_as(As::Casemanager).await;
    assert_eq!(
        cm.get(app.url("/admin/programmes"))
            .send()
            .await
            .unwrap()
            .status(),
        403
    );
}

/// The casemanagers a coordinator can reassign to are kept between file
/// pages; a change through the server shows on the next page at once.
#[tokio::test]
async fn the_reassign_choices_follow_staff_changes_at_once() {
    let app = demo().await;
    let coordinator = app.client_as(As::Coordinator).await;
    let admin = app.client_as(As::Administrator).await;
    // A file with an open trajectory: the page offers the casemanagers.
    let open: Vec<String> = app
        .with_db(|conn| {
            use db::schema::trajectories as t;
            use diesel::prelude::*;
            t::table
                .filter(t::status.eq_any(db::participants::trajectory::OPEN))
                .select(t::participant_id)
                .load(conn)
                .unwrap()
        })
        .await;
    let path = format!("/participants/{}", open[0]);
    let page = || async { text(coordinator.get(app.url(&path)).send().await.unwrap()).await };
    let name = "Nieuwe Casemanager (fictief)";
    let before = page().await;
    assert!(before.contains("name=\"casemanager_id\""), "{before}");
    assert!(!before.contains(name));
    // Kept now; an administrator adds a casemanager.
    let csrf = app.csrf(&admin).await;
    let r = admin
        .post(app.url("/admin/users"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("name", name),
            ("email", "nieuwe.cm@demostad.example"),
            ("role", "casemanager"),
            ("password", "violet tram cupboard seven"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    assert!(
        page().await.contains(name),
        "the new casemanager is offered"
    );
    // She becomes a coordinator: no longer offered.
    let id = app
        .with_db(|conn| {
            db::repo::user_by_email(conn, "nieuwe.cm@demostad.example")
                .unwrap()
                .id
        })
        .await;
    let role_path = format!("/admin/users/{id}/role");
    let set_role = |role: &'static str| {
        admin
            .post(app.url(&role_path))
            .form(&[("csrf", csrf.as_str()), ("role", role)])
            .send()
    };
    assert_eq!(set_role("coordinator").await.unwrap().status(), 303);
    assert!(!page().await.contains(name), "a coordinator is not offered");
    // A refused change changes nothing: she is still not offered.
    assert!(
        set_role("no-such-role")
            .await
            .unwrap()
            .status()
            .is_client_error()
    );
    assert!(!page().await.contains(name));
}
