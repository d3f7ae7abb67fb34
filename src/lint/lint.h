// Lint: the checks `herald check` runs beyond what a build enforces.
//
// A rule is a row {name, summary, function} (ninja's kTools[]); each family
// of rules lives in its own file (advisory_rules.cpp, version_rules.cpp,
// date_rules.cpp, link_rules.cpp, site_rules.cpp, and release_rules.cpp for
// the publishing invariants of --against). Rules read the assembled Site,
// the raw source files where a position is not in the model, and the
// rendered output when the build got that far; they report through
// LintContext, which stamps every diagnostic with the rule's name. Nothing
// here throws or writes.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "lint/release.h"
#include "model/site.h"
#include "render/output.h"
#include "source/source_tree.h"

namespace herald {

class RawSources;

struct LintInput {
  const Site* site = nullptr;
  const SourceTree* tree = nullptr;
  /// The rendered site when the build got to render it (the load was clean):
  /// links then resolve against real files and element ids, and render-time
  /// checks (CSAF) have run on the published advisories. Null otherwise.
  const Output* output = nullptr;
  /// "Now" for dates in the future and ended support: SOURCE_DATE_EPOCH or
  /// the wall clock, never the commit time.
  Timestamp now = 0;
  /// The previous release (`herald check --against`); null without it. The
  /// publishing-invariant rules compare the rendered output with it.
  const Release* previous = nullptr;
};

class LintContext {
 public:
  LintContext(const LintInput& input, RawSources& raw, Diagnostics& diags)
      : input_(input), raw_(raw), diags_(diags) {}

  const Site& site() const { return *input_.site; }
  const SourceTree& tree() const { return *input_.tree; }
  const Output* output() const { return input_.output; }
  Timestamp now() const { return input_.now; }
  RawSources& raw() { return raw_; }
  const Release* previous() const { return input_.previous; }
  /// The CSAF documents of the rendered output, read as the previous
  /// release's are (computed once); empty without output.
  const Release& current();
  /// The advisory file with this id, published or withheld; null if none.
  const Advisory* FindAnyAdvisory(const std::string& id) const;

  /// Every advisory file that loaded, published or withheld, by path.
  std::vector<const Advisory*> AllAdvisories() const;
  /// True when the build renders this advisory (so render-time checks ran on it).
  bool Rendered(const Advisory& a) const;

  void Error(const SourceLocation& where, std::string message);
  void Warning(const SourceLocation& where, std::string message);

  void set_rule(const char* name) { rule_ = name; }

 private:
  const LintInput& input_;
  RawSources& raw_;
  Diagnostics& diags_;
  const char* rule_ = "";
  std::optional<Release> current_;
};

struct LintRule {
  const char* name;               // kebab-case, printed as "[name]"
  const char* summary;            // one line for `herald check --list-checks`
  void (*run)(LintContext& ctx);  // null: the build itself reports it (load, assemble)
};

/// Every rule, in the order they run.
const std::vector<LintRule>& LintRules();

/// Runs every rule on `input`.
void RunLint(const LintInput& input, Diagnostics& diags);

// Rule functions, one family per file.
void CheckCveDuplicates(LintContext& ctx);
void CheckCweCatalogue(LintContext& ctx);
void CheckTlpNotClear(LintContext& ctx);
void CheckAdvisoryYear(LintContext& ctx);
void CheckFinalRevision(LintContext& ctx);
void CheckDeviceMentions(LintContext& ctx);
void CheckUnreferencedDevices(LintContext& ctx);
void CheckUnlistedVersions(LintContext& ctx);
void CheckFixedInRange(LintContext& ctx);
void CheckFutureDates(LintContext& ctx);
void CheckDateOrder(LintContext& ctx);
void CheckSupportEnded(LintContext& ctx);
void CheckInternalLinks(LintContext& ctx);
void CheckRelativeLinks(LintContext& ctx);
void CheckPlaceholders(LintContext& ctx);
void CheckSecurityTxtExpiry(LintContext& ctx);
// Publishing invariants against the previous release (--against).
void CheckRemovedAdvisories(LintContext& ctx);
void CheckChangedIds(LintContext& ctx);
void CheckPublishedDates(LintContext& ctx);
void CheckVersionOrder(LintContext& ctx);
void CheckReleaseDates(LintContext& ctx);
void CheckRevisionMissing(LintContext& ctx);

}  // namespace herald
