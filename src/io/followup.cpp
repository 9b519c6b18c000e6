// The follow-up register as files (io/followup.hpp; DOMAIN V2, V3, X4).
#include "paarorende/io/followup.hpp"

#include "detail/followup_names.hpp"
#include "detail/input_error.hpp"
#include "detail/language.hpp"
#include "detail/text.hpp"
#include "io/ical_events.hpp"
#include "io/json_reader.hpp"
#include "io/readers.hpp"
#include "io/table_forms.hpp"
#include "paarorende/io/region.hpp"
#include "paarorende/io/table.hpp"
#include "paarorende/io/violation.hpp"

namespace paarorende {
using namespace detail;

namespace {

FollowupUnit read_unit(const Json& value, const std::string& pointer) {
  ObjectReader in(value, pointer);
  FollowupUnit unit;
  unit.id = in.string("id");
  unit.municipality = in.string("municipality");
  unit.kind = in.string("kind");
  if (in.find("child_responsible") != nullptr) unit.child_responsible = in.string("child_responsible");
  in.finish();
  return unit;
}

FollowupOffer read_offer(const Json& value, const std::string& pointer) {
  ObjectReader in(value, pointer);
  FollowupOffer offer;
  offer.kind = read_code(in.required("kind"), in.pointer("kind"), followup_offer_kind_names, Rule{"V3"});
  offer.date = in.date("date");
  offer.unit = in.string("unit");
  in.finish();
  return offer;
}

FollowupChild read_child(const Json& value, const std::string& pointer) {
  ObjectReader in(value, pointer);
  FollowupChild child;
  child.id = in.string("id");
  child.birth_year = in.integer("birth_year", 1990, 2100);
  child.municipality = in.string("municipality");
  child.identified_by = in.string("identified_by");
  child.identified_on = in.date("identified_on");
  child.next_of_kin_to = read_code(in.required("next_of_kin_to"), in.pointer("next_of_kin_to"), next_of_kin_to_names, Rule{"V2"});
  // DOMAIN V2: the kind of illness from a fixed list, never a diagnosis.
  child.illness = read_code(in.required("illness"), in.pointer("illness"), illness_kind_names, Rule{"V2"});
  if (in.find("responsible_unit") != nullptr) child.responsible_unit = in.string("responsible_unit");
  child.offers = read_array<FollowupOffer>(in, "offers", read_offer);
  if (const Json* consent = in.find("consent")) child.consent = read_consent(*consent, in.pointer("consent"));
  child.next_follow_up = in.date("next_follow_up");
  child.closed_on = in.optional_date("closed_on");
  in.finish();  // DOMAIN X4: any other field (a note, a name, a diagnosis) is refused
  return child;
}

Json unit_json(const FollowupUnit& unit) {
  Json json{{"id", unit.id}, {"municipality", unit.municipality}, {"kind", unit.kind}};
  if (unit.child_responsible) json["child_responsible"] = *unit.child_responsible;
  return json;
}

Json child_json(const FollowupChild& child) {
  Json offers = Json::array();
  for (const FollowupOffer& offer : child.offers) {
    offers.push_back({{"kind", std::string(to_string(offer.kind))}, {"date", iso_date(offer.date)}, {"unit", offer.unit}});
  }
  Json json{{"id", child.id},
            {"birth_year", child.birth_year},
            {"municipality", child.municipality},
            {"identified_by", child.identified_by},
            {"identified_on", iso_date(child.identified_on)},
            {"next_of_kin_to", std::string(to_string(child.next_of_kin_to))},
            {"illness", std::string(to_string(child.illness))}};
  if (child.responsible_unit) json["responsible_unit"] = *child.responsible_unit;
  json["offers"] = offers;
  if (child.consent) json["consent"] = consent_json(*child.consent);
  json["next_follow_up"] = iso_date(child.next_follow_up);
  if (child.closed_on) json["closed_on"] = iso_date(*child.closed_on);
  return json;
}

Json due_json(const DueFollowup& due) {
  return Json{{"child", due.child},
              {"next_follow_up", iso_date(due.next_follow_up)},
              {due.overdue ? "days_overdue" : "days_left", due.days}};
}

// --- texts for people, one table per language (issue #23) ---

struct FollowupWords {
  const char* calendar;        // "Oppfølging"
  const char* follow_up_of;    // "Oppfølging av"
  const char* was_due;         // "Neste oppfølging var"
  const char* days_overdue;    // "dager over tiden"
  const char* next;            // "Neste oppfølging"
  const char* responsible;     // "Ansvarlig rolle"
  const char* no_responsible;  // "Enheten har ingen barneansvarlig rolle"
  const char* title;           // "Barn og unge som pårørende"
  const char* on;              // "per"
  const char* children_table;  // "Barn identifisert, etter kommune og alder"
  const char* offered;         // "Barn som har fått tilbud"
  const char* conversation, *school_information, *treffpunkt, *referral;
  const char* not_additive;    // "Ett barn kan ha fått flere tilbud ..."
};

constexpr FollowupWords words_bokmal{
    "Oppfølging", "Oppfølging av", "Neste oppfølging var", "dager over tiden", "Neste oppfølging",
    "Ansvarlig rolle", "Enheten har ingen barneansvarlig rolle", "Barn og unge som pårørende", "per",
    "Barn identifisert, etter kommune og alder", "Barn som har fått tilbud", "samtale",
    "informasjon til skole eller barnehage", "Treffpunkt", "henvisning",
    "Ett barn kan ha fått flere tilbud, så tabellene over tilbud kan ikke legges sammen. De teller barn i "
    "tabellen over barn og er skjermet sammen med den: ingen tabell avslører en celle en annen skjuler."};
constexpr FollowupWords words_nynorsk{
    "Oppfølging", "Oppfølging av", "Neste oppfølging var", "dagar over tida", "Neste oppfølging",
    "Ansvarleg rolle", "Eininga har inga barneansvarleg rolle", "Barn og unge som pårørande", "per",
    "Barn identifiserte, etter kommune og alder", "Barn som har fått tilbod", "samtale",
    "informasjon til skule eller barnehage", "Treffpunkt", "tilvising",
    "Eitt barn kan ha fått fleire tilbod, så tabellane over tilbod kan ikkje leggjast saman. Dei tel barn i "
    "tabellen over barn og er skjerma saman med han: ingen tabell avslører ei celle som ein annan skjuler."};
constexpr FollowupWords words_english{
    "Follow-up", "Follow-up of", "The next follow-up was due on", "days overdue", "Next follow-up",
    "Responsible role", "The unit has no child-responsible role", "Children and young people as next of kin", "on",
    "Children identified, by municipality and age", "Children offered", "a conversation",
    "information to the school or kindergarten", "Treffpunkt", "a referral",
    "One child can have had several offers, so the tables of offers do not add up. They count children of the "
    "children table and are protected with it: no table reveals a cell another hides."};

const FollowupWords& followup_words(Language language) {
  return in_language(language, words_bokmal, words_nynorsk, words_english);
}

const char* offer_words(FollowupOfferKind kind, const FollowupWords& words) {
  switch (kind) {
    case FollowupOfferKind::school_information: return words.school_information;
    case FollowupOfferKind::treffpunkt: return words.treffpunkt;
    case FollowupOfferKind::referral: return words.referral;
    case FollowupOfferKind::conversation: break;
  }
  return words.conversation;
}

std::string table_title(const std::string& name, const FollowupWords& words) {
  if (name == "children") return words.children_table;
  const auto kind = followup_offer_kind_from_string(std::string_view(name).substr(std::string_view("offer-").size()));
  return std::string(words.offered) + ": " + offer_words(kind.value_or(FollowupOfferKind::conversation), words);
}

}  // namespace

FollowupRegister followup_register_from_json(const Json& document, const std::filesystem::path& base_dir) {
  ObjectReader in(document, "");
  FollowupRegister reg;
  if (const Json* region = in.find("region")) {
    reg.region = region_from_reference(*region, "/region", base_dir);
  } else {
    reg.region = *find_builtin_region("valdres");
  }
  reg.units = read_array<FollowupUnit>(in, "units", read_unit);
  in.required("units");
  reg.children = read_array<FollowupChild>(in, "children", read_child);
  in.required("children");
  in.finish();
  check_followup_register(reg);
  return reg;
}

FollowupRegister load_followup_register(const std::filesystem::path& path) {
  return read_document_file(path, [&](const Json& document) {
    return followup_register_from_json(document, path.parent_path());
  });
}

Json to_json(const FollowupRegister& reg) {
  Json units = Json::array();
  for (const FollowupUnit& unit : reg.units) units.push_back(unit_json(unit));
  Json children = Json::array();
  for (const FollowupChild& child : reg.children) children.push_back(child_json(child));
  const Region* builtin = find_builtin_region(reg.region.id);
  Json region = builtin != nullptr && *builtin == reg.region ? Json(reg.region.id) : to_json(reg.region);
  return Json{{"region", region}, {"units", units}, {"children", children}};
}

Json to_json(const FollowupLists& lists) {
  Json units = Json::array();
  for (const UnitFollowup& unit : lists.units) {
    Json overdue = Json::array(), due = Json::array(), without_consent = Json::array();
    for (const DueFollowup& entry : unit.overdue) overdue.push_back(due_json(entry));
    for (const DueFollowup& entry : unit.due) due.push_back(due_json(entry));
    for (const OfferWithoutConsent& offer : unit.offers_without_consent) {
      without_consent.push_back({{"child", offer.child},
                                 {"kind", std::string(to_string(offer.kind))},
                                 {"date", iso_date(offer.date)},
                                 {"consent_date", offer.consent_date ? Json(iso_date(*offer.consent_date)) : Json()}});
    }
    units.push_back({{"unit", unit.unit},
                     {"municipality", unit.municipality},
                     {"child_responsible", unit.child_responsible ? Json(*unit.child_responsible) : Json()},
                     {"overdue", overdue},
                     {"due", due},
                     {"without_responsible_role", unit.without_responsible_role},
                     {"offered_nothing", unit.offered_nothing},
                     {"offers_without_consent", without_consent}});
  }
  Json without_contact = Json::array();
  for (const FollowupUnit& unit : lists.units_without_contact) {
    without_contact.push_back({{"unit", unit.id}, {"municipality", unit.municipality}, {"kind", unit.kind}});
  }
  return Json{{"today", iso_date(lists.today)},
              {"within_days", lists.within_days},
              {"children", lists.children},
              {"closed", lists.closed},
              {"units", units},
              {"units_without_contact", without_contact},
              {"findings", to_json(lists.findings)}};
}

std::vector<std::pair<std::string, std::string>> followup_reminders(const FollowupRegister& reg, const FollowupLists& lists,
                                                                    std::optional<Language> language,
                                                                    const IcalOptions& options) {
  std::vector<std::pair<std::string, std::string>> calendars;
  for (const UnitFollowup& unit : lists.units) {
    if (unit.overdue.empty() && unit.due.empty()) continue;
    const FollowupUnit* registered = reg.find_unit(unit.unit);
    const Municipality* municipality = reg.region.find(registered->municipality);
    const Language unit_language = language.value_or(municipality->language);
    const FollowupWords& words = followup_words(unit_language);
    std::vector<IcalEvent> events;
    const auto reminder = [&](const DueFollowup& entry) {
      const Date day = entry.overdue ? lists.today : entry.next_follow_up;
      std::string description = entry.overdue ? std::string(words.was_due) + " " + iso_date(entry.next_follow_up) + ": " +
                                                    std::to_string(entry.days) + " " + words.days_overdue + "."
                                              : std::string(words.next) + ": " + iso_date(entry.next_follow_up) + ".";
      description += "\n";
      description += unit.child_responsible ? std::string(words.responsible) + ": " + *unit.child_responsible
                                            : std::string(words.no_responsible);
      // One UID per child and follow-up date: a reminder moved to a new date is a new event.
      events.push_back({entry.child + "-" + iso_date(entry.next_follow_up),
                        oslo_time(day, ClockTime(9, 0, 0)), oslo_time(day, ClockTime(9, 15, 0)),
                        std::string(words.follow_up_of) + " " + entry.child, unit.municipality, description});
    };
    for (const DueFollowup& entry : unit.overdue) reminder(entry);
    for (const DueFollowup& entry : unit.due) reminder(entry);
    calendars.emplace_back(unit.unit, ical_calendar(std::string(words.calendar) + " – " + unit.unit,
                                                    "followup\n" + reg.region.id + "\n" + unit.unit, events, options,
                                                    unit_language));
  }
  return calendars;
}

std::vector<std::pair<std::string, Json>> followup_summary_documents(const std::vector<NamedTable>& tables) {
  std::vector<std::pair<std::string, Json>> documents;
  for (const NamedTable& table : tables) documents.emplace_back(table.name + ".table.json", to_json(table.table));
  return documents;
}

Json to_json(const FollowupSummary& summary, const Region& region) {
  Json tables = Json::array();
  for (std::size_t t = 0; t < summary.tables.size(); ++t) {
    tables.push_back({{"name", summary.names[t]}, {"published", to_json(summary.tables[t])}});
  }
  require(summary.narrow == 0, "summary",
          std::to_string(summary.narrow) + " small figures of the summary stay narrower than the threshold: not published",
          Rule{"X4"});
  return Json{{"today", iso_date(summary.today)},
              {"region", region.id},
              {"threshold", summary.tables.empty() ? 5 : summary.tables.front().threshold},
              {"tables", tables}};
}

std::string followup_summary_html(const FollowupSummary& summary, const Region& region, Language language) {
  // DOMAIN X4: a summary whose links leave a small figure narrow is not fit to publish.
  require(summary.narrow == 0, "summary",
          std::to_string(summary.narrow) + " small figures of the summary stay narrower than the threshold: not published",
          Rule{"X4"});
  using table_io::html_escape;
  const FollowupWords& words = followup_words(language);
  const std::string title = std::string(words.title) + ": " + region.name + " " + words.on + " " + iso_date(summary.today);
  std::string out = "<!DOCTYPE html>\n<html lang=\"" + std::string(to_string(language)) +
                    "\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + html_escape(title) + "</title>\n";
  out += "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin:1em 0}"
         "th,td{border:1px solid #999;padding:.2em .6em;text-align:right}th{background:#eee}"
         "@page{size:A4}</style>\n</head>\n<body>\n";
  out += "<h1>" + html_escape(title) + "</h1>\n<p>" + html_escape(words.not_additive) + "</p>\n";
  for (std::size_t t = 0; t < summary.tables.size(); ++t) {
    out += "<h2>" + html_escape(table_title(summary.names[t], words)) + "</h2>\n";
    if (t == 0) out += table_io::privacy_notes(summary.tables[t], language);
    out += table_io::cross_tables(summary.tables[t], language);
  }
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace paarorende
