//! Every route of the router, for every kind of caller, against the committed
//! table `permissions.txt`. A route without an entry fails; so does any 2xx
//! that crosses organisations, and any record shown to the analyst.
//! After a deliberate change: TRAJECT_UPDATE_SNAPSHOT=1 cargo test -p web --test integration permissions::

use std::collections::BTreeMap;
use test_support::{As, PASSWORD, TestApp};

const COLUMNS: [&str; 7] = [
    "anonymous",
    "administrator",
    "coordinator",
    "casemanager",
    "facilitator",
    "analyst",
    "other-org",
];

fn parse_table() -> BTreeMap<(String, String), Vec<u16>> {
    include_str!("permissions.txt")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let mut parts = l.split_whitespace();
            let method = parts.next().unwrap().to_owned();
            let path = parts.next().unwrap().to_owned();
            let codes: Vec<u16> = parts.map(|c| c.parse().unwrap()).collect();
            assert_eq!(codes.len(), COLUMNS.len(), "{l}");
            ((method, path), codes)
        })
        .collect()
}

#[tokio::test]
async fn every_route_matches_the_permission_table() {
    // Every personal-link route is tried with a made-up token by every
    // caller: more guesses than one address may make.
    let app = TestApp::builder()
        .with_demo()
        .configure(|s| s.with_link_limits(1_000, 1_000))
        .spawn()
        .await;
    let mut clients = vec![app.new_client()];
    for who in [
        As::Administrator,
        As::Coordinator,
        As::Casemanager,
        As::Facilitator,
        As::Analyst,
        As::OtherOrganisation,
    ] {
        clients.push(app.client_as(who).await);
    }
    let mut tokens = vec![String::new()];
    for c in &clients[1..] {
        tokens.push(app.csrf(c).await);
    }

    // Ids of the demo organisation, for routes that name a record.
    let (participant, trajectory, programme, spare_user) = app
        .with_db(|conn| {
            let cm = db::repo::user_by_email(conn, As::Casemanager.email()).unwrap();
            let (org, _) = db::access::memberships_of(conn, &cm.id).unwrap().remove(0);
            let actor = domain::policy::Actor::Staff {
                user_id: cm.id.clone(),
                organisation_id: org.id.clone(),
                role: domain::model::Role::Casemanager,
            };
            let origin = db::participants::Origin::new(None, test_support::test_now().naive_utc());
            let participant = db::participants::list(conn, &actor, origin)
                .unwrap()
                .remove(0)
                .id;
            let spare = db::repo::add_user(
                conn,
                db::repo::NewUser {
                    email: "spare@demostad.example",
                    username: None,
                    display_name: "Spare (test)",
                    preferred_language: None,
                    grammatical_gender: None,
                    password_hash: "x".into(),
                },
                &org.id,
                domain::model::Role::Facilitator,
                test_support::test_now().naive_utc(),
            )
            .unwrap();
            let trajectory = db::participants::read_file(conn, &actor, &participant, origin)
                .unwrap()
                .trajectories
                .remove(0)
                .trajectory
                .id;
            let programme = db::repo::list_programmes(conn, &org.id)
                .unwrap()
                .remove(0)
                .id;
            (participant, trajectory, programme, spare.id)
        })
        .await;
    // A group the demo facilitator leads, one of its past sessions and a member.
    let (group, session, member, practice) = app
        .with_db(|conn| {
            use db::schema::{group_facilitators, group_members, group_sessions};
            use diesel::prelude::*;
            let fac = db::repo::user_by_email(conn, As::Facilitator.email()).unwrap();
            let group: String = group_facilitators::table
                .filter(group_facilitators::user_id.eq(&fac.id))
                .select(group_facilitators::group_id)
                .first(conn)
                .unwrap();
            let session: String = group_sessions::table
                .filter(group_sessions::group_id.eq(&group))
                .filter(group_sessions::cancelled.eq(false))
                .filter(
                    group_sessions::held_on
                        .lt(chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap()),
                )
                .order(group_sessions::held_on.desc())
                .select(group_sessions::id)
                .first(conn)
                .unwrap();
            let member: String = group_members::table
                .filter(group_members::group_id.eq(&group))
                .select(group_members::id)
                .first(conn)
                .unwrap();
            let practice: String = db::schema::practices::table
                .order(db::schema::practices::title)
                .select(db::schema::practices::id)
                .first(conn)
                .unwrap();
            (group, session, member, practice)
        })
        .await;
    // The demo's network: its first partner, meeting, signal, decision and referral.
    let who = participant.clone();
    let (partner, meeting, signal, decision, referral) = app
        .with_db(move |conn| {
            let participant = who;
            use db::schema::{meeting_decisions, meetings, partners, signals};
            use diesel::prelude::*;
            // Not a shared one: other organisations may read those.
            let partner: String = partners::table
                .filter(partners::shared.eq(false))
                .order(partners::name)
                .select(partners::id)
                .first(conn)
                .unwrap();
            let meeting: String = meetings::table
                .filter(meetings::kind.eq("team"))
                .select(meetings::id)
                .first(conn)
                .unwrap();
            let signal: String = signals::table.select(signals::id).first(conn).unwrap();
            let decision: String = meeting_decisions::table
                .filter(meeting_decisions::done_on.is_null())
                .select(meeting_decisions::id)
                .first(conn)
                .unwrap();
            // A referral of the casemanager's participant, made here.
            let cm = db::repo::user_by_email(conn, As::Casemanager.email()).unwrap();
            let (org, _) = db::access::memberships_of(conn, &cm.id).unwrap().remove(0);
            let actor = domain::policy::Actor::Staff {
                user_id: cm.id.clone(),
                organisation_id: org.id.clone(),
                role: domain::model::Role::Casemanager,
            };
            let referral = db::network::referrals::create(
                conn,
                &actor,
                &participant,
                &db::network::referrals::NewReferral {
                    partner_id: partner.clone(),
                    service: String::new(),
                    reason: "Permission test".into(),
                    referred_on: chrono::NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
                    sent: true,
                    plan_step_id: None,
                    journal_entry_id: None,
                },
                db::participants::Origin::new(None, test_support::test_now().naive_utc()),
            )
            .unwrap();
            (partner, meeting, signal, decision, referral)
        })
        .await;
    let concrete = |path: &str| -> String {
        match path {
            "/participants/{id}" => format!("/participants/{participant}"),
            "/groups/{id}" => format!("/groups/{group}"),
            "/groups/{id}/members" => format!("/groups/{group}/members"),
            "/groups/{id}/members/{member}/leave" => {
                format!("/groups/{group}/members/{member}/leave")
            }
            "/groups/{id}/series/preview" => format!("/groups/{group}/series/preview"),
            "/groups/{id}/series" => format!("/groups/{group}/series"),
            "/groups/{id}/sessions" => format!("/groups/{group}/sessions"),
            "/groups/{id}/childcare" => format!("/groups/{group}/childcare"),
            "/participants/{id}/hours" => format!("/participants/{participant}/hours"),
            "/api/v1/groups/{id}/sessions" => format!("/api/v1/groups/{group}/sessions"),
            "/sessions/{id}/cancel" => format!("/sessions/{session}/cancel"),
            "/sessions/{id}/edit" => format!("/sessions/{session}/edit"),
            "/practices/{id}" => format!("/practices/{practice}"),
            "/sessions/{id}/attendance" => format!("/sessions/{session}/attendance"),
            "/api/v1/sessions/{id}/attendance" => format!("/api/v1/sessions/{session}/attendance"),
            "/admin/programmes/{id}" => format!("/admin/programmes/{programme}"),
            "/participants/{id}/edit" => format!("/participants/{participant}/edit"),
            "/participants/{id}/children" => format!("/participants/{participant}/children"),
            "/participants/{id}/adults" => format!("/participants/{participant}/adults"),
            "/participants/{id}/children/{child}/birth-date" => {
                format!("/participants/{participant}/children/no-such-child/birth-date")
            }
            "/participants/{id}/children/{child}/care-notes" => {
                format!("/participants/{participant}/children/no-such-child/care-notes")
            }
            "/participants/{id}/consents" => format!("/participants/{participant}/consents"),
            "/participants/{id}/journal" => format!("/participants/{participant}/journal"),
            "/participants/{id}/consents/{consent}/withdraw" => {
                format!("/participants/{participant}/consents/no-such-consent/withdraw")
            }
            "/trajectories/{id}/intake" => format!("/trajectories/{trajectory}/intake"),
            "/trajectories/{id}/transition" => format!("/trajectories/{trajectory}/transition"),
            "/trajectories/{id}/assign" => format!("/trajectories/{trajectory}/assign"),
            "/trajectories/{id}/plan" => format!("/trajectories/{trajectory}/plan"),
            "/trajectories/{id}/plan/print" => format!("/trajectories/{trajectory}/plan/print"),
            "/api/v1/trajectories/{id}/plan/piis" => {
                format!("/api/v1/trajectories/{trajectory}/plan/piis")
            }
            "/participants/{id}/confidential" => {
                format!("/participants/{participant}/confidential")
            }
            "/admin/users/{id}/disable" => format!("/admin/users/{spare_user}/disable"),
            "/admin/users/{id}/enable" => format!("/admin/users/{spare_user}/enable"),
            "/admin/users/{id}/confirm/{action}" => {
                format!("/admin/users/{spare_user}/confirm/disable")
            }
            "/admin/users/{id}/reset-password" => {
                format!("/admin/users/{spare_user}/reset-password")
            }
            "/admin/users/{id}/reset-two-step" => {
                format!("/admin/users/{spare_user}/reset-two-step")
            }
            "/admin/users/{id}/role" => format!("/admin/users/{spare_user}/role"),
            "/admin/sessions/{id}/end" => format!("/admin/sessions/{}/end", "0".repeat(64)),
            "/api/v1/participants/{id}" => format!("/api/v1/participants/{participant}"),
            "/api/v1/users/{id}/disable" => format!("/api/v1/users/{spare_user}/disable"),
            "/api/v1/users/{id}/enable" => format!("/api/v1/users/{spare_user}/enable"),
            "/api/v1/users/{id}/reset-password" => {
                format!("/api/v1/users/{spare_user}/reset-password")
            }
            "/api/v1/users/{id}/reset-two-step" => {
                format!("/api/v1/users/{spare_user}/reset-two-step")
            }
            "/api/v1/sessions/{id}" => format!("/api/v1/sessions/{}", "0".repeat(64)),
            "/api/v1/tokens/{id}" => "/api/v1/tokens/no-such-token".to_owned(),
            "/account/tokens/{id}/revoke" => "/account/tokens/no-such-token/revoke".to_owned(),
            "/api/v1/participants/{id}/messages" => {
                format!("/api/v1/participants/{participant}/messages")
            }
            "/api/v1/participants/{id}/links" => {
                format!("/api/v1/participants/{participant}/links")
            }
            "/api/v1/sessions/{id}/messages" => format!("/api/v1/sessions/{session}/messages"),
            "/p/{token}" => format!("/p/{}", "0".repeat(64)),
            "/p/{token}/absence/{session}" => format!("/p/{}/absence/{session}", "0".repeat(64)),
            "/calendar/{token}" => format!("/calendar/{}", "0".repeat(64)),
            "/participants/{id}/links" => format!("/participants/{participant}/links"),
            "/participants/{id}/links/{link}/revoke" => {
                format!("/participants/{participant}/links/no-such-link/revoke")
            }
            "/participants/{id}/message-language" => {
                format!("/participants/{participant}/message-language")
            }
            "/participants/{id}/outcomes" => format!("/participants/{participant}/outcomes"),
            "/participants/{id}/outcomes/enter" => format!(
                "/participants/{participant}/outcomes/enter?trajectory={trajectory}&instrument=traject-life-domains&moment=extra&respondent=staff"
            ),
            "/participants/{id}/testimonials" => {
                format!("/participants/{participant}/testimonials")
            }
            "/participants/{id}/testimonials/{testimonial}/withdraw" => {
                format!("/participants/{participant}/testimonials/no-such-testimonial/withdraw")
            }
            "/outcomes/instruments/{key}/paper" => {
                "/outcomes/instruments/demostad-parenting-check/paper?lang=fr".to_owned()
            }
            "/admin/programmes/{id}/measurements" => {
                format!("/admin/programmes/{programme}/measurements")
            }
            "/sessions/{id}/kiosk" => format!("/sessions/{session}/kiosk"),
            "/sessions/{id}/kiosk/close" => format!("/sessions/{session}/kiosk/close"),
            "/k/{token}" => format!("/k/{}", "0".repeat(64)),
            "/k/{token}/turns" => format!("/k/{}/turns", "0".repeat(64)),
            "/k/{token}/turns/{turn}" => format!("/k/{}/turns/no-such-turn", "0".repeat(64)),
            "/k/{token}/turns/{turn}/done" => {
                format!("/k/{}/turns/no-such-turn/done", "0".repeat(64))
            }
            "/p/{token}/answers" => format!("/p/{}/answers", "0".repeat(64)),
            "/p/{token}/answers/{measurement}" => {
                format!("/p/{}/answers/no-such-measurement", "0".repeat(64))
            }
            "/p/{token}/answers/{measurement}/done" => {
                format!("/p/{}/answers/no-such-measurement/done", "0".repeat(64))
            }
            "/api/v1/participants/{id}/measurements" => {
                format!("/api/v1/participants/{participant}/measurements")
            }
            "/api/v1/programmes/{id}/outcomes" => {
                format!("/api/v1/programmes/{programme}/outcomes")
            }
            "/api/v1/programmes/{id}/indicators" => {
                format!("/api/v1/programmes/{programme}/indicators")
            }
            "/api/v1/programmes/{id}/budget" => {
                format!("/api/v1/programmes/{programme}/budget")
            }
            "/network/partners/{id}" => format!("/network/partners/{partner}"),
            "/network/partners/{id}/edit" => format!("/network/partners/{partner}/edit"),
            "/network/partners/{id}/verify" => format!("/network/partners/{partner}/verify"),
            "/network/partners/{id}/note" => format!("/network/partners/{partner}/note"),
            "/network/signals/{id}" => format!("/network/signals/{signal}"),
            "/network/meetings/{id}" => format!("/network/meetings/{meeting}"),
            "/network/meetings/{id}/decisions" => format!("/network/meetings/{meeting}/decisions"),
            "/network/meetings/{id}/review/{participant}" => {
                format!("/network/meetings/{meeting}/review/{participant}")
            }
            "/network/decisions/{id}/done" => format!("/network/decisions/{decision}/done"),
            "/participants/{id}/referrals" => format!("/participants/{participant}/referrals"),
            "/participants/{id}/referrals/{referral}/status" => {
                format!("/participants/{participant}/referrals/{referral}/status")
            }
            "/participants/{id}/referrals/{referral}/share" => {
                format!("/participants/{participant}/referrals/{referral}/share")
            }
            "/participants/{id}/aftercare-chats" => {
                format!("/participants/{participant}/aftercare-chats")
            }
            "/participants/{id}/aftercare-chats/{chat}/leave" => {
                format!("/participants/{participant}/aftercare-chats/no-such-chat/leave")
            }
            "/api/v1/participants/{id}/referrals" => {
                format!("/api/v1/participants/{participant}/referrals")
            }
            "/api/v1/referrals/{id}/status" => format!("/api/v1/referrals/{referral}/status"),
            other => {
                assert!(
                    !other.contains('{'),
                    "add an id for {other} to the permission test"
                );
                other.to_owned()
            }
        }
    };

    let mut routes = web::routes::route_table();
    // Logging out ends the session the later rows need: those go last.
    routes.sort_by_key(|r| match (r.method.as_str(), r.path) {
        ("POST", "/logout") => 1,
        ("POST", "/login") => 2,
        _ => 0,
    });
    let table = parse_table();
    let mut actual = Vec::new();
    let mut problems = Vec::new();
    for route in &routes {
        let path = concrete(route.path);
        let mut codes = Vec::new();
        for (i, client) in clients.iter().enumerate() {
            let request = client.request(route.method.clone(), app.url(&path));
            // Cookie sessions send their token as a header on API calls.
            let request = if route.path.starts_with("/api/") && route.method != reqwest::Method::GET
            {
                let body = if route.path == "/api/v1/tokens" {
                    serde_json::json!({"name": "permission test"})
                } else {
                    serde_json::json!({})
                };
                request
                    .header("x-csrf-token", tokens[i].clone())
                    .json(&body)
            } else if route.method == reqwest::Method::POST {
                let mut form = vec![("csrf", tokens[i].clone())];
                match route.path {
                    "/login" => form.extend([
                        ("login", "nobody@demostad.example".to_owned()),
                        ("password", format!("{PASSWORD}x")),
                    ]),
                    "/language" => form.push(("lang", "en".to_owned())),
                    _ => {}
                }
                request.form(&form)
            } else {
                request
            };
            let status = request.send().await.unwrap().status().as_u16();
            codes.push(status);
            let crosses = COLUMNS[i] == "other-org" && route.path.contains('{');
            if crosses && (200..300).contains(&status) {
                problems.push(format!(
                    "{} {}: another organisation got {status}",
                    route.method, route.path
                ));
            }
            let record_route = ["/participants", "/audit", "/admin"]
                .iter()
                .any(|p| route.path.starts_with(p));
            if COLUMNS[i] == "analyst" && record_route && (200..300).contains(&status) {
                problems.push(format!(
                    "{} {}: the analyst got {status}",
                    route.method, route.path
                ));
            }
        }
        match table.get(&(route.method.to_string(), route.path.to_owned())) {
            None => problems.push(format!(
                "{} {} has no entry in permissions.txt",
                route.method, route.path
            )),
            Some(expected) if *expected != codes => problems.push(format!(
                "{} {}: expected {expected:?}, got {codes:?} ({})",
                route.method,
                route.path,
                COLUMNS.join(" ")
            )),
            Some(_) => {}
        }
        actual.push(format!(
            "{:<6} {:<28} {}",
            route.method.as_str(),
            route.path,
            codes
                .iter()
                .map(|c| format!("{c:<5}"))
                .collect::<String>()
                .trim_end()
        ));
    }
    if std::env::var_os("TRAJECT_UPDATE_SNAPSHOT").is_some() {
        actual.sort();
        let header = format!(
            "# method path        {}\n# Regenerate after a deliberate change: TRAJECT_UPDATE_SNAPSHOT=1 cargo test -p web --test integration permissions::, then review the diff.\n",
            COLUMNS.join(" ")
        );
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/permissions.txt");
        std::fs::write(path, header + &actual.join("\n") + "\n").unwrap();
    }
    for (method, path) in table.keys() {
        if !routes
            .iter()
            .any(|r| r.method.as_str() == method && r.path == path)
        {
            problems.push(format!(
                "{method} {path} is in permissions.txt but not served"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
