#!/usr/bin/env bash
# Issue 11 §2 on the issue's own command: a stage running
#   seq 1 LINES | sed "s/^/log line number /"
# through `deploydeskctl run` (a new history each run, as a first run makes it) against the
# peer `sh -c 'CMD > file'`. Rounds alternate the peer and the build (and OTHER_BUILD, when
# given, for a before/after); `sync` between runs, untimed, so one run's write-back does not
# land in the next. CPU is user + system of the command and every process it waited for
# (a cgroup around it; needs root), so DeployDesk's own CPU a line is (run - peer) / LINES.
# Usage: bench/fast-producer.sh [ROUNDS] [OTHER_BUILD] [LINES]
source "$(dirname "$0")/common.sh"
ROUNDS=${1:-7}
OTHER=${2:-}
LINES=${3:-2000000}
[ -z "$OTHER" ] || [ -x "$OTHER/bin/deploydeskctl" ] \
    || { echo "bench: $OTHER/bin/deploydeskctl not found" >&2; exit 2; }

fast_workspace "$WORK/ws" "$LINES"
CMD="seq 1 $LINES | sed \"s/^/log line number /\""
echo "== $CMD: $(sh -c "$CMD" | wc -c) bytes, $LINES lines; $ROUNDS rounds"

# The CPU of a command and of everything it starts: a cgroup around it (v2, or v1's cpuacct).
CG_ROOT=
if [ -f /sys/fs/cgroup/cgroup.controllers ]; then
    CG_ROOT=/sys/fs/cgroup
elif [ -d /sys/fs/cgroup/cpuacct ]; then
    CG_ROOT=/sys/fs/cgroup/cpuacct
fi
mkdir "$CG_ROOT/dd-bench-$$" 2>/dev/null || {
    echo "bench: cannot make a cgroup under ${CG_ROOT:-/sys/fs/cgroup} (run as root): the CPU" \
        "of the stage's processes cannot be counted" >&2
    exit 2
}
CG=$CG_ROOT/dd-bench-$$
trap 'rmdir "$CG" 2>/dev/null; rm -rf "$WORK"' EXIT
cpu_ns() {
    if [ -f "$CG/cpu.stat" ]; then
        awk '$1 == "usage_usec" { print $2 * 1000 }' "$CG/cpu.stat"
    else
        cat "$CG/cpuacct.usage"
    fi
}
# timed NAME COMMAND... : appends "NAME wall cpu" (seconds) to $WORK/rows: the wall from
# starting the command (through a small sh that puts itself in the cgroup first, the same
# for the peer and the run) to its end; the CPU the cgroup's, of it and all it started.
timed() {
    local name=$1 before after start end
    shift
    before=$(cpu_ns)
    start=$EPOCHREALTIME
    sh -c 'echo $$ > "$0/cgroup.procs" && exec "$@"' "$CG" "$@" > /dev/null
    end=$EPOCHREALTIME
    after=$(cpu_ns)
    sync
    echo "$name $(awk -v s="$start" -v e="$end" -v a="$after" -v b="$before" \
        'BEGIN { printf "%.4f %.4f", e - s, (a - b) / 1e9 }')" >> "$WORK/rows"
}
builds=("$BUILD")
[ -z "$OTHER" ] || builds+=("$OTHER")
for round in $(seq 1 "$ROUNDS"); do
    timed peer sh -c "$CMD > $WORK/peer.txt"
    for b in "${builds[@]}"; do
        rm -rf "$WORK/data"
        DEPLOYDESK_DATA_DIR=$WORK/data timed "$b" "$b/bin/deploydeskctl" -w "$WORK/ws" run
    done
done
LAST=${builds[-1]}
DEPLOYDESK_DATA_DIR=$WORK/data "$LAST/bin/deploydeskctl" logs 1 > "$WORK/logs.txt"
cmp -s "$WORK/logs.txt" "$WORK/peer.txt" && KEPT=PASS || KEPT=MISS

# Per round: the ratio to that round's peer; medians over the rounds.
python3 - "$WORK/rows" "$LINES" "$BUILD" <<'PY'
import statistics as st, sys
rows = [l.split() for l in open(sys.argv[1])]
lines, build = int(sys.argv[2]), sys.argv[3]
peers = [r for r in rows if r[0] == "peer"]
names = list(dict.fromkeys(r[0] for r in rows if r[0] != "peer"))
print(f"peer: wall {min(float(p[1]) for p in peers):.3f}-{max(float(p[1]) for p in peers):.3f} s "
      f"(median {st.median(float(p[1]) for p in peers):.3f}), "
      f"CPU median {st.median(float(p[2]) for p in peers):.3f} s")
for name in names:
    runs = [r for r in rows if r[0] == name]
    walls = [float(r[1]) / float(p[1]) for r, p in zip(runs, peers)]
    cpus = [(float(r[2]) - float(p[2])) / lines * 1e6 for r, p in zip(runs, peers)]
    wall, cpu = st.median(walls), st.median(cpus)
    print(f"{name}: wall {st.median(float(r[1]) for r in runs):.3f} s, ratio {min(walls):.2f}-{max(walls):.2f}x "
          f"(median {wall:.2f}x, target <= 1.5x {'PASS' if wall <= 1.5 else 'MISS'}); "
          f"CPU a line {min(cpus):.3f}-{max(cpus):.3f} us (median {cpu:.3f}, "
          f"target <= 0.150 {'PASS' if cpu <= 0.150 else 'MISS'})")
PY
echo "logs of the last run ($LAST): every line, byte for byte as the peer's file: $KEPT"
