// Device: one model family, content/devices/SLUG/index.md, with its firmware
// releases and support terms (content-model.md, "Device").
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/dates.h"
#include "model/site_config.h"
#include "model/text.h"

namespace herald {

struct Capability {
  bool supported = false;
  std::string guide;  // guide file name; defaults to the row's topic
  SourceLocation where;
};

/// An end of security support as an earlier commit had it (Git history).
struct CommittedSupportEnd {
  std::string commit;       // hex id
  Timestamp committed = 0;  // commit time
  DateOrTba end;
};

struct SupportExtension {
  Timestamp date = 0;
  Timestamp end_of_security_support = 0;
  Text note;
};

struct TrustMark {
  std::string registry_url, id, administrator, lab;
  Timestamp date = 0;
};

struct Firmware {
  std::string version;
  Timestamp released = 0;
  Text notes, security_notes;
  bool is_security = false;
  std::string criticality;
  std::optional<int> install_within_days;
  std::string download_url, sbom_url;
  bool free_of_charge = true;
  std::optional<Timestamp> available_until;
  std::vector<LocatedString> advisories;
  SourceLocation where;
};

enum class DeviceStatus { kOnSale, kSupported, kUnsupported, kEndOfLife };

struct Device {
  std::string slug;
  SourceLocation where;  // the index.md file
  std::vector<std::string> markets;
  struct {
    std::string name, type, cpe, purl;
    std::vector<std::string> models, hardware_versions, components;
    Text marking;
  } identity;
  struct {
    std::string expected_lifespan;
    Text costs;
    std::optional<Timestamp> retain_until;
  } lifecycle;
  struct {
    Text purpose, customers, use_cases, physical;
    bool consumer = false, for_integration = false;
  } intended_use;
  struct {
    Text requirements, interfaces, unauthenticated_functions;
    std::vector<std::string> services;
  } network;
  struct {
    Text handled, inputs_outputs, personal_data, telemetry, retention, third_parties, cloud_access;
    std::vector<std::string> sensors;
  } data;
  struct {
    Text platform, environment, properties, component_protection, risks;
  } security;
  struct {
    Capability identification, configuration, data_protection, interface_access, software_update,
        state_awareness;
  } capabilities;
  struct {
    DateOrTba general_availability, end_of_sales, end_of_life, end_of_security_support;
    std::string basis, source;
    Text summary, update_frequency, update_mechanism, no_update_reason, short_period_reason;
    bool automatic_updates = false;
    std::optional<Timestamp> last_reviewed;
    std::vector<SupportExtension> history;
    /// Every committed value of end_of_security_support, newest commit
    /// first; empty outside Git. Support periods are never shortened.
    std::vector<CommittedSupportEnd> committed_ends;
    SourceLocation end_of_security_support_where;  // the value in index.md
  } support;
  struct {
    std::vector<std::string> laws;
    std::vector<Certification> certifications;
    std::string eu_declaration_url, psti_statement_url;
    std::optional<TrustMark> trust_mark;
  } compliance;
  struct {
    bool maintained = false, hbom_maintained = false, public_ = false;
    std::string format, url;
  } sbom;
  struct {
    Text performed_by, confidentiality;
  } maintenance;
  std::vector<Firmware> firmware;  // as written; sorted newest first by the model
  Text body;
  std::optional<Timestamp> updated;  // last commit touching the file

  DeviceStatus status = DeviceStatus::kSupported;  // derived from dates and build time
};

const char* DeviceStatusName(DeviceStatus s);

}  // namespace herald
