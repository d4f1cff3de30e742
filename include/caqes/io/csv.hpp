#pragma once
// The CSV batch input, with no third-party dependency (docs/input-format.md). One job per
// header:
// - csv_dialect.hpp: the French spreadsheet and plain dialects, and their detection;
// - csv_number.hpp: exact decimal parsing to cents and fractions;
// - csv_records.hpp: records, quotes, line ends, byte-order mark; `record_reader` reads one
//   record at a time through fixed buffers, from a text or a stream;
// - csv_text.hpp: UTF-8 validity, the likely encoding of a file that is not UTF-8, and fields
//   quoted safely in messages;
// - csv_date.hpp: dates of the contracts file;
// - csv_file.hpp: reading a file, the failure as a value;
// - csv_lot.hpp: the batch's public types (sources, options, reconciliation, the lot, the
//   exit status);
// - csv_rapports.hpp: yearly reports of many establishments against a template, with every
//   row accepted or rejected and the reconciliation (its machinery in detail/, not for users).
#include <caqes/io/csv_date.hpp>
#include <caqes/io/csv_dialect.hpp>
#include <caqes/io/csv_file.hpp>
#include <caqes/io/csv_lot.hpp>
#include <caqes/io/csv_number.hpp>
#include <caqes/io/csv_rapports.hpp>
#include <caqes/io/csv_records.hpp>
#include <caqes/io/csv_text.hpp>
