#!/bin/sh
# Build the .deb with CPack into a temporary folder and check what a user would
# get from it: the programs (stripped, their symbols in the -dbgsym package), the
# stage guard, the menu entry with its icon, the AppStream data, the example
# workspace, and sane package fields.
#
# Usage: check-deb.sh BUILD_DIR APP_ID VERSION   (CPACK may name the cpack binary)
set -u

build_dir=${1:?usage: check-deb.sh BUILD_DIR APP_ID VERSION}
app_id=${2:?usage: check-deb.sh BUILD_DIR APP_ID VERSION}
version=${3:?usage: check-deb.sh BUILD_DIR APP_ID VERSION}
cpack=${CPACK:-cpack}
failures=0

fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}

for program in deploydesk deploydeskctl deploydesk-stage deploydesk-forward; do
    if [ ! -x "$build_dir/bin/$program" ]; then
        echo "FAIL: $build_dir/bin/$program is not built; build all targets first" \
             "(cmake --build $build_dir), then rerun this test" >&2
        exit 1
    fi
done
if [ ! -f "$build_dir/CPackConfig.cmake" ]; then
    echo "FAIL: $build_dir/CPackConfig.cmake is missing; is packaging/ configured?" >&2
    exit 1
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/deploydesk-deb.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT INT TERM

if ! "$cpack" --config "$build_dir/CPackConfig.cmake" -G DEB -B "$work/out" \
        >"$work/cpack.log" 2>&1; then
    cat "$work/cpack.log" >&2
    echo "FAIL: cpack could not build the package (log above)" >&2
    exit 1
fi

set -- "$work"/out/*.deb
if [ $# -ne 1 ] || [ ! -f "$1" ]; then
    echo "FAIL: expected exactly one .deb in $work/out, found: $*" >&2
    exit 1
fi
deb=$1
echo "built $(basename "$deb")"
set -- "$work"/out/*-dbgsym_*.ddeb
if [ $# -ne 1 ] || [ ! -f "$1" ]; then
    echo "FAIL: expected the debug symbols package deploydesk-dbgsym_*.ddeb in $work/out," \
         "found: $*" >&2
    exit 1
fi
ddeb=$1
echo "built $(basename "$ddeb")"

dpkg-deb -c "$deb" | awk '{ print $NF }' | sed 's|^\./|/|' >"$work/contents" || exit 1

expect_file() {
    grep -qx "$1" "$work/contents" || fail "the package lacks $1"
}
expect_file /usr/bin/deploydesk
expect_file /usr/bin/deploydeskctl
expect_file "/usr/share/applications/$app_id.desktop"
expect_file "/usr/share/metainfo/$app_id.metainfo.xml"
expect_file "/usr/share/icons/hicolor/scalable/apps/$app_id.svg"
expect_file /usr/share/doc/deploydesk/copyright
expect_file /usr/share/deploydesk/examples/textbook/deploydesk.yml
expect_file /usr/share/deploydesk/examples/textbook/site/build.py
expect_file /usr/share/deploydesk/examples/textbook/backend/app/main.py
grep -Eqx '/usr/lib/([^/]+/)?deploydesk/deploydesk-stage' "$work/contents" ||
    fail "the package lacks the stage guard /usr/lib/…/deploydesk/deploydesk-stage"
grep -Eqx '/usr/lib/([^/]+/)?deploydesk/deploydesk-forward' "$work/contents" ||
    fail "the package lacks the local-service forwarder /usr/lib/…/deploydesk/deploydesk-forward"
if grep -E '/examples/textbook/(.*/)?(build|__pycache__|\.pytest_cache|\.mypy_cache)/' \
        "$work/contents"; then
    fail "the example workspace carries leftovers of a local run (listed above)"
fi

# The menu entry must start an installed program and show an installed icon.
dpkg-deb -x "$deb" "$work/root" || exit 1
desktop="$work/root/usr/share/applications/$app_id.desktop"
if [ -f "$desktop" ]; then
    exec_program=$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$desktop" | head -n 1)
    icon=$(sed -n 's/^Icon=//p' "$desktop" | head -n 1)
    [ -x "$work/root/usr/bin/$exec_program" ] ||
        fail "the desktop entry runs '$exec_program', which is not in /usr/bin"
    [ -f "$work/root/usr/share/icons/hicolor/scalable/apps/$icon.svg" ] ||
        fail "the desktop entry shows icon '$icon', which the package does not install"
fi

# The programs ship stripped; each one's symbols and line tables are in the dbgsym
# package, where a debugger looks for them by the program's build id.
dpkg-deb -x "$ddeb" "$work/dbg" || exit 1
for program in usr/bin/deploydesk usr/bin/deploydeskctl \
               $(cd "$work/root" && ls -d usr/lib/*deploydesk/deploydesk-* usr/lib/*/deploydesk/deploydesk-* 2>/dev/null); do
    binary="$work/root/$program"
    [ -f "$binary" ] || continue
    if readelf -S "$binary" | grep -Eq '\.(symtab|debug_info|debug_line)'; then
        fail "/$program is not stripped"
    fi
    build_id=$(readelf -n "$binary" | sed -n 's/.*Build ID: *\([0-9a-f]*\).*/\1/p')
    if [ -z "$build_id" ]; then
        fail "/$program has no build id: its symbols cannot be found"
        continue
    fi
    debug_file=$(echo "$build_id" | sed 's|^\(..\)\(.*\)|usr/lib/debug/.build-id/\1/\2.debug|')
    if [ ! -f "$work/dbg/$debug_file" ]; then
        fail "the dbgsym package lacks /$debug_file, the symbols of /$program"
    elif ! readelf -S "$work/dbg/$debug_file" 2>/dev/null | grep -q '\.debug_line'; then
        fail "/$debug_file (for /$program) has no line tables"
    fi
done
[ "$(dpkg-deb -f "$ddeb" Depends)" = "deploydesk (= $version)" ] ||
    fail "the dbgsym package depends on '$(dpkg-deb -f "$ddeb" Depends)', expected deploydesk (= $version)"

field() {
    dpkg-deb -f "$deb" "$1"
}
[ "$(field Package)" = deploydesk ] || fail "Package is '$(field Package)', expected deploydesk"
[ "$(field Version)" = "$version" ] || fail "Version is '$(field Version)', expected $version"
[ "$(field Section)" = devel ] || fail "Section is '$(field Section)', expected devel"
depends=$(field Depends)
for dependency in libqt6sql6-sqlite libssl3 libqt6core6; do
    echo "$depends" | grep -q "$dependency" ||
        fail "Depends lacks $dependency (found: $depends)"
done
[ -n "$(field Maintainer)" ] || fail "the package has no Maintainer"

if [ "$failures" -ne 0 ]; then
    echo "$failures problem(s) in $(basename "$deb")" >&2
    exit 1
fi
echo "package OK: $(field Package) $(field Version); Depends: $depends"
