// Output: every file a build writes, as relative path → bytes, before it
// reaches the disk. Renderers add to it; only write/publisher writes it.
#pragma once

#include <map>
#include <string>

namespace herald {

using Output = std::map<std::string, std::string>;

}  // namespace herald
