#include <algorithm>
#include <regex>

#include "load/front_matter.h"
#include "load/loaders.h"
#include "model/cvss.h"

namespace herald {
namespace {

const std::vector<std::string> kJustifications = {
    "component_not_present", "vulnerable_code_not_present",
    "vulnerable_code_cannot_be_controlled_by_adversary", "vulnerable_code_not_in_execute_path",
    "inline_mitigations_already_exist"};

std::optional<CvssScore> ReadCvss(FieldReader& r, const TomlValue& table, const char* key,
                                  bool v4) {
  LocatedString vector = r.LocString(key);
  if (vector.value.empty()) return std::nullopt;
  CvssResult result = v4 ? ScoreCvss4(vector.value) : ScoreCvss3(vector.value);
  if (!result.ok) {
    SourceLocation at = vector.where;
    // Point at the offending metric inside the quoted string.
    if (table.Find(key) && at.column > 0) at.column += 1 + static_cast<int>(result.error_offset);
    r.Error(at, "invalid '" + r.Name(key) + "': " + result.error, "cvss-vector");
    return std::nullopt;
  }
  CvssScore score;
  score.vector = vector.value;
  score.base_score = result.base_score;
  score.where = vector.where;
  static const std::vector<std::pair<std::string, Severity3>> kNames = {
      {"none", Severity3::kNone}, {"low", Severity3::kLow}, {"medium", Severity3::kMedium},
      {"high", Severity3::kHigh}, {"critical", Severity3::kCritical}};
  for (const auto& [name, sev] : kNames) {
    if (name == result.severity) score.severity = sev;
  }
  return score;
}

void ReadVulnerabilities(FieldReader& root, Advisory& a) {
  static const std::regex kCve("^CVE-[0-9]{4}-[0-9]{4,}$");
  static const std::regex kCwe("^CWE-[1-9][0-9]*$");
  auto items = root.TableArray("vulnerabilities");
  for (size_t i = 0; i < items.size(); ++i) {
    FieldReader r = root.Sub(*items[i], "[[vulnerabilities]]",
                             "vulnerabilities[" + std::to_string(i + 1) + "].");
    Vulnerability v;
    v.where = r.Where();
    LocatedString cve = r.LocString("cve");
    if (!cve.value.empty() && !std::regex_match(cve.value, kCve)) {
      r.Error(cve.where, "'" + r.Name("cve") + "' is '" + cve.value + "'; expected a CVE id such as CVE-2026-12345",
              "cve-syntax");
    }
    v.cve = cve.value;
    LocatedString cwe = r.LocString("cwe");
    if (!cwe.value.empty() && !std::regex_match(cwe.value, kCwe)) {
      r.Error(cwe.where, "'" + r.Name("cwe") + "' is '" + cwe.value + "'; expected a CWE id such as CWE-287",
              "cwe-unknown");
    }
    v.cwe = cwe.value;
    v.title = r.String("title", Need::kRequired);
    v.cvss_v3 = ReadCvss(r, *items[i], "cvss_v3", false);
    v.cvss_v4 = ReadCvss(r, *items[i], "cvss_v4", true);
    v.devices = r.LocStringList("devices");
    v.actively_exploited = r.Bool("actively_exploited", false);
    r.Finish();
    a.vulnerabilities.push_back(std::move(v));
  }
}

void ReadProducts(FieldReader& root, Advisory& a) {
  auto affected = root.TableArray("affected");
  for (size_t i = 0; i < affected.size(); ++i) {
    FieldReader r = root.Sub(*affected[i], "[[affected]]", "affected[" + std::to_string(i + 1) + "].");
    Affected x;
    x.device = r.LocString("device", Need::kRequired);
    x.versions = r.LocString("versions");
    x.fixed = r.LocString("fixed");
    r.Finish();
    a.affected.push_back(std::move(x));
  }
  auto not_affected = root.TableArray("not_affected");
  for (size_t i = 0; i < not_affected.size(); ++i) {
    FieldReader r = root.Sub(*not_affected[i], "[[not_affected]]",
                             "not_affected[" + std::to_string(i + 1) + "].");
    NotAffected x;
    x.device = r.LocString("device", Need::kRequired);
    x.justification = r.Enum("justification", kJustifications, Need::kRequired);
    r.Finish();
    a.not_affected.push_back(std::move(x));
  }
}

void ReadRemediationsAndMore(FieldReader& root, Advisory& a) {
  auto remediations = root.TableArray("remediations");
  for (size_t i = 0; i < remediations.size(); ++i) {
    FieldReader r = root.Sub(*remediations[i], "[[remediations]]",
                             "remediations[" + std::to_string(i + 1) + "].");
    Remediation x;
    x.where = r.Where();
    x.category = r.Enum("category", {"vendor_fix", "mitigation", "workaround", "no_fix_planned",
                                     "none_available"}, Need::kRequired);
    x.details = r.Markdown("details", Need::kRequired);
    x.url = r.Url("url");
    x.devices = r.LocStringList("devices");
    r.Finish();
    a.remediations.push_back(std::move(x));
  }
  auto references = root.TableArray("references");
  for (size_t i = 0; i < references.size(); ++i) {
    FieldReader r = root.Sub(*references[i], "[[references]]",
                             "references[" + std::to_string(i + 1) + "].");
    Reference x;
    x.url = r.Url("url", Need::kRequired);
    x.summary = r.String("summary");
    r.Finish();
    a.references.push_back(std::move(x));
  }
  auto acks = root.TableArray("acknowledgments");
  for (size_t i = 0; i < acks.size(); ++i) {
    FieldReader r = root.Sub(*acks[i], "[[acknowledgments]]",
                             "acknowledgments[" + std::to_string(i + 1) + "].");
    Acknowledgment x;
    x.names = r.StringList("names");
    x.organization = r.String("organization");
    if (x.names.empty() && x.organization.empty()) {
      r.Error(r.Where(), "an acknowledgment needs 'names' or 'organization' (or both)");
    }
    r.Finish();
    a.acknowledgments.push_back(std::move(x));
  }
  auto revisions = root.TableArray("revisions");
  for (size_t i = 0; i < revisions.size(); ++i) {
    FieldReader r = root.Sub(*revisions[i], "[[revisions]]",
                             "revisions[" + std::to_string(i + 1) + "].");
    Revision x;
    x.where = r.Where();
    x.date = r.Date("date", Need::kRequired).value_or(0);
    x.summary = r.String("summary", Need::kRequired);
    r.Finish();
    a.revisions.push_back(std::move(x));
  }
  if (const TomlValue* t = root.Table("withdrawn")) {
    FieldReader r = root.Sub(*t, "'withdrawn'", "withdrawn.");
    Withdrawal w;
    w.date = r.Date("date", Need::kRequired).value_or(0);
    w.reason = r.String("reason", Need::kRequired);
    r.Finish();
    a.withdrawn = w;
  }
  a.superseded_by = root.LocString("superseded_by");
}

}  // namespace

bool IsValidAdvisoryId(std::string_view id) {
  static const std::regex kId("^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$");
  return id.size() <= 64 && std::regex_match(id.begin(), id.end(), kId);
}

bool IsValidSlug(std::string_view slug) {
  static const std::regex kSlug("^[a-z0-9]+(-[a-z0-9]+)*$");
  return slug.size() <= 64 && std::regex_match(slug.begin(), slug.end(), kSlug);
}

std::optional<Advisory> LoadAdvisory(std::string_view text, const std::string& path,
                                     const std::string& file_id, const std::string& default_tlp,
                                     LoadContext& ctx) {
  auto fm = SplitFrontMatter(text, path, *ctx.diags);
  if (!fm) return std::nullopt;
  auto doc = ParseToml(fm->toml, path, fm->toml_line_offset, *ctx.diags);
  if (!doc) return std::nullopt;
  Advisory a;
  a.where = {path, 1, 1};
  FieldReader root(*doc, path, "advisory front matter", "", ctx);

  LocatedString id = root.LocString("id", Need::kRequired);
  a.id = id.value;
  if (id.where.line > 0) a.where = id.where;
  if (!a.id.empty() && !IsValidAdvisoryId(a.id)) {
    root.Error(id.where, "'id' is '" + a.id + "'; expected upper-case letters and digits in "
                         "dash-separated groups, such as ACME-SA-2026-0007");
  } else if (!a.id.empty() && a.id != file_id) {
    root.Error(id.where, "'id' is '" + a.id + "' but the file is named '" + file_id +
                             ".md'; rename the file to '" + a.id + ".md' or fix the id");
  }
  a.title = root.String("title", Need::kRequired);
  std::string category = root.Enum(
      "category", {"security_advisory", "vex", "incident", "informational"}, Need::kRequired);
  if (category == "vex") a.category = AdvisoryCategory::kVex;
  else if (category == "incident") a.category = AdvisoryCategory::kIncident;
  else if (category == "informational") a.category = AdvisoryCategory::kInformational;
  std::string status = root.Enum("status", {"draft", "interim", "final"}, Need::kRequired, "draft");
  a.status = status == "final" ? AdvisoryStatus::kFinal
             : status == "interim" ? AdvisoryStatus::kInterim : AdvisoryStatus::kDraft;
  a.published = root.Date("published").value_or(0);
  a.updated = root.Date("updated").value_or(0);
  a.tlp = root.Enum("tlp", {"CLEAR", "GREEN", "AMBER", "AMBER+STRICT", "RED"}, Need::kOptional,
                    default_tlp);
  a.summary = root.String("summary", Need::kRequired);
  ReadVulnerabilities(root, a);
  ReadProducts(root, a);
  ReadRemediationsAndMore(root, a);
  root.Finish();
  a.body = RenderMarkdown(fm->body, ctx.markdown).text;
  a.body.where = {path, fm->body_line_offset + 1, 1};
  return a;
}

}  // namespace herald
