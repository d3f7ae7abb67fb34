// The engine's internal pieces (src/coverage/values.h, conditions.h,
// model_json.h, evaluate.h) on hand-built JSON: paths, conditions, the
// advisory keys a baseline reads, and advisory items that do or do not
// depend on the device.
#include <doctest/doctest.h>

#include "coverage/conditions.h"
#include "coverage/evaluate.h"
#include "coverage/values.h"

namespace herald::coverage {
namespace {

struct Fixture {
  json site = json::parse(R"({"support": {"channels": [{"automated": true}, {"automated": false},
                                                       {"automated": true}, {"automated": true},
                                                       {"automated": false}, {"automated": true}]},
                              "disclosure": {"contact": ["mailto:a@b.example"], "policy_url": null}})");
  json device = json::parse(R"({"markets": ["eu", "uk"], "status": "on_sale",
                                "support": {"summary": "  TBA "},
                                "data": {"cloud_access": "None: stays local"},
                                "firmware": [{"version": "1.0", "download_url": "https://x.example/1"},
                                             {"version": "1.1", "download_url": null},
                                             {"version": "1.2", "download_url": "https://x.example/2"}]})");
  CoverageContext Context() {
    CoverageContext ctx;
    ctx.site = &site;
    ctx.device = &device;
    return ctx;
  }
};

std::vector<std::string> Dump(const Values& values) {
  std::vector<std::string> out;
  for (const json& v : values) out.push_back(v.dump());
  return out;
}

}  // namespace

TEST_CASE("coverage engine: paths resolve to the values they name, without copies") {
  Fixture f;
  CoverageContext ctx = f.Context();
  // One value per entry of a list of tables, past the inline capacity.
  Values automated = Resolve(ctx, "site.support.channels.automated");
  CHECK(Dump(automated) == std::vector<std::string>{"true", "false", "true", "true", "false", "true"});
  CHECK(&automated[1] == &f.site["support"]["channels"][1]["automated"]);
  CHECK(Dump(Resolve(ctx, "site.disclosure.policy_url")) == std::vector<std::string>{"null"});
  CHECK(Dump(Resolve(ctx, "site.disclosure.nothing.here")) == std::vector<std::string>{"null"});
  CHECK(Dump(Resolve(ctx, "site.disclosure.contact.x")) == std::vector<std::string>{"null"});
  CHECK(Dump(Resolve(ctx, "elsewhere.x")) == std::vector<std::string>{"null"});
  CHECK(Resolve(ctx, "site").front().is_object());
  // Under a firmware entry, device.firmware.* names that entry; count() sees all.
  ctx.firmware = &f.device["firmware"][1];
  CHECK(Dump(Resolve(ctx, "device.firmware.version")) == std::vector<std::string>{"\"1.1\""});
  CHECK(&Resolve(ctx, "device.firmware").front() == ctx.firmware);
  ctx.whole_lists = true;
  CHECK(Resolve(ctx, "device.firmware.version").size() == 3);
  // No device (site report), no advisory: one null.
  ctx.device = nullptr;
  CHECK(Dump(Resolve(ctx, "device.markets")) == std::vector<std::string>{"null"});
  CHECK(Dump(Resolve(ctx, "advisory.category")) == std::vector<std::string>{"null"});
}

TEST_CASE("coverage engine: presence, none answers and tba") {
  CHECK_FALSE(IsPresent(json("  tBa ")));
  CHECK(IsTba(json(" TBA")));
  CHECK(IsNoneAnswer(json(" NONE: not collected")));
  CHECK(IsNoneAnswer(json::array({"none"})));
  CHECK_FALSE(IsNoneAnswer(json("nonetheless")));
  CHECK(IsPresent(json::array({"a", "b"})));
  CHECK_FALSE(IsPresent(json::array({"a", " "})));
  CHECK(DateOf(json("TBA")) == kForever);
  CHECK_FALSE(DateOf(json(" tba")));  // a date field holds "tba" exactly or a date
}

TEST_CASE("coverage engine: conditions") {
  Fixture f;
  CoverageContext ctx = f.Context();
  CHECK(EvaluateCondition(ctx, "device.markets has 'eu'"));
  CHECK_FALSE(EvaluateCondition(ctx, "device.markets has 'us'"));
  CHECK(EvaluateCondition(ctx, "device.markets has 'us' or device.status in [on_sale, supported]"));
  CHECK_FALSE(EvaluateCondition(ctx, "device.markets has 'eu' and device.status == 'supported'"));
  CHECK(EvaluateCondition(ctx, "device.data.cloud_access == 'none'"));  // an explicit none answer
  CHECK_FALSE(EvaluateCondition(ctx, "device.data.cloud_access != 'none'"));
  CHECK(EvaluateCondition(ctx, "device.lifecycle.costs != 'x'"));  // unset: != holds
  CHECK_FALSE(EvaluateCondition(ctx, "device.lifecycle.costs is set"));
  CHECK(EvaluateCondition(ctx, "any site.support.channels.automated == false"));
  CHECK(EvaluateCondition(ctx, "count(device.firmware.download_url) == 2"));
  CHECK(EvaluateCondition(ctx, "count(device.firmware.download_url) > 1"));
  CHECK_FALSE(EvaluateCondition(ctx, "count(device.firmware.download_url) >= 3"));
  ctx.firmware = &f.device["firmware"][1];  // count() still sees every entry
  CHECK(EvaluateCondition(ctx, "count(device.firmware.download_url) == 2"));
  CHECK_FALSE(EvaluateCondition(ctx, "device.firmware.download_url is set"));
  CHECK_FALSE(EvaluateCondition(ctx, "device.markets resembles 'eu'"));  // not an operator
}

TEST_CASE("coverage engine: the advisory keys a baseline reads") {
  Baseline b = ParseBaseline(R"(
[scopes]
all = "every device"
[[item]]
id = "A"
scope = "all"
satisfied_by = ["advisory.remediations", "output:advisory-feeds"]
check = "present_if"
when = "advisory.vulnerabilities.actively_exploited == true"
[[item]]
id = "B"
scope = "all"
satisfied_by = ["advisory.fix_date"]
check = "present"
)");
  AdvisoryKeys keys = ReadAdvisoryKeys(b);
  CHECK_FALSE(keys.all);  // output:advisory-feeds names a file, not the advisory
  CHECK(keys.keys == std::set<std::string>{"category", "fix_date", "id", "remediations", "vulnerabilities"});
  CHECK(keys.PerDevice());
  CHECK_FALSE(ReadAdvisoryKeys(b.items[0]).PerDevice());
  CHECK(ReadAdvisoryKeys(b.items[1]).PerDevice());

  Plan plan = MakePlan(b);
  CHECK(plan.items[0].shared == 0);  // the same for every device: evaluated once per advisory
  CHECK(plan.items[1].shared == -1);  // fix_date is the device's own release date
  CHECK(plan.shared_items == 1);
  CHECK(plan.per_device_advisories);
}

}  // namespace herald::coverage
