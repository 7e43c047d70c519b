#!/usr/bin/env bash
# Log storage: how much the history grows for a run's logs (blocks and full-text index),
# against the raw bytes of the same output (issue 11 §3: ≤ 0.2×), and how fast `logs`
# and `history --grep` read the compressed blocks back.
#   a) the fast producer: seq 1 LINES | sed "s/^/log line number /"
#   b) a real build log: the example workspace's lint and tests (flake8, mypy, pytest -v)
#      run REPEAT times in one stage
# Each is run with the default level and, as the same-session peer, with blocks stored
# uncompressed (DEPLOYDESK_LOG_ZSTD_LEVEL=0), and with LEVELS (default "1 9") for the choice.
# Usage: bench/log-storage.sh [LINES] [REPEAT]
source "$(dirname "$0")/common.sh"
LINES=${1:-2000000}
REPEAT=${2:-50}

db_bytes() { # the history file, its WAL checkpointed
    python3 - "$1/history.sqlite" <<'PY'
import sqlite3, sys, os
c = sqlite3.connect(sys.argv[1]); c.execute("PRAGMA wal_checkpoint(TRUNCATE)"); c.close()
print(os.path.getsize(sys.argv[1]))
PY
}
measure() { # NAME WORKSPACE [LEVEL]
    local name=$1 ws=$2 data=$WORK/data-$1 empty
    if [ -n "${3:-}" ]; then export DEPLOYDESK_LOG_ZSTD_LEVEL=$3; name="$1 (level $3)"; data="$WORK/data-$1-$3"
    else unset DEPLOYDESK_LOG_ZSTD_LEVEL; fi
    rm -rf "$data" "$WORK/empty"
    DEPLOYDESK_DATA_DIR=$WORK/empty "$CTL" history > /dev/null
    empty=$(db_bytes "$WORK/empty")
    /usr/bin/time -f '%e %U' -o "$WORK/time" env DEPLOYDESK_DATA_DIR="$data" "$CTL" -w "$ws" run \
        > "$WORK/run.out" 2>&1 || true
    local run raw grown
    run=$(sed -n 's/^run \([0-9]*\) .*started$/\1/p' "$WORK/run.out")
    DEPLOYDESK_DATA_DIR=$data "$CTL" logs "$run" > "$WORK/run.log"
    raw=$(wc -c < "$WORK/run.log")
    grown=$(( $(db_bytes "$data") - empty ))
    echo "$name: raw $raw bytes ($(wc -l < "$WORK/run.log") lines), history grew $grown bytes: $(ratio "$grown" "$raw")×; run $(cut -d' ' -f1 "$WORK/time") s wall, $(cut -d' ' -f2 "$WORK/time") s user"
    LOGS_DATA+=("$data:$run:$name")
}
# `logs` of each, alternating, median of 5 rounds.
logs_speed() {
    local round entry
    for round in 1 2 3 4 5; do
        for entry in "${LOGS_DATA[@]}"; do
            IFS=: read -r data run name <<< "$entry"
            /usr/bin/time -f '%e' -a -o "$WORK/logs-${name// /_}" env DEPLOYDESK_DATA_DIR="$data" "$CTL" logs "$run" > /dev/null
        done
    done
    for entry in "${LOGS_DATA[@]}"; do
        IFS=: read -r data run name <<< "$entry"
        echo "$name: logs > /dev/null, median of 5: $(sort -n "$WORK/logs-${name// /_}" | sed -n 3p) s"
    done
}
LOGS_DATA=()
LEVELS=${LEVELS:-1 9}

fast_workspace "$WORK/fast" "$LINES"
measure fast "$WORK/fast"
measure fast "$WORK/fast" 0
for level in $LEVELS; do measure fast "$WORK/fast" "$level"; done

build_log_workspace "$WORK/build" "$REPEAT"
measure build "$WORK/build"
measure build "$WORK/build" 0
for level in $LEVELS; do measure build "$WORK/build" "$level"; done
logs_speed
