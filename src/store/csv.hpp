// RFC 4180 CSV (CRLF rows, quoted fields with doubled quotes); text cells starting with = + - @
// (or tab or CR) get a leading ' so spreadsheets show them as text instead of running a formula.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

namespace unknot {

std::string csvQuote(std::string_view value);
std::string guardFormula(std::string_view value);

class CsvWriter {
 public:
  explicit CsvWriter(std::ostream& out) : m_out(out) {}
  // Free text (names, labels, notes): guarded, then quoted as needed.
  CsvWriter& text(std::string_view value);
  // Values we produce ourselves (numbers, dates, ids): quoted as needed, never altered.
  CsvWriter& plain(std::string_view value);
  CsvWriter& number(std::int64_t value);
  CsvWriter& number(double value, int decimals);
  CsvWriter& number(const std::optional<double>& value, int decimals);
  CsvWriter& empty() { return plain(""); }
  void endRow();

 private:
  void separator();
  std::ostream& m_out;
  bool m_rowStarted = false;
};

}  // namespace unknot
