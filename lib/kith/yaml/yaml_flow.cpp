#include "kith/yaml/yaml_flow.hpp"

#include <algorithm>

#include "kith/yaml/yaml_line_syntax.hpp"

namespace kith::yaml_lines {

FlowMap read_flow_map(std::string_view body, size_t open) {
    FlowMap map;
    int depth = 0;
    char previous = '{';
    FlowEntry entry;
    size_t token = std::string_view::npos;  // where the current key or value starts, at depth 1
    bool in_value = false;
    const auto finish = [&](size_t at) {
        if (in_value) {
            size_t end = at;
            while (end > entry.value_start && (body[end - 1] == ' ' || body[end - 1] == '\t')) --end;
            entry.value_end = std::max(end, entry.value_start);
            map.entries.push_back(entry);
        }
        entry = {};
        in_value = false;
        token = std::string_view::npos;
    };
    for (size_t i = open; i < body.size(); ++i) {
        const char c = body[i];
        if ((c == '"' || c == '\'') && std::string_view("{,:[").find(previous) != std::string_view::npos) {
            if (depth == 1 && token == std::string_view::npos) token = i;
            const size_t end = skip_quoted(body, i);
            if (end == std::string_view::npos) return map;
            i = end - 1;
            previous = '"';  // a closed quoted scalar: a ':' right after it is an indicator ("a":b)
            continue;
        }
        if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            if (--depth == 0) {
                finish(i);
                map.close = i;
                return map;
            }
        } else if (depth == 1 && c == ',') {
            finish(i);
        } else if (c == ':' && previous != '"' && previous != '}' && previous != ']' && i + 1 < body.size() &&
                   std::string_view(" \t,}]").find(body[i + 1]) == std::string_view::npos) {
            previous = 'a';  // "d8':'x" is plain text: its ':' opens no value, its quotes no scalar
            if (depth == 1 && token == std::string_view::npos) token = i;
            continue;
        } else if (depth == 1 && c == ':' && !in_value) {
            std::string_view key = token == std::string_view::npos ? "" : body.substr(token, i - token);
            while (!key.empty() && (key.back() == ' ' || key.back() == '\t')) key.remove_suffix(1);
            if (key.size() >= 2 && (key[0] == '"' || key[0] == '\'')) {
                const char quote = key[0];
                key = key.substr(1, key.size() - 2);
                entry.escaped = key.find(quote == '"' ? "\\" : "''") != std::string_view::npos;
            }
            entry.key = std::string(key);
            entry.value_start = body.find_first_not_of(" \t", i + 1);
            if (entry.value_start == std::string_view::npos) entry.value_start = body.size();
            in_value = true;
        } else if (depth == 1 && c != ' ' && c != '\t' && token == std::string_view::npos) {
            token = i;
        }
        if (c != ' ' && c != '\t') previous = c == '"' || c == '\'' ? 'a' : c;
    }
    return map;
}

size_t flow_list_close(std::string_view body, size_t open) {
    int depth = 0;
    bool value_starts = true;
    for (size_t i = open; i < body.size(); ++i) {
        const char c = body[i];
        if (c == ' ' || c == '\t') continue;
        if ((c == '"' || c == '\'') && value_starts) {
            const size_t end = skip_quoted(body, i);
            if (end == std::string_view::npos) return std::string_view::npos;
            i = end - 1;
            value_starts = false;
        } else if (c == '[' || c == '{') {
            ++depth;
            value_starts = true;
        } else if (c == ']' || c == '}') {
            if (--depth == 0) return c == ']' ? i : std::string_view::npos;
            value_starts = false;
        } else if (c == ',' || c == ':') {
            value_starts = true;
        } else if (c == '#' && i > 0 && (body[i - 1] == ' ' || body[i - 1] == '\t')) {
            return std::string_view::npos;  // a comment before the list closes
        } else {
            value_starts = false;
        }
    }
    return std::string_view::npos;
}

size_t flow_entry_end(std::string_view line, size_t at) {
    int depth = 0;
    bool token_start = true;  // a quote opens a quoted text only where a value starts
    size_t end = at;
    while (at < line.size()) {
        const char c = line[at];
        if ((c == '"' || c == '\'') && token_start) {
            at = skip_quoted(line, at);
            if (at == std::string_view::npos) return at;
            end = at;
            token_start = false;
            continue;
        }
        if (c == '#' && at > 0 && (line[at - 1] == ' ' || line[at - 1] == '\t')) return std::string_view::npos;
        if ((c == ']' || c == '}') && depth == 0) break;
        if (c == ',' && depth == 0) break;
        if (c == '[' || c == '{') ++depth;
        if (c == ']' || c == '}') --depth;
        token_start = c == '[' || c == '{' || c == ',' || (c == ':' && at + 1 < line.size() && line[at + 1] == ' ') ||
                      ((c == ' ' || c == '\t') && token_start);
        if (c != ' ' && c != '\t') end = at + 1;
        ++at;
    }
    return at < line.size() ? end : std::string_view::npos;
}

}  // namespace kith::yaml_lines
