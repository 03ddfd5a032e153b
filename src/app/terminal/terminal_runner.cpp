#include "app/terminal/terminal_runner.hpp"

#include <poll.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <iostream>
#include <istream>
#include <memory>
#include <optional>
#include <ostream>
#include <sstream>
#include <string>

#include "app/session/exit_codes.hpp"
#include "app/session/session_commands.hpp"
#include "app/session/warnings.hpp"
#include "app/terminal/terminal_text.hpp"
#include "app/terminal/terminal_thermal.hpp"
#include "core/safe_text.hpp"
#include "core/session_engine.hpp"

namespace unknot {

namespace {

size_t terminalWidth() {
  winsize size{};
  if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col >= 20) return size.ws_col;
  return 80;
}

// Raw, unechoed single-key input for the life of the run; restores the terminal on any exit.
class RawTerminal {
 public:
  explicit RawTerminal(bool enable) {
    if (!enable || tcgetattr(STDIN_FILENO, &m_saved) != 0) return;
    termios raw = m_saved;
    raw.c_lflag &= ~static_cast<tcflag_t>(ICANON | ECHO | ISIG);
    raw.c_cc[VMIN] = 0;
    raw.c_cc[VTIME] = 0;
    m_active = tcsetattr(STDIN_FILENO, TCSANOW, &raw) == 0;
  }
  ~RawTerminal() {
    if (m_active) tcsetattr(STDIN_FILENO, TCSANOW, &m_saved);
  }
  RawTerminal(const RawTerminal&) = delete;
  RawTerminal& operator=(const RawTerminal&) = delete;

 private:
  termios m_saved{};
  bool m_active = false;
};

// Prints plain event lines when not interactive; the live line is drawn by the loop.
class EventPrinter final : public CueSink {
 public:
  EventPrinter(const Plan& plan, std::ostream& out, bool interactive)
      : m_plan(plan), m_out(out), m_interactive(interactive) {}

  void setStart(Millis start) { m_start = start; }
  // Leaving a heat/ice cycle mid-way is not "Stopped.": the runner says what happens instead.
  void watchThermal(const ThermalRun* thermal) { m_thermal = thermal; }

  void onCue(const CueEvent& event) override {
    if (m_thermal && m_thermal->left() && event.type == CueType::Stopped) return;
    if (m_interactive) {
      printOnTty(event);
      return;
    }
    // A resumed phase started before this run did: it shows as 00:00.
    const std::string line = describeEvent(m_plan, event, std::max(Millis(0), event.at - m_start));
    if (!line.empty()) m_out << terminalSafe(line) << '\n' << std::flush;
  }

 private:
  // On a TTY the instruction goes on its own wrapped lines, once per step, so the second
  // side does not repeat a paragraph the user has just read.
  void printOnTty(const CueEvent& event) {
    const bool phaseStart = event.type == CueType::PhaseStarted;
    if (!phaseStart && event.type != CueType::Finished && event.type != CueType::Stopped) return;
    const Phase& phase = m_plan.phases.at(event.phaseIndex);
    Phase shown = phase;
    const bool repeated = phase.text == m_lastText;
    shown.text.clear();
    const std::string line = phaseStart ? describePhaseStart(shown, event.at - m_start)
                                        : describeEvent(m_plan, event, event.at - m_start);
    m_out << "\r\033[K" << terminalSafe(line) << '\n';
    if (phaseStart && !repeated && !phase.text.empty()) {
      m_out << wrapText(terminalSafe(phase.text), terminalWidth(), "    ");
      m_lastText = phase.text;
    }
    m_out << std::flush;
  }

  const Plan& m_plan;
  std::ostream& m_out;
  bool m_interactive;
  Millis m_start{0};
  std::string m_lastText;
  const ThermalRun* m_thermal = nullptr;
};

// Raw mode reads Ctrl-C as this byte instead of raising SIGINT.
constexpr char kCtrlC = 3;

// The terminal's keys; nullopt for a key that means nothing here.
std::optional<SessionCommand> commandForKey(char key, bool thermal) {
  switch (key) {
    case ' ':
      return SessionCommand::TogglePause;
    case 'n':
      return SessionCommand::Skip;
    case 'b':
      return SessionCommand::Back;
    case 'd':
    case '\n':
    case '\r':
      return SessionCommand::Done;
    // q, Ctrl-C, Ctrl-D in raw mode. Closing mid-cycle keeps the cycle to come back to, like
    // closing the window.
    case 'q':
    case kCtrlC:
    case 4:
      return thermal ? SessionCommand::Leave : SessionCommand::Stop;
    case 'm':
      return SessionCommand::ToggleMute;
    case 'a':
      return SessionCommand::Acknowledge;  // "I've switched" at a heat/ice switch
    case 'w':
      return SessionCommand::SayWhere;
    case 'i':
      return SessionCommand::SayInstructions;
    default:
      return std::nullopt;
  }
}

// Waits up to `timeout` for one key; nullopt when none came.
std::optional<char> readKey(Millis timeout, bool& inputOpen) {
  if (!inputOpen) {
    ::poll(nullptr, 0, static_cast<int>(timeout.count()));
    return std::nullopt;
  }
  pollfd fd{STDIN_FILENO, POLLIN, 0};
  if (::poll(&fd, 1, static_cast<int>(timeout.count())) <= 0) return std::nullopt;
  char c = 0;
  const ssize_t n = ::read(STDIN_FILENO, &c, 1);
  if (n <= 0) {
    inputOpen = false;  // piped input ended: keep running on the timer alone
    return std::nullopt;
  }
  return c;
}

// How long to wait: until the engine's next event or the displayed second changes.
Millis waitFor(const SessionEngine& engine, const ThermalRun* thermal, const SteadyClock& clock,
               bool interactive) {
  const auto next = thermal ? thermal->untilNextChange() : engine.untilNextChange();
  Millis wait = next.value_or(Millis(1000));
  if (interactive) {
    const auto snap = engine.snapshot();
    if (snap.phaseRemaining) {
      const Millis toNextSecond{snap.phaseRemaining->count() % 1000};
      if (toNextSecond.count() > 0) wait = std::min(wait, toNextSecond);
    }
  }
  const auto real = std::chrono::duration_cast<Millis>(clock.toReal(wait)) + Millis(1);
  return std::clamp(real, Millis(1), Millis(1000));
}

}  // namespace

TerminalOutcome runInTerminal(const Plan& plan, const TerminalOptions& options, std::ostream& out) {
  const bool thermalPlan = isThermalPlan(plan);
  if (thermalPlan && !confirmLongThermal(plan, options.confirmLongThermal, options.interactive,
                                         std::cin, out, std::cerr)) {
    return TerminalOutcome::Refused;
  }
  SteadyClock clock(options.timeScale);
  EventPrinter printer(plan, out, options.interactive);
  CueFanout fanout;
  fanout.add(printer);
  std::unique_ptr<CueSink> extra =
      options.makeSessionSink ? options.makeSessionSink(plan, clock) : nullptr;
  if (extra) fanout.add(*extra);

  RawTerminal raw(options.interactive);
  bool inputOpen = true;
  bool interrupted = false;  // Ctrl-C: stopped like q, but the exit code says so
  bool muted = options.muted;
  SessionEngine engine(plan, clock, fanout);
  DesktopNotifier notifier;
  std::optional<ThermalRun> thermal;
  if (thermalPlan) {
    ThermalRun::Options thermalOptions;
    thermalOptions.timeScale = options.timeScale;
    thermalOptions.notifier = &notifier;
    thermalOptions.callers = [](const SwitchCallers& callers) {
      if (const std::string line = describeCallers(callers); !line.empty())
        std::cerr << line << '\n';
    };
    thermal.emplace(engine, clock, extra.get(), std::move(thermalOptions));
    printer.watchThermal(&*thermal);
  }
  // Names and texts come from routine files: written to the raw terminal only through
  // terminalSafe, as everything but the runner's own redraw sequences.
  out << terminalSafe(routineHeader(plan)) << '\n';
  if (options.interactive)
    out << keyHelp(plan) << (thermal ? ", Enter or a: switched" : "") << '\n';
  const Millis started = clock.now();
  printer.setStart(started);
  if (thermal) {
    auto resume = thermal->findResume();
    if (resume && options.freshThermal) {
      thermal->discardStored();
      resume.reset();
    }
    if (resume) out << terminalSafe(describeResume(plan, *resume)) << '\n';
    thermal->start(resume);
    engine.update();  // an overdue switch holds (and rings) before any key is read
  } else {
    engine.start();
  }
  while (engine.state() == SessionState::Running || engine.state() == SessionState::Paused) {
    if (thermal) {
      const ThermalTick tick = thermal->tick();
      const std::string clear = options.interactive ? "\r\033[K" : "";
      if (tick.holdStarted) {
        const size_t width = options.interactive ? terminalWidth() : 100;
        const ThermalHold& hold = *thermal->controller().hold();
        out << clear << terminalSafe(describeHold(hold, hold.since - started, width));
      }
      if (tick.ring) {
        const auto alarmMuted = thermal->alarmAudible() ? std::optional<bool>(muted) : std::nullopt;
        out << clear
            << terminalSafe(describeRing(*tick.ring, *thermal->controller().hold(),
                                         clock.now() - started, alarmMuted))
            << '\n';
      }
      out << std::flush;
    }
    if (options.interactive) {
      // Never wider than the terminal: a wrapped line cannot be redrawn in place.
      const auto& hold = thermal ? thermal->controller().hold() : std::nullopt;
      const std::string status = hold ? heldStatusLine(*hold) : statusLine(engine, muted);
      out << "\r\033[K" << fitWidth(terminalSafe(status), terminalWidth() - 1) << std::flush;
    }
    const auto key = readKey(
        waitFor(engine, thermal ? &*thermal : nullptr, clock, options.interactive), inputOpen);
    interrupted = interrupted || key == kCtrlC;
    if (const auto command = key ? commandForKey(*key, thermal.has_value()) : std::nullopt) {
      SessionControls controls{engine, thermal ? &*thermal : nullptr, {}, {}};
      if (options.toggleMute) controls.toggleMute = [&] { muted = options.toggleMute(); };
      // Said aloud when there is a voice, and written as a line either way.
      controls.speak = [&](const std::string& sentence) {
        if (options.speak) options.speak(sentence);
        out << (options.interactive ? "\r\033[K" : "") << terminalSafe(sentence) << '\n';
      };
      applySessionCommand(controls, *command);
    }
    engine.update();
  }
  if (options.interactive) out << "\r\033[K";
  const bool left = thermal && thermal->left();
  if (left) out << terminalSafe(describeLeave(plan, *thermal, options.resumeCommand)) << '\n';
  out << std::flush;
  if (interrupted) return TerminalOutcome::Interrupted;
  if (left) return TerminalOutcome::Left;
  return engine.state() == SessionState::Finished ? TerminalOutcome::Finished
                                                  : TerminalOutcome::Stopped;
}

void showFirstStartNotice(const TerminalOptions& options, std::istream& in, std::ostream& out) {
  if (!options.showNotice || !options.interactive) return;
  out << "Before you begin:\n";
  for (const char* paragraph : kFirstStartNotice)
    out << wrapText(paragraph, std::min<size_t>(terminalWidth(), 100), "  ");
  out << "Press Enter to go on (shown once; read it again with unknot --view notice) "
      << std::flush;
  std::string answer;
  std::getline(in, answer);
  if (options.acknowledgeNotice) options.acknowledgeNotice();
}

bool adviseBeforeStart(const Plan& plan, const TerminalOptions& options, std::istream& in,
                       std::ostream& out, std::ostream& err) {
  if (options.warnings.empty()) return true;
  const bool urgent = anyUrgent(options.warnings);
  std::ostringstream advice;
  advice << "Before you start " << plan.name << ":\n";
  printFlags(options.warnings, advice);
  advice << (urgent ? std::string("!!! ") + kNoExerciseToday : std::string(kGentlerToday)) << '\n'
         << kNotMedicalAdvice << '\n';
  out << terminalSafe(advice.str());
  if (options.despiteWarning) {
    out << "Starting anyway (--despite-warning).\n" << std::flush;
    return true;
  }
  if (options.interactive) {
    out << "Start " << terminalSafe(plan.name) << " anyway? [y/N] " << std::flush;
    std::string answer;
    std::getline(in, answer);
    const bool yes = !answer.empty() && (answer[0] == 'y' || answer[0] == 'Y');
    if (!yes) out << "Not started.\n";
    return yes;
  }
  out << std::flush;
  if (!urgent) return true;  // a script asked for it; the advice is in its log
  err << "unknot: run: " << plan.routineId
      << ": an urgent warning is on your record; not started (add --despite-warning to start "
         "anyway)\n";
  return false;
}

bool askToRunHere(const Plan& plan, std::istream& in, std::ostream& out) {
  out << "Start " << terminalSafe(plan.name) << " (" << formatDuration(plan.total)
      << (plan.hasUntimedPhases ? "+" : "") << ") here in the terminal? [y/N] " << std::flush;
  std::string answer;
  std::getline(in, answer);
  const bool yes = !answer.empty() && (answer[0] == 'y' || answer[0] == 'Y');
  if (!yes) out << "Not started.\n";
  return yes;
}

int runTerminalCommand(const Library& library, const std::string& id,
                       const TerminalOptions& options, std::ostream& out, std::ostream& err) {
  const auto [entry, code] = findRunnable(library, id, "run", err);
  if (!entry) return code;
  TerminalOptions run = options;
  if (run.resumeCommand.empty()) run.resumeCommand = "unknot run " + id + " --terminal";
  showFirstStartNotice(run, std::cin, out);
  // Expanded once at today's dose; the recorder keeps a reference to it for the whole run.
  const Plan plan = planAtDose(library, *entry, run.today.dose);
  if (!adviseBeforeStart(plan, run, std::cin, out, err)) return kExitFailure;
  if (const std::string line = doseLine(run.today); !line.empty())
    out << terminalSafe(line) << '\n';
  switch (runInTerminal(plan, run, out)) {
    case TerminalOutcome::Refused:
      return kExitFailure;
    case TerminalOutcome::Interrupted:
      return kExitInterrupted;
    default:
      return kExitOk;
  }
}

}  // namespace unknot
