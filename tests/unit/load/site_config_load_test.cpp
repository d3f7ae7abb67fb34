// [disclosure] report_endpoint (a herald extension of site.toml): an
// absolute https: URL, and anything else an error at the value's
// line:column, every one in the same run.
#include <doctest/doctest.h>

#include <string>

#include "load/loaders.h"

namespace herald {
namespace {

const std::string kHead =
    "[site]\ntitle = \"T\"\nbase_url = \"https://security.t.example\"\n"
    "[manufacturer]\nlegal_name = \"T Ltd\"\npostal_address = \"1 Street\"\nemail = \"i@t.example\"\n"
    "[publisher]\nname = \"T PSIRT\"\nnamespace = \"https://t.example\"\n"
    "[disclosure]\ncontact = [\"mailto:psirt@t.example\"]\n";  // [disclosure] ends on line 12

struct Loaded {
  std::optional<SiteConfig> config;
  std::string messages;
};

Loaded Load(const std::string& text) {
  Diagnostics diags;
  LoadContext ctx{&diags, {}};
  Loaded out;
  out.config = LoadSiteConfig(text, "site.toml", ctx);
  for (const auto& d : diags.Sorted()) out.messages += FormatDiagnostic(d) + "\n";
  return out;
}

}  // namespace

TEST_CASE("site.toml: disclosure.report_endpoint") {
  SUBCASE("unset: the form composes an e-mail") {
    Loaded l = Load(kHead);
    CHECK(l.messages == "");
    CHECK(l.config->disclosure.report_endpoint == "");
  }
  SUBCASE("an https: URL, query included") {
    Loaded l = Load(kHead + "report_endpoint = \"https://reports.t.example/psirt?src=web&lang=en\"\n");
    CHECK(l.messages == "");
    CHECK(l.config->disclosure.report_endpoint == "https://reports.t.example/psirt?src=web&lang=en");
  }
  SUBCASE("anything else, at the value") {
    const char* kBad[] = {"http://reports.t.example/psirt", "/report/", "https://", "https:///psirt",
                          "https://reports.t.example/a b", "mailto:psirt@t.example", "reports.t.example"};
    for (const char* bad : kBad) {
      CAPTURE(bad);
      Loaded l = Load(kHead + "report_endpoint = \"" + bad + "\"\n");
      CHECK(l.messages == std::string("site.toml:13:19: error: 'disclosure.report_endpoint' is '") + bad +
                              "'; expected an absolute https: URL such as https://reports.example.com/psirt, "
                              "where the report form posts\n");
      CHECK(l.config->disclosure.report_endpoint == "");
    }
  }
  SUBCASE("not a string") {
    Loaded l = Load(kHead + "report_endpoint = 443\n");
    CHECK(l.messages.rfind("site.toml:13:19: error: 'disclosure.report_endpoint' must be a string", 0) == 0);
  }
}

}  // namespace herald
