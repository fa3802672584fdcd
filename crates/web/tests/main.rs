//! The web crate's integration tests, one module per capability, built as
//! one binary (see `autotests` in Cargo.toml). Run one module with
//! `cargo test -p web --test integration <module>::`.

mod auth;
mod credentials;
mod messages;
mod outcomes;
mod pages;
mod participants;
mod permissions;
mod reach;
mod reports;
mod service;
