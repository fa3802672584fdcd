//! Her referrals and aftercare chats (`/participants/{id}/referrals`): a
//! new referral from a plan step or a journal entry, each referral's
//! statuses with their days and the waiting time, a follow-up flag, the
//! sharing of her data (only under her consent to share with that
//! partner), and her aftercare chat memberships (only with her consent to
//! WhatsApp contact).

use super::{date_of, domain_choices, form_with, run};
use crate::AppState;
use crate::auth::CurrentUser;
use crate::client::ClientIp;
use crate::forms::{Choice, FormState, Pairs};
use crate::pages::{Page, internal, render, see_other};
use crate::participants::access_failure;
use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::Response;
use chrono::NaiveDate;
use db::network::aftercare::{self, Chat};
use db::network::referrals::{self, Move, NewReferral, ReferralError, ReferralView, Shared};
use db::participants::file::EditError;
use domain::network::ReferralStatus;
use domain::participant::FieldError;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "network/referrals.html")]
pub struct ReferralsPage {
    pub page: Page,
    pub participant_id: String,
    pub name: String,
    pub today: NaiveDate,
    pub referrals: Vec<ReferralView>,
    pub chats: Vec<Chat>,
    pub partners: Vec<Choice>,
    pub domains: Vec<Choice>,
    pub form: FormState,
    /// The referral whose sharing was refused for want of consent.
    pub no_consent: Option<String>,
    pub saved: bool,
}

impl ReferralsPage {
    /// The statuses a referral may move to next.
    pub fn next_of(&self, r: &ReferralView) -> Vec<&'static str> {
        ReferralStatus::ALL
            .iter()
            .filter(|s| r.status.can_move_to(**s))
            .map(|s| s.code())
            .collect()
    }

    pub fn waiting(&self, r: &ReferralView) -> String {
        match r.waiting_days {
            Some(d) => self.page.t_count("referral-waited", d),
            None => String::new(),
        }
    }

    pub fn no_consent_text(&self, r: &ReferralView) -> String {
        self.page
            .t_str("referral-no-consent", "partner", &r.partner)
    }

    pub fn share_text(&self, r: &ReferralView) -> String {
        self.page.t_str("referral-share", "partner", &r.partner)
    }
}

#[derive(Deserialize, Default)]
pub struct Start {
    #[serde(default)]
    pub step: Option<String>,
    #[serde(default)]
    pub entry: Option<String>,
    #[serde(default)]
    pub domain: Option<String>,
    #[serde(default)]
    pub no_consent: Option<String>,
    #[serde(default)]
    pub saved: Option<String>,
}

type Loaded = (
    String,
    Vec<ReferralView>,
    Vec<Chat>,
    Vec<(String, String)>,
    (String, Option<String>),
);

async fn load(
    state: &AppState,
    address: String,
    me: &crate::auth::Signed,
    id: String,
    start: &Start,
    domain: Option<String>,
) -> Result<Result<Loaded, db::participants::AccessError>, db::DbError> {
    let today = state.clock.today();
    let actor = me.actor.clone();
    let (step, entry) = (start.step.clone(), start.entry.clone());
    run(state, address, move |conn, origin| {
        let referrals = referrals::of_participant(conn, &actor, &id, today, origin)?;
        let org = actor.organisation_id().unwrap_or_default().to_owned();
        let name = db::outcomes::results::participant_name(conn, &org, &id)?
            .map(|(f, l)| format!("{f} {l}"))
            .unwrap_or_default();
        let chats = aftercare::chats_of(conn, &org, &id)?;
        let from = referrals::starting_point(conn, &org, &id, step.as_deref(), entry.as_deref())?;
        let wanted = domain.or_else(|| from.1.clone());
        let partners = referrals::partner_choices(conn, &org, wanted.as_deref())?;
        Ok((name, referrals, chats, partners, from))
    })
    .await
}

async fn page_with(
    state: &AppState,
    address: String,
    page: Page,
    me: &crate::auth::Signed,
    id: String,
    start: Start,
    form: Option<FormState>,
) -> Response {
    let domain = start
        .domain
        .clone()
        .filter(|d| d.parse::<domain::participant::LifeDomain>().is_ok());
    let loaded = load(state, address, me, id.clone(), &start, domain.clone()).await;
    let (name, referrals, chats, partners, (reason, from_domain)) = match loaded {
        Ok(Ok(x)) => x,
        Ok(Err(e)) => return access_failure(page, e),
        Err(e) => return internal(page, e),
    };
    let today = state.clock.today();
    let has_errors = form.is_some();
    let form = form.unwrap_or_else(|| {
        let mut f = FormState::default();
        f.set("reason", reason);
        f.set("referred_on", today.to_string());
        f.set("joined_on", today.to_string());
        f.set("domain", domain.or(from_domain).unwrap_or_default());
        f.set("step", start.step.clone().unwrap_or_default());
        f.set("entry", start.entry.clone().unwrap_or_default());
        f
    });
    let body = render(&ReferralsPage {
        page,
        participant_id: id,
        name,
        today,
        referrals,
        chats,
        partners: partners
            .into_iter()
            .map(|(id, name)| Choice::literal(id, name))
            .collect(),
        domains: domain_choices(),
        form,
        no_consent: start.no_consent,
        saved: start.saved.is_some(),
    });
    super::refused_if(has_errors, body)
}

/// `GET /participants/{id}/referrals?step=&entry=&domain=`.
pub async fn page(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
    Query(start): Query<Start>,
) -> Response {
    page_with(&state, address, page, &me, id, start, None).await
}

fn some(p: &Pairs, name: &str) -> Option<String> {
    Some(p.get(name).trim().to_owned()).filter(|v| !v.is_empty())
}

/// `POST /participants/{id}/referrals`.
pub async fn create(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let p = Pairs(pairs);
    let referred_on = date_of(p.get("referred_on"));
    let Some(referred_on) = referred_on else {
        let form = form_with(
            &p,
            vec![FieldError {
                field: "referred_on",
                code: "invalid-date",
            }],
        );
        let start = Start {
            domain: some(&p, "domain"),
            ..Start::default()
        };
        return page_with(&state, address, page, &me, id, start, Some(form)).await;
    };
    let input = NewReferral {
        partner_id: p.get("partner_id").to_owned(),
        service: p.get("service").to_owned(),
        reason: p.get("reason").to_owned(),
        referred_on,
        sent: p.get("sent") == "yes",
        plan_step_id: some(&p, "step"),
        journal_entry_id: some(&p, "entry"),
    };
    let actor = me.actor.clone();
    let pid = id.clone();
    let saved = run(&state, address.clone(), move |conn, origin| {
        referrals::create(conn, &actor, &pid, &input, origin)
    })
    .await;
    match saved {
        Ok(Ok(_)) => see_other(&format!("/participants/{id}/referrals?saved=1")),
        Ok(Err(ReferralError::Invalid(errors))) => {
            let start = Start {
                domain: some(&p, "domain"),
                ..Start::default()
            };
            let form = form_with(&p, errors);
            page_with(&state, address, page, &me, id, start, Some(form)).await
        }
        Ok(Err(e)) => failure(page, e),
        Err(e) => internal(page, e),
    }
}

fn failure(page: Page, e: ReferralError) -> Response {
    match e {
        ReferralError::Access(e) => access_failure(page, e),
        ReferralError::Conflict => page.error(StatusCode::CONFLICT),
        ReferralError::Invalid(_) | ReferralError::NoConsent(_) => {
            page.error(StatusCode::UNPROCESSABLE_ENTITY)
        }
    }
}

/// `POST /participants/{id}/referrals/{referral}/status`.
pub async fn move_status(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Path((id, referral)): Path<(String, String)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let p = Pairs(pairs);
    let (Ok(to), Some(on), Ok(version)) = (
        p.get("status").parse::<ReferralStatus>(),
        date_of(p.get("happened_on")),
        p.get("version").parse::<i32>(),
    ) else {
        return page.error(StatusCode::UNPROCESSABLE_ENTITY);
    };
    let change = Move {
        to,
        on,
        outcome: p.get("outcome").to_owned(),
        note: p.get("note").to_owned(),
    };
    let actor = me.actor.clone();
    let pid = id.clone();
    let done = run(&state, address, move |conn, origin| {
        if referrals::participant_of(conn, &actor, &referral)? != pid {
            return Err(db::DbError::NotFound("referral").into());
        }
        referrals::move_to(conn, &actor, &referral, version, &change, origin)
    })
    .await;
    match done {
        Ok(Ok(())) => see_other(&format!("/participants/{id}/referrals?saved=1")),
        Ok(Err(e)) => failure(page, e),
        Err(e) => internal(page, e),
    }
}

#[derive(Template)]
#[template(path = "network/shared.html")]
pub struct SharedPage {
    pub page: Page,
    pub participant_id: String,
    pub s: Shared,
}

impl SharedPage {
    pub fn spoken(&self) -> String {
        self.page.t(&format!("spoken-{}", self.s.language))
    }
}

/// `POST /participants/{id}/referrals/{referral}/share`: her details for
/// the partner, only under her consent; otherwise back, saying so.
pub async fn share(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Path((id, referral)): Path<(String, String)>,
) -> Response {
    let actor = me.actor.clone();
    let rid = referral.clone();
    let pid = id.clone();
    let done = run(&state, address, move |conn, origin| {
        // The referral must be hers: the address names both.
        if referrals::participant_of(conn, &actor, &rid)? != pid {
            return Err(db::DbError::NotFound("referral").into());
        }
        referrals::share(conn, &actor, &rid, origin)
    })
    .await;
    match done {
        Ok(Ok(s)) => {
            let mut r = render(&SharedPage {
                page,
                participant_id: id,
                s,
            });
            // Her details: never kept by a browser cache.
            r.headers_mut().insert(
                header::CACHE_CONTROL,
                header::HeaderValue::from_static("no-store"),
            );
            r
        }
        Ok(Err(ReferralError::NoConsent(_))) => see_other(&format!(
            "/participants/{id}/referrals?no_consent={referral}#r-{referral}"
        )),
        Ok(Err(e)) => failure(page, e),
        Err(e) => internal(page, e),
    }
}

/// `POST /participants/{id}/aftercare-chats`.
pub async fn join_chat(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let p = Pairs(pairs);
    let Some(joined) = date_of(p.get("joined_on")) else {
        let form = form_with(
            &p,
            vec![FieldError {
                field: "joined_on",
                code: "invalid-date",
            }],
        );
        return page_with(&state, address, page, &me, id, Start::default(), Some(form)).await;
    };
    let chat = p.get("chat").to_owned();
    let actor = me.actor.clone();
    let pid = id.clone();
    let done = run(&state, address.clone(), move |conn, origin| {
        aftercare::join_chat(conn, &actor, &pid, &chat, joined, origin)
    })
    .await;
    match done {
        Ok(Ok(_)) => see_other(&format!("/participants/{id}/referrals?saved=1#aftercare")),
        Ok(Err(EditError::Invalid(errors))) => {
            let form = form_with(&p, errors);
            page_with(&state, address, page, &me, id, Start::default(), Some(form)).await
        }
        Ok(Err(e)) => crate::participants::edit_failure(page, e),
        Err(e) => internal(page, e),
    }
}

/// `POST /participants/{id}/aftercare-chats/{chat}/leave`.
pub async fn leave_chat(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Path((id, chat)): Path<(String, String)>,
) -> Response {
    let today = state.clock.today();
    let actor = me.actor.clone();
    let pid = id.clone();
    let done = run(&state, address, move |conn, origin| {
        aftercare::leave_chat(conn, &actor, &pid, &chat, today, origin)
    })
    .await;
    match done {
        Ok(Ok(())) => see_other(&format!("/participants/{id}/referrals?saved=1#aftercare")),
        Ok(Err(e)) => crate::participants::edit_failure(page, e),
        Err(e) => internal(page, e),
    }
}
