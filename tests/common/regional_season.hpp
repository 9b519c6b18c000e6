// A regional season for the programme planner's benchmark and tests (issue #19): `offers` offers
// (parents' courses, fathers' sessions, meeting places, family weeks, competence days and caregiver-
// school forms in a fixed mix), `presenters` presenters and `volunteers` volunteers over 2026-2027,
// made deterministically from the counts alone.
#pragma once

#include <string>

#include "paarorende/programme.hpp"

namespace paarorende::testing {

inline Programme regional_season(int offers, int presenters, int volunteers) {
  using boost::gregorian::days;
  Programme programme;
  programme.municipality = "Region";
  SchoolCalendar calendar;
  calendar.municipality = "Region";
  calendar.years.push_back({"2026-2027", Date(2026, 8, 17), Date(2027, 6, 18),
                            {{"Høstferie", Date(2026, 9, 28), Date(2026, 10, 2)},
                             {"Juleferie", Date(2026, 12, 21), Date(2027, 1, 1)},
                             {"Vinterferie", Date(2027, 2, 22), Date(2027, 2, 26)},
                             {"Påskeferie", Date(2027, 3, 22), Date(2027, 3, 29)}}});
  programme.school_calendar = calendar;
  const int venue_count = offers / 4 + 2;
  for (int v = 0; v < venue_count; ++v) {
    ProgrammeVenue venue{"venue_" + std::to_string(v), "Venue " + std::to_string(v), "", 20, {}, 300.0 * (v % 3)};
    venue.taken.push_back(Date(2026, 9, 1) + days(7 * (v % 20) + v % 5));
    programme.venues.push_back(venue);
  }
  for (int s = 0; s < 8; ++s) {
    programme.schools.push_back({"school_" + std::to_string(s), "School " + std::to_string(s),
                                 ClockTime(16, 0, 0) + boost::posix_time::minutes(15 * (s % 3)), 5 * (s % 3),
                                 {Date(2026, 11, 2) + days(7 * s + s % 5)}});
  }
  for (int p = 0; p < presenters; ++p) {
    ProgrammePerson person;
    person.id = "presenter_" + std::to_string(p);
    person.name = "Presenter " + std::to_string(p);
    person.max_sessions_per_week = p % 3 == 0 ? 5 : 2 + p % 2;  // a third can take a family week
    person.unavailable = {Date(2026, 9, 8) + days(7 * (p % 25) + p % 5), Date(2027, 1, 12) + days(7 * (p % 15))};
    programme.presenters.push_back(person);
  }
  for (int v = 0; v < volunteers; ++v) {
    ProgrammePerson person;
    person.id = "volunteer_" + std::to_string(v);
    person.max_sessions_per_week = 1 + v % 2;
    person.certificate_valid_until = v % 7 == 0 ? Date(2026, 12, 31) : Date(2028, 1, 1);
    programme.volunteers.push_back(person);
  }
  const OfferKind mix[] = {OfferKind::parents_course, OfferKind::parents_course, OfferKind::fathers_session,
                           OfferKind::meeting_place, OfferKind::parents_course, OfferKind::caregiver_school,
                           OfferKind::competence_day, OfferKind::parents_course, OfferKind::meeting_place,
                           OfferKind::family_week};
  for (int o = 0; o < offers; ++o) {
    const OfferKind kind = mix[o % 10];
    Offer offer = offer_defaults(kind, CaregiverSchoolForm(o % 5));
    offer.id = "offer_" + std::to_string(o);
    offer.venue = "venue_" + std::to_string(o % venue_count);
    // Weekdays Monday-Thursday from September; a family week starts on a Monday.
    offer.first_date = Date(2026, 8, 31) + days(7 * (o % 6) + (kind == OfferKind::family_week ? 0 : o % 4));
    if (kind == OfferKind::family_week) offer.first_date = Date(2027, 4, 12) + days(7 * (o % 8));
    if (kind == OfferKind::parents_course || kind == OfferKind::fathers_session) {
      offer.schools = {"school_" + std::to_string(o % 8)};
    }
    if (kind == OfferKind::meeting_place) offer.sessions = 8;
    offer.participants = 6 + o % 7;
    for (int k = 0; k < 3 && offer.presenters_per_session > 0; ++k) {
      const int p = kind == OfferKind::family_week ? (3 * (o + k)) % (presenters - presenters % 3) : (o + 11 * k) % presenters;
      offer.presenters.push_back("presenter_" + std::to_string(p));
    }
    if (offer.volunteers_per_session > 0) {
      for (int k = 0; k < 4; ++k) offer.volunteers.push_back("volunteer_" + std::to_string((o * 3 + 7 * k) % volunteers));
    }
    programme.offers.push_back(offer);
  }
  return programme;
}

}  // namespace paarorende::testing
