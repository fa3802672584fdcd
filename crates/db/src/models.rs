//! Row types: what a table holds, as Rust values.

use crate::schema::*;
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

/// A fresh time-ordered identifier (UUID v7): generated here, not by the
/// database, so both backends and several app servers agree without RETURNING.
pub fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable, Default)]
#[diesel(table_name = organisations)]
pub struct Organisation {
    pub id: String,
    pub slug: String,
    pub name: String,
    pub default_language: String,
    pub is_demo: bool,
    pub created_at: NaiveDateTime,
    pub require_totp: bool,
    pub synthetic: bool,
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

#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable, Default)]
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
    pub min_group_size: i32,
    pub session_minutes: i32,
    pub duration_months: i32,
    /// Eligibility rules as JSON (`domain::eligibility::Rule`).
    pub eligibility: String,
    /// Life-domain codes, comma-separated.
    pub life_domains: String,
    pub funders: String,
    pub report_strands: String,
    /// Bumped by every change, to detect concurrent edits.
    pub version: i32,
    /// Its anonymised figures are pooled for federal analysts.
    pub pooled: bool,
}

#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable, Default)]
#[diesel(table_name = programme_phases)]
pub struct ProgrammePhase {
    pub id: String,
    pub organisation_id: String,
    pub programme_id: String,
    pub position: i32,
    pub code: String,
    pub typical_weeks: i32,
}

#[derive(
    Debug, Clone, PartialEq, Queryable, Selectable, Insertable, Default, serde::Deserialize,
)]
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
    /// Other spellings of her names, one per line.
    pub other_names: String,
    pub gender: String,
    pub grammatical_gender: Option<String>,
    pub reading_level: Option<String>,
    pub nationality: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub channel: String,
    pub street: String,
    pub postal_code: String,
    pub municipality: String,
    pub income: Option<String>,
    pub referral_source: Option<String>,
    pub referral_detail: String,
    pub heard_via: Option<String>,
    pub labour_status: Option<String>,
    pub education: Option<String>,
    pub partner_in_household: Option<bool>,
    pub in_article_60: Option<bool>,
    pub small_social_network: Option<bool>,
    /// The language she asked for her messages in, when not her file's.
    pub message_language: Option<String>,
}

// `Deserialize` on the rows of a participant file: PostgreSQL sends them as
// JSON (`backend::file_json`).
#[derive(
    Debug, Clone, PartialEq, Queryable, Selectable, Insertable, Default, serde::Deserialize,
)]
#[diesel(table_name = children)]
pub struct Child {
    pub id: String,
    pub organisation_id: String,
    pub participant_id: String,
    pub first_name: String,
    pub birth_date: Option<NaiveDate>,
    pub created_at: NaiveDateTime,
    /// What childcare staff need to know (allergies, comfort object...).
    pub care_notes: String,
}

#[derive(
    Debug, Clone, PartialEq, Queryable, Selectable, Insertable, Default, serde::Deserialize,
)]
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
    /// The phase's position while active (1-based).
    pub phase: Option<i32>,
    pub stop_reason: Option<String>,
    pub success: Option<bool>,
    pub waiting_since: Option<NaiveDateTime>,
    pub assigned_at: Option<NaiveDateTime>,
    /// False until the assigned casemanager has opened the new intake.
    pub seen_by_casemanager: bool,
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

#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable, serde::Deserialize)]
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

#[derive(
    Debug, Clone, PartialEq, Queryable, Selectable, Insertable, Default, serde::Deserialize,
)]
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
    pub duration_minutes: Option<i32>,
    pub mode: String,
    /// Life-domain codes, comma-separated.
    pub domains: String,
    pub interpreter: bool,
    pub mediator: bool,
    pub next_contact_on: Option<NaiveDate>,
}

/// The sensitive facts of a file: read only for the assigned casemanagers and
/// coordinators, never for a list.
#[derive(
    Debug,
    Clone,
    PartialEq,
    Default,
    Queryable,
    Selectable,
    Insertable,
    AsChangeset,
    serde::Deserialize,
)]
#[diesel(table_name = participant_sensitive, treat_none_as_null = true)]
pub struct ParticipantSensitive {
    pub participant_id: String,
    pub organisation_id: String,
    pub national_number: Option<String>,
    pub residence_status: Option<String>,
    pub disability: Option<String>,
    pub disability_asked_on: Option<NaiveDate>,
    pub minority: Option<String>,
    pub minority_asked_on: Option<NaiveDate>,
    pub foreign_background: Option<bool>,
    pub homeless: Option<bool>,
    pub vulnerability_note: String,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = participant_name_keys)]
pub struct NameKey {
    pub organisation_id: String,
    pub participant_id: String,
    pub name_key: String,
}

#[derive(
    Debug, Clone, PartialEq, Default, Queryable, Selectable, Insertable, serde::Deserialize,
)]
#[diesel(table_name = participant_languages)]
pub struct SpokenLanguage {
    pub id: String,
    pub organisation_id: String,
    pub participant_id: String,
    pub language: String,
    pub level: String,
}

#[derive(
    Debug, Clone, PartialEq, Default, Queryable, Selectable, Insertable, serde::Deserialize,
)]
#[diesel(table_name = household_adults)]
pub struct HouseholdAdult {
    pub id: String,
    pub organisation_id: String,
    pub participant_id: String,
    pub first_name: String,
    pub relation: String,
    pub created_at: NaiveDateTime,
}

#[derive(
    Debug, Clone, PartialEq, Default, Queryable, Selectable, Insertable, serde::Deserialize,
)]
#[diesel(table_name = consents)]
pub struct Consent {
    pub id: String,
    pub organisation_id: String,
    pub participant_id: String,
    pub scope: String,
    pub partner_name: String,
    pub given_on: NaiveDate,
    pub withdrawn_on: Option<NaiveDate>,
    pub recorded_by: Option<String>,
    pub created_at: NaiveDateTime,
}

#[derive(
    Debug, Clone, PartialEq, Default, Queryable, Selectable, Insertable, serde::Deserialize,
)]
#[diesel(table_name = trajectory_events)]
pub struct TrajectoryEvent {
    pub id: String,
    pub organisation_id: String,
    pub trajectory_id: String,
    pub from_status: Option<String>,
    pub to_status: String,
    pub phase: Option<i32>,
    pub detail: String,
    pub happened_on: NaiveDate,
    pub author_id: Option<String>,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, PartialEq, Default, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = intakes, treat_none_as_null = true)]
pub struct Intake {
    pub trajectory_id: String,
    pub organisation_id: String,
    pub motivation: String,
    pub request_for_help: String,
    pub strengths: String,
    pub dreams: String,
    /// Needs per life domain as JSON: `{"housing": "..."}`.
    pub needs: String,
    /// The eligibility assessment as evaluated at the decision (JSON).
    pub eligibility: String,
    pub outcome: Option<String>,
    pub referred_to: String,
    pub decline_reason: String,
    pub override_justification: String,
    pub decided_on: Option<NaiveDate>,
    pub decided_by: Option<String>,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, PartialEq, Default, Queryable, Selectable, Insertable)]
#[diesel(table_name = plans)]
pub struct Plan {
    pub id: String,
    pub organisation_id: String,
    pub trajectory_id: String,
    pub is_gpmi: bool,
    pub needs_assessment: String,
    pub offered_on: Option<NaiveDate>,
    pub signed_on: Option<NaiveDate>,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub rhythm_months: i32,
    pub version: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, PartialEq, Default, Queryable, Selectable, Insertable)]
#[diesel(table_name = plan_goals)]
pub struct PlanGoal {
    pub id: String,
    pub organisation_id: String,
    pub plan_id: String,
    pub domain: String,
    pub wording: String,
    pub position: i32,
}

#[derive(Debug, Clone, PartialEq, Default, Queryable, Selectable, Insertable)]
#[diesel(table_name = plan_commitments)]
pub struct PlanCommitment {
    pub id: String,
    pub organisation_id: String,
    pub plan_id: String,
    pub party: String,
    pub party_name: String,
    pub wording: String,
}

#[derive(Debug, Clone, PartialEq, Default, Queryable, Selectable, Insertable)]
#[diesel(table_name = plan_steps)]
pub struct PlanStep {
    pub id: String,
    pub organisation_id: String,
    pub plan_id: String,
    pub goal_id: Option<String>,
    pub owner: String,
    pub assignee_id: Option<String>,
    pub partner_name: String,
    pub description: String,
    pub due_on: Option<NaiveDate>,
    pub status: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, PartialEq, Default, Queryable, Selectable, Insertable)]
#[diesel(table_name = plan_evaluations)]
pub struct PlanEvaluation {
    pub id: String,
    pub organisation_id: String,
    pub plan_id: String,
    pub held_on: NaiveDate,
    pub in_person: bool,
    /// Progress per goal as JSON: `{"<goal id>": "progressing"}`.
    pub progress: String,
    pub note: String,
    pub author_id: Option<String>,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable, serde::Deserialize)]
#[diesel(table_name = groups)]
pub struct Group {
    pub id: String,
    pub organisation_id: String,
    pub programme_id: String,
    /// adults, childrens_group (7 and older) or childcare (under 7).
    pub kind: String,
    /// For a children's group or childcare: the adults' group it goes with.
    pub parent_id: Option<String>,
    pub name: String,
    /// Language codes, comma-separated.
    pub languages: String,
    pub level: String,
    pub room_id: Option<String>,
    pub min_size: i32,
    pub max_size: i32,
    pub active: bool,
    pub version: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = group_members)]
pub struct GroupMember {
    pub id: String,
    pub organisation_id: String,
    pub group_id: String,
    pub participant_id: String,
    /// member or waiting.
    pub status: String,
    pub waiting_since: NaiveDateTime,
    pub joined_on: Option<NaiveDate>,
    pub left_on: Option<NaiveDate>,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = group_sessions)]
pub struct GroupSession {
    pub id: String,
    pub organisation_id: String,
    pub group_id: String,
    pub series_id: Option<String>,
    pub held_on: NaiveDate,
    pub starts_at: chrono::NaiveTime,
    pub ends_at: chrono::NaiveTime,
    pub room_id: Option<String>,
    pub kind: String,
    pub theme: String,
    pub practice_id: Option<String>,
    pub guest_partner: String,
    pub interpreter_needed: bool,
    pub notes: String,
    pub cancelled: bool,
    pub cancel_reason: String,
    pub version: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = attendance)]
pub struct AttendanceRow {
    pub organisation_id: String,
    pub session_id: String,
    pub participant_id: String,
    pub mark: String,
    pub reason: Option<String>,
    pub marked_by: Option<String>,
    pub marked_at: NaiveDateTime,
}

#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = practices)]
pub struct Practice {
    pub id: String,
    pub organisation_id: String,
    pub title: String,
    pub life_domain: Option<String>,
    pub method: String,
    pub materials: String,
    pub minutes: Option<i32>,
    pub language_notes: String,
    pub shared: bool,
    pub created_at: NaiveDateTime,
    pub version: i32,
}
