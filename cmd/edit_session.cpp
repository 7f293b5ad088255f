#include "edit_session.hpp"

#include <iostream>
#include <optional>

#include "kith/model/contact_file.hpp"
#include "kith/base/error.hpp"
#include "kith/merge/merge.hpp"
#include "kith/store/edit_copy.hpp"
#include "kith/store/transaction.hpp"
#include "process.hpp"

namespace kith::cli {
namespace {

bool ask_yes(const std::string& question) {
    std::cerr << question << " [Y/n] " << std::flush;
    std::string answer;
    if (!std::getline(std::cin, answer)) return false;
    return answer.empty() || answer[0] == 'y' || answer[0] == 'Y';
}

bool ask_to_reopen() { return ask_yes("reopen the file to fix it?"); }

// Refuses an edit copy git tracks: it came with the repository (or 'git add -f'), so it is no
// earlier edit of the user's, and is neither offered nor replaced.
void refuse_tracked_copy(const Store& store, const EditCopy& copy) {
    std::vector<std::string> found;
    if (copy.exists()) found.push_back(copy.path());
    if (copy.knows_from()) found.push_back(copy.from_path());
    if (found.empty() || !store.tracked_by_git(found)) return;
    std::string names;
    for (const auto& name : found) names += (names.empty() ? "" : " ") + name;
    throw Error(ErrorKind::invalid, "an edit copy that git tracks (it came with the repository, or was added with 'git add -f') "
                                    "is no earlier edit of yours, so kith neither opens nor replaces it: remove it from git "
                                    "and delete it ('git rm --cached " + names + "', then 'rm " + names + "')",
                Location{found.front(), 0, 0});
}

// Decides whether to start from a copy an earlier edit left in .kith/ (true) or from the
// file (false); refuses, naming the copy, when it cannot ask.
bool resume_kept_copy(const Context& ctx, const std::string& path, const std::string& copy, KeptCopy kept) {
    if (kept != KeptCopy::ask) return kept == KeptCopy::resume;
    const std::string slug = path.substr(path.rfind('/') + 1, path.size() - path.rfind('/') - 1 - 5);
    if (!ctx.stdin_is_terminal)
        fail_usage("an earlier edit of " + path + " that was not saved is kept in " + copy +
                   "; run 'kith edit " + slug + " --resume' to go on with it, or 'kith edit " + slug +
                   " --discard' to start over from the file");
    ctx.say("an earlier edit of " + path + " that was not saved is kept in " + copy);
    if (ask_yes("resume editing it? ('n' starts over from the file and discards it)")) return true;
    return false;
}

// Saves the edited text in one Transaction, deciding under its lock: nullopt when the file no
// longer holds what the editor was given. Returns the paths changed. When the commit fails,
// the error names the copy, which stays.
std::optional<std::vector<std::string>> save(const Store& store, const Config& config, const std::string& path,
                                             const std::string& original, const std::string& edited,
                                             const std::string& copy) {
    Transaction change(store, config);
    if (change.read(path) != original) return std::nullopt;
    change.replace(path, edited);
    try {
        return change.commit();
    } catch (const Error& e) {
        throw Error(e.kind(), e.message() + "; your edited copy is kept in " + copy, e.where());
    }
}

}  // namespace

namespace {

// Brings a kept copy up to the file as it is now when the file changed since the copy was made:
// a three-way merge (base: the file then), the result (clean, or with its conflicts marked) put
// in the copy, never over the file.
void catch_up(const Context& ctx, const std::string& path, const EditCopy& edit_copy, const std::string& current) {
    const std::string& copy = edit_copy.path();
    const std::string kept = edit_copy.read();
    if (!edit_copy.knows_from())
        fail_usage("an earlier edit of " + path + " kept in " + copy + " does not say which version of the file it was made "
                   "from, and " + path + " may have changed since; compare the two and copy what you want into " + path +
                   " ('kith edit --discard' starts over from the file)");
    const std::string then = edit_copy.read_from();
    if (then == current) return;
    const MergeResult merged = merge_contact_files(then, current, kept, path);
    edit_copy.keep(current, merged.text);
    if (merged.conflicts == 0 && merged.parses)
        ctx.say(path + " changed since your edit was kept; your edit and those changes are merged in " + copy);
    else
        ctx.say(path + " changed since your edit was kept; where your edit and those changes differ is marked in " + copy +
                ": resolve it in the editor");
}

}  // namespace

EditResult edit_contact_file(Context& ctx, const Store& store, const std::string& path, const Config& config,
                             KeptCopy kept) {
    const std::string original = store.read(path);
    const EditCopy edit_copy(store, path);
    const std::string& copy = edit_copy.path();
    refuse_tracked_copy(store, edit_copy);
    const auto made_from = [&] { return edit_copy.knows_from() ? edit_copy.read_from() : original; };
    const bool have_copy = edit_copy.exists() && edit_copy.read() != made_from();
    if (kept == KeptCopy::resume && !have_copy)
        fail_usage("there is no earlier edit of " + path + " to resume in " + copy);
    const bool resume = have_copy && resume_kept_copy(ctx, path, copy, kept);
    if (resume) catch_up(ctx, path, edit_copy, original);
    else edit_copy.start(original);
    const auto drop_copy = [&] { edit_copy.drop(); };
    const std::string editor = ctx.editor.empty() ? "vi" : ctx.editor;
    for (;;) {
        const int status = run_shell_with_file(editor, store.path() + "/" + copy);
        if (status != 0)
            throw Error(ErrorKind::io, "the editor '" + editor + "' failed (status " + std::to_string(status) +
                                           "); " + path + " is unchanged, your copy is in " + copy);
        const std::string edited = edit_copy.read();
        if (edited == original) {
            drop_copy();
            ctx.say("no change to " + path);
            return {};
        }
        try {
            parse_contact(edited, path, config);
        } catch (const Error& problem) {
            ctx.error(problem.located());
            if (ctx.stdin_is_terminal && ask_to_reopen()) continue;
            ctx.say(path + " is unchanged; your edited copy is kept in " + copy);
            return {Outcome::invalid_files, {}};
        }
        const std::optional<std::vector<std::string>> changed = save(store, config, path, original, edited, copy);
        if (!changed) {
            ctx.say(path + " changed while you were editing; it is unchanged, your copy is kept in " + copy +
                    " ('kith edit --resume' merges it with those changes)");
            return {Outcome::changed_meanwhile, {}};
        }
        drop_copy();
        ctx.say("saved " + path);
        return {Outcome::done, *changed};
    }
}

}  // namespace kith::cli
