// Tests for load/fields: FieldReader's accessors and their exact messages.
//
// Documents are parsed with line_offset 1, as front matter is (line 1 of the
// file is the opening "+++"), so the first TOML line is line 2.
#include "load/fields.h"

#include <doctest/doctest.h>

#include <initializer_list>
#include <string>
#include <vector>

namespace herald {
namespace {

constexpr char kDateHelp[] = "an RFC 3339 date such as 2026-03-14 or 2026-03-14T09:00:00Z";

struct Doc {
  Diagnostics diags;
  LoadContext ctx{&diags, {}};
  TomlValue root;

  explicit Doc(std::string_view toml) {
    auto parsed = ParseToml(toml, "f.md", 1, diags);
    REQUIRE(parsed.has_value());
    root = std::move(*parsed);
  }
  FieldReader Reader(const std::string& what = "advisory", const std::string& prefix = "") {
    return FieldReader(root, "f.md", what, prefix, ctx);
  }
  /// Every diagnostic, formatted, one per line.
  std::string Messages() const {
    std::string out;
    for (const auto& d : diags.Sorted()) out += FormatDiagnostic(d) + "\n";
    return out;
  }
};

/// The expected Messages(): one line per diagnostic.
std::string Lines(std::initializer_list<std::string> lines) {
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

TEST_CASE("String: value, missing, wrong type, control characters, empty") {
  Doc doc("title = \"Hello\"\nnum = 5\nnl = \"a\\nb\"\nempty = \"\"\n");
  FieldReader r = doc.Reader();
  CHECK(r.String("title", Need::kRequired) == "Hello");
  CHECK(r.String("absent") == "");
  CHECK(doc.Messages().empty());

  CHECK(r.String("missing", Need::kRequired) == "");
  CHECK(r.String("num") == "");
  CHECK(r.String("nl") == "");
  CHECK(r.String("empty") == "");  // optional: empty is fine
  CHECK(r.String("empty", Need::kRequired) == "");
  CHECK(doc.Messages() ==
        Lines({"f.md:2:1: error: missing required key 'missing' in advisory",
              "f.md:3:7: error: 'num' must be a string, found an integer",
              "f.md:4:6: error: 'nl' must be a single line without control characters",
              "f.md:5:9: error: 'empty' must not be empty"}));
}

TEST_CASE("LocString remembers where the value is written") {
  Doc doc("a = 1\n  id = \"X-1\"\n");
  FieldReader r = doc.Reader();
  LocatedString id = r.LocString("id");
  CHECK(id.value == "X-1");
  CHECK(id.where.path == "f.md");
  CHECK(id.where.line == 3);
  CHECK(id.where.column == 8);
  LocatedString none = r.LocString("none");
  CHECK((none.value.empty() && none.where.line == 0));
}

TEST_CASE("Enum: allowed value, fallback, mismatch lists the choices") {
  Doc doc("status = \"final\"\nbad = \"done\"\n");
  FieldReader r = doc.Reader("advisory", "x.");
  const std::vector<std::string> allowed = {"draft", "interim", "final"};
  CHECK(r.Enum("status", allowed) == "final");
  CHECK(r.Enum("absent", allowed, Need::kOptional, "draft") == "draft");
  CHECK(doc.Messages().empty());
  CHECK(r.Enum("bad", allowed, Need::kOptional, "draft") == "draft");
  CHECK(r.Enum("gone", allowed, Need::kRequired, "draft") == "draft");
  CHECK(doc.Messages() ==
        Lines({"f.md:2:1: error: missing required key 'x.gone' in advisory",
              "f.md:3:7: error: 'x.bad' is 'done'; expected one of 'draft', 'interim', 'final'"}));
}

TEST_CASE("Markdown renders and rejects non-strings and control characters") {
  Doc doc("body = \"Some *text*\\n\\nTwo\"\nnum = 1\nbell = \"a\\u0007b\"\n");
  FieldReader r = doc.Reader();
  Text t = r.Markdown("body");
  CHECK(t.source == "Some *text*\n\nTwo");
  CHECK(t.html == "<p>Some <em>text</em></p>\n<p>Two</p>\n");
  CHECK(t.plain == "Some text\n\nTwo");
  CHECK(r.Markdown("absent").Empty());
  CHECK(r.Markdown("num").Empty());
  CHECK(r.Markdown("bell").Empty());
  CHECK(r.Markdown("req", Need::kRequired).Empty());
  CHECK(doc.Messages() ==
        Lines({"f.md:2:1: error: missing required key 'req' in advisory",
              "f.md:3:7: error: 'num' must be a string (Markdown allowed), found an integer",
              "f.md:4:8: error: 'bell' contains control characters"}));
}

TEST_CASE("Markdown follows the context's raw_html option") {
  Doc doc("body = \"<b>x</b>\"\n");
  FieldReader r = doc.Reader();
  CHECK(r.Markdown("body").html == "<p>&lt;b&gt;x&lt;/b&gt;</p>\n");
  doc.ctx.markdown.raw_html = true;
  CHECK(r.Markdown("body").html == "<p><b>x</b></p>\n");
}

TEST_CASE("Bool: value, fallback, wrong type") {
  Doc doc("yes = true\nno = false\nstr = \"true\"\n");
  FieldReader r = doc.Reader();
  CHECK(r.Bool("yes", false));
  CHECK_FALSE(r.Bool("no", true));
  CHECK((r.Bool("absent", true) && !r.Bool("absent", false)));
  CHECK(r.Bool("str", true));  // fallback on error
  CHECK_FALSE(r.Bool("req", false, Need::kRequired));
  CHECK(doc.Messages() == Lines({"f.md:2:1: error: missing required key 'req' in advisory",
                                "f.md:4:7: error: 'str' must be true or false, found a string"}));
}

TEST_CASE("Int: range checked, wrong type") {
  Doc doc("days = 30\nlow = 0\nhigh = 366\nf = 1.5\nedge = 365\n");
  FieldReader r = doc.Reader("[disclosure]", "disclosure.");
  CHECK(r.Int("days", 1, 365) == 30);
  CHECK(r.Int("edge", 1, 365) == 365);
  CHECK_FALSE(r.Int("absent", 1, 365).has_value());
  CHECK_FALSE(r.Int("low", 1, 365).has_value());
  CHECK_FALSE(r.Int("high", 1, 365).has_value());
  CHECK_FALSE(r.Int("f", 1, 365).has_value());
  CHECK(doc.Messages() ==
        Lines({"f.md:3:7: error: 'disclosure.low' is 0; expected an integer from 1 to 365",
              "f.md:4:8: error: 'disclosure.high' is 366; expected an integer from 1 to 365",
              "f.md:5:5: error: 'disclosure.f' must be an integer, found a float"}));
}

TEST_CASE("Date: TOML dates, strings, local date-times and wrong types") {
  Doc doc(
      "a = 2026-03-14\n"
      "b = 2026-03-14T10:00:00+01:00\n"
      "c = \"2026-03-14T09:00:00Z\"\n"
      "d = \"2026-02-30\"\n"
      "e = 2026-03-14T09:00:00\n"
      "f = 20260314\n"
      "g = \"2026-03-14T09:00:00\"\n");
  FieldReader r = doc.Reader();
  CHECK(r.Date("a") == 1773446400);
  CHECK(r.Date("b") == 1773478800);
  CHECK(r.Date("c") == 1773478800);
  CHECK_FALSE(r.Date("absent").has_value());
  CHECK(doc.Messages().empty());
  CHECK_FALSE(r.Date("d").has_value());
  CHECK_FALSE(r.Date("e").has_value());
  CHECK_FALSE(r.Date("f").has_value());
  CHECK_FALSE(r.Date("g").has_value());
  CHECK_FALSE(r.Date("req", Need::kRequired).has_value());
  CHECK(doc.Messages() ==
        Lines({"f.md:2:1: error: missing required key 'req' in advisory",
              std::string("f.md:5:5: error: 'd' is not a valid date: '2026-02-30'; expected ") +
                  kDateHelp,
              std::string("f.md:6:5: error: 'e' has no time zone; add 'Z' or an offset such as "
                          "+01:00 (expected ") + kDateHelp + ")",
              std::string("f.md:7:5: error: 'f' must be ") + kDateHelp + ", found an integer",
              std::string("f.md:8:5: error: 'g' is not a valid date: '2026-03-14T09:00:00'; "
                          "expected ") + kDateHelp}));
}

TEST_CASE("DateOrTbaField: \"tba\", a date, a bad string") {
  Doc doc(
      "ga = \"tba\"\n"
      "eol = 2030-12-31\n"
      "eos = \"2031-06-30\"\n"
      "bad = \"soon\"\n"
      "local = 2030-01-01T00:00:00\n");
  FieldReader r = doc.Reader("[support]", "support.");
  DateOrTba ga = r.DateOrTbaField("ga", Need::kRequired);
  CHECK(ga.tba);
  CHECK_FALSE(ga.Known());
  DateOrTba eol = r.DateOrTbaField("eol");
  CHECK(eol.Known());
  CHECK(eol.date == *ParseRfc3339("2030-12-31"));
  CHECK(r.DateOrTbaField("eos").date == *ParseRfc3339("2031-06-30"));
  CHECK(r.DateOrTbaField("absent").tba);
  CHECK(doc.Messages().empty());

  CHECK(r.DateOrTbaField("bad").tba);
  CHECK(r.DateOrTbaField("local").tba);
  CHECK(r.DateOrTbaField("gone", Need::kRequired).tba);
  r.Finish();  // every key above counts as known
  CHECK(doc.Messages() ==
        Lines({"f.md:2:1: error: missing required key 'support.gone' in [support]",
              std::string("f.md:5:7: error: 'support.bad' is 'soon'; expected ") + kDateHelp +
                  " or \"tba\"",
              std::string("f.md:6:9: error: 'support.local' has no time zone; add 'Z' or an "
                          "offset such as +01:00 (expected ") + kDateHelp + ")"}));
}

TEST_CASE("Url: https, site paths, contact addresses") {
  Doc doc(
      "a = \"https://example.com/x\"\n"
      "b = \"/advisories/\"\n"
      "c = \"http://example.com/\"\n"
      "d = \"//evil.example/\"\n"
      "e = \"mailto:psirt@example.com\"\n"
      "f = \"javascript:alert(1)\"\n"
      "g = \"https://\"\n"
      "h = \"/a b\"\n");
  FieldReader r = doc.Reader();
  CHECK(r.Url("a") == "https://example.com/x");
  CHECK(r.Url("b") == "/advisories/");
  CHECK(r.Url("e", Need::kOptional, true) == "mailto:psirt@example.com");
  CHECK(r.Url("absent") == "");
  CHECK(doc.Messages().empty());
  CHECK(r.Url("c") == "");
  CHECK(r.Url("d") == "");
  CHECK(r.Url("f", Need::kOptional, true) == "");
  CHECK(r.Url("g") == "");
  CHECK(r.Url("h") == "");
  const std::string tail = "; expected an absolute https: URL or a site path starting with '/'";
  CHECK(doc.Messages() ==
        Lines({"f.md:4:5: error: 'c' is 'http://example.com/'" + tail,
              "f.md:5:5: error: 'd' is '//evil.example/'" + tail,
              "f.md:7:5: error: 'f' is 'javascript:alert(1)'" + tail +
                  ", or a mailto: or tel: address",
              "f.md:8:5: error: 'g' is 'https://'" + tail,
              "f.md:9:5: error: 'h' is '/a b'" + tail}));
}

TEST_CASE("Url: mailto: and tel: only where contact addresses are allowed") {
  Doc doc("m = \"mailto:a@example.com\"\nt = \"tel:+49-30-1234\"\nsp = \"mailto:a b@x\"\n");
  FieldReader r = doc.Reader();
  CHECK(r.Url("t", Need::kOptional, true) == "tel:+49-30-1234");
  CHECK(r.Url("m") == "");
  CHECK(r.Url("sp", Need::kOptional, true) == "");
  CHECK(doc.Messages() ==
        Lines({"f.md:2:5: error: 'm' is 'mailto:a@example.com'; expected an absolute https: URL "
              "or a site path starting with '/'",
              "f.md:4:6: error: 'sp' is 'mailto:a b@x'; expected an absolute https: URL or a site "
              "path starting with '/', or a mailto: or tel: address"}));
}

TEST_CASE("IsSiteOrHttpsUrl") {
  CHECK(IsSiteOrHttpsUrl("/"));
  CHECK(IsSiteOrHttpsUrl("/devices/hub-200/#support"));
  CHECK(IsSiteOrHttpsUrl("https://example.com"));
  CHECK_FALSE(IsSiteOrHttpsUrl(""));
  CHECK_FALSE(IsSiteOrHttpsUrl("https://"));
  CHECK_FALSE(IsSiteOrHttpsUrl("http://example.com"));
  CHECK_FALSE(IsSiteOrHttpsUrl("HTTPS://example.com"));
  CHECK_FALSE(IsSiteOrHttpsUrl("//example.com"));
  CHECK_FALSE(IsSiteOrHttpsUrl("relative/path"));
  CHECK_FALSE(IsSiteOrHttpsUrl("https://exa mple.com"));
  CHECK_FALSE(IsSiteOrHttpsUrl("/a\tb"));
  CHECK_FALSE(IsSiteOrHttpsUrl("mailto:x@example.com"));
}

TEST_CASE("StringList and LocStringList") {
  Doc doc("m = [\"eu\", \"uk\"]\ns = \"eu\"\nmixed = [\"a\", 2, \"b\"]\nempty = []\n");
  FieldReader r = doc.Reader("device", "");
  CHECK(r.StringList("m") == std::vector<std::string>{"eu", "uk"});
  auto loc = r.LocStringList("m");
  REQUIRE(loc.size() == 2);
  CHECK(loc[1].value == "uk");
  CHECK(loc[1].where.line == 2);
  CHECK(loc[1].where.column == 12);
  CHECK((r.StringList("absent").empty() && r.StringList("empty").empty()));  // optional: fine
  CHECK(doc.Messages().empty());

  CHECK(r.StringList("s").empty());
  CHECK(r.StringList("mixed") == std::vector<std::string>{"a", "b"});
  CHECK(r.StringList("empty", Need::kRequired).empty());
  CHECK(r.StringList("gone", Need::kRequired).empty());
  CHECK(doc.Messages() ==
        Lines({"f.md:2:1: error: missing required key 'gone' in device",
              "f.md:3:5: error: 's' must be an array of strings, found a string",
              "f.md:4:15: error: 'mixed' must hold single-line strings, found an integer",
              "f.md:5:9: error: 'empty' must not be empty"}));
}

TEST_CASE("UrlList checks each item") {
  Doc doc("c = [\"mailto:a@example.com\", \"https://x.example/\", \"ftp://x\"]\n");
  FieldReader r = doc.Reader("[disclosure]", "disclosure.");
  CHECK(r.UrlList("c", Need::kRequired, true) ==
        std::vector<std::string>{"mailto:a@example.com", "https://x.example/"});
  CHECK(r.UrlList("c") == std::vector<std::string>{"https://x.example/"});
  CHECK(doc.Messages() ==
        Lines({"f.md:2:6: error: 'disclosure.c' holds 'mailto:a@example.com'; expected an "
              "absolute https: URL or a site path starting with '/'",
              "f.md:2:52: error: 'disclosure.c' holds 'ftp://x'; expected an absolute https: URL "
              "or a site path starting with '/'",
              "f.md:2:52: error: 'disclosure.c' holds 'ftp://x'; expected an absolute https: URL "
              "or a site path starting with '/', or a mailto: or tel: address"}));
}

// Url() and UrlList() agree: a contact address with a space is rejected.
TEST_CASE("UrlList rejects contact addresses with spaces, as Url does") {
  Doc doc("c = [\"mailto:a b@example.com\"]\n");
  FieldReader r = doc.Reader();
  CHECK(r.UrlList("c", Need::kOptional, true).empty());
  CHECK(doc.diags.ErrorCount() == 1);
}

TEST_CASE("Table and TableArray") {
  Doc doc(
      "s = \"x\"\n"
      "arr = [1, { a = 1 }]\n"
      "[site]\n"
      "title = \"T\"\n"
      "[[items]]\n"
      "x = 1\n"
      "[[items]]\n"
      "x = 2\n");
  FieldReader r = doc.Reader();
  const TomlValue* site = r.Table("site", Need::kRequired);
  REQUIRE(site);
  CHECK(site->Find("title")->string == "T");
  auto items = r.TableArray("items");
  REQUIRE(items.size() == 2);
  CHECK(items[1]->Find("x")->integer == 2);
  CHECK((r.Table("absent") == nullptr && r.TableArray("absent").empty()));
  CHECK(doc.Messages().empty());

  CHECK(r.Table("s") == nullptr);
  CHECK(r.TableArray("site").empty());
  CHECK(r.TableArray("arr").size() == 1);
  CHECK(r.Table("gone", Need::kRequired) == nullptr);
  CHECK(doc.Messages() == Lines({"f.md:2:1: error: missing required key 'gone' in advisory",
                                "f.md:2:5: error: 's' must be a table, found a string",
                                "f.md:3:8: error: 'arr' must hold tables, found an integer",
                                "f.md:4:1: error: 'site' must be an array of tables, found a "
                                "table"}));
}

TEST_CASE("Sub readers prefix key names and report at their table") {
  Doc doc("id = \"A\"\n\n[[vulnerabilities]]\ncwe = \"CWE-1\"\n");
  FieldReader root = doc.Reader("advisory front matter");
  auto items = root.TableArray("vulnerabilities");
  REQUIRE(items.size() == 1);
  FieldReader v = root.Sub(*items[0], "[[vulnerabilities]]", "vulnerabilities[1].");
  CHECK(v.Name("title") == "vulnerabilities[1].title");
  CHECK((v.Where().line == 4 && v.Where().column == 1 && v.path() == "f.md"));
  v.String("title", Need::kRequired);
  v.Finish();
  CHECK(doc.Messages() ==
        Lines({"f.md:4:1: error: missing required key 'vulnerabilities[1].title' in "
              "[[vulnerabilities]]",
              "f.md:5:1: error: unknown key 'vulnerabilities[1].cwe' in [[vulnerabilities]]; "
              "expected one of: title"}));
}

TEST_CASE("Finish reports each unknown key at the key") {
  Doc doc("title = \"T\"\ntitel = \"T\"\n\n[extra]\na = 1\n");
  FieldReader r = doc.Reader("advisory front matter");
  r.String("title");
  r.String("summary");  // absent keys still count as expected
  r.String("title");    // asked twice: listed once
  r.Bool("draft", false);
  r.Finish();
  // A near miss gets a suggestion; anything else the list of known keys.
  CHECK(doc.Messages() ==
        Lines({"f.md:3:1: error: unknown key 'titel' in advisory front matter; did you mean "
               "'title'?",
               "f.md:5:2: error: unknown key 'extra' in advisory front matter; expected one of: "
               "draft, summary, title"}));
}

TEST_CASE("Finish names unknown keys in nested tables with the prefix") {
  Doc doc("[site]\ntitle = \"T\"\nbase_ulr = \"https://x\"\nzzzzzz = 1\n");
  FieldReader root = doc.Reader("site.toml");
  const TomlValue* site = root.Table("site");
  REQUIRE(site);
  FieldReader r = root.Sub(*site, "[site]", "site.");
  r.String("title");
  r.Url("base_url");
  r.Finish();
  root.Finish();
  CHECK(doc.Messages().find("f.md:5:1: error: unknown key 'site.zzzzzz' in [site]; expected one "
                            "of: base_url, title\n") != std::string::npos);
}

// The hint names the key as the message does, with its table prefix.
TEST_CASE("the did-you-mean suggestion carries the table prefix") {
  Doc doc("[site]\nbase_ulr = \"https://x\"\n");
  FieldReader root = doc.Reader("site.toml");
  FieldReader r = root.Sub(*root.Table("site"), "[site]", "site.");
  r.Url("base_url");
  r.Finish();
  CHECK(doc.Messages() == Lines({"f.md:3:1: error: unknown key 'site.base_ulr' in [site]; did you "
                                 "mean 'site.base_url'?"}));
}

}  // namespace
}  // namespace herald
