//! The dashboards: a casemanager's day (her people, what is due, new intakes,
//! children's birthdays) and a coordinator's team (caseloads, waiting list,
//! overdue evaluations, unassigned intakes). Other roles get their links.

use crate::AppState;
use crate::auth::CurrentUser;
use crate::client::ClientIp;
use crate::pages::{Page, internal, render};
use crate::participants::{access_failure, origin_parts};
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use chrono::NaiveDate;
use db::dashboard::{CasemanagerDay, TeamView};
use db::participants::Origin;
use domain::model::Role;

#[derive(Template)]
#[template(path = "dashboard/dashboard.html")]
pub struct Dashboard {
    pub page: Page,
    pub name: String,
    pub today: NaiveDate,
    pub day: Option<CasemanagerDay>,
    pub team: Option<TeamView>,
    /// Two unexplained absences in a row: her casemanager should call.
    pub to_call: Vec<db::groups::attendance::ToCall>,
    /// "Phone call" participants to call before their session.
    pub calls: Vec<db::messages::AttentionLine>,
    /// Messages given up in the last two weeks.
    pub failed: Vec<db::messages::AttentionLine>,
    /// Absences her participants reported on their own page.
    pub reported: Vec<db::messages::AttentionLine>,
    /// Questionnaires due for her participants.
    pub measurements: Vec<MeasurementDue>,
    /// Meeting decisions, referrals to follow up, intervision, stale partners.
    pub network: db::network::Due,
}

/// A questionnaire due, as the dashboard lists it.
pub struct MeasurementDue {
    pub participant_id: String,
    pub name: String,
    pub instrument: String,
    pub moment: String,
    pub respondent: String,
    pub day: NaiveDate,
    pub urgency: &'static str,
}

impl Dashboard {
    pub fn caseload_text(&self) -> Option<String> {
        self.day
            .as_ref()
            .map(|d| self.page.t_count("dashboard-caseload", d.caseload))
    }

    pub fn person_status(&self, p: &db::dashboard::PersonLine) -> String {
        let status = self.page.t(&format!("status-{}", p.status));
        match &p.phase_code {
            Some(code) => format!("{status} · {}", self.page.t(&format!("phase-{code}"))),
            None => status,
        }
    }

    pub fn birthday_text(&self, b: &db::dashboard::Birthday) -> String {
        i18n::t_args(
            self.page.lang,
            "dashboard-birthday",
            &[
                ("name", i18n::Arg::Str(&b.child)),
                ("count", i18n::Arg::Num(i64::from(b.age))),
                ("date", i18n::Arg::Str(&self.page.date(&b.on))),
            ],
        )
    }

    pub fn load_text(&self, l: &db::participants::trajectory::Load) -> String {
        i18n::t_args(
            self.page.lang,
            "casemanager-load",
            &[
                ("name", i18n::Arg::Str(&l.name)),
                ("count", i18n::Arg::Num(l.open)),
            ],
        )
    }
}

pub async fn dashboard(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
) -> Response {
    let role = me.actor.role();
    let today = state.clock.today();
    let (at, writer) = origin_parts(&state);
    let actor = me.actor.clone();
    let loaded = state
        .db
        .run(move |conn| {
            let origin = Origin::new(Some(&address), at).via(&writer);
            let to_call = match role {
                Some(Role::Casemanager) => db::groups::attendance::to_call(conn, &actor)?,
                _ => Vec::new(),
            };
            let messages = match role {
                Some(Role::Casemanager) => db::messages::attention(conn, &actor, at)?,
                _ => Default::default(),
            };
            let measurements = match role {
                Some(Role::Casemanager) => {
                    let due = db::outcomes::measurements::due_for_casemanager(conn, &actor, today)?;
                    let all = if due.is_empty() {
                        Vec::new()
                    } else {
                        db::outcomes::instruments::available(
                            conn,
                            actor.organisation_id().unwrap_or_default(),
                        )?
                    };
                    (due, all)
                }
                _ => Default::default(),
            };
            let network = db::network::due(conn, &actor, today)?;
            Ok((
                (to_call, messages, measurements, network),
                match role {
                    Some(Role::Casemanager) => {
                        db::dashboard::casemanager_day(conn, &actor, today, origin)
                            .map(|d| (Some(d), None))
                    }
                    Some(Role::Coordinator) => {
                        db::dashboard::team(conn, &actor, today, origin).map(|t| (None, Some(t)))
                    }
                    _ => Ok((None, None)),
                },
            ))
        })
        .await;
    let ((to_call, attention, (due, instruments), network), (day, team)) = match loaded {
        Ok((to_call, Ok(x))) => (to_call, x),
        Ok((_, Err(e))) => return access_failure(page, e),
        Err(e) => return internal(page, e),
    };
    let lang = page.lang.code();
    let measurements = due
        .into_iter()
        .map(|d| MeasurementDue {
            participant_id: d.participant_id,
            name: format!("{} {}", d.first_name, d.last_name),
            instrument: instruments
                .iter()
                .find(|a| a.instrument.key == d.due.planned.instrument_key)
                .map(|a| crate::outcomes::name_of(&a.instrument, lang))
                .unwrap_or(d.due.planned.instrument_key),
            moment: d.due.planned.moment.code().to_owned(),
            respondent: d.due.planned.respondent.code().to_owned(),
            day: d.due.day,
            urgency: d.due.urgency.code(),
        })
        .collect();
    render(&Dashboard {
        measurements,
        network,
        page,
        name: me.user.display_name,
        today,
        day,
        team,
        to_call,
        calls: attention.calls,
        failed: attention.failed,
        reported: attention.reported,
    })
}
