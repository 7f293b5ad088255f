#include "kith/transaction.hpp"

#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <optional>
#include <stdexcept>

#include "kith/beneath.hpp"
#include "kith/contact_file.hpp"
#include "kith/intent.hpp"

namespace kith {
namespace {

using beneath::Place;
using beneath::place;

using intent::record_path;
using intent::Step;
constexpr size_t max_record_bytes = size_t{64} << 20;

bool present(const Place& at) {
    struct stat info {};
    return at.dir.ok() && ::fstatat(at.dir.get(), at.name.c_str(), &info, AT_SYMLINK_NOFOLLOW) == 0;
}

void remove_at(const std::string& root, const std::string& path) {
    const Place at = place(root, path, false, false);
    if (at.dir.ok()) ::unlinkat(at.dir.get(), at.name.c_str(), 0);
}

// Removes temp files left by writes killed before their rename. Only what write_temp makes
// (see is_temp_name: a user's own hidden file such as ".notes.backup" or ".bashrc.Ab12Cd" is
// never one) and only here, with the lock held and after any record is finished: no record
// names what is removed, and no other kith is writing in contacts/ or archive/ (every writer
// there holds the lock). There is no age test, since the library reads no clock.
void clean_stale(const std::string& root) {
    for (const std::string folder : {"contacts", "archive", ".kith"}) {
        const auto entries = beneath::list_folder(root, folder);
        for (const auto& entry : entries)
            if (!entry.folder && beneath::is_temp_name(folder, entry.name)) remove_at(root, folder + "/" + entry.name);
        if (folder == ".kith") continue;
        for (const auto& temp : beneath::temps_beside_link_targets(root, folder, entries))  // a write through a link
            remove_at(root, temp);                                                           // puts its temp beside the target
    }
}

}  // namespace

bool finish_pending(const Store& store) {
    bool found = false;
    std::vector<Error> kept;  // targets changed since: left as they are, reported below
    if (store.exists(record_path)) {
        found = true;
        std::optional<std::vector<Step>> steps;
        try {
            steps = intent::decode(store.read(record_path, max_record_bytes));
        } catch (const Error& e) {
            if (e.kind() != ErrorKind::invalid) throw;
        }
        try {
            if (steps)
                for (const auto& step : *steps)
                    if (auto said = intent::finish(store.root(), step)) kept.push_back(std::move(*said));
        } catch (const Error& e) {
            throw Error(e.kind(), "cannot finish a change an earlier kith left half-done (" + e.message() + "; see " +
                                      record_path + ")", e.where());
        }
        const Place record = place(store.root(), record_path, false, false);
        if (::unlinkat(record.dir.get(), record.name.c_str(), 0) != 0) beneath::fail_io("cannot remove", record_path);
        beneath::sync_folder(record.dir.get());
    }
    clean_stale(store.root());
    if (!kept.empty()) {
        std::string message = kept.front().message();
        for (size_t i = 1; i < kept.size(); ++i) message += "; and " + kept[i].located();
        throw Error(ErrorKind::invalid, message, kept.front().where());
    }
    return found;
}

Transaction::Transaction(const Store& store, const Config& config) : store_(store), config_(config), lock_(store.root()) {
    finish_pending(store_);
    store_.test_step("locked");
}

Transaction::~Transaction() {
    if (handed_over_) return;
    for (const auto& change : changes_) {
        if (change.temp.empty()) continue;
        try {
            remove_at(store_.root(), change.temp);
        } catch (...) {  // the next writer's stale-temp cleanup removes it
        }
    }
}

Transaction::Change* Transaction::pending_write(const std::string& path) {
    const auto it = writes_.find(path);
    return it == writes_.end() ? nullptr : &changes_[it->second];
}

const Transaction::Change* Transaction::pending_write(const std::string& path) const {
    const auto it = writes_.find(path);
    return it == writes_.end() ? nullptr : &changes_[it->second];
}

Transaction::Change& Transaction::add_change(const std::string& to) {
    targets_.insert(to);
    changes_.emplace_back().to = to;
    return changes_.back();
}

std::string Transaction::read(const std::string& path) const {
    if (const Change* change = pending_write(path)) return change->temp.empty() ? change->text : store_.read(change->temp);
    return store_.read(path);
}

bool Transaction::exists(const std::string& path) const { return targets_.count(path) > 0 || store_.exists(path); }

void Transaction::check_parses(const std::string& path, const std::string& text, const char* who) const {
    if (text.size() > max_file_bytes)
        fail_at(path, 0, 0, "the change would make it larger than 1 MiB, the most kith reads; nothing was written");
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
    stage_write(path, text);
}

void Transaction::edit(const std::string& path, const Store::Edit& edit) {
    const std::string before = read(path);
    parse_contact(before, path, config_);  // never rewrite a file that does not parse
    std::string after = edit(before);
    check_parses(path, after, "kith's change");  // and never write one that would not
    stage_write(path, std::move(after));
}

void Transaction::replace(const std::string& path, const std::string& text) {
    (void)read(path);  // it must be there, and be a file kith may read
    check_parses(path, text, "the new text");
    stage_write(path, text);
}

void Transaction::stage_write(const std::string& path, std::string text) {
    if (dry_run_) {
        targets_.insert(path);
        return;
    }
    if (Change* earlier = pending_write(path)) {  // written again: only the last text stays
        held_bytes_ -= earlier->text.size();
        if (!earlier->temp.empty()) remove_at(store_.root(), earlier->temp);
        earlier->temp.clear();
        hold(*earlier, std::move(text));
        return;
    }
    add_change(path);
    writes_[path] = changes_.size() - 1;
    hold(changes_.back(), std::move(text));
}

void Transaction::hold(Change& change, std::string text) {
    change.text = std::move(text);
    change.text.shrink_to_fit();  // an edited text may have room to spare
    if (held_bytes_ + change.text.size() > store_.held_text_budget()) {
        const Place at = place(store_.root(), change.to, true, false);
        if (at.dir.ok()) {
            store_.test_step("early-" + std::to_string(++written_early_));
            write_temp_of(change, at);
            return;
        }
    }
    held_bytes_ += change.text.size();
}

void Transaction::write_temp_of(Change& change, const Place& at) {
    change.kind = present(at) ? "replace" : "new";
    change.target = at.path;
    change.temp = at.path.substr(0, at.path.size() - at.name.size()) + beneath::write_temp(at, change.text);
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

std::vector<std::string> Transaction::commit() {
    if (dry_run_) throw std::logic_error("a dry run is never committed");
    const std::string& root = store_.root();
    for (const auto& change : changes_) {
        if (!change.is_move && change.text.size() > max_file_bytes)
            fail_at(change.to, 0, 0, "the change would make it larger than 1 MiB, the most kith reads; nothing was written");
        if ((change.from + change.to).find_first_of("\t\n") != std::string::npos)
            throw Error(ErrorKind::usage, "kith does not write paths holding tabs or line breaks", Location{change.to, 0, 0});
    }
    std::vector<Step> steps;
    std::vector<std::string> changed;
    const auto undo = [&] {
        for (const auto& step : steps)
            if (step.kind != "move") remove_at(root, step.from);
    };
    try {
        steps.reserve(changes_.size());
        for (auto& change : changes_) {
            store_.test_step("temp-" + std::to_string(steps.size() + 1));
            if (change.is_move) {
                const Place from = place(root, change.from, false, false);
                const Place to = place(root, change.to, false, true);
                steps.push_back(Step{"move", from.path, to.path, intent::absent});
                changed.push_back(from.path);
                changed.push_back(to.path);
                continue;
            }
            if (change.temp.empty()) write_temp_of(change, place(root, change.to, true, true));  // held until now
            steps.push_back(Step{change.kind, change.temp, change.target, change.kind == "new" ? intent::absent : ""});
            changed.push_back(change.target);
        }
        store_.test_step("prepared");
        if (steps.size() > 1) {
            for (auto& step : steps)  // what each file holds now: finishing never overwrites a later change
                if (step.kind == "replace") step.before = intent::state_of(root, step.to);
            store_.write(record_path, intent::encode(steps), max_record_bytes);
        }
    } catch (...) {
        undo();
        throw;
    }
    handed_over_ = true;  // from here a temp is renamed, named by the record, or removed by undo() below
    store_.test_step("intent");
    try {
        for (size_t i = 0; i < steps.size(); ++i) {
            store_.test_step("apply-" + std::to_string(i + 1));
            intent::apply(root, steps[i]);
        }
    } catch (const Error& e) {
        if (steps.size() == 1) {
            undo();
            throw;
        }
        throw Error(e.kind(), e.message() + "; the change is half-done, and the next kith run finishes it", e.where());
    }
    store_.test_step("applied");
    if (steps.size() > 1) {
        const Place record = place(root, record_path, false, false);
        ::unlinkat(record.dir.get(), record.name.c_str(), 0);
        beneath::sync_folder(record.dir.get());
    }
    store_.test_step("done");
    changes_.clear();
    writes_.clear();
    targets_.clear();
    return changed;
}

}  // namespace kith
