// herald check: flags → CheckOptions → CheckSite → report and exit code.
#include <ctime>
#include <iostream>

#include "build/load_site.h"
#include "cli/cli.h"
#include "coverage/coverage.h"
#include "lint/check.h"
#include "lint/lint.h"
#include "lint/report.h"

namespace herald::cli {
namespace {

void ListChecks() {
  for (const LintRule& rule : LintRules()) {
    std::string name = rule.name;
    name.resize(24, ' ');
    std::cout << name << rule.summary << '\n';
  }
}

}  // namespace

int RunCheck(Args& args) {
  CheckOptions options;
  Verbosity verbosity = ReadVerbosity(args);
  std::string format_name = "text";
  args.Value("--ref", &options.source.ref);
  args.Value("--since", &options.since);
  args.Value("--against", &options.against);
  args.Value("--format", &format_name);
  bool strict = args.Flag("--strict");
  bool list = args.Flag("--list-checks");
  bool coverage = args.Flag("--coverage");
  std::vector<std::string> rest;
  std::string error;
  const Command& cmd = FindCommand("check");
  if (!args.Rest(&rest, &error)) return UsageError(cmd, error);
  if (rest.size() > 1) return UsageError(cmd, "expected at most one SITE_DIR");
  ReportFormat format;
  if (!ParseReportFormat(format_name, &format)) {
    return UsageError(cmd, "--format is '" + format_name + "'; expected text, github or json");
  }
  if (list) {
    ListChecks();
    return kOk;
  }
  if (!rest.empty()) options.source.site_dir = rest[0];
  if (!ReadSourceDateEpoch(&options.source.source_date_epoch, &error))
    return UsageError(cmd, error);
  options.source.generator_version = Version();
  options.now =
      options.source.source_date_epoch.value_or(static_cast<Timestamp>(std::time(nullptr)));

  if (coverage) {
    // The baseline matrix (src/coverage/); missing items are warnings, errors with --strict.
    Diagnostics diags;
    auto loaded = LoadSite(options.source, diags);
    if (!loaded || diags.HasErrors()) {
      std::vector<Diagnostic> findings = diags.Sorted();
      std::cout << FormatReport(findings, CountFindings(findings, 0), format) << std::flush;
      return kContentErrors;
    }
    int missing = PrintCoverage(loaded->site, format_name, strict, std::cout);
    std::cout << std::flush;
    return strict && missing > 0 ? kContentErrors : kOk;
  }

  CheckReport report = CheckSite(options);
  ReportCounts counts = CountFindings(report.findings, report.hidden);
  std::vector<Diagnostic> shown;
  for (const Diagnostic& d : report.findings) {
    if (verbosity != Verbosity::kQuiet || d.severity == Severity::kError) shown.push_back(d);
  }
  std::string text = FormatReport(shown, counts, format);
  // Quiet and clean: nothing at all, as with other quiet tools.
  if (verbosity == Verbosity::kQuiet && format != ReportFormat::kJson && counts.errors == 0) {
    text.clear();
  }
  std::cout << text << std::flush;
  bool failed = counts.errors > 0 || (strict && counts.warnings > 0);
  return failed ? kContentErrors : kOk;
}

}  // namespace herald::cli
