// The registry of document types (io/registry.hpp). A new document type is one entry in
// document_types() below plus its reader and writer in io/<concept>.cpp; the command line, the
// fuzz targets, scripts/fuzz and the bad-input runner pick it up from here.
#include "paarorende/io/registry.hpp"

#include <algorithm>
#include <set>
#include <type_traits>

#include "detail/enum_names.hpp"
#include "detail/file.hpp"
#include "detail/input_error.hpp"
#include "detail/text.hpp"
#include "paarorende/io/attendance.hpp"
#include "paarorende/io/calendar.hpp"
#include "paarorende/io/evaluation.hpp"
#include "paarorende/io/family_week.hpp"
#include "paarorende/io/form_import.hpp"
#include "paarorende/io/format.hpp"
#include "paarorende/io/formation.hpp"
#include "paarorende/io/group.hpp"
#include "paarorende/io/ical.hpp"
#include "paarorende/io/meeting_place.hpp"
#include "paarorende/io/parallel_offer.hpp"
#include "paarorende/io/programme.hpp"
#include "paarorende/io/region.hpp"
#include "paarorende/io/report.hpp"
#include "paarorende/io/roster.hpp"
#include "paarorende/io/schedule.hpp"
#include "paarorende/io/school_days.hpp"
#include "paarorende/io/scores.hpp"
#include "paarorende/io/table.hpp"
#include "paarorende/io/table_rows.hpp"
#include "paarorende/io/xlsx.hpp"
#include "paarorende/io/topic.hpp"
#include "paarorende/io/treffpunkt.hpp"
#include "paarorende/io/followup.hpp"

namespace paarorende {
namespace {

using Path = std::filesystem::path;
using Format = DocumentFormat;

constexpr auto format_names = detail::enum_names<DocumentFormat>("json", "csv", "xlsx", "ics");

// The findings of a check, as every checking command prints them.
Json checked(std::vector<Violation> findings, Json fields = Json::object()) {
  Json result{{"valid", !has_errors(findings)}};
  result.update(fields);
  result["findings"] = to_json(findings);
  return result;
}

// A document of the type `from_json` reads, from text; file references resolve from `base_dir`
// when the reader takes one.
template <auto from_json>
auto document_of(std::string_view text, const Path& base_dir) {
  if constexpr (std::is_invocable_v<decltype(from_json), const Json&, const Path&>) {
    return from_json(parse_json(text), base_dir);
  } else {
    return from_json(parse_json(text));
  }
}

// The two readers whose second argument is what they build on, here the built-in data.
TopicCatalogue catalogue_from_builtin(const Json& document) { return catalogue_from_json(document); }
CourseFormat format_from_builtin(const Json& document) { return format_from_json(document); }

// The document as read, written back: the reader and the writer in one.
template <auto from_json>
Json written(std::string_view text, Format, const Path& base_dir) {
  return to_json(document_of<from_json>(text, base_dir));
}

// The plan of a request, as JSON and as iCalendar.
template <auto from_json, auto plan>
Json planned(std::string_view text, Format, const Path& base_dir) {
  return to_json(plan(document_of<from_json>(text, base_dir)));
}
template <auto from_json, auto plan>
std::string calendar(std::string_view text, Format, const Path& base_dir) {
  return to_ical(plan(document_of<from_json>(text, base_dir)));
}

// --- school-calendar: is a date closed, and why (DOMAIN C11, X1, X2) ---

Json closures_of_calendar(std::string_view text, Format, const Path&) {
  const SchoolCalendar calendar = document_of<school_calendar_from_json>(text, {});
  Json closures = Json::array();
  auto add = [&](Date date) {
    const auto closure = course_closure(date, &calendar);
    closures.push_back({{"date", iso_date(date)},
                        {"closed", closure.has_value()},
                        {"rule", closure ? closure->rule : std::string()}});
  };
  for (const SchoolYear& year : calendar.years) {
    add(year.first_day);
    add(year.last_day);
    for (const SchoolHoliday& holiday : year.holidays) add(holiday.first);
  }
  return Json{{"municipality", calendar.municipality}, {"closures", closures}};
}

// --- school-days: per-school calendars from open data and feeds (DOMAIN C3, C11, X2) ---

SchoolDays school_days_of(std::string_view text, Format format) {
  switch (format) {
    case Format::csv: return school_days_from_csv(text);
    case Format::xlsx: return school_days_from_xlsx(text);
    case Format::ics: return school_days_from_ical(text);
    case Format::json: break;
  }
  return school_days_from_json(parse_json(text));
}

Json read_school_days(std::string_view text, Format format, const Path&) {
  return to_json(school_days_of(text, format));
}

// What `paarorende closed` answers for every school: the first day of the file, and a school day
// of the pilot's autumn.
Json checks_of_school_days(std::string_view text, Format format, const Path&) {
  const SchoolDays calendars = school_days_of(text, format);
  const std::vector<std::string> schools = school_names(calendars);
  Json checks = Json::array();
  std::vector<Date> dates{Date(2019, 11, 5)};
  for (const auto& calendar : calendars.schools) {
    if (!calendar.days.empty()) {
      dates.insert(dates.begin(), calendar.days.front().date);
      break;
    }
  }
  for (Date date : dates) checks.push_back(to_json(check_school_days(date, calendars, schools)));
  return Json{{"schools", schools}, {"checks", checks}};
}

// --- course-request: the plan (DOMAIN C1-C11) ---

// --- course-schedule: its findings ---

Json findings_of_schedule(std::string_view text, Format, const Path& base_dir) {
  return checked(validate(document_of<course_schedule_from_json>(text, base_dir)));
}

std::string calendar_of_schedule(std::string_view text, Format, const Path& base_dir) {
  return to_ical(document_of<course_schedule_from_json>(text, base_dir));
}

// --- topic-catalogue: its topics (DOMAIN T1-T6) ---

Json topics_of_catalogue(std::string_view text, Format, const Path&) {
  Json topics = Json::array();
  for (const Topic& topic : document_of<catalogue_from_builtin>(text, {}).topics) topics.push_back(to_json(topic));
  return topics;
}

// --- group: its check and attendance (DOMAIN G1-G9) ---

// A group document in JSON, or its households in CSV or a workbook (io/table_rows.hpp); a table
// read here, without its file's name, is the group "group".
GroupDocument group_in(std::string_view text, Format format) {
  if (format == Format::csv) return group_from_csv(text, "group");
  if (format == Format::xlsx) return group_from_workbook(text, "group");
  return document_of<group_from_json>(text, {});
}

Json read_group(std::string_view text, Format format, const Path&) { return to_json(group_in(text, format)); }

Json check_of_group(std::string_view text, Format format, const Path&) {
  const GroupDocument document = group_in(text, format);
  const auto violations = validate(document);  // G1-G9, and C8 when it has a venue
  const auto distribution = attendance_distribution(attendance_units(document.group, document.rules));
  bool errors = false;
  Json list = Json::array();
  for (const auto& violation : violations) {
    errors = errors || violation.severity == Severity::error;
    list.push_back(to_json(violation));
  }
  const int k = document.rules.min_present;
  return Json{{"group", document.group.id},
              {"valid", !errors},
              {"households", document.group.households.size()},
              {"participants", document.group.participants()},
              {"violations", list},
              {"attendance",
               {{"mean", distribution.mean()},
                {"min_present", k},
                {"p_at_least_min_present", distribution.at_least(k)},
                {"required_probability", document.rules.min_present_probability}}}};
}

// --- attendance-records: the fitted probabilities (DOMAIN G5, X4) ---

// Records from JSON, or from a coordinator's spreadsheet (CSV, .xlsx; io/table_rows.hpp).
AttendanceRecords attendance_records_in(std::string_view text, Format format) {
  if (format == Format::csv) return attendance_records_from_csv(text);
  if (format == Format::xlsx) return attendance_records_from_xlsx(text);
  return document_of<attendance_records_from_json>(text, {});
}

Json read_attendance_records(std::string_view text, Format format, const Path&) {
  return to_json(attendance_records_in(text, format));
}

Json fit_of_records(std::string_view text, Format format, const Path&) {
  const AttendanceRecords records = attendance_records_in(text, format);
  // DOMAIN X4: a figure from fewer than 5 households would expose them.
  std::set<std::string> households;
  for (const auto& record : records.records) households.insert(record.household);
  if (households.size() < min_households_to_report) {
    detail::raise_input_error("/records",
                              "records of at least " + std::to_string(min_households_to_report) +
                                  " households are needed; a fit from fewer would expose them",
                              {"X4"});
  }
  Json answer = to_json(fit_attendance(records.records, records.prior, records.prior_weight));
  answer["records"] = records.records.size();
  return answer;
}

// --- format ---

// --- roster: shortfalls and findings (DOMAIN X5, V4) ---

Json check_of_roster(std::string_view text, Format, const Path&) {
  const Roster roster = document_of<roster_from_json>(text, {});
  Json missing = Json::array();
  for (const auto& shortfall : shortfalls(roster)) missing.push_back(to_json(shortfall));
  return checked(validate(roster), Json{{"shortfalls", missing}});
}

// --- season-request: the Treffpunkt season (DOMAIN V4, X5) ---

// --- family-week-request: the week's programme (DOMAIN P2) ---

// --- parallel-offer: the activities beside a course (DOMAIN P1) ---

Json check_of_parallel_offer(std::string_view text, Format, const Path& base_dir) {
  const ParallelOfferPlan plan = document_of<parallel_offer_from_json>(text, base_dir);
  Json activities = Json::array();
  for (const auto& activity : plan.activities) activities.push_back(to_json(activity));
  return checked(validate(plan), Json{{"venue_kind", std::string(to_string(plan.venue_kind))},
                                      {"activities", activities}});
}

// --- region: contacts per unit (DOMAIN V1, V3) ---

Json check_of_region(std::string_view text, Format, const Path&) {
  const Region region = document_of<region_from_json>(text, {});
  return Json{{"region", to_json(region)}, {"findings", to_json(validate(region))}};
}

// --- evaluation-form and evaluation-responses (DOMAIN E1-E3, X4) ---

// Responses are read against the pilot's form (E1), as `evaluate` does without --form.
EvaluationResponses pilot_responses(std::string_view text, Format format) {
  const EvaluationForm form = pilot_evaluation_form();
  if (format == Format::csv) return responses_from_csv(text, form);
  if (format == Format::xlsx) return responses_from_xlsx(text, form);
  return responses_from_json(parse_json(text), form);
}

Json read_evaluation_responses(std::string_view text, Format format, const Path&) {
  return to_json(pilot_responses(text, format), pilot_evaluation_form());
}

Json scores_of_responses(std::string_view text, Format format, const Path&) {
  return to_json(score_evaluation(pilot_evaluation_form(), pilot_responses(text, format)));
}

std::string report_of_responses(std::string_view text, Format format, const Path&) {
  return evaluation_report_html(score_evaluation(pilot_evaluation_form(), pilot_responses(text, format)));
}

// --- redcap-dictionary and xlsform: an evaluation form imported (DOMAIN E1) ---

FormImport form_import_of(std::string_view text, Format format) {
  return format == Format::xlsx ? form_from_xlsform(text) : form_from_redcap(text);
}

// The imported form as a form document. What the import writes is an evaluation form, so the
// written form (JSON) reads back as one: the fuzz targets' round trip.
Json read_imported_form(std::string_view text, Format format, const Path&) {
  if (format == Format::json) return to_json(evaluation_form_from_json(parse_json(text)));
  return to_json(form_import_of(text, format).form);
}

Json imported_form(std::string_view text, Format format, const Path&) {
  return to_json(form_import_of(text, format));
}

// --- waitlist: the groups formed (DOMAIN G1-G9, C8) ---

// A waitlist document in JSON, or a workbook of its sheets. A CSV of households is not a waitlist
// read alone: it needs a base document for its places (`groups --base`, load_waitlist).
FormationRequest waitlist_in(std::string_view text, Format format, const Path& base_dir) {
  if (format == Format::xlsx) return waitlist_from_workbook(text, base_dir);
  return document_of<formation_request_from_json>(text, base_dir);
}

Json read_waitlist(std::string_view text, Format format, const Path& base_dir) {
  return to_json(waitlist_in(text, format, base_dir));
}

Json groups_of_waitlist(std::string_view text, Format format, const Path& base_dir) {
  const FormationRequest request = waitlist_in(text, format, base_dir);
  return to_json(form_groups(request), request.waitlist.id);
}

// --- table: its cells suppressed (DOMAIN X4, V1) ---

Json suppressed_table(std::string_view text, Format, const Path&) {
  return to_json(suppress(document_of<table_from_json>(text, {})));
}

std::string html_of_table(std::string_view text, Format, const Path&) {
  return table_html(suppress(document_of<table_from_json>(text, {})));
}

// --- enrolments, children-attendance, children-responses: Treffpunkt in operation (V4, X4, X5) ---

Json check_of_enrolments(std::string_view text, Format, const Path&) {
  const Enrolments enrolments = document_of<enrolments_from_json>(text, {});
  return enrolments_summary(enrolments, validate(enrolments));
}

Json scores_of_children_attendance(std::string_view text, Format, const Path& base_dir) {
  return children_attendance_scores_json(
      score_children_attendance(document_of<children_attendance_from_json>(text, base_dir)));
}

std::vector<BandResponses> children_responses_in(std::string_view text, Format format) {
  if (format == Format::csv) return children_responses_from_csv(text);
  return children_responses_from_json(parse_json(text));
}

Json read_children_responses(std::string_view text, Format format, const Path&) {
  return to_json(children_responses_in(text, format));
}

Json scores_of_children_responses(std::string_view text, Format format, const Path&) {
  return to_json(score_children_evaluation(children_responses_in(text, format)));
}

// --- followup: children and young people as next of kin (V2, V3, X4) ---

// The lists on the register's own latest identification date: a day the registry can name
// without being told one (the command line's --today names it).
Json lists_of_followup(std::string_view text, Format, const Path& base_dir) {
  const FollowupRegister reg = document_of<followup_register_from_json>(text, base_dir);
  Date latest(2000, 1, 1);
  for (const FollowupChild& child : reg.children) latest = std::max(latest, child.identified_on);
  return to_json(followup_lists(reg, latest));
}

std::vector<DocumentType> make_document_types() {
  const std::vector<Format> json{Format::json};
  return {
      {"school-calendar", "a municipality's school years and holidays (X2)", json,
       "school-calendar.schema.json", {"closed", "2019-12-24", "--calendar", "{file}"},
       "paarorende.course_closure(datetime.date(2019, 12, 24), "
       "school_calendar=paarorende.SchoolCalendar.load(path))",
       written<school_calendar_from_json>, closures_of_calendar, nullptr},
      {"school-days", "per-school calendars as open data or a school's iCalendar feed of days off (C3, C11)",
       {Format::json, Format::csv, Format::xlsx, Format::ics}, "school-days.schema.json",
       {"closed", "2019-11-05", "--calendar", "{file}"}, "paarorende.load_school_days(path)", read_school_days,
       checks_of_school_days, nullptr},
      {"course-request", "a parents' course to plan (C1-C11)", json, "course-request.schema.json",
       {"plan", "{file}", "--ics", "{out}/course.ics"},
       "paarorende.plan_course(paarorende.CourseRequest.load(path))", written<course_request_from_json>,
       planned<course_request_from_json, plan_course>, calendar<course_request_from_json, plan_course>},
      {"course-schedule", "a planned or hand-made course schedule to check", json,
       "schedule.schema.json", {"validate", "{file}"},
       "paarorende.validate(paarorende.CourseSchedule.load(path))", written<course_schedule_from_json>,
       findings_of_schedule, calendar_of_schedule},
      {"topic-catalogue", "a municipality's topics and presenter roles (T1-T6)", json,
       "topic-catalogue.schema.json", {"topics", "--catalogue", "{file}"},
       "paarorende.TopicCatalogue.load(path)", written<catalogue_from_builtin>, topics_of_catalogue, nullptr},
      {"group", "households of a group and the rules to check them by (G1-G9)",
       {Format::json, Format::csv, Format::xlsx}, "group.schema.json", {"check", "{file}"},
       "paarorende.validate_group(paarorende.GroupDocument.load(path).group, "
       "paarorende.GroupDocument.load(path).rules)",
       read_group, check_of_group, nullptr},
      {"attendance-records", "who came to which session, to fit attendance from (G5)",
       {Format::json, Format::csv, Format::xlsx}, "attendance-records.schema.json", {"fit", "{file}"},
       "paarorende.AttendanceRecords.load(path).fit()", read_attendance_records, fit_of_records, nullptr},
      {"format", "a municipality's course format, based on a built-in one", json,
       "format.schema.json", {"format", "{file}"}, "paarorende.CourseFormat.load(path)",
       written<format_from_builtin>, written<format_from_builtin>, nullptr},
      {"roster", "a meeting place's volunteers and shifts (X5)", json, "roster.schema.json",
       {"roster", "{file}"}, "paarorende.validate_roster(paarorende.Roster.load(path))",
       written<roster_from_json>, check_of_roster, nullptr},
      {"season-request", "a meeting-place season to plan (V4)", json, "season-request.schema.json",
       {"season", "{file}", "--ics", "{out}/season.ics"},
       "paarorende.plan_season(paarorende.SeasonRequest.load(path))", written<season_request_from_json>,
       planned<season_request_from_json, plan_season>, calendar<season_request_from_json, plan_season>},
      {"family-week-request", "a 5-day family course to plan (P2)", json,
       "family-week-request.schema.json", {"family-week", "{file}", "--ics", "{out}/week.ics"},
       "paarorende.plan_family_week(paarorende.FamilyWeekRequest.load(path))",
       written<family_week_request_from_json>, planned<family_week_request_from_json, plan_family_week>, calendar<family_week_request_from_json, plan_family_week>},
      {"parallel-offer", "activities for the children beside a parents' course (P1)", json,
       "parallel-offer.schema.json", {"parallel", "{file}"},
       "paarorende.validate_parallel_offer(paarorende.ParallelOfferPlan.load(path))",
       written<parallel_offer_from_json>, check_of_parallel_offer, nullptr},
      {"programme", "a season's offers sharing presenters, volunteers and venues (C1-C12, V4, V5, P3, X5)", json,
       "programme.schema.json", {"programme", "{file}", "--ics-dir", "{out}/calendars"},
       "paarorende.plan_programme(paarorende.Programme.load(path))", written<programme_from_json>,
       planned<programme_from_json, plan_programme>, nullptr},
      {"region", "municipalities working together, with contacts by unit (V1, V3)", json,
       "region.schema.json", {"region", "{file}"},
       "paarorende.validate_region(paarorende.Region.load(path))", written<region_from_json>, check_of_region,
       nullptr},
      {"evaluation-form", "a written evaluation form (E1)", json, "evaluation-form.schema.json",
       {"evaluate", "../../../examples/sandefjord_pilot/evaluation.csv", "--form", "{file}", "--html",
        "{out}/report.html"},
       "paarorende.EvaluationForm.load(path)", written<evaluation_form_from_json>, written<evaluation_form_from_json>, nullptr},
      {"evaluation-responses", "answers to the pilot's evaluation form, as survey tools export them (E1-E3)",
       {Format::json, Format::csv, Format::xlsx}, "evaluation-responses.schema.json",
       {"evaluate", "{file}", "--html", "{out}/report.html"},
       "paarorende.score_evaluation(paarorende.EvaluationForm.pilot(), "
       "paarorende.load_responses(path, paarorende.EvaluationForm.pilot()))",
       read_evaluation_responses, scores_of_responses, report_of_responses},
      {"redcap-dictionary", "a REDCap data dictionary, to import as an evaluation form (E1)", {Format::csv},
       "evaluation-form.schema.json", {"form-import", "{file}", "--out", "{out}/form.json"},
       "paarorende.import_form(path)", read_imported_form, imported_form, nullptr},
      {"xlsform", "an XLSForm (survey and choices sheets), to import as an evaluation form (E1)", {Format::xlsx},
       "evaluation-form.schema.json", {"form-import", "{file}", "--out", "{out}/form.json"},
       "paarorende.import_form(path)", read_imported_form, imported_form, nullptr},
      {"waitlist", "households waiting for a group, to form groups from (G1-G9, C8)",
       {Format::json, Format::xlsx}, "waitlist.schema.json", {"groups", "{file}"},
       "paarorende.form_groups(paarorende.FormationRequest.load(path))", read_waitlist,
       groups_of_waitlist, nullptr},
      {"enrolments", "the children enrolled at a meeting place, pseudonymous, with a guardian's consent (V4, X4, X5)",
       json, "enrolments.schema.json", {"enrolments", "{file}"},
       "paarorende.validate_enrolments(paarorende.Enrolments.load(path))", written<enrolments_from_json>,
       check_of_enrolments, nullptr},
      {"children-attendance", "which enrolled children came to each meeting of a meeting place (V4, X4)", json,
       "children-attendance.schema.json", {"children-attendance", "{file}"},
       "paarorende.score_children_attendance(paarorende.ChildrenAttendance.load(path))",
       written<children_attendance_from_json>, scores_of_children_attendance, nullptr},
      {"children-responses", "the children's own evaluation of a meeting place, per age band (V1, V4, X4)",
       {Format::json, Format::csv}, "children-responses.schema.json", {"evaluate", "{file}", "--children"},
       "paarorende.score_children_evaluation(paarorende.load_children_responses(path))", read_children_responses,
       scores_of_children_responses, nullptr},
      {"followup", "the follow-up register of children and young people as next of kin, pseudonymous (V2, V3, X4)",
       json, "followup.schema.json", {"followup", "{file}", "--today", "2027-03-01"},
       "paarorende.followup(paarorende.FollowupRegister.load(path), datetime.date(2027, 3, 1))",
       written<followup_register_from_json>, lists_of_followup, nullptr},
      {"table", "counts (and sums) by municipality, offer and period, to publish with suppression (X4, V1)",
       json, "table.schema.json", {"suppress", "{file}"}, "paarorende.suppress(paarorende.Table.load(path))",
       written<table_from_json>, suppressed_table, html_of_table},
  };
}

// Runs `step` on the file's text; errors are located in the file.
template <class Step>
auto on_file(const DocumentType& type, const Path& path, Step step) {
  const std::string text = detail::read_file(path);
  const Format format = document_format_of(path);
  try {
    return detail::in_file(path, [&] {
      if (!type.reads(format)) {
        detail::raise_input_error("", "a " + std::string(type.name) + " document is not read from " +
                                          std::string(to_string(format)));
      }
      return step(text, format, path.parent_path());
    });
  } catch (const ImpossibleRequest& error) {
    // A request the rules make impossible is located in its file like any other input error.
    if (error.where().rfind(path.string() + ":", 0) == 0) throw;
    throw ImpossibleRequest(error.rule(), error.message(), located_in_file(path.string(), error.where()));
  }
}

}  // namespace

std::string_view to_string(DocumentFormat format) noexcept { return format_names.name(format); }

std::optional<DocumentFormat> document_format_from_string(std::string_view text) noexcept {
  return format_names.parse(text);
}

DocumentFormat document_format_of(const std::filesystem::path& path) noexcept {
  std::string extension = path.extension().string();
  for (char& c : extension) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  if (extension == ".csv") return DocumentFormat::csv;
  if (extension == ".xlsx") return DocumentFormat::xlsx;
  if (extension == ".ics") return DocumentFormat::ics;
  return DocumentFormat::json;
}

bool DocumentType::reads(DocumentFormat format) const noexcept {
  for (DocumentFormat own : formats) {
    if (own == format) return true;
  }
  return false;
}

const std::vector<DocumentType>& document_types() {
  static const std::vector<DocumentType> types = make_document_types();
  return types;
}

const DocumentType* find_document_type(std::string_view name) noexcept {
  const auto& types = document_types();
  const auto found = std::find_if(types.begin(), types.end(), [&](const DocumentType& type) { return type.name == name; });
  return found == types.end() ? nullptr : &*found;
}

const DocumentType& document_type(std::string_view name, const std::string& where) {
  if (const DocumentType* type = find_document_type(name)) return *type;
  std::string known;
  for (const DocumentType& type : document_types()) known += (known.empty() ? "" : ", ") + std::string(type.name);
  detail::raise_input_error(where, "no document type " + detail::quote_input(name) + " (known: " + known + ")");
}

Json read_document(const DocumentType& type, const std::filesystem::path& path) {
  return on_file(type, path, type.read);
}

Json operate_on_document(const DocumentType& type, const std::filesystem::path& path) {
  return on_file(type, path, type.operate);
}

Json to_json(const std::vector<DocumentType>& types) {
  Json list = Json::array();
  for (const DocumentType& type : types) {
    Json formats = Json::array();
    for (DocumentFormat format : type.formats) formats.push_back(std::string(to_string(format)));
    Json command = Json::array();
    for (std::string_view arg : type.command) command.push_back(std::string(arg));
    list.push_back({{"name", std::string(type.name)},
                    {"summary", std::string(type.summary)},
                    {"formats", formats},
                    {"schema", std::string(type.schema)},
                    {"command", command},
                    {"python", std::string(type.python)}});
  }
  return Json{{"documents", list}};
}

}  // namespace paarorende
