// CSAF product_tree: vendor → product_name (one per device) → one branch per
// firmware version or version range the advisory talks about.
//
// An affected range becomes the device's released firmware versions inside
// it, as product_version branches that scanners match exactly. An open range
// ("< 2.4.1", ">= 3.0.0") also covers versions nobody can list (older ones,
// unreleased ones), so it is kept too, as a product_version_range in vers
// syntax; so is a closed range that no listed release falls in. A `fixed`
// version is a product_version; a device named without versions
// (not_affected, informational notices) is "vers:generic/*", every version.
#include <algorithm>
#include <cctype>

#include "model/versions.h"
#include "render/csaf_internal.h"

namespace herald::csaf {
namespace {

const Device* Find(const Site& site, const std::string& slug) { return site.FindDevice(slug); }

// CPE 2.3 formatted-string escaping of a version component.
std::string CpeEscape(const std::string& value) {
  std::string out;
  for (char ch : value) {
    bool plain = std::isalnum(static_cast<unsigned char>(ch)) || ch == '.' || ch == '-' || ch == '_';
    if (!plain) out += '\\';
    out += ch;
  }
  return out;
}

// The device's CPE with `version` in place of a "*" version component.
std::string CpeWithVersion(const std::string& cpe, const std::string& version) {
  size_t colons = 0, begin = 0, end = 0;  // the version component is [begin, end)
  for (size_t i = 0; i < cpe.size(); ++i) {
    if (cpe[i] == '\\') {
      ++i;  // an escaped character, ':' included
    } else if (cpe[i] == ':') {
      ++colons;
      if (colons == 5) begin = i + 1;
      if (colons == 6) end = i;
    }
  }
  if (colons != 12 || cpe.compare(begin, end - begin, "*") != 0) return cpe;
  return cpe.substr(0, begin) + CpeEscape(version) + cpe.substr(end);
}

// The device's package URL with "@version" (percent-encoded), before any
// qualifiers or subpath; unchanged if it already names a version.
std::string PurlWithVersion(const std::string& purl, const std::string& version) {
  size_t end = purl.find_first_of("?#");
  std::string base = purl.substr(0, end);
  if (base.find('@') != std::string::npos) return purl;
  std::string encoded;
  static const char kHex[] = "0123456789ABCDEF";
  for (unsigned char ch : version) {
    if (std::isalnum(ch) || ch == '.' || ch == '-' || ch == '_' || ch == '~') {
      encoded += static_cast<char>(ch);
    } else {
      encoded += '%';
      encoded += kHex[ch >> 4];
      encoded += kHex[ch & 0xf];
    }
  }
  return base + "@" + encoded + (end == std::string::npos ? "" : purl.substr(end));
}

struct Collector {
  const Site& site;
  Products& out;

  std::string Add(const std::string& slug, bool exact, const std::string& branch,
                  const std::string& label) {
    std::string id = slug + ":" + branch;
    if (!out.by_id.count(id)) {
      Product p;
      p.id = id;
      p.slug = slug;
      p.exact = exact;
      p.branch_name = branch;
      p.full_name = DeviceName(site, slug) + " " + label;
      if (exact) p.version = branch;
      out.by_id.emplace(id, std::move(p));
    }
    out.devices.insert(slug);
    return id;
  }
  std::string Version(const std::string& slug, const std::string& version) {
    return Add(slug, true, version, "firmware " + version);
  }
  std::string Every(const std::string& slug) {
    return Add(slug, false, "vers:generic/*", "firmware, all versions");
  }

  // The products an affected range names: the listed releases inside it,
  // and the range itself when open or when no listed release is inside.
  std::set<std::string> Range(const std::string& slug, const std::string& text) {
    if (text.empty()) return {Every(slug)};
    std::string error;
    auto range = ParseVersionRange(text, &error);
    if (!range) return {};  // reported by the assemble step
    bool lower = false, upper = false;
    for (const auto& c : range->constraints) {
      using Op = VersionConstraint::Op;
      lower = lower || c.op == Op::kGe || c.op == Op::kGt || c.op == Op::kEq;
      upper = upper || c.op == Op::kLe || c.op == Op::kLt || c.op == Op::kEq;
    }
    if (range->constraints.size() == 1 && range->constraints[0].op == VersionConstraint::Op::kEq) {
      return {Version(slug, range->constraints[0].version)};
    }
    std::set<std::string> ids;
    if (const Device* d = Find(site, slug)) {
      for (const auto& fw : d->firmware) {
        if (range->Contains(fw.version)) ids.insert(Version(slug, fw.version));
      }
    }
    if (ids.empty() || !lower || !upper) {
      // vers lists constraints in ascending version order.
      VersionRange sorted = *range;
      std::stable_sort(sorted.constraints.begin(), sorted.constraints.end(),
                       [](const VersionConstraint& a, const VersionConstraint& b) {
                         return CompareVersions(a.version, b.version) < 0;
                       });
      ids.insert(Add(slug, false, sorted.ToVers(), "firmware " + text));
    }
    return ids;
  }
};

// product_identification_helper, when the device has anything to put there.
void Helper(JsonWriter& w, const Site& site, const Product& p) {
  const Device* d = Find(site, p.slug);
  if (!d) return;
  const std::string* sbom_url = nullptr;
  if (p.exact) {
    for (const auto& fw : d->firmware) {
      if (fw.version == p.version && !fw.sbom_url.empty()) sbom_url = &fw.sbom_url;
    }
  }
  const auto& id = d->identity;
  if (id.cpe.empty() && id.purl.empty() && id.models.empty() && !sbom_url) return;
  w.Key("product_identification_helper");
  w.BeginObject();
  if (!id.cpe.empty()) w.Field("cpe", p.exact ? CpeWithVersion(id.cpe, p.version) : id.cpe);
  if (!id.models.empty()) {
    w.Key("model_numbers");
    w.StringArray(id.models);
  }
  if (!id.purl.empty()) w.Field("purl", p.exact ? PurlWithVersion(id.purl, p.version) : id.purl);
  if (sbom_url) {
    w.Key("sbom_urls");
    w.BeginArray();
    w.String(site.AbsoluteUrl(*sbom_url));
    w.EndArray();
  }
  w.EndObject();
}

// One product_name branch: the device's versions and ranges, exact versions
// first in version order, then ranges by name.
void DeviceBranch(JsonWriter& w, const Site& site, const Products& products,
                  const std::string& slug) {
  std::vector<const Product*> list;
  for (const auto& [id, p] : products.by_id) {
    if (p.slug == slug) list.push_back(&p);
  }
  std::stable_sort(list.begin(), list.end(), [](const Product* a, const Product* b) {
    if (a->exact != b->exact) return a->exact;
    if (a->exact) return CompareVersions(a->version, b->version) < 0;
    return a->branch_name < b->branch_name;
  });
  w.BeginObject();
  w.Key("branches");
  w.BeginArray();
  for (const Product* p : list) {
    w.BeginObject();
    w.Field("category", p->exact ? "product_version" : "product_version_range");
    w.Field("name", p->branch_name);
    w.Key("product");
    w.BeginObject();
    w.Field("name", p->full_name);
    w.Field("product_id", p->id);
    Helper(w, site, *p);
    w.EndObject();
    w.EndObject();
  }
  w.EndArray();
  w.Field("category", "product_name");
  w.Field("name", DeviceName(site, slug));
  w.EndObject();
}

}  // namespace

std::string VendorName(const Site& site) {
  const auto& m = site.config.manufacturer;
  if (!m.trade_name.empty()) return m.trade_name;
  if (!m.legal_name.empty()) return m.legal_name;
  return site.config.publisher.name;
}

std::string DeviceName(const Site& site, const std::string& slug) {
  const Device* d = Find(site, slug);
  return d && !d->identity.name.empty() ? d->identity.name : slug;
}

Products CollectProducts(const Site& site, const Advisory& a) {
  Products out;
  Collector c{site, out};
  for (const auto& x : a.affected) {
    const std::string& slug = x.device.value;
    for (const auto& id : c.Range(slug, x.versions.value)) out.affected[slug].insert(id);
    if (!x.fixed.value.empty()) out.fixed[slug].insert(c.Version(slug, x.fixed.value));
  }
  for (const auto& x : a.not_affected) {
    out.not_affected[x.device.value].insert(c.Every(x.device.value));
    out.justification[x.device.value] = x.justification;
  }
  return out;
}

void ProductTree(JsonWriter& w, const Site& site, const Products& products) {
  w.BeginObject();
  w.Key("branches");
  w.BeginArray();
  w.BeginObject();  // the vendor
  w.Key("branches");
  w.BeginArray();
  for (const auto& slug : products.devices) DeviceBranch(w, site, products, slug);
  w.EndArray();
  w.Field("category", "vendor");
  w.Field("name", VendorName(site));
  w.EndObject();
  w.EndArray();
  w.EndObject();
}

}  // namespace herald::csaf
