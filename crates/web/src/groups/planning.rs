//! Sessions of a group: a series previewed with what it skips, one session
//! with its conflicts, cancelling.

use super::*;

// --------------------------------------------------------- series planning

/// An empty choice is no choice.
pub(super) fn optional(value: &str) -> Option<String> {
    let v = value.trim();
    (!v.is_empty()).then(|| v.to_owned())
}

/// A conflict in words, naming the facilitator who is booked already.
pub(super) fn conflict_text(
    page: &Page,
    conflict: &domain::groups::Conflict,
    staff: &[(String, String)],
) -> String {
    use domain::groups::Conflict;
    match conflict {
        Conflict::FacilitatorTaken { user_id } => {
            let name = staff
                .iter()
                .find(|(id, _)| id == user_id)
                .map(|(_, n)| n.clone())
                .unwrap_or_default();
            i18n::t_args(
                page.lang,
                "conflict-facilitator-named",
                &[("name", i18n::Arg::Str(&name))],
            )
        }
        other => page.t(&format!("conflict-{}", other.code())),
    }
}

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
                    practice_id: optional(pairs.get("practice_id")),
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
    pub preview: SeriesPreview,
    pub form: FormState,
    /// Facilitators' names, for "already leads another session".
    pub staff: Vec<(String, String)>,
}

impl PlanPage {
    pub fn count(&self) -> usize {
        self.preview
            .planned
            .iter()
            .filter(|p| p.skipped.is_none())
            .count()
    }

    pub fn skipped_count(&self) -> usize {
        self.preview.planned.len() - self.count()
    }

    /// School years whose holidays are not known, in a sentence.
    pub fn unknown_years(&self) -> String {
        i18n::t_args(
            self.page.lang,
            "series-unknown-years",
            &[(
                "years",
                i18n::Arg::Str(&self.preview.unknown_years.join(", ")),
            )],
        )
    }

    /// The room's problems, shown once for the whole series.
    pub fn room_conflicts(&self) -> Vec<String> {
        self.preview
            .room
            .iter()
            .map(|c| conflict_text(&self.page, c, &self.staff))
            .collect()
    }

    /// The warnings of one planned date, in words.
    pub fn conflicts_on(&self, p: &Planned) -> Vec<String> {
        self.preview
            .conflicts_on(p.date)
            .iter()
            .map(|c| conflict_text(&self.page, c, &self.staff))
            .collect()
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

type SeriesInput = (
    Page,
    FormState,
    domain::groups::SeriesRequest,
    SessionDetails,
);

/// The policy's answer, then the series the form describes; otherwise the
/// response to send (refused, or the group page with the field errors).
async fn series_input(
    state: &AppState,
    address: &str,
    me: &crate::auth::Signed,
    id: &str,
    page: Page,
    pairs: &Pairs,
) -> Result<SeriesInput, Response> {
    let page = may_manage(state, address, me, "session.plan", page).await?;
    let form = posted(today(state), pairs);
    match series_from(pairs) {
        Ok((request, details)) => Ok((page, form, request, details)),
        Err(errors) => Err(with_errors(
            state,
            address.to_owned(),
            page,
            me,
            id.to_owned(),
            form,
            errors,
        )
        .await),
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
    let pairs = Pairs(pairs);
    let (page, form, request, details) =
        match series_input(&state, &address, &me, &id, page, &pairs).await {
            Ok(x) => x,
            Err(refused) => return refused,
        };
    let (at, writer) = origin_parts(&state);
    let (actor, gid) = (me.actor.clone(), id.clone());
    let addr = address.clone();
    let result = state
        .db
        .run(move |conn| {
            let origin = Origin::new(Some(&addr), at).via(&writer);
            let planned = sessions::preview(conn, &actor, &gid, &request, &details, origin);
            let org = actor.organisation_id().unwrap_or_default();
            let name = repo::name_of(conn, org, &gid)?;
            Ok((
                planned,
                name.unwrap_or_default(),
                repo::possible_facilitators(conn, org)?,
            ))
        })
        .await;
    match result {
        Ok((Ok(preview), group_name, staff)) => render(&PlanPage {
            page,
            group_id: id,
            group_name,
            preview,
            form,
            staff,
        }),
        Ok((Err(GroupError::Invalid(errors)), _, _)) => {
            with_errors(&state, address, page, &me, id, form, errors).await
        }
        Ok((Err(e), _, _)) => failure(page, e),
        Err(e) => internal(page, e),
    }
}

/// Saves a previewed series; with conflicts not kept, shows the preview
/// again with them.
pub async fn save_series(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let pairs = Pairs(pairs);
    let (page, form, request, details) =
        match series_input(&state, &address, &me, &id, page, &pairs).await {
            Ok(x) => x,
            Err(refused) => return refused,
        };
    let keep = pairs.get("keep") == "yes";
    let (at, _) = origin_parts(&state);
    let (actor, gid) = (me.actor.clone(), id.clone());
    let addr = address.clone();
    let saved = state
        .db
        .run(move |conn| {
            let saved = sessions::save_series(
                conn,
                &actor,
                &gid,
                &request,
                &details,
                keep,
                Origin::new(Some(&addr), at),
            );
            let org = actor.organisation_id().unwrap_or_default();
            let extra = match &saved {
                Ok(Err(_)) => Some((
                    repo::name_of(conn, org, &gid)?.unwrap_or_default(),
                    repo::possible_facilitators(conn, org)?,
                )),
                _ => None,
            };
            Ok((saved, extra))
        })
        .await;
    match saved {
        Ok((Ok(Ok(_)), _)) => see_other(&format!("/groups/{id}#sessions")),
        Ok((Ok(Err(preview)), extra)) => {
            let (group_name, staff) = extra.unwrap_or_default();
            let body = render(&PlanPage {
                page,
                group_id: id,
                group_name,
                preview,
                form,
                staff,
            });
            (StatusCode::CONFLICT, body).into_response()
        }
        Ok((Err(GroupError::Invalid(errors)), _)) => {
            with_errors(&state, address, page, &me, id, form, errors).await
        }
        Ok((Err(e), _)) => failure(page, e),
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
        return with_errors(&state, address, page, &me, id, form, errors).await;
    };
    let details = SessionDetails {
        kind,
        theme: pairs.get("single_theme").to_owned(),
        room_id: None,
        facilitator_ids: Vec::new(),
        interpreter_needed: pairs.get("single_interpreter") == "yes",
        guest_partner: pairs.get("guest_partner").to_owned(),
        practice_id: optional(pairs.get("single_practice_id")),
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
            with_errors(&state, address, page, &me, id, form, errors).await
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

// ------------------------------------------------------- changing a session

#[derive(Template)]
#[template(path = "groups/edit_session.html")]
pub struct EditSessionPage {
    pub page: Page,
    pub session_id: String,
    pub group_id: String,
    pub group_name: String,
    pub form: FormState,
    pub rooms: Vec<Choice>,
    pub kinds: Vec<Choice>,
    pub practices: Vec<Choice>,
    pub staff: Vec<(String, String)>,
    /// Conflicts of the change not saved yet, in words.
    pub conflicts: Vec<String>,
    /// What was sent to the members about this session.
    pub delivery: Vec<db::messages::DeliveryLine>,
}

impl EditSessionPage {
    /// When a message went (or is to go), in Brussels time.
    pub fn message_when(&self, m: &db::messages::Message) -> String {
        crate::messages::sent_when(&self.page, m)
    }

    pub fn leads(&self, user_id: &str) -> bool {
        self.form.v("facilitators").split(',').any(|f| f == user_id)
    }
}

fn edit_form(e: &sessions::Editable) -> FormState {
    let s = &e.session;
    let mut form = FormState::default();
    form.set("on", s.held_on.to_string());
    form.set("session_start", hm(&s.starts_at));
    form.set("session_end", hm(&s.ends_at));
    form.set("room_id", s.room_id.clone().unwrap_or_default());
    form.set("single_kind", s.kind.clone());
    form.set(
        "single_practice_id",
        s.practice_id.clone().unwrap_or_default(),
    );
    form.set("single_theme", s.theme.clone());
    form.set("guest_partner", s.guest_partner.clone());
    if s.interpreter_needed {
        form.set("single_interpreter", "yes");
    }
    form.set("notes", s.notes.clone());
    form.set("facilitators", e.facilitator_ids.join(","));
    form.set("version", s.version.to_string());
    form
}

fn edit_page(
    page: Page,
    e: sessions::Editable,
    form: FormState,
    conflicts: &[domain::groups::Conflict],
) -> EditSessionPage {
    let conflicts = conflicts
        .iter()
        .map(|c| conflict_text(&page, c, &e.staff))
        .collect();
    EditSessionPage {
        page,
        session_id: e.session.id,
        group_id: e.session.group_id,
        group_name: e.group_name,
        form,
        rooms: literal(e.rooms),
        kinds: Choice::coded("session", codes(SessionKind::ALL, SessionKind::code)),
        practices: literal(e.practices),
        staff: e.staff,
        conflicts,
        delivery: e.delivery,
    }
}

/// The form to change a session: move it, change its room, facilitators,
/// theme or practice.
pub async fn edit_session(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
) -> Response {
    let (at, writer) = origin_parts(&state);
    let actor = me.actor.clone();
    let loaded = state
        .db
        .run(move |conn| {
            let origin = Origin::new(Some(&address), at).via(&writer);
            Ok(sessions::editable(conn, &actor, &id, origin))
        })
        .await;
    match loaded {
        Ok(Ok(e)) => {
            let form = edit_form(&e);
            render(&edit_page(page, e, form, &[]))
        }
        Ok(Err(e)) => failure(page, e),
        Err(e) => internal(page, e),
    }
}

/// Saves a changed session; conflicts of a move are shown to keep or change.
pub async fn update_session(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let page = match may_manage(&state, &address, &me, "session.update", page).await {
        Ok(page) => page,
        Err(refused) => return refused,
    };
    let pairs = Pairs(pairs);
    let mut form = FormState::from_pairs(&pairs);
    form.set("facilitators", pairs.all("facilitators").join(","));
    let on = date(pairs.get("on"));
    let start = time(pairs.get("session_start"));
    let end = time(pairs.get("session_end"));
    let kind = pairs.get("single_kind").parse::<SessionKind>().ok();
    let version = pairs.get("version").parse::<i32>().ok();
    let mut errors = Vec::new();
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
    let details = kind.map(|kind| SessionDetails {
        kind,
        theme: pairs.get("single_theme").to_owned(),
        room_id: optional(pairs.get("room_id")),
        facilitator_ids: pairs
            .all("facilitators")
            .into_iter()
            .map(str::to_owned)
            .collect(),
        interpreter_needed: pairs.get("single_interpreter") == "yes",
        guest_partner: pairs.get("guest_partner").to_owned(),
        practice_id: optional(pairs.get("single_practice_id")),
        notes: pairs.get("notes").to_owned(),
    });
    let keep = pairs.get("keep") == "yes";
    let (at, writer) = origin_parts(&state);
    let actor = me.actor.clone();
    let sid = id.clone();
    let done = state
        .db
        .run(move |conn| {
            let origin = Origin::new(Some(&address), at).via(&writer);
            let outcome = match (on, start, end, details, version) {
                (Some(date), Some(start), Some(end), Some(details), Some(version))
                    if errors.is_empty() =>
                {
                    let slot = domain::groups::Slot { date, start, end };
                    sessions::update(conn, &actor, &sid, version, slot, &details, keep, origin)
                        .map(|r| r.map(|_| ()))
                }
                (.., None) if errors.is_empty() => Err(GroupError::Stale),
                _ => Err(GroupError::Invalid(errors)),
            };
            // The form again, for errors and conflicts.
            let again = match &outcome {
                Ok(Ok(())) | Err(GroupError::Access(_)) => None,
                _ => sessions::editable(conn, &actor, &sid, origin).ok(),
            };
            let group =
                repo::group_of_session(conn, actor.organisation_id().unwrap_or_default(), &sid)?;
            Ok((outcome, again, group))
        })
        .await;
    let done =
        done.map(|(outcome, again, group)| (outcome, again.ok_or(group.unwrap_or_default())));
    match done {
        Ok((Ok(Ok(())), Err(group))) => see_other(&format!("/groups/{group}#sessions")),
        Ok((Ok(Err(conflicts)), Ok(e))) => {
            let body = render(&edit_page(page, e, form, &conflicts));
            (StatusCode::CONFLICT, body).into_response()
        }
        Ok((Err(GroupError::Invalid(errors)), Ok(e))) => {
            let body = render(&edit_page(page, e, form.with_errors(errors), &[]));
            (StatusCode::UNPROCESSABLE_ENTITY, body).into_response()
        }
        Ok((Err(GroupError::Stale), Ok(e))) => {
            // Show what is saved now, with a word on why.
            let mut fresh = edit_form(&e);
            fresh.set("stale", "yes");
            let body = render(&edit_page(page, e, fresh, &[]));
            (StatusCode::CONFLICT, body).into_response()
        }
        Ok((Err(e), _)) => failure(page, e),
        Ok((Ok(_), _)) => page.error(StatusCode::NOT_FOUND),
        Err(e) => internal(page, e),
    }
}
