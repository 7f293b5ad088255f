// libFuzzer target: arbitrary bytes through the guard and the schema, then, for files that
// parse, every kind of edit kith makes. Invariants: nothing crashes or hangs; an edit either
// refuses with kith::Error or yields a file that parses, with the entry added and the name kept.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "kith/model/contact_file.hpp"
#include "kith/edit/editor.hpp"
#include "kith/edit/editor_items.hpp"
#include "kith/base/error.hpp"
#include "kith/model/interaction.hpp"

namespace {

void require(bool condition) {
    if (!condition) std::abort();
}

// Applies an edit; a refusal is fine, a result that does not parse is a bug.
template <typename Edit, typename Check>
void edit_and_check(const std::string& text, const kith::Config& config, Edit edit, Check check) {
    std::string after;
    try {
        after = edit(text);
    } catch (const kith::Error&) {
        return;
    }
    check(kith::parse_contact(after, "fuzz.yaml", config));  // throws, and so aborts, when broken
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    const kith::Config config = kith::default_config();
    kith::Contact before;
    try {
        before = kith::parse_contact(text, "fuzz.yaml", config);
    } catch (const kith::Error&) {
        return 0;
    }
    const kith::Day day = *kith::parse_iso_day("2026-11-28");
    try {
        edit_and_check(
            text, config,
            [&](const std::string& t) {
                return kith::add_log_entry(t, {day, "lunch", "a: b, #c", "", 0}, "fuzz.yaml");
            },
            [&](const kith::Contact& after) {
                require(after.log.size() == before.log.size() + 1);
                require(after.name == before.name);
            });
        edit_and_check(
            text, config, [&](const std::string& t) { return kith::set_top_level(t, "tier", "close", kith::canonical_keys()); },
            [&](const kith::Contact& after) {
                require(after.tier == "close");
                require(after.log.size() == before.log.size());
            });
        edit_and_check(
            text, config,
            [&](const std::string& t) { return kith::add_followup(t, {day, "no", std::nullopt, 0}, "fuzz.yaml"); },
            [&](const kith::Contact& after) { require(after.followups.size() == before.followups.size() + 1); });
        // As `kith done` does: only an open follow-up is marked done.
        size_t open = 0;
        while (open < before.followups.size() && before.followups[open].done) ++open;
        if (open < before.followups.size()) {
            edit_and_check(
                text, config,
                [&](const std::string& t) { return kith::set_item_field(t, "followups", open, "done", "2026-11-28", "fuzz.yaml"); },
                [&](const kith::Contact& after) { require(after.followups.size() == before.followups.size()); });
        }
    } catch (const kith::Error&) {
        std::abort();  // an edit that broke a file is a bug
    }
    return 0;
}
