#include "paarorende/presenter.hpp"
#include "detail/input_error.hpp"

#include <algorithm>
#include <limits>
#include <map>

#include "detail/text.hpp"
#include "paarorende/error.hpp"

namespace paarorende {
namespace {

// The assignment problem: a permutation p minimising sum cost[i][p[i]] over a square matrix.
// The Hungarian method with potentials (Kuhn 1955, Munkres 1957), O(n^3); exact.
std::vector<int> min_cost_assignment(const std::vector<std::vector<long long>>& cost) {
  const int n = static_cast<int>(cost.size());
  constexpr long long infinity = std::numeric_limits<long long>::max() / 4;
  // 1-based arrays as in the textbook formulation; column 0 is a sentinel.
  std::vector<long long> u(n + 1, 0), v(n + 1, 0), way_min(n + 1);
  std::vector<int> row_of_column(n + 1, 0), way(n + 1, 0);
  for (int row = 1; row <= n; ++row) {
    row_of_column[0] = row;
    int column = 0;
    std::fill(way_min.begin(), way_min.end(), infinity);
    std::vector<bool> used(n + 1, false);
    do {
      used[column] = true;
      const int current_row = row_of_column[column];
      long long delta = infinity;
      int next_column = 0;
      for (int j = 1; j <= n; ++j) {
        if (used[j]) continue;
        const long long reduced = cost[current_row - 1][j - 1] - u[current_row] - v[j];
        if (reduced < way_min[j]) {
          way_min[j] = reduced;
          way[j] = column;
        }
        if (way_min[j] < delta) {
          delta = way_min[j];
          next_column = j;
        }
      }
      for (int j = 0; j <= n; ++j) {
        if (used[j]) {
          u[row_of_column[j]] += delta;
          v[j] -= delta;
        } else {
          way_min[j] -= delta;
        }
      }
      column = next_column;
    } while (row_of_column[column] != 0);
    do {  // augment along the alternating path
      const int previous = way[column];
      row_of_column[column] = row_of_column[previous];
      column = previous;
    } while (column != 0);
  }
  std::vector<int> column_of_row(n, 0);
  for (int j = 1; j <= n; ++j) column_of_row[row_of_column[j] - 1] = j - 1;
  return column_of_row;
}

}  // namespace

namespace detail {
std::string why_unstaffed(const Topic& topic, Date date, const std::vector<Presenter>& presenters) {
  // A hand-made plan may leave a session without a presenter although one is free: say who.
  const auto available = std::find_if(presenters.begin(), presenters.end(), [&](const Presenter& p) {
    return p.role == topic.presenter_role && p.available_on(date);
  });
  if (available != presenters.end()) {
    return "no presenter is named; " + available->id + " (" + topic.presenter_role + ") is free on " +
           iso_date(date);
  }
  const bool anyone_with_role =
      std::any_of(presenters.begin(), presenters.end(),
                  [&](const Presenter& p) { return p.role == topic.presenter_role; });
  return anyone_with_role ? "no presenter with the role " + topic.presenter_role + " is free on " +
                                iso_date(date)
                          : "no presenter has the role " + topic.presenter_role;
}
}  // namespace detail

bool Presenter::available_on(Date date) const noexcept {
  return std::find(unavailable.begin(), unavailable.end(), date) == unavailable.end();
}

Staffing staff_sessions(const std::vector<Date>& dates, const std::vector<std::string>& topics,
                        const std::vector<Presenter>& presenters, const TopicCatalogue& catalogue,
                        int first_number) {
  if (topics.size() > dates.size()) {
    detail::raise_input_error("/topics", std::to_string(topics.size()) + " topics for " +
                               std::to_string(dates.size()) + " sessions; a topic is given once", detail::Rule{"C5"});
  }
  std::vector<const Topic*> topic_of(topics.size());
  for (std::size_t t = 0; t < topics.size(); ++t) {
    topic_of[t] = catalogue.find(topics[t]);
    if (topic_of[t] == nullptr) {
      detail::raise_input_error("/topics/" + std::to_string(t), "no topic \"" + topics[t] + "\" in the catalogue", detail::Rule{"C5"});
    }
    if (std::find(topics.begin(), topics.begin() + static_cast<long>(t), topics[t]) !=
        topics.begin() + static_cast<long>(t)) {
      detail::raise_input_error("/topics/" + std::to_string(t), "topic \"" + topics[t] + "\" is given twice; a topic is given once", detail::Rule{"C5"});
    }
  }
  auto can_present = [&](const Topic& topic, Date date) {
    return std::any_of(presenters.begin(), presenters.end(), [&](const Presenter& presenter) {
      return presenter.role == topic.presenter_role && presenter.available_on(date);
    });
  };

  // DOMAIN C7: most staffed sessions first, then closest to the wished order, then, of equally
  // close orders, the one that moves the lower-ranked topics (a topic ranked t of n costs n - t
  // to move). Each level outweighs everything below it: moves cost at most n * n in all and
  // displacement n * n, so displacement is weighted n * n + 1 and a gap more than both.
  const std::size_t n = dates.size();
  const long long move_weight = 1;
  const long long displacement_weight = static_cast<long long>(n * n + 1);
  const long long unstaffed_cost = displacement_weight * static_cast<long long>(n * n + 1) + 1;
  std::vector<std::vector<long long>> cost(n, std::vector<long long>(n, 0));
  for (std::size_t t = 0; t < topics.size(); ++t) {
    for (std::size_t d = 0; d < n; ++d) {
      const long long displacement = t > d ? static_cast<long long>(t - d) : static_cast<long long>(d - t);
      const long long move = t == d ? 0 : move_weight * static_cast<long long>(n - t);
      cost[t][d] = displacement * displacement_weight + move +
                   (can_present(*topic_of[t], dates[d]) ? 0 : unstaffed_cost);
    }
  }  // rows past the topics are empty sessions: free anywhere
  const std::vector<int> date_of_row = n == 0 ? std::vector<int>{} : min_cost_assignment(cost);

  Staffing staffing;
  staffing.sessions.resize(n);
  for (std::size_t t = 0; t < topics.size(); ++t) {
    staffing.sessions[static_cast<std::size_t>(date_of_row[t])].topic = topics[t];
  }
  std::vector<std::string> moved;
  for (std::size_t t = 0; t < topics.size(); ++t) {
    if (date_of_row[t] != static_cast<int>(t)) moved.push_back(topics[t]);
  }
  if (!moved.empty()) {
    std::string list;
    for (const auto& id : moved) list += (list.empty() ? "" : ", ") + id;
    staffing.findings.push_back({"C7", Severity::info,
                                 "topics reordered over the dates so that more sessions have a "
                                 "presenter: " + list + " moved",
                                 std::nullopt});
  }
  std::map<std::string, int> load;  // sessions per presenter so far
  for (std::size_t d = 0; d < n; ++d) {
    SessionStaffing& session = staffing.sessions[d];
    if (!session.topic) continue;
    const Topic& topic = *catalogue.find(*session.topic);
    const Presenter* chosen = nullptr;
    for (const auto& presenter : presenters) {
      if (presenter.role != topic.presenter_role || !presenter.available_on(dates[d])) continue;
      if (chosen == nullptr || load[presenter.id] < load[chosen->id] ||
          (load[presenter.id] == load[chosen->id] && presenter.id < chosen->id)) {
        chosen = &presenter;
      }
    }
    const int number = first_number + static_cast<int>(d);
    if (chosen != nullptr) {
      session.presenter = chosen->id;
      ++load[chosen->id];
    } else {
      staffing.findings.push_back({"C7", Severity::warning,
                                   "session " + std::to_string(number) + " (" + topic.id + "): " +
                                       detail::why_unstaffed(topic, dates[d], presenters),
                                   number});
    }
  }
  return staffing;
}

}  // namespace paarorende
