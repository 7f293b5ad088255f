#pragma once
// The index's bytes (index.hpp, index_summary.hpp): the one writer and its mirror, the reader,
// which checks every length and count against the bytes left.
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kith/base/dates.hpp"

namespace kith::index_bytes {

// Appends fixed-width numbers (8 bytes, the machine's order), strings with their length and
// lists with their count: the bytes of every part of the index.
class Writer {
public:
    void u64(std::uint64_t v) { out_.append(reinterpret_cast<const char*>(&v), sizeof v); }
    void i64(std::int64_t v) { u64(static_cast<std::uint64_t>(v)); }
    void str(std::string_view s) {
        u64(s.size());
        out_ += s;
    }
    void strings(const std::vector<std::string>& v) {
        u64(v.size());
        for (const auto& s : v) str(s);
    }
    void day(Day d) { i64(d.time_since_epoch().count()); }
    void optional_day(const std::optional<Day>& d) {
        u64(d ? 1 : 0);
        if (d) day(*d);
    }
    void month_day(const MonthDay& md) {
        u64(md.month);
        u64(md.day);
        u64(md.year ? 1 : 0);
        i64(md.year.value_or(0));
    }
    // A count, then each item as `one` writes it.
    template <class T, class One>
    void items(const std::vector<T>& all, One one) {
        u64(all.size());
        for (const T& item : all) one(item);
    }
    // Writes a value as Reader::code reads it back: one codec of a contact serves both ways.
    void code(bool v) { u64(v ? 1 : 0); }
    void code(const int& v) { i64(v); }
    void code(const std::string& v) { str(v); }
    void code(const std::vector<std::string>& v) { strings(v); }
    void code(const Day& v) { day(v); }
    void code(const std::optional<Day>& v) { optional_day(v); }
    void code(const MonthDay& v) { month_day(v); }
    void code(const std::optional<MonthDay>& v) {
        u64(v ? 1 : 0);
        if (v) month_day(*v);
    }
    void code(const std::optional<Duration>& v) {
        u64(v ? 1 : 0);
        i64(v ? v->count : 0);
        u64(v ? static_cast<std::uint64_t>(v->unit) : 0);
    }
    void raw(std::string_view s) { out_ += s; }
    std::string take() { return std::move(out_); }

private:
    std::string out_;
};

// Reads what Writer wrote; any overrun or absurd value marks the reader failed.
class Reader {
public:
    explicit Reader(std::string_view in) : in_(in) {}
    bool failed() const { return failed_; }
    void reject() { fail(); }
    bool done() const { return at_ == in_.size(); }

    std::uint64_t u64() {
        if (failed_ || in_.size() - at_ < 8) return fail();
        std::uint64_t v = 0;
        std::memcpy(&v, in_.data() + at_, 8);
        at_ += 8;
        return v;
    }
    std::int64_t i64() { return static_cast<std::int64_t>(u64()); }
    std::string str() {
        const std::uint64_t n = u64();
        if (failed_ || n > in_.size() - at_) return fail(), std::string();
        std::string s(in_.substr(at_, n));
        at_ += n;
        return s;
    }
    std::string_view view() {
        const std::uint64_t n = u64();
        if (failed_ || n > in_.size() - at_) return fail(), std::string_view();
        const std::string_view s = in_.substr(at_, n);
        at_ += n;
        return s;
    }
    // The bytes of a list of strings, checked but not copied.
    std::string_view strings_view() {
        const size_t from = at_;
        for (std::uint64_t i = 0, n = count(); i < n && !failed_; ++i) view();
        return failed_ ? std::string_view() : in_.substr(from, at_ - from);
    }
    std::vector<std::string> strings() {
        const std::uint64_t n = count();
        std::vector<std::string> v;
        for (std::uint64_t i = 0; i < n && !failed_; ++i) v.push_back(str());
        return v;
    }
    // A count of items, each at least 8 bytes: more than the bytes left is corruption.
    std::uint64_t count() {
        const std::uint64_t n = u64();
        if (n > (in_.size() - at_) / 8) return fail();
        return n;
    }
    // A count, then each item as `one` reads it.
    template <class T, class One>
    void items(std::vector<T>& all, One one) {
        for (std::uint64_t i = 0, n = count(); i < n && !failed_; ++i) one(all.emplace_back());
    }
    Day day() { return Day{date::days{static_cast<int>(i64())}}; }
    std::optional<Day> optional_day() {
        if (u64() == 0) return std::nullopt;
        return day();
    }
    MonthDay month_day() {
        MonthDay md;
        md.month = static_cast<unsigned>(u64());
        md.day = static_cast<unsigned>(u64());
        const bool has_year = u64() != 0;
        const auto year = i64();
        if (has_year) md.year = static_cast<int>(year);
        if (md.month < 1 || md.month > 12 || md.day < 1 || md.day > 31) fail();
        return md;
    }
    // Reads into a value what Writer::code wrote of it; a duration only as a file can hold it.
    void code(bool& v) { v = u64() != 0; }
    void code(int& v) { v = static_cast<int>(i64()); }
    void code(std::string& v) { v = str(); }
    void code(std::vector<std::string>& v) { v = strings(); }
    void code(Day& v) { v = day(); }
    void code(std::optional<Day>& v) { v = optional_day(); }
    void code(MonthDay& v) { v = month_day(); }
    void code(std::optional<MonthDay>& v) {
        if (u64() != 0) v = month_day();
    }
    void code(std::optional<Duration>& v) {
        const bool has = u64() != 0;
        const Duration d{static_cast<int>(i64()), static_cast<char>(u64())};
        if (!has) return;
        if (parse_duration(d.text()) != d) fail();
        v = d;
    }

private:
    std::uint64_t fail() {
        failed_ = true;
        at_ = in_.size();
        return 0;
    }
    std::string_view in_;
    size_t at_ = 0;
    bool failed_ = false;
};

}  // namespace kith::index_bytes
