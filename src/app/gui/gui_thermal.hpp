// The heat/ice side of a window session: a ThermalRun on the session's engine, the thermal
// player state it shows, and what calls the user back at a switch (the alarm through the
// session's bell, window attention, a desktop notification). Also the confirmation before
// applications over 20 minutes and resuming a stored cycle.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <span>
#include <string>

#include "app/gui/gui_session.hpp"
#include "app/session/desktop_notifier.hpp"
#include "app/session/thermal_run.hpp"
#include "ui/thermal_view.hpp"

struct GLFWwindow;

namespace unknot {

struct GuiOptions;

// The routine of a heat/ice cycle left open by an earlier run (closed window, crash), if the
// store holds one that can still be resumed; the app offers it on start.
const Plan* storedThermalPlan(const GuiOptions& options);

// Said once when a cycle starts in the window, where less than the alarm, a desktop
// notification and the window itself will call the user at a switch: the line for stderr (empty
// while notifications work) and the banner shown in the window (empty when all three will).
std::string callersNotice(const SwitchCallers& callers);
std::string callersBanner(const SwitchCallers& callers);

class GuiThermal {
 public:
  struct Options {
    double timeScale = 1.0;
    bool still = false;            // a screenshot: no store, no notifications
    GLFWwindow* window = nullptr;  // for attention at a switch; may be null
  };
  GuiThermal(GuiSession& session, const Options& options);

  // True while a dialog shows: the confirmation for applications over 20 minutes, or the
  // offer to resume a stored cycle; the session has not started yet.
  bool awaitingConfirmation() const { return m_confirm || m_offer; }
  // Which of the two: the long-application confirmation shows first.
  bool confirmingLong() const { return m_confirm.has_value(); }
  // Offers a stored cycle of this plan when there is one (an overdue one resumes at once,
  // ringing), else starts `at` in.
  void start(Millis at);

  void tick();  // after every session update
  struct Outcome {
    PlayerIntent player = PlayerIntent::None;
    std::optional<SessionCommand> command;  // "I've switched"
    bool cancelled = false;                 // a dialog was declined: back to the library
    bool started = false;                   // the confirmation was given: the session has started
  };
  Outcome draw(const UiFonts& fonts, std::span<const UiKey> keys, std::optional<bool> muted);
  // The window closes mid-cycle: keep the cycle resumable.
  void leave();
  ThermalRun& run() { return m_run; }

  // What the heat/ice player shows now.
  ThermalViewModel model(std::optional<bool> muted) const;
  ImU32 background() const;
  int revision() const;  // changes whenever the drawn thermal state changes
  std::optional<std::chrono::microseconds> untilNextChange() const;

 private:
  void begin(std::optional<ResumePoint> resume);
  void jumpInto(Millis at);

  GuiSession& m_session;
  Options m_options;
  DesktopNotifier m_notifier;
  ThermalRun m_run;
  std::optional<std::string> m_confirm;  // the warning while confirmation is pending
  std::optional<ResumePoint> m_offer;    // a stored cycle offered for resuming
  bool m_understood = false;
  Millis m_startAt{0};
  std::string m_banner;
  int m_rings = 0;
  int m_holds = 0;
};

}  // namespace unknot
