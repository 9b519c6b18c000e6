#include "paarorende/family_week.hpp"

#include <algorithm>

#include "detail/input_error.hpp"
#include "detail/plan_texts.hpp"
#include "detail/text.hpp"
#include "paarorende/error.hpp"

namespace paarorende {

namespace {

using boost::gregorian::days;

using boost::posix_time::minutes;

using detail::minutes_of_day;

std::string day_label(int number, Date date) {
  std::string label = "day ";
  label += std::to_string(number);
  label += " (" + iso_date(date) + ")";
  return label;
}

bool is_weekend(Date date) {
  const auto weekday = date.day_of_week().as_number();
  return weekday == boost::date_time::Saturday || weekday == boost::date_time::Sunday;
}

// A block whose title `title(texts, language)` makes from each language's table of texts
// (detail/plan_texts.hpp).
template <class Title>
FamilyBlock block(FamilyBlockKind kind, Date date, ClockTime start, int length,
                  std::optional<std::string> theme, Title title) {
  return FamilyBlock{kind,
                     oslo_time(date, start),
                     oslo_time(date, start + minutes(length)),
                     std::move(theme),
                     title(detail::plan_texts_nb, Language::nb),
                     title(detail::plan_texts_en, Language::en),
                     title(detail::plan_texts_nn, Language::nn)};
}

// A title that is one text of the table.
auto fixed_title(const char* detail::PlanTexts::*text) {
  return [text](const detail::PlanTexts& texts, Language) { return std::string(texts.*text); };
}

int start_minutes(const FamilyBlock& b) { return minutes_of_day(b.start.local_time().time_of_day()); }

int end_minutes(const FamilyBlock& b) { return minutes_of_day(b.end.local_time().time_of_day()); }

// Is [from, to) covered by blocks of `kind` on the day?
bool covered(const FamilyDay& day, FamilyBlockKind kind, int from, int to) {
  int reached = from;
  std::vector<const FamilyBlock*> blocks;
  for (const auto& b : day.blocks) {
    if (b.kind == kind) blocks.push_back(&b);
  }
  std::sort(blocks.begin(), blocks.end(),
            [](const FamilyBlock* a, const FamilyBlock* b) { return start_minutes(*a) < start_minutes(*b); });
  for (const FamilyBlock* b : blocks) {
    if (start_minutes(*b) <= reached && end_minutes(*b) > reached) reached = end_minutes(*b);
  }
  return reached >= to;
}

}  // namespace

const std::string& FamilyBlock::title(Language language) const noexcept {
  return detail::in_language(language, title_nb, title_nn, title_en);
}

Audience FamilyBlock::audience() const noexcept {
  return kind == FamilyBlockKind::children_programme || kind == FamilyBlockKind::childcare
             ? Audience::children
             : Audience::parents;
}

std::vector<std::string> default_family_themes(const TopicCatalogue& catalogue) {
  std::vector<std::string> themes;
  for (const char* source : {"T2", "T5"}) {  // DOMAIN T2: Frambu's themes; T5: meeting peers
    for (const auto& topic : catalogue.topics) {
      if (topic.source == source) themes.push_back(topic.id);
    }
  }
  return themes;
}

FamilyWeekRequest family_week_request(const CourseFormat& format, Date start_date) {
  if (format.kind != FormatKind::family_week) {
    detail::raise_input_error("/format", "format " + detail::quote_input(format.id) + " is a " +
                             std::string(to_string(format.kind)) + ", not a family week");
  }
  FamilyWeekRequest request;
  request.title = format.name_nb;
  request.format = format.id;
  request.start_date = start_date;
  request.days = format.sessions;                  // DOMAIN P2: 5 days
  request.day_start = format.earliest_start;
  request.half_day_minutes = format.session_minutes;
  for (const auto& b : format.agenda) {
    if (b.kind == "lunch") request.lunch_minutes = b.minutes;
    if (b.kind == "parents_evening") {
      request.evening_minutes = b.minutes;
      request.evening_start = format.latest_end - minutes(b.minutes);
    }
  }
  if (format.min_age) request.min_age = *format.min_age;  // DOMAIN P2: 0-4
  if (format.max_age) request.max_age = *format.max_age;
  return request;
}

void check_family_week_request(const FamilyWeekRequest& request) {
  detail::require(!request.start_date.is_special(), "/start_date", "a family week needs its start date");
  detail::require(request.start_date.year() >= first_supported_year &&
              request.start_date.year() < last_supported_year,
          "/start_date", "the start date must lie within the supported years");
  detail::require(request.days >= 1 && request.days <= 10, "/days", detail::range_message(1, 10, request.days));
  detail::require(request.half_day_minutes >= 30 && request.half_day_minutes <= 300, "/half_day_minutes",
          detail::range_message(30, 300, request.half_day_minutes));
  detail::require(request.lunch_minutes >= 0 && request.lunch_minutes <= 120, "/lunch_minutes",
          detail::range_message(0, 120, request.lunch_minutes));
  detail::require(request.evening_minutes >= 30 && request.evening_minutes <= 240, "/evening_minutes",
          detail::range_message(30, 240, request.evening_minutes));
  const int daytime_end = minutes_of_day(request.day_start) + 2 * request.half_day_minutes +
                          request.lunch_minutes;
  detail::require(daytime_end <= minutes_of_day(request.evening_start), "/evening_start",
          "the evening must begin after the daytime programme ends (" +
              clock_time(minutes(std::min(daytime_end, 24 * 60 - 1))) + ")", detail::Rule{"P2"});
  detail::require(minutes_of_day(request.evening_start) + request.evening_minutes <= 24 * 60, "/evening_minutes",
          "the evening must end by midnight");
  detail::require(request.min_age >= 0 && request.max_age >= request.min_age && request.max_age <= 25,
          "/max_age", detail::range_message(request.min_age, 25, request.max_age));
  for (std::size_t i = 0; i < request.children_ages.size(); ++i) {
    detail::require(request.children_ages[i] >= 0 && request.children_ages[i] <= 25,
            "/children_ages/" + std::to_string(i), detail::range_message(0, 25, request.children_ages[i]));
  }
  const std::vector<std::string> themes =
      request.themes.empty() ? default_family_themes(request.topics()) : request.themes;
  detail::require(static_cast<int>(themes.size()) >= request.days, "/themes",
          "give a theme for each of the " + std::to_string(request.days) + " days, got " +
              std::to_string(themes.size()), detail::Rule{"P2"});
  for (std::size_t i = 0; i < request.themes.size(); ++i) {
    detail::require(request.topics().find(request.themes[i]) != nullptr, "/themes/" + std::to_string(i),
            "no topic " + detail::quote_input(request.themes[i]) + " in the catalogue");
  }
}

FamilyWeekPlan plan_family_week(const FamilyWeekRequest& request) {
  check_family_week_request(request);
  const std::vector<std::string> themes =
      request.themes.empty() ? default_family_themes(request.topics()) : request.themes;
  FamilyWeekPlan plan;
  plan.request = request;
  const ClockTime morning = request.day_start;
  const ClockTime lunch = morning + minutes(request.half_day_minutes);
  const ClockTime afternoon = lunch + minutes(request.lunch_minutes);
  for (int d = 0; d < request.days; ++d) {
    const Date date = request.start_date + days(d);
    const int number = d + 1;
    // DOMAIN P2: consecutive days at the centre; refuse weekends and public holidays (X1).
    if (is_weekend(date)) {
      throw ImpossibleRequest("P2", day_label(number, date) + " is a " +
                                        (date.day_of_week().as_number() == boost::date_time::Saturday
                                             ? std::string("Saturday")
                                             : std::string("Sunday")) +
                                        "; the " + std::to_string(request.days) +
                                        " days must be consecutive weekdays",
                              "/start_date");
    }
    if (auto holiday = public_holiday_on(date)) {
      throw ImpossibleRequest("X1", day_label(number, date) + " is a public holiday (" +
                                        holiday->name_nb + "); choose another start date",
                              "/start_date");
    }
    const std::string& theme = themes[static_cast<std::size_t>(d)];
    const Topic* topic = request.topics().find(theme);
    // The day's theme after a table's text ("Undervisning: " + the theme). A topic without a
    // nynorsk title leaves the nynorsk title empty, for a nynorsk calendar to refuse.
    auto on_theme = [&](const char* detail::PlanTexts::*text) {
      return [&, text](const detail::PlanTexts& texts, Language language) {
        const std::string& title = topic ? topic->title(language) : theme;
        return title.empty() ? std::string() : texts.*text + title;
      };
    };
    const bool teaching_morning = (d % 2 == 0) == request.teaching_first_morning;  // alternate
    const bool last = number == request.days && request.days > 1;
    FamilyDay day{number, date, {}};
    const ClockTime teaching_at = teaching_morning ? morning : afternoon;
    const ClockTime other_at = teaching_morning ? afternoon : morning;
    day.blocks.push_back(block(FamilyBlockKind::teaching, date, teaching_at, request.half_day_minutes,
                               theme, on_theme(&detail::PlanTexts::teaching)));
    if (last) {
      // DOMAIN P2: the staff who observed the children talk with the parents afterwards.
      day.blocks.push_back(block(FamilyBlockKind::observation_talk, date, other_at,
                                 request.half_day_minutes, std::nullopt,
                                 fixed_title(&detail::PlanTexts::observation_talk)));
    } else {
      day.blocks.push_back(block(FamilyBlockKind::parents_group, date, other_at,
                                 request.half_day_minutes, theme,
                                 on_theme(&detail::PlanTexts::parents_group)));
    }
    if (request.lunch_minutes > 0) {
      day.blocks.push_back(block(FamilyBlockKind::lunch, date, lunch, request.lunch_minutes,
                                 std::nullopt, fixed_title(&detail::PlanTexts::lunch)));
    }
    // DOMAIN P2: the children's day, with pedagogical staff who observe them.
    day.blocks.push_back(block(FamilyBlockKind::children_programme, date, morning,
                               2 * request.half_day_minutes + request.lunch_minutes, std::nullopt,
                               fixed_title(&detail::PlanTexts::children_programme)));
    if (!last || request.days == 1) {
      // DOMAIN P2: the parents' evening, with childcare.
      day.blocks.push_back(block(FamilyBlockKind::parents_evening, date, request.evening_start,
                                 request.evening_minutes, std::nullopt,
                                 fixed_title(&detail::PlanTexts::parents_evening)));
      day.blocks.push_back(block(FamilyBlockKind::childcare, date, request.evening_start,
                                 request.evening_minutes, std::nullopt,
                                 fixed_title(&detail::PlanTexts::childcare)));
    }
    std::stable_sort(day.blocks.begin(), day.blocks.end(),
                     [](const FamilyBlock& a, const FamilyBlock& b) { return start_minutes(a) < start_minutes(b); });
    plan.days.push_back(std::move(day));
  }
  plan.findings = validate(plan);
  return plan;
}

std::vector<Violation> validate(const FamilyWeekPlan& plan) {
  const FamilyWeekRequest& request = plan.request;
  std::vector<Violation> found;
  auto add = [&found](const char* rule, Severity severity, std::string message,
                      std::optional<int> day = std::nullopt) {
    found.push_back({rule, severity, std::move(message), day});
  };
  if (static_cast<int>(plan.days.size()) != request.days) {
    add("P2", Severity::warning,
        "the plan has " + std::to_string(plan.days.size()) + " days; the request asks for " +
            std::to_string(request.days));
  }
  const int morning = minutes_of_day(request.day_start);
  const int noon = morning + request.half_day_minutes;
  const int afternoon = noon + request.lunch_minutes;
  const int daytime_end = afternoon + request.half_day_minutes;
  std::optional<bool> previous_morning;
  bool any_talk = false;
  std::vector<std::string> themes_seen;
  for (std::size_t i = 0; i < plan.days.size(); ++i) {
    const FamilyDay& day = plan.days[i];
    const int n = static_cast<int>(i) + 1;
    const std::string label = day_label(n, day.date);
    if (day.number != n) add("P2", Severity::error, label + " is numbered " + std::to_string(day.number), n);
    if (i > 0 && day.date != plan.days[i - 1].date + days(1)) {
      add("P2", Severity::error, label + " does not follow day " + std::to_string(n - 1), n);
    }
    if (is_weekend(day.date)) add("P2", Severity::error, label + " is on a weekend", n);
    if (auto holiday = public_holiday_on(day.date)) {
      add("X1", Severity::error, label + " is a public holiday (" + holiday->name_nb + ")", n);
    }
    std::vector<const FamilyBlock*> teaching;
    for (const auto& b : day.blocks) {
      if (b.start.local_time().date() != day.date || b.end <= b.start) {
        add("P2", Severity::error,
            label + ": the " + std::string(to_string(b.kind)) + " block must lie within the day", n);
      }
      if (b.kind == FamilyBlockKind::teaching) teaching.push_back(&b);
      if (b.kind == FamilyBlockKind::observation_talk) any_talk = true;
    }
    // DOMAIN P2: a teaching block every day, morning or afternoon, alternating.
    if (teaching.size() != 1) {
      add("P2", Severity::error,
          label + " has " + std::to_string(teaching.size()) + " teaching blocks; P2 has one a day", n);
    } else {
      const bool is_morning = start_minutes(*teaching.front()) < noon;
      if (previous_morning && *previous_morning == is_morning) {
        add("P2", Severity::warning,
            label + ": teaching in the " + (is_morning ? "morning" : "afternoon") +
                " again; P2 alternates morning and afternoon", n);
      }
      previous_morning = is_morning;
      if (const auto& theme = teaching.front()->theme) {
        if (std::find(themes_seen.begin(), themes_seen.end(), *theme) != themes_seen.end()) {
          add("P2", Severity::warning, label + " repeats the theme \"" + *theme + "\"", n);
        }
        themes_seen.push_back(*theme);
        if (request.topics().find(*theme) == nullptr) {
          add("P2", Severity::error, label + ": no topic \"" + *theme + "\" in the catalogue", n);
        }
      }
      // DOMAIN P2: when there is no common teaching, the parents meet in groups (or hear what the
      // staff observed).
      const int other_from = is_morning ? afternoon : morning;
      const int other_to = is_morning ? daytime_end : noon;
      if (!covered(day, FamilyBlockKind::parents_group, other_from, other_to) &&
          !covered(day, FamilyBlockKind::observation_talk, other_from, other_to)) {
        add("P2", Severity::error,
            label + ": no parents' group with a professional in the " +
                (is_morning ? "afternoon" : "morning") + ", when there is no common teaching", n);
      }
    }
    // DOMAIN P2, P1: the children are looked after whenever the parents are busy.
    for (const auto& b : day.blocks) {
      if (b.audience() != Audience::parents || b.kind == FamilyBlockKind::lunch) continue;
      const FamilyBlockKind care = b.kind == FamilyBlockKind::parents_evening
                                       ? FamilyBlockKind::childcare
                                       : FamilyBlockKind::children_programme;
      if (!covered(day, care, start_minutes(b), end_minutes(b))) {
        add("P2", Severity::error,
            label + ": the children are not looked after during the " +
                std::string(to_string(b.kind)) + " " + clock_time(b.start.local_time().time_of_day()) + "-" +
                clock_time(b.end.local_time().time_of_day()),
            n);
      }
    }
  }
  if (!plan.days.empty() && !any_talk) {
    add("P2", Severity::warning, "no conversation with the parents about what the staff observed");
  }
  int outside = 0;
  for (int age : request.children_ages) {
    if (age < request.min_age || age > request.max_age) ++outside;
  }
  if (outside > 0) {
    add("P2", Severity::warning,
        std::to_string(outside) + " child(ren) outside the ages " + std::to_string(request.min_age) +
            "-" + std::to_string(request.max_age));
  }
  return found;
}

std::ostream& operator<<(std::ostream& out, const FamilyBlock& b) {
  return out << "FamilyBlock(" << to_string(b.kind) << ", " << iso_date(b.start.local_time().date())
             << ' ' << clock_time(b.start.local_time().time_of_day()) << '-'
             << clock_time(b.end.local_time().time_of_day()) << ')';
}

}  // namespace paarorende
