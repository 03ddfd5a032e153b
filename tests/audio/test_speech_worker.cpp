// The speech worker with espeak-ng itself: what it keeps synthesized for the cue player.
#include <catch2/catch.hpp>
#include <chrono>
#include <string>
#include <thread>

#include "audio/speech.hpp"

using namespace unknot;

namespace {

constexpr int kRate = 175;

// Waits (a generous while, for a loaded machine) until every text is in the worker's cache.
bool readyWithin(const SpeechWorker& worker, const std::vector<std::string>& texts) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (std::chrono::steady_clock::now() < deadline) {
    bool all = true;
    for (const std::string& text : texts) all = all && worker.find(text, kRate) != nullptr;
    if (all) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return false;
}

}  // namespace

TEST_CASE("the speech worker lets go of the prompts it is no longer asked for") {
  std::string error;
  auto synth = SpeechSynth::create(error);
  INFO(error);
  REQUIRE(synth);
  SpeechWorker worker(std::move(synth));
  int made = 0;
  worker.onReady([&made](const std::string&, SoundPtr) { ++made; });

  worker.want({"Hold the stretch.", "Switch sides."}, kRate);
  REQUIRE(readyWithin(worker, {"Hold the stretch.", "Switch sides."}));
  const SoundPtr playing = worker.find("Hold the stretch.", kRate);
  REQUIRE(playing);
  REQUIRE_FALSE(playing->samples.empty());

  // The first phase has gone by: its prompt leaves the cache, the next one stays as it was.
  worker.want({"Switch sides.", "Rest."}, kRate);
  CHECK(worker.find("Hold the stretch.", kRate) == nullptr);
  CHECK(worker.find("Switch sides.", kRate) != nullptr);
  REQUIRE(readyWithin(worker, {"Rest."}));
  worker.stop();
  CHECK(made == 3);  // "Switch sides." was not synthesized again
  // A prompt still playing is the mixer's to let go: the worker only dropped its own reference.
  CHECK(playing.use_count() == 1);
  CHECK_FALSE(playing->samples.empty());
}
