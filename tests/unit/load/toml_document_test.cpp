// Tests for load/toml_document: our TOML tree, its positions and its errors.
#include "load/toml_document.h"

#include <doctest/doctest.h>

#include <vector>

namespace herald {
namespace {

TomlValue Parse(std::string_view text, int line_offset = 0) {
  Diagnostics diags;
  auto v = ParseToml(text, "f.toml", line_offset, diags);
  for (const auto& d : diags.Sorted()) FAIL_CHECK(FormatDiagnostic(d));
  REQUIRE(v.has_value());
  return *v;
}

std::vector<std::string> Errors(std::string_view text, int line_offset = 0) {
  Diagnostics diags;
  auto v = ParseToml(text, "f.toml", line_offset, diags);
  CHECK_FALSE(v.has_value());
  std::vector<std::string> out;
  for (const auto& d : diags.Sorted()) out.push_back(FormatDiagnostic(d));
  return out;
}

constexpr char kDoc[] =
    "id = \"X\"\n"                           // 1
    "  count = 42\n"                         // 2
    "d1 = 2026-03-14\n"                      // 3
    "d2 = 2026-03-14T10:00:00+01:00\n"       // 4
    "d3 = 2026-03-14T09:00:00\n"             // 5
    "t = 09:00:00\n"                         // 6
    "f = 1.5\n"                              // 7
    "b = true\n"                             // 8
    "arr = [1, \"two\"]\n"                   // 9
    "inl = { a = 1 }\n"                      // 10
    "\n"                                     // 11
    "[site]\n"                               // 12
    "title = \"T\"\n"                        // 13
    "\n"                                     // 14
    "[[items]]\n"                            // 15
    "x = 1\n"                                // 16
    "\n"                                     // 17
    "[[items]]\n"                            // 18
    "x = 2\n";                               // 19

TEST_CASE("ParseToml converts every kind of value") {
  TomlValue root = Parse(kDoc);
  CHECK(root.kind == TomlValue::Kind::kTable);
  CHECK(root.line == 1);
  CHECK(root.column == 1);

  REQUIRE(root.Find("id"));
  CHECK(root.Find("id")->kind == TomlValue::Kind::kString);
  CHECK(root.Find("id")->string == "X");
  CHECK(root.Find("count")->kind == TomlValue::Kind::kInteger);
  CHECK(root.Find("count")->integer == 42);
  CHECK(root.Find("f")->kind == TomlValue::Kind::kFloat);
  CHECK(root.Find("f")->number == doctest::Approx(1.5));
  CHECK(root.Find("b")->kind == TomlValue::Kind::kBool);
  CHECK(root.Find("b")->boolean);
  CHECK(root.Find("t")->kind == TomlValue::Kind::kTime);

  const TomlValue* arr = root.Find("arr");
  REQUIRE(arr);
  CHECK(arr->kind == TomlValue::Kind::kArray);
  REQUIRE(arr->array.size() == 2);
  CHECK(arr->array[0].integer == 1);
  CHECK(arr->array[1].string == "two");

  const TomlValue* inl = root.Find("inl");
  REQUIRE(inl);
  CHECK(inl->kind == TomlValue::Kind::kTable);
  CHECK(inl->inline_table);
  CHECK(inl->Find("a")->integer == 1);

  const TomlValue* site = root.Find("site");
  REQUIRE(site);
  CHECK_FALSE(site->inline_table);
  CHECK(site->Find("title")->string == "T");

  const TomlValue* items = root.Find("items");
  REQUIRE(items);
  CHECK(items->kind == TomlValue::Kind::kArray);
  REQUIRE(items->array.size() == 2);
  CHECK(items->array[1].Find("x")->integer == 2);

  CHECK(root.Find("missing") == nullptr);
}

TEST_CASE("dates become UTC timestamps; a date-time without offset is its own kind") {
  TomlValue root = Parse(kDoc);
  CHECK(root.Find("d1")->kind == TomlValue::Kind::kDate);
  CHECK(root.Find("d1")->date == 1773446400);  // 2026-03-14T00:00:00Z
  CHECK(root.Find("d2")->kind == TomlValue::Kind::kDate);
  CHECK(root.Find("d2")->date == 1773478800);  // 10:00+01:00 = 09:00Z
  CHECK(root.Find("d3")->kind == TomlValue::Kind::kLocalDateTime);

  CHECK(Parse("d = 2026-03-14T09:00:00-05:30").Find("d")->date == 1773478800 + 5 * 3600 + 1800);
  CHECK(Parse("d = 2026-03-14T09:00:00.75Z").Find("d")->date == 1773478800);
  CHECK(Parse("d = 2026-03-14 09:00:00Z").Find("d")->date == 1773478800);
  CHECK(Parse("d = 2026-03-14T00:30:00+02:00").Find("d")->date == 1773441000);
}

TEST_CASE("values and keys carry 1-based line and column") {
  TomlValue root = Parse(kDoc);
  const TomlValue* id = root.Find("id");
  CHECK(id->line == 1);
  CHECK(id->column == 6);
  CHECK(id->key_line == 1);
  CHECK(id->key_column == 1);

  const TomlValue* count = root.Find("count");  // indented by two spaces
  CHECK(count->line == 2);
  CHECK(count->column == 11);
  CHECK(count->key_line == 2);
  CHECK(count->key_column == 3);

  const TomlValue* arr = root.Find("arr");
  CHECK(arr->line == 9);
  CHECK(arr->column == 7);
  CHECK(arr->array[1].line == 9);
  CHECK(arr->array[1].column == 11);
  CHECK(root.Find("inl")->Find("a")->key_column == 9);
  CHECK(root.Find("inl")->Find("a")->column == 13);

  SUBCASE("a [table] sits at its header; its key inside the brackets") {
    const TomlValue* site = root.Find("site");
    CHECK(site->line == 12);
    CHECK(site->column == 1);
    CHECK(site->key_line == 12);
    CHECK(site->key_column == 2);
    CHECK(site->Find("title")->line == 13);
    CHECK(site->Find("title")->column == 9);
  }
  SUBCASE("each [[array]] element sits at its own header") {
    const TomlValue* items = root.Find("items");
    CHECK(items->key_line == 15);
    CHECK(items->key_column == 3);
    CHECK(items->array[0].line == 15);
    CHECK(items->array[0].column == 1);
    CHECK(items->array[1].line == 18);
    CHECK(items->array[1].Find("x")->line == 19);
    CHECK(items->array[1].Find("x")->column == 5);
  }
}

TEST_CASE("line_offset shifts every position into the whole file") {
  // As front matter: line 1 of the file is "+++", so the TOML starts on line 2.
  TomlValue root = Parse("id = \"X\"\n\n[site]\ntitle = \"T\"\n", 1);
  CHECK(root.line == 2);
  CHECK(root.column == 1);
  CHECK(root.Find("id")->line == 2);
  CHECK(root.Find("id")->column == 6);
  CHECK(root.Find("id")->key_line == 2);
  CHECK(root.Find("site")->line == 4);
  CHECK(root.Find("site")->key_line == 4);
  CHECK(root.Find("site")->Find("title")->line == 5);
  CHECK(root.Find("site")->Find("title")->column == 9);

  SUBCASE("dotted headers create implicit tables at the header") {
    TomlValue r = Parse("[a.b]\nc = 1\n", 3);
    const TomlValue* a = r.Find("a");
    REQUIRE(a);
    CHECK(a->line == 4);
    CHECK(a->key_line == 4);
    CHECK(a->key_column == 2);
    CHECK(a->Find("b")->key_column == 4);
    CHECK(a->Find("b")->Find("c")->line == 5);
  }
}

TEST_CASE("syntax errors are reported with position, shifted by line_offset") {
  CHECK(Errors("a = 1\nb = \n") ==
        std::vector<std::string>{
            "f.toml:2:5: error: invalid TOML: Error while parsing key-value pair: expected value, "
            "saw '\\n'"});
  CHECK(Errors("a = 1\nb = \n", 1) ==
        std::vector<std::string>{
            "f.toml:3:5: error: invalid TOML: Error while parsing key-value pair: expected value, "
            "saw '\\n'"});
  CHECK(Errors("a = 1\na = 2\n") ==
        std::vector<std::string>{"f.toml:2:5: error: invalid TOML: Error while parsing key-value "
                                 "pair: cannot redefine existing integer 'a'"});
  CHECK(Errors("d = 2026-02-30\n") ==
        std::vector<std::string>{"f.toml:1:15: error: invalid TOML: Error while parsing date: "
                                 "expected day between 1 and 28 (inclusive), saw 30"});
}

TEST_CASE("an empty document is an empty table") {
  TomlValue root = Parse("", 4);
  CHECK(root.kind == TomlValue::Kind::kTable);
  CHECK(root.table.empty());
  CHECK(root.line == 5);
}

TEST_CASE("KindName words every kind for messages") {
  using K = TomlValue::Kind;
  CHECK(std::string(KindName(K::kString)) == "a string");
  CHECK(std::string(KindName(K::kInteger)) == "an integer");
  CHECK(std::string(KindName(K::kFloat)) == "a float");
  CHECK(std::string(KindName(K::kBool)) == "a boolean");
  CHECK(std::string(KindName(K::kDate)) == "a date");
  CHECK(std::string(KindName(K::kLocalDateTime)) == "a date-time without time zone");
  CHECK(std::string(KindName(K::kTime)) == "a time of day");
  CHECK(std::string(KindName(K::kArray)) == "an array");
  CHECK(std::string(KindName(K::kTable)) == "a table");
}

// toml_document.h documents TomlValue::table as "in source order", although
// toml::table iterates its keys sorted.
TEST_CASE("table keys keep source order") {
  TomlValue root = Parse("zeta = 1\nalpha = 2\nmid = 3\n");
  REQUIRE(root.table.size() == 3);
  CHECK(root.table[0].first == "zeta");
  CHECK(root.table[1].first == "alpha");
  CHECK(root.table[2].first == "mid");
}

}  // namespace
}  // namespace herald
