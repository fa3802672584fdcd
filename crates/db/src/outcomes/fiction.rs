//! Fictional outcomes for the demo and `traject synth`: each programme's plan
//! of questionnaires (after its seed document), and answers at every moment
//! that has come for each trajectory, mostly progressing, some setbacks;
//! some recent ones left open, so that dashboards and her page show what is
//! due. A few testimonials with every consent scope, one withdrawn.

use crate::error::DbResult;
use crate::fiction::Dice;
use crate::models::new_id;
use crate::pool::DbConn;
use crate::schema::*;
use chrono::{Duration, NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use domain::instruments::{Answer, Instrument, ItemKind, Respondent};
use domain::model::{ProgrammeKind, TrajectoryStatus};
use domain::outcomes::{Channel, Course, Moment, Planned};
use std::collections::{BTreeMap, HashMap, HashSet};

#[derive(Insertable)]
#[diesel(table_name = measurement_moments)]
struct MomentRow {
    id: String,
    organisation_id: String,
    programme_id: String,
    instrument_key: String,
    moment: String,
    respondent: String,
}

#[derive(Insertable)]
#[diesel(table_name = measurements)]
struct MeasurementRow {
    id: String,
    organisation_id: String,
    participant_id: String,
    trajectory_id: Option<String>,
    programme_id: Option<String>,
    instrument_key: String,
    instrument_version: i32,
    moment: String,
    respondent: String,
    channel: String,
    status: String,
    draft: String,
    taken_on: Option<NaiveDate>,
    entered_by: Option<String>,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
}

#[derive(Insertable)]
#[diesel(table_name = measurement_answers)]
struct AnswerRow {
    measurement_id: String,
    item_key: String,
    organisation_id: String,
    value_num: Option<i64>,
    value_text: Option<String>,
    participant_id: String,
    programme_id: Option<String>,
    instrument_key: String,
    moment: String,
    respondent: String,
    taken_on: NaiveDate,
}

#[derive(Insertable)]
#[diesel(table_name = anonymous_responses)]
struct ResponseRow {
    id: String,
    organisation_id: String,
    programme_id: Option<String>,
    group_id: Option<String>,
    session_id: Option<String>,
    instrument_key: String,
    instrument_version: i32,
    moment: String,
    month: String,
}

#[derive(Insertable)]
#[diesel(table_name = anonymous_answers)]
struct AnonymousRow {
    response_id: String,
    item_key: String,
    organisation_id: String,
    value_num: Option<i64>,
    value_text: Option<String>,
}

/// What each seed programme measures when (its seed document names it).
pub fn plan_for(kind: ProgrammeKind) -> Vec<Planned> {
    use Moment::*;
    use Respondent::*;
    let p = |key: &str, moment, respondent| Planned {
        instrument_key: key.to_owned(),
        moment,
        respondent,
    };
    let life = "traject-life-domains";
    match kind {
        // Seed 000: before and after, and months later.
        ProgrammeKind::ConfidenceWorkshop => vec![
            p("traject-self-confidence", Intake, Participant),
            p("traject-self-confidence", End, Participant),
            p("traject-follow-up", After6Months, Participant),
            p("traject-follow-up", After12Months, Participant),
        ],
        // Seed 001: before and after, satisfaction at the end.
        ProgrammeKind::ConversationWorkshops => vec![
            p("traject-self-confidence", Intake, Participant),
            p("traject-self-confidence", End, Participant),
            p("traject-satisfaction", End, Participant),
        ],
        // Seed 003: the AMIF satisfaction survey at the end.
        ProgrammeKind::SocialActivation => vec![
            p(life, Intake, Participant),
            p(life, End, Participant),
            p("traject-satisfaction", End, Participant),
        ],
        // Miriam: self-reliance at the start, mid-way, the end and after,
        // also rated by the casemanager; follow-up months later.
        ProgrammeKind::Miriam => vec![
            p(life, Intake, Participant),
            p(life, Midway, Participant),
            p(life, End, Participant),
            p(life, After6Months, Participant),
            p(life, Intake, Staff),
            p(life, End, Staff),
            p("traject-follow-up", After12Months, Participant),
        ],
        _ => vec![
            p(life, Intake, Participant),
            p(life, End, Participant),
            p(life, Intake, Staff),
            p(life, End, Staff),
        ],
    }
}

const WORDS: &[&str] = &[
    "Ik durf nu zelf te bellen naar de school. (fictief)",
    "J'ai trouvé des amies dans le groupe. (fictif)",
    "Meer rust thuis sinds we een plan hebben. (fictief)",
    "The childcare made it possible for me to come. (fictional)",
    "Ich kenne jetzt die Dienste in meiner Stadt. (fiktiv)",
    "Soms was het te veel, maar ik ben gebleven. (fictief)",
];

/// Her answer to an item at a moment: scales start low and move with her
/// trend (mostly up, sometimes down), the rest is picked.
fn answer(
    dice: &mut Dice,
    kind: &ItemKind,
    base: i64,
    trend: i64,
    moment: Moment,
) -> Option<Answer> {
    let mut progress = |min: i64, max: i64| {
        let share = match moment {
            Moment::Intake | Moment::Extra => 0,
            Moment::Midway => 5,
            Moment::End => 10,
            Moment::After6Months => 11,
            Moment::After12Months => 12,
        };
        let span = max - min;
        let start = min + (base * span) / 10;
        let v = start + (trend * span * share) / 100 + dice.below(2) as i64 - 1;
        v.clamp(min, max)
    };
    Some(match kind {
        ItemKind::Scale { min, max, .. } => Answer::Number(progress(*min, *max)),
        ItemKind::Number { min, max } => Answer::Number(progress(*min, *max)),
        ItemKind::YesNo => Answer::YesNo(dice.chance(if trend > 0 { 75 } else { 40 })),
        ItemKind::Single { options } => Answer::Choices(vec![dice.pick(options).key.clone()]),
        ItemKind::Multiple { options } => {
            let mut keys = vec![dice.pick(options).key.clone()];
            let other = dice.pick(options).key.clone();
            if !keys.contains(&other) {
                keys.push(other);
            }
            Answer::Choices(keys)
        }
        ItemKind::Text { .. } => {
            if !dice.chance(40) {
                return None;
            }
            Answer::Text((*dice.pick(WORDS)).to_owned())
        }
        ItemKind::Date => return None,
    })
}

#[derive(Default)]
struct Batch {
    measurements: Vec<MeasurementRow>,
    answers: Vec<AnswerRow>,
    responses: Vec<ResponseRow>,
    anonymous: Vec<AnonymousRow>,
}

impl Batch {
    fn flush(&mut self, conn: &mut DbConn) -> DbResult<()> {
        crate::batch_insert!(conn, measurements::table, &self.measurements);
        crate::batch_insert!(conn, measurement_answers::table, &self.answers);
        crate::batch_insert!(conn, anonymous_responses::table, &self.responses);
        crate::batch_insert!(conn, anonymous_answers::table, &self.anonymous);
        *self = Batch::default();
        Ok(())
    }
}

type Trajectory = (
    String,
    String,
    String,
    String,
    NaiveDate,
    Option<NaiveDate>,
    Option<NaiveDate>,
    Option<String>,
);

/// The trajectories whose recent questionnaires (the last 30 days) stay
/// open: every other one of each casemanager's trajectories that have one,
/// those with her own life-domain questionnaire first. Decided by the
/// trajectories alone, not by dice, so that on whatever day the demo is
/// seeded each casemanager has questionnaires to take on her dashboard, and
/// at least one that the participant answers herself on her page.
fn left_open<'a>(
    trajectories: &[Trajectory],
    today: NaiveDate,
    course_of: impl Fn(&Trajectory) -> Option<(&'a Vec<Planned>, Course)>,
) -> HashSet<String> {
    let mut by_casemanager: BTreeMap<Option<&str>, Vec<(bool, &str)>> = BTreeMap::new();
    for t in trajectories {
        let Some((plan, course)) = course_of(t) else {
            continue;
        };
        let recent: Vec<&Planned> = plan
            .iter()
            .filter(|p| {
                course
                    .day_of(p.moment)
                    .is_some_and(|day| day <= today && today - day <= Duration::days(30))
            })
            .collect();
        if recent.is_empty() {
            continue;
        }
        let her_life_domains = recent.iter().any(|p| {
            p.respondent == Respondent::Participant && p.instrument_key == "traject-life-domains"
        });
        by_casemanager
            .entry(t.7.as_deref())
            .or_default()
            .push((!her_life_domains, &t.0));
    }
    let mut open = HashSet::new();
    for candidates in by_casemanager.values_mut() {
        candidates.sort();
        open.extend(candidates.iter().step_by(2).map(|(_, id)| (*id).to_owned()));
    }
    open
}

/// Plans and answers for every programme of the organisation; returns the
/// number of measurements made. `leave_open`: recent ones are left due for
/// every other trajectory that has one (see `left_open`).
pub fn seed(
    conn: &mut DbConn,
    dice: &mut Dice,
    org: &str,
    today: NaiveDate,
    ts: NaiveDateTime,
    leave_open: bool,
) -> DbResult<usize> {
    let programmes: Vec<(String, String, i32)> = programmes::table
        .filter(programmes::organisation_id.eq(org))
        .select((
            programmes::id,
            programmes::kind,
            programmes::duration_months,
        ))
        .load(conn)?;
    let mut plans: HashMap<String, (Vec<Planned>, u32)> = HashMap::new();
    let mut moments = Vec::new();
    for (id, kind, months) in &programmes {
        let Ok(kind) = kind.parse::<ProgrammeKind>() else {
            continue;
        };
        let plan = plan_for(kind);
        for p in &plan {
            moments.push(MomentRow {
                id: new_id(),
                organisation_id: org.to_owned(),
                programme_id: id.clone(),
                instrument_key: p.instrument_key.clone(),
                moment: p.moment.code().to_owned(),
                respondent: p.respondent.code().to_owned(),
            });
        }
        plans.insert(id.clone(), (plan, (*months).max(0) as u32));
    }
    crate::batch_insert!(conn, measurement_moments::table, &moments);
    let instruments: HashMap<&str, &Instrument> = domain::instruments::built_in()
        .iter()
        .map(|i| (i.key.as_str(), i))
        .collect();
    let trajectories: Vec<Trajectory> = trajectories::table
        .filter(trajectories::organisation_id.eq(org))
        .order(trajectories::id)
        .select((
            trajectories::id,
            trajectories::participant_id,
            trajectories::programme_id,
            trajectories::status,
            trajectories::referred_on,
            trajectories::started_on,
            trajectories::ended_on,
            trajectories::casemanager_id,
        ))
        .load(conn)?;
    let course_of = |programme: &str, status: &str, referred, started, ended| {
        let (plan, months) = plans.get(programme)?;
        let course = Course {
            status: status.parse::<TrajectoryStatus>().ok()?,
            referred_on: referred,
            started_on: started,
            ended_on: ended,
            duration_months: *months,
        };
        Some((plan, course))
    };
    let left_open = if leave_open {
        left_open(&trajectories, today, |t| {
            course_of(&t.2, &t.3, t.4, t.5, t.6)
        })
    } else {
        HashSet::new()
    };
    let mut batch = Batch::default();
    let mut made = 0;
    for (tid, pid, programme, status, referred, started, ended, cm) in trajectories {
        let Some((plan, course)) = course_of(&programme, &status, referred, started, ended) else {
            continue;
        };
        // Her own starting point and direction: most progress, some not.
        let base = 1 + dice.below(5) as i64;
        let trend = match dice.below(10) {
            0 => -2,
            1 | 2 => 0,
            _ => 2 + dice.below(4) as i64,
        };
        let leave_recent = left_open.contains(&tid);
        for p in plan {
            let Some(day) = course.day_of(p.moment) else {
                continue;
            };
            if day > today
                || (today - day > Duration::days(domain::outcomes::MISSED_AFTER_DAYS)
                    && dice.chance(10))
            {
                continue;
            }
            if leave_recent && today - day <= Duration::days(30) {
                continue;
            }
            let Some(instrument) = instruments.get(p.instrument_key.as_str()) else {
                continue;
            };
            let taken_on = (day + Duration::days(dice.below(10) as i64)).min(today);
            let mid = new_id();
            let channel = match (p.respondent, dice.below(3)) {
                (Respondent::Staff, _) => Channel::Staff,
                (_, 0) => Channel::Page,
                (_, 1) => Channel::Kiosk,
                _ => Channel::Paper,
            };
            batch.measurements.push(MeasurementRow {
                id: mid.clone(),
                organisation_id: org.to_owned(),
                participant_id: pid.clone(),
                trajectory_id: Some(tid.clone()),
                programme_id: Some(programme.clone()),
                instrument_key: instrument.key.clone(),
                instrument_version: i32::try_from(instrument.version).unwrap_or(1),
                moment: p.moment.code().to_owned(),
                respondent: p.respondent.code().to_owned(),
                channel: channel.code().to_owned(),
                status: "complete".to_owned(),
                draft: "{}".to_owned(),
                taken_on: Some(taken_on),
                entered_by: if channel == Channel::Page || channel == Channel::Kiosk {
                    None
                } else {
                    cm.clone()
                },
                created_at: ts,
                updated_at: ts,
            });
            // Her casemanager sees her a little less hopefully than she does.
            let staff_shift = i64::from(p.respondent == Respondent::Staff);
            let response = new_id();
            if instrument.anonymous {
                batch.responses.push(ResponseRow {
                    id: response.clone(),
                    organisation_id: org.to_owned(),
                    programme_id: Some(programme.clone()),
                    group_id: None,
                    session_id: None,
                    instrument_key: instrument.key.clone(),
                    instrument_version: i32::try_from(instrument.version).unwrap_or(1),
                    moment: p.moment.code().to_owned(),
                    month: taken_on.format("%Y-%m").to_string(),
                });
            }
            for item in &instrument.items {
                let Some(a) = answer(
                    dice,
                    &item.kind,
                    (base - staff_shift).max(0),
                    trend,
                    p.moment,
                ) else {
                    continue;
                };
                let (num, text) = a.to_columns();
                if instrument.anonymous {
                    batch.anonymous.push(AnonymousRow {
                        response_id: response.clone(),
                        item_key: item.key.clone(),
                        organisation_id: org.to_owned(),
                        value_num: num,
                        value_text: text,
                    });
                } else {
                    batch.answers.push(AnswerRow {
                        measurement_id: mid.clone(),
                        item_key: item.key.clone(),
                        organisation_id: org.to_owned(),
                        value_num: num,
                        value_text: text,
                        participant_id: pid.clone(),
                        programme_id: Some(programme.clone()),
                        instrument_key: instrument.key.clone(),
                        moment: p.moment.code().to_owned(),
                        respondent: p.respondent.code().to_owned(),
                        taken_on,
                    });
                }
            }
            made += 1;
        }
        if batch.answers.len() >= 4_000 {
            batch.flush(conn)?;
        }
    }
    batch.flush(conn)?;
    Ok(made)
}

/// The demo's own questionnaire (not shared), and testimonials with every
/// consent scope, one of them withdrawn.
pub fn demo_extras(conn: &mut DbConn, org: &str, ts: NaiveDateTime) -> DbResult<()> {
    let own = r#"{
      "key": "demostad-parenting-check", "version": 1,
      "names": {"nl": "Opvoedingscheck (fictief)", "fr": "Bilan parentalité (fictif)",
                "de": "Erziehungscheck (fiktiv)", "en": "Parenting check (fictional)"},
      "respondent": "participant",
      "items": [
        {"key": "calm", "type": "scale", "min": 1, "max": 5,
         "steps": [{"value": 1, "pictogram": "😟"}, {"value": 3, "pictogram": "😐"}, {"value": 5, "pictogram": "😌"}],
         "texts": {"nl": "Ik blijf rustig als mijn kind boos is", "fr": "Je reste calme quand mon enfant est fâché",
                   "de": "Ich bleibe ruhig, wenn mein Kind wütend ist", "en": "I stay calm when my child is angry"},
         "domain": "parenting", "required": true},
        {"key": "help", "type": "yes_no",
         "texts": {"nl": "Ik weet waar ik hulp kan vragen", "fr": "Je sais où demander de l'aide",
                   "de": "Ich weiß, wo ich Hilfe bekomme", "en": "I know where to ask for help"}}
      ]
    }"#;
    diesel::insert_into(instruments::table)
        .values((
            instruments::id.eq(new_id()),
            instruments::organisation_id.eq(org),
            instruments::instrument_key.eq("demostad-parenting-check"),
            instruments::version.eq(1),
            instruments::definition.eq(own),
            instruments::shared.eq(false),
            instruments::created_at.eq(ts),
        ))
        .execute(conn)?;
    let authors: Vec<(String, String, NaiveDate, Option<NaiveDate>)> = trajectories::table
        .filter(trajectories::organisation_id.eq(org))
        .filter(trajectories::status.eq("completed"))
        .order(trajectories::id)
        .select((
            trajectories::participant_id,
            trajectories::programme_id,
            trajectories::referred_on,
            trajectories::ended_on,
        ))
        .limit(4)
        .load(conn)?;
    let quotes = [
        (
            "nl",
            "internal",
            false,
            "Ik kwam hier binnen met niets. Nu heb ik een plan. (fictief)",
        ),
        (
            "fr",
            "funders",
            true,
            "Le groupe m'a donné du courage pour chercher une formation. (fictif)",
        ),
        (
            "en",
            "public",
            false,
            "My children see a happier mother. (fictional)",
        ),
        (
            "nl",
            "public",
            true,
            "Ik wil dit liever niet meer gedeeld zien. (fictief)",
        ),
    ];
    for (i, ((pid, programme, from, to), (lang, scope, anonymised, quote))) in
        authors.into_iter().zip(quotes).enumerate()
    {
        let to = to.unwrap_or(from);
        diesel::insert_into(testimonials::table)
            .values((
                testimonials::id.eq(new_id()),
                testimonials::organisation_id.eq(org),
                testimonials::participant_id.eq(Some(pid)),
                testimonials::programme_id.eq(Some(programme)),
                testimonials::period_from.eq(from),
                testimonials::period_to.eq(to),
                testimonials::quote.eq(quote),
                testimonials::language.eq(lang),
                testimonials::scope.eq(scope),
                testimonials::anonymised.eq(anonymised),
                testimonials::consent_on.eq(to),
                // The last one: she withdrew it.
                testimonials::withdrawn_at.eq((i == 3).then_some(ts)),
                testimonials::created_at.eq(ts),
            ))
            .execute(conn)?;
    }
    Ok(())
}
