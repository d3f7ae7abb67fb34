// JsonText: a JSON value as text, byte for byte what nlohmann-json's
// dump(indent, ' ', false, error_handler_t::replace) writes, in a fraction of
// its time (it escapes a byte at a time through its UTF-8 decoder; here
// plain bytes are found 8 at a time and copied in runs). The JSON feeds and
// CSAF documents are much of what a build writes, so this matters.
//
// Strings that are not valid UTF-8 and numbers are handed to nlohmann
// itself, so the replacement of bad bytes and the number formats are its
// own. tests/unit/render/json_text_test.cpp compares the two.
// AppendJsonString is that string escaping on its own, for JsonWriter
// (render/json_writer.h), which writes JSON without building a tree.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace herald {

/// `indent` < 0: compact, as dump(-1); else pretty with that many spaces.
std::string JsonText(const nlohmann::json& j, int indent);
std::string JsonText(const nlohmann::ordered_json& j, int indent);

/// `s` as a quoted JSON string, appended to `out` as dump() writes it.
void AppendJsonString(std::string* out, std::string_view s);

}  // namespace herald
