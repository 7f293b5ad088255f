#pragma once
// Checks a refusal by what it says: the kind of the kith::Error and words of its message, so that
// a test of one refusal cannot pass on another (a bare CHECK_THROWS_AS passes on any error).
#include <doctest/doctest.h>

#include <string>

#include "kith/base/error.hpp"

// Checks that `expr` throws a kith::Error of `expected_kind` whose message ("path:line:col: …") holds
// `expected_words`.
#define CHECK_REFUSED(expr, expected_kind, expected_words)                                                     \
    do {                                                                                                       \
        try {                                                                                                  \
            (void)(expr);                                                                                      \
            FAIL_CHECK("no error from: " #expr);                                                               \
        } catch (const kith::Error& refusal) {                                                                 \
            CHECK(refusal.kind() == (expected_kind));                                                          \
            CHECK_MESSAGE(refusal.located().find(expected_words) != std::string::npos, "it said: " << refusal.located());\
        }                                                                                                      \
    } while (false)
