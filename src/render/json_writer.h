// JsonWriter: JSON text written straight from the model, without an
// nlohmann tree in between (building and freeing the trees was most of the
// cost of the CSAF documents). It owns the layout only, that of
// nlohmann-json's dump(2): 2-space indent, "key": value, [] and {} when
// empty, no trailing newline. Strings are escaped by AppendJsonString
// (render/json_text.h) and numbers formatted by nlohmann, so the text is byte
// for byte what dump(2) writes for the same tree.
//
// nlohmann objects sort their keys, and CSAF (optional test 6.2.13) wants
// them sorted: by default the caller writes the keys of an object in
// ascending byte order, and a key out of order throws std::logic_error, so
// that an edit cannot quietly write an unsorted document. So does a key
// outside an object or a value without its key. The feeds and the search
// index keep their keys in the order written (nlohmann's ordered_json), and
// the search index is compact, as dump(-1) writes it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace herald {

struct JsonLayout {
  bool sorted_keys = true;  // false: keys as written, like ordered_json
  bool indent = true;       // false: compact, like dump(-1)
};
inline constexpr JsonLayout kJsonSorted{true, true};
inline constexpr JsonLayout kJsonOrdered{false, true};
inline constexpr JsonLayout kJsonOrderedCompact{false, false};

class JsonWriter {
 public:
  /// Appends to `out`, which outlives the writer.
  explicit JsonWriter(std::string* out, JsonLayout layout = kJsonSorted)
      : out_(*out), layout_(layout) {}

  void BeginObject() { Open('{', true); }
  void EndObject() { Close('}', true); }
  void BeginArray() { Open('[', false); }
  void EndArray() { Close(']', false); }
  /// The next key of the open object; with sorted keys, after the one before
  /// in byte order.
  void Key(std::string_view key);
  void String(std::string_view s);
  void Number(double value);
  void Bool(bool value);

  /// Key, then its string value.
  void Field(std::string_view key, std::string_view value) {
    Key(key);
    String(value);
  }
  /// An array of strings, in the order of `list`.
  template <typename Strings>
  void StringArray(const Strings& list) {
    BeginArray();
    for (const auto& s : list) String(s);
    EndArray();
  }

 private:
  struct Frame {
    bool object = false;
    size_t count = 0;      // members or elements so far
    std::string last_key;  // objects: the key written last
  };

  void Open(char bracket, bool object);
  void Close(char bracket, bool object);
  void BeforeValue();
  void Newline(size_t depth);

  std::string& out_;
  JsonLayout layout_;
  std::vector<Frame> frames_;  // frames_[0, depth_) are open; the rest keep their buffers
  size_t depth_ = 0;
  bool after_key_ = false;  // a key was written, its value not yet
};

}  // namespace herald
