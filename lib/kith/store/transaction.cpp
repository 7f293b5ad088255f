#include "kith/store/transaction.hpp"

#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <exception>
#include <optional>
#include <stdexcept>
#include <utility>

#include "kith/base/parallel.hpp"
#include "kith/store/beneath_temp.hpp"
#include "kith/model/contact_file.hpp"
#include "kith/store/intent.hpp"
#include "kith/store/recovery.hpp"

namespace kith {
namespace {

using beneath::Place;
using beneath::place;

using intent::Step;

// A change of more files writes their temp files unflushed, and flushes the file system once
// before its record of intent: one flush of thousands of files costs about what a few do.
constexpr size_t flush_each_up_to = 8;

bool present(const Place& at) {
    struct stat info {};
    return at.dir.ok() && ::fstatat(at.dir.get(), at.name.c_str(), &info, AT_SYMLINK_NOFOLLOW) == 0;
}

}  // namespace

Transaction::Transaction(const Folder& store, const Config& config)
    : store_(store), config_(config), lock_(store.root()), root_(store.root()) {
    finish_pending(store_);
    store_.test_step("locked");
}

Transaction::~Transaction() {
    if (handed_over_) return;
    for (const auto& change : changes_) {
        if (change.temp.empty()) continue;
        try {
            beneath::remove_file(root_, change.temp);
        } catch (...) {  // the next writer's stale-temp cleanup removes it
        }
    }
}

Transaction::Change* Transaction::pending_write(const std::string& path) {
    return const_cast<Change*>(std::as_const(*this).pending_write(path));
}

const Transaction::Change* Transaction::pending_write(const std::string& path) const {
    const auto it = targets_.find(path);
    if (it == targets_.end()) return nullptr;
    const Change& change = changes_[it->second];
    return change.is_move || change.is_remove ? nullptr : &change;
}

Transaction::Change& Transaction::add_change(const std::string& to) {
    Change& change = changes_.emplace_back();
    change.to = to;
    targets_.emplace(change.to, changes_.size() - 1);  // a view of the change's own `to`, which never moves
    return change;
}

std::string Transaction::read(const std::string& path) const {
    if (const Change* change = pending_write(path))
        return change->temp.empty() ? change->text : beneath::read_file(root_, change->temp, max_file_bytes);
    return beneath::read_file(root_, path, max_file_bytes);
}

bool Transaction::exists(const std::string& path) const {
    return targets_.count(path) > 0 || checked_.count(path) > 0 || store_.exists(path);
}

void Transaction::check_parses(const std::string& path, const std::string& text, const char* who) const {
    refuse_over_cap(path, text.size());
    try {
        parse_contact(text, path, config_);
    } catch (const Error& broken) {
        throw Error(ErrorKind::invalid, std::string(who) + " would leave this file unreadable (" + broken.message() +
                                            "); nothing was written", Location{path, 0, 0});
    }
}

void Transaction::create(const std::string& path, const std::string& text) {
    if (exists(path)) throw Error(ErrorKind::usage, "'" + path + "' exists already; kith will not replace it");
    check_parses(path, text, "kith's new file");
    stage_write(path, text, intent::absent);
}

void Transaction::edit(const std::string& path, const Edit& edit) {
    const std::string before = read(path);
    parse_contact(before, path, config_);  // never rewrite a file that does not parse
    std::string after = edit(before);
    check_parses(path, after, "kith's change");  // and never write one that would not
    stage_write(path, std::move(after), intent::state_of_bytes(before));
}

void Transaction::edit_each(const std::vector<std::string>& paths, const EditEach& edit) {
    if (std::unordered_set<std::string>(paths.begin(), paths.end()).size() != paths.size())
        throw std::logic_error("a transaction edits one file twice at once");
    constexpr size_t chunk = 256;  // the texts of a chunk are held at once, each up to 1 MiB
    for (size_t start = 0; start < paths.size(); start += chunk) {
        const size_t n = std::min(chunk, paths.size() - start);
        std::vector<std::string> before(n), after(n);
        std::vector<std::exception_ptr> failed(n);
        run_parallel(n, [&](size_t k) {
            const std::string& path = paths[start + k];
            try {
                before[k] = read(path);
                parse_contact(before[k], path, config_);  // never rewrite a file that does not parse
                after[k] = edit(start + k, before[k]);
                if (after[k] != before[k]) check_parses(path, after[k], "kith's change");  // and never write one that would not
            } catch (...) {
                failed[k] = std::current_exception();
            }
        });
        for (size_t k = 0; k < n; ++k) {  // in order: the first file that fails is the one said
            if (failed[k]) std::rethrow_exception(failed[k]);
            if (after[k] != before[k]) stage_write(paths[start + k], std::move(after[k]), intent::state_of_bytes(before[k]));
        }
    }
}

void Transaction::replace(const std::string& path, const std::string& text) {
    const std::string before = read(path);  // it must be there, and be a file kith may read
    check_parses(path, text, "the new text");
    stage_write(path, text, intent::state_of_bytes(before));
}

void Transaction::write_as_is(const std::string& path, const std::string& text) {
    refuse_over_cap(path, text.size());
    const bool there = pending_write(path) || store_.exists(path);
    stage_write(path, text, there ? intent::state_of_bytes(read(path)) : intent::absent);
    as_is_ = true;
}

void Transaction::make_folder(const std::string& path) {
    if (!dry_run_) folders_.push_back(path);
}

void Transaction::stage_write(const std::string& path, std::string text, const std::string& before) {
    if (!dry_run_ && !pending_write(path) && targets_.count(path))
        throw std::logic_error("a transaction writes a file it also removes or moves: " + path);
    if (dry_run_) {
        checked_.insert(path);
        return;
    }
    if (Change* earlier = pending_write(path)) {  // written again: only the last text stays (and the first before)
        held_bytes_ -= earlier->text.size();
        if (!earlier->temp.empty()) beneath::remove_file(root_, earlier->temp);
        earlier->temp.clear();
        hold(*earlier, std::move(text));
        return;
    }
    Change& change = add_change(path);
    change.before = before;
    hold(change, std::move(text));
}

void Transaction::hold(Change& change, std::string text) {
    change.text = std::move(text);
    change.text.shrink_to_fit();  // an edited text may have room to spare
    if (held_bytes_ + change.text.size() > store_.held_text_budget()) {
        const Place at = place(root_, change.to, true, false);
        if (at.dir.ok()) {
            store_.test_step("early-" + std::to_string(++written_early_));
            write_temp_of(change, at);
            return;
        }
    }
    held_bytes_ += change.text.size();
}

void Transaction::write_temp_of(Change& change, const Place& at) {
    change.replaces = present(at);
    change.target = at.path != change.to ? at.path : std::string();
    const bool flush = ++temps_written_ <= flush_each_up_to;  // the commit flushes the others
    change.temp = at.path.substr(0, at.path.size() - at.name.size()) + beneath::write_temp(at, change.text, flush);
    change.after = intent::state_of_bytes(change.text);
    std::string().swap(change.text);  // in its temp file now: a commit is never tried twice
}

void Transaction::move(const std::string& from, const std::string& to) {
    if (!exists(from)) {
        errno = ENOENT;
        beneath::fail_io("cannot move", from);
    }
    if (exists(to)) throw Error(ErrorKind::usage, "'" + to + "' exists already; kith will not replace it");
    Change& moved = add_change(to);
    moved.is_move = true;
    moved.from = from;
}

void Transaction::remove(const std::string& path) {
    if (targets_.count(path) || checked_.count(path))
        throw std::logic_error("a transaction removes a file it also writes or moves: " + path);
    const std::string before = read(path);  // it must be there, and be a file kith may read
    if (dry_run_) return;
    Change& removed = add_change(path);
    removed.is_remove = true;
    removed.before = intent::state_of_bytes(before);
}

std::vector<std::string> Transaction::commit() {
    if (dry_run_) throw std::logic_error("a dry run is never committed");
    const beneath::Root& root = root_;
    for (const auto& change : changes_) {
        if (!change.is_move && !change.is_remove) refuse_over_cap(change.to, change.text.size());
        if ((change.from + change.to).find_first_of("\t\n") != std::string::npos)
            throw Error(ErrorKind::usage, "kith does not write paths holding tabs or line breaks", Location{change.to, 0, 0});
    }
    if (as_is_ && changes_.size() > 1) throw std::logic_error("a file written as is goes alone in its change");
    for (const std::string& folder : folders_) beneath::make_folder(root, folder);
    const bool many = changes_.size() > flush_each_up_to;  // flushed at once, not file by file
    std::vector<Step> steps;
    std::vector<FileChange> changed;  // for git: each file as resolved
    const auto undo = [&] {
        for (const auto& step : steps)
            if (step.kind != "move" && step.kind != "remove") beneath::remove_file(root, step.from);
    };
    try {
        steps.reserve(changes_.size());
        for (auto& change : changes_) {
            store_.test_step("temp-" + std::to_string(steps.size() + 1));
            if (change.is_move) {  // what it moves: the file as it is, or as this change writes it
                const Change* written = pending_write(change.from);
                const std::string moved = written ? written->after : intent::state_of(root, change.from);
                const std::string from = place(root, change.from, false, false).path;
                steps.push_back(Step{"move", change.from, change.to, intent::absent, moved});
                changed.push_back(FileChange{from, written ? written->before : moved, intent::absent, ""});
                changed.push_back(FileChange{place(root, change.to, false, true).path, intent::absent, moved, from});
                continue;
            }
            if (change.is_remove) {  // the file as resolved; kept when it changed since it was read
                const std::string at = place(root, change.to, false, false).path;
                if (intent::state_of(root, change.to) != change.before)
                    throw Error(ErrorKind::usage, "it changed while kith was removing it; nothing was written",
                                Location{change.to, 0, 0});
                steps.push_back(Step{"remove", change.to, change.to, change.before, intent::absent});
                changed.push_back(FileChange{at, change.before, intent::absent, ""});
                continue;
            }
            if (change.temp.empty()) write_temp_of(change, place(root, change.to, true, true));  // held until now
            // The target as named; what it held when read under the lock: finishing never overwrites a later change.
            steps.push_back(Step{change.replaces ? "replace" : "new", change.temp, change.to,
                                 change.replaces ? change.before : intent::absent, change.after});
            changed.push_back(FileChange{target_of(change), steps.back().before, change.after, ""});
        }
        if (temps_written_ > flush_each_up_to) beneath::sync_file_system(root);  // the temp files written unflushed
        store_.test_step("prepared");
        if (steps.size() > 1) intent::write_record(store_, root, steps);
    } catch (...) {
        undo();
        throw;
    }
    handed_over_ = true;  // from here a temp is renamed, named by the record, or removed by undo() below
    store_.test_step("intent");
    try {
        for (size_t i = 0; i < steps.size(); ++i) {
            store_.test_step("apply-" + std::to_string(i + 1));
            intent::apply(root, steps[i], !many);
        }
        if (many) beneath::sync_file_system(root);  // the renames' folders, at once
    } catch (const Error& e) {
        if (steps.size() == 1) {
            undo();
            throw;
        }
        throw Error(e.kind(), e.message() + "; the change is half-done, and the next kith run finishes it", e.where());
    }
    store_.test_step("applied");
    if (steps.size() > 1) intent::remove_record(root, steps);
    store_.test_step("done");
    targets_.clear();  // before the changes its keys view
    changes_.clear();
    store_.committed(changed);
    std::vector<std::string> paths;
    for (auto& change : changed) paths.push_back(std::move(change.path));
    return paths;
}

}  // namespace kith
