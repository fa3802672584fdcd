//! The db crate's integration tests, one module per capability, built as
//! one binary (see `autotests` in Cargo.toml). Run one module with
//! `cargo test -p db --test integration <module>::`.

mod access;
mod groups;
mod messages;
mod network;
mod outcomes;
mod participants;
mod report_sets;
mod reports;
mod storage;
mod synth;
