//! Splitting an area into rows or columns by plain arithmetic, for the splits the screens
//! use (fixed lengths around one part that takes the rest).
//!
//! ratatui's `Layout` solves every split with a constraint solver and caches the answer
//! per thread: the first frame solved them all, which made it five times slower than a
//! warm one (2.5 million of its instructions, measured with callgrind). For these shapes
//! the answer is simple arithmetic, and exactly `Layout`'s (the tests below compare them);
//! any other shape, or an area too small for the fixed parts, goes to `Layout`.

use ratatui::layout::{Constraint, Layout, Rect};

/// Top to bottom, as `Layout::vertical(constraints).areas(area)`.
pub fn rows<const N: usize>(area: Rect, constraints: [Constraint; N]) -> [Rect; N] {
    match sizes(area.height, &constraints, 0) {
        Some(heights) => {
            let mut y = area.y;
            heights.map(|height| {
                let rect = Rect::new(area.x, y, area.width, height);
                y += height;
                rect
            })
        }
        None => Layout::vertical(constraints).areas(area),
    }
}

/// Left to right with `spacing` columns between parts, as
/// `Layout::horizontal(constraints).spacing(spacing).areas(area)`.
pub fn columns<const N: usize>(
    area: Rect,
    constraints: [Constraint; N],
    spacing: u16,
) -> [Rect; N] {
    match sizes(area.width, &constraints, spacing) {
        Some(widths) => {
            let mut x = area.x;
            widths.map(|width| {
                let rect = Rect::new(x, area.y, width, area.height);
                x += width + spacing;
                rect
            })
        }
        None => Layout::horizontal(constraints).spacing(spacing).areas(area),
    }
}

/// Each part's size when the shape is one the arithmetic answers exactly: lengths and at
/// most one `Min` that takes what is left, all fitting. `None` otherwise.
fn sizes<const N: usize>(
    total: u16,
    constraints: &[Constraint; N],
    spacing: u16,
) -> Option<[u16; N]> {
    let mut fixed: u32 = u32::from(spacing) * u32::try_from(N.saturating_sub(1)).ok()?;
    let mut flexible = None;
    for (index, constraint) in constraints.iter().enumerate() {
        match *constraint {
            Constraint::Length(length) => fixed += u32::from(length),
            Constraint::Min(min) if flexible.is_none() => {
                fixed += u32::from(min);
                flexible = Some((index, min));
            }
            _ => return None,
        }
    }
    let total = u32::from(total);
    let spare = total.checked_sub(fixed)?;
    // Without a part to take the rest, `Layout` places the spare room by its flex rule.
    if flexible.is_none() && spare != 0 {
        return None;
    }
    let mut out = [0; N];
    for (index, constraint) in constraints.iter().enumerate() {
        out[index] = match *constraint {
            Constraint::Length(length) => length,
            _ => u16::try_from(spare + u32::from(flexible.map_or(0, |(_, min)| min))).ok()?,
        };
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Constraint::{Length, Min, Percentage};

    /// Every size from nothing to well past 80×24, against `Layout` itself.
    #[test]
    fn the_same_areas_as_ratatui_layout() {
        let shapes3 = [
            [Length(1), Length(0), Min(0)],
            [Length(1), Length(2), Min(0)],
            [Min(0), Length(1), Length(1)],
            [Length(1), Length(9), Min(0)],
            [Length(1); 3],
            [Length(1), Min(3), Length(2)],
            [Length(1), Percentage(50), Min(0)],
        ];
        let shapes2 = [
            [Min(0), Length(34)],
            [Length(26), Min(0)],
            [Min(0), Length(14)],
            [Min(0), Min(0)],
        ];
        for size in 0..120u16 {
            let area = Rect::new(3, 2, size, size);
            for shape in shapes3 {
                assert_eq!(
                    rows(area, shape),
                    Layout::vertical(shape).areas(area),
                    "{shape:?} in {size}"
                );
            }
            for shape in shapes2 {
                for spacing in [0, 1] {
                    assert_eq!(
                        columns(area, shape, spacing),
                        Layout::horizontal(shape).spacing(spacing).areas(area),
                        "{shape:?} spacing {spacing} in {size}"
                    );
                }
            }
        }
    }
}
