// Loader internals: typed, positioned reads of one TOML table of a routine file. Every read
// reports its own problem as "key: expected X, found Y" so the loader's code stays a list of keys.
#pragma once

#include <toml++/toml.h>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/duration.hpp"

namespace unknot::loader {

// Collects the diagnostics of one file; all messages of a file share its path.
class Report {
 public:
  explicit Report(std::string path) : m_path(std::move(path)) {}
  void error(SourcePos pos, std::string message);
  void warning(SourcePos pos, std::string message);
  // Counts every error, also those dropped once a hostile file has produced too many.
  size_t errorCount() const { return m_errorCount; }
  // True once further errors are only counted, not kept.
  bool saturated() const;
  // Errors sorted by position and capped, so the first screenful is in reading order.
  Diagnostics takeErrors();
  Diagnostics takeWarnings();

 private:
  std::string m_path;
  Diagnostics m_errors;
  Diagnostics m_warnings;
  size_t m_errorCount = 0;
};

SourcePos posOf(const toml::source_region& region);
inline SourcePos posOf(const toml::node& node) {
  return posOf(node.source());
}

// What a value looks like in a message: strings quoted, numbers as written, else its type.
std::string describe(const toml::node& node);

// A key as messages show it: in single quotes, escaped and cut short, so any bytes a file
// holds keep the message on one line.
std::string quotedKey(std::string_view key);

// Number of UTF-8 code points (toml++ has already rejected invalid UTF-8).
size_t codePointCount(std::string_view text);

// Reads keys of one table. `prefix` names the table in messages ("" at top level, "steps[2]").
// Each reader returns nullopt when the key is absent or its value is invalid (then it has
// reported the error itself), so callers only decide what is required.
class Fields {
 public:
  Fields(Report& report, const toml::table& table, std::string prefix);

  const toml::node* find(std::string_view key) const { return m_table.get(key); }
  bool has(std::string_view key) const { return find(key) != nullptr; }
  SourcePos tablePos() const { return posOf(m_table); }
  std::string qualified(std::string_view key) const;

  // Reports a missing required key at the table, unless a typo of it was already reported.
  void missing(std::string_view key, std::string_view why);
  // Reports the value of `key` with a message that follows "key: ".
  void invalid(std::string_view key, std::string message);
  void rejectUnknownKeys(std::span<const std::string_view> allowed);

  std::optional<std::string> text(std::string_view key);
  // A one-line label of 1..limits::kMaxNameLength characters.
  std::optional<std::string> label(std::string_view key);
  std::optional<int64_t> integer(std::string_view key, int64_t min, int64_t max);
  std::optional<bool> boolean(std::string_view key);
  // Whole seconds as an integer or duration text; at most limits::kMaxStep.
  std::optional<Millis> duration(std::string_view key, Millis min);
  std::optional<std::vector<std::string>> stringList(std::string_view key);
  // One of `names` (which must outlive the result, e.g. string literals).
  std::optional<std::string_view> choice(std::string_view key,
                                         std::initializer_list<std::string_view> names);

 private:
  Report& m_report;
  const toml::table& m_table;
  std::string m_prefix;
  std::vector<std::string> m_suggested;  // keys offered as "did you mean"
};

}  // namespace unknot::loader
