//! Sessions of a group: a series previewed with what it skips, one session
//! with its conflicts, cancelling.

use super::*;

// --------------------------------------------------------- series planning

/// The series a form describes, or the fields in error.
fn series_from(
    pairs: &Pairs,
) -> Result<(domain::groups::SeriesRequest, SessionDetails), Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut need = |field: &'static str, ok: bool, code: &'static str| {
        if !ok {
            errors.push(FieldError { field, code });
        }
    };
    let first = date(pairs.get("first"));
    let last = date(pairs.get("last"));
    let start = time(pairs.get("start"));
    let end = time(pairs.get("end"));
    need("first", first.is_some(), "invalid-date");
    need("last", last.is_some(), "invalid-date");
    need("start", start.is_some(), "invalid-time");
    need("end", end.is_some(), "invalid-time");
    let rhythm = match pairs.get("rhythm") {
        "weekly" => Some(Rhythm::Weekly),
        "every_two_weeks" => Some(Rhythm::EveryTwoWeeks),
        "monthly" => pairs
            .get("nth")
            .parse::<u8>()
            .ok()
            .map(|nth| Rhythm::Monthly { nth })
            .or(Some(Rhythm::Monthly { nth: 1 })),
        "spread" => pairs
            .get("count")
            .parse::<u32>()
            .ok()
            .filter(|c| (1..=200).contains(c))
            .map(|count| Rhythm::Spread { count }),
        _ => None,
    };
    need("rhythm", rhythm.is_some(), "invalid-choice");
    let kind = pairs.get("session_kind").parse::<SessionKind>().ok();
    need("session_kind", kind.is_some(), "invalid-choice");
    match (first, last, start, end, rhythm, kind) {
        (Some(first), Some(last), Some(start), Some(end), Some(rhythm), Some(kind))
            if errors.is_empty() =>
        {
            Ok((
                domain::groups::SeriesRequest {
                    first,
                    last,
                    rhythm,
                    start,
                    end,
                    outside_school_hours: pairs.get("outside_school_hours") == "yes",
                },
                SessionDetails {
                    kind,
                    theme: pairs.get("theme").to_owned(),
                    room_id: None,
                    facilitator_ids: Vec::new(),
                    interpreter_needed: pairs.get("interpreter_needed") == "yes",
                    guest_partner: pairs.get("guest_partner").to_owned(),
                    practice_id: None,
                    notes: String::new(),
                },
            ))
        }
        _ => Err(errors),
    }
}

#[derive(Template)]
#[template(path = "groups/plan.html")]
pub struct PlanPage {
    pub page: Page,
    pub group_id: String,
    pub group_name: String,
    pub planned: Vec<Planned>,
    pub form: FormState,
}

impl PlanPage {
    pub fn count(&self) -> usize {
        self.planned.iter().filter(|p| p.skipped.is_none()).count()
    }

    pub fn skipped_count(&self) -> usize {
        self.planned.len() - self.count()
    }

    pub fn weekday(&self, d: &NaiveDate) -> String {
        i18n::weekdays(self.page.lang)[chrono::Datelike::weekday(d).num_days_from_monday() as usize]
            .clone()
    }

    pub fn reason(&self, p: &Planned) -> String {
        match &p.skipped {
            None => String::new(),
            Some(skip) => match skip.period() {
                Some(name) => self.page.t(&format!("holiday-{name}")),
                None => self.page.t(&format!("skip-{}", skip.code())),
            },
        }
    }

    /// The form's values as hidden fields for the save button.
    pub fn hidden(&self) -> Vec<(String, String)> {
        let mut v: Vec<(String, String)> = self
            .form
            .values
            .iter()
            .filter(|(k, _)| k.as_str() != "csrf")
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        v.sort();
        v
    }
}

/// Shows what a series would plan and skip; saves nothing.
pub async fn preview(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let page = match may_manage(&state, &address, &me, "session.plan", page).await {
        Ok(page) => page,
        Err(refused) => return refused,
    };
    let pairs = Pairs(pairs);
    let form = posted(today(&state), &pairs);
    let (request, _) = match series_from(&pairs) {
        Ok(x) => x,
        Err(errors) => {
            return show(
                &state,
                address,
                page,
                &me,
                id,
                Shown::with(form.with_errors(errors), StatusCode::UNPROCESSABLE_ENTITY),
            )
            .await;
        }
    };
    let (at, writer) = origin_parts(&state);
    let (actor, gid) = (me.actor.clone(), id.clone());
    let addr = address.clone();
    let result = state
        .db
        .run(move |conn| {
            let origin = Origin::new(Some(&addr), at).via(&writer);
            let planned = sessions::preview(conn, &actor, &gid, &request, origin);
            let name = repo::name_of(conn, actor.organisation_id().unwrap_or_default(), &gid)?;
            Ok((planned, name.unwrap_or_default()))
        })
        .await;
    match result {
        Ok((Ok(planned), group_name)) => render(&PlanPage {
            page,
            group_id: id,
            group_name,
            planned,
            form,
        }),
        Ok((Err(GroupError::Invalid(errors)), _)) => {
            show(
                &state,
                address,
                page,
                &me,
                id,
                Shown::with(form.with_errors(errors), StatusCode::UNPROCESSABLE_ENTITY),
            )
            .await
        }
        Ok((Err(e), _)) => failure(page, e),
        Err(e) => internal(page, e),
    }
}

/// Saves a previewed series.
pub async fn save_series(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let page = match may_manage(&state, &address, &me, "session.plan", page).await {
        Ok(page) => page,
        Err(refused) => return refused,
    };
    let pairs = Pairs(pairs);
    let form = posted(today(&state), &pairs);
    let (request, details) = match series_from(&pairs) {
        Ok(x) => x,
        Err(errors) => {
            return show(
                &state,
                address,
                page,
                &me,
                id,
                Shown::with(form.with_errors(errors), StatusCode::UNPROCESSABLE_ENTITY),
            )
            .await;
        }
    };
    let (at, _) = origin_parts(&state);
    let (actor, gid) = (me.actor.clone(), id.clone());
    let addr = address.clone();
    let saved = state
        .db
        .run(move |conn| {
            Ok(sessions::save_series(
                conn,
                &actor,
                &gid,
                &request,
                &details,
                Origin::new(Some(&addr), at),
            ))
        })
        .await;
    match saved {
        Ok(Ok(_)) => see_other(&format!("/groups/{id}#sessions")),
        Ok(Err(GroupError::Invalid(errors))) => {
            show(
                &state,
                address,
                page,
                &me,
                id,
                Shown::with(form.with_errors(errors), StatusCode::UNPROCESSABLE_ENTITY),
            )
            .await
        }
        Ok(Err(e)) => failure(page, e),
        Err(e) => internal(page, e),
    }
}

#[derive(Deserialize)]
pub struct CancelForm {
    #[serde(default)]
    reason: String,
}

/// Adds one session. Its conflicts (double bookings, holiday, school hours,
/// room) are shown and nothing is saved, unless the planner keeps them.
pub async fn add_session(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let page = match may_manage(&state, &address, &me, "session.add", page).await {
        Ok(page) => page,
        Err(refused) => return refused,
    };
    let pairs = Pairs(pairs);
    let mut form = posted(today(&state), &pairs);
    let mut errors = Vec::new();
    let on = date(pairs.get("on"));
    let start = time(pairs.get("session_start"));
    let end = time(pairs.get("session_end"));
    let kind = pairs.get("single_kind").parse::<SessionKind>().ok();
    for (field, ok, code) in [
        ("on", on.is_some(), "invalid-date"),
        ("session_start", start.is_some(), "invalid-time"),
        ("session_end", end.is_some(), "invalid-time"),
        ("single_kind", kind.is_some(), "invalid-choice"),
    ] {
        if !ok {
            errors.push(FieldError { field, code });
        }
    }
    let (Some(on), Some(start), Some(end), Some(kind)) = (on, start, end, kind) else {
        return show(
            &state,
            address,
            page,
            &me,
            id,
            Shown::with(form.with_errors(errors), StatusCode::UNPROCESSABLE_ENTITY),
        )
        .await;
    };
    let details = SessionDetails {
        kind,
        theme: pairs.get("single_theme").to_owned(),
        room_id: None,
        facilitator_ids: Vec::new(),
        interpreter_needed: pairs.get("single_interpreter") == "yes",
        guest_partner: pairs.get("guest_partner").to_owned(),
        practice_id: None,
        notes: String::new(),
    };
    let keep = pairs.get("keep") == "yes";
    let (at, _) = origin_parts(&state);
    let (actor, gid) = (me.actor.clone(), id.clone());
    let addr = address.clone();
    let added = state
        .db
        .run(move |conn| {
            Ok(sessions::add(
                conn,
                &actor,
                &gid,
                domain::groups::Slot {
                    date: on,
                    start,
                    end,
                },
                &details,
                keep,
                Origin::new(Some(&addr), at),
            ))
        })
        .await;
    match added {
        Ok(Ok(Ok(_))) => see_other(&format!("/groups/{id}#sessions")),
        Ok(Ok(Err(conflicts))) => {
            let codes: Vec<&str> = conflicts
                .iter()
                .map(domain::groups::Conflict::code)
                .collect();
            form.set("conflicts", codes.join(","));
            show(
                &state,
                address,
                page,
                &me,
                id,
                Shown::with(form, StatusCode::CONFLICT),
            )
            .await
        }
        Ok(Err(GroupError::Invalid(errors))) => {
            show(
                &state,
                address,
                page,
                &me,
                id,
                Shown::with(form.with_errors(errors), StatusCode::UNPROCESSABLE_ENTITY),
            )
            .await
        }
        Ok(Err(e)) => failure(page, e),
        Err(e) => internal(page, e),
    }
}

/// Cancels a session with a reason.
pub async fn cancel(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
    Form(form): Form<CancelForm>,
) -> Response {
    let (at, _) = origin_parts(&state);
    let (actor, sid) = (me.actor.clone(), id.clone());
    let done = state
        .db
        .run(move |conn| {
            let group =
                repo::group_of_session(conn, actor.organisation_id().unwrap_or_default(), &sid)?;
            Ok((
                sessions::cancel(
                    conn,
                    &actor,
                    &sid,
                    &form.reason,
                    Origin::new(Some(&address), at),
                ),
                group,
            ))
        })
        .await;
    match done {
        Ok((Ok(()), Some(group))) => see_other(&format!("/groups/{group}#sessions")),
        Ok((Ok(()), None)) => page.error(StatusCode::NOT_FOUND),
        Ok((Err(e), _)) => failure(page, e),
        Err(e) => internal(page, e),
    }
}
