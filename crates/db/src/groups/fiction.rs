//! Fictional groups, sessions and attendance for the demo and `traject
//! synth`: one group per programme (more when it has many participants),
//! a year of sessions planned around the holidays, attendance for the past
//! ones with the occasional late arrival, excuse and absence.

use crate::error::DbResult;
use crate::fiction::Dice;
use crate::models::*;
use crate::pool::DbConn;
use crate::schema::*;
use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};
use diesel::prelude::*;
use domain::groups::{
    ExcuseReason, Mark, Rhythm, SchoolHours, SeriesRequest, SessionKind, plan_series,
};
use domain::model::{ProgrammeKind, SessionRhythm};
use domain::school::{Calendar, Community};

/// One programme to give groups to.
pub struct ProgrammeGroups<'a> {
    pub programme_id: &'a str,
    pub name: &'a str,
    pub kind: ProgrammeKind,
    pub max_size: i32,
    pub min_size: i32,
}

/// Counts of what was made.
#[derive(Debug, Default, Clone, Copy)]
pub struct Made {
    pub groups: usize,
    pub sessions: usize,
    pub marks: usize,
}

fn t(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap_or_default()
}

/// A small practice bank; the first practice is shared with the instance.
fn practices(org: &str, ts: NaiveDateTime) -> Vec<Practice> {
    let bank: [(&str, &str, &str, &str, i32); 5] = [
        (
            "Demo: mijn netwerk in kaart",
            "social",
            "Iedereen tekent wie ze kan bellen als het moeilijk wordt; daarna in duo's vertellen.",
            "Grote vellen papier, stiften",
            60,
        ),
        (
            "Demo: budget met enveloppen",
            "income_debt",
            "Met speelgeld een maandbudget verdelen over enveloppen.",
            "Speelgeld, enveloppen",
            90,
        ),
        (
            "Demo: wandeling naar het OCMW-loket",
            "rights",
            "Samen de weg naar het loket lopen en de ingang bekijken.",
            "Kaart van de buurt",
            120,
        ),
        (
            "Demo: sterktes in beeld",
            "self_image",
            "Foto's kiezen die tonen waar je goed in bent.",
            "Fotokaarten",
            60,
        ),
        (
            "Demo: opvoeden in twee culturen",
            "parenting",
            "Gesprek in kleine groepjes met een tolk waar nodig.",
            "Pictogrammen",
            90,
        ),
    ];
    bank.iter()
        .enumerate()
        .map(
            |(i, (title, domain, method, materials, minutes))| Practice {
                id: new_id(),
                organisation_id: org.to_owned(),
                title: (*title).to_owned(),
                life_domain: Some((*domain).to_owned()),
                method: (*method).to_owned(),
                materials: (*materials).to_owned(),
                minutes: Some(*minutes),
                language_notes: "Werkt met pictogrammen, weinig lezen nodig.".into(),
                shared: i == 0,
                created_at: ts,
                version: 1,
            },
        )
        .collect()
}

/// Makes groups for the organisation's programmes from the participants with
/// a trajectory in them in one of `statuses`, sessions from a year ago to two months ahead, and
/// attendance up to yesterday.
#[allow(clippy::too_many_arguments)]
pub fn seed(
    conn: &mut DbConn,
    dice: &mut Dice,
    org: &str,
    programmes: &[ProgrammeGroups<'_>],
    facilitators: &[String],
    rooms: &[String],
    today: NaiveDate,
    ts: NaiveDateTime,
    statuses: &[&str],
) -> DbResult<Made> {
    let calendar = Calendar::new(Community::Flemish, Vec::new());
    let hours = SchoolHours::default();
    let mut made = Made::default();
    let practices = practices(org, ts);
    crate::batch_insert!(conn, practices::table, &practices);
    let mut groups_rows: Vec<Group> = Vec::new();
    let mut members: Vec<GroupMember> = Vec::new();
    let mut group_facs: Vec<(String, String, String)> = Vec::new();
    let mut sessions: Vec<GroupSession> = Vec::new();
    let mut session_facs: Vec<(String, String, String)> = Vec::new();
    let mut marks: Vec<AttendanceRow> = Vec::new();
    let first_day = today - Duration::days(365);
    for (pi, p) in programmes.iter().enumerate() {
        let people: Vec<String> = trajectories::table
            .filter(trajectories::organisation_id.eq(org))
            .filter(trajectories::programme_id.eq(p.programme_id))
            .filter(trajectories::status.eq_any(statuses))
            .order(trajectories::participant_id)
            .select(trajectories::participant_id)
            .load(conn)?;
        let size = p.max_size.max(1) as usize;
        for (gi, chunk) in people.chunks(size).enumerate() {
            let group_id = new_id();
            let letter = (b'A' + (gi % 26) as u8) as char;
            let room = (!rooms.is_empty()).then(|| rooms[(pi + gi) % rooms.len()].clone());
            groups_rows.push(Group {
                id: group_id.clone(),
                organisation_id: org.to_owned(),
                programme_id: p.programme_id.to_owned(),
                kind: "adults".into(),
                parent_id: None,
                name: format!("{} {letter}", p.name),
                languages: "nl".into(),
                level: String::new(),
                room_id: room.clone(),
                min_size: p.min_size,
                max_size: p.max_size,
                active: true,
                version: 1,
                created_at: ts,
                updated_at: ts,
            });
            let lead: Vec<String> = if facilitators.is_empty() {
                Vec::new()
            } else {
                vec![facilitators[(pi + gi) % facilitators.len()].clone()]
            };
            for f in &lead {
                group_facs.push((org.to_owned(), group_id.clone(), f.clone()));
            }
            for participant in chunk {
                members.push(GroupMember {
                    id: new_id(),
                    organisation_id: org.to_owned(),
                    group_id: group_id.clone(),
                    participant_id: participant.clone(),
                    status: "member".into(),
                    waiting_since: ts - Duration::days(380),
                    joined_on: Some(first_day - Duration::days(7)),
                    left_on: None,
                    created_at: ts,
                });
            }
            let rhythm = match p.kind.default_rhythm() {
                SessionRhythm::Weekly => Rhythm::Weekly,
                SessionRhythm::Fortnightly | SessionRhythm::TwiceMonthly => Rhythm::EveryTwoWeeks,
                SessionRhythm::Monthly => Rhythm::Monthly { nth: 2 },
            };
            // Spread groups over the weekdays (Monday to Friday).
            let weekday = ((pi + gi) % 5) as i64;
            let from = i64::from(chrono::Datelike::weekday(&first_day).num_days_from_monday());
            let first = first_day + Duration::days((weekday - from + 7) % 7);
            let request = SeriesRequest {
                first,
                last: today + Duration::days(60),
                rhythm,
                start: t(9, 30),
                end: t(12, 0),
                outside_school_hours: false,
            };
            let planned = plan_series(&request, &calendar, &hours).unwrap_or_default();
            let kinds = [
                SessionKind::Psychosocial,
                SessionKind::Informative,
                SessionKind::CreativeAtelier,
                SessionKind::Outing,
            ];
            let mut days: Vec<(NaiveDate, Option<SessionKind>)> = planned
                .iter()
                .filter(|d| d.skipped.is_none())
                .map(|d| (d.date, None))
                .collect();
            // School holidays leave a group without a session for weeks (all
            // of July and August); then it meets for an outing with the
            // children, so that whatever day the demo is seeded, the coming
            // days have sessions to show, to take attendance for and to
            // announce on her page (from tomorrow: today's may be over).
            let week = today + Duration::days(1)..=today + Duration::days(6);
            if !days.iter().any(|(d, _)| week.contains(d))
                && let Some(day) = (1..7)
                    .map(|i| today + Duration::days(i))
                    .filter(|d| domain::calendar::is_working_day(*d))
                    .min_by_key(|d| {
                        (i64::from(chrono::Datelike::weekday(d).num_days_from_monday()) - weekday)
                            .rem_euclid(7)
                    })
            {
                days.push((day, Some(SessionKind::JointWithChildren)));
                days.sort_by_key(|d| d.0);
            }
            for (si, (day, holiday_kind)) in days.into_iter().enumerate() {
                let session_id = new_id();
                let cancelled = holiday_kind.is_none() && dice.chance(2);
                sessions.push(GroupSession {
                    id: session_id.clone(),
                    organisation_id: org.to_owned(),
                    group_id: group_id.clone(),
                    series_id: None,
                    held_on: day,
                    starts_at: request.start,
                    ends_at: request.end,
                    room_id: room.clone(),
                    kind: holiday_kind
                        .unwrap_or(kinds[si % kinds.len()])
                        .code()
                        .to_owned(),
                    theme: practices[si % practices.len()].title.clone(),
                    practice_id: Some(practices[si % practices.len()].id.clone()),
                    guest_partner: String::new(),
                    interpreter_needed: si % 5 == 0,
                    notes: String::new(),
                    cancelled,
                    cancel_reason: if cancelled {
                        "Demo: begeleider ziek".into()
                    } else {
                        String::new()
                    },
                    version: 1,
                    created_at: ts,
                    updated_at: ts,
                });
                for f in &lead {
                    session_facs.push((org.to_owned(), session_id.clone(), f.clone()));
                }
                if day >= today || cancelled {
                    continue;
                }
                for participant in chunk {
                    let roll = dice.below(100);
                    let (mark, reason) = match roll {
                        0..=77 => (Mark::Present, None),
                        78..=84 => (Mark::Late, None),
                        85..=93 => (Mark::Excused, Some(*dice.pick(ExcuseReason::ALL))),
                        _ => (Mark::Absent, None),
                    };
                    marks.push(AttendanceRow {
                        organisation_id: org.to_owned(),
                        session_id: session_id.clone(),
                        participant_id: participant.clone(),
                        mark: mark.code().to_owned(),
                        reason: reason.map(|r| r.code().to_owned()),
                        marked_by: lead.first().cloned(),
                        marked_at: day.and_time(t(12, 5)),
                    });
                }
            }
        }
    }
    made.groups = groups_rows.len();
    made.sessions = sessions.len();
    made.marks = marks.len();
    crate::batch_insert!(conn, groups::table, &groups_rows);
    crate::batch_insert!(conn, group_members::table, &members);
    let gf: Vec<_> = group_facs
        .iter()
        .map(|(o, g, u)| {
            (
                group_facilitators::organisation_id.eq(o),
                group_facilitators::group_id.eq(g),
                group_facilitators::user_id.eq(u),
            )
        })
        .collect();
    crate::batch_insert!(conn, group_facilitators::table, &gf);
    crate::batch_insert!(conn, group_sessions::table, &sessions);
    let sf: Vec<_> = session_facs
        .iter()
        .map(|(o, s, u)| {
            (
                session_facilitators::organisation_id.eq(o),
                session_facilitators::session_id.eq(s),
                session_facilitators::user_id.eq(u),
            )
        })
        .collect();
    crate::batch_insert!(conn, session_facilitators::table, &sf);
    crate::batch_insert!(conn, attendance::table, &marks);
    Ok(made)
}
