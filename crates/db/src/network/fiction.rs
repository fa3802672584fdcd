//! A fictional network for the demo and `traject synth`, plainly so: a city
//! social map (about twenty partners, some shared, a few not verified for a
//! year), referrals in every status with their days, consents to share with
//! some partners, signals with participants linked, a team meeting that
//! reviewed a group, a steering group and a partner meeting with decisions,
//! an intervision rhythm for Miriam and a learning log with one person
//! overdue.

use crate::error::DbResult;
use crate::fiction::Dice;
use crate::models::new_id;
use crate::pool::DbConn;
use crate::schema::*;
use chrono::{Duration, NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use domain::network::{ReferralStatus, SignalCategory};

/// Name, service, domains, languages, how to refer, waiting days.
type Entry = (
    &'static str,
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
    &'static str,
    i32,
);

const MAP: &[Entry] = &[
    (
        "Woonwinkel Demostad (fictief)",
        "Sociale huur en huurpremie",
        &["housing"],
        &["nl", "fr", "en"],
        "Bellen in de voormiddag of langsgaan op dinsdag",
        30,
    ),
    (
        "Huurdersbond Demo (fictief)",
        "Advies bij huurproblemen",
        &["housing", "rights"],
        &["nl", "fr", "ar"],
        "Online formulier, antwoord binnen een week",
        10,
    ),
    (
        "Schuldbemiddeling OCMW Demostad (fictief)",
        "Budgetbegeleiding en schuldbemiddeling",
        &["income_debt"],
        &["nl", "fr"],
        "Interne doorverwijzing via het sociaal huis",
        45,
    ),
    (
        "Juridisch Loket Demo (fictief)",
        "Eerstelijns juridisch advies",
        &["rights"],
        &["nl", "fr", "en", "ar"],
        "Zitdag op woensdag, zonder afspraak",
        0,
    ),
    (
        "Huis van het Kind Demostad (fictief)",
        "Opvoedingsondersteuning en consultatiebureau",
        &["parenting", "health"],
        &["nl", "fr", "ar", "tr"],
        "Bellen of mailen, afspraak binnen twee weken",
        14,
    ),
    (
        "Kinderopvang De Fictieve Eik",
        "Opvang voor baby's en peuters",
        &["parenting", "work"],
        &["nl", "fr"],
        "Aanmelden via het lokaal loket kinderopvang",
        240,
    ),
    (
        "Wijkgezondheidscentrum Demo (fictief)",
        "Huisarts, verpleging en psycholoog",
        &["health"],
        &["nl", "fr", "ar", "ru", "uk"],
        "Inschrijven aan het onthaal met identiteitskaart",
        21,
    ),
    (
        "CGG Demostad (fictief)",
        "Geestelijke gezondheidszorg",
        &["health", "self_image"],
        &["nl", "fr", "en"],
        "Aanmelding door de huisarts of door de casemanager",
        120,
    ),
    (
        "VDAB-punt Demostad (fictief)",
        "Werk zoeken en opleidingen",
        &["work"],
        &["nl", "fr", "en"],
        "Afspraak via de website of bellen",
        7,
    ),
    (
        "Werkwinkel Vrouwen (fictief)",
        "Trajectbegeleiding naar werk voor vrouwen",
        &["work", "self_image"],
        &["nl", "ar", "ti", "so"],
        "Intake via mail met korte beschrijving",
        35,
    ),
    (
        "Centrum Basiseducatie Demo (fictief)",
        "Lezen, schrijven, rekenen en NT2",
        &["language"],
        &["nl"],
        "Testmoment elke eerste maandag van de maand",
        60,
    ),
    (
        "Huis van het Nederlands Demo (fictief)",
        "Taaltest en doorverwijzing naar een taalcursus",
        &["language"],
        &["nl", "fr", "en", "ar", "fa", "ps"],
        "Zonder afspraak in de namiddag",
        21,
    ),
    (
        "Agentschap Integratie Demo (fictief)",
        "Inburgering en maatschappelijke oriëntatie",
        &["language", "rights", "social"],
        &["ar", "fa", "ps", "ti", "uk", "ru", "en", "fr"],
        "Aanmelden via het onthaalbureau",
        30,
    ),
    (
        "Buurthuis De Verzonnen Brug",
        "Ontmoeting, koffie en buurtactiviteiten",
        &["social"],
        &["nl", "ar", "tr"],
        "Gewoon binnenlopen",
        0,
    ),
    (
        "Vrijwilligerspunt Demo (fictief)",
        "Vrijwilligerswerk zoeken",
        &["social", "work"],
        &["nl", "fr"],
        "Afspraak via de website",
        14,
    ),
    (
        "Mobiliteitspunt Demostad (fictief)",
        "Fietsherstel, fietsles en busabonnement",
        &["mobility"],
        &["nl", "fr", "ar"],
        "Bellen op maandag of donderdag",
        7,
    ),
    (
        "Vluchtelingenwerk Demo (fictief)",
        "Verblijfsrecht en gezinshereniging",
        &["rights"],
        &["nl", "fr", "en", "ar", "ti", "so"],
        "Mail met de vraag, terugbelafspraak",
        28,
    ),
    (
        "Vertrouwenscentrum Demo (fictief)",
        "Hulp bij geweld in het gezin",
        &["health", "rights", "parenting"],
        &["nl", "fr", "en", "ar"],
        "Telefoon dag en nacht, ook anoniem",
        0,
    ),
    (
        "Sociaal Restaurant Demo (fictief)",
        "Warme maaltijd aan sociaal tarief",
        &["income_debt", "social"],
        &["nl", "fr"],
        "Kaart aanvragen bij het OCMW",
        0,
    ),
    (
        "Sportdienst Demostad (fictief)",
        "Sport voor vrouwen en kinderen met vrijetijdspas",
        &["social", "health"],
        &["nl", "fr", "tr"],
        "Inschrijven aan het loket van de sportdienst",
        0,
    ),
    (
        "Kringwinkel Demo (fictief)",
        "Kleding en huisraad aan lage prijs",
        &["income_debt"],
        &["nl"],
        "Open van dinsdag tot zaterdag",
        0,
    ),
];

const REASONS: &[&str] = &[
    "Demo: zoekt een betaalbare woning dichter bij school.",
    "Demo: wil hulp bij achterstallige energierekeningen.",
    "Demo: vraagt opvang voor de jongste om een opleiding te volgen.",
    "Demo: wil een taaltest en een cursus in de voormiddag.",
    "Demo: zoekt een huisarts die Arabisch spreekt.",
    "Demo: vraag over verblijfsrecht na een verhuis.",
];

const SIGNALS: &[(SignalCategory, &str, &str, &str)] = &[
    (
        SignalCategory::WaitingList,
        "parenting",
        "Kinderopvang in Demostad",
        "Demo: acht maanden wachten op een opvangplaats voor baby's; opleiding starten lukt niet.",
    ),
    (
        SignalCategory::Unreachable,
        "work",
        "Opleidingscentrum buiten de stad",
        "Demo: het centrum is niet bereikbaar met het openbaar vervoer voor 9 uur.",
    ),
    (
        SignalCategory::RuleOrGap,
        "income_debt",
        "Regel voor het leefloon bij opleiding",
        "Demo: wie een voltijdse opleiding volgt, verliest een deel van de steun.",
    ),
    (
        SignalCategory::Cost,
        "health",
        "Tandzorg voor kinderen",
        "Demo: de remgeldtoeslag voor orthodontie is te hoog voor het gezinsbudget.",
    ),
    (
        SignalCategory::LanguageBarrier,
        "rights",
        "Onthaal van de dienst bevolking",
        "Demo: geen tolk beschikbaar aan het loket; afspraken lopen mis.",
    ),
    (
        SignalCategory::Discrimination,
        "housing",
        "Private huurmarkt",
        "Demo: verhuurders weigeren kandidaten met een leefloon als inkomen.",
    ),
];

/// What the fiction wrote.
#[derive(Debug, Default, Clone, Copy)]
pub struct Made {
    pub partners: usize,
    pub referrals: usize,
}

/// Seeds an organisation's network. `partners` is how many partners it
/// keeps (the city map is cycled, numbered beyond its length); `full`
/// adds meetings, signals and the learning log (the demo and the first
/// synthetic organisation).
#[allow(clippy::too_many_arguments)]
pub fn seed(
    conn: &mut DbConn,
    dice: &mut Dice,
    org: &str,
    partners: usize,
    referral_share: u64,
    full: bool,
    today: NaiveDate,
    ts: NaiveDateTime,
) -> DbResult<Made> {
    let mut made = Made::default();
    // The map.
    let mut partner_ids: Vec<(String, String, &'static [&'static str])> = Vec::new();
    let mut rows = Vec::new();
    let mut domain_rows = Vec::new();
    let mut language_rows = Vec::new();
    for n in 0..partners {
        let (name, service, domains, languages, how, waiting) = MAP[n % MAP.len()];
        let name = if n < MAP.len() {
            name.to_owned()
        } else {
            format!("{name} {}", n / MAP.len() + 1)
        };
        let id = new_id();
        // A few not verified for more than a year.
        let verified = if n % 9 == 4 {
            today - Duration::days(400 + n as i64)
        } else {
            today - Duration::days(dice.below(300) as i64)
        };
        rows.push(PartnerRow {
            id: id.clone(),
            organisation_id: org.to_owned(),
            name: name.clone(),
            service: service.to_owned(),
            target_groups: "Demo: gezinnen en nieuwkomers".to_owned(),
            street: format!("Verzonnenstraat {}", 1 + n),
            postal_code: "9999".to_owned(),
            city: "Demostad".to_owned(),
            accessibility: if n % 3 == 0 {
                "Rolstoeltoegankelijk, bus 12 stopt voor de deur".to_owned()
            } else {
                String::new()
            },
            opening_hours: "ma-vr 9-12 u".to_owned(),
            how_to_refer: how.to_owned(),
            phone: Some(format!("+3299{:07}", 100_000 + n)),
            email: Some(format!("onthaal{n}@partner.example")),
            website: None,
            waiting_days: Some(waiting),
            waiting_known_on: Some(verified),
            verified_on: Some(verified),
            shared: n % 4 == 0,
            active: true,
            version: 1,
            created_at: ts,
            updated_at: ts,
        });
        for d in domains {
            domain_rows.push(DomainRow {
                partner_id: id.clone(),
                domain: (*d).to_owned(),
                organisation_id: org.to_owned(),
            });
        }
        for l in languages {
            language_rows.push(LanguageRow {
                partner_id: id.clone(),
                language: (*l).to_owned(),
                organisation_id: org.to_owned(),
            });
        }
        partner_ids.push((id, name, domains));
    }
    crate::batch_insert!(conn, partners::table, rows);
    crate::batch_insert!(conn, partner_domains::table, domain_rows);
    crate::batch_insert!(conn, partner_languages::table, language_rows);
    made.partners = partner_ids.len();
    if partner_ids.is_empty() {
        return Ok(made);
    }

    // Referrals for some participants with an open or recent trajectory.
    let people: Vec<(String, Option<String>)> = trajectories::table
        .filter(trajectories::organisation_id.eq(org))
        .filter(trajectories::status.eq_any(["active", "aftercare", "completed"]))
        .order(trajectories::id)
        .select((trajectories::participant_id, trajectories::casemanager_id))
        .load(conn)?;
    let mut referrals = Vec::new();
    let mut events = Vec::new();
    let mut consents = Vec::new();
    for (n, (pid, cm)) in people.iter().enumerate() {
        if dice.below(100) >= referral_share {
            continue;
        }
        let (partner, partner_name, _) =
            &partner_ids[dice.below(partner_ids.len() as u64) as usize];
        let status = ReferralStatus::ALL[referrals.len() % ReferralStatus::ALL.len()];
        let referred = today - Duration::days(20 + dice.below(300) as i64);
        // The path to the status, a few days to weeks apart.
        use ReferralStatus::*;
        let path: &[ReferralStatus] = match status {
            Proposed => &[Proposed],
            Sent => &[Proposed, Sent],
            Accepted => &[Proposed, Sent, Accepted],
            WaitingList => &[Proposed, Sent, WaitingList],
            FirstAppointment => &[Proposed, Sent, WaitingList, FirstAppointment],
            Done => &[Proposed, Sent, Accepted, FirstAppointment, Done],
            Refused => &[Proposed, Sent, Refused],
            NotPursued => &[Proposed, NotPursued],
        };
        let rid = new_id();
        let mut day = referred;
        for (i, s) in path.iter().enumerate() {
            if i > 0 && *s != Sent {
                day = (day + Duration::days(3 + dice.below(25) as i64)).min(today);
            }
            events.push(EventRow {
                id: new_id(),
                organisation_id: org.to_owned(),
                referral_id: rid.clone(),
                status: s.code().to_owned(),
                happened_on: day,
                recorded_by: cm.clone(),
                created_at: ts,
            });
        }
        referrals.push(ReferralRow {
            id: rid,
            organisation_id: org.to_owned(),
            participant_id: pid.clone(),
            partner_id: partner.clone(),
            service: String::new(),
            reason: (*dice.pick(REASONS)).to_owned(),
            plan_step_id: None,
            journal_entry_id: None,
            referred_on: referred,
            status: status.code().to_owned(),
            status_on: day,
            outcome: if status == Done {
                "Demo: geholpen".to_owned()
            } else {
                String::new()
            },
            note: String::new(),
            casemanager_id: cm.clone(),
            version: path.len() as i32,
            created_at: ts,
            updated_at: ts,
        });
        // Half of them agreed to share her data with that partner.
        if n % 2 == 0 {
            consents.push(crate::models::Consent {
                id: new_id(),
                organisation_id: org.to_owned(),
                participant_id: pid.clone(),
                scope: "sharing_with_partner".to_owned(),
                partner_name: partner_name.clone(),
                given_on: referred,
                withdrawn_on: None,
                recorded_by: cm.clone(),
                created_at: ts,
            });
        }
    }
    made.referrals = referrals.len();
    crate::batch_insert!(conn, referrals::table, referrals);
    crate::batch_insert!(conn, referral_events::table, events);
    crate::batch_insert!(conn, consents::table, consents);
    if !full {
        return Ok(made);
    }

    let staff: Vec<(String, String)> = memberships::table
        .filter(memberships::organisation_id.eq(org))
        .order(memberships::created_at)
        .select((memberships::user_id, memberships::role))
        .load(conn)?;
    let of_role = |role: &str| -> Vec<String> {
        staff
            .iter()
            .filter(|(_, r)| r == role)
            .map(|(u, _)| u.clone())
            .collect()
    };
    let coordinators = of_role("coordinator");
    let casemanagers = of_role("casemanager");
    let facilitators = of_role("facilitator");
    let lead = coordinators
        .first()
        .or(casemanagers.first())
        .cloned()
        .unwrap_or_default();

    // Signals, with a few of the casemanagers' participants linked.
    for (n, (category, domain, concerns, description)) in SIGNALS.iter().enumerate() {
        let sid = new_id();
        let status = ["noted", "raised", "answered", "resolved", "raised", "noted"][n];
        let noted = today - Duration::days(200 - 30 * n as i64);
        let raised = (status != "noted").then(|| noted + Duration::days(14));
        let linked: Vec<&String> = people
            .iter()
            .skip(n * 3)
            .take(2 + n % 3)
            .map(|p| &p.0)
            .collect();
        let mut unique = linked.clone();
        unique.sort();
        unique.dedup();
        diesel::insert_into(signals::table)
            .values((
                signals::id.eq(&sid),
                signals::organisation_id.eq(org),
                signals::category.eq(category.code()),
                signals::domain.eq(domain),
                signals::concerns.eq(concerns),
                signals::description.eq(description),
                signals::status.eq(status),
                signals::noted_on.eq(noted),
                signals::raised_with.eq(if raised.is_some() {
                    "Demo: schepen van welzijn"
                } else {
                    ""
                }),
                signals::raised_on.eq(raised),
                signals::answer.eq(if matches!(status, "answered" | "resolved") {
                    "Demo: wordt meegenomen in het lokaal sociaal beleidsplan."
                } else {
                    ""
                }),
                signals::answered_on
                    .eq(matches!(status, "answered" | "resolved")
                        .then(|| noted + Duration::days(40))),
                signals::resolved_on.eq((status == "resolved").then(|| noted + Duration::days(90))),
                signals::affected.eq(unique.len() as i32 + (n as i32 % 3) * 2),
                signals::recorded_by.eq(Some(&lead)),
                signals::version.eq(1),
                signals::created_at.eq(ts),
                signals::updated_at.eq(ts),
            ))
            .execute(conn)?;
        for p in unique {
            diesel::insert_into(signal_participants::table)
                .values((
                    signal_participants::signal_id.eq(&sid),
                    signal_participants::participant_id.eq(p),
                    signal_participants::organisation_id.eq(org),
                ))
                .execute(conn)?;
        }
    }

    // Meetings: a team meeting that reviewed a group, a steering group with
    // partners, a partner meeting; decisions on the staff's dashboards.
    let group: Option<String> = groups::table
        .inner_join(group_members::table)
        .filter(groups::organisation_id.eq(org))
        .filter(groups::active.eq(true))
        .filter(group_members::status.eq("member"))
        .order(groups::name)
        .select(groups::id)
        .first(conn)
        .optional()?;
    let meetings = [
        (
            "team",
            "Demo: teamoverleg, groep overlopen",
            14,
            group.clone(),
        ),
        ("steering", "Demo: stuurgroep met partners", 40, None),
        ("partner", "Demo: partneroverleg kinderopvang", 70, None),
    ];
    for (n, (kind, title, ago, group_id)) in meetings.into_iter().enumerate() {
        let mid = new_id();
        let held = today - Duration::days(ago);
        diesel::insert_into(meetings::table)
            .values((
                meetings::id.eq(&mid),
                meetings::organisation_id.eq(org),
                meetings::kind.eq(kind),
                meetings::held_on.eq(held),
                meetings::title.eq(title),
                meetings::agenda.eq("Demo: 1. Opvolging vorige keer\n2. Nieuwe vragen\n3. Varia"),
                meetings::group_id.eq(&group_id),
                meetings::created_by.eq(Some(&lead)),
                meetings::created_at.eq(ts),
            ))
            .execute(conn)?;
        let mut present: Vec<(Option<String>, Option<String>, String)> = Vec::new();
        for u in coordinators.iter().chain(casemanagers.iter()).take(4) {
            let name: String = users::table
                .find(u)
                .select(users::display_name)
                .first(conn)?;
            present.push((Some(u.clone()), None, name));
        }
        if kind != "team" {
            for (pid, name, _) in partner_ids.iter().skip(n).take(3) {
                present.push((None, Some(pid.clone()), name.clone()));
            }
        }
        for (user, partner, name) in present {
            diesel::insert_into(meeting_attendees::table)
                .values((
                    meeting_attendees::id.eq(new_id()),
                    meeting_attendees::organisation_id.eq(org),
                    meeting_attendees::meeting_id.eq(&mid),
                    meeting_attendees::user_id.eq(user),
                    meeting_attendees::partner_id.eq(partner),
                    meeting_attendees::name.eq(name),
                ))
                .execute(conn)?;
        }
        let owners: Vec<&String> = casemanagers.iter().chain(coordinators.iter()).collect();
        for (i, text) in [
            "Demo: wachttijden kinderopvang navragen",
            "Demo: infomoment plannen met de woonwinkel",
        ]
        .iter()
        .enumerate()
        {
            let owner = owners
                .get((n + i) % owners.len().max(1))
                .map(|s| (*s).clone());
            diesel::insert_into(meeting_decisions::table)
                .values((
                    meeting_decisions::id.eq(new_id()),
                    meeting_decisions::organisation_id.eq(org),
                    meeting_decisions::meeting_id.eq(&mid),
                    meeting_decisions::decision.eq(*text),
                    meeting_decisions::owner_id.eq(owner),
                    meeting_decisions::due_on.eq(Some(held + Duration::days(21 + 7 * i as i64))),
                    // The oldest meeting's decisions are done.
                    meeting_decisions::done_on.eq((n == 2).then(|| held + Duration::days(20))),
                    meeting_decisions::created_at.eq(ts),
                ))
                .execute(conn)?;
        }
        // The team meeting's review: a note for the group's first members.
        if let Some(g) = &group_id {
            let members: Vec<String> = group_members::table
                .filter(group_members::organisation_id.eq(org))
                .filter(group_members::group_id.eq(g))
                .filter(group_members::status.eq("member"))
                .order(group_members::participant_id)
                .select(group_members::participant_id)
                .limit(2)
                .load(conn)?;
            for p in members {
                let entry = new_id();
                diesel::insert_into(journal_entries::table)
                    .values(&crate::models::JournalEntry {
                        id: entry.clone(),
                        organisation_id: org.to_owned(),
                        participant_id: p.clone(),
                        author_id: Some(lead.clone()),
                        confidential: false,
                        body: "Demo: besproken op het teamoverleg; gaat goed in de groep.".into(),
                        written_on: held,
                        created_at: ts,
                        duration_minutes: None,
                        mode: "team_review".into(),
                        domains: String::new(),
                        interpreter: false,
                        mediator: false,
                        next_contact_on: None,
                    })
                    .execute(conn)?;
                diesel::insert_into(meeting_reviews::table)
                    .values((
                        meeting_reviews::meeting_id.eq(&mid),
                        meeting_reviews::participant_id.eq(&p),
                        meeting_reviews::organisation_id.eq(org),
                        meeting_reviews::journal_entry_id.eq(&entry),
                    ))
                    .execute(conn)?;
            }
        }
    }

    // Intervision every six weeks for Miriam; a year of log, the last
    // casemanager left without one lately (overdue).
    diesel::update(
        programmes::table
            .filter(programmes::organisation_id.eq(org))
            .filter(programmes::kind.eq("miriam")),
    )
    .set(programmes::intervision_weeks.eq(Some(6)))
    .execute(conn)?;
    let everyone: Vec<&String> = casemanagers
        .iter()
        .chain(facilitators.iter())
        .chain(coordinators.iter())
        .collect();
    let late = casemanagers.last();
    for (i, u) in everyone.iter().enumerate() {
        for round in 0..9 {
            let day = today - Duration::days(10 + 42 * round);
            if Some(*u) == late && round < 2 {
                continue;
            }
            let (kind, minutes, topic) = match (round + i as i64) % 4 {
                3 => ("training", 360, "Demo: vorming gespreksvoering met tolk"),
                2 => ("supervision", 90, "Demo: supervisie casusbegeleiding"),
                _ => ("intervision", 120, "Demo: intervisie casemanagers"),
            };
            diesel::insert_into(learning_log::table)
                .values((
                    learning_log::id.eq(new_id()),
                    learning_log::organisation_id.eq(org),
                    learning_log::user_id.eq(*u),
                    learning_log::kind.eq(kind),
                    learning_log::held_on.eq(day),
                    learning_log::minutes.eq(minutes),
                    learning_log::topic.eq(topic),
                    learning_log::with_whom.eq("Demo: externe begeleider"),
                    learning_log::recorded_by.eq(Some(&lead)),
                    learning_log::created_at.eq(ts),
                ))
                .execute(conn)?;
        }
    }
    Ok(made)
}

#[derive(Insertable)]
#[diesel(table_name = partners)]
struct PartnerRow {
    id: String,
    organisation_id: String,
    name: String,
    service: String,
    target_groups: String,
    street: String,
    postal_code: String,
    city: String,
    accessibility: String,
    opening_hours: String,
    how_to_refer: String,
    phone: Option<String>,
    email: Option<String>,
    website: Option<String>,
    waiting_days: Option<i32>,
    waiting_known_on: Option<NaiveDate>,
    verified_on: Option<NaiveDate>,
    shared: bool,
    active: bool,
    version: i32,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
}

#[derive(Insertable)]
#[diesel(table_name = partner_domains)]
struct DomainRow {
    partner_id: String,
    domain: String,
    organisation_id: String,
}

#[derive(Insertable)]
#[diesel(table_name = partner_languages)]
struct LanguageRow {
    partner_id: String,
    language: String,
    organisation_id: String,
}

#[derive(Insertable)]
#[diesel(table_name = referrals)]
struct ReferralRow {
    id: String,
    organisation_id: String,
    participant_id: String,
    partner_id: String,
    service: String,
    reason: String,
    plan_step_id: Option<String>,
    journal_entry_id: Option<String>,
    referred_on: NaiveDate,
    status: String,
    status_on: NaiveDate,
    outcome: String,
    note: String,
    casemanager_id: Option<String>,
    version: i32,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
}

#[derive(Insertable)]
#[diesel(table_name = referral_events)]
struct EventRow {
    id: String,
    organisation_id: String,
    referral_id: String,
    status: String,
    happened_on: NaiveDate,
    recorded_by: Option<String>,
    created_at: NaiveDateTime,
}
