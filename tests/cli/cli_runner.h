// Runs the built narcisse-cli (or any program) as a user or a script would, capturing its output
// and exit code, for the end-to-end tests of tests/cli.
#pragma once

#include <string>
#include <vector>

namespace narcisse::test {

struct RunResult {
    int code = -1;       // the exit code, or 128 + the signal that ended it
    std::string out;
    std::string err;
};

std::string readFile(const std::string& path);

// Runs `argv` (argv[0] looked up in PATH) with no standard input.
RunResult runProgram(std::vector<std::string> argv);

// Runs narcisse-cli with `args`. The user's own database and keyring are never touched: the
// default location points into a scratch folder, $NARCISSE_DATABASE_URL and the D-Bus session
// are unset.
RunResult runCli(std::vector<std::string> args);
// The same on the database `db` (--db first).
RunResult runCli(const std::string& db, std::vector<std::string> args);

}  // namespace narcisse::test
