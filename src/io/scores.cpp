// Evaluation and attendance scores as JSON (io/scores.hpp): a suppressed figure is null and named
// in "suppressed_figures" (DOMAIN X4).
#include "paarorende/io/scores.hpp"
#include "detail/language.hpp"

#include "io/readers.hpp"

namespace paarorende {
using namespace detail;

namespace {

Json count_or_null(const std::optional<std::int64_t>& value) { return value ? Json(*value) : Json(nullptr); }

Json number_or_null(const std::optional<double>& value) { return value ? Json(*value) : Json(nullptr); }

Json cell_value(const Item* item, int value) {
  if (item == nullptr || item->kind == ItemKind::likert) return value;
  if (item->kind == ItemKind::yes_no) return value == 1 ? "yes" : "no";
  return item->choices.at(static_cast<std::size_t>(value)).id;
}

Json distribution_json(const std::vector<DistributionCell>& cells, const Item* item) {
  Json out = Json::array();
  for (const auto& cell : cells) {
    Json entry = Json::object();
    entry["value"] = cell_value(item, cell.value);
    entry["count"] = count_or_null(cell.count);
    entry["share"] = number_or_null(cell.share);
    entry["suppressed"] = cell.suppressed();
    if (cell.hidden_reason) entry["hidden_reason"] = std::string(to_string(*cell.hidden_reason));
    out.push_back(std::move(entry));
  }
  return out;
}

// The texts of the workbook's "about" sheet, one table per language.
struct ScoreWorkbookWords {
  const char* title;
  const char* form;
  const char* version;
  const char* threshold;
  const char* shaded;
  const char* empty;
};

constexpr ScoreWorkbookWords score_words_bokmal{
    "Evaluering: resultater",
    "Skjema",
    "Versjon",
    "Færreste personer et tall vises for",
    "En tom, skyggelagt celle er et tall som er holdt tilbake av hensyn til personvernet: det bygger "
    "på for få personer, eller det kunne røpe et slikt tall.",
    "En tom celle uten skygge er et tall som ikke gjelder for spørsmålet."};
constexpr ScoreWorkbookWords score_words_nynorsk{
    "Evaluering: resultat",
    "Skjema",
    "Versjon",
    "Færraste personar eit tal blir vist for",
    "Ei tom, skuggelagd celle er eit tal som er halde tilbake av omsyn til personvernet: det byggjer "
    "på for få personar, eller det kunne røpe eit slikt tal.",
    "Ei tom celle utan skugge er eit tal som ikkje gjeld for spørsmålet."};
constexpr ScoreWorkbookWords score_words_english{
    "Evaluation: results",
    "Form",
    "Version",
    "Fewest people a figure is shown for",
    "An empty shaded cell is a figure withheld to protect privacy: it rests on too few people, or "
    "could reveal such a figure.",
    "An empty cell without shading is a figure that does not apply to the question."};

const ScoreWorkbookWords& score_words(Language language) {
  return detail::in_language(language, score_words_bokmal, score_words_nynorsk, score_words_english);
}

// A figure's cell: its value, shaded empty when withheld (X4), empty when it does not apply.
template <class Value>
WorkbookCell figure_cell(const std::optional<Value>& value, bool withheld) {
  if (withheld) return WorkbookCell::hidden();
  if (!value) return {};
  return WorkbookCell::of(static_cast<double>(*value));
}

WorkbookCell value_cell(const Item* item, int value) {
  const Json shown = cell_value(item, value);
  return shown.is_string() ? WorkbookCell::of(shown.get<std::string>()) : WorkbookCell::of(static_cast<double>(value));
}

void add_cells(std::vector<WorkbookCell>& row, const std::vector<DistributionCell>& cells, const DistributionCell& cell) {
  (void)cells;
  row.push_back(figure_cell(cell.count, cell.suppressed()));
  row.push_back(figure_cell(cell.share, cell.suppressed()));
}

}  // namespace

Workbook to_workbook(const EvaluationScores& scores, Language language) {
  const ScoreWorkbookWords& w = score_words(language);
  static constexpr const char* figures[] = {"n", "missing", "mean", "sd", "median", "top_two", "share", "share_low",
                                            "share_high"};
  WorkbookSheet items{"scores", {"course", "responses", "item", "kind"}, {}, {}, 0, {14, 10, 10, 14}};
  for (const char* figure : figures) items.header.push_back(figure);
  items.header.push_back("reference");
  WorkbookSheet distribution{"distribution", {"course", "item", "value", "count", "share"}, {}, {}, 0, {}};
  WorkbookSheet comments{"comments", {"course", "item", "comment"}, {}, {}, 0, {14, 10, 80}};
  for (const CourseScores& course : scores.courses) {
    for (std::size_t i = 0; i < course.items.size(); ++i) {
      const ItemScores& item = course.items[i];
      const Item* form_item = i < scores.form.items.size() && scores.form.items[i].id == item.item ? &scores.form.items[i] : nullptr;
      std::vector<WorkbookCell> row{WorkbookCell::of(course.course), figure_cell(course.responses, course.suppressed),
                                    WorkbookCell::of(item.item), WorkbookCell::of(std::string(to_string(item.kind)))};
      const std::optional<double> values[] = {
          item.n ? std::optional<double>(static_cast<double>(*item.n)) : std::nullopt,
          item.missing ? std::optional<double>(static_cast<double>(*item.missing)) : std::nullopt,
          item.mean, item.sd, item.median, item.top_two, item.share, item.share_low, item.share_high};
      for (std::size_t f = 0; f < std::size(figures); ++f) {
        row.push_back(figure_cell(values[f], item.hidden_reason(figures[f]).has_value()));
      }
      std::optional<double> reference;
      if (form_item && form_item->reference) reference = form_item->reference->value;
      row.push_back(WorkbookCell::of(reference));
      items.rows.push_back(std::move(row));
      for (const DistributionCell& cell : item.distribution) {
        std::vector<WorkbookCell> cells{WorkbookCell::of(course.course), WorkbookCell::of(item.item),
                                        value_cell(form_item, cell.value)};
        add_cells(cells, item.distribution, cell);
        distribution.rows.push_back(std::move(cells));
      }
      for (const std::string& comment : item.comments) {
        comments.rows.push_back({WorkbookCell::of(course.course), WorkbookCell::of(item.item), WorkbookCell::of(comment)});
      }
    }
  }
  Workbook workbook;
  workbook.title = std::string(w.title) + ": " + scores.form.id;
  workbook.sheets.push_back(std::move(items));
  workbook.sheets.push_back(std::move(distribution));
  if (scores.attendance) {
    const AttendanceScores& a = *scores.attendance;
    const bool hidden = a.suppressed;
    WorkbookSheet attendance{"attendance", {"households", "rate", "participant_rate", "mean_sessions"}, {}, {}, 0, {}};
    attendance.rows.push_back({figure_cell(a.households, hidden), figure_cell(a.rate, hidden),
                               figure_cell(a.participant_rate, hidden), figure_cell(a.mean_sessions, hidden)});
    WorkbookSheet sessions{"sessions",
                           {"session", "households", "households_present", "participants_enrolled",
                            "participants_present", "rate"},
                           {}, {}, 0, {}};
    for (const SessionAttendance& s : a.sessions) {
      sessions.rows.push_back({WorkbookCell::of(static_cast<double>(s.session)),
                               WorkbookCell::of(static_cast<double>(s.households)),
                               WorkbookCell::of(static_cast<double>(s.households_present)),
                               WorkbookCell::of(static_cast<double>(s.participants_enrolled)),
                               WorkbookCell::of(static_cast<double>(s.participants_present)), WorkbookCell::of(s.rate)});
    }
    WorkbookSheet per_household{"sessions_attended", {"sessions", "households", "share"}, {}, {}, 0, {}};
    for (const DistributionCell& cell : a.per_household) {
      std::vector<WorkbookCell> row{WorkbookCell::of(static_cast<double>(cell.value))};
      add_cells(row, a.per_household, cell);
      per_household.rows.push_back(std::move(row));
    }
    workbook.sheets.push_back(std::move(attendance));
    workbook.sheets.push_back(std::move(sessions));
    workbook.sheets.push_back(std::move(per_household));
  }
  if (!comments.rows.empty()) workbook.sheets.push_back(std::move(comments));
  WorkbookSheet about{"about", {}, {}, {}, 0, {40, 90}};
  about.rows.push_back({WorkbookCell::of(w.form), WorkbookCell::of(scores.form.id)});
  about.rows.push_back({WorkbookCell::of(w.version), WorkbookCell::of(static_cast<double>(scores.form.version))});
  about.rows.push_back({WorkbookCell::of(w.threshold), WorkbookCell::of(static_cast<double>(scores.threshold))});
  about.rows.push_back({WorkbookCell::hidden(), WorkbookCell::of(w.shaded)});
  about.rows.push_back({WorkbookCell{}, WorkbookCell::of(w.empty)});
  workbook.sheets.push_back(std::move(about));
  return workbook;
}

Json to_json(const AttendanceScores& scores) {
  Json out = Json::object();
  out["suppressed"] = scores.suppressed;
  out["households"] = scores.households ? Json(*scores.households) : Json(nullptr);
  out["rate"] = number_or_null(scores.rate);
  out["participant_rate"] = number_or_null(scores.participant_rate);
  out["mean_sessions"] = number_or_null(scores.mean_sessions);
  Json sessions = Json::array();
  for (const auto& session : scores.sessions) {
    sessions.push_back({{"session", session.session},
                        {"households", session.households},
                        {"households_present", session.households_present},
                        {"participants_enrolled", session.participants_enrolled},
                        {"participants_present", session.participants_present},
                        {"rate", session.rate}});
  }
  out["sessions"] = std::move(sessions);
  out["per_household"] = distribution_json(scores.per_household, nullptr);
  return out;
}

Json to_json(const EvaluationScores& scores) {
  Json out = Json::object();
  out["form"] = scores.form.id;
  out["version"] = scores.form.version;
  out["threshold"] = scores.threshold;
  Json courses = Json::array();
  for (const CourseScores& course : scores.courses) {
    Json entry = Json::object();
    entry["course"] = course.course;
    entry["suppressed"] = course.suppressed;
    entry["responses"] = count_or_null(course.responses);
    Json items = Json::array();
    for (std::size_t i = 0; i < course.items.size(); ++i) {
      const ItemScores& item = course.items[i];
      const Item& form_item = scores.form.items.at(i);
      Json out_item = Json::object();
      out_item["item"] = item.item;
      out_item["kind"] = std::string(to_string(item.kind));
      out_item["suppressed"] = item.suppressed;
      out_item["n"] = count_or_null(item.n);
      out_item["missing"] = count_or_null(item.missing);
      if (item.kind == ItemKind::likert) {
        out_item["mean"] = number_or_null(item.mean);
        out_item["sd"] = number_or_null(item.sd);
        out_item["median"] = number_or_null(item.median);
        out_item["top_two"] = number_or_null(item.top_two);
      }
      if (item.kind == ItemKind::yes_no) {
        out_item["share"] = number_or_null(item.share);
        out_item["share_low"] = number_or_null(item.share_low);
        out_item["share_high"] = number_or_null(item.share_high);
      }
      if (form_item.reference) out_item["reference"] = form_item.reference->value;
      if (item.kind != ItemKind::free_text) out_item["distribution"] = distribution_json(item.distribution, &form_item);
      out_item["suppressed_figures"] = item.suppressed_figures;
      Json hidden = Json::object();
      for (const HiddenFigure& figure : item.hidden) hidden[figure.figure] = std::string(to_string(figure.reason));
      out_item["hidden"] = std::move(hidden);
      if (!item.comments.empty()) out_item["comments"] = item.comments;
      items.push_back(std::move(out_item));
    }
    entry["items"] = std::move(items);
    courses.push_back(std::move(entry));
  }
  out["courses"] = std::move(courses);
  if (scores.attendance) out["attendance"] = to_json(*scores.attendance);
  return out;
}

}  // namespace paarorende
