//! Programmes as configuration: the list, a new programme from a seed
//! template, and the form that adapts one (group size, rhythm, length, life
//! domains, funders, eligibility rules, typical weeks per phase).

use crate::AppState;
use crate::auth::CurrentUser;
use crate::client::ClientIp;
use crate::error::{ApiError, ErrorBody};
use crate::forms::{Choice, FormState, Pairs, codes};
use crate::pages::{Page, internal, render, see_other};
use crate::participants::{access_failure, origin_parts};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::{Form, Json};
use db::models::{Programme, ProgrammePhase};
use db::participants::Origin;
use domain::eligibility::Rule;
use domain::model::{ProgrammeKind, SessionRhythm};
use domain::participant::{IncomeKind, LanguageLevel, LifeDomain};
use domain::programme::ConfigInput;
use serde::Serialize;
use utoipa::{OpenApi, ToSchema};

#[derive(OpenApi)]
#[openapi(paths(api), components(schemas(ProgrammeLine)))]
pub struct Doc;

type Listed = Vec<(Programme, Vec<ProgrammePhase>)>;

async fn load(
    state: &AppState,
    address: String,
    me: &crate::auth::Signed,
) -> Result<Result<Listed, db::participants::AccessError>, db::DbError> {
    let (at, writer) = origin_parts(state);
    let actor = me.actor.clone();
    state
        .db
        .run(move |conn| {
            Ok(db::programmes::list(
                conn,
                &actor,
                Origin::new(Some(&address), at).via(&writer),
            ))
        })
        .await
}

#[derive(Template)]
#[template(path = "programmes/list.html")]
pub struct ListPage {
    pub page: Page,
    pub programmes: Listed,
    pub kinds: Vec<Choice>,
}

impl ListPage {
    pub fn summary(&self, p: &Programme, phases: &[ProgrammePhase]) -> String {
        i18n::t_args(
            self.page.lang,
            "programme-summary",
            &[
                ("count", i18n::Arg::Num(phases.len() as i64)),
                ("min", i18n::Arg::Num(i64::from(p.min_group_size))),
                ("max", i18n::Arg::Num(i64::from(p.group_capacity))),
                ("months", i18n::Arg::Num(i64::from(p.duration_months))),
            ],
        )
    }
}

pub async fn list(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
) -> Response {
    match load(&state, address, &me).await {
        Ok(Ok(programmes)) => render(&ListPage {
            page,
            programmes,
            kinds: ProgrammeKind::ALL
                .iter()
                .map(|k| Choice::keyed(k.code(), format!("programme-kind-{}", k.code())))
                .collect(),
        }),
        Ok(Err(e)) => access_failure(page, e),
        Err(e) => internal(page, e),
    }
}

/// A new programme from the template of a seed kind.
pub async fn add(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let page = match crate::participants::allowed_page(
        &state,
        &address,
        &me.actor,
        crate::participants::Check::Org(
            domain::policy::Action::ManageProgrammes,
            "programme.create",
        ),
        page,
    )
    .await
    {
        Ok(page) => page,
        Err(refused) => return refused,
    };
    let pairs = Pairs(pairs);
    let Ok(kind) = pairs.get("kind").parse::<ProgrammeKind>() else {
        return page.error(StatusCode::UNPROCESSABLE_ENTITY);
    };
    let name = pairs.get("name").to_owned();
    let (at, _) = origin_parts(&state);
    let actor = me.actor.clone();
    let added = state
        .db
        .run(move |conn| {
            Ok(db::programmes::add(
                conn,
                &actor,
                kind,
                &name,
                Origin::new(Some(&address), at),
            ))
        })
        .await;
    match added {
        Ok(Ok(id)) => see_other(&format!("/admin/programmes/{id}")),
        Ok(Err(db::participants::AccessError::Db(db::DbError::Invalid(_)))) => {
            page.error(StatusCode::UNPROCESSABLE_ENTITY)
        }
        Ok(Err(e)) => access_failure(page, e),
        Err(e) => internal(page, e),
    }
}

#[derive(Template)]
#[template(path = "programmes/edit.html")]
pub struct EditPage {
    pub page: Page,
    pub programme: Programme,
    pub phases: Vec<ProgrammePhase>,
    pub form: FormState,
    pub domains: Vec<Choice>,
    pub incomes: Vec<Choice>,
    pub rhythms: Vec<Choice>,
    pub levels: Vec<Choice>,
    pub conflict: bool,
}

impl EditPage {
    pub fn kind_key(&self) -> String {
        format!("programme-kind-{}", self.programme.kind)
    }

    pub fn phase_field(&self, position: &i32) -> String {
        format!("weeks_{position}")
    }
}

fn form_of(p: &Programme, phases: &[ProgrammePhase]) -> FormState {
    let mut f = FormState::default();
    f.set("name", p.name.clone());
    f.set("description", p.description.clone());
    f.set("active", if p.active { "yes" } else { "" });
    f.set("pooled", if p.pooled { "yes" } else { "" });
    f.set("min_group_size", p.min_group_size.to_string());
    f.set("group_capacity", p.group_capacity.to_string());
    f.set("session_rhythm", p.session_rhythm.clone());
    f.set("session_minutes", p.session_minutes.to_string());
    f.set("duration_months", p.duration_months.to_string());
    f.set("funders", p.funders.clone());
    f.set("report_strands", p.report_strands.clone());
    f.set("version", db::programmes::version_of(p));
    for d in p.life_domains.split(',').filter(|d| !d.is_empty()) {
        f.set(&format!("life_domains:{d}"), "yes");
    }
    for ph in phases {
        f.set(
            &format!("weeks_{}", ph.position),
            ph.typical_weeks.to_string(),
        );
    }
    for rule in domain::eligibility::parse_rules(&p.eligibility).unwrap_or_default() {
        match rule {
            Rule::MinAge { years } => f.set("rule_min_age", years.to_string()),
            Rule::Income { allowed } => {
                for k in allowed {
                    f.set(&format!("rule_income:{}", k.code()), "yes");
                }
            }
            Rule::LivesIn { postal_codes } => f.set("rule_lives_in", postal_codes.join(", ")),
            Rule::NonEuNational => f.set("rule_non_eu", "yes"),
            Rule::InternationalProtection => f.set("rule_protection", "yes"),
            Rule::SingleParent => f.set("rule_single_parent", "yes"),
            Rule::ChildUnder { years } => f.set("rule_child_under", years.to_string()),
            Rule::NotInArticle60 => f.set("rule_not_article_60", "yes"),
            Rule::SmallSocialNetwork => f.set("rule_small_network", "yes"),
            Rule::LanguageMinimum { language, level } => {
                f.set("rule_language", language);
                f.set("rule_language_level", level.code());
            }
        }
    }
    f
}

/// The form's check boxes and lists as `name:value` keys for re-showing.
fn form_from(pairs: &Pairs) -> FormState {
    let mut f = FormState::from_pairs(pairs);
    for (k, v) in &pairs.0 {
        if matches!(k.as_str(), "life_domains" | "rule_income") {
            f.set(&format!("{k}:{v}"), "yes");
        }
    }
    f
}

fn input_from(pairs: &Pairs, phases: &[ProgrammePhase]) -> ConfigInput {
    let some = |k: &str| Some(pairs.get(k).to_owned()).filter(|v| !v.trim().is_empty());
    ConfigInput {
        name: pairs.get("name").to_owned(),
        description: pairs.get("description").to_owned(),
        active: pairs.get("active") == "yes",
        pooled: pairs.get("pooled") == "yes",
        min_group_size: pairs.get("min_group_size").to_owned(),
        group_capacity: pairs.get("group_capacity").to_owned(),
        session_rhythm: pairs.get("session_rhythm").to_owned(),
        session_minutes: pairs.get("session_minutes").to_owned(),
        duration_months: pairs.get("duration_months").to_owned(),
        life_domains: pairs
            .all("life_domains")
            .into_iter()
            .map(str::to_owned)
            .collect(),
        funders: pairs.get("funders").to_owned(),
        report_strands: pairs.get("report_strands").to_owned(),
        rule_min_age: some("rule_min_age"),
        rule_income: pairs
            .all("rule_income")
            .into_iter()
            .map(str::to_owned)
            .collect(),
        rule_lives_in: some("rule_lives_in"),
        rule_non_eu: pairs.get("rule_non_eu") == "yes",
        rule_protection: pairs.get("rule_protection") == "yes",
        rule_single_parent: pairs.get("rule_single_parent") == "yes",
        rule_child_under: some("rule_child_under"),
        rule_not_article_60: pairs.get("rule_not_article_60") == "yes",
        rule_small_network: pairs.get("rule_small_network") == "yes",
        rule_language: some("rule_language")
            .map(|l| (l, pairs.get("rule_language_level").to_owned())),
        // A phase left out keeps its length.
        phase_weeks: phases
            .iter()
            .map(|ph| match pairs.get(&format!("weeks_{}", ph.position)) {
                "" => ph.typical_weeks.to_string(),
                given => given.to_owned(),
            })
            .collect(),
    }
}

fn edit_page(
    page: Page,
    programme: Programme,
    phases: Vec<ProgrammePhase>,
    form: FormState,
    conflict: bool,
) -> EditPage {
    EditPage {
        page,
        programme,
        phases,
        form,
        domains: Choice::coded("domain", codes(LifeDomain::ALL, LifeDomain::code)),
        incomes: Choice::coded("income", codes(IncomeKind::ALL, IncomeKind::code)),
        rhythms: Choice::coded("rhythm", codes(SessionRhythm::ALL, SessionRhythm::code)),
        levels: Choice::coded("level", codes(LanguageLevel::ALL, LanguageLevel::code)),
        conflict,
    }
}

/// The programme among those the actor may manage; `Err` when she may manage none.
async fn find(
    state: &AppState,
    address: String,
    me: &crate::auth::Signed,
    id: &str,
) -> Result<Option<(Programme, Vec<ProgrammePhase>)>, Option<db::participants::AccessError>> {
    match load(state, address, me).await {
        Ok(Ok(list)) => Ok(list.into_iter().find(|(p, _)| p.id == id)),
        Ok(Err(e)) => Err(Some(e)),
        Err(_) => Err(None),
    }
}

pub async fn edit(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
) -> Response {
    match load(&state, address, &me).await {
        Ok(Ok(list)) => match list.into_iter().find(|(p, _)| p.id == id) {
            Some((p, phases)) => {
                let form = form_of(&p, &phases);
                render(&edit_page(page, p, phases, form, false))
            }
            None => page.error(StatusCode::NOT_FOUND),
        },
        Ok(Err(e)) => access_failure(page, e),
        Err(e) => internal(page, e),
    }
}

pub async fn save(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let found = match find(&state, address.clone(), &me, &id).await {
        Ok(Some(x)) => x,
        Ok(None) => return page.error(StatusCode::NOT_FOUND),
        Err(Some(e)) => return access_failure(page, e),
        Err(None) => return page.error(StatusCode::INTERNAL_SERVER_ERROR),
    };
    let (programme, phases) = found;
    let pairs = Pairs(pairs);
    let form = form_from(&pairs);
    let config = match input_from(&pairs, &phases).parse() {
        Ok(c) => c,
        Err(errors) => {
            let body = render(&edit_page(
                page,
                programme,
                phases,
                form.with_errors(errors),
                false,
            ));
            return (StatusCode::UNPROCESSABLE_ENTITY, body).into_response();
        }
    };
    let version = pairs.get("version").to_owned();
    let (at, _) = origin_parts(&state);
    let (actor, pid) = (me.actor.clone(), id.clone());
    let saved = state
        .db
        .run(move |conn| {
            Ok(db::programmes::update(
                conn,
                &actor,
                &pid,
                &version,
                &config,
                Origin::new(Some(&address), at),
            ))
        })
        .await;
    match saved {
        Ok(Ok(())) => see_other("/admin/programmes"),
        Ok(Err(db::participants::AccessError::Db(db::DbError::Conflict(_)))) => {
            let mut form = form;
            form.set("version", db::programmes::version_of(&programme));
            let body = render(&edit_page(page, programme, phases, form, true));
            (StatusCode::CONFLICT, body).into_response()
        }
        Ok(Err(e)) => access_failure(page, e),
        Err(e) => internal(page, e),
    }
}

#[derive(Serialize, ToSchema)]
pub struct ProgrammeLine {
    pub id: String,
    pub name: String,
    /// The seed kind it started from.
    pub kind: String,
    pub active: bool,
    pub min_group_size: i32,
    pub group_capacity: i32,
    pub session_rhythm: String,
    pub session_minutes: i32,
    pub duration_months: i32,
    pub life_domains: Vec<String>,
    /// Phase codes in order, with their typical length in weeks.
    pub phases: Vec<(String, i32)>,
    /// The eligibility rules as data.
    #[schema(value_type = Vec<Object>)]
    pub eligibility: serde_json::Value,
}

/// The organisation's programmes with their configuration.
#[utoipa::path(get, path = "/api/v1/programmes", tag = "programmes", security(("token" = [])),
    responses((status = 200, body = [ProgrammeLine]), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody)))]
pub async fn api(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    CurrentUser(me): CurrentUser,
) -> Result<Json<Vec<ProgrammeLine>>, ApiError> {
    let list = load(&state, address, &me).await??;
    Ok(Json(
        list.into_iter()
            .map(|(p, phases)| ProgrammeLine {
                eligibility: serde_json::from_str(&p.eligibility).unwrap_or_default(),
                life_domains: p
                    .life_domains
                    .split(',')
                    .filter(|d| !d.is_empty())
                    .map(str::to_owned)
                    .collect(),
                phases: phases
                    .into_iter()
                    .map(|ph| (ph.code, ph.typical_weeks))
                    .collect(),
                id: p.id,
                name: p.name,
                kind: p.kind,
                active: p.active,
                min_group_size: p.min_group_size,
                group_capacity: p.group_capacity,
                session_rhythm: p.session_rhythm,
                session_minutes: p.session_minutes,
                duration_months: p.duration_months,
            })
            .collect(),
    ))
}
