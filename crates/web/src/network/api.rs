//! `/api/v1` for the network: the social map (searched, added to), her
//! referrals (listed, made, moved on), signals (the organisation's, and
//! the counts pooled for analysts), meetings, and learning hours per person.

use super::run;
use crate::AppState;
use crate::auth::CurrentUser;
use crate::client::ClientIp;
use crate::error::{ApiError, ApiJson, ApiQuery, ErrorBody};
use crate::participants::api::{InvalidBody, invalid};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::{Datelike, NaiveDate};
use db::network::partners::{self, ContactInput, PartnerError, PartnerInput};
use db::network::referrals::{self, Move, NewReferral, ReferralError};
use db::network::signals::{self, SignalError, SignalInput};
use db::network::{learning, meetings};
use domain::participant::{FieldError, LifeDomain};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, OpenApi, ToSchema};

#[derive(OpenApi)]
#[openapi(
    paths(
        search_partners,
        add_partner,
        participant_referrals,
        add_referral,
        move_referral,
        list_signals,
        add_signal,
        pooled_signals,
        list_meetings,
        learning_hours
    ),
    components(schemas(
        DomainCode,
        PartnerOut,
        NewPartner,
        Created,
        ReferralOut,
        NewReferralIn,
        StatusChange,
        SignalOut,
        NewSignal,
        PooledOut,
        MeetingOut,
        HoursOut
    ))
)]
pub struct Doc;

/// A life domain.
#[derive(Deserialize, ToSchema, Clone, Copy)]
#[serde(rename_all = "snake_case")]
pub enum DomainCode {
    Housing,
    Work,
    IncomeDebt,
    Parenting,
    Health,
    Mobility,
    Social,
    Rights,
    Language,
    SelfImage,
}

impl DomainCode {
    fn life_domain(self) -> LifeDomain {
        match self {
            DomainCode::Housing => LifeDomain::Housing,
            DomainCode::Work => LifeDomain::Work,
            DomainCode::IncomeDebt => LifeDomain::IncomeDebt,
            DomainCode::Parenting => LifeDomain::Parenting,
            DomainCode::Health => LifeDomain::Health,
            DomainCode::Mobility => LifeDomain::Mobility,
            DomainCode::Social => LifeDomain::Social,
            DomainCode::Rights => LifeDomain::Rights,
            DomainCode::Language => LifeDomain::Language,
            DomainCode::SelfImage => LifeDomain::SelfImage,
        }
    }
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct MapParams {
    /// Only partners working on this life domain.
    #[param(inline)]
    pub domain: Option<DomainCode>,
    /// Only partners speaking this language (ISO 639 code, e.g. `ar`).
    pub language: Option<String>,
}

/// A partner on the map.
#[derive(Serialize, ToSchema)]
pub struct PartnerOut {
    pub id: String,
    pub name: String,
    pub service: String,
    pub city: String,
    pub how_to_refer: String,
    pub domains: Vec<String>,
    pub languages: Vec<String>,
    /// Last known waiting time in days.
    pub waiting_days: Option<i32>,
    pub verified_on: Option<NaiveDate>,
    /// Kept by the caller's organisation (else shared by another).
    pub own: bool,
    /// Not verified for twelve months.
    pub stale: bool,
}

/// The social map: the organisation's own partners and those shared on
/// this instance, by life domain and language.
#[utoipa::path(get, path = "/api/v1/partners", tag = "network", security(("token" = [])),
    params(MapParams),
    responses((status = 200, body = Vec<PartnerOut>), (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn search_partners(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    CurrentUser(me): CurrentUser,
    ApiQuery(q): ApiQuery<MapParams>,
) -> Result<Json<Vec<PartnerOut>>, ApiError> {
    let today = state.clock.today();
    let actor = me.actor;
    let domain = q.domain.map(DomainCode::life_domain);
    let language: Option<String> = q.language.map(|l| l.chars().take(8).collect());
    let lines = run(&state, address, move |conn, origin| {
        partners::search(conn, &actor, domain, language.as_deref(), today, origin)
    })
    .await??;
    Ok(Json(
        lines
            .into_iter()
            .map(|p| PartnerOut {
                id: p.id,
                name: p.name,
                service: p.service,
                city: p.city,
                how_to_refer: p.how_to_refer,
                domains: p.domains,
                languages: p.languages,
                waiting_days: p.waiting_days,
                verified_on: p.verified_on,
                own: p.own,
                stale: p.stale,
            })
            .collect(),
    ))
}

/// A new partner (saving counts as verifying it).
#[derive(Deserialize, ToSchema)]
pub struct NewPartner {
    pub name: String,
    #[serde(default)]
    pub service: String,
    /// Life domain codes.
    pub domains: Vec<String>,
    /// Language codes.
    #[serde(default)]
    pub languages: Vec<String>,
    #[serde(default)]
    pub target_groups: String,
    #[serde(default)]
    pub street: String,
    #[serde(default)]
    pub postal_code: String,
    #[serde(default)]
    pub city: String,
    #[serde(default)]
    pub accessibility: String,
    #[serde(default)]
    pub opening_hours: String,
    #[serde(default)]
    pub how_to_refer: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub website: String,
    /// Last known waiting time in days.
    pub waiting_days: Option<i32>,
    /// Offer it to the other organisations on this instance.
    #[serde(default)]
    pub shared: bool,
}

#[derive(Serialize, ToSchema)]
pub struct Created {
    pub id: String,
}

/// Adds a partner to the organisation's map.
#[utoipa::path(post, path = "/api/v1/partners", tag = "network", security(("token" = [])),
    request_body = NewPartner,
    responses((status = 201, body = Created), (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 415, body = ErrorBody), (status = 422, body = InvalidBody)))]
pub async fn add_partner(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    CurrentUser(me): CurrentUser,
    ApiJson(b): ApiJson<NewPartner>,
) -> Response {
    let input = PartnerInput {
        name: b.name,
        service: b.service,
        domains: b.domains,
        languages: b.languages,
        target_groups: b.target_groups,
        street: b.street,
        postal_code: b.postal_code,
        city: b.city,
        accessibility: b.accessibility,
        opening_hours: b.opening_hours,
        how_to_refer: b.how_to_refer,
        phone: b.phone,
        email: b.email,
        website: b.website,
        waiting_days: b.waiting_days.map(|d| d.to_string()).unwrap_or_default(),
        shared: b.shared,
        contacts: Vec::<ContactInput>::new(),
    };
    let today = state.clock.today();
    let actor = me.actor;
    let saved = run(&state, address, move |conn, origin| {
        partners::save(conn, &actor, None, 0, &input, today, origin)
    })
    .await;
    match saved {
        Ok(Ok(id)) => (StatusCode::CREATED, Json(Created { id })).into_response(),
        Ok(Err(PartnerError::Invalid(e))) => invalid(e),
        Ok(Err(PartnerError::Conflict)) => conflict(),
        Ok(Err(PartnerError::Access(e))) => ApiError::from(e).into_response(),
        Err(e) => ApiError::from(e).into_response(),
    }
}

fn conflict() -> Response {
    (StatusCode::CONFLICT, Json(ErrorBody { error: "conflict" })).into_response()
}

/// A referral of hers.
#[derive(Serialize, ToSchema)]
pub struct ReferralOut {
    pub id: String,
    pub partner_id: String,
    pub partner: String,
    pub service: String,
    pub reason: String,
    pub referred_on: NaiveDate,
    /// `proposed`, `sent`, `accepted`, `waiting_list`, `first_appointment`,
    /// `done`, `refused`, `not_pursued`.
    pub status: String,
    pub status_on: NaiveDate,
    pub outcome: String,
    pub version: i32,
    /// Days from sending to the first appointment.
    pub waiting_days: Option<i64>,
    /// Unchanged longer than the organisation's follow-up time.
    pub follow_up: bool,
    /// Times her data were shared with the partner for it.
    pub shares: i64,
}

/// Her referrals (a read of her file, recorded).
#[utoipa::path(get, path = "/api/v1/participants/{id}/referrals", tag = "network",
    security(("token" = [])),
    params(("id" = String, Path, description = "Participant id")),
    responses((status = 200, body = Vec<ReferralOut>), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn participant_referrals(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
) -> Result<Json<Vec<ReferralOut>>, ApiError> {
    let today = state.clock.today();
    let actor = me.actor;
    let found = run(&state, address, move |conn, origin| {
        referrals::of_participant(conn, &actor, &id, today, origin)
    })
    .await??;
    Ok(Json(
        found
            .into_iter()
            .map(|r| ReferralOut {
                id: r.id,
                partner_id: r.partner_id,
                partner: r.partner,
                service: r.service,
                reason: r.reason,
                referred_on: r.referred_on,
                status: r.status.code().to_owned(),
                status_on: r.status_on,
                outcome: r.outcome,
                version: r.version,
                waiting_days: r.waiting_days,
                follow_up: r.follow_up,
                shares: r.shares,
            })
            .collect(),
    ))
}

/// A new referral.
#[derive(Deserialize, ToSchema)]
pub struct NewReferralIn {
    pub partner_id: String,
    #[serde(default)]
    pub service: String,
    pub reason: String,
    pub referred_on: NaiveDate,
    /// Sent at once (else only proposed).
    #[serde(default)]
    pub sent: bool,
    pub plan_step_id: Option<String>,
    pub journal_entry_id: Option<String>,
}

/// Makes a referral for her.
#[utoipa::path(post, path = "/api/v1/participants/{id}/referrals", tag = "network",
    security(("token" = [])),
    params(("id" = String, Path, description = "Participant id")),
    request_body = NewReferralIn,
    responses((status = 201, body = Created), (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 415, body = ErrorBody),
        (status = 422, body = InvalidBody)))]
pub async fn add_referral(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<NewReferralIn>,
) -> Response {
    let input = NewReferral {
        partner_id: b.partner_id,
        service: b.service,
        reason: b.reason,
        referred_on: b.referred_on,
        sent: b.sent,
        plan_step_id: b.plan_step_id.filter(|s| !s.is_empty()),
        journal_entry_id: b.journal_entry_id.filter(|s| !s.is_empty()),
    };
    let actor = me.actor;
    let saved = run(&state, address, move |conn, origin| {
        referrals::create(conn, &actor, &id, &input, origin)
    })
    .await;
    referral_answer(
        saved.map(|r| r.map(|id| (StatusCode::CREATED, Json(Created { id })).into_response())),
    )
}

fn referral_answer(r: Result<Result<Response, ReferralError>, db::DbError>) -> Response {
    match r {
        Ok(Ok(r)) => r,
        Ok(Err(ReferralError::Invalid(e))) => invalid(e),
        Ok(Err(ReferralError::Conflict)) => conflict(),
        Ok(Err(ReferralError::NoConsent(_))) => invalid(vec![FieldError {
            field: "consent",
            code: "no-consent",
        }]),
        Ok(Err(ReferralError::Access(e))) => ApiError::from(e).into_response(),
        Err(e) => ApiError::from(e).into_response(),
    }
}

/// A referral moved on.
#[derive(Deserialize, ToSchema)]
pub struct StatusChange {
    /// The status it moves to (forward only).
    pub status: String,
    pub happened_on: NaiveDate,
    /// The version read; 409 when someone changed it since.
    pub version: i32,
    #[serde(default)]
    pub outcome: String,
    #[serde(default)]
    pub note: String,
}

/// Moves a referral on; the same move sent twice changes nothing twice.
#[utoipa::path(post, path = "/api/v1/referrals/{id}/status", tag = "network",
    security(("token" = [])),
    params(("id" = String, Path, description = "Referral id")),
    request_body = StatusChange,
    responses((status = 204), (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 409, body = ErrorBody),
        (status = 415, body = ErrorBody), (status = 422, body = InvalidBody)))]
pub async fn move_referral(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<StatusChange>,
) -> Response {
    let Ok(to) = b.status.parse() else {
        return invalid(vec![FieldError {
            field: "status",
            code: "invalid-choice",
        }]);
    };
    let change = Move {
        to,
        on: b.happened_on,
        outcome: b.outcome,
        note: b.note,
    };
    let actor = me.actor;
    let done = run(&state, address, move |conn, origin| {
        referrals::move_to(conn, &actor, &id, b.version, &change, origin)
    })
    .await;
    referral_answer(done.map(|r| r.map(|()| StatusCode::NO_CONTENT.into_response())))
}

/// A signal, as the organisation sees it (no one named).
#[derive(Serialize, ToSchema)]
pub struct SignalOut {
    pub id: String,
    pub category: String,
    pub domain: String,
    pub concerns: String,
    pub description: String,
    pub status: String,
    pub noted_on: NaiveDate,
    pub raised_with: String,
    pub raised_on: Option<NaiveDate>,
    pub answered_on: Option<NaiveDate>,
    pub resolved_on: Option<NaiveDate>,
    pub affected: i32,
    pub version: i32,
}

/// The organisation's signals, newest first.
#[utoipa::path(get, path = "/api/v1/signals", tag = "network", security(("token" = [])),
    responses((status = 200, body = Vec<SignalOut>), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody)))]
pub async fn list_signals(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    CurrentUser(me): CurrentUser,
) -> Result<Json<Vec<SignalOut>>, ApiError> {
    let actor = me.actor;
    let lines = run(&state, address, move |conn, origin| {
        signals::overview(conn, &actor, None, origin)
    })
    .await??;
    Ok(Json(
        lines
            .into_iter()
            .map(|l| SignalOut {
                id: l.id,
                category: l.category,
                domain: l.domain,
                concerns: l.concerns,
                description: l.description,
                status: l.status,
                noted_on: l.noted_on,
                raised_with: l.raised_with,
                raised_on: l.raised_on,
                answered_on: l.answered_on,
                resolved_on: l.resolved_on,
                affected: l.affected,
                version: l.version,
            })
            .collect(),
    ))
}

/// A new signal: no personal data in its texts.
#[derive(Deserialize, ToSchema)]
pub struct NewSignal {
    /// `waiting_list`, `unreachable`, `rule_or_gap`, `cost`,
    /// `language_barrier`, `discrimination`, `other`.
    pub category: String,
    pub domain: String,
    /// The institution or rule concerned.
    pub concerns: String,
    pub description: String,
    /// Participants affected (at least those linked).
    #[serde(default)]
    pub affected: Option<i32>,
    /// Her participants the caller links (kept inside the organisation).
    #[serde(default)]
    pub participant_ids: Vec<String>,
    pub noted_on: Option<NaiveDate>,
}

/// Records a signal (status `noted`).
#[utoipa::path(post, path = "/api/v1/signals", tag = "network", security(("token" = [])),
    request_body = NewSignal,
    responses((status = 201, body = Created), (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 415, body = ErrorBody), (status = 422, body = InvalidBody)))]
pub async fn add_signal(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    CurrentUser(me): CurrentUser,
    ApiJson(b): ApiJson<NewSignal>,
) -> Response {
    let input = SignalInput {
        category: b.category,
        domain: b.domain,
        concerns: b.concerns,
        description: b.description,
        affected: b.affected.map(|a| a.to_string()).unwrap_or_default(),
        participant_ids: b.participant_ids,
        status: "noted".into(),
        noted_on: b.noted_on,
        ..SignalInput::default()
    };
    let actor = me.actor;
    let saved = run(&state, address, move |conn, origin| {
        signals::save(conn, &actor, None, 0, &input, origin)
    })
    .await;
    match saved {
        Ok(Ok(id)) => (StatusCode::CREATED, Json(Created { id })).into_response(),
        Ok(Err(SignalError::Invalid(e))) => invalid(e),
        Ok(Err(SignalError::Conflict)) => conflict(),
        Ok(Err(SignalError::Access(e))) => ApiError::from(e).into_response(),
        Err(e) => ApiError::from(e).into_response(),
    }
}

/// Signals counted per category and life domain over every organisation.
#[derive(Serialize, ToSchema)]
pub struct PooledOut {
    pub category: String,
    pub domain: String,
    pub signals: i64,
    pub affected: i64,
    pub organisations: i64,
}

/// Signals pooled over every organisation on this instance: counts only,
/// for analysts, coordinators and administrators.
#[utoipa::path(get, path = "/api/v1/signals/pooled", tag = "network", security(("token" = [])),
    responses((status = 200, body = Vec<PooledOut>), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody)))]
pub async fn pooled_signals(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    CurrentUser(me): CurrentUser,
) -> Result<Json<Vec<PooledOut>>, ApiError> {
    let actor = me.actor;
    let lines = run(&state, address, move |conn, origin| {
        signals::pooled(conn, &actor, origin)
    })
    .await??;
    Ok(Json(
        lines
            .into_iter()
            .map(|p| PooledOut {
                category: p.category,
                domain: p.domain,
                signals: p.signals,
                affected: p.affected,
                organisations: p.organisations,
            })
            .collect(),
    ))
}

/// A meeting.
#[derive(Serialize, ToSchema)]
pub struct MeetingOut {
    pub id: String,
    /// `team`, `steering`, `partner`.
    pub kind: String,
    pub held_on: NaiveDate,
    pub title: String,
    pub open_decisions: i64,
}

/// The organisation's meetings, newest first.
#[utoipa::path(get, path = "/api/v1/meetings", tag = "network", security(("token" = [])),
    responses((status = 200, body = Vec<MeetingOut>), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody)))]
pub async fn list_meetings(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    CurrentUser(me): CurrentUser,
) -> Result<Json<Vec<MeetingOut>>, ApiError> {
    let actor = me.actor;
    let lines = run(&state, address, move |conn, origin| {
        meetings::list(conn, &actor, origin)
    })
    .await??;
    Ok(Json(
        lines
            .into_iter()
            .map(|m| MeetingOut {
                id: m.id,
                kind: m.kind,
                held_on: m.held_on,
                title: m.title,
                open_decisions: m.open_decisions,
            })
            .collect(),
    ))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct YearParams {
    /// The calendar year (default: this year).
    #[param(minimum = 2000, maximum = 2100, nullable = false)]
    pub year: Option<i32>,
}

/// Learning hours of one person in a year, in minutes per kind.
#[derive(Serialize, ToSchema)]
pub struct HoursOut {
    pub user_id: String,
    pub name: String,
    pub intervision_minutes: i64,
    pub supervision_minutes: i64,
    pub training_minutes: i64,
}

/// Intervision, supervision and training per person in a year (the
/// caller's own; a coordinator's or administrator's: everyone's).
#[utoipa::path(get, path = "/api/v1/learning/hours", tag = "network", security(("token" = [])),
    params(YearParams),
    responses((status = 200, body = Vec<HoursOut>), (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn learning_hours(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    CurrentUser(me): CurrentUser,
    ApiQuery(q): ApiQuery<YearParams>,
) -> Result<Json<Vec<HoursOut>>, ApiError> {
    let today = state.clock.today();
    let year = q.year.unwrap_or(today.year());
    if !(2000..=2100).contains(&year) {
        return Err(ApiError::BadRequest("invalid_query"));
    }
    let actor = me.actor;
    let o = run(&state, address, move |conn, origin| {
        learning::overview(conn, &actor, year, today, origin)
    })
    .await??;
    Ok(Json(
        o.hours
            .into_iter()
            .map(|h| HoursOut {
                user_id: h.user_id,
                name: h.name,
                intervision_minutes: h.intervision,
                supervision_minutes: h.supervision,
                training_minutes: h.training,
            })
            .collect(),
    ))
}
