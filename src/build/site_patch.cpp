#include "build/site_patch.h"

#include <algorithm>
#include <map>

#include "build/load_cache.h"
#include "coverage/coverage.h"
#include "render/csaf.h"
#include "validate/assemble.h"

namespace herald {
namespace {

struct Edit {
  std::string path;
  SourceKind kind = SourceKind::kIgnored;
  bool exists = false;
  ParsedFile parsed;
};

template <typename T>
std::optional<size_t> IndexByPath(const std::vector<T>& items, const std::string& path) {
  for (size_t i = 0; i < items.size(); ++i) {
    if (items[i].where.path == path) return i;
  }
  return std::nullopt;
}

// The order AssembleSite gives published advisories: newest first, then by id.
bool ListedBefore(const Advisory& a, const Advisory& b) {
  if (a.published != b.published) return a.published > b.published;
  return a.id > b.id;
}

std::set<std::string> IndexedDevices(const Advisory& a) {  // Site::advisories_by_device's relation
  std::set<std::string> named;
  for (const auto& x : a.affected) named.insert(x.device.value);
  for (const auto& x : a.not_affected) named.insert(x.device.value);
  return named;
}

ShownAdvisory Shown(const Advisory& a) {
  return {a.id, NamedDevices(a), CsafDocumentPath(a).substr(1)};
}

// The indexes AssembleSite builds over the published advisories.
void IndexAdvisories(Site& site) {
  site.advisory_by_id.clear();
  site.advisories_by_device.clear();
  for (size_t i = 0; i < site.advisories.size(); ++i) {
    const Advisory& a = site.advisories[i];
    site.advisory_by_id[a.id] = i;
    for (const auto& slug : IndexedDevices(a)) site.advisories_by_device[slug].push_back(i);
  }
}

// The patch, with the site's current state and the edits' new versions.
class Patcher {
 public:
  Patcher(LoadedSite& loaded, std::vector<Edit>& edits) : site_(loaded.site), edits_(edits) {
    for (Edit& e : edits_) {
      if (e.parsed.advisory) new_advisories_[e.path] = &*e.parsed.advisory;
      if (e.parsed.device) new_devices_[e.parsed.device->slug] = &*e.parsed.device;
      if (e.parsed.guide) new_guides_[e.path] = &*e.parsed.guide;
      if (e.parsed.page) new_pages_[e.path] = &*e.parsed.page;
      if (e.kind == SourceKind::kAdvisory) edited_advisories_.insert(e.path);
    }
  }

  /// False when the edits need a full load (see site_patch.h).
  bool Patchable() const {
    std::set<std::string> new_ids;
    for (const Edit& e : edits_) {
      switch (e.kind) {
        case SourceKind::kAdvisory: {
          const Advisory* old = OldAdvisory(e.path);
          const Advisory* now = e.parsed.advisory ? &*e.parsed.advisory : nullptr;
          if (now && (!new_ids.insert(now->id).second || IdTakenElsewhere(now->id))) return false;
          if (old && (!now || now->id != old->id) && Referenced(old->id)) return false;
          break;
        }
        case SourceKind::kDevice:
          if (!e.parsed.device || !IndexByPath(site_.devices, e.path)) return false;
          break;
        case SourceKind::kGuide:
          if (!e.parsed.guide || !IndexByPath(site_.guides, e.path)) return false;
          break;
        case SourceKind::kPage: {
          auto i = IndexByPath(site_.pages, e.path);
          if (!e.parsed.page || !i) return false;
          const Page& old = site_.pages[*i];
          if (old.title != e.parsed.page->title || old.role != e.parsed.page->role) return false;
          break;
        }
        case SourceKind::kIgnored: break;
      }
    }
    return true;
  }

  /// The edited entities and what their cross-file rules read.
  LoadedFiles Subset() const {
    LoadedFiles files;
    files.config = site_.config;
    for (const Device& d : site_.devices) files.device_files.insert(d.slug);
    std::map<std::string, Advisory> advisories;  // by path: the file order of a load
    std::map<std::string, Device> devices;
    std::map<std::string, Guide> guides;
    auto add_device = [&](const std::string& slug) {
      if (const Device* d = CurrentDevice(slug)) devices.emplace(d->where.path, *d);
    };
    auto add_advisory = [&](const Advisory& a) {
      advisories.emplace(a.where.path, a);
      for (const auto& slug : NamedDevices(a)) add_device(slug);
    };
    for (const auto& [path, a] : new_advisories_) {
      add_advisory(*a);
      for (const Device& d : site_.devices) {  // firmware naming it: published or not is checked
        if (NamesAdvisory(*CurrentDevice(d.slug), a->id)) add_device(d.slug);
      }
    }
    for (const auto& [slug, d] : new_devices_) {
      add_device(slug);
      // A published advisory names only devices of its [[affected]] and
      // [[not_affected]] (else the site had errors): the index has them all.
      if (auto it = site_.advisories_by_device.find(slug); it != site_.advisories_by_device.end()) {
        for (size_t i : it->second) add_advisory(CurrentAdvisory(site_.advisories[i]));
      }
      for (const Advisory& a : site_.withheld) {
        if (NamedDevices(a).count(slug)) add_advisory(CurrentAdvisory(a));
      }
    }
    for (const auto& [path, g] : new_guides_) add_device(g->device);
    for (const auto& [path, d] : devices) {  // capabilities name guides
      if (auto it = site_.guides_by_device.find(d.slug); it != site_.guides_by_device.end()) {
        for (size_t i : it->second) {
          const Guide& g = site_.guides[i];
          auto fresh = new_guides_.find(g.where.path);
          guides.emplace(g.where.path, fresh != new_guides_.end() ? *fresh->second : g);
        }
      }
    }
    for (const auto& [path, g] : new_guides_) guides.emplace(path, *g);
    if (!new_pages_.empty()) {  // roles are unique across pages
      for (const Page& p : site_.pages) {
        auto fresh = new_pages_.find(p.where.path);
        files.pages.push_back(fresh != new_pages_.end() ? *fresh->second : p);
      }
    }
    // Ids the subset names that exist in the site after the edits, so rules
    // that look them up find them (AssembleSite's advisory_files).
    auto exists = [&](const std::string& id) {
      for (const auto& [path, a] : new_advisories_) {
        if (a->id == id) return true;
      }
      auto known = [&](const Advisory& a) { return a.id == id && !edited_advisories_.count(a.where.path); };
      auto it = site_.advisory_by_id.find(id);
      if (it != site_.advisory_by_id.end() && known(site_.advisories[it->second])) return true;
      return std::any_of(site_.withheld.begin(), site_.withheld.end(), known);
    };
    for (auto& [path, a] : advisories) {
      if (!a.superseded_by.value.empty() && exists(a.superseded_by.value)) {
        files.advisory_files.insert(a.superseded_by.value);
      }
      files.advisories.push_back(std::move(a));
    }
    for (auto& [path, d] : devices) {
      for (const Firmware& f : d.firmware) {
        for (const auto& ref : f.advisories) {
          if (exists(ref.value)) files.advisory_files.insert(ref.value);
        }
      }
      files.devices.push_back(std::move(d));
    }
    for (auto& [path, g] : guides) files.guides.push_back(std::move(g));
    return files;
  }

  /// Replaces the old entities with the assembled ones; fills `delta`.
  void Apply(Site& assembled, std::map<std::string, std::string>* front_matter, SiteDelta* delta) {
    bool reindex = false;
    for (Edit& e : edits_) {
      auto known = front_matter->find(e.path);
      bool same_front = known != front_matter->end() && !e.parsed.front_matter.empty() &&
                        known->second == e.parsed.front_matter;
      if (e.exists) (*front_matter)[e.path] = e.parsed.front_matter;
      else front_matter->erase(e.path);
      switch (e.kind) {
        case SourceKind::kAdvisory: reindex |= ApplyAdvisory(e.path, same_front, assembled, delta); break;
        case SourceKind::kDevice: {
          size_t i = *IndexByPath(site_.devices, e.path);
          site_.devices[i] = std::move(assembled.devices[*IndexByPath(assembled.devices, e.path)]);
          delta->devices.insert(site_.devices[i].slug);
          break;
        }
        case SourceKind::kGuide: {
          size_t i = *IndexByPath(site_.guides, e.path);
          site_.guides[i] = std::move(assembled.guides[*IndexByPath(assembled.guides, e.path)]);
          delta->guides.insert({site_.guides[i].device, site_.guides[i].name});
          break;
        }
        case SourceKind::kPage: {
          size_t i = *IndexByPath(site_.pages, e.path);
          site_.pages[i] = std::move(assembled.pages[*IndexByPath(assembled.pages, e.path)]);
          delta->pages.insert(site_.pages[i].name);
          break;
        }
        case SourceKind::kIgnored: break;
      }
    }
    if (reindex) IndexAdvisories(site_);
    delta->structure = reindex;
    // Coverage reports of what did not change stay valid while indexes and
    // the site-wide facts (pages) do; the others describe the old site.
    if (reindex || !delta->pages.empty()) {
      site_.coverage_memo = CoverageMemoSlot();
      return;
    }
    std::set<size_t> devices, advisories;
    auto device = [&](const std::string& slug) {
      if (auto it = site_.device_by_slug.find(slug); it != site_.device_by_slug.end()) devices.insert(it->second);
    };
    for (const auto& change : delta->advisories) {
      for (const auto* shown : {&change.before, &change.after}) {
        if (!*shown) continue;
        for (const auto& slug : (*shown)->devices) device(slug);
        if (auto it = site_.advisory_by_id.find((*shown)->id); it != site_.advisory_by_id.end()) {
          advisories.insert(it->second);
        }
      }
    }
    for (const auto& slug : delta->devices) device(slug);
    for (const auto& [slug, name] : delta->guides) device(slug);
    KeepCoverageExcept(site_, devices, advisories);
  }

 private:
  const Advisory* OldAdvisory(const std::string& path) const {
    if (auto i = IndexByPath(site_.advisories, path)) return &site_.advisories[*i];
    if (auto i = IndexByPath(site_.withheld, path)) return &site_.withheld[*i];
    return nullptr;
  }
  const Advisory& CurrentAdvisory(const Advisory& a) const {
    auto it = new_advisories_.find(a.where.path);
    return it != new_advisories_.end() ? *it->second : a;
  }
  const Device* CurrentDevice(const std::string& slug) const {
    auto it = new_devices_.find(slug);
    return it != new_devices_.end() ? it->second : site_.FindDevice(slug);
  }
  static bool NamesAdvisory(const Device& d, const std::string& id) {
    for (const Firmware& f : d.firmware) {
      for (const auto& ref : f.advisories) {
        if (ref.value == id) return true;
      }
    }
    return false;
  }
  bool IdTakenElsewhere(const std::string& id) const {
    auto other = [&](const Advisory& a) { return a.id == id && !edited_advisories_.count(a.where.path); };
    auto it = site_.advisory_by_id.find(id);
    return (it != site_.advisory_by_id.end() && other(site_.advisories[it->second])) ||
           std::any_of(site_.withheld.begin(), site_.withheld.end(), other);
  }
  // Whether an entity the patch keeps names advisory `id`.
  bool Referenced(const std::string& id) const {
    for (const Device& d : site_.devices) {
      if (NamesAdvisory(*CurrentDevice(d.slug), id)) return true;
    }
    auto names = [&](const Advisory& a) {
      return CurrentAdvisory(a).superseded_by.value == id && a.id != id;
    };
    return std::any_of(site_.advisories.begin(), site_.advisories.end(), names) ||
           std::any_of(site_.withheld.begin(), site_.withheld.end(), names);
  }

  // Returns whether the published list changed beyond one entry's contents.
  bool ApplyAdvisory(const std::string& path, bool same_front, Site& assembled, SiteDelta* delta) {
    SiteDelta::AdvisoryChange change;
    std::optional<size_t> listed = IndexByPath(site_.advisories, path);
    std::optional<size_t> held = IndexByPath(site_.withheld, path);
    if (listed) change.before = Shown(site_.advisories[*listed]);
    std::optional<Advisory> now;
    bool keep = false;
    if (auto i = IndexByPath(assembled.advisories, path)) {
      now = std::move(assembled.advisories[*i]);
      keep = true;
    } else if (auto j = IndexByPath(assembled.withheld, path)) {
      now = std::move(assembled.withheld[*j]);
    }
    if (keep) change.after = Shown(*now);
    bool reindex = false;
    if (listed && keep && site_.advisories[*listed].published == now->published &&
        site_.advisories[*listed].id == now->id &&
        IndexedDevices(site_.advisories[*listed]) == IndexedDevices(*now)) {
      change.body_only = same_front;
      site_.advisories[*listed] = std::move(*now);  // same place, same indexes
    } else {
      if (listed) site_.advisories.erase(site_.advisories.begin() + static_cast<std::ptrdiff_t>(*listed));
      if (held) site_.withheld.erase(site_.withheld.begin() + static_cast<std::ptrdiff_t>(*held));
      if (now && keep) {
        auto at = std::lower_bound(site_.advisories.begin(), site_.advisories.end(), *now, ListedBefore);
        site_.advisories.insert(at, std::move(*now));
      } else if (now) {  // withheld advisories stay in file order
        auto at = std::lower_bound(site_.withheld.begin(), site_.withheld.end(), path,
                                   [](const Advisory& a, const std::string& p) { return a.where.path < p; });
        site_.withheld.insert(at, std::move(*now));
      }
      reindex = listed || keep;
    }
    if (change.before || change.after) delta->advisories.push_back(std::move(change));
    return reindex;
  }

  Site& site_;
  std::vector<Edit>& edits_;
  std::map<std::string, const Advisory*> new_advisories_;  // by path
  std::map<std::string, const Device*> new_devices_;       // by slug
  std::map<std::string, const Guide*> new_guides_;         // by path
  std::map<std::string, const Page*> new_pages_;           // by path
  std::set<std::string> edited_advisories_;                // paths, deleted ones too
};

}  // namespace

std::set<std::string> NamedDevices(const Advisory& a) {
  std::set<std::string> named = IndexedDevices(a);
  for (const auto& v : a.vulnerabilities) {
    for (const auto& ref : v.devices) named.insert(ref.value);
  }
  for (const auto& r : a.remediations) {
    for (const auto& ref : r.devices) named.insert(ref.value);
  }
  return named;
}

PatchResult PatchSite(LoadedSite& loaded, const GitSnapshot* git, const std::vector<std::string>& paths,
                      LoadCache& cache, std::map<std::string, std::string>* front_matter,
                      Diagnostics& diags, SiteDelta* delta, size_t* parsed) {
  Site& site = loaded.site;
  const std::string& tlp = site.config.csaf.default_tlp;
  std::vector<Edit> edits;
  for (const std::string& path : paths) {
    Diagnostics where;
    Edit e;
    e.path = path;
    e.kind = ClassifySource(path, where);
    if (!where.Sorted().empty()) return PatchResult::kNeedsFullLoad;  // misplaced: the load says so
    if (e.kind == SourceKind::kIgnored) continue;
    std::string inputs = ParseInputs(e.kind, tlp, loaded.markdown);
    FileStamp stamp;
    cache.Find(path, inputs, &stamp);  // stamps the file before it is read
    e.exists = stamp.exists;
    if (e.exists) {
      bool readable = true;
      e.parsed = ParseSource(*loaded.tree, path, e.kind, tlp, loaded.markdown, &readable);
      if (!readable) return PatchResult::kNeedsFullLoad;  // the load explains why
      ++*parsed;
    }
    cache.Store(path, inputs, stamp, e.parsed);
    edits.push_back(std::move(e));
  }

  bool errors = false;
  for (const Edit& e : edits) {
    for (const Diagnostic& d : e.parsed.diagnostics) {
      diags.Add(d);
      errors = errors || d.severity == Severity::kError;
    }
    bool loaded_something = e.parsed.advisory || e.parsed.device || e.parsed.guide || e.parsed.page;
    if (e.exists && !loaded_something && !errors) return PatchResult::kNeedsFullLoad;
  }
  if (errors) return PatchResult::kErrors;

  Patcher patcher(loaded, edits);
  if (!patcher.Patchable()) return PatchResult::kNeedsFullLoad;
  Diagnostics rules;
  DateSources dates{git ? &git->history : nullptr, loaded.tree.get(), site.build.build_time};
  Site assembled = AssembleSite(patcher.Subset(), site.build, dates, rules);
  for (const Diagnostic& d : rules.Sorted()) diags.Add(d);
  if (rules.HasErrors()) return PatchResult::kErrors;
  patcher.Apply(assembled, front_matter, delta);
  return PatchResult::kApplied;
}

}  // namespace herald
