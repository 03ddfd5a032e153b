#include "report/paper.hpp"

#include <langinfo.h>
#include <locale.h>

#include <cstdint>

namespace unknot {

namespace {

constexpr double kPointsPerMm = 72.0 / 25.4;

}  // namespace

PaperSize paperSize(Paper paper) {
  if (paper == Paper::Letter) return {8.5 * 72, 11 * 72};
  return {210 * kPointsPerMm, 297 * kPointsPerMm};
}

std::optional<Paper> paperFromName(std::string_view name) {
  if (name == "a4") return Paper::A4;
  if (name == "letter") return Paper::Letter;
  return std::nullopt;
}

const char* toString(Paper paper) {
  return paper == Paper::Letter ? "letter" : "a4";
}

Paper localePaper() {
  // newlocale reads LC_ALL / LC_PAPER / LANG itself; an unknown locale leaves the default.
  locale_t locale = newlocale(LC_PAPER_MASK, "", static_cast<locale_t>(nullptr));
  if (!locale) return Paper::A4;
  // glibc returns these two numbers cast to a pointer, not as text.
  const auto width = static_cast<unsigned>(
      reinterpret_cast<std::uintptr_t>(nl_langinfo_l(_NL_PAPER_WIDTH, locale)));
  const auto height = static_cast<unsigned>(
      reinterpret_cast<std::uintptr_t>(nl_langinfo_l(_NL_PAPER_HEIGHT, locale)));
  freelocale(locale);
  return width == 216 && height == 279 ? Paper::Letter : Paper::A4;
}

}  // namespace unknot
