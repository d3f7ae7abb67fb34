// JsonText: a JSON value as text, byte for byte what nlohmann-json's
// dump(indent, ' ', false, error_handler_t::replace) writes, in a fraction of
// its time (it escapes a byte at a time through its UTF-8 decoder; here runs
// of plain bytes are copied at once). The CSAF documents and feeds are most
// of what a build writes, so this matters.
//
// Strings that are not valid UTF-8 (or hold NUL) and numbers are handed to
// nlohmann itself, so the replacement of bad bytes and the number formats
// are its own. tests/unit/render/json_text_test.cpp compares the two.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace herald {

/// `indent` < 0: compact, as dump(-1); else pretty with that many spaces.
std::string JsonText(const nlohmann::json& j, int indent);
std::string JsonText(const nlohmann::ordered_json& j, int indent);

}  // namespace herald
