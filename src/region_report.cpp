// The region's report (region_report.hpp; DOMAIN V1, X4).
#include "paarorende/region_report.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "detail/input_error.hpp"
#include "detail/text.hpp"

namespace paarorende {
namespace {

// One cell's figures before suppression: a count and the sum beside it.
struct Figure {
  std::int64_t count = 0;
  double sum = 0.0;
};

using Key = std::pair<std::string, std::string>;  // municipality, period
using Figures = std::map<Key, Figure>;

Table table_of(const Figures& figures, const std::vector<TableDimension>& dimensions, int threshold, bool sums) {
  Table table;
  table.threshold = threshold;
  table.dimensions = dimensions;
  for (const auto& [key, figure] : figures) {
    if (figure.count == 0) continue;  // cells not given are 0
    TableCell cell{{key.first, key.second}, figure.count, std::nullopt};
    if (sums) cell.sum = figure.sum;
    table.cells.push_back(std::move(cell));
  }
  return table;
}

}  // namespace

std::string half_year(Date date) {
  return std::to_string(static_cast<int>(date.year())) + (date.month() <= 6 ? "-H1" : "-H2");
}

RegionReport region_report(const std::vector<RegionCourse>& courses, const RegionReportOptions& options) {
  RegionReport report;
  report.threshold = options.threshold;
  report.region = options.region ? options.region->id : "region";
  // DOMAIN V1: each course's municipality, by the region's number when there is a region.
  std::vector<std::string> municipality_of;
  for (const RegionCourse& course : courses) {
    if (course.municipality.empty()) {
      detail::raise_input_error(course.source + ":/municipality", "a course in the region's report names its municipality",
                                detail::Rule{"V1"});
    }
    if (!options.region) {
      municipality_of.push_back(course.municipality);
      continue;
    }
    const Municipality* found = options.region->find(course.municipality);
    if (found == nullptr) {
      detail::raise_input_error(course.source + ":/municipality",
                                "municipality " + detail::quote_input(course.municipality) + " is not in region " +
                                    detail::quote_input(options.region->id),
                                detail::Rule{"V1"});
    }
    municipality_of.push_back(found->number);
  }
  if (options.region) {
    for (const Municipality& municipality : options.region->municipalities) {
      report.municipalities.push_back(municipality.number);
    }
  } else {
    for (const std::string& municipality : municipality_of) {
      if (std::find(report.municipalities.begin(), report.municipalities.end(), municipality) ==
          report.municipalities.end()) {
        report.municipalities.push_back(municipality);
      }
    }
  }
  std::set<std::string> periods;
  for (const RegionCourse& course : courses) periods.insert(half_year(course.first_session));
  report.periods.assign(periods.begin(), periods.end());

  // The evaluation form: one across the region, so that an item's answers add up.
  const EvaluationForm* form = nullptr;
  for (const RegionCourse& course : courses) {
    if (course.responses.responses.empty()) continue;
    if (form == nullptr) {
      form = &course.form;
    } else if (course.form.id != form->id || course.form.items != form->items) {
      detail::raise_input_error(course.source + ":/form",
                                "evaluated with form " + detail::quote_input(course.form.id) + ", and another course with " +
                                    detail::quote_input(form->id) + ": the region's items add up answers to one form",
                                detail::Rule{"X4"});
    }
  }
  if (form != nullptr) report.form = *form;

  std::map<Key, int> held;
  Figures households, attendance;
  std::map<std::string, Figures> items;  // figure id -> cells
  for (std::size_t c = 0; c < courses.size(); ++c) {
    const RegionCourse& course = courses[c];
    const Key key{municipality_of[c], half_year(course.first_session)};
    ++held[key];
    // Each household once, with its caregivers and the sessions anyone of it came to.
    std::map<std::string, std::pair<int, std::set<int>>> seen;
    int last_session = course.sessions;
    for (const AttendanceRecord& record : course.attendance.records) {
      auto& [caregivers, came] = seen[record.household];
      caregivers = std::max(caregivers, record.caregivers);
      if (record.present > 0) came.insert(record.session);
      last_session = std::max(last_session, record.session);
    }
    for (const auto& [household, entry] : seen) {
      Figure& reached = households[key];
      ++reached.count;
      reached.sum += entry.first;
      Figure& rate = attendance[key];
      ++rate.count;
      rate.sum += last_session > 0 ? static_cast<double>(entry.second.size()) / last_session : 0.0;
    }
    if (form == nullptr) continue;
    for (const Response& response : course.responses.responses) {
      for (std::size_t i = 0; i < form->items.size() && i < response.answers.size(); ++i) {
        const Item& item = form->items[i];
        const Answer& answer = response.answers[i];
        if (!answer.value) continue;
        if (item.kind == ItemKind::likert) {
          Figure& figure = items[item.id][key];
          ++figure.count;
          figure.sum += *answer.value;
        } else if (item.kind == ItemKind::yes_no) {
          ++items[item.id + (*answer.value == 1 ? "_yes" : "_no")][key].count;
        }
      }
    }
  }
  for (const auto& [key, count] : held) report.courses.push_back({key.first, key.second, count});

  const std::vector<TableDimension> dimensions{
      {"municipality", report.municipalities, report.region, {}},
      {"period", report.periods, "total", {}},
  };
  // Households and attendance show one count: suppressed together.
  {
    std::vector<Table> tables{table_of(households, dimensions, options.threshold, true),
                              table_of(attendance, dimensions, options.threshold, true)};
    std::vector<SuppressionResult> results = suppress_together(tables, options.suppression);
    report.figures.push_back({"households", "", "households", "participants", tables[0], std::move(results[0])});
    report.figures.push_back({"attendance", "", "households", "attendance_rate", tables[1], std::move(results[1])});
  }
  if (form != nullptr) {
    // Every item's tables together: a respondent usually answers every item, so one item's count
    // tells another's (and yes + no is the respondents to a yes/no item). A share is published
    // only where both its counts are.
    std::vector<RegionFigure> evaluation;
    for (const Item& item : form->items) {
      if (item.kind == ItemKind::likert) {
        evaluation.push_back({item.id, item.id, "respondents", "answers",
                              table_of(items[item.id], dimensions, options.threshold, true), {}});
      } else if (item.kind == ItemKind::yes_no) {
        evaluation.push_back({item.id + "_yes", item.id, "yes", "",
                              table_of(items[item.id + "_yes"], dimensions, options.threshold, false), {}});
        evaluation.push_back({item.id + "_no", item.id, "no", "",
                              table_of(items[item.id + "_no"], dimensions, options.threshold, false), {}});
      }
    }
    std::vector<Table> tables;
    for (const RegionFigure& figure : evaluation) tables.push_back(figure.table);
    std::vector<SuppressionResult> results = suppress_together(tables, options.suppression);
    for (std::size_t f = 0; f < evaluation.size(); ++f) {
      evaluation[f].result = std::move(results[f]);
      report.figures.push_back(std::move(evaluation[f]));
    }
  }
  return report;
}

}  // namespace paarorende
