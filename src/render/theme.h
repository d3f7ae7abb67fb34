// Theme: templates and static assets, the embedded default overlaid by a
// site's themes/NAME/ file by file.
#pragma once

#include <map>
#include <string>

#include "base/diagnostics.h"
#include "source/source_tree.h"

namespace herald {

struct ThemeFile {
  std::string text;
  std::string origin;  // where it came from, for messages: "themes/default/templates/x.mustache"
};

struct Theme {
  std::map<std::string, ThemeFile> templates;  // "advisory" → file; partials as "partials/head"
  std::map<std::string, std::string> assets;   // output path ("assets/style.css") → bytes
};

/// The default theme compiled into the binary, overlaid with `themes/NAME/`
/// from the site when it exists.
Theme LoadTheme(const SourceTree& site, const std::string& name, Diagnostics& diags);

/// The embedded default theme's files: path under themes/default/ → bytes.
const std::map<std::string, std::string>& EmbeddedDefaultTheme();

}  // namespace herald
