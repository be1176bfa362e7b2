//! The photo view on a real pseudo-terminal (issue 25), as a patient opens it: a terminal
//! that answers no graphics query (this one, like tmux or SSH often) gets halfblocks, the
//! caption comes with the picture, and the keys still answer.

mod cli_support;
#[path = "../crates/aftercare-journal/tests/photo_fixtures/mod.rs"]
mod photo_fixtures;
mod pty_support;

use cli_support::Sandbox;
use pty_support::Pty;

#[test]
fn f_shows_the_days_photo_in_halfblocks_and_esc_closes_it() {
    let sandbox = Sandbox::new();
    let two_days_ago = jiff::ZonedDateTime::now()
        .date()
        .checked_sub(jiff::Span::new().days(2))
        .unwrap();
    sandbox.ok(&["treatment", "add", "--at", &format!("{two_days_ago} 09:00")]);
    let source = sandbox.home.path().join("IMG_0001.JPG");
    std::fs::write(&source, photo_fixtures::plain_jpeg(640, 480)).unwrap();
    sandbox.ok(&["photo", "add", source.to_str().unwrap(), "--view", "left"]);

    let mut app = Pty::app(sandbox.home.path(), &[]);
    app.wait_for("Today's care");
    app.keys(&["f"]);
    let screen = app.wait_for(" · left · ");
    assert!(screen.contains("Esc close"), "{screen}");
    let screen = app.wait_for("▀");
    assert!(screen.contains(" · left · "), "{screen}");
    app.keys(&["Escape"]);
    app.wait_for("Today's care");
    app.keys(&["q"]);
    assert!(
        app.exited(),
        "q quits: the keys were never taken by a graphics query"
    );
}
