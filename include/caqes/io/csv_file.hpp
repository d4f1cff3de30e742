#pragma once
// Reading a whole input file into memory, with the failure as a value.
#include <caqes/calendrier/format.hpp>
#include <caqes/io/csv_number.hpp>

#include <fstream>
#include <iterator>
#include <string>

namespace caqes::csv {

// The bytes of `path`, unchanged (the byte-order mark and line ends are the tokenizer's job).
[[nodiscard]] inline parsed<std::string> read_file(const std::string& path) {
    std::ifstream in{path, std::ios::binary};
    if (!in) return {{}, concat("cannot open ", path)};
    std::string text{std::istreambuf_iterator<char>{in}, std::istreambuf_iterator<char>{}};
    if (in.bad()) return {{}, concat("cannot read ", path)};
    return {std::move(text), {}};
}

}  // namespace caqes::csv
