// The Progress view's Report… button: GuiProgress's one use of the report module, kept apart.
#include <sstream>

#include "app/gui/gui_progress.hpp"
#include "app/session/open_store.hpp"
#include "report/pdf_report.hpp"
#include "store/store.hpp"

namespace unknot {

bool GuiProgress::saveReport() {
  m_model.notice.clear();
  m_model.error.clear();
  if (m_options.documentsDir.empty()) {
    m_model.error = "Could not save the report: no home folder to save it in.";
    return false;
  }
  std::string name;
  try {
    // Read-only, like the view itself; the recovered-sessions note has no place here.
    std::ostringstream ignored;
    const std::shared_ptr<Store> store = openStoreForReading(m_options.dataDir, ignored);
    const LocalInstant now = m_options.now();
    const ProgressSnapshot snapshot = store->snapshot(now);
    ReportOptions options;
    options.paper = localePaper();
    options.madeAt = now;
    name = reportFileName(snapshot.today).string();
    writeReportPdf(snapshot, options, m_options.documentsDir / name);
  } catch (const std::exception& e) {  // StoreError, ReportError, bad_alloc
    ++m_revision;
    m_model.error = std::string("Could not save the report: ") + e.what();
    return false;
  }
  ++m_revision;
  const std::string shown =
      m_options.documentsShown.empty() ? m_options.documentsDir.string() : m_options.documentsShown;
  m_model.notice = "Report saved to " + (std::filesystem::path(shown) / name).string() +
                   " \u2013 one page to print or send to your physiotherapist or doctor.";
  return true;
}

}  // namespace unknot
