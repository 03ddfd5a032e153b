// Whether a folder can still be written, asked of the kernel without leaving anything behind:
// the one answer the store and its SQLite errors share.
#pragma once

#include <filesystem>

namespace unknot {

// True when access() says no for MODE (R_OK, W_OK, X_OK) for want of permission, the immutable
// attribute or a read-only mount.
bool deniedByPermission(const std::filesystem::path& path, int mode);

// True when the folder refuses a new file: read-only, immutable, or a file system the kernel
// stopped writing to after a disk error.
bool refusesNewFiles(const std::filesystem::path& folder);

}  // namespace unknot
