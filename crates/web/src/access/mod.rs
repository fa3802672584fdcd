//! Staff access: login, users, sessions, tokens, the audit trail.

pub mod api;
pub mod pages;
