//! Report documents for people outside traject: one model ([`Document`]:
//! a title, facts such as the organisation and the period, and sections of
//! tables with optional bar charts) written as ODS (the federal document
//! standard), XLSX, CSV and PDF by well-kept crates, and charts as SVG for
//! the web page. Numbers are written as numbers (a spreadsheet can compute
//! on them); the shown text travels alongside for the PDF and the web.
//!
//! Words come in already translated: this crate knows no language.

mod chart;
mod pdf;

pub use chart::{Chart, svg};

/// One cell of a table.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    /// A number, with how the report shows it ("66,7 %").
    Number {
        value: f64,
        shown: String,
    },
    Empty,
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }

    /// The cell as the report shows it.
    pub fn shown(&self) -> &str {
        match self {
            Cell::Text(t) => t,
            Cell::Number { shown, .. } => shown,
            Cell::Empty => "",
        }
    }
}

/// A table with a header row.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

/// A part of a document: a heading, a chart (optional) and its table, which
/// is also the chart's accessible alternative.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Section {
    pub heading: String,
    pub chart: Option<Chart>,
    pub table: Table,
    /// Lines under the table (how figures were counted, sources).
    pub notes: Vec<String>,
}

/// A whole report.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Document {
    pub title: String,
    /// The document's language (BCP 47), for the PDF reader's voice.
    pub language: String,
    /// (label, value): organisation, programme, period, created.
    pub facts: Vec<(String, String)>,
    pub sections: Vec<Section>,
}

/// Why a document could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("xlsx: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    #[error("ods: {0}")]
    Ods(#[from] spreadsheet_ods::OdsError),
    #[error("csv: {0}")]
    Csv(#[from] csv::Error),
    #[error("csv: {0}")]
    CsvBuffer(String),
}

/// A sheet name spreadsheets accept: at most 31 characters, none of
/// `[]:*?/\`, unique in the workbook.
fn sheet_name(heading: &str, index: usize, taken: &mut Vec<String>) -> String {
    let clean: String = heading
        .chars()
        .filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\' | '\''))
        .take(28)
        .collect();
    let mut name = if clean.trim().is_empty() {
        format!("{}", index + 1)
    } else {
        clean.trim().to_owned()
    };
    if taken.iter().any(|t| t.eq_ignore_ascii_case(&name)) {
        name = format!(
            "{} {}",
            name.chars().take(25).collect::<String>(),
            index + 1
        );
    }
    taken.push(name.clone());
    name
}

/// A text a spreadsheet would run as a formula is prefixed so it stays text.
fn defuse(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

impl Document {
    /// The document as an Excel workbook: the facts on the first sheet,
    /// each section on a sheet of its own.
    pub fn to_xlsx(&self) -> Result<Vec<u8>, ExportError> {
        use rust_xlsxwriter::{Format, Workbook};
        let mut book = Workbook::new();
        let bold = Format::new().set_bold();
        let wrap = Format::new().set_text_wrap();
        let mut taken = Vec::new();
        {
            let sheet = book.add_worksheet();
            sheet.set_name(sheet_name(&self.title, 0, &mut taken))?;
            sheet.write_string_with_format(0, 0, &self.title, &bold)?;
            for (i, (label, value)) in self.facts.iter().enumerate() {
                let row = u32::try_from(i + 2).unwrap_or(u32::MAX);
                sheet.write_string_with_format(row, 0, label, &bold)?;
                sheet.write_string(row, 1, value)?;
            }
            sheet.set_column_width(0, 28)?;
            sheet.set_column_width(1, 60)?;
        }
        for (n, s) in self.sections.iter().enumerate() {
            let sheet = book.add_worksheet();
            sheet.set_name(sheet_name(&s.heading, n + 1, &mut taken))?;
            sheet.write_string_with_format(0, 0, &s.heading, &bold)?;
            for (c, col) in s.table.columns.iter().enumerate() {
                let c = u16::try_from(c).unwrap_or(u16::MAX);
                sheet.write_string_with_format(2, c, col, &bold)?;
                sheet.set_column_width(c, if c == 1 { 60 } else { 16 })?;
            }
            for (r, row) in s.table.rows.iter().enumerate() {
                let r = u32::try_from(r + 3).unwrap_or(u32::MAX);
                for (c, cell) in row.iter().enumerate() {
                    let c = u16::try_from(c).unwrap_or(u16::MAX);
                    match cell {
                        Cell::Text(t) => {
                            sheet.write_string_with_format(r, c, defuse(t), &wrap)?;
                        }
                        Cell::Number { value, .. } => {
                            sheet.write_number(r, c, *value)?;
                        }
                        Cell::Empty => {}
                    }
                }
            }
            let after = u32::try_from(s.table.rows.len() + 4).unwrap_or(u32::MAX);
            for (i, note) in s.notes.iter().enumerate() {
                sheet.write_string(after + u32::try_from(i).unwrap_or(0), 0, defuse(note))?;
            }
        }
        Ok(book.save_to_buffer()?)
    }

    /// The document as an OpenDocument spreadsheet, laid out as the XLSX.
    pub fn to_ods(&self) -> Result<Vec<u8>, ExportError> {
        use spreadsheet_ods::{Sheet, WorkBook};
        let mut book = WorkBook::new_empty();
        let mut taken = Vec::new();
        let mut first = Sheet::new(sheet_name(&self.title, 0, &mut taken));
        first.set_value(0, 0, self.title.as_str());
        for (i, (label, value)) in self.facts.iter().enumerate() {
            let row = u32::try_from(i + 2).unwrap_or(u32::MAX);
            first.set_value(row, 0, label.as_str());
            first.set_value(row, 1, value.as_str());
        }
        book.push_sheet(first);
        for (n, s) in self.sections.iter().enumerate() {
            let mut sheet = Sheet::new(sheet_name(&s.heading, n + 1, &mut taken));
            sheet.set_value(0, 0, s.heading.as_str());
            for (c, col) in s.table.columns.iter().enumerate() {
                sheet.set_value(2, u32::try_from(c).unwrap_or(u32::MAX), col.as_str());
            }
            for (r, row) in s.table.rows.iter().enumerate() {
                let r = u32::try_from(r + 3).unwrap_or(u32::MAX);
                for (c, cell) in row.iter().enumerate() {
                    let c = u32::try_from(c).unwrap_or(u32::MAX);
                    match cell {
                        Cell::Text(t) => sheet.set_value(r, c, defuse(t)),
                        Cell::Number { value, .. } => sheet.set_value(r, c, *value),
                        Cell::Empty => {}
                    }
                }
            }
            let after = u32::try_from(s.table.rows.len() + 4).unwrap_or(u32::MAX);
            for (i, note) in s.notes.iter().enumerate() {
                sheet.set_value(after + u32::try_from(i).unwrap_or(0), 0, defuse(note));
            }
            book.push_sheet(sheet);
        }
        Ok(spreadsheet_ods::write_ods_buf(&mut book, Vec::new())?)
    }

    /// One section's table as CSV (numbers as numbers, with a decimal
    /// point; formula-like text defused).
    pub fn to_csv(&self, section: usize) -> Result<Vec<u8>, ExportError> {
        let mut w = csv::Writer::from_writer(Vec::new());
        if let Some(s) = self.sections.get(section) {
            w.write_record(&s.table.columns)?;
            for row in &s.table.rows {
                w.write_record(row.iter().map(|c| match c {
                    Cell::Text(t) => defuse(t),
                    Cell::Number { value, .. } => value.to_string(),
                    Cell::Empty => String::new(),
                }))?;
            }
        }
        w.into_inner()
            .map_err(|e| ExportError::CsvBuffer(e.to_string()))
    }

    /// The document as a PDF: A4 pages with the title, the facts, and each
    /// section's chart and table.
    pub fn to_pdf(&self) -> Vec<u8> {
        pdf::write(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Document {
        Document {
            title: "Rapport (test)".into(),
            language: "nl".into(),
            facts: vec![("Organisatie".into(), "OCMW Teststad (fictief)".into())],
            sections: vec![Section {
                heading: "Cijfers".into(),
                chart: None,
                table: Table {
                    columns: vec!["Code".into(), "Indicator".into(), "Cijfer".into()],
                    rows: vec![vec![
                        Cell::text("X1"),
                        Cell::text("=SUM(A1)"),
                        Cell::Number {
                            value: 66.7,
                            shown: "66,7 %".into(),
                        },
                    ]],
                },
                notes: vec![],
            }],
        }
    }

    #[test]
    fn formulas_stay_text_and_numbers_stay_numbers() {
        let csv = String::from_utf8(sample().to_csv(0).unwrap()).unwrap();
        assert_eq!(csv, "Code,Indicator,Cijfer\nX1,'=SUM(A1),66.7\n");
    }

    #[test]
    fn sheet_names_are_valid_and_unique() {
        let mut taken = Vec::new();
        assert_eq!(sheet_name("A/B: [c]?", 0, &mut taken), "AB c");
        assert_eq!(sheet_name("ab c", 1, &mut taken), "ab c 2");
        assert_eq!(sheet_name("", 2, &mut taken), "3");
        let long = "x".repeat(40);
        assert!(sheet_name(&long, 3, &mut taken).chars().count() <= 31);
    }

    #[test]
    fn every_format_is_written() {
        let d = sample();
        assert!(d.to_xlsx().unwrap().starts_with(b"PK"));
        assert!(d.to_ods().unwrap().starts_with(b"PK"));
        assert!(d.to_pdf().starts_with(b"%PDF-"));
    }
}
