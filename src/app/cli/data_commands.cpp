#include "app/cli/data_commands.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <istream>
#include <ostream>
#include <vector>

#include "app/cli/command_support.hpp"
#include "store/record_files.hpp"

namespace unknot {

namespace fs = std::filesystem;

namespace {

struct KeptFile {
  fs::path path;
  std::uintmax_t bytes = 0;
};

std::vector<KeptFile> filesUnder(const fs::path& dir) {
  std::vector<KeptFile> files;
  std::error_code ec;
  if (dir.empty() || !fs::is_directory(dir, ec)) return files;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    std::error_code sizeError;
    if (!it->is_regular_file(sizeError)) continue;
    files.push_back({it->path(), it->file_size(sizeError)});
  }
  std::sort(files.begin(), files.end(),
            [](const KeptFile& a, const KeptFile& b) { return a.path < b.path; });
  return files;
}

const fs::path& recordDir(const AppPaths& paths) {
  if (!paths.data.error.empty()) throw CommandFailure{paths.data.error};
  return paths.data.path;
}

std::string summaryText(const RecordSummary& summary) {
  return counted(summary.sessions, "session") + ", " + counted(summary.checkins, "check-in") +
         ", " + counted(summary.plans, "plan");
}

// "2024-05-01-143005": a copy's name says when it was set aside and sorts by it.
std::string stamp(const LocalInstant& at) {
  std::string iso = formatIso8601(at);  // 2024-05-01T14:30:05+02:00
  return iso.substr(0, 10) + "-" + iso.substr(11, 2) + iso.substr(14, 2) + iso.substr(17, 2);
}

bool ask(std::istream& in, std::ostream& out, const std::string& question) {
  out << question << std::flush;
  std::string answer;
  return static_cast<bool>(std::getline(in, answer)) ? answer != "n" && answer != "N" : false;
}

}  // namespace

std::string sizeText(std::uintmax_t bytes) {
  if (bytes < 1024) return std::to_string(bytes) + " B";
  char buffer[32];
  const double kib = static_cast<double>(bytes) / 1024.0;
  if (kib < 1024) {
    std::snprintf(buffer, sizeof buffer, "%.1f KiB", kib);
  } else {
    std::snprintf(buffer, sizeof buffer, "%.1f MiB", kib / 1024.0);
  }
  return buffer;
}

int dataCommand(const AppPaths& paths, std::ostream& out, std::ostream& err) {
  return guarded(err, "data", [&] {
    const fs::path& data = recordDir(paths);
    const fs::path config = paths.settingsFile.parent_path();
    std::uintmax_t total = 0;
    size_t count = 0;
    const auto section = [&](const std::string& title, const fs::path& dir) {
      const auto files = filesUnder(dir);
      out << title << " (" << displayPath(paths, dir) << "):\n";
      if (files.empty()) out << "  nothing yet\n";
      size_t width = 0;
      for (const KeptFile& f : files) {
        width = std::max(width, f.path.lexically_relative(dir).string().size());
      }
      for (const KeptFile& f : files) {
        const std::string name = f.path.lexically_relative(dir).string();
        out << "  " << name << std::string(width - name.size() + 2, ' ') << sizeText(f.bytes)
            << '\n';
        total += f.bytes;
        ++count;
      }
    };
    section("Your record: sessions, check-ins, plans, flare days, levels, reminders", data);
    if (!config.empty()) section("Your settings and routines", config);
    out << "In all " << counted(static_cast<long long>(count), "file") << ", " << sizeText(total)
        << ". Nothing leaves this computer: unknot sends nothing anywhere.\n";
    return kExitOk;
  });
}

int forgetCommand(const AppPaths& paths, const DataOptions& options, std::istream& in,
                  std::ostream& out, std::ostream& err) {
  return guarded(err, "forget", [&] {
    if (!options.all) {
      throw UsageError{
          "expected --all: the whole record (sessions, check-ins, plans, flare "
          "days, levels and reminders) is what can be forgotten"};
    }
    const fs::path& dir = recordDir(paths);
    const fs::path live = dir / Store::kFileName;
    std::error_code ec;
    if (!fs::exists(live, ec)) {
      out << "There is no record to forget in " << displayPath(paths, dir) << ".\n";
      return kExitOk;
    }
    if (!options.yes && !options.interactive) {
      throw CommandFailure{"this deletes your whole record; confirm on a terminal, or add --yes"};
    }
    std::string backup = options.backupFile;
    if (!options.yes) {
      std::string what = "your whole record";
      try {
        what += " (" + summaryText(checkRecordFile(live)) + ")";
      } catch (const StoreError&) {
        // A damaged record can still be forgotten; it just cannot be counted.
      }
      out << "This deletes " << what << " in " << displayPath(paths, dir)
          << ". It cannot be undone.\n";
      if (backup.empty() && !paths.documentsDir.empty()) {
        const fs::path offer =
            paths.documentsDir / ("unknot-backup-" + formatDate(logicalDate(localNow())) + ".db");
        if (ask(in, out, "Write a backup to " + displayPath(paths, offer) + " first? [Y/n] ")) {
          backup = offer.string();
        }
      }
    }
    if (!backup.empty()) {
      if (fs::is_directory(backup, ec)) {
        throw CommandFailure{backup + " is a folder; give a file name for the backup"};
      }
      openStoreForReading(paths.data, err)->backup(backup);
      out << "Backed up your record to " << backup << '\n';
    }
    if (!options.yes) {
      out << "Type forget to delete it: " << std::flush;
      std::string typed;
      std::getline(in, typed);
      if (typed != "forget") throw CommandFailure{"not confirmed; nothing was deleted"};
    }
    const auto removed = forgetRecord(dir);
    out << "Deleted your record (" << counted(static_cast<long long>(removed.size()), "file")
        << " in " << displayPath(paths, dir) << "). Your settings and routines are kept"
        << (paths.settingsFile.empty()
                ? "."
                : " in " + displayPath(paths, paths.settingsFile.parent_path()) + ".")
        << '\n';
    return kExitOk;
  });
}

int restoreCommand(const AppPaths& paths, const DataOptions& options, std::ostream& out,
                   std::ostream& err) {
  return guarded(err, "restore", [&] {
    if (options.restoreFile.empty()) throw UsageError{"expected a backup file"};
    const fs::path& dir = recordDir(paths);
    const fs::path live = dir / Store::kFileName;
    std::error_code ec;
    if (fs::exists(live, ec) && fs::equivalent(options.restoreFile, live, ec)) {
      throw CommandFailure{options.restoreFile + " is the record itself; give a backup"};
    }
    const RecordSummary summary = checkRecordFile(options.restoreFile);
    const bool hadRecord = fs::exists(live, ec);
    // Never over an earlier copy (two restores in one second), which may be the file restored.
    const std::string when = stamp(localNow());
    fs::path keep = dir / keptRecordName(when);
    for (int n = 2; fs::exists(keep, ec); ++n) {
      keep = dir / keptRecordName(when + "-" + std::to_string(n));
    }
    restoreRecord(dir, options.restoreFile, keep);
    if (hadRecord) out << "Kept your previous record as " << displayPath(paths, keep) << '\n';
    out << "Restored " << options.restoreFile << ": " << summaryText(summary) << ".\n";
    return kExitOk;
  });
}

int mergeCommand(const AppPaths& paths, const DataOptions& options, std::ostream& out,
                 std::ostream& err) {
  return guarded(err, "merge", [&] {
    if (options.mergeFile.empty()) throw UsageError{"expected the other computer's record"};
    const fs::path& dir = recordDir(paths);
    std::error_code ec;
    if (fs::exists(dir / Store::kFileName, ec) &&
        fs::equivalent(options.mergeFile, dir / Store::kFileName, ec)) {
      throw CommandFailure{options.mergeFile + " is this computer's record itself"};
    }
    const MergeResult merged = openStore(paths.data, err)->merge(options.mergeFile);
    out << "Merged " << options.mergeFile << ": " << counted(merged.sessions, "session") << ", "
        << counted(merged.checkins, "check-in") << ", " << counted(merged.flareDays, "flare day")
        << ", " << counted(merged.plans, "plan") << " and "
        << counted(merged.planVersions, "plan change") << " new";
    if (merged.alreadyHere > 0) out << "; " << merged.alreadyHere << " already here";
    out << ".\n";
    for (const std::string& note : merged.notes) out << "Note: " << note << ".\n";
    return kExitOk;
  });
}

}  // namespace unknot
