// Presenters as a specification (DOMAIN C5, C7): each later session opens with its topic presented
// by a municipal employee of the topic's role who is free that day. The wished order is kept when
// it can be; otherwise the order that staffs the most sessions, closest to the wished one, found
// exactly (checked against brute force over every order).
#include <gtest/gtest.h>

#include "fixtures.hpp"

#include <algorithm>
#include <cstdlib>
#include <numeric>
#include <random>
#include <string>
#include <vector>

#include "paarorende/error.hpp"
#include "paarorende/presenter.hpp"
#include "paarorende/topic.hpp"

namespace {

using namespace paarorende;
using namespace paarorende::test_support;
using Topics = std::vector<std::string>;

// The pilot's later sessions (sessions 2-5, examples/sandefjord_pilot).
const std::vector<Date> pilot_dates{Date(2019, 12, 3), Date(2020, 1, 7), Date(2020, 1, 28),
                                    Date(2020, 3, 3)};

std::vector<Date> first(std::size_t n) {
  return {pilot_dates.begin(), pilot_dates.begin() + static_cast<std::ptrdiff_t>(n)};
}

Presenter presenter(std::string id, std::string role, std::vector<Date> unavailable = {}) {
  return {std::move(id), "", std::move(role), std::move(unavailable)};
}

// One of each role the tests use, all free every day.
std::vector<Presenter> full_staff() {
  return {presenter("psykolog", "psychologist"), presenter("koordinator", "service_coordinator"),
          presenter("familieterapeut", "family_therapist"),
          presenter("barnepalliasjon", "palliative_care_nurse")};
}

// ---------------------------------------------------------------------------------------------
// Hand-worked cases

// DOMAIN C7: everyone can come: the topics keep the wished order, each with its role's presenter.
TEST(staff_sessions, keeps_the_wished_order_when_everyone_can_come) {
  const Staffing staffing =
      staff_sessions(first(3), {"self_care", "municipal_services", "family_life"}, full_staff(),
                     builtin_catalogue());
  EXPECT_EQ(topics_of(staffing), (Topics{"self_care", "municipal_services", "family_life"}));
  EXPECT_EQ(presenters_of(staffing), (Topics{"psykolog", "koordinator", "familieterapeut"}));
  EXPECT_EQ(staffing.findings, std::vector<Violation>{});
}

// The psychologist cannot come on the first date. Orders that staff all three, with their total
// displacement from the wished order (self_care 0, municipal_services 1, family_life 2):
//   municipal_services, self_care, family_life   1 + 1 + 0 = 2   <- the only best
//   family_life, municipal_services, self_care   2 + 0 + 2 = 4
//   municipal_services, family_life, self_care   1 + 1 + 2 = 4
//   family_life, self_care, municipal_services   2 + 1 + 1 = 4
TEST(staff_sessions, reorders_the_topics_when_a_presenter_cannot_come_c7) {
  std::vector<Presenter> staff = full_staff();
  staff[0].unavailable = {pilot_dates[0]};
  const Staffing staffing = staff_sessions(
      first(3), {"self_care", "municipal_services", "family_life"}, staff, builtin_catalogue());
  EXPECT_EQ(topics_of(staffing), (Topics{"municipal_services", "self_care", "family_life"}));
  EXPECT_EQ(presenters_of(staffing), (Topics{"koordinator", "psykolog", "familieterapeut"}));
  const std::vector<Violation> expected{
      {"C7", Severity::info,
       "topics reordered over the dates so that more sessions have a presenter: self_care, "
       "municipal_services moved",
       std::nullopt}};
  EXPECT_EQ(staffing.findings, expected);
}

// Nobody has the role, or nobody with it is free: the session keeps its topic, gets no presenter,
// and a C7 warning says why, numbered from `first_number`.
TEST(staff_sessions, session_nobody_can_present_is_a_c7_warning) {
  const std::vector<Presenter> staff{presenter("psykolog", "psychologist", first(2))};
  const Staffing staffing = staff_sessions(first(2), {"self_care", "rights_benefits_services"}, staff,
                                           builtin_catalogue(), 2);
  EXPECT_EQ(topics_of(staffing), (Topics{"self_care", "rights_benefits_services"}));
  EXPECT_EQ(presenters_of(staffing), (Topics{"-", "-"}));
  const std::vector<Violation> expected{
      {"C7", Severity::warning,
       "session 2 (self_care): no presenter with the role psychologist is free on 2019-12-03", 2},
      {"C7", Severity::warning, "session 3 (rights_benefits_services): no presenter has the role social_worker",
       3},
  };
  EXPECT_EQ(staffing.findings, expected);
}

TEST(why_unstaffed, names_the_missing_role_or_the_busy_date) {
  const Topic& self_care = *builtin_catalogue().find("self_care");
  EXPECT_EQ(detail::why_unstaffed(self_care, pilot_dates[1], {}),
            "no presenter has the role psychologist");
  EXPECT_EQ(detail::why_unstaffed(self_care, pilot_dates[1],
                                  {presenter("psykolog", "psychologist", {pilot_dates[1]}),
                                   presenter("koordinator", "service_coordinator")}),
            "no presenter with the role psychologist is free on 2020-01-07");
}

// The order never trades a staffed session for a closer order: the one topic nobody can present
// goes wherever the others leave room.
TEST(staff_sessions, unstaffable_topic_does_not_cost_another_session_its_presenter) {
  std::vector<Presenter> staff{presenter("psykolog", "psychologist", {pilot_dates[1], pilot_dates[2]}),
                               presenter("koordinator", "service_coordinator")};
  // self_care can only be on date 0; rights_benefits_services (no social worker) on none.
  const Staffing staffing =
      staff_sessions(first(3), {"rights_benefits_services", "municipal_services", "self_care"}, staff,
                     builtin_catalogue());
  EXPECT_EQ(staffing.sessions[0].topic, "self_care");
  EXPECT_EQ(staffing.sessions[0].presenter, "psykolog");
  int staffed = 0;
  for (const auto& session : staffing.sessions) staffed += session.presenter ? 1 : 0;
  EXPECT_EQ(staffed, 2);
}

// Of several free presenters of a role, the one with the fewest sessions so far, then the first
// by id: two psychologists take turns, whatever order they are listed in.
TEST(staff_sessions, presenters_of_one_role_take_turns) {
  TopicCatalogue catalogue = builtin_catalogue();
  for (const char* id : {"stress", "sleep"}) {
    Topic topic = *catalogue.find("self_care");
    topic.id = id;
    catalogue.topics.push_back(topic);
  }
  const std::vector<Presenter> staff{presenter("psykolog_b", "psychologist"),
                                     presenter("psykolog_a", "psychologist")};
  const Staffing staffing = staff_sessions(
      pilot_dates, {"self_care", "grief_and_grief_reactions", "stress", "sleep"}, staff, catalogue);
  EXPECT_EQ(presenters_of(staffing), (Topics{"psykolog_a", "psykolog_b", "psykolog_a", "psykolog_b"}));
  EXPECT_EQ(staffing.findings, std::vector<Violation>{});
}

// A presenter who cannot come is skipped, and the turns go on from the sessions actually held.
TEST(staff_sessions, busy_presenter_is_skipped_and_the_turns_go_on) {
  TopicCatalogue catalogue = builtin_catalogue();
  Topic stress = *catalogue.find("self_care");
  stress.id = "stress";
  catalogue.topics.push_back(stress);
  const std::vector<Presenter> staff{presenter("psykolog_a", "psychologist", {pilot_dates[0]}),
                                     presenter("psykolog_b", "psychologist")};
  const Staffing staffing = staff_sessions(
      first(3), {"self_care", "grief_and_grief_reactions", "stress"}, staff, catalogue);
  // Date 0: only b. Date 1: a has 0, b has 1: a. Date 2: 1 each, a by id.
  EXPECT_EQ(presenters_of(staffing), (Topics{"psykolog_b", "psykolog_a", "psykolog_a"}));
}

// Fewer topics than dates: the last sessions have neither topic nor presenter, and nothing is
// reported for them.
TEST(staff_sessions, dates_beyond_the_topics_stay_empty) {
  const Staffing staffing = staff_sessions(pilot_dates, {"self_care"}, full_staff(), builtin_catalogue());
  EXPECT_EQ(topics_of(staffing), (Topics{"self_care", "-", "-", "-"}));
  EXPECT_EQ(presenters_of(staffing), (Topics{"psykolog", "-", "-", "-"}));
  EXPECT_EQ(staffing.findings, std::vector<Violation>{});
}

TEST(staff_sessions, no_dates_and_no_topics_is_an_empty_staffing) {
  EXPECT_EQ(staff_sessions({}, {}, full_staff(), builtin_catalogue()), Staffing{});
}

// DOMAIN C5: a topic is given once, so there cannot be more topics than sessions.
TEST(staff_sessions, more_topics_than_dates_is_a_c5_input_error) {
  const InputError error = input_error([] {
    staff_sessions(first(2), {"self_care", "family_life", "municipal_services"}, full_staff(),
                   builtin_catalogue());
  });
  EXPECT_EQ(error.rule(), "C5");
  EXPECT_EQ(error.message(), "3 topics for 2 sessions; a topic is given once");
}

TEST(staff_sessions, unknown_topic_is_an_input_error) {
  EXPECT_EQ(
      located(input_error([] {
        staff_sessions(first(2), {"self_care", "knitting"}, full_staff(), builtin_catalogue());
      })),
      (Located{"/topics/1", "no topic \"knitting\" in the catalogue"}));
}

// ---------------------------------------------------------------------------------------------
// Property: the assignment is optimal (brute force over every order, n <= 6)

struct Instance {
  std::vector<Date> dates;
  Topics topics;
  std::vector<Presenter> presenters;
};

bool can_present(const Instance& instance, const std::string& topic_id, Date date) {
  const Topic& topic = *builtin_catalogue().find(topic_id);
  return std::any_of(instance.presenters.begin(), instance.presenters.end(), [&](const Presenter& p) {
    return p.role == topic.presenter_role && p.available_on(date);
  });
}

// Topics of five roles, two of them shared by two topics, so presenters compete.
const Topics property_topics{"self_care", "grief_and_grief_reactions", "municipal_services",
                             "planning_adult_life", "family_life", "palliative_care_and_rights",
                             "rights_benefits_services"};
const Topics property_roles{"psychologist", "service_coordinator", "family_therapist",
                            "palliative_care_nurse", "social_worker"};

Instance random_instance(std::mt19937& random) {
  Instance instance;
  const int n = std::uniform_int_distribution<int>(1, 6)(random);
  const int m = std::uniform_int_distribution<int>(0, n)(random);
  for (int d = 0; d < n; ++d) instance.dates.push_back(Date(2020, 1, 7) + boost::gregorian::days(14 * d));
  Topics pool = property_topics;
  std::shuffle(pool.begin(), pool.end(), random);
  instance.topics.assign(pool.begin(), pool.begin() + std::min<int>(m, static_cast<int>(pool.size())));
  std::bernoulli_distribution busy(0.45);
  int next_id = 0;
  for (const auto& role : property_roles) {
    const int count = std::uniform_int_distribution<int>(0, 2)(random);
    for (int p = 0; p < count; ++p) {
      Presenter staff = presenter(numbered("p", next_id++), role);
      for (const Date& date : instance.dates) {
        if (busy(random)) staff.unavailable.push_back(date);
      }
      instance.presenters.push_back(staff);
    }
  }
  return instance;
}

struct Quality {
  int staffed = 0;
  int displacement = 0;
};

// Every order of the topics over the dates: the most sessions staffed, and among those orders
// the least total displacement from the wished order.
Quality brute_force_best(const Instance& instance) {
  std::vector<int> date_of(instance.dates.size());
  std::iota(date_of.begin(), date_of.end(), 0);
  Quality best{-1, 0};
  do {
    Quality quality;
    for (std::size_t t = 0; t < instance.topics.size(); ++t) {
      const int d = date_of[t];
      quality.staffed += can_present(instance, instance.topics[t], instance.dates[static_cast<std::size_t>(d)]);
      quality.displacement += std::abs(d - static_cast<int>(t));
    }
    if (quality.staffed > best.staffed ||
        (quality.staffed == best.staffed && quality.displacement < best.displacement)) {
      best = quality;
    }
  } while (std::next_permutation(date_of.begin(), date_of.end()));
  return best;
}

// The quality of what staff_sessions returned, checking on the way that it is a valid staffing:
// every topic once, every presenter of the topic's role and free that day.
Quality quality_of(const Instance& instance, const Staffing& staffing) {
  Quality quality;
  EXPECT_EQ(staffing.sessions.size(), instance.dates.size());
  for (std::size_t t = 0; t < instance.topics.size(); ++t) {
    int found = -1;
    for (std::size_t d = 0; d < staffing.sessions.size(); ++d) {
      if (staffing.sessions[d].topic == instance.topics[t]) {
        EXPECT_EQ(found, -1) << instance.topics[t] << " placed twice";
        found = static_cast<int>(d);
      }
    }
    EXPECT_NE(found, -1) << instance.topics[t] << " not placed";
    if (found < 0) continue;
    quality.displacement += std::abs(found - static_cast<int>(t));
  }
  for (std::size_t d = 0; d < staffing.sessions.size(); ++d) {
    const SessionStaffing& session = staffing.sessions[d];
    if (!session.presenter) {
      if (session.topic) {
        EXPECT_FALSE(can_present(instance, *session.topic, instance.dates[d]));
      }
      continue;
    }
    ++quality.staffed;
    const Topic& topic = *builtin_catalogue().find(*session.topic);
    auto staff = std::find_if(instance.presenters.begin(), instance.presenters.end(),
                              [&](const Presenter& p) { return p.id == *session.presenter; });
    EXPECT_NE(staff, instance.presenters.end());
    if (staff == instance.presenters.end()) continue;
    EXPECT_EQ(staff->role, topic.presenter_role);
    EXPECT_TRUE(staff->available_on(instance.dates[d]));
  }
  return quality;
}

// DOMAIN C7: as many sessions staffed as any order allows.
TEST(staff_sessions, staffs_as_many_sessions_as_brute_force) {
  std::mt19937 random(20191105);
  for (int round = 0; round < 300; ++round) {
    SCOPED_TRACE(round);
    const Instance instance = random_instance(random);
    const Staffing staffing =
        staff_sessions(instance.dates, instance.topics, instance.presenters, builtin_catalogue());
    EXPECT_EQ(quality_of(instance, staffing).staffed, brute_force_best(instance).staffed);
  }
}

// Among the orders that staff the most sessions, one closest to the wished order.
TEST(staff_sessions, among_best_staffed_orders_displacement_is_minimal) {
  std::mt19937 random(20200107);
  for (int round = 0; round < 300; ++round) {
    SCOPED_TRACE(round);
    const Instance instance = random_instance(random);
    const Staffing staffing =
        staff_sessions(instance.dates, instance.topics, instance.presenters, builtin_catalogue());
    const Quality best = brute_force_best(instance);
    const Quality found = quality_of(instance, staffing);
    ASSERT_EQ(found.staffed, best.staffed);
    EXPECT_EQ(found.displacement, best.displacement);
  }
}

// One C7 warning per unstaffed session with a topic, and a reorder note only when it reordered.
TEST(staff_sessions, findings_match_the_staffing) {
  std::mt19937 random(20200303);
  for (int round = 0; round < 200; ++round) {
    SCOPED_TRACE(round);
    const Instance instance = random_instance(random);
    const Staffing staffing =
        staff_sessions(instance.dates, instance.topics, instance.presenters, builtin_catalogue());
    int unstaffed = 0;
    bool reordered = false;
    for (std::size_t d = 0; d < staffing.sessions.size(); ++d) {
      const auto& session = staffing.sessions[d];
      if (session.topic && !session.presenter) ++unstaffed;
      if (d < instance.topics.size() && session.topic != instance.topics[d]) reordered = true;
    }
    int warnings = 0;
    int notes = 0;
    for (const auto& finding : staffing.findings) {
      EXPECT_EQ(finding.rule, "C7");
      (finding.severity == Severity::warning ? warnings : notes) += 1;
    }
    EXPECT_EQ(warnings, unstaffed);
    EXPECT_EQ(notes, reordered ? 1 : 0);
  }
}

// Property: when the wished order staffs every session, it is kept.
TEST(staff_sessions, wished_order_that_staffs_everything_is_kept) {
  std::mt19937 random(20191203);
  int checked = 0;
  for (int round = 0; round < 400; ++round) {
    const Instance instance = random_instance(random);
    bool all = true;
    for (std::size_t t = 0; t < instance.topics.size(); ++t) {
      all = all && can_present(instance, instance.topics[t], instance.dates[t]);
    }
    if (!all) continue;
    ++checked;
    const Staffing staffing =
        staff_sessions(instance.dates, instance.topics, instance.presenters, builtin_catalogue());
    for (std::size_t t = 0; t < instance.topics.size(); ++t) {
      EXPECT_EQ(staffing.sessions[t].topic, instance.topics[t]) << round;
    }
  }
  EXPECT_GT(checked, 20);
}

}  // namespace
