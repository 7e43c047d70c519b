#!/usr/bin/env bash
# Command 2 of the README: install what is missing, build, run the whole test suite.
# DEPLOYDESK_SANITIZE=ON runs it under AddressSanitizer and UBSan (in build-asan/);
# then the fuzz targets run briefly (scripts/fuzz.sh --ci; DEPLOYDESK_FUZZ=OFF skips them).
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

dd_install_packages "${DD_BUILD_PACKAGES[@]}" "${DD_EXAMPLE_PACKAGES[@]}" "${DD_TEST_PACKAGES[@]}"
if [ "${DEPLOYDESK_SANITIZE:-OFF}" = "ON" ]; then
    DD_BUILD=${DD_BUILD_ASAN:-$DD_ROOT/build-asan}
    dd_build Debug -DDEPLOYDESK_SANITIZE=ON -DDEPLOYDESK_BUILD_BENCH=OFF
else
    dd_build RelWithDebInfo
fi
echo "==> running the test suite"
cd "$DD_BUILD"
ctest --output-on-failure -j"$(nproc)" "$@"
# The libFuzzer targets (tests/fuzz) on their corpora plus 6,000 inputs each from a fixed
# seed (the same verdict on every run), under ASan and UBSan
# in a small clang build of their own (build-fuzz/): a crash fails the command.
# DEPLOYDESK_FUZZ=OFF skips them (docs/reliability.md, "Fuzzing").
if [ "${DEPLOYDESK_FUZZ:-ON}" = "ON" ]; then
    "$DD_ROOT/scripts/fuzz.sh" --ci
fi
