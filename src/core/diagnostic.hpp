// Positioned messages about routine files: every loader error or warning is one line
// `path:line:column: message` so editors and terminals can jump to it.
#pragma once

#include <string>
#include <vector>

namespace unknot {

struct SourcePos {
  int line = 1;
  int column = 1;
};

struct Diagnostic {
  std::string path;
  SourcePos pos;
  std::string message;

  std::string toString() const;
};

using Diagnostics = std::vector<Diagnostic>;

}  // namespace unknot
