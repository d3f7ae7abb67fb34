// JsonText must write what nlohmann-json's dump writes, byte for byte.
#include "render/json_text.h"

#include <doctest/doctest.h>

#include <random>

#include "random_text.h"

namespace herald {
namespace {

template <typename Json>
void Same(const Json& j) {
  for (int indent : {-1, 0, 2, 4}) {
    CAPTURE(indent);
    CHECK(JsonText(j, indent) == j.dump(indent, ' ', false, Json::error_handler_t::replace));
  }
}

TEST_CASE("JsonText writes what dump writes") {
  using json = nlohmann::json;
  Same(json());
  Same(json::object());
  Same(json::array());
  Same(json("plain"));
  Same(json({{"b", 1}, {"a", {{"nested", json::array({1, 2.5, -3, true, false, nullptr})}}},
             {"empty", json::object()}, {"list", json::array()}}));
  Same(json(std::string("controls \b\f\n\r\t \x01\x1f \x7f quote \" backslash \\ slash /")));
  Same(json(std::string("nul \0 inside", 12)));
  Same(json("UTF-8: ä € 𝄞 and U+FFFF \xEF\xBF\xBF"));
  Same(json(std::string("bad: \xC3 \xFF \xED\xA0\x80 \xF4\x90\x80\x80 \xE2\x82")));  // replaced by nlohmann's rules
  Same(json({{"scores", {9.8, 10.0, 0.1, 1e-7, 123456789.0, 7}}, {"k\"ey\n", "v"}}));
  nlohmann::ordered_json ordered;
  ordered["z"] = "first";
  ordered["a"] = nlohmann::ordered_json::array({"x", nlohmann::ordered_json::object()});
  Same(ordered);
}

TEST_CASE("JsonText writes what dump writes for random strings") {
  std::mt19937 random(20270101);
  for (int n = 0; n < 2000; ++n) {
    std::string s = testing::RandomText(random, 40, n % 4 == 0);  // mostly valid, some not
    CAPTURE(s);
    nlohmann::json j = {{"text", s}, {s, {s}}};
    CHECK(JsonText(j, 2) == j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace));
  }
}

}  // namespace
}  // namespace herald
