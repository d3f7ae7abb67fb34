// Replays inputs through a fuzz target without libFuzzer: every file under
// the folders or files given, then (with --synthesize) nasty inputs too big
// to keep in the repository. A crash fails the test by itself; an input
// slower than --max-seconds (default 20) fails it too, as a hang.
//
//   fuzz_replay_content tests/fuzz/corpus/content --synthesize
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

std::string Repeat(const std::string& s, size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

// Inputs generated at run time: huge, deep or binary.
std::vector<std::pair<std::string, std::string>> Synthesized() {
  const std::string fm = "+++\ntitle = \"x\"\nrole = \"other\"\n";
  return {
      {"4 MiB string value", fm + "summary = \"" + std::string(4 << 20, 'a') + "\"\n+++\n"},
      {"8 MiB body on one line", fm + "+++\n" + std::string(8 << 20, 'x')},
      {"1 MiB of NUL bytes", std::string(1 << 20, '\0')},
      {"100k nested TOML arrays",
       fm + "a = " + Repeat("[", 100000) + Repeat("]", 100000) + "\n+++\n"},
      {"100k nested inline tables",
       fm + "b = " + Repeat("{ c = ", 100000) + Repeat("}", 100000) + "\n+++\n"},
      {"100k nested block quotes", fm + "+++\n" + Repeat(">", 100000) + " x\n"},
      {"5k nested list items", fm + "+++\n" + Repeat("- ", 5000) + "x\n"},
      {"100k open brackets", fm + "+++\n" + Repeat("[", 100000) + "\n"},
      {"100k emphasis runs", fm + "+++\n" + Repeat("*a_", 100000) + "\n"},
      {"50k link definitions", fm + "+++\n" + Repeat("[a]: /b\n", 50000) + "[a]\n"},
      {"100k fence lines", Repeat("+++\n", 100000)},
      {"20k unknown keys", "+++\n" +
                               [] {
                                 std::string s;
                                 for (int i = 0; i < 20000; ++i)
                                   s += "k" + std::to_string(i) + " = 1\n";
                                 return s;
                               }() +
                               "+++\n"},
      {"100k array items", fm + "covers = [" + Repeat("\"x\", ", 100000) + "]\n+++\n"},
      {"long line of backticks", fm + "+++\n" + Repeat("`", 200000) + "\n"},
      {"every byte value",
       [] {
         std::string s = "+++\n";
         for (int i = 0; i < 256; ++i) s += static_cast<char>(i);
         return s + "\n+++\n";
       }()},
  };
}

bool Run(const std::string& name, const std::string& bytes, double max_seconds) {
  auto start = std::chrono::steady_clock::now();
  LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (std::getenv("HERALD_REPLAY_VERBOSE")) std::printf("%6.2f s  %s\n", seconds, name.c_str());
  if (seconds > max_seconds) {
    std::fprintf(stderr, "SLOW: %s took %.1f s (limit %.0f s)\n", name.c_str(), seconds,
                 max_seconds);
    return false;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  double max_seconds = 20;
  bool synthesize = false;
  std::vector<fs::path> files;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--synthesize") {
      synthesize = true;
    } else if (arg.rfind("--max-seconds=", 0) == 0) {
      max_seconds = std::atof(arg.c_str() + 14);
    } else if (fs::is_directory(arg)) {
      for (const auto& e : fs::recursive_directory_iterator(arg)) {
        if (e.is_regular_file()) files.push_back(e.path());
      }
    } else {
      files.push_back(arg);
    }
  }
  std::sort(files.begin(), files.end());
  size_t count = 0, slow = 0;
  for (const auto& path : files) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    slow += !Run(path.string(), ss.str(), max_seconds);
    ++count;
  }
  if (synthesize) {
    for (const auto& [name, bytes] : Synthesized()) {
      slow += !Run(name, bytes, max_seconds);
      ++count;
    }
  }
  std::printf("replayed %zu inputs, %zu too slow\n", count, slow);
  return count == 0 || slow > 0 ? 1 : 0;
}
