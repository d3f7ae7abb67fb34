// JsonWriter must write what nlohmann-json's dump(2) writes for the same
// tree, byte for byte, and refuse keys out of order.
#include "render/json_writer.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <random>
#include "random_text.h"
#include <stdexcept>

namespace herald {
namespace {

using nlohmann::json;

// `j` written through the writer, the way the CSAF code writes its documents.
template <typename Json>
void Write(JsonWriter& w, const Json& j) {
  switch (j.type()) {
    case Json::value_t::object:
      w.BeginObject();
      for (const auto& [key, value] : j.items()) {
        w.Key(key);
        Write(w, value);
      }
      w.EndObject();
      return;
    case Json::value_t::array:
      w.BeginArray();
      for (const auto& item : j) Write(w, item);
      w.EndArray();
      return;
    case Json::value_t::string: w.String(j.template get_ref<const std::string&>()); return;
    case Json::value_t::boolean: w.Bool(j.template get<bool>()); return;
    default: w.Number(j.template get<double>()); return;
  }
}

void Same(const json& j) {
  std::string text;
  JsonWriter w(&text);
  Write(w, j);
  CHECK(text == j.dump(2, ' ', false, json::error_handler_t::replace));
}

TEST_CASE("JsonWriter writes what dump(2) writes") {
  Same(json::object());
  Same(json::array());
  Same(json("plain"));
  Same(json({{"b", true}, {"a", {{"nested", json::array({1.5, -3.0, true, false})}}},
             {"empty", json::object()}, {"list", json::array()},
             {"deep", json::array({json::array(), json::object(), json::array({json::array()}),
                                   {{"k", json::object()}}})}}));
  Same(json(std::string("controls \b\f\n\r\t \x01\x1f \x7f quote \" backslash \\ slash /")));
  Same(json(std::string("nul \0 inside", 12)));
  Same(json("UTF-8: ä € 𝄞 and U+FFFF \xEF\xBF\xBF"));
  Same(json(std::string("bad: \xC3 \xFF \xED\xA0\x80 \xF4\x90\x80\x80 \xE2\x82")));
  // Escapes already written, then a bad byte far on: the whole string is nlohmann's.
  Same(json(std::string("quote \" and tab \t, then ä and plenty of plain bytes, then \xFF")));
  Same(json(std::string("16 plain bytes..\x1f\"\\12345678é€𝄞 plain bytes")));
  Same(json({{"scores", {9.8, 10.0, 0.1, 1e-7, 123456789.0, 7.0, -0.0}}, {"k\"ey\n", "v"}}));
  Same(json({{std::string("bad key \xFF"), "v"}, {"Z", "upper case sorts first"}}));
}

TEST_CASE("JsonWriter writes what dump(2) writes for random strings") {
  std::mt19937 random(20270102);
  for (int n = 0; n < 2000; ++n) {
    std::string s = testing::RandomText(random, 100, n % 4 == 0);  // mostly valid, some not
    CAPTURE(s);
    Same(json({{"text", s}, {s, {s}}}));
  }
}

TEST_CASE("JsonWriter keeps keys as written, indented or compact, like ordered_json") {
  using ordered = nlohmann::ordered_json;
  ordered j = {{"version", "1.1"}, {"title", "t \"q\""},
               {"items", {{{"id", "b"}, {"tags", ordered::array()}, {"a", {1.5, true}}}}},
               {"empty", ordered::object()}, {"list", {ordered::array(), ordered::object()}}};
  for (auto [layout, indent] : {std::pair{kJsonOrdered, 2}, {kJsonOrderedCompact, -1}}) {
    std::string text;
    JsonWriter w(&text, layout);
    Write(w, j);
    CHECK(text == j.dump(indent, ' ', false, ordered::error_handler_t::replace));
  }
}

TEST_CASE("JsonWriter helpers") {
  std::string text;
  JsonWriter w(&text);
  w.BeginObject();
  w.Field("ids", "x");
  w.Key("list");
  w.StringArray(std::vector<std::string>{"b", "a"});
  w.EndObject();
  CHECK(text == json({{"ids", "x"}, {"list", {"b", "a"}}}).dump(2));
}

TEST_CASE("JsonWriter refuses keys out of order and misplaced keys or values") {
  std::string text;
  JsonWriter w(&text);
  w.BeginObject();
  w.Field("b", "1");
  CHECK_THROWS_AS(w.Key("a"), std::logic_error);
  CHECK_THROWS_AS(w.Key("b"), std::logic_error);  // a key twice
  CHECK_THROWS_AS(w.String("no key"), std::logic_error);
  w.Key("c");
  CHECK_THROWS_AS(w.Key("d"), std::logic_error);  // "c" has no value yet
  CHECK_THROWS_AS(w.EndObject(), std::logic_error);
  w.BeginArray();
  CHECK_THROWS_AS(w.Key("x"), std::logic_error);
  CHECK_THROWS_AS(w.EndObject(), std::logic_error);
  w.EndArray();
  w.Key("d");
  w.BeginObject();  // keys are checked per object
  w.Field("a", "");
  w.EndObject();
  w.EndObject();
  CHECK(text == json({{"b", "1"}, {"c", json::array()}, {"d", {{"a", ""}}}}).dump(2));
}

}  // namespace
}  // namespace herald
