// Keeps every cue the engine emits, for asserting order and instants.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/cue_sink.hpp"

namespace unknot::testing {

class RecordingCueSink final : public CueSink {
 public:
  void onCue(const CueEvent& event) override { events.push_back(event); }
  void onNextDue(std::optional<Millis> at) override { nextDue.push_back(at); }

  std::vector<CueEvent> of(CueType type) const {
    std::vector<CueEvent> out;
    for (const auto& e : events)
      if (e.type == type) out.push_back(e);
    return out;
  }
  void clear() { events.clear(); }

  std::vector<CueEvent> events;
  std::vector<std::optional<Millis>> nextDue;  // every announcement, in order
};

}  // namespace unknot::testing
