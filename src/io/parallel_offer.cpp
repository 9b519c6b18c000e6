// Parallel offers as JSON (io/parallel_offer.hpp; DOMAIN P1).
#include "paarorende/io/parallel_offer.hpp"
#include "detail/input_error.hpp"

#include "io/fields.hpp"
#include "io/readers.hpp"
#include "paarorende/io/format.hpp"
#include "paarorende/io/schedule.hpp"

namespace paarorende {
using namespace detail;

namespace {

ParallelActivity read_activity(const Json& value, const std::string& pointer) {
  ObjectReader in(value, pointer);
  const int session = in.integer("session", 1, 52);
  const Date date = in.date("date");
  const ClockTime start = in.clock("start");
  const ClockTime end = in.clock("end");
  if (end <= start) detail::raise_input_error(in.pointer("end"), "the activity must end after it starts");
  std::string place = in.string("place");
  std::vector<int> ages = detail::read_array<int>(in, "ages", [](const Json& v, const std::string& at) {
    return static_cast<int>(detail::read_integer(v, at, 0, 25));
  });
  const int staff = in.integer("staff", 0, 1000);
  in.finish();
  return ParallelActivity{session, oslo_time(date, start), oslo_time(date, end), std::move(place),
                          std::move(ages), staff};
}

ParallelOfferRules read_rules(const Json& value, const std::string& pointer, ParallelOfferRules base) {
  const ParallelOfferRules rules = read_fields(value, pointer, base);  // parallel_offer.hpp's table
  require_two_adults(rules.min_staff, pointer + "/min_staff", "an activity for children");
  if (rules.max_age < rules.min_age) {
    detail::raise_input_error(pointer + "/max_age", "the oldest age must not be below the youngest (" +
                             std::to_string(rules.min_age) + ")");
  }
  return rules;
}

}  // namespace

ParallelOfferPlan parallel_offer_from_json(const Json& document, const std::filesystem::path& base_dir) {
  ObjectReader in(document, "");
  ParallelOfferPlan plan;
  const Json* schedule = in.find("schedule");
  const Json* request = in.find("request");
  if ((schedule == nullptr) == (request == nullptr)) {
    detail::raise_input_error(schedule ? "/request" : "/schedule", "give exactly one of schedule and request");
  }
  if (schedule != nullptr) {
    if (schedule->is_string()) {
      std::filesystem::path file = detail::read_string(*schedule, "/schedule");
      if (file.is_relative()) file = base_dir / file;
      plan.schedule = load_course_schedule(file);
    } else {
      detail::under_pointer("/schedule", [&] { plan.schedule = course_schedule_from_json(*schedule, base_dir); });
    }
  } else {
    CourseRequest course;
    detail::under_pointer("/request", [&] { course = course_request_from_json(*request, base_dir); });
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
    plan.venue_kind = detail::read_named(*kind, "/venue_kind", detail::venue_kind_names);
  } else {
    in.required("venue_kind");
  }
  if (const Json* rules = in.find("rules")) plan.rules = read_rules(*rules, "/rules", plan.rules);
  const Json* activities = in.find("activities");
  const Json* children = in.find("children");
  if (activities != nullptr && children != nullptr) {
    detail::raise_input_error("/children", "give activities or children, not both");
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
              {"start", clock_time(activity.start.local_time().time_of_day())},
              {"end", clock_time(activity.end.local_time().time_of_day())},
              {"place", activity.place},
              {"ages", activity.ages},
              {"staff", activity.staff}};
}

Json to_json(const ParallelOfferPlan& plan) {
  Json activities = Json::array();
  for (const auto& activity : plan.activities) activities.push_back(to_json(activity));
  return Json{{"schedule", to_json(plan.schedule)},
              {"venue_kind", std::string(to_string(plan.venue_kind))},
              {"rules", write_fields(plan.rules)},
              {"activities", activities}};
}

}  // namespace paarorende
