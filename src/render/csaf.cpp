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

void Note(JsonWriter& w, const std::string& category, const std::string& title,
          const std::string& text) {
  w.BeginObject();
  w.Field("category", category);
  w.Field("text", text);
  w.Field("title", title);
  w.EndObject();
}

void Notes(JsonWriter& w, const Site& site, const Advisory& a, const Products& products,
           bool with_vulns) {
  w.BeginArray();
  if (!a.summary.empty()) Note(w, "summary", "Summary", a.summary);
  if (!a.body.plain.empty()) Note(w, "details", "Details", a.body.plain);
  if (a.withdrawn) {
    Note(w, "general", "Withdrawn",
         "Withdrawn on " + FormatIsoDate(a.withdrawn->date) + ": " + a.withdrawn->reason);
  }
  if (!a.superseded_by.value.empty()) {
    Note(w, "general", "Superseded",
         "Superseded by " + a.superseded_by.value + ": " +
             site.AbsoluteUrl("/advisories/" + a.superseded_by.value + "/"));
  }
  if (!with_vulns) {
    // Without vulnerabilities CSAF has no product status or remediations:
    // say in words which devices the notice concerns and what to do.
    std::string names;
    for (const auto& slug : products.devices) {
      if (!names.empty()) names += ", ";
      names += DeviceName(site, slug);
    }
    if (!names.empty()) Note(w, "general", "Products concerned", names + ".");
    std::string actions;
    for (const auto& r : a.remediations) {
      if (!actions.empty()) actions += "\n";
      actions += std::string("- ") + RemediationLabel(r.category) + ": " + r.details.plain;
      if (!r.url.empty()) {
        actions += ' ';
        actions += site.AbsoluteUrl(r.url);
      }
    }
    if (!actions.empty()) Note(w, "general", "Recommended actions", actions);
  }
  const Text& legal = site.config.csaf.legal_notice;
  if (!legal.plain.empty()) Note(w, "legal_disclaimer", "Terms of use", legal.plain);
  w.EndArray();
}

void References(JsonWriter& w, const Site& site, const Advisory& a, const Products& products) {
  w.BeginArray();
  std::set<std::string> seen;
  auto add = [&](const std::string& category, const std::string& url, const std::string& summary) {
    if (url.empty() || !seen.insert(url).second) return;
    w.BeginObject();
    w.Field("category", category);
    w.Field("summary", summary.empty() ? url : summary);
    w.Field("url", url);
    w.EndObject();
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
  w.EndArray();
}

void Tracking(JsonWriter& w, const Site& site, const Advisory& a) {
  TrackingDates dates = DatesOf(a);
  std::string version = site.build.generator_version.empty() ? HERALD_VERSION
                                                             : site.build.generator_version;
  w.BeginObject();
  w.Field("current_release_date", FormatRfc3339(dates.current));
  w.Key("generator");
  w.BeginObject();
  w.Key("engine");
  w.BeginObject();
  w.Field("name", "herald");
  w.Field("version", version);
  w.EndObject();
  w.EndObject();
  w.Field("id", a.id);
  w.Field("initial_release_date", FormatRfc3339(dates.initial));
  w.Key("revision_history");
  w.BeginArray();
  auto revision = [&](Timestamp date, const std::string& number, const std::string& summary) {
    w.BeginObject();
    w.Field("date", FormatRfc3339(date));
    w.Field("number", number);
    w.Field("summary", summary);
    w.EndObject();
  };
  for (size_t i = 0; i < a.revisions.size(); ++i) {
    const Revision& r = a.revisions[i];
    std::string number = std::to_string(i + 1);
    revision(r.date, number, r.summary.empty() ? "Revision " + number : r.summary);
  }
  if (a.revisions.empty()) revision(dates.initial, "1", "Initial publication.");
  w.EndArray();
  w.Field("status", StatusName(a.status));
  w.Field("version", std::to_string(std::max<size_t>(a.revisions.size(), 1)));
  w.EndObject();
}

// An acknowledgment that names no one is left out.
bool NamesSomeone(const Acknowledgment& ack) {
  return !ack.names.empty() || !ack.organization.empty();
}

void Acknowledgments(JsonWriter& w, const Advisory& a) {
  w.BeginArray();
  for (const auto& ack : a.acknowledgments) {
    if (!NamesSomeone(ack)) continue;
    w.BeginObject();
    if (!ack.names.empty()) {
      w.Key("names");
      w.StringArray(ack.names);
    }
    if (!ack.organization.empty()) w.Field("organization", ack.organization);
    w.EndObject();
  }
  w.EndArray();
}

void Document(JsonWriter& w, const Site& site, const Advisory& a, const Products& products,
              bool with_vulns) {
  w.BeginObject();
  if (std::any_of(a.acknowledgments.begin(), a.acknowledgments.end(), NamesSomeone)) {
    w.Key("acknowledgments");
    Acknowledgments(w, a);
  }
  if (a.max_score > 0) {
    w.Key("aggregate_severity");
    w.BeginObject();
    w.Field("text", SeverityLabel(a.severity));
    w.EndObject();
  }
  w.Field("category", Profile(a.category));
  w.Field("csaf_version", "2.0");
  w.Key("distribution");
  w.BeginObject();
  w.Key("tlp");
  w.BeginObject();
  w.Field("label", "WHITE");
  w.Field("url", "https://www.first.org/tlp/");
  w.EndObject();
  w.EndObject();
  w.Field("lang", site.config.site.language.empty() ? "en" : site.config.site.language);
  w.Key("notes");
  Notes(w, site, a, products, with_vulns);
  w.Key("publisher");
  Publisher(w, site);
  w.Key("references");
  References(w, site, a, products);
  w.Field("title", a.title);
  w.Key("tracking");
  Tracking(w, site, a);
  w.EndObject();
}

void WriteDocument(JsonWriter& w, const Site& site, const Advisory& a, Diagnostics& diags) {
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

  w.BeginObject();
  w.Key("document");
  Document(w, site, a, products, with_vulns);
  // Informational notices keep their tree to identify the devices (nothing
  // references the products there, which CSAF allows for that profile only).
  if ((with_vulns || informational) && !products.devices.empty()) {
    w.Key("product_tree");
    ProductTree(w, site, products);
  }
  if (with_vulns) {
    w.Key("vulnerabilities");
    Vulnerabilities(w, site, a, products, diags);
  }
  w.EndObject();
}

}  // namespace

void Publisher(JsonWriter& w, const Site& site) {
  const auto& p = site.config.publisher;
  w.BeginObject();
  w.Field("category", p.category);
  if (!p.contact_details.empty()) w.Field("contact_details", p.contact_details);
  if (!p.issuing_authority.empty()) w.Field("issuing_authority", p.issuing_authority);
  w.Field("name", p.name);
  w.Field("namespace", p.namespace_);
  w.EndObject();
}

TrackingDates DatesOf(const Advisory& a) {
  TrackingDates d;
  d.initial = a.published;
  if (d.initial == 0 && !a.revisions.empty()) d.initial = a.revisions.front().date;
  d.current = std::max(d.initial, a.updated);
  if (!a.revisions.empty()) d.current = std::max(d.current, a.revisions.back().date);
  return d;
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
  std::string text;
  JsonWriter w(&text);
  csaf::WriteDocument(w, site, advisory, diags);
  text += '\n';
  return text;
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
