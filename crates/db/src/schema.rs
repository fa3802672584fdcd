//! The one schema both backends share. Written by hand to match the migrations
//! under `migrations/sqlite` and `migrations/postgres`; `tests/schema.rs` proves
//! both backends end with exactly these tables and columns.

diesel::table! {
    organisations (id) {
        id -> Text,
        slug -> Text,
        name -> Text,
        default_language -> Text,
        is_demo -> Bool,
        created_at -> Timestamp,
        require_totp -> Bool,
    }
}

diesel::table! {
    sites (id) {
        id -> Text,
        organisation_id -> Text,
        name -> Text,
        street -> Text,
        postal_code -> Text,
        city -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    rooms (id) {
        id -> Text,
        organisation_id -> Text,
        site_id -> Text,
        name -> Text,
        capacity -> Integer,
        step_free -> Bool,
        lift -> Bool,
        pram_space -> Bool,
        childcare_room -> Bool,
        quiet_room -> Bool,
        transport_note -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    users (id) {
        id -> Text,
        email -> Text,
        username -> Nullable<Text>,
        display_name -> Text,
        preferred_language -> Nullable<Text>,
        password_hash -> Text,
        active -> Bool,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        totp_secret -> Nullable<Text>,
        totp_enabled -> Bool,
        failed_logins -> Integer,
        first_failed_at -> Nullable<Timestamp>,
        locked_until -> Nullable<Timestamp>,
        is_analyst -> Bool,
        totp_last_step -> Nullable<BigInt>,
        grammatical_gender -> Text,
        must_change_password -> Bool,
        password_expires_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    memberships (id) {
        id -> Text,
        organisation_id -> Text,
        user_id -> Text,
        role -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    programmes (id) {
        id -> Text,
        organisation_id -> Text,
        name -> Text,
        description -> Text,
        kind -> Text,
        group_capacity -> Integer,
        session_rhythm -> Text,
        active -> Bool,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    programme_phases (id) {
        id -> Text,
        organisation_id -> Text,
        programme_id -> Text,
        position -> Integer,
        code -> Text,
    }
}

diesel::table! {
    participants (id) {
        id -> Text,
        organisation_id -> Text,
        first_name -> Text,
        last_name -> Text,
        birth_date -> Nullable<Date>,
        language -> Text,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    children (id) {
        id -> Text,
        organisation_id -> Text,
        participant_id -> Text,
        first_name -> Text,
        birth_date -> Date,
        created_at -> Timestamp,
    }
}

diesel::table! {
    trajectories (id) {
        id -> Text,
        organisation_id -> Text,
        participant_id -> Text,
        programme_id -> Text,
        casemanager_id -> Nullable<Text>,
        status -> Text,
        referred_on -> Date,
        started_on -> Nullable<Date>,
        ended_on -> Nullable<Date>,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    sessions (id) {
        id -> Text,
        user_id -> Text,
        organisation_id -> Nullable<Text>,
        csrf_token -> Text,
        second_factor_pending -> Bool,
        ip -> Nullable<Text>,
        user_agent -> Nullable<Text>,
        created_at -> Timestamp,
        last_seen_at -> Timestamp,
    }
}

diesel::table! {
    recovery_codes (id) {
        id -> Text,
        user_id -> Text,
        code_hash -> Text,
        used_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    api_tokens (id) {
        id -> Text,
        organisation_id -> Text,
        user_id -> Text,
        name -> Text,
        token_hash -> Text,
        created_at -> Timestamp,
        last_used_at -> Nullable<Timestamp>,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    audit_chains (chain) {
        chain -> Text,
        seq -> BigInt,
        head_hash -> Text,
    }
}

diesel::table! {
    audit_log (id) {
        id -> Text,
        chain -> Text,
        seq -> BigInt,
        organisation_id -> Nullable<Text>,
        actor_user_id -> Nullable<Text>,
        actor_label -> Text,
        action -> Text,
        subject_type -> Nullable<Text>,
        subject_id -> Nullable<Text>,
        detail -> Text,
        outcome -> Text,
        ip -> Nullable<Text>,
        at -> Timestamp,
        prev_hash -> Text,
        hash -> Text,
    }
}

diesel::table! {
    journal_entries (id) {
        id -> Text,
        organisation_id -> Text,
        participant_id -> Text,
        author_id -> Nullable<Text>,
        confidential -> Bool,
        body -> Text,
        written_on -> Date,
        created_at -> Timestamp,
    }
}

diesel::joinable!(sessions -> users (user_id));
diesel::joinable!(api_tokens -> users (user_id));
diesel::joinable!(sites -> organisations (organisation_id));
diesel::joinable!(rooms -> sites (site_id));
diesel::joinable!(memberships -> users (user_id));
diesel::joinable!(memberships -> organisations (organisation_id));
diesel::joinable!(programme_phases -> programmes (programme_id));
diesel::joinable!(children -> participants (participant_id));
diesel::joinable!(trajectories -> participants (participant_id));
diesel::joinable!(trajectories -> programmes (programme_id));
diesel::joinable!(trajectories -> users (casemanager_id));

diesel::allow_tables_to_appear_in_same_query!(
    organisations,
    sites,
    rooms,
    users,
    memberships,
    programmes,
    programme_phases,
    participants,
    children,
    trajectories,
    sessions,
    recovery_codes,
    api_tokens,
    audit_chains,
    audit_log,
    journal_entries,
);
