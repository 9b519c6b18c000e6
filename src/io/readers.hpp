// Private to the I/O layer: the readers of values that several documents hold (a school calendar
// inside a course request, a venue inside a request and a region, a household inside a group and
// a waitlist ...), each defined once in the io/<concept>.cpp of its concept.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "io/json_reader.hpp"
#include "detail/names.hpp"
#include "paarorende/attendance.hpp"
#include "paarorende/calendar.hpp"
#include "paarorende/format.hpp"
#include "paarorende/group.hpp"
#include "paarorende/io/json.hpp"
#include "paarorende/presenter.hpp"
#include "paarorende/schedule.hpp"
#include "paarorende/topic.hpp"
#include "paarorende/treffpunkt.hpp"
#include "paarorende/violation.hpp"
#include "detail/enum_names.hpp"
#include "detail/input_error.hpp"
#include "detail/text.hpp"

namespace paarorende::detail {

// A code of a fixed list; an unknown one is refused with the rule the list keeps (X4, X5, V2).
template <class Enum, std::size_t N>
Enum read_code(const Json& value, const std::string& pointer, const EnumNames<Enum, N>& names, Rule rule) {
  const std::string text = read_string(value, pointer);
  const auto parsed = names.parse(text);
  if (!parsed) raise_input_error(pointer, "expected " + names.expected() + ", got " + quote_input(text), rule);
  return *parsed;
}

template <class Enum, std::size_t N>
std::vector<Enum> read_codes(ObjectReader& in, const char* key, const EnumNames<Enum, N>& names, Rule rule) {
  return read_array<Enum>(in, key, [&](const Json& value, const std::string& at) {
    return read_code(value, at, names, rule);
  });
}

// DOMAIN X4: a guardian's consent, by role (mother, father, guardian) and dated, as an enrolment
// and a follow-up register hold it (src/io/treffpunkt.cpp).
Consent read_consent(const Json& value, const std::string& pointer);
Json consent_json(const Consent& consent);

// DOMAIN C8: a place and a known travel time, as a waitlist and a group document hold them
// (src/io/formation.cpp), and their written forms.
Place read_place(const Json& value, const std::string& pointer);
TravelTime read_travel_time(const Json& value, const std::string& pointer);
Json to_json(const Place& place);
Json to_json(const TravelTime& travel);

// DOMAIN C8, the one travel rule (travel.hpp; src/io/travel.cpp). An old document keeps its
// limit inside another object: a course request's or a format's rules.max_travel_minutes (now
// travel.warn_minutes), a waitlist's formation.max_travel_minutes (now travel.max_minutes).
enum class OldTravelField { warn_minutes, max_minutes };
struct OldTravel {
  double minutes = 0.0;
  std::string pointer;  ///< Where it was, for an error.
  OldTravelField maps_to = OldTravelField::warn_minutes;
};
/// Removes "max_travel_minutes" from `object` (a copy its reader goes on with) and returns it,
/// read as minutes in [low, high] (the old field's range); none when it is not there.
std::optional<OldTravel> take_old_travel(Json& object, const std::string& object_pointer, OldTravelField maps_to,
                                         double low, double high);
/// The document's "travel" object over `base`, with an old field mapped onto it: warn_minutes X
/// lifts max_minutes to X when the document does not give max_minutes (the old field only
/// warned), max_minutes X lowers warn_minutes to X likewise. An old field beside the new one it
/// maps to is refused (which is meant?). Range-checked (check_travel_limits).
TravelLimits read_travel(ObjectReader& in, const TravelLimits& base, const std::optional<OldTravel>& old);

// Issue #23: a plan request's "language" (nb, nn or en; nb when absent), and its title when the
// document gives none: the format's name in that language, refused at "/language" when a
// municipality's format has no name in it (src/io/format.cpp).
Language read_plan_language(ObjectReader& in);
/// A plan request's document with `language` (the command line's --lang) in its "language".
void set_plan_language(Json& document, std::optional<Language> language);
std::string read_plan_title(ObjectReader& in, const CourseFormat& format, Language language);

// The built-in data compiled into the library: src/data/<name>.json, through
// src/builtin_<name>.cpp.in. Read with the same readers as a municipality's files.
extern const char* const builtin_topics_json;
extern const char* const builtin_formats_json;
extern const char* const builtin_regions_json;

/// A reference to a document inside another: a built-in id (a slug, looked up by `builtin`; pass
/// nullptr for a kind without built-ins), a file name (relative to `base_dir`, read by `load`) or
/// the document itself (read by `from_json(value, pointer)`). `what` names what is expected in the message for an
/// empty string ("a built-in format id, a file name or an object").
template <class FromJson, class Builtin, class Load>
auto read_reference(const Json& value, const std::string& pointer, const std::filesystem::path& base_dir,
                    const char* what, FromJson from_json, Builtin builtin, Load load)
    -> decltype(from_json(value, pointer)) {
  // A kind without built-ins takes anything but a string for the document, whose reader then
  // says what it expected; a kind with built-ins expects a string when it is not an object.
  if (value.is_object() || (std::is_null_pointer_v<Builtin> && !value.is_string())) {
    return from_json(value, pointer);
  }
  const std::string text = read_string(value, pointer);
  if constexpr (!std::is_null_pointer_v<Builtin>) {
    if (is_slug(text)) return builtin(text);
  }
  if (text.empty()) raise_input_error(pointer, std::string("expected ") + what);
  std::filesystem::path file = text;
  if (file.is_relative()) file = base_dir / file;
  return load(file);
}

/// The built-in documents compiled into the library (src/data/<name>.json): the list under `key`,
/// each entry read by `read(entry, pointer, the entries before it)`.
template <class T, class Read>
std::vector<T> read_builtin_list(const char* json_text, const char* key, Read read) {
  const Json document = parse_json(json_text);
  ObjectReader in(document, "");
  std::vector<T> values;
  const Json& list = in.array(key);
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::vector<T> earlier = values;
    values.push_back(read(list[i], index_pointer(std::string("/") + key, i), earlier));
  }
  in.finish();
  return values;
}

/// DOMAIN X5: whatever is arranged for children has at least two adults present.
inline void require_two_adults(int adults, const std::string& pointer, const std::string& what) {
  if (adults >= 2) return;
  raise_input_error(pointer, what + " has at least two adults, got " + std::to_string(adults), Rule{"X5"});
}

// io/calendar.cpp
SchoolCalendar read_school_calendar(const Json& value, const std::string& pointer);
// io/schedule.cpp
Weekday read_weekday(const Json& value, const std::string& pointer);
Venue read_venue(const Json& value, const std::string& pointer);
Presenter read_presenter(const Json& value, const std::string& pointer);
// io/topic.cpp
TopicCatalogue read_catalogue(const Json& value, const std::string& pointer, const TopicCatalogue& base);
// io/attendance.cpp
/// {"attend", "both"} over `defaults`.
AttendanceProbabilities read_attendance(const Json& value, const std::string& pointer,
                                        AttendanceProbabilities defaults);
// io/group.cpp
Household read_household(const Json& value, const std::string& pointer,
                         const AttendanceProbabilities& default_attendance);
// io/violation.cpp
Violation read_violation(const Json& value, const std::string& pointer);

}  // namespace paarorende::detail
