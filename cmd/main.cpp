// kith's entry point: gathers what the library may not read itself (environment,
// terminal, working folder) and hands it to the command layer.
#include <signal.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "app.hpp"

namespace {

std::string env(const char* name) {
    const char* value = std::getenv(name);
    return value ? value : "";
}

int terminal_width(int fd = STDOUT_FILENO) {
    winsize size{};
    if (::ioctl(fd, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
    return 80;
}

}  // namespace

int main(int argc, char** argv) {
    // Past `ulimit -f`, a write fails with EFBIG (and kith undoes the change) instead of killing kith.
    ::signal(SIGXFSZ, SIG_IGN);
    kith::cli::Context ctx;
    std::error_code ec;
    ctx.where.working_dir = std::filesystem::current_path(ec).string();
    if (!env("KITH_DIR").empty()) ctx.where.kith_dir = env("KITH_DIR");
    const std::string home = env("HOME");
    ctx.home = home;
    ctx.env = env;
    ctx.where.data_home = !env("XDG_DATA_HOME").empty() ? env("XDG_DATA_HOME") : home + "/.local/share";
    ctx.today_text = env("KITH_TODAY");
    ctx.editor = !env("VISUAL").empty() ? env("VISUAL") : env("EDITOR");
    ctx.stdout_is_terminal = ::isatty(STDOUT_FILENO) == 1;
    ctx.stdin_is_terminal = ::isatty(STDIN_FILENO) == 1;
    ctx.no_color_env = !env("NO_COLOR").empty();
    ctx.terminal_width = ctx.stdout_is_terminal ? terminal_width() : 0;
    ctx.stderr_width = ::isatty(STDERR_FILENO) == 1 ? terminal_width(STDERR_FILENO) : 0;
    // As for ls: COLUMNS in the environment is the width, terminal or not (tests use it).
    if (const std::string columns = env("COLUMNS"); !columns.empty() && columns.size() < 5 &&
        columns.find_first_not_of("0123456789") == std::string::npos && std::stoi(columns) >= 20)
        ctx.terminal_width = std::stoi(columns);
    // The binary itself, for git's merge driver: argv[0] is only "kith" when run from PATH.
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    ctx.self = ec ? argv[0] : exe.string();
#ifdef KITH_TEST_HOOKS
    ctx.hooks = {env("KITH_TEST_PAUSE_AT"), env("KITH_TEST_PAUSE_FILE"), env("KITH_TEST_FAIL_AT"), env("KITH_TEST_CRASH_AT"),
                 env("KITH_TEST_HELD_TEXT_BYTES")};
    ctx.test_hooks = env("KITH_TEST_HOOKS") == "1";
    if (const std::string settle = env("KITH_TEST_SETTLE_NS"); !settle.empty() && settle.size() < 19 &&
        settle.find_first_not_of("0123456789") == std::string::npos)
        ctx.settle_ns = std::stoull(settle);
#endif
    return kith::cli::run(argc, argv, std::move(ctx));
}
