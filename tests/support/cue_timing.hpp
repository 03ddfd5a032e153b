// Measures where cues really start in recorded output, for the end-to-end test and the
// bench (test code: not part of the app): reads the player's timing log (UNKNOT_AUDIO_LOG) and the
// raw PCM that SDL's disk driver wrote, relates samples to engine time through the logged
// callbacks, and finds each cue's onset in the PCM by matching the start of its sound.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "audio/audio_output.hpp"  // kStreamMarker

namespace unknot {

struct AudioLog {
  struct Callback {
    uint64_t index = 0;
    int64_t pos = 0;
    double engineMs = 0;
  };
  struct Start {
    std::string tag;  // toString(SoundTag)
    size_t phase = 0;
    int value = 0;
    double atMs = 0;
    double delayMs = 0;
    int64_t sample = 0;
    bool late = false;
  };
  struct Arrival {      // an engine event reaching the player
    std::string event;  // toString(CueType)
    size_t phase = 0;
    double atMs = 0;       // when it was due
    double arrivedMs = 0;  // when the player got it
  };
  int rate = 0;
  int channels = 0;
  double latencyMs = 0;
  double scale = 1;
  std::vector<Callback> callbacks;
  std::vector<Start> starts;
  std::vector<Arrival> arrivals;
};

// Nullopt (and `error`, one line with the line number) when the log is malformed.
std::optional<AudioLog> readAudioLog(const std::filesystem::path& path, std::string& error);

// The stream's steady pace in engine ms per sample: the median over the log's callbacks.
double streamPace(const AudioLog& log);

// The sample at which a cue due at `engineMs` (plus `delayMs` real) should start, the
// player's constant latency later, on the stream's timeline as the callback log draws it:
// a buffer is heard from the callback that takes it, at the stream's steady `pace`; when the
// stream stalls after a buffer, the next sound heard is the next buffer's first sample.
double expectedSample(const AudioLog& log, double pace, double engineMs, double delayMs = 0);

// The readings of expectedSample from the last callback before the due time and from the
// one before it. A callback's timestamp is taken when the audio thread gets to it, so a
// preempted thread makes one callback look late and the next one early; on such a stretch
// either reading is as true as the other.
std::vector<double> plausibleSamples(const AudioLog& log, double pace, double engineMs,
                                     double delayMs = 0);

// When the callback that renders a cue due at `engineMs` (its expectedSample) took its buffer,
// in engine ms: an event that reached the player after that could not start on its sample,
// whatever the player does; only the runner's lateness is to blame.
double renderedFromMs(const AudioLog& log, double pace, double engineMs, double delayMs = 0);

// The same instant with samples spread evenly over each interval between callbacks, stalls
// included: a stricter reading, under which a stall right after a cue's buffer (which no
// player can foresee) counts against the placement.
double interpolatedSample(const AudioLog& log, double engineMs, double delayMs = 0);

// Raw interleaved S16LE as written by SDL's disk driver; returns the first channel.
std::vector<float> readRawPcm(const std::filesystem::path& path, int channels);
// Where the player's sample position 0 lies in a recording made with its log on (the
// marker doublet it writes there), or nullopt when there is none.
std::optional<int64_t> findStreamStart(const std::vector<float>& pcm);
// A 16-bit PCM WAV (our cue sounds); returns the first channel, or nullopt.
std::optional<std::vector<float>> readWavMono(const std::filesystem::path& path);

struct Onset {
  int64_t sample = 0;
  double score = 0;  // normalised correlation, 1 = exact copy
};

// Where a copy of `sound` starts within [from, to): the best normalised match of silence
// followed by the sound's first 12 ms. Nullopt when the window is out of range.
std::optional<Onset> findOnset(const std::vector<float>& pcm, const std::vector<float>& sound,
                               int64_t from, int64_t to);

}  // namespace unknot
