#include "paarorende/parallel_offer.hpp"

#include <algorithm>

#include "detail/input_error.hpp"
#include "detail/text.hpp"
#include "paarorende/error.hpp"

namespace paarorende {

namespace {

std::string times(const LocalDateTime& start, const LocalDateTime& end) {
  return clock_time(start.local_time().time_of_day()) + "-" + clock_time(end.local_time().time_of_day());
}

}  // namespace

ParallelOfferRules parallel_offer_rules(const CourseFormat& format) {
  ParallelOfferRules rules;
  rules.min_staff = std::max(format.staffing.min_adults, 2);  // DOMAIN X5
  rules.children_per_staff = format.staffing.children_per_adult;
  if (format.min_age) rules.min_age = *format.min_age;
  if (format.max_age) rules.max_age = *format.max_age;
  return rules;
}

int staff_needed(int children, const ParallelOfferRules& rules) noexcept {
  int needed = rules.min_staff;
  if (rules.children_per_staff > 0 && children > 0) {
    needed = std::max(needed, (children + rules.children_per_staff - 1) / rules.children_per_staff);
  }
  return needed;
}

std::vector<ParallelActivity> parallel_activities(const CourseSchedule& schedule,
                                                  const std::vector<int>& ages, int staff) {
  std::vector<ParallelActivity> activities;
  for (const auto& session : schedule.sessions) {
    // DOMAIN P1: at the same time and place as the parents.
    activities.push_back({session.number, session.start, session.end, session.venue.name, ages, staff});
  }
  return activities;
}

std::vector<Violation> validate(const ParallelOfferPlan& plan) {
  const ParallelOfferRules& rules = plan.rules;
  std::vector<Violation> found;
  const bool at_school = plan.venue_kind == VenueKind::school || plan.venue_kind == VenueKind::kindergarten;
  for (const auto& session : plan.schedule.sessions) {
    const std::string label = "session " + std::to_string(session.number) + " (" +
                              iso_date(session.date()) + " " + times(session.start, session.end) + ")";
    const ParallelActivity* activity = nullptr;
    for (const auto& candidate : plan.activities) {
      if (candidate.session == session.number) activity = &candidate;
    }
    if (activity == nullptr) {
      // DOMAIN P1: parents come only if the children and siblings are looked after.
      if (at_school && rules.required != RuleWeight::off) {
        found.push_back({"P1", rules.required == RuleWeight::hard ? Severity::error : Severity::warning,
                         label + " at the " + std::string(to_string(plan.venue_kind)) + " " +
                             session.venue.name + " has no parallel offer for the children and siblings",
                         session.number});
      }
      continue;
    }
    if (activity->place != session.venue.name) {
      found.push_back({"P1", Severity::error,
                       label + ": the children's activity is at " + activity->place +
                           ", not where the parents meet (" + session.venue.name + ")",
                       session.number});
    }
    if (activity->start > session.start || activity->end < session.end) {
      found.push_back({"P1", Severity::error,
                       label + ": the children's activity " +
                           (activity->start.local_time().date() == session.date()
                                ? "covers " + times(activity->start, activity->end)
                                : "is on " + iso_date(activity->start.local_time().date())) +
                           ", not the whole session",
                       session.number});
    }
    const int children = static_cast<int>(activity->ages.size());
    const int needed = staff_needed(children, rules);
    if (activity->staff < needed) {  // DOMAIN X5 and the municipality's ratio
      found.push_back({"X5", Severity::error,
                       label + ": the children's activity has " + std::to_string(activity->staff) +
                           " of " + std::to_string(needed) + " staff for " + std::to_string(children) +
                           " children",
                       session.number});
    }
    const auto outside = std::count_if(activity->ages.begin(), activity->ages.end(), [&](int age) {
      return age < rules.min_age || age > rules.max_age;
    });
    if (outside > 0) {
      found.push_back({"P1", Severity::warning,
                       label + ": " + std::to_string(outside) + " child(ren) outside the ages " +
                           std::to_string(rules.min_age) + "-" + std::to_string(rules.max_age),
                       session.number});
    }
  }
  for (const auto& activity : plan.activities) {
    const bool known = std::any_of(plan.schedule.sessions.begin(), plan.schedule.sessions.end(),
                                   [&](const Session& s) { return s.number == activity.session; });
    if (!known) {
      found.push_back({"P1", Severity::error,
                       "an activity accompanies session " + std::to_string(activity.session) +
                           ", which the course does not have",
                       std::nullopt});
    }
  }
  return found;
}

std::ostream& operator<<(std::ostream& out, const ParallelActivity& activity) {
  return out << "ParallelActivity(session " << activity.session << ", "
             << iso_date(activity.start.local_time().date()) << ' ' << times(activity.start, activity.end)
             << ", " << activity.place << ", " << activity.ages.size() << " children, "
             << activity.staff << " staff)";
}

}  // namespace paarorende
