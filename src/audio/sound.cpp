#include "audio/sound.hpp"

#include <bit>
#include <cstring>

#include "audio/mapped_file.hpp"

namespace unknot {

Sound Sound::owning(std::vector<int16_t> samples, int rate) {
  auto owned = std::make_shared<const std::vector<int16_t>>(std::move(samples));
  Sound sound;
  sound.samples = *owned;
  sound.rate = rate;
  sound.storage = std::move(owned);
  return sound;
}

namespace {

uint32_t le32(const std::byte* p) {
  return std::to_integer<uint32_t>(p[0]) | std::to_integer<uint32_t>(p[1]) << 8 |
         std::to_integer<uint32_t>(p[2]) << 16 | std::to_integer<uint32_t>(p[3]) << 24;
}
uint16_t le16(const std::byte* p) {
  return static_cast<uint16_t>(std::to_integer<uint16_t>(p[0]) | std::to_integer<uint16_t>(p[1])
                                                                     << 8);
}

}  // namespace

SoundPtr mapPcmWav(const std::filesystem::path& path, double maxSeconds, std::string& error) {
  if constexpr (std::endian::native != std::endian::little) {
    error = "samples are little-endian, this machine is not";
    return nullptr;
  }
  auto file = MappedFile::open(path, Sound::kMaxFileBytes, error);
  if (!file) return nullptr;
  const std::span<const std::byte> bytes = file->bytes();
  const auto tagIs = [&](size_t at, const char* tag) {
    return at + 4 <= bytes.size() && std::memcmp(bytes.data() + at, tag, 4) == 0;
  };
  if (!tagIs(0, "RIFF") || !tagIs(8, "WAVE")) {
    error = "not a WAV file";
    return nullptr;
  }
  // Chunks after "WAVE": a 4-byte tag, a 32-bit size, the body padded to an even length.
  int rate = 0;
  bool pcm16mono = false;
  for (size_t at = 12; at + 8 <= bytes.size();) {
    const size_t size = le32(bytes.data() + at + 4);
    const size_t body = at + 8;
    if (size > bytes.size() - body) break;
    if (tagIs(at, "fmt ") && size >= 16) {
      const std::byte* f = bytes.data() + body;
      pcm16mono = le16(f) == 1 && le16(f + 2) == 1 && le16(f + 14) == 16;
      rate = static_cast<int>(le32(f + 4));
    } else if (tagIs(at, "data")) {
      if (!pcm16mono || !Sound::plausibleRate(rate)) break;
      if (body % alignof(int16_t) != 0) {
        error = "the samples are not aligned";
        return nullptr;
      }
      const size_t frames =
          std::min(size / sizeof(int16_t), static_cast<size_t>(maxSeconds * rate));
      Sound sound;
      sound.samples = {reinterpret_cast<const int16_t*>(bytes.data() + body), frames};
      sound.rate = rate;
      sound.storage = std::move(file);
      return std::make_shared<const Sound>(std::move(sound));
    }
    at = body + size + (size & 1);
  }
  error = "not 16-bit mono PCM";
  return nullptr;
}

const char* toString(CueSound sound) {
  return toString(tagOf(sound));
}

const char* toString(SoundTag tag) {
  switch (tag) {
    case SoundTag::Chime:
      return "chime";
    case SoundTag::Pip:
      return "pip";
    case SoundTag::Bell:
      return "bell";
    case SoundTag::Switch:
      return "switch";
    case SoundTag::Tick:
      return "tick";
    case SoundTag::Round:
      return "round";
    case SoundTag::Finish:
      return "finish";
    case SoundTag::Alarm:
      return "alarm";
    case SoundTag::PhaseSound:
      return "phase-sound";
    case SoundTag::Speech:
      return "speech";
  }
  return "?";
}

}  // namespace unknot
