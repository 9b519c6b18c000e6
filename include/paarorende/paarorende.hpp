// Everything paarorende offers, in one include.
#pragma once

#include "paarorende/calendar.hpp"
#include "paarorende/error.hpp"
#include "paarorende/family_week.hpp"
#include "paarorende/format.hpp"
#include "paarorende/ical.hpp"
#include "paarorende/json.hpp"
#include "paarorende/meeting_place.hpp"
#include "paarorende/parallel_offer.hpp"
#include "paarorende/presenter.hpp"
#include "paarorende/region.hpp"
#include "paarorende/roster.hpp"
#include "paarorende/schedule.hpp"
#include "paarorende/topic.hpp"
#include "paarorende/version.hpp"
#include "paarorende/violation.hpp"
#include "paarorende/wishes.hpp"
