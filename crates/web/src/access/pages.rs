//! Staff access pages: login and logout, administration of users and
//! sessions, the audit trail. Handlers stay thin: the policy and the audit
//! entry live in `domain` and `db`.

use crate::AppState;
use crate::auth::{AnySession, CurrentUser, MaybeUser};
use crate::client::ClientIp;
use crate::pages::{Page, internal, render, see_other};
use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::header::SET_COOKIE;
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, NaiveDateTime, Utc};
use db::audit::{Event, Outcome};
use db::models::{AuditEntry, SessionRow, User};
use domain::model::{Language, Role};
use domain::policy::{Action, Actor, Grant, Resource, authorize};
use serde::Deserialize;
use std::sync::OnceLock;

/// Asks the policy for an organisation-wide action; a refusal is recorded.
pub(crate) async fn grant_for(
    state: &AppState,
    actor: &Actor,
    action: Action,
    ip: &str,
) -> Result<Grant, (StatusCode, Option<db::DbError>)> {
    let org = actor.organisation_id().unwrap_or_default().to_owned();
    match authorize(actor, action, Resource::Organisation { id: &org }, None) {
        Ok(g) => Ok(g),
        Err(why) => {
            let actor = actor.clone();
            let at = state.clock.now().naive_utc();
            let ip = ip.to_owned();
            let recorded = state
                .db
                .run(move |conn| {
                    db::audit::record_alone(
                        conn,
                        &Event {
                            organisation_id: actor.organisation_id(),
                            actor_user_id: Some(actor.user_id()),
                            actor_label: actor.user_id(),
                            action: "permission.denied",
                            subject_type: Some("action"),
                            subject_id: Some(&format!("{action:?}")),
                            detail: why.code(),
                            outcome: Outcome::Denied,
                            ip: Some(&ip),
                            at,
                        },
                    )
                })
                .await;
            Err((StatusCode::FORBIDDEN, recorded.err()))
        }
    }
}

pub(crate) async fn require(
    state: &AppState,
    page: Page,
    actor: &Actor,
    action: Action,
    ip: &str,
) -> Result<(Page, Grant), Response> {
    match grant_for(state, actor, action, ip).await {
        Ok(g) => Ok((page, g)),
        Err((_, Some(e))) => Err(internal(page, e)),
        Err((status, None)) => Err(page.error(status)),
    }
}

/// Every administrative change has one shape: the policy's grant for the
/// action, the change in the database (which writes its audit entry), then
/// back to the list, or a translated error page.
pub(crate) async fn admin_change<F>(
    state: &AppState,
    page: Page,
    actor: &Actor,
    action: Action,
    ip: String,
    back: &'static str,
    change: F,
) -> Response
where
    F: FnOnce(&mut db::DbConn, &Grant, &str, NaiveDateTime) -> db::DbResult<()> + Send + 'static,
{
    let (page, grant) = match require(state, page, actor, action, &ip).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let at = state.clock.now().naive_utc();
    match state
        .db
        .run(move |conn| change(conn, &grant, &ip, at))
        .await
    {
        Ok(()) => see_other(back),
        Err(db::DbError::NotFound(_)) => page.error(StatusCode::NOT_FOUND),
        Err(db::DbError::Conflict(_)) => page.error(StatusCode::CONFLICT),
        Err(db::DbError::Invalid(_)) => page.error(StatusCode::UNPROCESSABLE_ENTITY),
        Err(e) => internal(page, e),
    }
}

// ---------------------------------------------------------------- login

#[derive(Template)]
#[template(path = "login.html")]
pub struct LoginPage {
    pub page: Page,
    pub login: String,
    pub next: String,
    pub failed: bool,
}

#[derive(Deserialize, Default)]
pub struct NextQuery {
    #[serde(default)]
    next: String,
}

pub async fn login_form(
    page: Page,
    MaybeUser(user): MaybeUser,
    Query(q): Query<NextQuery>,
) -> Response {
    if user.is_some() {
        return see_other("/dashboard");
    }
    render(&LoginPage {
        page,
        login: String::new(),
        next: crate::pages::public::local_path(&q.next).to_owned(),
        failed: false,
    })
}

#[derive(Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    login: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: String,
}

/// A hash to verify against when the account does not exist, so that the
/// answer takes as long as for a real account.
fn dummy_hash() -> &'static str {
    static HASH: OnceLock<String> = OnceLock::new();
    HASH.get_or_init(|| {
        match domain::password::NewPassword::parse(&domain::secret::random_hex(16)) {
            Ok(p) => p.hash(),
            Err(_) => String::new(),
        }
    })
}

enum LoginOutcome {
    Failed,
    Signed { token: String, pending: bool },
}

pub async fn login(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    headers: HeaderMap,
    page: Page,
    Form(form): Form<LoginForm>,
) -> Response {
    let now = state.clock.now();
    if !state.login_limiter.allows(&address, now) {
        return page.error(StatusCode::TOO_MANY_REQUESTS);
    }
    let login = form.login.trim().to_owned();
    let lookup = {
        let login = login.clone();
        state
            .db
            .run(move |conn| db::access::user_by_login(conn, &login))
            .await
    };
    let user = match lookup {
        Ok(u) => u,
        Err(e) => return internal(page, e),
    };
    // An unknown account is checked against a dummy hash: the answer takes as long.
    let stored = user
        .as_ref()
        .map_or_else(|| dummy_hash(), |u| u.password_hash.as_str());
    let password_ok = crate::pages::password_matches(&form.password, stored).await;
    let user_agent = headers
        .get(axum::http::header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .map(|s| s.chars().take(200).collect::<String>());
    let old_cookie =
        crate::auth::cookie_value(&headers, state.auth.cookie_name()).map(db::access::secret_hash);
    let from = address.clone();
    let outcome = state
        .db
        .run(move |conn| {
            decide_login(
                conn,
                user,
                &login,
                password_ok,
                now,
                &from,
                user_agent,
                old_cookie,
            )
        })
        .await;
    match outcome {
        Ok(LoginOutcome::Signed { token, pending }) => {
            let to = if pending {
                "/login/second-factor"
            } else {
                crate::pages::public::local_path(&form.next)
            };
            let to = if to == "/" { "/dashboard" } else { to };
            let mut r = see_other(to);
            if let Ok(v) = HeaderValue::from_str(&state.auth.session_cookie(&token)) {
                r.headers_mut().insert(SET_COOKIE, v);
            }
            r
        }
        // One answer for every failure: wrong password, unknown or disabled
        // account, lockout. Nothing tells which.
        Ok(LoginOutcome::Failed) => {
            state.login_limiter.failed(&address, now);
            let body = render(&LoginPage {
                page,
                login: form.login.trim().to_owned(),
                next: crate::pages::public::local_path(&form.next).to_owned(),
                failed: true,
            });
            (StatusCode::UNAUTHORIZED, body).into_response()
        }
        Err(e) => internal(page, e),
    }
}

#[allow(clippy::too_many_arguments)]
fn decide_login(
    conn: &mut db::DbConn,
    user: Option<User>,
    login: &str,
    password_ok: bool,
    now: DateTime<Utc>,
    address: &str,
    user_agent: Option<String>,
    old_session: Option<String>,
) -> db::DbResult<LoginOutcome> {
    let at = now.naive_utc();
    db::backend::write_tx(conn, |conn| {
        let fail = |conn: &mut db::DbConn, org: Option<&str>, user_id: Option<&str>, why: &str| {
            db::audit::record(
                conn,
                &Event {
                    organisation_id: org,
                    actor_user_id: user_id,
                    actor_label: login,
                    action: "login",
                    subject_type: None,
                    subject_id: None,
                    detail: why,
                    outcome: Outcome::Failure,
                    ip: Some(address),
                    at,
                },
            )
        };
        let Some(user) = user else {
            fail(conn, None, None, "unknown account")?;
            return Ok(LoginOutcome::Failed);
        };
        let memberships = db::access::memberships_of(conn, &user.id)?;
        let org = memberships.first().map(|(o, _)| o.clone());
        let org_id = org.as_ref().map(|o| o.id.clone());
        if db::access::is_locked(&user, at) {
            fail(conn, org_id.as_deref(), Some(&user.id), "locked")?;
            return Ok(LoginOutcome::Failed);
        }
        if !password_ok {
            let locked = db::access::register_failure(conn, &user, at)?;
            fail(
                conn,
                org_id.as_deref(),
                Some(&user.id),
                if locked {
                    "wrong password; account locked"
                } else {
                    "wrong password"
                },
            )?;
            return Ok(LoginOutcome::Failed);
        }
        if !user.active {
            fail(conn, org_id.as_deref(), Some(&user.id), "disabled")?;
            return Ok(LoginOutcome::Failed);
        }
        if db::access::temporary_password_expired(&user, at) {
            fail(
                conn,
                org_id.as_deref(),
                Some(&user.id),
                "temporary password expired",
            )?;
            return Ok(LoginOutcome::Failed);
        }
        if org.is_none() && !user.is_analyst {
            fail(conn, None, Some(&user.id), "no organisation")?;
            return Ok(LoginOutcome::Failed);
        }
        db::access::clear_failures(conn, &user.id)?;
        // A successful login always gets a fresh id; a session the browser
        // already carried (possibly planted by someone else) ends here.
        if let Some(old) = &old_session {
            db::access::delete_session(conn, old)?;
        }
        let token = domain::secret::random_hex(32);
        let pending = user.totp_enabled || org.as_ref().is_some_and(|o| o.require_totp);
        db::access::create_session(
            conn,
            &SessionRow {
                id: db::access::secret_hash(&token),
                user_id: user.id.clone(),
                organisation_id: org_id.clone(),
                csrf_token: domain::secret::random_hex(32),
                second_factor_pending: pending,
                ip: Some(address.to_owned()),
                user_agent,
                created_at: at,
                last_seen_at: at,
            },
        )?;
        db::audit::record(
            conn,
            &Event {
                organisation_id: org_id.as_deref(),
                actor_user_id: Some(&user.id),
                actor_label: &user.email,
                action: "login",
                subject_type: None,
                subject_id: None,
                detail: if pending {
                    "password ok; second factor pending"
                } else {
                    ""
                },
                outcome: Outcome::Success,
                ip: Some(address),
                at,
            },
        )?;
        Ok(LoginOutcome::Signed { token, pending })
    })
}

/// Ends the session on the server, not only in the browser.
pub async fn logout(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    AnySession(me): AnySession,
) -> Response {
    let at = state.clock.now().naive_utc();
    let result = state
        .db
        .run(move |conn| {
            db::backend::write_tx(conn, |conn| {
                db::access::delete_session(conn, &me.session_id)?;
                db::audit::record(
                    conn,
                    &Event {
                        organisation_id: me.actor.organisation_id(),
                        actor_user_id: Some(&me.user.id),
                        actor_label: &me.user.email,
                        action: "logout",
                        subject_type: None,
                        subject_id: None,
                        detail: "",
                        outcome: Outcome::Success,
                        ip: Some(&address),
                        at,
                    },
                )
            })
        })
        .await;
    if let Err(e) = result {
        return internal(page, e);
    }
    let mut r = see_other("/");
    if let Ok(v) = HeaderValue::from_str(&state.auth.clear_cookie()) {
        r.headers_mut().insert(SET_COOKIE, v);
    }
    r
}

// ---------------------------------------------------------------- users

#[derive(Template)]
#[template(path = "admin_users.html")]
pub struct UsersPage {
    pub page: Page,
    pub staff: Vec<(User, Role)>,
    pub roles: Vec<&'static str>,
    pub form: NewStaffForm,
    pub errors: Vec<(&'static str, &'static str)>,
    pub added: bool,
    /// The administrator's own id: no reset or disable button on her own row.
    pub me: String,
}

impl UsersPage {
    /// The translation key of a field's error, if it has one.
    pub fn error_for(&self, field: &str) -> Option<&'static str> {
        self.errors
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, k)| *k)
    }
}

#[derive(Deserialize, Default, Clone)]
pub struct NewStaffForm {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub password: String,
}

#[derive(Deserialize, Default)]
pub struct AddedQuery {
    #[serde(default)]
    added: Option<String>,
}

async fn users_page(
    state: &AppState,
    page: Page,
    grant: Grant,
    form: NewStaffForm,
    errors: Vec<(&'static str, &'static str)>,
    added: bool,
) -> Response {
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let me = grant.actor().user_id().to_owned();
    match state
        .db
        .run(move |conn| db::access::list_staff(conn, &grant))
        .await
    {
        Ok(staff) => (
            status,
            render(&UsersPage {
                page,
                staff,
                roles: Role::ALL.iter().map(|r| r.code()).collect(),
                form: NewStaffForm {
                    password: String::new(),
                    ..form
                },
                errors,
                added,
                me,
            }),
        )
            .into_response(),
        Err(e) => internal(page, e),
    }
}

pub async fn users(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Query(q): Query<AddedQuery>,
) -> Response {
    let (page, grant) = match require(&state, page, &me.actor, Action::ManageUsers, &address).await
    {
        Ok(x) => x,
        Err(r) => return r,
    };
    let form = NewStaffForm {
        role: Role::Casemanager.code().to_owned(),
        ..Default::default()
    };
    users_page(&state, page, grant, form, Vec::new(), q.added.is_some()).await
}

/// Field-level checks of the add-staff form; each error is a translation key.
fn validate_staff(
    form: &NewStaffForm,
) -> (
    Vec<(&'static str, &'static str)>,
    Option<domain::password::NewPassword>,
    Option<Role>,
) {
    let mut errors = Vec::new();
    if form.name.trim().is_empty() {
        errors.push(("name", "error-required"));
    }
    let email = form.email.trim();
    if email.is_empty() {
        errors.push(("email", "error-required"));
    } else if !email.contains('@')
        || email.starts_with('@')
        || email.ends_with('@')
        || email.contains(' ')
    {
        errors.push(("email", "error-email"));
    }
    let role = form.role.parse::<Role>().ok();
    if role.is_none() {
        errors.push(("role", "error-required"));
    }
    let password = match domain::password::NewPassword::parse_for(
        &form.password,
        &[email, form.name.trim()],
    ) {
        Ok(p) => Some(p),
        Err(e) => {
            errors.push(("password", e.message_key()));
            None
        }
    };
    (errors, password, role)
}

pub async fn add_user(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Form(form): Form<NewStaffForm>,
) -> Response {
    let (page, grant) = match require(&state, page, &me.actor, Action::ManageUsers, &address).await
    {
        Ok(x) => x,
        Err(r) => return r,
    };
    let (mut errors, password, role) = validate_staff(&form);
    if let (true, Some(password), Some(role)) = (errors.is_empty(), password, role) {
        let hash = match crate::pages::hash_password(&password).await {
            Ok(h) => h,
            Err(e) => return internal(page, e),
        };
        let at = state.clock.now().naive_utc();
        let (g, f, a) = (grant.clone(), form.clone(), address);
        let result = state
            .db
            .run(move |conn| {
                db::access::add_staff(
                    conn,
                    &g,
                    db::repo::NewUser {
                        email: f.email.trim(),
                        username: None,
                        display_name: f.name.trim(),
                        preferred_language: None::<Language>,
                        grammatical_gender: None,
                        password_hash: hash,
                    },
                    role,
                    Some(&a),
                    at,
                )
            })
            .await;
        match result {
            Ok(_) => return see_other("/admin/users?added=1"),
            Err(db::DbError::Conflict(_)) => errors.push(("email", "error-email-taken")),
            Err(e) => return internal(page, e),
        }
    }
    users_page(&state, page, grant, form, errors, false).await
}

pub async fn disable_user(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Path(user_id): Path<String>,
) -> Response {
    admin_change(
        &state,
        page,
        &me.actor,
        Action::ManageUsers,
        address,
        "/admin/users",
        move |conn, grant, ip, at| db::access::disable_staff(conn, grant, &user_id, Some(ip), at),
    )
    .await
}

pub async fn enable_user(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Path(user_id): Path<String>,
) -> Response {
    admin_change(
        &state,
        page,
        &me.actor,
        Action::ManageUsers,
        address,
        "/admin/users",
        move |conn, grant, ip, at| db::access::enable_staff(conn, grant, &user_id, Some(ip), at),
    )
    .await
}

/// The administrator actions that cannot simply be taken back, each asked
/// again on a page of its own (no script needed). Each is the path segment of
/// its POST route and the middle of its message keys (`confirm-<action>-title`).
const CONFIRMED_ACTIONS: [&str; 3] = ["disable", "reset-password", "reset-two-step"];

#[derive(Template)]
#[template(path = "confirm_user_action.html")]
pub struct ConfirmPage {
    pub page: Page,
    pub user_id: String,
    pub name: String,
    /// One of [`CONFIRMED_ACTIONS`]; names the form's target and the texts.
    pub action: &'static str,
}

impl ConfirmPage {
    /// `confirm-<action>-<part>`, e.g. `confirm-disable-title`, with the name.
    pub fn text(&self, part: &str) -> String {
        self.page.t_str(
            &format!("confirm-{}-{part}", self.action),
            "name",
            &self.name,
        )
    }
}

/// Asks before a change that cannot simply be taken back.
pub async fn confirm_user_action(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Path((user_id, action)): Path<(String, String)>,
) -> Response {
    let (page, grant) = match require(&state, page, &me.actor, Action::ManageUsers, &address).await
    {
        Ok(x) => x,
        Err(r) => return r,
    };
    let Some(action) = CONFIRMED_ACTIONS.iter().copied().find(|a| *a == action) else {
        return page.error(StatusCode::NOT_FOUND);
    };
    let id = user_id.clone();
    match state
        .db
        .run(move |conn| db::access::staff_member(conn, &grant, &id))
        .await
    {
        Ok(user) => render(&ConfirmPage {
            page,
            user_id,
            name: user.display_name,
            action,
        }),
        Err(db::DbError::NotFound(_)) => page.error(StatusCode::NOT_FOUND),
        Err(e) => internal(page, e),
    }
}

/// Turns off a staff member's second factor (lost phone and recovery codes).
pub async fn reset_second_factor(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Path(user_id): Path<String>,
) -> Response {
    admin_change(
        &state,
        page,
        &me.actor,
        Action::ManageUsers,
        address,
        "/admin/users",
        move |conn, grant, ip, at| {
            db::access::reset_staff_second_factor(conn, grant, &user_id, Some(ip), at)
        },
    )
    .await
}

#[derive(Template)]
#[template(path = "temporary_password.html")]
pub struct TemporaryPasswordPage {
    pub page: Page,
    pub name: String,
    pub password: String,
}

impl TemporaryPasswordPage {
    /// How to hand it over, and for how many days it works.
    pub fn advice(&self) -> String {
        i18n::t_args(
            self.page.lang,
            "temporary-password-text",
            &[(
                "days",
                i18n::Arg::Num(domain::password::TEMPORARY_VALID_DAYS),
            )],
        )
    }
}

/// Gives a staff member a temporary password, shown once to the
/// administrator to hand over in person; she must replace it at login.
pub async fn reset_password(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Path(user_id): Path<String>,
) -> Response {
    let (page, grant) = match require(&state, page, &me.actor, Action::ManageUsers, &address).await
    {
        Ok(x) => x,
        Err(r) => return r,
    };
    let temporary = domain::password::temporary();
    let hash = match crate::pages::hash_password(&temporary).await {
        Ok(h) => h,
        Err(e) => return internal(page, e),
    };
    let at = state.clock.now().naive_utc();
    let result = state
        .db
        .run(move |conn| {
            db::access::reset_staff_password(conn, &grant, &user_id, &hash, Some(&address), at)?;
            db::access::user_by_id(conn, &user_id)
        })
        .await;
    match result {
        Ok(user) => render(&TemporaryPasswordPage {
            page,
            name: user.display_name,
            password: temporary.expose().to_owned(),
        }),
        Err(db::DbError::NotFound(_)) => page.error(StatusCode::NOT_FOUND),
        Err(db::DbError::Conflict(_)) => page.error(StatusCode::CONFLICT),
        Err(e) => internal(page, e),
    }
}

#[derive(Deserialize)]
pub struct RoleForm {
    #[serde(default)]
    role: String,
}

pub async fn change_role(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Path(user_id): Path<String>,
    Form(form): Form<RoleForm>,
) -> Response {
    // Parsed here, judged after the policy: a refusal comes before any input check.
    let role = form.role.parse::<Role>().ok();
    admin_change(
        &state,
        page,
        &me.actor,
        Action::ManageUsers,
        address,
        "/admin/users",
        move |conn, grant, ip, at| {
            let role = role.ok_or(db::DbError::Invalid("role"))?;
            db::access::change_role(conn, grant, &user_id, role, Some(ip), at)
        },
    )
    .await
}

// ---------------------------------------------------------------- sessions

#[derive(Template)]
#[template(path = "admin_sessions.html")]
pub struct SessionsPage {
    pub page: Page,
    pub sessions: Vec<db::access::SessionInfo>,
}

impl SessionsPage {
    pub fn when(&self, at: &NaiveDateTime) -> String {
        i18n::format_datetime(self.page.lang, at.and_utc())
    }
}

pub async fn sessions(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
) -> Response {
    let (page, grant) =
        match require(&state, page, &me.actor, Action::ManageSessions, &address).await {
            Ok(x) => x,
            Err(r) => return r,
        };
    match state
        .db
        .run(move |conn| db::access::list_sessions(conn, &grant))
        .await
    {
        Ok(sessions) => render(&SessionsPage { page, sessions }),
        Err(e) => internal(page, e),
    }
}

pub async fn end_session(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Path(session_id): Path<String>,
) -> Response {
    admin_change(
        &state,
        page,
        &me.actor,
        Action::ManageSessions,
        address,
        "/admin/sessions",
        move |conn, grant, ip, at| db::access::end_session(conn, grant, &session_id, Some(ip), at),
    )
    .await
}

// ---------------------------------------------------------------- audit trail

#[derive(Template)]
#[template(path = "audit.html")]
pub struct AuditPage {
    pub page: Page,
    pub entries: Vec<(AuditEntry, String)>,
    pub subject: String,
    pub action: String,
}

impl AuditPage {
    pub fn when(&self, at: &NaiveDateTime) -> String {
        i18n::format_datetime(self.page.lang, at.and_utc())
    }
}

#[derive(Deserialize, Default)]
pub struct AuditQuery {
    #[serde(default)]
    subject: String,
    #[serde(default)]
    action: String,
}

pub async fn audit(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Query(q): Query<AuditQuery>,
) -> Response {
    let (page, grant) =
        match require(&state, page, &me.actor, Action::ReadAuditTrail, &address).await {
            Ok(x) => x,
            Err(r) => return r,
        };
    let filter = db::audit::Filter {
        subject_id: Some(q.subject.trim().to_owned()).filter(|s| !s.is_empty()),
        actor_user_id: None,
        action: Some(q.action.trim().to_owned()).filter(|s| !s.is_empty()),
        limit: 200,
    };
    let org = grant.organisation_id().unwrap_or_default().to_owned();
    let result = state
        .db
        .run(move |conn| {
            let entries = db::audit::list(conn, &org, &filter)?;
            // Show people by name, not by id: one lookup for the whole page.
            let mut ids: Vec<String> = entries
                .iter()
                .filter_map(|e| e.actor_user_id.clone())
                .collect();
            ids.sort();
            ids.dedup();
            let names = db::access::display_names(conn, &ids)?;
            Ok(entries
                .into_iter()
                .map(|e| {
                    let name = e
                        .actor_user_id
                        .as_ref()
                        .and_then(|id| names.get(id).cloned())
                        .unwrap_or_else(|| e.actor_label.clone());
                    (e, name)
                })
                .collect::<Vec<_>>())
        })
        .await;
    match result {
        Ok(entries) => render(&AuditPage {
            page,
            entries,
            subject: q.subject,
            action: q.action,
        }),
        Err(e) => internal(page, e),
    }
}
