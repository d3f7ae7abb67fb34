// Tests for base/dates: RFC 3339 parsing and every output date format.
#include "base/dates.h"

#include <doctest/doctest.h>

namespace herald {
namespace {

constexpr Timestamp k20260314T0900 = 1773478800;  // 2026-03-14T09:00:00Z, a Saturday

TEST_CASE("DaysFromCivil counts days from 1970-01-01") {
  CHECK(DaysFromCivil(1970, 1, 1) == 0);
  CHECK(DaysFromCivil(1970, 1, 2) == 1);
  CHECK(DaysFromCivil(1969, 12, 31) == -1);
  CHECK(DaysFromCivil(2000, 3, 1) == 11017);
  CHECK(DaysFromCivil(2026, 3, 14) == 1773446400 / 86400);
  CHECK(DaysFromCivil(1, 1, 1) == -62135596800 / 86400);
  // Leap days count: 2024-02-29 is the day after 2024-02-28.
  CHECK(DaysFromCivil(2024, 3, 1) - DaysFromCivil(2024, 2, 28) == 2);
  CHECK(DaysFromCivil(2023, 3, 1) - DaysFromCivil(2023, 2, 28) == 1);
  CHECK(DaysFromCivil(2001, 1, 1) - DaysFromCivil(2000, 1, 1) == 366);
  CHECK(DaysFromCivil(1901, 1, 1) - DaysFromCivil(1900, 1, 1) == 365);
}

TEST_CASE("IsValidCivilDate knows month lengths and leap years") {
  CHECK(IsValidCivilDate(2026, 1, 31));
  CHECK_FALSE(IsValidCivilDate(2026, 4, 31));
  CHECK_FALSE(IsValidCivilDate(2026, 2, 30));
  CHECK_FALSE(IsValidCivilDate(2026, 2, 29));
  CHECK(IsValidCivilDate(2024, 2, 29));   // divisible by 4
  CHECK_FALSE(IsValidCivilDate(1900, 2, 29));  // by 100, not by 400
  CHECK(IsValidCivilDate(2000, 2, 29));   // by 400
  CHECK_FALSE(IsValidCivilDate(2026, 0, 1));
  CHECK_FALSE(IsValidCivilDate(2026, 13, 1));
  CHECK_FALSE(IsValidCivilDate(2026, 1, 0));
  CHECK_FALSE(IsValidCivilDate(0, 1, 1));
  CHECK(IsValidCivilDate(9999, 12, 31));
  CHECK_FALSE(IsValidCivilDate(10000, 1, 1));
}

TEST_CASE("ParseRfc3339 accepts dates and offset date-times") {
  SUBCASE("a bare date means 00:00Z") {
    CHECK(ParseRfc3339("2026-03-14") == 1773446400);
    CHECK(ParseRfc3339("1970-01-01") == 0);
    CHECK(ParseRfc3339("2024-02-29") == 1709164800);
    CHECK(ParseRfc3339("2000-02-29") == 951782400);
  }
  SUBCASE("Z, lower-case t/z and a space separator") {
    CHECK(ParseRfc3339("2026-03-14T09:00:00Z") == k20260314T0900);
    CHECK(ParseRfc3339("2026-03-14t09:00:00z") == k20260314T0900);
    CHECK(ParseRfc3339("2026-03-14 09:00:00Z") == k20260314T0900);
  }
  SUBCASE("offsets are converted to UTC") {
    CHECK(ParseRfc3339("2026-03-14T10:00:00+01:00") == k20260314T0900);
    CHECK(ParseRfc3339("2026-03-14T03:30:00-05:30") == k20260314T0900);
    CHECK(ParseRfc3339("2026-03-14T09:00:00+00:00") == k20260314T0900);
    CHECK(ParseRfc3339("2026-03-14T09:00:00-00:00") == k20260314T0900);
    // Crossing midnight backwards: 00:30+02:00 is 22:30Z the day before.
    CHECK(ParseRfc3339("2026-03-14T00:30:00+02:00") == 1773441000);
  }
  SUBCASE("fractional seconds are accepted and dropped") {
    CHECK(ParseRfc3339("2026-03-14T09:00:00.5Z") == k20260314T0900);
    CHECK(ParseRfc3339("2026-03-14T09:00:00.123456789+01:00") == k20260314T0900 - 3600);
  }
  SUBCASE("a leap second is clamped to :59") {
    CHECK(ParseRfc3339("2016-12-31T23:59:60Z") == ParseRfc3339("2016-12-31T23:59:59Z"));
  }
  SUBCASE("before the epoch") {
    CHECK(ParseRfc3339("1969-12-31T23:59:59Z") == -1);
    CHECK(ParseRfc3339("0001-01-01") == -62135596800);
  }
}

TEST_CASE("ParseRfc3339 rejects malformed and impossible dates") {
  const char* bad[] = {
      "",                            // empty
      "2026",                        // year only
      "2026-03",                     // no day
      "2026-3-14",                   // unpadded month
      "2026/03/14",                  // wrong separator
      "2026-02-30",                  // no such day
      "2026-02-29",                  // not a leap year
      "1900-02-29",                  // century, not a leap year
      "2026-13-01",                  // no such month
      "2026-00-10",                  // month zero
      "2026-04-31",                  // April has 30 days
      "0000-01-01",                  // year zero
      "2026-03-14x",                 // junk after the date
      "2026-03-14T",                 // separator without time
      "2026-03-14T09:00",            // no seconds
      "2026-03-14T09:00:00",         // no offset: ambiguous
      "2026-03-14T09:00:00.5",       // fraction, still no offset
      "2026-03-14T09:00:00.Z",       // empty fraction
      "2026-03-14T24:00:00Z",        // hour out of range
      "2026-03-14T09:60:00Z",        // minute out of range
      "2026-03-14T09:00:61Z",        // second out of range
      "2026-03-14T09:00:00+01",      // offset without minutes
      "2026-03-14T09:00:00+0100",    // offset without colon
      "2026-03-14T09:00:00+24:00",   // offset hour out of range
      "2026-03-14T09:00:00+01:60",   // offset minute out of range
      "2026-03-14T09:00:00Z ",       // trailing space
      "2026-03-14T09:00:00ZZ",       // junk after Z
      "2026-03-14T09:00:00+01:00x",  // junk after offset
      "2026-03-14T09:00:00 UTC",     // not an RFC 3339 offset
      " 2026-03-14",                 // leading space
  };
  for (const char* text : bad) {
    CAPTURE(text);
    CHECK_FALSE(ParseRfc3339(text).has_value());
  }
}

TEST_CASE("FormatRfc3339 writes UTC with Z") {
  CHECK(FormatRfc3339(k20260314T0900) == "2026-03-14T09:00:00Z");
  CHECK(FormatRfc3339(0) == "1970-01-01T00:00:00Z");
  CHECK(FormatRfc3339(-1) == "1969-12-31T23:59:59Z");
  CHECK(FormatRfc3339(-86400) == "1969-12-31T00:00:00Z");
  CHECK(FormatRfc3339(951782400 + 3661) == "2000-02-29T01:01:01Z");
  CHECK(FormatRfc3339(253402300799) == "9999-12-31T23:59:59Z");
  // Round trip through the parser.
  for (const char* text :
       {"2024-02-29T23:59:59Z", "1999-12-31T00:00:00Z", "2100-03-01T12:34:56Z"}) {
    CAPTURE(text);
    auto t = ParseRfc3339(text);
    REQUIRE(t.has_value());
    CHECK(FormatRfc3339(*t) == text);
  }
}

TEST_CASE("dates keep printf's %04d years outside 0000-9999") {
  CHECK(FormatIsoDate(253402300800) == "10000-01-01");
  CHECK(FormatIsoDate(-62167219200) == "0000-01-01");
  CHECK(FormatIsoDate(-62167219200 - 86400) == "-001-12-31");
  CHECK(FormatIsoDateTime(253402300800 + 3600 * 13 + 60 * 7) == "10000-01-01 13:07 UTC");
}

TEST_CASE("FormatRfc822 writes the RSS form with the weekday") {
  CHECK(FormatRfc822(k20260314T0900) == "Sat, 14 Mar 2026 09:00:00 +0000");
  CHECK(FormatRfc822(0) == "Thu, 01 Jan 1970 00:00:00 +0000");
  CHECK(FormatRfc822(-1) == "Wed, 31 Dec 1969 23:59:59 +0000");
  CHECK(FormatRfc822(1709164800) == "Thu, 29 Feb 2024 00:00:00 +0000");
  CHECK(FormatRfc822(951782400) == "Tue, 29 Feb 2000 00:00:00 +0000");
  CHECK(FormatRfc822(1773441000) == "Fri, 13 Mar 2026 22:30:00 +0000");
  // Every weekday before the epoch (the negative branch of the weekday formula).
  const char* days[] = {"Wed", "Tue", "Mon", "Sun", "Sat", "Fri", "Thu", "Wed"};
  for (int i = 0; i < 8; ++i) {
    CAPTURE(i);
    CHECK(FormatRfc822(-86400LL * (i + 1)).substr(0, 3) == days[i]);
  }
  CHECK(FormatRfc822(-62135596800) == "Mon, 01 Jan 0001 00:00:00 +0000");
}

TEST_CASE("FormatIsoDate, FormatIsoDateTime and YearOf") {
  CHECK(FormatIsoDate(k20260314T0900) == "2026-03-14");
  CHECK(FormatIsoDate(1773446400 - 1) == "2026-03-13");
  CHECK(FormatIsoDate(-1) == "1969-12-31");
  CHECK(FormatIsoDateTime(k20260314T0900) == "2026-03-14 09:00 UTC");
  CHECK(FormatIsoDateTime(1773441000 + 59) == "2026-03-13 22:30 UTC");
  CHECK(YearOf(k20260314T0900) == 2026);
  CHECK(YearOf(*ParseRfc3339("2025-12-31T23:59:59Z")) == 2025);
  CHECK(YearOf(*ParseRfc3339("2026-01-01T00:00:00Z")) == 2026);
  CHECK(YearOf(-1) == 1969);
}

TEST_CASE("DateOrTba defaults to tba") {
  DateOrTba d;
  CHECK(d.tba);
  CHECK_FALSE(d.Known());
  DateOrTba known{false, k20260314T0900};
  CHECK(known.Known());
  CHECK(known.date == k20260314T0900);
}

}  // namespace
}  // namespace herald
