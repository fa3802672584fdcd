//! Runs a query on the concrete connection inside [`DbConn`].
//!
//! Diesel's `MultiConnection` wraps each query in a type whose every AST
//! pass first renders the whole statement to SQL: once to ask whether it may
//! be cached, once more to collect its binds. So even a cached prepared
//! statement costs two SQL renderings (and their allocations) per execution:
//! 19% of the server's CPU on an audited file read. Handing the same query to
//! the `SqliteConnection` or `PgConnection` itself keys the statement cache on
//! the query's type and renders nothing.
//!
//! The query is still written once, in Diesel's DSL; only the dispatch is
//! per backend, in [`direct!`](crate::direct!). Used by the capabilities a
//! casemanager or facilitator uses all day (sessions and access, the
//! participant file, search and lists, dashboards, groups and attendance,
//! the audit writer); elsewhere `RunQueryDsl` on `DbConn` is just as
//! correct. Boxed queries cannot come here: they are built for the
//! multi-backend.

/// Runs `$body` with `$c` bound to the concrete connection inside `$conn`
/// (a `&mut DbConn`). The body is compiled once per backend, so a query that
/// selects `Model::as_select()` is typed for each.
///
/// ```ignore
/// let rows: Vec<Child> = direct!(conn, |c| children::table
///     .filter(children::participant_id.eq(id))
///     .select(Child::as_select())
///     .load(c))?;
/// ```
#[macro_export]
macro_rules! direct {
    ($conn:expr, |$c:ident| $body:expr) => {
        match $conn {
            $crate::pool::DbConn::Sqlite($c) => $body,
            $crate::pool::DbConn::Postgres($c) => $body,
        }
    };
}
