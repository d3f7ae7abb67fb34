// A small valid site as source files, for the lint tests: one device (gw-1,
// firmware 1.0.0 and 1.0.1) and one published advisory. Tests replace or add
// files, run the whole check in memory at kNow and read the findings of one
// check, formatted as `herald check` prints them.
#pragma once

#include <map>
#include <string>

#include "build/load_site.h"
#include "lint/check.h"

namespace herald::testing {

constexpr Timestamp kNow = 1793491200;  // 2026-11-01T00:00:00Z

inline const char kAdvisory[] = R"(+++
id = "TEST-SA-2026-0001"
title = "Buffer overflow in the test gateway"
category = "security_advisory"
status = "final"
published = 2026-02-01T10:00:00Z
summary = "A crafted packet crashes the gateway."

[[vulnerabilities]]
cve = "CVE-2026-0001"
cwe = "CWE-787"
title = "Out-of-bounds write in the packet parser"
cvss_v3 = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H"

[[affected]]
device = "gw-1"
versions = "< 1.0.1"
fixed = "1.0.1"

[[remediations]]
category = "vendor_fix"
details = "Update to 1.0.1."

[[revisions]]
date = 2026-02-01T10:00:00Z
summary = "Initial publication."
+++
Details.
)";

inline const char kDevice[] = R"(+++
markets = ["eu"]

[identity]
name = "Test Gateway 1"
models = ["GW1"]

[intended_use]
purpose = "Connects test sensors to the network."

[capabilities]
identification = { supported = false }
configuration = { supported = false }
data_protection = { supported = false }
interface_access = { supported = false }
software_update = { supported = false }
state_awareness = { supported = false }

[support]
general_availability = 2024-01-01
end_of_sales = "tba"
end_of_life = "tba"
end_of_security_support = 2030-12-31
basis = "guaranteed"
automatic_updates = true

[[firmware]]
version = "1.0.0"
released = 2024-01-01

[[firmware]]
version = "1.0.1"
released = 2026-02-01
+++
The test gateway.
)";

inline const char kSiteToml[] = R"([site]
title = "Test PSIRT"
base_url = "https://security.test.example"

[manufacturer]
legal_name = "Test Devices Ltd"
postal_address = "1 Test Street, Testville"
email = "info@test.example"

[publisher]
name = "Test PSIRT"
namespace = "https://test.example"

[disclosure]
contact = ["mailto:psirt@test.example"]
)";

constexpr char kAdvisoryPath[] = "advisories/2026/TEST-SA-2026-0001.md";
constexpr char kDevicePath[] = "content/devices/gw-1/index.md";

inline std::map<std::string, std::string> BaseFiles() {
  return {{"site.toml", kSiteToml}, {kAdvisoryPath, kAdvisory}, {kDevicePath, kDevice}};
}

/// `text` with the first `from` replaced by `to` (the test fails loudly if absent).
inline std::string Replace(std::string text, const std::string& from, const std::string& to) {
  size_t at = text.find(from);
  if (at == std::string::npos) return "<<" + from + " not found>>";
  return text.replace(at, from.size(), to);
}

/// Every finding of `check` ("" = build errors, "*" = all), one per line.
inline std::string Findings(std::map<std::string, std::string> files, const std::string& check,
                            Timestamp now = kNow) {
  SourceOptions options;
  options.source_date_epoch = now;
  Diagnostics diags;
  auto loaded = LoadSiteFromTree(OpenMemoryTree(std::move(files), now), nullptr, options, diags);
  if (loaded) CheckLoadedSite(*loaded, now, diags);
  std::string out;
  for (const Diagnostic& d : diags.Sorted()) {
    if (check == "*" || d.check == check) out += FormatDiagnostic(d) + "\n";
  }
  return out;
}

}  // namespace herald::testing
