// The publication baseline (data/baseline.toml, embedded at build time): the
// duties a manufacturer's security site must publish, each with the paths that
// carry it and the check herald runs (see data/README.md).
#pragma once

#include <map>
#include <string>
#include <vector>

namespace herald {

struct BaselineItem {
  std::string id, source, section, level, scope, summary;
  std::vector<std::string> satisfied_by;
  std::vector<std::string> checks;  // one or more check names, all must pass
  std::string when;                 // present_if condition
  std::string param;                // parameter of the first check taking one
};

struct Baseline {
  std::string schema_version;
  std::vector<BaselineItem> items;             // file order
  std::map<std::string, std::string> checks;   // check name -> description
  std::map<std::string, std::string> levels;
  std::map<std::string, std::string> scopes;   // scope name -> condition
};

/// Parses baseline TOML text; throws std::runtime_error on malformed input.
Baseline ParseBaseline(std::string_view toml_text);
/// The embedded data/baseline.toml, parsed once.
const Baseline& BuiltinBaseline();

}  // namespace herald
