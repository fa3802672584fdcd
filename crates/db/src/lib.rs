//! traject's storage: one schema, one code path over SQLite and PostgreSQL.
//! Per-backend SQL lives only in [`backend`].

#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod access;
pub mod admin;
pub mod audit;
pub mod backend;
pub mod check;
pub mod credentials;
pub mod dashboard;
pub mod demo;
pub mod direct;
pub mod error;
pub mod fiction;
pub mod groups;
pub mod messages;
pub mod migrate;
pub mod models;
pub mod network;
pub mod outcomes;
pub mod participants;
pub mod pool;
pub mod programmes;
pub mod quality;
pub mod repo;
pub mod reports;
pub mod schema;
pub mod synth;
pub mod url;
mod workers;

pub use error::{DbError, DbResult};
pub use pool::{Db, DbConn, PoolOptions, PoolState};
pub use url::{Backend, DatabaseUrl};
