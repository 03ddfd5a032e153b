#include "core/routine_loader.hpp"

#include <array>
#include <cerrno>
#include <cstdio>
#include <fstream>
#include <new>

#include "core/routine_fields.hpp"
#include "core/routine_levels.hpp"
#include "core/routine_prescan.hpp"
#include "core/routine_steps.hpp"

namespace unknot {

namespace {

namespace fs = std::filesystem;
using loader::Fields;
using loader::Report;

constexpr std::array<std::string_view, 9> kTopKeys{
    "schema",  "name", "summary", "category", "tags", "rounds", "rest_between_rounds",
    "prepare", "steps"};
constexpr int64_t kSchema = 1;
constexpr size_t kMaxIdLength = 64;

// toml++ quotes the characters it stopped at verbatim: a newline or an escape sequence from a
// shared file must neither break the one-line message nor reach the user's terminal.
std::string printable(std::string_view text) {
  std::string out;
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x20 && byte != 0x7F) {
      out += c;
      continue;
    }
    char escaped[8];
    std::snprintf(escaped, sizeof escaped, "\\x%02x", byte);
    out += escaped;
  }
  return out;
}

std::string sizeMessage(std::uintmax_t bytes) {
  constexpr double kMiB = 1024.0 * 1024.0;
  char size[64];
  std::snprintf(size, sizeof size, "%.1f MiB", static_cast<double>(bytes) / kMiB);
  // "1.0 MiB, the limit is 1 MiB" would read as a contradiction.
  if (std::string_view(size) == "1.0 MiB") std::snprintf(size, sizeof size, "%ju bytes", bytes);
  return std::string("file is ") + size + ", the limit is 1 MiB";
}

// A future schema may use keys this version does not know, so a newer file stops here
// instead of drowning the one useful message in "unknown key" errors.
bool readSchema(Fields& fields) {
  if (!fields.has("schema")) {
    fields.missing("schema", "(the file should start with schema = 1)");
    return true;
  }
  const toml::node& node = *fields.find("schema");
  const auto* value = node.as_integer();
  if (value && value->get() == kSchema) return true;
  fields.invalid("schema", "expected 1 (the schema this version of unknot reads), found " +
                               loader::describe(node));
  return !(value && value->get() > kSchema);
}

void readHeader(Fields& fields, Routine& routine) {
  if (!fields.has("name")) {
    fields.missing("name", "(required), e.g. name = \"Pigeon pose\"");
  } else if (auto name = fields.label("name")) {
    routine.name = *name;
  }
  if (auto summary = fields.text("summary")) routine.summary = *summary;
  const auto category = fields.choice(
      "category", {"stretch", "foam-roll", "massage", "strength", "thermal", "posture", "mixed"});
  if (category) routine.category = *categoryFromString(*category);
  if (auto tags = fields.stringList("tags")) routine.tags = std::move(*tags);
  if (auto rounds = fields.integer("rounds", 1, limits::kMaxRounds)) {
    routine.rounds = static_cast<int>(*rounds);
  }
  if (auto rest = fields.duration("rest_between_rounds", Millis(0))) {
    routine.restBetweenRounds = *rest;
  }
  if (auto prepare = fields.duration("prepare", Millis(0))) routine.prepare = *prepare;
}

void readSteps(Report& report, Fields& fields, Routine& routine,
               const loader::SoundRoots& soundRoots, const PoseIds& poseIds) {
  const toml::node* node = fields.find("steps");
  if (!node) {
    fields.missing("steps", "(add at least one [[steps]] table)");
    return;
  }
  const auto* steps = node->as_array();
  if (!steps) {
    fields.invalid("steps",
                   "expected an array of tables ([[steps]]), found " + loader::describe(*node));
    return;
  }
  if (steps->empty()) {
    fields.invalid("steps", "expected at least one step, found an empty array");
    return;
  }
  // Every step expands to at least one phase, so more steps than phases can never expand;
  // stopping here keeps a 100,000-step file from costing 100,000 step validations.
  if (steps->size() > limits::kMaxPhases) {
    fields.invalid("steps", "expected at most " + std::to_string(limits::kMaxPhases) +
                                " steps, found " + std::to_string(steps->size()));
    return;
  }
  for (size_t i = 0; i < steps->size(); ++i) {
    if (auto step = loader::readStep(report, *steps->get(i), i + 1, soundRoots, poseIds)) {
      routine.steps.push_back(std::move(*step));
    }
  }
  if (routine.steps.size() == steps->size()) loader::checkEveryLevelKeepsAStep(report, routine);
}

LoadResult finish(Report& report, std::optional<Routine> routine) {
  LoadResult result;
  result.errors = report.takeErrors();
  if (result.errors.empty() && routine) {
    routine->warnings = report.takeWarnings();
    result.routine = std::move(routine);
  }
  return result;
}

LoadResult parseUnguarded(std::string_view text, const fs::path& path,
                          const LoaderOptions& options) {
  const std::string shownPath = path.string();
  Report report(shownPath);
  if (text.size() > limits::kMaxFileBytes) {
    report.error({1, 1}, sizeMessage(text.size()));
    return finish(report, std::nullopt);
  }
  const std::string id = path.stem().string();
  if (!isValidRoutineId(id)) {
    report.error({1, 1}, "file name " + loader::quotedKey(path.filename().string()) +
                             " is not a routine id: expected 1 to 64 of a-z, 0-9 and '-', "
                             "e.g. pigeon-pose.toml");
  }
  if (auto problem = loader::prescanRoutineText(text, limits::kMaxPhases)) {
    report.error(problem->pos, std::move(problem->message));
    return finish(report, std::nullopt);
  }
  toml::table root;
  try {
    root = toml::parse(text, std::string_view(shownPath));
  } catch (const toml::parse_error& e) {
    report.error(loader::posOf(e.source()), printable(e.description()));
    return finish(report, std::nullopt);
  }
  Routine routine;
  routine.id = id;
  routine.path = path;
  Fields fields(report, root, "");
  if (!readSchema(fields)) return finish(report, std::nullopt);
  fields.rejectUnknownKeys(kTopKeys);
  readHeader(fields, routine);
  readSteps(report, fields, routine, loader::soundRootsFor(path, options.assetsDir),
            options.poseIds);
  return finish(report, std::move(routine));
}

LoadResult failure(const fs::path& path, const char* message) noexcept {
  try {
    LoadResult result;
    result.errors.push_back({path.string(), {1, 1}, message});
    return result;
  } catch (...) {
    return {};  // out of memory even for one line: an empty, failed result is all we can give
  }
}

// Reads at most kMaxFileBytes + 1 bytes, so a file that grew after stat cannot slip past.
std::optional<std::string> readCapped(std::ifstream& in) {
  std::string text;
  std::array<char, 64 * 1024> chunk;
  while (text.size() <= limits::kMaxFileBytes) {
    in.read(chunk.data(), chunk.size());
    text.append(chunk.data(), static_cast<size_t>(in.gcount()));
    if (in.bad()) return std::nullopt;
    if (in.eof()) break;
  }
  return text;
}

LoadResult loadUnguarded(const fs::path& path, const LoaderOptions& options) {
  Report report(path.string());
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (ec) {
    report.error({1, 1}, "cannot read the file: " + ec.message());
    return finish(report, std::nullopt);
  }
  if (!fs::is_regular_file(status)) {
    report.error({1, 1}, fs::is_directory(status) ? "cannot read the file: it is a folder"
                                                  : "cannot read the file: not a regular file");
    return finish(report, std::nullopt);
  }
  const std::uintmax_t size = fs::file_size(path, ec);
  if (!ec && size > limits::kMaxFileBytes) {
    report.error({1, 1}, sizeMessage(size));
    return finish(report, std::nullopt);
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    report.error({1, 1}, "cannot open the file: " + std::generic_category().message(errno));
    return finish(report, std::nullopt);
  }
  const std::optional<std::string> text = readCapped(in);
  if (!text) {
    report.error({1, 1}, "cannot read the file: " + std::generic_category().message(errno));
    return finish(report, std::nullopt);
  }
  return parseRoutine(*text, path, options);
}

}  // namespace

LoadResult parseRoutine(std::string_view text, const fs::path& path, const LoaderOptions& options) {
  try {
    return parseUnguarded(text, path, options);
  } catch (const std::bad_alloc&) {
    return failure(path, "out of memory while reading the routine");
  } catch (...) {
    return failure(path, "internal error while reading the routine");
  }
}

LoadResult loadRoutineFile(const fs::path& path, const LoaderOptions& options) {
  try {
    return loadUnguarded(path, options);
  } catch (const std::bad_alloc&) {
    return failure(path, "out of memory while reading the routine");
  } catch (...) {
    return failure(path, "internal error while reading the routine");
  }
}

bool isValidRoutineId(std::string_view id) {
  if (id.empty() || id.size() > kMaxIdLength) return false;
  for (char c : id) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok) return false;
  }
  return true;
}

}  // namespace unknot
