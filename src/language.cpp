// The languages paarorende writes for people (language.hpp).
#include "paarorende/language.hpp"

namespace paarorende {

std::string_view to_string(Language language) noexcept {
  switch (language) {
    case Language::nb: return "nb";
    case Language::nn: return "nn";
    case Language::en: return "en";
  }
  return "nb";
}

std::optional<Language> language_from_string(std::string_view text) noexcept {
  if (text == "nb" || text == "no" || text == "nob") return Language::nb;
  if (text == "nn" || text == "nno") return Language::nn;
  if (text == "en") return Language::en;
  return std::nullopt;
}

}  // namespace paarorende
