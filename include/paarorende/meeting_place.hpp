// The children's meeting place (DOMAIN V2, V4, X5): a recurring meeting for children and young
// people aged 6-16 who are next of kin to a seriously ill parent, sibling or other close person,
// diagnosis-independent, over a season (the municipality's choice; January-March by default), split into age bands when large, and
// staffed by volunteers on a roster (roster.hpp). "Treffpunkt Valdres" is the model.
#pragma once

#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "paarorende/calendar.hpp"
#include "paarorende/format.hpp"
#include "paarorende/roster.hpp"
#include "paarorende/schedule.hpp"
#include "paarorende/violation.hpp"

namespace paarorende {

/// An age band, both ends inclusive.
struct AgeBand {
  int min_age = 6;
  int max_age = 16;

  bool contains(int age) const noexcept { return min_age <= age && age <= max_age; }
  friend bool operator==(const AgeBand&, const AgeBand&) = default;
};

/// What a coordinator asks for: the season, the weekly slot, the children's ages and the
/// volunteers. Start from season_request(format) to get a format's defaults.
struct SeasonRequest {
  std::string title = "Treffpunkt";
  std::string municipality;  ///< The host municipality (or empty for a region's).
  std::string region;        ///< A region id (region.hpp), when the municipalities share it.
  std::string format{"meeting_place"};
  Date first_date;           ///< The first meeting's date; its weekday is the meetings'.
  Date last_date;            ///< No meeting after it (V4: the season's end).
  int cadence_weeks = 2;
  ClockTime start{17, 0, 0};
  int minutes = 120;
  Venue venue;
  int min_age = 6;   ///< DOMAIN V4: next-of-kin children aged 6-16.
  int max_age = 16;
  /// The enrolled children's ages: counts only, no ids (DOMAIN X4).
  std::vector<int> children_ages;
  int attendance_percent = 100;  ///< Share of the enrolled expected at a meeting.
  int max_band_size = 12;        ///< More children than this: split into the age bands.
  std::vector<AgeBand> age_bands{{6, 9}, {10, 12}, {13, 16}};
  std::vector<FormatBlock> agenda;
  std::optional<SchoolCalendar> school_calendar;  ///< DOMAIN X2: holidays without a meeting.
  std::vector<Volunteer> volunteers;
  RosterRules roster_rules;
  /// The language of the calendar's texts, and of the title when the document gives none.
  Language language = Language::nb;

  friend bool operator==(const SeasonRequest&, const SeasonRequest&) = default;
};

/// One age band's group at a meeting.
struct BandGroup {
  AgeBand band;
  int children = 0;       ///< Expected.
  int adults_needed = 0;  ///< DOMAIN X5: each group has its own adults.

  friend bool operator==(const BandGroup&, const BandGroup&) = default;
};

struct MeetingPlaceMeeting {
  int number = 0;
  LocalDateTime start;
  LocalDateTime end;
  std::vector<BandGroup> groups;  ///< One group, or one per age band when the meeting is large.

  Date date() const { return start.local_time().date(); }
  friend bool operator==(const MeetingPlaceMeeting&, const MeetingPlaceMeeting&) = default;
};

/// A date of the cadence with no meeting, and why (a public or school holiday).
struct SkippedDate {
  Date date;
  Closure reason;

  friend bool operator==(const SkippedDate&, const SkippedDate&) = default;
};

struct Season {
  SeasonRequest request;
  std::vector<MeetingPlaceMeeting> meetings;
  std::vector<SkippedDate> skipped;
  Roster roster;  ///< One shift per meeting (DOMAIN X5).
  std::vector<Violation> findings;

  friend bool operator==(const Season&, const Season&) = default;
};

/// A request with the format's defaults: its cadence, start, length, ages, agenda, staffing ratio
/// and its season in `year` (first_date: the first day of the first month; last_date: the last
/// day of the last month). Throws InputError when the format is not a meeting place.
SeasonRequest season_request(const CourseFormat& format, int year);

/// Checks the request's ranges (ages, bands that cover min_age..max_age without overlap, dates in
/// order); throws InputError with a JSON pointer into a season request document.
void check_season_request(const SeasonRequest& request);

/// Plans the season (DOMAIN V4): a meeting every `cadence_weeks` from first_date to last_date,
/// none on a public holiday (X1) or in a school holiday (X2); each meeting split into age bands
/// when more children are expected than `max_band_size`; volunteers rostered (X5). Findings:
/// skipped dates (info), children outside the ages (V4 warning), and the roster's (X5).
Season plan_season(const SeasonRequest& request);

/// One age band of the public plan: its expected children, or "under N" (DOMAIN X4).
struct PublicBand {
  AgeBand band;
  std::optional<int> children = {};  ///< Empty: 1 to threshold - 1 expected, shown as "under N".

  bool under_threshold() const noexcept { return !children; }
  friend bool operator==(const PublicBand&, const PublicBand&) = default;
};

/// One meeting of the public plan: when, and the children by band; no roster, no adults.
struct PublicMeeting {
  int number = 0;
  LocalDateTime start;
  LocalDateTime end;
  std::vector<PublicBand> groups = {};
  std::optional<int> children = {};  ///< The meeting's total, empty when a band is "under N".

  Date date() const { return start.local_time().date(); }
  friend bool operator==(const PublicMeeting&, const PublicMeeting&) = default;
};

/// The season as it may be published (`paarorende season --public`; DOMAIN X4): the dates, the
/// venue and the children per age band, in which no count of 1 to threshold - 1 is shown or can
/// be worked out from the plan's own totals. The volunteers' working plan is the Season itself.
struct PublicSeason {
  std::string title;
  std::string municipality;
  std::string region;
  Venue venue;
  Date first_date;  ///< The season's dates, as the request gives them.
  Date last_date;
  int threshold = 5;
  std::vector<PublicMeeting> meetings = {};
  std::vector<SkippedDate> skipped = {};

  friend bool operator==(const PublicSeason&, const PublicSeason&) = default;
};

/// The public form of a planned season (DOMAIN X4, threshold 5 by default, never below 3): a band
/// expecting 1 to threshold - 1 children is merged with its smaller neighbour until none is left
/// (bands of 0 stay as they are); one band left with so few is shown as "under N". A meeting's
/// total is shown only when every band is, so no hidden band is the difference of shown figures.
/// Throws InputError ("threshold", X4) for a threshold outside 3-1000.
PublicSeason public_plan(const Season& season, int threshold = 5);

std::ostream& operator<<(std::ostream& out, const MeetingPlaceMeeting& meeting);

}  // namespace paarorende
