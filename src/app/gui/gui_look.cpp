#include "app/gui/gui_look.hpp"

#include <algorithm>
#include <iostream>
#include <utility>

#include "ui/player_layout.hpp"

namespace unknot {

GuiLook::GuiLook(Options options) : m_options(std::move(options)) {}

Look GuiLook::wanted() const {
  Look look;
  if (m_options.settings) {
    look.theme = m_options.settings->display.theme;
    look.reducedMotion = m_options.settings->display.reducedMotion;
  }
  if (m_options.theme) look.theme = *m_options.theme;
  return look;
}

double GuiLook::scale() const {
  const double scale = m_options.scale      ? *m_options.scale
                       : m_options.settings ? m_options.settings->display.scale
                                            : 1.0;
  return std::clamp(scale, kMinInterfaceScale, kMaxInterfaceScale);
}

bool GuiLook::apply() const {
  const Look look = wanted(), shown = currentLook();
  if (look.theme == shown.theme && look.reducedMotion == shown.reducedMotion) return false;
  useLook(look);
  return true;
}

void GuiLook::zoom(const std::vector<int>& steps) {
  if (steps.empty()) return;
  double next = scale();
  for (const int step : steps) next = steppedInterfaceScale(next, step);
  m_options.scale = next;
  Settings* settings = m_options.settings;
  if (!settings || settings->display.scale == next) return;
  settings->display.scale = next;
  if (m_options.settingsPath.empty()) return;
  if (const auto error = saveSettings(*settings, m_options.settingsPath)) {
    std::cerr << "unknot: could not save the interface scale: " << *error << '\n';
  }
}

}  // namespace unknot
