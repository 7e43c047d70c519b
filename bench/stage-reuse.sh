#!/usr/bin/env bash
# Issue 11 §7: the example pipeline run twice with nothing changed. A copy of
# examples/textbook whose checks and site build list their `inputs:` (the file is the
# example's own, with one `inputs:` line added to each of those stages); the first run
# runs them, the second reuses them. Peer: the first run, in the same session. Reports
# both runs' wall time, their ratio (target <= 0.2) and the bytes the second run added
# to artifact storage (target 0). ROUNDS pairs, each in a fresh data folder. Then the
# example as shipped (no `inputs:`, every stage runs each time) twice in a fresh data
# folder: what the second run's artifacts add on disk (stored by content: 0 when the
# build made the same files).
# Usage: bench/stage-reuse.sh [ROUNDS]
source "$(dirname "$0")/common.sh"
ROUNDS=${1:-3}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
ws=$WORK/textbook
cp -r "$ROOT/examples/textbook" "$ws"
python3 - "$ws/deploydesk.yml" <<'PY'
import sys
path = sys.argv[1]
inputs = {
    "lint": '["backend/**/*.py", "site/**/*.py", setup.cfg]',
    "typecheck": '["backend/**/*.py", "site/**/*.py", mypy.ini]',
    "test-backend": '["backend/**", pytest.ini]',
    "test-site": '["site/**", docs, pytest.ini]',
    "build-site": '["site/**", docs]',
}
out, stage = [], None
for line in open(path):
    out.append(line)
    if line.startswith("  ") and not line.startswith("   ") and line.rstrip().endswith(":"):
        stage = line.strip()[:-1]
    if stage in inputs and line.startswith("    run:"):
        out.append("    inputs: %s\n" % inputs.pop(stage))
assert not inputs, inputs
open(path, "w").writelines(out)
PY
# The bytes of the files under artifacts/, a hard-linked file once (folders not counted).
artifact_bytes() {
    [ -d "$1/artifacts" ] || { echo 0; return; }
    find "$1/artifacts" -type f -printf '%D:%i %s\n' | sort -u | awk '{ s += $2 } END { print s + 0 }'
}
for round in $(seq 1 "$ROUNDS"); do
    data=$WORK/data-$round
    for which in first second; do
        before=$(artifact_bytes "$data")
        /usr/bin/time -f '%e' -o "$WORK/$which.time" env DEPLOYDESK_DATA_DIR="$data" "$CTL" -w "$ws" run > "$WORK/$which.out" 2>&1 \
            || { echo "bench: the $which run failed:"; tail -20 "$WORK/$which.out"; exit 1; }
        after=$(artifact_bytes "$data")
        echo "$(cat "$WORK/$which.time") $(( ${after:-0} - ${before:-0} ))" > "$WORK/$which.$round"
    done
    read -r t1 b1 < "$WORK/first.$round"; read -r t2 b2 < "$WORK/second.$round"
    second_run=$(sed -n 's/^run \([0-9]*\) .*started$/\1/p' "$WORK/second.out")
    reused=$(DEPLOYDESK_DATA_DIR=$data "$CTL" show "$second_run" | grep -c "reused from run [0-9]* (stage" || true)
    echo "round $round: first run $t1 s (artifacts +$b1 bytes), second $t2 s (artifacts +$b2 bytes, $reused stages reused): second/first $(ratio "$t2" "$t1")×; target <= 0.2: $(verdict "$(ratio "$t2" "$t1")" 0.2), zero bytes: $( [ "$b2" = 0 ] && echo PASS || echo MISS )"
done
plain=$WORK/textbook-plain
cp -r "$ROOT/examples/textbook" "$plain"
data=$WORK/data-plain
for which in first second; do
    before=$(artifact_bytes "$data")
    env DEPLOYDESK_DATA_DIR="$data" "$CTL" -w "$plain" run > "$WORK/plain-$which.out" 2>&1 \
        || { echo "bench: the $which plain run failed:"; tail -20 "$WORK/plain-$which.out"; exit 1; }
    after=$(artifact_bytes "$data")
    added=$(( ${after:-0} - ${before:-0} ))
    kept=$(DEPLOYDESK_DATA_DIR=$data "$CTL" show --json "$(sed -n 's/^run \([0-9]*\) .*started$/\1/p' "$WORK/plain-$which.out")" \
        | python3 -c 'import json,sys; print(sum(a["size"] for a in json.load(sys.stdin)["artifacts"]))')
    echo "as shipped, $which run: every stage ran; artifacts kept $kept bytes, added $added bytes on disk"
done
