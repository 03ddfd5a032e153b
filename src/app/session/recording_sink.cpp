#include "app/session/recording_sink.hpp"

#include <memory>
#include <ostream>
#include <utility>

#include "app/session/open_store.hpp"
#include "app/session/session_extras.hpp"
#include "store/session_recorder.hpp"

namespace unknot {

namespace {

// Owns the record and any other sinks of one session; ends with a hint to check in.
class RecordedSession final : public CueSink, public ThermalRecord, public SinkWrapper {
 public:
  RecordedSession(std::unique_ptr<SessionRecorder> recorder, std::unique_ptr<CueSink> other,
                  std::ostream* hint)
      : m_recorder(std::move(recorder)), m_other(std::move(other)), m_hint(hint) {}
  ~RecordedSession() override {
    const bool saved = m_recorder && m_recorder->sessionId() && !m_recorder->failed();
    m_recorder.reset();
    if (saved && m_hint) {
      *m_hint << "Saved to your progress (unknot stats). How does it feel now? "
                 "unknot checkin --after-session --pain N\n";
    }
  }
  RecordedSession(const RecordedSession&) = delete;
  RecordedSession& operator=(const RecordedSession&) = delete;
  void onCue(const CueEvent& event) override {
    if (m_other) m_other->onCue(event);
    if (m_recorder) m_recorder->onCue(event);
  }
  void onNextDue(std::optional<Millis> at) override {
    if (m_other) m_other->onNextDue(at);
  }

  // Heat/ice cycles keep their deadline in the same session record.
  std::optional<StoredCycle> findResumable(std::int64_t nowUtcMs) override {
    const auto found = m_recorder ? m_recorder->findResumable(nowUtcMs) : std::nullopt;
    if (!found) return std::nullopt;
    return StoredCycle{found->sessionId, found->checkpoint};
  }
  bool adopt(std::int64_t sessionId) override { return m_recorder && m_recorder->adopt(sessionId); }
  void discard(std::int64_t sessionId) override {
    if (m_recorder) m_recorder->discard(sessionId);
  }
  void save(const ThermalCheckpoint& checkpoint, std::int64_t nowUtcMs) override {
    if (m_recorder) m_recorder->saveThermal(checkpoint, nowUtcMs);
  }
  void leaveOpen() override {
    if (m_recorder) m_recorder->leaveOpen();
    m_hint = nullptr;  // nothing was finished to be "saved"
  }
  CueSink* wrapped() override { return m_other.get(); }

 private:
  std::unique_ptr<SessionRecorder> m_recorder;
  std::unique_ptr<CueSink> m_other;
  std::ostream* m_hint;
};

}  // namespace

SessionSinkFactory recordingSinkFactory(const Library& library, const DataDir& dataDir,
                                        const std::string& runner, std::ostream& out,
                                        std::ostream& err, SessionSinkFactory other) {
  const RoutineLibrary* routines = &library.routines;
  // A window runs many sessions; a folder that cannot be written is worth one line, not one each.
  auto toldReadOnly = std::make_shared<bool>(false);
  return [=, &out, &err](const Plan& plan, const Clock& clock) -> std::unique_ptr<CueSink> {
    std::unique_ptr<CueSink> extra = other ? other(plan, clock) : nullptr;
    std::unique_ptr<SessionRecorder> recorder;
    if (isReadOnly(dataDir)) {
      if (!std::exchange(*toldReadOnly, true)) {
        err << "unknot: recording is off: " << dataDir.path.string()
            << " is read-only (the timer runs as usual)\n";
      }
      return std::make_unique<RecordedSession>(nullptr, std::move(extra), nullptr);
    }
    try {
      SessionRecorder::Options options;
      options.runner = runner;
      options.categoryOf = [routines](std::string_view id) -> std::optional<Category> {
        const Routine* routine = routines->findRoutine(id);
        if (!routine) return std::nullopt;
        return routine->category;
      };
      options.onError = [&err](const std::string& message) {
        err << "unknot: could not save progress: " << message
            << "; the rest of this session is not recorded (the timer runs as usual)\n";
      };
      recorder = std::make_unique<SessionRecorder>(openStore(dataDir, err), plan, options);
    } catch (const StoreError& e) {
      err << "unknot: this session will not be recorded (the timer runs as usual): " << e.what()
          << '\n';
    }
    return std::make_unique<RecordedSession>(std::move(recorder), std::move(extra),
                                             runner == "terminal" ? &out : nullptr);
  };
}

}  // namespace unknot
