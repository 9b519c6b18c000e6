// Per-school calendars (school_days.hpp) from the files municipalities and schools publish
// (docs/school-days.md): open data as CSV, .xlsx or JSON (one row per school and day: dato,
// skole, elevdag, laererdag, sfodag, kommentar) and iCalendar feeds of days off.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "paarorende/io/csv.hpp"
#include "paarorende/io/json.hpp"
#include "paarorende/school_days.hpp"

namespace paarorende {

/// Reads the day-per-row table: a header naming the columns in any case (dato, skole, elevdag,
/// sfodag required; laererdag or lærerdag and kommentar optional; other columns are ignored),
/// dates YYYY-MM-DD or DD.MM.YYYY, Ja/Nei (also yes/no, true/false, 1/0, in any case). A school
/// given twice for one day with different values is an error. Errors say "row 3, column 2".
SchoolDays school_days_from_table(const CsvTable& table);
/// The table from CSV text (csv.hpp: BOM, ',' or ';').
SchoolDays school_days_from_csv(std::string_view text);
/// The table from a workbook's first sheet, or the one named `sheet`; errors say
/// `sheet "Ark1", row 3, column 2`.
SchoolDays school_days_from_xlsx(std::string_view bytes, std::string_view sheet = {});
/// The JSON form: an array of row objects with the same fields (values "Ja"/"Nei" or true/false),
/// or paarorende's own {"days": [...], "days_off_only": ["school", ...]}, as to_json writes it.
/// Errors carry JSON pointers.
SchoolDays school_days_from_json(const Json& document);
/// An iCalendar feed (RFC 5545) of one school: each all-day VEVENT is a day (or days) without
/// school and SFO, its SUMMARY the comment; events with a time are not days off and are skipped.
/// The school is `school`, or when empty the feed's X-WR-CALNAME. Errors say "line N".
SchoolDays school_days_from_ical(std::string_view text, const std::string& school = {});

/// Reads a file by its ending: .csv, .xlsx, .ics, else JSON. `school` names an iCalendar feed's
/// school (see school_days_from_ical), `sheet` a workbook's sheet (empty: its first); errors name
/// the file.
SchoolDays load_school_days(const std::filesystem::path& path, const std::string& school = {},
                            std::string_view sheet = {});

/// {"days": [{"dato", "skole", "elevdag", "laererdag", "sfodag", "kommentar"}, ...]} with "Ja"/"Nei",
/// and "days_off_only" naming the schools read from a feed of days off: what
/// school_days_from_json reads back to equal calendars.
Json to_json(const SchoolDays& calendars);
Json to_json(const SchoolDayCheck& check);

}  // namespace paarorende
