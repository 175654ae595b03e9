#!/bin/sh
# Starts the eligo binary without its GSettings schema: it must print one
# line saying how to start it and exit 1, never abort on a signal.
# Usage: test-missing-schema.sh PATH-TO-ELIGO
set -u
app=$1
empty=$(mktemp -d)
trap 'rm -rf "$empty"' EXIT

LANGUAGE=C LC_ALL=C GSETTINGS_SCHEMA_DIR="$empty" XDG_DATA_DIRS="$empty" \
  XDG_DATA_HOME="$empty" GSETTINGS_BACKEND=memory \
  "$app" >"$empty/out" 2>"$empty/err" </dev/null
status=$?

if [ "$status" -ne 1 ]; then
  echo "expected exit status 1, got $status (>128 means a signal)" >&2
  cat "$empty/err" >&2
  exit 1
fi
if ! grep -q "settings schema is not installed; start Eligo with build-aux/run.sh" "$empty/err"; then
  echo "stderr does not say how to start Eligo:" >&2
  cat "$empty/err" >&2
  exit 1
fi
if grep -q "GLib-GIO-ERROR" "$empty/err"; then
  echo "GLib aborted:" >&2
  cat "$empty/err" >&2
  exit 1
fi
echo "eligo without its schema exits 1 with a clear message"
