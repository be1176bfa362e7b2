#!/usr/bin/env bash
# Whole-process performance figures for aftercare, against the budgets in
# the README's Performance section. Run by hand (CI does not run it):
#
#     benches/measure.sh            # 40 runs per figure
#     RUNS=100 benches/measure.sh   # steadier medians on a busy machine
#     BIN=path/to/aftercare benches/measure.sh   # measure another build
#
# Needs: hyperfine, python3 (runs benches/pty_time.py), GNU time
# (/usr/bin/time); tmux optional.
# Everything it writes goes under target/measure/ (synthetic journals, a private HOME).
# It never touches your real journal: HOME and XDG_* point into that directory.
set -euo pipefail

cd "$(dirname "$0")/.."
RUNS=${RUNS:-40}
WORK=target/measure
BIN=${BIN:-target/release/aftercare}
SYNTH=target/release/examples/synth-journal

missing=()
command -v hyperfine >/dev/null || missing+=("hyperfine (apt-get install hyperfine, or cargo install hyperfine)")
command -v python3 >/dev/null || missing+=("python3 (apt-get install python3)")
[ -x /usr/bin/time ] && /usr/bin/time -f %M true >/dev/null 2>&1 ||
    missing+=("GNU time at /usr/bin/time (apt-get install time)")
if [ ${#missing[@]} -gt 0 ]; then
    echo "measure.sh: missing tools:" >&2
    printf '  - %s\n' "${missing[@]}" >&2
    exit 1
fi

cargo build --release --quiet --bin aftercare --example synth-journal

# Fresh journals ending today (so the TUI opens on a filled-in Today), and a private HOME
# so no plan override or real journal is read.
rm -rf "$WORK"
mkdir -p "$WORK/home"
export HOME="$PWD/$WORK/home" XDG_CONFIG_HOME="$PWD/$WORK/home/.config" \
    XDG_DATA_HOME="$PWD/$WORK/home/.local/share"
unset AFTERCARE_JOURNAL NO_COLOR
"$SYNTH" --days 7 --out "$WORK/one-week" >/dev/null
"$SYNTH" --years 10 --out "$WORK/ten-years" >/dev/null

# Median wall time in ms of a command, from hyperfine's JSON export.
median_ms() {
    local json="$WORK/hyperfine.json"
    # -N: no shell in between, so a 2 ms command is timed without a shell's start-up.
    hyperfine -N --style none --warmup 3 --runs "$RUNS" --export-json "$json" "$1" \
        >/dev/null 2>&1 || { echo "measure.sh: this failed: $1" >&2; exit 1; }
    sed -n 's/.*"median": *\([0-9.e+-]*\).*/\1/p' "$json" | head -1 |
        awk '{ printf "%.2f", $1 * 1000 }'
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

echo "## Machine"
echo "- $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)," \
    "$(awk '/MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo) RAM"
echo "- load average at start: $(cut -d' ' -f1-3 /proc/loadavg); $RUNS runs per figure, medians"
echo "- ten-year journal: $(du -sh "$WORK/ten-years" | cut -f1)," \
    "$(find "$WORK/ten-years/days" -name '*.ron' | wc -l) month files"
echo

echo "## Start to first full frame (AFTERCARE_EXIT_AFTER_FIRST_FRAME=1, pty 80x24)"
# Launch to exit under a pty from benches/pty_time.py (fork+exec only, sizes interleaved).
declare -A frame
{
    read -r floor _
    for size in one-week ten-years; do
        read -r median p10 p90
        frame[$size]=$median
        echo "- $size: $median ms (p10 $p10, p90 $p90)"
    done
} < <(AFTERCARE_EXIT_AFTER_FIRST_FRAME=1 python3 benches/pty_time.py "$RUNS" \
    AFTERCARE_JOURNAL="$WORK/none" AFTERCARE_JOURNAL="$WORK/one-week" \
    AFTERCARE_JOURNAL="$WORK/ten-years" -- "$BIN")
echo "- no journal at all (Welcome screen): $floor ms"
echo "- ten years / one week: $(ratio "${frame[ten-years]}" "${frame[one-week]}")× (budget < 8 ms, ≤ 1.5×)"
echo

echo "## aftercare status (whole process)"
if "$BIN" status --help >/dev/null 2>&1; then
    declare -A status
    for size in one-week ten-years; do
        status[$size]=$(median_ms "$BIN --journal $WORK/$size status")
        echo "- $size: ${status[$size]} ms"
    done
    echo "- ten years / one week: $(ratio "${status[ten-years]}" "${status[one-week]}")× (budget < 8 ms, ≤ 1.5×)"
else
    echo "- pending: this build has no \`status\` subcommand"
fi
echo

echo "## aftercare export --format csv, ten years (whole process)"
if "$BIN" export --help >/dev/null 2>&1; then
    echo "- $(median_ms "$BIN --journal $WORK/ten-years export --format csv") ms (budget < 400 ms)"
else
    echo "- pending: this build has no \`export\` subcommand"
fi
echo

echo "## Peak memory (max RSS), ten-year journal"
peak=0
for _ in 1 2 3 4 5; do
    AFTERCARE_JOURNAL=$WORK/ten-years AFTERCARE_EXIT_AFTER_FIRST_FRAME=1 \
        python3 benches/pty_time.py 1 -- /usr/bin/time -f %M -o "$WORK/rss" "$BIN" >/dev/null
    kb=$(tail -1 "$WORK/rss")
    [ "$kb" -gt "$peak" ] && peak=$kb
done
echo "- start-up to first frame: $(awk -v k="$peak" 'BEGIN { printf "%.1f", k / 1024 }') MB (budget < 10 MB)"
if command -v tmux >/dev/null; then
    # A session of use: move through the list, tick and untick, open and close help, quit.
    cp -r "$WORK/ten-years" "$WORK/session"
    rm -f "$WORK/rss"
    tmux -L aftercare-measure new-session -d -x 80 -y 24 \
        "AFTERCARE_JOURNAL=$WORK/session /usr/bin/time -f %M -o $WORK/rss $BIN"
    sleep 0.5
    for key in j j j k + + - ? x j k; do
        tmux -L aftercare-measure send-keys "$key"
        sleep 0.05
    done
    tmux -L aftercare-measure send-keys q
    for _ in $(seq 50); do [ -s "$WORK/rss" ] && break; sleep 0.1; done
    tmux -L aftercare-measure kill-server 2>/dev/null || true
    echo "- a session of keys (tmux): $(awk -v k="$(tail -1 "$WORK/rss")" 'BEGIN { printf "%.1f", k / 1024 }') MB"
else
    echo "- a session of keys: skipped (tmux not installed)"
fi
