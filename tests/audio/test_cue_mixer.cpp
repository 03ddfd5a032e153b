#include <catch2/catch.hpp>
#include <cmath>

#include "fake_stream.hpp"

using namespace unknot;
using namespace unknot::testing;

TEST_CASE("a cue starts on the sample its engine time maps to") {
  FakeStream stream;
  const auto chime = testSound(300);
  stream.callback([&] { stream.mixer.submit(requestAt(1010.0, chime)); });
  stream.runUntil(1200.0);
  const int64_t expected = stream.sampleOf(1010.0);  // 60 ms in: 2880
  CHECK(expected == 2880);
  CHECK(stream.firstSound() == expected);
  CHECK(stream.output[static_cast<size_t>(expected)] == chime->sample(0));
  CHECK(stream.output[static_cast<size_t>(expected + 299)] == chime->sample(299));
  CHECK(stream.output[static_cast<size_t>(expected + 300)] == 0.0f);
  REQUIRE(stream.mixer.starts().size() == 1);
  CHECK(stream.mixer.starts()[0].sample == expected);
  CHECK_FALSE(stream.mixer.starts()[0].late);
}

TEST_CASE("a cue delivered a few milliseconds late still lands on its exact sample") {
  FakeStream stream;
  const auto pip = testSound(100);
  stream.runUntil(1030.0);  // the cue was due at 1000 but arrives 30 ms later
  const int64_t onset = stream.sampleOf(1000.0);
  stream.callback([&] { stream.mixer.submit(requestAt(1000.0, pip, SoundTag::Pip)); });
  stream.runUntil(1200.0);
  CHECK(stream.firstSound() == onset);
  CHECK_FALSE(stream.mixer.starts().at(0).late);
}

TEST_CASE("a cue delivered after its sample was played starts at once and is marked late") {
  FakeStream stream;
  stream.runUntil(1100.0);
  const int64_t bufferStart = stream.pos;
  stream.callback([&] { stream.mixer.submit(requestAt(1000.0, testSound(100))); });
  stream.runUntil(1200.0);
  CHECK(stream.firstSound() == bufferStart);
  CHECK(stream.mixer.starts().at(0).late);
}

TEST_CASE("a sped-up engine clock places cues by engine time") {
  FakeStream stream(10.0);  // --time-scale 10: the stream's 10 ms are 100 engine ms
  const auto pip = testSound(50);
  stream.callback([&] {
    stream.mixer.submit(requestAt(1500.0, pip));
    stream.mixer.submit(requestAt(2500.0, pip));
  });
  stream.runUntil(4000.0);
  // Latency is real time: 50 ms = 2400 samples; then 500 engine ms = 50 real ms = 2400.
  CHECK(stream.firstSound() == 4800);
  CHECK(stream.firstSound(4850) == 4800 + 4800);
}

TEST_CASE("a stream off its nominal rate still puts cues on the boundary") {
  FakeStream stream;
  stream.rateError = 1.05;  // the stream consumes samples 5% slower than the clock runs
  const auto pip = testSound(50);
  stream.runUntil(3000.0);
  stream.callback([&] { stream.mixer.submit(requestAt(stream.engineMs, pip)); });
  const double at = stream.engineMs - 480 * 1000.0 / 48000 * 1.05;
  stream.runUntil(3500.0);
  // The true mapping: 1.05 engine ms per nominal sample millisecond.
  const double truth = (at + 50.0 - 1000.0) / 1.05 * 48.0;
  CHECK(std::abs(static_cast<double>(stream.firstSound()) - truth) <= 2.0);
}

TEST_CASE("a delay places a prompt that many real milliseconds after its cue") {
  FakeStream stream(4.0);
  auto request = requestAt(1000.0, testSound(100), SoundTag::Speech);
  request.delayMs = 450;
  stream.callback([&] { stream.mixer.submit(request); });
  stream.runUntil(5000.0);
  CHECK(stream.firstSound() == (50 + 450) * 48);
}

TEST_CASE("the highest-ranked boundary cue plays alone") {
  FakeStream stream;
  const auto chime = testSound(200, 0.5f);
  const auto round = testSound(200, 0.25f);
  auto chimeRequest = requestAt(1100.0, chime, SoundTag::Chime);
  chimeRequest.boundaryRank = 1;
  auto roundRequest = requestAt(1100.0, round, SoundTag::Round);
  roundRequest.boundaryRank = 3;
  SECTION("higher rank second") {
    stream.callback([&] {
      stream.mixer.submit(chimeRequest);
      stream.mixer.submit(roundRequest);
    });
  }
  SECTION("higher rank first") {
    stream.callback([&] {
      stream.mixer.submit(roundRequest);
      stream.mixer.submit(chimeRequest);
    });
  }
  stream.runUntil(1400.0);
  const int64_t onset = stream.sampleOf(1100.0);
  CHECK(stream.firstSound() == onset);
  CHECK(stream.output[static_cast<size_t>(onset)] == 0.25f);
  REQUIRE(stream.mixer.starts().size() == 1);
  CHECK(stream.mixer.starts()[0].tag == SoundTag::Round);
}

TEST_CASE("unranked cues at the same instant all play") {
  FakeStream stream;
  stream.callback([&] {
    stream.mixer.submit(requestAt(1100.0, testSound(100, 0.25f)));
    stream.mixer.submit(requestAt(1100.0, testSound(100, 0.125f)));
  });
  stream.runUntil(1400.0);
  CHECK(stream.output[static_cast<size_t>(stream.sampleOf(1100.0))] == 0.375f);
}

TEST_CASE("a new prompt cuts the one still speaking with a short fade") {
  FakeStream stream;
  auto first = requestAt(1000.0, testSound(48000, 0.5f), SoundTag::Speech);
  first.speech = true;
  auto second = requestAt(1200.0, testSound(4800, 0.25f), SoundTag::Speech);
  second.speech = true;
  stream.callback([&] { stream.mixer.submit(first); });
  stream.runUntil(1150.0);
  stream.callback([&] { stream.mixer.submit(second); });
  stream.runUntil(2000.0);
  const auto cut = static_cast<size_t>(stream.sampleOf(1200.0));
  const size_t fade = 48 * 8;
  CHECK(stream.output[cut - 1] > 0.4f);                       // the first prompt, untouched
  CHECK(stream.output[cut] > 0.6f);                           // both, as the new one starts
  CHECK(stream.output[cut + fade / 2] < stream.output[cut]);  // the old one fading out
  CHECK(stream.output[cut + fade + 1] == Approx(second.sound->sample(fade + 1)));  // alone
  CHECK(stream.output[cut + 5000] == 0.0f);  // and then silence
}

TEST_CASE("stopping silences every cue within a few milliseconds") {
  FakeStream stream;
  stream.callback([&] { stream.mixer.submit(requestAt(1000.0, testSound(48000))); });
  stream.runUntil(1200.0);
  const auto stopAt = static_cast<size_t>(stream.pos);
  stream.callback([&] { stream.mixer.stopAll(); });
  stream.runUntil(1400.0);
  CHECK(stream.output[stopAt - 1] != 0.0f);
  for (size_t i = stopAt + 48 * 10; i < stream.output.size(); ++i)
    REQUIRE(stream.output[i] == 0.0f);
  CHECK(stream.mixer.playing() == 0);
}

TEST_CASE("the alarm repeats until its count runs out or it is stopped") {
  FakeStream stream;
  auto alarm = requestAt(1000.0, testSound(4800), SoundTag::Alarm);  // 100 ms per ring
  alarm.repeats = 3;
  stream.callback([&] { stream.mixer.submit(alarm); });
  stream.runUntil(1600.0);
  const auto onset = static_cast<size_t>(stream.sampleOf(1000.0));
  CHECK(stream.output[onset + 4800] == stream.output[onset]);
  CHECK(stream.output[onset + 2 * 4800 + 10] == stream.output[onset + 10]);
  CHECK(stream.output[onset + 3 * 4800] == 0.0f);

  FakeStream stopped;
  alarm.repeats = 100;
  stopped.callback([&] { stopped.mixer.submit(alarm); });
  stopped.runUntil(1300.0);
  stopped.callback([&] { stopped.mixer.stopAlarm(); });
  stopped.runUntil(1500.0);
  CHECK(stopped.output.back() == 0.0f);
  CHECK(stopped.mixer.playing() == 0);
}

TEST_CASE("master and voice gains scale what is heard") {
  FakeStream stream;
  auto prompt = requestAt(1000.0, testSound(100, 0.5f), SoundTag::Speech);
  prompt.speech = true;
  auto chime = requestAt(1000.0, testSound(100, 0.5f));
  chime.atMs = 1100.0;
  stream.callback([&] {
    stream.mixer.submit(prompt);
    stream.mixer.submit(chime);
  });
  while (stream.engineMs < 1300.0) stream.callback({}, 0.5f, 0.5f);
  CHECK(stream.output[static_cast<size_t>(stream.sampleOf(1000.0))] == Approx(0.125f));
  CHECK(stream.output[static_cast<size_t>(stream.sampleOf(1100.0))] == Approx(0.25f));

  FakeStream muted;
  muted.callback([&] { muted.mixer.submit(requestAt(1000.0, testSound(100))); }, 0.0f);
  while (muted.engineMs < 1300.0) muted.callback({}, 0.0f);
  CHECK(muted.firstSound() == -1);
}

TEST_CASE("finished sounds are handed back for release off the audio thread") {
  FakeStream stream;
  auto sound = testSound(100);
  stream.callback([&] { stream.mixer.submit(requestAt(1000.0, sound)); });
  stream.runUntil(1300.0);
  CHECK(stream.mixer.playing() == 0);
  REQUIRE(stream.mixer.retired().size() == 1);
  CHECK(stream.mixer.retired()[0] == sound);
}

TEST_CASE("empty or missing sounds are ignored") {
  FakeStream stream;
  stream.callback([&] {
    stream.mixer.submit(requestAt(1000.0, nullptr));
    stream.mixer.submit(requestAt(1000.0, std::make_shared<Sound>()));
  });
  stream.runUntil(1200.0);
  CHECK(stream.mixer.starts().empty());
  CHECK(stream.firstSound() == -1);
}

TEST_CASE("a prompt at the synthesizer's rate is resampled as it plays, on its sample and whole") {
  // espeak-ng speaks at 22,050 Hz; the prompt keeps that rate and the mixer converts it.
  constexpr int kFrom = 22050;
  constexpr double kHz = 1000.0;  // speech has most of its energy below 3 kHz
  std::vector<int16_t> samples;
  for (int i = 0; i < kFrom / 2; ++i)  // half a second
    samples.push_back(
        static_cast<int16_t>(std::lround(16000.0 * std::sin(2.0 * M_PI * kHz * i / kFrom))));
  auto prompt = std::make_shared<Sound>(Sound::owning(std::move(samples), kFrom));
  FakeStream stream;
  stream.callback([&] { stream.mixer.submit(requestAt(1010.0, prompt, SoundTag::Speech)); });
  stream.runUntil(1700.0);

  const int64_t onset = stream.sampleOf(1010.0);
  REQUIRE(stream.mixer.starts().size() == 1);
  CHECK(stream.mixer.starts()[0].sample == onset);
  // Half a second at the output's rate, to the sample: 24,000 frames.
  int64_t last = -1;
  for (size_t i = 0; i < stream.output.size(); ++i)
    if (stream.output[i] != 0.0f) last = static_cast<int64_t>(i);
  CHECK(last - onset + 1 == FakeStream::kRate / 2);

  // Against the same tone made at 48 kHz, away from the edges: at least 60 dB apart.
  double signal = 0, error = 0;
  for (int64_t k = 100; k < FakeStream::kRate / 2 - 100; ++k) {
    const double ideal = 16000.0 / Sound::kFullScale *
                         std::sin(2.0 * M_PI * kHz * static_cast<double>(k) / FakeStream::kRate);
    const double got = stream.output[static_cast<size_t>(onset + k)];
    signal += ideal * ideal;
    error += (got - ideal) * (got - ideal);
  }
  CHECK(10.0 * std::log10(signal / error) > 60.0);
}

TEST_CASE("a sound at the output's own rate is copied sample for sample") {
  FakeStream stream;
  auto chime = std::make_shared<Sound>(*testSound(300));
  chime->rate = FakeStream::kRate;  // said outright, as the default 0 says it
  stream.callback([&] { stream.mixer.submit(requestAt(1010.0, chime)); });
  stream.runUntil(1200.0);
  const int64_t onset = stream.sampleOf(1010.0);
  for (size_t i = 0; i < 300; ++i)
    CHECK(stream.output[static_cast<size_t>(onset) + i] == chime->sample(i));
  CHECK(stream.output[static_cast<size_t>(onset + 300)] == 0.0f);
}

TEST_CASE("the mixer says from which sample on nothing it placed sounds, so the device may close") {
  FakeStream stream;
  const auto chime = testSound(3000);    // 62.5 ms
  CHECK(stream.mixer.quietFrom() == 0);  // nothing placed: quiet from the next buffer on
  stream.callback([&] { stream.mixer.submit(requestAt(1010.0, chime)); });
  // Not placed yet: its start, and so its end, is not known.
  CHECK(stream.mixer.quietFrom() == std::nullopt);
  stream.runUntil(1100.0);
  const int64_t onset = stream.sampleOf(1010.0);
  REQUIRE(stream.firstSound() == onset);
  CHECK(stream.mixer.quietFrom() == onset + 3000);  // still playing
  // A stop cuts it short: its fade-out (8 ms) ends inside this 10-ms buffer, so it is quiet
  // from the next one on, long before the chime would have ended.
  stream.callback([&] { stream.mixer.stopAll(); });
  CHECK(stream.mixer.quietFrom() == stream.pos);
  CHECK(stream.pos < onset + 3000);
}
