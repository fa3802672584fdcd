//! Messages to participants: when reminders are due (offsets before a
//! session, never in the quiet hours), what a message may say (only the
//! first name, the day, the time, the place and whether childcare is there),
//! and how a failed send is retried.

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

crate::coded_enum! {
    /// Why a message is sent.
    MessageKind: "message kind" {
        Reminder = "reminder",
        SessionMoved = "session_moved",
        SessionCancelled = "session_cancelled",
        /// Her personal page's link, sent to her phone.
        PersonalLink = "personal_link",
        /// To her casemanager: she said she cannot come.
        AbsenceReported = "absence_reported",
        /// To a staff member: the day's short list of what needs her.
        Digest = "digest",
        /// To her: questions wait on her page (no names of questionnaires:
        /// a message leaves the building).
        QuestionsWaiting = "questions_waiting",
    }
}

crate::coded_enum! {
    /// What a personal link opens.
    LinkKind: "link kind" {
        /// Her own page (expires).
        Page = "page",
        /// A calendar feed (hers or a staff member's), until revoked.
        Feed = "feed",
    }
}

/// How long a participant's page link works.
pub const PAGE_LINK_DAYS: i64 = 90;

/// Languages written right to left, among those an organisation may add
/// texts in (Arabic, Persian/Dari, Pashto, Urdu, Hebrew, Kurdish Sorani...).
pub fn right_to_left(language: &str) -> bool {
    matches!(
        language,
        "ar" | "fa" | "prs" | "ps" | "ur" | "he" | "ckb" | "yi" | "dv" | "ug" | "sd"
    )
}

/// A language code as texts are filed under: two or three lowercase letters.
pub fn language_code(raw: &str) -> Option<String> {
    let code = raw.trim().to_ascii_lowercase();
    (matches!(code.len(), 2 | 3) && code.bytes().all(|b| b.is_ascii_lowercase())).then_some(code)
}

crate::coded_enum! {
    /// Where a message is in its life.
    MessageStatus: "message status" {
        Queued = "queued",
        Sending = "sending",
        Sent = "sent",
        Delivered = "delivered",
        Failed = "failed",
        GaveUp = "gave_up",
        Withdrawn = "withdrawn",
        /// "Phone call" channel: on the casemanager's call list instead.
        ToCall = "to_call",
    }
}

/// When a reminder goes out, relative to the session's start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Offset {
    /// `Nd@HH:MM`: N days before, at that time of day.
    DaysBeforeAt { days: u32, at: NaiveTime },
    /// `Nh`: N hours before the start.
    HoursBefore(u32),
}

impl Offset {
    /// The moment this offset gives for a session starting at `start`
    /// (Brussels local time, like every time of a session).
    pub fn due(self, start: NaiveDateTime) -> NaiveDateTime {
        match self {
            Offset::DaysBeforeAt { days, at } => {
                (start.date() - Duration::days(i64::from(days))).and_time(at)
            }
            Offset::HoursBefore(h) => start - Duration::hours(i64::from(h)),
        }
    }

    pub fn code(self) -> String {
        match self {
            Offset::DaysBeforeAt { days, at } => format!("{days}d@{}", at.format("%H:%M")),
            Offset::HoursBefore(h) => format!("{h}h"),
        }
    }
}

/// Parses "1d@10:00,2h": at most six offsets, days up to 14, hours up to 72.
pub fn parse_offsets(text: &str) -> Option<Vec<Offset>> {
    let mut out = Vec::new();
    for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let offset = if let Some((days, at)) = part.split_once("d@") {
            let days: u32 = days.parse().ok().filter(|d| (1..=14).contains(d))?;
            let at = NaiveTime::parse_from_str(at, "%H:%M").ok()?;
            Offset::DaysBeforeAt { days, at }
        } else {
            let hours: u32 = part.strip_suffix('h')?.parse().ok()?;
            if !(1..=72).contains(&hours) {
                return None;
            }
            Offset::HoursBefore(hours)
        };
        if !out.contains(&offset) {
            out.push(offset);
        }
    }
    (out.len() <= 6).then_some(out)
}

/// The night when no message goes out (e.g. 21:00 to 08:00).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuietHours {
    pub from: NaiveTime,
    pub until: NaiveTime,
}

impl Default for QuietHours {
    fn default() -> Self {
        Self {
            from: NaiveTime::from_hms_opt(21, 0, 0).unwrap_or_default(),
            until: NaiveTime::from_hms_opt(8, 0, 0).unwrap_or_default(),
        }
    }
}

impl QuietHours {
    pub fn contains(&self, at: NaiveDateTime) -> bool {
        let t = at.time();
        if self.from <= self.until {
            self.from <= t && t < self.until
        } else {
            t >= self.from || t < self.until
        }
    }

    /// `at`, or the end of the quiet hours it falls in.
    pub fn respect(&self, at: NaiveDateTime) -> NaiveDateTime {
        if !self.contains(at) {
            return at;
        }
        let same_day = at.date().and_time(self.until);
        if same_day > at {
            same_day
        } else {
            (at.date() + Duration::days(1)).and_time(self.until)
        }
    }

    /// Moves `at` before the quiet hours instead: for a reminder that would
    /// otherwise arrive after the session began (a session at 08:30 with a
    /// "2 hours before" reminder goes out the evening before).
    pub fn before(&self, at: NaiveDateTime) -> NaiveDateTime {
        if !self.contains(at) {
            return at;
        }
        let start_today = at.date().and_time(self.from);
        let from = if start_today <= at {
            start_today
        } else {
            (at.date() - Duration::days(1)).and_time(self.from)
        };
        from - Duration::minutes(1)
    }
}

/// When a reminder at `offset` goes out for a session starting at `start`:
/// out of the quiet hours, and before the session. `None` when that moment
/// has already passed at `now`.
pub fn reminder_time(
    offset: Offset,
    start: NaiveDateTime,
    quiet: &QuietHours,
    now: NaiveDateTime,
) -> Option<NaiveDateTime> {
    let due = offset.due(start);
    let mut at = quiet.respect(due);
    if at >= start {
        at = quiet.before(due);
    }
    (at > now && at < start).then_some(at)
}

/// What a message about a session may say: nothing from the file beyond her
/// first name, and nothing about the programme (an SMS is read by whoever
/// holds the phone).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionFacts {
    pub first_name: String,
    pub date: NaiveDate,
    pub start: NaiveTime,
    pub end: NaiveTime,
    /// Room and address, as the organisation names the place.
    pub place: String,
    pub childcare: bool,
    /// For a move: where and when it was before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub was: Option<(NaiveDate, NaiveTime)>,
}

/// What her personal link's message says: her first name and the link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkFacts {
    pub first_name: String,
    pub link: String,
}

/// What a staff notice says: counts, days and times, and where to look;
/// never a participant's name (an email leaves the building too).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct StaffFacts {
    /// The absence reported for a session on this day and time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session: Option<(NaiveDate, NaiveTime)>,
    /// Digest counts.
    #[serde(default)]
    pub absences: i64,
    #[serde(default)]
    pub overdue: i64,
    #[serde(default)]
    pub failed: i64,
    #[serde(default)]
    pub intakes: i64,
    /// traject's page to open (a path or a full address).
    pub link: String,
}

/// The texts an administrator may add in a further language, with the
/// placeholders each may use (`{name}` and so on). Message texts first, then
/// the participant's page.
pub const CUSTOM_TEXT_KEYS: &[(&str, &[&str])] = &[
    (
        "msg-reminder",
        &["name", "day", "time", "place", "childcare"],
    ),
    (
        "msg-moved",
        &["name", "day", "time", "place", "childcare", "was"],
    ),
    ("msg-cancelled", &["name", "day", "time"]),
    ("msg-link", &["name", "link"]),
    ("msg-questions", &["name"]),
    ("page-hello", &["name"]),
    ("page-next", &[]),
    ("page-none", &[]),
    ("page-childcare", &[]),
    ("page-cancelled", &[]),
    ("page-map", &[]),
    ("page-cant-come", &[]),
    ("page-why", &[]),
    ("page-reported", &[]),
    ("page-thanks", &[]),
    ("page-read-aloud", &[]),
    ("page-calendar", &[]),
    ("page-back", &[]),
    ("page-reason-sick_child", &[]),
    ("page-reason-own_health", &[]),
    ("page-reason-appointment", &[]),
    ("page-reason-work_or_training", &[]),
    ("page-reason-transport", &[]),
    ("page-reason-no_childcare", &[]),
    ("page-reason-other", &[]),
];

/// Why a custom text is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CustomTextError {
    UnknownKey,
    TooLong,
    /// A `{placeholder}` this text cannot fill.
    UnknownPlaceholder,
}

/// Checks an administrator's text for `key`: at most 500 characters, and
/// only the placeholders that key knows.
pub fn check_custom_text(key: &str, body: &str) -> Result<(), CustomTextError> {
    let Some((_, allowed)) = CUSTOM_TEXT_KEYS.iter().find(|(k, _)| *k == key) else {
        return Err(CustomTextError::UnknownKey);
    };
    if body.chars().count() > 500 {
        return Err(CustomTextError::TooLong);
    }
    let mut rest = body;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            return Err(CustomTextError::UnknownPlaceholder);
        };
        if !allowed.contains(&&after[..close]) {
            return Err(CustomTextError::UnknownPlaceholder);
        }
        rest = &after[close + 1..];
    }
    Ok(())
}

/// Fills `{name}`-style placeholders of an administrator's text.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_owned();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// When the next attempt of a failed send is made: 1, 2, 4, 8... minutes,
/// at most an hour apart.
pub fn retry_after(attempts: u32) -> Duration {
    let minutes = 1i64 << attempts.saturating_sub(1).min(6);
    Duration::minutes(minutes.min(60))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(d: u32, h: u32, m: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2027, 3, d)
            .unwrap()
            .and_hms_opt(h, m, 0)
            .unwrap()
    }

    #[test]
    fn offsets_parse_and_give_their_moment() {
        let offsets = parse_offsets("1d@10:00, 2h").unwrap();
        assert_eq!(offsets.len(), 2);
        assert_eq!(offsets[0].due(at(4, 9, 30)), at(3, 10, 0));
        assert_eq!(offsets[1].due(at(4, 9, 30)), at(4, 7, 30));
        assert_eq!(offsets[0].code(), "1d@10:00");
        assert!(parse_offsets("0d@10:00").is_none());
        assert!(parse_offsets("1d@25:00").is_none());
        assert!(parse_offsets("100h").is_none());
        assert!(parse_offsets("soon").is_none());
        assert_eq!(parse_offsets("").unwrap(), vec![]);
    }

    #[test]
    fn no_reminder_in_the_night_and_none_after_the_start() {
        let quiet = QuietHours::default();
        let two_hours = Offset::HoursBefore(2);
        let now = at(1, 12, 0);
        // 09:30 session: 07:30 is quiet; 08:00 is still before the start.
        assert_eq!(
            reminder_time(two_hours, at(4, 9, 30), &quiet, now),
            Some(at(4, 8, 0))
        );
        // 08:30 session: 06:30 is quiet, 08:00 is only just before; fine.
        assert_eq!(
            reminder_time(two_hours, at(4, 8, 30), &quiet, now),
            Some(at(4, 8, 0))
        );
        // 08:00 session: the morning is too late, so the evening before.
        assert_eq!(
            reminder_time(two_hours, at(4, 8, 0), &quiet, now),
            Some(at(3, 20, 59))
        );
        // A moment already past is not sent.
        assert_eq!(
            reminder_time(two_hours, at(4, 13, 0), &quiet, at(4, 12, 0)),
            None
        );
        assert!(quiet.contains(at(4, 23, 0)) && quiet.contains(at(4, 7, 59)));
        assert!(!quiet.contains(at(4, 8, 0)) && !quiet.contains(at(4, 20, 59)));
    }

    #[test]
    fn custom_texts_use_only_their_placeholders() {
        assert_eq!(
            check_custom_text("msg-reminder", "مرحبا {name} {day} {time}"),
            Ok(())
        );
        assert_eq!(
            check_custom_text("msg-cancelled", "{name} {place}"),
            Err(CustomTextError::UnknownPlaceholder)
        );
        assert_eq!(
            check_custom_text("msg-reminder", "{name"),
            Err(CustomTextError::UnknownPlaceholder)
        );
        assert_eq!(
            check_custom_text("nope", "x"),
            Err(CustomTextError::UnknownKey)
        );
        assert_eq!(
            check_custom_text("page-next", &"x".repeat(501)),
            Err(CustomTextError::TooLong)
        );
        assert_eq!(
            fill("{name} ⏰ {time}", &[("name", "Amina"), ("time", "09:30")]),
            "Amina ⏰ 09:30"
        );
    }

    #[test]
    fn language_codes_and_their_direction() {
        assert_eq!(language_code(" AR "), Some("ar".into()));
        assert_eq!(language_code("prs"), Some("prs".into()));
        assert_eq!(language_code("arabic"), None);
        assert_eq!(language_code("a1"), None);
        assert!(right_to_left("ar") && right_to_left("ps") && right_to_left("prs"));
        assert!(!right_to_left("ti") && !right_to_left("tr") && !right_to_left("nl"));
    }

    #[test]
    fn retries_back_off_to_an_hour() {
        assert_eq!(retry_after(1), Duration::minutes(1));
        assert_eq!(retry_after(2), Duration::minutes(2));
        assert_eq!(retry_after(4), Duration::minutes(8));
        assert_eq!(retry_after(30), Duration::minutes(60));
    }
}
