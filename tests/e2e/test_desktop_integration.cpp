// The pieces that make an installed unknot behave like a desktop app beyond its window: bash
// completion driven as bash drives it (COMP_WORDS/COMP_CWORD), the man page generated from
// --help, and the AppStream release that must match the program's version.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "core/recovery/checkin.hpp"
#include "core/routine.hpp"
#include "support/process.hpp"

using namespace unknot;
using namespace unknot::testing;
namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::set<std::string> linesOf(const std::string& text) {
  std::set<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) lines.insert(line);
  return lines;
}

// What bash offers for the command line `words` (the last one being completed), one per line.
std::set<std::string> complete(const std::vector<std::string>& words) {
  std::string array = "'" UNKNOT_BINARY "'";
  for (const std::string& word : words) array += " '" + word + "'";
  const std::string script = "source '" UNKNOT_SOURCE_DIR
                             "/assets/completions/unknot.bash' || exit 2\n"
                             "COMP_WORDS=(" +
                             array +
                             ")\nCOMP_CWORD=$((${#COMP_WORDS[@]} - 1))\n_unknot\n"
                             "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
  const ProcessResult result = runProcess({"bash", "--norc", "--noprofile", "-c", script});
  INFO(result.err);
  REQUIRE(result.exitCode == 0);
  return linesOf(result.out);
}

ProcessResult runUnknot(std::vector<std::string> args) {
  args.insert(args.begin(), UNKNOT_BINARY);
  return runProcess(args);
}

// The commands of `unknot PATH --help` ("Subcommands:" list), as the program defines them.
std::vector<std::string> commandsOf(const std::vector<std::string>& path) {
  std::vector<std::string> args = path;
  args.push_back("--help");
  const std::string help = runUnknot(args).out;
  std::vector<std::string> commands;
  std::istringstream in(help.substr(std::min(help.find("\nSubcommands:\n"), help.size())));
  std::string line;
  std::getline(in, line);
  std::getline(in, line);
  while (std::getline(in, line) && line.rfind("  ", 0) == 0 && line.size() > 2 && line[2] != ' ')
    commands.push_back(line.substr(2, line.find(' ', 2) - 2));
  return commands;
}

// The long options of `unknot PATH --help`.
std::vector<std::string> optionsOf(const std::vector<std::string>& path) {
  std::vector<std::string> args = path;
  args.push_back("--help");
  const std::string help = runUnknot(args).out;
  std::vector<std::string> options;
  const std::regex option(R"(^  (?:-h,)?(--[a-z-]+))");
  std::istringstream in(help);
  for (std::string line; std::getline(in, line);) {
    std::smatch match;
    if (std::regex_search(line, match, option)) options.push_back(match[1]);
  }
  return options;
}

// Every command path: {"list"}, {"plan"}, {"plan", "start"}, ...
void walk(const std::vector<std::string>& path, std::vector<std::vector<std::string>>& all) {
  for (const std::string& command : commandsOf(path)) {
    auto next = path;
    next.push_back(command);
    all.push_back(next);
    walk(next, all);
  }
}

}  // namespace

TEST_CASE("unknot list --ids prints exactly the routine ids that list shows") {
  const ProcessResult ids = runUnknot({"list", "--ids"});
  REQUIRE(ids.exitCode == 0);
  const std::set<std::string> idSet = linesOf(ids.out);
  CHECK(idSet.count("pigeon-pose") == 1);
  const std::string table = runUnknot({"list"}).out;
  std::set<std::string> fromTable;
  std::istringstream in(table);
  std::string line;
  std::getline(in, line);  // the header
  while (std::getline(in, line)) {
    if (line.rfind("    ", 0) == 0) continue;  // a warning under a routine
    fromTable.insert(line.substr(0, line.find(' ')));
  }
  CHECK(idSet == fromTable);
}

TEST_CASE("bash completion offers the commands after unknot and the routine ids after run") {
  const auto commands = commandsOf({});
  REQUIRE(commands.size() > 10);
  CHECK(complete({""}) == std::set<std::string>(commands.begin(), commands.end()));
  CHECK(complete({"re"}) == std::set<std::string>{"report", "reminders", "remind", "restore"});
  const std::set<std::string> ids = linesOf(runUnknot({"list", "--ids"}).out);
  REQUIRE(ids.size() > 5);
  CHECK(complete({"run", ""}) == ids);
  CHECK(complete({"show", "pig"}) == std::set<std::string>{"pigeon-pose"});
  CHECK(complete({"--run", ""}) == ids);
  CHECK(complete({"reminders", ""}) ==
        std::set<std::string>{"add", "remove", "list", "export", "enable", "disable", "status"});
}

TEST_CASE("bash completion offers each command's options, symptom names, targets and levels") {
  for (const auto& path : std::vector<std::vector<std::string>>{{}, {"run"}, {"plan", "start"}}) {
    auto words = path;
    words.push_back("--");
    const auto options = optionsOf(path);
    INFO(words.size());
    CHECK(complete(words) == std::set<std::string>(options.begin(), options.end()));
  }
  std::set<std::string> symptoms;
  for (const Symptom symptom : kAllSymptoms) symptoms.insert(toString(symptom));
  CHECK(complete({"checkin", "--symptom", ""}) == symptoms);
  CHECK(complete({"checkin", "--pain", "3", "--gone", "sa"}) ==
        std::set<std::string>{"saddle-numbness"});

  const auto targets = complete({"reminders", "add", "8:00", "--target", ""});
  for (const Category category :
       {Category::Stretch, Category::FoamRoll, Category::Massage, Category::Strength,
        Category::Thermal, Category::Posture, Category::Mixed})
    CHECK(targets.count(toString(category)) == 1);
  CHECK(targets.count("any") == 1);
  CHECK(complete({"plan", "start", "--target", "foam-roll+ma"}) ==
        std::set<std::string>{"foam-roll+massage"});
  CHECK(complete({"reminders", "add", "8:00", "--target", "routine:pigeon"}) ==
        std::set<std::string>{"routine:pigeon-pose"});
  CHECK(complete({"show", "pigeon-pose", "--level", ""}) ==
        std::set<std::string>{"gentle", "standard", "strong"});
  CHECK(complete({"plan", "level", ""}) ==
        std::set<std::string>{"gentle", "standard", "strong", "auto"});
}

TEST_CASE("zsh completes with the same bash completion through bashcompinit") {
  if (!fs::exists("/usr/bin/zsh")) {
    WARN("zsh is not installed (scripts/setup installs it)");
    return;
  }
  // As zsh's _bash_complete calls it; zsh's own matching then filters by what was typed.
  const auto offered = [](const std::string& words) {
    const std::string script =
        "autoload -U +X bashcompinit && bashcompinit\n"
        "source '" UNKNOT_SOURCE_DIR
        "/assets/completions/unknot.bash' 2>/dev/null\n"
        "local -a COMP_WORDS COMPREPLY; local COMP_CWORD\n"
        "COMP_WORDS=('" UNKNOT_BINARY "' " +
        words +
        ")\n"
        "COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))\n"
        "compgen -F _unknot -- \"${COMP_WORDS[-1]}\"\n";
    const ProcessResult result = runProcess({"zsh", "-f", "-c", script});
    INFO(result.err);
    CHECK(result.exitCode == 0);
    return linesOf(result.out);
  };
  const auto commands = commandsOf({});
  CHECK(offered("''") == std::set<std::string>(commands.begin(), commands.end()));
  CHECK(offered("run ''") == linesOf(runUnknot({"list", "--ids"}).out));
  CHECK(offered("checkin --symptom ''").count("saddle-numbness") == 1);
}

TEST_CASE("the man page has a section for every command with every one of its options") {
#ifndef UNKNOT_HAVE_MAN_PAGE
  WARN("this build makes no man page (a sanitizer build, or help2man is missing)");
  return;
#endif
  const fs::path page = fs::path(UNKNOT_BUILD_DIR) / "man" / "man1" / "unknot.1";
  REQUIRE(fs::is_regular_file(page));
  // Unescaped: roff writes "-" as "\-".
  std::string text = std::regex_replace(slurp(page), std::regex(R"(\\-)"), "-");
  const std::string version = runUnknot({"--version"}).out;  // "unknot 0.1.0\n"
  CHECK(text.find(version.substr(7, version.size() - 8)) != std::string::npos);
  std::vector<std::vector<std::string>> paths{{}};
  walk({}, paths);
  REQUIRE(paths.size() > 25);
  for (const auto& path : paths) {
    std::string name = "unknot";
    for (const std::string& word : path) name += " " + word;
    INFO(name);
    size_t at = 0;
    if (!path.empty()) {
      at = text.find(".SS \"" + name + "\"\n");
      REQUIRE(at != std::string::npos);
    }
    const size_t end = text.find(".SS ", at + 1);
    const std::string section = text.substr(at, end == std::string::npos ? end : end - at);
    for (const std::string& option : optionsOf(path)) {
      if (option == "--help") continue;
      INFO(option);
      CHECK(section.find(option) != std::string::npos);
    }
  }
}

TEST_CASE("the AppStream file's newest release is the version unknot reports") {
  const std::string metainfo =
      slurp(fs::path(UNKNOT_SOURCE_DIR) / "assets" / "org.example.unknot.metainfo.xml");
  std::smatch release;
  REQUIRE(std::regex_search(
      metainfo, release, std::regex(R"re(<release version="([^"]+)" date="(\d{4}-\d\d-\d\d)")re")));
  CHECK("unknot " + release[1].str() + "\n" == runUnknot({"--version"}).out);
}
