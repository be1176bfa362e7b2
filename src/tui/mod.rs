//! The terminal app: the loop (here) sets up the terminal, turns events into actions, draws,
//! and restores; `app` holds the state and applies what the screens' views (`today`,
//! `history`, `plan`, sharing `view`'s effects) ask for; `keys` is the one table of
//! bindings, `ui` draws; `timer` and `undo` are one home each for those features.

pub mod action;
pub mod app;
pub mod error;
pub mod forms;
pub mod frame;
pub mod history;
pub mod keys;
pub mod mouse;
pub mod photos;
pub mod plan;
pub mod plan_watch;
pub mod state;
pub mod timer;
pub mod today;
pub mod ui;
pub mod undo;
pub mod view;
pub mod wake;

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event};

use crate::clock::SystemClock;
use crate::journal::paths::{Paths, ReminderPaths};
use crate::journal::{COMMAND_LOCK_WAIT, Journal, Layout};
use crate::tui::app::{Action, App};
pub use crate::tui::error::TuiError;
use crate::tui::keys::{key_to_action, paste_actions};
use crate::tui::ui::Theme;

/// A measurement aid, not a feature: with this set to `1` the app quits right after drawing
/// its first frame, so `benches/measure.sh` can time start-up to first frame as a whole
/// process under a pseudo-terminal (see the README's Performance section).
pub const EXIT_AFTER_FIRST_FRAME: &str = "AFTERCARE_EXIT_AFTER_FIRST_FRAME";

/// What the app says, instead of drawing, where there is no terminal to draw on.
pub const NO_TERMINAL: &str = "aftercare needs a terminal; try `aftercare status`";

/// Checks there is a terminal to draw on, before anything is read, locked or drawn: a
/// controlling terminal (none under cron, `ssh host aftercare`, `setsid`), and stdout going
/// to it (`aftercare > file` would otherwise write every screen, notes included, into the
/// file). The error is [`NO_TERMINAL`] with the reason.
pub fn check_terminal() -> Result<(), TuiError> {
    use std::io::IsTerminal as _;
    let controlling = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/tty");
    if controlling.is_err() {
        return Err(TuiError::NoTerminal);
    }
    if !io::stdout().is_terminal() {
        return Err(TuiError::NotToScreen);
    }
    Ok(())
}

/// Opens the app. Everything that can fail on the patient's files fails here, before the
/// terminal is touched, so the error is one readable line on a normal screen.
///
/// `ascii` draws with ASCII glyphs only (`--ascii`), as a console without a Unicode font
/// needs; the environment can ask for it too (see `ui::theme::ascii_from_env`).
pub fn run(paths: &Paths, ascii: bool) -> Result<(), TuiError> {
    check_terminal()?;
    let (plan, source) = crate::journal::plan_file::load(&paths.plan_override)?;
    // A second copy is refused here, with the first one's pid, before the terminal changes.
    // Its housekeeping (listing folders that grow with the years) waits for the first
    // frame: see `App::tidy_journal`.
    let journal =
        Journal::open_writable_untidied(Layout::new(&paths.journal_dir), COMMAND_LOCK_WAIT)?;
    let mut app = App::new(plan, source, journal, Box::new(SystemClock::new()))?
        .with_plan_file(paths.plan_override.clone());
    // Without a state dir (no HOME) timers still work, for as long as the app is open.
    if let Ok(places) = ReminderPaths::resolve() {
        app = app.with_conventions(crate::cli::remind::settings::conventions_in_force(
            &places.settings,
        ));
        app.keep_timers(places);
    }
    if let Some(warning) = crate::journal::folder::privacy_notice(&paths.journal_dir) {
        app.warn(warning);
    }
    let theme = Theme::from_env().with_ascii(ascii);
    let stop = stop_on_signals().map_err(TuiError::Signals)?;
    if std::env::var_os(EXIT_AFTER_FIRST_FRAME).is_some_and(|v| v == "1") {
        // Measurement aid: leave as a signal would, right after the first frame.
        stop.store(true, Ordering::Relaxed);
    }
    // `ratatui::run` restores the terminal on return (error returns included) and installs
    // a panic hook that does too; a termination signal only ends the loop, so it does too.
    ratatui::run(|terminal| {
        set_extras(true)?;
        let result = event_loop(terminal, &mut app, &theme, &stop);
        let _ = set_extras(false);
        result
    })
    .map_err(TuiError::Terminal)
}

/// A flag raised by SIGTERM (`kill`, shutdown), SIGHUP (terminal closed) or SIGINT.
///
/// Their default action kills the process at once, leaving the terminal in raw mode on the
/// alternate screen; with the flag, the loop ends at its next wake-up (within a second) and
/// the terminal is restored. Every change is already saved when it is made.
fn stop_on_signals() -> io::Result<Arc<AtomicBool>> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [SIGTERM, SIGHUP, SIGINT] {
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    Ok(stop)
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    theme: &Theme,
    stop: &AtomicBool,
) -> io::Result<()> {
    // Draw when something changed (a key, a resize, a tick that changed the state) or when
    // the screen changes with time alone (`wake::next_change`); wake at least once a second.
    let mut timers_told = app.timers_ended();
    let size = terminal.size()?;
    app.update(Action::Resized(size.width, size.height));
    let mut dirty = true;
    let mut due = Instant::now();
    loop {
        if dirty || Instant::now() >= due {
            terminal.draw(|frame| ui::draw(frame, app, theme))?;
            due = Instant::now() + wake::next_change(app);
        }
        if app.timers_ended() != timers_told {
            timers_told = app.timers_ended();
            tell_timer_end(app.timer_alert());
        }
        if app.should_quit() {
            return Ok(());
        }
        // The terminal is asked how it shows pictures the first time the photo view
        // opens, not at start: a terminal that never answers (ratatui-image's query keeps
        // reading standard input after its timeout) then costs nothing to whoever never
        // looks at photos. We are in the alternate screen and between event reads.
        if app.wants_picker() {
            app.set_picker(photos::picker::from_terminal());
            continue;
        }
        if stop.load(Ordering::Relaxed) {
            // Changes are saved as they are made; this is one last try for any whose save
            // failed. There is no one left to show an error to.
            let _ = app.save();
            return Ok(());
        }
        // Right after the first frame, before any key or tick: the journal's housekeeping
        // (a merged conflict copy is shown at once).
        if app.tidy_journal() {
            continue;
        }
        let sleep = due
            .saturating_duration_since(Instant::now())
            .min(wake::MAX_SLEEP);
        if event::poll(sleep)? {
            dirty = true;
            match event::read()? {
                Event::Key(key) => match key_to_action(key, app.key_context()) {
                    Some(Action::Suspend) => suspend(terminal)?,
                    Some(action) => app.update(action),
                    None => {}
                },
                Event::Mouse(mouse) => {
                    let size = terminal.size()?;
                    let area = ratatui::layout::Rect::new(0, 0, size.width, size.height);
                    for action in mouse::mouse_actions(app, area, mouse) {
                        app.update(action);
                    }
                }
                Event::Paste(text) => {
                    for action in paste_actions(&text, app.key_context()) {
                        app.update(action);
                    }
                }
                Event::Resize(width, height) => app.update(Action::Resized(width, height)),
                // Any other event (focus) just redraws.
                _ => {}
            }
        } else {
            let before = TickView::of(app);
            app.update(Action::Tick);
            dirty = TickView::of(app) != before;
        }
    }
}

/// What a clock tick can change besides the passing of time (which `wake` schedules): a
/// message, a timer ending, the day turning, a save that went through at last. A tick that
/// changes none of these draws nothing.
#[derive(PartialEq)]
struct TickView {
    status: Option<app::Status>,
    timer: bool,
    date: jiff::civil::Date,
    today: jiff::civil::Date,
    screen: std::mem::Discriminant<app::Screen>,
    unsaved: bool,
    outside_changes: u64,
    timers_ended: u64,
    /// A reloaded plan or journal can raise or clear an alert.
    alerts: Vec<crate::domain::alerts::Alert>,
    /// Pictures or an import finished off the UI thread.
    photos_arrived: u64,
}

impl TickView {
    fn of(app: &App) -> TickView {
        TickView {
            status: app.status().cloned(),
            timer: app.timer().is_some(),
            date: app.date(),
            today: app.today(),
            screen: std::mem::discriminant(app.screen()),
            unsaved: app.journal().has_unsaved_changes(),
            outside_changes: app.outside_changes(),
            timers_ended: app.timers_ended(),
            alerts: app.alerts().to_vec(),
            photos_arrived: app.photo_images().arrived,
        }
    }
}

/// Bracketed paste (a pasted line break is text, not Enter) and mouse reports, on or off.
fn set_extras(on: bool) -> io::Result<()> {
    use ratatui::crossterm::event::{
        DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    };
    use ratatui::crossterm::execute;
    if on {
        execute!(io::stdout(), EnableBracketedPaste, EnableMouseCapture)
    } else {
        execute!(io::stdout(), DisableBracketedPaste, DisableMouseCapture)
    }
}

/// Ctrl-Z: gives the terminal back as it was, stops the process as the shell expects
/// (SIGTSTP), and on `fg` takes the screen again and redraws it whole.
fn suspend(terminal: &mut DefaultTerminal) -> io::Result<()> {
    set_extras(false)?;
    ratatui::restore();
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    // Running again: the shell resumed us with SIGCONT.
    *terminal = ratatui::try_init()?;
    set_extras(true)?;
    terminal.clear()
}

/// A timer ended: the terminal bell, for a hidden or background terminal, and the same
/// desktop notification `aftercare remind` would show (unless it already did). The
/// notification goes out on a thread of its own, so a slow service never stalls a key.
fn tell_timer_end(alert: Option<&timer::TimerAlert>) {
    use std::io::Write as _;
    let mut out = io::stdout();
    // A lost bell is not worth an error on screen.
    let _ = out.write_all(b"\x07").and_then(|()| out.flush());
    if let Some(alert) = alert.filter(|alert| alert.notify) {
        let (summary, body) = (alert.summary.clone(), alert.body.clone());
        std::thread::spawn(move || {
            use crate::notify::Notifier as _;
            let _ = crate::notify::Desktop.notify(&summary, &body);
        });
    }
}
