#include "paarorende/topic.hpp"
#include "detail/input_error.hpp"
#include "detail/language.hpp"

#include <algorithm>

#include "paarorende/error.hpp"

namespace paarorende {


ChildStage stage_of_grade(int grade) {
  if (grade < 1 || grade > 13) {
    detail::raise_input_error("grade", "a school grade is 1-13, got " + std::to_string(grade));
  }
  return grade <= 7 ? ChildStage::primary
         : grade <= 10 ? ChildStage::lower_secondary
                       : ChildStage::upper_secondary;
}

const std::string& PresenterRole::title(Language language) const noexcept {
  return detail::in_language(language, title_nb, title_nn, title_en);
}

const std::string& Topic::title(Language language) const noexcept {
  return detail::in_language(language, title_nb, title_nn, title_en);
}

const std::string& Topic::description(Language language) const noexcept {
  return detail::in_language(language, description_nb, description_nn, description_en);
}

bool Topic::suits(ChildStage stage) const noexcept {
  return std::find(stages.begin(), stages.end(), stage) != stages.end();
}

bool Topic::is_for(Audience audience) const noexcept {
  return std::find(audiences.begin(), audiences.end(), audience) != audiences.end();
}

const Topic* TopicCatalogue::find(std::string_view id) const noexcept {
  for (const auto& topic : topics) {
    if (topic.id == id) return &topic;
  }
  return nullptr;
}

const PresenterRole* TopicCatalogue::find_role(std::string_view id) const noexcept {
  for (const auto& role : roles) {
    if (role.id == id) return &role;
  }
  return nullptr;
}

int TopicCatalogue::index_of(std::string_view id) const noexcept {
  for (std::size_t i = 0; i < topics.size(); ++i) {
    if (topics[i].id == id) return static_cast<int>(i);
  }
  return -1;
}

std::ostream& operator<<(std::ostream& out, const Topic& topic) {
  return out << topic.id << " (" << topic.title_nb << ")";
}

}  // namespace paarorende
