#include <algorithm>
#include <map>
#include <system_error>

#include "core/figure/pose_loader.hpp"

namespace unknot::figure {

PoseLibrary PoseLibrary::load(const std::vector<std::filesystem::path>& folders, bool checkFloor) {
  std::map<std::string, std::filesystem::path> files;
  for (const std::filesystem::path& folder : folders) {
    std::error_code ec;
    for (std::filesystem::directory_iterator it(folder, ec), end; !ec && it != end;
         it.increment(ec)) {
      if (it->path().extension() != ".toml") continue;
      files[it->path().stem().string()] = it->path();
    }
  }
  PoseLibrary library;
  for (const auto& [id, path] : files) {
    PoseLoad load = loadPoseFile(path, checkFloor);
    library.m_entries.push_back({id, path, std::move(load.pose), std::move(load.errors)});
  }
  return library;
}

const Pose* PoseLibrary::find(std::string_view id) const {
  for (const PoseEntry& entry : m_entries)
    if (entry.id == id && entry.pose) return &*entry.pose;
  return nullptr;
}

size_t PoseLibrary::errorCount() const {
  size_t count = 0;
  for (const PoseEntry& entry : m_entries) count += entry.errors.size();
  return count;
}

void PoseLibrary::keepOnly(const std::vector<std::string>& ids) {
  std::erase_if(m_entries, [&ids](const PoseEntry& entry) {
    return std::find(ids.begin(), ids.end(), entry.id) == ids.end();
  });
}

}  // namespace unknot::figure
