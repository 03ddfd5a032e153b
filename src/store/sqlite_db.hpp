// A thin RAII layer over the SQLite C API: a connection, prepared statements with bound values
// and transactions that roll back unless committed; failures are StoreErrors with SQLite's reason,
// or plain words when the disk, the folder or another program was the cause.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace unknot {

class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Statement {
 public:
  Statement(sqlite3* db, std::string_view sql);
  ~Statement();
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&&) = delete;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Parameters are 1-based, as in SQL (?1, ?2, ...).
  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
  Statement& bind(int index, double value);
  Statement& bind(int index, std::string_view value);
  Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
  Statement& bind(int index, const std::string& value) {
    return bind(index, std::string_view(value));
  }
  Statement& bindNull(int index);
  // Binds column `column` of `row` (another statement's current row) as it is, type and all.
  Statement& bindColumn(int index, const Statement& row, int column);
  template <typename T>
  Statement& bind(int index, const std::optional<T>& value) {
    return value ? bind(index, *value) : bindNull(index);
  }

  // Advances to the next row; false when done.
  bool step();
  // Runs a statement that returns no rows.
  void run();
  void reset();

  // Columns are 0-based.
  bool isNull(int column) const;
  std::int64_t int64(int column) const;
  int integer(int column) const { return static_cast<int>(int64(column)); }
  double real(int column) const;
  std::string text(int column) const;
  std::optional<std::int64_t> optionalInt64(int column) const;
  std::optional<std::string> optionalText(int column) const;

 private:
  [[noreturn]] void fail(const char* what) const;
  sqlite3* m_db;
  sqlite3_stmt* m_stmt = nullptr;
};

class Database {
 public:
  enum class Access { ReadWrite, ReadOnly };

  // Opens an existing or new file read-write, or an existing file read-only: then nothing is
  // ever written, not even a -wal or -shm file beside it. Nothing is read yet, so a file that is
  // not a database fails on the first statement, not here.
  explicit Database(const std::filesystem::path& path, Access access = Access::ReadWrite);
  // An empty database that lives in memory only.
  static Database inMemory();
  ~Database();
  Database(Database&& other) noexcept;
  Database& operator=(Database&& other) noexcept;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  void exec(std::string_view sql);
  Statement prepare(std::string_view sql) { return Statement(m_db, sql); }
  std::int64_t lastInsertId() const;
  int changes() const;
  // The first column of the first row of a query without parameters.
  std::int64_t queryInt(std::string_view sql);
  bool inTransaction() const;
  // Closes without the checkpoint SQLite makes when the last connection goes, which writes
  // into the -shm file it keeps mapped: for a file system that stopped taking writes, where a
  // write to that mapping is a SIGBUS. Failed writes turn this on by themselves.
  void skipCheckpointOnClose();
  // A copy in memory (SQLite's online backup), to change without touching the file.
  Database copyInMemory();
  sqlite3* handle() const { return m_db; }
  const std::filesystem::path& path() const { return m_path; }

 private:
  sqlite3* m_db = nullptr;
  std::filesystem::path m_path;
};

// BEGIN IMMEDIATE (so concurrent writers wait rather than fail half-way), or a savepoint when
// already inside a transaction, so batches can wrap ordinary writes.
class Transaction {
 public:
  explicit Transaction(Database& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  Database& m_db;
  bool m_nested = false;
  bool m_done = false;
};

}  // namespace unknot
