// Templates: a theme's page templates, compiled once per render.
//
// Partials ({{> name}}) are expanded when the theme is compiled, so each
// page template is parsed once (render/mustache.h) and every page shares the
// result. Data arrives as JSON from the view model; null and empty strings
// count as absent so {{#key}} tests presence. Keys ending in "_html" hold
// HTML the model already made safe.
#pragma once

#include <map>
#include <memory>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "base/diagnostics.h"
#include "render/theme.h"

namespace herald {

class TemplateSet {
 public:
  TemplateSet();
  ~TemplateSet();
  TemplateSet(TemplateSet&&) noexcept;
  TemplateSet& operator=(TemplateSet&&) noexcept;

  /// Compiles every page template of `theme`; errors name the template file
  /// with line and column.
  bool Compile(const Theme& theme, Diagnostics& diags);
  bool Has(const std::string& name) const;
  /// The template's text with its partials inlined, which is all Render
  /// reads besides the data ("" when there is no such template).
  std::string ExpandedText(const std::string& name) const;
  /// Thread-safe: compiled templates are immutable, so pages may render in parallel.
  std::string Render(const std::string& name, const nlohmann::json& data,
                     Diagnostics& diags) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace herald
