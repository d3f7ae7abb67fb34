// Publishing invariants (`herald check --against`): what was published
// stays published, keeps its id and first publication date, and changes
// only with a new revision, so the copies customers, scanners and CSAF
// aggregators already hold stay true. Each rule compares the CSAF documents
// of this build with those of the previous release (lint/release.h).
#include <set>

#include "lint/lint.h"
#include "lint/raw_sources.h"

namespace herald {
namespace {

bool Comparable(LintContext& ctx) { return ctx.previous() && ctx.output(); }

std::string Origin(LintContext& ctx) {
  return "the previous release (" + ctx.previous()->origin + ")";
}

// Advisories published before under an id this build no longer has, now
// published under a new id with the same title and first publication date:
// old id → new id. An id change, not a removal plus an addition.
std::map<std::string, std::string> RenamedIds(const Release& before, const Release& after) {
  std::map<std::string, std::string> renamed;
  std::set<std::string> taken;
  for (const auto& [id, old] : before.advisories) {
    if (after.advisories.count(id)) continue;
    for (const auto& [new_id, now] : after.advisories) {
      if (before.advisories.count(new_id) || taken.count(new_id)) continue;
      if (now.title == old.title && now.initial_release_date == old.initial_release_date) {
        renamed[id] = new_id;
        taken.insert(new_id);
        break;
      }
    }
  }
  return renamed;
}

SourceLocation KeyAt(LintContext& ctx, const Advisory& a, std::string_view key) {
  return RawSources::ValueAt(a.where.path, ctx.raw().Toml(a.where.path), key, a.where);
}

// Where a new [[revisions]] entry goes: after the last one.
SourceLocation LastRevisionAt(const Advisory& a) {
  return a.revisions.empty() ? a.where : a.revisions.back().where;
}

// Pairs of (previous, current) for every advisory both releases publish.
template <typename Fn>
void ForEachKept(LintContext& ctx, Fn fn) {
  const Release& now = ctx.current();
  for (const auto& [id, old] : ctx.previous()->advisories) {
    auto it = now.advisories.find(id);
    const Advisory* a = ctx.FindAnyAdvisory(id);
    if (it != now.advisories.end() && a) fn(*a, old, it->second);
  }
}

}  // namespace

void CheckRemovedAdvisories(LintContext& ctx) {
  if (!Comparable(ctx)) return;
  const Release& now = ctx.current();
  auto renamed = RenamedIds(*ctx.previous(), now);
  for (const auto& [id, old] : ctx.previous()->advisories) {
    if (now.advisories.count(id) || renamed.count(id)) continue;
    std::string lead = id + " was published in " + Origin(ctx) + " but this build leaves it out";
    const Advisory* a = ctx.FindAnyAdvisory(id);
    if (a && a->status == AdvisoryStatus::kDraft) {
      ctx.Error(KeyAt(ctx, *a, "status"),
                lead + ": its status is now \"draft\"; a published advisory stays published: set "
                       "status back to \"interim\" or \"final\", and mark it withdrawn if it no "
                       "longer applies");
    } else if (a && a->tlp != "CLEAR") {
      ctx.Error(KeyAt(ctx, *a, "tlp"),
                lead + ": its TLP is now " + a->tlp + "; what was published cannot be made "
                "confidential again: set tlp = \"CLEAR\", and mark it withdrawn if it no longer "
                "applies");
    } else {
      std::string year = old.initial_release_date.substr(0, 4);
      std::string path = "advisories/" + year + "/" + id + ".md";
      ctx.Error({path, 0, 0},
                lead + ": there is no " + path + "; published advisories are never deleted, "
                "since customers and CSAF aggregators keep copies and links: restore the file "
                "and mark it withdrawn = { date = ..., reason = \"...\" }, or set superseded_by");
    }
  }
}

void CheckChangedIds(LintContext& ctx) {
  if (!Comparable(ctx)) return;
  for (const auto& [old_id, new_id] : RenamedIds(*ctx.previous(), ctx.current())) {
    const Advisory* a = ctx.FindAnyAdvisory(new_id);
    if (!a) continue;
    ctx.Error(a->where, "id is '" + new_id + "', but this advisory (same title, published " +
                            ctx.previous()->advisories.at(old_id).initial_release_date +
                            ") was published as '" + old_id + "' in " + Origin(ctx) +
                            "; the id of a published advisory never changes, since customers, "
                            "scanners and other advisories refer to it: set id = \"" + old_id +
                            "\" and name the file " + old_id + ".md");
  }
}

void CheckPublishedDates(LintContext& ctx) {
  if (!Comparable(ctx)) return;
  ForEachKept(ctx, [&](const Advisory& a, const ReleasedAdvisory& old,
                       const ReleasedAdvisory& now) {
    if (old.initial_release_date == now.initial_release_date) return;
    ctx.Error(KeyAt(ctx, a, "published"),
              "the publication date of " + a.id + " is " + now.initial_release_date + ", but " +
                  Origin(ctx) + " published it on " + old.initial_release_date +
                  "; the date of first publication never changes: set published = " +
                  old.initial_release_date);
  });
}

void CheckVersionOrder(LintContext& ctx) {
  if (!Comparable(ctx)) return;
  ForEachKept(ctx, [&](const Advisory& a, const ReleasedAdvisory& old,
                       const ReleasedAdvisory& now) {
    if (now.version >= old.version) return;
    ctx.Error(LastRevisionAt(a),
              a.id + " is at CSAF version " + std::to_string(now.version) + " (one per " +
                  "[[revisions]] entry), but " + Origin(ctx) + " published version " +
                  std::to_string(old.version) + "; a version never goes backwards: restore the "
                  "removed [[revisions]] entries and add new ones after them");
  });
}

void CheckReleaseDates(LintContext& ctx) {
  if (!Comparable(ctx)) return;
  ForEachKept(ctx, [&](const Advisory& a, const ReleasedAdvisory& old,
                       const ReleasedAdvisory& now) {
    auto before = ParseRfc3339(old.current_release_date);
    auto after = ParseRfc3339(now.current_release_date);
    if (!before || !after || *after >= *before) return;
    // 'updated' when written, else the newest revision's date, which it defaults to.
    const TomlValue* root = ctx.raw().Toml(a.where.path);
    SourceLocation at = KeyAt(ctx, a, "updated");
    if ((!root || !root->Find("updated")) && !a.revisions.empty()) {
      const TomlValue* last =
          ctx.raw().TableItem(a.where.path, "revisions", a.revisions.size() - 1);
      at = RawSources::ValueAt(a.where.path, last, "date", LastRevisionAt(a));
    }
    ctx.Error(at, "the current release date of " + a.id + " is " + now.current_release_date +
                      ", earlier than the " + old.current_release_date + " of " + Origin(ctx) +
                      "; a release date never goes backwards: the newest revision (and "
                      "'updated') must be dated " + old.current_release_date + " or later");
  });
}

void CheckRevisionMissing(LintContext& ctx) {
  if (!Comparable(ctx)) return;
  ForEachKept(ctx, [&](const Advisory& a, const ReleasedAdvisory& old,
                       const ReleasedAdvisory& now) {
    // A lower version is version-backwards' finding; a higher one is a new revision.
    if (now.version != old.version || now.substance == old.substance) return;
    ctx.Error(LastRevisionAt(a),
              a.id + " has changed since " + Origin(ctx) + " without a new [[revisions]] "
                  "entry: its CSAF document differs first at " +
                  FirstDifference(old.substance, now.substance) + "; readers and CSAF "
                  "aggregators learn of a change only through a new revision: add a "
                  "[[revisions]] entry saying what changed");
  });
}

}  // namespace herald
