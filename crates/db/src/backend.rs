//! The one place where SQL differs between SQLite and PostgreSQL. Everything
//! else in traject is written once against `DbConn`.

use crate::error::DbResult;
use crate::pool::DbConn;
use diesel::connection::{AnsiTransactionManager, SimpleConnection, TransactionManager};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Integer, Nullable, Text, Timestamp};

/// Per-connection settings. SQLite: WAL for concurrent readers, foreign keys
/// enforced, wait for a busy writer instead of failing, and `synchronous=FULL`
/// so that an acknowledged write survives power loss. PostgreSQL: UTC, and
/// no parallel workers: traject's statements are short and many run at once,
/// so starting a worker costs more than it saves (the team dashboard's
/// overdue evaluations took 11 ms with one launched, 4 ms without; the
/// mixed workload's p99 fell from 54-59 to 38 ms).
pub(crate) fn prepare_connection(conn: &mut DbConn) -> DbResult<()> {
    match conn {
        DbConn::Sqlite(c) => c.batch_execute(
            // busy_timeout first: switching to WAL takes a lock that a
            // connection opening at the same moment may hold.
            "PRAGMA busy_timeout = 5000;
             PRAGMA journal_mode = WAL;
             PRAGMA foreign_keys = ON;
             PRAGMA synchronous = FULL;",
        )?,
        DbConn::Postgres(c) => {
            c.batch_execute("SET TIME ZONE 'UTC'; SET max_parallel_workers_per_gather = 0")?
        }
    }
    Ok(())
}

/// Connections of a running server leave WAL checkpoints to the
/// checkpointer thread ([`checkpoint`]): otherwise the request whose commit
/// crosses the WAL's threshold copies the WAL back into the database on its
/// own time, a tail of tens of milliseconds under load.
pub(crate) fn server_connection(conn: &mut DbConn) -> DbResult<()> {
    if let DbConn::Sqlite(c) = conn {
        c.batch_execute("PRAGMA wal_autocheckpoint = 0;")?;
    }
    Ok(())
}

/// Copies the WAL back into the database without blocking readers or
/// writers (SQLite); nothing to do on PostgreSQL.
///
/// Under sustained load some reader always holds a snapshot inside the WAL,
/// so SQLite never starts it afresh and it grows without end (2.3 GB in a
/// minute of file reads at saturation). When more than `restart_above`
/// frames wait in it, the checkpoint therefore also tries to have the WAL
/// start afresh, without waiting: the checkpointer's connection has no busy
/// timeout, so if a reader or writer is in the way it gives up at once and
/// tries again on its next round. RESTART rather than TRUNCATE: the file
/// keeps its size and is written over from the start, as growing it again
/// costs commits an extension of the file. Tried and left before: a RESTART
/// that waited for readers (writers stalled behind it: the save's p99
/// tripled), a RESTART tried on every round once the file was large (it
/// takes the write lock five times a second; 1,670-1,830 file reads/s against
/// 1,920-2,100 before, on a noisy day) and `journal_size_limit` (the
/// writer that restarts a large WAL truncates it on its own time: a
/// mixed-load p99 of 300 ms).
pub(crate) fn checkpoint(conn: &mut DbConn, restart_above: i64) -> DbResult<()> {
    #[derive(QueryableByName)]
    struct Checkpointed {
        /// Frames in the WAL.
        #[diesel(sql_type = Integer)]
        log: i32,
    }
    if let DbConn::Sqlite(c) = conn {
        let done: Vec<Checkpointed> =
            diesel::sql_query("PRAGMA wal_checkpoint(PASSIVE)").load(c)?;
        if done
            .first()
            .is_some_and(|d| i64::from(d.log) > restart_above)
        {
            // A RESTART holds SQLite's write lock while it runs: taken in
            // this process's writers' turn, so that a writer waits for it on
            // the mutex, woken at once, and not in SQLite's busy handler,
            // which sleeps in steps of up to 100 ms (see `write_tx`).
            let _turn = SQLITE_WRITERS.lock().unwrap_or_else(|e| e.into_inner());
            // SQLITE_BUSY comes back as a result row, not an error.
            c.batch_execute("PRAGMA wal_checkpoint(RESTART);")?;
        }
    }
    Ok(())
}

/// The checkpointer's connection must never wait for a lock: see [`checkpoint`].
pub(crate) fn checkpointer_connection(conn: &mut DbConn) -> DbResult<()> {
    if let DbConn::Sqlite(c) = conn {
        c.batch_execute("PRAGMA busy_timeout = 0;")?;
    }
    Ok(())
}

/// On shutdown, once requests have stopped: copies the whole WAL back and
/// empties it, waiting for the last transactions (SQLite). Without it the
/// WAL stays on disk at whatever size it reached and the next start reads
/// it all back.
pub(crate) fn final_checkpoint(conn: &mut DbConn) -> DbResult<()> {
    if let DbConn::Sqlite(c) = conn {
        c.batch_execute("PRAGMA wal_checkpoint(TRUNCATE);")?;
    }
    Ok(())
}

/// Inserts outbox rows; a row whose dedupe key exists already (another
/// scheduler was first) is skipped.
pub(crate) fn insert_ignoring_duplicates(
    conn: &mut DbConn,
    rows: &[crate::messages::Message],
) -> DbResult<usize> {
    use crate::schema::messages;
    let mut n = 0;
    match conn {
        // Diesel has no batch upsert for SQLite: one statement per row, in
        // the caller's transaction (prepared once, cheap).
        DbConn::Sqlite(c) => {
            for row in rows {
                n += diesel::insert_into(messages::table)
                    .values(row)
                    .on_conflict_do_nothing()
                    .execute(c)?;
            }
        }
        DbConn::Postgres(c) => {
            for chunk in rows.chunks(200) {
                n += diesel::insert_into(messages::table)
                    .values(chunk)
                    .on_conflict_do_nothing()
                    .execute(c)?;
            }
        }
    }
    Ok(n)
}

#[derive(QueryableByName)]
struct IdRow {
    #[diesel(sql_type = Text)]
    id: String,
}

/// The ids of outbox messages due at `now` (queued, failed and due again,
/// or claimed by a worker whose lease ran out). PostgreSQL locks them with
/// `FOR UPDATE SKIP LOCKED`, so that two workers claiming at once get
/// different messages; SQLite's single writer already does that.
pub(crate) fn claimable(
    conn: &mut DbConn,
    now: chrono::NaiveDateTime,
    limit: i64,
    channels: &[crate::messages::SendChannel],
) -> DbResult<Vec<String>> {
    if channels.is_empty() {
        return Ok(Vec::new());
    }
    // The channel names come from a fixed enum, never from input.
    let names: Vec<String> = channels.iter().map(|c| format!("'{}'", c.code())).collect();
    let due = format!(
        "SELECT id FROM messages \
         WHERE channel IN ({}) AND ((status IN ('queued', 'failed') AND next_attempt_at <= $1) \
            OR (status = 'sending' AND claimed_until < $1)) \
         ORDER BY next_attempt_at LIMIT $2",
        names.join(", ")
    );
    let due = due.as_str();
    let rows: Vec<IdRow> = match conn {
        // SQLite reads `$1` as one named parameter, however often it appears.
        DbConn::Sqlite(c) => diesel::sql_query(due)
            .bind::<Timestamp, _>(now)
            .bind::<BigInt, _>(limit)
            .load(c)?,
        DbConn::Postgres(c) => diesel::sql_query(format!("{due} FOR UPDATE SKIP LOCKED"))
            .bind::<Timestamp, _>(now)
            .bind::<BigInt, _>(limit)
            .load(c)?,
    };
    Ok(rows.into_iter().map(|r| r.id).collect())
}

/// Locks one row of `table` (by `id`) until the transaction ends, so that
/// concurrent changes of the same group or session queue up instead of both
/// reading "nothing there yet" and colliding. PostgreSQL: `FOR UPDATE`;
/// SQLite: nothing to do, `write_tx` already holds the only write lock.
/// `table` is one of a fixed set of names, never input.
pub(crate) fn lock_row(conn: &mut DbConn, table: &'static str, id: &str) -> DbResult<()> {
    if let DbConn::Postgres(c) = conn {
        diesel::sql_query(format!("SELECT 1 FROM {table} WHERE id = $1 FOR UPDATE"))
            .bind::<Text, _>(id)
            .execute(c)?;
    }
    Ok(())
}

/// The connection string handed to libpq. GSSAPI encryption negotiation is
/// switched off unless the URL asks for it: traject does not use Kerberos, and
/// libpq's krb5 layer can abort the process when it exits while a pool thread
/// is still connecting.
pub(crate) fn postgres_conninfo(url: &str) -> String {
    if url.contains("gssencmode=") {
        url.to_owned()
    } else if url.contains('?') {
        format!("{url}&gssencmode=disable")
    } else {
        format!("{url}?gssencmode=disable")
    }
}

/// Runs reads that belong together. SQLite: in one transaction, so they see
/// one snapshot and take the WAL read lock once. PostgreSQL: directly, since
/// at READ COMMITTED each statement takes its own snapshot anyway, and BEGIN
/// and COMMIT would only add two round trips to every page.
pub fn read_tx<R, E>(
    conn: &mut DbConn,
    work: impl FnOnce(&mut DbConn) -> Result<R, E>,
) -> Result<R, E>
where
    E: From<diesel::result::Error>,
{
    match conn {
        DbConn::Sqlite(_) => conn.transaction(work),
        DbConn::Postgres(_) => work(conn),
    }
}

/// One SQLite writer at a time in this process (see [`write_tx`]).
static SQLITE_WRITERS: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Runs `work` in a transaction that holds the write lock from its first
/// statement. On SQLite a plain `BEGIN` would upgrade to a writer lazily and can
/// fail with SQLITE_BUSY when another writer got in between; `BEGIN IMMEDIATE`
/// waits (busy_timeout) instead. Nested calls become savepoints.
pub fn write_tx<R, E>(
    conn: &mut DbConn,
    work: impl FnOnce(&mut DbConn) -> Result<R, E>,
) -> Result<R, E>
where
    E: From<diesel::result::Error>,
{
    let depth = match conn {
        DbConn::Sqlite(c) => depth_of(AnsiTransactionManager::transaction_manager_status_mut(c)),
        DbConn::Postgres(c) => depth_of(AnsiTransactionManager::transaction_manager_status_mut(c)),
    };
    if depth > 0 {
        return conn.transaction(work);
    }
    // SQLite: writers of this process queue here, woken the moment the one
    // before commits, instead of in SQLite's busy handler, which sleeps in
    // steps of up to 100 ms and so gives writes a long tail under load.
    // (Writers in other processes, such as the command line, still meet
    // busy_timeout.)
    let _turn = match conn {
        DbConn::Sqlite(_) => Some(SQLITE_WRITERS.lock().unwrap_or_else(|e| e.into_inner())),
        DbConn::Postgres(_) => None,
    };
    match conn {
        DbConn::Sqlite(c) => AnsiTransactionManager::begin_transaction_sql(c, "BEGIN IMMEDIATE")?,
        DbConn::Postgres(c) => AnsiTransactionManager::begin_transaction(c)?,
    }
    match work(conn) {
        Ok(value) => {
            match conn {
                DbConn::Sqlite(c) => AnsiTransactionManager::commit_transaction(c)?,
                DbConn::Postgres(c) => AnsiTransactionManager::commit_transaction(c)?,
            }
            Ok(value)
        }
        Err(e) => {
            match conn {
                DbConn::Sqlite(c) => AnsiTransactionManager::rollback_transaction(c)?,
                DbConn::Postgres(c) => AnsiTransactionManager::rollback_transaction(c)?,
            }
            Err(e)
        }
    }
}

fn depth_of(status: &mut diesel::connection::TransactionManagerStatus) -> u32 {
    status
        .transaction_depth()
        .ok()
        .flatten()
        .map(|d| d.get())
        .unwrap_or(0)
}

/// Serialises migrations when several app servers start against one PostgreSQL
/// database at once. SQLite has a single process writing schema, so nothing to do.
pub(crate) fn with_migration_lock<R>(
    conn: &mut DbConn,
    work: impl FnOnce(&mut DbConn) -> DbResult<R>,
) -> DbResult<R> {
    const LOCK_KEY: i64 = 0x0074_7261_6a65_6374; // "traject" in ASCII
    if let DbConn::Postgres(c) = conn {
        c.batch_execute(&format!("SELECT pg_advisory_lock({LOCK_KEY})"))?;
    }
    let out = work(conn);
    if let DbConn::Postgres(c) = conn {
        c.batch_execute(&format!("SELECT pg_advisory_unlock({LOCK_KEY})"))?;
    }
    out
}

#[derive(QueryableByName)]
struct OneText {
    #[diesel(sql_type = Text)]
    value: String,
}

/// Storage-level consistency findings: empty when the database is sound.
pub fn integrity_problems(conn: &mut DbConn) -> DbResult<Vec<String>> {
    match conn {
        DbConn::Sqlite(c) => {
            let mut problems: Vec<String> =
                diesel::sql_query("SELECT integrity_check AS value FROM pragma_integrity_check")
                    .load::<OneText>(c)?
                    .into_iter()
                    .map(|r| r.value)
                    .filter(|v| v != "ok")
                    .collect();
            let fk: Vec<OneText> = diesel::sql_query(
                "SELECT \"table\" || ' row ' || COALESCE(rowid, '?') || ' -> ' || parent AS value FROM pragma_foreign_key_check",
            )
            .load(c)?;
            problems.extend(
                fk.into_iter()
                    .map(|r| format!("foreign key violation: {}", r.value)),
            );
            Ok(problems)
        }
        // PostgreSQL enforces constraints on every write. What can still be
        // wrong in our schema: an index left invalid by an interrupted
        // CREATE INDEX CONCURRENTLY (queries silently stop using it, and a
        // unique one stops enforcing), or a constraint added NOT VALID and
        // never validated (old rows were not checked).
        DbConn::Postgres(c) => {
            let indexes: Vec<OneText> = diesel::sql_query(
                "SELECT 'invalid index: ' || i.indexrelid::regclass::text AS value \
                 FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid \
                 JOIN pg_namespace n ON n.oid = t.relnamespace \
                 WHERE n.nspname = current_schema() AND NOT (i.indisvalid AND i.indisready) \
                 ORDER BY 1",
            )
            .load(c)?;
            let constraints: Vec<OneText> = diesel::sql_query(
                "SELECT 'constraint not validated: ' || con.conrelid::regclass::text || '.' || con.conname AS value \
                 FROM pg_constraint con JOIN pg_namespace n ON n.oid = con.connamespace \
                 WHERE n.nspname = current_schema() AND NOT con.convalidated \
                 ORDER BY 1",
            )
            .load(c)?;
            Ok(indexes
                .into_iter()
                .chain(constraints)
                .map(|r| r.value)
                .collect())
        }
    }
}

/// One column of the live schema, normalised so both backends compare equal.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct ColumnInfo {
    pub table: String,
    pub column: String,
    pub kind: String,
    pub nullable: bool,
}

#[derive(QueryableByName)]
struct RawColumn {
    #[diesel(sql_type = Text)]
    table_name: String,
    #[diesel(sql_type = Text)]
    column_name: String,
    #[diesel(sql_type = Text)]
    data_type: String,
    #[diesel(sql_type = Integer)]
    nullable: i32,
}

/// The application tables and their columns as the database itself reports them.
pub fn live_columns(conn: &mut DbConn) -> DbResult<Vec<ColumnInfo>> {
    let raw: Vec<RawColumn> = match conn {
        DbConn::Sqlite(c) => diesel::sql_query(
            "SELECT m.name AS table_name, p.name AS column_name, p.type AS data_type,
                    CASE WHEN p.\"notnull\" = 1 OR p.pk > 0 THEN 0 ELSE 1 END AS nullable
             FROM sqlite_master m JOIN pragma_table_info(m.name) p
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'
               AND m.name <> '__diesel_schema_migrations'",
        )
        .load(c)?,
        DbConn::Postgres(c) => diesel::sql_query(
            "SELECT table_name::text AS table_name, column_name::text AS column_name,
                    data_type::text AS data_type,
                    CASE WHEN is_nullable = 'YES' THEN 1 ELSE 0 END AS nullable
             FROM information_schema.columns
             WHERE table_schema = current_schema()
               AND table_name <> '__diesel_schema_migrations'",
        )
        .load(c)?,
    };
    let mut cols: Vec<ColumnInfo> = raw
        .into_iter()
        .map(|r| ColumnInfo {
            kind: normalise_type(&r.data_type),
            table: r.table_name,
            column: r.column_name,
            nullable: r.nullable == 1,
        })
        .collect();
    cols.sort();
    Ok(cols)
}

fn normalise_type(t: &str) -> String {
    let t = t.to_ascii_lowercase();
    match t.as_str() {
        "text" | "character varying" | "varchar" => "text",
        "integer" | "int" | "int4" => "integer",
        "bigint" | "int8" => "bigint",
        "boolean" | "bool" => "boolean",
        "timestamp" | "timestamp without time zone" => "timestamp",
        "date" => "date",
        "time" | "time without time zone" => "time",
        "blob" | "bytea" => "binary",
        other => return other.to_owned(),
    }
    .to_owned()
}

/// Creates an empty PostgreSQL database (test harness, `createdb` equivalent).
pub fn create_postgres_database(admin_url: &str, name: &str) -> DbResult<()> {
    postgres_admin(
        admin_url,
        &format!("CREATE DATABASE \"{}\"", quote_ident(name)),
    )
}

/// Drops a PostgreSQL database, ending its open sessions first.
pub fn drop_postgres_database(admin_url: &str, name: &str) -> DbResult<()> {
    postgres_admin(
        admin_url,
        &format!(
            "DROP DATABASE IF EXISTS \"{}\" WITH (FORCE)",
            quote_ident(name)
        ),
    )
}

fn postgres_admin(admin_url: &str, sql: &str) -> DbResult<()> {
    use diesel::Connection;
    let mut c = diesel::PgConnection::establish(&postgres_conninfo(admin_url))
        .map_err(|e| crate::DbError::Connect(e.to_string()))?;
    c.batch_execute(sql)?;
    Ok(())
}

fn quote_ident(name: &str) -> String {
    name.replace('"', "\"\"")
}

/// Inserts many rows with one statement per chunk. The multi-backend
/// connection cannot build a multi-row insert, each concrete connection can:
/// the same statement, handed to the backend that runs.
#[macro_export]
macro_rules! batch_insert {
    ($conn:expr, $table:expr, $rows:expr) => {{
        let conn: &mut $crate::pool::DbConn = $conn;
        let mut written = 0usize;
        // Well under SQLite's limit of bound variables per statement.
        for chunk in $rows.chunks(400) {
            written += match conn {
                $crate::pool::DbConn::Sqlite(c) => {
                    diesel::insert_into($table).values(chunk).execute(c)?
                }
                $crate::pool::DbConn::Postgres(c) => {
                    diesel::insert_into($table).values(chunk).execute(c)?
                }
            };
        }
        written
    }};
}

/// Bulk loading (`traject synth` into an empty database, on a connection of
/// its own): SQLite writes each page once, with no journal at all (copying
/// every changed page into an in-memory journal cost a fifth of the load),
/// no fsync per commit, and the file locked to this connection so its page
/// cache survives between transactions; PostgreSQL does not wait for the WAL
/// flush. Turned back when the load ends (PostgreSQL then gathers
/// statistics). A crash or a failed transaction mid-load leaves a database
/// to throw away, as synth then says.
pub fn bulk_load(conn: &mut DbConn, on: bool) -> DbResult<()> {
    match conn {
        DbConn::Sqlite(c) => {
            let sql = if on {
                "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA locking_mode = EXCLUSIVE;
                 PRAGMA cache_size = -524288; PRAGMA temp_store = MEMORY;"
            } else {
                "PRAGMA locking_mode = NORMAL; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA cache_size = -2000;"
            };
            // Leaving WAL needs the database to itself: a pool that was just
            // dropped may still be closing its connections, so wait a little.
            let mut tries = 0;
            loop {
                match c.batch_execute(sql) {
                    Ok(()) => break,
                    Err(_) if tries < 50 => {
                        tries += 1;
                        std::thread::sleep(std::time::Duration::from_millis(100));
                    }
                    Err(e) => return Err(e.into()),
                }
            }
        }
        // After the load, statistics at once: otherwise the first queries
        // plan without them and autovacuum analyzes the big tables while the
        // database is first used (a benchmark's first minutes).
        DbConn::Postgres(c) => c.batch_execute(if on {
            "SET synchronous_commit = off"
        } else {
            "SET synchronous_commit = on; ANALYZE"
        })?,
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::url::DatabaseUrl;
    use std::time::Duration;

    fn insert(conn: &mut DbConn, n: i64) {
        write_tx(conn, |c| {
            diesel::sql_query(format!("INSERT INTO t (n) VALUES ({n})"))
                .execute(c)
                .map(|_| ())
        })
        .unwrap();
    }

    /// A WAL restart (tried above a number of frames; 0 forces the try)
    /// keeps the data and gives the writers' turn back: a writer on another
    /// thread goes on at once.
    #[test]
    fn a_wal_restart_keeps_the_data_and_frees_the_writers_turn() {
        let dir = std::env::temp_dir().join(format!("traject-restart-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let url = DatabaseUrl::Sqlite(dir.join("restart.db"));
        let mut writer = DbConn::open(&url).unwrap();
        writer
            .batch_execute("CREATE TABLE t (n INTEGER NOT NULL)")
            .unwrap();
        for n in 0..100 {
            insert(&mut writer, n);
        }
        let mut checkpointer = DbConn::open(&url).unwrap();
        checkpointer_connection(&mut checkpointer).unwrap();
        checkpoint(&mut checkpointer, 0).unwrap();
        let (done, wait) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            insert(&mut writer, 100);
            let _ = done.send(writer);
        });
        let mut writer = wait
            .recv_timeout(Duration::from_secs(10))
            .expect("a writer after the restart waited for the writers' turn");
        let count: i64 = diesel::dsl::sql::<BigInt>("SELECT COUNT(*) FROM t")
            .get_result(&mut writer)
            .unwrap();
        assert_eq!(count, 101);
        drop((writer, checkpointer));
        let _ = std::fs::remove_dir_all(&dir);
    }
}

/// Her row (a JSON object, or nothing when she is not of the organisation),
/// her trajectories as JSON objects `{trajectory, programme, casemanager,
/// phase_count, phase_code}` newest referral first, and their events newest
/// first.
#[derive(Queryable)]
pub(crate) struct FileHeadJson {
    pub participant: Option<String>,
    pub trajectories: String,
    pub events: String,
}

/// The SQL types of [`FileHeadJson`]'s columns.
type FileHeadSql = (Nullable<Text>, Text, Text);

/// A participant file's lists as JSON arrays (her sensitive row as a JSON
/// object or nothing), each in the order the file shows it.
#[derive(Queryable)]
pub(crate) struct FileListsJson {
    pub journal: String,
    pub glass_breaks: String,
    pub children: String,
    pub sensitive: Option<String>,
    pub languages: String,
    pub adults: String,
    pub consents: String,
}

/// The SQL types of [`FileListsJson`]'s columns.
type FileListsSql = (Text, Text, Text, Nullable<Text>, Text, Text, Text);

/// What a file's page shows beside the file, as JSON arrays: her current
/// groups (`[[id, name]]`), the open adults' groups of her open programmes
/// with their member counts (`[{"group": {..}, "members": n}]`), her latest
/// messages and her unrevoked links. (What every file page of the
/// organisation offers alike is read apart: `participants::OrgChoices`.)
#[derive(Queryable)]
pub(crate) struct FileExtrasJson {
    pub groups_mine: String,
    pub groups_open: String,
    pub messages: String,
    pub links: String,
}

/// The SQL types of [`FileExtrasJson`]'s columns.
type FileExtrasSql = (Text, Text, Text, Text);

/// A participant file as [`file_json`] reads it.
#[derive(Queryable)]
pub(crate) struct FileJson {
    pub head: FileHeadJson,
    pub lists: FileListsJson,
}

/// A participant file and its page's extras as [`file_page_json`] reads them.
#[derive(Queryable)]
pub(crate) struct FilePageJson {
    pub head: FileHeadJson,
    pub lists: FileListsJson,
    pub extras: FileExtrasJson,
}

/// What [`file_json`] asks for.
#[derive(Clone, Copy)]
pub(crate) struct FileQuery<'a> {
    pub organisation_id: &'a str,
    pub participant_id: &'a str,
    /// The audit action and outcome of a broken glass.
    pub glass_action: &'a str,
    pub glass_outcome: &'a str,
    /// The statuses of an open trajectory.
    pub open: [&'a str; 5],
}

/// What [`file_page_json`] asks for.
#[derive(Clone, Copy)]
pub(crate) struct FilePageQuery<'a> {
    pub file: FileQuery<'a>,
    /// How many of her messages, newest first.
    pub messages: i64,
}

/// PostgreSQL: a participant file in one statement (thirteen before stop
/// 36): her row, her trajectories with their programme, casemanager and
/// phase, their events, and her lists. Each statement is a round trip and a
/// wake-up on both sides; at saturation the file read spent a third of the
/// machine in the kernel and most of PostgreSQL's time outside its executor.
///
/// The lists, her sensitive row included, are read before the policy has
/// seen her trajectories; the caller shows nothing of them unless it allows
/// (as with confidential journal lines, always read and withheld by the
/// caller). One statement is also one snapshot: the policy decides on the
/// trajectories the lists were read with. `None` on SQLite, which runs in
/// process: there the plain queries cost no round trip.
pub(crate) fn file_json(conn: &mut DbConn, query: FileQuery<'_>) -> DbResult<Option<FileJson>> {
    postgres_row(conn, query)
}

/// PostgreSQL: [`file_json`] and what the file's page shows beside it, in
/// one statement. `None` on SQLite.
pub(crate) fn file_page_json(
    conn: &mut DbConn,
    query: FilePageQuery<'_>,
) -> DbResult<Option<FilePageJson>> {
    postgres_row(conn, query)
}

/// Runs one of the JSON statements above on PostgreSQL; `None` on SQLite.
fn postgres_row<'q, Q, R>(conn: &mut DbConn, query: Q) -> DbResult<Option<R>>
where
    Q: RunQueryDsl<diesel::PgConnection>
        + diesel::query_dsl::LoadQuery<'q, diesel::PgConnection, R>,
{
    let DbConn::Postgres(c) = conn else {
        return Ok(None);
    };
    Ok(Some(query.get_result(c)?))
}

/// Makes `$query` a statement of one row of `$sql` that Diesel keeps
/// prepared: a query type of its own rather than `sql_query`, which Diesel
/// never caches, so each read would be parsed and planned again.
macro_rules! prepared_row_query {
    ($query:ident, $sql:ty) => {
        impl diesel::query_builder::QueryId for $query<'_> {
            type QueryId = $query<'static>;
            const HAS_STATIC_QUERY_ID: bool = true;
        }

        impl diesel::query_builder::Query for $query<'_> {
            type SqlType = $sql;
        }

        impl RunQueryDsl<diesel::PgConnection> for $query<'_> {}
    };
}

prepared_row_query!(FileQuery, (FileHeadSql, FileListsSql));
prepared_row_query!(FilePageQuery, (FileHeadSql, FileListsSql, FileExtrasSql));

type PgAst<'a, 'b> = diesel::query_builder::AstPass<'a, 'b, diesel::pg::Pg>;

impl diesel::query_builder::QueryFragment<diesel::pg::Pg> for FileQuery<'_> {
    fn walk_ast<'b>(&'b self, mut out: PgAst<'_, 'b>) -> QueryResult<()> {
        out.push_sql("SELECT ");
        self.push_head(&mut out)?;
        out.push_sql(", ");
        self.push_lists(&mut out)
    }
}

impl diesel::query_builder::QueryFragment<diesel::pg::Pg> for FilePageQuery<'_> {
    fn walk_ast<'b>(&'b self, mut out: PgAst<'_, 'b>) -> QueryResult<()> {
        out.push_sql("SELECT ");
        self.file.push_head(&mut out)?;
        out.push_sql(", ");
        self.file.push_lists(&mut out)?;
        out.push_sql(", ");
        self.push_extras(&mut out)
    }
}

impl<'a> FileQuery<'a> {
    /// The three columns of [`FileHeadJson`].
    fn push_head<'b>(&'b self, out: &mut PgAst<'_, 'b>) -> QueryResult<()> {
        let (org, id) = (self.organisation_id, self.participant_id);
        out.push_sql("(SELECT row_to_json(t)::text FROM participants t WHERE t.organisation_id = ");
        out.push_bind_param::<Text, _>(org)?;
        out.push_sql(" AND t.id = ");
        out.push_bind_param::<Text, _>(id)?;
        // As `participants::trajectory_views` reads them on SQLite. Lists are
        // `array_to_json(ARRAY(..))` rather than `json_agg(.. ORDER BY ..)`:
        // the same JSON, but no aggregate to set up per list, which was a
        // tenth of PostgreSQL's time per file read (measured with perf).
        out.push_sql(
            "), array_to_json(ARRAY(SELECT json_build_object(\
               'trajectory', t, 'programme', p.name, 'casemanager', u.display_name, \
               'phase_count', (SELECT count(*) FROM programme_phases ph \
                  WHERE ph.organisation_id = t.organisation_id AND ph.programme_id = t.programme_id), \
               'phase_code', (SELECT ph.code FROM programme_phases ph \
                  WHERE ph.organisation_id = t.organisation_id AND ph.programme_id = t.programme_id \
                  AND ph.position = t.phase)) \
             FROM trajectories t JOIN programmes p ON p.id = t.programme_id \
             LEFT JOIN users u ON u.id = t.casemanager_id WHERE t.organisation_id = ",
        );
        out.push_bind_param::<Text, _>(org)?;
        out.push_sql(" AND t.participant_id = ");
        out.push_bind_param::<Text, _>(id)?;
        out.push_sql(
            " ORDER BY t.referred_on DESC))::text, \
             array_to_json(ARRAY(SELECT t FROM trajectory_events t WHERE t.organisation_id = ",
        );
        out.push_bind_param::<Text, _>(org)?;
        out.push_sql(
            " AND t.trajectory_id IN (SELECT h.id FROM trajectories h WHERE h.organisation_id = ",
        );
        out.push_bind_param::<Text, _>(org)?;
        out.push_sql(" AND h.participant_id = ");
        out.push_bind_param::<Text, _>(id)?;
        out.push_sql(") ORDER BY t.created_at DESC, t.id DESC))::text");
        Ok(())
    }

    /// The seven columns of [`FileListsJson`].
    fn push_lists<'b>(&'b self, out: &mut PgAst<'_, 'b>) -> QueryResult<()> {
        let (org, id) = (self.organisation_id, self.participant_id);
        // Each list in the order the file shows it (glass breaks are sorted
        // by the caller, as on SQLite).
        push_list(
            out,
            "journal_entries",
            "t.written_on DESC, t.created_at DESC",
            org,
            id,
        )?;
        // Served by the (organisation_id, subject_id, action) index, as on
        // SQLite: the cost does not grow with the trail.
        out.push_sql(", array_to_json(ARRAY(SELECT t FROM audit_log t WHERE t.organisation_id = ");
        out.push_bind_param::<Text, _>(org)?;
        out.push_sql(" AND t.subject_id = ");
        out.push_bind_param::<Text, _>(id)?;
        out.push_sql(" AND t.action = ");
        out.push_bind_param::<Text, _>(self.glass_action)?;
        out.push_sql(" AND t.outcome = ");
        out.push_bind_param::<Text, _>(self.glass_outcome)?;
        out.push_sql("))::text, ");
        push_list(out, "children", "t.birth_date", org, id)?;
        out.push_sql(", (SELECT row_to_json(t)::text FROM participant_sensitive t WHERE t.organisation_id = ");
        out.push_bind_param::<Text, _>(org)?;
        out.push_sql(" AND t.participant_id = ");
        out.push_bind_param::<Text, _>(id)?;
        out.push_sql("), ");
        push_list(out, "participant_languages", "t.language", org, id)?;
        out.push_sql(", ");
        push_list(out, "household_adults", "t.created_at", org, id)?;
        out.push_sql(", ");
        push_list(out, "consents", "t.given_on DESC", org, id)?;
        Ok(())
    }

    /// `t` is one of her open trajectories.
    fn push_open_trajectory<'b>(&'b self, out: &mut PgAst<'_, 'b>) -> QueryResult<()> {
        out.push_sql("t.organisation_id = ");
        out.push_bind_param::<Text, _>(self.organisation_id)?;
        out.push_sql(" AND t.participant_id = ");
        out.push_bind_param::<Text, _>(self.participant_id)?;
        out.push_sql(" AND t.status IN (");
        for (i, status) in self.open.iter().enumerate() {
            if i > 0 {
                out.push_sql(", ");
            }
            out.push_bind_param::<Text, _>(status)?;
        }
        out.push_sql(")");
        Ok(())
    }
}

/// One of her lists as a JSON array in `order`, `'[]'` when empty.
fn push_list<'b>(
    out: &mut PgAst<'_, 'b>,
    table: &str,
    order: &str,
    organisation_id: &'b str,
    participant_id: &'b str,
) -> QueryResult<()> {
    out.push_sql("array_to_json(ARRAY(SELECT t FROM ");
    out.push_sql(table);
    out.push_sql(" t WHERE t.organisation_id = ");
    out.push_bind_param::<Text, _>(organisation_id)?;
    out.push_sql(" AND t.participant_id = ");
    out.push_bind_param::<Text, _>(participant_id)?;
    out.push_sql(" ORDER BY ");
    out.push_sql(order);
    out.push_sql("))::text");
    Ok(())
}

impl<'a> FilePageQuery<'a> {
    /// The four columns of [`FileExtrasJson`].
    fn push_extras<'b>(&'b self, out: &mut PgAst<'_, 'b>) -> QueryResult<()> {
        let (org, id) = (self.file.organisation_id, self.file.participant_id);
        // As `groups::placement` reads them on SQLite.
        out.push_sql(
            "array_to_json(ARRAY(SELECT json_build_array(g.id, g.name) \
             FROM group_members gm JOIN groups g ON g.id = gm.group_id \
             WHERE gm.organisation_id = ",
        );
        out.push_bind_param::<Text, _>(org)?;
        out.push_sql(" AND gm.participant_id = ");
        out.push_bind_param::<Text, _>(id)?;
        out.push_sql(
            " AND gm.left_on IS NULL ORDER BY g.name))::text, \
             array_to_json(ARRAY(SELECT json_build_object('group', g, 'members', \
               (SELECT count(*) FROM group_members gm WHERE gm.organisation_id = g.organisation_id \
                AND gm.group_id = g.id AND gm.status = 'member' AND gm.left_on IS NULL)) \
             FROM groups g WHERE g.organisation_id = ",
        );
        out.push_bind_param::<Text, _>(org)?;
        // Planned from her open trajectories: without one, no group is read.
        out.push_sql(
            " AND g.kind = 'adults' AND g.active \
             AND g.programme_id IN (SELECT t.programme_id FROM trajectories t WHERE ",
        );
        self.file.push_open_trajectory(out)?;
        // As `messages::of_participant` and `links::of_participant` read them.
        out.push_sql(
            ") ORDER BY g.name))::text, \
             array_to_json(ARRAY(SELECT t FROM messages t WHERE t.organisation_id = ",
        );
        out.push_bind_param::<Text, _>(org)?;
        out.push_sql(" AND t.participant_id = ");
        out.push_bind_param::<Text, _>(id)?;
        out.push_sql(" ORDER BY t.due_at DESC LIMIT ");
        out.push_bind_param::<diesel::sql_types::BigInt, _>(&self.messages)?;
        out.push_sql(
            "))::text, \
             array_to_json(ARRAY(SELECT t FROM access_links t WHERE t.organisation_id = ",
        );
        out.push_bind_param::<Text, _>(org)?;
        out.push_sql(" AND t.participant_id = ");
        out.push_bind_param::<Text, _>(id)?;
        out.push_sql(" AND t.revoked_at IS NULL ORDER BY t.created_at DESC))::text");
        Ok(())
    }
}

/// Appends audit entries in one statement. PostgreSQL: the columns as
/// arrays through `unnest`, so the statement has one text whatever the
/// number of entries and stays prepared; a multi-row `VALUES` was parsed
/// and planned afresh for every batch of the audit writer (a few percent of
/// PostgreSQL's time at saturation of file reads). SQLite runs in process:
/// the plain multi-row insert costs no round trip.
pub(crate) fn insert_audit_entries(
    conn: &mut DbConn,
    entries: &[crate::models::AuditEntry],
) -> DbResult<()> {
    if let DbConn::Postgres(c) = conn {
        AuditRows::of(entries).execute(c)?;
        return Ok(());
    }
    crate::batch_insert!(conn, crate::schema::audit_log::table, entries);
    Ok(())
}

/// Audit entries as columns, for PostgreSQL's `unnest`.
struct AuditRows<'a> {
    text: [Vec<&'a str>; 8],
    optional: [Vec<Option<&'a str>>; 5],
    seq: Vec<i64>,
    at: Vec<chrono::NaiveDateTime>,
}

/// The columns in the order [`AuditRows`] binds them.
const AUDIT_COLUMNS: &str = "id, chain, actor_label, action, detail, outcome, prev_hash, hash, \
     organisation_id, actor_user_id, subject_type, subject_id, ip, seq, at";

type Entry = crate::models::AuditEntry;

impl<'a> AuditRows<'a> {
    fn of(entries: &'a [Entry]) -> Self {
        let text = |f: fn(&'a Entry) -> &'a str| entries.iter().map(f).collect();
        let optional = |f: fn(&'a Entry) -> Option<&'a str>| entries.iter().map(f).collect();
        Self {
            text: [
                text(|e| &e.id),
                text(|e| &e.chain),
                text(|e| &e.actor_label),
                text(|e| &e.action),
                text(|e| &e.detail),
                text(|e| &e.outcome),
                text(|e| &e.prev_hash),
                text(|e| &e.hash),
            ],
            optional: [
                optional(|e| e.organisation_id.as_deref()),
                optional(|e| e.actor_user_id.as_deref()),
                optional(|e| e.subject_type.as_deref()),
                optional(|e| e.subject_id.as_deref()),
                optional(|e| e.ip.as_deref()),
            ],
            seq: entries.iter().map(|e| e.seq).collect(),
            at: entries.iter().map(|e| e.at).collect(),
        }
    }
}

impl diesel::query_builder::QueryId for AuditRows<'_> {
    type QueryId = AuditRows<'static>;
    const HAS_STATIC_QUERY_ID: bool = true;
}

impl RunQueryDsl<diesel::PgConnection> for AuditRows<'_> {}

impl diesel::query_builder::QueryFragment<diesel::pg::Pg> for AuditRows<'_> {
    fn walk_ast<'b>(&'b self, mut out: PgAst<'_, 'b>) -> QueryResult<()> {
        use diesel::sql_types::Array;
        out.push_sql("INSERT INTO audit_log (");
        out.push_sql(AUDIT_COLUMNS);
        out.push_sql(") SELECT * FROM unnest(");
        for column in &self.text {
            out.push_bind_param::<Array<Text>, _>(column)?;
            out.push_sql("::text[], ");
        }
        for column in &self.optional {
            out.push_bind_param::<Array<Nullable<Text>>, _>(column)?;
            out.push_sql("::text[], ");
        }
        out.push_bind_param::<Array<BigInt>, _>(&self.seq)?;
        out.push_sql("::bigint[], ");
        out.push_bind_param::<Array<Timestamp>, _>(&self.at)?;
        out.push_sql("::timestamp[])");
        Ok(())
    }
}
