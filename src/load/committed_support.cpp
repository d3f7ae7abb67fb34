// Committed ends of security support (committed_support.h). Values are kept
// as "tba" or the date's seconds, so nothing is lost between the walk and
// the model.
#include "load/committed_support.h"

#include "load/front_matter.h"
#include "load/toml_document.h"

namespace herald {

namespace {

bool IsDeviceFile(const std::string& path) {
  const std::string kDir = "content/devices/", kFile = "/index.md";
  if (path.rfind(kDir, 0) != 0 || path.size() <= kDir.size() + kFile.size()) return false;
  if (path.compare(path.size() - kFile.size(), kFile.size(), kFile) != 0) return false;
  std::string slug = path.substr(kDir.size(), path.size() - kDir.size() - kFile.size());
  return slug.find('/') == std::string::npos;
}

std::optional<std::string> ReadSupportEnd(const std::string& path, std::string_view text) {
  // An old version may be broken in ways the current one is not; whatever
  // it says is no finding of today's build.
  Diagnostics ignored;
  auto split = SplitFrontMatter(text, path, ignored);
  if (!split) return std::nullopt;
  auto doc = ParseToml(split->toml, path, split->toml_line_offset, ignored);
  if (!doc) return std::nullopt;
  const TomlValue* support = doc->Find("support");
  const TomlValue* end = support && support->kind == TomlValue::Kind::kTable
                             ? support->Find("end_of_security_support")
                             : nullptr;
  if (!end) return std::nullopt;
  if (end->kind == TomlValue::Kind::kDate) return std::to_string(end->date);
  if (end->kind == TomlValue::Kind::kString) {
    if (end->string == "tba") return std::string("tba");
    if (auto t = ParseRfc3339(end->string)) return std::to_string(*t);
  }
  return std::nullopt;
}

}  // namespace

const CommittedValueReader& CommittedSupportEndReader() {
  static const CommittedValueReader kReader{IsDeviceFile, ReadSupportEnd};
  return kReader;
}

std::optional<DateOrTba> ParseCommittedSupportEnd(const std::string& value) {
  if (value == "tba") return DateOrTba{};
  try {
    size_t used = 0;
    long long seconds = std::stoll(value, &used);
    if (used == value.size()) return DateOrTba{false, static_cast<Timestamp>(seconds)};
  } catch (...) {
  }
  return std::nullopt;
}

}  // namespace herald
