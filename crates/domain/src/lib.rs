//! traject's domain: the types, coded values and rules shared by every layer.
//! Nothing here performs I/O, so it stays fast to compile and to test.

#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod budget;
pub mod calendar;
pub mod clock;
pub mod coded;
pub mod eligibility;
pub mod groups;
pub mod identity;
pub mod indicators;
pub mod instruments;
pub mod lifecycle;
pub mod messages;
pub mod model;
pub mod network;
pub mod outcomes;
pub mod participant;
pub mod password;
pub mod phonetic;
pub mod plan;
pub mod policy;
pub mod programme;
pub mod school;
pub mod sealed;
pub mod secret;
pub mod suppression;
pub mod totp;

pub use clock::{Clock, ManualClock, SystemClock};
pub use secret::Secret;
