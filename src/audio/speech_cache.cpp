#include "audio/speech_cache.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <vector>

#include "audio/mapped_file.hpp"

namespace unknot {

namespace {

// A file: this header, the key, zeros to a multiple of 8 bytes, then the 16-bit samples.
// Stored in the machine's own byte order: the cache never leaves the machine.
constexpr char kMagic[8] = {'u', 'n', 'k', 's', 'p', 'c', 'h', '1'};
struct Header {
  char magic[8];
  uint32_t rate;
  uint32_t keyBytes;
  uint64_t frames;
};
static_assert(sizeof(Header) == 24);

constexpr size_t kMaxKeyBytes = 4096;

size_t padded(size_t bytes) {
  return (bytes + 7) / 8 * 8;
}

// FNV-1a: stable across runs and builds (std::hash need not be), enough to spread file names;
// the key inside the file is what decides a match.
uint64_t fnv1a(const std::string& text) {
  uint64_t hash = 14695981039346656037ull;
  for (const unsigned char c : text) hash = (hash ^ c) * 1099511628211ull;
  return hash;
}

}  // namespace

SpeechCache::SpeechCache(std::filesystem::path dir, uintmax_t maxBytes)
    : m_dir(std::move(dir)), m_maxBytes(maxBytes) {}

std::filesystem::path SpeechCache::fileFor(const std::string& key) const {
  char name[32];
  std::snprintf(name, sizeof name, "%016llx.pcm", static_cast<unsigned long long>(fnv1a(key)));
  return m_dir / name;
}

SoundPtr SpeechCache::find(const std::string& key) const {
  const std::filesystem::path path = fileFor(key);
  std::string error;
  auto file = MappedFile::open(path, Sound::kMaxFileBytes, error);
  if (!file) return nullptr;
  const std::span<const std::byte> bytes = file->bytes();
  Header header{};
  if (bytes.size() < sizeof header) return nullptr;
  std::memcpy(&header, bytes.data(), sizeof header);
  const size_t start = sizeof header + padded(header.keyBytes);
  if (std::memcmp(header.magic, kMagic, sizeof kMagic) != 0 || header.keyBytes != key.size() ||
      !Sound::plausibleRate(header.rate) || start > bytes.size() ||
      (bytes.size() - start) / sizeof(int16_t) != header.frames ||
      (bytes.size() - start) % sizeof(int16_t) != 0 ||
      std::memcmp(bytes.data() + sizeof header, key.data(), key.size()) != 0)
    return nullptr;
  // Its age says how recently it was used, for trim().
  std::error_code ignored;
  std::filesystem::last_write_time(path, std::filesystem::file_time_type::clock::now(), ignored);
  Sound sound;
  sound.samples = {reinterpret_cast<const int16_t*>(bytes.data() + start),
                   static_cast<size_t>(header.frames)};
  sound.rate = static_cast<int>(header.rate);
  sound.storage = std::move(file);
  return std::make_shared<const Sound>(std::move(sound));
}

SoundPtr SpeechCache::store(const std::string& key, const Sound& sound) {
  const uintmax_t fileBytes = sizeof(Header) + padded(key.size()) + sound.samples.size_bytes();
  if (m_dir.empty() || key.size() > kMaxKeyBytes || sound.samples.empty() ||
      !Sound::plausibleRate(sound.rate) || fileBytes > Sound::kMaxFileBytes)
    return nullptr;
  std::error_code ec;
  std::filesystem::create_directories(m_dir, ec);
  if (ec) return nullptr;
  // Unique among processes (pid), caches (address) and this cache's writes (count).
  const std::filesystem::path final = fileFor(key);
  char suffix[64];
  std::snprintf(suffix, sizeof suffix, ".tmp%d-%p-%u", static_cast<int>(::getpid()),
                static_cast<const void*>(this), m_stores++);
  const std::filesystem::path temp = final.string() + suffix;
  Header header{};
  std::memcpy(header.magic, kMagic, sizeof kMagic);
  header.rate = static_cast<uint32_t>(sound.rate);
  header.keyBytes = static_cast<uint32_t>(key.size());
  header.frames = sound.samples.size();
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    const std::string pad(padded(key.size()) - key.size(), '\0');
    out.write(reinterpret_cast<const char*>(&header), sizeof header);
    out.write(key.data(), static_cast<std::streamsize>(key.size()));
    out.write(pad.data(), static_cast<std::streamsize>(pad.size()));
    out.write(reinterpret_cast<const char*>(sound.samples.data()),
              static_cast<std::streamsize>(sound.samples.size_bytes()));
    out.close();
    if (!out) {
      std::filesystem::remove(temp, ec);
      return nullptr;
    }
  }
  std::filesystem::rename(temp, final, ec);
  if (ec) {
    std::filesystem::remove(temp, ec);
    return nullptr;
  }
  m_bytes = m_bytes ? *m_bytes + fileBytes : trim();
  if (*m_bytes > m_maxBytes) m_bytes = trim();
  return find(key);
}

uintmax_t SpeechCache::trim() const {
  struct Entry {
    std::filesystem::file_time_type used;
    uintmax_t size;
    std::filesystem::path path;
  };
  std::vector<Entry> entries;
  uintmax_t total = 0;
  std::error_code ec;
  for (const auto& item : std::filesystem::directory_iterator(m_dir, ec)) {
    std::error_code itemEc;
    if (item.path().extension() != ".pcm" || !item.is_regular_file(itemEc)) continue;
    const uintmax_t size = item.file_size(itemEc);
    const auto used = item.last_write_time(itemEc);
    if (itemEc) continue;
    entries.push_back({used, size, item.path()});
    total += size;
  }
  if (total <= m_maxBytes) return total;
  std::sort(entries.begin(), entries.end(),
            [](const Entry& a, const Entry& b) { return a.used < b.used; });
  // Removing a file another player has mapped is safe: its mapping keeps the data.
  for (const Entry& entry : entries) {
    if (total <= m_maxBytes) break;
    if (std::filesystem::remove(entry.path, ec)) total -= entry.size;
  }
  return total;
}

}  // namespace unknot
