// Outputs whose texts are not yet in every language refuse the missing one rather than fall back
// to bokmål (issue #23: no half-translated document goes out unnoticed).
#pragma once

#include <string>
#include <string_view>

#include "detail/input_error.hpp"
#include "paarorende/evaluation.hpp"

namespace paarorende::detail {

inline void require_written_language(Language language, std::string_view output) {
  if (language == Language::nn) {
    raise_input_error("language", std::string(output) + " is not written in nynorsk yet: use nb or en");
  }
}

}  // namespace paarorende::detail
