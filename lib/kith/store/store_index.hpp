#pragma once
// The index of a network (.kith/index) as a reading of the network asks it, and the one owner of
// its policy: what it holds of a file stands while the file's stamp and the parsed settings are
// the same (and, for a summary, on any day from the file's newest entry on); a file parsed
// afresh is summarized for it; what changed is written at the flush, in place or anew
// (index_file). Derived data: a missing, stale, foreign or corrupt index is ignored and
// rebuilt, and it never makes a command fail.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kith/store/folder.hpp"
#include "kith/store/index.hpp"

namespace kith {

// One reading's view of the index: look up each file by path and stamp, record the summary of
// each file parsed, drop what did not check out, then flush.
class Index {
public:
    // Opens the index of `network` for these settings. `covers_archive` says whether the reading
    // lists archive/: when it does not, the archived people's records are kept as they are.
    Index(const Folder& network, const Config& config, bool covers_archive);

    // Returns true when an index for these settings was read.
    bool present() const { return file_.has_value(); }
    // Returns what the index holds of the file at `path` when its stamp is still `stamp` (never
    // for a link, which has none), or nullptr. The record is kept at the flush unless dropped.
    const IndexRecord* look_up(const std::string& path, const std::optional<FileStamp>& stamp);
    // Returns what the index last held of `path`, its stamp unchecked (completion, which stats
    // no file), or nullptr.
    const IndexRecord* last_known(std::string_view path) const;
    // Returns true when a summary stands for its file on `today`: on any day from the file's newest
    // entry on, and on every day when no day is given.
    static bool stands(std::optional<Day> newest_entry, std::optional<Day> today);
    // Returns the path, slug, name, aka and folder of a record, from the name table alone.
    static Contact names_of(const IndexRecord& record);
    // Reads the summaries of these records (looked up here), in the order they lie in the file, a
    // stretch at a time, and hands each to `use` with its place in `records`, on all cores;
    // nullopt for one whose bytes do not check out (then drop it, and read its file).
    void read_summaries(const std::vector<const IndexRecord*>& records,
                        const std::function<void(size_t, std::optional<Contact>)>& use) const;
    // Drops a record looked up: its file did not read, or its summary did not check out. Safe to
    // call from several threads for different records.
    void drop(const IndexRecord& record);
    // Makes the summary of a file just parsed, whose stamp was `stamp`. When `whole`, or when the
    // summary does not stand for it on `today`, the summary is a reduced copy and `contact` stays
    // whole; else `contact` itself is reduced to it (keep it where it is until the flush).
    static std::unique_ptr<NewSummary> summarize(Contact& contact, const FileStamp& stamp, bool whole,
                                                 std::optional<Day> today);
    // Records a fresh summary (kept by the caller until the flush), in the order they are to lie.
    void record(const NewSummary& summary);
    // Writes the index when what it holds changed: a fresh summary, a record dropped, a file gone
    // (a record not looked up, but in a folder the reading did not list). Never throws.
    void flush();

private:
    const Folder& network_;
    std::uint64_t key_;
    bool covers_archive_;
    std::optional<IndexFile> file_;
    std::vector<const IndexRecord*> looked_up_;  // in the order of the lookups
    std::vector<char> dropped_;                  // by place in file_->records
    std::vector<const NewSummary*> fresh_;
};

}  // namespace kith
