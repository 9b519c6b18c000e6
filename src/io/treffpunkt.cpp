// Treffpunkt in operation as files (io/treffpunkt.hpp; DOMAIN V4, X4, X5).
#include "paarorende/io/treffpunkt.hpp"

#include <algorithm>

#include "detail/file.hpp"
#include "detail/input_error.hpp"
#include "detail/language.hpp"
#include "detail/text.hpp"
#include "detail/treffpunkt_names.hpp"
#include "io/ical_events.hpp"
#include "io/json_reader.hpp"
#include "io/readers.hpp"
#include "paarorende/io/csv.hpp"
#include "paarorende/io/evaluation.hpp"
#include "paarorende/io/scores.hpp"
#include "paarorende/io/violation.hpp"

namespace paarorende {
using namespace detail;

namespace {

Consent read_enrolment_consent(ObjectReader& child) {
  const Json* value = child.find("consent");
  // DOMAIN X4: no enrolment without a guardian's dated consent.
  if (value == nullptr) raise_input_error(child.pointer(), "missing required field \"consent\": a guardian consents to the enrolment", Rule{"X4"});
  return read_consent(*value, child.pointer("consent"));
}

Enrolment read_enrolment(const Json& value, const std::string& pointer) {
  ObjectReader in(value, pointer);
  Enrolment child;
  child.child = in.string("child");
  child.age = in.integer("age", 0, 25);
  child.consent = read_enrolment_consent(in);
  child.collected_by = read_codes(in, "collected_by", adult_role_names, Rule{"X5"});
  child.must_know = read_codes(in, "must_know", must_know_names, Rule{"X4"});
  in.finish();  // DOMAIN X4: any other field (a note, a diagnosis) is refused
  return child;
}

Json enrolment_json(const Enrolment& child) {
  Json collected = Json::array();
  for (AdultRole role : child.collected_by) collected.push_back(std::string(to_string(role)));
  Json codes = Json::array();
  for (MustKnow code : child.must_know) codes.push_back(std::string(to_string(code)));
  return Json{{"child", child.child},
              {"age", child.age},
              {"consent", consent_json(child.consent)},
              {"collected_by", collected},
              {"must_know", codes}};
}

ChildrenMeeting read_children_meeting(const Json& value, const std::string& pointer) {
  ObjectReader in(value, pointer);
  ChildrenMeeting meeting;
  meeting.meeting = in.integer("meeting", 1, 1000);
  meeting.date = in.date("date");
  meeting.present = read_array<std::string>(in, "present", [](const Json& id, const std::string& at) {
    return read_string(id, at);
  });
  in.finish();
  return meeting;
}

// "6-9" or "10-16": one of the children's forms' bands (DOMAIN V4).
const ChildrenFormBand& band_named(const std::vector<ChildrenFormBand>& bands, std::string_view text,
                                   const std::string& where) {
  for (const auto& band : bands) {
    if (text == std::to_string(band.ages.min_age) + "-" + std::to_string(band.ages.max_age)) return band;
  }
  raise_input_error(where, "an age band is \"6-9\" or \"10-16\", got " + quote_input(text), Rule{"V4"});
}

std::string band_name(const AgeBand& band) {
  return std::to_string(band.min_age) + "-" + std::to_string(band.max_age);
}

// --- the public plan's texts, one table per language ---

struct PublicPlanWords {
  const char* years_before;   // "ages " before the band in English, "" otherwise
  const char* years_after;    // " år" after the band in Norwegian
  const char* children;       // "barn"
  const char* under;          // "under"
  const char* meeting;        // "treff"
  const char* of;             // "av"
  const char* in_all;         // "i alt"
};

constexpr PublicPlanWords public_words_bokmal{"", " år", "barn", "under", "treff", "av", "i alt"};
constexpr PublicPlanWords public_words_nynorsk{"", " år", "barn", "under", "treff", "av", "i alt"};
constexpr PublicPlanWords public_words_english{"ages ", "", "children", "under", "meeting", "of", "in all"};

std::string band_label(const PublicBand& band, int threshold, const PublicPlanWords& words) {
  const std::string count = band.children ? std::to_string(*band.children)
                                          : std::string(words.under) + " " + std::to_string(threshold);
  return std::string(words.years_before) + band_name(band.band) + words.years_after + ": " + count + " " +
         words.children;
}

}  // namespace

// A guardian's consent, by role and dated (DOMAIN X4): an enrolment's and a follow-up register's.
Consent detail::read_consent(const Json& value, const std::string& pointer) {
  ObjectReader in(value, pointer);
  Consent consent;
  if (const Json* role = in.find("role")) {
    consent.role = read_code(*role, in.pointer("role"), adult_role_names, Rule{"X4"});
  } else {
    raise_input_error(in.pointer(), "missing required field \"role\": say who consented (mother, father or guardian)", Rule{"X4"});
  }
  const Json* date = in.find("date");
  if (date == nullptr) {
    raise_input_error(in.pointer(), "missing required field \"date\": a guardian's consent has its date", Rule{"X4"});
  }
  if (date->is_null() || (date->is_string() && date->get<std::string>().empty())) {
    raise_input_error(in.pointer("date"), "a guardian's consent has its date", Rule{"X4"});
  }
  consent.date = in.date("date");
  in.finish();
  return consent;
}

Json detail::consent_json(const Consent& consent) {
  return Json{{"role", std::string(to_string(consent.role))}, {"date", iso_date(consent.date)}};
}

Enrolments enrolments_from_json(const Json& document) {
  ObjectReader in(document, "");
  Enrolments enrolments;
  enrolments.meeting_place = in.string_or("meeting_place", enrolments.meeting_place);
  enrolments.municipality = in.string_or("municipality", "");
  enrolments.children = read_array<Enrolment>(in, "children", read_enrolment);
  in.finish();
  check_enrolments(enrolments);
  return enrolments;
}

Enrolments load_enrolments(const std::filesystem::path& path) {
  return read_document_file(path, [](const Json& document) { return enrolments_from_json(document); });
}

Json to_json(const Enrolments& enrolments) {
  Json children = Json::array();
  for (const auto& child : enrolments.children) children.push_back(enrolment_json(child));
  Json document{{"meeting_place", enrolments.meeting_place}};
  if (!enrolments.municipality.empty()) document["municipality"] = enrolments.municipality;
  document["children"] = children;
  return document;
}

Json enrolments_summary(const Enrolments& enrolments, const std::vector<Violation>& findings) {
  std::vector<int> ages = enrolled_ages(enrolments);
  std::sort(ages.begin(), ages.end());  // sorted: the order says nothing about who enrolled when
  Json summary{{"meeting_place", enrolments.meeting_place}};
  if (!enrolments.municipality.empty()) summary["municipality"] = enrolments.municipality;
  summary["children"] = enrolments.children.size();
  summary["children_ages"] = ages;
  summary["valid"] = !has_errors(findings);
  summary["findings"] = to_json(findings);
  return summary;
}

Enrolments enrolments_from_reference(const Json& reference, const std::string& pointer,
                                     const std::filesystem::path& base_dir) {
  if (reference.is_string()) {
    std::filesystem::path file = read_string(reference, pointer);
    if (file.is_relative()) file = base_dir / file;
    return load_enrolments(file);
  }
  return under_pointer(pointer, [&] { return enrolments_from_json(reference); });
}

ChildrenAttendance children_attendance_from_json(const Json& document, const std::filesystem::path& base_dir) {
  ObjectReader in(document, "");
  ChildrenAttendance attendance;
  attendance.enrolments = enrolments_from_reference(in.required("enrolments"), "/enrolments", base_dir);
  attendance.meetings = read_array<ChildrenMeeting>(in, "meetings", read_children_meeting);
  in.finish();
  check_children_attendance(attendance);
  return attendance;
}

ChildrenAttendance load_children_attendance(const std::filesystem::path& path) {
  return read_document_file(path, [&](const Json& document) {
    return children_attendance_from_json(document, path.parent_path());
  });
}

Json to_json(const ChildrenAttendance& attendance) {
  Json meetings = Json::array();
  for (const auto& meeting : attendance.meetings) {
    meetings.push_back({{"meeting", meeting.meeting}, {"date", iso_date(meeting.date)}, {"present", meeting.present}});
  }
  return Json{{"enrolments", to_json(attendance.enrolments)}, {"meetings", meetings}};
}

Json children_attendance_scores_json(const AttendanceScores& scores) {
  // The parents' attendance figures (io/scores.hpp), named for children: a child is a
  // "household" of one there.
  const Json parents = to_json(scores);
  Json meetings = Json::array();
  for (const auto& session : scores.sessions) {
    meetings.push_back({{"meeting", session.session},
                        {"enrolled", session.households},
                        {"present", session.households_present},
                        {"rate", session.rate}});
  }
  return Json{{"suppressed", scores.suppressed},
              {"children", parents["households"]},
              {"rate", parents["rate"]},
              {"mean_meetings", parents["mean_sessions"]},
              {"meetings", meetings},
              {"per_child", parents["per_household"]}};
}

std::vector<BandResponses> children_responses_from_json(const Json& document) {
  ObjectReader in(document, "");
  const std::vector<ChildrenFormBand> bands = children_evaluation_forms();
  std::vector<BandResponses> responses = read_array<BandResponses>(in, "bands", [&](const Json& value, const std::string& at) {
    ObjectReader entry(value, at);
    const ChildrenFormBand& band = band_named(bands, entry.string("age_band"), entry.pointer("age_band"));
    BandResponses answered{band.ages, under_pointer(entry.pointer("responses"), [&] {
                             return responses_from_json(entry.required("responses"), band.form);
                           })};
    if (answered.responses.form_id.empty()) answered.responses.form_id = band.form.id;
    entry.finish();
    return answered;
  });
  in.finish();
  return responses;
}

std::vector<BandResponses> children_responses_from_csv(std::string_view text) {
  const CsvTable table = read_csv(text);
  const std::vector<ChildrenFormBand> bands = children_evaluation_forms();
  if (table.rows.empty()) raise_input_error("row 1", "a children's evaluation has a header row with an age_band column", Rule{"V4"});
  const CsvRow& header = table.rows.front();
  std::optional<std::size_t> band_column;
  for (std::size_t c = 0; c < header.fields.size(); ++c) {
    const std::string key = survey_header_key(header.fields[c]);
    if (key == survey_header_key("age_band") || key == survey_header_key("aldersgruppe")) band_column = c;
  }
  if (!band_column) raise_input_error("row 1", "no age_band column: each answer says its age band, 6-9 or 10-16", Rule{"V4"});
  // Each band's rows with the header, their row numbers kept, read against the band's form; the
  // age_band column is dropped there, so the columns keep their numbers in errors.
  std::vector<CsvTable> tables(bands.size(), CsvTable{table.dialect, {header}});
  for (std::size_t r = 1; r < table.rows.size(); ++r) {
    const CsvRow& row = table.rows[r];
    const std::string value = *band_column < row.fields.size() ? row.fields[*band_column] : std::string();
    const std::string where = csv_location(row.row, *band_column + 1) + " (age_band)";
    const ChildrenFormBand& band = band_named(bands, value, where);
    tables[static_cast<std::size_t>(&band - bands.data())].rows.push_back(row);
  }
  ResponseReadOptions options;
  options.ignore_columns.push_back(header.fields[*band_column]);
  std::vector<BandResponses> responses;
  for (std::size_t b = 0; b < bands.size(); ++b) {
    if (tables[b].rows.size() < 2) continue;
    EvaluationResponses read = responses_from_table(tables[b], bands[b].form, options);
    read.form_id = bands[b].form.id;
    responses.push_back({bands[b].ages, std::move(read)});
  }
  return responses;
}

std::vector<BandResponses> load_children_responses(const std::filesystem::path& path) {
  std::string extension = path.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c); });
  if (extension == ".csv") {
    const std::string text = read_file(path);
    return in_file(path, [&] { return children_responses_from_csv(text); });
  }
  return read_document_file(path, [](const Json& document) { return children_responses_from_json(document); });
}

Json to_json(const std::vector<BandResponses>& responses) {
  const std::vector<ChildrenFormBand> bands = children_evaluation_forms();
  Json list = Json::array();
  for (const auto& answered : responses) {
    const auto band = std::find_if(bands.begin(), bands.end(), [&](const ChildrenFormBand& b) { return b.ages == answered.ages; });
    if (band == bands.end()) raise_input_error("/bands", "no children's form for ages " + band_name(answered.ages), Rule{"V4"});
    list.push_back({{"age_band", band_name(answered.ages)}, {"responses", to_json(answered.responses, band->form)}});
  }
  return Json{{"bands", list}};
}

Json to_json(const std::vector<BandScores>& scores) {
  Json bands = Json::array();
  int threshold = default_suppression_threshold;
  for (const auto& band : scores) {
    threshold = band.scores.threshold;
    bands.push_back({{"min_age", band.ages.min_age}, {"max_age", band.ages.max_age}, {"scores", to_json(band.scores)}});
  }
  return Json{{"threshold", threshold}, {"bands", bands}};
}

Json to_json(const PublicSeason& plan, Language language) {
  const PublicPlanWords& words = in_language(language, public_words_bokmal, public_words_nynorsk, public_words_english);
  Json meetings = Json::array();
  for (const auto& meeting : plan.meetings) {
    Json groups = Json::array();
    for (const auto& band : meeting.groups) {
      groups.push_back({{"min_age", band.band.min_age},
                        {"max_age", band.band.max_age},
                        {"children", band.children ? Json(*band.children) : Json(nullptr)},
                        {"under_threshold", band.under_threshold()},
                        {"label", band_label(band, plan.threshold, words)}});
    }
    meetings.push_back({{"number", meeting.number},
                        {"date", iso_date(meeting.date())},
                        {"start", clock_time(meeting.start.local_time().time_of_day())},
                        {"end", clock_time(meeting.end.local_time().time_of_day())},
                        {"groups", groups},
                        {"children", meeting.children ? Json(*meeting.children) : Json(nullptr)}});
  }
  Json skipped = Json::array();
  for (const auto& skip : plan.skipped) skipped.push_back({{"date", iso_date(skip.date)}, {"reason", skip.reason.name}});
  Json venue{{"name", plan.venue.name}};
  if (!plan.venue.address.empty()) venue["address"] = plan.venue.address;
  Json document{{"title", plan.title}, {"public", true}, {"language", std::string(to_string(language))},
                {"threshold", plan.threshold}, {"timezone", "Europe/Oslo"},
                {"first_date", iso_date(plan.first_date)}, {"last_date", iso_date(plan.last_date)}};
  if (!plan.municipality.empty()) document["municipality"] = plan.municipality;
  if (!plan.region.empty()) document["region"] = plan.region;
  document["venue"] = venue;
  document["meetings"] = meetings;
  document["skipped"] = skipped;
  return document;
}

std::string to_ical(const PublicSeason& plan, Language language, const IcalOptions& options) {
  const PublicPlanWords& words = in_language(language, public_words_bokmal, public_words_nynorsk, public_words_english);
  std::string location = plan.venue.name;
  if (!plan.venue.address.empty()) location += (location.empty() ? "" : ", ") + plan.venue.address;
  std::vector<IcalEvent> events;
  for (const auto& meeting : plan.meetings) {
    std::string description;
    for (const auto& band : meeting.groups) description += band_label(band, plan.threshold, words) + "\n";
    if (meeting.children && meeting.groups.size() > 1) {
      description += std::string(words.children) + " " + words.in_all + ": " + std::to_string(*meeting.children) + "\n";
    }
    events.push_back({std::to_string(meeting.number), meeting.start, meeting.end,
                      plan.title + ": " + words.meeting + " " + std::to_string(meeting.number) + " " + words.of + " " +
                          std::to_string(plan.meetings.size()),
                      location, description});
  }
  // The same calendar key as the working plan's (to_ical(Season)), so a published event and the
  // volunteers' event of one meeting keep one UID.
  return ical_calendar(plan.title,
                       plan.title + '\n' + plan.municipality + '\n' + plan.region + '\n' + iso_date(plan.first_date),
                       events, options, language);
}

}  // namespace paarorende
