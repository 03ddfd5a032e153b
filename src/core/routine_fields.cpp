#include "core/routine_fields.hpp"

#include <algorithm>
#include <climits>
#include <sstream>

#include "core/closest_match.hpp"
#include "core/routine.hpp"
#include "core/routine_prescan.hpp"
#include "core/safe_text.hpp"

namespace unknot::loader {

namespace {

// Enough to keep every distinct problem of a sane file; a hostile file with 100,000 bad keys
// must not turn into 100,000 strings.
constexpr size_t kKeptErrors = 1000;
constexpr size_t kShownErrors = 50;
constexpr size_t kShownChars = 40;

constexpr std::string_view kDurationExamples = R"(a duration like 45, "45s" or "1m30s")";

int clampToInt(uint32_t value) {
  if (value == 0) return 1;
  return value > static_cast<uint32_t>(INT_MAX) ? INT_MAX : static_cast<int>(value);
}

// Keeps messages on one line and short whatever bytes a file contains.
std::string quotedText(std::string_view text, char quote) {
  std::string out(1, quote);
  size_t shown = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (!isContinuationByte(text[i]) && ++shown > kShownChars) {
      out += "...";
      break;
    }
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20 || c == 0x7F) {
      out += "\\x";
      out += "0123456789abcdef"[c >> 4];
      out += "0123456789abcdef"[c & 0xF];
    } else if (c == static_cast<unsigned char>(quote) || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else {
      out += static_cast<char>(c);
    }
  }
  out += quote;
  return out;
}

template <typename Names>
std::string joined(const Names& names) {
  std::string out;
  for (std::string_view name : names) {
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out;
}

}  // namespace

bool Report::saturated() const {
  return m_errorCount >= kKeptErrors;
}

void Report::error(SourcePos pos, std::string message) {
  ++m_errorCount;
  if (m_errors.size() < kKeptErrors) m_errors.push_back({m_path, pos, std::move(message)});
}

void Report::warning(SourcePos pos, std::string message) {
  m_warnings.push_back({m_path, pos, std::move(message)});
}

Diagnostics Report::takeErrors() {
  auto before = [](const Diagnostic& a, const Diagnostic& b) {
    return a.pos.line != b.pos.line ? a.pos.line < b.pos.line : a.pos.column < b.pos.column;
  };
  std::stable_sort(m_errors.begin(), m_errors.end(), before);
  if (m_errors.size() > kShownErrors) {
    const size_t total = m_errors.size();
    const SourcePos next = m_errors[kShownErrors].pos;
    m_errors.resize(kShownErrors);
    m_errors.push_back({m_path, next,
                        "too many errors: showing the first " + std::to_string(kShownErrors) +
                            " of " + std::to_string(std::max(total, m_errorCount))});
  }
  return std::move(m_errors);
}

Diagnostics Report::takeWarnings() {
  return std::move(m_warnings);
}

SourcePos posOf(const toml::source_region& region) {
  return {clampToInt(region.begin.line), clampToInt(region.begin.column)};
}

std::string describe(const toml::node& node) {
  if (const auto* text = node.as_string()) {
    if (text->get().empty()) return "an empty string";
    return quotedText(text->get(), '"');
  }
  if (node.is_table()) return "a table";
  if (node.is_array()) return "an array";
  std::ostringstream out;
  node.visit([&out](const auto& value) {
    if constexpr (toml::is_value<decltype(value)>) out << value;
  });
  return out.str();
}

std::string quotedKey(std::string_view key) {
  return quotedText(key, '\'');
}

size_t codePointCount(std::string_view text) {
  return static_cast<size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return !isContinuationByte(c); }));
}

Fields::Fields(Report& report, const toml::table& table, std::string prefix)
    : m_report(report), m_table(table), m_prefix(std::move(prefix)) {}

std::string Fields::qualified(std::string_view key) const {
  return m_prefix.empty() ? std::string(key) : m_prefix + "." + std::string(key);
}

void Fields::missing(std::string_view key, std::string_view why) {
  // "unknown key 'duraton' (did you mean 'duration'?)" already says it; a second line would not.
  if (std::find(m_suggested.begin(), m_suggested.end(), key) != m_suggested.end()) return;
  const std::string where = m_prefix.empty() ? "" : m_prefix + ": ";
  m_report.error(tablePos(), where + "missing key '" + std::string(key) + "' " + std::string(why));
}

void Fields::invalid(std::string_view key, std::string message) {
  const toml::node* node = find(key);
  m_report.error(node ? posOf(*node) : tablePos(), qualified(key) + ": " + message);
}

void Fields::rejectUnknownKeys(std::span<const std::string_view> allowed) {
  for (auto&& [key, value] : m_table) {
    if (std::find(allowed.begin(), allowed.end(), key.str()) != allowed.end()) continue;
    if (m_report.saturated()) {  // only counted from here on, so skip the typo search
      m_report.error(posOf(key.source()), {});
      continue;
    }
    std::string message =
        (m_prefix.empty() ? "" : m_prefix + ": ") + "unknown key " + quotedKey(key.str());
    const std::string suggestion = closestMatch(key.str(), allowed);
    if (!suggestion.empty()) {
      message += " (did you mean '" + suggestion + "'?)";
      m_suggested.push_back(suggestion);
    }
    m_report.error(posOf(key.source()), std::move(message));
  }
}

std::optional<std::string> Fields::text(std::string_view key) {
  const toml::node* node = find(key);
  if (!node) return std::nullopt;
  if (const auto* value = node->as_string()) {
    // Shown in a terminal by `show` and the runner: an escape sequence must not get there.
    if (const std::string control = firstControlCharacter(value->get(), true); !control.empty()) {
      invalid(key, "expected text without control characters, found " + control +
                       " (only newlines and tabs may be used)");
      return std::nullopt;
    }
    return value->get();
  }
  invalid(key, "expected a string, found " + describe(*node));
  return std::nullopt;
}

std::optional<std::string> Fields::label(std::string_view key) {
  const toml::node* node = find(key);
  if (!node) return std::nullopt;
  const std::string expected =
      "expected a string of 1 to " + std::to_string(limits::kMaxNameLength) + " characters";
  const auto* value = node->as_string();
  if (!value || value->get().empty()) {
    invalid(key, expected + ", found " + describe(*node));
    return std::nullopt;
  }
  const std::string& text = value->get();
  if (const size_t length = codePointCount(text); length > limits::kMaxNameLength) {
    invalid(key, expected + ", found " + std::to_string(length) + " characters");
    return std::nullopt;
  }
  if (!firstControlCharacter(text, false).empty()) {
    invalid(key, "expected a single line of text, found " + describe(*node));
    return std::nullopt;
  }
  return text;
}

std::optional<int64_t> Fields::integer(std::string_view key, int64_t min, int64_t max) {
  const toml::node* node = find(key);
  if (!node) return std::nullopt;
  const auto* value = node->as_integer();
  if (value && value->get() >= min && value->get() <= max) return value->get();
  invalid(key, "expected a whole number from " + std::to_string(min) + " to " +
                   std::to_string(max) + ", found " + describe(*node));
  return std::nullopt;
}

std::optional<bool> Fields::boolean(std::string_view key) {
  const toml::node* node = find(key);
  if (!node) return std::nullopt;
  if (const auto* value = node->as_boolean()) return value->get();
  invalid(key, "expected true or false, found " + describe(*node));
  return std::nullopt;
}

std::optional<Millis> Fields::duration(std::string_view key, Millis min) {
  const toml::node* node = find(key);
  if (!node) return std::nullopt;
  constexpr int64_t kMaxSeconds = limits::kMaxStep.count() / 1000;
  std::optional<Millis> value;
  bool tooLong = false;
  if (const auto* seconds = node->as_integer()) {
    if (seconds->get() > kMaxSeconds) {
      tooLong = true;
    } else if (seconds->get() >= 0) {
      value = Millis(seconds->get() * 1000);
    }
  } else if (const auto* text = node->as_string()) {
    value = parseDurationText(text->get());
  }
  if (tooLong || (value && *value > limits::kMaxStep)) {
    invalid(key, "expected a duration of at most " + formatDuration(limits::kMaxStep) + ", found " +
                     describe(*node));
    return std::nullopt;
  }
  if (!value) {
    invalid(key, "expected " + std::string(kDurationExamples) + ", found " + describe(*node));
    return std::nullopt;
  }
  if (*value < min) {
    invalid(key, "expected a duration of at least " + formatDuration(min) + ", found " +
                     describe(*node));
    return std::nullopt;
  }
  return value;
}

std::optional<std::vector<std::string>> Fields::stringList(std::string_view key) {
  const toml::node* node = find(key);
  if (!node) return std::nullopt;
  const auto* array = node->as_array();
  if (!array) {
    invalid(key,
            R"(expected an array of strings like ["glutes", "hips"], found )" + describe(*node));
    return std::nullopt;
  }
  std::vector<std::string> out;
  bool ok = true;
  for (size_t i = 0; i < array->size(); ++i) {
    const toml::node& item = *array->get(i);
    const auto* text = item.as_string();
    if (text && !text->get().empty()) {
      if (const std::string control = firstControlCharacter(text->get(), false); !control.empty()) {
        m_report.error(posOf(item), qualified(key) + "[" + std::to_string(i + 1) +
                                        "]: expected text without control characters, found " +
                                        control);
        ok = false;
        continue;
      }
      out.push_back(text->get());
      continue;
    }
    m_report.error(posOf(item), qualified(key) + "[" + std::to_string(i + 1) +
                                    "]: expected a non-empty string, found " + describe(item));
    ok = false;
  }
  if (!ok) return std::nullopt;
  return out;
}

std::optional<std::string_view> Fields::choice(std::string_view key,
                                               std::initializer_list<std::string_view> names) {
  const toml::node* node = find(key);
  if (!node) return std::nullopt;
  const auto* text = node->as_string();
  if (text) {
    for (std::string_view name : names)
      if (name == text->get()) return name;
  }
  std::string message = "expected one of " + joined(names) + ", found " + describe(*node);
  if (text) {
    const std::string suggestion =
        closestMatch(text->get(), std::span<const std::string_view>(names.begin(), names.size()));
    if (!suggestion.empty()) message += " (did you mean \"" + suggestion + "\"?)";
  }
  invalid(key, std::move(message));
  return std::nullopt;
}

}  // namespace unknot::loader
