// The texts of plans and their calendars, one table per language (issue #23): a course's agenda
// and calendar, a family week's blocks and calendar, a meeting place's calendar. A translator
// reviews a language here, in one place; the planners and the iCalendar writers only pick a table
// with plan_texts(language) and put the pieces together.
//
// The pieces are put together in the same order in every language ("<title>: samling 2 av 5"),
// so a text with another word order would need its own function here, not in the writers.
#pragma once

#include "detail/language.hpp"

namespace paarorende::detail {

struct PlanTexts {
  // A course session's agenda (DOMAIN C2, C6, C9, C10).
  const char* meal_on_arrival;
  const char* getting_to_know;
  const char* topic_wishes_round;
  const char* introduction_by_employee;
  const char* led_reflection;
  const char* introduction_to;  ///< "Innledning: " before the day's topic (C2, C7)
  // A course's calendar: "<title>: samling 2 av 5 – <topic>" and its description.
  const char* session_number;  ///< ": samling "
  const char* of;              ///< " av "
  const char* topic;           ///< "Tema: "
  const char* presenter;       ///< "Innleder: "
  const char* presenter_not_settled;
  const char* moved_from;  ///< "Flyttet fra " before the date it was moved from
  const char* example_calendar;  ///< DOMAIN X2: the dates follow an example calendar
  // Why a session moved (calendar.hpp's Closure): a weekend day, the summer, a school's day.
  const char* saturday;
  const char* sunday;
  const char* summer_holiday;
  const char* closed_at_a_school;  ///< DOMAIN C3, C11: a school or its SFO closed that day
  // A family week (DOMAIN P2): its blocks and calendar.
  const char* teaching;          ///< "Undervisning: " before the day's theme
  const char* observation_talk;
  const char* parents_group;     ///< "Foreldregruppe med fagperson: " before the theme
  const char* lunch;
  const char* children_programme;
  const char* parents_evening;
  const char* childcare;
  const char* day_number;  ///< ", dag "
  const char* for_children;
  const char* for_parents;
  // A meeting place's calendar (DOMAIN V4, X5): "<title>: treff 3 av 10".
  const char* meeting_number;  ///< ": treff "
  const char* years;           ///< " år: " after an age band
  const char* children;        ///< " barn, "
  const char* adults;          ///< " voksne"
  const char* volunteers;      ///< "Frivillige: "
};

inline constexpr PlanTexts plan_texts_nb{
    "Mat og drikke ved ankomst",
    "Bli kjent: hvordan vil vi ha møtene, taushetsplikt",
    "Runde: hvilke temaer ønsker dere for de neste samlingene?",
    "Innledning om dagens tema ved en ansatt i kommunen",
    "Ledet refleksjon og erfaringsutveksling",
    "Innledning: ",
    ": samling ",
    " av ",
    "Tema: ",
    "Innleder: ",
    " – ikke avklart",
    "Flyttet fra ",
    "Merk: datoene er planlagt etter en eksempelskolerute, ikke kommunens egen.",
    "lørdag",
    "søndag",
    "sommerferie",
    "stengt ved en av skolene (skole eller SFO)",
    "Undervisning: ",
    "Samtale med foreldrene om observasjonen av barnet",
    "Foreldregruppe med fagperson: ",
    "Lunsj",
    "Barnehageaktiviteter med pedagogisk personale og observasjon",
    "Foreldrekveld: eget fellesskap",
    "Barnepass",
    ", dag ",
    "For barna",
    "For foreldrene",
    ": treff ",
    " år: ",
    " barn, ",
    " voksne",
    "Frivillige: ",
};

inline constexpr PlanTexts plan_texts_nn{
    "Mat og drikke når de kjem",
    "Bli kjende: korleis vil vi ha møta, teieplikt",
    "Runde: kva tema ønskjer de for dei neste samlingane?",
    "Innleiing om tema for dagen ved ein tilsett i kommunen",
    "Leidd refleksjon og erfaringsutveksling",
    "Innleiing: ",
    ": samling ",
    " av ",
    "Tema: ",
    "Innleiar: ",
    " – ikkje avklart",
    "Flytta frå ",
    "Merk: datoane er planlagde etter ei eksempelskolerute, ikkje den kommunen har.",
    "laurdag",
    "sundag",
    "sommarferie",
    "stengt ved ein av skulane (skule eller SFO)",
    "Undervisning: ",
    "Samtale med foreldra om observasjonen av barnet",
    "Foreldregruppe med fagperson: ",
    "Lunsj",
    "Barnehageaktivitetar med pedagogisk personale og observasjon",
    "Foreldrekveld: eige fellesskap",
    "Barnepass",
    ", dag ",
    "For barna",
    "For foreldra",
    ": treff ",
    " år: ",
    " barn, ",
    " vaksne",
    "Frivillige: ",
};

inline constexpr PlanTexts plan_texts_en{
    "Food and drink on arrival",
    "Getting to know each other: how we want to meet, confidentiality",
    "Round: which topics do you want for the next sessions?",
    "Introduction to the day's topic by a municipal employee",
    "Led reflection and experience sharing",
    "Introduction: ",
    ": session ",
    " of ",
    "Topic: ",
    "Presenter: ",
    " – not settled",
    "Moved from ",
    "Note: the dates are planned by an example school calendar, not the municipality's own.",
    "Saturday",
    "Sunday",
    "summer holiday",
    "closed at one of the schools (school or SFO)",
    "Teaching: ",
    "Conversation with the parents about what the staff observed",
    "Parents' group with a professional: ",
    "Lunch",
    "Kindergarten activities with pedagogical staff, and observation",
    "Parents' evening: their own community",
    "Childcare",
    ", day ",
    "For the children",
    "For the parents",
    ": meeting ",
    " years: ",
    " children, ",
    " adults",
    "Volunteers: ",
};

inline const PlanTexts& plan_texts(Language language) noexcept {
  return in_language(language, plan_texts_nb, plan_texts_nn, plan_texts_en);
}

}  // namespace paarorende::detail
