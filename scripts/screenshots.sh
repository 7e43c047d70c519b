#!/usr/bin/env bash
# Regenerates the screenshots in docs/images/ from the real window under Xvfb: the
# example workspace (a copy) is run, deployed, cancelled and searched by dd-screenshots,
# which grabs the screen at each step. Needs a build (scripts/bootstrap.sh or test.sh).
# Usage: scripts/screenshots.sh [LANG] [dark]
#   scripts/screenshots.sh                      docs/images/          English, light
#   scripts/screenshots.sh de_DE.UTF-8          docs/images/de_DE/    German, light
#   scripts/screenshots.sh en_US.UTF-8 dark     docs/images/dark/     English, dark
#   scripts/screenshots.sh de_DE.UTF-8 dark     docs/images/de_DE-dark/
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
dd_install_packages "${DD_BUILD_PACKAGES[@]}" "${DD_EXAMPLE_PACKAGES[@]}" xvfb xauth
cmake -S "$DD_ROOT" -B "$DD_BUILD" -G Ninja >/dev/null
cmake --build "$DD_BUILD" --target dd-screenshots deploydesk-stage -j2

work=$(mktemp -d)
# The example's deploys leave its site and backend serving from the data directory: stop
# them (the processes working in $work or naming it on their command line) before
# removing it, so the next run finds its ports free.
stop_servers() {
    local p cwd cmd
    for p in /proc/[0-9]*; do
        cwd=$(readlink "$p/cwd" 2>/dev/null) || continue
        # The stable-port forwarder runs in / with the data directory on its command line.
        cmd=$(tr '\0' ' ' <"$p/cmdline" 2>/dev/null) || cmd=
        case "$cwd $cmd" in "$work"/* | *" $work"/*) kill "${p#/proc/}" 2>/dev/null || true ;; esac
    done
}
trap 'stop_servers; rm -rf "$work"' EXIT
cp -r "$DD_ROOT/examples/textbook" "$work/textbook"
rm -rf "$work/textbook/build"
out="$DD_ROOT/docs/images"
lang=${1:-en_US.UTF-8}
theme=${2:-}
sub=
[ "${lang%%.*}" != en_US ] && sub=${lang%%.*}
[ "$theme" = dark ] && sub=${sub:+$sub-}dark
[ -n "$sub" ] && out="$out/$sub"
mkdir -p "$out"
export DEPLOYDESK_DATA_DIR="$work/data" DEPLOYDESK_NO_KEYCHAIN=1 XDG_CONFIG_HOME="$work/config"
export LANG=$lang LC_ALL=
xvfb-run -a -s "-screen 0 1280x800x24" "$DD_BUILD/bin/dd-screenshots" "$work/textbook" "$out" $theme
ls -l "$out"
