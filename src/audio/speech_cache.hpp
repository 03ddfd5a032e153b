// Spoken prompts kept on disk between runs ($XDG_CACHE_HOME/unknot/speech): a routine done
// before speaks without starting espeak-ng, and its prompts are read in place from the page
// cache instead of held in the heap. docs/benchmarks.md has what that saves.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "audio/sound.hpp"

namespace unknot {

class SpeechCache {
 public:
  // The folder is made on the first store. `maxBytes` bounds it: the least recently used
  // prompts go first.
  explicit SpeechCache(std::filesystem::path dir, uintmax_t maxBytes = kDefaultMaxBytes);

  // The sound stored under `key` (whatever identifies it: engine, voice, rate, text), mapped;
  // null when there is none or the file is not one of ours, whole (it is then replaced).
  SoundPtr find(const std::string& key) const;
  // Writes `sound` under `key` (a temporary file, then renamed: a reader never sees half of
  // one) and returns it read back in place; null when it could not be written, and the
  // caller keeps its own copy. Trims the folder to its bound.
  SoundPtr store(const std::string& key, const Sound& sound);

  // About 12 minutes of speech at espeak-ng's 22,050 Hz.
  static constexpr uintmax_t kDefaultMaxBytes = uintmax_t{32} << 20;

 private:
  std::filesystem::path fileFor(const std::string& key) const;
  // Lists the folder and removes the least recently used files past the bound; returns the
  // bytes left.
  uintmax_t trim() const;

  std::filesystem::path m_dir;
  uintmax_t m_maxBytes;
  unsigned m_stores = 0;
  // The folder's size as of the last listing plus what this cache wrote since: the folder is
  // listed again only once that passes the bound (other processes may write there too, so it
  // is an estimate until then).
  std::optional<uintmax_t> m_bytes;
};

}  // namespace unknot
