#include "support/csv_reader.hpp"

#include <csv.h>

#include <stdexcept>

namespace unknot::testing {

namespace {

struct Reader {
  std::vector<CsvRow> m_rows;
  CsvRow m_row;
  bool m_awaitingLf = false;  // the row just ended in CR, so LF must come next
  std::string m_error;

  void field(const void* data, size_t size) {
    if (m_awaitingLf) fail("a row ends in a bare CR");
    m_row.emplace_back(data ? static_cast<const char*>(data) : "", size);
  }

  // libcsv reports every CR and LF (CSV_REPALL_NL), so CRLF arrives as a row end at the CR and
  // an empty "row" at the LF.
  void rowEnd(int terminator) {
    if (m_row.empty()) {
      if (terminator == '\n' && m_awaitingLf) {
        m_awaitingLf = false;
      } else {
        fail(terminator == -1 ? "a row ends without CRLF" : "a bare CR or LF or a blank line");
      }
      return;
    }
    if (m_awaitingLf) fail("a row ends in a bare CR");
    if (terminator != '\r') fail("a row ends without CRLF");
    m_awaitingLf = true;
    m_rows.push_back(std::move(m_row));
    m_row.clear();
  }

  void fail(const std::string& why) {
    if (m_error.empty()) m_error = why;
  }
};

void onField(void* data, size_t size, void* reader) {
  static_cast<Reader*>(reader)->field(data, size);
}

void onRowEnd(int terminator, void* reader) {
  static_cast<Reader*>(reader)->rowEnd(terminator);
}

// RFC 4180 keeps spaces and tabs as data; libcsv would trim them from unquoted fields.
int noSpace(unsigned char) {
  return 0;
}

}  // namespace

std::vector<CsvRow> csvRows(const std::string& text) {
  csv_parser parser;
  if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL) != 0) {
    throw std::runtime_error("csv_init failed");
  }
  csv_set_space_func(&parser, noSpace);
  Reader reader;
  const size_t parsed = csv_parse(&parser, text.data(), text.size(), onField, onRowEnd, &reader);
  std::string error;
  if (parsed != text.size()) {
    error = csv_strerror(csv_error(&parser)) + std::string(" at byte ") + std::to_string(parsed);
  } else if (csv_fini(&parser, onField, onRowEnd, &reader) != 0) {
    error = csv_strerror(csv_error(&parser));
  }
  csv_free(&parser);
  if (error.empty() && reader.m_awaitingLf) error = "a row ends in a bare CR";
  if (error.empty()) error = reader.m_error;
  if (!error.empty()) throw std::runtime_error("not RFC 4180 CSV: " + error);
  return std::move(reader.m_rows);
}

std::vector<CsvRecord> csvRecords(const std::string& text) {
  const std::vector<CsvRow> rows = csvRows(text);
  if (rows.empty()) throw std::runtime_error("no header row");
  const CsvRow& header = rows.front();
  std::vector<CsvRecord> records;
  for (size_t r = 1; r < rows.size(); ++r) {
    if (rows[r].size() != header.size()) {
      throw std::runtime_error("row " + std::to_string(r) + " has " +
                               std::to_string(rows[r].size()) + " fields, the header " +
                               std::to_string(header.size()));
    }
    CsvRecord record;
    for (size_t i = 0; i < header.size(); ++i) record.emplace(header[i], rows[r][i]);
    records.push_back(std::move(record));
  }
  return records;
}

}  // namespace unknot::testing
