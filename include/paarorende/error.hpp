// The one error hierarchy of paarorende. Every error says which DOMAIN rule it concerns (when one
// does) and, for bad input, where in the input it is (a JSON pointer, or a row and column).
#pragma once

#include <stdexcept>
#include <string>

namespace paarorende {

/// Base of every exception paarorende throws. `rule()` is a DOMAIN id ("C3") or empty.
class Error : public std::runtime_error {
 public:
  Error(std::string rule, std::string message, std::string where = {});

  /// The DOMAIN rule concerned, e.g. "C3"; empty when the error is about form, not a rule.
  const std::string& rule() const noexcept { return rule_; }
  /// The message alone, without location or rule.
  const std::string& message() const noexcept { return message_; }
  /// Where the problem is: a JSON pointer ("/sessions/2/date"), "line 3, column 7", a file
  /// name followed by either, or empty.
  const std::string& where() const noexcept { return where_; }

 private:
  std::string rule_;
  std::string message_;
  std::string where_;
};

/// Malformed or out-of-range input: wrong type, missing or unknown field, unparsable date.
class InputError : public Error {
 public:
  using Error::Error;
};

/// A well-formed request that the rules make impossible, e.g. a window shorter than the
/// session (C3) or more sessions than the school year holds (C11).
class ImpossibleRequest : public Error {
 public:
  using Error::Error;
};

/// An operation refused because it would break a hard rule.
class RuleViolation : public Error {
 public:
  using Error::Error;
};

/// A broken invariant of the library itself, never of the input: a bug to report. Thrown instead
/// of handing out a wrong result (a formed group that breaks a hard rule, say).
class InternalError : public Error {
 public:
  using Error::Error;
};

/// Returns `where` prefixed by `file` ("course.json:/sessions/0"), for errors raised while
/// reading a named file.
std::string located_in_file(const std::string& file, const std::string& where);

}  // namespace paarorende
