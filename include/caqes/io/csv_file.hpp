#pragma once
// Reading a whole input file into memory, with the failure as a value.
#include <caqes/calendrier/format.hpp>
#include <caqes/io/csv_number.hpp>

#include <filesystem>
#include <fstream>
#include <ios>
#include <iterator>
#include <string>
#include <system_error>

namespace caqes::csv {

// The bytes of `path`, unchanged (the byte-order mark and line ends are the tokenizer's job),
// or why they cannot be read: the path does not exist, is a directory, or a read failed.
// Nothing is thrown: libstdc++ reports a failed read of an open stream (a directory opens
// but cannot be read) with std::ios_base::failure, which is caught here.
[[nodiscard]] inline parsed<std::string> read_file(const std::string& path) {
    std::error_code ec;
    const std::filesystem::file_status st = std::filesystem::status(path, ec);
    if (ec || !std::filesystem::exists(st)) return {{}, concat("cannot open ", path, ": no such file"), regle::fichier_inutilisable};
    if (std::filesystem::is_directory(st)) return {{}, concat("cannot read ", path, ": it is a directory, not a file"), regle::fichier_inutilisable};
    std::ifstream in{path, std::ios::binary};
    if (!in) return {{}, concat("cannot open ", path), regle::fichier_inutilisable};
    try {
        std::string text{std::istreambuf_iterator<char>{in}, std::istreambuf_iterator<char>{}};
        if (in.bad()) return {{}, concat("cannot read ", path), regle::fichier_inutilisable};
        return {std::move(text), {}};
    } catch (const std::ios_base::failure& e) {
        return {{}, concat("cannot read ", path, ": ", e.code().message()), regle::fichier_inutilisable};
    }
}

}  // namespace caqes::csv
