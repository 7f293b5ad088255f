// kith init [DIR] [--git]: make a network folder.
#include <filesystem>

#include "commands.hpp"
#include "kith/config_file.hpp"
#include "kith/error.hpp"
#include "process.hpp"

namespace kith::cli {
namespace {

// Adds a line to a small text file unless it is there already.
void ensure_line(const Store& store, const std::string& path, const std::string& line) {
    std::string text = store.exists(path) ? store.read(path) : "";
    if (("\n" + text).find("\n" + line + "\n") != std::string::npos) return;
    if (!text.empty() && !text.ends_with('\n')) text += '\n';
    store.write(path, text + line + "\n");
}

int init(Context& ctx, const std::string& dir_arg, bool git) {
    std::string dir = dir_arg;
    if (dir.empty() && ctx.where.dir_option) dir = *ctx.where.dir_option;
    if (dir.empty() && ctx.where.kith_dir) dir = *ctx.where.kith_dir;
    if (dir.empty()) dir = ctx.where.working_dir;
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) throw Error(ErrorKind::io, "cannot make folder: " + ec.message(), Location{dir, 0, 0});
    const Store store(dir);
    const bool existed = store.exists("kith.yaml");
    if (!existed) store.write("kith.yaml", default_config_text());
    store.make_folder("contacts");
    ensure_line(store, ".gitignore", ".kith/");
    ensure_line(store, ".gitattributes", "contacts/*.yaml merge=kith");
    if (git && !store.exists(".git")) {
        if (run_program({"git", "init", "--quiet", dir}) != 0)
            throw Error(ErrorKind::io, "'git init' failed", Location{dir, 0, 0});
    }
    ctx.say(std::string(existed ? "kith network already in " : "made a kith network in ") + dir +
            (existed ? "; added what was missing" : "; add people with 'kith add NAME'"));
    return 0;
}

}  // namespace

void add_init(CLI::App& app, Context& ctx, Actions& actions) {
    auto* cmd = app.add_subcommand("init", "Make a network folder: kith.yaml, contacts/, .gitignore, .gitattributes");
    auto dir = std::make_shared<std::string>();
    auto git = std::make_shared<bool>(false);
    cmd->add_option("DIR", *dir, "The folder (else --dir, $KITH_DIR or the working folder)");
    cmd->add_flag("--git", *git, "Also 'git init' the folder");
    cmd->footer("Examples:\n  kith init ~/network --git\n  kith init");
    actions[cmd] = [&ctx, dir, git] { return init(ctx, *dir, *git); };
}

}  // namespace kith::cli
