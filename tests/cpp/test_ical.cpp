// The iCalendar export as a specification (RFC 5545): CRLF line ends, lines folded at 75 octets
// without splitting a UTF-8 character, TEXT escaped, a VTIMEZONE for Europe/Oslo (DOMAIN X3), one
// VEVENT per session, reproducible output and stable UIDs.
#include <gtest/gtest.h>

#include "fixtures.hpp"

#include <algorithm>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <boost/date_time/posix_time/posix_time.hpp>

#include "paarorende/ical.hpp"
#include "paarorende/json.hpp"
#include "paarorende/schedule.hpp"

namespace {

using namespace paarorende;
using namespace paarorende::test_support;
using paarorende::detail::ical_escape;
using paarorende::detail::ical_fold;

const IcalOptions fixed_stamp{boost::posix_time::ptime(Date(2024, 1, 2), ClockTime(3, 4, 5)),
                              "paarorende.invalid"};

// The example calendar standing for the municipality's own, so the descriptions are the
// agenda's alone (its example-data note is tested in test_schedule.cpp).
CourseRequest ical_pilot_request() {
  SchoolCalendar calendar = load_school_calendar(source_dir / "examples/calendars/sandefjord-school-holidays.json");
  calendar.example_data = false;
  return pilot_course_request(calendar);
}

std::string pilot_ical() {
  return to_ical(plan_course(ical_pilot_request()), fixed_stamp);
}

// The physical lines, without their CRLF.
std::vector<std::string> physical_lines(std::string_view text) {
  std::vector<std::string> lines;
  std::size_t begin = 0;
  for (std::size_t end; (end = text.find("\r\n", begin)) != std::string_view::npos;
       begin = end + 2) {
    lines.emplace_back(text.substr(begin, end - begin));
  }
  if (begin < text.size()) lines.emplace_back(text.substr(begin));
  return lines;
}

// RFC 5545 3.1: a CRLF followed by one space is a fold; remove it to get the logical lines.
std::string unfold(std::string text) {
  for (std::size_t at; (at = text.find("\r\n ")) != std::string::npos;) text.erase(at, 3);
  return text;
}

std::vector<std::string> logical_lines(const std::string& text) {
  return physical_lines(unfold(text));
}

std::vector<std::string> lines_starting(const std::string& text, std::string_view prefix) {
  std::vector<std::string> found;
  for (auto& line : logical_lines(text)) {
    if (line.rfind(prefix, 0) == 0) found.push_back(line);
  }
  return found;
}

std::size_t count(std::string_view text, std::string_view what) {
  std::size_t n = 0;
  for (std::size_t at = 0; (at = text.find(what, at)) != std::string_view::npos; at += what.size())
    ++n;
  return n;
}

// True when `text` is whole UTF-8 characters: no sequence cut at either end, none ill-formed.
bool whole_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t length = lead < 0x80           ? 1
                               : (lead >> 5) == 0x6  ? 2
                               : (lead >> 4) == 0xE  ? 3
                               : (lead >> 3) == 0x1E ? 4
                                                     : 0;
    if (length == 0 || i + length > text.size()) return false;
    for (std::size_t k = 1; k < length; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return false;
    }
    i += length;
  }
  return true;
}

std::string repeat(std::string_view piece, int times) {
  std::string text;
  for (int i = 0; i < times; ++i) text += piece;
  return text;
}

// ---------------------------------------------------------------------------------------------
// Folding (RFC 5545 3.1)

TEST(ical_fold, short_line_is_one_line_with_crlf) {
  EXPECT_EQ(ical_fold("VERSION:2.0"), "VERSION:2.0\r\n");
}

TEST(ical_fold, seventy_five_octets_fit_on_one_line) {
  const std::string line = "X:" + std::string(73, 'a');
  EXPECT_EQ(ical_fold(line), line + "\r\n");
}

// The 76th octet goes on a continuation line that starts with a space.
TEST(ical_fold, seventy_six_octets_fold_once) {
  const std::string line = "X:" + std::string(74, 'a');
  EXPECT_EQ(ical_fold(line), "X:" + std::string(73, 'a') + "\r\n a\r\n");
}

// "DESCRIPTION:" is 12 octets and each "æ" two: 31 of them make 74 octets, and a 32nd would make
// 76, so the line folds after 31 and the remaining 9 follow the space (1 + 18 = 19 octets).
TEST(ical_fold, never_splits_a_two_octet_character) {
  EXPECT_EQ(ical_fold("DESCRIPTION:" + repeat("æ", 40)),
            "DESCRIPTION:" + repeat("æ", 31) + "\r\n " + repeat("æ", 9) + "\r\n");
}

// Continuation lines hold 74 octets after their space: 37 two-octet characters.
TEST(ical_fold, continuation_lines_count_their_leading_space) {
  const std::string folded = ical_fold("DESCRIPTION:" + repeat("ø", 31 + 37 + 1));
  EXPECT_EQ(folded, "DESCRIPTION:" + repeat("ø", 31) + "\r\n " + repeat("ø", 37) + "\r\n ø\r\n");
}

// Property: for long Norwegian text with one-, two-, three- and four-octet characters, every
// physical line is at most 75 octets and whole UTF-8, and unfolding gives the line back.
TEST(ical_fold, long_norwegian_text_folds_into_whole_characters) {
  const std::vector<std::string> pieces{"æ", "ø", "å", "Æ", "Ø", "Å", "a", " ", "–", "€", "😀"};
  for (std::size_t offset = 0; offset < pieces.size(); ++offset) {
    for (int length : {1, 37, 74, 75, 76, 150, 301}) {
      std::string line = "DESCRIPTION:";
      for (int i = 0; i < length; ++i)
        line += pieces[(offset + static_cast<std::size_t>(i) * 7) % pieces.size()];
      const std::string folded = ical_fold(line);
      SCOPED_TRACE(line);
      ASSERT_GE(folded.size(), 2u);
      EXPECT_EQ(folded.substr(folded.size() - 2), "\r\n");
      for (const auto& physical : physical_lines(folded)) {
        EXPECT_LE(physical.size(), 75u);
        EXPECT_TRUE(whole_utf8(physical)) << physical;
      }
      EXPECT_EQ(unfold(folded), line + "\r\n");
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Escaping (RFC 5545 3.3.11)

TEST(ical_escape, escapes_backslash_semicolon_comma_and_newline) {
  EXPECT_EQ(ical_escape("a\\b;c,d\ne"), "a\\\\b\\;c\\,d\\ne");
}

TEST(ical_escape, crlf_becomes_one_escaped_newline) {
  EXPECT_EQ(ical_escape("linje 1\r\nlinje 2"), "linje 1\\nlinje 2");
}

TEST(ical_escape, leaves_colons_quotes_and_norwegian_letters_alone) {
  EXPECT_EQ(ical_escape("15:00 \"Bli kjent\" på skolen, æøå"),
            "15:00 \"Bli kjent\" på skolen\\, æøå");
}

// ---------------------------------------------------------------------------------------------
// The document

TEST(to_ical, is_one_vcalendar) {
  const std::vector<std::string> lines = logical_lines(pilot_ical());
  ASSERT_GE(lines.size(), 4u);
  EXPECT_EQ(lines[0], "BEGIN:VCALENDAR");
  EXPECT_EQ(lines[1], "VERSION:2.0");
  EXPECT_EQ(lines[2].rfind("PRODID:-//paarorende//paarorende ", 0), 0u);
  EXPECT_EQ(lines.back(), "END:VCALENDAR");
}

// RFC 5545 3.1: every line ends in CRLF, and there is no bare CR or LF.
TEST(to_ical, uses_crlf_everywhere) {
  const std::string text = pilot_ical();
  ASSERT_GE(text.size(), 2u);
  EXPECT_EQ(text.substr(text.size() - 2), "\r\n");
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      EXPECT_TRUE(i > 0 && text[i - 1] == '\r') << "bare LF at " << i;
    }
    if (text[i] == '\r') {
      EXPECT_TRUE(i + 1 < text.size() && text[i + 1] == '\n') << "bare CR at " << i;
    }
  }
}

// RFC 5545 3.1: no line longer than 75 octets, and no fold inside a UTF-8 character, even with
// a long Norwegian title.
TEST(to_ical, no_line_longer_than_seventy_five_octets) {
  CourseRequest request = ical_pilot_request();
  request.title =
      "Mestringskurs for foreldre til barn med livstruende eller livsbegrensende "
      "tilstander – pilot i Sandefjord, høsten 2019: «Å møtes» (æøå ÆØÅ)";
  const std::string text = to_ical(plan_course(request), fixed_stamp);
  bool folded = false;
  for (const auto& line : physical_lines(text)) {
    EXPECT_LE(line.size(), 75u) << line;
    EXPECT_TRUE(whole_utf8(line)) << line;
    folded = folded || line.rfind(' ', 0) == 0;
  }
  EXPECT_TRUE(folded);  // the long lines were folded, not left out
}

// DOMAIN X3: one VTIMEZONE for Europe/Oslo, CET/CEST with the EU rules, before the events.
TEST(to_ical, has_a_vtimezone_for_europe_oslo) {
  const std::string text = unfold(pilot_ical());
  EXPECT_EQ(count(text, "BEGIN:VTIMEZONE\r\nTZID:Europe/Oslo\r\n"), 1u);
  EXPECT_EQ(count(text, "END:VTIMEZONE\r\n"), 1u);
  EXPECT_LT(text.find("END:VTIMEZONE"), text.find("BEGIN:VEVENT"));
  EXPECT_NE(text.find("TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\n"),
            std::string::npos);
  EXPECT_NE(text.find("TZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\n"),
            std::string::npos);
  EXPECT_NE(text.find("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"), std::string::npos);
  EXPECT_NE(text.find("RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"), std::string::npos);
}

TEST(to_ical, has_one_vevent_per_session) {
  const std::string text = pilot_ical();
  EXPECT_EQ(count(text, "BEGIN:VEVENT\r\n"), 5u);
  EXPECT_EQ(count(text, "END:VEVENT\r\n"), 5u);
}

// DOMAIN X3: start and end as Oslo wall-clock times with TZID, in session order.
TEST(to_ical, dates_events_in_oslo_time) {
  const std::string text = pilot_ical();
  EXPECT_EQ(
      lines_starting(text, "DTSTART;"),
      (std::vector<std::string>{
          "DTSTART;TZID=Europe/Oslo:20191105T150000", "DTSTART;TZID=Europe/Oslo:20191203T150000",
          "DTSTART;TZID=Europe/Oslo:20200107T150000", "DTSTART;TZID=Europe/Oslo:20200128T150000",
          "DTSTART;TZID=Europe/Oslo:20200303T150000"}));
  EXPECT_EQ(lines_starting(text, "DTEND;").front(), "DTEND;TZID=Europe/Oslo:20191105T163000");
}

// DOMAIN X3: in summer time the wall clock still reads 15:00; the VTIMEZONE gives the offset.
TEST(to_ical, summer_sessions_keep_their_wall_clock_time) {
  CourseRequest request = ical_pilot_request();
  request.first_date = Date(2020, 4, 21);
  request.sessions = 3;
  const std::string text = to_ical(plan_course(request), fixed_stamp);
  EXPECT_EQ(lines_starting(text, "DTSTART;").front(), "DTSTART;TZID=Europe/Oslo:20200421T150000");
}

TEST(to_ical, fixed_dtstamp_gives_identical_output_twice) {
  const CourseSchedule schedule = plan_course(ical_pilot_request());
  const std::string first = to_ical(schedule, fixed_stamp);
  EXPECT_EQ(to_ical(schedule, fixed_stamp), first);
  EXPECT_EQ(lines_starting(first, "DTSTAMP:"),
            std::vector<std::string>(5, "DTSTAMP:20240102T030405Z"));
}

TEST(to_ical, dtstamp_defaults_to_now_in_utc) {
  const std::vector<std::string> stamps =
      lines_starting(to_ical(plan_course(ical_pilot_request())), "DTSTAMP:");
  ASSERT_EQ(stamps.size(), 5u);
  EXPECT_EQ(stamps[0].size(), std::string("DTSTAMP:20240102T030405Z").size());
  EXPECT_EQ(stamps[0].back(), 'Z');
}

TEST(to_ical, uids_are_unique_within_a_course) {
  const std::vector<std::string> uids = lines_starting(pilot_ical(), "UID:");
  ASSERT_EQ(uids.size(), 5u);
  EXPECT_EQ(std::set<std::string>(uids.begin(), uids.end()).size(), 5u);
  for (std::size_t i = 0; i < uids.size(); ++i) {
    // Built in steps: GCC 12 gives a false -Wrestrict for "-" + std::to_string(...) here.
    std::string suffix = "-";
    suffix += std::to_string(i + 1);
    suffix += "@paarorende.invalid";
    EXPECT_NE(uids[i].find(suffix), std::string::npos) << uids[i];
  }
}

// Calendar programs update an event with the same UID, so re-planning or re-reading a course
// must give the same UIDs, whatever the DTSTAMP.
TEST(to_ical, uids_are_stable_across_exports) {
  const std::vector<std::string> uids = lines_starting(pilot_ical(), "UID:");
  const CourseSchedule replanned = plan_course(ical_pilot_request());
  EXPECT_EQ(lines_starting(to_ical(replanned, fixed_stamp), "UID:"), uids);
  EXPECT_EQ(lines_starting(to_ical(replanned), "UID:"), uids);
  const CourseSchedule reread = course_schedule_from_json(to_json(replanned));
  EXPECT_EQ(lines_starting(to_ical(reread, fixed_stamp), "UID:"), uids);
}

TEST(to_ical, uids_differ_between_courses) {
  CourseRequest other = ical_pilot_request();
  other.first_date = Date(2019, 11, 12);
  const std::vector<std::string> uids = lines_starting(pilot_ical(), "UID:");
  const std::vector<std::string> others =
      lines_starting(to_ical(plan_course(other), fixed_stamp), "UID:");
  for (const auto& uid : others) EXPECT_EQ(std::count(uids.begin(), uids.end(), uid), 0) << uid;
}

TEST(to_ical, uid_domain_is_configurable) {
  IcalOptions options = fixed_stamp;
  options.uid_domain = "sandefjord.kommune.no";
  for (const auto& uid : lines_starting(to_ical(plan_course(ical_pilot_request()), options), "UID:")) {
    EXPECT_EQ(uid.substr(uid.size() - std::string("@sandefjord.kommune.no").size()),
              "@sandefjord.kommune.no");
  }
}

TEST(to_ical, summary_and_location_are_escaped) {
  CourseRequest request = ical_pilot_request();
  request.title = "Kurs, høst; pilot";
  const std::string text = to_ical(plan_course(request), fixed_stamp);
  EXPECT_EQ(lines_starting(text, "SUMMARY:").front(),
            "SUMMARY:Kurs\\, høst\\; pilot: samling 1 av 5 – Bli kjent");
  EXPECT_EQ(lines_starting(text, "LOCATION:").front(),
            "LOCATION:Klasserom på barnas skole\\, Sandefjord");
  EXPECT_EQ(lines_starting(text, "X-WR-CALNAME:").front(), "X-WR-CALNAME:Kurs\\, høst\\; pilot");
}

// DOMAIN C2, C6: the description carries the agenda, one escaped line per block.
TEST(to_ical, description_lists_the_agenda) {
  const std::vector<std::string> descriptions = lines_starting(pilot_ical(), "DESCRIPTION:");
  ASSERT_EQ(descriptions.size(), 5u);
  EXPECT_EQ(descriptions[1],
            "DESCRIPTION:15:00-15:30 Mat og drikke ved ankomst\\n15:00-15:30 Innledning om dagens "
            "tema ved en ansatt i kommunen\\n15:30-16:30 Ledet refleksjon og erfaringsutveksling");
}

// DOMAIN C11: a moved session says where it moved from and why.
TEST(to_ical, description_of_a_moved_session_names_its_original_date) {
  const std::vector<std::string> descriptions = lines_starting(pilot_ical(), "DESCRIPTION:");
  ASSERT_EQ(descriptions.size(), 5u);
  const std::string& third = descriptions[2];
  EXPECT_EQ(
      third.substr(third.size() - std::string("\\nFlyttet fra 2019-12-31 (Juleferie)").size()),
      "\\nFlyttet fra 2019-12-31 (Juleferie)");
  EXPECT_EQ(descriptions[1].find("Flyttet"), std::string::npos);
}

}  // namespace

namespace {

// A venue with only an address gives a LOCATION without a leading separator.
TEST(ical, location_without_a_venue_name_is_the_address) {
  paarorende::CourseRequest request;
  request.first_date = paarorende::Date(2019, 11, 5);
  request.venue = {"", "Skolegata 1"};
  const std::string text = paarorende::to_ical(paarorende::plan_course(request));
  EXPECT_NE(text.find("\r\nLOCATION:Skolegata 1\r\n"), std::string::npos);
}

}  // namespace

namespace {

// DOMAIN C7: each event names the day's topic, and the presenter's role and name.
TEST(ical, events_carry_the_topic_and_the_presenter) {
  const auto request = paarorende::load_course_request(paarorende::test_support::source_dir / "examples/sandefjord_pilot/course.json");
  const std::string text = paarorende::to_ical(paarorende::plan_course(request));
  std::string unfolded;  // RFC 5545 3.1: remove CRLF followed by one space
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 3, "\r\n ") == 0) {
      i += 2;
      continue;
    }
    unfolded += text[i];
  }
  EXPECT_NE(unfolded.find("SUMMARY:Mestringskurs for foreldre – pilot: samling 4 av 5 – Egenomsorg\r\n"),
            std::string::npos);
  EXPECT_NE(unfolded.find("DESCRIPTION:Tema: Egenomsorg\\nInnleder: Psykolog (Psykolog\\, "
                          "familietjenesten)\\n"),
            std::string::npos);
}

}  // namespace
