#include "paarorende/parallel_offer.hpp"

#include <algorithm>

#include "paarorende/detail/document_reader.hpp"
#include "paarorende/detail/format.hpp"
#include "paarorende/error.hpp"

namespace paarorende {
namespace {

using detail::clock;
using detail::iso_date;
using detail::ObjectReader;

constexpr std::string_view venue_kind_names[] = {"school", "kindergarten", "community_hall", "other"};

std::string times(const LocalDateTime& start, const LocalDateTime& end) {
  return clock(start.local_time().time_of_day()) + "-" + clock(end.local_time().time_of_day());
}

ParallelActivity read_activity(const Json& value, const std::string& pointer) {
  ObjectReader in(value, pointer);
  const int session = in.integer("session", 1, 52);
  const Date date = in.date("date");
  const ClockTime start = in.clock("start");
  const ClockTime end = in.clock("end");
  if (end <= start) throw InputError("", "the activity must end after it starts", in.pointer("end"));
  std::string place = in.string("place");
  std::vector<int> ages = detail::read_array<int>(in, "ages", [](const Json& v, const std::string& at) {
    return static_cast<int>(detail::read_integer(v, at, 0, 25));
  });
  const int staff = in.integer("staff", 0, 1000);
  in.finish();
  return ParallelActivity{session, oslo_time(date, start), oslo_time(date, end), std::move(place),
                          std::move(ages), staff};
}

ParallelOfferRules read_rules(const Json& value, const std::string& pointer, ParallelOfferRules rules) {
  ObjectReader in(value, pointer);
  if (const Json* required = in.find("required")) {
    rules.required = detail::read_named<RuleWeight>(*required, in.pointer("required"),
                                                    rule_weight_from_string, "hard, soft or off");
  }
  rules.min_staff = in.integer_or("min_staff", rules.min_staff, 0, 100);
  rules.children_per_staff = in.integer_or("children_per_staff", rules.children_per_staff, 0, 100);
  rules.min_age = in.integer_or("min_age", rules.min_age, 0, 25);
  rules.max_age = in.integer_or("max_age", rules.max_age, 0, 25);
  in.finish();
  if (rules.min_staff < 2) {
    // DOMAIN X5: a session for children has at least two adults present.
    throw InputError("X5", "an activity for children has at least two adults, got " +
                               std::to_string(rules.min_staff), in.pointer("min_staff"));
  }
  if (rules.max_age < rules.min_age) {
    throw InputError("", "the oldest age must not be below the youngest (" +
                             std::to_string(rules.min_age) + ")", in.pointer("max_age"));
  }
  return rules;
}

}  // namespace

std::string_view to_string(VenueKind kind) noexcept { return venue_kind_names[static_cast<int>(kind)]; }

std::optional<VenueKind> venue_kind_from_string(std::string_view text) noexcept {
  for (int i = 0; i < 4; ++i) {
    if (venue_kind_names[i] == text) return static_cast<VenueKind>(i);
  }
  return std::nullopt;
}

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

ParallelOfferPlan parallel_offer_from_json(const Json& document, const std::filesystem::path& base_dir) {
  ObjectReader in(document, "");
  ParallelOfferPlan plan;
  const Json* schedule = in.find("schedule");
  const Json* request = in.find("request");
  if ((schedule == nullptr) == (request == nullptr)) {
    throw InputError("", "give exactly one of schedule and request", schedule ? "/request" : "/schedule");
  }
  if (schedule != nullptr) {
    if (schedule->is_string()) {
      std::filesystem::path file = detail::read_string(*schedule, "/schedule");
      if (file.is_relative()) file = base_dir / file;
      plan.schedule = load_course_schedule(file);
    } else {
      try {
        plan.schedule = course_schedule_from_json(*schedule, base_dir);
      } catch (const InputError& error) {
        throw InputError(error.rule(), error.message(), "/schedule" + error.where());
      }
    }
  } else {
    CourseRequest course;
    try {
      course = course_request_from_json(*request, base_dir);
    } catch (const InputError& error) {
      throw InputError(error.rule(), error.message(), "/request" + error.where());
    }
    try {
      plan.schedule = plan_course(course);
    } catch (const ImpossibleRequest& error) {
      throw ImpossibleRequest(error.rule(), error.message(), "/request" + error.where());
    }
  }
  plan.rules = parallel_offer_rules(builtin_format("parallel_offer"));
  if (const Json* format = in.find("format")) {
    plan.rules = parallel_offer_rules(format_from_reference(*format, "/format", base_dir));
  }
  if (const Json* kind = in.find("venue_kind")) {
    plan.venue_kind = detail::read_named<VenueKind>(*kind, "/venue_kind", venue_kind_from_string,
                                                    "school, kindergarten, community_hall or other");
  } else {
    in.required("venue_kind");
  }
  if (const Json* rules = in.find("rules")) plan.rules = read_rules(*rules, "/rules", plan.rules);
  const Json* activities = in.find("activities");
  const Json* children = in.find("children");
  if (activities != nullptr && children != nullptr) {
    throw InputError("", "give activities or children, not both", "/children");
  }
  if (activities != nullptr) {
    plan.activities = detail::read_array<ParallelActivity>(in, "activities", read_activity);
  } else if (children != nullptr) {
    ObjectReader c(*children, "/children");
    const std::vector<int> ages = detail::read_array<int>(c, "ages", [](const Json& v, const std::string& at) {
      return static_cast<int>(detail::read_integer(v, at, 0, 25));
    });
    const int staff = c.integer("staff", 0, 1000);
    c.finish();
    plan.activities = parallel_activities(plan.schedule, ages, staff);
  }
  in.finish();
  return plan;
}

ParallelOfferPlan load_parallel_offer(const std::filesystem::path& path) {
  return detail::read_document_file(path, [&](const Json& document) {
    return parallel_offer_from_json(document, path.parent_path());
  });
}

Json to_json(const ParallelActivity& activity) {
  return Json{{"session", activity.session},
              {"date", iso_date(activity.start.local_time().date())},
              {"start", clock(activity.start.local_time().time_of_day())},
              {"end", clock(activity.end.local_time().time_of_day())},
              {"place", activity.place},
              {"ages", activity.ages},
              {"staff", activity.staff}};
}

Json to_json(const ParallelOfferPlan& plan) {
  Json activities = Json::array();
  for (const auto& activity : plan.activities) activities.push_back(to_json(activity));
  return Json{{"schedule", to_json(plan.schedule)},
              {"venue_kind", std::string(to_string(plan.venue_kind))},
              {"rules",
               {{"required", std::string(to_string(plan.rules.required))},
                {"min_staff", plan.rules.min_staff},
                {"children_per_staff", plan.rules.children_per_staff},
                {"min_age", plan.rules.min_age},
                {"max_age", plan.rules.max_age}}},
              {"activities", activities}};
}

std::ostream& operator<<(std::ostream& out, const ParallelActivity& activity) {
  return out << "ParallelActivity(session " << activity.session << ", "
             << iso_date(activity.start.local_time().date()) << ' ' << times(activity.start, activity.end)
             << ", " << activity.place << ", " << activity.ages.size() << " children, "
             << activity.staff << " staff)";
}

}  // namespace paarorende
