// Exported CSV read back with libcsv, so our RFC 4180 writer is checked by someone else's parser.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace unknot::testing {

using CsvRow = std::vector<std::string>;
// One data row keyed by the header's column names.
using CsvRecord = std::map<std::string, std::string>;

// Every row as its fields, quotes removed and doubled quotes undone. Throws on what RFC 4180
// does not allow: a quote inside an unquoted field, text after a closing quote, an unclosed
// quote, or a row that does not end in CRLF.
std::vector<CsvRow> csvRows(const std::string& text);

// The rows after the header, each keyed by column name; throws when a row's width differs from
// the header's.
std::vector<CsvRecord> csvRecords(const std::string& text);

}  // namespace unknot::testing
