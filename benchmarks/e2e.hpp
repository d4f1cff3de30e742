#pragma once
namespace bench {
// Registers the end-to-end benchmarks (bench_e2e.cpp): CSV files through reading,
// validation, evaluation (scalar, and in blocks of columns) and output, against a plain read of
// the same files.
void enregistrer_e2e();
}  // namespace bench
