#include "paarorende/violation.hpp"

#include <algorithm>

namespace paarorende {

bool has_errors(const std::vector<Violation>& findings) noexcept {
  return std::any_of(findings.begin(), findings.end(),
                     [](const Violation& v) { return v.severity == Severity::error; });
}

std::ostream& operator<<(std::ostream& out, const Violation& violation) {
  // The message names the session it concerns, so the session number is not repeated here.
  return out << to_string(violation.severity) << " [" << violation.rule << "]: " << violation.message;
}

}  // namespace paarorende
