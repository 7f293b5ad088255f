# Warning and sanitizer settings, as INTERFACE targets that every kith target links.
add_library(kith_warnings INTERFACE)
target_compile_options(kith_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
  $<$<BOOL:${KITH_WERROR}>:-Werror>)

add_library(kith_sanitizers INTERFACE)
if(KITH_SANITIZE)
  # Every finding stops the program, so that a test under the sanitizers fails on it.
  # At -O1: the checks stay, and an unoptimised build's per-check data (with g++ -O0, 88 MB of
  # it, read at every start) shrinks about twentyfold, so each of the suites' runs starts fast.
  target_compile_options(kith_sanitizers INTERFACE -fsanitize=address,undefined -fno-sanitize-recover=all
    -fno-omit-frame-pointer -O1)
  # Not position-independent: the sanitizers' millions of data pointers need no relocation at
  # each start, which halves what every run of kith costs (the CLI suites start it thousands of times).
  target_link_options(kith_sanitizers INTERFACE -fsanitize=address,undefined -fno-sanitize-recover=all -no-pie)
endif()
