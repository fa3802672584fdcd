//! The route table. Every route goes through [`Routes::add`], which records it,
//! so tests can enumerate the whole router (OpenAPI coverage, permissions).

use crate::access::pages as staff;
use crate::pages::{self, account, public};
use crate::{
    AppState, access, api, assets, auth, csrf, dashboard, groups, health, metrics, participants,
    programmes, quality, security,
};
use axum::Router;
use axum::handler::Handler;
use axum::http::{HeaderName, Method, Request};
use axum::routing::{MethodFilter, on};
use std::time::Duration;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::trace::{DefaultOnResponse, TraceLayer};
use tracing::Level;

/// One registered route: method and path pattern as axum matches it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RouteSpec {
    pub method: Method,
    pub path: &'static str,
}

pub(crate) struct Routes {
    router: Router<AppState>,
    specs: Vec<RouteSpec>,
}

impl Routes {
    fn new() -> Self {
        Self {
            router: Router::new(),
            specs: Vec::new(),
        }
    }

    fn add<H, T>(mut self, method: Method, path: &'static str, handler: H) -> Self
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        let filter = match method {
            Method::GET => MethodFilter::GET,
            Method::POST => MethodFilter::POST,
            Method::PUT => MethodFilter::PUT,
            Method::PATCH => MethodFilter::PATCH,
            Method::DELETE => MethodFilter::DELETE,
            // Only the methods above are used; anything else would be a typo.
            _ => MethodFilter::GET,
        };
        self.router = self.router.route(path, on(filter, handler));
        self.specs.push(RouteSpec { method, path });
        self
    }
}

/// All routes of traject, unlayered.
fn all_routes() -> Routes {
    Routes::new()
        .add(Method::GET, "/healthz", health::healthz)
        .add(Method::GET, "/readyz", health::readyz)
        .add(Method::GET, "/metrics", metrics::metrics)
        .add(Method::GET, "/api/openapi.json", api::openapi_json)
        .add(Method::GET, "/api/v1/status", api::status)
        .add(Method::GET, "/api/v1/me", api::me)
        .add(
            Method::GET,
            "/api/v1/participants",
            participants::api::participants,
        )
        .add(
            Method::POST,
            "/api/v1/participants",
            participants::api::create,
        )
        .add(
            Method::POST,
            "/api/v1/participants/duplicates",
            participants::api::duplicates,
        )
        .add(
            Method::GET,
            "/api/v1/participants/{id}",
            participants::api::participant,
        )
        .add(
            Method::PUT,
            "/api/v1/participants/{id}",
            participants::api::update,
        )
        .add(Method::GET, "/api/v1/audit", access::api::audit)
        .add(Method::GET, "/api/v1/users", access::api::users)
        .add(
            Method::POST,
            "/api/v1/users/{id}/disable",
            access::api::disable_user,
        )
        .add(
            Method::POST,
            "/api/v1/users/{id}/enable",
            access::api::enable_user,
        )
        .add(
            Method::POST,
            "/api/v1/users/{id}/reset-password",
            access::api::reset_password,
        )
        .add(
            Method::POST,
            "/api/v1/users/{id}/reset-two-step",
            access::api::reset_second_factor,
        )
        .add(Method::GET, "/api/v1/sessions", access::api::sessions)
        .add(
            Method::DELETE,
            "/api/v1/sessions/{id}",
            access::api::end_session,
        )
        .add(Method::GET, "/api/v1/tokens", access::api::tokens)
        .add(Method::POST, "/api/v1/tokens", access::api::create_token)
        .add(
            Method::DELETE,
            "/api/v1/tokens/{id}",
            access::api::revoke_token,
        )
        .add(Method::GET, "/static/app.css", assets::app_css)
        .add(Method::GET, "/static/htmx.min.js", assets::htmx)
        .add(Method::GET, "/static/attendance.js", assets::attendance_js)
        .add(Method::GET, "/static/speak.js", assets::speak_js)
        .add(Method::GET, "/static/fill.js", assets::fill_js)
        .add(Method::GET, "/p/{token}", crate::messages::own::page)
        .add(
            Method::GET,
            "/p/{token}/absence/{session}",
            crate::messages::own::absence_form,
        )
        .add(
            Method::POST,
            "/p/{token}/absence/{session}",
            crate::messages::own::report_absence,
        )
        .add(
            Method::GET,
            "/calendar/{token}",
            crate::messages::feeds::feed,
        )
        .add(
            Method::POST,
            "/participants/{id}/links",
            crate::messages::links::create,
        )
        .add(
            Method::POST,
            "/participants/{id}/links/{link}/revoke",
            crate::messages::links::revoke,
        )
        .add(
            Method::POST,
            "/participants/{id}/message-language",
            crate::messages::links::set_message_language,
        )
        .add(Method::GET, "/outcomes", crate::outcomes::programme::page)
        .add(
            Method::GET,
            "/network/partners",
            crate::network::partners::map,
        )
        .add(Method::GET, "/reports", crate::reports::page)
        .add(
            Method::GET,
            "/reports/export.csv",
            crate::reports::export_csv,
        )
        .add(
            Method::GET,
            "/reports/export.xlsx",
            crate::reports::export_xlsx,
        )
        .add(
            Method::GET,
            "/reports/export.ods",
            crate::reports::export_ods,
        )
        .add(
            Method::GET,
            "/reports/export.pdf",
            crate::reports::export_pdf,
        )
        .add(
            Method::GET,
            "/admin/indicator-sets",
            crate::reports::sets::page,
        )
        .add(
            Method::POST,
            "/admin/indicator-sets",
            crate::reports::sets::add,
        )
        .add(Method::GET, "/reports/pooled", crate::reports::pooled::page)
        .add(
            Method::GET,
            "/reports/pooled/export.csv",
            crate::reports::pooled_csv,
        )
        .add(
            Method::GET,
            "/reports/pooled/export.xlsx",
            crate::reports::pooled_xlsx,
        )
        .add(
            Method::GET,
            "/reports/pooled/export.ods",
            crate::reports::pooled_ods,
        )
        .add(
            Method::GET,
            "/reports/pooled/export.pdf",
            crate::reports::pooled_pdf,
        )
        .add(
            Method::GET,
            "/api/v1/pooled",
            crate::reports::api::pooled_figures,
        )
        .add(Method::GET, "/reports/budget", crate::reports::budget::page)
        .add(
            Method::POST,
            "/reports/budget",
            crate::reports::budget::save,
        )
        .add(
            Method::POST,
            "/reports/budget/costs",
            crate::reports::budget::add_cost,
        )
        .add(
            Method::POST,
            "/reports/budget/import",
            crate::reports::budget::import,
        )
        .add(
            Method::GET,
            "/reports/budget/export.csv",
            crate::reports::budget_csv,
        )
        .add(
            Method::GET,
            "/reports/budget/export.xlsx",
            crate::reports::budget_xlsx,
        )
        .add(
            Method::GET,
            "/reports/budget/export.ods",
            crate::reports::budget_ods,
        )
        .add(
            Method::GET,
            "/reports/budget/export.pdf",
            crate::reports::budget_pdf,
        )
        .add(
            Method::GET,
            "/api/v1/programmes/{id}/indicators",
            crate::reports::api::programme_indicators,
        )
        .add(
            Method::GET,
            "/api/v1/programmes/{id}/budget",
            crate::reports::api::programme_budget,
        )
        .add(
            Method::POST,
            "/network/follow-up",
            crate::network::partners::set_follow_up,
        )
        .add(
            Method::POST,
            "/network/partners",
            crate::network::partners::create,
        )
        .add(
            Method::GET,
            "/network/partners/new",
            crate::network::partners::new_form,
        )
        .add(
            Method::GET,
            "/network/partners/{id}",
            crate::network::partners::show,
        )
        .add(
            Method::POST,
            "/network/partners/{id}",
            crate::network::partners::update,
        )
        .add(
            Method::GET,
            "/network/partners/{id}/edit",
            crate::network::partners::edit_form,
        )
        .add(
            Method::POST,
            "/network/partners/{id}/verify",
            crate::network::partners::verify,
        )
        .add(
            Method::POST,
            "/network/partners/{id}/note",
            crate::network::partners::note,
        )
        .add(
            Method::GET,
            "/participants/{id}/referrals",
            crate::network::referrals::page,
        )
        .add(
            Method::POST,
            "/participants/{id}/referrals",
            crate::network::referrals::create,
        )
        .add(
            Method::POST,
            "/participants/{id}/referrals/{referral}/status",
            crate::network::referrals::move_status,
        )
        .add(
            Method::POST,
            "/participants/{id}/referrals/{referral}/share",
            crate::network::referrals::share,
        )
        .add(
            Method::POST,
            "/participants/{id}/aftercare-chats",
            crate::network::referrals::join_chat,
        )
        .add(
            Method::POST,
            "/participants/{id}/aftercare-chats/{chat}/leave",
            crate::network::referrals::leave_chat,
        )
        .add(
            Method::GET,
            "/network/signals",
            crate::network::signals::overview,
        )
        .add(
            Method::POST,
            "/network/signals",
            crate::network::signals::create,
        )
        .add(
            Method::GET,
            "/network/signals/new",
            crate::network::signals::new_form,
        )
        .add(
            Method::GET,
            "/network/signals/export.csv",
            crate::network::signals::export,
        )
        .add(
            Method::GET,
            "/network/signals/pooled",
            crate::network::signals::pooled,
        )
        .add(
            Method::GET,
            "/network/signals/{id}",
            crate::network::signals::edit_form,
        )
        .add(
            Method::POST,
            "/network/signals/{id}",
            crate::network::signals::update,
        )
        .add(
            Method::GET,
            "/network/follow-ups",
            crate::network::follow_ups::page,
        )
        .add(
            Method::GET,
            "/network/meetings",
            crate::network::meetings::list,
        )
        .add(
            Method::POST,
            "/network/meetings",
            crate::network::meetings::create,
        )
        .add(
            Method::GET,
            "/network/meetings/new",
            crate::network::meetings::new_form,
        )
        .add(
            Method::GET,
            "/network/meetings/{id}",
            crate::network::meetings::show,
        )
        .add(
            Method::POST,
            "/network/meetings/{id}/decisions",
            crate::network::meetings::decide,
        )
        .add(
            Method::POST,
            "/network/meetings/{id}/review/{participant}",
            crate::network::meetings::review_note,
        )
        .add(
            Method::POST,
            "/network/decisions/{id}/done",
            crate::network::meetings::done,
        )
        .add(
            Method::GET,
            "/network/learning",
            crate::network::learning::page,
        )
        .add(
            Method::POST,
            "/network/learning",
            crate::network::learning::log,
        )
        .add(
            Method::POST,
            "/network/learning/rhythm",
            crate::network::learning::rhythm,
        )
        .add(
            Method::GET,
            "/api/v1/partners",
            crate::network::api::search_partners,
        )
        .add(
            Method::POST,
            "/api/v1/partners",
            crate::network::api::add_partner,
        )
        .add(
            Method::GET,
            "/api/v1/participants/{id}/referrals",
            crate::network::api::participant_referrals,
        )
        .add(
            Method::POST,
            "/api/v1/participants/{id}/referrals",
            crate::network::api::add_referral,
        )
        .add(
            Method::POST,
            "/api/v1/referrals/{id}/status",
            crate::network::api::move_referral,
        )
        .add(
            Method::GET,
            "/api/v1/signals",
            crate::network::api::list_signals,
        )
        .add(
            Method::POST,
            "/api/v1/signals",
            crate::network::api::add_signal,
        )
        .add(
            Method::GET,
            "/api/v1/signals/pooled",
            crate::network::api::pooled_signals,
        )
        .add(
            Method::GET,
            "/api/v1/meetings",
            crate::network::api::list_meetings,
        )
        .add(
            Method::GET,
            "/api/v1/learning/hours",
            crate::network::api::learning_hours,
        )
        .add(
            Method::GET,
            "/outcomes/instruments",
            crate::outcomes::instruments::list,
        )
        .add(
            Method::POST,
            "/outcomes/instruments",
            crate::outcomes::instruments::save,
        )
        .add(
            Method::GET,
            "/outcomes/instruments/{key}/paper",
            crate::outcomes::instruments::paper,
        )
        .add(
            Method::GET,
            "/outcomes/testimonials",
            crate::outcomes::testimonials::list,
        )
        .add(
            Method::GET,
            "/participants/{id}/outcomes",
            crate::outcomes::person::page,
        )
        .add(
            Method::GET,
            "/participants/{id}/outcomes/enter",
            crate::outcomes::person::enter,
        )
        .add(
            Method::POST,
            "/participants/{id}/outcomes/enter",
            crate::outcomes::person::save,
        )
        .add(
            Method::POST,
            "/participants/{id}/testimonials",
            crate::outcomes::testimonials::add,
        )
        .add(
            Method::POST,
            "/participants/{id}/testimonials/{testimonial}/withdraw",
            crate::outcomes::testimonials::withdraw,
        )
        .add(
            Method::GET,
            "/admin/programmes/{id}/measurements",
            crate::outcomes::moments::page,
        )
        .add(
            Method::POST,
            "/admin/programmes/{id}/measurements",
            crate::outcomes::moments::save,
        )
        .add(
            Method::POST,
            "/sessions/{id}/kiosk",
            crate::outcomes::kiosk::start,
        )
        .add(
            Method::POST,
            "/sessions/{id}/kiosk/close",
            crate::outcomes::kiosk::close,
        )
        .add(Method::GET, "/k/{token}", crate::outcomes::kiosk::home)
        .add(
            Method::POST,
            "/k/{token}/turns",
            crate::outcomes::kiosk::begin,
        )
        .add(
            Method::GET,
            "/k/{token}/turns/{turn}",
            crate::outcomes::kiosk::question,
        )
        .add(
            Method::POST,
            "/k/{token}/turns/{turn}",
            crate::outcomes::kiosk::answer,
        )
        .add(
            Method::POST,
            "/k/{token}/turns/{turn}/done",
            crate::outcomes::kiosk::done,
        )
        .add(
            Method::POST,
            "/p/{token}/answers",
            crate::outcomes::answer::start,
        )
        .add(
            Method::GET,
            "/p/{token}/answers/{measurement}",
            crate::outcomes::answer::question,
        )
        .add(
            Method::POST,
            "/p/{token}/answers/{measurement}",
            crate::outcomes::answer::answer,
        )
        .add(
            Method::POST,
            "/p/{token}/answers/{measurement}/done",
            crate::outcomes::answer::done,
        )
        .add(
            Method::GET,
            "/api/v1/instruments",
            crate::outcomes::api::list_instruments,
        )
        .add(
            Method::POST,
            "/api/v1/instruments",
            crate::outcomes::api::save_instrument,
        )
        .add(
            Method::GET,
            "/api/v1/participants/{id}/measurements",
            crate::outcomes::api::participant_measurements,
        )
        .add(
            Method::POST,
            "/api/v1/participants/{id}/measurements",
            crate::outcomes::api::enter_measurement,
        )
        .add(
            Method::GET,
            "/api/v1/programmes/{id}/outcomes",
            crate::outcomes::api::programme_outcomes,
        )
        .add(
            Method::GET,
            "/api/v1/testimonials",
            crate::outcomes::api::list_testimonials,
        )
        .add(Method::GET, "/groups", groups::list)
        .add(Method::POST, "/groups", groups::create)
        .add(Method::GET, "/groups/new", groups::new_form)
        .add(Method::GET, "/groups/{id}", groups::group)
        .add(Method::POST, "/groups/{id}/members", groups::place)
        .add(
            Method::POST,
            "/groups/{id}/members/{member}/leave",
            groups::leave,
        )
        .add(Method::POST, "/groups/{id}/series/preview", groups::preview)
        .add(Method::POST, "/groups/{id}/series", groups::save_series)
        .add(Method::POST, "/groups/{id}/sessions", groups::add_session)
        .add(Method::GET, "/groups/{id}/childcare", groups::childcare)
        .add(Method::GET, "/participants/{id}/hours", groups::hours)
        .add(
            Method::POST,
            "/participants/{id}/hours",
            groups::hours_with_calendar,
        )
        .add(Method::POST, "/sessions/{id}/cancel", groups::cancel)
        .add(Method::GET, "/sessions/{id}/edit", groups::edit_session)
        .add(Method::POST, "/sessions/{id}/edit", groups::update_session)
        .add(
            Method::GET,
            "/sessions/{id}/attendance",
            groups::attendance_screen,
        )
        .add(
            Method::POST,
            "/sessions/{id}/attendance",
            groups::attendance_form,
        )
        .add(Method::GET, "/week", groups::week)
        .add(Method::GET, "/practices", groups::practices)
        .add(Method::POST, "/practices", groups::create_practice)
        .add(Method::GET, "/practices/{id}", groups::practice)
        .add(Method::POST, "/practices/{id}", groups::update_practice)
        .add(Method::GET, "/api/v1/practices", groups::api_practices)
        .add(
            Method::POST,
            "/api/v1/messages/delivery",
            crate::messages::delivery,
        )
        .add(
            Method::GET,
            "/api/v1/participants/{id}/messages",
            crate::messages::api::participant_messages,
        )
        .add(
            Method::POST,
            "/api/v1/participants/{id}/links",
            crate::messages::api::create_link,
        )
        .add(
            Method::GET,
            "/api/v1/sessions/{id}/messages",
            crate::messages::api::session_messages,
        )
        .add(
            Method::POST,
            "/api/v1/practices",
            groups::api_create_practice,
        )
        .add(Method::GET, "/admin/calendar", groups::calendar)
        .add(Method::POST, "/admin/calendar", groups::save_calendar)
        .add(Method::GET, "/admin/messages", crate::messages::admin::page)
        .add(
            Method::POST,
            "/admin/messages",
            crate::messages::admin::save_settings,
        )
        .add(
            Method::POST,
            "/admin/messages/texts",
            crate::messages::admin::save_texts,
        )
        .add(Method::GET, "/api/v1/groups", groups::api_groups)
        .add(
            Method::GET,
            "/api/v1/groups/{id}/sessions",
            groups::api_sessions,
        )
        .add(
            Method::GET,
            "/api/v1/sessions/{id}/attendance",
            groups::api_attendance,
        )
        .add(
            Method::PUT,
            "/api/v1/sessions/{id}/attendance",
            groups::api_save_attendance,
        )
        .add(Method::GET, "/", public::home)
        .add(Method::GET, "/accessibility", public::accessibility)
        .add(Method::POST, "/language", public::choose_language)
        .add(Method::GET, "/login", staff::login_form)
        .add(Method::POST, "/login", staff::login)
        .add(Method::POST, "/logout", staff::logout)
        .add(Method::GET, "/dashboard", dashboard::dashboard)
        .add(
            Method::GET,
            "/participants",
            participants::pages::participants,
        )
        .add(
            Method::GET,
            "/trajectories/{id}/plan",
            participants::plan::plan_page,
        )
        .add(
            Method::POST,
            "/trajectories/{id}/plan",
            participants::plan::save,
        )
        .add(
            Method::GET,
            "/trajectories/{id}/plan/print",
            participants::plan::print,
        )
        .add(
            Method::POST,
            "/trajectories/{id}/plan/print",
            participants::plan::print_with_calendar,
        )
        .add(
            Method::GET,
            "/api/v1/trajectories/{id}/plan/piis",
            participants::plan::piis,
        )
        .add(Method::GET, "/admin/programmes", programmes::list)
        .add(Method::POST, "/admin/programmes", programmes::add)
        .add(Method::GET, "/admin/programmes/{id}", programmes::edit)
        .add(Method::POST, "/admin/programmes/{id}", programmes::save)
        .add(Method::GET, "/api/v1/programmes", programmes::api)
        .add(Method::GET, "/data-problems", quality::page)
        .add(Method::GET, "/api/v1/data-problems", quality::api)
        .add(
            Method::GET,
            "/participants/new",
            participants::pages::new_form,
        )
        .add(
            Method::POST,
            "/participants/new",
            participants::pages::create,
        )
        .add(
            Method::GET,
            "/participants/{id}",
            participants::pages::participant,
        )
        .add(
            Method::GET,
            "/participants/{id}/edit",
            participants::pages::edit_form,
        )
        .add(
            Method::POST,
            "/participants/{id}/edit",
            participants::pages::update,
        )
        .add(
            Method::POST,
            "/participants/{id}/children",
            participants::pages::add_child,
        )
        .add(
            Method::POST,
            "/participants/{id}/children/{child}/birth-date",
            participants::pages::set_child_birth_date,
        )
        .add(
            Method::POST,
            "/participants/{id}/children/{child}/care-notes",
            participants::pages::set_child_care_notes,
        )
        .add(
            Method::POST,
            "/participants/{id}/adults",
            participants::pages::add_adult,
        )
        .add(
            Method::POST,
            "/participants/{id}/consents",
            participants::pages::give_consent,
        )
        .add(
            Method::POST,
            "/participants/{id}/consents/{consent}/withdraw",
            participants::pages::withdraw_consent,
        )
        .add(
            Method::POST,
            "/participants/{id}/journal",
            participants::pages::add_contact,
        )
        .add(
            Method::GET,
            "/trajectories/{id}/intake",
            participants::intake::intake,
        )
        .add(
            Method::POST,
            "/trajectories/{id}/intake",
            participants::intake::save,
        )
        .add(
            Method::POST,
            "/trajectories/{id}/transition",
            participants::intake::transition,
        )
        .add(
            Method::POST,
            "/trajectories/{id}/assign",
            participants::intake::assign,
        )
        .add(
            Method::POST,
            "/participants/{id}/confidential",
            participants::pages::break_glass,
        )
        .add(Method::GET, "/admin/users", staff::users)
        .add(Method::POST, "/admin/users", staff::add_user)
        .add(
            Method::POST,
            "/admin/users/{id}/disable",
            staff::disable_user,
        )
        .add(Method::POST, "/admin/users/{id}/enable", staff::enable_user)
        .add(
            Method::GET,
            "/admin/users/{id}/confirm/{action}",
            staff::confirm_user_action,
        )
        .add(
            Method::POST,
            "/admin/users/{id}/reset-password",
            staff::reset_password,
        )
        .add(
            Method::POST,
            "/admin/users/{id}/reset-two-step",
            staff::reset_second_factor,
        )
        .add(
            Method::GET,
            "/account/new-password",
            account::new_password_form,
        )
        .add(Method::POST, "/account/new-password", account::new_password)
        .add(Method::GET, "/admin/sessions", staff::sessions)
        .add(Method::POST, "/admin/sessions/{id}/end", staff::end_session)
        .add(Method::GET, "/audit", staff::audit)
        .add(
            Method::GET,
            "/login/second-factor",
            account::second_factor_form,
        )
        .add(Method::POST, "/login/second-factor", account::second_factor)
        .add(
            Method::POST,
            "/login/second-factor/setup",
            account::second_factor_setup,
        )
        .add(Method::GET, "/account", account::account)
        .add(Method::POST, "/organisation", account::switch_organisation)
        .add(
            Method::POST,
            "/account/calendar-feed",
            crate::messages::links::renew_own_feed,
        )
        .add(
            Method::POST,
            "/account/digest",
            crate::messages::links::set_digest,
        )
        .add(
            Method::POST,
            "/account/calendar-feed/revoke",
            crate::messages::links::revoke_own_feed,
        )
        .add(Method::POST, "/account/password", account::change_password)
        .add(Method::POST, "/account/title", account::set_title_form)
        .add(Method::POST, "/admin/users/{id}/role", staff::change_role)
        .add(Method::POST, "/account/totp/start", account::totp_start)
        .add(Method::GET, "/account/totp", account::totp_setup)
        .add(Method::POST, "/account/totp/confirm", account::totp_confirm)
        .add(Method::POST, "/account/totp/disable", account::totp_disable)
        .add(Method::POST, "/account/tokens", account::create_token)
        .add(
            Method::POST,
            "/account/tokens/{id}/revoke",
            account::revoke_token,
        )
        .add(
            Method::POST,
            "/admin/organisation/require-totp",
            account::require_totp,
        )
}

/// Every route the router serves.
pub fn route_table() -> Vec<RouteSpec> {
    all_routes().specs
}

const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// The complete application: routes, metrics, request ids, logs, panic guard.
pub fn router(state: AppState) -> Router {
    let routes = all_routes();
    routes
        .router
        .route_layer(axum::middleware::from_fn_with_state(
            state.metrics.clone(),
            metrics::track,
        ))
        .fallback(pages::not_found)
        .layer(axum::middleware::from_fn_with_state(
            state.choices.clone(),
            crate::participants::choices::forget_after_changes,
        ))
        // Order matters: the session is resolved (outer) before CSRF is checked.
        .layer(axum::middleware::from_fn(csrf::protect))
        .layer(axum::middleware::from_fn_with_state(state.clone(), auth::resolve))
        .with_state(state)
        .layer(axum::middleware::from_fn(security::headers))
        .layer(CatchPanicLayer::custom(crate::error::panic_response))
        .layer(PropagateRequestIdLayer::new(REQUEST_ID))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(|req: &Request<_>| {
                    let id = req
                        .headers()
                        .get(REQUEST_ID)
                        .and_then(|v| v.to_str().ok())
                        .unwrap_or("-");
                    // Path only: query strings may carry search terms about people.
                    tracing::info_span!("request", request_id = %id, method = %req.method(), path = %req.uri().path())
                })
                .on_response(DefaultOnResponse::new().level(Level::INFO).latency_unit(tower_http::LatencyUnit::Micros)),
        )
        .layer(SetRequestIdLayer::new(REQUEST_ID, MakeRequestUuid))
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(axum::http::StatusCode::SERVICE_UNAVAILABLE, Duration::from_secs(60)))
}
