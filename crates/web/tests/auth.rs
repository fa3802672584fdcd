//! Staff access end to end over HTTP, on the backend the environment names.

use chrono::Duration;
use diesel::prelude::*;
use test_support::{As, PASSWORD, TestApp};

async fn demo() -> TestApp {
    TestApp::builder().with_demo().spawn().await
}

fn location(r: &reqwest::Response) -> String {
    r.headers()
        .get("location")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default()
}

fn session_cookie(r: &reqwest::Response) -> Option<String> {
    r.headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("traject_session="))
        .map(|c| c.split(';').next().unwrap().to_owned())
}

async fn status_with_cookie(app: &TestApp, cookie: &str, path: &str) -> u16 {
    app.new_client()
        .get(app.url(path))
        .header("cookie", cookie)
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

async fn audit_count(app: &TestApp, action: &'static str, outcome: &'static str) -> i64 {
    app.with_db(move |conn| {
        db::schema::audit_log::table
            .filter(db::schema::audit_log::action.eq(action))
            .filter(db::schema::audit_log::outcome.eq(outcome))
            .count()
            .get_result::<i64>(conn)
            .unwrap()
    })
    .await
}

#[tokio::test]
async fn login_by_email_or_username_and_logout_ends_the_session() {
    let app = demo().await;
    let client = app.new_client();
    let r = app.post_login(&client, "casemanager1", PASSWORD).await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/dashboard");
    let cookie = session_cookie(&r).expect("a session cookie");
    let set = r.headers()["set-cookie"].to_str().unwrap();
    assert!(
        set.contains("HttpOnly") && set.contains("SameSite=Lax"),
        "{set}"
    );
    let page = client.get(app.url("/dashboard")).send().await.unwrap();
    assert_eq!(page.status(), 200);
    assert_eq!(page.headers()["cache-control"], "no-store");
    assert!(page.text().await.unwrap().contains("Camille Exemple"));
    assert_eq!(audit_count(&app, "login", "success").await, 1);

    let csrf = app.csrf(&client).await;
    let r = client
        .post(app.url("/logout"))
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    // The old cookie is worthless now, even replayed by someone else.
    assert_eq!(status_with_cookie(&app, &cookie, "/dashboard").await, 303);
    assert_eq!(audit_count(&app, "logout", "success").await, 1);
}

#[tokio::test]
async fn a_new_session_id_at_every_login() {
    let app = demo().await;
    let client = app.new_client();
    // A session id planted before login (fixation) is never adopted.
    let planted =
        "traject_session=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    let r = client
        .post(app.url("/login"))
        .header("cookie", planted)
        .form(&[("login", As::Coordinator.email()), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    let first = session_cookie(&r).unwrap();
    assert_ne!(first, planted);
    assert_eq!(status_with_cookie(&app, planted, "/dashboard").await, 303);
    // Signing in again replaces the session; the previous one ends. (A
    // signed-in browser must send its form token, like for any other POST.)
    let token = app.csrf(&client).await;
    let r = app
        .new_client()
        .post(app.url("/login"))
        .header("cookie", first.as_str())
        .form(&[
            ("login", As::Coordinator.email()),
            ("password", PASSWORD),
            ("csrf", token.as_str()),
        ])
        .send()
        .await
        .unwrap();
    let second = session_cookie(&r).unwrap();
    assert_ne!(first, second);
    assert_eq!(status_with_cookie(&app, &first, "/dashboard").await, 303);
    assert_eq!(status_with_cookie(&app, &second, "/dashboard").await, 200);
}

#[tokio::test]
async fn failures_look_alike_and_lock_the_account() {
    let app = demo().await;
    let client = app.new_client();
    let answer =
        |r: reqwest::Response| async move { (r.status().as_u16(), r.text().await.unwrap()) };
    let wrong = answer(
        app.post_login(
            &client,
            "casemanager2@demostad.example",
            "not the password at all",
        )
        .await,
    )
    .await;
    let unknown = answer(
        app.post_login(
            &client,
            "nobody@demostad.example",
            "not the password at all",
        )
        .await,
    )
    .await;
    assert_eq!(wrong.0, 401);
    // The body echoes what was typed; apart from that, the answers are identical.
    assert_eq!(
        wrong.1.replace("casemanager2@demostad.example", "X"),
        unknown.1.replace("nobody@demostad.example", "X")
    );

    // Five more failures lock the account (six within fifteen minutes).
    for _ in 0..5 {
        app.post_login(
            &client,
            "casemanager2@demostad.example",
            "not the password at all",
        )
        .await;
    }
    let locked = answer(
        app.post_login(&client, "casemanager2@demostad.example", PASSWORD)
            .await,
    )
    .await;
    assert_eq!(
        locked, wrong,
        "a locked account answers exactly like a wrong password"
    );
    app.clock.advance(Duration::minutes(29));
    assert_eq!(
        app.post_login(&client, "casemanager2@demostad.example", PASSWORD)
            .await
            .status(),
        401
    );
    app.clock.advance(Duration::minutes(2));
    assert_eq!(
        app.post_login(&client, "casemanager2@demostad.example", PASSWORD)
            .await
            .status(),
        303
    );
    assert_eq!(
        audit_count(&app, "login", "failure").await,
        9,
        "every attempt is in the trail"
    );
}

#[tokio::test]
async fn too_many_attempts_from_one_address_are_refused() {
    let app = demo().await;
    let client = app.new_client();
    let mut statuses = Vec::new();
    for i in 0..31 {
        // Different unknown names: the per-account lockout never triggers.
        let r = app
            .post_login(
                &client,
                &format!("nobody{i}@demostad.example"),
                "not the password",
            )
            .await;
        statuses.push(r.status().as_u16());
    }
    assert!(statuses[..30].iter().all(|s| *s == 401));
    assert_eq!(statuses[30], 429);
}

/// The addresses recorded for failed logins, oldest first.
async fn failed_login_addresses(app: &TestApp) -> Vec<Option<String>> {
    app.with_db(|conn| {
        use db::schema::audit_log;
        audit_log::table
            .filter(audit_log::action.eq("login"))
            .filter(audit_log::outcome.eq("failure"))
            .order(audit_log::id)
            .select(audit_log::ip)
            .load(conn)
            .unwrap()
    })
    .await
}

async fn fail_login_forwarded_for(app: &TestApp, forwarded: &str) -> u16 {
    app.new_client()
        .post(app.url("/login"))
        .header("x-forwarded-for", forwarded)
        .form(&[("login", "nobody@demostad.example"), ("password", "wrong")])
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

#[tokio::test]
async fn behind_a_trusted_proxy_the_forwarded_client_is_recorded_and_limited() {
    // The test client connects from 127.0.0.1: here that is the proxy.
    let app = TestApp::builder()
        .with_demo()
        .with_trusted_proxies(&["127.0.0.1"])
        .spawn()
        .await;
    // A forged left-most entry is ignored; the proxy appended the real one.
    assert_eq!(
        fail_login_forwarded_for(&app, "203.0.113.66, 198.51.100.9").await,
        401
    );
    assert_eq!(
        failed_login_addresses(&app).await,
        vec![Some("198.51.100.9".to_owned())]
    );
    // The per-address limit counts the client, not the proxy: one client
    // using up its budget leaves another one behind the same proxy alone.
    for _ in 0..30 {
        fail_login_forwarded_for(&app, "198.51.100.10").await;
    }
    assert_eq!(fail_login_forwarded_for(&app, "198.51.100.10").await, 429);
    assert_eq!(fail_login_forwarded_for(&app, "198.51.100.11").await, 401);
}

#[tokio::test]
async fn without_trusted_proxies_x_forwarded_for_is_ignored() {
    let app = demo().await;
    assert_eq!(fail_login_forwarded_for(&app, "198.51.100.9").await, 401);
    assert_eq!(
        failed_login_addresses(&app).await,
        vec![Some("127.0.0.1".to_owned())]
    );
}

#[tokio::test]
async fn a_whole_office_behind_one_address_can_log_in() {
    let app = demo().await;
    // Only failures count towards the per-address limit.
    for _ in 0..40 {
        let r = app
            .post_login(&app.new_client(), As::Casemanager.email(), PASSWORD)
            .await;
        assert_eq!(r.status(), 303);
    }
}

#[tokio::test]
async fn idle_and_absolute_timeouts() {
    let app = demo().await;
    let client = app.client_as(As::Coordinator).await;
    app.clock.advance(Duration::minutes(29));
    assert_eq!(
        client
            .get(app.url("/dashboard"))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    app.clock.advance(Duration::minutes(31));
    let r = client.get(app.url("/dashboard")).send().await.unwrap();
    assert_eq!(r.status(), 303, "idle for 31 minutes");
    assert_eq!(location(&r), "/login");

    // Active all day: still ends after twelve hours.
    let client = app.client_as(As::Coordinator).await;
    for _ in 0..(12 * 60 / 20) {
        app.clock.advance(Duration::minutes(20));
        assert_eq!(
            client
                .get(app.url("/dashboard"))
                .send()
                .await
                .unwrap()
                .status(),
            200
        );
    }
    app.clock.advance(Duration::minutes(1));
    assert_eq!(
        client
            .get(app.url("/dashboard"))
            .send()
            .await
            .unwrap()
            .status(),
        303,
        "past the absolute lifetime"
    );
}

#[tokio::test]
async fn disabling_a_user_ends_her_sessions_and_blocks_login() {
    let app = demo().await;
    let facilitator = app.client_as(As::Facilitator).await;
    assert_eq!(
        facilitator
            .get(app.url("/dashboard"))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    let admin = app.client_as(As::Administrator).await;
    let id = app
        .with_db(|conn| {
            db::repo::user_by_email(conn, As::Facilitator.email())
                .unwrap()
                .id
        })
        .await;
    let csrf = app.csrf(&admin).await;
    let r = admin
        .post(app.url(&format!("/admin/users/{id}/disable")))
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    assert_eq!(
        facilitator
            .get(app.url("/dashboard"))
            .send()
            .await
            .unwrap()
            .status(),
        303
    );
    assert_eq!(
        app.post_login(&app.new_client(), As::Facilitator.email(), PASSWORD)
            .await
            .status(),
        401
    );

    // The users page offers to re-enable her; afterwards she signs in again.
    let page = admin
        .get(app.url("/admin/users"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains(&format!("action=\"/admin/users/{id}/enable\"")));
    let r = admin
        .post(app.url(&format!("/admin/users/{id}/enable")))
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    assert_eq!(
        app.post_login(&app.new_client(), As::Facilitator.email(), PASSWORD)
            .await
            .status(),
        303
    );
    assert_eq!(audit_count(&app, "user.disable", "success").await, 1);
    assert_eq!(audit_count(&app, "user.enable", "success").await, 1);
}

#[tokio::test]
async fn administrators_list_and_end_sessions() {
    let app = demo().await;
    let casemanager = app.client_as(As::Casemanager).await;
    let admin = app.client_as(As::Administrator).await;
    let page = admin
        .get(app.url("/admin/sessions"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("Camille Exemple"));
    let session_id = app
        .with_db(|conn| {
            let user = db::repo::user_by_email(conn, As::Casemanager.email()).unwrap();
            db::schema::sessions::table
                .filter(db::schema::sessions::user_id.eq(user.id))
                .select(db::schema::sessions::id)
                .first::<String>(conn)
                .unwrap()
        })
        .await;
    let csrf = app.csrf(&admin).await;
    let r = admin
        .post(app.url(&format!("/admin/sessions/{session_id}/end")))
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    assert_eq!(
        casemanager
            .get(app.url("/dashboard"))
            .send()
            .await
            .unwrap()
            .status(),
        303
    );
    // Another organisation's administrator cannot end it, nor see it.
    let other = app.client_as(As::OtherOrganisation).await;
    let page = other
        .get(app.url("/admin/sessions"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!page.contains("Camille Exemple") && !page.contains("Ada Beheerder"));
}

#[tokio::test]
async fn csrf_refuses_foreign_and_tokenless_posts_and_changes_nothing() {
    let app = demo().await;
    let admin = app.client_as(As::Administrator).await;
    let csrf = app.csrf(&admin).await;
    assert_eq!(csrf.len(), 64);
    let form = |token: &str| {
        vec![
            ("csrf", token.to_owned()),
            ("name", "Nieuwe Collega (test)".to_owned()),
            ("email", "nieuw@demostad.example".to_owned()),
            ("role", "casemanager".to_owned()),
            ("password", "violet tram cupboard seven".to_owned()),
        ]
    };
    let exists =
        || app.with_db(|conn| db::repo::user_by_email(conn, "nieuw@demostad.example").is_ok());

    let r = admin
        .post(app.url("/admin/users"))
        .header("origin", "https://evil.example")
        .form(&form(&csrf))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403, "foreign Origin");
    let r = admin
        .post(app.url("/admin/users"))
        .header("sec-fetch-site", "cross-site")
        .form(&form(&csrf))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403, "cross-site fetch");
    let r = admin
        .post(app.url("/admin/users"))
        .form(&form(""))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403, "no token");
    let r = admin
        .post(app.url("/admin/users"))
        .form(&form(&"0".repeat(64)))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403, "wrong token");
    assert!(!exists().await, "a refused request changed something");

    let r = admin
        .post(app.url("/admin/users"))
        .header("origin", app.base_url.as_str())
        .form(&form(&csrf))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    assert!(exists().await);
}

#[tokio::test]
async fn field_errors_are_translated_and_nothing_is_saved() {
    let app = demo().await;
    let admin = app.client_as(As::Administrator).await;
    let csrf = app.csrf(&admin).await;
    let r = admin
        .post(app.url("/admin/users"))
        .header("accept-language", "fr")
        .form(&[
            ("csrf", csrf.as_str()),
            ("name", ""),
            ("email", "geen-adres"),
            ("role", "casemanager"),
            ("password", "short"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 422);
    let body = r.text().await.unwrap();
    // Ada's saved preference is Dutch: the page follows her, not the browser.
    assert!(body.contains("Dit veld is verplicht."), "{body}");
    assert!(body.contains("aria-invalid=\"true\" aria-describedby=\"user-email-error\""));
    assert!(body.contains("minstens 12 tekens"));
    let users = app
        .with_db(|conn| db::repo::list_users(conn).unwrap().len())
        .await;
    assert_eq!(
        users, 8,
        "5 demo staff, the demo analyst + 2 fixtures, nothing added"
    );
}

#[tokio::test]
async fn one_audit_entry_per_read_and_no_gap_when_a_write_fails() {
    let app = demo().await;
    let cm = app.client_as(As::Casemanager).await;
    let list = cm
        .get(app.url("/participants"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    // The first file linked from the list (not the "new participant" link).
    let id: String = list
        .split("href=\"/participants/")
        .skip(1)
        .map(|rest| rest.chars().take_while(|c| *c != '"').collect::<String>())
        .find(|id| id != "new")
        .unwrap();
    let before = audit_count(&app, "participant.read", "success").await;
    for _ in 0..2 {
        assert_eq!(
            cm.get(app.url(&format!("/participants/{id}")))
                .send()
                .await
                .unwrap()
                .status(),
            200
        );
    }
    assert_eq!(
        audit_count(&app, "participant.read", "success").await,
        before + 2
    );

    // The coordinator can ask who read the file, and sees both reads.
    let coordinator = app.client_as(As::Coordinator).await;
    let trail = coordinator
        .get(app.url(&format!("/audit?subject={id}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(trail.matches("participant.read").count(), 2, "{trail}");

    // A write that fails halfway (the email is taken) leaves neither the
    // change nor its audit entry.
    let admin = app.client_as(As::Administrator).await;
    let csrf = app.csrf(&admin).await;
    let created = audit_count(&app, "user.create", "success").await;
    let r = admin
        .post(app.url("/admin/users"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("name", "Dubbel (test)"),
            ("email", As::Facilitator.email()),
            ("role", "casemanager"),
            ("password", "violet tram cupboard seven"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 422);
    assert!(
        r.text()
            .await
            .unwrap()
            .contains("Er bestaat al een account met dit e-mailadres.")
    );
    assert_eq!(audit_count(&app, "user.create", "success").await, created);
}

#[tokio::test]
async fn refused_pages_are_refused_and_recorded() {
    let app = demo().await;
    let facilitator = app.client_as(As::Facilitator).await;
    for path in ["/admin/users", "/admin/sessions", "/audit", "/participants"] {
        assert_eq!(
            facilitator
                .get(app.url(path))
                .send()
                .await
                .unwrap()
                .status(),
            403,
            "{path}"
        );
    }
    assert_eq!(audit_count(&app, "permission.denied", "denied").await, 3);
    assert_eq!(audit_count(&app, "participant.list", "denied").await, 1);
    let checked = app.with_db(|conn| db::audit::verify(conn).unwrap()).await;
    assert!(checked.is_empty(), "{checked:?}");
}

#[tokio::test]
async fn a_coordinator_breaks_the_glass_over_http_and_the_casemanager_sees_it() {
    let app = demo().await;
    let cm = app.client_as(As::Casemanager).await;
    let coordinator = app.client_as(As::Coordinator).await;
    let list = cm
        .get(app.url("/participants"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    // Demo participants 1 in 3 have a confidential line; find one of hers.
    let ids: Vec<String> = list
        .split("href=\"/participants/")
        .skip(1)
        .map(|r| r.chars().take_while(|c| *c != '"').collect())
        .collect();
    let mut target = None;
    for id in ids {
        let page = coordinator
            .get(app.url(&format!("/participants/{id}")))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        if page.contains("action=\"/participants/") && page.contains("/confidential\"") {
            target = Some(id);
            break;
        }
    }
    let id = target.expect("a participant with a withheld confidential line");
    let csrf = app.csrf(&coordinator).await;
    let r = coordinator
        .post(app.url(&format!("/participants/{id}/confidential")))
        .form(&[("csrf", csrf.as_str()), ("reason", "kort")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 422);
    let r = coordinator
        .post(app.url(&format!("/participants/{id}/confidential")))
        .form(&[
            ("csrf", csrf.as_str()),
            ("reason", "Casemanager ziek, dringende vraag van de school"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert!(
        r.text()
            .await
            .unwrap()
            .contains("voorbeeldnotitie over de thuissituatie")
    );
    let page = cm
        .get(app.url(&format!("/participants/{id}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("Casemanager ziek, dringende vraag van de school"),
        "{page}"
    );
    assert!(page.contains("Cora Coördinator (demo)"));
    // A facilitator cannot even try.
    let facilitator = app.client_as(As::Facilitator).await;
    let csrf = app.csrf(&facilitator).await;
    let r = facilitator
        .post(app.url(&format!("/participants/{id}/confidential")))
        .form(&[
            ("csrf", csrf.as_str()),
            ("reason", "Casemanager ziek, dringende vraag van de school"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
}

#[tokio::test]
async fn an_administrator_changes_roles_and_sessions_follow() {
    let app = demo().await;
    let karla = app.new_client();
    assert_eq!(
        app.post_login(&karla, "casemanager2@demostad.example", PASSWORD)
            .await
            .status(),
        303
    );
    assert_eq!(
        karla.get(app.url("/audit")).send().await.unwrap().status(),
        403
    );
    let admin = app.client_as(As::Administrator).await;
    let csrf = app.csrf(&admin).await;
    let (karla_id, admin_id) = app
        .with_db(|conn| {
            (
                db::repo::user_by_email(conn, "casemanager2@demostad.example")
                    .unwrap()
                    .id,
                db::repo::user_by_email(conn, As::Administrator.email())
                    .unwrap()
                    .id,
            )
        })
        .await;
    let r = admin
        .post(app.url(&format!("/admin/users/{karla_id}/role")))
        .form(&[("csrf", csrf.as_str()), ("role", "coordinator")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    // Her open session carries the new role from the next request on.
    assert_eq!(
        karla.get(app.url("/audit")).send().await.unwrap().status(),
        200
    );
    assert_eq!(audit_count(&app, "user.role", "success").await, 1);
    // Nobody demotes herself (the organisation could lose its administrator).
    let r = admin
        .post(app.url(&format!("/admin/users/{admin_id}/role")))
        .form(&[("csrf", csrf.as_str()), ("role", "facilitator")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 409);
}

#[tokio::test]
async fn a_person_working_for_two_organisations_switches_between_them() {
    let app = demo().await;
    let elders = app
        .with_db(|conn| {
            let org = db::repo::organisation_by_slug(conn, "elders").unwrap();
            let cora = db::repo::user_by_email(conn, As::Coordinator.email()).unwrap();
            diesel::insert_into(db::schema::memberships::table)
                .values(&db::models::Membership {
                    id: db::models::new_id(),
                    organisation_id: org.id.clone(),
                    user_id: cora.id,
                    role: "facilitator".into(),
                    created_at: test_support::test_now().naive_utc(),
                })
                .execute(conn)
                .unwrap();
            org.id
        })
        .await;
    let cora = app.client_as(As::Coordinator).await;
    let account = cora
        .get(app.url("/account"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(account.contains("OCMW Elders (test)"));
    let csrf = app.csrf(&cora).await;
    let r = cora
        .post(app.url("/organisation"))
        .form(&[("csrf", csrf.as_str()), ("organisation", elders.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    // In Elders she is a facilitator: no participant list, no audit trail.
    assert_eq!(
        cora.get(app.url("/participants"))
            .send()
            .await
            .unwrap()
            .status(),
        403
    );
    let me: serde_json::Value = cora
        .get(app.url("/api/v1/me"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(me["role"], "facilitator");
    assert_eq!(me["organisation_id"], elders.as_str());
    // An organisation she does not work for is refused.
    let demo_org = app
        .with_db(|conn| db::repo::organisation_by_slug(conn, "demostad").unwrap().id)
        .await;
    let outsider = app.client_as(As::OtherOrganisation).await;
    let csrf = app.csrf(&outsider).await;
    let r = outsider
        .post(app.url("/organisation"))
        .form(&[("csrf", csrf.as_str()), ("organisation", demo_org.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
}

#[tokio::test]
async fn changing_ones_password_ends_the_other_sessions() {
    let app = demo().await;
    let laptop = app.client_as(As::Casemanager).await;
    let phone = app.client_as(As::Casemanager).await;
    let csrf = app.csrf(&laptop).await;
    let post = |current: &str, new: &str| {
        let (c, u, t) = (laptop.clone(), app.url("/account/password"), csrf.clone());
        let form = vec![
            ("csrf".to_owned(), t),
            ("current".to_owned(), current.to_owned()),
            ("new".to_owned(), new.to_owned()),
        ];
        async move { c.post(u).form(&form).send().await.unwrap() }
    };
    let r = post("not my password", "violet tram cupboard seven").await;
    assert_eq!(r.status(), 422);
    assert!(
        r.text()
            .await
            .unwrap()
            .contains("Le mot de passe actuel n&#39;est pas correct."),
        "Camille prefers French"
    );
    assert_eq!(
        post(PASSWORD, "passwordpassword").await.status(),
        422,
        "too weak"
    );
    let r = post(PASSWORD, "violet tram cupboard seven").await;
    assert_eq!(location(&r), "/account?changed=1");
    assert_eq!(
        laptop
            .get(app.url("/dashboard"))
            .send()
            .await
            .unwrap()
            .status(),
        200,
        "this session stays"
    );
    assert_eq!(
        phone
            .get(app.url("/dashboard"))
            .send()
            .await
            .unwrap()
            .status(),
        303,
        "the others end"
    );
    assert_eq!(
        app.post_login(&app.new_client(), As::Casemanager.email(), PASSWORD)
            .await
            .status(),
        401
    );
    assert_eq!(
        app.post_login(
            &app.new_client(),
            As::Casemanager.email(),
            "violet tram cupboard seven"
        )
        .await
        .status(),
        303
    );
    assert_eq!(audit_count(&app, "user.password", "success").await, 1);
}

#[tokio::test]
async fn the_language_switch_follows_a_signed_in_person_everywhere() {
    let app = demo().await;
    // Camille's saved preference is French.
    let laptop = app.client_as(As::Casemanager).await;
    let page = laptop
        .get(app.url("/dashboard"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("<html lang=\"fr\">"));
    let csrf = app.csrf(&laptop).await;
    let r = laptop
        .post(app.url("/language"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("lang", "de"),
            ("next", "/dashboard"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    let page = laptop
        .get(app.url("/dashboard"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("<html lang=\"de\">"),
        "the switch works for a signed-in person"
    );
    // Another device, another browser language: still German.
    let phone = app.client_as(As::Casemanager).await;
    let page = phone
        .get(app.url("/dashboard"))
        .header("accept-language", "en")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("<html lang=\"de\">"));
}

/// The text between two markers, first occurrence.
fn between<'a>(body: &'a str, open: &str, close: &str) -> &'a str {
    let start = body.find(open).map(|i| i + open.len()).unwrap_or(0);
    let end = body[start..].find(close).map_or(start, |i| start + i);
    &body[start..end]
}

#[tokio::test]
async fn a_forgotten_password_is_replaced_through_a_temporary_one() {
    let app = demo().await;
    let casemanager = app.client_as(As::Casemanager).await;
    let admin = app.client_as(As::Administrator).await;
    let id = app
        .with_db(|conn| {
            db::repo::user_by_email(conn, As::Casemanager.email())
                .unwrap()
                .id
        })
        .await;
    let csrf = app.csrf(&admin).await;
    let r = admin
        .post(app.url(&format!("/admin/users/{id}/reset-password")))
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["cache-control"], "no-store");
    let body = r.text().await.unwrap();
    let temporary = between(&body, "<code class=\"secret\">", "</code>").to_owned();
    assert_eq!(temporary.len(), 19, "{body}");

    // Her open session has ended and the old password is gone.
    let r = casemanager.get(app.url("/dashboard")).send().await.unwrap();
    assert_eq!(location(&r), "/login");
    let old = app
        .post_login(&app.new_client(), As::Casemanager.email(), PASSWORD)
        .await;
    assert_eq!(old.status(), 401);

    // The temporary password signs in, but only as far as choosing her own.
    let client = app.new_client();
    let r = app
        .post_login(&client, As::Casemanager.email(), &temporary)
        .await;
    assert_eq!(r.status(), 303);
    for path in ["/dashboard", "/participants", "/account"] {
        let r = client.get(app.url(path)).send().await.unwrap();
        assert_eq!(location(&r), "/account/new-password", "{path}");
    }
    let r = client.get(app.url("/api/v1/me")).send().await.unwrap();
    assert_eq!(r.status(), 403);
    assert_eq!(
        r.json::<serde_json::Value>().await.unwrap()["error"],
        "password_change_required"
    );
    let form = client
        .get(app.url("/account/new-password"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let token = between(&form, "name=\"csrf\" value=\"", "\"").to_owned();
    let post = |new: String| {
        let (client, url, token) = (
            client.clone(),
            app.url("/account/new-password"),
            token.clone(),
        );
        async move {
            client
                .post(url)
                .form(&[("csrf", token), ("new", new)])
                .send()
                .await
                .unwrap()
        }
    };
    // Weak, or the temporary one again: refused with the reason, nothing saved.
    let r = post("camille123456".into()).await;
    assert_eq!(r.status(), 422);
    let r = post(temporary.clone()).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains(
        &i18n::t(domain::model::Language::Fr, "error-password-same").replace('\'', "&#39;")
    ));
    let r = post("quiet harbour lantern 58".into()).await;
    assert_eq!(location(&r), "/dashboard");
    let r = client.get(app.url("/dashboard")).send().await.unwrap();
    assert_eq!(r.status(), 200);
    let fresh = app
        .post_login(
            &app.new_client(),
            As::Casemanager.email(),
            "quiet harbour lantern 58",
        )
        .await;
    assert_eq!(fresh.status(), 303);
    assert_eq!(audit_count(&app, "user.password_reset", "success").await, 1);
    assert_eq!(audit_count(&app, "user.password", "success").await, 1);

    // The same through the API; an administrator cannot reset her own this way.
    let r = admin
        .post(app.url(&format!("/api/v1/users/{id}/reset-password")))
        .header("x-csrf-token", csrf.as_str())
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201);
    let json: serde_json::Value = r.json().await.unwrap();
    let temporary = json["temporary_password"].as_str().unwrap().to_owned();
    let r = app
        .post_login(&app.new_client(), As::Casemanager.email(), &temporary)
        .await;
    assert_eq!(r.status(), 303);
    let me = app
        .with_db(|conn| {
            db::repo::user_by_email(conn, As::Administrator.email())
                .unwrap()
                .id
        })
        .await;
    let r = admin
        .post(app.url(&format!("/admin/users/{me}/reset-password")))
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 409);
}

#[tokio::test]
async fn someone_owing_a_new_password_can_still_log_out() {
    let app = demo().await;
    let admin = app.client_as(As::Administrator).await;
    let id = app
        .with_db(|conn| {
            db::repo::user_by_email(conn, As::Facilitator.email())
                .unwrap()
                .id
        })
        .await;
    let csrf = app.csrf(&admin).await;
    let body = admin
        .post(app.url(&format!("/admin/users/{id}/reset-password")))
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let temporary = between(&body, "<code class=\"secret\">", "</code>").to_owned();
    let client = app.new_client();
    app.post_login(&client, As::Facilitator.email(), &temporary)
        .await;
    let form = client
        .get(app.url("/account/new-password"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let token = between(&form, "name=\"csrf\" value=\"", "\"").to_owned();
    let r = client
        .post(app.url("/logout"))
        .form(&[("csrf", token)])
        .send()
        .await
        .unwrap();
    assert_eq!(location(&r), "/");
    let r = client
        .get(app.url("/account/new-password"))
        .send()
        .await
        .unwrap();
    assert_eq!(location(&r), "/login", "the session ended");
}

#[tokio::test]
async fn an_unused_temporary_password_stops_working_after_a_week() {
    let app = demo().await;
    let admin = app.client_as(As::Administrator).await;
    let id = app
        .with_db(|conn| {
            db::repo::user_by_email(conn, As::Facilitator.email())
                .unwrap()
                .id
        })
        .await;
    let csrf = app.csrf(&admin).await;
    let body = admin
        .post(app.url(&format!("/admin/users/{id}/reset-password")))
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let temporary = between(&body, "<code class=\"secret\">", "</code>").to_owned();
    let advice = i18n::t_args(
        domain::model::Language::Nl,
        "temporary-password-text",
        &[(
            "days",
            i18n::Arg::Num(domain::password::TEMPORARY_VALID_DAYS),
        )],
    );
    assert!(
        body.contains(&advice),
        "the page says how long it works: {body}"
    );
    app.clock
        .advance(Duration::days(domain::password::TEMPORARY_VALID_DAYS) - Duration::minutes(1));
    let r = app
        .post_login(&app.new_client(), As::Facilitator.email(), &temporary)
        .await;
    assert_eq!(r.status(), 303, "still within the week");
    app.clock.advance(Duration::minutes(2));
    let r = app
        .post_login(&app.new_client(), As::Facilitator.email(), &temporary)
        .await;
    assert_eq!(r.status(), 401, "a week later it no longer signs in");
    let why: Vec<String> = app
        .with_db(|conn| {
            use db::schema::audit_log;
            audit_log::table
                .filter(audit_log::action.eq("login"))
                .filter(audit_log::outcome.eq("failure"))
                .select(audit_log::detail)
                .load(conn)
                .unwrap()
        })
        .await;
    assert_eq!(why, vec!["temporary password expired".to_owned()]);
}
