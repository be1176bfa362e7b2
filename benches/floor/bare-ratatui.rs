//! The floor for "start to first frame": a bare ratatui program that draws one screen of
//! the same size as aftercare's (a bordered panel, a title, a screenful of text, a footer)
//! and quits, as `AFTERCARE_EXIT_AFTER_FIRST_FRAME=1` makes aftercare do.
//!
//! `benches/measure.sh` times it beside aftercare in the same run, interleaved, so the ratio
//! "aftercare / bare ratatui" does not depend on the machine or its load. Built as the
//! example `bare-ratatui` (see Cargo.toml) so the script finds it at a fixed path.

use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph};

fn main() -> std::io::Result<()> {
    ratatui::run(|terminal| {
        terminal.draw(|frame| {
            let area = frame.area();
            let body = Rect {
                height: area.height.saturating_sub(1),
                ..area
            };
            let lines: Vec<Line> = (1..=body.height)
                .map(|n| Line::from(format!("  [ ] item {n:>2} of a checklist, with its hint")))
                .collect();
            frame.render_widget(
                Paragraph::new(lines).block(
                    Block::default()
                        .borders(Borders::ALL)
                        .title(" Day 2 after treatment ")
                        .border_style(Style::default().fg(Color::Cyan)),
                ),
                body,
            );
            let footer = Rect {
                y: area.bottom().saturating_sub(1),
                height: area.height.min(1),
                ..area
            };
            frame.render_widget(Line::from(" q quit · ? help"), footer);
        })?;
        Ok(())
    })
}
