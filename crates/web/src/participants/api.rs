//! The participant file over `/api/v1`: search, a new file (with the
//! duplicate check), the file, a change with its version, the journal.

use super::{Check, allowed_api, origin_parts};
use crate::AppState;
use crate::auth::CurrentUser;
use crate::client::ClientIp;
use crate::error::{ApiError, ApiJson, ApiQuery, ErrorBody};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use db::participants::file::{self, EditError};
use db::participants::search::{self, SearchQuery};
use db::participants::trajectory::NewTrajectory;
use db::participants::{Origin, ParticipantFile};
use domain::participant::{FieldError, FileInput};
use domain::policy::Action;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, OpenApi, ToSchema};

#[derive(OpenApi)]
#[openapi(
    paths(participants, participant, create, update, duplicates),
    components(schemas(
        ParticipantLine,
        ParticipantPage,
        ParticipantRecord,
        ChildLine,
        TrajectoryLine,
        SensitiveRecord,
        FieldErrorLine,
        InvalidBody,
        ConflictBody,
        DuplicatesBody,
        DuplicateLine,
        NewParticipant,
        Created,
        ParticipantChange,
        Saved,
        FileFields,
        DuplicatesAnswer
    ))
)]
pub struct Doc;

#[derive(Serialize, ToSchema)]
pub struct FieldErrorLine {
    pub field: String,
    /// A stable code, e.g. `required`, `invalid-phone`, `national-number-check`.
    pub code: String,
}

/// 422: what did not parse, field by field; nothing was changed.
#[derive(Serialize, ToSchema)]
pub struct InvalidBody {
    /// Always `invalid`.
    pub error: &'static str,
    pub fields: Vec<FieldErrorLine>,
}

/// 409 on a change: someone saved first. Nothing was changed.
#[derive(Serialize, ToSchema)]
pub struct ConflictBody {
    /// Always `conflict`.
    pub error: &'static str,
    /// The version the file has now: send the change again with it to apply it on top.
    pub current_version: i32,
    /// The fields whose saved value differs from this change.
    pub fields: Vec<String>,
}

#[derive(Serialize, ToSchema)]
pub struct DuplicateLine {
    pub id: String,
    pub first_name: String,
    pub last_name: String,
    pub birth_date: Option<NaiveDate>,
    /// What matched: `national_number`, `phone`, `email`, `name`.
    pub reasons: Vec<String>,
    /// Whether the caller may open that file.
    pub may_open: bool,
}

/// 409 on a new file: people who may be the same person. Send again with
/// `confirm_distinct: true` to create the file anyway.
#[derive(Serialize, ToSchema)]
pub struct DuplicatesBody {
    /// Always `possible_duplicates`.
    pub error: &'static str,
    pub candidates: Vec<DuplicateLine>,
}

pub(crate) fn invalid(errors: Vec<FieldError>) -> Response {
    (
        StatusCode::UNPROCESSABLE_ENTITY,
        Json(InvalidBody {
            error: "invalid",
            fields: errors
                .into_iter()
                .map(|e| FieldErrorLine {
                    field: e.field.to_owned(),
                    code: e.code.to_owned(),
                })
                .collect(),
        }),
    )
        .into_response()
}

pub(crate) fn edit_error(e: EditError) -> Response {
    match e {
        EditError::Invalid(errors) => invalid(errors),
        EditError::Conflict(c) => (
            StatusCode::CONFLICT,
            Json(ConflictBody {
                error: "conflict",
                current_version: c.current.version,
                fields: c.fields.iter().map(|f| (*f).to_owned()).collect(),
            }),
        )
            .into_response(),
        EditError::Access(e) => ApiError::from(e).into_response(),
    }
}

#[derive(Serialize, ToSchema)]
pub struct ParticipantLine {
    pub id: String,
    pub first_name: String,
    pub last_name: String,
    pub birth_date: Option<NaiveDate>,
    pub language: String,
    pub programme: Option<String>,
    pub status: Option<String>,
    pub phase: Option<String>,
    pub casemanager: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct ParticipantPage {
    pub participants: Vec<ParticipantLine>,
    pub total: i64,
    pub page: i64,
    pub pages: i64,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListParams {
    /// A name in any spelling, a phone number, an email address or a national number.
    pub q: Option<String>,
    /// Only participants with a trajectory in this programme.
    pub programme: Option<String>,
    /// Only participants with a trajectory of this status.
    pub status: Option<String>,
    /// Only participants followed by this casemanager.
    pub casemanager: Option<String>,
    /// 1-based page of 25 (a page past the end gives the last page).
    #[param(minimum = 1, maximum = 100000, nullable = false)]
    pub page: Option<i64>,
}

/// The participants the caller may see (a casemanager: her own), found by
/// any spelling of a name, a phone number or a national number; 25 a page.
#[utoipa::path(get, path = "/api/v1/participants", tag = "participants", security(("token" = [])),
    params(ListParams),
    responses((status = 200, body = ParticipantPage), (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn participants(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    CurrentUser(me): CurrentUser,
    ApiQuery(p): ApiQuery<ListParams>,
) -> Result<Json<ParticipantPage>, ApiError> {
    if p.page.is_some_and(|n| !(1..=100_000).contains(&n)) {
        return Err(ApiError::BadRequest("invalid_query"));
    }
    let (at, writer) = origin_parts(&state);
    let actor = me.actor;
    let query = SearchQuery {
        text: p.q.unwrap_or_default().chars().take(100).collect(),
        programme_id: p.programme,
        status: p.status,
        phase: None,
        casemanager_id: p.casemanager,
        page: p.page.unwrap_or(1).max(1),
    };
    let found = state
        .db
        .run(move |conn| {
            Ok(search::search(
                conn,
                &actor,
                &query,
                Origin::new(Some(&address), at).via(&writer),
            ))
        })
        .await??;
    Ok(Json(ParticipantPage {
        total: found.total,
        page: found.page,
        pages: found.pages,
        participants: found
            .lines
            .into_iter()
            .map(|l| ParticipantLine {
                id: l.id,
                first_name: l.first_name,
                last_name: l.last_name,
                birth_date: l.birth_date,
                language: l.language,
                programme: l.programme,
                status: l.status,
                phase: l.phase_code,
                casemanager: l.casemanager,
            })
            .collect(),
    }))
}

#[derive(Serialize, ToSchema)]
pub struct ChildLine {
    pub id: String,
    pub first_name: String,
    /// Unknown birth dates are a data problem to fix, not a refusal.
    pub birth_date: Option<NaiveDate>,
    /// What childcare staff need to know.
    pub care_notes: String,
}

#[derive(Serialize, ToSchema)]
pub struct TrajectoryLine {
    pub id: String,
    pub programme: String,
    pub status: String,
    /// The phase's code while active.
    pub phase: Option<String>,
    pub casemanager: Option<String>,
    pub referred_on: NaiveDate,
    pub started_on: Option<NaiveDate>,
    pub ended_on: Option<NaiveDate>,
    pub stop_reason: Option<String>,
    pub version: i32,
}

/// The sensitive facts: only for the assigned casemanagers and coordinators.
#[derive(Serialize, ToSchema)]
pub struct SensitiveRecord {
    pub national_number: Option<String>,
    pub residence_status: Option<String>,
    pub disability: Option<String>,
    pub disability_asked_on: Option<NaiveDate>,
    pub minority: Option<String>,
    pub minority_asked_on: Option<NaiveDate>,
    pub foreign_background: Option<bool>,
    pub homeless: Option<bool>,
    pub vulnerability_note: String,
}

#[derive(Serialize, ToSchema)]
pub struct ParticipantRecord {
    pub id: String,
    /// Send it back with a change: a change made on an older version is refused (409).
    pub version: i32,
    pub first_name: String,
    pub last_name: String,
    pub other_names: Vec<String>,
    pub birth_date: Option<NaiveDate>,
    pub gender: String,
    pub language: String,
    pub reading_level: Option<String>,
    pub nationality: Option<String>,
    /// Derived from the nationality.
    pub eu_national: Option<bool>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub channel: String,
    pub postal_code: String,
    pub municipality: String,
    pub income: Option<String>,
    pub labour_status: Option<String>,
    pub education: Option<String>,
    /// Spoken languages as `code:level`.
    pub languages: Vec<String>,
    /// Absent for those not allowed to see it.
    pub sensitive: Option<SensitiveRecord>,
    pub children: Vec<ChildLine>,
    pub trajectories: Vec<TrajectoryLine>,
}

fn record(file: ParticipantFile) -> ParticipantRecord {
    let p = file.participant;
    ParticipantRecord {
        eu_national: p
            .nationality
            .as_deref()
            .and_then(|n| domain::participant::Nationality::parse(n).ok())
            .map(|n| n.is_eu()),
        id: p.id,
        version: p.version,
        first_name: p.first_name,
        last_name: p.last_name,
        other_names: p
            .other_names
            .lines()
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect(),
        birth_date: p.birth_date,
        gender: p.gender,
        language: p.language,
        reading_level: p.reading_level,
        nationality: p.nationality,
        phone: p.phone,
        email: p.email,
        channel: p.channel,
        postal_code: p.postal_code,
        municipality: p.municipality,
        income: p.income,
        labour_status: p.labour_status,
        education: p.education,
        languages: file
            .languages
            .into_iter()
            .map(|l| format!("{}:{}", l.language, l.level))
            .collect(),
        sensitive: file.sensitive.map(|s| SensitiveRecord {
            national_number: s.national_number,
            residence_status: s.residence_status,
            disability: s.disability,
            disability_asked_on: s.disability_asked_on,
            minority: s.minority,
            minority_asked_on: s.minority_asked_on,
            foreign_background: s.foreign_background,
            homeless: s.homeless,
            vulnerability_note: s.vulnerability_note,
        }),
        children: file
            .children
            .into_iter()
            .map(|c| ChildLine {
                id: c.id,
                first_name: c.first_name,
                birth_date: c.birth_date,
                care_notes: c.care_notes,
            })
            .collect(),
        trajectories: file
            .trajectories
            .into_iter()
            .map(|t| TrajectoryLine {
                id: t.trajectory.id,
                programme: t.programme,
                status: t.trajectory.status,
                phase: t.phase_code,
                casemanager: t.casemanager,
                referred_on: t.trajectory.referred_on,
                started_on: t.trajectory.started_on,
                ended_on: t.trajectory.ended_on,
                stop_reason: t.trajectory.stop_reason,
                version: t.trajectory.version,
            })
            .collect(),
    }
}

/// One participant's file; every read is recorded in the audit trail.
#[utoipa::path(get, path = "/api/v1/participants/{id}", tag = "participants", security(("token" = [])),
    params(("id" = String, Path, description = "Participant id")),
    responses((status = 200, body = ParticipantRecord), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn participant(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
) -> Result<Json<ParticipantRecord>, ApiError> {
    let (at, writer) = origin_parts(&state);
    let actor = me.actor;
    let file = state
        .db
        .run(move |conn| {
            Ok(db::participants::read_file(
                conn,
                &actor,
                &id,
                Origin::new(Some(&address), at).via(&writer),
            ))
        })
        .await??;
    Ok(Json(record(file)))
}

/// The facts of a file as text, as typed: empty for "not given". Coded
/// values take their codes (e.g. `gender`: woman, man, non_binary,
/// not_given; yes/no questions: yes, no); dates are `YYYY-MM-DD`;
/// `languages` is `code:level` pairs separated by commas.
#[derive(Deserialize, ToSchema)]
#[allow(dead_code)]
pub struct FileFields {
    pub first_name: String,
    pub last_name: String,
    pub other_names: Option<String>,
    pub birth_date: Option<String>,
    pub gender: Option<String>,
    pub grammatical_gender: Option<String>,
    pub language: Option<String>,
    pub reading_level: Option<String>,
    pub nationality: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub channel: Option<String>,
    pub street: Option<String>,
    pub postal_code: Option<String>,
    pub municipality: Option<String>,
    pub income: Option<String>,
    pub referral_source: Option<String>,
    pub referral_detail: Option<String>,
    pub heard_via: Option<String>,
    pub labour_status: Option<String>,
    pub education: Option<String>,
    pub partner_in_household: Option<String>,
    pub in_article_60: Option<String>,
    pub small_social_network: Option<String>,
    pub languages: Option<String>,
    pub national_number: Option<String>,
    pub residence_status: Option<String>,
    pub disability: Option<String>,
    pub minority: Option<String>,
    pub foreign_background: Option<String>,
    pub homeless: Option<String>,
    pub vulnerability_note: Option<String>,
}

fn file_input(
    fields: &serde_json::Map<String, serde_json::Value>,
) -> Result<FileInput, Vec<FieldError>> {
    // Every field is text; anything else is refused as the field it is.
    let mut errors = Vec::new();
    for (k, v) in fields {
        if !v.is_string() && !v.is_null() {
            errors.push(FieldError {
                field: match k.as_str() {
                    "first_name" => "first_name",
                    "last_name" => "last_name",
                    _ => "body",
                },
                code: "not-text",
            });
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let text: serde_json::Map<String, serde_json::Value> = fields
        .iter()
        .filter(|(_, v)| v.is_string())
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    serde_json::from_value(serde_json::Value::Object(text)).map_err(|_| {
        vec![FieldError {
            field: "body",
            code: "not-text",
        }]
    })
}

#[derive(Deserialize, ToSchema)]
pub struct NewParticipant {
    /// The file's facts: at least `first_name` and `last_name`.
    #[schema(value_type = FileFields)]
    pub file: serde_json::Map<String, serde_json::Value>,
    /// The programme of her first trajectory (opened in intake).
    pub programme_id: Option<String>,
    /// Her casemanager; none leaves the intake unassigned.
    pub casemanager_id: Option<String>,
    /// Defaults to today.
    pub referred_on: Option<NaiveDate>,
    /// Create even though possible duplicates were shown.
    #[serde(default)]
    pub confirm_distinct: bool,
}

#[derive(Serialize, ToSchema)]
pub struct Created {
    pub id: String,
    pub trajectory_id: Option<String>,
}

/// Opens a new file, with its first trajectory in intake when a programme is
/// given. People who may be the same person answer 409 unless confirmed.
#[utoipa::path(post, path = "/api/v1/participants", tag = "participants", security(("token" = [])),
    request_body = NewParticipant,
    responses((status = 201, body = Created), (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 409, body = DuplicatesBody), (status = 415, body = ErrorBody),
        (status = 422, body = InvalidBody)))]
pub async fn create(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    CurrentUser(me): CurrentUser,
    ApiJson(body): ApiJson<NewParticipant>,
) -> Response {
    if let Err(refused) = allowed_api(
        &state,
        &address,
        &me.actor,
        Check::Org(Action::CreateParticipant, "participant.create"),
    )
    .await
    {
        return refused;
    }
    let today = state.clock.today();
    let input = match file_input(&body.file) {
        Ok(i) => i,
        Err(errors) => return invalid(errors),
    };
    let facts = match input.parse(today) {
        Ok(f) => f,
        Err(errors) => return invalid(errors),
    };
    if body.referred_on.is_some_and(|d| d > today) {
        return invalid(vec![FieldError {
            field: "referred_on",
            code: "date-out-of-range",
        }]);
    }
    let own = (me.actor.role() == Some(domain::model::Role::Casemanager))
        .then(|| me.actor.user_id().to_owned());
    let trajectory = body.programme_id.map(|programme_id| NewTrajectory {
        programme_id,
        // Left out by a casemanager: her own intake.
        casemanager_id: body.casemanager_id.or(own),
        referred_on: body.referred_on.unwrap_or(today),
    });
    let (at, writer) = origin_parts(&state);
    let actor = me.actor;
    let confirmed = body.confirm_distinct;
    let outcome = state
        .db
        .run(move |conn| {
            if !confirmed {
                let origin = Origin::new(Some(&address), at).via(&writer);
                match search::duplicates(conn, &actor, &facts, None, origin) {
                    Ok(d) if !d.is_empty() => return Ok(Err(Ok(d))),
                    Ok(_) => {}
                    Err(e) => return Ok(Err(Err(EditError::Access(e)))),
                }
            }
            Ok(file::create(
                conn,
                &actor,
                &facts,
                trajectory.as_ref(),
                Origin::new(Some(&address), at),
            )
            .map_err(Err))
        })
        .await;
    match outcome {
        Ok(Ok((id, trajectory_id))) => {
            (StatusCode::CREATED, Json(Created { id, trajectory_id })).into_response()
        }
        Ok(Err(Ok(candidates))) => (
            StatusCode::CONFLICT,
            Json(DuplicatesBody {
                error: "possible_duplicates",
                candidates: candidates
                    .into_iter()
                    .map(|c| DuplicateLine {
                        id: c.id,
                        first_name: c.first_name,
                        last_name: c.last_name,
                        birth_date: c.birth_date,
                        reasons: c.reasons.iter().map(|r| (*r).to_owned()).collect(),
                        may_open: c.may_open,
                    })
                    .collect(),
            }),
        )
            .into_response(),
        Ok(Err(Err(e))) => edit_error(e),
        Err(e) => ApiError::Db(e).into_response(),
    }
}

#[derive(Deserialize, ToSchema)]
pub struct ParticipantChange {
    /// The version the change was made on (from the file's `version`).
    pub version: i32,
    /// Every fact of the file; fields left out become "not given".
    #[schema(value_type = FileFields)]
    pub file: serde_json::Map<String, serde_json::Value>,
    /// Whether `file` carries the sensitive facts too (only for those allowed).
    #[serde(default)]
    pub with_sensitive: bool,
}

#[derive(Serialize, ToSchema)]
pub struct Saved {
    pub version: i32,
}

/// Changes a file made on `version`; someone else's later change answers 409.
#[utoipa::path(put, path = "/api/v1/participants/{id}", tag = "participants", security(("token" = [])),
    params(("id" = String, Path, description = "Participant id")),
    request_body = ParticipantChange,
    responses((status = 200, body = Saved), (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 409, body = ConflictBody),
        (status = 415, body = ErrorBody), (status = 422, body = InvalidBody)))]
pub async fn update(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<ParticipantChange>,
) -> Response {
    if let Err(refused) = allowed_api(
        &state,
        &address,
        &me.actor,
        Check::Participant(Action::EditParticipant, "participant.update", id.clone()),
    )
    .await
    {
        return refused;
    }
    let input = match file_input(&body.file) {
        Ok(i) => i,
        Err(errors) => return invalid(errors),
    };
    let facts = match input.parse(state.clock.today()) {
        Ok(f) => f,
        Err(errors) => return invalid(errors),
    };
    let (at, _) = origin_parts(&state);
    let actor = me.actor;
    let saved = state
        .db
        .run(move |conn| {
            Ok(file::update(
                conn,
                &actor,
                &id,
                body.version,
                &facts,
                body.with_sensitive,
                Origin::new(Some(&address), at),
            ))
        })
        .await;
    match saved {
        Ok(Ok(version)) => Json(Saved { version }).into_response(),
        Ok(Err(e)) => edit_error(e),
        Err(e) => ApiError::Db(e).into_response(),
    }
}

#[derive(Serialize, ToSchema)]
pub struct DuplicatesAnswer {
    pub candidates: Vec<DuplicateLine>,
}

/// The people who may be the person described, before a file is created.
#[utoipa::path(post, path = "/api/v1/participants/duplicates", tag = "participants", security(("token" = [])),
    request_body = FileFields,
    responses((status = 200, body = DuplicatesAnswer), (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 415, body = ErrorBody), (status = 422, body = InvalidBody)))]
pub async fn duplicates(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    CurrentUser(me): CurrentUser,
    ApiJson(body): ApiJson<serde_json::Map<String, serde_json::Value>>,
) -> Response {
    if let Err(refused) = allowed_api(
        &state,
        &address,
        &me.actor,
        Check::Org(Action::CreateParticipant, "participant.duplicates"),
    )
    .await
    {
        return refused;
    }
    let input = match file_input(&body) {
        Ok(i) => i,
        Err(errors) => return invalid(errors),
    };
    let facts = match input.parse(state.clock.today()) {
        Ok(f) => f,
        Err(errors) => return invalid(errors),
    };
    let (at, writer) = origin_parts(&state);
    let actor = me.actor;
    let found = state
        .db
        .run(move |conn| {
            Ok(search::duplicates(
                conn,
                &actor,
                &facts,
                None,
                Origin::new(Some(&address), at).via(&writer),
            ))
        })
        .await;
    match found {
        Ok(Ok(candidates)) => Json(DuplicatesAnswer {
            candidates: candidates
                .into_iter()
                .map(|c| DuplicateLine {
                    id: c.id,
                    first_name: c.first_name,
                    last_name: c.last_name,
                    birth_date: c.birth_date,
                    reasons: c.reasons.iter().map(|r| (*r).to_owned()).collect(),
                    may_open: c.may_open,
                })
                .collect(),
        })
        .into_response(),
        Ok(Err(e)) => ApiError::from(e).into_response(),
        Err(e) => ApiError::Db(e).into_response(),
    }
}
