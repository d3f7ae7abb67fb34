#include "render/templates.h"

#include <kainjow/mustache.hpp>
#include <nlohmann/json.hpp>

#include <regex>
#include <set>

namespace herald {
namespace {

namespace mst = kainjow::mustache;

SourceLocation PositionIn(const ThemeFile& file, const std::string& message) {
  SourceLocation at{file.origin, 0, 0};
  std::smatch m;
  if (std::regex_search(message, m, std::regex("at ([0-9]+)"))) {
    size_t offset = std::stoul(m[1]);
    at.line = 1;
    at.column = 1;
    for (size_t i = 0; i < offset && i < file.text.size(); ++i) {
      if (file.text[i] == '\n') {
        ++at.line;
        at.column = 1;
      } else {
        ++at.column;
      }
    }
  }
  return at;
}

mst::data ToData(const nlohmann::json& j) {
  switch (j.type()) {
    case nlohmann::json::value_t::object: {
      mst::data out{mst::data::type::object};
      for (const auto& [key, value] : j.items()) {
        if (value.is_null() || (value.is_string() && value.get_ref<const std::string&>().empty())) {
          continue;
        }
        out.set(key, ToData(value));
      }
      return out;
    }
    case nlohmann::json::value_t::array: {
      mst::data out{mst::data::type::list};
      for (const auto& value : j) out.push_back(ToData(value));
      return out;
    }
    case nlohmann::json::value_t::string:
      return mst::data(j.get<std::string>());
    case nlohmann::json::value_t::boolean:
      return mst::data(j.get<bool>());
    case nlohmann::json::value_t::null:
      return mst::data(false);
    default:
      return mst::data(j.dump());
  }
}

}  // namespace

struct TemplateSet::Impl {
  std::map<std::string, std::string> expanded;  // name → template text with partials inlined
  std::map<std::string, std::string> origins;
};

TemplateSet::TemplateSet() : impl_(std::make_unique<Impl>()) {}
TemplateSet::~TemplateSet() = default;
TemplateSet::TemplateSet(TemplateSet&&) noexcept = default;
TemplateSet& TemplateSet::operator=(TemplateSet&&) noexcept = default;

bool TemplateSet::Compile(const Theme& theme, Diagnostics& diags) {
  bool ok = true;
  for (const auto& [name, file] : theme.templates) {
    mst::mustache check(file.text);
    if (!check.is_valid()) {
      diags.Error(PositionIn(file, check.error_message()),
                  "template error: " + check.error_message());
      ok = false;
    }
  }
  if (!ok) return false;
  static const std::regex kPartial(R"(\{\{>\s*([A-Za-z0-9_./-]+)\s*\}\})");
  for (const auto& [name, file] : theme.templates) {
    if (name.rfind("partials/", 0) == 0) continue;
    std::string text = file.text;
    // Expand repeatedly; a depth limit stops recursive partials.
    for (int depth = 0; depth < 8; ++depth) {
      std::smatch m;
      std::string out;
      auto begin = text.cbegin();
      bool changed = false;
      while (std::regex_search(begin, text.cend(), m, kPartial)) {
        out.append(begin, m[0].first);
        std::string partial = m[1];
        auto it = theme.templates.find("partials/" + partial);
        if (it == theme.templates.end()) it = theme.templates.find(partial);
        if (it == theme.templates.end()) {
          diags.Error({file.origin, 0, 0}, "template uses partial '" + partial +
                                               "', which does not exist in templates/partials/");
          ok = false;
        } else {
          out += it->second.text;
          changed = true;
        }
        begin = m[0].second;
      }
      out.append(begin, text.cend());
      text = std::move(out);
      if (!changed) break;
    }
    impl_->expanded[name] = std::move(text);
    impl_->origins[name] = file.origin;
  }
  return ok;
}

bool TemplateSet::Has(const std::string& name) const { return impl_->expanded.count(name) > 0; }

std::string TemplateSet::ExpandedText(const std::string& name) const {
  auto it = impl_->expanded.find(name);
  return it == impl_->expanded.end() ? std::string() : it->second;
}

std::string TemplateSet::Render(const std::string& name, const nlohmann::json& data,
                                Diagnostics& diags) const {
  auto it = impl_->expanded.find(name);
  if (it == impl_->expanded.end()) {
    diags.Error({"themes", 0, 0}, "the theme has no template '" + name + ".mustache'");
    return {};
  }
  mst::mustache tmpl(it->second);
  std::string out = tmpl.render(ToData(data));
  if (!tmpl.is_valid()) {
    diags.Error({impl_->origins[name], 0, 0}, "template error: " + tmpl.error_message());
  }
  return out;
}

}  // namespace herald
