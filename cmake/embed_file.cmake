# Writes a C++ file holding one data file as a byte array, so the binary
# carries data it needs at run time (the CWE catalogue) and works from any
# folder; any bytes, UTF-8 included. Inputs: INPUT (the file), OUTPUT (the .cpp), SYMBOL (C++ name).
# The .cpp defines, in namespace herald::embedded,
#   extern const char SYMBOL[];        // the bytes, NUL-terminated
#   extern const unsigned long SYMBOL_size;
file(READ "${INPUT}" hex HEX)
string(LENGTH "${hex}" hex_len)
math(EXPR size "${hex_len} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "char(0x\\1)," bytes "${hex}")
get_filename_component(name "${INPUT}" NAME)
file(WRITE "${OUTPUT}.tmp"
"// Generated from ${name} by cmake/embed_file.cmake. Do not edit.\n"
"namespace herald::embedded {\n"
"extern const char ${SYMBOL}[];\nextern const unsigned long ${SYMBOL}_size;\n"
"const char ${SYMBOL}[] = {${bytes}0};\n"
"const unsigned long ${SYMBOL}_size = ${size};\n"
"}  // namespace herald::embedded\n")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different "${OUTPUT}.tmp" "${OUTPUT}")
file(REMOVE "${OUTPUT}.tmp")
