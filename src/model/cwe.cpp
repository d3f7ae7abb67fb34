// CWE catalogue lookups over the CSV that CMake embeds (see data/README.md).
#include "model/cwe.h"

#include <map>

namespace herald {
namespace embedded {
extern const char kCweCsv[];
extern const unsigned long kCweCsv_size;
}  // namespace embedded

namespace {

// Lines are `CWE-79,"name",Status`; names never contain a double quote (the
// catalogue has none), so the quoted field ends at the last quote of the line.
std::map<std::string, CweEntry, std::less<>> ParseCatalogue() {
  std::map<std::string, CweEntry, std::less<>> table;
  std::string_view csv(embedded::kCweCsv, embedded::kCweCsv_size);
  bool header = true;
  while (!csv.empty()) {
    size_t end = csv.find('\n');
    std::string_view line = csv.substr(0, end);
    csv = end == std::string_view::npos ? std::string_view() : csv.substr(end + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (header || line.empty()) {
      header = false;
      continue;
    }
    size_t comma = line.find(',');
    size_t open = line.find('"', comma);
    size_t close = line.rfind('"');
    if (comma == std::string_view::npos || open != comma + 1 || close <= open ||
        close + 1 >= line.size() || line[close + 1] != ',') {
      continue;  // not a catalogue line; the unit tests pin the entry count
    }
    CweEntry e;
    e.id = std::string(line.substr(0, comma));
    e.name = std::string(line.substr(open + 1, close - open - 1));
    e.status = std::string(line.substr(close + 2));
    table.emplace(e.id, std::move(e));
  }
  return table;
}

const std::map<std::string, CweEntry, std::less<>>& Catalogue() {
  static const auto kTable = ParseCatalogue();
  return kTable;
}

}  // namespace

const CweEntry* FindCwe(std::string_view id) {
  const auto& table = Catalogue();
  auto it = table.find(id);
  return it == table.end() ? nullptr : &it->second;
}

const char* CweCatalogueVersion() { return "4.17"; }

size_t CweCatalogueSize() { return Catalogue().size(); }

}  // namespace herald
