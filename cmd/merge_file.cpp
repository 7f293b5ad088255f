// kith merge-file BASE OURS THEIRS [-p PATH]: git's merge driver for contact files (%O %A %B %P).
#include <fstream>
#include <iostream>
#include <sstream>

#include "commands.hpp"
#include "kith/error.hpp"
#include "kith/merge.hpp"
#include "kith/outside_file.hpp"

namespace kith::cli {
namespace {

// git hands the driver temporary files anywhere; they are read and written here, not by the store.
std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(ErrorKind::io, "cannot read", Location{path, 0, 0});
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

int merge_file(const Context& ctx, const std::vector<std::string>& files, const std::string& label) {
    const std::string base = read_file(files[0]), ours = read_file(files[1]), theirs = read_file(files[2]);
    const std::string path = label.empty() ? files[1] : label;
    const MergeResult result = merge_contact_files(base, ours, theirs, path);
    write_outside_file(files[1], result.text);  // git reads the result back from OURS' path (%A)
    const std::string how = result.structured ? "" : " (it does not read as a contact file, so its lines were merged)";
    if (result.conflicts > 0) {
        ctx.say("kith: " + path + ": " + std::to_string(result.conflicts) + " conflict" +
                (result.conflicts == 1 ? "" : "s") + " left" + how + "; edit the file (or 'kith edit NAME'), then 'git add " +
                path + "'");
        return 1;
    }
    if (!result.parses) {
        ctx.say("kith: " + path + ": merged" + how + ", but the result does not read; fix it, then 'git add " + path + "'");
        return 1;
    }
    return 0;
}

}  // namespace

void add_merge_file(CLI::App& app, Context& ctx, Actions& actions) {
    auto* cmd = app.add_subcommand("merge-file", "git's merge driver for contact files (%O %A %B): the result goes to OURS");
    auto files = std::make_shared<std::vector<std::string>>();
    auto label = std::make_shared<std::string>();
    cmd->add_option("BASE OURS THEIRS", *files, "The common ancestor, our version (overwritten), their version")
        ->required()
        ->expected(3);
    cmd->add_option("-p,--path", *label, "The file's name in the network, for messages (git's %P)");
    cmd->footer(
        "Lists (log, followups, dates, email, phone, aka, interests, tags) merge as sets of entries; other keys\n"
        "merge three-way, and different changes on both sides are marked around that key only.\n"
        "Exit 0 when clean, 1 when conflicts are left. 'kith init --git' sets it up.\n"
        "Example:\n"
        "  git config merge.kith.driver 'kith merge-file %O %A %B -p %P'   # with contacts/*.yaml merge=kith");
    actions[cmd] = [&ctx, files, label] { return merge_file(ctx, *files, *label); };
}

}  // namespace kith::cli
