// Tests for render/json_feed.cpp: JSON Feed 1.1, byte for byte.
#include <doctest/doctest.h>

#include "render/feeds.h"
#include "test_site.h"

namespace herald {
namespace {

TEST_CASE("WriteJsonFeed writes every field, escaped") {
  CHECK(WriteJsonFeed(testing::MakeFeed()) == R"x({
  "version": "https://jsonfeed.org/version/1.1",
  "title": "Test PSIRT: security advisories",
  "home_page_url": "https://psirt.example/advisories/",
  "feed_url": "https://psirt.example/feeds/advisories.json",
  "description": "Advisories & notices.",
  "language": "en",
  "authors": [
    {
      "name": "Test PSIRT",
      "url": "https://psirt.example/"
    }
  ],
  "items": [
    {
      "id": "https://psirt.example/advisories/T-1/",
      "url": "https://psirt.example/advisories/T-1/",
      "title": "[High] T-1: <script> & \"x\" 🔒",
      "summary": "A & B",
      "content_html": "<p>x &amp; y</p>\n",
      "date_published": "2026-01-10T10:00:00Z",
      "date_modified": "2026-05-01T10:00:00Z",
      "tags": [
        "CVE-2026-1111",
        "CWE-79"
      ]
    },
    {
      "id": "https://psirt.example/devices/gw-1/#end-of-security-support-2026-06-30-0-days",
      "url": "https://psirt.example/devices/gw-1/#support",
      "title": "[Support] Gateway 1: last day of security updates (2026-06-30)",
      "content_text": "[Support] Gateway 1: last day of security updates (2026-06-30)",
      "date_published": "2026-06-30T00:00:00Z",
      "date_modified": "2026-06-30T00:00:00Z"
    }
  ]
}
)x");
}

TEST_CASE("WriteJsonFeed of the hand-built site's device feed") {
  Site site = testing::MakeSite();
  site.devices[0].firmware.clear();  // firmware entries: feeds_test.cpp, tests/feeds
  CHECK(WriteJsonFeed(DeviceFeed(site, site.devices[0])) == R"x({
  "version": "https://jsonfeed.org/version/1.1",
  "title": "Gateway 1: security advisories, firmware releases and support notices",
  "home_page_url": "https://psirt.example/devices/gw-1/",
  "feed_url": "https://psirt.example/devices/gw-1/feed.json",
  "description": "Security advisories that name Gateway 1, its firmware releases, and notices before its security support ends, from Test PSIRT.",
  "language": "en",
  "authors": [
    {
      "name": "Test PSIRT",
      "url": "https://psirt.example/"
    }
  ],
  "items": [
    {
      "id": "https://psirt.example/devices/gw-1/#end-of-security-support-2026-06-30-30-days",
      "url": "https://psirt.example/devices/gw-1/#support",
      "title": "[Support] Gateway 1: security updates end in 30 days (2026-06-30)",
      "summary": "Test provides security updates for Gateway 1 until 2026-06-30, 30 days after this notice.",
      "content_html": "<p>Test provides security updates for Gateway 1 until 2026-06-30, 30 days after this notice.</p>\n<p>Models: GW1, GW1-EU.</p>\n<p>After that day the device gets no more security fixes, and vulnerabilities found later stay open. Plan to replace it, or read what its support terms say about use after the end of support.</p>\n<p><a href=\"https://psirt.example/devices/gw-1/#support\">Support terms of Gateway 1</a></p>\n",
      "date_published": "2026-05-31T00:00:00Z",
      "date_modified": "2026-05-31T00:00:00Z"
    },
    {
      "id": "https://psirt.example/advisories/TEST-SA-2026-0001/",
      "url": "https://psirt.example/advisories/TEST-SA-2026-0001/",
      "title": "[Critical, actively exploited] TEST-SA-2026-0001: Authentication bypass",
      "summary": "Anyone can log in.",
      "content_html": "<p>Update.</p>\n",
      "date_published": "2026-01-10T10:00:00Z",
      "date_modified": "2026-05-01T10:00:00Z",
      "tags": [
        "CVE-2026-1111",
        "CWE-287"
      ]
    },
    {
      "id": "https://psirt.example/devices/gw-1/#end-of-security-support-2026-06-30-90-days",
      "url": "https://psirt.example/devices/gw-1/#support",
      "title": "[Support] Gateway 1: security updates end in 90 days (2026-06-30)",
      "summary": "Test provides security updates for Gateway 1 until 2026-06-30, 90 days after this notice.",
      "content_html": "<p>Test provides security updates for Gateway 1 until 2026-06-30, 90 days after this notice.</p>\n<p>Models: GW1, GW1-EU.</p>\n<p>After that day the device gets no more security fixes, and vulnerabilities found later stay open. Plan to replace it, or read what its support terms say about use after the end of support.</p>\n<p><a href=\"https://psirt.example/devices/gw-1/#support\">Support terms of Gateway 1</a></p>\n",
      "date_published": "2026-04-01T00:00:00Z",
      "date_modified": "2026-04-01T00:00:00Z"
    },
    {
      "id": "https://psirt.example/advisories/TEST-SA-2026-0002/",
      "url": "https://psirt.example/advisories/TEST-SA-2026-0002/",
      "title": "[Informational notice] TEST-SA-2026-0002: <script>alert(1)</script> & \"quotes\" 🔒 שלום",
      "summary": "Tom & Jerry <b></b>",
      "content_html": "<p>&lt;script&gt; &amp; 🔒</p>\n",
      "date_published": "2026-03-01T10:00:00Z",
      "date_modified": "2026-03-01T10:00:00Z"
    }
  ]
}
)x");
}

}  // namespace
}  // namespace herald
