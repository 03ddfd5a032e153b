// The store's schema, created and upgraded by numbered migrations (PRAGMA user_version).
// A migration is never edited once released; changes are new migrations.
#pragma once

#include <span>
#include <string_view>

#include "store/sqlite_db.hpp"

namespace unknot {

// 'unkn': marks the file as ours, so another program's database is never migrated.
inline constexpr int kApplicationId = 0x756E6B6E;

// migrations()[i] upgrades a database from user_version i to i + 1.
std::span<const std::string_view> migrations();
int latestSchemaVersion();

// The database's schema version, read without writing. Throws a StoreError when the file is
// another program's or from a newer unknot.
int checkSchema(Database& db);

// Brings the database to the latest version, one transaction per migration. Throws a
// StoreError, touching nothing, when the file is another program's or from a newer unknot.
void migrate(Database& db);

}  // namespace unknot
