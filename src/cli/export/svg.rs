//! A small SVG writer for the HTML report's charts.
//!
//! Why not `plotters`: its SVG backend lays out text only with a font feature (`ttf` or
//! `ab_glyph`), which brings a font stack into a tool that needs none; our charts are a few
//! rectangles, lines and labels, and written by hand they come out byte-for-byte the same
//! on every machine (snapshot-testable), carry `<title>` tooltips and `data-` attributes the
//! tests read, and escape every label exactly as the rest of the report does.

use std::fmt::Write as _;

/// Text made safe inside HTML or SVG, in content and in quoted attributes alike.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters are not allowed in HTML text; a stray one is dropped.
            c if c.is_control() && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// A coordinate with at most one decimal, without a trailing ".0": small, stable output.
pub fn num(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded == rounded.trunc() {
        format!("{}", rounded as i64)
    } else {
        format!("{rounded:.1}")
    }
}

/// An SVG image being written, to be inlined in HTML5 (which needs no `xmlns`: the report
/// holds no URL at all). Every method appends one element; attribute values are
/// escaped, numbers rounded by [`num`].
#[derive(Debug)]
pub struct Svg {
    out: String,
}

/// Extra attributes of an element, as (name, value) pairs; values are escaped.
pub type Attrs<'a> = &'a [(&'a str, &'a str)];

impl Svg {
    /// An image of `width` × `height` units that scales to its container; `label` is read
    /// out by screen readers and shown where the image cannot be.
    pub fn new(width: f64, height: f64, label: &str) -> Svg {
        let mut out = String::new();
        let _ = write!(
            out,
            "<svg viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"{}\">",
            num(width),
            num(height),
            escape(label)
        );
        let _ = write!(out, "<title>{}</title>", escape(label));
        Svg { out }
    }

    fn attrs(&mut self, attrs: Attrs<'_>) {
        for (name, value) in attrs {
            let _ = write!(self.out, " {name}=\"{}\"", escape(value));
        }
    }

    pub fn rect(&mut self, x: f64, y: f64, width: f64, height: f64, attrs: Attrs<'_>) {
        self.open_rect((x, y, width, height), attrs);
        self.out.push_str("/>");
    }

    /// A rectangle with a tooltip (`<title>`), for a day cell.
    pub fn rect_titled(
        &mut self,
        (x, y, width, height): (f64, f64, f64, f64),
        title: &str,
        attrs: Attrs<'_>,
    ) {
        self.open_rect((x, y, width, height), attrs);
        let _ = write!(self.out, "><title>{}</title></rect>", escape(title));
    }

    /// `<rect` with its place, size (never negative) and attributes, left open.
    fn open_rect(&mut self, (x, y, width, height): (f64, f64, f64, f64), attrs: Attrs<'_>) {
        let _ = write!(
            self.out,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"",
            num(x),
            num(y),
            num(width.max(0.0)),
            num(height.max(0.0))
        );
        self.attrs(attrs);
    }

    pub fn line(&mut self, (x1, y1): (f64, f64), (x2, y2): (f64, f64), attrs: Attrs<'_>) {
        let _ = write!(
            self.out,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"",
            num(x1),
            num(y1),
            num(x2),
            num(y2)
        );
        self.attrs(attrs);
        self.out.push_str("/>");
    }

    /// A line through `points`; nothing for fewer than two.
    pub fn polyline(&mut self, points: &[(f64, f64)], attrs: Attrs<'_>) {
        self.shape_through("polyline", 2, points, attrs);
    }

    /// A closed shape through `points`; nothing for fewer than three.
    pub fn polygon(&mut self, points: &[(f64, f64)], attrs: Attrs<'_>) {
        self.shape_through("polygon", 3, points, attrs);
    }

    /// `<tag points="…" …/>`, drawn only with at least `fewest` points.
    fn shape_through(&mut self, tag: &str, fewest: usize, points: &[(f64, f64)], attrs: Attrs<'_>) {
        if points.len() < fewest {
            return;
        }
        let _ = write!(self.out, "<{tag} points=\"{}\"", points_text(points));
        self.attrs(attrs);
        self.out.push_str("/>");
    }

    /// A dot with a tooltip, for one data point.
    pub fn circle(&mut self, (x, y): (f64, f64), radius: f64, title: &str, attrs: Attrs<'_>) {
        let _ = write!(
            self.out,
            "<circle cx=\"{}\" cy=\"{}\" r=\"{}\"",
            num(x),
            num(y),
            num(radius)
        );
        self.attrs(attrs);
        let _ = write!(self.out, "><title>{}</title></circle>", escape(title));
    }

    /// A label; `anchor` is `start`, `middle` or `end`.
    pub fn text(&mut self, (x, y): (f64, f64), text: &str, anchor: &str, attrs: Attrs<'_>) {
        let _ = write!(
            self.out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"{anchor}\"",
            num(x),
            num(y)
        );
        self.attrs(attrs);
        let _ = write!(self.out, ">{}</text>", escape(text));
    }

    /// Opens a group (`<g>`); close it with [`Svg::end_group`].
    pub fn group(&mut self, attrs: Attrs<'_>) {
        self.out.push_str("<g");
        self.attrs(attrs);
        self.out.push('>');
    }

    pub fn end_group(&mut self) {
        self.out.push_str("</g>");
    }

    pub fn finish(mut self) -> String {
        self.out.push_str("</svg>");
        self.out
    }
}

fn points_text(points: &[(f64, f64)]) -> String {
    points
        .iter()
        .map(|(x, y)| format!("{},{}", num(*x), num(*y)))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_covers_every_html_special_character_and_drops_controls() {
        assert_eq!(
            escape("<script>&\"'\u{1b}[31m\nok"),
            "&lt;script&gt;&amp;&quot;&#39;[31m\nok"
        );
    }

    #[test]
    fn numbers_are_short_and_stable() {
        assert_eq!(num(3.0), "3");
        assert_eq!(num(3.04), "3");
        assert_eq!(num(3.06), "3.1");
        assert_eq!(num(-0.26), "-0.3");
    }

    #[test]
    fn a_document_is_well_formed_and_escapes_labels_and_attributes() {
        let mut svg = Svg::new(100.0, 50.0, "Chart <of> \"you\"");
        svg.group(&[("class", "a&b")]);
        svg.rect(0.0, 0.0, 10.0, -5.0, &[]);
        svg.polyline(&[(0.0, 0.0)], &[]);
        svg.polyline(&[(0.0, 0.0), (1.25, 2.0)], &[("stroke", "red")]);
        svg.text((1.0, 2.0), "x < y", "start", &[]);
        svg.circle((1.0, 1.0), 2.0, "day 1: 3", &[]);
        svg.end_group();
        let text = svg.finish();
        assert_eq!(
            text,
            "<svg viewBox=\"0 0 100 50\" role=\"img\" \
             aria-label=\"Chart &lt;of&gt; &quot;you&quot;\"><title>Chart &lt;of&gt; &quot;you&quot;</title>\
             <g class=\"a&amp;b\"><rect x=\"0\" y=\"0\" width=\"10\" height=\"0\"/>\
             <polyline points=\"0,0 1.3,2\" stroke=\"red\"/>\
             <text x=\"1\" y=\"2\" text-anchor=\"start\">x &lt; y</text>\
             <circle cx=\"1\" cy=\"1\" r=\"2\"><title>day 1: 3</title></circle></g></svg>"
        );
    }
}
