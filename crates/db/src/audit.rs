//! The audit trail: append-only, one SHA-256 hash chain per organisation (and
//! a "global" chain for events without one). An entry is written in the same
//! transaction as what it records, so there is never a change without its
//! entry nor an entry for a change that was rolled back.

use crate::error::{DbError, DbResult};
use crate::models::{AuditEntry, new_id};
use crate::pool::DbConn;
use crate::schema::{audit_chains, audit_log};
use chrono::{NaiveDateTime, Timelike};
use diesel::prelude::*;
use domain::policy::Actor;
use sha2::{Digest, Sha256};

pub const GLOBAL_CHAIN: &str = "global";

/// What happened; stable codes, shown translated in the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Success,
    Failure,
    Denied,
}

impl Outcome {
    pub fn code(self) -> &'static str {
        match self {
            Outcome::Success => "success",
            Outcome::Failure => "failure",
            Outcome::Denied => "denied",
        }
    }
}

/// One event to record. `detail` holds field names or a reason, never the
/// values of sensitive fields.
#[derive(Debug, Clone)]
pub struct Event<'a> {
    pub organisation_id: Option<&'a str>,
    pub actor_user_id: Option<&'a str>,
    pub actor_label: &'a str,
    pub action: &'a str,
    pub subject_type: Option<&'a str>,
    pub subject_id: Option<&'a str>,
    pub detail: &'a str,
    pub outcome: Outcome,
    pub ip: Option<&'a str>,
    pub at: NaiveDateTime,
}

impl<'a> Event<'a> {
    /// Something a person did in her current organisation, successfully;
    /// refine it with the methods below.
    pub fn by(actor: &'a Actor, action: &'a str, ip: Option<&'a str>, at: NaiveDateTime) -> Self {
        Event {
            organisation_id: actor.organisation_id(),
            actor_user_id: Some(actor.user_id()),
            actor_label: actor.user_id(),
            action,
            subject_type: None,
            subject_id: None,
            detail: "",
            outcome: Outcome::Success,
            ip,
            at,
        }
    }

    pub fn about(mut self, subject_type: &'a str, subject_id: &'a str) -> Self {
        self.subject_type = Some(subject_type);
        self.subject_id = Some(subject_id);
        self
    }

    pub fn detail(mut self, detail: &'a str) -> Self {
        self.detail = detail;
        self
    }

    pub fn outcome(mut self, outcome: Outcome) -> Self {
        self.outcome = outcome;
        self
    }

    pub fn labelled(mut self, label: &'a str) -> Self {
        self.actor_label = label;
        self
    }
}

/// Both backends keep microseconds; hash what will be read back.
fn micros(at: NaiveDateTime) -> NaiveDateTime {
    at.with_nanosecond(at.nanosecond() / 1000 * 1000)
        .unwrap_or(at)
}

fn field(h: &mut Sha256, value: Option<&str>) {
    match value {
        // Length-prefixed so that no two different rows hash alike.
        Some(v) => {
            h.update((v.len() as u64).to_be_bytes());
            h.update(v.as_bytes());
        }
        None => h.update(u64::MAX.to_be_bytes()),
    }
}

/// The hash of an entry: over the previous hash and every recorded field.
pub fn entry_hash(e: &AuditEntry) -> String {
    let mut h = Sha256::new();
    field(&mut h, Some(&e.prev_hash));
    field(&mut h, Some(&e.chain));
    h.update(e.seq.to_be_bytes());
    field(&mut h, Some(&e.id));
    field(&mut h, e.organisation_id.as_deref());
    field(&mut h, e.actor_user_id.as_deref());
    field(&mut h, Some(&e.actor_label));
    field(&mut h, Some(&e.action));
    field(&mut h, e.subject_type.as_deref());
    field(&mut h, e.subject_id.as_deref());
    field(&mut h, Some(&e.detail));
    field(&mut h, Some(&e.outcome));
    field(&mut h, e.ip.as_deref());
    field(
        &mut h,
        Some(&e.at.format("%Y-%m-%dT%H:%M:%S%.6f").to_string()),
    );
    hex(&h.finalize())
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Appends an event. Call it inside the transaction of the change it records.
pub fn record(conn: &mut DbConn, event: &Event<'_>) -> DbResult<()> {
    record_many(conn, std::slice::from_ref(event))
}

/// Appends events in their order, inside the caller's transaction. Each chain
/// is bumped once for all its events: the bump takes the chain's row lock
/// (PostgreSQL) or the write lock (SQLite), so concurrent appends to one chain
/// queue up instead of forking, also across app servers.
pub fn record_many(conn: &mut DbConn, events: &[Event<'_>]) -> DbResult<()> {
    let mut chains: Vec<&str> = Vec::new();
    for e in events {
        let chain = e.organisation_id.unwrap_or(GLOBAL_CHAIN);
        if !chains.contains(&chain) {
            chains.push(chain);
        }
    }
    for chain in chains {
        let mine: Vec<&Event<'_>> = events
            .iter()
            .filter(|e| e.organisation_id.unwrap_or(GLOBAL_CHAIN) == chain)
            .collect();
        let n = mine.len() as i64;
        // Chains are created with their organisation (and "global" by migration).
        // One statement bumps the chain and reads its head (a round trip
        // fewer on PostgreSQL, for every batch of the writer).
        let Some((last_seq, mut prev_hash)) =
            crate::direct!(conn, |c| diesel::update(audit_chains::table.find(chain))
                .set(audit_chains::seq.eq(audit_chains::seq + n))
                .returning((audit_chains::seq, audit_chains::head_hash))
                .get_result::<(i64, String)>(c))
            .optional()?
        else {
            return Err(DbError::NotFound("audit chain"));
        };
        let mut entries = Vec::with_capacity(mine.len());
        for (i, event) in mine.iter().enumerate() {
            let mut entry = AuditEntry {
                id: new_id(),
                chain: chain.to_owned(),
                seq: last_seq - n + 1 + i as i64,
                organisation_id: event.organisation_id.map(str::to_owned),
                actor_user_id: event.actor_user_id.map(str::to_owned),
                actor_label: event.actor_label.to_owned(),
                action: event.action.to_owned(),
                subject_type: event.subject_type.map(str::to_owned),
                subject_id: event.subject_id.map(str::to_owned),
                detail: event.detail.to_owned(),
                outcome: event.outcome.code().to_owned(),
                ip: event.ip.map(str::to_owned),
                at: micros(event.at),
                prev_hash,
                hash: String::new(),
            };
            entry.hash = entry_hash(&entry);
            prev_hash = entry.hash.clone();
            entries.push(entry);
        }
        // One statement per batch of the writer instead of one per entry.
        crate::backend::insert_audit_entries(conn, &entries)?;
        crate::direct!(conn, |c| diesel::update(audit_chains::table.find(chain))
            .set(audit_chains::head_hash.eq(&prev_hash))
            .execute(c))?;
    }
    Ok(())
}

/// An event that owns its text, to travel to the [`AuditWriter`]'s thread.
#[derive(Debug, Clone)]
pub struct OwnedEvent {
    organisation_id: Option<String>,
    actor_user_id: Option<String>,
    actor_label: String,
    action: String,
    subject_type: Option<String>,
    subject_id: Option<String>,
    detail: String,
    outcome: Outcome,
    ip: Option<String>,
    at: NaiveDateTime,
}

impl From<&Event<'_>> for OwnedEvent {
    fn from(e: &Event<'_>) -> Self {
        Self {
            organisation_id: e.organisation_id.map(str::to_owned),
            actor_user_id: e.actor_user_id.map(str::to_owned),
            actor_label: e.actor_label.to_owned(),
            action: e.action.to_owned(),
            subject_type: e.subject_type.map(str::to_owned),
            subject_id: e.subject_id.map(str::to_owned),
            detail: e.detail.to_owned(),
            outcome: e.outcome,
            ip: e.ip.map(str::to_owned),
            at: e.at,
        }
    }
}

impl OwnedEvent {
    fn borrow(&self) -> Event<'_> {
        Event {
            organisation_id: self.organisation_id.as_deref(),
            actor_user_id: self.actor_user_id.as_deref(),
            actor_label: &self.actor_label,
            action: &self.action,
            subject_type: self.subject_type.as_deref(),
            subject_id: self.subject_id.as_deref(),
            detail: &self.detail,
            outcome: self.outcome,
            ip: self.ip.as_deref(),
            at: self.at,
        }
    }
}

/// Where the writer answers once a job is committed: a thread that waits,
/// or a request that awaits (see [`defer_receipts`]).
enum Done {
    Blocking(std::sync::mpsc::SyncSender<Result<(), String>>),
    Async(tokio::sync::oneshot::Sender<Result<(), String>>),
}

impl Done {
    fn send(self, result: Result<(), String>) {
        // A waiter that went away (a dropped request) needs no answer.
        let _ = match self {
            Done::Blocking(tx) => tx.send(result).map_err(|_| ()),
            Done::Async(tx) => tx.send(result).map_err(|_| ()),
        };
    }
}

struct Job {
    events: Vec<OwnedEvent>,
    done: Done,
}

/// A commit still to come for entries handed to the writer by a request.
pub struct Receipt(tokio::sync::oneshot::Receiver<Result<(), String>>);

impl Receipt {
    /// Resolves once the entries are durable; an error if they could not be written.
    pub async fn settled(self) -> DbResult<()> {
        match self.0.await {
            Ok(Ok(())) => Ok(()),
            Ok(Err(e)) => Err(DbError::Task(format!("audit trail: {e}"))),
            Err(_) => Err(DbError::Task("the audit writer has stopped".into())),
        }
    }
}

thread_local! {
    /// Receipts of the database work running on this thread, while its
    /// caller awaits them (see [`defer_receipts`]).
    static DEFERRED: std::cell::RefCell<Option<Vec<Receipt>>> =
        const { std::cell::RefCell::new(None) };
}

/// Runs `work` with [`AuditWriter::append`] handing entries to the writer
/// without waiting for their commit, and returns the receipts to await. The
/// caller (`Db::run`) awaits them after giving the connection back, before
/// the result is used: entries stay durable before any page shows what they
/// record, while a waiting request no longer holds a connection, so one
/// commit takes the entries of many requests.
pub(crate) fn defer_receipts<R>(work: impl FnOnce() -> R) -> (R, Vec<Receipt>) {
    struct Reset;
    impl Drop for Reset {
        // Also on a panic: no later work on this thread may defer by mistake.
        fn drop(&mut self) {
            DEFERRED.with_borrow_mut(|d| *d = None);
        }
    }
    DEFERRED.with_borrow_mut(|d| *d = Some(Vec::new()));
    let reset = Reset;
    let out = work();
    let receipts = DEFERRED.with_borrow_mut(|d| d.take()).unwrap_or_default();
    drop(reset);
    (out, receipts)
}

/// Group commit for entries that accompany no other change (a file read, a
/// refusal). Concurrent requests hand their entries to one writer thread,
/// which appends everything waiting in one transaction and answers each
/// request only after the commit: every entry is durable before its page is
/// shown, while readers no longer queue for the write lock one by one.
#[derive(Clone)]
pub struct AuditWriter {
    jobs: std::sync::mpsc::Sender<Job>,
}

/// The most entries one commit takes; more wait for the next.
const MAX_BATCH: usize = 512;

/// How long a batch stays open for more entries under heavy load. Each
/// commit writes the same pages of the trail's indexes and syncs, and on
/// SQLite every commit empties the page cache of each reader that starts
/// after it: fewer, larger commits save both when the CPU is the limit.
const LINGER: std::time::Duration = std::time::Duration::from_millis(2);

/// A batch this large means heavy load: the next one lingers. Below it the
/// wait would only leave the CPU idle (measured: at 10 connections a
/// lingering writer served 10% fewer file reads, at 50 it served 20% more).
/// With a pool of 4 connections a batch seldom reaches 8, so at 8 the writer
/// never lingered on PostgreSQL, where a commit costs five round trips:
/// at 3, file reads at 50 connections went from 1,529-1,539/s to
/// 1,803-1,905/s (three alternating runs; SQLite 3,741-4,337/s against
/// 4,203-4,316/s, and at 10 connections both unchanged).
const BUSY_BATCH: usize = 3;

impl AuditWriter {
    /// Starts the writer thread; it opens connections with `connect` and ends
    /// when the last handle is dropped.
    pub fn start(connect: impl Fn() -> DbResult<DbConn> + Send + 'static) -> std::io::Result<Self> {
        let (jobs, inbox) = std::sync::mpsc::channel::<Job>();
        std::thread::Builder::new()
            .name("audit-writer".into())
            .spawn(move || {
                let mut conn: Option<DbConn> = None;
                let mut busy = false;
                while let Ok(first) = inbox.recv() {
                    let opened = std::time::Instant::now();
                    let mut batch = vec![first];
                    let mut count = batch[0].events.len();
                    let mut lingered = !busy;
                    while count < MAX_BATCH {
                        let next = match inbox.try_recv() {
                            Ok(job) => Some(job),
                            // Under load, wait a moment for more (see
                            // LINGER), asleep once rather than woken by
                            // each request that arrives meanwhile.
                            Err(_) if !lingered => {
                                lingered = true;
                                if let Some(left) = LINGER.checked_sub(opened.elapsed()) {
                                    std::thread::sleep(left);
                                }
                                inbox.try_recv().ok()
                            }
                            Err(_) => None,
                        };
                        let Some(job) = next else { break };
                        count += job.events.len();
                        batch.push(job);
                    }
                    busy = batch.len() >= BUSY_BATCH;
                    let result = write_batch(&mut conn, &connect, &batch);
                    match result {
                        Ok(()) => {
                            for job in batch {
                                job.done.send(Ok(()));
                            }
                        }
                        // One bad job must not fail the others: retry each alone.
                        Err(_) => {
                            for job in batch {
                                let alone =
                                    write_batch(&mut conn, &connect, std::slice::from_ref(&job));
                                job.done.send(alone.map_err(|e| e.to_string()));
                            }
                        }
                    }
                }
            })?;
        Ok(Self { jobs })
    }

    /// Appends the events (in order, in one transaction with those of other
    /// requests) and returns once they are committed; inside `Db::run`, it
    /// returns at once and `run` awaits the commit (see [`defer_receipts`]).
    pub fn append(&self, events: &[Event<'_>]) -> DbResult<()> {
        if events.is_empty() {
            return Ok(());
        }
        let events: Vec<OwnedEvent> = events.iter().map(OwnedEvent::from).collect();
        let deferred = DEFERRED.with_borrow(Option::is_some);
        if deferred {
            let (done, receipt) = tokio::sync::oneshot::channel();
            self.send(Job {
                events,
                done: Done::Async(done),
            })?;
            DEFERRED.with_borrow_mut(|d| {
                if let Some(receipts) = d.as_mut() {
                    receipts.push(Receipt(receipt));
                }
            });
            return Ok(());
        }
        let (done, wait) = std::sync::mpsc::sync_channel(1);
        self.send(Job {
            events,
            done: Done::Blocking(done),
        })?;
        match wait.recv() {
            Ok(Ok(())) => Ok(()),
            Ok(Err(e)) => Err(DbError::Task(format!("audit trail: {e}"))),
            Err(_) => Err(DbError::Task("the audit writer has stopped".into())),
        }
    }

    fn send(&self, job: Job) -> DbResult<()> {
        self.jobs
            .send(job)
            .map_err(|_| DbError::Task("the audit writer has stopped".into()))
    }
}

fn write_batch(
    conn: &mut Option<DbConn>,
    connect: &impl Fn() -> DbResult<DbConn>,
    batch: &[Job],
) -> DbResult<()> {
    if conn.is_none() {
        *conn = Some(connect()?);
    }
    let Some(c) = conn.as_mut() else {
        return Err(DbError::Task("no audit connection".into()));
    };
    let events: Vec<Event<'_>> = batch
        .iter()
        .flat_map(|j| j.events.iter().map(OwnedEvent::borrow))
        .collect();
    let out = crate::backend::write_tx(c, |c| record_many(c, &events));
    if out.is_err() {
        // Start afresh next time in case the connection itself is the problem.
        *conn = None;
    }
    out
}

/// Records one event in a transaction of its own (for events that change
/// nothing else: a refused request, a failed login).
pub fn record_alone(conn: &mut DbConn, event: &Event<'_>) -> DbResult<()> {
    crate::backend::write_tx(conn, |conn| record(conn, event))
}

/// Filters for browsing the trail of one organisation.
#[derive(Debug, Default, Clone)]
pub struct Filter {
    pub subject_id: Option<String>,
    pub actor_user_id: Option<String>,
    pub action: Option<String>,
    pub limit: i64,
}

pub fn list(
    conn: &mut DbConn,
    organisation_id: &str,
    filter: &Filter,
) -> DbResult<Vec<AuditEntry>> {
    let mut q = audit_log::table
        .filter(audit_log::organisation_id.eq(organisation_id))
        .into_boxed();
    if let Some(s) = &filter.subject_id {
        q = q.filter(audit_log::subject_id.eq(s.clone()));
    }
    if let Some(a) = &filter.actor_user_id {
        q = q.filter(audit_log::actor_user_id.eq(a.clone()));
    }
    if let Some(a) = &filter.action {
        q = q.filter(audit_log::action.eq(a.clone()));
    }
    // Each filter gets an order its index delivers, so that the newest
    // entries come without sorting millions: an organisation's entries are
    // its chain, in `seq` order; one person's are in time order.
    q = match filter {
        Filter {
            subject_id: None,
            actor_user_id: Some(_),
            ..
        } => q.order((audit_log::at.desc(), audit_log::seq.desc())),
        Filter {
            subject_id: None,
            actor_user_id: None,
            action: None,
            ..
        } => q
            .filter(audit_log::chain.eq(organisation_id.to_owned()))
            .order(audit_log::seq.desc()),
        _ => q.order(audit_log::seq.desc()),
    };
    Ok(q.limit(if filter.limit > 0 { filter.limit } else { 200 })
        .select(AuditEntry::as_select())
        .load(conn)?)
}

/// Walks every chain from its start: each entry must hash to its stored hash
/// and link to its predecessor, without gaps, up to the chain's head.
pub fn verify(conn: &mut DbConn) -> DbResult<Vec<String>> {
    let chains: Vec<(String, i64, String)> = crate::direct!(conn, |c| audit_chains::table
        .select((
            audit_chains::chain,
            audit_chains::seq,
            audit_chains::head_hash,
        ))
        .order(audit_chains::chain)
        .load(c))?;
    let mut problems = Vec::new();
    for (chain, head_seq, head_hash) in chains {
        let mut prev = String::new();
        let mut expected_seq = 1_i64;
        let mut last_id = None::<i64>;
        // In pages, so a long trail does not have to fit in memory.
        loop {
            let page: Vec<AuditEntry> = crate::direct!(conn, |c| audit_log::table
                .filter(audit_log::chain.eq(&chain))
                .filter(audit_log::seq.gt(last_id.unwrap_or(0)))
                .order(audit_log::seq)
                .limit(1000)
                .select(AuditEntry::as_select())
                .load(c))?;
            if page.is_empty() {
                break;
            }
            for e in &page {
                if e.seq != expected_seq {
                    problems.push(format!(
                        "audit chain {chain}: entry {expected_seq} is missing"
                    ));
                    return Ok(problems);
                }
                if e.prev_hash != prev {
                    problems.push(format!(
                        "audit chain {chain}: entry {} does not link to its predecessor",
                        e.seq
                    ));
                }
                if entry_hash(e) != e.hash {
                    problems.push(format!("audit chain {chain}: entry {} was altered", e.seq));
                }
                prev = e.hash.clone();
                expected_seq += 1;
            }
            last_id = page.last().map(|e| e.seq);
        }
        if expected_seq - 1 != head_seq || prev != head_hash {
            problems.push(format!(
                "audit chain {chain}: ends at entry {} but its head says {head_seq}",
                expected_seq - 1
            ));
        }
    }
    Ok(problems)
}

/// Maps a refused write on the trail (the append-only trigger) to our error.
pub fn is_append_only_violation(e: &DbError) -> bool {
    e.to_string().contains("append-only")
}
