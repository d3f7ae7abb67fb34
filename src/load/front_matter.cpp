#include "load/front_matter.h"

namespace herald {
namespace {

bool IsFence(std::string_view line) {
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) {
    line.remove_suffix(1);
  }
  return line == "+++";
}

}  // namespace

std::optional<FrontMatter> SplitFrontMatter(std::string_view text, const std::string& path,
                                            Diagnostics& diags) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  size_t first_end = text.find('\n');
  if (first_end == std::string_view::npos || !IsFence(text.substr(0, first_end))) {
    diags.Error({path, 1, 1}, "missing front matter: the file must start with a '+++' line, "
                              "then TOML, then a closing '+++' line");
    return std::nullopt;
  }
  FrontMatter fm;
  size_t pos = first_end + 1;
  int line = 2;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    std::string_view current = text.substr(pos, end == std::string_view::npos ? end : end - pos);
    if (IsFence(current)) {
      fm.toml = text.substr(first_end + 1, pos - first_end - 1);
      fm.body = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
      fm.body_line_offset = line;
      return fm;
    }
    if (end == std::string_view::npos) break;
    pos = end + 1;
    ++line;
  }
  diags.Error({path, 1, 1}, "front matter is not closed: expected a '+++' line after the TOML");
  return std::nullopt;
}

}  // namespace herald
