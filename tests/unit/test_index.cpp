#include <doctest/doctest.h>

#include "kith/model/config_file.hpp"
#include "kith/model/contact_file.hpp"
#include "kith/store/index.hpp"
#include "kith/model/status.hpp"

// The file's own namespace: its helpers stay its own in a unity build.
namespace unit_index {

using namespace kith;

static const char* ada_text =
    "name: Ada\naka: [Ada King]\ntier: core\ncadence: 2w\nbirthday: --12-10\nsince: 2019-03-02\nnotes: long story\n"
    "dates:\n  - {date: 2020-06-01, what: started}\nfollowups:\n  - {due: 2026-12-05, what: paper, done: 2026-12-06}\n"
    "log:\n  - {date: 2026-10-11, kind: lunch, note: New role, with: grace}\n"
    "  - {date: 2026-10-12, kind: note, note: not contact}\n  - {date: 2026-09-01, kind: call}\n";

// An index file of these summaries, laid out as the store writes one anew.
static std::string index_of(const std::vector<const NewSummary*>& summaries, std::uint64_t key) {
    std::string bytes(index_header_size, '\0');
    std::vector<IndexRecord> records;
    std::vector<std::string> akas;  // the records view them: no regrowth
    akas.reserve(summaries.size());
    for (const NewSummary* s : summaries) {
        const std::string summary = encode_summary(*s->summary);
        akas.push_back(encode_aka(*s->summary));
        records.push_back(record_of(*s, akas.back(), bytes.size(), summary));
        bytes += summary;
    }
    auto [header, names] = write_name_table(records, key, bytes.size(), 0);
    bytes += names;
    bytes.replace(0, index_header_size, write_index_header(header));
    return bytes;
}

// Reads every summary of an index file: nullopt when any part of it does not check out.
static std::optional<std::vector<Contact>> summaries_in(const std::string& bytes) {
    const auto header = read_index_header(bytes);
    if (!header || header->names_at + header->names_size != bytes.size()) return std::nullopt;
    const auto records = read_name_table(*header, std::string_view(bytes).substr(header->names_at));
    if (!records) return std::nullopt;
    std::vector<Contact> out;
    for (const IndexRecord& r : *records) {
        auto c = read_summary(r, std::string_view(bytes).substr(r.summary_at, r.summary_size));
        if (!c) return std::nullopt;
        out.push_back(std::move(*c));
    }
    return out;
}

// What the store writes of a contact: its summary, with its newest entry.
static NewSummary summary_of(Contact contact, const FileStamp& stamp) {
    NewSummary out;
    out.newest_entry = newest_entry(contact);
    out.stamp = stamp;
    out.held = std::make_unique<Contact>(std::move(contact));
    reduce_to_summary(*out.held);
    out.summary = out.held.get();
    return out;
}

static Contact ada_contact() {
    Contact c = parse_contact(ada_text, "contacts/ada.yaml", default_config());
    c.slug = "ada";
    return c;
}

TEST_CASE("the index round-trips every field it keeps, and its name table holds names and stamps") {
    const NewSummary ada = summary_of(ada_contact(), FileStamp{1, 2, 3, 4, 5});
    Contact bob_full;
    bob_full.path = "contacts/bob.yaml";
    bob_full.slug = "bob";
    const NewSummary bob = summary_of(bob_full, FileStamp{6, 7, 8, 9, 10});
    const std::string bytes = index_of({&ada, &bob}, 42);
    const auto header = read_index_header(bytes);
    REQUIRE(header);
    CHECK(header->settings_key == 42);
    const auto records = read_name_table(*header, std::string_view(bytes).substr(header->names_at));
    REQUIRE(records);
    REQUIRE(records->size() == 2);
    const IndexRecord& r = (*records)[0];
    CHECK(r.path == "contacts/ada.yaml");
    CHECK(r.stamp == FileStamp{1, 2, 3, 4, 5});
    CHECK(format_day(*r.newest_entry) == "2026-10-12");
    CHECK(r.slug == "ada");
    CHECK(r.name == "Ada");
    CHECK(aka_of(r) == std::vector<std::string>{"Ada King"});
    CHECK((*records)[1].stamp == FileStamp{6, 7, 8, 9, 10});
    const auto all = summaries_in(bytes);
    REQUIRE(all);
    const Contact& s = (*all)[0];
    CHECK(s.name == "Ada");
    CHECK(s.slug == "ada");
    CHECK(s.aka == std::vector<std::string>{"Ada King"});
    CHECK(s.cadence == Duration{2, 'w'});
    CHECK(s.birthday == MonthDay{12, 10, std::nullopt});
    CHECK(format_day(*s.since) == "2019-03-02");
    CHECK(s.dates[0].what == "started");
    CHECK(format_day(*s.followups[0].done) == "2026-12-06");
    CHECK(s.notes.empty());
    REQUIRE(s.log.size() == 1);  // only the latest entry that counts as contact
    CHECK(s.log[0].with == "grace");
    CHECK(s.log[0].line == 13);
}

TEST_CASE("a summary gives the same status as the full contact on any day after its newest entry") {
    const Config config = default_config();
    Contact full = parse_contact(ada_text, "contacts/ada.yaml", config);
    Contact summary = full;
    reduce_to_summary(summary);
    for (const char* day : {"2026-10-12", "2026-11-28", "2027-06-01"}) {
        const Day today = *parse_iso_day(day);
        const ContactStatus a = contact_status(full, config, today), b = contact_status(summary, config, today);
        CHECK(a.last_contact == b.last_contact);
        CHECK(a.due_on == b.due_on);
        CHECK(a.last_entry->note == b.last_entry->note);
    }
}

TEST_CASE("the settings key follows the parsed settings, not the bytes of kith.yaml") {
    const Config plain = parse_config("tiers:\n  - {name: core, cadence: 2w}\n", "kith.yaml");
    const Config commented = parse_config("# a comment\ntiers:\n  - {name: core, cadence: 2w}  # two weeks\n", "kith.yaml");
    const Config other = parse_config("tiers:\n  - {name: core, cadence: 3w}\n", "kith.yaml");
    CHECK(settings_key(plain) == settings_key(commented));
    CHECK(settings_key(plain) != settings_key(other));
    CHECK(settings_key(plain) != settings_key(default_config()));
}

static std::string sample() {
    static const NewSummary ada = summary_of(ada_contact(), FileStamp{1, 2, 3, 4, 5});
    return index_of({&ada}, 42);
}

TEST_CASE("a truncated, foreign or corrupted index is refused, never trusted") {
    const std::string bytes = sample();
    REQUIRE(summaries_in(bytes));
    for (size_t cut = 0; cut < bytes.size(); cut += 7) CHECK_FALSE(summaries_in(bytes.substr(0, cut)));
    CHECK_FALSE(summaries_in("kith-cache-3\n"));
    CHECK_FALSE(summaries_in(bytes + "x"));
}

TEST_CASE("a flipped byte anywhere in the index is detected: the index is refused, never shown") {
    const std::string bytes = sample();
    for (size_t i = 0; i < bytes.size(); ++i) {
        std::string flipped = bytes;
        flipped[i] = static_cast<char>(flipped[i] ^ 0x04);
        CAPTURE(i);
        CHECK_FALSE(summaries_in(flipped));
    }
}

}  // namespace unit_index
