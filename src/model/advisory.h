// Advisory: one file in advisories/YYYY/ID.md (SPEC.md, "Advisory").
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/dates.h"
#include "model/text.h"

namespace herald {

enum class AdvisoryCategory { kSecurityAdvisory, kVex, kIncident, kInformational };
enum class AdvisoryStatus { kDraft, kInterim, kFinal };
enum class Severity3 { kNone, kLow, kMedium, kHigh, kCritical };  // CVSS qualitative rating

struct CvssScore {
  std::string vector;  // as written
  double base_score = 0;
  Severity3 severity = Severity3::kNone;
  SourceLocation where;
};

struct Vulnerability {
  std::string cve, cwe, title;
  std::optional<CvssScore> cvss_v3, cvss_v4;
  std::vector<LocatedString> devices;  // empty in source: every affected device
  bool actively_exploited = false;
  SourceLocation where;
};

struct Affected {
  LocatedString device;
  LocatedString versions;  // may be empty (informational notices)
  LocatedString fixed;
};

struct NotAffected {
  LocatedString device;
  std::string justification;
};

struct Remediation {
  std::string category, url;
  Text details;
  std::vector<LocatedString> devices;
  SourceLocation where;
};

struct Reference {
  std::string url, summary;
};

struct Acknowledgment {
  std::vector<std::string> names;
  std::string organization;
};

struct Revision {
  Timestamp date = 0;
  std::string summary;
  SourceLocation where;
};

struct Withdrawal {
  Timestamp date = 0;
  std::string reason;
};

struct Advisory {
  std::string id, title, summary, tlp = "CLEAR";
  AdvisoryCategory category = AdvisoryCategory::kSecurityAdvisory;
  AdvisoryStatus status = AdvisoryStatus::kFinal;
  Timestamp published = 0;
  Timestamp updated = 0;  // front matter, else last revision, else last commit
  std::vector<Vulnerability> vulnerabilities;
  std::vector<Affected> affected;
  std::vector<NotAffected> not_affected;
  std::vector<Remediation> remediations;
  std::vector<Reference> references;
  std::vector<Acknowledgment> acknowledgments;
  std::vector<Revision> revisions;
  std::optional<Withdrawal> withdrawn;
  LocatedString superseded_by;
  Text body;
  SourceLocation where;

  // Derived by the model.
  Severity3 severity = Severity3::kNone;
  double max_score = 0;
  bool actively_exploited = false;
  bool published_out = true;  // false: draft or non-CLEAR, skipped by the build
};

const char* CategoryName(AdvisoryCategory c);  // "security_advisory" …
const char* CategoryLabel(AdvisoryCategory c);  // "Security advisory" …
const char* StatusName(AdvisoryStatus s);
const char* SeverityName(Severity3 s);   // "critical" …
const char* SeverityLabel(Severity3 s);  // "Critical" …

}  // namespace herald
