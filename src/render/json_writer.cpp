#include "render/json_writer.h"

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "render/json_text.h"

namespace herald {

void JsonWriter::Key(std::string_view key) {
  if (depth_ == 0 || !frames_[depth_ - 1].object || after_key_) {
    throw std::logic_error("JsonWriter: key \"" + std::string(key) + "\" where a value belongs");
  }
  Frame& frame = frames_[depth_ - 1];
  if (layout_.sorted_keys) {
    if (frame.count > 0 && key <= frame.last_key) {
      throw std::logic_error("JsonWriter: key \"" + std::string(key) + "\" after \"" +
                             frame.last_key + "\"; keys go in ascending byte order");
    }
    frame.last_key.assign(key);
  }
  if (frame.count++ > 0) out_ += ',';
  Newline(depth_);
  AppendJsonString(&out_, key);
  out_ += layout_.indent ? ": " : ":";
  after_key_ = true;
}

void JsonWriter::String(std::string_view s) {
  BeforeValue();
  AppendJsonString(&out_, s);
}

void JsonWriter::Number(double value) {
  BeforeValue();
  out_ += nlohmann::json(value).dump();  // nlohmann's number format
}

void JsonWriter::Bool(bool value) {
  BeforeValue();
  out_ += value ? "true" : "false";
}

void JsonWriter::Open(char bracket, bool object) {
  BeforeValue();
  out_ += bracket;
  if (depth_ == frames_.size()) frames_.emplace_back();
  Frame& frame = frames_[depth_++];
  frame.object = object;
  frame.count = 0;
}

void JsonWriter::Close(char bracket, bool object) {
  if (depth_ == 0 || frames_[depth_ - 1].object != object || after_key_) {
    throw std::logic_error(std::string("JsonWriter: unexpected '") + bracket + "'");
  }
  if (frames_[--depth_].count > 0) Newline(depth_);
  out_ += bracket;
}

void JsonWriter::BeforeValue() {
  if (depth_ == 0) return;
  Frame& frame = frames_[depth_ - 1];
  if (frame.object) {
    if (!after_key_) throw std::logic_error("JsonWriter: a value in an object without its key");
    after_key_ = false;
    return;
  }
  if (frame.count++ > 0) out_ += ',';
  Newline(depth_);
}

void JsonWriter::Newline(size_t depth) {
  if (!layout_.indent) return;
  out_ += '\n';
  out_.append(2 * depth, ' ');
}

}  // namespace herald
