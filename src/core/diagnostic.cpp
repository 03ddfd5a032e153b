#include "core/diagnostic.hpp"

namespace unknot {

std::string Diagnostic::toString() const {
  return path + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column) + ": " + message;
}

}  // namespace unknot
