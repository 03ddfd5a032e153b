#include "report/pdf_report.hpp"

#include <cairo-pdf.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "report/canvas.hpp"
#include "report/report_layout.hpp"

namespace unknot {

namespace fs = std::filesystem;

namespace {

// The temporary file until it is renamed into place; removed if anything fails before that.
class PendingFile {
 public:
  explicit PendingFile(const fs::path& target) {
    std::string pattern =
        (target.parent_path() / ("." + target.filename().string() + ".XXXXXX")).string();
    m_name.assign(pattern.begin(), pattern.end());
    m_name.push_back('\0');
    m_fd = mkstemp(m_name.data());
    if (m_fd < 0) {
      throw ReportError("cannot write in " + folderOf(target) + ": " + std::strerror(errno));
    }
  }
  PendingFile(const PendingFile&) = delete;
  PendingFile& operator=(const PendingFile&) = delete;
  ~PendingFile() {
    if (m_fd >= 0) ::close(m_fd);
    if (!m_committed) ::unlink(m_name.data());
  }

  int fd() const { return m_fd; }
  bool failed() const { return m_failed; }
  void markFailed(int error) {
    if (!m_failed) m_error = error;
    m_failed = true;
  }

  void commit(const fs::path& target) {
    if (m_failed) throw ReportError("cannot write " + target.string() + ": " + reason());
    if (::fsync(m_fd) != 0 || ::close(std::exchange(m_fd, -1)) != 0) {
      throw ReportError("cannot write " + target.string() + ": " + std::strerror(errno));
    }
    if (std::rename(m_name.data(), target.c_str()) != 0) {
      throw ReportError("cannot write " + target.string() + ": " + std::strerror(errno));
    }
    m_committed = true;
  }

 private:
  static std::string folderOf(const fs::path& target) {
    return target.parent_path().empty() ? "." : target.parent_path().string();
  }
  std::string reason() const { return m_error ? std::strerror(m_error) : "the PDF writer failed"; }

  std::vector<char> m_name;
  int m_fd = -1;
  bool m_failed = false, m_committed = false;
  int m_error = 0;
};

cairo_status_t writeChunk(void* closure, const unsigned char* data, unsigned int length) {
  auto* file = static_cast<PendingFile*>(closure);
  while (length > 0) {
    const ssize_t written = ::write(file->fd(), data, length);
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) {
      file->markFailed(written < 0 ? errno : ENOSPC);
      return CAIRO_STATUS_WRITE_ERROR;
    }
    data += written;
    length -= static_cast<unsigned>(written);
  }
  return CAIRO_STATUS_SUCCESS;
}

std::string pdfDate(const LocalInstant& at) {
  return formatIso8601(at);
}

}  // namespace

void writeReportPdf(const ProgressSnapshot& snapshot, const ReportOptions& options,
                    const fs::path& file) {
  const PaperSize size = paperSize(options.paper);
  PendingFile pending(file);
  {
    CairoSurface surface(
        cairo_pdf_surface_create_for_stream(writeChunk, &pending, size.width, size.height));
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE,
                                   "unknot recovery report");
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "unknot");
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATE_DATE,
                                   pdfDate(options.madeAt).c_str());
    Cairo cr(cairo_create(surface.get()));
    Canvas canvas(cr.get());
    const LogicalDate last = std::min(snapshot.today, snapshot.plan.end());
    const LogicalDate from = std::clamp(options.from.value_or(snapshot.plan.start),
                                        snapshot.plan.start, std::max(snapshot.plan.start, last));
    report::drawPage(canvas, report::Context{snapshot, options, from, last}, size);
    cairo_show_page(cr.get());
    cr.reset();
    cairo_surface_finish(surface.get());
    if (const cairo_status_t status = cairo_surface_status(surface.get());
        status != CAIRO_STATUS_SUCCESS && !pending.failed()) {
      throw ReportError("cannot draw the report: " + std::string(cairo_status_to_string(status)));
    }
  }
  pending.commit(file);
}

fs::path reportFileName(LogicalDate day) {
  return "unknot-report-" + formatDate(day) + ".pdf";
}

}  // namespace unknot
