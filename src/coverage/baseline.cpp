// Parses the embedded publication baseline (data/README.md).
#include "coverage/baseline.h"

#include <stdexcept>
#include <toml++/toml.h>

namespace herald {
namespace embedded {
extern const char kBaselineToml[];
extern const unsigned long kBaselineToml_size;
}  // namespace embedded

namespace {

std::string Str(const toml::table& t, const char* key) {
  if (auto v = t[key].value<std::string>()) return *v;
  return {};
}

std::vector<std::string> StrList(const toml::table& t, const char* key) {
  std::vector<std::string> out;
  const toml::node* node = t.get(key);
  if (!node) return out;
  if (auto s = node->value<std::string>()) {
    out.push_back(*s);
  } else if (auto arr = node->as_array()) {
    for (const auto& el : *arr) {
      if (auto s = el.value<std::string>()) out.push_back(*s);
    }
  }
  return out;
}

std::map<std::string, std::string> StrTable(const toml::table& t, const char* key) {
  std::map<std::string, std::string> out;
  if (auto tab = t[key].as_table()) {
    for (const auto& [k, v] : *tab) {
      if (auto s = v.value<std::string>()) out[std::string(k.str())] = *s;
    }
  }
  return out;
}

}  // namespace

Baseline ParseBaseline(std::string_view toml_text) {
  toml::table root;
  try {
    root = toml::parse(toml_text, std::string_view("baseline.toml"));
  } catch (const toml::parse_error& err) {
    throw std::runtime_error(std::string("baseline.toml: ") + std::string(err.description()));
  }
  Baseline b;
  b.schema_version = Str(root, "schema_version");
  b.checks = StrTable(root, "checks");
  b.levels = StrTable(root, "levels");
  b.scopes = StrTable(root, "scopes");
  if (auto items = root["item"].as_array()) {
    for (const auto& node : *items) {
      const toml::table* t = node.as_table();
      if (!t) throw std::runtime_error("baseline.toml: [[item]] is not a table");
      BaselineItem it;
      it.id = Str(*t, "id");
      it.source = Str(*t, "source");
      it.section = Str(*t, "section");
      it.level = Str(*t, "level");
      it.scope = Str(*t, "scope");
      it.summary = Str(*t, "summary");
      it.satisfied_by = StrList(*t, "satisfied_by");
      it.checks = StrList(*t, "check");
      it.when = Str(*t, "when");
      it.param = Str(*t, "param");
      if (it.id.empty() || it.checks.empty() || it.satisfied_by.empty()) {
        throw std::runtime_error("baseline.toml: item '" + it.id + "' lacks id, check or satisfied_by");
      }
      b.items.push_back(std::move(it));
    }
  }
  return b;
}

const Baseline& BuiltinBaseline() {
  static const Baseline kBaseline =
      ParseBaseline(std::string_view(embedded::kBaselineToml, embedded::kBaselineToml_size));
  return kBaseline;
}

}  // namespace herald
