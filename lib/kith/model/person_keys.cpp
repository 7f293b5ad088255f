#include "kith/model/person_keys.hpp"

#include "kith/base/text.hpp"

namespace kith {

std::string email_key(const std::string& email) {
    std::string out = fold(email);
    const size_t start = out.find_first_not_of(" \t");
    if (start == std::string::npos) return "";
    return out.substr(start, out.find_last_not_of(" \t") - start + 1);
}

std::string url_key(std::string url) {
    url = fold(url);
    if (const size_t scheme = url.find("://"); scheme != std::string::npos) url.erase(0, scheme + 3);
    if (url.rfind("www.", 0) == 0) url.erase(0, 4);
    while (!url.empty() && url.back() == '/') url.pop_back();
    return url;
}

std::string phone_key(const std::string& phone) {
    std::string out;
    for (char c : phone) {
        if (c >= '0' && c <= '9') out += c;
        else if (c == '+' && out.empty()) out += c;
    }
    const size_t digits = out.size() - (out.starts_with('+') ? 1 : 0);
    return digits < 6 ? "" : out;
}

std::string name_key(const std::string& name) {
    std::string out;
    for (char c : fold_to_ascii(name)) {
        const bool blank = c == ' ' || c == '\t' || c == '.' || c == ',';
        if (blank && (out.empty() || out.back() == ' ')) continue;
        out += blank ? ' ' : c;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

}  // namespace kith
