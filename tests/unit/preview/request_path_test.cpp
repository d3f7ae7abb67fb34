#include "preview/request_path.h"

#include <doctest/doctest.h>

namespace herald::preview {
namespace {

std::string Resolve(const std::string& target) {
  SitePath p;
  std::string why;
  if (!ResolveRequestTarget(target, &p, &why)) return "refused";
  return p.path + (p.directory ? " (dir)" : "");
}

TEST_CASE("request targets map to output paths") {
  CHECK(Resolve("/") == "index.html (dir)");
  CHECK(Resolve("/?x=1") == "index.html (dir)");
  CHECK(Resolve("/advisories/") == "advisories/index.html (dir)");
  CHECK(Resolve("/advisories/ACME-SA-2026-0001/#details") == "advisories/ACME-SA-2026-0001/index.html (dir)");
  CHECK(Resolve("/advisories") == "advisories");
  CHECK(Resolve("/feeds/advisories.rss?x=/../y") == "feeds/advisories.rss");
  CHECK(Resolve("/.well-known/security.txt") == ".well-known/security.txt");
  CHECK(Resolve("/caf%C3%A9/") == "caf\xC3\xA9/index.html (dir)");
  CHECK(Resolve("/a%20b.txt") == "a b.txt");
  CHECK(Resolve("/100%25.txt") == "100%.txt");
  CHECK(Resolve("/..foo/bar..") == "..foo/bar..");  // dots inside names are names
}

TEST_CASE("anything that could leave the site is refused") {
  for (const char* target :
       {"", "advisories/", "*", "http://host/", "//etc/passwd", "/a//b", "/..", "/../etc/passwd",
        "/a/../../b", "/a/./b", "/.", "/%2e%2e/x", "/%2E%2e/x", "/.%2e/x", "/%2e/x", "/a%2fb",
        "/a%2Fb", "/%2f", "/a%5cb", "/a\\b", "/%00", "/a%00.html", "/a%0a", "/a%7f", "/a b",
        "/%c0%ae%c0%ae/x", "/%c0%af", "/%e0%80%ae", "/%f0%80%80%ae", "/%ed%a0%80", "/%f4%90%80%80",
        "/%ff", "/%80", "/%c3", "/%", "/%2", "/%zz", "/%+1"}) {
    CAPTURE(target);
    CHECK(Resolve(target) == "refused");
  }
  SitePath p;
  std::string why;
  CHECK_FALSE(ResolveRequestTarget(std::string("/a\0b", 4), &p, &why));
  CHECK(why.find("control") != std::string::npos);
}

TEST_CASE("content types cover every file herald writes") {
  CHECK(ContentTypeFor("index.html") == "text/html; charset=utf-8");
  CHECK(ContentTypeFor("assets/style.css") == "text/css; charset=utf-8");
  CHECK(ContentTypeFor("assets/search.js") == "text/javascript; charset=utf-8");
  CHECK(ContentTypeFor("search-index.json") == "application/json");
  CHECK(ContentTypeFor("feeds/advisories.json") == "application/feed+json");
  CHECK(ContentTypeFor("devices/hub-200/feed.json") == "application/feed+json");
  CHECK(ContentTypeFor("sitemap.xml") == "application/xml");
  CHECK(ContentTypeFor("feeds/advisories.rss") == "application/rss+xml");
  CHECK(ContentTypeFor("feeds/advisories.atom") == "application/atom+xml");
  CHECK(ContentTypeFor("support-terms.ics") == "text/calendar; charset=utf-8");
  CHECK(ContentTypeFor("robots.txt") == "text/plain; charset=utf-8");
  CHECK(ContentTypeFor("x/a.json.asc") == "application/pgp-signature");
  CHECK(ContentTypeFor("x/a.json.sha256") == "text/plain; charset=utf-8");
  CHECK(ContentTypeFor("x/a.json.sha512") == "text/plain; charset=utf-8");
  CHECK(ContentTypeFor(".well-known/csaf/white/changes.csv") == "text/csv; charset=utf-8");
  CHECK(ContentTypeFor("logo.svg") == "image/svg+xml");
  CHECK(ContentTypeFor("a.png") == "image/png");
  CHECK(ContentTypeFor("a.jpg") == "image/jpeg");
  CHECK(ContentTypeFor("a.jpeg") == "image/jpeg");
  CHECK(ContentTypeFor("a.gif") == "image/gif");
  CHECK(ContentTypeFor("a.webp") == "image/webp");
  CHECK(ContentTypeFor("favicon.ico") == "image/vnd.microsoft.icon");
  CHECK(ContentTypeFor("f.woff2") == "font/woff2");
  CHECK(ContentTypeFor("README") == "application/octet-stream");
  CHECK(ContentTypeFor("myfeeds/advisories.json") == "application/json");
}

TEST_CASE("only Host names of this machine pass the loopback check") {
  for (const char* host : {"localhost", "localhost:1313", "127.0.0.1", "127.0.0.1:8080", "[::1]",
                           "[::1]:1313", "LOCALHOST:1313", "docs.localhost:1313", "localhost."}) {
    CAPTURE(host);
    CHECK(IsLoopbackHost(host));
  }
  for (const char* host : {"", "evil.example", "evil.example:1313", "127.0.0.1.evil.example",
                           "localhost.evil.example", "127.0.0.2", "[::2]:1313", "localhost:abc",
                           "[::1]x", "0.0.0.0", "192.168.1.5:1313", "localhostx"}) {
    CAPTURE(host);
    CHECK_FALSE(IsLoopbackHost(host));
  }
  CHECK(IsLoopbackAddress("127.0.0.1"));
  CHECK_FALSE(IsLoopbackAddress("0.0.0.0"));
}

TEST_CASE("output paths as the browser shows them") {
  CHECK(UrlPathOf("index.html") == "/");
  CHECK(UrlPathOf("advisories/index.html") == "/advisories/");
  CHECK(UrlPathOf("404.html") == "/404.html");
  CHECK(UrlPathOf("feeds/advisories.rss") == "/feeds/advisories.rss");
}

}  // namespace
}  // namespace herald::preview
