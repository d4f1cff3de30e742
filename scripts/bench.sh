#!/usr/bin/env bash
# Runs every benchmark and writes the results:
#   benchmarks/results/runtime-<stamp>.json   Google Benchmark JSON (compare two runs with compare.py)
#   benchmarks/results/runtime-latest.json    a copy of the last run
#   benchmarks/results/runtime-summary.md     the tables, ratios and targets of that run
#   benchmarks/results/compile.json           compile-time measurements
#   benchmarks/results/machine.txt            lscpu, nproc, memory, compilers
#   docs/performance-runtime.svg, docs/performance-compile.svg, and the generated tables of
#   docs/performance.md (between its <!-- ...:begin/end --> markers)
#
# Timing is only meaningful on a quiet machine: the script waits (up to QUIET_WAIT_MIN
# minutes, default 20) until no compiler runs and the load average is below 0.5, and records
# in machine.txt whether it got there.
#
# Options (environment): REPETITIONS (5), MIN_TIME (0.5), FILTER (all), SKIP_COMPILE=1,
# SKIP_RUNTIME=1, QUIET_WAIT_MIN (20).
set -euo pipefail
cd "$(dirname "$0")/.."

REPETITIONS=${REPETITIONS:-5}
MIN_TIME=${MIN_TIME:-0.5}
FILTER=${FILTER:-.}
QUIET_WAIT_MIN=${QUIET_WAIT_MIN:-20}
results=benchmarks/results
mkdir -p "$results"

bash scripts/install-deps.sh
# Only the benchmarks need these: GNU time for peak memory, numpy and scipy for compare.py.
extra=()
for package in time python3-numpy python3-scipy; do
  if [ "$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)" != "install ok installed" ]; then
    extra+=("$package")
  fi
done
if [ "${#extra[@]}" -gt 0 ]; then
  sudo=()
  if [ "$(id -u)" -ne 0 ]; then sudo=(sudo); fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${extra[@]}"
fi

cmake --preset bench
cmake --build --preset bench

wait_quiet() {
  local deadline=$((SECONDS + QUIET_WAIT_MIN * 60))
  while true; do
    local compilers load
    # pgrep -x takes at most 15 characters per pattern: one call per compiler name.
    compilers=0
    for name in cc1plus clang clang-14 'clang\+\+'; do
      compilers=$((compilers + $(pgrep -c -x "$name" || true)))
    done
    load=$(cut -d' ' -f1 /proc/loadavg)
    if [ "$compilers" -eq 0 ] && awk -v l="$load" 'BEGIN { exit !(l < 0.5) }'; then
      echo "quiet: no compiler running, load $load"
      return 0
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      echo "NOT QUIET after ${QUIET_WAIT_MIN} min: $compilers compiler(s) running, load $load"
      return 0
    fi
    echo "bench: waiting for a quiet machine ($compilers compiler(s), load $load)" >&2
    sleep 60
  done
}

stamp=$(date -u +%Y%m%dT%H%M%SZ)
{
  echo "date: $stamp"
  echo "nproc: $(nproc)"
  lscpu
  free -m
  g++ --version | head -1
  clang++ --version | head -1
  echo "benchmark library: $(dpkg-query -W -f='${Version}' libbenchmark-dev)"
  echo "build: cmake --preset bench (Release: -O3 -DNDEBUG, g++)"
} > "$results/machine.txt"

if [ "${SKIP_RUNTIME:-0}" != 1 ]; then
  echo "runtime: $(wait_quiet)" | tee -a "$results/machine.txt"
  ./build/bench/benchmarks/caqes_bench \
    "--benchmark_filter=$FILTER" \
    "--benchmark_repetitions=$REPETITIONS" --benchmark_report_aggregates_only=true \
    "--benchmark_min_time=$MIN_TIME" \
    "--benchmark_out=$results/runtime-$stamp.json" --benchmark_out_format=json
  cp "$results/runtime-$stamp.json" "$results/runtime-latest.json"
  python3 scripts/bench_summary.py "$results/runtime-latest.json" \
    --md "$results/runtime-summary.md" --svg docs/performance-runtime.svg --doc docs/performance.md
fi

if [ "${SKIP_COMPILE:-0}" != 1 ]; then
  echo "compile: $(wait_quiet)" | tee -a "$results/machine.txt"
  python3 scripts/bench_compile.py
fi

echo "bench: results in $results/, docs/performance.md updated"
echo "compare two runs: python3 /usr/share/benchmark/compare.py benchmarks $results/<old>.json $results/<new>.json"
