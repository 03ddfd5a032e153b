#include "store/store.hpp"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <system_error>
#include <thread>

#include "store/folder_access.hpp"
#include "store/schema.hpp"
#include "store/session_lock.hpp"

namespace unknot {

namespace {

std::string errnoText() {
  return std::strerror(errno);
}

// The directory is created 0700 (parents with the usual mode); an existing directory, which
// the user may have chosen with --data-dir, keeps its mode. The file is created 0600 before
// SQLite sees it, and WAL and shared-memory files inherit that mode.
// An existing file is never opened here, only looked at by its name: closing any descriptor of
// a file drops every POSIX lock the process holds on it, SQLite's too. The window opens a store
// to check reminders while another records its session; with that connection's lock gone, a
// terminal run ending meanwhile checkpointed and removed the WAL under it, and the window's
// later phases went to a deleted file and left the database damaged.
std::filesystem::path prepareDatabaseFile(const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::exists(dir, ec)) {
    std::filesystem::create_directories(dir.parent_path(), ec);
    if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) {
      throw StoreError("cannot create the data directory " + dir.string() + ": " + errnoText());
    }
  } else if (!std::filesystem::is_directory(dir, ec)) {
    throw StoreError("the data directory " + dir.string() + " is not a directory");
  }
  const auto path = dir / Store::kFileName;
  // A new file has no locks yet: it is made (exclusively, in case another process is at it).
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd >= 0) {
    ::close(fd);
    return path;
  }
  if (errno != EEXIST || ::access(path.c_str(), R_OK | W_OK) != 0) {
    throw StoreError("cannot open " + path.string() + " for writing: " + errnoText());
  }
  struct stat info {};
  if (::stat(path.c_str(), &info) == 0 && (info.st_mode & 077) != 0) ::chmod(path.c_str(), 0600);
  return path;
}

// Only what exists is read: no file means nothing recorded yet, an empty store in memory.
Database openForReading(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return Database::inMemory();
  return Database(path, Database::Access::ReadOnly);
}

// How long a write waits for another process to let go of the file.
constexpr std::chrono::milliseconds kBusyTimeout{5000};

// A new file is switched to WAL once, by whichever opener comes first. The switch needs the file
// to itself for a moment and SQLite does not wait for that (no busy handler), so a second
// process opening the same new file (a window and a terminal started together) got "database is
// locked" at once. It waits here as long as any other write would.
void enterWalMode(Database& db) {
  const auto until = std::chrono::steady_clock::now() + kBusyTimeout;
  while (true) {
    try {
      Statement mode = db.prepare("PRAGMA journal_mode = WAL");
      if (mode.step() && mode.text(0) == "wal") return;
    } catch (const StoreError&) {
      if ((sqlite3_errcode(db.handle()) & 0xff) != SQLITE_BUSY) throw;
    }
    if (std::chrono::steady_clock::now() >= until) throw StoreError("cannot switch to WAL mode");
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

}  // namespace

bool Store::writable(const std::filesystem::path& dir) {
  std::error_code ec;
  std::filesystem::path folder = dir;
  while (!std::filesystem::exists(folder, ec) && folder.parent_path() != folder) {
    folder = folder.parent_path();
  }
  if (!std::filesystem::is_directory(folder, ec)) return true;
  if (deniedByPermission(folder, W_OK | X_OK) || refusesNewFiles(folder)) return false;
  const auto file = dir / kFileName;
  return folder != dir || !std::filesystem::exists(file, ec) ||
         !deniedByPermission(file, R_OK | W_OK);
}

const char* toString(SessionOutcome outcome) {
  switch (outcome) {
    case SessionOutcome::Completed:
      return "completed";
    case SessionOutcome::Stopped:
      return "stopped";
    case SessionOutcome::Interrupted:
      return "interrupted";
  }
  return "?";
}

Store::Store(const std::filesystem::path& dir, Access access)
    : m_dir(dir),
      m_path(dir / kFileName),
      m_readOnly(access == Access::ReadOnly),
      m_db(m_readOnly ? openForReading(m_path) : Database(prepareDatabaseFile(dir))) {
  try {
    m_db.exec("PRAGMA busy_timeout = " + std::to_string(kBusyTimeout.count()));
    // The first statement to read the file: a file that is not a database fails here.
    m_db.queryInt("PRAGMA user_version");
    if (m_readOnly) {
      // Queries expect the latest tables; an older file is brought up to date in memory only.
      if (checkSchema(m_db) < latestSchemaVersion()) {
        m_db = m_db.copyInMemory();
        migrate(m_db);
      }
      // A write fails at once instead of landing in a copy nobody keeps.
      m_db.exec("PRAGMA query_only = 1");
      return;
    }
    migrate(m_db);
    m_db.exec("PRAGMA foreign_keys = ON");
    enterWalMode(m_db);
    m_db.exec("PRAGMA synchronous = FULL");
    m_recovered = closeInterruptedSessions();
  } catch (const StoreError& e) {
    const int code = sqlite3_errcode(m_db.handle()) & 0xff;
    const std::string reason =
        code == SQLITE_NOTADB || code == SQLITE_CORRUPT
            ? std::string("it is damaged or not a database (") + sqlite3_errmsg(m_db.handle()) + ")"
            : e.what();
    throw StoreError(m_path.string() + ": " + reason + "; the file was left as it is");
  }
}

Store::~Store() = default;

void Store::requireWritable() {
  if (writable(m_dir)) return;
  m_db.skipCheckpointOnClose();
  throw StoreError(m_dir.string() + " became read-only");
}

int Store::schemaVersion() {
  return static_cast<int>(m_db.queryInt("PRAGMA user_version"));
}

int Store::closeInterruptedSessions() {
  std::vector<std::int64_t> gone;
  {
    // A heat/ice session whose switch fell due recently stays open: it is resumable.
    const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count();
    Statement open = m_db.prepare(R"sql(
      SELECT s.id, coalesce(s.lock_token, ''),
        t.session_id IS NOT NULL AND max(coalesce(t.deadline_utc_ms, 0),
          coalesce(t.held_since_utc_ms, 0), t.updated_utc_ms) >= ?1
      FROM sessions s LEFT JOIN thermal_deadlines t ON t.session_id = s.id
      WHERE s.outcome IS NULL)sql");
    open.bind(1, static_cast<std::int64_t>(now - kThermalResumeWindow.count()));
    while (open.step()) {
      const std::int64_t id = open.int64(0);
      if (open.int64(2) != 0) continue;
      if (m_locks.count(id) == 0 && SessionLock::ownerGone(m_dir, open.text(1))) gone.push_back(id);
    }
  }
  if (gone.empty()) return 0;
  Transaction transaction(m_db);
  // Ends at the last completed phase (or the start): the best instant we know it was alive.
  Statement close = m_db.prepare(R"sql(
    UPDATE sessions SET outcome = 'interrupted',
      ended_utc_ms = coalesce((SELECT max(ended_utc_ms) FROM phases WHERE session_id = ?1),
                              started_utc_ms),
      ended_offset_s = coalesce((SELECT ended_offset_s FROM phases WHERE session_id = ?1
                                 ORDER BY ended_utc_ms DESC LIMIT 1), started_offset_s)
    WHERE id = ?1 AND outcome IS NULL)sql");
  int closed = 0;
  Statement forget = m_db.prepare("DELETE FROM thermal_deadlines WHERE session_id = ?1");
  for (const std::int64_t id : gone) {
    close.bind(1, id).run();
    closed += m_db.changes();
    close.reset();
    forget.bind(1, id).run();
    forget.reset();
  }
  transaction.commit();
  return closed;
}

std::optional<LogicalDate> Store::latestRecordedDate() {
  Statement query = m_db.prepare(
      "SELECT max(d) FROM (SELECT max(logical_date) AS d FROM sessions "
      "UNION ALL SELECT max(logical_date) FROM checkins)");
  if (!query.step() || query.isNull(0)) return std::nullopt;
  return parseDate(query.text(0));
}

int Store::dayStartHour() {
  if (!m_dayStartHour) {
    const auto plan = currentPlan();
    m_dayStartHour = plan ? plan->current().dayStartHour : kDefaultDayStartHour;
  }
  return *m_dayStartHour;
}

LogicalDate Store::dateFor(const LocalInstant& at) {
  return stableLogicalDate(logicalDate(at, dayStartHour()), latestRecordedDate());
}

void Store::backup(const std::filesystem::path& destination) {
  std::error_code ec;
  if (std::filesystem::exists(destination, ec) &&
      std::filesystem::equivalent(destination, m_path, ec)) {
    throw StoreError(destination.string() + " is the live database; choose another file");
  }
  const auto dir =
      destination.parent_path().empty() ? std::filesystem::path(".") : destination.parent_path();
  const auto temp = dir / ("." + destination.filename().string() + ".tmp-" + randomToken());
  const int fd = ::open(temp.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) throw StoreError("cannot write " + temp.string() + ": " + errnoText());
  ::close(fd);
  try {
    Database target(temp);
    sqlite3_backup* run = sqlite3_backup_init(target.handle(), "main", m_db.handle(), "main");
    if (!run) throw StoreError(std::string("backup failed: ") + sqlite3_errmsg(target.handle()));
    int rc = SQLITE_OK;
    while ((rc = sqlite3_backup_step(run, 256)) == SQLITE_OK || rc == SQLITE_BUSY ||
           rc == SQLITE_LOCKED) {
      if (rc != SQLITE_OK) sqlite3_sleep(20);
    }
    sqlite3_backup_finish(run);
    if (rc != SQLITE_DONE) {
      throw StoreError(std::string("backup failed: ") + sqlite3_errmsg(target.handle()));
    }
    // A stand-alone copy: no -wal file to carry around with it.
    target.exec("PRAGMA journal_mode = DELETE");
  } catch (...) {
    std::filesystem::remove(temp, ec);
    throw;
  }
  std::filesystem::rename(temp, destination, ec);
  if (ec) {
    std::error_code ignored;  // the rename's error is the one to tell, not "Success"
    std::filesystem::remove(temp, ignored);
    throw StoreError("cannot write " + destination.string() + ": " + ec.message());
  }
}

}  // namespace unknot
