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
    let chain = event.organisation_id.unwrap_or(GLOBAL_CHAIN);
    // The update takes the chain's row lock (PostgreSQL) or the write lock
    // (SQLite), so concurrent appends to one chain queue up instead of forking.
    // Chains are created with their organisation (and "global" by migration).
    let bumped = diesel::update(audit_chains::table.find(chain))
        .set(audit_chains::seq.eq(audit_chains::seq + 1))
        .execute(conn)?;
    if bumped == 0 {
        return Err(DbError::NotFound("audit chain"));
    }
    let (seq, prev_hash): (i64, String) = audit_chains::table
        .find(chain)
        .select((audit_chains::seq, audit_chains::head_hash))
        .first(conn)?;
    let mut entry = AuditEntry {
        id: new_id(),
        chain: chain.to_owned(),
        seq,
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
    diesel::insert_into(audit_log::table)
        .values(&entry)
        .execute(conn)?;
    diesel::update(audit_chains::table.find(chain))
        .set(audit_chains::head_hash.eq(&entry.hash))
        .execute(conn)?;
    Ok(())
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
    Ok(q.order(audit_log::seq.desc())
        .limit(if filter.limit > 0 { filter.limit } else { 200 })
        .select(AuditEntry::as_select())
        .load(conn)?)
}

/// Walks every chain from its start: each entry must hash to its stored hash
/// and link to its predecessor, without gaps, up to the chain's head.
pub fn verify(conn: &mut DbConn) -> DbResult<Vec<String>> {
    let chains: Vec<(String, i64, String)> = audit_chains::table
        .select((
            audit_chains::chain,
            audit_chains::seq,
            audit_chains::head_hash,
        ))
        .order(audit_chains::chain)
        .load(conn)?;
    let mut problems = Vec::new();
    for (chain, head_seq, head_hash) in chains {
        let mut prev = String::new();
        let mut expected_seq = 1_i64;
        let mut last_id = None::<i64>;
        // In pages, so a long trail does not have to fit in memory.
        loop {
            let page: Vec<AuditEntry> = audit_log::table
                .filter(audit_log::chain.eq(&chain))
                .filter(audit_log::seq.gt(last_id.unwrap_or(0)))
                .order(audit_log::seq)
                .limit(1000)
                .select(AuditEntry::as_select())
                .load(conn)?;
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
