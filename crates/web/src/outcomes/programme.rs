//! `/outcomes`: a programme's (or group's) figures for one instrument:
//! response rates per moment, the change per item between two moments, the
//! share that progressed on at least two life domains, the spread of the
//! answers; anonymous surveys only from five answers. No person in it.

use super::name_of;
use crate::AppState;
use crate::auth::CurrentUser;
use crate::client::ClientIp;
use crate::pages::{Page, internal, render};
use crate::participants::{access_failure, origin_parts};
use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use chrono::NaiveDate;
use db::outcomes::results::{self, Filter, ProgrammeResults};
use db::participants::Origin;
use domain::instruments::{ItemKind, Respondent, text_in};
use domain::outcomes::Moment;
use serde::Deserialize;

#[derive(Deserialize, Default, Clone)]
pub struct Asked {
    #[serde(default)]
    pub programme: String,
    #[serde(default)]
    pub group: String,
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub to: String,
    #[serde(default)]
    pub instrument: String,
    #[serde(default)]
    pub respondent: String,
    #[serde(default)]
    pub before: String,
    #[serde(default)]
    pub after: String,
}

impl Asked {
    /// The filter, with defaults: the life-domain instrument as she answers
    /// it, intake against end.
    pub fn filter(&self, first_programme: Option<&str>) -> Option<Filter> {
        let programme = if self.programme.is_empty() {
            first_programme?.to_owned()
        } else {
            self.programme.clone()
        };
        let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        Some(Filter {
            programme_id: programme,
            group_id: (!self.group.is_empty()).then(|| self.group.clone()),
            from: day(&self.from),
            to: day(&self.to),
            instrument_key: if self.instrument.is_empty() {
                "traject-life-domains".into()
            } else {
                self.instrument.clone()
            },
            respondent: self.respondent.parse().unwrap_or(Respondent::Participant),
            before: self.before.parse().unwrap_or(Moment::Intake),
            after: self.after.parse().unwrap_or(Moment::End),
        })
    }
}

/// A row of the change table.
pub struct ChangeRow {
    pub text: String,
    pub pairs: usize,
    pub before: String,
    pub after: String,
    pub change: String,
    pub improved: usize,
    pub same: usize,
    pub worse: usize,
}

/// How one item's answers spread: a row per answer, a column per moment,
/// each cell the count and its share of the moment's answers.
pub struct SpreadView {
    pub text: String,
    pub moments: Vec<String>,
    pub rows: Vec<(String, Vec<(usize, usize)>)>,
}

#[derive(Template)]
#[template(path = "outcomes/results.html")]
struct ResultsPage {
    page: Page,
    asked: Asked,
    programmes: Vec<(String, String)>,
    groups: Vec<(String, String)>,
    instruments: Vec<(String, String)>,
    name: String,
    anonymous: bool,
    rates: Vec<(String, usize, usize, String)>,
    headline: String,
    changes: Vec<ChangeRow>,
    spreads: Vec<SpreadView>,
    /// Anonymous: how many answered, whether shown.
    responses: usize,
    shown: bool,
    texts: Vec<(String, String)>,
}

fn number(page: &Page, n: f64) -> String {
    i18n::format_number(page.lang, n, 1)
}

/// `GET /outcomes`.
pub async fn page(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Query(asked): Query<Asked>,
) -> Response {
    let (at, writer) = origin_parts(&state);
    let today = state.clock.today();
    let actor = me.actor.clone();
    let a = asked.clone();
    let loaded = state
        .db
        .run(move |conn| {
            let origin = Origin::new(Some(&address), at).via(&writer);
            let org = actor.organisation_id().unwrap_or_default().to_owned();
            // Asked first: a refusal is recorded and learns nothing.
            if let Err(e) = db::groups::require(
                conn,
                &actor,
                domain::policy::Action::ReadOutcomes,
                "outcomes.results",
                origin,
            ) {
                return Ok(Err(e));
            }
            let choices = results::choices(conn, &org)?;
            let available = db::outcomes::instruments::available(conn, &org)?;
            let filter = a.filter(choices.0.first().map(|p| p.0.as_str()));
            let figures = match &filter {
                Some(f) => match results::figures(conn, &org, f, today) {
                    Ok(r) => Some(r),
                    Err(db::DbError::NotFound(_)) => None,
                    Err(e) => return Err(e),
                },
                None => None,
            };
            Ok(Ok((choices, available, filter, figures)))
        })
        .await;
    let (choices, available, filter, figures) = match loaded {
        Ok(Ok(x)) => x,
        Ok(Err(e)) => return access_failure(page, e),
        Err(e) => return internal(page, e),
    };
    let mut shown_asked = asked.clone();
    if let Some(f) = &filter {
        shown_asked.programme = f.programme_id.clone();
        shown_asked.instrument = f.instrument_key.clone();
        shown_asked.respondent = f.respondent.code().into();
        shown_asked.before = f.before.code().into();
        shown_asked.after = f.after.code().into();
    }
    let lang = page.lang.code();
    let groups = choices
        .1
        .iter()
        .filter(|g| g.1 == shown_asked.programme)
        .map(|g| (g.0.clone(), g.2.clone()))
        .collect();
    let instruments = available
        .iter()
        .map(|a| (a.instrument.key.clone(), name_of(&a.instrument, lang)))
        .collect();
    let mut view = ResultsPage {
        asked: shown_asked,
        programmes: choices.0.clone(),
        groups,
        instruments,
        name: String::new(),
        anonymous: false,
        rates: Vec::new(),
        headline: String::new(),
        changes: Vec::new(),
        spreads: Vec::new(),
        responses: 0,
        shown: false,
        texts: Vec::new(),
        page,
    };
    if let Some(r) = figures {
        fill(&mut view, &r);
    }
    render(&view)
}

fn fill(view: &mut ResultsPage, r: &ProgrammeResults) {
    let page = &view.page;
    let lang = page.lang.code();
    let text_of = |key: &str| {
        r.instrument
            .item(key)
            .and_then(|i| text_in(&i.texts, lang))
            .unwrap_or(key)
            .to_owned()
    };
    view.name = name_of(&r.instrument, lang);
    view.anonymous = r.instrument.anonymous;
    view.rates = r
        .rates
        .iter()
        .map(|rate| {
            let pct = if rate.expected > 0 {
                format!(
                    "{} %",
                    number(page, 100.0 * rate.answered as f64 / rate.expected as f64)
                )
            } else {
                String::new()
            };
            (
                page.t(&format!("coded-moment-{}", rate.moment.code())),
                rate.expected,
                rate.answered,
                pct,
            )
        })
        .collect();
    if let Some(share) = r.change.progressed_share() {
        view.headline = i18n::t_args(
            page.lang,
            "outcomes-headline",
            &[
                (
                    "progressed",
                    i18n::Arg::Num(r.change.progressed_on_two as i64),
                ),
                ("count", i18n::Arg::Num(r.change.participants as i64)),
                ("share", i18n::Arg::Str(&number(page, share))),
            ],
        );
    }
    view.changes = r
        .change
        .items
        .iter()
        .map(|c| ChangeRow {
            text: text_of(&c.item_key),
            pairs: c.pairs,
            before: number(page, c.before),
            after: number(page, c.after),
            change: format!(
                "{}{}",
                if c.change > 0.0 { "+" } else { "" },
                number(page, c.change)
            ),
            improved: c.improved,
            same: c.same,
            worse: c.worse,
        })
        .collect();
    let spreads = match &r.anonymous {
        Some(a) => {
            view.responses = a.responses;
            view.shown = a.shown;
            view.texts = a
                .texts
                .iter()
                .map(|(k, t)| (text_of(k), t.clone()))
                .collect();
            &a.spreads
        }
        None => &r.spreads,
    };
    // One table per item, in the instrument's order; moments in theirs.
    let order = |m: &str| {
        domain::outcomes::PLANNED_MOMENTS
            .iter()
            .position(|p| p.code() == m)
            .unwrap_or(usize::MAX)
    };
    view.spreads = r
        .instrument
        .items
        .iter()
        .filter_map(|item| {
            let mut of_item: Vec<&db::outcomes::results::Spread> =
                spreads.iter().filter(|s| s.item_key == item.key).collect();
            if of_item.is_empty() {
                return None;
            }
            of_item.sort_by_key(|s| order(&s.moment));
            let label = |value: &str| -> String {
                match &item.kind {
                    ItemKind::YesNo => page.t(if value == "1" {
                        "answer-yes"
                    } else {
                        "answer-no"
                    }),
                    ItemKind::Single { options } | ItemKind::Multiple { options } => options
                        .iter()
                        .find(|o| o.key == value)
                        .map(|o| {
                            format!(
                                "{} {}",
                                o.pictogram,
                                text_in(&o.texts, lang).unwrap_or(value)
                            )
                        })
                        .unwrap_or_else(|| value.to_owned()),
                    _ => value.to_owned(),
                }
            };
            // Every value that occurs, numbers in numeric order.
            let mut values: Vec<&String> = of_item.iter().flat_map(|s| s.counts.keys()).collect();
            values.sort_by_key(|v| (v.parse::<i64>().unwrap_or(i64::MAX), v.to_string()));
            values.dedup();
            let totals: Vec<usize> = of_item.iter().map(|s| s.counts.values().sum()).collect();
            Some(SpreadView {
                text: text_of(&item.key),
                moments: of_item
                    .iter()
                    .map(|s| {
                        if s.moment == "all" {
                            page.t("outcomes-count")
                        } else {
                            page.t(&format!("coded-moment-{}", s.moment))
                        }
                    })
                    .collect(),
                rows: values
                    .into_iter()
                    .map(|v| {
                        let cells = of_item
                            .iter()
                            .zip(&totals)
                            .map(|(s, total)| {
                                let n = s.counts.get(v).copied().unwrap_or(0);
                                (n, (n * 100).checked_div(*total).unwrap_or(0))
                            })
                            .collect();
                        (label(v), cells)
                    })
                    .collect(),
            })
        })
        .collect();
}
