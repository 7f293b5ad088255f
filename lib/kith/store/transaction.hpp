#pragma once
// One change to several files of the network, under one lock, all or nothing.
//
// Commit protocol: every new text goes to a temp file beside its target (flushed; in a large
// change, each text beyond Folder::held_text_budget() at once, when it is staged); when
// more than one file changes, a record of intent is written to .kith/intent (flushed), with
// what each target held and will hold, and the temp files and the record get second names
// (see intent.hpp); then the renames and moves; then the record is removed. The next kith that
// opens the store finishes a change whose record it finds (leaving alone a target changed
// since: see finish_pending), and removes stale temp files, so a crash, ENOSPC or EFBIG
// between two files, then a `git clean`, `git stash -u` or deleting .kith/, leaves all of
// them or none, or says which part is lost.
#include <deque>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "kith/store/beneath.hpp"
#include "kith/store/folder.hpp"
#include "kith/model/model.hpp"

namespace kith {

// A set of creations, edits and moves, applied together by commit().
class Transaction {
public:
    // Takes the lock, finishes a change an earlier kith left half-done, and removes stale
    // temp files. `config` is the one contact files are parsed with.
    Transaction(const Folder& store, const Config& config);
    // The config is held by reference: a temporary one (`Transaction(store, store.load_config())`)
    // would be gone before the first edit is checked, so that does not compile.
    Transaction(const Folder& store, const Config&& config) = delete;
    // A change not committed leaves nothing: the temp files it wrote are removed.
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    // Returns the current text of a file, read under the lock (with this transaction's
    // earlier changes to it).
    std::string read(const std::string& path) const;
    // Returns true when something exists at the path (or a change here creates it).
    bool exists(const std::string& path) const;
    // Creates a contact file; refused when something is there. The text must parse.
    void create(const std::string& path, const std::string& text);
    // An edit of a file's text: gets the text as read now, under the lock, and returns the new one.
    using Edit = std::function<std::string(const std::string& text)>;
    // Edits a contact file: the edit gets its text as read now, under the lock. A file
    // that does not parse is never rewritten, and a result that would not parse is refused.
    void edit(const std::string& path, const Edit& edit);
    // An edit of one of several files: gets the index of its path and its text as read now.
    using EditEach = std::function<std::string(size_t which, const std::string& text)>;
    // Edits several contact files as edit() edits each, reading, editing and checking them on
    // the machine's cores (`edit` is called from several threads at once), a few hundred at a
    // time; an edit that returns its text unchanged stages nothing. The paths are distinct.
    void edit_each(const std::vector<std::string>& paths, const EditEach& edit);
    // Replaces the whole text of a file whatever it held, even text that does not parse
    // (kith edit repairs such files); the new text must parse.
    void replace(const std::string& path, const std::string& text);
    // Creates or replaces a file that is not read as a contact: a setting file (kith.yaml,
    // .gitignore, .gitattributes), git's merge result, or a contact file left in git's conflict
    // markers for its owner to resolve. A file that is there must be one kith may read. Such a
    // write is the only file of its change (a record of intent names contact files alone, so
    // that one planted in .kith/ can touch nothing else): a commit of more is a bug.
    void write_as_is(const std::string& path, const std::string& text);
    // Makes a folder of the network (mode 0700) when missing, before the files are written.
    void make_folder(const std::string& path);
    // Moves a file to another folder of the network; refused when the target exists.
    void move(const std::string& from, const std::string& to);
    // Removes a contact file (kith merge: the person folded into another), after every other
    // change; refused when nothing is there or this change writes or moves it. A file changed
    // between this call and the commit is not removed (the commit fails).
    void remove(const std::string& path);
    // Makes this a dry run: each create, edit or replace is made and checked as for a commit,
    // then let go (its path still counts as taken); nothing is held or written, read() gives a
    // file as it is on disk, and commit() is refused.
    void dry_run() { dry_run_ = true; }

    // Applies every change, all or nothing, and returns the paths it changed (as resolved
    // inside the folder), for git; the store's host is told what each held before and after.
    // A text larger than max_file_bytes is refused before anything is written. Called once:
    // each text is let go once its temp file holds it.
    std::vector<std::string> commit();

private:
    struct Change {
        bool is_move = false;
        bool is_remove = false;  // a removal of `to`; `before` is what it held when staged
        bool replaces = false;   // a write whose temp file is written: its target was there then
        std::string from, to;  // a move: from -> to; a write: to only
        std::string text;      // a write's new text, held until the commit, or else:
        std::string temp;      // the temp file that holds it already (its path from the root),
        std::string target;    // and its target as resolved then, when that is not `to` (see target_of)
        std::string before;    // a write: what the target held when first read (intent::state_of's form)
        std::string after;     // and what the new text is, once its temp file holds it
    };
    // A write's target as resolved when its temp file was written.
    static const std::string& target_of(const Change& change) { return change.target.empty() ? change.to : change.target; }
    // The write of a file this transaction holds, or nullptr.
    Change* pending_write(const std::string& path);
    const Change* pending_write(const std::string& path) const;
    // Appends a change whose target is `to`.
    Change& add_change(const std::string& to);
    void stage_write(const std::string& path, std::string text, const std::string& before);
    // Holds a change's new text, or writes it to its temp file now when the texts held would
    // pass the budget (and the target's folder is there: only the commit makes folders).
    void hold(Change& change, std::string text);
    // Writes a change's text to its temp file beside its target, found at `at`, and lets the text go.
    void write_temp_of(Change& change, const beneath::Place& at);
    void check_parses(const std::string& path, const std::string& text, const char* who) const;

    const Folder& store_;
    const Config& config_;
    WriteLock lock_;
    beneath::Root root_;  // the folders resolved once, under the lock, for every path of the change
    std::deque<Change> changes_;  // in order; a deque: never copied to grow, nor moved
    // Every file a change writes, moves to or removes -> its change; each key a view of its
    // change's `to` (a change of thousands of files holds each path once).
    std::unordered_map<std::string_view, size_t> targets_;
    std::unordered_set<std::string> checked_;  // the files a dry run created or edited: taken, though not held
    std::vector<std::string> folders_;         // folders to make, first
    size_t held_bytes_ = 0;        // of the texts held in memory
    size_t written_early_ = 0;     // texts written to their temp files before the commit
    size_t temps_written_ = 0;     // temp files written; beyond a few, unflushed, and flushed at once by the commit
    bool handed_over_ = false;     // the temp files are the commit's now (renamed, or named by its record)
    bool dry_run_ = false;         // checked, never staged
    bool as_is_ = false;           // a file is written as is (write_as_is)
};

}  // namespace kith
