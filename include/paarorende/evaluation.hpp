// Evaluation forms and their responses (DOMAIN E1-E3). A form has an id and a version and a list
// of items: Likert scales of any range with labelled anchors, yes/no, single choice and free
// text. The pilot's own form (E1) is built in as "sandefjord-pilot", version 1. Responses are
// read from JSON or from CSV as spreadsheets and survey tools export it; a missing answer is
// allowed (and counted), anything else that does not fit the form is an InputError that says
// where ("row 7, column 3 (q2)", or a JSON pointer).
//
// DOMAIN X4: a response carries no identifier. A respondent column or field is accepted on
// reading (survey tools export one) and dropped at once, so no identifier can reach a report.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "paarorende/language.hpp"

namespace paarorende {

/// Values of one Likert scale, and choices of one single-choice item, at the most.
inline constexpr int max_scale_values = 100;

/// A text in Norwegian bokmål, English and nynorsk. An empty `en` falls back to `nb` (a form
/// written in Norwegian only); an empty `nn` does not: a nynorsk document has every text in
/// nynorsk, and whoever writes one checks has(Language::nn) first (issue #23).
struct LocalText {
  std::string nb;
  std::string en;
  std::string nn = {};  // last, with a default: {nb, en} keeps meaning what it did

  const std::string& in(Language language) const noexcept {
    if (language == Language::nn) return nn;
    return language == Language::en && !en.empty() ? en : nb;
  }
  /// Whether the text is written in `language` itself (English may be left to bokmål).
  bool has(Language language) const noexcept {
    return language == Language::nn ? !nn.empty() : !nb.empty();
  }
  friend bool operator==(const LocalText&, const LocalText&) = default;
};

enum class ItemKind {
  likert,         ///< A whole number on a scale min..max (E1: 1 = not good .. 5 = best possible).
  yes_no,         ///< Yes or no (E1 item 5: would you recommend the course?).
  single_choice,  ///< One of a list of choices.
  free_text,      ///< Text (E1 item 6: other comments). Shown only when asked for (X4).
};

std::string_view to_string(ItemKind kind) noexcept;
/// "likert", "yes_no", "single_choice" or "free_text"; std::nullopt otherwise.
std::optional<ItemKind> item_kind_from_string(std::string_view text) noexcept;

/// The label of one value of a Likert scale ("1 = lite bra").
struct ScaleLabel {
  int value = 0;
  LocalText label;

  friend bool operator==(const ScaleLabel&, const ScaleLabel&) = default;
};

/// One choice of a single-choice item; answers name it by its id.
struct Choice {
  std::string id;
  LocalText label;

  friend bool operator==(const Choice&, const Choice&) = default;
};

/// A reference figure a report is read against (DOMAIN E3): for a Likert item a value on its
/// scale, for a yes/no item the share answering yes (0-1). `note` says where it comes from.
struct Reference {
  double value = 0.0;
  LocalText note;

  friend bool operator==(const Reference&, const Reference&) = default;
};

struct Item {
  std::string id;  ///< A slug ([a-z0-9_]+), unique in its form; the CSV column header.
  ItemKind kind = ItemKind::likert;
  LocalText text;
  int min = 1;  ///< Likert only: the lowest value.
  int max = 5;  ///< Likert only: the highest value (at most 100 values in all).
  /// Likert only: labelled values, e.g. the anchors. An answer written as a label's text
  /// ("Svært bra", in nb or en) reads as its value.
  std::vector<ScaleLabel> labels;
  std::vector<Choice> choices;     ///< Single choice only: at least two.
  std::optional<Reference> reference;
  /// Column headers that mean this item in a survey tool's export, besides its id and its text
  /// ("Hvor fornøyd var du med tidspunktet?"). Compared as headers are: case, spacing,
  /// punctuation and a leading number ("1. ") do not count.
  std::vector<std::string> aliases;

  /// How many answer values the item has: max - min + 1, 2 for yes/no, the number of choices;
  /// 0 for free text.
  std::size_t value_count() const noexcept;

  friend bool operator==(const Item&, const Item&) = default;
};

struct EvaluationForm {
  std::string id;  ///< A slug with hyphens allowed ([a-z0-9_-]+), e.g. "sandefjord-pilot".
  int version = 1;
  LocalText title;
  std::vector<Item> items;

  /// The index of the item with this id, or std::nullopt.
  std::optional<std::size_t> index_of(std::string_view item) const noexcept;

  friend bool operator==(const EvaluationForm&, const EvaluationForm&) = default;
};

/// The id of the built-in pilot form (DOMAIN E1); its version is 1.
inline constexpr std::string_view pilot_form_id = "sandefjord-pilot";

/// The Sandefjord pilot's written evaluation (DOMAIN E1, S-4.5): q1-q4 on 1-5 (1 = not good,
/// 5 = best possible): time of day, length of the session, the staff member's introduction,
/// catering; q5 would you recommend the course (yes/no); q6 other comments (free text). Each
/// scored item carries the pilot's feedback as its reference (DOMAIN E3): docs/evaluation.md
/// says how the words were read as numbers.
EvaluationForm pilot_evaluation_form();

/// The built-in form with this id: a course format names its evaluation form by id
/// (CourseFormat::evaluation_form), and the evaluation takes the format's form. Throws
/// InputError at `where` for an id that is not built in, or an empty one (the format has none).
EvaluationForm builtin_evaluation_form(std::string_view id, const std::string& where = {});

/// Checks a form: id and item ids are slugs, item ids unique, min < max with at most 100 values,
/// labels inside the scale and once each, at least two choices with unique slug ids, references
/// inside the scale (or 0-1 for yes/no), no reference on single-choice or free-text items.
/// Throws InputError with a JSON pointer ("/items/2/max").
void validate(const EvaluationForm& form);

/// One answer to one item. `value`: a Likert value, 1 (yes) or 0 (no), or the 0-based index of
/// the choice; `text`: a free-text answer. Both empty: the answer is missing.
struct Answer {
  std::optional<int> value;
  std::optional<std::string> text;

  bool missing() const noexcept { return !value && !text; }
  friend bool operator==(const Answer&, const Answer&) = default;
};

/// One respondent's answers, answers[i] to form.items[i], and the course they evaluate (empty when
/// the responses are from one course). No identifier (DOMAIN X4).
struct Response {
  std::string course;
  std::vector<Answer> answers;

  friend bool operator==(const Response&, const Response&) = default;
};

/// The responses to one form.
struct EvaluationResponses {
  std::string form_id;
  int form_version = 1;
  std::vector<Response> responses;

  friend bool operator==(const EvaluationResponses&, const EvaluationResponses&) = default;
};

}  // namespace paarorende
