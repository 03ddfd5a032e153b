// Measures how far cue onsets land from their phase boundaries in the real output stream.
// Runs a generated routine through the real engine and CuePlayer on SDL's disk driver, then
// finds every cue's onset in the written PCM and compares it with where the boundary falls
// in the stream (the stream clock fitted through the player's callback log).
// Prints `audio.cue_onset_error_median_ms X` and `audio.cue_onset_error_max_ms X` lines.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "audio/cue_player.hpp"
#include "core/session_engine.hpp"
#include "support/cue_timing.hpp"

namespace {

using namespace unknot;
namespace fs = std::filesystem;

struct Options {
  int phases = 14;     // 4 cues each (start + 3 pips) + the finish: 57 cues
  double scale = 2.0;  // phases of 4 engine seconds last 2 s
  fs::path assets = fs::path(UNKNOT_SOURCE_DIR) / "assets";
  bool keep = false;     // keep the PCM and the log, print where they are
  bool verbose = false;  // one line per cue
};

Plan benchPlan(int phases) {
  Plan plan;
  plan.routineId = "audio-bench";
  plan.name = "Audio bench";
  Millis offset{0};
  for (int i = 0; i < phases; ++i) {
    Phase phase;
    phase.kind = PhaseKind::Hold;
    phase.label = "Hold " + std::to_string(i + 1);
    phase.duration = Millis(4000);
    phase.countdown = 3;
    phase.offset = offset;
    offset += *phase.duration;
    plan.phases.push_back(phase);
  }
  plan.total = offset;
  return plan;
}

// The engine loop of a runner: sleep until the next change, then update.
void runSession(const Plan& plan, const SteadyClock& clock, CueSink& sink) {
  SessionEngine engine(plan, clock, sink);
  engine.start();
  while (engine.state() == SessionState::Running) {
    const Millis wait = engine.untilNextChange().value_or(Millis(100));
    std::this_thread::sleep_for(clock.toReal(wait) + std::chrono::microseconds(500));
    engine.update();
  }
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const size_t n = values.size();
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

// Cues over another's decaying tail match less than perfectly; a wrong place scores far less.
constexpr double kMinScore = 0.6;

int usage() {
  std::cerr
      << "usage: audio_bench [--phases N] [--time-scale S] [--assets DIR] [--keep] [--verbose]\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const bool hasValue = i + 1 < argc;
    if (arg == "--phases" && hasValue) {
      options.phases = std::max(1, std::atoi(argv[++i]));
    } else if (arg == "--time-scale" && hasValue) {
      options.scale = std::clamp(std::atof(argv[++i]), 0.1, 100.0);
    } else if (arg == "--assets" && hasValue) {
      options.assets = argv[++i];
    } else if (arg == "--keep") {
      options.keep = true;
    } else if (arg == "--verbose") {
      options.verbose = true;
    } else {
      return usage();
    }
  }

  std::random_device random;
  const fs::path dir =
      fs::temp_directory_path() / ("unknot-audio-bench-" + std::to_string(random()));
  fs::create_directories(dir);
  const fs::path pcmPath = dir / "out.raw", logPath = dir / "audio.log";
  setenv("SDL_AUDIODRIVER", "disk", 1);
  setenv("SDL_DISKAUDIOFILE", pcmPath.c_str(), 1);
  setenv("UNKNOT_AUDIO_LOG", logPath.c_str(), 1);

  const Plan plan = benchPlan(options.phases);
  {
    AudioSettings settings;
    settings.voice = false;  // onsets are found by matching cue sounds; speech is not one
    SteadyClock clock(options.scale);
    auto player = CuePlayer::create(settings, clock, options.scale, options.assets, std::cerr);
    if (!player->hasDevice()) return 1;
    player->prepare(plan);
    runSession(plan, clock, *player);
    std::this_thread::sleep_for(std::chrono::milliseconds(400));  // let the last cue play out
  }

  std::string error;
  const auto log = readAudioLog(logPath, error);
  if (!log) {
    std::cerr << error << "\n";
    return 1;
  }
  const std::vector<float> pcm = readRawPcm(pcmPath, log->channels);
  const auto streamStart = findStreamStart(pcm);
  if (!streamStart) {
    std::cerr << "audio_bench: no stream start marker in " << pcmPath << "\n";
    return 1;
  }
  std::map<std::string, std::vector<float>> sounds;
  std::vector<double> errors, strictErrors;
  const double pace = streamPace(*log);
  int late = 0, missing = 0;
  const double window = log->rate * 0.020;  // search +-20 ms around the boundary
  for (const AudioLog::Start& start : log->starts) {
    if (start.tag == "speech") continue;
    if (!sounds.count(start.tag)) {
      const auto wav = readWavMono(options.assets / "sounds" / (start.tag + ".wav"));
      if (!wav) {
        std::cerr << "audio_bench: cannot read the " << start.tag << " sound\n";
        return 1;
      }
      sounds[start.tag] = *wav;
    }
    late += start.late ? 1 : 0;
    const double expected =
        static_cast<double>(*streamStart) + expectedSample(*log, pace, start.atMs, start.delayMs);
    const double interpolated =
        static_cast<double>(*streamStart) + interpolatedSample(*log, start.atMs, start.delayMs);
    const auto onset = findOnset(pcm, sounds[start.tag], static_cast<int64_t>(expected - window),
                                 static_cast<int64_t>(expected + window));
    if (options.verbose) {
      std::fprintf(
          stderr, "%-7s at %10.3f expected %10.1f onset %8lld score %.3f error %+.3f ms%s\n",
          start.tag.c_str(), start.atMs, expected,
          onset ? static_cast<long long>(onset->sample) : -1LL, onset ? onset->score : 0.0,
          onset ? (onset->sample - expected) * 1000.0 / log->rate : 0.0, start.late ? " late" : "");
    }
    if (!onset || onset->score < kMinScore) {
      ++missing;
      continue;
    }
    errors.push_back(std::abs(static_cast<double>(onset->sample) - expected) * 1000.0 / log->rate);
    strictErrors.push_back(std::abs(static_cast<double>(onset->sample) - interpolated) * 1000.0 /
                           log->rate);
  }
  if (errors.empty()) {
    std::cerr << "audio_bench: no cue found in the output\n";
    return 1;
  }
  const size_t n = errors.size();
  std::printf(
      "audio.cue_onset_error_median_ms %.3f ms (%zu cues, SDL disk driver, onset vs boundary)\n",
      median(errors), n);
  std::printf("audio.cue_onset_error_max_ms %.3f ms (%zu cues)\n",
              *std::max_element(errors.begin(), errors.end()), n);
  std::printf(
      "audio.cue_onset_error_interpolated_median_ms %.3f ms (stricter timeline: disk stalls "
      "count)\n",
      median(strictErrors));
  std::printf(
      "audio.cue_onset_error_interpolated_max_ms %.3f ms (stricter timeline: disk stalls count)\n",
      *std::max_element(strictErrors.begin(), strictErrors.end()));
  double latestDelivery = 0;
  for (const AudioLog::Arrival& arrival : log->arrivals)
    latestDelivery = std::max(latestDelivery, (arrival.arrivedMs - arrival.atMs) / log->scale);
  std::printf(
      "audio.event_delivery_max_ms %.3f ms (engine event to player; latency budget %.0f ms)\n",
      latestDelivery, log->latencyMs);
  std::printf("audio.cue_count %zu\n", n);
  std::printf("audio.cue_missing %d (cues not found in the output)\n", missing);
  std::printf("audio.cue_late %d (cues delivered after their sample played)\n", late);
  if (options.keep) {
    std::cerr << "audio_bench: kept " << pcmPath << " and " << logPath << "\n";
  } else {
    fs::remove_all(dir);
  }
  return missing == 0 ? 0 : 1;
}
