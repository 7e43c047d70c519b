#!/usr/bin/env bash
# Scheduler overhead: STAGES trivial stages (run: "true") against make on a generated
# Makefile with the same graph and the same commands.
#   chains (default): a DAG two wide — two independent chains interleaved, stage i needs
#                     stage i-2 — with max-parallel: 2, against make -j2;
#   wide:             STAGES independent stages, max-parallel: the number of cores,
#                     against make -j<cores>.
# Usage: bench/scheduler.sh [STAGES] [RUNS] [chains|wide]
source "$(dirname "$0")/common.sh"
STAGES=${1:-500}
RUNS=${2:-5}
SHAPE=${3:-chains}
case "$SHAPE" in
    chains) JOBS=2 ;;
    wide) JOBS=$(nproc) ;;
    *) echo "scheduler.sh: SHAPE is chains or wide, not \"$SHAPE\"" >&2; exit 2 ;;
esac

name() { printf 's%03d' "$1"; }
mkdir -p "$WORK/ws" "$WORK/make"
{
    printf 'name: scheduler\nmax-parallel: %s\nstages:\n' "$JOBS"
    for ((i = 0; i < STAGES; i++)); do
        printf '  %s:\n    run: "true"\n' "$(name $i)"
        if [ "$SHAPE" = chains ] && ((i >= 2)); then printf '    needs: [%s]\n' "$(name $((i - 2)))"; fi
    done
} > "$WORK/ws/deploydesk.yml"
{
    printf '.PHONY: all'
    for ((i = 0; i < STAGES; i++)); do printf ' %s' "$(name $i)"; done
    if [ "$SHAPE" = chains ]; then
        printf '\nall: %s %s\n' "$(name $((STAGES - 1)))" "$(name $((STAGES - 2)))"
    else
        printf '\nall:'
        for ((i = 0; i < STAGES; i++)); do printf ' %s' "$(name $i)"; done
        printf '\n'
    fi
    for ((i = 0; i < STAGES; i++)); do
        if [ "$SHAPE" = chains ] && ((i >= 2)); then printf '%s: %s\n' "$(name $i)" "$(name $((i - 2)))"; else printf '%s:\n' "$(name $i)"; fi
        printf '\ttrue\n'
    done
} > "$WORK/make/Makefile"
export DEPLOYDESK_DATA_DIR=$WORK/data

"$CTL" -w "$WORK/ws" validate
hyperfine --style basic --warmup 1 --runs "$RUNS" --export-json "$WORK/make.json" \
    "make -s -j$JOBS -C $WORK/make"
hyperfine --style basic --warmup 1 --runs "$RUNS" --export-json "$WORK/run.json" \
    --prepare "rm -rf $WORK/data" \
    "$CTL -w $WORK/ws run > $WORK/run.out"
rm -rf "$WORK/data"
/usr/bin/time -f '%e s %M KB' -o "$WORK/rss" "$CTL" -w "$WORK/ws" run > "$WORK/run.out"
OK=$(grep -cE '^[0-9:]+ s[0-9]+ success' "$WORK/run.out" || true)

PEER=$(mean_of "$WORK/make.json")
RUN=$(mean_of "$WORK/run.json")
R=$(ratio "$RUN" "$PEER")
echo
echo "== results"
echo "stages reported success: $OK of $STAGES; $(tail -n 1 "$WORK/run.out")"
echo "run wall (mean of $RUNS): $(ms "$RUN")  make -j$JOBS $(ms "$PEER")  ratio ${R}x  target <= 1.5x  $(verdict "$R" 1.5)"
echo "per stage: $(awk -v r="$RUN" -v n="$STAGES" 'BEGIN { printf "%.2f ms", r * 1000 / n }') (make: $(awk -v r="$PEER" -v n="$STAGES" 'BEGIN { printf "%.2f ms", r * 1000 / n }'))"
echo "peak RSS: $(cat "$WORK/rss")"
