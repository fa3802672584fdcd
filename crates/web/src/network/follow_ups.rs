//! The referrals to follow up in full: the dashboard shows the oldest few,
//! this page all of them (a coordinator's: the organisation's; a
//! casemanager's: her own), oldest first.

use super::{run, sections};
use crate::AppState;
use crate::auth::CurrentUser;
use crate::client::ClientIp;
use crate::pages::{Page, internal, render};
use crate::participants::access_failure;
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use db::network::referrals::{self, FollowUpList};

#[derive(Template)]
#[template(path = "network/follow_ups.html")]
pub struct FollowUpsPage {
    pub page: Page,
    pub sections: Vec<(&'static str, &'static str)>,
    pub list: FollowUpList,
}

/// `GET /network/follow-ups`.
pub async fn page(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
) -> Response {
    let today = state.clock.today();
    let actor = me.actor.clone();
    let found = run(&state, address, move |conn, origin| {
        referrals::follow_up_list(conn, &actor, today, origin)
    })
    .await;
    match found {
        Ok(Ok(list)) => render(&FollowUpsPage {
            sections: sections(me.actor.role()),
            page,
            list,
        }),
        Ok(Err(e)) => access_failure(page, e),
        Err(e) => internal(page, e),
    }
}
