// Report: `herald check` findings as text, GitHub workflow annotations or JSON.
//
// All three list the same findings in the same (sorted) order and end with
// the same counts, so a fixture can pin each format exactly.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"

namespace herald {

enum class ReportFormat { kText, kGithub, kJson };

/// "text", "github" or "json".
bool ParseReportFormat(std::string_view name, ReportFormat* out);

struct ReportCounts {
  size_t errors = 0, warnings = 0;
  size_t hidden = 0;  // findings --since left out (in files the change did not touch)
};

ReportCounts CountFindings(const std::vector<Diagnostic>& findings, size_t hidden);

/// The whole report, ending with a newline:
///   text    path:line:col: error: message [check], then "herald check: 1 error, 0 warnings"
///   github  ::error file=…,line=…,col=…,title=…::message, then the same summary line
///   json    {"errors":…,"warnings":…,"hidden":…,"findings":[{"path","line","column",
///           "severity","check","message"}, …]}, keys in that order
std::string FormatReport(const std::vector<Diagnostic>& findings, size_t hidden,
                         ReportFormat format);
/// The same with counts given (--quiet lists errors only but counts all).
std::string FormatReport(const std::vector<Diagnostic>& findings, const ReportCounts& counts,
                         ReportFormat format);

/// "herald check: 2 errors, 1 warning" (+ "; 3 in unchanged files not shown").
std::string SummaryLine(const ReportCounts& counts);

}  // namespace herald
