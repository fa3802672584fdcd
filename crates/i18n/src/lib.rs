//! One i18n mechanism for every user-visible text: Fluent files for nl, fr, de
//! and en under `locales/`, compiled into the binary, plus the locale-aware
//! formatting of dates, times and numbers (week starts on Monday; times shown
//! in Europe/Brussels).

#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use domain::model::{GrammaticalGender, Language, Role};
use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader, langid};
use std::borrow::Cow;
use std::collections::HashMap;

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // Unicode isolation marks would end up inside HTML attributes and tests.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

static NL: LanguageIdentifier = langid!("nl");
static FR: LanguageIdentifier = langid!("fr");
static DE: LanguageIdentifier = langid!("de");
static EN: LanguageIdentifier = langid!("en");

fn id(lang: Language) -> &'static LanguageIdentifier {
    match lang {
        Language::Nl => &NL,
        Language::Fr => &FR,
        Language::De => &DE,
        Language::En => &EN,
    }
}

/// Every message without arguments, formatted once per language: a page
/// shows a few hundred labels, and each Fluent lookup negotiates languages
/// and formats its pattern anew.
static PLAIN: std::sync::LazyLock<[HashMap<String, String>; 4]> = std::sync::LazyLock::new(|| {
    [Language::Nl, Language::Fr, Language::De, Language::En].map(|lang| {
        keys(lang)
            .into_iter()
            .filter_map(|key| {
                let text = LOCALES.try_lookup(id(lang), &key)?;
                Some((key, text))
            })
            .collect()
    })
});

/// Where a language's entry is in the tables above.
fn index(lang: Language) -> usize {
    match lang {
        Language::Nl => 0,
        Language::Fr => 1,
        Language::De => 2,
        Language::En => 3,
    }
}

fn plain(lang: Language) -> &'static HashMap<String, String> {
    &PLAIN[index(lang)]
}

/// A translated message. An unknown key yields the key itself, so a gap is
/// visible on the page (and the key-set test fails before that can ship).
pub fn t(lang: Language, key: &str) -> String {
    if let Some(text) = plain(lang).get(key) {
        return text.clone();
    }
    LOCALES
        .try_lookup(id(lang), key)
        .unwrap_or_else(|| key.to_owned())
}

/// An argument for a message: text or a number (numbers pick plural forms).
pub enum Arg<'a> {
    Str(&'a str),
    Num(i64),
}

/// A language's Fluent file, as compiled in.
fn source(lang: Language) -> &'static str {
    match lang {
        Language::Nl => include_str!("../locales/nl/main.ftl"),
        Language::Fr => include_str!("../locales/fr/main.ftl"),
        Language::De => include_str!("../locales/de/main.ftl"),
        Language::En => include_str!("../locales/en/main.ftl"),
    }
}

/// A piece of a message that is text and arguments only.
enum Piece {
    Text(&'static str),
    Arg(&'static str),
}

/// The messages that are text and arguments only (no plural or other
/// choice, no function, no reference), per language, as Fluent's parser
/// reads them: most messages with arguments, dates among them, which a
/// page formats by the dozen. Filled in here, they cost a concatenation
/// instead of a Fluent lookup and resolution; the rest go through Fluent.
static SIMPLE: std::sync::LazyLock<[HashMap<&'static str, Vec<Piece>>; 4]> =
    std::sync::LazyLock::new(|| {
        [Language::Nl, Language::Fr, Language::De, Language::En].map(|lang| {
            use fluent_syntax::ast::{Entry, Expression, InlineExpression, PatternElement};
            // A file that does not parse is caught by the key-set test; its
            // messages then simply all go through Fluent.
            let Ok(resource) = fluent_syntax::parser::parse(source(lang)) else {
                return HashMap::new();
            };
            resource
                .body
                .into_iter()
                .filter_map(|entry| {
                    let Entry::Message(message) = entry else {
                        return None;
                    };
                    let pieces = message
                        .value?
                        .elements
                        .into_iter()
                        .map(|element| match element {
                            PatternElement::TextElement { value } => Some(Piece::Text(value)),
                            PatternElement::Placeable {
                                expression:
                                    Expression::Inline(InlineExpression::VariableReference { id }),
                            } => Some(Piece::Arg(id.name)),
                            PatternElement::Placeable { .. } => None,
                        })
                        .collect::<Option<Vec<Piece>>>()?;
                    pieces
                        .iter()
                        .any(|p| matches!(p, Piece::Arg(_)))
                        .then_some((message.id.name, pieces))
                })
                .collect()
        })
    });

/// `key` filled in with `args` if it is text and arguments only and every
/// argument is given; `None` sends it to Fluent.
fn simple(lang: Language, key: &str, args: &[(&str, Arg<'_>)]) -> Option<String> {
    let pieces = SIMPLE[index(lang)].get(key)?;
    let mut text = String::with_capacity(64);
    for piece in pieces {
        match piece {
            Piece::Text(t) => text.push_str(t),
            Piece::Arg(name) => match args.iter().find(|(n, _)| n == name)?.1 {
                Arg::Str(s) => text.push_str(s),
                // As Fluent writes a whole number.
                Arg::Num(n) => text.push_str(&n.to_string()),
            },
        }
    }
    Some(text)
}

/// Other messages whose arguments are all numbers, as formatted: a page
/// shows the same few counts (ages, minutes) over and over, and Fluent
/// selects the plural form and formats each anew (with the dates, Fluent
/// took a seventh of the server's time on a file's page). Numbers only, so
/// that no one's name or date outlives her request here; emptied when full.
static COUNTED: std::sync::LazyLock<std::sync::Mutex<HashMap<String, String>>> =
    std::sync::LazyLock::new(Default::default);

/// How many formatted messages [`COUNTED`] keeps.
const COUNTED_MAX: usize = 4096;

/// A translated message with arguments, e.g. `("count", Arg::Num(3))`.
pub fn t_args(lang: Language, key: &str, args: &[(&str, Arg<'_>)]) -> String {
    if let Some(text) = simple(lang, key, args) {
        return text;
    }
    // Keys and argument names are the code's own (no newlines).
    let memo = args.iter().try_fold(
        format!("{}\n{key}", lang.code()),
        |mut memo, (name, value)| {
            let Arg::Num(n) = value else {
                return None;
            };
            memo.push('\n');
            memo.push_str(name);
            memo.push('=');
            memo.push_str(&n.to_string());
            Some(memo)
        },
    );
    if let Some(memo) = &memo
        && let Some(text) = COUNTED.lock().ok().and_then(|m| m.get(memo).cloned())
    {
        return text;
    }
    let text = format_args_uncached(lang, key, args);
    if let Some(memo) = memo
        && let Ok(mut counted) = COUNTED.lock()
    {
        if counted.len() >= COUNTED_MAX {
            counted.clear();
        }
        counted.insert(memo, text.clone());
    }
    text
}

/// [`t_args`] through Fluent.
fn format_args_uncached(lang: Language, key: &str, args: &[(&str, Arg<'_>)]) -> String {
    let map: HashMap<Cow<'static, str>, FluentValue<'_>> = args
        .iter()
        .map(|(k, v)| {
            let value = match v {
                Arg::Str(s) => FluentValue::from(*s),
                Arg::Num(n) => FluentValue::from(*n),
            };
            (Cow::Owned((*k).to_owned()), value)
        })
        .collect();
    LOCALES
        .try_lookup_with_args(id(lang), key, &map)
        .unwrap_or_else(|| key.to_owned())
}

/// A job title in the form the person chose; `None` is the cross-organisation
/// analyst. Titles inflect in French and German only.
pub fn job_title(lang: Language, role: Option<Role>, gender: GrammaticalGender) -> String {
    let key = match role {
        Some(r) => format!("role-{}", r.code()),
        None => "role-analyst".to_owned(),
    };
    t_args(lang, &key, &[("gender", Arg::Str(gender.code()))])
}

/// The language for a request: the user's preference, else the first
/// supported language of the browser's Accept-Language, else the
/// organisation's default, else Dutch.
pub fn negotiate(
    user_preference: Option<Language>,
    accept_language: Option<&str>,
    organisation_default: Option<Language>,
) -> Language {
    user_preference
        .or_else(|| accept_language.and_then(from_accept_language))
        .or(organisation_default)
        .unwrap_or(Language::Nl)
}

/// The best supported language in an Accept-Language header, by quality.
pub fn from_accept_language(header: &str) -> Option<Language> {
    let mut candidates: Vec<(f32, usize, Language)> = header
        .split(',')
        .enumerate()
        .filter_map(|(pos, part)| {
            let mut pieces = part.trim().split(';');
            let tag = pieces.next()?.trim();
            let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
            let lang: Language = primary.parse().ok()?;
            let q = pieces
                .find_map(|p| p.trim().strip_prefix("q=").map(str::to_owned))
                .and_then(|q| q.parse::<f32>().ok())
                .unwrap_or(1.0);
            (q > 0.0).then_some((q, pos, lang))
        })
        .collect();
    // Highest quality first; equal quality keeps the header's order.
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    candidates.first().map(|c| c.2)
}

/// The BCP 47 tag for `<html lang>`.
pub fn html_lang(lang: Language) -> &'static str {
    lang.code()
}

/// A date as people write it: "22 november 2026", "22. November 2026".
pub fn format_date(lang: Language, date: NaiveDate) -> String {
    let month = t(lang, &format!("month-{}", date.month()));
    t_args(
        lang,
        "date-long",
        &[
            ("day", Arg::Num(i64::from(date.day()))),
            ("month", Arg::Str(&month)),
            ("year", Arg::Num(i64::from(date.year()))),
        ],
    )
}

/// A month as a heading: "november 2026", "November 2026".
pub fn format_month(lang: Language, first_day: NaiveDate) -> String {
    format!(
        "{} {}",
        t(lang, &format!("month-{}", first_day.month())),
        first_day.year()
    )
}

/// An instant shown in Brussels time: "22 november 2026, 14:05".
pub fn format_datetime(lang: Language, at: DateTime<Utc>) -> String {
    let local = at + domain::clock::brussels_offset(at);
    let date = format_date(lang, local.date_naive());
    let time = local.format("%H:%M").to_string();
    t_args(
        lang,
        "datetime-long",
        &[("date", Arg::Str(&date)), ("time", Arg::Str(&time))],
    )
}

/// Weekday names from Monday to Sunday.
pub fn weekdays(lang: Language) -> [String; 7] {
    std::array::from_fn(|i| t(lang, &format!("weekday-{}", i + 1)))
}

/// A number with the locale's separators: 1.234,5 (nl, de), 1 234,5 (fr), 1,234.5 (en).
pub fn format_number(lang: Language, value: f64, decimals: usize) -> String {
    let (group, decimal) = match lang {
        Language::Nl | Language::De => (".", ","),
        Language::Fr => ("\u{202f}", ","),
        Language::En => (",", "."),
    };
    let text = format!("{:.*}", decimals, value.abs());
    let (int_part, frac_part) = text.split_once('.').unwrap_or((&text, ""));
    let mut grouped = String::new();
    for (i, ch) in int_part.chars().enumerate() {
        if i > 0 && (int_part.len() - i) % 3 == 0 {
            grouped.push_str(group);
        }
        grouped.push(ch);
    }
    let sign = if value < 0.0 && value.abs() >= 0.5 * 10f64.powi(-(decimals as i32)) {
        "-"
    } else {
        ""
    };
    if frac_part.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}{decimal}{frac_part}")
    }
}

/// The message keys of one language's files, for completeness tests.
pub fn keys(lang: Language) -> std::collections::BTreeSet<String> {
    source(lang)
        .lines()
        .filter_map(|line| {
            let first = line.chars().next()?;
            if !(first.is_ascii_alphabetic()) {
                return None;
            }
            let (key, _) = line.split_once('=')?;
            Some(key.trim().to_owned())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn simple_messages_read_as_fluent_formats_them() {
        for lang in Language::ALL {
            let simple = &SIMPLE[index(*lang)];
            assert!(simple.len() > 50, "{lang:?}: {}", simple.len());
            assert!(simple.contains_key("date-long"));
            assert!(!simple.contains_key("minutes"), "a plural is Fluent's");
            for (key, pieces) in simple {
                let names: Vec<&str> = pieces
                    .iter()
                    .filter_map(|p| match p {
                        Piece::Arg(name) => Some(*name),
                        Piece::Text(_) => None,
                    })
                    .collect();
                let texts: Vec<String> = names.iter().map(|n| format!("<{n} & é>")).collect();
                let as_text: Vec<(&str, Arg<'_>)> = names
                    .iter()
                    .zip(&texts)
                    .map(|(n, t)| (*n, Arg::Str(t)))
                    .collect();
                let as_numbers: Vec<(&str, Arg<'_>)> =
                    names.iter().map(|n| (*n, Arg::Num(-2026))).collect();
                for args in [&as_text, &as_numbers] {
                    assert_eq!(
                        t_args(*lang, key, args),
                        format_args_uncached(*lang, key, args),
                        "{lang:?} {key}"
                    );
                }
            }
        }
        // An argument not given goes to Fluent, which shows the key.
        assert_eq!(
            t_args(Language::Nl, "date-long", &[("day", Arg::Num(3))]),
            "date-long"
        );
    }

    #[test]
    fn counted_messages_read_as_fluent_formats_them() {
        for _ in 0..2 {
            for lang in Language::ALL {
                for n in [0, 1, 2, 5, 21, 100] {
                    let args = [("count", Arg::Num(n))];
                    assert_eq!(
                        t_args(*lang, "minutes", &args),
                        format_args_uncached(*lang, "minutes", &args)
                    );
                }
            }
        }
        // The plural form is chosen per number and per language.
        let one = t_args(Language::Nl, "minutes", &[("count", Arg::Num(1))]);
        let two = t_args(Language::Nl, "minutes", &[("count", Arg::Num(2))]);
        assert_ne!(one.replace('1', ""), two.replace('2', ""));
        assert_ne!(
            t_args(Language::Fr, "minutes", &[("count", Arg::Num(2))]),
            two
        );
    }

    #[test]
    fn the_four_languages_have_the_same_keys() {
        let reference = keys(Language::En);
        assert!(reference.len() > 20);
        for lang in Language::ALL {
            let these = keys(*lang);
            let missing: Vec<_> = reference.difference(&these).collect();
            let extra: Vec<_> = these.difference(&reference).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{lang}: missing {missing:?}, extra {extra:?}"
            );
        }
    }

    #[test]
    fn every_key_resolves_in_every_language() {
        for lang in Language::ALL {
            for key in keys(*lang) {
                // Supply every variable the messages use, so formatting cannot fail on a missing one.
                let args = [
                    ("count", Arg::Num(2)),
                    ("day", Arg::Num(1)),
                    ("year", Arg::Num(2026)),
                    ("month", Arg::Str("m")),
                    ("date", Arg::Str("d")),
                    ("time", Arg::Str("t")),
                    ("version", Arg::Str("v")),
                    ("id", Arg::Str("i")),
                    ("name", Arg::Str("n")),
                    ("minutes", Arg::Num(5)),
                    ("reason", Arg::Str("r")),
                    ("gender", Arg::Str("feminine")),
                    ("contact", Arg::Str("c")),
                    ("days", Arg::Num(7)),
                    ("fields", Arg::Str("f")),
                    ("page", Arg::Num(1)),
                    ("pages", Arg::Num(3)),
                    ("status", Arg::Str("s")),
                    ("phase", Arg::Str("p")),
                    ("number", Arg::Num(1)),
                    ("list", Arg::Str("l")),
                    ("years", Arg::Num(18)),
                    ("language", Arg::Str("nl")),
                    ("level", Arg::Str("basic")),
                    ("value", Arg::Str("v")),
                    ("min", Arg::Num(5)),
                    ("max", Arg::Num(15)),
                    ("months", Arg::Num(12)),
                    ("childcare", Arg::Num(2)),
                    ("group", Arg::Num(3)),
                    ("organisation", Arg::Str("o")),
                    ("place", Arg::Str("p")),
                    ("was", Arg::Str("w")),
                    ("link", Arg::Str("l")),
                    ("absences", Arg::Num(1)),
                    ("overdue", Arg::Num(1)),
                    ("failed", Arg::Num(1)),
                    ("intakes", Arg::Num(1)),
                    ("progressed", Arg::Num(1)),
                    ("share", Arg::Str("50")),
                    ("partner", Arg::Str("Woonwinkel")),
                    ("indicator", Arg::Str("EECO01")),
                    ("set", Arg::Str("esf-plus-participants")),
                ];
                let text = t_args(*lang, &key, &args);
                assert!(
                    text != key && !text.is_empty(),
                    "{lang}: {key} does not resolve"
                );
            }
        }
    }

    #[test]
    fn job_titles_take_the_chosen_form_where_the_language_inflects_them() {
        use GrammaticalGender::*;
        let title = |lang, role, g| job_title(lang, role, g);
        let co = Some(Role::Coordinator);
        assert_eq!(title(Language::Fr, co, Feminine), "Coordinatrice");
        assert_eq!(title(Language::Fr, co, Masculine), "Coordinateur");
        assert_eq!(title(Language::Fr, co, Neutral), "Coordination");
        assert_eq!(
            title(Language::De, Some(Role::Casemanager), Feminine),
            "Fallmanagerin"
        );
        assert_eq!(
            title(Language::De, Some(Role::Casemanager), Neutral),
            "Fallmanagement"
        );
        assert_eq!(title(Language::De, None, Masculine), "Analyst");
        for g in [Feminine, Masculine, Neutral] {
            assert_eq!(title(Language::Nl, co, g), "Coördinator");
            assert_eq!(title(Language::En, co, g), "Coordinator");
        }
        // Every role has a title in every language and form.
        for lang in Language::ALL {
            for role in Role::ALL.iter().copied().map(Some).chain([None]) {
                for g in GrammaticalGender::ALL {
                    let text = title(*lang, role, *g);
                    assert!(!text.starts_with("role-"), "{lang} {role:?} {g}: {text}");
                }
            }
        }
    }

    #[test]
    fn dates_are_written_per_locale() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        assert_eq!(format_date(Language::Nl, d), "22 november 2026");
        assert_eq!(format_date(Language::Fr, d), "22 novembre 2026");
        assert_eq!(format_date(Language::De, d), "22. November 2026");
        assert_eq!(format_date(Language::En, d), "22 November 2026");
    }

    #[test]
    fn times_are_shown_in_brussels() {
        let winter: DateTime<Utc> = "2026-11-22T13:05:00Z".parse().unwrap();
        assert_eq!(
            format_datetime(Language::Nl, winter),
            "22 november 2026, 14:05"
        );
        let summer: DateTime<Utc> = "2026-07-01T22:30:00Z".parse().unwrap();
        assert_eq!(format_datetime(Language::En, summer), "2 July 2026, 00:30");
    }

    #[test]
    fn the_week_starts_on_monday() {
        assert_eq!(weekdays(Language::Nl)[0], "maandag");
        assert_eq!(weekdays(Language::Fr)[6], "dimanche");
    }

    #[test]
    fn numbers_use_the_locale_separators() {
        assert_eq!(format_number(Language::Nl, 1234.5, 1), "1.234,5");
        assert_eq!(format_number(Language::De, 1234567.0, 0), "1.234.567");
        assert_eq!(format_number(Language::Fr, 1234.5, 2), "1\u{202f}234,50");
        assert_eq!(format_number(Language::En, -1234.5, 1), "-1,234.5");
        assert_eq!(format_number(Language::En, 12.0, 0), "12");
    }

    #[test]
    fn plurals_follow_the_language() {
        assert_eq!(
            t_args(
                Language::Nl,
                "participants-count",
                &[("count", Arg::Num(1))]
            ),
            "1 deelnemer"
        );
        assert_eq!(
            t_args(
                Language::Nl,
                "participants-count",
                &[("count", Arg::Num(3))]
            ),
            "3 deelnemers"
        );
        // French treats 0 as singular.
        assert_eq!(
            t_args(
                Language::Fr,
                "participants-count",
                &[("count", Arg::Num(0))]
            ),
            "0 participante"
        );
    }

    #[test]
    fn accept_language_is_negotiated_by_quality() {
        assert_eq!(
            from_accept_language("fr-BE,fr;q=0.9,en;q=0.8"),
            Some(Language::Fr)
        );
        assert_eq!(
            from_accept_language("es-ES, de;q=0.5, en;q=0.7"),
            Some(Language::En)
        );
        assert_eq!(from_accept_language("es, it"), None);
        assert_eq!(from_accept_language("nl;q=0, de"), Some(Language::De));
        assert_eq!(
            negotiate(Some(Language::De), Some("fr"), Some(Language::Nl)),
            Language::De
        );
        assert_eq!(
            negotiate(None, Some("fr"), Some(Language::Nl)),
            Language::Fr
        );
        assert_eq!(
            negotiate(None, Some("es"), Some(Language::En)),
            Language::En
        );
        assert_eq!(negotiate(None, None, None), Language::Nl);
    }
}
