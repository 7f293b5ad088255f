#include "kith/query/excerpt.hpp"

#include <vector>

#include "kith/base/text.hpp"

namespace kith {

std::string match_excerpt(const std::string& text, const std::string& needle, size_t context) {
    std::vector<std::string> words;
    size_t start = 0;
    while (start < text.size()) {
        const size_t end = std::min(text.find_first_of(" \t\r\n", start), text.size());
        if (end > start) words.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    // The folded words joined by one space, and where each word starts in that.
    std::string folded;
    std::vector<size_t> starts;
    for (const auto& word : words) {
        if (!folded.empty()) folded += ' ';
        starts.push_back(folded.size());
        folded += fold(word);
    }
    std::string wanted;
    for (size_t i = 0; i < needle.size(); ++i)  // blanks in the needle as one space
        if (std::string(" \t\r\n").find(needle[i]) == std::string::npos) wanted += needle[i];
        else if (!wanted.empty() && wanted.back() != ' ') wanted += ' ';
    const size_t at = wanted.empty() ? std::string::npos : folded.find(fold(wanted));
    size_t first = 0, last = words.empty() ? 0 : words.size() - 1;
    if (at != std::string::npos) {
        size_t hit = 0, hit_end = 0;
        for (size_t i = 0; i < starts.size(); ++i) {
            if (starts[i] <= at) hit = i;
            if (starts[i] < at + fold(wanted).size()) hit_end = i;
        }
        first = hit > context ? hit - context : 0;
        last = std::min(words.size() - 1, hit_end + context);
    }
    std::string out = first > 0 ? "…" : "";
    for (size_t i = first; i <= last && i < words.size(); ++i) out += (i > first ? " " : "") + words[i];
    if (last + 1 < words.size()) out += "…";
    return out;
}

}  // namespace kith
