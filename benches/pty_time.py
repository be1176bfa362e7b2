#!/usr/bin/env python3
"""Times programs from launch to exit, interleaved, under an 80x24 pseudo-terminal.

Used by benches/measure.sh. For "start to first full frame" the app runs with
AFTERCARE_EXIT_AFTER_FIRST_FRAME=1, so launch-to-exit is start-up plus one frame (and
restoring the terminal). Launching from here costs only fork+exec, unlike `script`+`stty`
whose own start-up is several times larger and noisier than the app's.

    pty_time.py RUNS [--no-pty] [--keys=TEXT] [VARIANT ...] -- COMMAND [ARGS...]

Each VARIANT is VAR=VALUE (the command runs with that variable set) or EXEC=PATH (PATH runs,
without arguments, instead of the command: the bare ratatui program beside the app).
Variants are interleaved run by run, so that a burst of load on a shared machine hits them
all alike. --no-pty sends the output to /dev/null instead (for `export`). --keys: once the
first frame is out, TEXT is typed (\\t for Tab), then `q` (wrap the command in GNU time
for its peak memory: the rusage seen from here would count this Python's pages, forked).

Prints one line per variant (or one line without variants): "median p10 p90" in ms.
"""

import fcntl
import os
import select
import statistics
import struct
import sys
import termios
import time


def drain(master, pid, quiet=None):
    """Reads the child's output until it closes the terminal, or (with `quiet`) until it
    has printed nothing for that many seconds. Returns False when the terminal closed."""
    while True:
        ready, _, _ = select.select([master], [], [], quiet or 5)
        if not ready:
            if quiet:
                return True
            os.kill(pid, 9)
            raise SystemExit("pty_time.py: the program printed nothing for 5 s")
        try:
            if not os.read(master, 65536):
                return False
        except OSError:  # EIO: the child closed the terminal
            return False


def run_once(argv, env, use_pty, keys):
    if use_pty:
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        if use_pty:
            os.setsid()
            fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
            for fd in (0, 1, 2):
                os.dup2(slave, fd)
            os.close(master)
        else:
            null = os.open(os.devnull, os.O_RDWR)
            for fd in (0, 1):
                os.dup2(null, fd)
        os.execvpe(argv[0], argv, env)
    if use_pty:
        os.close(slave)
        if keys:
            drain(master, pid, quiet=0.3)
            for key in keys:
                os.write(master, key.encode())
            drain(master, pid, quiet=0.5)
            os.write(master, b"q")
        # Keep draining the output so the app never blocks on a full pty buffer.
        drain(master, pid)
    _, status = os.waitpid(pid, 0)
    elapsed = time.perf_counter() - start
    if use_pty:
        os.close(master)
    if status != 0:
        raise SystemExit(f"pty_time.py: {argv[0]} exited with status {status}")
    return elapsed * 1000


def main():
    runs = int(sys.argv[1])
    split = sys.argv.index("--")
    options = [a for a in sys.argv[2:split] if a.startswith("--")]
    use_pty = "--no-pty" not in options
    keys = next((o[len("--keys="):] for o in options if o.startswith("--keys=")), "")
    keys = keys.replace("\\t", "\t")
    variants = [a for a in sys.argv[2:split] if not a.startswith("--")] or [None]
    command = sys.argv[split + 1 :]
    plans = []
    for variant in variants:
        env, argv = dict(os.environ), command
        if variant:
            name, value = variant.split("=", 1)
            if name == "EXEC":
                argv = [value]
            else:
                env[name] = value
        plans.append((argv, env))
    for argv, env in plans:  # warm-up: page cache, dynamic loader
        for _ in range(3):
            run_once(argv, env, use_pty, keys)
    times = [[] for _ in plans]
    for _ in range(runs):
        for index, (argv, env) in enumerate(plans):
            times[index].append(run_once(argv, env, use_pty, keys))
    for samples in times:
        samples.sort()
        p10, p90 = samples[len(samples) // 10], samples[len(samples) * 9 // 10]
        print(f"{statistics.median(samples):.2f} {p10:.2f} {p90:.2f}")


if __name__ == "__main__":
    main()
