// Esc asks before a run ends: one stray key must not lose a session. The first Esc raises the
// question, a second Esc stops, Enter (or any other key or click) goes on.
#pragma once

#include <span>
#include <vector>

#include "ui/ui_types.hpp"

namespace unknot {

class StopQuestion {
 public:
  // The keys the player should see this frame: the first Esc is held back (it asks), Enter
  // while asking only answers "go on", any other key answers it and acts as usual.
  std::vector<UiKey> filter(std::span<const UiKey> keys);
  bool asking() const { return m_asking; }
  void dismiss() { m_asking = false; }

 private:
  bool m_asking = false;
};

// The question over the player: "Stop this routine? Esc again to stop, Enter to go on", with a
// button for each. Returns true when "Stop" was clicked; "Go on" dismisses `question`.
bool drawStopQuestion(StopQuestion& question, const UiFonts& fonts);

}  // namespace unknot
