// Gives every test process its own home, made before the first test and removed after the
// last: HOME, the XDG base directories, UNKNOT_DATA_DIR and TMPDIR all point into it, whatever
// the shell that ran the tests had set (a user who moved their record has UNKNOT_DATA_DIR set;
// without this, a test would write sessions into it); SPEECHD_ADDRESS points at no server.
// ctest runs each test case as its own
// process, so every test case starts from an empty home.
#define CATCH_CONFIG_EXTERNAL_INTERFACES
#include "support/hermetic_env.hpp"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace unknot::testing {

namespace {

namespace fs = std::filesystem;

class HermeticEnvironment : public Catch::TestEventListenerBase {
 public:
  using TestEventListenerBase::TestEventListenerBase;

  void testRunStarting(Catch::TestRunInfo const&) override {
    std::string pattern = (fs::temp_directory_path() / "unknot-test-XXXXXX").string();
    std::vector<char> name(pattern.begin(), pattern.end());
    name.push_back('\0');
    if (!::mkdtemp(name.data())) throw std::runtime_error("cannot make the test's home folder");
    m_root = name.data();
    // mkdtemp makes it 0700; tests that run the binary as another user (a read-only record as
    // root) need to reach their folders inside it.
    fs::permissions(m_root, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                fs::perms::others_read | fs::perms::others_exec);
    const std::pair<const char*, const char*> layout[] = {
        {"HOME", "home"},
        {"XDG_CONFIG_HOME", "home/.config"},
        {"XDG_DATA_HOME", "home/.local/share"},
        {"XDG_STATE_HOME", "home/.local/state"},
        {"XDG_CACHE_HOME", "home/.cache"},
        {"UNKNOT_DATA_DIR", "home/.local/share/unknot"},
        {"TMPDIR", "tmp"}};
    for (const auto& [variable, folder] : layout) {
      const fs::path path = m_root / folder;
      fs::create_directories(path);
      ::setenv(variable, path.c_str(), 1);
    }
    // The binary speaks through the desktop's speech-dispatcher when one runs: a test must
    // never talk to the person's own (it would be heard), so its address is a socket that
    // does not exist.
    const std::string speechd = "unix_socket:" + (m_root / "tmp" / "no-speechd.sock").string();
    ::setenv("SPEECHD_ADDRESS", speechd.c_str(), 1);
  }

  void testRunEnded(Catch::TestRunStats const&) override {
    std::error_code ignored;
    fs::remove_all(m_root, ignored);
  }

 private:
  fs::path m_root;
};

}  // namespace

CATCH_REGISTER_LISTENER(HermeticEnvironment)

}  // namespace unknot::testing
