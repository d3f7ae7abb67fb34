// libFuzzer target: the input as an advisory, then as a device page, in a
// small valid site; the whole load, cross-file validation and every lint
// rule run on it (without rendering, which the content target's Markdown
// and the render tests cover). Nothing may crash, hang or throw.
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>

#include "build/load_site.h"
#include "lint/lint.h"

namespace {

constexpr char kSiteToml[] =
    "[site]\ntitle = \"T\"\nbase_url = \"https://s.example\"\n[manufacturer]\n"
    "legal_name = \"T\"\npostal_address = \"1 Street\"\nemail = \"a@t.example\"\n"
    "[publisher]\nname = \"T\"\nnamespace = \"https://t.example\"\n"
    "[disclosure]\ncontact = [\"mailto:p@t.example\"]\n";

constexpr char kDevice[] =
    "+++\nmarkets = [\"eu\"]\n[identity]\nname = \"G\"\nmodels = [\"G1\"]\n"
    "[intended_use]\npurpose = \"P.\"\n[capabilities]\n"
    "identification = { supported = false }\nconfiguration = { supported = false }\n"
    "data_protection = { supported = false }\ninterface_access = { supported = false }\n"
    "software_update = { supported = false }\nstate_awareness = { supported = false }\n"
    "[support]\ngeneral_availability = 2024-01-01\nend_of_sales = \"tba\"\nend_of_life = \"tba\"\n"
    "end_of_security_support = 2030-12-31\nbasis = \"guaranteed\"\nautomatic_updates = true\n"
    "[[firmware]]\nversion = \"1.0.0\"\nreleased = 2024-01-01\n"
    "[[firmware]]\nversion = \"1.0.1\"\nreleased = 2026-02-01\n+++\nBody.\n";

constexpr char kAdvisory[] =
    "+++\nid = \"TEST-SA-2026-0001\"\ntitle = \"T\"\ncategory = \"security_advisory\"\n"
    "status = \"final\"\npublished = 2026-02-01T10:00:00Z\nsummary = \"S.\"\n"
    "[[vulnerabilities]]\ncve = \"CVE-2026-0001\"\ncwe = \"CWE-787\"\ntitle = \"V\"\n"
    "[[affected]]\ndevice = \"gw-1\"\nversions = \"< 1.0.1\"\nfixed = \"1.0.1\"\n"
    "[[revisions]]\ndate = 2026-02-01T10:00:00Z\nsummary = \"Initial.\"\n+++\nSee "
    "[gw](/devices/gw-1/).\n";

void CheckSite(std::map<std::string, std::string> files) {
  constexpr herald::Timestamp kNow = 1793491200;
  herald::SourceOptions options;
  options.source_date_epoch = kNow;
  herald::Diagnostics diags;
  auto loaded = herald::LoadSiteFromTree(herald::OpenMemoryTree(std::move(files), kNow), nullptr,
                                         options, diags);
  if (!loaded) return;
  herald::LintInput input;
  input.site = &loaded->site;
  input.tree = loaded->tree.get();
  input.now = kNow;
  herald::RunLint(input, diags);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  std::map<std::string, std::string> base = {{"site.toml", kSiteToml},
                                             {"content/devices/gw-1/index.md", kDevice},
                                             {"advisories/2026/TEST-SA-2026-0001.md", kAdvisory}};
  auto as_advisory = base;
  as_advisory["advisories/2026/TEST-SA-2026-0002.md"] = text;
  CheckSite(std::move(as_advisory));
  auto as_device = base;
  as_device["content/devices/gw-1/index.md"] = text;
  CheckSite(std::move(as_device));
  return 0;
}
