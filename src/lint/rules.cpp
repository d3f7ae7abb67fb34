// The rule table and the context rules report through.
#include <algorithm>

#include "lint/lint.h"
#include "lint/raw_sources.h"

namespace herald {

std::vector<const Advisory*> LintContext::AllAdvisories() const {
  std::vector<const Advisory*> all;
  for (const Advisory& a : site().advisories) all.push_back(&a);
  for (const Advisory& a : site().withheld) all.push_back(&a);
  std::sort(all.begin(), all.end(), [](const Advisory* a, const Advisory* b) {
    return a->where.path < b->where.path;
  });
  return all;
}

bool LintContext::Rendered(const Advisory& a) const {
  if (!output()) return false;
  const Advisory* published = site().FindAdvisory(a.id);
  return published == &a;
}

void LintContext::Error(const SourceLocation& where, std::string message) {
  diags_.Error(where, std::move(message), rule_);
}

void LintContext::Warning(const SourceLocation& where, std::string message) {
  diags_.Warning(where, std::move(message), rule_);
}

const std::vector<LintRule>& LintRules() {
  static const std::vector<LintRule> kRules = {
      {"cve-duplicate", "a CVE named by two advisories (warning), or twice in one",
       CheckCveDuplicates},
      {"cwe-unknown", "a CWE id that is not in the CWE catalogue herald ships",
       CheckCweCatalogue},
      {"tlp-not-clear", "an advisory a build skips because its TLP is not CLEAR (warning)",
       CheckTlpNotClear},
      {"advisory-year", "an advisory outside advisories/YYYY/ of its publication year",
       CheckAdvisoryYear},
      {"final-without-revision", "a final advisory without a [[revisions]] entry",
       CheckFinalRevision},
      {"device-mention", "a device both affected and not affected; a remediation for a "
       "device that is not affected (warning)", CheckDeviceMentions},
      {"version-unlisted", "an affected range naming a version the device page does not list",
       CheckUnlistedVersions},
      {"fixed-in-range", "a fixed version inside the range it is said to fix", CheckFixedInRange},
      {"future-date", "a date of an advisory, a firmware release or a review in the future",
       CheckFutureDates},
      {"date-order", "'updated' before 'published' or the last revision; 'withdrawn.date' "
       "before 'published'", CheckDateOrder},
      {"support-ended", "security support has ended but the support terms were last "
       "reviewed while the device was supported", CheckSupportEnded},
      {"broken-link", "an internal link to a page, file or anchor the site does not have",
       CheckInternalLinks},
      {"relative-link", "a relative link in Markdown, which breaks where the text is "
       "reused (warning)", CheckRelativeLinks},
  };
  return kRules;
}

void RunLint(const LintInput& input, Diagnostics& diags) {
  if (!input.site || !input.tree) return;
  RawSources raw(*input.tree);
  LintContext ctx(input, raw, diags);
  for (const LintRule& rule : LintRules()) {
    ctx.set_rule(rule.name);
    rule.run(ctx);
  }
}

}  // namespace herald
