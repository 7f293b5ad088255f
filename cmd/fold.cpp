// kith fold COPY: merge a sync program's conflict copy into its original with the merge driver.
#include "autocommit.hpp"
#include "fold.hpp"
#include "git_merge.hpp"
#include "kith/base/error.hpp"
#include "kith/merge/merge_write.hpp"
#include "kith/store/store_copies.hpp"

namespace kith::cli {
namespace {

// The copy's original, refusing what cannot be folded.
std::string original_of(const Store& store, const std::string& copy_path) {
    const auto copy = conflict_copy_at(store, copy_path);
    if (!store.exists(copy_path)) fail_usage("there is no '" + copy_path + "'");
    if (!copy)
        fail_usage("'" + copy_path + "' is no conflict copy kith knows (see 'kith fold --help'); a person's file "
                   "is merged by git, or by hand");
    const std::string original = copy_path.substr(0, copy_path.find('/') + 1) + copy->original;
    if (!copy->foldable || !copy->original_there) fail_usage(conflict_copy_error(copy_path, original, *copy).message());
    return original;
}

Outcome fold(Context& ctx, const std::string& given) {
    const Store store = ctx.store();
    const Config config = store.load_config();
    const std::string copy = path_in_network(ctx, store.path(), given);
    const std::string original = original_of(store, copy);
    // The base: the original as git's HEAD has it, else none (then where they differ is marked).
    const std::string base = committed_version(store.path(), original).value_or("");
    const FoldResult folded = fold_conflict_copy(store, config, copy, original, base);
    if (folded.clean) {
        ctx.say("folded " + copy + " into " + original + (folded.nothing_new ? " (nothing new in it)" : "") +
                "; removed the copy");
        if (!folded.changed.empty())
            autocommit(ctx, config, store, folded.changed, "kith: fold " + copy + " into " + original);
        return Outcome::done;
    }
    ctx.say("kith: " + original + ": " + std::to_string(folded.conflicts) + " conflict" + (folded.conflicts == 1 ? "" : "s") +
            " with " + copy + " left (" + (base.empty() ? "no version in git's HEAD: where they differ is marked" : "against git's HEAD") +
            "); resolve them ('kith edit " + original + "'), then delete " + copy + ": all of it is in " + original + " now");
    return Outcome::conflicts_left;
}

}  // namespace

void add_fold(CLI::App& app, Context& ctx, Actions& actions) {
    auto* cmd = app.add_subcommand("fold", "Merge a sync program's conflict copy of a contact file into the file");
    auto copy = std::make_shared<std::string>();
    cmd->add_option("COPY", *copy, "The copy, as 'kith check' names it")->required();
    cmd->footer(
        "Merges COPY into the file it is a copy of with kith's merge driver, the version in git's HEAD as the\n"
        "common one (without git, or when HEAD lacks it, every difference is marked). Clean: the file takes\n"
        "the merge and COPY is removed (exit 0). Otherwise the conflicts are marked in the file and COPY is\n"
        "kept (exit 1): resolve them with 'kith edit', then delete COPY. 'kith check' lists the copies.\n"
        "Copies are recognised by name: Syncthing's NAME.sync-conflict-DATE-TIME-DEVICE.yaml; Dropbox's,\n"
        "Nextcloud's, ownCloud's, OneDrive's, Box's and Seafile's 'NAME (... conflicted copy ...).yaml';\n"
        "ownCloud's NAME_conflict-DATE-TIME.yaml; NAME.yaml.orig; and, beside NAME.yaml only, 'NAME 2.yaml',\n"
        "'NAME (1).yaml', NAME_LOCAL_123.yaml (git mergetool) and OneDrive's NAME-HOST.yaml (see the README).\n"
        "Example:\n  kith fold 'contacts/grace-hopper (conflicted copy 2026-12-01).yaml'");
    actions[cmd] = [&ctx, copy] { return fold(ctx, *copy); };
}

}  // namespace kith::cli
