// Formed groups as group documents with their places (formation.hpp; DOMAIN C8), so that each can
// be planned as a course of its own (schedule.hpp's course_for_group).
#include <set>
#include <string>
#include <vector>

#include "paarorende/formation.hpp"

namespace paarorende {

std::vector<GroupDocument> group_documents(const FormationRequest& request, const FormationResult& result) {
  const Waitlist& waitlist = request.waitlist;
  std::vector<GroupDocument> documents;
  documents.reserve(result.groups.size());
  for (const FormedGroup& formed : result.groups) {
    GroupDocument document;
    document.group = formed.group;
    document.rules = request.rules;
    document.venue = formed.venue;
    document.travel_model = waitlist.travel_model;
    document.travel = waitlist.travel;
    std::set<std::string> used{formed.venue};
    for (const Household& household : formed.group.households) used.insert(household.school);
    for (const Place& place : waitlist.places) {
      if (used.count(place.id)) document.places.push_back(place);
    }
    for (const TravelTime& travel : waitlist.travel_times) {
      if (used.count(travel.from) && used.count(travel.to)) document.travel_times.push_back(travel);
    }
    documents.push_back(std::move(document));
  }
  return documents;
}

}  // namespace paarorende
