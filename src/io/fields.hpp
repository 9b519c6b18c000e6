// Private to the I/O layer: the JSON reader and writer of a struct with a field table
// (paarorende/fields.hpp). Each field is read with the ObjectReader's readers, so its messages,
// pointers and the refusal of unknown fields are those of every other document.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include <boost/date_time/gregorian/gregorian.hpp>

#include "detail/names.hpp"
#include "io/json_reader.hpp"
#include "paarorende/fields.hpp"
#include "paarorende/io/json.hpp"

namespace paarorende::detail {

template <HasFields T>
T read_fields(const Json& value, const std::string& pointer, T base = {});

/// One field's value from the document; `current` is the value it has before (its base).
template <class T, class Member>
Member read_field(const Json& value, const std::string& pointer, const Field<T, Member>& entry,
                  const Member& current) {
  if constexpr (HasFields<Member>) {
    return read_fields<Member>(value, pointer, current);
  } else if constexpr (std::is_same_v<Member, bool>) {
    return read_boolean(value, pointer);
  } else if constexpr (std::is_same_v<Member, std::optional<boost::gregorian::date>>) {
    if (value.is_null()) return std::nullopt;
    return read_date(value, pointer);
  } else if constexpr (std::is_enum_v<Member>) {
    return read_named(value, pointer, names_of(Member{}));
  } else if constexpr (std::is_integral_v<Member>) {
    return static_cast<Member>(read_integer(value, pointer, static_cast<long long>(entry.low),
                                            static_cast<long long>(entry.high)));
  } else if constexpr (std::is_floating_point_v<Member>) {
    return read_number(value, pointer, entry.low, entry.high);
  } else {
    static_assert(std::is_same_v<Member, std::vector<int>>, "no reader for this field's type");
    if (!value.is_array()) wrong_type(value, pointer, "an array");
    Member numbers;
    for (std::size_t i = 0; i < value.size(); ++i) {
      numbers.push_back(static_cast<int>(
          read_integer(value[i], index_pointer(pointer, i), static_cast<long long>(entry.low),
                       static_cast<long long>(entry.high))));
    }
    return numbers;
  }
}

/// The object at `pointer`: each field it has replaces base's; an unknown field is an error.
template <HasFields T>
T read_fields(const Json& value, const std::string& pointer, T base) {
  ObjectReader in(value, pointer);
  for_each_field<T>([&](const auto& entry) {
    if (const Json* found = in.find(entry.name)) {
      base.*entry.member = read_field(*found, in.pointer(entry.name), entry, base.*entry.member);
    }
  });
  in.finish();
  return base;
}

template <HasFields T>
Json write_fields(const T& value);

template <class Member>
Json write_field(const Member& value) {
  if constexpr (HasFields<Member>) {
    return write_fields(value);
  } else if constexpr (std::is_enum_v<Member>) {
    return std::string(names_of(Member{}).name(value));
  } else if constexpr (std::is_same_v<Member, std::optional<boost::gregorian::date>>) {
    return value ? Json(boost::gregorian::to_iso_extended_string(*value)) : Json(nullptr);
  } else {
    return value;
  }
}

/// The JSON object of `value`: its fields in table order, the objects among them last (a
/// settings object reads its numbers first).
template <HasFields T>
Json write_fields(const T& value) {
  Json document = Json::object();
  const T defaults{};
  auto write = [&](const auto& entry, bool objects) {
    using Member = typename std::decay_t<decltype(entry)>::member_type;
    if (HasFields<Member> != objects) return;
    const Member& member = value.*entry.member;
    if (entry.written_unless_default && member == defaults.*entry.member) return;
    document[entry.name] = write_field(member);
  };
  for_each_field<T>([&](const auto& entry) { write(entry, false); });
  for_each_field<T>([&](const auto& entry) { write(entry, true); });
  return document;
}

}  // namespace paarorende::detail
