#!/usr/bin/env bash
# Builds the Debian package, target/debian/aftercare_<version>_<arch>.deb, with cargo-deb
# (`cargo install cargo-deb`). The manual page and the shell completions are generated here,
# by the release binary itself, from the same clap definitions as `aftercare --help`; the
# completions are made in an empty home, so they list the built-in plan's item ids and
# never the packager's own plan.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --release --locked --bin aftercare
assets=target/package-assets
rm -rf "$assets"
mkdir -p "$assets"
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
binary="${CARGO_TARGET_DIR:-target}/release/aftercare"
generate() {
    env -i HOME="$home" XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" \
        "$binary" "$@"
}
generate man | gzip -9n >"$assets/aftercare.1.gz"
generate completions bash >"$assets/aftercare.bash"
generate completions zsh >"$assets/_aftercare"
generate completions fish >"$assets/aftercare.fish"
cargo deb --no-build --locked "$@"
