//! `traject synth`: a city's worth of fictional data, deterministically from a
//! seed, to measure traject at the size it must serve: organisations with
//! staff, programmes, participants with children and trajectories in every
//! state, plans, evaluations, journal lines, and an audit trail of a chosen
//! size (mostly in the first, largest organisation). It writes only into an
//! empty database, so it can never mix with real data.

use crate::audit::entry_hash;
use crate::backend::{bulk_load, write_tx};
use crate::error::{DbError, DbResult};
use crate::fiction::{self, Dice, ProgrammeInfo, Rows, Target};
use crate::models::*;
use crate::pool::DbConn;
use crate::repo;
use crate::schema::*;
use chrono::{Duration, NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use domain::model::{Language, ProgrammeKind, Role, TrajectoryStatus};

/// The one password of every synthetic account (they are fictional, for benchmarks).
pub const SYNTH_PASSWORD: &str = "Synth-meten-2026-traject";

#[derive(Debug, Clone)]
pub struct Options {
    pub organisations: usize,
    /// Participants per organisation.
    pub participants: usize,
    /// Years of history.
    pub years: u32,
    /// Audit entries in all (four in five in the first organisation).
    pub trail: u64,
    pub seed: u64,
}

/// What a run wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub organisations: usize,
    pub staff: usize,
    pub participants: usize,
    pub trajectories: usize,
    pub journal: usize,
    pub groups: usize,
    pub sessions: usize,
    pub attendance: usize,
    pub measurements: usize,
    pub partners: usize,
    pub referrals: usize,
    pub budgets: usize,
    pub costs: usize,
    pub trail: u64,
}

/// The stages a progress bar can follow: (what, done, total).
pub type Progress<'a> = &'a mut dyn FnMut(&'static str, u64, u64);

/// Refuses anything but an empty database.
pub fn check_empty(conn: &mut DbConn) -> DbResult<()> {
    let orgs: i64 = organisations::table.count().get_result(conn)?;
    let users: i64 = users::table.count().get_result(conn)?;
    if orgs > 0 || users > 0 {
        return Err(DbError::Conflict(
            "the database is not empty: synth writes only into an empty database, never next to real data".into(),
        ));
    }
    Ok(())
}

/// One organisation's staff as the generator needs them.
struct Staff {
    all: Vec<String>,
    casemanagers: Vec<String>,
}

fn slug(n: usize) -> String {
    format!("synth-{n:03}")
}

/// The login of a synthetic staff member, e.g. `cm7@synth-000.example`.
pub fn email(organisation: usize, role: &str, n: usize) -> String {
    format!("{role}{n}@{}.example", slug(organisation))
}

pub fn run(
    conn: &mut DbConn,
    options: &Options,
    password_hash: &str,
    now: NaiveDateTime,
    progress: Progress<'_>,
) -> DbResult<Summary> {
    check_empty(conn)?;
    bulk_load(conn, true)?;
    let out = fill(conn, options, password_hash, now, progress);
    bulk_load(conn, false)?;
    out
}

fn fill(
    conn: &mut DbConn,
    options: &Options,
    password_hash: &str,
    now: NaiveDateTime,
    progress: Progress<'_>,
) -> DbResult<Summary> {
    let today = now.date();
    let mut dice = Dice(options.seed.max(1));
    let mut summary = Summary::default();
    let mut orgs: Vec<(String, Staff, Vec<String>)> = Vec::new();
    let total_people = (options.organisations * options.participants) as u64;
    let casemanagers_per_org = (options.participants / 60).max(2);
    for n in 0..options.organisations {
        let (org_id, staff, participant_ids) = write_tx(conn, |conn| -> DbResult<_> {
            let mut org = repo::new_organisation(
                &slug(n),
                &format!("OCMW Synthstad {n} (fictional)"),
                *dice.pick(&[Language::Nl, Language::Nl, Language::Fr, Language::De]),
                false,
                now,
            );
            org.synthetic = true;
            repo::insert_organisation(conn, &org)?;
            let mut staff = Staff {
                all: Vec::new(),
                casemanagers: Vec::new(),
            };
            let roles = [
                (Role::Administrator, "admin", 1),
                (Role::Coordinator, "coordinator", 2),
                (Role::Casemanager, "cm", casemanagers_per_org),
                (Role::Facilitator, "facilitator", 2),
            ];
            for (role, prefix, count) in roles {
                for k in 0..count {
                    let mail = email(n, prefix, k);
                    let user = repo::add_user(
                        conn,
                        repo::NewUser {
                            email: &mail,
                            username: None,
                            display_name: &format!("{prefix} {k} (synth {n})"),
                            preferred_language: None,
                            grammatical_gender: None,
                            password_hash: password_hash.to_owned(),
                        },
                        &org.id,
                        role,
                        now,
                    )?;
                    if role == Role::Casemanager {
                        staff.casemanagers.push(user.id.clone());
                    }
                    staff.all.push(user.id);
                }
            }
            let mut programmes = Vec::new();
            for kind in ProgrammeKind::ALL {
                let p = repo::add_programme(conn, &org.id, kind.code(), "Synthetic.", *kind, now)?;
                programmes.push(ProgrammeInfo {
                    id: p.id,
                    phases: kind.template().phases.len() as i32,
                    gpmi: matches!(
                        kind,
                        ProgrammeKind::Miriam | ProgrammeKind::SocialActivation
                    ),
                });
            }
            let for_groups: Vec<(String, ProgrammeKind)> = programmes
                .iter()
                .zip(ProgrammeKind::ALL.iter())
                .map(|(p, k)| (p.id.clone(), *k))
                .collect();
            // Generation on a second thread, writing on this one: two cores.
            let mut ids = Vec::with_capacity(options.participants);
            let (tx, rx) = std::sync::mpsc::sync_channel::<Rows>(2);
            let generator = {
                let (org_id, cms, people) = (
                    org.id.clone(),
                    staff.casemanagers.clone(),
                    options.participants,
                );
                let mut dice = Dice(options.seed.max(1) ^ ((n as u64 + 1) << 32));
                let journal_base = (4 * options.years as usize).min(24) / 2;
                std::thread::spawn(move || {
                    let mut rows = Rows::default();
                    for i in 0..people {
                        let programme = &programmes[i % programmes.len()];
                        let target = pick_state(&mut dice, programme.phases);
                        fiction::person(
                            &mut rows,
                            &mut dice,
                            &org_id,
                            i,
                            programme,
                            &cms[i % cms.len()],
                            target,
                            today,
                            now,
                            journal_base + i % 3,
                        );
                        if rows.len() >= 500 && tx.send(std::mem::take(&mut rows)).is_err() {
                            return;
                        }
                    }
                    let _ = tx.send(rows);
                })
            };
            let mut done = 0;
            for mut rows in rx {
                done += rows.len();
                ids.extend(rows.participants.iter().map(|p| p.id.clone()));
                summary.trajectories += rows.trajectories.len();
                summary.journal += rows.journal.len();
                rows.flush(conn)?;
                progress(
                    "participants",
                    (n * options.participants + done) as u64,
                    total_people,
                );
            }
            generator
                .join()
                .map_err(|_| DbError::Task("the generator stopped".into()))?;
            // Groups with a year of sessions and attendance, led by the
            // facilitators and casemanagers.
            let templates: Vec<_> = for_groups.iter().map(|(_, k)| k.template()).collect();
            let groups_of: Vec<crate::groups::fiction::ProgrammeGroups<'_>> = for_groups
                .iter()
                .zip(templates.iter())
                .map(
                    |((id, kind), tpl)| crate::groups::fiction::ProgrammeGroups {
                        programme_id: id,
                        name: kind.code(),
                        kind: *kind,
                        max_size: tpl.max_group_size,
                        min_size: tpl.min_group_size,
                    },
                )
                .collect();
            let leads: Vec<String> = staff
                .all
                .iter()
                .filter(|u| !staff.casemanagers.contains(u))
                .skip(3)
                .chain(staff.casemanagers.iter())
                .cloned()
                .collect();
            let made = crate::groups::fiction::seed(
                conn,
                &mut dice,
                &org.id,
                &groups_of,
                &leads,
                &[],
                today,
                now,
                // Current groups: those who are in a trajectory now.
                &["active", "aftercare"],
            )?;
            summary.groups += made.groups;
            summary.sessions += made.sessions;
            summary.attendance += made.marks;
            crate::messages::texts::fiction(conn, &org.id, now)?;
            summary.measurements +=
                crate::outcomes::fiction::seed(conn, &mut dice, &org.id, today, now, true)?;
            // A city map: each organisation keeps 120 partners, a quarter
            // shared; one in six of its people referred.
            let network =
                crate::network::fiction::seed(conn, &mut dice, &org.id, 120, 16, true, today, now)?;
            summary.partners += network.partners;
            summary.referrals += network.referrals;
            // Budgets and costs for every year; every programme shares its
            // anonymised figures, the organisations spread over the regions.
            let money =
                crate::reports::fiction::seed(conn, &mut dice, &org.id, options.years, today, now)?;
            summary.budgets += money.budgets;
            summary.costs += money.costs;
            diesel::update(programmes::table.filter(programmes::organisation_id.eq(&org.id)))
                .set(programmes::pooled.eq(true))
                .execute(conn)?;
            let region = crate::reports::pooled::REGIONS[n % crate::reports::pooled::REGIONS.len()];
            diesel::update(organisations::table.filter(organisations::id.eq(&org.id)))
                .set(organisations::region.eq(Some(region)))
                .execute(conn)?;
            Ok((org.id, staff, ids))
        })?;
        progress(
            "participants",
            ((n + 1) * options.participants) as u64,
            total_people,
        );
        summary.organisations += 1;
        summary.staff += staff.all.len();
        summary.participants += participant_ids.len();
        orgs.push((org_id, staff, participant_ids));
    }
    summary.trail = trail(conn, options, &orgs, now, progress)?;
    Ok(summary)
}

/// Years of use leave most trajectories closed; every state still appears.
fn pick_state(dice: &mut Dice, phases: i32) -> Target {
    use TrajectoryStatus as S;
    let states = fiction::every_state(phases);
    match dice.below(100) {
        0..=39 => Target {
            status: S::Completed,
            phase: Some(phases),
        },
        40..=59 => Target {
            status: S::Stopped,
            phase: Some(1 + dice.below(phases as u64) as i32),
        },
        _ => states[dice.below(states.len() as u64) as usize],
    }
}

/// The audit trail: reads and changes of files, spread over the years,
/// hash-chained per organisation as `audit::record` would have written them.
/// Entries are made on a second thread while this one writes.
fn trail(
    conn: &mut DbConn,
    options: &Options,
    orgs: &[(String, Staff, Vec<String>)],
    now: NaiveDateTime,
    progress: Progress<'_>,
) -> DbResult<u64> {
    if orgs.is_empty() || options.trail == 0 {
        return Ok(0);
    }
    // Four in five entries in the first organisation (the city), the rest spread.
    let big = options.trail * 4 / 5;
    let rest = options.trail - big;
    let others = (orgs.len() - 1).max(1) as u64;
    let mut plan = Vec::new();
    for (n, (org_id, staff, people)) in orgs.iter().enumerate() {
        let count = if orgs.len() == 1 {
            options.trail
        } else if n == 0 {
            big
        } else {
            rest / others + u64::from((n as u64 - 1) < rest % others)
        };
        if count == 0 || people.is_empty() {
            continue;
        }
        let (seq, prev): (i64, String) = audit_chains::table
            .find(org_id)
            .select((audit_chains::seq, audit_chains::head_hash))
            .first(conn)?;
        plan.push((
            org_id.clone(),
            staff.all.clone(),
            people.clone(),
            count,
            seq,
            prev,
        ));
    }
    let span_seconds = i64::from(options.years.max(1)) * 365 * 24 * 3600;
    let seed = options.seed.max(1) ^ 0x7A11_7A11;
    let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<AuditEntry>>(2);
    let generator = std::thread::spawn(move || {
        let mut dice = Dice(seed);
        const ACTIONS: &[(&str, u64)] = &[
            ("participant.read", 80),
            ("participant.update", 8),
            ("journal.add", 7),
            ("participant.search", 5),
        ];
        for (org_id, staff, people, count, mut seq, mut prev) in plan {
            let start = now - Duration::seconds(span_seconds);
            let step = (span_seconds as f64 / count as f64).max(0.000_001);
            let mut batch: Vec<AuditEntry> = Vec::with_capacity(10_000);
            for k in 0..count {
                let roll = dice.below(100);
                let mut acc = 0;
                let action = ACTIONS
                    .iter()
                    .find(|(_, w)| {
                        acc += w;
                        roll < acc
                    })
                    .map(|(a, _)| *a)
                    .unwrap_or("participant.read");
                let actor = &staff[dice.below(staff.len() as u64) as usize];
                let subject = &people[dice.below(people.len() as u64) as usize];
                seq += 1;
                let at = start + Duration::microseconds((k as f64 * step * 1_000_000.0) as i64);
                let about = action != "participant.search";
                let mut e = AuditEntry {
                    id: new_id(),
                    chain: org_id.clone(),
                    seq,
                    organisation_id: Some(org_id.clone()),
                    actor_user_id: Some(actor.clone()),
                    actor_label: actor.clone(),
                    action: action.to_owned(),
                    subject_type: about.then(|| "participant".to_owned()),
                    subject_id: about.then(|| subject.clone()),
                    detail: if about { String::new() } else { "name".into() },
                    outcome: "success".into(),
                    ip: Some("192.0.2.10".into()),
                    at,
                    prev_hash: prev,
                    hash: String::new(),
                };
                e.hash = entry_hash(&e);
                prev = e.hash.clone();
                batch.push(e);
                if (batch.len() == 10_000 || k + 1 == count)
                    && tx.send(std::mem::take(&mut batch)).is_err()
                {
                    return;
                }
            }
        }
    });
    let mut written = 0u64;
    for batch in rx {
        let Some(last) = batch.last() else { continue };
        let (chain, head) = (last.chain.clone(), (last.seq, last.hash.clone()));
        write_tx(conn, |conn| -> DbResult<()> {
            crate::batch_insert!(conn, audit_log::table, batch);
            diesel::update(audit_chains::table.find(&chain))
                .set((
                    audit_chains::seq.eq(head.0),
                    audit_chains::head_hash.eq(&head.1),
                ))
                .execute(conn)?;
            Ok(())
        })?;
        written += batch.len() as u64;
        progress("audit trail", written, options.trail);
    }
    generator
        .join()
        .map_err(|_| DbError::Task("the generator stopped".into()))?;
    Ok(written)
}

/// A summary line for the command line.
pub fn describe(s: &Summary, today: NaiveDate) -> String {
    format!(
        "synthesised on {today}: {} organisations, {} staff, {} participants, {} trajectories, {} journal lines, {} groups, {} sessions, {} attendance marks, {} measurements, {} partners, {} referrals, {} budgets, {} costs, {} audit entries",
        s.organisations,
        s.staff,
        s.participants,
        s.trajectories,
        s.journal,
        s.groups,
        s.sessions,
        s.attendance,
        s.measurements,
        s.partners,
        s.referrals,
        s.budgets,
        s.costs,
        s.trail
    )
}
