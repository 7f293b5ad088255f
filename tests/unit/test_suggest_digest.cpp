// kith introduce --suggest keeps of each person only suggest_digest, read a chunk of files at a
// time: the suggestions and the person NAME means must be those of the full contacts.
#include <doctest/doctest.h>

#include "generated.hpp"
#include "kith/base/error.hpp"
#include "kith/query/introduce.hpp"
#include "kith/query/resolve.hpp"
#include "kith/query/suggest.hpp"
#include "refused.hpp"

// The file's own namespace: its helpers stay its own in a unity build.
namespace unit_suggest_digest {

using namespace kith;

namespace {

std::string suggested(const std::vector<Contact>& people, SuggestQuery query) {
    return render_tsv(suggestion_table(suggest_introductions(people, default_config(), query)));
}

}  // namespace

TEST_CASE("suggest digest: the same suggestions as from the full contacts, on a generated network") {
    for (unsigned seed : {5u, 6u}) {
        CAPTURE(seed);
        const std::vector<Contact> full = test::generated_network(seed, 300);
        std::vector<Contact> digests;
        for (const auto& c : full) digests.push_back(suggest_digest(c));
        for (size_t limit : {size_t{0}, size_t{10}}) {
            for (bool same_org : {false, true}) {
                SuggestQuery query;
                query.limit = limit;
                query.same_org = same_org;
                const std::string expected = suggested(full, query);
                CHECK(expected.find('\n') != expected.rfind('\n'));  // not only the header
                CHECK(suggested(digests, query) == expected);
            }
        }
        // Pairs already introduced are left out: the digest keeps every introduction, whatever its note.
        size_t intros = 0;
        for (const auto& c : digests) intros += c.log.size();
        CHECK(intros > 20);
        std::vector<std::string> names = {"p1x1", "p3x3-4", "Person 7", "nunez"};
        for (const auto& c : full)
            if (!c.aka.empty() && names.size() < 7) names.push_back(c.aka.front());  // found by aka only
        REQUIRE(names.size() == 7);
        for (const std::string& name : names) {
            CAPTURE(name);
            const Contact* in_full = nullptr;
            try {
                in_full = &resolve(full, name);
            } catch (const Error& refused_in_full) {  // the digests refuse it the same way
                CHECK_REFUSED(resolve(digests, name), refused_in_full.kind(), refused_in_full.message());
                continue;
            }
            const Contact& in_digests = resolve(digests, name);
            CHECK(in_digests.slug == in_full->slug);
            SuggestQuery query;
            query.limit = 0;
            query.only = in_full;
            const std::string expected = suggested(full, query);
            query.only = &in_digests;
            CHECK(suggested(digests, query) == expected);
        }
    }
}

}  // namespace unit_suggest_digest
