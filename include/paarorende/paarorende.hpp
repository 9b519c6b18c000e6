// Everything paarorende offers, in one include.
#pragma once

#include "paarorende/calendar.hpp"
#include "paarorende/error.hpp"
#include "paarorende/ical.hpp"
#include "paarorende/json.hpp"
#include "paarorende/presenter.hpp"
#include "paarorende/schedule.hpp"
#include "paarorende/topic.hpp"
#include "paarorende/version.hpp"
#include "paarorende/violation.hpp"
#include "paarorende/wishes.hpp"
