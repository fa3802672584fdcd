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
    let declared = include_str!("main.rs");
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let Some(stem) = path.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        if path.extension().is_some_and(|e| e == "rs") && stem != "main" {
            assert!(
                declared.lines().any(|l| l == format!("mod {stem};")),
                "tests/{stem}.rs is not declared in tests/main.rs: add `mod {stem};`"
            );
        }
    }
}
