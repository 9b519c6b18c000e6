#include "paarorende/io/report.hpp"
#include "detail/html.hpp"
#include "detail/language.hpp"
#include "detail/input_error.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>

#include "paarorende/error.hpp"

namespace paarorende {
namespace {

// Every word the report prints, one table per language. Lay text only: the rule ids (DOMAIN X4,
// E3, G4) stay in the JSON and the docs (issue #23).
struct Words {
  const char* report;
  const char* form;
  const char* version;
  const char* privacy;  // followed by the threshold
  const char* privacy_end;
  const char* course;
  const char* the_course;
  const char* responses;
  const char* answered;
  const char* missing;
  const char* mean;
  const char* sd;
  const char* median;
  const char* top_two;
  const char* yes_share;
  const char* interval;
  const char* reference;
  const char* suppressed;
  const char* suppressed_few;  // followed by the threshold
  const char* distribution;
  const char* means;
  const char* attendance;
  const char* session;
  const char* households;
  const char* households_present;
  const char* participants_present;
  const char* participants_enrolled;
  const char* rate;
  const char* participant_rate;
  const char* mean_sessions;
  const char* per_household;
  const char* sessions_attended;
  const char* comments;
  const char* comments_note;
  const char* free_text_count;
  const char* yes;
  const char* no;
  const char* at_least;
  const char* overview;
  const char* scale;
  const char* pilot;   // the reference line's label, followed by the pilot's figure
  const char* target;  // the attendance chart's line, followed by "at least N"
};

constexpr Words bokmal{
    "Evalueringsrapport", "Skjema", "versjon",
    "Personvern: tall som bygger på færre enn ", " personer er skjult og merket «skjult», også der de kunne vært regnet ut fra andre tall.",
    "Kurs", "Kurset", "Svar", "Besvart (n)", "Ubesvart", "Gjennomsnitt", "Standardavvik", "Median", "Andel topp to",
    "Andel ja", "95 % konfidensintervall (Wilson)", "Referanse: pilotens tilbakemelding", "skjult",
    "skjult: færre enn ", "Fordeling av svarene", "Gjennomsnitt per kurs med referanselinje", "Oppmøte",
    "Samling", "Husstander", "Husstander til stede", "Deltakere til stede", "Påmeldte deltakere", "Oppmøte, husstander",
    "Oppmøte, deltakere", "Samlinger per husstand, gjennomsnitt", "Husstander etter antall samlinger de kom på",
    "Samlinger", "Kommentarer", "Fritekstsvar, sortert alfabetisk, uten noen identitet.", "fritekstsvar",
    "ja", "nei", "minst", "Oversikt", "Skala", "piloten", "mål:"};

constexpr Words nynorsk{
    "Evalueringsrapport", "Skjema", "versjon",
    "Personvern: tal som byggjer på færre enn ", " personar er skjulte og merkte «skjult», også der dei kunne ha vore rekna ut frå andre tal.",
    "Kurs", "Kurset", "Svar", "Svara (n)", "Ikkje svara", "Gjennomsnitt", "Standardavvik", "Median", "Del topp to",
    "Del ja", "95 % konfidensintervall (Wilson)", "Referanse: tilbakemeldinga frå piloten", "skjult",
    "skjult: færre enn ", "Fordeling av svara", "Gjennomsnitt per kurs med referanselinje", "Oppmøte",
    "Samling", "Hushald", "Hushald til stades", "Deltakarar til stades", "Påmelde deltakarar", "Oppmøte, hushald",
    "Oppmøte, deltakarar", "Samlingar per hushald, gjennomsnitt", "Hushald etter kor mange samlingar dei kom på",
    "Samlingar", "Kommentarar", "Fritekstsvar, sorterte alfabetisk, utan nokon identitet.", "fritekstsvar",
    "ja", "nei", "minst", "Oversikt", "Skala", "piloten", "mål:"};

constexpr Words english{
    "Evaluation report", "Form", "version",
    "Privacy: figures based on fewer than ", " people are suppressed and marked “suppressed”, also where they could be worked out from other figures.",
    "Course", "The course", "Responses", "Answered (n)", "Missing", "Mean", "Standard deviation", "Median", "Top-two share",
    "Share yes", "95% confidence interval (Wilson)", "Reference: the pilot's feedback", "suppressed",
    "suppressed: fewer than ", "Distribution of the answers", "Mean per course with reference line", "Attendance",
    "Session", "Households", "Households present", "Participants present", "Participants enrolled", "Attendance, households",
    "Attendance, participants", "Sessions per household, mean", "Households by number of sessions attended",
    "Sessions", "Comments", "Free-text answers, sorted alphabetically, with no identity.", "free-text answers",
    "yes", "no", "at least", "Overview", "Scale", "pilot", "target:"};

const Words& report_words(Language language) { return detail::in_language(language, bokmal, nynorsk, english); }

std::string escape(std::string_view text) { return detail::html_escape(text); }

class Writer {
 public:
  Writer(const EvaluationScores& scores, const ReportOptions& options)
      : scores_(scores), options_(options), w_(report_words(options.language)) {}

  std::string html();

 private:
  std::string number(double value, int decimals) const {
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    std::string out = text;
    if (options_.language != Language::en) std::replace(out.begin(), out.end(), '.', ',');  // 4,2 in Norwegian
    return out;
  }
  std::string percent(double share) const {
    return number(share * 100.0, 0) + (options_.language == Language::en ? "%" : "\u00a0%");
  }
  std::string text(const LocalText& local) const { return escape(local.in(options_.language)); }
  std::string course_name(const CourseScores& course) const {
    return course.course.empty() ? w_.the_course : escape(course.course);
  }
  std::string hidden() const { return std::string("<span class=\"suppressed\">") + w_.suppressed + "</span>"; }
  std::string few() const {
    return std::string("<span class=\"suppressed\">") + w_.suppressed_few + std::to_string(scores_.threshold) + "</span>";
  }
  std::string or_hidden(const std::optional<double>& value, int decimals) const {
    return value ? number(*value, decimals) : hidden();
  }
  std::string share_or_hidden(const std::optional<double>& value) const { return value ? percent(*value) : hidden(); }
  std::string count_or_hidden(const std::optional<std::int64_t>& value) const {
    return value ? std::to_string(*value) : hidden();
  }
  std::string value_label(const Item& item, int value) const;
  std::string colour(const Item& item, std::size_t k) const;
  std::string item_section(std::size_t index);
  std::string figures_table(std::size_t index) const;
  std::string distribution_chart(std::size_t index);
  std::string mean_chart(std::size_t index) const;
  std::string share_chart(std::size_t index) const;
  std::string attendance_section();
  std::string svg_open(int width, int height, const std::string& title) const {
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" class=\"chart\" width=\"" + std::to_string(width) +
           "\" height=\"" + std::to_string(height) + "\" viewBox=\"0 0 " + std::to_string(width) + " " +
           std::to_string(height) + "\"><title>" + title + "</title>";
  }

  const EvaluationScores& scores_;
  const ReportOptions& options_;
  const Words& w_;
  int patterns_ = 0;
};

std::string Writer::value_label(const Item& item, int value) const {
  if (item.kind == ItemKind::yes_no) return value == 1 ? w_.yes : w_.no;
  if (item.kind == ItemKind::single_choice) return text(item.choices.at(static_cast<std::size_t>(value)).label);
  std::string label = std::to_string(value);
  for (const auto& scale_label : item.labels) {
    if (scale_label.value == value) label += " " + text(scale_label.label);
  }
  return label;
}

std::string Writer::colour(const Item& item, std::size_t k) const {
  if (item.kind == ItemKind::single_choice) {
    static const char* palette[] = {"#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#76b7b2",
                                    "#edc948", "#ff9da7", "#9c755f", "#bab0ac", "#e15759"};
    return palette[k % 10];
  }
  if (item.kind == ItemKind::yes_no) return k == 1 ? "#2e7d32" : "#c62828";
  // Likert: red (low) through yellow to green (high).
  const double t = item.value_count() > 1 ? static_cast<double>(k) / static_cast<double>(item.value_count() - 1) : 1.0;
  const auto mix = [](double a, double b, double f) { return static_cast<int>(std::lround(a + (b - a) * f)); };
  int r, g, b;
  if (t < 0.5) {
    r = mix(0xc6, 0xf2, t * 2); g = mix(0x28, 0xc2, t * 2); b = mix(0x28, 0x3a, t * 2);
  } else {
    r = mix(0xf2, 0x2e, (t - 0.5) * 2); g = mix(0xc2, 0x7d, (t - 0.5) * 2); b = mix(0x3a, 0x32, (t - 0.5) * 2);
  }
  char out[16];
  std::snprintf(out, sizeof out, "#%02x%02x%02x", r, g, b);
  return out;
}

std::string Writer::figures_table(std::size_t index) const {
  const Item& item = scores_.form.items[index];
  std::string out = "<table class=\"figures\"><thead><tr><th>";
  out += w_.course;
  out += "</th><th>";
  out += w_.answered;
  out += "</th><th>";
  out += w_.missing;
  out += "</th>";
  if (item.kind == ItemKind::likert) {
    for (const char* head : {w_.mean, w_.sd, w_.median, w_.top_two}) out += std::string("<th>") + head + "</th>";
  }
  if (item.kind == ItemKind::yes_no) {
    out += std::string("<th>") + w_.yes_share + "</th><th>" + w_.interval + "</th>";
  }
  out += "</tr></thead><tbody>";
  for (const CourseScores& course : scores_.courses) {
    const ItemScores& scores = course.items[index];
    out += "<tr><th scope=\"row\">" + course_name(course) + "</th>";
    if (scores.suppressed) {
      const int columns = 2 + (item.kind == ItemKind::likert ? 4 : item.kind == ItemKind::yes_no ? 2 : 0);
      out += "<td colspan=\"" + std::to_string(columns) + "\">" + few() + "</td></tr>";
      continue;
    }
    out += "<td class=\"n\">" + count_or_hidden(scores.n) + "</td><td>" + count_or_hidden(scores.missing) + "</td>";
    if (item.kind == ItemKind::likert) {
      out += "<td class=\"mean\">" + or_hidden(scores.mean, 2) + "</td><td>" + or_hidden(scores.sd, 2) + "</td><td>" +
             or_hidden(scores.median, 1) + "</td><td>" + share_or_hidden(scores.top_two) + "</td>";
    }
    if (item.kind == ItemKind::yes_no) {
      out += "<td class=\"share\">" + share_or_hidden(scores.share) + "</td><td>";
      out += scores.share_low ? percent(*scores.share_low) + "–" + percent(*scores.share_high) : hidden();
      out += "</td>";
    }
    out += "</tr>";
  }
  out += "</tbody></table>";
  if (item.reference) {
    out += "<p class=\"reference\">";
    out += w_.reference;
    out += ": <strong>";
    out += item.kind == ItemKind::yes_no ? percent(item.reference->value) : number(item.reference->value, 1);
    out += "</strong>";
    if (!item.reference->note.nb.empty()) out += " (" + text(item.reference->note) + ")";
    out += "</p>";
  }
  return out;
}

// A 100% stacked bar per course; the suppressed cells of a course drawn as one hatched block
// whose size is only what the shown cells leave (so nothing is drawn that is not shown).
std::string Writer::distribution_chart(std::size_t index) {
  const Item& item = scores_.form.items[index];
  const int label_width = 150, bar_width = 440, row_height = 30, top = 8;
  const std::size_t values = item.value_count();
  const int legend_rows = static_cast<int>((values + 2) / 3);
  const int height = top + row_height * static_cast<int>(scores_.courses.size()) + 12 + legend_rows * 20 + 8;
  const int width = label_width + bar_width + 20;
  const std::string pattern = "hatch" + std::to_string(++patterns_);
  std::string out = svg_open(width, height, std::string(w_.distribution) + ": " + text(item.text));
  out += "<defs><pattern id=\"" + pattern +
         "\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
         "<rect width=\"6\" height=\"6\" fill=\"#e0e0e0\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" "
         "stroke=\"#9e9e9e\" stroke-width=\"2\"/></pattern></defs>";
  int y = top;
  for (const CourseScores& course : scores_.courses) {
    const ItemScores& scores = course.items[index];
    out += "<text x=\"0\" y=\"" + std::to_string(y + 18) + "\" class=\"label\">" + course_name(course) + "</text>";
    if (scores.suppressed) {
      out += "<rect x=\"" + std::to_string(label_width) + "\" y=\"" + std::to_string(y + 4) + "\" width=\"" +
             std::to_string(bar_width) + "\" height=\"20\" fill=\"url(#" + pattern + ")\"/>";
      out += "<text x=\"" + std::to_string(label_width + 8) + "\" y=\"" + std::to_string(y + 18) +
             "\" class=\"hidden-label\">" + w_.suppressed_few + std::to_string(scores_.threshold) + "</text>";
      y += row_height;
      continue;
    }
    double x = label_width;
    double shown = 0.0;
    for (std::size_t k = 0; k < scores.distribution.size(); ++k) {
      const DistributionCell& cell = scores.distribution[k];
      if (cell.suppressed() || *cell.count == 0) continue;
      const double w = *cell.share * bar_width;
      shown += *cell.share;
      char rect[256];
      std::snprintf(rect, sizeof rect, "<rect x=\"%.2f\" y=\"%d\" width=\"%.2f\" height=\"20\" fill=\"%s\"/>", x, y + 4,
                    w, colour(item, k).c_str());
      out += rect;
      if (w >= 22) {
        char label[160];
        std::snprintf(label, sizeof label, "<text x=\"%.2f\" y=\"%d\" class=\"count\">%lld</text>", x + w / 2, y + 18,
                      static_cast<long long>(*cell.count));
        out += label;
      }
      x += w;
    }
    const bool any_hidden = std::any_of(scores.distribution.begin(), scores.distribution.end(),
                                        [](const DistributionCell& cell) { return cell.suppressed(); });
    if (any_hidden) {
      const double w = std::max(0.0, (1.0 - shown) * bar_width);
      char rect[256];
      std::snprintf(rect, sizeof rect, "<rect x=\"%.2f\" y=\"%d\" width=\"%.2f\" height=\"20\" fill=\"url(#%s)\"/>", x,
                    y + 4, w, pattern.c_str());
      out += rect;
      char label[200];
      std::snprintf(label, sizeof label, "<text x=\"%.2f\" y=\"%d\" class=\"hidden-label\">", x + 4, y + 18);
      out += label;
      out += w_.suppressed;
      out += "</text>";
    }
    y += row_height;
  }
  y += 12;
  for (std::size_t k = 0; k < values; ++k) {
    const int column = static_cast<int>(k % 3), row = static_cast<int>(k / 3);
    const int lx = column * 200, ly = y + row * 20;
    const int value = item.kind == ItemKind::likert ? item.min + static_cast<int>(k) : static_cast<int>(k);
    out += "<rect x=\"" + std::to_string(lx) + "\" y=\"" + std::to_string(ly) + "\" width=\"12\" height=\"12\" fill=\"" +
           colour(item, k) + "\"/>";
    out += "<text x=\"" + std::to_string(lx + 16) + "\" y=\"" + std::to_string(ly + 11) + "\" class=\"legend\">" +
           value_label(item, value) + "</text>";
  }
  return out + "</svg>";
}

// Each course's mean on the item's scale, with the pilot's reference as a dashed line (E3).
std::string Writer::mean_chart(std::size_t index) const {
  const Item& item = scores_.form.items[index];
  const int label_width = 150, axis_width = 440, row_height = 24, top = 24;
  const int height = top + row_height * static_cast<int>(scores_.courses.size()) + 24;
  const int width = label_width + axis_width + 20;
  const auto x_of = [&](double value) {
    return label_width + (value - item.min) / static_cast<double>(item.max - item.min) * axis_width;
  };
  std::string out = svg_open(width, height, std::string(w_.means) + ": " + text(item.text));
  const int axis_y = top + row_height * static_cast<int>(scores_.courses.size());
  char line[320];
  std::snprintf(line, sizeof line, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"axis\"/>", label_width, axis_y,
                label_width + axis_width, axis_y);
  out += line;
  for (int value = item.min; value <= item.max; ++value) {
    if (item.max - item.min > 10 && (value - item.min) % 5 != 0) continue;
    std::snprintf(line, sizeof line, "<text x=\"%.2f\" y=\"%d\" class=\"tick\">%d</text>", x_of(value), axis_y + 16, value);
    out += line;
  }
  if (item.reference) {
    const double x = x_of(item.reference->value);
    std::snprintf(line, sizeof line, "<line x1=\"%.2f\" y1=\"%d\" x2=\"%.2f\" y2=\"%d\" class=\"reference-line\"/>", x, 6, x,
                  axis_y);
    out += line;
    std::snprintf(line, sizeof line, "<text x=\"%.2f\" y=\"%d\" class=\"reference-label\">", x + 4, 16);
    out += line;
    out += std::string(w_.pilot) + " ";
    out += number(item.reference->value, 1) + "</text>";
  }
  int y = top;
  for (const CourseScores& course : scores_.courses) {
    const ItemScores& scores = course.items[index];
    out += "<text x=\"0\" y=\"" + std::to_string(y + 14) + "\" class=\"label\">" + course_name(course) + "</text>";
    if (scores.mean) {
      std::snprintf(line, sizeof line, "<circle cx=\"%.2f\" cy=\"%d\" r=\"6\" class=\"mean-dot\"/>", x_of(*scores.mean), y + 10);
      out += line;
      std::snprintf(line, sizeof line, "<text x=\"%.2f\" y=\"%d\" class=\"value\">", x_of(*scores.mean) + 9, y + 14);
      out += line;
      out += number(*scores.mean, 2) + "</text>";
    } else {
      out += "<text x=\"" + std::to_string(label_width + 4) + "\" y=\"" + std::to_string(y + 14) +
             "\" class=\"hidden-label\">" + w_.suppressed + "</text>";
    }
    y += row_height;
  }
  return out + "</svg>";
}

// Yes/no: each course's share of yes with its Wilson interval, and the reference (E3).
std::string Writer::share_chart(std::size_t index) const {
  const Item& item = scores_.form.items[index];
  const int label_width = 150, axis_width = 440, row_height = 26, top = 24;
  const int height = top + row_height * static_cast<int>(scores_.courses.size()) + 24;
  const int width = label_width + axis_width + 20;
  const auto x_of = [&](double share) { return label_width + share * axis_width; };
  std::string out = svg_open(width, height, std::string(w_.yes_share) + ": " + text(item.text));
  const int axis_y = top + row_height * static_cast<int>(scores_.courses.size());
  char line[320];
  std::snprintf(line, sizeof line, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"axis\"/>", label_width, axis_y,
                label_width + axis_width, axis_y);
  out += line;
  for (int tick = 0; tick <= 100; tick += 25) {
    std::snprintf(line, sizeof line, "<text x=\"%.2f\" y=\"%d\" class=\"tick\">", x_of(tick / 100.0), axis_y + 16);
    out += line;
    out += percent(tick / 100.0) + "</text>";
  }
  if (item.reference) {
    const double x = x_of(item.reference->value);
    std::snprintf(line, sizeof line, "<line x1=\"%.2f\" y1=\"%d\" x2=\"%.2f\" y2=\"%d\" class=\"reference-line\"/>", x, 6, x,
                  axis_y);
    out += line;
    std::snprintf(line, sizeof line, "<text x=\"%.2f\" y=\"%d\" class=\"reference-label end\">", x - 4, 16);
    out += line;
    out += std::string(w_.pilot) + " ";
    out += percent(item.reference->value) + "</text>";
  }
  int y = top;
  for (const CourseScores& course : scores_.courses) {
    const ItemScores& scores = course.items[index];
    out += "<text x=\"0\" y=\"" + std::to_string(y + 16) + "\" class=\"label\">" + course_name(course) + "</text>";
    if (scores.share) {
      std::snprintf(line, sizeof line, "<rect x=\"%d\" y=\"%d\" width=\"%.2f\" height=\"16\" class=\"share-bar\"/>",
                    label_width, y + 4, *scores.share * axis_width);
      out += line;
      std::snprintf(line, sizeof line,
                    "<line x1=\"%.2f\" y1=\"%d\" x2=\"%.2f\" y2=\"%d\" class=\"whisker\"/>", x_of(*scores.share_low), y + 12,
                    x_of(*scores.share_high), y + 12);
      out += line;
      std::snprintf(line, sizeof line, "<text x=\"%d\" y=\"%d\" class=\"value inside\">", label_width + 4, y + 16);
      out += line;
      out += percent(*scores.share) + "</text>";
    } else {
      out += "<text x=\"" + std::to_string(label_width + 4) + "\" y=\"" + std::to_string(y + 16) +
             "\" class=\"hidden-label\">" + (scores.suppressed ? w_.suppressed_few + std::to_string(scores_.threshold)
                                                                : std::string(w_.suppressed)) +
             "</text>";
    }
    y += row_height;
  }
  return out + "</svg>";
}

std::string Writer::item_section(std::size_t index) {
  const Item& item = scores_.form.items[index];
  std::string out = "<section class=\"item\" id=\"item-" + escape(item.id) + "\"><h2>" + std::to_string(index + 1) + ". " +
                    text(item.text) + "</h2>";
  if (item.kind == ItemKind::likert) {
    out += "<p class=\"scale\">" + std::string(w_.scale) + " " + std::to_string(item.min) + "–" + std::to_string(item.max);
    for (const auto& label : item.labels) out += "; " + std::to_string(label.value) + " = " + text(label.label);
    out += "</p>";
  }
  out += figures_table(index);
  if (item.kind == ItemKind::free_text) {
    if (options_.comments) {
      bool any = false;
      for (const CourseScores& course : scores_.courses) {
        const ItemScores& scores = course.items[index];
        if (scores.comments.empty()) continue;
        if (!any) out += "<p class=\"note\">" + std::string(w_.comments_note) + "</p>";
        any = true;
        out += "<h3>" + course_name(course) + "</h3><ul class=\"comments\">";
        for (const auto& comment : scores.comments) out += "<li>" + escape(comment) + "</li>";
        out += "</ul>";
      }
    }
    return out + "</section>";
  }
  out += "<figure>" + distribution_chart(index) + "<figcaption>" + w_.distribution + "</figcaption></figure>";
  if (item.kind == ItemKind::likert) {
    out += "<figure>" + mean_chart(index) + "<figcaption>" + w_.means + "</figcaption></figure>";
  }
  if (item.kind == ItemKind::yes_no) {
    out += "<figure>" + share_chart(index) + "<figcaption>" + w_.yes_share + "</figcaption></figure>";
  }
  return out + "</section>";
}

std::string Writer::attendance_section() {
  const AttendanceScores& a = *scores_.attendance;
  std::string out = "<section class=\"attendance\" id=\"attendance\"><h2>" + std::string(w_.attendance) + "</h2>";
  if (a.suppressed) {
    return out + "<p>" + few() + "</p></section>";
  }
  out += "<table class=\"figures\"><tbody>";
  out += "<tr><th scope=\"row\">" + std::string(w_.households) + "</th><td>" + std::to_string(*a.households) + "</td></tr>";
  out += "<tr><th scope=\"row\">" + std::string(w_.rate) + "</th><td class=\"rate\">" + share_or_hidden(a.rate) + "</td></tr>";
  out += "<tr><th scope=\"row\">" + std::string(w_.participant_rate) + "</th><td>" + share_or_hidden(a.participant_rate) +
         "</td></tr>";
  out += "<tr><th scope=\"row\">" + std::string(w_.mean_sessions) + "</th><td>" + or_hidden(a.mean_sessions, 2) + "</td></tr>";
  out += "</tbody></table>";
  // Per session: participants present inside those enrolled, the G4 minimum dashed.
  int most = options_.min_present;
  for (const auto& session : a.sessions) most = std::max(most, session.participants_enrolled);
  const int chart_height = 180, bar = 48, gap = 24, left = 40, top = 16;
  const int label_room = 130;  // the G4 line's label, right of the bars
  const int width = left + static_cast<int>(a.sessions.size()) * (bar + gap) + gap + label_room;
  const int height = top + chart_height + 40;
  const auto y_of = [&](double value) { return top + chart_height - value / most * chart_height; };
  out += "<figure>" +
         svg_open(width, height, std::string(w_.attendance) + ": " + w_.participants_present + " / " + w_.session);
  char line[320];
  std::snprintf(line, sizeof line, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"axis\"/>", left,
                top + chart_height, width - label_room, top + chart_height);
  out += line;
  int x = left + gap;
  for (const auto& session : a.sessions) {
    std::snprintf(line, sizeof line,
                  "<rect x=\"%d\" y=\"%.2f\" width=\"%d\" height=\"%.2f\" class=\"enrolled\"/>", x,
                  y_of(session.participants_enrolled), bar, chart_height - (y_of(session.participants_enrolled) - top));
    out += line;
    std::snprintf(line, sizeof line,
                  "<rect x=\"%d\" y=\"%.2f\" width=\"%d\" height=\"%.2f\" class=\"present\"/>", x,
                  y_of(session.participants_present), bar, chart_height - (y_of(session.participants_present) - top));
    out += line;
    std::snprintf(line, sizeof line, "<text x=\"%d\" y=\"%.2f\" class=\"value centre\">%d</text>", x + bar / 2,
                  y_of(session.participants_present) - 4, session.participants_present);
    out += line;
    std::snprintf(line, sizeof line, "<text x=\"%d\" y=\"%d\" class=\"tick\">%d</text>", x + bar / 2,
                  top + chart_height + 16, session.session);
    out += line;
    x += bar + gap;
  }
  std::snprintf(line, sizeof line, "<line x1=\"%d\" y1=\"%.2f\" x2=\"%d\" y2=\"%.2f\" class=\"reference-line\"/>", left,
                y_of(options_.min_present), width - label_room, y_of(options_.min_present));
  out += line;
  std::snprintf(line, sizeof line, "<text x=\"%d\" y=\"%.2f\" class=\"reference-label\">%s %s %d</text>", width - label_room + 4,
                y_of(options_.min_present) + 4, w_.target, w_.at_least, options_.min_present);
  out += line;
  std::snprintf(line, sizeof line, "<text x=\"%d\" y=\"%d\" class=\"tick\">", left + (width - label_room - left) / 2,
                top + chart_height + 34);
  out += line;
  out += std::string(w_.session) + "</text></svg><figcaption>" + w_.participants_present + " (" +
         w_.participants_enrolled + ")</figcaption></figure>";
  out += "<table class=\"figures sessions\"><thead><tr><th>" + std::string(w_.session) + "</th><th>" + w_.households +
         "</th><th>" + w_.households_present + "</th><th>" + w_.participants_present + "</th><th>" +
         w_.participants_enrolled + "</th><th>" + w_.rate + "</th></tr></thead><tbody>";
  for (const auto& session : a.sessions) {
    out += "<tr><th scope=\"row\">" + std::to_string(session.session) + "</th><td>" + std::to_string(session.households) +
           "</td><td>" + std::to_string(session.households_present) + "</td><td>" +
           std::to_string(session.participants_present) + "</td><td>" + std::to_string(session.participants_enrolled) +
           "</td><td>" + percent(session.rate) + "</td></tr>";
  }
  out += "</tbody></table>";
  out += "<h3>" + std::string(w_.per_household) + "</h3><table class=\"figures\"><thead><tr><th>" + w_.sessions_attended +
         "</th><th>" + w_.households + "</th></tr></thead><tbody>";
  for (const auto& cell : a.per_household) {
    out += "<tr><th scope=\"row\">" + std::to_string(cell.value) + "</th><td>" + count_or_hidden(cell.count) + "</td></tr>";
  }
  out += "</tbody></table></section>";
  return out;
}

std::string Writer::html() {
  std::string out = "<!DOCTYPE html>\n<html lang=\"";
  out += to_string(options_.language);
  out += "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">";
  // No request leaves the page: inline styles only, and a policy that forbids any fetch.
  out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">";
  const std::string title = scores_.form.title.nb.empty() ? escape(scores_.form.id) : text(scores_.form.title);
  out += "<title>" + std::string(w_.report) + ": " + title + "</title>";
  out += R"(<style>
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;margin:2em auto;max-width:52em;padding:0 1em;color:#212121;line-height:1.4}
h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.2em;border-bottom:1px solid #bdbdbd;padding-bottom:.2em;margin-top:1.6em}
table.figures{border-collapse:collapse;margin:.6em 0}table.figures th,table.figures td{border:1px solid #e0e0e0;padding:.25em .6em;text-align:right}
table.figures th[scope=row]{text-align:left;font-weight:normal}table.figures thead th{background:#f5f5f5}
.suppressed{color:#757575;font-style:italic}.note,.privacy,.reference,.scale{color:#424242;font-size:.92em}
figure{margin:.6em 0}figcaption{font-size:.85em;color:#616161}
svg.chart{max-width:100%;height:auto;font-size:12px}svg .label{fill:#212121}svg .count{fill:#fff;text-anchor:middle;font-weight:bold}
svg .hidden-label{fill:#424242;font-style:italic}svg .legend{fill:#424242}svg .tick{fill:#616161;text-anchor:middle}
svg .axis{stroke:#9e9e9e;stroke-width:1}svg .reference-line{stroke:#1565c0;stroke-width:2;stroke-dasharray:6 4}
svg .reference-label{fill:#1565c0}svg .end{text-anchor:end}svg .mean-dot{fill:#37474f}svg .value{fill:#212121}svg .centre{text-anchor:middle}
svg .inside{fill:#fff;font-weight:bold}svg .share-bar{fill:#2e7d32}svg .whisker{stroke:#1b5e20;stroke-width:2}
svg .enrolled{fill:#eceff1;stroke:#90a4ae}svg .present{fill:#546e7a}
ul.comments li{margin:.2em 0}
@page{size:A4;margin:15mm}
@media print{body{margin:0;max-width:none;font-size:10pt}section{break-inside:avoid;page-break-inside:avoid}h2{break-after:avoid}svg .count,svg .inside{fill:#fff;-webkit-print-color-adjust:exact;print-color-adjust:exact}*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
</style></head><body>)";
  out += "<header><h1>" + title + "</h1><p>" + w_.report + ". " + w_.form + " <code>" + escape(scores_.form.id) + "</code>, " +
         w_.version + " " + std::to_string(scores_.form.version) + ".</p><p class=\"privacy\">" + w_.privacy +
         std::to_string(scores_.threshold) + w_.privacy_end + "</p></header>";
  out += "<section class=\"overview\"><h2>" + std::string(w_.overview) + "</h2><table class=\"figures\"><thead><tr><th>" +
         w_.course + "</th><th>" + w_.responses + "</th></tr></thead><tbody>";
  for (const CourseScores& course : scores_.courses) {
    out += "<tr><th scope=\"row\">" + course_name(course) + "</th><td>" +
           (course.suppressed ? few() : std::to_string(*course.responses)) + "</td></tr>";
  }
  out += "</tbody></table></section>";
  for (std::size_t i = 0; i < scores_.form.items.size(); ++i) out += item_section(i);
  if (scores_.attendance) out += attendance_section();
  out += "</body></html>\n";
  return out;
}

// A report in nynorsk has every text of its form in nynorsk: never the bokmål one in its place
// (issue #23). Where one is missing, the form document's pointer says which.
void require_form_in(const EvaluationForm& form, Language language) {
  if (language != Language::nn) return;
  auto need = [](const LocalText& text, const std::string& where) {
    if (!text.nb.empty() && !text.has(Language::nn)) {
      detail::raise_input_error(where, "no nynorsk text (\"nn\"): a report in nynorsk has every text of its form in "
                                       "nynorsk");
    }
  };
  need(form.title, "/title");
  for (std::size_t i = 0; i < form.items.size(); ++i) {
    const Item& item = form.items[i];
    const std::string at = "/items/" + std::to_string(i);
    need(item.text, at + "/text");
    for (std::size_t k = 0; k < item.labels.size(); ++k) need(item.labels[k].label, at + "/labels/" + std::to_string(k) + "/label");
    for (std::size_t k = 0; k < item.choices.size(); ++k) need(item.choices[k].label, at + "/choices/" + std::to_string(k) + "/label");
    if (item.reference) need(item.reference->note, at + "/reference/note");
  }
}

}  // namespace

std::string evaluation_report_html(const EvaluationScores& scores, const ReportOptions& options) {
  require_form_in(scores.form, options.language);
  for (const CourseScores& course : scores.courses) {
    if (course.items.size() != scores.form.items.size()) {
      detail::raise_input_error("courses", "the scores do not belong to their form: " + std::to_string(course.items.size()) +
                               " items against " + std::to_string(scores.form.items.size()));
    }
  }
  Writer writer(scores, options);
  return writer.html();
}

void write_evaluation_report(const std::filesystem::path& path, const EvaluationScores& scores,
                             const ReportOptions& options) {
  const std::string html = evaluation_report_html(scores, options);
  std::filesystem::path temporary = path;
  temporary += ".partial";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << html;
    out.flush();
    if (!out) {
      std::error_code ignored;
      std::filesystem::remove(temporary, ignored);
      detail::raise_input_error(path.string(), "cannot write the report");
    }
  }
  std::error_code code;
  std::filesystem::rename(temporary, path, code);
  if (code) {
    std::error_code ignored;
    std::filesystem::remove(temporary, ignored);
    detail::raise_input_error(path.string(), "cannot write the report: " + code.message());
  }
}

}  // namespace paarorende
