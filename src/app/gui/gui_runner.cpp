#include "app/gui/gui_runner.hpp"

#include <iostream>

#include "app/gui/gui_app.hpp"
#include "app/gui/gui_fonts.hpp"
#include "app/gui/gui_look.hpp"
#include "app/gui/gui_window.hpp"

namespace unknot {

namespace {

WindowRequest windowRequest(const GuiOptions& options) {
  WindowRequest request;
  if (options.settings) {
    request.width = options.settings->window.width;
    request.height = options.settings->window.height;
    if (!options.screenshot) {
      request.x = options.settings->window.x;
      request.y = options.settings->window.y;
    }
  }
  if (options.width > 0 && options.height > 0) {
    request.width = options.width;
    request.height = options.height;
  }
  return request;
}

// Window geometry is the one setting the GUI changes by itself; written back on exit.
void rememberGeometry(const GuiOptions& options, const GuiWindow& window) {
  if (!options.settings || options.screenshot) return;
  const WindowSettings now = window.geometry();
  WindowSettings& saved = options.settings->window;
  if (now.width == saved.width && now.height == saved.height && now.x == saved.x &&
      now.y == saved.y) {
    return;
  }
  saved = now;
  if (options.settingsPath.empty()) return;
  if (const auto error = saveSettings(*options.settings, options.settingsPath)) {
    std::cerr << "unknot: could not save the window size: " << *error << '\n';
  }
}

// What the first frame will most likely need; a wrong guess costs one more build.
FontGuess fontGuess(const GuiOptions& options, const WindowRequest& request) {
  FontGuess guess;
  guess.window = ImVec2(static_cast<float>(request.width), static_cast<float>(request.height));
  const GuiLook look({options.settings, {}, options.theme, options.scale});
  guess.interfaceScale = static_cast<float>(look.scale());
  return guess;
}

// The routine --run asks for; an error line when it names nothing that can run.
const Plan* requestedPlan(const GuiOptions& options, std::string& error, int& code) {
  if (!options.runId) return nullptr;
  const std::string& id = *options.runId;
  const LibraryEntry* entry = options.library ? options.library->find(id) : nullptr;
  if (!entry) {
    error = "no routine '" + id + "' (see unknot list)";
    code = kExitUsage;
  } else if (!entry->plan) {
    code = kExitFailure;
    error =
        "routine '" + id + "' could not be loaded: " +
        (entry->errors.empty() ? std::string("unknown error") : entry->errors.front().toString());
  }
  return entry && entry->plan ? &*entry->plan : nullptr;
}

}  // namespace

int runGui(const GuiOptions& options, std::string& noDisplayReason) {
  std::string error;
  int code = kExitOk;
  const Plan* plan = requestedPlan(options, error, code);
  if (code != kExitOk) {
    std::cerr << "unknot: " << error << '\n';
    return code;
  }
  std::optional<GuiProgress::Screen> view;
  const bool noticeAgain = options.view == "notice";
  const bool settingsView = options.view == "settings";
  if (options.view && *options.view != "library" && !noticeAgain && !settingsView) {
    view = parseGuiView(*options.view);
    if (!view) {
      std::cerr << "unknot: --view: expected library, progress, checkin, plan, settings or notice, "
                   "found '"
                << *options.view << "'\n";
      return kExitUsage;
    }
  }
  // The fonts are rasterised on a worker while the window and its OpenGL context are made.
  const WindowRequest request = windowRequest(options);
  ImFontAtlas atlas;  // outlives the window's ImGui context, which draws with it
  FontSet fonts(atlas, fontGuess(options, request));
  const std::unique_ptr<GuiWindow> window = GuiWindow::open(request, atlas, error);
  if (!window) {
    noDisplayReason = error;
    return kExitNoDisplay;
  }
  traceStep(options.trace, "window");
  GuiApp app(options, *window, fonts);
  traceStep(options.trace, "app");
  app.showSafetyScreens(!plan && !view, noticeAgain);
  if (plan) app.start(*plan, options.at.value_or(Millis(0)));
  traceStep(options.trace, "start");
  if (!plan && !view && !options.screenshot) app.offerStoredCycle();
  if (view) app.openView(*view);
  if (settingsView) app.openSettings();
  if (options.openFile) app.openFile(*options.openFile);
  if (options.screenshot) return app.screenshot();
  code = app.run();
  rememberGeometry(options, *window);
  return code;
}

}  // namespace unknot
