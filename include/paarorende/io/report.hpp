// The evaluation report (DOMAIN E1-E3, X4): one self-contained HTML page (no script, font,
// image or style fetched from anywhere) with an inline SVG chart of each item's distribution per
// course, each course's mean beside the pilot's feedback as a reference line (E3), and the
// attendance per session (E2); in Norwegian bokmål by default, English on request; laid out to
// print on A4. It shows exactly the figures of the scores: what they suppress (X4) is marked
// "skjult"/"suppressed", never drawn; free-text answers appear only when asked for, and then
// without any identifier.
#pragma once

#include <filesystem>
#include <string>

#include "paarorende/evaluation.hpp"
#include "paarorende/group.hpp"
#include "paarorende/scores.hpp"

namespace paarorende {

struct ReportOptions {
  Language language = Language::nb;
  /// Show the free-text answers the scores hold (ScoreOptions::comments must have kept them).
  bool comments = false;
  /// The attendance chart's dashed line: DOMAIN G4, at least this many present at every session.
  int min_present = GroupRules{}.min_present;

  friend bool operator==(const ReportOptions&, const ReportOptions&) = default;
};

/// The report as one HTML document (UTF-8).
std::string evaluation_report_html(const EvaluationScores& scores, const ReportOptions& options = {});

/// Writes the report to `path`, whole or not at all (a temporary file renamed into place).
/// Throws InputError naming the file when it cannot be written.
void write_evaluation_report(const std::filesystem::path& path, const EvaluationScores& scores,
                             const ReportOptions& options = {});

}  // namespace paarorende
