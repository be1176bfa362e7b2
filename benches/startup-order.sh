#!/usr/bin/env bash
# Writes benches/startup-order.txt: the functions of the release binary that run from start
# to first frame and in everyday use (History paged back, the Plan screen, help, a tick,
# `status`), the first frame's first. build.rs hands the file to the linker, which puts
# those functions side by side at the start of the code; see benches/PROFILING.md (peak
# memory) for why. Run it again when measure.sh reports many of the names missing
# (renamed or new functions on the start-up path); names it lists that no longer exist are
# skipped by the linker, so a stale file costs memory, never correctness.
#
# Needs valgrind. Writes only under target/startup-order/ and the one file.
set -euo pipefail

cd "$(dirname "$0")/.."
WORK=target/startup-order
OUT=benches/startup-order.txt
command -v valgrind >/dev/null || { echo "startup-order.sh needs valgrind" >&2; exit 1; }

# The app alone, as `cargo run --release` builds it (beside an example its crates take the
# dev-dependencies' features, and other symbol names).
cargo build --release --quiet --bin aftercare
cargo build --release --quiet --example synth-journal
rm -rf "$WORK"
mkdir -p "$WORK/home"
export HOME="$PWD/$WORK/home" XDG_CONFIG_HOME="$PWD/$WORK/home/.config" \
    XDG_DATA_HOME="$PWD/$WORK/home/.local/share"
unset AFTERCARE_JOURNAL NO_COLOR AFTERCARE_EXIT_AFTER_FIRST_FRAME
# A week (restrictions still running) and ten years (History's calendar filled in).
target/release/examples/synth-journal --days 7 --out "$WORK/week" >/dev/null
target/release/examples/synth-journal --years 10 --out "$WORK/years" >/dev/null

# One callgrind profile per use, in this order (names are mangled: the linker's own).
run() { # name, journal, then pty_time.py arguments
    local name=$1 journal=$2
    shift 2
    AFTERCARE_JOURNAL="$WORK/$journal" python3 benches/pty_time.py 1 "$@" -- \
        valgrind --tool=callgrind --demangle=no --callgrind-out-file="$WORK/$name.%p" \
        target/release/aftercare >/dev/null 2>&1
    ls -t "$WORK/$name".* | head -1 # the last run (pty_time.py warms up first)
}
profiles=()
profiles+=("$(AFTERCARE_EXIT_AFTER_FIRST_FRAME=1 run first-week week)")
profiles+=("$(AFTERCARE_EXIT_AFTER_FIRST_FRAME=1 run first-years years)")
profiles+=("$(run today week "--keys=? j +-")")
profiles+=("$(run history years "--keys=$(printf '\\t')$(printf '[%.0s' $(seq 30))")")
profiles+=("$(run plan years "--keys=$(printf '\\t\\t')jj")")
rm -f "$WORK"/status.*
AFTERCARE_JOURNAL="$WORK/years" valgrind --tool=callgrind --demangle=no \
    --callgrind-out-file="$WORK/status.%p" target/release/aftercare status >/dev/null 2>&1
profiles+=("$(ls -t "$WORK"/status.* | head -1)")

# Each function of the aftercare binary once, in the order first seen.
python3 - "$OUT" "${profiles[@]}" <<'EOF'
import re, sys

out, profiles = sys.argv[1], sys.argv[2:]
order, seen = [], set()
for profile in profiles:
    objects, functions, current = {}, {}, None

    def name(table, text):
        found = re.match(r"\((\d+)\)(?: (.*))?", text)
        if found.group(2) is not None:
            table[found.group(1)] = found.group(2)
        return table.get(found.group(1))

    for line in open(profile, errors="replace"):
        line = line.rstrip("\n")
        if line.startswith("ob="):
            current = name(objects, line[3:])
        elif line.startswith("cob="):
            name(objects, line[4:])
        elif line.startswith("cfn="):
            name(functions, line[4:])
        elif line.startswith("fn="):
            function = name(functions, line[3:])
            ours = current is not None and current.endswith("/aftercare")
            if ours and function.startswith("_"):
                if function not in seen:
                    seen.add(function)
                    order.append(function)
with open(out, "w") as file:
    file.write("\n".join(order) + "\n")
print(f"{out}: {len(order)} functions")
EOF
