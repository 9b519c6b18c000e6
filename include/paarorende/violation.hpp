// What a validation returns: every finding, each with the DOMAIN rule it concerns, a severity
// and a message, and what it concerns. Decisions come with reasons, never bare booleans.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace paarorende {

enum class Severity {
  info,     ///< Worth knowing, breaks nothing (e.g. a session moved off a holiday).
  warning,  ///< Departs from a recommendation (a soft rule).
  error,    ///< Breaks a rule; the plan should not be used as it is.
};

std::string_view to_string(Severity severity) noexcept;
/// Parses "info", "warning" or "error"; std::nullopt otherwise.
std::optional<Severity> severity_from_string(std::string_view text) noexcept;

struct Violation {
  std::string rule;  ///< DOMAIN id, e.g. "C3".
  Severity severity = Severity::error;
  std::string message;
  std::optional<int> session;  ///< 1-based session number, when it concerns one session.

  friend bool operator==(const Violation&, const Violation&) = default;
};

/// True when any finding has severity error.
bool has_errors(const std::vector<Violation>& findings) noexcept;

std::ostream& operator<<(std::ostream& out, const Violation& violation);

}  // namespace paarorende
