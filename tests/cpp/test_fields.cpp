// Field tables (paarorende/fields.hpp) as a specification: every member of a struct with a table
// has exactly one entry, under a unique name. A member added to the struct but not to its table
// fails to compile here (the static_asserts) before any reader, check or binding could miss it.
#include <gtest/gtest.h>

#include <cstddef>
#include <set>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>

#include "paarorende/attendance.hpp"
#include "paarorende/error.hpp"
#include "paarorende/fields.hpp"
#include "paarorende/format.hpp"
#include "paarorende/formation.hpp"
#include "paarorende/group.hpp"
#include "paarorende/parallel_offer.hpp"
#include "paarorende/roster.hpp"
#include "paarorende/schedule.hpp"
#include "paarorende/waitlist.hpp"
#include "paarorende/wishes.hpp"

#include <cstdlib>

namespace {

using namespace paarorende;

// Converts to any member type, so T{any, any, ...} compiles for as many initializers as T has
// members and no more (C++20 aggregate initialization; no brace elision, as every member can
// take an `any` whole).
struct Any {
  template <class T>
  [[noreturn]] operator T() const { std::abort(); }  // never called: only in unevaluated braces
};

template <class T, std::size_t... I>
constexpr bool brace_initializable(std::index_sequence<I...>) {
  return requires { T{(void(I), Any{})...}; };
}

/// The number of members of the aggregate T.
template <class T, std::size_t N = 0>
constexpr std::size_t member_count() {
  if constexpr (N < 64 && brace_initializable<T>(std::make_index_sequence<N + 1>{})) {
    return member_count<T, N + 1>();
  } else {
    return N;
  }
}

template <class T>
constexpr std::size_t table_size() {
  return std::tuple_size_v<std::decay_t<decltype(field_table<T>)>>;
}

/// No two entries share a name (JSON fields and Python keywords must be distinct).
template <class T>
bool names_are_unique() {
  std::set<std::string> names;
  std::size_t count = 0;
  for_each_field<T>([&](const auto& entry) {
    names.insert(entry.name);
    ++count;
  });
  return names.size() == count;
}

static_assert(member_count<AttendanceProbabilities>() == 2);  // the counter itself
static_assert(member_count<GroupRules>() == table_size<GroupRules>(),
              "a GroupRules member is missing from its table (group.hpp)");
static_assert(member_count<AttendanceProbabilities>() == table_size<AttendanceProbabilities>(),
              "an AttendanceProbabilities member is missing from its table (attendance.hpp)");
static_assert(member_count<ScheduleRules>() == table_size<ScheduleRules>(),
              "a ScheduleRules member is missing from its table (schedule.hpp)");
static_assert(member_count<ObjectiveWeights>() == table_size<ObjectiveWeights>(),
              "an ObjectiveWeights member is missing from its table (formation.hpp)");
static_assert(member_count<ExactLimits>() == table_size<ExactLimits>(),
              "an ExactLimits member is missing from its table (formation.hpp)");
static_assert(member_count<FormationRules>() == table_size<FormationRules>(),
              "a FormationRules member is missing from its table (formation.hpp)");
static_assert(member_count<TopicRules>() == table_size<TopicRules>(),
              "a TopicRules member is missing from its table (wishes.hpp)");
static_assert(member_count<RosterRules>() == table_size<RosterRules>(),
              "a RosterRules member is missing from its table (roster.hpp)");
static_assert(member_count<StaffingRules>() == table_size<StaffingRules>(),
              "a StaffingRules member is missing from its table (format.hpp)");
static_assert(member_count<ParallelOfferRules>() == table_size<ParallelOfferRules>(),
              "a ParallelOfferRules member is missing from its table (parallel_offer.hpp)");
static_assert(member_count<TravelModel>() == table_size<TravelModel>(),
              "a TravelModel member is missing from its table (waitlist.hpp)");

template <class T>
void expect_complete_table(const char* type) {
  SCOPED_TRACE(type);
  EXPECT_EQ(member_count<T>(), table_size<T>());
  EXPECT_TRUE(names_are_unique<T>());
  for_each_field<T>([&](const auto& entry) {
    EXPECT_NE(entry.doc, nullptr) << entry.name;
    EXPECT_GT(std::string(entry.doc).size(), 0u) << entry.name;
  });
}

TEST(field_tables, have_one_entry_per_member_with_a_unique_name_and_a_docstring) {
  expect_complete_table<GroupRules>("GroupRules");
  expect_complete_table<AttendanceProbabilities>("AttendanceProbabilities");
  expect_complete_table<ScheduleRules>("ScheduleRules");
  expect_complete_table<ObjectiveWeights>("ObjectiveWeights");
  expect_complete_table<ExactLimits>("ExactLimits");
  expect_complete_table<FormationRules>("FormationRules");
  expect_complete_table<TopicRules>("TopicRules");
  expect_complete_table<RosterRules>("RosterRules");
  expect_complete_table<StaffingRules>("StaffingRules");
  expect_complete_table<ParallelOfferRules>("ParallelOfferRules");
  expect_complete_table<TravelModel>("TravelModel");
}

TEST(field_tables, a_range_check_names_the_rule_of_its_entry) {
  Waitlist waitlist;
  waitlist.travel_model.speed_kmh = 300;  // TravelModel's entry: .between(5, 200).rule("C8")
  try {
    check_waitlist(waitlist);
    FAIL() << "no InputError";
  } catch (const InputError& error) {
    EXPECT_EQ(error.where(), "/travel_model/speed_kmh");
    EXPECT_EQ(error.message(), "must be between 5 and 200");
    EXPECT_EQ(error.rule(), "C8");
  }
  RosterRules rules;  // an entry without .rule(): a matter of form
  rules.children_per_adult = 101;
  try {
    check_roster(Roster{rules, {}, {}});
    FAIL() << "no InputError";
  } catch (const InputError& error) {
    EXPECT_EQ(error.where(), "/rules/children_per_adult");
    EXPECT_EQ(error.message(), "must be between 0 and 100, got 101");
    EXPECT_EQ(error.rule(), "");
  }
}

TEST(field_tables, a_bound_from_another_field_is_found_by_its_member) {
  EXPECT_STREQ(field_name<GroupRules>(&GroupRules::min_participants), "min_participants");
  EXPECT_EQ(field_name<GroupRules>(&GroupRules::behavioural_own_group),
            std::string("behavioural_own_group"));
}

}  // namespace
