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
);
