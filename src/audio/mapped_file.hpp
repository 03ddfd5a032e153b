// A file mapped read-only into memory, for sounds read in place (sound.hpp): its pages are the
// page cache's, so they count once for every process and the kernel can drop them.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <span>
#include <string>

namespace unknot {

class MappedFile {
 public:
  // Null, with the system's reason in `error`, when the file cannot be opened or mapped, is
  // empty, or is larger than `maxBytes`.
  static std::shared_ptr<const MappedFile> open(const std::filesystem::path& path, size_t maxBytes,
                                                std::string& error);
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  std::span<const std::byte> bytes() const { return {m_data, m_size}; }

 private:
  MappedFile(const std::byte* data, size_t size) : m_data(data), m_size(size) {}
  const std::byte* m_data;
  size_t m_size;
};

}  // namespace unknot
