//! The texts of messages: short, pictograms for the day, the time, the place
//! and childcare, in her language; nothing beyond her first name, the time
//! and the place (an SMS is read by whoever holds the phone). For a language
//! traject has no text in, a pictogram-first text with numbers only.

use chrono::{Datelike, NaiveDate, NaiveTime};
use domain::messages::{LinkFacts, MessageKind, SessionFacts, StaffFacts, fill};
use domain::model::Language;
use i18n::Arg;
use std::collections::HashMap;

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

/// An organisation's texts in a further language, by key.
pub type Custom = HashMap<String, String>;

fn key_of(kind: MessageKind) -> &'static str {
    match kind {
        MessageKind::Reminder => "msg-reminder",
        MessageKind::SessionMoved => "msg-moved",
        MessageKind::SessionCancelled => "msg-cancelled",
        MessageKind::PersonalLink => "msg-link",
        MessageKind::AbsenceReported => "msg-absence",
        MessageKind::Digest => "msg-digest",
        MessageKind::QuestionsWaiting => "msg-questions",
    }
}

/// The text of a message about a session, for `language` (a code such as
/// "nl" or "ar"); for a language other than traject's four, the
/// administrator's text when there is one, else pictograms.
pub fn session_text(
    kind: MessageKind,
    language: &str,
    facts: &SessionFacts,
    custom: Option<&Custom>,
) -> Text {
    let Ok(lang) = language.parse::<Language>() else {
        if let Some(template) = custom.and_then(|c| c.get(key_of(kind))) {
            let pictos = pictograms(kind, facts);
            let day = format!("📅 {}", numeric(facts.date));
            let time = format!("⏰ {}–{}", hm(facts.start), hm(facts.end));
            let place = format!("📍 {}", facts.place);
            let childcare = if facts.childcare { "👶✅" } else { "" };
            let was = facts
                .was
                .map(|(d, t)| format!("{} {}", numeric(d), hm(t)))
                .unwrap_or_default();
            let body = fill(
                template,
                &[
                    ("name", &facts.first_name),
                    ("day", &day),
                    ("time", &time),
                    ("place", &place),
                    ("childcare", childcare),
                    ("was", &was),
                ],
            );
            return Text {
                subject: pictos.subject,
                body: body.trim().to_owned(),
            };
        }
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
    let key = key_of(kind);
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
        // Not about a session: no such text.
        _ => String::new(),
    };
    Text {
        subject: body.chars().take(60).collect(),
        body,
    }
}

/// The message carrying her personal page's link.
pub fn link_text(language: &str, facts: &LinkFacts, custom: Option<&Custom>) -> Text {
    let body = match language.parse::<Language>() {
        Ok(lang) => i18n::t_args(
            lang,
            "msg-link",
            &[
                ("name", Arg::Str(&facts.first_name)),
                ("link", Arg::Str(&facts.link)),
            ],
        ),
        Err(_) => match custom.and_then(|c| c.get("msg-link")) {
            Some(t) => fill(t, &[("name", &facts.first_name), ("link", &facts.link)]),
            None => format!("👋 {} 📅👉 {}", facts.first_name, facts.link),
        },
    };
    let subject = match language.parse::<Language>() {
        Ok(lang) => i18n::t(lang, "msg-link-subject"),
        Err(_) => format!("👋 {} 📅", facts.first_name),
    };
    Text {
        subject,
        body: body.trim().to_owned(),
    }
}

/// Questions wait for her on her page: her first name only.
pub fn questions_text(language: &str, first_name: &str, custom: Option<&Custom>) -> Text {
    let body = match language.parse::<Language>() {
        Ok(lang) => i18n::t_args(lang, "msg-questions", &[("name", Arg::Str(first_name))]),
        Err(_) => match custom.and_then(|c| c.get("msg-questions")) {
            Some(t) => fill(t, &[("name", first_name)]),
            None => format!("👋 {first_name} 📝❓"),
        },
    };
    let subject = match language.parse::<Language>() {
        Ok(lang) => i18n::t(lang, "msg-questions-subject"),
        Err(_) => format!("👋 {first_name} 📝"),
    };
    Text {
        subject,
        body: body.trim().to_owned(),
    }
}

/// A notice to a staff member (in one of traject's four languages, the
/// language of her account): an absence reported, or the daily digest.
/// `base` makes the link whole (the public address of traject).
pub fn staff_text(kind: MessageKind, language: &str, facts: &StaffFacts, base: &str) -> Text {
    let lang = language.parse::<Language>().unwrap_or(Language::Nl);
    let link = format!("{}{}", base.trim_end_matches('/'), facts.link);
    let (day, time) = facts
        .session
        .map(|(d, t)| {
            (
                format!(
                    "{} {}",
                    i18n::weekdays(lang)[d.weekday().num_days_from_monday() as usize],
                    i18n::format_date(lang, d)
                ),
                hm(t),
            )
        })
        .unwrap_or_default();
    let args = [
        ("day", Arg::Str(&day)),
        ("time", Arg::Str(&time)),
        ("link", Arg::Str(&link)),
        ("absences", Arg::Num(facts.absences)),
        ("overdue", Arg::Num(facts.overdue)),
        ("failed", Arg::Num(facts.failed)),
        ("intakes", Arg::Num(facts.intakes)),
    ];
    let key = key_of(kind);
    Text {
        subject: i18n::t(lang, &format!("{key}-subject")),
        body: i18n::t_args(lang, key, &args).trim().to_owned(),
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
            for kind in [
                MessageKind::Reminder,
                MessageKind::SessionMoved,
                MessageKind::SessionCancelled,
            ] {
                let text = session_text(kind, lang, &facts(), None);
                assert!(text.body.contains("Amina"), "{lang}: {}", text.body);
                assert!(text.body.contains("09:30"), "{lang}: {}", text.body);
                assert!(text.body.contains('📅'), "{lang}: {}", text.body);
                assert!(!text.body.contains("msg-"), "{lang}: {}", text.body);
                assert!(!text.subject.is_empty() && !text.subject.contains("msg-"));
            }
            let reminder = session_text(MessageKind::Reminder, lang, &facts(), None);
            assert!(reminder.body.contains('📍') && reminder.body.contains('👶'));
        }
    }

    #[test]
    fn an_unknown_language_gets_pictograms_and_numbers() {
        let text = session_text(MessageKind::Reminder, "ti", &facts(), None);
        assert_eq!(
            text.body,
            "👋 Amina 📅 01/12 ⏰ 09:30–12:00 📍 Zaal De Linde, Voorbeeldstraat 1, 9999 Demostad 👶✅"
        );
        let mut moved = facts();
        moved.was = Some((
            NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
            NaiveTime::from_hms_opt(13, 0, 0).unwrap(),
        ));
        let text = session_text(MessageKind::SessionMoved, "ar", &moved, None);
        assert!(
            text.body.contains("❌ 30/11 13:00 ➡️ 📅 01/12"),
            "{}",
            text.body
        );
    }

    #[test]
    fn an_administrators_text_fills_in_and_keeps_to_its_facts() {
        let mut custom = Custom::new();
        custom.insert(
            "msg-reminder".into(),
            "مرحبا {name}، {day} {time} {place} {childcare}".into(),
        );
        let text = session_text(MessageKind::Reminder, "ar", &facts(), Some(&custom));
        assert_eq!(
            text.body,
            "مرحبا Amina، 📅 01/12 ⏰ 09:30–12:00 📍 Zaal De Linde, Voorbeeldstraat 1, 9999 Demostad 👶✅"
        );
        // No text for this kind in Arabic: pictograms.
        let text = session_text(MessageKind::SessionCancelled, "ar", &facts(), Some(&custom));
        assert_eq!(text.body, "👋 Amina ❌ 📅 01/12 ⏰ 09:30–12:00");
    }

    #[test]
    fn staff_notices_name_no_one() {
        let facts = StaffFacts {
            session: Some((
                NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
                NaiveTime::from_hms_opt(9, 30, 0).unwrap(),
            )),
            link: "/participants/p1".into(),
            ..StaffFacts::default()
        };
        for lang in ["nl", "fr", "de", "en"] {
            let t = staff_text(
                MessageKind::AbsenceReported,
                lang,
                &facts,
                "https://traject.example/",
            );
            assert!(t.body.contains("09:30"), "{lang}: {}", t.body);
            assert!(
                t.body.contains("https://traject.example/participants/p1"),
                "{}",
                t.body
            );
            assert!(!t.body.contains("msg-") && !t.subject.contains("msg-"));
            let digest = StaffFacts {
                absences: 2,
                overdue: 1,
                failed: 3,
                intakes: 0,
                link: "/".into(),
                session: None,
            };
            let d = staff_text(
                MessageKind::Digest,
                lang,
                &digest,
                "https://traject.example",
            );
            assert!(
                d.body.contains('2') && d.body.contains('3'),
                "{lang}: {}",
                d.body
            );
            assert!(!d.body.contains("msg-"), "{}", d.body);
        }
        let link = link_text(
            "ti",
            &LinkFacts {
                first_name: "Amina".into(),
                link: "https://t.example/p/x".into(),
            },
            None,
        );
        assert_eq!(link.body, "👋 Amina 📅👉 https://t.example/p/x");
    }
}
