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
    Ok(crate::direct!(conn, |c| custom_texts::table
        .filter(custom_texts::organisation_id.eq(org))
        .group_by(custom_texts::language)
        .select((custom_texts::language, diesel::dsl::count_star()))
        .order(custom_texts::language)
        .load(c))?)
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

/// Fictional set-up for the demo and `traject synth`: Arabic texts as an
/// administrator would write them (to be checked by a native speaker
/// before real use), and Arabic as the message language of every third
/// participant whose first language it is.
pub fn fiction(conn: &mut DbConn, org: &str, at: chrono::NaiveDateTime) -> DbResult<()> {
    const ARABIC: &[(&str, &str)] = &[
        (
            "msg-reminder",
            "مرحبا {name}! {day} {time} {place} {childcare}",
        ),
        (
            "msg-moved",
            "{name}، تغيّر الموعد: ❌ {was} ➡️ {day} {time} {place}",
        ),
        ("msg-cancelled", "{name}، ❌ لا يوجد لقاء {day} {time}"),
        (
            "msg-link",
            "مرحبا {name}! لقاءاتك، ولتقولي إنك لا تستطيعين الحضور: {link}",
        ),
        ("page-hello", "مرحبا {name}"),
        ("page-next", "لقاءاتك القادمة"),
        ("page-none", "لا توجد لقاءات مخططة."),
        ("page-childcare", "رعاية الأطفال متوفرة."),
        ("page-cancelled", "أُلغي: لا يوجد لقاء."),
        ("page-map", "الخريطة"),
        ("page-cant-come", "لا أستطيع الحضور"),
        ("page-why", "لماذا؟"),
        ("page-reported", "قلتِ إنك لن تحضري."),
        ("page-thanks", "شكرا. مرشدتك على علم."),
        ("page-read-aloud", "اقرئي بصوت عالٍ"),
        ("page-calendar", "أضيفي إلى تقويم هاتفي"),
        ("page-back", "رجوع"),
        ("page-reason-sick_child", "طفلي مريض"),
        ("page-reason-own_health", "أنا مريضة"),
        ("page-reason-appointment", "لديّ موعد"),
        ("page-reason-work_or_training", "عمل أو دورة"),
        ("page-reason-transport", "لا توجد مواصلات"),
        ("page-reason-no_childcare", "لا أحد يرعى أطفالي"),
        ("page-reason-other", "سبب آخر"),
    ];
    let rows: Vec<_> = ARABIC
        .iter()
        .map(|(key, body)| {
            (
                custom_texts::organisation_id.eq(org),
                custom_texts::language.eq("ar"),
                custom_texts::text_key.eq(*key),
                custom_texts::body.eq(*body),
                custom_texts::updated_at.eq(at),
            )
        })
        .collect();
    crate::batch_insert!(conn, custom_texts::table, &rows);
    let arabic: Vec<String> = participant_languages::table
        .filter(participant_languages::organisation_id.eq(org))
        .filter(participant_languages::language.eq("ar"))
        .filter(participant_languages::level.eq("native"))
        .order(participant_languages::participant_id)
        .select(participant_languages::participant_id)
        .load(conn)?;
    let chosen: Vec<&String> = arabic.iter().step_by(3).collect();
    for chunk in chosen.chunks(500) {
        diesel::update(
            participants::table
                .filter(participants::organisation_id.eq(org))
                .filter(participants::id.eq_any(chunk)),
        )
        .set(participants::message_language.eq("ar"))
        .execute(conn)?;
    }
    Ok(())
}
