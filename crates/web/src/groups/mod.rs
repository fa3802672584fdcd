//! Group work pages and API: the groups list, a group with its members and
//! waiting list, planning a series (previewed with what it skips), the
//! attendance screen (works offline, see `static/attendance.js`), a
//! facilitator's week and the organisation's school calendar.

use crate::AppState;
use crate::auth::CurrentUser;
use crate::client::ClientIp;
use crate::error::{ApiError, ApiJson, ErrorBody};
use crate::forms::{Choice, FormState, Pairs, codes};
use crate::pages::{Page, internal, render, see_other};
use crate::participants::{access_failure, origin_parts};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::{Form, Json};
use chrono::{Duration, NaiveDate, NaiveTime};
use db::groups::attendance::{self, MarkInput, Saved, Sheet};
use db::groups::sessions::{self, SessionDetails, WeekSession};
use db::groups::{self as repo, GroupError, GroupLine, GroupView, NewGroup, Placed};
use db::models::GroupSession;
use db::participants::Origin;
use domain::groups::{ExcuseReason, Mark, Planned, Rhythm, SchoolHours, SessionKind};
use domain::participant::FieldError;
use domain::school::{Calendar, Community};
use serde::{Deserialize, Serialize};
use utoipa::{OpenApi, ToSchema};

#[derive(OpenApi)]
#[openapi(
    paths(api_groups, api_sessions, api_attendance, api_save_attendance),
    components(schemas(GroupItem, SessionItem, AttendanceItem, MarkBody, MarksBody, SavedBody))
)]
pub struct Doc;

fn failure(page: Page, e: GroupError) -> Response {
    match e {
        GroupError::Access(a) => access_failure(page, a),
        GroupError::Invalid(_) => page.error(StatusCode::UNPROCESSABLE_ENTITY),
        GroupError::Full { .. } | GroupError::Stale => page.error(StatusCode::CONFLICT),
    }
}

/// The policy's answer for changing group work, before any input is read.
async fn may_manage(
    state: &AppState,
    address: &str,
    me: &crate::auth::Signed,
    audit: &'static str,
    page: Page,
) -> Result<Page, Response> {
    crate::participants::allowed_page(
        state,
        address,
        &me.actor,
        crate::participants::Check::Org(domain::policy::Action::ManageGroups, audit),
        page,
    )
    .await
}

fn today(state: &AppState) -> NaiveDate {
    state.clock.today()
}

fn time(value: &str) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(value.trim(), "%H:%M").ok()
}

fn date(value: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d").ok()
}

/// Formats a time of day as 09:30.
fn hm(t: &NaiveTime) -> String {
    t.format("%H:%M").to_string()
}

// ---------------------------------------------------------------- the list

#[derive(Template)]
#[template(path = "groups/list.html")]
pub struct ListPage {
    pub page: Page,
    pub groups: Vec<GroupLine>,
    pub can_manage: bool,
}

pub async fn list(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
) -> Response {
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
        .await;
    let can_manage = matches!(
        me.actor.role(),
        Some(domain::model::Role::Coordinator | domain::model::Role::Casemanager)
    );
    match listed {
        Ok(Ok(groups)) => render(&ListPage {
            page,
            groups,
            can_manage,
        }),
        Ok(Err(e)) => access_failure(page, e),
        Err(e) => internal(page, e),
    }
}

// ------------------------------------------------------------ a new group

#[derive(Template)]
#[template(path = "groups/new.html")]
pub struct NewPage {
    pub page: Page,
    pub form: FormState,
    pub programmes: Vec<Choice>,
    pub kinds: Vec<Choice>,
    pub rooms: Vec<Choice>,
    pub staff: Vec<Choice>,
    pub parents: Vec<Choice>,
}

impl NewPage {
    pub fn ticked(&self, name: &str, value: &str) -> bool {
        self.form
            .values
            .get(&format!("{name}:{value}"))
            .is_some_and(|v| v == "yes")
    }
}

type NewChoices = (Vec<Choice>, Vec<Choice>, Vec<Choice>, Vec<Choice>);

async fn new_choices(state: &AppState, org: String) -> Result<NewChoices, db::DbError> {
    state
        .db
        .run(move |conn| {
            let (programmes, rooms, parents) = repo::form_choices(conn, &org)?;
            let staff = repo::possible_facilitators(conn, &org)?;
            Ok((
                literal(programmes),
                literal(rooms),
                literal(staff),
                literal(parents),
            ))
        })
        .await
}

fn literal(rows: Vec<(String, String)>) -> Vec<Choice> {
    rows.into_iter()
        .map(|(id, name)| Choice::literal(id, name))
        .collect()
}

async fn new_page(state: &AppState, page: Page, org: String, form: FormState) -> Response {
    match new_choices(state, org).await {
        Ok((programmes, rooms, staff, parents)) => render(&NewPage {
            page,
            form,
            programmes,
            kinds: Choice::coded("group-kind", repo::KINDS),
            rooms,
            staff,
            parents,
        }),
        Err(e) => internal(page, e),
    }
}

pub async fn new_form(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
) -> Response {
    let page = match may_manage(&state, &address, &me, "group.create", page).await {
        Ok(page) => page,
        Err(refused) => return refused,
    };
    let org = me.actor.organisation_id().unwrap_or_default().to_owned();
    let mut form = FormState::default();
    form.set("group_kind", "adults");
    new_page(&state, page, org, form).await
}

pub async fn create(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let page = match may_manage(&state, &address, &me, "group.create", page).await {
        Ok(page) => page,
        Err(refused) => return refused,
    };
    let pairs = Pairs(pairs);
    let some = |k: &str| Some(pairs.get(k).to_owned()).filter(|v| !v.trim().is_empty());
    let number = |k: &str| pairs.get(k).trim().parse::<i32>().ok();
    let mut errors = Vec::new();
    for k in ["min_size", "max_size"] {
        if !pairs.get(k).trim().is_empty() && number(k).is_none() {
            errors.push(FieldError {
                field: if k == "min_size" {
                    "min_size"
                } else {
                    "max_size"
                },
                code: "invalid-number",
            });
        }
    }
    let new = NewGroup {
        programme_id: pairs.get("programme_id").to_owned(),
        kind: pairs.get("group_kind").to_owned(),
        parent_id: some("parent_id"),
        name: pairs.get("name").to_owned(),
        languages: pairs
            .get("languages")
            .split([',', ' '])
            .map(|l| l.trim().to_ascii_lowercase())
            .filter(|l| !l.is_empty())
            .collect(),
        level: pairs.get("level").to_owned(),
        room_id: some("room_id"),
        facilitator_ids: pairs
            .all("facilitators")
            .into_iter()
            .map(str::to_owned)
            .collect(),
        min_size: number("min_size"),
        max_size: number("max_size"),
    };
    let mut form = FormState::from_pairs(&pairs);
    for f in &new.facilitator_ids {
        form.set(&format!("facilitators:{f}"), "yes");
    }
    let org = me.actor.organisation_id().unwrap_or_default().to_owned();
    if !errors.is_empty() {
        let body = new_page(&state, page, org, form.with_errors(errors)).await;
        return (StatusCode::UNPROCESSABLE_ENTITY, body).into_response();
    }
    let (at, _) = origin_parts(&state);
    let actor = me.actor.clone();
    let created = state
        .db
        .run(move |conn| {
            Ok(repo::create(
                conn,
                &actor,
                &new,
                Origin::new(Some(&address), at),
            ))
        })
        .await;
    match created {
        Ok(Ok(id)) => see_other(&format!("/groups/{id}")),
        Ok(Err(GroupError::Invalid(errors))) => {
            let body = new_page(&state, page, org, form.with_errors(errors)).await;
            (StatusCode::UNPROCESSABLE_ENTITY, body).into_response()
        }
        Ok(Err(e)) => failure(page, e),
        Err(e) => internal(page, e),
    }
}

// -------------------------------------------------------------- one group

#[derive(Template)]
#[template(path = "groups/show.html")]
pub struct ShowPage {
    pub page: Page,
    pub view: GroupView,
    pub sessions: Vec<GroupSession>,
    pub rates: Vec<attendance::Rate>,
    pub candidates: Vec<Choice>,
    pub can_manage: bool,
    pub form: FormState,
    pub kinds: Vec<Choice>,
    pub rhythms: Vec<Choice>,
    /// A message after a placement (full group, waiting list position).
    pub notice: Option<String>,
    pub today: NaiveDate,
    /// Conflicts of a single session not saved yet, to keep or change.
    pub conflicts: Vec<String>,
}

impl ShowPage {
    pub fn rate(&self, participant_id: &str) -> String {
        self.rates
            .iter()
            .find(|r| r.participant_id == participant_id)
            .and_then(attendance::Rate::percent)
            .map(|p| format!("{p}%"))
            .unwrap_or_else(|| "–".into())
    }

    pub fn times(&self, s: &GroupSession) -> String {
        format!("{}–{}", hm(&s.starts_at), hm(&s.ends_at))
    }

    pub fn kind_label(&self, s: &GroupSession) -> String {
        self.page.t(&format!("coded-session-{}", s.kind))
    }

    pub fn languages(&self) -> String {
        let l = self.view.group.languages.replace(',', ", ");
        if l.is_empty() { "–".into() } else { l }
    }

    pub fn capacity(&self) -> String {
        i18n::t_args(
            self.page.lang,
            "group-capacity",
            &[
                ("count", i18n::Arg::Num(self.view.members.len() as i64)),
                ("min", i18n::Arg::Num(i64::from(self.view.group.min_size))),
                ("max", i18n::Arg::Num(i64::from(self.view.group.max_size))),
            ],
        )
    }

    pub fn full(&self) -> bool {
        self.view.members.len() as i32 >= self.view.group.max_size
    }
}

/// What the group page shows besides the group: the forms' state, a
/// notice, and the status to answer with.
struct Shown {
    form: FormState,
    notice: Option<String>,
    status: StatusCode,
}

impl Shown {
    fn with(form: FormState, status: StatusCode) -> Self {
        Self {
            form,
            notice: None,
            status,
        }
    }
}

async fn show(
    state: &AppState,
    address: String,
    page: Page,
    me: &crate::auth::Signed,
    id: String,
    shown: Shown,
) -> Response {
    let Shown {
        form,
        notice,
        status,
    } = shown;
    let conflicts: Vec<String> = form
        .values
        .get("conflicts")
        .map(|c| {
            c.split(',')
                .filter(|c| !c.is_empty())
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default();
    let (at, writer) = origin_parts(state);
    let actor = me.actor.clone();
    let day = today(state);
    let can_manage = matches!(
        me.actor.role(),
        Some(domain::model::Role::Coordinator | domain::model::Role::Casemanager)
    );
    let loaded = state
        .db
        .run(move |conn| {
            let view = match repo::view(
                conn,
                &actor,
                &id,
                Origin::new(Some(&address), at).via(&writer),
            ) {
                Ok(v) => v,
                Err(e) => return Ok(Err(e)),
            };
            let org = view.group.organisation_id.clone();
            let sessions = sessions::of_group(
                conn,
                &org,
                &id,
                day - Duration::days(28),
                day + Duration::days(400),
            )?;
            let rates = attendance::rates(conn, &org, &id)?;
            // Candidates: open trajectories of the group's programme, not yet in it.
            let candidates = if can_manage {
                literal(repo::candidates(conn, &actor, &org, &view)?)
            } else {
                Vec::new()
            };
            Ok(Ok((view, sessions, rates, candidates)))
        })
        .await;
    match loaded {
        Ok(Ok((view, sessions, rates, candidates))) => {
            let body = render(&ShowPage {
                page,
                view,
                sessions,
                rates,
                candidates,
                can_manage,
                form,
                kinds: Choice::coded("session", codes(SessionKind::ALL, SessionKind::code)),
                rhythms: Choice::coded(
                    "series",
                    ["weekly", "every_two_weeks", "monthly", "spread"],
                ),
                notice,
                today: day,
                conflicts,
            });
            (status, body).into_response()
        }
        Ok(Err(e)) => access_failure(page, e),
        Err(e) => internal(page, e),
    }
}

fn default_form(day: NaiveDate) -> FormState {
    let mut form = FormState::default();
    let (start, end) = sessions::default_times();
    form.set("first", day.to_string());
    form.set("last", (day + Duration::days(91)).to_string());
    form.set("start", hm(&start));
    form.set("end", hm(&end));
    form.set("rhythm", "weekly");
    form.set("session_kind", "psychosocial");
    form.set("on", day.to_string());
    form.set("session_start", hm(&start));
    form.set("session_end", hm(&end));
    form.set("single_kind", "psychosocial");
    form
}

/// The posted values over the defaults, so the other forms on the page keep theirs.
fn posted(day: NaiveDate, pairs: &Pairs) -> FormState {
    let mut form = default_form(day);
    for (k, v) in &pairs.0 {
        if k != "csrf" {
            form.set(k, v.clone());
        }
    }
    form
}

pub async fn group(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
) -> Response {
    let form = default_form(today(&state));
    show(
        &state,
        address,
        page,
        &me,
        id,
        Shown {
            form,
            notice: None,
            status: StatusCode::OK,
        },
    )
    .await
}

/// Places a participant (from the group page, or in one step from her file).
pub async fn place(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let pairs = Pairs(pairs);
    let participant = pairs.get("participant_id").to_owned();
    let or_wait = pairs.get("wait") == "yes";
    let back = match pairs.get("back") {
        "file" => Some(format!("/participants/{participant}")),
        _ => None,
    };
    let (at, _) = origin_parts(&state);
    let (actor, gid, day) = (me.actor.clone(), id.clone(), today(&state));
    let addr = address.clone();
    let placed = state
        .db
        .run(move |conn| {
            Ok(repo::place(
                conn,
                &actor,
                &gid,
                &participant,
                day,
                or_wait,
                Origin::new(Some(&addr), at),
            ))
        })
        .await;
    let form = default_form(today(&state));
    match placed {
        Ok(Ok(_)) if back.is_some() => see_other(back.as_deref().unwrap_or("/groups")),
        Ok(Ok(Placed::Member)) => see_other(&format!("/groups/{id}")),
        Ok(Ok(Placed::Waiting(n))) => {
            let notice = page.t_count("group-waiting-position", n as i64);
            show(
                &state,
                address,
                page,
                &me,
                id,
                Shown {
                    form,
                    notice: Some(notice),
                    status: StatusCode::OK,
                },
            )
            .await
        }
        Ok(Err(GroupError::Full { max })) => {
            let notice = page.t_count("group-full", i64::from(max));
            show(
                &state,
                address,
                page,
                &me,
                id,
                Shown {
                    form,
                    notice: Some(notice),
                    status: StatusCode::CONFLICT,
                },
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

/// Ends a membership or takes her off the waiting list.
pub async fn leave(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Path((id, member)): Path<(String, String)>,
) -> Response {
    let (at, _) = origin_parts(&state);
    let (actor, gid, day) = (me.actor.clone(), id.clone(), today(&state));
    let left = state
        .db
        .run(move |conn| {
            Ok(repo::leave(
                conn,
                &actor,
                &gid,
                &member,
                day,
                Origin::new(Some(&address), at),
            ))
        })
        .await;
    match left {
        Ok(Ok(_)) => see_other(&format!("/groups/{id}")),
        Ok(Err(e)) => failure(page, e),
        Err(e) => internal(page, e),
    }
}

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

// ------------------------------------------------------------- attendance

#[derive(Template)]
#[template(path = "groups/attendance.html")]
pub struct AttendancePage {
    pub page: Page,
    pub sheet: Sheet,
    pub reasons: Vec<Choice>,
    pub saved: Option<Saved>,
    pub form_key: String,
}

impl AttendancePage {
    pub fn times(&self) -> String {
        format!(
            "{}–{}",
            hm(&self.sheet.session.starts_at),
            hm(&self.sheet.session.ends_at)
        )
    }

    pub fn is(&self, line: &attendance::Line, mark: &str) -> bool {
        line.mark.map(Mark::code) == Some(mark)
    }

    pub fn reason_is(&self, line: &attendance::Line, reason: &str) -> bool {
        line.reason.map(ExcuseReason::code) == Some(reason)
    }

    pub fn children(&self) -> String {
        i18n::t_args(
            self.page.lang,
            "session-children",
            &[
                (
                    "childcare",
                    i18n::Arg::Num(i64::from(self.sheet.children.childcare)),
                ),
                (
                    "group",
                    i18n::Arg::Num(i64::from(self.sheet.children.childrens_group)),
                ),
            ],
        )
    }
}

async fn attendance_page(
    state: &AppState,
    address: String,
    page: Page,
    me: &crate::auth::Signed,
    id: String,
    saved: Option<Saved>,
) -> Response {
    let (at, writer) = origin_parts(state);
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
        .await;
    match sheet {
        Ok(Ok(sheet)) => render(&AttendancePage {
            page,
            sheet,
            reasons: Choice::coded("excuse", codes(ExcuseReason::ALL, ExcuseReason::code)),
            saved,
            form_key: db::models::new_id(),
        }),
        Ok(Err(e)) => failure(page, e),
        Err(e) => internal(page, e),
    }
}

pub async fn attendance_screen(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
) -> Response {
    attendance_page(&state, address, page, &me, id, None).await
}

/// The attendance form without JavaScript: one key per form and member, so
/// that sending the same form twice changes nothing twice.
pub async fn attendance_form(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let pairs = Pairs(pairs);
    let form_key: String = pairs
        .get("form_key")
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .take(40)
        .collect();
    let now = state.clock.now().naive_utc();
    let mut marks = Vec::new();
    for (k, v) in &pairs.0 {
        let Some(pid) = k.strip_prefix("mark_") else {
            continue;
        };
        let Ok(mark) = v.parse::<Mark>() else {
            continue;
        };
        let reason = if mark == Mark::Excused {
            Some(
                pairs
                    .get(&format!("reason_{pid}"))
                    .parse()
                    .unwrap_or(ExcuseReason::Other),
            )
        } else {
            None
        };
        marks.push(MarkInput {
            participant_id: pid.to_owned(),
            mark,
            reason,
            marked_at: now,
            key: format!(
                "form-{form_key}-{}",
                &pid.chars()
                    .filter(|c| c.is_ascii_alphanumeric())
                    .collect::<String>()
            ),
        });
    }
    if marks.is_empty() {
        return attendance_page(&state, address, page, &me, id, None).await;
    }
    let (at, _) = origin_parts(&state);
    let (actor, sid) = (me.actor.clone(), id.clone());
    let addr = address.clone();
    let saved = state
        .db
        .run(move |conn| {
            Ok(attendance::save(
                conn,
                &actor,
                &sid,
                &marks,
                Origin::new(Some(&addr), at),
            ))
        })
        .await;
    match saved {
        Ok(Ok(saved)) => attendance_page(&state, address, page, &me, id, Some(saved)).await,
        Ok(Err(e)) => failure(page, e),
        Err(e) => internal(page, e),
    }
}

// -------------------------------------------------------- the facilitator

#[derive(Template)]
#[template(path = "groups/week.html")]
pub struct WeekPage {
    pub page: Page,
    pub from: NaiveDate,
    pub sessions: Vec<WeekSession>,
}

impl WeekPage {
    pub fn times(&self, s: &GroupSession) -> String {
        format!("{}–{}", hm(&s.starts_at), hm(&s.ends_at))
    }

    pub fn weekday(&self, d: &NaiveDate) -> String {
        i18n::weekdays(self.page.lang)[chrono::Datelike::weekday(d).num_days_from_monday() as usize]
            .clone()
    }

    pub fn children(&self, w: &WeekSession) -> String {
        i18n::t_args(
            self.page.lang,
            "session-children",
            &[
                ("childcare", i18n::Arg::Num(i64::from(w.children.childcare))),
                (
                    "group",
                    i18n::Arg::Num(i64::from(w.children.childrens_group)),
                ),
            ],
        )
    }

    pub fn kind_label(&self, s: &GroupSession) -> String {
        self.page.t(&format!("coded-session-{}", s.kind))
    }
}

pub async fn week(
    State(state): State<AppState>,
    page: Page,
    CurrentUser(me): CurrentUser,
) -> Response {
    let from = today(&state);
    let actor = me.actor.clone();
    if actor.organisation_id().is_none() || actor.role() == Some(domain::model::Role::Administrator)
    {
        return page.error(StatusCode::FORBIDDEN);
    }
    match state
        .db
        .run(move |conn| sessions::my_week(conn, &actor, from))
        .await
    {
        Ok(sessions) => render(&WeekPage {
            page,
            from,
            sessions,
        }),
        Err(e) => internal(page, e),
    }
}

// ---------------------------------------------------------- the calendar

#[derive(Template)]
#[template(path = "groups/calendar.html")]
pub struct CalendarPage {
    pub page: Page,
    pub calendar: Calendar,
    pub hours: SchoolHours,
    pub communities: Vec<Choice>,
    pub form: FormState,
    pub imported: Option<usize>,
}

impl CalendarPage {
    pub fn years(&self) -> Vec<&domain::school::SchoolYear> {
        let today = self.form.v("today");
        let from = date(today).map(|d| d - Duration::days(400));
        self.calendar
            .years
            .iter()
            .filter(|y| from.is_none_or(|f| y.first_day >= f))
            .take(3)
            .collect()
    }

    pub fn holiday(&self, name: &str) -> String {
        self.page.t(&format!("holiday-{name}"))
    }
}

async fn calendar_page(
    state: &AppState,
    address: String,
    page: Page,
    me: &crate::auth::Signed,
    form: Option<FormState>,
    imported: Option<usize>,
    status: StatusCode,
) -> Response {
    let (at, writer) = origin_parts(state);
    let actor = me.actor.clone();
    let loaded = state
        .db
        .run(move |conn| {
            Ok(repo::calendar::for_manager(
                conn,
                &actor,
                Origin::new(Some(&address), at).via(&writer),
            ))
        })
        .await;
    match loaded {
        Ok(Ok((calendar, hours))) => {
            let mut form = form.unwrap_or_else(|| {
                let mut f = FormState::default();
                f.set("community", calendar.community.code());
                f.set("school_day_start", hm(&hours.start));
                f.set("school_day_end", hm(&hours.end));
                f.set("wednesday_end", hm(&hours.wednesday_end));
                f
            });
            form.set("today", today(state).to_string());
            let body = render(&CalendarPage {
                page,
                calendar,
                hours,
                communities: Choice::coded("community", Community::ALL.iter().map(|c| c.code())),
                form,
                imported,
            });
            (status, body).into_response()
        }
        Ok(Err(e)) => access_failure(page, e),
        Err(e) => internal(page, e),
    }
}

pub async fn calendar(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
) -> Response {
    calendar_page(&state, address, page, &me, None, None, StatusCode::OK).await
}

/// Sets the Community and school hours, or imports school years (a JSON
/// calendar file pasted or uploaded as text).
pub async fn save_calendar(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let pairs = Pairs(pairs);
    let form = FormState::from_pairs(&pairs);
    let page = match crate::participants::allowed_page(
        &state,
        &address,
        &me.actor,
        crate::participants::Check::Org(
            domain::policy::Action::ManageCalendars,
            "calendar.configure",
        ),
        page,
    )
    .await
    {
        Ok(page) => page,
        Err(refused) => return refused,
    };
    let (at, _) = origin_parts(&state);
    let actor = me.actor.clone();
    if !pairs.get("school_years").trim().is_empty() {
        let text = pairs.get("school_years").to_owned();
        let parsed = domain::school::parse_years(&text);
        let (community, years) = match parsed {
            Ok(x) => x,
            Err(_) => {
                let form = form.with_errors(vec![FieldError {
                    field: "school_years",
                    code: "invalid-calendar",
                }]);
                return calendar_page(
                    &state,
                    address,
                    page,
                    &me,
                    Some(form),
                    None,
                    StatusCode::UNPROCESSABLE_ENTITY,
                )
                .await;
            }
        };
        let n = years.len();
        let done = state
            .db
            .run(move |conn| {
                let imported = repo::calendar::import(conn, community, &years, at)?;
                db::audit::record_alone(
                    conn,
                    &db::audit::Event::by(&actor, "calendar.import", Some(&address), at)
                        .detail(&format!("{} {imported}", community.code())),
                )?;
                Ok(imported)
            })
            .await;
        return match done {
            Ok(_) => {
                calendar_page(
                    &state,
                    String::new(),
                    page,
                    &me,
                    None,
                    Some(n),
                    StatusCode::OK,
                )
                .await
            }
            Err(e) => internal(page, e),
        };
    }
    let community = Community::parse(pairs.get("community"));
    let hours = (
        time(pairs.get("school_day_start")),
        time(pairs.get("school_day_end")),
        time(pairs.get("wednesday_end")),
    );
    let (Some(community), (Some(start), Some(end), Some(wednesday_end))) = (community, hours)
    else {
        let form = form.with_errors(vec![FieldError {
            field: "school_day_end",
            code: "invalid-time",
        }]);
        return calendar_page(
            &state,
            address,
            page,
            &me,
            Some(form),
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let hours = SchoolHours {
        start,
        end,
        wednesday_end,
    };
    let addr = address.clone();
    let done = state
        .db
        .run(move |conn| {
            Ok(repo::calendar::configure(
                conn,
                &actor,
                community,
                hours,
                Origin::new(Some(&addr), at),
            ))
        })
        .await;
    match done {
        Ok(Ok(())) => see_other("/admin/calendar"),
        Ok(Err(GroupError::Invalid(errors))) => {
            calendar_page(
                &state,
                address,
                page,
                &me,
                Some(form.with_errors(errors)),
                None,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Ok(Err(e)) => failure(page, e),
        Err(e) => internal(page, e),
    }
}

// ------------------------------------------------- hours and attestation

#[derive(Template)]
#[template(path = "groups/hours.html")]
pub struct HoursPage {
    pub page: Page,
    pub participant_id: String,
    pub sheet: attendance::HoursSheet,
    /// The attestation in her language.
    pub her: Page,
    pub organisation: String,
    pub issued: NaiveDate,
}

impl HoursPage {
    pub fn hours(&self, h: &f64) -> String {
        i18n::format_number(self.page.lang, *h, 2)
    }

    pub fn her_hours(&self, h: &f64) -> String {
        i18n::format_number(self.her.lang, *h, 2)
    }

    pub fn month(&self, l: &attendance::HoursLine) -> String {
        NaiveDate::from_ymd_opt(l.year, l.month, 1)
            .map(|d| i18n::format_month(self.page.lang, d))
            .unwrap_or_default()
    }

    pub fn kind_label(&self, kind: &str) -> String {
        self.page.t(&format!("coded-session-{kind}"))
    }

    pub fn total_text(&self) -> String {
        let total: f64 = self.sheet.dates.iter().map(|(_, h)| h).sum();
        i18n::format_number(self.her.lang, total, 2)
    }

    pub fn attestation_text(&self) -> String {
        i18n::t_args(
            self.her.lang,
            "attestation-text",
            &[
                (
                    "name",
                    i18n::Arg::Str(&format!(
                        "{} {}",
                        self.sheet.first_name, self.sheet.last_name
                    )),
                ),
                ("organisation", i18n::Arg::Str(&self.organisation)),
                ("count", i18n::Arg::Num(self.sheet.dates.len() as i64)),
            ],
        )
    }
}

/// Her attended hours per month and kind, and an attestation of
/// participation in her language (printable).
pub async fn hours(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
) -> Response {
    let (at, writer) = origin_parts(&state);
    let (actor, pid) = (me.actor.clone(), id.clone());
    let sheet = state
        .db
        .run(move |conn| {
            Ok(attendance::hours_sheet(
                conn,
                &actor,
                &pid,
                Origin::new(Some(&address), at).via(&writer),
            ))
        })
        .await;
    match sheet {
        Ok(Ok(sheet)) => {
            let lang = sheet.language.parse().unwrap_or(page.lang);
            let her = page.in_language(lang);
            render(&HoursPage {
                organisation: me
                    .organisation
                    .as_ref()
                    .map(|o| o.name.clone())
                    .unwrap_or_default(),
                page,
                participant_id: id,
                sheet,
                her,
                issued: today(&state),
            })
        }
        Ok(Err(e)) => access_failure(page, e),
        Err(e) => internal(page, e),
    }
}

// ------------------------------------------------------- childcare list

#[derive(Template)]
#[template(path = "groups/childcare.html")]
pub struct ChildcarePage {
    pub page: Page,
    pub month: attendance::ChildcareMonth,
    pub month_start: NaiveDate,
    pub prev: String,
    pub next: String,
}

impl ChildcarePage {
    pub fn month_name(&self) -> String {
        i18n::format_month(self.page.lang, self.month_start)
    }

    /// Her age on the first session of the month (or the first of the month).
    pub fn age(&self, c: &attendance::ChildLine) -> String {
        let on = self
            .month
            .sessions
            .first()
            .map_or(self.month_start, |s| s.held_on);
        match c.birth_date {
            Some(b) if b <= on => self
                .page
                .t_count("age-years", i64::from(domain::identity::age_on(b, on))),
            _ => "–".into(),
        }
    }

    pub fn care(&self, c: &attendance::ChildLine) -> String {
        let on = self
            .month
            .sessions
            .first()
            .map_or(self.month_start, |s| s.held_on);
        match c.birth_date {
            Some(b) if b <= on && domain::identity::age_on(b, on) < 7 => {
                self.page.t("coded-group-kind-childcare")
            }
            Some(b) if b <= on && domain::identity::age_on(b, on) < 18 => {
                self.page.t("coded-group-kind-childrens_group")
            }
            _ => "–".into(),
        }
    }

    pub fn times(&self, s: &GroupSession) -> String {
        format!("{}–{}", hm(&s.starts_at), hm(&s.ends_at))
    }
}

#[derive(Deserialize)]
pub struct MonthQuery {
    #[serde(default)]
    pub month: Option<String>,
}

/// The childcare planning of a group for a month.
pub async fn childcare(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
    axum::extract::Query(q): axum::extract::Query<MonthQuery>,
) -> Response {
    let day = today(&state);
    let this_month = NaiveDate::from_ymd_opt(
        chrono::Datelike::year(&day),
        chrono::Datelike::month(&day),
        1,
    )
    .unwrap_or(day);
    let month_start = q
        .month
        .as_deref()
        .and_then(|m| NaiveDate::parse_from_str(&format!("{m}-01"), "%Y-%m-%d").ok())
        .unwrap_or(this_month);
    let (at, writer) = origin_parts(&state);
    let (actor, gid) = (me.actor.clone(), id.clone());
    let loaded = state
        .db
        .run(move |conn| {
            Ok(attendance::childcare_month(
                conn,
                &actor,
                &gid,
                month_start,
                Origin::new(Some(&address), at).via(&writer),
            ))
        })
        .await;
    let shift = |months: i32| {
        let d = if months < 0 {
            month_start.checked_sub_months(chrono::Months::new(1))
        } else {
            month_start.checked_add_months(chrono::Months::new(1))
        };
        d.map(|d| format!("/groups/{id}/childcare?month={}", d.format("%Y-%m")))
            .unwrap_or_default()
    };
    match loaded {
        Ok(Ok(month)) => render(&ChildcarePage {
            page,
            month,
            month_start,
            prev: shift(-1),
            next: shift(1),
        }),
        Ok(Err(e)) => failure(page, e),
        Err(e) => internal(page, e),
    }
}

// -------------------------------------------------------------------- API

fn api_error(e: GroupError) -> ApiError {
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
