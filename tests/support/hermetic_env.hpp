// Tests never touch the user's real record or settings: every test process runs in its own
// home (see hermetic_env.cpp), and a child process gets only the locations its test names.
#pragma once

#include <map>
#include <string>

namespace unknot::testing {

// The variables that say where unknot reads and writes.
inline constexpr const char* kLocationVariables[] = {"HOME",           "XDG_CONFIG_HOME",
                                                     "XDG_DATA_HOME",  "XDG_STATE_HOME",
                                                     "XDG_CACHE_HOME", "UNKNOT_DATA_DIR"};

// In a child process before exec: clears the XDG and unknot location variables inherited from
// the test (HOME stays, pointing into the test's own home), then sets `env`. So a test that
// names only XDG_DATA_HOME is not overruled by an UNKNOT_DATA_DIR it never set.
void applyChildEnvironment(const std::map<std::string, std::string>& env);

}  // namespace unknot::testing
