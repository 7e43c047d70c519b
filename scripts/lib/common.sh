# Shared by the scripts: the Debian packages DeployDesk needs, installed when missing.
# shellcheck shell=bash

DD_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
DD_BUILD=${DD_BUILD:-$DD_ROOT/build}

# Build tools and libraries.
DD_BUILD_PACKAGES=(
    cmake ninja-build g++ pkg-config git
    qt6-base-dev libqt6sql6-sqlite qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libgl-dev
    qt6-translations-l10n python3
    libyaml-cpp-dev qtkeychain-qt6-dev
    libcmark-gfm-dev libcmark-gfm-extensions-dev libssl-dev libzstd-dev libsqlite3-dev
)
# What the example workspace's stages run.
DD_EXAMPLE_PACKAGES=(
    python3 python3-fastapi python3-uvicorn python3-pytest python3-httpx
    flake8 python3-mypy mypy
    alembic python3-alembic python3-sqlalchemy python3-psycopg2
)
# What the fuzz targets need (scripts/fuzz.sh; test.sh runs them briefly): clang 14 and
# its runtimes (libFuzzer, ASan, UBSan: libclang_rt.*.a are in libclang-rt-14-dev).
DD_FUZZ_PACKAGES=(clang-14 libclang-rt-14-dev)
# What the test suite starts or checks: a private D-Bus with a real keychain,
# packaging validators, a display server for GUI screenshots, a web server serving
# local-site releases, a PostgreSQL server the Alembic tests start on their own.
DD_TEST_PACKAGES=(
    dbus-daemon gnome-keyring desktop-file-utils appstream dpkg-dev file xvfb xauth
    nginx
    postgresql python3-alembic python3-sqlalchemy python3-psycopg2
    "${DD_FUZZ_PACKAGES[@]}"
)

dd_missing_packages() {
    local missing=()
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    echo "${missing[@]}"
}

dd_install_packages() {
    local missing
    missing=$(dd_missing_packages "$@")
    [ -z "$missing" ] && return 0
    echo "==> installing Debian packages: $missing"
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing
}

dd_build() {
    local type=${1:-RelWithDebInfo}
    shift || true
    echo "==> building ($type) in $DD_BUILD"
    cmake -S "$DD_ROOT" -B "$DD_BUILD" -G Ninja -DCMAKE_BUILD_TYPE="$type" "$@" >/dev/null
    cmake --build "$DD_BUILD" -j"$(nproc)"
}
