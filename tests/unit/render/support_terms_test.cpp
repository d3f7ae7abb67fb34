// Tests for render/support_terms: support-terms.json and support-terms.ics.
#include "render/support_terms.h"

#include <doctest/doctest.h>

#include "test_site.h"

namespace herald {
namespace {

TEST_CASE("SupportTermsJson lists each device's dates, status and latest firmware") {
  Site site = testing::MakeSite();
  CHECK(SupportTermsJson(site) == R"x({
  "generated_at": "2026-06-01T10:00:00Z",
  "site": "Test PSIRT",
  "link": "https://psirt.example/support-terms.json",
  "calendar": "https://psirt.example/support-terms.ics",
  "devices": [
    {
      "slug": "gw-1",
      "name": "Gateway 1",
      "type": "gateway",
      "models": [
        "GW1",
        "GW1-EU"
      ],
      "link": "https://psirt.example/devices/gw-1/",
      "status": "on_sale",
      "ending_soon": true,
      "releaseDate": "2024-01-01",
      "isDiscontinued": false,
      "discontinuedFrom": null,
      "isEol": false,
      "eolFrom": "2026-06-30",
      "isMaintained": true,
      "endOfSupportFrom": null,
      "supportBasis": "guaranteed",
      "updateMechanism": "Signed OTA, over HTTPS.",
      "automaticUpdates": true,
      "latest": {
        "name": "1.2.0",
        "date": "2026-05-01",
        "link": "https://psirt.example/devices/gw-1/#firmware"
      }
    }
  ]
}
)x");
}

TEST_CASE("ending_soon: less than 180 days to the end of security support, not yet ended") {
  Site site = testing::MakeSite();
  auto ending_soon = [&](Timestamp now) {
    site.build.build_time = now;
    return SupportTermsJson(site).find("\"ending_soon\": true") != std::string::npos;
  };
  CHECK_FALSE(ending_soon(testing::kEndOfSupport - 180 * 86400));
  CHECK(ending_soon(testing::kEndOfSupport - 180 * 86400 + 1));
  CHECK(ending_soon(testing::kEndOfSupport + 86399));  // the last day itself
  CHECK_FALSE(ending_soon(testing::kEndOfSupport + 86400));
  CHECK(SupportTermsJson(site).find("\"isEol\": true") != std::string::npos);
}

TEST_CASE("SupportTermsIcs writes one all-day event per known date, folded, with CRLF") {
  Site site = testing::MakeSite();
  CHECK(SupportTermsIcs(site) ==
        "BEGIN:VCALENDAR\r\n"
        "VERSION:2.0\r\n"
        "PRODID:-//herald//herald 0.1.0//EN\r\n"
        "CALSCALE:GREGORIAN\r\n"
        "METHOD:PUBLISH\r\n"
        "X-WR-CALNAME:Test PSIRT: support terms\r\n"
        "X-WR-CALDESC:End of support and end of security updates of every device lis\r\n"
        " ted by Test PSIRT.\r\n"
        "BEGIN:VEVENT\r\n"
        "UID:gw-1.end-of-security-updates@psirt.example\r\n"
        "DTSTAMP:20260601T100000Z\r\n"
        "DTSTART;VALUE=DATE:20260630\r\n"
        "DTEND;VALUE=DATE:20260701\r\n"
        "SEQUENCE:1\r\n"
        "SUMMARY:Gateway 1: end of security updates\r\n"
        "DESCRIPTION:Last day Test provides security updates for Gateway 1. Support \r\n"
        " terms: https://psirt.example/devices/gw-1/#support\r\n"
        "URL:https://psirt.example/devices/gw-1/#support\r\n"
        "TRANSP:TRANSPARENT\r\n"
        "BEGIN:VALARM\r\n"
        "ACTION:DISPLAY\r\n"
        "TRIGGER:-P90D\r\n"
        "DESCRIPTION:Gateway 1: end of security updates in 90 days\r\n"
        "END:VALARM\r\n"
        "END:VEVENT\r\n"
        "END:VCALENDAR\r\n");
}

TEST_CASE("SupportTermsIcs escapes TEXT and folds long lines without splitting characters") {
  Site site = testing::MakeSite();
  site.devices[0].identity.name = "Hub; 200, \\ \"new\"\nline \xF0\x9F\x94\x92\x01";
  site.devices[0].support.end_of_life = {false, 1893456000};  // 2030-01-01
  std::string ics = SupportTermsIcs(site);
  CHECK(ics.find("SUMMARY:Hub\\; 200\\, \\\\ \"new\" line \xF0\x9F\x94\x92: end of security updates\r\n") !=
        std::string::npos);
  CHECK(ics.find("UID:gw-1.end-of-support@psirt.example\r\n") != std::string::npos);
  CHECK(ics.find("DTSTART;VALUE=DATE:20300101\r\nDTEND;VALUE=DATE:20300102\r\n") != std::string::npos);
  site.devices[0].identity.name = std::string(60, 'x') + "\xC3\xA9\xC3\xA9\xC3\xA9";
  ics = SupportTermsIcs(site);
  size_t start = 0;
  while (start < ics.size()) {
    size_t end = ics.find("\r\n", start);
    REQUIRE(end != std::string::npos);
    CHECK(end - start <= 75);
    // A continuation never starts inside a UTF-8 sequence.
    CHECK((static_cast<unsigned char>(ics[start]) & 0xC0) != 0x80);
    if (end + 2 < ics.size() && ics[end + 2] == ' ') {
      CHECK((static_cast<unsigned char>(ics[end + 3]) & 0xC0) != 0x80);
    }
    start = end + 2;
  }
  for (size_t i = 0; i < ics.size(); ++i) {
    if (ics[i] == '\n') CHECK(ics[i - 1] == '\r');  // no bare LF
  }
}

TEST_CASE("RenderSupportTerms writes both files") {
  Site site = testing::MakeSite();
  Output out;
  RenderSupportTerms(site, &out);
  CHECK(out.size() == 2);
  CHECK(out["support-terms.json"] == SupportTermsJson(site));
  CHECK(out["support-terms.ics"] == SupportTermsIcs(site));
}

}  // namespace
}  // namespace herald
