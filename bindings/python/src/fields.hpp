// The Python side of a struct with a field table (paarorende/fields.hpp): its properties with
// their docstrings, its keyword-only constructor with the struct's own defaults, and the repr
// that writes the fields that differ from them (or every field); or, for a struct Python only
// reads, its read-only properties. Included after binding.hpp.
#pragma once

#include <cstddef>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "binding.hpp"
#include "paarorende/fields.hpp"

namespace paarorende::python {

namespace fields_detail {

template <class T>
inline constexpr bool is_vector = false;
template <class U>
inline constexpr bool is_vector<std::vector<U>> = true;

template <class T, std::size_t... I>
void def_keyword_init(py::class_<T>& cls, const char* doc, std::index_sequence<I...>) {
  using Table = std::decay_t<decltype(field_table<T>)>;
  const T defaults{};
  // One typed parameter per field, so the signature reads
  // __init__(self, *, min_sessions: int = 5, ...) as a hand-written constructor's would.
  cls.def(py::init([](typename std::tuple_element_t<I, Table>::member_type... values) {
            T value{};
            ((value.*(std::get<I>(field_table<T>).member) = std::move(values)), ...);
            return value;
          }),
          py::kw_only(),
          py::arg_v(std::get<I>(field_table<T>).name, defaults.*(std::get<I>(field_table<T>).member))...,
          doc);
}

}  // namespace fields_detail

/// The keyword-only constructor, every argument defaulting to a default-constructed T's value,
/// and one property per field with the table's docstring. A list is a property that reads a copy
/// (list_getter): assign a new list to change it.
template <HasFields T>
py::class_<T>& def_fields(py::class_<T>& cls, const char* init_doc) {
  constexpr std::size_t count = std::tuple_size_v<std::decay_t<decltype(field_table<T>)>>;
  fields_detail::def_keyword_init(cls, init_doc, std::make_index_sequence<count>{});
  for_each_field<T>([&](const auto& entry) {
    using Member = typename std::decay_t<decltype(entry)>::member_type;
    if constexpr (fields_detail::is_vector<Member>) {
      cls.def_property(entry.name, list_getter(entry.member), list_setter(entry.member), entry.doc);
    } else {
      cls.def_readwrite(entry.name, entry.member, entry.doc);
    }
  });
  return cls;
}

/// One read-only property per field with the table's docstring, for a struct Python reads but
/// does not make (no constructor). A list is a property that reads a copy (list_getter).
template <HasFields T>
py::class_<T>& def_readonly_fields(py::class_<T>& cls) {
  for_each_field<T>([&](const auto& entry) {
    using Member = typename std::decay_t<decltype(entry)>::member_type;
    if constexpr (fields_detail::is_vector<Member>) {
      cls.def_property_readonly(entry.name, list_getter(entry.member), entry.doc);
    } else {
      cls.def_readonly(entry.name, entry.member, entry.doc);
    }
  });
  return cls;
}

/// Which fields a repr made from the table writes.
enum class FieldRepr {
  changed,  ///< Those that differ from a default-constructed T's (changed_fields_repr).
  every,    ///< All of them, in table order (every_field_repr).
};

/// "RosterRules(min_adults=2, children_per_adult=5)": every field, as the keyword constructor
/// takes them.
template <HasFields T>
std::string every_field_repr(const std::string& type, const T& value) {
  std::string text = type + "(";
  for_each_field<T>(
      [&](const auto& entry) { add_text(text, entry.name, value_text(value.*entry.member)); });
  return text + ")";
}

/// "GroupRules(size=RuleWeight.soft)": the fields that differ from a default-constructed T's,
/// as the keyword constructor takes them.
template <HasFields T>
std::string changed_fields_repr(const std::string& type, const T& value) {
  const T defaults{};
  std::string text = type + "(";
  for_each_field<T>([&](const auto& entry) {
    add_if_changed(text, entry.name, value.*entry.member, defaults.*entry.member);
  });
  return text + ")";
}

/// def_fields, and the repr of changed_fields_repr (or every_field_repr) with `repr_doc`, and
/// value semantics.
template <HasFields T>
py::class_<T>& def_field_value(py::class_<T>& cls, const char* init_doc,
                               const char* repr_doc = keyword_repr_doc,
                               FieldRepr written = FieldRepr::changed) {
  def_fields(cls, init_doc);
  const std::string type = py::str(cls.attr("__name__"));
  return def_value(
      cls,
      [type, written](const T& self) {
        return written == FieldRepr::every ? every_field_repr(type, self)
                                           : changed_fields_repr(type, self);
      },
      repr_doc);
}

}  // namespace paarorende::python
