#include "paarorende/meeting_place.hpp"

#include <algorithm>

#include <boost/date_time/gregorian/gregorian.hpp>

#include "detail/input_error.hpp"
#include "detail/text.hpp"
#include "paarorende/error.hpp"
#include "paarorende/limits.hpp"
#include "paarorende/region.hpp"
#include "paarorende/scores.hpp"

namespace paarorende {

namespace {

using boost::gregorian::days;

// A date the meeting place does not meet (DOMAIN X1, X2): weekends are allowed (a meeting place
// is no after-school session), public holidays and school holidays are not.
std::optional<Closure> season_closure(Date date, const SchoolCalendar* school) {
  if (auto holiday = public_holiday_on(date)) {
    return Closure{ClosureKind::public_holiday, "X1", holiday->name_nb};
  }
  if (school != nullptr) {
    if (const SchoolYear* year = school->school_year_of(date)) {
      for (const auto& holiday : year->holidays) {
        if (holiday.first <= date && date <= holiday.last) {
          return Closure{ClosureKind::school_holiday, "X2", holiday.name};
        }
      }
    }
  }
  return std::nullopt;
}

}  // namespace

SeasonRequest season_request(const CourseFormat& format, int year) {
  if (format.kind != FormatKind::meeting_place || !format.season_first_month) {
    detail::raise_input_error("/format", "format " + detail::quote_input(format.id) + " is a " +
                             std::string(to_string(format.kind)) + ", not a meeting place");
  }
  if (year < first_supported_year || year > last_supported_year - 1) {
    detail::raise_input_error("/year", detail::range_message(first_supported_year, last_supported_year - 1, year));
  }
  SeasonRequest request;
  request.title = format.name_nb;
  request.format = format.id;
  // DOMAIN V4: the season; a season that wraps the new year (November-March) ends the next year.
  const int first_month = *format.season_first_month;
  const int last_month = *format.season_last_month;
  const int last_year = last_month < first_month ? year + 1 : year;
  request.first_date = Date(static_cast<unsigned short>(year), static_cast<unsigned short>(first_month), 1);
  request.last_date = Date(static_cast<unsigned short>(last_year), static_cast<unsigned short>(last_month), 1)
                          .end_of_month();
  request.cadence_weeks = format.cadence_weeks;
  request.start = format.earliest_start;
  request.minutes = format.session_minutes;
  if (format.min_age) request.min_age = *format.min_age;
  if (format.max_age) request.max_age = *format.max_age;
  request.age_bands.erase(std::remove_if(request.age_bands.begin(), request.age_bands.end(),
                                         [&](const AgeBand& band) {
                                           return band.max_age < request.min_age ||
                                                  band.min_age > request.max_age;
                                         }),
                          request.age_bands.end());
  if (!request.age_bands.empty()) {
    request.age_bands.front().min_age = request.min_age;
    request.age_bands.back().max_age = request.max_age;
  } else {
    request.age_bands.push_back({request.min_age, request.max_age});
  }
  request.agenda = format.agenda;
  request.roster_rules.min_adults = format.staffing.min_adults;          // DOMAIN X5
  request.roster_rules.children_per_adult = format.staffing.children_per_adult;
  return request;
}

void check_season_request(const SeasonRequest& request) {
  detail::require(!request.first_date.is_special(), "/first_date", "a season needs its first date");
  detail::require(!request.last_date.is_special(), "/last_date", "a season needs its last date");
  detail::require(request.first_date.year() >= first_supported_year &&
              request.last_date.year() <= last_supported_year,
          "/last_date", "the season must lie within the supported years");
  detail::require(request.last_date >= request.first_date, "/last_date",
          "the season ends " + iso_date(request.last_date) + ", before it begins " +
              iso_date(request.first_date));
  detail::require(request.last_date - request.first_date <= days(366), "/last_date",
          "a season lasts at most a year");
  detail::require(request.cadence_weeks >= 1 && request.cadence_weeks <= 12, "/cadence_weeks",
          detail::range_message(1, 12, request.cadence_weeks));
  detail::require(request.minutes >= 15 && request.minutes <= 480, "/minutes",
          detail::range_message(15, 480, request.minutes));
  detail::require(!request.start.is_special() && request.start >= ClockTime(0, 0, 0) &&
              request.start + boost::posix_time::minutes(request.minutes) <= ClockTime(24, 0, 0),
          "/start", "the meeting must start and end on the same day");
  detail::require(request.min_age >= 0 && request.min_age <= 25, "/min_age", detail::range_message(0, 25, request.min_age));
  detail::require(request.max_age >= request.min_age && request.max_age <= 25, "/max_age",
          detail::range_message(request.min_age, 25, request.max_age));
  detail::require(request.attendance_percent >= 1 && request.attendance_percent <= 100,
          "/attendance_percent", detail::range_message(1, 100, request.attendance_percent));
  detail::require(request.max_band_size >= 1 && request.max_band_size <= 1000, "/max_band_size",
          detail::range_message(1, 1000, request.max_band_size));
  detail::check_limit(request.children_ages.size(), max_list_entries, "children", "/children_ages");
  for (std::size_t i = 0; i < request.children_ages.size(); ++i) {
    const int age = request.children_ages[i];
    detail::require(age >= 0 && age <= 25, "/children_ages/" + std::to_string(i), detail::range_message(0, 25, age));
  }
  // The bands cover min_age..max_age in order, without gaps or overlaps (DOMAIN V4).
  detail::require(!request.age_bands.empty(), "/age_bands", "give at least one age band");
  int next = request.min_age;
  for (std::size_t i = 0; i < request.age_bands.size(); ++i) {
    const AgeBand& band = request.age_bands[i];
    const std::string at = "/age_bands/" + std::to_string(i);
    detail::require(band.min_age == next, at + "/min_age",
            "the age bands must cover " + std::to_string(request.min_age) + "-" +
                std::to_string(request.max_age) + " in order without gaps or overlaps; expected " +
                std::to_string(next) + ", got " + std::to_string(band.min_age), detail::Rule{"V4"});
    detail::require(band.max_age >= band.min_age, at + "/max_age",
            "a band ends at or after it begins (" + std::to_string(band.min_age) + ")");
    next = band.max_age + 1;
  }
  detail::require(next == request.max_age + 1,
          "/age_bands/" + std::to_string(request.age_bands.size() - 1) + "/max_age",
          "the last age band must end at " + std::to_string(request.max_age), detail::Rule{"V4"});
  int agenda_minutes = 0;
  for (const auto& block : request.agenda) agenda_minutes += block.minutes;
  if (!request.agenda.empty()) {
    detail::require(agenda_minutes == request.minutes, "/agenda",
            "the agenda covers " + std::to_string(agenda_minutes) + " of " +
                std::to_string(request.minutes) + " minutes");
  }
  if (request.school_calendar) {
    detail::under_pointer("/school_calendar", [&] { check_school_calendar(*request.school_calendar); });
  }
  Roster staff{request.roster_rules, request.volunteers, {}};
  try {
    check_roster(staff);  // its pointers ("/volunteers/1/id") fit this document too ...
  } catch (const InputError& error) {
    // ... but for the roster rules: check_roster locates them under "/rules", this document
    // holds them as "/roster_rules".
    if (error.where().rfind("/rules", 0) != 0) throw;
    throw InputError(error.rule(), error.message(), "/roster_rules" + error.where().substr(6));
  }
}

Season plan_season(const SeasonRequest& request) {
  check_season_request(request);
  Season season;
  season.request = request;
  const SchoolCalendar* school = request.school_calendar ? &*request.school_calendar : nullptr;

  // DOMAIN V4: the children of the target ages; the others are reported, not counted.
  std::vector<int> ages;
  int outside = 0;
  for (int age : request.children_ages) {
    if (age < request.min_age || age > request.max_age) {
      ++outside;
    } else {
      ages.push_back(age);
    }
  }
  if (outside > 0) {
    season.findings.push_back({"V4", Severity::warning,
                               std::to_string(outside) + " child(ren) outside the ages " +
                                   std::to_string(request.min_age) + "-" +
                                   std::to_string(request.max_age) + " are not counted",
                               std::nullopt});
  }
  // Expected per meeting, rounded up: plan adults for the children who may come.
  auto expected = [&request](int enrolled) {
    return (enrolled * request.attendance_percent + 99) / 100;
  };
  std::vector<BandGroup> groups;
  const int expected_all = expected(static_cast<int>(ages.size()));
  if (expected_all > request.max_band_size) {
    for (const auto& band : request.age_bands) {
      const int enrolled = static_cast<int>(
          std::count_if(ages.begin(), ages.end(), [&](int age) { return band.contains(age); }));
      if (enrolled == 0) continue;
      const int children = expected(enrolled);
      groups.push_back({band, children, adults_needed(children, request.roster_rules)});
      if (children > request.max_band_size) {
        season.findings.push_back(
            {"V4", Severity::warning,
             "the age band " + std::to_string(band.min_age) + "-" + std::to_string(band.max_age) +
                 " expects " + std::to_string(children) + " children, more than " +
                 std::to_string(request.max_band_size) + " in one group",
             std::nullopt});
      }
    }
  } else {
    groups.push_back({AgeBand{request.min_age, request.max_age}, expected_all,
                      adults_needed(expected_all, request.roster_rules)});
  }
  int adults = 0;
  for (const auto& group : groups) adults += group.adults_needed;  // DOMAIN X5: per group

  std::vector<Shift> shifts;
  for (Date date = request.first_date; date <= request.last_date;
       date += days(7 * request.cadence_weeks)) {
    if (auto closure = season_closure(date, school)) {
      season.skipped.push_back({date, *closure});
      season.findings.push_back({closure->rule, Severity::info,
                                 "no meeting on " + iso_date(date) + ": " + closure->name,
                                 std::nullopt});
      continue;
    }
    const int number = static_cast<int>(season.meetings.size()) + 1;
    season.meetings.push_back({number, oslo_time(date, request.start),
                               oslo_time(date, request.start + boost::posix_time::minutes(request.minutes)),
                               groups});
    shifts.push_back({number, date, expected_all, adults, {}});
  }
  if (season.meetings.empty()) {
    throw ImpossibleRequest("V4", "no meeting fits between " + iso_date(request.first_date) + " and " +
                                      iso_date(request.last_date),
                            "/last_date");
  }
  season.roster = make_roster(std::move(shifts), request.volunteers, request.roster_rules);
  for (auto& finding : validate(season.roster)) season.findings.push_back(std::move(finding));
  return season;
}

namespace {

// DOMAIN X4: the bands of one meeting with no count of 1 to threshold - 1: such a band is merged
// with its smaller neighbour (the younger on a tie), the smallest such band first, until none is
// left or one band remains; that one is shown as "under N" when it is still small.
std::vector<PublicBand> public_bands(const std::vector<BandGroup>& groups, int threshold) {
  std::vector<PublicBand> bands;
  std::vector<int> counts;
  for (const auto& group : groups) {
    bands.push_back({group.band, group.children});
    counts.push_back(group.children);
  }
  const auto small = [threshold](int count) { return count > 0 && count < threshold; };
  while (bands.size() > 1) {
    std::optional<std::size_t> smallest;
    for (std::size_t i = 0; i < bands.size(); ++i) {
      if (small(counts[i]) && (!smallest || counts[i] < counts[*smallest])) smallest = i;
    }
    if (!smallest) break;
    const std::size_t i = *smallest;
    std::size_t j = i == 0 ? 1 : i - 1;
    if (i > 0 && i + 1 < bands.size() && counts[i + 1] < counts[i - 1]) j = i + 1;
    const std::size_t keep = std::min(i, j);
    const std::size_t drop = std::max(i, j);
    bands[keep].band = {std::min(bands[i].band.min_age, bands[j].band.min_age),
                        std::max(bands[i].band.max_age, bands[j].band.max_age)};
    counts[keep] += counts[drop];
    bands.erase(bands.begin() + static_cast<std::ptrdiff_t>(drop));
    counts.erase(counts.begin() + static_cast<std::ptrdiff_t>(drop));
  }
  for (std::size_t i = 0; i < bands.size(); ++i) {
    bands[i].children = small(counts[i]) ? std::nullopt : std::optional<int>(counts[i]);
  }
  return bands;
}

}  // namespace

PublicSeason public_plan(const Season& season, int threshold) {
  checked_threshold(threshold);
  const SeasonRequest& request = season.request;
  PublicSeason plan{request.title,      request.municipality, request.region, request.venue,
                    request.first_date, request.last_date,    threshold,      {}, season.skipped};
  for (const auto& meeting : season.meetings) {
    PublicMeeting shown{meeting.number, meeting.start, meeting.end, public_bands(meeting.groups, threshold), {}};
    // The total only beside bands that are all shown: with one hidden, it would be the difference.
    int total = 0;
    bool all_shown = true;
    for (const auto& band : shown.groups) {
      all_shown = all_shown && band.children.has_value();
      total += band.children.value_or(0);
    }
    if (all_shown) shown.children = total;
    plan.meetings.push_back(std::move(shown));
  }
  return plan;
}

std::ostream& operator<<(std::ostream& out, const MeetingPlaceMeeting& meeting) {
  out << "MeetingPlaceMeeting(" << meeting.number << ", " << iso_date(meeting.date()) << ' '
      << clock_time(meeting.start.local_time().time_of_day()) << '-'
      << clock_time(meeting.end.local_time().time_of_day()) << ", " << meeting.groups.size() << " group(s))";
  return out;
}

}  // namespace paarorende
