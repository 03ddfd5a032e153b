#include "app/desktop_notifier.hpp"

#ifdef UNKNOT_HAVE_LIBNOTIFY
#include <libnotify/notify.h>
#endif

namespace unknot {

DesktopNotifier::DesktopNotifier() = default;

DesktopNotifier::~DesktopNotifier() {
#ifdef UNKNOT_HAVE_LIBNOTIFY
  if (m_initialised) notify_uninit();
#endif
}

bool DesktopNotifier::available() {
  if (m_checked) return m_available;
  m_checked = true;
#ifdef UNKNOT_HAVE_LIBNOTIFY
  if (!notify_init("unknot")) {
    m_reason = "libnotify could not start";
    return false;
  }
  m_initialised = true;
  // Asking the server who it is fails fast when there is no session bus or no service.
  char *name = nullptr, *vendor = nullptr, *version = nullptr, *spec = nullptr;
  m_available = notify_get_server_info(&name, &vendor, &version, &spec);
  for (char* text : {name, vendor, version, spec}) g_free(text);
  if (!m_available) m_reason = "no desktop notification service is running";
#else
  m_reason = "this build has no desktop notifications (libnotify)";
#endif
  return m_available;
}

bool DesktopNotifier::notify(const std::string& title, const std::string& body) {
  if (!available()) return false;
#ifdef UNKNOT_HAVE_LIBNOTIFY
  NotifyNotification* note = notify_notification_new(title.c_str(), body.c_str(), "unknot");
  notify_notification_set_urgency(note, NOTIFY_URGENCY_NORMAL);
  notify_notification_set_category(note, "reminder");
  GError* error = nullptr;
  const bool shown = notify_notification_show(note, &error);
  if (error) {
    m_reason = std::string("the notification was not shown: ") + error->message;
    g_error_free(error);
  }
  g_object_unref(G_OBJECT(note));
  return shown;
#else
  (void)title;
  (void)body;
  return false;
#endif
}

}  // namespace unknot
