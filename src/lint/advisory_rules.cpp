// Advisory rules: CVE and CWE ids, TLP, the year folder, revisions and
// the devices an advisory names.
#include <map>
#include <set>

#include "lint/lint.h"
#include "lint/raw_sources.h"
#include "model/cwe.h"

namespace herald {
namespace {

std::string Where(const SourceLocation& at) {
  return at.path + ":" + std::to_string(at.line) + ":" + std::to_string(at.column);
}

// Where vulnerability `i`'s `key` is written, else the vulnerability's table.
SourceLocation VulnerabilityKey(LintContext& ctx, const Advisory& a, size_t i, const char* key) {
  const TomlValue* table = ctx.raw().TableItem(a.where.path, "vulnerabilities", i);
  return RawSources::ValueAt(a.where.path, table, key, a.vulnerabilities[i].where);
}

bool Related(const Advisory& a, const Advisory& b) {
  return a.superseded_by.value == b.id || b.superseded_by.value == a.id || a.withdrawn ||
         b.withdrawn;
}

}  // namespace

void CheckCveDuplicates(LintContext& ctx) {
  struct Use {
    const Advisory* advisory;
    SourceLocation where;
  };
  std::map<std::string, std::vector<Use>> uses;
  for (const Advisory* a : ctx.AllAdvisories()) {
    std::map<std::string, size_t> seen;  // CVE → first vulnerability, within this advisory
    for (size_t i = 0; i < a->vulnerabilities.size(); ++i) {
      const std::string& cve = a->vulnerabilities[i].cve;
      if (cve.empty()) continue;
      SourceLocation at = VulnerabilityKey(ctx, *a, i, "cve");
      auto [it, first] = seen.emplace(cve, i);
      if (!first) {
        ctx.Error(at, cve + " is named by vulnerabilities " + std::to_string(it->second + 1) +
                          " and " + std::to_string(i + 1) +
                          " of this advisory; CSAF allows a CVE "
                          "once per document: merge them into one [[vulnerabilities]] entry");
        continue;
      }
      uses[cve].push_back({a, at});
    }
  }
  for (const auto& [cve, list] : uses) {
    for (const Use& use : list) {
      std::string others;
      for (const Use& other : list) {
        if (other.advisory == use.advisory || Related(*use.advisory, *other.advisory)) continue;
        others +=
            (others.empty() ? "" : ", ") + other.advisory->id + " (" + Where(other.where) + ")";
      }
      if (others.empty()) continue;
      ctx.Warning(use.where, cve + " is also named by " + others +
                                 "; a CVE belongs in one "
                                 "advisory: add a revision to one of them, or mark the older one "
                                 "superseded_by the newer");
    }
  }
}

void CheckCweCatalogue(LintContext& ctx) {
  for (const Advisory* a : ctx.AllAdvisories()) {
    if (ctx.Rendered(*a)) continue;  // the CSAF writer of the build checked it already
    for (size_t i = 0; i < a->vulnerabilities.size(); ++i) {
      const std::string& cwe = a->vulnerabilities[i].cwe;
      if (cwe.empty()) continue;
      SourceLocation at = VulnerabilityKey(ctx, *a, i, "cwe");
      const CweEntry* entry = FindCwe(cwe);
      if (!entry) {
        ctx.Error(at, "'cwe' is " + cwe + ", which is not in the CWE " + CweCatalogueVersion() +
                          " catalogue herald ships (data/README.md); expected a weakness id "
                          "from https://cwe.mitre.org, such as CWE-787");
      } else if (entry->status == "Deprecated") {
        ctx.Warning(at, cwe + " (" + entry->name + ") is deprecated in the CWE " +
                            CweCatalogueVersion() + " catalogue; name a current weakness");
      }
    }
  }
}

void CheckTlpNotClear(LintContext& ctx) {
  for (const Advisory& a : ctx.site().withheld) {
    if (a.tlp == "CLEAR") continue;
    SourceLocation at =
        RawSources::ValueAt(a.where.path, ctx.raw().Toml(a.where.path), "tlp", a.where);
    ctx.Warning(at, "TLP is " + a.tlp + ", so builds skip this advisory; TLP:" + a.tlp +
                        " information must not reach a site repository by mistake: set "
                        "tlp = \"CLEAR\" once it may be published, or keep the file out of "
                        "this branch");
  }
}

void CheckAdvisoryYear(LintContext& ctx) {
  for (const Advisory* a : ctx.AllAdvisories()) {
    const std::string& path = a->where.path;
    // advisories/YYYY/ID.md; the loader reported files anywhere else.
    if (a->published == 0 || path.size() < 16 || path.compare(0, 11, "advisories/") != 0) continue;
    std::string folder = path.substr(11, 4);
    std::string year = std::to_string(YearOf(a->published));
    if (folder == year) continue;
    SourceLocation at = RawSources::ValueAt(path, ctx.raw().Toml(path), "published", a->where);
    ctx.Error(at, "advisory published on " + FormatIsoDate(a->published) + " is in advisories/" +
                      folder + "/; move it to advisories/" + year +
                      "/ (the folder is the year "
                      "of publication)");
  }
}

void CheckFinalRevision(LintContext& ctx) {
  for (const Advisory* a : ctx.AllAdvisories()) {
    if (a->status != AdvisoryStatus::kFinal || !a->revisions.empty()) continue;
    const std::string& path = a->where.path;
    SourceLocation at = RawSources::ValueAt(path, ctx.raw().Toml(path), "status", a->where);
    ctx.Error(at,
              "a final advisory needs at least one [[revisions]] entry (date and summary "
              "of the initial release); CSAF documents carry the revision history");
  }
}

void CheckDeviceMentions(LintContext& ctx) {
  for (const Advisory* a : ctx.AllAdvisories()) {
    std::map<std::string, const LocatedString*> affected;
    for (const Affected& x : a->affected) affected.emplace(x.device.value, &x.device);
    std::set<std::string> not_affected;
    for (const NotAffected& x : a->not_affected) {
      not_affected.insert(x.device.value);
      auto it = affected.find(x.device.value);
      if (x.device.value.empty() || it == affected.end()) continue;
      ctx.Error(x.device.where, "device '" + x.device.value + "' is in both [[affected]] (line " +
                                    std::to_string(it->second->where.line) +
                                    ") and "
                                    "[[not_affected]]; a device is either affected or not: "
                                    "remove one entry");
    }
    for (const Remediation& r : a->remediations) {
      for (const LocatedString& d : r.devices) {
        if (!not_affected.count(d.value) || affected.count(d.value)) continue;
        ctx.Warning(d.where, "remediation names device '" + d.value +
                                 "', which [[not_affected]] "
                                 "lists as not affected; remediations are for affected devices");
      }
    }
  }
}

// A vulnerability with `devices` applies to those only; an affected device
// that none of them names becomes a CSAF product no vulnerability refers to
// (CSAF 2.0 optional test 6.2.1), and readers cannot tell what affects it.
void CheckUnreferencedDevices(LintContext& ctx) {
  for (const Advisory* a : ctx.AllAdvisories()) {
    if (a->vulnerabilities.empty()) continue;
    std::set<std::string> named;
    bool all = false;
    for (const Vulnerability& v : a->vulnerabilities) {
      if (v.devices.empty()) all = true;
      for (const LocatedString& d : v.devices) named.insert(d.value);
    }
    if (all) continue;
    for (const Affected& x : a->affected) {
      if (x.device.value.empty() || named.count(x.device.value)) continue;
      ctx.Warning(x.device.where,
                  "device '" + x.device.value + "' is in [[affected]] but no [[vulnerabilities]] "
                  "entry names it in its devices; add it to the devices of the vulnerability "
                  "that affects it, or remove it from [[affected]]");
    }
  }
}

}  // namespace herald
