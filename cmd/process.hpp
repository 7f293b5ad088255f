#pragma once
// Running other programs (git, the user's editor) without a shell in between. git always runs
// without the variables that would point it at another repository (GIT_DIR, GIT_WORK_TREE,
// GIT_INDEX_FILE and the rest of `git rev-parse --local-env-vars`): kith's git works on the
// network's own repository, found from the folder it runs in.
#include <string>
#include <vector>

namespace kith::cli {

// Runs a program found on PATH with the given arguments, inheriting the terminal; returns its
// exit status (128 + the signal when a signal ended it), or -1 when it could not be started.
int run_program(const std::vector<std::string>& args);

// Runs a command line through /bin/sh, with `file` appended as its last argument,
// as git does with $EDITOR; returns its exit status.
int run_shell_with_file(const std::string& command, const std::string& file);

// What a program run quietly said, and its exit status (-1 when it could not be started).
struct Captured {
    int status = -1;
    std::string output;  // stdout, and stderr too when asked for
};

// Runs a program found on PATH with its output captured (stderr too when `with_stderr`, else
// dropped); `env` adds or replaces NAME=value variables; stdin reads `input`, or /dev/null.
Captured run_captured(const std::vector<std::string>& args, bool with_stderr = false,
                      const std::vector<std::string>& env = {}, const std::string& input = "");

}  // namespace kith::cli
