// Tests for lint/version_rules.cpp: affected ranges against the device's firmware.
#include <doctest/doctest.h>

#include "lint_site.h"

namespace herald::testing {
namespace {

TEST_CASE("version-unlisted: each version a range names must be a listed release") {
  auto files = BaseFiles();
  files[kAdvisoryPath] =
      Replace(kAdvisory, "versions = \"< 1.0.1\"", "versions = \">= 0.9.0, < 1.0.1, != 2\"");
  // The range does not parse (no '!='): the build reports it, this check stays quiet.
  CHECK(Findings(files, "version-unlisted") == "");
  files[kAdvisoryPath] =
      Replace(kAdvisory, "versions = \"< 1.0.1\"", "versions = \">= 0.9.0, < 1.0.1\"");
  CHECK(Findings(files, "version-unlisted") ==
        "advisories/2026/TEST-SA-2026-0001.md:17:16: error: version 0.9.0 in the affected range "
        "is not a [[firmware]] release of device 'gw-1' (content/devices/gw-1/index.md lists "
        "1.0.0, 1.0.1); correct the range or add the release to the device page "
        "[version-unlisted]\n");
}

TEST_CASE("version-unlisted: versions compare numerically, and the column finds the second use") {
  auto files = BaseFiles();
  files[kAdvisoryPath] = Replace(kAdvisory, "versions = \"< 1.0.1\"",
                                 "versions = \">= 1.0, <= 1.0.1\"\n# 1.0 equals 1.0.0");
  CHECK(Findings(files, "version-unlisted") == "");
  files[kAdvisoryPath] =
      Replace(kAdvisory, "versions = \"< 1.0.1\"", "versions = \">= 1, < 1.0.10\"");
  CHECK(Findings(files, "version-unlisted") ==
        "advisories/2026/TEST-SA-2026-0001.md:17:21: error: version 1.0.10 in the affected range "
        "is not a [[firmware]] release of device 'gw-1' (content/devices/gw-1/index.md lists "
        "1.0.0, 1.0.1); correct the range or add the release to the device page "
        "[version-unlisted]\n");
}

TEST_CASE("version-unlisted: a device without [[firmware]] says it lists none") {
  auto files = BaseFiles();
  std::string device = kDevice;
  device = device.substr(0, device.find("[[firmware]]")) + "+++\nThe test gateway.\n";
  files[kDevicePath] = device;
  files[kAdvisoryPath] = Replace(kAdvisory, "fixed = \"1.0.1\"\n", "");
  CHECK(Findings(files, "version-unlisted") ==
        "advisories/2026/TEST-SA-2026-0001.md:17:15: error: version 1.0.1 in the affected range "
        "is not a [[firmware]] release of device 'gw-1' (content/devices/gw-1/index.md lists "
        "none); correct the range or add the release to the device page [version-unlisted]\n");
}

TEST_CASE("fixed-in-range: the fixed version must lie outside the affected range") {
  auto files = BaseFiles();
  files[kAdvisoryPath] = Replace(kAdvisory, "versions = \"< 1.0.1\"", "versions = \"<= 1.0.1\"");
  CHECK(Findings(files, "fixed-in-range") ==
        "advisories/2026/TEST-SA-2026-0001.md:18:9: error: fixed version 1.0.1 is inside the "
        "affected range '<= 1.0.1'; the range must end before the fix, such as '< 1.0.1' "
        "[fixed-in-range]\n");
  files[kAdvisoryPath] = Replace(kAdvisory, "versions = \"< 1.0.1\"", "versions = \"= 1.0.0\"");
  CHECK(Findings(files, "fixed-in-range") == "");
}

}  // namespace
}  // namespace herald::testing
