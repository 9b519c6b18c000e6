// Moved to the I/O layer: paarorende/io/csv.hpp. Kept so that existing includes still work.
#pragma once

#include "paarorende/io/csv.hpp"
