// The record as files: checking a backup before it is restored, swapping it in atomically while
// keeping the current one, forgetting the record, and whether a recording holds it right now.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace unknot {

// What a database file holds, read without writing a byte to it.
struct RecordSummary {
  int schema = 0;
  std::int64_t sessions = 0, checkins = 0, plans = 0;
};

// Opens `file` read-only and checks it is an unknot record this version can read, whole
// (PRAGMA integrity_check); throws StoreError saying what is wrong otherwise.
RecordSummary checkRecordFile(const std::filesystem::path& file);

// True while another process records a session into the record in `dir` (its lock is held).
bool recordInUse(const std::filesystem::path& dir);

// The name restore gives the copy of the record it replaces: "unknot-before-restore-STAMP.db".
std::string keptRecordName(const std::string& stamp);

// Replaces DIR/unknot.db with a copy of `backup` (checked first): the current record is first
// copied to `keep` (a consistent online backup) when there is one; the copy of `backup` is
// written beside the live file and renamed over it, so the record is always one or the other.
// The restored file is then opened once, which upgrades an older schema. Throws StoreError,
// with the record unchanged, when anything before the rename fails.
void restoreRecord(const std::filesystem::path& dir, const std::filesystem::path& backup,
                   const std::filesystem::path& keep);

// Deletes the record (DIR/unknot.db, its -wal and -shm files, and the copies restore kept,
// DIR/unknot-before-restore-*.db); returns the files removed. Throws StoreError when one cannot be
// removed.
std::vector<std::filesystem::path> forgetRecord(const std::filesystem::path& dir);

}  // namespace unknot
