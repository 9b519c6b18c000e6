// Presenters (DOMAIN C7): the municipal employees who open each later session with its topic, so
// the parents get "a face and a name". A presenter has a role and the dates they cannot come.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "paarorende/calendar.hpp"
#include "paarorende/topic.hpp"
#include "paarorende/violation.hpp"

namespace paarorende {

struct Presenter {
  std::string id;    ///< Stable id used in plans.
  std::string name;  ///< The employee's name, shown to parents (C7); never a participant's.
  std::string role;  ///< A PresenterRole id.
  std::vector<Date> unavailable;

  bool available_on(Date date) const noexcept;

  friend bool operator==(const Presenter&, const Presenter&) = default;
};

/// Which topic and presenter one session gets.
struct SessionStaffing {
  std::optional<std::string> topic;
  std::optional<std::string> presenter;  ///< A Presenter id; empty when nobody can come.

  friend bool operator==(const SessionStaffing&, const SessionStaffing&) = default;
};

struct Staffing {
  std::vector<SessionStaffing> sessions;  ///< One per date given.
  std::vector<Violation> findings;        ///< C7 for each session nobody can present.

  friend bool operator==(const Staffing&, const Staffing&) = default;
};

namespace detail {
/// Why nobody presents `topic` on `date`: "no presenter has the role X" or "no presenter with the
/// role X is free on DATE"; or, when one is free after all, "no presenter is named; ID (X) is free
/// on DATE". Shared by staff_sessions and validate.
std::string why_unstaffed(const Topic& topic, Date date, const std::vector<Presenter>& presenters);
}  // namespace detail

/// Places `topics` (most wanted first) on `dates` (the later sessions', in order) and gives each
/// a presenter whose role fits the topic and who is free that day (DOMAIN C7). The topics keep
/// their order where every session can be staffed so; otherwise the order that staffs the most
/// sessions is found (an assignment problem, solved exactly), among those the one closest to the
/// wished order (least total displacement), and of equally close orders the one that moves the
/// lower-ranked topics. Of several free presenters the one with the fewest sessions so far presents,
/// then the first by id. A session nobody can present keeps its topic, gets no presenter, and a
/// C7 warning says so. `first_number` is the number of the session on `dates[0]`, for messages.
Staffing staff_sessions(const std::vector<Date>& dates, const std::vector<std::string>& topics,
                        const std::vector<Presenter>& presenters, const TopicCatalogue& catalogue,
                        int first_number = 2);

}  // namespace paarorende
