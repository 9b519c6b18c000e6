// Forming groups from a waitlist (DOMAIN G1-G9, C8, V1): the waitlist with its places, the
// formation settings and objective weights, pins and locked groups, and the result with its
// groups, scores and the households left out with reasons. The formation runs without the GIL.
#include "binding.hpp"
#include "frames.hpp"
#include "fields.hpp"

#include <filesystem>
#include <optional>

namespace {

using namespace paarorende;
using namespace paarorende::python;
using Path = std::filesystem::path;

std::string repr(const Place& place) {
  std::string text = "Place(" + field("id", place.id);
  add_if_changed(text, "municipality", place.municipality, std::string());
  text += ", " + field("latitude", place.latitude) + ", " + field("longitude", place.longitude);
  add_if_changed(text, "venue", place.venue, true);
  return text + ")";
}

py::dict scores_dict(const SoftScores& s) {
  return py::dict("travel_minutes"_a = s.travel_minutes, "max_travel_minutes"_a = s.max_travel_minutes,
                  "participants_off_target"_a = s.participants_off_target,
                  "p_at_least_min_present"_a = s.p_at_least_min_present,
                  "attendance_shortfall"_a = s.attendance_shortfall, "stage_span"_a = s.stage_span,
                  "kindergarten"_a = s.kindergarten, "without_acquaintance"_a = s.without_acquaintance,
                  "rare_without_peer"_a = s.rare_without_peer, "mixed_conditions"_a = s.mixed_conditions);
}

std::vector<std::string> municipalities_of(const Group& group) {
  std::vector<std::string> found;
  for (const Household& household : group.households) {
    if (!household.municipality.empty() &&
        std::find(found.begin(), found.end(), household.municipality) == found.end()) {
      found.push_back(household.municipality);
    }
  }
  std::sort(found.begin(), found.end());
  return found;
}

FormationResult run(FormationRequest request, std::optional<std::uint64_t> seed) {
  if (seed) request.formation.seed = *seed;
  py::gil_scoped_release release;  // a national waitlist takes a second or two
  return form_groups(request);
}

}  // namespace

void register_formation(py::module_& m) {
  py::class_<Place> place(m, "Place",
                          "A pickup place (a school) or a venue (a community hall) with approximate "
                          "WGS84 coordinates, from which travel times are estimated (DOMAIN C8).");
  place
      .def(py::init([](std::string id, std::string municipality, double latitude, double longitude,
                       bool venue) {
             return Place{std::move(id), std::move(municipality), latitude, longitude, venue};
           }),
           py::kw_only(), "id"_a, "municipality"_a = "", "latitude"_a, "longitude"_a,
           "venue"_a = true,
           "A place `id` (a slug) in `municipality`, at `latitude`, `longitude` (degrees); `venue` "
           "says whether a group may meet there.")
      .def_readwrite("id", &Place::id, "The place's slug id.")
      .def_readwrite("municipality", &Place::municipality, "Municipality number or name.")
      .def_readwrite("latitude", &Place::latitude, "Degrees north.")
      .def_readwrite("longitude", &Place::longitude, "Degrees east.")
      .def_readwrite("venue", &Place::venue, "Whether a group may meet here.");
  def_value(
      place, [](const Place& self) { return repr(self); }, "The value as its keyword constructor.");

  py::class_<TravelTime> travel(m, "TravelTime",
                                "A known travel time between two places, in minutes by car, both ways; it "
                                "replaces the estimate from coordinates (DOMAIN C8).");
  travel
      .def(py::init([](std::string from, std::string to, double minutes) {
             return TravelTime{std::move(from), std::move(to), minutes};
           }),
           py::kw_only(), "from_"_a, "to"_a, "minutes"_a,
           "Minutes between the places `from_` and `to`.")
      .def_readwrite("from_", &TravelTime::from, "One place id (`from` in JSON).")
      .def_readwrite("to", &TravelTime::to, "The other place id.")
      .def_readwrite("minutes", &TravelTime::minutes, "Minutes by car.");
  def_keyword_value(travel, "The value as its keyword constructor.", "from_", &TravelTime::from,
                    "to", &TravelTime::to, "minutes", &TravelTime::minutes);

  py::class_<TravelModel> model(m, "TravelModel",
                                "Minutes estimated from coordinates: great-circle distance times "
                                "`detour_factor`, at `speed_kmh` (DOMAIN C8).");
  // The constructor, properties and repr (every field) from TravelModel's table (waitlist.hpp).
  def_field_value(model, "The travel model.", "The value as its keyword constructor.",
                  FieldRepr::every);

  py::class_<TravelLimits> limits(m, "TravelLimits",
                                  "DOMAIN C8, the one travel rule: a drive from the venue to a pickup place "
                                  "longer than `warn_minutes` (15, a short drive) is a warning, longer than "
                                  "`max_minutes` (60) an error; formation never forms such a group. A course "
                                  "request, a waitlist, a group document and a format each hold one.");
  // The constructor, properties and repr (every field) from TravelLimits' table (travel.hpp).
  def_field_value(limits, "The travel rule.", "The value as its keyword constructor.", FieldRepr::every);

  py::class_<Waitlist> waitlist(m, "Waitlist",
                                "Households waiting for a course, where each is picked up (its `school`, "
                                "a place id) and the places a group can meet (DOMAIN G1-G9, C8, V1). "
                                "Pseudonymous ids only (X4).");
  waitlist
      .def(py::init([](std::string id, std::vector<Place> places, std::vector<Household> households,
                       std::vector<TravelTime> travel_times, TravelModel travel_model, TravelLimits travel) {
             Waitlist w;
             w.id = std::move(id);
             w.places = std::move(places);
             w.households = std::move(households);
             w.travel_times = std::move(travel_times);
             w.travel_model = travel_model;
             w.travel = travel;
             return w;
           }),
           py::kw_only(), "id"_a = "", "places"_a = std::vector<Place>{},
           "households"_a = std::vector<Household>{}, "travel_times"_a = std::vector<TravelTime>{},
           "travel_model"_a = TravelModel{}, "travel"_a = TravelLimits{}, "A waitlist of `households` picked up at `places`.")
      .def_readwrite("id", &Waitlist::id, "The waitlist's id.")
      .def_property("places", list_getter(&Waitlist::places), list_setter(&Waitlist::places),
                    "The places (a list of copies; assign a list to change it).")
      .def_property("households", list_getter(&Waitlist::households),
                    list_setter(&Waitlist::households),
                    "The households (a list of copies; assign a list to change it).")
      .def_property("travel_times", list_getter(&Waitlist::travel_times),
                    list_setter(&Waitlist::travel_times), "Known travel times (a list of copies).")
      .def_readwrite("travel_model", &Waitlist::travel_model,
                     "How unknown travel times are estimated.")
      .def_readwrite("travel", &Waitlist::travel,
                     "The travel rule (TravelLimits, DOMAIN C8): no group beyond max_minutes, a warning "
                     "beyond warn_minutes.")
      .def_static(
          "load", [](const Path& path) { return load_waitlist(path).waitlist; }, "path"_a,
          "The waitlist of a waitlist document (docs/formation.md). The document's rules, "
          "formation "
          "settings, pins and locks are read by FormationRequest.load().")
      .def_static(
          "from_dataframe",
          [](const py::object& frame, std::string id, std::vector<Place> places, std::vector<TravelTime> travel_times,
             TravelModel travel_model, TravelLimits travel) {
            const FrameTable table = frame_table(frame, "Waitlist.from_dataframe()");
            Waitlist base;
            base.id = std::move(id);
            base.places = std::move(places);
            base.travel_times = std::move(travel_times);
            base.travel_model = travel_model;
            base.travel = travel;
            return read_frame(table, [&](const CsvTable& cells) { return waitlist_from_table(cells, base); });
          },
          "frame"_a, py::kw_only(), "id"_a = "", "places"_a = std::vector<Place>{},
          "travel_times"_a = std::vector<TravelTime>{}, "travel_model"_a = TravelModel{}, "travel"_a = TravelLimits{},
          "A waitlist from a pandas DataFrame of households, one row per household, as a coordinator "
          "keeps it in a spreadsheet (docs/formation.md, \"A waitlist as a table\"): id, municipality, "
          "school, care_closes, waiting_since, caregiver_1, caregiver_2, child_1_stage, child_1_grade, "
          "child_1_condition, ... Checked as a waitlist document is; InputError at the frame's index "
          "label and column (\"index 3, column 'child_1_grade'\").");
  def_value(
      waitlist,
      [](const Waitlist& self) {
        return "Waitlist(" + field("id", self.id) + ", places=<" +
               counted(self.places.size(), "place", "places") + ">, households=<" +
               counted(self.households.size(), "household", "households") + ">)";
      },
      "A summary: a waitlist holds too much to read in one line.");

  m.def("synthetic_waitlist",
        [](std::size_t households, std::size_t municipalities, std::uint64_t seed) {
          return synthetic_waitlist({households, municipalities, seed});
        },
        py::kw_only(), "households"_a = 1000, "municipalities"_a = 356, "seed"_a = 1,
        "A seeded synthetic waitlist for tests and benchmarks, no data about anyone "
        "(docs/formation.md, 'A synthetic waitlist').");

  py::class_<ObjectiveWeights> weights(m, "ObjectiveWeights",
                                       "What each soft rule costs in the objective, which is minimised "
                                       "(docs/formation.md).");
  // The constructor, properties and repr from ObjectiveWeights' table (formation.hpp).
  def_field_value(weights, "The weights; each a number 0 or more.",
                  "The value as its keyword constructor, defaults left out.");

  py::class_<ExactLimits> exact(m, "ExactLimits",
                                "The exact method's limits: counts, never seconds, so the same input gives the "
                                "same groups on every machine (docs/formation.md, 'The exact method').");
  def_field_value(exact, "The limits; each a count.", "The value as its keyword constructor, defaults left out.");

  py::class_<FormationRules> rules(m, "FormationRules",
                                   "The formation's own settings beside the group rules: the target size "
                                   "(G3), the travel limit (C8), the objective weights and the seed.");
  // The constructor, properties and repr from FormationRules' table (formation.hpp).
  def_field_value(rules, "The settings.", "The value as its keyword constructor, defaults left out.");

  py::class_<Pins> pins(m, "Pins", "A coordinator's constraints: households that must share a group, or must not.");
  pins.def(py::init([](std::vector<std::vector<std::string>> together,
                       std::vector<std::vector<std::string>> apart) {
             return Pins{std::move(together), std::move(apart)};
           }),
           py::kw_only(), "together"_a = std::vector<std::vector<std::string>>{},
           "apart"_a = std::vector<std::vector<std::string>>{},
           "Lists of household ids: each `together` list in one group, no two of an `apart` list "
           "in one.")
      .def_readwrite("together", &Pins::together,
                     "Lists of ids that share a group (or are all left out).")
      .def_readwrite("apart", &Pins::apart, "Lists of ids no two of which share a group.");
  def_keyword_value(pins, "The value as its keyword constructor.", "together", &Pins::together,
                    "apart", &Pins::apart);

  py::class_<LockedGroup> locked(m, "LockedGroup",
                                 "A group kept exactly as it is: its households leave the pool and it is "
                                 "reported unchanged.");
  locked
      .def(py::init([](std::string id, std::vector<std::string> households, std::string venue) {
             return LockedGroup{std::move(id), std::move(venue), std::move(households)};
           }),
           py::kw_only(), "id"_a, "households"_a, "venue"_a = "",
           "Group `id` of `households` at `venue` (a place id; empty: the best venue is chosen).")
      .def_readwrite("id", &LockedGroup::id, "The group's id.")
      .def_readwrite("venue", &LockedGroup::venue, "A place id, or empty.")
      .def_readwrite("households", &LockedGroup::households, "Household ids, in order.");
  def_value(
      locked,
      [](const LockedGroup& self) {
        std::string text =
            "LockedGroup(" + field("id", self.id) + ", " + field("households", self.households);
        add_if_changed(text, "venue", self.venue, std::string());
        return text + ")";
      },
      "The value as its keyword constructor.");

  py::class_<FormationRequest> request(m, "FormationRequest",
                                       "Everything formation reads: the waitlist, the group rules, the "
                                       "formation settings, pins and locked groups (a waitlist document).");
  request
      .def(py::init([](Waitlist waitlist, GroupRules rules, FormationRules formation, Pins pins,
                       std::vector<LockedGroup> locked, std::optional<Region> region) {
             return FormationRequest{std::move(waitlist), std::move(rules), std::move(formation), std::move(pins),
                                     std::move(locked), std::move(region)};
           }),
           py::kw_only(), "waitlist"_a, "rules"_a = GroupRules{}, "formation"_a = FormationRules{},
           "pins"_a = Pins{}, "locked"_a = std::vector<LockedGroup>{}, "region"_a = py::none(), "A request.")
      .def_readwrite("waitlist", &FormationRequest::waitlist, "The Waitlist.")
      .def_readwrite("rules", &FormationRequest::rules, "The GroupRules (G1-G9) every group keeps.")
      .def_readwrite("formation", &FormationRequest::formation, "The FormationRules.")
      .def_readwrite("pins", &FormationRequest::pins, "The Pins.")
      .def_property("locked", list_getter(&FormationRequest::locked),
                    list_setter(&FormationRequest::locked), "The locked groups (a list of copies).")
      .def_readwrite("region", &FormationRequest::region,
                     "The Region the waitlist belongs to, or None (V1): every household's municipality is "
                     "one of its municipalities, and its shared_waitlist decides whether municipalities "
                     "form groups together. The list changes the value in place.")
      .def_static(
          "load",
          [](const Path& path, const std::optional<Path>& base) { return load_waitlist(path, base.value_or(Path())); },
          "path"_a, "base"_a = py::none(),
          "Reads a waitlist document (docs/formation.md): JSON, or a workbook (.xlsx, as `paarorende "
          "template waitlist` writes it) or CSV of households over the waitlist document `base` "
          "(docs/spreadsheets.md); InputError with the file and the JSON pointer, or the sheet, row "
          "and column, in .where for bad input.");
  def_from_json(
      request, [](const Json& document) { return formation_request_from_json(document); },
      "Reads a waitlist document from JSON text (a region file named in it is read from the working "
      "directory).");
  def_to_json(request, "The document as JSON text, which from_json() reads back.");
  def_value(
      request,
      [](const FormationRequest& self) {
        return "FormationRequest(waitlist=" + py_repr(self.waitlist) +
               ", rules=" + py_repr(self.rules) + ", formation=" + py_repr(self.formation) +
               ", pins=" + py_repr(self.pins) + ", locked=" + py_repr(self.locked) +
               (self.region ? ", region=<Region " + self.region->id + ">" : std::string()) + ")";
      },
      "The value as its keyword constructor, the waitlist summarised.");

  py::class_<SoftScores> scores(m, "SoftScores", "A group's soft-rule scores, before weighting.");
  scores.def_readonly("travel_minutes", &SoftScores::travel_minutes, "C8: total minutes over households.")
      .def_readonly("max_travel_minutes", &SoftScores::max_travel_minutes, "C8: the longest trip.")
      .def_readonly("participants_off_target", &SoftScores::participants_off_target, "G3.")
      .def_readonly("p_at_least_min_present", &SoftScores::p_at_least_min_present, "G4.")
      .def_readonly("attendance_shortfall", &SoftScores::attendance_shortfall, "G4: percentage points short.")
      .def_readonly("stage_span", &SoftScores::stage_span, "G6.")
      .def_readonly("kindergarten", &SoftScores::kindergarten, "G6: households with a kindergarten child.")
      .def_readonly("without_acquaintance", &SoftScores::without_acquaintance, "G7.")
      .def_readonly("rare_without_peer", &SoftScores::rare_without_peer, "G8.")
      .def_readonly("mixed_conditions", &SoftScores::mixed_conditions, "G1/G2: the smaller side of a mix.")
      .def("to_dict", &scores_dict, "The scores as a dict.")
      .def(
          "__repr__", [](const SoftScores& self) { return "SoftScores(" + py::repr(scores_dict(self)).cast<std::string>() + ")"; },
          "The scores.");

  py::class_<FormedGroup> formed(m, "FormedGroup", "One formed or locked group, with its venue, rules and scores.");
  formed.def_readonly("group", &FormedGroup::group, "The Group of households, as validate_group() takes it.")
      .def_readonly("venue", &FormedGroup::venue, "The venue's place id.")
      .def_readonly("locked", &FormedGroup::locked, "Whether the group was locked.")
      .def_readonly("satisfied", &FormedGroup::satisfied, "Rule ids with no finding (G1-G8, C8).")
      .def_readonly("violations", &FormedGroup::violations, "validate_group()'s findings, and C8's.")
      .def_readonly("scores", &FormedGroup::scores, "The SoftScores.")
      .def_readonly("cost", &FormedGroup::cost, "The group's term of the objective.")
      .def(
          "__repr__",
          [](const FormedGroup& self) {
            return "FormedGroup(" + field("id", self.group.id) + ", " + field("venue", self.venue) + ", households=<" +
                   counted(self.group.households.size(), "household", "households") + ">, " + field("cost", self.cost) + ")";
          },
          "A summary.");

  py::class_<UnassignedHousehold> unassigned(m, "UnassignedHousehold",
                                             "A household no group could take, why, and the rule that kept it out.");
  unassigned.def_readonly("household", &UnassignedHousehold::household, "The household's id.")
      .def_readonly("rule", &UnassignedHousehold::rule, "The DOMAIN rule id (C8, G1, G3, ...).")
      .def_readonly("reason", &UnassignedHousehold::reason, "Why, in a sentence.")
      .def_readonly("placeable", &UnassignedHousehold::placeable,
                    "False: proven that no grouping keeping the hard rules places it; True: a grouping "
                    "places it (leaving out would_displace); None: neither proven within the limits.")
      .def_property_readonly(
          "would_displace", [](const UnassignedHousehold& self) { return self.would_displace; },
          "When placeable: the households now in a group that the best grouping found to place it leaves out.")
      .def_property_readonly(
          "blocking_rules", [](const UnassignedHousehold& self) { return self.blocking_rules; },
          "When not placeable: the hard rules that keep it out.")
      .def_readonly("weeks_waited", &UnassignedHousehold::weeks_waited,
                    "Weeks on the waitlist by the reference date, when it carries waiting_since; else None.")
      .def(
          "__repr__",
          [](const UnassignedHousehold& self) {
            return "UnassignedHousehold(" + field("household", self.household) + ", " + field("rule", self.rule) +
                   ", placeable=" + (self.placeable ? (*self.placeable ? "True" : "False") : "None") + ", " +
                   field("reason", self.reason) + ")";
          },
          "The value.");

  py::enum_<OptimalityStatus>(m, "OptimalityStatus",
                               "optimal: proven least; bounded: between lower_bound and the objective; "
                               "heuristic: a component too large for the exact method.")
      .value("optimal", OptimalityStatus::optimal)
      .value("bounded", OptimalityStatus::bounded)
      .value("heuristic", OptimalityStatus::heuristic);

  py::class_<Optimality> optimality(m, "Optimality",
                                    "How good a formation is: its status, the objective, a lower bound no grouping "
                                    "goes below, the gap between them, and the components solved exactly.");
  optimality.def_readonly("status", &Optimality::status, "An OptimalityStatus.")
      .def_readonly("objective", &Optimality::objective, "The objective of the groups formed.")
      .def_readonly("lower_bound", &Optimality::lower_bound, "Never above the true optimum.")
      .def_readonly("gap", &Optimality::gap, "(objective - lower_bound) / objective.")
      .def_readonly("components", &Optimality::components, "Components formed (locked groups aside).")
      .def_readonly("optimal_components", &Optimality::optimal_components, "Of them, solved to optimality.")
      .def_readonly("largest_exact", &Optimality::largest_exact,
                    "Blocks in the largest component solved to optimality.")
      .def(
          "__repr__",
          [](const Optimality& self) {
            return "Optimality(status=" + std::string(to_string(self.status)) + ", objective=" +
                   py_repr(self.objective) + ", lower_bound=" + py_repr(self.lower_bound) + ", gap=" +
                   py_repr(self.gap) + ")";
          },
          "A summary.");

  py::class_<FormationResult> result(
      m, "FormationResult",
      "The groups formed (locked first), the households left out with reasons, and the objective "
      "with its terms. to_records() gives one dict per group, to_dataframe() a pandas.DataFrame of "
      "them; unassigned_records() and household_records() the other views.");
  result.def_readonly("groups", &FormationResult::groups, "The FormedGroups.")
      .def(
          "write_xlsx",
          [](const FormationResult& self, const Path& path, const std::string& waitlist) {
            write_workbook(to_workbook(self, waitlist), path);
          },
          "path"_a, py::kw_only(), "waitlist"_a = "",
          "Writes the groups as a workbook, as `paarorende groups --xlsx` does: sheets groups, "
          "households, findings, unassigned and summary; whole or not at all.")
      .def(
          "group_documents",
          [](const FormationResult& self, const FormationRequest& request) { return group_documents(request, self); },
          "request"_a,
          "Each formed group as a GroupDocument with its venue, places and travel times (DOMAIN C8), "
          "for plan_course(course, group=...); `request` is the FormationRequest it was formed from.")
      .def_readonly("unassigned", &FormationResult::unassigned, "The UnassignedHouseholds.")
      .def_readonly("objective", &FormationResult::objective, "The objective (lower is better).")
      .def_readonly("terms", &FormationResult::terms, "The objective by term, weighted.")
      .def_readonly("seed", &FormationResult::seed, "The seed used.")
      .def_readonly("optimality", &FormationResult::optimality,
                    "How good the groups are: optimal, or bounded with a proven lower bound (Optimality).")
      .def(
          "to_records",
          [](const FormationResult& self) {
            py::list records;
            for (const FormedGroup& g : self.groups) {
              py::list ids;
              for (const Household& h : g.group.households) ids.append(h.id);
              // As the JSON names them: `households` the ids, a count `household_count`.
              py::dict row("group"_a = g.group.id, "venue"_a = g.venue, "locked"_a = g.locked,
                           "households"_a = ids, "household_count"_a = g.group.households.size(),
                           "participants"_a = g.group.participants(),
                           "municipalities"_a = municipalities_of(g.group), "satisfied"_a = g.satisfied,
                           "cost"_a = g.cost);
              for (auto item : scores_dict(g.scores)) row[item.first] = item.second;
              records.append(row);
            }
            return records;
          },
          "One dict per group: group (its id), venue, locked, households (the ids, as in the JSON), "
          "household_count, participants, municipalities, satisfied (rules), cost and the soft scores.")
      .def(
          "unassigned_records",
          [](const FormationResult& self) {
            py::list records;
            for (const UnassignedHousehold& u : self.unassigned) {
              records.append(py::dict("household"_a = u.household, "rule"_a = u.rule, "reason"_a = u.reason,
                                      "placeable"_a = u.placeable, "would_displace"_a = u.would_displace,
                                      "blocking_rules"_a = u.blocking_rules, "weeks_waited"_a = u.weeks_waited));
            }
            return records;
          },
          "One dict per household left out: household, rule, reason, placeable, would_displace, "
          "blocking_rules, weeks_waited.")
      .def(
          "household_records",
          [](const FormationResult& self) {
            py::list records;
            for (const FormedGroup& g : self.groups) {
              for (const Household& h : g.group.households) {
                records.append(py::dict("household"_a = h.id, "municipality"_a = h.municipality, "group"_a = g.group.id,
                                        "venue"_a = g.venue, "rule"_a = py::none(), "reason"_a = py::none()));
              }
            }
            for (const UnassignedHousehold& u : self.unassigned) {
              records.append(py::dict("household"_a = u.household, "municipality"_a = py::none(), "group"_a = py::none(),
                                      "venue"_a = py::none(), "rule"_a = u.rule, "reason"_a = u.reason));
            }
            return records;
          },
          "One dict per household: its group and venue, or the rule and reason it was left out.")
      .def(
          "to_json",
          [](const FormationResult& self, const std::string& waitlist, std::optional<int> indent) {
            return dump(to_json(self, waitlist), indent);
          },
          py::kw_only(), "waitlist"_a = "", "indent"_a = 2,
          "The JSON `paarorende groups` prints (docs/schemas/groups.schema.json).")
      .def(
          "__repr__",
          [](const FormationResult& self) {
            return "FormationResult(<" + counted(self.groups.size(), "group", "groups") + ", " +
                   std::to_string(self.unassigned.size()) + " unassigned, objective " + py_repr(self.objective) + ">)";
          },
          "A summary.");
  def_to_dataframe(result, "to_records() as a pandas.DataFrame, one row per group (pandas imported when called).");

  m.def("form_groups", &run, "request"_a, py::kw_only(), "seed"_a = py::none(),
        "Forms groups from a FormationRequest (docs/formation.md): every hard group rule holds in "
        "every group formed, the objective over the soft ones is minimised, and every household left "
        "out gets a reason. `seed` replaces the request's. Releases the GIL while it runs.");
  m.def(
      "form_groups",
      [](Waitlist waitlist, GroupRules rules, FormationRules formation, Pins pins, std::vector<LockedGroup> locked,
         std::optional<Region> region, std::optional<std::uint64_t> seed) {
        return run(FormationRequest{std::move(waitlist), std::move(rules), std::move(formation), std::move(pins),
                                    std::move(locked), std::move(region)},
                   seed);
      },
      "waitlist"_a, py::kw_only(), "rules"_a = GroupRules{}, "formation"_a = FormationRules{}, "pins"_a = Pins{},
      "locked"_a = std::vector<LockedGroup>{}, "region"_a = py::none(), "seed"_a = py::none(),
      "Forms groups from a Waitlist with `rules`, `formation` settings, `pins`, `locked` groups and the "
      "`region` it belongs to (its shared_waitlist, V1).");
  m.def(
      "write_template",
      [](const std::string& kind, const Path& path, Language language) {
        const auto parsed = template_kind_from_string(kind);
        if (!parsed) {
          throw InputError("", "expected waitlist, attendance or group, got \"" + kind + "\"", "kind");
        }
        write_workbook(spreadsheet_template(*parsed, language), path);
      },
      "kind"_a, "path"_a, py::kw_only(), "language"_a = Language::nb,
      "Writes an empty workbook to fill in, as `paarorende template` does: kind 'waitlist', "
      "'attendance' or 'group'; the columns the readers take, drop-down lists of the allowed values and "
      "a sheet of instructions in `language` (nb, nn or en). Read it back with FormationRequest.load, "
      "GroupDocument.load or AttendanceRecords.load.");
}
