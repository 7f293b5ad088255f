#include "kith/store/store_index.hpp"

#include <algorithm>

#include "kith/base/parallel.hpp"
#include "kith/model/layout.hpp"
#include "kith/store/index_file.hpp"

namespace kith {

Index::Index(const Folder& network, const Config& config, bool covers_archive)
    : network_(network), key_(settings_key(config)), covers_archive_(covers_archive), file_(read_index(network, key_)) {
    if (file_) dropped_.assign(file_->records.size(), 0);
}

const IndexRecord* Index::look_up(const std::string& path, const std::optional<FileStamp>& stamp) {
    const IndexRecord* record = file_ && stamp ? file_->find(path) : nullptr;
    if (!record || record->stamp != *stamp) return nullptr;
    looked_up_.push_back(record);
    return record;
}

const IndexRecord* Index::last_known(std::string_view path) const { return file_ ? file_->find(path) : nullptr; }

bool Index::stands(std::optional<Day> newest_entry, std::optional<Day> today) {
    return !today || !newest_entry || *newest_entry <= *today;
}

Contact Index::names_of(const IndexRecord& record) {
    Contact c;
    c.path = std::string(record.path);
    c.slug = std::string(record.slug);
    c.name = std::string(record.name);
    c.aka = aka_of(record);
    c.archived = layout::in_archive(c.path);
    return c;
}

void Index::read_summaries(const std::vector<const IndexRecord*>& records,
                           const std::function<void(size_t, std::optional<Contact>)>& use) const {
    // In the order they lie in the file, a stretch at a time (one pread), decoded on all cores;
    // only one stretch's bytes are in memory at once.
    std::vector<size_t> order(records.size());
    for (size_t k = 0; k < order.size(); ++k) order[k] = k;
    std::sort(order.begin(), order.end(), [&](size_t x, size_t y) { return records[x]->summary_at < records[y]->summary_at; });
    constexpr size_t stretch = 1024;
    constexpr std::uint64_t most_bytes = std::uint64_t{16} << 20;  // else each summary is read alone
    std::string bytes;
    for (size_t from = 0; from < order.size(); from += stretch) {
        const size_t count = std::min(stretch, order.size() - from);
        const std::uint64_t low = records[order[from]]->summary_at;
        std::uint64_t high = 0;
        for (size_t k = 0; k < count; ++k) {
            const IndexRecord& r = *records[order[from + k]];
            high = std::max(high, r.summary_at + r.summary_size);
        }
        const bool in_one = high - low <= most_bytes && file_->read_bytes(low, high - low, bytes);
        if (!in_one) bytes.clear();
        run_parallel(count, [&](size_t k) {
            const IndexRecord& record = *records[order[from + k]];
            std::string alone;
            const bool read = in_one || file_->read_bytes(record.summary_at, record.summary_size, alone);
            const std::string_view from_file = in_one ? std::string_view(bytes).substr(record.summary_at - low, record.summary_size)
                                                      : std::string_view(alone);
            use(order[from + k], read ? read_summary(record, from_file) : std::nullopt);
        });
    }
}

void Index::drop(const IndexRecord& record) { dropped_[static_cast<size_t>(&record - file_->records.data())] = 1; }

std::unique_ptr<NewSummary> Index::summarize(Contact& contact, const FileStamp& stamp, bool whole, std::optional<Day> today) {
    auto summary = std::make_unique<NewSummary>();
    summary->stamp = stamp;
    summary->newest_entry = newest_entry(contact);
    if (whole || !stands(summary->newest_entry, today)) {  // the full contact is kept: the summary beside it
        summary->held = std::make_unique<Contact>(contact);
        reduce_to_summary(*summary->held);
        summary->summary = summary->held.get();
    } else {
        reduce_to_summary(contact);
        summary->summary = &contact;
    }
    return summary;
}

void Index::record(const NewSummary& summary) { fresh_.push_back(&summary); }

void Index::flush() {
    std::vector<IndexRecord> kept;
    for (const IndexRecord* record : looked_up_)
        if (!dropped_[static_cast<size_t>(record - file_->records.data())]) kept.push_back(*record);
    // Archived people stay in it even when the reading did not list them, so that they stay warm.
    if (file_ && !covers_archive_)
        for (const IndexRecord& record : file_->records)
            if (layout::in_archive(record.path)) kept.push_back(record);
    if (!file_ || !fresh_.empty() || kept.size() != file_->records.size())
        update_index(network_, file_ ? &*file_ : nullptr, key_, kept, fresh_);
}

}  // namespace kith
