//! Messages as staff see them: her file lists what was sent, when, how and
//! what failed (never the address or the text), and a casemanager's
//! dashboard names the messages that did not arrive.

use diesel::prelude::*;
use test_support::{As, TestApp};

#[tokio::test]
async fn the_file_and_the_dashboard_show_what_was_sent_and_what_failed() {
    let app = TestApp::builder().with_demo().spawn().await;
    // A participant of casemanager 1 with a message that did not arrive.
    let (participant, address) = app
        .with_db(|conn| {
            use db::schema::{messages, trajectories, users};
            let cm: String = users::table
                .filter(users::email.eq(As::Casemanager.email()))
                .select(users::id)
                .first(conn)
                .unwrap();
            let mine = trajectories::table
                .filter(trajectories::casemanager_id.eq(cm))
                .select(trajectories::participant_id.nullable());
            messages::table
                .filter(messages::status.eq("gave_up"))
                .filter(messages::participant_id.eq_any(mine))
                .select((
                    messages::participant_id.assume_not_null(),
                    messages::address,
                ))
                .first::<(String, String)>(conn)
                .unwrap()
        })
        .await;
    let cm = app.client_as(As::Casemanager).await;
    let file = cm
        .get(app.url(&format!("/participants/{participant}")))
        .header("Accept-Language", "en")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let section =
        &file[file.find("id=\"messages\"").unwrap()..file.find("id=\"consents\"").unwrap()];
    // In her own language, whichever it is.
    let any = |key: &str| {
        domain::model::Language::ALL
            .iter()
            .map(|l| i18n::t(*l, key))
            .any(|t| section.contains(&t))
    };
    assert!(any("coded-message-status-gave_up"), "{section}");
    assert!(any("coded-message-kind-reminder"));
    assert!(
        !section.contains(&address),
        "no phone number or address on the page"
    );
    let dashboard = cm
        .get(app.url("/dashboard"))
        .header("Accept-Language", "en")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        domain::model::Language::ALL
            .iter()
            .any(|l| dashboard.contains(&i18n::t(*l, "dashboard-messages-failed")))
    );
    assert!(dashboard.contains(&format!("/participants/{participant}#messages")));
}
