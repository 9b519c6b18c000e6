// The spreadsheet templates (io/spreadsheet_template.hpp). Their texts are in one table per
// language below, each column's explanation by its key; the sheets and columns are the readers'
// layouts (io/table_rows.hpp), and the allowed values come from the same name tables the JSON
// readers use, so a template cannot offer a value the reader refuses.
#include "paarorende/io/spreadsheet_template.hpp"
#include "detail/language.hpp"

#include <span>
#include <stdexcept>

#include "detail/enum_names.hpp"
#include "detail/names.hpp"

namespace paarorende {
namespace {

constexpr auto template_kind_names = detail::enum_names<TemplateKind>("waitlist", "attendance", "group");

struct ColumnText {
  std::string_view key;  ///< The column ("child_N_stage"), or "settings.<name>" for a setting.
  std::string_view text;  ///< At most 255 characters: it is also the column's prompt.
};

struct TemplateWords {
  std::string_view instructions_sheet;
  std::string_view sheet;
  std::string_view column;
  std::string_view meaning;
  std::string_view waitlist_intro;
  std::string_view group_intro;
  std::string_view attendance_intro;
  std::string_view more_children;
  std::span<const ColumnText> columns;
};

// --- bokmål ---
constexpr ColumnText bokmal_columns[] = {
    {"id", "Et kallenavn for husstanden, f.eks. h01: små bokstaver, tall, - og _. Aldri navn eller fødselsnummer."},
    {"municipality", "Kommunen husstanden bor i (kommunenummer eller navn)."},
    {"school", "Hvor barnet hentes (skole eller barnehage). På en venteliste: en id fra arket places."},
    {"care_closes", "Når SFO/AKS stenger, TT:MM (f.eks. 16:30): samlingene slutter tidsnok til henting."},
    {"waiting_since", "Datoen husstanden kom på ventelisten (ÅÅÅÅ-MM-DD)."},
    {"caregiver_N", "En omsorgsperson som deltar: mother, father eller other_guardian. La caregiver_2 stå tom når bare én deltar."},
    {"child_N_stage", "Barnets trinn: kindergarten, primary, lower_secondary eller upper_secondary."},
    {"child_N_grade", "Klassetrinn 1-13, når barnet går på skole."},
    {"child_N_birth_date", "Barnets fødselsdato (ÅÅÅÅ-MM-DD), eller fyll inn alder."},
    {"child_N_age", "Barnets alder i år (0-25)."},
    {"child_N_condition", "Hva slags tilstand, som kategori: life_threatening, life_limiting, serious_illness, "
                          "severe_disability eller mainly_behavioural. Ingen diagnose i klartekst."},
    {"child_N_rare_diagnosis", "Kode for en sjelden diagnose (f.eks. ORPHA-kode), så foreldre med samme diagnose kan møtes; ellers tom."},
    {"sibling_N_age", "Alderen til et søsken (0-30), for tilbudet til søsken."},
    {"sibling_N_stage", "Søskenets trinn, som for barnet."},
    {"places.id", "Stedets id, f.eks. fagernes_skule: det som står i kolonnen school."},
    {"places.municipality", "Kommunen stedet ligger i."},
    {"latitude", "Breddegrad i desimalgrader (f.eks. 60,986), for å anslå kjøretid."},
    {"longitude", "Lengdegrad i desimalgrader (f.eks. 9,233)."},
    {"venue", "TRUE når en gruppe kan møtes her, FALSE når stedet bare er et hentested."},
    {"from", "Et sted (id fra arket places)."},
    {"to", "Et annet sted (id fra arket places)."},
    {"minutes", "Kjent kjøretid i minutter; den erstatter anslaget, begge veier."},
    {"setting", "Navnet på innstillingen (står ferdig utfylt)."},
    {"value", "Verdien; tom gir standardverdien."},
    {"settings.id", "Id for ventelisten eller gruppen (små bokstaver, tall, - og _)."},
    {"settings.region", "En innebygd region (f.eks. valdres), med kontakter og kommuner."},
    {"settings.target_participants", "Hvor mange deltakere en gruppe skal ha (standard 12)."},
    {"settings.seed", "Et heltall som gjør at samme venteliste gir samme grupper (standard 1)."},
    {"settings.waiting_as_of", "Datoen ventetiden regnes fram til (ÅÅÅÅ-MM-DD); tom: den nyeste datoen i waiting_since."},
    {"settings.warn_minutes", "Kjøretid i minutter som gir en advarsel (standard 15)."},
    {"settings.max_minutes", "Lengste tillatte kjøretid i minutter (standard 60)."},
    {"settings.format", "Kursformatet gruppen følger, en innebygd id (f.eks. monthly_parents)."},
    {"settings.venue", "Hvor gruppen møtes: en id fra arket places."},
    {"household", "Husstandens id, som i gruppen."},
    {"session", "Samlingens nummer: 1, 2, 3 ..."},
    {"present", "Hvor mange omsorgspersoner fra husstanden som var til stede: 0, 1 eller 2."},
    {"caregivers", "Hvor mange omsorgspersoner husstanden er påmeldt med: 1 eller 2 (tom: 2)."},
};
constexpr TemplateWords template_bokmal{
    "Veiledning",
    "Ark",
    "Kolonne",
    "Hva den inneholder",
    "Mal for venteliste. Fyll inn én rad per husstand i arket households, stedene i places, kjente kjøretider i "
    "travel_times og innstillinger i settings. Kolonnenavnene skal stå som de er. Bruk kallenavn, aldri navn eller "
    "fødselsnummer. Les inn med: paarorende groups FIL.xlsx",
    "Mal for en gruppe. Én rad per husstand i arket households og innstillinger i settings; steder og kjøretider "
    "når gruppen har et møtested. Kolonnenavnene skal stå som de er. Bruk kallenavn, aldri navn eller "
    "fødselsnummer. Sjekk med: paarorende check FIL.xlsx",
    "Mal for oppmøte. Én rad per husstand og samling i arket records. Kolonnenavnene skal stå som de er. Les inn "
    "med: paarorende fit FIL.xlsx",
    "Flere barn eller søsken: legg til kolonner med neste nummer (child_3_stage, sibling_3_age ...).",
    bokmal_columns,
};

// --- nynorsk ---
constexpr ColumnText nynorsk_columns[] = {
    {"id", "Eit kallenamn for hushaldet, t.d. h01: små bokstavar, tal, - og _. Aldri namn eller fødselsnummer."},
    {"municipality", "Kommunen hushaldet bur i (kommunenummer eller namn)."},
    {"school", "Kvar barnet blir henta (skule eller barnehage). På ei venteliste: ein id frå arket places."},
    {"care_closes", "Når SFO/AKS stengjer, TT:MM (t.d. 16:30): samlingane sluttar i tide til henting."},
    {"waiting_since", "Datoen hushaldet kom på ventelista (ÅÅÅÅ-MM-DD)."},
    {"caregiver_N", "Ein omsorgsperson som deltek: mother, father eller other_guardian. La caregiver_2 stå tom når berre éin deltek."},
    {"child_N_stage", "Steget barnet er på: kindergarten, primary, lower_secondary eller upper_secondary."},
    {"child_N_grade", "Klassesteg 1-13, når barnet går på skule."},
    {"child_N_birth_date", "Fødselsdatoen til barnet (ÅÅÅÅ-MM-DD), eller fyll inn alder."},
    {"child_N_age", "Alderen til barnet i år (0-25)."},
    {"child_N_condition", "Kva slags tilstand, som kategori: life_threatening, life_limiting, serious_illness, "
                          "severe_disability eller mainly_behavioural. Ingen diagnose i klartekst."},
    {"child_N_rare_diagnosis", "Kode for ein sjeldan diagnose (t.d. ORPHA-kode), slik at foreldre med same diagnose kan møtast; elles tom."},
    {"sibling_N_age", "Alderen til eit sysken (0-30), for tilbodet til sysken."},
    {"sibling_N_stage", "Steget syskenet er på, som for barnet."},
    {"places.id", "Id-en til staden, t.d. fagernes_skule: det som står i kolonna school."},
    {"places.municipality", "Kommunen staden ligg i."},
    {"latitude", "Breiddegrad i desimalgradar (t.d. 60,986), for å rekne ut køyretid."},
    {"longitude", "Lengdegrad i desimalgradar (t.d. 9,233)."},
    {"venue", "TRUE når ei gruppe kan møtast her, FALSE når staden berre er ein hentestad."},
    {"from", "Ein stad (id frå arket places)."},
    {"to", "Ein annan stad (id frå arket places)."},
    {"minutes", "Kjend køyretid i minutt; ho erstattar overslaget, begge vegar."},
    {"setting", "Namnet på innstillinga (står ferdig utfylt)."},
    {"value", "Verdien; tom gir standardverdien."},
    {"settings.id", "Id for ventelista eller gruppa (små bokstavar, tal, - og _)."},
    {"settings.region", "Ein innebygd region (t.d. valdres), med kontaktar og kommunar."},
    {"settings.target_participants", "Kor mange deltakarar ei gruppe skal ha (standard 12)."},
    {"settings.seed", "Eit heiltal som gjer at same venteliste gir same grupper (standard 1)."},
    {"settings.waiting_as_of", "Datoen ventetida blir rekna fram til (ÅÅÅÅ-MM-DD); tom: den nyaste datoen i waiting_since."},
    {"settings.warn_minutes", "Køyretid i minutt som gir ei åtvaring (standard 15)."},
    {"settings.max_minutes", "Lengste tillatne køyretid i minutt (standard 60)."},
    {"settings.format", "Kursformatet gruppa følgjer, ein innebygd id (t.d. monthly_parents)."},
    {"settings.venue", "Kvar gruppa møtest: ein id frå arket places."},
    {"household", "Id-en til hushaldet, som i gruppa."},
    {"session", "Nummeret på samlinga: 1, 2, 3 ..."},
    {"present", "Kor mange omsorgspersonar frå hushaldet som var til stades: 0, 1 eller 2."},
    {"caregivers", "Kor mange omsorgspersonar hushaldet er påmeldt med: 1 eller 2 (tom: 2)."},
};
constexpr TemplateWords template_nynorsk{
    "Rettleiing",
    "Ark",
    "Kolonne",
    "Kva ho inneheld",
    "Mal for venteliste. Fyll inn éi rad per hushald i arket households, stadene i places, kjende køyretider i "
    "travel_times og innstillingar i settings. Kolonnenamna skal stå som dei er. Bruk kallenamn, aldri namn eller "
    "fødselsnummer. Les inn med: paarorende groups FIL.xlsx",
    "Mal for ei gruppe. Éi rad per hushald i arket households og innstillingar i settings; stader og køyretider "
    "når gruppa har ein møtestad. Kolonnenamna skal stå som dei er. Bruk kallenamn, aldri namn eller "
    "fødselsnummer. Sjekk med: paarorende check FIL.xlsx",
    "Mal for oppmøte. Éi rad per hushald og samling i arket records. Kolonnenamna skal stå som dei er. Les inn "
    "med: paarorende fit FIL.xlsx",
    "Fleire barn eller sysken: legg til kolonner med neste nummer (child_3_stage, sibling_3_age ...).",
    nynorsk_columns,
};

// --- English ---
constexpr ColumnText english_columns[] = {
    {"id", "A pseudonym for the household, e.g. h01: lower-case letters, digits, - and _. Never a name or national identity number."},
    {"municipality", "The municipality the household lives in (number or name)."},
    {"school", "Where the child is picked up (school or kindergarten). On a waitlist: an id from the places sheet."},
    {"care_closes", "When after-school care closes, HH:MM (e.g. 16:30): sessions end in time for pickup."},
    {"waiting_since", "The date the household joined the waitlist (YYYY-MM-DD)."},
    {"caregiver_N", "A caregiver taking part: mother, father or other_guardian. Leave caregiver_2 empty when only one takes part."},
    {"child_N_stage", "The child's stage: kindergarten, primary, lower_secondary or upper_secondary."},
    {"child_N_grade", "School grade 1-13, when the child is at school."},
    {"child_N_birth_date", "The child's date of birth (YYYY-MM-DD), or give the age."},
    {"child_N_age", "The child's age in years (0-25)."},
    {"child_N_condition", "The kind of condition, as a category: life_threatening, life_limiting, serious_illness, "
                          "severe_disability or mainly_behavioural. No diagnosis in plain words."},
    {"child_N_rare_diagnosis", "A code for a rare diagnosis (e.g. an ORPHA code), so that parents with the same one can meet; otherwise empty."},
    {"sibling_N_age", "A sibling's age (0-30), for the siblings' offer."},
    {"sibling_N_stage", "The sibling's stage, as for the child."},
    {"places.id", "The place's id, e.g. fagernes_skule: what the school column names."},
    {"places.municipality", "The municipality the place is in."},
    {"latitude", "Latitude in decimal degrees (e.g. 60.986), to estimate driving times."},
    {"longitude", "Longitude in decimal degrees (e.g. 9.233)."},
    {"venue", "TRUE when a group can meet here, FALSE when it is only a pickup place."},
    {"from", "A place (an id from the places sheet)."},
    {"to", "Another place (an id from the places sheet)."},
    {"minutes", "A known driving time in minutes; it replaces the estimate, both ways."},
    {"setting", "The setting's name (filled in already)."},
    {"value", "Its value; empty keeps the default."},
    {"settings.id", "The waitlist's or group's id (lower-case letters, digits, - and _)."},
    {"settings.region", "A built-in region (e.g. valdres), with its contacts and municipalities."},
    {"settings.target_participants", "How many participants a group aims for (default 12)."},
    {"settings.seed", "A whole number that makes the same waitlist give the same groups (default 1)."},
    {"settings.waiting_as_of", "The date waiting is counted up to (YYYY-MM-DD); empty: the newest date in waiting_since."},
    {"settings.warn_minutes", "Driving minutes above which a warning is given (default 15)."},
    {"settings.max_minutes", "The longest driving time allowed, in minutes (default 60)."},
    {"settings.format", "The course format the group follows, a built-in id (e.g. monthly_parents)."},
    {"settings.venue", "Where the group meets: an id from the places sheet."},
    {"household", "The household's id, as in the group."},
    {"session", "The session's number: 1, 2, 3 ..."},
    {"present", "How many of the household's caregivers were present: 0, 1 or 2."},
    {"caregivers", "How many caregivers the household is enrolled with: 1 or 2 (empty: 2)."},
};
constexpr TemplateWords template_english{
    "Instructions",
    "Sheet",
    "Column",
    "What it holds",
    "Waitlist template. Fill in one row per household in the households sheet, the places in places, known driving "
    "times in travel_times and settings in settings. Keep the column names as they are. Use pseudonyms, never names "
    "or national identity numbers. Read it with: paarorende groups FILE.xlsx",
    "Group template. One row per household in the households sheet and settings in settings; places and driving "
    "times when the group has a venue. Keep the column names as they are. Use pseudonyms, never names or national "
    "identity numbers. Check it with: paarorende check FILE.xlsx",
    "Attendance template. One row per household and session in the records sheet. Keep the column names as they "
    "are. Read it with: paarorende fit FILE.xlsx",
    "More children or siblings: add columns with the next number (child_3_stage, sibling_3_age ...).",
    english_columns,
};

const TemplateWords& template_words_of(Language language) {
  return detail::in_language(language, template_bokmal, template_nynorsk, template_english);
}

std::string_view text_of(const TemplateWords& words, std::string_view key) {
  for (const ColumnText& column : words.columns) {
    if (column.key == key) return column.text;
  }
  // Never another language's text (issue #23): the completeness test renders every template.
  throw std::logic_error("the template text \"" + std::string(key) + "\" is missing in one language");
}

template <class Names>
std::vector<std::string> values_of(const Names& names) {
  return {names.names.begin(), names.names.end()};
}

// A column of a template: its header, the key of its explanation, and what it accepts.
struct TemplateColumn {
  std::string header;
  std::string text_key;
  WorkbookInputKind kind = WorkbookInputKind::any;
  std::vector<std::string> values;
  double minimum = 0.0;
  double maximum = 0.0;
};

TemplateColumn any(std::string header, std::string key = {}) {
  if (key.empty()) key = header;
  return {std::move(header), std::move(key), WorkbookInputKind::any, {}, 0.0, 0.0};
}
TemplateColumn listed(std::string header, std::string key, std::vector<std::string> values) {
  return {std::move(header), std::move(key), WorkbookInputKind::list, std::move(values), 0.0, 0.0};
}
TemplateColumn whole(std::string header, std::string key, double minimum, double maximum) {
  return {std::move(header), std::move(key), WorkbookInputKind::whole_number, {}, minimum, maximum};
}
TemplateColumn decimal(std::string header, std::string key, double minimum, double maximum) {
  return {std::move(header), std::move(key), WorkbookInputKind::decimal, {}, minimum, maximum};
}
TemplateColumn of_kind(std::string header, std::string key, WorkbookInputKind kind) {
  return {std::move(header), std::move(key), kind, {}, 0.0, 0.0};
}

// The sheet of `columns`, each with its prompt, and the instructions' rows for it.
WorkbookSheet data_sheet(std::string name, const std::vector<TemplateColumn>& columns, const TemplateWords& words,
                         std::vector<std::vector<WorkbookCell>>& instructions) {
  WorkbookSheet sheet;
  sheet.name = std::move(name);
  sheet.input_rows = template_rows;
  for (std::size_t c = 0; c < columns.size(); ++c) {
    const TemplateColumn& column = columns[c];
    const std::string_view text = text_of(words, column.text_key);
    sheet.header.push_back(column.header);
    // Ids, municipality numbers and pickup places are text: "0301" keeps its 0, "h01" stays as typed.
    if (column.kind == WorkbookInputKind::any) sheet.text_columns.push_back(c);
    sheet.widths.push_back(std::max<double>(12.0, static_cast<double>(column.header.size()) + 2.0));
    WorkbookColumnInput input;
    input.column = c;
    input.kind = column.kind;
    input.values = column.values;
    input.minimum = column.minimum;
    input.maximum = column.maximum;
    input.title = column.header.substr(0, 32);
    input.message = std::string(text);
    sheet.inputs.push_back(std::move(input));
    instructions.push_back({WorkbookCell::of(sheet.name), WorkbookCell::of(column.header), WorkbookCell::of(std::string(text))});
  }
  return sheet;
}

// A settings sheet: the names filled in, the values to fill; each setting explained.
WorkbookSheet settings_sheet(const std::vector<std::string>& names, const TemplateWords& words,
                             std::vector<std::vector<WorkbookCell>>& instructions) {
  WorkbookSheet sheet = data_sheet("settings", {any("setting"), any("value")}, words, instructions);
  sheet.inputs.clear();  // the prompts are the instructions' rows; a value's kind depends on its row
  sheet.widths = {24, 24};
  for (const std::string& name : names) {
    sheet.rows.push_back({WorkbookCell::of(name)});
    instructions.push_back(
        {WorkbookCell::of("settings"), WorkbookCell::of(name), WorkbookCell::of(std::string(text_of(words, "settings." + name)))});
  }
  return sheet;
}

std::vector<TemplateColumn> household_columns() {
  const auto roles = values_of(detail::caregiver_role_names);
  const auto stages = values_of(detail::child_stage_names);
  const auto conditions = values_of(detail::condition_category_names);
  std::vector<TemplateColumn> columns{any("id"), any("municipality"), any("school"),
                                      of_kind("care_closes", "care_closes", WorkbookInputKind::time),
                                      of_kind("waiting_since", "waiting_since", WorkbookInputKind::date),
                                      listed("caregiver_1", "caregiver_N", roles), listed("caregiver_2", "caregiver_N", roles)};
  for (int n = 1; n <= 2; ++n) {
    const std::string child = "child_" + std::to_string(n) + "_";
    columns.push_back(listed(child + "stage", "child_N_stage", stages));
    columns.push_back(whole(child + "grade", "child_N_grade", 1, 13));
    columns.push_back(of_kind(child + "birth_date", "child_N_birth_date", WorkbookInputKind::date));
    columns.push_back(whole(child + "age", "child_N_age", 0, 25));
    columns.push_back(listed(child + "condition", "child_N_condition", conditions));
    columns.push_back(any(child + "rare_diagnosis", "child_N_rare_diagnosis"));
  }
  for (int n = 1; n <= 2; ++n) {
    const std::string sibling = "sibling_" + std::to_string(n) + "_";
    columns.push_back(whole(sibling + "age", "sibling_N_age", 0, 30));
    columns.push_back(listed(sibling + "stage", "sibling_N_stage", stages));
  }
  return columns;
}

// The households, places, travel_times and settings sheets of a waitlist or a group.
void add_household_sheets(Workbook& workbook, const std::vector<std::string>& settings, const TemplateWords& words,
                          std::vector<std::vector<WorkbookCell>>& instructions) {
  workbook.sheets.push_back(data_sheet("households", household_columns(), words, instructions));
  instructions.push_back({WorkbookCell::of("households"), WorkbookCell{}, WorkbookCell::of(std::string(words.more_children))});
  workbook.sheets.push_back(data_sheet("places",
                                       {any("id", "places.id"), any("municipality", "places.municipality"),
                                        decimal("latitude", "latitude", -90, 90), decimal("longitude", "longitude", -180, 180),
                                        listed("venue", "venue", {"TRUE", "FALSE"})},
                                       words, instructions));
  workbook.sheets.push_back(data_sheet("travel_times", {any("from"), any("to"), decimal("minutes", "minutes", 0, 1440)},
                                       words, instructions));
  workbook.sheets.push_back(settings_sheet(settings, words, instructions));
}

}  // namespace

std::string_view to_string(TemplateKind kind) noexcept { return template_kind_names.name(kind); }

std::vector<std::string> instruction_sheet_names() {
  std::vector<std::string> names;
  for (Language language : {Language::nb, Language::nn, Language::en}) {
    names.emplace_back(template_words_of(language).instructions_sheet);
  }
  return names;
}

std::optional<TemplateKind> template_kind_from_string(std::string_view text) noexcept {
  return template_kind_names.parse(text);
}

Workbook spreadsheet_template(TemplateKind kind, Language language) {
  const TemplateWords& words = template_words_of(language);
  Workbook workbook;
  workbook.title = "paarorende: " + std::string(to_string(kind));
  std::vector<std::vector<WorkbookCell>> instructions;
  std::string_view intro;
  switch (kind) {
    case TemplateKind::waitlist:
      intro = words.waitlist_intro;
      add_household_sheets(workbook,
                           {"id", "region", "target_participants", "seed", "waiting_as_of", "warn_minutes", "max_minutes"},
                           words, instructions);
      break;
    case TemplateKind::group:
      intro = words.group_intro;
      add_household_sheets(workbook, {"id", "format", "venue", "warn_minutes", "max_minutes"}, words, instructions);
      break;
    case TemplateKind::attendance:
      intro = words.attendance_intro;
      workbook.sheets.push_back(data_sheet("records",
                                           {any("household"), whole("session", "session", 1, 1000),
                                            whole("present", "present", 0, 2), whole("caregivers", "caregivers", 1, 2)},
                                           words, instructions));
      break;
  }
  WorkbookSheet guide;
  guide.name = std::string(words.instructions_sheet);
  guide.widths = {16, 26, 110};
  guide.rows.push_back({WorkbookCell::of(std::string(intro))});
  guide.rows.push_back({});
  guide.rows.push_back({WorkbookCell::of(std::string(words.sheet)), WorkbookCell::of(std::string(words.column)),
                        WorkbookCell::of(std::string(words.meaning))});
  for (auto& row : instructions) guide.rows.push_back(std::move(row));
  workbook.sheets.push_back(std::move(guide));
  return workbook;
}

}  // namespace paarorende
