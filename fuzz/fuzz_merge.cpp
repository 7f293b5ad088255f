// libFuzzer target for the merge driver: three valid contact files, made from one seed by the
// edits kith makes (chosen by the input), go through merge_contact_files. Invariants: nothing
// crashes; a clean structured result reads; no entry that ours or theirs added to a list is
// lost (checked on ours' side of the conflicts when there are some); and no comment either side
// added is lost (merged, or inside the markers).
#include <fuzzer/FuzzedDataProvider.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>

#include "kith/yaml/conflict_markers.hpp"
#include "kith/model/contact_file.hpp"
#include "kith/edit/editor.hpp"
#include "kith/edit/editor_items.hpp"
#include "kith/base/error.hpp"
#include "kith/model/interaction.hpp"
#include "kith/merge/merge.hpp"
#include "kith/merge/merge_text.hpp"
#include "kith/base/text.hpp"
#include "kith/yaml/yaml_emit.hpp"
#include "kith/yaml/yaml_reader.hpp"

namespace {

// The versions of the input being merged, printed when an invariant fails.
std::string shown[4];

void require(bool condition) {
    if (condition) return;
    const char* names[] = {"base", "ours", "theirs", "result"};
    for (int i = 0; i < 4; ++i) std::fprintf(stderr, "== %s\n%s\n", names[i], shown[i].c_str());
    std::abort();
}

const char* const seeds[] = {
    "name: Ada Lovelace\ntier: core   # since 2019\naka: [Ada King]\ntags: [london, mentor]\n"
    "# promises\nfollowups:\n  - {due: 2026-12-05, what: send the paper}\nlog:\n"
    "  - {date: 2026-10-11, kind: lunch, note: New role}\n  - date: 2026-11-02\n    kind: call\n",
    "name: Grace Hopper\nemail:\n  - grace@example.org\nnotes: |\n  Likes COBOL.\nfavourite: tea\n",
};

const std::vector<std::string> list_keys = {"log", "followups", "dates", "email", "phone", "aka", "interests", "tags"};

std::string some_day(FuzzedDataProvider& in) {
    char day[16];
    std::snprintf(day, sizeof day, "2026-%02u-%02u", in.ConsumeIntegralInRange(1u, 12u), in.ConsumeIntegralInRange(1u, 28u));
    return day;
}

// Applies one edit kith could make; the text stays as it was when the edit refuses or breaks it.
std::string edit(const std::string& text, FuzzedDataProvider& in) {
    const kith::Config config = kith::default_config();
    std::string out = text;
    try {
        const std::string words = in.ConsumeRandomLengthString(12);
        switch (in.ConsumeIntegralInRange(0, 7)) {
            case 0: {
                const auto day = kith::parse_iso_day(some_day(in));
                out = kith::add_log_entry(text, kith::LogEntry{*day, in.ConsumeBool() ? "call" : "", words, "", 0}, "f");
                break;
            }
            case 1: out = kith::add_followup(text, kith::FollowUp{*kith::parse_iso_day(some_day(in)), words, {}, 0}, "f"); break;
            case 2: out = kith::set_item_field(text, "followups", in.ConsumeIntegralInRange(0u, 3u), "done", some_day(in), "f"); break;
            case 3: {
                const char* keys[] = {"tier", "title", "org", "favourite", "notes"};
                const std::string key = keys[in.ConsumeIntegralInRange(0, 4)];
                out = kith::set_top_level(text, key, key == "tier" ? (in.ConsumeBool() ? "close" : "loose") : kith::yaml_scalar(words), kith::canonical_keys());
                break;
            }
            case 4: out = kith::insert_item(text, in.ConsumeBool() ? "tags" : "email", kith::yaml_scalar(words), std::nullopt, kith::canonical_keys(), "f"); break;
            case 5: {
                const kith::YamlValue root = kith::read_yaml(text, "f");
                const kith::YamlValue* list = root.find(list_keys[in.ConsumeIntegralInRange<size_t>(0, list_keys.size() - 1)]);
                if (!list || list->kind != kith::YamlValue::Kind::sequence || list->flow || list->items.empty()) break;
                const auto [from, to] = kith::item_lines(text, *list, in.ConsumeIntegralInRange<size_t>(0, list->items.size() - 1));
                out = kith::erase_lines(text, from, to);
                break;
            }
            case 7: {  // a comment, on its own line or after a value
                std::vector<std::string> lines;
                for (const auto line : kith::split_lines(text)) lines.emplace_back(line);
                const size_t at = in.ConsumeIntegralInRange<size_t>(0, lines.size());
                const std::string comment = "# fz" + std::to_string(in.ConsumeIntegral<std::uint16_t>());
                if (in.ConsumeBool() && at < lines.size() && lines[at].ends_with('\n'))
                    lines[at].insert(lines[at].size() - 1, "   " + comment);
                else
                    lines.insert(lines.begin() + static_cast<long>(at), std::string(in.ConsumeIntegralInRange(0, 4), ' ') + comment + "\n");
                out.clear();
                for (const auto& line : lines) out += line;
                break;
            }
            default: {
                const kith::YamlValue root = kith::read_yaml(text, "f");
                if (root.entries.size() < 2) break;
                const auto& key = root.entries[in.ConsumeIntegralInRange<size_t>(1, root.entries.size() - 1)].key.text;
                const auto [from, to] = kith::key_lines(text, root, key);
                out = kith::erase_lines(text, from, to);
            }
        }
        kith::parse_contact(out, "f", config);
        return out;
    } catch (const kith::Error&) {
        return text;
    }
}

std::string versions(FuzzedDataProvider& in, std::string text) {
    for (int n = in.ConsumeIntegralInRange(0, 4); n > 0; --n) text = edit(text, in);
    return text;
}

std::set<std::string> entries(const kith::YamlValue& root, const std::string& key) {
    std::set<std::string> ids;
    const kith::YamlValue* list = root.find(key);
    if (!list) return ids;
    if (list->kind == kith::YamlValue::Kind::scalar) ids.insert(kith::identity(*list, ""));
    for (const auto& item : list->items) ids.insert(kith::identity(item, key == "followups" ? "done" : ""));
    return ids;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
    FuzzedDataProvider in(data, size);
    const std::string base = versions(in, seeds[in.ConsumeIntegralInRange(0, 1)]);
    const std::string ours = versions(in, base), theirs = versions(in, base);
    const kith::MergeResult result = kith::merge_contact_files(base, ours, theirs, "contacts/fuzz.yaml");
    shown[0] = base, shown[1] = ours, shown[2] = theirs, shown[3] = result.text;
    // Every comment either side added is in the result, merged or marked.
    for (const std::string* side : {&ours, &theirs})
        for (size_t at = side->find("# fz"); at != std::string::npos; at = side->find("# fz", at + 1)) {
            const size_t end = side->find_first_not_of("0123456789", at + 4);
            const std::string comment = side->substr(at, end == std::string::npos ? std::string::npos : end - at);
            require(base.find(comment) != std::string::npos || result.text.find(comment) != std::string::npos);
        }
    if (!result.structured) return 0;
    require(result.parses);
    const std::string merged = result.conflicts ? kith::pick_conflict_side(result.text, true) : result.text;
    const kith::YamlValue out = kith::read_yaml(merged, "merged");  // throws, and so aborts, when broken
    const kith::YamlValue b = kith::read_yaml(base, "b"), o = kith::read_yaml(ours, "o"), t = kith::read_yaml(theirs, "t");
    for (const auto& key : list_keys) {
        const auto in_base = entries(b, key), in_out = entries(out, key);
        for (const auto* side : {&o, &t})
            for (const auto& id : entries(*side, key))
                require(in_base.count(id) || in_out.count(id));
    }
    return 0;
}
