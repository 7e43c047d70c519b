#!/usr/bin/env bash
# Log throughput: one stage printing LINES lines (~50 bytes each) through deploydeskctl run,
# against the same generator writing to a file. Also peak RSS at LINES and LINES/10, and
# deploydeskctl logs returning every line. Usage: bench/log-throughput.sh [LINES] [RUNS]
source "$(dirname "$0")/common.sh"
LINES=${1:-2000000}
RUNS=${2:-3}
SMALL=$((LINES / 10))

# The generator, shared by the peer and the stage.
cat > "$WORK/gen.sh" <<'GEN'
awk -v n="$1" 'BEGIN{for(i=0;i<n;i++) printf "line %d lorem ipsum dolor sit amet consectetur\n", i}'
GEN
make_ws() { # DIR LINES
    mkdir -p "$1"
    printf 'name: throughput\nstages:\n  print:\n    run: sh %s %s\n' "$WORK/gen.sh" "$2" > "$1/deploydesk.yml"
}
make_ws "$WORK/ws" "$LINES"
make_ws "$WORK/ws-small" "$SMALL"
export DEPLOYDESK_DATA_DIR=$WORK/data

echo "== generator: $(sh "$WORK/gen.sh" "$LINES" | wc -c) bytes, $LINES lines"
hyperfine --style basic --warmup 1 --runs "$RUNS" --export-json "$WORK/peer.json" \
    "sh -c 'sh $WORK/gen.sh $LINES > $WORK/peer.txt'"
hyperfine --style basic --runs "$RUNS" --export-json "$WORK/run.json" \
    --prepare "rm -rf $WORK/data" \
    "$CTL -w $WORK/ws run > $WORK/run.out"

echo "== peak RSS"
rm -rf "$WORK/data"
/usr/bin/time -f '%e s %M KB' -o "$WORK/rss-big" "$CTL" -w "$WORK/ws" run > "$WORK/run.out"
RUN_ID=$(sed -n 's/^run \([0-9]*\) .*started$/\1/p' "$WORK/run.out")
rm -rf "$WORK/data-small"
DEPLOYDESK_DATA_DIR=$WORK/data-small /usr/bin/time -f '%e s %M KB' -o "$WORK/rss-small" \
    "$CTL" -w "$WORK/ws-small" run > /dev/null
echo "run $LINES lines:  $(cat "$WORK/rss-big")"
echo "run $SMALL lines:   $(cat "$WORK/rss-small")"

echo "== logs $RUN_ID"
"$CTL" logs "$RUN_ID" > "$WORK/logs.txt"
GOT=$(wc -l < "$WORK/logs.txt")
FIRST=$(head -n 1 "$WORK/logs.txt")
LAST=$(tail -n 1 "$WORK/logs.txt")
LOGS_OK=PASS
[ "$GOT" -eq "$LINES" ] || LOGS_OK=MISS
[ "$FIRST" = "line 0 lorem ipsum dolor sit amet consectetur" ] || LOGS_OK=MISS
[ "$LAST" = "line $((LINES - 1)) lorem ipsum dolor sit amet consectetur" ] || LOGS_OK=MISS
cmp -s "$WORK/logs.txt" "$WORK/peer.txt" && echo "logs output is byte-identical to the generator's" \
    || echo "logs output DIFFERS from the generator's"
hyperfine --style basic --warmup 1 --runs "$RUNS" --export-json "$WORK/logs.json" \
    "$CTL logs $RUN_ID > /dev/null"
/usr/bin/time -f '%e s %M KB' -o "$WORK/rss-logs" "$CTL" logs "$RUN_ID" > /dev/null
du -sh "$WORK/data" | cut -f1 > "$WORK/du"

PEER=$(mean_of "$WORK/peer.json")
RUN=$(mean_of "$WORK/run.json")
BIG_KB=$(awk '{print $3}' "$WORK/rss-big")
SMALL_KB=$(awk '{print $3}' "$WORK/rss-small")
R=$(ratio "$RUN" "$PEER")
echo
echo "== results"
echo "run wall (mean of $RUNS):   $(ms "$RUN")  peer $(ms "$PEER")  ratio ${R}x  target <= 1.5x  $(verdict "$R" 1.5)"
echo "run peak RSS:             $((BIG_KB / 1024)) MB  target <= 150 MB  $(verdict "$BIG_KB" $((150 * 1024)))"
echo "RSS growth $SMALL->$LINES: $(((BIG_KB - SMALL_KB) / 1024)) MB  target <= 20 MB  $(verdict $((BIG_KB - SMALL_KB)) $((20 * 1024)))"
echo "logs: $GOT lines, first \"$FIRST\", last \"$LAST\"  $LOGS_OK"
echo "logs wall (mean of $RUNS):  $(ms "$(mean_of "$WORK/logs.json")")  peak RSS $(awk '{print $3}' "$WORK/rss-logs") KB"
echo "history db after one run: $(cat "$WORK/du")"
