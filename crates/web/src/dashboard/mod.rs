//! The dashboards: a casemanager's day and a coordinator's team.

use crate::AppState;
use crate::auth::CurrentUser;
use crate::client::ClientIp;
use crate::pages::{Page, internal, render};
use crate::participants::access_failure;
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use chrono::NaiveDate;
use db::participants::Origin;
use domain::model::Role;

#[derive(Template)]
#[template(path = "dashboard/dashboard.html")]
pub struct Dashboard {
    pub page: Page,
    pub name: String,
    pub today: NaiveDate,
    pub caseload: Option<i64>,
}

impl Dashboard {
    pub fn caseload_text(&self) -> Option<String> {
        self.caseload
            .map(|n| self.page.t_count("dashboard-caseload", n))
    }
}

pub async fn dashboard(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
) -> Response {
    let lists = matches!(me.actor.role(), Some(Role::Coordinator | Role::Casemanager));
    let caseload = if lists {
        let actor = me.actor.clone();
        let at = state.clock.now().naive_utc();
        let writer = state.db.audit_writer().clone();
        match state
            .db
            .run(move |conn| {
                Ok(db::participants::count(
                    conn,
                    &actor,
                    Origin::new(Some(&address), at).via(&writer),
                ))
            })
            .await
        {
            Ok(Ok(n)) => Some(n),
            Ok(Err(e)) => return access_failure(page, e),
            Err(e) => return internal(page, e),
        }
    } else {
        None
    };
    render(&Dashboard {
        page,
        name: me.user.display_name,
        today: state.clock.today(),
        caseload,
    })
}
