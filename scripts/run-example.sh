#!/usr/bin/env bash
# Builds and runs one example with the gcc preset; arguments go to the example.
# Everything but the example's own output goes to stderr, so stdout can be piped.
#   scripts/run-example.sh [args...]         runs examples/batch.cpp (the batch evaluator on
#                                            the bundled sample, examples/data/)
#   CAQES_EXAMPLE=<name> scripts/run-example.sh  runs examples/<name>.cpp
# The batch exits 1 when some rows were rejected, which is the documented outcome on the
# bundled sample (it has deliberately bad rows): 0 and 1 are success, any other status
# (2 usage, 3 unusable input, a crash) is passed on (docs/input-format.md, "Exit status").
set -euo pipefail
example="${CAQES_EXAMPLE:-batch}"

cd "$(dirname "$0")/.."
bash scripts/install-deps.sh >&2
cmake --preset gcc >&2
cmake --build --preset gcc --target "example_${example}" >&2
status=0
"build/gcc/examples/example_${example}" "$@" || status=$?
if [ "$status" -eq 1 ] && [ "$example" = batch ]; then
  echo "run-example: some rows were rejected (exit status 1, listed above): the documented outcome on the sample" >&2
  exit 0
fi
exit "$status"
