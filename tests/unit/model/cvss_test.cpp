// Tests for CVSS 3.x / 4.0 validation and base scoring (src/model/cvss.h).
//
// Every expected score comes from a source independent of this code; each
// table says which:
//   [NVD]       the NVD record of the named CVE.
//   [FIRST31]   FIRST, "CVSS v3.1: Examples" document.
//   [RH-31]     RedHatProductSecurity/cvss, tests/vectors_simple31 (CVSS 3.1
//               base, temporal, environmental triples; the base is used).
//   [RH-30]     RedHatProductSecurity/cvss, tests/vectors_simple3 (CVSS 3.0).
//   [RH-4]      RedHatProductSecurity/cvss, tests/vectors_simple4 (CVSS 4.0,
//               kept in step with FIRST's reference v4.0 calculator).
//   [RH-4py]    RedHatProductSecurity/cvss, tests/test_cvss4.py.
//   [JS-CVSS]   pandatix/js-cvss, tests/cvss40.test.ts "Score" cases.
//   [POLY]      polycvss crate documentation (docs.rs, module v4), score example.
//   [FIRST-PR]  FIRSTdotorg/cvss-v4-calculator PR #4 / RedHat
//               cvss-v4-calculator #66: the tie-rounding example.
//   [SPEC40]    FIRST CVSS v4.0 specification, section 7 examples of valid and
//               invalid vector strings.
#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "model/cvss.h"

namespace herald {
namespace {

struct Known {
  const char* vector;
  double score;
  const char* severity;
};

void CheckKnown(const Known& k, CvssResult (*score)(std::string_view)) {
  INFO("vector: " << k.vector);
  const CvssResult r = score(k.vector);
  INFO("error: " << r.error);
  REQUIRE(r.ok);
  CHECK(r.base_score == doctest::Approx(k.score).epsilon(1e-12));
  CHECK(r.severity == k.severity);
  CHECK(r.error.empty());
  CHECK(r.error_offset == 0);
}

// Expects `vector` to fail with exactly `message`, pointing `delta` bytes past
// the first occurrence of `at` in the vector (or at `delta` when `at` is empty).
void CheckError(CvssResult (*score)(std::string_view), std::string_view vector,
                std::string_view message, std::string_view at, size_t delta = 0) {
  INFO("vector: " << std::string(vector));
  const CvssResult r = score(vector);
  CHECK_FALSE(r.ok);
  CHECK(r.error == message);
  const size_t found = at.empty() ? 0 : vector.find(at);
  REQUIRE(found != std::string_view::npos);
  const size_t expected = found + delta;
  CHECK(r.error_offset == expected);
  CHECK(r.base_score == 0);
  CHECK(r.severity.empty());
}

// ---------------------------------------------------------------------------
// CVSS 3.1 / 3.0 scores

TEST_CASE("cvss3: known CVSS 3.1 base scores") {
  const Known known[] = {
      // The three given by the PSIRT team, each also an NVD record.
      {"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8, "critical"},  // [RH-31]
      {"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", 10.0, "critical"},  // [NVD] CVE-2021-44228
      {"CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H", 7.8, "high"},  // [NVD] CVE-2016-5195
      {"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N", 7.5, "high"},  // [NVD] CVE-2014-0160
      {"CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", 6.1, "medium"},  // [FIRST31] CVE-2013-1937
      {"CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N", 3.1, "low"},  // [FIRST31] CVE-2014-3566
      {"CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H", 9.9, "critical"},  // [FIRST31] CVE-2012-1516
      {"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:N/I:N/A:N", 0.0, "none"},  // [RH-31]
      {"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:L", 5.3, "medium"},  // [RH-31]
      {"CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:H/I:H/A:H", 9.6, "critical"},  // [RH-31]
      {"CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:L/I:N/A:N", 4.3, "medium"},  // [RH-31]
      {"CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:C/C:H/I:H/A:H", 9.0, "critical"},  // [RH-31]
      {"CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:C/C:H/I:H/A:L", 8.9, "high"},  // [RH-31]
      {"CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:C/C:L/I:N/A:N", 4.1, "medium"},  // [RH-31]
      {"CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:U/C:L/I:N/A:N", 3.5, "low"},  // [RH-31]
      {"CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:U/C:N/I:H/A:H", 7.3, "high"},  // [RH-31]
      {"CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:C/C:L/I:L/A:L", 6.6, "medium"},  // [RH-31]
      {"CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H", 7.2, "high"},  // [RH-31]
      {"CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:N/A:N", 4.9, "medium"},  // [RH-31]
  };
  for (const Known& k : known) CheckKnown(k, ScoreCvss3);
}

TEST_CASE("cvss3: known CVSS 3.0 base scores") {
  const Known known[] = {
      {"CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8, "critical"},  // [RH-30]
      {"CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:C/C:L/I:L/A:H", 9.9, "critical"},  // [RH-30]
      {"CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", 6.1, "medium"},  // [RH-30]
      {"CVSS:3.0/AV:N/AC:L/PR:L/UI:R/S:U/C:L/I:N/A:N", 3.5, "low"},  // [RH-30]
      {"CVSS:3.0/AV:N/AC:L/PR:H/UI:N/S:C/C:N/I:N/A:L", 4.1, "medium"},  // [RH-30]
      {"CVSS:3.0/AV:N/AC:L/PR:L/UI:R/S:C/C:N/I:N/A:N", 0.0, "none"},  // [RH-30]
  };
  for (const Known& k : known) CheckKnown(k, ScoreCvss3);
}

TEST_CASE("cvss3: version is reported") {
  CvssResult r = ScoreCvss3("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
  CHECK(r.version_major == 3);
  CHECK(r.version_minor == 1);
  r = ScoreCvss3("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
  CHECK(r.version_major == 3);
  CHECK(r.version_minor == 0);
}

TEST_CASE("cvss3: metrics may appear in any order (3.1 specification, section 6)") {
  const CvssResult r = ScoreCvss3("CVSS:3.1/A:H/I:H/C:H/S:U/UI:N/PR:N/AC:L/AV:N");
  REQUIRE(r.ok);
  CHECK(r.base_score == doctest::Approx(9.8));
}

TEST_CASE("cvss3: temporal and environmental metrics are accepted, base score unchanged") {
  // Base 6.1 per the cvssrust README, citing FIRST's 3.1 calculator.
  CvssResult r = ScoreCvss3("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N/E:P/RL:W/RC:C");
  REQUIRE(r.ok);
  CHECK(r.base_score == doctest::Approx(6.1));
  r = ScoreCvss3(
      "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:X/RL:O/RC:R/CR:L/IR:M/AR:H/"
      "MAV:L/MAC:H/MPR:H/MUI:R/MS:C/MC:N/MI:L/MA:X");
  REQUIRE(r.ok);
  CHECK(r.base_score == doctest::Approx(9.8));
  CHECK(r.severity == "critical");
}

// ---------------------------------------------------------------------------
// CVSS 4.0 scores

TEST_CASE("cvss4: known CVSS-B scores across the range") {
  const Known known[] = {
      // [JS-CVSS]
      {"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", 9.3, "critical"},
      {"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H", 10.0, "critical"},
      {"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:H/SI:H/SA:H", 7.9, "high"},
      {"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N", 0.0, "none"},
      {"CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:L/VI:N/VA:N/SC:N/SI:N/SA:N", 1.0, "low"},  // [JS-CVSS]
      // [JS-CVSS]
      {"CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:P/VC:N/VI:H/VA:H/SC:N/SI:L/SA:L", 5.2, "medium"},
      {"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:H/SC:N/SI:N/SA:N", 8.7, "high"},  // [RH-4py]
      {"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:L/VA:L/SC:N/SI:N/SA:N", 6.9, "medium"},  // [POLY]
      // [RH-4]
      {"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:H/VA:L/SC:N/SI:H/SA:L", 9.2, "critical"},
      {"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:L/VA:L/SC:H/SI:N/SA:L", 7.8, "high"},  // [RH-4]
      {"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:P/VC:L/VI:N/VA:N/SC:L/SI:N/SA:L", 5.3, "medium"},  // [RH-4]
      {"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:A/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", 8.6, "high"},  // [RH-4]
      {"CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:N/VA:L/SC:N/SI:L/SA:N", 7.1, "high"},  // [RH-4]
      // [RH-4]
      {"CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:A/VC:H/VI:H/VA:H/SC:H/SI:N/SA:H", 9.3, "critical"},
      {"CVSS:4.0/AV:N/AC:L/AT:N/PR:H/UI:P/VC:L/VI:L/VA:N/SC:L/SI:N/SA:N", 4.8, "medium"},  // [RH-4]
      // [RH-4]
      {"CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:N/SA:H", 9.5, "critical"},
      {"CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:A/VC:N/VI:N/VA:N/SC:L/SI:N/SA:N", 2.1, "low"},  // [RH-4]
      {"CVSS:4.0/AV:N/AC:L/AT:P/PR:L/UI:N/VC:N/VI:N/VA:N/SC:N/SI:L/SA:N", 2.3, "low"},  // [RH-4]
      {"CVSS:4.0/AV:N/AC:L/AT:P/PR:H/UI:A/VC:N/VI:L/VA:L/SC:L/SI:N/SA:N", 1.8, "low"},  // [RH-4]
      {"CVSS:4.0/AV:N/AC:H/AT:N/PR:H/UI:A/VC:N/VI:N/VA:N/SC:N/SI:H/SA:N", 4.0, "medium"},  // [RH-4]
      {"CVSS:4.0/AV:N/AC:H/AT:N/PR:L/UI:P/VC:H/VI:H/VA:H/SC:H/SI:L/SA:H", 8.8, "high"},  // [RH-4]
      // [RH-4]
      {"CVSS:4.0/AV:N/AC:H/AT:P/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:L/SA:N", 9.5, "critical"},
      {"CVSS:4.0/AV:L/AC:L/AT:N/PR:N/UI:A/VC:H/VI:H/VA:L/SC:H/SI:N/SA:N", 9.2, "critical"},
      {"CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:A/VC:L/VI:L/VA:N/SC:L/SI:N/SA:L", 2.4, "low"},  // [RH-4]
      {"CVSS:4.0/AV:L/AC:L/AT:N/PR:H/UI:N/VC:N/VI:L/VA:N/SC:N/SI:N/SA:L", 4.6, "medium"},  // [RH-4]
      {"CVSS:4.0/AV:L/AC:L/AT:P/PR:N/UI:N/VC:H/VI:H/VA:N/SC:N/SI:N/SA:L", 7.4, "high"},  // [RH-4]
      {"CVSS:4.0/AV:L/AC:L/AT:P/PR:N/UI:A/VC:N/VI:N/VA:L/SC:H/SI:H/SA:H", 5.0, "medium"},  // [RH-4]
      {"CVSS:4.0/AV:L/AC:L/AT:P/PR:L/UI:P/VC:N/VI:N/VA:N/SC:H/SI:N/SA:N", 1.8, "low"},  // [RH-4]
      {"CVSS:4.0/AV:L/AC:H/AT:N/PR:L/UI:N/VC:H/VI:H/VA:L/SC:N/SI:H/SA:L", 8.5, "high"},  // [RH-4]
      {"CVSS:4.0/AV:L/AC:H/AT:P/PR:H/UI:N/VC:L/VI:N/VA:N/SC:H/SI:N/SA:N", 4.0, "medium"},  // [RH-4]
      {"CVSS:4.0/AV:L/AC:H/AT:P/PR:H/UI:N/VC:N/VI:N/VA:L/SC:H/SI:H/SA:L", 4.7, "medium"},  // [RH-4]
      {"CVSS:4.0/AV:P/AC:L/AT:P/PR:H/UI:P/VC:L/VI:L/VA:L/SC:N/SI:L/SA:N", 1.0, "low"},  // [RH-4]
      {"CVSS:4.0/AV:P/AC:L/AT:P/PR:H/UI:A/VC:H/VI:H/VA:L/SC:H/SI:N/SA:H", 7.0, "high"},  // [RH-4]
      {"CVSS:4.0/AV:P/AC:H/AT:N/PR:N/UI:N/VC:H/VI:H/VA:N/SC:H/SI:H/SA:N", 6.9, "medium"},  // [RH-4]
      {"CVSS:4.0/AV:P/AC:H/AT:N/PR:H/UI:P/VC:L/VI:N/VA:N/SC:H/SI:H/SA:H", 2.4, "low"},  // [RH-4]
      {"CVSS:4.0/AV:P/AC:H/AT:N/PR:H/UI:A/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N", 0.0, "none"},  // [RH-4]
      {"CVSS:4.0/AV:P/AC:H/AT:P/PR:N/UI:N/VC:H/VI:H/VA:N/SC:H/SI:H/SA:H", 7.2, "high"},  // [RH-4]
      {"CVSS:4.0/AV:P/AC:H/AT:P/PR:N/UI:A/VC:H/VI:L/VA:H/SC:N/SI:L/SA:N", 4.6, "medium"},  // [RH-4]
      {"CVSS:4.0/AV:P/AC:H/AT:P/PR:L/UI:N/VC:H/VI:H/VA:L/SC:H/SI:H/SA:L", 7.1, "high"},  // [RH-4]
  };
  for (const Known& k : known) CheckKnown(k, ScoreCvss4);
}

TEST_CASE("cvss4: scores that land on an x.x5 tie round half up") {
  // Floating-point arithmetic lands these one ulp below the tie (e.g.
  // 8.549999...); the reference calculator rounds them up since 2024-11.
  const Known known[] = {
      // [FIRST-PR]
      {"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:P/VC:H/VI:L/VA:N/SC:H/SI:H/SA:H", 8.6, "high"},
      {"CVSS:4.0/AV:N/AC:L/AT:P/PR:H/UI:A/VC:N/VI:H/VA:L/SC:N/SI:N/SA:L", 5.7, "medium"},  // [RH-4]
      {"CVSS:4.0/AV:N/AC:L/AT:P/PR:H/UI:A/VC:N/VI:H/VA:H/SC:L/SI:L/SA:N", 5.7, "medium"},  // [RH-4]
  };
  for (const Known& k : known) CheckKnown(k, ScoreCvss4);
}

TEST_CASE("cvss4: threat, environmental, supplemental metrics accepted; score stays CVSS-B") {
  // Same base as the [JS-CVSS] "full-impact" case (10.0); with E:U the full
  // CVSS-BT score would be 9.1, but herald reports the base score.
  CvssResult r = ScoreCvss4("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/E:U");
  REQUIRE(r.ok);
  CHECK(r.base_score == doctest::Approx(10.0));
  CHECK(r.version_major == 4);
  CHECK(r.version_minor == 0);
  // [SPEC40] valid "CVSS-BTE with Supplemental" shape (all groups, in order);
  // its base is the [JS-CVSS] clement-b vector, CVSS-B 5.2.
  r = ScoreCvss4(
      "CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:P/VC:N/VI:H/VA:H/SC:N/SI:L/SA:L/E:P/CR:H/IR:M/AR:H/"
      "MAV:A/MAC:X/MAT:P/MPR:N/MUI:X/MVC:X/MVI:H/MVA:N/MSC:X/MSI:H/MSA:S/S:N/AU:Y/R:I/V:C/"
      "RE:H/U:Amber");
  INFO(r.error);
  REQUIRE(r.ok);
  CHECK(r.base_score == doctest::Approx(5.2));
  CHECK(r.severity == "medium");
}

TEST_CASE("cvss4: every base vector scores, in range, zero exactly when nothing is impacted") {
  const std::string_view av = "NALP", ac = "LH", at = "NP", pr = "NLH", ui = "NPA", cia = "HLN";
  int count = 0;
  int failures = 0;
  for (char a : av) for (char b : ac) for (char c : at) for (char d : pr) for (char e : ui)
  for (char vc : cia) for (char vi : cia) for (char va : cia)
  for (char sc : cia) for (char si : cia) for (char sa : cia) {
    std::string v = "CVSS:4.0/AV:";
    v += a; v += "/AC:"; v += b; v += "/AT:"; v += c; v += "/PR:"; v += d; v += "/UI:"; v += e;
    v += "/VC:"; v += vc; v += "/VI:"; v += vi; v += "/VA:"; v += va;
    v += "/SC:"; v += sc; v += "/SI:"; v += si; v += "/SA:"; v += sa;
    const CvssResult r = ScoreCvss4(v);
    const bool no_impact =
        vc == 'N' && vi == 'N' && va == 'N' && sc == 'N' && si == 'N' && sa == 'N';
    const bool good = r.ok && r.base_score >= 0 && r.base_score <= 10 &&
                      (r.base_score == 0) == no_impact &&
                      r.severity == CvssSeverityName(r.base_score);
    if (!good && failures++ < 5) CHECK_MESSAGE(good, v);
    ++count;
  }
  CHECK(count == 104976);
  CHECK(failures == 0);
}

TEST_CASE("cvss4: MacroVector lookup table") {
  CHECK(Cvss4MacroVectorScore(0, 0, 0, 0, 0, 0) == 10.0);
  CHECK(Cvss4MacroVectorScore(0, 0, 0, 0, 0, 1) == 9.9);
  CHECK(Cvss4MacroVectorScore(1, 1, 1, 1, 1, 1) == 5.7);
  CHECK(Cvss4MacroVectorScore(2, 1, 2, 2, 2, 1) == 0.1);
  CHECK_FALSE(Cvss4MacroVectorScore(0, 0, 2, 0, 0, 0).has_value());  // EQ3=2 needs EQ6=1
  CHECK_FALSE(Cvss4MacroVectorScore(3, 0, 0, 0, 0, 0).has_value());
  CHECK_FALSE(Cvss4MacroVectorScore(0, 2, 0, 0, 0, 0).has_value());
  CHECK_FALSE(Cvss4MacroVectorScore(-1, 0, 0, 0, 0, 0).has_value());
  int defined = 0;
  for (int a = 0; a < 3; ++a) for (int b = 0; b < 2; ++b) for (int c = 0; c < 3; ++c)
  for (int d = 0; d < 3; ++d) for (int e = 0; e < 3; ++e) for (int f = 0; f < 2; ++f) {
    const auto s = Cvss4MacroVectorScore(a, b, c, d, e, f);
    if (!s) continue;
    ++defined;
    CHECK(*s > 0);
    CHECK(*s <= 10);
  }
  CHECK(defined == 270);
}

// ---------------------------------------------------------------------------
// Severity and dispatch

TEST_CASE("cvss: severity rating scale boundaries") {
  CHECK(CvssSeverityName(0.0) == "none");
  CHECK(CvssSeverityName(0.1) == "low");
  CHECK(CvssSeverityName(3.9) == "low");
  CHECK(CvssSeverityName(4.0) == "medium");
  CHECK(CvssSeverityName(6.9) == "medium");
  CHECK(CvssSeverityName(7.0) == "high");
  CHECK(CvssSeverityName(8.9) == "high");
  CHECK(CvssSeverityName(9.0) == "critical");
  CHECK(CvssSeverityName(10.0) == "critical");
}

TEST_CASE("cvss: ScoreCvss dispatches on the prefix") {
  CHECK(ScoreCvss("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H").base_score ==
        doctest::Approx(9.8));
  CHECK(ScoreCvss("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H").version_minor == 0);
  CHECK(ScoreCvss("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N").base_score ==
        doctest::Approx(9.3));
  CheckError(ScoreCvss, "AV:N/AC:L/Au:N/C:P/I:P/A:P",
             "vector must start with 'CVSS:3.1/', 'CVSS:3.0/' or 'CVSS:4.0/'", "", 0);
  CheckError(ScoreCvss, "CVSS:3.2/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
             "vector must start with 'CVSS:3.1/' or 'CVSS:3.0/'", "", 0);
}

// ---------------------------------------------------------------------------
// Errors: every kind, exact message and offset

constexpr std::string_view kGood31 = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";

TEST_CASE("cvss error: wrong or missing prefix") {
  CheckError(ScoreCvss3, "AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
             "vector must start with 'CVSS:3.1/' or 'CVSS:3.0/'", "", 0);
  CheckError(ScoreCvss3, "", "vector must start with 'CVSS:3.1/' or 'CVSS:3.0/'", "", 0);
  CheckError(ScoreCvss3, "cvss:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
             "vector must start with 'CVSS:3.1/' or 'CVSS:3.0/'", "", 0);
  CheckError(ScoreCvss3, "CVSS:3.1AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
             "vector must start with 'CVSS:3.1/' or 'CVSS:3.0/'", "", 0);
  CheckError(ScoreCvss3, "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
             "vector must start with 'CVSS:3.1/' or 'CVSS:3.0/'", "", 0);
  CheckError(ScoreCvss4, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
             "vector must start with 'CVSS:4.0/'", "", 0);
  // [SPEC40] invalid: prefix missing.
  CheckError(ScoreCvss4, "AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:L/VA:N/SC:N/SI:N/SA:N",
             "vector must start with 'CVSS:4.0/'", "", 0);
}

TEST_CASE("cvss error: metric appears twice") {
  CheckError(ScoreCvss3, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/AV:L",
             "metric 'AV' appears twice", "AV:L");
  CheckError(ScoreCvss3, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:P/E:P",
             "metric 'E' appears twice", "E:P/E:P", 4);
  // [SPEC40] invalid: E defined more than once.
  const std::string_view v4 =
      "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N/E:A/E:X";
  CheckError(ScoreCvss4, v4, "metric 'E' appears twice", "E:X");
}

TEST_CASE("cvss error: missing base metric") {
  CheckError(ScoreCvss3, "CVSS:3.1/AV:N/AC:L/UI:N/S:U/C:H/I:H/A:H", "missing base metric 'PR'",
             "UI:N");
  const std::string_view no_a = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H";
  CheckError(ScoreCvss3, no_a, "missing base metric 'A'", "", no_a.size());
  CheckError(ScoreCvss3, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/C:H/I:H",
             "missing base metrics 'S' and 'A'", "C:H");
  CheckError(ScoreCvss3, "CVSS:3.1/",
             "missing base metrics 'AV', 'AC', 'PR', 'UI', 'S', 'C', 'I' and 'A'", "", 9);
  CheckError(ScoreCvss3, "CVSS:3.1",
             "missing base metrics 'AV', 'AC', 'PR', 'UI', 'S', 'C', 'I' and 'A'", "", 8);
  // [SPEC40] invalid: mandatory VA is missing.
  CheckError(ScoreCvss4, "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:L/SC:N/SI:N/SA:N",
             "missing base metric 'VA'", "SC:N");
  // Temporal metrics do not stand in for base ones.
  CheckError(ScoreCvss3, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/E:P",
             "missing base metric 'A'", "E:P");
}

TEST_CASE("cvss error: unknown value, with the values the metric takes") {
  CheckError(ScoreCvss3, "CVSS:3.1/AV:N/AC:X/PR:N/UI:N/S:U/C:H/I:H/A:H",
             "unknown value 'X' for metric 'AC' (expected L or H)", "X/");
  CheckError(ScoreCvss3, "CVSS:3.1/AV:Q/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
             "unknown value 'Q' for metric 'AV' (expected N, A, L or P)", "Q/");
  CheckError(ScoreCvss3, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:h/I:H/A:H",
             "unknown value 'h' for metric 'C' (expected H, L or N)", "h/");
  CheckError(ScoreCvss3, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:Z",
             "unknown value 'Z' for metric 'E' (expected X, H, F, P or U)", "Z");
  // A 3.x value in a 4.0 vector: UI:R is not a 4.0 value.
  CheckError(ScoreCvss4, "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:R/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
             "unknown value 'R' for metric 'UI' (expected N, P or A)", "R/");
  // [SPEC40] invalid: AV has no value F.
  CheckError(ScoreCvss4, "CVSS:4.0/AV:F/AC:L/AT:N/PR:N/UI:N/VC:N/VI:L/VA:N/SC:N/SI:N/SA:N",
             "unknown value 'F' for metric 'AV' (expected N, A, L or P)", "F/");
  // Base metrics have no Not Defined value.
  CheckError(ScoreCvss4, "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:X/VI:H/VA:H/SC:N/SI:N/SA:N",
             "unknown value 'X' for metric 'VC' (expected H, L or N)", "X/");
  CheckError(ScoreCvss4, "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/U:red",
             "unknown value 'red' for metric 'U' (expected X, Clear, Green, Amber or Red)", "red");
  CheckError(ScoreCvss4, "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/MSC:S",
             "unknown value 'S' for metric 'MSC' (expected X, H, L or N)", "MSC:S", 4);
}

TEST_CASE("cvss error: metric without a value") {
  CheckError(ScoreCvss3, "CVSS:3.1/AV:/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
             "metric 'AV' has no value (expected N, A, L or P)", "AV:", 3);
}

TEST_CASE("cvss error: unknown metric") {
  CheckError(ScoreCvss3, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/XX:H",
             "unknown metric 'XX' for CVSS 3.1", "XX:");
  CheckError(ScoreCvss3, "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/AT:N",
             "unknown metric 'AT' for CVSS 3.0", "AT:");
  // [SPEC40] invalid: "ui" is not a metric abbreviation.
  CheckError(ScoreCvss4, "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/ui:N/VC:N/VI:L/VA:N/SC:N/SI:N/SA:N",
             "unknown metric 'ui' for CVSS 4.0 "
             "(metric names are case-sensitive: did you mean 'UI'?)",
             "ui:");
  // A 3.x metric in a 4.0 vector.
  CheckError(ScoreCvss4, "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/C:H/VI:H/VA:H/SC:N/SI:N/SA:N",
             "unknown metric 'C' for CVSS 4.0", "C:H");
}

TEST_CASE("cvss error: item that is not METRIC:VALUE") {
  CheckError(ScoreCvss3, "CVSS:3.1/AV:N/ACL/PR:N/UI:N/S:U/C:H/I:H/A:H",
             "expected 'METRIC:VALUE' but found 'ACL'", "ACL");
  CheckError(ScoreCvss3, "CVSS:3.1/AV:N/:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
             "expected 'METRIC:VALUE' but found ':L'", ":L");
}

TEST_CASE("cvss error: empty items") {
  CheckError(ScoreCvss3, "CVSS:3.1/AV:N//AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
             "empty metric (two '/' in a row)", "/AC");
  CHECK(ScoreCvss3("CVSS:3.1/AV:N//AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H").error_offset == 14);
  const std::string trailing = std::string(kGood31) + "/";
  CheckError(ScoreCvss3, trailing, "trailing '/' after the last metric", "", kGood31.size());
  CheckError(ScoreCvss3, "CVSS:3.1//AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
             "empty metric (two '/' in a row)", "", 9);
}

TEST_CASE("cvss error: CVSS 4.0 metrics out of order") {
  CheckError(ScoreCvss4, "CVSS:4.0/AC:L/AV:N/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
             "metric 'AV' is out of order: CVSS 4.0 requires it before 'AC'", "AV:");
  // The impact metrics interleaved, as reported in github/advisory-database#7448.
  CheckError(ScoreCvss4, "CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/SC:N/VI:H/SI:N/VA:H/SA:N",
             "metric 'VI' is out of order: CVSS 4.0 requires it before 'SC'", "VI:");
  // Optional groups too: Supplemental before Environmental.
  CheckError(ScoreCvss4,
             "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/S:P/CR:H",
             "metric 'CR' is out of order: CVSS 4.0 requires it before 'S'", "CR:");
  // [SPEC40] invalid: fixed ordering not respected, CVSS-BTE with Supplemental.
  CheckError(ScoreCvss4,
             "CVSS:4.0/AC:L/AV:N/PR:H/UI:N/VC:L/VI:L/VA:N/SC:N/SI:N/SA:N/CR:L/IR:X/AR:L/RE:H/"
             "MAV:A/MAC:H/MAT:N/MPR:N/MUI:P/AT:N/MVC:X/MVI:N/MVA:H/MSC:N/MSI:L/MSA:S/E:U/S:N/"
             "AU:N/R:I/V:C/U:Green",
             "metric 'AV' is out of order: CVSS 4.0 requires it before 'AC'", "AV:");
}

TEST_CASE("cvss error: the first problem in the vector is the one reported") {
  // Unknown metric comes before the missing base metric 'A' is noticed.
  CheckError(ScoreCvss3, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/ZZ:1",
             "unknown metric 'ZZ' for CVSS 3.1", "ZZ");
  const CvssResult r = ScoreCvss3("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/ZZ:1");
  CHECK(r.version_major == 3);
  CHECK(r.version_minor == 1);
}

}  // namespace
}  // namespace herald
