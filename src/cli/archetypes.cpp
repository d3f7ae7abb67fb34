// The files `herald new` writes, and the next free advisory id.
#include <algorithm>
#include <regex>
#include <tuple>

#include "cli/scaffold.h"
#include "model/content.h"

namespace herald::cli {

std::string AdvisoryArchetype(const std::string& id, const std::string& device) {
  std::string text =
      "+++\n"
      "id = \"" + id + "\"\n"
      "title = \"TODO: the weakness and the product, e.g. Authentication bypass in the web "
      "interface\"\n"
      "category = \"security_advisory\"  # security_advisory | vex | incident | informational\n"
      "status = \"draft\"                # never published; interim | final when it goes out\n"
      "tlp = \"CLEAR\"\n"
      "# published = 2026-03-14T09:00:00Z  # without it: the first commit of this file\n"
      "summary = \"TODO: one paragraph for lists, feeds and the CSAF summary\"\n"
      "\n"
      "[[vulnerabilities]]\n"
      "# cve = \"CVE-2026-12345\"\n"
      "# cwe = \"CWE-287\"\n"
      "# cvss_v3 = \"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\"\n"
      "title = \"TODO: the vulnerability in a few words\"\n";
  if (!device.empty()) {
    text +=
        "\n"
        "[[affected]]\n"
        "device = \"" + device + "\"\n"
        "# TODO: the affected firmware range and the first fixed version\n"
        "# versions = \">= 2.0.0, < 2.4.1\"\n"
        "# fixed = \"2.4.1\"\n"
        "\n"
        "[[remediations]]\n"
        "category = \"vendor_fix\"  # vendor_fix | mitigation | workaround | no_fix_planned | "
        "none_available\n"
        "details = \"TODO: what customers must do\"\n"
        "devices = [\"" + device + "\"]\n";
  }
  text +=
      "\n"
      "# [[revisions]]  # one per published version, newest last\n"
      "# date = 2026-03-14T09:00:00Z\n"
      "# summary = \"Initial publication.\"\n"
      "+++\n"
      "TODO: details, impact, mitigation steps and timeline.\n";
  return text;
}

std::string DeviceArchetype(const std::string& slug) {
  return "+++\n"
         "markets = [\"eu\"]  # where it is sold: eu, uk, us or other ISO 3166 codes\n"
         "\n"
         "[identity]\n"
         "name = \"TODO: the product name\"\n"
         "models = [\"TODO: model designations as printed\"]\n"
         "\n"
         "[intended_use]\n"
         "purpose = \"TODO: the intended purpose and essential functions\"\n"
         "\n"
         "# The six NIST IR 8259A capabilities; supported = true needs a guide\n"
         "# (herald new guide " + slug + " TOPIC).\n"
         "[capabilities]\n"
         "identification = { supported = false }\n"
         "configuration = { supported = false }\n"
         "data_protection = { supported = false }\n"
         "interface_access = { supported = false }\n"
         "software_update = { supported = false }\n"
         "state_awareness = { supported = false }\n"
         "\n"
         "[support]  # dates or \"tba\"\n"
         "general_availability = \"tba\"\n"
         "end_of_sales = \"tba\"\n"
         "end_of_life = \"tba\"\n"
         "end_of_security_support = \"tba\"  # TODO: the last day of security updates\n"
         "basis = \"guaranteed\"  # guaranteed | best_effort\n"
         "automatic_updates = true\n"
         "\n"
         "# [[firmware]]  # one per release\n"
         "# version = \"1.0.0\"\n"
         "# released = 2026-03-14\n"
         "+++\n"
         "TODO: what customers should know about this device's security.\n";
}

std::string GuideArchetype(const std::string& topic) {
  return "+++\n"
         "title = \"TODO: a title saying what the reader will do\"\n"
         "topic = \"" + topic + "\"  # " + GuideTopicSummary(topic) + "\n"
         "+++\n"
         "TODO: the steps, one numbered list per task.\n";
}

std::optional<std::string> NextAdvisoryId(const std::vector<std::string>& existing, int year) {
  static const std::regex kShape("^(.+)-([0-9]{4})-([0-9]+)$");
  struct Parsed {
    std::string prefix;
    int year;
    long number;
    size_t width;
  };
  std::vector<Parsed> ids;
  for (const std::string& id : existing) {
    std::smatch m;
    if (!std::regex_match(id, m, kShape) || m[3].length() > 9) continue;
    ids.push_back({m[1], std::stoi(m[2]), std::stol(m[3]), static_cast<size_t>(m[3].length())});
  }
  if (ids.empty()) return std::nullopt;
  // The newest id sets the prefix and the width of the number.
  auto older = [](const Parsed& a, const Parsed& b) {
    return std::tie(a.year, a.number, a.prefix) < std::tie(b.year, b.number, b.prefix);
  };
  const Parsed& newest = *std::max_element(ids.begin(), ids.end(), older);
  long next = 1;
  for (const Parsed& p : ids) {
    if (p.prefix == newest.prefix && p.year == year) next = std::max(next, p.number + 1);
  }
  std::string number = std::to_string(next);
  if (number.size() < newest.width) number.insert(0, newest.width - number.size(), '0');
  return newest.prefix + "-" + std::to_string(year) + "-" + number;
}

}  // namespace herald::cli
