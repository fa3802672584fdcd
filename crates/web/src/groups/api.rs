//! `/api/v1` for group work.

use super::*;

// -------------------------------------------------------------------- API

pub(super) fn api_error(e: GroupError) -> ApiError {
    match e {
        GroupError::Access(a) => a.into(),
        GroupError::Invalid(_) => ApiError::Invalid("invalid"),
        GroupError::Full { .. } => ApiError::Invalid("group_full"),
        GroupError::Stale => ApiError::Invalid("stale"),
    }
}

#[derive(Serialize, ToSchema)]
pub struct GroupItem {
    pub id: String,
    pub name: String,
    pub programme: String,
    /// adults, childrens_group or childcare.
    pub kind: String,
    pub languages: Vec<String>,
    pub level: String,
    pub members: i64,
    pub waiting: i64,
    pub min_size: i32,
    pub max_size: i32,
    pub next_session: Option<NaiveDate>,
}

/// The groups the caller may see.
#[utoipa::path(get, path = "/api/v1/groups", tag = "groups", security(("token" = [])),
    responses((status = 200, body = [GroupItem]), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody)))]
pub async fn api_groups(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    CurrentUser(me): CurrentUser,
) -> Result<Json<Vec<GroupItem>>, ApiError> {
    let (at, writer) = origin_parts(&state);
    let (actor, day) = (me.actor.clone(), today(&state));
    let listed = state
        .db
        .run(move |conn| {
            Ok(repo::list(
                conn,
                &actor,
                day,
                Origin::new(Some(&address), at).via(&writer),
            ))
        })
        .await??;
    Ok(Json(
        listed
            .into_iter()
            .map(|l| GroupItem {
                languages: l
                    .group
                    .languages
                    .split(',')
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned)
                    .collect(),
                id: l.group.id,
                name: l.group.name,
                programme: l.programme,
                kind: l.group.kind,
                level: l.group.level,
                members: l.members,
                waiting: l.waiting,
                min_size: l.group.min_size,
                max_size: l.group.max_size,
                next_session: l.next_session,
            })
            .collect(),
    ))
}

#[derive(Serialize, ToSchema)]
pub struct SessionItem {
    pub id: String,
    pub date: NaiveDate,
    /// HH:MM, Brussels time.
    pub starts_at: String,
    pub ends_at: String,
    pub kind: String,
    pub theme: String,
    pub interpreter_needed: bool,
    pub cancelled: bool,
}

/// A group's sessions from four weeks ago to a year ahead.
#[utoipa::path(get, path = "/api/v1/groups/{id}/sessions", tag = "groups", security(("token" = [])),
    params(("id" = String, Path, description = "The group")),
    responses((status = 200, body = [SessionItem]), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn api_sessions(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
) -> Result<Json<Vec<SessionItem>>, ApiError> {
    let (at, writer) = origin_parts(&state);
    let (actor, day) = (me.actor.clone(), today(&state));
    let found = state
        .db
        .run(move |conn| {
            let opened = repo::open(
                conn,
                &actor,
                domain::policy::Action::ReadGroup,
                "group.read",
                &id,
                Origin::new(Some(&address), at).via(&writer),
            );
            match opened {
                Ok(o) => Ok(Ok(sessions::of_group(
                    conn,
                    &o.group.organisation_id,
                    &id,
                    day - Duration::days(28),
                    day + Duration::days(366),
                )?)),
                Err(e) => Ok(Err(e)),
            }
        })
        .await??;
    Ok(Json(
        found
            .into_iter()
            .map(|s| SessionItem {
                starts_at: hm(&s.starts_at),
                ends_at: hm(&s.ends_at),
                id: s.id,
                date: s.held_on,
                kind: s.kind,
                theme: s.theme,
                interpreter_needed: s.interpreter_needed,
                cancelled: s.cancelled,
            })
            .collect(),
    ))
}

#[derive(Serialize, ToSchema)]
pub struct AttendanceItem {
    pub participant_id: String,
    pub first_name: String,
    pub last_name: String,
    /// present, late, excused or absent; absent from the answer when not marked yet.
    pub mark: Option<String>,
    pub reason: Option<String>,
}

/// The members of a session with their marks.
#[utoipa::path(get, path = "/api/v1/sessions/{id}/attendance", tag = "groups", security(("token" = [])),
    params(("id" = String, Path, description = "The session")),
    responses((status = 200, body = [AttendanceItem]), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn api_attendance(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
) -> Result<Json<Vec<AttendanceItem>>, ApiError> {
    let (at, writer) = origin_parts(&state);
    let actor = me.actor.clone();
    let sheet = state
        .db
        .run(move |conn| {
            Ok(attendance::sheet(
                conn,
                &actor,
                &id,
                Origin::new(Some(&address), at).via(&writer),
            ))
        })
        .await?
        .map_err(api_error)?;
    Ok(Json(
        sheet
            .lines
            .into_iter()
            .map(|l| AttendanceItem {
                participant_id: l.participant_id,
                first_name: l.first_name,
                last_name: l.last_name,
                mark: l.mark.map(|m| m.code().to_owned()),
                reason: l.reason.map(|r| r.code().to_owned()),
            })
            .collect(),
    ))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MarkBody {
    pub participant_id: String,
    /// present, late, excused or absent.
    pub mark: String,
    /// Required for excused: sick_child, own_health, appointment,
    /// work_or_training, transport, no_childcare, other.
    #[serde(default)]
    pub reason: Option<String>,
    /// When it was marked (the device's clock, UTC); later than now counts as now.
    pub marked_at: chrono::DateTime<chrono::Utc>,
    /// Unique per mark (8-100 of A-Z, a-z, 0-9, - and _): a mark sent again
    /// with the same key changes nothing.
    pub key: String,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MarksBody {
    pub marks: Vec<MarkBody>,
}

#[derive(Serialize, ToSchema)]
pub struct SavedBody {
    pub applied: usize,
    /// Marks whose key was seen before: nothing changed.
    pub replayed: usize,
    /// Marks older than the one already stored.
    pub superseded: usize,
}

/// Saves marks (idempotent per key; the mark made last wins).
#[utoipa::path(put, path = "/api/v1/sessions/{id}/attendance", tag = "groups", security(("token" = [])),
    params(("id" = String, Path, description = "The session")),
    request_body = MarksBody,
    responses((status = 200, body = SavedBody), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
pub async fn api_save_attendance(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<MarksBody>,
) -> Result<Json<SavedBody>, ApiError> {
    let mut marks = Vec::with_capacity(body.marks.len());
    for m in body.marks {
        let mark: Mark = m.mark.parse().map_err(|_| ApiError::Invalid("mark"))?;
        let reason = match m.reason.as_deref() {
            None | Some("") => None,
            Some(r) => Some(
                r.parse::<ExcuseReason>()
                    .map_err(|_| ApiError::Invalid("reason"))?,
            ),
        };
        marks.push(MarkInput {
            participant_id: m.participant_id,
            mark,
            reason,
            marked_at: m.marked_at.naive_utc(),
            key: m.key,
        });
    }
    let (at, _) = origin_parts(&state);
    let actor = me.actor.clone();
    let saved = state
        .db
        .run(move |conn| {
            Ok(attendance::save(
                conn,
                &actor,
                &id,
                &marks,
                Origin::new(Some(&address), at),
            ))
        })
        .await?
        .map_err(api_error)?;
    Ok(Json(SavedBody {
        applied: saved.applied,
        replayed: saved.replayed,
        superseded: saved.superseded,
    }))
}
