//! Hours per month and kind with an attestation, and a group's monthly
//! childcare list.

use super::*;

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
    /// Her calendar's QR code (inline SVG), when asked for.
    pub calendar_qr: String,
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
    hours_page(&state, address, page, &me, id, String::new()).await
}

/// The attestation with a QR code that puts her group sessions in her
/// phone's calendar: a new calendar link for her (an edit of her file).
pub async fn hours_with_calendar(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    headers: axum::http::HeaderMap,
    Path(id): Path<String>,
) -> Response {
    let (at, _) = origin_parts(&state);
    let (actor, pid, ip) = (me.actor.clone(), id.clone(), address.clone());
    let made = state
        .db
        .run(move |conn| {
            Ok(db::messages::links::create_for_participant(
                conn,
                &actor,
                &pid,
                Some(domain::messages::LinkKind::Feed),
                Origin::new(Some(&ip), at),
            ))
        })
        .await;
    let token = match made {
        Ok(Ok((_, token))) => token,
        Ok(Err(e)) => return crate::participants::edit_failure(page, e),
        Err(e) => return internal(page, e),
    };
    let qr = crate::messages::links::calendar_qr(&state, &headers, &token, "calendar-qr-caption");
    hours_page(&state, address, page, &me, id, qr).await
}

async fn hours_page(
    state: &AppState,
    address: String,
    page: Page,
    me: &crate::auth::Signed,
    id: String,
    calendar_qr: String,
) -> Response {
    let (at, writer) = origin_parts(state);
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
                issued: today(state),
                calendar_qr,
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
