// Date rules: nothing dated in the future, nothing changed before it was
// published, and no page left claiming support that has ended.
#include "lint/lint.h"
#include "lint/raw_sources.h"

namespace herald {
namespace {

constexpr Timestamp kDay = 86400;

std::optional<Timestamp> DateOf(const TomlValue* v) {
  if (!v) return std::nullopt;
  if (v->kind == TomlValue::Kind::kDate) return v->date;
  if (v->kind == TomlValue::Kind::kString) return ParseRfc3339(v->string);
  return std::nullopt;
}

const TomlValue* Child(const TomlValue* table, std::string_view key) {
  return table ? table->Find(key) : nullptr;
}

const TomlValue* Item(const TomlValue* array, size_t index) {
  if (!array || array->kind != TomlValue::Kind::kArray || index >= array->array.size()) {
    return nullptr;
  }
  return &array->array[index];
}

SourceLocation At(const std::string& path, const TomlValue* v, const SourceLocation& fallback) {
  return v && v->line > 0 ? SourceLocation{path, v->line, v->column} : fallback;
}

// The [[firmware]] table written at `where` (the model sorts releases).
const TomlValue* FirmwareTable(LintContext& ctx, const Firmware& fw) {
  const TomlValue* list = Child(ctx.raw().Toml(fw.where.path), "firmware");
  if (!list || list->kind != TomlValue::Kind::kArray) return nullptr;
  for (const TomlValue& t : list->array) {
    if (t.line == fw.where.line && t.column == fw.where.column) return &t;
  }
  return nullptr;
}

class FutureCheck {
 public:
  explicit FutureCheck(LintContext& ctx) : ctx_(ctx) {}
  void operator()(std::optional<Timestamp> date, const SourceLocation& at,
                  const std::string& what) {
    if (!date || *date <= ctx_.now()) return;
    ctx_.Error(at, what + " is " + FormatRfc3339(*date) +
                       ", which is in the future (the check "
                       "runs at " +
                       FormatRfc3339(ctx_.now()) + "); dates record what has happened");
  }

 private:
  LintContext& ctx_;
};

}  // namespace

void CheckFutureDates(LintContext& ctx) {
  FutureCheck future(ctx);
  for (const Advisory* a : ctx.AllAdvisories()) {
    const std::string& path = a->where.path;
    const TomlValue* root = ctx.raw().Toml(path);
    for (const char* key : {"published", "updated"}) {
      const TomlValue* v = Child(root, key);
      future(DateOf(v), At(path, v, a->where), std::string("'") + key + "'");
    }
    for (size_t i = 0; i < a->revisions.size(); ++i) {
      const TomlValue* v = Child(ctx.raw().TableItem(path, "revisions", i), "date");
      future(a->revisions[i].date, At(path, v, a->revisions[i].where),
             "'revisions[" + std::to_string(i + 1) + "].date'");
    }
    const TomlValue* withdrawn = Child(Child(root, "withdrawn"), "date");
    if (a->withdrawn) future(a->withdrawn->date, At(path, withdrawn, a->where), "'withdrawn.date'");
  }
  for (const Device& d : ctx.site().devices) {
    const std::string& path = d.where.path;
    for (const Firmware& fw : d.firmware) {
      const TomlValue* v = Child(FirmwareTable(ctx, fw), "released");
      future(fw.released, At(path, v, fw.where), "the release date of firmware " + fw.version);
    }
    const TomlValue* support = Child(ctx.raw().Toml(path), "support");
    const TomlValue* reviewed = Child(support, "last_reviewed");
    future(d.support.last_reviewed, At(path, reviewed, d.where), "'support.last_reviewed'");
    for (size_t i = 0; i < d.support.history.size(); ++i) {
      const TomlValue* v = Child(Item(Child(support, "history"), i), "date");
      future(d.support.history[i].date, At(path, v, d.where),
             "'support.history[" + std::to_string(i + 1) + "].date'");
    }
  }
}

void CheckDateOrder(LintContext& ctx) {
  for (const Advisory* a : ctx.AllAdvisories()) {
    if (a->published == 0) continue;
    const std::string& path = a->where.path;
    const std::string published = FormatRfc3339(a->published);
    const TomlValue* root = ctx.raw().Toml(path);
    const TomlValue* updated_value = Child(root, "updated");
    if (auto updated = DateOf(updated_value)) {
      SourceLocation at = At(path, updated_value, a->where);
      if (*updated < a->published) {
        ctx.Error(at, "'updated' (" + FormatRfc3339(*updated) + ") is before 'published' (" +
                          published + "); an advisory cannot change before it is published");
      } else if (!a->revisions.empty() && *updated < a->revisions.back().date) {
        ctx.Error(at, "'updated' (" + FormatRfc3339(*updated) + ") is before the last revision (" +
                          FormatRfc3339(a->revisions.back().date) +
                          "); set it to that date or "
                          "later, or leave it out (it defaults to the last revision)");
      }
    }
    if (a->withdrawn && a->withdrawn->date != 0 && a->withdrawn->date < a->published) {
      const TomlValue* v = Child(Child(root, "withdrawn"), "date");
      ctx.Error(At(path, v, a->where), "'withdrawn.date' (" + FormatRfc3339(a->withdrawn->date) +
                                           ") is before 'published' (" + published + ")");
    }
  }
}

void CheckSupportEnded(LintContext& ctx) {
  for (const Device& d : ctx.site().devices) {
    const auto& eoss = d.support.end_of_security_support;
    if (!eoss.Known() || ctx.now() < eoss.date + kDay) continue;  // still supported
    std::optional<Timestamp> reviewed = d.support.last_reviewed;
    bool from_file = !reviewed;
    if (!reviewed) reviewed = d.updated;
    if (!reviewed || *reviewed >= eoss.date + kDay) continue;
    const TomlValue* v =
        Child(Child(ctx.raw().Toml(d.where.path), "support"), "end_of_security_support");
    std::string seen = from_file
                           ? d.where.path + " was last changed on " + FormatIsoDate(*reviewed)
                           : "its support terms were last reviewed on " + FormatIsoDate(*reviewed);
    ctx.Error(At(d.where.path, v, d.where),
              "security support ended on " + FormatIsoDate(eoss.date) + ", but " + seen +
                  ", while the device was still supported; make sure 'support.summary' and the "
                  "page say that support has ended, then " +
                  (from_file ? "set" : "update") + " 'support.last_reviewed'");
  }
}

}  // namespace herald
