#!/usr/bin/env python3
"""Times a terminal program from launch to exit under an 80x24 pseudo-terminal.

Used by benches/measure.sh for "start to first full frame": the app runs with
AFTERCARE_EXIT_AFTER_FIRST_FRAME=1, so launch-to-exit is start-up plus one frame (and
restoring the terminal). Launching from here costs only fork+exec, unlike `script`+`stty`
whose own start-up is several times larger and noisier than the app's.

    pty_time.py RUNS [VAR=VALUE ...] -- COMMAND [ARGS...]

Each VAR=VALUE is a variant: the command runs RUNS times with that variable set, variants
interleaved run by run so that a burst of load on a shared machine hits them all alike.
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


def run_once(argv, env):
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        os.setsid()
        fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
        for fd in (0, 1, 2):
            os.dup2(slave, fd)
        os.close(master)
        os.execvpe(argv[0], argv, env)
    os.close(slave)
    # Keep draining the output so the app never blocks on a full pty buffer.
    while True:
        ready, _, _ = select.select([master], [], [], 5)
        if not ready:
            os.kill(pid, 9)
            raise SystemExit(f"pty_time.py: {argv[0]} printed nothing for 5 s")
        try:
            if not os.read(master, 65536):
                break
        except OSError:  # EIO: the child closed the terminal
            break
    _, status = os.waitpid(pid, 0)
    elapsed = time.perf_counter() - start
    os.close(master)
    if status != 0:
        raise SystemExit(f"pty_time.py: {argv[0]} exited with status {status}")
    return elapsed * 1000


def main():
    runs = int(sys.argv[1])
    split = sys.argv.index("--")
    variants = [dict([v.split("=", 1)]) for v in sys.argv[2:split]] or [{}]
    argv = sys.argv[split + 1 :]
    envs = [{**os.environ, **variant} for variant in variants]
    for env in envs:  # warm-up: page cache, dynamic loader
        for _ in range(3):
            run_once(argv, env)
    times = [[] for _ in envs]
    for _ in range(runs):
        for env, samples in zip(envs, times):
            samples.append(run_once(argv, env))
    for samples in times:
        samples.sort()
        p10, p90 = samples[len(samples) // 10], samples[len(samples) * 9 // 10]
        print(f"{statistics.median(samples):.2f} {p10:.2f} {p90:.2f}")


if __name__ == "__main__":
    main()
