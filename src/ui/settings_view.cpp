#include "ui/settings_view.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "ui/key_table.hpp"
#include "ui/player_view.hpp"
#include "ui/theme.hpp"

namespace unknot {

namespace {

// One labelled row: the label left, the control right, the focus ring around the control.
class Rows {
 public:
  Rows(const UiFonts& fonts, float labelWidth, float controlWidth)
      : m_fonts(&fonts), m_labelWidth(labelWidth), m_controlWidth(controlWidth) {}

  void label(const char* text) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(text);
    ImGui::SameLine(m_labelWidth);
    ImGui::SetNextItemWidth(m_controlWidth);
  }
  void ring() const { drawFocusRing(std::max(3.0f, std::round(m_fonts->bodySize * 0.16f))); }
  void heading(const char* text) const {
    ImGui::Spacing();
    ImGui::PushFont(m_fonts->heading);
    ImGui::TextUnformatted(text);
    ImGui::PopFont();
    ImGui::Separator();
  }

 private:
  const UiFonts* m_fonts;
  float m_labelWidth, m_controlWidth;
};

// A 0..1 setting shown as a percentage; true when it changed this frame.
bool percentSlider(const char* id, double& value, bool& done) {
  float percent = static_cast<float>(value * 100.0);
  const bool changed =
      ImGui::SliderFloat(id, &percent, 0.0f, 100.0f, "%.0f %%", ImGuiSliderFlags_AlwaysClamp);
  if (changed) value = std::round(percent) / 100.0;
  done = ImGui::IsItemDeactivatedAfterEdit() || (changed && !ImGui::IsItemActive());
  return changed || ImGui::IsItemDeactivatedAfterEdit();
}

template <class Value>
bool combo(const char* id, Value& value, std::span<const Value> choices,
           const std::function<std::string(Value)>& label) {
  bool changed = false;
  if (ImGui::BeginCombo(id, label(value).c_str())) {
    for (const Value& choice : choices) {
      const bool selected = choice == value;
      if (ImGui::Selectable(label(choice).c_str(), selected) && !selected) {
        value = choice;
        changed = true;
      }
      if (selected) ImGui::SetItemDefaultFocus();
    }
    ImGui::EndCombo();
  }
  return changed;
}

}  // namespace

void drawFocusRing(float thickness) {
  if (!ImGui::IsItemFocused() || !ImGui::GetIO().NavVisible) return;
  const float gap = thickness;
  ImGui::GetWindowDrawList()->AddRect(
      ImVec2(ImGui::GetItemRectMin().x - gap, ImGui::GetItemRectMin().y - gap),
      ImVec2(ImGui::GetItemRectMax().x + gap, ImGui::GetItemRectMax().y + gap), palette().accent,
      thickness, 0, thickness);
}

SettingsIntent settingsIntentForKey(UiKey key) {
  SettingsIntent intent;
  const auto action = actionForKey(settingsKeys(), key);
  if (!action) return intent;
  switch (*action) {
    case SettingsAction::Keys:  // the overlay is the app's, over any screen
      break;
    case SettingsAction::Close:
      intent.kind = SettingsIntent::Kind::Close;
      break;
    case SettingsAction::TestVoice:
      intent.kind = SettingsIntent::Kind::TestVoice;
      break;
    case SettingsAction::NoticeAgain:
      intent.kind = SettingsIntent::Kind::NoticeAgain;
      break;
    case SettingsAction::EditDayStart:
      intent.kind = SettingsIntent::Kind::EditDayStart;
      break;
    case SettingsAction::BackgroundReminders:
      intent.kind = SettingsIntent::Kind::BackgroundReminders;  // the caller says which way
      break;
  }
  return intent;
}

SettingsIntent drawSettingsView(const SettingsScreenModel& model, const UiFonts& fonts,
                                std::span<const UiKey> keys) {
  SettingsIntent intent;
  for (UiKey key : keys) {
    intent = settingsIntentForKey(key);
    if (intent.kind == SettingsIntent::Kind::BackgroundReminders) {
      if (!model.backgroundReminders) intent.kind = SettingsIntent::Kind::None;  // not offered
      intent.backgroundOn = !model.backgroundReminders.value_or(false);
    }
    if (intent.kind != SettingsIntent::Kind::None) break;
  }
  Settings next = model.settings;
  bool changed = false, commit = true;
  const auto edited = [&](bool didChange, bool done = true) {
    if (!didChange) return;
    changed = true;
    commit = commit && done;
  };

  const ImVec2 window = ImGui::GetIO().DisplaySize;
  const float pad = std::round(fonts.bodySize * 1.2f);
  beginFullscreenWindow("##settings");
  ImGui::PushFont(fonts.body);
  ImGui::SetCursorScreenPos(ImVec2(pad, pad));
  ImGui::BeginChild("##settings-body", ImVec2(window.x - pad * 2, window.y - pad * 2));
  // Tab and the arrows move within the focused window: the controls' own.
  if (ImGui::IsWindowAppearing()) ImGui::SetWindowFocus();
  ImGui::PushFont(fonts.heading);
  ImGui::TextUnformatted("Settings");
  ImGui::PopFont();
  {
    // Back sits top right, where the eye looks for a way out.
    const std::string back = withKey("Back to the library", settingsKeys(), SettingsAction::Close);
    const float backWidth =
        ImGui::CalcTextSize(back.c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
    ImGui::SameLine(std::max(0.0f, ImGui::GetContentRegionAvail().x + ImGui::GetCursorPosX() -
                                       backWidth - ImGui::GetStyle().ScrollbarSize));
    if (ImGui::Button(back.c_str())) intent.kind = SettingsIntent::Kind::Close;
    drawFocusRing(std::max(3.0f, std::round(fonts.bodySize * 0.16f)));
  }
  ImGui::PushStyleColor(
      ImGuiCol_Text,
      ImGui::ColorConvertU32ToFloat4(model.canSave && model.saveError.empty() ? palette().textDim
                                                                              : palette().warning));
  ImGui::TextWrapped("%s", saveStatusLine(model).c_str());
  ImGui::PopStyleColor();

  // Two columns (look and sound; voice, calendar, safety) when they fit, else one.
  const bool twoColumns = ImGui::GetContentRegionAvail().x >= fonts.bodySize * 52.0f;
  ImGui::BeginTable("##columns", twoColumns ? 2 : 1, ImGuiTableFlags_PadOuterX);
  ImGui::TableNextColumn();
  const auto rowsHere = [&] {
    const float width = ImGui::GetContentRegionAvail().x;
    const float labelWidth = std::round(std::min(width * 0.4f, fonts.bodySize * 11.0f));
    const float controlWidth = std::round(
        std::clamp(width - labelWidth - pad, fonts.bodySize * 6.0f, fonts.bodySize * 24.0f));
    return Rows(fonts, labelWidth, controlWidth);
  };
  Rows rows = rowsHere();
  bool done = true;

  rows.heading("Look");
  rows.label("Theme");
  edited(combo<ThemeName>("##theme", next.display.theme, kThemeNames,
                          [](ThemeName t) { return std::string(themeLabel(t)); }));
  rows.ring();
  rows.label("Interface size");
  {
    float percent = static_cast<float>(next.display.scale * 100.0);
    const bool moved =
        ImGui::SliderFloat("##scale", &percent, kMinInterfaceScale * 100, kMaxInterfaceScale * 100,
                           "%.0f %%", ImGuiSliderFlags_AlwaysClamp);
    if (moved) next.display.scale = std::round(percent / 5.0f) * 5.0 / 100.0;
    edited(moved || ImGui::IsItemDeactivatedAfterEdit(), !ImGui::IsItemActive());
    rows.ring();
  }
  rows.label("Reduced motion");
  edited(
      ImGui::Checkbox("No tints, pulses or moving figures##motion", &next.display.reducedMotion));
  rows.ring();

  rows.heading("Sound");
  if (!model.hasSound) ImGui::TextDisabled("This run has no sound; changes apply next time.");
  rows.label("Sound");
  {
    bool on = !next.audio.muted;
    edited(ImGui::Checkbox("On##sound", &on));
    next.audio.muted = !on;
    rows.ring();
  }
  rows.label("Volume");
  edited(percentSlider("##volume", next.audio.volume, done), done);
  rows.ring();
  struct CueRow {
    const char* label;
    const char* id;
    double* value;
  };
  const CueRow cues[] = {{"Chime", "##v-chime", &next.audio.volumes.chime},
                         {"Countdown pips", "##v-pips", &next.audio.volumes.pips},
                         {"Halfway bell", "##v-halfway", &next.audio.volumes.halfway},
                         {"Switch sides", "##v-switch", &next.audio.volumes.switchSides},
                         {"Finish", "##v-finish", &next.audio.volumes.finish},
                         {"Heat/ice alarm", "##v-alarm", &next.audio.volumes.alarm}};
  for (const CueRow& cue : cues) {
    rows.label(cue.label);
    edited(percentSlider(cue.id, *cue.value, done), done);
    rows.ring();
  }

  ImGui::TableNextColumn();
  rows = rowsHere();
  rows.heading("Voice");
  rows.label("Voice");
  edited(ImGui::Checkbox("Speak prompts##voice", &next.audio.voice));
  rows.ring();
  rows.label("How much is said");
  edited(combo<Verbosity>("##verbosity", next.audio.verbosity, kVerbosities,
                          [](Verbosity v) { return std::string(verbosityLabel(v)); }));
  rows.ring();
  rows.label("Speech");
  edited(ImGui::Checkbox("The desktop's speech-dispatcher when it runs##speechd",
                         &next.audio.speechDispatcher));
  rows.ring();
  rows.label(("Voice (" + model.voiceBackend + ")").c_str());
  {
    const std::vector<std::string> options = voiceOptions(model);
    edited(combo<std::string>("##voice-name", next.audio.voiceName, options,
                              [](std::string v) { return v.empty() ? "Default voice" : v; }));
    rows.ring();
  }
  rows.label("Speed");
  {
    const bool moved = ImGui::SliderInt("##rate", &next.audio.voiceRate, 80, 450, "%d words/min",
                                        ImGuiSliderFlags_AlwaysClamp);
    edited(moved || ImGui::IsItemDeactivatedAfterEdit(), !ImGui::IsItemActive());
    rows.ring();
  }
  if (model.voiceBackend == "speech-dispatcher")
    ImGui::TextDisabled("speech-dispatcher speaks at the desktop's own speed.");
  rows.label("");
  if (ImGui::Button(withKey("Test voice", settingsKeys(), SettingsAction::TestVoice).c_str()))
    intent.kind = SettingsIntent::Kind::TestVoice;
  rows.ring();

  rows.heading("Calendar");
  rows.label("First day of the week");
  {
    static constexpr std::optional<int> kDays[] = {std::nullopt, 1, 2, 3, 4, 5, 6, 0};
    const int localeDay = model.localeWeekday;
    edited(combo<std::optional<int>>(
        "##weekday", next.calendar.firstWeekday, kDays,
        [localeDay](std::optional<int> d) { return weekdayChoiceLabel(d, localeDay); }));
    rows.ring();
  }
  rows.label("A new day starts at");
  ImGui::TextUnformatted(model.dayStartHour ? hourLabel(*model.dayStartHour).c_str() : "unknown");
  ImGui::SameLine();
  if (ImGui::Button(
          withKey("Change in the plan", settingsKeys(), SettingsAction::EditDayStart).c_str()))
    intent.kind = SettingsIntent::Kind::EditDayStart;
  rows.ring();

  if (model.backgroundReminders) {
    rows.heading("Reminders");
    rows.label("With the app closed");
    bool on = *model.backgroundReminders;
    const std::string label = withKey("Remind me even when unknot is closed", settingsKeys(),
                                      SettingsAction::BackgroundReminders);
    if (ImGui::Checkbox(label.c_str(), &on)) {
      intent.kind = SettingsIntent::Kind::BackgroundReminders;
      intent.backgroundOn = on;
    }
    rows.ring();
    if (!model.backgroundText.empty()) {
      rows.label("");
      ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(palette().textDim));
      ImGui::TextWrapped("%s", model.backgroundText.c_str());
      ImGui::PopStyleColor();
    }
  }

  rows.heading("Safety");
  rows.label("First-start notice");
  if (ImGui::Button(withKey("Show it again", settingsKeys(), SettingsAction::NoticeAgain).c_str()))
    intent.kind = SettingsIntent::Kind::NoticeAgain;
  rows.ring();
  ImGui::EndTable();
  ImGui::EndChild();
  ImGui::PopFont();
  ImGui::End();

  if (changed && intent.kind == SettingsIntent::Kind::None) {
    intent.kind = SettingsIntent::Kind::Changed;
    intent.settings = next;
    intent.commit = commit;
  }
  return intent;
}

}  // namespace unknot
