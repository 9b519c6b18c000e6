// A field declared once (STYLE 1b): each settings struct has a table beside it, one entry per
// member with its name, its range and its docstring; the JSON reader and writer (src/io/), the
// core's range checks (src/detail/check_fields.hpp) and the Python properties, keyword constructor
// and repr (bindings/python/src/fields.hpp) are made from the table. The default is the member's
// own initializer, never repeated. Boost.Describe would do this, but Debian 12's Boost (1.74) has
// none, so the table is written by hand:
//
//   constexpr auto fields(std::type_identity<GroupRules>) {
//     return std::tuple{
//         field("min_present", &GroupRules::min_present, "DOMAIN G4: ...").between(0, 1000),
//         ...};
//   }
//
// found by argument-dependent lookup (field_table<GroupRules>). tests/cpp/test_fields.cpp fails
// when a struct has a member its table lacks.
#pragma once

#include <cstddef>
#include <tuple>
#include <type_traits>
#include <utility>

namespace paarorende {

/// One member of `Struct`: its name (in JSON and Python), where it is, its docstring, and what
/// values it takes. A number's range bounds what readers accept and what the core's check allows;
/// a list of numbers' range bounds each entry.
template <class Struct, class Member>
struct Field {
  using struct_type = Struct;
  using member_type = Member;

  const char* name;
  Member Struct::*member;
  const char* doc;
  bool ranged = false;
  double low = 0;
  double high = 0;
  /// The core's check takes the lowest value from this field (the readers keep `low`).
  Member Struct::*low_field = nullptr;
  /// The core's check takes the highest value as this field's value less one.
  Member Struct::*below_field = nullptr;
  /// False: the core's check of the value is written by hand beside its rule, or there is none;
  /// readers still keep to the range.
  bool checked = true;
  /// A list: the core's message when it is empty (nullptr: it may be empty).
  const char* if_empty = nullptr;
  /// Written to JSON only when it differs from the default (documents written before it stay).
  bool written_unless_default = false;
  /// The DOMAIN rule the core's range check names in its InputError (nullptr: none, a matter of
  /// form).
  const char* rule_id = nullptr;

  constexpr Field between(double from, double to) const {
    Field copy = *this;
    copy.ranged = true;
    copy.low = from;
    copy.high = to;
    return copy;
  }
  constexpr Field at_least(Member Struct::*other) const {
    Field copy = *this;
    copy.low_field = other;
    return copy;
  }
  constexpr Field below(Member Struct::*other) const {
    Field copy = *this;
    copy.below_field = other;
    return copy;
  }
  constexpr Field checked_by_hand() const {
    Field copy = *this;
    copy.checked = false;
    return copy;
  }
  constexpr Field not_empty(const char* message) const {
    Field copy = *this;
    copy.if_empty = message;
    return copy;
  }
  constexpr Field rule(const char* id) const {
    Field copy = *this;
    copy.rule_id = id;
    return copy;
  }
  constexpr Field written_when_changed() const {
    Field copy = *this;
    copy.written_unless_default = true;
    return copy;
  }
};

/// A table entry: field("size", &GroupRules::size, "DOMAIN G3: ...").
template <class Struct, class Member>
constexpr Field<Struct, Member> field(const char* name, Member Struct::*member, const char* doc) {
  return {name, member, doc};
}

/// A struct with a field table, found by argument-dependent lookup.
template <class T>
concept HasFields = requires { fields(std::type_identity<T>{}); };

/// The table of `T`: a std::tuple of Field.
template <HasFields T>
inline constexpr auto field_table = fields(std::type_identity<T>{});

/// Calls `visit(field)` for each entry of T's table, in order.
template <HasFields T, class Visit>
constexpr void for_each_field(Visit&& visit) {
  std::apply([&](const auto&... entry) { (visit(entry), ...); }, field_table<T>);
}

/// The name of the entry of T's table whose member is `member` (nullptr when none is).
template <HasFields T, class Member>
constexpr const char* field_name(Member T::*member) {
  const char* name = nullptr;
  for_each_field<T>([&](const auto& entry) {
    if constexpr (std::is_same_v<typename std::decay_t<decltype(entry)>::member_type, Member>) {
      if (entry.member == member) name = entry.name;
    }
  });
  return name;
}

}  // namespace paarorende
