// Private toolkit: the one way the library refuses input. Every refusal goes through
// raise_input_error (as fmt's report_error): where first, then what, and the DOMAIN rule by name,
// never as a positional string that could be swapped with the message.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

#include "paarorende/error.hpp"

namespace paarorende::detail {

/// A DOMAIN rule id, named at the call: Rule{"C3"}. The empty rule means "about form, not a rule".
struct Rule {
  std::string_view id;
};

/// Throws InputError: `where` is a JSON pointer, "row R, column C", a file name or an option.
[[noreturn]] inline void raise_input_error(std::string where, std::string message, Rule rule = {}) {
  throw InputError(std::string(rule.id), std::move(message), std::move(where));
}

/// Raises an input error at `where` unless `ok`: the checks of a value's own fields.
inline void require(bool ok, const std::string& where, const std::string& message, Rule rule = {}) {
  if (!ok) raise_input_error(where, message, rule);
}

/// Throws InputError("at most <limit> <what>, got <count>") when count > limit
/// (include/paarorende/limits.hpp).
inline void check_limit(std::size_t count, std::size_t limit, const char* what,
                        const std::string& where) {
  if (count <= limit) return;
  raise_input_error(where, "at most " + std::to_string(limit) + " " + what + ", got " +
                               std::to_string(count));
}

/// An InputError whose where() already names its file. An error in a file that another refers to
/// (a request's school calendar) keeps that file's name instead of being located again.
class FileInputError : public InputError {
 public:
  using InputError::InputError;
};

/// Runs `read` and, when it throws an InputError, rethrows it located in `file`
/// ("course.json:/sessions/0", "answers.csv: row 3, column 2"). This is the one place that says
/// which file an error is in.
template <class Read>
auto in_file(const std::filesystem::path& file, Read&& read) -> decltype(read()) {
  try {
    return read();
  } catch (const FileInputError&) {
    throw;
  } catch (const InputError& error) {
    throw FileInputError(error.rule(), error.message(), located_in_file(file.string(), error.where()));
  }
}

/// Runs `read` and, when it throws an InputError, rethrows it under `prefix` (a JSON pointer):
/// a document read inside another keeps pointers into the outer one.
template <class Read>
auto under_pointer(const std::string& prefix, Read&& read) -> decltype(read()) {
  try {
    return read();
  } catch (const FileInputError&) {
    throw;
  } catch (const InputError& error) {
    throw InputError(error.rule(), error.message(), prefix + error.where());
  }
}

}  // namespace paarorende::detail
