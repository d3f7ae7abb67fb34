// libFuzzer target: one source file through every loader — front matter,
// TOML, the strict field reader, Markdown — and the diagnostics it yields
// through every report format. Nothing may crash, hang or throw.
#include <cstddef>
#include <cstdint>
#include <string>

#include "lint/report.h"
#include "load/loaders.h"
#include "markdown/markdown.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  herald::Diagnostics diags;
  herald::LoadContext ctx{&diags, {}};
  herald::LoadAdvisory(text, "advisories/2026/TEST-SA-2026-0001.md", "TEST-SA-2026-0001", "CLEAR",
                       ctx);
  herald::LoadDevice(text, "content/devices/gw-1/index.md", "gw-1", ctx);
  herald::LoadGuide(text, "content/devices/gw-1/guides/secure-setup.md", "gw-1", "secure-setup",
                    ctx);
  herald::LoadPage(text, "content/pages/privacy.md", "privacy", ctx);
  herald::LoadSiteConfig(text, "site.toml", ctx);
  herald::RenderMarkdown(text, {false});
  herald::RenderMarkdown(text, {true});
  auto sorted = diags.Sorted();
  for (auto format :
       {herald::ReportFormat::kText, herald::ReportFormat::kGithub, herald::ReportFormat::kJson}) {
    herald::FormatReport(sorted, 0, format);
  }
  return 0;
}
