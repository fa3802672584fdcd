-- Child rows by (organisation, parent). These tables' primary keys start
-- with the parent but not the organisation, and their other index starts
-- with the organisation, so a query filtering both could be planned on the
-- organisation alone and walk all its rows (SQLite without statistics did:
-- every attendance save and screen read all of an organisation's marks).
CREATE INDEX attendance_session ON attendance(organisation_id, session_id);
CREATE INDEX session_facilitators_session ON session_facilitators(organisation_id, session_id);
CREATE INDEX group_facilitators_group ON group_facilitators(organisation_id, group_id);
CREATE INDEX meeting_reviews_meeting ON meeting_reviews(organisation_id, meeting_id);
CREATE INDEX signal_participants_signal ON signal_participants(organisation_id, signal_id);
CREATE INDEX referrals_partner ON referrals(organisation_id, partner_id);
CREATE INDEX data_shares_partner ON data_shares(organisation_id, partner_id);
CREATE INDEX meeting_attendees_partner ON meeting_attendees(organisation_id, partner_id);
CREATE INDEX budget_lines_budget ON budget_lines(organisation_id, budget_id);
CREATE INDEX allocation_keys_budget ON allocation_keys(organisation_id, budget_id);
CREATE INDEX measurement_answers_measurement ON measurement_answers(organisation_id, measurement_id);
CREATE INDEX kiosk_turns_measurement ON kiosk_turns(organisation_id, measurement_id);
CREATE INDEX anonymous_answers_response ON anonymous_answers(organisation_id, response_id);
