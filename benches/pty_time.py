#!/usr/bin/env python3
"""Times a terminal program from launch to exit under an 80x24 pseudo-terminal.

Used by benches/measure.sh for "start to first full frame": the app runs with
AFTERCARE_EXIT_AFTER_FIRST_FRAME=1, so launch-to-exit is start-up plus one frame (and
restoring the terminal). Launching from here costs only fork+exec, unlike `script`+`stty`
whose own start-up is several times larger and noisier than the app's.

    pty_time.py RUNS COMMAND [ARGS...]   ->  prints "median p10 p90" in ms
"""

import fcntl
import os
import select
import statistics
import struct
import sys
import termios
import time


def run_once(argv):
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
        os.execvp(argv[0], argv)
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
    runs, argv = int(sys.argv[1]), sys.argv[2:]
    for _ in range(3):  # warm-up: page cache, dynamic loader
        run_once(argv)
    times = sorted(run_once(argv) for _ in range(runs))
    p10, p90 = times[len(times) // 10], times[len(times) * 9 // 10]
    print(f"{statistics.median(times):.2f} {p10:.2f} {p90:.2f}")


if __name__ == "__main__":
    main()
