// libFuzzer target: date and duration parsing. Nothing crashes or overflows (the sanitizers
// watch), and what parses formats back to the same text and parses again to the same value.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "kith/base/dates.hpp"
#include "kith/base/error.hpp"

namespace {

void require(bool condition) {
    if (!condition) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    if (const auto day = kith::parse_iso_day(text)) {
        require(kith::format_day(*day) == text);  // strict: only YYYY-MM-DD parses
        require(kith::parse_iso_day(kith::format_day(*day)) == day);
    }
    if (const auto duration = kith::parse_duration(text)) {
        require(kith::parse_duration(duration->text()) == duration);
        const kith::Day today = *kith::parse_iso_day("2026-11-28");
        try {
            (void)kith::add_duration(today, *duration, 1);
            (void)kith::add_duration(today, *duration, -1);
        } catch (const kith::Error&) {
        }
    }
    if (const auto md = kith::parse_month_day(text)) {
        require(kith::parse_month_day(kith::format_month_day(*md)) == md);
        (void)kith::next_yearly(*md, *kith::parse_iso_day("2026-11-28"));
    }
    const kith::Day today = *kith::parse_iso_day("2026-11-28");
    for (const auto direction : {kith::Direction::past, kith::Direction::future}) {
        try {
            const kith::Day day = kith::parse_cli_day(text, today, direction);
            require(kith::parse_iso_day(kith::format_day(day)) == day);
        } catch (const kith::Error&) {
        }
    }
    return 0;
}
