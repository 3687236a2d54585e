# Shared build helpers: warnings as errors on our own code, SQL files embedded as C++ strings.

function(narcisse_warnings target)
  # -Wrestrict: GCC 12 reports false positives inside std::string concatenation at -O2/-O3
  # (GCC bug 105329), in libstdc++ code, not ours.
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Werror -Wno-restrict)
endfunction()

# narcisse_embed_sql(<out.cpp> <namespace> <engine> files...) writes a C++ file holding each
# migration as a raw string, in file-name order, so the program carries its own schema.
function(narcisse_embed_sql out engine)
  set(body "")
  set(count 0)
  foreach(file IN LISTS ARGN)
    get_filename_component(name ${file} NAME)
    file(READ ${file} sql)
    string(APPEND body "    {\"${name}\", R\"narcisse_sql(${sql})narcisse_sql\"},\n")
    math(EXPR count "${count} + 1")
  endforeach()
  file(CONFIGURE OUTPUT ${out} CONTENT
"// Generated from src/data/schema/${engine}/*.sql by CMake; do not edit.
#include \"data/migrations.h\"
namespace narcisse::data {
const std::vector<Migration>& ${engine}Migrations() {
  static const std::vector<Migration> migrations = {
${body}  };
  return migrations;
}
}  // namespace narcisse::data
")
endfunction()
