// The file .kith/index: reading its name table and summaries, and bringing it up to date in
// place (new summaries appended, a new name table, the header last) or, when too much of it is
// dead, by writing it anew. Never flushed to disk, never a reason
// for a command to fail: any problem leaves the index as it was, or ignored.
#include "kith/store/index.hpp"
#include "kith/store/index_file.hpp"

#include <algorithm>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "kith/store/beneath_temp.hpp"
#include "kith/base/error.hpp"
#include "kith/model/layout.hpp"

namespace kith {
using beneath::Fd;
namespace {

// Reads exactly `size` bytes at `offset` into `out`; false on a short read or an error.
bool read_at(int fd, char* out, std::uint64_t offset, std::uint64_t size) {
    size_t done = 0;
    while (done < size) {
        const ssize_t n = ::pread(fd, out + done, size - done, static_cast<off_t>(offset + done));
        if (n <= 0) return false;
        done += static_cast<size_t>(n);
    }
    return true;
}

bool read_at(int fd, std::string& out, std::uint64_t offset, std::uint64_t size) {
    out.resize(size);
    return read_at(fd, out.data(), offset, size);
}

// Writes all of `bytes` at `offset`; false on any error.
bool write_at(int fd, std::string_view bytes, std::uint64_t offset) {
    size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::pwrite(fd, bytes.data() + done, bytes.size() - done, static_cast<off_t>(offset + done));
        if (n <= 0) return false;
        done += static_cast<size_t>(n);
    }
    return true;
}

// True when the folder has room for `bytes` more and 64 MiB to spare: the index never takes
// the space a real write needs.
bool room_for(int fd, std::uint64_t bytes) {
    struct statvfs space {};
    if (::fstatvfs(fd, &space) != 0) return false;
    const auto free_bytes = static_cast<unsigned long long>(space.f_bavail) * space.f_frsize;
    return free_bytes >= 2ULL * bytes + (64ULL << 20);
}

// The index: opened without following a link, -1 when it cannot be.
int open_index(const beneath::Root& root, int flags) {
    try {
        const beneath::Place at = beneath::place(root, layout::index_file, false, false);
        // Non-blocking: a pipe put there must not hang the open; anything but a regular file is no index.
        Fd fd(at.dir.ok() ? beneath::open_file(at, flags | O_NONBLOCK) : -1);
        struct stat info {};
        if (!fd.ok() || ::fstat(fd.get(), &info) != 0 || !S_ISREG(info.st_mode)) return -1;
        return fd.release();
    } catch (const Error&) {  // a link out, say: no index
        return -1;
    }
}

bool update_in_place(const beneath::Root& root, const IndexFile& old, std::uint64_t key, const std::vector<IndexRecord>& kept,
                     const std::vector<const NewSummary*>& fresh, const std::vector<IndexRecord>& fresh_records,
                     std::uint64_t dead);

}  // namespace

std::optional<IndexFile> read_index(const Folder& network, std::optional<std::uint64_t> key) {
    const auto fd = std::make_shared<Fd>(open_index(network.root(), O_RDONLY));
    if (!fd->ok()) return std::nullopt;
    // Read twice at most: a kith updating the index in place meanwhile makes the first read fail its checksum.
    for (int attempt = 0; attempt < 2; ++attempt) {
        std::string head;
        struct stat info {};
        if (!read_at(fd->get(), head, 0, index_header_size) || ::fstat(fd->get(), &info) != 0) return std::nullopt;
        const std::optional<IndexHeader> header = read_index_header(head);
        if (!header || (key && header->settings_key != *key)) return std::nullopt;
        // Nothing is allocated for a size the file does not have (a damaged header).
        if (header->names_at + header->names_size != static_cast<std::uint64_t>(info.st_size)) continue;
        if (header->names_size > max_index_bytes) return std::nullopt;
        std::optional<IndexFile> file(std::in_place);
        file->header = *header;
        file->names_bytes.reset(new char[header->names_size]);
        if (!read_at(fd->get(), file->names_bytes.get(), header->names_at, header->names_size)) continue;
        file->names = std::string_view(file->names_bytes.get(), header->names_size);
        auto records = read_name_table(*header, file->names);
        if (!records) continue;
        file->records = std::move(*records);
        // Summaries are read with pread, a stretch at a time, never mapped: a file cut short
        // by another program meanwhile is a short read (the file is read again), not a crash.
        // A name lookup reads none, but an update may copy them when it writes the index anew.
        file->read_bytes = [fd](std::uint64_t at, std::uint64_t size, std::string& out) {
            return read_at(fd->get(), out, at, size);
        };
        return file;
    }
    return std::nullopt;
}

void update_index(const Folder& network, const IndexFile* old, std::uint64_t key, const std::vector<IndexRecord>& kept,
                  const std::vector<const NewSummary*>& fresh) {
    try {
        // A kith stopped (Ctrl-C, a kill) while it wrote the index anew left its temp file: gone
        // now. One that another kith is writing right now only makes that kith skip its update.
        for (const auto& entry : beneath::list_folder(network.root(), layout::state))
            if (!entry.folder && entry.name.starts_with(".index.") && beneath::is_temp_name(layout::state, entry.name)) {
                const beneath::Place at = beneath::place(network.root(), layout::in_state(entry.name), false, false);
                if (at.dir.ok()) ::unlinkat(at.dir.get(), at.name.c_str(), 0);
            }
        // The fresh summaries are encoded once to learn their sizes and checksums, and again as
        // they are written: never all of them in memory at once.
        std::vector<std::string> akas;
        akas.reserve(fresh.size());
        std::vector<IndexRecord> fresh_records;
        fresh_records.reserve(fresh.size());
        std::uint64_t added = 0, kept_bytes = 0;
        for (const NewSummary* s : fresh) {
            akas.push_back(encode_aka(*s->summary));
            const std::string bytes = encode_summary(*s->summary);
            fresh_records.push_back(record_of(*s, akas.back(), added, bytes));  // `at` relative to the first
            added += bytes.size();
        }
        for (const IndexRecord& r : kept) kept_bytes += r.summary_size;
        // In place: the new summaries go where the old name table was, the new table after
        // them, the header last; what the old records held and the new ones do not is dead.
        if (old) {
            const std::uint64_t live_before = old->header.names_at - index_header_size - old->header.dead_bytes;
            const std::uint64_t dead = old->header.dead_bytes + (live_before - std::min(live_before, kept_bytes));
            const std::uint64_t names_at = old->header.names_at + added;
            // More than a quarter dead is written anew: the index stays within 4/3 of its compact size.
            const bool compact = dead > (names_at - index_header_size) / 4;
            if (!compact && update_in_place(network.root(), *old, key, kept, fresh, fresh_records, dead)) return;
        }
        // Anew: the kept summaries as they are, then the fresh ones, written piece by piece.
        std::vector<IndexRecord> records;
        records.reserve(kept.size() + fresh.size());
        std::uint64_t at_byte = index_header_size;
        for (IndexRecord r : kept) {
            r.summary_at = at_byte;
            at_byte += r.summary_size;
            records.push_back(r);
        }
        for (IndexRecord r : fresh_records) {
            r.summary_at += at_byte;
            records.push_back(r);
        }
        at_byte += added;
        const std::pair<IndexHeader, std::string> table = write_name_table(records, key, at_byte, 0);
        const std::string& names = table.second;  // a plain name: the writer below captures it
        const std::string head = write_index_header(table.first);
        if (!room_for(network.root().top().get(), at_byte + names.size())) return;
        network.make_state_folder();
        const beneath::Place at = beneath::place(network.root(), layout::index_file, false, true);
        size_t piece = 0;
        std::string encoded;
        const std::string temp = beneath::write_temp(
            at,
            [&]() -> std::optional<std::string_view> {
                const size_t k = piece++;
                if (k == 0) return std::string_view(head);
                if (k <= kept.size()) {
                    if (!old->read_bytes(kept[k - 1].summary_at, kept[k - 1].summary_size, encoded))
                        throw Error(ErrorKind::io, "the index changed while it was copied", Location{layout::index_file, 0, 0});
                    return std::string_view(encoded);
                }
                if (k <= kept.size() + fresh.size()) return std::string_view(encoded = encode_summary(*fresh[k - 1 - kept.size()]->summary));
                if (k == kept.size() + fresh.size() + 1) return std::string_view(names);
                return std::nullopt;
            },
            false);
        if (::renameat(at.dir.get(), temp.c_str(), at.dir.get(), at.name.c_str()) != 0)
            ::unlinkat(at.dir.get(), temp.c_str(), 0);
    } catch (const Error&) {
    }
}

namespace {

// The index brought up to date in place; false when it cannot be (then it is written anew).
bool update_in_place(const beneath::Root& root, const IndexFile& old, std::uint64_t key, const std::vector<IndexRecord>& kept,
                     const std::vector<const NewSummary*>& fresh, const std::vector<IndexRecord>& fresh_records,
                     std::uint64_t dead) {
    std::uint64_t added = 0;
    std::vector<IndexRecord> records(kept);
    for (IndexRecord r : fresh_records) {
        r.summary_at = old.header.names_at + added;
        records.push_back(r);
        added += r.summary_size;
    }
    const std::uint64_t names_at = old.header.names_at + added;
    auto [header, names] = write_name_table(records, key, names_at, dead);
    const Fd fd(open_index(root, O_RDWR));
    if (!fd.ok() || !room_for(fd.get(), added + names.size())) return false;
    // One updater at a time, and only over the index this kith read: another may have changed it since.
    if (::flock(fd.get(), LOCK_EX | LOCK_NB) != 0) return true;
    std::string head;
    if (!read_at(fd.get(), head, 0, index_header_size) || read_index_header(head) != old.header) return true;
    // The new summaries, encoded again as they are written, a stretch of about 1 MiB at a time.
    // A kith killed half-way leaves a header whose checksum fails: the next one rebuilds the index.
    std::string stretch;
    std::uint64_t at = old.header.names_at;
    const auto write_stretch = [&] {
        const bool written = write_at(fd.get(), stretch, at);
        at += stretch.size();
        stretch.clear();
        return written;
    };
    for (const NewSummary* summary : fresh) {
        stretch += encode_summary(*summary->summary);
        if (stretch.size() >= (size_t{1} << 20) && !write_stretch()) return false;
    }
    return write_stretch() && at == names_at && write_at(fd.get(), names, names_at) &&
           ::ftruncate(fd.get(), static_cast<off_t>(names_at + names.size())) == 0 &&
           write_at(fd.get(), write_index_header(header), 0);
}

}  // namespace

}  // namespace kith
