# Warning and sanitizer settings, as INTERFACE targets that every kith target links.
add_library(kith_warnings INTERFACE)
target_compile_options(kith_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
  $<$<BOOL:${KITH_WERROR}>:-Werror>)

add_library(kith_sanitizers INTERFACE)
if(KITH_SANITIZE)
  # Every finding stops the program, so that a test under the sanitizers fails on it.
  target_compile_options(kith_sanitizers INTERFACE -fsanitize=address,undefined -fno-sanitize-recover=all
    -fno-omit-frame-pointer)
  target_link_options(kith_sanitizers INTERFACE -fsanitize=address,undefined -fno-sanitize-recover=all)
endif()
