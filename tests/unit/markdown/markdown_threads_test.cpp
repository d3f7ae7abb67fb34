// Markdown rendered on several threads must equal the serial result:
// cmark-gfm shares parser state between threads (see markdown.cpp).
#include <doctest/doctest.h>

#include <thread>
#include <vector>

#include "markdown/markdown.h"

TEST_CASE("parallel Markdown rendering matches serial rendering") {
  std::vector<std::string> sources;
  for (int i = 0; i < 200; ++i) {
    sources.push_back("## Part " + std::to_string(i) +
                      "\n\nSee www.example.com/p/" + std::to_string(i) +
                      " or https://example.org/x and mail psirt@example.com.\n\n| a | b |\n|---|---|\n| 1 | ~~2~~ |\n");
  }
  std::vector<std::string> serial;
  for (const auto& s : sources) serial.push_back(herald::RenderMarkdown(s, {}).text.html);
  REQUIRE(serial[0].find("<a href=\"http://www.example.com/p/0\">") != std::string::npos);

  std::vector<std::string> parallel(sources.size());
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (size_t i = t; i < sources.size(); i += 4) {
        parallel[i] = herald::RenderMarkdown(sources[i], {}).text.html;
      }
    });
  }
  for (auto& th : threads) th.join();
  for (size_t i = 0; i < sources.size(); ++i) {
    CAPTURE(i);
    CHECK(parallel[i] == serial[i]);
  }
}

TEST_CASE("body headings never take the theme's section ids") {
  auto r = herald::RenderMarkdown("## Details\n\n## Support\n\n## Other\n", {});
  REQUIRE(r.text.headings.size() == 3);
  CHECK(r.text.headings[0].id == "details-1");
  CHECK(r.text.headings[1].id == "support-1");
  CHECK(r.text.headings[2].id == "other");
  CHECK(r.text.html.find("<h2 id=\"details-1\">Details</h2>") != std::string::npos);
}
