// Private toolkit: text in HTML, the one escape every HTML output uses (reports, tables, the
// programme's overview, the follow-up summary).
#pragma once

#include <string>
#include <string_view>

namespace paarorende::detail {

/// `text` safe in HTML text and in a quoted attribute: & < > " ' escaped.
inline std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace paarorende::detail
