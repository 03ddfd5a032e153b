// libFuzzer target for the routine loader: arbitrary bytes go through parseRoutine, the entry
// point the app and `unknot validate` use, and whatever parses is expanded into a plan, with
// embedded ids resolved against the bundled routines and the input itself (so cycles happen).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>

#include "core/plan.hpp"
#include "core/routine_loader.hpp"

namespace {

namespace fs = std::filesystem;

// The input pretends to live next to the test fixtures, so `sound = "chime.wav"` resolves and
// the path-confinement code runs against real files.
struct Context {
  fs::path inputPath =
      fs::path(UNKNOT_SOURCE_DIR) / "tests" / "fixtures" / "routines" / "fuzz-input.toml";
  unknot::LoaderOptions options{fs::path(UNKNOT_SOURCE_DIR) / "assets"};
  std::map<std::string, unknot::Routine, std::less<>> bundled;

  Context() {
    std::error_code ec;
    for (const auto& item : fs::directory_iterator(fs::path(UNKNOT_SOURCE_DIR) / "routines", ec)) {
      if (item.path().extension() != ".toml") continue;
      auto loaded = unknot::loadRoutineFile(item.path(), options);
      if (loaded.routine) bundled.emplace(loaded.routine->id, std::move(*loaded.routine));
    }
  }
};

const Context& context() {
  static const Context instance;  // built once; read-only afterwards
  return instance;
}

// Crashes are not the only bugs: a file the loader accepts must respect the documented limits,
// and every message must be one positioned line. A broken promise aborts like a crash would.
void require(bool promise, const char* what) {
  if (promise) return;
  std::fprintf(stderr, "fuzz: broken promise: %s\n", what);
  std::abort();
}

void checkDiagnostics(const unknot::Diagnostics& diagnostics) {
  for (const auto& d : diagnostics) {
    require(d.pos.line >= 1 && d.pos.column >= 1, "positions start at 1:1");
    require(!d.message.empty(), "every message says something");
    require(d.toString().find('\n') == std::string::npos, "every message is one line");
  }
}

void checkPlan(const unknot::Plan& plan) {
  using namespace unknot;
  require(!plan.phases.empty(), "a plan has phases");
  require(plan.phases.size() <= limits::kMaxPhases, "at most kMaxPhases phases");
  require(plan.total <= limits::kMaxRoutine, "a plan lasts at most kMaxRoutine");
  Millis offset{0};
  for (const Phase& phase : plan.phases) {
    require(phase.offset == offset, "offsets are the sum of the phases before");
    if (!phase.duration) continue;
    require(phase.duration->count() > 0, "timed phases last more than 0");
    require(*phase.duration <= limits::kMaxStep, "a phase lasts at most kMaxStep");
    offset += *phase.duration;
  }
  require(offset == plan.total, "total is the sum of the phases");
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)context();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const Context& ctx = context();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  unknot::LoadResult result = unknot::parseRoutine(text, ctx.inputPath, ctx.options);
  checkDiagnostics(result.errors);
  require(result.routine.has_value() == result.errors.empty(), "a routine or errors, not both");
  if (!result.routine) return 0;
  checkDiagnostics(result.routine->warnings);
  const unknot::Routine& self = *result.routine;
  const unknot::RoutineResolver resolve = [&](std::string_view id) -> const unknot::Routine* {
    if (id == self.id) return &self;
    auto it = ctx.bundled.find(id);
    return it != ctx.bundled.end() ? &it->second : nullptr;
  };
  unknot::ExpandResult expanded = unknot::expand(self, resolve);
  checkDiagnostics(expanded.errors);
  require(expanded.plan.has_value() == expanded.errors.empty(), "a plan or errors, not both");
  if (expanded.plan) checkPlan(*expanded.plan);
  return 0;
}
