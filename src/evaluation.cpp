#include "paarorende/evaluation.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <string>

#include "detail/input_error.hpp"
#include "detail/text.hpp"
#include "paarorende/error.hpp"

namespace paarorende {

namespace {

using detail::is_slug;
using detail::quote_input;

}  // namespace

std::size_t Item::value_count() const noexcept {
  switch (kind) {
    case ItemKind::likert: return max >= min ? static_cast<std::size_t>(max - min + 1) : 0;
    case ItemKind::yes_no: return 2;
    case ItemKind::single_choice: return choices.size();
    case ItemKind::free_text: return 0;
  }
  return 0;
}

std::optional<std::size_t> EvaluationForm::index_of(std::string_view item) const noexcept {
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (items[i].id == item) return i;
  }
  return std::nullopt;
}

// DOMAIN E1: the pilot's written evaluation, in its own words (S-4.5). DOMAIN E3: the pilot's
// feedback, read as the reference each item is compared with.
EvaluationForm pilot_evaluation_form() {
  const std::vector<ScaleLabel> anchors{{1, {"lite bra", "not good", "lite bra"}}, {5, {"best mulig", "best possible", "best mogleg"}}};
  // Each item also accepts the seed's own wording of its question (S-4.5) as a column header.
  const auto likert = [&](const char* id, LocalText text, double reference, LocalText note, const char* seed) {
    return Item{id, ItemKind::likert, std::move(text), 1, 5, anchors, {},
                Reference{reference, std::move(note)}, {seed}};
  };
  EvaluationForm form;
  form.id = std::string(pilot_form_id);
  form.version = 1;
  form.title = {"Evaluering av kurset «pårørende med krevende omsorgsoppgaver»",
                "Evaluation of the course for next of kin with demanding caring responsibilities",
                "Evaluering av kurset «pårørande med krevjande omsorgsoppgåver»"};
  form.items.push_back(likert("q1", {"Tidspunkt for samlingen, dvs. klokkeslett", "Time of the session (time of day)", "Tidspunkt for samlinga, dvs. klokkeslett"},
                              4, {"Piloten: tidspunktet var bra", "Pilot: the time of day was good", "Piloten: tidspunktet var bra"},
                              "Tidspunkt for samlingen, dvs klokkeslett"));
  form.items.push_back(likert("q2", {"Lengde på samlingen", "Length of the session", "Lengda på samlinga"}, 3,
                              {"Piloten: lengden var grei", "Pilot: the length was acceptable", "Piloten: lengda var grei"}, "Lengde på samlingen"));
  form.items.push_back(likert("q3",
                              {"Innledning – ansatte som fortalte om et gitt tema",
                               "Introduction: a staff member presenting a topic", "Innleiing – tilsette som fortalde om eit gitt tema"},
                              4,
                              {"Piloten: fint med et ansikt og et navn å kontakte",
                               "Pilot: valued, a face and a name to contact", "Piloten: fint med eit andlet og eit namn å kontakte"},
                              "innledning - ansatte som fortalte om et gitt tema"));
  form.items.push_back(likert("q4", {"Bevertning (pizza og mineralvann)", "Catering (pizza and soft drinks)", "Servering (pizza og mineralvatn)"}, 4,
                              {"Piloten: godt og enkelt med pizza", "Pilot: pizza, good and simple", "Piloten: godt og enkelt med pizza"},
                              "Bevertning (pizza og mineralvann)"));
  form.items.push_back(Item{"q5", ItemKind::yes_no,
                            {"Vil du anbefale andre å melde seg på et slikt kurs hvis det ble tilbudt?",
                             "Would you recommend others to sign up for such a course if it were offered?",
                             "Vil du tilrå andre å melde seg på eit slikt kurs dersom det blei tilbode?"},
                            1, 5, {}, {},
                            Reference{1.0, {"Piloten: alle ville anbefale kurset",
                                            "Pilot: all would recommend the course", "Piloten: alle ville tilrå kurset"}},
                            {"Vil du anbefale andre til å melde seg på et slikt kurs hvis det ble tilbudt; ja/nei",
                             "Vil du anbefale andre til å melde seg på et slikt kurs hvis det ble tilbudt"}});
  form.items.push_back(
      Item{"q6", ItemKind::free_text, {"Annet", "Other comments", "Anna"}, 1, 5, {}, {}, std::nullopt, {"Annet"}});
  return form;
}

void validate(const EvaluationForm& form) {
  if (!is_slug(form.id, true)) {
    detail::raise_input_error("/id", "a form id is a slug of a-z, 0-9, _ and - (at most 64), got " + quote_input(form.id));
  }
  if (form.version < 1) detail::raise_input_error("/version", "a form version is at least 1");
  if (form.items.empty()) detail::raise_input_error("/items", "a form has at least one item", detail::Rule{"E1"});
  std::set<std::string> ids;
  for (std::size_t i = 0; i < form.items.size(); ++i) {
    const Item& item = form.items[i];
    const std::string pointer = detail::index_pointer("/items", i);
    if (!is_slug(item.id, false)) {
      detail::raise_input_error(pointer + "/id", "an item id is a slug of a-z, 0-9 and _ (at most 64), got " + quote_input(item.id));
    }
    if (item.id == "course" || item.id == "respondent") {
      detail::raise_input_error(pointer + "/id", "\"course\" and \"respondent\" are reserved column names, not item ids");
    }
    if (!ids.insert(item.id).second) {
      detail::raise_input_error(pointer + "/id", "item id " + quote_input(item.id) + " is used twice");
    }
    if (item.text.nb.empty()) detail::raise_input_error(pointer + "/text/nb", "an item has a text");
    for (std::size_t k = 0; k < item.aliases.size(); ++k) {
      if (item.aliases[k].find_first_not_of(" \t") == std::string::npos) {
        detail::raise_input_error(detail::index_pointer(pointer + "/aliases", k), "an alias is a column header, not empty");
      }
    }
    if (item.kind == ItemKind::likert) {
      if (item.min >= item.max) {
        detail::raise_input_error(pointer + "/max", "max must be greater than min (" + std::to_string(item.min) + ")");
      }
      if (item.max - item.min + 1 > max_scale_values) {
        detail::raise_input_error(pointer + "/max", "a scale has at most 100 values");
      }
      std::set<int> labelled;
      for (std::size_t k = 0; k < item.labels.size(); ++k) {
        const int value = item.labels[k].value;
        const std::string label_pointer = detail::index_pointer(pointer + "/labels", k);
        if (value < item.min || value > item.max) {
          detail::raise_input_error(label_pointer + "/value", "a label's value is on the scale " + std::to_string(item.min) + "-" +
                                   std::to_string(item.max) + ", got " + std::to_string(value));
        }
        if (!labelled.insert(value).second) {
          detail::raise_input_error(label_pointer + "/value", "value " + std::to_string(value) + " is labelled twice");
        }
      }
      if (item.reference && (!std::isfinite(item.reference->value) || item.reference->value < item.min ||
                             item.reference->value > item.max)) {
        detail::raise_input_error(pointer + "/reference/value", "a reference is a value on the item's scale", detail::Rule{"E3"});
      }
    }
    if (item.kind == ItemKind::single_choice) {
      if (item.choices.size() < 2) detail::raise_input_error(pointer + "/choices", "a single-choice item has at least two choices");
      if (item.choices.size() > max_scale_values) {
        detail::raise_input_error(pointer + "/choices", "a single-choice item has at most 100 choices");
      }
      std::set<std::string> choice_ids;
      for (std::size_t k = 0; k < item.choices.size(); ++k) {
        const std::string choice_pointer = detail::index_pointer(pointer + "/choices", k) + "/id";
        if (!is_slug(item.choices[k].id, false)) {
          detail::raise_input_error(choice_pointer, "a choice id is a slug of a-z, 0-9 and _, got " + quote_input(item.choices[k].id));
        }
        if (!choice_ids.insert(item.choices[k].id).second) {
          detail::raise_input_error(choice_pointer, "choice id " + quote_input(item.choices[k].id) + " is used twice");
        }
      }
    }
    if (item.kind == ItemKind::yes_no && item.reference &&
        (!std::isfinite(item.reference->value) || item.reference->value < 0 || item.reference->value > 1)) {
      detail::raise_input_error(pointer + "/reference/value", "a yes/no reference is the share answering yes, 0 to 1", detail::Rule{"E3"});
    }
    if ((item.kind == ItemKind::single_choice || item.kind == ItemKind::free_text) && item.reference) {
      detail::raise_input_error(pointer + "/reference", "only likert and yes/no items have a reference", detail::Rule{"E3"});
    }
  }
}

EvaluationForm builtin_evaluation_form(std::string_view id, const std::string& where) {
  if (id == pilot_form_id) return pilot_evaluation_form();
  if (id.empty()) detail::raise_input_error(where, "the format names no evaluation form; give one with a form file", detail::Rule{"E1"});
  std::string message = "no built-in evaluation form ";
  message += detail::quote_input(id);
  message += "; the built-in one is \"";
  message += pilot_form_id;
  message += '"';
  detail::raise_input_error(where, message, detail::Rule{"E1"});
}

}  // namespace paarorende
