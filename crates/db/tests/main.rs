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

/// With `autotests` off, a test file that no `mod` line names is never built
/// nor run, silently: every file here must be a module of this binary.
#[test]
fn every_test_file_is_a_module_of_this_binary() {
    test_support::assert_every_test_file_is_a_module(
        env!("CARGO_MANIFEST_DIR"),
        include_str!("main.rs"),
    );
}
