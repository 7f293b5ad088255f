# Headers that nearly every file of lib/, cmd/ and the unit tests includes, compiled once per
# target rather than once per batch of files: the standard containers, Howard Hinnant's date
# (about 90,000 lines after preprocessing, through base/dates.hpp) and fmt. Parsing them was a
# third of each batch's compile time. `-DKITH_PCH=OFF` compiles each file with its own includes only.
# Clang only by default: GCC 12 forgets, for code that comes from a precompiled header, that the
# standard headers are system headers, and its -Warray-bounds false positive in std::string's
# operator+ (GCC bug 105651), silent without one, becomes an error under -Werror (measured:
# tests/unit/test_csv.cpp fails with the .gch, compiles with the same header included as text).
if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  set(kith_pch_default ON)
else()
  set(kith_pch_default OFF)
endif()
option(KITH_PCH "Precompile the large headers that most files share" ${kith_pch_default})
set(kith_pch_headers <algorithm> <functional> <map> <optional> <string> <string_view> <vector>
  <date/date.h> <fmt/format.h>)

# Gives `target` the shared precompiled headers (with KITH_PCH) plus `extra` ones, always (the
# command's <CLI/CLI.hpp>, which GCC compiles without the false positive above).
function(kith_precompile target)
  if(KITH_PCH)
    target_precompile_headers(${target} PRIVATE ${kith_pch_headers} ${ARGN})
  elseif(ARGN)
    target_precompile_headers(${target} PRIVATE ${ARGN})
  endif()
endfunction()

# Lets `target` use the precompiled headers `owner` built (their compile options are the same).
function(kith_precompile_reuse target owner)
  if(KITH_PCH)
    target_precompile_headers(${target} REUSE_FROM ${owner})
  endif()
endfunction()
