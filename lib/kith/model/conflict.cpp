#include "kith/model/conflict.hpp"

#include "kith/model/contact_file.hpp"
#include "kith/base/error.hpp"
#include "kith/yaml/conflict_markers.hpp"
#include "kith/yaml/yaml_guard.hpp"
#include "kith/yaml/yaml_reader.hpp"
#include "kith/model/layout.hpp"

namespace kith {

std::string name_line(std::string_view bytes, const std::string& path) {
    for (size_t start = 0; start < bytes.size();) {
        const size_t end = std::min(bytes.find('\n', start), bytes.size());
        const std::string_view line = bytes.substr(start, end - start);
        start = end + 1;
        if (!line.starts_with("name:")) continue;
        try {
            const YamlValue root = read_yaml(line, path);
            const YamlValue* name = root.find("name");
            if (name && name->kind == YamlValue::Kind::scalar) return name->text;
        } catch (const Error&) {
        }
    }
    return "";
}

std::optional<Contact> read_conflicted_contact(std::string_view bytes, const std::string& path, const Config& config) {
    const int line = conflict_marker_line(bytes);
    if (line == 0) return std::nullopt;
    Contact contact;
    bool read = false;
    for (const bool ours : {true, false}) {
        try {
            contact = parse_contact(pick_conflict_side(bytes, ours), path, config);
            read = true;
            break;
        } catch (const Error&) {
        }
    }
    const size_t slash = path.rfind('/');
    const std::string file = path.substr(slash == std::string::npos ? 0 : slash + 1);
    if (!read) {
        contact = Contact{};
        contact.path = path;
        contact.name = name_line(bytes, path);
    }
    contact.slug = file.ends_with(".yaml") ? file.substr(0, file.size() - 5) : file;
    if (contact.name.empty()) contact.name = contact.slug;
    contact.archived = layout::in_archive(path);
    contact.conflict_line = line;
    return contact;
}

void refuse_conflicted(const Contact& contact) {
    if (contact.conflict_line) fail_conflict(contact.path, contact.conflict_line);
}

}  // namespace kith
