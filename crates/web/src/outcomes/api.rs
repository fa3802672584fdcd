//! `/api/v1` for outcomes: the instruments (and adding one), her
//! measurements (reading, typing in), a programme's figures, testimonials
//! for an audience. Anonymous answers appear only in figures, from five up.

use super::programme::Asked;
use crate::AppState;
use crate::auth::CurrentUser;
use crate::client::ClientIp;
use crate::error::{ApiError, ApiJson, ApiQuery, ErrorBody};
use crate::participants::api::{FieldErrorLine, InvalidBody};
use crate::participants::origin_parts;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use db::outcomes::instruments::{self, SaveError, Source};
use db::outcomes::measurements::{self, MeasureError, Taking};
use db::outcomes::results;
use db::participants::Origin;
use domain::outcomes::{Channel, TestimonialScope};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use utoipa::{OpenApi, ToSchema};

#[derive(OpenApi)]
#[openapi(
    paths(
        list_instruments,
        save_instrument,
        participant_measurements,
        enter_measurement,
        programme_outcomes,
        list_testimonials
    ),
    components(schemas(
        InstrumentLine,
        NewInstrument,
        Saved,
        MeasurementLine,
        NewMeasurement,
        MeasurementCreated,
        Outcomes,
        RateLine,
        ChangeLine,
        SpreadLine,
        TestimonialLine,
        Audience
    ))
)]
pub struct Doc;

/// An instrument the organisation can use, in its latest version.
#[derive(Serialize, ToSchema)]
pub struct InstrumentLine {
    pub key: String,
    pub version: u32,
    /// `built_in`, `own` or `shared`.
    pub source: String,
    /// The whole definition (items, texts, pictograms), as stored.
    #[schema(value_type = Object)]
    pub definition: serde_json::Value,
}

/// The instruments: traject's own, the organisation's, those shared.
#[utoipa::path(get, path = "/api/v1/instruments", tag = "outcomes",
    security(("token" = [])),
    responses((status = 200, body = Vec<InstrumentLine>), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody)))]
pub async fn list_instruments(
    State(state): State<AppState>,
    CurrentUser(me): CurrentUser,
) -> Result<Json<Vec<InstrumentLine>>, ApiError> {
    let Some(org) = me.actor.organisation_id().map(str::to_owned) else {
        return Err(ApiError::Forbidden);
    };
    let all = state
        .db
        .run(move |conn| instruments::available(conn, &org))
        .await?;
    Ok(Json(
        all.into_iter()
            .map(|a| InstrumentLine {
                key: a.instrument.key.clone(),
                version: a.instrument.version,
                source: match a.source {
                    Source::BuiltIn => "built_in",
                    Source::Own => "own",
                    Source::Shared { .. } => "shared",
                }
                .to_owned(),
                definition: serde_json::to_value(&a.instrument).unwrap_or_default(),
            })
            .collect(),
    ))
}

/// A new instrument, or a new version of one of the organisation's.
#[derive(Deserialize, ToSchema)]
pub struct NewInstrument {
    /// The definition, in the shape `GET /api/v1/instruments` shows.
    #[schema(value_type = Object)]
    pub definition: serde_json::Value,
    /// Offer it to the other organisations on this instance.
    #[serde(default)]
    pub shared: bool,
}

#[derive(Serialize, ToSchema)]
pub struct Saved {
    pub key: String,
    pub version: u32,
}

fn one_field(field: &str, code: &str) -> Response {
    (
        StatusCode::UNPROCESSABLE_ENTITY,
        Json(InvalidBody {
            error: "invalid",
            fields: vec![FieldErrorLine {
                field: field.to_owned(),
                code: code.to_owned(),
            }],
        }),
    )
        .into_response()
}

/// Saves an instrument as its next version (`traject-` keys are reserved).
#[utoipa::path(post, path = "/api/v1/instruments", tag = "outcomes",
    security(("token" = [])),
    request_body = NewInstrument,
    responses((status = 201, body = Saved), (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 415, body = ErrorBody), (status = 422, body = InvalidBody)))]
pub async fn save_instrument(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    CurrentUser(me): CurrentUser,
    ApiJson(body): ApiJson<NewInstrument>,
) -> Response {
    let json = body.definition.to_string();
    let (at, writer) = origin_parts(&state);
    let actor = me.actor;
    let shared = body.shared;
    let j = json.clone();
    let saved = state
        .db
        .run(move |conn| {
            Ok(instruments::save(
                conn,
                &actor,
                &j,
                shared,
                Origin::new(Some(&address), at).via(&writer),
            ))
        })
        .await;
    match saved {
        Ok(Ok(version)) => {
            let key = domain::instruments::Instrument::from_json(&json)
                .map(|i| i.key)
                .unwrap_or_default();
            (StatusCode::CREATED, Json(Saved { key, version })).into_response()
        }
        Ok(Err(SaveError::Access(e))) => ApiError::from(e).into_response(),
        Ok(Err(SaveError::ReservedKey)) => one_field("key", "reserved"),
        Ok(Err(SaveError::Invalid(e))) => {
            use domain::instruments::InstrumentError as I;
            let (field, code) = match &e {
                I::Format(_) => ("definition".to_owned(), "format"),
                I::Incomplete => ("definition".to_owned(), "incomplete"),
                I::DuplicateItem(k) => (format!("items.{k}"), "duplicate"),
                I::NoText(k) => (format!("items.{k}"), "no-text"),
                I::BadRange(k) => (format!("items.{k}"), "range"),
                I::BadOptions(k) => (format!("items.{k}"), "options"),
            };
            one_field(&field, code)
        }
        Err(e) => ApiError::from(e).into_response(),
    }
}

/// One measurement of hers: for an anonymous questionnaire only that she
/// answered, never what.
#[derive(Serialize, ToSchema)]
pub struct MeasurementLine {
    pub id: String,
    pub instrument_key: String,
    pub instrument_version: u32,
    /// `intake`, `midway`, `end`, `after_6_months`, `after_12_months`, `extra`.
    pub moment: String,
    /// `participant` or `staff`.
    pub respondent: String,
    /// `page`, `kiosk`, `paper`, `staff`.
    pub channel: String,
    pub taken_on: Option<NaiveDate>,
    /// Item key to answer (a number, true/false, a list of option keys, or text).
    #[schema(value_type = Object)]
    pub answers: serde_json::Value,
}

/// Her measurements (a read of her file, recorded).
#[utoipa::path(get, path = "/api/v1/participants/{id}/measurements", tag = "outcomes",
    security(("token" = [])),
    params(("id" = String, Path, description = "Participant id")),
    responses((status = 200, body = Vec<MeasurementLine>), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn participant_measurements(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
) -> Result<Json<Vec<MeasurementLine>>, ApiError> {
    let (at, writer) = origin_parts(&state);
    let today = state.clock.today();
    let actor = me.actor;
    let r = state
        .db
        .run(move |conn| {
            Ok(results::of_participant(
                conn,
                &actor,
                &id,
                today,
                Origin::new(Some(&address), at).via(&writer),
            ))
        })
        .await??;
    Ok(Json(
        r.taken
            .into_iter()
            .map(|t| MeasurementLine {
                id: t.id,
                instrument_key: t.instrument_key,
                instrument_version: t.instrument_version,
                moment: t.moment,
                respondent: t.respondent,
                channel: t.channel,
                taken_on: t.taken_on,
                answers: serde_json::to_value(&t.answers).unwrap_or_default(),
            })
            .collect(),
    ))
}

/// Answers typed in by staff (from her paper form, or a rating).
#[derive(Deserialize, ToSchema)]
pub struct NewMeasurement {
    pub trajectory_id: Option<String>,
    pub instrument_key: String,
    pub moment: String,
    /// `participant` (typed in from her form) or `staff` (a rating).
    pub respondent: String,
    /// Item key to its values as a form sends them (`"7"`, `"yes"`, option
    /// keys, text).
    pub answers: BTreeMap<String, Vec<String>>,
}

#[derive(Serialize, ToSchema)]
pub struct MeasurementCreated {
    pub id: String,
}

/// Types in a whole questionnaire: all answers kept, or none (422 names the
/// item); 409 when that moment is already handed in.
#[utoipa::path(post, path = "/api/v1/participants/{id}/measurements", tag = "outcomes",
    security(("token" = [])),
    params(("id" = String, Path, description = "Participant id")),
    request_body = NewMeasurement,
    responses((status = 201, body = MeasurementCreated), (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 409, body = ErrorBody),
        (status = 415, body = ErrorBody), (status = 422, body = InvalidBody)))]
pub async fn enter_measurement(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<NewMeasurement>,
) -> Response {
    let Ok(moment) = body.moment.parse() else {
        return one_field("moment", "invalid-choice");
    };
    let Ok(respondent) = body.respondent.parse::<domain::instruments::Respondent>() else {
        return one_field("respondent", "invalid-choice");
    };
    let taking = Taking {
        participant_id: id,
        trajectory_id: body.trajectory_id.filter(|t| !t.is_empty()),
        instrument_key: body.instrument_key,
        moment,
        respondent,
        channel: if respondent == domain::instruments::Respondent::Staff {
            Channel::Staff
        } else {
            Channel::Paper
        },
    };
    let (at, writer) = origin_parts(&state);
    let actor = me.actor;
    let answers = body.answers;
    let saved = state
        .db
        .run(move |conn| {
            Ok(measurements::enter(
                conn,
                &actor,
                &taking,
                &answers,
                Origin::new(Some(&address), at).via(&writer),
            ))
        })
        .await;
    match saved {
        Ok(Ok(id)) => (StatusCode::CREATED, Json(MeasurementCreated { id })).into_response(),
        Ok(Err(MeasureError::Access(e))) => ApiError::from(e).into_response(),
        Ok(Err(MeasureError::Answer(item, code))) => {
            one_field(&format!("answers.{item}"), code.code())
        }
        Ok(Err(MeasureError::Complete)) => (
            StatusCode::CONFLICT,
            Json(ErrorBody {
                error: "already_complete",
            }),
        )
            .into_response(),
        Ok(Err(MeasureError::UnknownInstrument)) => ApiError::NotFound.into_response(),
        Err(e) => ApiError::from(e).into_response(),
    }
}

#[derive(Serialize, ToSchema)]
pub struct RateLine {
    pub moment: String,
    /// Participants whose trajectory reached the moment (in the period).
    pub expected: usize,
    pub answered: usize,
}

#[derive(Serialize, ToSchema)]
pub struct ChangeLine {
    pub item_key: String,
    pub pairs: usize,
    pub before: f64,
    pub after: f64,
    pub change: f64,
    pub improved: usize,
    pub same: usize,
    pub worse: usize,
}

#[derive(Serialize, ToSchema)]
pub struct SpreadLine {
    pub item_key: String,
    /// A moment, or `all` for anonymous answers.
    pub moment: String,
    /// Value (number or option key) to count.
    pub counts: BTreeMap<String, usize>,
}

/// A programme's (or group's) figures for one instrument; no person in it.
#[derive(Serialize, ToSchema)]
pub struct Outcomes {
    pub instrument_key: String,
    pub instrument_version: u32,
    pub anonymous: bool,
    pub rates: Vec<RateLine>,
    /// Participants with a before and an after on the life domains.
    pub participants: usize,
    /// Of whom progressed on at least two life domains.
    pub progressed_on_two: usize,
    pub changes: Vec<ChangeLine>,
    pub spreads: Vec<SpreadLine>,
    /// Anonymous answers counted (their figures only from five up).
    pub anonymous_responses: Option<usize>,
}

/// The figures the results page shows (`instrument` defaults to the
/// life-domain instrument, `before`/`after` to intake and end).
#[utoipa::path(get, path = "/api/v1/programmes/{id}/outcomes", tag = "outcomes",
    security(("token" = [])),
    params(("id" = String, Path, description = "Programme id"),
        ("group" = Option<String>, Query, description = "One group of it"),
        ("from" = Option<String>, Query, description = "First day, YYYY-MM-DD"),
        ("to" = Option<String>, Query, description = "Last day, YYYY-MM-DD"),
        ("instrument" = Option<String>, Query, description = "Instrument key"),
        ("respondent" = Option<String>, Query, description = "participant or staff"),
        ("before" = Option<String>, Query, description = "Moment compared from"),
        ("after" = Option<String>, Query, description = "Moment compared to")),
    responses((status = 200, body = Outcomes), (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody)))]
pub async fn programme_outcomes(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
    ApiQuery(mut asked): ApiQuery<Asked>,
) -> Result<Json<Outcomes>, ApiError> {
    asked.programme = id.clone();
    let Some(filter) = asked.filter(Some(&id)) else {
        return Err(ApiError::NotFound);
    };
    let (at, writer) = origin_parts(&state);
    let today = state.clock.today();
    let actor = me.actor;
    let r = state
        .db
        .run(move |conn| {
            Ok(results::programme_results(
                conn,
                &actor,
                &filter,
                today,
                Origin::new(Some(&address), at).via(&writer),
            ))
        })
        .await??;
    let spreads = match &r.anonymous {
        Some(a) => &a.spreads,
        None => &r.spreads,
    };
    Ok(Json(Outcomes {
        instrument_key: r.instrument.key.clone(),
        instrument_version: r.instrument.version,
        anonymous: r.instrument.anonymous,
        rates: r
            .rates
            .iter()
            .map(|x| RateLine {
                moment: x.moment.code().to_owned(),
                expected: x.expected,
                answered: x.answered,
            })
            .collect(),
        participants: r.change.participants,
        progressed_on_two: r.change.progressed_on_two,
        changes: r
            .change
            .items
            .iter()
            .map(|c| ChangeLine {
                item_key: c.item_key.clone(),
                pairs: c.pairs,
                before: c.before,
                after: c.after,
                change: c.change,
                improved: c.improved,
                same: c.same,
                worse: c.worse,
            })
            .collect(),
        spreads: spreads
            .iter()
            .map(|s| SpreadLine {
                item_key: s.item_key.clone(),
                moment: s.moment.clone(),
                counts: s.counts.clone(),
            })
            .collect(),
        anonymous_responses: r.anonymous.as_ref().map(|a| a.responses),
    }))
}

#[derive(Serialize, ToSchema)]
pub struct TestimonialLine {
    pub id: String,
    /// Her name as far as the audience may know it; empty when anonymised.
    pub author: String,
    pub programme: String,
    pub period_from: NaiveDate,
    pub period_to: NaiveDate,
    pub quote: String,
    pub language: String,
    /// The scope she consented to: `internal`, `funders`, `public`.
    pub scope: String,
}

/// Who will read the testimonials.
#[derive(Deserialize, ToSchema, Clone, Copy)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    Internal,
    Funders,
    Public,
}

#[derive(Deserialize)]
pub struct AudienceQuery {
    #[serde(default)]
    audience: Option<Audience>,
}

/// Testimonials for one audience (`internal`, `funders`, `public`): only
/// what her consent allows for it; withdrawn ones never.
#[utoipa::path(get, path = "/api/v1/testimonials", tag = "outcomes",
    security(("token" = [])),
    params(("audience" = Option<Audience>, Query, description = "internal (default), funders or public")),
    responses((status = 200, body = Vec<TestimonialLine>), (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn list_testimonials(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    CurrentUser(me): CurrentUser,
    ApiQuery(q): ApiQuery<AudienceQuery>,
) -> Result<Json<Vec<TestimonialLine>>, ApiError> {
    let audience = match q.audience {
        None | Some(Audience::Internal) => TestimonialScope::Internal,
        Some(Audience::Funders) => TestimonialScope::Funders,
        Some(Audience::Public) => TestimonialScope::Public,
    };
    let (at, writer) = origin_parts(&state);
    let actor = me.actor;
    let lines = state
        .db
        .run(move |conn| {
            Ok(db::outcomes::testimonials::list(
                conn,
                &actor,
                audience,
                None,
                Origin::new(Some(&address), at).via(&writer),
            ))
        })
        .await??;
    Ok(Json(
        lines
            .into_iter()
            .map(|t| TestimonialLine {
                id: t.id,
                author: t.author,
                programme: t.programme,
                period_from: t.period_from,
                period_to: t.period_to,
                quote: t.quote,
                language: t.language,
                scope: t.scope.code().to_owned(),
            })
            .collect(),
    ))
}
