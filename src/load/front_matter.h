// Front matter: splits "+++\nTOML\n+++\nMarkdown" and remembers where each part starts.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/diagnostics.h"

namespace herald {

struct FrontMatter {
  std::string_view toml;
  int toml_line_offset = 1;  // lines before the TOML text in the file
  std::string_view body;
  int body_line_offset = 0;
};

std::optional<FrontMatter> SplitFrontMatter(std::string_view text, const std::string& path,
                                            Diagnostics& diags);

}  // namespace herald
