//! Team, steering and partner meetings: the list, recording one (who came,
//! the agenda, decisions with an owner and a due day), a meeting's page
//! with its decisions (marked done by their owners) and, for a team
//! meeting about a group, the review of its participants one by one with
//! a note filed in each one's journal.

use super::{date_of, form_with, run, sections};
use crate::AppState;
use crate::auth::CurrentUser;
use crate::client::ClientIp;
use crate::forms::{Choice, FormState, Pairs, codes};
use crate::pages::{Page, internal, render, see_other};
use crate::participants::access_failure;
use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use db::network::meetings::{
    self, DecisionInput, Meeting, MeetingError, MeetingInput, MeetingLine, ReviewLine,
};
use domain::model::Role;
use domain::network::MeetingKind;
use domain::participant::FieldError;
use serde::Deserialize;

fn manages(role: Option<Role>) -> bool {
    matches!(role, Some(Role::Coordinator | Role::Casemanager))
}

#[derive(Template)]
#[template(path = "network/meetings.html")]
pub struct ListPage {
    pub page: Page,
    pub sections: Vec<(&'static str, &'static str)>,
    pub lines: Vec<MeetingLine>,
    pub may_manage: bool,
}

/// `GET /network/meetings`.
pub async fn list(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
) -> Response {
    let actor = me.actor.clone();
    let found = run(&state, address, move |conn, origin| {
        meetings::list(conn, &actor, origin)
    })
    .await;
    match found {
        Ok(Ok(lines)) => render(&ListPage {
            sections: sections(me.actor.role()),
            may_manage: manages(me.actor.role()),
            page,
            lines,
        }),
        Ok(Err(e)) => access_failure(page, e),
        Err(e) => internal(page, e),
    }
}

#[derive(Template)]
#[template(path = "network/meeting_new.html")]
pub struct NewPage {
    pub page: Page,
    pub sections: Vec<(&'static str, &'static str)>,
    pub form: FormState,
    pub kinds: Vec<Choice>,
    pub staff: Vec<(String, String)>,
    pub partners: Vec<(String, String)>,
    pub groups: Vec<Choice>,
    pub owners: Vec<Choice>,
}

async fn new_page(
    state: &AppState,
    address: String,
    page: Page,
    me: &crate::auth::Signed,
    form: FormState,
) -> Response {
    let actor = me.actor.clone();
    let found = run(state, address, move |conn, origin| {
        let org = db::groups::require(
            conn,
            &actor,
            domain::policy::Action::ManageMeetings,
            "meeting.form",
            origin,
        )?;
        let staff = meetings::staff(conn, &org)?;
        let partners = db::network::referrals::partner_choices(conn, &org, None)?;
        let groups = meetings::group_choices(conn, &org)?;
        Ok::<_, db::participants::AccessError>((staff, partners, groups))
    })
    .await;
    let (staff, partners, groups) = match found {
        Ok(Ok(x)) => x,
        Ok(Err(e)) => return access_failure(page, e),
        Err(e) => return internal(page, e),
    };
    let has_errors = form.has_errors();
    let body = render(&NewPage {
        sections: sections(me.actor.role()),
        page,
        form,
        kinds: Choice::coded("meeting", codes(MeetingKind::ALL, MeetingKind::code)),
        owners: staff
            .iter()
            .map(|(id, n)| Choice::literal(id.clone(), n.clone()))
            .collect(),
        staff,
        partners,
        groups: groups
            .into_iter()
            .map(|(id, n)| Choice::literal(id, n))
            .collect(),
    });
    super::refused_if(has_errors, body)
}

/// `GET /network/meetings/new`.
pub async fn new_form(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
) -> Response {
    let mut form = FormState::default();
    form.set("meeting_kind", "team");
    form.set("held_on", state.clock.today().to_string());
    form.set(&format!("staff_ids:{}", me.actor.user_id()), "yes");
    new_page(&state, address, page, &me, form).await
}

/// Decisions typed in the new-meeting form: up to three rows.
const DECISION_ROWS: usize = 3;

/// `POST /network/meetings`.
pub async fn create(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let p = Pairs(pairs);
    let Some(held_on) = date_of(p.get("held_on")) else {
        let form = form_with(
            &p,
            vec![FieldError {
                field: "held_on",
                code: "invalid-date",
            }],
        );
        return new_page(&state, address, page, &me, form).await;
    };
    let some = |k: &str| Some(p.get(k).trim().to_owned()).filter(|v| !v.is_empty());
    let input = MeetingInput {
        kind: p.get("meeting_kind").to_owned(),
        held_on,
        title: p.get("title").to_owned(),
        agenda: p.get("agenda").to_owned(),
        staff_ids: p.all("staff_ids").into_iter().map(str::to_owned).collect(),
        partner_ids: p
            .all("partner_ids")
            .into_iter()
            .map(str::to_owned)
            .collect(),
        others: p.get("others").to_owned(),
        group_id: some("group_id"),
        decisions: (0..DECISION_ROWS)
            .map(|i| DecisionInput {
                decision: p.get(&format!("decision_{i}")).to_owned(),
                owner_id: some(&format!("owner_{i}")),
                due_on: date_of(p.get(&format!("due_{i}"))),
            })
            .collect(),
    };
    let actor = me.actor.clone();
    let saved = run(&state, address.clone(), move |conn, origin| {
        meetings::create(conn, &actor, &input, origin)
    })
    .await;
    match saved {
        Ok(Ok(id)) => see_other(&format!("/network/meetings/{id}")),
        Ok(Err(MeetingError::Invalid(errors))) => {
            new_page(&state, address, page, &me, form_with(&p, errors)).await
        }
        Ok(Err(MeetingError::Access(e))) => access_failure(page, e),
        Err(e) => internal(page, e),
    }
}

#[derive(Template)]
#[template(path = "network/meeting.html")]
pub struct ShowPage {
    pub page: Page,
    pub sections: Vec<(&'static str, &'static str)>,
    pub m: Meeting,
    pub review: Vec<ReviewLine>,
    pub owners: Vec<Choice>,
    pub may_manage: bool,
    pub me: String,
    pub saved: bool,
    pub form: FormState,
}

impl ShowPage {
    pub fn review_status(&self, l: &ReviewLine) -> String {
        let mut parts = Vec::new();
        if let Some(s) = &l.status {
            parts.push(self.page.t(&format!("status-{s}")));
        }
        if let Some(p) = &l.phase_code {
            parts.push(self.page.t(&format!("phase-{p}")));
        }
        if let Some(a) = l.attendance {
            parts.push(self.page.t_count("review-attendance", a));
        }
        parts.push(self.page.t_count("review-open-steps", l.open_steps));
        parts.join(" · ")
    }
}

#[derive(Deserialize, Default)]
pub struct Saved {
    #[serde(default)]
    pub saved: Option<String>,
}

async fn show_page(
    state: &AppState,
    address: String,
    page: Page,
    me: &crate::auth::Signed,
    id: String,
    saved: bool,
    form: FormState,
) -> Response {
    let actor = me.actor.clone();
    let found = run(state, address, move |conn, origin| {
        let m = meetings::show(conn, &actor, &id, origin)?;
        let review = if m.group_id.is_some() {
            meetings::review(conn, &actor, &id, origin)?
        } else {
            Vec::new()
        };
        let org = actor.organisation_id().unwrap_or_default();
        let owners = meetings::staff(conn, org)?;
        Ok::<_, db::participants::AccessError>((m, review, owners))
    })
    .await;
    let (m, review, owners) = match found {
        Ok(Ok(x)) => x,
        Ok(Err(e)) => return access_failure(page, e),
        Err(e) => return internal(page, e),
    };
    let has_errors = form.has_errors();
    let body = render(&ShowPage {
        sections: sections(me.actor.role()),
        may_manage: manages(me.actor.role()),
        me: me.actor.user_id().to_owned(),
        page,
        m,
        review,
        owners: owners
            .into_iter()
            .map(|(id, n)| Choice::literal(id, n))
            .collect(),
        saved,
        form,
    });
    super::refused_if(has_errors, body)
}

/// `GET /network/meetings/{id}`.
pub async fn show(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
    Query(q): Query<Saved>,
) -> Response {
    show_page(
        &state,
        address,
        page,
        &me,
        id,
        q.saved.is_some(),
        FormState::default(),
    )
    .await
}

/// `POST /network/meetings/{id}/decisions`.
pub async fn decide(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let p = Pairs(pairs);
    let d = DecisionInput {
        decision: p.get("decision").to_owned(),
        owner_id: Some(p.get("owner_id").to_owned()).filter(|o| !o.is_empty()),
        due_on: date_of(p.get("due_on")),
    };
    let actor = me.actor.clone();
    let mid = id.clone();
    let saved = run(&state, address.clone(), move |conn, origin| {
        meetings::add_decision(conn, &actor, &mid, &d, origin)
    })
    .await;
    match saved {
        Ok(Ok(_)) => see_other(&format!("/network/meetings/{id}?saved=1#decisions")),
        Ok(Err(MeetingError::Invalid(errors))) => {
            show_page(&state, address, page, &me, id, false, form_with(&p, errors)).await
        }
        Ok(Err(MeetingError::Access(e))) => access_failure(page, e),
        Err(e) => internal(page, e),
    }
}

/// `POST /network/decisions/{id}/done`: back to where it was marked.
pub async fn done(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let back = Pairs(pairs).get("back").to_owned();
    let today = state.clock.today();
    let actor = me.actor.clone();
    let done = run(&state, address, move |conn, origin| {
        meetings::decision_done(conn, &actor, &id, today, origin)
    })
    .await;
    // Only our own pages to go back to.
    let back = if back.starts_with("/network/meetings/") || back == "/dashboard" {
        back
    } else {
        "/dashboard".to_owned()
    };
    match done {
        Ok(Ok(())) => see_other(&back),
        Ok(Err(e)) => access_failure(page, e),
        Err(e) => internal(page, e),
    }
}

/// `POST /network/meetings/{id}/review/{participant}`: the team's note,
/// filed in her journal.
pub async fn review_note(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Path((id, participant)): Path<(String, String)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let p = Pairs(pairs);
    let note = p.get("note").to_owned();
    let actor = me.actor.clone();
    let mid = id.clone();
    let pid = participant.clone();
    let saved = run(&state, address.clone(), move |conn, origin| {
        meetings::file_review(conn, &actor, &mid, &pid, &note, origin)
    })
    .await;
    match saved {
        Ok(Ok(_)) => see_other(&format!("/network/meetings/{id}?saved=1#p-{participant}")),
        Ok(Err(MeetingError::Invalid(errors))) => {
            let mut form = form_with(&p, errors);
            form.set("review_of", participant);
            show_page(&state, address, page, &me, id, false, form).await
        }
        Ok(Err(MeetingError::Access(e))) => access_failure(page, e),
        Err(e) => internal(page, e),
    }
}
