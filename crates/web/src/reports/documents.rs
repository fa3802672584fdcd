//! A report as a document (ODS, XLSX, CSV, PDF) and its charts: built from
//! the same rows as the page, so every format holds the numbers on screen.

use super::{Row, number, rows, shown};
use crate::pages::Page;
use chrono::NaiveDate;
use db::reports::Report;
use domain::indicators::Show;
use exports::{Cell, Chart, Document, Section, Table};

/// A figure as a cell: its number with the text the page shows.
fn figure_cell(value: Option<f64>, shown: &str) -> Cell {
    match value {
        Some(value) => Cell::Number {
            value,
            shown: shown.to_owned(),
        },
        None => Cell::text(shown),
    }
}

/// The charts of a report: those its set asks for, then one per breakdown.
pub fn charts(report: &Report, page: &Page, rows: &[Row]) -> Vec<Chart> {
    let mut out = Vec::new();
    if !report.months.is_empty() {
        let rate = page.t("reports-chart-attendance-rate");
        out.push(Chart {
            title: page.t("reports-chart-attendance"),
            series: vec![rate],
            bars: report
                .months
                .iter()
                .map(|(month, marks, attended)| {
                    let value = (*marks > 0)
                        .then(|| (*attended as f64 * 1000.0 / *marks as f64).round() / 10.0);
                    let label = NaiveDate::parse_from_str(&format!("{month}-01"), "%Y-%m-%d")
                        .map(|d| d.format("%m/%Y").to_string())
                        .unwrap_or_else(|_| month.clone());
                    (
                        label,
                        vec![(value.unwrap_or(0.0), shown(page, Show::Percent, value))],
                    )
                })
                .collect(),
        });
    }
    if !report.domains.is_empty() {
        out.push(Chart {
            title: page.t("reports-chart-domains"),
            series: vec![
                page.t("reports-chart-measured-twice"),
                page.t("reports-chart-progressed"),
            ],
            bars: report
                .domains
                .iter()
                .map(|(domain, measured, progressed)| {
                    let key = format!("coded-domain-{domain}");
                    let words = page.t(&key);
                    let label = if words == key { domain.clone() } else { words };
                    let n = |v: i64| (v as f64, number(page.lang, v as f64, 0));
                    (label, vec![n(*measured), n(*progressed)])
                })
                .collect(),
        });
    }
    for row in rows.iter().filter(|r| !r.breakdown.is_empty()) {
        out.push(Chart {
            title: row.wording.clone(),
            series: vec![page.t("reports-figure")],
            bars: row
                .breakdown
                .iter()
                .map(|(words, n, text)| (words.clone(), vec![(*n, text.clone())]))
                .collect(),
        });
    }
    out
}

/// A chart's numbers as a table: its accessible alternative.
pub fn chart_table(chart: &Chart, label: String) -> Table {
    Table {
        columns: std::iter::once(label)
            .chain(chart.series.iter().cloned())
            .collect(),
        rows: chart
            .bars
            .iter()
            .map(|(l, values)| {
                std::iter::once(Cell::text(l.clone()))
                    .chain(values.iter().map(|(v, s)| Cell::Number {
                        value: *v,
                        shown: s.clone(),
                    }))
                    .collect()
            })
            .collect(),
    }
}

/// The figures table: one line per indicator.
pub fn figures_table(rows: &[Row], page: &Page) -> Table {
    Table {
        columns: [
            "reports-code",
            "reports-indicator",
            "reports-definition",
            "reports-figure",
            "coded-gender-woman",
            "coded-gender-man",
            "coded-gender-non_binary",
            "reports-breakdown",
        ]
        .iter()
        .map(|k| page.t(k))
        .collect(),
        rows: rows
            .iter()
            .map(|r| {
                let gender = |i: usize| {
                    r.genders.map_or(Cell::Empty, |g| Cell::Number {
                        value: g[i],
                        shown: number(page.lang, g[i], 0),
                    })
                };
                vec![
                    Cell::text(r.code.clone()),
                    Cell::text(r.wording.clone()),
                    Cell::text(r.definition.clone()),
                    figure_cell(r.value, &r.shown),
                    gender(0),
                    gender(1),
                    gender(2),
                    Cell::text(r.breakdown_text()),
                ]
            })
            .collect(),
    }
}

/// The whole report as a document for a funder.
pub fn document(report: &Report, page: &Page, today: NaiveDate) -> Document {
    let lang = page.lang.code();
    let title = domain::instruments::text_in(&report.set.title, lang)
        .unwrap_or(&report.set.key)
        .to_owned();
    let programme = if report.programme.is_empty() {
        page.t("reports-all-programmes")
    } else {
        report.programme.clone()
    };
    let rows = rows(report, page);
    let mut sections = vec![Section {
        heading: title.clone(),
        chart: None,
        table: figures_table(&rows, page),
        notes: vec![format!(
            "{} ({} {})",
            report.set.source,
            page.t("reports-version"),
            report.set.version
        )],
    }];
    for chart in charts(report, page, &rows) {
        sections.push(Section {
            heading: chart.title.clone(),
            table: chart_table(&chart, page.t("reports-chart-label")),
            chart: Some(chart),
            notes: Vec::new(),
        });
    }
    Document {
        title: format!("{title}: {programme}"),
        language: lang.to_owned(),
        facts: vec![
            (page.t("reports-organisation"), report.organisation.clone()),
            (page.t("field-programme"), programme),
            (
                page.t("reports-period"),
                format!("{} – {}", page.date(&report.from), page.date(&report.to)),
            ),
            (page.t("reports-made-on"), page.date(&today)),
        ],
        sections,
    }
}
