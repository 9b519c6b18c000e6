// Course scheduling: from a request (first date, cadence, session length, the after-school care's
// closing time, travel to the pickup place) to dated sessions in Europe/Oslo local time, and the
// validation of any schedule, planned or hand-made, against the same rules.
// DOMAIN C1-C5, C8, C11, X1-X3.
#pragma once

#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <vector>

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <boost/date_time/local_time/local_time_types.hpp>
#include <boost/date_time/posix_time/posix_time_types.hpp>

#include "paarorende/calendar.hpp"
#include "paarorende/fields.hpp"
#include "paarorende/presenter.hpp"
#include "paarorende/school_days.hpp"
#include "paarorende/topic.hpp"
#include "paarorende/travel.hpp"
#include "paarorende/violation.hpp"
#include "paarorende/wishes.hpp"

namespace paarorende {

/// A time of day, as an offset from midnight (16:30 is hours(16) + minutes(30)).
using ClockTime = boost::posix_time::time_duration;
/// An instant with its Europe/Oslo zone (DOMAIN X3).
using LocalDateTime = boost::local_time::local_date_time;
using Weekday = boost::date_time::weekdays;

/// Europe/Oslo (CET/CEST) with the EU rules in force since 1996: summer time from the last
/// Sunday of March 02:00 to the last Sunday of October 03:00 (DOMAIN X3). Immutable.
boost::local_time::time_zone_ptr oslo_time_zone();
/// The Oslo instant whose wall-clock reading is `date` at `time`.
LocalDateTime oslo_time(Date date, ClockTime time);

/// Where the course meets. Close to where the children are picked up (DOMAIN C8).
struct Venue {
  std::string name;
  std::string address;

  friend bool operator==(const Venue&, const Venue&) = default;
};

/// How a session that falls on a closed day moves.
enum class MovePolicy {
  /// The session moves to the same weekday of the first later week that is open; the sessions
  /// after it stay on the cadence counted from the first session (default: the rest of the
  /// plan is kept as announced, and each session stands alone, DOMAIN C5).
  next_open_week,
  /// The session moves as above and every later session moves with it, keeping the cadence
  /// between sessions (DOMAIN C4).
  shift_following,
};

std::string_view to_string(MovePolicy policy) noexcept;
std::optional<MovePolicy> move_policy_from_string(std::string_view text) noexcept;

/// The defaults of the course model in one place. A municipality overrides any of them in the
/// `rules` object of its request (docs/scheduling.md). Every number cites the DOMAIN rule it
/// comes from.
struct ScheduleRules {
  int min_sessions = 5;
  int max_sessions = 6;
  std::vector<int> cadences_weeks{2, 4};
  int session_minutes = 90;
  int introduction_minutes = 30;
  int start_step_minutes = 5;
  int max_move_weeks = 8;
  /// DOMAIN C6, T6: session 1 is for getting to know each other and the round of topic wishes.
  /// A format whose sessions all open with a topic (a fathers' session, G9) turns it off.
  bool getting_to_know_first = true;
  /// DOMAIN C11: with a school calendar given, a session outside all of its school years is an
  /// error (the calendar cannot say whether the school, or its after-school care, is open);
  /// true allows it, a summer course say, with a warning that school holidays were not checked.
  bool allow_outside_school_years = false;

  friend bool operator==(const ScheduleRules&, const ScheduleRules&) = default;
};

/// ScheduleRules' fields: the request's "rules" object (docs/scheduling.md), their ranges in
/// check_request() and the Python ScheduleRules are made from this table.
constexpr auto fields(std::type_identity<ScheduleRules>) {
  using R = ScheduleRules;
  return std::tuple{
      field("min_sessions", &R::min_sessions, "Fewest recommended sessions (DOMAIN C1: 5).")
          .between(1, 52),
      field("max_sessions", &R::max_sessions, "Most recommended sessions (DOMAIN C1: 6).")
          .between(1, 52)
          .at_least(&R::min_sessions),
      field("cadences_weeks", &R::cadences_weeks,
            "The recommended cadences in weeks (DOMAIN C4: every 2 or 4 weeks).")
          .between(1, 12)
          .not_empty("must name at least one cadence"),
      field("session_minutes", &R::session_minutes,
            "The model's session length (DOMAIN C2: 90 minutes).")
          .between(15, 480),
      field("introduction_minutes", &R::introduction_minutes,
            "The model's introduction (DOMAIN C2: about 30 of the 90 minutes).")
          .between(0, 479)
          .below(&R::session_minutes),
      field("start_step_minutes", &R::start_step_minutes,
            "Allowed start times lie on this grid (DOMAIN C3: 5 minutes).")
          .between(1, 60),
      field("max_move_weeks", &R::max_move_weeks,
            "A session moves at most this many weeks off a closed day (DOMAIN C11).")
          .between(1, 52),
      // Written only when off, so the documents of the monthly course stay as they were.
      field("getting_to_know_first", &R::getting_to_know_first,
            "Session 1 is for getting to know each other and the round of topic wishes (DOMAIN "
            "C6, T6); a fathers' session (G9) turns it off.")
          .written_when_changed(),
      field("allow_outside_school_years", &R::allow_outside_school_years,
            "Allow sessions outside every school year of the school calendar given (DOMAIN C11); "
            "off, such a session is an error.")
          .written_when_changed(),
  };
}

/// DOMAIN C3, C8: one household of a course planned from a group: when its after-school care
/// closes (unset: the request's `care_closes`, with an info finding) and the whole minutes by car
/// from the venue to its pickup place (rounded up). The sessions end by the earliest of
/// care_closes minus travel over the households.
struct Pickup {
  std::string household;  ///< Pseudonymous id.
  std::string place;      ///< Its pickup place (the household's `school`).
  std::optional<ClockTime> care_closes;
  int travel_minutes = 0;

  friend bool operator==(const Pickup&, const Pickup&) = default;
};

/// What a coordinator asks for. Either `first_date` (the first session's date; if closed it
/// moves like any session) or `earliest_date` (the first session is the first open date on or
/// after it that falls on `weekday`) must be set.
struct CourseRequest {
  std::string title = "Mestringskurs for foreldre";
  std::string municipality;
  std::optional<Date> first_date;
  std::optional<Date> earliest_date;
  std::optional<Weekday> weekday;  ///< With earliest_date; defaults to its weekday.
  int sessions = 5;                ///< DOMAIN C1.
  int cadence_weeks = 4;           ///< DOMAIN C4.
  int session_minutes = 90;        ///< DOMAIN C2.
  int introduction_minutes = 30;   ///< DOMAIN C2.
  ClockTime care_closes{16, 30, 0};     ///< DOMAIN C3: the after-school programme closes.
  int travel_minutes = 0;               ///< DOMAIN C3, C8: venue to the pickup place.
  /// DOMAIN C3, C8: each household's own pickup, for a course planned from a group
  /// (course_for_group); when set, they replace `travel_minutes`, and `care_closes` is the
  /// default of a household without its own.
  std::vector<Pickup> pickups;
  ClockTime earliest_start{14, 0, 0};   ///< The earliest start the parents accept.
  Venue venue;
  MovePolicy move_policy = MovePolicy::next_open_week;
  std::optional<SchoolCalendar> school_calendar;  ///< DOMAIN X2; without it only X1 applies.
  /// DOMAIN C3, C11: the schools' own calendars, day by day (school_days.hpp). With `schools`, a
  /// date is open only when it is usable at every one of them.
  std::optional<SchoolDays> school_days;
  /// The course's schools: a slug for each, mapped to the school's name as `school_days`
  /// writes it (the document's `schools` table).
  std::map<std::string, std::string> schools;
  /// Whether a day when only the SFO is open (a planning day, holiday SFO) may hold a session.
  SfoOnlyDays sfo_only_days = SfoOnlyDays::refused;
  ScheduleRules rules;
  /// DOMAIN C8: the travel rule each drive (`travel_minutes`, each pickup's) is checked by. A
  /// course planned from a group takes the group document's (course_for_group; a request's own
  /// "travel" beside its "group" wins).
  TravelLimits travel;

  // From a schedule to a course plan (DOMAIN C5-C7, T1-T6): with wishes, sessions 2..n get
  // topics and presenters; without, their topics are chosen in session 1.
  std::vector<TopicWish> wishes;          ///< DOMAIN C6: the round of topic wishes.
  std::vector<ChildProfile> children;     ///< DOMAIN G6, T3: the children's stages and grades.
  std::vector<Presenter> presenters;      ///< DOMAIN C7.
  std::optional<TopicCatalogue> catalogue;  ///< A municipality's; the built-in one when unset.
  TopicRules topic_rules;
  Audience audience = Audience::parents;  ///< Who the course is for (a fathers' session: G9).
  /// The course format whose defaults the request started from (format.hpp); unset: the monthly
  /// parents' course, whose defaults are the ones above.
  std::optional<std::string> format;
  /// The language of what the plan writes for people: its calendar's texts, and the title when
  /// the document gives none (the format's name in it). The document's "language" (issue #23).
  Language language = Language::nb;

  /// The catalogue in force: the municipality's, or the built-in one.
  const TopicCatalogue& topics() const noexcept {
    return catalogue ? *catalogue : builtin_catalogue();
  }

  friend bool operator==(const CourseRequest&, const CourseRequest&) = default;
};

/// Checks the request's form and ranges; throws InputError whose where() is the JSON pointer
/// of the offending field ("/cadence_weeks").
void check_request(const CourseRequest& request);

/// When the sessions must end (DOMAIN C3): care closes minus travel; with pickups, the earliest
/// over the households, and the household that sets it (the first in order on a tie).
struct LatestEnd {
  int minute_of_day = 0;     ///< Minutes after midnight; may be negative when travel is longer than the day so far.
  ClockTime care_closes;
  int travel_minutes = 0;
  std::string household;     ///< Empty without pickups.

  friend bool operator==(const LatestEnd&, const LatestEnd&) = default;
};
LatestEnd latest_end(const CourseRequest& request);

/// The latest allowed start (DOMAIN C3): care closes, minus travel, minus the session, rounded
/// down to the start grid. Throws ImpossibleRequest [C3] when it is before `earliest_start`.
ClockTime latest_start(const CourseRequest& request);

struct GroupDocument;
/// DOMAIN C3, C8: the course request `course` for a group with a venue (a group document as
/// `paarorende groups` writes it): its pickups (each household's care_closes and minutes from the
/// venue to its pickup place, rounded up), the venue's name when `course` names none, and the
/// households' schools as `schools` (for `school_days`), each by the name `course.schools` gives
/// its slug, else by the slug: a date is usable when it is at every one of them. Throws
/// InputError [C8] for a group without a venue ("/venue") or without places.
CourseRequest course_for_group(CourseRequest course, const GroupDocument& group);

enum class AgendaKind {
  meal,               ///< Food and drink on arrival, eaten while talking (DOMAIN C9).
  getting_to_know,    ///< First session: how we meet, confidentiality (DOMAIN C6, T6).
  topic_wishes,       ///< First session: the round of topic wishes (DOMAIN C6).
  introduction,       ///< A municipal employee introduces the day's topic (DOMAIN C2, C7).
  reflection,         ///< Led reflection and experience sharing (DOMAIN C2, C10).
};

std::string_view to_string(AgendaKind kind) noexcept;
std::optional<AgendaKind> agenda_kind_from_string(std::string_view text) noexcept;

/// One block of a session's agenda, in minutes from the session's start.
struct AgendaItem {
  AgendaKind kind;
  int offset_minutes = 0;
  int minutes = 0;
  std::string title_nb;
  std::string title_en;
  std::string title_nn = {};  ///< Nynorsk: empty only for a topic without a nynorsk title.

  /// The title in `language`.
  const std::string& title(Language language) const noexcept;
  friend bool operator==(const AgendaItem&, const AgendaItem&) = default;
};

/// The agenda of session `number` (1-based) of a request's length (DOMAIN C2, C6, C9, C10):
/// the first session is for getting to know each other and the round of topic wishes; the
/// later ones open with an introduction and continue with led reflection. Food is served on
/// arrival, alongside the first block.
/// With `getting_to_know_first` false every session, the first included, is a later one.
std::vector<AgendaItem> standard_agenda(int number, int session_minutes, int introduction_minutes,
                                        bool getting_to_know_first = true);

struct Session {
  int number = 0;  ///< 1-based.
  LocalDateTime start;
  LocalDateTime end;
  Venue venue;
  std::vector<AgendaItem> agenda;
  std::optional<Date> moved_from;      ///< The date the cadence gave, when the session moved.
  std::optional<Closure> move_reason;  ///< Why it moved off `moved_from`.
  std::optional<std::string> topic;      ///< A topic id (DOMAIN C5, C6); unset: not chosen yet.
  std::optional<std::string> presenter;  ///< A Presenter id (DOMAIN C7); unset: nobody free.

  Date date() const { return start.local_time().date(); }
  ClockTime start_time() const { return start.local_time().time_of_day(); }
  ClockTime end_time() const { return end.local_time().time_of_day(); }
  int minutes() const {
    return static_cast<int>((end.utc_time() - start.utc_time()).total_seconds() / 60);
  }

  friend bool operator==(const Session&, const Session&) = default;
};

/// A course's sessions together with the request they answer, and the planner's findings
/// (moves as info, departures from recommendations as warnings).
struct CourseSchedule {
  CourseRequest request;
  std::vector<Session> sessions;
  std::vector<Violation> findings;

  friend bool operator==(const CourseSchedule&, const CourseSchedule&) = default;
};

/// Plans the course (DOMAIN C1-C5, C8, C11). Throws InputError for a malformed request and
/// ImpossibleRequest when the rules cannot be met: a window shorter than the session (C3), a
/// weekday without after-school care (C3), more sessions than the school year holds (C11), a
/// session that cannot move within `rules.max_move_weeks` (C11).
///
/// **Example**: the Sandefjord pilot, `first_date = 2019-11-05`, 5 sessions every 4 weeks,
/// care closing 16:30 at the school itself: sessions 15:00-16:30 (examples/sandefjord_pilot).
CourseSchedule plan_course(const CourseRequest& request);

/// Validates any schedule, planned or hand-made, against its request's rules and calendar.
/// Returns every finding: errors for broken rules (a session on a closed day, ending after
/// care closes minus travel, overlapping or out of order, agenda not adding up), warnings for
/// departures from recommendations (C1 count, C4 cadence, C3 a later start possible, C8
/// travel). An empty result, or one with only info and warnings, means the schedule can be used.
std::vector<Violation> validate(const CourseSchedule& schedule);

std::ostream& operator<<(std::ostream& out, const Session& session);

}  // namespace paarorende
