// Guides and pages: Markdown documents with a little front matter.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/dates.h"
#include "model/text.h"

namespace herald {

struct Guide {
  std::string device;  // slug of the device folder
  std::string name;    // file name without .md; the URL segment
  std::string title, topic;
  std::vector<std::string> covers;
  Text body;
  SourceLocation where;
  std::optional<Timestamp> updated;
};

struct Page {
  std::string name;  // file name without .md; written to /NAME/
  std::string title, role;
  std::vector<std::string> covers;
  Text body;
  SourceLocation where;
  std::optional<Timestamp> updated;
};

/// The fixed guide vocabulary of content-model.md.
const std::vector<std::string>& GuideTopics();
std::string GuideTopicSummary(const std::string& topic);
/// Page roles; one page per role except "other".
const std::vector<std::string>& PageRoles();

}  // namespace herald
