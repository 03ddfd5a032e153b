// Reads pose files (assets/poses/*.toml, or a user's own) into validated Poses, with the
// routine loader's positioned one-line diagnostics and "did you mean" for every mistake.
#pragma once

#include <filesystem>
#include <optional>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/figure/pose.hpp"

namespace unknot::figure {

struct PoseLoad {
  std::optional<Pose> pose;  // set only when errors is empty
  Diagnostics errors;
};

// A contact may float or sink this much (in H, about 3.5 cm) and still touch.
inline constexpr double kContactTolerance = 0.02;

// Parses pose text as if read from `path` (the id is the file stem). Without `checkFloor` the
// contacts are not measured (for tools that show an author how far off they are).
PoseLoad parsePose(std::string_view text, const std::filesystem::path& path,
                   bool checkFloor = true);
PoseLoad loadPoseFile(const std::filesystem::path& path, bool checkFloor = true);

struct PoseEntry {
  std::string id;
  std::filesystem::path path;
  std::optional<Pose> pose;
  Diagnostics errors;
};

// Every *.toml of the folders, in id order; a later folder's pose replaces an earlier one of
// the same id (a user's own file over a bundled one). A broken file stays listed with its errors.
class PoseLibrary {
 public:
  static PoseLibrary load(const std::vector<std::filesystem::path>& folders,
                          bool checkFloor = true);
  const std::vector<PoseEntry>& entries() const { return m_entries; }
  const Pose* find(std::string_view id) const;
  size_t errorCount() const;
  // Drops every entry whose id is not in `ids`.
  void keepOnly(const std::vector<std::string>& ids);

 private:
  std::vector<PoseEntry> m_entries;
};

}  // namespace unknot::figure
