#include "core/routine_prescan.hpp"

namespace unknot::loader {

namespace {

bool isBareKeyChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-';
}

// Walks the text once, tracking line and column (in code points, like toml++) so a problem
// points where an editor would.
class Scanner {
 public:
  Scanner(std::string_view text, size_t maxTables) : m_text(text), m_maxTables(maxTables) {
    if (m_text.substr(0, 3) == "\xEF\xBB\xBF") m_at = 3;  // UTF-8 byte order mark
  }

  std::optional<PrescanProblem> run() {
    while (!atEnd()) {
      const char c = current();
      if (c == '\n') {
        advance();
        m_lineStart = true;
        m_dots = 0;
      } else if (c == ' ' || c == '\t' || c == '\r') {
        advance();  // whitespace may sit inside a dotted key: a . b
      } else if (c == '#') {
        while (!atEnd() && current() != '\n') advance();
      } else if (c == '"' || c == '\'') {
        m_lineStart = false;
        if (!skipString(c)) return std::nullopt;  // unterminated: the parser says where
      } else if (auto problem = token(c)) {
        return problem;
      }
    }
    return std::nullopt;
  }

 private:
  bool atEnd() const { return m_at >= m_text.size(); }
  char current() const { return m_text[m_at]; }
  char peek(size_t ahead) const {
    return m_at + ahead < m_text.size() ? m_text[m_at + ahead] : '\0';
  }

  void advance() {
    const char c = m_text[m_at++];
    if (c == '\n') {
      ++m_pos.line;
      m_pos.column = 1;
    } else if (atEnd() || !isContinuationByte(current())) {
      ++m_pos.column;
    }
  }

  std::optional<PrescanProblem> token(char c) {
    if (c == '.') {
      if (++m_dots > kMaxKeyDepth) {
        return PrescanProblem{m_pos, "expected a key of at most " + std::to_string(kMaxKeyDepth) +
                                         " dotted parts, found more"};
      }
    } else if (c == '{' || (c == '[' && m_lineStart)) {
      if (++m_tables > m_maxTables) {
        return PrescanProblem{m_pos, "steps: expected at most " + std::to_string(m_maxTables) +
                                         " steps, found more than " + std::to_string(m_maxTables) +
                                         " tables"};
      }
      if (c == '[' && peek(1) == '[') advance();
      m_dots = 0;
    } else if (!isBareKeyChar(c)) {
      m_dots = 0;
    }
    m_lineStart = false;
    advance();
    return std::nullopt;
  }

  // Returns false when the string never ends; its contents cannot open tables or keys.
  bool skipString(char quote) {
    const bool multiline = peek(1) == quote && peek(2) == quote;
    const bool escapes = quote == '"';
    advance();
    if (multiline) {
      advance();
      advance();
    }
    while (!atEnd()) {
      const char c = current();
      if (c == '\n' && !multiline) return false;
      if (escapes && c == '\\') {
        advance();
        if (!atEnd() && (multiline || current() != '\n')) advance();
        continue;
      }
      if (c == quote && (!multiline || (peek(1) == quote && peek(2) == quote))) {
        // Up to two extra quotes before the closing three belong to the string ("""a"""").
        size_t run = 0;
        while (!atEnd() && current() == quote && run < (multiline ? 5u : 1u)) {
          advance();
          ++run;
        }
        return true;
      }
      advance();
    }
    return false;
  }

  std::string_view m_text;
  size_t m_maxTables;
  size_t m_at = 0;
  SourcePos m_pos;
  bool m_lineStart = true;
  size_t m_tables = 0;
  size_t m_dots = 0;
};

}  // namespace

std::optional<PrescanProblem> prescanRoutineText(std::string_view text, size_t maxTables) {
  return Scanner(text, maxTables).run();
}

}  // namespace unknot::loader
