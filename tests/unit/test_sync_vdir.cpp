#include <doctest/doctest.h>

#include "kith/sync/sync_vdir_stage.hpp"
#include "kith/sync/sync_vdir_card.hpp"
#include "refused.hpp"

// The file's own namespace: its helpers stay its own in a unity build.
namespace unit_sync_vdir {

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

TEST_CASE("sync vdir: the base reads back as written, byte for byte, stamps and odd UIDs included") {
    SyncBase base;
    const FileStamp card{120, 1, 2, 3, 4}, person{900, 5, 6, 7, 8};
    base["u-1"] = {"u-1.vcf", false, encode_fields({{"name", {"Ada"}}, {"email", {"a@x", "\"q\"\\\t"}}}), card, "contacts/ada.yaml", person};
    base["urn:uuid:X\t\n\\y"] = {"kith-1.vcf", true, encode_fields({}), std::nullopt, "", std::nullopt};
    const std::string text = write_sync_base(base);
    const SyncBase back = read_sync_base(text, "b");
    CHECK(write_sync_base(back) == text);
    REQUIRE(back.count("urn:uuid:X\t\n\\y"));
    CHECK(back.at("u-1").card_stamp == card);
    CHECK(back.at("u-1").person_stamp == person);
    CHECK(back.at("u-1").person == "contacts/ada.yaml");
    CHECK(decode_fields(back.at("u-1").fields).at("email").at(1) == "\"q\"\\\t");
    CHECK_REFUSED((read_sync_base("{\"kith_sync_vdir\": 1}", "b")),
        ErrorKind::invalid, "does not read as a sync base:");
    CHECK_REFUSED(read_sync_base("not json", "b"), ErrorKind::invalid, "is not a sync base of this kith");
    try {
        read_sync_base(text + "broken\tline\n", "b");
        FAIL("a broken line read");
    } catch (const Error& e) {
        CHECK(e.where().line == 4);
    }
}

TEST_CASE("sync vdir: a base of the first version reads, without stamps; stamps of another field table are dropped") {
    const SyncBase first = read_sync_base(
        R"({"cards": {"u-1": {"fields": {"title": ["Lead"]}, "file": "u-1.vcf", "gone": false}}, "kith_sync_vdir": 1})", "b");
    CHECK(decode_fields(first.at("u-1").fields).at("title") == std::vector<std::string>{"Lead"});
    CHECK_FALSE(first.at("u-1").card_stamp);
    SyncBase base;
    base["u-1"] = {"u-1.vcf", false, "{}", FileStamp{1, 2, 3, 4, 5}, "contacts/a.yaml", FileStamp{1, 2, 3, 4, 5}};
    std::string text = write_sync_base(base);
    text[text.find('\n') - 1] ^= 1;  // another signature in the header
    const SyncBase other = read_sync_base(text, "b");
    CHECK_FALSE(other.at("u-1").card_stamp);
    CHECK_FALSE(other.at("u-1").person_stamp);
}

TEST_CASE("sync vdir: a stamp is kept only when the file's last change is clearly before the run") {
    const FileStamp old{10, 100, 200, 1, 1};
    CHECK(trusted_stamp(old, 201) == old);
    CHECK_FALSE(trusted_stamp(old, 200));  // changed within the margin: a change in the same tick could keep it
    CHECK_FALSE(trusted_stamp(FileStamp{10, 300, 100, 1, 1}, 201));  // an mtime set into the future
    CHECK_FALSE(trusted_stamp(std::nullopt, 201));
}

TEST_CASE("sync vdir: a pair is quiet only when its card and its person both have the stamps of the base") {
    const FileStamp a{1, 1, 1, 1, 1}, b{2, 2, 2, 2, 2};
    SyncBase base;
    base["same"] = {"same.vcf", false, "{}", a, "contacts/same.yaml", a};
    base["card"] = {"card.vcf", false, "{}", a, "contacts/card.yaml", a};
    base["gone"] = {"gone.vcf", true, "{}", std::nullopt, "contacts/gone.yaml", a};
    base["unknown"] = {"unknown.vcf", false, "{}", std::nullopt, "contacts/unknown.yaml", a};
    SyncQuiet quiet(base, {{"same.vcf", a}, {"card.vcf", b}, {"unknown.vcf", a}});
    CHECK(quiet.person_quiet("contacts/same.yaml", a));
    CHECK_FALSE(quiet.person_quiet("contacts/card.yaml", a));  // the card changed
    CHECK(quiet.person_quiet("contacts/gone.yaml", a));        // its card still gone
    CHECK_FALSE(quiet.person_quiet("contacts/unknown.yaml", a));
    CHECK_FALSE(quiet.person_quiet("contacts/other.yaml", a));
    CHECK(quiet.uids() == std::set<std::string>{"gone", "same"});
    CHECK(quiet.card_quiet("same.vcf"));
    CHECK_FALSE(quiet.card_quiet("card.vcf"));
    SyncQuiet changed(base, {{"same.vcf", a}});
    CHECK_FALSE(changed.person_quiet("contacts/same.yaml", b));  // the person changed
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

}  // namespace unit_sync_vdir
