//! Front-end libraries come from npm (pinned in assets/package-lock.json) and
//! are embedded in the binary. Pages work without JavaScript, so a machine
//! without npm still builds traject: it just serves no enhancements.

use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=assets/package.json");
    println!("cargo:rerun-if-changed=assets/package-lock.json");
    println!("cargo:rerun-if-env-changed=TRAJECT_SKIP_NPM");
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default());
    let target = out.join("htmx.min.js");
    match install(&out) {
        Some(file) => {
            if let Err(e) = std::fs::copy(&file, &target) {
                println!("cargo:warning=could not copy htmx: {e}");
                write_empty(&target);
            }
        }
        None => write_empty(&target),
    }
}

/// `npm ci` from the committed lockfile into OUT_DIR (never into the sources).
fn install(out: &Path) -> Option<PathBuf> {
    let dir = out.join("assets");
    let file = dir.join("node_modules/htmx.org/dist/htmx.min.js");
    if file.exists() {
        return Some(file);
    }
    if std::env::var_os("TRAJECT_SKIP_NPM").is_some() {
        return None;
    }
    std::fs::create_dir_all(&dir).ok()?;
    for name in ["package.json", "package-lock.json"] {
        std::fs::copy(Path::new("assets").join(name), dir.join(name)).ok()?;
    }
    let status = Command::new("npm")
        .args([
            "ci",
            "--no-audit",
            "--no-fund",
            "--ignore-scripts",
            "--loglevel=error",
        ])
        .current_dir(&dir)
        .status();
    match status {
        Ok(s) if s.success() && file.exists() => Some(file),
        Ok(s) => {
            println!(
                "cargo:warning=npm ci failed ({s}); building without htmx (pages still work without JavaScript)"
            );
            None
        }
        Err(_) => {
            println!(
                "cargo:warning=npm not found; building without htmx (pages still work without JavaScript)"
            );
            None
        }
    }
}

fn write_empty(target: &Path) {
    if let Err(e) = std::fs::write(target, b"") {
        println!("cargo:warning=could not write {}: {e}", target.display());
    }
}
