// The only file that includes libgit2.
#include <git2.h>

#include <filesystem>
#include <mutex>
#include <set>

#include "source/size_limit.h"
#include "source/source_tree.h"

namespace herald {
namespace {

template <typename T, void (*Free)(T*)>
struct Handle {
  T* ptr = nullptr;
  Handle() = default;
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  ~Handle() {
    if (ptr) Free(ptr);
  }
  T** out() { return &ptr; }
  T* get() const { return ptr; }
};

using Repo = Handle<git_repository, git_repository_free>;
using Object = Handle<git_object, git_object_free>;
using Commit = Handle<git_commit, git_commit_free>;
using Tree = Handle<git_tree, git_tree_free>;
using Walk = Handle<git_revwalk, git_revwalk_free>;
using Diff = Handle<git_diff, git_diff_free>;
using Blob = Handle<git_blob, git_blob_free>;
using Odb = Handle<git_odb, git_odb_free>;

std::string LastError() {
  const git_error* e = git_error_last();
  return e && e->message ? e->message : "unknown libgit2 error";
}

void EnsureInit() {
  static std::once_flag once;
  std::call_once(once, [] { git_libgit2_init(); });
}

std::string OidHex(const git_oid* oid) {
  char buf[GIT_OID_HEXSZ + 1];
  git_oid_tostr(buf, sizeof buf, oid);
  return buf;
}

// A commit's tree, indexed once: path → blob id.
class CommitTree : public SourceTree {
 public:
  CommitTree(git_repository* repo, std::string prefix) : repo_(repo), prefix_(std::move(prefix)) {}
  ~CommitTree() override {
    if (odb_.ptr) git_odb_free(odb_.ptr);
    odb_.ptr = nullptr;
    git_repository_free(repo_);
  }

  bool Index(git_tree* tree) {
    return git_tree_walk(tree, GIT_TREEWALK_PRE, &CommitTree::Visit, this) == 0;
  }

  std::vector<std::string> List(const std::string& dir) const override {
    std::vector<std::string> out;
    std::string want = dir.empty() ? "" : dir + "/";
    for (auto it = blobs_.lower_bound(want); it != blobs_.end(); ++it) {
      if (it->first.compare(0, want.size(), want) != 0) break;
      out.push_back(it->first);
    }
    return out;
  }

  std::optional<std::string> Read(const std::string& path) const override {
    auto it = blobs_.find(path);
    if (it == blobs_.end()) return std::nullopt;
    // Looking a blob up inflates all of it: check its size first.
    auto size = Size(path);
    if (!size || *size > FileSizeLimit(path)) return std::nullopt;
    std::lock_guard<std::mutex> lock(mutex_);
    Blob blob;
    if (git_blob_lookup(blob.out(), repo_, &it->second) != 0) return std::nullopt;
    const char* data = static_cast<const char*>(git_blob_rawcontent(blob.get()));
    return std::string(data, static_cast<size_t>(git_blob_rawsize(blob.get())));
  }

  std::optional<uint64_t> Size(const std::string& path) const override {
    auto it = blobs_.find(path);
    if (it == blobs_.end()) return std::nullopt;
    std::lock_guard<std::mutex> lock(mutex_);
    if (!odb_.get() && git_repository_odb(odb_.out(), repo_) != 0) return std::nullopt;
    size_t size = 0;
    git_object_t type;
    if (git_odb_read_header(&size, &type, odb_.get(), &it->second) != 0) return std::nullopt;
    return size;
  }

  std::optional<Timestamp> ModifiedTime(const std::string&) const override { return std::nullopt; }

 private:
  static int Visit(const char* root, const git_tree_entry* entry, void* payload) {
    auto* self = static_cast<CommitTree*>(payload);
    // Regular files only: symlinks and submodules never become content.
    git_filemode_t mode = git_tree_entry_filemode(entry);
    if (mode != GIT_FILEMODE_BLOB && mode != GIT_FILEMODE_BLOB_EXECUTABLE) return 0;
    std::string path = std::string(root) + git_tree_entry_name(entry);
    if (path.compare(0, self->prefix_.size(), self->prefix_) != 0) return 0;
    self->blobs_[path.substr(self->prefix_.size())] = *git_tree_entry_id(entry);
    return 0;
  }

  git_repository* repo_;
  std::string prefix_;
  std::map<std::string, git_oid> blobs_;
  mutable std::mutex mutex_;
  mutable Odb odb_;  // opened on first use; guarded by mutex_
};

// A committed version of a file the reader wants, read once the commit's
// diff has been walked.
struct PendingRead {
  std::string path;  // relative to the site
  git_oid blob;
};

struct DiffPayload {
  std::map<std::string, FileHistory>* history;
  const std::string* prefix;
  Timestamp time;
  const CommittedValueReader* reader;  // may be null
  std::vector<PendingRead>* reads;
};

int OnDelta(const git_diff_delta* delta, float, void* payload) {
  auto* p = static_cast<DiffPayload*>(payload);
  for (const char* path : {delta->new_file.path, delta->old_file.path}) {
    if (!path) continue;
    std::string s(path);
    if (s.compare(0, p->prefix->size(), *p->prefix) != 0) continue;
    FileHistory& h = (*p->history)[s.substr(p->prefix->size())];
    // Walking newest first: the first sighting is the last change.
    if (h.last == 0) h.last = p->time;
    h.first = p->time;
  }
  // The file as this commit left it, when the reader wants it (regular
  // files only, as in a commit's tree).
  git_filemode_t mode = static_cast<git_filemode_t>(delta->new_file.mode);
  if (p->reader && delta->status != GIT_DELTA_DELETED && delta->new_file.path &&
      (mode == GIT_FILEMODE_BLOB || mode == GIT_FILEMODE_BLOB_EXECUTABLE)) {
    std::string s(delta->new_file.path);
    if (s.compare(0, p->prefix->size(), *p->prefix) == 0) {
      std::string rel = s.substr(p->prefix->size());
      if (p->reader->wants(rel)) p->reads->push_back({rel, delta->new_file.id});
    }
  }
  return 0;
}

/// A blob's bytes, refused over `limit` before it is inflated.
std::optional<std::string> ReadBlob(git_repository* repo, git_odb* odb, const git_oid& id, uint64_t limit) {
  size_t size = 0;
  git_object_t type = GIT_OBJECT_INVALID;
  if (git_odb_read_header(&size, &type, odb, &id) != 0 || type != GIT_OBJECT_BLOB || size > limit) {
    return std::nullopt;
  }
  Blob blob;
  if (git_blob_lookup(blob.out(), repo, &id) != 0) return std::nullopt;
  const char* data = static_cast<const char*>(git_blob_rawcontent(blob.get()));
  return std::string(data, static_cast<size_t>(git_blob_rawsize(blob.get())));
}

// One walk over the first-parent history, newest first: when each file was
// first and last changed, and the values `reader` keeps of the versions of
// the files it wants.
bool WalkHistory(git_repository* repo, const git_oid* head, const std::string& prefix,
                 const CommittedValueReader* reader, std::map<std::string, FileHistory>* history,
                 std::string* error) {
  Walk walk;
  if (git_revwalk_new(walk.out(), repo) != 0 || git_revwalk_push(walk.get(), head) != 0) {
    *error = LastError();
    return false;
  }
  git_revwalk_sorting(walk.get(), GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME);
  git_revwalk_simplify_first_parent(walk.get());
  Handle<git_odb, git_odb_free> odb;
  if (reader && git_repository_odb(odb.out(), repo) != 0) {
    *error = LastError();
    return false;
  }
  // A version seen again (a revert) is not read again.
  std::map<std::pair<std::string, std::string>, std::optional<std::string>> read_before;
  git_oid oid;
  while (git_revwalk_next(&oid, walk.get()) == 0) {
    Commit commit;
    Tree tree, parent_tree;
    if (git_commit_lookup(commit.out(), repo, &oid) != 0 ||
        git_commit_tree(tree.out(), commit.get()) != 0) {
      *error = LastError();
      return false;
    }
    if (git_commit_parentcount(commit.get()) > 0) {
      Commit parent;
      if (git_commit_parent(parent.out(), commit.get(), 0) != 0 ||
          git_commit_tree(parent_tree.out(), parent.get()) != 0) {
        *error = LastError();
        return false;
      }
    }
    git_diff_options opts = GIT_DIFF_OPTIONS_INIT;
    Diff diff;
    if (git_diff_tree_to_tree(diff.out(), repo, parent_tree.get(), tree.get(), &opts) != 0) {
      *error = LastError();
      return false;
    }
    Timestamp time = static_cast<Timestamp>(git_commit_time(commit.get()));
    std::vector<PendingRead> reads;
    DiffPayload payload{history, &prefix, time, reader, &reads};
    git_diff_foreach(diff.get(), OnDelta, nullptr, nullptr, nullptr, &payload);
    for (const PendingRead& r : reads) {
      auto key = std::make_pair(r.path, OidHex(&r.blob));
      auto seen = read_before.find(key);
      if (seen == read_before.end()) {
        std::optional<std::string> value;
        if (auto text = ReadBlob(repo, odb.get(), r.blob, FileSizeLimit(r.path))) value = reader->read(r.path, *text);
        seen = read_before.emplace(key, std::move(value)).first;
      }
      if (seen->second) (*history)[r.path].committed.push_back({OidHex(&oid), time, *seen->second});
    }
  }
  return true;
}

// Where the site folder sits inside the repository's working tree: "" or "sub/dir/".
std::string SitePrefix(git_repository* repo, const std::string& root) {
  const char* workdir = git_repository_workdir(repo);
  if (!workdir) return "";
  std::error_code ec;
  auto rel = std::filesystem::relative(std::filesystem::weakly_canonical(root, ec),
                                       std::filesystem::weakly_canonical(workdir, ec), ec);
  std::string r = rel.generic_string();
  return !ec && r != "." && !r.empty() ? r + "/" : "";
}

bool PeelCommit(git_repository* repo, const std::string& spec, Commit* out) {
  Object target;
  return git_revparse_single(target.out(), repo, spec.c_str()) == 0 &&
         git_object_peel(reinterpret_cast<git_object**>(out->out()), target.get(),
                         GIT_OBJECT_COMMIT) == 0;
}

struct ChangePayload {
  const std::string* prefix;
  std::set<std::string>* paths;
};

int OnChange(const git_diff_delta* delta, float, void* payload) {
  auto* p = static_cast<ChangePayload*>(payload);
  for (const char* path : {delta->old_file.path, delta->new_file.path}) {
    if (!path) continue;
    std::string s(path);
    if (s.compare(0, p->prefix->size(), *p->prefix) == 0) p->paths->insert(s.substr(p->prefix->size()));
  }
  return 0;
}

// Whether libgit2 could open `root` without searching its parents: it holds
// .git (a folder, or a file naming one) or is a bare repository.
bool MayBeRepository(const std::string& root) {
  std::error_code ec;
  const std::filesystem::path dir(root);
  return std::filesystem::exists(dir / ".git", ec) || std::filesystem::exists(dir / "HEAD", ec);
}

}  // namespace

bool ChangedFiles(const std::string& root, const std::string& since, const std::string& ref,
                  GitChanges* out, std::string* error) {
  EnsureInit();
  Repo repo;
  if (git_repository_open_ext(repo.out(), root.c_str(), GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr) != 0) {
    *error = "'" + root + "' is not the top folder of a Git repository, so --since cannot be used";
    return false;
  }
  Commit since_commit, head;
  if (!PeelCommit(repo.get(), since, &since_commit)) {
    *error = "cannot resolve --since '" + since + "': " + LastError();
    return false;
  }
  std::string head_spec = ref.empty() ? "HEAD" : ref;
  if (!PeelCommit(repo.get(), head_spec, &head)) {
    *error = "cannot resolve '" + head_spec + "': " + LastError();
    return false;
  }
  // The pull-request view: changes since the branch left `since`, not the
  // commits `since` gained meanwhile.
  git_oid base_id = *git_commit_id(since_commit.get());
  git_oid merge_base;
  if (git_merge_base(&merge_base, repo.get(), &base_id, git_commit_id(head.get())) == 0) {
    base_id = merge_base;
  }
  Commit base;
  Tree base_tree, head_tree;
  if (git_commit_lookup(base.out(), repo.get(), &base_id) != 0 ||
      git_commit_tree(base_tree.out(), base.get()) != 0 ||
      git_commit_tree(head_tree.out(), head.get()) != 0) {
    *error = LastError();
    return false;
  }
  Diff diff;
  git_diff_options opts = GIT_DIFF_OPTIONS_INIT;
  int rc;
  if (ref.empty() && git_repository_workdir(repo.get())) {
    opts.flags = GIT_DIFF_INCLUDE_UNTRACKED | GIT_DIFF_RECURSE_UNTRACKED_DIRS;
    rc = git_diff_tree_to_workdir_with_index(diff.out(), repo.get(), base_tree.get(), &opts);
  } else {
    rc = git_diff_tree_to_tree(diff.out(), repo.get(), base_tree.get(), head_tree.get(), &opts);
  }
  if (rc != 0) {
    *error = LastError();
    return false;
  }
  std::string prefix = SitePrefix(repo.get(), root);
  out->base_commit = OidHex(&base_id);
  out->paths.clear();
  ChangePayload payload{&prefix, &out->paths};
  git_diff_foreach(diff.get(), OnChange, nullptr, nullptr, nullptr, &payload);
  return true;
}

GitOpen OpenGitSnapshot(const std::string& root, const std::string& ref, GitSnapshot* out,
                        std::string* error, const CommittedValueReader* reader) {
  // Setting libgit2 up takes milliseconds (it loads the system's
  // certificates), which a build of a plain folder need not wait for.
  if (ref.empty() && !MayBeRepository(root)) return GitOpen::kNotARepository;
  EnsureInit();
  git_repository* raw = nullptr;
  if (git_repository_open_ext(&raw, root.c_str(), GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr) != 0) {
    if (!ref.empty()) {
      *error = "'" + root + "' is not a Git repository, so --ref cannot be used";
      return GitOpen::kError;
    }
    return GitOpen::kNotARepository;
  }
  auto repo = std::make_unique<Repo>();
  *repo->out() = raw;

  // The site may live in a subfolder of the repository; a bare repository
  // has no working tree, so HEAD is built.
  std::string prefix = SitePrefix(raw, root);

  std::string spec = ref.empty() ? "HEAD" : ref;
  Object target;
  if (git_revparse_single(target.out(), raw, spec.c_str()) != 0) {
    if (ref.empty()) return GitOpen::kNotARepository;  // a repository with no commits yet
    *error = "cannot resolve --ref '" + ref + "': " + LastError();
    return GitOpen::kError;
  }
  Commit commit;
  if (git_object_peel(reinterpret_cast<git_object**>(commit.out()), target.get(),
                      GIT_OBJECT_COMMIT) != 0) {
    *error = "'" + spec + "' does not name a commit: " + LastError();
    return GitOpen::kError;
  }
  const git_oid* id = git_commit_id(commit.get());
  out->commit = OidHex(id);
  out->commit_time = git_commit_time(commit.get());
  if (!WalkHistory(raw, id, prefix, reader, &out->history, error)) return GitOpen::kError;

  if (!ref.empty() || !git_repository_workdir(raw)) {
    Tree tree;
    if (git_commit_tree(tree.out(), commit.get()) != 0) {
      *error = LastError();
      return GitOpen::kError;
    }
    git_repository* owned = repo->ptr;
    repo->ptr = nullptr;  // the tree owns the repository from here
    auto commit_tree = std::make_unique<CommitTree>(owned, prefix);
    if (!commit_tree->Index(tree.get())) {
      *error = LastError();
      return GitOpen::kError;
    }
    out->tree = std::move(commit_tree);
  }
  return GitOpen::kOk;
}

}  // namespace herald
