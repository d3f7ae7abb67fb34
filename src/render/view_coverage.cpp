// Coverage pages: the baseline items evaluated for one device
// (/devices/SLUG/coverage/) and for the whole site (/coverage/). Both read
// the reports SiteCoverage keeps with the Site, so each device is evaluated
// once per build however many pages show it.
#include <nlohmann/json.hpp>

#include "coverage/coverage.h"
#include "render/view_model.h"

namespace herald::view {

using nlohmann::json;
using namespace detail;

namespace {

const char* StatusLabel(CoverageStatus s) {
  switch (s) {
    case CoverageStatus::kCovered: return "Covered";
    case CoverageStatus::kReview: return "Covered, to review";
    case CoverageStatus::kMissing: return "Missing";
    case CoverageStatus::kNotApplicable: return "Not applicable";
  }
  return "";
}

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

json ReportJson(const CoverageReport& r) {
  json c;
  c["percent"] = std::to_string(r.Percent());
  c["covered"] = std::to_string(r.covered);
  c["review"] = std::to_string(r.review);
  c["missing"] = std::to_string(r.missing);
  c["not_applicable"] = std::to_string(r.not_applicable);
  c["total"] = std::to_string(r.results.size());
  c["complete"] = r.missing == 0;
  json items = json::array(), missing = json::array();
  for (const ItemResult& x : r.results) {
    json row;
    Put(row, "id", x.item->id);
    Put(row, "source", x.item->source);
    Put(row, "section", x.item->section);
    Put(row, "level", x.item->level);
    Put(row, "summary", x.item->summary);
    Put(row, "paths", Join(x.item->satisfied_by));
    Put(row, "checks", Join(x.item->checks));
    row["status"] = CoverageStatusName(x.status);
    row["status_label"] = StatusLabel(x.status);
    Put(row, "reason", x.reason);
    if (x.status == CoverageStatus::kMissing) missing.push_back(row);
    items.push_back(std::move(row));
  }
  c["items"] = std::move(items);
  c["missing_items"] = std::move(missing);
  return c;
}

}  // namespace

std::string CoveragePath(const std::string& slug) {
  return slug.empty() ? "/coverage/" : DevicePath(slug) + "coverage/";
}

json DeviceCoveragePage(const Shared& shared, const Device& device) {
  const Site& site = shared.site();
  json v = shared.Common(CoveragePath(device.slug), "Publication coverage: " + device.identity.name);
  json c;
  auto index = site.device_by_slug.find(device.slug);
  if (index != site.device_by_slug.end() && &site.devices[index->second] == &device) {
    c = ReportJson(SiteCoverage(site).DeviceReport(index->second));
  } else {
    c = ReportJson(EvaluateDevice(site, device, BuiltinBaseline()));  // not one of the site's devices
  }
  c["device"] = DeviceRef(site, device.slug);
  c["site_url"] = CoveragePath("");
  v["coverage"] = std::move(c);
  AddListFlags(v);
  return v;
}

json SiteCoveragePage(const Shared& shared) {
  const Site& site = shared.site();
  json v = shared.Common(CoveragePath(""), "Publication coverage");
  SiteCoverage coverage(site);
  json c = ReportJson(coverage.SiteReport());
  json devices = json::array();
  for (size_t i = 0; i < site.devices.size(); ++i) {
    const Device& d = site.devices[i];
    const CoverageReport& r = coverage.DeviceReport(i);
    devices.push_back({{"name", d.identity.name},
                       {"url", CoveragePath(d.slug)},
                       {"percent", std::to_string(r.Percent())},
                       {"missing", std::to_string(r.missing)}});
  }
  c["devices"] = std::move(devices);
  v["coverage"] = std::move(c);
  AddListFlags(v);
  return v;
}

}  // namespace herald::view
