// Evaluation and attendance scores as JSON (io/scores.hpp): a suppressed figure is null and named
// in "suppressed_figures" (DOMAIN X4).
#include "paarorende/io/scores.hpp"

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

}  // namespace

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
