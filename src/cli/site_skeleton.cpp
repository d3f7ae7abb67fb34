// The files of a new site (herald init). Raw strings with {{YEAR}}-style
// fields filled in by Fill(); see scaffold.h for what is a placeholder.
#include <string_view>

#include "cli/scaffold.h"

namespace herald::cli {
namespace {

constexpr char kSiteToml[] = R"(# herald site configuration. Field reference: the "site.toml" section of
# herald's content model. `herald check` lists each placeholder left below.

# TODO: replace the example device (content/devices/example-sensor/) and notice (advisories/{{YEAR}}/) with your own
[site]
# TODO: your site's name and the https:// address it will be served from
title = "Example Devices PSIRT"
base_url = "https://security.example.com"
language = "en"
description = "Security advisories, support periods and security documentation for Example Devices products."

[manufacturer]
# TODO: your organisation's registered name, postal address and general email address
legal_name = "Example Devices Ltd"
trade_name = "Example Devices"
postal_address = """
Example Devices Ltd
1 Example Street
Example City
"""
email = "info@example.com"
website = "https://example.com"

[publisher]
# TODO: who publishes the CSAF advisories, and your organisation's https:// origin
name = "Example Devices PSIRT"
namespace = "https://example.com"
category = "vendor"

[disclosure]
# TODO: where to report a vulnerability (mailto:, https:, tel:), in order of preference
contact = ["mailto:security@example.com"]
acknowledge_days = 5
status_update_days = 14
preferred_languages = ["en"]

[security_txt]
expires_days = 180

[build]
output_dir = "public"
)";

constexpr char kDevice[] = R"(+++
markets = ["eu", "uk", "us"]

[identity]
name = "Example Sensor S1"
type = "temperature and humidity sensor"
models = ["S1", "S1-EU"]
marking = "The model and serial number are printed on the label on the back and shown in the app under Device info."

[intended_use]
purpose = "Measures room temperature and humidity and reports them to the Example app over Wi-Fi."
consumer = true

[network]
interfaces = "Wi-Fi (2.4 GHz): outgoing TLS connections to the Example cloud only; no listening ports."
unauthenticated_functions = "none"

[data]
personal_data = "none: the sensor sends only measurements, linked to the owner's account by the cloud."
telemetry = "Firmware version and Wi-Fi signal strength, to find faults."
sensors = ["temperature", "humidity"]

[capabilities]
identification = { supported = false }
configuration = { supported = false }
data_protection = { supported = false }
interface_access = { supported = false }
software_update = { supported = true }
state_awareness = { supported = false }

[support]
general_availability = {{DATE}}
end_of_sales = "tba"
end_of_life = "tba"
end_of_security_support = {{SUPPORT_END}}-12-31
basis = "guaranteed"
update_mechanism = "Signed over-the-air updates; the sensor verifies each image before installing it."
automatic_updates = true

[[firmware]]
version = "1.0.0"
released = {{DATE}}
notes = "First release."
+++
The Example Sensor S1 reports room temperature and humidity to the Example app.

## Security at a glance

- Security updates are provided until the end of {{SUPPORT_END}} and install automatically.
- The sensor opens no ports: it only connects out to the Example cloud, over TLS.
)";

constexpr char kGuide[] = R"(+++
title = "Update the Example Sensor S1"
topic = "software-update"
+++
Updates fix vulnerabilities, so the sensor installs them automatically by default.

1. The sensor checks for an update every day and installs it at night.
2. To check by hand, open **App › Sensor › Settings › Firmware** and select **Check now**.

The sensor verifies the signature of every update before installing it and keeps the previous version if an update fails.
)";

constexpr char kAdvisory[] = R"(+++
id = "EXAMPLE-SA-{{YEAR}}-0001"
title = "Security notices for the Example Sensor S1 are published here"
category = "informational"
status = "final"
published = {{DATE}}
tlp = "CLEAR"
summary = "Example Devices publishes security advisories for the Example Sensor S1 on this site, as web pages, feeds and CSAF 2.0 documents."

[[affected]]
device = "example-sensor"

[[references]]
url = "/devices/example-sensor/"
summary = "Example Sensor S1 device page with its support period"

[[revisions]]
date = {{DATE}}
summary = "Initial publication."
+++
Subscribe to the [device feed](/devices/example-sensor/) to hear about updates and advisories for the Example Sensor S1. To report a vulnerability, see the [security policy](/security/).
)";

constexpr char kSecurityPractices[] = R"(+++
title = "Security practices"
role = "security-practices"
+++
TODO: describe how you develop securely: threat modelling, code review, testing, how you choose and watch suppliers and third-party components, and who oversees product security.
)";

constexpr char kSupportPolicy[] = R"(+++
title = "Support policy"
role = "support-policy"
+++
TODO: say in plain words how long your devices receive security updates, how that period is set, announced and extended, and what happens when it ends.
)";

constexpr char kGithubWorkflow[] = R"(# herald: check every pull request; build the site on main.
# Written by `herald init`; see herald's README ("Checking pull requests").
name: herald
on:
  pull_request:
  push:
    branches: [main]
jobs:
  herald:
    runs-on: ubuntu-latest
    container: debian:12                  # herald's install script targets Debian 12
    steps:
      - run: apt-get update && apt-get install -y git ca-certificates
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0                  # --since and --against need the base branch's history
      - run: git config --global --add safe.directory "$GITHUB_WORKSPACE"
      - name: Build herald                # TODO: replace OWNER with where herald is hosted
        run: |
          git clone --depth 1 https://github.com/OWNER/herald /opt/herald
          bash /opt/herald/scripts/install.sh
      - name: Check the pull request
        if: github.event_name == 'pull_request'
        run: >-
          /opt/herald/build/herald check --format github
          --since origin/${{ github.base_ref }} --against origin/${{ github.base_ref }}
      - name: Build the site
        if: github.event_name == 'push'
        run: /opt/herald/build/herald build
      - uses: actions/upload-artifact@v4
        if: github.event_name == 'push'
        with:
          name: site
          path: public/
)";

constexpr char kGitlabCi[] = R"(# herald: check every merge request; build the site on the default branch.
# Written by `herald init`; see herald's README ("Checking pull requests").
image: debian:12
variables:
  GIT_DEPTH: 0                            # --since and --against need the target branch's history
before_script:
  - apt-get update && apt-get install -y git ca-certificates
  # TODO: replace OWNER with where herald is hosted
  - git clone --depth 1 https://github.com/OWNER/herald /opt/herald
  - bash /opt/herald/scripts/install.sh
check:
  rules:
    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
  script:
    - git fetch origin "$CI_MERGE_REQUEST_TARGET_BRANCH_NAME"
    - /opt/herald/build/herald check --since "origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME" --against "origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME"
pages:
  rules:
    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
  script:
    - /opt/herald/build/herald build --out public
  artifacts:
    paths: [public]
)";

constexpr char kGitignore[] = "/public/\n";

// Replaces each {{NAME}} with its value.
std::string Fill(std::string_view text, const std::vector<std::pair<std::string, std::string>>& values) {
  std::string out(text);
  for (const auto& [name, value] : values) {
    std::string field = "{{" + name + "}}";
    for (size_t at = out.find(field); at != std::string::npos; at = out.find(field, at + value.size())) {
      out.replace(at, field.size(), value);
    }
  }
  return out;
}

}  // namespace

std::vector<ScaffoldFile> NewSiteFiles(Timestamp today) {
  std::string year = std::to_string(YearOf(today));
  std::vector<std::pair<std::string, std::string>> values = {
      {"YEAR", year},
      {"DATE", FormatIsoDate(today)},
      {"SUPPORT_END", std::to_string(YearOf(today) + 5)},
  };
  return {
      {"site.toml", Fill(kSiteToml, values)},
      {"content/devices/example-sensor/index.md", Fill(kDevice, values)},
      {"content/devices/example-sensor/guides/software-update.md", kGuide},
      {"advisories/" + year + "/EXAMPLE-SA-" + year + "-0001.md", Fill(kAdvisory, values)},
      {"content/pages/security-practices.md", kSecurityPractices},
      {"content/pages/support-policy.md", kSupportPolicy},
      {".github/workflows/herald.yml", kGithubWorkflow},
      {".gitlab-ci.yml", kGitlabCi},
      {".gitignore", kGitignore},
  };
}

}  // namespace herald::cli
