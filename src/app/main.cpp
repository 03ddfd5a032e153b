// unknot's command line: the only translation unit that includes CLI11 (it compiles slowly).
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <iostream>

#include "app/library_commands.hpp"
#include "core/duration.hpp"

#ifdef UNKNOT_HAVE_GUI
#include "app/gui_runner.hpp"
#endif

namespace unknot {
namespace {

constexpr const char* kDefaultRoutine = "daily-recovery";

struct Options {
  std::string showId, runId, guiRunId, atText, screenshot, sizeText;
  std::vector<std::string> validatePaths;
  bool terminal = false;
  double timeScale = 1.0;
};

bool stdioIsTerminal() { return ::isatty(STDIN_FILENO) && ::isatty(STDOUT_FILENO); }

TerminalOptions terminalOptions(const Options& options) {
  TerminalOptions terminal;
  terminal.timeScale = options.timeScale;
  terminal.interactive = stdioIsTerminal();
  return terminal;
}

int runDefault(const Library& library, const Options& options) {
#ifdef UNKNOT_HAVE_GUI
  GuiOptions gui;
  gui.library = &library.routines;
  if (!options.guiRunId.empty()) gui.runId = options.guiRunId;
  if (!options.atText.empty()) {
    gui.at = parseDurationText(options.atText);
    if (!gui.at) {
      std::cerr << "unknot: --at: expected a duration like 12s or 1m30s, found '" << options.atText << "'\n";
      return kExitUsage;
    }
  }
  if (!options.screenshot.empty()) gui.screenshot = options.screenshot;
  gui.timeScale = options.timeScale;
  const int code = runGui(gui);
  if (code != kExitNoDisplay) return code;
#else
  std::cerr << "unknot: this build has no desktop window; using the terminal\n";
#endif
  if (!options.screenshot.empty()) return kExitFailure;
  const std::string id = options.guiRunId.empty() ? kDefaultRoutine : options.guiRunId;
  std::cerr << "unknot: starting '" << id << "' in the terminal (other routines: unknot list, "
            << "then unknot run ID --terminal)\n";
  return runTerminalCommand(library, id, terminalOptions(options), std::cout, std::cerr);
}

int dispatch(CLI::App& app, const Options& options) {
  const Library library = loadLibrary();
  if (app.got_subcommand("list")) return listCommand(library, std::cout, std::cerr);
  if (app.got_subcommand("show")) return showCommand(library, options.showId, std::cout, std::cerr);
  if (app.got_subcommand("validate")) {
    return validateCommand(library, options.validatePaths, std::cout, std::cerr);
  }
  if (app.got_subcommand("run")) {
    if (!options.terminal) {
#ifdef UNKNOT_HAVE_GUI
      Options gui = options;
      gui.guiRunId = options.runId;
      return runDefault(library, gui);
#endif
    }
    return runTerminalCommand(library, options.runId, terminalOptions(options), std::cout, std::cerr);
  }
  return runDefault(library, options);
}

int runCli(int argc, char** argv) {
  CLI::App app{"unknot - guided recovery routines for gluteal trigger points", "unknot"};
  app.set_version_flag("--version", std::string("unknot ") + UNKNOT_VERSION);
  Options options;
  app.add_option("--run", options.guiRunId, "Open the app and start this routine at once");
  app.add_option("--at", options.atText, "With --screenshot: show the player this far in (e.g. 12s)");
  app.add_option("--screenshot", options.screenshot, "Render one frame to this PNG and exit");
  app.add_option("--size", options.sizeText, "Window size WxH (e.g. 1280x800)");
  app.add_option("--time-scale", options.timeScale, "Run the clock N times faster (demos, tests)")
      ->check(CLI::Range(0.01, 1000.0));

  app.add_subcommand("list", "List the routines (bundled and your own) with their total time");
  auto* show = app.add_subcommand("show", "Show a routine's phases with their start times");
  show->add_option("id", options.showId, "Routine id (see list)")->required();
  auto* validate = app.add_subcommand("validate", "Check routine files (default: all routines)");
  validate->add_option("paths", options.validatePaths, "Files or folders to check");
  auto* run = app.add_subcommand("run", "Run a routine");
  run->add_option("id", options.runId, "Routine id (see list)")->required();
  run->add_flag("--terminal", options.terminal, "Run in the terminal instead of the window");
  run->add_option("--time-scale", options.timeScale, "Run the clock N times faster (demos, tests)")
      ->check(CLI::Range(0.01, 1000.0));
  app.require_subcommand(0, 1);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "unknot: " << e.what() << "\n(see unknot --help)\n";
    return kExitUsage;
  }
  return dispatch(app, options);
}

}  // namespace
}  // namespace unknot

int main(int argc, char** argv) {
  try {
    return unknot::runCli(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "unknot: " << e.what() << '\n';
    return 1;
  }
}
