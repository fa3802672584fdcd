//! Horizontal bar charts: one model, drawn as SVG for the web page and as
//! vector shapes in the PDF. The table beside a chart holds the same
//! numbers, so a screen reader user loses nothing.

/// A bar chart: labelled bars with one value per series.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Chart {
    pub title: String,
    /// Series names, e.g. "Budget" and "Actual"; one colour each.
    pub series: Vec<String>,
    /// A label and, per series, (value, shown text).
    pub bars: Vec<(String, Vec<(f64, String)>)>,
}

/// Colours with at least 4.5:1 contrast on white, told apart without colour
/// by the legend's order and the values written beside each bar.
pub(crate) const COLOURS: [(u8, u8, u8); 4] =
    [(31, 95, 153), (166, 77, 0), (46, 110, 46), (110, 60, 140)];

pub(crate) const LABEL_WIDTH: f64 = 210.0;
pub(crate) const BAR_AREA: f64 = 300.0;
pub(crate) const BAR_HEIGHT: f64 = 12.0;
pub(crate) const GAP: f64 = 8.0;

impl Chart {
    /// The largest value (at least something, so nothing divides by zero).
    pub(crate) fn max(&self) -> f64 {
        self.bars
            .iter()
            .flat_map(|b| b.1.iter().map(|v| v.0))
            .fold(0.0_f64, f64::max)
            .max(f64::MIN_POSITIVE)
    }

    /// Room for the longest bar label at 12 px (about 7 px a character),
    /// at least `LABEL_WIDTH`: a long budget line must not run off the left.
    fn label_width(&self) -> f64 {
        let longest = self
            .bars
            .iter()
            .map(|b| b.0.chars().count())
            .max()
            .unwrap_or(0);
        LABEL_WIDTH.max(longest as f64 * 7.0 + 12.0)
    }

    pub(crate) fn group_height(&self) -> f64 {
        self.series.len().max(1) as f64 * BAR_HEIGHT + GAP
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The chart as an SVG element to put in a page, labelled by its title.
/// `id` must be unique on the page.
pub fn svg(chart: &Chart, id: &str) -> String {
    let legend = 22.0;
    let height = legend + chart.bars.len() as f64 * chart.group_height() + 4.0;
    let label_width = chart.label_width();
    let width = label_width + BAR_AREA + 110.0;
    let max = chart.max();
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" aria-labelledby=\"{id}-title\" viewBox=\"0 0 {width} {height}\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\"><title id=\"{id}-title\">{}</title>",
        escape(&chart.title)
    );
    let mut x = 0.0;
    for (i, name) in chart.series.iter().enumerate() {
        let (r, g, b) = COLOURS[i % COLOURS.len()];
        out.push_str(&format!(
            "<rect x=\"{x}\" y=\"4\" width=\"12\" height=\"12\" fill=\"rgb({r},{g},{b})\"/><text x=\"{}\" y=\"14\" font-size=\"12\" fill=\"#1a1a1a\">{}</text>",
            x + 16.0,
            escape(name)
        ));
        x += 24.0 + name.chars().count() as f64 * 7.0;
    }
    for (n, (label, values)) in chart.bars.iter().enumerate() {
        let top = legend + n as f64 * chart.group_height();
        let middle = top + chart.series.len().max(1) as f64 * BAR_HEIGHT / 2.0 + 4.0;
        out.push_str(&format!(
            "<text x=\"{}\" y=\"{middle}\" font-size=\"12\" text-anchor=\"end\" fill=\"#1a1a1a\">{}</text>",
            label_width - 8.0,
            escape(label)
        ));
        for (i, (value, shown)) in values.iter().enumerate() {
            let (r, g, b) = COLOURS[i % COLOURS.len()];
            let y = top + i as f64 * BAR_HEIGHT;
            let w = (value.max(0.0) / max * BAR_AREA).max(if *value > 0.0 { 1.0 } else { 0.0 });
            out.push_str(&format!(
                "<rect x=\"{label_width}\" y=\"{y}\" width=\"{w:.1}\" height=\"{}\" fill=\"rgb({r},{g},{b})\"/><text x=\"{:.1}\" y=\"{}\" font-size=\"10\" fill=\"#1a1a1a\">{}</text>",
                BAR_HEIGHT - 2.0,
                label_width + w + 4.0,
                y + BAR_HEIGHT - 3.0,
                escape(shown)
            ));
        }
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_to_the_largest_and_text_is_escaped() {
        let chart = Chart {
            title: "Budget & actual <test>".into(),
            series: vec!["Budget".into(), "Actual".into()],
            bars: vec![
                (
                    "Catering".into(),
                    vec![(200.0, "€ 200".into()), (100.0, "€ 100".into())],
                ),
                (
                    "Rent".into(),
                    vec![(0.0, "€ 0".into()), (50.0, "€ 50".into())],
                ),
            ],
        };
        let s = svg(&chart, "c1");
        assert!(s.contains("<title id=\"c1-title\">Budget &amp; actual &lt;test&gt;</title>"));
        assert!(
            s.contains(&format!("width=\"{:.1}\"", BAR_AREA)),
            "the largest fills the area"
        );
        assert!(s.contains(&format!("width=\"{:.1}\"", BAR_AREA / 2.0)));
        assert!(s.contains("width=\"0.0\""), "nothing is no bar");
        // An empty chart still draws.
        assert!(svg(&Chart::default(), "c2").ends_with("</svg>"));
        // A label longer than the usual room widens the chart instead of
        // running off its left edge.
        let long = Chart {
            bars: vec![(
                "Begeleiding en toezicht kinderopvang (fictief)".into(),
                vec![(1.0, "1".into())],
            )],
            ..chart
        };
        let room = long.label_width();
        assert!(room >= 46.0 * 7.0, "{room}");
        assert!(svg(&long, "c3").contains(&format!("<rect x=\"{room}\"")));
    }
}
