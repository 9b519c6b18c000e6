// Children and young people as next of kin (DOMAIN V2, V3, X4): the follow-up register, its lists
// on a dated example, the reminders per unit, the region's summary tables and their protection.
#include <gtest/gtest.h>

#include <random>
#include <set>

#include "fixtures.hpp"
#include "paarorende/followup.hpp"
#include "paarorende/io/followup.hpp"
#include "paarorende/io/table.hpp"

namespace paarorende {
namespace {


FollowupChild child(std::string id, std::string unit, Date identified, Date next) {
  FollowupChild c;
  c.id = std::move(id);
  c.birth_year = 2016;
  c.municipality = "3454";  // Vang
  c.identified_by = unit;
  c.identified_on = identified;
  c.responsible_unit = unit;
  c.next_follow_up = next;
  c.offers = {{FollowupOfferKind::conversation, identified, unit}};
  c.consent = Consent{AdultRole::mother, identified};
  return c;
}

// Two units in Vang: the school has a child-responsible role, the GP's office neither a role nor a
// contact of its kind in the built-in Valdres region.
FollowupRegister vang_register() {
  FollowupRegister reg;
  reg.region = *find_builtin_region("valdres");
  reg.units = {{"vang-skole", "3454", "skole", std::string("barneansvarlig")},
               {"vang-fastlege", "Vang", "fastlegekontor", std::nullopt}};
  return reg;
}

const Date today(2027, 3, 1);

// --- the register --------------------------------------------------------------------------------

TEST(followup_register, reads_back_to_itself) {
  FollowupRegister reg = vang_register();
  reg.children.push_back(child("c-1", "vang-skole", Date(2026, 9, 1), Date(2027, 3, 10)));
  reg.children.push_back(child("c-2", "vang-fastlege", Date(2026, 10, 1), Date(2027, 5, 1)));
  reg.children[1].responsible_unit.reset();
  reg.children[1].consent.reset();
  reg.children[1].illness = IllnessKind::substance_use;
  reg.children[1].next_of_kin_to = NextOfKinTo::sibling;
  reg.children[1].closed_on = Date(2027, 1, 15);
  EXPECT_EQ(followup_register_from_json(to_json(reg)), reg);
  EXPECT_EQ(to_json(reg)["region"], "valdres");  // a built-in region by its id
}

Json one_child(const std::string& field, const Json& value) {
  Json document = Json::parse(R"({
    "units": [{"id": "vang-skole", "municipality": "3454", "kind": "skole"}],
    "children": [{"id": "c-1", "birth_year": 2016, "municipality": "Vang", "identified_by": "vang-skole",
                  "identified_on": "2026-09-01", "next_of_kin_to": "parent", "illness": "mental_illness",
                  "next_follow_up": "2027-03-10"}]})");
  if (!field.empty()) {
    const Json::json_pointer pointer(field);
    if (value.is_null()) {
      document[pointer.parent_pointer()].erase(pointer.back());
    } else {
      document[pointer] = value;
    }
  }
  return document;
}

TEST(followup_register, reads_a_minimal_child) {
  const FollowupRegister reg = followup_register_from_json(one_child("", nullptr));
  ASSERT_EQ(reg.children.size(), 1u);
  EXPECT_EQ(reg.region.id, "valdres");  // the default region
  EXPECT_FALSE(reg.children[0].responsible_unit.has_value());
  EXPECT_FALSE(reg.children[0].consent.has_value());
}

TEST(followup_register, refuses_a_follow_up_before_the_identification) {
  const InputError error = test_support::input_error_of([] { followup_register_from_json(one_child("/children/0/next_follow_up", "2026-08-31")); });
  EXPECT_EQ(error.where(), "/children/0/next_follow_up");
  EXPECT_EQ(error.rule(), "V3");
}

TEST(followup_register, refuses_an_offer_by_an_unknown_unit) {
  const Json offers = Json::array({{{"kind", "conversation"}, {"date", "2026-09-02"}, {"unit", "vang-helsestasjon"}}});
  const InputError error = test_support::input_error_of([&] { followup_register_from_json(one_child("/children/0/offers", offers)); });
  EXPECT_EQ(error.where(), "/children/0/offers/0/unit");
  EXPECT_EQ(error.rule(), "V3");
  EXPECT_NE(std::string(error.what()).find("vang-helsestasjon"), std::string::npos);
}

TEST(followup_register, refuses_an_offer_before_the_identification) {
  const Json offers = Json::array({{{"kind", "referral"}, {"date", "2026-08-02"}, {"unit", "vang-skole"}}});
  const InputError error = test_support::input_error_of([&] { followup_register_from_json(one_child("/children/0/offers", offers)); });
  EXPECT_EQ(error.where(), "/children/0/offers/0/date");
  EXPECT_EQ(error.rule(), "V3");
}

TEST(followup_register, refuses_a_closing_before_the_identification) {
  const InputError error =
      test_support::input_error_of([] { followup_register_from_json(one_child("/children/0/closed_on", "2026-08-01")); });
  EXPECT_EQ(error.where(), "/children/0/closed_on");
  EXPECT_EQ(error.rule(), "V3");
}

TEST(followup_register, refuses_a_consent_without_its_date) {
  const InputError error = test_support::input_error_of([] {
    followup_register_from_json(one_child("/children/0/consent", {{"role", "father"}}));
  });
  EXPECT_EQ(error.where(), "/children/0/consent");
  EXPECT_EQ(error.rule(), "X4");
  const InputError empty = test_support::input_error_of([] {
    followup_register_from_json(one_child("/children/0/consent", {{"role", "father"}, {"date", ""}}));
  });
  EXPECT_EQ(empty.where(), "/children/0/consent/date");
}

TEST(followup_register, refuses_unknown_codes_with_their_rule) {
  const InputError illness = test_support::input_error_of([] { followup_register_from_json(one_child("/children/0/illness", "cancer")); });
  EXPECT_EQ(illness.where(), "/children/0/illness");
  EXPECT_EQ(illness.rule(), "V2");  // a kind of illness, never a diagnosis
  const InputError who = test_support::input_error_of([] { followup_register_from_json(one_child("/children/0/next_of_kin_to", "uncle")); });
  EXPECT_EQ(who.where(), "/children/0/next_of_kin_to");
  const InputError consent = test_support::input_error_of([] {
    followup_register_from_json(one_child("/children/0/consent", {{"role", "other_adult"}, {"date", "2026-09-01"}}));
  });
  EXPECT_EQ(consent.where(), "/children/0/consent/role");
  EXPECT_EQ(consent.rule(), "X4");
}

TEST(followup_register, refuses_free_text_about_a_child) {
  // DOMAIN X4: there is no field for a note, a name or a diagnosis.
  const InputError error = test_support::input_error_of([] { followup_register_from_json(one_child("/children/0/note", "sad lately")); });
  EXPECT_EQ(error.where(), "/children/0/note");
}

TEST(followup_register, refuses_a_municipality_outside_the_region_and_a_child_too_old) {
  const InputError outside = test_support::input_error_of([] { followup_register_from_json(one_child("/children/0/municipality", "Oslo")); });
  EXPECT_EQ(outside.where(), "/children/0/municipality");
  const InputError old = test_support::input_error_of([] { followup_register_from_json(one_child("/children/0/birth_year", 2000)); });
  EXPECT_EQ(old.where(), "/children/0/birth_year");
  EXPECT_EQ(old.rule(), "V2");
  const InputError twice = test_support::input_error_of([] {
    Json document = one_child("", nullptr);
    document["children"].push_back(document["children"][0]);
    followup_register_from_json(document);
  });
  EXPECT_EQ(twice.where(), "/children/1/id");
}

// --- the lists on a day --------------------------------------------------------------------------

TEST(followup_lists, sort_children_into_overdue_and_due_by_the_day) {
  FollowupRegister reg = vang_register();
  reg.children = {child("c-late", "vang-skole", Date(2026, 9, 1), Date(2027, 2, 19)),     // 10 days overdue
                  child("c-later", "vang-skole", Date(2026, 9, 1), Date(2027, 1, 30)),    // 30 days overdue
                  child("c-today", "vang-skole", Date(2026, 9, 1), today),                // due today
                  child("c-edge", "vang-skole", Date(2026, 9, 1), Date(2027, 3, 15)),     // due in 14 days
                  child("c-beyond", "vang-skole", Date(2026, 9, 1), Date(2027, 3, 16)),   // not yet
                  child("c-future", "vang-skole", Date(2027, 3, 2), Date(2027, 3, 2))};   // identified later
  const FollowupLists lists = followup_lists(reg, today);
  EXPECT_EQ(lists.children, 5);
  ASSERT_EQ(lists.units.size(), 1u);
  const UnitFollowup& unit = lists.units[0];
  EXPECT_EQ(unit.unit, "vang-skole");
  EXPECT_EQ(unit.municipality, "Vang");
  ASSERT_EQ(unit.overdue.size(), 2u);
  EXPECT_EQ(unit.overdue[0].child, "c-later");  // the most overdue first
  EXPECT_EQ(unit.overdue[0].days, 30);
  EXPECT_EQ(unit.overdue[1].days, 10);
  ASSERT_EQ(unit.due.size(), 2u);
  EXPECT_EQ(unit.due[0].child, "c-today");
  EXPECT_EQ(unit.due[0].days, 0);
  EXPECT_EQ(unit.due[1].child, "c-edge");
  EXPECT_EQ(unit.due[1].days, 14);
  FollowupOptions narrow;
  narrow.within_days = 13;
  EXPECT_EQ(followup_lists(reg, today, narrow).units[0].due.size(), 1u);
  narrow.within_days = 400;
  EXPECT_EQ(test_support::input_error_of([&] { followup_lists(reg, today, narrow); }).where(), "within_days");
}

TEST(followup_lists, find_children_without_a_role_offered_nothing_or_without_consent) {
  FollowupRegister reg = vang_register();
  FollowupChild no_unit = child("c-no-unit", "vang-skole", Date(2026, 9, 1), Date(2027, 6, 1));
  no_unit.responsible_unit.reset();
  FollowupChild no_role = child("c-no-role", "vang-fastlege", Date(2026, 9, 1), Date(2027, 6, 1));
  FollowupChild nothing = child("c-nothing", "vang-skole", Date(2026, 9, 1), Date(2027, 6, 1));
  nothing.offers = {{FollowupOfferKind::conversation, Date(2027, 3, 5), "vang-skole"}};  // after the day: not yet
  FollowupChild unconsented = child("c-unconsented", "vang-skole", Date(2026, 9, 1), Date(2027, 6, 1));
  unconsented.consent.reset();
  unconsented.offers.push_back({FollowupOfferKind::referral, Date(2026, 10, 1), "vang-skole"});
  FollowupChild early = child("c-early", "vang-skole", Date(2026, 9, 1), Date(2027, 6, 1));
  early.consent = Consent{AdultRole::guardian, Date(2026, 11, 1)};
  early.offers.push_back({FollowupOfferKind::school_information, Date(2026, 10, 1), "vang-skole"});
  early.offers.push_back({FollowupOfferKind::treffpunkt, Date(2026, 11, 2), "vang-skole"});  // after: fine
  FollowupChild closed = child("c-closed", "vang-skole", Date(2026, 9, 1), Date(2027, 1, 1));  // overdue, but
  closed.closed_on = Date(2027, 2, 1);                                                            // closed before
  closed.consent.reset();
  closed.offers.push_back({FollowupOfferKind::referral, Date(2026, 10, 1), "vang-skole"});       // still reported
  FollowupChild closing = child("c-closing", "vang-skole", Date(2026, 9, 1), Date(2027, 3, 5));
  closing.closed_on = Date(2027, 3, 20);  // closes after the day: still followed up
  reg.children = {no_unit, no_role, nothing, unconsented, early, closed, closing};
  const FollowupLists lists = followup_lists(reg, today);
  EXPECT_EQ(lists.children, 7);
  EXPECT_EQ(lists.closed, 1);
  ASSERT_EQ(lists.units.size(), 2u);
  const UnitFollowup& school = lists.units[0];
  EXPECT_EQ(school.without_responsible_role, (std::vector<std::string>{"c-no-unit"}));
  EXPECT_EQ(school.offered_nothing, (std::vector<std::string>{"c-nothing"}));
  EXPECT_TRUE(school.overdue.empty());  // the closed child's follow-up is over
  ASSERT_EQ(school.due.size(), 1u);
  EXPECT_EQ(school.due[0].child, "c-closing");
  ASSERT_EQ(school.offers_without_consent.size(), 3u);
  EXPECT_EQ(school.offers_without_consent[2].child, "c-closed");
  EXPECT_EQ(school.offers_without_consent[0].child, "c-unconsented");
  EXPECT_FALSE(school.offers_without_consent[0].consent_date.has_value());
  EXPECT_EQ(school.offers_without_consent[1].kind, FollowupOfferKind::school_information);
  EXPECT_EQ(school.offers_without_consent[1].consent_date, Date(2026, 11, 1));
  const UnitFollowup& gp = lists.units[1];
  EXPECT_EQ(gp.without_responsible_role, (std::vector<std::string>{"c-no-role"}));  // its unit has no role
  ASSERT_EQ(lists.units_without_contact.size(), 1u);
  EXPECT_EQ(lists.units_without_contact[0].id, "vang-fastlege");
  // The findings count, name no child, and carry their rules.
  std::set<std::string> rules;
  for (const Violation& finding : lists.findings) {
    rules.insert(finding.rule);
    EXPECT_EQ(finding.message.find("c-"), std::string::npos) << finding.message;
  }
  EXPECT_EQ(rules, (std::set<std::string>{"V3", "X4"}));
}

TEST(followup_lists, leave_out_units_with_nothing_to_act_on) {
  FollowupRegister reg = vang_register();
  reg.children = {child("c-1", "vang-skole", Date(2026, 9, 1), Date(2027, 6, 1))};
  const FollowupLists lists = followup_lists(reg, today);
  EXPECT_TRUE(lists.units.empty());
  EXPECT_EQ(lists.units_without_contact.size(), 1u);
}

// --- the reminders ---------------------------------------------------------------------------------

TEST(followup_reminders, write_one_calendar_per_unit_in_its_language) {
  FollowupRegister reg = vang_register();
  reg.children = {child("c-late", "vang-skole", Date(2026, 9, 1), Date(2027, 2, 19)),
                  child("c-soon", "vang-skole", Date(2026, 9, 1), Date(2027, 3, 4))};
  const FollowupLists lists = followup_lists(reg, today);
  const auto calendars = followup_reminders(reg, lists);
  ASSERT_EQ(calendars.size(), 1u);
  EXPECT_EQ(calendars[0].first, "vang-skole");
  const std::string& text = calendars[0].second;
  // Vang writes nynorsk (its written standard in the built-in region).
  EXPECT_NE(text.find("dagar over tida"), std::string::npos);
  EXPECT_NE(text.find("SUMMARY:Oppfølging av c-late"), std::string::npos);
  EXPECT_NE(text.find("DTSTART;TZID=Europe/Oslo:20270301T090000"), std::string::npos);  // overdue: on the day
  EXPECT_NE(text.find("DTSTART;TZID=Europe/Oslo:20270304T090000"), std::string::npos);  // due: on its date
  const std::string english = followup_reminders(reg, lists, Language::en)[0].second;
  EXPECT_NE(english.find("Follow-up of c-late"), std::string::npos);
  EXPECT_NE(english.find("10 days overdue"), std::string::npos);
  // Stable UIDs: the same lists give the same calendar.
  EXPECT_EQ(followup_reminders(reg, lists)[0].second, text);
}

// --- the summary -----------------------------------------------------------------------------------

std::int64_t cell_count(const Table& table, const std::string& municipality, const std::string& band) {
  for (const TableCell& cell : table.cells) {
    if (cell.values == std::vector<std::string>{municipality, band}) return cell.count;
  }
  return 0;
}

TEST(followup_summary, counts_children_per_municipality_band_and_kind_of_offer) {
  FollowupRegister reg = vang_register();
  FollowupChild young = child("c-young", "vang-skole", Date(2026, 9, 1), Date(2027, 6, 1));
  young.birth_year = 2022;  // 5 in 2027
  young.offers.push_back({FollowupOfferKind::conversation, Date(2026, 10, 1), "vang-skole"});  // twice: one child
  FollowupChild older = child("c-older", "vang-skole", Date(2026, 9, 1), Date(2027, 6, 1));
  older.birth_year = 2014;  // 13 in 2027
  older.offers.push_back({FollowupOfferKind::referral, Date(2027, 4, 1), "vang-skole"});  // after the day
  FollowupChild later = child("c-later", "vang-skole", Date(2027, 3, 2), Date(2027, 6, 1));  // not yet identified
  reg.children = {young, older, later};
  const std::vector<NamedTable> tables = followup_summary_tables(reg, today);
  ASSERT_EQ(tables.size(), 5u);
  EXPECT_EQ(tables[0].name, "children");
  EXPECT_EQ(tables[4].name, "offer-referral");
  EXPECT_EQ(tables[0].table.dimensions[0].values.size(), 6u);  // the six municipalities, by name
  EXPECT_EQ(tables[0].table.dimensions[1].values, (std::vector<std::string>{"0-5", "6-12", "13-18", "19+"}));
  EXPECT_EQ(cell_count(tables[0].table, "Vang", "0-5"), 1);
  EXPECT_EQ(cell_count(tables[0].table, "Vang", "13-18"), 1);
  EXPECT_EQ(cell_count(tables[1].table, "Vang", "0-5"), 1);     // offered a conversation twice: one child
  EXPECT_EQ(cell_count(tables[4].table, "Vang", "13-18"), 0);   // the referral comes after the day
  // The table documents are what `suppress` reads.
  const auto documents = followup_summary_documents(tables);
  EXPECT_EQ(documents[0].first, "children.table.json");
  EXPECT_EQ(table_from_json(documents[0].second), tables[0].table);
}

// A seeded register of the region: `n` children over its six municipalities.
FollowupRegister random_register(unsigned seed, int n) {
  std::mt19937 random(seed);
  FollowupRegister reg;
  reg.region = *find_builtin_region("valdres");
  for (const Municipality& municipality : reg.region.municipalities) {
    reg.units.push_back({"u-" + municipality.number, municipality.number, "skole", std::string("barneansvarleg")});
  }
  std::uniform_int_distribution<int> municipality(0, 5), age(1, 18), chance(0, 99);
  for (int i = 0; i < n; ++i) {
    const std::string unit = reg.units[static_cast<std::size_t>(municipality(random))].id;
    FollowupChild c = child("c-" + std::to_string(i), unit, Date(2026, 6, 1), Date(2027, 6, 1));
    c.municipality = reg.find_unit(unit)->municipality;
    c.birth_year = 2026 - age(random) + 1;
    c.offers.clear();
    for (FollowupOfferKind kind : followup_offer_kinds()) {
      if (chance(random) < 50) c.offers.push_back({kind, Date(2026, 7, 1), unit});
    }
    reg.children.push_back(c);
  }
  return reg;
}

// The published cell of `values` in a result, or nullptr.
const PublishedCell* published(const SuppressionResult& result, const std::vector<std::string>& values) {
  for (const PublishedCell& cell : result.cells) {
    if (cell.values == values) return &cell;
  }
  return nullptr;
}

TEST(followup_summary, shows_no_small_count_and_no_table_narrows_another) {
  // DOMAIN X4 on 6 seeded registers: no table shows a count of 1-4; a cell the children table
  // hides is hidden (or a true zero) in every offer table, so no offer table bounds it from below;
  // and every small cell's joint audit interval (all tables, "offered <= identified") is at least
  // the threshold wide.
  for (unsigned seed = 0; seed < 6; ++seed) {
    const FollowupRegister reg = random_register(seed, 60 + static_cast<int>(seed) * 7);
    const FollowupSummary summary = followup_summary(reg, today);
    ASSERT_EQ(summary.tables.size(), 5u);
    EXPECT_EQ(summary.narrow, 0u) << "seed " << seed;
    for (const SuppressionResult& table : summary.tables) {
      for (const PublishedCell& cell : table.cells) {
        if (cell.count) {
          EXPECT_TRUE(*cell.count == 0 || *cell.count >= 5) << "seed " << seed;
        }
      }
      for (const CellInterval& interval : table.audit) {
        if (interval.sensitive && interval.max) {
          EXPECT_GE(*interval.max - interval.min, 5) << "seed " << seed;
        }
      }
    }
    for (const PublishedCell& cell : summary.tables[0].cells) {
      for (std::size_t t = 1; t < summary.tables.size(); ++t) {
        const PublishedCell* other = published(summary.tables[t], cell.values);
        ASSERT_NE(other, nullptr);
        if (cell.suppressed() && other->count) {
          EXPECT_EQ(*other->count, 0) << "seed " << seed;
        }
      }
    }
  }
}

TEST(followup_summary, writes_its_published_form_in_the_three_languages) {
  const FollowupRegister reg = random_register(3, 150);
  const FollowupSummary summary = followup_summary(reg, today);
  EXPECT_NE(followup_summary_html(summary, reg.region, Language::nb).find("Barn og unge som pårørende"), std::string::npos);
  EXPECT_NE(followup_summary_html(summary, reg.region, Language::nn).find("Barn og unge som pårørande"), std::string::npos);
  EXPECT_NE(followup_summary_html(summary, reg.region, Language::en).find("Children and young people as next of kin"),
            std::string::npos);
  const Json json = to_json(summary, reg.region);
  EXPECT_EQ(json["tables"].size(), 5u);
  EXPECT_EQ(json["tables"][0]["name"], "children");
  EXPECT_EQ(json["today"], "2027-03-01");
}

}  // namespace
}  // namespace paarorende
