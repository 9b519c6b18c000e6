// Evaluation (DOMAIN E1-E3) and its privacy (X4): forms, responses from JSON and CSV, scores per
// item and course, attendance scores, the HTML report, and bulk scoring of numpy arrays without a
// Python object per row (the counting runs with the GIL released).
#include "binding.hpp"
#include "frames.hpp"

#include <pybind11/numpy.h>

#include <cmath>
#include <filesystem>
#include <optional>

#include "paarorende/evaluation.hpp"
#include "paarorende/report.hpp"
#include "paarorende/scores.hpp"

namespace {

using namespace paarorende;
using namespace paarorende::python;
using Path = std::filesystem::path;

ScoreOptions options_of(int threshold, bool comments) {
  ScoreOptions options;
  options.threshold = checked_threshold(threshold);
  options.comments = comments;
  return options;
}

std::string repr(const LocalText& text) {
  std::string out = "LocalText(" + field("nb", text.nb);
  if (!text.en.empty()) out += ", " + field("en", text.en);
  if (!text.nn.empty()) out += ", " + field("nn", text.nn);
  return out + ")";
}

std::string repr(const Item& item) {
  std::string out = "Item(" + field("id", item.id) + ", kind=" + enum_text(item.kind) + ", text=" + repr(item.text);
  if (item.kind == ItemKind::likert) out += ", " + field("min", item.min) + ", " + field("max", item.max);
  if (!item.labels.empty()) out += ", labels=<" + counted(item.labels.size(), "label", "labels") + ">";
  if (!item.choices.empty()) out += ", choices=<" + counted(item.choices.size(), "choice", "choices") + ">";
  if (item.reference) out += ", reference=Reference(" + field("value", item.reference->value) + ", ...)";
  if (!item.aliases.empty()) out += ", " + field("aliases", item.aliases);
  return out + ")";
}

std::string optional_text(const char* name, const std::optional<double>& value) {
  return std::string(", ") + name + "=" + (value ? py_repr(*value) : std::string("None"));
}

std::string repr(const ItemScores& s) {
  std::string out = "ItemScores(" + field("item", s.item) + ", kind=" + enum_text(s.kind);
  if (s.suppressed) return out + ", suppressed=True)";
  out += ", " + field("n", *s.n) + ", " + field("missing", *s.missing);
  if (s.kind == ItemKind::likert) {
    out += optional_text("mean", s.mean) + optional_text("sd", s.sd) + optional_text("median", s.median) +
           optional_text("top_two", s.top_two);
  }
  if (s.kind == ItemKind::yes_no) out += optional_text("share", s.share);
  if (!s.suppressed_figures.empty()) out += ", " + field("suppressed_figures", s.suppressed_figures);
  return out + ")";
}

// The figures of a score row, in the table's order; each has a "<figure>_hidden" column beside.
constexpr const char* score_figures[] = {"n", "missing", "mean", "sd", "median", "top_two", "share", "share_low",
                                         "share_high"};

// The scores table's columns and their nullable dtypes: a value is pd.NA where hidden or not
// applicable, and "<figure>_hidden" (a reason code) tells the two apart.
std::vector<Column> score_columns() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out{"responses_hidden"};
    for (const char* figure : score_figures) out.push_back(std::string(figure) + "_hidden");
    return out;
  }();
  std::vector<Column> columns{{"course", "string"}, {"item", "string"}, {"kind", "string"},
                              {"suppressed", "boolean"}, {"responses", "Int64"}};
  for (const char* figure : score_figures) {
    const bool count = std::string_view(figure) == "n" || std::string_view(figure) == "missing";
    columns.push_back({figure, count ? "Int64" : "Float64"});
  }
  for (const std::string& name : names) columns.push_back({name.c_str(), "string"});
  return columns;
}

py::object reason_or_none(const std::optional<HiddenReason>& reason) {
  return reason ? py::cast(std::string(to_string(*reason))) : py::none();
}

// One record per course and item: the figures an analyst puts in a DataFrame; None where hidden
// (X4) or not applicable, and beside each figure the reason it is hidden, or None.
py::list score_records(const EvaluationScores& scores) {
  py::list records;
  const auto optional = [](const auto& value) -> py::object {
    return value ? py::cast(*value) : py::none();
  };
  for (const CourseScores& course : scores.courses) {
    for (const ItemScores& item : course.items) {
      py::dict record;
      record["course"] = course.course;
      record["item"] = item.item;
      record["kind"] = std::string(to_string(item.kind));
      record["suppressed"] = item.suppressed;
      record["responses"] = optional(course.responses);
      record["n"] = optional(item.n);
      record["missing"] = optional(item.missing);
      record["mean"] = optional(item.mean);
      record["sd"] = optional(item.sd);
      record["median"] = optional(item.median);
      record["top_two"] = optional(item.top_two);
      record["share"] = optional(item.share);
      record["share_low"] = optional(item.share_low);
      record["share_high"] = optional(item.share_high);
      record["responses_hidden"] =
          course.suppressed ? py::cast(std::string(to_string(HiddenReason::course_too_small))) : py::none();
      for (const char* figure : score_figures) {
        record[(std::string(figure) + "_hidden").c_str()] = reason_or_none(item.hidden_reason(figure));
      }
      records.append(record);
    }
  }
  return records;
}

py::list cell_records(const std::vector<DistributionCell>& cells, const py::dict& keys) {
  py::list records;
  for (const DistributionCell& cell : cells) {
    py::dict record = keys.attr("copy")();  // a new dict per cell, not the same one
    record["value"] = cell.value;
    record["count"] = cell.count ? py::cast(*cell.count) : py::none();
    record["share"] = cell.share ? py::cast(*cell.share) : py::none();
    record["suppressed"] = cell.suppressed();
    record["hidden_reason"] = reason_or_none(cell.hidden_reason);
    records.append(record);
  }
  return records;
}

py::list distribution_records(const EvaluationScores& scores) {
  py::list records;
  for (const CourseScores& course : scores.courses) {
    for (const ItemScores& item : course.items) {
      const py::list cells = cell_records(item.distribution, py::dict("course"_a = course.course, "item"_a = item.item));
      for (const py::handle cell : cells) records.append(cell);
    }
  }
  return records;
}

const std::vector<Column> cell_columns{{"value", "Int64"}, {"count", "Int64"}, {"share", "Float64"},
                                       {"suppressed", "boolean"}, {"hidden_reason", "string"}};

std::vector<Column> distribution_columns() {
  std::vector<Column> columns{{"course", "string"}, {"item", "string"}};
  columns.insert(columns.end(), cell_columns.begin(), cell_columns.end());
  return columns;
}

py::list session_records(const AttendanceScores& scores) {
  py::list records;
  for (const auto& s : scores.sessions) {
    records.append(py::dict("session"_a = s.session, "households"_a = s.households,
                            "households_present"_a = s.households_present,
                            "participants_enrolled"_a = s.participants_enrolled,
                            "participants_present"_a = s.participants_present, "rate"_a = s.rate));
  }
  return records;
}

using DoubleArray = py::array_t<double, py::array::c_style | py::array::forcecast>;
using CodeArray = py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>;

EvaluationScores score_arrays(const EvaluationForm& form, const py::dict& columns, const py::object& courses,
                              const std::optional<std::vector<std::string>>& course_names, int threshold) {
  ScoreOptions options = options_of(threshold, false);
  // Converted (or viewed, when already contiguous float64) with the GIL held; the arrays stay
  // alive in `arrays` while the counting runs without it.
  std::vector<DoubleArray> arrays;
  std::vector<AnswerColumn> answer_columns;
  arrays.reserve(columns.size());
  for (const auto& [key, value] : columns) {
    const std::string item = py::cast<std::string>(key);
    DoubleArray array = DoubleArray::ensure(value);
    if (!array) {
      PyErr_Clear();
      throw py::type_error("column " + item + ": expected a one-dimensional numeric array");
    }
    if (array.ndim() != 1) throw py::value_error("column " + item + ": expected a one-dimensional array");
    arrays.push_back(array);
    answer_columns.push_back(
        AnswerColumn{item, std::span<const double>(arrays.back().data(), static_cast<std::size_t>(arrays.back().size()))});
  }
  CodeArray codes;
  std::span<const std::int64_t> course_span;
  if (!courses.is_none()) {
    codes = CodeArray::ensure(courses);
    if (!codes) {
      PyErr_Clear();
      throw py::type_error("courses: expected a one-dimensional array of integer course codes");
    }
    if (codes.ndim() != 1) throw py::value_error("courses: expected a one-dimensional array");
    course_span = std::span<const std::int64_t>(codes.data(), static_cast<std::size_t>(codes.size()));
  }
  EvaluationScores scores;
  {
    py::gil_scoped_release release;
    scores = score_columns(form, answer_columns, course_span, options);
  }
  if (course_names) {
    for (CourseScores& course : scores.courses) {
      const long long code = std::stoll(course.course);
      if (code < 0 || code >= static_cast<long long>(course_names->size())) {
        throw InputError("", "course code " + course.course + " has no name in course_names", "course_names");
      }
      course.course = (*course_names)[static_cast<std::size_t>(code)];
    }
  }
  return scores;
}

EvaluationScores score_dataframe(const EvaluationForm& form, const py::object& frame, const std::string& course,
                                 int threshold, bool comments, std::vector<std::string> ignore_columns) {
  const FrameTable table = frame_table(frame, "score_dataframe()", {{course, "course"}});
  try {
    const EvaluationResponses responses =
        responses_from_table(table.table, form, ResponseReadOptions{std::move(ignore_columns), {}});
    const ScoreOptions options = options_of(threshold, comments);
    py::gil_scoped_release release;
    return score_evaluation(form, responses.responses, options);
  } catch (const InputError& error) {
    throw InputError(error.rule(), error.message(), frame_location(error.where(), table));
  }
}

}  // namespace

void register_evaluation(py::module_& m) {
  py::enum_<Language>(m, "Language", "The language of a report or a label: Norwegian bokmål (nb, the default), nynorsk (nn) or English (en).")
      .value("nb", Language::nb, "Norwegian bokmål.")
      .value("en", Language::en, "English.")
      .value("nn", Language::nn, "Norwegian nynorsk.");

  py::enum_<ItemKind>(m, "ItemKind", "What an evaluation item asks for (DOMAIN E1).")
      .value("likert", ItemKind::likert, "A whole number on a scale min..max (E1: 1 = not good .. 5 = best possible).")
      .value("yes_no", ItemKind::yes_no, "Yes or no (E1 item 5: would you recommend the course?).")
      .value("single_choice", ItemKind::single_choice, "One of a list of choices.")
      .value("free_text", ItemKind::free_text, "Text (E1 item 6); shown only when asked for (X4).");

  py::class_<LocalText> local(m, "LocalText",
                              "A text in Norwegian bokmål, English and nynorsk; an empty `en` falls back to `nb`, an "
                              "empty `nn` does not (a nynorsk report needs every text in nynorsk).");
  local
      .def(py::init([](std::string nb, std::string en, std::string nn) {
             return LocalText{std::move(nb), std::move(en), std::move(nn)};
           }),
           py::kw_only(), "nb"_a, "en"_a = "", "nn"_a = "",
           "A text in bokmål (`nb`), English (`en`, optional) and nynorsk (`nn`, optional).")
      .def_readwrite("nb", &LocalText::nb, "The Norwegian bokmål text.")
      .def_readwrite("en", &LocalText::en, "The English text; empty: the bokmål one is used.")
      .def_readwrite("nn", &LocalText::nn, "The Norwegian nynorsk text; empty: none (never the bokmål one).")
      .def("text", &LocalText::in, "language"_a,
           "The text in `language` (Language): English falls back to bokmål, nynorsk is empty when not written.");
  def_value(
      local, [](const LocalText& self) { return repr(self); },
      "The value as its keyword constructor.");

  py::class_<ScaleLabel> scale_label(m, "ScaleLabel", "The label of one value of a Likert scale (\"1 = lite bra\").");
  scale_label
      .def(py::init([](int value, LocalText label) {
             return ScaleLabel{value, std::move(label)};
           }),
           py::kw_only(), "value"_a, "label"_a,
           "The label `label` (LocalText) of scale value `value`.")
      .def_readwrite("value", &ScaleLabel::value, "The scale value labelled.")
      .def_readwrite("label", &ScaleLabel::label, "Its label (LocalText).");
  def_value(
      scale_label,
      [](const ScaleLabel& self) {
        return "ScaleLabel(" + field("value", self.value) + ", label=" + repr(self.label) + ")";
      },
      "The value as its keyword constructor.");

  py::class_<Choice> choice(m, "Choice", "One choice of a single-choice item; answers name it by its id.");
  choice
      .def(py::init([](std::string id, LocalText label) {
             return Choice{std::move(id), std::move(label)};
           }),
           py::kw_only(), "id"_a, "label"_a, "A choice `id` (a slug) with its `label` (LocalText).")
      .def_readwrite("id", &Choice::id, "The choice's id, as answers name it.")
      .def_readwrite("label", &Choice::label, "Its label (LocalText).");
  def_value(
      choice,
      [](const Choice& self) {
        return "Choice(" + field("id", self.id) + ", label=" + repr(self.label) + ")";
      },
      "The value as its keyword constructor.");

  py::class_<Reference> reference(m, "Reference",
                                  "A reference figure a report is read against (DOMAIN E3): a value on a Likert "
                                  "item's scale, or the share answering yes (0-1) for a yes/no item.");
  reference
      .def(py::init([](double value, LocalText note) {
             return Reference{value, std::move(note)};
           }),
           py::kw_only(), "value"_a, "note"_a = LocalText{},
           "A reference `value` with a `note` saying where it comes from.")
      .def_readwrite("value", &Reference::value, "The reference value (float).")
      .def_readwrite("note", &Reference::note, "Where it comes from (LocalText).");
  def_value(
      reference,
      [](const Reference& self) {
        return "Reference(" + field("value", self.value) + ", note=" + repr(self.note) + ")";
      },
      "The value as its keyword constructor.");

  py::class_<Item> item(m, "Item", "One item of an evaluation form (DOMAIN E1): its id (the CSV column), kind and text.");
  item.def(py::init([](std::string id, ItemKind kind, LocalText text, int min, int max,
                       std::vector<ScaleLabel> labels, std::vector<Choice> choices,
                       std::optional<Reference> reference, std::vector<std::string> aliases) {
             return Item{std::move(id), kind, std::move(text), min, max, std::move(labels), std::move(choices),
                         std::move(reference), std::move(aliases)};
           }),
           py::kw_only(), "id"_a, "kind"_a, "text"_a, "min"_a = 1, "max"_a = 5,
           "labels"_a = std::vector<ScaleLabel>{}, "choices"_a = std::vector<Choice>{},
           "reference"_a = py::none(), "aliases"_a = std::vector<std::string>{},
           "An item; `min`/`max`/`labels` for Likert items, `choices` for single choice. Checked "
           "when its form is "
           "(EvaluationForm.validate()).")
      .def_readwrite("id", &Item::id,
                     "A slug (``[a-z0-9_]+``), unique in the form; the CSV column header.")
      .def_readwrite("kind", &Item::kind, "What it asks for (ItemKind).")
      .def_readwrite("text", &Item::text, "The question (LocalText).")
      .def_readwrite("min", &Item::min, "Likert: the lowest value.")
      .def_readwrite("max", &Item::max, "Likert: the highest value (at most 100 values in all).")
      .def_property("labels", list_getter(&Item::labels), list_setter(&Item::labels),
                    "Likert: labelled values (list[ScaleLabel]); the list changes the value in place.")
      .def_property("choices", list_getter(&Item::choices), list_setter(&Item::choices),
                    "Single choice: the choices (list[Choice]); the list changes the value in place.")
      .def_readwrite("reference", &Item::reference, "The reference (Reference, DOMAIN E3) or None.")
      .def_property("aliases", list_getter(&Item::aliases), list_setter(&Item::aliases),
                    "Column headers that mean this item in a survey tool's export (list[str]), compared "
                    "without case, spacing, punctuation or a leading number. The list changes the value in place.")
      .def("value_count", &Item::value_count,
           "How many answer values it has: max - min + 1, 2 for yes/no, the number of choices, 0 "
           "for free text.");
  def_value(
      item, [](const Item& self) { return repr(self); },
      "The value as its keyword constructor, lists summarised.");

  py::class_<EvaluationForm> form(m, "EvaluationForm",
                                  "An evaluation form (DOMAIN E1): an id, a version and its items. "
                                  "EvaluationForm.pilot() is the Sandefjord pilot's, id \"sandefjord-pilot\", version 1.");
  form.def(py::init([](std::string id, int version, LocalText title, std::vector<Item> items) {
             return EvaluationForm{std::move(id), version, std::move(title), std::move(items)};
           }),
           py::kw_only(), "id"_a, "version"_a = 1, "title"_a = LocalText{},
           "items"_a = std::vector<Item>{}, "A form; check it with validate().")
      .def_readwrite("id", &EvaluationForm::id,
                     "A slug with hyphens (``[a-z0-9_-]+``), e.g. \"sandefjord-pilot\".")
      .def_readwrite("version", &EvaluationForm::version, "The version, 1 or more.")
      .def_readwrite("title", &EvaluationForm::title, "The title (LocalText).")
      .def_property("items", list_getter(&EvaluationForm::items),
                    list_setter(&EvaluationForm::items),
                    "The items (list[Item]); the list changes the value in place.")
      .def("index_of", &EvaluationForm::index_of, "item"_a,
           "The index of the item with this id, or None.")
      .def(
          "validate", [](const EvaluationForm& self) { validate(self); },
          "Checks the form; raises InputError with a JSON pointer (\"/items/2/max\").")
      .def_static("pilot", &pilot_evaluation_form,
                  "The Sandefjord pilot's form (DOMAIN E1): q1-q4 on 1-5 (time of day, length, "
                  "introduction, "
                  "catering), q5 recommend yes/no, q6 other comments; with the pilot's feedback as "
                  "references (E3).")
      .def_static(
          "builtin", [](std::string_view id) { return builtin_evaluation_form(id); }, "id"_a,
          "The built-in form with this id, as a course format names it "
          "(CourseFormat.evaluation_form); "
          "raises InputError (E1) for an id that is not built in.");
  def_from_json(form, &evaluation_form_from_json,
                "Reads a form document (docs/schemas/evaluation-form.schema.json); InputError with "
                "a JSON pointer.")
      .def_static("load", &load_evaluation_form, "path"_a,
                  "Reads a form file, as from_json(); errors name the file.");
  def_to_json(form, "The form as JSON text, which from_json() reads back to an equal form.");
  def_value(
      form,
      [](const EvaluationForm& self) {
        return "EvaluationForm(" + field("id", self.id) + ", " + field("version", self.version) + ", items=<" +
               counted(self.items.size(), "item", "items") + ">)";
      },
      "The value as its keyword constructor, the items summarised.");

  m.def("pilot_evaluation_form", &pilot_evaluation_form,
        "The Sandefjord pilot's evaluation form (DOMAIN E1, E3); the same as EvaluationForm.pilot().");
  m.def("load_evaluation_form", &load_evaluation_form, "path"_a, "Reads an evaluation form file; the same as EvaluationForm.load().");

  py::class_<UnmappedField> unmapped(m, "UnmappedField",
                                     "A field of a REDCap data dictionary or a question of an XLSForm that "
                                     "import_form() did not make an item of, and why (docs/evaluation.md).");
  unmapped.def_readonly("field", &UnmappedField::field, "The field's name; for kind \"language\", the label column.")
      .def_readonly("kind", &UnmappedField::kind,
                    "Its type in the tool (\"calc\", \"file\", \"select_multiple kanal\" ...), or \"language\" for "
                    "texts in a language a form does not hold.")
      .def_readonly("reason", &UnmappedField::reason, "Why it is not in the form.")
      .def_readonly("row", &UnmappedField::row,
                    "Its row in the dictionary, or in the XLSForm's survey sheet (the header is row 1).");
  def_keyword_value(unmapped, "The field as text.", "field", &UnmappedField::field, "kind", &UnmappedField::kind,
                    "reason", &UnmappedField::reason, "row", &UnmappedField::row);

  py::class_<FormImport> imported(m, "FormImport",
                                  "An evaluation form imported from a REDCap data dictionary or an XLSForm "
                                  "(import_form()), and the fields it could not map, with the reasons.");
  imported
      .def_property_readonly(
          "form", [](const FormImport& self) { return self.form; },
          "The imported form (EvaluationForm), valid; its item ids are the fields' names. A copy.")
      .def_property_readonly(
          "unmapped", [](const FormImport& self) { return self.unmapped; },
          "The fields not in the form, in row order (list[UnmappedField]). A copy.")
      .def_property_readonly(
          "ignore_columns", [](const FormImport& self) { return self.ignore_columns; },
          "The columns the tool's export has for the unmapped fields (list[str]; a REDCap checkbox's "
          "name___code per choice): pass them as load_responses(..., ignore_columns=...). A copy.");
  def_to_json(imported,
              "{\"form\": <the form document>, \"unmapped\": [...], \"ignore_columns\": [...]} as text: what "
              "`paarorende form-import` prints.");
  def_value(
      imported,
      [](const FormImport& self) {
        return "FormImport(form=" + py_repr(self.form) + ", unmapped=" +
               short_list_text(self.unmapped, "field", "fields", 0) + ")";
      },
      "The import as text, the unmapped fields summarised.");
  m.def(
      "import_form",
      [](const std::filesystem::path& path, const std::string& instrument) {
        return import_form(path, FormImportOptions{instrument});
      },
      "path"_a, py::kw_only(), "instrument"_a = "",
      "Imports an evaluation form from a REDCap data dictionary (.csv; the fields of one instrument, "
      "`instrument` or the first field's, the others listed as unmapped) or an XLSForm (.xlsx, its survey "
      "and choices sheets): Likert-like choices (consecutive whole-number codes, at least 3) become Likert "
      "items, yes/no yes/no items, other choices single-choice items, free text free-text items; the rest "
      "is listed in FormImport.unmapped with the reason. Raises InputError naming the file, row and column "
        "(and sheet).");

  py::class_<Answer> answer(m, "Answer",
                            "One answer: `value` (a Likert value, 1/0 for yes/no, a choice's 0-based index) or "
                            "`text` (free text); both None: missing.");
  answer
      .def(py::init([](std::optional<int> value, std::optional<std::string> text) {
             return Answer{value, std::move(text)};
           }),
           py::kw_only(), "value"_a = py::none(), "text"_a = py::none(),
           "An answer; no arguments: a missing one.")
      .def_readwrite("value", &Answer::value, "The value (int) or None.")
      .def_readwrite("text", &Answer::text, "The free text (str) or None.")
      .def_property_readonly("missing", &Answer::missing, "True when the item was not answered.");
  def_value(
      answer,
      [](const Answer& self) {
        std::string out = "Answer(";
        if (self.value) out += field("value", *self.value);
        if (self.text) out += std::string(self.value ? ", " : "") + field("text", *self.text);
        return out + ")";
      },
      "The value as its keyword constructor.");

  py::class_<Response> response(m, "Response",
                                "One respondent's answers, answers[i] to form.items[i], and the course; never an "
                                "identifier (DOMAIN X4).");
  response
      .def(py::init([](std::vector<Answer> answers, std::string course) {
             return Response{std::move(course), std::move(answers)};
           }),
           py::kw_only(), "answers"_a, "course"_a = "",
           "A response of `answers` (list[Answer]) to `course`.")
      .def_readwrite("course", &Response::course,
                     "The course evaluated; empty for a single course.")
      .def_property("answers", list_getter(&Response::answers), list_setter(&Response::answers),
                    "The answers (list[Answer]), one per form item; the list changes the value in place.");
  def_value(
      response,
      [](const Response& self) {
        return "Response(answers=<" + counted(self.answers.size(), "answer", "answers") + ">, " + field("course", self.course) + ")";
      },
      "The value as its keyword constructor, the answers summarised.");

  py::class_<EvaluationResponses> responses(m, "EvaluationResponses",
                                            "The responses to one form, read from JSON or CSV (docs/evaluation.md).");
  responses
      .def_readonly("form_id", &EvaluationResponses::form_id, "The form's id.")
      .def_readonly("form_version", &EvaluationResponses::form_version, "The form's version.")
      .def_property_readonly("responses", [](const EvaluationResponses& self) { return self.responses; },
                             "The responses (list[Response]). Read-only: change a copy, list(...).")
      .def("__len__", [](const EvaluationResponses& self) { return self.responses.size(); }, "How many responses.")
      .def_static("from_json",
                  [](std::string_view text, const EvaluationForm& form) { return responses_from_json(parse_json(text), form); },
                  "text"_a, "form"_a,
                  "Reads a responses document to `form`; InputError with a JSON pointer (\"/responses/3/answers/q2\").")
      .def_static(
          "from_csv",
          [](std::string_view text, const EvaluationForm& form, std::vector<std::string> ignore_columns) {
            return responses_from_csv(text, form, ResponseReadOptions{std::move(ignore_columns), {}});
          },
          "text"_a, "form"_a, py::kw_only(), "ignore_columns"_a = std::vector<std::string>{},
          "Reads CSV text (BOM, ',' or ';', quotes) to `form`; headers are item ids, texts or aliases, "
          "survey tools' identity columns and `ignore_columns` are dropped unread (X4); InputError at "
          "\"row 7, column 3 (q2)\".")
      .def_static(
          "load",
          [](const std::filesystem::path& path, const EvaluationForm& form, std::vector<std::string> ignore_columns,
             std::string sheet) {
            return load_responses(path, form, ResponseReadOptions{std::move(ignore_columns), std::move(sheet)});
          },
          "path"_a, "form"_a, py::kw_only(), "ignore_columns"_a = std::vector<std::string>{}, "sheet"_a = "",
          "Reads a responses file: CSV (.csv), a workbook (.xlsx, its first sheet or `sheet`) or JSON; "
          "errors name the file (and sheet, row and column).")
      .def("to_json", [](const EvaluationResponses& self, const EvaluationForm& form, std::optional<int> indent) {
        return dump(to_json(self, form), indent);
      }, "form"_a, py::kw_only(), "indent"_a = 2, "The responses as JSON text, which from_json() reads back.")
      .def("__repr__", [](const EvaluationResponses& self) {
        return "EvaluationResponses(" + field("form_id", self.form_id) + ", " + field("form_version", self.form_version) +
               ", responses=<" + counted(self.responses.size(), "response", "responses") + ">)";
      }, "The responses summarised.");
  m.def(
      "load_responses",
      [](const std::filesystem::path& path, const EvaluationForm& form, std::vector<std::string> ignore_columns,
         std::string sheet) {
        return load_responses(path, form, ResponseReadOptions{std::move(ignore_columns), std::move(sheet)});
      },
      "path"_a, "form"_a, py::kw_only(), "ignore_columns"_a = std::vector<std::string>{}, "sheet"_a = "",
      "Reads a responses file (.csv, .xlsx or JSON); the same as EvaluationResponses.load().");
  m.def("survey_metadata_columns", &survey_metadata_columns,
        "The survey tools' identity and metadata column headers (Microsoft Forms, Nettskjema, REDCap, "
        "Questback; nb and en), as survey_header_key() writes them: dropped unread (DOMAIN X4).");
  m.def("survey_header_key", &survey_header_key, "header"_a,
        "A header as compared with item texts and aliases: lower case, a leading number left out, "
        "punctuation and spacing one space.");

  py::class_<DistributionCell> cell(m, "DistributionCell",
                                    "One answer value and how many gave it; count None when suppressed (X4).");
  cell.def_readonly("value", &DistributionCell::value,
                    "The Likert value, 1 (yes) / 0 (no), the choice index, or sessions attended.")
      .def_readonly("count", &DistributionCell::count,
                    "How many gave it, or None when suppressed (DOMAIN X4).")
      .def_readonly("share", &DistributionCell::share, "count / n, or None when suppressed.")
      .def_property_readonly("suppressed", &DistributionCell::suppressed,
                             "True when the count is withheld (X4).")
      .def_property_readonly(
          "hidden_reason", [](const DistributionCell& self) { return reason_or_none(self.hidden_reason); },
          "Why the count is hidden: \"small_count\" (1 to threshold - 1 people) or \"would_reveal\" "
          "(hidden beside one so that it cannot be worked out); None when shown.");
  def_value(
      cell,
      [](const DistributionCell& self) {
        return "DistributionCell(" + field("value", self.value) + ", count=" +
               (self.count ? std::to_string(*self.count) : std::string("None")) + ")";
      },
      "The cell as text.");

  py::class_<ItemScores> item_scores(m, "ItemScores",
                                     "The scores of one item in one course (DOMAIN E1, X4); None where suppressed "
                                     "or not applicable, and the withheld statistics named in suppressed_figures.");
  item_scores.def_readonly("item", &ItemScores::item, "The item's id.")
      .def_readonly("kind", &ItemScores::kind, "The item's kind (ItemKind).")
      .def_readonly("suppressed", &ItemScores::suppressed,
                    "True when fewer than the threshold answered: no figure at all.")
      .def_readonly("n", &ItemScores::n, "How many answered (int) or None.")
      .def_readonly("missing", &ItemScores::missing, "How many did not answer (int) or None.")
      .def_readonly("mean", &ItemScores::mean, "Likert: the mean, or None.")
      .def_readonly("sd", &ItemScores::sd,
                    "Likert: the sample standard deviation (ddof=1, as pandas), or None.")
      .def_readonly("median", &ItemScores::median,
                    "Likert: the median (mean of the middle two for even n), or None.")
      .def_readonly("top_two", &ItemScores::top_two,
                    "Likert: the share answering one of the two highest values, or None.")
      .def_readonly("share", &ItemScores::share, "Yes/no: the share answering yes, or None.")
      .def_readonly("share_low", &ItemScores::share_low,
                    "Yes/no: the Wilson 95% interval's lower end, or None.")
      .def_readonly("share_high", &ItemScores::share_high,
                    "Yes/no: the Wilson 95% interval's upper end, or None.")
      .def_readonly("distribution", &ItemScores::distribution,
                    "Every answer value's DistributionCell.")
      .def_readonly(
          "suppressed_figures", &ItemScores::suppressed_figures,
          "The statistics withheld (X4): \"mean\", \"sd\", \"median\", \"top_two\", \"share\".")
      .def_property_readonly(
          "hidden",
          [](const ItemScores& self) {
            py::dict out;
            for (const HiddenFigure& figure : self.hidden) out[figure.figure.c_str()] = std::string(to_string(figure.reason));
            return out;
          },
          "Every figure of the item's kind that is hidden, and why: {figure: reason}, the reasons "
          "\"course_too_small\", \"item_too_small\", \"small_count\" and \"would_reveal\" (DOMAIN X4). "
          "A figure the kind does not have is not applicable and never listed.")
      .def_readonly("comments", &ItemScores::comments,
                    "Free text, sorted; only when asked for (comments=True).");
  def_value(
      item_scores, [](const ItemScores& self) { return repr(self); }, "The scores as text.");

  py::class_<CourseScores> course_scores(m, "CourseScores", "The scores of one course: one ItemScores per form item.");
  course_scores
      .def_readonly("course", &CourseScores::course, "The course; empty for a single course.")
      .def_readonly("suppressed", &CourseScores::suppressed,
                    "True when fewer responses than the threshold: no figure at all.")
      .def_readonly("responses", &CourseScores::responses, "How many responded (int) or None.")
      .def_readonly("items", &CourseScores::items, "The items' ItemScores, in the form's order.");
  def_value(
      course_scores,
      [](const CourseScores& self) {
        return "CourseScores(" + field("course", self.course) + ", responses=" +
               (self.responses ? std::to_string(*self.responses) : std::string("None")) + ", items=<" +
               counted(self.items.size(), "item", "items") + ">)";
      },
      "The scores summarised.");

  py::class_<SessionAttendance> session(m, "SessionAttendance", "One session's attendance (DOMAIN E2).");
  session.def_readonly("session", &SessionAttendance::session, "The session number.")
      .def_readonly("households", &SessionAttendance::households, "Households recorded.")
      .def_readonly("households_present", &SessionAttendance::households_present,
                    "Households with anyone present.")
      .def_readonly("participants_enrolled", &SessionAttendance::participants_enrolled,
                    "Caregivers of the households.")
      .def_readonly("participants_present", &SessionAttendance::participants_present,
                    "Caregivers present.")
      .def_readonly("rate", &SessionAttendance::rate, "households_present / households.");
  def_keyword_value(session, "The session as text.", "session", &SessionAttendance::session,
                    "households_present", &SessionAttendance::households_present,
                    "participants_present", &SessionAttendance::participants_present);

  py::class_<HouseholdAttendance> household(m, "HouseholdAttendance",
                                            "One household's own attendance (DOMAIN E2), for the municipality's own "
                                            "follow-up; never in a report (X4).");
  household
      .def_readonly("household", &HouseholdAttendance::household,
                    "The household's pseudonymous id.")
      .def_readonly("sessions", &HouseholdAttendance::sessions, "Sessions recorded.")
      .def_readonly("attended", &HouseholdAttendance::attended, "Sessions with anyone present.")
      .def_readonly("participants_present", &HouseholdAttendance::participants_present,
                    "Caregiver-sessions present.")
      .def_readonly("participants_possible", &HouseholdAttendance::participants_possible,
                    "Caregiver-sessions enrolled.")
      .def_readonly("rate", &HouseholdAttendance::rate, "attended / sessions.");
  def_keyword_value(household, "The household's attendance as text.", "household",
                    &HouseholdAttendance::household, "attended", &HouseholdAttendance::attended,
                    "sessions", &HouseholdAttendance::sessions);

  py::class_<AttendanceScores> attendance(m, "AttendanceScores",
                                          "Attendance scores of a group (DOMAIN E2), X4 applied: nothing for fewer "
                                          "households than the threshold; households only as a suppressed distribution.");
  attendance
      .def_readonly("suppressed", &AttendanceScores::suppressed,
                    "True when fewer households than the threshold.")
      .def_readonly("households", &AttendanceScores::households,
                    "How many households (int) or None.")
      .def_readonly("sessions", &AttendanceScores::sessions,
                    "Per session (list[SessionAttendance]).")
      .def_readonly("rate", &AttendanceScores::rate,
                    "Household-sessions attended / recorded, or None.")
      .def_readonly("participant_rate", &AttendanceScores::participant_rate,
                    "Participants present / enrolled, or None.")
      .def_readonly("mean_sessions", &AttendanceScores::mean_sessions,
                    "Sessions attended per household, or None.")
      .def_readonly("per_household", &AttendanceScores::per_household,
                    "Households by sessions attended (DistributionCell).")
      .def("to_records", &session_records,
           "The sessions as a list of dicts (one per session); none when the group is suppressed.")
      .def(
          "to_dataframe",
          [](const AttendanceScores& self) {
            return typed_dataframe(session_records(self),
                                   {{"session", "Int64"}, {"households", "Int64"}, {"households_present", "Int64"},
                                    {"participants_enrolled", "Int64"}, {"participants_present", "Int64"},
                                    {"rate", "Float64"}},
                                   "AttendanceScores.to_dataframe()");
          },
          "to_records() as a pandas.DataFrame, one row per session, the same columns and nullable dtypes "
          "(Int64, Float64) whatever the data; no rows when the group is suppressed (pandas imported only "
          "when called).")
      .def(
          "distribution_records",
          [](const AttendanceScores& self) { return cell_records(self.per_household, py::dict()); },
          "per_household as a list of dicts: value (sessions attended), count, share, suppressed and "
          "hidden_reason (\"small_count\", \"would_reveal\" or None; DOMAIN X4).")
      .def(
          "distribution_dataframe",
          [](const AttendanceScores& self) {
            return typed_dataframe(cell_records(self.per_household, py::dict()), cell_columns,
                                   "AttendanceScores.distribution_dataframe()");
          },
          "distribution_records() as a pandas.DataFrame of nullable dtypes (Int64, Float64, boolean, string).");
  def_repr_html(attendance);
  def_to_json(attendance, "The scores as JSON text.");
  def_value(
      attendance,
      [](const AttendanceScores& self) {
        if (self.suppressed) return std::string("AttendanceScores(suppressed=True)");
        return "AttendanceScores(" + field("households", *self.households) + ", sessions=<" +
               counted(self.sessions.size(), "session", "sessions") + ">, " + field("rate", *self.rate) + ")";
      },
      "The scores summarised.");

  py::class_<EvaluationScores> scores(m, "EvaluationScores",
                                      "The scores of an evaluation: each course side by side, the form (texts and "
                                      "references, DOMAIN E3), the threshold (X4) and optionally the attendance (E2).");
  scores.def_readonly("form", &EvaluationScores::form, "The form scored (EvaluationForm).")
      .def_readonly("threshold", &EvaluationScores::threshold,
                    "The suppression threshold used (DOMAIN X4).")
      .def_readonly("courses", &EvaluationScores::courses,
                    "Per course (list[CourseScores]), in order of appearance.")
      .def_readwrite("attendance", &EvaluationScores::attendance,
                     "The AttendanceScores, or None; assign score_attendance()'s.")
      .def("to_records", &score_records,
           "One dict per course and item: course, item, kind, suppressed, responses, n, missing, "
           "mean, sd, median, top_two, share, share_low, share_high (None where hidden or not "
           "applicable), then beside each figure F the key F_hidden: why F is hidden "
           "(\"course_too_small\", \"item_too_small\", \"small_count\", \"would_reveal\"; DOMAIN X4), "
           "or None when F is shown or not applicable (the mean of a yes/no item).")
      .def("distribution_records", &distribution_records,
           "One dict per course, item and answer value: course, item, value, count, share, "
           "suppressed, hidden_reason (\"small_count\", \"would_reveal\" or None).")
      .def(
          "to_dataframe",
          [](const EvaluationScores& self) {
            return typed_dataframe(score_records(self), score_columns(), "EvaluationScores.to_dataframe()");
          },
          "to_records() as a pandas.DataFrame whose columns and dtypes never depend on the data: "
          "counts Int64, figures Float64, texts and the F_hidden reason codes string, suppressed "
          "boolean; pd.NA where a figure is hidden or not applicable, and F_hidden says which "
          "(pandas imported only when called).")
      .def(
          "distribution_dataframe",
          [](const EvaluationScores& self) {
            return typed_dataframe(distribution_records(self), distribution_columns(),
                                   "EvaluationScores.distribution_dataframe()");
          },
          "distribution_records() as a pandas.DataFrame of nullable dtypes (Int64, Float64, boolean, string).");
  def_repr_html(scores);
  def_to_json(scores, "The scores as JSON text (docs/schemas/evaluation-scores.schema.json).")
      .def(
          "to_html",
          [](const EvaluationScores& self, Language language, bool comments) {
            ReportOptions options;
            options.language = language;
            options.comments = comments;
            return evaluation_report_html(self, options);
          },
          py::kw_only(), "language"_a = Language::nb, "comments"_a = false,
          "The self-contained HTML report (DOMAIN E1-E3, X4), bokmål unless language=Language.en; "
          "free text only "
          "with comments=True (and scores made with comments=True).")
      .def(
          "write_html",
          [](const EvaluationScores& self, const Path& path, Language language, bool comments) {
            ReportOptions options;
            options.language = language;
            options.comments = comments;
            write_evaluation_report(path, self, options);
          },
          "path"_a, py::kw_only(), "language"_a = Language::nb, "comments"_a = false,
          "Writes to_html() to `path`, whole or not at all.")
      .def(
          "write_xlsx",
          [](const EvaluationScores& self, const Path& path, Language language) {
            write_workbook(to_workbook(self, language), path);
          },
          "path"_a, py::kw_only(), "language"_a = Language::nb,
          "Writes the scores as a workbook, as `paarorende evaluate --xlsx` does: one sheet per "
          "table; a withheld figure (X4) an empty shaded cell, every one alike; whole or not at all.");
  def_value(
      scores,
      [](const EvaluationScores& self) {
        return "EvaluationScores(form=" + py_repr(self.form.id) + ", " + field("threshold", self.threshold) +
               ", courses=<" + counted(self.courses.size(), "course", "courses") + ">)";
      },
      "The scores summarised.");

  m.def("score_evaluation",
        [](const EvaluationForm& form, const py::object& responses, int threshold, bool comments) {
          const ScoreOptions options = options_of(threshold, comments);
          std::vector<Response> list = py::isinstance<EvaluationResponses>(responses)
                                           ? responses.cast<const EvaluationResponses&>().responses
                                           : responses.cast<std::vector<Response>>();
          py::gil_scoped_release release;
          return score_evaluation(form, list, options);
        },
        "form"_a, "responses"_a, py::kw_only(), "threshold"_a = default_suppression_threshold, "comments"_a = false,
        "Scores `responses` (EvaluationResponses or list[Response]) to `form`, one CourseScores per course (DOMAIN "
        "E1-E3); figures from fewer than `threshold` (3 or more) people are suppressed (X4); free text kept only "
        "with comments=True.");
  m.def("score_arrays", &score_arrays, "form"_a, "columns"_a, py::kw_only(), "courses"_a = py::none(),
        "course_names"_a = py::none(), "threshold"_a = default_suppression_threshold,
        "Bulk scoring: `columns` maps item ids to one-dimensional numeric arrays (numpy, or anything numpy reads), "
        "one value per response: Likert values, 1/0 for yes/no, the choice's 0-based index; NaN is missing. "
        "`courses`: integer course codes per response, named by `course_names[code]` when given. No Python object "
        "per row; the counting runs with the GIL released. Raises InputError (\"row 8, column 2 (q2)\") for a value "
        "that is not an answer.");
  m.def("score_dataframe", &score_dataframe, "form"_a, "frame"_a, py::kw_only(), "course"_a = "course",
        "threshold"_a = default_suppression_threshold, "comments"_a = false,
        "ignore_columns"_a = std::vector<std::string>{},
        "Scores a pandas DataFrame as a survey export or a spreadsheet gives it (e.g. pd.read_csv or "
        "pd.read_excel of the export), by the rules of a CSV export (load_responses): headers are item "
        "ids, texts or aliases (a byte order mark in the first is dropped); cells are whole numbers "
        "(floats such as 4.0 and nullable Int64 too), labels, ja/nei/yes/no/1/0, choice ids or free "
        "text, NaN/None/pd.NA missing; the column `course` holds course names; the survey tools' "
        "identity columns and `ignore_columns` are dropped unread (DOMAIN X4). Thresholds and "
        "comments as score_evaluation(). InputError names the frame's index label and column "
        "(\"index 7, column 'q2'\").");
  m.def("score_attendance",
        [](const std::vector<AttendanceRecord>& records, int threshold) {
          return score_attendance(records, options_of(threshold, false));
        },
        "records"_a, py::kw_only(), "threshold"_a = default_suppression_threshold,
        "Attendance per session and household distribution (DOMAIN E2) from records (list[AttendanceRecord], e.g. "
        "load_attendance_records(path).records), X4 applied.");
  m.def("household_attendance", &household_attendance, "records"_a,
        "Each household's own attendance (list[HouseholdAttendance]) for the municipality's follow-up; not for "
        "reports (DOMAIN X4).");
  m.def("wilson_interval",
        [](std::int64_t successes, std::int64_t n) {
          const WilsonInterval interval = wilson_interval(successes, n);
          return std::make_pair(interval.low, interval.high);
        },
        "successes"_a, "n"_a, "The Wilson score 95% interval (low, high) for `successes` of `n`.");
  m.attr("DEFAULT_SUPPRESSION_THRESHOLD") = default_suppression_threshold;
  m.attr("MIN_SUPPRESSION_THRESHOLD") = min_suppression_threshold;
}
