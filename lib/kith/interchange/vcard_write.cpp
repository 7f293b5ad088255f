#include "kith/interchange/vcard_write.hpp"

#include <fmt/format.h>

#include "kith/base/hash.hpp"
#include "kith/interchange/ics.hpp"

namespace kith {

// vCard escapes text as iCalendar does (RFC 6350 3.4, RFC 5545 3.3.11).
std::string vcard_escape(std::string_view text) { return ics_escape(text); }

// vCard (RFC 6350, 3.2) folds lines exactly as iCalendar does.
std::string vcard_fold(std::string_view line) { return ics_fold(line); }

std::string stable_uid(std::string_view seed) {
    const std::uint64_t a = hash_bytes(std::string("kith-uid-a:").append(seed));
    const std::uint64_t b = hash_bytes(std::string("kith-uid-b:").append(seed));
    // Shaped as a version-5 (name-based) UUID, so strict readers accept it.
    return fmt::format("urn:uuid:{:08x}-{:04x}-{:04x}-{:04x}-{:012x}", a >> 32, (a >> 16) & 0xFFFF,
                       0x5000 | (a & 0x0FFF), 0x8000 | ((b >> 48) & 0x3FFF), b & 0xFFFFFFFFFFFFULL);
}

std::string render_card(const std::vector<VcardProperty>& properties, int version) {
    std::string out = "BEGIN:VCARD\r\n";
    out += version == 3 ? "VERSION:3.0\r\n" : "VERSION:4.0\r\n";
    for (const auto& p : properties) out += render_property(p);
    return out + "END:VCARD\r\n";
}

std::string render_property(const VcardProperty& p) {
    std::string line = p.group.empty() ? p.name : p.group + "." + p.name;
    for (const auto& [name, value] : p.params) line += ";" + name + "=" + value;
    line += ":" + p.value;
    return vcard_fold(line);
}

}  // namespace kith
