#include "build/page_reuse.h"

#include <chrono>
#include <cstdint>

#include <nlohmann/json.hpp>

#include "base/digest.h"
#include "base/parallel.h"
#include "render/templates.h"

namespace herald {
namespace {

// Appends an unambiguous encoding of `j`: a type tag, then the value, strings
// with their length, so different data never encode alike. Unlike dump(), it
// takes any bytes (dump() throws on invalid UTF-8) and does no escaping.
void AppendCanonical(const nlohmann::json& j, std::string* out) {
  auto put_size = [out](size_t n) { out->append(reinterpret_cast<const char*>(&n), sizeof n); };
  auto put_string = [&](const std::string& s) {
    put_size(s.size());
    out->append(s);
  };
  using Type = nlohmann::json::value_t;
  switch (j.type()) {
    case Type::object:
      out->push_back('{');
      put_size(j.size());
      for (auto it = j.begin(); it != j.end(); ++it) {
        put_string(it.key());
        AppendCanonical(it.value(), out);
      }
      break;
    case Type::array:
      out->push_back('[');
      put_size(j.size());
      for (const auto& item : j) AppendCanonical(item, out);
      break;
    case Type::string:
      out->push_back('s');
      put_string(j.get_ref<const std::string&>());
      break;
    case Type::boolean: out->push_back(j.get<bool>() ? 'T' : 'F'); break;
    case Type::number_integer: {
      out->push_back('i');
      int64_t v = j.get<int64_t>();
      out->append(reinterpret_cast<const char*>(&v), sizeof v);
      break;
    }
    case Type::number_unsigned: {
      out->push_back('u');
      uint64_t v = j.get<uint64_t>();
      out->append(reinterpret_cast<const char*>(&v), sizeof v);
      break;
    }
    case Type::number_float: {
      out->push_back('f');
      double v = j.get<double>();
      out->append(reinterpret_cast<const char*>(&v), sizeof v);
      break;
    }
    case Type::binary: {
      out->push_back('b');
      const auto& bin = j.get_binary();
      put_size(bin.size());
      out->append(bin.begin(), bin.end());
      break;
    }
    case Type::null:
    case Type::discarded: out->push_back('n'); break;
  }
}

}  // namespace

void PageReuse::Begin(const SharedOutput* previous) {
  previous_ = previous;
  next_keys_.clear();
  reused_.clear();
  planned_ = rendered_ = 0;
  milliseconds_ = 0;
}

void PageReuse::Commit() {
  keys_ = std::move(next_keys_);
  next_keys_.clear();
  previous_ = nullptr;
}

void PageReuse::Render(PageReuse* reuse, const Site& site, const TemplateSet& templates,
                       const std::vector<HtmlPageJob>& jobs, Output* out, Diagnostics& diags) {
  if (!reuse) {
    RenderHtmlPages(site, templates, jobs, out, diags);
    return;
  }
  auto start = std::chrono::steady_clock::now();
  std::map<std::string, std::string> template_keys;
  for (const auto& job : jobs) {
    if (!template_keys.count(job.template_)) {
      template_keys[job.template_] = Sha256Hex(templates.ExpandedText(job.template_));
    }
  }
  // One parallel pass: fingerprint each page's data, then copy the page if
  // the fingerprint is the last good one, else render it from that data.
  std::vector<std::string> keys(jobs.size()), results(jobs.size());
  std::vector<char> copied(jobs.size(), 0);
  ParallelFor(jobs.size(), [&](size_t i) {
    const HtmlPageJob& job = jobs[i];
    nlohmann::json data = HtmlPageData(site, job);
    std::string key = job.template_ + '\n' + template_keys.at(job.template_) + '\n';
    AppendCanonical(data, &key);
    keys[i] = Sha256Hex(key);
    if (reuse->previous_) {
      auto old_key = reuse->keys_.find(job.path);
      auto old_page = reuse->previous_->find(job.path);
      if (old_key != reuse->keys_.end() && old_key->second == keys[i] &&
          old_page != reuse->previous_->end()) {
        results[i] = *old_page->second;
        copied[i] = 1;
        return;
      }
    }
    results[i] = RenderHtmlPage(templates, job, data, diags);
  });
  for (size_t i = 0; i < jobs.size(); ++i) {
    reuse->next_keys_[jobs[i].path] = keys[i];
    if (copied[i]) reuse->reused_.insert(jobs[i].path);
    else ++reuse->rendered_;
    (*out)[jobs[i].path] = std::move(results[i]);
  }
  reuse->planned_ += jobs.size();
  reuse->milliseconds_ += std::chrono::duration<double, std::milli>(
                              std::chrono::steady_clock::now() - start).count();
}

}  // namespace herald
