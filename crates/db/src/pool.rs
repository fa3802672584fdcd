//! The connection type over both backends and the pool that hands it out.
//! Blocking database work runs on threads of its own, never on tokio's workers.

use crate::backend;
use crate::error::{DbError, DbResult};
use crate::migrate;
use crate::url::{Backend, DatabaseUrl};
use diesel::r2d2::{ManageConnection, Pool, PooledConnection, R2D2Connection};
use diesel::{Connection, PgConnection, SqliteConnection};
use std::time::Duration;

/// One connection type, one code path: queries are written once against this enum.
#[derive(diesel::MultiConnection)]
pub enum DbConn {
    Postgres(PgConnection),
    Sqlite(SqliteConnection),
}

impl DbConn {
    pub fn backend(&self) -> Backend {
        match self {
            DbConn::Postgres(_) => Backend::Postgres,
            DbConn::Sqlite(_) => Backend::Sqlite,
        }
    }

    /// Opens one connection of the backend the URL names, set up as traject needs it.
    pub fn open(url: &DatabaseUrl) -> DbResult<Self> {
        let mut conn = match url {
            DatabaseUrl::Sqlite(path) => {
                let path = path.to_string_lossy();
                DbConn::Sqlite(
                    SqliteConnection::establish(&path)
                        .map_err(|e| DbError::Connect(e.to_string()))?,
                )
            }
            DatabaseUrl::Postgres(u) => DbConn::Postgres(
                PgConnection::establish(&backend::postgres_conninfo(u))
                    .map_err(|e| DbError::Connect(one_line(&e.to_string())))?,
            ),
        };
        backend::prepare_connection(&mut conn)?;
        Ok(conn)
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub struct Manager {
    url: DatabaseUrl,
}

impl ManageConnection for Manager {
    type Connection = DbConn;
    type Error = DbError;

    fn connect(&self) -> Result<DbConn, DbError> {
        let mut conn = DbConn::open(&self.url)?;
        backend::server_connection(&mut conn)?;
        Ok(conn)
    }

    fn is_valid(&self, conn: &mut DbConn) -> Result<(), DbError> {
        conn.ping().map_err(DbError::from)
    }

    fn has_broken(&self, conn: &mut DbConn) -> bool {
        conn.is_broken()
    }
}

#[derive(Debug, Clone, Copy)]
pub struct PoolOptions {
    pub max_size: u32,
    pub run_migrations: bool,
}

impl PoolOptions {
    /// The defaults for this machine, the same on both backends.
    pub fn for_this_machine() -> Self {
        Self {
            // Twice the cores, on both backends. SQLite has one writer at a
            // time and its readers are bound by the CPU: more connections
            // only add memory (measured on 2 cores: 4 serve as many file
            // reads as 8, with a peak 25 MB lower). PostgreSQL's work is CPU
            // too once its pages are cached, and each connection beyond what
            // the cores run only adds switching: on 2 cores, 4 connections
            // read as many files as 16 (900-1,030/s against 850/s) while a
            // save's p99 under mixed load fell from 65-118 ms to 18-30 ms.
            // A larger database server is told with `db_pool_size`.
            max_size: std::thread::available_parallelism()
                .map_or(4, |n| n.get() as u32 * 2)
                .clamp(4, 32),
            run_migrations: true,
        }
    }
}

/// The database handle the rest of traject holds: cheap to clone.
#[derive(Clone)]
pub struct Db {
    pool: Pool<Manager>,
    url: DatabaseUrl,
    audit: crate::audit::AuditWriter,
    /// As many threads as the pool has connections run the async callers'
    /// work; the rest waits in their queue instead of fighting for the
    /// pool's lock.
    workers: std::sync::Arc<crate::workers::Workers>,
    /// Alive while any handle is: the checkpointer stops when the last goes.
    _alive: std::sync::Arc<()>,
}

impl std::fmt::Debug for Db {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Db").field("url", &self.url).finish()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PoolState {
    pub connections: u32,
    pub idle: u32,
    pub max: u32,
}

impl Db {
    /// Opens (and for SQLite creates) the database, applies pending migrations if
    /// asked, and builds the pool. Blocking: call it before the runtime serves.
    pub fn open(url: &DatabaseUrl, options: PoolOptions) -> DbResult<Self> {
        if let DatabaseUrl::Sqlite(path) = url
            && let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
        {
            std::fs::create_dir_all(dir).map_err(|source| DbError::DataDir {
                path: dir.display().to_string(),
                source,
            })?;
        }
        // One direct connection first: a wrong URL fails at once with the real
        // reason, instead of after the pool's connection timeout.
        let mut first = DbConn::open(url)?;
        if options.run_migrations {
            migrate::run_pending(&mut first)?;
        }
        drop(first);
        let pool = Pool::builder()
            .max_size(options.max_size)
            .min_idle(Some(1))
            .connection_timeout(Duration::from_secs(10))
            .test_on_check_out(false)
            .build(Manager { url: url.clone() })
            .map_err(|e| DbError::Connect(e.to_string()))?;
        let writer_url = url.clone();
        let audit = crate::audit::AuditWriter::start(move || {
            let mut conn = DbConn::open(&writer_url)?;
            backend::server_connection(&mut conn)?;
            Ok(conn)
        })
        .map_err(|e| DbError::Task(format!("cannot start the audit writer: {e}")))?;
        let alive = std::sync::Arc::new(());
        if url.backend() == Backend::Sqlite {
            start_checkpointer(url.clone(), std::sync::Arc::downgrade(&alive))?;
        }
        Ok(Self {
            pool,
            url: url.clone(),
            audit,
            workers: std::sync::Arc::new(
                crate::workers::Workers::start(options.max_size as usize).map_err(|e| {
                    DbError::Task(format!("cannot start the database threads: {e}"))
                })?,
            ),
            _alive: alive,
        })
    }

    pub fn backend(&self) -> Backend {
        self.url.backend()
    }

    /// The group-commit writer for audit entries of reads and refusals.
    pub fn audit_writer(&self) -> &crate::audit::AuditWriter {
        &self.audit
    }

    pub fn url(&self) -> &DatabaseUrl {
        &self.url
    }

    /// A pooled connection for synchronous callers (CLI, blocking threads).
    pub fn get(&self) -> DbResult<PooledConnection<ManagerHandle>> {
        Ok(self.pool.get()?)
    }

    /// Runs blocking database work on one of the database threads and awaits
    /// its result; the audit entries it deferred are awaited after the
    /// connection is back in the pool.
    pub async fn run<F, R>(&self, work: F) -> DbResult<R>
    where
        F: FnOnce(&mut DbConn) -> DbResult<R> + Send + 'static,
        R: Send + 'static,
    {
        let pool = self.pool.clone();
        let (reply, answer) = tokio::sync::oneshot::channel();
        self.workers.submit(move || {
            let _ = reply.send(crate::audit::defer_receipts(|| {
                let mut conn = pool.get()?;
                work(&mut conn)
            }));
        });
        let (out, receipts) = answer
            .await
            .map_err(|_| DbError::Task("the database work failed".into()))?;
        for receipt in receipts {
            receipt.settled().await?;
        }
        out
    }

    /// Empties the SQLite WAL into the database; call it once the server
    /// has stopped taking requests. Nothing to do on PostgreSQL.
    pub fn final_checkpoint(&self) -> DbResult<()> {
        if self.url.backend() != Backend::Sqlite {
            return Ok(());
        }
        let mut conn = DbConn::open(&self.url)?;
        backend::final_checkpoint(&mut conn)
    }

    pub fn state(&self) -> PoolState {
        let s = self.pool.state();
        PoolState {
            connections: s.connections,
            idle: s.idle_connections,
            max: self.pool.max_size(),
        }
    }
}

/// With more frames than this in the WAL (about 256 MiB of 4 KiB pages; the
/// benchmark's loads write 20-30 MiB a second) the checkpointer also tries
/// to start it afresh (see `backend::checkpoint`).
const WAL_RESTART_ABOVE: i64 = 65_000;

/// Checkpoints the WAL every 200 ms on a connection of its own, so that no
/// request pays for it; ends when the last `Db` handle is dropped.
fn start_checkpointer(url: DatabaseUrl, alive: std::sync::Weak<()>) -> DbResult<()> {
    std::thread::Builder::new()
        .name("wal-checkpointer".into())
        .spawn(move || {
            let mut conn: Option<DbConn> = None;
            while alive.upgrade().is_some() {
                std::thread::sleep(Duration::from_millis(200));
                if conn.is_none() {
                    conn = DbConn::open(&url).ok().and_then(|mut c| {
                        backend::checkpointer_connection(&mut c).ok().map(|()| c)
                    });
                }
                if let Some(c) = conn.as_mut()
                    && let Err(e) = backend::checkpoint(c, WAL_RESTART_ABOVE)
                {
                    tracing::warn!(error = %e, "WAL checkpoint failed");
                    conn = None;
                }
            }
        })
        .map_err(|e| DbError::Task(format!("cannot start the checkpointer: {e}")))?;
    Ok(())
}

/// The pool's connection manager, named for `Db::get`'s return type.
pub type ManagerHandle = Manager;
