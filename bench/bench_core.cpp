// Measures core costs: loading many routine files, hostile files, expansion and one engine
// update. Prints `name value unit` lines; scripts/bench gathers them into a table.
// Usage: unknot_bench [SOURCE_DIR]   (with the source tree: bundled and hostile files too)
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

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

double msSince(std::chrono::steady_clock::time_point start) {
  return Seconds(std::chrono::steady_clock::now() - start).count() * 1000;
}

double median(std::vector<double> values) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

std::vector<std::filesystem::path> filesIn(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (auto it = std::filesystem::recursive_directory_iterator(dir, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    if (it->path().extension() == ".toml") files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// What `unknot validate FILE` does per file: load, then expand (embedded ids unresolved).
double validationMs(const std::filesystem::path& file) {
  double best = 1e9;
  for (int run = 0; run < 3; ++run) {  // best of three: the file's cost, not the machine's noise
    const auto start = std::chrono::steady_clock::now();
    LoadResult result = loadRoutineFile(file, {});
    if (result.routine) result.errors = expand(*result.routine, {}).errors;
    best = std::min(best, msSince(start));
    if (result.errors.empty()) std::fprintf(stderr, "bench: %s was accepted\n", file.c_str());
  }
  return best;
}

double slowestValidation(const std::vector<std::filesystem::path>& files) {
  double slowest = 0;
  for (const auto& file : files) slowest = std::max(slowest, validationMs(file));
  return slowest;
}

double benchBundledRoutine(const std::filesystem::path& dir) {
  std::vector<double> times;
  for (const auto& file : filesIn(dir)) {
    for (int run = 0; run < 20; ++run) {
      const auto start = std::chrono::steady_clock::now();
      const LoadResult result = loadRoutineFile(file, {});
      times.push_back(msSince(start) * 1000);
      if (!result.routine) std::fprintf(stderr, "bench: %s did not load\n", file.c_str());
    }
  }
  return median(times);
}

// The hostile files tests/e2e/test_hostile_inputs.cpp generates rather than commits.
double benchGeneratedBad(const std::filesystem::path& dir) {
  std::filesystem::create_directories(dir);
  const std::string header = "schema = 1\nname = \"Generated\"\n";
  const std::string step = "\n[[steps]]\nname = \"Hold\"\nduration = \"30s\"\n";
  auto repeated = [](const std::string& text, size_t times) {
    std::string out;
    for (size_t i = 0; i < times; ++i) out += text;
    return out;
  };
  const std::vector<std::pair<std::string, std::string>> files{
      {"ten-mib.toml", header + step + repeated(std::string(1023, '#') + "\n", 10 * 1024)},
      {"steps-100000.toml", header + repeated("[[steps]]\n", 100000)},
      {"steps-100000-inline.toml", header + "steps = [" + repeated("{},", 100000) + "]\n"},
      {"steps-100000-full.toml", header + repeated(step, 100000)},
      {"name-one-million-chars.toml",
       "schema = 1\nname = \"" + std::string(1000000, 'x') + "\"\n" + step},
  };
  std::vector<std::filesystem::path> paths;
  for (const auto& [name, text] : files) {
    paths.push_back(dir / name);
    std::ofstream(paths.back(), std::ios::binary) << text;
  }
  return slowestValidation(paths);
}

double benchExpand500() {
  Routine routine;
  routine.id = "bench";
  routine.name = "bench";
  for (int i = 0; i < 499; ++i) {  // + the prepare phase = the 500-phase limit
    Step step;
    step.name = "Hold";
    step.duration = Millis(30000);
    routine.steps.push_back(step);
  }
  std::vector<double> times;
  for (int run = 0; run < 50; ++run) {
    const auto start = std::chrono::steady_clock::now();
    const ExpandResult result = expand(routine, {});
    times.push_back(msSince(start) * 1000);
    if (!result.plan) std::fprintf(stderr, "bench: 500 phases did not expand\n");
  }
  return median(times);
}

double peakRssMb() {
  rusage usage{};
  ::getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

}  // namespace

int main(int argc, char** argv) {
  const auto dir = std::filesystem::temp_directory_path() / "unknot-bench-routines";
  std::filesystem::remove_all(dir);
  // Hostile files first, so the peak memory below is theirs and not the 1000-file library's.
  if (argc > 1) {
    const std::filesystem::path source = argv[1];
    std::printf("core.load_bundled_routine_us %.0f us (median over the bundled routines)\n",
                benchBundledRoutine(source / "routines"));
    std::printf("core.validate_bad_fixture_max_ms %.2f ms (slowest of tests/fixtures/bad)\n",
                slowestValidation(filesIn(source / "tests" / "fixtures" / "bad")));
    std::printf("core.validate_generated_bad_max_ms %.2f ms (10 MiB, 100,000 steps, long name)\n",
                benchGeneratedBad(dir / "bad"));
    std::printf("core.validate_bad_fixture_max_rss_mb %.1f MB (peak of the bench process so far)\n",
                peakRssMb());
  }
  std::printf("core.expand_500_phases_us %.0f us\n", benchExpand500());
  std::printf("core.load_1000_routines_ms %.1f ms\n", benchLoading(dir, 1000));
  std::printf("core.engine_update_ns %.0f ns\n", benchEngineUpdate());
  std::filesystem::remove_all(dir);
  return 0;
}
