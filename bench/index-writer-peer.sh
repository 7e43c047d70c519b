#!/usr/bin/env bash
# What the log index costs the writer and the history, against an older build (the peer in
# the same session, alternating): the fast producer (2 M numbered lines) and a real build log
# (flake8 + pytest -v of the example's backend, REPEAT times), ROUNDS runs each. Reports the
# median wall and user time of `deploydeskctl run`, and the history's growth against the raw
# log with the index's share (dbstat: log_fts%, log_grams%). The build log runs BUILD_ROUNDS
# times (default 1: it takes minutes; its size is what it is for).
# Usage: bench/index-writer-peer.sh OLD_BUILD [ROUNDS] [LINES] [REPEAT] [BUILD_ROUNDS]
source "$(dirname "$0")/common.sh"
OLD=${1:?usage: bench/index-writer-peer.sh OLD_BUILD [ROUNDS] [LINES] [REPEAT]}
ROUNDS=${2:-5}
LINES=${3:-2000000}
REPEAT=${4:-100}
BUILD_ROUNDS=${5:-1}
OLD_CTL=$OLD/bin/deploydeskctl
[ -x "$OLD_CTL" ] || { echo "bench: $OLD_CTL not found" >&2; exit 2; }

db_bytes() { # DATA: the history file, its WAL checkpointed
    python3 - "$1/history.sqlite" <<'PY'
import sqlite3, sys, os
c = sqlite3.connect(sys.argv[1]); c.execute("PRAGMA wal_checkpoint(TRUNCATE)"); c.close()
print(os.path.getsize(sys.argv[1]))
PY
}
index_bytes() { # DATA
    sqlite3 "$1/history.sqlite" "SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name LIKE 'log_fts%' OR name LIKE 'log_grams%'"
}
one() { # WHICH CTL WS NAME ROUND
    local data=$WORK/data-$4-$1-$5 empty
    rm -rf "$data" "$WORK/empty-$1"
    DEPLOYDESK_DATA_DIR=$WORK/empty-$1 "$2" history > /dev/null
    empty=$(db_bytes "$WORK/empty-$1")
    /usr/bin/time -f '%e %U' -o "$WORK/time" env DEPLOYDESK_DATA_DIR="$data" "$2" -w "$3" run > "$WORK/run.out" 2>&1 || true
    read -r wall user < "$WORK/time"
    echo "$wall" >> "$WORK/$4-$1.wall"; echo "$user" >> "$WORK/$4-$1.user"
    if [ "$5" = 1 ]; then
        local run raw
        run=$(sed -n 's/^run \([0-9]*\) .*started$/\1/p' "$WORK/run.out")
        DEPLOYDESK_DATA_DIR=$data "$2" logs "$run" > "$WORK/run.log"
        raw=$(wc -c < "$WORK/run.log")
        echo "$4 $1: raw $raw bytes, history grew $(( $(db_bytes "$data") - empty )) bytes ($(ratio "$(( $(db_bytes "$data") - empty ))" "$raw")×), index $(index_bytes "$data") bytes"
    fi
    rm -rf "$data"
}
median() { sort -n "$1" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

fast_workspace "$WORK/fast" "$LINES"
build_log_workspace "$WORK/build" "$REPEAT"
for round in $(seq 1 "$ROUNDS"); do
    for ws in fast build; do
        [ "$ws" = build ] && [ "$round" -gt "$BUILD_ROUNDS" ] && continue
        one old "$OLD_CTL" "$WORK/$ws" "$ws" "$round"
        one new "$CTL" "$WORK/$ws" "$ws" "$round"
    done
done
for ws in fast build; do
    echo "$ws: run wall median old $(median "$WORK/$ws-old.wall") s, new $(median "$WORK/$ws-new.wall") s ($(ratio "$(median "$WORK/$ws-new.wall")" "$(median "$WORK/$ws-old.wall")")×); user median old $(median "$WORK/$ws-old.user") s, new $(median "$WORK/$ws-new.user") s"
done
