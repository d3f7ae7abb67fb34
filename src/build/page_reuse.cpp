#include "build/page_reuse.h"

#include <nlohmann/json.hpp>

#include "base/digest.h"
#include "base/parallel.h"
#include "render/templates.h"

namespace herald {

void PageReuse::Begin(const SharedOutput* previous) {
  previous_ = previous;
  next_keys_.clear();
  reused_.clear();
  planned_ = rendered_ = 0;
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
  std::map<std::string, std::string> template_keys;
  for (const auto& job : jobs) {
    if (!template_keys.count(job.template_)) {
      template_keys[job.template_] = Sha256Hex(templates.ExpandedText(job.template_));
    }
  }
  // Fingerprint every page in parallel; copy the unchanged ones.
  std::vector<std::string> keys(jobs.size());
  std::vector<char> copy(jobs.size(), 0);
  ParallelFor(jobs.size(), [&](size_t i) {
    const HtmlPageJob& job = jobs[i];
    std::string data = HtmlPageData(site, job).dump();
    keys[i] = Sha256Hex(job.template_ + '\n' + template_keys.at(job.template_) + '\n' + data);
    if (!reuse->previous_) return;
    auto old_key = reuse->keys_.find(job.path);
    copy[i] = old_key != reuse->keys_.end() && old_key->second == keys[i] &&
              reuse->previous_->count(job.path);
  });
  std::vector<HtmlPageJob> to_render;
  for (size_t i = 0; i < jobs.size(); ++i) {
    reuse->next_keys_[jobs[i].path] = keys[i];
    if (copy[i]) {
      (*out)[jobs[i].path] = *reuse->previous_->at(jobs[i].path);
      reuse->reused_.insert(jobs[i].path);
    } else {
      to_render.push_back(jobs[i]);
    }
  }
  reuse->planned_ += jobs.size();
  reuse->rendered_ += to_render.size();
  RenderHtmlPages(site, templates, to_render, out, diags);
}

}  // namespace herald
