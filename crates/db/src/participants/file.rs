//! Writing a participant file: a new file at intake, changes with optimistic
//! concurrency, children, other adults and consents. Each change is
//! authorised by the policy and recorded in the trail in its own
//! transaction, by field name only.

use super::{AccessError, Origin, casemanagers_of};
use crate::audit::{self, Event};
use crate::backend::write_tx;
use crate::error::{DbError, DbResult};
use crate::models::*;
use crate::pool::DbConn;
use crate::schema::*;
use chrono::NaiveDate;
use diesel::prelude::*;
use domain::participant::{ConsentScope, FieldError, FileFacts};
use domain::policy::{Action, Actor, Denied, Resource, authorize};

/// What the database holds for the editable facts, to compare with a change.
pub(crate) fn participant_row(org: &str, id: &str, f: &FileFacts) -> Participant {
    let code = |c: Option<&'static str>| c.map(str::to_owned);
    Participant {
        id: id.to_owned(),
        organisation_id: org.to_owned(),
        first_name: f.first_name.clone(),
        last_name: f.last_name.clone(),
        birth_date: f.birth_date,
        language: f.language.code().to_owned(),
        other_names: f.other_names.join("\n"),
        gender: f.gender.code().to_owned(),
        grammatical_gender: code(f.grammatical_gender.map(|g| g.code())),
        reading_level: code(f.reading_level.map(|g| g.code())),
        nationality: f.nationality.as_ref().map(|n| n.code().to_owned()),
        phone: f.phone.as_ref().map(|p| p.e164().to_owned()),
        email: f.email.as_ref().map(|e| e.as_str().to_owned()),
        channel: f.channel.code().to_owned(),
        street: f.street.clone(),
        postal_code: f.postal_code.clone(),
        municipality: f.municipality.clone(),
        income: code(f.income.map(|g| g.code())),
        referral_source: code(f.referral_source.map(|g| g.code())),
        referral_detail: f.referral_detail.clone(),
        heard_via: code(f.heard_via.map(|g| g.code())),
        labour_status: code(f.labour_status.map(|g| g.code())),
        education: code(f.education.map(|g| g.code())),
        partner_in_household: f.partner_in_household,
        in_article_60: f.in_article_60,
        small_social_network: f.small_social_network,
        ..Default::default()
    }
}

/// The names of the fields that differ between two versions of a file.
fn changed_fields(old: &Participant, new: &Participant) -> Vec<&'static str> {
    let mut out = Vec::new();
    macro_rules! cmp {
        ($($f:ident),*) => { $( if old.$f != new.$f { out.push(stringify!($f)); } )* };
    }
    cmp!(
        first_name,
        last_name,
        other_names,
        birth_date,
        language,
        gender,
        grammatical_gender,
        reading_level,
        nationality,
        phone,
        email,
        channel,
        street,
        postal_code,
        municipality,
        income,
        referral_source,
        referral_detail,
        heard_via,
        labour_status,
        education,
        partner_in_household,
        in_article_60,
        small_social_network
    );
    out
}

pub(crate) fn sensitive_row(
    org: &str,
    id: &str,
    f: &FileFacts,
    old: Option<&ParticipantSensitive>,
    today: NaiveDate,
    at: chrono::NaiveDateTime,
) -> ParticipantSensitive {
    let s = &f.sensitive;
    let disability = s.disability.map(|a| a.code().to_owned());
    let minority = s.minority.map(|a| a.code().to_owned());
    // The date the special-category question was asked: kept while the answer
    // stands, set anew when the answer changes (ESF+ documents the attempt).
    let asked = |new: &Option<String>, old_answer: Option<&Option<String>>, old_on| match new {
        None => None,
        Some(_) if old_answer == Some(new) => old_on,
        Some(_) => Some(today),
    };
    ParticipantSensitive {
        participant_id: id.to_owned(),
        organisation_id: org.to_owned(),
        national_number: s.national_number.as_ref().map(|n| n.digits().to_owned()),
        residence_status: s.residence_status.map(|r| r.code().to_owned()),
        disability_asked_on: asked(
            &disability,
            old.map(|o| &o.disability),
            old.and_then(|o| o.disability_asked_on),
        ),
        disability,
        minority_asked_on: asked(
            &minority,
            old.map(|o| &o.minority),
            old.and_then(|o| o.minority_asked_on),
        ),
        minority,
        foreign_background: s.foreign_background,
        homeless: s.homeless,
        vulnerability_note: s.vulnerability_note.clone(),
        updated_at: at,
    }
}

fn changed_sensitive(
    old: Option<&ParticipantSensitive>,
    new: &ParticipantSensitive,
) -> Vec<&'static str> {
    let blank = ParticipantSensitive::default();
    let old = old.unwrap_or(&blank);
    let mut out = Vec::new();
    macro_rules! cmp {
        ($($f:ident),*) => { $( if old.$f != new.$f { out.push(stringify!($f)); } )* };
    }
    cmp!(
        national_number,
        residence_status,
        disability,
        minority,
        foreign_background,
        homeless,
        vulnerability_note
    );
    out
}

fn replace_name_keys(conn: &mut DbConn, org: &str, id: &str, facts: &FileFacts) -> DbResult<()> {
    crate::direct!(conn, |c| diesel::delete(
        participant_name_keys::table
            .filter(participant_name_keys::organisation_id.eq(org))
            .filter(participant_name_keys::participant_id.eq(id)),
    )
    .execute(c))?;
    for key in facts.name_keys() {
        crate::direct!(conn, |c| diesel::insert_into(participant_name_keys::table)
            .values(&NameKey {
                organisation_id: org.to_owned(),
                participant_id: id.to_owned(),
                name_key: key,
            })
            .execute(c))?;
    }
    Ok(())
}

fn replace_languages(conn: &mut DbConn, org: &str, id: &str, facts: &FileFacts) -> DbResult<()> {
    crate::direct!(conn, |c| diesel::delete(
        participant_languages::table
            .filter(participant_languages::organisation_id.eq(org))
            .filter(participant_languages::participant_id.eq(id)),
    )
    .execute(c))?;
    for (language, level) in &facts.languages {
        crate::direct!(conn, |c| diesel::insert_into(participant_languages::table)
            .values(&SpokenLanguage {
                id: new_id(),
                organisation_id: org.to_owned(),
                participant_id: id.to_owned(),
                language: language.clone(),
                level: level.code().to_owned(),
            })
            .execute(c))?;
    }
    Ok(())
}

fn languages_of(conn: &mut DbConn, org: &str, id: &str) -> DbResult<Vec<(String, String)>> {
    Ok(crate::direct!(conn, |c| participant_languages::table
        .filter(participant_languages::organisation_id.eq(org))
        .filter(participant_languages::participant_id.eq(id))
        .order(participant_languages::language)
        .select((
            participant_languages::language,
            participant_languages::level,
        ))
        .load(c))?)
}

/// Opens a new file (at intake), with its first trajectory when given, in one
/// transaction. Returns the ids of the file and of the trajectory.
pub fn create(
    conn: &mut DbConn,
    actor: &Actor,
    facts: &FileFacts,
    trajectory: Option<&super::trajectory::NewTrajectory>,
    origin: Origin<'_>,
) -> Result<(String, Option<String>), EditError> {
    let org = actor.organisation_id().unwrap_or_default().to_owned();
    if let Err(why) = authorize(
        actor,
        Action::CreateParticipant,
        Resource::Organisation { id: &org },
        None,
    ) {
        origin.record(
            conn,
            &[super::refusal(
                actor,
                "participant.create",
                None,
                why,
                origin,
            )],
        )?;
        return Err(AccessError::Denied(why).into());
    }
    let id = new_id();
    let today = domain::clock::brussels_date(origin.at.and_utc());
    let trajectory_id = write_tx(conn, |conn| -> Result<Option<String>, EditError> {
        let mut row = participant_row(&org, &id, facts);
        row.version = 1;
        row.created_at = origin.at;
        row.updated_at = origin.at;
        crate::direct!(conn, |c| diesel::insert_into(participants::table)
            .values(&row)
            .execute(c))?;
        let sensitive = sensitive_row(&org, &id, facts, None, today, origin.at);
        crate::direct!(conn, |c| diesel::insert_into(participant_sensitive::table)
            .values(&sensitive)
            .execute(c))?;
        replace_name_keys(conn, &org, &id, facts)?;
        replace_languages(conn, &org, &id, facts)?;
        let mut fields = changed_fields(&Participant::default(), &row);
        fields.extend(changed_sensitive(None, &sensitive));
        audit::record(
            conn,
            &Event::by(actor, "participant.create", origin.ip, origin.at)
                .about("participant", &id)
                .detail(&fields.join(",")),
        )?;
        match trajectory {
            Some(t) => {
                let tid = super::trajectory::insert(conn, actor, &org, &id, t, origin.at)?;
                audit::record(
                    conn,
                    &Event::by(actor, "trajectory.open", origin.ip, origin.at)
                        .about("participant", &id)
                        .detail(&tid),
                )?;
                Ok(Some(tid))
            }
            None => Ok(None),
        }
    })?;
    Ok((id, trajectory_id))
}

/// The answer to a change made on an outdated version of the file: what the
/// file holds now, and which fields differ from the change.
#[derive(Debug, Clone)]
pub struct Conflict {
    pub current: Box<Participant>,
    pub fields: Vec<&'static str>,
}

#[derive(Debug, thiserror::Error)]
pub enum EditError {
    #[error(transparent)]
    Access(#[from] AccessError),
    #[error("invalid input")]
    Invalid(Vec<FieldError>),
    #[error("the file changed since it was opened")]
    Conflict(Conflict),
}

impl From<DbError> for EditError {
    fn from(e: DbError) -> Self {
        EditError::Access(AccessError::Db(e))
    }
}

impl From<diesel::result::Error> for EditError {
    fn from(e: diesel::result::Error) -> Self {
        EditError::Access(AccessError::Db(e.into()))
    }
}

/// Authorises an action on one participant of the actor's organisation;
/// another organisation's participant is "not found". A refusal is recorded
/// (inside the caller's transaction).
pub(crate) fn authorize_on(
    conn: &mut DbConn,
    actor: &Actor,
    action: Action,
    audit_action: &str,
    participant_id: &str,
    origin: Origin<'_>,
) -> Result<(String, Vec<String>), AccessError> {
    let Some(org) = actor.organisation_id().map(str::to_owned) else {
        return Err(AccessError::Denied(Denied::AnalystNoRecords));
    };
    let exists: i64 = crate::direct!(conn, |c| participants::table
        .filter(participants::organisation_id.eq(&org))
        .filter(participants::id.eq(participant_id))
        .count()
        .get_result(c))
    .map_err(DbError::from)?;
    if exists == 0 {
        return Err(AccessError::Db(DbError::NotFound("participant")));
    }
    let casemanagers = casemanagers_of(conn, &org, participant_id)?;
    let resource = Resource::Participant {
        organisation_id: &org,
        casemanager_ids: &casemanagers,
        facilitator_ids: &[],
    };
    if let Err(why) = authorize(actor, action, resource, None) {
        audit::record(
            conn,
            &super::refusal(actor, audit_action, Some(participant_id), why, origin),
        )?;
        return Err(AccessError::Denied(why));
    }
    Ok((org, casemanagers))
}

/// Changes a file, if nobody changed it since `expected_version` was read.
/// `with_sensitive`: the change carries the sensitive facts too (only those
/// allowed to see them get a form that holds them).
pub fn update(
    conn: &mut DbConn,
    actor: &Actor,
    participant_id: &str,
    expected_version: i32,
    facts: &FileFacts,
    with_sensitive: bool,
    origin: Origin<'_>,
) -> Result<i32, EditError> {
    let today = domain::clock::brussels_date(origin.at.and_utc());
    // A refusal's entry must survive the refusal: decide first, commit it, then answer.
    write_tx(conn, |conn| -> Result<Result<i32, EditError>, EditError> {
        let (org, casemanagers) = match authorize_on(
            conn,
            actor,
            Action::EditParticipant,
            "participant.update",
            participant_id,
            origin,
        ) {
            Ok(x) => x,
            Err(e) => return Ok(Err(e.into())),
        };
        if with_sensitive {
            let resource = Resource::Participant {
                organisation_id: &org,
                casemanager_ids: &casemanagers,
                facilitator_ids: &[],
            };
            if let Err(why) = authorize(actor, Action::ReadSensitive, resource, None) {
                audit::record(
                    conn,
                    &super::refusal(
                        actor,
                        "participant.update",
                        Some(participant_id),
                        why,
                        origin,
                    ),
                )?;
                return Ok(Err(AccessError::Denied(why).into()));
            }
        }
        let current: Participant = crate::direct!(conn, |c| participants::table
            .filter(participants::organisation_id.eq(&org))
            .filter(participants::id.eq(participant_id))
            .select(Participant::as_select())
            .first(c))?;
        let mut row = participant_row(&org, participant_id, facts);
        if current.version != expected_version {
            let mut fields = changed_fields(&current, &row);
            if languages_of(conn, &org, participant_id)?
                != facts
                    .languages
                    .iter()
                    .map(|(l, v)| (l.clone(), v.code().to_owned()))
                    .collect::<Vec<_>>()
            {
                fields.push("languages");
            }
            return Ok(Err(EditError::Conflict(Conflict {
                current: Box::new(current),
                fields,
            })));
        }
        row.version = current.version + 1;
        row.created_at = current.created_at;
        row.updated_at = origin.at;
        let mut fields = changed_fields(&current, &row);
        let old_languages = languages_of(conn, &org, participant_id)?;
        let new_languages: Vec<(String, String)> = {
            let mut v: Vec<(String, String)> = facts
                .languages
                .iter()
                .map(|(l, lv)| (l.clone(), lv.code().to_owned()))
                .collect();
            v.sort();
            v
        };
        if old_languages != new_languages {
            fields.push("languages");
        }
        let mut sensitive_fields = Vec::new();
        let mut new_sensitive = None;
        if with_sensitive {
            let old: Option<ParticipantSensitive> =
                crate::direct!(conn, |c| participant_sensitive::table
                    .find(participant_id)
                    .select(ParticipantSensitive::as_select())
                    .first(c))
                .optional()?;
            let new = sensitive_row(&org, participant_id, facts, old.as_ref(), today, origin.at);
            sensitive_fields = changed_sensitive(old.as_ref(), &new);
            new_sensitive = Some((old.is_some(), new));
        }
        if fields.is_empty() && sensitive_fields.is_empty() {
            return Ok(Ok(current.version));
        }
        // The version guard makes a concurrent save that slipped in lose, not overwrite.
        let saved = crate::direct!(conn, |c| diesel::update(
            participants::table
                .filter(participants::organisation_id.eq(&org))
                .filter(participants::id.eq(participant_id))
                .filter(participants::version.eq(expected_version)),
        )
        .set((
            participants::first_name.eq(&row.first_name),
            participants::last_name.eq(&row.last_name),
            participants::other_names.eq(&row.other_names),
            participants::birth_date.eq(row.birth_date),
            participants::language.eq(&row.language),
            participants::gender.eq(&row.gender),
            participants::grammatical_gender.eq(&row.grammatical_gender),
            participants::reading_level.eq(&row.reading_level),
            participants::nationality.eq(&row.nationality),
            participants::phone.eq(&row.phone),
            participants::email.eq(&row.email),
            participants::channel.eq(&row.channel),
            participants::street.eq(&row.street),
            participants::postal_code.eq(&row.postal_code),
            participants::municipality.eq(&row.municipality),
            participants::income.eq(&row.income),
            participants::referral_source.eq(&row.referral_source),
            participants::referral_detail.eq(&row.referral_detail),
            participants::heard_via.eq(&row.heard_via),
            participants::labour_status.eq(&row.labour_status),
            participants::education.eq(&row.education),
            participants::partner_in_household.eq(row.partner_in_household),
            participants::in_article_60.eq(row.in_article_60),
            participants::small_social_network.eq(row.small_social_network),
            participants::version.eq(row.version),
            participants::updated_at.eq(row.updated_at),
        ))
        .execute(c))?;
        if saved == 0 {
            return Err(DbError::Conflict("participant version".into()).into());
        }
        if let Some((exists, new)) = new_sensitive {
            if exists {
                crate::direct!(conn, |c| diesel::update(
                    participant_sensitive::table.find(participant_id)
                )
                .set(&new)
                .execute(c))?;
            } else {
                crate::direct!(conn, |c| diesel::insert_into(participant_sensitive::table)
                    .values(&new)
                    .execute(c))?;
            }
        }
        replace_name_keys(conn, &org, participant_id, facts)?;
        replace_languages(conn, &org, participant_id, facts)?;
        fields.extend(sensitive_fields);
        audit::record(
            conn,
            &Event::by(actor, "participant.update", origin.ip, origin.at)
                .about("participant", participant_id)
                .detail(&fields.join(",")),
        )?;
        Ok(Ok(row.version))
    })?
}

/// A change to the household or the consents, authorised as an edit of the file.
fn household_change<R>(
    conn: &mut DbConn,
    actor: &Actor,
    participant_id: &str,
    audit_action: &str,
    origin: Origin<'_>,
    change: impl FnOnce(&mut DbConn, &str) -> Result<(R, String), EditError>,
) -> Result<R, EditError> {
    write_tx(conn, |conn| -> Result<Result<R, EditError>, EditError> {
        let (org, _) = match authorize_on(
            conn,
            actor,
            Action::EditParticipant,
            audit_action,
            participant_id,
            origin,
        ) {
            Ok(x) => x,
            Err(e) => return Ok(Err(e.into())),
        };
        let (value, detail) = match change(conn, &org) {
            Ok(x) => x,
            Err(EditError::Invalid(e)) => return Ok(Err(EditError::Invalid(e))),
            Err(e) => return Err(e),
        };
        audit::record(
            conn,
            &Event::by(actor, audit_action, origin.ip, origin.at)
                .about("participant", participant_id)
                .detail(&detail),
        )?;
        Ok(Ok(value))
    })?
}

/// The answer for one field that does not pass.
pub(crate) fn invalid(field: &'static str, code: &'static str) -> EditError {
    EditError::Invalid(vec![FieldError { field, code }])
}

fn check_care_notes(notes: &str) -> Result<String, EditError> {
    let notes = notes.trim();
    if notes.chars().count() > 500 {
        return Err(invalid("child_care_notes", "too-long"));
    }
    Ok(notes.to_owned())
}

/// Adds a child: a first name, a birth date when known, and what childcare
/// staff need to know.
pub fn add_child(
    conn: &mut DbConn,
    actor: &Actor,
    participant_id: &str,
    first_name: &str,
    birth_date: Option<NaiveDate>,
    care_notes: &str,
    origin: Origin<'_>,
) -> Result<String, EditError> {
    let name = first_name.trim().to_owned();
    let today = domain::clock::brussels_date(origin.at.and_utc());
    household_change(
        conn,
        actor,
        participant_id,
        "child.add",
        origin,
        |conn, org| {
            if name.is_empty() || name.chars().count() > 100 {
                return Err(invalid("child_first_name", "required"));
            }
            if birth_date.is_some_and(|d| d > today) {
                return Err(invalid("child_birth_date", "date-out-of-range"));
            }
            let care_notes = check_care_notes(care_notes)?;
            let id = new_id();
            crate::direct!(conn, |c| diesel::insert_into(children::table)
                .values(&Child {
                    id: id.clone(),
                    organisation_id: org.to_owned(),
                    participant_id: participant_id.to_owned(),
                    first_name: name,
                    birth_date,
                    created_at: origin.at,
                    care_notes,
                })
                .execute(c))?;
            Ok((id.clone(), format!("child {id}")))
        },
    )
}

/// Corrects a child's birth date (the data-problems list links here).
pub fn set_child_birth_date(
    conn: &mut DbConn,
    actor: &Actor,
    participant_id: &str,
    child_id: &str,
    birth_date: NaiveDate,
    origin: Origin<'_>,
) -> Result<(), EditError> {
    let today = domain::clock::brussels_date(origin.at.and_utc());
    household_change(
        conn,
        actor,
        participant_id,
        "child.update",
        origin,
        |conn, org| {
            if birth_date > today {
                return Err(invalid("child_birth_date", "date-out-of-range"));
            }
            let n = crate::direct!(conn, |c| diesel::update(
                children::table
                    .filter(children::organisation_id.eq(org))
                    .filter(children::participant_id.eq(participant_id))
                    .filter(children::id.eq(child_id)),
            )
            .set(children::birth_date.eq(Some(birth_date)))
            .execute(c))?;
            if n == 0 {
                return Err(DbError::NotFound("child").into());
            }
            Ok(((), format!("child {child_id}: birth_date")))
        },
    )
}

/// Changes what childcare staff need to know about a child (allergies,
/// sleep, comfort): shown on the group's childcare list.
pub fn set_child_care_notes(
    conn: &mut DbConn,
    actor: &Actor,
    participant_id: &str,
    child_id: &str,
    notes: &str,
    origin: Origin<'_>,
) -> Result<(), EditError> {
    household_change(
        conn,
        actor,
        participant_id,
        "child.update",
        origin,
        |conn, org| {
            let notes = check_care_notes(notes)?;
            let n = crate::direct!(conn, |c| diesel::update(
                children::table
                    .filter(children::organisation_id.eq(org))
                    .filter(children::participant_id.eq(participant_id))
                    .filter(children::id.eq(child_id)),
            )
            .set(children::care_notes.eq(notes))
            .execute(c))?;
            if n == 0 {
                return Err(DbError::NotFound("child").into());
            }
            Ok(((), format!("child {child_id}: care_notes")))
        },
    )
}

/// Adds another adult of the household.
pub fn add_adult(
    conn: &mut DbConn,
    actor: &Actor,
    participant_id: &str,
    first_name: &str,
    relation: &str,
    origin: Origin<'_>,
) -> Result<String, EditError> {
    let name = first_name.trim().to_owned();
    let relation = relation.trim().to_owned();
    household_change(
        conn,
        actor,
        participant_id,
        "adult.add",
        origin,
        |conn, org| {
            if name.is_empty() || name.chars().count() > 100 {
                return Err(invalid("adult_first_name", "required"));
            }
            if !matches!(
                relation.as_str(),
                "partner" | "parent" | "adult_child" | "other"
            ) {
                return Err(invalid("adult_relation", "invalid-choice"));
            }
            let id = new_id();
            crate::direct!(conn, |c| diesel::insert_into(household_adults::table)
                .values(&HouseholdAdult {
                    id: id.clone(),
                    organisation_id: org.to_owned(),
                    participant_id: participant_id.to_owned(),
                    first_name: name,
                    relation,
                    created_at: origin.at,
                })
                .execute(c))?;
            Ok((id.clone(), format!("adult {id}")))
        },
    )
}

/// Records a consent given on a date, with its scope (and the partner, for sharing).
pub fn give_consent(
    conn: &mut DbConn,
    actor: &Actor,
    participant_id: &str,
    scope: ConsentScope,
    partner_name: &str,
    given_on: NaiveDate,
    origin: Origin<'_>,
) -> Result<String, EditError> {
    let partner = partner_name.trim().to_owned();
    let today = domain::clock::brussels_date(origin.at.and_utc());
    household_change(
        conn,
        actor,
        participant_id,
        "consent.give",
        origin,
        |conn, org| {
            if scope == ConsentScope::SharingWithPartner && partner.is_empty() {
                return Err(invalid("consent_partner", "required"));
            }
            if given_on > today {
                return Err(invalid("consent_given_on", "date-out-of-range"));
            }
            let id = new_id();
            crate::direct!(conn, |c| diesel::insert_into(consents::table)
                .values(&Consent {
                    id: id.clone(),
                    organisation_id: org.to_owned(),
                    participant_id: participant_id.to_owned(),
                    scope: scope.code().to_owned(),
                    partner_name: partner,
                    given_on,
                    withdrawn_on: None,
                    recorded_by: Some(actor.user_id().to_owned()),
                    created_at: origin.at,
                })
                .execute(c))?;
            Ok((id, scope.code().to_owned()))
        },
    )
}

/// Withdraws a consent from a date on; the consent stays on file.
pub fn withdraw_consent(
    conn: &mut DbConn,
    actor: &Actor,
    participant_id: &str,
    consent_id: &str,
    withdrawn_on: NaiveDate,
    origin: Origin<'_>,
) -> Result<(), EditError> {
    household_change(
        conn,
        actor,
        participant_id,
        "consent.withdraw",
        origin,
        |conn, org| {
            let consent: Option<Consent> = crate::direct!(conn, |c| consents::table
                .filter(consents::organisation_id.eq(org))
                .filter(consents::participant_id.eq(participant_id))
                .filter(consents::id.eq(consent_id))
                .select(Consent::as_select())
                .first(c))
            .optional()?;
            let Some(consent) = consent else {
                return Err(DbError::NotFound("consent").into());
            };
            if consent.withdrawn_on.is_some() {
                // Withdrawn already: a replayed request changes nothing.
                return Ok(((), format!("{} (already withdrawn)", consent.scope)));
            }
            if withdrawn_on < consent.given_on {
                return Err(invalid("consent_withdrawn_on", "date-out-of-range"));
            }
            crate::direct!(conn, |c| diesel::update(consents::table.find(consent_id))
                .set(consents::withdrawn_on.eq(Some(withdrawn_on)))
                .execute(c))?;
            Ok(((), consent.scope))
        },
    )
}

/// Whether a refusal is recorded as such: for tests and the API's answers.
pub fn is_denied(e: &EditError) -> bool {
    matches!(e, EditError::Access(AccessError::Denied(_)))
}
