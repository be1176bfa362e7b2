//! The real app on a real pseudo-terminal, driven from Rust: `portable-pty` opens the pty
//! and starts the program in its own session with the pty as its controlling terminal (as a
//! terminal emulator does), and `vt100` reads what it draws into a screen a test can look
//! at. Nothing but Rust is needed: no tmux, `script` or `setsid` (issue 21).
#![allow(dead_code)]

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// One terminal window with one program in it.
pub struct Pty {
    /// `None` once hung up.
    master: Option<Box<dyn MasterPty + Send>>,
    writer: Arc<Mutex<Option<Box<dyn Write + Send>>>>,
    child: Box<dyn Child + Send + Sync>,
    screen: Arc<Mutex<vt100::Parser>>,
    /// Every byte the program wrote, escape sequences and all.
    transcript: Arc<Mutex<Vec<u8>>>,
    /// Set to stop the reader, whose copy of the pty must be closed for a hang-up.
    stop: Arc<std::sync::atomic::AtomicBool>,
    reader: Option<std::thread::JoinHandle<()>>,
}

/// The environment the app runs with: a private home, nothing of the user's.
pub fn clean_env(home: &Path) -> Vec<(String, String)> {
    let home = home.display().to_string();
    vec![
        ("HOME".into(), home.clone()),
        ("XDG_DATA_HOME".into(), format!("{home}/data")),
        ("XDG_CONFIG_HOME".into(), format!("{home}/config")),
        ("TZ".into(), "Europe/Paris".into()),
        ("TERM".into(), "xterm-256color".into()),
    ]
}

impl Pty {
    /// The app, in a clean environment, on an 80×24 screen.
    pub fn app(home: &Path, args: &[&str]) -> Pty {
        Pty::app_with(home, &[], args, (80, 24))
    }

    /// The app with extra variables (`NAME=value`) on a `width`×`height` screen.
    pub fn app_with(home: &Path, env: &[&str], args: &[&str], size: (u16, u16)) -> Pty {
        let mut vars = clean_env(home);
        vars.extend(env.iter().map(|pair| {
            let (name, value) = pair.split_once('=').expect("NAME=value");
            (name.to_string(), value.to_string())
        }));
        Pty::spawn(env!("CARGO_BIN_EXE_aftercare"), args, &vars, size)
    }

    /// `program` with exactly `env`, on a `width`×`height` screen.
    pub fn spawn(
        program: &str,
        args: &[&str],
        env: &[(String, String)],
        (width, height): (u16, u16),
    ) -> Pty {
        let pair = native_pty_system()
            .openpty(size(width, height))
            .expect("a pseudo-terminal opens");
        let mut command = CommandBuilder::new(program);
        command.args(args);
        command.env_clear();
        for (name, value) in env {
            command.env(name, value);
        }
        let child = pair
            .slave
            .spawn_command(command)
            .expect("the program starts");
        drop(pair.slave);
        let screen = Arc::new(Mutex::new(vt100::Parser::new(
            non_zero(height),
            non_zero(width),
            0,
        )));
        let mut reader = pair.master.try_clone_reader().expect("the pty reads");
        let writer = Arc::new(Mutex::new(Some(
            pair.master.take_writer().expect("the pty writes"),
        )));
        let transcript = Arc::new(Mutex::new(Vec::new()));
        let parser = Arc::clone(&screen);
        let written = Arc::clone(&transcript);
        let answer_to = Arc::clone(&writer);
        let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let stopped = Arc::clone(&stop);
        let fd = pair.master.as_raw_fd().expect("a unix pty");
        let reader = std::thread::spawn(move || {
            let mut buffer = [0u8; 8192];
            while !stopped.load(std::sync::atomic::Ordering::Relaxed) {
                if !readable(fd, 50) {
                    continue;
                }
                let n = match reader.read(&mut buffer) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => n,
                };
                written.lock().unwrap().extend_from_slice(&buffer[..n]);
                let mut parser = parser.lock().unwrap();
                parser.process(&buffer[..n]);
                // What a terminal answers by itself: where the cursor is, when asked.
                if buffer[..n].windows(4).any(|w| w == b"\x1b[6n") {
                    let (row, column) = parser.screen().cursor_position();
                    let answer = format!("\x1b[{};{}R", row + 1, column + 1);
                    if let Some(writer) = answer_to.lock().unwrap().as_mut() {
                        let _ = writer.write_all(answer.as_bytes());
                    }
                }
            }
        });
        Pty {
            master: Some(pair.master),
            writer,
            child,
            screen,
            transcript,
            stop,
            reader: Some(reader),
        }
    }

    /// Types keys, each as tmux names them (`Enter`, `Tab`, `Escape`, `Space`, `BSpace`,
    /// `Up`…, `C-c`) or as literal text.
    pub fn keys(&mut self, keys: &[&str]) {
        for key in keys {
            self.type_bytes(key_bytes(key).as_bytes());
        }
    }

    /// Text pasted as a terminal pastes it (bracketed, when the app asked for that).
    pub fn paste(&mut self, text: &str) {
        self.type_bytes(format!("\x1b[200~{text}\x1b[201~").as_bytes());
    }

    fn type_bytes(&mut self, bytes: &[u8]) {
        let mut writer = self.writer.lock().unwrap();
        let open = writer.as_mut().expect("the terminal is open");
        open.write_all(bytes)
            .expect("the app's terminal takes input");
        open.flush().expect("input flushed");
        drop(writer);
        // One key at a time, as a person types: the app reads each before the next.
        std::thread::sleep(Duration::from_millis(20));
    }

    /// The screen as text, one line a row.
    pub fn screen(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// The screen with its colours and attributes, as escape sequences.
    pub fn screen_formatted(&self) -> String {
        self.screen.lock().unwrap().screen().contents_formatted()
    }

    /// The screen once it shows `needle` (or after 10 s, for the assertion to report).
    pub fn wait_for(&self, needle: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let screen = self.screen();
            if screen.contains(needle) || Instant::now() > deadline {
                return screen;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// True once the program has ended, within 10 s.
    pub fn exited(&mut self) -> bool {
        self.exit_code().is_some()
    }

    /// The program's exit code once it has ended (within 10 s), `None` if it still runs.
    pub fn exit_code(&mut self) -> Option<u32> {
        self.exit_status().map(|status| status.exit_code())
    }

    /// How the program ended (within 10 s), `None` if it still runs.
    pub fn exit_status(&mut self) -> Option<portable_pty::ExitStatus> {
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            let status = self.child.try_wait().expect("the child can be waited for");
            if status.is_some() {
                return status;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        None
    }

    /// Everything the program wrote to its terminal so far, escape sequences included.
    pub fn transcript(&self) -> String {
        String::from_utf8_lossy(&self.transcript.lock().unwrap()).into_owned()
    }

    /// The window resized, as a person drags it: the pty's size and SIGWINCH.
    pub fn resize(&mut self, width: u16, height: u16) {
        let master = self.master.as_ref().expect("the terminal is open");
        master.resize(size(width, height)).expect("the pty resizes");
        self.screen
            .lock()
            .unwrap()
            .screen_mut()
            .set_size(non_zero(height), non_zero(width));
    }

    /// The program's process id.
    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("the child has a pid")
    }

    /// The window closed: every copy of the terminal's side is closed, so the kernel hangs
    /// up on the program (SIGHUP, and its reads end).
    pub fn hang_up(&mut self) {
        self.stop_reading();
        self.writer.lock().unwrap().take();
        self.master.take();
    }

    fn stop_reading(&mut self) {
        self.stop.store(true, std::sync::atomic::Ordering::Relaxed);
        if let Some(reader) = self.reader.take() {
            let _ = reader.join();
        }
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        let _ = self.child.kill();
        self.stop_reading();
    }
}

/// True when `fd` has something to read within `millis`.
fn readable(fd: std::os::fd::RawFd, millis: i32) -> bool {
    let mut poll = libc::pollfd {
        fd,
        events: libc::POLLIN,
        revents: 0,
    };
    // SAFETY: one valid pollfd, for the duration of the call.
    unsafe { libc::poll(&mut poll, 1, millis) > 0 }
}

fn non_zero(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).expect("a screen has rows and columns")
}

fn size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

/// The bytes a terminal sends for a key named as tmux's `send-keys` names it.
fn key_bytes(key: &str) -> String {
    match key {
        "Enter" => "\r".into(),
        "Tab" => "\t".into(),
        "BTab" => "\x1b[Z".into(),
        "Escape" => "\x1b".into(),
        "Space" => " ".into(),
        "BSpace" => "\x7f".into(),
        "Up" => "\x1b[A".into(),
        "Down" => "\x1b[B".into(),
        "Right" => "\x1b[C".into(),
        "Left" => "\x1b[D".into(),
        "Home" => "\x1b[H".into(),
        "End" => "\x1b[F".into(),
        "PPage" => "\x1b[5~".into(),
        "NPage" => "\x1b[6~".into(),
        _ => match key.strip_prefix("C-") {
            Some(letter) if letter.len() == 1 => {
                let byte = letter.as_bytes()[0].to_ascii_lowercase();
                char::from(byte - b'a' + 1).to_string()
            }
            _ => key.into(),
        },
    }
}
