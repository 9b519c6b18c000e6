// Private toolkit: the core's range checks of a struct with a field table (paarorende/fields.hpp).
// Each checked field out of its range is an InputError at `where`/<name>, in table order; a
// field whose table entry is another struct with a table is checked under its own name.
#pragma once

#include <cmath>
#include <cstdio>
#include <string>
#include <type_traits>
#include <vector>

#include "detail/input_error.hpp"
#include "detail/text.hpp"
#include "paarorende/fields.hpp"

namespace paarorende::detail {

/// How a range check words what it refuses; each struct keeps the wording it always had.
enum class RangeMessage {
  bounds,            ///< "must be between 1 and 1000"; a bound from another field is named
  bounds_and_value,  ///< "must be between 1 and 52, got 60" (range_message)
};

/// A bound as messages write it: 1000000, not 1e+06; 0.5 as %g writes it.
inline std::string bound_text(double bound) {
  if (std::floor(bound) == bound && std::fabs(bound) < 1e15) {
    return std::to_string(static_cast<long long>(bound));
  }
  char text[32];
  std::snprintf(text, sizeof text, "%g", bound);
  return text;
}

template <class T>
void check_fields(const T& value, const std::string& where, RangeMessage wording);

template <class T, class Member, class Number>
void check_number(const T& value, const Field<T, Member>& entry, Number number,
                  const std::string& at, RangeMessage wording) {
  double low = entry.low;
  double high = entry.high;
  const char* low_name = nullptr;
  if constexpr (std::is_arithmetic_v<Member>) {
    if (entry.low_field) {
      low = static_cast<double>(value.*entry.low_field);
      low_name = field_name<T>(entry.low_field);
    }
    if (entry.below_field) high = static_cast<double>(value.*entry.below_field) - 1;
  }
  if (number >= low && number <= high) return;  // false for NaN too
  const Rule rule{entry.rule_id != nullptr ? entry.rule_id : ""};
  if (wording == RangeMessage::bounds_and_value) {
    raise_input_error(at,
                      range_message(static_cast<long long>(low), static_cast<long long>(high),
                                    static_cast<long long>(number)),
                      rule);
  }
  if (low_name != nullptr) {
    // "max_participants (0) must be between min_participants (9) and 1000"
    raise_input_error(at,
                      std::string(entry.name) + " (" + bound_text(static_cast<double>(number)) +
                          ") must be between " + low_name + " (" + bound_text(low) + ") and " +
                          bound_text(high),
                      rule);
  }
  raise_input_error(at, "must be between " + bound_text(low) + " and " + bound_text(high), rule);
}

/// Checks every field of `value` that its table gives a range, in table order, then each field
/// that has a table of its own (as the JSON writer puts objects last); the first one out of range
/// is an InputError at where + "/" + its name.
template <class T>
void check_fields(const T& value, const std::string& where, RangeMessage wording) {
  auto check = [&](const auto& entry, bool objects) {
    using Member = typename std::decay_t<decltype(entry)>::member_type;
    if (HasFields<Member> != objects) return;
    const std::string at = where + "/" + entry.name;
    const Member& member = value.*entry.member;
    if constexpr (HasFields<Member>) {
      check_fields(member, at, wording);
    } else if constexpr (std::is_same_v<Member, std::vector<int>>) {
      if (!entry.checked) return;
      if (entry.if_empty && member.empty()) raise_input_error(at, entry.if_empty);
      if (!entry.ranged) return;
      for (std::size_t i = 0; i < member.size(); ++i) {
        check_number(value, entry, member[i], index_pointer(at, i), wording);
      }
    } else if constexpr (std::is_arithmetic_v<Member> && !std::is_same_v<Member, bool>) {
      if (entry.checked && entry.ranged) check_number(value, entry, member, at, wording);
    }
  };
  for_each_field<T>([&](const auto& entry) { check(entry, false); });
  for_each_field<T>([&](const auto& entry) { check(entry, true); });
}

}  // namespace paarorende::detail
