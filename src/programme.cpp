// The season's programme (programme.hpp): offer defaults, checks, the planner and an independent
// check of a plan. DOMAIN C1-C12, G9, P1-P3, V4, V5, X5.
#include "paarorende/programme.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

#include "detail/enum_names.hpp"
#include "detail/input_error.hpp"
#include "detail/language.hpp"
#include "detail/text.hpp"
#include "paarorende/format.hpp"

namespace paarorende {
namespace {

constexpr auto offer_kind_names =
    detail::enum_names<OfferKind>("parents_course", "fathers_session", "family_week", "meeting_place",
                                  "competence_day", "caregiver_school");
constexpr auto form_names = detail::enum_names<CaregiverSchoolForm>("conversations", "course", "training",
                                                                    "forum", "cafe");

int minute_of(ClockTime time) { return static_cast<int>(time.total_seconds() / 60); }
ClockTime clock_of(int minutes) { return ClockTime(minutes / 60, minutes % 60, 0); }

// Monday-based week number: two dates share it when they are in the same ISO week.
long week_of(Date date) {
  const long day = static_cast<long>(date.day_number());
  const int from_monday = (date.day_of_week().as_number() + 6) % 7;
  return (day - from_monday) / 7;
}

bool has_date(const std::vector<Date>& dates, Date date) {
  return std::find(dates.begin(), dates.end(), date) != dates.end();
}

// The offer kinds whose dates follow the school calendar (C11, V4 with X2); the others only close
// on weekends and public holidays (P2, V5, P3).
bool follows_school_calendar(OfferKind kind) {
  return kind == OfferKind::parents_course || kind == OfferKind::fathers_session ||
         kind == OfferKind::meeting_place;
}

std::string idx(std::size_t i) { return std::to_string(i); }

std::string programme_join(const std::vector<std::string>& items, const char* separator) {
  std::string text;
  for (std::size_t i = 0; i < items.size(); ++i) text += (i ? separator : "") + items[i];
  return text;
}

std::string programme_join_numbers(const std::vector<int>& numbers, const char* separator) {
  std::vector<std::string> items;
  for (int n : numbers) items.push_back(std::to_string(n));
  return programme_join(items, separator);
}

}  // namespace

std::string_view to_string(OfferKind kind) noexcept { return offer_kind_names.name(kind); }
std::optional<OfferKind> offer_kind_from_string(std::string_view text) noexcept {
  return offer_kind_names.parse(text);
}
std::string_view to_string(CaregiverSchoolForm form) noexcept { return form_names.name(form); }
std::optional<CaregiverSchoolForm> caregiver_school_form_from_string(std::string_view text) noexcept {
  return form_names.parse(text);
}

bool ProgrammePerson::available_on(Date date) const noexcept {
  if (has_date(unavailable, date)) return false;
  if (available.empty()) return true;
  return std::any_of(available.begin(), available.end(),
                     [&](const DateSpan& span) { return span.contains(date); });
}

namespace {

// The titles of the offers the library defines itself (DOMAIN V5, P3), one table per language
// (issue #23); the others take their format's name.
struct OfferTitles {
  const char* competence_day;
  const char* conversations;
  const char* course;
  const char* training;
  const char* forum;
  const char* cafe;
};
constexpr OfferTitles offer_titles_nb{"Kompetansedag",          "Pårørendeskolen: samtaler",
                                      "Pårørendeskolen: kurs",  "Pårørendeskolen: opplæring",
                                      "Pårørendeskolen: forum", "Pårørendeskolen: kafé"};
constexpr OfferTitles offer_titles_nn{"Kompetansedag",           "Pårørandeskulen: samtalar",
                                      "Pårørandeskulen: kurs",   "Pårørandeskulen: opplæring",
                                      "Pårørandeskulen: forum",  "Pårørandeskulen: kafé"};
constexpr OfferTitles offer_titles_en{"Competence day",           "Caregiver school: conversations",
                                      "Caregiver school: course", "Caregiver school: training",
                                      "Caregiver school: forum",  "Caregiver school: café"};

}  // namespace

Offer offer_defaults(OfferKind kind, std::optional<CaregiverSchoolForm> form, Language language) {
  const OfferTitles& titles = detail::in_language(language, offer_titles_nb, offer_titles_nn, offer_titles_en);
  Offer offer;
  offer.kind = kind;
  auto from_format = [&](std::string_view id) {
    const CourseFormat& format = builtin_format(id);
    offer.format = format.id;
    offer.title = format.name(language);
    offer.sessions = format.sessions;
    offer.cadence_weeks = format.cadence_weeks;
    offer.session_minutes = format.session_minutes;
    offer.earliest_start = format.earliest_start;
    offer.latest_end = format.latest_end;
    offer.start_step_minutes = format.schedule_rules.start_step_minutes;
    offer.max_move_weeks = format.schedule_rules.max_move_weeks;
    offer.presenters_per_session = format.staffing.presenter ? 1 : 0;  // DOMAIN C7
    // DOMAIN V4, X5: a meeting place run by volunteers has its minimum of adults from them.
    offer.volunteers_per_session = format.staffing.volunteers ? format.staffing.min_adults : 0;
    offer.police_certificate = format.staffing.police_certificate;
    offer.leaders = format.staffing.volunteers ? 0 : (format.staffing.police_certificate ? format.staffing.min_adults : 1);
  };
  switch (kind) {
    case OfferKind::parents_course: from_format("monthly_parents"); break;
    case OfferKind::fathers_session: from_format("fathers_session"); break;  // DOMAIN G9
    case OfferKind::family_week: from_format("family_week"); break;          // DOMAIN P2
    case OfferKind::meeting_place: from_format("meeting_place"); break;      // DOMAIN V4
    case OfferKind::competence_day:
      // DOMAIN V5: the seed names competence days only; one day of two talks is the library's
      // assumption (docs/programme.md).
      offer.title = titles.competence_day;
      offer.sessions = 1;
      offer.cadence_weeks = 4;
      offer.session_minutes = 360;
      offer.earliest_start = ClockTime(8, 30, 0);
      offer.latest_end = ClockTime(15, 30, 0);
      offer.presenters_per_session = 2;
      offer.leaders = 1;
      break;
    case OfferKind::caregiver_school: {
      // DOMAIN P3: the forms are only named in the seed; these defaults are the library's
      // assumptions (docs/programme.md).
      offer.form = form.value_or(CaregiverSchoolForm::course);
      offer.leaders = 1;
      offer.presenters_per_session = 1;
      switch (*offer.form) {
        case CaregiverSchoolForm::conversations:
          offer.title = titles.conversations;
          offer.sessions = 1; offer.cadence_weeks = 1; offer.session_minutes = 60;
          offer.earliest_start = ClockTime(9, 0, 0); offer.latest_end = ClockTime(15, 0, 0);
          offer.leaders = 0;
          break;
        case CaregiverSchoolForm::course:
          offer.title = titles.course;
          offer.sessions = 4; offer.cadence_weeks = 1; offer.session_minutes = 120;
          offer.earliest_start = ClockTime(17, 0, 0); offer.latest_end = ClockTime(20, 0, 0);
          break;
        case CaregiverSchoolForm::training:
          offer.title = titles.training;
          offer.sessions = 2; offer.cadence_weeks = 1; offer.session_minutes = 180;
          offer.earliest_start = ClockTime(9, 0, 0); offer.latest_end = ClockTime(15, 0, 0);
          break;
        case CaregiverSchoolForm::forum:
          offer.title = titles.forum;
          offer.sessions = 1; offer.cadence_weeks = 1; offer.session_minutes = 120;
          offer.earliest_start = ClockTime(18, 0, 0); offer.latest_end = ClockTime(21, 0, 0);
          offer.presenters_per_session = 2;
          break;
        case CaregiverSchoolForm::cafe:
          offer.title = titles.cafe;
          offer.sessions = 4; offer.cadence_weeks = 2; offer.session_minutes = 120;
          offer.earliest_start = ClockTime(12, 0, 0); offer.latest_end = ClockTime(15, 0, 0);
          offer.presenters_per_session = 0; offer.volunteers_per_session = 2; offer.leaders = 0;
          break;
      }
      break;
    }
  }
  return offer;
}

namespace {

// DOMAIN C3: the offer's latest end; with schools, the earliest of their care closing minus the
// drive to their pickup place.
int latest_end_minute(const Offer& offer, const Programme& programme) {
  if (offer.schools.empty()) return minute_of(offer.latest_end);
  int latest = 24 * 60;
  for (const auto& id : offer.schools) {
    for (const auto& school : programme.schools) {
      if (school.id == id) latest = std::min(latest, minute_of(school.care_closes) - school.travel_minutes);
    }
  }
  return latest;
}

void check_unique(const std::vector<std::string>& ids, const std::string& where, const char* what) {
  std::set<std::string> seen;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (!seen.insert(ids[i]).second) {
      detail::raise_input_error(where + "/" + idx(i) + "/id",
                                std::string("two ") + what + " have the id " + detail::quote_input(ids[i]));
    }
  }
}

template <class Items>
std::vector<std::string> ids_of(const Items& items) {
  std::vector<std::string> ids;
  for (const auto& item : items) ids.push_back(item.id);
  return ids;
}

void check_person(const ProgrammePerson& person, const std::string& where, const char* rule) {
  detail::require(person.max_sessions_per_week >= 1 && person.max_sessions_per_week <= 20,
                  where + "/max_sessions_per_week", "must be between 1 and 20", detail::Rule{rule});
  for (std::size_t i = 0; i < person.available.size(); ++i) {
    const auto& span = person.available[i];
    detail::require(span.first <= span.last, where + "/available/" + idx(i) + "/last",
                    "ends before it begins", detail::Rule{rule});
    for (std::size_t j = 0; j < i; ++j) {
      const auto& other = person.available[j];
      if (span.first <= other.last && other.first <= span.last) {
        detail::raise_input_error(where + "/available/" + idx(i),
                                  "overlaps availability entry " + idx(j) + " (" + iso_date(other.first) +
                                      " to " + iso_date(other.last) + ")",
                                  detail::Rule{rule});
      }
    }
  }
}

}  // namespace

void check_programme(const Programme& programme) {
  if (programme.school_calendar) {
    detail::under_pointer("/school_calendar", [&] { check_school_calendar(*programme.school_calendar); });
  }
  check_unique(ids_of(programme.schools), "/schools", "schools");
  check_unique(ids_of(programme.presenters), "/presenters", "presenters");
  check_unique(ids_of(programme.volunteers), "/volunteers", "volunteers");
  check_unique(ids_of(programme.venues), "/venues", "venues");
  check_unique(ids_of(programme.offers), "/offers", "offers");
  for (std::size_t i = 0; i < programme.presenters.size(); ++i) {
    check_person(programme.presenters[i], "/presenters/" + idx(i), "C7");
  }
  for (std::size_t i = 0; i < programme.volunteers.size(); ++i) {
    check_person(programme.volunteers[i], "/volunteers/" + idx(i), "V4");
  }
  for (std::size_t i = 0; i < programme.offers.size(); ++i) {
    const Offer& offer = programme.offers[i];
    const std::string at = "/offers/" + idx(i);
    auto known = [&](const auto& items, const std::string& id, const std::string& where, const char* what,
                     const char* rule) {
      if (std::none_of(items.begin(), items.end(), [&](const auto& item) { return item.id == id; })) {
        detail::raise_input_error(where, std::string("unknown ") + what + " " + detail::quote_input(id),
                                  detail::Rule{rule});
      }
    };
    known(programme.venues, offer.venue, at + "/venue", "venue", "C8");
    for (std::size_t s = 0; s < offer.schools.size(); ++s) {
      known(programme.schools, offer.schools[s], at + "/schools/" + idx(s), "school", "C3");
    }
    for (std::size_t p = 0; p < offer.presenters.size(); ++p) {
      known(programme.presenters, offer.presenters[p], at + "/presenters/" + idx(p), "presenter", "C7");
    }
    for (std::size_t v = 0; v < offer.volunteers.size(); ++v) {
      known(programme.volunteers, offer.volunteers[v], at + "/volunteers/" + idx(v), "volunteer", "V4");
    }
    // Each offer within its format's ranges.
    if (offer.kind == OfferKind::parents_course || offer.kind == OfferKind::fathers_session) {
      const CourseFormat& format = builtin_format(offer.format);
      const auto& rules = format.schedule_rules;
      detail::require(offer.sessions >= rules.min_sessions && offer.sessions <= rules.max_sessions,
                      at + "/sessions",
                      "the format " + format.id + " holds " + std::to_string(rules.min_sessions) + "-" +
                          std::to_string(rules.max_sessions) + " sessions, got " + std::to_string(offer.sessions),
                      detail::Rule{offer.kind == OfferKind::fathers_session ? "G9" : "C1"});
      const bool cadence_ok = std::find(rules.cadences_weeks.begin(), rules.cadences_weeks.end(),
                                        offer.cadence_weeks) != rules.cadences_weeks.end();
      detail::require(cadence_ok || offer.sessions == 1, at + "/cadence_weeks",
                      "the format " + format.id + " meets every " +
                          programme_join_numbers(rules.cadences_weeks, " or ") + " weeks, got " +
                          std::to_string(offer.cadence_weeks),
                      detail::Rule{"C4"});
    } else if (offer.kind == OfferKind::family_week) {
      detail::require(offer.sessions == 5 && offer.cadence_weeks == 0, at + "/sessions",
                      "a family week is five consecutive days (cadence_weeks 0), got " +
                          std::to_string(offer.sessions) + " sessions every " +
                          std::to_string(offer.cadence_weeks) + " weeks",
                      detail::Rule{"P2"});
    } else {
      const char* rule = offer.kind == OfferKind::meeting_place ? "V4"
                         : offer.kind == OfferKind::competence_day ? "V5" : "P3";
      detail::require(offer.sessions >= 1 && offer.sessions <= 52, at + "/sessions",
                      "must be between 1 and 52, got " + std::to_string(offer.sessions), detail::Rule{rule});
      detail::require(offer.cadence_weeks >= 1 && offer.cadence_weeks <= 12, at + "/cadence_weeks",
                      "must be between 1 and 12, got " + std::to_string(offer.cadence_weeks),
                      detail::Rule{rule});
    }
    // Every date the offer could take, moved as far as it may, within the years the calendar knows.
    const long span_days = 7L * (offer.cadence_weeks * std::max(0, offer.sessions - 1) + offer.max_move_weeks) +
                           (offer.cadence_weeks == 0 ? offer.sessions : 0);
    detail::require(offer.first_date + boost::gregorian::days(span_days) <= Date(last_supported_year, 12, 31),
                    at + "/first_date",
                    "the offer's sessions may run past " + std::to_string(last_supported_year) +
                        ", the last year whose public holidays are known",
                    detail::Rule{"X1"});
    detail::require(offer.session_minutes >= 15 && offer.session_minutes <= 720, at + "/session_minutes",
                    "must be between 15 and 720, got " + std::to_string(offer.session_minutes),
                    detail::Rule{"C2"});
    const int latest_start = latest_end_minute(offer, programme) - offer.session_minutes;
    detail::require(latest_start >= minute_of(offer.earliest_start), at,
                    "no start from " + clock_time(offer.earliest_start) + " leaves " +
                        std::to_string(offer.session_minutes) + " minutes before the session must end at " +
                        clock_time(clock_of(std::max(0, latest_end_minute(offer, programme)))),
                    detail::Rule{"C3"});
    detail::require(static_cast<int>(offer.presenters.size()) >= offer.presenters_per_session,
                    at + "/presenters",
                    "names " + std::to_string(offer.presenters.size()) + " presenters, needs " +
                        std::to_string(offer.presenters_per_session) + " at each session",
                    detail::Rule{"C7"});
    detail::require(static_cast<int>(offer.volunteers.size()) >= offer.volunteers_per_session,
                    at + "/volunteers",
                    "names " + std::to_string(offer.volunteers.size()) + " volunteers, needs " +
                        std::to_string(offer.volunteers_per_session) + " at each session",
                    detail::Rule{"X5"});
    if (offer.police_certificate && offer.volunteers_per_session > 0) {
      // DOMAIN X5: a session for children has at least two adults.
      detail::require(offer.volunteers_per_session + offer.leaders >= 2, at + "/volunteers_per_session",
                      "a session with children has at least two adults", detail::Rule{"X5"});
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The planner.
namespace {

struct PlanUnit {
  int offer = 0;
  int first_session = 0;          // 0-based number of its first session
  std::vector<Date> base_days;    // cadence dates of its sessions (one, or a block's days)
  int minutes = 0;
  int earliest = 0;               // minute of day
  int latest_start = 0;
  int step = 5;
  int max_move = 0;
  int prev = -1;                  // the unit before it in its offer
  int next = -1;
  int venue = 0;                  // resource index
  int presenters_need = 0;
  int volunteers_need = 0;
  std::vector<int> presenter_pool;  // resource indices
  std::vector<int> volunteer_pool;
  // Per shift: closed by something no booking changes, and the pool members free that day.
  std::vector<char> shift_open;
  std::vector<std::vector<int>> shift_presenters;
  std::vector<std::vector<int>> shift_volunteers;

  int days() const { return static_cast<int>(base_days.size()); }
  Date day(int shift, int i) const { return base_days[static_cast<std::size_t>(i)] + boost::gregorian::days(7 * shift); }
};

struct Assignment {
  bool placed = false;
  int shift = 0;
  int start = 0;
  std::vector<int> staff;  // presenters then volunteers, resource indices
};

struct Booking {
  int start = 0;
  int end = 0;
  int unit = 0;
};

struct Cost {
  int dropped = 0;
  int dropped_offers = 0;
  int moved = 0;
  long early = 0;
  auto operator<=>(const Cost&) const = default;
};

class Planner {
 public:
  explicit Planner(const Programme& programme) : programme_(programme) { build(); }

  // Orders the greedy pass may take the units in: by cadence date; by date with the units that
  // have the fewest open weeks first; by date with the later offers first.
  static constexpr int orders = 3;

  void run(int strategy) {
    std::vector<int> order(units_.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
    auto open_weeks = [&](int u) {
      const auto& open = units_[static_cast<std::size_t>(u)].shift_open;
      return std::count(open.begin(), open.end(), 1);
    };
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
      const auto& ua = units_[static_cast<std::size_t>(a)];
      const auto& ub = units_[static_cast<std::size_t>(b)];
      if (strategy == 1 && open_weeks(a) != open_weeks(b)) return open_weeks(a) < open_weeks(b);
      if (ua.base_days.front() != ub.base_days.front()) return ua.base_days.front() < ub.base_days.front();
      return strategy == 2 ? ua.offer > ub.offer : false;
    });
    for (int u : order) place_best(u);
    improve(order);
  }

  const std::vector<PlanUnit>& units() const { return units_; }
  const std::vector<Assignment>& assignments() const { return assign_; }
  int person_count() const { return persons_; }

  Cost cost() const {
    Cost cost;
    std::set<int> offers;
    for (std::size_t u = 0; u < units_.size(); ++u) {
      const auto& a = assign_[u];
      if (!a.placed) {
        cost.dropped += units_[u].days();
        offers.insert(units_[u].offer);
      } else {
        if (a.shift > 0) cost.moved += units_[u].days();
        cost.early += static_cast<long>(units_[u].latest_start - a.start) * units_[u].days();
      }
    }
    cost.dropped_offers = static_cast<int>(offers.size());
    return cost;
  }

  // Every reason the unit cannot take `shift` in the present plan (itself left out).
  std::vector<ProgrammeReason> reasons(int u, int shift) {
    const Assignment saved = assign_[static_cast<std::size_t>(u)];
    if (saved.placed) unassign(u);
    std::vector<ProgrammeReason> found;
    auto add = [&](ProgrammeReason reason) {
      for (auto& old : found) {
        if (old.kind == reason.kind && old.who == reason.who && old.message == reason.message) {
          for (auto& offer : reason.offers) {
            if (std::find(old.offers.begin(), old.offers.end(), offer) == old.offers.end()) old.offers.push_back(offer);
          }
          return;
        }
      }
      found.push_back(std::move(reason));
    };
    const PlanUnit& unit = units_[static_cast<std::size_t>(u)];
    const Offer& offer = programme_.offers[static_cast<std::size_t>(unit.offer)];
    for (int i = 0; i < unit.days(); ++i) static_reasons(unit, offer, unit.day(shift, i), add);
    const bool static_ok = unit.shift_open[static_cast<std::size_t>(shift)] != 0;
    bool usable = false;
    if (!order_ok(u, shift)) {
      add({"order", "C4", "the offer's sessions must keep their order", {}, {offer.id}});
    } else {
      for (int start = unit.latest_start; start >= unit.earliest; start -= unit.step) {
        bool ok = static_ok;
        // The venue.
        for (int i = 0; i < unit.days(); ++i) {
          auto holders = holders_of(unit.venue, unit.day(shift, i), start, start + unit.minutes, u);
          if (!holders.empty()) {
            ok = false;
            add({"venue_busy", "C8", "the venue " + name_of(unit.venue) + " is booked", resource_id(unit.venue), holders});
          }
        }
        ok = staff_reasons(unit, shift, start, unit.presenter_pool, unit.presenters_need, "presenter", "C7", add) && ok;
        ok = staff_reasons(unit, shift, start, unit.volunteer_pool, unit.volunteers_need, "volunteer", "V4", add) && ok;
        if (ok) usable = true;
      }
    }
    if (usable) {
      add({"choice", "C4", "free, but holding it here would move or drop another session", {}, {}});
    }
    if (saved.placed) assign(u, saved);
    std::sort(found.begin(), found.end(), [](const ProgrammeReason& a, const ProgrammeReason& b) {
      return std::tie(a.kind, a.who, a.message) < std::tie(b.kind, b.who, b.message);
    });
    for (auto& reason : found) std::sort(reason.offers.begin(), reason.offers.end());
    return found;
  }

  std::string resource_id(int r) const {
    if (r < static_cast<int>(programme_.presenters.size())) return programme_.presenters[static_cast<std::size_t>(r)].id;
    r -= static_cast<int>(programme_.presenters.size());
    if (r < static_cast<int>(programme_.volunteers.size())) return programme_.volunteers[static_cast<std::size_t>(r)].id;
    r -= static_cast<int>(programme_.volunteers.size());
    return programme_.venues[static_cast<std::size_t>(r)].id;
  }

 private:
  const ProgrammePerson& person(int r) const {
    const int presenters = static_cast<int>(programme_.presenters.size());
    return r < presenters ? programme_.presenters[static_cast<std::size_t>(r)]
                          : programme_.volunteers[static_cast<std::size_t>(r - presenters)];
  }
  std::string name_of(int r) const {
    if (r >= persons_) return programme_.venues[static_cast<std::size_t>(r - persons_)].name;
    return resource_id(r);
  }

  template <class Add>
  void static_reasons(const PlanUnit& unit, const Offer& offer, Date day, Add& add) const {
    const SchoolCalendar* calendar =
        follows_school_calendar(offer.kind) && programme_.school_calendar ? &*programme_.school_calendar : nullptr;
    if (auto closure = course_closure(day, calendar)) {
      add({"closed", closure->rule, closure->name, {}, {}});
    }
    for (const auto& id : offer.schools) {
      for (const auto& school : programme_.schools) {
        if (school.id == id && has_date(school.care_closed, day)) {
          add({"care_closed", "C3", "the after-school care of " + school.name + " is closed", school.id, {}});
        }
      }
    }
    const auto& venue = programme_.venues[static_cast<std::size_t>(unit.venue - persons_)];
    if (has_date(venue.taken, day)) add({"venue_taken", "C8", "the venue " + venue.name + " is taken", venue.id, {}});
  }

  // Whether enough of the pool can come at `start`; adds the reasons of those who cannot when not.
  template <class Add>
  bool staff_reasons(const PlanUnit& unit, int shift, int start, const std::vector<int>& pool, int need,
                     const char* what, const char* rule, Add& add) {
    if (need == 0) return true;
    std::vector<ProgrammeReason> blocked;
    int free = 0;
    const Offer& offer = programme_.offers[static_cast<std::size_t>(unit.offer)];
    for (int r : pool) {
      const ProgrammePerson& p = person(r);
      bool ok = true;
      for (int i = 0; i < unit.days(); ++i) {
        const Date day = unit.day(shift, i);
        if (!p.available_on(day)) {
          ok = false;
          blocked.push_back({std::string(what) + "_unavailable", rule, p.id + " is not available", p.id, {}});
        } else if (offer.police_certificate && what == std::string("volunteer") &&
                   !(p.certificate_valid_until && *p.certificate_valid_until >= day)) {
          ok = false;
          blocked.push_back({"volunteer_certificate", "X5", p.id + " has no valid police certificate", p.id, {}});
        }
        auto holders = holders_of(r, day, start, start + unit.minutes, -1);
        if (!holders.empty()) {
          ok = false;
          blocked.push_back({std::string(what) + "_busy", rule, p.id + " is busy", p.id, holders});
        }
      }
      if (!week_ok(r, unit, shift)) {
        ok = false;
        blocked.push_back({std::string(what) + "_weekly_limit", rule,
                           p.id + " has " + std::to_string(p.max_sessions_per_week) + " sessions that week", p.id,
                           offers_in_week(r, unit, shift)});
      }
      if (ok) ++free;
    }
    if (free >= need) return true;
    for (auto& reason : blocked) add(std::move(reason));
    return false;
  }

  std::vector<std::string> holders_of(int r, Date day, int start, int end, int except) const {
    std::vector<std::string> offers;
    auto by_day = bookings_[static_cast<std::size_t>(r)].find(day.day_number());
    if (by_day == bookings_[static_cast<std::size_t>(r)].end()) return offers;
    for (const Booking& b : by_day->second) {
      if (b.unit == except || b.end <= start || end <= b.start) continue;
      const std::string& id = programme_.offers[static_cast<std::size_t>(units_[static_cast<std::size_t>(b.unit)].offer)].id;
      if (std::find(offers.begin(), offers.end(), id) == offers.end()) offers.push_back(id);
    }
    return offers;
  }

  std::vector<std::string> offers_in_week(int r, const PlanUnit& unit, int shift) const {
    std::vector<std::string> offers;
    std::set<long> weeks;
    for (int i = 0; i < unit.days(); ++i) weeks.insert(week_of(unit.day(shift, i)));
    for (std::size_t v = 0; v < units_.size(); ++v) {
      const auto& a = assign_[v];
      if (!a.placed || std::find(a.staff.begin(), a.staff.end(), r) == a.staff.end()) continue;
      for (int i = 0; i < units_[v].days(); ++i) {
        if (weeks.count(week_of(units_[v].day(a.shift, i)))) {
          const std::string& id = programme_.offers[static_cast<std::size_t>(units_[v].offer)].id;
          if (std::find(offers.begin(), offers.end(), id) == offers.end()) offers.push_back(id);
        }
      }
    }
    return offers;
  }

  void build() {
    const int presenters = static_cast<int>(programme_.presenters.size());
    persons_ = presenters + static_cast<int>(programme_.volunteers.size());
    bookings_.assign(static_cast<std::size_t>(persons_) + programme_.venues.size(), {});
    load_.assign(static_cast<std::size_t>(persons_), 0);
    auto index_of = [](const auto& items, const std::string& id) {
      for (std::size_t i = 0; i < items.size(); ++i) {
        if (items[i].id == id) return static_cast<int>(i);
      }
      return -1;
    };
    for (std::size_t o = 0; o < programme_.offers.size(); ++o) {
      const Offer& offer = programme_.offers[o];
      PlanUnit proto;
      proto.offer = static_cast<int>(o);
      proto.minutes = offer.session_minutes;
      proto.earliest = minute_of(offer.earliest_start);
      proto.step = std::max(1, offer.start_step_minutes);
      const int latest = latest_end_minute(offer, programme_) - offer.session_minutes;
      proto.latest_start = proto.earliest + (latest - proto.earliest) / proto.step * proto.step;
      proto.max_move = offer.max_move_weeks;
      proto.venue = persons_ + index_of(programme_.venues, offer.venue);
      proto.presenters_need = offer.presenters_per_session;
      proto.volunteers_need = offer.volunteers_per_session;
      for (const auto& id : offer.presenters) proto.presenter_pool.push_back(index_of(programme_.presenters, id));
      for (const auto& id : offer.volunteers) {
        proto.volunteer_pool.push_back(presenters + index_of(programme_.volunteers, id));
      }
      std::vector<std::vector<Date>> groups;
      if (offer.cadence_weeks == 0) {
        // DOMAIN P2: consecutive days, moving together.
        std::vector<Date> days;
        for (int i = 0; i < offer.sessions; ++i) days.push_back(offer.first_date + boost::gregorian::days(i));
        groups.push_back(days);
      } else {
        for (int i = 0; i < offer.sessions; ++i) {
          groups.push_back({offer.first_date + boost::gregorian::days(7 * offer.cadence_weeks * i)});
        }
      }
      int previous = -1;
      int number = 0;
      for (auto& days : groups) {
        PlanUnit unit = proto;
        unit.first_session = number;
        number += static_cast<int>(days.size());
        unit.base_days = std::move(days);
        unit.prev = previous;
        const int id = static_cast<int>(units_.size());
        if (previous >= 0) units_[static_cast<std::size_t>(previous)].next = id;
        previous = id;
        prepare(unit, offer);
        units_.push_back(std::move(unit));
      }
    }
    assign_.assign(units_.size(), {});
  }

  void prepare(PlanUnit& unit, const Offer& offer) const {
    const SchoolCalendar* calendar =
        follows_school_calendar(offer.kind) && programme_.school_calendar ? &*programme_.school_calendar : nullptr;
    const auto& venue = programme_.venues[static_cast<std::size_t>(unit.venue - persons_)];
    for (int shift = 0; shift <= unit.max_move; ++shift) {
      bool open = true;
      for (int i = 0; i < unit.days() && open; ++i) {
        const Date day = unit.day(shift, i);
        if (course_closure(day, calendar) || has_date(venue.taken, day)) open = false;
        for (const auto& id : offer.schools) {
          for (const auto& school : programme_.schools) {
            if (school.id == id && has_date(school.care_closed, day)) open = false;
          }
        }
      }
      auto free_of = [&](const std::vector<int>& pool, bool certificate) {
        std::vector<int> free;
        for (int r : pool) {
          const ProgrammePerson& p = person(r);
          bool ok = true;
          for (int i = 0; i < unit.days() && ok; ++i) {
            const Date day = unit.day(shift, i);
            ok = p.available_on(day) &&
                 (!certificate || (p.certificate_valid_until && *p.certificate_valid_until >= day));  // DOMAIN X5
          }
          if (ok) free.push_back(r);
        }
        return free;
      };
      unit.shift_presenters.push_back(free_of(unit.presenter_pool, false));
      unit.shift_volunteers.push_back(free_of(unit.volunteer_pool, offer.police_certificate));
      if (static_cast<int>(unit.shift_presenters.back().size()) < unit.presenters_need ||
          static_cast<int>(unit.shift_volunteers.back().size()) < unit.volunteers_need) {
        open = false;
      }
      unit.shift_open.push_back(open ? 1 : 0);
    }
  }

  bool order_ok(int u, int shift) const {
    const PlanUnit& unit = units_[static_cast<std::size_t>(u)];
    const Date first = unit.day(shift, 0);
    const Date last = unit.day(shift, unit.days() - 1);
    for (int p = unit.prev; p >= 0; p = units_[static_cast<std::size_t>(p)].prev) {
      const auto& a = assign_[static_cast<std::size_t>(p)];
      if (a.placed) {
        if (units_[static_cast<std::size_t>(p)].day(a.shift, units_[static_cast<std::size_t>(p)].days() - 1) >= first) return false;
        break;
      }
    }
    for (int n = unit.next; n >= 0; n = units_[static_cast<std::size_t>(n)].next) {
      const auto& a = assign_[static_cast<std::size_t>(n)];
      if (a.placed) {
        if (units_[static_cast<std::size_t>(n)].day(a.shift, 0) <= last) return false;
        break;
      }
    }
    return true;
  }

  bool free_at(int r, Date day, int start, int end) const {
    auto by_day = bookings_[static_cast<std::size_t>(r)].find(day.day_number());
    if (by_day == bookings_[static_cast<std::size_t>(r)].end()) return true;
    return std::none_of(by_day->second.begin(), by_day->second.end(),
                        [&](const Booking& b) { return b.start < end && start < b.end; });
  }

  bool week_ok(int r, const PlanUnit& unit, int shift) const {
    std::map<long, int> extra;
    for (int i = 0; i < unit.days(); ++i) ++extra[week_of(unit.day(shift, i))];
    const int limit = person(r).max_sessions_per_week;
    for (const auto& [week, count] : extra) {
      auto it = weekly_.find({r, week});
      if ((it == weekly_.end() ? 0 : it->second) + count > limit) return false;
    }
    return true;
  }

  bool person_ok(int r, const PlanUnit& unit, int shift, int start) const {
    for (int i = 0; i < unit.days(); ++i) {
      if (!free_at(r, unit.day(shift, i), start, start + unit.minutes)) return false;
    }
    return week_ok(r, unit, shift);
  }

  // The staff of the first fitting kind: free people with the fewest sessions so far, then by order.
  bool choose(const std::vector<int>& pool, int need, const PlanUnit& unit, int shift, int start,
              std::vector<int>& staff, int first = -1) const {
    if (need == 0) return true;
    std::vector<int> fit;
    for (int r : pool) {
      if (person_ok(r, unit, shift, start)) fit.push_back(r);
    }
    if (static_cast<int>(fit.size()) < need) return false;
    std::stable_sort(fit.begin(), fit.end(), [&](int a, int b) {
      return std::pair(a != first, load_[static_cast<std::size_t>(a)]) < std::pair(b != first, load_[static_cast<std::size_t>(b)]);
    });
    staff.insert(staff.end(), fit.begin(), fit.begin() + need);
    return true;
  }

  std::optional<Assignment> try_at(int u, int shift, int start, int first = -1) const {
    const PlanUnit& unit = units_[static_cast<std::size_t>(u)];
    if (!unit.shift_open[static_cast<std::size_t>(shift)] || !order_ok(u, shift)) return std::nullopt;
    for (int i = 0; i < unit.days(); ++i) {
      if (!free_at(unit.venue, unit.day(shift, i), start, start + unit.minutes)) return std::nullopt;
    }
    Assignment a;
    a.placed = true;
    a.shift = shift;
    a.start = start;
    if (!choose(unit.shift_presenters[static_cast<std::size_t>(shift)], unit.presenters_need, unit, shift, start, a.staff, first)) return std::nullopt;
    if (!choose(unit.shift_volunteers[static_cast<std::size_t>(shift)], unit.volunteers_need, unit, shift, start, a.staff)) return std::nullopt;
    return a;
  }

  // The unit's best place in the present plan: the smallest shift, then the latest start.
  bool place_best(int u) {
    const PlanUnit& unit = units_[static_cast<std::size_t>(u)];
    for (int shift = 0; shift <= unit.max_move; ++shift) {
      if (!unit.shift_open[static_cast<std::size_t>(shift)]) continue;
      for (int start = unit.latest_start; start >= unit.earliest; start -= unit.step) {
        if (auto a = try_at(u, shift, start)) {
          assign(u, *a);
          return true;
        }
      }
    }
    return false;
  }

  void assign(int u, const Assignment& a) {
    const PlanUnit& unit = units_[static_cast<std::size_t>(u)];
    assign_[static_cast<std::size_t>(u)] = a;
    if (!a.placed) return;
    auto book = [&](int r) {
      for (int i = 0; i < unit.days(); ++i) {
        bookings_[static_cast<std::size_t>(r)][unit.day(a.shift, i).day_number()].push_back({a.start, a.start + unit.minutes, u});
      }
    };
    book(unit.venue);
    for (int r : a.staff) {
      book(r);
      load_[static_cast<std::size_t>(r)] += unit.days();
      for (int i = 0; i < unit.days(); ++i) ++weekly_[{r, week_of(unit.day(a.shift, i))}];
    }
  }

  void unassign(int u) {
    const PlanUnit& unit = units_[static_cast<std::size_t>(u)];
    const Assignment a = assign_[static_cast<std::size_t>(u)];
    if (!a.placed) return;
    auto unbook = [&](int r) {
      for (int i = 0; i < unit.days(); ++i) {
        auto& list = bookings_[static_cast<std::size_t>(r)][unit.day(a.shift, i).day_number()];
        list.erase(std::remove_if(list.begin(), list.end(), [&](const Booking& b) { return b.unit == u; }), list.end());
      }
    };
    unbook(unit.venue);
    for (int r : a.staff) {
      unbook(r);
      load_[static_cast<std::size_t>(r)] -= unit.days();
      for (int i = 0; i < unit.days(); ++i) --weekly_[{r, week_of(unit.day(a.shift, i))}];
    }
    assign_[static_cast<std::size_t>(u)] = Assignment{};
  }

  // The units whose bookings stand in the way of `u` at (shift, start): on the venue, and for each
  // staff slot the pool member with the fewest in the way. Empty optional: not possible at all.
  std::optional<std::set<int>> blockers(int u, int shift, int start, int first_presenter) const {
    const PlanUnit& unit = units_[static_cast<std::size_t>(u)];
    if (!unit.shift_open[static_cast<std::size_t>(shift)]) return std::nullopt;
    std::set<int> in_way;
    auto overlapping = [&](int r, std::set<int>& into) {
      for (int i = 0; i < unit.days(); ++i) {
        auto by_day = bookings_[static_cast<std::size_t>(r)].find(unit.day(shift, i).day_number());
        if (by_day == bookings_[static_cast<std::size_t>(r)].end()) continue;
        for (const Booking& b : by_day->second) {
          if (b.unit != u && b.start < start + unit.minutes && start < b.end) into.insert(b.unit);
        }
      }
    };
    overlapping(unit.venue, in_way);
    auto pick = [&](const std::vector<int>& pool, int need) {
      std::vector<std::pair<std::size_t, int>> options;
      for (int r : pool) {
        std::set<int> theirs;
        overlapping(r, theirs);
        if (!week_ok(r, unit, shift)) units_in_weeks(r, unit, shift, theirs);
        options.push_back({theirs.size(), r});
      }
      if (static_cast<int>(options.size()) < need) return false;
      std::stable_sort(options.begin(), options.end(), [&](const auto& a, const auto& b) {
        return std::pair(a.second != first_presenter, a.first) < std::pair(b.second != first_presenter, b.first);
      });
      for (int k = 0; k < need; ++k) overlapping(options[static_cast<std::size_t>(k)].second, in_way);
      return true;
    };
    if (!pick(unit.shift_presenters[static_cast<std::size_t>(shift)], unit.presenters_need)) return std::nullopt;
    if (!pick(unit.shift_volunteers[static_cast<std::size_t>(shift)], unit.volunteers_need)) return std::nullopt;
    // Neighbours of the same offer that the new dates would pass.
    const Date first = unit.day(shift, 0);
    const Date last = unit.day(shift, unit.days() - 1);
    for (int p = unit.prev; p >= 0; p = units_[static_cast<std::size_t>(p)].prev) {
      const auto& a = assign_[static_cast<std::size_t>(p)];
      if (a.placed && units_[static_cast<std::size_t>(p)].day(a.shift, units_[static_cast<std::size_t>(p)].days() - 1) >= first) in_way.insert(p);
      else if (a.placed) break;
    }
    for (int n = unit.next; n >= 0; n = units_[static_cast<std::size_t>(n)].next) {
      const auto& a = assign_[static_cast<std::size_t>(n)];
      if (a.placed && units_[static_cast<std::size_t>(n)].day(a.shift, 0) <= last) in_way.insert(n);
      else if (a.placed) break;
    }
    return in_way;
  }

  // The units that hold person `r` in the weeks `unit` would take at `shift`.
  void units_in_weeks(int r, const PlanUnit& unit, int shift, std::set<int>& into) const {
    std::set<long> weeks;
    for (int i = 0; i < unit.days(); ++i) weeks.insert(week_of(unit.day(shift, i)));
    for (std::size_t v = 0; v < units_.size(); ++v) {
      const auto& a = assign_[v];
      if (!a.placed || std::find(a.staff.begin(), a.staff.end(), r) == a.staff.end()) continue;
      for (int i = 0; i < units_[v].days(); ++i) {
        if (weeks.count(week_of(units_[v].day(a.shift, i)))) into.insert(static_cast<int>(v));
      }
    }
  }

  // The unit's own part of the objective, smaller is better.
  std::tuple<int, int, long> unit_cost(int u, const Assignment& a) const {
    const PlanUnit& unit = units_[static_cast<std::size_t>(u)];
    if (!a.placed) return {1, 0, 0};
    return {0, a.shift > 0 ? 1 : 0, static_cast<long>(unit.latest_start - a.start)};
  }

  // Ejection moves: put a unit that is moved, early or dropped where it would cost less, taking
  // out the (at most two) units in the way and placing them again at their best; kept when the
  // whole programme's objective falls. Repeated until a pass finds nothing.
  void improve(const std::vector<int>& order) {
    constexpr int max_passes = 8;
    constexpr std::size_t max_in_way = 2;
    for (int pass = 0; pass < max_passes; ++pass) {
      bool improved = false;
      for (int u : order) {
        const PlanUnit& unit = units_[static_cast<std::size_t>(u)];
        const auto current = unit_cost(u, assign_[static_cast<std::size_t>(u)]);
        if (current == std::tuple<int, int, long>{0, 0, 0}) continue;
        bool done = false;
        for (int shift = 0; shift <= unit.max_move && !done; ++shift) {
          for (int start = unit.latest_start; start >= unit.earliest && !done; start -= unit.step) {
            Assignment probe;
            probe.placed = true;
            probe.shift = shift;
            probe.start = start;
            if (unit_cost(u, probe) >= current) continue;
            // Each presenter of the pool in turn may be the one taken first: the greedy choice
            // can take the one another session needs.
            std::vector<int> firsts{-1};
            if (unit.presenters_need > 0) {
              const auto& pool = unit.shift_presenters[static_cast<std::size_t>(shift)];
              firsts.insert(firsts.end(), pool.begin(), pool.end());
            }
            for (int first : firsts) {
              if (done) break;
              auto in_way = blockers(u, shift, start, first);
              if (!in_way || in_way->size() > max_in_way) continue;
              if (in_way->empty()) {
                // Free now (an earlier move opened it): take it.
                const Cost before = cost();
                const Assignment saved = assign_[static_cast<std::size_t>(u)];
                unassign(u);
                if (auto a = try_at(u, shift, start, first)) {
                  assign(u, *a);
                  if (cost() < before) {
                    done = improved = true;
                    continue;
                  }
                  unassign(u);
                }
                assign(u, saved);
                continue;
              }
              done = eject(u, shift, start, *in_way, first);
              improved = improved || done;
            }
          }
        }
      }
      if (!improved) break;
    }
  }

  bool eject(int u, int shift, int start, const std::set<int>& in_way, int first) {
    const Cost before = cost();
    std::vector<std::pair<int, Assignment>> saved;
    saved.push_back({u, assign_[static_cast<std::size_t>(u)]});
    for (int b : in_way) saved.push_back({b, assign_[static_cast<std::size_t>(b)]});
    for (auto& [v, a] : saved) unassign(v);
    auto restore = [&] {
      for (auto& [v, a] : saved) unassign(v);
      for (auto& [v, a] : saved) assign(v, a);
    };
    auto a = try_at(u, shift, start, first);
    if (!a) {
      restore();
      return false;
    }
    assign(u, *a);
    std::vector<int> again(in_way.begin(), in_way.end());
    std::stable_sort(again.begin(), again.end(), [&](int x, int y) {
      return units_[static_cast<std::size_t>(x)].base_days.front() < units_[static_cast<std::size_t>(y)].base_days.front();
    });
    for (int b : again) place_best(b);
    if (cost() < before) return true;
    restore();
    return false;
  }

  const Programme& programme_;
  int persons_ = 0;
  std::vector<PlanUnit> units_;
  std::vector<Assignment> assign_;
  std::vector<std::unordered_map<long, std::vector<Booking>>> bookings_;
  std::vector<int> load_;
  std::map<std::pair<int, long>, int> weekly_;
};

double cents(double value) { return std::round(value * 100.0) / 100.0; }

}  // namespace

ProgrammePlan plan_programme(const Programme& programme) {
  check_programme(programme);
  // A deterministic multi-start: the best of the greedy orders, each improved by ejection moves.
  std::optional<Planner> best;
  for (int strategy = 0; strategy < Planner::orders; ++strategy) {
    Planner candidate(programme);
    candidate.run(strategy);
    if (!best || candidate.cost() < best->cost()) best.emplace(std::move(candidate));
  }
  Planner& planner = *best;
  ProgrammePlan plan;
  plan.programme = programme;
  const auto& units = planner.units();
  const auto& assigned = planner.assignments();
  for (const Offer& offer : programme.offers) {
    PlannedOffer planned;
    planned.id = offer.id;
    planned.kind = offer.kind;
    planned.title = offer.title;
    plan.offers.push_back(std::move(planned));
  }
  const int presenters = static_cast<int>(programme.presenters.size());
  for (std::size_t u = 0; u < units.size(); ++u) {
    const PlanUnit& unit = units[u];
    const Offer& offer = programme.offers[static_cast<std::size_t>(unit.offer)];
    const Assignment& a = assigned[u];
    if (a.placed) {
      for (int i = 0; i < unit.days(); ++i) {
        ProgrammeSession session;
        session.number = unit.first_session + i + 1;
        session.date = unit.day(a.shift, i);
        session.start = clock_of(a.start);
        session.end = clock_of(a.start + unit.minutes);
        session.venue = offer.venue;
        for (int r : a.staff) {
          (r < presenters ? session.presenters : session.volunteers).push_back(planner.resource_id(r));
        }
        if (a.shift > 0) session.moved_from = unit.base_days[static_cast<std::size_t>(i)];
        plan.offers[static_cast<std::size_t>(unit.offer)].sessions.push_back(std::move(session));
      }
      if (a.shift > 0) {
        auto reasons = planner.reasons(static_cast<int>(u), 0);
        for (int i = 0; i < unit.days(); ++i) {
          plan.unused_dates.push_back({offer.id, unit.first_session + i + 1, unit.base_days[static_cast<std::size_t>(i)], reasons});
        }
      }
    } else {
      DroppedSession dropped;
      dropped.offer = offer.id;
      std::set<std::string> rules, offers;
      std::vector<ProgrammeReason> all;
      for (int shift = 0; shift <= unit.max_move; ++shift) {
        for (auto& reason : planner.reasons(static_cast<int>(u), shift)) {
          rules.insert(reason.rule);
          offers.insert(reason.offers.begin(), reason.offers.end());
          if (std::find(all.begin(), all.end(), reason) == all.end()) all.push_back(std::move(reason));
        }
      }
      offers.erase(offer.id);
      for (int i = 0; i < unit.days(); ++i) {
        dropped.session = unit.first_session + i + 1;
        dropped.date = unit.base_days[static_cast<std::size_t>(i)];
        dropped.rules.assign(rules.begin(), rules.end());
        dropped.offers.assign(offers.begin(), offers.end());
        dropped.reasons = all;
        plan.dropped.push_back(dropped);
        plan.unused_dates.push_back({offer.id, dropped.session, dropped.date, planner.reasons(static_cast<int>(u), 0)});
      }
    }
  }
  const Cost cost = planner.cost();
  plan.objective = {cost.dropped, cost.dropped_offers, cost.moved, static_cast<int>(cost.early)};

  // DOMAIN C12: what each offer costs.
  auto rate_of = [&](const ProgrammePerson& p, double fallback) { return p.hourly_cost.value_or(fallback); };
  std::map<std::string, PersonLoad> loads;
  for (const auto& p : programme.presenters) loads[p.id] = {p.id, "presenter", 0, 0.0, 0, p.max_sessions_per_week, {}};
  for (const auto& p : programme.volunteers) loads[p.id] = {p.id, "volunteer", 0, 0.0, 0, p.max_sessions_per_week, {}};
  std::map<std::pair<std::string, long>, int> weekly;
  for (std::size_t o = 0; o < plan.offers.size(); ++o) {
    const Offer& offer = programme.offers[o];
    PlannedOffer& planned = plan.offers[o];
    std::sort(planned.sessions.begin(), planned.sessions.end(),
              [](const ProgrammeSession& a, const ProgrammeSession& b) { return a.number < b.number; });
    double venue_rate = 0.0;
    for (const auto& venue : programme.venues) {
      if (venue.id == offer.venue) venue_rate = venue.cost_per_session;
    }
    OfferCost offer_cost;
    for (const auto& session : planned.sessions) {
      const double hours = (session.end - session.start).total_seconds() / 3600.0;
      offer_cost.catering += offer.participants * programme.costs.catering_per_participant_session;
      offer_cost.venue += venue_rate;
      offer_cost.staff += offer.leaders * hours * programme.costs.staff_hourly;
      auto count = [&](const std::vector<std::string>& ids, const std::vector<ProgrammePerson>& people, double fallback) {
        for (const auto& id : ids) {
          for (const auto& p : people) {
            if (p.id == id) offer_cost.staff += hours * rate_of(p, fallback);
          }
          auto& load = loads[id];
          load.sessions += 1;
          load.hours += hours;
          if (std::find(load.offers.begin(), load.offers.end(), offer.id) == load.offers.end()) load.offers.push_back(offer.id);
          load.busiest_week = std::max(load.busiest_week, ++weekly[{id, week_of(session.date)}]);
        }
      };
      count(session.presenters, programme.presenters, programme.costs.staff_hourly);
      count(session.volunteers, programme.volunteers, programme.costs.volunteer_hourly);
    }
    offer_cost.catering = cents(offer_cost.catering);
    offer_cost.venue = cents(offer_cost.venue);
    offer_cost.staff = cents(offer_cost.staff);
    offer_cost.total = cents(offer_cost.catering + offer_cost.venue + offer_cost.staff);
    planned.cost = offer_cost;
    plan.total_cost += offer_cost.total;
  }
  plan.total_cost = cents(plan.total_cost);
  for (const auto& p : programme.presenters) plan.load.push_back(loads[p.id]);
  for (const auto& p : programme.volunteers) plan.load.push_back(loads[p.id]);
  return plan;
}

std::vector<Violation> check_plan(const ProgrammePlan& plan) {
  // Written apart from the planner: from the sessions as planned, every hard rule again.
  const Programme& programme = plan.programme;
  std::vector<Violation> findings;
  auto error = [&](const char* rule, std::string message) {
    findings.push_back({rule, Severity::error, std::move(message), std::nullopt});
  };
  struct Held {
    const Offer* offer;
    const ProgrammeSession* session;
  };
  std::map<std::string, std::vector<Held>> by_resource;
  for (std::size_t o = 0; o < plan.offers.size() && o < programme.offers.size(); ++o) {
    const Offer& offer = programme.offers[o];
    const auto& sessions = plan.offers[o].sessions;
    for (std::size_t s = 0; s < sessions.size(); ++s) {
      const auto& session = sessions[s];
      const std::string where = offer.id + " session " + std::to_string(session.number);
      if (s > 0 && sessions[s - 1].date >= session.date) error("C4", where + " is not after the session before it");
      const SchoolCalendar* calendar =
          follows_school_calendar(offer.kind) && programme.school_calendar ? &*programme.school_calendar : nullptr;
      if (course_closure(session.date, calendar)) error("C11", where + " is on a closed day");
      if (session.start < offer.earliest_start ||
          minute_of(session.end) > latest_end_minute(offer, programme) ||
          minute_of(session.end) - minute_of(session.start) != offer.session_minutes) {
        error("C3", where + " is outside its window");
      }
      if (static_cast<int>(session.presenters.size()) != offer.presenters_per_session ||
          static_cast<int>(session.volunteers.size()) != offer.volunteers_per_session) {
        error("C7", where + " is not staffed as its offer asks");
      }
      for (const auto& id : session.presenters) {
        by_resource["p:" + id].push_back({&offer, &session});
        for (const auto& p : programme.presenters) {
          if (p.id == id && !p.available_on(session.date)) error("C7", where + ": " + id + " is not available");
        }
      }
      for (const auto& id : session.volunteers) {
        by_resource["v:" + id].push_back({&offer, &session});
        for (const auto& p : programme.volunteers) {
          if (p.id != id) continue;
          if (!p.available_on(session.date)) error("V4", where + ": " + id + " is not available");
          if (offer.police_certificate && !(p.certificate_valid_until && *p.certificate_valid_until >= session.date)) {
            error("X5", where + ": " + id + " has no valid police certificate");
          }
        }
      }
      by_resource["r:" + session.venue].push_back({&offer, &session});
      for (const auto& venue : programme.venues) {
        if (venue.id == session.venue && has_date(venue.taken, session.date)) error("C8", where + ": the venue is taken");
      }
    }
  }
  for (const auto& [resource, held] : by_resource) {
    for (std::size_t i = 0; i < held.size(); ++i) {
      for (std::size_t j = i + 1; j < held.size(); ++j) {
        const auto& a = *held[i].session;
        const auto& b = *held[j].session;
        if (a.date == b.date && a.start < b.end && b.start < a.end) {
          error(resource[0] == 'v' ? "V4" : resource[0] == 'p' ? "C7" : "C8",
                resource.substr(2) + " is booked twice on " + iso_date(a.date) + " (" + held[i].offer->id + ", " +
                    held[j].offer->id + ")");
        }
      }
    }
    if (resource[0] == 'r') continue;
    std::map<long, int> weeks;
    for (const auto& h : held) ++weeks[week_of(h.session->date)];
    int limit = 0;
    for (const auto& p : resource[0] == 'p' ? programme.presenters : programme.volunteers) {
      if (p.id == resource.substr(2)) limit = p.max_sessions_per_week;
    }
    for (const auto& [week, count] : weeks) {
      if (count > limit) error(resource[0] == 'p' ? "C7" : "V4", resource.substr(2) + " has more sessions in a week than the limit");
    }
  }
  return findings;
}

std::ostream& operator<<(std::ostream& out, const ProgrammeObjective& objective) {
  return out << "ProgrammeObjective(dropped_sessions=" << objective.dropped_sessions
             << ", dropped_offers=" << objective.dropped_offers << ", moved_sessions=" << objective.moved_sessions
             << ", minutes_before_latest_start=" << objective.minutes_before_latest_start << ")";
}

std::ostream& operator<<(std::ostream& out, const ProgrammeSession& session) {
  out << "ProgrammeSession(number=" << session.number << ", date=" << iso_date(session.date)
      << ", start=" << clock_time(session.start) << ", end=" << clock_time(session.end) << ", venue=" << session.venue;
  if (!session.presenters.empty()) out << ", presenters=" << programme_join(session.presenters, ",");
  if (!session.volunteers.empty()) out << ", volunteers=" << programme_join(session.volunteers, ",");
  return out << ")";
}

}  // namespace paarorende
