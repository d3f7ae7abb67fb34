// View model: the only mapping from the model to template data.
//
// Each page function returns a JSON object that templates read through
// Mustache; templates never see model types. Conventions every function keeps:
//   - top-level keys are "site" (site-wide chrome), "page" (this page's title,
//     canonical URL, feed links) and one key named after the page kind
//     ("home", "advisory_list", "advisory", "device_list", "device", "guide",
//     "content", "security", "support", "not_found");
//   - every string is plain text except keys ending in "_html", which hold
//     rendered Markdown for triple-mustache output;
//   - empty values are left out, so `{{#key}}` tests presence; lists are always
//     present (possibly empty) so a missing list never resolves to a list of
//     an enclosing Mustache context, and every list key X has a sibling boolean
//     "has_X" so a template can wrap a heading and <ul> around a non-empty list;
//   - Mustache resolves a name missing from an item in the enclosing
//     contexts, so nested objects avoid keys that a parent also has when the
//     child may lack them (e.g. affected rows carry flat "fixed_url", not
//     "fixed.url" beside the row's own "url");
//   - a value may be a link (render/mustache.h) to a part a view::Shared
//     keeps for many pages; it renders as that part;
//   - numbers are pre-formatted strings; dates are objects
//     {"text": shown, "datetime": machine-readable} (see detail::DateJson);
//   - no key is named like a theme partial (head, header, footer, or any
//     hyphenated name), because Mustache looks partials up in the data too.
// Pure functions of the Site; safe to call from several threads at once.
// The page functions read the Site through a view::Shared, which builds the
// parts many pages show alike once per render: make one per render.
#pragma once

#include <cstddef>
#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <string>

#include "base/dates.h"

namespace herald {

struct Advisory;
struct Affected;
struct Certification;
struct Device;
struct Guide;
struct Page;
struct Site;
struct Text;
enum class Severity3;
enum class DeviceStatus;

namespace view {

/// Chrome shared by every page: {"site": {...}, "page": {...}}.
/// `page_path` is the root-relative path of the page ("/advisories/").
nlohmann::json Common(const Site& site, const std::string& page_path, const std::string& title);

/// The parts many pages show alike, built once per render and linked into
/// each page's data rather than copied (render/mustache.h): the chrome,
/// and the rows of advisory tables, each built the first time a page needs
/// it. Shared parts carry their list flags, as AddListFlags does not follow
/// links. Page data links to the Shared that made it: render it while that
/// Shared lives. Thread-safe.
class Shared {
 public:
  explicit Shared(const Site& site);
  ~Shared();
  Shared(const Shared&) = delete;
  Shared& operator=(const Shared&) = delete;

  const Site& site() const { return site_; }
  /// Common(site, page_path, title) with "site" and "page.feeds" linked.
  nlohmann::json Common(const std::string& page_path, const std::string& title) const;
  /// A link to detail::Subscribe(site).
  nlohmann::json Subscribe() const;
  /// detail::AdvisorySummary(site, advisory); `advisory` is one of site.advisories.
  const nlohmann::json& AdvisorySummary(const Advisory& advisory) const;
  /// detail::AffectedByRow(advisory, advisory.affected[i]); `advisory` is one of site.advisories.
  const nlohmann::json& AffectedByRow(const Advisory& advisory, size_t i) const;

 private:
  struct Parts;
  const Site& site_;
  std::unique_ptr<Parts> parts_;
};

nlohmann::json Home(const Shared& shared);
nlohmann::json AdvisoryList(const Shared& shared);
nlohmann::json AdvisoryPage(const Shared& shared, const Advisory& advisory);
nlohmann::json DeviceList(const Shared& shared);
nlohmann::json DevicePage(const Shared& shared, const Device& device);
nlohmann::json GuidePage(const Shared& shared, const Guide& guide);
nlohmann::json ContentPage(const Shared& shared, const Page& page);
nlohmann::json SecurityPage(const Site& site);
nlohmann::json SupportPage(const Site& site);
nlohmann::json NotFound(const Shared& shared);
/// Baseline coverage (src/coverage/): one device's, and the site's with a row per device.
nlohmann::json DeviceCoveragePage(const Shared& shared, const Device& device);
nlohmann::json SiteCoveragePage(const Shared& shared);

/// Site paths of generated pages and files, shared with feeds and sitemap.
std::string AdvisoryPath(const std::string& id);  // /advisories/ID/
std::string DevicePath(const std::string& slug);  // /devices/SLUG/
std::string GuidePath(const std::string& device, const std::string& name);
std::string CsafPath(const Advisory& advisory);
std::string CoveragePath(const std::string& slug);  // /devices/SLUG/coverage/; "" → /coverage/  // /.well-known/csaf/white/YYYY/id.json

/// Helpers shared by the view_*.cpp files; not for other modules.
namespace detail {

/// Adds "has_X" = !X.empty() beside every array X, or link to one,
/// recursively except into links. Page functions call it last.
void AddListFlags(nlohmann::json& j);
/// Sets o[key] = value unless value is empty.
void Put(nlohmann::json& o, const char* key, const std::string& value);
/// Sets o[key] = text.html unless the text is empty; key should end in "_html".
void PutHtml(nlohmann::json& o, const char* key, const Text& text);
/// Sets o[key] unless `value` is an empty object or null.
void PutObject(nlohmann::json& o, const char* key, nlohmann::json value);

/// {"text": "2026-03-14", "datetime": "2026-03-14"}; with_time shows
/// "2026-03-14 09:00 UTC" and carries the RFC 3339 instant.
nlohmann::json DateJson(Timestamp t, bool with_time = false);
/// {"text": ..., "datetime": ...} or {"text": "To be announced", "tba": true}.
nlohmann::json DateOrTbaJson(const DateOrTba& d);
/// "31 December 2030".
std::string LongDate(Timestamp t);
/// Table of contents from a Text's headings when it has three or more; else [].
nlohmann::json Toc(const Text& text);

/// {"name": "critical", "label": "Critical"}.
nlohmann::json SeverityJson(Severity3 s);
/// {"slug", "name", "url"} for a device slug; the slug is the name of an unknown device.
nlohmann::json DeviceRef(const Site& site, const std::string& slug);
/// "9.8": a CVSS score as shown.
std::string Score(double score);
/// {"name": "on_sale", "label": "On sale, supported", "ended": false}.
nlohmann::json DeviceStatusJson(DeviceStatus s);
/// One row of a device table (home, device list).
nlohmann::json DeviceSummary(const Site& site, const Device& device);
/// Anchor of a firmware release on its device page: "fw-2.4.1".
std::string FirmwareAnchor(const std::string& version);
/// {"name", "issuer", "scope", "date", "url"}.
nlohmann::json CertificationJson(const Certification& c);
/// The device page's documentation sections (identity … lifecycle), keyed by
/// section; see view_device_sections.cpp.
nlohmann::json DeviceSections(const Site& site, const Device& device);
/// Firmware releases, newest first.
nlohmann::json FirmwareReleases(const Shared& shared, const Device& device);
/// The row of an advisory in a firmware release's "affected_by" list, for
/// one of its [[affected]] entries.
nlohmann::json AffectedByRow(const Advisory& advisory, const Affected& affected);
/// One row of an advisory table (home, list, device page).
nlohmann::json AdvisorySummary(const Site& site, const Advisory& advisory);
/// A contact address as a link: {"url", "label", "kind"}.
nlohmann::json ContactLink(const std::string& address);
/// Feed links and the notification sign-up: {"feeds": [...], "subscribe_url", "policy_html"}.
nlohmann::json Subscribe(const Site& site);
/// The name customers know the manufacturer by.
std::string ManufacturerName(const Site& site);
/// Formats an int as a string, with a singular/plural unit ("1 day", "7 days").
std::string Count(long n, const char* singular, const char* plural);

}  // namespace detail
}  // namespace view
}  // namespace herald
