// Inputs from tests/fixtures/fuzz-regressions/ (found by scripts/fuzz, or reaching known toml++
// 3.3 bugs) loaded through loadRoutineFile against the shipped toml++ library.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>

#include "core/routine_loader.hpp"

using namespace unknot;
namespace fs = std::filesystem;

namespace {

fs::path regressionsDir() {
  return fs::path(UNKNOT_FIXTURES_DIR) / "fuzz-regressions";
}

LoadResult loadRegression(const std::string& name) {
  return loadRoutineFile(regressionsDir() / name, {fs::path(UNKNOT_SOURCE_DIR) / "assets"});
}

bool isOneCleanLine(const std::string& text) {
  return std::none_of(text.begin(), text.end(),
                      [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; });
}

std::string firstError(const LoadResult& result) {
  REQUIRE_FALSE(result.errors.empty());
  return result.errors.front().toString();
}

}  // namespace

TEST_CASE("every fuzz regression loads to a routine or to clean one-line positioned errors") {
  size_t count = 0;
  for (const auto& item : fs::directory_iterator(regressionsDir())) {
    if (item.path().extension() != ".toml") continue;
    ++count;
    INFO(item.path().filename().string());
    const LoadResult result = loadRoutineFile(item.path(), {});
    CHECK(result.routine.has_value() == result.errors.empty());
    for (const auto& error : result.errors) {
      INFO(error.toString());
      CHECK(error.pos.line >= 1);
      CHECK(error.pos.column >= 1);
      CHECK(isOneCleanLine(error.toString()));
    }
  }
  CHECK(count >= 7);
}

TEST_CASE("characters toml++ quotes from the file are escaped, not printed raw") {
  const std::string newline = firstError(loadRegression("parse-error-quotes-newline.toml"));
  CHECK(newline.find("parse-error-quotes-newline.toml:1:11: ") != std::string::npos);
  CHECK(newline.find("saw 'n\\x0a'") != std::string::npos);

  const std::string escape = firstError(loadRegression("parse-error-quotes-escape.toml"));
  CHECK(escape.find("parse-error-quotes-escape.toml:2:9: ") != std::string::npos);
  CHECK(escape.find("\\x1b") != std::string::npos);
  CHECK(isOneCleanLine(escape));
}

TEST_CASE("toml++ issue 295: a non-ASCII code point where whitespace may go is a parse error") {
  const auto combining = loadRegression("toml-issue-295-combining-mark.toml");
  CHECK(combining.errors.size() == 1);
  CHECK(firstError(combining).find("toml-issue-295-combining-mark.toml:1:1: ") !=
        std::string::npos);

  const auto ligature = loadRegression("toml-issue-295-arabic-ligature.toml");
  CHECK(ligature.errors.size() == 1);
  CHECK(firstError(ligature).find("toml-issue-295-arabic-ligature.toml:2:5: Error while parsing "
                                  "key-value pair: expected '='") != std::string::npos);
}

TEST_CASE("toml++ issue 190: non-ASCII text after a line-ending backslash is kept as text") {
  const auto result = loadRegression("toml-issue-190-after-line-ending-backslash.toml");
  INFO((result.errors.empty() ? "" : result.errors.front().toString()));
  REQUIRE(result.routine);
  CHECK(result.routine->summary == "Hips \xc2\xa7 and more");

  const auto upstream = loadRegression("toml-issue-190-upstream-example.toml");
  CHECK_FALSE(upstream.routine);
  CHECK(firstError(upstream).find("toml-issue-190-upstream-example.toml:1:1: ") !=
        std::string::npos);
}

TEST_CASE("toml++ issue 294: a table header opened with an ampersand is a parse error at it") {
  const auto result = loadRegression("toml-issue-294-table-ampersand.toml");
  CHECK(result.errors.size() == 1);
  CHECK(firstError(result).find("toml-issue-294-table-ampersand.toml:1:2: ") != std::string::npos);
}
