#!/usr/bin/env bash
# Refreshes translations/deploydesk_*.ts from the sources: new strings are added as
# unfinished, vanished ones are kept as obsolete. Then translate them (Qt Linguist:
# `linguist translations/deploydesk_de.ts`, or by editing the XML) and rebuild: CMake
# turns every .ts into a .qm built into the program.
#
# Usage: scripts/update-translations.sh [--check]
#   --check  changes nothing; exits 1 if a .ts misses a string of the sources or has
#            one unfinished (the test suite runs this).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
LUPDATE=${LUPDATE:-/usr/lib/qt6/bin/lupdate}
[ -x "$LUPDATE" ] || LUPDATE=$(command -v lupdate || true)
[ -n "$LUPDATE" ] || { echo "update-translations: lupdate not found (apt-get install qt6-l10n-tools)" >&2; exit 2; }
CHECK=0
[ "${1:-}" = "--check" ] && CHECK=1

cd "$ROOT"
mapfile -t sources < <(find core app ui -name '*.cpp' -o -name '*.h' | sort)
status=0
for ts in translations/deploydesk_*.ts; do
    work=$(mktemp -d)
    # The working copy sits next to the .ts, so <location>s come out relative to it.
    fresh="translations/.update-$(basename "$ts")"
    cp "$ts" "$fresh"
    # -I: lupdate must read the headers to know each class's namespace (the context
    # tr() uses at run time is the class's qualified name). msg() is the config
    # module's tr(). Its warnings about classes without Q_OBJECT name the contexts
    # that are really "DeployDesk" at run time (free tr()/msg() helpers).
    # deploydesk_en.ts holds only the English plural forms ("%n file(s)" -> "%n file" /
    # "%n files"), filled by scripts/lib/en_plurals.py.
    plural=()
    [ "$(basename "$ts")" = deploydesk_en.ts ] && plural=(-pluralonly)
    "$LUPDATE" -I "$ROOT" -I "$ROOT/core" -I "$ROOT/app/cli" -tr-function-alias tr+=msg \
        "${plural[@]}" -locations relative -no-ui-lines "${sources[@]}" -ts "$fresh" \
        > "$work/lupdate.log" 2>&1 || { cat "$work/lupdate.log" >&2; rm -f "$fresh"; exit 2; }
    grep -o "Class '[^']*' lacks Q_OBJECT macro" "$work/lupdate.log" \
        | sed "s/Class '\(.*\)' lacks Q_OBJECT macro/\1/" | sort -u > "$work/plain-contexts.txt"
    python3 "$ROOT/scripts/lib/ts_contexts.py" "$fresh" "$work/plain-contexts.txt"
    if [ ${#plural[@]} -gt 0 ] && [ "$CHECK" = 0 ]; then
        python3 "$ROOT/scripts/lib/en_plurals.py" "$fresh"
    fi
    if [ "$CHECK" = 1 ]; then
        python3 "$ROOT/scripts/lib/ts_contexts.py" --compare "$ts" "$fresh" || status=1
        rm -f "$fresh"
    else
        mv "$fresh" "$ts"
        python3 "$ROOT/scripts/lib/ts_contexts.py" --stats "$ts"
    fi
    rm -rf "$work"
done
exit $status
