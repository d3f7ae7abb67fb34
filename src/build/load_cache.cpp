#include "build/load_cache.h"

#include <sys/stat.h>

namespace herald {

LoadCache::LoadCache(std::string site_dir) : site_dir_(std::move(site_dir)) {}

void LoadCache::Invalidate(const std::string& path) {
  if (path.empty()) {
    entries_.clear();
    return;
  }
  entries_.erase(path);
  // Everything under a folder of that name.
  const std::string prefix = path + "/";
  for (auto it = entries_.lower_bound(prefix);
       it != entries_.end() && it->first.compare(0, prefix.size(), prefix) == 0;) {
    it = entries_.erase(it);
  }
}

void LoadCache::InvalidateGit() {
  git_valid_ = false;
  git_ = GitSnapshot();
}

void LoadCache::SetGit(GitOpen opened, GitSnapshot snapshot) {
  git_open_ = opened;
  git_ = std::move(snapshot);
  git_valid_ = true;
}

FileStamp LoadCache::Stat(const std::string& path) const {
  FileStamp stamp;
  struct stat st;
  if (::lstat((site_dir_ + "/" + path).c_str(), &st) != 0) return stamp;
  stamp.exists = true;
  stamp.size = static_cast<uint64_t>(st.st_size);
  stamp.inode = static_cast<uint64_t>(st.st_ino);
  stamp.mtime_ns = static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  return stamp;
}

const ParsedFile* LoadCache::Find(const std::string& path, const std::string& inputs,
                                  FileStamp* stamp) const {
  *stamp = Stat(path);
  auto it = entries_.find(path);
  if (it == entries_.end() || !stamp->exists) return nullptr;
  const Entry& e = it->second;
  if (e.inputs != inputs || !(e.stamp == *stamp)) return nullptr;
  return &e.parsed;
}

void LoadCache::Store(const std::string& path, const std::string& inputs, const FileStamp& stamp,
                      ParsedFile parsed) {
  if (!stamp.exists) {
    entries_.erase(path);
    return;
  }
  entries_[path] = Entry{inputs, stamp, std::move(parsed)};
}

void LoadCache::KeepOnly(const std::set<std::string>& paths) {
  for (auto it = entries_.begin(); it != entries_.end();) {
    it = paths.count(it->first) ? std::next(it) : entries_.erase(it);
  }
}

const ParsedFile* LoadCache::Peek(const std::string& path) const {
  auto it = entries_.find(path);
  return it == entries_.end() ? nullptr : &it->second.parsed;
}

std::vector<std::string> LoadCache::Paths() const {
  std::vector<std::string> paths;
  for (const auto& [path, entry] : entries_) paths.push_back(path);
  return paths;
}

}  // namespace herald
