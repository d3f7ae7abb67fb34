// Tests for the shipped CWE catalogue (src/model/cwe.h, data/cwe-4.17.csv).
#include <doctest/doctest.h>

#include "model/cwe.h"

namespace herald {
namespace {

TEST_CASE("the CWE catalogue has every 4.17 weakness with its exact name") {
  CHECK(std::string(CweCatalogueVersion()) == "4.17");
  CHECK(CweCatalogueSize() == 968);
  const CweEntry* e = FindCwe("CWE-79");
  REQUIRE(e);
  CHECK(e->id == "CWE-79");
  CHECK(e->name == "Improper Neutralization of Input During Web Page Generation ('Cross-site Scripting')");
  CHECK(e->status == "Stable");
  REQUIRE(FindCwe("CWE-5"));  // the first line
  CHECK(FindCwe("CWE-5")->name == "J2EE Misconfiguration: Data Transmission Without Encryption");
  REQUIRE(FindCwe("CWE-787"));
  CHECK(FindCwe("CWE-787")->name == "Out-of-bounds Write");
  CHECK(FindCwe("CWE-99999") == nullptr);
  CHECK(FindCwe("cwe-79") == nullptr);
  CHECK(FindCwe("") == nullptr);
}

}  // namespace
}  // namespace herald
