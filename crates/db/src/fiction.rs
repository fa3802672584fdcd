//! Fictional participants, plainly so, for the demo and for `traject synth`:
//! a file with its facts, children, consents, one trajectory in a chosen
//! state with the events that led there, its intake, a guidance plan with
//! evaluations, and journal lines. Rows are collected and written in batches.

use crate::error::DbResult;
use crate::models::*;
use crate::pool::DbConn;
use crate::schema::*;
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use domain::model::TrajectoryStatus;
use domain::participant::FileInput;

/// A small deterministic generator: the same data for the same seed.
#[derive(Debug, Clone)]
pub struct Dice(pub u64);

impl Dice {
    pub fn roll(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 { 0 } else { self.roll() % n }
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

pub const FIRST_NAMES: &[&str] = &[
    "Amina", "Sara", "Fatima", "Elena", "Grace", "Leila", "Mariam", "Nadia", "Olga", "Priya",
    "Rosa", "Yasmin", "Zainab", "Hanna", "Ines", "Joy", "Khadija", "Lina", "Maya", "Noor",
];
pub const LAST_NAMES: &[&str] = &[
    "Voorbeeld",
    "Fictief",
    "Proefmans",
    "Exemple",
    "Beispiel",
    "Verzonnen",
    "Demotte",
    "Testaert",
    "El Fictioui",
    "Van den Proef",
];
const CHILD_NAMES: &[&str] = &[
    "Adam", "Bo", "Chloé", "Daan", "Emma", "Finn", "Gaia", "Hugo", "Ilias", "Juna",
];
/// Journal lines: (confidential, text). Plainly invented.
pub const JOURNAL: &[(bool, &str)] = &[
    (
        false,
        "Demo: kennismakingsgesprek, interesse in de groepssessies.",
    ),
    (
        true,
        "Demo (vertrouwelijk): voorbeeldnotitie over de thuissituatie.",
    ),
    (
        false,
        "Demo: samen naar het Huis van het Kind voor informatie over opvang.",
    ),
];
const NATIONALITIES: &[&str] = &["BE", "BE", "MA", "SY", "AF", "ER", "TR", "CD", "UA", "RO"];
const GOALS: &[(&str, &str)] = &[
    (
        "housing",
        "Demo: ik wil een betaalbare woning met een kamer voor de kinderen.",
    ),
    ("work", "Demo: ik wil een opleiding zorgkundige beginnen."),
    ("social", "Demo: ik wil mensen leren kennen in de buurt."),
    (
        "language",
        "Demo: ik wil Nederlands spreken met de juf van school.",
    ),
    (
        "income_debt",
        "Demo: ik wil mijn rekeningen op tijd betalen.",
    ),
    ("health", "Demo: ik wil beter slapen en minder stress."),
];

/// Rows collected for one batch write.
#[derive(Default)]
pub struct Rows {
    pub participants: Vec<Participant>,
    pub sensitive: Vec<ParticipantSensitive>,
    pub keys: Vec<NameKey>,
    pub languages: Vec<SpokenLanguage>,
    pub children: Vec<Child>,
    pub consents: Vec<Consent>,
    pub trajectories: Vec<Trajectory>,
    pub events: Vec<TrajectoryEvent>,
    pub intakes: Vec<Intake>,
    pub plans: Vec<Plan>,
    pub goals: Vec<PlanGoal>,
    pub steps: Vec<PlanStep>,
    pub evaluations: Vec<PlanEvaluation>,
    pub journal: Vec<JournalEntry>,
}

macro_rules! flush {
    ($conn:expr, $table:expr, $rows:expr) => {
        $crate::batch_insert!($conn, $table, $rows);
        $rows.clear();
    };
}

impl Rows {
    pub fn len(&self) -> usize {
        self.participants.len()
    }

    pub fn is_empty(&self) -> bool {
        self.participants.is_empty()
    }

    /// Writes everything collected, parents before children.
    pub fn flush(&mut self, conn: &mut DbConn) -> DbResult<()> {
        flush!(conn, participants::table, self.participants);
        flush!(conn, participant_sensitive::table, self.sensitive);
        flush!(conn, participant_name_keys::table, self.keys);
        flush!(conn, participant_languages::table, self.languages);
        flush!(conn, children::table, self.children);
        flush!(conn, consents::table, self.consents);
        flush!(conn, trajectories::table, self.trajectories);
        flush!(conn, trajectory_events::table, self.events);
        flush!(conn, intakes::table, self.intakes);
        flush!(conn, plans::table, self.plans);
        flush!(conn, plan_goals::table, self.goals);
        flush!(conn, plan_steps::table, self.steps);
        flush!(conn, plan_evaluations::table, self.evaluations);
        flush!(conn, journal_entries::table, self.journal);
        Ok(())
    }
}

/// A programme as the generator needs it.
#[derive(Debug, Clone)]
pub struct ProgrammeInfo {
    pub id: String,
    pub phases: i32,
    pub gpmi: bool,
}

/// Where the generated trajectory stands.
#[derive(Debug, Clone, Copy)]
pub struct Target {
    pub status: TrajectoryStatus,
    pub phase: Option<i32>,
}

/// Every state a trajectory of a programme with `phases` phases can be in:
/// each phase while active, and every other status.
pub fn every_state(phases: i32) -> Vec<Target> {
    use TrajectoryStatus as S;
    let mut v = vec![
        Target {
            status: S::Referred,
            phase: None,
        },
        Target {
            status: S::Intake,
            phase: None,
        },
        Target {
            status: S::WaitingList,
            phase: None,
        },
    ];
    v.extend((1..=phases).map(|p| Target {
        status: S::Active,
        phase: Some(p),
    }));
    v.extend([
        Target {
            status: S::Aftercare,
            phase: Some(phases),
        },
        Target {
            status: S::Completed,
            phase: Some(phases),
        },
        Target {
            status: S::Stopped,
            phase: Some(1 + phases / 2),
        },
        Target {
            status: S::NotAdmitted,
            phase: None,
        },
    ]);
    v
}

fn years_before(day: NaiveDate, years: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(day.year() - years, day.month(), day.day().min(28)).unwrap_or(day)
}

/// A valid national number for a birth date (fictional sequence).
fn national_number(born: NaiveDate, sequence: u32) -> String {
    let first9 = format!(
        "{:02}{:02}{:02}{:03}",
        born.year() % 100,
        born.month(),
        born.day(),
        sequence % 998 + 1
    );
    let n: u64 = first9.parse().unwrap_or(0);
    let base = if born.year() >= 2000 {
        2_000_000_000 + n
    } else {
        n
    };
    format!("{first9}{:02}", 97 - base % 97)
}

/// Generates one participant with one trajectory in `target`, into `rows`.
#[allow(clippy::too_many_arguments)]
pub fn person(
    rows: &mut Rows,
    dice: &mut Dice,
    org: &str,
    index: usize,
    programme: &ProgrammeInfo,
    casemanager: &str,
    target: Target,
    today: NaiveDate,
    at: NaiveDateTime,
    journal_lines: usize,
) {
    let id = new_id();
    let age = 19 + dice.below(33) as i32;
    let born = years_before(today, age) - Duration::days(dice.below(360) as i64);
    let first = FIRST_NAMES[index % FIRST_NAMES.len()];
    let last = LAST_NAMES[(index * 7 + index / FIRST_NAMES.len()) % LAST_NAMES.len()];
    let nationality = *dice.pick(NATIONALITIES);
    let phone = format!(
        "047{} {:02} {:02} {:02}",
        dice.below(10),
        dice.below(100),
        dice.below(100),
        dice.below(100)
    );
    let input = FileInput {
        first_name: first.into(),
        last_name: last.into(),
        birth_date: born.to_string(),
        gender: if dice.chance(92) {
            "woman"
        } else {
            "not_given"
        }
        .into(),
        language: (*dice.pick(&["nl", "nl", "fr", "fr", "en", "de"])).into(),
        reading_level: (*dice.pick(&["well", "well", "a_little", "not_at_all"])).into(),
        nationality: nationality.into(),
        phone: phone.clone(),
        channel: (*dice.pick(&["sms", "whatsapp", "phone_call", "sms"])).into(),
        postal_code: "9999".into(),
        municipality: "Demostad".into(),
        street: format!("Voorbeeldstraat {}", 1 + dice.below(200)),
        income: (*dice.pick(&[
            "integration_income",
            "integration_income",
            "other_benefit",
            "work",
        ]))
        .into(),
        referral_source: (*dice.pick(&["ocmw_service", "school", "partner", "self"])).into(),
        heard_via: (*dice.pick(&["school", "partner", "word_of_mouth", "flyer"])).into(),
        labour_status: (*dice.pick(&[
            "unemployed",
            "long_term_unemployed",
            "inactive",
            "employed",
        ]))
        .into(),
        education: (*dice.pick(&["isced_0_2", "isced_0_2", "isced_3_4", "isced_5_8"])).into(),
        partner_in_household: if dice.chance(85) { "no" } else { "yes" }.into(),
        in_article_60: "no".into(),
        small_social_network: if dice.chance(70) { "yes" } else { "" }.into(),
        languages: if nationality == "BE" {
            "nl:native".into()
        } else {
            format!(
                "ar:native,nl:{}",
                dice.pick(&["beginner", "basic", "fluent"])
            )
        },
        // One in ten files lacks the number: a data problem to show.
        national_number: if dice.chance(90) {
            national_number(born, index as u32)
        } else {
            String::new()
        },
        residence_status: if nationality == "BE" {
            "belgian".into()
        } else if dice.chance(60) {
            "recognised_refugee".into()
        } else {
            "subsidiary_protection".into()
        },
        disability: (*dice.pick(&["no", "no", "prefers_not_to_say", ""])).into(),
        minority: (*dice.pick(&["no", "prefers_not_to_say", ""])).into(),
        vulnerability_note: if dice.chance(20) {
            "Demo: fictieve notitie over kwetsbaarheid.".into()
        } else {
            String::new()
        },
        ..Default::default()
    };
    // The generator only writes what the file's own rules accept.
    let facts = match input.parse(today) {
        Ok(f) => f,
        Err(e) => {
            debug_assert!(false, "fictional file refused: {e:?}");
            return;
        }
    };
    let mut p = crate::participants::file::participant_row(org, &id, &facts);
    p.version = 1;
    p.created_at = at;
    p.updated_at = at;
    rows.participants.push(p);
    rows.sensitive
        .push(crate::participants::file::sensitive_row(
            org, &id, &facts, None, today, at,
        ));
    for key in facts.name_keys() {
        rows.keys.push(NameKey {
            organisation_id: org.to_owned(),
            participant_id: id.clone(),
            name_key: key,
        });
    }
    for (language, level) in &facts.languages {
        rows.languages.push(SpokenLanguage {
            id: new_id(),
            organisation_id: org.to_owned(),
            participant_id: id.clone(),
            language: language.clone(),
            level: level.code().to_owned(),
        });
    }
    for c in 0..(1 + dice.below(4)) {
        let child_age = dice.below(17.min(age as u64 - 17)) as i32;
        // One child in twenty without a known birth date: a data problem.
        let birth = (!dice.chance(5))
            .then(|| years_before(today, child_age) - Duration::days(dice.below(300) as i64));
        rows.children.push(Child {
            id: new_id(),
            organisation_id: org.to_owned(),
            participant_id: id.clone(),
            first_name: CHILD_NAMES[((index as u64 + c * 3) % CHILD_NAMES.len() as u64) as usize]
                .to_owned(),
            birth_date: birth,
            created_at: at,
            // A few fictional notes for the childcare list.
            care_notes: match dice.below(12) {
                0 => "Demo: allergisch voor noten".into(),
                1 => "Demo: slaapt na de middag".into(),
                _ => String::new(),
            },
        });
    }
    if dice.chance(90) {
        rows.consents.push(Consent {
            id: new_id(),
            organisation_id: org.to_owned(),
            participant_id: id.clone(),
            scope: "data_processing".into(),
            given_on: today - Duration::days(30 + dice.below(300) as i64),
            recorded_by: Some(casemanager.to_owned()),
            created_at: at,
            ..Default::default()
        });
    }
    // Most agree to reminders on their channel; WhatsApp asks its own.
    let channel = input.channel.clone();
    for (scope, chance) in [("reminders", 85), ("whatsapp_contact", 80)] {
        if (scope == "reminders" || channel == "whatsapp") && dice.chance(chance) {
            rows.consents.push(Consent {
                id: new_id(),
                organisation_id: org.to_owned(),
                participant_id: id.clone(),
                scope: scope.into(),
                given_on: today - Duration::days(30 + dice.below(300) as i64),
                recorded_by: Some(casemanager.to_owned()),
                created_at: at,
                ..Default::default()
            });
        }
    }
    if dice.chance(40) {
        rows.consents.push(Consent {
            id: new_id(),
            organisation_id: org.to_owned(),
            participant_id: id.clone(),
            scope: "photos".into(),
            given_on: today - Duration::days(30 + dice.below(300) as i64),
            withdrawn_on: dice
                .chance(20)
                .then(|| today - Duration::days(dice.below(20) as i64)),
            recorded_by: Some(casemanager.to_owned()),
            created_at: at,
            ..Default::default()
        });
    }
    trajectory(
        rows,
        dice,
        org,
        &id,
        programme,
        casemanager,
        target,
        today,
        at,
    );
    for n in 0..journal_lines {
        let (confidential, body) = JOURNAL[n % JOURNAL.len()];
        rows.journal.push(JournalEntry {
            id: new_id(),
            organisation_id: org.to_owned(),
            participant_id: id.clone(),
            author_id: Some(casemanager.to_owned()),
            confidential,
            body: body.to_owned(),
            written_on: today - Duration::days(7 * (n as i64 + 1) + dice.below(5) as i64),
            created_at: at,
            duration_minutes: Some(15 * (1 + dice.below(6) as i32)),
            mode: (*dice.pick(&["office", "home_visit", "walk", "phone", "accompanied_visit"]))
                .into(),
            domains: (*dice.pick(&["housing", "work,social", "parenting", "health,self_image"]))
                .into(),
            interpreter: dice.chance(15),
            mediator: dice.chance(5),
            next_contact_on: (n == 0).then(|| today + Duration::days(dice.below(14) as i64)),
        });
    }
}

#[allow(clippy::too_many_arguments)]
fn trajectory(
    rows: &mut Rows,
    dice: &mut Dice,
    org: &str,
    participant_id: &str,
    programme: &ProgrammeInfo,
    casemanager: &str,
    target: Target,
    today: NaiveDate,
    at: NaiveDateTime,
) {
    use TrajectoryStatus as S;
    let tid = new_id();
    // Closed trajectories ended at any time in the last twenty months, so
    // that follow-ups 6 and 12 months after closing have come for some.
    let today = if matches!(target.status, S::Completed | S::Stopped) {
        today - Duration::days(dice.below(600) as i64)
    } else {
        today
    };
    let phase_days = 50;
    let reached = target.phase.unwrap_or(0).max(0) as i64;
    let active_days = reached * phase_days
        + match target.status {
            S::Aftercare => 40,
            S::Completed | S::Stopped => 20,
            _ => 0,
        };
    let referred_on = today - Duration::days(20 + active_days + dice.below(25) as i64);
    let started_on = referred_on + Duration::days(14);
    let mut event = |from: Option<&str>, to: S, phase: Option<i32>, on: NaiveDate, detail: &str| {
        rows.events.push(TrajectoryEvent {
            id: new_id(),
            organisation_id: org.to_owned(),
            trajectory_id: tid.clone(),
            from_status: from.map(str::to_owned),
            to_status: to.code().to_owned(),
            phase,
            detail: detail.to_owned(),
            happened_on: on,
            author_id: Some(casemanager.to_owned()),
            created_at: at,
        });
    };
    if target.status != S::Referred {
        event(None, S::Intake, None, referred_on, "");
    }
    let admitted = matches!(
        target.status,
        S::Active | S::Aftercare | S::Completed | S::Stopped
    );
    if target.status == S::WaitingList {
        event(
            Some("intake"),
            S::WaitingList,
            None,
            started_on,
            "waiting_list",
        );
    }
    if target.status == S::NotAdmitted {
        event(Some("intake"), S::NotAdmitted, None, started_on, "declined");
    }
    if admitted {
        event(Some("intake"), S::Active, Some(1), started_on, "admitted");
        for p in 2..=reached as i32 {
            event(
                Some("active"),
                S::Active,
                Some(p),
                started_on + Duration::days(phase_days * (p as i64 - 1)),
                "",
            );
        }
    }
    let ended_on = match target.status {
        S::Completed | S::Stopped | S::NotAdmitted => {
            Some(today - Duration::days(dice.below(15) as i64))
        }
        _ => None,
    };
    match target.status {
        S::Aftercare => event(
            Some("active"),
            S::Aftercare,
            target.phase,
            today - Duration::days(30),
            "",
        ),
        S::Completed | S::Stopped => event(
            Some("active"),
            target.status,
            target.phase,
            ended_on.unwrap_or(today),
            "",
        ),
        _ => {}
    }
    let stop_reason = (target.status == S::Stopped).then(|| {
        (*dice.pick(&[
            "moved",
            "found_work",
            "health",
            "lost_contact",
            "own_choice",
        ]))
        .to_owned()
    });
    let success = match target.status {
        S::Completed => Some(true),
        S::Stopped => Some(matches!(stop_reason.as_deref(), Some("found_work"))),
        _ => None,
    };
    rows.trajectories.push(Trajectory {
        id: tid.clone(),
        organisation_id: org.to_owned(),
        participant_id: participant_id.to_owned(),
        programme_id: programme.id.clone(),
        casemanager_id: Some(casemanager.to_owned()),
        status: target.status.code().to_owned(),
        referred_on,
        started_on: admitted.then_some(started_on),
        ended_on,
        version: 1,
        created_at: at,
        updated_at: at,
        phase: if admitted { target.phase } else { None },
        stop_reason,
        success,
        waiting_since: (target.status == S::WaitingList)
            .then(|| at - Duration::days(dice.below(60) as i64)),
        assigned_at: Some(at),
        // A few fresh intakes are still new to their casemanager.
        seen_by_casemanager: !(target.status == S::Intake && dice.chance(50)),
    });
    if target.status != S::Referred {
        let decided = target.status != S::Intake;
        rows.intakes.push(Intake {
            trajectory_id: tid.clone(),
            organisation_id: org.to_owned(),
            motivation: "Demo: wil uit haar isolement en iets voor zichzelf doen.".into(),
            request_for_help: "Demo: hulp bij huisvesting en werk zoeken.".into(),
            strengths: "Demo: doorzetter, goede band met haar kinderen.".into(),
            dreams: "Demo: verpleegkundige worden.".into(),
            needs: r#"{"housing":"Demo: te kleine woning."}"#.into(),
            eligibility: String::new(),
            outcome: decided.then(|| {
                match target.status {
                    S::WaitingList => "waiting_list",
                    S::NotAdmitted => "declined",
                    _ => "admitted",
                }
                .to_owned()
            }),
            decline_reason: if target.status == S::NotAdmitted {
                "Demo: woont buiten het werkingsgebied.".into()
            } else {
                String::new()
            },
            decided_on: decided.then_some(started_on),
            decided_by: decided.then(|| casemanager.to_owned()),
            updated_at: at,
            ..Default::default()
        });
    }
    if admitted {
        let plan_id = new_id();
        let starts_on = started_on + Duration::days(7);
        let ends_on = domain::calendar::add_months(starts_on, 12);
        rows.plans.push(Plan {
            id: plan_id.clone(),
            organisation_id: org.to_owned(),
            trajectory_id: tid.clone(),
            is_gpmi: programme.gpmi,
            needs_assessment: "Demo: noden op vlak van wonen, werk en netwerk.".into(),
            offered_on: Some(starts_on - Duration::days(7)),
            signed_on: Some(starts_on),
            starts_on,
            ends_on,
            rhythm_months: domain::plan::DEFAULT_RHYTHM_MONTHS as i32,
            version: 1,
            created_at: at,
            updated_at: at,
        });
        let mut goal_ids = Vec::new();
        for (position, g) in (1..).zip(0..(2 + dice.below(2) as usize)) {
            let (domain, wording) =
                GOALS[(g + dice.below(GOALS.len() as u64) as usize) % GOALS.len()];
            let gid = new_id();
            goal_ids.push(gid.clone());
            rows.goals.push(PlanGoal {
                id: gid,
                organisation_id: org.to_owned(),
                plan_id: plan_id.clone(),
                domain: domain.into(),
                wording: wording.into(),
                position,
            });
        }
        for (i, gid) in goal_ids.iter().enumerate() {
            let due = today + Duration::days(dice.below(40) as i64 - 10);
            rows.steps.push(PlanStep {
                id: new_id(),
                organisation_id: org.to_owned(),
                plan_id: plan_id.clone(),
                goal_id: Some(gid.clone()),
                owner: if i % 2 == 0 {
                    "casemanager"
                } else {
                    "participant"
                }
                .into(),
                assignee_id: (i % 2 == 0).then(|| casemanager.to_owned()),
                partner_name: String::new(),
                description: "Demo: afspraak maken bij de dienst huisvesting.".into(),
                due_on: Some(due),
                status: if due < today && dice.chance(50) {
                    "done"
                } else {
                    "open"
                }
                .into(),
                created_at: at,
                updated_at: at,
            });
        }
        for due in domain::plan::evaluation_schedule(starts_on, ends_on, 4) {
            // Most past evaluations were held; some are overdue.
            if due > today || dice.chance(15) {
                continue;
            }
            rows.evaluations.push(PlanEvaluation {
                id: new_id(),
                organisation_id: org.to_owned(),
                plan_id: plan_id.clone(),
                held_on: due,
                in_person: dice.chance(80),
                progress: String::new(),
                note: "Demo: evaluatie, stappen bijgesteld.".into(),
                author_id: Some(casemanager.to_owned()),
                created_at: at,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_generated_file_is_valid() {
        let mut rows = Rows::default();
        let mut dice = Dice(7);
        let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        let at = today.and_hms_opt(9, 0, 0).unwrap();
        let info = ProgrammeInfo {
            id: "p".into(),
            phases: 5,
            gpmi: true,
        };
        for i in 0..2000 {
            let targets = every_state(5);
            let target = targets[i % targets.len()];
            person(
                &mut rows, &mut dice, "o", i, &info, "cm", target, today, at, 2,
            );
        }
        assert_eq!(rows.len(), 2000);
        assert_eq!(rows.trajectories.len(), 2000);
    }
}
