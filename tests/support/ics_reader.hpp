// A tiny iCalendar reader for tests: checks CRLF line ends and the 75-octet limit, unfolds
// continuation lines, splits properties and unescapes TEXT, and nests components.
#pragma once

#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace unknot::testing {

struct IcsComponent {
  std::string name;
  std::multimap<std::string, std::string> properties;  // name (parameters dropped) -> raw value
  std::vector<IcsComponent> children;

  std::string get(const std::string& key) const {
    const auto found = properties.find(key);
    if (found == properties.end()) throw std::runtime_error("missing property " + key);
    return found->second;
  }
  size_t count(const std::string& key) const { return properties.count(key); }
};

// Physical lines, each ending in CRLF and at most 75 octets; throws otherwise.
inline std::vector<std::string> icsPhysicalLines(const std::string& text) {
  std::vector<std::string> lines;
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t end = text.find("\r\n", pos);
    if (end == std::string::npos) throw std::runtime_error("a line does not end in CRLF");
    std::string line = text.substr(pos, end - pos);
    if (line.find('\n') != std::string::npos || line.find('\r') != std::string::npos) {
      throw std::runtime_error("a bare CR or LF inside a line");
    }
    if (line.size() > 75) throw std::runtime_error("a line longer than 75 octets: " + line);
    lines.push_back(std::move(line));
    pos = end + 2;
  }
  return lines;
}

inline std::vector<std::string> icsUnfold(const std::string& text) {
  std::vector<std::string> logical;
  for (const std::string& line : icsPhysicalLines(text)) {
    if (!line.empty() && (line[0] == ' ' || line[0] == '\t')) {
      if (logical.empty()) throw std::runtime_error("a continuation line comes first");
      logical.back() += line.substr(1);
    } else {
      logical.push_back(line);
    }
  }
  return logical;
}

inline std::string icsUnescape(const std::string& value) {
  std::string out;
  for (size_t i = 0; i < value.size(); ++i) {
    if (value[i] != '\\') {
      out += value[i];
      continue;
    }
    if (++i == value.size()) throw std::runtime_error("a lone backslash at the end");
    const char c = value[i];
    if (c == 'n' || c == 'N')
      out += '\n';
    else if (c == '\\' || c == ';' || c == ',')
      out += c;
    else
      throw std::runtime_error(std::string("an unknown escape \\") + c);
  }
  return out;
}

// The top-level component (VCALENDAR).
inline IcsComponent icsParse(const std::string& text) {
  std::vector<IcsComponent> stack;
  std::unique_ptr<IcsComponent> root;
  for (const std::string& line : icsUnfold(text)) {
    const size_t colon = line.find(':');
    if (colon == std::string::npos) throw std::runtime_error("no ':' in " + line);
    std::string name = line.substr(0, colon);
    name = name.substr(0, name.find(';'));
    const std::string value = line.substr(colon + 1);
    if (name == "BEGIN") {
      stack.push_back(IcsComponent{value, {}, {}});
    } else if (name == "END") {
      if (stack.empty() || stack.back().name != value)
        throw std::runtime_error("END:" + value + " unmatched");
      IcsComponent done = std::move(stack.back());
      stack.pop_back();
      if (stack.empty()) {
        if (root) throw std::runtime_error("two top-level components");
        root = std::make_unique<IcsComponent>(std::move(done));
      } else {
        stack.back().children.push_back(std::move(done));
      }
    } else {
      if (stack.empty()) throw std::runtime_error("a property outside any component: " + name);
      stack.back().properties.emplace(name, value);
    }
  }
  if (!stack.empty() || !root) throw std::runtime_error("the calendar is not closed");
  return *root;
}

}  // namespace unknot::testing
