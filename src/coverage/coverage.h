// Coverage: every baseline item evaluated for each device and for the site
// with its check kind (data/baseline.toml, [checks]) → covered / missing /
// not applicable, with the reason. Feeds the coverage pages and
// `herald check --coverage`.
//
// Files: evaluate.cpp (the loop over items, firmware entries and
// advisories), plan.cpp (what the loop knows of each item), checks.cpp (the check kinds), conditions.cpp (`when`,
// scopes), values.cpp (paths, presence, dates), model_json.cpp (the model
// as JSON), coverage_set.cpp (one evaluation per build, shared),
// coverage_report.cpp (text, JSON, findings).
#pragma once

#include <iosfwd>
#include <memory>
#include <set>
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
  /// The field the result is about, when the check names one (findings
  /// point there); else empty, and findings point at the report's file.
  SourceLocation where;
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

/// The built-in baseline's coverage of one assembled site, as every output
/// of a build shares it: each report is evaluated on first use and at most
/// once per Site (the results live with the Site, see Site::coverage_memo),
/// from any number of threads. The reports equal EvaluateSite's and
/// EvaluateDevice's. A cheap handle; make one where needed.
class SiteCoverage {
 public:
  explicit SiteCoverage(const Site& site);
  const CoverageReport& SiteReport() const;
  /// The report of site.devices[index].
  const CoverageReport& DeviceReport(size_t index) const;
  /// The site report, then one per device in site order. Evaluates the
  /// devices not evaluated yet on all cores, so call it from one thread,
  /// not from inside a ParallelFor job.
  std::vector<const CoverageReport*> All() const;

 private:
  const Site& site_;
  CoverageMemo& memo_;
};

/// For `herald serve`, which patches a Site in place (build/site_patch.h):
/// after the devices and advisories at these indexes were replaced, with
/// every index, the pages and site.toml unchanged, keeps the reports and
/// verdicts evaluated so far but theirs (and the site report, which reads
/// every device). Call while nothing reads the site.
void KeepCoverageExcept(Site& site, const std::set<size_t>& devices, const std::set<size_t>& advisories);

/// Missing items as findings (check "coverage"): warnings, errors when
/// `strict`; located at the field (ItemResult::where), else at the
/// device's index.md or site.toml.
std::vector<Diagnostic> CoverageFindings(const Site& site, const std::vector<const CoverageReport*>& reports,
                                         bool strict);

/// The matrix as text (one line per item and report), or JSON when `json`
/// (items carry "where" when they point at a field).
std::string FormatCoverageMatrix(const std::vector<const CoverageReport*>& reports, bool json);

/// Hook for `herald check --coverage`: prints the matrix in `format` ("text",
/// "github" or "json") to `out`; "github" also prints a ::warning (::error
/// under `strict`) annotation per missing item, and "text" a
/// `path:line:col: warning:` line per missing item that points at a field.
/// Returns the number of missing items; with `strict` the caller fails when
/// it is not zero.
int PrintCoverage(const Site& site, const std::string& format, bool strict, std::ostream& out);

}  // namespace herald
