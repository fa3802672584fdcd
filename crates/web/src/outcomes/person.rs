//! Her results: her answers over time side by side, per instrument and per
//! who answered (she, or her casemanager rating), a radar chart of the life
//! domains at the first and the last measurement with its data table, her
//! own words beside the numbers, what is due; printable for a conversation
//! with her. And typing in a whole form (from her paper form, or a rating).

use super::radar::{self, Series};
use super::{ItemView, answer_error, answer_text, item_view, name_of};
use crate::AppState;
use crate::auth::CurrentUser;
use crate::client::ClientIp;
use crate::forms::Pairs;
use crate::pages::{Page, internal, render, see_other};
use crate::participants::{access_failure, origin_parts};
use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use db::outcomes::instruments::Available;
use db::outcomes::measurements::{self, MeasureError, Taking};
use db::outcomes::results::{self, PersonResults, Taken};
use db::participants::Origin;
use domain::instruments::{Instrument, Respondent};
use domain::outcomes::{Channel, Moment};
use serde::Deserialize;
use std::collections::BTreeMap;

/// One column of a results table: a measurement.
pub struct Column {
    pub moment: String,
    pub day: String,
    pub channel: String,
}

/// One row: an item, with the answer in each column ("" where none).
pub struct Row {
    pub text: String,
    pub cells: Vec<String>,
    /// Her own words (a free text): shown as a quote.
    pub words: bool,
}

/// The results of one instrument from one respondent.
pub struct Section {
    pub name: String,
    pub respondent: String,
    pub anonymous: bool,
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
    /// The radar chart (SVG) of the first and the last measurement, when the
    /// instrument has life-domain scales.
    pub radar: String,
    pub radar_first: String,
    pub radar_last: String,
}

/// A measurement to take, with where to type it in.
pub struct DueView {
    pub name: String,
    pub moment: String,
    pub respondent: String,
    pub day: String,
    pub urgency: &'static str,
    pub enter: String,
}

#[derive(Template)]
#[template(path = "outcomes/person.html")]
struct PersonPage {
    page: Page,
    id: String,
    name: String,
    sections: Vec<Section>,
    due: Vec<DueView>,
    open: usize,
    instruments: Vec<(String, String)>,
    trajectories: Vec<(String, String)>,
    programmes: Vec<(String, String)>,
    testimonials: Vec<db::outcomes::testimonials::Shown>,
    /// Field errors of a testimonial that was not kept.
    errors: Vec<(String, String)>,
    saved: bool,
}

impl PersonPage {
    pub fn err(&self, field: &str) -> Option<String> {
        self.errors
            .iter()
            .find(|(f, _)| f == field)
            .map(|(_, k)| self.page.t(k))
    }

    pub fn scope_label(&self, s: &domain::outcomes::TestimonialScope) -> String {
        self.page.t(&format!("coded-scope-{}", s.code()))
    }
}

#[derive(Deserialize)]
pub struct Shown {
    #[serde(default)]
    saved: String,
    #[serde(default)]
    invalid: String,
}

fn moment_label(page: &Page, code: &str) -> String {
    page.t(&format!("coded-moment-{code}"))
}

fn respondent_label(page: &Page, code: &str) -> String {
    page.t(&format!("coded-respondent-{code}"))
}

/// The life-domain scales of an instrument: (item key, axis label).
fn radar_axes(page: &Page, instrument: &Instrument) -> Vec<(String, String)> {
    instrument
        .items
        .iter()
        .filter(|i| matches!(i.kind, domain::instruments::ItemKind::Scale { .. }))
        .filter_map(|i| {
            let d = i.domain.as_deref()?;
            let label = if d.parse::<domain::participant::LifeDomain>().is_ok() {
                page.t(&format!("coded-domain-{d}"))
            } else {
                page.t("outcomes-domain-wellbeing")
            };
            Some((i.key.clone(), label))
        })
        .collect()
}

fn section(page: &Page, r: &PersonResults, taken: &[&Taken]) -> Option<Section> {
    let first = taken.first()?;
    let latest = r.instrument(taken.last()?)?;
    let lang = page.lang;
    let columns = taken
        .iter()
        .map(|t| Column {
            moment: moment_label(page, &t.moment),
            day: t.taken_on.map(|d| page.date(&d)).unwrap_or_default(),
            channel: page.t(&format!("coded-answer-channel-{}", t.channel)),
        })
        .collect();
    // Rows: the items of every version, the latest's order first.
    let mut keys: Vec<String> = latest.items.iter().map(|i| i.key.clone()).collect();
    for t in taken {
        if let Some(i) = r.instrument(t) {
            for item in &i.items {
                if !keys.contains(&item.key) {
                    keys.push(item.key.clone());
                }
            }
        }
    }
    let rows = keys
        .iter()
        .filter_map(|key| {
            let item = latest
                .item(key)
                .or_else(|| taken.iter().find_map(|t| r.instrument(t)?.item(key)))?;
            let cells = taken
                .iter()
                .map(|t| {
                    let item = r.instrument(t).and_then(|i| i.item(key));
                    match (item, t.answers.get(key)) {
                        (Some(item), Some(a)) => answer_text(item, a, lang),
                        _ => String::new(),
                    }
                })
                .collect();
            Some(Row {
                text: domain::instruments::text_in(&item.texts, lang.code())
                    .unwrap_or(key)
                    .to_owned(),
                cells,
                words: matches!(item.kind, domain::instruments::ItemKind::Text { .. }),
            })
        })
        .collect();
    let instrument_of_first = r.instrument(first)?;
    let axes = radar_axes(page, latest);
    let last = taken.last()?;
    let (radar, radar_first, radar_last) = if axes.len() >= 3 && !latest.anonymous {
        let values = |t: &Taken| -> Vec<Option<i64>> {
            axes.iter()
                .map(|(k, _)| match t.answers.get(k) {
                    Some(domain::instruments::Answer::Number(n)) => Some(*n),
                    _ => None,
                })
                .collect()
        };
        let max = latest
            .items
            .iter()
            .find_map(|i| match i.kind {
                domain::instruments::ItemKind::Scale { max, .. } => Some(max),
                _ => None,
            })
            .unwrap_or(10);
        let mut series = vec![Series {
            class: "radar-first",
            values: values(first),
        }];
        if taken.len() > 1 {
            series.push(Series {
                class: "radar-last",
                values: values(last),
            });
        }
        let labels: Vec<String> = axes.iter().map(|(_, l)| l.clone()).collect();
        let first_label = format!(
            "{} {}",
            moment_label(page, &first.moment),
            first.taken_on.map(|d| page.date(&d)).unwrap_or_default()
        );
        let last_label = if taken.len() > 1 {
            format!(
                "{} {}",
                moment_label(page, &last.moment),
                last.taken_on.map(|d| page.date(&d)).unwrap_or_default()
            )
        } else {
            String::new()
        };
        (
            radar::svg(
                &page.t_str(
                    "outcomes-radar-title",
                    "name",
                    &name_of(latest, lang.code()),
                ),
                &labels,
                max,
                &series,
            ),
            first_label,
            last_label,
        )
    } else {
        (String::new(), String::new(), String::new())
    };
    Some(Section {
        name: name_of(latest, lang.code()),
        respondent: respondent_label(page, &first.respondent),
        anonymous: instrument_of_first.anonymous,
        columns,
        rows,
        radar,
        radar_first,
        radar_last,
    })
}

fn enter_link(id: &str, trajectory: &str, key: &str, moment: &str, respondent: &str) -> String {
    format!(
        "/participants/{id}/outcomes/enter?trajectory={trajectory}&instrument={key}&moment={moment}&respondent={respondent}"
    )
}

/// `GET /participants/{id}/outcomes`.
pub async fn page(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
    Query(shown): Query<Shown>,
) -> Response {
    let (at, writer) = origin_parts(&state);
    let today = state.clock.today();
    let actor = me.actor.clone();
    let pid = id.clone();
    let loaded = state
        .db
        .run(move |conn| {
            let r = results::of_participant(
                conn,
                &actor,
                &pid,
                today,
                Origin::new(Some(&address), at).via(&writer),
            );
            let available = match &r {
                Ok(_) => db::outcomes::instruments::available(
                    conn,
                    actor.organisation_id().unwrap_or_default(),
                )?,
                Err(_) => Vec::new(),
            };
            Ok((r, available))
        })
        .await;
    let (r, available) = match loaded {
        Ok((Ok(r), a)) => (r, a),
        Ok((Err(e), _)) => return access_failure(page, e),
        Err(e) => return internal(page, e),
    };
    let lang = page.lang.code();
    // Sections per instrument and respondent, in order of first measurement.
    let mut order: Vec<(String, String)> = Vec::new();
    let mut groups: BTreeMap<(String, String), Vec<&Taken>> = BTreeMap::new();
    for t in &r.taken {
        let k = (t.instrument_key.clone(), t.respondent.clone());
        if !order.contains(&k) {
            order.push(k.clone());
        }
        groups.entry(k).or_default().push(t);
    }
    let sections = order
        .iter()
        .filter_map(|k| section(&page, &r, groups.get(k)?))
        .collect();
    let names: BTreeMap<&str, String> = available
        .iter()
        .map(|a: &Available| (a.instrument.key.as_str(), name_of(&a.instrument, lang)))
        .collect();
    let due = r
        .due
        .iter()
        .map(|d| DueView {
            name: names
                .get(d.due.planned.instrument_key.as_str())
                .cloned()
                .unwrap_or_else(|| d.due.planned.instrument_key.clone()),
            moment: moment_label(&page, d.due.planned.moment.code()),
            respondent: respondent_label(&page, d.due.planned.respondent.code()),
            day: page.date(&d.due.day),
            urgency: d.due.urgency.code(),
            enter: enter_link(
                &id,
                &d.trajectory_id,
                &d.due.planned.instrument_key,
                d.due.planned.moment.code(),
                d.due.planned.respondent.code(),
            ),
        })
        .collect();
    let instruments = available
        .iter()
        .map(|a| (a.instrument.key.clone(), name_of(&a.instrument, lang)))
        .collect();
    let view = PersonPage {
        name: format!("{} {}", r.first_name, r.last_name),
        id,
        sections,
        due,
        open: r.open.len(),
        instruments,
        trajectories: r.trajectories.clone(),
        programmes: r.programmes.clone(),
        testimonials: r.testimonials.clone(),
        errors: super::testimonials::errors_of(&shown.invalid),
        saved: shown.saved == "1",
        page,
    };
    render(&view)
}

#[derive(Deserialize)]
pub struct Which {
    #[serde(default)]
    trajectory: String,
    #[serde(default)]
    instrument: String,
    #[serde(default)]
    moment: String,
    #[serde(default)]
    respondent: String,
}

#[derive(Template)]
#[template(path = "outcomes/enter.html")]
struct EnterPage {
    page: Page,
    id: String,
    name: String,
    instrument_name: String,
    trajectory: String,
    instrument: String,
    moment: String,
    respondent: String,
    moment_label: String,
    respondent_label: String,
    items: Vec<ItemView>,
    error: String,
}

/// A form sent back: its values, the item and key of its error, the
/// message on top.
type Given<'a> = (&'a Pairs, Option<(String, String)>, String);

/// What is to be typed in, checked: the moment and respondent codes.
fn which(q: &Which) -> Option<(Moment, Respondent)> {
    Some((q.moment.parse().ok()?, q.respondent.parse().ok()?))
}

#[allow(clippy::too_many_arguments)]
async fn enter_form(
    state: &AppState,
    address: String,
    page: Page,
    me: &crate::auth::Signed,
    id: String,
    q: Which,
    given: Option<Given<'_>>,
    status: StatusCode,
) -> Response {
    let Some((moment, respondent)) = which(&q) else {
        return page.error(StatusCode::NOT_FOUND);
    };
    let (at, writer) = origin_parts(state);
    let actor = me.actor.clone();
    let (pid, key) = (id.clone(), q.instrument.clone());
    let loaded = state
        .db
        .run(move |conn| {
            // The form shows her name: ask as for an edit of her file.
            if let Err(e) = db::participants::require_participant(
                conn,
                &actor,
                domain::policy::Action::EditParticipant,
                "measurement.enter",
                &pid,
                Origin::new(Some(&address), at).via(&writer),
            ) {
                return Ok(Err(e));
            }
            let org = actor.organisation_id().unwrap_or_default().to_owned();
            let Some(name) = db::outcomes::results::participant_name(conn, &org, &pid)? else {
                return Err(db::DbError::NotFound("participant"));
            };
            Ok(Ok((name, measurements::latest(conn, &org, &key)?)))
        })
        .await;
    let (name, instrument) = match loaded {
        Ok(Ok((name, Some(i)))) => (name, i),
        Ok(Ok((_, None))) => return page.error(StatusCode::NOT_FOUND),
        Ok(Err(e)) => return access_failure(page, e),
        Err(e) => return internal(page, e),
    };
    let lang = page.lang.code();
    let (yes, no) = (page.t("answer-yes"), page.t("answer-no"));
    let (error_item, error_key) = match given.as_ref().and_then(|g| g.1.clone()) {
        Some((i, k)) => (i, k),
        None => (String::new(), String::new()),
    };
    let items = instrument
        .items
        .iter()
        .map(|item| {
            let mut v = item_view(item, lang, (&yes, &no));
            if let Some((pairs, _, _)) = &given {
                v.given = pairs
                    .all(&format!("i-{}", item.key))
                    .into_iter()
                    .map(str::to_owned)
                    .collect();
            }
            if item.key == error_item {
                v.error = Some(error_key.clone());
            }
            v
        })
        .collect();
    let view = EnterPage {
        name: format!("{} {}", name.0, name.1),
        instrument_name: name_of(&instrument, lang),
        trajectory: q.trajectory.clone(),
        instrument: q.instrument.clone(),
        moment: moment.code().to_owned(),
        respondent: respondent.code().to_owned(),
        moment_label: moment_label(&page, moment.code()),
        respondent_label: respondent_label(&page, respondent.code()),
        items,
        error: given.map(|g| g.2).unwrap_or_default(),
        id,
        page,
    };
    (status, render(&view)).into_response()
}

/// `GET /participants/{id}/outcomes/enter`: the whole form of an
/// instrument, to type in from her paper form (or to rate).
pub async fn enter(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
    Query(q): Query<Which>,
) -> Response {
    enter_form(&state, address, page, &me, id, q, None, StatusCode::OK).await
}

/// `POST /participants/{id}/outcomes/enter`: all answers at once, or none.
pub async fn save(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let pairs = Pairs(pairs);
    let q = Which {
        trajectory: pairs.get("trajectory").to_owned(),
        instrument: pairs.get("instrument").to_owned(),
        moment: pairs.get("moment").to_owned(),
        respondent: pairs.get("respondent").to_owned(),
    };
    let Some((moment, respondent)) = which(&q) else {
        // Asked first, so that a refused caller learns nothing from the form.
        let (at, writer) = origin_parts(&state);
        let (actor, pid) = (me.actor.clone(), id.clone());
        let asked = state
            .db
            .run(move |conn| {
                Ok(db::participants::require_participant(
                    conn,
                    &actor,
                    domain::policy::Action::EditParticipant,
                    "measurement.enter",
                    &pid,
                    Origin::new(Some(&address), at).via(&writer),
                ))
            })
            .await;
        return match asked {
            Ok(Ok(())) => page.error(StatusCode::UNPROCESSABLE_ENTITY),
            Ok(Err(e)) => access_failure(page, e),
            Err(e) => internal(page, e),
        };
    };
    let mut answers: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (k, v) in &pairs.0 {
        if let Some(item) = k.strip_prefix("i-") {
            answers.entry(item.to_owned()).or_default().push(v.clone());
        }
    }
    let taking = Taking {
        participant_id: id.clone(),
        trajectory_id: (!q.trajectory.is_empty()).then(|| q.trajectory.clone()),
        instrument_key: q.instrument.clone(),
        moment,
        respondent,
        channel: if respondent == Respondent::Staff {
            Channel::Staff
        } else {
            Channel::Paper
        },
    };
    let (at, writer) = origin_parts(&state);
    let actor = me.actor.clone();
    let ip = address.clone();
    let saved = state
        .db
        .run(move |conn| {
            Ok(measurements::enter(
                conn,
                &actor,
                &taking,
                &answers,
                Origin::new(Some(&ip), at).via(&writer),
            ))
        })
        .await;
    match saved {
        Ok(Ok(_)) => see_other(&format!("/participants/{id}/outcomes?saved=1")),
        Ok(Err(MeasureError::Access(e))) => access_failure(page, e),
        Ok(Err(MeasureError::Complete)) => {
            let msg = page.t("outcomes-already-complete");
            enter_form(
                &state,
                address,
                page,
                &me,
                id,
                q,
                Some((&pairs, None, msg)),
                StatusCode::CONFLICT,
            )
            .await
        }
        Ok(Err(MeasureError::UnknownInstrument)) => page.error(StatusCode::NOT_FOUND),
        Ok(Err(e)) => {
            let err = answer_error(&e);
            let msg = page.t("form-has-errors");
            enter_form(
                &state,
                address,
                page,
                &me,
                id,
                q,
                Some((&pairs, err, msg)),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => internal(page, e),
    }
}
