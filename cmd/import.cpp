// kith import vcard|google|linkedin SOURCE: add new people, merge new facts, all or nothing.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>
#include <unordered_map>

#include "autocommit.hpp"
#include "import.hpp"
#include "kith/base/error.hpp"
#include "kith/interchange/first_due.hpp"
#include "kith/interchange/google_csv.hpp"
#include "kith/interchange/import_plan.hpp"
#include "kith/interchange/import_write.hpp"
#include "kith/interchange/linkedin_csv.hpp"
#include "kith/base/plural.hpp"
#include "kith/base/text.hpp"
#include "kith/store/input_file.hpp"
#include "kith/store/transaction.hpp"
#include "kith/interchange/vcard_contact.hpp"

namespace kith::cli {
namespace {

struct ImportOptions {
    std::string format, source, tier, since;
    std::vector<std::string> tags;
    bool dry_run = false;
};

// Hands out a stream a block at a time, so that no input is ever held whole.
ReadChunk blocks_of(std::istream& in, const std::string& name) {
    auto block = std::make_shared<std::vector<char>>(size_t{1} << 16);
    return [&in, name, block]() {
        in.read(block->data(), static_cast<std::streamsize>(block->size()));
        if (in.bad()) throw Error(ErrorKind::io, "cannot read '" + name + "'");
        return std::string_view(block->data(), static_cast<size_t>(in.gcount()));
    };
}

// Reads one file (or stdin) of the format into the batch.
void read_file(const std::string& format, std::istream& in, const std::string& name, ImportBatch& batch) {
    const ReadChunk read = blocks_of(in, name);
    if (format == "google") read_google_csv(read, name, batch);
    else if (format == "linkedin") read_linkedin_csv(read, name, batch);
    else read_vcard_contacts(read, name, batch);
}

void read_path(const std::string& format, const std::filesystem::path& path, ImportBatch& batch) {
    const std::unique_ptr<std::istream> in = open_input_stream(path.string());
    read_file(format, *in, path.string(), batch);
}

// Reads the source: a file, "-" for stdin, or (vcard) a vdir of .vcf files in name order.
ImportBatch read_source(const ImportOptions& in) {
    ImportBatch batch;
    if (in.source == "-") {
        read_file(in.format, std::cin, "stdin", batch);
        return batch;
    }
    std::error_code ec;
    if (!std::filesystem::exists(in.source, ec)) fail_usage("no such file '" + in.source + "'");
    if (std::filesystem::is_directory(in.source, ec)) {
        if (in.format != "vcard")
            fail_usage("'" + in.source + "' is a folder; only 'kith import vcard' reads a folder (a vdir of .vcf files)");
        std::vector<std::filesystem::path> files;
        std::vector<std::string> unread;  // a .vcf that is no file to read (a link to nothing, a loop, a pipe)
        for (const auto& entry : std::filesystem::directory_iterator(in.source)) {
            if (entry.path().extension() != ".vcf") continue;
            std::error_code not_read;
            if (entry.is_regular_file(not_read)) files.push_back(entry.path());
            else unread.push_back(entry.path().string());
        }
        if (files.empty() && unread.empty()) fail_at(in.source, 0, 0, "holds no .vcf file; nothing was imported");
        std::sort(unread.begin(), unread.end());
        for (const auto& path : unread)
            batch.errors.emplace_back(ErrorKind::invalid, "is not a file kith can read (a link that leads nowhere, a "
                                      "folder, a pipe or a device); skipped", Location{path, 0, 0});
        std::sort(files.begin(), files.end());
        for (const auto& file : files) read_path(in.format, file, batch);
        return batch;
    }
    read_path(in.format, in.source, batch);
    return batch;
}

// Marks the records a warning is about: the last record of its file starting at or before its line.
std::vector<bool> records_warned(const ImportBatch& batch) {
    std::unordered_map<std::string, std::vector<std::pair<int, size_t>>> starts;  // file -> (line, record), in order
    for (size_t r = 0; r < batch.records.size(); ++r)
        starts[batch.records[r].source].emplace_back(batch.records[r].line, r);
    std::vector<bool> warned(batch.records.size(), false);
    for (const auto& w : batch.warnings) {
        const auto it = starts.find(w.where().path);
        if (it == starts.end()) continue;
        const auto after = std::upper_bound(it->second.begin(), it->second.end(), std::pair{w.where().line, batch.records.size()});
        if (after != it->second.begin()) warned[std::prev(after)->second] = true;
    }
    return warned;
}

// Says each distinct warning once, at its first place, with how many times it came.
void warn_once_each(Context& ctx, const std::vector<Error>& warnings) {
    std::vector<std::string> order;
    std::unordered_map<std::string, std::pair<const Error*, size_t>> seen;  // message -> (first, count)
    for (const auto& w : warnings) {
        auto [it, added] = seen.try_emplace(w.message(), &w, 0);
        if (added) order.push_back(w.message());
        ++it->second.second;
    }
    for (const auto& message : order) {
        const auto& [first, count] = seen[message];
        ctx.warn(first->located() + (count > 1 ? " (" + std::to_string(count) + " times)" : ""));
    }
}

std::string facts_text(const ImportDecision& d) {
    std::string out;
    for (const auto& f : d.facts) out += (out.empty() ? "" : ", ") + f.key + " '" + f.value + "'";
    return out;
}

Outcome import(Context& ctx, const ImportOptions& in) {
    const Store store = ctx.store();
    const Config config = store.load_config();
    if (!in.tier.empty()) check_tiers(config, {in.tier});
    const Day today = ctx.today();
    Arrival arrival{today, in.since.empty() ? std::nullopt : std::optional(parse_cli_day(in.since, today, Direction::past)),
                    in.tags};
    FirstDueCalendar calendar(today);
    ImportBatch batch = read_source(in);
    const std::vector<bool> warned = records_warned(batch);
    std::vector<std::string> changed, said(batch.records.size());  // what each decision did, said once done
    std::vector<Error> failed;
    ImportPlan plan;
    {
        Transaction change(store, config);  // decide under the lock
        if (in.dry_run) change.dry_run();    // every file made and checked, none written
        // The network a chunk of files at a time: of each person only what a record could match.
        ImportNetwork existing(batch.records);
        const Network scanned = ctx.each_contact(true, [&](std::vector<Contact>& read_now, const Config&) {
            for (const auto& c : read_now) {
                existing.add(c);
                calendar.add(c, config);  // who already waits for a first contact, and when
            }
        });
        for (const auto& problem : scanned.problems) existing.hold_slug_of(problem.where().path);  // a file that does not read
        plan = plan_import(std::move(existing), batch.records, in.tier, [&](const std::vector<KnownPerson>& people) {
            std::vector<std::string> paths;
            for (const auto& person : people) paths.push_back(person.path);
            return store.load_contacts(paths, config);
        });
        welcome_added(plan, batch.records, arrival, config, calendar);
        const std::string would = in.dry_run ? "would " : "";
        failed = stage_import(change, plan, batch.records, [&](const ImportDecision& d, const ImportRecord& record) {
            std::string& line = said[d.record];
            if (d.action == ImportAction::add) line = would + "add " + visible(record.contact.name) + " as " + d.slug;
            else if (d.action == ImportAction::merge)
                line = would + "merge " + visible(record.contact.name) + " into " + d.slug + " (by " + d.matched_by +
                       "): " + visible(facts_text(d));
        });
        if (!in.dry_run) changed = change.commit();
    }
    // Only now, with everything written (or checked), is anything said.
    for (const auto& d : plan.decisions)
        if (!d.failed && !said[d.record].empty()) std::cout << said[d.record] << "\n";
    warn_once_each(ctx, batch.warnings);
    for (const auto& d : plan.decisions)
        for (const auto& disagreement : d.disagreements) ctx.warn(d.slug + ": " + disagreement);
    for (const auto* errors : {&batch.errors, &failed})
        for (const auto& e : *errors) ctx.error(e.located());
    size_t failures = batch.errors.size();
    for (const auto& d : plan.decisions) failures += d.failed ? 1 : 0;
    if (failures > 0) ctx.had_invalid_files = true;
    size_t added_warned = 0;
    for (const auto& d : plan.decisions) added_warned += d.action == ImportAction::add && !d.failed && warned[d.record];
    std::cout << (in.dry_run ? "dry run: " : "") << plan.added << " added"
              << (added_warned ? " (" + std::to_string(added_warned) + " with warnings)" : "") << ", " << plan.merged << " merged, "
              << plan.skipped << " skipped, " << failures << " failed\n";
    if (!in.dry_run && !changed.empty()) {
        const size_t people = plan.added + plan.merged;
        const std::string name = in.source == "-" ? "stdin" : std::filesystem::path(in.source).filename().string();
        autocommit(ctx, config, store, changed,
                   "kith: import " + count_of(people, "person", "people") + " from " + name);
    }
    return Outcome::done;
}

}  // namespace

void add_import(CLI::App& app, Context& ctx, Actions& actions) {
    auto* cmd = app.add_subcommand("import", "Add people from vCard, Google or LinkedIn; merge what is new into the rest");
    auto in = std::make_shared<ImportOptions>();
    cmd->add_option("FORMAT", in->format, "vcard, google or linkedin")
        ->required()
        ->check(CLI::IsMember({"vcard", "google", "linkedin"}));
    cmd->add_option("SOURCE", in->source, "A file, '-' for stdin, or (vcard) a folder of .vcf files")->required();
    cmd->add_flag("--dry-run", in->dry_run, "Print what would be added and merged; write nothing");
    cmd->add_option("--tier", in->tier, "Tier of the people added");
    cmd->add_option("--tag", in->tags, "Tag of the people added (repeatable)");
    cmd->add_option("--since", in->since, "Start of the relationship of the people added (default: today)");
    cmd->footer(
        "Matches people by email, then URL, then name; a value you set is never overwritten.\n"
        "The people added are first due on days spread over their first cadence (first_due).\n"
        "Examples:\n"
        "  kith import vcard contacts.vcf --dry-run\n"
        "  kith import google google.csv --tier loose\n"
        "  kith import linkedin Connections.csv");
    actions[cmd] = [&ctx, in] { return import(ctx, *in); };
}

}  // namespace kith::cli
