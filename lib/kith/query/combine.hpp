#pragma once
// `kith merge A B`: the text of A with B folded in (lists as sets, entries merged by day, B's
// name kept in aka), and what of B such a fold cannot carry.
#include <string>
#include <vector>

#include "kith/base/error.hpp"
#include "kith/model/model.hpp"

namespace kith {

// Which side wins a scalar both hold with different values.
enum class Prefer { neither, a, b };

// A's new text, and what it took from B, for the message ("email +1", "org", "log +3").
struct Combined {
    std::string text;
    std::vector<std::string> taken;
};

// Returns what of B's text a fold cannot carry, each located in B: comments, top-level keys
// kith does not know, and fields of dates, follow-ups or log entries it does not know.
std::vector<Error> uncarried(const std::string& text_b, const std::string& path_b);

// Folds B into A's text (`text_a`, which `a` was read from), through the surgical editor:
// lists gain B's items A lacks (compared as keys: case, accents, a phone's digits, a URL without
// its scheme); dates, follow-ups and log entries A lacks are inserted in day order, a log entry
// `with` B made `with` A; B's name and aka join A's aka; a scalar A lacks is taken from B. Of
// scalars both hold, `since` and `first_due` take the earlier day and `snooze` the later; any
// other that differs (ignoring case and accents) is a usage Error naming each, unless `prefer`
// says which side wins. Every reference to B in A's text (introduced_by, with) becomes A.
Combined combine_people(const std::string& text_a, const Contact& a, const Contact& b, Prefer prefer,
                        const Config& config);

}  // namespace kith
