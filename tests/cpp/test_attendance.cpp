// The attendance model as a specification (DOMAIN G4, G5): the number of participants present at
// a session has an exact distribution, checked against brute-force enumeration and closed forms;
// the pilot's figures give the defaults; a municipality fits its own from records; and
// households_needed answers "how many must we enrol?" with the least number that is enough.
#include <gtest/gtest.h>

#include "fixtures.hpp"

#include <atomic>
#include <cmath>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <limits>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "paarorende/attendance.hpp"
#include "paarorende/error.hpp"
#include "paarorende/group.hpp"
#include "paarorende/json.hpp"

namespace {

using namespace paarorende;
using namespace paarorende::test_support;
namespace fs = std::filesystem;
using Units = std::vector<AttendanceUnit>;
using Records = std::vector<AttendanceRecord>;

// The probability that a household brings 0, 1 or 2 participants.
double outcome_probability(const AttendanceUnit& unit, int present) {
  const double attend = unit.probabilities.attend;
  const double both = unit.caregivers == 2 ? unit.probabilities.both : 0.0;
  if (present == 0) return 1.0 - attend;
  if (present == 1) return attend * (1.0 - both);
  return unit.caregivers == 2 ? attend * both : 0.0;
}

// Every one of the 3^n outcomes of n households, each weighted by its probability: the
// definition the convolution must agree with.
std::vector<double> brute_force(const Units& units) {
  int max_present = 0;
  for (const auto& unit : units) max_present += unit.caregivers;
  std::vector<double> probability(static_cast<std::size_t>(max_present) + 1, 0.0);
  std::size_t outcomes = 1;
  for (std::size_t i = 0; i < units.size(); ++i) outcomes *= 3;
  for (std::size_t code = 0; code < outcomes; ++code) {
    double p = 1.0;
    int present = 0;
    std::size_t rest = code;
    for (const auto& unit : units) {
      const int k = static_cast<int>(rest % 3);
      rest /= 3;
      p *= outcome_probability(unit, k);
      present += k;
    }
    if (p > 0.0) probability[static_cast<std::size_t>(present)] += p;
  }
  return probability;
}

double binomial(int n, int k, double p) {
  double coefficient = 1.0;
  for (int i = 1; i <= k; ++i) coefficient = coefficient * (n - k + i) / i;
  return coefficient * std::pow(p, k) * std::pow(1.0 - p, n - k);
}

// E[X] = attend * (1 + both) and E[X^2] = attend * (1 + 3 both) for one household (both = 0 for
// a single caregiver); households are independent, so means and variances add.
double closed_form_mean(const Units& units) {
  double mean = 0.0;
  for (const auto& unit : units) {
    const double both = unit.caregivers == 2 ? unit.probabilities.both : 0.0;
    mean += unit.probabilities.attend * (1.0 + both);
  }
  return mean;
}

double closed_form_variance(const Units& units) {
  double variance = 0.0;
  for (const auto& unit : units) {
    const double a = unit.probabilities.attend;
    const double b = unit.caregivers == 2 ? unit.probabilities.both : 0.0;
    variance += a * (1.0 + 3.0 * b) - a * a * (1.0 + b) * (1.0 + b);
  }
  return variance;
}

// Small random groups with a fixed seed: 1 and 2 caregivers mixed, probabilities anywhere in
// [0, 1] and now and then exactly 0 or 1 (the edges where whole outcomes vanish).
std::vector<Units> random_groups(int count, int max_households) {
  std::mt19937 rng(20191105);
  std::uniform_int_distribution<int> size(0, max_households);
  std::uniform_int_distribution<int> caregivers(1, 2);
  std::uniform_real_distribution<double> uniform(0.0, 1.0);
  auto probability = [&] {
    const double u = uniform(rng);
    if (u < 0.1) return 0.0;
    if (u < 0.2) return 1.0;
    return uniform(rng);
  };
  std::vector<Units> groups;
  for (int g = 0; g < count; ++g) {
    Units units(static_cast<std::size_t>(size(rng)));
    for (auto& unit : units) {
      unit.caregivers = caregivers(rng);
      unit.probabilities.attend = probability();
      unit.probabilities.both = probability();
    }
    groups.push_back(units);
  }
  return groups;
}

Units alike(int n, AttendanceUnit unit) { return Units(static_cast<std::size_t>(n), unit); }

// ---------------------------------------------------------------------------------------------
// DOMAIN G5: the pilot's figures

TEST(attendance_pilot, defaults_are_thirteen_of_twenty_and_even_odds_for_both) {
  // DOMAIN G5: 5 couples x 4 sessions = 20 household-sessions offered; one couple came to 1, the
  // other four to 3 each: 1 + 4 * 3 = 13 attended, so attend = 13 / 20 = 0.65. The report does not
  // say how often both parents came: 0.5.
  EXPECT_EQ(pilot_attendance(), (AttendanceProbabilities{0.65, 0.5}));
  EXPECT_EQ(AttendanceProbabilities{}, pilot_attendance());
}

TEST(attendance_pilot, five_couples_bring_4_875_on_average_and_five_or_more_with_p_0_577) {
  // Each couple brings 0, 1, 2 with probabilities 0.35, 0.65 * 0.5, 0.65 * 0.5 = (14, 13, 13) / 40,
  // so the distribution is the coefficients of (14 + 13x + 13x^2)^5 / 40^5, worked exactly:
  const double expected[] = {16807.0 / 3200000,     31213.0 / 1280000,  4459.0 / 64000,
                             339521.0 / 2560000,    1955499.0 / 10240000, 21286733.0 / 102400000,
                             3631641.0 / 20480000,  1171001.0 / 10240000, 28561.0 / 512000,
                             371293.0 / 20480000,   371293.0 / 102400000};
  const GroupDocument pilot = load_group(source_dir / "examples/sandefjord_pilot/group.json");
  const AttendanceDistribution distribution =
      attendance_distribution(attendance_units(pilot.group, pilot.rules));
  ASSERT_EQ(distribution.max_present(), 10);
  for (int k = 0; k <= 10; ++k) {
    EXPECT_NEAR(distribution.probability[static_cast<std::size_t>(k)], expected[k], 1e-15) << k;
  }
  EXPECT_NEAR(distribution.mean(), 4.875, 1e-12);  // 5 * 0.65 * (1 + 0.5)
  // 59094906 / 102400000: not much better than a coin toss (DOMAIN G4).
  EXPECT_NEAR(distribution.at_least(5), 0.57709869140625, 1e-14);
}

// ---------------------------------------------------------------------------------------------
// DOMAIN G4: the exact distribution

TEST(attendance_distribution, nobody_enrolled_means_nobody_present) {
  const AttendanceDistribution distribution = attendance_distribution({});
  EXPECT_EQ(distribution.probability, std::vector<double>{1.0});
  EXPECT_EQ(distribution.max_present(), 0);
  EXPECT_EQ(distribution.mean(), 0.0);
  EXPECT_EQ(distribution.at_least(1), 0.0);
}

TEST(attendance_distribution, one_couple_by_hand) {
  // attend 0.8, both 0.25: nobody 0.2, one 0.8 * 0.75 = 0.6, both 0.8 * 0.25 = 0.2.
  const AttendanceDistribution distribution = attendance_distribution({{2, {0.8, 0.25}}});
  ASSERT_EQ(distribution.probability.size(), 3u);
  EXPECT_NEAR(distribution.probability[0], 0.2, 1e-15);
  EXPECT_NEAR(distribution.probability[1], 0.6, 1e-15);
  EXPECT_NEAR(distribution.probability[2], 0.2, 1e-15);
}

TEST(attendance_distribution, a_single_caregiver_never_brings_two_whatever_both_says) {
  const AttendanceDistribution distribution = attendance_distribution({{1, {0.25, 1.0}}});
  EXPECT_EQ(distribution.probability, (std::vector<double>{0.75, 0.25}));
}

TEST(attendance_distribution, a_couple_and_a_single_caregiver_by_hand) {
  // Couple (0.5, 0.5): 0, 1, 2 with 1/2, 1/4, 1/4. Single (0.5): 0, 1 with 1/2, 1/2.
  // Together: P(0) = 1/4, P(1) = 1/4 + 1/8 = 3/8, P(2) = 1/8 + 1/8 = 1/4, P(3) = 1/8.
  const AttendanceDistribution distribution = attendance_distribution({{2, {0.5, 0.5}}, {1, {0.5, 0.5}}});
  EXPECT_EQ(distribution.probability, (std::vector<double>{0.25, 0.375, 0.25, 0.125}));
  EXPECT_EQ(distribution.mean(), 1.25);
  EXPECT_EQ(distribution.at_least(2), 0.375);
}

TEST(attendance_distribution, agrees_with_brute_force_enumeration_of_every_outcome) {
  for (const Units& units : random_groups(300, 7)) {
    const std::vector<double> expected = brute_force(units);
    const AttendanceDistribution distribution = attendance_distribution(units);
    ASSERT_EQ(distribution.probability.size(), expected.size());
    for (std::size_t k = 0; k < expected.size(); ++k) {
      EXPECT_NEAR(distribution.probability[k], expected[k], 1e-12) << "households " << units.size() << ", k " << k;
    }
  }
}

TEST(attendance_distribution, single_caregivers_alike_are_binomial) {
  for (const double p : {0.0, 0.1, 0.5, 0.65, 0.93, 1.0}) {
    for (const int n : {1, 4, 9, 20}) {
      const AttendanceDistribution distribution = attendance_distribution(alike(n, {1, {p, 0.7}}));
      ASSERT_EQ(distribution.max_present(), n);
      for (int k = 0; k <= n; ++k) {
        EXPECT_NEAR(distribution.probability[static_cast<std::size_t>(k)], binomial(n, k, p), 1e-12)
            << "n " << n << ", p " << p << ", k " << k;
      }
    }
  }
}

TEST(attendance_distribution, couples_who_always_come_together_are_twice_a_binomial) {
  for (const double p : {0.0, 0.3, 0.65, 1.0}) {
    for (const int n : {1, 5, 12}) {
      const AttendanceDistribution distribution = attendance_distribution(alike(n, {2, {p, 1.0}}));
      ASSERT_EQ(distribution.max_present(), 2 * n);
      for (int k = 0; k <= 2 * n; ++k) {
        const double expected = k % 2 == 1 ? 0.0 : binomial(n, k / 2, p);
        EXPECT_NEAR(distribution.probability[static_cast<std::size_t>(k)], expected, 1e-12)
            << "n " << n << ", p " << p << ", k " << k;
      }
    }
  }
}

TEST(attendance_distribution, couples_who_never_come_together_are_binomial) {
  for (const double p : {0.0, 0.3, 0.65, 1.0}) {
    for (const int n : {1, 5, 12}) {
      const AttendanceDistribution distribution = attendance_distribution(alike(n, {2, {p, 0.0}}));
      ASSERT_EQ(distribution.max_present(), 2 * n);  // two enrolled each, though never both present
      for (int k = 0; k <= 2 * n; ++k) {
        const double expected = k <= n ? binomial(n, k, p) : 0.0;
        EXPECT_NEAR(distribution.probability[static_cast<std::size_t>(k)], expected, 1e-12)
            << "n " << n << ", p " << p << ", k " << k;
      }
    }
  }
}

TEST(attendance_distribution, mean_and_variance_follow_the_closed_forms) {
  for (const Units& units : random_groups(200, 30)) {
    const AttendanceDistribution distribution = attendance_distribution(units);
    EXPECT_NEAR(distribution.mean(), closed_form_mean(units), 1e-10);
    EXPECT_NEAR(distribution.variance(), closed_form_variance(units), 1e-10);
  }
}

TEST(attendance_distribution, probabilities_are_nonnegative_and_sum_to_one) {
  for (const Units& units : random_groups(200, 30)) {
    const AttendanceDistribution distribution = attendance_distribution(units);
    double sum = 0.0;
    for (const double p : distribution.probability) {
      EXPECT_GE(p, 0.0);
      sum += p;
    }
    EXPECT_NEAR(sum, 1.0, 1e-12);
  }
}

TEST(attendance_distribution, at_least_falls_from_one_to_zero) {
  for (const Units& units : random_groups(100, 30)) {
    const AttendanceDistribution distribution = attendance_distribution(units);
    const int max = distribution.max_present();
    EXPECT_EQ(distribution.at_least(0), 1.0);
    EXPECT_EQ(distribution.at_least(-3), 1.0);
    EXPECT_EQ(distribution.at_least(max + 1), 0.0);
    EXPECT_EQ(distribution.at_least(max + 100), 0.0);
    for (int k = 1; k <= max + 1; ++k) {
      EXPECT_LE(distribution.at_least(k), distribution.at_least(k - 1)) << k;
    }
    if (max >= 1) {
      EXPECT_NEAR(distribution.at_least(1), 1.0 - distribution.probability[0], 1e-12);
    }
  }
}

TEST(attendance_distribution, five_thousand_households_lose_nothing_to_the_negligible_tails) {
  // The far tails fall below 1e-300 and are dropped; what is dropped is far below any tolerance.
  Units units;
  for (int i = 0; i < 5000; ++i) {
    units.push_back(i % 3 == 0 ? AttendanceUnit{1, {0.8, 0.5}} : AttendanceUnit{2, pilot_attendance()});
  }
  const AttendanceDistribution distribution = attendance_distribution(units);
  ASSERT_EQ(distribution.max_present(), 1667 + 2 * 3333);
  double sum = 0.0;
  for (const double p : distribution.probability) sum += p;
  EXPECT_NEAR(sum, 1.0, 1e-9);
  EXPECT_NEAR(distribution.mean(), closed_form_mean(units), 1e-9);
  EXPECT_NEAR(distribution.variance(), closed_form_variance(units), 1e-6);
  EXPECT_EQ(distribution.probability[0], 0.0);  // 0.2^1667 * 0.35^3333 underflows
  EXPECT_NEAR(distribution.at_least(100), 1.0, 1e-12);
}

TEST(attendance_distribution, a_probability_above_one_is_located) {
  Units units = alike(4, {2, pilot_attendance()});
  units[2].probabilities.attend = 1.5;
  const InputError error = input_error([&] { attendance_distribution(units); });
  EXPECT_EQ(located(error), (Located{"/households/2/attendance/attend",
                                     "a probability is between 0 and 1, got 1.5"}));
  EXPECT_EQ(error.rule(), "G4");
}

TEST(attendance_distribution, a_tiny_negative_probability_is_not_shown_as_zero) {
  Units units = alike(4, {2, pilot_attendance()});
  units[2].probabilities.attend = -1e-9;
  EXPECT_EQ(
      located(input_error([&] { attendance_distribution(units); })),
      (Located{"/households/2/attendance/attend", "a probability is between 0 and 1, got -1e-09"}));
}

TEST(attendance_distribution, a_nan_probability_is_located) {
  Units units = alike(4, {2, pilot_attendance()});
  units[1].probabilities.both = std::numeric_limits<double>::quiet_NaN();
  EXPECT_EQ(
      located(input_error([&] { attendance_distribution(units); })),
      (Located{"/households/1/attendance/both", "a probability is between 0 and 1, got nan"}));
}

TEST(attendance_distribution, three_caregivers_are_an_input_error) {
  Units units = alike(4, {2, pilot_attendance()});
  units[2].caregivers = 3;
  EXPECT_EQ(located(input_error([&] { attendance_distribution(units); })),
            (Located{"/households/2/caregivers", "a household enrols 1 or 2 caregivers, got 3"}));
}

TEST(attendance_distribution, no_caregivers_are_an_input_error) {
  Units units = alike(2, {1, pilot_attendance()});
  units[0].caregivers = 0;
  EXPECT_EQ(located(input_error([&] { attendance_distribution(units); })),
            (Located{"/households/0/caregivers", "a household enrols 1 or 2 caregivers, got 0"}));
}

TEST(attendance_json, the_distribution_writes_its_figures) {
  // One single caregiver at 0.25: P(0) = 0.75, P(1) = 0.25, mean 0.25, variance 0.25 * 0.75.
  EXPECT_EQ(to_json(attendance_distribution({{1, {0.25, 0.5}}})), parse_json(R"({
      "max_present": 1, "mean": 0.25, "variance": 0.1875,
      "distribution": [{"present": 0, "probability": 0.75}, {"present": 1, "probability": 0.25}],
      "at_least": [{"present": 1, "probability": 0.25}]})"));
  EXPECT_EQ(to_json(AttendanceProbabilities{0.65, 0.5}), parse_json(R"({"attend": 0.65, "both": 0.5})"));
}

// ---------------------------------------------------------------------------------------------
// DOMAIN G5, E2: fitting a municipality's own probabilities

// Two households, five household-sessions:
//   couple   c: session 1 both (2), session 2 one (1), session 3 both (2)
//   single   s: session 1 came (1), session 2 away (0)
// attended 4 of 5 -> attend 0.8; the couple came 3 times, both of them twice -> both 2/3.
Records hand_worked_records() {
  return {{"c", 1, 2, 2}, {"c", 2, 1, 2}, {"c", 3, 2, 2}, {"s", 1, 1, 1}, {"s", 2, 0, 1}};
}

TEST(attendance_fit, hand_worked_records) {
  const AttendanceProbabilities fitted = fit_attendance(hand_worked_records());
  EXPECT_DOUBLE_EQ(fitted.attend, 4.0 / 5.0);
  EXPECT_DOUBLE_EQ(fitted.both, 2.0 / 3.0);
}

TEST(attendance_fit, a_single_caregivers_session_does_not_count_towards_both) {
  // A single caregiver who came (s, session 1) can never bring two: only the couple's 3 count.
  Records records = hand_worked_records();
  records.push_back({"t", 1, 1, 1});
  const AttendanceProbabilities fitted = fit_attendance(records);
  EXPECT_DOUBLE_EQ(fitted.attend, 5.0 / 6.0);
  EXPECT_DOUBLE_EQ(fitted.both, 2.0 / 3.0);
}

TEST(attendance_fit, both_is_the_priors_when_no_couple_ever_came) {
  const Records records{{"s", 1, 1, 1}, {"c", 1, 0, 2}};
  EXPECT_EQ(fit_attendance(records, {0.65, 0.3}), (AttendanceProbabilities{0.5, 0.3}));
}

TEST(attendance_fit, a_prior_weight_adds_pseudo_sessions_of_the_prior) {
  // (x + w * prior) / (n + w): attend (4 + 4 * 0.65) / (5 + 4) = 6.6 / 9, both (2 + 4 * 0.5) / (3 + 4) = 4 / 7.
  const AttendanceProbabilities fitted = fit_attendance(hand_worked_records(), pilot_attendance(), 4.0);
  EXPECT_DOUBLE_EQ(fitted.attend, 6.6 / 9.0);
  EXPECT_DOUBLE_EQ(fitted.both, 4.0 / 7.0);
}

TEST(attendance_fit, the_prior_weight_shrinks_the_fit_towards_the_prior_as_it_grows) {
  const AttendanceProbabilities prior{0.3, 0.9};
  for (const double w : {0.0, 0.5, 1.0, 2.0, 10.0, 1000.0}) {
    const AttendanceProbabilities fitted = fit_attendance(hand_worked_records(), prior, w);
    EXPECT_DOUBLE_EQ(fitted.attend, (4.0 + w * prior.attend) / (5.0 + w)) << w;
    EXPECT_DOUBLE_EQ(fitted.both, (2.0 + w * prior.both) / (3.0 + w)) << w;
  }
  const AttendanceProbabilities far = fit_attendance(hand_worked_records(), prior, 1e9);
  EXPECT_NEAR(far.attend, prior.attend, 1e-8);
  EXPECT_NEAR(far.both, prior.both, 1e-8);
}

TEST(attendance_fit, the_pilot_records_give_thirteen_of_twenty) {
  // DOMAIN G5: 13 of 20 household-sessions attended; in the example's illustrative split both
  // parents came to 7 of those 13 (h01 2, h02 2, h03 1, h04 2, h05 0).
  const AttendanceRecords pilot = load_attendance_records(source_dir / "examples/sandefjord_pilot/attendance.json");
  ASSERT_EQ(pilot.records.size(), 20u);
  EXPECT_EQ(pilot.records[0], (AttendanceRecord{"h01", 1, 2, 2}));
  EXPECT_EQ(pilot.prior_weight, 0.0);
  const AttendanceProbabilities fitted = fit_attendance(pilot.records, pilot.prior, pilot.prior_weight);
  EXPECT_DOUBLE_EQ(fitted.attend, 0.65);
  EXPECT_DOUBLE_EQ(fitted.attend, pilot_attendance().attend);
  EXPECT_DOUBLE_EQ(fitted.both, 7.0 / 13.0);
}

TEST(attendance_fit, no_records_are_an_input_error) {
  const InputError error = input_error([] { fit_attendance({}); });
  EXPECT_EQ(located(error), (Located{"/records", "no attendance records to fit"}));
  EXPECT_EQ(error.rule(), "G5");
}

TEST(attendance_fit, more_present_than_enrolled_is_an_input_error) {
  Records records = hand_worked_records();
  records[3].present = 2;  // the single caregiver
  EXPECT_EQ(located(input_error([&] { fit_attendance(records); })),
            (Located{"/records/3/present", "present is 0 to 1, got 2"}));
}

TEST(attendance_fit, a_negative_count_present_is_an_input_error) {
  Records records = hand_worked_records();
  records[0].present = -1;
  EXPECT_EQ(located(input_error([&] { fit_attendance(records); })),
            (Located{"/records/0/present", "present is 0 to 2, got -1"}));
}

TEST(attendance_fit, a_household_and_session_recorded_twice_is_an_input_error) {
  Records records = hand_worked_records();
  records.push_back({"c", 2, 2, 2});
  EXPECT_EQ(
      located(input_error([&] { fit_attendance(records); })),
      (Located{"/records/5", "household \"c\" session 2 is recorded twice (also /records/1)"}));
}

TEST(attendance_fit, three_caregivers_and_session_zero_are_input_errors) {
  Records records = hand_worked_records();
  records[2].caregivers = 3;
  EXPECT_EQ(located(input_error([&] { fit_attendance(records); })),
            (Located{"/records/2/caregivers", "a household enrols 1 or 2 caregivers"}));
  records = hand_worked_records();
  records[4].session = 0;
  EXPECT_EQ(located(input_error([&] { fit_attendance(records); })),
            (Located{"/records/4/session", "sessions are numbered from 1"}));
}

TEST(attendance_fit, a_bad_prior_is_an_input_error) {
  const InputError prior = input_error([] { fit_attendance(hand_worked_records(), {1.2, 0.5}); });
  EXPECT_EQ(located(prior),
            (Located{"/prior/attend", "a probability is between 0 and 1, got 1.2"}));
  EXPECT_EQ(
      located(input_error([] { fit_attendance(hand_worked_records(), pilot_attendance(), -1.0); })),
      (Located{"/prior_weight", "the prior weight is a number of sessions, 0 or more"}));
  const InputError infinite = input_error([] {
    fit_attendance(hand_worked_records(), pilot_attendance(), std::numeric_limits<double>::infinity());
  });
  EXPECT_EQ(infinite.where(), "/prior_weight");
}

// ---------------------------------------------------------------------------------------------
// The records document (docs/attendance.md)

InputError records_error(const std::string& text) {
  return input_error([&] { attendance_records_from_json(parse_json(text)); });
}

TEST(attendance_json, records_read_with_two_caregivers_by_default_and_a_prior) {
  const AttendanceRecords read = attendance_records_from_json(parse_json(R"({
      "records": [{"household": "c", "session": 1, "present": 2},
                  {"household": "s", "session": 1, "present": 0, "caregivers": 1}],
      "prior": {"attend": 0.7}, "prior_weight": 2.5})"));
  EXPECT_EQ(read.records, (Records{{"c", 1, 2, 2}, {"s", 1, 0, 1}}));
  EXPECT_EQ(read.prior, (AttendanceProbabilities{0.7, 0.5}));
  EXPECT_EQ(read.prior_weight, 2.5);
}

TEST(attendance_json, more_present_than_enrolled_is_located_in_the_records) {
  EXPECT_EQ(located(records_error(R"({"records": [
      {"household": "c", "session": 1, "present": 2},
      {"household": "s", "session": 1, "present": 2, "caregivers": 1}]})")),
            (Located{"/records/1/present", "present is 0 to 1, got 2"}));
}

TEST(attendance_json, a_record_given_twice_is_located) {
  EXPECT_EQ(
      located(records_error(R"({"records": [
      {"household": "c", "session": 1, "present": 2},
      {"household": "c", "session": 1, "present": 1}]})")),
      (Located{"/records/1", "household \"c\" session 1 is recorded twice (also /records/0)"}));
}

TEST(attendance_json, no_records_is_an_input_error) {
  EXPECT_EQ(located(records_error(R"({"records": []})")),
            (Located{"/records", "no attendance records to fit"}));
}

TEST(attendance_json, an_unknown_field_in_a_record_is_an_input_error) {
  EXPECT_EQ(located(records_error(
                R"({"records": [{"household": "c", "session": 1, "present": 2, "name": "Ola"}]})")),
            (Located{"/records/0/name", "unknown field \"name\""}));
}

TEST(attendance_json, a_prior_out_of_range_is_located) {
  EXPECT_EQ(
      located(records_error(
          R"({"records": [{"household": "c", "session": 1, "present": 2}], "prior": {"both": -0.5}})")),
      (Located{"/prior/both", "must be between 0 and 1, got -0.5"}));
}

TEST(attendance_json, a_negative_prior_weight_is_an_input_error) {
  EXPECT_EQ(
      located(records_error(
          R"({"records": [{"household": "c", "session": 1, "present": 2}], "prior_weight": -1})")),
      (Located{"/prior_weight", "a number of pseudo-sessions, 0 to 1000000"}));
}

TEST(attendance_json, load_attendance_records_locates_errors_in_the_file) {
  const TempDir dir;
  const fs::path file = dir.write("records.json", R"({"records": [{"household": "c", "session": 0, "present": 2}]})");
  const InputError error = input_error([&] { load_attendance_records(file); });
  EXPECT_EQ(error.where(), file.string() + ":/records/0/session");
}

// ---------------------------------------------------------------------------------------------
// DOMAIN G4: how many households to enrol

// P(at least `present` present) with n households like `unit`.
double at_least_with(int n, const AttendanceUnit& unit, int present) {
  return attendance_distribution(alike(n, unit)).at_least(present);
}

TEST(attendance_households_needed, two_single_caregivers_at_even_odds_give_one_present_three_times_in_four) {
  // P(at least 1 of n) = 1 - 0.5^n: 0.5 with one household, 0.75 with two.
  const AttendanceUnit unit{1, {0.5, 0.5}};
  EXPECT_EQ(households_needed(1, 0.75, unit), 2);
  EXPECT_EQ(households_needed(1, 0.5, unit), 1);
  EXPECT_EQ(households_needed(1, 0.76, unit), 3);
}

TEST(attendance_households_needed, seven_pilot_couples_for_five_present_four_times_in_five) {
  // Six couples give 0.744, seven 0.856 (coefficients of (14 + 13x + 13x^2)^n / 40^n).
  EXPECT_EQ(households_needed(5, 0.8), 7);
}

TEST(attendance_households_needed, the_answer_is_the_least_number_that_is_enough) {
  const AttendanceUnit units[] = {{2, pilot_attendance()}, {1, {0.65, 0.5}}, {2, {0.3, 0.9}}, {1, {0.95, 0.5}}};
  for (const AttendanceUnit& unit : units) {
    for (const int present : {1, 4, 5, 9}) {
      for (const double probability : {0.5, 0.8, 0.9, 0.95, 0.99}) {
        const std::optional<int> n = households_needed(present, probability, unit);
        ASSERT_TRUE(n.has_value());
        EXPECT_GE(at_least_with(*n, unit, present), probability) << present << " " << probability;
        ASSERT_GE(*n, 1);
        EXPECT_LT(at_least_with(*n - 1, unit, present), probability) << present << " " << probability;
      }
    }
  }
}

TEST(attendance_households_needed, out_of_reach_when_nobody_comes) {
  EXPECT_EQ(households_needed(1, 0.5, {2, {0.0, 0.5}}), std::nullopt);
}

TEST(attendance_households_needed, out_of_reach_within_the_limit) {
  // Seven pilot couples are needed; five are not enough.
  EXPECT_EQ(households_needed(5, 0.8, {}, 5), std::nullopt);
  EXPECT_EQ(households_needed(5, 0.8, {}, 7), 7);
}

TEST(attendance_households_needed, nothing_asked_needs_nobody) {
  EXPECT_EQ(households_needed(5, 0.0), 0);
  EXPECT_EQ(households_needed(0, 1.0), 0);
  EXPECT_EQ(households_needed(0, 0.9, {2, {0.0, 0.0}}), 0);
}

TEST(attendance_households_needed, bad_arguments_are_input_errors) {
  EXPECT_EQ(located(input_error([] { households_needed(5, 1.5); })),
            (Located{"probability", "a probability is between 0 and 1, got 1.5"}));
  EXPECT_EQ(located(input_error([] { households_needed(-1, 0.8); })),
            (Located{"present", "the number present cannot be negative"}));
  EXPECT_EQ(located(input_error([] { households_needed(5, 0.8, {}, -1); })),
            (Located{"max_households", "max_households is 0 to 100000"}));
  const InputError household = input_error([] { households_needed(5, 0.8, {2, {1.1, 0.5}}); });
  EXPECT_EQ(household.where(), "/households/0/attendance/attend");
  const InputError caregivers = input_error([] { households_needed(5, 0.8, {3, pilot_attendance()}); });
  EXPECT_EQ(caregivers.where(), "/households/0/caregivers");
}

}  // namespace
