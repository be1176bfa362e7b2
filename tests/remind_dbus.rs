//! `aftercare remind` against a real D-Bus session bus: a private bus run in the test
//! (busd) and a small `org.freedesktop.Notifications` server of the test's own (zbus) that
//! records every `Notify` call. The real binary runs with `DBUS_SESSION_BUS_ADDRESS`
//! pointing there.

mod cli_support;
mod pty_support;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use cli_support::{Run, Sandbox, run_command};
use jiff::{SignedDuration, Timestamp};
use pty_support::Pty;

/// One recorded `Notify` call: application name, summary, body.
type Call = (String, String, String);

/// A private session bus of the test's own: busd (the zbus authors' broker) in this process,
/// on a socket in a temporary folder. No system `dbus-daemon` is needed.
struct Bus {
    address: String,
    _folder: tempfile::TempDir,
}

impl Bus {
    fn start() -> Bus {
        let folder = tempfile::tempdir().unwrap();
        let address = format!("unix:path={}", folder.path().join("bus").display());
        let (listening, ready) = std::sync::mpsc::channel();
        let listen_at = address.clone();
        std::thread::spawn(move || {
            zbus::block_on(async move {
                let mut bus = busd::bus::Bus::for_address(Some(&listen_at))
                    .await
                    .expect("the test's bus starts");
                listening.send(()).unwrap();
                bus.run().await
            })
        });
        ready.recv().expect("the test's bus listens");
        Bus {
            address,
            _folder: folder,
        }
    }
}

/// True when `output` holds a bell (BEL) of its own, not the end of an operating-system
/// command such as a window title (`ESC ] … BEL`).
fn rang_the_bell(output: &str) -> bool {
    let (mut in_command, mut after_escape) = (false, false);
    for c in output.chars() {
        match c {
            ']' if after_escape => in_command = true,
            '\\' if after_escape => in_command = false,
            '\x07' if in_command => in_command = false,
            '\x07' => return true,
            _ => {}
        }
        after_escape = c == '\x1b';
    }
    false
}

/// The notification server: records each call and answers with a new id.
struct Server {
    calls: Arc<Mutex<Vec<Call>>>,
}

#[zbus::interface(name = "org.freedesktop.Notifications")]
impl Server {
    #[allow(clippy::too_many_arguments)]
    fn notify(
        &self,
        app_name: String,
        _replaces_id: u32,
        _app_icon: String,
        summary: String,
        body: String,
        _actions: Vec<String>,
        _hints: HashMap<String, zbus::OwnedVariant>,
        _expire_timeout: i32,
    ) -> u32 {
        let mut calls = self.calls.lock().unwrap();
        calls.push((app_name, summary, body));
        u32::try_from(calls.len()).unwrap()
    }

    fn get_capabilities(&self) -> Vec<String> {
        vec!["body".into()]
    }

    fn get_server_information(&self) -> (String, String, String, String) {
        ("test".into(), "aftercare".into(), "0".into(), "1.2".into())
    }

    fn close_notification(&self, _id: u32) {}
}

/// Serves on `bus` until dropped; `calls` fills as the binary notifies.
struct Notifications {
    _connection: zbus::Connection,
    calls: Arc<Mutex<Vec<Call>>>,
}

impl Notifications {
    fn serve(bus: &Bus) -> Notifications {
        let calls = Arc::new(Mutex::new(Vec::new()));
        let server = Server {
            calls: calls.clone(),
        };
        let connection = zbus::block_on(async {
            zbus::connection::Builder::address(bus.address.as_str())
                .name("org.freedesktop.Notifications")
                .serve_at("/org/freedesktop/Notifications", server)
                .build()
                .await
        })
        .expect("the test's notification server starts");
        Notifications {
            _connection: connection,
            calls,
        }
    }

    fn calls(&self) -> Vec<Call> {
        self.calls.lock().unwrap().clone()
    }
}

/// A sandbox treated `ago` before now (UTC), with quiet hours and the evening reminder
/// off so that the real time of day cannot change what is due.
fn treated(ago: SignedDuration) -> Sandbox {
    let sandbox = Sandbox::new();
    let at = Timestamp::now()
        .checked_sub(ago)
        .unwrap()
        .strftime("%Y-%m-%d %H:%M")
        .to_string();
    sandbox.ok(&["treatment", "add", "--at", &at]);
    sandbox.ok(&["remind", "--set", "quiet=off", "--set", "evening=off"]);
    sandbox
}

fn remind(sandbox: &Sandbox, bus_address: &str) -> Run {
    let mut command = sandbox.command_in("UTC", &["remind"]);
    command
        .env("DBUS_SESSION_BUS_ADDRESS", bus_address)
        .env_remove("XDG_RUNTIME_DIR");
    run_command(command)
}

const MAKEUP: &str = "Makeup and skincare products";
const SWEAT: &str = "Sweat: exercise, hot showers";
const PASSED: &str = "24 h since your session — minimum time passed";

#[test]
fn each_reminder_reaches_the_notification_server_once() {
    let bus = Bus::start();
    let server = Notifications::serve(&bus);
    // 24 h and two minutes ago: makeup and sweat have just passed their minimum.
    let sandbox = treated(SignedDuration::from_mins(24 * 60 + 2));
    let first = remind(&sandbox, &bus.address);
    assert_eq!(first.code, 0, "{}", first.stderr);
    assert_eq!(first.stderr, "");
    assert_eq!(
        first.stdout,
        format!("{MAKEUP}: {PASSED}\n{SWEAT}: {PASSED}\n")
    );
    let expected = vec![
        (
            "aftercare".to_string(),
            MAKEUP.to_string(),
            PASSED.to_string(),
        ),
        (
            "aftercare".to_string(),
            SWEAT.to_string(),
            PASSED.to_string(),
        ),
    ];
    assert_eq!(server.calls(), expected);
    for _ in 0..3 {
        let again = remind(&sandbox, &bus.address);
        assert_eq!((again.code, again.stdout.as_str()), (0, ""));
    }
    assert_eq!(server.calls(), expected, "nothing delivered twice");
}

#[test]
fn reminders_missed_while_asleep_arrive_as_one_summary() {
    let bus = Bus::start();
    let server = Notifications::serve(&bus);
    // Both passed three hours ago, while the machine slept.
    let sandbox = treated(SignedDuration::from_hours(27));
    let run = remind(&sandbox, &bus.address);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout.lines().count(), 2, "{}", run.stdout);
    let calls = server.calls();
    assert_eq!(calls.len(), 1, "{calls:?}");
    assert_eq!(calls[0].1, "While you were away: 2 reminders");
    assert!(
        calls[0].2.contains(MAKEUP) && calls[0].2.contains(SWEAT),
        "{}",
        calls[0].2
    );
    assert_eq!(remind(&sandbox, &bus.address).stdout, "");
    assert_eq!(server.calls().len(), 1);
}

#[test]
fn without_a_reachable_bus_remind_prints_says_so_once_and_succeeds() {
    let sandbox = treated(SignedDuration::from_mins(24 * 60 + 2));
    let dir = tempfile::TempDir::new().unwrap();
    let nowhere = format!("unix:path={}", dir.path().join("no-bus").display());
    let run = remind(&sandbox, &nowhere);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        format!("{MAKEUP}: {PASSED}\n{SWEAT}: {PASSED}\n")
    );
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    assert!(
        run.stderr
            .starts_with("aftercare: no desktop notification ("),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .ends_with("the reminders are printed here only\n")
    );
    // Printed is delivered: the next run has nothing to say, and no warning either.
    let again = remind(&sandbox, &nowhere);
    assert_eq!((again.stdout.as_str(), again.stderr.as_str()), ("", ""));
}

#[test]
fn a_bus_without_a_notification_service_does_not_hang_the_run() {
    let bus = Bus::start();
    let sandbox = treated(SignedDuration::from_mins(24 * 60 + 2));
    let started = Instant::now();
    let run = remind(&sandbox, &bus.address);
    let took = started.elapsed();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout.lines().count(), 2);
    assert!(
        run.stderr.contains("no desktop notification"),
        "{}",
        run.stderr
    );
    assert!(took < Duration::from_secs(10), "took {took:?}");
}

/// A notification server that takes the call and never answers.
struct Stuck;

#[zbus::interface(name = "org.freedesktop.Notifications")]
impl Stuck {
    #[allow(clippy::too_many_arguments)]
    async fn notify(
        &self,
        _app_name: String,
        _replaces_id: u32,
        _app_icon: String,
        _summary: String,
        _body: String,
        _actions: Vec<String>,
        _hints: HashMap<String, zbus::OwnedVariant>,
        _expire_timeout: i32,
    ) -> u32 {
        std::future::pending::<u32>().await
    }
}

#[test]
fn a_notification_service_that_never_answers_does_not_hold_the_run() {
    let bus = Bus::start();
    let _stuck = zbus::block_on(async {
        zbus::connection::Builder::address(bus.address.as_str())
            .name("org.freedesktop.Notifications")
            .serve_at("/org/freedesktop/Notifications", Stuck)
            .build()
            .await
    })
    .expect("the stuck server starts");
    let sandbox = treated(SignedDuration::from_mins(24 * 60 + 2));
    let started = Instant::now();
    let run = remind(&sandbox, &bus.address);
    let took = started.elapsed();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout.lines().count(), 2);
    assert!(
        run.stderr.contains("did not answer within 5 s"),
        "{}",
        run.stderr
    );
    assert!(took < Duration::from_secs(9), "took {took:?}");
    // Told on stdout, so told: the next run neither repeats nor waits again.
    let started = Instant::now();
    assert_eq!(remind(&sandbox, &bus.address).stdout, "");
    assert!(started.elapsed() < Duration::from_secs(2));
}

/// The real app in a private tmux: a stored timer with seconds left is picked up, and when
/// it ends the app rings the terminal bell, sends the notification to the session bus
/// (recorded by the test's server) and logs the session.
#[test]
fn the_open_app_rings_and_notifies_when_its_timer_ends() {
    use aftercare::domain::time::Stamp;
    use aftercare::domain::timer::{RunningTimer, TIMER_VERSION};

    let bus = Bus::start();
    let server = Notifications::serve(&bus);
    let sandbox = treated(SignedDuration::from_mins(30));
    // A session started 11 min 55 s ago: it ends five seconds after the app opens (time
    // enough to start even on a busy machine, where it would be logged on opening instead).
    let now = Timestamp::now();
    let stamp = |at: Timestamp| -> Stamp {
        format!("{}", at.round(jiff::Unit::Second).unwrap())
            .parse()
            .unwrap()
    };
    let timer = RunningTimer {
        version: TIMER_VERSION,
        item_id: "ice".into(),
        label: "Ice pack in a soft cloth".into(),
        started: stamp(now - SignedDuration::from_secs(12 * 60 - 5)),
        ends: stamp(now + SignedDuration::from_secs(5)),
    };
    let home = sandbox.home.path();
    aftercare::journal::timer_file::add(&home.join(".local/state/aftercare/timer.ron"), &timer)
        .unwrap();

    let mut env = pty_support::clean_env(home);
    env.push(("TZ".into(), "UTC".into()));
    env.push(("DBUS_SESSION_BUS_ADDRESS".into(), bus.address.clone()));
    let app = Pty::spawn(env!("CARGO_BIN_EXE_aftercare"), &[], &env, (80, 24));

    let deadline = Instant::now() + Duration::from_secs(15);
    while server.calls().is_empty() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(100));
    }
    let screen = app.wait_for("session done and logged");
    assert_eq!(
        server.calls(),
        [(
            "aftercare".to_string(),
            "Ice pack in a soft cloth".to_string(),
            "12 min session over — time to take it off".to_string()
        )],
        "{screen}"
    );
    assert!(
        screen.contains("Ice pack in a soft cloth: session done and logged (1/3)"),
        "{screen}"
    );
    assert!(rang_the_bell(&app.transcript()), "the bell rang");
    // Told by the app: the scheduled `remind` does not tell it again.
    let run = remind(&sandbox, &bus.address);
    assert_eq!((run.code, run.stdout.as_str()), (0, ""), "{}", run.stderr);
    assert_eq!(server.calls().len(), 1);
}
