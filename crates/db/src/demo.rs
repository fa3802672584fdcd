//! The demo organisation "OCMW Demostad": fictional people, plainly so, seeded in
//! one transaction so that an interrupted seed leaves nothing behind.

use crate::backend::write_tx;
use crate::error::{DbError, DbResult};
use crate::fiction::{self, Dice, ProgrammeInfo, Rows};
use crate::models::*;
use crate::pool::DbConn;
use crate::repo;
use crate::schema::*;
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use domain::model::{GrammaticalGender, Language, ProgrammeKind, Role};
use domain::password::NewPassword;

pub const DEMO_SLUG: &str = "demostad";
pub const DEMO_NAME: &str = "OCMW Demostad";
/// The one password of every demo account. Printed at start with a warning.
pub const DEMO_PASSWORD: &str = "Demostad-oefenen-2026";

/// Demo logins: (email, username, display name, role, language).
pub const DEMO_STAFF: &[(&str, &str, &str, Role, Language)] = &[
    (
        "beheerder@demostad.example",
        "beheerder",
        "Ada Beheerder (demo)",
        Role::Administrator,
        Language::Nl,
    ),
    (
        "coordinator@demostad.example",
        "coordinator",
        "Cora Coördinator (demo)",
        Role::Coordinator,
        Language::Nl,
    ),
    (
        "casemanager1@demostad.example",
        "casemanager1",
        "Camille Exemple (demo)",
        Role::Casemanager,
        Language::Fr,
    ),
    (
        "casemanager2@demostad.example",
        "casemanager2",
        "Karla Voorbeeld (demo)",
        Role::Casemanager,
        Language::Nl,
    ),
    (
        "facilitator@demostad.example",
        "facilitator",
        "Fien Begeleider (demo)",
        Role::Facilitator,
        Language::En,
    ),
];

/// The demo's federal analyst: pooled, anonymised figures only, no
/// organisation. (email, username, display name)
pub const DEMO_ANALYST: (&str, &str, &str) = (
    "analist@federaal.example",
    "analist",
    "Fedra Analist (demo)",
);

/// One participant per state of each seed programme (see `fiction::every_state`).
pub const DEMO_PARTICIPANTS: usize = 55;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DemoState {
    /// Nothing in the database: the demo may be seeded.
    Empty,
    /// The demo organisation and nothing else.
    Seeded,
    /// Real data is present: never mix the demo into it.
    OtherData,
}

pub fn state(conn: &mut DbConn) -> DbResult<DemoState> {
    let orgs = repo::list_organisations(conn)?;
    let users: i64 = users::table.count().get_result(conn)?;
    if orgs.is_empty() {
        return Ok(if users == 0 {
            DemoState::Empty
        } else {
            DemoState::OtherData
        });
    }
    let demo_users = users::table
        .filter(
            users::email.eq_any(
                DEMO_STAFF
                    .iter()
                    .map(|s| s.0)
                    .chain(std::iter::once(DEMO_ANALYST.0)),
            ),
        )
        .count()
        .get_result::<i64>(conn)?;
    if orgs.len() == 1 && orgs[0].is_demo && users == demo_users {
        Ok(DemoState::Seeded)
    } else {
        Ok(DemoState::OtherData)
    }
}

/// Seeds the demo in one transaction. `pause_before_commit` exists only so a
/// test can kill the process mid-transaction and prove nothing half-done remains.
pub fn seed(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    pause_before_commit: Option<std::time::Duration>,
) -> DbResult<repo::Counts> {
    if state(conn)? != DemoState::Empty {
        return Err(DbError::Conflict(
            "the database is not empty: the demo is only seeded into an empty database".into(),
        ));
    }
    let password =
        NewPassword::parse(DEMO_PASSWORD).map_err(|e| DbError::Conflict(e.to_string()))?;
    // Hash before the transaction: Argon2 is slow on purpose, the lock need not wait.
    let hashes: Vec<String> = DEMO_STAFF.iter().map(|_| password.hash()).collect();
    let analyst_hash = password.hash();
    let ts = now.naive_utc();
    let today = domain::clock::brussels_date(now);

    write_tx(conn, |conn| {
        let org = repo::new_organisation(DEMO_SLUG, DEMO_NAME, Language::Nl, true, ts);
        repo::insert_organisation(conn, &org)?;
        seed_sites(conn, &org.id, ts)?;

        let mut staff = Vec::new();
        for ((email, username, name, role, lang), hash) in DEMO_STAFF.iter().zip(hashes) {
            let user = repo::add_user(
                conn,
                repo::NewUser {
                    email,
                    username: Some(username),
                    display_name: name,
                    preferred_language: Some(*lang),
                    // The facilitator keeps the neutral job title, to show both forms.
                    grammatical_gender: Some(if *role == Role::Facilitator {
                        GrammaticalGender::Neutral
                    } else {
                        GrammaticalGender::Feminine
                    }),
                    password_hash: hash,
                },
                &org.id,
                *role,
                ts,
            )?;
            staff.push((user, *role));
        }
        repo::add_analyst(
            conn,
            repo::NewUser {
                email: DEMO_ANALYST.0,
                username: Some(DEMO_ANALYST.1),
                display_name: DEMO_ANALYST.2,
                preferred_language: Some(Language::Nl),
                grammatical_gender: Some(GrammaticalGender::Feminine),
                password_hash: analyst_hash,
            },
            ts,
        )?;
        let casemanagers: Vec<String> = staff
            .iter()
            .filter(|(_, r)| *r == Role::Casemanager)
            .map(|(u, _)| u.id.clone())
            .collect();

        let programmes = [
            (
                "Workshop Zelfvertrouwen",
                "Demo: fase zelfbeeld, dan stabilisatie.",
                ProgrammeKind::ConfidenceWorkshop,
            ),
            (
                "Praatgroep voor moeders",
                "Demo: 12 maandelijkse workshops met kinderopvang.",
                ProgrammeKind::ConversationWorkshops,
            ),
            (
                "Sleutel naar werk of opleiding",
                "Demo: individuele begeleiding en wekelijkse groepssessies.",
                ProgrammeKind::KeyToWork,
            ),
            (
                "Sociale activering nieuwkomers",
                "Demo: AMIF-traject in begin-, midden- en eindfase.",
                ProgrammeKind::SocialActivation,
            ),
            (
                "Miriam",
                "Demo: casemanagement voor alleenstaande moeders.",
                ProgrammeKind::Miriam,
            ),
        ];
        let mut programme_ids = Vec::new();
        for (name, description, kind) in programmes {
            programme_ids.push(repo::add_programme(conn, &org.id, name, description, kind, ts)?.id);
        }
        // The federally funded programmes share their anonymised figures.
        for (id, kind) in programme_ids.iter().zip(programmes.iter().map(|p| p.2)) {
            if matches!(
                kind,
                ProgrammeKind::Miriam | ProgrammeKind::SocialActivation
            ) {
                diesel::update(programmes::table.filter(programmes::id.eq(id)))
                    .set(programmes::pooled.eq(true))
                    .execute(conn)?;
            }
        }
        diesel::update(organisations::table.filter(organisations::id.eq(&org.id)))
            .set(organisations::region.eq(Some("flanders")))
            .execute(conn)?;

        // Every seed programme with participants in every state and phase.
        let mut dice = Dice(0x5EED_D3E0_57AD_0001);
        let mut rows = Rows::default();
        let mut i = 0;
        for (programme_id, kind) in programme_ids.iter().zip(programmes.iter().map(|p| p.2)) {
            let info = ProgrammeInfo {
                id: programme_id.clone(),
                phases: kind.template().phases.len() as i32,
                gpmi: matches!(
                    kind,
                    ProgrammeKind::Miriam | ProgrammeKind::SocialActivation
                ),
            };
            for target in fiction::every_state(info.phases) {
                let casemanager = &casemanagers[i % casemanagers.len()];
                fiction::person(
                    &mut rows,
                    &mut dice,
                    &org.id,
                    i,
                    &info,
                    casemanager,
                    target,
                    today,
                    ts,
                    1 + i % 3,
                );
                i += 1;
            }
        }
        rows.flush(conn)?;

        // Groups for each programme, with a year of sessions and attendance.
        let mut leads: Vec<String> = staff
            .iter()
            .filter(|(_, r)| *r == Role::Facilitator)
            .map(|(u, _)| u.id.clone())
            .collect();
        leads.extend(casemanagers.iter().cloned());
        let room_ids: Vec<String> = rooms::table
            .filter(rooms::organisation_id.eq(&org.id))
            .filter(rooms::childcare_room.eq(false))
            // Rooms where a whole group fits with its facilitators.
            .filter(rooms::capacity.ge(16))
            .order(rooms::name)
            .select(rooms::id)
            .load(conn)?;
        let templates: Vec<_> = programmes.iter().map(|p| p.2.template()).collect();
        let groups_of: Vec<crate::groups::fiction::ProgrammeGroups<'_>> = programme_ids
            .iter()
            .zip(programmes.iter())
            .zip(templates.iter())
            .map(
                |((id, (name, _, kind)), tpl)| crate::groups::fiction::ProgrammeGroups {
                    programme_id: id,
                    name,
                    kind: *kind,
                    max_size: tpl.max_group_size,
                    min_size: tpl.min_group_size,
                },
            )
            .collect();
        crate::groups::fiction::seed(
            conn,
            &mut dice,
            &org.id,
            &groups_of,
            &leads,
            &room_ids,
            today,
            ts,
            &["active", "aftercare", "completed", "stopped"],
        )?;
        crate::messages::texts::fiction(conn, &org.id, ts)?;
        crate::messages::fiction(conn, &org.id, ts)?;
        crate::outcomes::fiction::seed(conn, &mut dice, &org.id, today, ts, true)?;
        crate::outcomes::fiction::demo_extras(conn, &org.id, ts)?;
        crate::network::fiction::seed(conn, &mut dice, &org.id, 21, 40, true, today, ts)?;
        // Budgets with their costs for this year and the last.
        crate::reports::fiction::seed(conn, &mut dice, &org.id, 2, today, ts)?;

        crate::audit::record(
            conn,
            &crate::audit::Event {
                organisation_id: Some(&org.id),
                actor_user_id: None,
                actor_label: "traject demo",
                action: "demo.seed",
                subject_type: Some("organisation"),
                subject_id: Some(&org.id),
                detail: "",
                outcome: crate::audit::Outcome::Success,
                ip: None,
                at: ts,
            },
        )?;
        let counts = repo::counts(conn, &org.id)?;
        if let Some(pause) = pause_before_commit {
            std::thread::sleep(pause);
        }
        Ok(counts)
    })
}

fn seed_sites(conn: &mut DbConn, organisation_id: &str, ts: chrono::NaiveDateTime) -> DbResult<()> {
    let sites_and_rooms = [
        (
            (
                "Sociaal Huis Demostad",
                "Voorbeeldstraat 1",
                "9999",
                "Demostad",
            ),
            vec![
                (
                    "Groepslokaal De Linde",
                    18,
                    true,
                    true,
                    true,
                    false,
                    false,
                    Some("Bus 99 halte Voorbeeldplein, 2 min"),
                ),
                (
                    "Kinderopvang Zonnetje",
                    12,
                    true,
                    true,
                    true,
                    true,
                    false,
                    None,
                ),
                ("Stille kamer", 8, true, true, false, false, true, None),
            ],
        ),
        (
            (
                "Buurthuis De Proefwijk",
                "Fictieflaan 42",
                "9999",
                "Demostad",
            ),
            vec![(
                "Zaal Proefwijk",
                20,
                false,
                false,
                false,
                false,
                false,
                Some("Tram 0 halte Proefwijk"),
            )],
        ),
    ];
    for ((name, street, postal_code, city), rooms_here) in sites_and_rooms {
        let site = Site {
            id: new_id(),
            organisation_id: organisation_id.to_owned(),
            name: name.to_owned(),
            street: street.to_owned(),
            postal_code: postal_code.to_owned(),
            city: city.to_owned(),
            created_at: ts,
        };
        diesel::insert_into(sites::table)
            .values(&site)
            .execute(conn)?;
        for (room, capacity, step_free, lift, pram_space, childcare_room, quiet_room, note) in
            rooms_here
        {
            diesel::insert_into(rooms::table)
                .values(&Room {
                    id: new_id(),
                    organisation_id: organisation_id.to_owned(),
                    site_id: site.id.clone(),
                    name: room.to_owned(),
                    capacity,
                    step_free,
                    lift,
                    pram_space,
                    childcare_room,
                    quiet_room,
                    transport_note: note.map(str::to_owned),
                    created_at: ts,
                })
                .execute(conn)?;
        }
    }
    Ok(())
}
