// The security page's report form (src/render/view_policy.cpp,
// themes/default/templates/security.mustache): an e-mail composed by
// assets/report.js by default, a plain HTML form posting to
// [disclosure] report_endpoint when one is set. Rendered from
// tests/sites/minimal with site.toml edited.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "build/load_site.h"
#include "build/pipeline.h"
#include "render/view_model.h"

namespace herald {
namespace {

namespace fs = std::filesystem;

/// tests/sites/minimal without expected/, with `edit` applied to site.toml.
std::map<std::string, std::string> MinimalSite(const std::string& from, const std::string& to) {
  fs::path root = fs::path(HERALD_SOURCE_DIR) / "tests" / "sites" / "minimal";
  std::map<std::string, std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    std::string rel = fs::relative(e.path(), root).generic_string();
    if (!e.is_regular_file() || rel.rfind("expected/", 0) == 0) continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    files[rel] = bytes.str();
  }
  std::string& toml = files.at("site.toml");
  REQUIRE_MESSAGE(toml.find(from) != std::string::npos, from);
  toml.replace(toml.find(from), from.size(), to);
  return files;
}

struct Built {
  std::string messages;
  std::string page;  // security/index.html
  nlohmann::json view;
};

Built Build(const std::string& from, const std::string& to) {
  SourceOptions options;
  options.source_date_epoch = 1793491200;
  options.generator_version = "test";
  Diagnostics diags;
  auto loaded = LoadSiteFromTree(OpenMemoryTree(MinimalSite(from, to), 1793491200), nullptr, options, diags);
  Built out;
  Output files;
  if (loaded && !diags.HasErrors()) {
    RenderSite(*loaded, &files, diags);
    out.view = view::SecurityPage(loaded->site)["security"];
  }
  for (const auto& d : diags.Sorted()) out.messages += FormatDiagnostic(d) + "\n";
  out.page = files["security/index.html"];
  return out;
}

/// The report form's start tag, or "" when the page has none.
std::string FormTag(const std::string& page) {
  std::smatch m;
  return std::regex_search(page, m, std::regex("<form id=\"report-form\"[^>]*>")) ? m.str() : "";
}

/// The names of the form's fields, in order.
std::string FieldNames(const std::string& page) {
  std::string form = page.substr(page.find("<form id=\"report-form\""));
  form = form.substr(0, form.find("</form>"));
  std::string names;
  std::regex name_attr("<(?:input|select|textarea)[^>]* name=\"([a-z]+)\"");
  for (std::sregex_iterator it(form.begin(), form.end(), name_attr), end; it != end; ++it) {
    names += (names.empty() ? "" : " ") + (*it)[1].str();
  }
  return names;
}

const char kContact[] = "contact = [\"mailto:psirt@test.example\"]";
const char kFields[] = "device version type description steps fix public contact";

}  // namespace

TEST_CASE("security page: without report_endpoint the form composes an e-mail") {
  Built b = Build(kContact, kContact);
  REQUIRE(b.messages == "");
  CHECK(FormTag(b.page) ==
        "<form id=\"report-form\" class=\"report-form\" data-address=\"psirt@test.example\" "
        "data-subject=\"Vulnerability report\" hidden>");
  CHECK(FieldNames(b.page) == kFields);
  CHECK(b.page.find("<script src=\"/assets/report.js\" defer></script>") != std::string::npos);
  CHECK(b.page.find("id=\"report-mailto\"") != std::string::npos);
  CHECK_FALSE(b.view["report_form"].contains("endpoint"));
}

TEST_CASE("security page: report_endpoint makes the form post there") {
  Built b = Build(kContact, std::string(kContact) +
                                "\nreport_endpoint = \"https://reports.test.example/psirt?src=web&v=1\"");
  REQUIRE(b.messages == "");
  // A plain HTML form: it works without JavaScript, so it is not hidden and
  // report.js (which composes e-mails) is not loaded.
  CHECK(FormTag(b.page) ==
        "<form id=\"report-form\" class=\"report-form\" action=\"https://reports.test.example/psirt?src=web&amp;v=1\" "
        "method=\"post\" enctype=\"application/x-www-form-urlencoded\" accept-charset=\"UTF-8\">");
  CHECK(FieldNames(b.page) == kFields);
  CHECK(b.page.find("report.js") == std::string::npos);
  CHECK(b.page.find("id=\"report-mailto\"") == std::string::npos);
  CHECK(b.page.find("This form sends your report to reports.test.example over an encrypted connection") !=
        std::string::npos);
  CHECK(b.page.find("<button type=\"submit\">Send the report</button>") != std::string::npos);
  // The e-mail instructions stay for readers who cannot use the form.
  CHECK(b.page.find("<p class=\"report-instructions\">Send your report by e-mail to <a "
                    "href=\"mailto:psirt@test.example\">psirt@test.example</a>.") != std::string::npos);
  CHECK(b.view["report_form"]["endpoint_host"] == "reports.test.example");
}

TEST_CASE("security page: report_endpoint without a mailto: contact") {
  Built b = Build(kContact, "contact = [\"https://test.example/report\"]\n"
                            "report_endpoint = \"https://reports.test.example/psirt\"");
  REQUIRE(b.messages == "");
  CHECK(FormTag(b.page).find("action=\"https://reports.test.example/psirt\" method=\"post\"") != std::string::npos);
  CHECK(b.page.find("You can also send your report to one of the <a href=\"#contact\">contacts above</a>.") !=
        std::string::npos);
  std::string section = b.page.substr(b.page.find("<section id=\"report\""));
  CHECK(section.substr(0, section.find("</section>")).find("mailto:") == std::string::npos);

  Built none = Build(kContact, "contact = [\"https://test.example/report\"]");  // nothing to post or mail to
  REQUIRE(none.messages == "");
  CHECK(FormTag(none.page) == "");
  CHECK_FALSE(none.view.contains("report_form"));
}

}  // namespace herald
