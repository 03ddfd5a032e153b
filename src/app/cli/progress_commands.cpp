#include "app/cli/progress_commands.hpp"

#include <cstdlib>
#include <memory>
#include <ostream>

#include "app/cli/command_support.hpp"
#include "app/cli/progress_text.hpp"
#include "app/cli/stats_json.hpp"
#include "store/export.hpp"

namespace unknot {

namespace {

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
    auto store = openStoreForReading(options.dataDir, err);
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
    auto store = openStoreForReading(options.dataDir, err);
    const LocalInstant now = localNow();
    const auto snapshot = store->snapshot(now);
    const DateRange range{snapshot.today - std::chrono::days(options.days - 1), snapshot.today};
    printHistory(store->sessions(range), store->checkins(range), snapshot, range, out);
    return kExitOk;
  });
}

int statsCommand(const ProgressOptions& options, std::ostream& out, std::ostream& err) {
  return guarded(err, [&] {
    auto store = openStoreForReading(options.dataDir, err);
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
    auto store = openStoreForReading(options.dataDir, err);
    for (const auto& file : exportCsv(*store, options.exportDir, localNow())) {
      out << "wrote " << file.string() << '\n';
    }
    return kExitOk;
  });
}

int backupCommand(const ProgressOptions& options, std::ostream& out, std::ostream& err) {
  return guarded(err, [&] {
    if (options.backupFile.empty()) throw UsageError{"backup: expected a file name"};
    auto store = openStoreForReading(options.dataDir, err);
    store->backup(options.backupFile);
    out << "Backed up " << store->path().string() << " to " << options.backupFile << '\n';
    return kExitOk;
  });
}

}  // namespace unknot
