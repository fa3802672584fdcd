//! Service endpoints over real HTTP, on the backend the environment names.

use test_support::TestApp;

#[tokio::test]
async fn health_and_readiness() {
    let app = TestApp::spawn().await;
    let r = app.get("/healthz").await;
    assert_eq!(r.status(), 200);
    assert_eq!(r.text().await.unwrap(), "ok");
    let r = app.get("/readyz").await;
    assert_eq!(r.status(), 200);
    assert_eq!(r.text().await.unwrap(), "ready");
}

#[tokio::test]
async fn every_response_carries_a_request_id() {
    let app = TestApp::spawn().await;
    let a = app.get("/healthz").await;
    let b = app.get("/healthz").await;
    let id = |r: &reqwest::Response| {
        r.headers()
            .get("x-request-id")
            .unwrap()
            .to_str()
            .unwrap()
            .to_owned()
    };
    assert_eq!(id(&a).len(), 36);
    assert_ne!(id(&a), id(&b));
    // A caller's id is kept, so a request can be followed through a load balancer.
    let c = app
        .client
        .get(app.url("/healthz"))
        .header("x-request-id", "lb-1234")
        .send()
        .await
        .unwrap();
    assert_eq!(id(&c), "lb-1234");
}

#[tokio::test]
async fn metrics_count_requests_per_route_and_show_the_pool() {
    let app = TestApp::spawn().await;
    for _ in 0..3 {
        assert_eq!(app.get("/healthz").await.status(), 200);
    }
    assert_eq!(app.get("/no/such/page").await.status(), 404);
    let body = app.get("/metrics").await.text().await.unwrap();
    assert!(
        body.contains(
            r#"traject_http_requests_total{method="GET",route="/healthz",status="200"} 3"#
        ),
        "{body}"
    );
    assert!(body.contains(
        r#"traject_http_request_duration_seconds_count{method="GET",route="/healthz"} 3"#
    ));
    assert!(
        !body.contains("/no/such/page"),
        "unmatched paths must not become labels"
    );
    assert!(body.contains("traject_db_pool_max_connections "));
    assert!(body.contains("traject_db_pool_connections "));
}

#[tokio::test]
async fn metrics_can_require_a_bearer_token() {
    let app = TestApp::builder()
        .with_metrics_token("test-metrics-token")
        .spawn()
        .await;
    let status = |auth: Option<&'static str>| {
        let mut req = app.new_client().get(app.url("/metrics"));
        if let Some(a) = auth {
            req = req.header("authorization", a);
        }
        async move { req.send().await.unwrap().status().as_u16() }
    };
    assert_eq!(status(None).await, 401);
    assert_eq!(status(Some("Bearer wrong-token")).await, 401);
    assert_eq!(status(Some("test-metrics-token")).await, 401);
    assert_eq!(status(Some("Bearer test-metrics-token")).await, 200);
}

#[tokio::test]
async fn openapi_documents_every_api_route() {
    let app = TestApp::spawn().await;
    let doc: serde_json::Value = app.get("/api/openapi.json").await.json().await.unwrap();
    assert_eq!(doc["openapi"], "3.1.0");
    let paths = doc["paths"].as_object().unwrap();
    let api_routes: Vec<_> = web::routes::route_table()
        .into_iter()
        .filter(|r| r.path.starts_with("/api/v1/"))
        .collect();
    assert!(!api_routes.is_empty());
    for route in api_routes {
        let method = route.method.as_str().to_lowercase();
        assert!(
            paths.get(route.path).and_then(|p| p.get(&method)).is_some(),
            "{} {} is served but missing from the OpenAPI document",
            route.method,
            route.path
        );
    }
}

#[tokio::test]
async fn status_reports_the_schema_version() {
    let app = TestApp::spawn().await;
    let status: serde_json::Value = app.get("/api/v1/status").await.json().await.unwrap();
    let expected = app
        .db
        .run(db::migrate::current_version)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(status["schema_version"], expected);
    assert_eq!(status["version"], env!("CARGO_PKG_VERSION"));
}

#[tokio::test]
async fn the_gateway_reports_delivery_with_its_secret_only() {
    let app = TestApp::builder()
        .configure(|s| s.with_gateway_secret(Some("gw-secret-fictional")))
        .spawn()
        .await;
    // A message the gateway accepted as "gw-7".
    app.with_db(|conn| {
        use diesel::prelude::*;
        let org = db::repo::new_organisation(
            "callback-test",
            "OCMW Callbacktest (fictief)",
            domain::model::Language::Nl,
            true,
            test_support::test_now().naive_utc(),
        );
        db::repo::insert_organisation(conn, &org).unwrap();
        let now = test_support::test_now().naive_utc();
        diesel::insert_into(db::schema::messages::table)
            .values(&db::messages::Message {
                id: db::models::new_id(),
                organisation_id: org.id,
                participant_id: None,
                user_id: None,
                session_id: None,
                kind: "reminder".into(),
                channel: "sms".into(),
                language: "nl".into(),
                address: "+32470000000".into(),
                facts: "{}".into(),
                body: "tekst".into(),
                due_at: now,
                status: "sent".into(),
                attempts: 1,
                next_attempt_at: now,
                claimed_until: None,
                last_error: String::new(),
                provider_id: Some("gw-7".into()),
                dedupe_key: "callback-test".into(),
                sent_at: Some(now),
                created_at: now,
                updated_at: now,
            })
            .execute(conn)
            .unwrap();
    })
    .await;
    let client = app.new_client();
    let report = serde_json::json!({"id": "gw-7", "status": "delivered"});
    let url = app.url("/api/v1/messages/delivery");
    let r = client.post(&url).json(&report).send().await.unwrap();
    assert_eq!(r.status(), 401, "no secret");
    let r = client
        .post(&url)
        .header("X-Traject-Secret", "guess")
        .json(&report)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401, "a wrong secret");
    let r = client
        .post(&url)
        .header("X-Traject-Secret", "gw-secret-fictional")
        .json(&serde_json::json!({"id": "gw-7", "status": "lost"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 422);
    let r = client
        .post(&url)
        .header("X-Traject-Secret", "gw-secret-fictional")
        .json(&report)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 204);
    let status = app
        .with_db(|conn| {
            use diesel::prelude::*;
            db::schema::messages::table
                .filter(db::schema::messages::provider_id.eq("gw-7"))
                .select(db::schema::messages::status)
                .first::<String>(conn)
                .unwrap()
        })
        .await;
    assert_eq!(status, "delivered");
}
