#!/usr/bin/env bash
# Build Eligo twice and run the whole test suite under Xvfb, then fuzz:
#   1. _build       (warnings are errors)
#   2. _build-asan  (AddressSanitizer + UndefinedBehaviorSanitizer, debug)
#   3. _build-fuzz  (build-aux/fuzz.sh: each libFuzzer target for
#                    FUZZ_SECONDS, default 45; 0 skips the stage)
# All stages always run; a summary follows. The last line of output is
#   N passed, N failed[, N skipped]
# counting individual test cases (TAP lines; one per fuzz target). Exit
# status is 0 only if nothing failed and every build configured and
# compiled.
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root" || exit 1

# shellcheck source=build-aux/deps.sh
. "$root/build-aux/deps.sh"

FUZZ_SECONDS=${FUZZ_SECONDS:-45}
if ! [[ $FUZZ_SECONDS =~ ^[0-9]+$ ]]; then
  echo "error: FUZZ_SECONDS must be a number of seconds, not '$FUZZ_SECONDS'" >&2
  exit 2
fi

ensure_packages "${ELIGO_BUILD_PACKAGES[@]}" "${ELIGO_TEST_PACKAGES[@]}"
if [ "$FUZZ_SECONDS" -gt 0 ]; then
  ensure_packages "${ELIGO_FUZZ_PACKAGES[@]}"
fi

ensure_zh_locale

XVFB=(xvfb-run -a -s "-screen 0 1920x1080x24")

total_passed=0
total_failed=0
total_skipped=0
summary=()

# summarise TESTLOG_JSON
# Prints the names of failed cases (indented), then a last line "P F S".
summarise() {
  python3 - "$1" <<'PY'
import json
import re
import sys

TAP = re.compile(r'^(not ok|ok)\b(.*)$')
DIRECTIVE = re.compile(r'#\s*(SKIP|TODO)\b', re.IGNORECASE)

passed = failed = skipped = 0
failures = []

with open(sys.argv[1], encoding='utf-8', errors='replace') as f:
    for lineno, raw in enumerate(f, 1):
        raw = raw.strip()
        if not raw:
            continue
        try:
            test = json.loads(raw)
        except ValueError:
            failed += 1
            failures.append('unreadable testlog.json line %d' % lineno)
            continue
        name = test.get('name') or '?'
        result = test.get('result') or 'ERROR'
        stdout = test.get('stdout') or ''

        if result == 'EXPECTEDFAIL':  # a should_fail test that failed: success
            passed += 1
            continue

        cases = 0
        case_failures = 0
        for line in stdout.splitlines():
            m = TAP.match(line.rstrip())
            if not m:
                continue  # also skips indented TAP 14 subtest lines
            cases += 1
            directive = DIRECTIVE.search(m.group(2))
            kind = directive.group(1).upper() if directive else None
            if kind == 'SKIP':
                skipped += 1
            elif m.group(1) == 'ok':
                passed += 1
            elif kind == 'TODO':  # known failure, not counted against us
                skipped += 1
            else:
                failed += 1
                case_failures += 1
                failures.append('%s: %s' % (name, line.strip()))

        if cases == 0:
            if result == 'OK':
                passed += 1
            elif result == 'SKIP':
                skipped += 1
            else:
                failed += 1
                failures.append('%s: %s' % (name, result))
        elif result not in ('OK', 'SKIP') and case_failures == 0:
            # e.g. crashed or leaked after the last case
            failed += 1
            failures.append('%s: %s after %d TAP case(s)' % (name, result, cases))

for f in failures:
    print('    FAILED ' + f)
print(passed, failed, skipped)
PY
}

# add_counts LABEL PASSED FAILED SKIPPED [NOTE]
add_counts() {
  local line
  total_passed=$((total_passed + $2))
  total_failed=$((total_failed + $3))
  total_skipped=$((total_skipped + $4))
  line="$1: $2 passed, $3 failed"
  if [ "$4" -gt 0 ]; then line+=", $4 skipped"; fi
  if [ -n "${5:-}" ]; then line+=" ($5)"; fi
  summary+=("$line")
}

# run_stage LABEL BUILDDIR "MESON_TEST_ARGS" [ENV=VALUE...] -- [MESON_SETUP_ARGS...]
run_stage() {
  local label=$1 builddir=$2 test_args=$3
  shift 3
  local -a env_vars=()
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do
    env_vars+=("$1")
    shift
  done
  [ $# -gt 0 ] && shift
  local -a setup_args=("$@")

  echo
  echo "==== $label: configure $builddir ===="
  local ok=1
  if [ -f "$builddir/meson-private/coredata.dat" ]; then
    if ! meson setup --reconfigure "$builddir" "${setup_args[@]}"; then
      echo "Reconfigure failed; wiping $builddir and trying again"
      meson setup --wipe "$builddir" "${setup_args[@]}" || ok=0
    fi
  else
    meson setup "$builddir" "${setup_args[@]}" || ok=0
  fi
  if [ "$ok" -eq 0 ]; then
    add_counts "$label" 0 1 0 "meson setup FAILED"
    return
  fi

  echo
  echo "==== $label: build ===="
  if ! meson compile -C "$builddir"; then
    add_counts "$label" 0 1 0 "build FAILED"
    return
  fi

  echo
  echo "==== $label: test ===="
  local log="$builddir/meson-logs/testlog.json"
  rm -f "$log"
  local rc=0
  # shellcheck disable=SC2086  # test_args is a list of plain options
  env "${env_vars[@]}" "${XVFB[@]}" \
    meson test -C "$builddir" --print-errorlogs --num-processes 2 $test_args || rc=$?

  if [ ! -s "$log" ]; then
    add_counts "$label" 0 1 0 "meson test exited $rc and wrote no testlog.json"
    return
  fi

  local out counts p f s
  if ! out=$(summarise "$log"); then
    add_counts "$label" 0 1 0 "could not parse $log"
    return
  fi
  counts=$(tail -n 1 <<<"$out")
  read -r p f s <<<"$counts"
  local note=""
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
    f=1
    note="meson test exited $rc"
  fi
  add_counts "$label" "$p" "$f" "$s" "$note"
  local details
  details=$(head -n -1 <<<"$out")
  if [ -n "$details" ]; then summary+=("$details"); fi
}

run_stage "default build" _build "" \
  GTK_A11Y=test NO_AT_BRIDGE=1 \
  -- -Dwerror=true

run_stage "asan build" _build-asan "--timeout-multiplier 3" \
  GTK_A11Y=test NO_AT_BRIDGE=1 \
  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  -- -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug -Dwerror=true

# run_fuzz_stage: build-aux/fuzz.sh for FUZZ_SECONDS per target; each
# target is one case, passed or failed.
run_fuzz_stage() {
  local label="fuzz ($FUZZ_SECONDS s per target)"
  if [ "$FUZZ_SECONDS" -eq 0 ]; then
    summary+=("fuzz: skipped (FUZZ_SECONDS=0)")
    return
  fi

  echo
  echo "==== fuzz: build-aux/fuzz.sh $FUZZ_SECONDS ===="
  local log rc
  log=$(mktemp)
  "$root/build-aux/fuzz.sh" "$FUZZ_SECONDS" 2>&1 | tee "$log"
  rc=${PIPESTATUS[0]}

  # The lines after fuzz.sh's summary header: "PASS target: ..." or "FAIL ...".
  local results p f
  results=$(sed -n '/^==== fuzz: summary/,$p' "$log" | grep -E '^(PASS|FAIL) ')
  rm -f "$log"
  p=$(grep -c '^PASS ' <<<"$results")
  f=$(grep -c '^FAIL ' <<<"$results")
  if [ "$p" -eq 0 ] && [ "$f" -eq 0 ]; then
    add_counts "$label" 0 1 0 "fuzz.sh exited $rc before running the targets"
    return
  fi
  local note=""
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
    f=1
    note="fuzz.sh exited $rc"
  fi
  add_counts "$label" "$p" "$f" 0 "$note"
  local details
  details=$(grep '^FAIL ' <<<"$results" | sed 's/^FAIL /    FAILED fuzz-/')
  if [ -n "$details" ]; then summary+=("$details"); fi
}

run_fuzz_stage

echo
echo "==== summary ===="
for line in "${summary[@]}"; do
  echo "$line"
done
final="$total_passed passed, $total_failed failed"
[ "$total_skipped" -gt 0 ] && final+=", $total_skipped skipped"
echo "$final"

[ "$total_failed" -eq 0 ]
