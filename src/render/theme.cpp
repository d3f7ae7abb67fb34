#include "render/theme.h"

namespace herald {
namespace {

constexpr char kTemplatesDir[] = "templates/";
constexpr char kStaticDir[] = "static/";
constexpr char kSuffix[] = ".mustache";

void Add(Theme& theme, const std::string& rel, std::string bytes, const std::string& origin) {
  if (rel.rfind(kTemplatesDir, 0) == 0) {
    std::string name = rel.substr(sizeof(kTemplatesDir) - 1);
    if (name.size() <= sizeof(kSuffix) - 1 ||
        name.compare(name.size() - (sizeof(kSuffix) - 1), std::string::npos, kSuffix) != 0) {
      return;
    }
    name.resize(name.size() - (sizeof(kSuffix) - 1));
    theme.templates[name] = {std::move(bytes), origin};
  } else if (rel.rfind(kStaticDir, 0) == 0) {
    theme.assets[rel.substr(sizeof(kStaticDir) - 1)] = std::move(bytes);
  }
}

}  // namespace

Theme LoadTheme(const SourceTree& site, const std::string& name, Diagnostics& diags) {
  Theme theme;
  if (name == "default") {
    for (const auto& [rel, bytes] : EmbeddedDefaultTheme()) {
      Add(theme, rel, bytes, "themes/default/" + rel);
    }
  }
  std::string dir = "themes/" + name;
  auto files = site.List(dir);
  if (files.empty() && name != "default") {
    diags.Error({"site.toml", 0, 0}, "theme '" + name + "' not found: expected a folder " + dir +
                                         "/ with templates/ and static/");
  }
  for (const auto& path : files) {
    if (auto bytes = site.Read(path)) Add(theme, path.substr(dir.size() + 1), *bytes, path);
  }
  return theme;
}

}  // namespace herald
