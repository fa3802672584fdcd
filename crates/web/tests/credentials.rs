//! Two-step verification, recovery codes, API tokens and the JSON API.

use chrono::Duration;
use domain::totp;
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

fn code_now(app: &TestApp, secret: &str) -> String {
    use domain::Clock;
    let bytes = totp::base32_decode(secret).unwrap();
    totp::code_at_step(&bytes, totp::step_of(app.clock.now().timestamp()))
}

fn between<'a>(body: &'a str, start: &str, end: &str) -> Vec<&'a str> {
    body.split(start)
        .skip(1)
        .filter_map(|rest| rest.split(end).next())
        .collect()
}

/// Sets up TOTP through the pages; returns the secret and the recovery codes.
async fn enable_totp(app: &TestApp, client: &reqwest::Client) -> (String, Vec<String>) {
    let csrf = app.csrf(client).await;
    let r = client
        .post(app.url("/account/totp/start"))
        .form(&[("csrf", &csrf)])
        .send()
        .await
        .unwrap();
    assert_eq!(location(&r), "/account/totp");
    let page = client
        .get(app.url("/account/totp"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let secret = between(&page, "<code class=\"secret\">", "</code>")[0].to_owned();
    assert!(page.contains("otpauth://totp/traject:"));
    // The QR code is inline SVG, labelled by its caption, with no XML prologue inside HTML.
    assert!(page.contains("<svg role=\"img\" aria-labelledby=\"qr-caption\""));
    assert!(page.contains("<figcaption id=\"qr-caption\">"));
    assert!(!page.contains("<?xml"));
    let wrong = client
        .post(app.url("/account/totp/confirm"))
        .form(&[("csrf", csrf.as_str()), ("code", "000000")])
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), 422);
    let r = client
        .post(app.url("/account/totp/confirm"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("code", code_now(app, &secret).as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let body = r.text().await.unwrap();
    let codes: Vec<String> = between(&body, "<li><code>", "</code>")
        .into_iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(codes.len(), 10);
    (secret, codes)
}

#[tokio::test]
async fn totp_second_step_with_replay_protection_and_recovery_codes() {
    let app = demo().await;
    let client = app.client_as(As::Coordinator).await;
    let (secret, codes) = enable_totp(&app, &client).await;

    // Password alone no longer opens the door.
    let browser = app.new_client();
    let r = app
        .post_login(&browser, As::Coordinator.email(), PASSWORD)
        .await;
    assert_eq!(location(&r), "/login/second-factor");
    assert_eq!(
        browser
            .get(app.url("/dashboard"))
            .send()
            .await
            .unwrap()
            .status(),
        303
    );
    let csrf = {
        let page = browser
            .get(app.url("/login/second-factor"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        between(&page, "name=\"csrf\" value=\"", "\"")[0].to_owned()
    };
    let send = |code: String| {
        let (browser, csrf, url) = (
            browser.clone(),
            csrf.clone(),
            app.url("/login/second-factor"),
        );
        async move {
            browser
                .post(url)
                .form(&[("csrf", csrf), ("code", code)])
                .send()
                .await
                .unwrap()
        }
    };
    assert_eq!(send("123456".into()).await.status(), 401);
    // The code used to enable TOTP was for this same step: it cannot be replayed.
    assert_eq!(
        send(code_now(&app, &secret)).await.status(),
        401,
        "replayed code"
    );
    app.clock.advance(Duration::seconds(30));
    let r = send(code_now(&app, &secret)).await;
    assert_eq!(location(&r), "/dashboard");
    assert_eq!(
        browser
            .get(app.url("/dashboard"))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );

    // A recovery code works once.
    for (attempt, expected) in [(0, "/dashboard"), (1, "")] {
        let other = app.new_client();
        app.post_login(&other, As::Coordinator.email(), PASSWORD)
            .await;
        let page = other
            .get(app.url("/login/second-factor"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let token = between(&page, "name=\"csrf\" value=\"", "\"")[0].to_owned();
        let r = other
            .post(app.url("/login/second-factor"))
            .form(&[
                ("csrf", token.as_str()),
                ("code", codes[0].to_lowercase().as_str()),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(location(&r), expected, "recovery attempt {attempt}");
    }
}

#[tokio::test]
async fn an_organisation_can_make_the_second_step_compulsory() {
    let app = demo().await;
    let admin = app.client_as(As::Administrator).await;
    let csrf = app.csrf(&admin).await;
    let r = admin
        .post(app.url("/admin/organisation/require-totp"))
        .form(&[("csrf", csrf.as_str()), ("required", "on")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    // From now on a password alone is not enough, for anyone in the organisation.
    let r = app
        .post_login(&app.new_client(), As::Facilitator.email(), PASSWORD)
        .await;
    assert_eq!(location(&r), "/login/second-factor");

    // Next login: set-up is the only way in.
    let browser = app.new_client();
    let r = app
        .post_login(&browser, As::Casemanager.email(), PASSWORD)
        .await;
    assert_eq!(location(&r), "/login/second-factor");
    let page = browser
        .get(app.url("/login/second-factor"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let csrf = between(&page, "name=\"csrf\" value=\"", "\"")[0].to_owned();
    let r = browser
        .post(app.url("/login/second-factor/setup"))
        .form(&[("csrf", &csrf)])
        .send()
        .await
        .unwrap();
    assert_eq!(location(&r), "/login/second-factor");
    let page = browser
        .get(app.url("/login/second-factor"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let secret = between(&page, "<code class=\"secret\">", "</code>")[0].to_owned();
    let r = browser
        .post(app.url("/login/second-factor"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("code", code_now(&app, &secret).as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200, "recovery codes are shown");
    assert_eq!(
        browser
            .get(app.url("/dashboard"))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
}

#[tokio::test]
async fn tokens_act_with_the_owners_rights_until_revoked() {
    let app = demo().await;
    let cm = app.client_as(As::Casemanager).await;
    let csrf = app.csrf(&cm).await;
    let page = cm
        .post(app.url("/account/tokens"))
        .form(&[("csrf", csrf.as_str()), ("name", "rapportage-script")])
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let secret = between(&page, "id=\"token-secret\">", "</code>")[0].to_owned();
    assert!(secret.starts_with("trj_") && secret.len() == 68);
    // The account page never shows it again.
    let account = cm
        .get(app.url("/account"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(account.contains("rapportage-script") && !account.contains(&secret));

    let api = app.new_client();
    let bearer = format!("Bearer {secret}");
    let me: serde_json::Value = api
        .get(app.url("/api/v1/me"))
        .header("authorization", &bearer)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(me["email"], As::Casemanager.email());
    assert_eq!(me["role"], "casemanager");
    let page: serde_json::Value = api
        .get(app.url("/api/v1/participants"))
        .header("authorization", &bearer)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let list = page["participants"].as_array().unwrap();
    assert!(!list.is_empty());
    let id = list[0]["id"].as_str().unwrap();
    let file = api
        .get(app.url(&format!("/api/v1/participants/{id}")))
        .header("authorization", &bearer)
        .send()
        .await
        .unwrap();
    assert_eq!(file.status(), 200);
    assert_eq!(file.headers()["cache-control"], "no-store");
    // No more than the owner: a casemanager's token cannot manage users.
    let r = api
        .get(app.url("/api/v1/users"))
        .header("authorization", &bearer)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
    // Bearer calls need no CSRF token: no cookie rides along.
    let created = api
        .post(app.url("/api/v1/tokens"))
        .header("authorization", &bearer)
        .json(&serde_json::json!({"name": "second"}))
        .send()
        .await
        .unwrap();
    let status = created.status();
    assert_eq!(status, 201, "{:?}", created.text().await);

    // Revoked: refused at once.
    let tokens: Vec<serde_json::Value> = api
        .get(app.url("/api/v1/tokens"))
        .header("authorization", &bearer)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let first = tokens
        .iter()
        .find(|t| t["name"] == "rapportage-script")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let r = api
        .delete(app.url(&format!("/api/v1/tokens/{first}")))
        .header("authorization", &bearer)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 204);
    let r = api
        .get(app.url("/api/v1/me"))
        .header("authorization", &bearer)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401);
    let r = api
        .get(app.url("/api/v1/me"))
        .header("authorization", "Bearer trj_not-a-token")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401);
}

#[tokio::test]
async fn cookie_sessions_on_the_api_need_the_csrf_header() {
    let app = demo().await;
    let cm = app.client_as(As::Casemanager).await;
    let r = cm
        .post(app.url("/api/v1/tokens"))
        .json(&serde_json::json!({"name": "x"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
    let csrf = app.csrf(&cm).await;
    let r = cm
        .post(app.url("/api/v1/tokens"))
        .header("x-csrf-token", csrf)
        .json(&serde_json::json!({"name": "x"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201);
}

const TEST_KEY: &str = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";

/// The stored form of a person's two-step secret.
async fn stored_secret(app: &TestApp, email: &'static str) -> String {
    app.with_db(move |conn| {
        db::repo::user_by_email(conn, email)
            .unwrap()
            .totp_secret
            .unwrap()
    })
    .await
}

#[tokio::test]
async fn with_a_secret_key_two_step_secrets_are_sealed_at_rest() {
    let app = TestApp::builder()
        .with_demo()
        .configure(|s| {
            s.with_sealing_key(Some(
                domain::sealed::SealingKey::from_hex(TEST_KEY).unwrap(),
            ))
        })
        .spawn()
        .await;
    let client = app.client_as(As::Coordinator).await;
    let (secret, _) = enable_totp(&app, &client).await;
    let stored = stored_secret(&app, "coordinator@demostad.example").await;
    assert!(domain::sealed::is_sealed(&stored), "{stored}");
    assert!(
        !stored.contains(&secret),
        "the database holds no readable secret"
    );

    // The sealed secret still checks codes at login.
    app.clock.advance(Duration::seconds(60));
    let browser = app.new_client();
    app.post_login(&browser, As::Coordinator.email(), PASSWORD)
        .await;
    let page = browser
        .get(app.url("/login/second-factor"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let csrf = between(&page, "name=\"csrf\" value=\"", "\"")[0].to_owned();
    let r = browser
        .post(app.url("/login/second-factor"))
        .form(&[("csrf", csrf), ("code", code_now(&app, &secret))])
        .send()
        .await
        .unwrap();
    assert_eq!(location(&r), "/dashboard");

    // `check` opens it with the key, and says when the key is missing.
    let (with_key, without) = app
        .with_db(|conn| {
            let key = domain::sealed::SealingKey::from_hex(TEST_KEY).unwrap();
            (
                db::check::run(conn, Some(&key)).unwrap(),
                db::check::run(conn, None).unwrap(),
            )
        })
        .await;
    let secrets = |f: &[db::check::Finding]| {
        f.iter()
            .find(|f| f.check == "two-step secrets")
            .cloned()
            .unwrap()
    };
    assert!(secrets(&with_key).ok, "{:?}", secrets(&with_key));
    assert!(!secrets(&without).ok);
    assert!(secrets(&without).detail.contains("no secret_key"));
}

#[tokio::test]
async fn secrets_stored_as_text_are_sealed_once_a_key_is_set() {
    let app = demo().await;
    let client = app.client_as(As::Coordinator).await;
    let (secret, _) = enable_totp(&app, &client).await;
    assert_eq!(
        stored_secret(&app, "coordinator@demostad.example").await,
        secret
    );
    let (first, second, findings) = app
        .with_db(|conn| {
            let key = domain::sealed::SealingKey::from_hex(TEST_KEY).unwrap();
            let at = test_support::test_now().naive_utc();
            let first = db::credentials::seal_plain_secrets(conn, &key, at).unwrap();
            let second = db::credentials::seal_plain_secrets(conn, &key, at).unwrap();
            (first, second, db::check::run(conn, Some(&key)).unwrap())
        })
        .await;
    assert_eq!(
        (first, second),
        (1, 0),
        "sealed once, then nothing left to seal"
    );
    let stored = stored_secret(&app, "coordinator@demostad.example").await;
    let key = domain::sealed::SealingKey::from_hex(TEST_KEY).unwrap();
    assert_eq!(domain::sealed::open(Some(&key), &stored).unwrap(), secret);
    assert!(findings.iter().all(|f| f.ok), "{findings:?}");
}

#[tokio::test]
async fn an_administrator_turns_off_a_lost_second_factor() {
    let app = demo().await;
    let coordinator = app.client_as(As::Coordinator).await;
    enable_totp(&app, &coordinator).await;
    let admin = app.client_as(As::Administrator).await;
    let id = app
        .with_db(|conn| {
            db::repo::user_by_email(conn, As::Coordinator.email())
                .unwrap()
                .id
        })
        .await;
    let users = admin
        .get(app.url("/admin/users"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    // The users page asks first, on a page of its own.
    let confirm = format!("/admin/users/{id}/confirm/reset-two-step");
    assert!(users.contains(&format!("href=\"{confirm}\"")));
    let page = admin
        .get(app.url(&confirm))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains(&format!("action=\"/admin/users/{id}/reset-two-step\"")));
    assert!(
        page.contains("href=\"/admin/users\""),
        "a way back without acting"
    );
    let r = admin
        .get(app.url(&format!("/admin/users/{id}/confirm/delete-everything")))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404);
    let csrf = app.csrf(&admin).await;
    let r = admin
        .post(app.url(&format!("/admin/users/{id}/reset-two-step")))
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(location(&r), "/admin/users");

    // Her sessions ended; her password alone signs her in again.
    let r = coordinator.get(app.url("/dashboard")).send().await.unwrap();
    assert_eq!(location(&r), "/login");
    let r = app
        .post_login(&app.new_client(), As::Coordinator.email(), PASSWORD)
        .await;
    assert_eq!(location(&r), "/dashboard");
    let (enabled, codes, audited) = app
        .with_db(move |conn| {
            use db::schema::{audit_log, recovery_codes};
            use diesel::prelude::*;
            let user = db::access::user_by_id(conn, &id).unwrap();
            let codes: i64 = recovery_codes::table
                .filter(recovery_codes::user_id.eq(&id))
                .count()
                .get_result(conn)
                .unwrap();
            let audited: i64 = audit_log::table
                .filter(audit_log::action.eq("totp.reset"))
                .count()
                .get_result(conn)
                .unwrap();
            (
                user.totp_enabled || user.totp_secret.is_some(),
                codes,
                audited,
            )
        })
        .await;
    assert_eq!((enabled, codes, audited), (false, 0, 1));
}
