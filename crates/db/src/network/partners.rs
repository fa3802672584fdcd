//! The social map: partners with their life domains, languages, how to
//! refer and the last known waiting time. An organisation keeps its own
//! partners and may share them with the other organisations on the
//! instance; everyone finds its own and the shared ones, searched by domain
//! and language. A partner not verified for a year is stale.

use crate::audit::{self, Event};
use crate::backend::write_tx;
use crate::error::{DbError, DbResult};
use crate::models::new_id;
use crate::participants::{AccessError, Origin};
use crate::pool::DbConn;
use crate::schema::*;
use chrono::NaiveDate;
use diesel::prelude::*;
use domain::participant::{FieldError, LifeDomain};
use domain::policy::{Action, Actor};
use std::collections::HashMap;

/// A partner as typed in.
#[derive(Debug, Clone, Default)]
pub struct PartnerInput {
    pub name: String,
    pub service: String,
    /// Life domain codes.
    pub domains: Vec<String>,
    /// Language codes (two or three letters).
    pub languages: Vec<String>,
    pub target_groups: String,
    pub street: String,
    pub postal_code: String,
    pub city: String,
    pub accessibility: String,
    pub opening_hours: String,
    pub how_to_refer: String,
    pub phone: String,
    pub email: String,
    pub website: String,
    /// Last known waiting time in days ("" for unknown).
    pub waiting_days: String,
    pub shared: bool,
    /// Contact people.
    pub contacts: Vec<ContactInput>,
}

/// A contact person at a partner.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ContactInput {
    pub name: String,
    pub role: String,
    pub phone: String,
    pub email: String,
}

impl ContactInput {
    /// Contact people typed one per line: name; role; phone; email.
    pub fn parse_lines(text: &str) -> Vec<ContactInput> {
        text.lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| {
                let mut parts = l.split(';').map(str::trim);
                let mut next = || parts.next().unwrap_or("").to_owned();
                ContactInput {
                    name: next(),
                    role: next(),
                    phone: next(),
                    email: next(),
                }
            })
            .collect()
    }

    /// The same, written back one per line.
    pub fn lines(contacts: &[ContactInput]) -> String {
        contacts
            .iter()
            .map(|c| {
                [c.name.as_str(), &c.role, &c.phone, &c.email]
                    .join("; ")
                    .trim_end_matches([';', ' '])
                    .to_owned()
            })
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// Why a partner was not saved.
#[derive(Debug, thiserror::Error)]
pub enum PartnerError {
    #[error(transparent)]
    Access(#[from] AccessError),
    #[error("invalid input")]
    Invalid(Vec<FieldError>),
    /// Someone saved it since `version` was read.
    #[error("changed by someone else")]
    Conflict,
}

from_storage_errors!(PartnerError);

struct Checked {
    domains: Vec<LifeDomain>,
    languages: Vec<String>,
    waiting_days: Option<i32>,
}

fn check(input: &PartnerInput) -> Result<Checked, Vec<FieldError>> {
    let mut errors = Vec::new();
    if input.name.trim().is_empty() {
        errors.push(FieldError {
            field: "name",
            code: "required",
        });
    }
    let domains: Vec<LifeDomain> = input
        .domains
        .iter()
        .filter_map(|d| d.parse().ok())
        .collect();
    if domains.is_empty() || domains.len() != input.domains.len() {
        errors.push(FieldError {
            field: "domains",
            code: if input.domains.is_empty() {
                "required"
            } else {
                "invalid-choice"
            },
        });
    }
    let languages: Vec<String> = input
        .languages
        .iter()
        .map(|l| l.trim().to_lowercase())
        .filter(|l| !l.is_empty())
        .collect();
    if languages
        .iter()
        .any(|l| !(2..=3).contains(&l.len()) || !l.bytes().all(|b| b.is_ascii_lowercase()))
    {
        errors.push(FieldError {
            field: "languages",
            code: "invalid-languages",
        });
    }
    let waiting_days = match input.waiting_days.trim() {
        "" => None,
        raw => match raw.parse::<i32>() {
            Ok(n) if (0..=730).contains(&n) => Some(n),
            _ => {
                errors.push(FieldError {
                    field: "waiting_days",
                    code: "out-of-range",
                });
                None
            }
        },
    };
    if input.contacts.iter().any(|c| c.name.trim().is_empty()) || input.contacts.len() > 20 {
        errors.push(FieldError {
            field: "contacts",
            code: "invalid-contacts",
        });
    }
    if errors.is_empty() {
        Ok(Checked {
            domains,
            languages,
            waiting_days,
        })
    } else {
        Err(errors)
    }
}

/// The facts a save writes, the same for a new partner and a change.
#[derive(Insertable, AsChangeset)]
#[diesel(table_name = partners, treat_none_as_null = true)]
struct Facts<'a> {
    name: &'a str,
    service: &'a str,
    target_groups: &'a str,
    street: &'a str,
    postal_code: &'a str,
    city: &'a str,
    accessibility: &'a str,
    opening_hours: &'a str,
    how_to_refer: &'a str,
    phone: Option<String>,
    email: Option<String>,
    website: Option<String>,
    waiting_days: Option<i32>,
    waiting_known_on: Option<NaiveDate>,
    verified_on: Option<NaiveDate>,
    shared: bool,
}

impl<'a> Facts<'a> {
    /// Saving counts as verifying.
    fn of(input: &'a PartnerInput, waiting_days: Option<i32>, today: NaiveDate) -> Self {
        Facts {
            name: input.name.trim(),
            service: input.service.trim(),
            target_groups: input.target_groups.trim(),
            street: input.street.trim(),
            postal_code: input.postal_code.trim(),
            city: input.city.trim(),
            accessibility: input.accessibility.trim(),
            opening_hours: input.opening_hours.trim(),
            how_to_refer: input.how_to_refer.trim(),
            phone: opt(&input.phone),
            email: opt(&input.email),
            website: opt(&input.website),
            waiting_days,
            waiting_known_on: waiting_days.map(|_| today),
            verified_on: Some(today),
            shared: input.shared,
        }
    }
}

fn opt(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_owned())
}

/// Adds a partner (`id` None) or changes one of the organisation's own,
/// if nobody saved it since `version`. Saving counts as verifying it.
/// Returns the partner's id.
pub fn save(
    conn: &mut DbConn,
    actor: &Actor,
    id: Option<&str>,
    version: i32,
    input: &PartnerInput,
    today: NaiveDate,
    origin: Origin<'_>,
) -> Result<String, PartnerError> {
    let org = crate::groups::require(conn, actor, Action::ManagePartners, "partner.save", origin)?;
    let c = check(input).map_err(PartnerError::Invalid)?;
    let facts = Facts::of(input, c.waiting_days, today);
    write_tx(conn, |conn| {
        let pid = match id {
            Some(pid) => {
                let n = diesel::update(
                    partners::table
                        .filter(partners::organisation_id.eq(&org))
                        .filter(partners::id.eq(pid))
                        .filter(partners::version.eq(version)),
                )
                .set((
                    &facts,
                    partners::version.eq(version + 1),
                    partners::updated_at.eq(origin.at),
                ))
                .execute(conn)?;
                if n == 0 {
                    let exists: i64 = partners::table
                        .filter(partners::organisation_id.eq(&org))
                        .filter(partners::id.eq(pid))
                        .count()
                        .get_result(conn)?;
                    return Err(if exists == 0 {
                        DbError::NotFound("partner").into()
                    } else {
                        PartnerError::Conflict
                    });
                }
                diesel::delete(partner_domains::table.filter(partner_domains::partner_id.eq(pid)))
                    .execute(conn)?;
                diesel::delete(
                    partner_languages::table.filter(partner_languages::partner_id.eq(pid)),
                )
                .execute(conn)?;
                diesel::delete(
                    partner_contacts::table
                        .filter(partner_contacts::organisation_id.eq(&org))
                        .filter(partner_contacts::partner_id.eq(pid)),
                )
                .execute(conn)?;
                pid.to_owned()
            }
            None => {
                let pid = new_id();
                diesel::insert_into(partners::table)
                    .values((
                        &facts,
                        partners::id.eq(&pid),
                        partners::organisation_id.eq(&org),
                        partners::active.eq(true),
                        partners::version.eq(1),
                        partners::created_at.eq(origin.at),
                        partners::updated_at.eq(origin.at),
                    ))
                    .execute(conn)?;
                pid
            }
        };
        for d in &c.domains {
            diesel::insert_into(partner_domains::table)
                .values((
                    partner_domains::partner_id.eq(&pid),
                    partner_domains::domain.eq(d.code()),
                    partner_domains::organisation_id.eq(&org),
                ))
                .execute(conn)?;
        }
        let mut languages = c.languages.clone();
        languages.sort();
        languages.dedup();
        for l in &languages {
            diesel::insert_into(partner_languages::table)
                .values((
                    partner_languages::partner_id.eq(&pid),
                    partner_languages::language.eq(l),
                    partner_languages::organisation_id.eq(&org),
                ))
                .execute(conn)?;
        }
        for c in &input.contacts {
            diesel::insert_into(partner_contacts::table)
                .values((
                    partner_contacts::id.eq(new_id()),
                    partner_contacts::organisation_id.eq(&org),
                    partner_contacts::partner_id.eq(&pid),
                    partner_contacts::name.eq(c.name.trim()),
                    partner_contacts::role.eq(c.role.trim()),
                    partner_contacts::phone.eq(opt(&c.phone)),
                    partner_contacts::email.eq(opt(&c.email)),
                ))
                .execute(conn)?;
        }
        audit::record(
            conn,
            &Event::by(actor, "partner.save", origin.ip, origin.at).about("partner", &pid),
        )?;
        Ok(pid)
    })
}

/// Someone checked that a partner's facts still hold (own partners only).
pub fn verify(
    conn: &mut DbConn,
    actor: &Actor,
    id: &str,
    today: NaiveDate,
    origin: Origin<'_>,
) -> Result<(), AccessError> {
    let org = crate::groups::require(
        conn,
        actor,
        Action::ManagePartners,
        "partner.verify",
        origin,
    )?;
    write_tx(conn, |conn| {
        let n = diesel::update(
            partners::table
                .filter(partners::organisation_id.eq(&org))
                .filter(partners::id.eq(id)),
        )
        .set(partners::verified_on.eq(Some(today)))
        .execute(conn)?;
        if n == 0 {
            return Err(AccessError::Db(DbError::NotFound("partner")));
        }
        audit::record(
            conn,
            &Event::by(actor, "partner.verify", origin.ip, origin.at).about("partner", id),
        )?;
        Ok(())
    })
}

/// A partner as the map lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct PartnerLine {
    pub id: String,
    pub name: String,
    pub service: String,
    pub city: String,
    pub how_to_refer: String,
    pub domains: Vec<String>,
    pub languages: Vec<String>,
    pub waiting_days: Option<i32>,
    pub verified_on: Option<NaiveDate>,
    /// Kept by the actor's organisation (else shared by another).
    pub own: bool,
    pub stale: bool,
}

type Row = (
    String,
    String,
    String,
    String,
    String,
    String,
    Option<i32>,
    Option<NaiveDate>,
);

/// Partners of `ids` (or all) that the organisation may see: its own and
/// the shared ones, active, by name.
fn lines(
    conn: &mut DbConn,
    org: &str,
    ids: Option<Vec<String>>,
    today: NaiveDate,
) -> DbResult<Vec<PartnerLine>> {
    let mut q = partners::table
        .filter(partners::active.eq(true))
        .filter(
            partners::organisation_id
                .eq(org.to_owned())
                .or(partners::shared.eq(true)),
        )
        .into_boxed();
    if let Some(ids) = ids {
        q = q.filter(partners::id.eq_any(ids));
    }
    let rows: Vec<Row> = q
        .order(partners::name)
        .select((
            partners::id,
            partners::organisation_id,
            partners::name,
            partners::service,
            partners::city,
            partners::how_to_refer,
            partners::waiting_days,
            partners::verified_on,
        ))
        .load(conn)?;
    let ids: Vec<&String> = rows.iter().map(|r| &r.0).collect();
    let mut domains: HashMap<String, Vec<String>> = HashMap::new();
    for (p, d) in partner_domains::table
        .filter(partner_domains::partner_id.eq_any(&ids))
        .select((partner_domains::partner_id, partner_domains::domain))
        .load::<(String, String)>(conn)?
    {
        domains.entry(p).or_default().push(d);
    }
    let mut languages: HashMap<String, Vec<String>> = HashMap::new();
    for (p, l) in partner_languages::table
        .filter(partner_languages::partner_id.eq_any(&ids))
        .select((partner_languages::partner_id, partner_languages::language))
        .load::<(String, String)>(conn)?
    {
        languages.entry(p).or_default().push(l);
    }
    Ok(rows
        .into_iter()
        .map(
            |(id, owner, name, service, city, how_to_refer, waiting_days, verified_on)| {
                PartnerLine {
                    domains: domains.remove(&id).unwrap_or_default(),
                    languages: languages.remove(&id).unwrap_or_default(),
                    own: owner == org,
                    stale: domain::network::is_stale(verified_on, today),
                    id,
                    name,
                    service,
                    city,
                    how_to_refer,
                    waiting_days,
                    verified_on,
                }
            },
        )
        .collect())
}

/// The map searched by life domain and language (either may be left out).
pub fn search(
    conn: &mut DbConn,
    actor: &Actor,
    life_domain: Option<LifeDomain>,
    language: Option<&str>,
    today: NaiveDate,
    origin: Origin<'_>,
) -> Result<Vec<PartnerLine>, AccessError> {
    let org = crate::groups::require(conn, actor, Action::ReadPartners, "partner.search", origin)?;
    Ok(conn.transaction(|conn| -> DbResult<Vec<PartnerLine>> {
        let mut ids: Option<Vec<String>> = None;
        if let Some(d) = life_domain {
            ids = Some(
                partner_domains::table
                    .filter(partner_domains::domain.eq(d.code()))
                    .select(partner_domains::partner_id)
                    .load(conn)?,
            );
        }
        if let Some(l) = language.map(str::trim).filter(|l| !l.is_empty()) {
            let speaking: Vec<String> = partner_languages::table
                .filter(partner_languages::language.eq(l.to_lowercase()))
                .select(partner_languages::partner_id)
                .load(conn)?;
            ids = Some(match ids {
                Some(found) => {
                    let speaking: std::collections::HashSet<String> =
                        speaking.into_iter().collect();
                    found.into_iter().filter(|i| speaking.contains(i)).collect()
                }
                None => speaking,
            });
        }
        lines(conn, &org, ids, today)
    })?)
}

/// How many of the organisation's own partners were not verified for a
/// year (for the dashboard: one column read, not the map).
pub fn stale_count(conn: &mut DbConn, org: &str, today: NaiveDate) -> DbResult<usize> {
    Ok(partners::table
        .filter(partners::organisation_id.eq(org))
        .filter(partners::active.eq(true))
        .select(partners::verified_on)
        .load::<Option<NaiveDate>>(conn)?
        .into_iter()
        .filter(|v| domain::network::is_stale(*v, today))
        .count())
}

/// The organisation's own partners not verified for a year.
pub fn stale(conn: &mut DbConn, org: &str, today: NaiveDate) -> DbResult<Vec<PartnerLine>> {
    Ok(lines(conn, org, None, today)?
        .into_iter()
        .filter(|p| p.own && p.stale)
        .collect())
}

/// One partner with every fact, its contact people and the organisation's
/// own note on it.
#[derive(Debug, Clone)]
pub struct PartnerView {
    pub id: String,
    pub own: bool,
    pub name: String,
    pub service: String,
    pub domains: Vec<String>,
    pub languages: Vec<String>,
    pub target_groups: String,
    pub street: String,
    pub postal_code: String,
    pub city: String,
    pub accessibility: String,
    pub opening_hours: String,
    pub how_to_refer: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    pub waiting_days: Option<i32>,
    pub waiting_known_on: Option<NaiveDate>,
    pub verified_on: Option<NaiveDate>,
    pub stale: bool,
    pub shared: bool,
    pub version: i32,
    pub contacts: Vec<ContactInput>,
    pub note: String,
}

type FullRow = (
    (String, String, String, String, String, String, String),
    (String, String, String, String),
    (Option<String>, Option<String>, Option<String>),
    (Option<i32>, Option<NaiveDate>, Option<NaiveDate>, bool, i32),
);

/// A partner the organisation may see (its own or a shared one).
pub fn get(
    conn: &mut DbConn,
    actor: &Actor,
    id: &str,
    today: NaiveDate,
    origin: Origin<'_>,
) -> Result<PartnerView, AccessError> {
    let org = crate::groups::require(conn, actor, Action::ReadPartners, "partner.read", origin)?;
    Ok(conn.transaction(|conn| -> DbResult<PartnerView> {
        let row: FullRow = partners::table
            .filter(partners::id.eq(id))
            .filter(partners::active.eq(true))
            .filter(
                partners::organisation_id
                    .eq(&org)
                    .or(partners::shared.eq(true)),
            )
            .select((
                (
                    partners::organisation_id,
                    partners::name,
                    partners::service,
                    partners::target_groups,
                    partners::street,
                    partners::postal_code,
                    partners::city,
                ),
                (
                    partners::accessibility,
                    partners::opening_hours,
                    partners::how_to_refer,
                    partners::id,
                ),
                (partners::phone, partners::email, partners::website),
                (
                    partners::waiting_days,
                    partners::waiting_known_on,
                    partners::verified_on,
                    partners::shared,
                    partners::version,
                ),
            ))
            .first(conn)
            .optional()?
            .ok_or(DbError::NotFound("partner"))?;
        let owner = row.0.0.clone();
        let domains = partner_domains::table
            .filter(partner_domains::partner_id.eq(id))
            .order(partner_domains::domain)
            .select(partner_domains::domain)
            .load(conn)?;
        let languages = partner_languages::table
            .filter(partner_languages::partner_id.eq(id))
            .order(partner_languages::language)
            .select(partner_languages::language)
            .load(conn)?;
        // The keeper's contact people.
        let contacts = partner_contacts::table
            .filter(partner_contacts::organisation_id.eq(&owner))
            .filter(partner_contacts::partner_id.eq(id))
            .order(partner_contacts::name)
            .select((
                partner_contacts::name,
                partner_contacts::role,
                partner_contacts::phone,
                partner_contacts::email,
            ))
            .load::<(String, String, Option<String>, Option<String>)>(conn)?
            .into_iter()
            .map(|(name, role, phone, email)| ContactInput {
                name,
                role,
                phone: phone.unwrap_or_default(),
                email: email.unwrap_or_default(),
            })
            .collect();
        let note = partner_notes::table
            .filter(partner_notes::organisation_id.eq(&org))
            .filter(partner_notes::partner_id.eq(id))
            .select(partner_notes::note)
            .first(conn)
            .optional()?
            .unwrap_or_default();
        let ((_, name, service, target_groups, street, postal_code, city), a, c, w) = row;
        Ok(PartnerView {
            id: a.3,
            own: owner == org,
            name,
            service,
            domains,
            languages,
            target_groups,
            street,
            postal_code,
            city,
            accessibility: a.0,
            opening_hours: a.1,
            how_to_refer: a.2,
            phone: c.0,
            email: c.1,
            website: c.2,
            waiting_days: w.0,
            waiting_known_on: w.1,
            verified_on: w.2,
            stale: domain::network::is_stale(w.2, today),
            shared: w.3,
            version: w.4,
            contacts,
            note,
        })
    })?)
}

/// The organisation's own note on a partner (its own or a shared one);
/// an empty note removes it.
pub fn set_note(
    conn: &mut DbConn,
    actor: &Actor,
    id: &str,
    note: &str,
    origin: Origin<'_>,
) -> Result<(), PartnerError> {
    let org = crate::groups::require(conn, actor, Action::ManagePartners, "partner.note", origin)?;
    let note = note.trim();
    if note.chars().count() > 4000 {
        return Err(PartnerError::Invalid(vec![FieldError {
            field: "note",
            code: "too-long",
        }]));
    }
    write_tx(conn, |conn| -> Result<(), PartnerError> {
        let visible: i64 = partners::table
            .filter(partners::id.eq(id))
            .filter(
                partners::organisation_id
                    .eq(&org)
                    .or(partners::shared.eq(true)),
            )
            .count()
            .get_result(conn)?;
        if visible == 0 {
            return Err(DbError::NotFound("partner").into());
        }
        diesel::delete(
            partner_notes::table
                .filter(partner_notes::organisation_id.eq(&org))
                .filter(partner_notes::partner_id.eq(id)),
        )
        .execute(conn)?;
        if !note.is_empty() {
            diesel::insert_into(partner_notes::table)
                .values((
                    partner_notes::organisation_id.eq(&org),
                    partner_notes::partner_id.eq(id),
                    partner_notes::note.eq(note),
                    partner_notes::updated_at.eq(origin.at),
                ))
                .execute(conn)?;
        }
        audit::record(
            conn,
            &Event::by(actor, "partner.note", origin.ip, origin.at).about("partner", id),
        )?;
        Ok(())
    })
}
