#include "store/csv.hpp"

#include <cmath>
#include <cstdio>
#include <ostream>

namespace unknot {

std::string csvQuote(std::string_view value) {
  if (value.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(value);
  std::string out = "\"";
  for (const char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string guardFormula(std::string_view value) {
  if (!value.empty() && std::string_view("=+-@\t\r").find(value.front()) != std::string_view::npos)
    return "'" + std::string(value);
  return std::string(value);
}

void CsvWriter::separator() {
  if (m_rowStarted) m_out << ',';
  m_rowStarted = true;
}

CsvWriter& CsvWriter::text(std::string_view value) {
  separator();
  m_out << csvQuote(guardFormula(value));
  return *this;
}

CsvWriter& CsvWriter::plain(std::string_view value) {
  separator();
  m_out << csvQuote(value);
  return *this;
}

CsvWriter& CsvWriter::number(std::int64_t value) {
  return plain(std::to_string(value));
}

CsvWriter& CsvWriter::number(double value, int decimals) {
  if (!std::isfinite(value)) return empty();
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return plain(buffer);
}

CsvWriter& CsvWriter::number(const std::optional<double>& value, int decimals) {
  return value ? number(*value, decimals) : empty();
}

void CsvWriter::endRow() {
  m_out << "\r\n";
  m_rowStarted = false;
}

}  // namespace unknot
