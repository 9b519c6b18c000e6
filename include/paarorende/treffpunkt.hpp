// Treffpunkt in operation (DOMAIN V4, V1, X4, X5): what the coordinator of a meeting place keeps
// while it runs. The enrolments (a pseudonymous id per child, the age, a guardian's dated
// consent, who collects the child, what the volunteers must know from a fixed list), the
// children's attendance per meeting, and the children's own evaluation, scored per age band.
//
// DOMAIN X4: every field about a child is an id, a number, a code, a role or a date. There is no
// free-text field about a child and no health detail: the readers refuse any other field, and
// what the volunteers must know is a code from MustKnow, which holds no health codes.
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "paarorende/attendance.hpp"
#include "paarorende/calendar.hpp"
#include "paarorende/evaluation.hpp"
#include "paarorende/meeting_place.hpp"
#include "paarorende/scores.hpp"
#include "paarorende/violation.hpp"

namespace paarorende {

/// An adult by role: who consents for a child (a mother, a father or another guardian) and who
/// may collect the child after a meeting (they, or another adult the guardian names by role).
enum class AdultRole { mother, father, guardian, other_adult };

std::string_view to_string(AdultRole role) noexcept;
/// "mother", "father", "guardian" or "other_adult"; std::nullopt otherwise.
std::optional<AdultRole> adult_role_from_string(std::string_view text) noexcept;

/// What the volunteers must know about a child: practical matters from a fixed list, never health
/// details (DOMAIN X4), never free text.
enum class MustKnow {
  no_photos,              ///< The child is not to be photographed.
  may_walk_home_alone,    ///< The guardian lets the child leave alone after the meeting.
  arranged_transport,     ///< The child comes and goes by arranged transport (taxi, bus).
  new_this_season,        ///< The child's first season at the meeting place.
  sibling_enrolled,       ///< A sibling is enrolled too.
  vegetarian_food,        ///< Serve the child vegetarian food.
  no_pork,                ///< Serve the child no pork.
  interpreter_for_guardian,  ///< Talk with the guardian through an interpreter.
};

std::string_view to_string(MustKnow code) noexcept;
/// The code's name ("no_photos", ...); std::nullopt otherwise.
std::optional<MustKnow> must_know_from_string(std::string_view text) noexcept;
/// Every code, in the order of the enum.
const std::vector<MustKnow>& must_know_codes();

/// A guardian's consent to the enrolment: by role, on a date (DOMAIN X4: no consent, no
/// enrolment; a consent without its date is refused).
struct Consent {
  AdultRole role = AdultRole::guardian;
  Date date;

  friend bool operator==(const Consent&, const Consent&) = default;
};

/// One enrolled child, pseudonymous (DOMAIN X4).
struct Enrolment {
  std::string child = {};  ///< A pseudonymous id (a slug, "tp-014"), unique in the document.
  int age = 0;             ///< Age at enrolment, 0-25 (DOMAIN V4: the meeting place is for 6-16).
  Consent consent = {};
  /// Who may collect the child, by role (at least one, unless may_walk_home_alone).
  std::vector<AdultRole> collected_by = {};
  std::vector<MustKnow> must_know = {};  ///< Each code at most once.

  friend bool operator==(const Enrolment&, const Enrolment&) = default;
};

/// The coordinator's enrolment document for one meeting place (docs/treffpunkt.md).
struct Enrolments {
  std::string meeting_place = "Treffpunkt";  ///< The meeting place's name.
  std::string municipality = {};
  std::vector<Enrolment> children = {};

  /// The enrolment of this child, or nullptr.
  const Enrolment* find(std::string_view child) const noexcept;
  friend bool operator==(const Enrolments&, const Enrolments&) = default;
};

/// Checks what a reader cannot: ids are slugs and unique, ages 0-25, a consent has a date and is
/// given by a mother, father or guardian (not "other_adult"), someone collects the child unless it
/// may walk home alone, no role or code twice. Throws InputError with a JSON pointer
/// ("/children/3/consent/date") and the rule (X4, X5).
void check_enrolments(const Enrolments& enrolments);

/// The enrolled children's ages, in the document's order: what a season request counts (DOMAIN X4:
/// ages only, no ids).
std::vector<int> enrolled_ages(const Enrolments& enrolments);

/// The coordinator's findings (DOMAIN V4): children outside the meeting place's ages
/// (`min_age`-`max_age`) as warnings, counted, never named.
std::vector<Violation> validate(const Enrolments& enrolments, int min_age = 6, int max_age = 16);

/// The children present at one meeting, by pseudonymous id.
struct ChildrenMeeting {
  int meeting = 1;  ///< The meeting's number in the season (1-based).
  Date date;
  std::vector<std::string> present = {};  ///< Enrolled children's ids, each at most once.

  friend bool operator==(const ChildrenMeeting&, const ChildrenMeeting&) = default;
};

/// Attendance per meeting for the children of an enrolment document (unlike AttendanceRecord,
/// which counts one or two caregivers of a household).
struct ChildrenAttendance {
  Enrolments enrolments = {};
  std::vector<ChildrenMeeting> meetings = {};  ///< In the order of their numbers.

  friend bool operator==(const ChildrenAttendance&, const ChildrenAttendance&) = default;
};

/// Checks the enrolments and the meetings: numbers unique and increasing with their dates, every
/// child present enrolled and present once. Throws InputError ("/meetings/2/present/1", V4).
void check_children_attendance(const ChildrenAttendance& attendance);

/// The attendance as records of one-person "households" (a child each, present 0 or 1) per
/// meeting: every enrolled child at every meeting, for score_attendance and fit_attendance.
std::vector<AttendanceRecord> attendance_records(const ChildrenAttendance& attendance);

/// The attendance scores of the children (DOMAIN E2 for the children, X4): children present per
/// meeting, and children by meetings attended, suppressed as the parents' attendance is (a
/// season with fewer enrolled children than the threshold shows no figure).
AttendanceScores score_children_attendance(const ChildrenAttendance& attendance,
                                           const ScoreOptions& options = {});

/// One age band of the children's own evaluation (DOMAIN V1: user participation, the young
/// included): its ages and its form.
struct ChildrenFormBand {
  AgeBand ages;
  EvaluationForm form;

  friend bool operator==(const ChildrenFormBand&, const ChildrenFormBand&) = default;
};

/// The ids of the children's built-in forms.
inline constexpr std::string_view children_form_6_9_id = "treffpunkt-6-9";
inline constexpr std::string_view children_form_10_16_id = "treffpunkt-10-16";

/// The children's evaluation of Treffpunkt, built in, in nb, nn and en: for 6-9 a 3-point face
/// scale (1 = sad face, 2 = so-so face, 3 = happy face), for 10-16 a scale of 1-5; in both how it
/// was to come, the activities, the adults, "would you come again" (yes/no) and one free-text
/// item, shown only when asked (X4).
std::vector<ChildrenFormBand> children_evaluation_forms();

/// Responses of one age band, to that band's form.
struct BandResponses {
  AgeBand ages;
  EvaluationResponses responses;

  friend bool operator==(const BandResponses&, const BandResponses&) = default;
};

/// The scores of one age band, on its own scale.
struct BandScores {
  AgeBand ages;
  EvaluationScores scores;

  friend bool operator==(const BandScores&, const BandScores&) = default;
};

/// Scores the children's evaluation per age band, each against its band's form, with the small
/// counts suppressed as the parents' evaluation is (DOMAIN X4). Never a combined figure: the
/// bands answer on different scales. Throws InputError for a band that is not one of
/// children_evaluation_forms() or responses to another form.
std::vector<BandScores> score_children_evaluation(const std::vector<BandResponses>& responses,
                                                  const ScoreOptions& options = {});

std::ostream& operator<<(std::ostream& out, const Enrolment& enrolment);
std::ostream& operator<<(std::ostream& out, const ChildrenMeeting& meeting);

}  // namespace paarorende
