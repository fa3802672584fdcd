//! Her own page, behind her personal link (no password): her next sessions
//! with pictograms, the place with a map link, childcare, a large "I can't
//! come" button, and "read aloud". Nothing from her file beyond her first
//! name, and nothing of anyone else: every query is scoped to the link's
//! participant. Texts: traject's four languages, an administrator's texts
//! in a further language, else pictograms with her preferred language of
//! the four.

use crate::AppState;
use crate::client::ClientIp;
use crate::pages::render;
use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::http::header::CACHE_CONTROL;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{Datelike, NaiveDate, NaiveTime};
use db::messages::links::Holder;
use db::messages::page::{HerSession, Reported};
use db::messages::texts::Texts;
use domain::groups::ExcuseReason;
use domain::messages::{LinkKind, fill, right_to_left};
use domain::model::Language;
use serde::Deserialize;

/// The pictogram leading each text: the page reads without words too.
fn pictogram(key: &str) -> &'static str {
    match key {
        "page-hello" => "👋",
        "page-link-gone" => "⛔",
        "page-next" => "📅",
        "page-none" => "📭",
        "page-childcare" => "👶",
        "page-cancelled" => "❌",
        "page-map" => "🗺️",
        "page-cant-come" => "🙋",
        "page-why" => "❓",
        "page-reported" | "page-thanks" => "✅",
        "page-read-aloud" => "🔊",
        "page-calendar" => "📲",
        "page-back" => "🔙",
        "page-questions" | "page-answer-start" => "📝",
        "page-next-question" => "➡️",
        "page-skip" => "⏭️",
        "page-finish" => "✅",
        "page-answers-thanks" => "🙏",
        "page-progress" => "📶",
        "kiosk-start" => "▶️",
        "kiosk-next-person" => "🔄",
        "kiosk-who" => "🙋",
        _ => "",
    }
}

fn reason_pictogram(reason: ExcuseReason) -> &'static str {
    match reason {
        ExcuseReason::SickChild => "🤒👶",
        ExcuseReason::OwnHealth => "🤒",
        ExcuseReason::Appointment => "📋",
        ExcuseReason::WorkOrTraining => "💼",
        ExcuseReason::Transport => "🚌",
        ExcuseReason::NoChildcare => "👶❌",
        ExcuseReason::Other => "❓",
    }
}

/// The page's words in her language.
pub struct Words {
    /// The language the page is in (`lang` attribute).
    pub code: String,
    /// One of traject's four, when the page is in it.
    ours: Option<Language>,
    /// Her preferred language of the four: words where a further language
    /// has no text yet.
    base: Language,
    custom: Texts,
}

impl Words {
    fn new(code: &str, base: &str, custom: Texts) -> Self {
        let base = base.parse().unwrap_or(Language::Nl);
        let ours = code.parse::<Language>().ok();
        // A further language without a single text: the page is in her
        // preferred language of the four, pictograms first.
        let code = if ours.is_none() && custom.is_empty() {
            base.code().to_owned()
        } else {
            code.to_owned()
        };
        Self {
            ours: ours.or_else(|| (code == base.code()).then_some(base)),
            code,
            base,
            custom,
        }
    }

    pub fn version(&self) -> &'static str {
        env!("CARGO_PKG_VERSION")
    }

    pub fn dir(&self) -> &'static str {
        if right_to_left(&self.code) {
            "rtl"
        } else {
            "ltr"
        }
    }

    /// The text without its pictogram (`{name}` filled in).
    fn bare(&self, key: &str, name: &str) -> (String, String) {
        if let Some(lang) = self.ours {
            return (
                i18n::t_args(lang, key, &[("name", i18n::Arg::Str(name))]),
                self.code.clone(),
            );
        }
        match self.custom.get(key) {
            Some(t) => (fill(t, &[("name", name)]), self.code.clone()),
            None => (
                i18n::t_args(self.base, key, &[("name", i18n::Arg::Str(name))]),
                self.base.code().to_owned(),
            ),
        }
    }

    /// Pictogram and text.
    pub fn t(&self, key: &str) -> String {
        let (text, _) = self.bare(key, "");
        format!("{} {text}", pictogram(key)).trim().to_owned()
    }

    /// The language a text is shown in, when it is not the page's (a
    /// further language without that text): for its `lang` attribute.
    pub fn lang_of(&self, key: &str) -> String {
        let (_, lang) = self.bare(key, "");
        if lang == self.code {
            String::new()
        } else {
            lang
        }
    }

    fn hello(&self, name: &str) -> String {
        format!(
            "{} {}",
            pictogram("page-hello"),
            self.bare("page-hello", name).0
        )
    }

    fn day(&self, d: NaiveDate) -> String {
        match self.ours {
            Some(lang) => format!(
                "{} {}",
                i18n::weekdays(lang)[d.weekday().num_days_from_monday() as usize],
                i18n::format_date(lang, d)
            ),
            None => format!("{:02}/{:02}/{}", d.day(), d.month(), d.year()),
        }
    }

    fn reason(&self, r: ExcuseReason) -> (String, String) {
        let key = format!("page-reason-{}", r.code());
        (
            format!("{} {}", reason_pictogram(r), self.bare(&key, "").0),
            self.attr(&key),
        )
    }

    /// ` lang=".." dir=".."` for an element whose text falls back to her
    /// language of the four inside a page in a further language (WCAG
    /// 3.1.2); empty otherwise. Codes are two or three letters, safe as is.
    pub fn attr(&self, key: &str) -> String {
        let lang = self.lang_of(key);
        if lang.is_empty() {
            String::new()
        } else {
            format!(" lang=\"{lang}\" dir=\"ltr\"")
        }
    }

    /// The same for the demo warning, always in her language of the four.
    pub fn base_attr(&self) -> String {
        if self.code == self.base.code() {
            String::new()
        } else {
            format!(" lang=\"{}\" dir=\"ltr\"", self.base.code())
        }
    }

    /// The demo warning, in her language of the four.
    pub fn demo_warning(&self) -> String {
        i18n::t(self.ours.unwrap_or(self.base), "demo-warning")
    }
}

fn hm(t: NaiveTime) -> String {
    t.format("%H:%M").to_string()
}

/// A session as the page lists it.
pub struct Line {
    pub id: String,
    pub day: String,
    pub time: String,
    pub place: String,
    pub map: String,
    pub childcare: bool,
    pub cancelled: bool,
    pub reported: bool,
}

fn line(words: &Words, s: &HerSession) -> Line {
    let map = if s.address.is_empty() {
        String::new()
    } else {
        format!(
            "https://www.openstreetmap.org/search?query={}",
            serde_urlencoded::to_string([("q", &s.address)])
                .unwrap_or_default()
                .trim_start_matches("q=")
        )
    };
    Line {
        id: s.id.clone(),
        day: words.day(s.date),
        time: format!("{}–{}", hm(s.start), hm(s.end)),
        place: s.place.clone(),
        map,
        childcare: s.childcare,
        cancelled: s.cancelled,
        reported: s.mark.is_some(),
    }
}

#[derive(Template)]
#[template(path = "messages/own.html")]
struct OwnPage {
    w: Words,
    demo: bool,
    title: String,
    token: String,
    lines: Vec<Line>,
    calendar: String,
    notice: String,
    notice_key: String,
    /// Questionnaires due: trajectory, instrument key, moment, name, and
    /// the name's language when not the page's.
    surveys: Vec<(String, String, String, String, String)>,
}

#[derive(Template)]
#[template(path = "messages/own_absence.html")]
struct AbsencePage {
    w: Words,
    demo: bool,
    title: String,
    token: String,
    line: Line,
    /// Code, label and the label's `lang` attribute.
    reasons: Vec<(String, String, String)>,
}

#[derive(Template)]
#[template(path = "messages/own_gone.html")]
struct GonePage {
    w: Words,
    demo: bool,
    title: String,
    text: String,
}

/// A plain answer in the visitor's browser language (no link, no page).
pub(crate) fn gone(
    state: &AppState,
    lang: Language,
    status: StatusCode,
    text_key: &str,
) -> Response {
    let w = Words::new(lang.code(), lang.code(), Texts::new());
    let view = GonePage {
        title: w.t("page-link-gone"),
        text: w.t(text_key),
        w,
        demo: state.demo,
    };
    (status, no_store(render(&view))).into_response()
}

pub(crate) fn no_store(mut r: Response) -> Response {
    // Someone else may use the phone later: nothing kept in its cache.
    r.headers_mut().insert(
        CACHE_CONTROL,
        axum::http::HeaderValue::from_static("no-store"),
    );
    r
}

/// Whose the link is, or the answer for a link that does not open (the same
/// for a guessed, expired or revoked one); failures and uses are counted
/// per address and per link.
pub(crate) async fn holder(
    state: &AppState,
    address: &str,
    token: &str,
    lang: Language,
) -> Result<Holder, Response> {
    let now = state.clock.now();
    let use_key = format!("link:{}", token.get(..16).unwrap_or(token));
    if !state.link_limiter.allows(address, now) || !state.link_use_limiter.allows(&use_key, now) {
        return Err(gone(
            state,
            lang,
            StatusCode::TOO_MANY_REQUESTS,
            "page-too-many",
        ));
    }
    let token_owned = token.to_owned();
    let at = now.naive_utc();
    match state
        .db
        .run(move |conn| db::messages::links::resolve(conn, &token_owned, at))
        .await
    {
        Ok(Some(h)) => {
            state.link_use_limiter.failed(&use_key, now);
            Ok(h)
        }
        Ok(None) => {
            state.link_limiter.failed(address, now);
            Err(gone(
                state,
                lang,
                StatusCode::NOT_FOUND,
                "page-link-gone-text",
            ))
        }
        Err(e) => {
            tracing::error!(error = %e, "a personal link could not be read");
            Err(gone(
                state,
                lang,
                StatusCode::INTERNAL_SERVER_ERROR,
                "page-link-gone-text",
            ))
        }
    }
}

/// Her page's holder: a page link (a feed link does not open the page).
pub(crate) async fn her(
    state: &AppState,
    address: &str,
    token: &str,
    lang: Language,
) -> Result<(String, String, String), Response> {
    match holder(state, address, token, lang).await? {
        Holder::Participant {
            organisation_id,
            participant_id,
            link_id,
            kind: LinkKind::Page,
        } => Ok((organisation_id, participant_id, link_id)),
        _ => Err(gone(
            state,
            lang,
            StatusCode::NOT_FOUND,
            "page-link-gone-text",
        )),
    }
}

pub(crate) async fn words_for(state: &AppState, org: &str, language: &str, base: &str) -> Words {
    let custom = if language.parse::<Language>().is_ok() {
        Texts::new()
    } else {
        let (org, language) = (org.to_owned(), language.to_owned());
        state
            .db
            .run(move |conn| db::messages::texts::in_language(conn, &org, &language))
            .await
            .unwrap_or_default()
    };
    Words::new(language, base, custom)
}

#[derive(Deserialize)]
pub struct Shown {
    #[serde(default)]
    done: String,
}

/// `GET /p/{token}`: her page.
pub async fn page(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: crate::pages::Page,
    Path(token): Path<String>,
    Query(shown): Query<Shown>,
) -> Response {
    let (org, pid, _) = match her(&state, &address, &token, page.lang).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let notice = if shown.done == "1" {
        "page-answers-thanks".to_owned()
    } else {
        String::new()
    };
    show(&state, &org, &pid, &token, notice, page.lang).await
}

async fn show(
    state: &AppState,
    org: &str,
    pid: &str,
    token: &str,
    notice_key: String,
    lang: Language,
) -> Response {
    let now = state.clock.now().naive_utc();
    let (o, p) = (org.to_owned(), pid.to_owned());
    let found = state
        .db
        .run(move |conn| db::messages::page::her_page(conn, &o, &p, now))
        .await;
    let her = match found {
        Ok(Some(h)) => h,
        Ok(None) => return gone(state, lang, StatusCode::NOT_FOUND, "page-link-gone-text"),
        Err(e) => {
            tracing::error!(error = %e, "her page could not be read");
            return gone(
                state,
                lang,
                StatusCode::INTERNAL_SERVER_ERROR,
                "page-link-gone-text",
            );
        }
    };
    let w = words_for(state, org, &her.language, &her.base_language).await;
    let lines = her.sessions.iter().map(|s| line(&w, s)).collect();
    let notice = if notice_key.is_empty() {
        String::new()
    } else {
        w.t(&notice_key)
    };
    let surveys = her
        .surveys
        .iter()
        .map(|s| {
            let lang = crate::outcomes::answer::texts_lang(&s.instrument, &w, &her.base_language);
            (
                s.trajectory_id.clone(),
                s.instrument.key.clone(),
                s.moment.code().to_owned(),
                crate::outcomes::name_of(&s.instrument, &lang),
                if lang == w.code { String::new() } else { lang },
            )
        })
        .collect();
    let view = OwnPage {
        surveys,
        title: w.hello(&her.first_name),
        calendar: format!("/calendar/{token}"),
        token: token.to_owned(),
        lines,
        notice,
        notice_key,
        w,
        demo: state.demo,
    };
    no_store(render(&view))
}

/// `GET /p/{token}/absence/{session}`: why she cannot come, one tap each.
pub async fn absence_form(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: crate::pages::Page,
    Path((token, session)): Path<(String, String)>,
) -> Response {
    let (org, pid, _) = match her(&state, &address, &token, page.lang).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let now = state.clock.now().naive_utc();
    let (o, p) = (org.clone(), pid.clone());
    let found = state
        .db
        .run(move |conn| db::messages::page::her_page(conn, &o, &p, now))
        .await;
    let Ok(Some(her)) = found else {
        return gone(
            &state,
            page.lang,
            StatusCode::NOT_FOUND,
            "page-link-gone-text",
        );
    };
    let w = words_for(&state, &org, &her.language, &her.base_language).await;
    let Some(s) = her
        .sessions
        .iter()
        .find(|s| s.id == session && !s.cancelled && s.mark.is_none())
    else {
        return Redirect::to(&format!("/p/{token}")).into_response();
    };
    let view = AbsencePage {
        line: line(&w, s),
        reasons: ExcuseReason::ALL
            .iter()
            .map(|r| {
                let (label, attr) = w.reason(*r);
                (r.code().to_owned(), label, attr)
            })
            .collect(),
        title: w.t("page-cant-come"),
        token,
        w,
        demo: state.demo,
    };
    no_store(render(&view))
}

#[derive(Deserialize)]
pub struct AbsenceForm {
    /// Missing or unknown: she is asked again (after her link is checked).
    #[serde(default)]
    reason: String,
}

/// `POST /p/{token}/absence/{session}`: records the excused absence, tells
/// her casemanager, and shows her page with a thank-you.
pub async fn report_absence(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: crate::pages::Page,
    Path((token, session)): Path<(String, String)>,
    Form(form): Form<AbsenceForm>,
) -> Response {
    let (org, pid, link) = match her(&state, &address, &token, page.lang).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let Ok(reason) = form.reason.parse::<ExcuseReason>() else {
        return Redirect::to(&format!("/p/{token}/absence/{session}")).into_response();
    };
    let now = state.clock.now().naive_utc();
    let (o, p, ip) = (org.clone(), pid.clone(), address.clone());
    let done = state
        .db
        .run(move |conn| {
            db::messages::page::report_absence(
                conn,
                db::messages::page::Her {
                    org: &o,
                    participant_id: &p,
                    link_id: &link,
                },
                &session,
                reason,
                Some(&ip),
                now,
            )
        })
        .await;
    let notice = match done {
        Ok(Reported::Recorded | Reported::AlreadyReported) => "page-thanks",
        Ok(Reported::AlreadyMarked | Reported::NotHers) => "page-not-possible",
        Err(e) => {
            tracing::error!(error = %e, "an absence could not be recorded");
            return gone(
                &state,
                page.lang,
                StatusCode::INTERNAL_SERVER_ERROR,
                "page-not-possible",
            );
        }
    };
    show(&state, &org, &pid, &token, notice.to_owned(), page.lang).await
}
