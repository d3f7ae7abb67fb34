// The rule table and the context rules report through.
#include <algorithm>

#include "lint/lint.h"
#include "lint/raw_sources.h"

namespace herald {

std::vector<const Advisory*> LintContext::AllAdvisories() const {
  std::vector<const Advisory*> all;
  for (const Advisory& a : site().advisories) all.push_back(&a);
  for (const Advisory& a : site().withheld) all.push_back(&a);
  std::sort(all.begin(), all.end(),
            [](const Advisory* a, const Advisory* b) { return a->where.path < b->where.path; });
  return all;
}

bool LintContext::Rendered(const Advisory& a) const {
  if (!output()) return false;
  const Advisory* published = site().FindAdvisory(a.id);
  return published == &a;
}

const Release& LintContext::current() {
  if (!current_) {
    current_.emplace();
    if (const Output* out = output()) {
      std::string ignored;  // the build just wrote it; the CSAF rules check its content
      ReadRelease(*out, &*current_, &ignored);
    }
  }
  return *current_;
}

const Advisory* LintContext::FindAnyAdvisory(const std::string& id) const {
  if (const Advisory* a = site().FindAdvisory(id)) return a;
  for (const Advisory& a : site().withheld) {
    if (a.id == id) return &a;
  }
  return nullptr;
}

void LintContext::Error(const SourceLocation& where, std::string message) {
  diags_.Error(where, std::move(message), rule_);
}

void LintContext::Warning(const SourceLocation& where, std::string message) {
  diags_.Warning(where, std::move(message), rule_);
}

const std::vector<LintRule>& LintRules() {
  // Rows without a function name errors the build itself reports (a build
  // must fail on them too); they are listed so every check has a name.
  static const std::vector<LintRule> kRules = {
      {"cve-syntax", "a CVE id that is not CVE-YYYY-NNNN (build error)", nullptr},
      {"cvss-vector",
       "a CVSS vector that is malformed, repeats a metric or misses a base "
       "metric (build error)",
       nullptr},
      {"version-range", "an affected range that does not parse (build error)", nullptr},
      {"revision-order", "revisions not in strictly increasing date order (build error)", nullptr},
      {"cve-duplicate", "a CVE named by two advisories (warning), or twice in one",
       CheckCveDuplicates},
      {"cwe-unknown",
       "a CWE id that is not in the CWE catalogue herald ships (build error "
       "for published advisories)",
       CheckCweCatalogue},
      {"tlp-not-clear", "an advisory a build skips because its TLP is not CLEAR (warning)",
       CheckTlpNotClear},
      {"advisory-year", "an advisory outside advisories/YYYY/ of its publication year",
       CheckAdvisoryYear},
      {"final-without-revision", "a final advisory without a [[revisions]] entry",
       CheckFinalRevision},
      {"device-mention",
       "a device both affected and not affected; a remediation for a "
       "device that is not affected (warning) or not named at all (build error)",
       CheckDeviceMentions},
      {"device-unreferenced",
       "an affected device that no vulnerability names when every vulnerability lists its "
       "devices (warning; an unreferenced CSAF product)",
       CheckUnreferencedDevices},
      {"version-unlisted",
       "an affected range or fixed version naming a firmware version the "
       "device page does not list",
       CheckUnlistedVersions},
      {"fixed-in-range", "a fixed version inside the range it is said to fix", CheckFixedInRange},
      {"future-date", "a date of an advisory, a firmware release or a review in the future",
       CheckFutureDates},
      {"date-order",
       "'updated' before 'published' or the last revision; 'withdrawn.date' "
       "before 'published'",
       CheckDateOrder},
      {"support-ended",
       "security support has ended but the support terms were last "
       "reviewed while the device was supported",
       CheckSupportEnded},
      {"broken-link", "an internal link to a page, file or anchor the site does not have",
       CheckInternalLinks},
      {"relative-link",
       "a relative link in Markdown, which breaks where the text is "
       "reused (warning)",
       CheckRelativeLinks},
      {"placeholder", "a TODO marker, as herald init and herald new leave them (warning)",
       CheckPlaceholders},
      {"security-txt-expires",
       "security.txt would expire within 30 days of the check (warning), or has expired",
       CheckSecurityTxtExpiry},
      // Publishing invariants: only with --against, against the previous release.
      {"advisory-removed",
       "--against: a published advisory missing from the build (mark it withdrawn instead)",
       CheckRemovedAdvisories},
      {"id-changed", "--against: a published advisory whose id changed", CheckChangedIds},
      {"published-changed", "--against: a published advisory whose first publication date changed",
       CheckPublishedDates},
      {"version-backwards", "--against: a CSAF version lower than the one published before",
       CheckVersionOrder},
      {"release-date-backwards",
       "--against: a current_release_date earlier than the one published before",
       CheckReleaseDates},
      {"revision-missing",
       "--against: a published advisory that changed without a new [[revisions]] entry",
       CheckRevisionMissing},
  };
  return kRules;
}

void RunLint(const LintInput& input, Diagnostics& diags) {
  if (!input.site || !input.tree) return;
  RawSources raw(*input.tree);
  LintContext ctx(input, raw, diags);
  for (const LintRule& rule : LintRules()) {
    if (!rule.run) continue;
    ctx.set_rule(rule.name);
    rule.run(ctx);
  }
}

}  // namespace herald
