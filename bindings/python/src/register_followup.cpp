// Children and young people as next of kin (DOMAIN V2, V3, X4): the follow-up register, the
// follow-up lists on a day and the region's summary, protected. A thin skin: the logic is the C++
// core's (followup.hpp).
#include "binding.hpp"

#include "paarorende/followup.hpp"
#include "paarorende/io/followup.hpp"

namespace {

using namespace paarorende;
using namespace paarorende::python;

py::object optional_text(const std::optional<std::string>& text) { return text ? py::cast(*text) : py::none(); }

// A Region, or a built-in region by its id.
Region region_of(const py::object& region) {
  if (py::isinstance<py::str>(region)) {
    const std::string id = region.cast<std::string>();
    const Region* builtin = find_builtin_region(id);
    if (builtin == nullptr) throw py::value_error("no built-in region " + py_repr(id));
    return *builtin;
  }
  return region.cast<Region>();
}

py::list child_records(const FollowupRegister& reg) {
  py::list records;
  for (const FollowupChild& child : reg.children) {
    py::dict record;
    record["child"] = child.id;
    record["birth_year"] = child.birth_year;
    record["municipality"] = reg.region.find(child.municipality) ? reg.region.find(child.municipality)->name : child.municipality;
    record["identified_by"] = child.identified_by;
    record["identified_on"] = py::cast(child.identified_on);
    record["next_of_kin_to"] = std::string(to_string(child.next_of_kin_to));
    record["illness"] = std::string(to_string(child.illness));
    record["responsible_unit"] = optional_text(child.responsible_unit);
    record["offers"] = static_cast<int>(child.offers.size());
    record["consent_role"] = child.consent ? py::cast(std::string(to_string(child.consent->role))) : py::none();
    record["consent_date"] = child.consent ? py::cast(child.consent->date) : py::none();
    record["next_follow_up"] = py::cast(child.next_follow_up);
    record["closed_on"] = child.closed_on ? py::cast(*child.closed_on) : py::none();
    records.append(record);
  }
  return records;
}

const std::vector<Column>& child_columns() {
  static const std::vector<Column> columns{
      {"child", "string"},          {"birth_year", "Int64"},      {"municipality", "string"},
      {"identified_by", "string"},  {"identified_on", "object"},  {"next_of_kin_to", "string"},
      {"illness", "string"},        {"responsible_unit", "string"}, {"offers", "Int64"},
      {"consent_role", "string"},   {"consent_date", "object"},   {"next_follow_up", "object"},
      {"closed_on", "object"}};
  return columns;
}

py::list offer_records(const FollowupRegister& reg) {
  py::list records;
  for (const FollowupChild& child : reg.children) {
    for (const FollowupOffer& offer : child.offers) {
      py::dict record;
      record["child"] = child.id;
      record["kind"] = std::string(to_string(offer.kind));
      record["date"] = py::cast(offer.date);
      record["unit"] = offer.unit;
      records.append(record);
    }
  }
  return records;
}

const std::vector<Column>& offer_columns() {
  static const std::vector<Column> columns{{"child", "string"}, {"kind", "string"}, {"date", "object"}, {"unit", "string"}};
  return columns;
}

py::list unit_records(const FollowupRegister& reg) {
  py::list records;
  for (const FollowupUnit& unit : reg.units) {
    py::dict record;
    record["unit"] = unit.id;
    record["municipality"] = reg.region.find(unit.municipality) ? reg.region.find(unit.municipality)->name : unit.municipality;
    record["kind"] = unit.kind;
    record["child_responsible"] = optional_text(unit.child_responsible);
    records.append(record);
  }
  return records;
}

const std::vector<Column>& unit_columns() {
  static const std::vector<Column> columns{
      {"unit", "string"}, {"municipality", "string"}, {"kind", "string"}, {"child_responsible", "string"}};
  return columns;
}

// "children", "offers" or "units": the register's records of that kind, and their columns.
std::pair<py::list, const std::vector<Column>*> register_records(const FollowupRegister& reg, const std::string& what) {
  if (what == "children") return {child_records(reg), &child_columns()};
  if (what == "offers") return {offer_records(reg), &offer_columns()};
  if (what == "units") return {unit_records(reg), &unit_columns()};
  throw py::value_error("expected \"children\", \"offers\" or \"units\", got " + py_repr(what));
}

// One row per child on a unit's list: the list it is on, and the dates and days it concerns.
py::list list_records(const FollowupLists& lists) {
  py::list records;
  const auto row = [&](const UnitFollowup& unit, const char* list, const std::string& child) {
    py::dict record;
    record["unit"] = unit.unit;
    record["municipality"] = unit.municipality;
    record["list"] = list;
    record["child"] = child;
    record["next_follow_up"] = py::none();
    record["days"] = py::none();
    record["offer"] = py::none();
    record["offer_date"] = py::none();
    return record;
  };
  for (const UnitFollowup& unit : lists.units) {
    for (const auto* entries : {&unit.overdue, &unit.due}) {
      for (const DueFollowup& entry : *entries) {
        py::dict record = row(unit, entry.overdue ? "overdue" : "due", entry.child);
        record["next_follow_up"] = py::cast(entry.next_follow_up);
        record["days"] = entry.days;
        records.append(record);
      }
    }
    for (const std::string& child : unit.without_responsible_role) records.append(row(unit, "without_responsible_role", child));
    for (const std::string& child : unit.offered_nothing) records.append(row(unit, "offered_nothing", child));
    for (const OfferWithoutConsent& offer : unit.offers_without_consent) {
      py::dict record = row(unit, "offer_without_consent", offer.child);
      record["offer"] = std::string(to_string(offer.kind));
      record["offer_date"] = py::cast(offer.date);
      records.append(record);
    }
  }
  return records;
}

const std::vector<Column>& list_columns() {
  static const std::vector<Column> columns{{"unit", "string"},  {"municipality", "string"}, {"list", "string"},
                                           {"child", "string"}, {"next_follow_up", "object"}, {"days", "Int64"},
                                           {"offer", "string"}, {"offer_date", "object"}};
  return columns;
}

}  // namespace

void register_followup(py::module_& m) {
  py::enum_<NextOfKinTo>(m, "NextOfKinTo", "Whose next of kin the child is (DOMAIN V2).")
      .value("parent", NextOfKinTo::parent, "A parent.")
      .value("sibling", NextOfKinTo::sibling, "A sibling.")
      .value("other_close_person", NextOfKinTo::other_close_person, "Another close person.");
  py::enum_<IllnessKind>(m, "IllnessKind", "The kind of illness, never a diagnosis (DOMAIN V2).")
      .value("mental_illness", IllnessKind::mental_illness, "Mental illness.")
      .value("substance_use", IllnessKind::substance_use, "Substance use.")
      .value("serious_somatic_illness", IllnessKind::serious_somatic_illness, "Serious somatic illness.");
  py::enum_<FollowupOfferKind>(m, "FollowupOfferKind", "What a unit offered a child, from a fixed list (DOMAIN V3, V4).")
      .value("conversation", FollowupOfferKind::conversation, "A conversation with the child.")
      .value("school_information", FollowupOfferKind::school_information, "Information to the school or kindergarten.")
      .value("treffpunkt", FollowupOfferKind::treffpunkt, "The meeting place (V4).")
      .value("referral", FollowupOfferKind::referral, "A referral to another service.");

  py::class_<FollowupUnit> unit(m, "FollowupUnit", "A unit that identifies children and follows them up (DOMAIN V3).");
  unit.def(py::init([](std::string id, std::string municipality, std::string kind, std::optional<std::string> role) {
             return FollowupUnit{std::move(id), std::move(municipality), std::move(kind), std::move(role)};
           }),
           py::kw_only(), "id"_a, "municipality"_a, "kind"_a, "child_responsible"_a = py::none(), "A unit.")
      .def_readwrite("id", &FollowupUnit::id, "A slug.")
      .def_readwrite("municipality", &FollowupUnit::municipality, "By number or name.")
      .def_readwrite("kind", &FollowupUnit::kind, "\"helsestasjon\", \"skole\", ...")
      .def_readwrite("child_responsible", &FollowupUnit::child_responsible,
                     "The designated child-responsible role (V3), or None.");
  def_keyword_value(unit, keyword_repr_doc, "id", &FollowupUnit::id, "municipality", &FollowupUnit::municipality, "kind",
                    &FollowupUnit::kind, "child_responsible", &FollowupUnit::child_responsible);

  py::class_<FollowupOffer> offer(m, "FollowupOffer", "One offer made to a child: kind, date and unit.");
  offer.def(py::init([](FollowupOfferKind kind, Date date, std::string unit) { return FollowupOffer{kind, date, std::move(unit)}; }),
            py::kw_only(), "kind"_a, "date"_a, "unit"_a, "An offer.")
      .def_readwrite("kind", &FollowupOffer::kind, "What was offered.")
      .def_readwrite("date", &FollowupOffer::date, "When.")
      .def_readwrite("unit", &FollowupOffer::unit, "The unit that made it.");
  def_keyword_value(offer, keyword_repr_doc, "kind", &FollowupOffer::kind, "date", &FollowupOffer::date, "unit",
                    &FollowupOffer::unit);

  py::class_<FollowupChild> child(m, "FollowupChild", "One identified child, pseudonymous (DOMAIN X4): ids, codes, roles and dates only.");
  child
      .def(py::init([](std::string id, int birth_year, std::string municipality, std::string identified_by,
                       Date identified_on, NextOfKinTo next_of_kin_to, IllnessKind illness, Date next_follow_up,
                       std::optional<std::string> responsible_unit, std::vector<FollowupOffer> offers,
                       std::optional<Consent> consent, std::optional<Date> closed_on) {
             return FollowupChild{std::move(id),  birth_year,           std::move(municipality), std::move(identified_by),
                                  identified_on,  next_of_kin_to,       illness,                 std::move(responsible_unit),
                                  std::move(offers), consent,           next_follow_up,          closed_on};
           }),
           py::kw_only(), "id"_a, "birth_year"_a, "municipality"_a, "identified_by"_a, "identified_on"_a,
           "next_of_kin_to"_a, "illness"_a, "next_follow_up"_a, "responsible_unit"_a = py::none(),
           "offers"_a = std::vector<FollowupOffer>{}, "consent"_a = py::none(), "closed_on"_a = py::none(), "A child.")
      .def_readwrite("id", &FollowupChild::id, "A pseudonymous id.")
      .def_readwrite("birth_year", &FollowupChild::birth_year, "The year of birth only.")
      .def_readwrite("municipality", &FollowupChild::municipality, "Where the child lives.")
      .def_readwrite("identified_by", &FollowupChild::identified_by, "The unit that identified the child.")
      .def_readwrite("identified_on", &FollowupChild::identified_on, "When.")
      .def_readwrite("next_of_kin_to", &FollowupChild::next_of_kin_to, "Whose next of kin (V2).")
      .def_readwrite("illness", &FollowupChild::illness, "The kind of illness (V2).")
      .def_readwrite("responsible_unit", &FollowupChild::responsible_unit, "The responsible unit (V3), or None.")
      .def_property("offers", list_getter(&FollowupChild::offers), list_setter(&FollowupChild::offers), "What was offered.")
      .def_readwrite("consent", &FollowupChild::consent, "A guardian's consent, or None.")
      .def_readwrite("next_follow_up", &FollowupChild::next_follow_up, "The next follow-up's date.")
      .def_readwrite("closed_on", &FollowupChild::closed_on, "The day the follow-up ended, or None.")
      .def("age_in", &FollowupChild::age_in, "year"_a, "The age in whole years in `year`, from the birth year.");
  def_value(child, [](const FollowupChild& c) { return "FollowupChild(" + field("id", c.id) + ", ...)"; },
            "The pseudonym only (X4).");

  py::class_<FollowupRegister> reg(m, "FollowupRegister",
                                   "The follow-up register of children and young people as next of kin (docs/children-next-of-kin.md).");
  reg.def(py::init([](const py::object& region, std::vector<FollowupUnit> units, std::vector<FollowupChild> children) {
            return FollowupRegister{region_of(region), std::move(units), std::move(children)};
          }),
          py::kw_only(), "region"_a, "units"_a, "children"_a = std::vector<FollowupChild>{},
          "A register; `region` is a Region or a built-in region's id (\"valdres\").")
      .def_readwrite("region", &FollowupRegister::region, "The region it is read against.")
      .def_property("units", list_getter(&FollowupRegister::units), list_setter(&FollowupRegister::units), "The units.")
      .def_property("children", list_getter(&FollowupRegister::children), list_setter(&FollowupRegister::children),
                    "The identified children.")
      .def_static("load", [](const std::filesystem::path& path) { return load_followup_register(path); }, "path"_a,
                  "Reads a follow-up register; errors name the file, the JSON pointer and the rule.")
      .def(
          "to_records", [](const FollowupRegister& self, const std::string& what) { return register_records(self, what).first; },
          "what"_a = "children", "One dict per child (or offer, or unit), as to_dataframe(what) has them.")
      .def(
          "to_dataframe",
          [](const FollowupRegister& self, const std::string& what) {
            auto [records, columns] = register_records(self, what);
            return typed_dataframe(records, *columns, "FollowupRegister.to_dataframe()");
          },
          "what"_a = "children",
          "\"children\" (one row per child), \"offers\" (one per offer) or \"units\" as a pandas.DataFrame.")
      .def(
          "to_dict", [](const FollowupRegister& self) { return json_object(to_json(self)); },
          "The JSON document as Python dicts and lists.");
  def_from_json(reg, [](const Json& d) { return followup_register_from_json(d); }, "Reads a register from JSON text.");
  def_to_json(reg, "The JSON text; indent None writes one line.");
  def_repr_html(reg);
  def_value(reg, [](const FollowupRegister& r) {
    return "FollowupRegister(" + field("region", r.region.id) + ", " + counted(r.units.size(), "unit", "units") + ", " +
           counted(r.children.size(), "child", "children") + ")";
  });

  m.def("check_followup_register", &check_followup_register, "register"_a,
        "Raises InputError (JSON pointer, rule V1, V2, V3 or X4) for what a register may not hold.");

  py::class_<DueFollowup> due(m, "DueFollowup", "A child to follow up: overdue, or due within the days asked for.");
  due.def_readonly("child", &DueFollowup::child, "The pseudonymous id.")
      .def_readonly("next_follow_up", &DueFollowup::next_follow_up, "The follow-up's date.")
      .def_readonly("overdue", &DueFollowup::overdue, "Whether the date has passed.")
      .def_readonly("days", &DueFollowup::days, "Days overdue, or days left.");
  def_keyword_value(due, keyword_repr_doc, "child", &DueFollowup::child, "next_follow_up", &DueFollowup::next_follow_up,
                    "overdue", &DueFollowup::overdue, "days", &DueFollowup::days);

  py::class_<OfferWithoutConsent> without(m, "OfferWithoutConsent", "An offer made without a guardian's consent or before it (X4).");
  without.def_readonly("child", &OfferWithoutConsent::child, "The pseudonymous id.")
      .def_readonly("kind", &OfferWithoutConsent::kind, "What was offered.")
      .def_readonly("date", &OfferWithoutConsent::date, "When.")
      .def_readonly("consent_date", &OfferWithoutConsent::consent_date, "The later consent's date, or None.");
  def_keyword_value(without, keyword_repr_doc, "child", &OfferWithoutConsent::child, "kind", &OfferWithoutConsent::kind,
                    "date", &OfferWithoutConsent::date, "consent_date", &OfferWithoutConsent::consent_date);

  py::class_<UnitFollowup> unit_lists(m, "UnitFollowup", "One unit's lists on the day.");
  unit_lists.def_readonly("unit", &UnitFollowup::unit, "The unit's id.")
      .def_readonly("municipality", &UnitFollowup::municipality, "Its municipality's name.")
      .def_readonly("child_responsible", &UnitFollowup::child_responsible, "Its child-responsible role, or None.")
      .def_readonly("overdue", &UnitFollowup::overdue, "Overdue follow-ups, the most overdue first.")
      .def_readonly("due", &UnitFollowup::due, "Due follow-ups, the soonest first.")
      .def_readonly("without_responsible_role", &UnitFollowup::without_responsible_role,
                    "Children with no responsible unit with a child-responsible role (V3).")
      .def_readonly("offered_nothing", &UnitFollowup::offered_nothing, "Children offered nothing yet (V3).")
      .def_readonly("offers_without_consent", &UnitFollowup::offers_without_consent, "Offers without a consent (X4).");
  def_value(unit_lists, [](const UnitFollowup& u) {
    return "UnitFollowup(" + field("unit", u.unit) + ", " + counted(u.overdue.size(), "overdue", "overdue") + ", " +
           counted(u.due.size(), "due", "due") + ")";
  });

  py::class_<FollowupLists> lists(m, "FollowupLists", "The follow-up lists of a register on a day.");
  lists.def_readonly("today", &FollowupLists::today, "The day.")
      .def_readonly("within_days", &FollowupLists::within_days, "A follow-up within this many days is due.")
      .def_readonly("children", &FollowupLists::children, "Children identified on or before the day.")
      .def_readonly("closed", &FollowupLists::closed, "Of them, those whose follow-up was closed by the day.")
      .def_readonly("units", &FollowupLists::units, "One per unit with anything to act on.")
      .def_readonly("units_without_contact", &FollowupLists::units_without_contact,
                    "Units with no child-responsible contact of their kind in the region (V3).")
      .def_readonly("findings", &FollowupLists::findings, "One per list that is not empty: its rule and count.")
      .def("to_records", &list_records, "One dict per child on a unit's list: unit, municipality, list, child, ...")
      .def(
          "to_dataframe",
          [](const FollowupLists& self) {
            return typed_dataframe(list_records(self), list_columns(), "FollowupLists.to_dataframe()");
          },
          "to_records() as a pandas.DataFrame, its columns and dtypes fixed.")
      .def(
          "to_dict", [](const FollowupLists& self) { return json_object(to_json(self)); },
          "What `paarorende followup` prints, as Python dicts and lists.");
  def_to_json(lists, "What `paarorende followup` prints; indent None writes one line.");
  def_repr_html(lists);
  def_value(lists, [](const FollowupLists& l) { return streamed(l); });

  m.def(
      "followup",
      [](const FollowupRegister& reg, Date today, int within_days) {
        FollowupOptions options;
        options.within_days = within_days;
        return followup_lists(reg, today, options);
      },
      "register"_a, "today"_a, py::kw_only(), "within_days"_a = 14,
      "The follow-up lists on `today` (DOMAIN V3, X4): per unit the children overdue or due within `within_days`, "
      "without a responsible role, offered nothing, and offers without a consent; the units without a contact.");

  py::class_<NamedTable> named(m, "NamedTable", "A table of the region's summary, by name.");
  named.def_readonly("name", &NamedTable::name, "\"children\" or \"offer-<kind>\".")
      .def_readonly("table", &NamedTable::table, "The table document, for suppress().");
  def_value(named, [](const NamedTable& t) { return "NamedTable(" + field("name", t.name) + ")"; });

  py::class_<FollowupSummary> summary(m, "FollowupSummary", "The region's summary tables, protected together (X4).");
  summary.def_readonly("today", &FollowupSummary::today, "The day counted on.")
      .def_readonly("names", &FollowupSummary::names, "The tables' names, in order.")
      .def_readonly("tables", &FollowupSummary::tables, "The published tables (SuppressionResult), in order.")
      .def_readonly("narrow", &FollowupSummary::narrow,
                    "Small figures the protection left narrow: 0, or the summary is not fit to publish (X4).")
      .def(
          "table",
          [](const FollowupSummary& self, const std::string& name) {
            for (std::size_t t = 0; t < self.names.size(); ++t) {
              if (self.names[t] == name) return self.tables[t];
            }
            throw py::key_error(name);
          },
          "name"_a, "The published table of that name.")
      .def(
          "html",
          [](const FollowupSummary& self, const Region& region, Language language) {
            return followup_summary_html(self, region, language);
          },
          "region"_a, "language"_a = Language::nb, "The published summary as one HTML page.");
  def_value(summary, [](const FollowupSummary& s) {
    return "FollowupSummary(" + field("today", s.today) + ", " + counted(s.tables.size(), "table", "tables") + ")";
  });

  m.def("followup_summary_tables", &followup_summary_tables, "register"_a, "today"_a, py::kw_only(), "threshold"_a = 5,
        "The region's summary tables before suppression (for suppress()): children per municipality and age band, "
        "and per kind of offer the children offered it.");
  m.def(
      "followup_summary",
      [](const FollowupRegister& reg, Date today, int threshold) { return followup_summary(reg, today, threshold); },
      "register"_a, "today"_a, py::kw_only(), "threshold"_a = 5,
      "The region's summary tables protected with suppress_nested (DOMAIN X4): no table narrows another's hidden "
      "figure, nor the children of a cell not offered something; `narrow` says what could not be protected.");
}
