// Topic catalogues as JSON (docs/topics.md, docs/schemas/topic-catalogue.schema.json).
#pragma once

#include <filesystem>

#include "paarorende/io/json.hpp"
#include "paarorende/topic.hpp"

namespace paarorende {

/// A topic catalogue document (docs/topics.md). With "extends": "builtin" (the default) its roles
/// and topics are added to `base`; an entry whose id `base` already has must say
/// "override": true, and then replaces the fields it gives. With "extends": "none" it stands
/// alone. Ids are slugs ([a-z0-9_]+), each once; a topic's presenter_role must be a known role.
/// `base` is never changed: the result is a new catalogue.
TopicCatalogue catalogue_from_json(const Json& document,
                                   const TopicCatalogue& base = builtin_catalogue());
TopicCatalogue load_catalogue(const std::filesystem::path& path,
                              const TopicCatalogue& base = builtin_catalogue());

Json to_json(const Topic& topic);
/// A catalogue as a stand-alone document ("extends": "none").
Json to_json(const TopicCatalogue& catalogue);

}  // namespace paarorende
