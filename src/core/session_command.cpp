#include "core/session_command.hpp"

#include <array>
#include <utility>

namespace unknot {

namespace {

constexpr std::array<std::pair<SessionCommand, std::string_view>, 11> kNames{{
    {SessionCommand::TogglePause, "toggle-pause"},
    {SessionCommand::Skip, "skip"},
    {SessionCommand::Back, "back"},
    {SessionCommand::Restart, "restart"},
    {SessionCommand::Done, "done"},
    {SessionCommand::Stop, "stop"},
    {SessionCommand::Leave, "leave"},
    {SessionCommand::ToggleMute, "toggle-mute"},
    {SessionCommand::Acknowledge, "acknowledge"},
    {SessionCommand::SayWhere, "say-where"},
    {SessionCommand::SayInstructions, "say-instructions"},
}};

}  // namespace

std::string_view toString(SessionCommand command) {
  for (const auto& [value, name] : kNames)
    if (value == command) return name;
  return "?";
}

std::optional<SessionCommand> sessionCommandFromString(std::string_view text) {
  for (const auto& [value, name] : kNames)
    if (name == text) return value;
  return std::nullopt;
}

}  // namespace unknot
