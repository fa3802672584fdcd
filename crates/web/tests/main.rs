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

/// With `autotests` off, a test file that no `mod` line names is never built
/// nor run, silently: every file here must be a module of this binary.
#[test]
fn every_test_file_is_a_module_of_this_binary() {
    test_support::assert_every_test_file_is_a_module(
        env!("CARGO_MANIFEST_DIR"),
        include_str!("main.rs"),
    );
}
