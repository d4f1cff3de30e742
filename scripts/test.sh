#!/usr/bin/env bash
# Runs the whole test suite: configure, build and test, once with g++ and once with clang++
# (the g++ build alone also runs the header self-containment check and builds the benchmarks,
# and checks the vectorisation report of both compilers); then, built with AddressSanitizer
# and UndefinedBehaviorSanitizer, the examples by g++ (preset asan-gcc: the proof that every
# template compiles under g++'s -fsanitize=undefined) and the unit and tool tests by clang++
# (preset asan-clang; no build-failure, package, docs or bench test, which would only repeat
# the plain builds; the cpp_rational property test takes 10^5 cases there instead of 10^6,
# tests/support/sanitiseur.hpp). The unit tests are not built a second time with g++'s
# sanitizers: that took nine minutes for runtime paths clang's already cover, and the suite
# must stay within thirty minutes on two cores. Last, the libFuzzer
# targets with clang (preset fuzz: the grid reader, then the CSV record reader with the
# number parsers, the batch reader through the evaluators and the JSON output, and the JSON
# Lines reader through the evaluators; for each, the corpus replay, then 30 s of fuzzing for
# each (CAQES_FUZZ_SECONDS, CAQES_FUZZ_CSV_SECONDS)).
# First, before any build, the format check (scripts/check-format.sh, skipped only with
# CAQES_SKIP_FORMAT_CHECK=1), and a PostgreSQL server started for the whole run
# (scripts/pg-server.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
bash scripts/check-format.sh
# A PostgreSQL server for the test postgres.evaluate_db (label postgres), as the `postgres`
# user on a Unix socket in a temporary directory, no TCP port; stopped on the way out, failure
# or not. The test finds it through CAQES_PG_HOST.
pg_parent=$(mktemp -d)
chmod 755 "$pg_parent"
pg_dir="$pg_parent/serveur"
stop_pg() {
  bash scripts/pg-server.sh stop "$pg_dir" || true
  rm -rf "$pg_parent"
}
trap stop_pg EXIT
bash scripts/pg-server.sh start "$pg_dir" >/dev/null
export CAQES_PG_HOST="$pg_dir"
# --fresh: a cache left by an earlier configure must not hide a configure error.
cmake --workflow --preset gcc --fresh
cmake --workflow --preset clang --fresh
cmake --workflow --preset asan-gcc --fresh
cmake --workflow --preset asan-clang --fresh
cmake --workflow --preset fuzz --fresh
