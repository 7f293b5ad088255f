#include "process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string_view>
#include <thread>

extern char** environ;

namespace kith::cli {
namespace {

int wait_for(pid_t pid) {
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) return -1;
    }
    // Killed by a signal (git by SIGPIPE when `| head` stops reading): 128 + the signal, as a
    // shell reports it; -1 is kept for a program that could not be started.
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// The variables by which git finds a repository other than the one in the folder it runs in
// (`git rev-parse --local-env-vars`): a hook, an alias or a shell that sets GIT_DIR would
// otherwise send kith's git to another repository.
bool locates_another_repository(std::string_view entry) {
    static constexpr std::string_view names[] = {
        "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_CONFIG", "GIT_CONFIG_PARAMETERS", "GIT_CONFIG_COUNT",
        "GIT_OBJECT_DIRECTORY", "GIT_DIR", "GIT_WORK_TREE", "GIT_IMPLICIT_WORK_TREE", "GIT_GRAFT_FILE",
        "GIT_INDEX_FILE", "GIT_NO_REPLACE_OBJECTS", "GIT_REPLACE_REF_BASE", "GIT_PREFIX",
        "GIT_INTERNAL_SUPER_PREFIX", "GIT_SHALLOW_FILE", "GIT_COMMON_DIR", "GIT_NAMESPACE"};
    const std::string_view name = entry.substr(0, entry.find('='));
    return std::find(std::begin(names), std::end(names), name) != std::end(names);
}

// The environment a program runs with: kith's own, with `extra` (NAME=value) added or in
// place, and for git without the variables that locate another repository.
std::vector<std::string> environment_for(const std::vector<std::string>& args, const std::vector<std::string>& extra) {
    const bool git = !args.empty() && args.front() == "git";
    std::vector<std::string> variables = extra;
    for (char** e = environ; *e; ++e) {
        const std::string entry = *e;
        const std::string name = entry.substr(0, entry.find('=') + 1);
        const bool replaced = std::any_of(extra.begin(), extra.end(), [&](const std::string& x) { return x.starts_with(name); });
        if (!replaced && !(git && locates_another_repository(entry))) variables.push_back(entry);
    }
    return variables;
}

std::vector<char*> pointers(const std::vector<std::string>& strings) {
    std::vector<char*> out;
    for (const auto& s : strings) out.push_back(const_cast<char*>(s.c_str()));
    out.push_back(nullptr);
    return out;
}

}  // namespace

int run_program(const std::vector<std::string>& args) {
    const std::vector<std::string> variables = environment_for(args, {});
    std::vector<char*> argv = pointers(args), envp = pointers(variables);
    pid_t pid = 0;
    if (::posix_spawnp(&pid, argv[0], nullptr, nullptr, argv.data(), envp.data()) != 0) return -1;
    return wait_for(pid);
}

int run_shell_with_file(const std::string& command, const std::string& file) {
    // "$@" keeps the file one argument whatever its name; the command may hold options.
    return run_program({"/bin/sh", "-c", command + " \"$@\"", "sh", file});
}

Captured run_captured(const std::vector<std::string>& args, bool with_stderr, const std::vector<std::string>& env,
                      const std::string& input) {
    const std::vector<std::string> variables = environment_for(args, env);
    int pipe_fds[2], in_fds[2] = {-1, -1};
    if (::pipe2(pipe_fds, O_CLOEXEC) != 0) return {};
    if (!input.empty() && ::pipe2(in_fds, O_CLOEXEC) != 0) {
        ::close(pipe_fds[0]);
        ::close(pipe_fds[1]);
        return {};
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    if (input.empty()) posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    else posix_spawn_file_actions_adddup2(&actions, in_fds[0], 0);
    posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], 1);
    if (with_stderr) posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], 2);
    else posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    std::vector<char*> argv = pointers(args), envp = pointers(variables);
    pid_t pid = 0;
    const int spawned = ::posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    ::close(pipe_fds[1]);
    // The input is written beside the reading of the output: neither pipe fills up while the other waits.
    std::thread feed;
    if (!input.empty()) {
        ::close(in_fds[0]);
        feed = std::thread([fd = in_fds[1], &input] {
            sigset_t pipe_signal;  // a program that stops reading makes write fail here, not kill kith
            sigemptyset(&pipe_signal);
            sigaddset(&pipe_signal, SIGPIPE);
            pthread_sigmask(SIG_BLOCK, &pipe_signal, nullptr);
            for (size_t written = 0; written < input.size();) {
                const ssize_t n = ::write(fd, input.data() + written, input.size() - written);
                if (n < 0 && errno == EINTR) continue;
                if (n <= 0) break;  // the program stopped reading
                written += static_cast<size_t>(n);
            }
            ::close(fd);
        });
    }
    Captured result;
    char buffer[4096];
    for (;;) {
        const ssize_t n = ::read(pipe_fds[0], buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        result.output.append(buffer, static_cast<size_t>(n));
    }
    ::close(pipe_fds[0]);
    if (feed.joinable()) feed.join();
    if (spawned == 0) result.status = wait_for(pid);
    return result;
}

}  // namespace kith::cli
