#include <doctest/doctest.h>

#include "kith/sync/sync_vdir.hpp"
#include "kith/sync/sync_vdir_card.hpp"

using namespace kith;

TEST_CASE("sync vdir: a scalar changed on one side wins; on both, a conflict keeps each side and the old base") {
    const SyncView base{{"title", {"Lead"}}};
    auto m = merge_sync_views(base, {{"title", {"Lead"}}}, {{"title", {"Head"}}});
    CHECK(m.to_kith.at("title") == std::vector<std::string>{"Head"});
    CHECK(m.conflicts.empty());
    m = merge_sync_views(base, {{"title", {"Chief"}}}, {});  // removed on the phone, changed in kith
    REQUIRE(m.conflicts.size() == 1);
    CHECK(m.to_kith.at("title") == std::vector<std::string>{"Chief"});
    CHECK(m.to_card.count("title") == 0);
    CHECK(m.base.at("title") == std::vector<std::string>{"Lead"});
    m = merge_sync_views(std::nullopt, {{"title", {"A"}}}, {{"title", {"B"}}});  // no base: never a silent pick
    CHECK(m.conflicts.size() == 1);
    CHECK(m.base.count("title") == 0);
}

TEST_CASE("sync vdir: lists merge as sets: both additions kept, a removal on one side carried") {
    const SyncView base{{"email", {"a@x", "b@x"}}};
    const auto m = merge_sync_views(base, {{"email", {"a@x", "b@x", "k@x"}}}, {{"email", {"a@x", "p@x"}}});
    CHECK(m.to_kith.at("email") == std::vector<std::string>{"a@x", "k@x", "p@x"});
    CHECK(m.to_card == m.to_kith);
    CHECK(m.conflicts.empty());
    const auto none = merge_sync_views(std::nullopt, {{"tags", {"x"}}}, {{"tags", {"y"}}});  // no base: the union
    CHECK(none.to_kith.at("tags") == std::vector<std::string>{"x", "y"});
}

TEST_CASE("sync vdir: the base reads back as written, byte for byte") {
    SyncBase base;
    base["u-1"] = {"u-1.vcf", false, {{"name", {"Ada"}}, {"email", {"a@x", "\"q\"\\"}}}};
    base["urn:uuid:X"] = {"kith-1.vcf", true, {}};
    const std::string text = write_sync_base(base);
    CHECK(write_sync_base(read_sync_base(text, "b")) == text);
    CHECK_THROWS_AS(read_sync_base("{\"kith_sync_vdir\": 1}", "b"), Error);
    CHECK_THROWS_AS(read_sync_base("not json", "b"), Error);
}

TEST_CASE("sync vdir: a card kith writes reads back as the person's synced fields, in both versions") {
    Contact c;
    c.name = "Ada Lovelace";
    c.aka = {"Ada King", "A, L"};
    c.title = "Lead; Analyst";
    c.org = "Engines, Ltd";
    c.email = {"ada@example.org"};
    c.phone = {"+44 20"};
    c.address = "12 Square, London";
    c.assistant = "Mary";
    c.tags = {"a", "b c"};
    c.notes = "line one\nline two\n";
    c.birthday = MonthDay{12, 10, std::nullopt};
    c.dates = {{MonthDay{6, 1, 2020}, "anniversary"}, {MonthDay{3, 4, std::nullopt}, "started"}};
    for (int version : {3, 4}) {
        const SyncCard card = read_sync_card(new_sync_card(c, "u-1", version), "x.vcf");
        CHECK(card.uid == "u-1");
        CHECK(sync_view(card.contact) == sync_view(c));
    }
}

TEST_CASE("sync vdir: a vdir file must hold one card with a UID, in UTF-8") {
    CHECK_THROWS_WITH_AS(read_sync_card("BEGIN:VCARD\nFN:A\nEND:VCARD\n", "a.vcf"), doctest::Contains("no UID"), Error);
    CHECK_THROWS_WITH_AS(read_sync_card("BEGIN:VCARD\nUID:1\nFN:\xff\nEND:VCARD\n", "a.vcf"), doctest::Contains("not UTF-8"), Error);
    CHECK_THROWS_WITH_AS(read_sync_card("BEGIN:VCARD\nUID:1\nFN:A\nEND:VCARD\nBEGIN:VCARD\nUID:2\nFN:B\nEND:VCARD\n", "a.vcf"),
                         doctest::Contains("more than one card"), Error);
    CHECK_THROWS_WITH_AS(read_sync_card("hello\n", "a.vcf"), doctest::Contains("no card"), Error);
    CHECK_THROWS_WITH_AS(read_sync_card("BEGIN:VCARD\nUID:1\nFN:A\n", "a.vcf"), doctest::Contains("END:VCARD"), Error);
}
