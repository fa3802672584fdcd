//! A radar chart of life-domain scores, drawn on the server as SVG (no
//! script, prints as it shows). The data table beside it is its accessible
//! alternative; the SVG itself carries a title naming it.

use std::fmt::Write;

/// One line of the chart: its CSS class (its colour and dash) and the score
/// per axis (`None`: not answered, drawn at the centre and marked hollow).
pub struct Series<'a> {
    pub class: &'a str,
    pub values: Vec<Option<i64>>,
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The chart for `labels` (one axis each, clockwise from the top) on a scale
/// from 0 to `max`. `title`: the accessible name.
pub fn svg(title: &str, labels: &[String], max: i64, series: &[Series<'_>]) -> String {
    let n = labels.len();
    if n < 3 || max <= 0 {
        return String::new();
    }
    // Wide enough for the labels of the axes on either side.
    let (cx, cy, r) = (280.0_f64, 190.0_f64, 120.0_f64);
    let point = |axis: usize, value: f64| {
        let angle = -std::f64::consts::FRAC_PI_2 + axis as f64 * std::f64::consts::TAU / n as f64;
        let d = r * value / max as f64;
        (cx + d * angle.cos(), cy + d * angle.sin())
    };
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<svg class="radar" viewBox="0 0 560 380" role="img" aria-labelledby="radar-title" xmlns="http://www.w3.org/2000/svg"><title id="radar-title">{}</title>"#,
        esc(title)
    );
    // Rings at a fifth of the scale each, and the axes.
    for ring in 1..=5 {
        let v = max as f64 * f64::from(ring) / 5.0;
        let pts: Vec<String> = (0..n)
            .map(|a| {
                let (x, y) = point(a, v);
                format!("{x:.1},{y:.1}")
            })
            .collect();
        let _ = write!(
            out,
            r#"<polygon class="radar-ring" points="{}"/>"#,
            pts.join(" ")
        );
    }
    for (a, label) in labels.iter().enumerate() {
        let (x, y) = point(a, max as f64);
        let _ = write!(
            out,
            r#"<line class="radar-axis" x1="{cx}" y1="{cy}" x2="{x:.1}" y2="{y:.1}"/>"#
        );
        let (lx, ly) = point(a, max as f64 * 1.18);
        let anchor = if (lx - cx).abs() < 1.0 {
            "middle"
        } else if lx > cx {
            "start"
        } else {
            "end"
        };
        let _ = write!(
            out,
            r#"<text class="radar-label" x="{lx:.1}" y="{:.1}" text-anchor="{anchor}">{}</text>"#,
            ly + 4.0,
            esc(label)
        );
    }
    for s in series {
        let pts: Vec<String> = s
            .values
            .iter()
            .enumerate()
            .map(|(a, v)| {
                let (x, y) = point(a, v.unwrap_or(0) as f64);
                format!("{x:.1},{y:.1}")
            })
            .collect();
        let _ = write!(
            out,
            r#"<polygon class="radar-series {}" points="{}"/>"#,
            esc(s.class),
            pts.join(" ")
        );
        for (a, v) in s.values.iter().enumerate() {
            let (x, y) = point(a, v.unwrap_or(0) as f64);
            let hollow = if v.is_none() { " radar-missing" } else { "" };
            let _ = write!(
                out,
                r#"<circle class="radar-dot {}{hollow}" cx="{x:.1}" cy="{y:.1}" r="4"/>"#,
                esc(s.class)
            );
        }
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_point_per_axis_and_the_scale_holds() {
        let labels: Vec<String> = ["A", "B", "C", "D"].iter().map(|s| s.to_string()).collect();
        let chart = svg(
            "Scores <1>",
            &labels,
            10,
            &[Series {
                class: "intake",
                values: vec![Some(10), Some(0), Some(5), None],
            }],
        );
        assert!(chart.contains("<title id=\"radar-title\">Scores &lt;1&gt;</title>"));
        assert_eq!(chart.matches("radar-dot").count(), 4);
        assert_eq!(chart.matches("radar-missing").count(), 1);
        // 10 on the first axis (straight up): the top of the outer ring.
        assert!(chart.contains("cx=\"280.0\" cy=\"70.0\""));
        assert!(
            svg("x", &labels[..2], 10, &[]).is_empty(),
            "needs three axes"
        );
    }
}
