// End-to-end: the unknot binary runs routines in the terminal with SDL's disk driver, and the
// tests find every expected cue in the PCM it wrote, at its phase boundary. Samples are
// related to time through the player's callback log (UNKNOT_AUDIO_LOG), because the disk
// driver runs a few percent off real time.
#include <stdlib.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <sstream>

#include "core/routine_library.hpp"
#include "support/cue_timing.hpp"
#include "support/process.hpp"

using namespace unknot;
using namespace unknot::testing;
namespace fs = std::filesystem;

namespace {

const fs::path kSource = UNKNOT_SOURCE_DIR;
const fs::path kAssets = kSource / "assets";

// The progress store commits every finished phase with a full fsync on the engine's thread,
// right before the next phase starts; on a loaded disk that alone can hold a phase-start cue
// back past the player's latency. These tests are about the audio, so the store lives in
// memory (/dev/shm) when the machine has it.
class DataDir {
 public:
  DataDir() {
    std::string pattern = fs::is_directory("/dev/shm") ? "/dev/shm/unknot-audio-XXXXXX" : "";
    if (!pattern.empty() && ::mkdtemp(pattern.data())) m_path = pattern;
  }
  ~DataDir() {
    std::error_code ec;
    if (!m_path.empty()) fs::remove_all(m_path, ec);
  }
  DataDir(const DataDir&) = delete;
  DataDir& operator=(const DataDir&) = delete;
  const std::string& path() const { return m_path; }  // empty: use the temp home

 private:
  std::string m_path;
};

Plan planOf(const std::string& id, const fs::path& extraDir = {}) {
  std::vector<fs::path> dirs{kSource / "routines"};
  if (!extraDir.empty()) dirs.push_back(extraDir);
  const auto library = RoutineLibrary::load(dirs, {kAssets});
  const LibraryEntry* entry = library.find(id);
  REQUIRE(entry);
  REQUIRE(entry->plan);
  return *entry->plan;
}

struct Run {
  TempDir home;
  DataDir data;
  ProcessResult result;
  std::string pcmPath() const { return home.file("out.raw"); }
  std::string logPath() const { return home.file("audio.log"); }
};

// Runs `unknot run ID --terminal` with its own config and data folders; `routineFile` (if
// given) is installed as one of the user's routines.
struct RunOptions {
  std::string settings;  // settings.toml text; empty: defaults
  std::string driver = "disk";
  std::vector<std::string> extraArgs = {};
  std::string input = {};
  bool gui = false;  // the desktop window under Xvfb instead of the terminal runner
};

// The window runs the routine to its end and closes itself a little later.
std::vector<std::string> guiCommand(const std::string& id, double scale, const Plan& plan) {
  const double seconds = static_cast<double>(plan.total.count()) / 1000.0 / scale + 3.0;
  return {"xvfb-run",
          "-a",
          "-s",
          "-screen 0 1280x800x24",
          UNKNOT_BINARY,
          "--run",
          id,
          "--time-scale",
          std::to_string(scale),
          "--exit-after",
          std::to_string(static_cast<int>(seconds)) + "s"};
}

void runRoutine(Run& run, const std::string& id, double scale, const fs::path& routineFile = {},
                const RunOptions& opts = {}) {
  // The window's first-start notice was read, so --run starts at once.
  const std::string settings =
      opts.settings + (opts.gui ? "\n[safety]\nnotice_acknowledged = true\n" : "");
  if (!settings.empty()) run.home.write("config/unknot/settings.toml", settings);
  if (!routineFile.empty()) {
    std::ifstream in(routineFile);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    run.home.write("config/unknot/routines/" + routineFile.filename().string(), text);
  }
  std::vector<std::string> args{UNKNOT_BINARY, "run",          id,
                                "--terminal",  "--time-scale", std::to_string(scale)};
  if (opts.gui) args = guiCommand(id, scale, planOf(id, routineFile.parent_path()));
  args.insert(args.end(), opts.extraArgs.begin(), opts.extraArgs.end());
  ProcessOptions options;
  options.env = {
      {"XDG_CONFIG_HOME", run.home.file("config")},
      {"XDG_DATA_HOME", run.data.path().empty() ? run.home.file("data") : run.data.path()},
      {"HOME", run.home.path()},
      {"XDG_CACHE_HOME", run.home.file("cache")},
      {"SDL_AUDIODRIVER", opts.driver},
      {"SDL_DISKAUDIOFILE", run.pcmPath()},
      {"UNKNOT_AUDIO_LOG", run.logPath()}};
  options.input = opts.input;
  run.result = runProcess(args, options);
}

struct ExpectedCue {
  std::string tag;
  long long offsetMs;  // from the routine's start
};

// What the user should hear, derived from the plan alone.
std::vector<ExpectedCue> expectedCues(const Plan& plan) {
  std::vector<ExpectedCue> cues;
  for (size_t i = 0; i < plan.phases.size(); ++i) {
    const Phase& phase = plan.phases[i];
    const long long start = phase.offset.count();
    const bool newRound = i > 0 && phase.round > 1 && phase.round != plan.phases[i - 1].round;
    cues.push_back({newRound                          ? "round"
                    : phase.kind == PhaseKind::Switch ? "switch"
                                                      : "chime",
                    start});
    const long long length = phase.duration->count();
    if (phase.repTime)
      for (int rep = 2; rep <= phase.reps; ++rep)
        cues.push_back({"tick", start + phase.repTime->count() * (rep - 1)});
    if (phase.halfway) cues.push_back({"bell", start + length / 2});
    for (int n = phase.countdown; n >= 1; --n)
      if (n * 1000LL < length) cues.push_back({"pip", start + length - n * 1000LL});
  }
  cues.push_back({"finish", plan.total.count()});
  std::stable_sort(cues.begin(), cues.end(),
                   [](const auto& a, const auto& b) { return a.offsetMs < b.offsetMs; });
  return cues;
}

struct Recording {
  AudioLog log;
  std::vector<float> pcm;
  int64_t streamStart = 0;
};

Recording readRecording(const Run& run) {
  std::string error;
  auto log = readAudioLog(run.logPath(), error);
  INFO(error);
  REQUIRE(log);
  Recording recording{*log, readRawPcm(run.pcmPath(), log->channels), 0};
  const auto start = findStreamStart(recording.pcm);
  REQUIRE(start);
  recording.streamStart = *start;
  return recording;
}

const std::vector<float>& soundOf(const std::string& tag) {
  static std::map<std::string, std::vector<float>> sounds;
  if (!sounds.count(tag)) {
    auto wav = readWavMono(kAssets / "sounds" / (tag + ".wav"));
    REQUIRE(wav);
    sounds[tag] = *wav;
  }
  return sounds[tag];
}

// Under ThreadSanitizer every thread runs several times slower, so a runner can hand a cue
// over after its sample has gone by; that is the sanitizer's cost, not a fault. The pass still
// looks for races on these paths; the release and ASan passes check the timing.
#if defined(__SANITIZE_THREAD__)
constexpr bool kTimingChecked = false;
#else
constexpr bool kTimingChecked = true;
#endif

// When (engine ms) the last of the engine's events due at `atMs` reached the player.
double arrivedAtMs(const AudioLog& log, double atMs) {
  double latest = atMs;
  for (const auto& a : log.arrivals)
    if (a.atMs == atMs) latest = std::max(latest, a.arrivedMs);
  return latest;
}

// Every expected cue was placed at its instant and is heard there, within 3 ms.
void checkCues(const Recording& rec, const std::vector<ExpectedCue>& expected) {
  std::vector<AudioLog::Start> placed;
  for (const auto& s : rec.log.starts)
    if (s.tag != "speech") placed.push_back(s);
  std::stable_sort(placed.begin(), placed.end(),
                   [](const auto& a, const auto& b) { return a.atMs < b.atMs; });
  std::string heard, wanted;
  for (const auto& s : placed)
    heard += s.tag + "@" + std::to_string(std::llround(s.atMs - placed.front().atMs)) + " ";
  for (const auto& c : expected) wanted += c.tag + "@" + std::to_string(c.offsetMs) + " ";
  INFO("placed:   " << heard << "\nexpected: " << wanted);
  REQUIRE(placed.size() == expected.size());
  const double t0 = placed.front().atMs;
  const double pace = streamPace(rec.log);
  int64_t previous = -1;
  size_t delivered = 0;
  for (size_t i = 0; i < expected.size(); ++i) {
    const AudioLog::Start& cue = placed[i];
    const double arrived = arrivedAtMs(rec.log, cue.atMs);
    const double renderedFrom = renderedFromMs(rec.log, pace, cue.atMs);
    INFO("cue " << i << ": " << expected[i].tag << " at " << expected[i].offsetMs
                << " ms, reached the player " << (arrived - cue.atMs) / rec.log.scale
                << " ms late, its buffer was taken " << (renderedFrom - cue.atMs) / rec.log.scale
                << " ms after it was due");
    CHECK(cue.tag == expected[i].tag);
    CHECK(cue.atMs - t0 == Approx(static_cast<double>(expected[i].offsetMs)));
    // An event that reached the player after the callback that renders its sample had taken
    // its buffer (a machine so loaded that the runner slept through the player's latency, less
    // a buffer) cannot be on time; that is the scheduler, not us. The arrival is stamped before
    // the player plans the cue and hands it over: 2 ms for that.
    if (arrived + 2.0 * rec.log.scale > renderedFrom) {
      WARN("cue " << i
                  << " reached the player after its buffer was taken; its timing is not "
                     "checked");
      continue;
    }
    if (cue.late && !kTimingChecked) {
      WARN("cue " << i << " was placed late under ThreadSanitizer; its timing is not checked");
      continue;
    }
    ++delivered;
    CHECK_FALSE(cue.late);
    const double sample =
        static_cast<double>(rec.streamStart) + expectedSample(rec.log, pace, cue.atMs);
    const double window = rec.log.rate * 0.020;
    const auto onset = findOnset(rec.pcm, soundOf(cue.tag), std::llround(sample - window),
                                 std::llround(sample + window));
    REQUIRE(onset);
    // Against the stream's timeline as the callback before the boundary or the one before
    // that reads it: they differ only when the audio thread was preempted (a loaded machine).
    double error = std::numeric_limits<double>::max();
    for (double candidate : plausibleSamples(rec.log, pace, cue.atMs)) {
      const double e =
          static_cast<double>(onset->sample) - static_cast<double>(rec.streamStart) - candidate;
      if (std::abs(e) < std::abs(error)) error = e;
    }
    INFO("onset score " << onset->score << ", error " << error * 1000.0 / rec.log.rate << " ms");
    CHECK(onset->score > 0.6);
    CHECK(std::abs(error) <= 3.0 * rec.log.rate / 1000.0);
    CHECK(onset->sample >= previous);
    previous = onset->sample;
  }
  if (kTimingChecked) CHECK(delivered >= expected.size() * 4 / 5);
}

double rms(const std::vector<float>& pcm, int64_t from, int64_t count) {
  double sum = 0;
  for (int64_t i = from; i < std::min<int64_t>(from + count, static_cast<int64_t>(pcm.size())); ++i)
    sum += pcm[static_cast<size_t>(i)] * pcm[static_cast<size_t>(i)];
  return std::sqrt(sum / static_cast<double>(count));
}

}  // namespace

// Spoken prompts overlap the cues in sped-up runs and would hide their onsets; the voice is
// checked on its own below.
const std::string kNoVoice = "[audio]\nvoice = false\n";
const fs::path kFixture = fs::path(UNKNOT_FIXTURES_DIR) / "audio" / "audio-check.toml";

TEST_CASE("a terminal run of pigeon pose writes every cue at its boundary", "[long][onset]") {
  Run run;
  runRoutine(run, "pigeon-pose", 10.0, {}, {kNoVoice});
  INFO(run.result.err);
  REQUIRE(run.result.exitCode == 0);
  const Recording rec = readRecording(run);
  const auto expected = expectedCues(planOf("pigeon-pose"));
  // Every phase start, side switch and countdown pip, in order.
  CHECK(std::count_if(expected.begin(), expected.end(),
                      [](const auto& c) { return c.tag == "switch"; }) == 2);
  CHECK(std::count_if(expected.begin(), expected.end(),
                      [](const auto& c) { return c.tag == "pip"; }) >= 12);
  checkCues(rec, expected);
}

TEST_CASE("every kind of cue is heard at its boundary in a short routine", "[long][onset]") {
  Run run;
  runRoutine(run, "audio-check", 4.0, kFixture, {kNoVoice});
  INFO(run.result.err);
  REQUIRE(run.result.exitCode == 0);
  const auto expected = expectedCues(planOf("audio-check", kFixture.parent_path()));
  for (const char* tag : {"chime", "switch", "pip", "bell", "tick", "round", "finish"}) {
    INFO(tag);
    CHECK(
        std::any_of(expected.begin(), expected.end(), [&](const auto& c) { return c.tag == tag; }));
  }
  checkCues(readRecording(run), expected);
}

TEST_CASE("each phase start speaks its prompt from the boundary", "[long][onset]") {
  // Cue sounds off, voice on: the recording holds nothing but the prompts.
  Run run;
  runRoutine(
      run, "audio-check", 4.0, kFixture,
      {"[audio.cues]\nphase_chime = false\ncountdown_pips = false\nhalfway_bell = false\n"
       "switch_sides = false\nrep_ticks = false\nround_start = false\nfinish_fanfare = false\n"});
  INFO(run.result.err);
  REQUIRE(run.result.exitCode == 0);
  const Recording rec = readRecording(run);
  const Plan plan = planOf("audio-check", kFixture.parent_path());
  std::vector<AudioLog::Start> prompts;
  for (const auto& s : rec.log.starts) {
    CHECK(s.tag == "speech");
    prompts.push_back(s);
  }
  REQUIRE(prompts.size() == plan.phases.size());
  const double pace = streamPace(rec.log);
  int quietStarts = 0, latePrompts = 0;
  for (size_t i = 0; i < prompts.size(); ++i) {
    const AudioLog::Start& prompt = prompts[i];
    INFO("prompt " << i << " of phase " << prompt.phase);
    CHECK(prompt.phase == i);
    CHECK(prompt.atMs - prompts[0].atMs ==
          Approx(static_cast<double>(plan.phases[i].offset.count())));
    CHECK(prompt.delayMs == 0.0);  // no chime to wait for
    // Heard from its boundary: speaking within a few milliseconds, and silent just before
    // unless the previous prompt (none is longer than 1.9 s) may still be speaking there.
    const auto at = static_cast<int64_t>(std::llround(static_cast<double>(rec.streamStart) +
                                                      expectedSample(rec.log, pace, prompt.atMs)));
    // The first prompt races its own synthesis (prepare() starts it just before the run);
    // on a loaded machine it may be played as soon as it is ready instead.
    if (prompt.late) {
      ++latePrompts;
      CHECK(rms(rec.pcm, rec.streamStart + prompt.sample, 4800) > 0.02);
      continue;
    }
    const bool quietBefore =
        i == 0 || at - (rec.streamStart + prompts[i - 1].sample) > 19 * rec.log.rate / 10;
    if (quietBefore) {
      ++quietStarts;
      CHECK(rms(rec.pcm, at - 960, 960) == 0.0);
      int64_t first = at;
      // espeak's prompts are trimmed to 2 ms before they pass ~-44 dBFS (then the volume applies).
      while (first < at + 4800 && std::abs(rec.pcm[static_cast<size_t>(first)]) < 0.003f) ++first;
      CHECK(first - at <= 3 * rec.log.rate / 1000);
    }
    CHECK(rms(rec.pcm, at, 4800) > 0.02);
  }
  // A late prompt is not checked, and the next one may start while it still speaks: each late
  // one takes up to two quiet starts away.
  CHECK(quietStarts + 2 * latePrompts >= 4);
  CHECK(latePrompts <= 1);  // the hold and reps phases are long enough to hear in silence
  // Every prompt is kept for the next run, in the run's own cache folder.
  size_t kept = 0;
  for (const auto& item : fs::directory_iterator(run.home.file("cache/unknot/speech"))) {
    CHECK(item.path().extension() == ".pcm");  // no temporary file left
    ++kept;
  }
  CHECK(kept >= prompts.size() / 2);  // phases may share a prompt
}

TEST_CASE("the desktop window plays every cue at its boundary too", "[long][onset]") {
  Run run;
  runRoutine(run, "audio-check", 4.0, kFixture, {kNoVoice, "disk", {}, {}, true});
  INFO(run.result.err);
  REQUIRE(run.result.exitCode == 0);
  checkCues(readRecording(run), expectedCues(planOf("audio-check", kFixture.parent_path())));
}

TEST_CASE("at real speed the window makes its player while drawing and still lands every cue",
          "[onset]") {
  // At real speed the player is made on a worker after the session starts: the first cue is
  // sent before it exists and must still start on its sample.
  const fs::path fixture = fs::path(UNKNOT_FIXTURES_DIR) / "audio" / "real-speed.toml";
  Run run;
  runRoutine(run, "real-speed", 1.0, fixture, {kNoVoice, "disk", {}, {}, true});
  INFO(run.result.err);
  REQUIRE(run.result.exitCode == 0);
  const auto expected = expectedCues(planOf("real-speed", fixture.parent_path()));
  CHECK(expected.size() >= 5);
  checkCues(readRecording(run), expected);
}

TEST_CASE("the device sleeps through a quiet hold and wakes in time for the next cue",
          "[long][onset]") {
  // Real speed: the device sleeps only when the next cue is seconds away in real time.
  const fs::path fixture = fs::path(UNKNOT_FIXTURES_DIR) / "audio" / "quiet-hold.toml";
  Run run;
  runRoutine(run, "quiet-hold", 1.0, fixture, {kNoVoice});
  INFO(run.result.err);
  REQUIRE(run.result.exitCode == 0);
  const Recording rec = readRecording(run);
  // Asleep: no callback for seconds inside the hold; the pip at 10 s woke it.
  double longestGapMs = 0;
  double gapEndMs = 0;
  for (size_t i = 1; i < rec.log.callbacks.size(); ++i) {
    const double gap = rec.log.callbacks[i].engineMs - rec.log.callbacks[i - 1].engineMs;
    if (gap > longestGapMs) {
      longestGapMs = gap;
      gapEndMs = rec.log.callbacks[i].engineMs;
    }
  }
  CHECK(longestGapMs > 3000);
  const double start = rec.log.starts.empty() ? 0 : rec.log.starts.front().atMs;
  CHECK(gapEndMs < start + 10'000);  // open again before the pip is due
  // Every cue, the ones after the sleep too, starts on its sample in the joined recording.
  checkCues(rec, expectedCues(planOf("quiet-hold", fixture.parent_path())));
}

TEST_CASE("a screenshot never opens the audio device") {
  Run run;
  const std::vector<std::string> args{
      "xvfb-run",    "-a",   "-s",  "-screen 0 1280x800x24", UNKNOT_BINARY,         "--run",
      "pigeon-pose", "--at", "12s", "--screenshot",          run.home.file("p.png")};
  ProcessOptions options;
  options.env = {{"XDG_CONFIG_HOME", run.home.file("config")},
                 {"XDG_DATA_HOME", run.home.file("data")},
                 {"SDL_AUDIODRIVER", "disk"},
                 {"SDL_DISKAUDIOFILE", run.pcmPath()}};
  run.result = runProcess(args, options);
  INFO(run.result.err);
  REQUIRE(run.result.exitCode == 0);
  CHECK(fs::exists(run.home.file("p.png")));
  CHECK_FALSE(fs::exists(run.pcmPath()));
}

TEST_CASE("a run with sound still ends when it is sent SIGTERM") {
  Run run;
  // timeout sends TERM after 5 s and KILL 20 s later: 124 means TERM ended it. 5 s, not 2:
  // under a sanitizer on a loaded machine the player's worker may not have opened the device
  // within 2 s.
  ProcessOptions options;
  options.env = {{"XDG_CONFIG_HOME", run.home.file("config")},
                 {"XDG_DATA_HOME", run.home.file("data")},
                 {"SDL_AUDIODRIVER", "disk"},
                 {"SDL_DISKAUDIOFILE", run.pcmPath()}};
  run.result = runProcess(
      {"timeout", "-k", "20", "5", UNKNOT_BINARY, "run", "pigeon-pose", "--terminal"}, options);
  INFO(run.result.err);
  CHECK(run.result.exitCode == 124);
  CHECK(fs::exists(run.pcmPath()));  // the device was open
}

TEST_CASE("with no audio device a run completes with one notice") {
  Run run;
  runRoutine(run, "audio-check", 20.0, kFixture, {"", "no-such-driver"});
  CHECK(run.result.exitCode == 0);
  CHECK(run.result.out.find("Finished") != std::string::npos);
  INFO(run.result.err);
  REQUIRE(std::count(run.result.err.begin(), run.result.err.end(), '\n') == 1);
  CHECK(run.result.err.find("no audio device") != std::string::npos);
  CHECK_FALSE(fs::exists(run.pcmPath()));
}

TEST_CASE("running with --no-audio leaves the audio device alone") {
  Run run;
  runRoutine(run, "audio-check", 20.0, kFixture, {"", "disk", {"--no-audio"}});
  CHECK(run.result.exitCode == 0);
  CHECK(run.result.err.empty());
  CHECK_FALSE(fs::exists(run.pcmPath()));
  CHECK_FALSE(fs::exists(run.logPath()));
}

TEST_CASE("the m key mutes every cue") {
  Run run;
  runRoutine(run, "audio-check", 20.0, kFixture, {"", "disk", {}, "m"});
  REQUIRE(run.result.exitCode == 0);
  const Recording rec = readRecording(run);
  CHECK(rec.log.starts.size() > 10);  // cues were still scheduled, only silent
  // The key is read right after the start; on a busy machine the first chime may begin first.
  const int64_t afterKey = rec.streamStart + rec.log.starts.front().sample + rec.log.rate;
  REQUIRE(afterKey < static_cast<int64_t>(rec.pcm.size()));
  const auto loudest = std::max_element(rec.pcm.begin() + afterKey, rec.pcm.end(),
                                        [](float a, float b) { return std::abs(a) < std::abs(b); });
  CHECK(std::abs(*loudest) == 0.0f);
  // Remembered: the next run starts muted.
  std::ifstream saved(run.home.file("config/unknot/settings.toml"));
  const std::string text((std::istreambuf_iterator<char>(saved)), std::istreambuf_iterator<char>());
  CHECK(text.find("muted = true") != std::string::npos);
}

TEST_CASE("when espeak-ng cannot start, the chimes still play", "[long][onset]") {
  Run run;
  // espeak-ng prefers ~/espeak-ng-data when it exists: an empty one makes it fail to load.
  fs::create_directories(fs::path(run.home.path()) / "espeak-ng-data");
  runRoutine(run, "audio-check", 4.0, kFixture);
  REQUIRE(run.result.exitCode == 0);
  std::string notices;
  std::istringstream err(run.result.err);
  for (std::string line; std::getline(err, line);)
    if (line.rfind("CRITICAL: ", 0) != 0) notices += line + "\n";
  INFO(notices);
  CHECK(std::count(notices.begin(), notices.end(), '\n') == 1);
  CHECK(notices.find("voice prompts are off") != std::string::npos);
  const Recording rec = readRecording(run);
  CHECK(std::none_of(rec.log.starts.begin(), rec.log.starts.end(),
                     [](const auto& s) { return s.tag == "speech"; }));
  checkCues(rec, expectedCues(planOf("audio-check", kFixture.parent_path())));
}
