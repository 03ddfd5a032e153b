#include <algorithm>

#include "core/routine_steps.hpp"

namespace unknot::loader {

namespace {

namespace fs = std::filesystem;

bool isInside(const fs::path& candidate, const fs::path& root) {
  auto [rootEnd, candidateEnd] =
      std::mismatch(root.begin(), root.end(), candidate.begin(), candidate.end());
  (void)candidateEnd;
  return rootEnd == root.end();
}

std::vector<fs::path> canonicalRoots(const SoundRoots& roots) {
  std::vector<fs::path> out;
  for (const fs::path& root : roots) {
    std::error_code ec;
    fs::path resolved = fs::canonical(root, ec);
    if (!ec && fs::is_directory(resolved, ec)) out.push_back(std::move(resolved));
  }
  return out;
}

std::string rootList(const SoundRoots& roots) {
  std::string out;
  for (size_t i = 0; i < roots.size(); ++i) {
    if (i > 0) out += i + 1 == roots.size() ? " or " : ", ";
    out += roots[i].string();
  }
  return out;
}

// The outcome of looking a relative path up in every root, kept so the message can say why.
struct Lookup {
  std::optional<fs::path> found;
  std::optional<fs::path> escapedTo;
  std::optional<fs::path> notRegular;
};

Lookup lookUp(const fs::path& relative, const std::vector<fs::path>& roots) {
  Lookup lookup;
  for (const fs::path& root : roots) {
    std::error_code ec;
    // canonical follows every symlink, so a link pointing elsewhere shows its true target.
    fs::path resolved = fs::canonical(root / relative, ec);
    if (ec) continue;
    const bool inside = std::any_of(roots.begin(), roots.end(),
                                    [&](const fs::path& r) { return isInside(resolved, r); });
    if (!inside) {
      lookup.escapedTo = resolved;
    } else if (!fs::is_regular_file(resolved, ec)) {
      lookup.notRegular = resolved;
    } else {
      lookup.found = resolved;
      return lookup;
    }
  }
  return lookup;
}

}  // namespace

SoundRoots soundRootsFor(const fs::path& routinePath, const fs::path& assetsDir) {
  SoundRoots roots;
  const fs::path folder = routinePath.parent_path();
  roots.push_back(folder.empty() ? fs::path(".") : folder);
  if (!assetsDir.empty()) {
    roots.push_back(assetsDir);
    roots.push_back(assetsDir / "sounds");
  }
  return roots;
}

std::optional<fs::path> readSoundPath(Fields& fields, std::string_view key,
                                      const SoundRoots& roots) {
  const std::optional<std::string> text = fields.text(key);
  if (!text) return std::nullopt;
  const std::string shown = describe(*fields.find(key));
  if (text->empty()) {
    fields.invalid(key, "expected a path to a sound file, found an empty string");
    return std::nullopt;
  }
  const fs::path relative(*text);
  if (relative.has_root_path()) {
    fields.invalid(
        key, "expected a path relative to the routine's folder, found the absolute path " + shown);
    return std::nullopt;
  }
  if (std::any_of(relative.begin(), relative.end(), [](const fs::path& p) { return p == ".."; })) {
    fields.invalid(key,
                   "expected a path inside the routine's folder or the assets folder, found "
                   "'..' in " +
                       shown);
    return std::nullopt;
  }
  if (text->find('\0') != std::string::npos) {
    fields.invalid(key, "expected a file name, found a NUL character in " + shown);
    return std::nullopt;
  }
  const Lookup lookup = lookUp(relative, canonicalRoots(roots));
  if (lookup.found) return lookup.found;
  if (lookup.escapedTo) {
    fields.invalid(key, "expected a file inside the routine's folder or the assets folder, found " +
                            shown + " leading to " + lookup.escapedTo->string() +
                            " through a symbolic link");
  } else if (lookup.notRegular) {
    std::error_code ec;
    const bool folder = fs::is_directory(*lookup.notRegular, ec);
    fields.invalid(key, std::string("expected a regular file, found ") +
                            (folder ? "a folder" : "a special file") + " at " + shown);
  } else {
    fields.invalid(key, "no file " + shown + " in " + rootList(roots));
  }
  return std::nullopt;
}

}  // namespace unknot::loader
