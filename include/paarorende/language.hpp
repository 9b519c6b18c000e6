/// \file
/// The languages paarorende writes for people: Norwegian bokmål, nynorsk and English.
#pragma once

#include <optional>
#include <string_view>

namespace paarorende {

/// The language of a report, plan printout, calendar or label: Norwegian bokmål (the default),
/// nynorsk or English. Every text written for people is in a table per language, and a document
/// that names a language (a course request's "language") gets every text in it (issue #23).
enum class Language { nb, en, nn };

std::string_view to_string(Language language) noexcept;
/// "nb" (also "no", "nob"), "nn" (also "nno") or "en"; std::nullopt otherwise.
std::optional<Language> language_from_string(std::string_view text) noexcept;

}  // namespace paarorende
