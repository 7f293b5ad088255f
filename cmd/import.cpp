// kith import vcard|google|linkedin SOURCE: add new people, merge new facts, all or nothing.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <stdexcept>

#include "autocommit.hpp"
#include "commands.hpp"
#include "kith/contact_file.hpp"
#include "kith/editor.hpp"
#include "kith/error.hpp"
#include "kith/fields.hpp"
#include "kith/google_csv.hpp"
#include "kith/import_plan.hpp"
#include "kith/linkedin_csv.hpp"
#include "kith/text.hpp"
#include "kith/transaction.hpp"
#include "kith/vcard_contact.hpp"
#include "kith/yaml_emit.hpp"

namespace kith::cli {
namespace {

struct ImportOptions {
    std::string format, source, tier;
    bool dry_run = false;
};

// Reads a whole stream, a block at a time, after what `bytes` holds (room reserved is used as is).
std::string read_bytes(std::istream& in, const std::string& name, std::string bytes = {}) {
    char block[1 << 16];
    while (in.read(block, sizeof block) || in.gcount() > 0) bytes.append(block, static_cast<size_t>(in.gcount()));
    if (in.bad()) throw Error(ErrorKind::io, "cannot read '" + name + "'");
    return bytes;
}

std::string read_source_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(ErrorKind::io, "cannot open '" + path.string() + "'");
    std::string bytes;
    std::error_code ec;
    if (const auto size = std::filesystem::file_size(path, ec); !ec) bytes.reserve(size);  // one block, never grown
    return read_bytes(in, path.string(), std::move(bytes));
}

void append(ImportBatch& all, ImportBatch&& more) {
    std::move(more.records.begin(), more.records.end(), std::back_inserter(all.records));
    std::move(more.errors.begin(), more.errors.end(), std::back_inserter(all.errors));
    all.extensions += more.extensions;
    all.skipped += more.skipped;
}

// Reads the source: a file, "-" for stdin, or (vcard) a vdir of .vcf files in name order.
ImportBatch read_source(const ImportOptions& in) {
    const auto parse = [&](const std::string& bytes, const std::string& name) {
        if (in.format == "google") return read_google_csv(bytes, name);
        if (in.format == "linkedin") return read_linkedin_csv(bytes, name);
        return read_vcard_contacts(bytes, name);
    };
    if (in.source == "-") return parse(read_bytes(std::cin, "stdin"), "stdin");
    std::error_code ec;
    if (in.format == "vcard" && std::filesystem::is_directory(in.source, ec)) {
        std::vector<std::filesystem::path> files;
        for (const auto& entry : std::filesystem::directory_iterator(in.source))
            if (entry.path().extension() == ".vcf" && entry.is_regular_file()) files.push_back(entry.path());
        std::sort(files.begin(), files.end());
        ImportBatch all;
        for (const auto& file : files) append(all, parse(read_source_file(file), file.string()));
        return all;
    }
    if (!std::filesystem::exists(in.source, ec)) fail_usage("no such file '" + in.source + "'");
    return parse(read_source_file(in.source), in.source);
}

// Writes one fact into a contact file's text, surgically.
std::string apply_fact(const std::string& text, const ImportFact& fact, const std::string& path) {
    const Field* field = find_field(fact.key);
    if (fact.key == "dates") {
        const size_t space = fact.value.find(' ');
        const auto day = parse_month_day(fact.value.substr(0, space));
        if (!day) throw std::logic_error("import: a date fact without a day");
        const std::string what = space == std::string::npos ? "" : fact.value.substr(space + 1);
        return insert_item(text, "dates", yearly_date_line({*day, what}), std::nullopt, path);
    }
    if (fact.list_item) return add_list_item(text, fact.key, yaml_scalar(fact.value), path);
    const bool plain = field && field->kind != FieldKind::text;  // days and durations as written
    return set_top_level(text, fact.key, plain ? fact.value : yaml_scalar(fact.value));
}

std::string facts_text(const ImportDecision& d) {
    std::string out;
    for (const auto& f : d.facts) out += (out.empty() ? "" : ", ") + f.key + " '" + f.value + "'";
    return out;
}

int import(Context& ctx, const ImportOptions& in) {
    const Store store = ctx.store();
    const Config config = store.load_config();
    if (!in.tier.empty()) check_tiers(config, {in.tier});
    ImportBatch batch = read_source(in);
    std::vector<std::string> changed;
    ImportPlan plan;
    {
        Transaction change(store, config);  // decide under the lock
        // The network a chunk of files at a time: of each person only what a record could match.
        ImportNetwork existing(batch.records);
        const Network scanned = ctx.each_contact(true, [&](std::vector<Contact>& read_now, const Config&) {
            for (const auto& c : read_now) existing.add(c);
        });
        for (const auto& problem : scanned.problems) existing.hold_slug_of(problem.where().path);  // a file that does not read
        plan = plan_import(std::move(existing), batch.records, in.tier, [&](const std::vector<KnownPerson>& people) {
            std::vector<std::string> paths;
            for (const auto& person : people) paths.push_back(person.path);
            return store.load_contacts(paths, config);
        });
        const std::string would = in.dry_run ? "would " : "";
        for (const auto& d : plan.decisions) {  // in record order: each record is the first one left
            if (d.record + batch.records.size() != plan.decisions.size())
                throw std::logic_error("import: the decisions are not in record order");
            const Contact& record = batch.records.front().contact;
            if (d.action == ImportAction::add) {
                if (!in.dry_run) change.create(d.path, render_new_contact(record));
                std::cout << would << "add " << visible(record.name) << " as " << d.slug << "\n";
            } else if (d.action == ImportAction::merge) {
                if (!in.dry_run)
                    change.edit(d.path, [&d](const std::string& text) {
                        std::string out = text;
                        for (const auto& fact : d.facts) out = apply_fact(out, fact, d.path);
                        return out;
                    });
                std::cout << would << "merge " << visible(record.name) << " into " << d.slug << " (by " << d.matched_by
                          << "): " << visible(facts_text(d)) << "\n";
            }
            for (const auto& disagreement : d.disagreements) ctx.warn(d.slug + ": " + disagreement);
            batch.records.pop_front();  // written or said: the transaction holds what is left to write
        }
        if (!in.dry_run) changed = change.commit();
    }
    for (const auto& e : batch.errors) ctx.error(e.located());
    if (!batch.errors.empty()) ctx.had_invalid_files = true;
    std::cout << (in.dry_run ? "dry run: " : "") << plan.added << " added, " << plan.merged << " merged, "
              << plan.skipped << " skipped, " << batch.errors.size() << " failed\n";
    if (!in.dry_run && !changed.empty()) {
        const size_t people = plan.added + plan.merged;
        const std::string name = in.source == "-" ? "stdin" : std::filesystem::path(in.source).filename().string();
        autocommit(ctx, config, store.root(), changed,
                   "kith: import " + std::to_string(people) + " people from " + name);
    }
    return 0;
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
    cmd->footer(
        "Matches people by email, then URL, then name; a value you set is never overwritten.\n"
        "Examples:\n"
        "  kith import vcard contacts.vcf --dry-run\n"
        "  kith import google google.csv --tier loose\n"
        "  kith import linkedin Connections.csv");
    actions[cmd] = [&ctx, in] { return import(ctx, *in); };
}

}  // namespace kith::cli
