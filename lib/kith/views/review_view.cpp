#include "kith/views/review_view.hpp"

#include <algorithm>
#include <map>

#include "kith/base/table.hpp"
#include "kith/base/text.hpp"
#include "kith/views/due_view.hpp"

namespace kith {
namespace {

// What one due item asks for, in a line of the card.
std::string what_is_due(const DueItem& item) {
    const std::string when = describe_overdue(item.overdue);
    switch (item.what) {
        case DueKind::contact: return "get in touch: " + when;
        case DueKind::followup: return "follow-up, " + when + ": " + item.detail;
        case DueKind::birthday:
        case DueKind::date: return item.detail + ", " + when;
    }
    return when;
}

// Adds "  label  text" to the card, the text wrapped under itself.
void line(std::string& out, const std::string& label, const std::string& text, int width) {
    if (text.empty()) return;
    const std::vector<std::string> parts = width > 0 ? wrap_words(visible(text), std::max(width - 13, 20))
                                                     : std::vector<std::string>{visible(text)};
    for (size_t i = 0; i < parts.size(); ++i) out += "  " + pad_right(i ? "" : label, 11) + parts[i] + "\n";
}

}  // namespace

std::vector<ReviewStop> review_stops(const std::vector<DueItem>& items, size_t limit) {
    std::map<const Contact*, ReviewStop> by_person;
    for (const DueItem& item : items) {
        ReviewStop& stop = by_person[item.contact];
        if (stop.items.empty() || item.overdue > stop.most_overdue) stop.most_overdue = item.overdue;
        stop.contact = item.contact;
        stop.items.push_back(item);
    }
    std::vector<ReviewStop> stops;
    for (auto& [contact, stop] : by_person) {
        std::stable_sort(stop.items.begin(), stop.items.end(),
                         [](const DueItem& a, const DueItem& b) { return a.overdue > b.overdue; });
        stops.push_back(std::move(stop));
    }
    std::sort(stops.begin(), stops.end(), [](const ReviewStop& a, const ReviewStop& b) {
        return a.most_overdue != b.most_overdue ? a.most_overdue > b.most_overdue : a.contact->slug < b.contact->slug;
    });
    if (limit > 0 && stops.size() > limit) stops.resize(limit);
    return stops;
}

std::string render_review_card(const ReviewStop& stop, const Config& config, size_t number, size_t total, int width) {
    const Contact& c = *stop.contact;
    const std::string heading = std::to_string(number) + " of " + std::to_string(total) + "  " + visible(c.name) + " (" +
                                visible(c.slug) + ")";
    std::string out;
    for (const auto& part : width > 0 ? wrap_words(heading, width) : std::vector<std::string>{heading}) out += part + "\n";
    const std::string work = c.title + (!c.title.empty() && !c.org.empty() ? ", " : "") + c.org;
    line(out, "works", work, width);
    const ContactStatus& status = stop.items.front().status;
    line(out, "tier", tier_of(c, config) + ", every " + status.cadence.text(), width);
    line(out, "last", describe_last(status), width);
    for (const DueItem& item : stop.items) line(out, "due", what_is_due(item), width);
    return out;
}

}  // namespace kith
