// Tests for render/mustache.cpp: a template parsed once renders exactly what
// kainjow renders from the same data converted to kainjow's types (what
// herald did before it rendered from JSON directly), for hand-picked cases
// and for generated templates and data, and data holding links renders as
// the same data with copies in their place. kainjow is included here as the
// reference the renderer must match.
#include "render/mustache.h"

#include <doctest/doctest.h>

#include <deque>
#include <kainjow/mustache.hpp>
#include <nlohmann/json.hpp>
#include <random>
#include <thread>

namespace herald {
namespace {

namespace mst = kainjow::mustache;
using nlohmann::json;

// The conversion herald used before: null and "" leave objects, null is
// false, numbers become their JSON text.
mst::data ToData(const json& j) {
  switch (j.type()) {
    case json::value_t::object: {
      mst::data out{mst::data::type::object};
      for (const auto& [key, value] : j.items()) {
        if (value.is_null() || (value.is_string() && value.get_ref<const std::string&>().empty())) {
          continue;
        }
        out.set(key, ToData(value));
      }
      return out;
    }
    case json::value_t::array: {
      mst::data out{mst::data::type::list};
      for (const auto& value : j) out.push_back(ToData(value));
      return out;
    }
    case json::value_t::string: return mst::data(j.get<std::string>());
    case json::value_t::boolean: return mst::data(j.get<bool>());
    case json::value_t::null: return mst::data(false);
    default: return mst::data(j.dump());
  }
}

std::string Reference(const std::string& text, const json& data) {
  mst::mustache tmpl(text);
  return tmpl.render(ToData(MustacheUnlinked(data)));
}

std::string Render(const std::string& text, const json& data) {
  MustacheTemplate t = MustacheTemplate::Parse(text);
  REQUIRE_MESSAGE(t.ok(), t.error());
  std::string out, error;
  CHECK_MESSAGE(t.Render(data, &out, &error), error);
  return out;
}

// Renders with both and returns the result, failing when they differ.
std::string Both(const std::string& text, const json& data) {
  std::string ours = Render(text, data);
  CHECK_MESSAGE(ours == Reference(text, data),
                "template: " << text << "\ndata: " << MustacheUnlinked(data).dump());
  return ours;
}

TEST_CASE("variables escape HTML unless triple or &") {
  json data = {{"a", "<b> & \"q\" 'x'"}};
  CHECK(Both("{{a}}|{{{a}}}|{{&a}}", data) ==
        "&lt;b&gt; &amp; &quot;q&quot; &apos;x&apos;|<b> & \"q\" 'x'|<b> & \"q\" 'x'");
  CHECK(Both("[{{missing}}]", data) == "[]");
  using namespace std::string_literals;
  CHECK(Both("{{n}}", {{"n", "a\0<b>\0"s}}) == "a\0&lt;b&gt;\0"s);  // NUL is text, not the end
}

TEST_CASE("numbers render as JSON text; booleans, lists and objects render nothing") {
  json data = {{"i", 42}, {"u", 7u}, {"f", 1.5}, {"t", true}, {"l", {1, 2}}, {"o", {{"x", 1}}}};
  CHECK(Both("{{i}} {{u}} {{f}} [{{t}}{{l}}{{o}}]", data) == "42 7 1.5 []");
}

TEST_CASE("sections: lists repeat, objects and true open once, false and [] hide") {
  json data = {{"items", {{{"n", "1"}}, {{"n", "2"}}}},
               {"obj", {{"n", "o"}}},
               {"yes", true},
               {"no", false},
               {"empty", json::array()},
               {"eobj", json::object()}};
  CHECK(Both("{{#items}}<{{n}}>{{/items}}", data) == "<1><2>");
  CHECK(Both("{{#obj}}{{n}}{{/obj}}", data) == "o");
  CHECK(Both("{{#yes}}y{{/yes}}{{#no}}n{{/no}}{{#empty}}e{{/empty}}", data) == "y");
  CHECK(Both("{{#eobj}}shown{{/eobj}}", data) == "shown");
}

TEST_CASE("inverted sections show for missing, null, \"\", false and []") {
  json data = {{"null", nullptr}, {"blank", ""}, {"no", false}, {"empty", json::array()},
               {"full", {1}}, {"s", "x"}};
  CHECK(Both("{{^missing}}m{{/missing}}{{^null}}n{{/null}}{{^blank}}b{{/blank}}"
             "{{^no}}f{{/no}}{{^empty}}e{{/empty}}{{^full}}X{{/full}}{{^s}}X{{/s}}",
             data) == "mnbfe");
}

TEST_CASE("a null or empty value is absent, so the name resolves in an outer context") {
  json data = {{"name", "outer"},
               {"items", {{{"name", ""}}, {{"name", nullptr}}, {{"name", "inner"}}, json::object()}}};
  CHECK(Both("{{#items}}{{name}},{{/items}}", data) == "outer,outer,inner,outer,");
}

TEST_CASE("dotted names resolve part by part, falling back to outer contexts") {
  json data = {{"a", {{"b", {{"c", "abc"}}}}},
               {"x", {{"a", {{"b", "no c here"}}}, {"y", "xy"}}},
               {"s", "str"}};
  CHECK(Both("{{a.b.c}}|{{a.b}}|{{s.len}}|{{a.missing}}", data) == "abc|||");
  // Inside x, "a.b.c" fails (x.a.b is a string) and is found at the root.
  CHECK(Both("{{#x}}{{a.b.c}} {{y}}{{/x}}", data) == "abc xy");
  CHECK(Both("{{#a.b}}{{c}}{{/a.b}}", data) == "abc");
}

TEST_CASE("{{.}} is the current item: strings, numbers, and nothing for null or false") {
  json data = {{"list", {"a<", 3, nullptr, false, true, "", {1, 2}}}};
  CHECK(Both("{{#list}}[{{.}}]{{/list}}", data) == "[a&lt;][3][][][][][]");
  CHECK(Both("{{#list}}{{#.}}+{{/.}}{{^.}}-{{/.}}{{/list}}", data) == "++--++++");
  json nested = {{"rows", {{"a", "b"}, json::array(), {"c"}}}};
  CHECK(Both("{{#rows}}({{#.}}{{.}}{{/.}}){{/rows}}", nested) == "(ab)()(c)");
}

TEST_CASE("a link renders as its target, wherever it stands") {
  json row = {{"id", "A<1"}, {"tags", {"x", "y"}}, {"name", ""}, {"n", 2}};
  json blank = "", none = nullptr, no = false, yes = true, list = json::array({MustacheLink(row)});
  json link = MustacheLink(row);
  json data = {{"name", "outer"},
               {"rows", {MustacheLink(row), MustacheLink(link)}},
               {"row", MustacheLink(row)},
               {"list", MustacheLink(list)},
               {"blank", MustacheLink(blank)},
               {"none", MustacheLink(none)},
               {"no", MustacheLink(no)},
               {"yes", MustacheLink(yes)}};
  CHECK(Both("{{#rows}}{{id}} {{name}} {{#tags}}{{.}}{{/tags}} {{n}};{{/rows}}", data) ==
        "A&lt;1 outer xy 2;A&lt;1 outer xy 2;");
  CHECK(Both("{{row.id}}|{{#row}}{{{id}}}{{/row}}|{{#list}}{{n}}{{/list}}", data) == "A&lt;1|A<1|2");
  CHECK(Both("{{blank}}{{^blank}}-{{/blank}}{{^none}}-{{/none}}{{^no}}-{{/no}}{{#yes}}+{{/yes}}", data) ==
        "---+");
  CHECK(Both("{{name}}", MustacheLink(data)) == "outer");
  CHECK(MustacheUnlinked(data)["rows"][1] == row);
  CHECK(MustacheUnlinked(data)["list"] == json::array({row}));
}

TEST_CASE("lines holding only section tags and blanks disappear") {
  json data = {{"x", true}, {"no", false}, {"list", {"1", "2"}}, {"sp", " "}, {"nl", "\n"}};
  CHECK(Both("a\n{{#x}}\nb\n{{/x}}\nc\n", data) == "a\nb\nc\n");
  // kainjow marks a line only when a section renders, so a hidden one leaves its blanks.
  CHECK(Both("a\n  {{#no}}  \nb\n  {{/no}}\t\nc\n", data) == "a\n  \t\nc\n");
  CHECK(Both("<ul>\n{{#list}}\n  <li>{{.}}</li>\n{{/list}}\n</ul>\n", data) ==
        "<ul>\n  <li>1</li>\n  <li>2</li>\n</ul>\n");
  CHECK(Both("a {{#x}}b{{/x}}\n", data) == "a b\n");
  CHECK(Both("x\r\n{{#x}}\r\ny\r\n{{/x}}\r\n", data) == "x\r\ny\r\n");
  // kainjow's rules, kept: a blank value on a section line drops it too; a
  // newline inside a value is not blank; the last line needs no newline.
  CHECK(Both("{{#x}}{{sp}}{{/x}}\nz", data) == "z");
  CHECK(Both("{{#x}}{{nl}}{{/x}}\nz", data) == "\n\nz");
  CHECK(Both("x\n{{#x}}{{/x}}", data) == "x\n");
  CHECK(Both("  {{sp}}  \n", data) == "     \n");
}

TEST_CASE("comments and delimiter changes render nothing") {
  json data = {{"a", "A"}};
  CHECK(Both("1{{! a comment }}2\n{{! alone }}\n3", data) == "12\n\n3");
  CHECK(Both("{{=<% %>=}}<%a%>{{a}}<%={{ }}=%>{{a}}", data) == "A{{a}}A");
}

TEST_CASE("a partial tag takes its template from the data") {
  CHECK(Both("<{{> p}}>", {{"p", "[{{a}}]"}, {"a", "1"}}) == "<[1]>");
  CHECK(Both("<{{> missing}}>", {{"a", "1"}}) == "<>");
  MustacheTemplate t = MustacheTemplate::Parse("<{{> p}}>");
  std::string out, error;
  CHECK_FALSE(t.Render({{"p", "{{#open}}"}}, &out, &error));
  CHECK(error == "Unclosed section \"open\" at 0");
}

TEST_CASE("parse errors carry kainjow's message and offset") {
  for (const char* text : {"ab{{#a}}", "x{{a", "{{/a}}", "{{#a}}{{/b}}", "{{=x=}}"}) {
    MustacheTemplate t = MustacheTemplate::Parse(text);
    mst::mustache reference(text);
    CHECK_FALSE(t.ok());
    CHECK(t.error() == reference.error_message());
  }
  CHECK(MustacheTemplate::Parse("ab{{#a}}").error() == "Unclosed section \"a\" at 2");
}

TEST_CASE("one parsed template renders the same on many threads at once") {
  MustacheTemplate t = MustacheTemplate::Parse("{{#rows}}<li>{{n}} {{t}}</li>\n{{/rows}}{{^rows}}none{{/rows}}");
  REQUIRE(t.ok());
  auto data_for = [](int i) {
    json rows = json::array();
    for (int k = 0; k < i % 7; ++k) rows.push_back({{"n", std::to_string(k)}, {"t", "<" + std::to_string(i)}});
    return json{{"t", "outer"}, {"rows", rows}};
  };
  std::vector<std::string> expected(64);
  for (int i = 0; i < 64; ++i) {
    std::string error;
    REQUIRE(t.Render(data_for(i), &expected[i], &error));
  }
  std::vector<std::vector<std::string>> got(4, std::vector<std::string>(64));
  std::vector<std::thread> threads;
  for (int w = 0; w < 4; ++w) {
    threads.emplace_back([&, w] {
      for (int round = 0; round < 20; ++round) {
        for (int i = 0; i < 64; ++i) {
          std::string out, error;
          t.Render(data_for(i), &out, &error);
          if (round == 0) got[w][i] = out;
          else if (out != got[w][i]) got[w][i] = "differs between rounds";
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int w = 0; w < 4; ++w) CHECK(got[w] == expected);
}

// Generated templates and data: every construct the renderer knows, nested,
// against the reference.
class Generator {
 public:
  explicit Generator(unsigned seed) : rng_(seed) {}

  std::string Template(int depth) {
    static const char* const kText[] = {"a", " ", "\t", "\n", "\r\n", "<&>", "x y"};
    std::string out;
    int n = Pick(6);
    for (int i = 0; i < n; ++i) {
      switch (Pick(depth > 0 ? 8 : 5)) {
        case 0: case 1: out += kText[Pick(7)]; break;
        case 2: out += "{{" + Name() + "}}"; break;
        case 3: out += Pick(2) ? "{{{" + Name() + "}}}" : "{{& " + Name() + " }}"; break;
        case 4: out += Pick(4) ? "\n" : "{{! note }}"; break;
        default: {
          std::string name = Name();
          const char* open = Pick(3) ? "#" : "^";
          std::string pad = Pick(2) ? "  " : "";
          std::string nl = Pick(2) ? "\n" : "";
          out += pad + "{{" + open + name + "}}" + nl + Template(depth - 1) + pad + "{{/" + name + "}}" + nl;
        }
      }
    }
    return out;
  }

  json Value(int depth) {
    static const char* const kStrings[] = {"", " ", "v", "<i>", "a\nb", "\t"};
    switch (Pick(depth > 0 ? 10 : 6)) {
      case 0: return kStrings[Pick(6)];
      case 1: return Pick(2) == 1;
      case 2: return nullptr;
      case 3: return Pick(100);
      case 4: return 0.25 * Pick(9);
      case 5: return kStrings[2];
      case 6: {  // a link to a value kept apart, as pages link to shared parts
        targets_.push_back(Value(depth - 1));
        return MustacheLink(targets_.back());
      }
      case 7: case 8: {
        json list = json::array();
        for (int i = Pick(4); i > 0; --i) list.push_back(Value(depth - 1));
        return list;
      }
      default: return Object(depth - 1);
    }
  }

  json Object(int depth) {
    json o = json::object();
    for (const char* key : {"a", "b", "c"}) {
      if (Pick(3)) o[key] = Value(depth);
    }
    return o;
  }

 private:
  int Pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }
  std::string Name() {
    static const char* const kNames[] = {"a", "b", "c", "a.b", "b.c", ".", "a.a.c"};
    return kNames[Pick(7)];
  }
  std::mt19937 rng_;
  std::deque<json> targets_;  // what links point to: never moved
};

TEST_CASE("generated templates render as kainjow renders them") {
  Generator gen(20261122);
  int differences = 0;
  for (int i = 0; i < 3000 && differences < 5; ++i) {
    std::string text = gen.Template(3);
    json data = gen.Object(3);
    MustacheTemplate t = MustacheTemplate::Parse(text);
    mst::mustache reference(text);
    REQUIRE(t.ok() == reference.is_valid());
    std::string ours, error;
    REQUIRE(t.Render(data, &ours, &error));
    std::string theirs = reference.render(ToData(MustacheUnlinked(data)));
    if (ours != theirs) {
      ++differences;
      FAIL_CHECK("template: " << json(text).dump() << "\ndata: " << MustacheUnlinked(data).dump() << "\nours:   "
                              << json(ours).dump() << "\nkainjow: " << json(theirs).dump());
    }
  }
  CHECK(differences == 0);
}

}  // namespace
}  // namespace herald
