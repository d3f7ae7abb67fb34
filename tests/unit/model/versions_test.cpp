// Tests for model/versions: firmware version order and version ranges.
#include "model/versions.h"

#include <doctest/doctest.h>

#include <string>

namespace herald {
namespace {

constexpr char kHint[] = "; expected constraints such as '>= 2.0.0, < 2.4.1'";

TEST_CASE("CompareVersions orders numeric segments numerically") {
  CHECK(CompareVersions("6.78", "6.100") < 0);
  CHECK(CompareVersions("6.100", "6.78") > 0);
  CHECK(CompareVersions("2.4.1", "2.4.1") == 0);
  CHECK(CompareVersions("2.4.1", "2.4.10") < 0);
  CHECK(CompareVersions("2.10", "10.2") < 0);
  CHECK(CompareVersions("1.9.9", "2") < 0);
  CHECK(CompareVersions("1", "0.99") > 0);
  // Leading zeros do not count; long numbers do not overflow.
  CHECK(CompareVersions("1.02", "1.2") == 0);
  CHECK(CompareVersions("1.0010", "1.9") > 0);
  CHECK(CompareVersions("1.123456789012345678901234567890", "1.123456789012345678901234567891") <
        0);
}

TEST_CASE("CompareVersions pads missing segments with zero") {
  CHECK(CompareVersions("1.0", "1.0.0") == 0);
  CHECK(CompareVersions("1", "1.0.0.0") == 0);
  CHECK(CompareVersions("1.0.0", "1.0") == 0);
  CHECK(CompareVersions("1.0", "1.0.1") < 0);
}

TEST_CASE("CompareVersions sorts pre-releases before the release") {
  CHECK(CompareVersions("2.0.0-rc1", "2.0.0") < 0);
  CHECK(CompareVersions("2.0.0", "2.0.0-rc1") > 0);
  CHECK(CompareVersions("2.0.0-beta", "2.0.0-rc1") < 0);
  CHECK(CompareVersions("2.0.0-rc1", "2.0.0-rc1") == 0);
  CHECK(CompareVersions("2.0-rc1", "2.0.0-rc1") == 0);
  CHECK(CompareVersions("2.0.0-rc1", "1.9.9") > 0);
  CHECK(CompareVersions("2.0.0-rc1", "2.0.1-rc1") < 0);
  CHECK(CompareVersions("1.2a", "1.2") < 0);
}

TEST_CASE("CompareVersions is antisymmetric over a sorted list") {
  const char* sorted[] = {"0.9", "1.0-alpha", "1.0-beta", "1.0", "1.0.1", "1.2",
                          "1.10", "2.0.0-rc1", "2.0.0", "6.78", "6.100", "10"};
  const int n = sizeof sorted / sizeof sorted[0];
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < n; ++j) {
      CAPTURE(sorted[i]);
      CAPTURE(sorted[j]);
      int c = CompareVersions(sorted[i], sorted[j]);
      if (i < j) CHECK(c < 0);
      if (i == j) CHECK(c == 0);
      if (i > j) CHECK(c > 0);
    }
  }
}

TEST_CASE("ParseVersionRange reads comma-separated constraints") {
  std::string error;
  auto r = ParseVersionRange(">= 2.0.0, < 2.4.1", &error);
  REQUIRE(r.has_value());
  CHECK(error.empty());
  REQUIRE(r->constraints.size() == 2);
  CHECK(r->constraints[0].op == VersionConstraint::Op::kGe);
  CHECK(r->constraints[0].version == "2.0.0");
  CHECK(r->constraints[1].op == VersionConstraint::Op::kLt);
  CHECK(r->constraints[1].version == "2.4.1");

  SUBCASE("every operator, with and without spaces") {
    auto all = ParseVersionRange(">1,>=2,<3,<=4,=5, 6 ,  <= 7", &error);
    REQUIRE(all.has_value());
    using Op = VersionConstraint::Op;
    const Op ops[] = {Op::kGt, Op::kGe, Op::kLt, Op::kLe, Op::kEq, Op::kEq, Op::kLe};
    const char* versions[] = {"1", "2", "3", "4", "5", "6", "7"};
    REQUIRE(all->constraints.size() == 7);
    for (int i = 0; i < 7; ++i) {
      CAPTURE(i);
      CHECK(all->constraints[i].op == ops[i]);
      CHECK(all->constraints[i].version == versions[i]);
    }
  }
  SUBCASE("a bare version means =") {
    auto one = ParseVersionRange("2.4.1", &error);
    REQUIRE(one.has_value());
    REQUIRE(one->constraints.size() == 1);
    CHECK(one->constraints[0].op == VersionConstraint::Op::kEq);
    CHECK(one->constraints[0].version == "2.4.1");
  }
  SUBCASE("version characters: letters, '-', '+', '_'") {
    auto v = ParseVersionRange("< 2.0.0-rc1+build_7", &error);
    REQUIRE(v.has_value());
    CHECK(v->constraints[0].version == "2.0.0-rc1+build_7");
  }
}

TEST_CASE("ParseVersionRange explains bad ranges") {
  auto bad = [](std::string_view text) {
    std::string error;
    auto r = ParseVersionRange(text, &error);
    CHECK_FALSE(r.has_value());
    return error;
  };
  CHECK(bad("") == std::string("empty constraint") + kHint);
  CHECK(bad("   ") == std::string("empty constraint") + kHint);
  CHECK(bad(">= 2.0.0,") == std::string("empty constraint") + kHint);
  CHECK(bad(">= 2.0.0,, < 3") == std::string("empty constraint") + kHint);
  CHECK(bad(">=") == std::string("empty constraint") + kHint);
  CHECK(bad("latest") == std::string("'latest' is not a version") + kHint);
  CHECK(bad("v2.0.0") == std::string("'v2.0.0' is not a version") + kHint);
  CHECK(bad(">= 2.0.0 < 2.4.1") == std::string("'2.0.0 < 2.4.1' is not a version") + kHint);
  CHECK(bad("=> 2.0") == std::string("'> 2.0' is not a version") + kHint);
  CHECK(bad("~> 2.0") == std::string("'~> 2.0' is not a version") + kHint);
  CHECK(bad("< 2.0; > 1") == std::string("'2.0; > 1' is not a version") + kHint);
  CHECK(bad(">= 1.0, < x") == std::string("'x' is not a version") + kHint);
}

TEST_CASE("VersionRange::Contains requires every constraint") {
  std::string error;
  auto r = ParseVersionRange(">= 2.0.0, < 2.4.1", &error);
  REQUIRE(r.has_value());
  CHECK(r->Contains("2.0.0"));
  CHECK(r->Contains("2.0"));
  CHECK(r->Contains("2.4.0"));
  CHECK(r->Contains("2.4.1-rc1"));  // a pre-release of the fix is still before it
  CHECK_FALSE(r->Contains("2.4.1"));
  CHECK_FALSE(r->Contains("2.10"));
  CHECK_FALSE(r->Contains("1.9.9"));
  CHECK_FALSE(r->Contains("2.0.0-rc1"));

  auto gt_le = ParseVersionRange("> 1.0, <= 1.5", &error);
  REQUIRE(gt_le.has_value());
  CHECK_FALSE(gt_le->Contains("1.0"));
  CHECK(gt_le->Contains("1.0.1"));
  CHECK(gt_le->Contains("1.5.0"));
  CHECK_FALSE(gt_le->Contains("1.5.1"));

  auto eq = ParseVersionRange("6.78", &error);
  REQUIRE(eq.has_value());
  CHECK(eq->Contains("6.78.0"));
  CHECK_FALSE(eq->Contains("6.100"));

  CHECK(VersionRange{}.Contains("anything"));  // no constraints
}

TEST_CASE("VersionRange::ToVers writes the CSAF vers: form") {
  std::string error;
  CHECK(ParseVersionRange(">= 2.0.0, < 2.4.1", &error)->ToVers() == "vers:generic/>=2.0.0|<2.4.1");
  CHECK(ParseVersionRange("> 1, <= 2", &error)->ToVers() == "vers:generic/>1|<=2");
  CHECK(ParseVersionRange("= 1.0", &error)->ToVers() == "vers:generic/1.0");
  CHECK(ParseVersionRange("1.0", &error)->ToVers() == "vers:generic/1.0");
}

}  // namespace
}  // namespace herald
