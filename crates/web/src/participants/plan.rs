//! The guidance plan's pages: the plan with its goals, commitments, steps,
//! schedule and evaluations (one form per part), a print view in her
//! language for signing, and the PIIS export over the API.

use super::{Check, allowed_page, edit_failure, origin_parts};
use crate::AppState;
use crate::auth::CurrentUser;
use crate::client::ClientIp;
use crate::error::{ApiError, ErrorBody};
use crate::forms::{Choice, FormState, Pairs, codes};
use crate::pages::{Page, internal, render, see_other};
use askama::Template;
use axum::Form;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use db::participants::Origin;
use db::participants::file::EditError;
use db::participants::plan::{self, Change, Header, PlanView};
use domain::participant::{FieldError, LifeDomain, parse_date};
use domain::plan::{CommitmentParty, Progress, StepOwner, StepStatus};
use std::collections::BTreeMap;
use utoipa::OpenApi;

#[derive(OpenApi)]
#[openapi(paths(piis))]
pub struct Doc;

#[derive(Template)]
#[template(path = "participants/plan.html")]
pub struct PlanPage {
    pub page: Page,
    pub view: PlanView,
    pub form: FormState,
    pub domains: Vec<Choice>,
    pub parties: Vec<Choice>,
    pub owners: Vec<Choice>,
    pub progress: Vec<Choice>,
}

impl PlanPage {
    pub fn goal_text(&self, g: &db::models::PlanGoal) -> String {
        format!(
            "{}: {}",
            self.page.t(&format!("coded-domain-{}", g.domain)),
            g.wording
        )
    }

    pub fn commitment_text(&self, c: &db::models::PlanCommitment) -> String {
        let party = self.page.t(&format!("coded-party-{}", c.party));
        if c.party_name.is_empty() {
            format!("{party}: {}", c.wording)
        } else {
            format!("{party} ({}): {}", c.party_name, c.wording)
        }
    }

    pub fn step_text(&self, s: &db::models::PlanStep) -> String {
        let mut out = format!(
            "{} · {}",
            s.description,
            self.page.t(&format!("coded-owner-{}", s.owner))
        );
        if !s.partner_name.is_empty() {
            out.push_str(&format!(" ({})", s.partner_name));
        }
        if let Some(d) = s.due_on {
            out.push_str(&format!(" · {}", self.page.date(&d)));
        }
        out.push_str(&format!(
            " · {}",
            self.page.t(&format!("coded-step-{}", s.status))
        ));
        out
    }

    pub fn evaluation_text(&self, e: &db::models::PlanEvaluation) -> String {
        format!(
            "{} · {}",
            self.page.date(&e.held_on),
            self.page.t(if e.in_person {
                "evaluation-in-person"
            } else {
                "evaluation-remote"
            })
        )
    }

    pub fn minimum_text(&self) -> String {
        let (n, in_person, _) = self.view.last_year;
        i18n::t_args(
            self.page.lang,
            "plan-minimum",
            &[
                ("count", i18n::Arg::Num(n as i64)),
                ("number", i18n::Arg::Num(in_person as i64)),
            ],
        )
    }

    pub fn progress_field(&self, goal: &str) -> String {
        format!("progress_{goal}")
    }

    pub fn language_key(&self) -> String {
        format!("language-name-{}", self.view.participant.language)
    }
}

fn choices() -> (Vec<Choice>, Vec<Choice>, Vec<Choice>, Vec<Choice>) {
    (
        Choice::coded("domain", codes(LifeDomain::ALL, LifeDomain::code)),
        Choice::coded("party", codes(CommitmentParty::ALL, CommitmentParty::code)),
        Choice::coded("owner", codes(StepOwner::ALL, StepOwner::code)),
        Choice::coded("progress", codes(Progress::ALL, Progress::code)),
    )
}

fn form_of(view: &PlanView, today: chrono::NaiveDate) -> FormState {
    let mut f = FormState::default();
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    match &view.plan {
        Some(p) => {
            f.set("needs_assessment", p.needs_assessment.clone());
            f.set("offered_on", date(p.offered_on));
            f.set("signed_on", date(p.signed_on));
            f.set("starts_on", p.starts_on.to_string());
            f.set("ends_on", p.ends_on.to_string());
            f.set("rhythm_months", p.rhythm_months.to_string());
            f.set("is_gpmi", if p.is_gpmi { "yes" } else { "no" });
            f.set("version", p.version.to_string());
        }
        None => {
            f.set("starts_on", today.to_string());
            f.set(
                "ends_on",
                domain::calendar::add_months(today, 12).to_string(),
            );
            f.set(
                "rhythm_months",
                domain::plan::DEFAULT_RHYTHM_MONTHS.to_string(),
            );
            f.set("is_gpmi", "yes");
            f.set("version", "0");
        }
    }
    f.set("held_on", today.to_string());
    f
}

async fn load(
    state: &AppState,
    address: String,
    me: &crate::auth::Signed,
    id: String,
) -> Result<Result<PlanView, EditError>, db::DbError> {
    let (at, writer) = origin_parts(state);
    let today = state.clock.today();
    let actor = me.actor.clone();
    state
        .db
        .run(move |conn| {
            Ok(plan::view(
                conn,
                &actor,
                &id,
                today,
                Origin::new(Some(&address), at).via(&writer),
            ))
        })
        .await
}

async fn show(
    state: &AppState,
    address: String,
    page: Page,
    me: &crate::auth::Signed,
    id: String,
    form: Option<FormState>,
    status: StatusCode,
) -> Response {
    let view = match load(state, address, me, id).await {
        Ok(Ok(v)) => v,
        Ok(Err(e)) => return edit_failure(page, e),
        Err(e) => return internal(page, e),
    };
    let form = form.unwrap_or_else(|| form_of(&view, state.clock.today()));
    let (domains, parties, owners, progress) = choices();
    let body = render(&PlanPage {
        page,
        view,
        form,
        domains,
        parties,
        owners,
        progress,
    });
    (status, body).into_response()
}

pub async fn plan_page(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
) -> Response {
    show(&state, address, page, &me, id, None, StatusCode::OK).await
}

#[derive(Template)]
#[template(path = "participants/plan_print.html")]
pub struct PrintPage {
    pub page: Page,
    pub view: PlanView,
    /// Her calendar's QR code (inline SVG), when asked for.
    pub calendar_qr: String,
}

impl PrintPage {
    pub fn period(&self) -> String {
        match &self.view.plan {
            Some(p) => self.page.t_str(
                "plan-period",
                "date",
                &format!(
                    "{} – {}",
                    self.page.date(&p.starts_on),
                    self.page.date(&p.ends_on)
                ),
            ),
            None => String::new(),
        }
    }

    pub fn goals_of(&self, domain: &str) -> Vec<&db::models::PlanGoal> {
        self.view
            .goals
            .iter()
            .filter(|g| g.domain == domain)
            .collect()
    }

    pub fn domains(&self) -> Vec<String> {
        let mut d: Vec<String> = self.view.goals.iter().map(|g| g.domain.clone()).collect();
        d.dedup();
        d
    }

    pub fn commitments(&self, party: &str) -> Vec<&db::models::PlanCommitment> {
        self.view
            .commitments
            .iter()
            .filter(|c| c.party == party)
            .collect()
    }
}

/// The plan to print and sign, in the participant's language.
pub async fn print(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
) -> Response {
    let view = match load(&state, address, &me, id).await {
        Ok(Ok(v)) => v,
        Ok(Err(e)) => return edit_failure(page, e),
        Err(e) => return internal(page, e),
    };
    if view.plan.is_none() {
        return page.error(StatusCode::NOT_FOUND);
    }
    // Printed for her: in the language of her messages.
    let mut page = page;
    if let Ok(lang) = view.participant.language.parse() {
        page.lang = lang;
    }
    render(&PrintPage {
        page,
        view,
        calendar_qr: String::new(),
    })
}

/// The plan to print with a QR code that puts her group sessions in her
/// phone's calendar: a new calendar link for her (an edit of her file).
pub async fn print_with_calendar(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    headers: axum::http::HeaderMap,
    Path(id): Path<String>,
) -> Response {
    let view = match load(&state, address.clone(), &me, id).await {
        Ok(Ok(v)) => v,
        Ok(Err(e)) => return edit_failure(page, e),
        Err(e) => return internal(page, e),
    };
    if view.plan.is_none() {
        return page.error(StatusCode::NOT_FOUND);
    }
    let (at, _) = super::origin_parts(&state);
    let (actor, pid) = (me.actor.clone(), view.participant.id.clone());
    let made = state
        .db
        .run(move |conn| {
            Ok(db::messages::links::create_for_participant(
                conn,
                &actor,
                &pid,
                Some(domain::messages::LinkKind::Feed),
                Origin::new(Some(&address), at),
            ))
        })
        .await;
    let token = match made {
        Ok(Ok((_, token))) => token,
        Ok(Err(e)) => return edit_failure(page, e),
        Err(e) => return internal(page, e),
    };
    let calendar_qr =
        crate::messages::links::calendar_qr(&state, &headers, &token, "calendar-qr-caption");
    let mut page = page;
    if let Ok(lang) = view.participant.language.parse() {
        page.lang = lang;
    }
    render(&PrintPage {
        page,
        view,
        calendar_qr,
    })
}

fn optional_date(
    pairs: &Pairs,
    field: &'static str,
) -> Result<Option<chrono::NaiveDate>, FieldError> {
    let raw = pairs.get(field);
    if raw.trim().is_empty() {
        return Ok(None);
    }
    parse_date(raw).map(Some).ok_or(FieldError {
        field,
        code: "invalid-date",
    })
}

fn required_date(pairs: &Pairs, field: &'static str) -> Result<chrono::NaiveDate, FieldError> {
    optional_date(pairs, field)?.ok_or(FieldError {
        field,
        code: "invalid-date",
    })
}

fn coded<T: std::str::FromStr>(pairs: &Pairs, field: &'static str) -> Result<T, FieldError> {
    pairs.get(field).parse().map_err(|_| FieldError {
        field,
        code: "invalid-choice",
    })
}

/// The change a plan form asks for (`part` names the form).
fn change_from(pairs: &Pairs) -> Result<Change, FieldError> {
    Ok(match pairs.get("part") {
        "header" => Change::Header {
            header: Header {
                is_gpmi: pairs.get("is_gpmi") == "yes",
                needs_assessment: pairs.get("needs_assessment").to_owned(),
                offered_on: optional_date(pairs, "offered_on")?,
                signed_on: optional_date(pairs, "signed_on")?,
                starts_on: required_date(pairs, "starts_on")?,
                ends_on: required_date(pairs, "ends_on")?,
                rhythm_months: pairs.get("rhythm_months").parse().map_err(|_| FieldError {
                    field: "rhythm_months",
                    code: "invalid-choice",
                })?,
            },
            version: pairs.get("version").parse().unwrap_or(0),
        },
        "goal" => Change::Goal {
            domain: coded(pairs, "goal_domain")?,
            wording: pairs.get("goal_wording").to_owned(),
        },
        "commitment" => Change::Commitment {
            party: coded(pairs, "party")?,
            party_name: pairs.get("party_name").to_owned(),
            wording: pairs.get("commitment_wording").to_owned(),
        },
        "step" => Change::Step {
            goal_id: Some(pairs.get("goal_id").to_owned()).filter(|g| !g.is_empty()),
            owner: coded(pairs, "owner")?,
            partner_name: pairs.get("partner_name").to_owned(),
            description: pairs.get("step_description").to_owned(),
            due_on: optional_date(pairs, "due_on")?,
        },
        "step_status" => Change::StepStatus {
            step_id: pairs.get("step_id").to_owned(),
            status: pairs
                .get("status")
                .parse::<StepStatus>()
                .map_err(|_| FieldError {
                    field: "status",
                    code: "invalid-choice",
                })?,
        },
        "evaluation" => {
            let mut progress = BTreeMap::new();
            for (k, v) in &pairs.0 {
                if let Some(goal) = k.strip_prefix("progress_")
                    && !v.is_empty()
                {
                    let p = v.parse::<Progress>().map_err(|_| FieldError {
                        field: "progress",
                        code: "invalid-choice",
                    })?;
                    progress.insert(goal.to_owned(), p);
                }
            }
            Change::Evaluation {
                held_on: required_date(pairs, "held_on")?,
                in_person: pairs.get("in_person") == "yes",
                note: pairs.get("evaluation_note").to_owned(),
                progress,
            }
        }
        _ => {
            return Err(FieldError {
                field: "part",
                code: "invalid-choice",
            });
        }
    })
}

pub async fn save(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let page = match allowed_page(
        &state,
        &address,
        &me.actor,
        Check::Trajectory("plan.update", id.clone()),
        page,
    )
    .await
    {
        Ok(page) => page,
        Err(refused) => return refused,
    };
    let pairs = Pairs(pairs);
    let form = FormState::from_pairs(&pairs);
    let change = match change_from(&pairs) {
        Ok(c) => c,
        Err(e) => {
            return show(
                &state,
                address,
                page,
                &me,
                id,
                Some(form.with_errors(vec![e])),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    let (at, _) = origin_parts(&state);
    let (actor, tid, ip) = (me.actor.clone(), id.clone(), address.clone());
    let saved = state
        .db
        .run(move |conn| {
            Ok(plan::change(
                conn,
                &actor,
                &tid,
                &change,
                Origin::new(Some(&ip), at),
            ))
        })
        .await;
    match saved {
        Ok(Ok(())) => see_other(&format!("/trajectories/{id}/plan")),
        Ok(Err(EditError::Invalid(errors))) => {
            show(
                &state,
                address,
                page,
                &me,
                id,
                Some(form.with_errors(errors)),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Ok(Err(e)) => edit_failure(page, e),
        Err(e) => internal(page, e),
    }
}

/// The content of the federal PIIS forms (contract and evaluations) for the
/// trajectory's plan, as JSON. Carries the national number: for the assigned
/// casemanagers and coordinators only; recorded.
#[utoipa::path(get, path = "/api/v1/trajectories/{id}/plan/piis", tag = "participants", security(("token" = [])),
    params(("id" = String, Path, description = "Trajectory id")),
    responses((status = 200, description = "PIIS contract and evaluations", content_type = "application/json", body = Object),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn piis(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
) -> Response {
    let (at, writer) = origin_parts(&state);
    let today = state.clock.today();
    let actor = me.actor;
    let out = state
        .db
        .run(move |conn| {
            Ok(plan::piis(
                conn,
                &actor,
                &id,
                today,
                Origin::new(Some(&address), at).via(&writer),
            ))
        })
        .await;
    match out {
        Ok(Ok(p)) => Json(p).into_response(),
        Ok(Err(EditError::Access(e))) => ApiError::from(e).into_response(),
        Ok(Err(_)) => ApiError::NotFound.into_response(),
        Err(e) => ApiError::Db(e).into_response(),
    }
}
