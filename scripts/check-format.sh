#!/usr/bin/env bash
# Fails when a C++ file tracked by git is not formatted as .clang-format says (clang-format 14,
# Debian 12's). Run by scripts/test.sh before any build, so CI fails early on an unformatted file.
#
#   bash scripts/check-format.sh          list every unformatted file and its diff size; exit 1 if any
#   bash scripts/check-format.sh --fix    reformat those files in place
#
# The one way to skip the check is to say so in the environment: CAQES_SKIP_FORMAT_CHECK=1
# (for example `CAQES_SKIP_FORMAT_CHECK=1 bash scripts/test.sh`); the script then prints that
# it was skipped, so a log never hides it. There is no per-file or per-line exception:
# `// clang-format off` regions are the documented way to keep a hand layout (a table).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${CAQES_SKIP_FORMAT_CHECK:-0}" = "1" ]; then
  echo "check-format: SKIPPED (CAQES_SKIP_FORMAT_CHECK=1)" >&2
  exit 0
fi

format=${CLANG_FORMAT:-clang-format}
if ! command -v "$format" >/dev/null 2>&1; then
  echo "check-format: $format not found (Debian package clang-format, installed by scripts/install-deps.sh)" >&2
  exit 2
fi

fix=0
if [ "${1:-}" = "--fix" ]; then
  fix=1
fi

# Every tracked C++ source except the checker's own self-test inputs.
mapfile -t files < <(git ls-files '*.hpp' '*.cpp' '*.h' '*.cc' | grep -v '^tests/compile_fail/selftest/')
bad=0
lines=0
for file in "${files[@]}"; do
  if [ "$fix" = "1" ]; then
    "$format" --style=file -i "$file"
    continue
  fi
  changed=$("$format" --style=file "$file" | diff "$file" - | grep -c '^[<>]' || true)
  if [ "$changed" -gt 0 ]; then
    echo "check-format: $file: $changed lines differ" >&2
    bad=$((bad + 1))
    lines=$((lines + changed))
  fi
done

if [ "$fix" = "1" ]; then
  echo "check-format: reformatted ${#files[@]} files" >&2
  exit 0
fi
if [ "$bad" -gt 0 ]; then
  echo "check-format: $bad of ${#files[@]} files are not formatted ($lines diff lines); run: bash scripts/check-format.sh --fix" >&2
  exit 1
fi
echo "check-format: ${#files[@]} files formatted" >&2
