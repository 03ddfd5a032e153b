#include "audio/segmented_recording.hpp"

#include <algorithm>
#include <system_error>
#include <vector>

#include "audio/audio_output.hpp"  // kStreamMarker

namespace unknot {

namespace {

std::vector<int16_t> readSamples(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::vector<int16_t> samples(bytes.size() / sizeof(int16_t));
  std::copy_n(bytes.data(), samples.size() * sizeof(int16_t),
              reinterpret_cast<char*>(samples.data()));
  return samples;
}

}  // namespace

SegmentedRecording::SegmentedRecording(std::filesystem::path file, int channels)
    : m_file(std::move(file)), m_whole(m_file.string() + ".whole"), m_channels(channels) {
  m_out.open(m_whole, std::ios::binary | std::ios::trunc);
}

SegmentedRecording::~SegmentedRecording() {
  m_out.close();
  std::error_code ignored;
  if (m_firstMarker) std::filesystem::rename(m_whole, m_file, ignored);
  std::filesystem::remove(m_whole, ignored);
}

void SegmentedRecording::pieceEnded(int64_t startPos) {
  std::vector<int16_t> samples = readSamples(m_file);
  const auto frames = static_cast<int64_t>(samples.size()) / m_channels;
  const auto at = [&](int64_t frame) { return samples[static_cast<size_t>(frame * m_channels)]; };
  int64_t marker = -1;
  for (int64_t f = 0; f + 1 < frames; ++f) {
    if (at(f) == kStreamMarker && at(f + 1) == -kStreamMarker) {
      marker = f;
      break;
    }
  }
  if (marker < 0) return;  // no callback ran: nothing of the stream is in it
  const auto write = [&](int64_t from) {
    const auto* data = reinterpret_cast<const char*>(samples.data() + from * m_channels);
    const auto bytes = static_cast<std::streamsize>((frames - from) * m_channels * 2);
    m_out.write(data, bytes);
    m_frames += frames - from;
  };
  if (!m_firstMarker) {
    m_firstMarker = marker;
    write(0);
  } else {
    for (int64_t f = marker; f < marker + 2; ++f)
      for (int c = 0; c < m_channels; ++c) samples[static_cast<size_t>(f * m_channels + c)] = 0;
    const int64_t target = *m_firstMarker + startPos;  // where this piece's marker belongs
    if (target > m_frames) {
      const std::vector<char> silence(static_cast<size_t>((target - m_frames) * m_channels * 2));
      m_out.write(silence.data(), static_cast<std::streamsize>(silence.size()));
      m_frames = target;
    }
    // A piece can overlap the last one's tail only by what the driver wrote after its
    // final callback; the stream positions win.
    write(std::min(frames, marker + (m_frames - target)));
  }
  m_out.flush();
}

}  // namespace unknot
