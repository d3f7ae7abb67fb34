#include "render/templates.h"

#include <regex>

#include "render/mustache.h"

namespace herald {
namespace {

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

}  // namespace

struct TemplateSet::Impl {
  struct Compiled {
    std::string expanded;  // the template's text with partials inlined
    std::string origin;
    MustacheTemplate parsed;
  };
  std::map<std::string, Compiled> templates;
};

TemplateSet::TemplateSet() : impl_(std::make_unique<Impl>()) {}
TemplateSet::~TemplateSet() = default;
TemplateSet::TemplateSet(TemplateSet&&) noexcept = default;
TemplateSet& TemplateSet::operator=(TemplateSet&&) noexcept = default;

bool TemplateSet::Compile(const Theme& theme, Diagnostics& diags) {
  bool ok = true;
  for (const auto& [name, file] : theme.templates) {
    MustacheTemplate check = MustacheTemplate::Parse(file.text);
    if (!check.ok()) {
      diags.Error(PositionIn(file, check.error()), "template error: " + check.error());
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
    // Parsed once here; every page rendered with it shares the result.
    MustacheTemplate parsed = MustacheTemplate::Parse(text);
    if (!parsed.ok()) {
      diags.Error({file.origin, 0, 0}, "template error: " + parsed.error());
      ok = false;
    }
    impl_->templates[name] = {std::move(text), file.origin, std::move(parsed)};
  }
  return ok;
}

bool TemplateSet::Has(const std::string& name) const { return impl_->templates.count(name) > 0; }

std::string TemplateSet::ExpandedText(const std::string& name) const {
  auto it = impl_->templates.find(name);
  return it == impl_->templates.end() ? std::string() : it->second.expanded;
}

std::string TemplateSet::Render(const std::string& name, const nlohmann::json& data,
                                Diagnostics& diags) const {
  auto it = impl_->templates.find(name);
  if (it == impl_->templates.end()) {
    diags.Error({"themes", 0, 0}, "the theme has no template '" + name + ".mustache'");
    return {};
  }
  // Pages may stay in memory until the build writes them: render into a
  // buffer that keeps its capacity, and return an exact-size copy rather
  // than a string grown by doubling. A buffer grown by an exceptional page
  // (the list of every advisory) is let go rather than kept for the thread.
  thread_local std::string buffer;
  buffer.clear();
  std::string error;
  if (!it->second.parsed.Render(data, &buffer, &error)) {
    diags.Error({it->second.origin, 0, 0}, "template error: " + error);
  }
  std::string page(buffer);
  if (buffer.capacity() > (size_t{1} << 20)) std::string().swap(buffer);
  return page;
}

}  // namespace herald
