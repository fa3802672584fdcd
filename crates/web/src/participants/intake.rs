//! The intake page (notes, needs per life domain, the eligibility rules as
//! met / not met / unknown, the decision with an override justification),
//! lifecycle transitions and reassignment of a trajectory.

use super::{Check, allowed_page, edit_failure, origin_parts};
use crate::AppState;
use crate::auth::CurrentUser;
use crate::client::ClientIp;
use crate::forms::{Choice, FormState, Pairs};
use crate::pages::{Page, internal, render, see_other};
use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use db::participants::Origin;
use db::participants::file::EditError;
use db::participants::trajectory::{self, Decision, IntakeNotes, IntakeView};
use domain::eligibility::Finding;
use domain::lifecycle::{IntakeOutcome, StopReason, Transition};
use domain::participant::{FieldError, LifeDomain, parse_date};

#[derive(Template)]
#[template(path = "participants/intake.html")]
pub struct IntakePage {
    pub page: Page,
    pub view: IntakeView,
    pub form: FormState,
    pub domains: Vec<Choice>,
    pub outcomes: Vec<Choice>,
    /// Whether a decision may still be taken (in intake or on the waiting list).
    pub open: bool,
}

impl IntakePage {
    pub fn finding_text(&self, f: &Finding) -> String {
        let value = f
            .value
            .as_deref()
            .map(|v| {
                // Coded values are shown translated.
                let key = match f.reason {
                    "income-is" => format!("coded-income-{v}"),
                    "language-level-is" => format!("coded-level-{v}"),
                    "language-not-spoken" => format!("spoken-{v}"),
                    _ => String::new(),
                };
                if key.is_empty() {
                    v.to_owned()
                } else {
                    self.page.t(&key)
                }
            })
            .unwrap_or_default();
        i18n::t_args(
            self.page.lang,
            &format!("eligibility-reason-{}", f.reason),
            &[("value", i18n::Arg::Str(&value))],
        )
    }

    pub fn rule_text(&self, f: &Finding) -> String {
        use domain::eligibility::Rule;
        let args: Vec<(&str, String)> = match &f.rule {
            Rule::MinAge { years } | Rule::ChildUnder { years } => {
                vec![("years", years.to_string())]
            }
            Rule::Income { allowed } => vec![(
                "list",
                allowed
                    .iter()
                    .map(|k| self.page.t(&format!("coded-income-{}", k.code())))
                    .collect::<Vec<_>>()
                    .join(", "),
            )],
            Rule::LivesIn { postal_codes } => vec![("list", postal_codes.join(", "))],
            Rule::LanguageMinimum { language, level } => vec![
                ("language", self.page.t(&format!("spoken-{language}"))),
                (
                    "level",
                    self.page.t(&format!("coded-level-{}", level.code())),
                ),
            ],
            _ => Vec::new(),
        };
        let args: Vec<(&str, i18n::Arg<'_>)> = args
            .iter()
            .map(|(k, v)| {
                (
                    *k,
                    match v.parse::<i64>() {
                        Ok(n) => i18n::Arg::Num(n),
                        Err(_) => i18n::Arg::Str(v.as_str()),
                    },
                )
            })
            .collect();
        i18n::t_args(
            self.page.lang,
            &format!("eligibility-rule-{}", f.rule.code()),
            &args,
        )
    }

    pub fn status_key(&self) -> String {
        format!("status-{}", self.view.trajectory.status)
    }

    pub fn overall_key(&self) -> String {
        format!(
            "eligibility-overall-{}",
            self.view.assessment.overall().code()
        )
    }

    pub fn need_field(&self, domain: &str) -> String {
        format!("need_{domain}")
    }

    pub fn waiting_text(&self) -> Option<String> {
        self.view
            .waiting_position
            .map(|n| self.page.t_count("waiting-position", n))
    }
}

fn form_of(view: &IntakeView, today: chrono::NaiveDate) -> FormState {
    let mut f = FormState::default();
    f.set("motivation", view.intake.motivation.clone());
    f.set("request_for_help", view.intake.request_for_help.clone());
    f.set("strengths", view.intake.strengths.clone());
    f.set("dreams", view.intake.dreams.clone());
    for (domain, need) in &view.needs {
        f.set(&format!("need_{domain}"), need.clone());
    }
    f.set("decided_on", today.to_string());
    f
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
    let (at, writer) = origin_parts(state);
    let today = state.clock.today();
    let actor = me.actor.clone();
    let read = state
        .db
        .run(move |conn| {
            Ok(trajectory::intake(
                conn,
                &actor,
                &id,
                today,
                Origin::new(Some(&address), at).via(&writer),
            ))
        })
        .await;
    let view = match read {
        Ok(Ok(v)) => v,
        Ok(Err(e)) => return edit_failure(page, e),
        Err(e) => return internal(page, e),
    };
    let form = form.unwrap_or_else(|| form_of(&view, today));
    let open = matches!(view.trajectory.status.as_str(), "intake" | "waiting_list");
    let domains: Vec<&'static str> = view
        .programme
        .life_domains
        .split(',')
        .filter_map(|d| d.parse::<LifeDomain>().ok().map(LifeDomain::code))
        .collect();
    let waiting = view.trajectory.status == "waiting_list";
    let outcomes: Vec<&'static str> = IntakeOutcome::ALL
        .iter()
        .filter(|o| !waiting || **o != IntakeOutcome::WaitingList)
        .map(|o| o.code())
        .collect();
    let body = render(&IntakePage {
        page,
        view,
        form,
        domains: Choice::coded("domain", domains),
        outcomes: Choice::coded("outcome", outcomes),
        open,
    });
    (status, body).into_response()
}

pub async fn intake(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
) -> Response {
    show(&state, address, page, &me, id, None, StatusCode::OK).await
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
        Check::Trajectory("intake.update", id.clone()),
        page,
    )
    .await
    {
        Ok(page) => page,
        Err(refused) => return refused,
    };
    let pairs = Pairs(pairs);
    let form = FormState::from_pairs(&pairs);
    let notes = IntakeNotes {
        motivation: pairs.get("motivation").to_owned(),
        request_for_help: pairs.get("request_for_help").to_owned(),
        strengths: pairs.get("strengths").to_owned(),
        dreams: pairs.get("dreams").to_owned(),
        needs: LifeDomain::ALL
            .iter()
            .filter_map(|d| {
                let v = pairs.get(&format!("need_{}", d.code()));
                (!v.trim().is_empty()).then(|| (d.code().to_owned(), v.to_owned()))
            })
            .collect(),
    };
    let today = state.clock.today();
    let decision = match pairs.get("outcome") {
        "" => Ok(None),
        code => match (
            code.parse::<IntakeOutcome>(),
            parse_date(pairs.get("decided_on")),
        ) {
            (Ok(outcome), Some(on)) if on <= today => Ok(Some(Decision {
                outcome,
                referred_to: pairs.get("referred_to").to_owned(),
                decline_reason: pairs.get("decline_reason").to_owned(),
                justification: pairs.get("justification").to_owned(),
                on,
            })),
            (Err(_), _) => Err(FieldError {
                field: "outcome",
                code: "invalid-choice",
            }),
            _ => Err(FieldError {
                field: "decided_on",
                code: "invalid-date",
            }),
        },
    };
    let decision = match decision {
        Ok(d) => d,
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
            Ok(trajectory::save_intake(
                conn,
                &actor,
                &tid,
                &notes,
                decision.as_ref(),
                Origin::new(Some(&ip), at),
            ))
        })
        .await;
    match saved {
        Ok(Ok(())) => see_other(&format!("/trajectories/{id}/intake")),
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

/// Back to the file the form came from (an id only: nothing else gets into the path).
fn back_to_file(pairs: &Pairs) -> String {
    let id: String = pairs
        .get("participant")
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    format!("/participants/{id}#trajectories")
}

/// The transition asked for by the file's buttons.
fn transition_from(pairs: &Pairs) -> Option<Transition> {
    match pairs.get("transition") {
        "phase" => pairs.get("phase").parse().ok().map(Transition::MoveToPhase),
        "admit" => Some(Transition::Admit),
        "aftercare" => Some(Transition::StartAftercare),
        "complete" => Some(Transition::Complete),
        "stop" => pairs
            .get("stop_reason")
            .parse::<StopReason>()
            .ok()
            .map(|reason| Transition::Stop {
                reason,
                success: pairs.get("success") == "yes"
                    || matches!(reason, StopReason::FoundWork | StopReason::StartedTraining),
            }),
        _ => None,
    }
}

/// Moves a trajectory on, from the file; back to the file.
pub async fn transition(
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
        Check::Trajectory("trajectory.transition", id.clone()),
        page,
    )
    .await
    {
        Ok(page) => page,
        Err(refused) => return refused,
    };
    let pairs = Pairs(pairs);
    let Some(change) = transition_from(&pairs) else {
        return page.error(StatusCode::UNPROCESSABLE_ENTITY);
    };
    let version: i32 = pairs.get("version").parse().unwrap_or(0);
    let back = back_to_file(&pairs);
    let (at, _) = origin_parts(&state);
    let today = state.clock.today();
    let actor = me.actor.clone();
    let done = state
        .db
        .run(move |conn| {
            Ok(trajectory::transition(
                conn,
                &actor,
                &id,
                version,
                &change,
                today,
                Origin::new(Some(&address), at),
            ))
        })
        .await;
    match done {
        Ok(Ok(())) => see_other(&back),
        Ok(Err(EditError::Invalid(_))) => page.error(StatusCode::UNPROCESSABLE_ENTITY),
        Ok(Err(e)) => edit_failure(page, e),
        Err(e) => internal(page, e),
    }
}

/// A coordinator gives a trajectory to another casemanager.
pub async fn assign(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let pairs = Pairs(pairs);
    let casemanager = pairs.get("casemanager_id").to_owned();
    let back = back_to_file(&pairs);
    let (at, _) = origin_parts(&state);
    let actor = me.actor.clone();
    let done = state
        .db
        .run(move |conn| {
            Ok(trajectory::reassign(
                conn,
                &actor,
                &id,
                &casemanager,
                Origin::new(Some(&address), at),
            ))
        })
        .await;
    match done {
        Ok(Ok(())) => see_other(&back),
        Ok(Err(EditError::Invalid(_))) => page.error(StatusCode::UNPROCESSABLE_ENTITY),
        Ok(Err(e)) => edit_failure(page, e),
        Err(e) => internal(page, e),
    }
}
