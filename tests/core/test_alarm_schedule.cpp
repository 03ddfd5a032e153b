// The heat/ice switch alarm with a fake clock: rings at once, repeats every 30 s growing
// louder up to the set volume, stops only when acknowledged, and survives a long gap.
#include <catch2/catch.hpp>

#include "core/reminders/alarm_schedule.hpp"
#include "support/fake_clock.hpp"

using namespace unknot;
using namespace unknot::testing;

namespace {

AlarmSettings settings(double volume = 0.8) {
  AlarmSettings s;
  s.interval = Millis(30'000);
  s.volume = volume;
  s.firstFraction = 0.4;
  s.ringsToFull = 4;
  return s;
}

}  // namespace

TEST_CASE("the alarm rings at the phase end and every 30 seconds until acknowledged") {
  FakeClock clock;
  AlarmSchedule alarm(settings());
  CHECK_FALSE(alarm.poll(clock.now()));
  CHECK_FALSE(alarm.untilNextRing(clock.now()));
  alarm.start(clock.now());
  auto ring = alarm.poll(clock.now());
  REQUIRE(ring);
  CHECK(ring->number == 1);
  CHECK_FALSE(alarm.poll(clock.now()));  // each ring once
  CHECK(alarm.untilNextRing(clock.now()) == Millis(30'000));

  clock.advance(Millis(29'999));
  CHECK_FALSE(alarm.poll(clock.now()));
  CHECK(alarm.untilNextRing(clock.now()) == Millis(1));
  clock.advance(Millis(1));
  ring = alarm.poll(clock.now());
  REQUIRE(ring);
  CHECK(ring->number == 2);

  int rings = 2;
  for (int i = 0; i < 20; ++i) {
    clock.advance(Millis(30'000));
    if (alarm.poll(clock.now())) ++rings;
  }
  CHECK(rings == 22);  // it never gives up by itself
  alarm.acknowledge();
  CHECK_FALSE(alarm.active());
  clock.advance(Millis(30'000));
  CHECK_FALSE(alarm.poll(clock.now()));
}

TEST_CASE("each ring is louder until it reaches the set volume, never above it") {
  FakeClock clock;
  AlarmSchedule alarm(settings(0.8));
  alarm.start(clock.now());
  std::vector<double> volumes;
  for (int i = 0; i < 6; ++i) {
    const auto ring = alarm.poll(clock.now());
    REQUIRE(ring);
    volumes.push_back(ring->volume);
    clock.advance(Millis(30'000));
  }
  CHECK(volumes[0] == Approx(0.32));
  CHECK(volumes[1] == Approx(0.48));
  CHECK(volumes[2] == Approx(0.64));
  CHECK(volumes[3] == Approx(0.8));
  CHECK(volumes[5] == Approx(0.8));
  for (size_t i = 1; i < volumes.size(); ++i) CHECK(volumes[i] >= volumes[i - 1]);
}

TEST_CASE("after a suspend the alarm rings once, at the loudness of the time that passed") {
  FakeClock clock;
  AlarmSchedule alarm(settings(1.0));
  alarm.start(clock.now());
  REQUIRE(alarm.poll(clock.now()));
  clock.advance(Millis(10 * 60'000));  // the machine slept for ten minutes
  const auto ring = alarm.poll(clock.now());
  REQUIRE(ring);
  CHECK(ring->number == 21);
  CHECK(ring->volume == Approx(1.0));
  CHECK_FALSE(alarm.poll(clock.now()));
  CHECK(alarm.untilNextRing(clock.now()) == Millis(30'000));
}

TEST_CASE("an alarm started for a later switch waits for it, and a restart begins quietly again") {
  FakeClock clock;
  AlarmSchedule alarm(settings(1.0));
  alarm.start(clock.now() + Millis(5'000));
  CHECK_FALSE(alarm.poll(clock.now()));
  CHECK(alarm.untilNextRing(clock.now()) == Millis(5'000));
  clock.advance(Millis(95'000));
  CHECK(alarm.poll(clock.now())->number == 4);
  alarm.start(clock.now());  // the next switch
  const auto ring = alarm.poll(clock.now());
  REQUIRE(ring);
  CHECK(ring->number == 1);
  CHECK(ring->volume == Approx(0.4));
}

TEST_CASE("an alarm nobody could hear yet is numbered from its start but starts soft") {
  FakeClock clock;
  AlarmSchedule alarm(settings(1.0));
  const Millis due = clock.now();
  clock.advance(
      Millis(100'000));  // unknot was closed: the rings at 0, 30, 60 and 90 s went unheard
  alarm.start(due, clock.now());
  auto ring = alarm.poll(clock.now());
  REQUIRE(ring);
  CHECK(ring->number == 4);
  CHECK(ring->volume == Approx(0.4));
  CHECK(alarm.untilNextRing(clock.now()) == Millis(20'000));  // 120 s after it fell due
  clock.advance(Millis(20'000));
  ring = alarm.poll(clock.now());
  REQUIRE(ring);
  CHECK(ring->number == 5);
  CHECK(ring->volume == Approx(0.6));
  clock.advance(Millis(60'000));
  CHECK(alarm.poll(clock.now())->volume == Approx(1.0));
}
