// Tests for markdown/markdown: our GFM flavour, escaping, heading ids, links.
#include "markdown/markdown.h"

#include <doctest/doctest.h>

#include <set>
#include <string>

namespace herald {
namespace {

RenderedMarkdown Render(std::string_view source, bool raw_html = false) {
  MarkdownOptions options;
  options.raw_html = raw_html;
  return RenderMarkdown(source, options);
}

std::string Html(std::string_view source, bool raw_html = false) {
  return Render(source, raw_html).text.html;
}

TEST_CASE("plain CommonMark") {
  CHECK(Html("Some *text* and **bold**.") ==
        "<p>Some <em>text</em> and <strong>bold</strong>.</p>\n");
  CHECK(Html("") == "");
  CHECK(Html("a & b < c") == "<p>a &amp; b &lt; c</p>\n");
  RenderedMarkdown r = Render("Some *text*");
  CHECK(r.text.source == "Some *text*");
  CHECK_FALSE(r.text.Empty());
  CHECK(Render("").text.Empty());
}

TEST_CASE("GFM tables") {
  CHECK(Html("| a | b |\n|---|:-:|\n| 1 | 2 |\n") ==
        "<table>\n<thead>\n<tr>\n<th>a</th>\n<th align=\"center\">b</th>\n</tr>\n</thead>\n"
        "<tbody>\n<tr>\n<td>1</td>\n<td align=\"center\">2</td>\n</tr>\n</tbody>\n</table>\n");
}

TEST_CASE("GFM strikethrough needs two tildes") {
  CHECK(Html("~~gone~~ and ~one~") == "<p><del>gone</del> and ~one~</p>\n");
}

TEST_CASE("GFM autolinks") {
  CHECK(Html("Visit https://example.com/x now.") ==
        "<p>Visit <a href=\"https://example.com/x\">https://example.com/x</a> now.</p>\n");
  CHECK(Html("Mail psirt@example.com") ==
        "<p>Mail <a href=\"mailto:psirt@example.com\">psirt@example.com</a></p>\n");
}

TEST_CASE("GFM task lists") {
  CHECK(Html("- [ ] todo\n- [x] done\n") ==
        "<ul>\n<li><input type=\"checkbox\" disabled=\"\" /> todo</li>\n"
        "<li><input type=\"checkbox\" checked=\"\" disabled=\"\" /> done</li>\n</ul>\n");
}

TEST_CASE("raw HTML is shown escaped by default") {
  CHECK(Html("<script>alert(1)</script>\n") == "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n");
  CHECK(Html("inline <b onclick=\"x\">bold</b> here") ==
        "<p>inline &lt;b onclick=&quot;x&quot;&gt;bold&lt;/b&gt; here</p>\n");
  SUBCASE("never unescaped, wherever it appears") {
    for (const char* src :
         {"<script>alert(1)</script>", "x <script>alert(1)</script> y",
          "- item <script>alert(1)</script>", "> <script>alert(1)</script>",
          "| a |\n|---|\n| <script>alert(1)</script> |", "# <script>alert(1)</script>",
          "<div>\n<script>alert(1)</script>\n</div>", "<img src=x onerror=alert(1)>",
          "<!-- comment --><script>alert(1)</script>"}) {
      CAPTURE(src);
      std::string html = Html(src);
      CHECK(html.find("<script") == std::string::npos);
      CHECK(html.find("<img") == std::string::npos);
      CHECK(html.find("<div") == std::string::npos);
      CHECK(html.find("<!--") == std::string::npos);
    }
  }
}

TEST_CASE("raw HTML is kept with raw_html, minus GFM's disallowed tags") {
  CHECK(Html("inline <b>bold</b> here", true) == "<p>inline <b>bold</b> here</p>\n");
  CHECK(Html("<div class=\"note\">\nx\n</div>\n", true) == "<div class=\"note\">\nx\n</div>\n");
  // The tag filter still defuses script, iframe and friends.
  CHECK(Html("<script>alert(1)</script>\n", true) == "&lt;script>alert(1)&lt;/script>\n");
  CHECK(Html("a <iframe src=x></iframe>", true) == "<p>a &lt;iframe src=x>&lt;/iframe></p>\n");
}

TEST_CASE("javascript: and data: links are neutralised") {
  CHECK(Html("[x](javascript:alert(1))") == "<p><a href=\"\">x</a></p>\n");
  CHECK(Html("[y](JAVASCRIPT:foo)") == "<p><a href=\"\">y</a></p>\n");
  CHECK(Html("![i](javascript:x)") == "<p><img src=\"\" alt=\"i\" /></p>\n");
  CHECK(Html("[d](data:text/html;base64,xx)") == "<p><a href=\"\">d</a></p>\n");
  CHECK(Html("<javascript:alert(1)>") == "<p><a href=\"\">javascript:alert(1)</a></p>\n");
  CHECK(Html("[ok](https://example.com/)") == "<p><a href=\"https://example.com/\">ok</a></p>\n");
}

TEST_CASE("headings get ids, unique and stable") {
  RenderedMarkdown r = Render("# Title\n\n## Impact\n\ntext\n\n## Impact\n\n### Notes\n");
  CHECK(r.text.html ==
        "<h1 id=\"title\">Title</h1>\n<h2 id=\"impact\">Impact</h2>\n<p>text</p>\n"
        "<h2 id=\"impact-1\">Impact</h2>\n<h3 id=\"notes\">Notes</h3>\n");
  REQUIRE(r.text.headings.size() == 4);
  CHECK(r.text.headings[0].level == 1);
  CHECK(r.text.headings[0].id == "title");
  CHECK(r.text.headings[1].id == "impact");
  CHECK(r.text.headings[2].id == "impact-1");
  CHECK(r.text.headings[2].text == "Impact");
  CHECK(r.text.headings[3].level == 3);
  CHECK(r.text.headings[3].id == "notes");

  SUBCASE("the same source gives the same ids") {
    RenderedMarkdown again = Render("# Title\n\n## Impact\n\ntext\n\n## Impact\n\n### Notes\n");
    CHECK(again.text.html == r.text.html);
  }
  SUBCASE("a third duplicate") {
    auto h = Render("## A\n## A\n## A\n").text.headings;
    REQUIRE(h.size() == 3);
    CHECK(h[2].id == "a-2");
  }
}

TEST_CASE("headings never take the theme's own section ids") {
  auto h = Render("## Support\n## Details\n## FW 2.4.1\n## Supported\n").text.headings;
  REQUIRE(h.size() == 4);
  CHECK(h[0].id == "support-1");
  CHECK(h[1].id == "details-1");
  CHECK(h[2].id == "section-fw-2-4-1");  // fw-VERSION anchors belong to firmware entries
  CHECK(h[3].id == "supported");
}

TEST_CASE("heading text and ids from inline markup") {
  RenderedMarkdown r =
      Render("## [Link](https://a.example/) text\n\n## *Emph* `code`\n\n## !!!\n\nSetext\n---\n");
  REQUIRE(r.text.headings.size() == 4);
  CHECK(r.text.headings[0].text == "Link text");
  CHECK(r.text.headings[0].id == "link-text");
  CHECK(r.text.headings[1].text == "Emph code");
  CHECK(r.text.headings[1].id == "emph-code");
  CHECK(r.text.headings[2].id == "section");  // nothing sluggable
  CHECK(r.text.headings[3].level == 2);
  CHECK(r.text.headings[3].id == "setext");
  CHECK(r.text.html.find(
            "<h2 id=\"link-text\"><a href=\"https://a.example/\">Link</a> text</h2>") !=
        std::string::npos);
}

// "## Impact" twice gives impact and impact-1; a third heading literally
// named "Impact 1" must not get impact-1 again.
TEST_CASE("heading ids stay unique when a heading's slug collides with a suffix") {
  auto h = Render("## Impact\n\n## Impact\n\n## Impact 1\n").text.headings;
  REQUIRE(h.size() == 3);
  std::set<std::string> ids;
  for (const auto& x : h) ids.insert(x.id);
  CHECK(ids.size() == 3);
  // The same with a reserved id: "## Support" becomes support-1, as does "## Support 1".
  auto r = Render("## Support\n\n## Support 1\n").text.headings;
  REQUIRE(r.size() == 2);
  CHECK(r[0].id != r[1].id);
}

TEST_CASE("the marker used for heading ids cannot be forged from the source") {
  RenderedMarkdown r = Render("\x01HERALD-H\x01 sneaky\n\n## Real\n");
  CHECK(r.text.html == "<p>HERALD-H sneaky</p>\n<h2 id=\"real\">Real</h2>\n");
}

// The entity &#1; decodes to U+0001 in text, and with raw HTML allowed a
// tag may follow it: neither may spell the marker.
TEST_CASE("the heading marker cannot be forged through entities") {
  const std::string tail = "<h2 id=\"real\">Real</h2>\n";
  CHECK(Html("## One &#1;HERALD-H&#1; two\n\n&#1;HERALD-H&#1; text\n\n## Real\n") ==
        "<h2 id=\"one-herald-h-two\">One \x01HERALD-H\x01 two</h2>\n<p>\x01HERALD-H\x01 text</p>\n" +
            tail);
  CHECK(Html("## One &#1;<HERALD-H>&#1; two\n\n## Real\n", true) ==
        "<h2 id=\"one-two\">One \x01<HERALD-H>\x01 two</h2>\n" + tail);
  CHECK(Html("## One <&#1;HERALD-H&#1;> two\n\n## Real\n", true) ==
        "<h2 id=\"one-herald-h-two\">One &lt;\x01HERALD-H\x01&gt; two</h2>\n" + tail);
}

TEST_CASE("SlugifyHeading") {
  CHECK(SlugifyHeading("Impact") == "impact");
  CHECK(SlugifyHeading("Affected Products & Versions") == "affected-products-versions");
  CHECK(SlugifyHeading("  CVE-2026-12345: login  ") == "cve-2026-12345-login");
  CHECK(SlugifyHeading("Version 2.4.1") == "version-2-4-1");
  CHECK(SlugifyHeading("") == "section");
  CHECK(SlugifyHeading("???") == "section");
  CHECK(SlugifyHeading("ABC") == "abc");
}

TEST_CASE("links are collected with their source lines") {
  RenderedMarkdown r = Render(
      "para\nline two [l](/x)\n\n> quote [q](https://q.example/)\n\n[ref]\n\n![img](/i.png)\n\n"
      "[ref]: /refd\n");
  REQUIRE(r.links.size() == 4);
  CHECK(r.text.links.size() == 4);  // the Text keeps them too
  CHECK(r.links[0].url == "/x");
  CHECK(r.links[0].line == 2);
  CHECK(r.links[1].url == "https://q.example/");
  CHECK(r.links[1].line == 4);
  CHECK(r.links[2].url == "/refd");
  CHECK(r.links[2].line == 6);
  CHECK(r.links[3].url == "/i.png");
  CHECK(r.links[3].line == 8);
  SUBCASE("autolinks are links too") {
    auto links = Render("a\n\nsee https://example.com/x").links;
    REQUIRE(links.size() == 1);
    CHECK(links[0].url == "https://example.com/x");
    CHECK(links[0].line == 3);
  }
}

TEST_CASE("plain text drops markup") {
  CHECK(Render("Some *text* with [a link](https://x.example/).").text.plain ==
        "Some text with a link.");
  CHECK(Render("# Title\n\nPara one\ncontinues.\n\nPara two\n").text.plain ==
        "Title\n\nPara one\ncontinues.\n\nPara two");  // soft breaks kept
  CHECK(Render("Use `cmd --flag` now").text.plain == "Use cmd --flag now");
  CHECK(Render("").text.plain == "");
}

TEST_CASE("plain text is skipped on request, nothing else changes") {
  const char* source = "# Title\n\nSee [x](/x) and <b>raw</b>.\n\n## Title\n";
  RenderedMarkdown full = RenderMarkdown(source, {});
  RenderedMarkdown skipped = RenderMarkdown(source, {}, PlainText::kSkip);
  CHECK_FALSE(full.text.plain.empty());
  CHECK(skipped.text.plain.empty());
  CHECK(skipped.text.html == full.text.html);
  CHECK(skipped.text.source == full.text.source);
  REQUIRE(skipped.text.headings.size() == 2);
  CHECK(skipped.text.headings[1].id == "title-1");
  CHECK(skipped.links.size() == 1);
}

}  // namespace
}  // namespace herald

TEST_CASE("deeply nested lists render in linear time and keep their text") {
  // cmark's plain-text renderer is quadratic in the nesting depth (20,000
  // levels took minutes); past the cap the text comes from a linear walk.
  std::string deep;
  for (int i = 0; i < 20000; ++i) deep += "- ";
  deep += "deep word\n\n";
  for (int i = 0; i < 20000; ++i) deep += "> ";
  deep += "quoted word\n";
  auto nested = herald::RenderMarkdown(deep, {});
  CHECK(nested.text.plain == "deep word\nquoted word");
  CHECK(nested.text.html.find("deep word") != std::string::npos);

  // Below the cap, cmark's own rendering (list markers and indentation) stays.
  std::string shallow = herald::RenderMarkdown("- one\n  - two\n", {}).text.plain;
  CHECK(shallow.find("- one\n") != std::string::npos);
  CHECK(shallow.find("  - two") != std::string::npos);
}
