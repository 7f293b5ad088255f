// kith edit NAME: open the file in $VISUAL/$EDITOR; validate on close; never keep a broken file.
#include <algorithm>

#include "autocommit.hpp"
#include "edit.hpp"
#include "edit_session.hpp"
#include "kith/base/error.hpp"
#include "kith/query/resolve.hpp"
#include "kith/model/layout.hpp"

namespace kith::cli {
namespace {

// Returns the file NAME means. A file that does not parse is found by its file name
// (contacts/ada.yaml, or ada.yaml) or its slug, before any prefix of a readable person,
// since a broken file is when 'kith edit' is needed most.
std::string file_to_edit(const Network& network, const std::string& name) {
    std::vector<std::string> paths;
    for (const auto& contact : network.contacts) paths.push_back(contact.path);
    for (const auto& problem : network.problems) {
        const std::string& path = problem.where().path;
        if (layout::in_people_folder(path) && path.ends_with(".yaml"))
            paths.push_back(path);
    }
    std::string wanted = name;
    if (wanted.starts_with(network.root + "/")) wanted.erase(0, network.root.size() + 1);
    while (wanted.starts_with("./")) wanted.erase(0, 2);
    const bool is_file = wanted.find('/') != std::string::npos || wanted.ends_with(".yaml");
    std::vector<std::string> found;
    for (const auto& path : paths) {
        const std::string file = path.substr(path.rfind('/') + 1);
        const bool hit = is_file ? path == wanted || file == wanted : file == wanted + ".yaml";
        if (hit && std::find(found.begin(), found.end(), path) == found.end()) found.push_back(path);
    }
    if (found.size() == 1) return found.front();
    if (found.size() > 1) fail_usage("'" + name + "' could be " + found[0] + " or " + found[1] + "; give the path");
    if (is_file) fail_usage("no contact file '" + name + "' in " + layout::contacts + "/ or " +
                            layout::archive + "/");
    return resolve(network.contacts, name).path;
}

// Returns the name of the person in a file, for the commit message; the file when unreadable.
std::string display_name(const Network& network, const std::string& path) {
    for (const auto& contact : network.contacts)
        if (contact.path == path) return contact.name;
    return path;
}

}  // namespace

void add_edit(CLI::App& app, Context& ctx, Actions& actions) {
    auto* cmd = app.add_subcommand("edit", "Edit a person's file in $VISUAL or $EDITOR, validated before it is saved");
    auto name = std::make_shared<std::string>();
    auto kept = std::make_shared<KeptCopy>(KeptCopy::ask);
    cmd->add_option("NAME", *name, "A person, or a file such as contacts/ada.yaml (also one that does not parse)")
        ->required();
    cmd->add_flag_callback("--resume", [kept] { *kept = KeptCopy::resume; },
                           "Go on with the copy an earlier edit that was not saved kept in .kith/");
    cmd->add_flag_callback("--discard", [kept] { *kept = KeptCopy::discard; },
                           "Start over from the file, discarding such a copy");
    cmd->footer(
        "Edits a copy in .kith/. A copy that does not read is reported with its place: on a terminal kith\n"
        "offers to reopen it; otherwise the original stays untouched and the copy is kept. The next\n"
        "'kith edit' offers to resume that copy on a terminal, and elsewhere asks for --resume or --discard;\n"
        "when the file changed since, the copy is first merged with those changes (conflicts marked in it).\n"
        "A file that does not parse opens too, by its slug or file name.\n"
        "Examples:\n  EDITOR=nano kith edit ada\n  kith edit contacts/ada-lovelace.yaml --discard");
    actions[cmd] = [&ctx, name, kept] {
        // Other files' problems are not this command's business: it opens one file.
        const Store store = ctx.store();
        const Network network = store.load_names(true);  // names and paths only
        const std::string path = file_to_edit(network, *name);
        const EditResult done = edit_contact_file(ctx, store, path, network.config, *kept);
        if (!done.changed.empty())
            autocommit(ctx, network.config, store, done.changed, "kith: edit " + display_name(network, path));
        return done.outcome;
    };
}

}  // namespace kith::cli
