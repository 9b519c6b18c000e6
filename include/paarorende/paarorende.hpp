// Everything paarorende offers, in one include: the core (concepts and their algorithms) and the
// I/O layer (io/: JSON, CSV, iCalendar and HTML forms of the documents, and the registry).
#pragma once

// The core.
#include "paarorende/attendance.hpp"
#include "paarorende/calendar.hpp"
#include "paarorende/error.hpp"
#include "paarorende/evaluation.hpp"
#include "paarorende/family_week.hpp"
#include "paarorende/format.hpp"
#include "paarorende/formation.hpp"
#include "paarorende/group.hpp"
#include "paarorende/household.hpp"
#include "paarorende/limits.hpp"
#include "paarorende/meeting_place.hpp"
#include "paarorende/parallel_offer.hpp"
#include "paarorende/presenter.hpp"
#include "paarorende/region.hpp"
#include "paarorende/roster.hpp"
#include "paarorende/school_days.hpp"
#include "paarorende/table.hpp"
#include "paarorende/schedule.hpp"
#include "paarorende/scores.hpp"
#include "paarorende/topic.hpp"
#include "paarorende/version.hpp"
#include "paarorende/violation.hpp"
#include "paarorende/waitlist.hpp"
#include "paarorende/wishes.hpp"

// The I/O layer.
#include "paarorende/io/csv.hpp"
#include "paarorende/io/ical.hpp"
#include "paarorende/io/registry.hpp"
#include "paarorende/io/report.hpp"
#include "paarorende/io/school_days.hpp"
#include "paarorende/io/table.hpp"
#include "paarorende/io/xlsx.hpp"
#include "paarorende/json.hpp"
