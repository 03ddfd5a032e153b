#include "app/gui/gui_capture.hpp"

#define GL_GLEXT_PROTOTYPES
#include <GL/gl.h>
#include <GL/glext.h>
#include <stb_image_write.h>

#include <cstring>
#include <system_error>

namespace unknot {

OffscreenTarget::OffscreenTarget(int width, int height) : m_width(width), m_height(height) {
  glGenFramebuffers(1, &m_framebuffer);
  glGenRenderbuffers(1, &m_colour);
  glBindRenderbuffer(GL_RENDERBUFFER, m_colour);
  glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width, height);
  glBindFramebuffer(GL_FRAMEBUFFER, m_framebuffer);
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, m_colour);
  m_complete = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
}

OffscreenTarget::~OffscreenTarget() {
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  glDeleteRenderbuffers(1, &m_colour);
  glDeleteFramebuffers(1, &m_framebuffer);
}

std::vector<std::uint8_t> OffscreenTarget::readPixels() const {
  const size_t row = static_cast<size_t>(m_width) * 4;
  std::vector<std::uint8_t> pixels(row * m_height);
  glBindFramebuffer(GL_FRAMEBUFFER, m_framebuffer);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, m_width, m_height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
  std::vector<std::uint8_t> flipped(pixels.size());
  for (int y = 0; y < m_height; ++y) {
    std::memcpy(&flipped[row * y], &pixels[row * (m_height - 1 - y)], row);
  }
  for (size_t i = 3; i < flipped.size(); i += 4) flipped[i] = 0xFF;  // the window is opaque
  return flipped;
}

std::optional<std::string> writePng(const std::filesystem::path& path, int width, int height,
                                    const std::vector<std::uint8_t>& rgba) {
  std::filesystem::path temp = path;
  temp += ".tmp";
  if (!stbi_write_png(temp.c_str(), width, height, 4, rgba.data(), width * 4)) {
    std::error_code ignored;
    std::filesystem::remove(temp, ignored);
    return "cannot write " + path.string();
  }
  std::error_code error;
  std::filesystem::rename(temp, path, error);
  if (error) {
    std::filesystem::remove(temp, error);
    return "cannot write " + path.string() + ": " + error.message();
  }
  return std::nullopt;
}

}  // namespace unknot
