//! The migrations are embedded at compile time: a new or changed migration
//! must rebuild the crate, which cargo does not know on its own.
fn main() {
    println!("cargo:rerun-if-changed=migrations");
}
