#include "paarorende/treffpunkt.hpp"

#include <algorithm>
#include <set>

#include "detail/input_error.hpp"
#include "detail/text.hpp"
#include "detail/treffpunkt_names.hpp"
#include "paarorende/error.hpp"
#include "paarorende/limits.hpp"

namespace paarorende {

namespace {

using detail::index_pointer;
using detail::quote_input;

// The children's forms (DOMAIN V1: the young take part; E1's shape for the children): the same
// items in both bands, so that one spreadsheet with an age_band column holds both.
EvaluationForm children_form(std::string_view id, LocalText title, int max, std::vector<ScaleLabel> labels) {
  const auto scale = [&](const char* item, LocalText text) {
    return Item{item, ItemKind::likert, std::move(text), 1, max, labels, {}, std::nullopt, {}};
  };
  EvaluationForm form;
  form.id = std::string(id);
  form.version = 1;
  form.title = std::move(title);
  form.items.push_back(scale("how_it_was", {"Hvordan var det å være på Treffpunkt?", "How was it to be at Treffpunkt?",
                                            "Korleis var det å vere på Treffpunkt?"}));
  form.items.push_back(scale("activities", {"Hvordan var det vi gjorde sammen?", "How were the things we did together?",
                                            "Korleis var det vi gjorde saman?"}));
  form.items.push_back(scale("adults", {"Hvordan var de voksne på Treffpunkt?", "How were the grown-ups at Treffpunkt?",
                                        "Korleis var dei vaksne på Treffpunkt?"}));
  form.items.push_back(Item{"come_again", ItemKind::yes_no,
                            {"Vil du komme igjen?", "Would you come again?", "Vil du kome att?"}, 1, 5, {}, {},
                            std::nullopt, {}});
  // DOMAIN X4: free text is kept only when asked for (ScoreOptions::comments).
  form.items.push_back(Item{"other", ItemKind::free_text,
                            {"Er det noe mer du vil si oss?", "Is there anything else you want to tell us?",
                             "Er det noko meir du vil seie oss?"},
                            1, 5, {}, {}, std::nullopt, {}});
  return form;
}

}  // namespace

std::string_view to_string(AdultRole role) noexcept { return detail::adult_role_names.name(role); }
std::optional<AdultRole> adult_role_from_string(std::string_view text) noexcept {
  return detail::adult_role_names.parse(text);
}
std::string_view to_string(MustKnow code) noexcept { return detail::must_know_names.name(code); }
std::optional<MustKnow> must_know_from_string(std::string_view text) noexcept {
  return detail::must_know_names.parse(text);
}

const std::vector<MustKnow>& must_know_codes() {
  static const std::vector<MustKnow> codes = [] {
    std::vector<MustKnow> all;
    for (std::size_t i = 0; i < detail::must_know_names.names.size(); ++i) all.push_back(static_cast<MustKnow>(i));
    return all;
  }();
  return codes;
}

const Enrolment* Enrolments::find(std::string_view child) const noexcept {
  for (const auto& enrolment : children) {
    if (enrolment.child == child) return &enrolment;
  }
  return nullptr;
}

void check_enrolments(const Enrolments& enrolments) {
  detail::check_limit(enrolments.children.size(), max_list_entries, "children", "/children");
  std::set<std::string> ids;
  for (std::size_t i = 0; i < enrolments.children.size(); ++i) {
    const Enrolment& child = enrolments.children[i];
    const std::string at = index_pointer("/children", i);
    // DOMAIN X4: a pseudonym, never a name: the id is a slug.
    detail::require(detail::is_slug(child.child, true), at + "/child",
                    "a child's id is a pseudonym of a-z, 0-9, _ and - (at most 64), got " + quote_input(child.child),
                    detail::Rule{"X4"});
    detail::require(ids.insert(child.child).second, at + "/child",
                    "child " + quote_input(child.child) + " is enrolled twice", detail::Rule{"X4"});
    detail::require(child.age >= 0 && child.age <= 25, at + "/age", detail::range_message(0, 25, child.age));
    // DOMAIN X4: a child's data is kept with a guardian's consent, and the consent is dated.
    detail::require(!child.consent.date.is_special(), at + "/consent/date", "a guardian's consent has its date",
                    detail::Rule{"X4"});
    detail::require(child.consent.role != AdultRole::other_adult, at + "/consent/role",
                    "a mother, a father or a guardian consents, not another adult", detail::Rule{"X4"});
    const auto walks_alone = std::find(child.must_know.begin(), child.must_know.end(), MustKnow::may_walk_home_alone);
    // DOMAIN X5: the volunteers hand every child to someone, unless the guardian lets it walk home.
    detail::require(!child.collected_by.empty() || walks_alone != child.must_know.end(), at + "/collected_by",
                    "say who collects the child (mother, father, guardian or other_adult), or that it may walk home alone",
                    detail::Rule{"X5"});
    std::set<AdultRole> roles;
    for (std::size_t k = 0; k < child.collected_by.size(); ++k) {
      detail::require(roles.insert(child.collected_by[k]).second, index_pointer(at + "/collected_by", k),
                      "role " + std::string(to_string(child.collected_by[k])) + " is given twice");
    }
    std::set<MustKnow> codes;
    for (std::size_t k = 0; k < child.must_know.size(); ++k) {
      detail::require(codes.insert(child.must_know[k]).second, index_pointer(at + "/must_know", k),
                      "code " + std::string(to_string(child.must_know[k])) + " is given twice");
    }
  }
}

std::vector<int> enrolled_ages(const Enrolments& enrolments) {
  std::vector<int> ages;
  ages.reserve(enrolments.children.size());
  for (const auto& child : enrolments.children) ages.push_back(child.age);
  return ages;
}

std::vector<Violation> validate(const Enrolments& enrolments, int min_age, int max_age) {
  check_enrolments(enrolments);
  std::vector<Violation> findings;
  const auto outside = std::count_if(enrolments.children.begin(), enrolments.children.end(),
                                     [&](const Enrolment& child) { return child.age < min_age || child.age > max_age; });
  // DOMAIN V4: the meeting place is for 6-16; a count, never which child (X4).
  if (outside > 0) {
    findings.push_back({"V4", Severity::warning,
                        std::to_string(outside) + " enrolled child(ren) outside the ages " + std::to_string(min_age) +
                            "-" + std::to_string(max_age),
                        std::nullopt});
  }
  return findings;
}

void check_children_attendance(const ChildrenAttendance& attendance) {
  detail::under_pointer("/enrolments", [&] { check_enrolments(attendance.enrolments); });
  detail::check_limit(attendance.meetings.size(), max_list_entries, "meetings", "/meetings");
  for (std::size_t i = 0; i < attendance.meetings.size(); ++i) {
    const ChildrenMeeting& meeting = attendance.meetings[i];
    const std::string at = index_pointer("/meetings", i);
    detail::require(meeting.meeting >= 1 && meeting.meeting <= 1000, at + "/meeting",
                    detail::range_message(1, 1000, meeting.meeting));
    detail::require(!meeting.date.is_special(), at + "/date", "a meeting has its date");
    if (i > 0) {
      const ChildrenMeeting& before = attendance.meetings[i - 1];
      detail::require(meeting.meeting > before.meeting, at + "/meeting",
                      "meetings are listed by number, each once; " + std::to_string(meeting.meeting) + " follows " +
                          std::to_string(before.meeting));
      detail::require(meeting.date > before.date, at + "/date",
                      "meeting " + std::to_string(meeting.meeting) + " is on " + iso_date(meeting.date) +
                          ", not after meeting " + std::to_string(before.meeting) + " (" + iso_date(before.date) + ")");
    }
    std::set<std::string> present;
    for (std::size_t k = 0; k < meeting.present.size(); ++k) {
      const std::string& child = meeting.present[k];
      const std::string where = index_pointer(at + "/present", k);
      detail::require(attendance.enrolments.find(child) != nullptr, where,
                      "child " + quote_input(child) + " is not enrolled", detail::Rule{"V4"});
      detail::require(present.insert(child).second, where, "child " + quote_input(child) + " is listed twice");
    }
  }
}

std::vector<AttendanceRecord> attendance_records(const ChildrenAttendance& attendance) {
  check_children_attendance(attendance);
  std::vector<AttendanceRecord> records;
  for (const auto& meeting : attendance.meetings) {
    for (const auto& child : attendance.enrolments.children) {
      const bool came = std::find(meeting.present.begin(), meeting.present.end(), child.child) != meeting.present.end();
      records.push_back({child.child, meeting.meeting, came ? 1 : 0, 1});
    }
  }
  return records;
}

AttendanceScores score_children_attendance(const ChildrenAttendance& attendance, const ScoreOptions& options) {
  checked_threshold(options.threshold);
  const std::vector<AttendanceRecord> records = attendance_records(attendance);
  // DOMAIN X4: no meeting or no child recorded is a season with nothing to show.
  if (records.empty() || static_cast<int>(attendance.enrolments.children.size()) < options.threshold) {
    AttendanceScores scores;
    scores.suppressed = true;
    return scores;
  }
  return score_attendance(records, options);
}

std::vector<ChildrenFormBand> children_evaluation_forms() {
  // 6-9: a 3-point face scale, which the youngest read without words.
  std::vector<ScaleLabel> faces{{1, {"trist fjes", "sad face", "trist andlet"}},
                                {2, {"sånn passe-fjes", "so-so face", "middels andlet"}},
                                {3, {"glad fjes", "happy face", "glad andlet"}}};
  // 10-16: 1-5, as the parents' form, with its ends labelled.
  std::vector<ScaleLabel> anchors{{1, {"svært dårlig", "very poor", "svært dårleg"}},
                                  {5, {"svært bra", "very good", "svært bra"}}};
  return {
      {AgeBand{6, 9},
       children_form(children_form_6_9_id,
                     {"Hva synes du om Treffpunkt? (6-9 år)", "What do you think of Treffpunkt? (ages 6-9)",
                      "Kva synest du om Treffpunkt? (6-9 år)"},
                     3, std::move(faces))},
      {AgeBand{10, 16},
       children_form(children_form_10_16_id,
                     {"Hva synes du om Treffpunkt? (10-16 år)", "What do you think of Treffpunkt? (ages 10-16)",
                      "Kva synest du om Treffpunkt? (10-16 år)"},
                     5, std::move(anchors))},
  };
}

std::vector<BandScores> score_children_evaluation(const std::vector<BandResponses>& responses,
                                                  const ScoreOptions& options) {
  const std::vector<ChildrenFormBand> bands = children_evaluation_forms();
  std::vector<BandScores> scores;
  std::set<std::size_t> seen;
  for (std::size_t i = 0; i < responses.size(); ++i) {
    const BandResponses& answered = responses[i];
    const std::string at = index_pointer("/bands", i);
    const auto band = std::find_if(bands.begin(), bands.end(),
                                   [&](const ChildrenFormBand& b) { return b.ages == answered.ages; });
    if (band == bands.end()) {
      detail::raise_input_error(at + "/age_band",
                                "no children's form for ages " + std::to_string(answered.ages.min_age) + "-" +
                                    std::to_string(answered.ages.max_age) + "; the bands are 6-9 and 10-16",
                                detail::Rule{"V4"});
    }
    const auto index = static_cast<std::size_t>(band - bands.begin());
    detail::require(seen.insert(index).second, at + "/age_band", "each age band is scored once, on its own scale");
    detail::require(answered.responses.form_id == band->form.id, at + "/form",
                    "the ages " + std::to_string(band->ages.min_age) + "-" + std::to_string(band->ages.max_age) +
                        " answer the form " + quote_input(band->form.id) + ", not " +
                        quote_input(answered.responses.form_id));
    // Each band on its own scale, never pooled: a 3 of 3 and a 3 of 5 are not the same answer.
    scores.push_back({band->ages, detail::under_pointer(at, [&] {
                        return score_evaluation(band->form, answered.responses.responses, options);
                      })});
  }
  std::sort(scores.begin(), scores.end(),
            [](const BandScores& a, const BandScores& b) { return a.ages.min_age < b.ages.min_age; });
  return scores;
}

std::ostream& operator<<(std::ostream& out, const Enrolment& enrolment) {
  // DOMAIN X4: the pseudonym and the age, nothing else, so a log line exposes no more.
  return out << "Enrolment(" << quote_input(enrolment.child) << ", age " << enrolment.age << ")";
}

std::ostream& operator<<(std::ostream& out, const ChildrenMeeting& meeting) {
  return out << "ChildrenMeeting(" << meeting.meeting << ", " << iso_date(meeting.date) << ", "
             << meeting.present.size() << " present)";
}

}  // namespace paarorende
