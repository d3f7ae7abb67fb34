// CWE catalogue: the name and status of every CWE weakness id, from the
// catalogue herald ships (data/cwe-4.17.csv, embedded at build time).
//
// CSAF validators require a vulnerability's cwe.name to equal the catalogue
// name for its id, so advisories name only the id and herald supplies the
// name from here. The table is parsed once, on first use; lookups are
// thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace herald {

struct CweEntry {
  std::string id;      // "CWE-79"
  std::string name;    // exact catalogue name
  std::string status;  // "Stable", "Draft", "Incomplete" or "Deprecated"
};

/// The entry for "CWE-79", or nullptr when the catalogue has no such id.
const CweEntry* FindCwe(std::string_view id);

/// Version of the shipped catalogue, e.g. "4.17".
const char* CweCatalogueVersion();

/// Number of entries in the shipped catalogue.
size_t CweCatalogueSize();

}  // namespace herald
