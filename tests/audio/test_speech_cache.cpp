// Prompts kept on disk between runs, and sounds read in place from a mapped file.
#include <catch2/catch.hpp>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <thread>

#include "audio/speech.hpp"
#include "audio/speech_cache.hpp"
#include "support/process.hpp"

using namespace unknot;
namespace fs = std::filesystem;

namespace {

SoundPtr toneOf(size_t length, int rate, int16_t step) {
  std::vector<int16_t> samples(length);
  for (size_t i = 0; i < length; ++i) samples[i] = static_cast<int16_t>(i * step);
  return std::make_shared<const Sound>(Sound::owning(std::move(samples), rate));
}

std::vector<fs::path> pcmFiles(const fs::path& dir) {
  std::vector<fs::path> files;
  if (!fs::exists(dir)) return files;
  for (const auto& item : fs::directory_iterator(dir)) files.push_back(item.path());
  return files;
}

std::string bytesOf(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("a prompt kept on disk is read back whole, in place, by a later run") {
  testing::TempDir home;
  const fs::path dir = fs::path(home.path()) / "speech";
  const SoundPtr tone = toneOf(30000, 22050, 7);
  {
    SpeechCache cache(dir);
    CHECK(cache.find("espeak-ng|en|175|Hold.") == nullptr);
    const SoundPtr stored = cache.store("espeak-ng|en|175|Hold.", *tone);
    REQUIRE(stored);
    CHECK(stored->samples.data() != tone->samples.data());  // the file's copy, not ours
  }
  SpeechCache later(dir);
  const SoundPtr found = later.find("espeak-ng|en|175|Hold.");
  REQUIRE(found);
  CHECK(found->rate == 22050);
  CHECK(std::equal(found->samples.begin(), found->samples.end(), tone->samples.begin(),
                   tone->samples.end()));
  // Another rate, voice or text is another prompt.
  CHECK(later.find("espeak-ng|en|160|Hold.") == nullptr);
  // No temporary file is left behind.
  CHECK(pcmFiles(dir).size() == 1);
}

TEST_CASE("a kept prompt cut short or made for another text is not played") {
  testing::TempDir home;
  const fs::path dir = fs::path(home.path()) / "speech";
  SpeechCache cache(dir);
  REQUIRE(cache.store("espeak-ng|en|175|Rest.", *toneOf(1000, 22050, 3)));
  const auto files = pcmFiles(dir);
  REQUIRE(files.size() == 1);
  const std::string whole = bytesOf(files[0]);

  // A write cut short (a full disk, a crash): shorter than its header says.
  fs::resize_file(files[0], whole.size() - 2);
  CHECK(cache.find("espeak-ng|en|175|Rest.") == nullptr);

  // Whole again, but holding another key under this name (a hash collision): not a match.
  std::string other = whole;
  other[24] = 'X';  // the key's first byte, after the 24-byte header
  fs::remove(files[0]);
  std::ofstream(files[0], std::ios::binary) << other;
  CHECK(cache.find("espeak-ng|en|175|Rest.") == nullptr);

  // Stored again, it replaces the bad file.
  REQUIRE(cache.store("espeak-ng|en|175|Rest.", *toneOf(1000, 22050, 3)));
  CHECK(cache.find("espeak-ng|en|175|Rest.") != nullptr);
}

TEST_CASE("the prompt cache keeps to its bound, letting the least recently used go first") {
  testing::TempDir home;
  const fs::path dir = fs::path(home.path()) / "speech";
  // Each file is about 20 KB: room for two.
  SpeechCache cache(dir, 45'000);
  REQUIRE(cache.store("a", *toneOf(10000, 22050, 1)));
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  REQUIRE(cache.store("b", *toneOf(10000, 22050, 2)));
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  REQUIRE(cache.find("a"));  // used again: now "b" is the oldest
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  REQUIRE(cache.store("c", *toneOf(10000, 22050, 3)));
  CHECK(cache.find("a") != nullptr);
  CHECK(cache.find("b") == nullptr);
  CHECK(cache.find("c") != nullptr);
  CHECK(pcmFiles(dir).size() == 2);
}

TEST_CASE("a folder that cannot be written leaves the prompt in memory, still played") {
  testing::TempDir home;
  home.write("speech", "a file where the folder should be");
  SpeechCache cache(fs::path(home.path()) / "speech");
  CHECK(cache.store("espeak-ng|en|175|Rest.", *toneOf(1000, 22050, 3)) == nullptr);
  CHECK(cache.find("espeak-ng|en|175|Rest.") == nullptr);
}

TEST_CASE("the speech worker plays a prompt kept on disk instead of synthesizing it") {
  testing::TempDir home;
  const fs::path dir = fs::path(home.path()) / "speech";
  std::string error;
  auto synth = SpeechSynth::create(error);
  INFO(error);
  REQUIRE(synth);
  // A marker no synthesizer makes, kept under the prompt's key: the worker must return it.
  const SoundPtr marker = toneOf(2205, 22050, 11);
  {
    SpeechCache cache(dir);
    REQUIRE(cache.store(SpeechWorker::diskKey(*synth, "Hold the stretch.", 175), *marker));
  }
  SpeechWorker worker(std::move(synth), std::make_unique<SpeechCache>(dir));
  worker.want({"Hold the stretch.", "Switch sides."}, 175);
  SoundPtr kept, made;
  for (int i = 0; i < 500 && !(kept && made); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    kept = worker.find("Hold the stretch.", 175);
    made = worker.find("Switch sides.", 175);
  }
  worker.stop();
  REQUIRE(kept);
  REQUIRE(made);
  CHECK(std::equal(kept->samples.begin(), kept->samples.end(), marker->samples.begin(),
                   marker->samples.end()));
  // The one synthesized is now on disk too, for the next run.
  CHECK(pcmFiles(dir).size() == 2);
  CHECK(made->rate == 22050);
  CHECK(made->samples.size() > 22050 / 4);
}

TEST_CASE("the project's cue sounds are read in place from their files") {
  const fs::path file = fs::path(UNKNOT_SOURCE_DIR) / "assets" / "sounds" / "chime.wav";
  std::string error;
  const SoundPtr chime = mapPcmWav(file, 60, error);
  INFO(error);
  REQUIRE(chime);
  CHECK(chime->rate == 48000);
  // The samples are the file's bytes after its 44-byte header.
  const std::string bytes = bytesOf(file);
  REQUIRE(chime->samples.size() == (bytes.size() - 44) / 2);
  CHECK(std::memcmp(chime->samples.data(), bytes.data() + 44, 64) == 0);
  // At most as long as asked.
  CHECK(mapPcmWav(file, 0.1, error)->samples.size() == 4800);
}

TEST_CASE("a sound file that is not 16-bit mono PCM WAV is left to the converter") {
  testing::TempDir home;
  std::string error;
  home.write("text.wav", "not a sound at all, just some text of a reasonable length");
  CHECK(mapPcmWav(home.file("text.wav"), 60, error) == nullptr);
  CHECK(error == "not a WAV file");
  // A stereo WAV: the right header, the wrong layout.
  std::string wav = bytesOf(fs::path(UNKNOT_SOURCE_DIR) / "assets" / "sounds" / "pip.wav");
  wav[22] = 2;  // channels
  std::ofstream(home.file("stereo.wav"), std::ios::binary) << wav;
  CHECK(mapPcmWav(home.file("stereo.wav"), 60, error) == nullptr);
  CHECK(error == "not 16-bit mono PCM");
  CHECK(mapPcmWav(home.file("missing.wav"), 60, error) == nullptr);
  CHECK(error == "No such file or directory");
}
