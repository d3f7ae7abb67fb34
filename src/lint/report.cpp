#include "lint/report.h"

#include <nlohmann/json.hpp>

namespace herald {
namespace {

const char* SeverityName(Severity s) {
  switch (s) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kNote:
      return "notice";
  }
  return "error";
}

// GitHub workflow commands: data escapes %, CR, LF; properties also ':' and ','.
std::string EscapeData(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '%')
      out += "%25";
    else if (c == '\r')
      out += "%0D";
    else if (c == '\n')
      out += "%0A";
    else
      out += c;
  }
  return out;
}

std::string EscapeProperty(const std::string& s) {
  std::string out;
  for (char c : EscapeData(s)) {
    if (c == ':')
      out += "%3A";
    else if (c == ',')
      out += "%2C";
    else
      out += c;
  }
  return out;
}

std::string GithubLine(const Diagnostic& d) {
  std::string props;
  auto add = [&](const std::string& key, const std::string& value) {
    props += (props.empty() ? " " : ",") + key + "=" + EscapeProperty(value);
  };
  if (!d.where.path.empty()) add("file", d.where.path);
  if (d.where.line > 0) add("line", std::to_string(d.where.line));
  if (d.where.column > 0) add("col", std::to_string(d.where.column));
  add("title", d.check.empty() ? "herald" : d.check);
  return "::" + std::string(SeverityName(d.severity)) + props + "::" + EscapeData(d.message);
}

}  // namespace

bool ParseReportFormat(std::string_view name, ReportFormat* out) {
  if (name == "text")
    *out = ReportFormat::kText;
  else if (name == "github")
    *out = ReportFormat::kGithub;
  else if (name == "json")
    *out = ReportFormat::kJson;
  else
    return false;
  return true;
}

ReportCounts CountFindings(const std::vector<Diagnostic>& findings, size_t hidden) {
  ReportCounts c;
  c.hidden = hidden;
  for (const Diagnostic& d : findings) {
    if (d.severity == Severity::kError) ++c.errors;
    if (d.severity == Severity::kWarning) ++c.warnings;
  }
  return c;
}

std::string SummaryLine(const ReportCounts& c) {
  std::string line = "herald check: " + std::to_string(c.errors) +
                     (c.errors == 1 ? " error, " : " errors, ") + std::to_string(c.warnings) +
                     (c.warnings == 1 ? " warning" : " warnings");
  if (c.hidden > 0) line += "; " + std::to_string(c.hidden) + " in unchanged files not shown";
  return line;
}

std::string FormatReport(const std::vector<Diagnostic>& findings, size_t hidden,
                         ReportFormat format) {
  return FormatReport(findings, CountFindings(findings, hidden), format);
}

std::string FormatReport(const std::vector<Diagnostic>& findings, const ReportCounts& counts,
                         ReportFormat format) {
  std::string out;
  if (format == ReportFormat::kJson) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const Diagnostic& d : findings) {
      nlohmann::ordered_json j;
      j["path"] = d.where.path;
      j["line"] = d.where.line;
      j["column"] = d.where.column;
      j["severity"] = d.severity == Severity::kNote ? "note" : SeverityName(d.severity);
      j["check"] = d.check;
      j["message"] = d.message;
      list.push_back(std::move(j));
    }
    nlohmann::ordered_json root;
    root["errors"] = counts.errors;
    root["warnings"] = counts.warnings;
    root["hidden"] = counts.hidden;
    root["findings"] = std::move(list);
    // Invalid UTF-8 in a message (a file name, a quoted value) must not throw.
    return root.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
  }
  for (const Diagnostic& d : findings) {
    out += format == ReportFormat::kGithub ? GithubLine(d) : FormatDiagnostic(d);
    out += '\n';
  }
  return out + SummaryLine(counts) + "\n";
}

}  // namespace herald
