# Writes OUT, a C++ file that holds every DIR/*.txt lexicon as a string,
# so the binary needs no data files at run time.
file(GLOB files ${DIR}/*.txt)
list(SORT files)
set(body "// Generated from extract/lexicons by scripts/embed_lexicons.cmake. Do not edit.\n#include \"extract/lexicon.h\"\n\nnamespace claimgraph {\n\nconst EmbeddedLexicon kEmbeddedLexicons[] = {\n")
foreach(f ${files})
  get_filename_component(name ${f} NAME_WE)
  file(READ ${f} content HEX)
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "\\\\x\\1" escaped "${content}")
  # Split into chunks so no source line grows unbounded.
  string(APPEND body "  {\"${name}\", std::string_view(\"${escaped}\", sizeof(\"${escaped}\") - 1)},\n")
endforeach()
string(APPEND body "};\n\nconst size_t kEmbeddedLexiconCount = sizeof(kEmbeddedLexicons) / sizeof(kEmbeddedLexicons[0]);\n\n}  // namespace claimgraph\n")
file(WRITE ${OUT} "${body}")
