// Records every session a runner starts in the progress store, alongside its other sinks.
#pragma once

#include <iosfwd>
#include <string>

#include "app/session/app_paths.hpp"
#include "app/session/library.hpp"
#include "app/session/session_sinks.hpp"

namespace unknot {

// Records each session a runner starts, alongside `other` (audio) when given. If the store
// cannot be opened or a write fails, the user is told on `err` and the timer runs on
// unrecorded. `runner` is "terminal" or "gui"; terminal runs end with a check-in hint on `out`.
SessionSinkFactory recordingSinkFactory(const Library& library, const DataDir& dataDir,
                                        const std::string& runner, std::ostream& out,
                                        std::ostream& err, SessionSinkFactory other = {});

}  // namespace unknot
