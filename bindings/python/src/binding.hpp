// Included first by every binding source (as boost-histogram's src/register_*.cpp do): the
// pybind11 namespace aliases, the type casters between Boost.Date_Time and Python's datetime, and
// the register functions module.cpp calls.
//
// Casters (DOMAIN X3: every time is Europe/Oslo local time):
//   boost::gregorian::date            <-> datetime.date (a datetime.datetime is refused: it would
//                                         silently lose its time)
//   paarorende::ClockTime             <-> datetime.time (naive; a time of day)
//   paarorende::LocalDateTime         <-> datetime.datetime, aware, tzinfo=ZoneInfo("Europe/Oslo").
//                                         From Python, an aware datetime is converted to Oslo time
//                                         first; a naive one is read as Oslo wall-clock time.
// The wall-clock reading is what crosses the boundary, so a session at 15:00 is 15:00 on both
// sides; `fold` carries which of the two 02:00-03:00 hours is meant on the October night.
#pragma once

#include <pybind11/operators.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <algorithm>
#include <cstdio>
#include <sstream>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "paarorende/paarorende.hpp"

namespace py = pybind11;
using namespace pybind11::literals;

void register_error(py::module_& m);
void register_calendar(py::module_& m);
void register_violation(py::module_& m);
void register_school_days(py::module_& m);
void register_topic(py::module_& m);
void register_group(py::module_& m);
void register_schedule(py::module_& m);
void register_formats(py::module_& m);
void register_evaluation(py::module_& m);
void register_cli(py::module_& m);
void register_formation(py::module_& m);
void register_table(py::module_& m);
void register_treffpunkt(py::module_& m);
void register_programme(py::module_& m);
void register_followup(py::module_& m);

namespace paarorende::python {

/// Python's datetime types and the Europe/Oslo zone, looked up once. Deliberately never freed:
/// the objects must outlive every module-level static, and the interpreter reclaims them at exit.
struct DateTimeTypes {
  py::object date;
  py::object time;
  py::object datetime;
  py::object timezone_utc;
  py::object oslo;
};

inline const DateTimeTypes& datetime_types() {
  static const DateTimeTypes* types = [] {
    auto datetime = py::module_::import("datetime");
    auto zoneinfo = py::module_::import("zoneinfo");
    return new DateTimeTypes{datetime.attr("date"), datetime.attr("time"),
                             datetime.attr("datetime"), datetime.attr("timezone").attr("utc"),
                             zoneinfo.attr("ZoneInfo")("Europe/Oslo")};
  }();
  return *types;
}

/// Python's repr() of anything castable: names, dates and times in reprs read as Python literals.
template <class T>
std::string py_repr(const T& value) {
  return py::repr(py::cast(value)).template cast<std::string>();
}

/// The text of `value` as written by its C++ operator<<.
template <class T>
std::string streamed(const T& value) {
  std::ostringstream out;
  out << value;
  return out.str();
}

/// A Date from Python's year, month and day. Boost.Date_Time holds years 1400-9999 only; an earlier
/// Python date is an InputError (a ValueError), not a crash.
inline Date make_date(int year, int month, int day) {
  if (year < 1400) {
    char text[32];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", year, month, day);
    throw InputError("", std::string("date ") + text + " is before 1400, the earliest supported");
  }
  return Date(static_cast<unsigned short>(year), static_cast<unsigned short>(month),
              static_cast<unsigned short>(day));
}

inline ClockTime make_clock(int hour, int minute, int second, int microsecond) {
  return ClockTime(hour, minute, second) + boost::posix_time::microseconds(microsecond);
}

/// The Oslo instant for a wall-clock reading; `fold` = 1 picks the second (standard-time)
/// occurrence of an ambiguous hour, as datetime.fold does.
inline LocalDateTime oslo_wall_time(Date date, ClockTime time, int fold) {
  if (fold == 1 &&
      LocalDateTime::check_dst(date, time, oslo_time_zone()) == boost::date_time::ambiguous) {
    return LocalDateTime(date, time, oslo_time_zone(), false);
  }
  return oslo_time(date, time);
}

/// The UTC ptime of a Python datetime: aware ones are converted, naive ones are read as UTC.
inline boost::posix_time::ptime utc_ptime(py::handle value) {
  const auto& types = datetime_types();
  if (!py::isinstance(value, types.datetime)) {
    throw py::type_error("expected a datetime.datetime");
  }
  py::object utc = py::reinterpret_borrow<py::object>(value);
  if (!utc.attr("utcoffset")().is_none()) utc = utc.attr("astimezone")(types.timezone_utc);
  const Date date = make_date(utc.attr("year").cast<int>(), utc.attr("month").cast<int>(),
                              utc.attr("day").cast<int>());
  return boost::posix_time::ptime(
      date, make_clock(utc.attr("hour").cast<int>(), utc.attr("minute").cast<int>(),
                       utc.attr("second").cast<int>(), utc.attr("microsecond").cast<int>()));
}

}  // namespace paarorende::python

namespace pybind11::detail {

template <>
struct type_caster<boost::gregorian::date> {
  PYBIND11_TYPE_CASTER(boost::gregorian::date, const_name("datetime.date"));

  // A datetime.date; when converting also what analysts hold a date as (issue #24): an ISO
  // string ("2026-09-08"), a datetime.datetime or pandas.Timestamp at midnight, a numpy.datetime64.
  // A time of day other than midnight is a ValueError, not a date silently cut.
  bool load(handle src, bool convert) {
    const auto& types = paarorende::python::datetime_types();
    if (isinstance(src, types.date) && !isinstance(src, types.datetime)) {
      value = paarorende::python::make_date(
          src.attr("year").cast<int>(), src.attr("month").cast<int>(), src.attr("day").cast<int>());
      return true;
    }
    if (!convert) return false;
    object date = reinterpret_borrow<object>(src);
    const std::string type = str(type::handle_of(src).attr("__name__"));
    if (type == "datetime64") date = date.attr("astype")("datetime64[us]").attr("item")();  // NaT: None
    if (isinstance<str>(date)) {
      const std::string text = date.cast<std::string>();
      if (text.size() == 10) {
        try {
          value = paarorende::parse_iso_date(text);
          return true;
        } catch (const paarorende::InputError& error) {
          throw value_error("expected a date as YYYY-MM-DD, got \"" + text + "\": " + error.message());
        }
      }
      try {
        date = types.datetime.attr("fromisoformat")(date);  // "2026-09-08T00:00"
      } catch (const error_already_set&) {
        throw value_error("expected a date as YYYY-MM-DD, got \"" + text + "\"");
      }
    }
    if (!isinstance(date, types.datetime)) return false;
    if (date.attr("hour").cast<int>() != 0 || date.attr("minute").cast<int>() != 0 ||
        date.attr("second").cast<int>() != 0 || date.attr("microsecond").cast<int>() != 0) {
      throw value_error("expected a date, got " + std::string(str(date)) + ", which has a time of day");
    }
    value = paarorende::python::make_date(
        date.attr("year").cast<int>(), date.attr("month").cast<int>(), date.attr("day").cast<int>());
    return true;
  }

  static handle cast(const boost::gregorian::date& date, return_value_policy, handle) {
    if (date.is_special()) return none().release();
    return paarorende::python::datetime_types()
        .date(static_cast<int>(date.year()), static_cast<int>(date.month()),
              static_cast<int>(date.day()))
        .release();
  }
};

// paarorende::ClockTime is boost::posix_time::time_duration; bound as a time of day.
template <>
struct type_caster<boost::posix_time::time_duration> {
  PYBIND11_TYPE_CASTER(boost::posix_time::time_duration, const_name("datetime.time"));

  bool load(handle src, bool) {
    const auto& types = paarorende::python::datetime_types();
    if (!isinstance(src, types.time)) return false;
    if (!src.attr("tzinfo").is_none()) {
      throw value_error("a time of day is Europe/Oslo wall-clock time; pass a naive datetime.time");
    }
    value = paarorende::python::make_clock(
        src.attr("hour").cast<int>(), src.attr("minute").cast<int>(),
        src.attr("second").cast<int>(), src.attr("microsecond").cast<int>());
    return true;
  }

  static handle cast(const boost::posix_time::time_duration& time, return_value_policy, handle) {
    if (time.is_special()) return none().release();
    if (time.is_negative() || time >= boost::posix_time::hours(24)) {
      throw value_error("a time of day must lie in [00:00, 24:00)");
    }
    const auto micro = time.total_microseconds();
    return paarorende::python::datetime_types()
        .time(static_cast<int>(micro / 3'600'000'000), static_cast<int>(micro / 60'000'000 % 60),
              static_cast<int>(micro / 1'000'000 % 60), static_cast<int>(micro % 1'000'000))
        .release();
  }
};

// paarorende::LocalDateTime is boost::local_time::local_date_time.
template <>
struct type_caster<boost::local_time::local_date_time> {
  using Value = boost::local_time::local_date_time;
  // local_date_time has no default constructor, so the value is held in an optional.
  std::optional<Value> held;

  static constexpr auto name = const_name("datetime.datetime");

  bool load(handle src, bool) {
    const auto& types = paarorende::python::datetime_types();
    if (!isinstance(src, types.datetime)) return false;
    object oslo = reinterpret_borrow<object>(src);
    if (!oslo.attr("utcoffset")().is_none()) oslo = oslo.attr("astimezone")(types.oslo);
    const auto date =
        paarorende::python::make_date(oslo.attr("year").cast<int>(), oslo.attr("month").cast<int>(),
                                      oslo.attr("day").cast<int>());
    const auto time = paarorende::python::make_clock(
        oslo.attr("hour").cast<int>(), oslo.attr("minute").cast<int>(),
        oslo.attr("second").cast<int>(), oslo.attr("microsecond").cast<int>());
    held = paarorende::python::oslo_wall_time(date, time, oslo.attr("fold").cast<int>());
    return true;
  }

  static handle cast(const Value& instant, return_value_policy, handle) {
    if (instant.is_special()) return none().release();
    // Read it in Oslo, whatever zone it carries.
    const Value oslo(instant.utc_time(), paarorende::oslo_time_zone());
    const auto local = oslo.local_time();
    const auto date = local.date();
    const auto time = local.time_of_day();
    const bool second_of_two =
        !oslo.is_dst() &&
        Value::check_dst(date, time, paarorende::oslo_time_zone()) == boost::date_time::ambiguous;
    const auto micro = time.total_microseconds();
    return paarorende::python::datetime_types()
        .datetime(static_cast<int>(date.year()), static_cast<int>(date.month()),
                  static_cast<int>(date.day()), static_cast<int>(micro / 3'600'000'000),
                  static_cast<int>(micro / 60'000'000 % 60),
                  static_cast<int>(micro / 1'000'000 % 60), static_cast<int>(micro % 1'000'000),
                  "tzinfo"_a = paarorende::python::datetime_types().oslo,
                  "fold"_a = second_of_two ? 1 : 0)
        .release();
  }

  template <typename T>
  using cast_op_type = movable_cast_op_type<T>;
  operator Value*() { return held ? &*held : nullptr; }
  operator Value&() {
    if (!held) throw reference_cast_error();
    return *held;
  }
  operator Value&&() && {
    if (!held) throw reference_cast_error();
    return std::move(*held);
  }
};

}  // namespace pybind11::detail

namespace paarorende::python {

/// copy.copy and copy.deepcopy for a bound struct. The struct owns all it holds, so a C++ copy is
/// a deep copy.
template <class Class>
Class& def_copies(Class& cls) {
  using T = typename Class::type;
  return cls
      .def(
          "__copy__", [](const T& self) { return T(self); }, "A copy of the value.")
      .def(
          "__deepcopy__", [](const T& self, const py::dict&) { return T(self); }, "memo"_a,
          "A copy of the value and everything it holds.");
}

/// Value semantics for a bound struct: `==` (where the C++ type has operator==), copy.copy and
/// copy.deepcopy.
template <class Class>
Class& def_value_semantics(Class& cls) {
  cls.def(py::self == py::self, "Equal when every field is equal (C++ operator==).");
  return def_copies(cls);
}

/// copy.copy, copy.deepcopy and `==` for a struct without a C++ operator==: equal when `equal`
/// says so; comparing with another type gives NotImplemented, so `==` is False.
template <class Class, class Equal>
Class& def_value_semantics_by(Class& cls, Equal equal) {
  using T = typename Class::type;
  cls.def(
      "__eq__", [equal](const T& self, const T& other) { return equal(self, other); },
      py::is_operator(), "other"_a, "Equal when every field is equal.");
  return def_copies(cls);
}

/// `"name=value"` with Python's repr of the value, for reprs that read like the constructor.
template <class T>
std::string field(const char* name, const T& value) {
  return std::string(name) + "=" + py_repr(value);
}

/// "1 course", "5 courses": a count in a repr, in the right number.
inline std::string counted(std::size_t n, const char* singular, const char* plural) {
  return std::to_string(n) + " " + (n == 1 ? singular : plural);
}

/// An enum value as Python writes it in code: "Severity.error".
template <class Enum>
std::string enum_text(Enum value) {
  return py::str(py::cast(value)).cast<std::string>();
}

/// A list of enum values as Python writes it in code:
/// "[ChildStage.primary, ChildStage.lower_secondary]".
template <class Enum>
std::string enum_list_text(const std::vector<Enum>& values) {
  std::string text = "[";
  for (const auto& value : values) text += (text.size() > 1 ? ", " : "") + enum_text(value);
  return text + "]";
}

/// A value as a repr writes it: Python's repr, but an enum value as Python writes it in code
/// ("Severity.error").
template <class T>
std::string value_text(const T& value) {
  if constexpr (std::is_enum_v<T>) {
    return enum_text(value);
  } else {
    return py_repr(value);
  }
}

/// A list in a repr: written out when short (so the repr still reads like the constructor), and
/// as "<9 wishes>" when longer than `shown`, so that a repr fits on a few lines.
template <class T>
std::string short_list_text(const std::vector<T>& values, const char* singular, const char* plural,
                            std::size_t shown = 3) {
  if (values.size() <= shown) return value_text(values);
  return "<" + counted(values.size(), singular, plural) + ">";
}

/// Appends "name=text" to a repr being built, after ", " unless it follows the opening '('.
inline void add_text(std::string& text, const char* name, const std::string& value_text) {
  if (text.back() != '(') text += ", ";
  text += std::string(name) + "=" + value_text;
}

/// Appends ", name=value" when the value differs from the default, so reprs stay short and still
/// read like the keyword constructor. Enum values are written as Python writes them in code.
template <class T>
void add_if_changed(std::string& text, const char* name, const T& value, const T& fallback) {
  if (!(value == fallback)) add_text(text, name, value_text(value));
}

/// Appends "name=value" for each (name, member) pair of `self`, as add_if_changed writes them.
template <class T>
void add_fields(std::string&, const T&) {}

template <class T, class Member, class... Rest>
void add_fields(std::string& text, const T& self, const char* name, Member T::*member,
                Rest... rest) {
  add_text(text, name, value_text(self.*member));
  add_fields(text, self, rest...);
}

/// add_if_changed for each (name, member) pair of `self`, against the same member of `defaults`.
template <class T>
void add_changed_fields(std::string&, const T&, const T&) {}

template <class T, class Member, class... Rest>
void add_changed_fields(std::string& text, const T& self, const T& defaults, const char* name,
                        Member T::*member, Rest... rest) {
  add_if_changed(text, name, self.*member, defaults.*member);
  add_changed_fields(text, self, defaults, rest...);
}

/// The docstring of most reprs (STYLE 6).
inline constexpr const char* keyword_repr_doc =
    "The value as text that reads like its keyword constructor.";

/// `__repr__` (`repr` gives the text) with `doc`, and the value semantics of
/// def_value_semantics: what every bound value type ends with.
template <class Class, class Repr>
Class& def_value(Class& cls, Repr repr, const char* doc = keyword_repr_doc) {
  using T = typename Class::type;
  cls.def(
      "__repr__", [repr](const T& self) { return std::string(repr(self)); }, doc);
  return def_value_semantics(cls);
}

/// def_value with the repr that reads like the keyword constructor and writes every field named:
/// def_keyword_value(cls, doc, "date", &PublicHoliday::date, "name_nb", &PublicHoliday::name_nb)
/// gives "PublicHoliday(date=datetime.date(...), name_nb='...')".
template <class Class, class... Fields>
Class& def_keyword_value(Class& cls, const char* doc, Fields... fields) {
  using T = typename Class::type;
  const std::string type = py::str(cls.attr("__name__"));
  return def_value(
      cls,
      [type, fields...](const T& self) {
        std::string text = type + "(";
        add_fields(text, self, fields...);
        return text + ")";
      },
      doc);
}

/// The JSON text of a document; `indent` None writes it on one line.
inline std::string dump(const Json& document, std::optional<int> indent) {
  return document.dump(indent ? *indent : -1);
}

/// A JSON document as Python dicts and lists, as json.loads reads its text.
inline py::object json_object(const Json& document) {
  return py::module_::import("json").attr("loads")(dump(document, std::nullopt));
}

/// `to_json(*, indent=2)`: the JSON text of `to_json(self)`, which from_json() reads back.
template <class Class>
Class& def_to_json(Class& cls, const char* doc) {
  using T = typename Class::type;
  return cls.def(
      "to_json",
      [](const T& self, std::optional<int> indent) { return dump(to_json(self), indent); },
      py::kw_only(), "indent"_a = 2, doc);
}

/// `from_json(text)` (static): `read` of the parsed JSON text.
template <class Class, class Read>
Class& def_from_json(Class& cls, Read read, const char* doc) {
  return cls.def_static(
      "from_json", [read](std::string_view text) { return read(parse_json(text)); }, "text"_a, doc);
}

/// The options of a `to_ical(*, dtstamp, uid_domain)` method: `dtstamp` a datetime.datetime
/// (aware, or naive read as UTC) or None for the time of the call.
inline IcalOptions ical_options(const py::object& dtstamp, std::string uid_domain) {
  IcalOptions options;
  if (!dtstamp.is_none()) options.dtstamp_utc = utc_ptime(dtstamp);
  options.uid_domain = std::move(uid_domain);
  return options;
}

/// An optional module, imported only when a method needs it; its absence is an ImportError that
/// says what to install.
inline py::module_ import_optional(const char* module, const char* method, const char* package) {
  try {
    return py::module_::import(module);
  } catch (py::error_already_set& error) {
    if (!error.matches(PyExc_ImportError)) throw;
    throw py::import_error(std::string(method) + " needs " + module +
                           ", which is not installed: install the Debian package " + package +
                           " (apt-get install " + package + "), or `pip install " + module + "`");
  }
}

}  // namespace paarorende::python

namespace paarorende::python {

/// Getter and setter of a std::vector member bound as a list property. Reading gives a list of
/// copies: pybind11 would otherwise hand out references into the vector, which dangle once the
/// vector is assigned or grows. Assigning a list replaces the whole vector.
template <class T, class Vector>
auto list_getter(Vector T::*member) {
  return [member](const T& self) { return Vector(self.*member); };
}

template <class T, class Vector>
auto list_setter(Vector T::*member) {
  return [member](T& self, Vector value) { self.*member = std::move(value); };
}

/// One column of a typed DataFrame: its name and pandas dtype ("Int64", "Float64", "string",
/// "boolean": the nullable dtypes, so a column's type never depends on the data).
struct Column {
  const char* name;
  const char* dtype;
};

/// pandas.DataFrame(records) with exactly `columns`, in that order and of those dtypes, whatever
/// the records hold (none at all, or a column all None): None becomes pd.NA.
inline py::object typed_dataframe(const py::list& records, const std::vector<Column>& columns, const char* method) {
  const py::module_ pandas = import_optional("pandas", method, "python3-pandas");
  py::list names;
  py::dict dtypes;
  for (const Column& column : columns) {
    names.append(column.name);
    dtypes[column.name] = column.dtype;
  }
  return pandas.attr("DataFrame")(records, py::arg("columns") = names).attr("astype")(dtypes);
}

}  // namespace paarorende::python

namespace paarorende::python {

/// The HTML a notebook shows for a value that has `to_records()`: its repr as the caption and the
/// first `max_rows` records as a compact table, without the columns empty in every row shown;
/// every text escaped.
inline std::string records_html(const py::object& self, std::size_t max_rows = 20) {
  const py::module_ html = py::module_::import("html");
  const auto escape = [&html](const py::handle& text) { return html.attr("escape")(py::str(text)).cast<std::string>(); };
  const auto cell = [&escape](const py::handle& value) -> std::string {
    if (value.is_none()) return "";
    if (py::isinstance<py::float_>(value)) return escape(py::str("{:.4g}").attr("format")(value));
    if (py::isinstance<py::list>(value) || py::isinstance<py::tuple>(value)) {
      std::string text;
      for (const py::handle item : value) text += (text.empty() ? "" : ", ") + escape(item);
      return text;
    }
    return escape(value);
  };
  const py::list records = self.attr("to_records")();
  const std::size_t shown = std::min(max_rows, static_cast<std::size_t>(records.size()));
  // The columns in the records' own order, those with a value in some row shown.
  std::vector<std::string> columns;
  std::vector<bool> filled;
  for (std::size_t r = 0; r < shown; ++r) {
    for (const auto item : records[r].cast<py::dict>()) {
      const std::string name = py::str(item.first);
      auto at = std::find(columns.begin(), columns.end(), name);
      if (at == columns.end()) {
        columns.push_back(name);
        filled.push_back(false);
        at = columns.end() - 1;
      }
      if (!item.second.is_none()) filled[static_cast<std::size_t>(at - columns.begin())] = true;
    }
  }
  for (std::size_t c = columns.size(); c-- > 0;) {
    if (!filled[c]) columns.erase(columns.begin() + static_cast<std::ptrdiff_t>(c));
  }
  std::string out = "<div class=\"paarorende\"><p><code>" + escape(py::repr(self)) + "</code></p>";
  if (shown > 0) {
    out += "<table><thead><tr>";
    for (const auto& name : columns) out += "<th>" + escape(py::str(name)) + "</th>";
    out += "</tr></thead><tbody>";
    for (std::size_t r = 0; r < shown; ++r) {
      const py::dict record = records[r].cast<py::dict>();
      out += "<tr>";
      for (const auto& name : columns) {
        out += "<td>" + (record.contains(name) ? cell(record[py::str(name)]) : std::string()) + "</td>";
      }
      out += "</tr>";
    }
    out += "</tbody></table>";
  }
  if (records.size() > shown) {
    out += "<p>" + std::to_string(records.size() - shown) + " more rows: to_dataframe() has them all</p>";
  }
  return out + "</div>";
}

/// `_repr_html_` (records_html) for a class that has `to_records()`.
template <class Class>
void def_repr_html(Class& cls) {
  cls.def(
      "_repr_html_", [](const py::object& self) { return records_html(self); },
      "The value as a notebook shows it: its repr and the first rows of to_records() as a table.");
}

/// Adds `to_dataframe()` to a class that has `to_records()`: pandas.DataFrame(self.to_records()),
/// pandas imported only when called; without pandas, an ImportError that says what to install.
template <class Class>
void def_to_dataframe(Class& cls, const char* doc) {
  cls.def(
      "to_dataframe",
      [](const py::object& self) {
        py::module_ pandas;
        try {
          pandas = py::module_::import("pandas");
        } catch (py::error_already_set& error) {
          if (!error.matches(PyExc_ImportError)) throw;
          const std::string name = py::str(self.get_type().attr("__name__"));
          throw py::import_error(name + ".to_dataframe() needs pandas, which is not installed: "
                                 "install the Debian package python3-pandas, or `pip install "
                                 "pandas`");
        }
        return pandas.attr("DataFrame")(self.attr("to_records")());
      },
      doc);
  def_repr_html(cls);
}

}  // namespace paarorende::python
