//! The PDF: pdf-writer writes the file; this module only lays out lines,
//! tables and bars on A4 pages. Text is set in Helvetica, one of the
//! standard fonts every reader has, in the Windows-1252 encoding, which
//! covers Dutch, French, German and English; a character outside it prints
//! as "?" rather than breaking the document.

use crate::chart::{BAR_AREA, BAR_HEIGHT, COLOURS, Chart};
use crate::{Cell, Document};
use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, Str, TextStr};

const WIDTH: f32 = 595.0;
const HEIGHT: f32 = 842.0;
const MARGIN: f32 = 48.0;
const BODY: f32 = 9.0;
const LEADING: f32 = 11.5;
const PAD: f32 = 3.0;

/// A character in Windows-1252, or '?'.
fn win1252(c: char) -> u8 {
    let special = [
        ('€', 0x80),
        ('‚', 0x82),
        ('ƒ', 0x83),
        ('„', 0x84),
        ('…', 0x85),
        ('†', 0x86),
        ('‡', 0x87),
        ('ˆ', 0x88),
        ('‰', 0x89),
        ('Š', 0x8A),
        ('‹', 0x8B),
        ('Œ', 0x8C),
        ('Ž', 0x8E),
        ('‘', 0x91),
        ('’', 0x92),
        ('“', 0x93),
        ('”', 0x94),
        ('•', 0x95),
        ('–', 0x96),
        ('—', 0x97),
        ('˜', 0x98),
        ('™', 0x99),
        ('š', 0x9A),
        ('›', 0x9B),
        ('œ', 0x9C),
        ('ž', 0x9E),
        ('Ÿ', 0x9F),
    ];
    let code = c as u32;
    if (0x20..=0x7E).contains(&code) || (0xA0..=0xFF).contains(&code) {
        return code as u8;
    }
    special
        .iter()
        .find(|(ch, _)| *ch == c)
        .map_or(b'?', |(_, b)| *b)
}

fn encode(text: &str) -> Vec<u8> {
    text.replace('≥', ">=")
        .replace('≤', "<=")
        .replace('\u{202f}', " ")
        .chars()
        .map(win1252)
        .collect()
}

/// Helvetica's advance width of a character in thousandths of the size,
/// accented letters as their base letter.
fn advance(c: char) -> f32 {
    let base = match c {
        'À'..='Å' => 'A',
        'Ç' => 'C',
        'È'..='Ë' => 'E',
        'Ì'..='Ï' => 'I',
        'Ñ' => 'N',
        'Ò'..='Ö' | 'Ø' => 'O',
        'Ù'..='Ü' => 'U',
        'Ý' | 'Ÿ' => 'Y',
        'à'..='å' => 'a',
        'ç' => 'c',
        'è'..='ë' => 'e',
        'ì'..='ï' => 'i',
        'ñ' => 'n',
        'ò'..='ö' | 'ø' => 'o',
        'ù'..='ü' => 'u',
        'ý' | 'ÿ' => 'y',
        other => other,
    };
    let w = match base {
        ' ' | '!' | ',' | '.' | '/' | ':' | ';' | 'I' | 'f' | 't' | '[' | ']' => 278,
        'i' | 'j' | 'l' | '\'' => 222,
        '-' | '(' | ')' | 'r' => 333,
        '"' => 355,
        '%' => 889,
        'm' | 'M' => 833,
        'W' => 944,
        'w' | 'C' | 'D' | 'H' | 'N' | 'R' | 'U' => 722,
        'G' | 'O' | 'Q' => 778,
        'A' | 'B' | 'E' | 'K' | 'P' | 'S' | 'V' | 'X' | 'Y' => 667,
        'F' | 'T' | 'Z' => 611,
        'c' | 'k' | 's' | 'v' | 'x' | 'y' | 'z' | 'J' => 500,
        'L' => 556,
        'Œ' | 'œ' | 'Æ' | 'æ' => 944,
        'ß' => 611,
        '—' => 1000,
        _ => 556,
    };
    w as f32
}

fn text_width(text: &str, size: f32, bold: bool) -> f32 {
    let w: f32 = text.chars().map(advance).sum();
    w * size / 1000.0 * if bold { 1.06 } else { 1.0 }
}

/// Breaks a text into lines no wider than `width` (a word longer than the
/// line is cut).
fn wrap(text: &str, size: f32, bold: bool, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in paragraph.split(' ') {
            let candidate = if line.is_empty() {
                word.to_owned()
            } else {
                format!("{line} {word}")
            };
            if text_width(&candidate, size, bold) <= width || line.is_empty() {
                line = candidate;
            } else {
                lines.push(std::mem::take(&mut line));
                line = word.to_owned();
            }
            // A single word wider than the line: cut it.
            while text_width(&line, size, bold) > width && line.chars().count() > 1 {
                let mut cut = String::new();
                for c in line.chars() {
                    if text_width(&format!("{cut}{c}"), size, bold) > width && !cut.is_empty() {
                        break;
                    }
                    cut.push(c);
                }
                let rest: String = line.chars().skip(cut.chars().count()).collect();
                lines.push(cut);
                line = rest;
            }
        }
        lines.push(line);
    }
    lines
}

/// Pages being laid out, top to bottom.
struct Layout {
    pages: Vec<Content>,
    y: f32,
}

impl Layout {
    fn new() -> Self {
        let mut l = Layout {
            pages: Vec::new(),
            y: 0.0,
        };
        l.new_page();
        l
    }

    fn new_page(&mut self) {
        self.pages.push(Content::new());
        self.y = HEIGHT - MARGIN;
    }

    fn page(&mut self) -> &mut Content {
        if self.pages.is_empty() {
            self.pages.push(Content::new());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    /// Makes room for `height`, on a new page if needed.
    fn room(&mut self, height: f32) {
        if self.y - height < MARGIN + 20.0 {
            self.new_page();
        }
    }

    fn text_at(&mut self, x: f32, y: f32, text: &str, size: f32, bold: bool) {
        let font = if bold {
            b"F2".as_slice()
        } else {
            b"F1".as_slice()
        };
        let bytes = encode(text);
        let c = self.page();
        c.begin_text();
        c.set_font(Name(font), size);
        c.next_line(x, y);
        c.show(Str(&bytes));
        c.end_text();
    }

    /// Wrapped lines across the page's width.
    fn paragraph(&mut self, text: &str, size: f32, bold: bool) {
        for line in wrap(text, size, bold, WIDTH - 2.0 * MARGIN) {
            self.room(size * 1.3);
            self.y -= size * 1.3;
            let y = self.y;
            self.text_at(MARGIN, y, &line, size, bold);
        }
    }

    fn chart(&mut self, chart: &Chart) {
        let scale = 0.8_f32;
        let label = 170.0_f32;
        let bar_area = BAR_AREA as f32 * scale;
        let bar = BAR_HEIGHT as f32 * scale;
        let max = chart.max() as f32;
        // Legend.
        self.room(16.0);
        self.y -= 14.0;
        let mut x = MARGIN;
        for (i, name) in chart.series.iter().enumerate() {
            let (r, g, b) = COLOURS[i % COLOURS.len()];
            let y = self.y;
            let c = self.page();
            c.set_fill_rgb(
                f32::from(r) / 255.0,
                f32::from(g) / 255.0,
                f32::from(b) / 255.0,
            );
            c.rect(x, y, 9.0, 9.0);
            c.fill_nonzero();
            c.set_fill_rgb(0.1, 0.1, 0.1);
            self.text_at(x + 12.0, y + 1.0, name, 8.0, false);
            x += 24.0 + text_width(name, 8.0, false);
        }
        for (label_text, values) in &chart.bars {
            let group = values.len().max(1) as f32 * bar + 6.0;
            self.room(group);
            let top = self.y;
            let shown = wrap(label_text, 8.0, false, label - 8.0);
            let first = shown.first().cloned().unwrap_or_default();
            self.text_at(MARGIN, top - bar, &first, 8.0, false);
            for (i, (value, text)) in values.iter().enumerate() {
                let (r, g, b) = COLOURS[i % COLOURS.len()];
                let y = top - (i as f32 + 1.0) * bar;
                let w = (*value as f32).max(0.0) / max * bar_area;
                let c = self.page();
                c.set_fill_rgb(
                    f32::from(r) / 255.0,
                    f32::from(g) / 255.0,
                    f32::from(b) / 255.0,
                );
                c.rect(MARGIN + label, y + 1.0, w, bar - 2.0);
                c.fill_nonzero();
                c.set_fill_rgb(0.1, 0.1, 0.1);
                self.text_at(MARGIN + label + w + 3.0, y + 2.5, text, 7.0, false);
            }
            self.y = top - group;
        }
        self.y -= 6.0;
    }

    fn table(&mut self, columns: &[String], rows: &[Vec<Cell>]) {
        let available = WIDTH - 2.0 * MARGIN;
        let n = columns.len().max(1);
        // Natural widths, then the widest columns give way.
        let mut natural = vec![0.0_f32; n];
        let mut least = vec![24.0_f32; n];
        for (c, head) in columns.iter().enumerate() {
            natural[c] = text_width(head, BODY, true) + 2.0 * PAD;
            for w in head.split(' ') {
                least[c] = least[c].max(text_width(w, BODY, true) + 2.0 * PAD);
            }
        }
        for row in rows {
            for (c, cell) in row.iter().enumerate().take(n) {
                natural[c] = natural[c].max(text_width(cell.shown(), BODY, false) + 2.0 * PAD);
            }
        }
        let mut widths: Vec<f32> = natural.iter().map(|w| w.min(available)).collect();
        for _ in 0..50 {
            let total: f32 = widths.iter().sum();
            if total <= available {
                break;
            }
            let excess = total - available;
            let (widest, _) = widths.iter().enumerate().fold((0, 0.0_f32), |acc, (i, w)| {
                if *w > acc.1 { (i, *w) } else { acc }
            });
            let second = widths
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != widest)
                .map(|(_, w)| *w)
                .fold(0.0_f32, f32::max);
            let cut = excess.min((widths[widest] - second).max(excess / n as f32));
            widths[widest] = (widths[widest] - cut).max(least[widest]);
            if widths.iter().zip(&least).all(|(w, l)| *w <= *l) {
                break;
            }
        }
        let header: Vec<Vec<String>> = columns
            .iter()
            .enumerate()
            .map(|(c, h)| wrap(h, BODY, true, widths[c] - 2.0 * PAD))
            .collect();
        let draw_row = |l: &mut Layout, cells: &[Vec<String>], numeric: &[bool], bold: bool| {
            let lines = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
            let height = lines as f32 * LEADING + 2.0 * PAD;
            let top = l.y;
            let mut x = MARGIN;
            for (c, cell) in cells.iter().enumerate() {
                for (i, line) in cell.iter().enumerate() {
                    let y = top - PAD - (i as f32 + 1.0) * LEADING + 2.5;
                    let tx = if numeric.get(c).copied().unwrap_or(false) {
                        x + widths[c] - PAD - text_width(line, BODY, bold)
                    } else {
                        x + PAD
                    };
                    l.text_at(tx, y, line, BODY, bold);
                }
                x += widths[c];
            }
            let c = l.page();
            c.set_stroke_rgb(0.75, 0.75, 0.75);
            c.set_line_width(0.5);
            c.move_to(MARGIN, top - height);
            c.line_to(MARGIN + widths.iter().sum::<f32>(), top - height);
            c.stroke();
            l.y = top - height;
        };
        let none = vec![false; n];
        self.room(LEADING * 3.0);
        draw_row(self, &header, &none, true);
        for row in rows {
            let numeric: Vec<bool> = row
                .iter()
                .map(|c| matches!(c, Cell::Number { .. }))
                .collect();
            let cells: Vec<Vec<String>> = row
                .iter()
                .enumerate()
                .take(n)
                .map(|(c, cell)| wrap(cell.shown(), BODY, false, widths[c] - 2.0 * PAD))
                .collect();
            let lines = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
            let height = lines as f32 * LEADING + 2.0 * PAD;
            if self.y - height < MARGIN + 20.0 {
                self.new_page();
                draw_row(self, &header, &none, true);
            }
            draw_row(self, &cells, &numeric, false);
        }
        self.y -= 8.0;
    }
}

/// Lays out the document and writes the file.
pub(crate) fn write(doc: &Document) -> Vec<u8> {
    let mut l = Layout::new();
    l.paragraph(&doc.title, 16.0, true);
    l.y -= 4.0;
    for (label, value) in &doc.facts {
        l.paragraph(&format!("{label}: {value}"), 9.5, false);
    }
    for s in &doc.sections {
        l.y -= 10.0;
        l.room(60.0);
        l.paragraph(&s.heading, 12.5, true);
        l.y -= 2.0;
        if let Some(chart) = &s.chart {
            l.paragraph(&chart.title, 9.5, true);
            l.chart(chart);
        }
        l.table(&s.table.columns, &s.table.rows);
        for note in &s.notes {
            l.paragraph(note, 8.0, false);
        }
    }
    let total = l.pages.len();
    let mut pdf = Pdf::new();
    let catalog = Ref::new(1);
    let tree = Ref::new(2);
    let regular = Ref::new(3);
    let bold = Ref::new(4);
    let info = Ref::new(5);
    let first_page = 10;
    let page_ids: Vec<Ref> = (0..total)
        .map(|i| Ref::new(first_page + 2 * i32::try_from(i).unwrap_or(0)))
        .collect();
    pdf.catalog(catalog)
        .pages(tree)
        .lang(TextStr(&doc.language));
    pdf.document_info(info)
        .title(TextStr(&doc.title))
        .producer(TextStr("traject"));
    pdf.pages(tree)
        .kids(page_ids.iter().copied())
        .count(i32::try_from(total).unwrap_or(0));
    pdf.type1_font(regular)
        .base_font(Name(b"Helvetica"))
        .encoding_predefined(Name(b"WinAnsiEncoding"));
    pdf.type1_font(bold)
        .base_font(Name(b"Helvetica-Bold"))
        .encoding_predefined(Name(b"WinAnsiEncoding"));
    for (i, mut content) in l.pages.into_iter().enumerate() {
        // The page number at the foot.
        let foot = encode(&format!("{} / {total}", i + 1));
        content.begin_text();
        content.set_font(Name(b"F1"), 8.0);
        content.next_line(WIDTH - MARGIN - 30.0, MARGIN / 2.0);
        content.show(Str(&foot));
        content.end_text();
        let id = page_ids[i];
        let content_id = Ref::new(id.get() + 1);
        let mut page = pdf.page(id);
        page.media_box(Rect::new(0.0, 0.0, WIDTH, HEIGHT))
            .parent(tree)
            .contents(content_id);
        let mut resources = page.resources();
        resources
            .fonts()
            .pair(Name(b"F1"), regular)
            .pair(Name(b"F2"), bold);
        resources.finish();
        page.finish();
        pdf.stream(content_id, &content.finish());
    }
    pdf.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_encoded_for_the_standard_fonts() {
        assert_eq!(
            encode("é € œ ß"),
            vec![0xE9, b' ', 0x80, b' ', 0x9C, b' ', 0xDF]
        );
        assert_eq!(encode("≥ 5"), b">= 5".to_vec());
        assert_eq!(encode("Nguyễn"), b"Nguy?n".to_vec());
    }

    #[test]
    fn lines_wrap_within_their_width() {
        let lines = wrap("participants with a foreign background", 9.0, false, 80.0);
        assert!(lines.len() > 1);
        for line in &lines {
            assert!(text_width(line, 9.0, false) <= 80.0, "{line}");
        }
        let long = wrap(&"x".repeat(100), 9.0, false, 50.0);
        assert!(long.len() > 1, "a long word is cut");
    }
}
