//! Referrals to a partner on the social map, from a plan step or a journal
//! entry: the statuses they move through, each with its day, so that the
//! waiting time is measured; a follow-up when one sits unchanged; and the
//! sharing of her personal data with the partner, checked against her
//! consents and recorded.

use crate::audit::{self, Event};
use crate::backend::write_tx;
use crate::error::{DbError, DbResult};
use crate::models::new_id;
use crate::participants::file::authorize_on;
use crate::participants::{AccessError, Origin};
use crate::pool::DbConn;
use crate::schema::*;
use chrono::{Duration, NaiveDate};
use diesel::prelude::*;
use domain::network::{ReferralStatus, needs_follow_up, waiting_days};
use domain::participant::{ConsentScope, FieldError};
use domain::policy::{Action, Actor};
use std::collections::HashMap;

/// A referral as typed in.
#[derive(Debug, Clone)]
pub struct NewReferral {
    pub partner_id: String,
    pub service: String,
    pub reason: String,
    pub referred_on: NaiveDate,
    /// Sent at once (else only proposed to her).
    pub sent: bool,
    pub plan_step_id: Option<String>,
    pub journal_entry_id: Option<String>,
}

/// Why a referral was not saved or shared.
#[derive(Debug, thiserror::Error)]
pub enum ReferralError {
    #[error(transparent)]
    Access(#[from] AccessError),
    #[error("invalid input")]
    Invalid(Vec<FieldError>),
    /// Someone changed it since `version` was read.
    #[error("changed by someone else")]
    Conflict,
    /// She did not agree to share her data with this partner: nothing shared.
    #[error("no consent to share with {0}")]
    NoConsent(String),
}

from_storage_errors!(ReferralError);

fn invalid(field: &'static str, code: &'static str) -> ReferralError {
    ReferralError::Invalid(vec![FieldError { field, code }])
}

/// Authorises an edit of her file inside the caller's transaction; a
/// refusal is committed with the transaction (the outer `Ok`).
macro_rules! authorised {
    ($conn:expr, $actor:expr, $audit:expr, $pid:expr, $origin:expr) => {
        match authorize_on(
            $conn,
            $actor,
            Action::EditParticipant,
            $audit,
            $pid,
            $origin,
        ) {
            Ok((org, _)) => org,
            Err(e) => return Ok(Err(e.into())),
        }
    };
}

/// The name of a partner the organisation may refer to (its own or a
/// shared one, active).
fn partner_name(conn: &mut DbConn, org: &str, partner_id: &str) -> DbResult<Option<String>> {
    Ok(partners::table
        .filter(partners::id.eq(partner_id))
        .filter(partners::active.eq(true))
        .filter(
            partners::organisation_id
                .eq(org)
                .or(partners::shared.eq(true)),
        )
        .select(partners::name)
        .first(conn)
        .optional()?)
}

/// Records a referral (proposed, or sent at once); returns its id.
pub fn create(
    conn: &mut DbConn,
    actor: &Actor,
    participant_id: &str,
    input: &NewReferral,
    origin: Origin<'_>,
) -> Result<String, ReferralError> {
    let today = domain::clock::brussels_date(origin.at.and_utc());
    let mut errors = Vec::new();
    let reason = input.reason.trim();
    if reason.is_empty() {
        errors.push(FieldError {
            field: "reason",
            code: "required",
        });
    } else if reason.chars().count() > 2000 {
        errors.push(FieldError {
            field: "reason",
            code: "too-long",
        });
    }
    if input.referred_on > today || input.referred_on < today - Duration::days(366) {
        errors.push(FieldError {
            field: "referred_on",
            code: "date-out-of-range",
        });
    }
    write_tx(
        conn,
        |conn| -> Result<Result<String, ReferralError>, ReferralError> {
            let org = authorised!(conn, actor, "referral.create", participant_id, origin);
            let Some(partner) = partner_name(conn, &org, &input.partner_id)? else {
                errors.push(FieldError {
                    field: "partner_id",
                    code: "invalid-choice",
                });
                return Ok(Err(ReferralError::Invalid(errors)));
            };
            if let Some(step) = &input.plan_step_id {
                let hers: i64 = plan_steps::table
                    .inner_join(plans::table.inner_join(trajectories::table))
                    .filter(plan_steps::organisation_id.eq(&org))
                    .filter(plan_steps::id.eq(step))
                    .filter(trajectories::participant_id.eq(participant_id))
                    .count()
                    .get_result(conn)?;
                if hers == 0 {
                    errors.push(FieldError {
                        field: "plan_step_id",
                        code: "invalid-choice",
                    });
                }
            }
            if let Some(entry) = &input.journal_entry_id {
                let hers: i64 = journal_entries::table
                    .filter(journal_entries::organisation_id.eq(&org))
                    .filter(journal_entries::id.eq(entry))
                    .filter(journal_entries::participant_id.eq(participant_id))
                    .count()
                    .get_result(conn)?;
                if hers == 0 {
                    errors.push(FieldError {
                        field: "journal_entry_id",
                        code: "invalid-choice",
                    });
                }
            }
            if !errors.is_empty() {
                return Ok(Err(ReferralError::Invalid(std::mem::take(&mut errors))));
            }
            let id = new_id();
            let status = if input.sent {
                ReferralStatus::Sent
            } else {
                ReferralStatus::Proposed
            };
            diesel::insert_into(referrals::table)
                .values((
                    referrals::id.eq(&id),
                    referrals::organisation_id.eq(&org),
                    referrals::participant_id.eq(participant_id),
                    referrals::partner_id.eq(&input.partner_id),
                    referrals::service.eq(input.service.trim()),
                    referrals::reason.eq(reason),
                    referrals::plan_step_id.eq(&input.plan_step_id),
                    referrals::journal_entry_id.eq(&input.journal_entry_id),
                    referrals::referred_on.eq(input.referred_on),
                    referrals::status.eq(status.code()),
                    referrals::status_on.eq(input.referred_on),
                    referrals::outcome.eq(""),
                    referrals::note.eq(""),
                    referrals::casemanager_id.eq(Some(actor.user_id())),
                    referrals::version.eq(1),
                    referrals::created_at.eq(origin.at),
                    referrals::updated_at.eq(origin.at),
                ))
                .execute(conn)?;
            let mut statuses = vec![ReferralStatus::Proposed];
            if input.sent {
                statuses.push(ReferralStatus::Sent);
            }
            for s in statuses {
                event(conn, &org, &id, s, input.referred_on, actor, origin)?;
            }
            // The step now names the partner it went to.
            if let Some(step) = &input.plan_step_id {
                diesel::update(
                    plan_steps::table
                        .filter(plan_steps::organisation_id.eq(&org))
                        .filter(plan_steps::id.eq(step))
                        .filter(plan_steps::partner_name.eq("")),
                )
                .set(plan_steps::partner_name.eq(&partner))
                .execute(conn)?;
            }
            audit::record(
                conn,
                &Event::by(actor, "referral.create", origin.ip, origin.at)
                    .about("participant", participant_id)
                    .detail(&format!("referral {id} to partner {}", input.partner_id)),
            )?;
            Ok(Ok(id))
        },
    )?
}

fn event(
    conn: &mut DbConn,
    org: &str,
    referral_id: &str,
    status: ReferralStatus,
    on: NaiveDate,
    actor: &Actor,
    origin: Origin<'_>,
) -> DbResult<()> {
    diesel::insert_into(referral_events::table)
        .values((
            referral_events::id.eq(new_id()),
            referral_events::organisation_id.eq(org),
            referral_events::referral_id.eq(referral_id),
            referral_events::status.eq(status.code()),
            referral_events::happened_on.eq(on),
            referral_events::recorded_by.eq(Some(actor.user_id())),
            referral_events::created_at.eq(origin.at),
        ))
        .execute(conn)?;
    Ok(())
}

/// The participant a referral of the actor's organisation is for.
pub fn participant_of(conn: &mut DbConn, actor: &Actor, referral_id: &str) -> DbResult<String> {
    Ok(owner_of(conn, actor, referral_id)?.0)
}

/// Her participant and the partner of one of the organisation's referrals.
fn owner_of(conn: &mut DbConn, actor: &Actor, referral_id: &str) -> DbResult<(String, String)> {
    let org = actor.organisation_id().unwrap_or_default();
    referrals::table
        .filter(referrals::organisation_id.eq(org))
        .filter(referrals::id.eq(referral_id))
        .select((referrals::participant_id, referrals::partner_id))
        .first(conn)
        .optional()?
        .ok_or(DbError::NotFound("referral"))
}

/// A status change as typed in.
#[derive(Debug, Clone)]
pub struct Move {
    pub to: ReferralStatus,
    pub on: NaiveDate,
    pub outcome: String,
    pub note: String,
}

/// Moves a referral on (forward only, on a day not before the last one),
/// if nobody changed it since `version`. The same move sent twice changes
/// nothing the second time.
pub fn move_to(
    conn: &mut DbConn,
    actor: &Actor,
    referral_id: &str,
    version: i32,
    change: &Move,
    origin: Origin<'_>,
) -> Result<(), ReferralError> {
    let today = domain::clock::brussels_date(origin.at.and_utc());
    let (participant_id, _) = owner_of(conn, actor, referral_id)?;
    write_tx(
        conn,
        |conn| -> Result<Result<(), ReferralError>, ReferralError> {
            let org = authorised!(conn, actor, "referral.move", &participant_id, origin);
            let (status, current, last_on): (String, i32, NaiveDate) = referrals::table
                .filter(referrals::organisation_id.eq(&org))
                .filter(referrals::id.eq(referral_id))
                .select((referrals::status, referrals::version, referrals::status_on))
                .first(conn)?;
            let from: ReferralStatus = status
                .parse()
                .map_err(|_| DbError::Invalid("referral status"))?;
            if from == change.to && current == version + 1 && last_on == change.on {
                return Ok(Ok(())); // a replay of the move just made
            }
            if current != version {
                return Ok(Err(ReferralError::Conflict));
            }
            if !from.can_move_to(change.to) {
                return Ok(Err(invalid("status", "transition-not-allowed")));
            }
            if change.on > today || change.on < last_on {
                return Ok(Err(invalid("happened_on", "date-out-of-range")));
            }
            if change.outcome.chars().count() > 500 || change.note.chars().count() > 4000 {
                return Ok(Err(invalid("note", "too-long")));
            }
            let n = diesel::update(
                referrals::table
                    .filter(referrals::organisation_id.eq(&org))
                    .filter(referrals::id.eq(referral_id))
                    .filter(referrals::version.eq(version)),
            )
            .set((
                referrals::status.eq(change.to.code()),
                referrals::status_on.eq(change.on),
                referrals::outcome.eq(change.outcome.trim()),
                referrals::note.eq(change.note.trim()),
                referrals::version.eq(version + 1),
                referrals::updated_at.eq(origin.at),
            ))
            .execute(conn)?;
            if n == 0 {
                return Ok(Err(ReferralError::Conflict));
            }
            event(conn, &org, referral_id, change.to, change.on, actor, origin)?;
            audit::record(
                conn,
                &Event::by(actor, "referral.move", origin.ip, origin.at)
                    .about("participant", &participant_id)
                    .detail(&format!("referral {referral_id} {}", change.to.code())),
            )?;
            Ok(Ok(()))
        },
    )?
}

/// What is handed to the partner when her data are shared.
#[derive(Debug, Clone)]
pub struct Shared {
    pub partner: String,
    pub service: String,
    pub reason: String,
    pub first_name: String,
    pub last_name: String,
    pub birth_date: Option<NaiveDate>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub language: String,
    pub municipality: String,
}

/// Her consents in force on `today` to share her data with a named
/// partner: (consent id, partner name as written).
fn sharing_consents(
    conn: &mut DbConn,
    org: &str,
    participant_id: &str,
    today: NaiveDate,
) -> DbResult<Vec<(String, String)>> {
    Ok(consents::table
        .filter(consents::organisation_id.eq(org))
        .filter(consents::participant_id.eq(participant_id))
        .filter(consents::scope.eq(ConsentScope::SharingWithPartner.code()))
        .filter(consents::given_on.le(today))
        .filter(
            consents::withdrawn_on
                .is_null()
                .or(consents::withdrawn_on.gt(today)),
        )
        .select((consents::id, consents::partner_name))
        .load(conn)?)
}

/// The consent among `consents` that names the partner `partner` (case
/// and surrounding spaces aside).
fn consent_for<'a>(consents: &'a [(String, String)], partner: &str) -> Option<&'a str> {
    let wanted = partner.trim().to_lowercase();
    consents
        .iter()
        .find(|(_, name)| name.trim().to_lowercase() == wanted)
        .map(|(id, _)| id.as_str())
}

/// Shares her data with the referral's partner: only under her consent to
/// share with that partner, recorded each time with the consent it rests
/// on. Without consent nothing is shared and the refusal is recorded.
pub fn share(
    conn: &mut DbConn,
    actor: &Actor,
    referral_id: &str,
    origin: Origin<'_>,
) -> Result<Shared, ReferralError> {
    let today = domain::clock::brussels_date(origin.at.and_utc());
    let (participant_id, partner_id) = owner_of(conn, actor, referral_id)?;
    write_tx(
        conn,
        |conn| -> Result<Result<Shared, ReferralError>, ReferralError> {
            let org = authorised!(conn, actor, "referral.share", &participant_id, origin);
            let (partner, service, reason): (String, String, String) = referrals::table
                .inner_join(partners::table)
                .filter(referrals::organisation_id.eq(&org))
                .filter(referrals::id.eq(referral_id))
                .select((partners::name, referrals::service, referrals::reason))
                .first(conn)?;
            let consents = sharing_consents(conn, &org, &participant_id, today)?;
            let Some(consent) = consent_for(&consents, &partner).map(str::to_owned) else {
                audit::record(
                    conn,
                    &Event::by(actor, "referral.share", origin.ip, origin.at)
                        .about("participant", &participant_id)
                        .detail(&format!("refused: no consent for partner {partner_id}")),
                )?;
                return Ok(Err(ReferralError::NoConsent(partner)));
            };
            let p: (
                String,
                String,
                Option<NaiveDate>,
                Option<String>,
                Option<String>,
                String,
                String,
            ) = participants::table
                .filter(participants::organisation_id.eq(&org))
                .filter(participants::id.eq(&participant_id))
                .select((
                    participants::first_name,
                    participants::last_name,
                    participants::birth_date,
                    participants::phone,
                    participants::email,
                    participants::language,
                    participants::municipality,
                ))
                .first(conn)?;
            diesel::insert_into(data_shares::table)
                .values((
                    data_shares::id.eq(new_id()),
                    data_shares::organisation_id.eq(&org),
                    data_shares::participant_id.eq(&participant_id),
                    data_shares::partner_id.eq(&partner_id),
                    data_shares::referral_id.eq(Some(referral_id)),
                    data_shares::consent_id.eq(&consent),
                    data_shares::what.eq("contact"),
                    data_shares::shared_on.eq(today),
                    data_shares::recorded_by.eq(Some(actor.user_id())),
                    data_shares::created_at.eq(origin.at),
                ))
                .execute(conn)?;
            audit::record(
                conn,
                &Event::by(actor, "referral.share", origin.ip, origin.at)
                    .about("participant", &participant_id)
                    .detail(&format!("partner {partner_id} under consent {consent}")),
            )?;
            Ok(Ok(Shared {
                partner,
                service,
                reason,
                first_name: p.0,
                last_name: p.1,
                birth_date: p.2,
                phone: p.3,
                email: p.4,
                language: p.5,
                municipality: p.6,
            }))
        },
    )?
}

/// A referral as her file shows it.
#[derive(Debug, Clone)]
pub struct ReferralView {
    pub id: String,
    pub partner_id: String,
    pub partner: String,
    pub service: String,
    pub reason: String,
    pub referred_on: NaiveDate,
    pub status: ReferralStatus,
    pub status_on: NaiveDate,
    pub outcome: String,
    pub note: String,
    pub version: i32,
    pub from_plan: bool,
    pub from_journal: bool,
    /// Every status with its day, in order.
    pub history: Vec<(ReferralStatus, NaiveDate)>,
    pub waiting_days: Option<i64>,
    pub follow_up: bool,
    /// She agreed to share her data with this partner (today).
    pub consent: bool,
    /// Times her data were shared for this referral.
    pub shares: i64,
}

/// The days an organisation's referrals may sit unchanged.
pub fn follow_up_days(conn: &mut DbConn, org: &str) -> DbResult<i64> {
    Ok(organisations::table
        .find(org)
        .select(organisations::referral_follow_up_days)
        .first::<i32>(conn)
        .optional()?
        .map_or(domain::network::FOLLOW_UP_AFTER_DAYS, i64::from))
}

type RefRow = (
    String,
    String,
    String,
    String,
    String,
    NaiveDate,
    String,
    NaiveDate,
    String,
    String,
    i32,
    Option<String>,
    Option<String>,
);

/// Her referrals, newest first, for someone who may open her file; the
/// read is recorded.
pub fn of_participant(
    conn: &mut DbConn,
    actor: &Actor,
    participant_id: &str,
    today: NaiveDate,
    origin: Origin<'_>,
) -> Result<Vec<ReferralView>, AccessError> {
    crate::participants::require_participant(
        conn,
        actor,
        Action::ReadParticipantFile,
        "referrals.read",
        participant_id,
        origin,
    )?;
    origin.record(
        conn,
        &[Event::by(actor, "referrals.read", origin.ip, origin.at)
            .about("participant", participant_id)],
    )?;
    let org = actor.organisation_id().unwrap_or_default().to_owned();
    Ok(conn.transaction(|conn| -> DbResult<Vec<ReferralView>> {
        let after = follow_up_days(conn, &org)?;
        let rows: Vec<RefRow> = referrals::table
            .inner_join(partners::table)
            .filter(referrals::organisation_id.eq(&org))
            .filter(referrals::participant_id.eq(participant_id))
            .order((referrals::referred_on.desc(), referrals::created_at.desc()))
            .select((
                referrals::id,
                referrals::partner_id,
                partners::name,
                referrals::service,
                referrals::reason,
                referrals::referred_on,
                referrals::status,
                referrals::status_on,
                referrals::outcome,
                referrals::note,
                referrals::version,
                referrals::plan_step_id,
                referrals::journal_entry_id,
            ))
            .load(conn)?;
        let ids: Vec<&String> = rows.iter().map(|r| &r.0).collect();
        let mut history: HashMap<String, Vec<(ReferralStatus, NaiveDate)>> = HashMap::new();
        for (rid, status, on) in referral_events::table
            .filter(referral_events::organisation_id.eq(&org))
            .filter(referral_events::referral_id.eq_any(&ids))
            .order((referral_events::happened_on, referral_events::created_at))
            .select((
                referral_events::referral_id,
                referral_events::status,
                referral_events::happened_on,
            ))
            .load::<(String, String, NaiveDate)>(conn)?
        {
            if let Ok(s) = status.parse() {
                history.entry(rid).or_default().push((s, on));
            }
        }
        let mut shares: HashMap<String, i64> = HashMap::new();
        for rid in data_shares::table
            .filter(data_shares::organisation_id.eq(&org))
            .filter(data_shares::participant_id.eq(participant_id))
            .select(data_shares::referral_id)
            .load::<Option<String>>(conn)?
            .into_iter()
            .flatten()
        {
            *shares.entry(rid).or_default() += 1;
        }
        let consents = sharing_consents(conn, &org, participant_id, today)?;
        let mut out = Vec::with_capacity(rows.len());
        for r in rows {
            let status: ReferralStatus =
                r.6.parse()
                    .map_err(|_| DbError::Invalid("referral status"))?;
            let history = history.remove(&r.0).unwrap_or_default();
            let consent = consent_for(&consents, &r.2).is_some();
            out.push(ReferralView {
                waiting_days: waiting_days(&history),
                follow_up: needs_follow_up(status, r.7, after, today),
                shares: shares.get(&r.0).copied().unwrap_or(0),
                history,
                consent,
                id: r.0,
                partner_id: r.1,
                partner: r.2,
                service: r.3,
                reason: r.4,
                referred_on: r.5,
                status,
                status_on: r.7,
                outcome: r.8,
                note: r.9,
                version: r.10,
                from_plan: r.11.is_some(),
                from_journal: r.12.is_some(),
            });
        }
        Ok(out)
    })?)
}

/// An open referral that sat unchanged too long.
#[derive(Debug, Clone)]
pub struct FollowUp {
    pub participant_id: String,
    pub name: String,
    pub partner: String,
    pub status: String,
    pub since: NaiveDate,
}

/// Referrals to follow up: a casemanager's own, or (None) the
/// organisation's, oldest first; at most `limit` of them if given.
pub fn follow_ups(
    conn: &mut DbConn,
    org: &str,
    casemanager: Option<&str>,
    today: NaiveDate,
    limit: Option<i64>,
) -> DbResult<Vec<FollowUp>> {
    let after = follow_up_days(conn, org)?;
    unchanged_for(conn, org, casemanager, today, after, limit)
}

/// Open referrals unchanged for `after` days or more, oldest first.
fn unchanged_for(
    conn: &mut DbConn,
    org: &str,
    casemanager: Option<&str>,
    today: NaiveDate,
    after: i64,
    limit: Option<i64>,
) -> DbResult<Vec<FollowUp>> {
    let open: Vec<&str> = ReferralStatus::ALL
        .iter()
        .filter(|s| !s.is_closed())
        .map(|s| s.code())
        .collect();
    // The partner's name by its key, row by row: a join let PostgreSQL
    // hash every partner of every organisation (shared ones may be
    // another's, so the join cannot be narrowed to this one), 4 ms of a
    // coordinator's dashboard on a city's instance, 1 ms this way.
    let partner = partners::table
        .filter(partners::id.eq(referrals::partner_id))
        .select(partners::name)
        .single_value();
    let mut q = referrals::table
        .inner_join(participants::table)
        .filter(referrals::organisation_id.eq(org))
        .filter(participants::organisation_id.eq(org))
        .filter(referrals::status.eq_any(open))
        .filter(referrals::status_on.le(today - Duration::days(after.max(1))))
        .order(referrals::status_on)
        .select((
            referrals::participant_id,
            participants::first_name,
            participants::last_name,
            partner,
            referrals::status,
            referrals::status_on,
        ))
        .into_boxed();
    if let Some(cm) = casemanager {
        q = q.filter(referrals::casemanager_id.eq(cm.to_owned()));
    }
    if let Some(n) = limit {
        q = q.limit(n);
    }
    Ok(
        q.load::<(String, String, String, Option<String>, String, NaiveDate)>(conn)?
            .into_iter()
            .map(|(pid, first, last, partner, status, since)| FollowUp {
                participant_id: pid,
                name: format!("{first} {last}"),
                partner: partner.unwrap_or_default(),
                status,
                since,
            })
            .collect(),
    )
}

/// The full list of referrals to follow up, for its own page.
#[derive(Debug, Clone, Default)]
pub struct FollowUpList {
    pub lines: Vec<FollowUp>,
    /// After how many days unchanged a referral asks for a follow-up.
    pub after_days: i64,
    /// Whose files the reader may open (a line without is shown unlinked).
    pub openable: std::collections::HashSet<String>,
}

/// The referrals to follow up that the actor may see: her organisation's
/// for a coordinator, her own for a casemanager (whom the policy lets list
/// participants); refused, and recorded, for anyone else.
pub fn follow_up_list(
    conn: &mut DbConn,
    actor: &Actor,
    today: NaiveDate,
    origin: Origin<'_>,
) -> Result<FollowUpList, AccessError> {
    let org = actor.organisation_id().unwrap_or_default().to_owned();
    let mine = match crate::participants::listable(actor) {
        Ok(mine) => mine,
        Err(why) => {
            origin.record(
                conn,
                &[crate::participants::refusal(
                    actor,
                    "referral.follow_ups",
                    None,
                    why,
                    origin,
                )],
            )?;
            return Err(AccessError::Denied(why));
        }
    };
    Ok(crate::backend::read_tx(
        conn,
        |conn| -> DbResult<FollowUpList> {
            let after_days = follow_up_days(conn, &org)?;
            let lines = unchanged_for(conn, &org, mine.as_deref(), today, after_days, None)?;
            let ids: Vec<String> = lines.iter().map(|l| l.participant_id.clone()).collect();
            Ok(FollowUpList {
                openable: crate::participants::openable(conn, actor, &org, &ids)?,
                after_days,
                lines,
            })
        },
    )?)
}

/// Sets how many days a referral may sit unchanged (1 to 365).
pub fn set_follow_up_days(
    conn: &mut DbConn,
    actor: &Actor,
    days: i32,
    origin: Origin<'_>,
) -> Result<(), ReferralError> {
    // An organisation-wide setting: for those who set up programmes.
    let org = crate::groups::require(
        conn,
        actor,
        Action::ManageProgrammes,
        "referral.follow_up_days",
        origin,
    )?;
    if !(1..=365).contains(&days) {
        return Err(invalid("follow_up_days", "out-of-range"));
    }
    write_tx(conn, |conn| -> Result<(), ReferralError> {
        diesel::update(organisations::table.find(&org))
            .set(organisations::referral_follow_up_days.eq(days))
            .execute(conn)?;
        audit::record(
            conn,
            &Event::by(actor, "referral.follow_up_days", origin.ip, origin.at)
                .detail(&days.to_string()),
        )?;
        Ok(())
    })
}

/// Where a new referral starts from: a step of her plan (its text and its
/// goal's life domain) or a journal entry (its first life domain; never its
/// text, which may be confidential). For a page that has authorised the
/// read of her file.
pub fn starting_point(
    conn: &mut DbConn,
    org: &str,
    participant_id: &str,
    step_id: Option<&str>,
    entry_id: Option<&str>,
) -> DbResult<(String, Option<String>)> {
    if let Some(step) = step_id {
        let found: Option<(String, Option<String>)> = plan_steps::table
            .inner_join(plans::table.inner_join(trajectories::table))
            .left_join(plan_goals::table.on(plan_goals::id.nullable().eq(plan_steps::goal_id)))
            .filter(plan_steps::organisation_id.eq(org))
            .filter(plan_steps::id.eq(step))
            .filter(trajectories::participant_id.eq(participant_id))
            .select((plan_steps::description, plan_goals::domain.nullable()))
            .first(conn)
            .optional()?;
        if let Some(found) = found {
            return Ok(found);
        }
    }
    if let Some(entry) = entry_id {
        let domains: Option<String> = journal_entries::table
            .filter(journal_entries::organisation_id.eq(org))
            .filter(journal_entries::id.eq(entry))
            .filter(journal_entries::participant_id.eq(participant_id))
            .select(journal_entries::domains)
            .first(conn)
            .optional()?;
        if let Some(d) = domains {
            return Ok((
                String::new(),
                d.split(',').find(|s| !s.is_empty()).map(str::to_owned),
            ));
        }
    }
    Ok((String::new(), None))
}

/// The partners the organisation may refer to (of one life domain when
/// given): (id, name).
pub fn partner_choices(
    conn: &mut DbConn,
    org: &str,
    life_domain: Option<&str>,
) -> DbResult<Vec<(String, String)>> {
    let mut q = partners::table
        .filter(partners::active.eq(true))
        .filter(
            partners::organisation_id
                .eq(org.to_owned())
                .or(partners::shared.eq(true)),
        )
        .order(partners::name)
        .select((partners::id, partners::name))
        .into_boxed();
    if let Some(d) = life_domain {
        let ids: Vec<String> = partner_domains::table
            .filter(partner_domains::domain.eq(d))
            .select(partner_domains::partner_id)
            .load(conn)?;
        q = q.filter(partners::id.eq_any(ids));
    }
    Ok(q.load(conn)?)
}
