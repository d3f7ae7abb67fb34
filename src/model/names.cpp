// Names and labels of model enums, and the fixed vocabularies.
#include <map>

#include "model/advisory.h"
#include "model/content.h"
#include "model/device.h"
#include "model/site.h"

namespace herald {

const char* CategoryName(AdvisoryCategory c) {
  switch (c) {
    case AdvisoryCategory::kSecurityAdvisory: return "security_advisory";
    case AdvisoryCategory::kVex: return "vex";
    case AdvisoryCategory::kIncident: return "incident";
    case AdvisoryCategory::kInformational: return "informational";
  }
  return "";
}

const char* CategoryLabel(AdvisoryCategory c) {
  switch (c) {
    case AdvisoryCategory::kSecurityAdvisory: return "Security advisory";
    case AdvisoryCategory::kVex: return "VEX statement";
    case AdvisoryCategory::kIncident: return "Incident notice";
    case AdvisoryCategory::kInformational: return "Informational notice";
  }
  return "";
}

const char* StatusName(AdvisoryStatus s) {
  switch (s) {
    case AdvisoryStatus::kDraft: return "draft";
    case AdvisoryStatus::kInterim: return "interim";
    case AdvisoryStatus::kFinal: return "final";
  }
  return "";
}

const char* SeverityName(Severity3 s) {
  switch (s) {
    case Severity3::kNone: return "none";
    case Severity3::kLow: return "low";
    case Severity3::kMedium: return "medium";
    case Severity3::kHigh: return "high";
    case Severity3::kCritical: return "critical";
  }
  return "";
}

const char* SeverityLabel(Severity3 s) {
  switch (s) {
    case Severity3::kNone: return "None";
    case Severity3::kLow: return "Low";
    case Severity3::kMedium: return "Medium";
    case Severity3::kHigh: return "High";
    case Severity3::kCritical: return "Critical";
  }
  return "";
}

const char* DeviceStatusName(DeviceStatus s) {
  switch (s) {
    case DeviceStatus::kOnSale: return "on_sale";
    case DeviceStatus::kSupported: return "supported";
    case DeviceStatus::kUnsupported: return "unsupported";
    case DeviceStatus::kEndOfLife: return "end_of_life";
  }
  return "";
}

namespace {

const std::vector<std::pair<std::string, std::string>>& TopicTable() {
  static const std::vector<std::pair<std::string, std::string>> kTopics = {
      {"secure-setup", "Commissioning and configuring securely"},
      {"verify-setup", "Checking the setup is secure, at install and later (after repairs)"},
      {"change-default-password", "Replacing any default or initial password"},
      {"device-identifiers", "The logical and physical identifiers, where to read them"},
      {"configuration", "Changing settings, who may, restoring a known-good configuration"},
      {"access-control", "Accounts, authentication, lock-out, disabling unneeded interfaces"},
      {"data-protection", "Protection of stored and sent data; crypto settings users control"},
      {"software-update", "Installing, validating, rolling back updates; automatic or manual; notices"},
      {"disable-automatic-updates", "Switching off automatic security updates, and the risk"},
      {"security-state", "Reading security state and logs, exporting them to a log service"},
      {"backup-restore", "Backing up device data, reaching data held in the cloud"},
      {"maintenance", "The customer's upkeep: accounts, local and remote maintenance, patch plan"},
      {"shared-responsibilities", "What the customer does, what the manufacturer and others do"},
      {"assumptions", "Assumptions and dependencies over the life: connectivity, third-party services"},
      {"vulnerability-management", "Configuration and patch management, anti-malware options"},
      {"data-deletion", "Deleting personal data; wiping before repair, resale or disposal"},
      {"reprovision-dispose", "Transferring ownership, reprovisioning, disposing securely"},
      {"change-impact", "How changes to the product or its settings affect data security"},
      {"unsupported-use", "Risks of use after security support ends; alternatives"},
      {"integration", "Notes for integrators building the device into other products"},
      {"other", "Anything else"},
  };
  return kTopics;
}

}  // namespace

const std::vector<std::string>& GuideTopics() {
  static const std::vector<std::string> kNames = [] {
    std::vector<std::string> names;
    for (const auto& [name, summary] : TopicTable()) names.push_back(name);
    return names;
  }();
  return kNames;
}

std::string GuideTopicSummary(const std::string& topic) {
  for (const auto& [name, summary] : TopicTable()) {
    if (name == topic) return summary;
  }
  return "";
}

const std::vector<std::string>& PageRoles() {
  static const std::vector<std::string> kRoles = {
      "security-practices", "certifications", "risk-summary", "support-policy", "privacy", "other"};
  return kRoles;
}

const Advisory* Site::FindAdvisory(const std::string& id) const {
  auto it = advisory_by_id.find(id);
  return it == advisory_by_id.end() ? nullptr : &advisories[it->second];
}

const Device* Site::FindDevice(const std::string& slug) const {
  auto it = device_by_slug.find(slug);
  return it == device_by_slug.end() ? nullptr : &devices[it->second];
}

std::string Site::AbsoluteUrl(const std::string& site_path) const {
  if (site_path.rfind("https://", 0) == 0 || site_path.rfind("http://", 0) == 0) return site_path;
  return config.site.base_url + site_path;
}

}  // namespace herald
