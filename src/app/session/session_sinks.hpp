// Fans one engine's cues out to every listener of a session (audio, store, terminal line),
// so runners wire sinks without knowing what they are.
#pragma once

#include <functional>
#include <memory>
#include <vector>

#include "core/clock.hpp"
#include "core/cue_sink.hpp"
#include "core/plan.hpp"

namespace unknot {

class CueFanout final : public CueSink {
 public:
  void add(CueSink& sink) { m_sinks.push_back(&sink); }
  void onCue(const CueEvent& event) override {
    for (CueSink* sink : m_sinks) sink->onCue(event);
  }
  void onNextDue(std::optional<Millis> at) override {
    for (CueSink* sink : m_sinks) sink->onNextDue(at);
  }

 private:
  std::vector<CueSink*> m_sinks;  // not owned: each outlives the session
};

// Made once per session by the wiring in main.cpp: audio cues and the progress record.
// May return nullptr when there is nothing to attach.
using SessionSinkFactory =
    std::function<std::unique_ptr<CueSink>(const Plan& plan, const Clock& clock)>;

}  // namespace unknot
