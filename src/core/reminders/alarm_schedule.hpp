// The repeating alarm that calls a user back when a heat or ice phase ends: it rings at once,
// then every interval (30 s) a little louder up to the set volume, until acknowledged.
#pragma once

#include <optional>

#include "core/duration.hpp"

namespace unknot {

struct AlarmSettings {
  Millis interval{30'000};
  double volume = 1.0;         // the user's set volume: the loudest the alarm gets
  double firstFraction = 0.4;  // the first ring, as a fraction of `volume`
  int ringsToFull = 4;         // the ring that reaches full `volume`
};

struct AlarmRing {
  int number = 1;  // 1-based; counts the rings due so far, including any missed in a sleep or
                   // while unknot was closed
  double volume = 0;
};

class AlarmSchedule {
 public:
  explicit AlarmSchedule(AlarmSettings settings = {});

  // The phase ended at `at`: the first ring is due then. Restarting moves the series.
  void start(Millis at);
  // The series counts from `at`, but nothing rang before `audibleFrom` (unknot was closed): a
  // ring is due at once then, as soft as a first ring, and grows louder from there.
  void start(Millis at, Millis audibleFrom);
  void acknowledge() { m_startedAt.reset(); }
  bool active() const { return m_startedAt.has_value(); }

  // The ring due at `now`, if one is; each is returned once. Ring times come from the start
  // plus whole intervals, never from summed waits, and after a long gap (a suspend) only the
  // latest missed ring sounds, as loud as its number says.
  std::optional<AlarmRing> poll(Millis now);
  // How long a runner may sleep before the next ring; nullopt when not active.
  std::optional<Millis> untilNextRing(Millis now) const;
  double volumeOf(int ringNumber) const;

 private:
  int dueNumber(Millis now) const;

  AlarmSettings m_settings;
  std::optional<Millis> m_startedAt;
  int m_rung = 0;
  int m_unheard = 0;  // rings due before anyone could hear them: loudness counts from after
};

}  // namespace unknot
