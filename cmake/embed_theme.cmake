# Writes a C++ file holding every file of themes/default/, so the binary
# carries its default theme and works on any site from any folder.
# Inputs: THEME_DIR, OUTPUT.
file(GLOB_RECURSE files RELATIVE "${THEME_DIR}" "${THEME_DIR}/*")
list(SORT files)
set(body "")
set(table "")
set(i 0)
foreach(f IN LISTS files)
  file(READ "${THEME_DIR}/${f}" hex HEX)
  string(LENGTH "${hex}" hex_len)
  math(EXPR size "${hex_len} / 2")
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
  string(APPEND body "const unsigned char kFile${i}[] = {${bytes}0};\n")
  string(APPEND table "      {\"${f}\", std::string(reinterpret_cast<const char*>(kFile${i}), ${size})},\n")
  math(EXPR i "${i} + 1")
endforeach()
file(WRITE "${OUTPUT}.tmp"
"// Generated from themes/default/ by cmake/embed_theme.cmake. Do not edit.\n"
"#include \"render/theme.h\"\n\nnamespace herald {\nnamespace {\n${body}}  // namespace\n\n"
"const std::map<std::string, std::string>& EmbeddedDefaultTheme() {\n"
"  static const std::map<std::string, std::string> kFiles = {\n${table}  };\n"
"  return kFiles;\n}\n\n}  // namespace herald\n")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different "${OUTPUT}.tmp" "${OUTPUT}")
file(REMOVE "${OUTPUT}.tmp")
