#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "core/settings.hpp"

namespace fs = std::filesystem;
using namespace unknot;

namespace {

// A fresh folder per test so runs in parallel never share files.
struct TempDir {
  fs::path path;
  TempDir() {
    std::random_device device;
    path = fs::temp_directory_path() / ("unknot-settings-" + std::to_string(device()));
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

void writeFile(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

std::string readFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string joined(const Diagnostics& errors) {
  std::string text;
  for (const auto& error : errors) text += error.toString() + "\n";
  return text;
}

}  // namespace

TEST_CASE("a missing settings file gives defaults and no errors") {
  TempDir dir;
  const auto load = loadSettings(dir.path / "settings.toml");
  CHECK(load.errors.empty());
  CHECK(load.settings.audio.volume == Approx(0.8));
  CHECK(load.settings.audio.voice);
  CHECK(load.settings.window.width == 1100);
  CHECK_FALSE(load.settings.window.x.has_value());
  CHECK_FALSE(load.settings.safety.noticeAcknowledged);  // a first start shows the notice
}

TEST_CASE("saved settings load back unchanged") {
  TempDir dir;
  const fs::path path = dir.path / "nested" / "unknot" / "settings.toml";
  Settings settings;
  settings.audio.muted = true;
  settings.audio.volume = 0.35;
  settings.audio.halfwayBell = false;
  settings.audio.repTicks = false;
  settings.audio.voiceRate = 210;
  settings.audio.voiceVolume = 0.5;
  settings.audio.sayCountdown = true;
  settings.window = {1280, 900, -20, 40};
  settings.safety.noticeAcknowledged = true;
  REQUIRE_FALSE(saveSettings(settings, path).has_value());

  const auto load = loadSettings(path);
  INFO(joined(load.errors));
  REQUIRE(load.errors.empty());
  const AudioSettings& audio = load.settings.audio;
  CHECK(audio.muted);
  CHECK(audio.volume == Approx(0.35));
  CHECK_FALSE(audio.halfwayBell);
  CHECK_FALSE(audio.repTicks);
  CHECK(audio.phaseChime);
  CHECK(audio.voiceRate == 210);
  CHECK(audio.voiceVolume == Approx(0.5));
  CHECK(audio.sayCountdown);
  CHECK(load.settings.window.width == 1280);
  CHECK(load.settings.window.height == 900);
  CHECK(load.settings.window.x == -20);
  CHECK(load.settings.window.y == 40);
  CHECK(load.settings.safety.noticeAcknowledged);
}

TEST_CASE("the notice acknowledgement is a hand-editable line of its own") {
  TempDir dir;
  const fs::path path = dir.path / "settings.toml";
  Settings settings;
  settings.safety.noticeAcknowledged = true;
  REQUIRE_FALSE(saveSettings(settings, path).has_value());
  const std::string text = readFile(path);
  CHECK(text.find("[safety]\nnotice_acknowledged = true") != std::string::npos);
  writeFile(path, "[safety]\nnotice_acknowledged = false\n");
  CHECK_FALSE(loadSettings(path).settings.safety.noticeAcknowledged);
  writeFile(path, "[safety]\nnotice_acknowledged = \"yes\"\n");
  const auto wrong = loadSettings(path);
  CHECK(joined(wrong.errors).find("safety.notice_acknowledged: expected true or false") !=
        std::string::npos);
  CHECK_FALSE(wrong.settings.safety.noticeAcknowledged);
}

TEST_CASE("saving leaves no temporary file behind and replaces the old file") {
  TempDir dir;
  const fs::path path = dir.path / "settings.toml";
  writeFile(path, "old contents");
  Settings settings;
  settings.audio.volume = 0.25;
  REQUIRE_FALSE(saveSettings(settings, path).has_value());
  int files = 0;
  for (const auto& entry : fs::directory_iterator(dir.path)) {
    (void)entry;
    ++files;
  }
  CHECK(files == 1);
  CHECK(readFile(path).find("volume = 0.25") != std::string::npos);
}

TEST_CASE("an unknown key is reported with its position and the rest still loads") {
  TempDir dir;
  const fs::path path = dir.path / "settings.toml";
  writeFile(path, "[audio]\nvolume = 0.5\nvolumme = 0.1\n");
  const auto load = loadSettings(path);
  REQUIRE(load.errors.size() == 1);
  CHECK(load.errors[0].toString() == path.string() + ":3:1: unknown key 'audio.volumme'");
  CHECK(load.settings.audio.volume == Approx(0.5));
}

TEST_CASE("a value of the wrong type falls back to its default with a one-line error") {
  TempDir dir;
  const fs::path path = dir.path / "settings.toml";
  writeFile(path, "[audio]\nmuted = \"yes\"\nvoice = false\n");
  const auto load = loadSettings(path);
  REQUIRE(load.errors.size() == 1);
  CHECK(load.errors[0].toString() ==
        path.string() + ":2:9: audio.muted: expected true or false, found a string");
  CHECK_FALSE(load.settings.audio.muted);
  CHECK_FALSE(load.settings.audio.voice);
}

TEST_CASE("out-of-range values fall back to their defaults") {
  TempDir dir;
  const fs::path path = dir.path / "settings.toml";
  writeFile(path,
            "[audio]\nvolume = 1.5\nvoice_rate = 20\n[audio.cues]\nrep_ticks = false\n"
            "[window]\nwidth = 99999999999\nheight = 800\n");
  const auto load = loadSettings(path);
  INFO(joined(load.errors));
  REQUIRE(load.errors.size() == 3);
  CHECK(load.errors[0].message == "audio.volume: expected a number from 0.0 to 1.0, found 1.5");
  CHECK(load.errors[0].pos.line == 2);
  CHECK(load.errors[1].message ==
        "audio.voice_rate: expected a whole number from 80 to 450, found 20");
  CHECK(load.errors[2].message.rfind("window.width: expected a whole number", 0) == 0);
  CHECK(load.settings.audio.volume == Approx(0.8));
  CHECK(load.settings.audio.voiceRate == 160);
  CHECK_FALSE(load.settings.audio.repTicks);
  CHECK(load.settings.window.width == 1100);
  CHECK(load.settings.window.height == 800);
}

TEST_CASE("a whole number is accepted where a fraction is expected") {
  TempDir dir;
  const fs::path path = dir.path / "settings.toml";
  writeFile(path, "[audio]\nvolume = 1\nvoice_volume = 0\n");
  const auto load = loadSettings(path);
  CHECK(load.errors.empty());
  CHECK(load.settings.audio.volume == Approx(1.0));
  CHECK(load.settings.audio.voiceVolume == Approx(0.0));
}

TEST_CASE("a section that is not a table is reported") {
  TempDir dir;
  const fs::path path = dir.path / "settings.toml";
  writeFile(path, "audio = 3\n");
  const auto load = loadSettings(path);
  REQUIRE(load.errors.size() == 1);
  CHECK(load.errors[0].toString() ==
        path.string() + ":1:9: audio: expected a table, found an integer");
}

TEST_CASE("a garbage settings file gives defaults, one error, and is left untouched") {
  TempDir dir;
  const fs::path path = dir.path / "settings.toml";
  const std::string garbage = std::string("[audio\nvolume = = 3\n\x01\xff\xfe", 22);
  writeFile(path, garbage);
  const auto load = loadSettings(path);
  REQUIRE(load.errors.size() == 1);
  const std::string line = load.errors[0].toString();
  INFO(line);
  CHECK(line.rfind(path.string() + ":3:1: ", 0) == 0);
  CHECK(line.find('\n') == std::string::npos);
  CHECK(load.settings.audio.volume == Approx(0.8));
  CHECK(readFile(path) == garbage);
}

TEST_CASE("malformed inputs never crash the settings loader") {
  TempDir dir;
  const fs::path path = dir.path / "settings.toml";
  const char* inputs[] = {"[&",
                          "[audio]\nvolume = nan\n",
                          "[audio]\nvolume = inf\n",
                          "[[audio]]\nvolume = 1\n",
                          "[audio]\ncues = [1, 2]\n",
                          "[window]\nx = 1.5\ny = 1979-05-27\n",
                          "\xef\xbb\xbf[audio]\nmuted = true\n",
                          "a.b.c.d = 1\n",
                          ""};
  for (const char* input : inputs) {
    writeFile(path, input);
    const auto load = loadSettings(path);
    for (const auto& error : load.errors) {
      CHECK(error.pos.line >= 1);
      CHECK(error.toString().find('\n') == std::string::npos);
    }
  }
  writeFile(path, "[audio]\nvolume = nan\n");
  CHECK(loadSettings(path).settings.audio.volume == Approx(0.8));
}

TEST_CASE("a folder in place of the settings file is reported, not read") {
  TempDir dir;
  fs::create_directories(dir.path / "settings.toml");
  const auto load = loadSettings(dir.path / "settings.toml");
  REQUIRE(load.errors.size() == 1);
  CHECK(load.errors[0].message.find("not a regular file") != std::string::npos);
}

TEST_CASE("saving with no settings path is an error, not a write somewhere") {
  CHECK(saveSettings(Settings{}, {}).has_value());
}

TEST_CASE("saving into a path that cannot be written returns an error and writes nothing") {
  TempDir dir;
  writeFile(dir.path / "blocker", "a file where a folder should be");
  const auto error = saveSettings(Settings{}, dir.path / "blocker" / "settings.toml");
  REQUIRE(error.has_value());
  CHECK(error->find("blocker") != std::string::npos);
  CHECK(readFile(dir.path / "blocker") == "a file where a folder should be");
}

TEST_CASE("reduced motion is off by default, read from [display] and saved back") {
  TempDir dir;
  const fs::path path = dir.path / "settings.toml";
  CHECK_FALSE(loadSettings(path).settings.display.reducedMotion);
  writeFile(path, "[display]\nreduced_motion = true\n");
  const auto loaded = loadSettings(path);
  CHECK(loaded.errors.empty());
  CHECK(loaded.settings.display.reducedMotion);
  REQUIRE_FALSE(saveSettings(loaded.settings, dir.path / "again.toml").has_value());
  CHECK(readFile(dir.path / "again.toml").find("[display]\nreduced_motion = true") !=
        std::string::npos);
}

TEST_CASE("theme, scale and first weekday are read, checked and saved back") {
  TempDir dir;
  const fs::path path = dir.path / "settings.toml";
  const Settings defaults = loadSettings(path).settings;
  CHECK(defaults.display.theme == ThemeName::Dark);
  CHECK(defaults.display.scale == 1.0);
  CHECK_FALSE(defaults.calendar.firstWeekday.has_value());
  writeFile(path,
            "[display]\ntheme = \"high-contrast\"\nscale = 1.75\n[calendar]\n"
            "first_weekday = \"Monday\"\n");
  const auto loaded = loadSettings(path);
  CHECK(loaded.errors.empty());
  CHECK(loaded.settings.display.theme == ThemeName::HighContrast);
  CHECK(loaded.settings.display.scale == 1.75);
  CHECK(loaded.settings.calendar.firstWeekday == 1);
  REQUIRE_FALSE(saveSettings(loaded.settings, dir.path / "again.toml").has_value());
  const auto again = loadSettings(dir.path / "again.toml");
  CHECK(again.errors.empty());
  CHECK(again.settings.display.theme == ThemeName::HighContrast);
  CHECK(again.settings.display.scale == 1.75);
  CHECK(again.settings.calendar.firstWeekday == 1);
}

TEST_CASE("a wrong theme, scale or weekday is reported at its line and the default kept") {
  TempDir dir;
  const fs::path path = dir.path / "settings.toml";
  writeFile(path,
            "[display]\ntheme = \"purple\"\nscale = 4\n[calendar]\nfirst_weekday = \"caturday\"\n");
  const auto loaded = loadSettings(path);
  REQUIRE(loaded.errors.size() == 3);
  CHECK(loaded.errors[0].pos.line == 2);
  CHECK(loaded.errors[0].message ==
        "display.theme: expected \"dark\", \"light\" or \"high-contrast\", found \"purple\"");
  CHECK(loaded.errors[1].pos.line == 3);
  CHECK(loaded.errors[1].message == "display.scale: expected a number from 0.75 to 2.5, found 4.0");
  CHECK(loaded.errors[2].pos.line == 5);
  CHECK(loaded.settings.display.theme == ThemeName::Dark);
  CHECK(loaded.settings.display.scale == 1.0);
  CHECK_FALSE(loaded.settings.calendar.firstWeekday.has_value());
}

TEST_CASE("voice, verbosity and per-cue volumes are read, checked and saved back") {
  TempDir dir;
  const fs::path path = dir.path / "settings.toml";
  const Settings defaults = loadSettings(path).settings;
  CHECK(defaults.audio.verbosity == Verbosity::Names);
  CHECK(defaults.audio.voiceName.empty());
  CHECK(defaults.audio.speechDispatcher);
  CHECK(defaults.audio.volumes.alarm == 1.0);
  writeFile(path,
            "[audio]\nverbosity = \"instructions\"\nvoice_name = \"Norwegian Bokmål, K'iche'\"\n"
            "speech_dispatcher = false\n[audio.volumes]\nchime = 0.5\ncountdown_pips = 0\n"
            "halfway_bell = 0.25\nswitch_sides = 1\nfinish_fanfare = 0.75\nalarm = 0.9\n");
  const auto loaded = loadSettings(path);
  CHECK(joined(loaded.errors).empty());
  const AudioSettings& audio = loaded.settings.audio;
  CHECK(audio.verbosity == Verbosity::Instructions);
  CHECK(audio.voiceName == "Norwegian Bokmål, K'iche'");
  CHECK_FALSE(audio.speechDispatcher);
  CHECK(audio.volumes.chime == 0.5);
  CHECK(audio.volumes.pips == 0.0);
  CHECK(audio.volumes.halfway == 0.25);
  CHECK(audio.volumes.finish == 0.75);
  CHECK(audio.volumes.alarm == 0.9);
  REQUIRE_FALSE(saveSettings(loaded.settings, dir.path / "again.toml").has_value());
  const auto again = loadSettings(dir.path / "again.toml");
  CHECK(joined(again.errors).empty());
  CHECK(again.settings.audio.verbosity == Verbosity::Instructions);
  CHECK(again.settings.audio.voiceName == "Norwegian Bokmål, K'iche'");
  CHECK_FALSE(again.settings.audio.speechDispatcher);
  CHECK(again.settings.audio.volumes.chime == 0.5);
  CHECK(again.settings.audio.volumes.alarm == 0.9);
}

TEST_CASE("a wrong verbosity, voice name or cue volume is reported at its line") {
  TempDir dir;
  const fs::path path = dir.path / "settings.toml";
  writeFile(path,
            "[audio]\nverbosity = \"chatty\"\nvoice_name = \"en\\u0007\"\n"
            "[audio.volumes]\nchime = 1.5\nbells = 0.5\n");
  const auto loaded = loadSettings(path);
  REQUIRE(loaded.errors.size() == 4);
  CHECK(loaded.errors[0].pos.line == 2);
  CHECK(loaded.errors[0].message ==
        "audio.verbosity: expected \"cues\", \"names\" or \"instructions\", found \"chatty\"");
  CHECK(loaded.errors[1].pos.line == 3);
  CHECK(loaded.errors[2].pos.line == 5);
  CHECK(loaded.errors[2].message ==
        "audio.volumes.chime: expected a number from 0.0 to 1.0, found 1.5");
  CHECK(loaded.errors[3].message == "unknown key 'audio.volumes.bells'");
  CHECK(loaded.settings.audio.verbosity == Verbosity::Names);
  CHECK(loaded.settings.audio.voiceName.empty());
  CHECK(loaded.settings.audio.volumes.chime == 1.0);
}
