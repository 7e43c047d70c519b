#!/usr/bin/env bash
# The panel under the real xcb platform (Xvfb): first paint with 1,000,000 runs vs an
# empty history, opening a 2,000,000-line log and jumping to its end vs a 1,000-line log,
# counting a word's matches vs grep -c, the event loop's worst stall while a stage streams
# 200,000 lines/s vs idle, and peak RSS. Figures are medians of REPEAT runs.
# The 1M-run history is a copy of bench/history.sh's seeded dir, plus the two logs
# (GUI_DATA, default /tmp/deploydesk-bench-gui; kept between invocations).
# (grep writes to a file: GNU grep stops at the first match when its output is /dev/null.)
# grep writes to a file: GNU grep stops at the first match when its output is /dev/null.
# Usage: bench/gui.sh [REPEAT]
source "$(dirname "$0")/common.sh"
REPEAT=${1:-5}
SEEDED=${HISTORY_DATA:-/tmp/deploydesk-bench-history}
DATA=${GUI_DATA:-/tmp/deploydesk-bench-gui}
RATE=${STREAM_RATE:-200000}
SECONDS_STREAMED=${STREAM_SECONDS:-10}
for prog in gui-bench gui-bench-gen; do
    [ -x "$BIN/$prog" ] || { echo "bench: $BIN/$prog not found; build target $prog" >&2; exit 2; }
done
command -v xvfb-run >/dev/null || { echo "bench: xvfb-run is missing (apt-get install xvfb)" >&2; exit 2; }
if [ ! -f "$DATA/history.sqlite" ]; then
    [ -f "$SEEDED/.seeded" ] || { echo "bench: run bench/history.sh first to seed $SEEDED" >&2; exit 2; }
    mkdir -p "$DATA"
    cp --reflink=auto "$SEEDED/history.sqlite" "$DATA/history.sqlite"
fi
if [ ! -f "$DATA/.workspace-set" ]; then
    # The panel lists the runs of the open workspace: give the seeded runs this one.
    sqlite3 "$DATA/history.sqlite" "UPDATE runs SET workspace = '$DATA/workspace'; PRAGMA wal_checkpoint(TRUNCATE);"
    touch "$DATA/.workspace-set"
fi
export XDG_CONFIG_HOME=$WORK/config XDG_RUNTIME_DIR=$WORK/runtime
mkdir -p "$XDG_CONFIG_HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
unset QT_QPA_PLATFORM

# A workspace whose one stage streams RATE lines/s for SECONDS_STREAMED s.
WS=$DATA/workspace # the seeded runs were moved to this workspace above
mkdir -p "$WS"
printf 'name: stream\nstages:\n  stream:\n    run: %s %s %s\n' "$BIN/gui-bench-gen" "$RATE" "$SECONDS_STREAMED" > "$WS/deploydesk.yml"
export GUI_BENCH_WORKSPACE=$WS
QT_QPA_PLATFORM=offscreen DEPLOYDESK_DATA_DIR=$DATA "$BIN/gui-bench" --mode prepare --lines 2000000
mkdir -p "$WORK/empty"
cd "$WORK"

gui() { # DATA_DIR ARGS... : one gui-bench process on its own X server
    DEPLOYDESK_DATA_DIR=$1 xvfb-run -a -s "-screen 0 1280x800x24" \
        sh -c 'exec "$@" --t0-ns "$(date +%s%N)"' gui-bench "$BIN/gui-bench" "${@:2}"
}
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
pick() { awk -v k="$1" '$1 == "RESULT" && $2 == k { print $3 }'; } # pick KEY < results

echo "== first paint (launch -> first paint; -> History tab's first page), $REPEAT runs each"
for i in $(seq "$REPEAT"); do
    gui "$WORK/empty" --mode paint >> paint-empty.txt
    gui "$DATA" --mode paint >> paint-full.txt
done
echo "== log: open + End, count matches ($REPEAT repetitions in one process)"
gui "$DATA" --mode log --repeat "$REPEAT" | tee log.txt
echo "== peers: deploydeskctl logs | tail -1; grep -c on the exported log"
IDS=($(cat "$DATA/gui-bench.ids"))
export DEPLOYDESK_DATA_DIR=$DATA
"$CTL" logs "${IDS[0]}" build > big.log
hyperfine --style basic -N --warmup 1 --runs "$REPEAT" --export-json tail.json \
    "sh -c '$CTL logs ${IDS[0]} build | tail -1'"
hyperfine --style basic -N --warmup 1 --runs "$REPEAT" --export-json grep-rare.json "sh -c 'grep -c needle big.log > count.txt'"
hyperfine --style basic -N --warmup 1 --runs "$REPEAT" --export-json grep-common.json "sh -c 'grep -c lorem big.log > count.txt'"
echo "grep -c needle: $(grep -c needle big.log), grep -c lorem: $(grep -c lorem big.log)"
echo "== stream: $RATE lines/s for $SECONDS_STREAMED s into the open Logs tab vs idle"
for i in $(seq "$REPEAT"); do
    gui "$DATA" --mode stream --idle-seconds "$SECONDS_STREAMED" | tee -a stream.txt
done

echo
echo "== results (medians)"
m() { pick "$2" < "$1" | median; }
show() { # LABEL VALUE PEER TARGET
    echo "$1: $2 vs $3 = $(ratio "$2" "$3")x  target <= $4  $(verdict "$2" "$4")"
}
show "first paint ms, 1M runs vs empty" "$(m paint-full.txt first_paint_ms)" "$(m paint-empty.txt first_paint_ms)" 500
show "history first page ms, 1M runs vs empty" "$(m paint-full.txt history_first_page_ms)" "$(m paint-empty.txt history_first_page_ms)" 500
show "open+End ms, 2M vs 1,000 lines" "$(m log.txt open_end_big_ms)" "$(m log.txt open_end_small_ms)" 200
echo "   peer: logs | tail -1: $(ms "$(mean_of tail.json)")"
show "count rare ms vs grep -c" "$(m log.txt count_rare_ms)" "$(awk -v s="$(mean_of grep-rare.json)" 'BEGIN { print s * 1000 }')" 500
show "count common ms vs grep -c" "$(m log.txt count_common_ms)" "$(awk -v s="$(mean_of grep-common.json)" 'BEGIN { print s * 1000 }')" 500
show "worst stall ms, streaming vs idle" "$(m stream.txt stream_worst_stall_ms)" "$(m stream.txt idle_worst_stall_ms)" 50
echo "   stream rate (lines/s): $(m stream.txt stream_rate); lines $(m stream.txt stream_lines); view at bottom: $(m stream.txt stream_view_at_bottom)"
show "peak RSS MB, log mode (1M runs, 2M-line log) vs empty window" "$(m log.txt peak_rss_mb)" "$(m paint-empty.txt peak_rss_mb)" 400
show "peak RSS MB, streaming (1M runs) vs empty window" "$(m stream.txt peak_rss_mb)" "$(m paint-empty.txt peak_rss_mb)" 400
echo "   peak RSS MB, first paint with 1M runs: $(m paint-full.txt peak_rss_mb)"
