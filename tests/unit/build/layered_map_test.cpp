// LayeredMap: every version reads as the map it stands for, whatever is
// layered and whatever was folded.
#include "build/layered_map.h"

#include <doctest/doctest.h>

#include <random>

namespace herald {
namespace {

std::map<std::string, int> Contents(const LayeredMap<int>& m) {
  std::map<std::string, int> out;
  m.ForEach([&](const std::string& key, int value) { out[key] = value; });
  return out;
}

TEST_CASE("LayeredMap reads as the map it stands for") {
  auto base = std::make_shared<LayeredMap<int>>(std::map<std::string, int>{{"a", 1}, {"b", 2}, {"c", 3}});
  auto next = base->With({{"b", std::nullopt}, {"d", 4}, {"a", 10}, {"zz", std::nullopt}});
  CHECK(Contents(*base) == std::map<std::string, int>{{"a", 1}, {"b", 2}, {"c", 3}});  // unchanged
  CHECK(Contents(*next) == std::map<std::string, int>{{"a", 10}, {"c", 3}, {"d", 4}});
  CHECK(next->size() == 3);
  CHECK(next->Find("b") == nullptr);
  CHECK(*next->Find("a") == 10);
  CHECK(next->Keys() == std::vector<std::string>{"a", "c", "d"});
  auto again = next->With({{"b", 5}, {"d", std::nullopt}});
  CHECK(Contents(*again) == std::map<std::string, int>{{"a", 10}, {"b", 5}, {"c", 3}});
  CHECK(again->size() == 3);
  CHECK(LayeredMap<int>().empty());
}

TEST_CASE("LayeredMap stays right across many versions and folds") {
  std::mt19937 random(7);
  std::map<std::string, int> model;
  auto m = std::make_shared<const LayeredMap<int>>();
  for (int step = 0; step < 400; ++step) {
    LayeredMap<int>::Changes changes;
    for (int k = 0; k < 1 + step % 40; ++k) {
      std::string key = "k" + std::to_string(random() % 600);
      if (random() % 3 == 0) {
        changes[key] = std::nullopt;
        model.erase(key);
      } else {
        int value = static_cast<int>(random() % 1000);
        changes[key] = value;
        model[key] = value;
      }
    }
    m = m->With(changes);
    REQUIRE(m->size() == model.size());
  }
  CHECK(Contents(*m) == model);
  for (const auto& [key, value] : model) CHECK(*m->Find(key) == value);
}

}  // namespace
}  // namespace herald
