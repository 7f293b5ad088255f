// kith export vcard|csv|json|ics [-o DIR]: everything kith knows, in formats others read.
#include <iostream>
#include <optional>
#include <sstream>
#include <utility>

#include "export.hpp"
#include "kith/base/error.hpp"
#include "kith/base/plural.hpp"
#include "kith/interchange/export.hpp"
#include "kith/store/outside_file.hpp"
#include "kith/interchange/vcard_contact.hpp"

namespace kith::cli {
namespace {

struct ExportOptions {
    std::string format, dir;
    int vcard_version = 4;
    bool archived = false;
};

// True when `head` is the start of a card kith wrote (its PRODID), so that it may be replaced.
bool is_kith_card(const std::string& head) {
    return head.rfind("BEGIN:VCARD", 0) == 0 && head.find("PRODID:-//kith//kith//EN") != std::string::npos;
}

// A vdir: one .vcf per person. Files that are not kith's own cards are never replaced:
// every target is checked before anything is written.
void export_vdir(Context& ctx, const std::vector<std::pair<std::string, std::string>>& cards, const ExportOptions& in) {
    const OutsideFolder folder(in.dir, true);
    for (const auto& [name, card] : cards) {
        const std::optional<std::string> head = folder.head(name, 4096);
        if (head && !is_kith_card(*head))
            throw Error(ErrorKind::io, "'" + folder.path_of(name) + "' exists and is not a card kith wrote; nothing exported");
    }
    for (const auto& [name, card] : cards) folder.write(name, card);
    ctx.say("exported " + count_of(cards.size(), "person", "people") + " to " + in.dir);
}

Outcome export_network(Context& ctx, const ExportOptions& in) {
    if (!in.dir.empty() && in.format != "vcard") fail_usage("-o DIR writes one .vcf per person: only with 'vcard'");
    if (!in.dir.empty()) refuse_network_place(in.dir, ctx.store().path());
    // The files are read a chunk at a time and each person written out as read: never the whole
    // network in memory. A vdir keeps only the cards, to check every target before writing one.
    std::optional<ExportStream> stream;
    std::vector<std::pair<std::string, std::string>> cards;
    const auto start = [&](const Config& config) {
        if (!stream) stream.emplace(in.format, in.vcard_version, config, in.format == "ics" ? ctx.today() : Day{});
    };
    ctx.each_contact(in.archived, [&](std::vector<Contact>& read_now, const Config& config) {
        start(config);
        for (const auto& contact : read_now) {
            std::ostringstream card;
            if (const std::optional<Error> left_out = stream->add(contact, in.dir.empty() ? std::cout : card)) {
                ctx.error(left_out->located());
                ctx.had_invalid_files = true;
            } else if (!in.dir.empty()) {
                cards.emplace_back(vcard_file_name(contact), card.str());
            }
        }
    });
    if (!stream) start(ctx.store().load_config());
    if (!in.dir.empty()) export_vdir(ctx, cards, in);
    else stream->finish(std::cout);
    return Outcome::done;
}

}  // namespace

void add_export(CLI::App& app, Context& ctx, Actions& actions) {
    auto* cmd = app.add_subcommand("export", "Write every person as vCard, CSV, JSON or a calendar (ics)");
    auto in = std::make_shared<ExportOptions>();
    cmd->add_option("FORMAT", in->format, "vcard, csv, json or ics")
        ->required()
        ->check(CLI::IsMember({"vcard", "csv", "json", "ics"}));
    cmd->add_option("-o,--output", in->dir, "Folder for one .vcf per person (vcard only), instead of stdout");
    cmd->add_option("--vcard-version", in->vcard_version, "3 or 4 (default 4)")->check(CLI::IsMember({3, 4}));
    cmd->add_flag("--archived", in->archived, "Include archived people");
    cmd->footer(
        "Examples:\n"
        "  kith export vcard > everyone.vcf\n"
        "  kith export vcard -o ~/.contacts/kith     # a vdir for khard or vdirsyncer\n"
        "  kith export ics > ahead.ics");
    actions[cmd] = [&ctx, in] { return export_network(ctx, *in); };
}

}  // namespace kith::cli
