#include "cli_runner.h"

#include "support/engines.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fcntl.h>
#include <fstream>
#include <spawn.h>
#include <sstream>
#include <sys/wait.h>

extern char** environ;

namespace narcisse::test {

namespace {
const TempDir& scratch() {
    static TempDir dir;
    return dir;
}
}  // namespace

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

RunResult runProgram(std::vector<std::string> argv) {
    static int runs = 0;
    const std::string outPath = scratch().file("out-" + std::to_string(++runs));
    const std::string errPath = scratch().file("err-" + std::to_string(runs));
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, outPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 2, errPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    std::vector<char*> args;
    for (auto& a : argv) args.push_back(a.data());
    args.push_back(nullptr);
    pid_t pid = 0;
    const int spawned = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    INFO("starting " << argv[0]);
    REQUIRE(spawned == 0);
    int status = 0;
    REQUIRE(waitpid(pid, &status, 0) == pid);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status), readFile(outPath), readFile(errPath)};
}

RunResult runCli(std::vector<std::string> args) {
    ::setenv("XDG_DATA_HOME", scratch().file("xdg").c_str(), 1);
    ::unsetenv("NARCISSE_DATABASE_URL");
    ::unsetenv("DBUS_SESSION_BUS_ADDRESS");   // no keyring prompt from a test
    args.insert(args.begin(), NARCISSE_CLI_PATH);
    return runProgram(std::move(args));
}

RunResult runCli(const std::string& db, std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db});
    return runCli(std::move(args));
}

}  // namespace narcisse::test
