// Tests for render/rss.cpp: RSS 2.0, byte for byte.
#include <doctest/doctest.h>

#include "render/feeds.h"
#include "test_site.h"

namespace herald {
namespace {

TEST_CASE("WriteRss writes every field, escaped") {
  CHECK(WriteRss(testing::MakeFeed()) == R"x(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/">
  <channel>
    <title>Test PSIRT: security advisories</title>
    <link>https://psirt.example/advisories/</link>
    <description>Advisories &amp; notices.</description>
    <language>en</language>
    <lastBuildDate>Fri, 01 May 2026 10:00:00 +0000</lastBuildDate>
    <generator>herald 0.1.0</generator>
    <docs>https://www.rssboard.org/rss-specification</docs>
    <atom:link href="https://psirt.example/feeds/advisories.rss" rel="self" type="application/rss+xml" />
    <item>
      <title>[High] T-1: &lt;script&gt; &amp; "x" 🔒</title>
      <link>https://psirt.example/advisories/T-1/</link>
      <guid isPermaLink="true">https://psirt.example/advisories/T-1/</guid>
      <pubDate>Sat, 10 Jan 2026 10:00:00 +0000</pubDate>
      <atom:updated>2026-05-01T10:00:00Z</atom:updated>
      <category domain="https://www.cve.org/">CVE-2026-1111</category>
      <category domain="https://cwe.mitre.org/">CWE-79</category>
      <description>A &amp; B</description>
      <content:encoded>&lt;p&gt;x &amp;amp; y&lt;/p&gt;
</content:encoded>
    </item>
    <item>
      <title>[Support] Gateway 1: last day of security updates (2026-06-30)</title>
      <link>https://psirt.example/devices/gw-1/#support</link>
      <guid isPermaLink="false">https://psirt.example/devices/gw-1/#end-of-security-support-2026-06-30-0-days</guid>
      <pubDate>Tue, 30 Jun 2026 00:00:00 +0000</pubDate>
      <atom:updated>2026-06-30T00:00:00Z</atom:updated>
    </item>
  </channel>
</rss>
)x");
}

TEST_CASE("WriteRss of the hand-built site's device feed") {
  Site site = testing::MakeSite();
  site.devices[0].firmware.clear();  // firmware entries: feeds_test.cpp, tests/feeds
  CHECK(WriteRss(DeviceFeed(site, site.devices[0])) == R"x(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/">
  <channel>
    <title>Gateway 1: security advisories, firmware releases and support notices</title>
    <link>https://psirt.example/devices/gw-1/</link>
    <description>Security advisories that name Gateway 1, its firmware releases, and notices before its security support ends, from Test PSIRT.</description>
    <language>en</language>
    <lastBuildDate>Sun, 31 May 2026 00:00:00 +0000</lastBuildDate>
    <generator>herald 0.1.0</generator>
    <docs>https://www.rssboard.org/rss-specification</docs>
    <atom:link href="https://psirt.example/devices/gw-1/feed.rss" rel="self" type="application/rss+xml" />
    <item>
      <title>[Support] Gateway 1: security updates end in 30 days (2026-06-30)</title>
      <link>https://psirt.example/devices/gw-1/#support</link>
      <guid isPermaLink="false">https://psirt.example/devices/gw-1/#end-of-security-support-2026-06-30-30-days</guid>
      <pubDate>Sun, 31 May 2026 00:00:00 +0000</pubDate>
      <atom:updated>2026-05-31T00:00:00Z</atom:updated>
      <description>Test provides security updates for Gateway 1 until 2026-06-30, 30 days after this notice.</description>
      <content:encoded>&lt;p&gt;Test provides security updates for Gateway 1 until 2026-06-30, 30 days after this notice.&lt;/p&gt;
&lt;p&gt;Models: GW1, GW1-EU.&lt;/p&gt;
&lt;p&gt;After that day the device gets no more security fixes, and vulnerabilities found later stay open. Plan to replace it, or read what its support terms say about use after the end of support.&lt;/p&gt;
&lt;p&gt;&lt;a href="https://psirt.example/devices/gw-1/#support"&gt;Support terms of Gateway 1&lt;/a&gt;&lt;/p&gt;
</content:encoded>
    </item>
    <item>
      <title>[Critical, actively exploited] TEST-SA-2026-0001: Authentication bypass</title>
      <link>https://psirt.example/advisories/TEST-SA-2026-0001/</link>
      <guid isPermaLink="true">https://psirt.example/advisories/TEST-SA-2026-0001/</guid>
      <pubDate>Sat, 10 Jan 2026 10:00:00 +0000</pubDate>
      <atom:updated>2026-05-01T10:00:00Z</atom:updated>
      <category domain="https://www.cve.org/">CVE-2026-1111</category>
      <category domain="https://cwe.mitre.org/">CWE-287</category>
      <description>Anyone can log in.</description>
      <content:encoded>&lt;p&gt;Update.&lt;/p&gt;
</content:encoded>
    </item>
    <item>
      <title>[Support] Gateway 1: security updates end in 90 days (2026-06-30)</title>
      <link>https://psirt.example/devices/gw-1/#support</link>
      <guid isPermaLink="false">https://psirt.example/devices/gw-1/#end-of-security-support-2026-06-30-90-days</guid>
      <pubDate>Wed, 01 Apr 2026 00:00:00 +0000</pubDate>
      <atom:updated>2026-04-01T00:00:00Z</atom:updated>
      <description>Test provides security updates for Gateway 1 until 2026-06-30, 90 days after this notice.</description>
      <content:encoded>&lt;p&gt;Test provides security updates for Gateway 1 until 2026-06-30, 90 days after this notice.&lt;/p&gt;
&lt;p&gt;Models: GW1, GW1-EU.&lt;/p&gt;
&lt;p&gt;After that day the device gets no more security fixes, and vulnerabilities found later stay open. Plan to replace it, or read what its support terms say about use after the end of support.&lt;/p&gt;
&lt;p&gt;&lt;a href="https://psirt.example/devices/gw-1/#support"&gt;Support terms of Gateway 1&lt;/a&gt;&lt;/p&gt;
</content:encoded>
    </item>
    <item>
      <title>[Informational notice] TEST-SA-2026-0002: &lt;script&gt;alert(1)&lt;/script&gt; &amp; "quotes" 🔒 שלום</title>
      <link>https://psirt.example/advisories/TEST-SA-2026-0002/</link>
      <guid isPermaLink="true">https://psirt.example/advisories/TEST-SA-2026-0002/</guid>
      <pubDate>Sun, 01 Mar 2026 10:00:00 +0000</pubDate>
      <atom:updated>2026-03-01T10:00:00Z</atom:updated>
      <description>Tom &amp; Jerry &lt;b&gt;&lt;/b&gt;</description>
      <content:encoded>&lt;p&gt;&amp;lt;script&amp;gt; &amp;amp; 🔒&lt;/p&gt;
</content:encoded>
    </item>
  </channel>
</rss>
)x");
}

}  // namespace
}  // namespace herald
