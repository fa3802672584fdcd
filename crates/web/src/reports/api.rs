//! `/api/v1` for reports: a programme's figures on an indicator set.

use super::year_bounds;
use crate::AppState;
use crate::auth::CurrentUser;
use crate::client::ClientIp;
use crate::error::{ApiError, ApiQuery, ErrorBody};
use crate::network::run;
use axum::Json;
use axum::extract::{Path, State};
use chrono::Datelike;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use utoipa::{IntoParams, OpenApi, ToSchema};

#[derive(OpenApi)]
#[openapi(
    paths(programme_indicators, programme_budget, pooled_figures),
    components(schemas(
        FigureOut,
        IndicatorReport,
        BudgetOut,
        BudgetLineOut,
        FundOut,
        FundLineOut,
        PooledFiguresOut,
        PooledFiguresLineOut,
        PublishedCountOut
    ))
)]
pub struct Doc;

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReportParams {
    /// The indicator set's key: a built-in one (`esf-plus-participants`,
    /// `amif-integration`, `federal-social-activation`, `miriam`,
    /// `programme-activity`) or one the organisation added; default the
    /// ESF+ participants' set.
    #[param(pattern = "^[a-z0-9][a-z0-9-]{0,63}$", nullable = false)]
    pub set: Option<String>,
    /// The calendar year of entry (default: this year).
    #[param(minimum = 2000, maximum = 2100, nullable = false)]
    pub year: Option<i32>,
}

/// One indicator's figure.
#[derive(Serialize, ToSchema)]
pub struct FigureOut {
    pub key: String,
    /// The funder's code.
    pub code: String,
    /// The funder's wording in English.
    pub wording: String,
    /// What is counted (participants, sessions, costs, ...).
    pub unit: String,
    /// How the value reads: count, hours, euros, percent, average or
    /// euros_each (euros per counted record).
    pub show: String,
    /// The figure in its unit, rounded as the report shows it; null for a
    /// ratio over nothing.
    pub value: Option<f64>,
    /// The count or sum (minutes, cents), or a ratio's numerator.
    pub numerator: i64,
    /// A ratio's denominator.
    pub denominator: Option<i64>,
    /// Per breakdown fact, per value code, the amount in the figure's unit.
    pub by: BTreeMap<String, BTreeMap<String, f64>>,
}

/// A programme's figures on an indicator set for a year.
#[derive(Serialize, ToSchema)]
pub struct IndicatorReport {
    pub set: String,
    pub version: u32,
    pub source: String,
    pub programme: String,
    pub year: i32,
    pub figures: Vec<FigureOut>,
}

/// A programme's figures on an indicator set for a calendar year; no
/// person in them (coordinators).
#[utoipa::path(get, path = "/api/v1/programmes/{id}/indicators", tag = "reports",
    security(("token" = [])),
    params(("id" = String, Path, description = "Programme id"), ReportParams),
    responses((status = 200, body = IndicatorReport), (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody)))]
pub async fn programme_indicators(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
    ApiQuery(q): ApiQuery<ReportParams>,
) -> Result<Json<IndicatorReport>, ApiError> {
    let year = q.year.unwrap_or(state.clock.today().year());
    let Some((from, to)) = year_bounds(year) else {
        return Err(ApiError::BadRequest("invalid_query"));
    };
    let set = q.set.unwrap_or_else(|| "esf-plus-participants".to_owned());
    if !domain::indicators::valid_key(&set) {
        return Err(ApiError::BadRequest("invalid_query"));
    }
    let actor = me.actor;
    let r = run(&state, address, move |conn, origin| {
        db::reports::programme_report(conn, &actor, Some(&id), &set, from, to, origin)
    })
    .await??;
    Ok(Json(IndicatorReport {
        set: r.set.key.clone(),
        version: r.set.version,
        source: r.set.source.clone(),
        programme: r.programme.clone(),
        year,
        figures: r
            .set
            .indicators
            .iter()
            .filter_map(|i| {
                let f = r.figures.iter().find(|f| f.key == i.key)?;
                Some(FigureOut {
                    key: i.key.clone(),
                    code: i.code.clone(),
                    wording: i.wording.get("en").cloned().unwrap_or_default(),
                    unit: i.unit.code().to_owned(),
                    show: serde_json::to_value(i.show)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_owned))
                        .unwrap_or_default(),
                    value: super::value_of(i, f),
                    numerator: f.value,
                    denominator: f.per,
                    by: super::amounts(i, f).into_iter().fold(
                        // Every breakdown, empty ones too.
                        f.by.keys()
                            .map(|k| (k.code().to_owned(), BTreeMap::new()))
                            .collect(),
                        |mut acc: BTreeMap<String, BTreeMap<String, f64>>, (fact, v, n)| {
                            acc.entry(fact.code().to_owned()).or_default().insert(v, n);
                            acc
                        },
                    ),
                })
            })
            .collect(),
    }))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct BudgetParams {
    /// The calendar year (default: this year).
    #[param(minimum = 2000, maximum = 2100, nullable = false)]
    pub year: Option<i32>,
}

/// One budget line: amounts in cents.
#[derive(Serialize, ToSchema)]
pub struct BudgetLineOut {
    pub line: String,
    pub budget_cents: i64,
    pub actual_cents: i64,
}

/// A funder's share of one line.
#[derive(Serialize, ToSchema)]
pub struct FundLineOut {
    pub line: String,
    /// fixed, non_eu_share, or null: the funder pays none of it.
    pub key: Option<String>,
    /// For a fixed key, 10000 = 100 %.
    pub basis_points: Option<u32>,
    pub share_percent: f64,
    pub fund_cents: i64,
}

/// A funder's allocation.
#[derive(Serialize, ToSchema)]
pub struct FundOut {
    pub funder: String,
    pub fund_cents: i64,
    pub lines: Vec<FundLineOut>,
}

/// A programme's budget for a year with its costs and allocations.
#[derive(Serialize, ToSchema)]
pub struct BudgetOut {
    pub programme: String,
    pub year: i32,
    /// 0 when none was saved; send it back to change the budget.
    pub version: i32,
    pub participants: i64,
    pub non_eu_participants: i64,
    pub session_hours: f64,
    pub budget_cents: i64,
    pub actual_cents: i64,
    pub staff_cents: i64,
    pub per_participant_cents: Option<i64>,
    pub per_hour_cents: Option<i64>,
    pub lines: Vec<BudgetLineOut>,
    pub funders: Vec<FundOut>,
}

/// A programme's budget lines, actual costs and each funder's share for a
/// year (coordinators).
#[utoipa::path(get, path = "/api/v1/programmes/{id}/budget", tag = "reports",
    security(("token" = [])),
    params(("id" = String, Path, description = "Programme id"), BudgetParams),
    responses((status = 200, body = BudgetOut), (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody)))]
pub async fn programme_budget(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
    ApiQuery(q): ApiQuery<BudgetParams>,
) -> Result<Json<BudgetOut>, ApiError> {
    let year = q.year.unwrap_or(state.clock.today().year());
    if year_bounds(year).is_none() {
        return Err(ApiError::BadRequest("invalid_query"));
    }
    let actor = me.actor;
    let b = run(&state, address, move |conn, origin| {
        db::reports::budgets::read(conn, &actor, &id, year, origin)
    })
    .await??;
    Ok(Json(BudgetOut {
        programme: b.programme.clone(),
        year: b.year,
        version: b.version,
        participants: b.population.participants,
        non_eu_participants: b.population.non_eu,
        session_hours: b.hours,
        budget_cents: b.budget_cents(),
        actual_cents: b.actual_cents(),
        staff_cents: b
            .lines
            .iter()
            .filter(|l| domain::budget::is_staff(&l.0))
            .map(|l| l.2)
            .sum(),
        per_participant_cents: b.per_participant(),
        per_hour_cents: b.per_hour(),
        lines: b
            .lines
            .iter()
            .map(|(line, budget, actual)| BudgetLineOut {
                line: line.clone(),
                budget_cents: *budget,
                actual_cents: *actual,
            })
            .collect(),
        funders: b
            .allocations
            .iter()
            .map(|(funder, a)| FundOut {
                funder: funder.clone(),
                fund_cents: a.fund_cents,
                lines: a
                    .lines
                    .iter()
                    .map(|l| FundLineOut {
                        line: l.line.clone(),
                        key: l.key.map(|k| k.kind.code().to_owned()),
                        basis_points: l
                            .key
                            .filter(|k| k.kind == domain::budget::KeyKind::Fixed)
                            .map(|k| k.basis_points),
                        share_percent: l.share.percent(),
                        fund_cents: l.fund_cents,
                    })
                    .collect(),
            })
            .collect(),
    }))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PooledParams {
    /// A programme kind (default: every kind).
    #[param(inline)]
    pub kind: Option<KindKey>,
    /// A region (default: every region).
    #[param(inline)]
    pub region: Option<RegionKey>,
    /// The calendar year (default: this year).
    #[param(minimum = 2000, maximum = 2100, nullable = false)]
    pub year: Option<i32>,
}

/// A programme kind.
#[derive(Deserialize, ToSchema, Clone, Copy)]
#[serde(rename_all = "snake_case")]
pub enum KindKey {
    ConfidenceWorkshop,
    ConversationWorkshops,
    KeyToWork,
    SocialActivation,
    Miriam,
}

/// A region.
#[derive(Deserialize, ToSchema, Clone, Copy)]
#[serde(rename_all = "snake_case")]
pub enum RegionKey {
    Flanders,
    Brussels,
    Wallonia,
}

/// A published count: the number, or "<5" (1 to 4), or hidden so that a
/// small one cannot be computed back.
#[derive(Serialize, ToSchema)]
pub struct PublishedCountOut {
    /// The count; null when suppressed.
    pub value: Option<u64>,
    /// "count", "small" (1 to 4) or "hidden".
    pub shown: String,
}

fn count_out(s: domain::suppression::Shown) -> PublishedCountOut {
    use domain::suppression::Shown;
    match s {
        Shown::Count(n) => PublishedCountOut {
            value: Some(n),
            shown: "count".into(),
        },
        Shown::Small => PublishedCountOut {
            value: None,
            shown: "small".into(),
        },
        Shown::Hidden => PublishedCountOut {
            value: None,
            shown: "hidden".into(),
        },
    }
}

/// One organisation's line, or the pooled total (organisation null).
#[derive(Serialize, ToSchema)]
pub struct PooledFiguresLineOut {
    pub organisation: Option<String>,
    pub region: Option<String>,
    /// Per gender code (woman, man, non_binary, not_given) and "total".
    pub participants: BTreeMap<String, PublishedCountOut>,
    pub entrants: PublishedCountOut,
    pub dropouts: PublishedCountOut,
    pub sessions: u64,
    pub hours: f64,
    /// Null when there were fewer than five attendance marks.
    pub attendance_rate: Option<f64>,
}

/// Anonymised figures pooled across the organisations that opted in.
#[derive(Serialize, ToSchema)]
pub struct PooledFiguresOut {
    pub kind: Option<String>,
    pub region: Option<String>,
    pub year: i32,
    pub organisations: Vec<PooledFiguresLineOut>,
    pub total: PooledFiguresLineOut,
}

fn line_out(l: &db::reports::pooled::Line) -> PooledFiguresLineOut {
    let mut participants = BTreeMap::new();
    for (i, g) in db::reports::pooled::GENDERS
        .iter()
        .copied()
        .chain(std::iter::once("total"))
        .enumerate()
    {
        participants.insert(g.to_owned(), count_out(l.participants[i]));
    }
    PooledFiguresLineOut {
        organisation: l.organisation.clone(),
        region: l.region.clone(),
        participants,
        entrants: count_out(l.entrants),
        dropouts: count_out(l.dropouts),
        sessions: l.sessions,
        hours: (l.hours * 10.0).round() / 10.0,
        attendance_rate: l.attendance_rate,
    }
}

/// Figures pooled across organisations for a programme kind, a region and
/// a year: per organisation and in total, small counts suppressed; never a
/// record or a person (analysts, coordinators, administrators).
#[utoipa::path(get, path = "/api/v1/pooled", tag = "reports",
    security(("token" = [])),
    params(PooledParams),
    responses((status = 200, body = PooledFiguresOut), (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn pooled_figures(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    CurrentUser(me): CurrentUser,
    ApiQuery(q): ApiQuery<PooledParams>,
) -> Result<Json<PooledFiguresOut>, ApiError> {
    let year = q.year.unwrap_or(state.clock.today().year());
    if year_bounds(year).is_none() {
        return Err(ApiError::BadRequest("invalid_query"));
    }
    let kind = q.kind.map(|k| {
        match k {
            KindKey::ConfidenceWorkshop => "confidence_workshop",
            KindKey::ConversationWorkshops => "conversation_workshops",
            KindKey::KeyToWork => "key_to_work",
            KindKey::SocialActivation => "social_activation",
            KindKey::Miriam => "miriam",
        }
        .to_owned()
    });
    let region = q.region.map(|r| {
        match r {
            RegionKey::Flanders => "flanders",
            RegionKey::Brussels => "brussels",
            RegionKey::Wallonia => "wallonia",
        }
        .to_owned()
    });
    let filter = super::pooled::filter_of(
        &super::pooled::Params {
            programme_kind: kind.unwrap_or_default(),
            region: region.unwrap_or_default(),
            year: Some(year),
        },
        year,
    );
    let actor = me.actor;
    let p = run(&state, address, move |conn, origin| {
        db::reports::pooled::pooled(conn, &actor, filter, origin)
    })
    .await??;
    Ok(Json(PooledFiguresOut {
        kind: p.filter.kind.clone(),
        region: p.filter.region.clone(),
        year,
        organisations: p.lines.iter().map(line_out).collect(),
        total: line_out(&p.total),
    }))
}
