#include "kith/sync/sync_mail_address.hpp"

#include <algorithm>

namespace kith {
namespace {

// One lexical piece of an address list.
struct Token {
    enum Kind { word, quoted, angle, special } kind;
    std::string text;  // a word or quoted string's content (unquoted), an angle's inside, a special char
};

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Reads a quoted string from `at` (on the opening quote); returns its content, backslashes undone.
std::string read_quoted(std::string_view text, size_t& at) {
    std::string out;
    for (++at; at < text.size() && text[at] != '"'; ++at) {
        if (text[at] == '\\' && at + 1 < text.size()) ++at;
        out += text[at];
    }
    ++at;
    return out;
}

// Skips a comment, nested ones included, from `at` (on the opening parenthesis).
void skip_comment(std::string_view text, size_t& at) {
    int depth = 0;
    for (; at < text.size(); ++at) {
        if (text[at] == '\\') ++at;
        else if (text[at] == '(') ++depth;
        else if (text[at] == ')' && --depth == 0) break;
    }
    ++at;
}

std::vector<Token> tokenize(std::string_view text) {
    std::vector<Token> tokens;
    size_t at = 0;
    while (at < text.size()) {
        const char c = text[at];
        if (is_blank(c)) {
            ++at;
        } else if (c == '"') {
            tokens.push_back({Token::quoted, read_quoted(text, at)});
        } else if (c == '(') {
            skip_comment(text, at);
        } else if (c == '<') {
            const size_t close = text.find('>', at);
            const size_t end = close == std::string_view::npos ? text.size() : close;
            tokens.push_back({Token::angle, std::string(text.substr(at + 1, end - at - 1))});
            at = end + 1;
        } else if (c == ',' || c == ':' || c == ';' || c == '@' || c == '.') {
            tokens.push_back({Token::special, std::string(1, c)});
            ++at;
        } else {
            const size_t start = at;
            while (at < text.size() && !is_blank(text[at]) && std::string_view("\"(<,:;@.>").find(text[at]) == std::string_view::npos)
                ++at;
            if (at == start) ++at;  // a stray '>'
            else tokens.push_back({Token::word, std::string(text.substr(start, at - start))});
        }
    }
    return tokens;
}

// The addr-spec spelled by a run of tokens: words, quoted strings, dots and `@`, without blanks.
std::string spell(const std::vector<Token>& tokens, size_t from, size_t to) {
    std::string out;
    for (size_t i = from; i < to; ++i) out += tokens[i].text;
    return out;
}

// The address of one mailbox: the last angle's inside when there is one, else its words spelled.
std::string mailbox_key(const std::vector<Token>& tokens, size_t from, size_t to) {
    for (size_t i = to; i-- > from;) {
        if (tokens[i].kind != Token::angle) continue;
        std::string_view inside = tokens[i].text;
        if (!inside.empty() && inside[0] == '@') {  // an obsolete route: @a,@b:local@domain
            const size_t colon = inside.find(':');
            inside = colon == std::string_view::npos ? std::string_view() : inside.substr(colon + 1);
        }
        const std::vector<Token> spec = tokenize(inside);
        return address_key(spell(spec, 0, spec.size()));
    }
    return address_key(spell(tokens, from, to));
}

}  // namespace

std::string address_key(std::string_view address) {
    while (!address.empty() && is_blank(address.front())) address.remove_prefix(1);
    while (!address.empty() && is_blank(address.back())) address.remove_suffix(1);
    const size_t at = address.rfind('@');
    if (at == std::string_view::npos || at == 0 || at + 1 == address.size()) return "";
    std::string local(address.substr(0, at));
    if (local.size() >= 2 && local.front() == '"' && local.back() == '"') {
        size_t from = 0;
        local = read_quoted(local, from);
    }
    std::string domain(address.substr(at + 1));
    for (char& c : domain)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return local + "@" + domain;
}

std::vector<std::string> address_keys(std::string_view header) {
    const std::vector<Token> tokens = tokenize(header);
    std::vector<std::string> keys;
    size_t start = 0;
    const auto close = [&](size_t end) {
        if (end > start) {
            std::string key = mailbox_key(tokens, start, end);
            if (!key.empty()) keys.push_back(std::move(key));
        }
        start = end + 1;
    };
    for (size_t i = 0; i < tokens.size(); ++i) {
        const Token& t = tokens[i];
        if (t.kind != Token::special) continue;
        if (t.text == "," || t.text == ";") close(i);
        else if (t.text == ":") start = i + 1;  // a group's name: its members follow
    }
    close(tokens.size());
    return keys;
}

PeopleByAddress people_by_address(const std::vector<Contact>& people) {
    PeopleByAddress by_address;
    for (size_t who = 0; who < people.size(); ++who) {
        for (const std::string& address : people[who].email) {
            const std::string key = address_key(address);
            if (key.empty()) continue;
            std::vector<size_t>& list = by_address[key];
            if (std::find(list.begin(), list.end(), who) == list.end()) list.push_back(who);
        }
    }
    return by_address;
}

}  // namespace kith
