#!/usr/bin/env bash
# Command 2 of the README: install what is missing, build, run the whole test suite.
# DEPLOYDESK_SANITIZE=ON runs it under AddressSanitizer and UBSan (in build-asan/).
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
