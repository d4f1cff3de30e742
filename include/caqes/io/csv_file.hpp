#pragma once
// Reading a whole input file into memory, with the failure as a value.
#include <caqes/calendrier/format.hpp>
#include <caqes/io/csv_number.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <ios>
#include <limits>
#include <new>
#include <string>
#include <system_error>

namespace caqes::csv {

// The largest file `read_file` reads by default: it holds the whole text, so a larger one is
// refused with a clear error rather than read until memory runs out. The batch programs do not
// read their files whole: they stream them (csv_rapports.hpp, `source::flux`).
inline constexpr std::uintmax_t taille_fichier_max = std::uintmax_t{1} << 30U;  // 1 GiB

// The bytes of `path`, unchanged (the byte-order mark and line ends are the tokenizer's job),
// or why they cannot be read: the path does not exist, is a directory, is larger than
// `max_octets`, or a read failed (memory included). Nothing is thrown: libstdc++ reports a
// failed read of an open stream (a directory opens but cannot be read) with
// std::ios_base::failure, which is caught here, as is std::bad_alloc.
// Whether `path` names a file that can be opened for reading, or why not: it does not exist, it
// is a directory, or it is a regular file larger than `max_octets`.
[[nodiscard]] inline parsed<bool> fichier_lisible(
    const std::string& path, std::uintmax_t max_octets = std::numeric_limits<std::uintmax_t>::max()) {
    std::error_code ec;
    const std::filesystem::file_status st = std::filesystem::status(path, ec);
    if (ec || !std::filesystem::exists(st))
        return {false, concat("cannot open ", path, ": no such file"), regle::fichier_inutilisable};
    if (std::filesystem::is_directory(st))
        return {false, concat("cannot read ", path, ": it is a directory, not a file"), regle::fichier_inutilisable};
    if (std::filesystem::is_regular_file(st)) {
        const std::uintmax_t taille = std::filesystem::file_size(path, ec);
        if (!ec && taille > max_octets) {
            return {false,
                    concat("cannot read ", path, ": ", std::to_string(taille), " bytes, more than the maximum of ",
                           std::to_string(max_octets), " read at once; split the batch"),
                    regle::fichier_inutilisable};
        }
    }
    return {true, {}};
}

[[nodiscard]] inline parsed<std::string> read_file(const std::string& path,
                                                   std::uintmax_t max_octets = taille_fichier_max) {
    if (parsed<bool> lisible = fichier_lisible(path, max_octets); !lisible.ok())
        return {{}, std::move(lisible.error), lisible.rule};
    std::ifstream in{path, std::ios::binary};
    if (!in) return {{}, concat("cannot open ", path), regle::fichier_inutilisable};
    try {
        std::string text;
        std::array<char, 1U << 16U> bloc{};
        while (in.read(bloc.data(), bloc.size()) || in.gcount() > 0) {
            // A file may grow while it is read, or be no regular file (a pipe): the maximum
            // holds for what is read, not only for the size announced.
            if (text.size() + static_cast<std::size_t>(in.gcount()) > max_octets) {
                return {{},
                        concat("cannot read ", path, ": more than the maximum of ", std::to_string(max_octets),
                               " bytes read at once; split the batch"),
                        regle::fichier_inutilisable};
            }
            text.append(bloc.data(), static_cast<std::size_t>(in.gcount()));
        }
        if (in.bad()) return {{}, concat("cannot read ", path), regle::fichier_inutilisable};
        return {std::move(text), {}};
    } catch (const std::ios_base::failure& e) {
        return {{}, concat("cannot read ", path, ": ", e.code().message()), regle::fichier_inutilisable};
    } catch (const std::bad_alloc&) {
        return {{},
                concat("cannot read ", path, ": not enough memory to hold it; split the batch"),
                regle::fichier_inutilisable};
    }
}

}  // namespace caqes::csv
