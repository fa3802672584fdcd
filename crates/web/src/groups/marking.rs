//! The attendance screen (works offline, see `static/attendance.js`) and a
//! facilitator's week.

use super::*;

// ------------------------------------------------------------- attendance

#[derive(Template)]
#[template(path = "groups/attendance.html")]
pub struct AttendancePage {
    pub page: Page,
    pub sheet: Sheet,
    pub reasons: Vec<Choice>,
    pub saved: Option<Saved>,
    pub form_key: String,
    /// What she can answer on a shared tablet: (key, name).
    pub kiosk_instruments: Vec<(String, String)>,
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
            let sheet = attendance::sheet(
                conn,
                &actor,
                &id,
                Origin::new(Some(&address), at).via(&writer),
            );
            let instruments = match &sheet {
                Ok(_) => db::outcomes::instruments::available(
                    conn,
                    actor.organisation_id().unwrap_or_default(),
                )?,
                Err(_) => Vec::new(),
            };
            Ok(sheet.map(|s| (s, instruments)))
        })
        .await;
    match sheet {
        Ok(Ok((sheet, instruments))) => render(&AttendancePage {
            kiosk_instruments: instruments
                .iter()
                .filter(|a| a.instrument.respondent == domain::instruments::Respondent::Participant)
                .map(|a| {
                    (
                        a.instrument.key.clone(),
                        crate::outcomes::name_of(&a.instrument, page.lang.code()),
                    )
                })
                .collect(),
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
