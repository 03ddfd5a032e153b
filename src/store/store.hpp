// The progress store: one SQLite file of appended events (sessions, completed phases, check-ins,
// plans); streaks and scores are computed from them, a crashed session is closed on next open.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/plan.hpp"
#include "core/recovery/checkin.hpp"
#include "core/recovery/progress_stats.hpp"
#include "core/reminders/reminder_schedule.hpp"
#include "core/thermal/thermal_checkpoint.hpp"
#include "store/sqlite_db.hpp"

namespace unknot {

class SessionLock;

enum class SessionOutcome { Completed, Stopped, Interrupted };
const char* toString(SessionOutcome outcome);

// What a session set out to do, written when it starts.
struct SessionStart {
  std::string routineId;
  std::string routineName;
  Category category = Category::Mixed;
  std::string planHash;
  Millis planned{0};
  int phaseCount = 0;
  std::string runner = "terminal";
  struct Part {
    std::string routineId;
    Category category = Category::Mixed;
    int workPhases = 0;
  };
  std::vector<Part> parts;        // one per routine the plan contains (itself and embedded ones)
  Level level = Level::Standard;  // the dose the plan was expanded at
  Side soreSide = Side::None;     // None: no sore side (both)
};

// Describes the plan's parts: work phases (hold, reps, heat, ice, manual) per routine id.
// `categoryOf` names the category of embedded routines; unknown ids get the plan's own.
using CategoryLookup = std::function<std::optional<Category>(std::string_view routineId)>;
SessionStart describeSession(const Plan& plan, const CategoryLookup& categoryOf);
bool isWorkPhase(PhaseKind kind);

struct PhaseRecord {
  size_t index = 0;
  PhaseKind kind = PhaseKind::Hold;
  std::string label;
  std::string routineId;
  Category category = Category::Mixed;
  Side side = Side::None;
  std::optional<Millis> planned;
  Millis actual{0};  // pauses excluded
  bool skipped = false;
  std::vector<std::string> muscles;  // the step's muscles (work phases)
};

struct CheckinInput {
  int pain = 0;
  std::optional<int> tightness;
  std::vector<Symptom> symptoms;
  std::vector<Symptom> gone;  // reported earlier and gone now; none may be in `symptoms` too
  std::string note;
  std::optional<std::int64_t> sessionId;
  CheckinMoment moment = CheckinMoment::Any;
};

// One-line reason when a check-in is out of range; nullopt when it is fine.
std::optional<std::string> validateCheckin(const CheckinInput& checkin);

struct SessionSummary {
  std::int64_t id = 0;
  std::string routineId, routineName, planHash, runner;
  Category category = Category::Mixed;
  LocalInstant started;
  LogicalDate date;
  std::optional<LocalInstant> ended;
  std::optional<SessionOutcome> outcome;  // nullopt: still running (or crashed, not yet closed)
  Millis planned{0};
  Millis active{0};  // completed phases, pauses excluded
  int phasesDone = 0, phasesSkipped = 0;
  std::optional<Level> level;  // nullopt: recorded before levels (schema 6)
  std::optional<Side> soreSide;
};

struct PhaseRow {
  std::int64_t sessionId = 0;
  PhaseRecord phase;
  LocalInstant ended;
  LogicalDate date;
};

// What a merge brought in, and what it says about plans that met.
struct MergeResult {
  int sessions = 0, checkins = 0, flareDays = 0, plans = 0, planVersions = 0;
  int alreadyHere = 0;             // sessions and check-ins this record had already
  std::vector<std::string> notes;  // two plans met: which was kept, and why
};

class Store {
 public:
  static constexpr const char* kFileName = "unknot.db";

  enum class Access { ReadWrite, ReadOnly };

  // ReadWrite opens (creating when missing) DIR/unknot.db, applies migrations and closes
  // sessions left open by a process that died. ReadOnly creates, migrates and closes nothing
  // and never writes a byte: a missing file reads as an empty record, an older schema is
  // upgraded in a copy in memory, and every write throws. Throws StoreError with a one-line
  // message; a file that is not a current unknot database is never changed.
  explicit Store(const std::filesystem::path& dir, Access access = Access::ReadWrite);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // False when DIR/unknot.db cannot be written for lack of permission: the folder (or, while it
  // does not exist, the one it would be made in) or the file is read-only by its modes, the
  // immutable attribute, a read-only mount or a file system the kernel turned read-only after
  // a disk error. Other problems are left to the opening to report.
  static bool writable(const std::filesystem::path& dir);

  const std::filesystem::path& path() const { return m_path; }
  bool readOnly() const { return m_readOnly; }
  int schemaVersion();
  // Sessions closed as interrupted when this store was opened.
  int recoveredSessions() const { return m_recovered; }

  // Wraps many writes in one transaction (imports, generated histories).
  Transaction batch() { return Transaction(m_db); }

  // The logical date for an event at `at`: the current plan's day start, kept from running
  // backwards against the latest recorded date (see stableLogicalDate).
  LogicalDate dateFor(const LocalInstant& at);
  int dayStartHour();

  // Sessions.
  std::int64_t beginSession(const SessionStart& start, const LocalInstant& at);
  void addPhase(std::int64_t session, const PhaseRecord& phase, const LocalInstant& at);
  void endSession(std::int64_t session, SessionOutcome outcome, const LocalInstant& at);
  // Closes as interrupted every open session whose process is gone; returns how many.
  int closeInterruptedSessions();

  // Check-ins; throws StoreError on values out of range.
  std::int64_t addCheckin(const CheckinInput& checkin, const LocalInstant& at);

  // Plans. Starting a plan cuts the current one off the day before; editing adds a version
  // effective from `from` (past days keep their targets).
  std::optional<RecoveryPlan> currentPlan();
  std::vector<RecoveryPlan> plans();
  RecoveryPlan startPlan(LogicalDate start, const PlanSettings& settings, const LocalInstant& now);
  RecoveryPlan editPlan(LogicalDate from, const PlanSettings& settings, const LocalInstant& now);

  // Levels and flares (schema 6). A level set by hand holds from `from` on in the current plan
  // (nullopt is `auto`); throws StoreError without a plan. A flare day keeps one row per day:
  // marking it again replaces the note.
  void setLevelOverride(std::optional<Level> level, LogicalDate from, const LocalInstant& now);
  std::vector<LevelOverride> levelOverrides(std::int64_t planId);
  void markFlare(LogicalDate day, const std::string& note, const LocalInstant& at);
  std::vector<FlareDay> flareDays(const DateRange& range);

  // Queries.
  std::vector<SessionPart> sessionParts(const DateRange& range);
  // Completed holds with a side, summed per session phase (for the per-side balance).
  std::vector<HoldRecord> holdRecords(const DateRange& range);
  std::vector<CheckinRecord> checkins(const DateRange& range);
  // Every symptom reported or said gone, in the order of the check-ins (for symptom flags,
  // which stay until a check-in says the symptom has gone).
  std::vector<SymptomMark> symptomMarks();
  // The daily mean pain of the first `most` days in `range` that have check-ins.
  std::vector<DailyPain> firstPainDays(const DateRange& range, int most);
  std::vector<SessionSummary> sessions(const DateRange& range);
  void forEachPhase(const std::function<void(const PhaseRow&)>& visit);
  std::optional<DateRange> recordedRange();
  ProgressInput progressInput(const LocalInstant& now);
  ProgressSnapshot snapshot(const LocalInstant& now) {
    return progressSnapshot(progressInput(now));
  }

  // Daily reminders. addReminder throws StoreError on a duplicate time and target.
  std::vector<Reminder> reminders();
  Reminder addReminder(int minuteOfDay, const std::string& target, const LocalInstant& now);
  // Removes the reminders at `minuteOfDay` (only those for `target` when it is not empty);
  // returns how many went.
  int removeReminders(int minuteOfDay, const std::string& target);
  std::vector<ReminderEvent> reminderEvents(LogicalDate day);
  // Everything the reminder due logic needs about the logical day of `now` (set in `today`).
  ReminderSituation reminderSituation(const LocalInstant& now, LogicalDate& today);
  void addReminderEvent(const ReminderEvent& event);

  // Heat/ice deadlines. A session with a thermal row stays open when its process
  // dies, so the cycle can be resumed, for kThermalResumeWindow after its switch fell due;
  // ending a session (or closing it as interrupted) drops the row.
  static constexpr Millis kThermalResumeWindow{2LL * 3600 * 1000};
  struct ThermalSession {
    std::int64_t sessionId = 0;
    std::string routineId, planHash;
    ThermalCheckpoint checkpoint;
    std::int64_t updatedUtcMs = 0;
  };
  void saveThermal(std::int64_t session, const ThermalCheckpoint& checkpoint,
                   std::int64_t nowUtcMs);
  std::optional<ThermalCheckpoint> thermalCheckpoint(std::int64_t session);
  // The latest open session of `routineId` that no live process runs and that is still
  // within the resume window at `nowUtcMs`.
  std::optional<ThermalSession> resumableThermal(const std::string& routineId,
                                                 std::int64_t nowUtcMs);
  // This process takes over recording an open session (after resumableThermal). Throws
  // StoreError when another process still runs it.
  void adoptSession(std::int64_t session);
  // Lets go of a session without ending it: the app closed mid-cycle, to come back to it.
  void leaveSession(std::int64_t session);

  // Brings in another computer's record (a file of schema 7: an older one must be opened once
  // first): its finished sessions, check-ins, flare days and plans, by their stable ids, in
  // one transaction; what is already here is skipped, so merging twice changes nothing. Of two
  // plans the newer (started last) is kept as the current one and the notes say so.
  MergeResult merge(const std::filesystem::path& other);

  // SQLite online backup to `destination`, written to a temporary file and renamed into place.
  void backup(const std::filesystem::path& destination);

 private:
  // Before each write of a session, which runs for minutes while the folder may turn read-only
  // (a disk error, chattr +i): SQLite would write into the -shm file it keeps mapped, and on a
  // read-only file that is a SIGBUS, not an error. So it is asked first, and the connection
  // then closes without touching the files. Throws StoreError "DIR became read-only".
  void requireWritable();
  void mergePlans(Database& theirs, MergeResult& result);
  std::optional<LogicalDate> latestRecordedDate();
  std::int64_t insertPlanVersion(std::int64_t plan, LogicalDate from, const PlanSettings& settings,
                                 const LocalInstant& now);

  std::filesystem::path m_dir, m_path;
  bool m_readOnly = false;
  Database m_db;
  std::optional<int> m_dayStartHour;  // cached; plan writes refresh it
  std::map<std::int64_t, std::unique_ptr<SessionLock>> m_locks;
  int m_recovered = 0;
};

}  // namespace unknot
