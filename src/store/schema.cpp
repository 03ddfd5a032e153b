#include "store/schema.hpp"

#include <array>
#include <string>

namespace unknot {

namespace {

// Version 1: sessions with their phases, check-ins with symptom flags, plans with versions.
// Every event keeps its UTC instant (ms), the UTC offset then (s) and its logical date.
constexpr std::string_view kVersion1 = R"sql(
CREATE TABLE sessions (
  id INTEGER PRIMARY KEY,
  routine_id TEXT NOT NULL,
  routine_name TEXT NOT NULL,
  category TEXT NOT NULL,
  plan_hash TEXT NOT NULL,
  planned_ms INTEGER NOT NULL,
  phase_count INTEGER NOT NULL,
  runner TEXT NOT NULL,
  lock_token TEXT,
  started_utc_ms INTEGER NOT NULL,
  started_offset_s INTEGER NOT NULL,
  logical_date TEXT NOT NULL,
  ended_utc_ms INTEGER,
  ended_offset_s INTEGER,
  outcome TEXT CHECK (outcome IN ('completed', 'stopped', 'interrupted'))
);
CREATE INDEX sessions_by_date ON sessions (logical_date);
CREATE INDEX sessions_open ON sessions (id) WHERE outcome IS NULL;

CREATE TABLE phases (
  id INTEGER PRIMARY KEY,
  session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  phase_index INTEGER NOT NULL,
  kind TEXT NOT NULL,
  label TEXT NOT NULL,
  routine_id TEXT NOT NULL,
  category TEXT NOT NULL,
  side TEXT NOT NULL,
  planned_ms INTEGER,
  actual_ms INTEGER NOT NULL,
  skipped INTEGER NOT NULL CHECK (skipped IN (0, 1)),
  ended_utc_ms INTEGER NOT NULL,
  ended_offset_s INTEGER NOT NULL,
  logical_date TEXT NOT NULL
);
CREATE INDEX phases_by_session ON phases (session_id);

CREATE TABLE checkins (
  id INTEGER PRIMARY KEY,
  at_utc_ms INTEGER NOT NULL,
  at_offset_s INTEGER NOT NULL,
  logical_date TEXT NOT NULL,
  pain INTEGER NOT NULL CHECK (pain BETWEEN 0 AND 10),
  tightness INTEGER CHECK (tightness BETWEEN 0 AND 10),
  note TEXT NOT NULL DEFAULT '',
  session_id INTEGER REFERENCES sessions (id) ON DELETE SET NULL,
  moment TEXT NOT NULL DEFAULT 'any' CHECK (moment IN ('any', 'before', 'after'))
);
CREATE INDEX checkins_by_date ON checkins (logical_date);

CREATE TABLE checkin_symptoms (
  checkin_id INTEGER NOT NULL REFERENCES checkins (id) ON DELETE CASCADE,
  symptom TEXT NOT NULL,
  PRIMARY KEY (checkin_id, symptom)
) WITHOUT ROWID;

CREATE TABLE plans (
  id INTEGER PRIMARY KEY,
  start_date TEXT NOT NULL,
  created_utc_ms INTEGER NOT NULL,
  cut_off_date TEXT
);

CREATE TABLE plan_versions (
  id INTEGER PRIMARY KEY,
  plan_id INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  effective_from TEXT NOT NULL,
  weeks INTEGER NOT NULL CHECK (weeks BETWEEN 2 AND 6),
  rest_days_per_week INTEGER NOT NULL,
  day_start_hour INTEGER NOT NULL,
  created_utc_ms INTEGER NOT NULL,
  UNIQUE (plan_id, effective_from)
);

CREATE TABLE plan_targets (
  version_id INTEGER NOT NULL REFERENCES plan_versions (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  spec TEXT NOT NULL,
  PRIMARY KEY (version_id, position)
) WITHOUT ROWID;
)sql";

// Version 2: what each session planned per routine it contains, so a mixed routine (one that
// embeds others) credits each part and a stopped session counts by what was done. Version 1
// did not keep the planned counts; the recorded phases are the best estimate for old rows.
constexpr std::string_view kVersion2 = R"sql(
CREATE TABLE session_parts (
  session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  routine_id TEXT NOT NULL,
  category TEXT NOT NULL,
  work_phases INTEGER NOT NULL,
  PRIMARY KEY (session_id, routine_id)
) WITHOUT ROWID;
INSERT INTO session_parts (session_id, routine_id, category, work_phases)
  SELECT session_id, routine_id, min(category), count(DISTINCT phase_index)
  FROM phases WHERE kind IN ('hold', 'reps', 'heat', 'ice', 'manual')
  GROUP BY session_id, routine_id;
)sql";

// Version 3: daily reminder times per target, and what happened to each reminder
// on a logical day (fired, snoozed until, silenced; reminder_id 0 silences them all), so a
// cron job or timer calling `unknot remind --once` never repeats one.
constexpr std::string_view kVersion3 = R"sql(
CREATE TABLE reminders (
  id INTEGER PRIMARY KEY,
  minute_of_day INTEGER NOT NULL CHECK (minute_of_day BETWEEN 0 AND 1439),
  target TEXT NOT NULL,
  created_utc_ms INTEGER NOT NULL,
  UNIQUE (minute_of_day, target)
);
CREATE TABLE reminder_events (
  id INTEGER PRIMARY KEY,
  reminder_id INTEGER NOT NULL,
  logical_date TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('fired', 'snoozed', 'silenced')),
  at_utc_ms INTEGER NOT NULL,
  until_utc_ms INTEGER
);
CREATE INDEX reminder_events_by_date ON reminder_events (logical_date);
)sql";

// Version 4: where a running heat/ice cycle stands on the wall clock, one row per
// open session: the phase, and its UTC deadline (running), time left (paused) or the instant
// its switch fell due (held). A session with a recent row is resumable instead of interrupted.
constexpr std::string_view kVersion4 = R"sql(
CREATE TABLE thermal_deadlines (
  session_id INTEGER PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
  phase_index INTEGER NOT NULL CHECK (phase_index >= 0),
  state TEXT NOT NULL CHECK (state IN ('running', 'paused', 'held')),
  deadline_utc_ms INTEGER,
  remaining_ms INTEGER,
  held_since_utc_ms INTEGER,
  time_scale REAL NOT NULL DEFAULT 1 CHECK (time_scale > 0),
  updated_utc_ms INTEGER NOT NULL
);
)sql";

// Version 5: the symptoms a check-in says have gone. A symptom flag stays up from the check-in
// that reports it until a later one marks it gone here (no more silent expiry).
constexpr std::string_view kVersion5 = R"sql(
CREATE TABLE checkin_gone (
  checkin_id INTEGER NOT NULL REFERENCES checkins (id) ON DELETE CASCADE,
  symptom TEXT NOT NULL,
  PRIMARY KEY (checkin_id, symptom)
) WITHOUT ROWID;
)sql";

// Version 6: the plan's level and sore side. Each plan version's sore side ('both' for older
// ones) and extra holds on it; levels set by hand (`auto` returns to the rules); flare days
// with their note; the level and sore side each session ran at (NULL before: the routine as
// written); and each phase's muscles, comma-separated ('' when unknown).
constexpr std::string_view kVersion6 = R"sql(
ALTER TABLE plan_versions ADD COLUMN sore_side TEXT NOT NULL DEFAULT 'both'
  CHECK (sore_side IN ('left', 'right', 'both'));
ALTER TABLE plan_versions ADD COLUMN extra_sore_holds INTEGER NOT NULL DEFAULT 1
  CHECK (extra_sore_holds BETWEEN 0 AND 2);
CREATE TABLE level_overrides (
  id INTEGER PRIMARY KEY,
  plan_id INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  effective_from TEXT NOT NULL,
  level TEXT NOT NULL CHECK (level IN ('gentle', 'standard', 'strong', 'auto')),
  created_utc_ms INTEGER NOT NULL
);
CREATE INDEX level_overrides_by_plan ON level_overrides (plan_id);
CREATE TABLE flare_days (
  logical_date TEXT PRIMARY KEY,
  note TEXT NOT NULL DEFAULT '',
  at_utc_ms INTEGER NOT NULL,
  at_offset_s INTEGER NOT NULL
) WITHOUT ROWID;
ALTER TABLE sessions ADD COLUMN level TEXT
  CHECK (level IS NULL OR level IN ('gentle', 'standard', 'strong'));
ALTER TABLE sessions ADD COLUMN sore_side TEXT
  CHECK (sore_side IS NULL OR sore_side IN ('left', 'right', 'both'));
ALTER TABLE phases ADD COLUMN muscles TEXT NOT NULL DEFAULT '';
)sql";

// Version 7: stable ids, so two computers' records can be merged without counting anything
// twice. This database's device id (random, one row); each session, check-in and plan gets a
// random UUID and the device that wrote it, existing rows included. New rows get theirs from
// the triggers; rows merged from another record arrive with their own.
constexpr std::string_view kVersion7 = R"sql(
CREATE TABLE device (id TEXT NOT NULL);
INSERT INTO device (id) VALUES (lower(hex(randomblob(16))));
ALTER TABLE sessions ADD COLUMN uuid TEXT;
ALTER TABLE sessions ADD COLUMN device TEXT;
UPDATE sessions SET uuid = lower(hex(randomblob(16))), device = (SELECT id FROM device);
CREATE UNIQUE INDEX sessions_by_uuid ON sessions (uuid);
CREATE TRIGGER sessions_stable_id AFTER INSERT ON sessions WHEN NEW.uuid IS NULL BEGIN
  UPDATE sessions SET uuid = lower(hex(randomblob(16))), device = (SELECT id FROM device)
  WHERE id = NEW.id;
END;
ALTER TABLE checkins ADD COLUMN uuid TEXT;
ALTER TABLE checkins ADD COLUMN device TEXT;
UPDATE checkins SET uuid = lower(hex(randomblob(16))), device = (SELECT id FROM device);
CREATE UNIQUE INDEX checkins_by_uuid ON checkins (uuid);
CREATE TRIGGER checkins_stable_id AFTER INSERT ON checkins WHEN NEW.uuid IS NULL BEGIN
  UPDATE checkins SET uuid = lower(hex(randomblob(16))), device = (SELECT id FROM device)
  WHERE id = NEW.id;
END;
ALTER TABLE plans ADD COLUMN uuid TEXT;
ALTER TABLE plans ADD COLUMN device TEXT;
UPDATE plans SET uuid = lower(hex(randomblob(16))), device = (SELECT id FROM device);
CREATE UNIQUE INDEX plans_by_uuid ON plans (uuid);
CREATE TRIGGER plans_stable_id AFTER INSERT ON plans WHEN NEW.uuid IS NULL BEGIN
  UPDATE plans SET uuid = lower(hex(randomblob(16))), device = (SELECT id FROM device)
  WHERE id = NEW.id;
END;
)sql";

constexpr std::array<std::string_view, 7> kMigrations{kVersion1, kVersion2, kVersion3, kVersion4,
                                                      kVersion5, kVersion6, kVersion7};

}  // namespace

std::span<const std::string_view> migrations() {
  return kMigrations;
}

int latestSchemaVersion() {
  return static_cast<int>(kMigrations.size());
}

int checkSchema(Database& db) {
  // One statement, so one snapshot: read one by one, another process creating the tables of a
  // new file in between made it look like a file with tables but no version, another program's.
  Statement read = db.prepare(
      "SELECT (SELECT user_version FROM pragma_user_version), "
      "(SELECT application_id FROM pragma_application_id), (SELECT count(*) FROM sqlite_schema)");
  read.step();
  const int version = read.integer(0);
  const auto appId = read.int64(1);
  const auto tables = read.int64(2);
  if (version == 0 && tables > 0) {
    throw StoreError("it holds another program's tables, not unknot's");
  }
  if (version > 0 && appId != kApplicationId) {
    throw StoreError("it is another program's database (application id " + std::to_string(appId) +
                     ")");
  }
  if (version > latestSchemaVersion()) {
    throw StoreError("it was written by a newer unknot (schema " + std::to_string(version) +
                     "; this version reads up to " + std::to_string(latestSchemaVersion()) + ")");
  }
  return version;
}

void migrate(Database& db) {
  checkSchema(db);
  while (true) {
    // Read again under the write lock: another process may have migrated meanwhile.
    Transaction transaction(db);
    const int current = static_cast<int>(db.queryInt("PRAGMA user_version"));
    if (current >= latestSchemaVersion()) break;
    db.exec(kMigrations[static_cast<size_t>(current)]);
    db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
    db.exec("PRAGMA user_version = " + std::to_string(current + 1));
    transaction.commit();
  }
}

}  // namespace unknot
