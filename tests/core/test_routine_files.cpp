// The loader at the file boundary: sizes, unreadable paths, ids, error collection and hostile
// input that must neither crash nor take long.
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>

#include "core/safe_text.hpp"
#include "loader_helpers.hpp"
#include "support/process.hpp"

using namespace unknot;
using namespace unknot::testing;
namespace fs = std::filesystem;

namespace {

std::string manySteps(size_t count) {
  std::string text = "schema = 1\nname = \"Many\"\n";
  for (size_t i = 0; i < count; ++i) text += "[[steps]]\nname = \"S\"\nduration = 1\n";
  return text;
}

}  // namespace

TEST_CASE("files over 1 MiB are refused before they are read") {
  TempDir temp;
  const std::string huge = temp.file("huge.toml");
  std::ofstream(huge).put('#');
  fs::resize_file(huge, 10 * 1024 * 1024);  // sparse: costs no disk
  CHECK(onlyError(loadRoutineFile(huge, {})) ==
        huge + ":1:1: file is 10.0 MiB, the limit is 1 MiB");

  const std::string justOver = temp.file("just-over.toml");
  std::ofstream(justOver).put('#');
  fs::resize_file(justOver, limits::kMaxFileBytes + 1);
  CHECK(onlyError(loadRoutineFile(justOver, {})) ==
        justOver + ":1:1: file is 1048577 bytes, the limit is 1 MiB");

  CHECK(onlyError(parseText(std::string(limits::kMaxFileBytes + 1, ' '))) ==
        "x.toml:1:1: file is 1048577 bytes, the limit is 1 MiB");
}

TEST_CASE("a file of exactly 1 MiB still loads") {
  TempDir temp;
  std::string text = "schema = 1\nname = \"Padded\"\n[[steps]]\nname = \"Hold\"\nduration = 30\n#";
  text.resize(limits::kMaxFileBytes - 1, 'x');
  text += "\n";
  temp.write("padded.toml", text);
  REQUIRE(fs::file_size(temp.file("padded.toml")) == limits::kMaxFileBytes);
  CHECK(loadOk(loadRoutineFile(temp.file("padded.toml"), {})).name == "Padded");
}

TEST_CASE("unreadable paths are positioned errors") {
  TempDir temp;
  CHECK(onlyError(loadRoutineFile(temp.file("absent.toml"), {})) ==
        temp.file("absent.toml") + ":1:1: cannot read the file: No such file or directory");
  fs::create_directory(temp.file("folder.toml"));
  CHECK(onlyError(loadRoutineFile(temp.file("folder.toml"), {})) ==
        temp.file("folder.toml") + ":1:1: cannot read the file: it is a folder");
  // A FIFO would block a naive reader forever.
  REQUIRE(::mkfifo(temp.file("pipe.toml").c_str(), 0600) == 0);
  CHECK(onlyError(loadRoutineFile(temp.file("pipe.toml"), {})) ==
        temp.file("pipe.toml") + ":1:1: cannot read the file: not a regular file");
}

TEST_CASE("the file name must be a valid routine id") {
  const std::string text = withStep("name = \"A\"\nduration = 3\n");
  CHECK(onlyError(parseText(text, "/r/Pigeon Pose.toml")) ==
        "/r/Pigeon Pose.toml:1:1: file name 'Pigeon Pose.toml' is not a routine id: expected 1 to "
        "64 of a-z, 0-9 and '-', e.g. pigeon-pose.toml");
  CHECK(loadOk(parseText(text, "/r/pigeon-pose-2.toml")).id == "pigeon-pose-2");
}

TEST_CASE("routine ids are 1 to 64 of a-z, 0-9 and dash") {
  CHECK(isValidRoutineId("pigeon-pose"));
  CHECK(isValidRoutineId("a"));
  CHECK(isValidRoutineId("4-7-8"));
  CHECK(isValidRoutineId(std::string(64, 'a')));
  CHECK_FALSE(isValidRoutineId(std::string(65, 'a')));
  CHECK_FALSE(isValidRoutineId(""));
  CHECK_FALSE(isValidRoutineId("Pigeon"));
  CHECK_FALSE(isValidRoutineId("pigeon_pose"));
  CHECK_FALSE(isValidRoutineId("pigeon pose"));
  CHECK_FALSE(isValidRoutineId("../x"));
  CHECK_FALSE(isValidRoutineId("caf\xC3\xA9"));
}

TEST_CASE("every error in a file is reported, in reading order") {
  const auto result = parseText(R"(schema = 1
name = ""
rounds = 0

[[steps]]
name = "Hold"
duration = "-1s"
sides = "upside"

[[steps]]
kind = "rest"
)");
  CHECK(
      lines(result.errors) ==
      std::vector<std::string>{
          "x.toml:2:8: name: expected a string of 1 to 80 characters, found an empty string",
          "x.toml:3:10: rounds: expected a whole number from 1 to 20, found 0",
          R"(x.toml:7:12: steps[1].duration: expected a duration like 45, "45s" or "1m30s", found "-1s")",
          R"(x.toml:8:9: steps[1].sides: expected one of none, both, left, right, sore, found "upside")",
          "x.toml:10:1: steps[2]: missing key 'name' (every step needs a name, unless it embeds "
          "a routine with routine = \"id\")",
          R"(x.toml:10:1: steps[2]: missing key 'duration' (required for kind "rest"), e.g. duration = "45s")",
      });
}

TEST_CASE("a file with very many errors shows the first 50 and the total") {
  std::string text = "schema = 1\nname = \"Noisy\"\n";
  for (int i = 0; i < 80; ++i) text += "[[steps]]\nname = \"S\"\nduration = -1\n";
  const auto result = parseText(text);
  REQUIRE(result.errors.size() == 51);
  CHECK(
      result.errors[0].toString() ==
      R"(x.toml:5:12: steps[1].duration: expected a duration like 45, "45s" or "1m30s", found -1)");
  CHECK(result.errors[49].pos.line == 5 + 49 * 3);
  CHECK(result.errors[50].toString() ==
        "x.toml:155:12: too many errors: showing the first 50 of 80");
}

TEST_CASE("500 steps load and a 501st is refused at its table") {
  CHECK(loadOk(parseText(manySteps(limits::kMaxPhases))).steps.size() == limits::kMaxPhases);
  CHECK(onlyError(parseText(manySteps(limits::kMaxPhases + 1))) ==
        "x.toml:1503:1: steps: expected at most 500 steps, found more than 500 tables");
}

TEST_CASE("a 100,000-step file is refused without parsing it all") {
  std::string tables = "schema = 1\nname = \"Huge\"\n";
  while (tables.size() + 10 < limits::kMaxFileBytes) tables += "[[steps]]\n";
  std::string inlined = "schema = 1\nname = \"Huge\"\nsteps = [";
  while (inlined.size() + 4 < limits::kMaxFileBytes) inlined += "{},";
  inlined += "]\n";
  const auto started = std::chrono::steady_clock::now();
  CHECK(onlyError(parseText(tables)) ==
        "x.toml:503:1: steps: expected at most 500 steps, found more than 500 tables");
  CHECK(onlyError(parseText(inlined)) ==
        "x.toml:3:1510: steps: expected at most 500 steps, found more than 500 tables");
  // Measured ~0.1 ms each (toml++ alone needs ~90 ms for the first); the bound only catches
  // a return to full parsing on a slow, busy machine.
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(2));
}

TEST_CASE("keys dotted deeper than toml++ can nest are refused without a crash") {
  std::string dotted = "a";
  for (int i = 0; i < 100000; ++i) dotted += ".a";
  CHECK(onlyError(parseText(dotted + " = 1\n")) ==
        "x.toml:1:66: expected a key of at most 32 dotted parts, found more");
  CHECK(onlyError(parseText("[" + dotted + "]\n")) ==
        "x.toml:1:67: expected a key of at most 32 dotted parts, found more");
  std::string quoted = "\"a\"";
  for (int i = 0; i < 100000; ++i) quoted += ".\"a\"";
  CHECK(onlyError(parseText("x = { " + quoted + " = 1 }\n"))
            .find("expected a key of at most 32 dotted parts") != std::string::npos);
}

TEST_CASE("braces, brackets and dots inside strings and comments are not counted") {
  std::string braces(600, '{');
  std::string dots(100, '.');
  // text ends in an escaped quote and two plain ones; say ends in one quote before its '''.
  const std::string text = "schema = 1\nname = 'X'\nsummary = \"" + braces + dots + "\"\n# " +
                           braces + dots +
                           "\n[[steps]]\nname = 'Hold'\nduration = 30\ntext = \"\"\"\n[[x]]\n" +
                           braces + R"(\""")" + "\n\"\"\"\nsay = '''\n" + braces + "\n[y]''''\n";
  const Routine routine = loadOk(parseText(text));
  CHECK(routine.summary == braces + dots);
  CHECK(routine.steps[0].text == "[[x]]\n" + braces + "\"\"\"\n");
  CHECK(routine.steps[0].say == braces + "\n[y]'");
}

TEST_CASE("nesting beyond toml++'s limit is a clean error") {
  CHECK(onlyError(parseText("a = " + std::string(100000, '['))) ==
        "x.toml:1:261: Error while parsing value: exceeded maximum nested value depth of 256 "
        "(TOML_MAX_NESTED_VALUES)");
}

TEST_CASE("inputs known to upset toml++ 3.3 give clean errors") {
  // Upstream issues #190, #294 and #295 (docs/security.md): undefined behaviour in header-only
  // builds, clean errors from the shipped library; these keep it that way.
  for (const std::string text :
       {"[&", "a = [&\n", "schema\xEF\xBB\xBB= 1\n", "a =\xCC\xAA 1\n", "[\xEF\xBB\xBB]\n"}) {
    const auto result = parseText(text);
    INFO(joined(result.errors));
    CHECK_FALSE(result.routine);
    REQUIRE(result.errors.size() == 1);
    CHECK(result.errors[0].path == "x.toml");
  }
}

TEST_CASE("every message stays on one line whatever the file contains") {
  std::vector<std::string> messages;
  for (const auto& entry : fs::directory_iterator(fixture("loader"))) {
    for (const auto& d : loadRoutineFile(entry.path(), {}).errors) messages.push_back(d.toString());
  }
  const auto odd =
      parseText(withStep("name = \"A\"\nduration = \"1\\n2\\u0007\"\n\"x\\ny\" = 1\n"));
  for (const auto& d : odd.errors) messages.push_back(d.toString());
  CHECK(
      lines(odd.errors) ==
      std::vector<std::string>{
          R"(x.toml:6:12: steps[1].duration: expected a duration like 45, "45s" or "1m30s", found "1\n2\x07")",
          R"(x.toml:7:1: steps[1]: unknown key 'x\ny')",
      });
  REQUIRE(messages.size() >= 10);
  for (const auto& message : messages) CHECK(message.find('\n') == std::string::npos);
}

TEST_CASE("control characters are found wherever they are and shown visibly") {
  CHECK(firstControlCharacter("plain text\nwith a line", true).empty());
  CHECK(firstControlCharacter("plain text\nwith a line", false) == "\\x0a");
  CHECK(firstControlCharacter("tab\there", true).empty());
  CHECK(firstControlCharacter("x\x1b[31m", true) == "\\x1b");
  CHECK(firstControlCharacter("del\x7f", true) == "\\x7f");
  CHECK(firstControlCharacter("csi\xc2\x9b"
                              "2J",
                              true) == "\\u009b");
  CHECK(firstControlCharacter("caf\xc3\xa9 \xc2\xa0 \xe2\x80\x94", true).empty());  // é, nbsp, —
  CHECK(terminalSafe("a\x1b]52;c;x\x07"
                     "b\xc2\x9b"
                     "c\n\td") == "a\\x1b]52;c;x\\x07b\\u009bc\n\td");
  CHECK(terminalSafe("caf\xc3\xa9") == "caf\xc3\xa9");
}
