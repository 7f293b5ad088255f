#pragma once
// The base of `kith sync vdir`: per UID, what the vdir and the network agreed on after the last
// sync, the stamps of both files then (so that a pair unchanged since is not read again), and
// its file in .kith/.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kith/store/beneath.hpp"
#include "kith/sync/sync_vdir_view.hpp"

namespace kith {

// What the base keeps of one UID: its file in the vdir, whether that card was deleted there
// (and so is never written again), the fields both sides agreed on, and the person's file.
// The stamps are those of the card and of the person's file as read when they agreed; nullopt
// when either was written by that sync or may still change unseen (see trusted_stamp).
struct SyncBaseEntry {
    std::string file;
    bool gone = false;
    std::string fields;  // the agreed SyncView, encoded (decoded only for the pairs a sync reads)
    std::optional<FileStamp> card_stamp;
    std::string person;  // the person's file, from the network's root ("" when unknown)
    std::optional<FileStamp> person_stamp;
};

// The base of one vdir, by UID.
using SyncBase = std::map<std::string, SyncBaseEntry>;

// Returns a view encoded as SyncBaseEntry::fields keeps it.
std::string encode_fields(const SyncView& view);
// Returns the view SyncBaseEntry::fields holds. Throws an invalid Error when it does not read.
SyncView decode_fields(std::string_view fields);

// Returns the base as the bytes of its file: a header line, then one line per UID in order
// (the same base, the same bytes).
std::string write_sync_base(const SyncBase& base);
// Reads a base file (also the first version's JSON, which has no stamps); throws an invalid
// Error naming `path` when it does not read. Stamps recorded under another table of synced
// fields are dropped: every pair is then read again.
SyncBase read_sync_base(std::string_view bytes, const std::string& path);

// Returns the stamp to keep of a file read in this run, or nullopt when the stamp cannot vouch
// for the file: its last change (ctime) is not clearly before `settled_ns`, the time the run
// started less a margin, so that a later write within the same tick of the file system's clock,
// of the same size, could leave the same stamp.
std::optional<FileStamp> trusted_stamp(const std::optional<FileStamp>& stamp, std::uint64_t settled_ns);

}  // namespace kith
