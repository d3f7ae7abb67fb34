// Loaders: one function per kind of source file, front matter → model.
//
// Each reports every problem it finds to the context's Diagnostics and
// returns what it could read; cross-file checks happen in validate/.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "load/fields.h"
#include "model/advisory.h"
#include "model/content.h"
#include "model/device.h"
#include "model/site_config.h"

namespace herald {

std::optional<SiteConfig> LoadSiteConfig(std::string_view text, const std::string& path,
                                         LoadContext& ctx);
/// `slug` is the folder name under content/devices/.
std::optional<Device> LoadDevice(std::string_view text, const std::string& path,
                                 const std::string& slug, LoadContext& ctx);
/// `file_id` is the file name without .md; the front matter id must match it.
std::optional<Advisory> LoadAdvisory(std::string_view text, const std::string& path,
                                     const std::string& file_id, const std::string& default_tlp,
                                     LoadContext& ctx);
std::optional<Guide> LoadGuide(std::string_view text, const std::string& path,
                               const std::string& device, const std::string& name,
                               LoadContext& ctx);
std::optional<Page> LoadPage(std::string_view text, const std::string& path,
                             const std::string& name, LoadContext& ctx);

/// `[[certifications]]`-style arrays, shared by site.toml and devices.
std::vector<Certification> ReadCertificationList(FieldReader& r, const char* key,
                                                 const std::string& prefix);

/// Ids, slugs and names that may become path segments.
bool IsValidAdvisoryId(std::string_view id);  // ^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$
bool IsValidSlug(std::string_view slug);      // ^[a-z0-9]+(-[a-z0-9]+)*$

}  // namespace herald
