//! Testimonials: her words with the scope she consented to (internal, in
//! reports to funders, public), optionally anonymised, linked to a
//! programme and a period, withdrawable. Every view asks for an audience and
//! gets only what her consent allows; withdrawn words are shown nowhere.

use crate::audit::{self, Event};
use crate::backend::write_tx;
use crate::error::{DbError, DbResult};
use crate::models::new_id;
use crate::participants::{AccessError, Origin};
use crate::pool::DbConn;
use crate::schema::*;
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use domain::outcomes::TestimonialScope;
use domain::participant::FieldError;
use domain::policy::{Action, Actor};

/// A testimonial as typed in.
#[derive(Debug, Clone)]
pub struct NewTestimonial {
    pub programme_id: String,
    pub period_from: String,
    pub period_to: String,
    pub quote: String,
    pub language: String,
    pub scope: String,
    pub anonymised: bool,
    pub consent_on: String,
}

/// Why a testimonial was not kept.
#[derive(Debug, thiserror::Error)]
pub enum TestimonialError {
    #[error(transparent)]
    Access(#[from] AccessError),
    #[error("invalid input")]
    Invalid(Vec<FieldError>),
}

impl From<DbError> for TestimonialError {
    fn from(e: DbError) -> Self {
        TestimonialError::Access(AccessError::Db(e))
    }
}

impl From<diesel::result::Error> for TestimonialError {
    fn from(e: diesel::result::Error) -> Self {
        TestimonialError::Access(AccessError::Db(e.into()))
    }
}

/// Her words as one audience may see them.
#[derive(Debug, Clone, PartialEq)]
pub struct Shown {
    pub id: String,
    /// Who said it, as far as this audience may know: her full name for
    /// staff, her first name outside, nothing when anonymised.
    pub author: String,
    pub participant_id: Option<String>,
    pub programme: String,
    pub period_from: NaiveDate,
    pub period_to: NaiveDate,
    pub quote: String,
    pub language: String,
    pub scope: TestimonialScope,
    pub anonymised: bool,
    pub consent_on: NaiveDate,
}

fn parse(
    input: &NewTestimonial,
) -> Result<(NaiveDate, NaiveDate, TestimonialScope, NaiveDate), Vec<FieldError>> {
    let mut errors = Vec::new();
    let date = |errors: &mut Vec<FieldError>, field: &'static str, raw: &str| {
        let d = domain::participant::parse_date(raw.trim());
        if d.is_none() {
            errors.push(FieldError {
                field,
                code: if raw.trim().is_empty() {
                    "required"
                } else {
                    "invalid-date"
                },
            });
        }
        d
    };
    let from = date(&mut errors, "period_from", &input.period_from);
    let to = date(&mut errors, "period_to", &input.period_to);
    let consent = date(&mut errors, "consent_on", &input.consent_on);
    if let (Some(f), Some(t)) = (from, to)
        && t < f
    {
        errors.push(FieldError {
            field: "period_to",
            code: "date-out-of-range",
        });
    }
    let quote = input.quote.trim();
    if quote.is_empty() {
        errors.push(FieldError {
            field: "quote",
            code: "required",
        });
    } else if quote.chars().count() > 2_000 {
        errors.push(FieldError {
            field: "quote",
            code: "too-long",
        });
    }
    let scope = input.scope.parse::<TestimonialScope>().ok();
    if scope.is_none() {
        errors.push(FieldError {
            field: "scope",
            code: "invalid-choice",
        });
    }
    if input.programme_id.trim().is_empty() {
        errors.push(FieldError {
            field: "programme",
            code: "required",
        });
    }
    match (from, to, scope, consent) {
        (Some(f), Some(t), Some(s), Some(c)) if errors.is_empty() => Ok((f, t, s, c)),
        _ => Err(errors),
    }
}

/// Keeps her words, for someone who may change her file.
pub fn add(
    conn: &mut DbConn,
    actor: &Actor,
    participant_id: &str,
    input: &NewTestimonial,
    origin: Origin<'_>,
) -> Result<String, TestimonialError> {
    crate::participants::require_participant(
        conn,
        actor,
        Action::EditParticipant,
        "testimonial.add",
        participant_id,
        origin,
    )?;
    let (from, to, scope, consent) = parse(input).map_err(TestimonialError::Invalid)?;
    let org = actor.organisation_id().unwrap_or_default().to_owned();
    write_tx(conn, |conn| {
        let programme: i64 = programmes::table
            .filter(programmes::organisation_id.eq(&org))
            .filter(programmes::id.eq(&input.programme_id))
            .count()
            .get_result(conn)?;
        if programme == 0 {
            return Err(TestimonialError::Invalid(vec![FieldError {
                field: "programme",
                code: "invalid-choice",
            }]));
        }
        let id = new_id();
        diesel::insert_into(testimonials::table)
            .values((
                testimonials::id.eq(&id),
                testimonials::organisation_id.eq(&org),
                testimonials::participant_id.eq(participant_id),
                testimonials::programme_id.eq(&input.programme_id),
                testimonials::period_from.eq(from),
                testimonials::period_to.eq(to),
                testimonials::quote.eq(input.quote.trim()),
                testimonials::language.eq(&input.language),
                testimonials::scope.eq(scope.code()),
                testimonials::anonymised.eq(input.anonymised),
                testimonials::consent_on.eq(consent),
                testimonials::created_by.eq(actor.user_id()),
                testimonials::created_at.eq(origin.at),
            ))
            .execute(conn)?;
        audit::record(
            conn,
            &Event::by(actor, "testimonial.add", origin.ip, origin.at)
                .about("participant", participant_id)
                .detail(scope.code()),
        )?;
        Ok(id)
    })
}

/// Withdraws her words (she changed her mind): shown nowhere from now on.
pub fn withdraw(
    conn: &mut DbConn,
    actor: &Actor,
    participant_id: &str,
    testimonial_id: &str,
    origin: Origin<'_>,
) -> Result<(), AccessError> {
    crate::participants::require_participant(
        conn,
        actor,
        Action::EditParticipant,
        "testimonial.withdraw",
        participant_id,
        origin,
    )?;
    let org = actor.organisation_id().unwrap_or_default().to_owned();
    write_tx(conn, |conn| {
        let n = diesel::update(
            testimonials::table
                .filter(testimonials::organisation_id.eq(&org))
                .filter(testimonials::participant_id.eq(participant_id))
                .filter(testimonials::id.eq(testimonial_id))
                .filter(testimonials::withdrawn_at.is_null()),
        )
        .set(testimonials::withdrawn_at.eq(origin.at))
        .execute(conn)?;
        if n == 0 {
            return Err(AccessError::Db(DbError::NotFound("testimonial")));
        }
        audit::record(
            conn,
            &Event::by(actor, "testimonial.withdraw", origin.ip, origin.at)
                .about("participant", participant_id)
                .detail(testimonial_id),
        )?;
        Ok(())
    })
}

type Row = (
    String,
    Option<String>,
    Option<String>,
    NaiveDate,
    NaiveDate,
    String,
    String,
    String,
    bool,
    NaiveDate,
    Option<NaiveDateTime>,
);

/// The testimonials of the organisation for `audience` (optionally of one
/// programme, or of one participant), never withdrawn ones.
pub(crate) fn shown_to(
    conn: &mut DbConn,
    org: &str,
    audience: TestimonialScope,
    programme: Option<&str>,
    participant: Option<&str>,
) -> DbResult<Vec<Shown>> {
    let mut q = testimonials::table
        .filter(testimonials::organisation_id.eq(org))
        .filter(testimonials::withdrawn_at.is_null())
        .into_boxed();
    if let Some(p) = programme {
        q = q.filter(testimonials::programme_id.eq(p.to_owned()));
    }
    if let Some(p) = participant {
        q = q.filter(testimonials::participant_id.eq(p.to_owned()));
    }
    let rows: Vec<Row> = q
        .order((
            testimonials::period_to.desc(),
            testimonials::created_at.desc(),
        ))
        .select((
            testimonials::id,
            testimonials::participant_id,
            testimonials::programme_id,
            testimonials::period_from,
            testimonials::period_to,
            testimonials::quote,
            testimonials::language,
            testimonials::scope,
            testimonials::anonymised,
            testimonials::consent_on,
            testimonials::withdrawn_at,
        ))
        .load(conn)?;
    let programmes: std::collections::HashMap<String, String> = programmes::table
        .filter(programmes::organisation_id.eq(org))
        .select((programmes::id, programmes::name))
        .load::<(String, String)>(conn)?
        .into_iter()
        .collect();
    let authors: Vec<&String> = rows.iter().filter_map(|r| r.1.as_ref()).collect();
    let names: std::collections::HashMap<String, (String, String)> = participants::table
        .filter(participants::organisation_id.eq(org))
        .filter(participants::id.eq_any(authors))
        .select((
            participants::id,
            participants::first_name,
            participants::last_name,
        ))
        .load::<(String, String, String)>(conn)?
        .into_iter()
        .map(|(id, f, l)| (id, (f, l)))
        .collect();
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            let scope: TestimonialScope = r.7.parse().ok()?;
            if !scope.allows(audience) {
                return None;
            }
            let author = match (&r.1, r.8) {
                (_, true) | (None, _) => String::new(),
                (Some(p), false) => names
                    .get(p)
                    .map(|(f, l)| {
                        if audience == TestimonialScope::Internal {
                            format!("{f} {l}")
                        } else {
                            f.clone()
                        }
                    })
                    .unwrap_or_default(),
            };
            Some(Shown {
                id: r.0,
                author,
                // Outside the organisation her id is not given either.
                participant_id: if audience == TestimonialScope::Internal {
                    r.1
                } else {
                    None
                },
                programme: r
                    .2
                    .and_then(|p| programmes.get(&p).cloned())
                    .unwrap_or_default(),
                period_from: r.3,
                period_to: r.4,
                quote: r.5,
                language: r.6,
                scope,
                anonymised: r.8,
                consent_on: r.9,
            })
        })
        .collect())
}

/// The testimonials for an audience, for those who may read outcome figures
/// (a coordinator preparing a report or a leaflet).
pub fn list(
    conn: &mut DbConn,
    actor: &Actor,
    audience: TestimonialScope,
    programme: Option<&str>,
    origin: Origin<'_>,
) -> Result<Vec<Shown>, AccessError> {
    let org = crate::groups::require(
        conn,
        actor,
        Action::ReadOutcomes,
        "testimonial.list",
        origin,
    )?;
    Ok(conn.transaction(|conn| -> DbResult<Vec<Shown>> {
        let mut shown = shown_to(conn, &org, audience, programme, None)?;
        // A link to her file only for those the policy lets open it: a
        // casemanager reads the organisation's testimonials, not every file.
        let authors: Vec<String> = shown
            .iter()
            .filter_map(|s| s.participant_id.clone())
            .collect();
        let openable = crate::participants::openable(conn, actor, &org, &authors)?;
        for line in &mut shown {
            if line
                .participant_id
                .as_ref()
                .is_some_and(|p| !openable.contains(p))
            {
                line.participant_id = None;
            }
        }
        Ok(shown)
    })?)
}

/// Her testimonials, for someone who may open her file (the caller has
/// recorded the read).
pub fn of_participant(conn: &mut DbConn, org: &str, participant_id: &str) -> DbResult<Vec<Shown>> {
    shown_to(
        conn,
        org,
        TestimonialScope::Internal,
        None,
        Some(participant_id),
    )
}
