// Where the progress database lives: --data-dir, else UNKNOT_DATA_DIR, else
// $XDG_DATA_HOME/unknot, else ~/.local/share/unknot. Environment lookups happen here only.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace unknot {

// nullopt (with `error` set) when nothing usable is given: no flag, no variables, no HOME.
// Relative paths from the flag or UNKNOT_DATA_DIR are made absolute; a relative
// XDG_DATA_HOME is ignored, as the XDG spec says.
std::optional<std::filesystem::path> resolveDataDir(const std::optional<std::string>& flag,
                                                    std::string& error);

}  // namespace unknot
