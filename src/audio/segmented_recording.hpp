// Keeps a whole timeline in SDL's disk-driver recording while the cue player's device sleeps
// between cues: each opening of the device starts the driver's file afresh, so every piece is
// moved into one file, with silence where the device slept, and put back at the end. Used only
// with the timing log (UNKNOT_AUDIO_LOG), so the onset checker reads one continuous stream.
#pragma once

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <optional>

namespace unknot {

class SegmentedRecording {
 public:
  // `file`: where the disk driver writes (SDL_DISKAUDIOFILE); interleaved 16-bit samples.
  SegmentedRecording(std::filesystem::path file, int channels);
  // Puts the whole timeline at `file`.
  ~SegmentedRecording();
  SegmentedRecording(const SegmentedRecording&) = delete;
  SegmentedRecording& operator=(const SegmentedRecording&) = delete;

  // The device closed: `file` holds one opening's samples, whose stream marker (the output's
  // +1000, -1000 doublet) is stream position `startPos`. The first piece is kept whole; later
  // ones are placed so their marker lies `startPos` after the first's, and the marker is
  // silenced (the checker finds the first one only).
  void pieceEnded(int64_t startPos);

 private:
  std::filesystem::path m_file;
  std::filesystem::path m_whole;
  int m_channels;
  std::ofstream m_out;
  std::optional<int64_t> m_firstMarker;  // frame of stream position 0 in the whole
  int64_t m_frames = 0;                  // frames written to the whole
};

}  // namespace unknot
