// kith sync vdir DIR: make the network and a vdir (one .vcf per person, carried to CardDAV by
// vdirsyncer) agree, field by field, against the base the last run kept in .kith/.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <deque>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <random>
#include <unordered_map>

#include <malloc.h>

#include "autocommit.hpp"
#include "sync_vdir.hpp"
#include "sync.hpp"
#include "kith/base/hash.hpp"
#include "kith/interchange/first_due.hpp"
#include "kith/interchange/import_write.hpp"
#include "kith/store/outside_file.hpp"
#include "kith/store/scratch.hpp"
#include "kith/sync/sync_vdir_stage.hpp"
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
    input.names.shrink_to_fit();  // held for the whole run
    input.card_stamps.reserve(input.names.size());
    for (const auto& name : input.names) input.card_stamps.push_back(folder.stamp(name));
}

// Reads a card of the vdir through the folder's handle: a link, a folder or a file over the cap
// is reported and left alone (its name still counts: its card is not gone).
std::optional<std::string> read_card(const OutsideFolder& folder, const std::string& name, std::vector<Error>& problems) {
    const auto problem = [&](const std::string& why) {
        problems.emplace_back(ErrorKind::invalid, why + "; card skipped", Location{folder.path_of(name), 0, 0});
        return std::nullopt;
    };
    if (std::filesystem::is_symlink(std::filesystem::symlink_status(folder.path_of(name))))
        return problem("is a link, which kith never follows");
    try {
        std::optional<std::string> bytes = folder.head(name, sync_max_card_bytes + 1);
        if (bytes && bytes->size() > sync_max_card_bytes) return problem("is larger than 1 MiB, more than a card may be");
        return bytes;  // nullopt: gone since it was listed
    } catch (const Error& e) {
        return problem(e.what());
    }
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

// Writes the cards the plan changes; one that cannot be written is reported, and its pair held
// back. A new card's base entry is recorded once the card is written.
void write_cards(const Store& store, const OutsideFolder* folder, const ScratchFile* texts, SyncPlan& plan,
                 const std::string& would, std::string& lines, std::vector<Error>& problems) {
    std::deque<SyncCardWrite> cards = std::move(plan.cards);  // hold_back finds none left to take out
    std::deque<ScratchFile::Span> kept = std::move(plan.kept_cards);
    plan.cards.clear();
    plan.kept_cards.clear();
    const auto write = [&](SyncCardWrite& card, SyncBase& entry) {
        if (folder) {
            try {
                store.test_step("vdir-card-" + card.file);
                folder->write(card.file, card.text);
            } catch (const Error& e) {
                problems.emplace_back(ErrorKind::invalid, "cannot be written (" + e.message() + "); the card of " + card.slug +
                                                              " is left as it was until the next sync",
                                      Location{folder->path_of(card.file), 0, 0});
                hold_back(plan, card.uid, card.before);
                return;
            }
        }
        lines += would + (card.created ? "write a card for " + card.slug + " as '" + card.file + "'\n"
                                       : "update the card of " + card.slug + ": " + joined(card.keys) + "\n");
        plan.base.merge(entry);
    };
    for (auto& card : cards) {
        SyncBase none;
        write(card, none);
        std::string().swap(card.text);  // written: let it go
    }
    for (const auto& span : kept) {
        SyncBase entry;
        SyncCardWrite card = read_card_write(*texts, span, entry);
        if (!plan.held.count(card.uid)) write(card, entry);
    }
    store.test_step("vdir-cards-written");
}

// Gives the memory a phase let go back to the system before the next phase, so that the peak is
// the largest phase's, not their sum: what a phase frees is scattered among what stays (the base,
// the people's summaries), which the allocator would otherwise keep.
void release_freed() { malloc_trim(0); }

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
    store.write_state(file, bytes, size_t{1} << 30);
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
    const std::string base_file = vdir_base_path(in.dir);
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
    release_freed();  // the base file's bytes
    if (folder) list_vdir(*folder, in.dir, input);
    static const SyncBase no_base;
    SyncQuiet quiet(input.base ? *input.base : no_base, input);
    std::vector<Error> problems;
    std::vector<std::string> changed;
    std::string lines;  // what the run did, a line each: printed once it is done
    const std::string would = in.dry_run ? "would " : "";
    std::optional<ScratchFile> texts;  // the texts of the cards to write, until they are written
    std::optional<SyncPlanner> planner;
    {
        Transaction change(store, config);  // decide under the lock
        if (in.dry_run) change.dry_run();
        // First who is who: a chunk of files at a time, of each person only their path, slug, name
        // and uid; the people of pairs unchanged since the last sync are not read at all.
        std::unordered_map<std::string, FileStamp> stamps;  // of the files asked for, until they are read
        size_t wanted = 0;  // the people read
        ctx.each_contact(
            true,
            [&](std::vector<Contact>& read_now, const Config&) {
                if (input.people.empty()) input.people.reserve(wanted);  // never copied to grow
                for (auto& person : read_now) {
                    std::optional<FileStamp> stamp;
                    if (const auto found = stamps.find(person.path); found != stamps.end()) {
                        stamp = found->second;
                        stamps.erase(found);
                    }
                    input.people.push_back({std::move(person.path), std::move(person.slug), std::move(person.name),
                                            std::move(person.uid), person.archived, stamp});
                }
            },
            [&](const std::string& path, const std::optional<FileStamp>& stamp) {
                if (quiet.person_quiet(path, stamp)) return false;
                if (stamp) stamps.emplace(path, *stamp);
                ++wanted;
                return true;
            });
        std::unordered_map<std::string, FileStamp>().swap(stamps);
        release_freed();  // the first pass's chunks of people
        input.quiet = quiet.uids();
        input.read_card = [&](const std::string& name) {
            return quiet.card_quiet(name) ? std::nullopt : read_card(*folder, name, problems);
        };
        if (!in.dry_run) texts.emplace(store);
        planner.emplace(input, in.dir, texts ? &*texts : nullptr);
        SyncPlan& plan = planner->plan();
        if (!plan.records.empty()) {  // new cards become people, as an import adds them: matched with someone not yet synced, or added
            ImportNetwork network(plan.records);
            store.each_contact(
                true, [&](std::vector<Contact>& read_now) {
                    for (const auto& person : read_now) person.uid.empty() ? network.add(person) : network.hold_slug_of(person.path);
                },
                {}, [&](const std::string& path, const std::optional<FileStamp>&) { return planner->unsynced(path); });
            planner->hold_slugs(network);
            plan.imports = plan_import(std::move(network), plan.records, "", [&](const std::vector<KnownPerson>& known) {
                std::vector<std::string> paths;
                for (const auto& k : known) paths.push_back(k.path);
                return store.load_contacts(paths, config);
            });
        }
        planner->imported();
        // Then the people whose pair is merged or who get a card, a chunk at a time, each one's
        // edit staged before the chunk is let go (a file that does not read was said by the first pass).
        store.each_contact(
            true, [&](std::vector<Contact>& read_now) {
                for (const auto& person : read_now) planner->plan_person(person);
                stage_sync_edits(change, plan, would, lines, problems);
                release_freed();  // the chunk before, and the edits' texts (a temp file holds them)
            },
            {}, [&](const std::string& path, const std::optional<FileStamp>&) { return planner->wants(path); });
        planner->finish();
        release_freed();  // the planner's maps, the last chunk of people
        welcome_new_people(store, config, ctx.today(), plan);
        const auto failed = stage_import(change, plan.imports, plan.records, [&](const ImportDecision& d, const ImportRecord& r) {
            if (d.action == ImportAction::add) lines += would + "add " + visible(r.contact.name) + " as " + d.slug + " from '" + r.source + "'\n";
            else lines += would + "merge '" + r.source + "' into " + d.slug + " (by " + d.matched_by + ")\n";
        });
        problems.insert(problems.end(), failed.begin(), failed.end());
        add_imported(plan);
        if (!in.dry_run) changed = change.commit();
    }
    SyncPlan& plan = planner->plan();
    write_cards(store, in.dry_run ? nullptr : &*folder, texts ? &*texts : nullptr, plan, would, lines, problems);
    // Every pair quiet and no other: the base is the file's own entries, which read back as its bytes.
    const bool as_read = input.base && input.base->empty() && !plan.base.empty() && plan.base.size() == input.quiet.size();
    input.base.reset();
    release_freed();  // the last base
    if (!in.dry_run && !as_read) keep_base(store, base_file, std::move(plan.base), old_base);
    std::cout << lines;
    for (const auto& note : plan.gone) ctx.warn(note);
    problems.insert(problems.end(), plan.problems.begin(), plan.problems.end());
    for (const auto& p : problems) ctx.error(p.located());
    for (const auto& c : plan.conflicts)
        ctx.error(fmt::format("{}: '{}' changed on both sides: kith has {}, the card '{}' has {}; each side keeps its own "
                              "until one is changed to match", c.slug, c.conflict.key, said(c.conflict.kith),
                              in.dir + "/" + c.file, said(c.conflict.card)));
    if (!problems.empty() || !plan.conflicts.empty()) ctx.had_invalid_files = true;
    if (!changed.empty())
        autocommit(ctx, config, store, changed, fmt::format("kith: sync vdir {}", in.dir));
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
