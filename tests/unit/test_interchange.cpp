#include <doctest/doctest.h>

#include <random>

#include "fixture.hpp"
#include "kith/interchange/google_csv.hpp"
#include "kith/interchange/linkedin_csv.hpp"
#include "kith/interchange/vcard_contact.hpp"
#include "kith/interchange/interchange.hpp"

// The file's own namespace: its helpers stay its own in a unity build.
namespace unit_interchange {

using namespace kith;

namespace {
// Mutates a real export a few bytes at a time: hostile input shaped like the real thing.
std::string mutate(std::string bytes, std::mt19937& random) {
    static const std::string alphabet = "\r\n \t:;,=\\\"\x00\xFF\xC3.ABEGINVCARD-0123456789";
    const int edits = 1 + static_cast<int>(random() % 8);
    for (int i = 0; i < edits && !bytes.empty(); ++i) {
        const size_t at = random() % bytes.size();
        const char c = alphabet[random() % alphabet.size()];
        switch (random() % 3) {
            case 0: bytes[at] = c; break;
            case 1: bytes.insert(bytes.begin() + static_cast<long>(at), c); break;
            default: bytes.erase(at, 1 + random() % 16);
        }
    }
    return bytes;
}
}  // namespace

TEST_CASE("interchange: mutated real exports never crash a reader; only kith::Error is thrown") {
    std::mt19937 random(20261128);
    const std::vector<std::string> fixtures = {"android-2.1.vcf", "apple-3.0.vcf", "google-3.0.vcf", "nextcloud-4.0.vcf",
                                               "google-contacts.csv", "google-legacy.csv", "linkedin-connections.csv"};
    for (const auto& name : fixtures) {
        const std::string original = read_fixture(name);
        REQUIRE(!original.empty());
        for (int round = 0; round < 2000; ++round) {
            const std::string bytes = mutate(original, random);
            try {
                if (name.ends_with(".vcf")) read_vcard_contacts(bytes, name);
                else if (name.rfind("linkedin", 0) == 0) read_linkedin_csv(bytes, name);
                else read_google_csv(bytes, name);
            } catch (const Error&) {
                // a located refusal is fine
            }
        }
    }
    CHECK(true);
}

TEST_CASE("interchange: UTF-16 vCards (with a BOM) read as UTF-8") {
    const std::u16string text = u"BEGIN:VCARD\r\nFN:Jos\u00e9\r\nEND:VCARD\r\n";
    std::string bytes = "\xFF\xFE";
    for (char16_t c : text) bytes.append({static_cast<char>(c & 0xFF), static_cast<char>(c >> 8)});
    const auto batch = read_vcard_contacts(bytes, "outlook.vcf");
    REQUIRE(batch.records.size() == 1);
    CHECK(batch.records[0].contact.name == "José");
}

TEST_CASE("interchange: drop_repeats keeps the first of each value in order, as add_unique one at a time does") {
    const std::vector<std::string> values = {"b", "", "a", "b", "c", "a", "", "d", "c"};
    std::vector<std::string> one_at_a_time;
    for (const auto& value : values) add_unique(one_at_a_time, value);
    std::vector<std::string> dropped = values;
    drop_repeats(dropped);
    CHECK(dropped == std::vector<std::string>{"b", "a", "c", "d"});
    CHECK(dropped == one_at_a_time);
}

}  // namespace unit_interchange
