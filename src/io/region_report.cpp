// The region's report from municipalities' folders, and its forms (io/region_report.hpp;
// DOMAIN V1, X4).
#include "paarorende/io/region_report.hpp"
#include "detail/language.hpp"

#include <algorithm>
#include <cstdio>
#include <set>

#include "detail/input_error.hpp"
#include "io/table_forms.hpp"
#include "paarorende/io/attendance.hpp"
#include "paarorende/io/evaluation.hpp"
#include "paarorende/io/schedule.hpp"
#include "paarorende/io/table.hpp"
#include "paarorende/schedule.hpp"

namespace paarorende {
namespace {

namespace fs = std::filesystem;

// Every word the report prints, in one table per language.
struct RegionWords {
  const char* lang;
  const char* title;           // followed by the region's id
  const char* courses_held;
  const char* courses_note;
  const char* municipality;
  const char* period;
  const char* courses;
  const char* households;      // participants per household
  const char* attendance;      // the attendance rate
  const char* answers;         // after an item's text: answers (mean)
  const char* yes;
  const char* no;
};

constexpr RegionWords region_bokmal{
    "nb",
    "Tall for regionen",
    "Kurs holdt",
    "Et kurs er et offentlig tilbud, ikke en person: antallet vises som det er.",
    "kommune",
    "halvår",
    "kurs",
    "Husstander som deltok (i parentes: deltakere per husstand)",
    "Oppmøte: husstander (i parentes: andelen av samlingene de kom på)",
    "svar (i parentes: gjennomsnitt)",
    "ja-svar",
    "nei-svar",
};

constexpr RegionWords region_nynorsk{
    "nn",
    "Tal for regionen",
    "Kurs haldne",
    "Eit kurs er eit offentleg tilbod, ikkje ein person: talet blir vist som det er.",
    "kommune",
    "halvår",
    "kurs",
    "Hushald som deltok (i parentes: deltakarar per hushald)",
    "Oppmøte: hushald (i parentes: delen av samlingane dei kom på)",
    "svar (i parentes: gjennomsnitt)",
    "ja-svar",
    "nei-svar",
};

constexpr RegionWords region_english{
    "en",
    "The region's figures",
    "Courses held",
    "A course is a public offer, not a person: the number is shown as it is.",
    "municipality",
    "half-year",
    "courses",
    "Households that took part (in brackets: participants per household)",
    "Attendance: households (in brackets: the share of the sessions they came to)",
    "answers (in brackets: the mean)",
    "yes answers",
    "no answers",
};

const RegionWords& region_words(Language language) {
  return detail::in_language(language, region_bokmal, region_nynorsk, region_english);
}

bool is_course_folder(const fs::path& folder) { return fs::is_regular_file(folder / "course.json"); }

std::vector<fs::path> sorted_folders(const fs::path& dir) {
  std::vector<fs::path> folders;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.is_directory()) folders.push_back(entry.path());
  }
  std::sort(folders.begin(), folders.end());
  return folders;
}

RegionCourse read_course(const fs::path& folder, const std::string& source) {
  RegionCourse course;
  course.source = source;
  const CourseRequest request = load_course_request(folder / "course.json");
  course.municipality = request.municipality;
  if (course.municipality.empty()) {
    detail::raise_input_error((folder / "course.json").string() + ":/municipality",
                              "a course in the region's report names its municipality", detail::Rule{"V1"});
  }
  // The half-year is that of the first session as planned (a first date on a closed day moves).
  const CourseSchedule schedule = plan_course(request);
  course.first_session = schedule.sessions.front().start.local_time().date();
  course.sessions = static_cast<int>(schedule.sessions.size());
  if (fs::is_regular_file(folder / "attendance.json")) {
    course.attendance = load_attendance_records(folder / "attendance.json");
  }
  course.form = fs::is_regular_file(folder / "evaluation-form.json") ? load_evaluation_form(folder / "evaluation-form.json")
                                                                     : pilot_evaluation_form();
  for (const char* name : {"evaluation.csv", "evaluation.xlsx", "evaluation.json"}) {
    if (!fs::is_regular_file(folder / name)) continue;
    if (!course.responses.responses.empty()) {
      detail::raise_input_error((folder / name).string(), "a course folder holds one evaluation file");
    }
    course.responses = load_responses(folder / name, course.form);
  }
  return course;
}

std::string title_of(const RegionFigure& figure, const RegionReport& report, Language language) {
  const RegionWords& w = region_words(language);
  if (figure.id == "households") return w.households;
  if (figure.id == "attendance") return w.attendance;
  std::string text = figure.item;
  if (report.form) {
    if (const auto index = report.form->index_of(figure.item)) text = report.form->items[*index].text.in(language);
  }
  if (figure.count_of == "yes") return text + ": " + w.yes;
  if (figure.count_of == "no") return text + ": " + w.no;
  return text + ": " + w.answers;
}

}  // namespace

std::vector<RegionCourse> load_region_courses(const fs::path& dir) {
  if (!fs::is_directory(dir)) detail::raise_input_error(dir.string(), "not a folder of municipalities' course folders");
  std::vector<RegionCourse> courses;
  for (const fs::path& municipality : sorted_folders(dir)) {
    if (is_course_folder(municipality)) {
      courses.push_back(read_course(municipality, (municipality / "course.json").string()));
      continue;
    }
    for (const fs::path& course : sorted_folders(municipality)) {
      if (is_course_folder(course)) courses.push_back(read_course(course, (course / "course.json").string()));
    }
  }
  if (courses.empty()) {
    detail::raise_input_error(dir.string(), "no course folder (a folder with course.json) in any municipality's folder",
                              detail::Rule{"V1"});
  }
  return courses;
}

Json to_json(const RegionReport& report) {
  Json courses = Json::array();
  for (const CoursesHeld& held : report.courses) {
    courses.push_back({{"municipality", held.municipality}, {"period", held.period}, {"courses", held.courses}});
  }
  Json figures = Json::array();
  for (const RegionFigure& figure : report.figures) {
    Json entry{{"id", figure.id}, {"count", figure.count_of}};
    if (!figure.item.empty()) entry["item"] = figure.item;
    if (!figure.sum_of.empty()) entry["sum"] = figure.sum_of;
    entry["table"] = to_json(figure.result);
    figures.push_back(std::move(entry));
  }
  Json document{{"region", report.region},
                {"threshold", report.threshold},
                {"municipalities", report.municipalities},
                {"periods", report.periods},
                {"courses", courses},
                {"figures", figures}};
  if (report.form) document["form"] = report.form->id;
  return document;
}

std::string region_report_html(const RegionReport& report, Language language) {
  if (report.form && language == Language::nn) {
    // Every item text in nynorsk, or no report in nynorsk: never the bokmål text in its place.
    for (std::size_t i = 0; i < report.form->items.size(); ++i) {
      if (!report.form->items[i].text.has(Language::nn)) {
        detail::raise_input_error("/items/" + std::to_string(i) + "/text",
                                  "no nynorsk text (\"nn\"): a report in nynorsk has every text of its form in nynorsk");
      }
    }
  }
  using table_io::html_escape;
  const RegionWords& w = region_words(language);
  const std::string title = std::string(w.title) + ": " + report.region;
  std::string out = "<!DOCTYPE html>\n<html lang=\"" + std::string(w.lang) + "\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<title>" + html_escape(title) + "</title>\n";
  out += "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin:1em 0}"
         "th,td{border:1px solid #999;padding:.2em .6em;text-align:right}th{background:#eee}"
         "@page{size:A4}</style>\n</head>\n<body>\n";
  out += "<h1>" + html_escape(title) + "</h1>\n";
  // Courses held: municipality by half-year, with the totals.
  out += "<h2>" + std::string(w.courses_held) + "</h2>\n<p>" + w.courses_note + "</p>\n<table>\n<tr><th>" +
         w.municipality + " \\ " + w.period + "</th>";
  for (const std::string& period : report.periods) out += "<th>" + html_escape(period) + "</th>";
  out += "<th>total</th></tr>\n";
  auto held = [&](const std::string* municipality, const std::string* period) {
    int count = 0;
    for (const CoursesHeld& entry : report.courses) {
      if ((!municipality || entry.municipality == *municipality) && (!period || entry.period == *period)) {
        count += entry.courses;
      }
    }
    return std::to_string(count);
  };
  for (const std::string& municipality : report.municipalities) {
    out += "<tr><th>" + html_escape(municipality) + "</th>";
    for (const std::string& period : report.periods) out += "<td>" + held(&municipality, &period) + "</td>";
    out += "<td>" + held(&municipality, nullptr) + "</td></tr>\n";
  }
  out += "<tr><th>" + html_escape(report.region) + "</th>";
  for (const std::string& period : report.periods) out += "<td>" + held(nullptr, &period) + "</td>";
  out += "<td>" + held(nullptr, nullptr) + "</td></tr>\n</table>\n";
  bool notes = false;
  for (const RegionFigure& figure : report.figures) {
    out += "<h2>" + html_escape(title_of(figure, report, language)) + "</h2>\n";
    if (!notes) {
      out += table_io::privacy_notes(figure.result, language);
      notes = true;
    }
    out += table_io::cross_tables(figure.result, language);
  }
  out += "</body>\n</html>\n";
  return out;
}

std::map<std::string, std::string> region_report_csv(const RegionReport& report) {
  std::map<std::string, std::string> files;
  std::string courses = "municipality,period,courses\n";
  for (const CoursesHeld& held : report.courses) {
    courses += table_io::csv_field(held.municipality) + "," + held.period + "," + std::to_string(held.courses) + "\n";
  }
  files["courses.csv"] = courses;
  for (const RegionFigure& figure : report.figures) files[figure.id + ".csv"] = table_csv(figure.result);
  return files;
}

}  // namespace paarorende
