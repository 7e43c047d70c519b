# Shared helpers for the bench/*.sh scripts (sourced, not run).
# BUILD: the optimized build directory (default /work/main/build-bench).
set -euo pipefail
BUILD=${BUILD:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/build-bench}
BIN=$BUILD/bin
CTL=$BIN/deploydeskctl
for tool in hyperfine jq /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "bench: $tool is missing; install it (apt-get install hyperfine jq time)" >&2; exit 2; }
done
[ -x "$CTL" ] || { echo "bench: $CTL not found; build it first: cmake --build $BUILD --target deploydeskctl deploydesk-stage" >&2; exit 2; }
[ -x "$BIN/deploydesk-stage" ] || { echo "bench: $BIN/deploydesk-stage not found; build target deploydesk-stage" >&2; exit 2; }
grep -q 'CMAKE_BUILD_TYPE:STRING=\(Release\|RelWithDebInfo\)' "$BUILD/CMakeCache.txt" \
    || echo "bench: WARNING: $BUILD is not an optimized build; figures are not comparable" >&2
export DEPLOYDESK_NO_KEYCHAIN=1
WORK=$(mktemp -d /tmp/deploydesk-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

# hyperfine_json FILE COMMAND... : mean and max (s) of the single command in FILE
mean_of() { jq -r '.results[0].mean' "$1"; }
max_of() { jq -r '.results[0].max' "$1"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
ms() { awk -v s="$1" 'BEGIN { printf "%.1f ms", s * 1000 }'; }
verdict() { awk -v v="$1" -v t="$2" 'BEGIN { print (v <= t ? "PASS" : "MISS") }'; }

# The logs of §12 and §13. fast_workspace DIR LINES: one stage printing LINES numbered lines
# as fast as it can. build_log_workspace DIR REPEAT: the example's backend checked by flake8
# and pytest -v, REPEAT times in one stage (a real build log).
fast_workspace() {
    mkdir -p "$1"
    printf 'name: fast\nstages:\n  print:\n    run: seq 1 %s | sed "s/^/log line number /"\n' "$2" \
        > "$1/deploydesk.yml"
}
build_log_workspace() {
    cp -r "$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/examples/textbook" "$1"
    cat > "$1/deploydesk.yml" <<YML
name: build-log
stages:
  checks:
    workdir: backend
    run: |
      for i in \$(seq 1 $2); do
        flake8 --select=E,W,F --max-line-length=60 . || true
        python3 -m pytest -v -p no:cacheprovider 2>&1 || true
      done
YML
}
