#pragma once
// The establishment and the parties: run-time identity data (CAQES.md section 4).
#include <caqes/calendrier/format.hpp>
#include <caqes/droit/activite.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace caqes {

struct etablissement {
    std::string finess_ej;               // entite juridique
    std::vector<std::string> finess_et;  // etablissements geographiques (sites)
    std::string raison_sociale;
    std::string region;         // each of the 18 ARS has its own grids
    std::string caisse_locale;  // organisme local d'assurance maladie
    categorie_juridique categorie{categorie_juridique::public_};
    activites activites_exercees{};
};

// The three signatories. L.162-30-2 al. 1; D.162-14 I (both versions): the director general
// of the ARS, the director of the local health-insurance fund and the establishment's legal
// representative.
struct parties_contrat {
    std::string ars;
    std::string organisme_local;
    std::string representant_legal;
};

namespace regles {

// CAQES-E022: a FINESS number is nine characters: a two-character department code (digits, or
// 2A / 2B for Corsica) followed by seven digits. No check key is applied: its rule is not
// in the texts this toolkit sources. `examiner_finess` says what is wrong, for the readers'
// messages; `finess_bien_forme` whether anything is.
struct defaut_finess {
    enum class genre : std::uint8_t { aucun, longueur, departement, chiffre };
    genre g{genre::aucun};
    std::size_t position{0};  // `chiffre`: the first character, from 0, that is not a digit
};

[[nodiscard]] constexpr defaut_finess examiner_finess(std::string_view f) noexcept {
    using genre = defaut_finess::genre;
    if (f.size() != 9) return {genre::longueur};
    auto chiffre = [](char c) { return c >= '0' && c <= '9'; };
    const bool departement = (chiffre(f[0]) && chiffre(f[1])) || (f[0] == '2' && (f[1] == 'A' || f[1] == 'B'));
    if (!departement) return {genre::departement};
    for (std::size_t i = 2; i < f.size(); ++i) {
        if (!chiffre(f[i])) return {genre::chiffre, i};
    }
    return {};
}

[[nodiscard]] constexpr bool finess_bien_forme(std::string_view f) noexcept {
    return examiner_finess(f).g == defaut_finess::genre::aucun;
}

// The form CAQES-E022 asks for, in words, for a message that does not carry the rule's title.
inline constexpr std::string_view forme_finess =
    "a FINESS number is nine characters, a department code (digits, 2A or 2B), then seven digits";

// What is wrong with a FINESS `finess_bien_forme` refuses, to follow the number in CAQES-E022's
// detail: its length, its department code or its first character that is not a digit, so that a
// nine-character number with a letter is not said to be of the wrong length. The one text of
// `validate` (an instance's numbers) and of the readers (CSV column `finess`, JSON Lines member
// `/finess`, which add `forme_finess`). Characters, not bytes: `examiner_finess` counts bytes, so
// a nine-character number with a non-ASCII character is told by its first such character.
[[nodiscard]] inline std::string defaut_finess_texte(std::string_view f) {
    auto debut_caractere = [](char c) { return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U; };
    const auto n = std::count_if(f.begin(), f.end(), debut_caractere);
    if (n != 9) return concat(" is ", std::to_string(n), " characters long");
    if (f.size() != 9) {
        const auto ascii_fin =
            std::find_if(f.begin(), f.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80U; });
        const auto rang = std::count_if(f.begin(), ascii_fin, debut_caractere) + 1;
        return concat(": character ", std::to_string(rang), " is not a digit");
    }
    const defaut_finess d = examiner_finess(f);
    if (d.g == defaut_finess::genre::departement) return concat(": \"", f.substr(0, 2), "\" is no department code");
    return concat(": character ", std::to_string(d.position + 1), " is not a digit");
}

// CAQES-E020: each of the three parties is named.
[[nodiscard]] inline bool parties_presentes(const parties_contrat& p) noexcept {
    return !p.ars.empty() && !p.organisme_local.empty() && !p.representant_legal.empty();
}

// CAQES-E024: the establishment exercises at least one activity of the template's scope.
[[nodiscard]] constexpr bool activite_dans_perimetre(activites exercees, activites perimetre) noexcept {
    return exercees.rencontre(perimetre);
}

}  // namespace regles
}  // namespace caqes
