#include "core/settings.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <fstream>
#include <functional>
#include <random>
#include <sstream>
#include <string_view>
#include <system_error>
#include <vector>

namespace unknot {

namespace {

// Settings files are small; anything bigger is not ours and is refused before reading.
constexpr std::uintmax_t kMaxSettingsBytes = 64 * 1024;

struct Reader {
  std::string path;
  Diagnostics* errors;

  void report(const toml::source_region& where, std::string message) const {
    SourcePos pos;
    if (where.begin.line > 0)
      pos = {static_cast<int>(where.begin.line), static_cast<int>(where.begin.column)};
    errors->push_back({path, pos, std::move(message)});
  }
};

const char* typeName(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::table:
      return "a table";
    case toml::node_type::array:
      return "an array";
    case toml::node_type::string:
      return "a string";
    case toml::node_type::integer:
      return "an integer";
    case toml::node_type::floating_point:
      return "a number";
    case toml::node_type::boolean:
      return "a boolean";
    case toml::node_type::date:
      return "a date";
    case toml::node_type::time:
      return "a time";
    case toml::node_type::date_time:
      return "a date-time";
    default:
      return "nothing";
  }
}

// One key of a settings table: how to read it into Settings, checked against its range.
struct Field {
  std::string_view key;
  std::function<void(const toml::node&, const std::string& name, const Reader&)> read;
};

Field boolField(std::string_view key, bool& target) {
  return {key, [&target](const toml::node& node, const std::string& name, const Reader& reader) {
            if (auto value = node.value_exact<bool>()) {
              target = *value;
              return;
            }
            reader.report(node.source(),
                          name + ": expected true or false, found " + typeName(node));
          }};
}

Field numberField(std::string_view key, double& target, double min, double max) {
  return {key, [&target, min, max](const toml::node& node, const std::string& name,
                                   const Reader& reader) {
            std::optional<double> value;
            if (node.is_floating_point()) value = node.as_floating_point()->get();
            if (node.is_integer()) value = static_cast<double>(node.as_integer()->get());
            const std::string expected =
                "expected a number from " + settingsNumber(min) + " to " + settingsNumber(max);
            if (!value) {
              reader.report(node.source(), name + ": " + expected + ", found " + typeName(node));
            } else if (!(*value >= min && *value <= max)) {
              reader.report(node.source(),
                            name + ": " + expected + ", found " + settingsNumber(*value));
            } else {
              target = *value;
            }
          }};
}

Field intField(std::string_view key, std::function<void(int)> set, long long min, long long max) {
  return {key, [set = std::move(set), min, max](const toml::node& node, const std::string& name,
                                                const Reader& reader) {
            const std::string expected = "expected a whole number from " + std::to_string(min) +
                                         " to " + std::to_string(max);
            auto value = node.value_exact<int64_t>();
            if (!value) {
              reader.report(node.source(), name + ": " + expected + ", found " + typeName(node));
            } else if (*value < min || *value > max) {
              reader.report(node.source(),
                            name + ": " + expected + ", found " + std::to_string(*value));
            } else {
              set(static_cast<int>(*value));
            }
          }};
}

Field intField(std::string_view key, int& target, long long min, long long max) {
  return intField(key, std::function<void(int)>([&target](int v) { target = v; }), min, max);
}

Field intField(std::string_view key, std::optional<int>& target, long long min, long long max) {
  return intField(key, std::function<void(int)>([&target](int v) { target = v; }), min, max);
}

void readTable(
    const toml::table& table, const std::string& prefix, const std::vector<Field>& fields,
    const std::vector<std::pair<std::string_view, std::function<void(const toml::table&)>>>&
        subtables,
    const Reader& reader) {
  for (const auto& [key, node] : table) {
    const std::string name =
        prefix.empty() ? std::string(key.str()) : prefix + "." + std::string(key.str());
    bool known = false;
    for (const Field& field : fields) {
      if (field.key != key.str()) continue;
      known = true;
      field.read(node, name, reader);
    }
    for (const auto& [subKey, readSub] : subtables) {
      if (subKey != key.str()) continue;
      known = true;
      if (const toml::table* sub = node.as_table()) {
        readSub(*sub);
      } else {
        reader.report(node.source(), name + ": expected a table, found " + typeName(node));
      }
    }
    if (!known) reader.report(key.source(), "unknown key '" + name + "'");
  }
}

// A string key whose value must parse; the message lists what it may be.
Field choiceField(std::string_view key, std::function<bool(std::string_view)> set,
                  std::string expected) {
  return {key, [set = std::move(set), expected = std::move(expected)](
                   const toml::node& node, const std::string& name, const Reader& reader) {
            const auto value = node.value_exact<std::string>();
            if (!value) {
              reader.report(node.source(),
                            name + ": expected " + expected + ", found " + typeName(node));
            } else if (!set(*value)) {
              reader.report(node.source(),
                            name + ": expected " + expected + ", found \"" + *value + "\"");
            }
          }};
}

void readAudio(const toml::table& table, AudioSettings& audio, const Reader& reader) {
  const std::vector<Field> fields{
      boolField("muted", audio.muted),
      numberField("volume", audio.volume, 0.0, 1.0),
      boolField("voice", audio.voice),
      intField("voice_rate", audio.voiceRate, 80, 450),
      numberField("voice_volume", audio.voiceVolume, 0.0, 1.0),
      boolField("say_countdown", audio.sayCountdown),
      choiceField(
          "verbosity",
          [&audio](std::string_view text) {
            const auto verbosity = parseVerbosity(text);
            if (verbosity) audio.verbosity = *verbosity;
            return verbosity.has_value();
          },
          "\"cues\", \"names\" or \"instructions\""),
      choiceField(
          "voice_name",
          [&audio](std::string_view text) {
            if (!isValidVoiceName(text)) return false;
            audio.voiceName = std::string(text);
            return true;
          },
          "a voice name of at most 80 bytes, without quotes, backslashes or control characters "
          "(\"\" for the default)"),
      boolField("speech_dispatcher", audio.speechDispatcher),
  };
  CueVolumes& v = audio.volumes;
  const std::vector<Field> volumeFields{
      numberField("chime", v.chime, 0.0, 1.0),
      numberField("countdown_pips", v.pips, 0.0, 1.0),
      numberField("halfway_bell", v.halfway, 0.0, 1.0),
      numberField("switch_sides", v.switchSides, 0.0, 1.0),
      numberField("finish_fanfare", v.finish, 0.0, 1.0),
      numberField("alarm", v.alarm, 0.0, 1.0),
  };
  const std::vector<Field> cueFields{
      boolField("phase_chime", audio.phaseChime),
      boolField("countdown_pips", audio.countdownPips),
      boolField("halfway_bell", audio.halfwayBell),
      boolField("switch_sides", audio.switchCue),
      boolField("rep_ticks", audio.repTicks),
      boolField("round_start", audio.roundCue),
      boolField("finish_fanfare", audio.finishFanfare),
  };
  readTable(
      table, "audio", fields,
      {{"cues",
        [&](const toml::table& cues) { readTable(cues, "audio.cues", cueFields, {}, reader); }},
       {"volumes",
        [&](const toml::table& volumes) {
          readTable(volumes, "audio.volumes", volumeFields, {}, reader);
        }}},
      reader);
}

void readWindow(const toml::table& table, WindowSettings& window, const Reader& reader) {
  constexpr long long kMaxCoordinate = 100000;
  const std::vector<Field> fields{
      intField("width", window.width, 320, 16384),
      intField("height", window.height, 240, 16384),
      intField("x", window.x, -kMaxCoordinate, kMaxCoordinate),
      intField("y", window.y, -kMaxCoordinate, kMaxCoordinate),
  };
  readTable(table, "window", fields, {}, reader);
}

void readSafety(const toml::table& table, SafetySettings& safety, const Reader& reader) {
  readTable(table, "safety", {boolField("notice_acknowledged", safety.noticeAcknowledged)}, {},
            reader);
}

void readDisplay(const toml::table& table, DisplaySettings& display, const Reader& reader) {
  readTable(table, "display",
            {boolField("reduced_motion", display.reducedMotion),
             choiceField(
                 "theme",
                 [&display](std::string_view text) {
                   const auto theme = parseThemeName(text);
                   if (theme) display.theme = *theme;
                   return theme.has_value();
                 },
                 "\"dark\", \"light\" or \"high-contrast\""),
             numberField("scale", display.scale, kMinInterfaceScale, kMaxInterfaceScale)},
            {}, reader);
}

void readCalendar(const toml::table& table, CalendarSettings& calendar, const Reader& reader) {
  readTable(table, "calendar",
            {choiceField(
                "first_weekday",
                [&calendar](std::string_view text) {
                  if (text == "locale") {
                    calendar.firstWeekday.reset();
                    return true;
                  }
                  const auto day = parseWeekday(text);
                  if (day) calendar.firstWeekday = *day;
                  return day.has_value();
                },
                "a weekday name (\"monday\") or \"locale\"")},
            {}, reader);
}

constexpr std::string_view kWeekdays[] = {"sunday",   "monday", "tuesday", "wednesday",
                                          "thursday", "friday", "saturday"};

}  // namespace

std::string_view toString(ThemeName theme) {
  switch (theme) {
    case ThemeName::Light:
      return "light";
    case ThemeName::HighContrast:
      return "high-contrast";
    case ThemeName::Dark:
      break;
  }
  return "dark";
}

std::string settingsNumber(double value) {
  char buffer[32];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  std::string text(buffer, ec == std::errc() ? end : buffer);
  if (text.find_first_of(".eEn") == std::string::npos) text += ".0";
  return text;
}

bool isValidVoiceName(std::string_view text) {
  if (text.size() > kMaxVoiceNameLength) return false;
  return std::none_of(text.begin(), text.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u < 0x20 || u == 0x7F || c == '"' || c == '\\';
  });
}

std::string_view toString(Verbosity verbosity) {
  switch (verbosity) {
    case Verbosity::Cues:
      return "cues";
    case Verbosity::Instructions:
      return "instructions";
    case Verbosity::Names:
      break;
  }
  return "names";
}

std::optional<Verbosity> parseVerbosity(std::string_view text) {
  for (Verbosity verbosity : kVerbosities)
    if (toString(verbosity) == text) return verbosity;
  return std::nullopt;
}

std::optional<ThemeName> parseThemeName(std::string_view text) {
  for (ThemeName theme : kThemeNames)
    if (toString(theme) == text) return theme;
  return std::nullopt;
}

std::optional<int> parseWeekday(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (int day = 0; day < 7; ++day)
    if (kWeekdays[day] == lower) return day;
  return std::nullopt;
}

std::string_view weekdayName(int weekday) {
  return kWeekdays[((weekday % 7) + 7) % 7];
}

std::optional<std::pair<int, int>> parseWindowSize(std::string_view text) {
  const size_t x = text.find('x');
  if (x == std::string_view::npos) return std::nullopt;
  auto number = [](std::string_view digits) -> std::optional<int> {
    int value = 0;
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (error != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
    if (value < kMinWindowSide || value > kMaxWindowSide) return std::nullopt;
    return value;
  };
  const auto width = number(text.substr(0, x));
  const auto height = number(text.substr(x + 1));
  if (!width || !height) return std::nullopt;
  return std::pair{*width, *height};
}

SettingsLoad loadSettings(const std::filesystem::path& path) {
  SettingsLoad result;
  if (path.empty()) return result;
  const std::string name = path.string();
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (!std::filesystem::exists(status)) return result;  // first run: defaults, nothing to say
  if (!std::filesystem::is_regular_file(status)) {
    result.errors.push_back({name, {}, "not a regular file; using default settings"});
    return result;
  }
  const auto size = std::filesystem::file_size(path, ec);
  if (ec || size > kMaxSettingsBytes) {
    result.errors.push_back({name,
                             {},
                             ec ? "cannot read: " + ec.message() + "; using default settings"
                                : "file is larger than 64 KiB; using default settings"});
    return result;
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in) {
    result.errors.push_back({name, {}, "cannot read the file; using default settings"});
    return result;
  }
  toml::table root;
  try {
    root = toml::parse(text.str(), name);
  } catch (const toml::parse_error& error) {
    const auto& begin = error.source().begin;
    result.errors.push_back({name,
                             {static_cast<int>(std::max<uint32_t>(begin.line, 1)),
                              static_cast<int>(std::max<uint32_t>(begin.column, 1))},
                             std::string(error.description()) + "; using default settings"});
    return result;
  }
  const Reader reader{name, &result.errors};
  Settings& settings = result.settings;
  readTable(
      root, "", {},
      {{"audio", [&](const toml::table& t) { readAudio(t, settings.audio, reader); }},
       {"window", [&](const toml::table& t) { readWindow(t, settings.window, reader); }},
       {"safety", [&](const toml::table& t) { readSafety(t, settings.safety, reader); }},
       {"display", [&](const toml::table& t) { readDisplay(t, settings.display, reader); }},
       {"calendar", [&](const toml::table& t) { readCalendar(t, settings.calendar, reader); }}},
      reader);
  // toml++ tables iterate in key order; users read errors top to bottom.
  std::stable_sort(result.errors.begin(), result.errors.end(), [](const auto& a, const auto& b) {
    return a.pos.line != b.pos.line ? a.pos.line < b.pos.line : a.pos.column < b.pos.column;
  });
  return result;
}

}  // namespace unknot
