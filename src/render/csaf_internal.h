// Internals shared by the csaf*.cpp files (render/csaf.h is the interface).
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "model/site.h"
#include "render/json_writer.h"
#include "render/output.h"

// The JSON is written with JsonWriter, which asks for the keys of every object
// in ascending byte order (CSAF optional test 6.2.13 wants them sorted): the
// code writes them in that order, optional ones included.
namespace herald::csaf {

/// A product of the product tree: one firmware version or range of one device.
/// Ids depend only on the device and the versions, so the same product has
/// the same id in every advisory and every build:
///   "hub-200:2.4.1"                        product_version
///   "hub-200:vers:generic/>=2.0.0|<2.4.1"  product_version_range
///   "hub-200:vers:generic/*"               every version (no range given)
struct Product {
  std::string id;
  std::string slug;
  bool exact = false;       // product_version; else product_version_range
  std::string branch_name;  // "2.4.1" or the vers string
  std::string full_name;    // "Acme Hub 200 firmware 2.4.1"
  std::string version;      // exact versions only
};

/// The products an advisory talks about, and what it says about each.
struct Products {
  std::map<std::string, Product> by_id;
  std::map<std::string, std::set<std::string>> affected;      // device slug → product ids
  std::map<std::string, std::set<std::string>> fixed;         // device slug → product ids
  std::map<std::string, std::set<std::string>> not_affected;  // device slug → product ids
  std::map<std::string, std::string> justification;           // device slug → VEX flag label
  std::set<std::string> devices;                              // every device named
};

Products CollectProducts(const Site& site, const Advisory& advisory);
/// The product_tree object; `products` names at least one device.
void ProductTree(JsonWriter& w, const Site& site, const Products& products);
/// The vulnerabilities array.
void Vulnerabilities(JsonWriter& w, const Site& site, const Advisory& advisory,
                     const Products& products, Diagnostics& diags);
/// The publisher object, of documents and of the provider metadata.
void Publisher(JsonWriter& w, const Site& site);

/// manufacturer.trade_name, else legal_name.
std::string VendorName(const Site& site);
/// The device's name, or its slug for a device the site does not have.
std::string DeviceName(const Site& site, const std::string& slug);

}  // namespace herald::csaf

namespace herald::csaf {

/// tracking dates of a document, also listed by changes.csv and the ROLIE feed.
struct TrackingDates {
  Timestamp initial = 0;  // `published`
  Timestamp current = 0;  // newest of the last revision and `updated`
};
TrackingDates DatesOf(const Advisory& advisory);

/// One written document, for index.txt, changes.csv, the feed and listings.
struct Written {
  std::string rel_path;  // "2026/acme-sa-2026-0007.json", relative to white/
  const Advisory* advisory = nullptr;
  TrackingDates dates;
  bool is_signed = false;  // an .asc signature was written beside it
};

/// provider-metadata.json, service.json, index.txt, changes.csv, the ROLIE
/// feed and the index.html listings, for the documents written.
/// `fingerprint`: of the key that signed them, empty when unsigned. `paths`:
/// every output path so far (the documents, their hashes, static files),
/// sorted; the listings show those under .well-known/csaf/.
void RenderDirectory(const Site& site, const std::vector<Written>& written,
                     const std::string& fingerprint, const std::vector<std::string>& paths,
                     OutputSink& out);

}  // namespace herald::csaf
