// The whole scheduling path without a device: the real engine on a fake clock emits cues, the
// planner turns them into sounds, and a fake audio stream renders them; the tests check
// which cue starts at which sample.
#include <catch2/catch.hpp>
#include <cmath>

#include "audio/cue_planner.hpp"
#include "core/session_engine.hpp"
#include "fake_stream.hpp"
#include "support/fake_clock.hpp"
#include "support/routine_builder.hpp"

using namespace unknot;
using namespace unknot::testing;

namespace {

Plan planOf(const Routine& routine) {
  auto result = expand(routine, [](std::string_view) -> const Routine* { return nullptr; });
  REQUIRE(result.plan);
  return *result.plan;
}

// Collects what the planner makes of each event until the next audio callback takes it.
class PlanningSink final : public CueSink {
 public:
  explicit PlanningSink(const Plan& plan) : m_planner(plan) {
    for (size_t i = 0; i < kCueSoundCount; ++i) m_sounds.cues[i] = testSound(2400);
  }
  void onCue(const CueEvent& event) override {
    const SpeechLookup speech = [](const std::string&) { return testSound(4800); };
    for (auto& cue : m_planner.plan(event, settings, m_sounds, {}, speech))
      queued.push_back(std::move(cue.request));
  }
  AudioSettings settings;
  std::vector<CueRequest> queued;

 private:
  CuePlanner m_planner;
  CueSounds m_sounds;
};

struct Expected {
  SoundTag tag;
  double atSeconds;  // after the start
  double delayMs = 0;
};

// A runner that wakes `wakeLateMs` after each callback, like a terminal runner that sleeps
// until the next change and then updates; the audio callback runs every 10 ms.
struct Session {
  Session(Plan p, double scale, double wakeLateMs)
      : plan(std::move(p)),
        sink(plan),
        engine(plan, clock, sink),
        stream(scale, clock.now().count()) {
    this->wakeLateMs = wakeLateMs;
  }
  void run(double seconds) {
    engine.start();
    const double end = stream.start + seconds * 1000.0;
    while (stream.engineMs < end) {
      stream.callback([&] {
        for (auto& request : sink.queued) stream.mixer.submit(std::move(request));
        sink.queued.clear();
        for (const auto& s : stream.mixer.starts()) starts.push_back(s);
        stream.mixer.clearStarts();
      });
      clock.set(Millis(std::llround(stream.engineMs + wakeLateMs * stream.scale)));
      engine.update();
    }
  }
  Plan plan;
  FakeClock clock;
  PlanningSink sink;
  SessionEngine engine;
  FakeStream stream;
  double wakeLateMs = 0;
  std::vector<ScheduledStart> starts;
};

void checkStarts(const Session& session, const std::vector<Expected>& expected) {
  REQUIRE(session.starts.size() == expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    INFO("cue " << i << ": " << toString(expected[i].tag) << " at " << expected[i].atSeconds
                << " s");
    const ScheduledStart& got = session.starts[i];
    CHECK(got.tag == expected[i].tag);
    const double at = session.stream.start + expected[i].atSeconds * 1000.0;
    const int64_t sample = session.stream.sampleOf(at) + std::llround(expected[i].delayMs * 48.0);
    CHECK(got.sample == sample);
    CHECK_FALSE(got.late);
  }
}

}  // namespace

TEST_CASE("every cue of pigeon pose starts on its boundary sample") {
  // prepare 5 s, right 30 s, switch 5 s, left 30 s; the runner wakes 7 ms after each cue.
  Session session(planOf(makeRoutine("pigeon", {holdStep("Pigeon", 30, Sides::Both)}, 5)), 1.0,
                  7.0);
  session.run(72);
  const double prompt = CuePlanner::kPromptAfterCueMs;
  checkStarts(session, {
                           {SoundTag::Chime, 0},
                           {SoundTag::Speech, 0, prompt},
                           {SoundTag::Pip, 2},
                           {SoundTag::Pip, 3},
                           {SoundTag::Pip, 4},
                           {SoundTag::Chime, 5},
                           {SoundTag::Speech, 5, prompt},
                           {SoundTag::Bell, 20},
                           {SoundTag::Pip, 32},
                           {SoundTag::Pip, 33},
                           {SoundTag::Pip, 34},
                           {SoundTag::Switch, 35},
                           {SoundTag::Speech, 35, prompt},
                           {SoundTag::Chime, 40},
                           {SoundTag::Speech, 40, prompt},
                           {SoundTag::Bell, 55},
                           {SoundTag::Pip, 67},
                           {SoundTag::Pip, 68},
                           {SoundTag::Pip, 69},
                           {SoundTag::Finish, 70},
                           {SoundTag::Speech, 70, 1200},
                       });
}

TEST_CASE("a sped-up session keeps every cue on its boundary sample") {
  Routine routine = makeRoutine("short", {holdStep("Hold", 4, Sides::Both)}, 3);
  routine.steps[0].switchTime = Millis(2000);
  routine.rounds = 2;
  Session session(planOf(routine), 8.0, 2.0);
  session.sink.settings.voice = false;
  session.run(30);
  // Round 2 begins with its first phase: the round cue replaces that phase's chime.
  checkStarts(session, {
                           {SoundTag::Chime, 0},   {SoundTag::Pip, 1},     {SoundTag::Pip, 2},
                           {SoundTag::Chime, 3},   {SoundTag::Pip, 4},     {SoundTag::Pip, 5},
                           {SoundTag::Pip, 6},     {SoundTag::Switch, 7},  {SoundTag::Chime, 9},
                           {SoundTag::Pip, 10},    {SoundTag::Pip, 11},    {SoundTag::Pip, 12},
                           {SoundTag::Round, 13},  {SoundTag::Pip, 14},    {SoundTag::Pip, 15},
                           {SoundTag::Pip, 16},    {SoundTag::Switch, 17}, {SoundTag::Chime, 19},
                           {SoundTag::Pip, 20},    {SoundTag::Pip, 21},    {SoundTag::Pip, 22},
                           {SoundTag::Finish, 23},
                       });
}

TEST_CASE("timed reps tick on each rep's sample") {
  Step reps;
  reps.name = "Bridge";
  reps.say = "Bridge";
  reps.kind = StepKind::Reps;
  reps.reps = 4;
  reps.repTime = Millis(2000);
  reps.countdown = 0;
  Session session(planOf(makeRoutine("bridge", {reps}, 0)), 1.0, 4.0);
  session.sink.settings.voice = false;
  session.run(9);
  checkStarts(session, {{SoundTag::Chime, 0},
                        {SoundTag::Tick, 2},
                        {SoundTag::Tick, 4},
                        {SoundTag::Tick, 6},
                        {SoundTag::Finish, 8}});
}
