//! The texts of messages: short, pictograms for the day, the time, the place
//! and childcare, in her language; nothing beyond her first name, the time
//! and the place (an SMS is read by whoever holds the phone). For a language
//! traject has no text in, a pictogram-first text with numbers only.

use chrono::{Datelike, NaiveDate, NaiveTime};
use domain::messages::{MessageKind, SessionFacts};
use domain::model::Language;
use i18n::Arg;

/// A subject line (email) and the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    pub subject: String,
    pub body: String,
}

fn hm(t: NaiveTime) -> String {
    t.format("%H:%M").to_string()
}

fn numeric(d: NaiveDate) -> String {
    format!("{:02}/{:02}", d.day(), d.month())
}

/// The text of a message about a session, for `language` (a code such as
/// "nl" or "ar").
pub fn session_text(kind: MessageKind, language: &str, facts: &SessionFacts) -> Text {
    let Ok(lang) = language.parse::<Language>() else {
        return pictograms(kind, facts);
    };
    let day = format!(
        "{} {}",
        i18n::weekdays(lang)[facts.date.weekday().num_days_from_monday() as usize],
        i18n::format_date(lang, facts.date)
    );
    let time = format!("{}–{}", hm(facts.start), hm(facts.end));
    let childcare = if facts.childcare {
        i18n::t(lang, "msg-childcare")
    } else {
        String::new()
    };
    let was = facts
        .was
        .map(|(d, t)| format!("{} {}", i18n::format_date(lang, d), hm(t)))
        .unwrap_or_default();
    let args = [
        ("name", Arg::Str(&facts.first_name)),
        ("day", Arg::Str(&day)),
        ("time", Arg::Str(&time)),
        ("place", Arg::Str(&facts.place)),
        ("childcare", Arg::Str(&childcare)),
        ("was", Arg::Str(&was)),
    ];
    let key = match kind {
        MessageKind::Reminder => "msg-reminder",
        MessageKind::SessionMoved => "msg-moved",
        MessageKind::SessionCancelled => "msg-cancelled",
    };
    Text {
        subject: i18n::t(lang, &format!("{key}-subject")),
        body: i18n::t_args(lang, key, &args).trim().to_owned(),
    }
}

/// The text without words, for languages traject has no text in yet.
pub fn pictograms(kind: MessageKind, facts: &SessionFacts) -> Text {
    let when = format!(
        "📅 {} ⏰ {}–{}",
        numeric(facts.date),
        hm(facts.start),
        hm(facts.end)
    );
    let place = if facts.place.is_empty() {
        String::new()
    } else {
        format!(" 📍 {}", facts.place)
    };
    let childcare = if facts.childcare { " 👶✅" } else { "" };
    let body = match kind {
        MessageKind::Reminder => format!("👋 {} {when}{place}{childcare}", facts.first_name),
        MessageKind::SessionMoved => {
            let was = facts
                .was
                .map(|(d, t)| format!("❌ {} {} ➡️ ", numeric(d), hm(t)))
                .unwrap_or_default();
            format!("👋 {} {was}{when}{place}{childcare}", facts.first_name)
        }
        MessageKind::SessionCancelled => format!("👋 {} ❌ {when}", facts.first_name),
    };
    Text {
        subject: body.chars().take(60).collect(),
        body,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts() -> SessionFacts {
        SessionFacts {
            first_name: "Amina".into(),
            date: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
            start: NaiveTime::from_hms_opt(9, 30, 0).unwrap(),
            end: NaiveTime::from_hms_opt(12, 0, 0).unwrap(),
            place: "Zaal De Linde, Voorbeeldstraat 1, 9999 Demostad".into(),
            childcare: true,
            was: None,
        }
    }

    #[test]
    fn every_language_has_its_text_with_the_pictograms() {
        for lang in ["nl", "fr", "de", "en"] {
            for kind in MessageKind::ALL {
                let text = session_text(*kind, lang, &facts());
                assert!(text.body.contains("Amina"), "{lang}: {}", text.body);
                assert!(text.body.contains("09:30"), "{lang}: {}", text.body);
                assert!(text.body.contains('📅'), "{lang}: {}", text.body);
                assert!(!text.body.contains("msg-"), "{lang}: {}", text.body);
                assert!(!text.subject.is_empty() && !text.subject.contains("msg-"));
            }
            let reminder = session_text(MessageKind::Reminder, lang, &facts());
            assert!(reminder.body.contains('📍') && reminder.body.contains('👶'));
        }
    }

    #[test]
    fn an_unknown_language_gets_pictograms_and_numbers() {
        let text = session_text(MessageKind::Reminder, "ti", &facts());
        assert_eq!(
            text.body,
            "👋 Amina 📅 01/12 ⏰ 09:30–12:00 📍 Zaal De Linde, Voorbeeldstraat 1, 9999 Demostad 👶✅"
        );
        let mut moved = facts();
        moved.was = Some((
            NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
            NaiveTime::from_hms_opt(13, 0, 0).unwrap(),
        ));
        let text = session_text(MessageKind::SessionMoved, "ar", &moved);
        assert!(
            text.body.contains("❌ 30/11 13:00 ➡️ 📅 01/12"),
            "{}",
            text.body
        );
    }
}
