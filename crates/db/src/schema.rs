//! The one schema both backends share. Written by hand to match the migrations
//! under `migrations/sqlite` and `migrations/postgres`; `tests/storage.rs` proves
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
        synthetic -> Bool,
        community -> Text,
        school_day_start -> Time,
        school_day_end -> Time,
        wednesday_end -> Time,
        reminder_offsets -> Text,
        quiet_from -> Time,
        quiet_until -> Time,
        digest_at -> Time,
        referral_follow_up_days -> Integer,
        region -> Nullable<Text>,
    }
}

diesel::table! {
    access_links (id) {
        id -> Text,
        organisation_id -> Text,
        kind -> Text,
        participant_id -> Nullable<Text>,
        user_id -> Nullable<Text>,
        token_hash -> Text,
        created_by -> Nullable<Text>,
        created_at -> Timestamp,
        expires_at -> Nullable<Timestamp>,
        revoked_at -> Nullable<Timestamp>,
        last_used_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    custom_texts (organisation_id, language, text_key) {
        organisation_id -> Text,
        language -> Text,
        text_key -> Text,
        body -> Text,
        updated_by -> Nullable<Text>,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    instruments (id) {
        id -> Text,
        organisation_id -> Text,
        instrument_key -> Text,
        version -> Integer,
        definition -> Text,
        shared -> Bool,
        created_by -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    messages (id) {
        id -> Text,
        organisation_id -> Text,
        participant_id -> Nullable<Text>,
        user_id -> Nullable<Text>,
        session_id -> Nullable<Text>,
        kind -> Text,
        channel -> Text,
        language -> Text,
        address -> Text,
        facts -> Text,
        body -> Text,
        due_at -> Timestamp,
        status -> Text,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        claimed_until -> Nullable<Timestamp>,
        last_error -> Text,
        provider_id -> Nullable<Text>,
        dedupe_key -> Text,
        sent_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
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
        digest -> Bool,
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
        min_group_size -> Integer,
        session_minutes -> Integer,
        duration_months -> Integer,
        eligibility -> Text,
        life_domains -> Text,
        funders -> Text,
        report_strands -> Text,
        version -> Integer,
        intervision_weeks -> Nullable<Integer>,
        pooled -> Bool,
    }
}

diesel::table! {
    programme_phases (id) {
        id -> Text,
        organisation_id -> Text,
        programme_id -> Text,
        position -> Integer,
        code -> Text,
        typical_weeks -> Integer,
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
        other_names -> Text,
        gender -> Text,
        grammatical_gender -> Nullable<Text>,
        reading_level -> Nullable<Text>,
        nationality -> Nullable<Text>,
        phone -> Nullable<Text>,
        email -> Nullable<Text>,
        channel -> Text,
        street -> Text,
        postal_code -> Text,
        municipality -> Text,
        income -> Nullable<Text>,
        referral_source -> Nullable<Text>,
        referral_detail -> Text,
        heard_via -> Nullable<Text>,
        labour_status -> Nullable<Text>,
        education -> Nullable<Text>,
        partner_in_household -> Nullable<Bool>,
        in_article_60 -> Nullable<Bool>,
        small_social_network -> Nullable<Bool>,
        message_language -> Nullable<Text>,
    }
}

diesel::table! {
    children (id) {
        id -> Text,
        organisation_id -> Text,
        participant_id -> Text,
        first_name -> Text,
        birth_date -> Nullable<Date>,
        created_at -> Timestamp,
        care_notes -> Text,
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
        phase -> Nullable<Integer>,
        stop_reason -> Nullable<Text>,
        success -> Nullable<Bool>,
        waiting_since -> Nullable<Timestamp>,
        assigned_at -> Nullable<Timestamp>,
        seen_by_casemanager -> Bool,
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
        duration_minutes -> Nullable<Integer>,
        mode -> Text,
        domains -> Text,
        interpreter -> Bool,
        mediator -> Bool,
        next_contact_on -> Nullable<Date>,
    }
}

diesel::table! {
    participant_sensitive (participant_id) {
        participant_id -> Text,
        organisation_id -> Text,
        national_number -> Nullable<Text>,
        residence_status -> Nullable<Text>,
        disability -> Nullable<Text>,
        disability_asked_on -> Nullable<Date>,
        minority -> Nullable<Text>,
        minority_asked_on -> Nullable<Date>,
        foreign_background -> Nullable<Bool>,
        homeless -> Nullable<Bool>,
        vulnerability_note -> Text,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    participant_name_keys (organisation_id, name_key, participant_id) {
        organisation_id -> Text,
        participant_id -> Text,
        name_key -> Text,
    }
}

diesel::table! {
    participant_languages (id) {
        id -> Text,
        organisation_id -> Text,
        participant_id -> Text,
        language -> Text,
        level -> Text,
    }
}

diesel::table! {
    household_adults (id) {
        id -> Text,
        organisation_id -> Text,
        participant_id -> Text,
        first_name -> Text,
        relation -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    consents (id) {
        id -> Text,
        organisation_id -> Text,
        participant_id -> Text,
        scope -> Text,
        partner_name -> Text,
        given_on -> Date,
        withdrawn_on -> Nullable<Date>,
        recorded_by -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    trajectory_events (id) {
        id -> Text,
        organisation_id -> Text,
        trajectory_id -> Text,
        from_status -> Nullable<Text>,
        to_status -> Text,
        phase -> Nullable<Integer>,
        detail -> Text,
        happened_on -> Date,
        author_id -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    intakes (trajectory_id) {
        trajectory_id -> Text,
        organisation_id -> Text,
        motivation -> Text,
        request_for_help -> Text,
        strengths -> Text,
        dreams -> Text,
        needs -> Text,
        eligibility -> Text,
        outcome -> Nullable<Text>,
        referred_to -> Text,
        decline_reason -> Text,
        override_justification -> Text,
        decided_on -> Nullable<Date>,
        decided_by -> Nullable<Text>,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    plans (id) {
        id -> Text,
        organisation_id -> Text,
        trajectory_id -> Text,
        is_gpmi -> Bool,
        needs_assessment -> Text,
        offered_on -> Nullable<Date>,
        signed_on -> Nullable<Date>,
        starts_on -> Date,
        ends_on -> Date,
        rhythm_months -> Integer,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    plan_goals (id) {
        id -> Text,
        organisation_id -> Text,
        plan_id -> Text,
        domain -> Text,
        wording -> Text,
        position -> Integer,
    }
}

diesel::table! {
    plan_commitments (id) {
        id -> Text,
        organisation_id -> Text,
        plan_id -> Text,
        party -> Text,
        party_name -> Text,
        wording -> Text,
    }
}

diesel::table! {
    plan_steps (id) {
        id -> Text,
        organisation_id -> Text,
        plan_id -> Text,
        goal_id -> Nullable<Text>,
        owner -> Text,
        assignee_id -> Nullable<Text>,
        partner_name -> Text,
        description -> Text,
        due_on -> Nullable<Date>,
        status -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    plan_evaluations (id) {
        id -> Text,
        organisation_id -> Text,
        plan_id -> Text,
        held_on -> Date,
        in_person -> Bool,
        progress -> Text,
        note -> Text,
        author_id -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    school_years (community, school_year) {
        community -> Text,
        school_year -> Text,
        first_day -> Date,
        periods -> Text,
        imported_at -> Timestamp,
    }
}

diesel::table! {
    groups (id) {
        id -> Text,
        organisation_id -> Text,
        programme_id -> Text,
        kind -> Text,
        parent_id -> Nullable<Text>,
        name -> Text,
        languages -> Text,
        level -> Text,
        room_id -> Nullable<Text>,
        min_size -> Integer,
        max_size -> Integer,
        active -> Bool,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    group_facilitators (group_id, user_id) {
        organisation_id -> Text,
        group_id -> Text,
        user_id -> Text,
    }
}

diesel::table! {
    group_members (id) {
        id -> Text,
        organisation_id -> Text,
        group_id -> Text,
        participant_id -> Text,
        status -> Text,
        waiting_since -> Timestamp,
        joined_on -> Nullable<Date>,
        left_on -> Nullable<Date>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    practices (id) {
        id -> Text,
        organisation_id -> Text,
        title -> Text,
        life_domain -> Nullable<Text>,
        method -> Text,
        materials -> Text,
        minutes -> Nullable<Integer>,
        language_notes -> Text,
        shared -> Bool,
        created_at -> Timestamp,
        version -> Integer,
    }
}

diesel::table! {
    group_sessions (id) {
        id -> Text,
        organisation_id -> Text,
        group_id -> Text,
        series_id -> Nullable<Text>,
        held_on -> Date,
        starts_at -> Time,
        ends_at -> Time,
        room_id -> Nullable<Text>,
        kind -> Text,
        theme -> Text,
        practice_id -> Nullable<Text>,
        guest_partner -> Text,
        interpreter_needed -> Bool,
        notes -> Text,
        cancelled -> Bool,
        cancel_reason -> Text,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    session_facilitators (session_id, user_id) {
        organisation_id -> Text,
        session_id -> Text,
        user_id -> Text,
    }
}

diesel::table! {
    attendance (session_id, participant_id) {
        organisation_id -> Text,
        session_id -> Text,
        participant_id -> Text,
        mark -> Text,
        reason -> Nullable<Text>,
        marked_by -> Nullable<Text>,
        marked_at -> Timestamp,
    }
}

diesel::table! {
    attendance_keys (idempotency_key) {
        idempotency_key -> Text,
        organisation_id -> Text,
        session_id -> Text,
        received_at -> Timestamp,
    }
}

diesel::table! {
    measurement_moments (id) {
        id -> Text,
        organisation_id -> Text,
        programme_id -> Text,
        instrument_key -> Text,
        moment -> Text,
        respondent -> Text,
    }
}

diesel::table! {
    measurements (id) {
        id -> Text,
        organisation_id -> Text,
        participant_id -> Text,
        trajectory_id -> Nullable<Text>,
        programme_id -> Nullable<Text>,
        instrument_key -> Text,
        instrument_version -> Integer,
        moment -> Text,
        respondent -> Text,
        channel -> Text,
        status -> Text,
        draft -> Text,
        taken_on -> Nullable<Date>,
        entered_by -> Nullable<Text>,
        reminded_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    measurement_answers (measurement_id, item_key) {
        measurement_id -> Text,
        item_key -> Text,
        organisation_id -> Text,
        value_num -> Nullable<BigInt>,
        value_text -> Nullable<Text>,
        participant_id -> Text,
        programme_id -> Nullable<Text>,
        instrument_key -> Text,
        moment -> Text,
        respondent -> Text,
        taken_on -> Date,
    }
}

diesel::table! {
    anonymous_responses (id) {
        id -> Text,
        organisation_id -> Text,
        programme_id -> Nullable<Text>,
        group_id -> Nullable<Text>,
        session_id -> Nullable<Text>,
        instrument_key -> Text,
        instrument_version -> Integer,
        moment -> Text,
        month -> Text,
    }
}

diesel::table! {
    anonymous_answers (response_id, item_key) {
        response_id -> Text,
        item_key -> Text,
        organisation_id -> Text,
        value_num -> Nullable<BigInt>,
        value_text -> Nullable<Text>,
    }
}

diesel::table! {
    kiosks (id) {
        id -> Text,
        organisation_id -> Text,
        session_id -> Text,
        instrument_key -> Text,
        instrument_version -> Integer,
        moment -> Text,
        token_hash -> Text,
        started_by -> Text,
        started_at -> Timestamp,
        expires_at -> Timestamp,
        closed_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    kiosk_turns (id) {
        id -> Text,
        organisation_id -> Text,
        kiosk_id -> Text,
        measurement_id -> Nullable<Text>,
        draft -> Text,
        done -> Bool,
        created_at -> Timestamp,
    }
}

diesel::table! {
    testimonials (id) {
        id -> Text,
        organisation_id -> Text,
        participant_id -> Nullable<Text>,
        programme_id -> Nullable<Text>,
        period_from -> Date,
        period_to -> Date,
        quote -> Text,
        language -> Text,
        scope -> Text,
        anonymised -> Bool,
        consent_on -> Date,
        withdrawn_at -> Nullable<Timestamp>,
        created_by -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    partners (id) {
        id -> Text,
        organisation_id -> Text,
        name -> Text,
        service -> Text,
        target_groups -> Text,
        street -> Text,
        postal_code -> Text,
        city -> Text,
        accessibility -> Text,
        opening_hours -> Text,
        how_to_refer -> Text,
        phone -> Nullable<Text>,
        email -> Nullable<Text>,
        website -> Nullable<Text>,
        waiting_days -> Nullable<Integer>,
        waiting_known_on -> Nullable<Date>,
        verified_on -> Nullable<Date>,
        shared -> Bool,
        active -> Bool,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    partner_domains (partner_id, domain) {
        partner_id -> Text,
        domain -> Text,
        organisation_id -> Text,
    }
}

diesel::table! {
    partner_languages (partner_id, language) {
        partner_id -> Text,
        language -> Text,
        organisation_id -> Text,
    }
}

diesel::table! {
    partner_contacts (id) {
        id -> Text,
        organisation_id -> Text,
        partner_id -> Text,
        name -> Text,
        role -> Text,
        phone -> Nullable<Text>,
        email -> Nullable<Text>,
    }
}

diesel::table! {
    partner_notes (organisation_id, partner_id) {
        organisation_id -> Text,
        partner_id -> Text,
        note -> Text,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    referrals (id) {
        id -> Text,
        organisation_id -> Text,
        participant_id -> Text,
        partner_id -> Text,
        service -> Text,
        reason -> Text,
        plan_step_id -> Nullable<Text>,
        journal_entry_id -> Nullable<Text>,
        referred_on -> Date,
        status -> Text,
        status_on -> Date,
        outcome -> Text,
        note -> Text,
        casemanager_id -> Nullable<Text>,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    referral_events (id) {
        id -> Text,
        organisation_id -> Text,
        referral_id -> Text,
        status -> Text,
        happened_on -> Date,
        recorded_by -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    data_shares (id) {
        id -> Text,
        organisation_id -> Text,
        participant_id -> Text,
        partner_id -> Text,
        referral_id -> Nullable<Text>,
        consent_id -> Text,
        what -> Text,
        shared_on -> Date,
        recorded_by -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    signals (id) {
        id -> Text,
        organisation_id -> Text,
        category -> Text,
        domain -> Text,
        concerns -> Text,
        description -> Text,
        status -> Text,
        noted_on -> Date,
        raised_with -> Text,
        raised_on -> Nullable<Date>,
        answer -> Text,
        answered_on -> Nullable<Date>,
        resolved_on -> Nullable<Date>,
        affected -> Integer,
        recorded_by -> Nullable<Text>,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    signal_participants (signal_id, participant_id) {
        signal_id -> Text,
        participant_id -> Text,
        organisation_id -> Text,
    }
}

diesel::table! {
    meetings (id) {
        id -> Text,
        organisation_id -> Text,
        kind -> Text,
        held_on -> Date,
        title -> Text,
        agenda -> Text,
        group_id -> Nullable<Text>,
        created_by -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    meeting_attendees (id) {
        id -> Text,
        organisation_id -> Text,
        meeting_id -> Text,
        user_id -> Nullable<Text>,
        partner_id -> Nullable<Text>,
        name -> Text,
    }
}

diesel::table! {
    meeting_decisions (id) {
        id -> Text,
        organisation_id -> Text,
        meeting_id -> Text,
        decision -> Text,
        owner_id -> Nullable<Text>,
        due_on -> Nullable<Date>,
        done_on -> Nullable<Date>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    meeting_reviews (meeting_id, participant_id) {
        meeting_id -> Text,
        participant_id -> Text,
        organisation_id -> Text,
        journal_entry_id -> Text,
    }
}

diesel::table! {
    learning_log (id) {
        id -> Text,
        organisation_id -> Text,
        user_id -> Text,
        kind -> Text,
        held_on -> Date,
        minutes -> Integer,
        topic -> Text,
        with_whom -> Text,
        recorded_by -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    aftercare_chats (id) {
        id -> Text,
        organisation_id -> Text,
        participant_id -> Text,
        chat -> Text,
        consent_id -> Text,
        joined_on -> Date,
        left_on -> Nullable<Date>,
        recorded_by -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    indicator_sets (id) {
        id -> Text,
        organisation_id -> Text,
        key -> Text,
        version -> Integer,
        definition -> Text,
        added_by -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    budgets (id) {
        id -> Text,
        organisation_id -> Text,
        programme_id -> Text,
        year -> Integer,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    budget_lines (budget_id, line) {
        organisation_id -> Text,
        budget_id -> Text,
        line -> Text,
        amount_cents -> BigInt,
    }
}

diesel::table! {
    allocation_keys (budget_id, funder, line) {
        organisation_id -> Text,
        budget_id -> Text,
        funder -> Text,
        line -> Text,
        kind -> Text,
        basis_points -> Integer,
    }
}

diesel::table! {
    costs (id) {
        id -> Text,
        organisation_id -> Text,
        programme_id -> Text,
        booked_on -> Date,
        line -> Text,
        amount_cents -> BigInt,
        description -> Text,
        import_key -> Nullable<Text>,
        recorded_by -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::joinable!(sessions -> users (user_id));
diesel::joinable!(api_tokens -> users (user_id));
diesel::joinable!(sites -> organisations (organisation_id));
diesel::joinable!(group_members -> groups (group_id));
diesel::joinable!(group_members -> participants (participant_id));
diesel::joinable!(group_facilitators -> groups (group_id));
diesel::joinable!(group_facilitators -> users (user_id));
diesel::joinable!(group_sessions -> groups (group_id));
diesel::joinable!(groups -> programmes (programme_id));
diesel::joinable!(practices -> organisations (organisation_id));
diesel::joinable!(session_facilitators -> group_sessions (session_id));
diesel::joinable!(attendance -> group_sessions (session_id));
diesel::joinable!(attendance -> participants (participant_id));
diesel::joinable!(rooms -> sites (site_id));
diesel::joinable!(memberships -> users (user_id));
diesel::joinable!(memberships -> organisations (organisation_id));
diesel::joinable!(programme_phases -> programmes (programme_id));
diesel::joinable!(children -> participants (participant_id));
diesel::joinable!(trajectories -> participants (participant_id));
diesel::joinable!(trajectories -> programmes (programme_id));
diesel::joinable!(trajectories -> users (casemanager_id));
diesel::joinable!(participant_sensitive -> participants (participant_id));
diesel::joinable!(plans -> trajectories (trajectory_id));
diesel::joinable!(plan_goals -> plans (plan_id));
diesel::joinable!(plan_steps -> plans (plan_id));
diesel::joinable!(plan_evaluations -> plans (plan_id));
diesel::joinable!(intakes -> trajectories (trajectory_id));
diesel::joinable!(measurement_answers -> measurements (measurement_id));
diesel::joinable!(anonymous_answers -> anonymous_responses (response_id));
diesel::joinable!(partner_domains -> partners (partner_id));
diesel::joinable!(partner_languages -> partners (partner_id));
diesel::joinable!(referrals -> partners (partner_id));
diesel::joinable!(referrals -> participants (participant_id));
diesel::joinable!(referral_events -> referrals (referral_id));
diesel::joinable!(signal_participants -> signals (signal_id));
diesel::joinable!(meeting_attendees -> meetings (meeting_id));
diesel::joinable!(meeting_decisions -> meetings (meeting_id));
diesel::joinable!(meeting_reviews -> meetings (meeting_id));
diesel::joinable!(learning_log -> users (user_id));
diesel::joinable!(budgets -> programmes (programme_id));
diesel::joinable!(budget_lines -> budgets (budget_id));
diesel::joinable!(allocation_keys -> budgets (budget_id));
diesel::joinable!(costs -> programmes (programme_id));

diesel::allow_tables_to_appear_in_same_query!(
    organisations,
    indicator_sets,
    budgets,
    budget_lines,
    allocation_keys,
    costs,
    referrals,
    referral_events,
    data_shares,
    signals,
    signal_participants,
    meetings,
    meeting_attendees,
    meeting_decisions,
    meeting_reviews,
    learning_log,
    aftercare_chats,
    partners,
    partner_domains,
    partner_languages,
    partner_contacts,
    partner_notes,
    measurement_moments,
    measurements,
    measurement_answers,
    anonymous_responses,
    anonymous_answers,
    kiosks,
    kiosk_turns,
    testimonials,
    instruments,
    access_links,
    custom_texts,
    messages,
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
    participant_sensitive,
    participant_name_keys,
    participant_languages,
    household_adults,
    consents,
    trajectory_events,
    intakes,
    plans,
    plan_goals,
    plan_commitments,
    plan_steps,
    plan_evaluations,
    school_years,
    groups,
    group_facilitators,
    group_members,
    practices,
    group_sessions,
    session_facilitators,
    attendance,
    attendance_keys,
);

// The pooled figures count participants per organisation and gender.
diesel::allow_columns_to_appear_in_same_group_by_clause!(
    trajectories::organisation_id,
    participants::gender,
);

// The programme figures count answers per moment, item and value.
diesel::allow_columns_to_appear_in_same_group_by_clause!(
    measurement_answers::moment,
    measurement_answers::item_key,
    measurement_answers::value_num,
);
