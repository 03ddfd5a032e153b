#include "audio/mapped_file.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace unknot {

std::shared_ptr<const MappedFile> MappedFile::open(const std::filesystem::path& path,
                                                   size_t maxBytes, std::string& error) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    error = std::strerror(errno);
    return nullptr;
  }
  struct stat info {};
  void* data = MAP_FAILED;
  if (fstat(fd, &info) != 0) {
    error = std::strerror(errno);
  } else if (!S_ISREG(info.st_mode)) {
    error = "not a regular file";
  } else if (info.st_size <= 0) {
    error = "the file is empty";
  } else if (static_cast<uintmax_t>(info.st_size) > maxBytes) {
    error = "the file is larger than " + std::to_string(maxBytes >> 20) + " MiB";
  } else {
    data = mmap(nullptr, static_cast<size_t>(info.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
    if (data == MAP_FAILED) error = std::strerror(errno);
  }
  ::close(fd);  // the mapping keeps the file
  if (data == MAP_FAILED) return nullptr;
  return std::shared_ptr<const MappedFile>(
      new MappedFile(static_cast<const std::byte*>(data), static_cast<size_t>(info.st_size)));
}

MappedFile::~MappedFile() {
  munmap(const_cast<std::byte*>(m_data), m_size);
}

}  // namespace unknot
