// Parallel offers (DOMAIN P1) as JSON (docs/formats/parallel_offer.md).
#pragma once

#include <filesystem>

#include "paarorende/io/json.hpp"
#include "paarorende/io/schedule.hpp"
#include "paarorende/parallel_offer.hpp"

namespace paarorende {

/// A parallel-offer document: "schedule" (a schedule document or file name) or "request" (a
/// course request, planned), "venue_kind", "rules", and either "activities" or "children"
/// ({"ages": [...], "staff": n}: one activity per session).
ParallelOfferPlan parallel_offer_from_json(const Json& document,
                                           const std::filesystem::path& base_dir = {});
ParallelOfferPlan load_parallel_offer(const std::filesystem::path& path);
Json to_json(const ParallelActivity& activity);
Json to_json(const ParallelOfferPlan& plan);

}  // namespace paarorende
