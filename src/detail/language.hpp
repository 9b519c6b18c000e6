// One table of texts per language (issue #23): the table for a language, picked in one place.
#pragma once

#include "paarorende/language.hpp"

namespace paarorende::detail {

/// `nb`, `nn` or `en` as `language` asks: each output keeps its texts in a table per language and
/// picks with this, so a new language is a new table and a new case here.
template <class Texts>
const Texts& in_language(Language language, const Texts& nb, const Texts& nn, const Texts& en) noexcept {
  switch (language) {
    case Language::nn: return nn;
    case Language::en: return en;
    case Language::nb: break;
  }
  return nb;
}

}  // namespace paarorende::detail
