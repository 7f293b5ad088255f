// A property test that walks the table of fields (issue 19, item 4): for every field, a random
// value of its kind, written to a contact file, reads back the same through the file, the index
// (a reading that writes it, a reading from it, and its codec alone), `show` and `export json`.
// A field added to the table is walked with no edit here; a kind the index codec forgets fails.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <random>

#include <sstream>

#include "kith/base/table.hpp"
#include "kith/interchange/export.hpp"
#include "kith/model/contact_file.hpp"
#include "kith/model/fields.hpp"
#include "kith/query/suggest.hpp"
#include "kith/store/store.hpp"
#include "kith/store/store_index.hpp"
#include "kith/views/profile.hpp"
#include "temp_network.hpp"

// The file's own namespace: its helpers stay its own in a unity build.
namespace unit_field_walk {

using namespace kith;

namespace {

class RandomValues {
public:
    explicit RandomValues(unsigned seed) : rng_(seed) {}

    size_t below(size_t n) { return static_cast<size_t>(rng_() % n); }

    // A text of 1 to 12 pieces, with the characters YAML quoting must care for.
    std::string text() {
        static const std::vector<std::string> pieces = {"a", "Z", "7", " ", "é", "日本", "🙂", ":", "#", "'", "\"", "-",
                                                        "[", "{", ",", "&", "*", "!", "%", "@", "?", "|", ">", "~", "\\"};
        std::string out;
        for (size_t n = 1 + below(12); n > 0; --n) out += pieces[below(pieces.size())];
        return out;
    }
    std::vector<std::string> texts() {
        std::vector<std::string> out;
        for (size_t n = 1 + below(3); n > 0; --n) out.push_back(text());
        return out;
    }
    Day day() { return Day{date::year{1950} / date::January / date::day{1}} + date::days{below(150 * 366)}; }
    MonthDay month_day() {
        const date::year_month_day ymd{day()};
        MonthDay md{static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()), std::nullopt};
        if (below(2) != 0) md.year = static_cast<int>(ymd.year());
        else if (md.month == 2 && md.day == 29) md.day = 28;
        return md;
    }
    Duration duration() {
        const char unit = "dwmy"[below(4)];
        const int most = unit == 'd' ? 3652059 : unit == 'w' ? 521722 : unit == 'm' ? 119988 : 9999;  // parse_duration's bounds
        const int count = below(4) == 0 ? most - static_cast<int>(below(3)) : 1 + static_cast<int>(below(400));
        return Duration{count, unit};
    }
    std::string kind() {
        static const std::vector<std::string> kinds = {"call", "email", "lunch", "note", "intro", "meeting"};
        return below(4) == 0 ? text() : kinds[below(kinds.size())];
    }

    // Sets `field` of `c` to a random value of its kind (a tier among the configured ones).
    void set(const Field& field, Contact& c, const Config& config) {
        switch (field.kind) {
            case FieldKind::text:
                c.*field.text = field.text == &Contact::tier ? config.tiers[below(config.tiers.size())].name : text();
                break;
            case FieldKind::text_list: c.*field.list = texts(); break;
            case FieldKind::date: c.*field.day = day(); break;
            case FieldKind::yearly_date: c.*field.yearly = month_day(); break;
            case FieldKind::duration: c.*field.duration = duration(); break;
            case FieldKind::entries:
                for (size_t n = 1 + below(4); n > 0; --n) {
                    if (field.dates) (c.*field.dates).push_back({month_day(), below(3) ? text() : ""});
                    if (field.followups)
                        (c.*field.followups).push_back({day(), below(3) ? text() : "", below(2) ? std::optional(day()) : std::nullopt, 0});
                    if (field.log) (c.*field.log).push_back({day(), kind(), below(3) ? text() : "", below(3) ? "" : "ada-2", 0});
                }
                break;
        }
    }

private:
    std::mt19937 rng_;
};

// The field `key` of one contact as export json writes it.
nlohmann::json json_field(const Contact& c, const char* key) {
    return nlohmann::json::parse(render_contacts_json({c})).at(0).at(key);
}

// A summary's bytes read back by the index's codec alone; nullopt when they do not check out.
std::optional<Contact> codec_round_trip(const Contact& summary) {
    NewSummary fresh;
    fresh.summary = &summary;
    const std::string bytes = encode_summary(summary), aka = encode_aka(summary);
    return read_summary(record_of(fresh, aka, index_header_size, bytes), bytes);
}

const Day today = Day{date::year{2026} / date::November / date::day{28}};

// The calendar export ics streams, person by person, from the due projection.
std::string streamed_ics(const Contact& c, const Config& config) {
    ExportStream stream("ics", 4, config, today);
    std::ostringstream out;
    stream.add(c, out);
    stream.finish(out);
    return out.str();
}

// The suggested introductions among these people, as introduce --suggest prints them.
std::string suggestions(const std::vector<Contact>& people, const Config& config) {
    return render_tsv(suggestion_table(suggest_introductions(people, config, SuggestQuery{})));
}

}  // namespace

TEST_CASE("every field of the table, with a random value of its kind, reads back the same through the file, the index, show and export json") {
    const Config config = default_config();
    size_t walked = 0;
    for (unsigned seed = 1; seed <= 12; ++seed) {
        RandomValues random(seed);
        for (const Field& field : contact_fields()) {
            const std::string key = field.key;
            CAPTURE(seed);
            CAPTURE(key);
            Contact written;
            written.name = "Walked Person";
            random.set(field, written, config);
            TempNetwork network({{"contacts/walked.yaml", render_new_contact(written)}});
            written.slug = "walked";
            written.path = "contacts/walked.yaml";

            // The file: read in full (which writes the index).
            const Store store(network.dir());
            const Network full = store.load(false);
            REQUIRE(full.problems.empty());
            REQUIRE(full.contacts.size() == 1);
            const Contact& read = full.contacts[0];
            CHECK(field_equal(field, read, written));
            Contact summary = read;  // what the index keeps of it: no notes, the latest entry that counts
            reduce_to_summary(summary);

            // The index: a reading from it (every file unchanged) and its codec alone.
            const Index index(store, full.config, false);
            const IndexRecord* record = index.last_known(read.path);
            REQUIRE(record);
            std::optional<Contact> from_index;
            index.read_summaries({record}, [&](size_t, std::optional<Contact> kept) { from_index = std::move(kept); });
            REQUIRE(from_index);
            CHECK(field_equal(field, *from_index, summary));
            const Network indexed = store.load_summaries(false, std::nullopt);
            REQUIRE(indexed.contacts.size() == 1);
            CHECK(field_equal(field, indexed.contacts[0], summary));
            const std::optional<Contact> round_trip = codec_round_trip(summary);
            REQUIRE(round_trip);
            CHECK(field_equal(field, *round_trip, summary));
            CHECK(json_field(*round_trip, "slug") == "walked");

            // show: the profile of what was read is the profile of what was written.
            CHECK(render_profile(read, full.config, today) == render_profile(written, full.config, today));
            // export json: the field as written, and as the index keeps it.
            CHECK(json_field(read, field.key) == json_field(written, field.key));
            CHECK(json_field(indexed.contacts[0], field.key) == json_field(summary, field.key));

            // The projections: what due and its calendar read (a summary, on a day it stands for
            // the file; the due projection), and what introduce --suggest reads, give what the whole contact gives.
            const std::string calendar = render_export_ics({read}, full.config, today);
            if (Index::stands(newest_entry(read), today)) CHECK(render_export_ics({summary}, full.config, today) == calendar);
            CHECK(streamed_ics(read, full.config) == calendar);
            Contact partner = read;  // shares every value: a reason for each field suggest reads
            partner.slug = "partner";
            partner.path = "contacts/partner.yaml";
            partner.name = "Partner Person";
            CHECK(suggestions({suggest_digest(read), suggest_digest(partner)}, full.config) ==
                  suggestions({read, partner}, full.config));
            ++walked;
        }
    }
    CHECK(walked == 12 * contact_fields().size());
}

TEST_CASE("the index keeps every field of the table but the notes, and no field it does not read back") {
    const Config config = default_config();
    RandomValues random(99);
    Contact empty;
    empty.name = "Walked Person";
    const std::string bare = encode_summary(empty);
    for (const Field& field : contact_fields()) {
        const std::string key = field.key;
        CAPTURE(key);
        Contact set = empty;
        random.set(field, set, config);
        reduce_to_summary(set);
        // A field the summary leaves empty (the notes) is not kept; every other one changes the bytes.
        CHECK((encode_summary(set) != bare) == field_is_set(field, set));
        const std::optional<Contact> back = codec_round_trip(set);
        REQUIRE(back);
        CHECK(field_equal(field, *back, set));
    }
}

}  // namespace unit_field_walk
