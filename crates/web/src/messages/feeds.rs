//! Calendar feeds (RFC 5545, written by the `icalendar` crate): hers, with
//! her group sessions (day, time, place, childcare; never another member),
//! and a staff member's, with the sessions she facilitates and the contacts
//! she planned (first names only). A moved session keeps its UID and raises
//! its SEQUENCE; a cancelled one stays with STATUS:CANCELLED, so that the
//! phone's calendar follows.

use crate::AppState;
use crate::client::ClientIp;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use db::messages::links::Holder;
use domain::clock::{brussels_local, from_brussels};
use domain::model::Language;
use icalendar::{Calendar, Component, Event, EventLike, EventStatus};

fn utc(d: NaiveDate, t: NaiveTime) -> DateTime<Utc> {
    from_brussels(d.and_time(t)).and_utc()
}

fn stamp(at: NaiveDateTime) -> DateTime<Utc> {
    at.and_utc()
}

/// Words of the feed: in her language when it is one of the four, else in
/// `base`, always after a pictogram.
fn word(language: &str, base: Language, key: &str) -> String {
    i18n::t(language.parse().unwrap_or(base), key)
}

/// Her calendar.
pub fn participant_calendar(
    language: &str,
    sessions: &[db::messages::page::HerSession],
    now: DateTime<Utc>,
) -> String {
    let base = Language::Nl;
    let mut cal = Calendar::new();
    cal.name(&format!("📅 {}", word(language, base, "feed-her-name")));
    for s in sessions {
        let mut ev = Event::new();
        ev.uid(&format!("{}@traject", s.id))
            .sequence(u32::try_from(s.version).unwrap_or(0))
            .timestamp(now)
            .last_modified(stamp(s.updated_at))
            .summary(&format!("👥 {}", word(language, base, "feed-her-session")))
            .starts(utc(s.date, s.start))
            .ends(utc(s.date, s.end));
        if !s.place.is_empty() {
            ev.location(&s.place);
        }
        if s.childcare {
            ev.description(&format!("👶 {}", word(language, base, "page-childcare")));
        }
        if s.cancelled {
            ev.status(EventStatus::Cancelled);
        } else {
            ev.status(EventStatus::Confirmed);
        }
        cal.push(ev.done());
    }
    cal.done().to_string()
}

/// A staff member's calendar.
pub fn staff_calendar(feed: &db::messages::feeds::StaffFeed, now: DateTime<Utc>) -> String {
    let lang = feed.language.parse().unwrap_or(Language::Nl);
    let mut cal = Calendar::new();
    cal.name(&format!("traject · {}", i18n::t(lang, "feed-staff-name")));
    for s in &feed.sessions {
        let kind = i18n::t(lang, &format!("coded-session-{}", s.kind));
        let mut summary = format!("{} · {kind}", s.group);
        if !s.theme.is_empty() {
            summary.push_str(&format!(" · {}", s.theme));
        }
        let mut ev = Event::new();
        ev.uid(&format!("{}@traject", s.id))
            .sequence(u32::try_from(s.version).unwrap_or(0))
            .timestamp(now)
            .last_modified(stamp(s.updated_at))
            .summary(&summary)
            .starts(utc(s.date, s.start))
            .ends(utc(s.date, s.end))
            .status(if s.cancelled {
                EventStatus::Cancelled
            } else {
                EventStatus::Confirmed
            });
        if !s.place.is_empty() {
            ev.location(&s.place);
        }
        cal.push(ev.done());
    }
    for c in &feed.contacts {
        cal.push(
            Event::new()
                .uid(&format!("contact-{}-{}@traject", c.participant_id, c.on))
                .timestamp(now)
                .summary(&format!(
                    "{}: {}",
                    i18n::t(lang, "feed-staff-contact"),
                    c.first_name
                ))
                .all_day(c.on)
                .done(),
        );
    }
    cal.done().to_string()
}

fn ics(body: String) -> Response {
    (
        [
            (CONTENT_TYPE, "text/calendar; charset=utf-8"),
            (CACHE_CONTROL, "private, no-cache"),
        ],
        body,
    )
        .into_response()
}

/// `GET /calendar/{token}`: the feed of a personal link (her page link or
/// feed link, or a staff member's feed link). A link that does not open
/// answers 404, counted against the address like a guess.
pub async fn feed(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: crate::pages::Page,
    Path(token): Path<String>,
) -> Response {
    let token = token.trim_end_matches(".ics").to_owned();
    let holder = match super::own::holder(&state, &address, &token, page.lang).await {
        Ok(h) => h,
        Err(r) => return r,
    };
    let now = state.clock.now();
    let today = brussels_local(now.naive_utc()).date();
    let result = state
        .db
        .run(move |conn| match holder {
            Holder::Participant {
                organisation_id,
                participant_id,
                ..
            } => Ok(db::messages::feeds::participant_feed(
                conn,
                &organisation_id,
                &participant_id,
                today,
            )?
            .map(|(language, sessions)| participant_calendar(&language, &sessions, now))),
            Holder::Staff {
                organisation_id,
                user_id,
                ..
            } => Ok(
                db::messages::feeds::staff_feed(conn, &organisation_id, &user_id, today)?
                    .map(|f| staff_calendar(&f, now)),
            ),
        })
        .await;
    match result {
        Ok(Some(body)) => ics(body),
        Ok(None) => StatusCode::NOT_FOUND.into_response(),
        Err(e) => {
            tracing::error!(error = %e, "a calendar feed could not be read");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}
