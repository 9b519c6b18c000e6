// Moved to the I/O layer: paarorende/io/ical.hpp. Kept so that existing includes still work.
#pragma once

#include "paarorende/io/ical.hpp"
