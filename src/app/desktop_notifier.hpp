// Desktop notifications through libnotify, when a notification service is running. Without
// one (a bare console, no D-Bus session, or a build without libnotify) nothing is sent and
// the caller prints instead.
#pragma once

#include <string>

namespace unknot {

class DesktopNotifier {
 public:
  DesktopNotifier();
  ~DesktopNotifier();
  DesktopNotifier(const DesktopNotifier&) = delete;
  DesktopNotifier& operator=(const DesktopNotifier&) = delete;

  // Whether a notification service answered; asked once, on first use.
  bool available();
  // Why it is not available, for telling the user once.
  const std::string& reason() const { return m_reason; }
  // Sends one notification; false (with reason()) when it could not be shown.
  bool notify(const std::string& title, const std::string& body);

 private:
  bool m_initialised = false;
  bool m_checked = false;
  bool m_available = false;
  std::string m_reason;
};

}  // namespace unknot
