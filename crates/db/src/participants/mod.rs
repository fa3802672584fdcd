//! Participant files. Every read goes through the policy and leaves an audit
//! entry in the same transaction; a refusal is recorded too.

use crate::audit::{self, AuditWriter, Event, Outcome};
use crate::backend::write_tx;
use crate::error::{DbError, DbResult};
use crate::models::*;
use crate::pool::DbConn;
use crate::schema::*;
use chrono::NaiveDateTime;
use diesel::prelude::*;
use domain::model::{Role, TrajectoryStatus};
use domain::policy::{Action, Actor, Denied, Resource, authorize};
use std::sync::Arc;

pub mod file;
pub mod journal;
pub mod plan;
pub mod search;
pub mod trajectory;

#[derive(Debug, thiserror::Error)]
pub enum AccessError {
    #[error(transparent)]
    Db(#[from] DbError),
    #[error("refused: {0}")]
    Denied(Denied),
}

impl From<diesel::result::Error> for AccessError {
    fn from(e: diesel::result::Error) -> Self {
        AccessError::Db(e.into())
    }
}

/// Where a request comes from, for the trail, and where its read entries go.
#[derive(Clone, Copy)]
pub struct Origin<'a> {
    pub ip: Option<&'a str>,
    pub at: NaiveDateTime,
    /// The group-commit writer; without one, entries of reads are written in
    /// a transaction of their own (command line, tests).
    pub sink: Option<&'a AuditWriter>,
}

impl<'a> Origin<'a> {
    pub fn new(ip: Option<&'a str>, at: NaiveDateTime) -> Self {
        Self { ip, at, sink: None }
    }

    pub fn via(mut self, sink: &'a AuditWriter) -> Self {
        self.sink = Some(sink);
        self
    }

    /// Makes the entries of a read durable before the read's result is used.
    pub fn record(&self, conn: &mut DbConn, events: &[Event<'_>]) -> DbResult<()> {
        match self.sink {
            Some(w) => w.append(events),
            None => write_tx(conn, |conn| audit::record_many(conn, events)),
        }
    }
}

/// One line of a participant list.
#[derive(Debug, Clone)]
pub struct ParticipantSummary {
    pub id: String,
    pub first_name: String,
    pub last_name: String,
    pub language: String,
}

/// A participant file as the reader may see it.
#[derive(Debug, Clone)]
pub struct ParticipantFile {
    pub participant: Participant,
    /// The sensitive facts, for those allowed to see them; `None` otherwise.
    pub sensitive: Option<ParticipantSensitive>,
    pub languages: Vec<SpokenLanguage>,
    pub children: Vec<Child>,
    pub adults: Vec<HouseholdAdult>,
    pub consents: Vec<Consent>,
    pub trajectories: Vec<TrajectoryView>,
    /// Journal lines the reader may see, newest first.
    pub journal: Vec<JournalEntry>,
    /// Confidential lines withheld from this reader.
    pub confidential_withheld: usize,
    /// Every time a coordinator broke the glass on this file: shown to all who
    /// read it, the casemanager first.
    pub glass_breaks: Vec<AuditEntry>,
}

/// A trajectory as the file shows it.
#[derive(Debug, Clone)]
pub struct TrajectoryView {
    pub trajectory: Trajectory,
    pub programme: String,
    /// The code of the current phase while active.
    pub phase_code: Option<String>,
    pub phase_count: i32,
    pub casemanager: Option<String>,
    pub events: Vec<TrajectoryEvent>,
}

/// The trajectories of one participant with their programme, phase and casemanager.
pub(crate) fn trajectory_views(
    conn: &mut DbConn,
    org: &str,
    participant_id: &str,
) -> DbResult<Vec<TrajectoryView>> {
    // Two queries however many trajectories she has: a file is read often.
    // Her programme's phases come as correlated subqueries (how many, and
    // the current one's code) in the same statement: a round trip fewer on
    // PostgreSQL.
    let phase_count = programme_phases::table
        .filter(programme_phases::organisation_id.eq(trajectories::organisation_id))
        .filter(programme_phases::programme_id.eq(trajectories::programme_id))
        .count()
        .single_value();
    let phase_code = programme_phases::table
        .filter(programme_phases::organisation_id.eq(trajectories::organisation_id))
        .filter(programme_phases::programme_id.eq(trajectories::programme_id))
        .filter(
            programme_phases::position
                .nullable()
                .eq(trajectories::phase),
        )
        .select(programme_phases::code)
        .single_value();
    let rows: Vec<ViewRow> = crate::direct!(conn, |c| trajectories::table
        .inner_join(programmes::table.on(programmes::id.eq(trajectories::programme_id)))
        .left_join(users::table.on(trajectories::casemanager_id.eq(users::id.nullable())))
        .filter(trajectories::organisation_id.eq(org))
        .filter(trajectories::participant_id.eq(participant_id))
        .order(trajectories::referred_on.desc())
        .select((
            Trajectory::as_select(),
            programmes::name,
            users::display_name.nullable(),
            phase_count,
            phase_code,
        ))
        .load(c))?;
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    // Through a subquery of her trajectories rather than `IN (ids)`: a
    // statement with a list of binds is prepared anew on each call (SQLite),
    // and a join leaves SQLite free to start from the organisation's side.
    let hers = trajectories::table
        .filter(trajectories::organisation_id.eq(org))
        .filter(trajectories::participant_id.eq(participant_id));
    let events: Vec<TrajectoryEvent> = crate::direct!(conn, |c| trajectory_events::table
        .filter(trajectory_events::organisation_id.eq(org))
        .filter(trajectory_events::trajectory_id.eq_any(hers.select(trajectories::id)))
        .order((
            trajectory_events::created_at.desc(),
            trajectory_events::id.desc(),
        ))
        .select(TrajectoryEvent::as_select())
        .load(c))?;
    Ok(assemble_views(rows, events))
}

/// A trajectory row with its programme's name, casemanager's name, phase
/// count and current phase's code.
type ViewRow = (
    Trajectory,
    String,
    Option<String>,
    Option<i64>,
    Option<String>,
);

/// Hands each trajectory its events (given newest first).
fn assemble_views(rows: Vec<ViewRow>, mut events: Vec<TrajectoryEvent>) -> Vec<TrajectoryView> {
    let mut out = Vec::with_capacity(rows.len());
    for (t, programme, casemanager, phase_count, phase_code) in rows {
        let (mine, rest): (Vec<TrajectoryEvent>, Vec<TrajectoryEvent>) =
            events.into_iter().partition(|e| e.trajectory_id == t.id);
        events = rest;
        out.push(TrajectoryView {
            phase_count: i32::try_from(phase_count.unwrap_or(0)).unwrap_or(i32::MAX),
            trajectory: t,
            programme,
            phase_code,
            casemanager,
            events: mine,
        });
    }
    out
}

/// The casemanagers assigned to a participant through any trajectory.
pub(crate) fn casemanagers_of(
    conn: &mut DbConn,
    org: &str,
    participant_id: &str,
) -> DbResult<Vec<String>> {
    Ok(crate::direct!(conn, |c| trajectories::table
        .filter(trajectories::organisation_id.eq(org))
        .filter(trajectories::participant_id.eq(participant_id))
        .select(trajectories::casemanager_id)
        .load::<Option<String>>(c))?
    .into_iter()
    .flatten()
    .collect())
}

pub(crate) fn refusal<'a>(
    actor: &'a Actor,
    action: &'a str,
    subject: Option<&'a str>,
    why: Denied,
    origin: Origin<'a>,
) -> Event<'a> {
    let event = Event::by(actor, action, origin.ip, origin.at)
        .detail(why.code())
        .outcome(Outcome::Denied);
    match subject {
        Some(id) => event.about("participant", id),
        None => event,
    }
}

fn record_refusal(
    conn: &mut DbConn,
    actor: &Actor,
    action: &str,
    subject: Option<&str>,
    why: Denied,
    origin: Origin<'_>,
) -> DbResult<()> {
    audit::record(conn, &refusal(actor, action, subject, why, origin))
}

pub(crate) type ParticipantQuery =
    participants::BoxedQuery<'static, <DbConn as Connection>::Backend>;

/// Whose participants the actor may list, by the policy: a coordinator all
/// of her organisation's (`None`), a casemanager her own (`Some(her id)`);
/// refused for everyone else.
pub(crate) fn listable(actor: &Actor) -> Result<Option<String>, Denied> {
    let org = actor.organisation_id().unwrap_or_default();
    let grant = authorize(
        actor,
        Action::ListParticipants,
        Resource::Organisation { id: org },
        None,
    )?;
    Ok((grant.actor().role() == Some(Role::Casemanager)).then(|| actor.user_id().to_owned()))
}

/// The participants the actor may list, as a query: a coordinator all of her
/// organisation's, a casemanager her own; refused for everyone else.
pub(crate) fn scope(actor: &Actor) -> Result<ParticipantQuery, Denied> {
    let casemanager = listable(actor)?;
    let org = actor.organisation_id().unwrap_or_default().to_owned();
    let mut q = participants::table
        .filter(participants::organisation_id.eq(org.clone()))
        .into_boxed();
    if let Some(me) = casemanager {
        let mine = trajectories::table
            .filter(trajectories::organisation_id.eq(org))
            .filter(trajectories::casemanager_id.eq(me))
            .select(trajectories::participant_id);
        q = q.filter(participants::id.eq_any(mine));
    }
    Ok(q)
}

/// Runs `run` on the actor's [`scope`] in a read transaction, never holding
/// the write lock; a refusal's entry is durable before the refusal returns.
pub(crate) fn visible<R>(
    conn: &mut DbConn,
    actor: &Actor,
    origin: Origin<'_>,
    run: impl FnOnce(&mut DbConn, ParticipantQuery) -> DbResult<R>,
) -> Result<R, AccessError> {
    match scope(actor) {
        Ok(q) => Ok(crate::backend::read_tx(conn, |conn| run(conn, q))?),
        Err(why) => {
            origin.record(
                conn,
                &[refusal(actor, "participant.list", None, why, origin)],
            )?;
            Err(AccessError::Denied(why))
        }
    }
}

/// The participants the actor may list, by name.
pub fn list(
    conn: &mut DbConn,
    actor: &Actor,
    origin: Origin<'_>,
) -> Result<Vec<ParticipantSummary>, AccessError> {
    visible(conn, actor, origin, |conn, q| {
        let rows: Vec<Participant> = q
            .order((participants::last_name, participants::first_name))
            .select(Participant::as_select())
            .load(conn)?;
        Ok(rows
            .into_iter()
            .map(|p| ParticipantSummary {
                id: p.id,
                first_name: p.first_name,
                last_name: p.last_name,
                language: p.language,
            })
            .collect())
    })
}

/// How many participants the actor may list (the dashboard's caseload),
/// counted by the database.
pub fn count(conn: &mut DbConn, actor: &Actor, origin: Origin<'_>) -> Result<i64, AccessError> {
    visible(conn, actor, origin, |conn, q| {
        Ok(q.count().get_result(conn)?)
    })
}

/// Which of these participants the actor may open the file of, by the
/// policy's rule for a file read: for lists that show names of people she
/// may not all follow (a link to a file she cannot open is only a refusal).
pub fn openable(
    conn: &mut DbConn,
    actor: &Actor,
    org: &str,
    ids: &[String],
) -> DbResult<std::collections::HashSet<String>> {
    // Everyone asked about is judged, also someone without a trajectory
    // (no casemanager: the coordinator's only).
    let mut casemanagers: std::collections::HashMap<String, Vec<String>> =
        ids.iter().map(|id| (id.clone(), Vec::new())).collect();
    if casemanagers.is_empty() {
        return Ok(std::collections::HashSet::new());
    }
    let distinct: Vec<&String> = casemanagers.keys().collect();
    let rows = trajectories::table
        .filter(trajectories::organisation_id.eq(org))
        .filter(trajectories::participant_id.eq_any(distinct))
        .select((trajectories::participant_id, trajectories::casemanager_id))
        .load::<(String, Option<String>)>(conn)?;
    for (participant, casemanager) in rows {
        casemanagers
            .entry(participant)
            .or_default()
            .extend(casemanager);
    }
    Ok(casemanagers
        .into_iter()
        .filter(|(_, theirs)| {
            let her = Resource::Participant {
                organisation_id: org,
                casemanager_ids: theirs,
                facilitator_ids: &[],
            };
            authorize(actor, Action::ReadParticipantFile, her, None).is_ok()
        })
        .map(|(id, _)| id)
        .collect())
}

/// What a read found, before its entries are recorded.
enum Read<T> {
    Shown { value: T, confidential: bool },
    Refused { why: Denied, answer: AccessError },
}

/// Her row and trajectories, for the policy to decide on, and on
/// PostgreSQL the rest of the read from the same statement (see
/// `backend::file_json`): still JSON, parsed only once the policy allows.
struct Head {
    participant: Participant,
    trajectories: Vec<TrajectoryView>,
    rest: Option<(
        crate::backend::FileListsJson,
        Option<crate::backend::FileExtrasJson>,
    )>,
}

/// [`Head`], if she is of the organisation: one statement on PostgreSQL
/// with her lists and, when `page` is set, her page's extras; three
/// queries on SQLite, which reads the rest once the policy allows.
fn file_head(
    conn: &mut DbConn,
    org: &str,
    participant_id: &str,
    page: bool,
) -> DbResult<Option<Head>> {
    let file = crate::backend::FileQuery {
        organisation_id: org,
        participant_id,
        glass_action: BREAK_GLASS,
        glass_outcome: Outcome::Success.code(),
        open: trajectory::OPEN,
    };
    let fetched = if page {
        let page = crate::backend::FilePageQuery {
            file,
            messages: crate::messages::links::REACH_MESSAGES,
        };
        crate::backend::file_page_json(conn, page)?.map(|j| (j.head, j.lists, Some(j.extras)))
    } else {
        crate::backend::file_json(conn, file)?.map(|j| (j.head, j.lists, None))
    };
    if let Some((head, lists, extras)) = fetched {
        let Some((participant, trajectories)) = head_of_json(&head)? else {
            return Ok(None);
        };
        return Ok(Some(Head {
            participant,
            trajectories,
            rest: Some((lists, extras)),
        }));
    }
    let found = crate::direct!(conn, |c| participants::table
        .filter(participants::organisation_id.eq(org))
        .filter(participants::id.eq(participant_id))
        .select(Participant::as_select())
        .first(c))
    .optional()?;
    let Some(participant) = found else {
        return Ok(None);
    };
    Ok(Some(Head {
        participant,
        trajectories: trajectory_views(conn, org, participant_id)?,
        rest: None,
    }))
}

/// Her row and trajectories from PostgreSQL's JSON; `None` when she is not
/// of the organisation.
fn head_of_json(
    json: &crate::backend::FileHeadJson,
) -> DbResult<Option<(Participant, Vec<TrajectoryView>)>> {
    #[derive(serde::Deserialize)]
    struct View {
        trajectory: Trajectory,
        programme: String,
        casemanager: Option<String>,
        phase_count: i64,
        phase_code: Option<String>,
    }
    let Some(participant) = &json.participant else {
        return Ok(None);
    };
    let participant: Participant = parse_json(participant)?;
    let views: Vec<View> = parse_json(&json.trajectories)?;
    let rows = views
        .into_iter()
        .map(|v| {
            (
                v.trajectory,
                v.programme,
                v.casemanager,
                Some(v.phase_count),
                v.phase_code,
            )
        })
        .collect();
    let events = parse_json(&json.events)?;
    Ok(Some((participant, assemble_views(rows, events))))
}

/// Rows PostgreSQL sent as JSON (see `backend.rs`).
pub(crate) fn parse_json<T: serde::de::DeserializeOwned>(text: &str) -> DbResult<T> {
    serde_json::from_str(text)
        .map_err(|e| DbError::Query(diesel::result::Error::DeserializationError(Box::new(e))))
}

/// What a file's page shows beside the file.
#[derive(Debug, PartialEq)]
pub struct PageExtras {
    /// The casemanagers to assign her trajectories to (`(id, name)`), when
    /// asked for and she has an open trajectory; empty otherwise.
    pub casemanagers: Vec<(String, String)>,
    /// The groups she could join, with their member counts, and hers.
    pub placement: (Vec<(Group, i64)>, crate::groups::Named),
    /// Her messages and links.
    pub reach: crate::messages::links::Reach,
    /// The organisation's choices this page was made with: the ones given
    /// in [`PageWants`], or read for it, for the caller to keep.
    pub choices: Arc<OrgChoices>,
}

/// What every file page of an organisation offers alike: the casemanagers
/// to assign a trajectory to (`(id, name)`, by name) and the languages it
/// has message texts in. Read once for many pages (the server keeps it a
/// moment, see [`PageWants::choices`]): on PostgreSQL it was a quarter of a
/// file page's statement (33 casemanagers looked up one by one), the same
/// for every file of the organisation.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OrgChoices {
    pub casemanagers: Vec<(String, String)>,
    pub languages: Vec<String>,
}

/// Reads an organisation's [`OrgChoices`].
pub fn org_choices(conn: &mut DbConn, org: &str) -> DbResult<OrgChoices> {
    Ok(OrgChoices {
        casemanagers: trajectory::casemanagers(conn, org)?,
        languages: crate::messages::texts::languages(conn, org)?
            .into_iter()
            .map(|(l, _)| l)
            .collect(),
    })
}

/// What the page of a file asks for beside it (see [`read_file_page`]).
#[derive(Debug, Clone)]
pub struct PageWants {
    /// The casemanagers to reassign to (a coordinator's page).
    pub casemanagers: bool,
    /// When the page is read: links that no longer work are left out.
    pub now: NaiveDateTime,
    /// The organisation's choices, when the caller still has them from an
    /// earlier page; `None`: read with this one, once the policy allows.
    /// Stale choices are harmless: a reassignment checks its casemanager.
    pub choices: Option<Arc<OrgChoices>>,
}

/// The extras of her page once the file is authorised.
#[derive(Clone, Copy)]
struct ExtrasAsk<'a> {
    participant: &'a Participant,
    casemanagers: bool,
    now: NaiveDateTime,
    choices: &'a Arc<OrgChoices>,
}

impl ExtrasAsk<'_> {
    fn casemanagers(&self) -> Vec<(String, String)> {
        if self.casemanagers {
            self.choices.casemanagers.clone()
        } else {
            Vec::new()
        }
    }
}

/// The page's extras on SQLite, one query each (the caller holds the read
/// transaction).
fn page_extras_one_by_one(conn: &mut DbConn, ask: ExtrasAsk<'_>) -> DbResult<PageExtras> {
    let (org, id) = (
        ask.participant.organisation_id.as_str(),
        ask.participant.id.as_str(),
    );
    Ok(PageExtras {
        casemanagers: ask.casemanagers(),
        placement: crate::groups::placement(conn, org, id)?,
        reach: crate::messages::links::reach_of(
            conn,
            ask.participant,
            ask.now,
            &ask.choices.languages,
        )?,
        choices: ask.choices.clone(),
    })
}

/// The page's extras from PostgreSQL's JSON (see `backend::file_page_json`).
fn page_extras_of_json(
    json: &crate::backend::FileExtrasJson,
    ask: ExtrasAsk<'_>,
) -> DbResult<PageExtras> {
    #[derive(serde::Deserialize)]
    struct Open {
        group: Group,
        members: i64,
    }
    let open: Vec<Open> = parse_json(&json.groups_open)?;
    let links: Vec<crate::messages::links::AccessLink> = parse_json(&json.links)?;
    Ok(PageExtras {
        casemanagers: ask.casemanagers(),
        placement: crate::groups::placeable(
            open.into_iter().map(|o| (o.group, o.members)).collect(),
            parse_json(&json.groups_mine)?,
        ),
        reach: crate::messages::links::Reach {
            messages: parse_json(&json.messages)?,
            links: links.into_iter().filter(|l| l.works(ask.now)).collect(),
            message_language: ask.participant.message_language.clone(),
            languages: ask.choices.languages.clone(),
        },
        choices: ask.choices.clone(),
    })
}

/// A file's lists from PostgreSQL's JSON (see `backend::file_json`); her
/// sensitive row only if the reader may see it.
fn lists_of_json(json: &crate::backend::FileListsJson, sensitive: bool) -> DbResult<FileLists> {
    Ok(FileLists {
        journal: parse_json(&json.journal)?,
        glass_breaks: parse_json(&json.glass_breaks)?,
        children: parse_json(&json.children)?,
        sensitive: match &json.sensitive {
            Some(row) if sensitive => Some(parse_json(row)?),
            _ => None,
        },
        languages: parse_json(&json.languages)?,
        adults: parse_json(&json.adults)?,
        consents: parse_json(&json.consents)?,
    })
}

/// What a file lists beside her row and trajectories.
struct FileLists {
    /// Every line, confidential ones too: the caller withholds them.
    journal: Vec<JournalEntry>,
    glass_breaks: Vec<AuditEntry>,
    children: Vec<Child>,
    /// Her sensitive row, if the reader may see it and it exists.
    sensitive: Option<ParticipantSensitive>,
    languages: Vec<SpokenLanguage>,
    adults: Vec<HouseholdAdult>,
    consents: Vec<Consent>,
}

/// Reads a file's lists, and its page's extras when asked, a query each:
/// on SQLite, once the policy allows (PostgreSQL read them with her head).
fn file_lists(
    conn: &mut DbConn,
    org: &str,
    participant_id: &str,
    sensitive: bool,
    extras: Option<ExtrasAsk<'_>>,
) -> DbResult<(FileLists, Option<PageExtras>)> {
    let journal = crate::direct!(conn, |c| journal_entries::table
        .filter(journal_entries::organisation_id.eq(org))
        .filter(journal_entries::participant_id.eq(participant_id))
        .order((
            journal_entries::written_on.desc(),
            journal_entries::created_at.desc(),
        ))
        .select(JournalEntry::as_select())
        .load(c))?;
    // Served by the (organisation_id, subject_id, action) index: the cost
    // does not grow with the trail. Sorted by the caller: an ORDER BY seq
    // would tempt SQLite into the (organisation_id, action, seq) index,
    // which walks every break-the-glass of the organisation.
    let glass_breaks = crate::direct!(conn, |c| audit_log::table
        .filter(audit_log::organisation_id.eq(org))
        .filter(audit_log::subject_id.eq(participant_id))
        .filter(audit_log::action.eq(BREAK_GLASS))
        .filter(audit_log::outcome.eq(Outcome::Success.code()))
        .select(AuditEntry::as_select())
        .load(c))?;
    let children = crate::direct!(conn, |c| children::table
        .filter(children::organisation_id.eq(org))
        .filter(children::participant_id.eq(participant_id))
        .order(children::birth_date)
        .select(Child::as_select())
        .load(c))?;
    let sensitive = if sensitive {
        crate::direct!(conn, |c| participant_sensitive::table
            .find(participant_id)
            .filter(participant_sensitive::organisation_id.eq(org))
            .select(ParticipantSensitive::as_select())
            .first(c))
        .optional()?
    } else {
        None
    };
    let languages = crate::direct!(conn, |c| participant_languages::table
        .filter(participant_languages::organisation_id.eq(org))
        .filter(participant_languages::participant_id.eq(participant_id))
        .order(participant_languages::language)
        .select(SpokenLanguage::as_select())
        .load(c))?;
    let adults = crate::direct!(conn, |c| household_adults::table
        .filter(household_adults::organisation_id.eq(org))
        .filter(household_adults::participant_id.eq(participant_id))
        .order(household_adults::created_at)
        .select(HouseholdAdult::as_select())
        .load(c))?;
    let consents = crate::direct!(conn, |c| consents::table
        .filter(consents::organisation_id.eq(org))
        .filter(consents::participant_id.eq(participant_id))
        .order(consents::given_on.desc())
        .select(Consent::as_select())
        .load(c))?;
    let lists = FileLists {
        journal,
        glass_breaks,
        children,
        sensitive,
        languages,
        adults,
        consents,
    };
    let extras = extras
        .map(|ask| page_extras_one_by_one(conn, ask))
        .transpose()?;
    Ok((lists, extras))
}

/// Opens a file: authorised by the policy, recorded in the trail. A
/// participant of another organisation is "not found", never "forbidden", so
/// that no one learns which ids exist elsewhere. The file is read in a read
/// transaction; its audit entries are durable before it is returned.
pub fn read_file(
    conn: &mut DbConn,
    actor: &Actor,
    participant_id: &str,
    origin: Origin<'_>,
) -> Result<ParticipantFile, AccessError> {
    read_file_with(conn, actor, participant_id, origin, None).map(|(file, _)| file)
}

/// Opens a file as [`read_file`] does, with what its page shows beside it
/// read in the same statement on PostgreSQL and the same read transaction
/// on SQLite.
pub fn read_file_page(
    conn: &mut DbConn,
    actor: &Actor,
    participant_id: &str,
    origin: Origin<'_>,
    wants: PageWants,
) -> Result<(ParticipantFile, PageExtras), AccessError> {
    let (file, extras) = read_file_with(conn, actor, participant_id, origin, Some(wants))?;
    // Always read when asked for; an error rather than a panic if not.
    let extras = extras
        .ok_or_else(|| AccessError::Db(DbError::Task("the page's extras were not read".into())))?;
    Ok((file, extras))
}

/// [`read_file`], with the page's extras when `wants` is given.
fn read_file_with(
    conn: &mut DbConn,
    actor: &Actor,
    participant_id: &str,
    origin: Origin<'_>,
    wants: Option<PageWants>,
) -> Result<(ParticipantFile, Option<PageExtras>), AccessError> {
    let Some(org) = actor.organisation_id().map(str::to_owned) else {
        let why = Denied::AnalystNoRecords;
        origin.record(
            conn,
            &[refusal(
                actor,
                "participant.read",
                Some(participant_id),
                why,
                origin,
            )],
        )?;
        return Err(AccessError::Denied(why));
    };
    let read = crate::backend::read_tx(conn, |conn| -> DbResult<Read<_>> {
        let Some(Head {
            participant,
            trajectories,
            rest,
        }) = file_head(conn, &org, participant_id, wants.is_some())?
        else {
            // Possibly probing another organisation's ids: worth a line in the trail.
            return Ok(Read::Refused {
                why: Denied::OtherOrganisation,
                answer: AccessError::Db(DbError::NotFound("participant")),
            });
        };
        // Her trajectories name her casemanagers: read with her row, so the
        // policy needs no query of its own (nothing is shown before it allows).
        let casemanagers: Vec<String> = trajectories
            .iter()
            .filter_map(|t| t.trajectory.casemanager_id.clone())
            .collect();
        let resource = Resource::Participant {
            organisation_id: &org,
            casemanager_ids: &casemanagers,
            facilitator_ids: &[],
        };
        if let Err(why) = authorize(actor, Action::ReadParticipantFile, resource, None) {
            return Ok(Read::Refused {
                why,
                answer: AccessError::Denied(why),
            });
        }
        let sees_sensitive = authorize(actor, Action::ReadSensitive, resource, None).is_ok();
        // Only an open trajectory can be reassigned, or place her in a group.
        let any_open = trajectories.iter().any(|t| {
            t.trajectory
                .status
                .parse::<TrajectoryStatus>()
                .is_ok_and(TrajectoryStatus::is_open)
        });
        // The organisation's choices: those the caller kept, else read now.
        let choices = match &wants {
            Some(PageWants {
                choices: Some(kept),
                ..
            }) => Some(kept.clone()),
            Some(_) => Some(Arc::new(org_choices(conn, &org)?)),
            None => None,
        };
        let ask = wants
            .as_ref()
            .zip(choices.as_ref())
            .map(|(w, choices)| ExtrasAsk {
                participant: &participant,
                casemanagers: w.casemanagers && any_open,
                now: w.now,
                choices,
            });
        let read = match rest {
            // PostgreSQL: read with her head (the statement takes the open
            // groups of her open trajectories' programmes itself).
            Some((lists, extras)) => (
                lists_of_json(&lists, sees_sensitive)?,
                match (extras, ask) {
                    (Some(json), Some(ask)) => Some(page_extras_of_json(&json, ask)?),
                    _ => None,
                },
            ),
            None => file_lists(conn, &org, participant_id, sees_sensitive, ask)?,
        };
        let (
            FileLists {
                journal,
                mut glass_breaks,
                children,
                sensitive,
                languages,
                adults,
                consents,
            },
            extras,
        ) = read;
        let confidential = Resource::Confidential {
            organisation_id: &org,
            casemanager_ids: &casemanagers,
        };
        let sees_confidential =
            authorize(actor, Action::ReadConfidential, confidential, None).is_ok();
        let withheld = if sees_confidential {
            0
        } else {
            journal.iter().filter(|j| j.confidential).count()
        };
        let shown_confidential = sees_confidential && journal.iter().any(|j| j.confidential);
        let journal: Vec<JournalEntry> = journal
            .into_iter()
            .filter(|j| sees_confidential || !j.confidential)
            .collect();
        glass_breaks.sort_by_key(|b| std::cmp::Reverse(b.seq));
        let sensitive = sees_sensitive.then(|| {
            sensitive.unwrap_or_else(|| ParticipantSensitive {
                participant_id: participant_id.to_owned(),
                organisation_id: org.clone(),
                ..Default::default()
            })
        });
        Ok(Read::Shown {
            value: (
                ParticipantFile {
                    participant,
                    sensitive,
                    languages,
                    children,
                    adults,
                    consents,
                    trajectories,
                    journal,
                    confidential_withheld: withheld,
                    glass_breaks,
                },
                extras,
            ),
            confidential: shown_confidential,
        })
    })?;
    match read {
        Read::Refused { why, answer } => {
            origin.record(
                conn,
                &[refusal(
                    actor,
                    "participant.read",
                    Some(participant_id),
                    why,
                    origin,
                )],
            )?;
            Err(answer)
        }
        Read::Shown {
            value,
            confidential,
        } => {
            let read = Event::by(actor, "participant.read", origin.ip, origin.at)
                .about("participant", participant_id)
                .detail(if value.0.sensitive.is_some() {
                    "sensitive"
                } else {
                    ""
                });
            if confidential {
                let conf = Event::by(actor, "confidential.read", origin.ip, origin.at)
                    .about("participant", participant_id)
                    .detail("journal");
                origin.record(conn, &[conf, read])?;
            } else {
                origin.record(conn, &[read])?;
            }
            Ok(value)
        }
    }
}

/// The audit action of a coordinator breaking the glass.
pub const BREAK_GLASS: &str = "confidential.break_glass";

/// A coordinator reads confidential journal lines she is not assigned to,
/// giving a reason. The policy decides; the reason goes into the trail, where
/// the file shows it to everyone who reads it, the casemanager first.
pub fn break_glass(
    conn: &mut DbConn,
    actor: &Actor,
    participant_id: &str,
    reason: &str,
    origin: Origin<'_>,
) -> Result<Vec<JournalEntry>, AccessError> {
    let Some(org) = actor.organisation_id().map(str::to_owned) else {
        return Err(AccessError::Denied(Denied::AnalystNoRecords));
    };
    write_tx(
        conn,
        |conn| -> DbResult<Result<Vec<JournalEntry>, AccessError>> {
            let exists: i64 = crate::direct!(conn, |c| participants::table
                .filter(participants::organisation_id.eq(&org))
                .filter(participants::id.eq(participant_id))
                .count()
                .get_result(c))?;
            if exists == 0 {
                return Ok(Err(AccessError::Db(DbError::NotFound("participant"))));
            }
            let casemanagers = casemanagers_of(conn, &org, participant_id)?;
            let resource = Resource::Confidential {
                organisation_id: &org,
                casemanager_ids: &casemanagers,
            };
            let grant = match authorize(actor, Action::ReadConfidential, resource, Some(reason)) {
                Ok(g) => g,
                Err(why) => {
                    record_refusal(conn, actor, BREAK_GLASS, Some(participant_id), why, origin)?;
                    return Ok(Err(AccessError::Denied(why)));
                }
            };
            let entries: Vec<JournalEntry> = crate::direct!(conn, |c| journal_entries::table
                .filter(journal_entries::organisation_id.eq(&org))
                .filter(journal_entries::participant_id.eq(participant_id))
                .filter(journal_entries::confidential.eq(true))
                .order(journal_entries::written_on.desc())
                .select(JournalEntry::as_select())
                .load(c))?;
            // The file shows this entry to the casemanager: record a name, not an id.
            let name = crate::access::user_by_id(conn, actor.user_id())?.display_name;
            audit::record(
                conn,
                &Event {
                    organisation_id: Some(&org),
                    actor_user_id: Some(actor.user_id()),
                    actor_label: &name,
                    action: if grant.break_glass().is_some() {
                        BREAK_GLASS
                    } else {
                        "confidential.read"
                    },
                    subject_type: Some("participant"),
                    subject_id: Some(participant_id),
                    detail: grant.break_glass().unwrap_or("journal"),
                    outcome: Outcome::Success,
                    ip: origin.ip,
                    at: origin.at,
                },
            )?;
            Ok(Ok(entries))
        },
    )?
}

/// Asks the policy for an organisation-wide action before any input is
/// looked at, so that a refused caller learns nothing from validation. A
/// refusal is recorded (durable before it is returned).
pub fn require_org(
    conn: &mut DbConn,
    actor: &Actor,
    action: Action,
    audit_action: &str,
    origin: Origin<'_>,
) -> Result<(), AccessError> {
    let org = actor.organisation_id().unwrap_or_default().to_owned();
    match authorize(actor, action, Resource::Organisation { id: &org }, None) {
        Ok(_) => Ok(()),
        Err(why) => {
            origin.record(conn, &[refusal(actor, audit_action, None, why, origin)])?;
            Err(AccessError::Denied(why))
        }
    }
}

/// Asks the policy for an action on one participant (another organisation's
/// is "not found"), before any input is looked at; a refusal is recorded.
pub fn require_participant(
    conn: &mut DbConn,
    actor: &Actor,
    action: Action,
    audit_action: &str,
    participant_id: &str,
    origin: Origin<'_>,
) -> Result<(), AccessError> {
    let Some(org) = actor.organisation_id().map(str::to_owned) else {
        let why = Denied::AnalystNoRecords;
        origin.record(
            conn,
            &[refusal(
                actor,
                audit_action,
                Some(participant_id),
                why,
                origin,
            )],
        )?;
        return Err(AccessError::Denied(why));
    };
    let found = conn.transaction(|conn| -> DbResult<Option<Vec<String>>> {
        let exists: i64 = crate::direct!(conn, |c| participants::table
            .filter(participants::organisation_id.eq(&org))
            .filter(participants::id.eq(participant_id))
            .count()
            .get_result(c))?;
        if exists == 0 {
            return Ok(None);
        }
        Ok(Some(casemanagers_of(conn, &org, participant_id)?))
    })?;
    let Some(casemanagers) = found else {
        return Err(AccessError::Db(DbError::NotFound("participant")));
    };
    let resource = Resource::Participant {
        organisation_id: &org,
        casemanager_ids: &casemanagers,
        facilitator_ids: &[],
    };
    match authorize(actor, action, resource, None) {
        Ok(_) => Ok(()),
        Err(why) => {
            origin.record(
                conn,
                &[refusal(
                    actor,
                    audit_action,
                    Some(participant_id),
                    why,
                    origin,
                )],
            )?;
            Err(AccessError::Denied(why))
        }
    }
}

/// The participant a trajectory of the actor's organisation belongs to.
pub fn participant_of_trajectory(
    conn: &mut DbConn,
    actor: &Actor,
    trajectory_id: &str,
) -> Result<String, AccessError> {
    let org = actor.organisation_id().unwrap_or_default();
    crate::direct!(conn, |c| trajectories::table
        .filter(trajectories::organisation_id.eq(org))
        .filter(trajectories::id.eq(trajectory_id))
        .select(trajectories::participant_id)
        .first(c))
    .optional()?
    .ok_or(AccessError::Db(DbError::NotFound("trajectory")))
}
