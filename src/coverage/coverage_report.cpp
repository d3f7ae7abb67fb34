// Coverage as text, JSON and findings (`herald check --coverage`).
#include <nlohmann/json.hpp>
#include <ostream>
#include <sstream>

#include "coverage/coverage.h"

namespace herald {

namespace {

std::string Label(const CoverageReport& r) { return r.device.empty() ? "site" : r.device; }

SourceLocation Where(const Site& site, const CoverageReport& r) {
  if (!r.device.empty()) {
    if (const Device* d = site.FindDevice(r.device)) return d->where;
  }
  SourceLocation w = site.config.where;
  if (w.path.empty()) w.path = "site.toml";
  return w;
}

Diagnostic Finding(const Site& site, const CoverageReport& r, const ItemResult& x, bool strict) {
  Diagnostic d;
  d.severity = strict ? Severity::kError : Severity::kWarning;
  d.where = x.where.path.empty() ? Where(site, r) : x.where;
  d.check = "coverage";
  d.message = Label(r) + ": " + x.item->id + " (" + x.item->summary + ") is missing: " + x.reason;
  return d;
}

std::string Pad(std::string s, size_t n) {
  if (s.size() < n) s.resize(n, ' ');
  return s;
}

}  // namespace

std::vector<Diagnostic> CoverageFindings(const Site& site, const std::vector<const CoverageReport*>& reports,
                                         bool strict) {
  std::vector<Diagnostic> out;
  for (const CoverageReport* r : reports) {
    for (const ItemResult& x : r->results) {
      if (x.status == CoverageStatus::kMissing) out.push_back(Finding(site, *r, x, strict));
    }
  }
  return out;
}

std::string FormatCoverageMatrix(const std::vector<const CoverageReport*>& reports, bool as_json) {
  if (as_json) {
    nlohmann::json j = nlohmann::json::array();
    for (const CoverageReport* report : reports) {
      const CoverageReport& r = *report;
      nlohmann::json items = nlohmann::json::array();
      for (const ItemResult& x : r.results) {
        items.push_back({{"id", x.item->id},
                         {"status", CoverageStatusName(x.status)},
                         {"reason", x.reason},
                         {"source", x.item->source},
                         {"level", x.item->level},
                         {"summary", x.item->summary},
                         {"paths", x.item->satisfied_by}});
        if (!x.where.path.empty()) {
          items.back()["where"] = {{"path", x.where.path}, {"line", x.where.line}, {"column", x.where.column}};
        }
      }
      j.push_back({{"report", Label(r)},
                   {"covered", r.covered},
                   {"review", r.review},
                   {"missing", r.missing},
                   {"not_applicable", r.not_applicable},
                   {"percent", r.Percent()},
                   {"items", items}});
    }
    return j.dump(2) + "\n";
  }
  std::ostringstream out;
  for (const CoverageReport* report : reports) {
    const CoverageReport& r = *report;
    out << Label(r) << ": " << r.Percent() << "% (" << r.covered << " covered, " << r.review << " to review, "
        << r.missing << " missing, " << r.not_applicable << " not applicable)\n";
    for (const ItemResult& x : r.results) {
      out << "  " << Pad(x.item->id, 8) << ' ' << Pad(CoverageStatusName(x.status), 15);
      out << (x.reason.empty() ? x.item->summary : x.reason) << '\n';
    }
  }
  return out.str();
}

int PrintCoverage(const Site& site, const std::string& format, bool strict, std::ostream& out) {
  std::vector<const CoverageReport*> reports = SiteCoverage(site).All();
  out << FormatCoverageMatrix(reports, format == "json");
  int missing = 0;
  for (const CoverageReport* r : reports) missing += r->missing;
  if (format == "text") {
    // Missing items that point at a field, as a compiler would print them.
    for (const CoverageReport* r : reports) {
      for (const ItemResult& x : r->results) {
        if (x.status == CoverageStatus::kMissing && !x.where.path.empty()) {
          out << FormatDiagnostic(Finding(site, *r, x, strict)) << '\n';
        }
      }
    }
  }
  if (format == "github") {
    for (const Diagnostic& d : CoverageFindings(site, reports, strict)) {
      out << (d.severity == Severity::kError ? "::error" : "::warning") << " file=" << d.where.path;
      if (d.where.line > 0) out << ",line=" << d.where.line;
      out << ",title=coverage::" << d.message << '\n';
    }
  }
  return missing;
}

}  // namespace herald
