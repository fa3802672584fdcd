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
use db::groups::sessions::{self, SeriesPreview, SessionDetails, WeekSession};
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
    paths(
        api_groups,
        api_sessions,
        api_attendance,
        api_save_attendance,
        api_practices,
        api_create_practice
    ),
    components(schemas(
        GroupItem,
        SessionItem,
        AttendanceItem,
        MarkBody,
        MarksBody,
        SavedBody,
        PracticeItem,
        PracticeBody,
        CreatedBody
    ))
)]
pub struct Doc;

mod api;
mod calendar;
mod hours;
mod marking;
mod planning;
mod practices;
pub use api::*;
pub use calendar::*;
pub use hours::*;
pub use marking::*;
pub use planning::*;
pub use practices::*;

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
        level: pairs.get("group_level").to_owned(),
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
    /// Whether the policy lets her take attendance here: the link is shown
    /// only to those it would not refuse.
    pub can_mark: bool,
    pub form: FormState,
    pub kinds: Vec<Choice>,
    pub rhythms: Vec<Choice>,
    /// A message after a placement (full group, waiting list position).
    pub notice: Option<String>,
    pub today: NaiveDate,
    /// Conflicts of a single session not saved yet, to keep or change.
    pub conflicts: Vec<String>,
    /// The practice bank, to choose from when planning.
    pub practices: Vec<Choice>,
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

    /// The group's attendance over all marks so far.
    pub fn group_rate(&self) -> String {
        let total = attendance::Rate {
            participant_id: String::new(),
            marked: self.rates.iter().map(|r| r.marked).sum(),
            attended: self.rates.iter().map(|r| r.attended).sum(),
        };
        total
            .percent()
            .map(|p| format!("{p}%"))
            .unwrap_or_else(|| "–".into())
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

/// The group page again with the form's field errors (422, nothing saved).
async fn with_errors(
    state: &AppState,
    address: String,
    page: Page,
    me: &crate::auth::Signed,
    id: String,
    form: FormState,
    errors: Vec<FieldError>,
) -> Response {
    let shown = Shown::with(form.with_errors(errors), StatusCode::UNPROCESSABLE_ENTITY);
    show(state, address, page, me, id, shown).await
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
            let (candidates, practices) = if can_manage {
                (
                    literal(repo::candidates(conn, &actor, &org, &view)?),
                    literal(db::groups::practices::choices(conn, &org)?),
                )
            } else {
                (Vec::new(), Vec::new())
            };
            Ok(Ok((view, sessions, rates, candidates, practices)))
        })
        .await;
    match loaded {
        Ok(Ok((view, sessions, rates, candidates, practices))) => {
            let facilitator_ids: Vec<String> =
                view.facilitators.iter().map(|(id, _)| id.clone()).collect();
            let can_mark = domain::policy::authorize(
                &me.actor,
                domain::policy::Action::TakeAttendance,
                domain::policy::Resource::Group {
                    organisation_id: &view.group.organisation_id,
                    facilitator_ids: &facilitator_ids,
                },
                None,
            )
            .is_ok();
            let body = render(&ShowPage {
                page,
                view,
                sessions,
                rates,
                candidates,
                can_manage,
                can_mark,
                form,
                kinds: Choice::coded("session", codes(SessionKind::ALL, SessionKind::code)),
                rhythms: Choice::coded(
                    "series",
                    ["weekly", "every_two_weeks", "monthly", "spread"],
                ),
                notice,
                today: day,
                conflicts,
                practices,
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
            with_errors(&state, address, page, &me, id, form, errors).await
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
