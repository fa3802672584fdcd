//! The social map: searched by life domain and language (on a phone, on a
//! home visit), a partner's page with how to refer and the organisation's
//! own note, adding, changing (on the version read) and verifying.

use super::{domain_choices, form_with, language_choices, run, sections};
use crate::AppState;
use crate::auth::CurrentUser;
use crate::client::ClientIp;
use crate::forms::{Choice, FormState, Pairs};
use crate::pages::{Page, internal, render, see_other};
use crate::participants::access_failure;
use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use db::network::partners::{
    self, ContactInput, PartnerError, PartnerInput, PartnerLine, PartnerView,
};
use domain::model::Role;
use domain::participant::LifeDomain;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "network/partners.html")]
pub struct MapPage {
    pub page: Page,
    pub sections: Vec<(&'static str, &'static str)>,
    pub form: FormState,
    pub domains: Vec<Choice>,
    pub languages: Vec<Choice>,
    pub lines: Vec<PartnerLine>,
    pub may_manage: bool,
    pub searched: bool,
    /// The organisation's follow-up time for referrals, for those who set it.
    pub follow_up_days: Option<i64>,
    pub saved: bool,
}

impl MapPage {
    pub fn waiting(&self, p: &PartnerLine) -> String {
        match p.waiting_days {
            Some(d) => self.page.t_count("partner-waiting-days", i64::from(d)),
            None => self.page.t("partner-waiting-unknown"),
        }
    }
}

/// Whether the role sets the organisation's follow-up time.
fn sets_follow_up(role: Option<Role>) -> bool {
    matches!(role, Some(Role::Administrator | Role::Coordinator))
}

/// Whether the role keeps the map.
pub(crate) fn keeps_map(role: Option<Role>) -> bool {
    matches!(
        role,
        Some(Role::Administrator | Role::Coordinator | Role::Casemanager)
    )
}

#[derive(Deserialize, Default)]
pub struct Search {
    #[serde(default)]
    pub saved: Option<String>,
    #[serde(default)]
    pub domain: String,
    /// A language the partner speaks.
    #[serde(default)]
    pub speaks: String,
}

/// `GET /network/partners?domain=&language=`.
pub async fn map(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Query(q): Query<Search>,
) -> Response {
    let life_domain: Option<LifeDomain> = q.domain.parse().ok();
    let language = crate::participants::pages::SPOKEN
        .iter()
        .find(|c| **c == q.speaks)
        .map(|c| (*c).to_owned());
    let today = state.clock.today();
    let actor = me.actor.clone();
    let lang = language.clone();
    let sets = sets_follow_up(me.actor.role());
    let found = run(&state, address, move |conn, origin| {
        let lines = partners::search(conn, &actor, life_domain, lang.as_deref(), today, origin)?;
        let days = match (sets, actor.organisation_id()) {
            (true, Some(org)) => Some(db::network::referrals::follow_up_days(conn, org)?),
            _ => None,
        };
        Ok::<_, db::participants::AccessError>((lines, days))
    })
    .await;
    let mut form = FormState::default();
    form.set("domain", life_domain.map(|d| d.code()).unwrap_or_default());
    form.set("speaks", language.clone().unwrap_or_default());
    match found {
        Ok(Ok((lines, follow_up_days))) => render(&MapPage {
            follow_up_days,
            saved: q.saved.is_some(),
            sections: sections(me.actor.role()),
            may_manage: keeps_map(me.actor.role()),
            searched: life_domain.is_some() || language.is_some(),
            page,
            form,
            domains: domain_choices(),
            languages: language_choices(),
            lines,
        }),
        Ok(Err(e)) => access_failure(page, e),
        Err(e) => internal(page, e),
    }
}

#[derive(Template)]
#[template(path = "network/partner.html")]
pub struct PartnerPage {
    pub page: Page,
    pub sections: Vec<(&'static str, &'static str)>,
    pub p: PartnerView,
    pub may_manage: bool,
    pub saved: bool,
    pub form: FormState,
}

impl PartnerPage {
    pub fn waiting(&self) -> String {
        match self.p.waiting_days {
            Some(d) => self.page.t_count("partner-waiting-days", i64::from(d)),
            None => self.page.t("partner-waiting-unknown"),
        }
    }

    pub fn tel(&self, phone: &str) -> String {
        phone
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '+')
            .collect()
    }
}

#[derive(Deserialize, Default)]
pub struct Saved {
    #[serde(default)]
    pub saved: Option<String>,
}

/// `GET /network/partners/{id}`.
pub async fn show(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
    Query(q): Query<Saved>,
) -> Response {
    let today = state.clock.today();
    let actor = me.actor.clone();
    let found = run(&state, address, move |conn, origin| {
        partners::get(conn, &actor, &id, today, origin)
    })
    .await;
    match found {
        Ok(Ok(p)) => {
            let mut form = FormState::default();
            form.set("note", p.note.clone());
            render(&PartnerPage {
                sections: sections(me.actor.role()),
                may_manage: keeps_map(me.actor.role()),
                saved: q.saved.is_some(),
                page,
                p,
                form,
            })
        }
        Ok(Err(e)) => access_failure(page, e),
        Err(e) => internal(page, e),
    }
}

#[derive(Template)]
#[template(path = "network/partner_form.html")]
pub struct FormPage {
    pub page: Page,
    pub sections: Vec<(&'static str, &'static str)>,
    /// Changing this partner (else a new one).
    pub id: Option<String>,
    pub form: FormState,
    pub domains: Vec<Choice>,
    pub languages: Vec<Choice>,
}

fn form_page(page: Page, role: Option<Role>, id: Option<String>, form: FormState) -> Response {
    render(&FormPage {
        page,
        sections: sections(role),
        id,
        form,
        domains: domain_choices(),
        languages: language_choices(),
    })
}

/// `GET /network/partners/new`.
pub async fn new_form(page: Page, CurrentUser(me): CurrentUser) -> Response {
    if !keeps_map(me.actor.role()) {
        return page.error(StatusCode::FORBIDDEN);
    }
    form_page(page, me.actor.role(), None, FormState::default())
}

/// `GET /network/partners/{id}/edit`: the organisation's own partners only.
pub async fn edit_form(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
) -> Response {
    if !keeps_map(me.actor.role()) {
        return page.error(StatusCode::FORBIDDEN);
    }
    let today = state.clock.today();
    let actor = me.actor.clone();
    let pid = id.clone();
    let found = run(&state, address, move |conn, origin| {
        partners::get(conn, &actor, &pid, today, origin)
    })
    .await;
    let p = match found {
        Ok(Ok(p)) if p.own => p,
        Ok(Ok(_)) => return page.error(StatusCode::NOT_FOUND),
        Ok(Err(e)) => return access_failure(page, e),
        Err(e) => return internal(page, e),
    };
    let mut form = FormState::default();
    for (k, v) in [
        ("name", p.name.clone()),
        ("service", p.service.clone()),
        ("target_groups", p.target_groups.clone()),
        ("street", p.street.clone()),
        ("postal_code", p.postal_code.clone()),
        ("city", p.city.clone()),
        ("accessibility", p.accessibility.clone()),
        ("opening_hours", p.opening_hours.clone()),
        ("how_to_refer", p.how_to_refer.clone()),
        ("phone", p.phone.clone().unwrap_or_default()),
        ("email", p.email.clone().unwrap_or_default()),
        ("website", p.website.clone().unwrap_or_default()),
        (
            "waiting_days",
            p.waiting_days.map(|d| d.to_string()).unwrap_or_default(),
        ),
        ("contacts", ContactInput::lines(&p.contacts)),
        ("version", p.version.to_string()),
    ] {
        form.set(k, v);
    }
    for d in &p.domains {
        form.set(&format!("domains:{d}"), "yes");
    }
    for l in &p.languages {
        form.set(&format!("languages:{l}"), "yes");
    }
    if p.shared {
        form.set("shared:yes", "yes");
    }
    form_page(page, me.actor.role(), Some(id), form)
}

fn input_of(p: &Pairs) -> PartnerInput {
    PartnerInput {
        name: p.get("name").to_owned(),
        service: p.get("service").to_owned(),
        domains: p.all("domains").into_iter().map(str::to_owned).collect(),
        languages: p.all("languages").into_iter().map(str::to_owned).collect(),
        target_groups: p.get("target_groups").to_owned(),
        street: p.get("street").to_owned(),
        postal_code: p.get("postal_code").to_owned(),
        city: p.get("city").to_owned(),
        accessibility: p.get("accessibility").to_owned(),
        opening_hours: p.get("opening_hours").to_owned(),
        how_to_refer: p.get("how_to_refer").to_owned(),
        phone: p.get("phone").to_owned(),
        email: p.get("email").to_owned(),
        website: p.get("website").to_owned(),
        waiting_days: p.get("waiting_days").to_owned(),
        shared: p.get("shared") == "yes",
        contacts: ContactInput::parse_lines(p.get("contacts")),
    }
}

async fn save_with(
    state: AppState,
    address: String,
    page: Page,
    me: crate::auth::Signed,
    id: Option<String>,
    pairs: Vec<(String, String)>,
) -> Response {
    let p = Pairs(pairs);
    let input = input_of(&p);
    let version: i32 = p.get("version").parse().unwrap_or(0);
    let today = state.clock.today();
    let actor = me.actor.clone();
    let pid = id.clone();
    let saved = run(&state, address, move |conn, origin| {
        partners::save(conn, &actor, pid.as_deref(), version, &input, today, origin)
    })
    .await;
    match saved {
        Ok(Ok(pid)) => see_other(&format!("/network/partners/{pid}?saved=1")),
        Ok(Err(PartnerError::Invalid(errors))) => super::refused_if(
            true,
            form_page(page, me.actor.role(), id, form_with(&p, errors)),
        ),
        Ok(Err(PartnerError::Conflict)) => page.error(StatusCode::CONFLICT),
        Ok(Err(PartnerError::Access(e))) => access_failure(page, e),
        Err(e) => internal(page, e),
    }
}

/// `POST /network/partners`.
pub async fn create(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    save_with(state, address, page, me, None, pairs).await
}

/// `POST /network/partners/{id}`.
pub async fn update(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    save_with(state, address, page, me, Some(id), pairs).await
}

/// `POST /network/partners/{id}/verify`: its facts still hold today.
pub async fn verify(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
) -> Response {
    let today = state.clock.today();
    let actor = me.actor.clone();
    let pid = id.clone();
    let done = run(&state, address, move |conn, origin| {
        partners::verify(conn, &actor, &pid, today, origin)
    })
    .await;
    match done {
        Ok(Ok(())) => see_other(&format!("/network/partners/{id}?saved=1")),
        Ok(Err(e)) => access_failure(page, e),
        Err(e) => internal(page, e),
    }
}

/// `POST /network/partners/{id}/note`: the organisation's own note.
pub async fn note(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let note = Pairs(pairs).get("note").to_owned();
    let actor = me.actor.clone();
    let pid = id.clone();
    let done = run(&state, address, move |conn, origin| {
        partners::set_note(conn, &actor, &pid, &note, origin)
    })
    .await;
    match done {
        Ok(Ok(())) => see_other(&format!("/network/partners/{id}?saved=1")),
        Ok(Err(PartnerError::Invalid(_))) => page.error(StatusCode::UNPROCESSABLE_ENTITY),
        Ok(Err(PartnerError::Conflict)) => page.error(StatusCode::CONFLICT),
        Ok(Err(PartnerError::Access(e))) => access_failure(page, e),
        Err(e) => internal(page, e),
    }
}

/// `POST /network/follow-up`: after how many days an unchanged referral
/// asks for a follow-up.
pub async fn set_follow_up(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let days = Pairs(pairs)
        .get("follow_up_days")
        .trim()
        .parse::<i32>()
        .unwrap_or(0);
    let actor = me.actor.clone();
    let done = run(&state, address, move |conn, origin| {
        db::network::referrals::set_follow_up_days(conn, &actor, days, origin)
    })
    .await;
    match done {
        Ok(Ok(())) => see_other("/network/partners?saved=1#follow-up"),
        Ok(Err(db::network::referrals::ReferralError::Access(e))) => access_failure(page, e),
        Ok(Err(_)) => page.error(StatusCode::UNPROCESSABLE_ENTITY),
        Err(e) => internal(page, e),
    }
}
