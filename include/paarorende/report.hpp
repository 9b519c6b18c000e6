// Moved to the I/O layer: paarorende/io/report.hpp. Kept so that existing includes still work.
#pragma once

#include "paarorende/io/report.hpp"
