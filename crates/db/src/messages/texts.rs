//! Texts in further languages, added by an organisation's administrator for
//! the messages and the participant's page (see
//! `domain::messages::CUSTOM_TEXT_KEYS`).

use crate::audit::{self, Event};
use crate::backend::write_tx;
use crate::error::{DbError, DbResult};
use crate::pool::DbConn;
use crate::schema::*;
use diesel::prelude::*;
use domain::messages::{CUSTOM_TEXT_KEYS, CustomTextError, check_custom_text, language_code};
use domain::policy::Actor;
use std::collections::HashMap;

/// An organisation's texts in one language, by key.
pub type Texts = HashMap<String, String>;

/// The languages an organisation has texts in, with how many keys each.
pub fn languages(conn: &mut DbConn, org: &str) -> DbResult<Vec<(String, i64)>> {
    Ok(custom_texts::table
        .filter(custom_texts::organisation_id.eq(org))
        .group_by(custom_texts::language)
        .select((custom_texts::language, diesel::dsl::count_star()))
        .order(custom_texts::language)
        .load(conn)?)
}

/// An organisation's texts in `language`.
pub fn in_language(conn: &mut DbConn, org: &str, language: &str) -> DbResult<Texts> {
    Ok(custom_texts::table
        .filter(custom_texts::organisation_id.eq(org))
        .filter(custom_texts::language.eq(language))
        .select((custom_texts::text_key, custom_texts::body))
        .load::<(String, String)>(conn)?
        .into_iter()
        .collect())
}

/// Why texts were not saved: which key, and what is wrong with it.
#[derive(Debug, thiserror::Error)]
pub enum TextsError {
    #[error(transparent)]
    Db(#[from] DbError),
    #[error(transparent)]
    Access(#[from] crate::participants::AccessError),
    #[error("not a language code")]
    Language,
    #[error("text {0} refused")]
    Text(String, CustomTextError),
}

/// Saves an administrator's texts in `language` (an empty text removes
/// that key): all of them or, when one is refused, none.
pub fn save(
    conn: &mut DbConn,
    actor: &Actor,
    language: &str,
    texts: &[(String, String)],
    origin: crate::participants::Origin<'_>,
) -> Result<usize, TextsError> {
    let (ip, at) = (origin.ip, origin.at);
    let org = crate::groups::require(
        conn,
        actor,
        domain::policy::Action::ManageMessages,
        "texts.save",
        origin,
    )?;
    let language = language_code(language).ok_or(TextsError::Language)?;
    if matches!(language.as_str(), "nl" | "fr" | "de" | "en") {
        // traject's own four come from its translation files.
        return Err(TextsError::Language);
    }
    for (key, body) in texts {
        let body = body.trim();
        if !body.is_empty() {
            check_custom_text(key, body).map_err(|e| TextsError::Text(key.clone(), e))?;
        } else if !CUSTOM_TEXT_KEYS.iter().any(|(k, _)| k == key) {
            return Err(TextsError::Text(key.clone(), CustomTextError::UnknownKey));
        }
    }
    Ok(write_tx(conn, |conn| -> DbResult<usize> {
        let mut changed = 0;
        for (key, body) in texts {
            let body = body.trim();
            let scope = custom_texts::table
                .filter(custom_texts::organisation_id.eq(&org))
                .filter(custom_texts::language.eq(&language))
                .filter(custom_texts::text_key.eq(key));
            let old: Option<String> = scope.select(custom_texts::body).first(conn).optional()?;
            match (old.as_deref(), body.is_empty()) {
                (Some(o), false) if o == body => {}
                (None, true) => {}
                (Some(_), true) => {
                    diesel::delete(scope).execute(conn)?;
                    changed += 1;
                }
                (Some(_), false) => {
                    diesel::update(scope)
                        .set((
                            custom_texts::body.eq(body),
                            custom_texts::updated_by.eq(actor.user_id()),
                            custom_texts::updated_at.eq(at),
                        ))
                        .execute(conn)?;
                    changed += 1;
                }
                (None, false) => {
                    diesel::insert_into(custom_texts::table)
                        .values((
                            custom_texts::organisation_id.eq(&org),
                            custom_texts::language.eq(&language),
                            custom_texts::text_key.eq(key),
                            custom_texts::body.eq(body),
                            custom_texts::updated_by.eq(actor.user_id()),
                            custom_texts::updated_at.eq(at),
                        ))
                        .execute(conn)?;
                    changed += 1;
                }
            }
        }
        if changed > 0 {
            audit::record(
                conn,
                &Event::by(actor, "texts.save", ip, at)
                    .about("organisation", &org)
                    .detail(&format!("{language}: {changed} texts")),
            )?;
        }
        Ok(changed)
    })?)
}
