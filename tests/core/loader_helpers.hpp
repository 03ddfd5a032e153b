// Shared by the routine loader and library tests: parse inline TOML and read diagnostics.
#pragma once

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "core/routine_loader.hpp"

namespace unknot::testing {

inline std::string fixture(const std::string& relative) {
  return std::string(UNKNOT_FIXTURES_DIR) + "/" + relative;
}

inline LoadResult parseText(const std::string& text, const std::string& path = "x.toml",
                            const LoaderOptions& options = {}) {
  return parseRoutine(text, path, options);
}

inline std::vector<std::string> lines(const Diagnostics& diagnostics) {
  std::vector<std::string> out;
  for (const auto& d : diagnostics) out.push_back(d.toString());
  return out;
}

inline std::string joined(const Diagnostics& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics) out += d.toString() + "\n";
  return out;
}

// The one error a bad input must produce, as `path:line:column: message`.
inline std::string onlyError(const LoadResult& result) {
  INFO(joined(result.errors));
  REQUIRE(result.errors.size() == 1);
  CHECK_FALSE(result.routine);
  return result.errors.front().toString();
}

inline Routine loadOk(const LoadResult& result) {
  INFO(joined(result.errors));
  REQUIRE(result.errors.empty());
  REQUIRE(result.routine);
  return *result.routine;
}

// A valid header followed by one [[steps]] table whose keys start on line 5.
inline std::string withStep(const std::string& stepKeys) {
  return "schema = 1\nname = \"X\"\n\n[[steps]]\n" + stepKeys;
}

}  // namespace unknot::testing
