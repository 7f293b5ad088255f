// kith merge-file BASE OURS THEIRS [-p PATH]: git's merge driver for contact files (%O %A %B %P);
// kith merge-file --redo FILE: the same merge again, from the versions git's index holds.
#include "merge_file.hpp"
#include "git_merge.hpp"
#include "kith/yaml/conflict_markers.hpp"
#include "kith/base/error.hpp"
#include "kith/merge/merge_write.hpp"
#include "kith/store/input_file.hpp"
#include "kith/store/outside_file.hpp"
#include "process.hpp"

namespace kith::cli {
namespace {

// git hands the driver temporary files anywhere: regular files only (a FIFO or a device would
// block or never end), at most max_file_bytes.
std::string read_input(const std::string& path) {
    InputFile input = read_input_file(path, max_file_bytes);
    if (input.kind == InputKind::not_a_file)
        throw Error(ErrorKind::invalid, "is not a regular file; git gives its merge driver regular files", Location{path, 0, 0});
    if (input.kind == InputKind::too_large)
        throw Error(ErrorKind::invalid, "is larger than 1 MiB, the most kith reads; merge it by hand", Location{path, 0, 0});
    return std::move(input.bytes);
}

// Refuses a result kith would not read back (the person would leave 'list'); nothing is written.
void refuse_too_large(const MergeResult& result, const std::string& path) {
    if (result.text.size() > max_file_bytes)
        throw Error(ErrorKind::invalid,
                    "the merged file would be larger than 1 MiB, the most kith reads; it is left as it was: merge it by hand",
                    Location{path, 0, 0});
}

// Writes the driver's result over OURS, as git expects of a merge driver.
void write_result(const std::string& ours, const std::string& text) {
    write_outside_file(ours, text);  // atomic, and never through a link at OURS' path
}

// Says what is left to do; returns done when clean, else conflicts_left (conflicts, or a result that does not read).
Outcome outcome(const Context& ctx, const MergeResult& result, const std::string& path, bool staged) {
    const std::string how = result.without_base ? " (it was added on both sides: no common version, so where they differ is marked)"
                            : result.structured ? ""
                                                : " (it does not read as a contact file, so its lines were merged)";
    if (result.conflicts > 0) {
        ctx.say("kith: " + path + ": " + std::to_string(result.conflicts) + " conflict" + (result.conflicts == 1 ? "" : "s") +
                " left" + how + "; edit the file (or 'kith edit NAME'), then 'git add " + path + "'");
        return Outcome::conflicts_left;
    }
    if (!result.parses) {
        ctx.say("kith: " + path + ": merged" + how + ", but the result does not read; fix it, then 'git add " + path + "'");
        return Outcome::conflicts_left;
    }
    if (staged) ctx.say("kith: " + path + ": merged again, clean; git has it as resolved");
    return Outcome::done;
}

Outcome merge_file(const Context& ctx, const std::vector<std::string>& files, const std::string& label) {
    if (files.size() != 3) fail_usage("merge-file takes BASE OURS THEIRS, or --redo FILE");
    const std::string base = read_input(files[0]), ours = read_input(files[1]), theirs = read_input(files[2]);
    const std::string path = label.empty() ? files[1] : label;
    const MergeResult result = merge_contact_files(base, ours, theirs, path);
    refuse_too_large(result, files[1]);
    write_result(files[1], result.text);
    return outcome(ctx, result, path, false);
}

// Merges FILE again from git's stages 1-3, ours being the file as it is now when it holds no
// markers (what git left, and any change made since), and leaves the result in the file.
Outcome redo(const Context& ctx, const std::string& file) {
    const Store store = ctx.store();
    const std::string path = path_in_network(ctx, store.path(), file);
    if (!path.ends_with(".yaml")) fail_usage("'" + file + "' is no contact file (they end in '.yaml')");
    const auto ours_staged = staged_version(store.path(), path, 2), theirs = staged_version(store.path(), path, 3);
    if (!ours_staged || !theirs)
        fail_usage("git's index holds no unmerged '" + path + "' with both sides (stages 2 and 3), so there is no merge to redo" +
                   (ours_staged || theirs ? "; it was deleted on one side: keep it ('git add') or remove it ('git rm')" : ""));
    const std::string base = staged_version(store.path(), path, 1).value_or("");
    std::string ours = *ours_staged;
    if (store.exists(path))
        if (std::string now = store.read(path); conflict_marker_line(now) == 0) ours = std::move(now);
    const MergeResult result = merge_contact_files(base, ours, *theirs, path);
    refuse_too_large(result, path);
    write_merge_result(store, path, result.text);
    const bool clean = result.conflicts == 0 && result.parses;
    const bool staged = clean && run_captured({"git", "--literal-pathspecs", "-C", store.path(), "add", "--", path}).status == 0;
    if (clean && !staged) ctx.warn("git could not mark " + path + " as resolved; run 'git add " + path + "'");
    return outcome(ctx, result, path, staged);
}

}  // namespace

void add_merge_file(CLI::App& app, Context& ctx, Actions& actions) {
    auto* cmd = app.add_subcommand("merge-file", "git's merge driver for contact files (%O %A %B): the result goes to OURS");
    auto files = std::make_shared<std::vector<std::string>>();
    auto label = std::make_shared<std::string>();
    auto again = std::make_shared<std::string>();
    cmd->add_option("BASE OURS THEIRS", *files, "The common ancestor, our version (overwritten), their version")->expected(3);
    cmd->add_option("-p,--path", *label, "The file's name in the network, for messages (git's %P)");
    cmd->add_option("--redo", *again, "Merge this contact file again from the versions git's index holds");
    cmd->footer(
        "Lists (log, followups, dates, email, phone, aka, interests, tags) merge entry by entry; other keys\n"
        "merge three-way, and different changes on both sides are marked around that key only. Every change\n"
        "of either side, comments and quoting included, reaches the result or is marked. A file added on both\n"
        "sides (no common version) is marked where the two differ.\n"
        "Exit 0 when clean, 1 when conflicts are left, 3 when an input is not a regular file or is larger than\n"
        "1 MiB, or the result would be (OURS is then left as it was). 'kith init --git' sets it up.\n"
        "--redo FILE merges FILE again from git's stages 1-3 when git left it unmerged without markers (the\n"
        "driver could not run), keeping changes made to the file since, and marks it resolved when clean.\n"
        "Examples:\n"
        "  git config merge.kith.driver 'kith merge-file %O %A %B -p %P'   # with contacts/*.yaml merge=kith\n"
        "  kith merge-file --redo contacts/ada-lovelace.yaml");
    actions[cmd] = [&ctx, files, label, again] {
        if (!again->empty() && !files->empty()) fail_usage("merge-file takes BASE OURS THEIRS, or --redo FILE, not both");
        return again->empty() ? merge_file(ctx, *files, *label) : redo(ctx, *again);
    };
}

}  // namespace kith::cli
