// The topic catalogue (DOMAIN T1-T6, G9, G10): the topics a course's sessions can take, each with
// its titles and description in Norwegian bokmål, nynorsk and English, the presenter role that fits it
// (C7), the child stages it suits (G6) and its audience. The built-in catalogue holds every topic
// the seeds name; a municipality adds its own or overrides built-in ones by id (json.hpp).
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "paarorende/language.hpp"

namespace paarorende {

/// The child's stage (glossary): kindergarten (ages 1-5), primary (grades 1-7), lower secondary
/// (8-10), upper secondary (11-13, "VG1-VG3").
enum class ChildStage { kindergarten, primary, lower_secondary, upper_secondary };

/// Who a topic or an offer is for.
enum class Audience { parents, fathers, children, siblings };

std::string_view to_string(ChildStage stage) noexcept;
std::optional<ChildStage> child_stage_from_string(std::string_view text) noexcept;
std::string_view to_string(Audience audience) noexcept;
std::optional<Audience> audience_from_string(std::string_view text) noexcept;

/// The stage of a school grade (1-13), DOMAIN glossary.
ChildStage stage_of_grade(int grade);

/// A municipal employee's role, the "face and name" that presents a topic (DOMAIN C7).
struct PresenterRole {
  std::string id;  ///< Stable slug, e.g. "palliative_care_nurse".
  std::string title_nb;
  std::string title_en;
  std::string title_nn = {};  ///< Nynorsk; required of the built-in roles, optional in a file.

  /// The title in `language`; empty when the role has none in it (nynorsk in an older file).
  const std::string& title(Language language) const noexcept;
  friend bool operator==(const PresenterRole&, const PresenterRole&) = default;
};

struct Topic {
  std::string id;      ///< Stable slug, e.g. "self_care".
  std::string source;  ///< The DOMAIN id it comes from ("T1"), or empty for a municipality's own.
  std::string title_nb;
  std::string title_en;
  std::string description_nb;  ///< Written as support for living well with the condition (G10).
  std::string description_en;
  std::string presenter_role;  ///< A PresenterRole id (DOMAIN C7).
  std::vector<ChildStage> stages;
  std::vector<Audience> audiences;

  /// Nynorsk, last with defaults so that positional initialisers keep their meaning. Required of
  /// the built-in topics; optional in a municipality's file, where a nynorsk plan then refuses
  /// the topic rather than show its bokmål title (issue #23).
  std::string title_nn = {};
  std::string description_nn = {};

  /// The title and description in `language`; empty when the topic has none in it.
  const std::string& title(Language language) const noexcept;
  const std::string& description(Language language) const noexcept;
  bool suits(ChildStage stage) const noexcept;
  bool is_for(Audience audience) const noexcept;

  friend bool operator==(const Topic&, const Topic&) = default;
};

/// DOMAIN C6, T6: the first session's topic, always first and always this one.
inline constexpr std::string_view first_session_topic = "getting_to_know";

/// Roles and topics, each id once, in a stable order (the built-in order, then a municipality's
/// additions in the order of its file).
struct TopicCatalogue {
  std::vector<PresenterRole> roles;
  std::vector<Topic> topics;

  const Topic* find(std::string_view id) const noexcept;
  const PresenterRole* find_role(std::string_view id) const noexcept;
  /// Position of a topic in `topics`, the deterministic last tie-breaker; -1 when absent.
  int index_of(std::string_view id) const noexcept;

  friend bool operator==(const TopicCatalogue&, const TopicCatalogue&) = default;
};

/// The built-in catalogue: every topic named in DOMAIN T1-T6 and G9 in both languages, compiled
/// into the library from src/data/topics.json. Parsed once; immutable.
const TopicCatalogue& builtin_catalogue();

std::ostream& operator<<(std::ostream& out, const Topic& topic);

}  // namespace paarorende
