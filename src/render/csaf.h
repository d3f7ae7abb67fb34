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

#include <string>

#include "base/diagnostics.h"
#include "model/site.h"
#include "render/output.h"

namespace herald {

/// File name of a document, CSAF 2.0 section 5.1: the tracking id lower-cased,
/// each run of characters outside [+\-a-z0-9] replaced by one '_', ".json".
std::string CsafFileName(const std::string& tracking_id);

/// Site path of an advisory's document: "/.well-known/csaf/white/2026/acme-sa-2026-0007.json"
/// (the year of initial_release_date, i.e. of `published`).
std::string CsafDocumentPath(const Advisory& advisory);

/// One advisory as CSAF 2.0 JSON text (2-space indent, trailing newline).
/// Reports a CWE id missing from the catalogue at the vulnerability.
std::string RenderCsafDocument(const Site& site, const Advisory& advisory, Diagnostics& diags);

/// Writes the whole provider directory into `out`.
void RenderCsaf(const Site& site, Output* out, Diagnostics& diags);

}  // namespace herald
