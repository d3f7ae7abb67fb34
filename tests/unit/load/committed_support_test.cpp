// What the history walk keeps of each committed device file: its end of
// security support, as a date or "tba"; nothing for other files or versions
// that do not say.
#include "load/committed_support.h"

#include <doctest/doctest.h>

namespace herald {

TEST_CASE("committed support end: read from device files only") {
  const CommittedValueReader& r = CommittedSupportEndReader();
  CHECK(r.wants("content/devices/gw-1/index.md"));
  CHECK_FALSE(r.wants("content/devices/gw-1/guides/secure-setup.md"));
  CHECK_FALSE(r.wants("content/devices/index.md"));
  CHECK_FALSE(r.wants("advisories/2026/A.md"));

  auto read = [&](const std::string& front_matter) {
    return r.read("content/devices/gw-1/index.md", "+++\n" + front_matter + "\n+++\nBody.\n");
  };
  CHECK(read("[support]\nend_of_security_support = 2030-12-31") == std::to_string(1924905600));
  CHECK(read("support = { end_of_security_support = 2030-12-31T12:00:00Z }") == std::to_string(1924948800));
  CHECK(read("[support]\nend_of_security_support = \"tba\"") == "tba");
  CHECK(read("[support]\nend_of_security_support = \"2030-12-31\"") == std::to_string(1924905600));
  // An old version that never said, or does not parse: nothing to hold against today.
  CHECK_FALSE(read("[support]\nbasis = \"guaranteed\""));
  CHECK_FALSE(read("[[support.history]]\nend_of_security_support = 2030-12-31"));
  CHECK_FALSE(read("[support\nend_of_security_support = 2030-12-31"));
  CHECK_FALSE(r.read("content/devices/gw-1/index.md", "no front matter"));

  CHECK(ParseCommittedSupportEnd("tba")->tba);
  CHECK(ParseCommittedSupportEnd("1924905600")->date == 1924905600);
  CHECK_FALSE(ParseCommittedSupportEnd("2030-12-31"));
}

}  // namespace herald
