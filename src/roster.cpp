#include "paarorende/roster.hpp"

#include <algorithm>

#include "detail/check_fields.hpp"
#include "detail/input_error.hpp"
#include "detail/text.hpp"
#include "paarorende/error.hpp"

namespace paarorende {

namespace {

std::string meeting_label(const Shift& shift) {
  std::string label = "meeting ";
  label += std::to_string(shift.meeting);
  label += " (" + iso_date(shift.date) + ")";
  return label;
}

// Why `volunteer` cannot take `shift`, or empty when they can (DOMAIN X5 first).
std::string why_not(const Roster& roster, const Volunteer& volunteer, const Shift& shift) {
  if (!volunteer.certificate_valid_until) {
    return volunteer.id + " has no police certificate [X5]";
  }
  if (!volunteer.certificate_valid_on(shift.date)) {
    return volunteer.id + "'s police certificate lapsed " +
           iso_date(*volunteer.certificate_valid_until) + " [X5]";
  }
  if (!volunteer.available_on(shift.date)) {
    return volunteer.id + " cannot come on " + iso_date(shift.date);
  }
  if (std::find(shift.volunteers.begin(), shift.volunteers.end(), volunteer.id) !=
      shift.volunteers.end()) {
    return volunteer.id + " is already rostered on " + meeting_label(shift);
  }
  if (volunteer.max_meetings && roster.meetings_of(volunteer.id) >= *volunteer.max_meetings) {
    return volunteer.id + " has reached their maximum of " + std::to_string(*volunteer.max_meetings) +
           " meetings";
  }
  return {};
}

Shift& shift_of(Roster& roster, int meeting) {
  for (auto& shift : roster.shifts) {
    if (shift.meeting == meeting) return shift;
  }
  detail::raise_input_error("/shifts", "no meeting " + std::to_string(meeting) + " in the roster");
}

const Volunteer& volunteer_of(const Roster& roster, std::string_view id) {
  if (const Volunteer* volunteer = roster.find_volunteer(id)) return *volunteer;
  detail::raise_input_error("/volunteers", "no volunteer " + detail::quote_input(id) + " in the roster");
}

}  // namespace

bool Volunteer::certificate_valid_on(Date date) const noexcept {
  return certificate_valid_until && date <= *certificate_valid_until;
}

bool Volunteer::available_on(Date date) const noexcept {
  return std::find(unavailable.begin(), unavailable.end(), date) == unavailable.end();
}

int adults_needed(int children, const RosterRules& rules) noexcept {
  // DOMAIN X5: never fewer than the minimum; one adult per `children_per_adult` children.
  int needed = rules.min_adults;
  if (rules.children_per_adult > 0 && children > 0) {
    needed = std::max(needed, (children + rules.children_per_adult - 1) / rules.children_per_adult);
  }
  return needed;
}

const Volunteer* Roster::find_volunteer(std::string_view id) const noexcept {
  for (const auto& volunteer : volunteers) {
    if (volunteer.id == id) return &volunteer;
  }
  return nullptr;
}

const Shift* Roster::find_shift(int meeting) const noexcept {
  for (const auto& shift : shifts) {
    if (shift.meeting == meeting) return &shift;
  }
  return nullptr;
}

int Roster::meetings_of(std::string_view id) const noexcept {
  int count = 0;
  for (const auto& shift : shifts) {
    count += static_cast<int>(std::count(shift.volunteers.begin(), shift.volunteers.end(), id));
  }
  return count;
}

void check_roster(const Roster& roster) {
  if (roster.rules.min_adults < 2) {
    // DOMAIN X5: a session for children has at least two adults present.
    detail::raise_input_error("/rules/min_adults", "a meeting for children has at least two adults, got " +
                               std::to_string(roster.rules.min_adults), detail::Rule{"X5"});
  }
  if (roster.rules.min_adults > 100) {
    detail::raise_input_error("/rules/min_adults", "must be between 2 and 100, got " + std::to_string(roster.rules.min_adults));
  }
  detail::check_fields(roster.rules, "/rules", detail::RangeMessage::bounds_and_value);
  for (std::size_t i = 0; i < roster.volunteers.size(); ++i) {
    const Volunteer& volunteer = roster.volunteers[i];
    const std::string at = detail::index_pointer("/volunteers", i);
    if (!detail::is_slug(volunteer.id)) {
      // DOMAIN X4: a pseudonym, never a name.
      detail::raise_input_error(at + "/id", "an id is lower-case letters, digits and _ (at most 64), got " +
                               detail::quote_input(volunteer.id));
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (roster.volunteers[j].id == volunteer.id) {
        detail::raise_input_error(at + "/id", "volunteer id " + detail::quote_input(volunteer.id) + " is used twice");
      }
    }
    if (volunteer.max_meetings && (*volunteer.max_meetings < 0 || *volunteer.max_meetings > 1000)) {
      detail::raise_input_error(at + "/max_meetings", "must be between 0 and 1000, got " + std::to_string(*volunteer.max_meetings));
    }
  }
  for (std::size_t i = 0; i < roster.shifts.size(); ++i) {
    const Shift& shift = roster.shifts[i];
    const std::string at = detail::index_pointer("/shifts", i);
    if (shift.meeting != static_cast<int>(i) + 1) {
      detail::raise_input_error(at + "/meeting", "meetings are numbered 1.." + std::to_string(roster.shifts.size()) +
                               " in order, got " + std::to_string(shift.meeting));
    }
    if (i > 0 && shift.date <= roster.shifts[i - 1].date) {
      detail::raise_input_error(at + "/date", "meetings must be in date order, one per date");
    }
    if (shift.children < 0 || shift.adults_needed < 0) {
      detail::raise_input_error(at + "/children", "counts cannot be negative");
    }
  }
}

Roster make_roster(std::vector<Shift> shifts, std::vector<Volunteer> volunteers,
                   const RosterRules& rules) {
  Roster roster{rules, std::move(volunteers), std::move(shifts)};
  for (auto& shift : roster.shifts) shift.volunteers.clear();
  check_roster(roster);
  std::vector<int> load(roster.volunteers.size(), 0);
  for (auto& shift : roster.shifts) {
    // Fewest meetings so far first, then by id: the load is spread and the result is stable.
    std::vector<std::size_t> order(roster.volunteers.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      if (load[a] != load[b]) return load[a] < load[b];
      return roster.volunteers[a].id < roster.volunteers[b].id;
    });
    for (std::size_t i : order) {
      if (static_cast<int>(shift.volunteers.size()) >= shift.adults_needed) break;
      const Volunteer& volunteer = roster.volunteers[i];
      if (!why_not(roster, volunteer, shift).empty()) continue;  // DOMAIN X5 first
      shift.volunteers.push_back(volunteer.id);
      ++load[i];
    }
  }
  return roster;
}

std::vector<Shortfall> shortfalls(const Roster& roster) {
  std::vector<Shortfall> result;
  for (const auto& shift : roster.shifts) {
    int rostered = 0;  // those who may be there: known, certified that day and available
    for (const auto& id : shift.volunteers) {
      const Volunteer* volunteer = roster.find_volunteer(id);
      if (volunteer && volunteer->certificate_valid_on(shift.date) && volunteer->available_on(shift.date)) {
        ++rostered;
      }
    }
    if (rostered >= shift.adults_needed) continue;
    // The reason: what keeps the others off this meeting, counted by cause.
    int lapsed = 0;
    int absent = 0;
    int full = 0;
    int free = 0;
    int rostered_lapsed = 0;  // on the shift, but not counted
    int rostered_absent = 0;
    for (const auto& volunteer : roster.volunteers) {
      if (std::find(shift.volunteers.begin(), shift.volunteers.end(), volunteer.id) !=
          shift.volunteers.end()) {
        if (!volunteer.certificate_valid_on(shift.date)) {
          ++rostered_lapsed;
        } else if (!volunteer.available_on(shift.date)) {
          ++rostered_absent;
        }
        continue;
      }
      if (!volunteer.certificate_valid_on(shift.date)) {
        ++lapsed;
      } else if (!volunteer.available_on(shift.date)) {
        ++absent;
      } else if (volunteer.max_meetings && roster.meetings_of(volunteer.id) >= *volunteer.max_meetings) {
        ++full;
      } else {
        ++free;
      }
    }
    std::string reason;
    if (free > 0) {
      reason = std::to_string(free) + " free volunteer(s) not rostered";
    } else {
      reason = "no other volunteer can come";
      std::string causes;
      auto cause = [&causes](int count, const char* text) {
        if (count == 0) return;
        causes += causes.empty() ? "" : ", ";
        causes += std::to_string(count) + " " + text;
      };
      cause(rostered_lapsed, "rostered without a valid police certificate [X5]");
      cause(rostered_absent, "rostered on a date they cannot come");
      cause(lapsed, "without a valid police certificate [X5]");
      cause(absent, "unavailable");
      cause(full, "at their maximum");
      if (!causes.empty()) reason += ": " + causes;
    }
    result.push_back({shift.meeting, shift.date, shift.adults_needed, rostered, reason});
  }
  return result;
}

std::vector<Violation> validate(const Roster& roster) {
  std::vector<Violation> found;
  auto add = [&found](Severity severity, std::string message, std::optional<int> meeting) {
    found.push_back({"X5", severity, std::move(message), meeting});
  };
  for (const auto& shift : roster.shifts) {
    const std::string label = meeting_label(shift);
    const int needed_minimum = adults_needed(shift.children, roster.rules);
    if (shift.adults_needed < needed_minimum) {
      add(Severity::error,
          label + " plans for " + std::to_string(shift.adults_needed) + " adults; " +
              std::to_string(shift.children) + " children need at least " +
              std::to_string(needed_minimum),
          shift.meeting);
    }
    for (std::size_t i = 0; i < shift.volunteers.size(); ++i) {
      const std::string& id = shift.volunteers[i];
      const Volunteer* volunteer = roster.find_volunteer(id);
      if (volunteer == nullptr) {
        add(Severity::error, label + ": no volunteer " + detail::quote_input(id), shift.meeting);
        continue;
      }
      if (std::find(shift.volunteers.begin(), shift.volunteers.begin() + static_cast<long>(i), id) !=
          shift.volunteers.begin() + static_cast<long>(i)) {
        add(Severity::error, label + ": " + id + " is rostered twice", shift.meeting);
      }
      if (!volunteer->certificate_valid_until) {
        add(Severity::error, label + ": " + id + " has no police certificate", shift.meeting);
      } else if (!volunteer->certificate_valid_on(shift.date)) {
        add(Severity::error,
            label + ": " + id + "'s police certificate lapsed " +
                iso_date(*volunteer->certificate_valid_until),
            shift.meeting);
      }
      if (!volunteer->available_on(shift.date)) {
        add(Severity::error, label + ": " + id + " cannot come that day", shift.meeting);
      }
    }
  }
  for (const auto& shortfall : shortfalls(roster)) {
    add(Severity::error,
        "meeting " + std::to_string(shortfall.meeting) + " (" + iso_date(shortfall.date) + ") has " +
            std::to_string(shortfall.rostered) + " of " + std::to_string(shortfall.needed) +
            " adults: " + shortfall.reason,
        shortfall.meeting);
  }
  for (const auto& volunteer : roster.volunteers) {
    const int meetings = roster.meetings_of(volunteer.id);
    if (volunteer.max_meetings && meetings > *volunteer.max_meetings) {
      add(Severity::warning,
          volunteer.id + " is rostered on " + std::to_string(meetings) + " meetings; at most " +
              std::to_string(*volunteer.max_meetings),
          std::nullopt);
    }
    // A certificate that lapses before the roster's last meeting: renew it in time.
    if (volunteer.certificate_valid_until && !roster.shifts.empty() &&
        roster.shifts.front().date <= *volunteer.certificate_valid_until &&
        *volunteer.certificate_valid_until < roster.shifts.back().date) {
      add(Severity::warning,
          volunteer.id + "'s police certificate lapses " +
              iso_date(*volunteer.certificate_valid_until) + ", before the last meeting (" +
              iso_date(roster.shifts.back().date) + "): renew it to be rostered after",
          std::nullopt);
    }
  }
  std::stable_sort(found.begin(), found.end(), [](const Violation& a, const Violation& b) {
    return a.session.value_or(1 << 30) < b.session.value_or(1 << 30);
  });
  return found;
}

void assign(Roster& roster, int meeting, std::string_view volunteer) {
  const Shift& shift = shift_of(roster, meeting);
  const Volunteer& who = volunteer_of(roster, volunteer);
  std::string reason = why_not(roster, who, shift);
  if (!reason.empty()) {
    // DOMAIN X5: a lapsed or missing certificate is the rule's; the others are plain refusals.
    // The error carries the rule itself, so the reason's own " [X5]" is dropped.
    const bool certificate = !who.certificate_valid_on(shift.date);
    if (certificate && reason.ends_with(" [X5]")) reason.resize(reason.size() - 5);
    throw RuleViolation(certificate ? "X5" : "", "cannot roster on " + meeting_label(shift) + ": " + reason,
                        "/shifts/" + std::to_string(meeting - 1));
  }
  Roster changed = roster;
  shift_of(changed, meeting).volunteers.push_back(std::string(volunteer));
  roster = std::move(changed);  // noexcept: the roster is changed whole or not at all
}

void unassign(Roster& roster, int meeting, std::string_view volunteer) {
  const Shift& shift = shift_of(roster, meeting);
  const auto it = std::find(shift.volunteers.begin(), shift.volunteers.end(), volunteer);
  if (it == shift.volunteers.end()) {
    detail::raise_input_error("/shifts/" + std::to_string(meeting - 1) + "/volunteers", std::string(volunteer) + " is not rostered on " + meeting_label(shift));
  }
  Roster changed = roster;
  auto& list = shift_of(changed, meeting).volunteers;
  list.erase(std::find(list.begin(), list.end(), volunteer));
  roster = std::move(changed);
}

void add_volunteer(Roster& roster, Volunteer volunteer) {
  Roster changed = roster;
  changed.volunteers.push_back(std::move(volunteer));
  check_roster(changed);  // a malformed or duplicate id throws before anything changes
  roster = std::move(changed);
}

void remove_volunteer(Roster& roster, std::string_view volunteer) {
  volunteer_of(roster, volunteer);
  Roster changed = roster;
  changed.volunteers.erase(std::find_if(changed.volunteers.begin(), changed.volunteers.end(),
                                        [&](const Volunteer& v) { return v.id == volunteer; }));
  for (auto& shift : changed.shifts) {
    shift.volunteers.erase(std::remove(shift.volunteers.begin(), shift.volunteers.end(), volunteer),
                           shift.volunteers.end());
  }
  roster = std::move(changed);
}

void update_volunteer(Roster& roster, Volunteer volunteer) {
  volunteer_of(roster, volunteer.id);
  for (const auto& shift : roster.shifts) {
    if (std::find(shift.volunteers.begin(), shift.volunteers.end(), volunteer.id) ==
        shift.volunteers.end()) {
      continue;
    }
    if (!volunteer.certificate_valid_on(shift.date)) {
      throw RuleViolation("X5", volunteer.id + " is rostered on " + meeting_label(shift) +
                                    ", after the police certificate lapses; unassign first",
                          "/shifts/" + std::to_string(shift.meeting - 1));
    }
    if (!volunteer.available_on(shift.date)) {
      throw RuleViolation("", volunteer.id + " is rostered on " + meeting_label(shift) +
                                  ", a date they cannot come; unassign first",
                          "/shifts/" + std::to_string(shift.meeting - 1));
    }
  }
  Roster changed = roster;
  for (auto& v : changed.volunteers) {
    if (v.id == volunteer.id) v = std::move(volunteer);
  }
  check_roster(changed);
  roster = std::move(changed);
}

std::ostream& operator<<(std::ostream& out, const Shift& shift) {
  out << "Shift(" << shift.meeting << ", " << iso_date(shift.date) << ", " << shift.volunteers.size()
      << '/' << shift.adults_needed << " adults)";
  return out;
}

std::ostream& operator<<(std::ostream& out, const Shortfall& shortfall) {
  return out << "Shortfall(meeting " << shortfall.meeting << ", " << iso_date(shortfall.date) << ", "
             << shortfall.rostered << '/' << shortfall.needed << " adults: " << shortfall.reason
             << ')';
}

}  // namespace paarorende
