#!/bin/sh
# Fails when a file under src/ or data/ with translatable strings is missing
# from po/POTFILES.in, or when POTFILES.in lists a file that does not exist.
# Usage: test-potfiles.sh SOURCE_ROOT
set -u
root=$1
potfiles="$root/po/POTFILES.in"
status=0

listed=$(grep -v -e '^#' -e '^[[:space:]]*$' "$potfiles")

for f in $listed; do
  if [ ! -f "$root/$f" ]; then
    echo "po/POTFILES.in lists $f, which does not exist" >&2
    status=1
  fi
done

cd "$root" || exit 1
found=$(grep -rlIE --include='*.c' --include='*.h' --include='*.ui' --include='*.in' --include='*.xml' \
  '(^|[^A-Za-z0-9_])(_|N_|C_|NC_|g_dngettext|g_dngettext|ngettext)\(|translatable="yes"' src data | sort)
for f in $found; do
  if ! printf '%s\n' "$listed" | grep -qxF "$f"; then
    echo "$f has translatable strings but is missing from po/POTFILES.in" >&2
    status=1
  fi
done

if [ "$status" -eq 0 ]; then
  echo "po/POTFILES.in lists every file with translatable strings"
fi
exit $status
