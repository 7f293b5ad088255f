#include "edit_session.hpp"

#include <unistd.h>

#include <iostream>

#include "kith/contact_file.hpp"
#include "kith/error.hpp"
#include "process.hpp"

namespace kith::cli {
namespace {

bool ask_to_reopen() {
    std::cerr << "reopen the file to fix it? [Y/n] " << std::flush;
    std::string answer;
    if (!std::getline(std::cin, answer)) return false;
    return answer.empty() || answer[0] == 'y' || answer[0] == 'Y';
}

}  // namespace

int edit_contact_file(Context& ctx, const Store& store, const std::string& path, const Config& config) {
    const std::string original = store.read(path);
    const std::string name = path.substr(path.rfind('/') + 1);
    const std::string copy = ".kith/edit-" + name;
    store.make_folder(".kith");
    store.write(copy, original);
    const std::string editor = ctx.editor.empty() ? "vi" : ctx.editor;
    for (;;) {
        const int status = run_shell_with_file(editor, store.root() + "/" + copy);
        if (status != 0)
            throw Error(ErrorKind::io, "the editor '" + editor + "' failed (status " + std::to_string(status) +
                                           "); " + path + " is unchanged, your copy is in " + copy);
        const std::string edited = store.read(copy);
        if (edited == original) {
            ctx.say("no change to " + path);
            return 0;
        }
        try {
            parse_contact(edited, path, config);
        } catch (const Error& problem) {
            ctx.error(problem.located());
            if (ctx.stdin_is_terminal && ask_to_reopen()) continue;
            ctx.say(path + " is unchanged; your edited copy is kept in " + copy);
            return 3;
        }
        const WriteLock lock(store.root());
        if (store.read(path) != original) {
            ctx.say(path + " changed while you were editing; it is unchanged, your copy is kept in " + copy);
            return 4;
        }
        store.write(path, edited);
        ::unlink((store.root() + "/" + copy).c_str());
        ctx.say("saved " + path);
        return 0;
    }
}

}  // namespace kith::cli
