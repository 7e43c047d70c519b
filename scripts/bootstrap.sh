#!/usr/bin/env bash
# Command 1 of the README: install what is missing, build, and run the example
# workspace — in the panel when there is a display, else with deploydeskctl.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

dd_install_packages "${DD_BUILD_PACKAGES[@]}" "${DD_EXAMPLE_PACKAGES[@]}"
dd_build RelWithDebInfo

example="$DD_ROOT/examples/textbook"
# The example's checks, then its site and backend deployed to the local staging
# environment; deploydeskctl prints the URLs where they answer.
echo "==> deploying the example workspace to its local staging environment"
"$DD_BUILD/bin/deploydeskctl" --workspace "$example" validate
status=0
"$DD_BUILD/bin/deploydeskctl" --workspace "$example" deploy staging -m "bootstrap deploy" || status=$?
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -z "${DEPLOYDESK_HEADLESS:-}" ]; then
    echo "==> opening DeployDesk on $example"
    exec "$DD_BUILD/bin/deploydesk" "$example"
fi
exit "$status"
