#!/usr/bin/env bash
# History queries on a large seeded history: 1,000,000 runs (4 stages each) and
# 10,000,000 log lines over the newest 25,000 runs (see seed-history.cpp).
# The seeded data dir is kept between invocations (HISTORY_DATA, default
# /tmp/deploydesk-bench-history); pass --reseed to rebuild it. SEED_ARGS: more arguments
# for seed-history (e.g. SEED_ARGS="--part-blocks 16384": the search index in 7 parts).
# Usage: bench/history.sh [--reseed] [RUNS]
source "$(dirname "$0")/common.sh"
RESEED=0
if [ "${1:-}" = "--reseed" ]; then RESEED=1; shift; fi
RUNS=${1:-20}
DATA=${HISTORY_DATA:-/tmp/deploydesk-bench-history}
RARE=segfault   # in exactly 7 lines
COMMON=building # in every line of every "build" stage (a quarter of all lines)
for prog in seed-history history-query; do
    [ -x "$BIN/$prog" ] || { echo "bench: $BIN/$prog not found; build target $prog" >&2; exit 2; }
done

if [ "$RESEED" = 1 ] || [ ! -f "$DATA/.seeded" ]; then
    rm -rf "$DATA"
    echo "== seeding $DATA (takes a few minutes)"
    /usr/bin/time -f 'seed: %e s %M KB' "$BIN/seed-history" --data-dir "$DATA" ${SEED_ARGS:-}
    touch "$DATA/.seeded"
fi
export DEPLOYDESK_DATA_DIR=$DATA
echo "== database: $(du -ch "$DATA"/history.sqlite* | tail -n 1 | cut -f1) ($(ls "$DATA"))"
sqlite3 "$DATA/history.sqlite" 'SELECT (SELECT count(*) FROM runs), (SELECT count(*) FROM stages), (SELECT sum(line_count) FROM log_blocks), (SELECT count(*) FROM log_blocks)' 2>/dev/null \
    | awk -F'|' '{ print "   runs " $1 ", stages " $2 ", log lines " $3 " in " $4 " blocks" }' || true

cd "$WORK"
"$CTL" history --env production --status failed --limit 50 > history.txt
echo "history --env production --status failed --limit 50: $(($(wc -l < history.txt) - 1)) rows"
hyperfine --style basic -N --warmup 3 --runs "$RUNS" --export-json version.json "$CTL --version"
hyperfine --style basic -N --warmup 3 --runs "$RUNS" --export-json filter.json \
    "$CTL history --env production --status failed --limit 50"
for word in "$RARE" "$COMMON"; do
    "$CTL" history --grep "$word" > "grep-$word.txt"
    echo "history --grep $word: $(($(wc -l < "grep-$word.txt") - 1)) runs listed"
    hyperfine --style basic -N --warmup 2 --runs "$RUNS" --export-json "grep-$word.json" \
        "$CTL history --grep $word"
done
echo "== in-process (HistoryStore)"
"$BIN/history-query" --data-dir "$DATA" --repeat "$RUNS" --word "$RARE" --word "$COMMON" | tee query.txt

echo
echo "== results"
row() { # LABEL JSON TARGET_S
    echo "$1: mean $(ms "$(mean_of "$2")") max $(ms "$(max_of "$2")")  target <= $(ms "$3")  mean $(verdict "$(mean_of "$2")" "$3") / max $(verdict "$(max_of "$2")" "$3")"
}
row "deploydeskctl --version" version.json 0.050
row "history --env production --status failed --limit 50" filter.json 0.050
row "history --grep $RARE (rare)" "grep-$RARE.json" 0.500
row "history --grep $COMMON (common)" "grep-$COMMON.json" 0.500
