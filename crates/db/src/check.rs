//! `traject check`: what an operator needs to know before trusting the data.

use crate::backend;
use crate::error::DbResult;
use crate::migrate;
use crate::pool::DbConn;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub check: &'static str,
    pub ok: bool,
    pub detail: String,
}

/// Runs every database check; a failing check is a finding, not an error.
pub fn run(conn: &mut DbConn) -> DbResult<Vec<Finding>> {
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
    Ok(findings)
}
