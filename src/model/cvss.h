// CVSS: validate a vector string and compute its base score and severity.
//
// herald computes the score from the vector itself instead of trusting a
// score written beside it.
//
//   CVSS 3.0 / 3.1  the base equations of the v3.1 specification (section 7.1),
//                   with Appendix A's Roundup for 3.1 and 3.0's ceil-based one.
//   CVSS 4.0        the MacroVector method of the v4.0 specification (section
//                   8), with the lookup table, max-severity vectors and depths
//                   of FIRST's reference calculator. The returned score is
//                   CVSS-B: Threat and Environmental metrics are validated but
//                   do not change base_score. Scores match the reference
//                   calculator, including its round-half-up of x.x5 ties.
//
// Validation follows the specifications: every base metric once, optional
// metrics (Temporal, Threat, Environmental, Supplemental) with their defined
// values, no metric twice, no unknown metric; 3.x metrics in any order, 4.0
// metrics in the specification's order. Nothing throws.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace herald {

struct CvssResult {
  bool ok = false;
  int version_major = 0, version_minor = 0;  // 3.0, 3.1 or 4.0 (set once the prefix is read)
  double base_score = 0;                     // one decimal, e.g. 9.8
  std::string severity;                      // "none" | "low" | "medium" | "high" | "critical"
  // When !ok, what is wrong in words a PSIRT engineer can act on, e.g.
  //   "metric 'AV' appears twice"
  //   "missing base metric 'PR'"
  //   "unknown value 'X' for metric 'AC' (expected L or H)"
  //   "vector must start with 'CVSS:3.1/' or 'CVSS:3.0/'"
  std::string error;
  // Byte offset of the problem in the vector: the offending metric, value or
  // separator; for a missing metric, where it belongs; 0 for the prefix.
  size_t error_offset = 0;
};

/// Scores "CVSS:3.0/..." or "CVSS:3.1/..." vectors.
CvssResult ScoreCvss3(std::string_view vector);

/// Scores "CVSS:4.0/..." vectors (CVSS-B).
CvssResult ScoreCvss4(std::string_view vector);

/// Picks ScoreCvss3 or ScoreCvss4 from the vector's prefix.
CvssResult ScoreCvss(std::string_view vector);

/// The qualitative rating of a score (CVSS 3.1 / 4.0 table): "none" for 0.0,
/// "low" 0.1-3.9, "medium" 4.0-6.9, "high" 7.0-8.9, "critical" 9.0-10.0.
std::string CvssSeverityName(double score);

/// The CVSS 4.0 score of a MacroVector (EQ1..EQ6 levels), or nullopt for a
/// combination the specification does not define. Exposed for tests.
std::optional<double> Cvss4MacroVectorScore(int eq1, int eq2, int eq3, int eq4, int eq5, int eq6);

}  // namespace herald
