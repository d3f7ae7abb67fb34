// Tests for lint/link_rules.cpp and lint/links.cpp: internal links resolve
// against the rendered site (pages, files, element ids); relative links warn.
#include <doctest/doctest.h>

#include "lint/links.h"
#include "lint_site.h"

namespace herald::testing {
namespace {

std::string WithBody(const std::string& body) {
  return Replace(kAdvisory, "+++\nDetails.\n", "+++\n" + body);
}

TEST_CASE("ParseLink: internal, fragment, external, relative, own base URL") {
  const std::string base = "https://psirt.example";
  auto kind = [&](const std::string& url) { return ParseLink(url, base).kind; };
  CHECK(kind("/devices/gw-1/") == LinkTarget::Kind::kInternal);
  CHECK(kind("#details") == LinkTarget::Kind::kFragment);
  CHECK(kind("https://other.example/x") == LinkTarget::Kind::kExternal);
  CHECK(kind("mailto:psirt@example.com") == LinkTarget::Kind::kExternal);
  CHECK(kind("//cdn.example/x.js") == LinkTarget::Kind::kExternal);
  CHECK(kind("guides/setup/") == LinkTarget::Kind::kRelative);
  CHECK(kind("../x") == LinkTarget::Kind::kRelative);
  LinkTarget own = ParseLink("https://psirt.example/devices/gw%2D1/?x=1#support", base);
  CHECK(own.kind == LinkTarget::Kind::kInternal);
  CHECK(own.path == "/devices/gw-1/");
  CHECK(own.fragment == "support");
  CHECK(ParseLink("https://psirt.example", base).path == "/");
  CHECK(ParseLink("https://psirt.example.evil/x", base).kind == LinkTarget::Kind::kExternal);
}

TEST_CASE("OutputFileFor and ElementIds") {
  std::set<std::string> files = {"index.html", "a/index.html", "feeds/x.rss"};
  CHECK(OutputFileFor("/", files) == "index.html");
  CHECK(OutputFileFor("/a/", files) == "a/index.html");
  CHECK(OutputFileFor("/a", files) == "a/index.html");
  CHECK(OutputFileFor("/feeds/x.rss", files) == "feeds/x.rss");
  CHECK(OutputFileFor("/b/", files) == "");
  CHECK(ElementIds("<h2 id=\"a\">x</h2><section class=\"s\" id=\"b-c\">") ==
        std::set<std::string>{"a", "b-c"});
}

TEST_CASE("broken-link: Markdown links to missing devices, guides, advisories and ids") {
  auto files = BaseFiles();
  files[kAdvisoryPath] = WithBody(
      "## Impact\n\nSee [gw-1](/devices/gw-1/#support), [gw-9](/devices/gw-9/),\n"
      "[impact](#impact), [nope](#nope) and [feed](/feeds/advisories.rss).\n"
      "Also [setup](/devices/gw-1/guides/secure-setup/) and "
      "[x](/advisories/TEST-SA-2026-0009/).\n");
  CHECK(Findings(files, "broken-link") ==
        "advisories/2026/TEST-SA-2026-0001.md:30:44: error: link '/devices/gw-9/' does not "
        "resolve: there is no device 'gw-9' [broken-link]\n"
        "advisories/2026/TEST-SA-2026-0001.md:31:27: error: link '#nope' does not resolve: this "
        "page has no element with id 'nope'; expected a heading's id or a section id of that page "
        "[broken-link]\n"
        "advisories/2026/TEST-SA-2026-0001.md:32:14: error: link "
        "'/devices/gw-1/guides/secure-setup/' does not resolve: device 'gw-1' has no guide "
        "'secure-setup' [broken-link]\n"
        "advisories/2026/TEST-SA-2026-0001.md:32:58: error: link '/advisories/TEST-SA-2026-0009/' "
        "does not resolve: there is no advisory TEST-SA-2026-0009 [broken-link]\n");
}

TEST_CASE("broken-link: links to withheld advisories would leak them") {
  auto files = BaseFiles();
  files["content/pages/history.md"] =
      "+++\ntitle = \"History\"\nrole = \"other\"\n+++\nSee [the "
      "draft](/advisories/TEST-SA-2026-0002/).\n";
  files["advisories/2026/TEST-SA-2026-0002.md"] =
      Replace(Replace(kAdvisory, "TEST-SA-2026-0001", "TEST-SA-2026-0002"), "status = \"final\"",
              "status = \"draft\"");
  CHECK(Findings(files, "broken-link") ==
        "content/pages/history.md:5:17: error: link '/advisories/TEST-SA-2026-0002/' does not "
        "resolve: advisory TEST-SA-2026-0002 is not published (draft or TLP other than CLEAR); "
        "the link would show a missing page and reveal its id [broken-link]\n");
}

TEST_CASE("broken-link: URL fields in front matter and site.toml; the site's own base URL") {
  auto files = BaseFiles();
  files["site.toml"] = Replace(kSiteToml, "[disclosure]\n",
                               "[disclosure]\npolicy_url = \"/policy/\"\n"
                               "acknowledgments_url = \"https://security.test.example/thanks/\"\n");
  files[kAdvisoryPath] = Replace(kAdvisory, "details = \"Update to 1.0.1.\"",
                                 "details = \"\"\"\nUpdate to [1.0.1](/devices/gw-1/#fw-9).\"\"\"\n"
                                 "url = \"/devices/gw-1/\"");
  CHECK(Findings(files, "broken-link") ==
        "advisories/2026/TEST-SA-2026-0001.md:23:19: error: link '/devices/gw-1/#fw-9' does not "
        "resolve: /devices/gw-1/ has no element with id 'fw-9'; expected a heading's id or a "
        "section id of that page [broken-link]\n"
        "site.toml:15:14: error: link '/policy/' does not resolve: the site has no page or file "
        "/policy/ [broken-link]\n"
        "site.toml:16:23: error: link 'https://security.test.example/thanks/' does not resolve: "
        "the site has no page or file /thanks/ [broken-link]\n");
}

TEST_CASE("broken-link: with load errors, pages are planned and ids are not known") {
  auto files = BaseFiles();
  files[kAdvisoryPath] = WithBody("[a](/devices/gw-1/#nope) [b](/devices/gw-9/) [c](/x.rss)\n");
  files["content/devices/gw-2/index.md"] = "+++\nbroken\n+++\n";
  files["content/pages/about.md"] =
      "+++\ntitle = \"About\"\nrole = \"other\"\n+++\n"
      "[gw-2](/devices/gw-2/)\n";
  CHECK(Findings(files, "broken-link") ==
        "advisories/2026/TEST-SA-2026-0001.md:28:30: error: link '/devices/gw-9/' does not "
        "resolve: there is no device 'gw-9' [broken-link]\n");
}

TEST_CASE("relative-link: Markdown links must be site paths or absolute") {
  auto files = BaseFiles();
  files[kAdvisoryPath] =
      WithBody("See [setup](guides/setup/) or [top](/) or [mail](mailto:a@b.c).\n");
  CHECK(Findings(files, "relative-link") ==
        "advisories/2026/TEST-SA-2026-0001.md:28:13: warning: link 'guides/setup/' is relative; "
        "text is shown on several pages (lists, feeds, CSAF), so write a site path starting with "
        "'/', such as /devices/, or an absolute https: URL [relative-link]\n");
}

}  // namespace
}  // namespace herald::testing
