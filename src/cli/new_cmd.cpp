// herald new advisory|device|guide: one file from its archetype
// (cli/scaffold.h), named as the loader expects, never overwriting.
#include <algorithm>
#include <filesystem>
#include <iostream>

#include "cli/cli.h"
#include "cli/scaffold.h"
#include "load/loaders.h"
#include "model/content.h"
#include "source/source_tree.h"

namespace herald::cli {
namespace {

namespace fs = std::filesystem;

struct NewContext {
  const Command& cmd;
  fs::path site;
  std::unique_ptr<SourceTree> tree;
};

bool DeviceExists(const NewContext& ctx, const std::string& slug) {
  return ctx.tree->Size("content/devices/" + slug + "/index.md").has_value();
}

int Create(const NewContext& ctx, const std::string& path, const std::string& text) {
  std::string error;
  if (!WriteNewFile(ctx.site / path, text, false, &error)) {
    std::cerr << "herald new: " << error << '\n';
    return kContentErrors;
  }
  std::cout << "Created " << (ctx.site / path).lexically_normal().generic_string() << '\n';
  return kOk;
}

int NewAdvisory(const NewContext& ctx, const std::vector<std::string>& rest, std::string device,
                const std::string& year_text) {
  if (rest.size() > 1) return UsageError(ctx.cmd, "expected at most one advisory ID");
  int year = YearOf(Today());
  if (!year_text.empty()) {
    if (year_text.size() != 4 || year_text.find_first_not_of("0123456789") != std::string::npos)
      return UsageError(ctx.cmd, "--year is '" + year_text + "'; expected a year such as 2026");
    year = std::stoi(year_text);
  }
  std::vector<std::string> ids;
  std::map<std::string, std::string> files;  // id → path
  for (const std::string& path : ctx.tree->List("advisories")) {
    if (path.size() < 4 || path.compare(path.size() - 3, 3, ".md") != 0) continue;
    std::string id = path.substr(path.rfind('/') + 1);
    id.resize(id.size() - 3);
    ids.push_back(id);
    files[id] = path;
  }
  std::string id;
  if (!rest.empty()) {
    id = rest[0];
    if (!IsValidAdvisoryId(id))
      return UsageError(ctx.cmd, "'" + id + "' is not an advisory id; expected upper-case letters "
                                 "and digits in dash-separated groups, such as ACME-SA-2026-0007");
  } else if (auto next = NextAdvisoryId(ids, year)) {
    id = *next;
  } else {
    return UsageError(ctx.cmd, "the site has no advisory id to continue from; give the first "
                               "one, such as: herald new advisory ACME-SA-" +
                                   std::to_string(year) + "-0001");
  }
  if (files.count(id)) {
    std::cerr << "herald new: advisory " << id << " exists already: " << files[id] << '\n';
    return kContentErrors;
  }
  if (device.empty()) {
    // The only device, if there is one; otherwise the writer names it.
    std::vector<std::string> devices;
    for (const std::string& p : ctx.tree->List("content/devices")) {
      std::string rel = p.substr(sizeof("content/devices/") - 1);
      if (rel.size() > 9 && rel.compare(rel.size() - 9, 9, "/index.md") == 0 &&
          rel.find('/') == rel.size() - 9) {
        devices.push_back(rel.substr(0, rel.size() - 9));
      }
    }
    if (devices.size() == 1) device = devices[0];
  } else if (!IsValidSlug(device) || !DeviceExists(ctx, device)) {
    return UsageError(ctx.cmd, "--device '" + device + "' is not a device of this site (no "
                               "content/devices/" + device + "/index.md)");
  }
  return Create(ctx, "advisories/" + std::to_string(year) + "/" + id + ".md",
                AdvisoryArchetype(id, device));
}

int NewDevice(const NewContext& ctx, const std::vector<std::string>& rest) {
  if (rest.size() != 1) return UsageError(ctx.cmd, "expected the device's SLUG, such as hub-200");
  const std::string& slug = rest[0];
  if (!IsValidSlug(slug))
    return UsageError(ctx.cmd, "'" + slug + "' is not a valid slug; expected lower-case letters, "
                               "digits and single dashes, such as hub-200");
  return Create(ctx, "content/devices/" + slug + "/index.md", DeviceArchetype(slug));
}

int NewGuide(const NewContext& ctx, const std::vector<std::string>& rest) {
  if (rest.size() < 2 || rest.size() > 3)
    return UsageError(ctx.cmd, "expected DEVICE TOPIC, and a NAME for topic 'other'");
  const std::string& device = rest[0];
  const std::string& topic = rest[1];
  const auto& topics = GuideTopics();
  if (std::find(topics.begin(), topics.end(), topic) == topics.end()) {
    std::string list;
    for (const auto& t : topics) list += (list.empty() ? "" : ", ") + t;
    return UsageError(ctx.cmd, "topic '" + topic + "' is not one of: " + list);
  }
  if (topic != "other" && rest.size() == 3)
    return UsageError(ctx.cmd, "a guide on '" + topic + "' is named " + topic + ".md; only "
                               "topic 'other' takes a NAME");
  if (topic == "other" && rest.size() != 3)
    return UsageError(ctx.cmd, "topic 'other' needs a NAME for the file, such as wall-mounting");
  std::string name = topic == "other" ? rest[2] : topic;
  if (!IsValidSlug(name))
    return UsageError(ctx.cmd, "'" + name + "' is not a valid slug; expected lower-case letters, "
                               "digits and single dashes, such as wall-mounting");
  if (!IsValidSlug(device) || !DeviceExists(ctx, device))
    return UsageError(ctx.cmd, "'" + device + "' is not a device of this site (no "
                               "content/devices/" + device + "/index.md); see herald new device");
  return Create(ctx, "content/devices/" + device + "/guides/" + name + ".md",
                GuideArchetype(topic));
}

}  // namespace

int RunNew(Args& args) {
  const Command& cmd = FindCommand("new");
  std::string site = ".";
  args.Value("--site", &site);
  std::string device, year;  // options of `new advisory`
  bool has_device = args.Value("--device", &device);
  bool has_year = args.Value("--year", &year);
  std::vector<std::string> rest;
  std::string error;
  if (!args.Rest(&rest, &error)) return UsageError(cmd, error);
  if (rest.empty()) return UsageError(cmd, "expected what to create: advisory, device or guide");
  std::optional<Timestamp> epoch;
  if (!ReadSourceDateEpoch(&epoch, &error)) return UsageError(cmd, error);
  std::string kind = rest[0];
  rest.erase(rest.begin());
  if (kind != "advisory" && kind != "device" && kind != "guide")
    return UsageError(cmd, "cannot create '" + kind + "'; expected advisory, device or guide");
  if (kind != "advisory" && (has_device || has_year))
    return UsageError(cmd, "--device and --year are options of 'herald new advisory'");

  NewContext ctx{cmd, site, OpenDirectoryTree(site)};
  if (!ctx.tree->Size("site.toml")) {
    std::cerr << "herald new: no site.toml in '" << site << "'; run herald new in a site "
              << "folder or pass --site DIR (herald init creates a site)\n";
    return kContentErrors;
  }
  if (kind == "device") return NewDevice(ctx, rest);
  if (kind == "guide") return NewGuide(ctx, rest);
  return NewAdvisory(ctx, rest, device, year);
}

}  // namespace herald::cli
