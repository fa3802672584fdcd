//! The network around her: the social map of partners, referrals from her
//! plan or journal (her data shared only under her consent), signals of
//! structural obstacles, meetings with their decisions and team reviews,
//! the learning log. The rules are in `domain::network`, the storage in
//! `db::network`.

pub mod api;
pub mod follow_ups;
pub mod learning;
pub mod meetings;
pub mod partners;
pub mod referrals;
pub mod signals;

use crate::AppState;
use crate::forms::{Choice, FormState, Pairs};
use crate::participants::origin_parts;
use db::DbConn;
use db::participants::Origin;
use domain::model::Role;
use domain::participant::FieldError;

/// The network's sections, as far as the role may see them: (href, key).
pub fn sections(role: Option<Role>) -> Vec<(&'static str, &'static str)> {
    let mut out = vec![("/network/partners", "network-partners")];
    if matches!(
        role,
        Some(Role::Coordinator | Role::Casemanager | Role::Facilitator)
    ) {
        out.push(("/network/signals", "network-signals"));
        out.push(("/network/meetings", "network-meetings"));
    }
    // Those whom the policy lets list participants (her own, or all).
    if matches!(role, Some(Role::Coordinator | Role::Casemanager)) {
        out.push(("/network/follow-ups", "network-follow-ups"));
    }
    out.push(("/network/learning", "network-learning"));
    out
}

/// Runs repository work with the request's origin (address, time, the
/// audit writer for read entries).
pub(crate) async fn run<R: Send + 'static>(
    state: &AppState,
    address: String,
    work: impl FnOnce(&mut DbConn, Origin<'_>) -> R + Send + 'static,
) -> Result<R, db::DbError> {
    let (at, writer) = origin_parts(state);
    state
        .db
        .run(move |conn| Ok(work(conn, Origin::new(Some(&address), at).via(&writer))))
        .await
}

/// A form re-shown with its values and errors.
pub(crate) fn form_with(pairs: &Pairs, errors: Vec<FieldError>) -> FormState {
    let mut form = FormState::from_pairs(pairs);
    // Check boxes come as repeated names: remember each ticked value.
    for (k, v) in &pairs.0 {
        form.set(&format!("{k}:{v}"), "yes");
    }
    form.with_errors(errors)
}

/// A form page: 422 when it is shown again with field errors.
pub(crate) fn refused_if(
    has_errors: bool,
    body: axum::response::Response,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    if has_errors {
        (axum::http::StatusCode::UNPROCESSABLE_ENTITY, body).into_response()
    } else {
        body
    }
}

/// A date typed in a form, or None when empty or not a date.
pub(crate) fn date_of(raw: &str) -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d").ok()
}

/// The life domains as options.
pub(crate) fn domain_choices() -> Vec<Choice> {
    Choice::coded(
        "domain",
        crate::forms::codes(
            domain::participant::LifeDomain::ALL,
            domain::participant::LifeDomain::code,
        ),
    )
}

/// The languages newcomers speak, as options.
pub(crate) fn language_choices() -> Vec<Choice> {
    crate::participants::pages::SPOKEN
        .iter()
        .map(|c| Choice::keyed(*c, format!("spoken-{c}")))
        .collect()
}

#[cfg(test)]
mod tests {
    use domain::model::Language;
    use domain::network::{
        LearningKind, MeetingKind, ReferralStatus, SignalCategory, SignalStatus,
    };

    #[test]
    fn every_coded_value_has_words() {
        let mut keys: Vec<String> = Vec::new();
        keys.extend(
            ReferralStatus::ALL
                .iter()
                .map(|s| format!("coded-referral-status-{}", s.code())),
        );
        keys.extend(
            SignalCategory::ALL
                .iter()
                .map(|s| format!("coded-signal-{}", s.code())),
        );
        keys.extend(
            SignalStatus::ALL
                .iter()
                .map(|s| format!("coded-signal-status-{}", s.code())),
        );
        keys.extend(
            MeetingKind::ALL
                .iter()
                .map(|s| format!("coded-meeting-{}", s.code())),
        );
        keys.extend(
            LearningKind::ALL
                .iter()
                .map(|s| format!("coded-learning-{}", s.code())),
        );
        keys.extend(
            domain::participant::ContactMode::ALL
                .iter()
                .map(|s| format!("coded-mode-{}", s.code())),
        );
        for (_, key) in super::sections(Some(domain::model::Role::Coordinator)) {
            keys.push(key.to_owned());
        }
        for lang in Language::ALL {
            for key in &keys {
                let text = i18n::t(*lang, key);
                assert!(!text.is_empty() && text != *key, "{lang:?}: {key}");
            }
        }
    }
}
