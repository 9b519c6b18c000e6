// paarorende._core.programme: a season's offers planned together (issue #19; DOMAIN C1-C12, G9,
// P2, P3, V4, V5, X5). The logic is the C++ planner's; this is its skin.
#include "binding.hpp"
#include "paarorende/io/programme.hpp"
#include "paarorende/programme.hpp"

namespace {

using namespace paarorende;
using namespace paarorende::python;

std::string joined(const std::vector<std::string>& ids) {
  std::string text;
  for (const auto& id : ids) text += (text.empty() ? "" : ", ") + id;
  return text;
}

// The plan's tables as records: real dates and times, one dict per row.
py::list programme_records(const ProgrammePlan& plan, const std::string& table) {
  py::list records;
  if (table == "sessions") {
    for (const auto& offer : plan.offers) {
      for (const auto& s : offer.sessions) {
        py::dict r;
        r["offer"] = offer.id;
        r["kind"] = std::string(to_string(offer.kind));
        r["session"] = s.number;
        r["date"] = py::cast(s.date);
        r["start"] = py::cast(s.start);
        r["end"] = py::cast(s.end);
        r["venue"] = s.venue;
        r["presenters"] = joined(s.presenters);
        r["volunteers"] = joined(s.volunteers);
        r["moved_from"] = s.moved_from ? py::cast(*s.moved_from) : py::none();
        records.append(r);
      }
    }
  } else if (table == "unused_dates") {
    for (const auto& u : plan.unused_dates) {
      std::vector<std::string> kinds, rules;
      for (const auto& reason : u.reasons) {
        kinds.push_back(reason.kind);
        if (std::find(rules.begin(), rules.end(), reason.rule) == rules.end()) rules.push_back(reason.rule);
      }
      py::dict r;
      r["offer"] = u.offer;
      r["session"] = u.session;
      r["date"] = py::cast(u.date);
      r["reasons"] = joined(kinds);
      r["rules"] = joined(rules);
      records.append(r);
    }
  } else if (table == "load") {
    for (const auto& l : plan.load) {
      py::dict r;
      r["id"] = l.id;
      r["kind"] = l.kind;
      r["sessions"] = l.sessions;
      r["hours"] = l.hours;
      r["busiest_week"] = l.busiest_week;
      r["max_sessions_per_week"] = l.max_sessions_per_week;
      r["offers"] = joined(l.offers);
      records.append(r);
    }
  } else if (table == "costs") {
    for (const auto& offer : plan.offers) {
      py::dict r;
      r["offer"] = offer.id;
      r["catering"] = offer.cost.catering;
      r["venue"] = offer.cost.venue;
      r["staff"] = offer.cost.staff;
      r["total"] = offer.cost.total;
      records.append(r);
    }
  } else {
    throw py::value_error("table: expected \"sessions\", \"unused_dates\", \"load\" or \"costs\", got \"" + table + "\"");
  }
  return records;
}

}  // namespace

void register_programme(py::module_& m) {
  py::class_<Programme> programme(
      m, "Programme",
      "A season's programme (docs/programme.md): the offers, presenters, volunteers, venues and "
      "rates. Read one with Programme.load or Programme.from_json; plan it with plan_programme.");
  programme.def_readonly("municipality", &Programme::municipality, "The municipality or region.")
      .def_readonly("language", &Programme::language,
                    "The language of the offers' default titles, the overview and the workbook (the "
                    "document's \"language\").")
      .def_property_readonly(
          "offers", [](const Programme& p) { return json_object(to_json(p)["offers"]); },
          "The offers as dicts, every default filled in from the offer's kind.")
      .def_property_readonly(
          "presenters", [](const Programme& p) { return json_object(to_json(p)["presenters"]); },
          "The presenters as dicts (C7).")
      .def_property_readonly(
          "volunteers", [](const Programme& p) { return json_object(to_json(p)["volunteers"]); },
          "The volunteers as dicts, by pseudonymous id (V4, X4, X5).")
      .def_property_readonly(
          "venues", [](const Programme& p) { return json_object(to_json(p)["venues"]); }, "The venues as dicts (C8).");
  def_from_json(programme, [](const Json& d) { return programme_from_json(d); },
                "Reads a programme from JSON text; raises InputError saying where (a JSON pointer) and which rule.")
      .def_static(
          "load", [](const std::filesystem::path& path) { return load_programme(path); }, "path"_a,
          "Reads a programme from a JSON file (file references relative to it); errors name the file.");
  def_to_json(programme, "The JSON text; indent None writes one line.")
      .def(
          "to_dict", [](const Programme& self) { return json_object(to_json(self)); },
          "The JSON document as Python dicts and lists.");
  def_value(
      programme,
      [](const Programme& p) {
        return "Programme(" + field("municipality", p.municipality) + ", " +
               counted(p.offers.size(), "offer", "offers") + ")";
      },
      "The value as text.");

  py::class_<ProgrammePlan> plan(
      m, "ProgrammePlan",
      "A planned season: each offer's sessions, the cadence dates not used and why, each person's "
      "load and the costs (C12). to_dataframe(table) gives one table as a pandas.DataFrame.");
  plan.def_property_readonly("feasible", &ProgrammePlan::feasible,
                             "True when every session is held; False when some had to be dropped.")
      .def_readonly("total_cost", &ProgrammePlan::total_cost, "What the season costs (C12).")
      .def_property_readonly(
          "objective",
          [](const ProgrammePlan& p) {
            py::dict o;
            o["dropped_sessions"] = p.objective.dropped_sessions;
            o["dropped_offers"] = p.objective.dropped_offers;
            o["moved_sessions"] = p.objective.moved_sessions;
            o["minutes_before_latest_start"] = p.objective.minutes_before_latest_start;
            return o;
          },
          "The lexicographic objective: sessions dropped, offers with a dropped session, sessions "
          "moved, minutes before the latest starts.")
      .def_property_readonly(
          "dropped", [](const ProgrammePlan& p) { return json_object(to_json(p).value("dropped", Json::array())); },
          "The dropped sessions as dicts, each with its rules and the offers in the way.")
      .def("to_records", &programme_records, "table"_a = "sessions",
           "One table as a list of dicts: \"sessions\", \"unused_dates\", \"load\" or \"costs\".")
      .def(
          "to_dataframe",
          [](const ProgrammePlan& self, const std::string& table) {
            const py::module_ pandas = import_optional("pandas", "ProgrammePlan.to_dataframe()", "python3-pandas");
            return pandas.attr("DataFrame")(programme_records(self, table));
          },
          "table"_a = "sessions",
          "to_records(table) as a pandas.DataFrame: \"sessions\", \"unused_dates\", \"load\" or \"costs\".")
      .def(
          "to_dict", [](const ProgrammePlan& self) { return json_object(to_json(self)); },
          "The plan as `paarorende programme` prints it, as dicts.")
      .def(
          "to_html", [](const ProgrammePlan& self, Language language) { return programme_html(self, language); },
          py::kw_only(), "language"_a = Language::nb, "The printable overview, in nb, nn or en.")
      .def(
          "to_ical",
          [](const ProgrammePlan& self, const py::object& dtstamp, std::string uid_domain) {
            return programme_calendars(self, ical_options(dtstamp, std::move(uid_domain)));
          },
          py::kw_only(), "dtstamp"_a = py::none(), "uid_domain"_a = IcalOptions{}.uid_domain,
          "One iCalendar document per offer, presenter and venue, by file name; UIDs are stable "
          "across re-planning. `dtstamp` (a datetime.datetime) is every event's DTSTAMP.");
  def_to_json(plan, "The plan as JSON text.");
  def_value(
      plan,
      [](const ProgrammePlan& p) {
        return "ProgrammePlan(" + counted(p.offers.size(), "offer", "offers") + ", " +
               field("feasible", p.feasible()) + ", " + field("total_cost", p.total_cost) + ")";
      },
      "The value as text.");

  m.def("plan_programme", &plan_programme, "programme"_a, py::call_guard<py::gil_scoped_release>(),
        "Plans every offer together (docs/programme.md): nobody and no venue booked twice, each "
        "offer's rules and each person's weekly limit kept; the fewest sessions dropped, then "
        "moved, then the latest starts (DOMAIN C1-C12, V4, X5).");
  m.def("check_programme_plan", &check_plan, "plan"_a,
        "Every hard-rule breach of a plan, found apart from the planner: double bookings, weekly "
        "limits, closed days, windows, staffing and order (an empty list: none).");
}
