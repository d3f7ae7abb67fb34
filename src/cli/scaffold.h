// Scaffold: the files `herald init` and `herald new` write, and the names
// they choose. Pure functions (text in, text out); the commands do the I/O.
//
// A new site builds as written. Only what herald cannot know — who the
// organisation is, its practices and policies — carries a `TODO:` marker,
// which `herald check` reports as a [placeholder] warning (so --strict
// fails until it is filled in). The sample device and notice carry none:
// they pass `herald check` as they are and show what a complete file
// looks like.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/dates.h"

namespace herald::cli {

struct ScaffoldFile {
  std::string path;  // relative to the site folder, '/'-separated
  std::string text;
};

/// Every file of a new site, dated `today`: site.toml, a device with a
/// guide, an informational advisory, two pages, CI workflows for GitHub
/// and GitLab, .gitignore.
std::vector<ScaffoldFile> NewSiteFiles(Timestamp today);

/// A draft advisory `id`, naming `device` in [[affected]] when not empty.
std::string AdvisoryArchetype(const std::string& id, const std::string& device);
/// A device page for `slug`; every required field present.
std::string DeviceArchetype(const std::string& slug);
/// A guide on `topic` (one of GuideTopics()).
std::string GuideArchetype(const std::string& topic);

/// The id after the highest of `existing` that reads PREFIX-YYYY-N…N with
/// YYYY = `year` (same prefix and number width), or the first of `year`
/// when the newest id's prefix has none yet: ACME-SA-2026-0007 → -0008,
/// and in 2027 → ACME-SA-2027-0001. Nothing when no id has that shape.
std::optional<std::string> NextAdvisoryId(const std::vector<std::string>& existing, int year);

}  // namespace herald::cli
