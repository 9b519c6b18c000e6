// Private toolkit: the one name table of each enum. The table gives the enum's text form
// (to_string), parses it back (X_from_string) and writes the "expected a, b or c" message of a
// reader, so the names and the message can never disagree.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace paarorende::detail {

template <class Enum, std::size_t N>
struct EnumNames {
  /// Indexed by the enumerator's value: names[static_cast<int>(e)].
  std::array<std::string_view, N> names;
  /// Names in the message in double quotes ("\"info\", \"warning\" or \"error\"").
  bool quoted = false;

  constexpr std::string_view name(Enum value) const noexcept {
    return names[static_cast<std::size_t>(value)];
  }
  constexpr std::optional<Enum> parse(std::string_view text) const noexcept {
    for (std::size_t i = 0; i < N; ++i) {
      if (names[i] == text) return static_cast<Enum>(i);
    }
    return std::nullopt;
  }
  /// "a, b or c".
  std::string expected() const {
    std::string text;
    for (std::size_t i = 0; i < N; ++i) {
      if (i > 0) text += i + 1 == N ? " or " : ", ";
      if (quoted) text += '"';
      text += names[i];
      if (quoted) text += '"';
    }
    return text;
  }
};

template <class Enum, class... Names>
constexpr EnumNames<Enum, sizeof...(Names)> enum_names(Names... names) {
  return {{std::string_view(names)...}};
}

}  // namespace paarorende::detail
