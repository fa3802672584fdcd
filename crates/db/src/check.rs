//! `traject check`: what an operator needs to know before trusting the data.

use crate::backend;
use crate::error::DbResult;
use crate::migrate;
use crate::pool::DbConn;
use domain::sealed::{self, SealingKey};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub check: &'static str,
    pub ok: bool,
    pub detail: String,
}

/// Runs every database check; a failing check is a finding, not an error.
/// `key` is the configured `secret_key`, if any.
pub fn run(conn: &mut DbConn, key: Option<&SealingKey>) -> DbResult<Vec<Finding>> {
    let mut findings = Vec::new();
    let pending = migrate::pending_count(conn)?;
    let version = migrate::current_version(conn)?.unwrap_or_else(|| "none".into());
    findings.push(Finding {
        check: "migrations",
        ok: pending == 0,
        detail: if pending == 0 {
            format!("schema version {version}, up to date")
        } else {
            format!(
                "schema version {version}, {pending} migration(s) pending: run `traject migrate`"
            )
        },
    });
    let problems = backend::integrity_problems(conn)?;
    findings.push(Finding {
        check: "integrity",
        ok: problems.is_empty(),
        detail: if problems.is_empty() {
            format!(
                "{} storage and foreign keys consistent",
                conn.backend().name()
            )
        } else {
            problems.join("; ")
        },
    });
    if pending > 0 {
        // The audit tables may not exist yet; the migrations finding says why.
        findings.push(Finding {
            check: "audit trail",
            ok: false,
            detail: "not checked: the schema is not up to date".to_owned(),
        });
        return Ok(findings);
    }
    let audit = crate::audit::verify(conn)?;
    findings.push(Finding {
        check: "audit trail",
        ok: audit.is_empty(),
        detail: if audit.is_empty() {
            "hash chains intact".to_owned()
        } else {
            audit.join("; ")
        },
    });
    findings.push(secrets_finding(
        &crate::credentials::stored_secrets(conn)?,
        key,
    ));
    Ok(findings)
}

/// Two-step secrets must open with the configured key; unsealed ones are
/// reported (sealed at the next `serve` once a key is set), not failed.
fn secrets_finding(stored: &[String], key: Option<&SealingKey>) -> Finding {
    let sealed: Vec<&String> = stored.iter().filter(|s| sealed::is_sealed(s)).collect();
    let plain = stored.len() - sealed.len();
    let unreadable = sealed
        .iter()
        .filter(|s| sealed::open(key, s).is_err())
        .count();
    let (ok, detail) = if unreadable > 0 {
        let why = if key.is_none() {
            "no secret_key is configured"
        } else {
            "they do not open with the configured secret_key"
        };
        (
            false,
            format!(
                "{unreadable} sealed two-step secret(s) cannot be read: {why}; those people cannot sign in"
            ),
        )
    } else if plain > 0 && key.is_none() {
        (
            true,
            format!("{plain} stored as text: set secret_key to seal them"),
        )
    } else if plain > 0 {
        (
            true,
            format!(
                "{} sealed, {plain} stored as text (sealed at the next start of `traject serve`)",
                sealed.len()
            ),
        )
    } else {
        (true, format!("{} sealed", sealed.len()))
    };
    Finding {
        check: "two-step secrets",
        ok,
        detail,
    }
}
