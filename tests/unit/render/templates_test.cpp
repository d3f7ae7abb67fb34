// Tests for render/templates.cpp: a theme's templates are compiled once,
// partials inlined, errors placed at file:line:col, and one compiled set
// renders pages on several threads at once.
#include "render/templates.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <thread>

namespace herald {
namespace {

using nlohmann::json;

Theme MakeTheme() {
  Theme theme;
  auto add = [&](const std::string& name, const std::string& text) {
    theme.templates[name] = {text, "themes/t/templates/" + name + ".mustache"};
  };
  add("page",
      "<html lang=\"{{site.lang}}\">\n{{> head}}\n<ul>\n{{#rows}}\n{{> row}}\n{{/rows}}\n</ul>\n"
      "{{^rows}}<p>None</p>{{/rows}}\n");
  add("partials/head", "<title>{{page.title}}</title>{{> partials/badge}}");
  add("partials/badge", "{{#page.flag}}<b>{{page.flag}}</b>{{/page.flag}}");
  add("partials/row", "<li><a href=\"{{url}}\">{{title}}</a></li>");
  return theme;
}

json PageData(int rows) {
  json list = json::array();
  for (int i = 0; i < rows; ++i) {
    list.push_back({{"url", "/a/" + std::to_string(i) + "/"}, {"title", "A & " + std::to_string(i)}});
  }
  return {{"site", {{"lang", "en"}}}, {"page", {{"title", "T<1>"}, {"flag", "new"}}}, {"rows", list}};
}

TEST_CASE("partials are inlined, nested ones too, and the page renders from them") {
  TemplateSet set;
  Diagnostics diags;
  REQUIRE(set.Compile(MakeTheme(), diags));
  CHECK_FALSE(diags.HasErrors());
  CHECK(set.Has("page"));
  CHECK_FALSE(set.Has("partials/row"));  // partials are not pages
  CHECK(set.ExpandedText("page").find("<li><a href=\"{{url}}\">{{title}}</a></li>") !=
        std::string::npos);
  CHECK(set.ExpandedText("nope").empty());

  CHECK(set.Render("page", PageData(2), diags) ==
        "<html lang=\"en\">\n<title>T&lt;1&gt;</title><b>new</b>\n<ul>\n"
        "<li><a href=\"/a/0/\">A &amp; 0</a></li>\n<li><a href=\"/a/1/\">A &amp; 1</a></li>\n"
        "</ul>\n\n");
  CHECK(set.Render("page", PageData(0), diags) ==
        "<html lang=\"en\">\n<title>T&lt;1&gt;</title><b>new</b>\n<ul>\n\n</ul>\n<p>None</p>\n");
  CHECK_FALSE(diags.HasErrors());
}

TEST_CASE("rendering does not change the compiled template") {
  TemplateSet set;
  Diagnostics diags;
  REQUIRE(set.Compile(MakeTheme(), diags));
  std::string first = set.Render("page", PageData(3), diags);
  set.Render("page", PageData(0), diags);
  set.Render("page", json::object(), diags);
  CHECK(set.Render("page", PageData(3), diags) == first);
}

TEST_CASE("one compiled set renders pages on several threads at once") {
  TemplateSet set;
  Diagnostics diags;
  REQUIRE(set.Compile(MakeTheme(), diags));
  std::vector<std::string> expected;
  for (int i = 0; i < 40; ++i) expected.push_back(set.Render("page", PageData(i), diags));
  std::vector<std::vector<std::string>> got(4);
  std::vector<std::thread> threads;
  for (int w = 0; w < 4; ++w) {
    threads.emplace_back([&, w] {
      for (int i = 0; i < 40; ++i) got[w].push_back(set.Render("page", PageData((i + w * 7) % 40), diags));
    });
  }
  for (auto& t : threads) t.join();
  for (int w = 0; w < 4; ++w) {
    for (int i = 0; i < 40; ++i) CHECK(got[w][i] == expected[(i + w * 7) % 40]);
  }
  CHECK_FALSE(diags.HasErrors());
}

TEST_CASE("a syntax error names the template file, line and column") {
  Theme theme = MakeTheme();
  theme.templates["partials/row"].text = "<li>\n  {{#open}}{{title}}</li>";
  TemplateSet set;
  Diagnostics diags;
  CHECK_FALSE(set.Compile(theme, diags));
  REQUIRE(diags.ErrorCount() == 1);
  Diagnostic d = diags.Sorted().front();
  CHECK(d.where.path == "themes/t/templates/partials/row.mustache");
  CHECK(d.where.line == 2);
  CHECK(d.where.column == 3);
  CHECK(d.message == "template error: Unclosed section \"open\" at 7");
}

TEST_CASE("a missing partial or template is an error") {
  Theme theme = MakeTheme();
  theme.templates["page"].text = "{{> nowhere}}";
  TemplateSet set;
  Diagnostics diags;
  CHECK_FALSE(set.Compile(theme, diags));
  REQUIRE(diags.ErrorCount() == 1);
  CHECK(diags.Sorted().front().message ==
        "template uses partial 'nowhere', which does not exist in templates/partials/");

  TemplateSet good;
  Diagnostics render_diags;
  REQUIRE(good.Compile(MakeTheme(), render_diags));
  CHECK(good.Render("absent", json::object(), render_diags).empty());
  REQUIRE(render_diags.ErrorCount() == 1);
  CHECK(render_diags.Sorted().front().message == "the theme has no template 'absent.mustache'");
}

}  // namespace
}  // namespace herald
