#pragma once
// kith's own words around CLI11: help without type names, wrapped to the terminal, parse
// errors a person understands, and the checks for counts and choices.
#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace kith::cli {

// Returns what an option's value looks like in help and completion: "text|tsv|json" for a
// choice, NAME, TIER, KIND, DIR, FILE, N, DATE, ... (empty for a flag).
std::string placeholder(const CLI::Option* option);

// Returns the choices an option accepts (from its IsMember check), or none.
std::vector<std::string> choices_of(const CLI::Option* option);

// Returns every name of the options a command accepts, its own and those it inherits.
std::vector<std::string> option_names(const CLI::App& command, const CLI::App& top);

// Makes help name values by what they are, not by their C++ type; install before commands.
void use_kith_help(CLI::App& app);

// Returns help text wrapped to `width` columns, continuation lines under the descriptions.
std::string wrap_help(const std::string& help, int width);

// Says in kith's words what went wrong on the command line, for the command `verb` ("" when
// none); ends with where to read more.
std::string explain(const CLI::ParseError& error, const CLI::App& top, const std::string& verb);

// A check that a value is a whole number from `least` to `most`, refusing "-1" and "1e9".
CLI::Validator count_check(long long least, long long most);

// A check that a value is one of `choices`, saying which ones otherwise.
CLI::Validator choice_check(std::vector<std::string> choices);

}  // namespace kith::cli
