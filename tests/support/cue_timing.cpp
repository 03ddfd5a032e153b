#include "support/cue_timing.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <sstream>

namespace unknot {

namespace {

bool parseFormat(const std::string& line, AudioLog& log) {
  std::istringstream in(line);
  std::string word;
  in >> word;
  while (in >> word) {
    const auto eq = word.find('=');
    if (eq == std::string::npos) return false;
    const std::string key = word.substr(0, eq);
    const double value = std::atof(word.c_str() + eq + 1);
    if (key == "rate") log.rate = static_cast<int>(value);
    if (key == "channels") log.channels = static_cast<int>(value);
    if (key == "latency_ms") log.latencyMs = value;
    if (key == "scale") log.scale = value;
  }
  return log.rate > 0 && log.channels > 0 && log.scale > 0;
}

uint32_t readLe32(const unsigned char* p) {
  return p[0] | p[1] << 8 | p[2] << 16 | static_cast<uint32_t>(p[3]) << 24;
}
uint16_t readLe16(const unsigned char* p) {
  return static_cast<uint16_t>(p[0] | p[1] << 8);
}

}  // namespace

std::optional<AudioLog> readAudioLog(const std::filesystem::path& path, std::string& error) {
  std::ifstream in(path);
  if (!in) {
    error = path.string() + ": cannot open the audio log";
    return std::nullopt;
  }
  AudioLog log;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    std::istringstream fields(line);
    std::string kind;
    fields >> kind;
    bool ok = true;
    if (kind.empty() || kind[0] == '#' || kind == "lost") {
      continue;
    } else if (kind == "event") {
      AudioLog::Arrival arrival;
      ok = static_cast<bool>(fields >> arrival.event >> arrival.phase >> arrival.atMs >>
                             arrival.arrivedMs);
      log.arrivals.push_back(arrival);
    } else if (kind == "format") {
      ok = parseFormat(line, log);
    } else if (kind == "cb") {
      AudioLog::Callback cb;
      ok = static_cast<bool>(fields >> cb.index >> cb.pos >> cb.engineMs);
      log.callbacks.push_back(cb);
    } else if (kind == "start") {
      AudioLog::Start s;
      int late = 0;
      ok = static_cast<bool>(fields >> s.tag >> s.phase >> s.value >> s.atMs >> s.delayMs >>
                             s.sample >> late);
      s.late = late != 0;
      log.starts.push_back(s);
    } else {
      ok = false;
    }
    if (!ok) {
      error = path.string() + ":" + std::to_string(number) + ": malformed audio log line";
      return std::nullopt;
    }
  }
  if (log.rate == 0 || log.callbacks.empty()) {
    error = path.string() + ": no format line or no callbacks in the audio log";
    return std::nullopt;
  }
  return log;
}

namespace {

double dueOf(const AudioLog& log, double engineMs, double delayMs) {
  return engineMs + (log.latencyMs + delayMs) * log.scale;  // latency and delay are real time
}

// The callback at or before `due` (or the first one), as an index.
size_t callbackBefore(const AudioLog& log, double due) {
  const auto& cbs = log.callbacks;
  const auto after =
      std::upper_bound(cbs.begin(), cbs.end(), due,
                       [](double t, const AudioLog::Callback& c) { return t < c.engineMs; });
  return after == cbs.begin() ? 0 : static_cast<size_t>(after - cbs.begin()) - 1;
}

}  // namespace

double streamPace(const AudioLog& log) {
  std::vector<double> paces;
  for (size_t i = 1; i < log.callbacks.size(); ++i) {
    const auto& a = log.callbacks[i - 1];
    const auto& b = log.callbacks[i];
    if (b.pos > a.pos)
      paces.push_back((b.engineMs - a.engineMs) / static_cast<double>(b.pos - a.pos));
  }
  if (paces.empty()) return 1000.0 * log.scale / log.rate;
  std::nth_element(paces.begin(), paces.begin() + static_cast<std::ptrdiff_t>(paces.size() / 2),
                   paces.end());
  return paces[paces.size() / 2];
}

namespace {

double sampleFrom(const AudioLog& log, size_t k, double pace, double due) {
  const auto& cb = log.callbacks[k];
  const double sample = static_cast<double>(cb.pos) + (due - cb.engineMs) / pace;
  // Due before the stream's first callback (its thread started late on a loaded machine):
  // nothing plays before that buffer, so the first sample it can be heard at is its first.
  if (k == 0 && due < cb.engineMs) return std::max(sample, static_cast<double>(cb.pos));
  // Past the end of buffer k but before the next callback: the stream stalled, and the
  // first sample after the due time is the next buffer's first.
  if (k + 1 < log.callbacks.size())
    return std::min(sample, static_cast<double>(log.callbacks[k + 1].pos));
  return sample;
}

}  // namespace

double expectedSample(const AudioLog& log, double pace, double engineMs, double delayMs) {
  const double due = dueOf(log, engineMs, delayMs);
  return sampleFrom(log, callbackBefore(log, due), pace, due);
}

std::vector<double> plausibleSamples(const AudioLog& log, double pace, double engineMs,
                                     double delayMs) {
  const double due = dueOf(log, engineMs, delayMs);
  const size_t k = callbackBefore(log, due);
  std::vector<double> out{sampleFrom(log, k, pace, due)};
  if (k > 0) out.push_back(sampleFrom(log, k - 1, pace, due));
  return out;
}

double renderedFromMs(const AudioLog& log, double pace, double engineMs, double delayMs) {
  const double sample = expectedSample(log, pace, engineMs, delayMs);
  const auto& cbs = log.callbacks;
  const auto after =
      std::upper_bound(cbs.begin(), cbs.end(), sample,
                       [](double s, const AudioLog::Callback& c) { return s < c.pos; });
  return after == cbs.begin() ? cbs.front().engineMs : std::prev(after)->engineMs;
}

double interpolatedSample(const AudioLog& log, double engineMs, double delayMs) {
  const double due = dueOf(log, engineMs, delayMs);
  const size_t k = callbackBefore(log, due);
  const auto& cbs = log.callbacks;
  if (k + 1 >= cbs.size() || due < cbs[k].engineMs)
    return expectedSample(log, 1000.0 * log.scale / log.rate, engineMs, delayMs);
  const double fraction = (due - cbs[k].engineMs) / (cbs[k + 1].engineMs - cbs[k].engineMs);
  return static_cast<double>(cbs[k].pos) +
         fraction * static_cast<double>(cbs[k + 1].pos - cbs[k].pos);
}

std::vector<float> readRawPcm(const std::filesystem::path& path, int channels) {
  std::ifstream in(path, std::ios::binary);
  std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const size_t frameBytes = sizeof(int16_t) * static_cast<size_t>(std::max(1, channels));
  std::vector<float> out(bytes.size() / frameBytes);
  for (size_t i = 0; i < out.size(); ++i) {
    int16_t value;
    std::memcpy(&value, bytes.data() + i * frameBytes, sizeof value);
    out[i] = value / 32768.0f;
  }
  return out;
}

std::optional<int64_t> findStreamStart(const std::vector<float>& pcm) {
  const float marker = kStreamMarker / 32768.0f;
  for (size_t i = 0; i + 1 < pcm.size(); ++i) {
    if (pcm[i] == 0.0f) continue;
    // Nothing plays before position 0, so the first sound must be the marker.
    if (pcm[i] == marker && pcm[i + 1] == -marker) return static_cast<int64_t>(i);
    return std::nullopt;
  }
  return std::nullopt;
}

std::optional<std::vector<float>> readWavMono(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<unsigned char> bytes((std::istreambuf_iterator<char>(in)),
                                   std::istreambuf_iterator<char>());
  if (bytes.size() < 12 || std::memcmp(bytes.data(), "RIFF", 4) != 0 ||
      std::memcmp(bytes.data() + 8, "WAVE", 4) != 0)
    return std::nullopt;
  int channels = 0, bits = 0;
  for (size_t at = 12; at + 8 <= bytes.size();) {
    const uint32_t size = readLe32(&bytes[at + 4]);
    const unsigned char* body = &bytes[at + 8];
    if (at + 8 + size > bytes.size()) return std::nullopt;
    if (std::memcmp(&bytes[at], "fmt ", 4) == 0 && size >= 16) {
      channels = readLe16(body + 2);
      bits = readLe16(body + 14);
    } else if (std::memcmp(&bytes[at], "data", 4) == 0) {
      if (bits != 16 || channels < 1) return std::nullopt;
      std::vector<float> out(size / (2u * static_cast<uint32_t>(channels)));
      for (size_t i = 0; i < out.size(); ++i)
        out[i] =
            static_cast<int16_t>(readLe16(body + i * 2 * static_cast<size_t>(channels))) / 32768.0f;
      return out;
    }
    at += 8 + size + (size & 1);
  }
  return std::nullopt;
}

namespace {

// Linear-prediction coefficients (order kOrder) for `x`: a decaying chime tail is a handful
// of sinusoids (two per order), which its prediction error filter removes almost entirely.
constexpr int kOrder = 32;

std::vector<double> whiteningFilter(const float* x, size_t n) {
  std::vector<double> r(kOrder + 1, 0.0);
  for (int lag = 0; lag <= kOrder; ++lag)
    for (size_t i = static_cast<size_t>(lag); i < n; ++i)
      r[static_cast<size_t>(lag)] += double(x[i]) * x[i - static_cast<size_t>(lag)];
  std::vector<double> a(kOrder + 1, 0.0);
  a[0] = 1.0;
  // Too quiet to model (silence, or quantisation noise only): leave the signal as it is.
  if (r[0] < 1e-7 * static_cast<double>(n)) return a;
  r[0] *= 1.0 + 1e-4;  // a little white noise keeps the recursion stable
  double error = r[0];
  for (int i = 1; i <= kOrder; ++i) {
    double acc = r[static_cast<size_t>(i)];
    for (int j = 1; j < i; ++j) acc += a[static_cast<size_t>(j)] * r[static_cast<size_t>(i - j)];
    const double k = -acc / error;
    std::vector<double> next = a;
    for (int j = 1; j < i; ++j) next[static_cast<size_t>(j)] += k * a[static_cast<size_t>(i - j)];
    next[static_cast<size_t>(i)] = k;
    a = std::move(next);
    error *= 1.0 - k * k;
    if (error <= 0) break;
  }
  return a;
}

std::vector<double> filtered(const float* x, size_t n, const std::vector<double>& a,
                             size_t history) {
  // `history` samples before x[0] are readable and feed the filter's first outputs.
  std::vector<double> y(n);
  for (size_t i = 0; i < n; ++i) {
    double v = 0;
    for (size_t k = 0; k < a.size(); ++k)
      if (i + history >= k)
        v += a[k] * x[static_cast<std::ptrdiff_t>(i) - static_cast<std::ptrdiff_t>(k)];
    y[i] = v;
  }
  return y;
}

}  // namespace

std::optional<Onset> findOnset(const std::vector<float>& pcm, const std::vector<float>& sound,
                               int64_t from, int64_t to) {
  // Silence before the onset is part of the pattern: matching one period late would pull
  // the sound's own opening into the "silent" part and score worse.
  constexpr int64_t kLead = 240, kBody = 576, kBackground = 960;  // 5, 12, 20 ms at 48 kHz
  const int64_t body = std::min<int64_t>(kBody, static_cast<int64_t>(sound.size()));
  std::vector<float> pattern(static_cast<size_t>(kLead), 0.0f);
  pattern.insert(pattern.end(), sound.begin(), sound.begin() + body);
  const auto n = static_cast<int64_t>(pattern.size());
  from = std::max<int64_t>(from, kLead + kBackground + kOrder);
  to = std::min<int64_t>(to, static_cast<int64_t>(pcm.size()) - n + kLead);
  if (from >= to) return std::nullopt;

  // Whiten both the recording and the pattern with a filter fitted to what plays just before
  // the window, so an earlier cue still ringing there cannot pull the match off by a period.
  const int64_t regionStart = from - kLead;
  const auto a =
      whiteningFilter(pcm.data() + (regionStart - kBackground), static_cast<size_t>(kBackground));
  const auto signal =
      filtered(pcm.data() + regionStart, static_cast<size_t>(to - from + n), a, kOrder);
  const auto shape = filtered(pattern.data(), pattern.size(), a, 0);
  double shapeEnergy = 0;
  for (double v : shape) shapeEnergy += v * v;
  if (shapeEnergy <= 0) return std::nullopt;

  Onset best{from, -2.0};
  for (int64_t onset = from; onset < to; ++onset) {
    const double* x = signal.data() + (onset - from);
    double dot = 0, energy = 0;
    for (int64_t i = 0; i < n; ++i) {
      dot += x[i] * shape[static_cast<size_t>(i)];
      energy += x[i] * x[i];
    }
    const double score = energy > 0 ? dot / std::sqrt(energy * shapeEnergy) : 0.0;
    if (score > best.score) best = {onset, score};
  }
  return best;
}

}  // namespace unknot
