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
  // Sends one notification; false (with reason()) when it could not be shown. An urgent one
  // (a heat/ice switch) stays on screen until dismissed.
  bool notify(const std::string& title, const std::string& body, bool urgent = false);

  // Heat/ice switches: an urgent notification with one button (`actionLabel`) where the service
  // offers buttons. It replaces the previous one; withdraw() closes it. actionTaken() reports a
  // click once; it handles libnotify's pending events, so a runner calls it when it wakes.
  bool notifyWithAction(const std::string& title, const std::string& body,
                        const std::string& actionLabel);
  bool actionTaken();
  void withdraw();

 private:
  void* m_actionNote = nullptr;  // the NotifyNotification with a button, while it shows
  bool m_actionClicked = false;
  bool m_initialised = false;
  bool m_checked = false;
  bool m_available = false;
  std::string m_reason;
};

}  // namespace unknot
