//! A person's own account: two-step verification (TOTP and recovery codes),
//! personal API tokens; the second step of logging in; and the organisation
//! rule that makes two-step verification compulsory.

use super::{Page, internal, render, see_other};
use crate::AppState;
use crate::auth::{CurrentUser, PasswordDueUser, PendingUser, Signed};
use crate::client::ClientIp;
use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use db::audit::{Event, Outcome};
use db::credentials::Context;
use db::models::ApiToken;
use domain::model::{GrammaticalGender, Language, Role};
use domain::policy::Action;
use serde::Deserialize;

/// Ten single-use codes for when the phone is lost.
fn new_recovery_codes() -> Vec<String> {
    (0..10)
        .map(|_| {
            // 50 random bits each, in the unambiguous Base32 alphabet.
            let raw = domain::totp::new_secret();
            format!("{}-{}", &raw[..5], &raw[5..10])
        })
        .collect()
}

// ---------------------------------------------------------------- account page

#[derive(Template)]
#[template(path = "account.html")]
pub struct AccountPage {
    pub page: Page,
    /// Translation key of the password form's error, if any.
    pub password_error: Option<&'static str>,
    pub password_changed: bool,
    /// Organisations the person works for: (id, name, current).
    pub organisations: Vec<(String, String, bool)>,
    pub totp_enabled: bool,
    pub recovery_left: i64,
    pub tokens: Vec<ApiToken>,
    pub is_admin: bool,
    pub org_requires_totp: bool,
    /// The person's grammatical gender code and whether it was just saved.
    pub gender: &'static str,
    pub title_saved: bool,
    /// Her role's code in the current organisation ("analyst" for the analyst).
    pub role: &'static str,
    /// Her calendar feed in this organisation, when she has one.
    pub feed: Option<db::messages::links::AccessLink>,
    /// Whether she may have a feed (staff in an organisation).
    pub can_feed: bool,
    /// Whether she gets the daily digest here.
    pub digest: bool,
}

impl AccountPage {
    pub const GENDERS: [&'static str; 3] = ["feminine", "masculine", "neutral"];

    /// The title a form gives in a language that inflects it (the option's
    /// label shows French and German, e.g. "Coordinatrice / Koordinatorin").
    pub fn title_in(&self, lang: &str, gender: &str) -> String {
        let lang = lang.parse().unwrap_or(Language::Fr);
        let g = gender.parse().unwrap_or(GrammaticalGender::Neutral);
        i18n::job_title(lang, self.role.parse().ok(), g)
    }

    pub fn recovery_text(&self) -> String {
        self.page
            .t_count("account-recovery-left", self.recovery_left)
    }
    pub fn when(&self, at: &chrono::NaiveDateTime) -> String {
        i18n::format_datetime(self.page.lang, at.and_utc())
    }
}

#[derive(Deserialize, Default)]
pub struct ChangedQuery {
    #[serde(default)]
    changed: Option<String>,
    #[serde(default)]
    title: Option<String>,
}

pub async fn account(
    State(state): State<AppState>,
    page: Page,
    CurrentUser(me): CurrentUser,
    axum::extract::Query(q): axum::extract::Query<ChangedQuery>,
) -> Response {
    account_page(
        &state,
        page,
        &me,
        None,
        q.changed.is_some(),
        q.title.is_some(),
    )
    .await
}

// ------------------------------------------------ replacing a temporary password

#[derive(Template)]
#[template(path = "new_password.html")]
pub struct NewPasswordPage {
    pub page: Page,
    /// Translation key of the field's error, if any.
    pub error: Option<&'static str>,
}

pub async fn new_password_form(page: Page, PasswordDueUser(_me): PasswordDueUser) -> Response {
    render(&NewPasswordPage { page, error: None })
}

#[derive(Deserialize)]
pub struct NewPasswordForm {
    #[serde(default)]
    new: String,
}

/// Replaces the temporary password an administrator gave: strong, and not the
/// temporary one again. Her other sessions end; this one goes on.
pub async fn new_password(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    page: Page,
    PasswordDueUser(me): PasswordDueUser,
    Form(form): Form<NewPasswordForm>,
) -> Response {
    let new = domain::password::NewPassword::parse_for(
        &form.new,
        &[&me.user.email, &me.user.display_name],
    );
    let same = super::password_matches(&form.new, &me.user.password_hash).await;
    let new = match (new, same) {
        (Err(e), _) => Err(e.message_key()),
        (Ok(_), true) => Err("error-password-same"),
        (Ok(n), false) => Ok(n),
    };
    let new = match new {
        Ok(n) => n,
        Err(key) => {
            return (
                StatusCode::UNPROCESSABLE_ENTITY,
                render(&NewPasswordPage {
                    page,
                    error: Some(key),
                }),
            )
                .into_response();
        }
    };
    save_own_password(&state, page, &me, ip, new, "/dashboard").await
}

/// Hashes (off the runtime) and saves a person's new password, ending her
/// other sessions, then sends her on to `then`.
async fn save_own_password(
    state: &AppState,
    page: Page,
    me: &Signed,
    ip: String,
    new: domain::password::NewPassword,
    then: &str,
) -> Response {
    let hash = match super::hash_password(&new).await {
        Ok(h) => h,
        Err(e) => return internal(page, e),
    };
    let (actor, at, keep) = (
        me.actor.clone(),
        state.clock.now().naive_utc(),
        me.session_id.clone(),
    );
    match state
        .db
        .run(move |conn| {
            db::credentials::change_own_password(
                conn,
                Context {
                    actor: &actor,
                    ip: Some(&ip),
                    at,
                },
                &keep,
                &hash,
            )
        })
        .await
    {
        Ok(_) => see_other(then),
        Err(e) => internal(page, e),
    }
}

#[derive(Deserialize)]
pub struct TitleForm {
    gender: String,
}

/// Saves the form of one's job title (French and German inflect it).
pub async fn set_title_form(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Form(form): Form<TitleForm>,
) -> Response {
    if me.via_token {
        return page.error(StatusCode::FORBIDDEN);
    }
    let Ok(gender) = form.gender.parse::<domain::model::GrammaticalGender>() else {
        return page.error(StatusCode::UNPROCESSABLE_ENTITY);
    };
    let (actor, at) = (me.actor.clone(), state.clock.now().naive_utc());
    match state
        .db
        .run(move |conn| {
            db::access::set_grammatical_gender(conn, &actor, gender, Some(&address), at)
        })
        .await
    {
        Ok(()) => see_other("/account?title=saved#title-heading"),
        Err(e) => internal(page, e),
    }
}

/// The account page, also as the answer to a refused password change.
async fn account_page(
    state: &AppState,
    page: Page,
    me: &Signed,
    password_error: Option<&'static str>,
    password_changed: bool,
    title_saved: bool,
) -> Response {
    let actor = me.actor.clone();
    let user_id = me.user.id.clone();
    let now = state.clock.now().naive_utc();
    let result = state
        .db
        .run(move |conn| {
            let tokens = db::credentials::list_tokens(conn, &actor)?;
            let feed = db::messages::links::own_feed(conn, &actor, now)?;
            let digest = db::messages::digest::wants_digest(conn, &actor)?;
            let left = db::credentials::unused_recovery_codes(conn, &user_id)?;
            let current = actor.organisation_id().unwrap_or_default().to_owned();
            let organisations = db::access::memberships_of(conn, &user_id)?
                .into_iter()
                .map(|(o, _)| {
                    let here = o.id == current;
                    (o.id, o.name, here)
                })
                .collect();
            Ok(((tokens, feed, digest), left, organisations))
        })
        .await;
    let status = if password_error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    match result {
        Ok(((tokens, feed, digest), recovery_left, organisations)) => (
            status,
            render(&AccountPage {
                page,
                password_error,
                password_changed,
                organisations,
                totp_enabled: me.user.totp_enabled,
                recovery_left,
                tokens,
                is_admin: me.actor.role() == Some(Role::Administrator),
                org_requires_totp: me.organisation.as_ref().is_some_and(|o| o.require_totp),
                gender: crate::pages::gender_of(&me.user).code(),
                title_saved,
                role: me.actor.role().map_or("analyst", |r| r.code()),
                can_feed: me.actor.organisation_id().is_some(),
                feed,
                digest,
            }),
        )
            .into_response(),
        Err(e) => internal(page, e),
    }
}

// ---------------------------------------------------------------- TOTP set-up

#[derive(Template)]
#[template(path = "totp_setup.html")]
pub struct TotpSetupPage {
    pub page: Page,
    pub secret: String,
    pub uri: String,
    /// The `otpauth://` link as an inline SVG QR code; empty if it cannot be drawn.
    pub qr: String,
    pub action: &'static str,
    pub failed: bool,
}

/// The link as a QR code for the phone's camera: inline SVG (no script, no
/// extra request), labelled by the caption with id `qr-caption`.
pub(crate) fn qr_svg(uri: &str, caption_id: &str) -> String {
    let Ok(code) = qrcode::QrCode::new(uri.as_bytes()) else {
        return String::new();
    };
    let svg = code
        .render::<qrcode::render::svg::Color>()
        .min_dimensions(200, 200)
        .build();
    let start = svg.find("<svg").unwrap_or(0);
    svg[start..].replacen(
        "<svg ",
        &format!("<svg role=\"img\" aria-labelledby=\"{caption_id}\" "),
        1,
    )
}

#[derive(Template)]
#[template(path = "recovery_codes.html")]
pub struct RecoveryCodesPage {
    pub page: Page,
    pub codes: Vec<String>,
    pub next: &'static str,
}

#[derive(Deserialize)]
pub struct CodeForm {
    #[serde(default)]
    code: String,
}

/// Begins set-up: a new secret, not yet active (a POST: it changes state).
pub async fn totp_start(
    State(state): State<AppState>,
    page: Page,
    CurrentUser(me): CurrentUser,
) -> Response {
    start(&state, page, &me, "/account/totp").await
}

async fn start(state: &AppState, page: Page, me: &Signed, then: &str) -> Response {
    if me.user.totp_enabled {
        return see_other("/account");
    }
    let (user_id, key) = (me.user.id.clone(), state.sealing_key.clone());
    match state
        .db
        .run(move |conn| {
            db::credentials::start_totp(conn, &user_id, &domain::totp::new_secret(), key.as_deref())
        })
        .await
    {
        Ok(()) => see_other(then),
        Err(e) => internal(page, e),
    }
}

/// The person's two-step secret as text, opened when sealed. One that does
/// not open (the key changed or is missing) counts as none, so every code is
/// refused; it is logged, and `traject check` names the problem.
fn totp_secret(state: &AppState, user: &db::models::User) -> Option<String> {
    let stored = user.totp_secret.as_deref()?;
    match domain::sealed::open(state.sealing_key.as_deref(), stored) {
        Ok(secret) => Some(secret),
        Err(e) => {
            tracing::error!(error = %e, user = %user.id, "two-step secret cannot be read");
            None
        }
    }
}

fn setup_page(
    state: &AppState,
    page: Page,
    me: &Signed,
    action: &'static str,
    failed: bool,
) -> Response {
    let Some(secret) = totp_secret(state, &me.user) else {
        return see_other("/account");
    };
    let uri = domain::totp::otpauth_uri(&secret, &me.user.email, "traject");
    let status = if failed {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    (
        status,
        render(&TotpSetupPage {
            page,
            secret,
            qr: qr_svg(&uri, "qr-caption"),
            uri,
            action,
            failed,
        }),
    )
        .into_response()
}

pub async fn totp_setup(
    State(state): State<AppState>,
    page: Page,
    CurrentUser(me): CurrentUser,
) -> Response {
    if me.user.totp_enabled {
        return see_other("/account");
    }
    setup_page(&state, page, &me, FROM_ACCOUNT.action, false)
}

/// Where a TOTP set-up happens: from the account page, or as the compulsory
/// second step of a login (which it then completes).
#[derive(Clone, Copy)]
struct SetupFlow {
    action: &'static str,
    next: &'static str,
    completes_login: bool,
}

const FROM_ACCOUNT: SetupFlow = SetupFlow {
    action: "/account/totp/confirm",
    next: "/account",
    completes_login: false,
};
const DURING_LOGIN: SetupFlow = SetupFlow {
    action: "/login/second-factor",
    next: "/dashboard",
    completes_login: true,
};

/// Confirms set-up with a first code; shows the recovery codes once.
async fn confirm(
    state: &AppState,
    page: Page,
    me: &Signed,
    code: &str,
    ip: String,
    flow: SetupFlow,
) -> Response {
    let Some(secret) = totp_secret(state, &me.user) else {
        return see_other("/account");
    };
    let now = state.clock.now();
    let Some(step) = domain::totp::verify(&secret, code, now.timestamp(), me.user.totp_last_step)
    else {
        return setup_page(state, page, me, flow.action, true);
    };
    let codes = new_recovery_codes();
    let (actor, session, stored) = (me.actor.clone(), me.session_id.clone(), codes.clone());
    let result = state
        .db
        .run(move |conn| {
            let ctx = Context {
                actor: &actor,
                ip: Some(&ip),
                at: now.naive_utc(),
            };
            db::credentials::enable_totp(conn, ctx, step, &stored)?;
            if flow.completes_login {
                db::access::complete_second_factor(conn, &session)?;
            }
            Ok(())
        })
        .await;
    match result {
        Ok(()) => render(&RecoveryCodesPage {
            page,
            codes,
            next: flow.next,
        }),
        Err(e) => internal(page, e),
    }
}

pub async fn totp_confirm(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Form(form): Form<CodeForm>,
) -> Response {
    confirm(&state, page, &me, &form.code, address, FROM_ACCOUNT).await
}

/// Turns two-step verification off (a current code is required), unless the
/// organisation makes it compulsory.
pub async fn totp_disable(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Form(form): Form<CodeForm>,
) -> Response {
    if me.organisation.as_ref().is_some_and(|o| o.require_totp) {
        return page.error(StatusCode::CONFLICT);
    }
    let (Some(secret), true) = (totp_secret(&state, &me.user), me.user.totp_enabled) else {
        return see_other("/account");
    };
    let now = state.clock.now();
    if domain::totp::verify(&secret, &form.code, now.timestamp(), me.user.totp_last_step).is_none()
    {
        return page.error(StatusCode::FORBIDDEN);
    }
    let actor = me.actor.clone();
    match state
        .db
        .run(move |conn| {
            db::credentials::disable_totp(
                conn,
                Context {
                    actor: &actor,
                    ip: Some(&ip),
                    at: now.naive_utc(),
                },
            )
        })
        .await
    {
        Ok(()) => see_other("/account"),
        Err(e) => internal(page, e),
    }
}

// ---------------------------------------------------------------- second step of login

#[derive(Template)]
#[template(path = "second_factor.html")]
pub struct SecondFactorPage {
    pub page: Page,
    pub setup_required: bool,
    pub failed: bool,
}

pub async fn second_factor_form(
    State(state): State<AppState>,
    page: Page,
    PendingUser(me): PendingUser,
) -> Response {
    if !me.user.totp_enabled && me.user.totp_secret.is_some() {
        return setup_page(&state, page, &me, DURING_LOGIN.action, false);
    }
    render(&SecondFactorPage {
        page,
        setup_required: !me.user.totp_enabled,
        failed: false,
    })
}

/// The organisation requires a second factor this person has not set up yet.
pub async fn second_factor_setup(
    State(state): State<AppState>,
    page: Page,
    PendingUser(me): PendingUser,
) -> Response {
    start(&state, page, &me, "/login/second-factor").await
}

pub async fn second_factor(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    page: Page,
    PendingUser(me): PendingUser,
    Form(form): Form<CodeForm>,
) -> Response {
    if !me.user.totp_enabled {
        return confirm(&state, page, &me, &form.code, ip, DURING_LOGIN).await;
    }
    let now = state.clock.now();
    let at = now.naive_utc();
    let step = totp_secret(&state, &me.user).and_then(|secret| {
        domain::totp::verify(&secret, &form.code, now.timestamp(), me.user.totp_last_step)
    });
    let result = state
        .db
        .run(move |conn| {
            db::backend::write_tx(conn, |conn| {
                let ok = match step {
                    Some(step) => {
                        db::credentials::accept_totp_step(conn, &me.user.id, step)?;
                        true
                    }
                    None => db::credentials::use_recovery_code(conn, &me.user.id, &form.code, at)?,
                };
                let locked = if ok {
                    db::access::complete_second_factor(conn, &me.session_id)?;
                    db::access::clear_failures(conn, &me.user.id)?;
                    false
                } else {
                    let locked = db::access::register_failure(conn, &me.user, at)?;
                    if locked {
                        db::access::delete_session(conn, &me.session_id)?;
                    }
                    locked
                };
                db::audit::record(
                    conn,
                    &Event {
                        organisation_id: me.actor.organisation_id(),
                        actor_user_id: Some(&me.user.id),
                        actor_label: &me.user.email,
                        action: "login.second_factor",
                        subject_type: None,
                        subject_id: None,
                        detail: match (ok, step.is_some(), locked) {
                            (true, true, _) => "code",
                            (true, false, _) => "recovery code",
                            (false, _, true) => "wrong code; account locked",
                            (false, _, false) => "wrong code",
                        },
                        outcome: if ok {
                            Outcome::Success
                        } else {
                            Outcome::Failure
                        },
                        ip: Some(&ip),
                        at,
                    },
                )?;
                Ok(ok)
            })
        })
        .await;
    match result {
        Ok(true) => see_other("/dashboard"),
        Ok(false) => (
            StatusCode::UNAUTHORIZED,
            render(&SecondFactorPage {
                page,
                setup_required: false,
                failed: true,
            }),
        )
            .into_response(),
        Err(e) => internal(page, e),
    }
}

// ---------------------------------------------------------------- tokens

#[derive(Template)]
#[template(path = "token_created.html")]
pub struct TokenCreatedPage {
    pub page: Page,
    pub name: String,
    pub secret: String,
}

#[derive(Deserialize)]
pub struct TokenForm {
    #[serde(default)]
    name: String,
}

pub async fn create_token(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Form(form): Form<TokenForm>,
) -> Response {
    let name = form.name.trim().chars().take(100).collect::<String>();
    let name = if name.is_empty() {
        page.t("account-token-default-name")
    } else {
        name
    };
    let (actor, ip, at, stored_name) = (
        me.actor.clone(),
        address,
        state.clock.now().naive_utc(),
        name.clone(),
    );
    match state
        .db
        .run(move |conn| {
            db::credentials::create_token(
                conn,
                Context {
                    actor: &actor,
                    ip: Some(&ip),
                    at,
                },
                &stored_name,
            )
        })
        .await
    {
        // Shown once, in the answer to the POST; never again.
        Ok((_, secret)) => render(&TokenCreatedPage { page, name, secret }),
        Err(db::DbError::Conflict(_)) => page.error(StatusCode::FORBIDDEN),
        Err(e) => internal(page, e),
    }
}

pub async fn revoke_token(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
) -> Response {
    let (actor, ip, at) = (me.actor.clone(), address, state.clock.now().naive_utc());
    match state
        .db
        .run(move |conn| {
            db::credentials::revoke_token(
                conn,
                Context {
                    actor: &actor,
                    ip: Some(&ip),
                    at,
                },
                &id,
            )
        })
        .await
    {
        Ok(()) => see_other("/account"),
        Err(db::DbError::NotFound(_)) => page.error(StatusCode::NOT_FOUND),
        Err(e) => internal(page, e),
    }
}

// ---------------------------------------------------------------- organisation rule

#[derive(Deserialize)]
pub struct RequireForm {
    #[serde(default)]
    required: String,
}

pub async fn require_totp(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Form(form): Form<RequireForm>,
) -> Response {
    let required = form.required == "on";
    let actor = me.actor.clone();
    crate::access::pages::admin_change(
        &state,
        page,
        &me.actor,
        Action::ManageUsers,
        address,
        "/account",
        move |conn, grant, ip, at| {
            db::credentials::set_require_totp(
                conn,
                grant,
                Context {
                    actor: &actor,
                    ip: Some(ip),
                    at,
                },
                required,
            )
        },
    )
    .await
}

#[derive(Deserialize)]
pub struct SwitchForm {
    #[serde(default)]
    organisation: String,
}

/// Work in another organisation one is a member of (new role, new scope).
pub async fn switch_organisation(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Form(form): Form<SwitchForm>,
) -> Response {
    if me.via_token {
        return page.error(StatusCode::FORBIDDEN);
    }
    let (ip, at) = (address, state.clock.now().naive_utc());
    match state
        .db
        .run(move |conn| {
            db::access::switch_organisation(
                conn,
                &me.session_id,
                &me.user.id,
                &form.organisation,
                Some(&ip),
                at,
            )
        })
        .await
    {
        Ok(()) => see_other("/dashboard"),
        Err(db::DbError::NotFound(_)) => page.error(StatusCode::FORBIDDEN),
        Err(e) => internal(page, e),
    }
}

#[derive(Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    current: String,
    #[serde(default)]
    new: String,
}

/// Changes one's own password: the current one is required, the new one must
/// be strong, and every other session of the person ends.
pub async fn change_password(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Form(form): Form<PasswordForm>,
) -> Response {
    if me.via_token {
        return page.error(StatusCode::FORBIDDEN);
    }
    let current_ok = super::password_matches(&form.current, &me.user.password_hash).await;
    let new = domain::password::NewPassword::parse_for(
        &form.new,
        &[&me.user.email, &me.user.display_name],
    );
    let error = match (current_ok, &new) {
        (false, _) => Some("error-password-current"),
        (true, Err(e)) => Some(e.message_key()),
        (true, Ok(_)) => None,
    };
    if let (None, Ok(new)) = (error, new) {
        return save_own_password(&state, page, &me, address, new, "/account?changed=1").await;
    }
    account_page(&state, page, &me, error, false, false).await
}
