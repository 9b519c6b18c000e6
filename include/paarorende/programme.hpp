// A season's programme: every offer of a learning and coping centre or a region planned together,
// so that no presenter, volunteer or venue is booked twice, each offer keeps its own rules and the
// season's load and cost can be seen (DOMAIN C1-C12, G9, P1-P3, V4, V5, X5).
//
// The planner places each offer's sessions on their cadence dates or moves them whole weeks later,
// picks each session's start on the offer's grid, and its presenters and volunteers from the offer's
// pools. Among programmes that keep the hard rules it seeks, in this order: the fewest sessions
// dropped, the fewest offers with a dropped session, the fewest sessions moved from their cadence
// dates, the fewest minutes before each session's latest start (DOMAIN C3). It is a deterministic
// search (a greedy pass and then ejection moves), not an exact method: docs/programme.md reports how
// close it comes to the exact optimum on small seasons.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "paarorende/calendar.hpp"
#include "paarorende/schedule.hpp"

namespace paarorende {

/// What an offer is, which decides its defaults (docs/programme.md).
enum class OfferKind {
  parents_course,    ///< The coping course, from a group document (C1-C11); format monthly_parents.
  fathers_session,   ///< A fathers' session (G9); format fathers_session.
  family_week,       ///< Five consecutive days that move together (P2); format family_week.
  meeting_place,     ///< A Treffpunkt season run by volunteers (V4, X5); format meeting_place.
  competence_day,    ///< A competence day for the public and professionals (V5).
  caregiver_school,  ///< One of the caregiver school's forms (P3).
};

/// The caregiver school's forms (DOMAIN P3). The seed only names them; their defaults are the
/// library's documented assumptions (docs/programme.md).
enum class CaregiverSchoolForm { conversations, course, training, forum, cafe };

std::string_view to_string(OfferKind kind) noexcept;
std::optional<OfferKind> offer_kind_from_string(std::string_view text) noexcept;
std::string_view to_string(CaregiverSchoolForm form) noexcept;
std::optional<CaregiverSchoolForm> caregiver_school_form_from_string(std::string_view text) noexcept;

/// Days a person can work in the programme, both ends inclusive.
struct DateSpan {
  Date first;
  Date last;

  bool contains(Date date) const noexcept { return first <= date && date <= last; }
  friend bool operator==(const DateSpan&, const DateSpan&) = default;
};

/// A presenter (C7) or a volunteer (V4, X5) of the programme.
struct ProgrammePerson {
  std::string id;
  std::string name;  ///< A presenter's name (C7: "a face and a name"); volunteers go by id (X4).
  std::string role;  ///< A presenter's role; free text.
  /// Spans the person can work in; empty: the whole season. Spans must not overlap.
  std::vector<DateSpan> available = {};
  std::vector<Date> unavailable = {};
  int max_sessions_per_week = 2;  ///< The person's weekly limit (ISO weeks).
  std::optional<double> hourly_cost = {};  ///< Unset: the programme's staff rate (C12); volunteers: 0.
  /// DOMAIN X5: a volunteer's police certificate is valid to this day; unset: none.
  std::optional<Date> certificate_valid_until = {};

  bool available_on(Date date) const noexcept;
  friend bool operator==(const ProgrammePerson&, const ProgrammePerson&) = default;
};

struct ProgrammeVenue {
  std::string id;
  std::string name;
  std::string address = {};
  int capacity = 0;               ///< Seats; 0: not said.
  std::vector<Date> taken = {};   ///< Days the venue is booked by others.
  double cost_per_session = 0.0;  ///< DOMAIN C12.

  friend bool operator==(const ProgrammeVenue&, const ProgrammeVenue&) = default;
};

/// A school whose children's after-school care bounds a course (DOMAIN C3, C8, C11).
struct ProgrammeSchool {
  std::string id;
  std::string name;
  ClockTime care_closes{16, 30, 0};
  int travel_minutes = 0;             ///< From the offer's venue to the pickup place.
  std::vector<Date> care_closed = {};  ///< Days its after-school care is closed (planning days).

  friend bool operator==(const ProgrammeSchool&, const ProgrammeSchool&) = default;
};

/// The season's rates (DOMAIN C12).
struct ProgrammeCosts {
  double catering_per_participant_session = 0.0;  ///< C9: food for each participant, each session.
  double staff_hourly = 0.0;   ///< A course leader's and a presenter's hour without a rate of their own.
  double volunteer_hourly = 0.0;

  friend bool operator==(const ProgrammeCosts&, const ProgrammeCosts&) = default;
};

/// One offer of the season; the reader fills every unset value from the offer's kind.
struct Offer {
  std::string id;
  std::string title;
  OfferKind kind = OfferKind::parents_course;
  std::string format;  ///< The built-in format behind it; empty for V5 and P3.
  std::optional<CaregiverSchoolForm> form = {};
  Date first_date;          ///< The first session's cadence date.
  int sessions = 5;         ///< DOMAIN C1.
  int cadence_weeks = 4;    ///< DOMAIN C4; 0: consecutive days moving together (P2).
  int session_minutes = 90; ///< DOMAIN C2.
  ClockTime earliest_start{14, 0, 0};
  ClockTime latest_end{16, 30, 0};  ///< With a school: its care closes minus travel (C3).
  int start_step_minutes = 5;
  int max_move_weeks = 8;   ///< DOMAIN C11.
  std::string venue;        ///< A ProgrammeVenue id.
  std::vector<std::string> schools = {};     ///< ProgrammeSchool ids (C3, C8).
  std::vector<std::string> presenters = {};  ///< The pool each session's presenters come from.
  int presenters_per_session = 0;            ///< DOMAIN C7: 1 for a course.
  std::vector<std::string> volunteers = {};  ///< The pool of volunteers.
  int volunteers_per_session = 0;            ///< DOMAIN X5: 2 where children are.
  bool police_certificate = false;           ///< DOMAIN X5: its volunteers need one.
  int participants = 0;     ///< Expected, for catering (C9, C12).
  int leaders = 1;          ///< Course leaders paid by the hour (C10, C12).

  friend bool operator==(const Offer&, const Offer&) = default;
};

struct Programme {
  std::string municipality;
  std::optional<SchoolCalendar> school_calendar = {};  ///< DOMAIN X2.
  std::vector<ProgrammeSchool> schools = {};
  std::vector<ProgrammePerson> presenters = {};
  std::vector<ProgrammePerson> volunteers = {};
  std::vector<ProgrammeVenue> venues = {};
  ProgrammeCosts costs = {};
  std::vector<Offer> offers = {};
  /// The language of what the plan writes for people: the offers' default titles (their format's
  /// name, or the library's for V5 and P3), the overview and the workbook. The document's
  /// "language"; the command line's --lang stands for it (issue #23).
  Language language = Language::nb;

  friend bool operator==(const Programme&, const Programme&) = default;
};

/// The defaults of an offer of `kind` (and `form`, for the caregiver school): its format's, or
/// the library's documented assumptions for V5 and P3.
/// Its title is in `language`.
Offer offer_defaults(OfferKind kind, std::optional<CaregiverSchoolForm> form = std::nullopt,
                     Language language = Language::nb);

/// Checks references and ranges; throws InputError at the JSON pointer of the field and the rule
/// ("/offers/1/venue": unknown venue, "/presenters/0/available/1": overlaps, "/offers/0/sessions":
/// outside the format's range [C1]).
void check_programme(const Programme& programme);

/// Why a session was not held on a date, or why it was dropped.
struct ProgrammeReason {
  std::string kind;     ///< closed, care_closed, venue_taken, venue_busy, presenter_unavailable,
                        ///< presenter_busy, presenter_weekly_limit, volunteer_unavailable,
                        ///< volunteer_busy, volunteer_weekly_limit, volunteer_certificate,
                        ///< order, window, choice.
  std::string rule;     ///< The DOMAIN rule.
  std::string message;
  std::string who = {};                  ///< The presenter, volunteer or venue concerned.
  std::vector<std::string> offers = {};  ///< The offers that hold it at that time.

  friend bool operator==(const ProgrammeReason&, const ProgrammeReason&) = default;
};

struct ProgrammeSession {
  int number = 0;  ///< 1-based within its offer.
  Date date;
  ClockTime start;
  ClockTime end;
  std::string venue;
  std::vector<std::string> presenters = {};
  std::vector<std::string> volunteers = {};
  std::optional<Date> moved_from = {};

  friend bool operator==(const ProgrammeSession&, const ProgrammeSession&) = default;
};

struct OfferCost {
  double catering = 0.0;
  double venue = 0.0;
  double staff = 0.0;
  double total = 0.0;

  friend bool operator==(const OfferCost&, const OfferCost&) = default;
};

struct PlannedOffer {
  std::string id;
  OfferKind kind = OfferKind::parents_course;
  std::string title;
  std::vector<ProgrammeSession> sessions = {};
  OfferCost cost = {};

  friend bool operator==(const PlannedOffer&, const PlannedOffer&) = default;
};

/// A cadence date a session did not use (moved or dropped), with every reason that kept it.
struct UnusedDate {
  std::string offer;
  int session = 0;
  Date date;
  std::vector<ProgrammeReason> reasons = {};

  friend bool operator==(const UnusedDate&, const UnusedDate&) = default;
};

/// A session no programme could hold without breaking a hard rule, with the rules and offers in
/// the way on each date it could have taken.
struct DroppedSession {
  std::string offer;
  int session = 0;
  Date date;  ///< Its cadence date.
  std::vector<std::string> rules = {};
  std::vector<std::string> offers = {};  ///< The offers in the way.
  std::vector<ProgrammeReason> reasons = {};

  friend bool operator==(const DroppedSession&, const DroppedSession&) = default;
};

struct PersonLoad {
  std::string id;
  std::string kind;  ///< "presenter" or "volunteer".
  int sessions = 0;
  double hours = 0.0;
  int busiest_week = 0;  ///< The most sessions in one ISO week.
  int max_sessions_per_week = 0;
  std::vector<std::string> offers = {};

  friend bool operator==(const PersonLoad&, const PersonLoad&) = default;
};

/// The lexicographic objective: compared in this order, each smaller is better.
struct ProgrammeObjective {
  int dropped_sessions = 0;
  int dropped_offers = 0;
  int moved_sessions = 0;
  int minutes_before_latest_start = 0;

  auto operator<=>(const ProgrammeObjective&) const = default;
  friend bool operator==(const ProgrammeObjective&, const ProgrammeObjective&) = default;
};

struct ProgrammePlan {
  Programme programme;
  std::vector<PlannedOffer> offers = {};
  std::vector<UnusedDate> unused_dates = {};
  std::vector<DroppedSession> dropped = {};
  std::vector<PersonLoad> load = {};
  double total_cost = 0.0;
  ProgrammeObjective objective = {};

  bool feasible() const noexcept { return dropped.empty(); }
  friend bool operator==(const ProgrammePlan&, const ProgrammePlan&) = default;
};

/// Plans every offer together (the header's comment says how). Throws InputError as
/// check_programme. Never throws for a season that cannot be held whole: the plan drops the
/// fewest sessions it finds and names them (`dropped`).
ProgrammePlan plan_programme(const Programme& programme);

/// Every hard-rule breach of a plan, found apart from the planner: double bookings of a person or
/// venue, weekly limits, closed days, windows, staffing and order (an empty list: none).
std::vector<Violation> check_plan(const ProgrammePlan& plan);

std::ostream& operator<<(std::ostream& out, const ProgrammeObjective& objective);
std::ostream& operator<<(std::ostream& out, const ProgrammeSession& session);

}  // namespace paarorende
