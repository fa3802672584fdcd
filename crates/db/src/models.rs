//! Row types: what a table holds, as Rust values.

use crate::schema::*;
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

/// A fresh time-ordered identifier (UUID v7): generated here, not by the
/// database, so both backends and several app servers agree without RETURNING.
pub fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = organisations)]
pub struct Organisation {
    pub id: String,
    pub slug: String,
    pub name: String,
    pub default_language: String,
    pub is_demo: bool,
    pub created_at: NaiveDateTime,
    pub require_totp: bool,
}

#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = sites)]
pub struct Site {
    pub id: String,
    pub organisation_id: String,
    pub name: String,
    pub street: String,
    pub postal_code: String,
    pub city: String,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = rooms)]
pub struct Room {
    pub id: String,
    pub organisation_id: String,
    pub site_id: String,
    pub name: String,
    pub capacity: i32,
    pub step_free: bool,
    pub lift: bool,
    pub pram_space: bool,
    pub childcare_room: bool,
    pub quiet_room: bool,
    pub transport_note: Option<String>,
    pub created_at: NaiveDateTime,
}

#[derive(Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = users)]
pub struct User {
    pub id: String,
    pub email: String,
    pub username: Option<String>,
    pub display_name: String,
    pub preferred_language: Option<String>,
    pub password_hash: String,
    pub active: bool,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub totp_secret: Option<String>,
    pub totp_enabled: bool,
    pub failed_logins: i32,
    pub first_failed_at: Option<NaiveDateTime>,
    pub locked_until: Option<NaiveDateTime>,
    pub is_analyst: bool,
    pub totp_last_step: Option<i64>,
    /// A `GrammaticalGender` code: the form of her job title in French and German.
    pub grammatical_gender: String,
    /// A temporary password from an administrator: choose your own first.
    pub must_change_password: bool,
    /// When the temporary password stops working, if it is one.
    pub password_expires_at: Option<NaiveDateTime>,
}

// The password hash and second-factor secret stay out of logs.
impl std::fmt::Debug for User {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("User")
            .field("id", &self.id)
            .field("email", &self.email)
            .field("username", &self.username)
            .field("display_name", &self.display_name)
            .field("active", &self.active)
            .finish_non_exhaustive()
    }
}

#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = memberships)]
pub struct Membership {
    pub id: String,
    pub organisation_id: String,
    pub user_id: String,
    pub role: String,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = programmes)]
pub struct Programme {
    pub id: String,
    pub organisation_id: String,
    pub name: String,
    pub description: String,
    pub kind: String,
    pub group_capacity: i32,
    pub session_rhythm: String,
    pub active: bool,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = programme_phases)]
pub struct ProgrammePhase {
    pub id: String,
    pub organisation_id: String,
    pub programme_id: String,
    pub position: i32,
    pub code: String,
}

#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = participants)]
pub struct Participant {
    pub id: String,
    pub organisation_id: String,
    pub first_name: String,
    pub last_name: String,
    pub birth_date: Option<NaiveDate>,
    pub language: String,
    pub version: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = children)]
pub struct Child {
    pub id: String,
    pub organisation_id: String,
    pub participant_id: String,
    pub first_name: String,
    pub birth_date: NaiveDate,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = trajectories)]
pub struct Trajectory {
    pub id: String,
    pub organisation_id: String,
    pub participant_id: String,
    pub programme_id: String,
    pub casemanager_id: Option<String>,
    pub status: String,
    pub referred_on: NaiveDate,
    pub started_on: Option<NaiveDate>,
    pub ended_on: Option<NaiveDate>,
    pub version: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = sessions)]
pub struct SessionRow {
    pub id: String,
    pub user_id: String,
    pub organisation_id: Option<String>,
    pub csrf_token: String,
    pub second_factor_pending: bool,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    pub created_at: NaiveDateTime,
    pub last_seen_at: NaiveDateTime,
}

#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = api_tokens)]
pub struct ApiToken {
    pub id: String,
    pub organisation_id: String,
    pub user_id: String,
    pub name: String,
    pub token_hash: String,
    pub created_at: NaiveDateTime,
    pub last_used_at: Option<NaiveDateTime>,
    pub revoked_at: Option<NaiveDateTime>,
}

#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = audit_log)]
pub struct AuditEntry {
    pub id: String,
    pub chain: String,
    pub seq: i64,
    pub organisation_id: Option<String>,
    pub actor_user_id: Option<String>,
    pub actor_label: String,
    pub action: String,
    pub subject_type: Option<String>,
    pub subject_id: Option<String>,
    pub detail: String,
    pub outcome: String,
    pub ip: Option<String>,
    pub at: NaiveDateTime,
    pub prev_hash: String,
    pub hash: String,
}

#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = journal_entries)]
pub struct JournalEntry {
    pub id: String,
    pub organisation_id: String,
    pub participant_id: String,
    pub author_id: Option<String>,
    pub confidential: bool,
    pub body: String,
    pub written_on: NaiveDate,
    pub created_at: NaiveDateTime,
}
