#!/usr/bin/env bash
# Builds and runs one example with the gcc preset; arguments go to the example.
# Everything but the example's own output goes to stderr, so stdout can be piped.
#   scripts/run-example.sh [args...]         runs examples/batch.cpp (the batch evaluator on
#                                            the bundled sample, examples/data/)
#   CAQES_EXAMPLE=<name> scripts/run-example.sh  runs examples/<name>.cpp
set -euo pipefail
example="${CAQES_EXAMPLE:-batch}"

cd "$(dirname "$0")/.."
bash scripts/install-deps.sh >&2
cmake --preset gcc >&2
cmake --build --preset gcc --target "example_${example}" >&2
exec "build/gcc/examples/example_${example}" "$@"
