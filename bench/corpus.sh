#!/usr/bin/env bash
# Chunking and hashing of a docs folder (bench/corpus-bench.cpp) with its same-run peers
# outside the process: `cat` and `sha256sum` over the same files (best of 3, wall and CPU
# from /usr/bin/time), the load average before and after.
#
#   bench/corpus.sh DOCS_DIR [ROUNDS] [OTHER_CORPUS_BENCH]
#
# OTHER_CORPUS_BENCH: a second corpus-bench binary (say, built from an older commit) run
# right after this build's, for a before/after in the same session.
set -euo pipefail
BUILD=${BUILD:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/build}
dir=$1
rounds=${2:-5}
other=${3:-}
[ -x "$BUILD/bin/corpus-bench" ] || { echo "build corpus-bench first" >&2; exit 2; }
list=$(mktemp)
trap 'rm -f "$list"' EXIT
find "$dir" -type f \( -name '*.md' -o -name '*.mdx' \) -print0 | sort -z > "$list"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
peer() { # NAME COMMAND...: best wall and best user+system of 3
    local name=$1 best_wall=1e9 best_cpu=1e9 out
    shift
    for _ in 1 2 3; do
        out=$( { /usr/bin/time -f "%e %U %S" "$@" > /dev/null; } 2>&1 | tail -1)
        read -r wall user sys <<< "$out"
        best_wall=$(echo "$wall $best_wall" | awk '{print ($1 < $2) ? $1 : $2}')
        best_cpu=$(echo "$user $sys $best_cpu" | awk '{c = $1 + $2; print (c < $3) ? c : $3}')
    done
    echo "  peer $name: wall ${best_wall} s, CPU ${best_cpu} s"
}
peer "cat" xargs -0 -a "$list" cat
peer "sha256sum" xargs -0 -a "$list" sha256sum
"$BUILD/bin/corpus-bench" "$dir" "$rounds"
[ -z "$other" ] || "$other" "$dir" "$rounds"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
