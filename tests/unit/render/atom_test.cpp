// Tests for render/atom.cpp: Atom (RFC 4287), byte for byte.
#include <doctest/doctest.h>

#include "render/feeds.h"
#include "test_site.h"

namespace herald {
namespace {

TEST_CASE("WriteAtom writes every field, escaped") {
  CHECK(WriteAtom(testing::MakeFeed()) == R"x(<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <id>https://psirt.example/feeds/advisories.atom</id>
  <title type="text">Test PSIRT: security advisories</title>
  <subtitle type="text">Advisories &amp; notices.</subtitle>
  <updated>2026-05-01T10:00:00Z</updated>
  <link rel="self" type="application/atom+xml" href="https://psirt.example/feeds/advisories.atom" />
  <link rel="alternate" type="text/html" href="https://psirt.example/advisories/" />
  <author>
    <name>Test PSIRT</name>
    <uri>https://psirt.example/</uri>
  </author>
  <generator version="0.1.0">herald</generator>
  <entry>
    <id>https://psirt.example/advisories/T-1/</id>
    <title type="text">[High] T-1: &lt;script&gt; &amp; "x" 🔒</title>
    <link rel="alternate" type="text/html" href="https://psirt.example/advisories/T-1/" />
    <published>2026-01-10T10:00:00Z</published>
    <updated>2026-05-01T10:00:00Z</updated>
    <category term="CVE-2026-1111" scheme="https://www.cve.org/" />
    <category term="CWE-79" scheme="https://cwe.mitre.org/" />
    <summary type="text">A &amp; B</summary>
    <content type="html">&lt;p&gt;x &amp;amp; y&lt;/p&gt;
</content>
  </entry>
  <entry>
    <id>https://psirt.example/devices/gw-1/#end-of-security-support-2026-06-30-0-days</id>
    <title type="text">[Support] Gateway 1: last day of security updates (2026-06-30)</title>
    <link rel="alternate" type="text/html" href="https://psirt.example/devices/gw-1/#support" />
    <published>2026-06-30T00:00:00Z</published>
    <updated>2026-06-30T00:00:00Z</updated>
  </entry>
</feed>
)x");
}

TEST_CASE("WriteAtom of the hand-built site's device feed") {
  Site site = testing::MakeSite();
  site.devices[0].firmware.clear();  // firmware entries: feeds_test.cpp, tests/feeds
  CHECK(WriteAtom(DeviceFeed(site, site.devices[0])) == R"x(<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <id>https://psirt.example/devices/gw-1/feed.atom</id>
  <title type="text">Gateway 1: security advisories, firmware releases and support notices</title>
  <subtitle type="text">Security advisories that name Gateway 1, its firmware releases, and notices before its security support ends, from Test PSIRT.</subtitle>
  <updated>2026-05-31T00:00:00Z</updated>
  <link rel="self" type="application/atom+xml" href="https://psirt.example/devices/gw-1/feed.atom" />
  <link rel="alternate" type="text/html" href="https://psirt.example/devices/gw-1/" />
  <author>
    <name>Test PSIRT</name>
    <uri>https://psirt.example/</uri>
  </author>
  <generator version="0.1.0">herald</generator>
  <entry>
    <id>https://psirt.example/devices/gw-1/#end-of-security-support-2026-06-30-30-days</id>
    <title type="text">[Support] Gateway 1: security updates end in 30 days (2026-06-30)</title>
    <link rel="alternate" type="text/html" href="https://psirt.example/devices/gw-1/#support" />
    <published>2026-05-31T00:00:00Z</published>
    <updated>2026-05-31T00:00:00Z</updated>
    <summary type="text">Test provides security updates for Gateway 1 until 2026-06-30, 30 days after this notice.</summary>
    <content type="html">&lt;p&gt;Test provides security updates for Gateway 1 until 2026-06-30, 30 days after this notice.&lt;/p&gt;
&lt;p&gt;Models: GW1, GW1-EU.&lt;/p&gt;
&lt;p&gt;After that day the device gets no more security fixes, and vulnerabilities found later stay open. Plan to replace it, or read what its support terms say about use after the end of support.&lt;/p&gt;
&lt;p&gt;&lt;a href="https://psirt.example/devices/gw-1/#support"&gt;Support terms of Gateway 1&lt;/a&gt;&lt;/p&gt;
</content>
  </entry>
  <entry>
    <id>https://psirt.example/advisories/TEST-SA-2026-0001/</id>
    <title type="text">[Critical, actively exploited] TEST-SA-2026-0001: Authentication bypass</title>
    <link rel="alternate" type="text/html" href="https://psirt.example/advisories/TEST-SA-2026-0001/" />
    <published>2026-01-10T10:00:00Z</published>
    <updated>2026-05-01T10:00:00Z</updated>
    <category term="CVE-2026-1111" scheme="https://www.cve.org/" />
    <category term="CWE-287" scheme="https://cwe.mitre.org/" />
    <summary type="text">Anyone can log in.</summary>
    <content type="html">&lt;p&gt;Update.&lt;/p&gt;
</content>
  </entry>
  <entry>
    <id>https://psirt.example/devices/gw-1/#end-of-security-support-2026-06-30-90-days</id>
    <title type="text">[Support] Gateway 1: security updates end in 90 days (2026-06-30)</title>
    <link rel="alternate" type="text/html" href="https://psirt.example/devices/gw-1/#support" />
    <published>2026-04-01T00:00:00Z</published>
    <updated>2026-04-01T00:00:00Z</updated>
    <summary type="text">Test provides security updates for Gateway 1 until 2026-06-30, 90 days after this notice.</summary>
    <content type="html">&lt;p&gt;Test provides security updates for Gateway 1 until 2026-06-30, 90 days after this notice.&lt;/p&gt;
&lt;p&gt;Models: GW1, GW1-EU.&lt;/p&gt;
&lt;p&gt;After that day the device gets no more security fixes, and vulnerabilities found later stay open. Plan to replace it, or read what its support terms say about use after the end of support.&lt;/p&gt;
&lt;p&gt;&lt;a href="https://psirt.example/devices/gw-1/#support"&gt;Support terms of Gateway 1&lt;/a&gt;&lt;/p&gt;
</content>
  </entry>
  <entry>
    <id>https://psirt.example/advisories/TEST-SA-2026-0002/</id>
    <title type="text">[Informational notice] TEST-SA-2026-0002: &lt;script&gt;alert(1)&lt;/script&gt; &amp; "quotes" 🔒 שלום</title>
    <link rel="alternate" type="text/html" href="https://psirt.example/advisories/TEST-SA-2026-0002/" />
    <published>2026-03-01T10:00:00Z</published>
    <updated>2026-03-01T10:00:00Z</updated>
    <summary type="text">Tom &amp; Jerry &lt;b&gt;&lt;/b&gt;</summary>
    <content type="html">&lt;p&gt;&amp;lt;script&amp;gt; &amp;amp; 🔒&lt;/p&gt;
</content>
  </entry>
</feed>
)x");
}

}  // namespace
}  // namespace herald
