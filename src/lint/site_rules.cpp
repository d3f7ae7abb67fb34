// Site-wide rules: placeholders left to fill in, and a security.txt that
// would lapse soon after it is published.
#include "lint/lint.h"
#include "lint/raw_sources.h"

namespace herald {
namespace {

constexpr Timestamp kDay = 86400;
constexpr Timestamp kExpiryMargin = 30 * kDay;

bool IsWordChar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

// The first "TODO" standing as a word in `line`.
size_t FindTodo(std::string_view line) {
  for (size_t at = line.find("TODO"); at != std::string_view::npos;
       at = line.find("TODO", at + 1)) {
    bool starts = at == 0 || !IsWordChar(line[at - 1]);
    bool ends = at + 4 >= line.size() || !IsWordChar(line[at + 4]);
    if (starts && ends) return at;
  }
  return std::string_view::npos;
}

// What the marker asks for: the rest of the line, without the punctuation,
// quotes and brackets of the TOML or Markdown around it.
std::string TodoText(std::string_view rest) {
  constexpr std::string_view kLead = ": -", kTrail = " \t\r\"',.]";
  while (!rest.empty() && kLead.find(rest.front()) != std::string_view::npos) rest.remove_prefix(1);
  while (!rest.empty() && kTrail.find(rest.back()) != std::string_view::npos) rest.remove_suffix(1);
  return std::string(rest);
}

}  // namespace

void CheckPlaceholders(LintContext& ctx) {
  std::vector<std::string> files = {"site.toml"};
  for (const char* dir : {"advisories", "content"}) {
    for (std::string& path : ctx.tree().List(dir)) {
      if (path.size() > 3 && path.compare(path.size() - 3, 3, ".md") == 0) {
        files.push_back(std::move(path));
      }
    }
  }
  for (const std::string& path : files) {
    for (int n = 1, count = ctx.raw().LineCount(path); n <= count; ++n) {
      std::string_view line = ctx.raw().Line(path, n);
      size_t at = FindTodo(line);
      if (at == std::string_view::npos) continue;
      std::string text = TodoText(line.substr(at + 4));
      ctx.Warning({path, n, static_cast<int>(at) + 1},
                  "placeholder left to fill in" + (text.empty() ? "" : ": " + text) +
                      "; replace it and delete the TODO marker");
    }
  }
}

void CheckSecurityTxtExpiry(LintContext& ctx) {
  if (!ctx.output()) return;
  auto file = ctx.output()->find(".well-known/security.txt");
  if (file == ctx.output()->end()) return;
  std::string_view text = file->second;
  size_t at = text.find("\nExpires: ");
  if (at == std::string_view::npos) return;
  std::string_view value = text.substr(at + 10);
  value = value.substr(0, value.find('\n'));
  auto expires = ParseRfc3339(value);
  if (!expires || *expires - ctx.now() >= kExpiryMargin) return;

  const SiteConfig& config = ctx.site().config;
  const TomlValue* root = ctx.raw().Toml("site.toml");
  const TomlValue* table = root ? root->Find("security_txt") : nullptr;
  SourceLocation where =
      RawSources::ValueAt("site.toml", table, "expires_days", {"site.toml", 0, 0});
  std::string how = "Expires is the build time, " + FormatRfc3339(ctx.site().build.build_time) +
                    " (SOURCE_DATE_EPOCH, else the commit time), plus "
                    "security_txt.expires_days = " +
                    std::to_string(config.security_txt.expires_days);
  if (*expires <= ctx.now()) {
    ctx.Error(where, "security.txt would be published already expired (Expires: " +
                         std::string(value) + ", the check runs at " + FormatRfc3339(ctx.now()) +
                         "), and RFC 9116 clients ignore an expired file; " + how +
                         ": build from a newer commit, or set SOURCE_DATE_EPOCH to the time of "
                         "publication");
    return;
  }
  ctx.Warning(where, "security.txt would expire on " + std::string(value) +
                         ", within 30 days of the check (" + FormatRfc3339(ctx.now()) + "); " +
                         how + ": publish a fresh build before then, or raise expires_days");
}

}  // namespace herald
