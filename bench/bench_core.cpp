// Measures core costs: loading many routine files and one engine update.
// Prints `name value unit` lines; scripts/bench gathers them into a table.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/routine_library.hpp"
#include "core/session_engine.hpp"

namespace {

using namespace unknot;
using Seconds = std::chrono::duration<double>;

class FixedClock final : public Clock {
 public:
  Millis now() const override { return m_now; }
  void advance(Millis by) { m_now += by; }

 private:
  Millis m_now{0};
};

class NullSink final : public CueSink {
 public:
  void onCue(const CueEvent&) override { ++count; }
  long long count = 0;
};

void writeRoutine(const std::filesystem::path& path, int index) {
  std::ofstream out(path);
  out << "schema = 1\nname = \"Generated " << index << "\"\ncategory = \"stretch\"\n"
      << "tags = [\"bench\"]\nrounds = 2\nrest_between_rounds = \"15s\"\n";
  for (int step = 0; step < 4; ++step) {
    out << "\n[[steps]]\nname = \"Hold " << step << "\"\nduration = \"45s\"\nsides = \"both\"\n"
        << "text = \"Breathe out slowly and let the hip sink.\"\n";
  }
}

double benchLoading(const std::filesystem::path& dir, int files) {
  std::filesystem::create_directories(dir);
  for (int i = 0; i < files; ++i) writeRoutine(dir / ("gen-" + std::to_string(i) + ".toml"), i);
  const auto start = std::chrono::steady_clock::now();
  const auto library = RoutineLibrary::load({dir}, {});
  const double ms = Seconds(std::chrono::steady_clock::now() - start).count() * 1000;
  size_t ok = 0;
  for (const auto& entry : library.entries()) ok += entry.ok() ? 1 : 0;
  if (ok != static_cast<size_t>(files)) std::fprintf(stderr, "bench: only %zu files loaded\n", ok);
  std::filesystem::remove_all(dir);
  return ms;
}

double benchEngineUpdate() {
  Routine routine;
  routine.id = "bench";
  routine.name = "bench";
  for (int i = 0; i < 100; ++i) {
    Step step;
    step.name = "Hold";
    step.duration = Millis(45000);
    step.sides = Sides::Both;
    routine.steps.push_back(step);
  }
  const auto plan = expand(routine, {}).plan;
  FixedClock clock;
  NullSink sink;
  SessionEngine engine(*plan, clock, sink);
  engine.start();
  long long updates = 0;
  const auto start = std::chrono::steady_clock::now();
  while (engine.state() == SessionState::Running) {
    clock.advance(Millis(16));  // one update per 60 Hz frame: the most a runner would ever do
    engine.update();
    (void)engine.snapshot();
    ++updates;
  }
  const double ns = Seconds(std::chrono::steady_clock::now() - start).count() * 1e9;
  return ns / static_cast<double>(updates);
}

}  // namespace

int main() {
  const auto dir = std::filesystem::temp_directory_path() / "unknot-bench-routines";
  std::filesystem::remove_all(dir);
  std::printf("core.load_1000_routines_ms %.1f ms\n", benchLoading(dir, 1000));
  std::printf("core.engine_update_ns %.0f ns\n", benchEngineUpdate());
  return 0;
}
