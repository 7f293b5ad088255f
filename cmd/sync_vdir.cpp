// kith sync vdir DIR: make the network and a vdir (one .vcf per person, carried to CardDAV by
// vdirsyncer) agree, field by field, against the base the last run kept in .kith/.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <random>

#include "autocommit.hpp"
#include "sync_vdir.hpp"
#include "sync.hpp"
#include "kith/edit/editor.hpp"
#include "kith/model/contact_file.hpp"
#include "kith/base/hash.hpp"
#include "kith/interchange/first_due.hpp"
#include "kith/interchange/import_write.hpp"
#include "kith/store/outside_file.hpp"
#include "kith/sync/sync_vdir.hpp"
#include "kith/base/text.hpp"
#include "kith/store/transaction.hpp"

namespace kith::cli {
namespace {

struct SyncVdirOptions {
    std::string dir;
    bool dry_run = false;
    int version = 3;
};

// A fresh random UUID (version 4), bare and lower case.
std::string random_uuid() {
    static std::mt19937_64 random{(std::uint64_t{std::random_device{}()} << 32) ^ std::random_device{}()};
    const std::uint64_t a = random(), b = random();
    return fmt::format("{:08x}-{:04x}-{:04x}-{:04x}-{:012x}", a >> 32, (a >> 16) & 0xFFFF, 0x4000 | (a & 0x0FFF),
                       0x8000 | ((b >> 48) & 0x3FFF), b & 0xFFFFFFFFFFFFULL);
}

// Lists the .vcf files of the vdir, each stamped before anything is read (a later change shows as
// a new stamp); a link or folder gets no stamp.
void list_vdir(const OutsideFolder& folder, const std::string& dir, SyncInput& input) {
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        const std::string name = entry.path().filename().string();
        if (name.size() > 4 && name[0] != '.' && name.compare(name.size() - 4, 4, ".vcf") == 0) input.names.push_back(name);
    }
    std::sort(input.names.begin(), input.names.end());
    for (const auto& name : input.names)
        if (const auto stamp = folder.stamp(name)) input.card_stamps.emplace(name, *stamp);
}

// Reads the cards of the vdir but those of quiet pairs, through the folder's handle: a link, a
// folder or a file over the cap is reported and left alone (its name still counts: its card is not gone).
void read_vdir(const OutsideFolder& folder, SyncInput& input, const SyncQuiet& quiet, std::vector<Error>& problems) {
    for (const auto& name : input.names) {
        if (quiet.card_quiet(name)) continue;
        const auto problem = [&](const std::string& why) {
            problems.emplace_back(ErrorKind::invalid, why + "; card skipped", Location{folder.path_of(name), 0, 0});
        };
        if (std::filesystem::is_symlink(std::filesystem::symlink_status(folder.path_of(name)))) {
            problem("is a link, which kith never follows");
            continue;
        }
        try {
            std::optional<std::string> bytes = folder.head(name, sync_max_card_bytes + 1);
            if (!bytes) continue;  // gone since it was listed
            if (bytes->size() > sync_max_card_bytes) problem("is larger than 1 MiB, more than a card may be");
            else input.files.push_back({name, std::move(*bytes)});
        } catch (const Error& e) {
            problem(e.what());
        }
    }
}

// Where the base of this vdir lives in .kith/: one file per vdir, named by its absolute path.
std::string base_path(const std::string& dir) {
    std::error_code ec;
    const auto absolute = std::filesystem::weakly_canonical(std::filesystem::absolute(dir), ec);
    return fmt::format(".kith/sync-vdir-{:016x}.json", hash_bytes(ec ? dir : absolute.string()));
}

std::string joined(const std::vector<std::string>& values) {
    std::string out;
    for (const auto& v : values) out += (out.empty() ? "" : ", ") + v;
    return out;
}

std::string said(const std::vector<std::string>& values) {
    return values.empty() ? "nothing" : "'" + visible(joined(values)) + "'";
}

// The first due days of the people new cards add, spread among everyone waiting (as import does).
void welcome_new_people(const Store& store, const Config& config, Day today, SyncPlan& plan) {
    const auto& decisions = plan.imports.decisions;
    if (std::none_of(decisions.begin(), decisions.end(), [](const auto& d) { return d.action == ImportAction::add; })) return;
    FirstDueCalendar calendar(today);
    for (const auto& person : store.load_summaries(false, today).contacts) calendar.add(person, config);
    welcome_added(plan.imports, plan.records, Arrival{today, std::nullopt, {}}, config, calendar);
}

// Stages each person's change; one the editor refuses is reported, and their pair held back.
void stage_edits(Transaction& change, SyncPlan& plan, const std::optional<SyncBase>& old, const std::string& would,
                 std::vector<std::string>& lines, std::vector<Error>& problems) {
    for (const auto& edit : plan.edits) {
        try {
            change.edit(edit.path, [&](const std::string& text) {
                std::string out = edit_to_view(text, edit.have, edit.want, *edit.contact, edit.path);
                // A UUID reads as text unquoted: written bare, as the user would write it.
                return edit.new_uid.empty() ? out : set_top_level(out, "uid", edit.new_uid, canonical_keys(), edit.path);
            });
        } catch (const Error& e) {
            if (e.kind() == ErrorKind::io) throw;
            problems.emplace_back(ErrorKind::invalid, e.message() + "; " + edit.slug + " and their card not synced", e.where());
            hold_back(plan, old, edit.uid);
            continue;
        }
        if (!edit.keys.empty()) lines.push_back(would + "update " + edit.slug + " from the vdir: " + joined(edit.keys));
    }
}

// Writes the cards the plan changes; one that cannot be written is reported, and its pair held back.
void write_cards(const Store& store, const OutsideFolder* folder, SyncPlan& plan, const std::optional<SyncBase>& old,
                 const std::string& would, std::vector<std::string>& lines, std::vector<Error>& problems) {
    std::vector<SyncCardWrite> cards = std::move(plan.cards);  // hold_back finds none left to take out
    plan.cards.clear();
    for (auto& card : cards) {
        if (folder) {
            try {
                store.test_step("vdir-card-" + card.file);
                folder->write(card.file, card.text);
            } catch (const Error& e) {
                problems.emplace_back(ErrorKind::invalid, "cannot be written (" + e.message() + "); the card of " + card.slug +
                                                              " is left as it was until the next sync",
                                      Location{folder->path_of(card.file), 0, 0});
                hold_back(plan, old, card.uid);
                continue;
            }
        }
        lines.push_back(would + (card.created ? "write a card for " + card.slug + " as '" + card.file + "'"
                                              : "update the card of " + card.slug + ": " + joined(card.keys)));
        std::string().swap(card.text);  // written: let it go
    }
    store.test_step("vdir-cards-written");
}

// Writes the next base, unless the file holds it already (the same hash, then the same bytes).
void keep_base(const Store& store, const std::string& file, SyncBase base, std::optional<std::uint64_t> old_hash) {
    const std::string bytes = write_sync_base(base);
    SyncBase().swap(base);  // let go before the file is compared, a piece at a time
    const auto unchanged = [&] {
        try {
            return old_hash == hash_bytes(bytes) && store.holds(file, bytes);
        } catch (const Error&) {
            return false;
        }
    };
    if (unchanged()) return;
    store.make_folder(".kith");
    store.write(file, bytes, size_t{1} << 30);
}

Outcome sync_vdir(Context& ctx, const SyncVdirOptions& in) {
    // A file changed shortly before this run (two seconds) may change again within the same
    // tick of its clock: its stamp is not kept (trusted_stamp).
    const auto since_epoch = std::chrono::system_clock::now().time_since_epoch();
    const auto settled_ns = static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(since_epoch).count()) -
                            ctx.settle_ns;
    const Store store = ctx.store();
    const Config config = store.load_config();
    // A dry run makes no folder: a vdir not there yet reads as empty.
    const bool there = std::filesystem::exists(std::filesystem::symlink_status(in.dir));
    std::optional<OutsideFolder> folder;
    if (!in.dry_run || there) folder.emplace(in.dir, true);
    SyncInput input;
    input.today = ctx.today();
    input.version = in.version;
    input.new_uid = random_uuid;
    input.settled_ns = settled_ns;
    const std::string base_file = base_path(in.dir);
    std::optional<std::uint64_t> old_base;  // the hash of its bytes, which are not kept
    if (store.exists(base_file)) {
        try {
            const std::string bytes = store.read(base_file, size_t{1} << 30);
            old_base = hash_bytes(bytes);
            input.base = read_sync_base(bytes, base_file);
        } catch (const Error& e) {
            ctx.warn(e.located() + "; syncing without a base: every difference is a conflict");
        }
    }
    if (folder) list_vdir(*folder, in.dir, input);
    static const SyncBase no_base;
    SyncQuiet quiet(input.base ? *input.base : no_base, input.card_stamps);
    std::vector<Error> problems;
    std::vector<std::string> changed, lines;
    const std::string would = in.dry_run ? "would " : "";
    SyncPlan plan;
    {
        Transaction change(store, config);  // decide under the lock
        if (in.dry_run) change.dry_run();
        // A chunk of files at a time, each person kept without their log and follow-ups (never
        // synced); the people of pairs unchanged since the last sync are not read at all.
        size_t wanted = 0;  // the people read
        ctx.each_contact(
            true,
            [&](std::vector<Contact>& read_now, const Config&) {
                if (input.people.empty()) input.people.reserve(wanted);  // never copied to grow
                for (auto& person : read_now) {
                    std::vector<LogEntry>().swap(person.log);  // let go, not only emptied
                    std::vector<FollowUp>().swap(person.followups);
                    input.people.push_back(std::move(person));
                }
            },
            [&](const std::string& path, const std::optional<FileStamp>& stamp) {
                if (quiet.person_quiet(path, stamp)) return false;
                if (stamp) input.person_stamps.emplace(path, *stamp);
                ++wanted;
                return true;
            });
        input.quiet = quiet.uids();
        if (folder) read_vdir(*folder, input, quiet, problems);
        plan = plan_sync(input, in.dir);
        std::vector<VdirFile>().swap(input.files);  // what the plan needs of every card read is in it now
        welcome_new_people(store, config, ctx.today(), plan);
        stage_edits(change, plan, input.base, would, lines, problems);
        std::vector<SyncEdit>().swap(plan.edits);  // staged: the people they point to may go
        std::vector<Contact>().swap(input.people);
        const auto failed = stage_import(change, plan.imports, plan.records, [&](const ImportDecision& d, const ImportRecord& r) {
            if (d.action == ImportAction::add) lines.push_back(would + "add " + visible(r.contact.name) + " as " + d.slug + " from '" + r.source + "'");
            else lines.push_back(would + "merge '" + r.source + "' into " + d.slug + " (by " + d.matched_by + ")");
        });
        problems.insert(problems.end(), failed.begin(), failed.end());
        add_imported(plan);
        if (!in.dry_run) changed = change.commit();
    }
    write_cards(store, in.dry_run ? nullptr : &*folder, plan, input.base, would, lines, problems);
    // Every pair quiet and no other: the base is the file's own entries, which read back as its bytes.
    const bool as_read = input.base && input.base->empty() && !plan.base.empty() && plan.base.size() == input.quiet.size();
    input.base.reset();
    if (!in.dry_run && !as_read) keep_base(store, base_file, std::move(plan.base), old_base);
    for (const auto& line : lines) std::cout << line << "\n";
    for (const auto& note : plan.gone) ctx.warn(note);
    problems.insert(problems.end(), plan.problems.begin(), plan.problems.end());
    for (const auto& p : problems) ctx.error(p.located());
    for (const auto& c : plan.conflicts)
        ctx.error(fmt::format("{}: '{}' changed on both sides: kith has {}, the card '{}' has {}; each side keeps its own "
                              "until one is changed to match", c.slug, c.conflict.key, said(c.conflict.kith),
                              in.dir + "/" + c.file, said(c.conflict.card)));
    if (!problems.empty() || !plan.conflicts.empty()) ctx.had_invalid_files = true;
    if (!changed.empty())
        autocommit(ctx, config, store.root(), changed, fmt::format("kith: sync vdir {}", in.dir));
    return Outcome::done;
}

}  // namespace

void add_sync_vdir(CLI::App& app, Context& ctx, Actions& actions) {
    auto* cmd = sync_command(app, actions)->add_subcommand("vdir", "Two-way sync with a vdir (one .vcf per person) that vdirsyncer carries to CardDAV");
    auto in = std::make_shared<SyncVdirOptions>();
    cmd->add_option("DIR", in->dir, "The vdir: a folder of .vcf files (made when missing)")->required();
    cmd->add_flag("--dry-run", in->dry_run, "Print what would change on either side; write nothing");
    cmd->add_option("--vcard", in->version, "Version of the cards written: 3 (default) or 4")->check(CLI::IsMember({3, 4}));
    cmd->footer(
        "Each property is merged three ways against what both sides last agreed on; a property changed "
        "on both sides is reported (exit 3) and each side keeps its own. A deleted card deletes no one.\n"
        "Examples:\n"
        "  kith sync vdir ~/.contacts/kith && vdirsyncer sync && kith sync vdir ~/.contacts/kith");
    actions[cmd] = [&ctx, in] { return sync_vdir(ctx, *in); };
}

}  // namespace kith::cli
