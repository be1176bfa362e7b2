//! Lays out the release binary for a small memory footprint: the functions that run at
//! start-up and in everyday use (listed in `benches/startup-order.txt`, written by
//! `benches/startup-order.sh`) are placed side by side at the start of the code.
//!
//! Why: Linux maps a program's code 64 KiB around each page it first runs ("fault-around"),
//! and the code that runs up to the first frame was spread over 56 of the binary's 73
//! such blocks, so 3.5 MB of the 6 MB peak memory was code mapped, not run. Packed
//! together it fits in 16 blocks, 1 MB (see benches/PROFILING.md). Nothing else changes:
//! same code, other addresses. Names the file lists that no longer exist are skipped.
//!
//! Only with a linker that takes an ordering file: LLD (Rust's default on x86-64 Linux
//! since 1.90) and mold. With another one configured, nothing is asked of it.

use std::process::Command;

const ORDER: &str = "benches/startup-order.txt";

fn main() {
    println!("cargo::rerun-if-changed={ORDER}");
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-env-changed=RUSTC_LINKER");
    if std::env::var("PROFILE").as_deref() != Ok("release") || !linker_takes_an_order() {
        return;
    }
    let dir = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default();
    let order = std::path::Path::new(&dir).join(ORDER);
    if !order.is_file() {
        return;
    }
    for arg in [
        format!("-Wl,--symbol-ordering-file={}", order.display()),
        "-Wl,--no-warn-symbol-ordering".to_string(),
    ] {
        println!("cargo::rustc-link-arg-bin=aftercare={arg}");
    }
}

/// True when the link is Rust's own LLD: x86-64 Linux with rustc 1.90 or later, and no
/// linker chosen by the user (a configured linker or linker flags).
fn linker_takes_an_order() -> bool {
    let var = |name: &str| std::env::var(name).unwrap_or_default();
    if var("TARGET") != "x86_64-unknown-linux-gnu" || std::env::var_os("RUSTC_LINKER").is_some() {
        return false;
    }
    if var("CARGO_ENCODED_RUSTFLAGS").contains("link") {
        return false;
    }
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let Ok(output) = Command::new(rustc).arg("--version").output() else {
        return false;
    };
    // "rustc 1.95.0 (59807616e 2026-04-14)"
    let version = String::from_utf8_lossy(&output.stdout);
    let minor = version
        .split_whitespace()
        .nth(1)
        .and_then(|v| v.split('.').nth(1))
        .and_then(|m| m.parse::<u32>().ok());
    minor.is_some_and(|minor| minor >= 90)
}
