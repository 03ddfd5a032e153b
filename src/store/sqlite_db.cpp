#include "store/sqlite_db.hpp"

#include <sqlite3.h>

#include <cctype>
#include <cerrno>
#include <cstring>
#include <utility>

#include "store/folder_access.hpp"

namespace unknot {

namespace {

// The folder of the connection's database file, to name in messages.
std::string folderOf(sqlite3* db) {
  const char* file = sqlite3_db_filename(db, "main");
  return file && *file ? std::filesystem::path(file).parent_path().string() : "the data folder";
}

// What a failure means to the person whose record it is, when its cause lies outside the
// database (the disk, the folder, another program): SQLite's own words ("disk I/O error",
// "database is locked") do not say what to do about it. Empty for anything else.
std::string plainReason(sqlite3* db) {
  const int code = sqlite3_errcode(db) & 0xff;
  // SQLite keeps the system's errno only for these two codes; for others it may be stale.
  const int error = code == SQLITE_IOERR || code == SQLITE_CANTOPEN ? sqlite3_system_errno(db) : 0;
  if (code == SQLITE_FULL || error == ENOSPC || error == EDQUOT)
    return "the disk is full (" + folderOf(db) + ")";
  // A kernel that turns a file system read-only after a disk error (ext4's errors=remount-ro)
  // fails the write in flight with EIO, or SQLite's own "disk I/O error" with no errno, and later
  // ones with EROFS: either way what the person finds is a read-only folder.
  if (error == EROFS || error == EPERM || error == EACCES ||
      (code == SQLITE_IOERR && refusesNewFiles(folderOf(db))))
    return folderOf(db) + " became read-only";
  if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
    return "the record is locked by another program";
  if (code == SQLITE_IOERR) {
    return std::string("the disk reported an error (") +
           (error ? std::strerror(error) : sqlite3_errmsg(db)) + ")";
  }
  return "";
}

// After the file system failed a write, the connection closes without its usual checkpoint:
// that writes into the -shm file SQLite keeps mapped, and a write to a mapping of a file that
// turned read-only (or immutable) is a SIGBUS, not an error. The next opener checkpoints.
void afterFailure(sqlite3* db) {
  const int code = sqlite3_errcode(db) & 0xff;
  if (code == SQLITE_FULL || code == SQLITE_IOERR || code == SQLITE_CANTOPEN)
    sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
}

[[noreturn]] void throwError(sqlite3* db, const std::string& what) {
  if (!db) throw StoreError(what + ": out of memory");
  afterFailure(db);
  const std::string plain = plainReason(db);
  throw StoreError(plain.empty() ? what + ": " + sqlite3_errmsg(db) : plain);
}

// "file:" URIs take the path percent-encoded, so '?', '#' and '%' in a folder name stay
// part of it.
std::string uriFor(const std::filesystem::path& path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string uri = "file:";
  for (const unsigned char c : path.string()) {
    if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') {
      uri += static_cast<char>(c);
    } else {
      uri += '%';
      uri += kHex[c >> 4];
      uri += kHex[c & 0xF];
    }
  }
  return uri;
}

}  // namespace

Statement::Statement(sqlite3* db, std::string_view sql) : m_db(db) {
  if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &m_stmt, nullptr) !=
      SQLITE_OK) {
    throwError(db, "cannot prepare a query");
  }
}

Statement::~Statement() {
  sqlite3_finalize(m_stmt);
}

Statement::Statement(Statement&& other) noexcept
    : m_db(other.m_db), m_stmt(std::exchange(other.m_stmt, nullptr)) {}

void Statement::fail(const char* what) const {
  throwError(m_db, what);
}

Statement& Statement::bind(int index, std::int64_t value) {
  if (sqlite3_bind_int64(m_stmt, index, value) != SQLITE_OK) fail("cannot bind a value");
  return *this;
}

Statement& Statement::bind(int index, double value) {
  if (sqlite3_bind_double(m_stmt, index, value) != SQLITE_OK) fail("cannot bind a value");
  return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
  if (sqlite3_bind_text(m_stmt, index, value.data(), static_cast<int>(value.size()),
                        SQLITE_TRANSIENT) != SQLITE_OK) {
    fail("cannot bind a value");
  }
  return *this;
}

Statement& Statement::bindNull(int index) {
  if (sqlite3_bind_null(m_stmt, index) != SQLITE_OK) fail("cannot bind a value");
  return *this;
}

Statement& Statement::bindColumn(int index, const Statement& row, int column) {
  if (sqlite3_bind_value(m_stmt, index, sqlite3_column_value(row.m_stmt, column)) != SQLITE_OK) {
    fail("cannot bind a value");
  }
  return *this;
}

bool Statement::step() {
  const int rc = sqlite3_step(m_stmt);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  fail("database error");
}

void Statement::run() {
  while (step()) {
  }
}

void Statement::reset() {
  sqlite3_reset(m_stmt);
  sqlite3_clear_bindings(m_stmt);
}

bool Statement::isNull(int column) const {
  return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

std::int64_t Statement::int64(int column) const {
  return sqlite3_column_int64(m_stmt, column);
}

double Statement::real(int column) const {
  return sqlite3_column_double(m_stmt, column);
}

std::string Statement::text(int column) const {
  const auto* text = sqlite3_column_text(m_stmt, column);
  const int size = sqlite3_column_bytes(m_stmt, column);
  return text ? std::string(reinterpret_cast<const char*>(text), static_cast<size_t>(size)) : "";
}

std::optional<std::int64_t> Statement::optionalInt64(int column) const {
  if (isNull(column)) return std::nullopt;
  return int64(column);
}

std::optional<std::string> Statement::optionalText(int column) const {
  if (isNull(column)) return std::nullopt;
  return text(column);
}

Database::Database(const std::filesystem::path& path, Access access) : m_path(path) {
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  std::string name = path.string();
  if (access == Access::ReadOnly) {
    flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX;
    // To read a WAL database SQLite needs its -shm index, and a reader creates it (and a
    // -wal) when missing, then leaves both behind since it may not checkpoint. A missing -shm
    // means no writer has the file open (the store always writes in WAL mode), so the file is
    // read as it stands ("immutable"); with one, a live writer's WAL is read through it.
    std::error_code ec;
    const bool shared = std::filesystem::exists(path.string() + "-shm", ec);
    name = uriFor(path) + (shared ? "?mode=ro" : "?mode=ro&immutable=1");
  }
  if (sqlite3_open_v2(name.c_str(), &m_db, flags, nullptr) != SQLITE_OK) {
    const std::string reason = m_db ? sqlite3_errmsg(m_db) : "out of memory";
    sqlite3_close(m_db);
    m_db = nullptr;
    throw StoreError("cannot open " + path.string() + ": " + reason);
  }
  sqlite3_extended_result_codes(m_db, 1);
}

Database::~Database() {
  sqlite3_close_v2(m_db);
}

Database Database::inMemory() {
  return Database(":memory:");
}

Database::Database(Database&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)), m_path(std::move(other.m_path)) {}

Database& Database::operator=(Database&& other) noexcept {
  if (this != &other) {
    sqlite3_close_v2(m_db);
    m_db = std::exchange(other.m_db, nullptr);
    m_path = std::move(other.m_path);
  }
  return *this;
}

Database Database::copyInMemory() {
  Database copy = inMemory();
  sqlite3_backup* backup = sqlite3_backup_init(copy.m_db, "main", m_db, "main");
  if (!backup) throwError(copy.m_db, "cannot read the database");
  const int rc = sqlite3_backup_step(backup, -1);
  sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE) throwError(m_db, "cannot read the database");
  return copy;
}

void Database::exec(std::string_view sql) {
  const std::string text(sql);
  char* message = nullptr;
  if (sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    const std::string reason = message ? message : sqlite3_errmsg(m_db);
    sqlite3_free(message);
    afterFailure(m_db);
    const std::string plain = plainReason(m_db);
    throw StoreError(plain.empty() ? "database error: " + reason : plain);
  }
}

std::int64_t Database::lastInsertId() const {
  return sqlite3_last_insert_rowid(m_db);
}

int Database::changes() const {
  return sqlite3_changes(m_db);
}

std::int64_t Database::queryInt(std::string_view sql) {
  Statement statement = prepare(sql);
  return statement.step() ? statement.int64(0) : 0;
}

void Database::skipCheckpointOnClose() {
  sqlite3_db_config(m_db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
}

bool Database::inTransaction() const {
  return sqlite3_get_autocommit(m_db) == 0;
}

Transaction::Transaction(Database& db) : m_db(db), m_nested(db.inTransaction()) {
  m_db.exec(m_nested ? "SAVEPOINT nested" : "BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
  if (m_done) return;
  try {
    m_db.exec(m_nested ? "ROLLBACK TO nested; RELEASE nested" : "ROLLBACK");
  } catch (const StoreError&) {
    // The connection is already broken; SQLite rolls back on close.
  }
}

void Transaction::commit() {
  m_db.exec(m_nested ? "RELEASE nested" : "COMMIT");
  m_done = true;
}

}  // namespace unknot
