// CSAF documents: the `document` part (profile, publisher, TLP, notes,
// references, tracking) and the loop that writes one file per advisory.
// Product tree and vulnerabilities are in csaf_product_tree.cpp and
// csaf_vulnerabilities.cpp, the provider directory in csaf_directory.cpp.
#include "render/csaf.h"

#include <algorithm>
#include <cctype>
#include <memory>
#include <set>

#include "base/digest.h"
#include "base/openpgp.h"
#include "render/csaf_internal.h"
#include "render/json_text.h"

namespace herald {
namespace csaf {
namespace {

const char* Profile(AdvisoryCategory c) {
  switch (c) {
    case AdvisoryCategory::kSecurityAdvisory: return "csaf_security_advisory";
    case AdvisoryCategory::kVex: return "csaf_vex";
    case AdvisoryCategory::kIncident: return "csaf_security_incident_response";
    case AdvisoryCategory::kInformational: return "csaf_informational_advisory";
  }
  return "csaf_base";
}

const char* RemediationLabel(const std::string& category) {
  if (category == "vendor_fix") return "Vendor fix";
  if (category == "mitigation") return "Mitigation";
  if (category == "workaround") return "Workaround";
  if (category == "no_fix_planned") return "No fix planned";
  if (category == "none_available") return "None available";
  return "Remediation";
}

json Note(const std::string& category, const std::string& title, const std::string& text) {
  return {{"category", category}, {"text", text}, {"title", title}};
}

json Publisher(const Site& site) {
  const auto& p = site.config.publisher;
  json j = {{"category", p.category}, {"name", p.name}, {"namespace", p.namespace_}};
  if (!p.contact_details.empty()) j["contact_details"] = p.contact_details;
  if (!p.issuing_authority.empty()) j["issuing_authority"] = p.issuing_authority;
  return j;
}

json Notes(const Site& site, const Advisory& a, const Products& products, bool with_vulns) {
  json notes = json::array();
  if (!a.summary.empty()) notes.push_back(Note("summary", "Summary", a.summary));
  if (!a.body.plain.empty()) notes.push_back(Note("details", "Details", a.body.plain));
  if (a.withdrawn) {
    notes.push_back(Note("general", "Withdrawn",
                         "Withdrawn on " + FormatIsoDate(a.withdrawn->date) + ": " +
                             a.withdrawn->reason));
  }
  if (!a.superseded_by.value.empty()) {
    notes.push_back(Note("general", "Superseded",
                         "Superseded by " + a.superseded_by.value + ": " +
                             site.AbsoluteUrl("/advisories/" + a.superseded_by.value + "/")));
  }
  if (!with_vulns) {
    // Without vulnerabilities CSAF has no product status or remediations:
    // say in words which devices the notice concerns and what to do.
    std::string names;
    for (const auto& slug : products.devices) {
      if (!names.empty()) names += ", ";
      names += DeviceName(site, slug);
    }
    if (!names.empty()) notes.push_back(Note("general", "Products concerned", names + "."));
    std::string actions;
    for (const auto& r : a.remediations) {
      if (!actions.empty()) actions += "\n";
      actions += std::string("- ") + RemediationLabel(r.category) + ": " + r.details.plain;
      if (!r.url.empty()) {
        actions += ' ';
        actions += site.AbsoluteUrl(r.url);
      }
    }
    if (!actions.empty()) notes.push_back(Note("general", "Recommended actions", actions));
  }
  const Text& legal = site.config.csaf.legal_notice;
  if (!legal.plain.empty()) notes.push_back(Note("legal_disclaimer", "Terms of use", legal.plain));
  return notes;
}

json References(const Site& site, const Advisory& a, const Products& products) {
  json refs = json::array();
  std::set<std::string> seen;
  auto add = [&](const std::string& category, const std::string& url, const std::string& summary) {
    if (url.empty() || !seen.insert(url).second) return;
    refs.push_back({{"category", category}, {"summary", summary.empty() ? url : summary}, {"url", url}});
  };
  add("self", site.AbsoluteUrl(CsafDocumentPath(a)), "Canonical URL of this CSAF document");
  add("self", site.AbsoluteUrl("/advisories/" + a.id + "/"), "This advisory as a web page");
  for (const auto& r : a.references) add("external", site.AbsoluteUrl(r.url), r.summary);
  if (!a.superseded_by.value.empty()) {
    add("external", site.AbsoluteUrl("/advisories/" + a.superseded_by.value + "/"),
        "Superseding advisory " + a.superseded_by.value);
  }
  for (const auto& slug : products.devices) {
    if (site.FindDevice(slug)) {
      add("external", site.AbsoluteUrl("/devices/" + slug + "/"),
          DeviceName(site, slug) + ": firmware releases, support period and security documentation");
    }
  }
  return refs;
}

json Tracking(const Site& site, const Advisory& a) {
  TrackingDates dates = DatesOf(a);
  json history = json::array();
  for (size_t i = 0; i < a.revisions.size(); ++i) {
    const Revision& r = a.revisions[i];
    history.push_back({{"date", FormatRfc3339(r.date)},
                       {"number", std::to_string(i + 1)},
                       {"summary", r.summary.empty() ? "Revision " + std::to_string(i + 1) : r.summary}});
  }
  if (history.empty()) {
    history.push_back({{"date", FormatRfc3339(dates.initial)},
                       {"number", "1"},
                       {"summary", "Initial publication."}});
  }
  std::string version = site.build.generator_version.empty() ? HERALD_VERSION
                                                             : site.build.generator_version;
  return {{"current_release_date", FormatRfc3339(dates.current)},
          {"generator", {{"engine", {{"name", "herald"}, {"version", version}}}}},
          {"id", a.id},
          {"initial_release_date", FormatRfc3339(dates.initial)},
          {"revision_history", history},
          {"status", StatusName(a.status)},
          {"version", std::to_string(history.size())}};
}

json DocumentJson(const Site& site, const Advisory& a, Diagnostics& diags) {
  Products products = CollectProducts(site, a);
  bool informational = a.category == AdvisoryCategory::kInformational;
  bool with_vulns = !a.vulnerabilities.empty() && !informational;
  if (informational && !a.vulnerabilities.empty()) {
    diags.Warning(a.where, "an informational notice has no vulnerabilities in CSAF "
                           "(csaf_informational_advisory); its [[vulnerabilities]] are left out "
                           "of the CSAF document: make it a security_advisory");
  }
  if (!a.revisions.empty() && a.revisions.front().date < a.published) {
    diags.Warning(a.revisions.front().where,
                  "the first revision (" + FormatRfc3339(a.revisions.front().date) +
                      ") is earlier than 'published' (" + FormatRfc3339(a.published) +
                      "); CSAF expects the initial release to be the first revision");
  }

  json doc = {{"category", Profile(a.category)},
              {"csaf_version", "2.0"},
              {"distribution", {{"tlp", {{"label", "WHITE"}, {"url", "https://www.first.org/tlp/"}}}}},
              {"lang", site.config.site.language.empty() ? "en" : site.config.site.language},
              {"notes", Notes(site, a, products, with_vulns)},
              {"publisher", Publisher(site)},
              {"references", References(site, a, products)},
              {"title", a.title},
              {"tracking", Tracking(site, a)}};
  json acks = json::array();
  for (const auto& ack : a.acknowledgments) {
    json j = json::object();
    if (!ack.names.empty()) j["names"] = ack.names;
    if (!ack.organization.empty()) j["organization"] = ack.organization;
    if (!j.empty()) acks.push_back(j);
  }
  if (!acks.empty()) doc["acknowledgments"] = acks;
  if (a.max_score > 0) doc["aggregate_severity"] = {{"text", SeverityLabel(a.severity)}};

  json root = {{"document", doc}};
  // Informational notices keep their tree to identify the devices (nothing
  // references the products there, which CSAF allows for that profile only).
  if (with_vulns || informational) {
    json tree = ProductTree(site, products);
    if (!tree.is_null()) root["product_tree"] = tree;
  }
  if (with_vulns) root["vulnerabilities"] = Vulnerabilities(site, a, products, diags);
  return root;
}

}  // namespace

TrackingDates DatesOf(const Advisory& a) {
  TrackingDates d;
  d.initial = a.published;
  if (d.initial == 0 && !a.revisions.empty()) d.initial = a.revisions.front().date;
  d.current = std::max(d.initial, a.updated);
  if (!a.revisions.empty()) d.current = std::max(d.current, a.revisions.back().date);
  return d;
}

std::string Dump(const json& j) {
  return JsonText(j, 2) + "\n";
}

}  // namespace csaf

std::string CsafFileName(const std::string& tracking_id) {
  std::string name;
  bool in_run = false;
  for (unsigned char ch : tracking_id) {
    char c = static_cast<char>(std::tolower(ch));
    bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '-';
    if (keep) {
      name += c;
      in_run = false;
    } else if (!in_run) {
      name += '_';
      in_run = true;
    }
  }
  return name + ".json";
}

std::string CsafDocumentPath(const Advisory& advisory) {
  return "/.well-known/csaf/white/" + std::to_string(YearOf(csaf::DatesOf(advisory).initial)) +
         "/" + CsafFileName(advisory.id);
}

std::string RenderCsafDocument(const Site& site, const Advisory& advisory, Diagnostics& diags) {
  return csaf::Dump(csaf::DocumentJson(site, advisory, diags));
}

CsafWriter::CsafWriter(const Site& site, Diagnostics& diags) : site_(site) {
  // With [csaf] signing_key, a detached .asc signature beside every document.
  if (!site.config.csaf.signing_key.empty()) {
    signer_ = std::make_unique<OpenPgpSigner>();
    std::string error;
    if (!signer_->Open(site.config.csaf.signing_key, &error)) {
      diags.Error(site.config.where, "csaf.signing_key: " + error);
      signer_.reset();
    }
  }
  std::map<std::string, std::string> owner;  // path → advisory id
  for (const Advisory& a : site.advisories) {
    if (a.tlp != "CLEAR") continue;  // only TLP:CLEAR (WHITE) is ever published
    std::string path = CsafDocumentPath(a).substr(1);
    auto [it, fresh] = owner.emplace(path, a.id);
    if (!fresh) {
      diags.Error(a.where, "advisories " + it->second + " and " + a.id + " both map to the CSAF "
                           "file " + path + "; CSAF file names ignore case and punctuation");
      continue;
    }
    by_id_[a.id] = docs_.size();
    docs_.push_back({&a, std::move(path)});
  }
}

std::optional<size_t> CsafWriter::Find(const std::string& id) const {
  auto it = by_id_.find(id);
  if (it == by_id_.end()) return std::nullopt;
  return it->second;
}

CsafWriter::~CsafWriter() = default;

void CsafWriter::RenderDocument(size_t i, OutputSink& out, Diagnostics& diags) {
  const Doc& doc = docs_[i];
  std::string text = RenderCsafDocument(site_, *doc.advisory, diags);
  std::string file = CsafFileName(doc.advisory->id);
  out.Put(doc.path + ".sha256", Sha256Hex(text) + "  " + file + "\n");
  out.Put(doc.path + ".sha512", Sha512Hex(text) + "  " + file + "\n");
  if (signer_) {
    std::string signature, error;
    if (signer_->SignDetached(text, &signature, &error)) {
      out.Put(doc.path + ".asc", std::move(signature));
    } else {
      diags.Error(site_.config.where, "csaf.signing_key: " + error);
      signer_.reset();
    }
  }
  out.Put(doc.path, std::move(text));
}

void CsafWriter::RenderDirectory(const std::vector<std::string>& paths, OutputSink& out) {
  const std::string prefix = ".well-known/csaf/white/";
  // The documents are listed whoever wrote them (a caller's paths normally hold them).
  std::vector<std::string> missing;
  for (const Doc& d : docs_) {
    for (const char* suffix : {"", ".sha256", ".sha512"}) {
      if (!std::binary_search(paths.begin(), paths.end(), d.path + suffix)) missing.push_back(d.path + suffix);
    }
  }
  std::vector<std::string> merged;
  if (!missing.empty()) {
    merged = paths;
    merged.insert(merged.end(), missing.begin(), missing.end());
    std::sort(merged.begin(), merged.end());
    merged.erase(std::unique(merged.begin(), merged.end()), merged.end());
  }
  const std::vector<std::string>& listed = missing.empty() ? paths : merged;
  std::vector<csaf::Written> written;
  for (const Doc& d : docs_) {
    bool is_signed = std::binary_search(listed.begin(), listed.end(), d.path + ".asc");
    written.push_back({d.path.substr(prefix.size()), d.advisory, csaf::DatesOf(*d.advisory), is_signed});
  }
  csaf::RenderDirectory(site_, written, signer_ ? signer_->fingerprint() : "", listed, out);
}

void RenderCsaf(const Site& site, Output* out, Diagnostics& diags) {
  CsafWriter writer(site, diags);
  OutputCollector sink(out);
  for (size_t i = 0; i < writer.size(); ++i) writer.RenderDocument(i, sink, diags);
  std::vector<std::string> paths;
  for (const auto& entry : *out) paths.push_back(entry.first);
  writer.RenderDirectory(paths, sink);
}

}  // namespace herald
