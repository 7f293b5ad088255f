#pragma once
// Typed reading of YamlValue trees, with located errors; shared by the contact and config readers.
#include <optional>
#include <string>
#include <vector>

#include "kith/base/dates.hpp"
#include "kith/yaml/yaml_reader.hpp"

namespace kith {

// Reads values of one file, naming it in every error.
class SchemaReader {
public:
    explicit SchemaReader(std::string path) : path_(std::move(path)) {}

    // Throws an invalid-file error at the value's place.
    [[noreturn]] void fail(const YamlValue& at, std::string message) const;

    // Returns the text of a scalar ("" for null); throws for lists and maps.
    std::string text(const YamlValue& value, const std::string& key) const;
    // Returns a list of texts; a lone scalar is a list of one.
    std::vector<std::string> text_list(const YamlValue& value, const std::string& key) const;
    // Returns a day written as YYYY-MM-DD; nullopt for null.
    std::optional<Day> day(const YamlValue& value, const std::string& key) const;
    // Returns a duration such as 2w; nullopt for null.
    std::optional<Duration> duration(const YamlValue& value, const std::string& key) const;
    // Returns a yearly day written as YYYY-MM-DD or --MM-DD; nullopt for null.
    std::optional<MonthDay> month_day(const YamlValue& value, const std::string& key) const;
    // Returns true/false (also yes/no, on/off); throws otherwise.
    bool boolean(const YamlValue& value, const std::string& key) const;
    // Throws unless the value is a map (or a null, which reads as empty).
    void expect_map(const YamlValue& value, const std::string& what) const;
    // Throws unless the value is a sequence (or a null, which reads as empty).
    void expect_sequence(const YamlValue& value, const std::string& key) const;

    const std::string& path() const { return path_; }

private:
    std::string path_;
};

}  // namespace kith
