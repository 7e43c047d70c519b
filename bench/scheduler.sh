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
# Rounds alternate make and DeployDesk (after one untimed warm-up of each), so a drift of the
# machine's speed lands on both: make's own time moved by 15 % between blocks of runs.
# Each round's ratio is to that round's make; the verdict is on the median ratio.
timed() { # FILE COMMAND... : appends the command's wall in seconds to FILE
    local start=$EPOCHREALTIME
    "${@:2}" > /dev/null
    awk -v s="$start" -v e="$EPOCHREALTIME" 'BEGIN { printf "%.4f\n", e - s }' >> "$1"
}
make -s "-j$JOBS" -C "$WORK/make" > /dev/null
rm -rf "$WORK/data"; "$CTL" -w "$WORK/ws" run > /dev/null
for round in $(seq "$RUNS"); do
    timed "$WORK/make.txt" make -s "-j$JOBS" -C "$WORK/make"
    rm -rf "$WORK/data"
    timed "$WORK/run.txt" "$CTL" -w "$WORK/ws" run
done
rm -rf "$WORK/data"
/usr/bin/time -f '%e s %M KB' -o "$WORK/rss" "$CTL" -w "$WORK/ws" run > "$WORK/run.out"
OK=$(grep -cE '^[0-9:]+ s[0-9]+ success' "$WORK/run.out" || true)
read -r PEER RUN R RANGE < <(python3 - "$WORK/make.txt" "$WORK/run.txt" <<'PY'
import statistics as st, sys
make = [float(x) for x in open(sys.argv[1])]
run = [float(x) for x in open(sys.argv[2])]
ratios = [r / m for r, m in zip(run, make)]
print(f"{st.median(make):.4f} {st.median(run):.4f} {st.median(ratios):.2f} "
      f"{min(ratios):.2f}-{max(ratios):.2f}")
PY
)
echo
echo "== results"
echo "stages reported success: $OK of $STAGES; $(tail -n 1 "$WORK/run.out")"
echo "run wall (median of $RUNS alternated rounds): $(ms "$RUN")  make -j$JOBS $(ms "$PEER")  ratio ${R}x (rounds ${RANGE}x)  target <= 1.5x  $(verdict "$R" 1.5)"
echo "per stage: $(awk -v r="$RUN" -v n="$STAGES" 'BEGIN { printf "%.2f ms", r * 1000 / n }') (make: $(awk -v r="$PEER" -v n="$STAGES" 'BEGIN { printf "%.2f ms", r * 1000 / n }'))"
echo "peak RSS: $(cat "$WORK/rss")"
