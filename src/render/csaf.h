// CSAF 2.0: every published advisory as a CSAF document, in a complete
// provider directory (CSAF 2.0 section 7, role "CSAF provider").
//
//   .well-known/csaf/provider-metadata.json     provider metadata
//   .well-known/csaf/service.json               ROLIE service document
//   .well-known/csaf/white/YYYY/<name>.json     one document per advisory,
//       + .sha256 and .sha512                    in `sha256sum` format
//       + .asc                                   with [csaf] signing_key (OpenPGP)
//   .well-known/csaf/white/index.txt, changes.csv
//   .well-known/csaf/white/csaf-feed-tlp-white.json   ROLIE feed
//   index.html in every folder                  listings (CDNs have none)
//
// Profiles follow the advisory category (security_advisory, vex, incident,
// informational → csaf_security_advisory, csaf_vex,
// csaf_security_incident_response, csaf_informational_advisory). Only TLP
// CLEAR advisories are written (as TLP:WHITE, CSAF 2.0 using TLP 1.0 labels).
// Output is byte-identical for the same model: keys are sorted (CSAF
// optional test 6.2.13 asks for it), lists sorted, no wall-clock time.
// Pure functions of the model, but for the signatures (GnuPG, base/openpgp.h);
// problems go to Diagnostics, nothing throws.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "model/site.h"
#include "render/output.h"

namespace herald {

class OpenPgpSigner;

/// File name of a document, CSAF 2.0 section 5.1: the tracking id lower-cased,
/// each run of characters outside [+\-a-z0-9] replaced by one '_', ".json".
std::string CsafFileName(const std::string& tracking_id);

/// Site path of an advisory's document: "/.well-known/csaf/white/2026/acme-sa-2026-0007.json"
/// (the year of initial_release_date, i.e. of `published`).
std::string CsafDocumentPath(const Advisory& advisory);

/// One advisory as CSAF 2.0 JSON text (2-space indent, trailing newline).
/// Reports a CWE id missing from the catalogue at the vulnerability.
std::string RenderCsafDocument(const Site& site, const Advisory& advisory, Diagnostics& diags);

/// The provider directory of one build, document by document, so that the
/// pipeline can render documents in parallel with everything else.
class CsafWriter {
 public:
  /// Picks the documents (TLP:CLEAR advisories, in site order), reports
  /// advisories whose file names collide, and opens [csaf] signing_key.
  CsafWriter(const Site& site, Diagnostics& diags);
  ~CsafWriter();
  CsafWriter(const CsafWriter&) = delete;
  CsafWriter& operator=(const CsafWriter&) = delete;

  size_t size() const { return docs_.size(); }
  /// Output path of document `i` ("…/white/2026/acme-sa-2026-0007.json").
  const std::string& path(size_t i) const { return docs_[i].path; }
  const Advisory& advisory(size_t i) const { return *docs_[i].advisory; }
  /// The document of advisory `id`, if it has one.
  std::optional<size_t> Find(const std::string& id) const;
  /// Whether RenderDocument may run on several threads at once. Not while
  /// signing: a GnuPG context serves one thread, and a failed signature
  /// ends signing for the documents after it.
  bool parallel() const { return !signer_; }
  /// Document `i` with its .sha256 and .sha512 (and .asc when signing).
  void RenderDocument(size_t i, OutputSink& out, Diagnostics& diags);
  /// Index, changes, ROLIE feed, provider metadata and folder listings,
  /// once every document is written. `paths`: every output path of the
  /// build so far, sorted; the listings show those under .well-known/csaf/
  /// (static files too), and a document counts as signed when its .asc is there.
  void RenderDirectory(const std::vector<std::string>& paths, OutputSink& out);

 private:
  struct Doc {
    const Advisory* advisory;
    std::string path;
  };
  const Site& site_;
  std::vector<Doc> docs_;
  std::map<std::string, size_t> by_id_;
  std::unique_ptr<OpenPgpSigner> signer_;
};

/// Writes the whole provider directory into `out`.
void RenderCsaf(const Site& site, Output* out, Diagnostics& diags);

}  // namespace herald
