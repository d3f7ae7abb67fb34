// Dates: instants as UTC seconds, parsed from RFC 3339 and formatted for
// every output (RFC 3339 for Atom, CSAF and JSON Feed; RFC 822 for RSS;
// plain ISO dates for pages).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace herald {

/// Seconds since 1970-01-01T00:00:00Z.
using Timestamp = std::int64_t;

/// Days since 1970-01-01 for a proleptic Gregorian date.
std::int64_t DaysFromCivil(int year, unsigned month, unsigned day);
bool IsValidCivilDate(int year, int month, int day);

/// Parses "YYYY-MM-DD" (00:00Z) or "YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)".
/// A date-time without an offset is rejected: an advisory time must be unambiguous.
std::optional<Timestamp> ParseRfc3339(std::string_view text);

std::string FormatRfc3339(Timestamp t);  // 2026-03-14T09:00:00Z
std::string FormatRfc822(Timestamp t);   // Sat, 14 Mar 2026 09:00:00 +0000
std::string FormatIsoDate(Timestamp t);  // 2026-03-14
std::string FormatIsoDateTime(Timestamp t);  // 2026-03-14 09:00 UTC
int YearOf(Timestamp t);

/// A support date that may not be announced yet.
struct DateOrTba {
  bool tba = true;
  Timestamp date = 0;
  bool Known() const { return !tba; }
};

}  // namespace herald
