#!/usr/bin/env bash
# Build the libFuzzer targets of tests/fuzz and run each for a while:
#   build-aux/fuzz.sh [SECONDS] [TARGET...]
# SECONDS defaults to 60 per target; TARGET defaults to all of them (the
# names of fuzz_targets below, e.g. "rule extractor").
#
# The build is _build-fuzz (CC=clang, -Dfuzzing=true, ASan + UBSan). Each
# target runs on a scratch copy of its seed corpus (tests/fuzz/corpus/
# TARGET), so what it discovers never lands in the repository; the copy and
# any findings are kept in _build-fuzz/fuzz-runs/TARGET/ until the next run.
# Per target it prints the executions, executions per second, coverage
# gained and findings, then one line per target:
#   PASS TARGET: ...   or   FAIL TARGET: ... (the finding's file)
# Exit status is 0 only if every target built and ran without a crash,
# leak, timeout or out-of-memory. Reproduce a finding with
#   _build-fuzz/tests/fuzz/fuzz-TARGET FILE
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root" || exit 1

# The targets, in the order they run.
fuzz_targets=(import splitter extractor rule patient fhir registry)

# Which dictionary each target uses (tests/fuzz/NAME.dict).
declare -A fuzz_dicts=(
  [import]=json
  [patient]=json
  [fhir]=fhir
  [registry]=json
  [splitter]=criteria
  [extractor]=criteria
  [rule]=rule
)

seconds=60
if [ $# -gt 0 ] && [[ $1 =~ ^[0-9]+$ ]]; then
  seconds=$1
  shift
fi
if [ "$seconds" -lt 1 ]; then
  echo "error: SECONDS must be at least 1" >&2
  exit 2
fi

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=("${fuzz_targets[@]}")
fi
for target in "${targets[@]}"; do
  known=0
  for name in "${fuzz_targets[@]}"; do
    if [ "$name" = "$target" ]; then known=1; fi
  done
  if [ "$known" -eq 0 ]; then
    echo "error: no fuzz target '$target' (there are: ${fuzz_targets[*]})" >&2
    exit 2
  fi
done

# shellcheck source=build-aux/deps.sh
. "$root/build-aux/deps.sh"
ensure_packages "${ELIGO_BUILD_PACKAGES[@]}" "${ELIGO_FUZZ_PACKAGES[@]}"

builddir=_build-fuzz
# shellcheck disable=SC2054  # the commas are meson's
setup_args=(-Dfuzzing=true -Db_sanitize=address,undefined -Db_lundef=false
            -Dbuildtype=debugoptimized -Dwerror=true)

echo "==== fuzz: configure $builddir ===="
if [ -f "$builddir/meson-private/coredata.dat" ]; then
  if ! meson setup --reconfigure "$builddir" "${setup_args[@]}"; then
    echo "Reconfigure failed; wiping $builddir and trying again"
    CC=clang meson setup --wipe "$builddir" "${setup_args[@]}" || exit 1
  fi
else
  CC=clang meson setup "$builddir" "${setup_args[@]}" || exit 1
fi

echo "==== fuzz: build ===="
build_targets=()
for target in "${targets[@]}"; do
  build_targets+=("fuzz-$target")
done
meson compile -C "$builddir" "${build_targets[@]}" || exit 1

symbolizer=$(command -v llvm-symbolizer || command -v llvm-symbolizer-14 || true)
runs="$root/$builddir/fuzz-runs"
# The importer writes a fresh SQLite database per input: on tmpfs its
# fsyncs cost nothing.
scratch_base=$runs
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
  scratch_base=/dev/shm
fi

failed=0
results=()

# stat NAME LOG: a figure from libFuzzer's -print_final_stats
stat() {
  sed -n "s/^stat::$1: *//p" "$2" | tail -n 1
}

# cov LOG WHICH: the coverage on the first (INITED) or last status line
cov() {
  local pattern
  if [ "$2" = first ]; then pattern='INITED'; else pattern='cov:'; fi
  grep -E "^#[0-9]+[[:space:]]+.*$pattern" "$1" | { if [ "$2" = first ]; then head -n 1; else tail -n 1; fi; } \
    | sed -n 's/.* cov: \([0-9]*\).*/\1/p'
}

for target in "${targets[@]}"; do
  exe="$root/$builddir/tests/fuzz/fuzz-$target"
  dir="$runs/$target"
  rm -rf "$dir"
  mkdir -p "$dir/corpus" "$dir/findings"
  cp "$root/tests/fuzz/corpus/$target/"* "$dir/corpus/"
  tmp=$(mktemp -d "$scratch_base/eligo-fuzz-$target.XXXXXX")
  log="$dir/fuzz.log"
  dict_args=()
  if [ -n "${fuzz_dicts[$target]:-}" ]; then
    dict_args=(-dict="$root/tests/fuzz/${fuzz_dicts[$target]}.dict")
  fi

  echo
  echo "==== fuzz: $target for ${seconds}s ===="
  rc=0
  # The outer timeout only guards against libFuzzer itself hanging.
  env TMPDIR="$tmp" GIO_USE_VFS=local LC_ALL=C.UTF-8 \
      ASAN_OPTIONS=detect_leaks=1 \
      UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
      ${symbolizer:+ASAN_SYMBOLIZER_PATH="$symbolizer"} \
      timeout --kill-after=30 $((seconds + 120)) \
      "$exe" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
             "${dict_args[@]}" -print_final_stats=1 \
             -artifact_prefix="$dir/findings/" "$dir/corpus" >"$log" 2>&1 || rc=$?
  rm -rf "$tmp"

  execs=$(stat number_of_executed_units "$log")
  rate=$(stat average_exec_per_sec "$log")
  added=$(stat new_units_added "$log")
  cov_start=$(cov "$log" first)
  cov_end=$(cov "$log" last)
  mapfile -t findings < <(find "$dir/findings" -type f \( -name 'crash-*' -o -name 'leak-*' \
                            -o -name 'timeout-*' -o -name 'oom-*' \) | sort)

  line="$target: ${execs:-?} execs, ${rate:-?} exec/s, coverage ${cov_start:-?} -> ${cov_end:-?}"
  if [ -n "$cov_start" ] && [ -n "$cov_end" ]; then
    line+=" (+$((cov_end - cov_start)))"
  fi
  line+=", ${added:-?} new inputs"
  if [ "$rc" -eq 0 ] && [ ${#findings[@]} -eq 0 ]; then
    results+=("PASS $line, no findings")
  else
    failed=1
    # Show what libFuzzer said about it: the sanitizer report and its end.
    grep -E -A 40 '^==[0-9]+==ERROR|^SUMMARY|^ALARM|deadly signal|out-of-memory' "$log" | head -n 80
    if [ ${#findings[@]} -gt 0 ]; then
      results+=("FAIL $line, ${#findings[@]} finding(s): ${findings[*]}")
    else
      results+=("FAIL $line, libFuzzer exited $rc (see $log)")
    fi
  fi
  echo "${results[-1]}"
done

echo
echo "==== fuzz: summary (${seconds}s per target) ===="
for line in "${results[@]}"; do
  echo "$line"
done

exit "$failed"
