// Every JSON reader and writer of paarorende, for users who include one header for all of them.
// The readers and writers live with their concept in the I/O layer (paarorende/io/<concept>.hpp);
// no core header includes this one.
#pragma once

#include "paarorende/io/attendance.hpp"
#include "paarorende/io/calendar.hpp"
#include "paarorende/io/evaluation.hpp"
#include "paarorende/io/family_week.hpp"
#include "paarorende/io/format.hpp"
#include "paarorende/io/formation.hpp"
#include "paarorende/io/group.hpp"
#include "paarorende/io/json.hpp"
#include "paarorende/io/meeting_place.hpp"
#include "paarorende/io/parallel_offer.hpp"
#include "paarorende/io/region.hpp"
#include "paarorende/io/region_report.hpp"
#include "paarorende/io/roster.hpp"
#include "paarorende/io/schedule.hpp"
#include "paarorende/io/scores.hpp"
#include "paarorende/io/topic.hpp"
#include "paarorende/io/violation.hpp"
