#include "paarorende/violation.hpp"

#include <algorithm>

namespace paarorende {

std::string_view to_string(Severity severity) noexcept {
  switch (severity) {
    case Severity::info: return "info";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
  }
  return "error";
}

std::optional<Severity> severity_from_string(std::string_view text) noexcept {
  if (text == "info") return Severity::info;
  if (text == "warning") return Severity::warning;
  if (text == "error") return Severity::error;
  return std::nullopt;
}

bool has_errors(const std::vector<Violation>& findings) noexcept {
  return std::any_of(findings.begin(), findings.end(),
                     [](const Violation& v) { return v.severity == Severity::error; });
}

std::ostream& operator<<(std::ostream& out, const Violation& violation) {
  // The message names the session it concerns, so the session number is not repeated here.
  return out << to_string(violation.severity) << " [" << violation.rule << "]: " << violation.message;
}

}  // namespace paarorende
