#include "paarorende/evaluation.hpp"

#include "detail/names.hpp"
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

std::string_view to_string(Language language) noexcept {
  return language == Language::en ? "en" : "nb";
}

std::optional<Language> language_from_string(std::string_view text) noexcept {
  if (text == "nb" || text == "no" || text == "nob") return Language::nb;
  if (text == "en") return Language::en;
  return std::nullopt;
}

std::string_view to_string(ItemKind kind) noexcept { return detail::item_kind_names.name(kind); }

std::optional<ItemKind> item_kind_from_string(std::string_view text) noexcept {
  return detail::item_kind_names.parse(text);
}

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
  const std::vector<ScaleLabel> anchors{{1, {"lite bra", "not good"}}, {5, {"best mulig", "best possible"}}};
  const auto likert = [&](const char* id, LocalText text, double reference, LocalText note) {
    return Item{id, ItemKind::likert, std::move(text), 1, 5, anchors, {},
                Reference{reference, std::move(note)}};
  };
  EvaluationForm form;
  form.id = std::string(pilot_form_id);
  form.version = 1;
  form.title = {"Evaluering av kurset «pårørende med krevende omsorgsoppgaver»",
                "Evaluation of the course for next of kin with demanding caring responsibilities"};
  form.items.push_back(likert("q1", {"Tidspunkt for samlingen, dvs. klokkeslett", "Time of the session (time of day)"},
                              4, {"Piloten: tidspunktet var bra", "Pilot: the time of day was good"}));
  form.items.push_back(likert("q2", {"Lengde på samlingen", "Length of the session"}, 3,
                              {"Piloten: lengden var grei", "Pilot: the length was acceptable"}));
  form.items.push_back(likert("q3",
                              {"Innledning – ansatte som fortalte om et gitt tema",
                               "Introduction: a staff member presenting a topic"},
                              4,
                              {"Piloten: fint med et ansikt og et navn å kontakte",
                               "Pilot: valued, a face and a name to contact"}));
  form.items.push_back(likert("q4", {"Bevertning (pizza og mineralvann)", "Catering (pizza and soft drinks)"}, 4,
                              {"Piloten: godt og enkelt med pizza", "Pilot: pizza, good and simple"}));
  form.items.push_back(Item{"q5", ItemKind::yes_no,
                            {"Vil du anbefale andre å melde seg på et slikt kurs hvis det ble tilbudt?",
                             "Would you recommend others to sign up for such a course if it were offered?"},
                            1, 5, {}, {},
                            Reference{1.0, {"Piloten: alle ville anbefale kurset",
                                            "Pilot: all would recommend the course"}}});
  form.items.push_back(Item{"q6", ItemKind::free_text, {"Annet", "Other comments"}, 1, 5, {}, {}, std::nullopt});
  return form;
}

void validate(const EvaluationForm& form) {
  if (!is_slug(form.id, true)) {
    throw InputError("", "a form id is a slug of a-z, 0-9, _ and - (at most 64), got " + quote_input(form.id), "/id");
  }
  if (form.version < 1) throw InputError("", "a form version is at least 1", "/version");
  if (form.items.empty()) throw InputError("E1", "a form has at least one item", "/items");
  std::set<std::string> ids;
  for (std::size_t i = 0; i < form.items.size(); ++i) {
    const Item& item = form.items[i];
    const std::string pointer = detail::index_pointer("/items", i);
    if (!is_slug(item.id, false)) {
      throw InputError("", "an item id is a slug of a-z, 0-9 and _ (at most 64), got " + quote_input(item.id),
                       pointer + "/id");
    }
    if (item.id == "course" || item.id == "respondent") {
      throw InputError("", "\"course\" and \"respondent\" are reserved column names, not item ids",
                       pointer + "/id");
    }
    if (!ids.insert(item.id).second) {
      throw InputError("", "item id " + quote_input(item.id) + " is used twice", pointer + "/id");
    }
    if (item.text.nb.empty()) throw InputError("", "an item has a text", pointer + "/text/nb");
    if (item.kind == ItemKind::likert) {
      if (item.min >= item.max) {
        throw InputError("", "max must be greater than min (" + std::to_string(item.min) + ")", pointer + "/max");
      }
      if (item.max - item.min + 1 > max_scale_values) {
        throw InputError("", "a scale has at most 100 values", pointer + "/max");
      }
      std::set<int> labelled;
      for (std::size_t k = 0; k < item.labels.size(); ++k) {
        const int value = item.labels[k].value;
        const std::string label_pointer = detail::index_pointer(pointer + "/labels", k);
        if (value < item.min || value > item.max) {
          throw InputError("", "a label's value is on the scale " + std::to_string(item.min) + "-" +
                                   std::to_string(item.max) + ", got " + std::to_string(value),
                           label_pointer + "/value");
        }
        if (!labelled.insert(value).second) {
          throw InputError("", "value " + std::to_string(value) + " is labelled twice", label_pointer + "/value");
        }
      }
      if (item.reference && (!std::isfinite(item.reference->value) || item.reference->value < item.min ||
                             item.reference->value > item.max)) {
        throw InputError("E3", "a reference is a value on the item's scale", pointer + "/reference/value");
      }
    }
    if (item.kind == ItemKind::single_choice) {
      if (item.choices.size() < 2) throw InputError("", "a single-choice item has at least two choices", pointer + "/choices");
      if (item.choices.size() > max_scale_values) {
        throw InputError("", "a single-choice item has at most 100 choices", pointer + "/choices");
      }
      std::set<std::string> choice_ids;
      for (std::size_t k = 0; k < item.choices.size(); ++k) {
        const std::string choice_pointer = detail::index_pointer(pointer + "/choices", k) + "/id";
        if (!is_slug(item.choices[k].id, false)) {
          throw InputError("", "a choice id is a slug of a-z, 0-9 and _, got " + quote_input(item.choices[k].id),
                           choice_pointer);
        }
        if (!choice_ids.insert(item.choices[k].id).second) {
          throw InputError("", "choice id " + quote_input(item.choices[k].id) + " is used twice", choice_pointer);
        }
      }
    }
    if (item.kind == ItemKind::yes_no && item.reference &&
        (!std::isfinite(item.reference->value) || item.reference->value < 0 || item.reference->value > 1)) {
      throw InputError("E3", "a yes/no reference is the share answering yes, 0 to 1", pointer + "/reference/value");
    }
    if ((item.kind == ItemKind::single_choice || item.kind == ItemKind::free_text) && item.reference) {
      throw InputError("E3", "only likert and yes/no items have a reference", pointer + "/reference");
    }
  }
}

EvaluationForm builtin_evaluation_form(std::string_view id, const std::string& where) {
  if (id == pilot_form_id) return pilot_evaluation_form();
  if (id.empty()) throw InputError("E1", "the format names no evaluation form; give one with a form file", where);
  std::string message = "no built-in evaluation form ";
  message += detail::quote_input(id);
  message += "; the built-in one is \"";
  message += pilot_form_id;
  message += '"';
  throw InputError("E1", message, where);
}

}  // namespace paarorende
