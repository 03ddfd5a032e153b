// Records a session as the engine runs it: the row at start, each phase as it ends, the outcome.
// A failed write stops the recording, never the timer (reported once, later cues ignored).
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/cue_sink.hpp"
#include "store/store.hpp"

namespace unknot {

class SessionRecorder final : public CueSink {
 public:
  struct Options {
    std::function<LocalInstant()> now = localNow;  // wall clock for UTC and offset
    CategoryLookup categoryOf;                     // categories of embedded routines
    std::function<void(const std::string&)> onError;
    std::string runner = "terminal";
  };

  SessionRecorder(std::shared_ptr<Store> store, const Plan& plan, Options options);
  // A session still open here ends as stopped (the runner went away without finishing).
  ~SessionRecorder() override;
  SessionRecorder(const SessionRecorder&) = delete;
  SessionRecorder& operator=(const SessionRecorder&) = delete;

  void onCue(const CueEvent& event) override;

  // Heat/ice. A stored cycle of this plan to come back to (same routine and plan
  // hash, no live process running it, within the resume window).
  std::optional<Store::ThermalSession> findResumable(std::int64_t nowUtcMs);
  // Continues that session's record instead of starting a new one; call before the first cue.
  // False (reported through onError) when it cannot be taken over.
  bool adopt(std::int64_t session);
  // Ends a stored cycle that will not be resumed, as stopped.
  void discard(std::int64_t session);
  void saveThermal(const ThermalCheckpoint& point, std::int64_t nowUtcMs);
  // The app closes mid-cycle: the session stays open and resumable, nothing more is written.
  void leaveOpen();

  std::optional<std::int64_t> sessionId() const { return m_session; }
  bool ended() const { return m_ended; }
  bool failed() const { return m_failed; }

 private:
  void begin();
  void phaseEnded(const CueEvent& event);
  void end(SessionOutcome outcome);
  template <typename Write>
  void attempt(Write&& write);

  std::shared_ptr<Store> m_store;
  const Plan& m_plan;
  Options m_options;
  std::optional<std::int64_t> m_session;
  bool m_ended = false;
  bool m_failed = false;
  // The current phase on the engine's clock; pauses inside it are subtracted.
  Millis m_phaseStart{0};
  Millis m_pausedInPhase{0};
  std::optional<Millis> m_pausedSince;
};

}  // namespace unknot
