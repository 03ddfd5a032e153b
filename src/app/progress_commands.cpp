#include "app/progress_commands.hpp"

#include <cstdlib>
#include <memory>
#include <ostream>

#include "app/progress_store.hpp"
#include "app/progress_text.hpp"
#include "app/session_extras.hpp"
#include "core/recovery/progress_json.hpp"
#include "store/data_dir.hpp"
#include "store/export.hpp"
#include "store/session_recorder.hpp"

namespace unknot {

namespace {

// Bad input: one line, exit 2. The store's own failures: one line, exit 1.
struct UsageError {
  std::string message;
};

template <typename Body>
int guarded(std::ostream& err, Body&& body) {
  try {
    return body();
  } catch (const UsageError& e) {
    err << "unknot: " << e.message << '\n';
    return kExitUsage;
  } catch (const StoreError& e) {
    err << "unknot: " << e.what() << '\n';
    return kExitFailure;
  }
}

PlanSettings applyPlanOptions(PlanSettings settings, const ProgressOptions& options) {
  if (options.weeks) settings.weeks = *options.weeks;
  if (options.restDays) settings.restDaysPerWeek = *options.restDays;
  if (options.dayStart) settings.dayStartHour = *options.dayStart;
  if (!options.targets.empty()) {
    settings.targets.clear();
    for (const auto& spec : options.targets) {
      std::string error;
      auto target = parseTargetSpec(spec, error);
      if (!target) throw UsageError{"--target: " + error};
      settings.targets.push_back(std::move(*target));
    }
  }
  if (const auto error = validatePlanSettings(settings)) throw UsageError{*error};
  return settings;
}

void checkRange(const char* flag, std::optional<int> value, int lo, int hi) {
  if (value && (*value < lo || *value > hi)) {
    throw UsageError{std::string(flag) + ": expected " + std::to_string(lo) + " to " +
                     std::to_string(hi) + ", found " + std::to_string(*value)};
  }
}

CheckinInput checkinFrom(const ProgressOptions& options) {
  CheckinInput input;
  checkRange("--pain", options.pain, 0, kMaxScore);
  checkRange("--tightness", options.tightness, 0, kMaxScore);
  input.pain = options.pain;
  input.tightness = options.tightness;
  for (const auto& name : options.symptoms) {
    const auto symptom = symptomFromString(name);
    if (!symptom) {
      throw UsageError{"--symptom: unknown symptom '" + name +
                       "' (numbness, radiating, swelling, mobility, injury)"};
    }
    input.symptoms.push_back(*symptom);
  }
  input.note = options.note;
  if (const auto error = validateCheckin(input)) throw UsageError{*error};
  return input;
}

// Owns the record and any other sinks of one session; ends with a hint to check in.
class RecordedSession final : public CueSink, public ThermalRecord, public SinkWrapper {
 public:
  RecordedSession(std::unique_ptr<SessionRecorder> recorder, std::unique_ptr<CueSink> other,
                  std::ostream* hint)
      : m_recorder(std::move(recorder)), m_other(std::move(other)), m_hint(hint) {}
  ~RecordedSession() override {
    const bool saved = m_recorder && m_recorder->sessionId() && !m_recorder->failed();
    m_recorder.reset();
    if (saved && m_hint) {
      *m_hint << "Saved to your progress (unknot stats). How does it feel now? "
                 "unknot checkin --pain N\n";
    }
  }
  RecordedSession(const RecordedSession&) = delete;
  RecordedSession& operator=(const RecordedSession&) = delete;
  void onCue(const CueEvent& event) override {
    if (m_other) m_other->onCue(event);
    if (m_recorder) m_recorder->onCue(event);
  }

  // Heat/ice cycles (issue 7) keep their deadline in the same session record.
  std::optional<StoredCycle> findResumable(std::int64_t nowUtcMs) override {
    const auto found = m_recorder ? m_recorder->findResumable(nowUtcMs) : std::nullopt;
    if (!found) return std::nullopt;
    return StoredCycle{found->sessionId, found->checkpoint};
  }
  bool adopt(std::int64_t sessionId) override { return m_recorder && m_recorder->adopt(sessionId); }
  void discard(std::int64_t sessionId) override {
    if (m_recorder) m_recorder->discard(sessionId);
  }
  void save(const ThermalCheckpoint& checkpoint, std::int64_t nowUtcMs) override {
    if (m_recorder) m_recorder->saveThermal(checkpoint, nowUtcMs);
  }
  void leaveOpen() override {
    if (m_recorder) m_recorder->leaveOpen();
    m_hint = nullptr;  // nothing was finished to be "saved"
  }
  CueSink* wrapped() override { return m_other.get(); }

 private:
  std::unique_ptr<SessionRecorder> m_recorder;
  std::unique_ptr<CueSink> m_other;
  std::ostream* m_hint;
};

}  // namespace

int planStartCommand(const ProgressOptions& options, std::ostream& out, std::ostream& err) {
  return guarded(err, [&] {
    PlanSettings settings = applyPlanOptions(defaultPlanSettings(), options);
    std::optional<LogicalDate> start;
    if (!options.date.empty()) {
      start = parseDate(options.date);
      if (!start)
        throw UsageError{"--date: expected a date like 2024-05-01, found '" + options.date + "'"};
    }
    auto store = openStore(options.dataDir, err);
    const LocalInstant now = localNow();
    const auto current = store->currentPlan();
    const LogicalDate today = store->dateFor(now);
    if (start && std::abs(daysBetween(today, *start)) > 365) {
      throw UsageError{"--date: " + options.date + " is more than a year from today"};
    }
    if (current && today <= current->end() && !options.replace) {
      err << "unknot: a plan is already running (" << formatDate(current->start) << " to "
          << formatDate(current->end()) << "); add --replace to start a new one, or change "
          << "it with `unknot plan edit`\n";
      return kExitFailure;
    }
    const RecoveryPlan plan = store->startPlan(start.value_or(today), settings, now);
    out << "Started a new recovery plan.\n";
    printPlan(plan, today, out);
    return kExitOk;
  });
}

int planShowCommand(const ProgressOptions& options, std::ostream& out, std::ostream& err) {
  return guarded(err, [&] {
    auto store = openStore(options.dataDir, err);
    const auto plan = store->currentPlan();
    if (!plan) {
      out << "No recovery plan yet. Start one with: unknot plan start\n";
      return kExitOk;
    }
    printPlan(*plan, store->dateFor(localNow()), out);
    return kExitOk;
  });
}

int planEditCommand(const ProgressOptions& options, std::ostream& out, std::ostream& err) {
  return guarded(err, [&] {
    auto store = openStore(options.dataDir, err);
    const auto current = store->currentPlan();
    if (!current) throw StoreError("there is no plan to edit; start one with `unknot plan start`");
    const PlanSettings settings = applyPlanOptions(current->current(), options);
    const LocalInstant now = localNow();
    const LogicalDate today = store->dateFor(now);
    const RecoveryPlan plan = store->editPlan(today, settings, now);
    out << "Plan changed from " << formatDate(std::max(today, plan.start))
        << " on; earlier days keep their targets.\n";
    printPlan(plan, today, out);
    return kExitOk;
  });
}

int checkinCommand(const ProgressOptions& options, std::ostream& out, std::ostream& err) {
  return guarded(err, [&] {
    const CheckinInput input = checkinFrom(options);
    auto store = openStore(options.dataDir, err);
    const LocalInstant now = localNow();
    store->addCheckin(input, now);
    out << "Check-in saved for " << formatDate(store->dateFor(now)) << ": pain " << input.pain;
    if (input.tightness) out << ", tightness " << *input.tightness;
    out << ".\n";
    // Symptoms get their advice at once; the three-week rule may fire with this check-in too.
    std::vector<RedFlag> flags;
    for (const Symptom symptom : input.symptoms) {
      flags.push_back({RedFlagKind::Symptom, symptom, store->dateFor(now), symptomAdvice(symptom)});
    }
    for (const auto& flag : store->snapshot(now).redFlags) {
      if (flag.kind == RedFlagKind::PainNotImproving) flags.push_back(flag);
    }
    if (!flags.empty()) {
      out << '\n';
      printRedFlags(flags, out);
    }
    return kExitOk;
  });
}

int historyCommand(const ProgressOptions& options, std::ostream& out, std::ostream& err) {
  return guarded(err, [&] {
    checkRange("--days", options.days, 1, 3660);
    auto store = openStore(options.dataDir, err);
    const LocalInstant now = localNow();
    const auto snapshot = store->snapshot(now);
    const DateRange range{snapshot.today - std::chrono::days(options.days - 1), snapshot.today};
    printHistory(store->sessions(range), store->checkins(range), snapshot, range, out);
    return kExitOk;
  });
}

int statsCommand(const ProgressOptions& options, std::ostream& out, std::ostream& err) {
  return guarded(err, [&] {
    auto store = openStore(options.dataDir, err);
    const auto snapshot = store->snapshot(localNow());
    if (options.json) {
      out << progressJson(snapshot);
    } else {
      printStats(snapshot, out);
    }
    return kExitOk;
  });
}

int exportCommand(const ProgressOptions& options, std::ostream& out, std::ostream& err) {
  return guarded(err, [&] {
    if (options.exportDir.empty()) throw UsageError{"--csv: expected a folder"};
    auto store = openStore(options.dataDir, err);
    for (const auto& file : exportCsv(*store, options.exportDir, localNow())) {
      out << "wrote " << file.string() << '\n';
    }
    return kExitOk;
  });
}

int backupCommand(const ProgressOptions& options, std::ostream& out, std::ostream& err) {
  return guarded(err, [&] {
    if (options.backupFile.empty()) throw UsageError{"backup: expected a file name"};
    auto store = openStore(options.dataDir, err);
    store->backup(options.backupFile);
    out << "Backed up " << store->path().string() << " to " << options.backupFile << '\n';
    return kExitOk;
  });
}

SessionSinkFactory recordingSinkFactory(const Library& library, const std::string& dataDir,
                                        const std::string& runner, std::ostream& out,
                                        std::ostream& err, SessionSinkFactory other) {
  const RoutineLibrary* routines = &library.routines;
  return [=, &out, &err](const Plan& plan, const Clock& clock) -> std::unique_ptr<CueSink> {
    std::unique_ptr<CueSink> extra = other ? other(plan, clock) : nullptr;
    std::unique_ptr<SessionRecorder> recorder;
    try {
      SessionRecorder::Options options;
      options.runner = runner;
      options.categoryOf = [routines](std::string_view id) -> std::optional<Category> {
        const Routine* routine = routines->findRoutine(id);
        if (!routine) return std::nullopt;
        return routine->category;
      };
      options.onError = [&err](const std::string& message) {
        err << "unknot: could not save progress, the rest of this session is not recorded: "
            << message << '\n';
      };
      recorder = std::make_unique<SessionRecorder>(openStore(dataDir, err), plan, options);
    } catch (const StoreError& e) {
      err << "unknot: this session will not be recorded (the timer runs as usual): " << e.what()
          << '\n';
    }
    return std::make_unique<RecordedSession>(std::move(recorder), std::move(extra),
                                             runner == "terminal" ? &out : nullptr);
  };
}

}  // namespace unknot
