#pragma once
// The contracts concluded before the CAQES: CBU (bon usage), CAQOS (PHMEV/LPP, transports),
// CAPES and the contrat de pertinence, concluded before 2017-04-23 ("avant le lendemain de la
// date de publication" of decret 2017-584, published on 2017-04-22).
//
// They are their own kind, not a CAQES: their effects end on 2017-12-31 and they are void
// (caducs) from 2018-01-01 [C: decret 2017-584 art. 2; NOTA of L.162-22-7,
// LEGIARTI000041397219]. Each had its own sanctions and incentives under the old L.162-22-7,
// L.162-30-2..4 and L.322-5-5, which are outside the toolkit: no CAQES outcome and no CAQES
// procedure is ever proposed for them, and `situation` says so.
#include <caqes/calendrier/format.hpp>
#include <caqes/droit/regime.hpp>
#include <caqes/droit/violation.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace caqes {

enum class type_contrat_anterieur : std::uint8_t { cbu, caqos, capes, contrat_pertinence };

[[nodiscard]] constexpr std::string_view nom(type_contrat_anterieur t) noexcept {
    switch (t) {
        case type_contrat_anterieur::cbu:
            return "CBU";
        case type_contrat_anterieur::caqos:
            return "CAQOS";
        case type_contrat_anterieur::capes:
            return "CAPES";
        case type_contrat_anterieur::contrat_pertinence:
            return "contrat de pertinence";
    }
    return "";
}

struct contrat_anterieur_def {
    std::string_view nom;
    type_contrat_anterieur type{type_contrat_anterieur::cbu};
    ymd conclusion{};  // before 2017-04-23 (CAQES-E003)
};

namespace regles {

// CAQES-E003: an earlier contract was concluded before 2017-04-23; from that day a new one is a
// CAQES (decret 2017-584 art. 2).
[[nodiscard]] constexpr bool conclu_avant_les_caqes(ymd conclusion) noexcept {
    return decrire(regime_id::contrats_anterieurs).conclusion.contient(conclusion);
}

}  // namespace regles

[[nodiscard]] inline violations validate(const contrat_anterieur_def& c) {
    violations out;
    if (!c.conclusion.ok()) {
        out.push_back({regle::date_inexistante, "conclusion", texte(c.conclusion)});
    } else if (!regles::conclu_avant_les_caqes(c.conclusion)) {
        out.push_back(
            {regle::debut_hors_regime, "conclusion",
             concat(texte(c.conclusion), " is on or after 2017-04-23: a contract concluded then is a CAQES")});
    }
    return out;
}

// The compile-time earlier contract: an invalid one fails to compile with its rule's id.
template <const contrat_anterieur_def& C>
struct contrat_anterieur {
    static constexpr const contrat_anterieur_def& definition = C;
    static_assert(C.conclusion.ok(),
                  "CAQES-E001: a date is not a real calendar date (calendar (date library); every dated rule); "
                  "the conclusion date of the earlier contract; see docs/diagnostics.md#caqes-e001");
    static_assert(!C.conclusion.ok() || regles::conclu_avant_les_caqes(C.conclusion),
                  "CAQES-E003: the start lies outside the regime's window (decret 2017-584 art. 2; D.162-14..16 "
                  "version dates (LEGIARTI000034459855, LEGIARTI000044102681); LFSS 2026 art. 79); an earlier "
                  "contract is concluded before 2017-04-23; from that day it is a CAQES; see "
                  "docs/diagnostics.md#caqes-e003");
    static constexpr bool valide = C.conclusion.ok() && regles::conclu_avant_les_caqes(C.conclusion);
};

// What the toolkit says of an earlier contract on a day: whether it still produces effects,
// when they end, with the text that decides it, and that its own outcomes are out of scope.
struct situation_contrat_anterieur {
    bool produit_effets{false};  // `jour` is before 2018-01-01
    ymd fin_effets{};            // 2018-01-01: void from that day
    reference_legale source{};
};

[[nodiscard]] constexpr situation_contrat_anterieur situation(const contrat_anterieur_def&, ymd jour) noexcept {
    const regime_desc& r = decrire(regime_id::contrats_anterieurs);
    return {jour < r.fin_effets, r.fin_effets, r.base};
}

// "CBU 'CBU 2014 CH Exemple' concluded on 2014-06-01: effects until 2017-12-31, void from
// 2018-01-01 (...). No CAQES outcome or procedure applies; its own sanctions and incentives are
// out of scope."
[[nodiscard]] inline std::string texte(const contrat_anterieur_def& c, const situation_contrat_anterieur& s) {
    return concat(nom(c.type), " '", c.nom, "' concluded on ", texte(c.conclusion), ": effects until ",
                  texte(veille(s.fin_effets)), ", void from ", texte(s.fin_effets), " (", texte(s.source), ")",
                  s.produit_effets ? "" : ", void on this day",
                  ". No CAQES outcome or procedure applies; its own sanctions and incentives are out of scope.");
}

}  // namespace caqes
