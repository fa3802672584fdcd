//! Embedded migrations, one directory per backend, side by side.

use crate::backend;
use crate::error::{DbError, DbResult};
use crate::pool::DbConn;
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

const SQLITE: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
const POSTGRES: EmbeddedMigrations = embed_migrations!("migrations/postgres");

fn err(e: impl std::fmt::Display) -> DbError {
    DbError::Migration(e.to_string())
}

/// Applies every pending migration; returns the versions applied now.
pub fn run_pending(conn: &mut DbConn) -> DbResult<Vec<String>> {
    backend::with_migration_lock(conn, |conn| {
        let applied = match conn {
            DbConn::Sqlite(c) => c.run_pending_migrations(SQLITE).map_err(err)?,
            DbConn::Postgres(c) => c.run_pending_migrations(POSTGRES).map_err(err)?,
        };
        Ok(applied.into_iter().map(|v| v.to_string()).collect())
    })
}

/// How many migrations the binary has that the database lacks.
pub fn pending_count(conn: &mut DbConn) -> DbResult<usize> {
    let pending = match conn {
        DbConn::Sqlite(c) => c.pending_migrations(SQLITE).map_err(err)?.len(),
        DbConn::Postgres(c) => c.pending_migrations(POSTGRES).map_err(err)?.len(),
    };
    Ok(pending)
}

/// The newest applied migration version, if any.
pub fn current_version(conn: &mut DbConn) -> DbResult<Option<String>> {
    let applied = match conn {
        DbConn::Sqlite(c) => c.applied_migrations().map_err(err)?,
        DbConn::Postgres(c) => c.applied_migrations().map_err(err)?,
    };
    Ok(applied.into_iter().map(|v| v.to_string()).max())
}
