//! The practice bank: themes and work forms reused across groups, shared
//! with the instance's other organisations per practice (opt-in).

use super::api::api_error;
use super::*;
use db::groups::practices::{self as bank, PracticeInput, PracticeLine};
use domain::participant::LifeDomain;

#[derive(Template)]
#[template(path = "groups/practices.html")]
pub struct PracticesPage {
    pub page: Page,
    pub practices: Vec<PracticeLine>,
    pub form: FormState,
    pub domains: Vec<Choice>,
}

impl PracticesPage {
    pub fn domain(&self, p: &PracticeLine) -> String {
        match &p.practice.life_domain {
            Some(d) => self.page.t(&format!("coded-domain-{d}")),
            None => "–".into(),
        }
    }
}

#[derive(Template)]
#[template(path = "groups/practice.html")]
pub struct PracticePage {
    pub page: Page,
    pub line: PracticeLine,
    pub form: FormState,
    pub domains: Vec<Choice>,
    pub stale: bool,
}

fn domains() -> Vec<Choice> {
    Choice::coded("domain", codes(LifeDomain::ALL, LifeDomain::code))
}

fn input_of(pairs: &Pairs) -> PracticeInput {
    PracticeInput {
        title: pairs.get("title").to_owned(),
        life_domain: pairs.get("life_domain").to_owned(),
        method: pairs.get("method").to_owned(),
        materials: pairs.get("materials").to_owned(),
        minutes: pairs.get("minutes").to_owned(),
        language_notes: pairs.get("language_notes").to_owned(),
        shared: pairs.get("shared") == "yes",
    }
}

fn form_of(line: &PracticeLine) -> FormState {
    let p = &line.practice;
    let mut form = FormState::default();
    form.set("title", p.title.clone());
    form.set("life_domain", p.life_domain.clone().unwrap_or_default());
    form.set("method", p.method.clone());
    form.set("materials", p.materials.clone());
    form.set(
        "minutes",
        p.minutes.map(|m| m.to_string()).unwrap_or_default(),
    );
    form.set("language_notes", p.language_notes.clone());
    if p.shared {
        form.set("shared", "yes");
    }
    form.set("version", p.version.to_string());
    form
}

async fn list_page(
    state: &AppState,
    address: String,
    page: Page,
    me: &crate::auth::Signed,
    form: FormState,
    status: StatusCode,
) -> Response {
    let (at, writer) = origin_parts(state);
    let actor = me.actor.clone();
    let listed = state
        .db
        .run(move |conn| {
            Ok(bank::list(
                conn,
                &actor,
                Origin::new(Some(&address), at).via(&writer),
            ))
        })
        .await;
    match listed {
        Ok(Ok(practices)) => {
            let body = render(&PracticesPage {
                page,
                practices,
                form,
                domains: domains(),
            });
            (status, body).into_response()
        }
        Ok(Err(e)) => failure(page, e),
        Err(e) => internal(page, e),
    }
}

/// The bank with the form for a new practice.
pub async fn practices(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
) -> Response {
    list_page(
        &state,
        address,
        page,
        &me,
        FormState::default(),
        StatusCode::OK,
    )
    .await
}

/// Adds a practice to the organisation's bank.
pub async fn create_practice(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let pairs = Pairs(pairs);
    let input = input_of(&pairs);
    let (at, _) = origin_parts(&state);
    let actor = me.actor.clone();
    let addr = address.clone();
    let created = state
        .db
        .run(move |conn| {
            Ok(bank::create(
                conn,
                &actor,
                &input,
                Origin::new(Some(&addr), at),
            ))
        })
        .await;
    match created {
        Ok(Ok(id)) => see_other(&format!("/practices/{id}")),
        Ok(Err(GroupError::Invalid(errors))) => {
            let form = FormState::from_pairs(&pairs).with_errors(errors);
            list_page(
                &state,
                address,
                page,
                &me,
                form,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Ok(Err(e)) => failure(page, e),
        Err(e) => internal(page, e),
    }
}

/// One practice: a form for the organisation's own, read-only when shared
/// by another organisation.
pub async fn practice(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
) -> Response {
    let (at, writer) = origin_parts(&state);
    let actor = me.actor.clone();
    let found = state
        .db
        .run(move |conn| {
            Ok(bank::get(
                conn,
                &actor,
                &id,
                Origin::new(Some(&address), at).via(&writer),
            ))
        })
        .await;
    match found {
        Ok(Ok(line)) => render(&PracticePage {
            page,
            form: form_of(&line),
            line,
            domains: domains(),
            stale: false,
        }),
        Ok(Err(e)) => failure(page, e),
        Err(e) => internal(page, e),
    }
}

/// Saves a change to one of the organisation's own practices.
pub async fn update_practice(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let pairs = Pairs(pairs);
    let input = input_of(&pairs);
    let version = pairs.get("version").parse::<i32>().unwrap_or(0);
    let (at, writer) = origin_parts(&state);
    let actor = me.actor.clone();
    let pid = id.clone();
    let done = state
        .db
        .run(move |conn| {
            let origin = Origin::new(Some(&address), at).via(&writer);
            let saved = bank::update(conn, &actor, &pid, version, &input, origin);
            let again = match &saved {
                Ok(()) | Err(GroupError::Access(_)) => None,
                Err(_) => bank::get(conn, &actor, &pid, origin).ok(),
            };
            Ok((saved, again))
        })
        .await;
    match done {
        Ok((Ok(()), _)) => see_other("/practices"),
        Ok((Err(GroupError::Invalid(errors)), Some(line))) => {
            let body = render(&PracticePage {
                page,
                line,
                form: FormState::from_pairs(&pairs).with_errors(errors),
                domains: domains(),
                stale: false,
            });
            (StatusCode::UNPROCESSABLE_ENTITY, body).into_response()
        }
        Ok((Err(GroupError::Stale), Some(line))) => {
            let body = render(&PracticePage {
                page,
                form: form_of(&line),
                line,
                domains: domains(),
                stale: true,
            });
            (StatusCode::CONFLICT, body).into_response()
        }
        Ok((Err(e), _)) => failure(page, e),
        Err(e) => internal(page, e),
    }
}

// -------------------------------------------------------------------- API

#[derive(Serialize, ToSchema)]
pub struct PracticeItem {
    pub id: String,
    pub title: String,
    /// A life domain code, e.g. `social`.
    pub life_domain: Option<String>,
    pub method: String,
    pub materials: String,
    pub minutes: Option<i32>,
    pub language_notes: String,
    /// Offered to the instance's other organisations.
    pub shared: bool,
    /// Whose practice it is.
    pub organisation: String,
    /// The caller's organisation's own (it may change it).
    pub own: bool,
    pub version: i32,
}

impl From<PracticeLine> for PracticeItem {
    fn from(l: PracticeLine) -> Self {
        let p = l.practice;
        PracticeItem {
            id: p.id,
            title: p.title,
            life_domain: p.life_domain,
            method: p.method,
            materials: p.materials,
            minutes: p.minutes,
            language_notes: p.language_notes,
            shared: p.shared,
            organisation: l.organisation,
            own: l.own,
            version: p.version,
        }
    }
}

#[derive(Deserialize, ToSchema)]
pub struct PracticeBody {
    pub title: String,
    #[serde(default)]
    pub life_domain: Option<String>,
    #[serde(default)]
    pub method: String,
    #[serde(default)]
    pub materials: String,
    #[serde(default)]
    pub minutes: Option<i32>,
    #[serde(default)]
    pub language_notes: String,
    #[serde(default)]
    pub shared: bool,
}

#[derive(Serialize, ToSchema)]
pub struct CreatedBody {
    pub id: String,
}

/// The practice bank: the caller's organisation's practices and those
/// other organisations share.
#[utoipa::path(get, path = "/api/v1/practices", tag = "groups", security(("token" = [])),
    responses((status = 200, body = [PracticeItem]), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody)))]
pub async fn api_practices(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    CurrentUser(me): CurrentUser,
) -> Result<Json<Vec<PracticeItem>>, ApiError> {
    let (at, writer) = origin_parts(&state);
    let actor = me.actor.clone();
    let listed = state
        .db
        .run(move |conn| {
            Ok(bank::list(
                conn,
                &actor,
                Origin::new(Some(&address), at).via(&writer),
            ))
        })
        .await?
        .map_err(api_error)?;
    Ok(Json(listed.into_iter().map(PracticeItem::from).collect()))
}

/// Adds a practice to the caller's organisation's bank.
#[utoipa::path(post, path = "/api/v1/practices", tag = "groups", security(("token" = [])),
    request_body = PracticeBody,
    responses((status = 201, body = CreatedBody),
        (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 422, body = crate::participants::api::InvalidBody)))]
pub async fn api_create_practice(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    CurrentUser(me): CurrentUser,
    ApiJson(body): ApiJson<PracticeBody>,
) -> Response {
    let input = PracticeInput {
        title: body.title,
        life_domain: body.life_domain.unwrap_or_default(),
        method: body.method,
        materials: body.materials,
        minutes: body.minutes.map(|m| m.to_string()).unwrap_or_default(),
        language_notes: body.language_notes,
        shared: body.shared,
    };
    let (at, _) = origin_parts(&state);
    let actor = me.actor.clone();
    let created = state
        .db
        .run(move |conn| {
            Ok(bank::create(
                conn,
                &actor,
                &input,
                Origin::new(Some(&address), at),
            ))
        })
        .await;
    match created {
        Ok(Ok(id)) => (StatusCode::CREATED, Json(CreatedBody { id })).into_response(),
        Ok(Err(GroupError::Invalid(errors))) => crate::participants::api::invalid(errors),
        Ok(Err(e)) => api_error(e).into_response(),
        Err(e) => ApiError::from(e).into_response(),
    }
}
