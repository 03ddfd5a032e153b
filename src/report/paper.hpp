// Paper sizes for the report: A4, or US Letter where the locale's LC_PAPER says so.
#pragma once

#include <optional>
#include <string_view>

namespace unknot {

enum class Paper { A4, Letter };

struct PaperSize {
  double width = 0, height = 0;  // PostScript points (1/72 inch)
};

PaperSize paperSize(Paper paper);
// "a4" or "letter"; nullopt for anything else.
std::optional<Paper> paperFromName(std::string_view name);
const char* toString(Paper paper);
// The paper of the user's LC_PAPER (glibc's _NL_PAPER_WIDTH/HEIGHT, in millimetres): Letter
// for 216 x 279 mm, A4 for everything else. Reads the locale without setting it for the process.
Paper localePaper();

}  // namespace unknot
