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

std::string Pad(std::string s, size_t n) {
  if (s.size() < n) s.resize(n, ' ');
  return s;
}

}  // namespace

std::vector<Diagnostic> CoverageFindings(const Site& site, const std::vector<CoverageReport>& reports,
                                         bool strict) {
  std::vector<Diagnostic> out;
  for (const CoverageReport& r : reports) {
    for (const ItemResult& x : r.results) {
      if (x.status != CoverageStatus::kMissing) continue;
      Diagnostic d;
      d.severity = strict ? Severity::kError : Severity::kWarning;
      d.where = Where(site, r);
      d.check = "coverage";
      d.message = Label(r) + ": " + x.item->id + " (" + x.item->summary + ") is missing: " + x.reason;
      out.push_back(std::move(d));
    }
  }
  return out;
}

std::string FormatCoverageMatrix(const std::vector<CoverageReport>& reports, bool as_json) {
  if (as_json) {
    nlohmann::json j = nlohmann::json::array();
    for (const CoverageReport& r : reports) {
      nlohmann::json items = nlohmann::json::array();
      for (const ItemResult& x : r.results) {
        items.push_back({{"id", x.item->id},
                         {"status", CoverageStatusName(x.status)},
                         {"reason", x.reason},
                         {"source", x.item->source},
                         {"level", x.item->level},
                         {"summary", x.item->summary},
                         {"paths", x.item->satisfied_by}});
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
  for (const CoverageReport& r : reports) {
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
  std::vector<CoverageReport> reports = EvaluateAll(site);
  out << FormatCoverageMatrix(reports, format == "json");
  int missing = 0;
  for (const CoverageReport& r : reports) missing += r.missing;
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
