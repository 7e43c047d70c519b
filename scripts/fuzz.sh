#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz) with clang 14, ASan and UBSan in build-fuzz/
# and runs them, each on its seed corpus (tests/fuzz/corpus/<target>) and dictionary.
#
#   scripts/fuzz.sh [TARGET|all] [SECONDS]     one target or all, SECONDS each (default 60)
#   scripts/fuzz.sh --ci                       all targets, the same fixed 6,000 inputs each
#                                              (what test.sh runs)
#   scripts/fuzz.sh --list                     the target names
#
# TARGET is pipelineloader, condition, expression, workflowloader, ansiparser,
# linesplitter, utf8, secretmasker or logblock (with or without the fuzz_ prefix). New
# inputs that reach new code go to build-fuzz/corpus/<target>, not into the source tree;
# a crash is written to build-fuzz/crashes/ and the command fails. Extra libFuzzer options: DD_FUZZ_ARGS.
# See docs/reliability.md ("Fuzzing").
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

DD_FUZZ_BUILD=${DD_FUZZ_BUILD:-$DD_ROOT/build-fuzz}
DD_FUZZ_SRC=$DD_ROOT/tests/fuzz
TARGETS=(pipelineloader condition expression workflowloader ansiparser linesplitter utf8 secretmasker logblock)
# --ci: every target replays its seeds and regression inputs, then tries the same
# CI_RUNS mutations from a fixed seed: a check that a change broke nothing, with the same
# verdict on every machine. Finding new crashes is the long runs' work (random seeds,
# hours; docs/reliability.md): in CI a random find fails a change that did not cause it.
CI_RUNS=6000
ci=false

usage() { sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; }

target=${1:-all}
seconds=${2:-60}
case "$target" in
    -h|--help) usage; exit 0 ;;
    --list) printf '%s\n' "${TARGETS[@]}"; exit 0 ;;
    --ci) target=all; ci=true ;;
esac
target=${target#fuzz_}
if [ "$target" = all ]; then
    selected=("${TARGETS[@]}")
else
    [[ " ${TARGETS[*]} " == *" $target "* ]] || { echo "fuzz.sh: no target \"$target\"; one of: ${TARGETS[*]}" >&2; exit 2; }
    selected=("$target")
fi
[[ "$seconds" =~ ^[0-9]+$ ]] && [ "$seconds" -ge 1 ] || { echo "fuzz.sh: SECONDS must be a whole number >= 1" >&2; exit 2; }

dd_install_packages "${DD_BUILD_PACKAGES[@]}" "${DD_FUZZ_PACKAGES[@]}"

echo "==> building the fuzz targets in $DD_FUZZ_BUILD"
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S "$DD_ROOT" -B "$DD_FUZZ_BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DDEPLOYDESK_FUZZ=ON -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 \
      "${launcher[@]}" >/dev/null
cmake --build "$DD_FUZZ_BUILD" -j"$(nproc)" --target "${selected[@]/#/fuzz_}"

# Symbolized reports when llvm-symbolizer is there; leaks of the Qt globals are not ours,
# but a leak per input is (libFuzzer checks each input that allocates more than it frees).
symbolizer=$(command -v llvm-symbolizer-14 || command -v llvm-symbolizer || true)
[ -n "$symbolizer" ] && export ASAN_SYMBOLIZER_PATH=$symbolizer
export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1:strict_string_checks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

mkdir -p "$DD_FUZZ_BUILD/crashes"
status=0
for t in "${selected[@]}"; do
    corpus=$DD_FUZZ_BUILD/corpus/$t
    mkdir -p "$corpus"
    dict=()
    [ -f "$DD_FUZZ_SRC/dict/$t.dict" ] && dict=(-dict="$DD_FUZZ_SRC/dict/$t.dict")
    if $ci; then
        budget=(-seed=1 -runs=$CI_RUNS)
        echo "==> fuzz_$t, $CI_RUNS inputs from seed 1"
    else
        budget=(-max_total_time="$seconds")
        echo "==> fuzz_$t for ${seconds}s"
    fi
    log=$DD_FUZZ_BUILD/fuzz_$t.log
    # The first folder receives the new inputs; the seeds are read from the second.
    # shellcheck disable=SC2086
    if ! "$DD_FUZZ_BUILD/bin/fuzz_$t" "${budget[@]}" -timeout=10 -rss_limit_mb=2048 \
            -max_len=65536 -print_final_stats=1 "${dict[@]}" \
            -artifact_prefix="$DD_FUZZ_BUILD/crashes/${t}-" ${DD_FUZZ_ARGS:-} \
            "$corpus" "$DD_FUZZ_SRC/corpus/$t" >"$log" 2>&1; then
        status=1
        tail -n 60 "$log"
        echo "fuzz.sh: fuzz_$t failed; the input is in $DD_FUZZ_BUILD/crashes/ (full log: $log)" >&2
        continue
    fi
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    echo "    ${runs:-?} executions, no crash"
done
exit $status
