#!/usr/bin/env bash
# Issue 11 §7, caches: a stage whose "install" unpacks a node_modules-like tree (FILES
# files in 300 packages, text, ~4 KB each; npm's offline install from its own cache is
# the same work: unpack tarballs) with `cache: { key: { files: [package-lock.json] },
# paths: [node_modules] }`. Per round, in a fresh data folder and a fresh workspace copy:
#   plain  - the same stage without `cache:` (what every run costs without a cache);
#   miss   - the first run with the cache: unpack, then save the entry;
#   hit    - node_modules removed, run again: the entry restored, the unpack skipped.
# Peers in the same session: `tar xzf` of the tree alone and `cp -a` of it. Reports hit vs
# plain (the point of a cache), hit vs `cp -a` (what restoring costs over a plain copy) and
# miss vs plain (what saving costs), and the bytes the entry takes on disk.
# Usage: bench/stage-cache.sh [ROUNDS] [FILES]
source "$(dirname "$0")/common.sh"
ROUNDS=${1:-3}
FILES=${2:-30000}
src=$WORK/src
mkdir -p "$src"
python3 - "$src" "$FILES" <<'PY'
import os, random, sys
root, files = sys.argv[1], int(sys.argv[2])
rnd = random.Random(42)
words = [("".join(rnd.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rnd.randint(2, 9))))
         for _ in range(5000)]
for i in range(files):
    pkg = "pkg%03d" % (i % 300)
    sub = os.path.join(root, "node_modules", pkg, "lib", "d%d" % (i // 3000))
    os.makedirs(sub, exist_ok=True)
    size = rnd.randint(500, 7500)
    text = []
    n = 0
    while n < size:
        w = rnd.choice(words)
        text.append(w)
        n += len(w) + 1
    with open(os.path.join(sub, "f%d.js" % i), "w") as f:
        f.write(" ".join(text))
with open(os.path.join(root, "package-lock.json"), "w") as f:
    f.write('{"lockfileVersion": 3, "packages": {}}\n')
PY
tar czf "$WORK/registry.tgz" -C "$src" node_modules
tree_bytes=$(du -sb "$src/node_modules" | cut -f1)
stage_yml() { # $1: with cache (1) or not (0)
    printf 'name: cache-bench\nstages:\n  install:\n    run: '\''[ "$DEPLOYDESK_CACHE_HIT" = true ] || tar xzf %s'\''\n' "$WORK/registry.tgz"
    if [ "$1" = 1 ]; then
        printf '    cache:\n      key: { files: [package-lock.json], prefix: npm }\n      paths: [node_modules]\n'
    fi
}
timed_run() { # data ws label
    /usr/bin/time -f '%e' -o "$WORK/t" env DEPLOYDESK_DATA_DIR="$1" "$CTL" -w "$2" run > "$WORK/$3.out" 2>&1 \
        || { echo "bench: the $3 run failed:"; tail -20 "$WORK/$3.out"; exit 1; }
    cat "$WORK/t"
}
echo "tree: $FILES files, $tree_bytes bytes in node_modules; tarball $(stat -c %s "$WORK/registry.tgz") bytes"
for round in $(seq 1 "$ROUNDS"); do
    ws=$WORK/ws-$round; rm -rf "$ws"; mkdir -p "$ws"; cp "$src/package-lock.json" "$ws/"
    stage_yml 0 > "$ws/deploydesk.yml"
    t_plain=$(timed_run "$WORK/data-plain-$round" "$ws" plain)
    rm -rf "$ws/node_modules"
    stage_yml 1 > "$ws/deploydesk.yml"
    t_miss=$(timed_run "$WORK/data-$round" "$ws" miss)
    DEPLOYDESK_DATA_DIR="$WORK/data-$round" "$CTL" logs 1 install > "$WORK/miss.log"
    grep -q "cache miss" "$WORK/miss.log" || { echo "bench: no cache miss in the first run"; cat "$WORK/miss.log"; exit 1; }
    rm -rf "$ws/node_modules"
    t_hit=$(timed_run "$WORK/data-$round" "$ws" hit)
    DEPLOYDESK_DATA_DIR="$WORK/data-$round" "$CTL" logs 2 install > "$WORK/hit.log"
    grep -q "cache hit" "$WORK/hit.log" || { echo "bench: no cache hit in the second run"; cat "$WORK/hit.log"; exit 1; }
    [ "$round" = 1 ] && { echo "first round's logs:"; sed 's/^/  miss: /' "$WORK/miss.log"; sed 's/^/  hit:  /' "$WORK/hit.log"; }
    restored=$(find "$ws/node_modules" -type f | wc -l)
    [ "$restored" = "$FILES" ] || { echo "bench: $restored of $FILES files restored"; exit 1; }
    entry_bytes=$(find "$WORK/data-$round/caches" "$WORK/data-$round/artifacts" -type f -printf '%D:%i %s\n' 2>/dev/null | sort -u | awk '{ s += $2 } END { print s + 0 }')
    rm -rf "$WORK/peer"; mkdir -p "$WORK/peer"
    /usr/bin/time -f '%e' -o "$WORK/t" tar xzf "$WORK/registry.tgz" -C "$WORK/peer"; t_tar=$(cat "$WORK/t")
    rm -rf "$WORK/copy"
    sync
    /usr/bin/time -f '%e' -o "$WORK/t" cp -a "$WORK/peer/node_modules" "$WORK/copy"; t_cp=$(cat "$WORK/t")
    echo "round $round: plain $t_plain s, miss $t_miss s, hit $t_hit s; peers: tar xzf $t_tar s, cp -a $t_cp s;" \
        "hit/plain $(ratio "$t_hit" "$t_plain")×, hit/cp-a $(ratio "$t_hit" "$t_cp")×, miss/plain $(ratio "$t_miss" "$t_plain")×;" \
        "on disk $entry_bytes bytes for $tree_bytes"
    rm -rf "$ws" "$WORK/data-$round" "$WORK/data-plain-$round"
done
