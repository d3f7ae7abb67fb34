// The device page's per-version view: for each firmware release, the
// advisories whose [[affected]] range contains it, and whether it is supported.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "model/site.h"
#include "render/mustache.h"
#include "render/view_model.h"

namespace herald {
namespace {

Site VersionSite() {
  Site site;
  site.build.build_time = 1793491200;  // 2026-11-01
  Device d;
  d.slug = "gw-1";
  d.identity.name = "Gateway";
  d.support.end_of_security_support = DateOrTba{false, DaysFromCivil(2030, 12, 31) * 86400};
  d.status = DeviceStatus::kOnSale;
  for (const char* v : {"2.0.0", "1.10.0", "1.9.0"}) {  // newest first, as the model sorts them
    Firmware f;
    f.version = v;
    d.firmware.push_back(f);
  }
  site.devices.push_back(d);
  site.device_by_slug["gw-1"] = 0;
  Advisory a;
  a.id = "T-SA-1";
  a.title = "Overflow";
  a.severity = Severity3::kHigh;
  a.max_score = 7.5;
  a.affected.push_back({{"gw-1", {}}, {">= 1.9.0, < 2.0.0", {}}, {"2.0.0", {}}});
  Advisory b;
  b.id = "T-SA-2";
  b.title = "Notice";
  b.affected.push_back({{"gw-1", {}}, {"< 1.10.0", {}}, {}});
  b.affected.push_back({{"other", {}}, {"< 9", {}}, {}});
  site.advisories = {a, b};
  site.advisories_by_device["gw-1"] = {0, 1};
  return site;
}

std::string Ids(const nlohmann::json& release) {
  std::string out;
  for (const auto& r : release["affected_by"]) out += r["id"].get<std::string>() + "(" + r["fix"].get<std::string>() + ") ";
  return out;
}

}  // namespace

TEST_CASE("device page: advisories affecting each firmware version, and its support") {
  Site site = VersionSite();
  nlohmann::json fw =
      MustacheUnlinked(view::detail::FirmwareReleases(view::Shared(site), site.devices[0]));
  REQUIRE(fw.size() == 3);
  CHECK(Ids(fw[0]) == "");
  CHECK(Ids(fw[1]) == "T-SA-1(Fixed in 2.0.0) ");  // 1.10.0 > 1.9.0 numerically
  CHECK(Ids(fw[2]) == "T-SA-1(Fixed in 2.0.0) T-SA-2(No fixed release yet) ");
  CHECK(fw[1]["affected_by"][0]["score"] == "7.5");
  CHECK(fw[0]["version_support"]["supported"] == true);
  CHECK(fw[0]["version_support"]["text"] ==
        "Supported: the current release, with security updates until 31 December 2030.");
  CHECK(fw[2]["version_support"]["supported"] == false);
  CHECK(fw[2]["version_support"]["text"] ==
        "Superseded by 2.0.0: security fixes come in the latest release only; update to it.");
  site.devices[0].status = DeviceStatus::kUnsupported;
  fw = MustacheUnlinked(view::detail::FirmwareReleases(view::Shared(site), site.devices[0]));
  CHECK(fw[0]["version_support"]["supported"] == false);
  CHECK(fw[0]["version_support"]["text"] == "Not supported: security updates for this device have ended.");
}

}  // namespace herald
