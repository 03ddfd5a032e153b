// Loader internals: a cheap lexical pass over raw routine text that rejects shapes toml++ 3.3
// handles badly before it parses them: 100,000 tables take it ~100 ms, and a key dotted tens
// of thousands of levels deep overflows its stack (it recurses once per level).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/diagnostic.hpp"

namespace unknot::loader {

// A schema-1 file uses no dotted keys at all, so this only has to stay far below the depth
// at which toml++ runs out of stack on a small thread.
inline constexpr size_t kMaxKeyDepth = 32;

// A UTF-8 byte that continues a character rather than starting one.
inline bool isContinuationByte(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

struct PrescanProblem {
  SourcePos pos;
  std::string message;
};

// The first table beyond `maxTables` ([[...]] / [...] headers and { } inline tables; in a
// schema-1 file every table is a step) or the first key dotted deeper than kMaxKeyDepth.
// Strings and comments are skipped; anything the scan cannot follow is left to the parser.
std::optional<PrescanProblem> prescanRoutineText(std::string_view text, size_t maxTables);

}  // namespace unknot::loader
