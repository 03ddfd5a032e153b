// A stand-in desktop notification service for end-to-end tests: it owns
// org.freedesktop.Notifications on the session bus, appends every notification's summary to a
// log file, and "clicks" the first button of each one that has buttons after a short delay.
// Usage: unknot_fake_notifier LOG_FILE [CLICK_AFTER_MS]
#include <gio/gio.h>

#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

constexpr const char* kIntrospection = R"xml(
<node>
  <interface name="org.freedesktop.Notifications">
    <method name="GetCapabilities"><arg type="as" direction="out"/></method>
    <method name="Notify">
      <arg type="s" direction="in"/><arg type="u" direction="in"/><arg type="s" direction="in"/>
      <arg type="s" direction="in"/><arg type="s" direction="in"/><arg type="as" direction="in"/>
      <arg type="a{sv}" direction="in"/><arg type="i" direction="in"/>
      <arg type="u" direction="out"/>
    </method>
    <method name="CloseNotification"><arg type="u" direction="in"/></method>
    <method name="GetServerInformation">
      <arg type="s" direction="out"/><arg type="s" direction="out"/>
      <arg type="s" direction="out"/><arg type="s" direction="out"/>
    </method>
    <signal name="ActionInvoked"><arg type="u"/><arg type="s"/></signal>
    <signal name="NotificationClosed"><arg type="u"/><arg type="u"/></signal>
  </interface>
</node>)xml";

struct Server {
  std::string log;
  int clickAfterMs = 300;
  guint next = 1;
  GDBusConnection* connection = nullptr;
};

struct Click {
  Server* server;
  guint id;
  std::string action;
};

gboolean click(gpointer data) {
  auto* c = static_cast<Click*>(data);
  g_dbus_connection_emit_signal(c->server->connection, nullptr, "/org/freedesktop/Notifications",
                                "org.freedesktop.Notifications", "ActionInvoked",
                                g_variant_new("(us)", c->id, c->action.c_str()), nullptr);
  delete c;
  return G_SOURCE_REMOVE;
}

void onCall(GDBusConnection*, const gchar*, const gchar*, const gchar*, const gchar* method,
            GVariant* parameters, GDBusMethodInvocation* invocation, gpointer data) {
  auto* server = static_cast<Server*>(data);
  const std::string name = method;
  if (name == "GetCapabilities") {
    const gchar* caps[] = {"actions", "body", nullptr};
    g_dbus_method_invocation_return_value(invocation,
                                          g_variant_new("(^as)", const_cast<gchar**>(caps)));
  } else if (name == "GetServerInformation") {
    g_dbus_method_invocation_return_value(
        invocation, g_variant_new("(ssss)", "fake", "unknot-tests", "1", "1.2"));
  } else if (name == "Notify") {
    const gchar *app = nullptr, *icon = nullptr, *summary = nullptr, *body = nullptr;
    guint replaces = 0;
    GVariant* actions = nullptr;
    GVariant* hints = nullptr;
    gint timeout = 0;
    g_variant_get(parameters, "(&su&s&s&s@as@a{sv}i)", &app, &replaces, &icon, &summary, &body,
                  &actions, &hints, &timeout);
    const guint id = server->next++;
    gsize count = 0;
    const gchar** keys = g_variant_get_strv(actions, &count);
    if (FILE* file = std::fopen(server->log.c_str(), "a")) {
      std::fprintf(file, "%s|%s\n", summary, count >= 2 ? keys[1] : "");
      std::fclose(file);
    }
    if (count >= 2) g_timeout_add(server->clickAfterMs, click, new Click{server, id, keys[0]});
    g_free(keys);
    g_variant_unref(actions);
    g_variant_unref(hints);
    g_dbus_method_invocation_return_value(invocation, g_variant_new("(u)", id));
  } else {
    g_dbus_method_invocation_return_value(invocation, nullptr);
  }
}

void onBus(GDBusConnection* connection, const gchar*, gpointer data) {
  auto* server = static_cast<Server*>(data);
  server->connection = connection;
  static const GDBusInterfaceVTable vtable{onCall, nullptr, nullptr, {}};
  GDBusNodeInfo* info = g_dbus_node_info_new_for_xml(kIntrospection, nullptr);
  g_dbus_connection_register_object(connection, "/org/freedesktop/Notifications",
                                    info->interfaces[0], &vtable, server, nullptr, nullptr);
  g_dbus_node_info_unref(info);
}

void onName(GDBusConnection*, const gchar*, gpointer data) {
  // Ready: tell the test by creating LOG_FILE.ready.
  auto* server = static_cast<Server*>(data);
  if (FILE* file = std::fopen((server->log + ".ready").c_str(), "w")) std::fclose(file);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s LOG_FILE [CLICK_AFTER_MS]\n", argv[0]);
    return 2;
  }
  Server server;
  server.log = argv[1];
  if (argc > 2) server.clickAfterMs = std::atoi(argv[2]);
  g_bus_own_name(G_BUS_TYPE_SESSION, "org.freedesktop.Notifications", G_BUS_NAME_OWNER_FLAGS_NONE,
                 onBus, onName, nullptr, &server, nullptr);
  GMainLoop* loop = g_main_loop_new(nullptr, FALSE);
  g_main_loop_run(loop);
  return 0;
}
