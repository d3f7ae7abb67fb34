// LayeredMap: an immutable sorted map from path to value whose next version
// costs what changed, not what it holds: a shared base plus a small layer of
// changes (an empty optional marks a removal). SharedOutput is one. `herald serve` keeps the
// site's 40,000 output files this way, so publishing an edit that changed ten
// of them copies ten entries; once the layer grows past an eighth of the
// base, the next version folds it in.
//
// Threading: a LayeredMap never changes after construction; share it freely.
#pragma once

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace herald {

template <typename V>
class LayeredMap {
 public:
  using Changes = std::map<std::string, std::optional<V>>;  // nullopt: remove

  LayeredMap() : base_(std::make_shared<const std::map<std::string, V>>()) {}
  explicit LayeredMap(std::map<std::string, V> all)
      : base_(std::make_shared<const std::map<std::string, V>>(std::move(all))),
        size_(base_->size()) {}

  /// This map with `changes` applied.
  std::shared_ptr<const LayeredMap> With(const Changes& changes) const {
    auto next = std::make_shared<LayeredMap>();
    next->base_ = base_;
    next->layer_ = layer_;
    next->size_ = size_;
    for (const auto& [key, value] : changes) {
      bool had = Find(key) != nullptr;
      next->size_ += (value ? 1 : 0) - (had ? 1 : 0);
      if (!value && !base_->count(key)) {
        next->layer_.erase(key);  // nothing below to hide
      } else {
        next->layer_[key] = value;
      }
    }
    if (next->layer_.size() > std::max<size_t>(256, base_->size() / 8)) next->Fold();
    return next;
  }

  /// The value at `key`, or null.
  const V* Find(const std::string& key) const {
    if (auto it = layer_.find(key); it != layer_.end()) return it->second ? &*it->second : nullptr;
    auto it = base_->find(key);
    return it == base_->end() ? nullptr : &it->second;
  }
  bool Contains(const std::string& key) const { return Find(key) != nullptr; }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

  /// Calls fn(key, value) for every entry, in key order.
  template <typename Fn>
  void ForEach(Fn&& fn) const {
    auto b = base_->begin();
    auto l = layer_.begin();
    while (b != base_->end() || l != layer_.end()) {
      if (l == layer_.end() || (b != base_->end() && b->first < l->first)) {
        fn(b->first, b->second);
        ++b;
        continue;
      }
      if (b != base_->end() && b->first == l->first) ++b;  // the layer hides it
      if (l->second) fn(l->first, *l->second);
      ++l;
    }
  }
  std::vector<std::string> Keys() const {
    std::vector<std::string> keys;
    keys.reserve(size_);
    ForEach([&](const std::string& key, const V&) { keys.push_back(key); });
    return keys;
  }

 private:
  void Fold() {
    std::map<std::string, V> all;
    ForEach([&](const std::string& key, const V& value) { all.emplace_hint(all.end(), key, value); });
    base_ = std::make_shared<const std::map<std::string, V>>(std::move(all));
    layer_.clear();
  }

  std::shared_ptr<const std::map<std::string, V>> base_;
  std::map<std::string, std::optional<V>> layer_;
  size_t size_ = 0;
};

/// A build's files as `herald serve` keeps them: bytes shared between the
/// versions of the output and the server's snapshots.
using SharedOutput = LayeredMap<std::shared_ptr<const std::string>>;

}  // namespace herald
