#include "app/session/desktop_notifier.hpp"

#ifdef UNKNOT_HAVE_LIBNOTIFY
#include <libnotify/notify.h>
#endif

namespace unknot {

DesktopNotifier::DesktopNotifier() = default;

DesktopNotifier::~DesktopNotifier() {
#ifdef UNKNOT_HAVE_LIBNOTIFY
  withdraw();
  if (m_initialised) notify_uninit();
#endif
}

#ifdef UNKNOT_HAVE_LIBNOTIFY
namespace {

bool serverHasActions() {
  GList* caps = notify_get_server_caps();
  bool actions = false;
  for (GList* item = caps; item; item = item->next) {
    actions = actions || g_strcmp0(static_cast<const char*>(item->data), "actions") == 0;
  }
  g_list_free_full(caps, g_free);
  return actions;
}

void onAction(NotifyNotification*, char*, gpointer clicked) {
  *static_cast<bool*>(clicked) = true;
}

}  // namespace
#endif

bool DesktopNotifier::notifyWithAction(const std::string& title, const std::string& body,
                                       const std::string& actionLabel) {
  if (!available()) return false;
#ifdef UNKNOT_HAVE_LIBNOTIFY
  withdraw();
  if (!serverHasActions()) return notify(title, body, true);
  NotifyNotification* note = notify_notification_new(title.c_str(), body.c_str(), "unknot");
  notify_notification_set_urgency(note, NOTIFY_URGENCY_CRITICAL);
  notify_notification_set_category(note, "reminder");
  m_actionClicked = false;
  notify_notification_add_action(note, "switched", actionLabel.c_str(), onAction, &m_actionClicked,
                                 nullptr);
  GError* error = nullptr;
  const bool shown = notify_notification_show(note, &error);
  if (error) {
    m_reason = std::string("the notification was not shown: ") + error->message;
    g_error_free(error);
  }
  if (!shown) {
    g_object_unref(G_OBJECT(note));
    return false;
  }
  m_actionNote = note;
  return true;
#else
  (void)title;
  (void)body;
  (void)actionLabel;
  return false;
#endif
}

bool DesktopNotifier::actionTaken() {
#ifdef UNKNOT_HAVE_LIBNOTIFY
  if (!m_actionNote) return false;
  // Button clicks arrive as D-Bus signals on GLib's default context.
  while (g_main_context_iteration(nullptr, FALSE)) {
  }
  if (!m_actionClicked) return false;
  m_actionClicked = false;
  g_object_unref(G_OBJECT(static_cast<NotifyNotification*>(m_actionNote)));
  m_actionNote = nullptr;
  return true;
#else
  return false;
#endif
}

void DesktopNotifier::withdraw() {
#ifdef UNKNOT_HAVE_LIBNOTIFY
  if (!m_actionNote) return;
  auto* note = static_cast<NotifyNotification*>(m_actionNote);
  notify_notification_close(note, nullptr);
  g_object_unref(G_OBJECT(note));
  m_actionNote = nullptr;
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

bool DesktopNotifier::notify(const std::string& title, const std::string& body, bool urgent) {
  if (!available()) return false;
#ifdef UNKNOT_HAVE_LIBNOTIFY
  NotifyNotification* note = notify_notification_new(title.c_str(), body.c_str(), "unknot");
  notify_notification_set_urgency(note, urgent ? NOTIFY_URGENCY_CRITICAL : NOTIFY_URGENCY_NORMAL);
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
  (void)urgent;
  return false;
#endif
}

}  // namespace unknot
