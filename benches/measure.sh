#!/usr/bin/env bash
# Whole-process performance figures for aftercare, as ratios to baselines measured in the
# same run (the tables in benches/README.md; issue 23's budgets). Run by hand (CI does not):
#
#     benches/measure.sh            # 40 runs per figure
#     RUNS=100 benches/measure.sh   # steadier medians on a busy machine
#     BIN=path/to/aftercare benches/measure.sh   # measure another build
#     CRITERION=1 benches/measure.sh   # also the History key bench (criterion, ~1 minute)
#
# Every timed figure is a median of runs interleaved with its baseline (benches/pty_time.py),
# so load on a shared machine hits both alike; the load average is printed with them.
# Needs: python3, GNU time (/usr/bin/time); ImageMagick for the photo import figures. Everything it writes goes under target/measure/
# (synthetic journals, a private HOME): it never touches your real journal.
set -euo pipefail

cd "$(dirname "$0")/.."
RUNS=${RUNS:-40}
WORK=target/measure
BIN=${BIN:-target/release/aftercare}
SYNTH=target/release/examples/synth-journal
BARE=target/release/examples/bare-ratatui

missing=()
command -v python3 >/dev/null || missing+=("python3 (apt-get install python3)")
[ -x /usr/bin/time ] && /usr/bin/time -f %M true >/dev/null 2>&1 ||
    missing+=("GNU time at /usr/bin/time (apt-get install time)")
if [ ${#missing[@]} -gt 0 ]; then
    echo "measure.sh: missing tools:" >&2
    printf '  - %s\n' "${missing[@]}" >&2
    exit 1
fi

# The app alone first, as `cargo run --release` builds it (beside the examples its crates
# would take the dev-dependencies' features).
cargo build --release --quiet --bin aftercare
cargo build --release --quiet --example synth-journal --example bare-ratatui

# Fresh journals ending today (so the TUI opens on a filled-in Today), and a private HOME
# so no plan override or real journal is read.
rm -rf "$WORK"
mkdir -p "$WORK/home"
# cargo and rustup (CRITERION=1 runs `cargo bench`) keep finding their homes.
export CARGO_HOME="${CARGO_HOME:-$HOME/.cargo}" RUSTUP_HOME="${RUSTUP_HOME:-$HOME/.rustup}"
export HOME="$PWD/$WORK/home" XDG_CONFIG_HOME="$PWD/$WORK/home/.config" \
    XDG_DATA_HOME="$PWD/$WORK/home/.local/share"
unset AFTERCARE_JOURNAL NO_COLOR AFTERCARE_EXIT_AFTER_FIRST_FRAME
"$SYNTH" --days 7 --out "$WORK/one-week" >/dev/null
# One week's journal holds fewer days of this month than fifty years' does after the 7th:
# a journal of this month alone separates what grows with the years from what grows with
# the day of the month (status reads this month's file whole).
"$SYNTH" --days "$(( 10#$(date +%d) > 7 ? 10#$(date +%d) : 7 ))" --out "$WORK/this-month" >/dev/null
"$SYNTH" --years 10 --out "$WORK/ten-years" >/dev/null
"$SYNTH" --years 50 --out "$WORK/fifty-years" >/dev/null

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
# `pty_time.py` prints "median p10 p90" per variant; this keeps the medians, one a line.
# A leading VAR=VALUE is set for every variant (`env`), the next ones are the variants.
medians() {
    local runs=$1 common=()
    shift
    [[ $1 == *=* && $1 != EXEC=* && $1 != AFTERCARE_JOURNAL=* ]] && { common=("$1"); shift; }
    env "${common[@]}" python3 benches/pty_time.py "$runs" "$@" | cut -d' ' -f1
}

echo "## Machine"
echo "- $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)," \
    "$(awk '/MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo) RAM"
echo "- $RUNS runs per figure, interleaved, medians; load average at start: $(load)"
for size in ten-years fifty-years; do
    echo "- $size journal: $(du -sh "$WORK/$size" | cut -f1)," \
        "$(find "$WORK/$size/days" -name '*.ron' | wc -l) month files"
done
echo

echo "## Start to first full frame (pty 80x24)"
mapfile -t frame < <(medians "$RUNS" AFTERCARE_EXIT_AFTER_FIRST_FRAME=1 \
    EXEC="$BARE" AFTERCARE_JOURNAL="$WORK/one-week" AFTERCARE_JOURNAL="$WORK/ten-years" \
    AFTERCARE_JOURNAL="$WORK/fifty-years" -- "$BIN")
echo "- bare ratatui program (benches/floor/bare-ratatui.rs): ${frame[0]} ms"
echo "- one week ${frame[1]} ms, ten years ${frame[2]} ms, fifty years ${frame[3]} ms (load $(load))"
echo "- ten years / bare ratatui: $(ratio "${frame[2]}" "${frame[0]}")× (budget ≤ 3×)"
echo "- fifty years / one week: $(ratio "${frame[3]}" "${frame[1]}")× (budget ≤ 1.5×)"
echo

echo "## aftercare status (whole process)"
mapfile -t status < <(medians "$RUNS" AFTERCARE_JOURNAL="$WORK/one-week" \
    AFTERCARE_JOURNAL="$WORK/fifty-years" AFTERCARE_JOURNAL="$WORK/this-month" -- "$BIN" status)
echo "- one week ${status[0]} ms, fifty years ${status[1]} ms, this month alone ${status[2]} ms (load $(load))"
echo "- fifty years / one week: $(ratio "${status[1]}" "${status[0]}")× (budget ≤ 1.5×)"
echo "- fifty years / this month alone (the same month file, the years only): $(ratio "${status[1]}" "${status[2]}")×"
echo

echo "## aftercare export --format csv (whole process, output to /dev/null)"
mapfile -t export < <(medians "$(( (RUNS + 3) / 4 ))" --no-pty AFTERCARE_JOURNAL="$WORK/ten-years" \
    AFTERCARE_JOURNAL="$WORK/fifty-years" -- "$BIN" export --format csv)
echo "- ten years ${export[0]} ms, fifty years ${export[1]} ms (load $(load))"
echo "- fifty years / ten years: $(ratio "${export[1]}" "${export[0]}")× (budget ≤ 5.1×: linear)"
for size in ten-years fifty-years; do
    /usr/bin/time -f %M -o "$WORK/rss" "$BIN" --journal "$WORK/$size" export --format csv >/dev/null
    echo "- peak memory, $size: $(mb "$(tail -1 "$WORK/rss")") MB (budget < 10 MB at any size)"
done
echo

echo "## Peak memory (max RSS, GNU time)"
rss_after_keys() { # journal, keys typed after the first frame
    AFTERCARE_JOURNAL=$1 python3 benches/pty_time.py 1 "--keys=$2" -- \
        /usr/bin/time -f %M -o "$WORK/rss" "$BIN" >/dev/null
    mb "$(tail -1 "$WORK/rss")"
}
AFTERCARE_JOURNAL=$WORK/one-week AFTERCARE_EXIT_AFTER_FIRST_FRAME=1 \
    python3 benches/pty_time.py 1 -- /usr/bin/time -f %M -o "$WORK/rss" "$BIN" >/dev/null
echo "- first frame, one week: $(mb "$(tail -1 "$WORK/rss")") MB"
cp -r "$WORK/ten-years" "$WORK/session-ten" && cp -r "$WORK/fifty-years" "$WORK/session-fifty"
back120=$(printf '\\t%0.s' 1)$(printf '[%.0s' $(seq 120))
back600=$(printf '\\t%0.s' 1)$(printf '[%.0s' $(seq 600))
echo "- History paged back 120 months, ten years: $(rss_after_keys "$WORK/session-ten" "$back120") MB (budget < 10 MB)"
echo "- History paged back 600 months, fifty years: $(rss_after_keys "$WORK/session-fifty" "$back600") MB (budget: the same)"
echo

echo "## Photo import (issue 25): aftercare photo add vs ImageMagick"
# The same work on both sides: decode, turn upright (Exif orientation 6), shrink to 2048 px,
# strip, re-encode at quality 85 (aftercare also writes the thumbnail and the journal entry
# in a fresh journal each run). Interleaved runs, medians; peak memory from GNU time.
if command -v convert >/dev/null; then
    photo_runs=${PHOTO_RUNS:-9}
    median_ms() { sort -n | awk '{ a[NR] = $1 } END { printf "%d", a[int((NR + 1) / 2)] }'; }
    now_ns() { date +%s%N; }
    import_photo() { rm -rf "$WORK/photo-journal"; "$BIN" --journal "$WORK/photo-journal" photo add "$1" >/dev/null; }
    magick_photo() { convert "$1" -auto-orient -strip -resize '2048x2048>' -quality 85 "$WORK/photo-magick.jpg"; }
    peak_mb() { /usr/bin/time -v "$@" 2>&1 >/dev/null | awk '/Maximum resident/ { printf "%.0f", $NF / 1024 }'; }
    for size in "12 4000 3000" "48 8000 6000"; do
        read -r mp width height <<<"$size"
        src="$WORK/phone-${mp}mp.jpg"
        # A photo-like picture (fractal noise compresses like skin, not like a flat field),
        # stored sideways as phones do: an Exif block with orientation 6 (a one-entry TIFF
        # directory) is put in after the start marker (ImageMagick writes no Exif of its own).
        convert -size "${width}x${height}" -seed 7 plasma:fractal -quality 92 "$src"
        printf 'Exif\0\0II*\0\x08\0\0\0\x01\0\x12\x01\x03\0\x01\0\0\0\x06\0\0\0\0\0\0\0' >"$WORK/orientation-6.exif"
        python3 -c 'import sys; d = open(sys.argv[1], "rb").read(); e = open(sys.argv[2], "rb").read()
open(sys.argv[1], "wb").write(d[:2] + b"\xff\xe1" + (len(e) + 2).to_bytes(2, "big") + e + d[2:])' \
            "$src" "$WORK/orientation-6.exif"
        : >"$WORK/t-aftercare"
        : >"$WORK/t-magick"
        for _ in $(seq "$photo_runs"); do
            t0=$(now_ns); import_photo "$src"; t1=$(now_ns); magick_photo "$src"; t2=$(now_ns)
            echo $(( (t1 - t0) / 1000000 )) >>"$WORK/t-aftercare"
            echo $(( (t2 - t1) / 1000000 )) >>"$WORK/t-magick"
        done
        ours=$(median_ms <"$WORK/t-aftercare")
        theirs=$(median_ms <"$WORK/t-magick")
        rm -rf "$WORK/photo-journal"
        ours_mb=$(peak_mb "$BIN" --journal "$WORK/photo-journal" photo add "$src")
        theirs_mb=$(peak_mb convert "$src" -auto-orient -strip -resize '2048x2048>' -quality 85 "$WORK/photo-magick.jpg")
        echo "- ${mp} MP (${width}x${height}, $(du -k "$src" | cut -f1) KB): aftercare ${ours} ms, ImageMagick ${theirs} ms:" \
            "$(ratio "$ours" "$theirs")× (aim < 1.0×); peak memory ${ours_mb} MB vs ${theirs_mb} MB (budget < 600 MB) (load $(load))"
    done
else
    echo "- skipped: ImageMagick's convert is not installed (apt-get install imagemagick)"
fi
echo

if [ "${CRITERION:-0}" = 1 ]; then
    echo "## A History key (criterion, in-process: key handled and frame drawn)"
    cargo bench --quiet --bench interaction -- 'history/key' >"$WORK/criterion.log" 2>&1 ||
        { echo "cargo bench failed: see $WORK/criterion.log" >&2; exit 1; }
    python3 benches/criterion_medians.py | grep 'history/key' | tee "$WORK/history-key"
    ten=$(awk '/ten-years/ { print $2 }' "$WORK/history-key")
    fifty=$(awk '/fifty-years/ { print $2 }' "$WORK/history-key")
    echo "- fifty years / ten years: $(ratio "$fifty" "$ten")× (load $(load); budget: flat)"
fi

if [ "${CALLGRIND:-0}" = 1 ]; then
    # Instructions are the same run after run whatever the load, where wall times are not;
    # they leave out the kernel's share (exec, page faults, file system), so they are the
    # code's own part of the ratios above, not a replacement for them.
    command -v valgrind >/dev/null || { echo "CALLGRIND=1 needs valgrind" >&2; exit 1; }
    echo "## Instructions to first frame (valgrind --tool=callgrind, load-independent)"
    instructions() { # env..., then the program
        rm -f "$WORK"/callgrind.*
        env "$@" python3 benches/pty_time.py 1 -- valgrind --tool=callgrind \
            --callgrind-out-file="$WORK/callgrind.%p" "${PROGRAM[@]}" >/dev/null 2>&1
        # The last run's file (pty_time.py warms up three times first).
        callgrind_annotate "$(ls -t "$WORK"/callgrind.* | head -1)" 2>/dev/null |
            sed -n 's/^ *\([0-9,]*\) .*PROGRAM TOTALS.*/\1/p' | tr -d ,
    }
    PROGRAM=("$BARE")
    bare=$(instructions X=1)
    PROGRAM=("$BIN")
    declare -A ir
    for size in one-week ten-years fifty-years; do
        ir[$size]=$(instructions AFTERCARE_EXIT_AFTER_FIRST_FRAME=1 AFTERCARE_JOURNAL="$WORK/$size")
    done
    echo "- bare ratatui $bare, one week ${ir[one-week]}, ten years ${ir[ten-years]}, fifty years ${ir[fifty-years]}"
    echo "- ten years / bare: $(ratio "${ir[ten-years]}" "$bare")×; fifty years / one week: $(ratio "${ir[fifty-years]}" "${ir[one-week]}")×"
    PROGRAM=("$BIN" status)
    s1=$(instructions AFTERCARE_JOURNAL="$WORK/one-week")
    s50=$(instructions AFTERCARE_JOURNAL="$WORK/fifty-years")
    echo "- status: one week $s1, fifty years $s50: $(ratio "$s50" "$s1")×"
fi
