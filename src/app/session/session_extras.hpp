// What a session's sinks offer a runner beyond cues: the heat/ice record (a stored cycle to
// resume, its deadline) and the switch alarm's bell. Sinks that wrap others let runners look
// through the whole chain, so the wiring order in main.cpp does not matter.
#pragma once

#include <cstdint>
#include <optional>

#include "core/cue_sink.hpp"
#include "core/thermal/thermal_controller.hpp"

namespace unknot {

struct StoredCycle {
  std::int64_t sessionId = 0;
  ThermalCheckpoint checkpoint;
};

class ThermalRecord {
 public:
  virtual ~ThermalRecord() = default;
  // A stored cycle of this session's plan that no live process runs, if any.
  virtual std::optional<StoredCycle> findResumable(std::int64_t nowUtcMs) = 0;
  // Continue that session's record; call before the engine starts. False when it cannot.
  virtual bool adopt(std::int64_t sessionId) = 0;
  // Ends a stored cycle the user chose not to resume (as stopped).
  virtual void discard(std::int64_t sessionId) = 0;
  virtual void save(const ThermalCheckpoint& checkpoint, std::int64_t nowUtcMs) = 0;
  // The app closes mid-cycle: keep the session open and resumable.
  virtual void leaveOpen() = 0;
};

class AlarmBell {
 public:
  virtual ~AlarmBell() = default;
  virtual void ring(double gain) = 0;  // one ring, `gain` times the set volume
  virtual void silence() = 0;
  // False when no audio device opened: the rings make no sound.
  virtual bool audible() const = 0;
};

class SinkWrapper {
 public:
  virtual ~SinkWrapper() = default;
  virtual CueSink* wrapped() = 0;
};

template <typename Extra>
Extra* findInChain(CueSink* sink) {
  for (int depth = 0; sink && depth < 8; ++depth) {
    if (auto* extra = dynamic_cast<Extra*>(sink)) return extra;
    auto* wrapper = dynamic_cast<SinkWrapper*>(sink);
    sink = wrapper ? wrapper->wrapped() : nullptr;
  }
  return nullptr;
}

}  // namespace unknot
