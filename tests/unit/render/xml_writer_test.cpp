// Tests for render/xml_writer: the one place XML is escaped.
#include "render/xml_writer.h"

#include <doctest/doctest.h>

namespace herald {
namespace {

TEST_CASE("xml::Document escapes markup and drops characters XML 1.0 forbids") {
  xml::Document doc;
  xml::Element root = doc.Root("r");
  root.Attr("a", "x\"y'<&>\nz\x01");
  root.Child("t", "<script>alert(\"1\")</script> & ]]> \xF0\x9F\x94\x92\x02\x1B[0m");
  root.Child("e");
  root.Child("bad", "a\xFFz");
  CHECK(doc.ToString() ==
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<r a=\"x&quot;y'&lt;&amp;> z\">\n"  // the line break became a space
        "  <t>&lt;script&gt;alert(\"1\")&lt;/script&gt; &amp; ]]&gt; \xF0\x9F\x94\x92[0m</t>\n"
        "  <e />\n"
        "  <bad>a\xEF\xBF\xBDz</bad>\n"
        "</r>\n");
}

TEST_CASE("xml::Element keeps line breaks in text, as LF") {
  xml::Document doc;
  doc.Root("p").Text("one\r\ntwo");
  CHECK(doc.ToString() == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<p>one\ntwo</p>\n");
}

}  // namespace
}  // namespace herald
