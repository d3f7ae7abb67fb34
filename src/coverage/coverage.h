// Coverage: every baseline item evaluated for each device and for the site
// with its check kind (data/baseline.toml, [checks]) → covered / missing /
// not applicable, with the reason. Feeds the coverage pages and
// `herald check --coverage`.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "coverage/baseline.h"
#include "model/site.h"

namespace herald {

enum class CoverageStatus {
  kCovered,        // every path passes its check
  kReview,         // passes what herald can check; a person must confirm (manual, covers claim)
  kMissing,        // a path is unset or fails its check
  kNotApplicable,  // the condition does not hold or there is nothing to look at yet
};

const char* CoverageStatusName(CoverageStatus s);  // "covered", "review", "missing", "not_applicable"

struct ItemResult {
  const BaselineItem* item = nullptr;
  CoverageStatus status = CoverageStatus::kMissing;
  std::string reason;  // why missing / not applicable / to review; empty when plainly covered
};

struct CoverageReport {
  std::string device;  // slug; empty for the site-wide report
  std::vector<ItemResult> results;  // items in scope, baseline order
  int covered = 0, review = 0, missing = 0, not_applicable = 0;
  /// Covered and review items over the applicable ones, 0–100 (100 when none apply).
  int Percent() const;
};

/// Items in the device's scope, including the site-level paths they name.
CoverageReport EvaluateDevice(const Site& site, const Device& device, const Baseline& baseline);
/// Items whose paths are all site-level (site.*, page:, site outputs).
CoverageReport EvaluateSite(const Site& site, const Baseline& baseline);

/// Both at once: the site report first, then one per device by slug.
std::vector<CoverageReport> EvaluateAll(const Site& site, const Baseline& baseline = BuiltinBaseline());

// --- Pieces exposed for the unit tests. ---
struct CoverageContext;
/// Evaluates a baseline condition ("PATH == v and count(PATH) > 1" …).
bool EvaluateCondition(const CoverageContext& ctx, const std::string& condition);

/// Missing items as findings (check "coverage"): warnings, errors when
/// `strict`; located at the device's index.md or site.toml.
std::vector<Diagnostic> CoverageFindings(const Site& site, const std::vector<CoverageReport>& reports,
                                         bool strict);

/// The matrix as text (one line per item and report), or JSON when `json`.
std::string FormatCoverageMatrix(const std::vector<CoverageReport>& reports, bool json);

/// Hook for `herald check --coverage`: prints the matrix in `format` ("text",
/// "github" or "json") to `out`; "github" also prints a ::warning (::error
/// under `strict`) annotation per missing item. Returns the number of missing
/// items; with `strict` the caller fails when it is not zero.
int PrintCoverage(const Site& site, const std::string& format, bool strict, std::ostream& out);

}  // namespace herald
