// kith export writes a network a chunk of files at a time through ExportStream: its text must
// be what the render_* functions give for all the contacts at once.
#include <doctest/doctest.h>

#include <sstream>

#include "generated.hpp"
#include "kith/interchange/export.hpp"

// The file's own namespace: its helpers stay its own in a unity build.
namespace unit_export_stream {

using namespace kith;

namespace {

std::string streamed(const std::vector<Contact>& contacts, const std::string& format, int version = 4) {
    ExportStream stream(format, version, default_config(), *parse_iso_day("2026-11-28"));
    std::ostringstream out;
    for (const auto& c : contacts) stream.add(c, out);
    stream.finish(out);
    return out.str();
}

}  // namespace

TEST_CASE("export stream: vCard, CSV, JSON and ics as when rendered at once, on a generated network") {
    const Day today = *parse_iso_day("2026-11-28");
    for (size_t people : {size_t{0}, size_t{1}, size_t{2}, size_t{300}}) {
        CAPTURE(people);
        const std::vector<Contact> contacts = test::generated_network(11, people);
        CHECK(streamed(contacts, "vcard") == render_vcards(contacts, 4));
        CHECK(streamed(contacts, "vcard", 3) == render_vcards(contacts, 3));
        CHECK(streamed(contacts, "csv") == render_contacts_csv(contacts));
        CHECK(streamed(contacts, "json") == render_contacts_json(contacts));
        const std::string ics = streamed(contacts, "ics");
        CHECK(ics == render_export_ics(contacts, default_config(), today));
        // The calendar keeps only the last contact of each person: a later entry, a closed
        // follow-up or a note would show if it kept more.
        if (people == 300) CHECK(ics.find("BEGIN:VTODO") != std::string::npos);
    }
}

}  // namespace unit_export_stream
