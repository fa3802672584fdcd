//! `/admin/programmes/{id}/measurements`: which instruments a programme takes
//! when (intake, mid-way, end, 6 and 12 months after closing), from her or
//! rated by her casemanager.

use super::name_of;
use crate::AppState;
use crate::auth::CurrentUser;
use crate::client::ClientIp;
use crate::forms::Pairs;
use crate::pages::{Page, internal, render, see_other};
use crate::participants::{access_failure, origin_parts};
use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use db::outcomes::measurements;
use db::participants::Origin;
use domain::instruments::Respondent;
use domain::outcomes::{PLANNED_MOMENTS, Planned};
use serde::Deserialize;

/// One row of the grid: an instrument from one respondent, with a box per
/// moment.
pub struct PlanRow {
    pub label: String,
    pub respondent: String,
    /// (value, moment label, checked).
    pub cells: Vec<(String, String, bool)>,
}

#[derive(Template)]
#[template(path = "outcomes/moments.html")]
struct MomentsPage {
    page: Page,
    id: String,
    programme: String,
    moments: Vec<String>,
    rows: Vec<PlanRow>,
    saved: bool,
}

#[derive(Deserialize)]
pub struct Shown {
    #[serde(default)]
    saved: String,
}

/// `GET /programmes/{id}/measurements`.
pub async fn page(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
    Query(shown): Query<Shown>,
) -> Response {
    let (at, writer) = origin_parts(&state);
    let actor = me.actor.clone();
    let pid = id.clone();
    let loaded = state
        .db
        .run(move |conn| {
            let org = match db::groups::require(
                conn,
                &actor,
                domain::policy::Action::ManageProgrammes,
                "programme.measurements",
                Origin::new(Some(&address), at).via(&writer),
            ) {
                Ok(o) => o,
                Err(e) => return Ok(Err(e)),
            };
            let name = db::outcomes::results::programme_name(conn, &org, &pid)?;
            let Some(name) = name else {
                return Ok(Err(db::participants::AccessError::Db(
                    db::DbError::NotFound("programme"),
                )));
            };
            let plan = measurements::plan_of(conn, &org, &pid)?;
            let all = db::outcomes::instruments::available(conn, &org)?;
            Ok(Ok((name, plan, all)))
        })
        .await;
    let (programme, plan, all) = match loaded {
        Ok(Ok(x)) => x,
        Ok(Err(e)) => return access_failure(page, e),
        Err(e) => return internal(page, e),
    };
    let lang = page.lang.code();
    let mut rows = Vec::new();
    for a in &all {
        let i = &a.instrument;
        let mut respondents = vec![i.respondent];
        // Her life-domain scores can also be rated by her casemanager.
        if !i.anonymous
            && i.respondent == Respondent::Participant
            && i.items.iter().any(|item| item.domain.is_some())
        {
            respondents.push(Respondent::Staff);
        }
        for r in respondents {
            rows.push(PlanRow {
                label: name_of(i, lang),
                respondent: page.t(&format!("coded-respondent-{}", r.code())),
                cells: PLANNED_MOMENTS
                    .iter()
                    .map(|m| {
                        let p = Planned {
                            instrument_key: i.key.clone(),
                            moment: *m,
                            respondent: r,
                        };
                        (
                            format!("{}|{}|{}", i.key, m.code(), r.code()),
                            page.t(&format!("coded-moment-{}", m.code())),
                            plan.contains(&p),
                        )
                    })
                    .collect(),
            });
        }
    }
    let view = MomentsPage {
        moments: PLANNED_MOMENTS
            .iter()
            .map(|m| page.t(&format!("coded-moment-{}", m.code())))
            .collect(),
        id,
        programme,
        rows,
        saved: shown.saved == "1",
        page,
    };
    render(&view)
}

/// `POST /programmes/{id}/measurements`: the whole grid at once.
pub async fn save(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let pairs = Pairs(pairs);
    let plan: Vec<Planned> = pairs
        .all("plan")
        .into_iter()
        .filter_map(|v| {
            let mut parts = v.split('|');
            Some(Planned {
                instrument_key: parts.next()?.to_owned(),
                moment: parts.next()?.parse().ok()?,
                respondent: parts.next()?.parse().ok()?,
            })
        })
        .collect();
    let (at, writer) = origin_parts(&state);
    let actor = me.actor.clone();
    let pid = id.clone();
    let saved = state
        .db
        .run(move |conn| {
            Ok(measurements::set_plan(
                conn,
                &actor,
                &pid,
                &plan,
                Origin::new(Some(&address), at).via(&writer),
            ))
        })
        .await;
    match saved {
        Ok(Ok(())) => see_other(&format!("/admin/programmes/{id}/measurements?saved=1")),
        Ok(Err(e)) => access_failure(page, e),
        Err(e) => internal(page, e),
    }
}
