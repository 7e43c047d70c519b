#!/usr/bin/env bash
# Substring search over 10,000,000 log lines (issue 9 §6, issue 11 §6): the trigram index
# (schema step 7) against the word-prefix index it replaced, on the same seeded history.
# The peer is an older build (OLD_BUILD, before schema step 7, e.g. a worktree of the
# commit before it built with -DDEPLOYDESK_BUILD_BENCH=ON): its seed-history writes the
# history with the old index; a copy is opened by this build, which migrates it and
# indexes its 10 M lines (timed), then both answer the same searches.
# Since schema step 8 the new build also has the blocks' grams (pairs and the digits of
# long numbers): numbers and two-letter words, found or not, are asked of the index too.
# Usage: bench/substring-search.sh OLD_BUILD [RUNS]
source "$(dirname "$0")/common.sh"
OLD=${1:?usage: bench/substring-search.sh OLD_BUILD [RUNS]}
RUNS=${2:-10}
OLD_CTL=$OLD/bin/deploydeskctl
DATA_OLD=${HISTORY_DATA_OLD:-/tmp/deploydesk-bench-substring-old}
DATA_NEW=${HISTORY_DATA_NEW:-/tmp/deploydesk-bench-substring-new}
for prog in "$OLD_CTL" "$OLD/bin/seed-history"; do
    [ -x "$prog" ] || { echo "bench: $prog not found; build the old tree's deploydeskctl and seed-history" >&2; exit 2; }
done
if [ ! -f "$DATA_OLD/.seeded" ]; then
    rm -rf "$DATA_OLD"
    echo "== seeding $DATA_OLD with the old build (takes a few minutes)"
    /usr/bin/time -f 'seed: %e s %M KB' "$OLD/bin/seed-history" --data-dir "$DATA_OLD"
    touch "$DATA_OLD/.seeded"
fi
index_bytes() { # DATA: pages of the log index's tables (dbstat)
    sqlite3 "$1/history.sqlite" "SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'log_fts%' OR name LIKE 'log_grams%'"
}
rm -rf "$DATA_NEW"; cp -r "$DATA_OLD" "$DATA_NEW"
echo "== opening the copy with this build: schema steps 7 and 8, indexing 10 M lines"
/usr/bin/time -f 'migrate and index: %e s wall, %U s user, %M KB' \
    env DEPLOYDESK_DATA_DIR="$DATA_NEW" "$CTL" history --limit 1 > /dev/null
sqlite3 "$DATA_NEW/history.sqlite" "VACUUM"
echo "log index: old $(index_bytes "$DATA_OLD") bytes, new $(index_bytes "$DATA_NEW") bytes"
echo "history.sqlite: old $(stat -c %s "$DATA_OLD/history.sqlite") bytes, new (vacuumed) $(stat -c %s "$DATA_NEW/history.sqlite") bytes"

# WORD: found by both (whole words) or only by the new index (parts of words); "ld" has
# no trigram (two ASCII letters), "zq" is two letters found nowhere, 271828 a number found
# nowhere, 4711 a number inside longer ones: the grams answer those.
cd "$WORK"
for word in segfault building 4711 egfaul uildin ld zq 271828; do
    old_n=$(DEPLOYDESK_DATA_DIR=$DATA_OLD "$OLD_CTL" history --grep "$word" --limit 20 | tail -n +2 | wc -l)
    new_n=$(DEPLOYDESK_DATA_DIR=$DATA_NEW "$CTL" history --grep "$word" --limit 20 | tail -n +2 | wc -l)
    hyperfine --style none -N --warmup 1 --runs "$RUNS" --export-json "$word.json" \
        "env DEPLOYDESK_DATA_DIR=$DATA_OLD $OLD_CTL history --grep $word --limit 20" \
        "env DEPLOYDESK_DATA_DIR=$DATA_NEW $CTL history --grep $word --limit 20" > /dev/null
    old_mean=$(jq -r '.results[0].mean' "$word.json"); new_mean=$(jq -r '.results[1].mean' "$word.json")
    new_max=$(jq -r '.results[1].max' "$word.json")
    echo "history --grep $word: old $(ms "$old_mean") ($old_n runs), new $(ms "$new_mean") max $(ms "$new_max") ($new_n runs); new/old $(ratio "$new_mean" "$old_mean")×; target <= 500 ms: $(verdict "$new_max" 0.5)"
done
