//! `/admin/messages`: reminder offsets, quiet hours, the staff digest's hour,
//! and the texts of messages and of her page in further languages (Arabic,
//! Tigrinya, ...), which an administrator or coordinator writes herself.

use crate::AppState;
use crate::auth::CurrentUser;
use crate::client::ClientIp;
use crate::forms::{FormState, Pairs};
use crate::pages::{Page, internal, render, see_other};
use crate::participants::{access_failure, edit_failure, origin_parts};
use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use db::messages::settings::{self, MessageSettings};
use db::messages::texts::{self, TextsError};
use db::participants::Origin;
use db::participants::file::EditError;
use domain::messages::{CUSTOM_TEXT_KEYS, CustomTextError, language_code, right_to_left};
use domain::participant::FieldError;
use serde::Deserialize;

/// One text of the form: its key, the placeholders it may use, the text in
/// the page's language for reference, and the administrator's text.
pub struct TextLine {
    pub key: &'static str,
    pub placeholders: String,
    pub reference: String,
    pub value: String,
}

#[derive(Template)]
#[template(path = "messages/admin.html")]
struct AdminPage {
    page: Page,
    settings: MessageSettings,
    form: FormState,
    /// The language whose texts are open ("" for none).
    language: String,
    rtl: bool,
    lines: Vec<TextLine>,
    saved: bool,
}

#[derive(Deserialize)]
pub struct Which {
    #[serde(default)]
    language: String,
    #[serde(default)]
    saved: String,
}

fn hm(t: chrono::NaiveTime) -> String {
    t.format("%H:%M").to_string()
}

#[allow(clippy::too_many_arguments)]
async fn show(
    state: &AppState,
    address: String,
    page: Page,
    me: &crate::auth::Signed,
    language: String,
    form: Option<FormState>,
    saved: bool,
    status: StatusCode,
) -> Response {
    let (at, writer) = origin_parts(state);
    let actor = me.actor.clone();
    let lang =
        language_code(&language).filter(|l| !matches!(l.as_str(), "nl" | "fr" | "de" | "en"));
    let wanted = lang.clone();
    let loaded = state
        .db
        .run(move |conn| {
            let s =
                settings::for_manager(conn, &actor, Origin::new(Some(&address), at).via(&writer));
            let t = match (&s, &wanted) {
                (Ok(_), Some(l)) => {
                    texts::in_language(conn, actor.organisation_id().unwrap_or_default(), l)?
                }
                _ => Default::default(),
            };
            Ok((s, t))
        })
        .await;
    let (settings, current) = match loaded {
        Ok((Ok(s), t)) => (s, t),
        Ok((Err(e), _)) => return access_failure(page, e),
        Err(e) => return internal(page, e),
    };
    let mut form = form.unwrap_or_default();
    // The texts' form does not carry the settings: show the saved ones.
    if ["reminder_offsets", "quiet_from", "quiet_until", "digest_at"]
        .iter()
        .all(|k| form.v(k).is_empty())
    {
        form.set("reminder_offsets", settings.reminder_offsets.clone());
        form.set("quiet_from", hm(settings.quiet_from));
        form.set("quiet_until", hm(settings.quiet_until));
        form.set("digest_at", hm(settings.digest_at));
    }
    let lines = match &lang {
        Some(_) => CUSTOM_TEXT_KEYS
            .iter()
            .map(|(key, names)| {
                // The form's fields are named by the keys themselves.
                let value = if form.has_errors() {
                    form.v(key).to_owned()
                } else {
                    current.get(*key).cloned().unwrap_or_default()
                };
                TextLine {
                    key,
                    placeholders: names
                        .iter()
                        .map(|n| format!("{{{n}}}"))
                        .collect::<Vec<_>>()
                        .join(" "),
                    // traject's own text, its placeholders left as such.
                    reference: {
                        let shown: Vec<String> = names.iter().map(|n| format!("{{{n}}}")).collect();
                        let args: Vec<(&str, i18n::Arg<'_>)> = names
                            .iter()
                            .zip(&shown)
                            .map(|(n, v)| (*n, i18n::Arg::Str(v.as_str())))
                            .collect();
                        i18n::t_args(page.lang, key, &args)
                    },
                    value,
                }
            })
            .collect(),
        None => Vec::new(),
    };
    if let Some(l) = &lang {
        form.set("language", l.clone());
    }
    let body = render(&AdminPage {
        rtl: lang.as_deref().is_some_and(right_to_left),
        language: lang.unwrap_or_default(),
        page,
        settings,
        form,
        lines,
        saved,
    });
    (status, body).into_response()
}

/// `GET /admin/messages[?language=ar]`.
pub async fn page(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Query(which): Query<Which>,
) -> Response {
    show(
        &state,
        address,
        page,
        &me,
        which.language,
        None,
        which.saved == "1",
        StatusCode::OK,
    )
    .await
}

/// `POST /admin/messages`: offsets, quiet hours, digest hour.
pub async fn save_settings(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let pairs = Pairs(pairs);
    let form = FormState::from_pairs(&pairs);
    let (at, _) = origin_parts(&state);
    let actor = me.actor.clone();
    let ip = address.clone();
    let values: Vec<String> = ["reminder_offsets", "quiet_from", "quiet_until", "digest_at"]
        .iter()
        .map(|k| pairs.get(k).to_owned())
        .collect();
    let result = state
        .db
        .run(move |conn| {
            Ok(settings::save(
                conn,
                &actor,
                &values[0],
                &values[1],
                &values[2],
                &values[3],
                Origin::new(Some(&ip), at),
            ))
        })
        .await;
    match result {
        Ok(Ok(())) => see_other("/admin/messages?saved=1"),
        Ok(Err(EditError::Invalid(errors))) => {
            show(
                &state,
                address,
                page,
                &me,
                String::new(),
                Some(form.with_errors(errors)),
                false,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Ok(Err(e)) => edit_failure(page, e),
        Err(e) => internal(page, e),
    }
}

/// `POST /admin/messages/texts`: the texts of one further language.
pub async fn save_texts(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let pairs = Pairs(pairs);
    let form = FormState::from_pairs(&pairs);
    let language = pairs.get("language").trim().to_ascii_lowercase();
    let given: Vec<(String, String)> = CUSTOM_TEXT_KEYS
        .iter()
        .map(|(k, _)| ((*k).to_owned(), pairs.get(k).to_owned()))
        .collect();
    let (at, _) = origin_parts(&state);
    let actor = me.actor.clone();
    let (ip, lang) = (address.clone(), language.clone());
    let result = state
        .db
        .run(move |conn| {
            Ok(texts::save(
                conn,
                &actor,
                &lang,
                &given,
                Origin::new(Some(&ip), at),
            ))
        })
        .await;
    let field_error = |field: &'static str, code: &'static str| vec![FieldError { field, code }];
    let errors = match result {
        Ok(Ok(_)) => {
            return see_other(&format!(
                "/admin/messages?language={language}&saved=1#texts"
            ));
        }
        Ok(Err(TextsError::Language)) => field_error("language", "invalid-language"),
        Ok(Err(TextsError::Text(key, why))) => {
            let field = CUSTOM_TEXT_KEYS
                .iter()
                .map(|(k, _)| *k)
                .find(|k| *k == key)
                .unwrap_or("language");
            let code = match why {
                CustomTextError::TooLong => "too-long",
                CustomTextError::UnknownPlaceholder => "unknown-placeholder",
                CustomTextError::UnknownKey => "invalid",
            };
            field_error(field, code)
        }
        Ok(Err(TextsError::Access(e))) => return access_failure(page, e),
        Ok(Err(TextsError::Db(e))) | Err(e) => return internal(page, e),
    };
    let shown = if language_code(&language).is_some() {
        language
    } else {
        String::new()
    };
    show(
        &state,
        address,
        page,
        &me,
        shown,
        Some(form.with_errors(errors)),
        false,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}
