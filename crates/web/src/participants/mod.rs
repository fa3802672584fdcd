//! The participant file: intake, the file itself, search, the journal, its
//! API. Pages, API handlers and templates of this capability live here; the
//! rules in `domain`, the storage in `db::participants`.

pub mod api;
pub mod choices;
pub mod intake;
pub mod pages;
pub mod plan;

use crate::AppState;
use crate::forms::Choice;
use crate::pages::{Page, internal};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::NaiveDateTime;
use db::audit::AuditWriter;
use db::participants::AccessError;
use db::participants::file::EditError;

/// The answer for a refused or failed access to a file: forbidden, not found
/// (also for another organisation's ids), or our own failure.
pub(crate) fn access_failure(page: Page, e: AccessError) -> Response {
    match e {
        AccessError::Denied(_) => page.error(StatusCode::FORBIDDEN),
        AccessError::Db(db::DbError::NotFound(_)) => page.error(StatusCode::NOT_FOUND),
        AccessError::Db(db::DbError::Conflict(_)) => page.error(StatusCode::CONFLICT),
        AccessError::Db(e) => internal(page, e),
    }
}

/// The answer for a change that failed for another reason than its input.
pub(crate) fn edit_failure(page: Page, e: EditError) -> Response {
    match e {
        EditError::Access(e) => access_failure(page, e),
        EditError::Invalid(_) => page.error(StatusCode::UNPROCESSABLE_ENTITY),
        EditError::Conflict(_) => page.error(StatusCode::CONFLICT),
    }
    .into_response()
}

/// The time of the request and the audit writer for its read entries.
pub(crate) fn origin_parts(state: &AppState) -> (NaiveDateTime, AuditWriter) {
    (
        state.clock.now().naive_utc(),
        state.db.audit_writer().clone(),
    )
}

/// The organisation's active programmes as select options (their own names).
pub(crate) fn programme_choices(programmes: &[db::models::Programme]) -> Vec<Choice> {
    programmes
        .iter()
        .filter(|p| p.active)
        .map(|p| Choice::literal(p.id.clone(), p.name.clone()))
        .collect()
}

/// What a handler must be allowed before it looks at the input.
pub(crate) enum Check {
    /// An organisation-wide action, with its audit action.
    Org(domain::policy::Action, &'static str),
    /// An action on one participant.
    Participant(domain::policy::Action, &'static str, String),
    /// A change of a trajectory (an edit of its participant's file).
    Trajectory(&'static str, String),
}

/// Asks the policy first, so a refused caller learns nothing from validation;
/// refusals are recorded by `db`.
pub(crate) async fn allowed(
    state: &AppState,
    address: &str,
    actor: &domain::policy::Actor,
    check: Check,
) -> Result<Result<(), AccessError>, db::DbError> {
    let (at, writer) = origin_parts(state);
    let (actor, address) = (actor.clone(), address.to_owned());
    state
        .db
        .run(move |conn| {
            let origin = db::participants::Origin::new(Some(&address), at).via(&writer);
            Ok(match check {
                Check::Org(action, audit) => {
                    db::participants::require_org(conn, &actor, action, audit, origin)
                }
                Check::Participant(action, audit, id) => {
                    db::participants::require_participant(conn, &actor, action, audit, &id, origin)
                }
                Check::Trajectory(audit, id) => {
                    match db::participants::participant_of_trajectory(conn, &actor, &id) {
                        Ok(pid) => db::participants::require_participant(
                            conn,
                            &actor,
                            domain::policy::Action::EditParticipant,
                            audit,
                            &pid,
                            origin,
                        ),
                        Err(e) => Err(e),
                    }
                }
            })
        })
        .await
}

/// For a page: the policy's answer before anything else; a refusal is the
/// translated error page. Gives the page back to render with.
pub(crate) async fn allowed_page(
    state: &AppState,
    address: &str,
    actor: &domain::policy::Actor,
    check: Check,
    page: Page,
) -> Result<Page, Response> {
    match allowed(state, address, actor, check).await {
        Ok(Ok(())) => Ok(page),
        Ok(Err(e)) => Err(access_failure(page, e)),
        Err(e) => Err(internal(page, e)),
    }
}

/// For the API: the policy's answer before the body is looked at; a refusal
/// is the API's error answer.
pub(crate) async fn allowed_api(
    state: &AppState,
    address: &str,
    actor: &domain::policy::Actor,
    check: Check,
) -> Result<(), Response> {
    match allowed(state, address, actor, check).await {
        Ok(Ok(())) => Ok(()),
        Ok(Err(e)) => Err(crate::error::ApiError::from(e).into_response()),
        Err(e) => Err(crate::error::ApiError::Db(e).into_response()),
    }
}
