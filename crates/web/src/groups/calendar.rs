//! The organisation's school calendar: community, school hours, imported
//! school years.

use super::*;

// ---------------------------------------------------------- the calendar

#[derive(Template)]
#[template(path = "groups/calendar.html")]
pub struct CalendarPage {
    pub page: Page,
    pub calendar: Calendar,
    pub hours: SchoolHours,
    pub communities: Vec<Choice>,
    pub regions: Vec<Choice>,
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
    let org = me.actor.organisation_id().unwrap_or_default().to_owned();
    let loaded = state
        .db
        .run(move |conn| {
            let found = repo::calendar::for_manager(
                conn,
                &actor,
                Origin::new(Some(&address), at).via(&writer),
            );
            Ok(match found {
                Ok(x) => repo::calendar::region(conn, &org)
                    .map(|r| (x.0, x.1, r))
                    .map_err(db::participants::AccessError::from),
                Err(e) => Err(e),
            })
        })
        .await;
    match loaded {
        Ok(Ok((calendar, hours, region))) => {
            let mut form = form.unwrap_or_else(|| {
                let mut f = FormState::default();
                f.set("community", calendar.community.code());
                f.set("region", region.unwrap_or_default());
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
                regions: Choice::coded("region", db::reports::pooled::REGIONS),
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
    let region = Some(pairs.get("region").to_owned()).filter(|r| !r.is_empty());
    let done = state
        .db
        .run(move |conn| {
            Ok(repo::calendar::configure(
                conn,
                &actor,
                community,
                hours,
                region.as_deref(),
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
