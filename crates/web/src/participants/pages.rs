//! The participant file's pages: search and list, a new file with the
//! duplicate check, the file, its edit form with conflict detection, the
//! household and consents, the contact journal, break the glass.

use super::{Check, access_failure, allowed_page, edit_failure, origin_parts, programme_choices};
use crate::AppState;
use crate::auth::CurrentUser;
use crate::client::ClientIp;
use crate::forms::{Choice, FormState, Pairs, codes};
use crate::pages::{Page, internal, render, see_other};
use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use db::models::{AuditEntry, JournalEntry};
use db::participants::file::{self, EditError};
use db::participants::journal::{self, NewContact};
use db::participants::search::{self, Candidate, SearchPage, SearchQuery};
use db::participants::trajectory::{self, Load, NewTrajectory};
use db::participants::{AccessError, Origin, ParticipantFile};
use domain::model::Role;
use domain::participant::{
    Channel, ConsentScope, ContactMode, Education, FileInput, Gender, HeardVia, IncomeKind,
    LabourStatus, LanguageLevel, LifeDomain, ReadingLevel, ReferralSource, ResidenceStatus,
    SensitiveAnswer, parse_date,
};
use domain::policy::Action;
use serde::Deserialize;

/// The choices of every select of the file's form.
pub struct FileChoices {
    pub gender: Vec<Choice>,
    pub grammatical_gender: Vec<Choice>,
    pub language: Vec<Choice>,
    pub reading_level: Vec<Choice>,
    pub channel: Vec<Choice>,
    pub income: Vec<Choice>,
    pub referral_source: Vec<Choice>,
    pub heard_via: Vec<Choice>,
    pub labour_status: Vec<Choice>,
    pub education: Vec<Choice>,
    pub yes_no: Vec<Choice>,
    pub residence_status: Vec<Choice>,
    pub sensitive_answer: Vec<Choice>,
    pub level: Vec<Choice>,
    pub spoken: Vec<Choice>,
}

/// Languages offered for "languages spoken": Belgium's, and those most
/// spoken by newcomers. Labelled `spoken-<code>`.
pub const SPOKEN: &[&str] = &[
    "nl", "fr", "de", "en", "ar", "tr", "ber", "ru", "uk", "fa", "prs", "ps", "ti", "so", "ku",
    "es", "pt", "pl", "ro", "bg", "sq", "ln", "sw",
];

impl FileChoices {
    pub fn new() -> Self {
        Self {
            gender: Choice::coded("gender", codes(Gender::ALL, Gender::code)),
            grammatical_gender: Choice::coded(
                "grammatical-gender",
                codes(
                    domain::model::GrammaticalGender::ALL,
                    domain::model::GrammaticalGender::code,
                ),
            ),
            language: domain::model::Language::ALL
                .iter()
                .map(|l| Choice::keyed(l.code(), format!("language-name-{}", l.code())))
                .collect(),
            reading_level: Choice::coded("reading", codes(ReadingLevel::ALL, ReadingLevel::code)),
            channel: Choice::coded("channel", codes(Channel::ALL, Channel::code)),
            income: Choice::coded("income", codes(IncomeKind::ALL, IncomeKind::code)),
            referral_source: Choice::coded(
                "referral",
                codes(ReferralSource::ALL, ReferralSource::code),
            ),
            heard_via: Choice::coded("heard", codes(HeardVia::ALL, HeardVia::code)),
            labour_status: Choice::coded("labour", codes(LabourStatus::ALL, LabourStatus::code)),
            education: Choice::coded("education", codes(Education::ALL, Education::code)),
            yes_no: Choice::yes_no(),
            residence_status: Choice::coded(
                "residence",
                codes(ResidenceStatus::ALL, ResidenceStatus::code),
            ),
            sensitive_answer: Choice::coded(
                "answer",
                codes(SensitiveAnswer::ALL, SensitiveAnswer::code),
            ),
            level: Choice::coded("level", codes(LanguageLevel::ALL, LanguageLevel::code)),
            spoken: SPOKEN
                .iter()
                .map(|c| Choice::keyed(*c, format!("spoken-{c}")))
                .collect(),
        }
    }
}

impl Default for FileChoices {
    fn default() -> Self {
        Self::new()
    }
}

/// How many "language spoken" rows the form offers.
pub const LANGUAGE_ROWS: usize = 3;

/// The file's input from a form: the language rows become one list.
fn file_input(pairs: &Pairs) -> FileInput {
    let mut input: FileInput = serde_json::from_value(pairs.to_json()).unwrap_or_default();
    let rows: Vec<String> = (1..=LANGUAGE_ROWS)
        .filter_map(|i| {
            let lang = pairs.get(&format!("spoken_{i}")).trim();
            let level = pairs.get(&format!("level_{i}")).trim();
            (!lang.is_empty())
                .then(|| format!("{lang}:{}", if level.is_empty() { "basic" } else { level }))
        })
        .collect();
    if !rows.is_empty() || !pairs.has("languages") {
        input.languages = rows.join(",");
    }
    input
}

/// The form's values from a stored file (to edit it).
fn form_of(record: &ParticipantFile) -> FormState {
    let p = &record.participant;
    let mut f = FormState::default();
    let opt = |v: &Option<String>| v.clone().unwrap_or_default();
    let yn = |v: Option<bool>| match v {
        Some(true) => "yes".to_owned(),
        Some(false) => "no".to_owned(),
        None => String::new(),
    };
    for (k, v) in [
        ("first_name", p.first_name.clone()),
        ("last_name", p.last_name.clone()),
        ("other_names", p.other_names.clone()),
        (
            "birth_date",
            p.birth_date.map(|d| d.to_string()).unwrap_or_default(),
        ),
        ("gender", p.gender.clone()),
        ("grammatical_gender", opt(&p.grammatical_gender)),
        ("language", p.language.clone()),
        ("reading_level", opt(&p.reading_level)),
        ("nationality", opt(&p.nationality)),
        ("phone", opt(&p.phone)),
        ("email", opt(&p.email)),
        ("channel", p.channel.clone()),
        ("street", p.street.clone()),
        ("postal_code", p.postal_code.clone()),
        ("municipality", p.municipality.clone()),
        ("income", opt(&p.income)),
        ("referral_source", opt(&p.referral_source)),
        ("referral_detail", p.referral_detail.clone()),
        ("heard_via", opt(&p.heard_via)),
        ("labour_status", opt(&p.labour_status)),
        ("education", opt(&p.education)),
        ("partner_in_household", yn(p.partner_in_household)),
        ("in_article_60", yn(p.in_article_60)),
        ("small_social_network", yn(p.small_social_network)),
        ("version", p.version.to_string()),
    ] {
        f.set(k, v);
    }
    for (i, l) in record.languages.iter().take(LANGUAGE_ROWS).enumerate() {
        f.set(&format!("spoken_{}", i + 1), l.language.clone());
        f.set(&format!("level_{}", i + 1), l.level.clone());
    }
    if let Some(s) = &record.sensitive {
        for (k, v) in [
            ("national_number", opt(&s.national_number)),
            ("residence_status", opt(&s.residence_status)),
            ("disability", opt(&s.disability)),
            ("minority", opt(&s.minority)),
            ("foreign_background", yn(s.foreign_background)),
            ("homeless", yn(s.homeless)),
            ("vulnerability_note", s.vulnerability_note.clone()),
        ] {
            f.set(k, v);
        }
    }
    f
}

// ---------------------------------------------------------------- list

#[derive(Deserialize, Default)]
pub struct ListQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    programme: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    casemanager: String,
    #[serde(default)]
    page: String,
}

#[derive(Template)]
#[template(path = "participants/list.html")]
pub struct ListPage {
    pub page: Page,
    pub form: FormState,
    pub result: SearchPage,
    pub programmes: Vec<Choice>,
    pub statuses: Vec<Choice>,
    pub casemanagers: Vec<Choice>,
    pub can_create: bool,
    pub prev_href: Option<String>,
    pub next_href: Option<String>,
}

impl ListPage {
    pub fn count_text(&self) -> String {
        self.page.t_count("participants-count", self.result.total)
    }

    pub fn page_text(&self) -> String {
        i18n::t_args(
            self.page.lang,
            "list-page-of",
            &[
                ("page", i18n::Arg::Num(self.result.page)),
                ("pages", i18n::Arg::Num(self.result.pages)),
            ],
        )
    }

    pub fn status_text(&self, status: &Option<String>, phase: &Option<String>) -> String {
        match (status, phase) {
            (Some(s), Some(p)) => format!(
                "{} · {}",
                self.page.t(&format!("status-{s}")),
                self.page.t(&format!("phase-{p}"))
            ),
            (Some(s), None) => self.page.t(&format!("status-{s}")),
            _ => String::new(),
        }
    }
}

fn list_href(q: &ListQuery, page: i64) -> String {
    let pairs = [
        ("q", q.q.as_str()),
        ("programme", q.programme.as_str()),
        ("status", q.status.as_str()),
        ("casemanager", q.casemanager.as_str()),
    ];
    let mut query: Vec<(&str, String)> = pairs
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| (*k, (*v).to_owned()))
        .collect();
    query.push(("page", page.to_string()));
    format!(
        "/participants?{}",
        serde_urlencoded::to_string(&query).unwrap_or_default()
    )
}

pub async fn participants(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Query(q): Query<ListQuery>,
) -> Response {
    let (at, writer) = origin_parts(&state);
    let actor = me.actor.clone();
    let none_if_empty = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
    let query = SearchQuery {
        text: q.q.trim().chars().take(100).collect(),
        programme_id: none_if_empty(&q.programme),
        status: none_if_empty(&q.status),
        phase: None,
        casemanager_id: none_if_empty(&q.casemanager),
        page: q.page.parse().unwrap_or(1),
    };
    let coordinator = me.actor.role() == Some(Role::Coordinator);
    let org = me.actor.organisation_id().unwrap_or_default().to_owned();
    let found = state
        .db
        .run(move |conn| {
            let origin = Origin::new(Some(&address), at).via(&writer);
            let result = search::search(conn, &actor, &query, origin);
            let programmes = db::repo::list_programmes(conn, &org)?;
            let loads = if coordinator {
                trajectory::casemanagers(conn, &org)?
            } else {
                Vec::new()
            };
            Ok((result, programmes, loads))
        })
        .await;
    let (result, programmes, loads) = match found {
        Ok((Ok(r), p, l)) => (r, p, l),
        Ok((Err(e), _, _)) => return access_failure(page, e),
        Err(e) => return internal(page, e),
    };
    let mut form = FormState::default();
    for (k, v) in [
        ("q", &q.q),
        ("programme", &q.programme),
        ("status", &q.status),
        ("casemanager", &q.casemanager),
    ] {
        form.set(k, v.clone());
    }
    let prev_href = (result.page > 1).then(|| list_href(&q, result.page - 1));
    let next_href = (result.page < result.pages).then(|| list_href(&q, result.page + 1));
    render(&ListPage {
        page,
        form,
        result,
        programmes: programme_choices(&programmes),
        statuses: Choice::coded(
            "status",
            domain::model::TrajectoryStatus::ALL
                .iter()
                .map(|s| s.code()),
        )
        .into_iter()
        .map(|c| Choice::keyed(c.value.clone(), format!("status-{}", c.value)))
        .collect(),
        casemanagers: loads
            .into_iter()
            .map(|(id, name)| Choice::literal(id, name))
            .collect(),
        can_create: true,
        prev_href,
        next_href,
    })
}

// ---------------------------------------------------------------- new file

#[derive(Template)]
#[template(path = "participants/new.html")]
pub struct NewPage {
    pub page: Page,
    pub form: FormState,
    pub choices: FileChoices,
    pub programmes: Vec<Choice>,
    pub casemanagers: Vec<Load>,
    pub duplicates: Vec<Candidate>,
}

impl NewPage {
    pub fn load_text(&self, load: &Load) -> String {
        i18n::t_args(
            self.page.lang,
            "casemanager-load",
            &[
                ("name", i18n::Arg::Str(&load.name)),
                ("count", i18n::Arg::Num(load.open)),
            ],
        )
    }

    pub fn reasons(&self, c: &Candidate) -> String {
        c.reasons
            .iter()
            .map(|r| self.page.t(&format!("duplicate-reason-{r}")))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

async fn new_page(
    state: &AppState,
    page: Page,
    me: &crate::auth::Signed,
    mut form: FormState,
    duplicates: Vec<Candidate>,
) -> Response {
    let org = me.actor.organisation_id().unwrap_or_default().to_owned();
    let loaded = state
        .db
        .run(move |conn| {
            Ok((
                db::repo::list_programmes(conn, &org)?,
                trajectory::casemanager_loads(conn, &org)?,
            ))
        })
        .await;
    let (programmes, loads) = match loaded {
        Ok(x) => x,
        Err(e) => return internal(page, e),
    };
    if form.v("casemanager_id").is_empty() && !form.has_errors() && duplicates.is_empty() {
        // The suggestion: herself if she is a casemanager, else the lightest caseload.
        let suggestion = if me.actor.role() == Some(Role::Casemanager) {
            Some(me.actor.user_id().to_owned())
        } else {
            loads.first().map(|l| l.user_id.clone())
        };
        form.set("casemanager_id", suggestion.unwrap_or_default());
    }
    if form.v("referred_on").is_empty() {
        form.set("referred_on", state.clock.today().to_string());
    }
    let status = if form.has_errors() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else if !duplicates.is_empty() {
        StatusCode::CONFLICT
    } else {
        StatusCode::OK
    };
    let body = render(&NewPage {
        page,
        form,
        choices: FileChoices::new(),
        programmes: programme_choices(&programmes),
        casemanagers: loads,
        duplicates,
    });
    (status, body).into_response()
}

pub async fn new_form(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
) -> Response {
    match allowed_page(
        &state,
        &address,
        &me.actor,
        Check::Org(Action::CreateParticipant, "participant.create"),
        page,
    )
    .await
    {
        Ok(page) => new_page(&state, page, &me, FormState::default(), Vec::new()).await,
        Err(refused) => refused,
    }
}

/// Creates the file and its trajectory in intake, unless people who may be
/// the same person exist and nobody confirmed she is someone else.
pub async fn create(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let page = match allowed_page(
        &state,
        &address,
        &me.actor,
        Check::Org(Action::CreateParticipant, "participant.create"),
        page,
    )
    .await
    {
        Ok(page) => page,
        Err(refused) => return refused,
    };
    let pairs = Pairs(pairs);
    let form = FormState::from_pairs(&pairs);
    let today = state.clock.today();
    let mut errors = Vec::new();
    let facts = match file_input(&pairs).parse(today) {
        Ok(f) => Some(f),
        Err(e) => {
            errors = e;
            None
        }
    };
    let referred_on = parse_date(pairs.get("referred_on")).filter(|d| *d <= today);
    if referred_on.is_none() {
        errors.push(domain::participant::FieldError {
            field: "referred_on",
            code: "invalid-date",
        });
    }
    if pairs.get("programme_id").is_empty() {
        errors.push(domain::participant::FieldError {
            field: "programme_id",
            code: "required",
        });
    }
    let (Some(facts), Some(referred_on), true) = (facts, referred_on, errors.is_empty()) else {
        return new_page(&state, page, &me, form.with_errors(errors), Vec::new()).await;
    };
    let confirmed = pairs.get("distinct") == "yes";
    let trajectory = NewTrajectory {
        programme_id: pairs.get("programme_id").to_owned(),
        // Left empty by a casemanager: her own intake.
        casemanager_id: Some(pairs.get("casemanager_id").to_owned())
            .filter(|s| !s.is_empty())
            .or_else(|| {
                (me.actor.role() == Some(Role::Casemanager)).then(|| me.actor.user_id().to_owned())
            }),
        referred_on,
    };
    let (at, writer) = origin_parts(&state);
    let actor = me.actor.clone();
    let outcome = state
        .db
        .run(move |conn| {
            let origin = Origin::new(Some(&address), at).via(&writer);
            if !confirmed {
                match search::duplicates(conn, &actor, &facts, None, origin) {
                    Ok(d) if !d.is_empty() => return Ok(Err(Ok(d))),
                    Ok(_) => {}
                    Err(e) => return Ok(Err(Err(EditError::Access(e)))),
                }
            }
            Ok(file::create(
                conn,
                &actor,
                &facts,
                Some(&trajectory),
                Origin::new(Some(&address), at),
            )
            .map_err(Err))
        })
        .await;
    match outcome {
        Ok(Ok((_, Some(tid)))) => see_other(&format!("/trajectories/{tid}/intake")),
        Ok(Ok((id, None))) => see_other(&format!("/participants/{id}")),
        Ok(Err(Ok(duplicates))) => new_page(&state, page, &me, form, duplicates).await,
        Ok(Err(Err(EditError::Invalid(e)))) => {
            new_page(&state, page, &me, form.with_errors(e), Vec::new()).await
        }
        Ok(Err(Err(e))) => edit_failure(page, e),
        Err(e) => internal(page, e),
    }
}

// ---------------------------------------------------------------- the file

#[derive(Template)]
#[template(path = "participants/file.html")]
pub struct FilePage {
    pub page: Page,
    pub record: ParticipantFile,
    pub today: NaiveDate,
    pub can_audit: bool,
    /// Only a coordinator may break the glass.
    pub can_break_glass: bool,
    /// Confidential lines shown after breaking the glass (this answer only).
    pub revealed: Vec<JournalEntry>,
    pub reason: String,
    pub reason_error: bool,
    /// The forms on the file (journal, child, adult, consent) with their errors.
    pub form: FormState,
    pub modes: &'static [Choice],
    pub domains: &'static [Choice],
    pub scopes: &'static [Choice],
    pub relations: &'static [Choice],
    pub stop_reasons: &'static [Choice],
    /// For a coordinator: the casemanagers a trajectory can be given to.
    pub casemanagers: Vec<Choice>,
    /// Groups of her open programmes she can be placed in (one step).
    pub groups: Vec<(db::models::Group, i64)>,
    /// The groups she is in or waiting for: (id, name).
    pub memberships: Vec<(String, String)>,
    /// Her latest messages, her personal links, the language of her
    /// messages and the further languages there are texts in.
    pub reach: db::messages::links::Reach,
}

impl FilePage {
    /// When a message went (or is to go), in Brussels time.
    pub fn message_when(&self, m: &db::messages::Message) -> String {
        crate::messages::sent_when(&self.page, m)
    }

    /// "made 24 November 2026 · works until 22 February 2027 · last used ...".
    pub fn link_line(&self, l: &db::messages::links::AccessLink) -> String {
        let day =
            |at: &chrono::NaiveDateTime| self.page.date(&domain::clock::brussels_local(*at).date());
        let mut line = format!("{} {}", self.page.t("links-made"), day(&l.created_at));
        if let Some(e) = &l.expires_at {
            line.push_str(&format!(" · {} {}", self.page.t("links-until"), day(e)));
        }
        if let Some(u) = &l.last_used_at {
            line.push_str(&format!(" · {} {}", self.page.t("links-used"), day(u)));
        }
        line
    }

    pub fn withheld_text(&self) -> String {
        self.page
            .t_count("journal-withheld", self.record.confidential_withheld as i64)
    }

    /// "On 22 November 2026, 14:05 Cora broke the glass: <reason>".
    pub fn glass_line(&self, entry: &AuditEntry) -> String {
        let when = i18n::format_datetime(self.page.lang, entry.at.and_utc());
        i18n::t_args(
            self.page.lang,
            "glass-break-line",
            &[
                ("date", i18n::Arg::Str(&when)),
                ("name", i18n::Arg::Str(&entry.actor_label)),
                ("reason", i18n::Arg::Str(&entry.detail)),
            ],
        )
    }

    pub fn age(&self, born: &NaiveDate) -> i64 {
        i64::from(domain::identity::age_on(*born, self.today))
    }

    pub fn child_line(&self, c: &db::models::Child) -> String {
        match c.birth_date {
            Some(born) => format!(
                "{}: {} ({})",
                c.first_name,
                self.page.t_count("age-years", self.age(&born)),
                self.page.date(&born)
            ),
            None => format!("{}: {}", c.first_name, self.page.t("child-birth-unknown")),
        }
    }

    pub fn coded(&self, kind: &str, code: &Option<String>) -> String {
        match code {
            Some(c) if !c.is_empty() => self.page.t(&format!("coded-{kind}-{c}")),
            _ => self.page.t("value-not-given"),
        }
    }

    pub fn gender(&self) -> String {
        self.coded("gender", &Some(self.record.participant.gender.clone()))
    }

    pub fn channel(&self) -> String {
        self.coded("channel", &Some(self.record.participant.channel.clone()))
    }

    pub fn language(&self) -> String {
        self.page.t(&format!(
            "language-name-{}",
            self.record.participant.language
        ))
    }

    pub fn address(&self) -> String {
        let p = &self.record.participant;
        self.text_or_dash(&format!(
            "{} {} {}",
            p.street, p.postal_code, p.municipality
        ))
    }

    pub fn yes_no(&self, v: &Option<bool>) -> String {
        match v {
            Some(true) => self.page.t("coded-answer-yes"),
            Some(false) => self.page.t("coded-answer-no"),
            None => self.page.t("value-not-given"),
        }
    }

    pub fn text_or_dash(&self, v: &str) -> String {
        if v.trim().is_empty() {
            self.page.t("value-not-given")
        } else {
            v.to_owned()
        }
    }

    pub fn phone(&self) -> String {
        match &self.record.participant.phone {
            Some(p) => domain::identity::PhoneNumber::parse(p)
                .map(|p| p.display())
                .unwrap_or_else(|_| p.clone()),
            None => self.page.t("value-not-given"),
        }
    }

    pub fn national_number(&self) -> String {
        match self
            .record
            .sensitive
            .as_ref()
            .and_then(|s| s.national_number.as_deref())
        {
            Some(n) => domain::identity::NationalNumber::parse(n)
                .map(|n| n.formatted())
                .unwrap_or_else(|_| n.to_owned()),
            None => self.page.t("value-not-given"),
        }
    }

    pub fn nationality(&self) -> String {
        match &self.record.participant.nationality {
            Some(n) => {
                let eu = domain::participant::Nationality::parse(n)
                    .map(|n| n.is_eu())
                    .unwrap_or(false);
                format!(
                    "{n} ({})",
                    self.page.t(if eu {
                        "nationality-eu"
                    } else {
                        "nationality-non-eu"
                    })
                )
            }
            None => self.page.t("value-not-given"),
        }
    }

    pub fn languages_text(&self) -> String {
        if self.record.languages.is_empty() {
            return self.page.t("value-not-given");
        }
        self.record
            .languages
            .iter()
            .map(|l| {
                format!(
                    "{} ({})",
                    self.page.t(&format!("spoken-{}", l.language)),
                    self.page.t(&format!("coded-level-{}", l.level))
                )
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    pub fn consent_line(&self, c: &db::models::Consent) -> String {
        let scope = self.page.t(&format!("coded-consent-{}", c.scope));
        let scope = if c.partner_name.is_empty() {
            scope
        } else {
            format!("{scope}: {}", c.partner_name)
        };
        let given = self
            .page
            .t_str("consent-given-on", "date", &self.page.date(&c.given_on));
        match c.withdrawn_on {
            Some(w) => format!(
                "{scope} · {given} · {}",
                self.page
                    .t_str("consent-withdrawn-on", "date", &self.page.date(&w))
            ),
            None => format!("{scope} · {given}"),
        }
    }

    pub fn journal_meta(&self, e: &JournalEntry) -> String {
        let mut parts = vec![
            self.page.date(&e.written_on),
            self.page.t(&format!("coded-mode-{}", e.mode)),
        ];
        if let Some(m) = e.duration_minutes {
            parts.push(self.page.t_count("minutes", i64::from(m)));
        }
        for d in e.domains.split(',').filter(|d| !d.is_empty()) {
            parts.push(self.page.t(&format!("coded-domain-{d}")));
        }
        if e.interpreter {
            parts.push(self.page.t("journal-interpreter"));
        }
        if e.mediator {
            parts.push(self.page.t("journal-mediator"));
        }
        parts.join(" · ")
    }

    pub fn phase_text(&self, t: &db::participants::TrajectoryView) -> String {
        let status = self.page.t(&format!("status-{}", t.trajectory.status));
        match (&t.phase_code, t.trajectory.phase) {
            (Some(code), Some(n)) => i18n::t_args(
                self.page.lang,
                "trajectory-phase-line",
                &[
                    ("status", i18n::Arg::Str(&status)),
                    (
                        "phase",
                        i18n::Arg::Str(&self.page.t(&format!("phase-{code}"))),
                    ),
                    ("number", i18n::Arg::Num(i64::from(n))),
                    ("count", i18n::Arg::Num(i64::from(t.phase_count))),
                ],
            ),
            _ => status,
        }
    }

    /// The phases a trajectory may move to (1-based), other than the current.
    pub fn next_phases(&self, t: &db::participants::TrajectoryView) -> Vec<i64> {
        if t.trajectory.status != "active" {
            return Vec::new();
        }
        (1..=t.phase_count)
            .filter(|p| Some(*p) != t.trajectory.phase)
            .map(i64::from)
            .collect()
    }

    pub fn event_line(&self, e: &db::models::TrajectoryEvent) -> String {
        format!(
            "{}: {}{}",
            self.page.date(&e.happened_on),
            self.page.t(&format!("status-{}", e.to_status)),
            e.phase
                .map(|p| format!(" ({})", self.page.t_count("phase-number", i64::from(p))))
                .unwrap_or_default()
        )
    }
}

/// The options of the forms on a file: the same for every file, so built
/// once rather than per view.
struct FileForms {
    modes: Vec<Choice>,
    domains: Vec<Choice>,
    scopes: Vec<Choice>,
    relations: Vec<Choice>,
    stop_reasons: Vec<Choice>,
}

static FILE_FORMS: std::sync::LazyLock<FileForms> = std::sync::LazyLock::new(|| {
    let mut modes = Choice::coded("mode", codes(ContactMode::ALL, ContactMode::code));
    // A team review is filed by the meeting, not typed as a contact.
    modes.retain(|m| m.value != ContactMode::TeamReview.code());
    FileForms {
        modes,
        domains: Choice::coded("domain", codes(LifeDomain::ALL, LifeDomain::code)),
        scopes: Choice::coded("consent", codes(ConsentScope::ALL, ConsentScope::code)),
        relations: Choice::coded("relation", ["partner", "parent", "adult_child", "other"]),
        stop_reasons: Choice::coded(
            "stop",
            codes(
                domain::lifecycle::StopReason::ALL,
                domain::lifecycle::StopReason::code,
            ),
        ),
    }
});

/// Reads the file (recorded) and renders it, with the given form state.
#[allow(clippy::too_many_arguments)]
async fn show_file(
    state: &AppState,
    address: String,
    page: Page,
    me: &crate::auth::Signed,
    id: String,
    form: FormState,
    status: StatusCode,
    revealed: Vec<JournalEntry>,
    reason: String,
    reason_error: bool,
) -> Response {
    let (at, writer) = origin_parts(state);
    let actor = me.actor.clone();
    let role = me.actor.role();
    let coordinator = role == Some(Role::Coordinator);
    let org = me.actor.organisation_id().unwrap_or_default().to_owned();
    let (generation, kept) = (state.choices.generation(), state.choices.get(&org));
    let fresh = kept.is_none();
    let read = state
        .db
        .run(move |conn| {
            let wants = db::participants::PageWants {
                casemanagers: coordinator,
                now: at,
                choices: kept,
            };
            let origin = Origin::new(Some(&address), at).via(&writer);
            Ok(db::participants::read_file_page(
                conn, &actor, &id, origin, wants,
            ))
        })
        .await;
    let (record, extras) = match read {
        Ok(Ok(read)) => read,
        Ok(Err(e)) => return access_failure(page, e),
        Err(e) => return internal(page, e),
    };
    let db::participants::PageExtras {
        casemanagers,
        placement: (groups, memberships),
        reach,
        choices,
    } = extras;
    if fresh {
        state.choices.keep(&org, generation, choices);
    }
    let mut form = form;
    if form.v("written_on").is_empty() {
        form.set("written_on", state.clock.today().to_string());
    }
    let body = render(&FilePage {
        page,
        record,
        today: state.clock.today(),
        can_audit: role == Some(Role::Coordinator),
        can_break_glass: role == Some(Role::Coordinator),
        revealed,
        reason,
        reason_error,
        form,
        modes: &FILE_FORMS.modes,
        domains: &FILE_FORMS.domains,
        scopes: &FILE_FORMS.scopes,
        relations: &FILE_FORMS.relations,
        stop_reasons: &FILE_FORMS.stop_reasons,
        casemanagers: casemanagers
            .into_iter()
            .map(|(id, name)| Choice::literal(id, name))
            .collect(),
        groups,
        memberships,
        reach,
    });
    (status, body).into_response()
}

pub async fn participant(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
) -> Response {
    show_file(
        &state,
        address,
        page,
        &me,
        id,
        FormState::default(),
        StatusCode::OK,
        Vec::new(),
        String::new(),
        false,
    )
    .await
}

#[derive(Deserialize)]
pub struct BreakGlassForm {
    #[serde(default)]
    reason: String,
}

/// A coordinator opens confidential lines with a reason (recorded, and shown
/// on the file to the casemanager). The lines appear in this answer only.
pub async fn break_glass(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
    Form(form): Form<BreakGlassForm>,
) -> Response {
    let at = state.clock.now().naive_utc();
    let (actor, reason, pid, ip) = (
        me.actor.clone(),
        form.reason.trim().to_owned(),
        id.clone(),
        address.clone(),
    );
    let revealed = state
        .db
        .run(move |conn| {
            Ok(db::participants::break_glass(
                conn,
                &actor,
                &pid,
                &reason,
                Origin::new(Some(&ip), at),
            ))
        })
        .await;
    let (revealed, reason_error) = match revealed {
        Ok(Ok(lines)) => (lines, false),
        Ok(Err(AccessError::Denied(domain::policy::Denied::BreakGlassReasonRequired))) => {
            (Vec::new(), true)
        }
        Ok(Err(e)) => return access_failure(page, e),
        Err(e) => return internal(page, e),
    };
    let status = if reason_error {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    // The file itself is read (and recorded) after, so it lists this break too.
    show_file(
        &state,
        address,
        page,
        &me,
        id,
        FormState::default(),
        status,
        revealed,
        form.reason,
        reason_error,
    )
    .await
}

// ---------------------------------------------------------------- edit

#[derive(Template)]
#[template(path = "participants/edit.html")]
pub struct EditPage {
    pub page: Page,
    pub id: String,
    pub name: String,
    pub form: FormState,
    pub choices: FileChoices,
    pub with_sensitive: bool,
    /// Set when someone else saved first: the fields that differ now.
    pub conflict: Vec<&'static str>,
}

impl EditPage {
    pub fn language_rows(&self) -> Vec<i64> {
        (1..=LANGUAGE_ROWS as i64).collect()
    }

    pub fn conflict_fields(&self) -> String {
        self.conflict
            .iter()
            .map(|f| self.page.t(&format!("field-{f}")))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

pub async fn edit_form(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
) -> Response {
    let (at, writer) = origin_parts(&state);
    let actor = me.actor.clone();
    let pid = id.clone();
    let read = state
        .db
        .run(move |conn| {
            Ok(db::participants::read_file(
                conn,
                &actor,
                &pid,
                Origin::new(Some(&address), at).via(&writer),
            ))
        })
        .await;
    let record = match read {
        Ok(Ok(f)) => f,
        Ok(Err(e)) => return access_failure(page, e),
        Err(e) => return internal(page, e),
    };
    render(&EditPage {
        page,
        id,
        name: format!(
            "{} {}",
            record.participant.first_name, record.participant.last_name
        ),
        with_sensitive: record.sensitive.is_some(),
        form: form_of(&record),
        choices: FileChoices::new(),
        conflict: Vec::new(),
    })
}

pub async fn update(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let page = match allowed_page(
        &state,
        &address,
        &me.actor,
        Check::Participant(Action::EditParticipant, "participant.update", id.clone()),
        page,
    )
    .await
    {
        Ok(page) => page,
        Err(refused) => return refused,
    };
    let pairs = Pairs(pairs);
    let form = FormState::from_pairs(&pairs);
    let with_sensitive = pairs.has("national_number");
    let name = format!("{} {}", pairs.get("first_name"), pairs.get("last_name"));
    let version: i32 = pairs.get("version").parse().unwrap_or(0);
    let facts = match file_input(&pairs).parse(state.clock.today()) {
        Ok(f) => f,
        Err(errors) => {
            let body = render(&EditPage {
                page,
                id,
                name,
                form: form.with_errors(errors),
                choices: FileChoices::new(),
                with_sensitive,
                conflict: Vec::new(),
            });
            return (StatusCode::UNPROCESSABLE_ENTITY, body).into_response();
        }
    };
    let (at, _) = origin_parts(&state);
    let actor = me.actor.clone();
    let pid = id.clone();
    let saved = state
        .db
        .run(move |conn| {
            Ok(file::update(
                conn,
                &actor,
                &pid,
                version,
                &facts,
                with_sensitive,
                Origin::new(Some(&address), at),
            ))
        })
        .await;
    match saved {
        Ok(Ok(_)) => see_other(&format!("/participants/{id}")),
        Ok(Err(EditError::Conflict(c))) => {
            // Her values stay in the form; the other change is named field by
            // field, and saving again applies hers on top of it.
            let mut form = form;
            form.set("version", c.current.version.to_string());
            let body = render(&EditPage {
                page,
                id,
                name,
                form,
                choices: FileChoices::new(),
                with_sensitive,
                conflict: c.fields,
            });
            (StatusCode::CONFLICT, body).into_response()
        }
        Ok(Err(EditError::Invalid(errors))) => {
            let body = render(&EditPage {
                page,
                id,
                name,
                form: form.with_errors(errors),
                choices: FileChoices::new(),
                with_sensitive,
                conflict: Vec::new(),
            });
            (StatusCode::UNPROCESSABLE_ENTITY, body).into_response()
        }
        Ok(Err(e)) => edit_failure(page, e),
        Err(e) => internal(page, e),
    }
}

// ---------------------------------------------------------------- household, consents, journal

/// After a change on the file: back to it, or the file again with the form's errors.
#[allow(clippy::too_many_arguments)]
pub(crate) async fn after_change<T>(
    state: &AppState,
    address: String,
    page: Page,
    me: &crate::auth::Signed,
    id: String,
    form: FormState,
    result: Result<Result<T, EditError>, db::DbError>,
    anchor: &str,
) -> Response {
    match result {
        Ok(Ok(_)) => see_other(&format!("/participants/{id}#{anchor}")),
        Ok(Err(EditError::Invalid(errors))) => {
            show_file(
                state,
                address,
                page,
                me,
                id,
                form.with_errors(errors),
                StatusCode::UNPROCESSABLE_ENTITY,
                Vec::new(),
                String::new(),
                false,
            )
            .await
        }
        Ok(Err(e)) => edit_failure(page, e),
        Err(e) => internal(page, e),
    }
}

fn optional_date(raw: &str) -> Result<Option<NaiveDate>, ()> {
    if raw.trim().is_empty() {
        Ok(None)
    } else {
        parse_date(raw).map(Some).ok_or(())
    }
}

fn invalid(field: &'static str, code: &'static str) -> EditError {
    EditError::Invalid(vec![domain::participant::FieldError { field, code }])
}

pub async fn add_child(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let pairs = Pairs(pairs);
    let form = FormState::from_pairs(&pairs);
    let (at, _) = origin_parts(&state);
    let (actor, pid, ip) = (me.actor.clone(), id.clone(), address.clone());
    let name = pairs.get("child_first_name").to_owned();
    let born = optional_date(pairs.get("child_birth_date"));
    let notes = pairs.get("child_care_notes").to_owned();
    let result = state
        .db
        .run(move |conn| {
            Ok(match born {
                Ok(born) => file::add_child(
                    conn,
                    &actor,
                    &pid,
                    &name,
                    born,
                    &notes,
                    Origin::new(Some(&ip), at),
                ),
                Err(()) => Err(invalid("child_birth_date", "invalid-date")),
            })
        })
        .await;
    after_change(&state, address, page, &me, id, form, result, "household").await
}

/// The birth date of a child on file without one (the data-problems list links here).
pub async fn set_child_birth_date(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Path((id, child)): Path<(String, String)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let pairs = Pairs(pairs);
    let form = FormState::from_pairs(&pairs);
    let (at, _) = origin_parts(&state);
    let (actor, pid, ip) = (me.actor.clone(), id.clone(), address.clone());
    let born = parse_date(pairs.get("child_birth_date"));
    let result = state
        .db
        .run(move |conn| {
            Ok(match born {
                Some(born) => file::set_child_birth_date(
                    conn,
                    &actor,
                    &pid,
                    &child,
                    born,
                    Origin::new(Some(&ip), at),
                ),
                None => Err(invalid("child_birth_date", "invalid-date")),
            })
        })
        .await;
    after_change(&state, address, page, &me, id, form, result, "household").await
}

/// What childcare staff need to know about a child.
pub async fn set_child_care_notes(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Path((id, child)): Path<(String, String)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let pairs = Pairs(pairs);
    let form = FormState::from_pairs(&pairs);
    let (at, _) = origin_parts(&state);
    let (actor, pid, ip) = (me.actor.clone(), id.clone(), address.clone());
    let notes = pairs.get("child_care_notes").to_owned();
    let result = state
        .db
        .run(move |conn| {
            Ok(file::set_child_care_notes(
                conn,
                &actor,
                &pid,
                &child,
                &notes,
                Origin::new(Some(&ip), at),
            ))
        })
        .await;
    after_change(&state, address, page, &me, id, form, result, "household").await
}

pub async fn add_adult(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let pairs = Pairs(pairs);
    let form = FormState::from_pairs(&pairs);
    let (at, _) = origin_parts(&state);
    let (actor, pid, ip) = (me.actor.clone(), id.clone(), address.clone());
    let (name, relation) = (
        pairs.get("adult_first_name").to_owned(),
        pairs.get("adult_relation").to_owned(),
    );
    let result = state
        .db
        .run(move |conn| {
            Ok(file::add_adult(
                conn,
                &actor,
                &pid,
                &name,
                &relation,
                Origin::new(Some(&ip), at),
            ))
        })
        .await;
    after_change(&state, address, page, &me, id, form, result, "household").await
}

pub async fn give_consent(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let pairs = Pairs(pairs);
    let form = FormState::from_pairs(&pairs);
    let (at, _) = origin_parts(&state);
    let (actor, pid, ip) = (me.actor.clone(), id.clone(), address.clone());
    let scope = pairs.get("consent_scope").parse::<ConsentScope>();
    let partner = pairs.get("consent_partner").to_owned();
    let given = parse_date(pairs.get("consent_given_on"));
    let result = state
        .db
        .run(move |conn| {
            Ok(match (scope, given) {
                (Ok(scope), Some(given)) => file::give_consent(
                    conn,
                    &actor,
                    &pid,
                    scope,
                    &partner,
                    given,
                    Origin::new(Some(&ip), at),
                ),
                (Err(_), _) => Err(invalid("consent_scope", "required")),
                (_, None) => Err(invalid("consent_given_on", "invalid-date")),
            })
        })
        .await;
    after_change(&state, address, page, &me, id, form, result, "consents").await
}

pub async fn withdraw_consent(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Path((id, consent)): Path<(String, String)>,
) -> Response {
    let (at, _) = origin_parts(&state);
    let today = state.clock.today();
    let (actor, pid, ip) = (me.actor.clone(), id.clone(), address.clone());
    let result = state
        .db
        .run(move |conn| {
            Ok(file::withdraw_consent(
                conn,
                &actor,
                &pid,
                &consent,
                today,
                Origin::new(Some(&ip), at),
            ))
        })
        .await;
    after_change(
        &state,
        address,
        page,
        &me,
        id,
        FormState::default(),
        result,
        "consents",
    )
    .await
}

pub async fn add_contact(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let page = match allowed_page(
        &state,
        &address,
        &me.actor,
        Check::Participant(Action::EditParticipant, "journal.add", id.clone()),
        page,
    )
    .await
    {
        Ok(page) => page,
        Err(refused) => return refused,
    };
    let pairs = Pairs(pairs);
    let form = FormState::from_pairs(&pairs);
    let contact = contact_from(&pairs);
    let (at, _) = origin_parts(&state);
    let (actor, pid, ip) = (me.actor.clone(), id.clone(), address.clone());
    let result = state
        .db
        .run(move |conn| {
            Ok(match contact {
                Ok(c) => journal::add(conn, &actor, &pid, &c, Origin::new(Some(&ip), at)),
                Err(e) => Err(e),
            })
        })
        .await;
    after_change(&state, address, page, &me, id, form, result, "journal").await
}

/// A journal entry from the form's fields; field errors for what does not parse.
pub(crate) fn contact_from(pairs: &Pairs) -> Result<NewContact, EditError> {
    let mut errors = Vec::new();
    let mut field = |f: &'static str, code: &'static str| {
        errors.push(domain::participant::FieldError { field: f, code })
    };
    let written_on = parse_date(pairs.get("written_on"));
    if written_on.is_none() {
        field("written_on", "invalid-date");
    }
    let duration = pairs.get("duration_minutes").trim();
    let duration_minutes = if duration.is_empty() {
        None
    } else {
        match duration.parse::<i32>() {
            Ok(m) => Some(m),
            Err(_) => {
                field("duration_minutes", "invalid-duration");
                None
            }
        }
    };
    let mode = pairs.get("mode").parse::<ContactMode>();
    if mode.is_err() {
        field("mode", "invalid-choice");
    }
    let mut domains = Vec::new();
    for d in pairs.all("domains") {
        match d.parse::<LifeDomain>() {
            Ok(d) => domains.push(d),
            Err(_) => {
                field("domains", "invalid-choice");
                break;
            }
        }
    }
    let follow_up_on = optional_date(pairs.get("follow_up_on"));
    if follow_up_on.is_err() {
        field("follow_up_on", "invalid-date");
    }
    match (written_on, mode, follow_up_on, errors.is_empty()) {
        (Some(written_on), Ok(mode), Ok(follow_up_on), true) => Ok(NewContact {
            written_on,
            duration_minutes,
            mode,
            domains,
            interpreter: pairs.get("interpreter") == "yes",
            mediator: pairs.get("mediator") == "yes",
            confidential: pairs.get("confidential") == "yes",
            body: pairs.get("body").to_owned(),
            follow_up: pairs.get("follow_up").to_owned(),
            follow_up_on,
        }),
        _ => Err(EditError::Invalid(errors)),
    }
}
