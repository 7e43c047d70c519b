#!/usr/bin/env bash
# GitHub Actions workflow run locally (#12 benchmarks): JOBS jobs of one trivial step
# (`run: "true"`) in a DAG two wide — job i needs job i-2 — run by `deploydeskctl workflow
# run --max-parallel 2`, against the same graph as deploydesk.yml (`run` with
# max-parallel: 2; its stages run `true`), in the same session.
# Usage: bench/workflow-local.sh [JOBS] [RUNS]
source "$(dirname "$0")/common.sh"
JOBS=${1:-200}
RUNS=${2:-5}

name() { printf 'j%03d' "$1"; }
mkdir -p "$WORK/ws/.github/workflows"
{
    printf 'name: graph\nmax-parallel: 2\nstages:\n'
    for ((i = 0; i < JOBS; i++)); do
        printf '  %s:\n    run: "true"\n' "$(name $i)"
        ((i >= 2)) && printf '    needs: [%s]\n' "$(name $((i - 2)))"
    done
} > "$WORK/ws/deploydesk.yml"
{
    printf 'name: graph\non: push\njobs:\n'
    for ((i = 0; i < JOBS; i++)); do
        printf '  %s:\n    runs-on: ubuntu-latest\n    steps:\n      - run: "true"\n' "$(name $i)"
        ((i >= 2)) && printf '    needs: [%s]\n' "$(name $((i - 2)))"
    done
} > "$WORK/ws/.github/workflows/graph.yml"
export DEPLOYDESK_DATA_DIR=$WORK/data

"$CTL" -w "$WORK/ws" validate
"$CTL" -w "$WORK/ws" workflow list
hyperfine --style basic --warmup 1 --runs "$RUNS" --export-json "$WORK/pipeline.json" \
    --prepare "rm -rf $WORK/data" \
    "$CTL -w $WORK/ws run > $WORK/run.out"
hyperfine --style basic --warmup 1 --runs "$RUNS" --export-json "$WORK/workflow.json" \
    --prepare "rm -rf $WORK/data" \
    "$CTL -w $WORK/ws workflow run graph.yml --max-parallel 2 > $WORK/workflow.out"
rm -rf "$WORK/data"
/usr/bin/time -f '%e s %M KB' -o "$WORK/rss" "$CTL" -w "$WORK/ws" workflow run graph.yml \
    --max-parallel 2 > "$WORK/workflow.out"
OK=$(grep -cE '^[0-9:]+ j[0-9]+ success' "$WORK/workflow.out" || true)

PEER=$(mean_of "$WORK/pipeline.json")
RUN=$(mean_of "$WORK/workflow.json")
R=$(ratio "$RUN" "$PEER")
echo
echo "== results"
echo "jobs reported success: $OK of $JOBS; $(tail -n 1 "$WORK/workflow.out")"
echo "workflow run (mean of $RUNS): $(ms "$RUN")  deploydesk.yml run $(ms "$PEER")  ratio ${R}x  target <= 1.5x  $(verdict "$R" 1.5)"
echo "per job: $(awk -v r="$RUN" -v n="$JOBS" 'BEGIN { printf "%.2f ms", r * 1000 / n }') (stage: $(awk -v r="$PEER" -v n="$JOBS" 'BEGIN { printf "%.2f ms", r * 1000 / n }'))"
echo "peak RSS: $(cat "$WORK/rss")"
