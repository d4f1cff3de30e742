#!/usr/bin/env bash
# Runs the whole test suite: configure, build (including the header self-containment
# check) and test, once with g++ and once with clang++; then the unit tests and examples
# again, built with AddressSanitizer and UndefinedBehaviorSanitizer by each compiler
# (presets asan-gcc and asan-clang: no build-failure, package or docs test, which would
# only repeat the plain builds); last, the libFuzzer targets with clang (preset fuzz: the
# grid reader, then the CSV record reader with the number parsers and the batch reader
# through the evaluators and the JSON output; for each, the corpus replay, then 45 s of
# fuzzing for the grid reader and 60 s for each CSV target). First, before any build, the
# format check (scripts/check-format.sh, skipped only with CAQES_SKIP_FORMAT_CHECK=1).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
bash scripts/check-format.sh
# --fresh: a cache left by an earlier configure must not hide a configure error.
cmake --workflow --preset gcc --fresh
cmake --workflow --preset clang --fresh
cmake --workflow --preset asan-gcc --fresh
cmake --workflow --preset asan-clang --fresh
cmake --workflow --preset fuzz --fresh
