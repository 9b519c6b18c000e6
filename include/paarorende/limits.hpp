// The sizes that bound the memory and time paarorende spends on one input (DOMAIN X4: a municipal
// system that links the library must be able to trust that no input exhausts it). Every loader
// checks them and refuses an input beyond them with an InputError that says which limit, where
// (a JSON pointer, "row R" of a CSV file, or the file) and the value found; nothing is read
// partly. docs/reliability.md lists them with the reason for each value.
//
// The values are generous: they are about ten times what the largest Norwegian municipality
// would write by hand, so a real document never meets them and a broken or hostile one stops
// early.
#pragma once

#include <cstddef>

namespace paarorende {

/// Bytes of one document (JSON or CSV), checked before parsing; a file is read in chunks and
/// refused as soon as it passes this.
inline constexpr std::size_t max_document_bytes = 16 * 1024 * 1024;

/// Nested arrays and objects in a JSON document. paarorende's own documents nest at most 6
/// deep; the parser refuses the first value deeper than this, before building it.
inline constexpr int max_nesting_depth = 64;

/// Entries of any one list in a document (households, sessions, topics, records, wishes,
/// presenters, holidays, volunteers ...). Each entry is read and checked, so this bounds the
/// time a reader takes.
inline constexpr std::size_t max_list_entries = 10000;

/// Households on a waiting list, and in all the groups formed from it (DOMAIN G1-G9): a national
/// list has some 20,000.
inline constexpr std::size_t max_waitlist_households = 100000;

/// Entries of a waitlist's travel-time table (pairs of places).
inline constexpr std::size_t max_travel_times = 1000000;
/// Rows (responses) of an evaluation file, CSV or JSON (DOMAIN E1-E3). Without it a 16 MiB CSV
/// of short rows holds 1.4 million responses and takes about 1 GB to read.
inline constexpr std::size_t max_responses = 100000;

/// Columns of a CSV file.
inline constexpr std::size_t max_csv_columns = 1000;

/// Volunteers on a roster (DOMAIN X5, V4).
inline constexpr std::size_t max_volunteers = 10000;

}  // namespace paarorende
