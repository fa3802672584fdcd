//! Data problems: the records of the organisation that need attention, each
//! linking to where it is fixed. Page and API.

use crate::AppState;
use crate::auth::CurrentUser;
use crate::client::ClientIp;
use crate::error::{ApiError, ErrorBody};
use crate::pages::{Page, internal, render};
use crate::participants::{access_failure, origin_parts};
use askama::Template;
use axum::Json;
use axum::extract::State;
use axum::response::Response;
use db::participants::Origin;
use db::quality::Report;
use serde::Serialize;
use utoipa::{OpenApi, ToSchema};

#[derive(OpenApi)]
#[openapi(paths(api), components(schemas(ProblemKind, ProblemLine)))]
pub struct Doc;

#[derive(Template)]
#[template(path = "quality/problems.html")]
pub struct ProblemsPage {
    pub page: Page,
    pub report: Report,
}

impl ProblemsPage {
    pub fn count_text(&self, n: &usize) -> String {
        self.page.t_count("problems-count", *n as i64)
    }

    pub fn total_text(&self) -> String {
        self.page
            .t_count("problems-total", self.report.total() as i64)
    }
}

async fn load(
    state: &AppState,
    address: String,
    me: &crate::auth::Signed,
) -> Result<Result<Report, db::participants::AccessError>, db::DbError> {
    let (at, writer) = origin_parts(state);
    let today = state.clock.today();
    let actor = me.actor.clone();
    state
        .db
        .run(move |conn| {
            Ok(db::quality::report(
                conn,
                &actor,
                today,
                Origin::new(Some(&address), at).via(&writer),
            ))
        })
        .await
}

pub async fn page(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
) -> Response {
    match load(&state, address, &me).await {
        Ok(Ok(report)) => render(&ProblemsPage { page, report }),
        Ok(Err(e)) => access_failure(page, e),
        Err(e) => internal(page, e),
    }
}

#[derive(Serialize, ToSchema)]
pub struct ProblemLine {
    pub participant_id: String,
    pub name: String,
    /// Where the fix is made in the web interface.
    pub fix: String,
    pub since: Option<chrono::NaiveDate>,
}

#[derive(Serialize, ToSchema)]
pub struct ProblemKind {
    /// no_data_consent, evaluation_overdue, gpmi_without_national_number,
    /// child_without_birth_date or past_programme_duration.
    pub kind: String,
    pub count: usize,
    /// The first 100.
    pub problems: Vec<ProblemLine>,
}

/// The records that need attention, per kind (a casemanager: her own people).
#[utoipa::path(get, path = "/api/v1/data-problems", tag = "participants", security(("token" = [])),
    responses((status = 200, body = [ProblemKind]), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody)))]
pub async fn api(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    CurrentUser(me): CurrentUser,
) -> Result<Json<Vec<ProblemKind>>, ApiError> {
    let report = load(&state, address, &me).await??;
    Ok(Json(
        report
            .kinds
            .into_iter()
            .map(|(kind, count, problems)| ProblemKind {
                kind: kind.to_owned(),
                count,
                problems: problems
                    .into_iter()
                    .map(|p| ProblemLine {
                        participant_id: p.participant_id,
                        name: p.name,
                        fix: p.fix,
                        since: p.since,
                    })
                    .collect(),
            })
            .collect(),
    ))
}
