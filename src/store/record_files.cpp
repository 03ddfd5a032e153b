#include "store/record_files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "store/schema.hpp"
#include "store/session_lock.hpp"
#include "store/sqlite_db.hpp"
#include "store/store.hpp"

namespace unknot {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kLockPrefix = "session-";
constexpr std::string_view kLockSuffix = ".lock";
constexpr std::string_view kKeptPrefix = "unknot-before-restore-";

std::vector<std::string> lockTokens(const fs::path& dir) {
  std::vector<std::string> tokens;
  std::error_code ec;
  for (const auto& item : fs::directory_iterator(dir, ec)) {
    const std::string name = item.path().filename().string();
    if (name.size() > kLockPrefix.size() + kLockSuffix.size() &&
        name.compare(0, kLockPrefix.size(), kLockPrefix) == 0 &&
        name.compare(name.size() - kLockSuffix.size(), kLockSuffix.size(), kLockSuffix) == 0) {
      tokens.push_back(
          name.substr(kLockPrefix.size(), name.size() - kLockPrefix.size() - kLockSuffix.size()));
    }
  }
  return tokens;
}

// Copies `from` to a new temporary file beside `target`, flushed to disk; returns its path.
fs::path copyBeside(const fs::path& from, const fs::path& target) {
  const fs::path temp =
      target.parent_path() / ("." + target.filename().string() + ".restore-" + randomToken());
  std::error_code ec;
  fs::copy_file(from, temp, ec);
  if (ec) throw StoreError("cannot write " + temp.string() + ": " + ec.message());
  const int fd = ::open(temp.c_str(), O_RDWR | O_CLOEXEC);
  const bool synced = fd >= 0 && ::fchmod(fd, 0600) == 0 && ::fsync(fd) == 0;
  const int error = errno;
  if (fd >= 0) ::close(fd);
  if (!synced) {
    fs::remove(temp, ec);
    throw StoreError("cannot write " + temp.string() + ": " + std::strerror(error));
  }
  return temp;
}

}  // namespace

std::string keptRecordName(const std::string& stamp) {
  return std::string(kKeptPrefix) + stamp + ".db";
}

RecordSummary checkRecordFile(const fs::path& file) {
  std::error_code ec;
  if (!fs::is_regular_file(file, ec)) {
    throw StoreError(file.string() + ": " + (fs::exists(file, ec) ? "not a file" : "no such file"));
  }
  try {
    Database db(file, Database::Access::ReadOnly);
    db.exec("PRAGMA query_only = 1");
    RecordSummary summary;
    summary.schema = checkSchema(db);
    if (summary.schema == 0) throw StoreError("it is empty, not an unknot record");
    Statement check = db.prepare("PRAGMA integrity_check");
    check.step();
    if (const std::string result = check.text(0); result != "ok") {
      throw StoreError("it is damaged (" + result + ")");
    }
    summary.sessions = db.queryInt("SELECT count(*) FROM sessions");
    summary.checkins = db.queryInt("SELECT count(*) FROM checkins");
    summary.plans = db.queryInt("SELECT count(*) FROM plans");
    return summary;
  } catch (const StoreError& e) {
    const std::string what = e.what();
    // Errors from checkSchema say "it ..."; SQLite's own say what failed.
    throw StoreError(file.string() + ": " +
                     (what.rfind("it ", 0) == 0 ? what : "not an unknot record (" + what + ")"));
  }
}

bool recordInUse(const fs::path& dir) {
  for (const std::string& token : lockTokens(dir)) {
    if (!SessionLock::ownerGone(dir, token)) return true;
  }
  return false;
}

void restoreRecord(const fs::path& dir, const fs::path& backup, const fs::path& keep) {
  checkRecordFile(backup);
  if (recordInUse(dir)) {
    throw StoreError("a routine is being recorded right now; restore once it has ended");
  }
  fs::create_directories(dir);
  const fs::path live = dir / Store::kFileName;
  std::error_code ec;
  if (fs::exists(live, ec)) {
    Store current(dir);
    current.backup(keep);
  }
  const fs::path temp = copyBeside(backup, live);
  // The old record's -wal and -shm must not meet the new file: once the last connection has
  // closed (above) they hold nothing the kept copy lacks.
  for (const char* suffix : {"-wal", "-shm"}) {
    fs::remove(live.string() + suffix, ec);
    if (ec) {
      fs::remove(temp, ec);
      throw StoreError("cannot remove " + live.string() + suffix + ": " + ec.message());
    }
  }
  fs::rename(temp, live, ec);
  if (ec) {
    std::error_code ignored;
    fs::remove(temp, ignored);
    throw StoreError("cannot replace " + live.string() + ": " + ec.message());
  }
  Store restored(dir);  // upgrades an older schema, as any first open would
}

std::vector<fs::path> forgetRecord(const fs::path& dir) {
  if (recordInUse(dir)) {
    throw StoreError("a routine is being recorded right now; forget the record once it has ended");
  }
  std::vector<fs::path> removed;
  const fs::path live = dir / Store::kFileName;
  std::vector<fs::path> files{live, fs::path(live.string() + "-wal"),
                              fs::path(live.string() + "-shm")};
  // The copies restore set aside are the record too.
  std::error_code listError;
  for (const auto& item : fs::directory_iterator(dir, listError)) {
    const std::string name = item.path().filename().string();
    if (name.rfind(kKeptPrefix, 0) == 0 && item.path().extension() == ".db") {
      files.push_back(item.path());
    }
  }
  for (const fs::path& file : files) {
    std::error_code ec;
    if (!fs::exists(fs::symlink_status(file, ec))) continue;
    if (!fs::remove(file, ec) || ec) {
      throw StoreError("cannot delete " + file.string() + ": " + ec.message());
    }
    removed.push_back(file);
  }
  return removed;
}

}  // namespace unknot
